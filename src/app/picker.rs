//! Behaviour of the account picker: move, filter, open, create, trash.

use super::editor::LineInput;
use super::{Action, App, Effect, Overlay, PickerEntry, Question, layout};

/// Applies an action on the picker screen.
pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let len = app.picker.visible().len();
    let sel = &mut app.picker.selected;
    match action {
        Action::Up | Action::ScrollUp(..) => *sel = sel.saturating_sub(1),
        Action::Down | Action::ScrollDown(..) => *sel = (*sel + 1).min(len.saturating_sub(1)),
        Action::Top => *sel = 0,
        Action::Bottom => *sel = len.saturating_sub(1),
        Action::Click(x, y) => return click(app, x, y),
        Action::Edit => return open(app),
        Action::NewAccount => app.overlay = Some(Overlay::NewAccount(LineInput::default())),
        Action::Delete => ask_trash(app),
        Action::Search => app.picker.filter.active = true,
        Action::Back => app.picker.filter = Default::default(),
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Quit => return vec![Effect::Quit],
        Action::Undo | Action::Redo | Action::Add | Action::MoveUp | Action::MoveDown => {
            app.say("Open an account first (Enter), or create one (n)");
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the selected row: an account, or the sample (created first).
fn open(app: &mut App) -> Vec<Effect> {
    match app.picker.current().cloned() {
        Some(PickerEntry::Account(s)) => vec![Effect::Open(s.id)],
        Some(PickerEntry::Sample) => vec![Effect::CreateSample],
        Some(PickerEntry::Damaged { message, .. }) => {
            app.fail(format!("Can't open: {message}"));
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// A click selects a row; a click on the selected row opens it.
fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    let body = layout::frame(app.viewport).body;
    match layout::hit_picker(body, x, y, app.picker.selected) {
        Some(row) if row == app.picker.selected => open(app),
        Some(row) if row < app.picker.visible().len() => {
            app.picker.selected = row;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn ask_trash(app: &mut App) {
    let question = match app.picker.current() {
        Some(PickerEntry::Account(s)) => Question::Trash {
            stem: s.id.to_string(),
            label: s.name.clone(),
        },
        Some(PickerEntry::Damaged { stem, .. }) => Question::Trash {
            stem: stem.clone(),
            label: format!("{stem}.json"),
        },
        Some(PickerEntry::Sample) | None => return,
    };
    app.overlay = Some(Overlay::Confirm(question));
}
