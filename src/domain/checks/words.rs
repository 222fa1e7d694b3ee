//! The answer cut up for the checks: words (lower-cased, marked when inside quotation
//! marks), sentences, and the distinctive terms used to compare it with the customer's
//! world and words.
//!
//! This is deliberately simpler than the linter's tokenizer (which is private to it): the
//! checks only count and compare words, and the linter itself still judges every sentence.

use std::collections::HashSet;
use std::sync::LazyLock;

/// One word of the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Word {
    /// Lower-cased, with curly apostrophes made straight ("don't").
    pub text: String,
    /// Inside quotation marks: the customer's own words, quoted back.
    pub quoted: bool,
}

/// The words of `text`, in order. Apostrophes join a word only between letters, so
/// "we're" stays one word and a closing quotation mark never joins one.
pub(super) fn words(text: &str) -> Vec<Word> {
    let quoted = quoted_chars(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut word = String::new();
        while i < chars.len() && joins(&chars, i) {
            let c = if chars[i] == '’' { '\'' } else { chars[i] };
            word.extend(c.to_lowercase());
            i += 1;
        }
        out.push(Word {
            text: word,
            quoted: quoted[start],
        });
    }
    out
}

/// True when character `i` belongs to the word it follows.
fn joins(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let apostrophe = matches!(c, '\'' | '’')
        && i > 0
        && chars[i - 1].is_alphanumeric()
        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
    c.is_alphanumeric() || apostrophe
}

/// For each character, whether it sits inside a matched pair of double quotation marks
/// ("..." or “...”). An opening mark with no closing one quotes nothing, so one stray `"`
/// can't hide the rest of the answer from the counts.
fn quoted_chars(text: &str) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![false; chars.len()];
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        match open {
            Some((start, close)) if c == close => {
                out[start..i].iter_mut().for_each(|q| *q = true);
                open = None;
            }
            Some(_) => {}
            None if c == '"' => open = Some((i + 1, '"')),
            None if c == '“' => open = Some((i + 1, '”')),
            None => {}
        }
    }
    out
}

/// The sentences of `text`, trimmed: cut after `?`, `!`, a full stop before a space or the
/// end, and at line breaks, but never inside double quotation marks, so a quoted question
/// stays part of the rep's sentence.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let quoted = quoted_chars(text);
    let mut out = Vec::new();
    let mut from = 0;
    let mut it = text.char_indices().enumerate().peekable();
    while let Some((ci, (bi, c))) = it.next() {
        let next = it.peek().map(|&(_, (_, n))| n);
        let ends = match c {
            '?' | '!' | '？' | '！' | '。' | '…' | '\n' => true,
            '.' => !next.is_some_and(char::is_alphanumeric),
            _ => false,
        };
        if ends && !quoted[ci] {
            out.push(text[from..bi + c.len_utf8()].trim());
            from = bi + c.len_utf8();
        }
    }
    out.push(text[from..].trim());
    out.retain(|s| s.chars().any(char::is_alphanumeric));
    out
}

/// The words of `text` normalised for comparison: possessive `'s` and plural endings
/// removed, so "deliveries" meets "delivery" and "Maria's" meets "Maria".
pub(super) fn terms(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| stem(&w.text)).collect()
}

/// One word normalised (see [`terms`]).
fn stem(word: &str) -> String {
    let w = word.strip_suffix("'s").unwrap_or(word);
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if n > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_owned()
    } else {
        w.to_owned()
    }
}

/// True for a term that says something: three characters or more and not a stop word.
pub(super) fn distinctive(term: &str) -> bool {
    term.chars().count() >= 3 && !is_stop(term)
}

/// True for a term that shows the rep took the customer's words: distinctive and not a
/// common word of everyday talk ("week", "team", "time", "business"; see [`COMMON`]).
pub(super) fn telling(term: &str) -> bool {
    distinctive(term) && !COMMON.contains(term)
}

/// True for a word too common to count (see [`STOP`]).
pub(super) fn is_stop(term: &str) -> bool {
    STOP.contains(term)
}

/// Words too common to show that the rep reused anything, kept as data in
/// `stop_words.txt` so the list can grow without touching code.
static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("stop_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Everyday words of business talk, in their stemmed form: sharing one with the customer
/// shows nothing. Data in `common_words.txt`.
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_marked_and_strays_quote_nothing() {
        let w = words("When you say “we lose margin”, what's it cost? \"open");
        let quoted: Vec<&str> = w.iter().filter(|w| w.quoted).map(|w| w.text.as_str()).collect();
        assert_eq!(quoted, ["we", "lose", "margin"]);
        assert_eq!(w[6].text, "what's");
    }

    #[test]
    fn sentences_keep_quoted_questions_inside() {
        let s = sentences("You asked \"why change?\" today. Fair! What's at stake…\nOk");
        assert_eq!(
            s,
            [
                "You asked \"why change?\" today.",
                "Fair!",
                "What's at stake…",
                "Ok"
            ]
        );
        assert!(sentences("  \n ?! ").is_empty());
    }

    #[test]
    fn terms_drop_plurals_and_possessives() {
        assert_eq!(
            terms("Deliveries, Maria's routes, 3.5 glass"),
            ["delivery", "maria", "route", "3", "5", "glass"]
        );
        assert!(distinctive("delivery") && !distinctive("shouldn't") && !distinctive("3"));
    }
}
