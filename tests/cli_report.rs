//! `callbook report` with the real binary over a folder of mixed accounts: two scored alike
//! (ordered by name), the sample, two with nothing to judge (last), and a damaged file
//! (listed apart). Plain, `--json` and `--md`, the same order every time, nothing written.

use callbook::domain::scorecard::RUBRIC;
use callbook::domain::{Account, Item, sample};
use serde_json::Value;
use std::fs;

mod common;

use common::Data;

/// An account with one goal only: three checks fail, the world is fresh, so 25.
fn one_goal(name: &str) -> Account {
    let now = callbook::domain::now();
    let mut a = Account::new(name, now);
    a.world.goals.push(Item::new("Open a depot in Sioux Falls", now));
    a
}

/// The mixed folder: "Beta | Co" and "Alpha" (25 each), the sample, "Zebra" and
/// "aardvark" (empty: nothing tested), and `broken-abc123.json`, which does not parse.
fn mixed() -> Data {
    let data = Data::new();
    data.cli(&["new", "Zebra"]);
    data.import(&one_goal("Beta | Co"));
    data.cli(&["sample"]);
    data.cli(&["new", "aardvark"]);
    data.import(&one_goal("Alpha"));
    fs::write(data.root().join("accounts/broken-abc123.json"), "{bad").unwrap();
    data
}

/// The names in report order, as the account column of the plain table has them.
const ORDER: [&str; 5] = ["Alpha", "Beta | Co", sample::NAME, "aardvark", "Zebra"];

#[test]
fn plain_goes_worst_first_untested_last_and_lists_the_damaged_apart() {
    let data = mixed();
    let before = data.snapshot();
    let plain = data.cli(&["report"]);
    let lines: Vec<&str> = plain.lines().collect();
    assert!(
        lines[0].starts_with("ACCOUNT") && lines[0].contains("SCORE  BAND"),
        "{plain}"
    );
    for (line, name) in lines[1..].iter().zip(ORDER) {
        assert!(line.starts_with(name), "{name} out of place:\n{plain}");
    }
    let cells = |n: usize| lines[n].split_whitespace().collect::<Vec<_>>();
    assert_eq!(
        cells(1)[1..5],
        ["25", "below", "unknown", "FFF------P--"],
        "{plain}"
    );
    assert_eq!(
        cells(4)[1..5],
        ["-", "untested", "unknown", "------------"],
        "{plain}"
    );
    let sample_cells = cells(3);
    assert!(
        sample_cells.contains(&"13") && sample_cells.contains(&"understanding"),
        "{plain}"
    );
    assert!(
        plain.contains("CHECKS, in order: 1 world-covered, 2 why-change,"),
        "{plain}"
    );
    let damaged = lines
        .iter()
        .position(|l| l.starts_with("DAMAGED  broken-abc123  "));
    let legend = lines.iter().position(|l| l.starts_with("CHECKS"));
    assert!(damaged > legend, "damaged files come after the table:\n{plain}");
    assert!(plain.contains("line 1, column 2"), "{plain}");
    assert_eq!(data.cli(&["report"]), plain, "the same order every time");
    data.cli(&["report", "--json"]);
    data.cli(&["report", "--md"]);
    assert_eq!(data.snapshot(), before, "report writes nothing, caches included");
}

