//! `callbook doctor [--fix]` through the real binary: what it reports (one line per problem
//! with the file and a remedy, a summary, exit 1 while problems remain), that looking
//! writes nothing, and that `--fix` repairs only what is safe, after a backup.

mod common;

use common::Data;
use serde_json::{Value, json};
use std::fs;
use std::path::PathBuf;
use std::process::Output;
use std::time::{Duration, SystemTime};

/// An account made through the binary, with a goal, a threat and a question linked to the
/// goal; returns its id and file.
fn account(data: &Data, name: &str) -> (String, PathBuf) {
    let id = data.cli(&["new", name]).trim().to_owned();
    data.cli(&["add", &id, "goals", "Open a depot in Leeds"]);
    data.cli(&["add", &id, "threats", "Fuel prices eat the margin"]);
    (id.clone(), data.accounts().join(format!("{id}.json")))
}

fn edit(path: &PathBuf, change: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    change(&mut v);
    fs::write(path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

/// `doctor` with `args`: its exit code and what it printed.
fn doctor(data: &Data, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["doctor"];
    all.extend(args);
    let Output {
        status,
        stdout,
        stderr,
    } = data.run(&all);
    assert!(stderr.is_empty(), "{}", String::from_utf8_lossy(&stderr));
    (status.code(), String::from_utf8(stdout).unwrap())
}

/// A time long past, for files left by something that ended long ago (no clock read).
fn long_ago() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000)
}

#[test]
fn a_sound_folder_has_no_problems() {
    let data = Data::new();
    account(&data, "Acme");
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(said, format!("no problems in {}\n", data.root().display()));
}

#[test]
fn a_dangling_link_and_a_duplicate_id_are_reported_and_left_alone_by_fix() {
    let data = Data::new();
    let (_, path) = account(&data, "Acme");
    edit(&path, |v| {
        let goal = v["world"]["goals"][0]["id"].clone();
        let at = v["world"]["goals"][0]["created"].clone();
        v["world"]["threats"][0]["id"] = goal;
        v["questions"] = json!([{
            "id": "q-1", "text": "What would the Leeds depot change for you?",
            "links": ["gone-1"], "created": at, "updated": at,
        }]);
        v["comments"] = json!([
            {"id": "c-1", "anchor": "check:objective", "author": "Coach", "at": at, "text": "Fine"},
            {"id": "c-2", "anchor": "gone-2", "author": "Coach", "at": at, "text": "Where?"},
        ]);
    });
    let before = fs::read(&path).unwrap();
    let (code, said) = doctor(&data, &["--fix"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("2 records share the id") && said.contains("(goal, threat)"),
        "{said}"
    );
    assert!(
        said.contains("question \"What would the Leeds depot change for you?\": a link points at \"gone-1\""),
        "{said}"
    );
    assert!(
        said.contains("comment \"Where?\": its anchor points at \"gone-2\""),
        "{said}"
    );
    assert!(
        !said.contains("check:objective"),
        "a check's anchor is fine: {said}"
    );
    assert!(said.ends_with("3 problems left\n"), "{said}");
    assert_eq!(fs::read(&path).unwrap(), before, "reported, not touched");
    assert!(!data.root().join("backup").exists(), "nothing to back up");
}

#[test]
fn a_leftover_temp_file_and_stale_locks_are_removed_by_fix() {
    let data = Data::new();
    let (id, _) = account(&data, "Acme");
    let temp = data.root().join(".callbook-tmp-Xy12ab");
    fs::write(&temp, "{\"schema\": 1").unwrap();
    fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(long_ago())
        .unwrap();
    let lock = data.accounts().join(format!(".{id}.json.lock"));
    fs::write(
        &lock,
        r#"{"pid":1,"host":"laptop","since":"2025-03-01T09:00:00Z","what":"add"}"#,
    )
    .unwrap();
    let gone = data.accounts().join(".gone-a1b2c3.json.open.lock");
    fs::write(&gone, "").unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("PROBLEM  .callbook-tmp-Xy12ab: a temp file left by a save"),
        "{said}"
    );
    let stale =
        format!("PROBLEM  accounts/.{id}.json.lock: a lock nobody holds, left by a callbook that ended;");
    assert!(said.contains(&stale), "{said}");
    assert!(said.contains("of an account that is gone"), "{said}");

    let (code, said) = doctor(&data, &["--fix"]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(said.matches("FIXED ").count(), 3, "{said}");
    assert!(!temp.exists() && !lock.exists() && !gone.exists(), "{said}");
    let backups: Vec<PathBuf> = data
        .snapshot()
        .into_keys()
        .filter(|p| p.starts_with(data.root().join("backup")))
        .collect();
    assert_eq!(backups.len(), 3, "{backups:?}");
}

#[test]
fn a_lock_someone_holds_is_not_a_problem() {
    let data = Data::new();
    let (id, path) = account(&data, "Acme");
    let name = format!("{id}.json");
    let held =
        callbook::storage::lock::acquire(&data.accounts(), &name, &path, "a test", Duration::ZERO).unwrap();
    let (code, said) = doctor(&data, &["--fix"]);
    assert_eq!((code, said.contains("lock")), (Some(0), false), "{said}");
    assert!(data.accounts().join(format!(".{name}.lock")).exists());
    drop(held);
}

#[cfg(unix)]
#[test]
fn modes_open_to_others_are_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let data = Data::new();
    let (id, path) = account(&data, "Acme");
    let cache = data.root().join(".cache");
    fs::create_dir(&cache).unwrap();
    let mode = |p: &PathBuf| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    fs::set_permissions(&cache, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    let file = format!("PROBLEM  accounts/{id}.json: open to others (mode 0644;");
    assert!(said.contains(&file), "{said}");
    assert!(
        said.contains("PROBLEM  .cache: open to others (mode 0755;"),
        "{said}"
    );
    assert_eq!(
        (mode(&path), mode(&cache)),
        (0o644, 0o755),
        "looking changes nothing"
    );
    let (code, said) = doctor(&data, &["--fix"]);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!((mode(&path), mode(&cache)), (0o600, 0o700));
}

#[cfg(unix)]
#[test]
fn symlinks_are_reported_with_where_they_point() {
    let data = Data::new();
    let (id, path) = account(&data, "Acme");
    let outside = data.root().parent().unwrap().join("elsewhere.json");
    fs::copy(&path, &outside).unwrap();
    let out_link = data.accounts().join("elsewhere-a1b2c3.json");
    std::os::unix::fs::symlink(&outside, &out_link).unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    let line = format!(
        "PROBLEM  accounts/elsewhere-a1b2c3.json: a symlink to {}, outside the data folder",
        outside.display()
    );
    assert!(said.contains(&line), "{said}");

    fs::remove_file(&out_link).unwrap();
    let mut perms = fs::metadata(data.root()).unwrap().permissions();
    fs::create_dir(data.root().join("team")).unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o700);
    fs::set_permissions(data.root().join("team"), perms).unwrap();
    fs::rename(&path, data.root().join("team").join("acme.json")).unwrap();
    std::os::unix::fs::symlink("../team/acme.json", &path).unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(0), "a link inside the folder is only a notice: {said}");
    assert!(
        said.contains(&format!(
            "NOTICE   accounts/{id}.json: a symlink to ../team/acme.json"
        )),
        "{said}"
    );
    assert!(said.contains("(1 notice)"), "{said}");
}

