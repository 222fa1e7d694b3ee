//! The line cut into words: each lower-cased, with its span in characters and in bytes,
//! whether it sits inside quotation marks (the customer's own words), and which clause and
//! sentence it belongs to.
//!
//! Everything here is one pass over the text, plus at most four short passes to pair up
//! quotation marks, so a megabyte on one line costs about as much as reading it.

use super::lexicon::{self, Class};
use std::iter::{Enumerate, Peekable};
use std::ops::Range;
use std::str::CharIndices;

/// One word of the line.
#[derive(Clone, Debug)]
pub(super) struct Token {
    /// Span in characters, `[start, end)`: what flags report.
    pub chars: (usize, usize),
    /// Span in bytes, for slicing the original text.
    pub bytes: Range<usize>,
    /// The word, lower-cased, as a range of `Tokens::lower`.
    word: Range<usize>,
    /// Inside quotation marks: the customer's words, never flagged.
    pub quoted: bool,
    /// Index of its clause in `Tokens::clauses`.
    pub clause: usize,
    /// True when it opens its clause (the first word after fillers such as "so", "and").
    pub lead: bool,
    /// True when it starts with a capital letter or a digit: a name, an acronym, a
    /// number ("Dana", "SAP", "12").
    pub capital: bool,
    /// Its word classes (see `lexicon::classes_of`), looked up once.
    classes: u32,
}

/// A run of words between commas, semicolons, dashes or sentence ends.
#[derive(Clone, Debug)]
pub(super) struct Clause {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The word that opens it, if that word is the rep's own (not quoted, not a filler).
    pub lead: Option<usize>,
}

/// A run of clauses up to `.`, `!`, `?` or the end of the line.
#[derive(Clone, Debug)]
pub(super) struct Sentence {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Its clauses.
    pub clauses: Range<usize>,
    /// True when it ends with a question mark outside quotation marks.
    pub asks: bool,
}

/// A tokenised line.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    /// Every word lower-cased, one after another; tokens index into it. One buffer rather
    /// than a `String` per word keeps allocations to a handful per line.
    lower: String,
    /// The words, in order.
    pub list: Vec<Token>,
    /// The clauses, in order.
    pub clauses: Vec<Clause>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

impl Tokens {
    /// Word `i`, lower-cased.
    pub fn word(&self, i: usize) -> &str {
        &self.lower[self.list[i].word.clone()]
    }

    /// True when word `i` is in `class`.
    pub fn is(&self, i: usize, class: Class) -> bool {
        lexicon::has(self.list[i].classes, class)
    }

    /// Word `i` if it exists and sits in clause `clause`: how phrase matching and
    /// look-ahead stay inside one clause.
    pub fn word_in(&self, i: usize, clause: usize) -> Option<&str> {
        let t = self.list.get(i)?;
        (t.clause == clause).then(|| self.word(i))
    }
}

type Chars<'a> = Peekable<Enumerate<CharIndices<'a>>>;

/// Cuts `text` into words, clauses and sentences.
pub(super) fn tokenize(text: &str) -> Tokens {
    let quotes = quote_regions(text);
    let mut b = Builder::default();
    let mut region = 0;
    let mut chars: Chars = text.char_indices().enumerate().peekable();
    let mut prev = None;
    while let Some((ci, (bi, c))) = chars.next() {
        while quotes.get(region).is_some_and(|r| r.end <= bi) {
            region += 1;
        }
        let quoted = quotes.get(region).is_some_and(|r| r.contains(&bi));
        let next = chars.peek().map(|&(_, (_, n))| n);
        if c.is_alphanumeric() || (c == '#' && next.is_some_and(char::is_alphanumeric)) {
            prev = Some(b.word(ci, bi, c, &mut chars, quoted));
            continue;
        }
        if !quoted {
            b.punct(c, prev, next);
        }
        prev = Some(c);
    }
    b.end_sentence(false);
    b.out
}

#[derive(Default)]
struct Builder {
    out: Tokens,
    clause_from: usize,
    sentence_from: usize,
    sentence_clauses_from: usize,
}

impl Builder {
    /// Reads one word starting with `first`; returns its last character.
    fn word(&mut self, ci: usize, bi: usize, first: char, chars: &mut Chars, quoted: bool) -> char {
        let from = self.out.lower.len();
        push_lower(&mut self.out.lower, first);
        let (mut end_ci, mut end_bi, mut last) = (ci + 1, bi + first.len_utf8(), first);
        while let Some(&(nci, (nbi, n))) = chars.peek() {
            // An apostrophe joins a word only between letters ("don't", "Amazon's"), so a
            // closing quotation mark never does.
            let apostrophe = is_apostrophe(n) && second_is_alphanumeric(chars);
            if !(is_word_char(n) || apostrophe) {
                break;
            }
            chars.next();
            if apostrophe {
                self.out.lower.push('\'');
            } else {
                push_lower(&mut self.out.lower, n);
            }
            (end_ci, end_bi, last) = (nci + 1, nbi + n.len_utf8(), n);
        }
        self.out.list.push(Token {
            chars: (ci, end_ci),
            bytes: bi..end_bi,
            word: from..self.out.lower.len(),
            quoted,
            clause: self.out.clauses.len(),
            lead: false,
            capital: first.is_uppercase() || first.is_ascii_digit(),
            classes: lexicon::classes_of(&self.out.lower[from..]),
        });
        last
    }

