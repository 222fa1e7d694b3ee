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

/// `text` cut to at most `max` characters at a word where it can be, ending with `…` when
/// anything was left out, so a shortened text never passes for the whole.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = kept
        .rfind(' ')
        .filter(|&i| i * 2 > kept.len())
        .unwrap_or(kept.len());
    format!("{}…", kept[..at_word].trim_end())
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

    #[test]
    fn shorten_marks_what_it_leaves_out() {
        assert_eq!(shorten("short", 60), "short");
        let long = "Win back the three Leeds grocery distribution centres lost in 2025 by proving records";
        let cut = shorten(long, 30);
        assert!(cut.ends_with('…') && cut.chars().count() <= 30, "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
    }
}
