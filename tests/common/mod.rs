//! Shared helpers for tests that run the real `callbook` binary.
//!
//! [`Tui`] starts the binary in a pseudo-terminal (portable-pty) of a fixed size, feeds
//! everything it draws into a `vt100` parser on a reader thread, and lets a test type keys
//! and wait for text to appear on the parsed screen. Tests only ever see whole frames (see
//! `Term`), so an assertion never looks at a half-drawn screen. [`Data`] is a temporary data folder
//! with helpers to read the account files back.

#![allow(dead_code)] // Not every test binary uses every helper.

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use serde_json::Value;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// How long to wait for anything on screen or for the process to end. Generous, so a slow
/// CI machine still passes; a passing test never waits this long.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Crossterm's cursor-position query. callbook does not send it today (full-screen
/// viewport), but if it ever does the reader thread answers as a real terminal would,
/// rather than leave the app stalled waiting for a reply.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// The primary device attributes query (DA1), which every terminal answers: callbook's
/// `auto` theme sends it after asking for the background colour, to know at once when a
/// terminal can't say.
const DA1_QUERY: &[u8] = b"\x1b[c";

/// What a VT220-ish terminal answers to DA1.
const DA1_REPLY: &str = "\x1b[?62;22c";

/// The background colour query (OSC 11), answered only by a harness given a background.
const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?";

/// The foreground colour query (OSC 10), answered with the opposite of the background.
const FOREGROUND_QUERY: &[u8] = b"\x1b]10;?";

/// A white background, as xterm answers OSC 11.
pub const WHITE: &str = "rgb:ffff/ffff/ffff";

/// A temporary data folder, passed to callbook as `--data-dir`.
pub struct Data {
    tmp: TempDir,
}

impl Data {
    /// A fresh, empty temp dir; the data folder inside it is left for callbook to create.
    pub fn new() -> Self {
        Data {
            tmp: TempDir::new().expect("temp dir"),
        }
    }

    /// The data folder.
    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// The folder holding one JSON file per account.
    pub fn accounts(&self) -> PathBuf {
        self.root().join("accounts")
    }

    /// Every `accounts/*.json` file, sorted by name.
    pub fn account_files(&self) -> Vec<PathBuf> {
        let Ok(dir) = std::fs::read_dir(self.accounts()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = dir
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
    }

    /// The one account file, parsed; panics unless there is exactly one.
    pub fn only_account(&self) -> Value {
        let files = self.account_files();
        assert_eq!(
            files.len(),
            1,
            "expected exactly one account file, found {files:?}"
        );
        read_json(&files[0])
    }

    /// Runs a non-interactive command on this folder, whatever its outcome.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(BIN)
            .env_remove("CALLBOOK_DATA_DIR")
            // The user's own settings (a data folder, key remaps) never reach a test.
            .env("CALLBOOK_CONFIG_DIR", self.tmp.path().join("config"))
            .arg("--data-dir")
            .arg(self.root())
            .args(args)
            .output()
            .expect("run callbook")
    }

    /// Runs a non-interactive command (`new`, `sample`...) that must succeed; returns stdout.
    pub fn cli(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "callbook {args:?} failed: {err}");
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs a command that must fail with a message and print nothing on stdout; returns
    /// stderr.
    pub fn fail(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert!(err.starts_with("error: "), "{err}");
        err
    }

    /// Saves `account` through `import`, returning its id.
    pub fn import(&self, account: &callbook::domain::Account) -> String {
        let file = self.tmp.path().join("in.json");
        std::fs::write(&file, callbook::storage::to_json(account)).expect("write in.json");
        self.cli(&["import", file.to_str().expect("utf-8 path")])
            .trim()
            .to_owned()
    }

    /// `list --json`, parsed.
    pub fn list_json(&self) -> Vec<Value> {
        serde_json::from_str(&self.cli(&["list", "--json"])).expect("list --json is JSON")
    }

