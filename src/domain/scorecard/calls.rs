//! The checks on practice and progress: the turns rehearsed and kept up, the customer's
//! journey shown and their next task owned, the last call debriefed into their world, and
//! nothing of their world gone stale by the next call.

use super::{Found, NOTHING_YET, Part, capitalised, quoted};
use crate::domain::account::{Account, Pane, Person};
use crate::domain::call::Call;
use crate::domain::form::Choice;
use crate::domain::health::count;
use crate::domain::journey::Task;
use crate::domain::plan::find_item;
use crate::domain::progress::{STALE_DAYS, next_call, stale_items};
use crate::domain::team::Team;
use crate::domain::turn::{Outcome, Turn};
use chrono::{DateTime, Utc};

/// Check 7: every turn rehearsed, none overdue, each latest attempt passing most checks.
pub(super) fn rehearsed(account: &Account, _team: &Team, now: DateTime<Utc>) -> Found {
    let turns = &account.turns;
    if turns.is_empty() {
        return Found::untested("No turns to rehearse yet", Part::Turns);
    }
    let lines = |keep: &dyn Fn(&Turn) -> bool| -> Vec<&str> {
        turns
            .iter()
            .filter(|t| keep(t))
            .map(|t| t.line.as_str())
            .collect()
    };
    let never = lines(&|t| t.attempts.is_empty());
    let overdue = lines(&|t| !t.attempts.is_empty() && t.due().date_naive() < now.date_naive());
    let weak = lines(&|t| t.attempts.last().is_some_and(|a| !most_pass(&a.checks)));
    let mut problems = Vec::new();
    for (found, what) in [
        (never, "never rehearsed"),
        (overdue, "overdue"),
        (weak, "with a latest attempt passing half its checks or fewer"),
    ] {
        if !found.is_empty() {
            let n = count(found.len(), "turn", "turns");
            problems.push(format!("{n} {what}: {}", quoted(found)));
        }
    }
    if problems.is_empty() {
        let n = count(turns.len(), "turn", "turns");
        return Found::pass(
            format!("{n} rehearsed, none overdue, each latest attempt passing most checks"),
            Part::Turns,
        );
    }
    Found::fail(capitalised(&problems.join("; ")), Part::Turns)
}

/// True when more than half of the tested `checks` passed (an attempt with none tested
/// has nothing against it).
fn most_pass(checks: &[crate::domain::turn::CheckResult]) -> bool {
    let passed = checks.iter().filter(|c| c.outcome == Outcome::Pass).count();
    let tested = checks.iter().filter(|c| c.outcome.tested()).count();
    tested == 0 || passed * 2 > tested
}

/// Check 8: the journey's stage has evidence, and their next open task has an owner.
pub(super) fn journey(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    let j = &account.journey;
    let set = *j != Default::default();
    if !set && account.tasks.is_empty() {
        return Found::untested("No journey stage and no task of theirs yet", Part::Journey);
    }
    let mut problems = Vec::new();
    if !set {
        problems.push("no stage set".to_owned());
    } else if j.is_guess() {
        let stage = j.stage.word();
        problems.push(format!("the stage “{stage}” is a guess, with no evidence"));
    }
    let owned = owned_next_task(account);
    if let Err(problem) = &owned {
        problems.push(problem.clone());
    }
    match owned {
        Ok((task, who)) if problems.is_empty() => Found::pass(
            format!(
                "The stage “{}” has evidence; {} owns their next task {}",
                j.stage.word(),
                quoted([who.name.as_str()]),
                quoted([task.text.as_str()])
            ),
            Part::Journey,
        ),
        _ => Found::fail(capitalised(&problems.join("; ")), Part::Journey),
    }
}

/// Their next open task and the person of theirs who owns it, or what is missing.
fn owned_next_task(account: &Account) -> Result<(&Task, &Person), String> {
    let task = next_task(account).ok_or_else(|| "no open task of theirs".to_owned())?;
    let owner = task
        .owner
        .as_ref()
        .and_then(|id| account.people.iter().find(|p| &p.id == id));
    match owner {
        Some(p) => Ok((task, p)),
        None => Err(format!(
            "their next task {} has no owner",
            quoted([task.text.as_str()])
        )),
    }
}

