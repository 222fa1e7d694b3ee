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
fn search_is_fuzzy_and_best_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&run(dir.path(), &["bank", "--search", "competitor win lose"]));
    let first = out.lines().next().expect("a hit");
    for word in ["win", "lose", "{competitor}"] {
        assert!(first.contains(word), "{first}");
    }
    assert!(stdout(&run(dir.path(), &["bank", "--search", "zzqxv"])).is_empty());
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
