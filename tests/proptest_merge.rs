//! The merge by id over generated change sets (issue 14, tests): two independent sets of
//! changes to one account (edits to different records, additions on both sides, a deletion,
//! comments and replies, rehearsal attempts, fit answers), merged in either order, give the
//! same account (record order aside) with nothing either side wrote lost.

use callbook::domain::comment::{Comment, Reply};
use callbook::domain::merge::merge;
use callbook::domain::plan::Question;
use callbook::domain::sweet_spot::Answer;
use callbook::domain::turn::{Attempt, Turn, TurnKind};
use callbook::domain::{Account, Item};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn at() -> DateTime<Utc> {
    "2026-11-02T09:00:00Z".parse().unwrap()
}

/// An account with `n` goals, a question, a turn, and a comment.
fn base(n: usize) -> Account {
    let mut a = Account::new("Ashcombe", at());
    a.world.goals = (0..n).map(|i| Item::new(&format!("Goal {i}"), at())).collect();
    a.questions.push(Question::new(
        "What does a rejected load cost?",
        Vec::new(),
        None,
        at(),
    ));
    a.turns
        .push(Turn::new("We already get alarms.", TurnKind::Objection, at()));
    let goal = a.world.goals[0].id.to_string();
    a.comments.push(Comment::new(&goal, "Coach", "Whose goal?", at()));
    a
}

/// One side's changes: notes on the goals it owns, goals added, a reply, an attempt, an
/// answer to a criterion of its own, and maybe a deleted goal of its own.
#[derive(Clone, Debug)]
struct Side {
    /// Which goals this side edits (indices into the base's goals it owns).
    edits: Vec<usize>,
    added: usize,
    reply: bool,
    attempt: bool,
    delete: Option<usize>,
}

fn side() -> impl Strategy<Value = Side> {
    (
        prop::collection::vec(0usize..4, 0..4),
        0usize..3,
        any::<bool>(),
        any::<bool>(),
        prop::option::of(0usize..4),
    )
        .prop_map(|(edits, added, reply, attempt, delete)| Side {
            edits,
            added,
            reply,
            attempt,
            delete,
        })
}

/// `side` applied to `base`; `name` tells the sides apart, and `owned` maps a side's goal
/// index to the base's, so the two sides never touch one record's same field.
fn apply(base: &Account, s: &Side, name: &str, owned: &[usize]) -> Account {
    let mut a = base.clone();
    let later = at() + Duration::hours(1);
    for &e in &s.edits {
        let g = &mut a.world.goals[owned[e % owned.len()]];
        g.notes = format!("{name} notes");
        g.updated = later;
    }
    for i in 0..s.added {
        a.world.goals.push(Item::new(&format!("{name} goal {i}"), later));
    }
    if s.reply {
        a.comments[0].replies.push(Reply {
            author: name.into(),
            at: later,
            text: format!("{name} replies"),
            extra: Default::default(),
        });
    }
    if s.attempt {
        a.turns[0].attempts.push(Attempt {
            at: later,
            answer: format!("{name} answer"),
            checks: Vec::new(),
            grade: 3,
            due: later,
            first_key_secs: 1.0,
            total_secs: 9.0,
            extra: Default::default(),
        });
    }
    a.fit.set(&format!("{name}-criterion"), Answer::Yes, "", later);
    if let Some(d) = s.delete {
        let id = base.world.goals[owned[d % owned.len()]].id.clone();
        if !s
            .edits
            .iter()
            .any(|&e| base.world.goals[owned[e % owned.len()]].id == id)
        {
            a.world.goals.retain(|g| g.id != id);
        }
    }
    a
}

/// The account as a set of records' JSON, so order doesn't count.
fn content(a: &Account) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.extend(a.world.goals.iter().map(|g| serde_json::to_string(g).unwrap()));
    out.extend(a.turns[0].attempts.iter().map(|t| t.answer.clone()));
    out.extend(a.comments[0].replies.iter().map(|r| r.text.clone()));
    out.extend(a.fit.answers.iter().map(|f| f.id.clone()));
    out
}

proptest! {
    #[test]
    fn independent_changes_merge_alike_in_either_order_and_nothing_is_lost(ours in side(), theirs in side()) {
        let b = base(8);
        // Ours owns the even goals, theirs the odd ones.
        let (o, t) = (apply(&b, &ours, "ours", &[0, 2, 4, 6]), apply(&b, &theirs, "theirs", &[1, 3, 5, 7]));
        let one = merge(&b, &o, &t).unwrap();
        let two = merge(&b, &t, &o).unwrap();
        prop_assert!(one.doubled.is_empty() && two.doubled.is_empty());
        prop_assert_eq!(content(&one.account), content(&two.account));
        let merged = content(&one.account);
        let in_base = |g: &Item| b.world.goals.iter().any(|x| x == g);
        for side in [&o, &t] {
            // What a side changed or added is in the merge as that side wrote it.
            for g in side.world.goals.iter().filter(|g| !in_base(g)) {
                prop_assert!(merged.contains(&serde_json::to_string(g).unwrap()), "lost {:?}", g);
            }
            for x in content(side).into_iter().filter(|x| !x.starts_with('{')) {
                prop_assert!(merged.contains(&x), "lost {}", x);
            }
        }
        // A goal neither side touched nor deleted is there as it was.
        for g in &b.world.goals {
            let kept = |a: &Account| a.world.goals.iter().any(|x| x == g);
            if kept(&o) && kept(&t) {
                prop_assert!(merged.contains(&serde_json::to_string(g).unwrap()), "lost {:?}", g);
            }
        }
    }
}