    /// Every file under the data folder with its bytes, to prove nothing was written; the
    /// caches in `.cache/` aside, copies that a command reading every account (`list`) brings
    /// up to date once it has succeeded (`tests/cli_cache.rs` holds them to that; use
    /// [`Data::snapshot_all`] to count them too).
    pub fn snapshot(&self) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        let mut files = self.snapshot_all();
        files.retain(|p, _| !p.components().any(|c| c.as_os_str() == ".cache"));
        files
    }

    /// Every file under the data folder with its bytes, caches included.
    pub fn snapshot_all(&self) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        fn walk(dir: &Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten() {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.insert(path.clone(), std::fs::read(&path).expect("read file"));
                }
            }
        }
        let mut files = std::collections::BTreeMap::new();
        walk(&self.root(), &mut files);
        files
    }

    /// Starts the terminal UI on this folder at 100x30 with `args` after `--data-dir`.
    pub fn tui(&self, args: &[&str]) -> Tui {
        self.tui_sized(100, 30, args)
    }

    /// Starts the terminal UI on this folder at `cols` x `rows`.
    pub fn tui_sized(&self, cols: u16, rows: u16, args: &[&str]) -> Tui {
        self.tui_env(cols, rows, args, &[])
    }

    /// Starts the terminal UI on this folder at `cols` x `rows` with `env` set for it.
    pub fn tui_env(&self, cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tui {
        let mut all = vec!["--data-dir".to_owned(), self.root().display().to_string()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        Tui::spawn_env(&all, (cols, rows), self.tmp.path(), env)
    }

    /// The temp folder holding the data folder, for a test's own files beside it.
    pub fn tmp_path(&self) -> &Path {
        self.tmp.path()
    }

    /// Starts the terminal UI on this folder in a terminal whose background is `background`
    /// (it answers OSC 11 with it), `COLORFGBG` unset.
    pub fn tui_on_background(&self, cols: u16, rows: u16, args: &[&str], background: &str) -> Tui {
        let mut all = vec!["--data-dir".to_owned(), self.root().display().to_string()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        Tui::spawn_on(&all, (cols, rows), self.tmp.path(), &[], Some(background))
    }

    /// The config folder the binary is given (empty until a test writes settings there).
    pub fn config(&self) -> PathBuf {
        self.tmp.path().join("config")
    }

    /// Writes `text` as the settings file the binary reads.
    pub fn write_settings(&self, text: &str) {
        std::fs::create_dir_all(self.config()).expect("config folder");
        std::fs::write(self.config().join("settings.toml"), text).expect("write settings");
    }
}

/// Runs `sh -c SCRIPT BIN ARGS...` in a 200x24 pseudo-terminal (so `$0` is the binary and
/// `$1`... the arguments); returns whether it succeeded and every byte it wrote there. For
/// a run whose stdin, stdout or stderr the script points elsewhere.
pub fn in_pty(script: &str, args: &[&str]) -> (bool, String) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script, BIN]);
    cmd.args(args);
    cmd.env_remove("CALLBOOK_DATA_DIR");
    // Never the real settings: a config folder nobody writes, so the defaults apply.
    cmd.env(
        "CALLBOOK_CONFIG_DIR",
        std::env::temp_dir().join("callbook-tests-no-config"),
    );
    let mut child = pair.slave.spawn_command(cmd).expect("spawn sh");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (send, got) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        // The pty reports an error rather than end of file once the child is gone.
        let _ = reader.read_to_end(&mut bytes);
        let _ = send.send(bytes);
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{script:?} still running after {TIMEOUT:?}");
        }
        thread::sleep(POLL);
    };
    drop(pair.master);
    let bytes = got.recv_timeout(TIMEOUT).expect("the pty's output");
    (status.success(), String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads and parses a JSON file.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}\n{text}", path.display()))
}

