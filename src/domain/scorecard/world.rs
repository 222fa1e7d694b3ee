//! The checks on what is known of the customer: their world covered and specific, their
//! reasons to change with a cost, and who decides. An account with nothing in any pane is
//! not judged on them yet; once anything is known, what is missing fails.

use super::{Found, NOTHING_YET, Part, capitalised, quoted};
use crate::domain::account::{Account, Item, Pane, Role};
use crate::domain::health::count;
use crate::domain::team::Team;
use chrono::{DateTime, Utc};

/// Words that name a cost: a reason to change that holds one says what waiting costs.
const COST: &str = "cost costs costing costly lose loses losing lost loss losses penalty penalties \
    fine fines claim claims premium premiums waste wasted miss misses missed churn overtime \
    revenue margin";

/// Phrases that say what doing nothing means.
const INACTION: &[&str] = &[
    "doing nothing",
    "do nothing",
    "no action",
    "status quo",
    "if nothing changes",
    "staying put",
    "stay as",
    "otherwise",
];

/// Signs that open a sum of money.
const MONEY: &[char] = &['$', '€', '£', '¥'];

/// Check 1: every pane has entries, and every goal and threat is more than one word.
pub(super) fn covered(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    if account.is_empty() {
        return Found::untested(NOTHING_YET, Part::World(Pane::Goals));
    }
    let empty: Vec<Pane> = Pane::ALL.into_iter().filter(|&p| account.len(p) == 0).collect();
    if let Some(&first) = empty.first() {
        let names: Vec<&str> = empty.iter().map(|p| p.title()).collect();
        return Found::fail(
            format!("Nothing yet in: {}", names.join(", ")),
            Part::World(first),
        );
    }
    let vague: Vec<(Pane, &Item)> = [Pane::Goals, Pane::Threats]
        .into_iter()
        .flat_map(|pane| {
            account
                .items(pane)
                .into_iter()
                .flatten()
                .map(move |it| (pane, it))
        })
        .filter(|(_, it)| it.text.split_whitespace().count() < 2)
        .collect();
    if let Some(&(pane, _)) = vague.first() {
        let n = count(vague.len(), "goal or threat is", "goals or threats are");
        let names = quoted(vague.iter().map(|(_, it)| it.text.as_str()));
        return Found::fail(format!("{n} one word: {names}"), Part::World(pane));
    }
    let entries: usize = Pane::ALL.iter().map(|&p| account.len(p)).sum();
    Found::pass(
        format!("Every pane has entries ({entries} in all), every goal and threat in more than one word"),
        Part::World(Pane::Goals),
    )
}

/// Check 2: they have reasons to change, and one names the cost of doing nothing.
pub(super) fn why_change(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    let fix = Part::World(Pane::WhyChange);
    if account.is_empty() {
        return Found::untested(NOTHING_YET, fix);
    }
    let reasons = &account.why_change;
    if reasons.is_empty() {
        return Found::fail("No reason to change yet, so no cost of doing nothing", fix);
    }
    let n = count(reasons.len(), "reason", "reasons");
    match reasons.iter().find(|it| names_a_cost(it)) {
        Some(it) => Found::pass(
            format!(
                "{n} to change; {} says what waiting costs",
                quoted([it.text.as_str()])
            ),
            fix,
        ),
        None => Found::fail(
            format!("{n} to change, none saying what doing nothing costs"),
            fix,
        ),
    }
}

/// True when an item's text, notes or their words name a cost, a sum of money, or what
/// doing nothing means.
fn names_a_cost(item: &Item) -> bool {
    let text = format!("{} {} {}", item.text, item.notes, item.their_words).to_lowercase();
    let text = text.replace('’', "'");
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    let spaced = format!(" {} ", text.split_whitespace().collect::<Vec<_>>().join(" "));
    text.contains(MONEY)
        || INACTION.iter().any(|p| spaced.contains(&format!(" {p}")))
        || words.into_iter().any(|w| COST.split_whitespace().any(|c| c == w))
}

/// Check 3: their people include a business decision maker, and every role is known.
pub(super) fn decision_maker(account: &Account, _team: &Team, _now: DateTime<Utc>) -> Found {
    let fix = Part::World(Pane::People);
    if account.is_empty() {
        return Found::untested(NOTHING_YET, fix);
    }
    let people = &account.people;
    if people.is_empty() {
        return Found::fail("No people yet, so no one known to decide", fix);
    }
    let deciders: Vec<&str> = people
        .iter()
        .filter(|p| matches!(p.role, Role::EconomicBuyer | Role::DecisionMaker))
        .map(|p| p.name.as_str())
        .collect();
    let unknown: Vec<&str> = people
        .iter()
        .filter(|p| p.role == Role::Unknown)
        .map(|p| p.name.as_str())
        .collect();
    let mut problems = Vec::new();
    if deciders.is_empty() {
        let n = count(people.len(), "person", "people");
        problems.push(format!("No economic buyer or decision maker among {n}"));
    }
    if !unknown.is_empty() {
        problems.push(format!("role unknown for {}", quoted(unknown)));
    }
    if !problems.is_empty() {
        return Found::fail(capitalised(&problems.join("; ")), fix);
    }
    let n = count(deciders.len(), "person decides", "people decide");
    let all = count(people.len(), "person", "people");
    Found::pass(
        format!("{n}: {}; every role of {all} is known", quoted(deciders)),
        fix,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_lists_every_word_the_cost_rule_uses() {
        let readme = include_str!("../../../README.md");
        let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
        let start = flat
            .find("The cost words of check 2 are")
            .expect("the rule in README");
        let rule = &flat[start..start + flat[start..].find("all count.").unwrap_or(0)];
        for word in COST.split_whitespace() {
            assert!(
                rule.contains(&format!(" {word},"))
                    || rule.contains(&format!(" {word};"))
                    || rule.contains(&format!(" {word} ")),
                "README lacks {word:?}: {rule}"
            );
        }
        for phrase in INACTION {
            assert!(rule.contains(&format!("\"{phrase}\"")), "README lacks {phrase:?}");
        }
        for sign in MONEY {
            assert!(rule.contains(&format!("`{sign}`")), "README lacks {sign:?}");
        }
    }
}
