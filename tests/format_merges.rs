//! The account file as git sees it (issue 14, "A format that merges"): nothing changes on
//! every edit in one shared line, so two edits of different records touch different lines;
//! a schema-1 file (with its top-level `updated`) is read as it is and written in the
//! current schema at its next save, nothing else lost.

use callbook::domain::{Account, AccountId, Item, SCHEMA};
use callbook::storage::{Store, parse, to_json};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeSet;
use std::path::Path;

fn at() -> DateTime<Utc> {
    "2026-11-02T09:00:00Z".parse().unwrap()
}

fn account() -> Account {
    let mut a = Account::new("Ashcombe", at());
    a.world.goals = vec![
        Item::new("Cut spoilage claims", at()),
        Item::new("Grow pharma freight", at()),
    ];
    a.world.threats = vec![Item::new("The grocery RFP", at())];
    a
}

/// The lines of `before` that `after` no longer has, by line number (a rough diff: the files
/// here only change values in place).
fn changed(before: &str, after: &str) -> BTreeSet<usize> {
    before
        .lines()
        .zip(after.lines())
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn edits_to_different_records_touch_different_lines() {
    let base = account();
    let later = at() + Duration::hours(1);
    let mut ours = base.clone();
    (ours.world.goals[0].text, ours.world.goals[0].updated) =
        ("Cut spoilage claims below 0.5%".into(), later);
    let mut theirs = base.clone();
    (theirs.world.goals[1].notes, theirs.world.goals[1].updated) = ("Board target".into(), later);
    let (b, o, t) = (to_json(&base), to_json(&ours), to_json(&theirs));
    assert_eq!(b.lines().count(), o.lines().count());
    let (mine, other) = (changed(&b, &o), changed(&b, &t));
    assert!(!mine.is_empty() && !other.is_empty());
    assert!(
        mine.is_disjoint(&other),
        "ours {mine:?} and theirs {other:?} share a line"
    );
    // Neither side wrote a time for the whole account.
    assert!(!o.lines().any(|l| l.starts_with("  \"updated\"")), "{o}");
}

#[test]
fn the_last_change_is_derived_from_the_records() {
    let mut a = account();
    assert_eq!(a.last_change(), at());
    let later = at() + Duration::days(3);
    a.world.threats[0].updated = later;
    assert_eq!(a.last_change(), later);
    let text = to_json(&a);
    let (back, _) = parse(&text, Path::new("x.json")).unwrap();
    assert_eq!(back.last_change(), later, "read back, it is the same");
}

#[test]
fn a_schema_1_file_is_read_and_migrated_at_its_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let id = AccountId::parse("ashcombe-abc123").unwrap();
    let old = r#"{
  "schema": 1,
  "name": "Ashcombe",
  "created": "2026-10-14T09:30:00Z",
  "updated": "2026-11-01T10:00:00Z",
  "profile": {"industry": "Cold freight", "website": "", "summary": ""},
  "world": {"goals": [{"id": "g1", "text": "Cut spoilage claims", "created": "2026-10-14T09:30:00Z",
    "updated": "2026-10-20T09:30:00Z", "owner": "kept"}], "threats": [], "competitors": [], "market": []},
  "people": [],
  "why_change": [],
  "region": "Upper Midwest"
}
"#;
    std::fs::write(store.path_of(&id), old).unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded.newer_schema, None, "an older file is not read-only");
    assert_eq!(loaded.account.world.goals[0].text, "Cut spoilage claims");
    assert!(
        !loaded.account.extra.contains_key("updated"),
        "the old field is not kept as unknown"
    );
    store.save(&id, &loaded.account).unwrap();
    let new = std::fs::read_to_string(store.path_of(&id)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&new).unwrap();
    assert_eq!(json["schema"], SCHEMA);
    assert!(json.get("updated").is_none(), "{new}");
    assert_eq!(json["region"], "Upper Midwest", "unknown fields kept");
    assert_eq!(json["world"]["goals"][0]["owner"], "kept");
    assert_eq!(json["world"]["goals"][0]["updated"], "2026-10-20T09:30:00Z");
    let listed = store.list().unwrap();
    match &listed[0] {
        callbook::storage::Listing::Ok(s) => assert_eq!(s.updated.to_rfc3339(), "2026-10-20T09:30:00+00:00"),
        other => panic!("{other:?}"),
    }
}
