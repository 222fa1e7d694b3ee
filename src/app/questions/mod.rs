//! The questions screen: the account's plan beside the bank ranked for it. State, the bank
//! as the app holds it, the chooser popup (links, panes), and the screen's behaviour.

mod bank;

pub use bank::Bank;

use super::chooser;
use super::editor::{Editor, Target};
use super::workbook::{change, save_form, writable};
use super::{Action, App, Effect, Overlay, Screen, layout};
use crate::domain::lint::{Kind, lint};
use crate::domain::plan::{self, Question};
use crate::domain::rank::{self, Suggestion};
use crate::domain::search::SearchIndex;
use crate::domain::text::first_line;

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
    let key = (wb.revision, app.bank.revision);
    if q.ranked != Some(key) {
        q.suggestions = rank::rank(&app.bank.questions, &wb.account);
        q.index = Some(SearchIndex::new(q.suggestions.iter().map(|s| s.text.as_str())));
        (q.ranked, q.searched) = (Some(key), None);
    }
    let needle = wb.filter.input.text();
    if q.searched.as_deref() != Some(needle.as_str()) {
        q.bank_hits = q.index.as_mut().map(|i| i.search(&needle)).unwrap_or_default();
        let texts = wb.account.questions.iter().map(|q| q.text.as_str());
        q.plan_hits = SearchIndex::new(texts).search(&needle);
        q.plan_hits.sort_unstable();
        q.plan_row = q.plan_row.min(q.plan_hits.len().saturating_sub(1));
        q.bank_row = q.bank_row.min(q.bank_hits.len().saturating_sub(1));
        q.searched = Some(needle);
    }
}

/// Applies an action on the questions screen.
pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let q = &mut wb.questions;
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
        Action::Click(x, y) => click(app, x, y),
        Action::ScrollUp(x, y) | Action::ScrollDown(x, y) => scroll(app, x, y, action),
        Action::Add => open_editor(app, None),
        Action::Edit if focus == Focus::Plan => {
            let current = q.current_question();
            match current {
                Some(i) => open_editor(app, Some(i)),
                None => app.say("The plan is empty: a writes a question, Tab goes to the bank"),
            }
        }
        Action::Edit => return add_suggestion(app),
        Action::Delete if focus == Focus::Plan => return delete(app),
        Action::Delete => return bank::delete_mine(app),
        Action::MoveUp | Action::MoveDown => return reorder(app, action == Action::MoveUp),
        Action::Link => chooser::choose_links(app),
        Action::CycleStatus => return cycle_status(app),
        Action::AnswerToWorld => chooser::choose_answer_pane(app),
        Action::SaveToBank => return bank::save_to_bank(app),
        _ => {}
    }
    Vec::new()
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

