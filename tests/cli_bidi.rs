//! Bidi controls and invisible characters in account text, through the real binary: text
//! output shows them as `⟨U+XXXX⟩` marks, JSON output as `\uXXXX` escapes that parse back
//! to the text as written, and the account file keeps them as written.

use callbook::domain::progress::next_call;
use callbook::domain::{Account, sample};
use serde_json::Value;

mod common;

use common::Data;

/// Every raw character this file hides in the account.
const RAW: [char; 5] = ['\u{202e}', '\u{200b}', '\u{feff}', '\u{2066}', '\u{2069}'];

const NAME: &str = "Ashcombe \u{202e}Cold";

/// The sample account with a reversed name, a zero-width space in the next call's
/// objective, a byte order mark in a goal and an isolate around a person's name.
fn hostile() -> Account {
    let now = callbook::domain::now();
    let mut a = sample::account(now);
    a.name = NAME.into();
    let call = next_call(&a, now).unwrap().id.clone();
    let call = a.calls.iter_mut().find(|c| c.id == call).unwrap();
    call.objective = format!("Agree\u{200b}d {}", call.objective);
    a.world.goals[0].text = format!("Grow\u{feff} {}", a.world.goals[0].text);
    a.people[0].name = format!("\u{2066}{}\u{2069}", a.people[0].name);
    a
}

fn assert_no_raw(what: &str, text: &str) {
    assert!(
        !text.contains(RAW),
        "{what}: raw invisible characters in {text:?}"
    );
}

fn stdout(data: &Data, args: &[&str]) -> String {
    let out = data.cli(args);
    assert_no_raw(&format!("{args:?}"), &out);
    out
}

#[test]
fn text_output_shows_marks() {
    let data = Data::new();
    let id = data.import(&hostile());
    let list = stdout(&data, &["list"]);
    assert!(list.contains("Ashcombe ⟨U+202E⟩Cold"), "{list}");
    let sheet = stdout(&data, &["sheet", &id]);
    assert!(sheet.contains("Agree⟨U+200B⟩d"), "{sheet}");
    assert!(sheet.contains("⟨U+2066⟩"), "{sheet}");
    let md = stdout(&data, &["sheet", &id, "--md"]);
    assert!(md.contains("Ashcombe ⟨U+202E⟩Cold"), "{md}");
    let report = stdout(&data, &["report"]);
    assert!(report.contains("⟨U+202E⟩"), "{report}");
    let export = stdout(&data, &["export", &id]);
    assert!(export.contains("Grow⟨U+FEFF⟩"), "{export}");
}

#[test]
fn lint_text_output_shows_marks() {
    let data = Data::new();
    let out = stdout(&data, &["lint", "We\u{202e} can help\u{200b} you"]);
    assert!(out.contains("We⟨U+202E⟩ can help⟨U+200B⟩ you"), "{out}");
}

#[test]
fn errors_that_quote_a_name_show_it_inert() {
    let data = Data::new();
    data.import(&hostile());
    // A name given on the command line is quoted as Rust writes a string: escaped.
    let err = data.fail(&["add", "nobody\u{202e}", "goals", "x"]);
    assert_no_raw("an unknown name", &err);
    assert!(err.contains("\"nobody\\u{202e}\""), "{err}");
    // A name from the file, in an error, is cleaned like any other output.
    let id = data.cli(&["new", "Quiet\u{202e} Co"]).trim().to_owned();
    let err = data.fail(&["sheet", &id]);
    assert_no_raw("no planned call", &err);
    assert!(err.contains("Quiet⟨U+202E⟩ Co"), "{err}");
}

#[test]
fn json_output_escapes_them_and_parses_back() {
    let data = Data::new();
    let id = data.import(&hostile());
    let list = stdout(&data, &["list", "--json"]);
    assert!(list.contains("Ashcombe \\u202eCold"), "{list}");
    let parsed: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(parsed[0]["name"], NAME);

    let report = stdout(&data, &["report", "--json"]);
    assert!(report.contains("\\u202e"), "{report}");
    let parsed: Value = serde_json::from_str(&report).unwrap();
    assert!(report_names(&parsed).contains(&NAME.to_owned()), "{parsed}");

    let export = stdout(&data, &["export", &id, "--format", "json"]);
    assert!(
        export.contains("Agree\\u200bd") && export.contains("Grow\\ufeff"),
        "{export}"
    );
    let back: Account = serde_json::from_str(&export).unwrap();
    assert_eq!(back.name, NAME);
    assert_eq!(back.world.goals[0].text, hostile().world.goals[0].text);

    let text = "We\u{202e} can help\u{2066} you";
    let lint = stdout(&data, &["lint", "--json", text]);
    assert!(lint.contains("We\\u202e can help\\u2066 you"), "{lint}");
    let parsed: Value = serde_json::from_str(lint.trim()).unwrap();
    assert_eq!(parsed["text"], text);
}

/// Every string in `v` under a key called `name`.
fn report_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().flat_map(report_names).collect(),
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| match (k.as_str(), v) {
                ("name", Value::String(s)) => vec![s.clone()],
                _ => report_names(v),
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn the_account_file_keeps_the_text_as_written() {
    let data = Data::new();
    data.import(&hostile());
    let file = std::fs::read_to_string(&data.account_files()[0]).unwrap();
    assert!(file.contains(NAME), "{file}");
    assert!(!file.contains("\\u202e") && !file.contains("⟨U+"), "{file}");
}

#[test]
fn a_family_emoji_is_printed_whole() {
    let data = Data::new();
    data.cli(&["new", "Team 👨\u{200d}👩\u{200d}👧 Foods"]);
    let list = data.cli(&["list"]);
    assert!(list.contains("Team 👨\u{200d}👩\u{200d}👧 Foods"), "{list}");
    let json = data.cli(&["list", "--json"]);
    assert!(json.contains("Team 👨\u{200d}👩\u{200d}👧 Foods"), "{json}");
}
