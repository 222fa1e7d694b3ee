//! Every record keeps what it does not know (DESIGN.md, "Data"): a field a newer callbook
//! wrote survives a load and a save at every level of an account file, not only at the top.
//!
//! The test account is the built-in sample with what the asset lacks added (a turn graded
//! twice, so attempts with their checks and a schedule; a comment with a reply). Its JSON,
//! as the store writes it, gets a field planted in every object at every level, each under
//! a key naming its own path; the file is read back and written again, by the library and
//! by the real binary, and every planted field must be found where it was put.

use callbook::domain::comment::{Comment, Reply};
use callbook::domain::turn::{self, Attempt};
use callbook::domain::{Account, checks, sample};
use callbook::storage;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod common;

use common::Data;

/// Every kind of record an account file holds, as the JSON path pattern of its objects
/// (`*` for a list index). A record kind added to the account shows up here as a pattern
/// the test did not expect, and one without `extra` loses its planted field.
const KINDS: &[&str] = &[
    "",
    "/calls/*",
    "/calls/*/agenda/*",
    "/calls/*/agreement",
    "/calls/*/debrief",
    "/comments/*",
    "/comments/*/replies/*",
    "/fit",
    "/fit/answers/*",
    "/fit/disqualified",
    "/journey",
    "/people/*",
    "/profile",
    "/questions/*",
    "/scenarios/*",
    "/tasks/*",
    "/turns/*",
    "/turns/*/attempts/*",
    "/turns/*/attempts/*/checks/*",
    "/turns/*/schedule",
    "/why_change/*",
    "/world",
    "/world/competitors/*",
    "/world/goals/*",
    "/world/market/*",
    "/world/threats/*",
];

/// Fewer planted objects than this means the walk (or the account) lost most of itself.
const AT_LEAST: usize = 90;

fn now() -> DateTime<Utc> {
    "2026-11-23T12:00:00Z".parse().unwrap()
}

/// The sample account with one of every kind of record.
fn full_account() -> Account {
    let mut a = sample::account(now());
    // The sample is inside the sweet spot; the record of a disqualification is added here.
    a.fit
        .disqualify("Lanes moved to a national carrier", now())
        .unwrap();
    for (grade, day) in [(1, 2), (3, 1)] {
        let at = now() - Duration::days(day);
        let turn = &a.turns[0];
        let answer = "What would a rejected load cost you before the board meets?";
        let timing = checks::Timing {
            first_key_secs: Some(2.0),
            total_secs: 20.0,
            resumed: false,
        };
        let attempt = Attempt {
            at,
            answer: answer.into(),
            checks: checks::check(answer, turn, &a, timing).checks,
            grade,
            due: at,
            first_key_secs: 2.0,
            total_secs: 20.0,
            extra: Default::default(),
        };
        turn::grade(&mut a, 0, attempt, at).expect("turn 0 exists");
    }
    let anchor = a.world.goals[0].id.0.clone();
    let mut comment = Comment::new(&anchor, "Coach", "Whose goal is this, in their words?", now());
    comment.replies.push(Reply {
        author: "Rep".into(),
        at: now(),
        text: "Their COO's, from the October call.".into(),
        extra: Default::default(),
    });
    a.comments.push(comment);
    a
}

/// The account's file text, as the store writes it, parsed.
fn file_value(account: &Account) -> Value {
    serde_json::from_str(&storage::to_json(account)).expect("the store writes JSON")
}

/// The key planted in the object at `path`.
fn key_for(path: &str) -> String {
    format!("x-future-{}", if path.is_empty() { "/" } else { path })
}

/// What is planted there: an object, so nested unknown values are kept too.
fn planted_value(path: &str) -> Value {
    json!({ "kept": true, "at": path, "list": [1, "two", null] })
}

/// Plants a field in every object of `value` (children first, so planted values are never
/// walked); returns the path of each object planted.
fn plant(value: &mut Value, path: &str, planted: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                plant(v, &format!("{path}/{k}"), planted);
            }
            map.insert(key_for(path), planted_value(path));
            planted.push(path.to_owned());
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                plant(v, &format!("{path}/{i}"), planted);
            }
        }
        _ => {}
    }
}

