//! `callbook bank`: listing, fuzzy search, the bank file format, and importing with clear
//! errors, run through the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callbook"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("CALLBOOK_DATA_DIR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn lists_the_built_in_bank_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&run(dir.path(), &["bank"]));
    let builtin = callbook::domain::bank::builtin().questions;
    assert_eq!(out.lines().count(), builtin.len());
    assert!(out.lines().next().unwrap().starts_with(&builtin[0].id));
}

#[test]
fn search_matches_words_and_is_best_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&run(dir.path(), &["bank", "--search", "competitor win lose"]));
    let first = out.lines().next().expect("a hit");
    for word in ["win", "lose", "{competitor}"] {
        assert!(first.contains(word), "{first}");
    }
}

/// The texts of `bank --search query`, best first.
fn hits(dir: &Path, query: &str) -> Vec<String> {
    let texts: std::collections::HashMap<String, String> = callbook::domain::bank::builtin()
        .questions
        .into_iter()
        .map(|q| (q.id, q.text))
        .collect();
    stdout(&run(dir, &["bank", "--search", query]))
        .lines()
        .map(|l| texts[l.split_whitespace().next().unwrap()].clone())
        .collect()
}

#[test]
fn search_finds_other_forms_of_a_word_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    let wanted = "How does budget get approved for something new?";
    for query in [
        "budget approval",
        "approval budget",
        "Budgets approving",
        "approve budget",
    ] {
        let found = hits(dir.path(), query);
        assert!(found.iter().any(|t| t == wanted), "{query:?}: {found:#?}");
        assert!(
            found.iter().all(|t| {
                let t = t.to_lowercase();
                t.contains("budget") && t.contains("approv")
            }),
            "{query:?}: every hit has both words: {found:#?}"
        );
    }
    // "how" needn't match, but puts the question that has it first.
    assert_eq!(hits(dir.path(), "how budget approval")[0], wanted);
    let decisions = hits(dir.path(), "decision");
    assert!(decisions.iter().any(|t| t.contains("decide")), "{decisions:#?}");
    assert!(decisions.iter().any(|t| t.contains("decision")), "{decisions:#?}");
    let first = &decisions[0];
    assert!(first.contains("decision"), "the same word ranks first: {first}");
}

#[test]
fn search_with_no_match_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    for query in ["zzqxv", "blockchain synergy", "budget zzqxv"] {
        for extra in [&[][..], &["--json"], &["--mine"]] {
            let mut args = vec!["bank", "--search", query];
            args.extend(extra);
            let out = run(dir.path(), &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?} succeeded");
            assert!(out.stdout.is_empty(), "{args:?} printed something");
            assert!(
                err.starts_with(&format!("error: no matches for {query:?}")),
                "{args:?}: {err}"
            );
            let whose = if extra == ["--mine"] {
                "your own questions (0 questions)"
            } else {
                "the bank ("
            };
            assert!(err.contains(whose), "{args:?}: {err}");
        }
    }
    assert!(!dir.path().join("bank.json").exists(), "a search writes nothing");
}

#[test]
fn json_is_a_bank_file_that_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("own.json");
    std::fs::write(
        &own,
        r#"{"schema": 1, "questions": [
  {"id": "x1", "text": "What would a second shift at Toledo change?", "category": "goals-and-vision",
   "pane": "goals", "spin": "need-payoff", "open": true, "note": "from Dana"}]}"#,
    )
    .unwrap();
    assert_eq!(
        stdout(&run(dir.path(), &["bank", "--import", own.to_str().unwrap()])).trim(),
        "added 1, skipped 0 already in the bank"
    );
    let mine = stdout(&run(dir.path(), &["bank", "--mine", "--json"]));
    let parsed: serde_json::Value = serde_json::from_str(&mine).unwrap();
    assert_eq!(parsed["schema"], 1);
    assert_eq!(
        parsed["questions"][0]["text"],
        "What would a second shift at Toledo change?"
    );
    assert_eq!(
        parsed["questions"][0]["note"], "from Dana",
        "unknown fields are kept"
    );
    // Importing the export again adds nothing.
    let again = dir.path().join("again.json");
    std::fs::write(&again, &mine).unwrap();
    assert_eq!(
        stdout(&run(dir.path(), &["bank", "--import", again.to_str().unwrap()])).trim(),
        "added 0, skipped 1 already in the bank"
    );
}

#[test]
fn bad_bank_files_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    for (text, expect) in [
        (
            "{\"schema\": 1, \"questions\": [\n  {\"id\": \"x\", \"text\": 5}\n]}",
            "line 2",
        ),
        ("[1, 2]", "expected a JSON object"),
        (
            "{\"schema\": 1, \"questions\": [{\"id\": \"x\", \"text\": \" \", \"category\": \"competitors\", \"spin\": \"problem\", \"open\": true}]}",
            "no text",
        ),
        ("{\"schema\": 5, \"questions\": []}", "newer callbook"),
    ] {
        std::fs::write(&bad, text).unwrap();
        let out = run(dir.path(), &["bank", "--import", bad.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad.json") && err.contains(expect), "{text}: {err}");
        assert!(
            !dir.path().join("bank.json").exists(),
            "nothing written for {text}"
        );
    }
}

/// The README with its line breaks folded to spaces, so a sentence reads whole.
fn readme() -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number written just before `after` in `text` ("286" in "286 questions").
fn number_before(text: &str, after: &str) -> usize {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("README lacks {after:?}"));
    let digits: String = text[..at]
        .chars()
        .rev()
        .skip_while(|c| *c == ' ')
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

#[test]
fn the_readme_counts_the_bank_as_the_cli_and_the_app_do() {
    use callbook::domain::{Account, bank, rank, sample};
    let readme = readme();
    let builtin = bank::builtin().questions;
    let dir = tempfile::tempdir().unwrap();
    let listed = stdout(&run(dir.path(), &["bank"])).lines().count();
    assert_eq!(
        number_before(&readme, "customer-focused questions (plus your own)"),
        builtin.len()
    );
    assert_eq!(number_before(&readme, "questions themselves"), listed);
    assert_eq!(listed, builtin.len());
    // The app's bank title counts suggestions: placeholders filled per item, or left out.
    let now = chrono::Utc::now();
    let empty = rank::rank(&builtin, &Account::new("Empty", now)).len();
    let full = rank::rank(&builtin, &sample::account(now)).len();
    assert_eq!(number_before(&readme, "for an empty account"), empty);
    assert_eq!(number_before(&readme, "for the sample)"), full);
    let placeholders = builtin
        .iter()
        .filter(|q| bank::placeholder(&q.text).is_some())
        .count();
    assert_eq!(
        empty,
        builtin.len() - placeholders,
        "an empty account fills no placeholder"
    );
}
