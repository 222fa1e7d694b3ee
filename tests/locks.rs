//! Account locks with the real binary (issue 12, "Locks"): writers of one account queue
//! instead of racing, a writer that can't get the lock in time fails with a clear message and
//! exit code 75 (nothing written), and a lock left by a killed process blocks nobody.
#![cfg(unix)]

mod common;

use common::{BIN, Data};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Run as a child of this test binary with `CALLBOOK_TEST_HOLD` set: takes that account's
/// lock in that data folder, says so on stdout and sleeps until killed. Otherwise a no-op.
#[test]
fn hold_lock_child() {
    let (Ok(root), Ok(id)) = (
        std::env::var("CALLBOOK_TEST_HOLD"),
        std::env::var("CALLBOOK_TEST_ID"),
    ) else {
        return;
    };
    let store = callbook::storage::Store::open(root).unwrap();
    let id = callbook::domain::AccountId::parse(&id).unwrap();
    let _held = store.lock(&id, "a test holding the lock").unwrap();
    println!("held");
    std::thread::sleep(Duration::from_secs(60));
}

/// A child process holding `id`'s lock in `data`, started and holding when this returns.
fn holder(data: &Data, id: &str) -> std::process::Child {
    use std::io::BufRead;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "hold_lock_child", "--nocapture", "--test-threads=1"])
        .env("CALLBOOK_TEST_HOLD", data.root())
        .env("CALLBOOK_TEST_ID", id)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|l| l.is_ok_and(|l| l.contains("held"))),
        "the holder never took the lock"
    );
    child
}

fn goals(data: &Data) -> usize {
    data.only_account()["world"]["goals"]
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn two_add_loops_at_once_lose_nothing() {
    let data = Data::new();
    let id = data.cli(&["new", "Race Test"]).trim().to_owned();
    let root = data.root();
    let looped = |tag: &'static str| {
        let (root, id) = (root.clone(), id.clone());
        std::thread::spawn(move || {
            for n in 0..200 {
                let out = Command::new(BIN)
                    .arg("--data-dir")
                    .arg(&root)
                    .args(["add", &id, "goals", &format!("{tag} goal {n}")])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            }
        })
    };
    let (a, b) = (looped("first"), looped("second"));
    a.join().unwrap();
    b.join().unwrap();
    assert_eq!(goals(&data), 400, "every add kept");
}

#[test]
fn a_held_lock_makes_a_writer_wait_then_fail_clearly_with_nothing_written() {
    let data = Data::new();
    let id = data.cli(&["new", "Held Test"]).trim().to_owned();
    let before = data.snapshot();
    let mut child = holder(&data, &id);
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(data.root())
        .args(["add", &id, "goals", "Blocked goal"])
        .env("CALLBOOK_LOCK_WAIT_MS", "300")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{err}");
    assert!(
        err.contains("being changed by a test holding the lock (process"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert!(out.stdout.is_empty());
    // Everything but the holder's own lock file is as it was.
    let mine = |p: &std::path::Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(".lock"))
    };
    let after = data.snapshot();
    let after: Vec<_> = after.iter().filter(|(p, _)| !mine(p)).collect();
    let before: Vec<_> = before.iter().collect();
    assert_eq!(before, after, "nothing written");

    // Killed, however rudely, the holder blocks nobody.
    child.kill().unwrap();
    child.wait().unwrap();
    data.cli(&["add", &id, "goals", "After the holder died"]);
    assert_eq!(goals(&data), 1);
    let left: Vec<_> = data.snapshot().into_keys().filter(|p| mine(p)).collect();
    assert!(
        left.is_empty(),
        "the dead holder's lock file is cleared: {left:?}"
    );
}

/// A second app on an account open for editing in a first one says who has it and opens
/// read-only; once the first is killed, the second takes over with `T` and can edit.
#[test]
fn a_second_app_opens_read_only_and_takes_over_when_the_first_is_gone() {
    let data = Data::new();
    data.cli(&["sample"]);
    let mut first = data.tui(&["open", "ashcombe"]);
    first.wait_for("Goals (6)");
    let second = data.tui(&["open", "ashcombe"]);
    second.wait_for("Read-only: open for editing in the app (process");
    assert!(second.screen().contains("read-only"), "{}", second.screen());
    // Nothing can change here meanwhile.
    second.send("a");
    second.wait_for("another callbook has this account open");
    // SAFETY: kill with a pid this test started.
    unsafe { libc::kill(first.pid() as i32, libc::SIGKILL) };
    first.wait_exit(common::TIMEOUT);
    second.send("T");
    second.wait_for("Taken over");
    second.send("aA goal added after taking over\x13");
    second.wait_for("Goals (7)");
    // The save runs in the background: the screen can show the goal before the file does.
    second.wait_until("the save to land", |s| !s.contains("saving…"));
    let goals = data.only_account()["world"]["goals"].as_array().unwrap().len();
    assert_eq!(goals, 7, "the edit reached the file");
}

/// A `callbook add` while the account is open in the app, with nothing unsaved there: the
/// app shows the new entry by itself, and its own next edit keeps both.
#[test]
fn an_add_from_the_cli_shows_up_in_the_open_app() {
    let data = Data::new();
    let id = data.cli(&["sample"]).trim().to_owned();
    let mut tui = data.tui(&["open", &id]);
    tui.wait_for("Goals (6)");
    data.cli(&["add", &id, "goals", "Added from a script"]);
    tui.wait_for("Goals (7)");
    tui.wait_for("Changed elsewhere");
    tui.send("aAdded in the app\x13");
    tui.wait_for("Goals (8)");
    tui.send("q");
    tui.expect_success();
    let goals: Vec<String> = data.only_account()["world"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["text"].as_str().unwrap().to_owned())
        .collect();
    assert!(goals.contains(&"Added from a script".to_owned()), "{goals:?}");
    assert!(goals.contains(&"Added in the app".to_owned()), "{goals:?}");
}
