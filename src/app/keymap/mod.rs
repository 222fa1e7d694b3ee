//! The keymap: one table ([`BINDINGS`], in `table.rs`) and the [`Keymap`] built from it,
//! with the user's remaps. Key lookup, the `?` help overlay, the footer hints and every
//! message that names a key ([`Keymap::key`]) read the same keymap, so none can drift from
//! behaviour, and a remap changes them all.

mod help;
mod names;
mod table;

pub use help::{
    FILTER_LABEL, HELP_TEXT_WIDTH, SAVE_WORD_CELLS, help_message, message_fits, message_lines, shown_filter,
    status_split,
};
pub use names::{TYPING_SCOPES, WRITTEN_AS, action_name, parse_key};
pub use table::{BINDINGS, fixed};

use super::{Action, App, Screen};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Where a binding applies. A text scope (editor, prompt, filter) sends unbound keys to the
/// text, and global bindings do not reach it, so `q` and digits type there. The order of
/// the variants is the order help lists them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Scope {
    /// A screen of an open account (its list, outside any session).
    Screen(Screen),
    /// Typing an answer in a rehearsal session.
    Answer,
    /// Reading the checks and grading.
    Grade,
    /// Writing what the customer might say next.
    Flip,
    /// A finished session's summary.
    Done,
    /// Every screen of an open account.
    Workbook,
    /// The account picker.
    Picker,
    /// Everywhere outside text and overlays.
    Global,
    /// The entry editor popup.
    Editor,
    /// A one-line prompt (a new account's name).
    Prompt,
    /// Typing a filter after `/`.
    Filter,
    /// A yes/no question.
    Confirm,
    /// A list of choices (links, a pane).
    Choose,
    /// The help overlay.
    Help,
    /// The call sheet, shown over the call screen.
    Sheet,
    /// The team report, in place of the picker's list.
    Report,
    /// Text kept from a session that ended from outside, offered back.
    Recovered,
    /// The team's files: what we offer and the sweet spot's criteria.
    Team,
    /// The terminal is too small to draw in: only quitting works.
    TooSmall,
}

impl Scope {
    /// Every scope, in the order help lists them: each screen in tab order, then the rest.
    pub fn all() -> impl Iterator<Item = Scope> {
        use strum::IntoEnumIterator;
        Scope::iter().flat_map(|scope| match scope {
            Scope::Screen(_) => Screen::all().map(Scope::Screen).collect::<Vec<_>>(),
            other => vec![other],
        })
    }

    /// The heading of this scope's section in help.
    pub fn title(self) -> String {
        let title = match self {
            Scope::Screen(s) => return format!("{} ({})", s.heading(), s.number()),
            Scope::Global => "Everywhere",
            Scope::Picker => "Account picker",
            Scope::Workbook => "Any screen of an account",
            Scope::Choose => "Choosing",
            Scope::Answer => "Rehearsing: your answer",
            Scope::Grade => "Rehearsing: the checks",
            Scope::Flip => "Rehearsing: their next line",
            Scope::Done => "Rehearsing: done",
            Scope::Filter => "Filter",
            Scope::Editor => "Editor",
            Scope::Prompt => "Prompt",
            Scope::Confirm => "Question",
            Scope::Help => "Help",
            Scope::TooSmall => "Terminal too small",
            Scope::Sheet => "The call sheet",
            Scope::Report => "The team report",
            Scope::Recovered => "Text kept from last time",
            Scope::Team => "The team's offerings and sweet spot",
        };
        title.to_owned()
    }

    /// True when unbound keys are typed as text in this scope.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Filter | Scope::Editor | Scope::Prompt | Scope::Answer | Scope::Flip
        )
    }
}

/// A key and its modifiers (Shift is implied by an upper-case character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt...
    pub mods: KeyModifiers,
}

/// One row of the keymap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// The words help shows; bindings sharing an action and words are shown together.
    pub help: &'static str,
    /// Shown in the footer too.
    pub hint: bool,
}

/// The footer's hints where the user is (see [`Keymap::footer_hints`]): each a key as help
/// writes it and its words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// The hints in priority order, most important first.
    pub rows: Vec<(String, String)>,
    /// The hint for the key that opens help, kept whatever the width.
    pub help: Option<(String, String)>,
}

