//! The checks that compare the answer with the customer's world: did it touch the items the
//! turn links to, and did it reuse the customer's own words. Both compare distinctive terms
//! (see [`super::words`]), so "deliveries" meets "delivery" and "the" meets nothing.

use super::words::{distinctive, is_stop, telling, terms};
use super::{blank, quote, result};
use crate::domain::account::{Account, Pane};
use crate::domain::id::ItemId;
use crate::domain::plan::find_item;
use crate::domain::turn::{CheckResult, Outcome, Turn};
use std::collections::HashSet;

/// A linked item as [`find_item`] gives it: its pane and its one-line text.
type Linked<'a> = (Pane, &'a str);

/// How many reused words or phrases the detail lists.
const SHOWN: usize = 4;

/// `touches-items`: each linked item is touched when the answer shares one of its
/// distinctive terms. All touched passes, some warns, none fails.
pub(super) fn touches_items(answer: &str, turn: &Turn, account: &Account) -> CheckResult {
    const NAME: &str = "touches-items";
    // Links to items deleted since are skipped: the rep can't touch what is gone.
    let linked: Vec<Linked> = turn
        .links
        .iter()
        .filter_map(|id| find_item(account, id))
        .collect();
    if linked.is_empty() {
        return result(
            NAME,
            Outcome::Untested,
            "Not tested: the turn links no items of their world".into(),
        );
    }
    if blank(answer) {
        return result(
            NAME,
            Outcome::Fail,
            format!("Nothing typed: touched none of {}", labels(&linked)),
        );
    }
    let mine: HashSet<String> = terms(answer).into_iter().collect();
    let (touched, missed): (Vec<Linked>, Vec<Linked>) = linked
        .iter()
        .partition(|(pane, text)| keys(*pane, text).iter().any(|k| mine.contains(k)));
    let (outcome, detail) = match (touched.is_empty(), missed.is_empty()) {
        (_, true) => (
            Outcome::Pass,
            format!("Touched every linked item: {}", labels(&touched)),
        ),
        (true, _) => (
            Outcome::Fail,
            format!("Touched none of the linked items: {}", labels(&missed)),
        ),
        _ => (
            Outcome::Warn,
            format!("Touched {}; not {}", labels(&touched), labels(&missed)),
        ),
    };
    result(NAME, outcome, detail)
}

/// The terms that show an item was touched. A person is touched by any part of the name,
/// even a short one ("Li"), but not by one that is also a common word ("Will").
fn keys(pane: Pane, text: &str) -> Vec<String> {
    let person = pane == Pane::People;
    terms(text)
        .into_iter()
        .filter(|t| distinctive(t) || (person && t.chars().count() >= 2 && !is_stop(t)))
        .collect()
}

fn labels(items: &[Linked]) -> String {
    items
        .iter()
        .map(|(_, text)| quote(text, 40))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `their-words`: a distinctive word or a two-word phrase shared with the customer's own
/// words. Only warns when there is none: a good paraphrase is still a good answer.
pub(super) fn their_words(answer: &str, turn: &Turn, account: &Account) -> CheckResult {
    const NAME: &str = "their-words";
    let sources = sources(turn, account);
    // The first of their phrasings with something distinctive in it, to show as an example.
    let example = sources.iter().find(|s| terms(s).iter().any(|t| telling(t)));
    let Some(example) = example else {
        return result(
            NAME,
            Outcome::Untested,
            "Not tested: none of their words are telling enough to compare".into(),
        );
    };
    if blank(answer) {
        return result(
            NAME,
            Outcome::Warn,
            "Nothing typed: none of their words reused".into(),
        );
    }
    let reused = reused(answer, &sources);
    if reused.is_empty() {
        let detail = format!("Doesn't reuse their words, such as {}", quote(example, 50));
        return result(NAME, Outcome::Warn, detail);
    }
    let shown: Vec<String> = reused.iter().take(SHOWN).map(|r| quote(r, 40)).collect();
    result(
        NAME,
        Outcome::Pass,
        format!("Reuses their words: {}", shown.join(", ")),
    )
}

/// The customer's own phrasings, most personal first: what the speaker said, then the
/// linked items' `their_words`, then the turn's line itself.
fn sources<'a>(turn: &'a Turn, account: &'a Account) -> Vec<&'a str> {
    let speaker = account.people.iter().find(|p| turn.who.as_ref() == Some(&p.id));
    let mut out: Vec<&str> = speaker.map(|p| p.their_words.as_str()).into_iter().collect();
    out.extend(turn.links.iter().filter_map(|id| their_words_of(account, id)));
    out.push(&turn.line);
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The `their_words` of the world item or person with this id.
fn their_words_of<'a>(account: &'a Account, id: &ItemId) -> Option<&'a str> {
    let mut items = Pane::ALL.into_iter().filter_map(|p| account.items(p)).flatten();
    match items.find(|it| &it.id == id) {
        Some(it) => Some(&it.their_words),
        None => account
            .people
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.their_words.as_str()),
    }
}

/// What the answer shares with `sources`: two-word phrases with a distinctive word in them
/// first (they show the reuse best), then distinctive words not already in a phrase.
fn reused(answer: &str, sources: &[&str]) -> Vec<String> {
    let mine = terms(answer);
    let my_words: HashSet<&str> = mine.iter().map(String::as_str).collect();
    let my_pairs: HashSet<(&str, &str)> = mine.windows(2).map(|p| (p[0].as_str(), p[1].as_str())).collect();
    let theirs: Vec<Vec<String>> = sources.iter().map(|s| terms(s)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut covered: HashSet<&str> = HashSet::new();
    for pair in theirs.iter().flat_map(|t| t.windows(2)) {
        let (a, b) = (pair[0].as_str(), pair[1].as_str());
        let phrase = format!("{a} {b}");
        // "the delivery windows" shares "delivery windows"; "next week" is anyone's.
        if (telling(a) || telling(b)) && my_pairs.contains(&(a, b)) && !out.contains(&phrase) {
            covered.extend([a, b]);
            out.push(phrase);
        }
    }
    for word in theirs.iter().flatten() {
        let w = word.as_str();
        if telling(w) && my_words.contains(w) && covered.insert(w) {
            out.push(word.clone());
        }
    }
    out
}
