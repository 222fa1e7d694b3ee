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

/// What kind of record a reference must lead to.
#[derive(Clone, Copy)]
enum To {
    /// An item of their world, or one of their people (what links and evidence may name).
    World,
    /// A world item only (what a scenario serves).
    Item,
    Person,
    Question,
    Turn,
    Task,
    /// Any record (what a comment is about).
    Any,
}

/// The references found leading nowhere, as they are looked at.
struct Refs<'a> {
    ids: Ids<'a>,
    out: Vec<Finding>,
}

impl Refs<'_> {
    /// Notes each of `ids` (the field `field` of `owner`) that leads to no record of kind `to`.
    fn check<'i>(&mut self, owner: &str, field: &str, ids: impl IntoIterator<Item = &'i ItemId>, to: To) {
        for id in ids {
            let id = id.as_str();
            let there = match to {
                To::World => self.ids.items.contains(id) || self.ids.people.contains(id),
                To::Item => self.ids.items.contains(id),
                To::Person => self.ids.people.contains(id),
                To::Question => self.ids.questions.contains(id),
                To::Turn => self.ids.turns.contains(id),
                To::Task => self.ids.tasks.contains(id),
                To::Any => self.ids.all.contains(id),
            };
            if !there {
                self.out.push((
                    format!("{owner}: {field} points at \"{id}\", which the account doesn't have"),
                    "remove or relink it in the app (or bring the record back from trash/ or git)".into(),
                ));
            }
        }
    }

    /// The plan: questions' and turns' links, a turn's who and follow-ups.
    fn plan(&mut self, a: &Account) {
        for q in &a.questions {
            self.check(&named("question", &q.text), "a link", &q.links, To::World);
        }
        for t in &a.turns {
            let owner = named("turn", &t.line);
            self.check(&owner, "a link", &t.links, To::World);
            self.check(&owner, "a follow-up", &t.follow_ups, To::Turn);
            self.check(&owner, "who", &t.who, To::Person);
        }
    }

    /// Their journey: the evidence, their tasks' owners, calls and debriefs.
    fn journey(&mut self, a: &Account) {
        self.check("the journey", "its evidence", &a.journey.evidence, To::World);
        for t in &a.tasks {
            self.check(&named("task", &t.text), "its owner", &t.owner, To::Person);
        }
        for c in &a.calls {
            let owner = format!("call of {}", c.when.format("%Y-%m-%d"));
            self.check(&owner, "an attendee", &c.attendees, To::Person);
            let agenda = c.agenda.iter().map(|item| &item.question);
            self.check(&owner, "an agenda question", agenda, To::Question);
            if let Some(d) = &c.debrief {
                self.check(&owner, "the debrief's task", &d.task, To::Task);
                self.check(&owner, "an asked question", &d.asked, To::Question);
            }
        }
    }

    /// Scenarios and comments.
    fn the_rest(&mut self, a: &Account) {
        for s in &a.scenarios {
            let owner = named("scenario", &s.does);
            self.check(&owner, "the goal it serves", [&s.serves], To::Item);
            self.check(&owner, "its person", &s.person, To::Person);
            self.check(&owner, "its turn", &s.turn, To::Turn);
        }
        for c in &a.comments {
            // A comment on a scorecard check has no record to point at.
            if !c.anchor.starts_with("check:") {
                let anchor = ItemId::from_raw(&c.anchor);
                self.check(&named("comment", &c.text), "its anchor", [&anchor], To::Any);
            }
        }
    }
}

/// A record as a finding names it: its kind and the start of its text.
fn named(kind: &str, text: &str) -> String {
    format!("{kind} \"{}\"", shorten(text, 60))
}

/// References to records the account doesn't have.
fn dangling(a: &Account) -> Vec<Finding> {
    let mut refs = Refs {
        ids: Ids::of(a),
        out: Vec::new(),
    };
    refs.plan(a);
    refs.journey(a);
    refs.the_rest(a);
    refs.out
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