    /// Punctuation outside quotation marks ends a clause or a sentence.
    fn punct(&mut self, c: char, prev: Option<char>, next: Option<char>) {
        match c {
            '?' | '？' => self.end_sentence(true),
            '!' | '！' | '。' | '…' | '\n' | '\r' => self.end_sentence(false),
            // "3.5" and "e.g" keep going; a full stop before a space or the end does not.
            '.' if !next.is_some_and(char::is_alphanumeric) => self.end_sentence(false),
            ',' | ';' | ':' | '，' | '；' | '：' | '、' | '—' | '–' | '(' | ')' | '[' | ']' => {
                self.end_clause()
            }
            '-' if prev.is_some_and(char::is_whitespace) && next.is_none_or(char::is_whitespace) => {
                self.end_clause()
            }
            _ => {}
        }
    }

    fn end_clause(&mut self) {
        let len = self.out.list.len();
        if len > self.clause_from {
            let lead = (self.clause_from..len)
                .find(|&i| self.out.list[i].quoted || !self.out.is(i, Class::Filler))
                .filter(|&i| !self.out.list[i].quoted);
            if let Some(i) = lead {
                self.out.list[i].lead = true;
            }
            self.out.clauses.push(Clause {
                tokens: self.clause_from..len,
                lead,
            });
        }
        self.clause_from = len;
    }

    fn end_sentence(&mut self, asks: bool) {
        self.end_clause();
        let len = self.out.list.len();
        if len > self.sentence_from {
            self.out.sentences.push(Sentence {
                tokens: self.sentence_from..len,
                clauses: self.sentence_clauses_from..self.out.clauses.len(),
                asks,
            });
        }
        self.sentence_from = len;
        self.sentence_clauses_from = self.out.clauses.len();
    }
}

/// Lower-cases `c` onto `s`; ASCII, by far the common case, without the Unicode tables.
fn push_lower(s: &mut String, c: char) {
    if c.is_ascii() {
        s.push(c.to_ascii_lowercase());
    } else {
        s.extend(c.to_lowercase());
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Letters, digits, and combining marks (so "café" written with a combining accent, or an
/// emoji with a joiner, stays one word).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}' | '\u{200d}')
}

fn second_is_alphanumeric(chars: &Chars) -> bool {
    let mut ahead = chars.clone();
    ahead.next();
    ahead.peek().is_some_and(|&(_, (_, c))| c.is_alphanumeric())
}

/// The three kinds of quotation mark, each closing only its own kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Straight,
    Curly,
    Single,
}

/// The byte ranges inside matched quotation marks, in order. An opening mark with no
/// closing one quotes nothing: otherwise one stray `"` would hide the rest of the line
/// from every rule.
fn quote_regions(text: &str) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    let mut disabled = Vec::new();
    let mut from = 0;
    // No closing mark of that kind follows an unmatched opener (the scan looked), so no
    // later opener of that kind can match either: each rescan disables one kind, which
    // bounds the work at four passes.
    while let Some((mark, resume)) = scan_quotes(text, from, &disabled, &mut regions) {
        disabled.push(mark);
        from = resume;
    }
    regions
}

/// Pairs quotation marks from byte `from`; returns the unmatched opener, if the scan ended
/// inside quotes, and the byte after it.
fn scan_quotes(
    text: &str,
    from: usize,
    disabled: &[Mark],
    regions: &mut Vec<Range<usize>>,
) -> Option<(Mark, usize)> {
    let mut prev = text[..from].chars().next_back();
    let mut open: Option<(Mark, usize)> = None;
    let mut it = text[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let at = from + i;
        match open {
            Some((mark, start)) if closes(mark, c, prev, next) => {
                regions.push(start..at);
                open = None;
            }
            Some(_) => {}
            None => {
                open = opens(c, prev, next)
                    .filter(|m| !disabled.contains(m))
                    .map(|m| (m, at + c.len_utf8()));
            }
        }
        prev = Some(c);
    }
    open
}

fn opens(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    match c {
        '"' => Some(Mark::Straight),
        '“' => Some(Mark::Curly),
        // A single mark opens only before a word and not inside one: "'we lose margin'",
        // not "don't".
        '\'' | '‘' if !prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) => {
            Some(Mark::Single)
        }
        _ => None,
    }
}

fn closes(mark: Mark, c: char, prev: Option<char>, next: Option<char>) -> bool {
    match mark {
        Mark::Straight => c == '"',
        Mark::Curly => c == '”',
        Mark::Single => {
            is_apostrophe(c)
                && prev.is_some_and(|p| !p.is_whitespace())
                && !next.is_some_and(char::is_alphanumeric)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Tokens) -> Vec<&str> {
        (0..t.list.len()).map(|i| t.word(i)).collect()
    }

    #[test]
    fn words_keep_apostrophes_and_split_hyphens() {
        let t = tokenize("Don’t say best-in-class, Bob's #1.");
        assert_eq!(words(&t), ["don't", "say", "best", "in", "class", "bob's", "#1"]);
        assert_eq!(t.list[0].chars, (0, 5));
        assert_eq!(t.clauses.len(), 2);
        assert_eq!(t.sentences.len(), 1);
    }

    #[test]
    fn quotes_pair_and_strays_quote_nothing() {
        let t = tokenize("When you say 'we lose margin', what does it cost? \"open");
        let quoted: Vec<&str> = (0..t.list.len())
            .filter(|&i| t.list[i].quoted)
            .map(|i| t.word(i))
            .collect();
        assert_eq!(quoted, ["we", "lose", "margin"]);
        assert!(t.sentences[0].asks);
        assert!(!t.sentences[1].asks);
    }

    #[test]
    fn leads_skip_fillers_and_quotes() {
        let t = tokenize("So, and what now? \"We\" said");
        let leads: Vec<Option<&str>> = t.clauses.iter().map(|c| c.lead.map(|i| t.word(i))).collect();
        assert_eq!(leads, [None, Some("what"), None]);
    }
}