/// Their next open task: the soonest due, undated ones after, the first listed on a tie.
fn next_task(account: &Account) -> Option<&Task> {
    account
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.status.is_open())
        .min_by_key(|(i, t)| (t.due.is_none(), t.due, *i))
        .map(|(_, t)| t)
}

/// Check 9: the latest call that has started was debriefed, and what was heard went back
/// into their world.
pub(super) fn debrief(account: &Account, _team: &Team, now: DateTime<Utc>) -> Found {
    let last = account
        .calls
        .iter()
        .enumerate()
        .filter(|(_, c)| c.when <= now)
        .max_by_key(|(i, c)| (c.when, *i))
        .map(|(_, c)| c);
    let Some(call) = last else {
        return Found::untested("No call held yet", Part::Calls);
    };
    let when = call.when.format("%Y-%m-%d");
    let Some(d) = &call.debrief else {
        return Found::fail(format!("The call on {when} has no debrief yet"), Part::Calls);
    };
    if !d.changed.trim().is_empty() {
        return Found::pass(
            format!("The call on {when} was debriefed, with what changed"),
            Part::Calls,
        );
    }
    match kept_answer(account, call) {
        Some(text) => Found::pass(
            format!(
                "The call on {when} was debriefed; {} is kept in their words",
                quoted([text])
            ),
            Part::Calls,
        ),
        None => Found::fail(
            format!("The call on {when} was debriefed, but nothing heard went back into their world"),
            Part::Calls,
        ),
    }
}

/// Fewest words for one text found inside the other to count as the same words.
const SAME_WORDS: usize = 3;

/// An answer to a question asked on `call` that some item or person keeps in their own
/// words (one text holding the other, of at least [`SAME_WORDS`] words).
fn kept_answer<'a>(account: &'a Account, call: &Call) -> Option<&'a str> {
    let asked = call.debrief.as_ref().map_or(&[][..], |d| &d.asked[..]);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let kept: Vec<String> = Pane::ALL
        .into_iter()
        .flat_map(|pane| match account.items(pane) {
            Some(items) => items.iter().map(|it| norm(&it.their_words)).collect::<Vec<_>>(),
            None => account.people.iter().map(|p| norm(&p.their_words)).collect(),
        })
        .filter(|w| w.split(' ').count() >= SAME_WORDS)
        .collect();
    let same = |answer: &str| {
        kept.iter()
            .any(|w| w.contains(answer) || answer.contains(w.as_str()))
    };
    account
        .questions
        .iter()
        .filter(|q| asked.contains(&q.id))
        .map(|q| q.answer.as_str())
        .find(|a| {
            let a = norm(a);
            a.split(' ').count() >= SAME_WORDS && same(&a)
        })
}

/// Check 10: nothing in their world is stale by the next call (or now, with none).
pub(super) fn fresh(account: &Account, _team: &Team, now: DateTime<Utc>) -> Found {
    if account.is_empty() {
        return Found::untested(NOTHING_YET, Part::World(Pane::Goals));
    }
    let at = next_call(account, now).map_or(now, |c| c.when.max(now));
    let by = if at > now {
        format!("by the call on {}", at.format("%Y-%m-%d"))
    } else {
        "as of now".to_owned()
    };
    let stale = stale_items(account, at);
    let Some((pane, _, _)) = stale.first() else {
        return Found::pass(
            format!("Everything in their world updated within {STALE_DAYS} days, {by}"),
            Part::World(Pane::Goals),
        );
    };
    let names = quoted(
        stale
            .iter()
            .filter_map(|(_, id, _)| find_item(account, id).map(|(_, text)| text)),
    );
    let n = count(stale.len(), "entry", "entries");
    Found::fail(
        format!("{n} older than {STALE_DAYS} days {by}: {names}"),
        Part::World(*pane),
    )
}
