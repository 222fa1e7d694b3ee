//! Finding an account by name reads only the start of each file where it can (issue 15), and
//! still finds the right one whatever the file looks like: written by callbook, written on one
//! line by another tool, a name with quotes and accents; exact names win over prefixes, two
//! matches are ambiguous, and no match still says what the folder holds.

use callbook::domain::Account;
use callbook::storage::{Store, StoreError, to_json};
use chrono::{DateTime, Utc};

fn at() -> DateTime<Utc> {
    "2026-11-02T09:00:00Z".parse().unwrap()
}

fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

#[test]
fn names_resolve_by_the_light_pass_and_by_a_full_read() {
    let (_dir, store) = folder();
    let quoted = store
        .create(&Account::new("Café \"Nord\" Logistik", at()))
        .unwrap();
    let plain = store.create(&Account::new("Harbor Mills", at())).unwrap();
    let longer = store.create(&Account::new("Harbor Mills East", at())).unwrap();
    // Another tool's compact rewrite: the name is not on the third line any more.
    let compact_id = callbook::domain::AccountId::parse("compact-abc123").unwrap();
    let compact = serde_json::to_string(&Account::new("Ashcombe Cold Freight", at())).unwrap();
    std::fs::write(store.path_of(&compact_id), compact).unwrap();
    assert_eq!(store.resolve("café \"nord\"").unwrap(), quoted);
    assert_eq!(
        store.resolve("harbor mills").unwrap(),
        plain,
        "an exact name wins over a prefix"
    );
    assert_eq!(store.resolve("Harbor Mills E").unwrap(), longer);
    assert_eq!(store.resolve("ashcombe").unwrap(), compact_id);
    assert!(matches!(
        store.resolve("harbor"),
        Err(StoreError::Ambiguous { .. })
    ));
    assert!(store.resolve("nobody").is_err());
    let text = to_json(&Account::new("Harbor Mills", at()));
    assert!(
        text.lines().nth(2).unwrap().starts_with("  \"name\": "),
        "where the light pass looks"
    );
}
