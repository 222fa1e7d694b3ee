//! `update`: every behaviour of the app, as state in, state out, plus effects. Overlays
//! (help, editor, prompt, question) and filters are handled here; screens in their modules.

use super::chooser::{self, Chooser};
use super::editor::{Editor, Target};
use super::questions;
use super::{
    Action, App, Effect, Filter, Overlay, Question, Screen, layout, picker, rehearse, workbook, world,
};
use ratatui::layout::Rect;

/// Applies an action and returns the effects the event loop must carry out, in order.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = dispatch(app, action);
    questions::refresh(app);
    effects
}

fn dispatch(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Resize(w, h) = action {
        app.viewport = Rect::new(0, 0, w, h);
        return Vec::new();
    }
    if let Some(overlay) = app.overlay.take() {
        return overlay_update(app, overlay, action);
    }
    if let Some(filter) = active_filter(app) {
        match action {
            Action::Up | Action::Down => {}
            _ => {
                if filter_update(filter, action) {
                    reset_selection(app);
                }
                return Vec::new();
            }
        }
    }
    if app.rehearsal.is_some() {
        return rehearse::session_update(app, action);
    }
    let Some(screen) = app.workbook.as_ref().map(|wb| wb.screen) else {
        return picker::update(app, action);
    };
    if let Some(effects) = workbook::update(app, &action) {
        return effects;
    }
    match screen {
        Screen::World => world::update(app, action),
        Screen::Questions => questions::update(app, action),
        Screen::Rehearse => rehearse::list_update(app, action),
    }
}

fn active_filter(app: &mut App) -> Option<&mut Filter> {
    let filter = match &mut app.workbook {
        Some(wb) => &mut wb.filter,
        None => &mut app.picker.filter,
    };
    filter.active.then_some(filter)
}

/// Typing in a filter; true when its text changed.
fn filter_update(filter: &mut Filter, action: Action) -> bool {
    match action {
        Action::Input(_) | Action::Paste(_) => filter.input.apply(&action),
        Action::Confirm => {
            filter.active = false;
            false
        }
        Action::Back => {
            *filter = Filter::default();
            true
        }
        _ => false,
    }
}

/// The filter changed what is visible: start again from the first row.
fn reset_selection(app: &mut App) {
    match &mut app.workbook {
        Some(wb) => {
            wb.selected = [0; 6];
            (wb.questions.plan_row, wb.questions.bank_row) = (0, 0);
            wb.turn_row = wb.visible_turns().first().copied().unwrap_or(0);
        }
        None => app.picker.selected = 0,
    }
}

fn overlay_update(app: &mut App, overlay: Overlay, action: Action) -> Vec<Effect> {
    match overlay {
        Overlay::Help(scroll) => {
            app.overlay = match action {
                Action::Back | Action::Help => None,
                Action::Down => Some(Overlay::Help(
                    (scroll + 1).min(layout::help_max_scroll(app.viewport)),
                )),
                Action::Up => Some(Overlay::Help(scroll.saturating_sub(1))),
                _ => Some(Overlay::Help(scroll)),
            };
            Vec::new()
        }
        Overlay::Editor(editor) => editor_update(app, editor, action),
        Overlay::NewAccount(mut input) => match action {
            Action::Confirm if input.text().trim().is_empty() => {
                app.fail("The account needs a name");
                app.overlay = Some(Overlay::NewAccount(input));
                Vec::new()
            }
            Action::Confirm => vec![Effect::Create(input.text().trim().to_owned())],
            Action::Back => Vec::new(),
            other => {
                input.apply(&other);
                app.overlay = Some(Overlay::NewAccount(input));
                Vec::new()
            }
        },
        Overlay::Confirm(question) => confirm_update(app, question, action),
        Overlay::Choose(chooser) => choose_update(app, chooser, action),
    }
}

fn choose_update(app: &mut App, mut chooser: Box<Chooser>, action: Action) -> Vec<Effect> {
    let last = chooser.rows.len().saturating_sub(1);
    match action {
        Action::Back => return Vec::new(),
        Action::Confirm => return chooser::chosen(app, *chooser),
        Action::Up => chooser.cursor = chooser.cursor.saturating_sub(1),
        Action::Down => chooser.cursor = (chooser.cursor + 1).min(last),
        Action::Toggle if chooser.multi() => {
            let c = chooser.cursor;
            chooser.checked[c] = !chooser.checked[c];
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Choose(chooser));
    Vec::new()
}

fn editor_update(app: &mut App, mut editor: Box<Editor>, action: Action) -> Vec<Effect> {
    match action {
        Action::Save => {
            return match editor.target {
                Target::Entry(pane) => world::save_editor(app, editor, pane),
                Target::Question => questions::save_editor(app, editor),
                Target::Turn => rehearse::save_editor(app, editor),
                Target::Profile => world::save_profile(app, editor),
            };
        }
        Action::UseRewrite if editor.target == Target::Question => questions::use_rewrite(app, &mut editor),
        Action::Back if editor.is_changed() => {
            app.overlay = Some(Overlay::Confirm(Question::DiscardEdit(editor)));
            return Vec::new();
        }
        Action::Back => return Vec::new(),
        Action::NextField => editor.next_field(),
        Action::PrevField => editor.prev_field(),
        Action::Input(key) => editor.input(key),
        Action::Paste(text) => editor.paste(&text),
        _ => {}
    }
    app.overlay = Some(Overlay::Editor(editor));
    Vec::new()
}

fn confirm_update(app: &mut App, question: Question, action: Action) -> Vec<Effect> {
    match (action, question) {
        (Action::Confirm, Question::DiscardEdit(_)) => {
            app.say("Changes dropped");
            Vec::new()
        }
        (Action::Deny, Question::DiscardEdit(editor)) => {
            app.overlay = Some(Overlay::Editor(editor));
            Vec::new()
        }
        (Action::Confirm, Question::Trash { stem, .. }) => vec![Effect::Trash(stem)],
        (Action::Confirm, Question::LeaveUnsaved { quit: true }) => vec![Effect::Quit],
        (Action::Confirm, Question::LeaveUnsaved { quit: false }) => vec![Effect::Close],
        (Action::Deny, _) => Vec::new(),
        (_, question) => {
            app.overlay = Some(Overlay::Confirm(question));
            Vec::new()
        }
    }
}
