//! Saves that die (issue 12, tests): a process saving an account in a loop is killed with
//! SIGKILL at random moments, hundreds of times, and after every kill the account file is
//! whole, one of the versions that could have been on disk, and the temp file a killed save
//! left behind is removed by the next `Store::open` once it is stale. And a save replaces the
//! file rather than rewriting it, so a reader holding the old file never sees a mix.
#![cfg(unix)]

use callbook::domain::{Account, AccountId, Item, ItemId};
use callbook::storage::{Store, StoreError, to_json};
use chrono::{DateTime, Utc};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// How many times the saving child is killed.
const KILLS: usize = 500;

/// The seed of the kill delays, so a failure can be replayed.
const SEED: u64 = 12;

/// What a killed save leaves behind (`TMP_PREFIX` in `src/storage/file.rs`).
const TMP_PREFIX: &str = ".callbook-tmp-";

/// Older than `TMP_STALE` in `src/storage/store.rs` (10 s): only then does `Store::open`
/// remove a temp file, since a younger one may be another callbook's save under way.
const PAST_STALE: Duration = Duration::from_secs(3600);

fn at() -> DateTime<Utc> {
    "2026-01-02T03:04:05Z".parse().unwrap()
}

/// Version `which` (0 or 1) of the account that round `round` of the test saves: every
/// round's two versions differ from each other and from every other round's, in content
/// and in length, so a file from the wrong round or half of one shows.
fn version(round: usize, which: usize) -> Account {
    let mut account = Account::new("Crash Test", at());
    let goals = if which == 0 { 1 } else { 3 };
    for n in 0..goals {
        let mut goal = Item::new(&format!("round {round} version {which} goal {n}"), at());
        goal.id = ItemId::from_raw(&format!("r{round}v{which}g{n}"));
        account.world.goals.push(goal);
    }
    account
}

/// Run as a child of this test binary with `CALLBOOK_TEST_CRASH` set: saves versions 1 and
/// 0 of its round in turn, alternating `Store::save` and `Store::update`, until killed.
/// Otherwise a no-op.
#[test]
fn save_loop_child() {
    let Ok(root) = std::env::var("CALLBOOK_TEST_CRASH") else {
        return;
    };
    let id = AccountId::parse(&std::env::var("CALLBOOK_TEST_ID").unwrap()).unwrap();
    let round: usize = std::env::var("CALLBOOK_TEST_ROUND").unwrap().parse().unwrap();
    let versions = [version(round, 1), version(round, 0)];
    let store = Store::open(root).unwrap();
    println!("looping");
    for n in 0.. {
        let next = &versions[n % 2];
        if n % 4 < 2 {
            store.save(&id, next).unwrap();
        } else {
            store
                .update(&id, "the crash test", |account| {
                    *account = next.clone();
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
    }
}

/// Starts the saving child for `round` and returns once it is about to save.
fn saver(root: &Path, id: &AccountId, round: usize) -> std::process::Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "save_loop_child", "--nocapture", "--test-threads=1"])
        .env("CALLBOOK_TEST_CRASH", root)
        .env("CALLBOOK_TEST_ID", id.as_str())
        .env("CALLBOOK_TEST_ROUND", round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|l| l.is_ok_and(|l| l.contains("looping"))),
        "the saving child never started"
    );
    child
}

/// The temp files in `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(TMP_PREFIX))
        .collect();
    out.sort();
    out
}

/// Sets a file's modification time to `age` ago.
fn age_file(path: &Path, age: Duration) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file_and_no_temp_file() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("data");
    let store = Store::open(&root).unwrap();
    let id = store.create(&version(0, 0)).unwrap();
    let path = store.path_of(&id);
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut before = to_json(&version(0, 0));
    let (mut unchanged, mut leftovers) = (0, 0);
    for round in 1..=KILLS {
        let mut child = saver(&root, &id, round);
        std::thread::sleep(Duration::from_micros(rng.u64(0..3000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(libc::SIGKILL),
            "round {round}: the child died by itself"
        );

        let text = fs::read_to_string(&path).unwrap();
        let could = [
            before.clone(),
            to_json(&version(round, 0)),
            to_json(&version(round, 1)),
        ];
        assert!(
            could.contains(&text),
            "round {round}: the file is none of the versions that could be there:\n{text}"
        );
        let loaded = store.load(&id).unwrap().account;
        assert_eq!(
            to_json(&loaded),
            text,
            "round {round}: parses back to what is there"
        );
        unchanged += usize::from(text == before);

        // A fresh temp file may be another callbook's save under way, so `Store::open` keeps
        // it (tests/storage.rs checks that); aged past the rule, it must go.
        let left = temp_files(&store.accounts_dir());
        leftovers += left.len();
        for file in &left {
            age_file(file, PAST_STALE);
        }
        Store::open(&root).unwrap();
        let still = temp_files(&store.accounts_dir());
        assert!(
            still.is_empty(),
            "round {round}: stale temp files kept: {still:?}"
        );
        before = text;
    }
    // The lock file a killed save leaves is taken over, never listed as an account.
    assert_eq!(store.list().unwrap().len(), 1);
    println!(
        "{KILLS} kills: {unchanged} left the file as it was, {} a new version; \
         {leftovers} temp files left by a save cut short, all removed on re-opening",
        KILLS - unchanged
    );
}

#[test]
fn a_save_replaces_the_file_so_an_open_handle_keeps_the_old_content() {
    let tmp = TempDir::new().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    let (old, new) = (version(0, 0), version(0, 1));
    let id = store.create(&old).unwrap();
    let path = store.path_of(&id);
    for step in ["save", "update"] {
        let mut reader = fs::File::open(&path).unwrap();
        let before = fs::metadata(&path).unwrap().ino();
        let was = fs::read_to_string(&path).unwrap();
        let next = if was == to_json(&old) { &new } else { &old };
        if step == "save" {
            store.save(&id, next).unwrap();
        } else {
            store
                .update(&id, "the test", |a| {
                    *a = next.clone();
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
        let mut seen = String::new();
        reader.read_to_string(&mut seen).unwrap();
        assert_eq!(
            seen, was,
            "{step}: the handle opened before still reads the old file"
        );
        assert_ne!(
            fs::metadata(&path).unwrap().ino(),
            before,
            "{step}: a new file took the name"
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            to_json(next),
            "{step}: the name has the new content"
        );
    }
}
