//! The storage promises (DESIGN.md, "Data"), checked against a real temp data folder:
//! round trips are exact and byte-stable, unknown fields survive a save, damaged and
//! newer-schema files are never written over, file names never come from user text,
//! folders and files are private, saves are atomic and stale temp files are cleaned,
//! trash moves files intact, and names resolve and list in a predictable order.

use callbook::domain::fields::{ItemForm, PersonForm};
use callbook::domain::*;
use callbook::storage::{Listing, Store, StoreError, parse, to_json, write_atomic};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// A fixed time with nanoseconds, so a lossy timestamp round trip would show.
fn now() -> DateTime<Utc> {
    "2025-03-04T05:06:07.123456789Z".parse().unwrap()
}

/// A store in `<tmp>/data`, left for `Store::open` to create.
fn store() -> (TempDir, Store) {
    let tmp = TempDir::new().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    (tmp, store)
}

/// An account with a different number of entries in every pane (pane index + 1), using
/// every field, including multi-line notes and non-ASCII text.
fn full_account(name: &str) -> Account {
    let mut a = Account::new(name, now());
    a.profile.industry = "Logistics".into();
    a.profile.website = "https://example.com".into();
    a.profile.summary = "Moves boxes.\nMostly by truck — and «rail».".into();
    for pane in Pane::ALL {
        for n in 0..=pane.index() {
            let added = if pane == Pane::People {
                let dana = PersonForm {
                    name: "Dana Ruiz".into(),
                    title: "CFO".into(),
                    role: Role::EconomicBuyer,
                    cares_about: "cash".into(),
                    notes: "line 1\nline 2".into(),
                    their_words: "\"too slow\"".into(),
                };
                dana.apply(&mut a, None, now())
            } else {
                let item = ItemForm {
                    text: format!("{} {n}", pane.title()),
                    notes: "notes\nmore".into(),
                    their_words: "“their” words".into(),
                    source: "call 1".into(),
                    priority: Priority::High,
                };
                item.apply(&mut a, pane, None, now())
            };
            added.unwrap();
        }
    }
    a
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

/// 1-based (line, column) of byte `offset` in ASCII `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, offset - line_start + 1)
}

/// The (line, column, message) of a `Damaged` error; panics on anything else.
fn damaged(result: Result<impl std::fmt::Debug, StoreError>) -> (usize, usize, String) {
    match result {
        Err(StoreError::Damaged {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected Damaged, got {other:?}"),
    }
}

/// Every regular file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn listed_names(store: &Store) -> Vec<String> {
    let listing = store.list().unwrap();
    listing
        .iter()
        .map(|l| match l {
            Listing::Ok(s) => s.name.clone(),
            Listing::Damaged { stem, .. } => format!("damaged:{stem}"),
        })
        .collect()
}

/// Sets a file's modification time to `age` ago.
fn age_file(path: &Path, age: Duration) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

// 1. Round trip ----------------------------------------------------------------------

#[test]
fn round_trip_is_exact_pretty_and_byte_stable() {
    let (_tmp, store) = store();
    let account = full_account("Acme Freight");
    let id = store.create(&account).unwrap();

    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.account, account);
    assert_eq!(loaded.newer_schema, None);
    assert_eq!(loaded.id, id);
    for pane in Pane::ALL {
        assert_eq!(loaded.account.len(pane), pane.index() + 1, "{pane:?}");
    }

    let first = fs::read_to_string(store.path_of(&id)).unwrap();
    assert_eq!(first, to_json(&account));
    assert!(
        first.ends_with("}\n") && !first.ends_with("\n\n"),
        "one final newline"
    );
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(lines[1], format!("  \"schema\": {SCHEMA},"));
    assert!(lines.len() > 50, "pretty-printed, one field a line");
    let value: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["schema"], json!(SCHEMA));

    // Top-level fields in a fixed order.
    let keys = [
        "schema",
        "name",
        "created",
        "profile",
        "world",
        "people",
        "why_change",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| {
            first
                .find(&format!("\n  \"{k}\": "))
                .unwrap_or_else(|| panic!("{k}"))
        })
        .collect();
    assert!(positions.is_sorted(), "{positions:?}");

    store.save(&id, &loaded.account).unwrap();
    let second = fs::read_to_string(store.path_of(&id)).unwrap();
    assert_eq!(first, second, "saving again gives identical bytes");

    let (parsed, newer) = parse(&first, Path::new("x.json")).unwrap();
    assert_eq!((parsed, newer), (account, None));
}

// 2. Unknown fields ------------------------------------------------------------------

