//! The built-in sample account: a fictional regional cold-chain carrier whose world is
//! filled in, so a new user sees what a customer-first plan looks like before writing one.
//! The JSON ships in `assets/sample.json` and is compiled into the binary.
//!
//! The asset is written as if today were [`ANCHOR`]: a call held a week before, one planned
//! two days after, tasks due around it. Those dated records (the question plan, the tasks,
//! the calls and the journey) are moved by whole days so that the anchor becomes the day
//! the sample is made: the planned call is always two days ahead at 14:00 UTC, so
//! `callbook sheet` on a fresh sample always has a call to show. The world's items, the
//! people and the turns keep the times written in the asset.
//!
//! The sample comes with team files that fit it ([`offerings`], [`sweet_spot`]: compiled in
//! from `assets/offerings.json` and `assets/sweet-spot.json`): it answers every criterion
//! yes, and each of its high-priority goals has a complete usage scenario.

use super::account::Account;
use super::offering::OfferingsFile;
use super::sweet_spot::SweetSpotFile;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The sample account's display name, as written in `assets/sample.json`.
pub const NAME: &str = "Ashcombe Cold Freight";

/// The sample account's file, compiled in.
const JSON: &str = include_str!("../../assets/sample.json");

/// The sample team's offerings file, compiled in.
const OFFERINGS: &str = include_str!("../../assets/offerings.json");

/// The sample team's sweet-spot file, compiled in.
const SWEET_SPOT: &str = include_str!("../../assets/sweet-spot.json");

/// The offerings the sample's scenarios use: four, each by the customer's problem it solves.
///
/// # Panics
/// When the compiled-in asset is not a valid offerings file; the tests rule that out.
pub fn offerings() -> OfferingsFile {
    serde_json::from_str(OFFERINGS)
        .unwrap_or_else(|e| panic!("assets/offerings.json is not an offerings file: {e}"))
}

/// The four sweet-spot criteria the sample answers, all yes.
///
/// # Panics
/// When the compiled-in asset is not a valid sweet-spot file; the tests rule that out.
pub fn sweet_spot() -> SweetSpotFile {
    serde_json::from_str(SWEET_SPOT)
        .unwrap_or_else(|e| panic!("assets/sweet-spot.json is not a sweet-spot file: {e}"))
}

/// The day the asset's calls, tasks, plan and journey are written around: "today" in it.
pub const ANCHOR: (i32, u32, u32) = (2026, 11, 2);

/// The sample account, created and last updated at `now`; its calls, tasks, question plan
/// and journey moved by whole days so that [`ANCHOR`] falls on `now`'s day, the other
/// entries keeping the timestamps written in the asset.
///
/// # Panics
/// When the compiled-in asset is not a valid account; the tests below rule that out.
pub fn account(now: DateTime<Utc>) -> Account {
    let mut account: Account = serde_json::from_str(JSON)
        .unwrap_or_else(|e| panic!("assets/sample.json is not a valid account: {e}"));
    let (y, m, d) = ANCHOR;
    let anchor = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    shift(&mut account, now.date_naive() - anchor);
    account.created = now;
    account
}