fn click(app: &mut App, x: u16, y: u16) {
    let body = layout::frame(app.viewport).body;
    let Some(wb) = app.workbook.as_mut() else { return };
    let q = &mut wb.questions;
    if let Some((focus, row)) = layout::hit_questions(body, x, y, q.plan_row, q.bank_row) {
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

fn scroll(app: &mut App, x: u16, y: u16, action: Action) {
    let body = layout::frame(app.viewport).body;
    let Some(wb) = app.workbook.as_mut() else { return };
    let q = &mut wb.questions;
    let focus = layout::hit_questions(body, x, y, q.plan_row, q.bank_row).map_or(q.focus, |(f, _)| f);
    step(
        q,
        focus,
        if matches!(action, Action::ScrollUp(..)) {
            Action::Up
        } else {
            Action::Down
        },
    );
}

/// Opens the question editor on plan question `at`, or on a new one.
fn open_editor(app: &mut App, at: Option<usize>) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_mut() else { return };
    wb.questions.focus = Focus::Plan;
    let account = &wb.account;
    let question = at.and_then(|i| account.questions.get(i));
    let values = question.map_or_else(plan::blank, Question::values);
    let mut editor = Editor::new(Target::Question, at, values);
    editor.context = question
        .and_then(|q| plan::first_link(account, q))
        .map(|(_, text)| text.to_owned());
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in the question editor. A question the linter judges an opinion or leading is
/// kept only deliberately: the first Ctrl-s explains, the second keeps it, marked.
pub(super) fn save_editor(app: &mut App, mut editor: Box<Editor>) -> Vec<Effect> {
    let values = editor.values();
    let verdict = lint(&values[0], editor.context.as_deref());
    let was_kept = app
        .workbook
        .as_ref()
        .and_then(|wb| editor.at.and_then(|i| wb.account.questions.get(i)))
        .is_some_and(|q| q.kept && q.text == values[0].trim());
    if verdict.is_concern() && !editor.armed && !was_kept {
        let rule = verdict.flags.first().map_or("", |f| f.rule.explain());
        editor.error = Some(format!(
            "This reads as {}: {rule}. Ctrl-s again keeps it, marked; Ctrl-g takes the rewrite.",
            described(verdict.kind)
        ));
        editor.armed = true;
        app.overlay = Some(Overlay::Editor(editor));
        return Vec::new();
    }
    save_form(app, editor, |wb, editor, now| {
        let i = plan::apply(&mut wb.account, editor.at, &values, verdict.is_concern(), now)
            .map_err(|e| e.to_string())?;
        select_question(wb, i);
        let verb = if editor.at.is_some() { "Changed" } else { "Added" };
        Ok(format!("{verb} question \"{}\"", first_line(&values[0])))
    })
}

/// The linter's verdict in words, for messages.
pub(super) fn described(kind: Kind) -> &'static str {
    match kind {
        Kind::Question => "a question",
        Kind::Leading => "a leading question",
        Kind::Opinion => "an opinion",
        Kind::Statement => "a statement",
    }
}

/// Ctrl-g in the question editor: replace the text with the linter's rewrite.
pub(super) fn use_rewrite(app: &mut App, editor: &mut Editor) {
    let text = editor.values().first().cloned().unwrap_or_default();
    match lint(&text, editor.context.as_deref()).suggestion {
        Some(rewrite) => editor.set_text(&rewrite),
        None => app.say("No rewrite to offer: the linter has no objection"),
    }
}

/// Selects plan question `i`, clearing the filter if it hides it.
fn select_question(wb: &mut super::Workbook, i: usize) {
    wb.filter = Default::default();
    wb.questions.searched = None;
    wb.questions.focus = Focus::Plan;
    wb.questions.plan_row = i;
}

/// Enter on the bank: the suggestion joins the plan, linked to the item it serves.
fn add_suggestion(app: &mut App) -> Vec<Effect> {
    let bank = &app.bank;
    let Some(s) = app
        .workbook
        .as_ref()
        .and_then(|wb| wb.questions.current_suggestion())
    else {
        return Vec::new();
    };
    let (text, links) = (
        s.text.clone(),
        s.serves.iter().map(|(_, id)| id.clone()).collect(),
    );
    let from = bank.questions.get(s.bank).map(|b| b.id.clone());
    change(app, |wb, now| {
        wb.account.questions.push(Question::new(&text, links, from, now));
        wb.account.updated = now;
        let i = wb.account.questions.len() - 1;
        wb.questions.plan_row = i;
        Ok(format!(
            "Added to the plan: \"{}\" (Tab goes to the plan)",
            first_line(&text)
        ))
    })
}

fn delete(app: &mut App) -> Vec<Effect> {
    change(app, |wb, now| {
        let i = wb.questions.current_question().ok_or_else(String::new)?;
        let q = wb.account.questions.remove(i);
        wb.account.updated = now;
        wb.questions.searched = None;
        Ok(format!("Deleted question \"{}\" (u undoes)", first_line(&q.text)))
    })
}

fn reorder(app: &mut App, up: bool) -> Vec<Effect> {
    change(app, |wb, now| {
        if wb.questions.focus != Focus::Plan {
            return Err(String::new());
        }
        if !wb.filter.needle().is_empty() {
            return Err("Clear the filter (Esc) to reorder".into());
        }
        let i = wb.questions.current_question().ok_or_else(String::new)?;
        let j = crate::domain::fields::step(&mut wb.account.questions, i, up).ok_or_else(String::new)?;
        (wb.account.updated, wb.questions.plan_row, wb.questions.searched) = (now, j, None);
        Ok(format!("Moved {}", if up { "up" } else { "down" }))
    })
}

fn cycle_status(app: &mut App) -> Vec<Effect> {
    change(app, |wb, now| {
        let i = wb.questions.current_question().ok_or_else(String::new)?;
        let q = &mut wb.account.questions[i];
        q.status = q.status.next();
        (q.updated, wb.account.updated) = (now, now);
        Ok(format!("Marked {}", plan::STATUSES[q.status as usize]))
    })
}
