//! The built-in sample account: a fictional regional cold-chain carrier whose world is
//! filled in, so a new user sees what a customer-first plan looks like before writing one.
//! The JSON ships in `assets/sample.json` and is compiled into the binary.

use super::account::Account;
use chrono::{DateTime, Utc};

/// The sample account's display name, as written in `assets/sample.json`.
pub const NAME: &str = "Ashcombe Cold Freight";

/// The sample account's file, compiled in.
const JSON: &str = include_str!("../../assets/sample.json");

/// The sample account, created and last updated at `now`; its entries keep the
/// timestamps written in the asset.
///
/// # Panics
/// When the compiled-in asset is not a valid account; the tests below rule that out.
pub fn account(now: DateTime<Utc>) -> Account {
    let mut account: Account = serde_json::from_str(JSON)
        .unwrap_or_else(|e| panic!("assets/sample.json is not a valid account: {e}"));
    account.created = now;
    account.updated = now;
    account
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Pane, Role};
    use std::collections::HashSet;

    fn parsed() -> Account {
        serde_json::from_str(JSON).expect("sample asset parses")
    }

    /// Every entry id in the account: items of every list, then people.
    fn ids(a: &Account) -> Vec<String> {
        let items = Pane::ALL.into_iter().filter_map(|p| a.items(p)).flatten();
        let people = a.people.iter().map(|p| p.id.0.clone());
        items.map(|it| it.id.0.clone()).chain(people).collect()
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
        for role in Role::ALL {
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
        assert_eq!((a.created, a.updated), (now, now));
        assert_eq!(a.world.goals[0].created, parsed().world.goals[0].created);
        assert!(a.world.goals[0].created < now);
    }
}
