//! Fuzzy search as the user types, over the bank and the plan. Each word of the query must
//! match as a subsequence (nucleo-matcher's linear-time greedy matcher, which keeps a
//! keystroke within a frame on 100,000 questions); a query that only extends the previous
//! one searches the previous hits, and large sets are split across the machine's cores.
//!
//! [`WordIndex`] searches by whole words and their stems instead (`stem`), for a query
//! typed once on the command line (`callbook bank --search`), where a scatter of letters
//! across a question would be noise rather than a match.

pub mod stem;
mod words;

pub use words::WordIndex;

use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

/// Below this many candidates one thread is quicker than starting more.
const PARALLEL_FROM: usize = 20_000;

/// Texts prepared for searching, and the last query's hits.
#[derive(Clone)]
pub struct SearchIndex {
    haystacks: Vec<Utf32String>,
    last: Option<Last>,
}

/// The last query, and for each text it matched the score of every word but the last
/// (`fixed`) and of all words (`total`): a keystroke that only lengthens the last word,
/// or starts a new one, matches just that word against the previous hits.
#[derive(Clone)]
struct Last {
    query: String,
    words: Vec<String>,
    hits: Vec<Hit>,
}

#[derive(Clone, Copy)]
struct Hit {
    index: u32,
    fixed: u32,
    total: u32,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("len", &self.haystacks.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Prepares `texts` for searching; hits are reported as indices into them.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        SearchIndex {
            haystacks: texts.into_iter().map(Utf32String::from).collect(),
            last: None,
        }
    }

    /// How many texts the index holds.
    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }

    /// The indices of the texts matching `query`, best first (ties keep their order). An
    /// empty query matches everything, in order. Words in the query must all match, in any
    /// order; case is ignored.
    pub fn search(&mut self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let Some(word) = words.last() else {
            self.last = None;
            return (0..self.haystacks.len()).collect();
        };
        let hits = match self.last.take().filter(|l| query.starts_with(&l.query)) {
            Some(l) if l.words == words => l.hits,
            Some(l) if l.words[..l.words.len() - 1] == words[..words.len() - 1] => {
                let base = l.hits.into_iter().map(|h| Hit { total: h.fixed, ..h }).collect();
                match_word(&self.haystacks, base, word)
            }
            Some(l) if l.words[..] == words[..words.len() - 1] => match_word(&self.haystacks, l.hits, word),
            _ => self.match_all(&words),
        };
        let mut ranked: Vec<(u32, u32)> = hits.iter().map(|h| (h.index, h.total)).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.last = Some(Last {
            query: query.to_owned(),
            words,
            hits,
        });
        ranked.into_iter().map(|(i, _)| i as usize).collect()
    }

    /// Matches every text against every word, from scratch.
    fn match_all(&self, words: &[String]) -> Vec<Hit> {
        let mut hits: Vec<Hit> = (0..self.haystacks.len() as u32)
            .map(|index| Hit {
                index,
                fixed: 0,
                total: 0,
            })
            .collect();
        for word in words {
            hits = match_word(&self.haystacks, hits, word);
        }
        hits
    }
}

/// Keeps the hits whose text also matches `word`: what they scored so far becomes `fixed`,
/// and `word`'s score is added to make `total`. Large sets are split across threads.
fn match_word(haystacks: &[Utf32String], hits: Vec<Hit>, word: &str) -> Vec<Hit> {
    let word = Utf32String::from(word);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads == 1 || hits.len() < PARALLEL_FROM {
        return score_chunk(haystacks, &hits, &word);
    }
    let chunk = hits.len().div_ceil(threads);
    let word = &word;
    std::thread::scope(|scope| {
        let parts: Vec<_> = hits
            .chunks(chunk)
            .map(|part| scope.spawn(move || score_chunk(haystacks, part, word)))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("a search thread panicked"))
            .collect()
    })
}

fn score_chunk(haystacks: &[Utf32String], hits: &[Hit], word: &Utf32String) -> Vec<Hit> {
    let mut config = Config::DEFAULT;
    config.ignore_case = true;
    config.normalize = true;
    let mut matcher = Matcher::new(config);
    hits.iter()
        .filter_map(|h| {
            let haystack: Utf32Str = haystacks[h.index as usize].slice(..);
            let score = u32::from(matcher.fuzzy_match_greedy(haystack, word.slice(..))?);
            Some(Hit {
                index: h.index,
                fixed: h.total,
                total: h.total + score,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 4] = [
        "What happens to the tender if nothing changes?",
        "Who else signs off on freight spend?",
        "How do drivers feel about night shifts?",
        "What would winning the tender mean for hiring?",
    ];

    #[test]
    fn fuzzy_words_match_in_any_order_and_ignore_case() {
        let mut index = SearchIndex::new(TEXTS);
        let hits = index.search("TENDER what");
        assert_eq!(hits.len(), 2);
        assert!(hits.contains(&0) && hits.contains(&3));
        assert_eq!(index.search("frght spnd"), vec![1]);
        assert!(index.search("zzzz").is_empty());
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let mut index = SearchIndex::new(TEXTS);
        assert_eq!(index.search("  "), vec![0, 1, 2, 3]);
    }

    #[test]
    fn narrowing_gives_the_same_answer_as_a_fresh_search() {
        let mut typed = SearchIndex::new(TEXTS);
        let mut hits = Vec::new();
        for end in 1..="tender h".len() {
            hits = typed.search(&"tender h"[..end]);
        }
        let mut fresh = SearchIndex::new(TEXTS);
        assert_eq!(hits, fresh.search("tender h"));
        // Backspace widens again.
        assert_eq!(typed.search("tend"), SearchIndex::new(TEXTS).search("tend"));
        assert!(typed.search("tend").len() > hits.len());
    }

    #[test]
    fn typing_word_by_word_matches_a_fresh_search_at_every_step() {
        let query = "what  tender hir";
        let mut typed = SearchIndex::new(TEXTS);
        for end in 1..=query.len() {
            let step = typed.search(&query[..end]);
            assert_eq!(
                step,
                SearchIndex::new(TEXTS).search(&query[..end]),
                "after {:?}",
                &query[..end]
            );
        }
    }

    #[test]
    fn large_sets_split_across_threads_give_the_same_answer() {
        let texts: Vec<String> = (0..PARALLEL_FROM * 2)
            .map(|i| format!("{} {i}", TEXTS[i % 4]))
            .collect();
        let mut index = SearchIndex::new(texts.iter().map(String::as_str));
        let hits = index.search("tender hiring");
        assert_eq!(hits.len(), PARALLEL_FROM / 2);
        assert!(hits.iter().all(|&i| i % 4 == 3));
        let all: Vec<Hit> = (0..texts.len() as u32)
            .map(|index| Hit {
                index,
                fixed: 0,
                total: 0,
            })
            .collect();
        let one = score_chunk(&index.haystacks, &all, &Utf32String::from("tender"));
        let one = score_chunk(&index.haystacks, &one, &Utf32String::from("hiring"));
        let mut one: Vec<(u32, u32)> = one.iter().map(|h| (h.index, h.total)).collect();
        one.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        assert_eq!(hits, one.into_iter().map(|(i, _)| i as usize).collect::<Vec<_>>());
    }
}
