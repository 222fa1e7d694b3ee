//! Progress: the rules that say whether the customer is moving. Is their journey stalled,
//! which of their tasks need a second look, what in their world has gone stale, what is
//! wrong with a call plan, which call comes next, and a new plan pre-filled from the last.
//! Pure functions of an account and a time, so the app, the CLI and the tests agree.
//!
//! The rules are deliberately plain, each a sentence a rep can check by hand:
//! - a journey is stalled when its stage has not moved for more than [`STALL_DAYS`] days
//!   (or was never set while they have tasks), or when any open task is past its due date;
//! - more than [`MAX_OPEN_TASKS`] open tasks is a plan too long to be used;
//! - an item of their world not updated for more than [`STALE_DAYS`] days is stale.

mod objective;
mod prefill;
mod stale;

pub use objective::objective_problem;
pub use prefill::prefill;
pub use stale::{STALE_DAYS, stale_items};

use super::account::{Account, Role};
use super::call::Call;
use super::health::count;
use super::journey::Stage;
use super::text::{first_line, shorten};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days without a change of stage after which a journey counts as stalled.
pub const STALL_DAYS: i64 = 30;

/// Open tasks beyond which a plan warns: plans that long stop being used.
pub const MAX_OPEN_TASKS: usize = 20;

/// How long a task's text may be where a warning quotes it.
const TASK_QUOTE: usize = 48;

/// What the stalled and next-call rules need of an account, and nothing else: small enough
/// for the listing to keep per file, so the picker and `list` judge without reading again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pulse {
    /// The stage they stand at; `None` while the journey was never set.
    pub stage: Option<Stage>,
    /// When the stage last changed.
    pub changed: Option<DateTime<Utc>>,
    /// How many tasks they have, open or not.
    pub tasks: usize,
    /// The due dates of their open tasks that have one.
    pub due: Vec<NaiveDate>,
    /// When each call not yet held starts, in the order they were planned.
    pub planned: Vec<DateTime<Utc>>,
}

impl Pulse {
    /// What `account` says about its progress.
    pub fn of(account: &Account) -> Self {
        let set = account.journey != Default::default();
        Pulse {
            stage: set.then_some(account.journey.stage),
            changed: account.journey.changed,
            tasks: account.tasks.len(),
            due: account
                .tasks
                .iter()
                .filter(|t| t.status.is_open())
                .filter_map(|t| t.due)
                .collect(),
            planned: unheld(account).map(|c| c.when).collect(),
        }
    }

    /// Why the journey is stalled on `today`, or `None` when it moves (or never started:
    /// no stage and no task is nothing to stall). Every reason found, joined.
    pub fn stalled(&self, today: NaiveDate) -> Option<String> {
        let mut why = Vec::new();
        match self.changed {
            Some(at) if (today - at.date_naive()).num_days() > STALL_DAYS => {
                let days = (today - at.date_naive()).num_days();
                why.push(format!("no stage change for {days} days"));
            }
            None if self.tasks > 0 => why.push("no stage set, though they have tasks".to_owned()),
            _ => {}
        }
        let overdue = self.due.iter().filter(|&&d| d < today).count();
        if overdue > 0 {
            why.push(format!("{} overdue", count(overdue, "task", "tasks")));
        }
        let why = why.join("; ");
        let mut chars = why.chars();
        let first = chars.next()?;
        Some(first.to_uppercase().chain(chars).collect())
    }

    /// When the next planned call starts (see [`next_call`]).
    pub fn next_call(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        soonest(self.planned.iter().copied(), now).map(|i| self.planned[i])
    }
}

/// Why the account's journey is stalled on `today` (no stage change for more than
/// [`STALL_DAYS`] days, or none ever while tasks exist; open tasks past due), or `None`.
pub fn stalled(account: &Account, today: NaiveDate) -> Option<String> {
    Pulse::of(account).stalled(today)
}

/// What to look at again in the customer's tasks: a plan of more than [`MAX_OPEN_TASKS`]
/// open tasks, and each open task that no one on their side owns (quoted, cut with `…`).
pub fn task_warnings(account: &Account) -> Vec<String> {
    let open: Vec<_> = account.tasks.iter().filter(|t| t.status.is_open()).collect();
    let mut out = Vec::new();
    if open.len() > MAX_OPEN_TASKS {
        out.push(format!(
            "{} open: a plan this long stops being used; drop or merge some",
            count(open.len(), "task", "tasks")
        ));
    }
    for t in open {
        let owned = t
            .owner
            .as_ref()
            .is_some_and(|id| account.people.iter().any(|p| &p.id == id));
        if !owned {
            let text = shorten(&first_line(&t.text), TASK_QUOTE);
            out.push(format!("No one on their side owns “{text}”"));
        }
    }
    out
}

/// What is wrong with a call plan: no business decision maker (an economic buyer or a
/// decision maker) among the attendees, no objective, an objective that is not their next
/// step (see [`objective_problem`]), an agenda longer than the call.
pub fn call_warnings(account: &Account, call: &Call) -> Vec<String> {
    let mut out = Vec::new();
    let decides = call
        .attendees
        .iter()
        .filter_map(|id| account.people.iter().find(|p| &p.id == id))
        .any(|p| matches!(p.role, Role::EconomicBuyer | Role::DecisionMaker));
    if !decides {
        out.push("No business decision maker on the call (an economic buyer or a decision maker)".to_owned());
    }
    if call.objective.trim().is_empty() {
        out.push("No objective yet: write the step they take by the end of the call".to_owned());
    } else if let Some(problem) = objective_problem(&call.objective) {
        out.push(format!("Objective: {problem}"));
    }
    let minutes: u32 = call.agenda.iter().map(|a| u32::from(a.minutes)).sum();
    if minutes > u32::from(call.minutes) {
        out.push(format!(
            "The agenda takes {minutes} minutes of a {}-minute call",
            call.minutes
        ));
    }
    out
}

/// The next call: the soonest not yet held that starts at or after `now`; when every
/// unheld call is past, the latest of them (a plan still waiting for its debrief).
pub fn next_call(account: &Account, now: DateTime<Utc>) -> Option<&Call> {
    let calls: Vec<&Call> = unheld(account).collect();
    soonest(calls.iter().map(|c| c.when), now).map(|i| calls[i])
}

/// The calls not yet held, in the order they were planned.
fn unheld(account: &Account) -> impl Iterator<Item = &Call> {
    account.calls.iter().filter(|c| !c.is_held())
}

/// The index of the soonest of `times` at or after `now`, else of the latest; the first
/// of equal times wins.
fn soonest(times: impl Iterator<Item = DateTime<Utc>>, now: DateTime<Utc>) -> Option<usize> {
    let times: Vec<_> = times.enumerate().collect();
    let ahead = times
        .iter()
        .filter(|(_, t)| *t >= now)
        .min_by_key(|(i, t)| (*t, *i));
    let past = || times.iter().max_by_key(|(i, t)| (*t, std::cmp::Reverse(*i)));
    ahead.or_else(past).map(|(i, _)| *i)
}

#[cfg(test)]
mod tests;
