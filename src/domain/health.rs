//! Plan health: is the question plan shaped for a discovery call? Counts, open versus
//! closed, the SPIN mix, opinions, questions that serve nothing, and important items nobody
//! asks about. Shown on the questions screen and in exports.

use super::account::{Account, Pane, Priority};
use super::bank::{self, BankQuestion, Spin};
use super::id::ItemId;
use super::lint::{Kind, Lint, lint};
use super::plan;
use std::collections::HashSet;

/// The number of questions a discovery call aims at.
pub const AIM: std::ops::RangeInclusive<usize> = 11..=14;
/// More questions than this and the plan warns.
pub const TOO_MANY: usize = 20;

/// The plan's shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Health {
    /// Questions in the plan.
    pub count: usize,
    /// Open questions.
    pub open: usize,
    /// Closed questions.
    pub closed: usize,
    /// Questions per SPIN type, in [`Spin::ALL`] order.
    pub spin: [usize; 4],
    /// Lines the linter judges opinions or leading questions.
    pub concerns: usize,
    /// Questions linked to nothing in the customer's world.
    pub orphans: usize,
    /// High-priority items no question is linked to, with their text.
    pub unasked: Vec<(Pane, ItemId, String)>,
}

/// Measures the plan of `account`. A question taken from `bank` unchanged counts with the
/// bank's SPIN type and openness; any other is judged by the linter.
pub fn health(account: &Account, bank: &[BankQuestion]) -> Health {
    health_of(account, bank, &verdicts(account))
}

/// The linter's verdict on each plan question, in plan order, with the question's first
/// linked item as the context for its rewrite.
pub fn verdicts(account: &Account) -> Vec<Lint> {
    let context = |q| plan::first_link(account, q).map(|(_, t)| t);
    account
        .questions
        .iter()
        .map(|q| lint(&q.text, context(q)))
        .collect()
}

/// [`health`] from verdicts already made (one per plan question, as [`verdicts`] gives).
pub fn health_of(account: &Account, bank: &[BankQuestion], verdicts: &[Lint]) -> Health {
    let mut h = Health {
        count: account.questions.len(),
        ..Health::default()
    };
    for (q, verdict) in account.questions.iter().zip(verdicts) {
        let mut verdict = verdict.clone();
        let source = q
            .from_bank
            .as_ref()
            .and_then(|id| bank.iter().find(|b| &b.id == id));
        if let Some(b) = source.filter(|b| bank::placeholder(&b.text).is_some() || b.text == q.text) {
            (verdict.spin, verdict.open) = (Some(b.spin), Some(b.open));
        }
        match verdict.open {
            Some(true) => h.open += 1,
            Some(false) => h.closed += 1,
            None => {}
        }
        if let Some(spin) = verdict.spin {
            h.spin[spin as usize] += 1;
        }
        h.concerns += usize::from(matches!(verdict.kind, Kind::Opinion | Kind::Leading));
        h.orphans += usize::from(plan::first_link(account, q).is_none());
    }
    let linked: HashSet<&ItemId> = account.questions.iter().flat_map(|q| &q.links).collect();
    for pane in Pane::ALL {
        for item in account.items(pane).into_iter().flatten() {
            if item.priority == Priority::High && !linked.contains(&item.id) {
                h.unasked.push((pane, item.id.clone(), item.text.clone()));
            }
        }
    }
    h
}

impl Health {
    /// The counts in one line.
    pub fn summary(&self) -> String {
        let spin: Vec<String> = Spin::ALL
            .iter()
            .map(|s| format!("{} {}", s.name(), self.spin[*s as usize]))
            .collect();
        format!(
            "{} question{} (aim {}-{}) · {} open, {} closed · {} · {} opinion/leading",
            self.count,
            plural(self.count),
            AIM.start(),
            AIM.end(),
            self.open,
            self.closed,
            spin.join(", "),
            self.concerns
        )
    }

    /// What to fix, most important first; empty when the plan is in shape.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if self.concerns > 0 {
            w.push(format!(
                "{} line{} read as opinion or leading: rewrite as questions about them",
                self.concerns,
                plural(self.concerns)
            ));
        }
        if self.count > TOO_MANY {
            w.push(format!(
                "{} questions is more than a call holds (over {TOO_MANY}): keep the ones that matter",
                self.count
            ));
        } else if self.count < *AIM.start() {
            w.push(format!(
                "{} question{}: a discovery call aims at {}-{}",
                self.count,
                plural(self.count),
                AIM.start(),
                AIM.end()
            ));
        }
        if self.closed > self.open {
            w.push("more closed questions than open ones".into());
        }
        let [situation, problem, implication, _] = self.spin;
        if situation > 0 && situation >= problem + implication {
            w.push(
                "more situation questions than problem and implication ones: research the facts instead"
                    .into(),
            );
        }
        if !self.unasked.is_empty() {
            let names: Vec<String> = self
                .unasked
                .iter()
                .take(3)
                .map(|(_, _, text)| format!("\"{}\"", short(text)))
                .collect();
            let more = if self.unasked.len() > 3 { ", ..." } else { "" };
            w.push(format!(
                "{} high-priority item{} nobody asks about: {}{more}",
                self.unasked.len(),
                plural(self.unasked.len()),
                names.join(", ")
            ));
        }
        if self.orphans > 0 {
            w.push(format!(
                "{} {} nothing in their world",
                count(self.orphans, "question", "questions"),
                agree(self.orphans, "serves", "serve")
            ));
        }
        w
    }
}

/// An item's text cut to a few words, for a warning line.
fn short(text: &str) -> String {
    let line = super::text::first_line(text);
    let words: Vec<&str> = line.split_whitespace().take(5).collect();
    let cut = if line.split_whitespace().count() > 5 {
        "…"
    } else {
        ""
    };
    format!("{}{cut}", words.join(" "))
}

fn plural(n: usize) -> &'static str {
    agree(n, "", "s")
}

/// `n` with the noun that agrees with it: "1 question", "2 questions", "0 questions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", agree(n, one, many))
}

/// The word that agrees with `n`: `one` for exactly 1, else `many` ("serves", "serve").
pub fn agree<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(orphans: usize, concerns: usize, count: usize) -> String {
        let h = Health {
            count,
            orphans,
            concerns,
            open: count,
            ..Health::default()
        };
        h.warnings().join("\n")
    }

    #[test]
    fn every_count_agrees_with_its_noun_and_verb() {
        assert!(warnings(1, 0, 12).contains("1 question serves nothing in their world"));
        assert!(warnings(2, 0, 12).contains("2 questions serve nothing in their world"));
        assert!(warnings(0, 0, 12).is_empty(), "{}", warnings(0, 0, 12));
        assert!(warnings(0, 1, 12).contains("1 line read as opinion"));
        assert!(warnings(0, 3, 12).contains("3 lines read as opinion"));
        assert!(warnings(0, 0, 1).contains("1 question: a discovery call"));
        assert!(warnings(0, 0, 0).contains("0 questions: a discovery call"));
        let one = Health {
            count: 1,
            ..Health::default()
        };
        assert!(one.summary().starts_with("1 question (aim"), "{}", one.summary());
        assert_eq!(
            (count(1, "turn", "turns"), count(0, "turn", "turns")),
            ("1 turn".into(), "0 turns".into())
        );
    }
}
