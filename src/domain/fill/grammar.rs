//! Word lists and small tests on one word at a time: enough grammar to tell a noun phrase
//! from a clause, one from many, and where a phrase may end.

/// Words that lead a group of words to a noun ("of", "in", "with"). A phrase is only ever
/// cut before one of them, and never ends on one.
const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Words that join words or clauses ("and", "because", "that").
const CONJUNCTIONS: &[&str] = &[
    "although", "and", "as", "because", "but", "if", "nor", "or", "so", "than", "that", "though", "unless",
    "when", "whereas", "which", "while", "who", "whose", "yet",
];

/// Words that open a noun phrase ("the", "its", "every").
const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "either", "every", "few", "her", "his", "its",
    "many", "more", "most", "much", "my", "neither", "no", "our", "several", "some", "such", "the", "their",
    "these", "this", "those", "your",
];

/// Auxiliary and modal verbs: a phrase holding one after its first word is a clause.
const AUXILIARIES: &[&str] = &[
    "am",
    "are",
    "aren't",
    "be",
    "been",
    "being",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "don't",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "is",
    "isn't",
    "may",
    "might",
    "must",
    "mustn't",
    "shall",
    "should",
    "shouldn't",
    "was",
    "wasn't",
    "were",
    "weren't",
    "will",
    "won't",
    "would",
    "wouldn't",
];

/// Words ending in `s` that are not plurals ("news") and plurals that are mostly used in
/// front of another noun ("sales team", "claims costs"), so neither counts as a plural head
/// or as a plural subject followed by its verb.
const NOT_PLURAL: &[&str] = &[
    "analytics",
    "bonus",
    "campus",
    "canvas",
    "chaos",
    "claims",
    "communications",
    "customs",
    "economics",
    "electronics",
    "emissions",
    "ethics",
    "gas",
    "goods",
    "lens",
    "logistics",
    "means",
    "news",
    "operations",
    "parts",
    "payments",
    "physics",
    "plus",
    "politics",
    "returns",
    "sales",
    "savings",
    "series",
    "services",
    "species",
    "systems",
    "works",
];

/// Plurals without an `s`.
const PLURAL_WITHOUT_S: &[&str] = &["children", "men", "people", "women"];

/// Number words, like digits: not a noun, not a verb.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen",
];

/// Words that open a time ("in", "by", "from"); with a date after them they are dropped.
const TIME_WORDS: &[&str] = &[
    "after", "before", "by", "during", "from", "in", "since", "through", "till", "until", "within",
];

/// Words that may stand between a time word and its date ("by the end of 2027").
const DATE_FILLERS: &[&str] = &[
    "beginning",
    "early",
    "end",
    "first",
    "half",
    "late",
    "middle",
    "mid",
    "of",
    "second",
    "start",
    "the",
];

/// Month names and their short forms.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Adverbs that may sit between a subject and its verb ("usually", "still").
const ADVERBS: &[&str] = &[
    "already", "also", "always", "even", "ever", "never", "often", "only", "still",
];

/// `word` in lower case without the punctuation around it ("Acme," is "acme").
pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && !"%$£€".contains(c))
        .to_lowercase()
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&bare(word).as_str())
}

/// A preposition: a phrase may be cut before it.
pub(super) fn is_preposition(word: &str) -> bool {
    is_in(PREPOSITIONS, word)
}

/// A conjunction: a phrase may be cut before it.
pub(super) fn is_conjunction(word: &str) -> bool {
    is_in(CONJUNCTIONS, word)
}

/// A determiner ("the", "their").
pub(super) fn is_determiner(word: &str) -> bool {
    is_in(DETERMINERS, word)
}

/// An auxiliary or modal verb ("has", "will").
pub(super) fn is_auxiliary(word: &str) -> bool {
    is_in(AUXILIARIES, word)
}

/// An adverb that may stand between a subject and its verb.
pub(super) fn is_adverb(word: &str) -> bool {
    let w = bare(word);
    is_in(ADVERBS, &w) || (w.len() > 4 && w.ends_with("ly"))
}

/// A function word: a preposition, a conjunction, a determiner or an auxiliary ("about",
/// "and", "the", "has"). None is a noun of its own, and a phrase never ends on one.
pub(super) fn is_function(word: &str) -> bool {
    is_preposition(word) || is_conjunction(word) || is_determiner(word) || is_auxiliary(word)
}

/// A number: digits, money or a share ("31", "$410k", "98.5%", "2-8"), or a number word.
pub(super) fn is_number(word: &str) -> bool {
    let w = bare(word);
    w.starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c)) || is_in(NUMBER_WORDS, &w)
}

