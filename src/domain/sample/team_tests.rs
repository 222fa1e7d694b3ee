//! The sample's team files and what the sample does with them: offerings described by the
//! customer's problem, criteria the sample answers yes with evidence, and complete usage
//! scenarios for every high-priority goal, one on the call sheet and one a prepared response.

use super::*;
use crate::domain::Priority;
use crate::domain::offering::concerns;
use crate::domain::scenario::{check, gaps};
use crate::domain::scorecard::{Verdict, scorecard};
use crate::domain::sweet_spot::{Standing, criteria_warnings, standing};
use crate::domain::team::Team;

fn team() -> Team {
    Team {
        offerings: offerings(),
        sweet_spot: sweet_spot(),
    }
}

fn now() -> DateTime<Utc> {
    "2026-12-01T08:30:00Z".parse().unwrap()
}

/// Pretty JSON with a final newline, as the store writes team files.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

#[test]
fn the_team_files_are_canonical_and_small() {
    assert_eq!(pretty(&offerings()), OFFERINGS);
    assert_eq!(pretty(&sweet_spot()), SWEET_SPOT);
    assert!((4..=5).contains(&offerings().offerings.len()));
    assert_eq!(sweet_spot().criteria.len(), 4);
    assert!(criteria_warnings(&sweet_spot()).is_empty());
}

#[test]
fn every_offering_is_described_by_a_problem_with_no_concern() {
    for o in offerings().offerings {
        assert_eq!(concerns(&o), Vec::<String>::new(), "{}: {}", o.id, o.problem);
    }
}

#[test]
fn the_sample_answers_every_criterion_yes_with_evidence() {
    let a = account(now());
    let criteria = sweet_spot().criteria;
    assert_eq!(standing(&criteria, &a.fit), Standing::Inside);
    for c in &criteria {
        let e = a.fit.entry(&c.id).expect("answered");
        assert!(!e.evidence.trim().is_empty(), "{}", c.id);
    }
    assert!(!a.fit.is_disqualified());
}

#[test]
fn every_scenario_is_complete_and_every_high_priority_goal_has_one() {
    let a = account(now());
    let offerings = offerings().offerings;
    for s in &a.scenarios {
        let c = check(s, &a, &offerings);
        assert!(c.complete(), "{}: {}", s.id, c.summary());
    }
    for g in a.world.goals.iter().filter(|g| g.priority == Priority::High) {
        assert!(a.scenarios.iter().any(|s| s.serves == g.id), "{}", g.text);
    }
    assert!(gaps(&a, &offerings).is_empty(), "{:?}", gaps(&a, &offerings));
}

#[test]
fn one_scenario_is_on_the_sheet_and_one_is_a_turns_prepared_response() {
    let a = account(now());
    let offerings = offerings().offerings;
    assert_eq!(a.scenarios.iter().filter(|s| s.on_sheet).count(), 1);
    let answering: Vec<_> = a.scenarios.iter().filter(|s| s.turn.is_some()).collect();
    assert_eq!(answering.len(), 1);
    let s = answering[0];
    let turn = a
        .turns
        .iter()
        .find(|t| Some(&t.id) == s.turn.as_ref())
        .expect("the turn is there");
    assert_eq!(turn.response, s.sentence(&a, &offerings));
}

#[test]
fn the_sample_passes_the_sweet_spot_and_scenario_checks_with_its_team() {
    let card = scorecard(&account(now()), &team(), now());
    for id in ["sweet-spot", "scenarios"] {
        let c = card.checks.iter().find(|c| c.id == id).unwrap();
        assert_eq!(c.verdict, Verdict::Pass, "{id}: {}", c.why);
    }
}
