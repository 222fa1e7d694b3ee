//! Text hygiene: what comes from data files or the keyboard is made safe to show before it
//! reaches a terminal, and long text is cut to a line for lists.

use std::borrow::Cow;

/// Replaces control characters (escape sequences, bells, carriage returns...) with visible
/// stand-ins, so text from a file can never drive the terminal. Newlines and tabs are kept
/// when `multiline` is true.
pub fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' if !multiline => ' ',
                '\n' if !multiline => ' ',
                c if bad(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// The first line of `s`, cleaned, with `…` when more lines follow.
pub fn first_line(s: &str) -> String {
    let mut lines = s.trim().lines();
    let first = clean(lines.next().unwrap_or(""), false).into_owned();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        let s = "ok\x1b[2J\x07bell\r";
        let c = clean(s, false);
        assert!(!c.chars().any(char::is_control), "{c:?}");
        assert_eq!(c, "ok\u{fffd}[2J\u{fffd}bell\u{fffd}");
    }

    #[test]
    fn newlines_survive_only_in_multiline() {
        assert_eq!(clean("a\nb", true), "a\nb");
        assert_eq!(clean("a\nb", false), "a b");
        assert!(matches!(clean("plain", false), Cow::Borrowed(_)));
    }

    #[test]
    fn first_line_marks_more() {
        assert_eq!(first_line("one\ntwo"), "one …");
        assert_eq!(first_line("  one  "), "one");
        assert_eq!(first_line(""), "");
    }
}
