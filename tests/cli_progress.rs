//! Long commands show progress on stderr only when it is a terminal (`cli::progress`).
//! Piped, as scripts run them, `list`, `report` and `doctor` on a folder of 300 accounts
//! print nothing on stderr, and the same stdout cold (the cache gone) as warm. With stderr
//! on a terminal, a cold `list` draws its bar there and clears it, and stdout is byte for
//! byte what the piped run prints.

mod common;

use callbook::domain::Account;
use callbook::domain::fields::ItemForm;
use callbook::domain::{AccountId, Pane};
use common::{Data, in_pty};
use std::process::Output;

/// Enough accounts for a bar (`cli::progress::SHOWN_FROM` is 200).
const ACCOUNTS: usize = 300;

/// A folder of [`ACCOUNTS`] small accounts, written straight as files (mode 0600, as
/// callbook writes them, so `doctor` has nothing to say about modes).
fn folder() -> Data {
    let data = Data::new();
    let store = callbook::storage::Store::open(data.root()).expect("open the folder");
    let when = "2026-03-02T09:30:00Z".parse().expect("a time");
    for i in 0..ACCOUNTS {
        let mut account = Account::new(&format!("Account {i:03}"), when);
        let goal = ItemForm {
            text: format!("Cut empty miles on lane {i} to 12% by Q4"),
            ..ItemForm::default()
        };
        goal.apply(&mut account, Pane::Goals, None, when).expect("a goal");
        let id = AccountId::parse(&format!("account-{i:03}")).expect("an id");
        let path = store.path_of(&id);
        std::fs::write(&path, callbook::storage::to_json(&account)).expect("write an account");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o600);
            std::fs::set_permissions(&path, private).expect("chmod");
        }
    }
    data
}

/// Forgets what the caches know, so the next command reads every file.
fn cold(data: &Data) {
    let _ = std::fs::remove_dir_all(data.root().join(".cache"));
}

/// Asserts that a piped run said nothing on stderr, and returns its stdout.
fn quiet(args: &[&str], out: Output) -> Vec<u8> {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.stderr.is_empty(), "{args:?} wrote on a piped stderr: {err:?}");
    assert!(out.status.success(), "{args:?} failed");
    out.stdout
}

#[test]
fn piped_long_commands_say_nothing_on_stderr_and_print_the_same_cold_or_warm() {
    let data = folder();
    let runs: [&[&str]; 5] = [
        &["list"],
        &["list", "--json"],
        &["report"],
        &["report", "--json"],
        &["doctor"],
    ];
    for args in runs {
        cold(&data);
        let first = quiet(args, data.run(args));
        let again = quiet(args, data.run(args));
        assert!(first == again, "{args:?}: cold and warm runs differ");
    }
    cold(&data);
    let list = String::from_utf8(quiet(&["list"], data.run(&["list"]))).expect("utf-8");
    assert_eq!(list.lines().count(), ACCOUNTS, "{list}");
    assert!(list.starts_with("Account 000  account-000  "), "{list}");
}

#[test]
fn a_cold_list_draws_its_bar_on_a_terminal_stderr_and_clears_it() {
    let data = folder();
    let root = data.root().display().to_string();
    let piped = data.root().with_file_name("piped.txt");
    let tty = data.root().with_file_name("tty.txt");
    cold(&data);
    // indicatif draws nothing on a terminal that can't move its cursor (TERM unset or
    // dumb, as under CI): this one can.
    let script = "TERM=xterm-256color exec \"$0\" --data-dir \"$1\" list > \"$2\"";
    let (ok, drawn) = in_pty(script, &[&root, &tty.display().to_string()]);
    assert!(ok, "list on a terminal failed: {drawn:?}");
    // The bar is drawn at its start, so it is there however fast the listing was...
    assert!(drawn.contains("listing accounts"), "{drawn:?}");
    assert!(drawn.contains(&format!("/{ACCOUNTS}")), "{drawn:?}");
    // ...and gone when the command ends: the terminal shows nothing of it.
    let size = |n| std::num::NonZeroU16::new(n).expect("a size");
    let mut screen = vt100::Parser::new(size(24), size(200), 0);
    screen.process(drawn.as_bytes());
    assert_eq!(screen.screen().contents().trim(), "", "{drawn:?}");
    cold(&data);
    let out = data.run(&["list"]);
    std::fs::write(&piped, quiet(&["list"], out)).expect("write piped.txt");
    let (tty, piped) = (
        std::fs::read(tty).expect("tty.txt"),
        std::fs::read(piped).expect("piped.txt"),
    );
    assert!(tty == piped, "stdout differs with stderr on a terminal");
    // A warm cache reads nothing, so there is nothing to show.
    let (ok, drawn) = in_pty(script, &[&root, "/dev/null"]);
    assert!(ok && !drawn.contains("listing accounts"), "{drawn:?}");
}
