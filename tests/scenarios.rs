//! Usage scenarios checked as a rep would write them: complete ones pass, and each missing
//! part, feature list, buzzword, boast and bit of talk about us is named. Then the gaps: a
//! high-priority goal with no scenario, an offering no scenario uses.

use callbook::domain::offering::Offering;
use callbook::domain::scenario::{Scenario, ScenarioForm, check, gaps};
use callbook::domain::{Account, Item, Person, Priority};
use chrono::{DateTime, Utc};

fn now() -> DateTime<Utc> {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

fn offerings() -> Vec<Offering> {
    [
        ("temps", "Live trailer temperatures"),
        ("proof", "Audit-ready load records"),
    ]
    .iter()
    .map(|(id, name)| Offering {
        id: (*id).into(),
        name: (*name).into(),
        problem: "Loads spoil before anyone knows.".into(),
        extra: Default::default(),
    })
    .collect()
}

fn account() -> Account {
    let mut a = Account::new("Ashcombe", now());
    let mut goal = Item::new("Cut spoilage claims below 0.5% of loads", now());
    goal.priority = Priority::High;
    let mut audit = Item::new("Pass the retailer's cold-chain audit in March", now());
    audit.priority = Priority::High;
    a.world.goals = vec![goal, audit];
    a.world.threats = vec![Item::new("The insurer raises the premium at renewal", now())];
    a.people = vec![Person::new("Priya Nair", now())];
    a
}

fn scenario(a: &Account, does: &str, result: &str) -> Scenario {
    let mut s = Scenario::new(a.world.goals[0].id.clone(), now());
    s.role = "The night dispatcher".into();
    s.offering = "temps".into();
    s.does = does.into();
    s.result = result.into();
    s
}

#[test]
fn complete_scenarios_in_their_words_pass() {
    let a = account();
    for (does, result) in [
        (
            "reroute a load before it spoils",
            "spoilage claims fall from 1.2% to under 0.5% of loads",
        ),
        (
            "see a failing unit while the driver can still reach a depot",
            "fewer spoiled loads reach the customer, so claims drop by half within a year",
        ),
        (
            "call the driver when a trailer warms past 5°C",
            "claims for spoiled loads stop rising before the renewal",
        ),
    ] {
        let s = scenario(&a, does, result);
        let c = check(&s, &a, &offerings());
        assert!(c.complete(), "{does} / {result}: {}", c.summary());
    }
}

#[test]
fn each_missing_part_is_named() {
    let a = account();
    let mut s = scenario(&a, "", "");
    (s.role, s.offering) = (String::new(), String::new());
    let c = check(&s, &a, &offerings());
    assert_eq!(c.missing, ["who", "the offering", "what they do", "the result"]);
    assert!(!c.complete());
    assert!(
        c.summary().starts_with("missing who, the offering"),
        "{}",
        c.summary()
    );

    let mut gone = scenario(&a, "reroute a load", "claims fall to 0.5%");
    gone.role.clear();
    gone.person = Some(callbook::domain::ItemId::from_raw("deleted"));
    gone.offering = "retired".into();
    gone.serves = callbook::domain::ItemId::from_raw("no-goal");
    let c = check(&gone, &a, &offerings());
    assert!(c.missing.iter().any(|m| m.contains("goal it serves")), "{c:?}");
    assert!(
        c.missing.iter().any(|m| m.contains("person was deleted")),
        "{c:?}"
    );
    assert!(c.missing.iter().any(|m| m.contains("“retired” is not")), "{c:?}");
}

#[test]
fn a_person_of_theirs_counts_as_who() {
    let a = account();
    let mut s = scenario(
        &a,
        "reroute a load before it spoils",
        "claims fall to 0.5% of loads",
    );
    s.role.clear();
    s.person = Some(a.people[0].id.clone());
    assert!(check(&s, &a, &offerings()).complete());
    assert!(
        s.sentence(&a, &offerings())
            .starts_with("Priya Nair uses live trailer temperatures to reroute")
    );
}

#[test]
fn a_result_that_cant_be_measured_or_misses_the_goal_is_named() {
    let a = account();
    for (result, expected) in [
        ("they feel more in control of spoilage", "can't be measured"),
        ("spoilage is better managed", "can't be measured"),
        ("drivers finish 20 minutes earlier each shift", "says nothing of"),
        (
            "the team is happier with 3 fewer calls a night",
            "says nothing of",
        ),
    ] {
        let s = scenario(&a, "reroute a load before it spoils", result);
        let c = check(&s, &a, &offerings());
        assert!(
            c.concerns.iter().any(|x| x.contains(expected)),
            "{result}: {:?}",
            c.concerns
        );
    }
}

#[test]
fn feature_lists_buzzwords_boasts_and_talk_about_us_are_flagged() {
    let a = account();
    for (does, result, expected) in [
        (
            "dashboards, alerts, SSO and reporting",
            "spoilage claims fall to 0.5%",
            "feature list",
        ),
        (
            "leverage our AI-powered platform",
            "spoilage claims fall to 0.5%",
            "our language",
        ),
        (
            "use the industry-leading telematics",
            "spoilage claims fall to 0.5%",
            "our language",
        ),
        (
            "reroute loads as we alert them",
            "spoilage claims fall to 0.5%",
            "talks about us",
        ),
        (
            "reroute a load",
            "our customers cut spoilage claims by 30%",
            "about us",
        ),
        (
            "reroute a load",
            "a seamless experience with spoilage claims at 0.5%",
            "our language",
        ),
    ] {
        let s = scenario(&a, does, result);
        let c = check(&s, &a, &offerings());
        assert!(
            c.concerns.iter().any(|x| x.contains(expected)),
            "{does} / {result}: {:?}",
            c.concerns
        );
        assert!(!c.complete());
    }
}

#[test]
fn the_sentence_reads_from_their_side_and_marks_what_is_missing() {
    let a = account();
    let s = scenario(
        &a,
        "to reroute a load before it spoils",
        "spoilage claims fall from 1.2% to under 0.5% of loads.",
    );
    assert_eq!(
        s.sentence(&a, &offerings()),
        "The night dispatcher uses live trailer temperatures to reroute a load before it spoils, \
         so spoilage claims fall from 1.2% to under 0.5% of loads."
    );
    let blank = Scenario::new(a.world.goals[0].id.clone(), now());
    assert_eq!(blank.sentence(&a, &offerings()), "… uses … to …, so ….");
}

#[test]
fn gaps_are_high_priority_goals_without_scenarios_and_unused_offerings() {
    let mut a = account();
    let g = gaps(&a, &offerings());
    assert_eq!(
        g.goals,
        [a.world.goals[0].id.clone(), a.world.goals[1].id.clone()]
    );
    assert_eq!(g.offerings, ["temps", "proof"]);
    a.scenarios.push(scenario(&a, "reroute", "claims fall"));
    let g = gaps(&a, &offerings());
    assert_eq!(g.goals, [a.world.goals[1].id.clone()]);
    assert_eq!(g.offerings, ["proof"]);
    assert!(!g.is_empty());
}

#[test]
fn the_form_needs_what_they_do_and_keeps_the_time_when_nothing_changed() {
    let a = account();
    let mut s = scenario(&a, "reroute", "claims fall");
    let later = now() + chrono::Duration::days(1);
    let blank = ScenarioForm::default();
    assert!(blank.apply(&mut s, later).is_err());
    assert_eq!(s.does, "reroute");
    ScenarioForm::from(&s).apply(&mut s, later).unwrap();
    assert_eq!(s.updated, now());
    let form = ScenarioForm {
        does: "  reroute a load before it spoils ".into(),
        ..ScenarioForm::from(&s)
    };
    form.apply(&mut s, later).unwrap();
    assert_eq!(
        (s.does.as_str(), s.updated),
        ("reroute a load before it spoils", later)
    );
}
