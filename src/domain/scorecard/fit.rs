//! The checks on fit: the account is inside the team's sweet spot, and every high-priority
//! goal has a complete usage scenario (who uses which offering, to do what, with what result).

use super::{Found, Part, quoted};
use crate::domain::account::{Account, Priority};
use crate::domain::health::count;
use crate::domain::scenario::check;
use crate::domain::sweet_spot::{Answer, Standing, answered, standing};
use crate::domain::team::Team;
use chrono::{DateTime, Utc};

/// Check 11: inside the sweet spot; not tested while a criterion is unknown (or there are none).
pub(super) fn sweet_spot(account: &Account, team: &Team, _now: DateTime<Utc>) -> Found {
    let criteria = team.criteria();
    if criteria.is_empty() {
        return Found::untested("The team has no sweet-spot criteria yet", Part::Fit);
    }
    let fit = &account.fit;
    let questions = |a| quoted(answered(criteria, fit, a).iter().map(|c| c.question.as_str()));
    match standing(criteria, fit) {
        Standing::Inside => Found::pass(
            format!("Inside: all {} criteria answered yes", criteria.len()),
            Part::Fit,
        ),
        Standing::Outside => Found::fail(format!("Outside: no to {}", questions(Answer::No)), Part::Fit),
        Standing::Unknown => {
            let n = answered(criteria, fit, Answer::Unknown).len();
            Found::untested(
                format!(
                    "{} not known yet: {}",
                    count(n, "criterion", "criteria"),
                    questions(Answer::Unknown)
                ),
                Part::Fit,
            )
        }
    }
}

/// Check 12: every high-priority goal has a complete usage scenario.
pub(super) fn scenarios(account: &Account, team: &Team, _now: DateTime<Utc>) -> Found {
    let high: Vec<_> = account
        .world
        .goals
        .iter()
        .filter(|g| g.priority == Priority::High)
        .collect();
    if high.is_empty() {
        return Found::untested("No goal is marked high priority", Part::Fit);
    }
    let complete = |id| {
        account
            .scenarios
            .iter()
            .any(|s| &s.serves == id && check(s, account, team.offerings()).complete())
    };
    let lacking: Vec<&str> = high
        .iter()
        .filter(|g| !complete(&g.id))
        .map(|g| g.text.as_str())
        .collect();
    if lacking.is_empty() {
        Found::pass(
            format!(
                "{} each with a complete scenario",
                count(high.len(), "high-priority goal", "high-priority goals")
            ),
            Part::Fit,
        )
    } else {
        Found::fail(format!("No complete scenario for {}", quoted(lacking)), Part::Fit)
    }
}
