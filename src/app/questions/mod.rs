//! The questions screen: the account's plan beside the bank ranked for it. State, the bank
//! as the app holds it, the chooser popup (links, panes), and the screen's behaviour.

mod bank;
mod edit;
pub mod text;

pub use bank::Bank;
use edit::open_editor;
pub(super) use edit::{described, save_editor, use_rewrite};

use super::chooser;
use super::context::Ctx;
use super::document::ChangeKind;
use super::keymap::Keymap;
use super::reading::{ListLayout, Pieces, Reading, Scroll};
use super::{Action, App, Scope, Screen, layout};
use crate::domain::Account;
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
    /// How far the detail pane (the selected question in full) is scrolled.
    pub detail: Scroll,
    index: Option<SearchIndex>,
    ranked: Option<(u64, u64)>,
    searched: Option<String>,
}

impl QuestionsState {
    /// The plan index of the selected question, if any.
    pub fn current_question(&self) -> Option<usize> {
        self.plan_hits.get(self.plan_row).copied()
    }

    /// The selected row of `focus`'s list, to change it.
    fn row_mut(&mut self, focus: Focus) -> &mut usize {
        match focus {
            Focus::Plan => &mut self.plan_row,
            Focus::Bank => &mut self.bank_row,
        }
    }

    /// How the plan (`Focus::Plan`) or the bank list lays out in `(width, height)` cells.
    pub fn list_layout(&self, account: &Account, list: Focus, (width, height): (u16, u16)) -> ListLayout {
        let size = (usize::from(width), usize::from(height));
        let open = self.focus == list;
        match list {
            Focus::Plan => {
                let row = |r: usize| self.plan_row_text(account, r);
                ListLayout::new(self.plan_hits.len(), self.plan_row, open, size, &row)
            }
            Focus::Bank => {
                let row = |r: usize| text::bank_row(&self.suggestions[self.bank_hits[r]]);
                ListLayout::new(self.bank_hits.len(), self.bank_row, open, size, &row)
            }
        }
    }

    /// Row `r` of the plan as it shows (an index into the visible rows).
    pub fn plan_row_text(&self, account: &Account, r: usize) -> Pieces {
        let i = self.plan_hits[r];
        text::plan_row(account, i, &self.verdicts[i])
    }

    /// The selected question (of the plan or the bank, whichever has focus) in full.
    pub fn detail(&self, account: &Account, bank: &Bank, keys: &Keymap) -> Reading {
        match self.focus {
            Focus::Plan => self
                .current_question()
                .map(|i| text::plan_detail(account, i, &self.verdicts[i], keys)),
            Focus::Bank => self
                .current_suggestion()
                .map(|s| text::bank_detail(s, (bank, self.suggestions.len()), keys)),
        }
        .unwrap_or_default()
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

/// Applies an action on the questions screen. A new selection shows its detail from the top.
pub(super) fn update(cx: &mut Ctx, q: &mut QuestionsState, bank: &mut Bank, action: Action) {
    let before = (q.focus, q.plan_row, q.bank_row);
    act(cx, q, bank, action);
    if (q.focus, q.plan_row, q.bank_row) != before {
        q.detail = Scroll::default();
    }
}

fn act(cx: &mut Ctx, q: &mut QuestionsState, bank: &mut Bank, action: Action) {
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
        Action::ScrollUp(x, y) => scroll(cx, q, (x, y), bank, Action::Up),
        Action::ScrollDown(x, y) => scroll(cx, q, (x, y), bank, Action::Down),
        Action::PageUp => page(cx, q, bank, -1),
        Action::PageDown => page(cx, q, bank, 1),
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

/// A click focuses the list under it and selects the row there.
fn click(cx: &Ctx, q: &mut QuestionsState, x: u16, y: u16) {
    let body = layout::frame(cx.viewport).body;
    let Some((plan, dy)) = layout::hit_questions(body, x, y) else {
        return;
    };
    let focus = if plan { Focus::Plan } else { Focus::Bank };
    let areas = layout::questions(body);
    let area = layout::inner(if plan { areas.plan } else { areas.bank });
    let lay = q.list_layout(&cx.doc.account, focus, (area.width, area.height));
    if let Some(row) = dy.and_then(|dy| lay.row_at(dy)) {
        *q.row_mut(focus) = row;
    }
    q.focus = focus;
}

/// The wheel scrolls the detail pane under it, or moves the selection of the list under it.
fn scroll(cx: &Ctx, q: &mut QuestionsState, (x, y): (u16, u16), bank: &Bank, direction: Action) {
    let body = layout::frame(cx.viewport).body;
    let delta = if direction == Action::Up { -1 } else { 1 };
    if layout::on_questions_detail(body, x, y) {
        return scroll_detail(cx, q, bank, delta);
    }
    let hit = layout::hit_questions(body, x, y);
    let focus = hit.map_or(q.focus, |(plan, _)| if plan { Focus::Plan } else { Focus::Bank });
    step(q, focus, direction);
}

/// PgUp/PgDn: the detail pane moves a page (its height less one row, for context).
fn page(cx: &Ctx, q: &mut QuestionsState, bank: &Bank, direction: isize) {
    let area = layout::inner(layout::questions(layout::frame(cx.viewport).body).detail);
    let page = isize::try_from(area.height.saturating_sub(1).max(1)).unwrap_or(1);
    scroll_detail(cx, q, bank, direction * page);
}

fn scroll_detail(cx: &Ctx, q: &mut QuestionsState, bank: &Bank, delta: isize) {
    let area = layout::inner(layout::questions(layout::frame(cx.viewport).body).detail);
    let detail = q.detail(&cx.doc.account, bank, cx.keys);
    let max = detail.max_scroll(usize::from(area.width), usize::from(area.height));
    q.detail.by(delta, max);
}

/// Enter on the bank: the suggestion joins the plan, linked to the item it serves.
fn add_suggestion(cx: &mut Ctx, q: &mut QuestionsState, bank: &Bank) {
    let Some(s) = q.current_suggestion() else { return };
    let text = s.text.clone();
    let links = s.serves.iter().map(|(_, id)| id.clone()).collect();
    let from = bank.questions.get(s.bank).map(|b| b.id.clone());
    let added = cx.change(ChangeKind::Content, |account, now| {
        account.questions.push(Question::new(&text, links, from, now));
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
    let deleted = cx.change(ChangeKind::Content, |account, _now| {
        let i = current.ok_or_else(String::new)?;
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
    let moved = cx.change(ChangeKind::Content, |account, _now| {
        if !on_plan {
            return Err(String::new());
        }
        if filtered {
            return Err(format!("Clear the filter ({clear}) to reorder"));
        }
        let i = current.ok_or_else(String::new)?;
        let j = crate::domain::fields::step(&mut account.questions, i, up)
            .ok_or_else(|| crate::app::reading::at_end(up))?;
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
        q.updated = now;
        Ok(q.status)
    });
    if let Some(status) = status {
        cx.say(format!("Marked {}", status.word()));
    }
}
