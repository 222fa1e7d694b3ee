//! The call's side of the CLI contract, checked with the real binary against a temporary
//! data folder: `sheet NAME` (plain, at most 80 columns; `--md`), what `list` says of each
//! journey (stage, stalled and why, the next call), and `export` holding the journey, the
//! tasks, the call sheet and the calls with their debriefs.

use callbook::domain::call::Call;
use callbook::domain::journey::{Task, TaskStatus};
use callbook::domain::progress::next_call;
use callbook::domain::{Account, Person, Role, sample};
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

mod common;

use common::Data;

fn now() -> DateTime<Utc> {
    callbook::domain::now()
}

#[test]
fn the_sample_sheet_fits_80_columns_and_names_the_plan_and_its_people() {
    let data = Data::new();
    let id = data.cli(&["sample"]).trim().to_owned();
    let out = data.cli(&["sheet", "ashcombe"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() <= 22, "{} lines:\n{out}", lines.len());
    for l in &lines {
        assert!(l.width() <= 80, "{} cells: {l}", l.width());
        assert!(!l.chars().any(char::is_control), "{l:?}");
    }
    let expected = sample::account(now());
    let call = next_call(&expected, now()).unwrap();
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&call.objective), "objective missing:\n{out}");
    for who in &call.attendees {
        let p = expected.people.iter().find(|p| &p.id == who).unwrap();
        assert!(flat.contains(&p.name), "{} missing:\n{out}", p.name);
    }
    assert!(
        out.contains("(economic buyer)") && out.contains("(decision maker)"),
        "{out}"
    );
    let day = (now() + Duration::days(2))
        .format("%-d %b %Y, 14:00 UTC")
        .to_string();
    assert!(lines[0].contains(&day), "{day}:\n{out}");
    assert_eq!(data.cli(&["sheet", &id]), out, "by id as by name");
}

