//! The turn list of screen 3: writing, editing, linking and ordering turns, and starting
//! a session over one turn or every due one.

use super::start;
use crate::app::context::{Ctx, save_form};
use crate::app::document::ChangeKind;
use crate::app::editor::{EditForm, Editor};
use crate::app::reading::Scroll;
use crate::app::{Action, App, Effect, Filter, Keymap, Overlay, Scope, Screen, chooser, layout};
use crate::domain::Account;
use crate::domain::form::EditError;
use crate::domain::text::first_line;
use crate::domain::turn::{Turn, TurnForm};

/// The rehearse screen's scope, where its messages look keys up.
const REHEARSE: Scope = Scope::Screen(Screen::Rehearse);

/// What an empty turn list says: how to write or pick a turn.
pub fn no_turns(keys: &Keymap) -> String {
    format!(
        "No turns yet: {} writes one, {} suggests some",
        keys.key(REHEARSE, &Action::Add),
        keys.key(REHEARSE, &Action::Suggest)
    )
}

/// The turn list's view state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TurnsView {
    /// The selected turn, as an index into the account's turns.
    pub row: usize,
    /// How far the detail pane (the selected turn in full) is scrolled.
    pub detail: Scroll,
}

/// The turns the filter lets through, as indices into the account's turns.
pub fn visible_turns(account: &Account, filter: &Filter) -> Vec<usize> {
    let needle = filter.needle();
    let turns = &account.turns;
    (0..turns.len())
        .filter(|&i| {
            needle.is_empty()
                || turns[i].line.to_lowercase().contains(&needle)
                || turns[i].response.to_lowercase().contains(&needle)
        })
        .collect()
}

/// Handles an action on the turn list of screen 3 (starting a session is the app's: see
/// [`start_selected`] and [`start_due`]).
pub(in crate::app) fn list_update(cx: &mut Ctx, view: &mut TurnsView, action: Action) {
    let before = view.row;
    act(cx, view, action);
    if view.row != before {
        view.detail = Scroll::default();
    }
}

fn act(cx: &mut Ctx, view: &mut TurnsView, action: Action) {
    let visible = visible_turns(&cx.doc.account, cx.filter);
    let at = visible.iter().position(|&i| i == view.row).unwrap_or(0);
    let last = visible.len().saturating_sub(1);
    let pick = |pos: usize| visible.get(pos).copied().unwrap_or(0);
    match action {
        Action::ScrollUp(x, y) | Action::ScrollDown(x, y) if on_detail(cx, x, y) => {
            let delta = if matches!(action, Action::ScrollUp(..)) {
                -1
            } else {
                1
            };
            scroll_detail(cx, view, delta);
        }
        Action::Up | Action::ScrollUp(..) => view.row = pick(at.saturating_sub(1)),
        Action::Down | Action::ScrollDown(..) => view.row = pick((at + 1).min(last)),
        Action::PageUp | Action::PageDown => {
            let detail = layout::inner(layout::rehearse(layout::frame(cx.viewport).body).1);
            let page = isize::try_from(detail.height.saturating_sub(1).max(1)).unwrap_or(1);
            scroll_detail(cx, view, if action == Action::PageUp { -page } else { page });
        }
        Action::Top => view.row = pick(0),
        Action::Bottom => view.row = pick(last),
        Action::Click(x, y) => {
            let list = layout::rehearse(layout::frame(cx.viewport).body).0;
            if let Some(&i) = layout::hit_table(list, x, y, at).and_then(|row| visible.get(row)) {
                view.row = i;
            }
        }
        Action::Add => open_editor(cx, None),
        Action::Edit if visible.is_empty() => cx.say(no_turns(cx.keys)),
        Action::Edit => open_editor(cx, Some(view.row)),
        Action::Delete => delete(cx, view),
        Action::Promote => promote(cx, view),
        Action::MoveUp | Action::MoveDown => reorder(cx, view, action == Action::MoveUp),
        Action::Link => chooser::choose_turn_links(cx, view.row),
        Action::Suggest => chooser::choose_suggested_turns(cx),
        _ => {}
    }
}

fn on_detail(cx: &Ctx, x: u16, y: u16) -> bool {
    let detail = layout::rehearse(layout::frame(cx.viewport).body).1;
    detail.contains(ratatui::layout::Position::new(x, y))
}

