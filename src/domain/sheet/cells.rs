//! Text measured in terminal cells (a wide character takes two), cut or wrapped to a width
//! with `…` wherever something is left out, so a printed sheet never hides a cut.

use unicode_width::UnicodeWidthChar;

/// The mark for text left out.
pub(super) const CUT: char = '…';

/// A space that does not break a line (no-break space): it keeps a name with its role.
pub(super) const GLUE: char = '\u{a0}';

/// Cells `c` takes on a terminal; control characters are cleaned before they get here.
fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells `text` takes on a terminal.
pub(super) fn width(text: &str) -> usize {
    text.chars().map(cells).sum()
}

/// `text` in at most `max` cells: whole if it fits, else cut (at a word when one ends in
/// the second half) and ended with `…`. When `max` is 0 nothing fits, not even the mark.
pub(super) fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut at_word = true;
    for c in text.chars() {
        if used + cells(c) + 1 > max {
            at_word = c == ' ';
            break;
        }
        used += cells(c);
        out.push(c);
    }
    if !at_word && let Some(space) = out.rfind(' ').filter(|&i| i * 2 > out.len()) {
        out.truncate(space);
    }
    format!("{}{CUT}", out.trim_end())
}

/// `text` (one line) wrapped at spaces into at most `rows` lines of at most `max` cells;
/// a word wider than a line is cut, and so is the last line when text is left over. Only
/// plain spaces break a line: words joined by [`GLUE`] stay together, as one word.
pub(super) fn wrap(text: &str, max: usize, rows: usize) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if lines.len() + 1 >= rows {
            lines.push(cut(&words[i..].join(" "), max));
            return lines;
        }
        let mut line = words[i].to_owned();
        i += 1;
        while i < words.len() && width(&line) + 1 + width(words[i]) <= max {
            line.push(' ');
            line.push_str(words[i]);
            i += 1;
        }
        lines.push(cut(&line, max));
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_what_fits_and_marks_the_rest() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("exactly ten", 11), "exactly ten");
        assert_eq!(cut("a little too long", 10), "a little…");
        assert_eq!(cut("日本語のテキスト", 7), "日本語…");
        assert_eq!(width(&cut("日本語のテキスト", 7)), 7);
        assert_eq!(cut("anything", 1), "…");
        assert_eq!(cut("anything", 0), "");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_marks_the_last_row_when_text_is_left() {
        assert_eq!(wrap("one two three", 20, 2), ["one two three"]);
        assert_eq!(wrap("one two three four", 9, 2), ["one two", "three…"]);
        assert_eq!(wrap("one two three four", 9, 3), ["one two", "three", "four"]);
        assert_eq!(wrap("", 9, 2), [""]);
        assert_eq!(
            wrap("a b\u{a0}c d", 4, 3),
            ["a", "b\u{a0}c", "d"],
            "glued words stay together"
        );
        let long = wrap("unbreakableword and more", 6, 3);
        assert!(long[0].ends_with(CUT) && width(&long[0]) <= 6, "{long:?}");
        let text = "Dana Whitlock (economic buyer), Tomas Reyes (decision maker), Priya";
        for max in 1..80 {
            for rows in 1..4 {
                let lines = wrap(text, max, rows);
                assert!(lines.len() <= rows, "{max} {rows}: {lines:?}");
                assert!(lines.iter().all(|l| width(l) <= max), "{max} {rows}: {lines:?}");
                let marked = lines.iter().any(|l| l.ends_with(CUT));
                assert!(marked || lines.join(" ") == text, "{max} {rows}: {lines:?}");
            }
        }
    }
}
