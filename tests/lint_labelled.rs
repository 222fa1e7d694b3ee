//! The labelled set for issue 11 (`tests/data/lint_labelled.tsv`): lines written here, each
//! a genuine customer-focused question or a seller-centric line shaped like one, with the
//! shape it takes. This holds the set to its form (three fields, known labels, no repeats,
//! at least 300 lines, about half of each label, every shape with enough lines to judge);
//! the linter's accuracy on it is measured against the same file.

use std::collections::{BTreeMap, HashSet};

/// (label, shape, text) for every case of the set.
fn cases() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/lint_labelled.tsv"
    ))
    .expect("the labelled set is in tests/data");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                fields.len(),
                3,
                "line {}: label, shape and text, tab-separated: {l:?}",
                n + 1
            );
            (
                fields[0].to_owned(),
                fields[1].to_owned(),
                fields[2].trim().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_labelled_set_is_large_balanced_and_without_repeats() {
    let cases = cases();
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    let mut seen = HashSet::new();
    let mut per_shape: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (label, shape, text) in &cases {
        assert!(
            label == "question" || label == "seller",
            "unknown label {label:?} for {text:?}"
        );
        assert!(!text.is_empty(), "an empty line labelled {label}");
        assert!(seen.insert(text.to_lowercase()), "{text:?} twice");
        *per_shape.entry((label, shape)).or_default() += 1;
    }
    let questions = cases.iter().filter(|(l, ..)| l == "question").count();
    let share = questions * 100 / cases.len();
    assert!(
        (40..=60).contains(&share),
        "{questions} of {} are questions",
        cases.len()
    );
    for ((label, shape), n) in &per_shape {
        assert!(*n >= 10, "{label}/{shape} has {n} lines, too few to judge");
    }
}

/// The linter's judgement on the set: a genuine question must lint as a question, a
/// seller-centric line as anything else. Every miss is listed, with its shape and the rules
/// that fired; each label must reach its floor and each shape its own, so a change that
/// breaks one shape fails even when the totals hold.
#[test]
fn the_linter_tells_the_labelled_lines_apart() {
    use callbook::domain::lint::{Kind, lint};
    let mut by_shape: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (label, shape, text) in cases() {
        let l = lint(&text, None);
        let right = (l.kind == Kind::Question) == (label == "question");
        let tally = by_shape.entry((label.clone(), shape.clone())).or_default();
        tally.0 += usize::from(right);
        tally.1 += 1;
        if !right {
            let rules: Vec<&str> = l.flags.iter().map(|f| f.rule.name()).collect();
            misses.push(format!("{label}/{shape}: {text:?} linted {:?} {rules:?}", l.kind));
        }
    }
    let mut totals: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut weak = Vec::new();
    for ((label, shape), (right, n)) in &by_shape {
        let t = totals.entry(label.as_str()).or_default();
        t.0 += right;
        t.1 += n;
        if right * 100 < n * 80 {
            weak.push(format!("{label}/{shape}: {right} of {n}"));
        }
    }
    // `cargo test --test lint_labelled -- --nocapture` prints the figures by shape.
    for ((label, shape), (right, n)) in &by_shape {
        eprintln!("{label:8} {shape:22} {right:3} of {n:3}");
    }
    for (label, (right, n)) in &totals {
        eprintln!("{label:8} {:22} {right:3} of {n:3} ({}%)", "all", right * 100 / n);
    }
    for (label, (right, n)) in &totals {
        assert!(
            right * 100 >= n * 95,
            "{label}: {right} of {n} right, below 95%; misses:\n{}",
            misses.join("\n")
        );
    }
    assert!(
        weak.is_empty(),
        "shapes below 80%: {weak:?}; misses:\n{}",
        misses.join("\n")
    );
}
