//! The commands that run the terminal UI (none, `open`, `rehearse`) keep their word without
//! a terminal: run from a pipe, cron or CI they say so in one line on stderr and exit
//! non-zero, with no panic, no backtrace and nothing drawn. `rehearse` with nothing due has
//! nothing to draw, so it still answers and exits 0.

mod common;

use common::in_pty;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// A temp data folder.
struct Data {
    tmp: TempDir,
}

impl Data {
    fn new() -> Self {
        Data {
            tmp: TempDir::new().unwrap(),
        }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_remove("CALLBOOK_DATA_DIR")
            // A backtrace, were there a panic, must not be what the user reads.
            .env("RUST_BACKTRACE", "1")
            .arg("--data-dir")
            .arg(self.root())
            .args(args);
        cmd
    }

    /// Runs with stdin closed and stdout and stderr piped.
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).stdin(Stdio::null()).output().unwrap()
    }

    /// Runs a command that must succeed; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// Asserts that `out` is the one-line refusal for `what`, and returns that line.
fn refused(out: &Output, what: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{what}: exited 0, stderr {err:?}");
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert!(
        out.stdout.is_empty(),
        "{what}: drew {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "{what}: not one line: {err}");
    assert!(
        err.starts_with("error: ") && err.contains(what) && err.contains("needs a terminal"),
        "{what}: {err}"
    );
    assert!(err.contains("callbook list") && err.contains("export"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
    err
}

#[test]
fn the_picker_open_and_rehearse_refuse_a_pipe_in_one_line() {
    let data = Data::new();
    let id = data.ok(&["sample"]).trim().to_owned();
    let err = refused(&data.run(&[]), "the account picker");
    assert!(err.contains("neither stdin nor stdout is one"), "{err}");
    refused(&data.run(&["open", &id]), "`open`");
    refused(&data.run(&["open", "ashcombe"]), "`open`");
    refused(&data.run(&["rehearse", "ashcombe"]), "`rehearse`");
    // The sample's turns are new, so due: the queue across accounts needs the UI too.
    refused(&data.run(&["rehearse"]), "`rehearse`");
}

#[test]
fn a_piped_stdout_is_refused_whatever_stdin_is() {
    let data = Data::new();
    data.ok(&["new", "Kestrel Foods"]);
    // `Command::output` pipes stdout; stdin is inherited here, which under `cargo test`
    // may or may not be a terminal: either way stdout is not one, and the line says so.
    let out = data.command(&["open", "kestrel"]).output().unwrap();
    let err = refused(&out, "`open`");
    assert!(
        err.contains("stdout is not one") || err.contains("neither"),
        "{err}"
    );
}

#[test]
fn a_terminal_stdout_with_stdin_from_a_file_is_refused() {
    let data = Data::new();
    data.ok(&["new", "Kestrel Foods"]);
    let dir = data.root().display().to_string();
    let script = "exec \"$0\" --data-dir \"$1\" open kestrel < /dev/null";
    let (status, screen) = in_pty(script, &[&dir]);
    assert!(!status, "exited 0: {screen:?}");
    assert!(
        screen.contains("`open` needs a terminal, and stdin is not one"),
        "{screen:?}"
    );
    assert!(
        !screen.contains("panicked") && !screen.contains('\u{1b}'),
        "{screen:?}"
    );
}

#[test]
fn bad_names_and_empty_queues_still_answer_first() {
    let data = Data::new();
    data.ok(&["new", "Kestrel Foods"]);
    let out = data.run(&["open", "zenith"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("no account matches \"zenith\""),
        "{err}"
    );
    let said = data.ok(&["rehearse"]);
    assert!(said.starts_with("Nothing is due"), "{said}");
}
