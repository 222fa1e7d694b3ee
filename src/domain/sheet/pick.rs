//! What goes on a call sheet, chosen once for the plain sheet and the Markdown one alike:
//! who is on the call, the top items of their world, the agenda, and the turns most likely
//! to come up.

use crate::domain::account::{Account, Item, Pane, Person, Priority};
use crate::domain::call::Call;
use crate::domain::id::ItemId;
use crate::domain::turn::Turn;
use std::cmp::Reverse;
use std::collections::HashSet;

/// How many items of their world a sheet shows.
pub(super) const WORLD: usize = 3;

/// How many turns a sheet shows.
pub(super) const TURNS: usize = 3;

/// The pieces of a sheet, borrowed from the account.
pub(super) struct Picked<'a> {
    /// The attendees still among their people, in the plan's order.
    pub who: Vec<&'a Person>,
    /// The top items of their world, with their pane.
    pub world: Vec<(Pane, &'a Item)>,
    /// The agenda: minutes and the question's text (`None` when it left the plan).
    pub agenda: Vec<(u16, Option<&'a str>)>,
    /// The turns most likely to come up, most likely first.
    pub turns: Vec<&'a Turn>,
}

/// Chooses what a sheet of `call` shows.
pub(super) fn pick<'a>(account: &'a Account, call: &Call) -> Picked<'a> {
    let who: Vec<&Person> = call
        .attendees
        .iter()
        .filter_map(|id| account.people.iter().find(|p| &p.id == id))
        .collect();
    let agenda = call
        .agenda
        .iter()
        .map(|a| {
            let q = account.questions.iter().find(|q| q.id == a.question);
            (a.minutes, q.map(|q| q.text.as_str()))
        })
        .collect();
    let touched = agenda_links(account, call);
    Picked {
        world: world(account, &touched),
        turns: turns(account, &who, &touched),
        who,
        agenda,
    }
}

/// The world items the agenda's questions serve.
fn agenda_links<'a>(account: &'a Account, call: &Call) -> HashSet<&'a ItemId> {
    call.agenda
        .iter()
        .filter_map(|a| account.questions.iter().find(|q| q.id == a.question))
        .flat_map(|q| &q.links)
        .collect()
}

/// The top [`WORLD`] items: high priority first; among equals, those the agenda serves,
/// then pane order and list order.
fn world<'a>(account: &'a Account, touched: &HashSet<&ItemId>) -> Vec<(Pane, &'a Item)> {
    let mut all: Vec<(Pane, &Item)> = Pane::ALL
        .into_iter()
        .filter_map(|p| account.items(p).map(|items| (p, items)))
        .flat_map(|(p, items)| items.iter().map(move |it| (p, it)))
        .collect();
    all.sort_by_key(|(_, it)| (Reverse(it.priority), !touched.contains(&it.id)));
    all.truncate(WORLD);
    all
}

/// How much an item's priority weighs in a turn's likelihood.
fn weight(p: Priority) -> u32 {
    match p {
        Priority::High => 3,
        Priority::Medium => 2,
        Priority::Low => 1,
        Priority::None => 0,
    }
}

/// The [`TURNS`] turns most likely to come up: said by someone on the call (+4), touching
/// what the agenda asks about (+2 each), and by the weight of the items they touch (the
/// highest); ties keep the turns' own order.
fn turns<'a>(account: &'a Account, who: &[&Person], touched: &HashSet<&ItemId>) -> Vec<&'a Turn> {
    let priority = |id: &ItemId| {
        Pane::ALL
            .into_iter()
            .filter_map(|p| account.items(p))
            .flatten()
            .find(|it| &it.id == id)
            .map_or(0, |it| weight(it.priority))
    };
    let score = |t: &Turn| {
        let said = t.who.as_ref().is_some_and(|w| who.iter().any(|p| &p.id == w));
        let asked = t.links.iter().filter(|l| touched.contains(l)).count() as u32;
        let top = t.links.iter().map(priority).max().unwrap_or(0);
        u32::from(said) * 4 + asked * 2 + top
    };
    let mut ranked: Vec<&Turn> = account.turns.iter().collect();
    ranked.sort_by_key(|t| Reverse(score(t)));
    ranked.truncate(TURNS);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::call::AgendaItem;
    use crate::domain::plan::Question;
    use crate::domain::turn::TurnKind;
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-12-01T09:00:00Z".parse().unwrap()
    }

    fn item(a: &mut Account, pane: Pane, text: &str, p: Priority) -> ItemId {
        let mut it = Item::new(text, now());
        it.priority = p;
        let id = it.id.clone();
        a.items_mut(pane).unwrap().push(it);
        id
    }

    #[test]
    fn high_items_first_and_likely_turns_first() {
        let mut a = Account::new("Acme", now());
        let low = item(&mut a, Pane::Goals, "low goal", Priority::Low);
        let asked = item(&mut a, Pane::Goals, "medium goal, asked", Priority::Medium);
        item(&mut a, Pane::Threats, "medium threat", Priority::Medium);
        item(&mut a, Pane::Market, "high market", Priority::High);
        a.people.push(Person::new("Dana", now()));
        let q = Question::new("What moves the goal?", vec![asked.clone()], None, now());
        let mut call = Call::new(now(), now());
        call.agenda.push(AgendaItem {
            extra: Default::default(),
            question: q.id.clone(),
            minutes: 5,
        });
        call.agenda.push(AgendaItem {
            extra: Default::default(),
            question: ItemId("gone0000".into()),
            minutes: 3,
        });
        call.attendees = vec![a.people[0].id.clone(), ItemId("gone0000".into())];
        a.questions.push(q);
        let mut turn = |line: &str, links: Vec<ItemId>, by_dana: bool| {
            let mut t = Turn::new(line, TurnKind::Question, now());
            t.links = links;
            t.who = by_dana.then(|| a.people[0].id.clone());
            a.turns.push(t);
        };
        turn("nobody, low", vec![low.clone()], false);
        turn("nobody, asked", vec![asked.clone()], false);
        turn("dana, low", vec![low], true);
        turn("nobody, nothing", vec![], false);
        let p = pick(&a, &call);
        let world: Vec<&str> = p.world.iter().map(|(_, it)| it.text.as_str()).collect();
        assert_eq!(world, ["high market", "medium goal, asked", "medium threat"]);
        let turns: Vec<&str> = p.turns.iter().map(|t| t.line.as_str()).collect();
        assert_eq!(turns, ["dana, low", "nobody, asked", "nobody, low"]);
        assert_eq!(p.who.len(), 1, "an attendee no longer there is left out");
        assert_eq!(p.agenda, [(5, Some("What moves the goal?")), (3, None)]);
    }
}
