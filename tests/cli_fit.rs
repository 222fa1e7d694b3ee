//! `callbook fit` and the verdict in `list` as the real binary (issue 13, "The sweet spot"):
//! the criteria with an account's answers and evidence, the verdict, the disqualification;
//! no criteria says where to add them; a damaged sweet-spot.json is an error naming the
//! file and line, with nothing written.

mod common;

use callbook::domain::Account;
use callbook::domain::sweet_spot::Answer;
use common::Data;

const CRITERIA: &str = r#"{
  "schema": 1,
  "criteria": [
    {"id": "own-fleet", "question": "Do they run their own refrigerated fleet?"},
    {"id": "big-fleet", "question": "Do they run more than 200 vehicles?"}
  ]
}
"#;

fn at() -> chrono::DateTime<chrono::Utc> {
    "2026-11-02T09:00:00Z".parse().unwrap()
}

/// Three accounts: inside, outside and disqualified, unknown.
fn folder() -> Data {
    let data = Data::new();
    let mut inside = Account::new("Ashcombe Cold Freight", at());
    inside
        .fit
        .set("own-fleet", Answer::Yes, "410 reefer trailers of their own", at());
    inside.fit.set("big-fleet", Answer::Yes, "240 tractors", at());
    let mut outside = Account::new("Bolt Dairy", at());
    outside
        .fit
        .set("own-fleet", Answer::No, "Subcontracts every load", at());
    outside
        .fit
        .disqualify("Owns no trucks: nobody to use what we offer", at())
        .unwrap();
    let mut unknown = Account::new("Corran Foods", at());
    unknown.fit.set("own-fleet", Answer::Yes, "", at());
    for a in [inside, outside, unknown] {
        data.import(&a);
    }
    std::fs::write(data.root().join("sweet-spot.json"), CRITERIA).unwrap();
    data
}

