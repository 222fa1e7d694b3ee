//! Text hygiene: what comes from data files or the keyboard is made safe to show before it
//! reaches a terminal, and long text is cut to a line for lists.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Makes text inert for a terminal. Control characters (escape sequences, bells, carriage
/// returns...) become `\u{fffd}`, so text from a file can never drive the terminal; newlines
/// and tabs are kept when `multiline` is true. Characters that draw nothing but change how
/// text around them reads (bidi overrides and isolates, zero-width spaces and joiners, a byte
/// order mark mid-text, a soft hyphen: see [`invisible`]) are shown as a mark naming their
/// code point, `⟨U+202E⟩`, so a name can't be reversed or padded out of sight.
pub fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    let control = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
    if !s.chars().any(|c| control(c) || may_be_invisible(c)) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    for i in 0..chars.len() {
        push_clean(&mut out, &chars, i, multiline);
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// Pushes `chars[i]` onto `out` as [`clean`] shows it: itself, a space, `\u{fffd}` or a mark.
/// For views that style text by the index of each character in the original (the answer's
/// flagged phrases), since a mark takes more characters than what it stands for.
pub fn push_clean(out: &mut String, chars: &[char], i: usize, multiline: bool) {
    match chars[i] {
        '\t' | '\n' if !multiline => out.push(' '),
        '\t' | '\n' => out.push(chars[i]),
        c if c.is_control() => out.push('\u{fffd}'),
        c if invisible(chars, i) => {
            let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
        }
        c => out.push(c),
    }
}

/// The characters behind [`clean`]'s `⟨U+XXXX⟩` marks, put back: for text that was shown
/// cleaned in a text box and is being taken out again, so editing a field that holds a soft
/// hyphen or a zero-width joiner saves the character, not its mark. Only marks of
/// characters `clean` marks, written exactly as it writes them, are read (one typed by hand
/// too); any other text is left as it is.
pub fn unmark(s: &str) -> Cow<'_, str> {
    if !s.contains("⟨U+") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("⟨U+") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "⟨U+".len()..];
        let hidden = after.find('⟩').and_then(|end| {
            let hex = &after[..end];
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
            // Exactly as `clean` writes it: no sign, upper case, four digits at least.
            let exact = format!("{:04X}", c as u32) == hex;
            (exact && may_be_invisible(c)).then_some((c, end + '⟩'.len_utf8()))
        });
        match hidden {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push_str("⟨U+");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether `chars[i]` is a character [`clean`] shows as a mark: every format character
/// (Unicode category Cf: bidi embeddings, overrides and isolates, LRM, RLM and ALM,
/// ZWSP, ZWNJ, ZWJ, WORD JOINER, the invisible maths operators, BOM/ZWNBSP, the soft hyphen,
/// U+180E, interlinear annotation, tags...), the line and paragraph separators U+2028 and
/// U+2029, and the Hangul fillers U+3164 and U+FFA0, which draw as blank letters. Kept as they
/// are: the Cf marks that draw a visible sign (the Arabic number signs U+0600 to U+0605,
/// U+06DD, U+0890, U+0891, U+08E2, the Syriac U+070F, the Kaithi U+110BD and U+110CD); a
/// ZWJ between two pictographs, which joins an emoji sequence (👨‍👩‍👧); and the tags of an
/// emoji flag (🏴 followed by tags ending in U+E007F, the flag of England).
pub fn invisible(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !may_be_invisible(c) {
        return false;
    }
    match c {
        '\u{200d}' => !joins_emoji(chars, i),
        '\u{e0020}'..='\u{e007f}' => !in_emoji_flag(chars, i),
        _ => true,
    }
}

/// Every character [`invisible`] can mark, without looking at its neighbours: a quick test
/// that lets plain text through untouched.
pub fn may_be_invisible(c: char) -> bool {
    if c < '\u{ad}' {
        return false;
    }
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// Whether the ZWJ at `chars[i]` joins two pictographs: the character before it (past a
/// variation selector or a skin tone) and the one after it are both emoji.
fn joins_emoji(chars: &[char], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|&&c| !matches!(c, '\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}'));
    let after = chars.get(i + 1);
    matches!((before, after), (Some(&b), Some(&a)) if pictograph(b) && pictograph(a))
}

/// Whether the tag character at `chars[i]` belongs to an emoji flag: a run of tags right
/// after 🏴 (U+1F3F4) that ends with CANCEL TAG (U+E007F).
fn in_emoji_flag(chars: &[char], i: usize) -> bool {
    let tag = |c: &char| ('\u{e0020}'..='\u{e007f}').contains(c);
    let start = chars[..i].iter().rposition(|c| !tag(c));
    let end = chars[i..]
        .iter()
        .position(|c| !tag(c))
        .map_or(chars.len(), |n| i + n);
    start.is_some_and(|s| chars[s] == '\u{1f3f4}') && chars[end - 1] == '\u{e007f}'
}

/// Emoji and pictographs: close to Unicode's Extended_Pictographic property, enough to tell
/// a ZWJ inside an emoji sequence from one between letters.
fn pictograph(c: char) -> bool {
    matches!(
        c,
        '\u{a9}'
            | '\u{ae}'
            | '\u{203c}'
            | '\u{2049}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{2194}'..='\u{2199}'
            | '\u{21a9}'..='\u{21aa}'
            | '\u{231a}'..='\u{231b}'
            | '\u{2328}'
            | '\u{23cf}'
            | '\u{23e9}'..='\u{23f3}'
            | '\u{23f8}'..='\u{23fa}'
            | '\u{24c2}'
            | '\u{25aa}'..='\u{25ab}'
            | '\u{25b6}'
            | '\u{25c0}'
            | '\u{25fb}'..='\u{25fe}'
            | '\u{2600}'..='\u{27bf}'
            | '\u{2934}'..='\u{2935}'
            | '\u{2b05}'..='\u{2b07}'
            | '\u{2b1b}'..='\u{2b1c}'
            | '\u{2b50}'
            | '\u{2b55}'
            | '\u{3030}'
            | '\u{303d}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{1f000}'..='\u{1f1e5}'
            | '\u{1f200}'..='\u{1f3fa}'
            | '\u{1f400}'..='\u{1faff}'
            | '\u{1fc00}'..='\u{1fffd}'
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

/// `s` with its first letter a capital ("the night dispatcher" reads "The night dispatcher").
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
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
    fn bidi_overrides_and_isolates_are_marked() {
        assert_eq!(clean("Acme\u{202e}gnp.exe", false), "Acme⟨U+202E⟩gnp.exe");
        assert_eq!(
            clean("\u{202a}a\u{202b}b\u{202c}\u{202d}", false),
            "⟨U+202A⟩a⟨U+202B⟩b⟨U+202C⟩⟨U+202D⟩"
        );
        assert_eq!(
            clean("\u{2066}x\u{2067}y\u{2068}z\u{2069}", true),
            "⟨U+2066⟩x⟨U+2067⟩y⟨U+2068⟩z⟨U+2069⟩"
        );
        assert_eq!(
            clean("a\u{200e}b\u{200f}c\u{61c}", false),
            "a⟨U+200E⟩b⟨U+200F⟩c⟨U+061C⟩"
        );
    }

    #[test]
    fn zero_width_characters_are_marked() {
        assert_eq!(clean("Ac\u{200b}me", false), "Ac⟨U+200B⟩me");
        assert_eq!(clean("Ac\u{200c}me", false), "Ac⟨U+200C⟩me");
        assert_eq!(clean("Ac\u{2060}me", false), "Ac⟨U+2060⟩me");
        assert_eq!(clean("Ac\u{180e}me", false), "Ac⟨U+180E⟩me");
        assert_eq!(clean("\u{3164}", false), "⟨U+3164⟩");
    }

    #[test]
    fn a_byte_order_mark_and_a_soft_hyphen_are_marked_anywhere() {
        assert_eq!(clean("\u{feff}Acme", false), "⟨U+FEFF⟩Acme");
        assert_eq!(clean("Ac\u{feff}me", true), "Ac⟨U+FEFF⟩me");
        assert_eq!(clean("distri\u{ad}bution", false), "distri⟨U+00AD⟩bution");
    }

    #[test]
    fn separators_are_marked_even_in_multiline() {
        assert_eq!(clean("a\u{2028}b\u{2029}c", true), "a⟨U+2028⟩b⟨U+2029⟩c");
    }

    #[test]
    fn a_zwj_is_kept_only_inside_an_emoji_sequence() {
        let family = "Team 👨\u{200d}👩\u{200d}👧";
        assert!(matches!(clean(family, false), Cow::Borrowed(_)));
        // After a skin tone or a variation selector, before a sign: still one emoji.
        for emoji in ["👩🏽\u{200d}💻", "🏳\u{fe0f}\u{200d}🌈", "🏃\u{200d}♀\u{fe0f}"] {
            assert_eq!(clean(emoji, false), emoji);
        }
        assert_eq!(clean("Ac\u{200d}me", false), "Ac⟨U+200D⟩me");
        assert_eq!(clean("👨\u{200d}me", false), "👨⟨U+200D⟩me");
        assert_eq!(clean("a\u{200d}👩", false), "a⟨U+200D⟩👩");
        assert_eq!(clean("👨\u{200d}", false), "👨⟨U+200D⟩");
        assert_eq!(clean("\u{200d}👩", false), "⟨U+200D⟩👩");
    }

    #[test]
    fn tags_are_kept_only_in_an_emoji_flag() {
        let england = "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(clean(england, false), england);
        assert_eq!(clean("hi\u{e0068}\u{e0069}", false), "hi⟨U+E0068⟩⟨U+E0069⟩");
        assert_eq!(clean("🏴\u{e0068}", false), "🏴⟨U+E0068⟩");
    }

    #[test]
    fn visible_format_signs_and_ordinary_text_are_left_alone() {
        for s in ["\u{600}١٢", "Zürich 北京 café", "مرحبا שלום", "\u{fe0f}", "🇬🇧"] {
            assert!(matches!(clean(s, false), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn marks_and_control_stand_ins_live_together() {
        assert_eq!(clean("\x1b[31m\u{202e}red", false), "\u{fffd}[31m⟨U+202E⟩red");
        assert_eq!(first_line("\u{202e}one\ntwo"), "⟨U+202E⟩one …");
    }

    #[test]
    fn unmark_puts_back_what_clean_marked() {
        for s in [
            "Acme\u{202e}gnp",
            "distri\u{ad}bution\u{200b}",
            "Ac\u{200d}me 👨\u{200d}👩",
            "tag\u{e0041}",
            "\u{feff}\u{2066}x\u{2069}",
        ] {
            assert_eq!(unmark(&clean(s, true)), s);
        }
        for s in [
            "⟨U+0041⟩",
            "⟨U+202E",
            "⟨U+zz⟩ ⟨U+",
            "plain ⟨x⟩",
            "⟨U++FEFF⟩",
            "⟨U+202e⟩",
            "⟨U+0202E⟩",
        ] {
            assert_eq!(unmark(s), s);
        }
        assert!(matches!(unmark("plain"), Cow::Borrowed(_)));
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
