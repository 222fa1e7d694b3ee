//! Ranking the bank for an account: questions that serve parts of the customer's world no
//! planned question asks about come first; filled placeholders, high priorities and shared
//! words lift a question; situation questions, which research could answer, sink. Every
//! suggestion says why it was suggested.
//!
//! A placeholder question comes once per item of its pane, filled from the item (see
//! [`super::fill`]). When the item's words don't fit it, it still serves that item but
//! reads with a generic phrase ("this threat") and says why; the same unfilled text is
//! offered once, for the item it serves best.

use super::account::{Account, Pane, Priority};
use super::bank::{self, BankQuestion, Spin};
use super::fill::{self, Fill, Phrase, Unfit};
use super::id::ItemId;
pub use super::phrase::{short_phrase, words};

use super::text::first_line;
use std::collections::{HashMap, HashSet};

/// How many filled variants of one placeholder question are offered at most, so one
/// question can't crowd out the rest.
const VARIANTS: usize = 3;
/// What each further suggestion for the same item loses (see [`diversify`]).
const SAME_ITEM: f32 = 1.5;
/// What each further suggestion for the same pane loses.
const SAME_PANE: f32 = 0.25;

/// A bank question offered for an account's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Index of the question in the bank slice that was ranked.
    pub bank: usize,
    /// The text, with any placeholder filled from the account.
    pub text: String,
    /// The world item it serves, if one.
    pub serves: Option<(Pane, ItemId)>,
    /// Higher is more relevant.
    pub score: f32,
    /// Why it was suggested, most important first, in words for the screen.
    pub reasons: Vec<String>,
}

/// One world item, prepared for matching.
struct Target<'a> {
    pane: Pane,
    id: &'a ItemId,
    phrase: Result<Phrase, Unfit>,
    label: String,
    words: HashSet<String>,
    priority: Priority,
    asked: bool,
}

/// Ranks `questions` for `account`, best first. Questions already in the plan (same text)
/// are left out.
pub fn rank(questions: &[BankQuestion], account: &Account) -> Vec<Suggestion> {
    let asked: HashSet<&ItemId> = account.questions.iter().flat_map(|q| &q.links).collect();
    let planned: HashSet<String> = account
        .questions
        .iter()
        .map(|q| q.text.trim().to_lowercase())
        .collect();
    let targets = targets(account, &asked);
    let pane_asked = |p: Pane| targets.iter().any(|t| t.pane == p && t.asked);
    let mut out = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let mut variants = match bank::placeholder(&q.text) {
            Some((_, pane)) => targets
                .iter()
                .filter(|t| t.pane == pane)
                .map(|t| {
                    let filled = fill::fill(&q.text, &t.phrase);
                    score(i, q, Some(&filled), Some(t), pane_asked(pane))
                })
                .collect(),
            None => {
                let best = q
                    .pane
                    .and_then(|p| best_overlap(&q.text, targets.iter().filter(|t| t.pane == p)));
                vec![score(i, q, None, best, q.pane.is_some_and(pane_asked))]
            }
        };
        variants.retain(|s| !planned.contains(&s.text.trim().to_lowercase()));
        variants.sort_by(|a, b| b.score.total_cmp(&a.score));
        // Unfilled variants read alike: the best-scoring one stands for them.
        let mut seen = HashSet::new();
        variants.retain(|s| seen.insert(s.text.clone()));
        out.extend(variants.into_iter().take(VARIANTS));
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.bank.cmp(&b.bank)));
    diversify(&mut out);
    out
}

/// Lowers repeats so the top of the list covers many items and panes: each further
/// suggestion serving the same item loses [`SAME_ITEM`], each further one about the same
/// pane loses [`SAME_PANE`]. One sort and one pass, so it stays cheap for large accounts.
fn diversify(list: &mut [Suggestion]) {
    let mut per_item: HashMap<ItemId, f32> = HashMap::new();
    let mut per_pane: HashMap<Option<Pane>, f32> = HashMap::new();
    for s in list.iter_mut() {
        if let Some((pane, id)) = &s.serves {
            let seen = per_item.entry(id.clone()).or_default();
            s.score -= *seen * SAME_ITEM;
            *seen += 1.0;
            let seen = per_pane.entry(Some(*pane)).or_default();
            s.score -= *seen * SAME_PANE;
            *seen += 1.0;
        }
    }
    list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.bank.cmp(&b.bank)));
}

