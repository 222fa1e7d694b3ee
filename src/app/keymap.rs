//! The one keymap table. Key lookup, the `?` help overlay and the footer hints all read
//! [`BINDINGS`], so help can never drift from behaviour.

use super::{Action, App, Screen};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Where a binding applies. A text scope (editor, prompt, filter) sends unbound keys to the
/// text, and global bindings do not reach it, so `q` and digits type there. The order of
/// the variants is the order help lists them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
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
#[derive(Clone, Debug)]
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

const fn bind(scope: Scope, code: KeyCode, action: Action, help: &'static str, hint: bool) -> Binding {
    Binding {
        scope,
        key: Key {
            code,
            mods: KeyModifiers::NONE,
        },
        action,
        help,
        hint,
    }
}

const fn ctrl(scope: Scope, c: char, action: Action, help: &'static str, hint: bool) -> Binding {
    Binding {
        scope,
        key: Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        },
        action,
        help,
        hint,
    }
}

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Tab, Up};
use Scope::*;

/// The screens' scopes, short for the table.
const WORLD: Scope = Scope::Screen(super::Screen::World);
const QUESTIONS: Scope = Scope::Screen(super::Screen::Questions);
const REHEARSE: Scope = Scope::Screen(super::Screen::Rehearse);

/// The only place keys are named.
pub static BINDINGS: &[Binding] = &[
    bind(Picker, Enter, Action::Edit, "open the account", true),
    bind(Picker, Char('n'), Action::NewAccount, "new account", true),
    bind(Picker, Char('d'), Action::Delete, "move to trash/", true),
    bind(WORLD, Char('a'), Action::Add, "add", true),
    bind(WORLD, Char('i'), Action::Profile, "the customer's profile", false),
    bind(WORLD, Enter, Action::Edit, "edit", true),
    bind(WORLD, Char('e'), Action::Edit, "edit", false),
    bind(WORLD, Char('d'), Action::Delete, "delete (u undoes)", true),
    bind(WORLD, Char('K'), Action::MoveUp, "move up", false),
    bind(WORLD, Char('J'), Action::MoveDown, "move down", false),
    bind(
        REHEARSE,
        Char('r'),
        Action::RehearseDue,
        "rehearse the due turns",
        true,
    ),
    bind(REHEARSE, Enter, Action::RehearseOne, "rehearse this turn", true),
    bind(REHEARSE, Char('a'), Action::Add, "write a turn", true),
    bind(REHEARSE, Char('g'), Action::Suggest, "suggested turns", true),
    bind(REHEARSE, Char('e'), Action::Edit, "edit", false),
    bind(
        REHEARSE,
        Char('l'),
        Action::Link,
        "who says it, what it touches",
        false,
    ),
    bind(REHEARSE, Char('d'), Action::Delete, "delete (u undoes)", false),
    bind(REHEARSE, Char('K'), Action::MoveUp, "move up", false),
    bind(REHEARSE, Char('J'), Action::MoveDown, "move down", false),
    ctrl(Answer, 's', Action::Save, "submit the answer", true),
    bind(Answer, Esc, Action::Back, "leave (keeps a draft)", true),
    bind(Grade, Char('1'), Action::Grade(1), "again", true),
    bind(Grade, Char('2'), Action::Grade(2), "hard", true),
    bind(Grade, Char('3'), Action::Grade(3), "good", true),
    bind(Grade, Char('4'), Action::Grade(4), "easy", true),
    bind(
        Grade,
        Char('f'),
        Action::Flip,
        "flip roles: their next line",
        true,
    ),
    bind(Grade, Esc, Action::Back, "leave (keeps a draft)", true),
    bind(Grade, Char('q'), Action::Quit, "save and quit", false),
    bind(Grade, Char('?'), Action::Help, "help", false),
    ctrl(Flip, 's', Action::Save, "add as a follow-up turn", true),
    bind(Flip, Esc, Action::Back, "back to grading", true),
    bind(Done, Enter, Action::Confirm, "back to the turns", true),
    bind(Done, Esc, Action::Back, "back to the turns", false),
    bind(Done, Char('q'), Action::Quit, "save and quit", true),
    bind(Done, Char('?'), Action::Help, "help", false),
    bind(QUESTIONS, Char('a'), Action::Add, "write a question", true),
    bind(QUESTIONS, Enter, Action::Edit, "edit / add to plan", true),
    bind(QUESTIONS, Char('e'), Action::Edit, "edit / add to plan", false),
    bind(QUESTIONS, Char('l'), Action::Link, "link to the world", true),
    bind(
        QUESTIONS,
        Char('s'),
        Action::CycleStatus,
        "planned/asked/answered",
        true,
    ),
    bind(
        QUESTIONS,
        Char('w'),
        Action::AnswerToWorld,
        "answer to a world item",
        false,
    ),
    bind(QUESTIONS, Char('b'), Action::SaveToBank, "save to my bank", false),
    bind(QUESTIONS, Char('d'), Action::Delete, "delete (u undoes)", false),
    bind(QUESTIONS, Char('K'), Action::MoveUp, "move up", false),
    bind(QUESTIONS, Char('J'), Action::MoveDown, "move down", false),
    bind(Global, Char('?'), Action::Help, "help", true),
    bind(Global, Char('q'), Action::Quit, "save and quit", true),
    ctrl(Global, 'c', Action::Quit, "save and quit", false),
    bind(Global, Esc, Action::Back, "back", false),
    bind(Global, Tab, Action::NextPane, "next pane", false),
    bind(Global, BackTab, Action::PrevPane, "previous pane", false),
    bind(Global, Char('/'), Action::Search, "filter", true),
    bind(Global, Char('u'), Action::Undo, "undo", false),
    ctrl(Global, 'r', Action::Redo, "redo", false),
    bind(Global, Char('j'), Action::Down, "down", false),
    bind(Global, Down, Action::Down, "down", false),
    bind(Global, Char('k'), Action::Up, "up", false),
    bind(Global, Up, Action::Up, "up", false),
    bind(Global, Char('g'), Action::Top, "first", false),
    bind(Global, Home, Action::Top, "first", false),
    bind(Global, Char('G'), Action::Bottom, "last", false),
    bind(Global, End, Action::Bottom, "last", false),
    bind(Filter, Enter, Action::Confirm, "keep the filter", true),
    bind(Filter, Esc, Action::Back, "clear the filter", true),
    bind(Filter, Down, Action::Down, "down", false),
    bind(Filter, Up, Action::Up, "up", false),
    ctrl(Editor, 's', Action::Save, "save", true),
    bind(Editor, Esc, Action::Back, "cancel", true),
    bind(Editor, Tab, Action::NextField, "next field", true),
    bind(Editor, BackTab, Action::PrevField, "previous field", true),
    ctrl(
        Editor,
        'g',
        Action::UseRewrite,
        "take the linter's rewrite (questions)",
        false,
    ),
    bind(Choose, Char(' '), Action::Toggle, "tick or untick", true),
    bind(Choose, Enter, Action::Confirm, "done", true),
    bind(Choose, Esc, Action::Back, "cancel", true),
    bind(Choose, Char('j'), Action::Down, "down", false),
    bind(Choose, Down, Action::Down, "down", false),
    bind(Choose, Char('k'), Action::Up, "up", false),
    bind(Choose, Up, Action::Up, "up", false),
    bind(Prompt, Enter, Action::Confirm, "confirm", true),
    bind(Prompt, Esc, Action::Back, "cancel", true),
    bind(Confirm, Char('y'), Action::Confirm, "yes", true),
    bind(Confirm, Enter, Action::Confirm, "yes", false),
    bind(Confirm, Char('n'), Action::Deny, "no", true),
    bind(Confirm, Esc, Action::Deny, "no", false),
    bind(Help, Esc, Action::Back, "close help", true),
    bind(Help, Char('?'), Action::Back, "close help", false),
    bind(Help, Char('q'), Action::Back, "close help", false),
    bind(Help, Char('j'), Action::Down, "scroll down", false),
    bind(Help, Down, Action::Down, "scroll down", true),
    bind(Help, Char('k'), Action::Up, "scroll up", false),
    bind(Help, Up, Action::Up, "scroll up", true),
];

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

