//! [`Ctx`]: what a screen's handler may touch (the document, the filter, the status line,
//! the popup slot, the time, the keys) and [`Ctx::change`], the one road by which the open
//! account changes: the access mode decides, undo records, a save follows.

use super::document::{ChangeKind, Document};
use super::editor::Editor;
use super::history::Snapshot;
use super::{Action, App, Effect, Filter, Keymap, Overlay, Scope, Status};
use crate::domain::{Account, Pane};
use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

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
    /// Where the user was on the world screen (the focused pane, each pane's selection),
    /// recorded with a change so undo returns there.
    pub(super) mark: (Pane, [usize; 6]),
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
                let (pane, selected) = self.mark;
                self.doc.history.record(Snapshot {
                    account: before,
                    pane,
                    selected,
                });
                self.doc.touched();
                self.effects.push(Effect::Save);
                Some(value)
            }
            Err(reason) => {
                // A refused change leaves nothing behind, whatever `f` did before refusing.
                self.doc.account = before;
                if !reason.is_empty() {
                    self.say(reason);
                }
                None
            }
        }
    }
}

/// A context over the open account, for changes made outside a screen's handler (a
/// rehearsal session); `None` on the picker.
pub(super) fn ctx(app: &mut App) -> Option<Ctx<'_>> {
    let now = app.now();
    let wb = app.workbook.as_mut()?;
    Some(Ctx {
        doc: &mut wb.doc,
        filter: &mut wb.filter,
        status: &mut app.status,
        overlay: &mut app.overlay,
        now,
        viewport: app.viewport,
        keys: &app.keys,
        mark: (wb.world.pane, wb.world.selected),
        effects: Vec::new(),
    })
}

/// Ctrl-s in an editor: `apply` writes the form into the account. `Ok(Some(_))` when it
/// did; `Ok(None)` when nothing changed (an existing entry saved as it was, or the access
/// mode refused, saying why); `Err(editor)` when `apply` refused, the editor to show again
/// with the reason.
pub(super) fn save_form<T>(
    cx: &mut Ctx,
    mut editor: Box<Editor>,
    apply: impl FnOnce(&mut Account, &Editor, DateTime<Utc>) -> Result<T, String>,
) -> Result<Option<T>, Box<Editor>> {
    if editor.at.is_some() && !editor.is_changed() {
        cx.say("No changes");
        return Ok(None);
    }
    let mut refused = None;
    let saved = cx.change(ChangeKind::Content, |account, now| {
        apply(account, &editor, now).map_err(|reason| {
            refused = Some(reason);
            String::new()
        })
    });
    match refused {
        Some(reason) => {
            editor.error = Some(reason);
            Err(editor)
        }
        None => Ok(saved),
    }
}
