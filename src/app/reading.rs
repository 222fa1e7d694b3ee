//! A reading pane's text: lines of pieces, each with a [`Tone`] the views map to the
//! theme. Built once by the screen (a pure function of the account), it is wrapped by
//! [`Reading::rows`] for the view to draw and measured by [`Reading::height`] for `update`
//! to bound scrolling, so a pane never scrolls past its end and always knows what is below.

use super::fit;

/// How a piece of text reads; the views choose the colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// A record's title.
    Heading,
    /// A field's label, a hint.
    Dim,
    /// The customer's own words.
    Quote,
    /// Something good (a question, a pass).
    Good,
    /// Something to look at (a warning).
    Warn,
    /// Something wrong (an opinion, a failure).
    Bad,
    /// A key or an action.
    Key,
}

/// One line of a reading pane, before wrapping: pieces of text with their tones.
pub type Pieces = Vec<(Tone, String)>;

/// The text of a reading pane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The lines, before wrapping.
    pub lines: Vec<Pieces>,
}

impl Reading {
    /// Adds a line of one piece.
    pub fn line(&mut self, tone: Tone, text: impl Into<String>) {
        self.lines.push(vec![(tone, text.into())]);
    }

    /// Adds a line of several pieces.
    pub fn pieces(&mut self, pieces: Pieces) {
        self.lines.push(pieces);
    }

    /// Adds `text` (which may hold line breaks) as lines of one tone, each indented.
    pub fn block(&mut self, tone: Tone, indent: &str, text: &str) {
        for l in text.lines() {
            self.line(tone, format!("{indent}{l}"));
        }
    }

    /// True when there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text wrapped to `width` cells: one entry per screen row, each the pieces of that
    /// row with their tones.
    /// An indented line keeps its indent on every row it wraps to.
    pub fn rows(&self, width: usize) -> Vec<Pieces> {
        let mut rows = Vec::new();
        for line in &self.lines {
            let chars: Vec<(Tone, char)> = line
                .iter()
                .flat_map(|(tone, text)| text.chars().map(move |c| (*tone, c)))
                .collect();
            let indent = chars.iter().take_while(|(_, c)| *c == ' ').count();
            let indent = if indent * 2 < width { indent } else { 0 };
            let (lead, body) = chars.split_at(indent);
            let plain: Vec<char> = body.iter().map(|(_, c)| *c).collect();
            for range in fit::wrap_ranges(&plain, width - indent) {
                rows.push(regroup(&[lead, &body[range]].concat()));
            }
        }
        rows
    }

    /// Rows the text takes wrapped to `width` cells.
    pub fn height(&self, width: usize) -> usize {
        self.rows(width).len()
    }

    /// The furthest a pane of `rows` × `width` can scroll: the last row then shows at its bottom.
    pub fn max_scroll(&self, width: usize, rows: usize) -> usize {
        self.height(width).saturating_sub(rows)
    }
}

/// The widest first piece (a mark: a priority, a number and a status) under which a list
/// row's wrapped rows hang, leaving the mark's column clear.
const HANG: usize = 6;

/// A list row wrapped to `width` cells in at most `rows` rows; when more would be needed,
/// its last row ends with `…`, so a cut never goes unmarked. A row that starts with a
/// short mark wraps under its text, leaving the mark's column clear.
pub fn fit_row(pieces: &Pieces, width: usize, rows: usize) -> Vec<Pieces> {
    let mut out = wrapped_row(pieces, width);
    if out.len() > rows.max(1) {
        out.truncate(rows.max(1));
        if let Some(last) = out.last_mut() {
            mark_cut(last, width);
        }
    }
    out
}

/// Rows a list row takes wrapped in full to `width` cells.
pub fn row_height(pieces: &Pieces, width: usize) -> usize {
    wrapped_row(pieces, width).len()
}

fn wrapped_row(pieces: &Pieces, width: usize) -> Vec<Pieces> {
    let hang = pieces.first().map_or(0, |(_, mark)| fit::width(mark));
    if pieces.len() < 2 || hang == 0 || hang > HANG || width < hang * 4 {
        return Reading {
            lines: vec![pieces.clone()],
        }
        .rows(width);
    }
    let body = Reading {
        lines: vec![pieces[1..].to_vec()],
    };
    let mut rows = body.rows(width - hang);
    for (k, row) in rows.iter_mut().enumerate() {
        let lead = if k == 0 {
            pieces[0].clone()
        } else {
            (Tone::Plain, " ".repeat(hang))
        };
        row.insert(0, lead);
    }
    rows
}

/// How a list lays out in its rows: the first row shown and how many screen rows each
/// row shown takes. When every row fits at up to [`ROOMY`] rows each, every row shows
/// wrapped (a wide terminal, a short list); otherwise each row takes one, cut with `…`,
/// and the selected row of a focused list opens in full. Only the rows that can show are
/// measured, so a long list costs no more than a short one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListLayout {
    /// The first row shown.
    pub first: usize,
    /// Screen rows each row shown takes, from `first` on.
    pub heights: Vec<usize>,
}

/// The most screen rows a row takes when every row of a list shows wrapped.
pub const ROOMY: usize = 3;

