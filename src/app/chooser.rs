//! The chooser popup: a list to pick one row from (a pane) or tick several (links,
//! suggested turns), and what each choice does.

use super::context::Ctx;
use super::document::ChangeKind;
use super::{Action, Overlay, Scope, Screen};
use crate::domain::plan;
use crate::domain::text::first_line;
use crate::domain::turn::Turn;
use crate::domain::turns::{self, TurnSuggestion};
use crate::domain::{Account, ItemId, Pane};

/// A popup list to pick from: one row (a pane) or several (links).
#[derive(Clone, Debug)]
pub struct Chooser {
    /// The popup's title.
    pub title: String,
    /// The rows, as shown.
    pub rows: Vec<String>,
    /// Which rows are ticked (several may be, when [`Chooser::multi`]).
    pub checked: Vec<bool>,
    /// The highlighted row.
    pub cursor: usize,
    /// What the choice is for.
    pub purpose: Purpose,
}

impl Chooser {
    /// A chooser for `purpose`, nothing highlighted but the first row.
    pub(super) fn new(title: String, rows: Vec<String>, checked: Vec<bool>, purpose: Purpose) -> Self {
        Chooser {
            title,
            rows,
            checked,
            cursor: 0,
            purpose,
        }
    }

    /// True when several rows may be ticked (Space ticks, Enter keeps); a pane is picked alone.
    pub fn multi(&self) -> bool {
        !matches!(
            self.purpose,
            Purpose::AnswerPane { .. }
                | Purpose::TaskOwner { .. }
                | Purpose::Objective { .. }
                | Purpose::Evidence { .. }
                | Purpose::ScenarioFor { .. }
                | Purpose::ScenarioWho { .. }
                | Purpose::ScenarioOffering { .. }
                | Purpose::ScenarioTurn { .. }
        )
    }
}

/// What a chooser's answer is used for.
#[derive(Clone, Debug)]
pub enum Purpose {
    /// The items question `question` serves; `ids` matches the rows.
    Links {
        /// The question's index in the plan.
        question: usize,
        /// The item id of each row.
        ids: Vec<ItemId>,
    },
    /// The pane the answer to question `question` becomes an item of.
    AnswerPane {
        /// The question's index in the plan.
        question: usize,
    },
    /// Who says turn `turn` (the first person ticked) and the items it touches.
    TurnLinks {
        /// The turn's index.
        turn: usize,
        /// The item id of each row.
        ids: Vec<ItemId>,
    },
    /// Suggested turns; the ticked ones (or the highlighted one) are added.
    AddTurns(Vec<TurnSuggestion>),
    /// Who on their side owns task `task`; `ids` matches the rows (people).
    TaskOwner {
        /// The task's index.
        task: usize,
        /// The person id of each row.
        ids: Vec<ItemId>,
    },
    /// Who is on call `call`; `ids` matches the rows (people).
    Attendees {
        /// The call's index.
        call: usize,
        /// The person id of each row.
        ids: Vec<ItemId>,
    },
    /// The plan questions of call `call`'s agenda, in plan order; `ids` matches the rows.
    Agenda {
        /// The call's index.
        call: usize,
        /// The question id of each row.
        ids: Vec<ItemId>,
    },
    /// Call `call`'s objective, taken from one of their open tasks (the rows' texts).
    Objective {
        /// The call's index.
        call: usize,
    },
    /// The world item that shows the stage they stand at; `ids` matches the rows.
    Evidence {
        /// The item id of each row.
        ids: Vec<ItemId>,
    },
    /// The goal or threat a new usage scenario serves; `ids` matches the rows.
    ScenarioFor {
        /// The item id of each row.
        ids: Vec<ItemId>,
    },
    /// Which of their people uses scenario `scenario`; `ids` matches the rows.
    ScenarioWho {
        /// The scenario's index.
        scenario: usize,
        /// The person id of each row.
        ids: Vec<ItemId>,
    },
    /// Which offering scenario `scenario` uses; `ids` matches the rows.
    ScenarioOffering {
        /// The scenario's index.
        scenario: usize,
        /// The offering id of each row.
        ids: Vec<String>,
    },
    /// The turn scenario `scenario` becomes the prepared response of; `ids` matches the rows
    /// (`None`: a new turn).
    ScenarioTurn {
        /// The scenario's index.
        scenario: usize,
        /// The turn id of each row.
        ids: Vec<Option<ItemId>>,
        /// The scenario's sentence, the turn's new prepared response.
        response: String,
    },
}

