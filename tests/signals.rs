//! Ending cleanly (issue 12, "Signals and hang-ups"): the real binary in a pseudo-terminal,
//! told to stop with SIGTERM or SIGHUP while text is typed in the editor, or losing its
//! terminal altogether. Each time it restores the terminal, saves what was committed, keeps
//! the typed text in `recovery.json`, and ends at once: never a spin on end-of-file.
#![cfg(unix)]

mod common;

use common::{BIN, Data, TIMEOUT};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use serde_json::Value;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

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
        std::thread::sleep(Duration::from_millis(400));
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
fn a_closed_terminal_ends_the_app_within_a_second_with_the_text_kept() {
    let data = Data::new();
    data.cli(&["sample"]);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(["--data-dir", data.root().to_str().unwrap(), "open", "ashcombe"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("CALLBOOK_CONFIG_DIR", data.root().join("config"));
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Drain the screen until told to stop; the next output after that ends the thread, so
    // it lets go of its end of the terminal.
    let stop = Arc::new(AtomicBool::new(false));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let seen = Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let pump = std::thread::spawn({
        let (stop, seen) = (Arc::clone(&stop), Arc::clone(&seen));
        move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop.load(Ordering::SeqCst) {
                    break;
                }
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let shows = |text: &str| {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut screen = vt100::Parser::new(size(30), size(100), 0);
        screen.process(&seen.lock().unwrap());
        screen.screen().contents().contains(text)
    };
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !shows(text) {
            assert!(start.elapsed() < TIMEOUT, "never saw {text:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("Goals");
    use std::io::Write;
    writer.write_all(b"a").unwrap();
    wait_for("New: Goals");
    writer.write_all(b"Typed as the window closed").unwrap();
    // Tab moves the editor's focus mark to the next field: once it shows, the app has
    // read everything typed before it.
    writer.write_all(b"\t").unwrap();
    wait_for("▶ Notes");
    assert!(shows("Typed as the window closed"));
    stop.store(true, Ordering::SeqCst);
    writer.write_all(b"!").unwrap();
    pump.join().unwrap();
    // The window closes: every handle on the terminal's other side goes.
    drop(writer);
    drop(pair.master);
    let closed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            closed.elapsed() < Duration::from_secs(2),
            "still running {:?} after the terminal closed",
            closed.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    // Ended, not aborted: a terminal gone is no reason to panic on the way out.
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let kept = data.root().join("recovery.json");
    assert!(kept.exists(), "no recovery.json; the app ended with {status:?}");
    let r = recovery(&data);
    assert_eq!(r["fields"][0][1], "Typed as the window closed", "{r}");

    // The next start offers the text back; t takes it into a new goal, and it is saved.
    let mut tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Kept from last time");
    tui.wait_for("Typed as the window closed");
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
            .any(|g| g["text"] == "Typed as the window closed"),
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
