//! UI state and behaviour, with no drawing and no I/O: [`App`] holds what is on screen,
//! [`update`] changes it in answer to an [`Action`] and returns the [`Effect`]s (saving,
//! opening, quitting) that the event loop carries out.

pub mod action;
pub mod editor;
pub mod history;
pub mod keymap;
pub mod layout;
mod picker;
mod update;
mod world;

pub use action::{Action, Effect};
pub use keymap::Scope;
pub use update::update;

use crate::domain::{Account, AccountId, Pane};
use crate::storage::{Listing, Loaded, Summary};
use chrono::{DateTime, Utc};
use editor::{Editor, LineInput};
use history::History;
use ratatui::layout::Rect;

/// Where the time comes from; tests pass a fixed clock so output is repeatable.
pub type Clock = fn() -> DateTime<Utc>;

/// The whole state of the user interface.
#[derive(Debug)]
pub struct App {
    /// The account picker's state (kept while a workbook is open, to come back to).
    pub picker: Picker,
    /// The open account, if any; when `None` the picker shows.
    pub workbook: Option<Workbook>,
    /// A popup over the screen, if one is open.
    pub overlay: Option<Overlay>,
    /// The message in the status line.
    pub status: Status,
    /// The terminal's size, for layout and mouse hit-testing.
    pub viewport: Rect,
    /// The time source.
    pub clock: Clock,
}

/// One row of the account picker.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerEntry {
    /// A readable account.
    Account(Summary),
    /// A file that could not be read, with the error naming file, line and column.
    Damaged {
        /// The file's stem.
        stem: String,
        /// What is wrong.
        message: String,
    },
    /// The built-in sample account, offered while there are no accounts.
    Sample,
}

/// The account picker.
#[derive(Debug, Default)]
pub struct Picker {
    /// Every row, before filtering.
    pub entries: Vec<PickerEntry>,
    /// Index into [`Picker::visible`].
    pub selected: usize,
    /// The filter typed after `/`.
    pub filter: Filter,
}

/// A list filter typed after `/`.
#[derive(Debug, Default)]
pub struct Filter {
    /// The text typed so far.
    pub input: LineInput,
    /// True while the user is typing it.
    pub active: bool,
}

impl Filter {
    /// The filter as lower-case text ("" when none).
    pub fn needle(&self) -> String {
        self.input.text().trim().to_lowercase()
    }
}

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
    /// The filter over every pane.
    pub filter: Filter,
}

/// A popup over the screen.
#[derive(Debug)]
pub enum Overlay {
    /// The keys, from the keymap table; the number is the scroll offset.
    Help(u16),
    /// Editing an entry.
    Editor(Box<Editor>),
    /// Asking for a new account's name.
    NewAccount(LineInput),
    /// A yes/no question and what yes does.
    Confirm(Question),
}

/// A yes/no question.
#[derive(Clone, Debug)]
pub enum Question {
    /// Drop the changes typed in this editor? No goes back to it.
    DiscardEdit(Box<Editor>),
    /// Move this account file to the trash?
    Trash {
        /// The file's stem.
        stem: String,
        /// How the account is called on screen.
        label: String,
    },
    /// Leave although the last save failed? `quit` leaves callbook, otherwise the account.
    LeaveUnsaved {
        /// Quit the program rather than go back to the picker.
        quit: bool,
    },
}

/// The status line's message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// True for errors, shown in the error colour.
    pub error: bool,
}

impl App {
    /// A new app showing the picker with these files.
    pub fn new(listing: Vec<Listing>, clock: Clock) -> Self {
        let mut app = App {
            picker: Picker::default(),
            workbook: None,
            overlay: None,
            status: Status::default(),
            viewport: Rect::new(0, 0, 80, 24),
            clock,
        };
        app.set_listing(listing);
        app
    }

    /// Replaces the picker's rows with a fresh listing of the data folder.
    pub fn set_listing(&mut self, listing: Vec<Listing>) {
        let mut entries: Vec<PickerEntry> = listing
            .into_iter()
            .map(|l| match l {
                Listing::Ok(s) => PickerEntry::Account(s),
                Listing::Damaged { stem, error } => PickerEntry::Damaged {
                    stem,
                    message: error.to_string(),
                },
            })
            .collect();
        if !entries.iter().any(|e| matches!(e, PickerEntry::Account(_))) {
            entries.insert(0, PickerEntry::Sample);
        }
        self.picker.entries = entries;
        let len = self.picker.visible().len();
        self.picker.selected = self.picker.selected.min(len.saturating_sub(1));
    }

    /// Shows an account that was just read from disk.
    pub fn show(&mut self, loaded: Loaded) {
        let notice = loaded
            .newer_schema
            .map(|n| format!("read-only: written by a newer callbook (schema {n}); changes can't be saved"));
        self.workbook = Some(Workbook {
            id: loaded.id,
            account: loaded.account,
            read_only: loaded.newer_schema,
            pane: Pane::Goals,
            selected: [0; 6],
            history: History::default(),
            dirty: false,
            save_error: None,
            saved_once: false,
            filter: Filter::default(),
        });
        self.overlay = None;
        match notice {
            Some(text) => self.status = Status { text, error: true },
            None => self.say("Tab moves between panes, a adds, ? shows every key"),
        }
    }

    /// After a save failed on the way out: asks whether to leave anyway (`quit`: the
    /// program, otherwise the account). No keeps everything open to try again.
    pub fn ask_leave_unsaved(&mut self, quit: bool) {
        self.overlay = Some(Overlay::Confirm(Question::LeaveUnsaved { quit }));
    }

    /// Puts a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: false,
        };
    }

    /// Puts an error in the status line.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: true,
        };
    }

    /// The scopes whose bindings apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.overlay {
            Some(Overlay::Help(_)) => vec![Scope::Help],
            Some(Overlay::Editor(_)) => vec![Scope::Editor],
            Some(Overlay::NewAccount(_)) => vec![Scope::Prompt],
            Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
            None => match &self.workbook {
                Some(wb) if wb.filter.active => vec![Scope::Filter],
                Some(_) => vec![Scope::World, Scope::Global],
                None if self.picker.filter.active => vec![Scope::Filter],
                None => vec![Scope::Picker, Scope::Global],
            },
        }
    }

    /// The time now, from the app's clock.
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

impl Picker {
    /// The rows the filter lets through, as indices into `entries`.
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.needle();
        (0..self.entries.len())
            .filter(|&i| needle.is_empty() || self.entries[i].label().to_lowercase().contains(&needle))
            .collect()
    }

    /// The selected row, if any.
    pub fn current(&self) -> Option<&PickerEntry> {
        self.visible().get(self.selected).map(|&i| &self.entries[i])
    }
}

impl PickerEntry {
    /// The row's name, for filtering and questions.
    pub fn label(&self) -> String {
        match self {
            PickerEntry::Account(s) => s.name.clone(),
            PickerEntry::Damaged { stem, .. } => format!("{stem}.json"),
            PickerEntry::Sample => format!("{} (sample)", crate::domain::sample::NAME),
        }
    }
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
    pub fn snapshot(&self) -> history::Snapshot {
        history::Snapshot {
            account: self.account.clone(),
            pane: self.pane,
            selected: self.selected,
        }
    }

    /// Puts back a state from undo or redo.
    pub fn restore(&mut self, s: history::Snapshot) {
        (self.account, self.pane, self.selected) = (s.account, s.pane, s.selected);
    }

    /// The list index of the selected entry of the focused pane, if any.
    pub fn current(&self) -> Option<usize> {
        self.visible(self.pane).get(self.selected_row(self.pane)).copied()
    }
}