/// Puts a chooser on screen.
fn show(cx: &mut Ctx, chooser: Chooser) {
    cx.show(Overlay::Choose(Box::new(chooser)));
}

/// Every item of the customer's world as chooser rows ("Goals: ..."), with their ids.
fn world_rows(account: &Account) -> (Vec<String>, Vec<ItemId>) {
    let (mut rows, mut ids) = (Vec::new(), Vec::new());
    for pane in Pane::ALL {
        for i in 0..account.len(pane) {
            let title = account.title(pane, i).unwrap_or("");
            rows.push(format!("{}: {}", pane.title(), first_line(title)));
            ids.push(match account.items(pane) {
                Some(items) => items[i].id.clone(),
                None => account.people[i].id.clone(),
            });
        }
    }
    (rows, ids)
}

/// Opens a chooser to tick world items, `linked` ticked already; says why when the world
/// is empty.
fn choose_items(
    cx: &mut Ctx,
    title: String,
    linked: &[ItemId],
    purpose: impl FnOnce(Vec<ItemId>) -> Purpose,
) {
    let (rows, ids) = world_rows(&cx.doc.account);
    if rows.is_empty() {
        let world = cx.key(Scope::Workbook, Action::Screen(Screen::World.number()));
        return cx.say(format!(
            "The customer's world is empty: add goals, threats or people first ({world})"
        ));
    }
    let checked = ids.iter().map(|id| linked.contains(id)).collect();
    show(cx, Chooser::new(title, rows, checked, purpose(ids)));
}

/// `l` on a plan question (`question`, the selected one, if any): tick the world items it
/// serves.
pub(super) fn choose_links(cx: &mut Ctx, question: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(question) = question else {
        return cx.say("Select a question of the plan to link it");
    };
    let q = &cx.doc.account.questions[question];
    let (title, linked) = (format!("Link \"{}\" to", first_line(&q.text)), q.links.clone());
    choose_items(cx, title, &linked, |ids| Purpose::Links { question, ids });
}

/// `l` on turn `turn`: tick who says it (a person) and the items it touches.
pub(super) fn choose_turn_links(cx: &mut Ctx, turn: usize) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(t) = cx.doc.account.turns.get(turn) else {
        return cx.say(super::rehearse::no_turns(cx.keys));
    };
    let mut linked = t.links.clone();
    linked.extend(t.who.clone());
    let title = format!("\"{}\": who says it, what it touches", first_line(&t.line));
    choose_items(cx, title, &linked, |ids| Purpose::TurnLinks { turn, ids });
}

/// `g` on the turn list: tick suggested turns to add.
pub(super) fn choose_suggested_turns(cx: &mut Ctx) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let suggestions = turns::suggest(&cx.doc.account);
    if suggestions.is_empty() {
        return cx.say("No more suggestions: every suggested turn is in the list");
    }
    let rows = suggestions
        .iter()
        .map(|s| format!("{} · {}", first_line(&s.line), s.source))
        .collect();
    let checked = vec![false; suggestions.len()];
    let title = "Suggested turns (offered, never added silently)".to_owned();
    show(
        cx,
        Chooser::new(title, rows, checked, Purpose::AddTurns(suggestions)),
    );
}

