//! Undo and redo for an open account: a stack of whole-account snapshots. Accounts are
//! small, so a clone per change is cheap and no edit can escape undo.

use crate::domain::{Account, Pane};

/// How many changes undo reaches back.
const DEPTH: usize = 200;

/// The account and where the user was, before or after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The whole account.
    pub account: Account,
    /// The world screen's focused pane.
    pub pane: Pane,
    /// The world screen's selection per pane.
    pub selected: [usize; 6],
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl History {
    /// Records the state before a change; the redo stack is dropped.
    pub fn record(&mut self, before: Snapshot) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// Takes back the last change: returns the state to restore, given the current one.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let prev = self.undo.pop()?;
        self.redo.push(current);
        Some(prev)
    }

    /// Does again what undo took back.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(name: &str) -> Snapshot {
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Snapshot {
            account: Account::new(name, t),
            pane: Pane::Goals,
            selected: [0; 6],
        }
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::default();
        h.record(snap("a"));
        assert_eq!(h.undo(snap("b")).unwrap().account.name, "a");
        assert_eq!(h.redo(snap("a")).unwrap().account.name, "b");
        assert!(h.redo(snap("b")).is_none());
    }

    #[test]
    fn a_new_change_drops_redo_and_depth_is_bounded() {
        let mut h = History::default();
        h.record(snap("a"));
        h.undo(snap("b"));
        h.record(snap("a"));
        assert!(h.redo(snap("c")).is_none());
        for i in 0..DEPTH + 5 {
            h.record(snap(&i.to_string()));
        }
        assert_eq!(h.undo_len(), DEPTH);
    }
}
