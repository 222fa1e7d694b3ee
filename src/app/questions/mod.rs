//! The questions screen: the account's plan beside the bank ranked for it. State, the bank
//! as the app holds it, the chooser popup (links, panes), and the screen's behaviour.

mod bank;
mod edit;

pub use bank::Bank;
use edit::open_editor;
pub(super) use edit::{described, save_editor, use_rewrite};

use super::chooser;
use super::context::Ctx;
use super::document::ChangeKind;
use super::{Action, App, Scope, Screen, layout};
use crate::domain::form::Choice;
use crate::domain::health::{self, Health};
use crate::domain::lint::Lint;
use crate::domain::plan::Question;
use crate::domain::rank::{self, Suggestion};
use crate::domain::search::SearchIndex;
use crate::domain::text::first_line;

/// The questions screen's scope, where its messages look keys up.
const QUESTIONS: Scope = Scope::Screen(Screen::Questions);

/// Which list of the questions screen has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The account's plan.
    #[default]
    Plan,
    /// The bank, ranked for the account.
    Bank,
}

/// The questions screen's state; the ranked bank and search hits are derived from the
/// account and the filter by [`refresh`], after every action.
#[derive(Debug, Default)]
pub struct QuestionsState {
    /// The focused list.
    pub focus: Focus,
    /// Selected row of the plan, an index into `plan_hits`.
    pub plan_row: usize,
    /// Selected row of the bank, an index into `bank_hits`.
    pub bank_row: usize,
    /// The bank ranked for the account, best first.
    pub suggestions: Vec<Suggestion>,
    /// Plan questions the filter lets through (indices into the plan, in plan order).
    pub plan_hits: Vec<usize>,
    /// Suggestions the filter lets through (indices into `suggestions`, best first).
    pub bank_hits: Vec<usize>,
    /// The linter's verdict on each plan question, in plan order.
    pub verdicts: Vec<Lint>,
    /// The plan's health.
    pub health: Health,
    index: Option<SearchIndex>,
    ranked: Option<(u64, u64)>,
    searched: Option<String>,
}

impl QuestionsState {
    /// The plan index of the selected question, if any.
    pub fn current_question(&self) -> Option<usize> {
        self.plan_hits.get(self.plan_row).copied()
    }

    /// The selected suggestion, if any.
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.bank_hits.get(self.bank_row).map(|&i| &self.suggestions[i])
    }
}

/// Derives the ranked bank and the search hits from the account, the bank and the filter,
/// when any of them changed. Ranking is only done while the questions screen shows.
pub(super) fn refresh(app: &mut App) {
    let Some(wb) = app.workbook.as_mut() else { return };
    if wb.screen != Screen::Questions {
        return;
    }
    let q = &mut wb.questions;
    let account = &wb.doc.account;
    let key = (wb.doc.revision, app.bank.revision);
    if q.ranked != Some(key) {
        q.suggestions = rank::rank(&app.bank.questions, account);
        q.index = Some(SearchIndex::new(q.suggestions.iter().map(|s| s.text.as_str())));
        q.verdicts = health::verdicts(account);
        q.health = health::health_of(account, &app.bank.questions, &q.verdicts);
        (q.ranked, q.searched) = (Some(key), None);
    }
    let needle = wb.filter.input.text();
    if q.searched.as_deref() != Some(needle.as_str()) {
        q.bank_hits = q.index.as_mut().map(|i| i.search(&needle)).unwrap_or_default();
        let texts = account.questions.iter().map(|q| q.text.as_str());
        q.plan_hits = SearchIndex::new(texts).search(&needle);
        q.plan_hits.sort_unstable();
        q.plan_row = q.plan_row.min(q.plan_hits.len().saturating_sub(1));
        q.bank_row = q.bank_row.min(q.bank_hits.len().saturating_sub(1));
        q.searched = Some(needle);
    }
}

/// Applies an action on the questions screen.
pub(super) fn update(cx: &mut Ctx, q: &mut QuestionsState, bank: &mut Bank, action: Action) {
    let focus = q.focus;
    match action {
        Action::NextPane | Action::PrevPane => {
            q.focus = if focus == Focus::Plan {
                Focus::Bank
            } else {
                Focus::Plan
            };
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom => step(q, focus, action),
        Action::Click(x, y) => click(cx, q, x, y),
        Action::ScrollUp(x, y) => scroll(cx, q, x, y, Action::Up),
        Action::ScrollDown(x, y) => scroll(cx, q, x, y, Action::Down),
        Action::Add => open_editor(cx, q, None),
        Action::Edit if focus == Focus::Plan => match q.current_question() {
            Some(i) => open_editor(cx, q, Some(i)),
            None => {
                let (add, tab) = (
                    cx.key(QUESTIONS, Action::Add),
                    cx.key(QUESTIONS, Action::NextPane),
                );
                cx.say(format!(
                    "The plan is empty: {add} writes a question, {tab} goes to the bank"
                ))
            }
        },
        Action::Edit => add_suggestion(cx, q, bank),
        Action::Delete if focus == Focus::Plan => delete(cx, q),
        Action::Delete => bank::delete_mine(cx, q, bank),
        Action::MoveUp | Action::MoveDown => reorder(cx, q, action == Action::MoveUp),
        Action::Link => chooser::choose_links(cx, q.current_question()),
        Action::CycleStatus => cycle_status(cx, q),
        Action::AnswerToWorld => chooser::choose_answer_pane(cx, q.current_question()),
        Action::SaveToBank => bank::save_to_bank(cx, q, bank),
        _ => {}
    }
}

fn step(q: &mut QuestionsState, focus: Focus, action: Action) {
    let (row, len) = match focus {
        Focus::Plan => (&mut q.plan_row, q.plan_hits.len()),
        Focus::Bank => (&mut q.bank_row, q.bank_hits.len()),
    };
    let last = len.saturating_sub(1);
    *row = match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (*row + 1).min(last),
        Action::Top => 0,
        _ => last,
    };
}