/// Moves every dated record of the call's side of the account by `by`.
fn shift(account: &mut Account, by: Duration) {
    for q in &mut account.questions {
        (q.created, q.updated) = (q.created + by, q.updated + by);
    }
    for t in &mut account.tasks {
        (t.created, t.updated) = (t.created + by, t.updated + by);
        t.due = t.due.map(|d| d + by);
    }
    for c in &mut account.calls {
        (c.when, c.created, c.updated) = (c.when + by, c.created + by, c.updated + by);
        if let Some(d) = &mut c.debrief {
            d.written += by;
        }
    }
    let j = &mut account.journey;
    (j.seen, j.changed) = (j.seen.map(|d| d + by), j.changed.map(|c| c + by));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lint::{Kind, lint};
    use crate::domain::turn::TurnKind;
    use crate::domain::{Pane, Role};
    use std::collections::HashSet;
    use strum::IntoEnumIterator;

    fn parsed() -> Account {
        serde_json::from_str(JSON).expect("sample asset parses")
    }

    /// Every entry id in the account: items of every list, then people, turns, questions,
    /// tasks and calls.
    fn ids(a: &Account) -> Vec<String> {
        let items = Pane::ALL.into_iter().filter_map(|p| a.items(p)).flatten();
        let people = a.people.iter().map(|p| p.id.0.clone());
        let turns = a.turns.iter().map(|t| t.id.0.clone());
        let questions = a.questions.iter().map(|q| q.id.0.clone());
        let tasks = a.tasks.iter().map(|t| t.id.0.clone());
        let calls = a.calls.iter().map(|c| c.id.0.clone());
        items
            .map(|it| it.id.0.clone())
            .chain(people)
            .chain(turns)
            .chain(questions)
            .chain(tasks)
            .chain(calls)
            .collect()
    }

    #[test]
    fn asset_parses_through_storage() {
        let (a, newer) = crate::storage::parse(JSON, "assets/sample.json".as_ref()).unwrap();
        assert_eq!(newer, None);
        assert_eq!(a.schema, crate::domain::SCHEMA);
    }

    #[test]
    fn asset_is_canonical_json() {
        assert_eq!(crate::storage::to_json(&parsed()), JSON);
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let ids = ids(&parsed());
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids in the sample");
        for id in &ids {
            let ok = id.len() == 8 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            assert!(ok, "bad id {id:?}");
        }
    }

    #[test]
    fn every_pane_has_at_least_three_entries() {
        let a = parsed();
        for pane in Pane::ALL {
            assert!(
                a.len(pane) >= 3,
                "{} has only {} entries",
                pane.title(),
                a.len(pane)
            );
        }
    }

    #[test]
    fn every_role_appears() {
        let a = parsed();
        for role in Role::iter() {
            assert!(a.people.iter().any(|p| p.role == role), "no one is {role:?}");
        }
    }

    #[test]
    fn name_matches_asset() {
        assert_eq!(parsed().name, NAME);
    }

    #[test]
    fn account_is_stamped_now_and_keeps_item_times() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let a = account(now);
        assert_eq!((a.created, a.last_change()), (now, now));
        assert_eq!(a.world.goals[0].created, parsed().world.goals[0].created);
        assert!(a.world.goals[0].created < now);
    }

    #[test]
    fn has_a_realistic_set_of_turns_of_every_kind() {
        let a = parsed();
        assert!((8..=12).contains(&a.turns.len()), "{} turns", a.turns.len());
        for kind in TurnKind::iter() {
            assert!(
                a.turns.iter().any(|t| t.kind == kind),
                "no turn is a {}",
                kind.name()
            );
        }
        let lines: HashSet<String> = a.turns.iter().map(|t| t.line.to_lowercase()).collect();
        assert_eq!(lines.len(), a.turns.len(), "duplicate turn lines");
    }

    #[test]
    fn turn_ids_resolve_within_the_account() {
        let a = parsed();
        let items: HashSet<&str> = Pane::ALL
            .into_iter()
            .filter_map(|p| a.items(p))
            .flatten()
            .map(|it| it.id.0.as_str())
            .collect();
        let people: HashSet<&str> = a.people.iter().map(|p| p.id.0.as_str()).collect();
        let turns: HashSet<&str> = a.turns.iter().map(|t| t.id.0.as_str()).collect();
        for t in &a.turns {
            let who = t.who.as_ref().expect("every sample turn says who says it");
            assert!(people.contains(who.0.as_str()), "{}: who {who}", t.id);
            assert!(!t.links.is_empty(), "{} links to nothing", t.id);
            assert!(
                t.links.iter().all(|l| items.contains(l.0.as_str())),
                "{}: {:?}",
                t.id,
                t.links
            );
            assert!(
                t.follow_ups
                    .iter()
                    .all(|f| turns.contains(f.0.as_str()) && *f != t.id),
                "{}",
                t.id
            );
        }
    }

    #[test]
    fn follow_ups_form_a_small_tree() {
        let a = parsed();
        let children: Vec<_> = a.turns.iter().flat_map(|t| &t.follow_ups).collect();
        let unique: HashSet<_> = children.iter().collect();
        assert!(children.len() >= 3, "only {} follow-ups", children.len());
        assert_eq!(unique.len(), children.len(), "a turn follows two parents");
        let roots = a.turns.iter().filter(|t| !children.contains(&&t.id)).count();
        assert!(roots > 0 && roots < a.turns.len());
    }

    #[test]
    fn turns_are_due_at_once_and_never_rehearsed() {
        let a = account(now_for_test());
        for t in &a.turns {
            assert!(
                t.schedule.is_none() && t.attempts.is_empty() && t.draft.is_none(),
                "{}",
                t.id
            );
            assert!(t.due() < a.created, "{} is not due yet", t.id);
        }
    }

    #[test]
    fn prepared_responses_are_customer_focused_and_ask_back() {
        let a = parsed();
        // A turn a usage scenario answers carries the scenario's sentence: how they would
        // use us, said, not asked.
        let answered: Vec<_> = a.scenarios.iter().filter_map(|s| s.turn.clone()).collect();
        for t in a.turns {
            let l = lint(&t.response, None);
            assert!(l.flags.is_empty(), "{}: {:?}", t.id, l.flags);
            if answered.contains(&t.id) {
                continue;
            }
            assert_eq!(l.kind, Kind::Question, "{}: {}", t.id, t.response);
            assert!(t.response.ends_with('?'), "{}: {}", t.id, t.response);
        }
    }

    fn now_for_test() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }
}

#[cfg(test)]
mod plan_tests;

#[cfg(test)]
mod team_tests;
