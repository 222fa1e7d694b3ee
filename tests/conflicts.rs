//! Files left in conflict, through the real binary: an account file with git conflict
//! markers (a pull without callbook's merge driver) and the conflicted copies sync clients
//! write beside it. Each is listed as what it is with its remedy, never as damage or as an
//! account of its own, named when asked for by its account's name, and resolved by
//! `doctor --fix` with every record of both sides kept and the old text in the backup.

mod common;

use common::{Data, read_json};
use std::fs;
use std::path::{Path, PathBuf};

/// Three versions of one account made through the binary: the common base (one goal), ours
/// (a second goal) and theirs (another second goal). The file on disk ends as ours.
struct Versions {
    id: String,
    path: PathBuf,
    ours: String,
    theirs: String,
}

fn versions(data: &Data) -> Versions {
    let id = data.cli(&["new", "Git Co"]).trim().to_owned();
    data.cli(&["add", &id, "goals", "Open a depot in Leeds"]);
    let path = data.accounts().join(format!("{id}.json"));
    let base = fs::read_to_string(&path).unwrap();
    data.cli(&["add", &id, "goals", "Cut spoilage claims by half"]);
    let theirs = fs::read_to_string(&path).unwrap();
    fs::write(&path, &base).unwrap();
    data.cli(&["add", &id, "goals", "Win the Tesco contract"]);
    let ours = fs::read_to_string(&path).unwrap();
    Versions {
        id,
        path,
        ours,
        theirs,
    }
}

/// The two texts as git writes them when a merge can't take both: the common lines at the
/// start and end shared, the lines between in one block.
fn with_markers(ours: &str, theirs: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = String::new();
    let mut push = |lines: &[&str]| lines.iter().for_each(|l| out.push_str(&format!("{l}\n")));
    push(&a[..head]);
    push(&["<<<<<<< HEAD"]);
    push(&a[head..a.len() - tail]);
    push(&["======="]);
    push(&b[head..b.len() - tail]);
    push(&[">>>>>>> 4f2a9c1 (coach's goals)"]);
    push(&a[a.len() - tail..]);
    out
}