/// `w` on an answered question (`question`, the selected one, if any): pick the pane its
/// answer becomes an item of.
pub(super) fn choose_answer_pane(cx: &mut Ctx, question: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(question) = question else {
        return;
    };
    if cx.doc.account.questions[question].answer.trim().is_empty() {
        let edit = cx.key(Scope::Screen(Screen::Questions), Action::Edit);
        return cx.say(format!(
            "No answer noted yet: {edit} edits the question and its answer"
        ));
    }
    let rows = Pane::ALL.iter().map(|p| p.title().to_owned()).collect();
    let checked = vec![false; Pane::ALL.len()];
    let title = "The answer becomes an item of".to_owned();
    show(
        cx,
        Chooser::new(title, rows, checked, Purpose::AnswerPane { question }),
    );
}

/// Enter in a chooser: carry out what it was opened for.
pub(super) fn chosen(cx: &mut Ctx, chooser: Chooser) {
    let Chooser {
        checked,
        cursor,
        purpose,
        ..
    } = chooser;
    let message = match purpose {
        Purpose::Links { question, ids } => cx.change(ChangeKind::Content, |account, now| {
            let q = account.questions.get_mut(question).ok_or_else(String::new)?;
            q.links = ticked(ids, &checked);
            q.updated = now;
            Ok(linked(q.links.len()))
        }),
        Purpose::AnswerPane { question } => {
            let pane = Pane::ALL[cursor.min(Pane::ALL.len() - 1)];
            let world = cx.key(Scope::Workbook, Action::Screen(Screen::World.number()));
            cx.change(ChangeKind::Content, |account, now| {
                plan::answer_to_item(account, question, pane, now).map_err(|e| e.to_string())?;
                Ok(format!(
                    "The answer is now an item of {} ({world} shows it)",
                    pane.title()
                ))
            })
        }
        Purpose::TurnLinks { turn, ids } => cx.change(ChangeKind::Content, |account, now| {
            let ticked = ticked(ids, &checked);
            let people: Vec<&ItemId> = account.people.iter().map(|p| &p.id).collect();
            let who = ticked.iter().find(|id| people.contains(id)).cloned();
            let t = account.turns.get_mut(turn).ok_or_else(String::new)?;
            t.links = ticked.into_iter().filter(|id| Some(id) != who.as_ref()).collect();
            (t.who, t.updated) = (who, now);
            Ok(linked(t.links.len()))
        }),
        Purpose::AddTurns(suggestions) => add_turns(cx, suggestions, &checked, cursor),
        // The call screen's choosers are carried out by `call_choices`.
        _ => None,
    };
    if let Some(message) = message {
        cx.say(message);
    }
}

/// The ids whose rows are ticked.
pub(super) fn ticked(ids: Vec<ItemId>, checked: &[bool]) -> Vec<ItemId> {
    ids.into_iter()
        .zip(checked)
        .filter(|(_, c)| **c)
        .map(|(id, _)| id)
        .collect()
}

fn linked(n: usize) -> String {
    format!("Linked to {n} item{}", if n == 1 { "" } else { "s" })
}

/// Adds the ticked suggestions as turns, or the highlighted one when none is ticked.
fn add_turns(
    cx: &mut Ctx,
    suggestions: Vec<TurnSuggestion>,
    checked: &[bool],
    cursor: usize,
) -> Option<String> {
    let any = checked.iter().any(|c| *c);
    let picked: Vec<TurnSuggestion> = suggestions
        .into_iter()
        .enumerate()
        .filter(|(i, _)| if any { checked[*i] } else { *i == cursor })
        .map(|(_, s)| s)
        .collect();
    cx.change(ChangeKind::Content, |account, now| {
        for s in &picked {
            let mut t = Turn::new(&s.line, s.kind, now);
            (t.response, t.who, t.links) = (s.response.clone(), s.who.clone(), s.links.clone());
            account.turns.push(t);
        }
        Ok(format!(
            "Added {} turn{}",
            picked.len(),
            if picked.len() == 1 { "" } else { "s" }
        ))
    })
}
