//! Tests of the stalled, task, call and next-call rules.

use super::*;
use crate::domain::call::AgendaItem;
use crate::domain::journey::{Task, TaskStatus};
use crate::domain::{ItemId, Person};
use chrono::Duration;

fn now() -> DateTime<Utc> {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn person(name: &str, role: Role) -> Person {
    let mut p = Person::new(name, now());
    p.role = role;
    p
}

fn account() -> Account {
    let mut a = Account::new("Acme", now());
    a.people = vec![
        person("Dana", Role::EconomicBuyer),
        person("Kevin", Role::User),
        person("Tomas", Role::DecisionMaker),
    ];
    a
}

fn task(text: &str, due: Option<i64>, status: TaskStatus) -> Task {
    let mut t = Task::new(text, now());
    t.due = due.map(|d| today() + days(d));
    t.status = status;
    t
}

#[test]
fn a_journey_that_moved_this_month_is_not_stalled_and_one_that_did_not_is() {
    let mut a = account();
    assert_eq!(stalled(&a, today()), None, "nothing started, nothing stalled");
    a.journey.changed = Some(now() - days(30));
    assert_eq!(stalled(&a, today()), None, "thirty days is not yet stalled");
    a.journey.changed = Some(now() - days(45));
    assert_eq!(
        stalled(&a, today()).as_deref(),
        Some("No stage change for 45 days")
    );
}

#[test]
fn tasks_without_a_stage_or_past_due_stall_the_journey() {
    let mut a = account();
    a.tasks.push(task("Align the board", Some(3), TaskStatus::ToDo));
    assert_eq!(
        stalled(&a, today()).as_deref(),
        Some("No stage set, though they have tasks")
    );
    a.journey.changed = Some(now() - days(2));
    assert_eq!(stalled(&a, today()), None);
    a.tasks.push(task("Find the time", Some(-1), TaskStatus::Doing));
    a.tasks.push(task("Ask the insurer", Some(-9), TaskStatus::ToDo));
    a.tasks
        .push(task("Dropped long ago", Some(-20), TaskStatus::Dropped));
    a.tasks.push(task("Done long ago", Some(-20), TaskStatus::Done));
    assert_eq!(stalled(&a, today()).as_deref(), Some("2 tasks overdue"));
    a.journey.changed = Some(now() - days(31));
    assert_eq!(
        stalled(&a, today()).as_deref(),
        Some("No stage change for 31 days; 2 tasks overdue")
    );
    a.tasks.truncate(2);
    a.journey.changed = Some(now());
    assert_eq!(stalled(&a, today()).as_deref(), Some("1 task overdue"));
}

#[test]
fn the_pulse_judges_as_the_account_does() {
    let mut a = account();
    a.journey.changed = Some(now() - days(40));
    a.tasks.push(task("Find the time", Some(-1), TaskStatus::Doing));
    let pulse = Pulse::of(&a);
    assert_eq!(pulse.stage, Some(Default::default()));
    assert_eq!(pulse.stalled(today()), stalled(&a, today()));
    let back: Pulse = serde_json::from_str(&serde_json::to_string(&pulse).unwrap()).unwrap();
    assert_eq!(back, pulse);
    assert_eq!(
        Pulse::of(&account()).stage,
        None,
        "a journey never set has no stage"
    );
}

#[test]
fn long_plans_and_tasks_nobody_owns_warn() {
    let mut a = account();
    let mut owned = task("Build the case for the board", None, TaskStatus::ToDo);
    owned.owner = Some(a.people[0].id.clone());
    let mut gone = task("Ask the insurer what a claim costs", None, TaskStatus::Doing);
    gone.owner = Some(ItemId("gone0000".into()));
    let long = "Research how three other regional carriers solved the reefer alarm problem at night";
    a.tasks = vec![
        owned,
        gone,
        task(long, None, TaskStatus::ToDo),
        task("Nobody, but done", None, TaskStatus::Done),
    ];
    let w = task_warnings(&a);
    assert_eq!(w.len(), 2, "{w:#?}");
    assert_eq!(
        w[0],
        "No one on their side owns “Ask the insurer what a claim costs”"
    );
    assert!(
        w[1].ends_with("…”") && w[1].chars().count() < long.len(),
        "{}",
        w[1]
    );
    for n in 0..MAX_OPEN_TASKS - 3 {
        let mut t = task(&format!("Task {n}"), None, TaskStatus::ToDo);
        t.owner = Some(a.people[1].id.clone());
        a.tasks.push(t);
    }
    assert_eq!(task_warnings(&a).len(), 2, "exactly twenty open tasks is fine");
    a.tasks.push(task("One more", None, TaskStatus::Doing));
    let w = task_warnings(&a);
    assert!(w[0].starts_with("21 tasks open: a plan this long"), "{w:#?}");
}

fn planned(a: &Account, who: &[usize], objective: &str) -> Call {
    let mut c = Call::new(now() + days(2), now());
    c.attendees = who.iter().map(|&i| a.people[i].id.clone()).collect();
    c.objective = objective.into();
    c
}

#[test]
fn a_good_plan_has_no_warnings_and_each_fault_is_named() {
    let a = account();
    let good = planned(&a, &[0, 1], "Dana agrees the cost of the rejected loads");
    assert_eq!(call_warnings(&a, &good), Vec::<String>::new());
    let users_only = planned(&a, &[1], "Dana agrees the cost of the rejected loads");
    assert!(call_warnings(&a, &users_only)[0].starts_with("No business decision maker"));
    assert!(call_warnings(&a, &planned(&a, &[2], "Tomas books a visit")).is_empty());
    let blank = planned(&a, &[0], "  ");
    assert_eq!(call_warnings(&a, &blank).len(), 1);
    assert!(call_warnings(&a, &blank)[0].starts_with("No objective"));
    let ours = planned(&a, &[0], "Demo our product");
    assert!(call_warnings(&a, &ours)[0].starts_with("Objective: It is about us"));
    let mut long = good.clone();
    long.minutes = 30;
    long.agenda = (0..4)
        .map(|n| AgendaItem {
            extra: Default::default(),
            question: ItemId(format!("q{n}")),
            minutes: 8,
        })
        .collect();
    assert_eq!(
        call_warnings(&a, &long),
        ["The agenda takes 32 minutes of a 30-minute call"]
    );
    long.agenda.pop();
    assert!(call_warnings(&a, &long).is_empty(), "24 of 30 minutes fits");
    let nobody = planned(&a, &[], "Dana agrees the cost of the rejected loads");
    assert_eq!(call_warnings(&a, &nobody).len(), 1);
}

#[test]
fn the_next_call_is_the_soonest_ahead_else_the_latest_unheld() {
    let mut a = account();
    assert!(next_call(&a, now()).is_none());
    let at = |d: i64| {
        let mut c = Call::new(now() + days(d), now());
        c.objective = format!("day {d}");
        c
    };
    let mut held = at(1);
    held.debrief = Some(crate::domain::call::Debrief {
        extra: Default::default(),
        written: now(),
        ..Default::default()
    });
    a.calls = vec![at(-10), at(9), held, at(3), at(-2)];
    assert_eq!(next_call(&a, now()).unwrap().objective, "day 3");
    assert_eq!(Pulse::of(&a).next_call(now()), Some(now() + days(3)));
    assert_eq!(
        next_call(&a, now() + days(3)).unwrap().objective,
        "day 3",
        "at now counts"
    );
    assert_eq!(next_call(&a, now() + days(20)).unwrap().objective, "day 9");
    a.calls.retain(|c| c.when < now());
    assert_eq!(next_call(&a, now()).unwrap().objective, "day -2");
    a.calls.clear();
    a.calls.push(held_only());
    assert!(next_call(&a, now()).is_none(), "a held call is never next");
}

fn held_only() -> Call {
    let mut c = Call::new(now() + days(5), now());
    c.debrief = Some(crate::domain::call::Debrief {
        extra: Default::default(),
        written: now(),
        ..Default::default()
    });
    c
}