impl ListLayout {
    /// Lays out `len` rows built by `row`, `selected` among them, in `rows` × `width` cells;
    /// `open`: the list has focus, so its selected row shows in full.
    pub fn new(
        len: usize,
        selected: usize,
        open: bool,
        (width, rows): (usize, usize),
        row: &dyn Fn(usize) -> Pieces,
    ) -> Self {
        let rows = rows.max(1);
        let selected = selected.min(len.saturating_sub(1));
        if len == 0 {
            return ListLayout {
                first: 0,
                heights: Vec::new(),
            };
        }
        if len <= rows {
            let mut heights: Vec<usize> = (0..len).map(|i| row_height(&row(i), width).min(ROOMY)).collect();
            let used: usize = heights.iter().sum();
            if used <= rows {
                if open {
                    let full = row_height(&row(selected), width);
                    heights[selected] = full.min(rows - (used - heights[selected]));
                }
                return ListLayout { first: 0, heights };
            }
        }
        let tall = if open {
            row_height(&row(selected), width).min(rows)
        } else {
            1
        };
        let (first, shown) = fit::window(len, selected, tall, rows);
        let heights = (first..first + shown)
            .map(|i| if i == selected { tall } else { 1 })
            .collect();
        ListLayout { first, heights }
    }

    /// The row under screen row `dy` of the list (0 = its first screen row), if any.
    pub fn row_at(&self, dy: usize) -> Option<usize> {
        let mut y = 0;
        for (k, h) in self.heights.iter().enumerate() {
            if dy < y + h {
                return Some(self.first + k);
            }
            y += h;
        }
        None
    }
}

/// Ends `row` with `…`, dropping characters from its end until the mark fits in `width`.
fn mark_cut(row: &mut Pieces, width: usize) {
    let mut chars: Vec<(Tone, char)> = row
        .iter()
        .flat_map(|(t, s)| s.chars().map(move |c| (*t, c)))
        .collect();
    let cells = |cs: &[(Tone, char)]| fit::width(&cs.iter().map(|(_, c)| *c).collect::<String>());
    while !chars.is_empty() && cells(&chars) + 1 > width {
        chars.pop();
    }
    let tone = chars.last().map_or(Tone::Plain, |(t, _)| *t);
    chars.push((tone, fit::CUT));
    *row = regroup(&chars);
}

/// Toned characters joined back into pieces of one tone each.
fn regroup(chars: &[(Tone, char)]) -> Pieces {
    let mut pieces: Pieces = Vec::new();
    for &(tone, c) in chars {
        match pieces.last_mut() {
            Some((t, text)) if *t == tone => text.push(c),
            _ => pieces.push((tone, c.to_string())),
        }
    }
    pieces
}

/// Why an entry can't move further up (`up`) or down its list.
pub fn at_end(up: bool) -> String {
    if up { "Already first" } else { "Already last" }.to_owned()
}

/// A scroll position in a reading pane, moved by pages and lines and kept inside the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first row shown.
    pub top: usize,
}

impl Scroll {
    /// Moves by `delta` rows (negative: up), staying between the start and `max`.
    pub fn by(&mut self, delta: isize, max: usize) {
        self.top = self.top.saturating_add_signed(delta).min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_each_piece_in_its_tone_across_a_wrap() {
        let mut r = Reading::default();
        r.pieces(vec![
            (Tone::Dim, "Heard: ".into()),
            (Tone::Quote, "we lose two loads a week".into()),
        ]);
        let rows = r.rows(12);
        assert_eq!(
            rows[0],
            vec![(Tone::Dim, "Heard: ".into()), (Tone::Quote, "we".into())]
        );
        assert!(
            rows.iter()
                .skip(1)
                .all(|row| row.iter().all(|(t, _)| *t == Tone::Quote))
        );
        let text: String = rows
            .iter()
            .flatten()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join("");
        assert_eq!(text.replace(' ', ""), "Heard:welosetwoloadsaweek");
        assert_eq!(r.height(12), rows.len());
    }

    #[test]
    fn a_row_cut_short_ends_with_the_mark() {
        let row: Pieces = vec![
            (Tone::Warn, "■ ".into()),
            (
                Tone::Plain,
                "Cut empty miles from 17% to under 10% across the network".into(),
            ),
        ];
        assert_eq!(row_height(&row, 20), 4);
        let one = fit_row(&row, 20, 1);
        assert_eq!(one.len(), 1);
        let text: String = one[0].iter().map(|(_, t)| t.as_str()).collect();
        assert!(text.ends_with('…') && fit::width(&text) <= 20, "{text:?}");
        assert_eq!(one[0][0], (Tone::Warn, "■ ".into()), "the mark keeps its tone");
        assert_eq!(fit_row(&row, 20, 9).len(), 4, "room enough: nothing cut");
    }

    #[test]
    fn a_short_list_shows_every_row_wrapped_and_a_long_one_opens_only_the_selection() {
        let rows: Vec<Pieces> = (0..4)
            .map(|i| {
                vec![(
                    Tone::Plain,
                    format!("entry {i} with a text long enough to wrap twice"),
                )]
            })
            .collect();
        let row = |i: usize| rows[i].clone();
        let roomy = ListLayout::new(4, 1, true, (20, 12), &row);
        assert_eq!(roomy.first, 0);
        assert_eq!(roomy.heights, [3, 3, 3, 3]);
        assert_eq!(roomy.row_at(4), Some(1));
        let tight = ListLayout::new(4, 3, true, (20, 5), &row);
        assert_eq!(tight.heights.iter().sum::<usize>(), 5);
        assert_eq!(tight.heights.last(), Some(&3), "{tight:?}");
        assert_eq!(tight.row_at(4), Some(3));
        let idle = ListLayout::new(4, 3, false, (20, 3), &row);
        assert_eq!((idle.first, idle.heights.clone()), (1, vec![1, 1, 1]));
        assert_eq!(idle.row_at(3), None);
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let mut r = Reading::default();
        for i in 0..10 {
            r.line(Tone::Plain, format!("line {i}"));
        }
        let max = r.max_scroll(20, 4);
        assert_eq!(max, 6);
        let mut s = Scroll::default();
        s.by(-3, max);
        assert_eq!(s.top, 0);
        s.by(100, max);
        assert_eq!(s.top, 6);
        s.by(-2, max);
        assert_eq!(s.top, 4);
    }
}
