//! The chooser popup: a list to pick one row from (a pane) or tick several (links,
//! suggested turns), and what each choice does.

use super::workbook::{change, writable};
use super::{App, Effect, Overlay};
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
    fn new(title: String, rows: Vec<String>, checked: Vec<bool>, purpose: Purpose) -> Self {
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
        !matches!(self.purpose, Purpose::AnswerPane { .. })
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
}

/// Puts a chooser on screen.
fn show(app: &mut App, chooser: Chooser) {
    app.overlay = Some(Overlay::Choose(Box::new(chooser)));
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
    app: &mut App,
    title: String,
    linked: &[ItemId],
    purpose: impl FnOnce(Vec<ItemId>) -> Purpose,
) {
    let Some(wb) = app.workbook.as_ref() else { return };
    let (rows, ids) = world_rows(&wb.account);
    if rows.is_empty() {
        return app.say("The customer's world is empty: add goals, threats or people first (1)");
    }
    let checked = ids.iter().map(|id| linked.contains(id)).collect();
    show(app, Chooser::new(title, rows, checked, purpose(ids)));
}

/// `l` on a plan question: tick the world items it serves.
pub(super) fn choose_links(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let Some(question) = wb.questions.current_question() else {
        return app.say("Select a question of the plan to link it");
    };
    let q = &wb.account.questions[question];
    let (title, linked) = (format!("Link \"{}\" to", first_line(&q.text)), q.links.clone());
    choose_items(app, title, &linked, |ids| Purpose::Links { question, ids });
}

/// `l` on a turn: tick who says it (a person) and the items it touches.
pub(super) fn choose_turn_links(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let Some(t) = wb.account.turns.get(wb.turn_row) else {
        return app.say("No turns yet: a writes one, g suggests some");
    };
    let turn = wb.turn_row;
    let mut linked = t.links.clone();
    linked.extend(t.who.clone());
    let title = format!("\"{}\": who says it, what it touches", first_line(&t.line));
    choose_items(app, title, &linked, |ids| Purpose::TurnLinks { turn, ids });
}

/// `g` on the turn list: tick suggested turns to add.
pub(super) fn choose_suggested_turns(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let suggestions = turns::suggest(&wb.account);
    if suggestions.is_empty() {
        return app.say("No more suggestions: every suggested turn is in the list");
    }
    let rows = suggestions
        .iter()
        .map(|s| format!("{} · {}", first_line(&s.line), s.source))
        .collect();
    let checked = vec![false; suggestions.len()];
    let title = "Suggested turns (offered, never added silently)".to_owned();
    show(
        app,
        Chooser::new(title, rows, checked, Purpose::AddTurns(suggestions)),
    );
}

/// `w` on an answered question: pick the pane its answer becomes an item of.
pub(super) fn choose_answer_pane(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let Some(question) = wb.questions.current_question() else {
        return;
    };
    if wb.account.questions[question].answer.trim().is_empty() {
        return app.say("No answer noted yet: Enter edits the question and its answer");
    }
    let rows = Pane::ALL.iter().map(|p| p.title().to_owned()).collect();
    show(
        app,
        Chooser::new(
            "The answer becomes an item of".into(),
            rows,
            vec![false; Pane::ALL.len()],
            Purpose::AnswerPane { question },
        ),
    );
}

/// Enter in a chooser: carry out what it was opened for.
pub(super) fn chosen(app: &mut App, chooser: Chooser) -> Vec<Effect> {
    let Chooser {
        checked,
        cursor,
        purpose,
        ..
    } = chooser;
    match purpose {
        Purpose::Links { question, ids } => change(app, |wb, now| {
            let q = wb.account.questions.get_mut(question).ok_or_else(String::new)?;
            q.links = ticked(ids, &checked);
            (q.updated, wb.account.updated) = (now, now);
            Ok(linked(q.links.len()))
        }),
        Purpose::AnswerPane { question } => {
            let pane = Pane::ALL[cursor.min(Pane::ALL.len() - 1)];
            change(app, |wb, now| {
                plan::answer_to_item(&mut wb.account, question, pane, now).map_err(|e| e.to_string())?;
                Ok(format!(
                    "The answer is now an item of {} (1 shows it)",
                    pane.title()
                ))
            })
        }
        Purpose::TurnLinks { turn, ids } => change(app, |wb, now| {
            let ticked = ticked(ids, &checked);
            let people: Vec<&ItemId> = wb.account.people.iter().map(|p| &p.id).collect();
            let t = wb.account.turns.get_mut(turn).ok_or_else(String::new)?;
            t.who = ticked.iter().find(|id| people.contains(id)).cloned();
            t.links = ticked
                .into_iter()
                .filter(|id| Some(id) != t.who.as_ref())
                .collect();
            (t.updated, wb.account.updated) = (now, now);
            Ok(linked(t.links.len()))
        }),
        Purpose::AddTurns(suggestions) => add_turns(app, suggestions, &checked, cursor),
    }
}

/// The ids whose rows are ticked.
fn ticked(ids: Vec<ItemId>, checked: &[bool]) -> Vec<ItemId> {
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
    app: &mut App,
    suggestions: Vec<TurnSuggestion>,
    checked: &[bool],
    cursor: usize,
) -> Vec<Effect> {
    let any = checked.iter().any(|c| *c);
    let picked: Vec<TurnSuggestion> = suggestions
        .into_iter()
        .enumerate()
        .filter(|(i, _)| if any { checked[*i] } else { *i == cursor })
        .map(|(_, s)| s)
        .collect();
    change(app, |wb, now| {
        for s in &picked {
            let mut t = Turn::new(&s.line, s.kind, now);
            (t.response, t.who, t.links) = (s.response.clone(), s.who.clone(), s.links.clone());
            wb.account.turns.push(t);
        }
        wb.account.updated = now;
        Ok(format!(
            "Added {} turn{}",
            picked.len(),
            if picked.len() == 1 { "" } else { "s" }
        ))
    })
}