/// A date: a year ("2027", "mid-2027"), a quarter or half ("Q2", "H1"), a financial year
/// ("FY27") or a month.
pub(super) fn is_date(word: &str) -> bool {
    let w = bare(word);
    let w = ["mid-", "early-", "late-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(&w);
    let year = |s: &str| s.len() == 4 && (s.starts_with("19") || s.starts_with("20")) && digits(s);
    let numbered = |prefix: char, max: char| {
        let mut c = w.chars();
        c.next() == Some(prefix) && c.next().is_some_and(|d| ('1'..=max).contains(&d)) && c.next().is_none()
    };
    year(w.split('/').next().unwrap_or(w))
        || numbered('q', '4')
        || numbered('h', '2')
        || (w.starts_with("fy") && digits(&w[2..]) && w.len() > 2)
        || is_in(MONTHS, w)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A word that opens a time ("by", "since").
pub(super) fn is_time_word(word: &str) -> bool {
    is_in(TIME_WORDS, word)
}

/// A word that may stand between a time word and its date.
pub(super) fn is_date_filler(word: &str) -> bool {
    is_in(DATE_FILLERS, word)
}

/// Plural in form: ends in an `s` that makes a plural ("providers", "GPs"; not "business",
/// "status", "crisis", "SaaS"), or is a plural without one ("people").
pub(super) fn is_plural(word: &str) -> bool {
    let raw = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = bare(word);
    if is_in(PLURAL_WITHOUT_S, &w) {
        return true;
    }
    raw.ends_with('s')
        && w.len() >= 3
        && !["ss", "us", "is", "'s"].iter().any(|end| w.ends_with(end))
        && !is_in(NOT_PLURAL, &w)
        && !is_function(&w)
        && !is_number(&w)
}

/// A word ending in "-ing" ("opening", "pricing"): a gerund or participle, never the finite
/// verb of a clause.
pub(super) fn is_ing(word: &str) -> bool {
    let w = bare(word);
    w.len() > 4 && w.ends_with("ing")
}

/// Past participles without "-ed" that are seldom nouns.
const PARTICIPLES: &[&str] = &[
    "bought", "broken", "brought", "built", "caught", "chosen", "done", "driven", "found", "given", "grown",
    "held", "kept", "known", "lost", "made", "paid", "seen", "sent", "shown", "sold", "spent", "taken",
    "won", "written",
];

/// A past participle or past tense: a word in "-ed" ("raised", "failed") or one of a few
/// irregular ones ("lost", "made").
pub(super) fn is_participle(word: &str) -> bool {
    let w = bare(word);
    (w.len() > 3 && w.ends_with("ed")) || is_in(PARTICIPLES, &w)
}

/// A content word: not a function word and not a number.
pub(super) fn is_content(word: &str) -> bool {
    !is_function(word) && !is_number(word) && word.chars().any(char::is_alphabetic)
}

/// Capitalised: its first letter is upper case ("Acme", "FrostBridge").
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// An acronym or a name written with an inner capital ("CFO", "IT", "eTRU", "FrostBridge",
/// "Q2"): its capitals are kept wherever it stands.
pub(super) fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphanumeric());
    let first = letters.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = letters.collect();
    rest.iter().any(|c| c.is_uppercase())
        || (first && !rest.is_empty() && !rest.iter().any(|c| c.is_lowercase()))
}

/// The plural of a singular verb standing after its subject: "is"/"are", "has"/"have",
/// "keeps"/"keep", "tries"/"try", "pushes"/"push"; `None` when `word` isn't one.
pub(super) fn plural_verb(word: &str) -> Option<String> {
    let irregular = [
        ("is", "are"),
        ("was", "were"),
        ("has", "have"),
        ("does", "do"),
        ("isn't", "aren't"),
        ("wasn't", "weren't"),
        ("hasn't", "haven't"),
        ("doesn't", "don't"),
    ];
    if let Some((_, plural)) = irregular.iter().find(|(one, _)| *one == word.to_lowercase()) {
        return Some(same_case(word, plural));
    }
    let letters = word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase());
    if !letters || !word.ends_with('s') || ["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return None;
    }
    let stem = if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["sses", "shes", "ches", "xes", "zes", "oes"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        word[..word.len() - 2].to_owned()
    } else {
        word[..word.len() - 1].to_owned()
    };
    Some(stem)
}

/// `to` with the first letter in the case of `like`'s ("Does" gives "Do").
pub(super) fn same_case(like: &str, to: &str) -> String {
    if is_capitalised(like) {
        upper_first(to)
    } else {
        to.to_owned()
    }
}

/// `s` with its first letter in upper case.
pub(super) fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s` with its first letter in lower case.
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_are_told_from_words_that_only_end_in_s() {
        for w in ["providers", "hospitals", "loads,", "GPs", "people"] {
            assert!(is_plural(w), "{w}");
        }
        for w in [
            "business", "status", "crisis", "SaaS", "AWS", "news", "sales", "its", "churn", "31s",
        ] {
            assert!(!is_plural(w), "{w}");
        }
    }

    #[test]
    fn dates_are_years_quarters_halves_and_months() {
        for w in [
            "2027", "mid-2027", "2027/28", "Q2", "q4", "H1", "FY27", "March", "2028.",
        ] {
            assert!(is_date(w), "{w}");
        }
        for w in ["Q5", "H3", "12%", "410", "fy", "march-on", "3000"] {
            assert!(!is_date(w), "{w}");
        }
    }

    #[test]
    fn singular_verbs_have_plurals() {
        let plural = |w| plural_verb(w).unwrap_or_else(|| "-".into());
        assert_eq!(plural("keeps"), "keep");
        assert_eq!(plural("Has"), "Have");
        assert_eq!(plural("isn't"), "aren't");
        assert_eq!(plural("tries"), "try");
        assert_eq!(plural("pushes"), "push");
        assert_eq!(plural("happens"), "happen");
        for w in ["hit", "played", "were", "grass", "Acme's"] {
            assert_eq!(plural_verb(w), None, "{w}");
        }
    }

    #[test]
    fn acronyms_and_inner_capitals_keep_their_capitals() {
        for w in ["CFO", "IT", "eTRU", "FrostBridge", "Q2"] {
            assert!(is_acronym(w), "{w}");
        }
        for w in ["Private", "Acme", "churn", "A"] {
            assert!(!is_acronym(w), "{w}");
        }
    }

    #[test]
    fn function_words_are_told_from_content_words() {
        for w in ["about", "the", "and", "of", "to", "with", "their", "has"] {
            assert!(is_function(w), "{w}");
        }
        for w in ["churn", "market", "Acme", "miles"] {
            assert!(!is_function(w), "{w}");
        }
    }
}