/// What the reader thread shares with the test: the terminal as parsed, and the screen as
/// of the last complete frame.
///
/// ratatui writes a frame in several chunks, so the live screen is often half drawn: new
/// text in some cells, the old frame in the rest. Tests look at whole frames only. A frame
/// ends where ratatui hides the cursor after drawing ([`FRAME_END`]); output that ends
/// otherwise (callbook never does this today) is taken as whole once it has been quiet for
/// [`SETTLE`].
struct Term {
    /// Every byte so far, parsed.
    live: vt100::Parser,
    /// The screen when the last frame was complete.
    frame: vt100::Screen,
    /// Bytes arrived after the last complete frame.
    pending: bool,
    /// When the last bytes arrived.
    last_output: Instant,
    /// The background colour the terminal says it has when asked (OSC 11); `None`: it
    /// doesn't answer that question, as many terminals don't.
    background: Option<String>,
}

/// What ratatui writes at the end of every frame that leaves the cursor hidden.
const FRAME_END: &[u8] = b"\x1b[?25l";

/// How long output must be quiet before a frame without [`FRAME_END`] counts as whole.
const SETTLE: Duration = Duration::from_millis(300);

impl Term {
    fn new(rows: u16, cols: u16) -> Self {
        let size = |n: u16| NonZeroU16::new(n).expect("a non-zero terminal size");
        let live = vt100::Parser::new(size(rows), size(cols), 0);
        let frame = live.screen().clone();
        Term {
            live,
            frame,
            pending: false,
            last_output: Instant::now(),
            background: None,
        }
    }

    /// The last complete frame.
    fn screen(&mut self) -> &vt100::Screen {
        if self.pending && self.last_output.elapsed() >= SETTLE {
            self.frame = self.live.screen().clone();
            self.pending = false;
        }
        &self.frame
    }

    /// Parses `bytes`, keeping a copy of the screen at each frame end. `matched` carries a
    /// frame end split across reads: how much of [`FRAME_END`] the last bytes matched.
    fn process(&mut self, bytes: &[u8], matched: &mut usize) {
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            *matched = if b == FRAME_END[*matched] {
                *matched + 1
            } else {
                usize::from(b == FRAME_END[0])
            };
            if *matched == FRAME_END.len() {
                self.live.process(&bytes[start..=i]);
                self.frame = self.live.screen().clone();
                (start, *matched, self.pending) = (i + 1, 0, false);
            }
        }
        if start < bytes.len() {
            self.live.process(&bytes[start..]);
            self.pending = true;
        }
        self.last_output = Instant::now();
    }
}

/// The real binary running in a pseudo-terminal, with its screen parsed by `vt100`.
pub struct Tui {
    term: Arc<Mutex<Term>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    // Kept open for the child's lifetime: dropping the master hangs up the terminal.
    master: Option<Box<dyn MasterPty + Send>>,
    // Set by `hang_up`: the reader stops at its next read, letting go of its end.
    hung: Arc<AtomicBool>,
}

impl Tui {
    /// Starts `callbook ARGS` in a `cols` x `rows` pty with TERM=xterm-256color.
    pub fn spawn(args: &[String], cols: u16, rows: u16, cwd: &Path) -> Tui {
        Tui::spawn_env(args, (cols, rows), cwd, &[])
    }

    /// [`Tui::spawn`] with `env` set for the binary, after the harness's own settings.
    pub fn spawn_env(args: &[String], size: (u16, u16), cwd: &Path, env: &[(&str, &str)]) -> Tui {
        Tui::spawn_on(args, size, cwd, env, None)
    }

