//! Search by words, for a query typed once (`callbook bank --search`): every word of the
//! query must be found in a text, in any order, as the same word, the same stem
//! ("approval" finds "approved"), the start of a word ("integ" finds "integration"), or,
//! for a dropped letter or an abbreviation, inside one word ("frght" finds "freight").
//! Function words ("how", "the", "for") need not be found, but rank a text higher when they
//! are. Unlike [`SearchIndex`](super::SearchIndex), letters are never gathered from across a
//! whole text, so a query that means nothing finds nothing.

use super::stem::{stem, words};

/// Words a query may hold that a text need not have: question words, articles,
/// prepositions, pronouns, auxiliaries.
const OPTIONAL: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "for",
    "from", "has", "have", "how", "i", "if", "in", "is", "it", "its", "of", "on", "or", "our", "should",
    "so", "than", "that", "the", "their", "them", "they", "this", "to", "us", "was", "we", "what", "when",
    "where", "which", "who", "why", "will", "with", "would", "you", "your",
];

/// Scores of a query word found as the very same word, the same stem, a word's start, or
/// its letters in order within one word.
const SAME_WORD: u32 = 8;
const SAME_STEM: u32 = 6;
const PREFIX: u32 = 4;
const INSIDE: u32 = 2;

/// Texts cut into words and stems for searching.
#[derive(Debug, Clone)]
pub struct WordIndex {
    texts: Vec<Words>,
}

/// One word of a text or a query, and its stem.
#[derive(Debug, Clone)]
struct Word {
    word: String,
    stem: String,
}

type Words = Vec<Word>;

fn cut(text: &str) -> Words {
    words(text)
        .into_iter()
        .map(|word| Word {
            stem: stem(&word),
            word,
        })
        .collect()
}

impl WordIndex {
    /// Prepares `texts` for searching; hits are reported as indices into them.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        WordIndex {
            texts: texts.into_iter().map(cut).collect(),
        }
    }

    /// The indices of the texts matching `query`, best first (ties keep their order). A
    /// query with no words matches everything, in order.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let all = cut(query);
        if all.is_empty() {
            return (0..self.texts.len()).collect();
        }
        let (optional, mut required): (Words, Words) = all
            .iter()
            .cloned()
            .partition(|q| OPTIONAL.contains(&q.word.as_str()));
        if required.is_empty() {
            required = all;
        }
        let mut ranked: Vec<(usize, u32)> = self
            .texts
            .iter()
            .enumerate()
            .filter_map(|(i, text)| Some((i, score(text, &required, &optional)?)))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().map(|(i, _)| i).collect()
    }
}

/// How well `text` answers the query: `None` unless every required word is found; then
/// each word's best match, plus one for each optional word found.
fn score(text: &[Word], required: &[Word], optional: &[Word]) -> Option<u32> {
    let mut total = 0;
    for q in required {
        total += text.iter().map(|t| found(t, q)).max().filter(|&s| s > 0)?;
    }
    let bonus = optional
        .iter()
        .filter(|q| text.iter().any(|t| found(t, q) >= SAME_STEM))
        .count();
    Some(total + bonus as u32)
}

/// How query word `q` matches text word `t`: 0 when it does not.
fn found(t: &Word, q: &Word) -> u32 {
    if t.word == q.word {
        SAME_WORD
    } else if t.stem == q.stem {
        SAME_STEM
    } else if q.word.len() < 3 {
        0
    } else if t.word.starts_with(&q.word) || t.stem.starts_with(&q.stem) {
        PREFIX
    } else if inside(&t.word, &q.word) {
        INSIDE
    } else {
        0
    }
}

/// True when the letters of `q` appear in order in `word`, starting with its first, and
/// `word` is not much longer: "frght" in "freight", "aproval" in "approval".
fn inside(word: &str, q: &str) -> bool {
    if word.as_bytes().first() != q.as_bytes().first() || word.len() > q.len() * 2 {
        return false;
    }
    let mut letters = word.bytes();
    q.bytes().all(|b| letters.any(|w| w == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 6] = [
        "Who approves a purchase of this size?",
        "How does budget get approved for something new?",
        "Where have similar projects stalled on the way to approval?",
        "What is the budget for the integration project?",
        "How are prices set for your own customers?",
        "What would pricing pressure from {competitor} mean for margins?",
    ];

    fn search(query: &str) -> Vec<usize> {
        WordIndex::new(TEXTS).search(query)
    }

    #[test]
    fn stems_match_in_any_order() {
        assert_eq!(search("budget approval"), [1]);
        assert_eq!(search("approval budget"), [1]);
        assert_eq!(search("APPROVING"), [0, 1, 2]);
        assert_eq!(search("approval"), [2, 0, 1], "the same word first, then stems");
        assert_eq!(search("price"), [4, 5]);
        assert_eq!(search("competitors pricing"), [5]);
    }

    #[test]
    fn function_words_are_optional_but_rank() {
        assert_eq!(search("who approves"), [0, 1, 2]);
        assert_eq!(
            search("how budget"),
            [1, 3],
            "\"how\" puts the how-question first"
        );
        assert_eq!(search("how is budget approved"), [1]);
        assert_eq!(search("who"), [0], "a query of function words alone needs them");
    }

    #[test]
    fn word_starts_match_and_rank_below_whole_words() {
        assert_eq!(search("integ"), [3]);
        assert_eq!(search("proj"), [2, 3]);
        assert_eq!(search("project integ"), [3], "a whole word and a word's start");
    }

    #[test]
    fn dropped_letters_match_within_one_word_only() {
        assert_eq!(search("intgrtion"), [3]);
        assert_eq!(search("aproved budgt"), [1]);
        assert_eq!(search("bdgt"), [1, 3]);
        assert!(
            search("budget aproval").is_empty(),
            "approval is in another question"
        );
        assert!(search("bt").is_empty(), "two letters are too little to go on");
        assert!(
            search("tion").is_empty(),
            "a word's inside must start where it starts"
        );
        assert!(
            search("wbhp").is_empty(),
            "letters from several words are no match"
        );
    }

    #[test]
    fn nonsense_finds_nothing_and_blank_finds_everything() {
        assert!(search("zzqxv").is_empty());
        assert!(search("blockchain synergy").is_empty());
        assert!(search("budget zzqxv").is_empty(), "every word must be found");
        assert_eq!(search("  "), [0, 1, 2, 3, 4, 5]);
        assert_eq!(search("?!"), [0, 1, 2, 3, 4, 5]);
    }
}
