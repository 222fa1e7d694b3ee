//! The account picker: its state and its behaviour (move, filter, open, create, trash).

use super::editor::LineInput;
use super::{Action, App, Effect, Filter, Overlay, Question, Scope, layout};
use crate::storage::Summary;

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
        /// What it is, in a word for its row: damaged, conflict (git's markers), copy (a sync
        /// tool's conflicted copy).
        what: &'static str,
    },
    /// The built-in sample account, offered while there are no accounts.
    Sample,
}

/// The account picker. The rows the filter lets through are derived once per change of
/// the rows or the filter ([`Picker::refresh`]), not on every frame or key.
#[derive(Debug, Default)]
pub struct Picker {
    /// Every row, before filtering.
    pub entries: Vec<PickerEntry>,
    /// Index into [`Picker::visible`].
    pub selected: usize,
    /// The filter typed after `/`.
    pub filter: Filter,
    /// The team report, while it shows in place of the list.
    pub report: Option<super::report::TeamReport>,
    /// Account files moved to `trash/` in this run, most recent last: (stem, where it went).
    pub trashed: Vec<(String, std::path::PathBuf)>,
    /// The rows the filter lets through, as indices into `entries`.
    shown: Vec<usize>,
    /// The filter `shown` was made with; `None` when the rows changed since.
    shown_for: Option<String>,
}

impl Picker {
    /// Sets the rows, keeping the selection inside them.
    pub fn set_entries(&mut self, entries: Vec<PickerEntry>) {
        (self.entries, self.shown_for) = (entries, None);
        self.refresh();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    /// Derives the rows the filter lets through, when the rows or the filter changed.
    pub fn refresh(&mut self) {
        let needle = self.filter.needle();
        if self.shown_for.as_deref() == Some(needle.as_str()) {
            return;
        }
        self.shown = (0..self.entries.len())
            .filter(|&i| needle.is_empty() || self.entries[i].label().to_lowercase().contains(&needle))
            .collect();
        self.shown_for = Some(needle);
    }

    /// The rows the filter lets through, as indices into `entries`.
    pub fn visible(&self) -> &[usize] {
        &self.shown
    }

    /// The account whose name is `name` (ignoring case and surrounding blanks), if any.
    pub fn named(&self, name: &str) -> Option<&Summary> {
        let wanted = name.trim().to_lowercase();
        self.entries.iter().find_map(|e| match e {
            PickerEntry::Account(s) if s.name.trim().to_lowercase() == wanted => Some(s),
            _ => None,
        })
    }

    /// The selected row, if any.
    pub fn current(&self) -> Option<&PickerEntry> {
        self.shown.get(self.selected).map(|&i| &self.entries[i])
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

/// Applies an action on the picker screen (or on the team report, while it shows).
pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(effects) = super::report::update(app, &action) {
        return effects;
    }
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
        Action::Report => return vec![Effect::Report],
        Action::Team => super::team::open(app),
        Action::Sync => return vec![Effect::Sync],
        Action::Back if app.picker.filter.needle().is_empty() => {
            let quit = app.key(Scope::Global, Action::Quit);
            app.say(format!(
                "Nothing to go back to: this is the list of accounts ({quit} quits)"
            ));
        }
        Action::Back => app.picker.filter = Default::default(),
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Quit => return vec![Effect::Quit],
        Action::Undo if !app.picker.trashed.is_empty() => return vec![Effect::Restore],
        Action::Undo => app.say("Nothing moved to trash/ since callbook started, so nothing to bring back"),
        Action::Redo | Action::Add | Action::MoveUp | Action::MoveDown => {
            let (open, new) = (
                app.key(Scope::Picker, Action::Edit),
                app.key(Scope::Picker, Action::NewAccount),
            );
            app.say(format!("Open an account first ({open}), or create one ({new})"));
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