    /// [`Tui::spawn_env`] in a terminal that answers "what is your background?" (OSC 11)
    /// with `background` (an xterm colour spec such as [`WHITE`]) when given one.
    pub fn spawn_on(
        args: &[String],
        (cols, rows): (u16, u16),
        cwd: &Path,
        env: &[(&str, &str)],
        background: Option<&str>,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("CALLBOOK_DATA_DIR");
        // Colours as the tests expect them, whatever the machine's terminal says (crossterm
        // itself leaves colours out under NO_COLOR; tests read colours, and pictures show them).
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORFGBG");
        // Never the real settings: a folder of the test's own, empty unless a test writes it.
        cmd.env("CALLBOOK_CONFIG_DIR", cwd.join("config"));
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn callbook");
        // Only the child holds the terminal's slave side now, so reads end when it exits.
        drop(pair.slave);
        let mut parsed = Term::new(rows, cols);
        parsed.background = background.map(str::to_owned);
        let term = Arc::new(Mutex::new(parsed));
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let source = pair.master.try_clone_reader().expect("pty reader");
        let hung = Arc::new(AtomicBool::new(false));
        let reader = thread::spawn({
            let (term, writer, hung) = (Arc::clone(&term), Arc::clone(&writer), Arc::clone(&hung));
            move || pump(source, &term, &writer, &hung)
        });
        Tui {
            term,
            writer,
            child,
            reader: Some(reader),
            master: Some(pair.master),
            hung,
        }
    }

    /// Closes the terminal as a closed window does: every handle on its other side goes.
    /// The reader lets go of its own after the output `nudge` (keys the app answers by
    /// drawing) brings.
    pub fn hang_up(&mut self, nudge: &str) {
        self.hung.store(true, Ordering::SeqCst);
        self.send(nudge);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        *self.writer.lock().expect("writer lock") = Box::new(std::io::sink());
        self.master = None;
    }

    /// The child's process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    /// True while the app shows the alternate screen (false once it has restored the
    /// terminal).
    pub fn in_alternate_screen(&self) -> bool {
        self.with_screen(vt100::Screen::alternate_screen)
    }

    /// Types `keys` as a terminal would send them: "\r" Enter, "\x1b" Esc, "\x13" Ctrl-s,
    /// "\t" Tab. Send Esc on its own: followed by more bytes it reads as Alt+key.
    pub fn send(&self, keys: &str) {
        let mut w = self.writer.lock().expect("writer lock");
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// Runs `f` on the last complete frame.
    fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.term.lock().expect("terminal lock").screen())
    }

    /// A copy of the last complete frame, cells, colours and attributes included.
    pub fn frame(&self) -> vt100::Screen {
        self.with_screen(Clone::clone)
    }

    /// The text of the last complete frame, one line per row.
    pub fn screen(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Where `text` starts on screen, as (row, column), matching cell by cell.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let want: Vec<char> = text.chars().collect();
        self.with_screen(|screen| {
            let (rows, cols) = screen.size();
            (0..rows.get()).find_map(|row| {
                // One (column, character) per cell, skipping the second half of wide ones.
                let cells: Vec<(u16, char)> = (0..cols.get())
                    .filter_map(|col| screen.cell(row, col).map(|cell| (col, cell)))
                    .filter(|(_, cell)| !cell.is_wide_continuation())
                    .flat_map(|(col, cell)| {
                        let text = match cell.contents() {
                            "" => " ",
                            t => t,
                        };
                        text.chars().map(move |c| (col, c)).collect::<Vec<_>>()
                    })
                    .collect();
                cells
                    .windows(want.len())
                    .find(|w| w.iter().map(|(_, c)| *c).eq(want.iter().copied()))
                    .map(|w| (row, w[0].0))
            })
        })
    }

    /// True when `text` is on screen drawn in the accent colour (cyan): how callbook marks
    /// the focused pane's title.
    pub fn is_accented(&self, text: &str) -> bool {
        let Some((row, col)) = self.find(text) else {
            panic!("{text:?} not on screen:\n{}", framed(&self.screen()))
        };
        self.with_screen(|screen| {
            screen
                .cell(row, col)
                .is_some_and(|c| c.fgcolor() == vt100::Color::Idx(6))
        })
    }

    /// True while the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits until `text` is on screen; panics with the screen after [`TIMEOUT`].
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?} to appear"), |s| s.contains(text));
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str) {
        self.wait_until(&format!("{text:?} to go away"), |s| !s.contains(text));
    }

    /// Waits until `ok` holds for the screen's text; panics naming `what` after [`TIMEOUT`].
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.wait_on(what, |screen| ok(&screen.contents()));
    }

    /// Waits until the app has left the alternate screen: the terminal is restored.
    pub fn wait_restored(&self) {
        self.wait_on("the terminal restored", |screen| !screen.alternate_screen());
    }

    /// Waits until `ok` holds for the last complete frame; panics after [`TIMEOUT`].
    fn wait_on(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&ok) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}",
                    framed(&self.screen())
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the process to end and returns its status; panics after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if start.elapsed() > timeout {
                panic!(
                    "callbook still running after {timeout:?}; the screen:\n{}",
                    framed(&self.screen())
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the process to end and asserts it exited with status 0.
    pub fn expect_success(&mut self) {
        let status = self.wait_exit(TIMEOUT);
        assert!(
            status.success(),
            "callbook exited with {status:?}; the screen:\n{}",
            framed(&self.screen())
        );
    }
}

impl Drop for Tui {
    /// A test that failed midway must not leave callbook running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The reader thread: everything the app writes goes into the terminal; a cursor-position
/// query is answered from the parsed cursor, as a real terminal would.
fn pump(
    mut source: Box<dyn Read + Send>,
    term: &Mutex<Term>,
    writer: &Mutex<Box<dyn Write + Send>>,
    hung: &AtomicBool,
) {
    let mut buf = [0u8; 8192];
    let mut matched = 0;
    // The last few bytes of the previous read, so a query split across reads is seen.
    let mut tail: Vec<u8> = Vec::new();
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(_) if hung.load(Ordering::SeqCst) => return,
            Ok(n) => n,
        };
        let mut term = term.lock().expect("terminal lock");
        term.process(&buf[..n], &mut matched);
        tail.extend_from_slice(&buf[..n]);
        let reply = replies(&tail, &term);
        if !reply.is_empty() {
            let mut w = writer.lock().expect("writer lock");
            let _ = w.write_all(reply.as_bytes()).and_then(|()| w.flush());
            tail.clear();
        }
        let longest = [CURSOR_QUERY, DA1_QUERY, BACKGROUND_QUERY, FOREGROUND_QUERY]
            .map(<[u8]>::len)
            .into_iter()
            .max()
            .unwrap_or(1);
        let keep = tail.len().saturating_sub(longest - 1);
        tail.drain(..keep);
    }
}

