//! Where the terminal UI starts, and what that takes: the start-up policy in one place, so
//! `main.rs` only reads the command line and `tui.rs` only runs the loop.

use super::{App, Effect, Keymap, Status, Theme, rehearse};
use crate::domain::{AccountId, ItemId};

/// Where the terminal UI starts, as the command line asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The account picker.
    Picker,
    /// An account's workbook.
    Open(AccountId),
    /// An account's workbook in review mode: a coach browses and comments, nothing else
    /// changes.
    Review(AccountId),
    /// Rehearsing an account's due turns.
    Rehearse(AccountId),
    /// Rehearsing the turns due across every account, most overdue first.
    Due {
        /// The turns, in order: (account, turn).
        queue: Vec<(AccountId, ItemId)>,
        /// Account files that could not be read, so were left out.
        unreadable: usize,
    },
}

/// What the command line says before the terminal UI starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preface {
    /// A warning for stderr; the UI starts anyway.
    pub warning: Option<String>,
    /// A line for stdout said instead of starting the UI: there is nothing to show.
    pub instead: Option<String>,
}

impl Start {
    /// What to say before starting, and whether to start at all.
    pub fn preface(&self) -> Preface {
        let Start::Due { queue, unreadable } = self else {
            return Preface::default();
        };
        let warning = (*unreadable > 0).then(|| {
            use crate::domain::health::{agree, count};
            let (files, were) = (
                count(*unreadable, "account file", "account files"),
                agree(*unreadable, "was", "were"),
            );
            format!("{files} could not be read and {were} skipped (see `callbook list`)")
        });
        let instead = queue.is_empty().then(|| {
            "Nothing is due for rehearsal. `callbook rehearse NAME` rehearses an account's turns anyway."
                .to_owned()
        });
        Preface { warning, instead }
    }
}

/// The effects that begin `start`, carried out before the first frame: the user's own bank
/// questions, then the picker's list, the account, or the first turn to rehearse.
pub fn begin(app: &mut App, start: Start) -> Vec<Effect> {
    let mut effects = vec![Effect::LoadShared];
    match start {
        // Only the picker lists every account; an account that can't be opened falls back
        // to the picker, which lists then (see `effects::run`).
        Start::Picker => effects.push(Effect::List),
        Start::Open(id) => effects.push(Effect::Open(id)),
        Start::Review(id) => {
            // `App::show` opens the next account it is given in review mode.
            app.review_next = true;
            effects.push(Effect::Open(id));
        }
        Start::Rehearse(id) => effects.extend([Effect::Open(id), Effect::RehearseDue]),
        Start::Due { queue, .. } => effects.extend(rehearse::start(app, queue)),
    }
    effects
}

/// The user's own settings the UI starts with, and why they are the defaults, if they are.
#[derive(Clone, Debug, Default)]
pub struct Personal {
    /// Signs the comments written.
    pub reviewer: String,
    /// The palette.
    pub theme: Theme,
    /// The keys, the user's remaps applied.
    pub keys: Keymap,
    /// Why the settings file could not be used (so the defaults are in force), to be said
    /// loudly at start: a line for the status line, then the whole message.
    pub problem: Option<String>,
}

impl Personal {
    /// Puts these settings in force in `app`, before anything names a key. A problem with
    /// the file comes back as the status line's error for the caller to show once the start
    /// has said its own (the first mistake on the line; help shows them all).
    pub fn apply(self, app: &mut App) -> Option<Status> {
        app.reviewer = self.reviewer;
        app.theme = self.theme;
        app.keys = self.keys;
        self.problem
            .map(|problem| Status::failure(format!("Settings not used, defaults instead: {problem}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> AccountId {
        AccountId::parse("acme-abc123").unwrap()
    }

    #[test]
    fn only_an_empty_queue_stops_the_ui_and_unreadable_files_warn() {
        assert_eq!(Start::Picker.preface(), Preface::default());
        let empty = Start::Due {
            queue: Vec::new(),
            unreadable: 2,
        };
        let said = empty.preface();
        assert!(said.instead.unwrap().contains("Nothing is due"));
        assert!(
            said.warning
                .unwrap()
                .starts_with("2 account files could not be read and were")
        );
        let due = Start::Due {
            queue: vec![(id(), ItemId::generate())],
            unreadable: 0,
        };
        assert_eq!(due.preface(), Preface::default());
    }

    #[test]
    fn each_start_asks_for_what_it_needs() {
        let mut app = App::new(Vec::new(), crate::domain::now);
        assert_eq!(begin(&mut app, Start::Picker), [Effect::LoadShared, Effect::List]);
        assert_eq!(
            begin(&mut app, Start::Open(id())),
            [Effect::LoadShared, Effect::Open(id())]
        );
        assert!(!app.review_next);
        assert_eq!(
            begin(&mut app, Start::Review(id())),
            [Effect::LoadShared, Effect::Open(id())]
        );
        assert!(app.review_next, "the account opens for review");
        app.review_next = false;
        assert_eq!(
            begin(&mut app, Start::Rehearse(id())),
            [Effect::LoadShared, Effect::Open(id()), Effect::RehearseDue]
        );
        let queue = vec![(id(), ItemId::generate())];
        let effects = begin(&mut app, Start::Due { queue, unreadable: 0 });
        assert!(effects.contains(&Effect::Open(id())), "{effects:?}");
        assert!(app.rehearsal.is_some());
    }
}
