//! UI state and behaviour, with no drawing and no I/O: [`App`] holds what is on screen,
//! [`update`] changes it in answer to an [`Action`] and returns the [`Effect`]s (saving,
//! opening, quitting) that the event loop carries out.

pub mod action;
pub mod call;
mod call_choices;
mod chooser;
mod chrome;
pub mod comments;
mod context;
pub mod document;
pub mod editor;
pub mod fit;
pub mod history;
pub mod keymap;
pub mod layout;
mod picker;
pub mod questions;
pub mod reading;
pub mod recovery;
pub mod rehearse;
pub mod report;
pub mod review;
mod screen;
pub mod start;
pub mod sweet_spot;
pub mod team;
pub mod theme;
mod update;
mod workbook;
pub mod world;

pub use action::{Action, Effect};
pub use chooser::{Chooser, Purpose};
pub use chrome::{Filter, Status};
pub use document::{Access, ChangeKind, Document};
pub use keymap::{Keymap, Scope};
pub use picker::{Picker, PickerEntry};
pub use questions::{Bank, Focus, QuestionsState};
pub use screen::Screen;
pub use theme::Theme;
pub use update::update;
pub use world::WorldView;

use crate::domain::Pane;
use crate::storage::{Listing, Loaded};
use call::CallView;
use chrono::{DateTime, Utc};
use editor::{Editor, LineInput};
use ratatui::layout::Rect;
use rehearse::TurnsView;

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
    /// The question bank: built-in questions and the user's own.
    pub bank: Bank,
    /// The rehearsal session under way, if any.
    pub rehearsal: Option<rehearse::Rehearsal>,
    /// Monotonic time, for timing answers.
    pub ticks: rehearse::Ticks,
    /// The keys in force; every message that names a key asks it.
    pub keys: Keymap,
    /// The next account shown opens in review mode (a coach: only comments change).
    pub review_next: bool,
    /// Who signs comments and replies written here.
    pub reviewer: String,
    /// The team's offerings and sweet-spot criteria, every account is judged against.
    pub team: crate::domain::team::Team,
    /// The team's files popup: its focus and selections.
    pub team_view: team::TeamView,
    /// The palette the screen is drawn in.
    pub theme: Theme,
    /// The team's shared files as last read (`Store::shared_stamp`), so the idle loop can
    /// tell when a pull or another window changed them; `None` until they are read.
    pub shared_stamp: Option<crate::storage::SharedStamp>,
}

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
    /// The call screen's lists and detail.
    pub call: CallView,
    /// The review screen's lists and detail.
    pub review: review::ReviewView,
    /// The fit screen's lists and detail.
    pub fit: sweet_spot::FitView,
    /// The comment the rep last went to (`C` goes on from it).
    pub last_comment: Option<usize>,
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
            call: CallView::default(),
            review: review::ReviewView::default(),
            fit: sweet_spot::FitView::default(),
            last_comment: None,
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
        rehearse::visible_turns(&self.doc.account, &self.filter)
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
        let account = &self.doc.account;
        self.call.task_row = self.call.task_row.min(account.tasks.len().saturating_sub(1));
        self.call.call_row = self.call.call_row.min(account.calls.len().saturating_sub(1));
        self.fit.scenario_row = self
            .fit
            .scenario_row
            .min(account.scenarios.len().saturating_sub(1));
    }
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
    /// Picking one or several rows from a list (links, a pane).
    Choose(Box<Chooser>),
    /// A yes/no question and what yes does.
    Confirm(Question),
    /// The call sheet of call `call` (an index into the account's calls), from row `top`.
    Sheet {
        /// The call.
        call: usize,
        /// The first row shown.
        top: usize,
    },
    /// Text kept from a session that ended from outside, offered back at start.
    Recovered(Box<recovery::Recovered>),
    /// The team's files: what we offer and the sweet spot's criteria (state in `App::team_view`).
    Team,
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
    /// Quit, dropping the changes typed in this editor? No goes back to it.
    QuitDroppingEdit(Box<Editor>),
    /// The account's file was deleted on disk while it was open: write it back with what is
    /// on screen? No leaves it deleted (and the account open, unsaved).
    WriteBack,
    /// Leave although the last save failed? `quit` leaves callbook, otherwise the account.
    LeaveUnsaved {
        /// Quit the program rather than go back to the picker.
        quit: bool,
    },
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
            bank: Bank::default(),
            rehearsal: None,
            ticks: rehearse::since_start,
            keys: Keymap::default(),
            review_next: false,
            reviewer: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "a reviewer".to_owned()),
            team: crate::domain::team::Team::default(),
            team_view: team::TeamView::default(),
            theme: Theme::default(),
            shared_stamp: None,
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
                    what: match &error {
                        crate::storage::StoreError::Conflicted { .. } => "conflict",
                        crate::storage::StoreError::ConflictedCopy { .. } => "copy",
                        _ => "damaged",
                    },
                    message: error.to_string(),
                },
            })
            .collect();
        if !entries.iter().any(|e| matches!(e, PickerEntry::Account(_))) {
            entries.insert(0, PickerEntry::Sample);
        }
        self.picker.set_entries(entries);
    }

    /// Shows an account that was just read from disk.
    pub fn show(&mut self, loaded: Loaded) {
        let notice = loaded
            .newer_schema
            .map(|n| format!("read-only: written by a newer callbook (schema {n}); changes can't be saved"));
        let opened = if std::mem::take(&mut self.review_next) {
            Access::Review
        } else {
            Access::Edit
        };
        let access = loaded.newer_schema.map_or(opened, Access::NewerSchema);
        let mut doc = Document::new(loaded.id, loaded.account, access);
        doc.disk = Some(loaded.fingerprint);
        let mut wb = Workbook::new(doc);
        let rehearsing = self.rehearsal.is_some();
        if rehearsing {
            // A session moving on to another account's turn: stay in the session.
            wb.screen = Screen::Rehearse;
        }
        self.workbook = Some(wb);
        self.overlay = None;
        if rehearsing {
            rehearse::restore_draft(self);
        }
        match notice {
            Some(text) => self.status = Status { text, error: true },
            // In a session the status keeps what the last grade said.
            None if rehearsing => {}
            None if access == Access::Review => {
                let comment = self.key(Scope::Workbook, Action::Comment);
                self.say(format!(
                    "Review mode: the plan is read-only; {comment} comments on what is selected"
                ));
            }
            None => self.say(Screen::World.hint(|a| self.key(Scope::Screen(Screen::World), a))),
        }
    }

    /// After a save failed on the way out: asks whether to leave anyway (`quit`: the
    /// program, otherwise the account). No keeps everything open to try again.
    pub fn ask_leave_unsaved(&mut self, quit: bool) {
        self.overlay = Some(Overlay::Confirm(Question::LeaveUnsaved { quit }));
    }

    /// Puts a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Status::info(text);
    }

    /// Puts an error in the status line.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Status::failure(text);
    }

    /// The scopes whose bindings apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        let filtering = match &self.workbook {
            Some(wb) => wb.filter.active,
            None => self.picker.filter.active,
        };
        if !layout::fits(self.viewport) {
            return vec![Scope::TooSmall];
        }
        match &self.overlay {
            Some(Overlay::Help(_)) => vec![Scope::Help],
            Some(Overlay::Editor(_)) => vec![Scope::Editor],
            Some(Overlay::NewAccount(_)) => vec![Scope::Prompt],
            Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
            Some(Overlay::Choose(_)) => vec![Scope::Choose],
            Some(Overlay::Sheet { .. }) => vec![Scope::Sheet],
            Some(Overlay::Recovered(_)) => vec![Scope::Recovered],
            Some(Overlay::Team) => vec![Scope::Team],
            None if self.rehearsal.is_some() => vec![self.session_scope()],
            None if filtering => vec![Scope::Filter],
            None => self.screen_scopes(),
        }
    }

    /// The scope of the rehearsal session's phase.
    fn session_scope(&self) -> Scope {
        match self.rehearsal.as_ref().map(|s| &s.phase) {
            Some(rehearse::Phase::Answer { .. }) => Scope::Answer,
            Some(rehearse::Phase::Feedback(_)) => Scope::Grade,
            Some(rehearse::Phase::Flip(..)) => Scope::Flip,
            _ => Scope::Done,
        }
    }

    /// The scopes of the screen itself, ignoring popups and filters.
    pub fn screen_scopes(&self) -> Vec<Scope> {
        match &self.workbook {
            Some(wb) => vec![Scope::Screen(wb.screen), Scope::Workbook, Scope::Global],
            None if self.picker.report.is_some() => vec![Scope::Report, Scope::Global],
            None => vec![Scope::Picker, Scope::Global],
        }
    }

    /// The key that does `action` in `scope`, for a message that names it.
    pub fn key(&self, scope: Scope, action: Action) -> String {
        self.keys.key(scope, &action)
    }

    /// True while an editor holds changes not yet saved (quitting would drop them).
    pub fn typing_changes(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Editor(e)) if e.is_changed())
    }

    /// The time now, from the app's clock.
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}