fn targets<'a>(account: &'a Account, asked: &HashSet<&ItemId>) -> Vec<Target<'a>> {
    let mut out = Vec::new();
    for pane in Pane::ALL {
        if let Some(items) = account.items(pane) {
            for it in items {
                out.push(target(pane, &it.id, &it.text, it.priority, asked));
            }
        } else {
            for p in &account.people {
                out.push(target(pane, &p.id, &p.name, Priority::None, asked));
            }
        }
    }
    out
}

fn target<'a>(
    pane: Pane,
    id: &'a ItemId,
    text: &str,
    priority: Priority,
    asked: &HashSet<&ItemId>,
) -> Target<'a> {
    let label = crate::domain::text::shorten(&first_line(text), 60);
    Target {
        pane,
        id,
        phrase: Phrase::of(pane, text),
        label,
        words: words(text),
        priority,
        asked: asked.contains(id),
    }
}

/// The item of `candidates` sharing most words with `text`, if any shares one.
fn best_overlap<'a, 'b>(
    text: &str,
    candidates: impl Iterator<Item = &'b Target<'a>>,
) -> Option<&'b Target<'a>>
where
    'a: 'b,
{
    let mine = words(text);
    candidates
        .map(|t| (t.words.intersection(&mine).count(), t))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, t)| (*n, t.priority))
        .map(|(_, t)| t)
}

/// Scores one candidate (`fill` is its placeholder filled, or `None` for a question without
/// one) and writes down why.
fn score(
    i: usize,
    q: &BankQuestion,
    fill: Option<&Fill>,
    t: Option<&Target>,
    pane_asked: bool,
) -> Suggestion {
    let mut reasons = Vec::new();
    let mut score = t.map_or(0.0, |t| item_score(t, q, fill, &mut reasons));
    if let Some(p) = q.pane.filter(|_| !pane_asked) {
        score += 3.0;
        reasons.push(format!(
            "nothing in the plan asks about {} yet",
            p.title().to_lowercase()
        ));
    }
    let (spin_score, spin_reason) = match q.spin {
        Spin::Situation => (-2.0, "situation question: research may answer it"),
        Spin::Problem => (0.5, "problem question"),
        Spin::Implication => (1.0, "implication question"),
        Spin::NeedPayoff => (1.0, "need-payoff question"),
    };
    score += spin_score + if q.open { 0.5 } else { -0.5 };
    reasons.push(format!(
        "{spin_reason}, {}",
        if q.open { "open" } else { "closed" }
    ));
    Suggestion {
        bank: i,
        text: fill.map_or(q.text.as_str(), Fill::text).to_owned(),
        serves: t.map(|t| (t.pane, t.id.clone())),
        score,
        reasons,
    }
}

/// What serving item `t` is worth: more when no planned question asks about it, when it
/// matters to them, and when the question is made specific to it or shares its words.
fn item_score(t: &Target, q: &BankQuestion, fill: Option<&Fill>, reasons: &mut Vec<String>) -> f32 {
    let mut score = 0.0;
    let about = format!("serves {} \"{}\"", noun(t.pane), t.label);
    if t.asked {
        reasons.push(about);
    } else {
        score += 2.0;
        reasons.push(format!("{about}, which no planned question asks about"));
    }
    score += match t.priority {
        Priority::High => 1.5,
        Priority::Medium => 0.75,
        _ => 0.0,
    };
    if t.priority >= Priority::Medium {
        reasons.push(format!("{} priority", priority_word(t.priority)));
    }
    match fill {
        Some(Fill::Filled(_)) => {
            score += 1.5;
            reasons.push("made specific to this account".into());
        }
        Some(Fill::Unfilled(_, why)) => reasons.push(format!(
            "shown with \"{}\" rather than its words: {}",
            fill::generic(t.pane),
            why.why()
        )),
        None => {
            let shared = t.words.intersection(&words(&q.text)).count();
            score += (shared as f32 * 0.5).min(2.0);
            reasons.push(format!(
                "{shared} word{} shared with it",
                if shared == 1 { "" } else { "s" }
            ));
        }
    }
    score
}

fn noun(pane: Pane) -> &'static str {
    match pane {
        Pane::Goals => "goal",
        Pane::Threats => "threat",
        Pane::Competitors => "competitor",
        Pane::Market => "market condition",
        Pane::People => "person",
        Pane::WhyChange => "reason to change",
    }
}

fn priority_word(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
        Priority::None => "no",
    }
}
