//! Question bank benchmarks: fuzzy search as the user types over 100,000 questions, and
//! ranking the bank for an account with 500 items.

mod datagen;

use callbook::domain::bank::builtin;
use callbook::domain::rank::rank;
use callbook::domain::search::SearchIndex;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// Queries as a rep would type them, one keystroke at a time.
const QUERIES: &[&str] = &[
    "tender",
    "what happens renewal",
    "cost when freight",
    "who decides board",
];

/// Typing each query a character at a time over 100,000 questions; criterion reports the
/// time for the whole query, so divide by its length for the time per keystroke.
fn search_as_you_type(c: &mut Criterion) {
    let bank = datagen::bank(100_000);
    let mut group = c.benchmark_group("search 100k, whole query typed");
    for query in QUERIES {
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{query} ({} keys)", query.len())),
            query,
            |b, q| {
                let mut index = SearchIndex::new(bank.iter().map(|q| q.text.as_str()));
                b.iter(|| {
                    index.search("");
                    for end in 1..=q.len() {
                        black_box(index.search(&q[..end]));
                    }
                })
            },
        );
    }
    group.finish();
    let mut index = SearchIndex::new(bank.iter().map(|q| q.text.as_str()));
    c.bench_function("search 100k, first keystroke", |b| {
        b.iter(|| {
            index.search("");
            black_box(index.search("w"))
        })
    });
    // The costliest keystroke found: the first letter of a new word, checked against every
    // text the words before it matched.
    let mut primed = SearchIndex::new(bank.iter().map(|q| q.text.as_str()));
    for end in 1..="what happens".len() {
        primed.search(&"what happens"[..end]);
    }
    c.bench_function("search 100k, one keystroke: 'what happens' + 'r'", |b| {
        b.iter_batched(
            || primed.clone(),
            |mut i| {
                let hits = i.search("what happens r");
                (i, hits)
            },
            BatchSize::LargeInput,
        )
    });
}

/// Ranking the built-in bank for an account of 500 items (about 83 per pane).
fn rank_for_large_account(c: &mut Criterion) {
    let bank = builtin().questions;
    let account = datagen::account("Large", 84, 3);
    c.bench_function("rank built-in bank, 500-item account", |b| {
        b.iter(|| black_box(rank(&bank, &account)))
    });
}

criterion_group!(benches, search_as_you_type, rank_for_large_account);
criterion_main!(benches);