/// The keymap in force: the table, the screen digits, and the user's remaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = BINDINGS.iter().cloned().chain(table::screen_digits()).collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds `key` to `action` in `scope`, in place of the keys the table gives it there;
    /// false when the scope has no binding for that action.
    pub fn rebind(&mut self, scope: Scope, action: &Action, key: Key) -> bool {
        self.rebind_all(scope, action, &[key])
    }

    /// Binds `keys` to `action` in `scope`, in place of the keys the table gives it there,
    /// where the first of those stood (so help and the footer keep their order); false when
    /// the scope has no binding for that action.
    pub fn rebind_all(&mut self, scope: Scope, action: &Action, keys: &[Key]) -> bool {
        let mine = |b: &Binding| b.scope == scope && &b.action == action;
        let Some(first) = self.bindings.iter().position(mine) else {
            return false;
        };
        let old: Vec<Binding> = self.bindings.iter().filter(|b| mine(b)).cloned().collect();
        self.bindings.retain(|b| !mine(b));
        // The n-th new key takes the words and hint of the n-th old one (the first's once
        // they run out), so writing the table's own keys back changes nothing.
        let new = keys.iter().enumerate().map(|(n, &key)| Binding {
            key,
            ..old.get(n).unwrap_or(&old[0]).clone()
        });
        self.bindings.splice(first..first, new);
        true
    }

    /// The action `key` asks for in the first of `scopes` that binds it; in a text scope an
    /// unbound key is typed.
    pub fn action_for_key(&self, scopes: &[Scope], key: KeyEvent) -> Option<Action> {
        for &scope in scopes {
            if let Some(b) = self
                .bindings
                .iter()
                .find(|b| b.scope == scope && matches(b.key, key))
            {
                return Some(b.action.clone());
            }
        }
        scopes
            .first()
            .filter(|s| s.takes_text())
            .map(|_| Action::Input(key))
    }

    /// The key that does `action` in `scope` (or, failing that, on any screen of an account
    /// or everywhere), as help writes it: for messages that tell the user which key to press.
    pub fn key(&self, scope: Scope, action: &Action) -> String {
        [scope, Scope::Workbook, Scope::Global]
            .iter()
            .find_map(|&s| self.bindings.iter().find(|b| b.scope == s && &b.action == action))
            .map_or_else(|| format!("(no key for {action:?})"), |b| key_label(b.key))
    }

    /// The bindings of `scope` grouped as help shows them: one row per action and words,
    /// with every key that does it.
    pub fn help_rows(&self, scope: Scope, hints_only: bool) -> Vec<(String, String)> {
        self.grouped(scope, |b| b.hint || !hints_only)
            .into_iter()
            .map(|(k, h, _)| (k, self.words(scope, h)))
            .collect()
    }

    /// A binding's help words with the keys they mention filled in: `{undo}` is the key
    /// that undoes, so "delete ({undo} undoes)" follows a remap of undo.
    fn words(&self, scope: Scope, help: &str) -> String {
        if help.contains("{undo}") {
            help.replace("{undo}", &self.key(scope, &Action::Undo))
        } else {
            help.to_owned()
        }
    }

    /// The footer keys of `scope` as one line ("Ctrl-s save · Esc cancel"), for a popup or
    /// box that says its keys in place; rows doing an action in `skip` are left out.
    pub fn hint_line(&self, scope: Scope, skip: &[Action]) -> String {
        let rows = self.grouped(scope, |b| b.hint && !skip.contains(&b.action));
        rows.into_iter()
            .map(|(k, h, _)| format!("{k} {}", self.words(scope, h)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The footer's hints where the user is, `scopes` most specific first: the hint rows
    /// in priority order (scope by scope, table order within a scope), leaving out rows
    /// doing an action in `skip` and keys a more specific scope takes; and apart, the row
    /// that opens help, whenever a scope in force has one, hinted or not.
    pub fn footer_hints(&self, scopes: &[Scope], skip: &[Action]) -> Hints {
        let taken = |at: usize, b: &Binding| {
            scopes[..at]
                .iter()
                .any(|&s| self.bindings.iter().any(|o| o.scope == s && o.key == b.key))
        };
        let (mut rows, mut help) = (Vec::new(), None);
        for (at, &scope) in scopes.iter().enumerate() {
            let free = |b: &Binding| !taken(at, b) && !skip.contains(&b.action);
            let pair = |(k, h, _): (String, &str, Action)| (k, self.words(scope, h));
            if help.is_none() {
                help = self
                    .grouped(scope, |b| b.action == Action::Help && free(b))
                    .into_iter()
                    .map(pair)
                    .next();
            }
            let hinted = self.grouped(scope, |b| b.hint && b.action != Action::Help && free(b));
            rows.extend(hinted.into_iter().map(pair));
        }
        Hints { rows, help }
    }

    /// The bindings of `scope` that `keep` lets through, keys of the same action and words
    /// joined with `/`.
    fn grouped(&self, scope: Scope, keep: impl Fn(&Binding) -> bool) -> Vec<(String, &'static str, Action)> {
        let mut rows: Vec<(String, &'static str, Action)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.scope == scope && keep(b)) {
            match rows.iter_mut().find(|r| r.2 == b.action && r.1 == b.help) {
                Some(row) => row.0 = format!("{}/{}", row.0, key_label(b.key)),
                None => rows.push((key_label(b.key), b.help, b.action.clone())),
            }
        }
        rows
    }
}

/// The action an event asks for where the user is, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => action_for_key(app, *key),
        Event::Mouse(mouse) => action_for_mouse(*mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => app
            .scopes()
            .first()
            .filter(|s| s.takes_text())
            .map(|_| Action::Paste(text.clone())),
        Event::Key(_) | Event::FocusGained | Event::FocusLost => None,
    }
}

/// The action a key asks for where the user is.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    app.keys.action_for_key(&app.scopes(), key)
}

fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(x, y)),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(x, y)),
        _ => None,
    }
}

/// Does `event` press `key`? Shift is ignored for characters (it is in the character) and
/// for BackTab, which terminals report with or without it.
fn matches(key: Key, event: KeyEvent) -> bool {
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match (key.code, event.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) => a == b && (event.modifiers & relevant) == key.mods,
        (a, b) => a == b && (event.modifiers & relevant) == key.mods,
    }
}

/// How a key is written in help and hints.
pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}
