//! `callbook offerings` as the real binary (issue 13, "What we offer"): the team's offerings
//! listed with what the linter finds in each description, printed as JSON, imported from a
//! file; a bad file changes nothing.

mod common;

use common::Data;

const GOOD: &str = r#"{
  "schema": 1,
  "offerings": [
    {"id": "live-temps", "name": "Live trailer temperatures",
     "problem": "Loads spoil before anyone knows a refrigeration unit has failed."},
    {"id": "suite", "name": "Fleet suite",
     "problem": "Dashboards, alerts, SSO, reporting and an API"},
    {"id": "ai", "name": "Smart routing",
     "problem": "Our AI-powered, industry-leading routing engine"}
  ]
}"#;

fn file(data: &Data, name: &str, text: &str) -> String {
    let path = data.root().parent().unwrap().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn offerings_are_imported_listed_with_their_concerns_and_printed_as_json() {
    let data = Data::new();
    assert!(data.cli(&["offerings"]).starts_with("No offerings yet"));
    let good = file(&data, "good.json", GOOD);
    assert_eq!(
        data.cli(&["offerings", "--import", &good]).trim(),
        "3 added, 0 skipped (a name already there)"
    );
    let listed = data.cli(&["offerings"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert!(
        lines[0].starts_with("Live trailer temperatures: Loads spoil"),
        "{listed}"
    );
    assert!(
        !lines[1].starts_with("  !"),
        "a problem in their terms has no concern: {listed}"
    );
    let suite = lines.iter().position(|l| l.starts_with("Fleet suite")).unwrap();
    assert!(lines[suite + 1].contains("feature list"), "{listed}");
    let ai = lines.iter().position(|l| l.starts_with("Smart routing")).unwrap();
    assert!(
        lines[ai + 1].contains("our language") && lines[ai + 1].contains("buzzword"),
        "{listed}"
    );

    let json: serde_json::Value = serde_json::from_str(&data.cli(&["offerings", "--json"])).unwrap();
    assert_eq!(json["offerings"].as_array().unwrap().len(), 3);
    assert_eq!(json["offerings"][0]["name"], "Live trailer temperatures");

    // The same file again: every name is taken, nothing is added twice.
    assert!(
        data.cli(&["offerings", "--import", &good])
            .starts_with("0 added, 3 skipped")
    );
}

#[test]
fn a_bad_offerings_file_changes_nothing() {
    let data = Data::new();
    let good = file(&data, "good.json", GOOD);
    data.cli(&["offerings", "--import", &good]);
    let before = data.snapshot();
    for (name, text, says) in [
        ("cut.json", r#"{"schema": 1, "offerings": ["#, "line 1"),
        (
            "newer.json",
            r#"{"schema": 99, "offerings": []}"#,
            "newer callbook",
        ),
        (
            "noname.json",
            r#"{"schema": 1, "offerings": [{"id": "x", "name": " "}]}"#,
            "no name",
        ),
        ("array.json", "[]", "not a callbook offerings file"),
    ] {
        let path = file(&data, name, text);
        let err = data.fail(&["offerings", "--import", &path]);
        assert!(err.contains(says), "{name}: {err}");
        assert_eq!(data.snapshot(), before, "{name}: nothing written");
    }
}
