//! What every screen of an open account shares: switching screens, leaving, undo and redo,
//! and [`change`], the one road by which the account is changed (read-only check, undo
//! record, autosave).

use super::editor::Editor;
use super::history::{History, Snapshot};
use super::questions::QuestionsState;
use super::{Action, App, Effect, Filter, Overlay, Screen};
use crate::domain::{Account, AccountId, Pane};
use chrono::{DateTime, Utc};

/// An open account.
#[derive(Debug)]
pub struct Workbook {
    /// Its id.
    pub id: AccountId,
    /// Its content, as edited.
    pub account: Account,
    /// Set when the file is from a newer callbook: shown, never saved.
    pub read_only: Option<u32>,
    /// The focused pane.
    pub pane: Pane,
    /// The selected row in each pane, in [`Pane::ALL`] order, as an index into the visible rows.
    pub selected: [usize; 6],
    /// Undo and redo.
    pub history: History,
    /// Changed since the last successful save.
    pub dirty: bool,
    /// The last save failed with this message.
    pub save_error: Option<String>,
    /// At least one save succeeded since the account was opened.
    pub saved_once: bool,
    /// The filter over every list of the screen.
    pub filter: Filter,
    /// The screen shown.
    pub screen: Screen,
    /// The questions screen's state.
    pub questions: QuestionsState,
    /// Counts changes to the account, so derived state (the ranked bank) knows when to refresh.
    pub revision: u64,
    /// The selected row of the turn list (screen 3).
    pub turn_row: usize,
    /// The fingerprint of the file as last read or written, so a save never overwrites a
    /// change made on disk meanwhile.
    pub disk: Option<u64>,
}

impl Workbook {
    /// The rows of `pane` the filter lets through, as indices into the pane's list.
    pub fn visible(&self, pane: Pane) -> Vec<usize> {
        let needle = self.filter.needle();
        (0..self.account.len(pane))
            .filter(|&i| needle.is_empty() || self.account.haystack(pane, i).to_lowercase().contains(&needle))
            .collect()
    }

    /// The selected row of `pane`, as an index into the visible rows.
    pub fn selected_row(&self, pane: Pane) -> usize {
        self.selected[pane.index()]
    }

    /// The state undo would return to.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            account: self.account.clone(),
            pane: self.pane,
            selected: self.selected,
        }
    }

    /// Puts back a state from undo or redo.
    pub fn restore(&mut self, s: Snapshot) {
        (self.account, self.pane, self.selected) = (s.account, s.pane, s.selected);
    }

    /// A workbook showing `account` on the world screen.
    pub fn new(id: AccountId, account: Account, read_only: Option<u32>) -> Self {
        Workbook {
            id,
            account,
            read_only,
            pane: Pane::Goals,
            selected: [0; 6],
            history: History::default(),
            dirty: false,
            save_error: None,
            saved_once: false,
            filter: Filter::default(),
            screen: Screen::World,
            questions: QuestionsState::default(),
            revision: 0,
            turn_row: 0,
            disk: None,
        }
    }

    /// The turns the filter lets through, as indices into the account's turns.
    pub fn visible_turns(&self) -> Vec<usize> {
        let needle = self.filter.needle();
        let turns = &self.account.turns;
        (0..turns.len())
            .filter(|&i| {
                needle.is_empty()
                    || turns[i].line.to_lowercase().contains(&needle)
                    || turns[i].response.to_lowercase().contains(&needle)
            })
            .collect()
    }

    /// Notes that the account changed and needs saving.
    pub fn touched(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Keeps every selection inside its list, after undo or a filter change.
    pub fn clamp_selections(&mut self) {
        for pane in Pane::ALL {
            let len = self.visible(pane).len();
            self.selected[pane.index()] = self.selected[pane.index()].min(len.saturating_sub(1));
        }
        let len = self.account.questions.len();
        self.questions.plan_row = self.questions.plan_row.min(len.saturating_sub(1));
        self.turn_row = self.turn_row.min(self.account.turns.len().saturating_sub(1));
    }

    /// The list index of the selected entry of the focused pane, if any.
    pub fn current(&self) -> Option<usize> {
        self.visible(self.pane).get(self.selected_row(self.pane)).copied()
    }
}

/// Handles the actions every workbook screen treats alike; `None` when `action` is the
/// screen's own business.
pub(super) fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let wb = app.workbook.as_mut()?;
    match action {
        Action::Quit | Action::Back => return Some(leave(app, *action == Action::Quit)),
        Action::Undo | Action::Redo => return Some(undo(app, *action == Action::Undo)),
        Action::Search => wb.filter.active = true,
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Screen(n) => match Screen::from_number(*n) {
            Some(screen) if screen != wb.screen => {
                wb.screen = screen;
                app.say(screen.hint());
            }
            Some(_) => {}
            None => app.say(format!("There is no screen {n}")),
        },
        _ => return None,
    }
    Some(Vec::new())
}

/// Leaving the account (Esc) or the program (q): save first. If that save fails, the
/// effects runner stops before leaving and asks (see [`App::ask_leave_unsaved`]). Esc with
/// a filter set clears the filter instead.
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

/// Changes the open account through `f`, which returns what to tell the user, or `Err`
/// with why nothing changed (an empty reason says nothing). On success the state before is
/// recorded for undo and a save is asked for. A read-only account refuses.
pub(super) fn change(
    app: &mut App,
    f: impl FnOnce(&mut Workbook, DateTime<Utc>) -> Result<String, String>,
) -> Vec<Effect> {
    if !writable(app) {
        return Vec::new();
    }
    let now = app.now();
    let Some(wb) = app.workbook.as_mut() else {
        return Vec::new();
    };
    let before = wb.snapshot();
    match f(wb, now) {
        Ok(message) => {
            wb.history.record(before);
            wb.touched();
            app.say(message);
            vec![Effect::Save]
        }
        Err(reason) if reason.is_empty() => Vec::new(),
        Err(reason) => {
            app.say(reason);
            Vec::new()
        }
    }
}

/// Ctrl-s in an editor: `apply` writes the form into the account and says what happened,
/// or why it can't (`Err`), in which case the editor stays open showing the reason. An
/// existing entry saved without changes is left alone.
pub(super) fn save_form(
    app: &mut App,
    mut editor: Box<Editor>,
    apply: impl FnOnce(&mut Workbook, &Editor, DateTime<Utc>) -> Result<String, String>,
) -> Vec<Effect> {
    if editor.at.is_some() && !editor.is_changed() {
        app.say("No changes");
        return Vec::new();
    }
    let mut refused = None;
    let effects = change(app, |wb, now| {
        apply(wb, &editor, now).map_err(|reason| {
            refused = Some(reason);
            String::new()
        })
    });
    if let Some(reason) = refused {
        editor.error = Some(reason);
        app.overlay = Some(Overlay::Editor(editor));
    }
    effects
}

/// Refuses changes to a read-only account, saying why; true when changes are allowed.
pub(super) fn writable(app: &mut App) -> bool {
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
            wb.clamp_selections();
            wb.touched();
            app.say(if back { "Undone" } else { "Redone" });
            vec![Effect::Save]
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