#[test]
fn unknown_fields_survive_an_edit_and_save() {
    let (_tmp, store) = store();
    let id = store.create(&full_account("Initech")).unwrap();
    let path = store.path_of(&id);

    let mut doc: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let unknown = [
        ("/future_top", json!({"x": [1, 2]})),
        ("/profile/future_profile", json!("p")),
        ("/world/future_world", json!([{"deep": null}, 3.5])),
        ("/world/goals/0/future_item", json!({"x": [1, 2]})),
        ("/world/market/1/future_item", json!(true)),
        ("/people/0/future_person", json!({"nested": {"k": "v"}})),
        ("/why_change/0/future_why", json!(-7)),
    ];
    for (pointer, value) in &unknown {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = doc.pointer_mut(parent).unwrap().as_object_mut().unwrap();
        target.insert(key.to_owned(), value.clone());
    }
    write(&path, &serde_json::to_string_pretty(&doc).unwrap());

    let mut loaded = store.load(&id).unwrap();
    assert_eq!(loaded.newer_schema, None);
    let added = ItemForm {
        text: "A new goal".into(),
        priority: Priority::Low,
        ..ItemForm::default()
    };
    added
        .apply(&mut loaded.account, Pane::Goals, None, now())
        .unwrap();
    store.save(&id, &loaded.account).unwrap();

    let saved: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    for (pointer, value) in &unknown {
        assert_eq!(saved.pointer(pointer), Some(value), "{pointer}");
    }
    assert_eq!(saved.pointer("/world/goals/1/text"), Some(&json!("A new goal")));
}

// 3. Damaged files -------------------------------------------------------------------

#[test]
fn syntax_errors_report_line_and_column_and_leave_the_file_alone() {
    let (_tmp, store) = store();
    let good = store.create(&Account::new("Good One", now())).unwrap();

    let truncated = "{\n  \"schema\": 1,\n  \"name\": \"X\",";
    let missing_comma =
        "{\n  \"schema\": 1,\n  \"name\": \"X\"\n  \"created\": \"2025-01-01T00:00:00Z\"\n}\n";
    let cases = [
        ("truncated-1", truncated, line_col(truncated, truncated.len() - 1)),
        (
            "comma-1",
            missing_comma,
            line_col(missing_comma, missing_comma.find("\"created\"").unwrap()),
        ),
    ];
    assert_eq!(cases[0].2, (3, 14));
    assert_eq!(cases[1].2, (4, 3));

    for (stem, text, (want_line, want_col)) in cases {
        let id = AccountId::parse(stem).unwrap();
        let path = store.path_of(&id);
        write(&path, text);

        let (line, column, message) = damaged(store.load(&id));
        assert_eq!((line, column), (want_line, want_col), "{stem}: {message}");
        assert!(
            !message.contains(" at line "),
            "position reported separately: {message}"
        );
        let shown = store.load(&id).unwrap_err().to_string();
        assert!(
            shown.contains(&format!("{stem}.json")) && shown.contains(&format!("line {want_line}")),
            "{shown}"
        );

        let listing = store.list().unwrap();
        assert_eq!(listing.len(), 2);
        assert!(matches!(&listing[0], Listing::Ok(s) if s.id == good && s.name == "Good One"));
        match &listing[1] {
            Listing::Damaged {
                stem: s,
                error: StoreError::Damaged { line, column, .. },
            } => {
                assert_eq!((s.as_str(), *line, *column), (stem, want_line, want_col));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), text, "{stem} untouched");
        fs::remove_file(&path).unwrap();
    }
}

