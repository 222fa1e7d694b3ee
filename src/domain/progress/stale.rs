//! What has gone stale in the customer's world: items and people not updated for a while,
//! each with a question that opens the call's "what has changed since we last spoke". The
//! questions are about the customer and pass the linter as questions; an item's own text
//! is quoted in them, so its words (ours or theirs) are never read as our claim.

use crate::domain::account::{Account, Pane};
use crate::domain::id::ItemId;
use crate::domain::lint::{Kind, lint};
use crate::domain::text::{first_line, shorten};
use chrono::{DateTime, Duration, Utc};

/// Days without an update after which an item of their world is stale.
pub const STALE_DAYS: i64 = 60;

/// How much of an item's text a question quotes.
const QUOTED: usize = 60;

/// Every item of their world (goals, threats, competitors, market, why change) and every
/// person not updated for more than [`STALE_DAYS`] days at `now`, in pane order, each with
/// a question to ask the customer about it.
pub fn stale_items(account: &Account, now: DateTime<Utc>) -> Vec<(Pane, ItemId, String)> {
    let old = |updated: DateTime<Utc>| now - updated > Duration::days(STALE_DAYS);
    let mut out = Vec::new();
    for pane in Pane::ALL {
        match account.items(pane) {
            Some(items) => out.extend(
                items
                    .iter()
                    .filter(|it| old(it.updated))
                    .map(|it| (pane, it.id.clone(), question(pane, &it.text))),
            ),
            None => out.extend(
                account
                    .people
                    .iter()
                    .filter(|p| old(p.updated))
                    .map(|p| (pane, p.id.clone(), question(pane, &p.name))),
            ),
        }
    }
    out
}

/// The question to ask about an entry of `pane` whose text (or name) is `text`.
fn question(pane: Pane, text: &str) -> String {
    let plain = shorten(&first_line(text).replace(['“', '”', '"', '«', '»'], ""), QUOTED);
    let quoted = format!("“{plain}”");
    match pane {
        Pane::Goals => format!("How far has {quoted} come since we last spoke?"),
        Pane::Threats => format!("What has changed with {quoted} since we last spoke?"),
        Pane::Competitors => format!("What are you seeing from {quoted} these days?"),
        Pane::Market => format!("How is {quoted} playing out for you now?"),
        Pane::WhyChange => format!("Where does {quoted} stand for you today?"),
        Pane::People => {
            // A name reads best bare; quoted only when its words would trip the linter.
            let bare = format!("What is {plain} working on these days?");
            if clean(&bare) {
                bare
            } else {
                format!("What is {quoted} working on these days?")
            }
        }
    }
}

/// True when `line` lints as a question with no rule fired.
fn clean(line: &str) -> bool {
    let l = lint(line, None);
    l.kind == Kind::Question && l.flags.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Item, Person};

    fn at(days_ago: i64) -> DateTime<Utc> {
        now() - Duration::days(days_ago)
    }

    fn now() -> DateTime<Utc> {
        "2026-12-01T09:00:00Z".parse().unwrap()
    }

    fn account() -> Account {
        let mut a = Account::new("Acme", at(200));
        for (pane, text, days) in [
            (Pane::Goals, "Open a depot in Ohio", 61),
            (Pane::Goals, "Cut empty miles", 60),
            (Pane::Threats, "Diesel prices", 90),
            (Pane::Competitors, "We offer the best seamless platform", 120),
            (Pane::Market, "Spot rates \"down\" 11%", 70),
            (Pane::WhyChange, "Insurance renews in March", 65),
        ] {
            let mut it = Item::new(text, at(days));
            it.updated = at(days);
            a.items_mut(pane).unwrap().push(it);
        }
        a.people.push(Person::new("Dana Whitlock", at(61)));
        a.people.push(Person::new("Best Choice", at(100)));
        a.people.push(Person::new("Kevin", at(3)));
        a
    }

    #[test]
    fn only_what_is_older_than_sixty_days_is_stale() {
        let a = account();
        let stale = stale_items(&a, now());
        let texts: Vec<&str> = stale.iter().map(|(_, _, q)| q.as_str()).collect();
        assert_eq!(stale.len(), 7, "{texts:#?}");
        assert!(texts[0].contains("Open a depot in Ohio"), "{texts:#?}");
        assert!(
            !texts
                .iter()
                .any(|q| q.contains("Cut empty miles") || q.contains("Kevin"))
        );
        assert_eq!((stale[0].0, &stale[0].1), (Pane::Goals, &a.world.goals[0].id));
        let people: Vec<_> = stale.iter().filter(|s| s.0 == Pane::People).collect();
        assert_eq!(people.len(), 2);
        assert!(
            stale_items(&a, at(60)).is_empty(),
            "exactly sixty days is not yet stale"
        );
    }

    #[test]
    fn every_question_asks_the_customer_and_passes_the_linter() {
        for (pane, _, q) in stale_items(&account(), now()) {
            assert!(clean(&q), "{pane:?}: {q}");
            assert!(
                q.ends_with('?') && q.chars().filter(|&c| c == '“').count() <= 1,
                "{q}"
            );
        }
    }

    #[test]
    fn long_and_hostile_text_is_cut_marked_and_cleaned() {
        let long = "Win back the three Leeds grocery distribution centres lost in 2025 by proving records";
        let q = question(Pane::Goals, &format!("{long}\nsecond line\x1b[2J"));
        assert!(
            q.contains('…') && !q.contains("second") && !q.contains('\x1b'),
            "{q}"
        );
        assert!(clean(&q), "{q}");
        assert_eq!(
            question(Pane::People, "Dana Whitlock"),
            "What is Dana Whitlock working on these days?"
        );
    }
}
