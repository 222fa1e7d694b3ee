//! The checks on the plan for the next call: its objective is the customer's step, its
//! questions are questions and the right number of them, and each serves their world.
//! The rules are the linter's, plan health's and the objective check's; these only count.

use super::{Found, Part, capitalised, quoted};
use crate::domain::account::Account;
use crate::domain::health::{self, AIM, count};
use crate::domain::lint::Kind;
use crate::domain::plan::first_link;
use crate::domain::progress::{next_call, objective_problem};
use crate::domain::team::Team;
use crate::domain::text::{first_line, shorten};
use chrono::{DateTime, Utc};

/// How much of an objective a finding quotes.
const OBJECTIVE: usize = 60;

/// Check 4: the next call's objective is a step the customer takes.
pub(super) fn objective(account: &Account, _team: &Team, now: DateTime<Utc>) -> Found {
    let Some(call) = next_call(account, now) else {
        return Found::untested("No call planned", Part::Calls);
    };
    let when = call.when.format("%Y-%m-%d");
    let text = shorten(&first_line(&call.objective), OBJECTIVE);
    if text.is_empty() {
        return Found::fail(format!("The call on {when} has no objective yet"), Part::Calls);
    }
    match objective_problem(&call.objective) {
        Some(problem) => Found::fail(format!("“{text}”: {problem}"), Part::Calls),
        None => Found::pass(format!("The call on {when}: “{text}”"), Part::Calls),
    }
}

/// Check 5: every planned question lints as a question, and there are 11 to 14.
pub(super) fn agenda(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    let n = account.questions.len();
    if n == 0 {
        return Found::untested("No questions planned yet", Part::Questions);
    }
    let verdicts = health::verdicts(account);
    let not_questions: Vec<&str> = account
        .questions
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.kind != Kind::Question)
        .map(|(q, _)| q.text.as_str())
        .collect();
    let mut problems = Vec::new();
    if !not_questions.is_empty() {
        let lines = count(not_questions.len(), "line reads", "lines read");
        problems.push(format!(
            "{lines} as an opinion, a leading line or a statement: {}",
            quoted(not_questions)
        ));
    }
    if !AIM.contains(&n) {
        let aim = format!("{}-{}", AIM.start(), AIM.end());
        problems.push(format!(
            "{} planned, the aim is {aim}",
            count(n, "question", "questions")
        ));
    }
    if problems.is_empty() {
        let all = count(n, "question", "questions");
        return Found::pass(format!("{all}, every one a question"), Part::Questions);
    }
    Found::fail(capitalised(&problems.join("; ")), Part::Questions)
}

/// Check 6: every planned question serves an item; no high-priority item goes unasked.
pub(super) fn coverage(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    let n = account.questions.len();
    if n == 0 {
        return Found::untested("No questions planned yet", Part::Questions);
    }
    let h = health::health_of(account, &[], &health::verdicts(account));
    let orphans: Vec<&str> = account
        .questions
        .iter()
        .filter(|q| first_link(account, q).is_none())
        .map(|q| q.text.as_str())
        .collect();
    let mut problems = Vec::new();
    if !orphans.is_empty() {
        let serve = health::agree(orphans.len(), "serves", "serve");
        let qs = count(orphans.len(), "question", "questions");
        problems.push(format!(
            "{qs} {serve} nothing in their world: {}",
            quoted(orphans)
        ));
    }
    if !h.unasked.is_empty() {
        let items = count(h.unasked.len(), "high-priority item", "high-priority items");
        let names = quoted(h.unasked.iter().map(|(_, _, text)| text.as_str()));
        problems.push(format!("{items} nobody asks about: {names}"));
    }
    if problems.is_empty() {
        let all = count(n, "question", "questions");
        return Found::pass(
            format!("{all}, each serving their world; every high-priority item is asked about"),
            Part::Questions,
        );
    }
    Found::fail(capitalised(&problems.join("; ")), Part::Questions)
}