#[test]
fn json_has_one_entry_per_account_with_check_ids_as_keys_then_the_damaged() {
    let data = mixed();
    let text = data.cli(&["report", "--json"]);
    let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(entries.len(), 6, "{text}");
    let names: Vec<&str> = entries[..5].iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ORDER);
    let keys = [
        "band",
        "checks",
        "comments_open",
        "disqualified",
        "fit",
        "id",
        "name",
        "next_call",
        "questions",
        "score",
        "stage",
        "turns_due",
        "updated",
    ];
    for e in &entries[..5] {
        let got: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(got, keys, "{e}");
        let checks: Vec<&str> = e["checks"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut ids: Vec<&str> = RUBRIC.iter().map(|r| r.0).collect();
        ids.sort_unstable();
        assert_eq!(checks, ids);
    }
    let (alpha, ashcombe, zebra) = (&entries[0], &entries[2], &entries[4]);
    assert_eq!(
        (alpha["score"].as_u64(), alpha["band"].as_str()),
        (Some(25), Some("below"))
    );
    assert_eq!(alpha["checks"]["world-covered"], "fail");
    assert_eq!(alpha["checks"]["fresh"], "pass");
    assert_eq!(alpha["checks"]["objective"], "not-tested");
    assert_eq!(
        (zebra["score"].clone(), zebra["band"].as_str()),
        (Value::Null, Some("untested"))
    );
    assert_eq!(
        (ashcombe["questions"].as_u64(), ashcombe["stage"].as_str()),
        (Some(13), Some("understanding"))
    );
    let now = callbook::domain::now();
    let due = sample::account(now)
        .turns
        .iter()
        .filter(|t| t.due() <= now)
        .count();
    assert_eq!(
        ashcombe["turns_due"], due,
        "the sample's turns were never rehearsed"
    );
    assert!(
        ashcombe["next_call"].as_str().unwrap().ends_with(":00Z"),
        "{ashcombe}"
    );
    assert!(ashcombe["score"].as_u64().unwrap() > 25, "{ashcombe}");
    let broken = &entries[5];
    assert_eq!(
        (broken["damaged"].as_bool(), broken["line"].as_u64()),
        (Some(true), Some(1))
    );
    assert!(
        broken["file"].as_str().unwrap().ends_with("broken-abc123.json"),
        "{broken}"
    );
    // The checks come in rubric order in the text itself.
    let at: Vec<usize> = RUBRIC
        .iter()
        .map(|r| text.find(&format!("\"{}\":", r.0)).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn md_is_a_table_with_marks_a_legend_and_the_damaged_apart() {
    let data = mixed();
    let md = data.cli(&["report", "--md"]);
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines[0].starts_with("| Account | Score | Band | Fit | 1 | 2 | 3 |"),
        "{md}"
    );
    let columns = lines[0].matches(" | ").count();
    assert_eq!(lines[1].matches(" | ").count(), columns, "{md}");
    assert!(
        lines[2].starts_with("| Alpha | 25 | below | unknown | ✗ | ✗ | ✗ | · |"),
        "{md}"
    );
    assert!(
        lines[3].starts_with("| Beta \\| Co | 25 |"),
        "a pipe in a name is escaped: {md}"
    );
    for row in &lines[2..7] {
        assert_eq!(row.matches(" | ").count(), columns, "{row}");
    }
    for (n, (id, title, _)) in RUBRIC.iter().enumerate() {
        assert!(md.contains(&format!("{}. {title} (`{id}`)", n + 1)), "{md}");
    }
    assert!(
        md.contains("\n**Damaged files**, not scored:\n\n- broken-abc123: "),
        "{md}"
    );
}

#[test]
fn an_empty_folder_says_so_and_json_is_an_empty_array() {
    let data = Data::new();
    assert!(data.cli(&["report"]).starts_with("No accounts yet in "));
    assert_eq!(data.cli(&["report", "--json"]).trim(), "[]");
    let both = data.run(&["report", "--json", "--md"]);
    assert!(!both.status.success(), "--json and --md are one or the other");
}

#[test]
fn hostile_names_reach_no_terminal() {
    let data = Data::new();
    data.import(&one_goal("Evil\u{1b}[2J\u{9b}31m Corp"));
    for args in [&["report"][..], &["report", "--md"], &["report", "--json"]] {
        let out = data.cli(args);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {out:?}"
        );
    }
}

/// The mixed folder with one more account, "Bolt Dairy", answered outside the sweet spot
/// and disqualified.
fn with_disqualified() -> Data {
    let data = mixed();
    let at = "2026-11-02T09:00:00Z".parse().unwrap();
    let mut bolt = one_goal("Bolt Dairy");
    bolt.fit
        .set("own-fleet", callbook::domain::sweet_spot::Answer::No, "", at);
    bolt.fit.disqualify("Owns no trucks | leases them", at).unwrap();
    data.import(&bolt);
    let criteria = r#"{"schema": 1, "criteria": [{"id": "own-fleet", "question": "Own fleet?"}]}"#;
    fs::write(data.root().join("sweet-spot.json"), criteria).unwrap();
    data
}

#[test]
fn a_disqualified_account_is_not_ranked_but_listed_apart() {
    let data = with_disqualified();
    let plain = data.cli(&["report"]);
    let lines: Vec<&str> = plain.lines().collect();
    for (line, name) in lines[1..].iter().zip(ORDER) {
        assert!(line.starts_with(name), "{name} out of place:\n{plain}");
    }
    let apart = "Disqualified: Bolt Dairy, Owns no trucks | leases them, 2026-11-02 09:00 UTC";
    let at = lines.iter().position(|l| *l == apart).expect(&plain);
    let legend = lines.iter().position(|l| l.starts_with("CHECKS")).unwrap();
    let damaged = lines.iter().position(|l| l.starts_with("DAMAGED")).unwrap();
    assert!(legend < at && at < damaged, "{plain}");
    assert_eq!(plain.matches("Bolt Dairy").count(), 1, "{plain}");

    let md = data.cli(&["report", "--md"]);
    assert!(
        md.contains("**Disqualified**, not ranked:\n\n- Bolt Dairy: Owns no trucks \\| leases them (2026-11-02 09:00 UTC)\n"),
        "{md}"
    );
    assert!(!md.contains("| Bolt Dairy |"), "{md}");

    let entries: Vec<Value> = serde_json::from_str(&data.cli(&["report", "--json"])).unwrap();
    let names: Vec<&str> = entries[..6].iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names[..5], ORDER, "the ranked accounts first");
    let bolt = &entries[5];
    assert_eq!(bolt["name"], "Bolt Dairy");
    assert_eq!(bolt["fit"], "outside");
    assert_eq!(bolt["disqualified"]["why"], "Owns no trucks | leases them");
    assert_eq!(bolt["disqualified"]["when"], "2026-11-02T09:00:00Z");
    assert!(entries[..5].iter().all(|e| e["disqualified"].is_null()));
    assert_eq!(entries[6]["damaged"], true);
}
