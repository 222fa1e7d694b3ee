//! What fits: text wrapped or cut to a width in terminal cells, with `…` wherever something
//! is left out. Views use it to draw and `update` to hit-test and to bound scrolling, so
//! both agree on how many rows a text takes.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// The mark for text left out.
pub const CUT: char = '…';

/// Cells `c` takes on a terminal (control characters are cleaned before they get here).
fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    text.chars().map(cells).sum()
}

/// `text` on one line of at most `max` cells: whole if it fits, else cut with `…`.
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + cells(c) + 1 > max {
            break;
        }
        used += cells(c);
        out.push(c);
    }
    if max > 0 {
        out.push(CUT);
    }
    out
}

/// `text` wrapped at word boundaries into lines of at most `max` cells (a word longer than
/// a line is broken). Line breaks in `text` are kept; an empty text is one empty line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(&chars, max)
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

/// The rows of `chars` wrapped to `max` cells, as ranges of char indices; the space where
/// a line breaks belongs to neither row.
pub fn wrap_ranges(chars: &[char], max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    for end in chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '\n')
        .map(|(i, _)| i)
        .chain([chars.len()])
    {
        wrap_paragraph(chars, start..end, max, &mut rows);
        start = end + 1;
    }
    rows
}

/// Wraps the paragraph `para` of `chars` (no line breaks inside) into `rows`.
fn wrap_paragraph(chars: &[char], para: Range<usize>, max: usize, rows: &mut Vec<Range<usize>>) {
    let (mut start, mut used, mut space) = (para.start, 0, None);
    let mut i = para.start;
    while i < para.end {
        let c = chars[i];
        if used + cells(c) > max && i > start {
            if c == ' ' {
                rows.push(start..i);
                (start, used, space) = (i + 1, 0, None);
            } else if let Some(at) = space {
                rows.push(start..at);
                start = at + 1;
                used = chars[start..i].iter().map(|&c| cells(c)).sum();
                space = None;
                continue;
            } else {
                rows.push(start..i);
                (start, used) = (i, 0);
                continue;
            }
            i += 1;
            continue;
        }
        if c == ' ' {
            space = Some(i);
        }
        used += cells(c);
        i += 1;
    }
    rows.push(start..para.end);
}

/// `text` wrapped into at most `rows` lines of `max` cells; when more would be needed, the
/// last line shown ends with `…`.
pub fn wrap_cut(text: &str, max: usize, rows: usize) -> Vec<String> {
    let mut lines = wrap(text, max);
    if lines.len() > rows {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut() {
            let room = max.saturating_sub(1);
            *last = format!("{}{CUT}", cut_plain(last, room));
        }
    }
    lines
}

/// `text` cut to `max` cells without a mark.
fn cut_plain(text: &str, max: usize) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|&c| {
            used += cells(c);
            used <= max
        })
        .collect()
}

/// Rows a text of these lines takes when wrapped to `max` cells.
pub fn height<'a>(lines: impl IntoIterator<Item = &'a str>, max: usize) -> usize {
    lines.into_iter().map(|l| wrap(l, max).len()).sum()
}

/// The window of a list of `len` rows that shows in `rows` rows when row `selected` takes
/// `tall` rows and every other row one: the first row shown, and how many show. The window
/// scrolls just enough to keep the whole selected row in view.
pub fn window(len: usize, selected: usize, tall: usize, rows: usize) -> (usize, usize) {
    let rows = rows.max(1);
    let tall = tall.clamp(1, rows);
    let first = (selected + tall).saturating_sub(rows).min(selected);
    let shown = (rows - tall + 1).min(len.saturating_sub(first));
    (first, shown)
}

/// The list row under screen row `dy` (0 = the first row of the list) in a window from
/// [`window`], or `None` below the last row.
pub fn row_at(dy: usize, (first, shown): (usize, usize), selected: usize, tall: usize) -> Option<usize> {
    let mut y = 0;
    for i in first..first + shown {
        let h = if i == selected { tall } else { 1 };
        if dy < y + h {
            return Some(i);
        }
        y += h;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_marks_what_it_leaves_out_and_counts_cells() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("exactly10!", 10), "exactly10!");
        assert_eq!(cut("eleven char", 10), "eleven ch…");
        assert_eq!(width(&cut("東京の倉庫で冷蔵", 7)), 7);
        assert!(cut("東京の倉庫で冷蔵", 7).ends_with(CUT));
        assert_eq!(cut("anything", 0), "");
    }

    #[test]
    fn wrap_breaks_at_words_and_keeps_line_breaks() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let long = "Grow pharma and biologics freight from 8% to 20% of revenue by 2028";
        let lines = wrap(long, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), long);
    }

    #[test]
    fn wrap_cut_marks_the_last_line_when_rows_run_out() {
        let lines = wrap_cut("one two three four five six", 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with(CUT) && width(&lines[1]) <= 9, "{lines:?}");
        assert_eq!(wrap_cut("fits", 9, 2), ["fits"]);
    }

    #[test]
    fn the_window_keeps_a_tall_selection_whole() {
        assert_eq!(window(10, 0, 3, 5), (0, 3));
        assert_eq!(window(10, 4, 1, 5), (0, 5));
        assert_eq!(window(10, 5, 1, 5), (1, 5));
        let (first, shown) = window(10, 6, 3, 5);
        assert_eq!((first, shown), (4, 3));
        assert_eq!(window(2, 0, 1, 5), (0, 2));
        assert_eq!(window(0, 0, 1, 5), (0, 0));
        // A selected row taller than the list is shown from its start.
        assert_eq!(window(3, 1, 9, 4), (1, 1));
    }

    #[test]
    fn rows_are_found_where_they_are_drawn() {
        let win = window(10, 6, 3, 5);
        assert_eq!(row_at(0, win, 6, 3), Some(4));
        assert_eq!(row_at(2, win, 6, 3), Some(6));
        assert_eq!(row_at(4, win, 6, 3), Some(6));
        assert_eq!(row_at(5, win, 6, 3), None);
    }

    #[test]
    fn wrapped_rows_fit_and_lose_nothing_but_the_spaces_they_break_at() {
        let pieces = [
            "a",
            "bb",
            "ccc ",
            " ",
            "  ",
            "冷蔵",
            "word",
            "\n",
            "x y",
            "…",
            "longwordlongword",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2_000 {
            let text: String = (0..rng.usize(0..12))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            let max = rng.usize(1..12);
            let chars: Vec<char> = text.chars().collect();
            let rows = wrap_ranges(&chars, max);
            let mut kept = String::new();
            for r in &rows {
                let row: String = chars[r.clone()].iter().collect();
                let wide_alone = r.len() == 1 && width(&row) > max;
                assert!(width(&row) <= max || wide_alone, "{text:?} at {max}: {row:?}");
                kept.push_str(&row);
            }
            let strip = |t: &str| t.chars().filter(|c| *c != ' ' && *c != '\n').collect::<String>();
            assert_eq!(strip(&kept), strip(&text), "{text:?} at {max}");
        }
    }
}
