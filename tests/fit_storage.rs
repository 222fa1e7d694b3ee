//! The sweet spot in the data folder (issue 13): a disqualified account drops out of the
//! rehearsal queue and comes back when requalified; the list's summary keeps the answers
//! and judges them against the criteria of the day, so changed criteria change the verdict
//! of an unchanged account.

use callbook::domain::account::Extra;
use callbook::domain::sweet_spot::{Answer, Criterion, Standing};
use callbook::domain::turn::{Turn, TurnKind};
use callbook::domain::{Account, AccountId};
use callbook::storage::{Listing, Store, Summary};
use chrono::{DateTime, Utc};
use tempfile::TempDir;

fn at() -> DateTime<Utc> {
    "2026-06-01T00:00:00Z".parse().unwrap()
}

fn store() -> (TempDir, Store) {
    let tmp = TempDir::new().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    (tmp, store)
}

/// An account with one turn, due since January.
fn with_a_turn(name: &str) -> Account {
    let mut a = Account::new(name, at());
    let created = "2026-01-05T00:00:00Z".parse().unwrap();
    a.turns.push(Turn::new(
        &format!("{name}: we already have a carrier"),
        TurnKind::Objection,
        created,
    ));
    a
}

fn due_names(store: &Store) -> Vec<String> {
    let (due, _) = store.due_turns(at()).unwrap();
    due.into_iter().map(|d| d.account_name).collect()
}

#[test]
fn a_disqualified_account_gives_the_queue_no_turns_until_requalified() {
    let (_tmp, store) = store();
    store.create(&with_a_turn("Ashcombe")).unwrap();
    let bolt = store.create(&with_a_turn("Bolt Dairy")).unwrap();
    assert_eq!(due_names(&store), ["Ashcombe", "Bolt Dairy"]);

    let disqualify = |a: &mut Account| -> anyhow::Result<()> {
        a.fit
            .disqualify("Subcontracts every refrigerated load", at())
            .map_err(anyhow::Error::msg)
    };
    store.update(&bolt, "test", disqualify).unwrap();
    assert_eq!(
        due_names(&store),
        ["Ashcombe"],
        "the cached entry followed the change"
    );

    store
        .update(&bolt, "test", |a: &mut Account| -> anyhow::Result<()> {
            assert!(a.fit.requalify());
            Ok(())
        })
        .unwrap();
    assert_eq!(due_names(&store), ["Ashcombe", "Bolt Dairy"]);
}

fn criteria(ids: &[&str]) -> Vec<Criterion> {
    ids.iter()
        .map(|id| Criterion {
            id: (*id).into(),
            question: format!("Do they meet {id}?"),
            extra: Extra::new(),
        })
        .collect()
}

fn summary(store: &Store, id: &AccountId) -> Summary {
    store
        .list()
        .unwrap()
        .into_iter()
        .find_map(|l| match l {
            Listing::Ok(s) if &s.id == id => Some(s),
            _ => None,
        })
        .unwrap()
}

#[test]
fn the_summary_judges_its_answers_against_the_criteria_it_is_given() {
    let (_tmp, store) = store();
    let mut a = Account::new("Ashcombe", at());
    a.fit.set("fleet", Answer::Yes, "410 reefer trailers", at());
    a.fit.set("size", Answer::Yes, "240 tractors", at());
    a.fit.set("pharma", Answer::No, "", at());
    let id = store.create(&a).unwrap();
    // Twice: the second listing comes from the cache and must say the same.
    for _ in 0..2 {
        let s = summary(&store, &id);
        assert_eq!(s.standing(&criteria(&["fleet", "size"])), Standing::Inside);
        assert_eq!(
            s.standing(&criteria(&["fleet", "size", "pharma"])),
            Standing::Outside
        );
        assert_eq!(s.standing(&criteria(&["fleet", "regulated"])), Standing::Unknown);
        assert_eq!(s.standing(&[]), Standing::Unknown);
        assert!(s.disqualified.is_none());
    }
    store
        .update(&id, "test", |a: &mut Account| -> anyhow::Result<()> {
            a.fit.disqualify("No pharma lanes at all", at()).unwrap();
            Ok(())
        })
        .unwrap();
    let s = summary(&store, &id);
    assert_eq!(
        s.disqualified.map(|d| d.why).as_deref(),
        Some("No pharma lanes at all")
    );
}
