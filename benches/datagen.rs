//! A data generator for benchmarks: accounts of a chosen size with realistic-length text,
//! deterministic for a given seed so runs compare.
#![allow(dead_code)] // Each benchmark uses the generators it needs.

use callbook::domain::fields::{ItemForm, PersonForm};
use callbook::domain::{Account, Pane};
use chrono::{DateTime, Utc};

/// The vocabulary of generated text: words of a customer's business.
pub const WORDS: &[&str] = &[
    "freight",
    "margin",
    "renewal",
    "plant",
    "capacity",
    "audit",
    "churn",
    "tender",
    "supplier",
    "board",
    "forecast",
    "quality",
    "regulator",
    "pricing",
    "hiring",
    "backlog",
    "region",
    "launch",
    "cost",
    "risk",
];

/// A fixed time, so generated files are identical run to run.
pub fn when() -> DateTime<Utc> {
    "2026-11-23T12:00:00Z".parse().unwrap()
}

/// A number below `below` from a simple generator (an LCG) seeded with `seed`.
pub fn pick(seed: &mut u64, below: usize) -> usize {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*seed >> 33) as usize % below
}

/// `n` words drawn from [`WORDS`], the same for a given seed.
pub fn words(seed: &mut u64, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[pick(seed, WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// An account with `per_pane` entries in each of the six panes.
pub fn account(name: &str, per_pane: usize, seed: u64) -> Account {
    let mut seed = seed;
    let mut account = Account::new(name, when());
    for pane in Pane::ALL {
        for _ in 0..per_pane {
            let title = words(&mut seed, 8);
            let more = format!("{}\n{}", words(&mut seed, 14), words(&mut seed, 10));
            let added = match pane {
                Pane::People => PersonForm {
                    name: title,
                    title: more,
                    ..PersonForm::default()
                }
                .apply(&mut account, None, when()),
                _ => ItemForm {
                    text: title,
                    notes: more,
                    ..ItemForm::default()
                }
                .apply(&mut account, pane, None, when()),
            };
            added.expect("generated values are valid");
        }
    }
    account
}

const STEMS: &[&str] = &[
    "What happens to",
    "How does",
    "Who decides on",
    "What would change if you fixed",
    "Walk me through",
    "Why is now the time for",
    "How do you measure",
    "What does it cost you when",
    "Tell me about",
    "What would it mean for the team if",
];

/// `n` bank questions of realistic length (10 to 20 words), for search and ranking.
pub fn bank(n: usize) -> Vec<callbook::domain::bank::BankQuestion> {
    use callbook::domain::bank::{BankQuestion, Category, Spin};
    let mut seed = 42;
    (0..n)
        .map(|i| BankQuestion {
            id: format!("g{i}"),
            text: format!("{} {}?", STEMS[i % STEMS.len()], words(&mut seed, 6 + i % 10)),
            category: Category::ALL[i % Category::ALL.len()],
            pane: Some(Pane::ALL[i % Pane::ALL.len()]),
            spin: Spin::ALL[i % Spin::ALL.len()],
            open: i % 7 != 0,
            extra: Default::default(),
        })
        .collect()
}

/// Adds `n` rehearsed turns to `account`: each with a schedule (half of them due before
/// [`when`]) and two graded attempts with their checks, as real use leaves them.
pub fn add_turns(account: &mut Account, n: usize, seed: u64) {
    use callbook::domain::schedule;
    use callbook::domain::turn::{Attempt, CheckResult, Outcome, Turn, TurnKind};
    use strum::IntoEnumIterator;
    let mut seed = seed;
    for i in 0..n {
        let mut turn = Turn::new(
            &format!("{}?", words(&mut seed, 10)),
            TurnKind::iter().nth(i % 4).unwrap_or_default(),
            when(),
        );
        turn.response = words(&mut seed, 30);
        let start = when() - chrono::Duration::days(30 + (i % 20) as i64);
        let first = schedule::next(None, 3, start);
        let grade = if i % 2 == 0 { 1 } else { 4 };
        let second = schedule::next(Some(&first), grade, first.due);
        let checks: Vec<CheckResult> = (0..7)
            .map(|c| CheckResult {
                check: format!("check-{c}"),
                outcome: Outcome::Pass,
                detail: words(&mut seed, 8),
                extra: Default::default(),
            })
            .collect();
        for (at, s, g) in [(start, &first, 3), (first.due, &second, grade)] {
            turn.attempts.push(Attempt {
                at,
                answer: words(&mut seed, 40),
                checks: checks.clone(),
                grade: g,
                due: s.due,
                first_key_secs: 2.5,
                total_secs: 40.0,
                extra: Default::default(),
            });
        }
        turn.schedule = Some(second);
        account.turns.push(turn);
    }
}