#[test]
fn fit_shows_each_answer_with_its_evidence_and_the_verdict() {
    let data = folder();
    let out = data.cli(&["fit", "ashcombe"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Ashcombe Cold Freight ("), "{out}");
    assert_eq!(lines[1], "yes      Do they run their own refrigerated fleet?");
    assert_eq!(lines[2], "         evidence: 410 reefer trailers of their own");
    assert_eq!(lines[3], "yes      Do they run more than 200 vehicles?");
    assert_eq!(lines.last(), Some(&"Verdict: Inside the sweet spot"), "{out}");

    let out = data.cli(&["fit", "corran"]);
    assert!(
        out.contains("unknown  Do they run more than 200 vehicles?"),
        "{out}"
    );
    assert!(
        out.ends_with("Verdict: Unknown: 1 criterion not answered\n"),
        "{out}"
    );

    let out = data.cli(&["fit", "Bolt"]);
    assert!(
        out.contains("no       Do they run their own refrigerated fleet?"),
        "{out}"
    );
    assert!(
        out.contains("Verdict: Outside the sweet spot: no to “Do they run their own refrigerated fleet?”"),
        "{out}"
    );
    assert!(
        out.ends_with("Disqualified: Owns no trucks: nobody to use what we offer (2026-11-02 09:00 UTC)\n"),
        "{out}"
    );
}

#[test]
fn fit_json_carries_the_answers_the_verdict_and_the_disqualification() {
    let data = folder();
    let json: serde_json::Value = serde_json::from_str(&data.cli(&["fit", "bolt", "--json"])).unwrap();
    assert_eq!(json["name"], "Bolt Dairy");
    assert_eq!(json["fit"], "outside");
    assert_eq!(json["criteria"][0]["id"], "own-fleet");
    assert_eq!(json["criteria"][0]["answer"], "no");
    assert_eq!(json["criteria"][0]["evidence"], "Subcontracts every load");
    assert_eq!(json["criteria"][1]["answer"], "unknown");
    assert_eq!(
        json["disqualified"]["why"],
        "Owns no trucks: nobody to use what we offer"
    );
    assert_eq!(json["disqualified"]["when"], "2026-11-02T09:00:00Z");
    let json: serde_json::Value = serde_json::from_str(&data.cli(&["fit", "ashcombe", "--json"])).unwrap();
    assert_eq!(json["fit"], "inside");
    assert!(json["disqualified"].is_null());
}

#[test]
fn with_no_criteria_fit_says_where_to_write_them() {
    let data = Data::new();
    data.import(&Account::new("Ashcombe Cold Freight", at()));
    let out = data.cli(&["fit", "ash"]);
    let path = data.root().join("sweet-spot.json");
    assert!(out.contains("No sweet-spot criteria yet"), "{out}");
    assert!(out.contains(path.to_str().unwrap()), "{out}");
    assert!(
        out.ends_with("Verdict: Unknown: the team has no sweet-spot criteria yet\n"),
        "{out}"
    );
    assert!(!path.exists(), "reading wrote nothing");
}

#[test]
fn a_damaged_criteria_file_is_named_with_its_line_and_left_alone() {
    let data = folder();
    let path = data.root().join("sweet-spot.json");
    let damaged = "{\n  \"schema\": 1,\n  \"criteria\": [\n    {\"id\": \"own-fleet\",\n";
    std::fs::write(&path, damaged).unwrap();
    let before = data.snapshot();
    for args in [
        &["fit", "ashcombe"][..],
        &["fit", "ashcombe", "--json"],
        &["list"],
        &["list", "--json"],
    ] {
        let err = data.fail(args);
        assert!(err.contains(path.to_str().unwrap()), "{args:?}: {err}");
        assert!(err.contains("line 5"), "{args:?}: {err}");
    }
    assert_eq!(data.snapshot(), before, "nothing written, caches included");
}

#[test]
fn an_unknown_account_is_an_error() {
    let data = folder();
    let err = data.fail(&["fit", "Nobody"]);
    assert!(err.contains("Nobody"), "{err}");
}

#[test]
fn list_shows_the_verdict_and_who_is_disqualified() {
    let data = folder();
    let out = data.cli(&["list"]);
    let line = |name: &str| out.lines().find(|l| l.starts_with(name)).unwrap().to_owned();
    assert!(line("Ashcombe").ends_with("fit inside"), "{out}");
    assert!(line("Bolt Dairy").ends_with("fit outside, disqualified"), "{out}");
    assert!(line("Corran").ends_with("fit unknown"), "{out}");

    let json = data.list_json();
    let by = |name: &str| json.iter().find(|e| e["name"] == name).unwrap().clone();
    assert_eq!(by("Ashcombe Cold Freight")["fit"], "inside");
    assert!(by("Ashcombe Cold Freight")["disqualified"].is_null());
    assert_eq!(by("Corran Foods")["fit"], "unknown");
    let bolt = by("Bolt Dairy");
    assert_eq!(bolt["fit"], "outside");
    assert_eq!(
        bolt["disqualified"]["why"],
        "Owns no trucks: nobody to use what we offer"
    );
    assert_eq!(bolt["disqualified"]["when"], "2026-11-02T09:00:00Z");

    // The criteria change and the accounts don't: the verdict follows the criteria.
    let fewer = r#"{"schema": 1, "criteria": [{"id": "big-fleet", "question": "More than 200 vehicles?"}]}"#;
    std::fs::write(data.root().join("sweet-spot.json"), fewer).unwrap();
    let json = data.list_json();
    let corran = json.iter().find(|e| e["name"] == "Corran Foods").unwrap();
    assert_eq!(corran["fit"], "unknown");
    let bolt = json.iter().find(|e| e["name"] == "Bolt Dairy").unwrap();
    assert_eq!(
        bolt["fit"], "unknown",
        "its no was to a criterion no longer asked"
    );
}

#[test]
fn hidden_characters_in_criteria_answers_and_reasons_reach_no_terminal() {
    let data = Data::new();
    let mut a = Account::new("Bolt\u{202e} Dairy", at());
    a.fit
        .set("own-fleet", Answer::No, "Leases\u{200b} trucks\x1b[2J", at());
    a.fit.disqualify("No fleet\u{2066} at all", at()).unwrap();
    data.import(&a);
    let criteria =
        "{\"schema\": 1, \"criteria\": [{\"id\": \"own-fleet\", \"question\": \"Own\\u202e fleet?\"}]}";
    std::fs::write(data.root().join("sweet-spot.json"), criteria).unwrap();
    let raw = ['\u{202e}', '\u{200b}', '\u{2066}', '\x1b'];
    for args in [
        &["fit", "bolt"][..],
        &["fit", "bolt", "--json"],
        &["list"],
        &["list", "--json"],
        &["report"],
        &["report", "--md"],
        &["report", "--json"],
        &["export", "bolt"],
    ] {
        let out = data.cli(args);
        assert!(!out.contains(raw), "{args:?}: {out:?}");
    }
    let plain = data.cli(&["fit", "bolt"]);
    assert!(plain.contains("Own⟨U+202E⟩ fleet?"), "{plain}");
    assert!(plain.contains("Leases⟨U+200B⟩ trucks"), "{plain}");
    assert!(plain.contains("No fleet⟨U+2066⟩ at all"), "{plain}");
    let json: serde_json::Value = serde_json::from_str(&data.cli(&["fit", "bolt", "--json"])).unwrap();
    assert_eq!(json["criteria"][0]["evidence"], "Leases\u{200b} trucks\x1b[2J");
    assert_eq!(json["disqualified"]["why"], "No fleet\u{2066} at all");
}
