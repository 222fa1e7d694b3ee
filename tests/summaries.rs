//! The picker's summary of every account, read from the files and from the list cache, is
//! the summary of the full account (issue 15): names, last change, counts, the journey's
//! pulse, fit answers and disqualification, for accounts of every shape.

use callbook::domain::sweet_spot::Answer;
use callbook::domain::{Account, Item, Person, sample};
use callbook::storage::{Listing, Store, Summary};
use chrono::{DateTime, Duration, Utc};

fn at() -> DateTime<Utc> {
    "2026-11-02T09:00:00Z".parse().unwrap()
}

/// Accounts unlike each other: empty, the sample, one disqualified, one with many entries.
fn accounts() -> Vec<Account> {
    let mut many = Account::new("Many Entries Co", at());
    for i in 0..40 {
        let mut g = Item::new(&format!("Goal {i}"), at() + Duration::minutes(i));
        g.notes = "x".repeat(i as usize);
        many.world.goals.push(g);
        many.people.push(Person::new(&format!("Person {i}"), at()));
    }
    let mut out = sample::account(at());
    out.name = "Walked Away Ltd".into();
    out.fit.set("own-fleet", Answer::No, "subcontracts", at());
    out.fit
        .disqualify("Subcontracts all its refrigerated loads", at())
        .unwrap();
    vec![Account::new("Empty Co", at()), sample::account(at()), out, many]
}

fn summaries(store: &Store) -> Vec<Summary> {
    store
        .list()
        .unwrap()
        .into_iter()
        .map(|l| match l {
            Listing::Ok(s) => s,
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn every_listed_summary_is_the_summary_of_the_full_account_cold_and_cached() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    for a in accounts() {
        store.create(&a).unwrap();
    }
    let cold = summaries(&store);
    let cached = summaries(&store);
    assert_eq!(cold, cached, "the cache gives what the files give");
    assert_eq!(cold.len(), 4);
    for s in &cold {
        let full = store.load(&s.id).unwrap().account;
        assert_eq!(s, &Summary::of(s.id.clone(), &full), "{}", s.name);
    }
    let out = cold.iter().find(|s| s.name == "Walked Away Ltd").unwrap();
    assert!(
        out.disqualified.is_some()
            && out
                .answers
                .iter()
                .any(|(id, a)| id == "own-fleet" && *a == Answer::No)
    );
}
