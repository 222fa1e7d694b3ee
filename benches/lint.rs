//! Linter benchmarks: 10,000 generated lines of 8 to 25 words, a realistic mix of open and
//! closed questions, pitches, opinions and notes (issue 3's target: under 50 ms), one line
//! of a megabyte, and the megabyte lines that are worst for the linter (optimised, each
//! takes tens of milliseconds; a slip into quadratic time shows here as seconds).
//! `cargo bench --bench lint` prints the figures.

mod datagen;

use callbook::domain::lint::lint;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// Openings of each kind of line; a generated line is one opening and then enough of
/// [`GLUE`] and [`datagen::WORDS`] to reach its length.
const OPENINGS: &[&str] = &[
    "What happens to",
    "How do you decide on",
    "Walk me through how your team handles",
    "Who is responsible for",
    "What would it mean for you if nothing changed with",
    "Do you use a system for",
    "Is the board still focused on",
    "Would you be interested in our seamless platform for",
    "Are you looking for ways to save money on",
    "Wouldn't you agree that you need to fix",
    "You need our best-in-class solution for",
    "We are the industry leader in",
    "I think you should rethink",
    "Their CFO said 'we lose margin on' the",
    "The meeting on Tuesday covers",
    "When you say \"we can't scale\", what does that cost you in",
];

/// Small words that make the generated lines read like speech, beside [`datagen::WORDS`].
const GLUE: &[&str] = &[
    "the", "your", "team's", "returns", "in", "for", "next", "quarter", "and", "stores", "drivers",
    "planning",
];

/// `n` lines of 8 to 25 words, the same for a given seed.
fn lines(n: usize, mut seed: u64) -> Vec<String> {
    let vocabulary: Vec<&str> = datagen::WORDS.iter().chain(GLUE).copied().collect();
    (0..n)
        .map(|_| {
            let mut line = OPENINGS[datagen::pick(&mut seed, OPENINGS.len())].to_owned();
            let target = 8 + datagen::pick(&mut seed, 18);
            while line.split_whitespace().count() < target {
                line.push(' ');
                line.push_str(vocabulary[datagen::pick(&mut seed, vocabulary.len())]);
            }
            line.push(if datagen::pick(&mut seed, 3) == 0 {
                '.'
            } else {
                '?'
            });
            line
        })
        .collect()
}

/// Linting 10,000 lines, one after another, as `callbook lint` or a plan's health check does.
fn lint_lines(c: &mut Criterion) {
    let lines = lines(10_000, 7);
    c.bench_function("lint 10000 lines", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(lint(black_box(line), None));
            }
        })
    });
}

/// One line of a megabyte: the worst a pasted document can do.
fn lint_megabyte(c: &mut Criterion) {
    let text = lines(12_000, 11).join(" ");
    c.bench_function("lint one 1 MB line", |b| {
        b.iter(|| black_box(lint(black_box(&text), None)))
    });
}

/// The megabyte lines that are worst for the tokenizer, the lexicon and the judge (the same
/// ones `tests/lint.rs` checks the verdicts of), linted one after another with themselves
/// as context. Ten samples: each is several megabytes.
fn lint_adversarial(c: &mut Criterion) {
    let unit = "You need our seamless platform, right? \"we lose\" 'margin' 🙂 what happens if ";
    let texts = [
        unit.repeat(1_000_000 / unit.len() + 1),
        "a".repeat(1 << 20),
        "\"'“".repeat(350_000),
        "? ".repeat(500_000),
        "if we offer, ".repeat(80_000),
        "tell me, our ".repeat(80_000),
        "you need to ".repeat(90_000),
    ];
    let mut group = c.benchmark_group("lint adversarial");
    group.sample_size(10);
    group.bench_function("7 lines of 1 MB", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(lint(black_box(text), Some(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, lint_lines, lint_megabyte, lint_adversarial);
criterion_main!(benches);
