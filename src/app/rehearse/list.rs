//! The turn list of screen 3: writing, editing, linking and ordering turns, and starting
//! a session over one turn or every due one.

use super::start;
use crate::app::editor::{Editor, Target};
use crate::app::workbook::{change, save_form, writable};
use crate::app::{Action, App, Effect, Overlay};
use crate::domain::text::first_line;
use crate::domain::turn::{self, Turn};

/// Handles an action on the turn list of screen 3.
pub(in crate::app) fn list_update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let visible = wb.visible_turns();
    let current = wb.turn_row;
    let at = visible.iter().position(|&i| i == wb.turn_row).unwrap_or(0);
    let last = visible.len().saturating_sub(1);
    let pick = |pos: usize| visible.get(pos).copied().unwrap_or(0);
    match action {
        Action::Up | Action::ScrollUp(..) => wb.turn_row = pick(at.saturating_sub(1)),
        Action::Down | Action::ScrollDown(..) => wb.turn_row = pick((at + 1).min(last)),
        Action::Top => wb.turn_row = pick(0),
        Action::Bottom => wb.turn_row = pick(last),
        Action::Click(x, y) => click(app, x, y, &visible),
        Action::Add => open_editor(app, None),
        Action::Edit if visible.is_empty() => app.say("No turns here: a writes one, g suggests some"),
        Action::Edit => open_editor(app, Some(current)),
        Action::RehearseOne => return rehearse_selected(app),
        Action::RehearseDue => return start_due(app),
        Action::Delete => return delete(app),
        Action::MoveUp | Action::MoveDown => return reorder(app, action == Action::MoveUp),
        Action::Link => crate::app::chooser::choose_turn_links(app),
        Action::Suggest => crate::app::chooser::choose_suggested_turns(app),
        _ => {}
    }
    Vec::new()
}

/// A click on a row of the turn list selects that turn.
fn click(app: &mut App, x: u16, y: u16, visible: &[usize]) {
    let body = crate::app::layout::frame(app.viewport).body;
    let Some(wb) = app.workbook.as_mut() else { return };
    let at = visible.iter().position(|&i| i == wb.turn_row).unwrap_or(0);
    let list = crate::app::layout::rehearse(body).0;
    if let Some(&i) = crate::app::layout::hit_table(list, x, y, at).and_then(|row| visible.get(row)) {
        wb.turn_row = i;
    }
}

fn open_editor(app: &mut App, at: Option<usize>) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let values = at
        .and_then(|i| wb.account.turns.get(i))
        .map_or_else(turn::blank, Turn::values);
    app.overlay = Some(Overlay::Editor(Box::new(Editor::new(Target::Turn, at, values))));
}

/// Ctrl-s in the turn editor.
pub(in crate::app) fn save_editor(app: &mut App, editor: Box<Editor>) -> Vec<Effect> {
    save_form(app, editor, |wb, editor, now| {
        let i = turn::apply(&mut wb.account, editor.at, &editor.values(), now).map_err(|e| e.to_string())?;
        wb.turn_row = i;
        Ok(format!(
            "Saved turn \"{}\"",
            first_line(&wb.account.turns[i].line)
        ))
    })
}

fn rehearse_selected(app: &mut App) -> Vec<Effect> {
    if app
        .workbook
        .as_ref()
        .is_some_and(|wb| !wb.visible_turns().contains(&wb.turn_row))
    {
        return Vec::new();
    }
    let Some(wb) = app.workbook.as_ref() else {
        return Vec::new();
    };
    let Some(t) = wb.account.turns.get(wb.turn_row) else {
        app.say("No turns yet: a writes one, g suggests some");
        return Vec::new();
    };
    let queue = vec![(wb.id.clone(), t.id.clone())];
    start(app, queue)
}

/// Starts a session over the open account's due turns, most overdue first.
pub fn start_due(app: &mut App) -> Vec<Effect> {
    let now = app.now();
    let Some(wb) = app.workbook.as_ref() else {
        return Vec::new();
    };
    let mut due: Vec<&Turn> = wb.account.turns.iter().filter(|t| t.due() <= now).collect();
    due.sort_by_key(|t| t.due());
    let queue = due.into_iter().map(|t| (wb.id.clone(), t.id.clone())).collect();
    start(app, queue)
}

fn delete(app: &mut App) -> Vec<Effect> {
    change(app, |wb, now| {
        let i = wb.turn_row;
        if i >= wb.account.turns.len() {
            return Err(String::new());
        }
        let gone = wb.account.turns.remove(i);
        for t in &mut wb.account.turns {
            t.follow_ups.retain(|id| *id != gone.id);
        }
        wb.account.updated = now;
        wb.turn_row = i.min(wb.account.turns.len().saturating_sub(1));
        Ok(format!("Deleted turn \"{}\" (u undoes)", first_line(&gone.line)))
    })
}

fn reorder(app: &mut App, up: bool) -> Vec<Effect> {
    change(app, |wb, now| {
        if !wb.filter.needle().is_empty() {
            return Err("Clear the filter (Esc) to reorder".into());
        }
        let j =
            crate::domain::fields::step(&mut wb.account.turns, wb.turn_row, up).ok_or_else(String::new)?;
        (wb.turn_row, wb.account.updated) = (j, now);
        Ok(format!("Moved {}", if up { "up" } else { "down" }))
    })
}