/// The goals of the account file at `path`.
fn goals(path: &Path) -> Vec<String> {
    let account = read_json(path);
    account["world"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file under `backup/`, relative to the run's own folder.
fn backed_up(data: &Data) -> Vec<(PathBuf, Vec<u8>)> {
    data.snapshot()
        .into_iter()
        .filter_map(|(path, bytes)| {
            let rel = path.strip_prefix(data.root().join("backup")).ok()?;
            Some((rel.iter().skip(1).collect(), bytes))
        })
        .collect()
}

#[test]
fn conflict_markers_are_reported_as_such_everywhere_and_resolved_by_doctor_fix() {
    let data = Data::new();
    let v = versions(&data);
    let conflicted = with_markers(&v.ours, &v.theirs);
    assert!(conflicted.contains("<<<<<<< HEAD\n"), "{conflicted}");
    fs::write(&v.path, &conflicted).unwrap();

    let list = data.cli(&["list"]);
    assert!(list.starts_with(&format!("CONFLICT  {}  ", v.id)), "{list}");
    assert!(list.contains("has git conflict markers"), "{list}");
    assert!(
        list.contains("`callbook doctor --fix` merges both sides by id after a backup"),
        "{list}"
    );
    let json = data.list_json();
    assert_eq!(json.len(), 1, "{json:?}");
    assert_eq!(json[0]["kind"], "conflict-markers");
    assert!(
        json[0]["error"]
            .as_str()
            .unwrap()
            .contains("callbook sync --setup"),
        "{json:?}"
    );

    // What the picker lists: the file as conflicted, not damaged, and no account.
    let store = callbook::storage::Store::open(data.root())
        .unwrap()
        .without_cache_writes();
    let listing = store.list().unwrap();
    assert!(
        matches!(
            &listing[..],
            [callbook::storage::Listing::Damaged {
                error: callbook::storage::StoreError::Conflicted { .. },
                ..
            }]
        ),
        "{listing:?}"
    );

    let err = data.fail(&["export", "Git Co"]);
    assert!(
        err.contains("account \"Git Co\" has git conflict markers"),
        "{err}"
    );
    assert!(err.contains("callbook doctor --fix"), "{err}");
    assert!(!err.contains("no account matches"), "{err}");
    let err = data.fail(&["export", "git"]);
    assert!(
        err.contains("has git conflict markers"),
        "a prefix of the name: {err}"
    );
    let err = data.fail(&["export", &v.id]);
    assert!(err.contains("has git conflict markers"), "by id: {err}");

    let before = data.snapshot();
    let out = data.run(&["doctor"]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert_eq!(data.snapshot(), before, "looking writes nothing");
    let line = format!("PROBLEM  accounts/{}.json: has git conflict markers", v.id);
    assert!(said.contains(&line), "{said}");

    let fixed = data.cli(&["doctor", "--fix"]);
    assert!(
        fixed.contains("conflict markers resolved, both sides merged by id"),
        "{fixed}"
    );
    assert_eq!(
        goals(&v.path),
        [
            "Open a depot in Leeds",
            "Win the Tesco contract",
            "Cut spoilage claims by half"
        ]
    );
    let backup = backed_up(&data);
    let old = PathBuf::from("accounts").join(format!("{}.json", v.id));
    assert_eq!(backup, [(old, conflicted.into_bytes())]);
    assert!(data.cli(&["doctor"]).contains("no problems in"));
    assert_eq!(data.list_json()[0]["name"], "Git Co");
}

#[test]
fn a_side_that_does_not_parse_is_named_and_nothing_is_written() {
    let data = Data::new();
    let v = versions(&data);
    let broken = v
        .theirs
        .replace("\"Cut spoilage claims by half\"", "Cut spoilage");
    let conflicted = with_markers(&v.ours, &broken);
    fs::write(&v.path, &conflicted).unwrap();
    let out = data.run(&["doctor", "--fix"]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("NOT FIXED"), "{said}");
    assert!(
        said.contains("in their side (between ======= and >>>>>>>)"),
        "{said}"
    );
    assert_eq!(fs::read_to_string(&v.path).unwrap(), conflicted);
}

/// A sync client's copy named `name(id)` beside the account: listed as a copy, the account
/// once, and merged into it by `doctor --fix`, the copy moved into the backup.
fn a_conflicted_copy_is_merged(name: impl Fn(&str) -> String, tool: &str) {
    let data = Data::new();
    let v = versions(&data);
    let copy = data.accounts().join(format!("{}.json", name(&v.id)));
    fs::write(&copy, &v.theirs).unwrap();

    let list = data.cli(&["list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.starts_with("Git Co  "), "the account once: {list}");
    let expected = format!("a conflicted copy of {} made by a sync tool ({tool})", v.id);
    assert!(list.lines().nth(1).unwrap().starts_with("CONFLICT  "), "{list}");
    assert!(list.contains(&expected), "{list}");
    assert_eq!(data.list_json()[1]["kind"], "conflicted-copy");

    let out = data.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().contains(&expected));

    let fixed = data.cli(&["doctor", "--fix"]);
    assert!(
        fixed.contains(&format!("merged into accounts/{}.json", v.id)),
        "{fixed}"
    );
    assert_eq!(
        goals(&v.path),
        [
            "Open a depot in Leeds",
            "Win the Tesco contract",
            "Cut spoilage claims by half"
        ]
    );
    assert!(!copy.exists(), "the copy is moved out of accounts/");
    let backup = backed_up(&data);
    let moved = PathBuf::from("accounts").join(copy.file_name().unwrap());
    assert!(backup.contains(&(moved, v.theirs.into_bytes())), "{backup:?}");
    let before = PathBuf::from("accounts").join(format!("{}.json", v.id));
    assert!(backup.contains(&(before, v.ours.into_bytes())), "{backup:?}");
    assert!(data.cli(&["doctor"]).contains("no problems in"));
}

#[test]
fn a_dropbox_conflicted_copy_is_reported_and_merged() {
    a_conflicted_copy_is_merged(
        |id| format!("{id} (Jane's conflicted copy 2025-03-01)"),
        "Dropbox",
    );
}

#[test]
fn a_syncthing_conflicted_copy_is_reported_and_merged() {
    a_conflicted_copy_is_merged(
        |id| format!("{id}.sync-conflict-20250301-140512-ABCDEFG"),
        "Syncthing",
    );
}

#[test]
fn a_nextcloud_and_a_google_drive_copy_are_copies_too() {
    let data = Data::new();
    let v = versions(&data);
    for name in [
        format!("{} (conflicted copy 2025-03-01 140512)", v.id),
        format!("{} (1)", v.id),
    ] {
        fs::write(data.accounts().join(format!("{name}.json")), &v.theirs).unwrap();
    }
    let list = data.cli(&["list"]);
    assert!(list.contains("(Nextcloud or ownCloud)"), "{list}");
    assert!(list.contains("(Google Drive)"), "{list}");
    assert_eq!(list.matches("Git Co").count(), 1, "{list}");
}