#[test]
fn json_that_is_not_an_account_is_damaged_with_a_reason() {
    let (_tmp, store) = store();
    let t = "\"2025-01-01T00:00:00Z\"";
    let item_without_id = format!(
        r#"{{"schema": 1, "name": "X", "created": {t}, "updated": {t},
            "world": {{"goals": [{{"text": "g", "created": {t}, "updated": {t}}}]}}}}"#
    );
    let cases = [
        (
            format!(r#"{{"schema": 1, "created": {t}, "updated": {t}}}"#),
            "name",
        ),
        (
            format!(r#"{{"schema": "one", "name": "X", "created": {t}, "updated": {t}}}"#),
            "schema",
        ),
        (
            format!(r#"{{"schema": 0, "name": "X", "created": {t}, "updated": {t}}}"#),
            "schema",
        ),
        (
            format!(r#"{{"name": "X", "created": {t}, "updated": {t}}}"#),
            "schema",
        ),
        (r#"[{"schema": 1, "name": "X"}]"#.to_owned(), "object"),
        ("[]".to_owned(), "object"),
        ("42".to_owned(), "object"),
        (item_without_id, "id"),
        (
            format!(r#"{{"schema": 1, "name": "X", "created": "yesterday", "updated": {t}}}"#),
            "input",
        ),
    ];
    for (n, (text, needle)) in cases.iter().enumerate() {
        let id = AccountId::parse(&format!("case-{n}")).unwrap();
        let path = store.path_of(&id);
        write(&path, text);
        let (line, column, message) = damaged(store.load(&id));
        assert!(line >= 1 && column >= 1, "{text}: {line}:{column}");
        assert!(
            message.contains(needle),
            "{text}: {message:?} should mention {needle:?}"
        );
        assert!(!message.contains("Header"), "internal type names leak: {message}");
        assert_eq!(&fs::read_to_string(&path).unwrap(), text, "untouched");
    }
    let listing = store.list().unwrap();
    assert_eq!(listing.len(), cases.len());
    assert!(listing.iter().all(|l| matches!(l, Listing::Damaged { .. })));
    for (n, (text, _)) in cases.iter().enumerate() {
        assert_eq!(
            &fs::read_to_string(store.accounts_dir().join(format!("case-{n}.json"))).unwrap(),
            text
        );
    }
}

// 4. Newer schema --------------------------------------------------------------------

#[test]
fn newer_schema_opens_read_only_and_is_never_saved() {
    let (_tmp, store) = store();
    let account = full_account("Future Corp");
    let text = to_json(&account).replacen(&format!("\"schema\": {SCHEMA},"), "\"schema\": 99,", 1);
    assert_ne!(text, to_json(&account));
    let id = AccountId::parse("future-corp-abc123").unwrap();
    let path = store.path_of(&id);
    write(&path, &text);

    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.newer_schema, Some(99));
    assert_eq!(loaded.account.name, "Future Corp");
    assert_eq!(loaded.account.world.goals, account.world.goals);

    match store.save(&id, &loaded.account) {
        Err(StoreError::ReadOnly { path: p, schema: 99 }) => assert_eq!(p, path),
        other => panic!("expected ReadOnly, got {other:?}"),
    }
    let mut edited = loaded.account.clone();
    edited.name = "Renamed".into();
    assert!(matches!(
        store.save(&id, &edited),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(store.create(&edited), Err(StoreError::ReadOnly { .. })));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(files_under(&store.accounts_dir()), vec![path]);
}

// 5. Path safety ---------------------------------------------------------------------

#[test]
fn hostile_names_stay_inside_accounts_and_round_trip() {
    let (tmp, store) = store();
    let long = "n".repeat(250) + &"ü/".repeat(125);
    let names = [
        "../../x",
        "CON",
        "a/b",
        "..",
        "",
        "x\\y",
        &long,
        "日本語",
        "nul.json",
        "~/.ssh",
    ];
    assert_eq!(long.chars().count(), 500);
    let mut ids = Vec::new();
    for name in names {
        let id = store.create(&Account::new(name, now())).unwrap();
        assert!(AccountId::is_valid(id.as_str()), "{name:?} gave {id}");
        let path = store.path_of(&id);
        assert_eq!(path.parent().unwrap(), store.accounts_dir());
        assert_eq!(path.file_name().unwrap().to_str().unwrap(), format!("{id}.json"));
        assert_eq!(store.load(&id).unwrap().account.name, name);
        ids.push(id);
    }
    // `create` looks for a same-named account through the listing, whose cache is the
    // store's own (`.cache/`), never a file named from user text.
    let cache = store.root().join(".cache");
    let files: Vec<PathBuf> = files_under(tmp.path())
        .into_iter()
        .filter(|f| !f.starts_with(&cache))
        .collect();
    assert_eq!(files.len(), names.len(), "{files:?}");
    for file in &files {
        assert_eq!(file.parent().unwrap(), store.accounts_dir(), "{}", file.display());
    }
    assert!(listed_names(&store).iter().all(|n| !n.starts_with("damaged:")));

    for bad in [
        "../x",
        "..",
        "a/b",
        "x\\y",
        "CON",
        "Acme",
        "a.json",
        "/etc/passwd",
        "",
        "-",
        "日本語",
    ] {
        assert!(AccountId::parse(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn a_file_whose_name_is_not_an_id_is_listed_as_damaged_not_opened() {
    let (_tmp, store) = store();
    let valid = to_json(&Account::new("Sneaky", now()));
    let path = store.accounts_dir().join("Bad Name.json");
    write(&path, &valid);

    let listing = store.list().unwrap();
    assert_eq!(listing.len(), 1);
    match &listing[0] {
        Listing::Damaged {
            stem,
            error: StoreError::Damaged { message, path: p, .. },
        } => {
            assert_eq!(stem, "Bad Name");
            assert_eq!(p, &path);
            assert!(message.contains("file name"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(store.resolve("Sneaky"), Err(StoreError::NotFound(_))));
    assert_eq!(fs::read_to_string(&path).unwrap(), valid);
}

// 6. Permissions ---------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn folders_are_0700_and_files_0600() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("deep").join("data");
    let store = Store::open(&root).unwrap();
    for dir in [root.clone(), store.accounts_dir(), store.trash_dir()] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let id = store.create(&full_account("Private")).unwrap();
    assert_eq!(mode(&store.path_of(&id)), 0o600);
    store.save(&id, &Account::new("Private", now())).unwrap();
    assert_eq!(
        mode(&store.path_of(&id)),
        0o600,
        "still private after an overwrite"
    );
}

// 7. Atomic saves and temp files -----------------------------------------------------

#[test]
fn stale_temp_files_are_removed_fresh_ones_kept_and_neither_listed() {
    let (tmp, store) = store();
    let id = store.create(&Account::new("Real", now())).unwrap();
    let dir = store.accounts_dir();
    let stale = dir.join(".callbook-tmp-stale1");
    let stale_json = dir.join(".callbook-tmp-stale2.json");
    let fresh = dir.join(".callbook-tmp-fresh1");
    let fresh_json = dir.join(".callbook-tmp-fresh2.json");
    let other = dir.join(".not-ours");
    for p in [&stale, &stale_json, &fresh, &fresh_json, &other] {
        write(p, &to_json(&Account::new("Ghost", now())));
    }
    for p in [&stale, &stale_json, &other] {
        age_file(p, Duration::from_secs(3600));
    }
    assert_eq!(listed_names(&store), ["Real"], "temp files are never accounts");

    let store = Store::open(tmp.path().join("data")).unwrap();
    assert!(
        !stale.exists() && !stale_json.exists(),
        "stale temp files removed"
    );
    assert!(
        fresh.exists() && fresh_json.exists(),
        "a save in progress is left alone"
    );
    assert!(other.exists(), "only callbook's own temp files are removed");
    assert_eq!(listed_names(&store), ["Real"]);
    assert_eq!(store.resolve("Real").unwrap(), id);
    assert!(matches!(store.resolve("Ghost"), Err(StoreError::NotFound(_))));
}

#[test]
fn a_crash_mid_save_leaves_the_old_content() {
    let (tmp, store) = store();
    let old = full_account("Steady");
    let id = store.create(&old).unwrap();
    let old_bytes = fs::read(store.path_of(&id)).unwrap();

    let mut new = old.clone();
    new.name = "Half Written".into();
    let new_json = to_json(&new);
    let partial = store.accounts_dir().join(".callbook-tmp-Xa9Qz1");
    write(&partial, &new_json[..new_json.len() / 2]);
    age_file(&partial, Duration::from_secs(3600));

    let store = Store::open(tmp.path().join("data")).unwrap();
    assert_eq!(store.load(&id).unwrap().account, old);
    assert_eq!(fs::read(store.path_of(&id)).unwrap(), old_bytes);
    assert!(!partial.exists());
    assert_eq!(listed_names(&store), ["Steady"]);
}

#[test]
fn saving_shorter_content_replaces_the_file_fully() {
    let (_tmp, store) = store();
    let id = store.create(&full_account("Shrinking")).unwrap();
    let big = fs::metadata(store.path_of(&id)).unwrap().len();

    let small = Account::new("Shrinking", now());
    store.save(&id, &small).unwrap();
    let text = fs::read_to_string(store.path_of(&id)).unwrap();
    assert!((text.len() as u64) < big);
    assert_eq!(text, to_json(&small), "no trailing bytes from the longer file");
    assert_eq!(store.load(&id).unwrap().account, small);
    assert_eq!(
        files_under(&store.accounts_dir()),
        vec![store.path_of(&id)],
        "no temp left"
    );
}

#[test]
fn write_atomic_writes_exact_bytes_and_leaves_no_temp() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("out.json");
    write_atomic(tmp.path(), &path, b"first, longer content\n").unwrap();
    write_atomic(tmp.path(), &path, b"second\n").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second\n");
    assert_eq!(files_under(tmp.path()), vec![path]);

    let missing = tmp.path().join("no-such-dir");
    let err = write_atomic(&missing, &missing.join("x.json"), b"x").unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
}

// 8. Trash ---------------------------------------------------------------------------

#[test]
fn trash_moves_the_file_intact_and_twice_is_a_clear_error() {
    let (_tmp, store) = store();
    let keep = store.create(&Account::new("Keeper", now())).unwrap();
    let id = store.create(&full_account("Doomed")).unwrap();
    let from = store.path_of(&id);
    let bytes = fs::read(&from).unwrap();

    let to = store.trash(id.as_str()).unwrap();
    assert_eq!(to.parent().unwrap(), store.trash_dir());
    assert!(
        to.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with(&format!("{id}."))
    );
    assert_eq!(fs::read(&to).unwrap(), bytes);
    assert!(!from.exists());
    assert_eq!(listed_names(&store), ["Keeper"]);
    assert!(matches!(store.resolve("Doomed"), Err(StoreError::NotFound(_))));
    assert_eq!(store.resolve("Keeper").unwrap(), keep);

    match store.trash(id.as_str()) {
        Err(StoreError::Io { path, source }) => {
            assert_eq!(path, from);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected a not-found Io error, got {other:?}"),
    }
    let shown = store.trash(id.as_str()).unwrap_err().to_string();
    assert!(shown.contains(&format!("{id}.json")), "{shown}");
    assert_eq!(fs::read(&to).unwrap(), bytes, "first trashed copy untouched");
}

#[test]
fn damaged_files_can_be_trashed() {
    let (_tmp, store) = store();
    let broken = "{\"schema\": 1, \"name\": ";
    let cases = [("broken-1", broken), ("Bad Name", "not json at all")];
    for (stem, text) in cases {
        write(&store.accounts_dir().join(format!("{stem}.json")), text);
    }
    assert_eq!(listed_names(&store), ["damaged:Bad Name", "damaged:broken-1"]);
    for (stem, text) in cases {
        let to = store.trash(stem).unwrap();
        assert_eq!(fs::read_to_string(&to).unwrap(), text);
        assert_eq!(to.parent().unwrap(), store.trash_dir());
    }
    assert!(store.list().unwrap().is_empty());
    assert_eq!(files_under(&store.trash_dir()).len(), 2);
}

// 9. Resolve -------------------------------------------------------------------------

#[test]
fn resolve_by_id_name_and_prefix() {
    let (_tmp, store) = store();
    let create = |name: &str| store.create(&Account::new(name, now())).unwrap();
    let acme = create("Acme");
    let west = create("Acme West");
    let corp = create("Globex Corp");
    let inc = create("Globex Inc");
    let initech = create("Initech");

    assert_eq!(store.resolve(initech.as_str()).unwrap(), initech, "exact id");
    assert_eq!(store.resolve(west.as_str()).unwrap(), west, "exact id");
    assert_eq!(
        store.resolve("ACME").unwrap(),
        acme,
        "exact name wins over a prefix"
    );
    assert_eq!(store.resolve("acme").unwrap(), acme);
    assert_eq!(store.resolve("aCmE wEsT").unwrap(), west, "any case");
    assert_eq!(store.resolve("Acme W").unwrap(), west, "unique prefix");
    assert_eq!(store.resolve("init").unwrap(), initech, "unique prefix");
    assert_eq!(store.resolve("Globex C").unwrap(), corp);

    match store.resolve("glob") {
        Err(StoreError::Ambiguous { name, matches }) => {
            assert_eq!(name, "glob");
            assert_eq!(matches.len(), 2, "{matches:?}");
            assert!(matches[0].contains("Globex Corp") && matches[0].contains(corp.as_str()));
            assert!(matches[1].contains("Globex Inc") && matches[1].contains(inc.as_str()));
        }
        other => panic!("expected Ambiguous, got {other:?}"),
    }
    let shown = store.resolve("glob").unwrap_err().to_string();
    assert!(
        shown.contains("Globex Corp") && shown.contains("Globex Inc"),
        "{shown}"
    );

    for unknown in ["Umbrella", "", "Acme Westward", "zz-not-an-id-000000"] {
        match store.resolve(unknown) {
            Err(StoreError::NotFound(n)) => assert_eq!(n, unknown),
            other => panic!("{unknown:?}: expected NotFound, got {other:?}"),
        }
    }
}

#[test]
fn resolve_two_accounts_with_the_same_name_is_ambiguous() {
    let (_tmp, store) = store();
    // `create` refuses a second "Hooli"; two can still meet in the folder (a git merge,
    // files copied in), and then a name alone can't pick one.
    let a = store.create(&Account::new("Hooli", now())).unwrap();
    let b = AccountId::generate("hooli");
    store.save(&b, &Account::new("hooli", now())).unwrap();
    match store.resolve("HOOLI") {
        Err(StoreError::Ambiguous { matches, .. }) => {
            assert_eq!(matches.len(), 2, "{matches:?}");
            assert!(matches.iter().any(|m| m.contains(a.as_str())));
            assert!(matches.iter().any(|m| m.contains(b.as_str())));
        }
        other => panic!("expected Ambiguous, got {other:?}"),
    }
    assert_eq!(store.resolve(a.as_str()).unwrap(), a, "the id still picks one");
}

// 10. Listing order ------------------------------------------------------------------

#[test]
fn list_sorts_by_name_ignoring_case_with_damaged_last() {
    let (_tmp, store) = store();
    for name in ["beta", "Charlie", "alpha zulu", "Alpha"] {
        store.create(&Account::new(name, now())).unwrap();
    }
    let full = store.create(&full_account("delta")).unwrap();
    write(&store.accounts_dir().join("aaa-broken.json"), "{");
    write(&store.accounts_dir().join("Zed.json"), "{}");

    let mut names = listed_names(&store);
    let mut tail = names.split_off(5);
    assert_eq!(names, ["Alpha", "alpha zulu", "beta", "Charlie", "delta"]);
    tail.sort();
    assert_eq!(
        tail,
        ["damaged:Zed", "damaged:aaa-broken"],
        "damaged last, in any order"
    );
    let listing = store.list().unwrap();
    match &listing[4] {
        Listing::Ok(s) => {
            assert_eq!(s.id, full);
            assert_eq!(s.counts, [1, 2, 3, 4, 5, 6]);
            assert_eq!(s.updated, now());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn save_refuses_to_overwrite_a_file_damaged_or_upgraded_since_it_was_loaded() {
    let (_tmp, store) = store();
    let account = full_account("Acme");
    let id = store.create(&account).unwrap();
    let path = store.path_of(&id);
    // Someone (a merge gone wrong, another editor) breaks the file while it is open.
    fs::write(&path, b"<<<<<<< HEAD\n").unwrap();
    let err = store.save(&id, &account).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { line: 1, .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), b"<<<<<<< HEAD\n");
    // A newer callbook rewrites it: still left alone.
    let mut newer: Value = serde_json::from_str(&to_json(&account)).unwrap();
    newer["schema"] = json!(SCHEMA + 1);
    let newer_text = serde_json::to_string_pretty(&newer).unwrap();
    fs::write(&path, &newer_text).unwrap();
    let err = store.save(&id, &account).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer_text);
}

#[test]
fn trash_refuses_stems_that_leave_the_accounts_folder() {
    let (tmp, store) = store();
    let outside = tmp.path().join("data").join("secret.json");
    fs::write(&outside, b"{}").unwrap();
    for stem in ["../secret", "", ".hidden", "a/b", "a\\b"] {
        assert!(store.trash(stem).is_err(), "{stem:?} was accepted");
    }
    assert!(outside.exists());
}

#[test]
fn the_users_bank_round_trips_and_a_damaged_one_is_never_written() {
    use callbook::domain::bank::{BankFile, BankQuestion, Category, Spin};
    let (_tmp, store) = store();
    let empty = store.load_bank().unwrap();
    assert!(empty.questions.is_empty() && empty.schema == 1);
    assert!(!store.bank_path().exists(), "reading does not create the file");
    let q = BankQuestion {
        id: "u1".into(),
        text: "What would a second shift change?".into(),
        category: Category::GoalsAndVision,
        pane: Some(Pane::Goals),
        spin: Spin::NeedPayoff,
        open: true,
        extra: Default::default(),
    };
    let bank = BankFile {
        schema: 1,
        questions: vec![q],
        extra: Default::default(),
    };
    store.save_bank(&bank).unwrap();
    assert_eq!(store.load_bank().unwrap(), bank);
    assert!(fs::read_to_string(store.bank_path()).unwrap().ends_with("}\n"));
    fs::write(
        store.bank_path(),
        b"{\"schema\": 1, \"questions\": [\n  {\"id\": 3}\n]}",
    )
    .unwrap();
    let err = store.load_bank().unwrap_err();
    assert!(matches!(err, StoreError::Damaged { line: 2, .. }), "{err}");
    assert!(store.save_bank(&bank).is_err());
    assert!(
        fs::read_to_string(store.bank_path())
            .unwrap()
            .contains("\"id\": 3"),
        "left alone"
    );
    fs::write(store.bank_path(), b"{\"schema\": 9, \"questions\": []}").unwrap();
    assert!(matches!(
        store.load_bank(),
        Err(StoreError::ReadOnly { schema: 9, .. })
    ));
}

mod queue {
    use super::*;
    use callbook::domain::turn::{Turn, TurnKind};

    fn with_turns(name: &str, created: &[&str]) -> Account {
        let mut a = Account::new(name, now());
        for (i, when) in created.iter().enumerate() {
            a.turns.push(Turn::new(
                &format!("{name} line {i}"),
                TurnKind::Objection,
                when.parse().unwrap(),
            ));
        }
        a
    }

    #[test]
    fn due_turns_across_accounts_most_overdue_first() {
        let (_tmp, store) = store();
        store
            .create(&with_turns(
                "Acme",
                &["2026-01-05T00:00:00Z", "2030-01-01T00:00:00Z"],
            ))
            .unwrap();
        store
            .create(&with_turns("Bolt", &["2026-01-01T00:00:00Z"]))
            .unwrap();
        let at: DateTime<Utc> = "2026-06-01T00:00:00Z".parse().unwrap();
        let (due, damaged) = store.due_turns(at).unwrap();
        let names: Vec<&str> = due.iter().map(|d| d.account_name.as_str()).collect();
        assert_eq!(
            names,
            ["Bolt", "Acme"],
            "most overdue first; the 2030 turn is not due yet"
        );
        let acme = store.load(&due[1].account).unwrap().account;
        assert_eq!(due[1].turn, acme.turns[0].id);
        assert!(due.iter().all(|d| d.new));
        assert_eq!(damaged, 0);
    }

    #[test]
    fn the_cache_follows_changes_and_survives_damage() {
        let (_tmp, store) = store();
        let id = store
            .create(&with_turns("Acme", &["2026-01-05T00:00:00Z"]))
            .unwrap();
        let at: DateTime<Utc> = "2026-06-01T00:00:00Z".parse().unwrap();
        assert_eq!(store.due_turns(at).unwrap().0.len(), 1);
        let cache = store.root().join(".cache");
        assert!(cache.join("queue.json").exists());
        assert_eq!(
            fs::read_to_string(cache.join(".gitignore"))
                .unwrap()
                .lines()
                .last(),
            Some("*")
        );
        // Grading moves the turn out of the queue: the changed file is read again.
        let mut account = store.load(&id).unwrap().account;
        account.turns[0].schedule = Some(callbook::domain::schedule::next(None, 4, at));
        account.turns[0].line = "A longer line, so the file's size changes too".into();
        store.save(&id, &account).unwrap();
        let (due, _) = store.due_turns(at).unwrap();
        assert!(due.is_empty(), "{due:?}");
        // A damaged cache is only a cache.
        fs::write(cache.join("queue.json"), b"{ nonsense").unwrap();
        assert!(store.due_turns(at + chrono::Duration::days(400)).unwrap().0.len() == 1);
        // A damaged account is counted, skipped, and left alone.
        fs::write(store.accounts_dir().join("broken-abc123.json"), b"{").unwrap();
        assert_eq!(store.due_turns(at).unwrap().1, 1);
        assert_eq!(
            fs::read(store.accounts_dir().join("broken-abc123.json")).unwrap(),
            b"{"
        );
        // Deleted accounts leave the queue.
        store.trash(id.as_str()).unwrap();
        assert!(
            store
                .due_turns(at + chrono::Duration::days(400))
                .unwrap()
                .0
                .is_empty()
        );
    }
}

mod list_cache {
    use super::*;

    #[test]
    fn the_listing_follows_every_change_and_keeps_damage_visible() {
        let (_tmp, store) = store();
        let id = store.create(&full_account("Acme")).unwrap();
        let broken = store.accounts_dir().join("broken-abc123.json");
        fs::write(&broken, b"{\"schema\": 1,\n  \"name\": ").unwrap();
        for _ in 0..2 {
            // The second round is served from the cache and must say the same.
            let listing = store.list().unwrap();
            assert!(matches!(&listing[0], Listing::Ok(s) if s.name == "Acme" && s.counts[0] == 1));
            match &listing[1] {
                Listing::Damaged {
                    error: StoreError::Damaged { path, line: 2, .. },
                    ..
                } => assert_eq!(path, &broken),
                other => panic!("{other:?}"),
            }
        }
        assert!(store.root().join(".cache/list.json").exists());
        let mut account = store.load(&id).unwrap().account;
        account.name = "Acme Renamed, Longer".into();
        store.save(&id, &account).unwrap();
        fs::write(&broken, b"{\"schema\": 1,\n  \"name\": \"Fixed\",").unwrap();
        let listing = store.list().unwrap();
        assert!(
            matches!(&listing[0], Listing::Ok(s) if s.name == "Acme Renamed, Longer"),
            "{listing:?}"
        );
        assert!(matches!(
            &listing[1],
            Listing::Damaged {
                error: StoreError::Damaged {
                    line: 2,
                    column: 18,
                    ..
                },
                ..
            }
        ));
    }

    #[test]
    fn the_journeys_pulse_is_listed_from_the_cache_as_from_the_file() {
        use callbook::domain::call::Call;
        use callbook::domain::journey::Task;
        use callbook::domain::progress::Pulse;
        let (_tmp, store) = store();
        let mut account = full_account("Acme");
        account.journey.changed = Some(now() - chrono::Duration::days(40));
        let mut task = Task::new("Find the time", now());
        task.due = Some(now().date_naive() - chrono::Duration::days(1));
        account.tasks.push(task);
        account
            .calls
            .push(Call::new(now() + chrono::Duration::days(2), now()));
        let id = store.create(&account).unwrap();
        let pulse = |store: &Store| match &store.list().unwrap()[0] {
            Listing::Ok(s) => s.pulse.clone(),
            other => panic!("{other:?}"),
        };
        let first = pulse(&store);
        assert_eq!(first, Pulse::of(&store.load(&id).unwrap().account));
        assert_eq!(pulse(&store), first, "served from the cache, the same");
        let today = now().date_naive();
        assert_eq!(
            first.stalled(today).as_deref(),
            Some("No stage change for 40 days; 1 task overdue")
        );
        assert_eq!(first.next_call(now()), Some(now() + chrono::Duration::days(2)));
        // A cache of the shape before the pulse is rebuilt, not misread.
        let cache = store.root().join(".cache/list.json");
        let old: Value = serde_json::from_str(&fs::read_to_string(&cache).unwrap()).unwrap();
        let mut old = old;
        old["version"] = json!(1);
        for (_, entry) in old["entries"].as_object_mut().unwrap() {
            entry[1]["Ok"].as_object_mut().unwrap().remove("pulse");
        }
        fs::write(&cache, old.to_string()).unwrap();
        assert_eq!(pulse(&store), first);
    }

    #[test]
    fn a_store_without_cache_writes_leaves_the_folder_alone() {
        let (_tmp, store) = store();
        store.create(&full_account("Acme")).unwrap();
        let store = store.without_cache_writes();
        assert_eq!(store.list().unwrap().len(), 1);
        assert_eq!(store.due_turns(now()).unwrap().0.len(), 0);
        assert!(!store.root().join(".cache").exists());
    }
}

// 11. One account per name -----------------------------------------------------------

#[test]
fn create_refuses_a_name_in_use_naming_the_account_and_writing_nothing() {
    let (_tmp, store) = store();
    let first = store.create(&full_account("Zürich Logistik AG")).unwrap();
    assert!(first.as_str().starts_with("zurich-logistik-ag-"), "{first}");
    // Only the accounts count: the listing's cache (`.cache/`) is a copy that may follow.
    let before = files_under(&store.accounts_dir());
    for again in [
        "Zürich Logistik AG",
        "zürich logistik ag",
        "  ZÜRICH LOGISTIK AG ",
        "Zürich  Logistik\tAG",
    ] {
        let err = store.create(&Account::new(again, now())).unwrap_err();
        let said = err.to_string();
        match err {
            StoreError::NameTaken { name, id } => {
                assert_eq!((name.as_str(), &id), ("Zürich Logistik AG", &first), "{again:?}");
            }
            other => panic!("{again:?}: expected NameTaken, got {other:?}"),
        }
        // Said in the app too, so by name, never by id.
        assert_eq!(said, "an account named \"Zürich Logistik AG\" already exists");
        assert_eq!(
            files_under(&store.accounts_dir()),
            before,
            "{again:?} wrote an account"
        );
    }
    // Names that only look alike are other accounts.
    for other in ["Zurich Logistik AG", "Zürich Logistik", "Zürich Logistik AG 2"] {
        store.create(&Account::new(other, now())).unwrap();
    }
    assert_eq!(store.list().unwrap().len(), 4);
}

#[test]
fn a_name_is_free_again_once_its_account_is_renamed_or_trashed() {
    let (_tmp, store) = store();
    let id = store.create(&Account::new("Kestrel Foods", now())).unwrap();
    let mut renamed = store.load(&id).unwrap().account;
    renamed.name = "Kestrel Foods (old)".into();
    store.save(&id, &renamed).unwrap();
    let again = store.create(&Account::new("kestrel foods", now())).unwrap();
    store.trash(again.as_str()).unwrap();
    store.create(&Account::new("Kestrel Foods", now())).unwrap();
    // A hand-edited file keeps its spaces; it still holds the name.
    let spaced = AccountId::generate("spaced");
    let mut account = Account::new("x", now());
    account.name = "  Osprey   Mills ".into();
    store.save(&spaced, &account).unwrap();
    assert!(matches!(
        store.create(&Account::new("osprey mills", now())),
        Err(StoreError::NameTaken { id, .. }) if id == spaced
    ));
}

#[test]
fn a_damaged_file_does_not_hold_a_name() {
    let (_tmp, store) = store();
    write(
        &store.accounts_dir().join("heron-abc123.json"),
        "{\"name\": \"Heron\",",
    );
    let id = store.create(&Account::new("Heron", now())).unwrap();
    assert!(id.as_str().starts_with("heron-") && id.as_str() != "heron-abc123");
}

#[test]
fn unknown_fields_survive_at_every_level_of_the_journey_tasks_and_calls() {
    let t = "2026-11-23T12:00:00Z";
    let text = json!({
        "schema": 1, "name": "Acme", "created": t, "updated": t,
        "journey": {"stage": "deciding", "changed": t, "mood": "keen"},
        "tasks": [{"id": "t1", "text": "Find the time", "created": t, "updated": t, "colour": "red"}],
        "calls": [{
            "id": "c1", "when": t, "created": t, "updated": t, "room": "4B",
            "agreement": {"purpose": "Hear them", "tone": "warm"},
            "agenda": [{"question": "q1", "minutes": 5, "why": "opening"}],
            "debrief": {"agreed": "A visit", "written": t, "mood": "good"}
        }]
    })
    .to_string();
    let (account, _) = parse(&text, Path::new("acme.json")).unwrap();
    let back: Value = serde_json::from_str(&to_json(&account)).unwrap();
    assert_eq!(back["journey"]["mood"], "keen");
    assert_eq!(back["tasks"][0]["colour"], "red");
    let call = &back["calls"][0];
    assert_eq!(call["room"], "4B");
    assert_eq!(call["agreement"]["tone"], "warm");
    assert_eq!(call["agenda"][0]["why"], "opening");
    assert_eq!(call["debrief"]["mood"], "good");
}

#[test]
fn load_all_reads_every_account_and_names_the_damaged_without_touching_them() {
    let (_dir, store) = store();
    let id = store.create(&Account::new("Harbor Mills", now())).unwrap();
    let broken = store.accounts_dir().join("broken.json");
    fs::write(&broken, "{ \"name\": ").unwrap();
    let (loaded, damaged) = store.load_all().unwrap();
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].id, id);
    assert_eq!(loaded[0].account.name, "Harbor Mills");
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].0, "broken");
    assert!(
        damaged[0].1.to_string().contains("broken.json"),
        "{}",
        damaged[0].1
    );
    assert_eq!(fs::read_to_string(&broken).unwrap(), "{ \"name\": ");
}

/// A data folder that exists already open to others (a `git clone`, made by hand) is
/// tightened to 0700 when callbook opens it, with `accounts/` and `trash/` (issue 12).
#[cfg(unix)]
#[test]
fn a_data_folder_open_to_others_is_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("data");
    for dir in [root.clone(), root.join("accounts")] {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    callbook::storage::Store::open(&root).unwrap();
    for dir in [root.clone(), root.join("accounts"), root.join("trash")] {
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", dir.display());
    }
}
