//! An open account: the [`Document`] and each screen's view state, and what every screen
//! shares: switching screens, leaving, undo and redo, and [`Ctx::change`], the one road by
//! which the account is changed (the access mode decides, undo records, a save follows).

use super::document::{ChangeKind, Document};
use super::history::Snapshot;
use super::questions::QuestionsState;
use super::rehearse::TurnsView;
use super::world::{self, WorldView};
use super::{Action, App, Bank, Effect, Filter, Keymap, Overlay, Scope, Screen, Status};
use crate::domain::{Account, Pane};
use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

/// An open account: the document and the view state of each screen.
#[derive(Debug)]
pub struct Workbook {
    /// The account and its save state.
    pub doc: Document,
    /// The screen shown.
    pub screen: Screen,
    /// The filter over every list of the screen.
    pub filter: Filter,
    /// The world screen's focus and selections.
    pub world: WorldView,
    /// The questions screen's state.
    pub questions: QuestionsState,
    /// The rehearse screen's turn list.
    pub turns: TurnsView,
}

impl Workbook {
    /// A workbook showing `doc` on the world screen.
    pub fn new(doc: Document) -> Self {
        Workbook {
            doc,
            screen: Screen::World,
            filter: Filter::default(),
            world: WorldView::default(),
            questions: QuestionsState::default(),
            turns: TurnsView::default(),
        }
    }

    /// The rows of `pane` the filter lets through, as indices into the pane's list.
    pub fn visible(&self, pane: Pane) -> Vec<usize> {
        world::visible(&self.doc.account, &self.filter, pane)
    }

    /// The selected row of `pane`, as an index into the visible rows.
    pub fn selected_row(&self, pane: Pane) -> usize {
        self.world.selected[pane.index()]
    }

    /// The list index of the selected entry of the focused pane, if any.
    pub fn current(&self) -> Option<usize> {
        let pane = self.world.pane;
        self.visible(pane).get(self.selected_row(pane)).copied()
    }

    /// The turns the filter lets through, as indices into the account's turns.
    pub fn visible_turns(&self) -> Vec<usize> {
        super::rehearse::visible_turns(&self.doc.account, &self.filter)
    }

    /// Keeps every selection inside its list, after undo or a filter change.
    pub fn clamp_selections(&mut self) {
        for pane in Pane::ALL {
            let len = self.visible(pane).len();
            self.world.selected[pane.index()] = self.world.selected[pane.index()].min(len.saturating_sub(1));
        }
        let len = self.doc.account.questions.len();
        self.questions.plan_row = self.questions.plan_row.min(len.saturating_sub(1));
        self.turns.row = self.turns.row.min(self.doc.account.turns.len().saturating_sub(1));
    }
}

/// What a screen's handler may touch: the document, the filter, the status line, the popup
/// slot and the time; the effects it asks for collect here.
pub(super) struct Ctx<'a> {
    /// The open account.
    pub doc: &'a mut Document,
    /// The filter over the screen's lists.
    pub filter: &'a mut Filter,
    /// The status line.
    pub status: &'a mut Status,
    /// The popup, if the handler opens one.
    pub overlay: &'a mut Option<Overlay>,
    /// The time now.
    pub now: DateTime<Utc>,
    /// The terminal's size, for hit-testing clicks.
    pub viewport: Rect,
    /// The keys in force, for messages that name one.
    pub keys: &'a Keymap,
    /// Where the user was on the world screen, recorded with a change so undo returns there.
    mark: WorldView,
    /// What the loop must carry out after this action.
    pub effects: Vec<Effect>,
}

impl Ctx<'_> {
    /// The key that does `action` in `scope`, for a message that names it.
    pub fn key(&self, scope: Scope, action: Action) -> String {
        self.keys.key(scope, &action)
    }

    /// Puts a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        *self.status = Status::info(text);
    }

    /// Puts an error in the status line.
    pub fn fail(&mut self, text: impl Into<String>) {
        *self.status = Status::failure(text);
    }

    /// Opens a popup.
    pub fn show(&mut self, overlay: Overlay) {
        *self.overlay = Some(overlay);
    }

    /// `Ok` when the access mode allows a change of `kind`; otherwise says why not.
    pub fn may(&mut self, kind: ChangeKind) -> bool {
        match self.doc.access.allows(kind) {
            Ok(()) => true,
            Err(why) => {
                self.fail(why);
                false
            }
        }
    }

    /// Changes the account through `f`, if the access mode allows a change of `kind`. `f`
    /// returns a value, or `Err` with why nothing changed (an empty reason says nothing).
    /// On success the state before is recorded for undo and a save is asked for.
    pub fn change<T>(
        &mut self,
        kind: ChangeKind,
        f: impl FnOnce(&mut Account, DateTime<Utc>) -> Result<T, String>,
    ) -> Option<T> {
        if !self.may(kind) {
            return None;
        }
        let before = self.doc.account.clone();
        match f(&mut self.doc.account, self.now) {
            Ok(value) => {
                self.doc.history.record(Snapshot {
                    account: before,
                    view: self.mark,
                });
                self.doc.touched();
                self.effects.push(Effect::Save);
                Some(value)
            }
            Err(reason) => {
                if !reason.is_empty() {
                    self.say(reason);
                }
                None
            }
        }
    }
}

/// Every part of an open workbook a handler may be given, borrowed apart.
pub(super) struct Parts<'a> {
    /// The context every handler takes.
    pub cx: Ctx<'a>,
    /// The world screen's view.
    pub world: &'a mut WorldView,
    /// The questions screen's view.
    pub questions: &'a mut QuestionsState,
    /// The rehearse screen's turn list.
    pub turns: &'a mut TurnsView,
    /// The question bank.
    pub bank: &'a mut Bank,
}

/// The open workbook taken apart for a handler; `None` on the picker.
pub(super) fn parts(app: &mut App) -> Option<Parts<'_>> {
    let now = app.now();
    let wb = app.workbook.as_mut()?;
    let mark = wb.world;
    Some(Parts {
        cx: Ctx {
            doc: &mut wb.doc,
            filter: &mut wb.filter,
            status: &mut app.status,
            overlay: &mut app.overlay,
            now,
            viewport: app.viewport,
            keys: &app.keys,
            mark,
            effects: Vec::new(),
        },
        world: &mut wb.world,
        questions: &mut wb.questions,
        turns: &mut wb.turns,
        bank: &mut app.bank,
    })
}

/// Handles the actions every workbook screen treats alike; `None` when `action` is the
/// screen's own business.
pub(super) fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let wb = app.workbook.as_mut()?;
    match action {
        Action::Quit | Action::Back => return Some(leave(wb, *action == Action::Quit)),
        Action::Undo | Action::Redo => return Some(undo(app, *action == Action::Undo)),
        Action::Search => wb.filter.active = true,
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Screen(n) => match Screen::from_number(*n) {
            Some(screen) if screen != wb.screen => {
                wb.screen = screen;
                app.say(screen.hint(|a| app.key(Scope::Screen(screen), a)));
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
        view: wb.world,
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
    (wb.doc.account, wb.world) = (s.account, s.view);
    wb.clamp_selections();
    wb.doc.touched();
    app.say(if back { "Undone" } else { "Redone" });
    vec![Effect::Save]
}
