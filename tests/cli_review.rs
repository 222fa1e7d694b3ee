//! `callbook review NAME`: without a terminal it says so in one line, a bad name is told
//! first, and the start it makes opens the account in the review access mode.

use callbook::app::start::{Start, begin};
use callbook::app::{Access, App};
use callbook::domain::sample;
use callbook::storage::Store;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// `callbook --data-dir DIR ARGS` with stdin closed and stdout piped, its settings in the
/// temp dir too.
fn run(tmp: &TempDir, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_remove("CALLBOOK_DATA_DIR")
        .env("CALLBOOK_CONFIG_DIR", tmp.path().join("config"))
        .env("HOME", tmp.path())
        .env("RUST_BACKTRACE", "1")
        .arg("--data-dir")
        .arg(tmp.path().join("data"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A temp folder whose data folder holds the sample account.
fn with_sample() -> TempDir {
    let tmp = TempDir::new().unwrap();
    let out = run(&tmp, &["sample"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    tmp
}

/// Stderr of a run that must fail with exit code 1, one line and nothing on stdout.
fn one_line_failure(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        out.stdout.is_empty(),
        "drew {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(!err.contains("panicked") && !err.contains('\u{1b}'), "{err}");
    err
}

#[test]
fn review_without_a_terminal_says_it_needs_one() {
    let tmp = with_sample();
    let err = one_line_failure(run(&tmp, &["review", "ashcombe"]));
    assert!(
        err.starts_with("error: `review` needs a terminal, and neither stdin nor stdout is one"),
        "{err}"
    );
}

#[test]
fn review_with_a_bad_name_says_no_account_matches() {
    let tmp = with_sample();
    let err = one_line_failure(run(&tmp, &["review", "zenith"]));
    assert!(err.contains("no account matches \"zenith\""), "{err}");
}

#[test]
fn the_review_start_opens_the_account_read_only_but_for_comments() {
    let tmp = TempDir::new().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    let id = store.create(&sample::account(callbook::domain::now())).unwrap();
    let mut app = App::new(Vec::new(), callbook::domain::now);
    let first = begin(&mut app, Start::Review(id.clone()));
    callbook::effects::run(first, &mut app, &store);
    let doc = &app.workbook.as_ref().expect("the account is open").doc;
    assert_eq!((&doc.id, doc.access), (&id, Access::Review));
    assert!(!app.review_next, "only the first account opens for review");
}
