//! What `doctor` finds inside one readable account: two records with one id, and links,
//! choices and comments that point at records the account no longer has. Neither is fixed:
//! which record an id was meant for is a person's call.

use crate::domain::text::shorten;
use crate::domain::{Account, ItemId, Pane};
use std::collections::{HashMap, HashSet};

/// One finding: what is wrong, and the remedy.
pub type Finding = (String, String);

/// The ids of one kind of record, for links that must point at that kind.
struct Ids<'a> {
    items: HashSet<&'a str>,
    people: HashSet<&'a str>,
    questions: HashSet<&'a str>,
    turns: HashSet<&'a str>,
    tasks: HashSet<&'a str>,
    all: HashSet<&'a str>,
}

/// Every record of the account with a word for its kind, in file order.
fn records(a: &Account) -> Vec<(&'static str, &ItemId)> {
    let mut out = Vec::new();
    for pane in Pane::ALL {
        match a.items(pane) {
            Some(items) => out.extend(items.iter().map(|it| (kind(pane), &it.id))),
            None => out.extend(a.people.iter().map(|p| ("person", &p.id))),
        }
    }
    out.extend(a.questions.iter().map(|q| ("question", &q.id)));
    out.extend(a.turns.iter().map(|t| ("turn", &t.id)));
    out.extend(a.tasks.iter().map(|t| ("task", &t.id)));
    out.extend(a.calls.iter().map(|c| ("call", &c.id)));
    out.extend(a.comments.iter().map(|c| ("comment", &c.id)));
    out.extend(a.scenarios.iter().map(|s| ("scenario", &s.id)));
    out
}

/// A world item's kind, in a word or two.
fn kind(pane: Pane) -> &'static str {
    match pane {
        Pane::Goals => "goal",
        Pane::Threats => "threat",
        Pane::Competitors => "competitor",
        Pane::Market => "market item",
        Pane::WhyChange => "reason to change",
        Pane::People => "person",
    }
}

impl<'a> Ids<'a> {
    fn of(a: &'a Account) -> Self {
        let set = |ids: Vec<&'a ItemId>| ids.into_iter().map(ItemId::as_str).collect();
        let items = Pane::ALL
            .iter()
            .filter_map(|&p| a.items(p))
            .flatten()
            .map(|it| &it.id);
        Ids {
            items: set(items.collect()),
            people: set(a.people.iter().map(|p| &p.id).collect()),
            questions: set(a.questions.iter().map(|q| &q.id).collect()),
            turns: set(a.turns.iter().map(|t| &t.id).collect()),
            tasks: set(a.tasks.iter().map(|t| &t.id).collect()),
            all: records(a).into_iter().map(|(_, id)| id.as_str()).collect(),
        }
    }
}

/// Everything wrong with the account's ids: duplicates first, then dangling references.
pub fn check(a: &Account) -> Vec<Finding> {
    let mut out = duplicates(a);
    out.extend(dangling(a));
    out
}

/// Ids that two records share: a link to one of them can't say which it means.
fn duplicates(a: &Account) -> Vec<Finding> {
    let mut seen: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut order = Vec::new();
    for (kind, id) in records(a) {
        let kinds = seen.entry(id.as_str()).or_default();
        if kinds.len() == 1 {
            order.push(id.as_str());
        }
        kinds.push(kind);
    }
    order
        .into_iter()
        .map(|id| {
            let kinds = &seen[id];
            (
                format!(
                    "{} records share the id \"{id}\" ({})",
                    kinds.len(),
                    kinds.join(", ")
                ),
                "give all but one a new id in an editor; links to it may mean either, so check them".into(),
            )
        })
        .collect()
}

/// References to records the account doesn't have, each as (where, which field, the id).
fn dangling(a: &Account) -> Vec<Finding> {
    let ids = Ids::of(a);
    let mut out = Vec::new();
    let mut refer = |owner: String, field: &str, id: &ItemId, to: &HashSet<&str>| {
        if !to.contains(id.as_str()) {
            out.push((
                format!("{owner}: {field} points at \"{id}\", which the account doesn't have"),
                "remove or relink it in the app (or bring the record back from trash/ or git)".into(),
            ));
        }
    };
    let world: HashSet<&str> = ids.items.union(&ids.people).copied().collect();
    for q in &a.questions {
        let owner = format!("question \"{}\"", shorten(&q.text, 60));
        q.links
            .iter()
            .for_each(|l| refer(owner.clone(), "a link", l, &world));
    }
    for t in &a.turns {
        let owner = format!("turn \"{}\"", shorten(&t.line, 60));
        t.links
            .iter()
            .for_each(|l| refer(owner.clone(), "a link", l, &world));
        t.follow_ups
            .iter()
            .for_each(|f| refer(owner.clone(), "a follow-up", f, &ids.turns));
        t.who
            .iter()
            .for_each(|w| refer(owner.clone(), "who", w, &ids.people));
    }
    for t in &a.tasks {
        let owner = format!("task \"{}\"", shorten(&t.text, 60));
        t.owner
            .iter()
            .for_each(|o| refer(owner.clone(), "its owner", o, &ids.people));
    }
    for c in &a.calls {
        let owner = format!("call of {}", c.when.format("%Y-%m-%d"));
        c.attendees
            .iter()
            .for_each(|p| refer(owner.clone(), "an attendee", p, &ids.people));
        for item in &c.agenda {
            refer(
                owner.clone(),
                "an agenda question",
                &item.question,
                &ids.questions,
            );
        }
        if let Some(d) = &c.debrief {
            d.task
                .iter()
                .for_each(|t| refer(owner.clone(), "the debrief's task", t, &ids.tasks));
            d.asked
                .iter()
                .for_each(|q| refer(owner.clone(), "an asked question", q, &ids.questions));
        }
    }
    if let Some(e) = &a.journey.evidence {
        refer("the journey".into(), "its evidence", e, &world);
    }
    for s in &a.scenarios {
        let owner = format!("scenario \"{}\"", shorten(&s.does, 60));
        refer(owner.clone(), "the goal it serves", &s.serves, &ids.items);
        s.person
            .iter()
            .for_each(|p| refer(owner.clone(), "its person", p, &ids.people));
        s.turn
            .iter()
            .for_each(|t| refer(owner.clone(), "its turn", t, &ids.turns));
    }
    for c in &a.comments {
        // A comment on a scorecard check has no record to point at.
        if !c.anchor.starts_with("check:") {
            let owner = format!("comment \"{}\"", shorten(&c.text, 60));
            refer(owner, "its anchor", &ItemId::from_raw(&c.anchor), &ids.all);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Item, now};

    #[test]
    fn a_sound_account_has_no_findings_and_a_broken_one_names_each() {
        let t = now();
        let mut a = Account::new("Acme", t);
        a.world.goals.push(Item::new("Open a depot", t));
        assert!(check(&a).is_empty());
        let mut twin = Item::new("Cut spoilage", t);
        twin.id = a.world.goals[0].id.clone();
        a.world.threats.push(twin);
        a.journey.evidence = Some(ItemId::from_raw("gone-1"));
        let found = check(&a);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.starts_with("2 records share the id"), "{found:?}");
        assert!(found[1].0.contains("\"gone-1\""), "{found:?}");
    }
}
