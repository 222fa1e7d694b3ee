//! The sample's call side: its question plan, the journey, the customer's tasks and the
//! two calls, each checked against the rules the app applies to a rep's own account.

use super::*;
use crate::domain::call::Outcome;
use crate::domain::lint::{Kind, lint};
use crate::domain::plan::Status;
use crate::domain::progress::{call_warnings, next_call, objective_problem, stalled, task_warnings};
use crate::domain::{ItemId, Pane, Role};
use std::collections::HashSet;

fn now() -> DateTime<Utc> {
    "2026-12-01T08:30:00Z".parse().unwrap()
}

/// The ids of every world item and person.
fn world_ids(a: &Account) -> HashSet<ItemId> {
    let items = Pane::ALL.into_iter().filter_map(|p| a.items(p)).flatten();
    items
        .map(|it| it.id.clone())
        .chain(a.people.iter().map(|p| p.id.clone()))
        .collect()
}

#[test]
fn the_question_plan_has_eleven_to_fourteen_linked_customer_questions() {
    let a = account(now());
    let world = world_ids(&a);
    assert!((11..=14).contains(&a.questions.len()), "{}", a.questions.len());
    for q in &a.questions {
        assert!(
            !q.links.is_empty() && q.links.iter().all(|l| world.contains(l)),
            "{}",
            q.id
        );
        let l = lint(&q.text, None);
        assert_eq!(
            (l.kind, l.flags.len()),
            (Kind::Question, 0),
            "{}: {:?}",
            q.text,
            l.flags
        );
        assert_eq!(q.status == Status::Answered, !q.answer.is_empty(), "{}", q.id);
    }
    assert!(a.questions.iter().any(|q| q.status == Status::Planned));
}

#[test]
fn the_journey_has_evidence_and_the_tasks_are_theirs() {
    let a = account(now());
    assert!(!a.journey.is_guess());
    let evidence = a.journey.evidence.as_ref().unwrap();
    assert!(world_ids(&a).contains(evidence) && !a.journey.quote.is_empty());
    assert!((3..=4).contains(&a.tasks.len()));
    let people: HashSet<&ItemId> = a.people.iter().map(|p| &p.id).collect();
    for t in &a.tasks {
        assert!(t.owner.as_ref().is_some_and(|o| people.contains(o)), "{}", t.id);
        assert!(
            !t.status.is_open() || !t.we_bring.is_empty(),
            "{}: what we bring",
            t.id
        );
        assert!(!t.is_overdue(now().date_naive()), "{}", t.id);
    }
    assert_eq!(task_warnings(&a), Vec::<String>::new());
    assert_eq!(stalled(&a, now().date_naive()), None);
}

#[test]
fn one_call_was_held_and_debriefed_and_one_is_fully_planned() {
    let a = account(now());
    let held: Vec<_> = a.calls.iter().filter(|c| c.is_held()).collect();
    assert_eq!((held.len(), a.calls.len()), (1, 2));
    let d = held[0].debrief.as_ref().unwrap();
    assert_ne!(d.outcome, Outcome::Unjudged);
    assert!(a.tasks.iter().any(|t| Some(&t.id) == d.task.as_ref()));
    let asked: HashSet<&ItemId> = d.asked.iter().collect();
    assert!(!asked.is_empty());
    assert!(asked.iter().all(|id| {
        a.questions
            .iter()
            .any(|q| &q.id == *id && q.status != Status::Planned)
    }));
    let next = next_call(&a, now()).expect("a planned call");
    assert!(!next.is_held() && next.when > now());
    assert_eq!(objective_problem(&next.objective), None, "{}", next.objective);
    assert_eq!(call_warnings(&a, next), Vec::<String>::new());
    let roles: Vec<Role> = next
        .attendees
        .iter()
        .filter_map(|id| a.people.iter().find(|p| &p.id == id).map(|p| p.role))
        .collect();
    assert!(roles.contains(&Role::EconomicBuyer) && roles.len() == next.attendees.len());
    let g = &next.agreement;
    assert!(
        ![&g.purpose, &g.expect, &g.next_step, &next.best, &next.minimum]
            .iter()
            .any(|s| s.is_empty())
    );
    assert!(next.agenda.len() >= 3);
    for item in &next.agenda {
        let q = a
            .questions
            .iter()
            .find(|q| q.id == item.question)
            .expect("agenda question");
        assert!(q.status == Status::Planned && item.minutes > 0, "{}", q.id);
    }
}

#[test]
fn the_planned_call_is_always_two_days_ahead_and_the_held_one_a_week_back() {
    for now in [
        now(),
        "2027-06-30T23:59:59Z".parse().unwrap(),
        "2026-01-01T00:00:00Z".parse().unwrap(),
        DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    ] {
        let a = account(now);
        let next = next_call(&a, now).unwrap();
        let today = now.date_naive();
        assert_eq!(next.when.date_naive(), today + Duration::days(2), "{now}");
        assert_eq!(next.when.format("%H:%M").to_string(), "14:00");
        let held = a.calls.iter().find(|c| c.is_held()).unwrap();
        assert_eq!(held.when.date_naive(), today - Duration::days(7), "{now}");
        assert!(held.debrief.as_ref().unwrap().written >= held.when);
        assert_eq!(stalled(&a, today), None, "{now}");
        assert!(a.journey.changed.is_some_and(|c| c <= now));
        assert!(a.questions.iter().all(|q| q.created <= now && q.updated <= now));
    }
}