/// Every binding: the table, and one rule for the screens: digit n shows the n-th screen
/// of the screen table, on any screen of an account.
pub fn bindings() -> impl Iterator<Item = Binding> {
    let screens = Screen::all().filter_map(|s| {
        let digit = char::from_digit(u32::from(s.number()), 10)?;
        Some(bind(
            Workbook,
            Char(digit),
            Action::Screen(s.number()),
            s.name(),
            false,
        ))
    });
    BINDINGS.iter().cloned().chain(screens)
}

/// The action a key asks for where the user is.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    let scopes = app.scopes();
    for &scope in &scopes {
        if let Some(b) = bindings().find(|b| b.scope == scope && matches(b.key, key)) {
            return Some(b.action);
        }
    }
    scopes
        .first()
        .filter(|s| s.takes_text())
        .map(|_| Action::Input(key))
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

/// The bindings of `scope` grouped as help shows them: one row per action and words, with
/// every key that does it.
pub fn help_rows(scope: Scope, hints_only: bool) -> Vec<(String, &'static str)> {
    grouped(scope, |b| b.hint || !hints_only)
        .into_iter()
        .map(|(k, h, _)| (k, h))
        .collect()
}

/// The footer keys of `scope` as one line ("Ctrl-s save · Esc cancel"), for a popup or box
/// that says its keys in place; rows doing an action in `skip` are left out.
pub fn hint_line(scope: Scope, skip: &[Action]) -> String {
    let rows = grouped(scope, |b| b.hint && !skip.contains(&b.action));
    rows.into_iter()
        .map(|(k, h, _)| format!("{k} {h}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The bindings of `scope` that `keep` lets through, keys of the same action and words
/// joined with `/`.
fn grouped(scope: Scope, keep: impl Fn(&Binding) -> bool) -> Vec<(String, &'static str, Action)> {
    let mut rows: Vec<(String, &'static str, Action)> = Vec::new();
    for b in bindings().filter(|b| b.scope == scope && keep(b)) {
        match rows.iter_mut().find(|r| r.2 == b.action && r.1 == b.help) {
            Some(row) => row.0 = format!("{}/{}", row.0, key_label(b.key)),
            None => rows.push((key_label(b.key), b.help, b.action)),
        }
    }
    rows
}

/// Lines the help overlay's text takes: per scope a heading, its rows and a blank line,
/// then one line about the mouse.
pub fn help_height() -> u16 {
    let rows: usize = Scope::all().map(|s| help_rows(s, false).len() + 2).sum();
    u16::try_from(rows + 1).unwrap_or(u16::MAX)
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
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}
