//! Odd things in the data folder, through the real binary: a device, a FIFO, a directory
//! named `*.json`, symlinks out of and inside the folder, a byte order mark, an empty file,
//! bad UTF-8 and a file over the size limit. Each is listed with a plain reason (or read,
//! where it is fine), never hangs a command, and is left exactly as it was unless a save
//! was meant to go through it.

#![cfg(unix)]

mod common;

use common::{BIN, Data, TIMEOUT};
use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs callbook on `data` like `Data::run`, but kills it and fails the test if it has not
/// finished within [`TIMEOUT`] (a FIFO opened for reading would wait for ever).
fn run_timed(data: &Data, args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .env_remove("CALLBOOK_DATA_DIR")
        .arg("--data-dir")
        .arg(data.root())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start callbook");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for callbook") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("callbook {args:?} did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut stdout)
        .expect("read stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_end(&mut stderr)
        .expect("read stderr");
    Output {
        status,
        stdout,
        stderr,
    }
}

/// `list`, which must succeed in time; its stdout.
fn list(data: &Data) -> String {
    let out = run_timed(data, &["list"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// `list --json`'s entry for `file` (a file name under accounts/).
fn json_entry(data: &Data, file: &str) -> serde_json::Value {
    let out = run_timed(data, &["list", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let wanted = data.accounts().join(file).display().to_string();
    all.into_iter()
        .find(|e| e["file"] == wanted.as_str())
        .unwrap_or_else(|| panic!("{file} not in list --json"))
}

/// The line of `list` about stem `stem`.
fn line_of(listing: &str, stem: &str) -> String {
    listing
        .lines()
        .find(|l| l.starts_with(&format!("DAMAGED  {stem}  ")))
        .unwrap_or_else(|| panic!("no DAMAGED line for {stem} in\n{listing}"))
        .to_owned()
}

/// What can be seen of a path without opening it: type, size, time, inode, and where a
/// link points.
fn looks(path: &Path) -> (u32, u64, i64, i64, u64, Option<PathBuf>) {
    let m = fs::symlink_metadata(path).expect("metadata");
    (
        m.mode(),
        m.len(),
        m.mtime(),
        m.mtime_nsec(),
        m.ino(),
        fs::read_link(path).ok(),
    )
}

/// A data folder made by callbook, so `accounts/` exists.
fn folder() -> Data {
    let data = Data::new();
    data.cli(&["list"]);
    data
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(ok.success(), "mkfifo failed");
}

#[test]
fn a_symlink_to_dev_zero_is_a_device_not_read() {
    let data = folder();
    let z = data.accounts().join("z.json");
    symlink("/dev/zero", &z).unwrap();
    let before = looks(&z);
    let line = line_of(&list(&data), "z");
    assert!(
        line.ends_with("z.json: not a regular file (a device); left alone"),
        "{line}"
    );
    let entry = json_entry(&data, "z.json");
    assert_eq!(entry["damaged"], true);
    assert!(
        entry["error"].as_str().unwrap().contains("not a regular file"),
        "{entry}"
    );
    let err = data.fail(&["export", "z"]);
    assert!(err.contains("not a regular file (a device)"), "{err}");
    assert_eq!(looks(&z), before);
}

#[test]
fn a_fifo_is_listed_never_opened() {
    let data = folder();
    let x = data.accounts().join("x.json");
    mkfifo(&x);
    let before = looks(&x);
    let line = line_of(&list(&data), "x");
    assert!(
        line.ends_with("x.json: not a regular file (a FIFO); left alone"),
        "{line}"
    );
    let entry = json_entry(&data, "x.json");
    assert!(entry["error"].as_str().unwrap().contains("(a FIFO)"), "{entry}");
    // Commands that read the file itself, or every file, finish too.
    let out = run_timed(&data, &["export", "x"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    run_timed(&data, &["report"]);
    run_timed(&data, &["rehearse"]);
    run_timed(&data, &["add", "x", "goals", "Grow"]);
    assert!(fs::symlink_metadata(&x).unwrap().file_type().is_fifo());
    assert_eq!(looks(&x), before);
}

#[test]
fn the_picker_lists_a_fifo_and_a_directory_without_hanging() {
    let data = folder();
    mkfifo(&data.accounts().join("x.json"));
    fs::create_dir(data.accounts().join("d.json")).unwrap();
    let mut tui = data.tui(&[]);
    tui.wait_for("d.json");
    tui.wait_for("x.json");
    // The sample's offer comes first; the next row is d.json, and below the list its reason.
    tui.send("j");
    tui.wait_for("not a regular file (a directory)");
    tui.send("q");
    tui.expect_success();
    assert!(
        fs::symlink_metadata(data.accounts().join("x.json"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_directory_named_json_is_listed_and_said_once() {
    let data = folder();
    let d = data.accounts().join("d.json");
    fs::create_dir(&d).unwrap();
    let before = looks(&d);
    let line = line_of(&list(&data), "d");
    assert!(
        line.ends_with("d.json: not a regular file (a directory); left alone"),
        "{line}"
    );
    let err = data.fail(&["export", "d"]);
    assert_eq!(err.matches("directory").count(), 1, "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(looks(&d), before);
    assert_eq!(fs::read_dir(&d).unwrap().count(), 0);
}

#[test]
fn a_symlink_out_of_the_folder_is_refused_and_its_target_untouched() {
    let data = folder();
    let id = data.cli(&["new", "Outside"]).trim().to_owned();
    let inside = data.accounts().join(format!("{id}.json"));
    let outside = data.root().parent().unwrap().join("outside.json");
    fs::rename(&inside, &outside).unwrap();
    symlink(&outside, &inside).unwrap();
    let (before, bytes) = (looks(&inside), fs::read(&outside).unwrap());
    let line = line_of(&list(&data), &id);
    assert!(line.contains("points outside the data folder"), "{line}");
    for args in [vec!["export", &id], vec!["add", &id, "goals", "Grow"]] {
        let err = data.fail(&args);
        assert!(err.contains("points outside the data folder"), "{err}");
    }
    assert_eq!(looks(&inside), before);
    assert_eq!(fs::read(&outside).unwrap(), bytes);
}

#[test]
fn a_symlink_inside_the_folder_is_read_and_saved_through() {
    let data = folder();
    let id = data.cli(&["new", "Linked"]).trim().to_owned();
    let link = data.accounts().join(format!("{id}.json"));
    let team = data.root().join("team");
    fs::create_dir(&team).unwrap();
    let target = team.join("linked.json");
    fs::rename(&link, &target).unwrap();
    symlink("../team/linked.json", &link).unwrap();
    assert!(list(&data).starts_with("Linked  "), "listed as an account");
    data.cli(&["add", "Linked", "goals", "Grow in Spain"]);
    let meta = fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("../team/linked.json"));
    let saved = fs::read_to_string(&target).unwrap();
    assert!(saved.contains("Grow in Spain"), "{saved}");
    let leftovers: Vec<_> = fs::read_dir(&team)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["linked.json"], "no temp file left beside the target");
}

#[test]
fn a_byte_order_mark_is_read_and_dropped_on_save() {
    let data = folder();
    let id = data.cli(&["new", "Bom"]).trim().to_owned();
    let path = data.accounts().join(format!("{id}.json"));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, &bytes).unwrap();
    let listing = list(&data);
    assert!(listing.starts_with("Bom  "), "{listing}");
    assert!(!listing.contains("DAMAGED"), "{listing}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "listing writes nothing");
    data.cli(&["add", "Bom", "goals", "Grow"]);
    let saved = fs::read(&path).unwrap();
    assert!(!saved.starts_with(b"\xEF\xBB\xBF"), "no BOM after a save");
    assert!(String::from_utf8(saved).unwrap().contains("Grow"));
}

#[test]
fn an_empty_file_says_so_and_stays_empty() {
    let data = folder();
    let e = data.accounts().join("e.json");
    fs::write(&e, "").unwrap();
    let before = looks(&e);
    let line = line_of(&list(&data), "e");
    assert!(line.ends_with("e.json: empty file"), "{line}");
    let err = data.fail(&["add", "e", "goals", "Grow"]);
    assert!(err.contains("e.json: empty file"), "{err}");
    assert_eq!(looks(&e), before);
    assert_eq!(fs::read(&e).unwrap(), b"");
}

#[test]
fn bad_utf8_gives_the_byte_offset_and_is_left_alone() {
    let data = folder();
    let u = data.accounts().join("u.json");
    let bytes = b"{\"schema\": 1, \"name\": \"Caf\xE9\"}\n".to_vec();
    fs::write(&u, &bytes).unwrap();
    let line = line_of(&list(&data), "u");
    assert!(line.contains("invalid byte at offset 26"), "{line}");
    let entry = json_entry(&data, "u.json");
    assert_eq!(
        (entry["line"].clone(), entry["column"].clone()),
        (1.into(), 27.into())
    );
    let err = data.fail(&["add", "u", "goals", "Grow"]);
    assert!(err.contains("offset 26"), "{err}");
    assert_eq!(fs::read(&u).unwrap(), bytes);
}

#[test]
fn a_file_over_the_limit_is_refused_without_being_read() {
    let data = folder();
    let big = data.accounts().join("big.json");
    let size = callbook::storage::MAX_FILE + 1;
    fs::File::create(&big).unwrap().set_len(size).unwrap();
    let before = looks(&big);
    let line = line_of(&list(&data), "big");
    assert!(line.contains("too large"), "{line}");
    assert!(line.contains("the limit is 64 MB"), "{line}");
    let err = data.fail(&["add", "big", "goals", "Grow"]);
    assert!(err.contains("too large"), "{err}");
    assert_eq!(looks(&big), before);
    assert_eq!(
        fs::metadata(&big).unwrap().blocks(),
        0,
        "still sparse: nothing was written"
    );
}

#[test]
fn the_cache_folder_is_private() {
    cache_is_private(false);
}

#[test]
fn a_cache_folder_left_open_by_an_older_callbook_is_made_private() {
    cache_is_private(true);
}

/// Lists through the picker (the command line never writes caches) and checks `.cache/`
/// is 0700 and its files 0600; with `open_before`, `.cache/` exists already as 0755.
fn cache_is_private(open_before: bool) {
    use std::os::unix::fs::PermissionsExt;
    let data = folder();
    data.cli(&["new", "Acme"]);
    if open_before {
        let cache = data.root().join(".cache");
        fs::create_dir(&cache).unwrap();
        fs::set_permissions(&cache, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut tui = data.tui(&[]);
    tui.wait_for("Acme");
    tui.send("q");
    tui.expect_success();
    let cache = data.root().join(".cache");
    assert_eq!(fs::metadata(&cache).unwrap().mode() & 0o777, 0o700);
    for entry in fs::read_dir(&cache).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(
            fs::metadata(&path).unwrap().mode() & 0o777,
            0o600,
            "{}",
            path.display()
        );
    }
}

/// A FIFO named on the command line (`import FILE`, `bank --import FILE`) is refused at once
/// as not a regular file, rather than hanging the command.
#[test]
fn a_fifo_given_to_import_is_refused_not_waited_on() {
    let data = folder();
    let fifo = data.root().parent().unwrap().join("in.json");
    mkfifo(&fifo);
    for args in [
        vec!["import", fifo.to_str().unwrap()],
        vec!["bank", "--import", fifo.to_str().unwrap()],
    ] {
        let out = run_timed(&data, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}
