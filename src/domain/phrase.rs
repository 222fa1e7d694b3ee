//! Phrases from the customer's world: a short phrase for an item, to fill a rehearsal turn's
//! placeholder (bank questions are filled by [`super::fill`], which also minds their
//! grammar), and the meaningful words of a text, for matching questions, answers and items.

use super::account::Pane;
use super::fill::{GOAL_VERBS, QUALIFIERS};
use super::text::first_line;
use std::collections::HashSet;

/// A short phrase for an item, to fill a turn's placeholder: its first clause cut before any
/// qualifier ("from 8% to 20% by 2028"), at most eight words, lower-cased unless it starts
/// with a name or acronym; a goal that starts with a verb reads "your goal to ...".
pub fn short_phrase(pane: Pane, text: &str) -> String {
    let line = first_line(text);
    let clause = line
        .split([',', ';', ':', '('])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("");
    let mut words: Vec<&str> = Vec::new();
    for w in clause.split_whitespace() {
        let qualifier = QUALIFIERS.contains(&w.to_lowercase().as_str());
        if words.len() == 8 || (qualifier && words.len() >= 3) {
            break;
        }
        words.push(w);
    }
    let mut phrase = words.join(" ");
    if pane == Pane::People || pane == Pane::Competitors {
        return phrase;
    }
    let first = words.first().copied().unwrap_or("");
    if first.chars().nth(1).is_some_and(|c| c.is_lowercase()) {
        phrase = lower_first(&phrase);
    }
    if pane == Pane::Goals && GOAL_VERBS.contains(&first.to_lowercase().as_str()) {
        phrase = format!("your goal to {phrase}");
    }
    phrase
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Common words that say nothing about the customer's world.
const STOP: &[&str] = &[
    "about", "after", "also", "and", "are", "been", "before", "but", "can", "could", "does", "doing", "for",
    "from", "had", "has", "have", "how", "into", "its", "more", "most", "not", "now", "one", "our", "out",
    "over", "than", "that", "the", "their", "them", "then", "there", "they", "this", "those", "today", "was",
    "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "year", "you", "your",
];

/// The meaningful words of `text`: lower-case, three letters or more, stop words and a
/// plural `s` removed.
pub fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 4 && !stem.ends_with('s') => stem.to_owned(),
            _ => w,
        })
        .collect()
}
