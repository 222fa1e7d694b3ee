//! A data generator for benchmarks: accounts of a chosen size with realistic-length text,
//! deterministic for a given seed so runs compare.
#![allow(dead_code)] // Each benchmark uses the generators it needs.

use callbook::domain::fields::{self, blank};
use callbook::domain::{Account, Pane};
use chrono::{DateTime, Utc};

const WORDS: &[&str] = &[
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

/// `n` words drawn from a small vocabulary by a simple generator seeded with `seed`.
pub fn words(seed: &mut u64, n: usize) -> String {
    (0..n)
        .map(|_| {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            WORDS[(*seed >> 33) as usize % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An account with `per_pane` entries in each of the six panes.
pub fn account(name: &str, per_pane: usize, seed: u64) -> Account {
    let mut seed = seed;
    let mut account = Account::new(name, when());
    for pane in Pane::ALL {
        for _ in 0..per_pane {
            let mut values = blank(pane);
            values[0] = words(&mut seed, 8);
            values[1] = format!("{}\n{}", words(&mut seed, 14), words(&mut seed, 10));
            fields::apply(&mut account, pane, None, &values, when()).expect("generated values are valid");
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