#[test]
fn two_files_of_one_account_are_duplicates() {
    let data = Data::new();
    let (id, path) = account(&data, "Acme");
    fs::copy(&path, data.accounts().join("zz-acme-copy.json")).unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    let line = format!("PROBLEM  accounts/zz-acme-copy.json: the same account as accounts/{id}.json");
    assert!(said.contains(&line), "{said}");
}

#[test]
fn team_files_are_checked_and_a_newer_schema_is_a_notice() {
    let data = Data::new();
    account(&data, "Acme");
    fs::write(
        data.root().join("bank.json"),
        "{\n  \"schema\": 1,\n  \"questions\": [\n}\n",
    )
    .unwrap();
    fs::write(
        data.root().join("offerings.json"),
        "{\"schema\": 99, \"offerings\": []}\n",
    )
    .unwrap();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("PROBLEM  bank.json: line 4, column 1:"), "{said}");
    assert!(
        said.contains("NOTICE   offerings.json: written by a newer callbook (schema 99)"),
        "{said}"
    );
}

#[test]
fn looking_writes_nothing_and_text_reaches_the_terminal_clean() {
    let data = Data::new();
    let (id, path) = account(&data, "Acme");
    edit(&path, |v| {
        let at = v["world"]["goals"][0]["created"].clone();
        v["questions"] = json!([{
            "id": "q-1", "text": "Why \u{1b}[31mnow\u{202e}?", "links": ["gone-1"],
            "created": at, "updated": at,
        }]);
    });
    let copy = data
        .accounts()
        .join(format!("{id} (conflicted copy 2025-03-01).json"));
    fs::copy(&path, &copy).unwrap();
    fs::write(data.root().join("recovery.json"), "{}").unwrap();
    let temp = data.root().join(".callbook-tmp-old");
    fs::write(&temp, "x").unwrap();
    fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(long_ago())
        .unwrap();
    fs::write(data.accounts().join(format!(".{id}.json.lock")), "").unwrap();
    let before = data.snapshot();
    let (code, said) = doctor(&data, &[]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("NOTICE   recovery.json: text recovered"), "{said}");
    assert!(said.contains("a conflicted copy of"), "{said}");
    assert!(!said.contains(['\u{1b}', '\u{202e}']), "{said:?}");
    assert!(said.contains("⟨U+202E⟩"), "{said}");
    assert_eq!(data.snapshot(), before, "doctor without --fix wrote something");
}