/// A path with its list indices as `*`: the kind of record it is.
fn pattern(path: &str) -> String {
    path.split('/')
        .map(|part| if part.parse::<usize>().is_ok() { "*" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

/// The planted paths whose field is not in `value` where it was put, unchanged.
fn missing(value: &Value, planted: &[String]) -> Vec<String> {
    let found = |path: &str| {
        let object = if path.is_empty() {
            value.as_object()
        } else {
            value.pointer(path).and_then(Value::as_object)
        };
        object.and_then(|o: &Map<String, Value>| o.get(&key_for(path))) == Some(&planted_value(path))
    };
    planted.iter().filter(|p| !found(p)).cloned().collect()
}

/// The full account's file with a field planted in every object, and the planted paths.
fn planted_file() -> (Value, Vec<String>) {
    let mut value = file_value(&full_account());
    let mut planted = Vec::new();
    plant(&mut value, "", &mut planted);
    (value, planted)
}

#[test]
fn the_planted_file_covers_every_kind_of_record() {
    let (_, planted) = planted_file();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for p in &planted {
        *kinds.entry(pattern(p)).or_default() += 1;
    }
    let found: Vec<&str> = kinds.keys().map(String::as_str).collect();
    assert_eq!(
        found, KINDS,
        "a kind of record came or went: give a new one `extra` and list it in KINDS ({kinds:?})"
    );
    assert!(
        planted.len() >= AT_LEAST,
        "only {} objects: {kinds:?}",
        planted.len()
    );
    assert!(kinds.values().all(|&n| n >= 1));
}

#[test]
fn every_planted_field_survives_a_load_and_a_save_where_it_was_put() {
    let (value, planted) = planted_file();
    let text = serde_json::to_string_pretty(&value).unwrap();
    let (account, newer) = storage::parse(&text, Path::new("planted.json")).expect("it parses");
    assert_eq!(newer, None);
    let again = file_value(&account);
    assert_eq!(
        missing(&again, &planted),
        Vec::<String>::new(),
        "lost in the round trip"
    );
    assert_eq!(again, value, "nothing else changed either");
    let twice = storage::parse(&storage::to_json(&account), Path::new("again.json")).unwrap();
    assert_eq!(twice.0, account, "a second round trip is the first");
}

#[test]
fn a_record_without_unknown_fields_is_written_as_before() {
    let account = full_account();
    let text = storage::to_json(&account);
    let (back, _) = storage::parse(&text, Path::new("plain.json")).unwrap();
    assert_eq!(storage::to_json(&back), text, "byte for byte");
    assert!(!text.contains("\"extra\""), "an empty `extra` adds nothing");
    let value = file_value(&account);
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    let named = |names: &[&str]| -> BTreeSet<String> { names.iter().map(|&n| n.into()).collect() };
    let turn = &value["turns"][0];
    let attempt = &turn["attempts"][0];
    let fields = [
        "at",
        "answer",
        "checks",
        "grade",
        "due",
        "first_key_secs",
        "total_secs",
    ];
    assert_eq!(keys(attempt), named(&fields));
    assert_eq!(
        keys(&attempt["checks"][0]),
        named(&["check", "outcome", "detail"])
    );
    let fields = [
        "due",
        "stability",
        "difficulty",
        "elapsed_days",
        "scheduled_days",
        "reps",
        "lapses",
        "state",
        "last_review",
    ];
    assert_eq!(keys(&turn["schedule"]), named(&fields));
}

#[test]
fn the_binary_keeps_every_planted_field_through_import_and_add() {
    let (value, planted) = planted_file();
    let data = Data::new();
    let outside = tempfile::TempDir::new().unwrap();
    let file = outside.path().join("planted.json");
    std::fs::write(&file, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let id = data.cli(&["import", file.to_str().unwrap()]).trim().to_owned();
    assert_eq!(
        missing(&data.only_account(), &planted),
        Vec::<String>::new(),
        "import"
    );
    data.cli(&["add", &id, "goals", "Cut rejected loads by half"]);
    let after = data.only_account();
    assert_eq!(missing(&after, &planted), Vec::<String>::new(), "add");
    let goals = after["world"]["goals"].as_array().unwrap();
    assert_eq!(goals.last().unwrap()["text"], "Cut rejected loads by half");
}