#[test]
fn the_markdown_sheet_holds_the_whole_plan() {
    let data = Data::new();
    data.cli(&["sample"]);
    let md = data.cli(&["sheet", "Ashcombe Cold Freight", "--md"]);
    let expected = sample::account(now());
    let call = next_call(&expected, now()).unwrap();
    assert!(md.starts_with("# Call sheet: Ashcombe Cold Freight\n"), "{md}");
    for part in [
        &call.objective,
        &call.best,
        &call.minimum,
        &call.agreement.purpose,
    ] {
        assert!(md.contains(part.as_str()), "{part} missing:\n{md}");
    }
    for q in &call.agenda {
        let text = &expected
            .questions
            .iter()
            .find(|x| x.id == q.question)
            .unwrap()
            .text;
        assert!(
            md.contains(&format!("{text} ({} min)", q.minutes)),
            "{text}:\n{md}"
        );
    }
    assert!(md.contains("\n## Likely turns\n") && md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn no_planned_call_is_a_clear_error_that_writes_nothing() {
    let data = Data::new();
    let id = data.cli(&["new", "Acme"]).trim().to_owned();
    let before = data.snapshot();
    let err = data.fail(&["sheet", "acme"]);
    assert!(err.contains("no planned call") && err.contains(&id), "{err}");
    let err = data.fail(&["sheet", "acme", "--md"]);
    assert!(err.contains("no planned call"), "{err}");
    // A call that was held is not a plan for the next one.
    let mut held = Account::new("Held Co", now());
    let mut call = Call::new(now() + Duration::days(1), now());
    call.debrief = Some(callbook::domain::call::Debrief {
        extra: Default::default(),
        written: now(),
        ..Default::default()
    });
    held.calls.push(call);
    data.import(&held);
    let before_held = data.snapshot();
    assert!(data.fail(&["sheet", "held"]).contains("no planned call"));
    assert_eq!(data.snapshot(), before_held);
    assert!(before.len() < before_held.len());
    let err = data.fail(&["sheet", "Nobody"]);
    assert!(err.contains("Nobody"), "{err}");
}

#[test]
fn the_sheet_never_prints_control_sequences() {
    let data = Data::new();
    let mut a = Account::new("Evil\x1b[2J Co", now());
    let mut call = Call::new(now() + Duration::hours(3), now());
    call.objective = "Dana \x1b]0;pwned\x07agrees the cost".into();
    a.calls.push(call);
    data.import(&a);
    for args in [&["sheet", "evil"][..], &["sheet", "evil", "--md"]] {
        let out = data.cli(args);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("agrees the cost"), "{out}");
    }
}

/// An account whose journey stopped 45 days ago, with one task past due.
fn stalled_account() -> Account {
    let mut a = Account::new("Stuck Ltd", now());
    let mut dana = Person::new("Dana", now());
    dana.role = Role::EconomicBuyer;
    a.journey.changed = Some(now() - Duration::days(45));
    let mut late = Task::new("Build the case for the board", now());
    late.due = Some(now().date_naive() - Duration::days(3));
    late.owner = Some(dana.id.clone());
    let mut done = Task::new("Long done", now());
    (done.due, done.status) = (late.due, TaskStatus::Done);
    a.people.push(dana);
    a.tasks = vec![late, done];
    a
}

#[test]
fn list_carries_the_stage_whether_the_journey_is_stalled_and_the_next_call() {
    let data = Data::new();
    data.cli(&["sample"]);
    data.cli(&["new", "Acme"]);
    data.import(&stalled_account());
    let list = data.list_json();
    let by_name = |name: &str| list.iter().find(|e| e["name"] == name).unwrap().clone();
    let ash = by_name(sample::NAME);
    assert_eq!(
        (&ash["stage"], &ash["stalled"]),
        (&Value::from("understanding"), &Value::from(false))
    );
    assert!(ash["stalled_reason"].is_null());
    let next: DateTime<Utc> = ash["next_call"].as_str().unwrap().parse().unwrap();
    assert!(next > now() && next < now() + Duration::days(3), "{next}");
    let acme = by_name("Acme");
    assert!(acme["stage"].is_null() && acme["next_call"].is_null(), "{acme}");
    assert_eq!(acme["stalled"], false);
    let stuck = by_name("Stuck Ltd");
    assert_eq!(stuck["stalled"], true, "{stuck}");
    assert_eq!(
        stuck["stalled_reason"],
        "No stage change for 45 days; 1 task overdue"
    );
    assert_eq!(stuck["stage"], "recognising");
    let plain = data.cli(&["list"]);
    let line = |name: &str| plain.lines().find(|l| l.starts_with(name)).unwrap().to_owned();
    assert!(
        line("Stuck Ltd").ends_with("STALLED: No stage change for 45 days; 1 task overdue"),
        "{plain}"
    );
    assert!(
        !line(sample::NAME).contains("STALLED") && !line("Acme").contains("STALLED"),
        "{plain}"
    );
}

#[test]
fn export_holds_the_journey_the_tasks_the_sheet_and_the_calls() {
    let data = Data::new();
    data.cli(&["sample"]);
    let md = data.cli(&["export", "ashcombe"]);
    for part in [
        "\n## Journey\n",
        "- **Evidence:** Threats: Rejected loads",
        "\n## Their tasks\n",
        "- **What we bring:** ",
        "\n## Call sheet: Ashcombe Cold Freight\n",
        "\n## Calls\n",
        ": held\n",
        ": planned\n",
        "#### Debrief",
        "- **Against the objective:** reached the best outcome",
    ] {
        assert!(md.contains(part), "{part:?} missing");
    }
    let json: Value = serde_json::from_str(&data.cli(&["export", "ashcombe", "--format", "json"])).unwrap();
    assert_eq!(json["journey"]["stage"], "understanding");
    assert_eq!(json["tasks"].as_array().unwrap().len(), 4);
    assert_eq!(json["calls"].as_array().unwrap().len(), 2);
    assert_eq!(json["calls"][0]["debrief"]["outcome"], "best");
}

#[test]
fn the_samples_scenario_on_the_sheet_is_a_talking_point_naming_the_offering() {
    let data = Data::new();
    data.cli(&["sample"]);
    let plain = data.cli(&["sheet", callbook::domain::sample::NAME]);
    assert!(
        plain.contains("Using us   Kevin Oduya (Night Dispatch Lead) uses backhaul matching to fill\n"),
        "{plain}"
    );
    assert!(plain.lines().all(|l| l.chars().count() <= 80), "{plain}");
    let md = data.cli(&["sheet", callbook::domain::sample::NAME, "--md"]);
    assert!(
        md.contains("## How they'd use us\n\n- Kevin Oduya (Night Dispatch Lead) uses backhaul matching to fill trucks heading home, so empty miles fall from 17% to under 12%.\n"),
        "{md}"
    );
}