/// What a real terminal would answer to the queries in `bytes`, in the order they came:
/// the cursor's position, the foreground and background colours (when the terminal has a
/// background to say), the device attributes.
fn replies(bytes: &[u8], term: &Term) -> String {
    let mut found: Vec<(usize, String)> = Vec::new();
    let at = |query: &[u8]| -> Vec<usize> {
        bytes
            .windows(query.len())
            .enumerate()
            .filter(|(_, w)| *w == query)
            .map(|(i, _)| i)
            .collect()
    };
    let (row, col) = term.live.screen().cursor_position();
    found.extend(
        at(CURSOR_QUERY)
            .into_iter()
            .map(|i| (i, format!("\x1b[{};{}R", row + 1, col + 1))),
    );
    if let Some(background) = &term.background {
        let foreground = if background == WHITE {
            "rgb:0000/0000/0000"
        } else {
            WHITE
        };
        found.extend(
            at(FOREGROUND_QUERY)
                .into_iter()
                .map(|i| (i, format!("\x1b]10;{foreground}\x1b\\"))),
        );
        found.extend(
            at(BACKGROUND_QUERY)
                .into_iter()
                .map(|i| (i, format!("\x1b]11;{background}\x1b\\"))),
        );
    }
    found.extend(at(DA1_QUERY).into_iter().map(|i| (i, DA1_REPLY.to_owned())));
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, reply)| reply).collect()
}

/// The screen inside a frame, so trailing spaces and empty rows are visible in a panic.
fn framed(screen: &str) -> String {
    let body: Vec<String> = screen.lines().map(|l| format!("|{l}")).collect();
    format!("+----\n{}\n+----", body.join("\n"))
}