fn scroll_detail(cx: &Ctx, view: &mut TurnsView, delta: isize) {
    let Some(turn) = cx.doc.account.turns.get(view.row) else {
        return;
    };
    let area = layout::inner(layout::rehearse(layout::frame(cx.viewport).body).1);
    let detail = super::text::detail(&cx.doc.account, turn, cx.keys);
    let max = detail.max_scroll(usize::from(area.width), usize::from(area.height));
    view.detail.by(delta, max);
}

fn open_editor(cx: &mut Ctx, at: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let form = at.and_then(|i| cx.doc.account.turns.get(i)).map(TurnForm::from);
    let editor = Editor::new(EditForm::Turn(form.unwrap_or_default()), at);
    cx.show(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in the turn editor; returns the editor when it stays open.
pub(in crate::app) fn save_editor(
    cx: &mut Ctx,
    view: &mut TurnsView,
    editor: Box<Editor>,
) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| {
        let saved = match editor.form() {
            EditForm::Turn(form) => form.apply(account, editor.at, now),
            _ => Err(EditError::NoSuchEntry),
        };
        saved.map_err(|e| e.to_string())
    });
    if let Ok(Some(i)) = saved {
        view.row = i;
        let line = first_line(&cx.doc.account.turns[i].line);
        cx.say(format!("Saved turn \"{line}\""));
    }
    saved.err()
}

/// Enter on the turn list: a session over the selected turn.
pub(in crate::app) fn start_selected(app: &mut App) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_ref() else {
        return Vec::new();
    };
    if !wb.visible_turns().contains(&wb.turns.row) {
        return Vec::new();
    }
    let Some(t) = wb.doc.account.turns.get(wb.turns.row) else {
        app.say(no_turns(&app.keys));
        return Vec::new();
    };
    let queue = vec![(wb.doc.id.clone(), t.id.clone())];
    start(app, queue)
}

/// Starts a session over the open account's due turns, most overdue first.
pub fn start_due(app: &mut App) -> Vec<Effect> {
    let now = app.now();
    let Some(wb) = app.workbook.as_ref() else {
        return Vec::new();
    };
    let mut due: Vec<&Turn> = wb.doc.account.turns.iter().filter(|t| t.due() <= now).collect();
    due.sort_by_key(|t| t.due());
    let queue = due
        .into_iter()
        .map(|t| (wb.doc.id.clone(), t.id.clone()))
        .collect();
    start(app, queue)
}

/// The latest typed answer of the selected turn becomes its prepared response.
fn promote(cx: &mut Ctx, view: &TurnsView) {
    let i = view.row;
    let done = cx.change(ChangeKind::Content, |account, now| {
        let t = account.turns.get_mut(i).ok_or_else(String::new)?;
        let answer = t
            .attempts
            .last()
            .map(|a| a.answer.clone())
            .ok_or("Not rehearsed yet: no answer to keep")?;
        (t.response, t.updated) = (answer, now);
        Ok(())
    });
    if done.is_some() {
        let undo = cx.key(REHEARSE, Action::Undo);
        cx.say(format!(
            "The latest answer is now the prepared response ({undo} undoes)"
        ));
    }
}

fn delete(cx: &mut Ctx, view: &mut TurnsView) {
    let i = view.row;
    let deleted = cx.change(ChangeKind::Content, |account, _now| {
        if i >= account.turns.len() {
            return Err(String::new());
        }
        let gone = account.turns.remove(i);
        for t in &mut account.turns {
            t.follow_ups.retain(|id| *id != gone.id);
        }
        Ok(gone)
    });
    if let Some(gone) = deleted {
        view.row = i.min(cx.doc.account.turns.len().saturating_sub(1));
        let undo = cx.key(REHEARSE, Action::Undo);
        cx.say(format!(
            "Deleted turn \"{}\" ({undo} undoes)",
            first_line(&gone.line)
        ));
    }
}

fn reorder(cx: &mut Ctx, view: &mut TurnsView, up: bool) {
    let (i, filtered) = (view.row, !cx.filter.needle().is_empty());
    let clear = cx.key(REHEARSE, Action::Back);
    let moved = cx.change(ChangeKind::Content, |account, _now| {
        if filtered {
            return Err(format!("Clear the filter ({clear}) to reorder"));
        }
        let j = crate::domain::fields::step(&mut account.turns, i, up)
            .ok_or_else(|| crate::app::reading::at_end(up))?;
        Ok(j)
    });
    if let Some(j) = moved {
        view.row = j;
        cx.say(format!("Moved {}", if up { "up" } else { "down" }));
    }
}