fn click(cx: &Ctx, q: &mut QuestionsState, x: u16, y: u16) {
    let body = layout::frame(cx.viewport).body;
    if let Some((plan, row)) = layout::hit_questions(body, x, y, q.plan_row, q.bank_row) {
        let focus = if plan { Focus::Plan } else { Focus::Bank };
        q.focus = focus;
        let (sel, len) = match focus {
            Focus::Plan => (&mut q.plan_row, q.plan_hits.len()),
            Focus::Bank => (&mut q.bank_row, q.bank_hits.len()),
        };
        if let Some(row) = row.filter(|&r| r < len) {
            *sel = row;
        }
    }
}

fn scroll(cx: &Ctx, q: &mut QuestionsState, x: u16, y: u16, direction: Action) {
    let body = layout::frame(cx.viewport).body;
    let hit = layout::hit_questions(body, x, y, q.plan_row, q.bank_row);
    let focus = hit.map_or(q.focus, |(plan, _)| if plan { Focus::Plan } else { Focus::Bank });
    step(q, focus, direction);
}

/// Enter on the bank: the suggestion joins the plan, linked to the item it serves.
fn add_suggestion(cx: &mut Ctx, q: &mut QuestionsState, bank: &Bank) {
    let Some(s) = q.current_suggestion() else { return };
    let text = s.text.clone();
    let links = s.serves.iter().map(|(_, id)| id.clone()).collect();
    let from = bank.questions.get(s.bank).map(|b| b.id.clone());
    let added = cx.change(ChangeKind::Content, |account, now| {
        account.questions.push(Question::new(&text, links, from, now));
        account.updated = now;
        Ok(account.questions.len() - 1)
    });
    if let Some(i) = added {
        q.plan_row = i;
        let tab = cx.key(QUESTIONS, Action::NextPane);
        cx.say(format!(
            "Added to the plan: \"{}\" ({tab} goes to the plan)",
            first_line(&text)
        ));
    }
}

fn delete(cx: &mut Ctx, q: &mut QuestionsState) {
    let current = q.current_question();
    let deleted = cx.change(ChangeKind::Content, |account, now| {
        let i = current.ok_or_else(String::new)?;
        account.updated = now;
        Ok(account.questions.remove(i))
    });
    if let Some(gone) = deleted {
        q.searched = None;
        let undo = cx.key(QUESTIONS, Action::Undo);
        cx.say(format!(
            "Deleted question \"{}\" ({undo} undoes)",
            first_line(&gone.text)
        ));
    }
}

fn reorder(cx: &mut Ctx, q: &mut QuestionsState, up: bool) {
    let (current, on_plan) = (q.current_question(), q.focus == Focus::Plan);
    let filtered = !cx.filter.needle().is_empty();
    let clear = cx.key(QUESTIONS, Action::Back);
    let moved = cx.change(ChangeKind::Content, |account, now| {
        if !on_plan {
            return Err(String::new());
        }
        if filtered {
            return Err(format!("Clear the filter ({clear}) to reorder"));
        }
        let i = current.ok_or_else(String::new)?;
        let j = crate::domain::fields::step(&mut account.questions, i, up).ok_or_else(String::new)?;
        account.updated = now;
        Ok(j)
    });
    if let Some(j) = moved {
        (q.plan_row, q.searched) = (j, None);
        cx.say(format!("Moved {}", if up { "up" } else { "down" }));
    }
}

fn cycle_status(cx: &mut Ctx, q: &QuestionsState) {
    let current = q.current_question();
    let status = cx.change(ChangeKind::Content, |account, now| {
        let i = current.ok_or_else(String::new)?;
        let q = &mut account.questions[i];
        q.status = q.status.next();
        (q.updated, account.updated) = (now, now);
        Ok(q.status)
    });
    if let Some(status) = status {
        cx.say(format!("Marked {}", status.word()));
    }
}
