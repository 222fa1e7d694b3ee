//! Behaviour of the customer's world: panes, selection, add/edit/delete/move.

use super::editor::{Editor, Target};
use super::workbook::{change, save_form, writable};
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
        Action::NextPane => wb.pane = wb.pane.next(),
        Action::PrevPane => wb.pane = wb.pane.prev(),
        Action::Up => step(wb, wb.pane, -1),
        Action::Down => step(wb, wb.pane, 1),
        Action::Top => wb.selected[wb.pane.index()] = 0,
        Action::Bottom => step(wb, wb.pane, isize::MAX),
        Action::Click(x, y) => click(app, x, y),
        Action::ScrollUp(x, y) | Action::ScrollDown(x, y) => scroll(app, x, y, action),
        Action::Add | Action::Edit => open_editor(app, action == Action::Add),
        Action::Profile if writable(app) => {
            let values = app
                .workbook
                .as_ref()
                .map(|wb| fields::profile_values(&wb.account))
                .unwrap_or_default();
            app.overlay = Some(Overlay::Editor(Box::new(Editor::new(
                Target::Profile,
                Some(0),
                values,
            ))));
        }
        Action::Delete => return delete(app),
        Action::MoveUp | Action::MoveDown => return reorder(app, action == Action::MoveUp),
        _ => {}
    }
    Vec::new()
}

/// Moves the selection of `pane` by `delta` rows, staying inside the list.
pub(super) fn step(wb: &mut Workbook, pane: Pane, delta: isize) {
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

fn open_editor(app: &mut App, new: bool) {
    if !writable(app) {
        return;
    }
    let Some(wb) = app.workbook.as_ref() else { return };
    let pane = wb.pane;
    let editor = match (new, wb.current()) {
        (true, _) => Editor::new(Target::Entry(pane), None, fields::blank(pane)),
        (false, Some(i)) => match fields::values(&wb.account, pane, i) {
            Some(values) => Editor::new(Target::Entry(pane), Some(i), values),
            None => return,
        },
        (false, None) => return app.say(format!("{} is empty: a adds an entry", pane.title())),
    };
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in an entry editor: apply the form to the account, or show why it can't be.
pub(super) fn save_editor(app: &mut App, editor: Box<Editor>, pane: Pane) -> Vec<Effect> {
    save_form(app, editor, |wb, editor, now| {
        let i = fields::apply(&mut wb.account, pane, editor.at, &editor.values(), now)
            .map_err(|e| e.to_string())?;
        wb.pane = pane;
        select(wb, pane, i);
        let verb = if editor.at.is_some() { "Changed" } else { "Added" };
        let title = first_line(wb.account.title(pane, i).unwrap_or(""));
        Ok(format!("{verb} \"{title}\" in {}", pane.title()))
    })
}

/// Ctrl-s in the profile editor.
pub(super) fn save_profile(app: &mut App, editor: Box<Editor>) -> Vec<Effect> {
    save_form(app, editor, |wb, editor, now| {
        fields::apply_profile(&mut wb.account, &editor.values(), now).map_err(|e| e.to_string())?;
        Ok("Saved the customer's profile".into())
    })
}

/// Selects list entry `i` of `pane`, clearing the filter if it hides the entry.
fn select(wb: &mut Workbook, pane: Pane, i: usize) {
    if !wb.visible(pane).contains(&i) {
        wb.filter = Default::default();
    }
    let row = wb.visible(pane).iter().position(|&v| v == i).unwrap_or(0);
    wb.selected[pane.index()] = row;
}

fn delete(app: &mut App) -> Vec<Effect> {
    change(app, |wb, now| {
        let i = wb.current().ok_or_else(String::new)?;
        let pane = wb.pane;
        let title = first_line(wb.account.title(pane, i).unwrap_or(""));
        fields::remove(&mut wb.account, pane, i, now);
        step(wb, pane, 0);
        Ok(format!("Deleted \"{title}\" (u undoes)"))
    })
}

fn reorder(app: &mut App, up: bool) -> Vec<Effect> {
    change(app, |wb, now| {
        if !wb.filter.needle().is_empty() {
            return Err("Clear the filter (Esc) to reorder".into());
        }
        let i = wb.current().ok_or_else(String::new)?;
        let pane = wb.pane;
        let j = fields::move_entry(&mut wb.account, pane, i, up, now).ok_or_else(String::new)?;
        wb.selected[pane.index()] = j;
        Ok(format!("Moved {}", if up { "up" } else { "down" }))
    })
}
