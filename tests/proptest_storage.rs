//! Storage properties over generated input (issue 12, tests): any account survives a save
//! and a load unchanged, whatever its text holds (control characters, CR, tabs, trailing
//! newlines, emoji, quotes, bidi marks), and any account name leads to a file inside
//! `accounts/`, never elsewhere.

use callbook::domain::account::Extra;
use callbook::domain::{Account, AccountId, Item, ItemId, Person, Priority, Role, SCHEMA};
use callbook::storage::{Store, to_json};
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use std::fs;
use std::path::{Component, Path, PathBuf};
use tempfile::TempDir;

/// Characters that have broken text handling somewhere: line ends, tabs, NUL and other
/// controls, escapes, quotes and backslashes, bidi overrides, zero-width and combining
/// marks, wide characters and emoji (one of them a joined sequence).
const AWKWARD: &[&str] = &[
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\"",
    "\\",
    "/",
    "..",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "e\u{301}",
    "日本",
    "🚀",
    "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    " ",
    "\u{a0}",
];

/// Text of any Unicode, with awkward characters mixed in and sometimes a trailing newline
/// or space.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        select(AWKWARD).prop_map(str::to_owned),
    ];
    let tail = select(&["", "", "\n", "\n\n", "\r\n", " ", "\t"][..]);
    (prop::collection::vec(piece, 0..16), tail).prop_map(|(pieces, tail)| pieces.concat() + tail)
}

/// A time between 1970 and 2100 with nanoseconds, so a lossy timestamp would show.
fn time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_102_444_800, 0u32..1_000_000_000).prop_map(|(s, ns)| DateTime::from_timestamp(s, ns).unwrap())
}

/// Fields a newer callbook might have written: names no known field has.
fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::btree_map("x-[a-z]{1,6}", text().prop_map(serde_json::Value::String), 0..2)
}

fn item() -> impl Strategy<Value = Item> {
    let priority = select(vec![
        Priority::None,
        Priority::Low,
        Priority::Medium,
        Priority::High,
    ]);
    (
        (text(), text(), text(), text(), text()),
        priority,
        (time(), time()),
        extra(),
    )
        .prop_map(
            |((id, text, notes, their_words, source), priority, (created, updated), extra)| Item {
                id: ItemId::from_raw(&id),
                text,
                notes,
                their_words,
                source,
                priority,
                created,
                updated,
                extra,
            },
        )
}

fn person() -> impl Strategy<Value = Person> {
    let role = select(vec![
        Role::EconomicBuyer,
        Role::DecisionMaker,
        Role::User,
        Role::Technical,
        Role::Coach,
        Role::Unknown,
    ]);
    (
        (text(), text(), text(), text(), text(), text()),
        role,
        (time(), time()),
    )
        .prop_map(
            |((id, name, title, cares_about, notes, their_words), role, (created, updated))| Person {
                id: ItemId::from_raw(&id),
                name,
                title,
                role,
                cares_about,
                notes,
                their_words,
                created,
                updated,
                extra: Extra::new(),
            },
        )
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec(item(), 0..4)
}

/// An account with text everywhere the world screen edits: profile, every pane, people.
fn account() -> impl Strategy<Value = Account> {
    (
        (text(), time(), (text(), text(), text())),
        (items(), items(), items(), items(), items()),
        prop::collection::vec(person(), 0..4),
        extra(),
    )
        .prop_map(|((name, created, profile), world, people, extra)| {
            let mut a = Account::new("", created);
            a.name = name;
            (a.profile.industry, a.profile.website, a.profile.summary) = profile;
            (
                a.world.goals,
                a.world.threats,
                a.world.competitors,
                a.world.market,
                a.why_change,
            ) = world;
            a.people = people;
            a.extra = extra;
            a
        })
}

/// A name: any text, or one built to escape the folder.
fn name() -> impl Strategy<Value = String> {
    let hostile = prop::collection::vec(
        select(
            &[
                "..", "/", "\\", "\0", ".", "~", "CON", "nul", ".json", ":", "a", "🚀", " ",
            ][..],
        ),
        0..12,
    )
    .prop_map(|parts| parts.concat());
    prop_oneof![text(), hostile, any::<String>(), "[^a-z]{50,300}"]
}

/// Every file under `dir`, recursively, but the store's caches.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == ".cache") {
            continue;
        }
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_account_survives_save_and_load_unchanged(account in account()) {
        prop_assert_eq!(account.schema, SCHEMA);
        let tmp = TempDir::new().unwrap();
        let store = Store::open(tmp.path().join("data")).unwrap();
        let id = AccountId::generate(&account.name);
        store.save(&id, &account).unwrap();
        let bytes = fs::read_to_string(store.path_of(&id)).unwrap();
        let loaded = store.load(&id).unwrap();
        prop_assert_eq!(loaded.newer_schema, None);
        prop_assert_eq!(&loaded.account, &account);
        prop_assert_eq!(to_json(&loaded.account), bytes, "saving again writes the same bytes");
    }

    #[test]
    fn any_name_maps_to_a_file_inside_accounts(name in name()) {
        let tmp = TempDir::new().unwrap();
        let store = Store::open(tmp.path().join("data")).unwrap();
        let id = AccountId::generate(&name);
        let stem = id.as_str();
        prop_assert!(AccountId::is_valid(stem), "{:?} gave {:?}", name, stem);
        prop_assert!(!stem.contains(['/', '\\', '\0', '.']), "{:?} gave {:?}", name, stem);
        let (path, accounts) = (store.path_of(&id), store.accounts_dir());
        prop_assert_eq!(path.parent(), Some(accounts.as_path()));
        let relative = path.strip_prefix(&accounts).unwrap();
        prop_assert!(
            relative.components().all(|c| matches!(c, Component::Normal(_))),
            "{:?}", relative
        );
        prop_assert_eq!(relative.components().count(), 1);

        let created = store.create(&Account::new(&name, callbook::domain::now())).unwrap();
        // Nothing else: the lock taken for the save is gone with it.
        prop_assert_eq!(files_under(tmp.path()), vec![store.path_of(&created)]);
        prop_assert_eq!(store.load(&created).unwrap().account.name, name.trim());
    }

    /// The merge of an account with itself is that account, and with a change on one side
    /// only (here: another account's contents over the same base) is that change.
    #[test]
    fn merging_with_itself_or_a_one_sided_change_gives_that_change(
        base in account(),
        other in account(),
    ) {
        use callbook::domain::merge::merge;
        let same = merge(&base, &base, &base).unwrap();
        prop_assert_eq!(&same.account, &base);
        let mut changed = base.clone();
        changed.world = other.world.clone();
        changed.people = other.people.clone();
        changed.name = other.name.clone();
        prop_assert_eq!(&merge(&base, &changed, &base).unwrap().account, &changed);
        prop_assert_eq!(&merge(&base, &base, &changed).unwrap().account, &changed);
    }
}
