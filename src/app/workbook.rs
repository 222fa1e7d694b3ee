//! What every screen of an open account shares: switching screens, leaving (saving first),
//! undo and redo.

use super::document::ChangeKind;
use super::history::Snapshot;
use super::{Action, App, Effect, Overlay, Scope, Screen, Workbook};

/// Handles the actions every workbook screen treats alike; `None` when `action` is the
/// screen's own business.
pub(super) fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let wb = app.workbook.as_mut()?;
    match action {
        Action::Quit | Action::Back => return Some(leave(wb, *action == Action::Quit)),
        Action::Undo | Action::Redo => return Some(undo(app, *action == Action::Undo)),
        Action::Search => wb.filter.active = true,
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::TakeOver if wb.doc.access == super::document::Access::Elsewhere => {
            return Some(vec![Effect::TakeOver]);
        }
        Action::TakeOver => app.say("This account is open here for editing already"),
        Action::Comment => super::comments::open(app),
        Action::Sync if wb.doc.dirty => return Some(vec![Effect::Save, Effect::Sync]),
        Action::Sync => return Some(vec![Effect::Sync]),
        Action::NextComment => super::comments::next(app),
        Action::Screen(n) => match Screen::from_number(*n) {
            Some(screen) if screen != wb.screen => {
                wb.screen = screen;
                app.say(screen.hint(|a| app.key(Scope::Screen(screen), a)));
            }
            // Already there: say again what the screen's keys do.
            Some(screen) => app.say(screen.hint(|a| app.key(Scope::Screen(screen), a))),
            None => app.say(format!("There is no screen {n}")),
        },
        _ => return None,
    }
    Some(Vec::new())
}

/// Leaving the account (Esc) or the program (q): save first. If that save fails, the
/// effects runner stops before leaving and asks (see [`App::ask_leave_unsaved`]). Esc with
/// a filter set clears the filter instead.
fn leave(wb: &mut Workbook, quit: bool) -> Vec<Effect> {
    if !quit && !wb.filter.needle().is_empty() {
        wb.filter = Default::default();
        return Vec::new();
    }
    let last = if quit { Effect::Quit } else { Effect::Close };
    if wb.doc.dirty {
        vec![Effect::Save, last]
    } else {
        vec![last]
    }
}

/// Undo or redo: the account and where the user was on the world screen come back.
fn undo(app: &mut App, back: bool) -> Vec<Effect> {
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    // Review mode records only comments, so what undo takes back is always allowed there.
    if let Err(why) = wb.doc.access.allows(ChangeKind::Comment) {
        app.fail(why);
        return Vec::new();
    }
    let current = Snapshot {
        account: wb.doc.account.clone(),
        pane: wb.world.pane,
        selected: wb.world.selected,
    };
    let history = &mut wb.doc.history;
    let restored = if back {
        history.undo(current)
    } else {
        history.redo(current)
    };
    let Some(s) = restored else {
        app.say(if back {
            "Nothing to undo"
        } else {
            "Nothing to redo"
        });
        return Vec::new();
    };
    (wb.doc.account, wb.world.pane, wb.world.selected) = (s.account, s.pane, s.selected);
    wb.clamp_selections();
    wb.doc.touched();
    app.say(if back { "Undone" } else { "Redone" });
    vec![Effect::Save]
}
