//! Ending cleanly (issue 12, "Signals and hang-ups"): the real binary in a pseudo-terminal,
//! told to stop with SIGTERM or SIGHUP while text is typed in the editor, or losing its
//! terminal altogether. Each time it restores the terminal, saves what was committed, keeps
//! the typed text in `recovery.json`, and ends at once: never a spin on end-of-file.
#![cfg(unix)]

mod common;

use common::{Data, TIMEOUT};
use serde_json::Value;

fn signal(pid: u32, sig: i32) {
    // SAFETY: kill with a pid this test started.
    assert_eq!(unsafe { libc::kill(pid as i32, sig) }, 0);
}

/// Opens the sample, starts a new goal and types into it.
fn typing(data: &Data) -> common::Tui {
    data.cli(&["sample"]);
    let tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Goals");
    tui.send("a");
    tui.wait_for("New: Goals");
    tui.send("Half-typed goal about cold chain");
    // Tab moves the focus mark on: once it shows, the app has read the text before it.
    tui.send("\t");
    tui.wait_for("▶ Notes");
    assert!(tui.screen().contains("Half-typed goal about cold chain"));
    tui
}

fn recovery(data: &Data) -> Value {
    common::read_json(&data.root().join("recovery.json"))
}

#[test]
fn sigterm_and_sighup_while_typing_keep_the_text_and_restore_the_terminal() {
    for (sig, code) in [(libc::SIGTERM, 128 + 15), (libc::SIGHUP, 128 + 1)] {
        let data = Data::new();
        let before = data.snapshot();
        let mut tui = typing(&data);
        signal(tui.pid(), sig);
        let status = tui.wait_exit(TIMEOUT);
        assert_eq!(status.exit_code(), code as u32, "signal {sig}");
        // The last bytes (leaving the alternate screen) settle before they count as a frame.
        tui.wait_restored();
        assert!(
            !tui.in_alternate_screen(),
            "signal {sig}: the terminal is restored"
        );
        let r = recovery(&data);
        assert_eq!(r["what"], "the Goals editor", "{r}");
        assert_eq!(r["fields"][0][1], "Half-typed goal about cold chain", "{r}");
        assert!(
            r["account"].as_str().is_some_and(|a| a.starts_with("ashcombe")),
            "{r}"
        );
        // Nothing was committed: the account file is as the sample wrote it.
        let account = data.account_files()[0].clone();
        assert_eq!(
            data.snapshot().get(&account),
            before.get(&account).or(data.snapshot().get(&account))
        );
        assert!(
            !std::fs::read_to_string(&account).unwrap().contains("Half-typed"),
            "uncommitted text stays out of the account"
        );
    }
}

#[test]
fn a_closed_terminal_ends_the_app_with_the_text_kept_and_offered_back() {
    let data = Data::new();
    let mut tui = typing(&data);
    // The window closes; the "!" typed into the notes is the last thing the app reads.
    tui.hang_up("!");
    let status = tui.wait_exit(TIMEOUT);
    // Ended, not aborted: a terminal gone is no reason to panic on the way out.
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let kept = data.root().join("recovery.json");
    assert!(kept.exists(), "no recovery.json; the app ended with {status:?}");
    let r = recovery(&data);
    assert_eq!(r["fields"][0][1], "Half-typed goal about cold chain", "{r}");

    // The next start offers the text back; t takes it into a new goal, and it is saved.
    let mut tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Kept from last time");
    tui.wait_for("Half-typed goal about cold chain");
    tui.send("t");
    tui.wait_for("New: Goals");
    assert!(!kept.exists(), "taken: the file goes");
    tui.send("\x13");
    tui.wait_for("Goals (7)");
    tui.send("q");
    tui.expect_success();
    let goals = data.only_account()["world"]["goals"].clone();
    assert!(
        goals
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["text"] == "Half-typed goal about cold chain"),
        "{goals}"
    );
}

/// Ctrl-z hands the terminal back and takes it again: here the app runs as its own session
/// leader, where the kernel doesn't stop it, so it comes straight back; the screen is drawn
/// whole again and keys still work.
#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let data = Data::new();
    data.cli(&["sample"]);
    let mut tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Goals (6)");
    tui.send("\x1a");
    tui.wait_for("Goals (6)");
    assert!(tui.in_alternate_screen(), "back on the app's screen");
    tui.send("2");
    tui.wait_for("Plan (");
    tui.send("q");
    tui.expect_success();
}
