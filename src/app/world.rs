//! Behaviour of the customer's world: panes, selection, add/edit/delete/move, undo.

use super::editor::Editor;
use super::{Action, App, Effect, Overlay, Workbook, layout};
use crate::domain::Pane;
use crate::domain::fields;
use crate::domain::text::first_line;

/// Applies an action on the world screen. Only called while a workbook is open.
pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Quit | Action::Back => return leave(app, action == Action::Quit),
        Action::NextPane => wb.pane = wb.pane.next(),
        Action::PrevPane => wb.pane = wb.pane.prev(),
        Action::Up => step(wb, wb.pane, -1),
        Action::Down => step(wb, wb.pane, 1),
        Action::Top => wb.selected[wb.pane.index()] = 0,
        Action::Bottom => step(wb, wb.pane, isize::MAX),
        Action::Search => wb.filter.active = true,
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Screen(_) => app.say("This is the customer's world (1)"),
        Action::Click(x, y) => click(app, x, y),
        Action::ScrollUp(x, y) | Action::ScrollDown(x, y) => scroll(app, x, y, action),
        Action::Add | Action::Edit => open_editor(app, action == Action::Add),
        Action::Delete => return delete(app),
        Action::MoveUp | Action::MoveDown => return reorder(app, action == Action::MoveUp),
        Action::Undo | Action::Redo => return undo(app, action == Action::Undo),
        _ => {}
    }
    Vec::new()
}

/// Leaving the account (Esc) or the program (q): save first. If that save fails, the
/// effects runner stops before leaving and asks (see [`App::ask_leave_unsaved`]).
fn leave(app: &mut App, quit: bool) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    if !quit && !wb.filter.needle().is_empty() {
        wb.filter = Default::default();
        return Vec::new();
    }
    let last = if quit { Effect::Quit } else { Effect::Close };
    if wb.dirty {
        vec![Effect::Save, last]
    } else {
        vec![last]
    }
}

/// Moves the selection of `pane` by `delta` rows, staying inside the list.
fn step(wb: &mut Workbook, pane: Pane, delta: isize) {
    let len = wb.visible(pane).len();
    let sel = &mut wb.selected[pane.index()];
    *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
}

fn click(app: &mut App, x: u16, y: u16) {
    let body = layout::frame(app.viewport).body;
    let Some(wb) = app.workbook.as_mut() else { return };
    if let Some((pane, row)) = layout::hit_world(body, x, y, &wb.selected) {
        wb.pane = pane;
        if let Some(row) = row.filter(|&r| r < wb.visible(pane).len()) {
            wb.selected[pane.index()] = row;
        }
    }
}

fn scroll(app: &mut App, x: u16, y: u16, action: Action) {
    let body = layout::frame(app.viewport).body;
    let Some(wb) = app.workbook.as_mut() else { return };
    let pane = layout::hit_world(body, x, y, &wb.selected).map_or(wb.pane, |(p, _)| p);
    step(
        wb,
        pane,
        if matches!(action, Action::ScrollUp(..)) {
            -1
        } else {
            1
        },
    );
}

/// Refuses changes to a read-only account, saying why; true when changes are allowed.
fn writable(app: &mut App) -> bool {
    match app.workbook.as_ref().and_then(|wb| wb.read_only) {
        Some(n) => {
            app.fail(format!(
                "Read-only: this file is from a newer callbook (schema {n})"
            ));
            false
        }
        None => true,
    }
}

fn open_editor(app: &mut App, new: bool) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let pane = wb.pane;
    let editor = match (new, wb.current()) {
        (true, _) => Editor::new(pane, None, fields::blank(pane)),
        (false, Some(i)) => match fields::values(&wb.account, pane, i) {
            Some(values) => Editor::new(pane, Some(i), values),
            None => return,
        },
        (false, None) => return app.say(format!("{} is empty: a adds an entry", pane.title())),
    };
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in the editor: apply the form to the account, or show why it can't be.
pub(super) fn save_editor(app: &mut App, mut editor: Box<Editor>) -> Vec<Effect> {
    let now = app.now();
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    if editor.at.is_some() && !editor.is_changed() {
        app.say("No changes");
        return Vec::new();
    }
    let before = wb.snapshot();
    match fields::apply(&mut wb.account, editor.pane, editor.at, &editor.values(), now) {
        Ok(i) => {
            wb.history.record(before);
            wb.pane = editor.pane;
            select(wb, editor.pane, i);
            let verb = if editor.at.is_some() { "Changed" } else { "Added" };
            let title = first_line(wb.account.title(editor.pane, i).unwrap_or(""));
            changed(app, format!("{verb} \"{title}\" in {}", editor.pane.title()))
        }
        Err(e) => {
            editor.error = Some(e.to_string());
            app.overlay = Some(Overlay::Editor(editor));
            Vec::new()
        }
    }
}

/// Selects list entry `i` of `pane`, clearing the filter if it hides the entry.
fn select(wb: &mut Workbook, pane: Pane, i: usize) {
    if !wb.visible(pane).contains(&i) {
        wb.filter = Default::default();
    }
    let row = wb.visible(pane).iter().position(|&v| v == i).unwrap_or(0);
    wb.selected[pane.index()] = row;
}

/// Marks the account changed, says what happened, and asks for a save.
fn changed(app: &mut App, message: String) -> Vec<Effect> {
    if let Some(wb) = app.workbook.as_mut() {
        wb.dirty = true;
    }
    app.say(message);
    vec![Effect::Save]
}

fn delete(app: &mut App) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let now = app.now();
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let Some(i) = wb.current() else { return Vec::new() };
    let (pane, before) = (wb.pane, wb.snapshot());
    let title = first_line(wb.account.title(pane, i).unwrap_or(""));
    fields::remove(&mut wb.account, pane, i, now);
    wb.history.record(before);
    step(wb, pane, 0);
    changed(app, format!("Deleted \"{title}\" (u undoes)"))
}

fn reorder(app: &mut App, up: bool) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let now = app.now();
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    if !wb.filter.needle().is_empty() {
        app.say("Clear the filter (Esc) to reorder");
        return Vec::new();
    }
    let Some(i) = wb.current() else { return Vec::new() };
    let (pane, before) = (wb.pane, wb.snapshot());
    match fields::move_entry(&mut wb.account, pane, i, up, now) {
        Some(j) => {
            wb.history.record(before);
            wb.selected[pane.index()] = j;
            changed(app, format!("Moved {}", if up { "up" } else { "down" }))
        }
        None => Vec::new(),
    }
}

fn undo(app: &mut App, back: bool) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let current = wb.snapshot();
    let restored = if back {
        wb.history.undo(current)
    } else {
        wb.history.redo(current)
    };
    match restored {
        Some(s) => {
            wb.restore(s);
            let pane = wb.pane;
            step(wb, pane, 0);
            changed(app, (if back { "Undone" } else { "Redone" }).to_owned())
        }
        None => {
            app.say(if back {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            });
            Vec::new()
        }
    }
}
