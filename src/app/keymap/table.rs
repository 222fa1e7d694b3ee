//! The keymap table: the only place keys are named. Everything else asks [`super::Keymap`]
//! which key does what, so help, hints and messages follow a remap.

use super::{Binding, Key, Scope};
use crate::app::{Action, Screen};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub(super) const fn bind(
    scope: Scope,
    code: KeyCode,
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
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

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};
use Scope::*;

/// The screens' scopes, short for the table.
const WORLD: Scope = Scope::Screen(Screen::World);
const QUESTIONS: Scope = Scope::Screen(Screen::Questions);
const REHEARSE: Scope = Scope::Screen(Screen::Rehearse);
const CALL: Scope = Scope::Screen(Screen::Call);
const REVIEW: Scope = Scope::Screen(Screen::Review);
const FIT: Scope = Scope::Screen(Screen::Fit);

/// The only place keys are named.
///
/// Within a scope the rows run most important first: help lists them in this order, and
/// the footer, short of room, keeps the first hinted rows of the most specific scope and
/// drops later ones whole (the key that opens help is always kept).
pub static BINDINGS: &[Binding] = &[
    bind(Picker, Enter, Action::Edit, "open the account", true),
    bind(Report, Enter, Action::Edit, "open it in review mode", true),
    bind(
        Report,
        Char('s'),
        Action::CycleStatus,
        "worst first, or by name",
        true,
    ),
    bind(Report, Esc, Action::Back, "back to the accounts", true),
    bind(Report, Char('r'), Action::Back, "back to the accounts", false),
    bind(Picker, Char('n'), Action::NewAccount, "new account", true),
    bind(Picker, Char('d'), Action::Delete, "move to trash/", true),
    bind(Picker, Char('r'), Action::Report, "team report", true),
    bind(
        Picker,
        Char('S'),
        Action::Sync,
        "sync through git: commit, pull, push",
        false,
    ),
    bind(
        Workbook,
        Char('S'),
        Action::Sync,
        "sync through git: commit, pull, push",
        false,
    ),
    bind(
        Workbook,
        Char('V'),
        Action::KeepVersion,
        "of an entry changed in two places, keep this version",
        false,
    ),
    bind(
        Picker,
        Char('o'),
        Action::Team,
        "the team's offerings and sweet spot",
        false,
    ),
    bind(
        Picker,
        Char('u'),
        Action::Undo,
        "bring back the account last moved to trash/",
        false,
    ),
    bind(Picker, Esc, Action::Back, "clear the filter", false),
    bind(WORLD, Char('a'), Action::Add, "add", true),
    bind(WORLD, Char('i'), Action::Profile, "the customer's profile", false),
    bind(WORLD, Enter, Action::Edit, "edit", true),
    bind(WORLD, Char('e'), Action::Edit, "edit", false),
    bind(WORLD, Char('d'), Action::Delete, "delete ({undo} undoes)", true),
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
    bind(REHEARSE, Char('s'), Action::Suggest, "suggested turns", true),
    bind(REHEARSE, Char('e'), Action::Edit, "edit", false),
    bind(
        REHEARSE,
        Char('l'),
        Action::Link,
        "who says it, what it touches",
        false,
    ),
    bind(
        REHEARSE,
        Char('d'),
        Action::Delete,
        "delete ({undo} undoes)",
        false,
    ),
    bind(REHEARSE, Char('K'), Action::MoveUp, "move up", false),
    bind(REHEARSE, Char('J'), Action::MoveDown, "move down", false),
    ctrl(Answer, 's', Action::Save, "submit the answer", true),
    bind(Answer, Esc, Action::Back, "leave (keeps a draft)", true),
    bind(Grade, Char('1'), Action::Grade(1), "again", true),
    bind(Grade, Char('2'), Action::Grade(2), "hard", true),
    bind(Grade, Char('3'), Action::Grade(3), "good", true),
    bind(Grade, Char('4'), Action::Grade(4), "easy", true),
    bind(Grade, Esc, Action::Back, "leave (keeps a draft)", true),
    bind(
        Grade,
        Char('f'),
        Action::Flip,
        "flip roles: their next line",
        true,
    ),
    bind(Grade, Char('q'), Action::Quit, "save and quit", false),
    ctrl(Grade, 'c', Action::Quit, "save and quit", false),
    bind(Grade, Char('?'), Action::Help, "help", false),
    ctrl(Flip, 's', Action::Save, "add as a follow-up turn", true),
    bind(Flip, Esc, Action::Back, "back to grading", true),
    bind(Done, Enter, Action::Confirm, "back to the turns", true),
    bind(Done, Esc, Action::Back, "back to the turns", false),
    bind(Done, Char('q'), Action::Quit, "save and quit", true),
    ctrl(Done, 'c', Action::Quit, "save and quit", false),
    bind(Done, Char('?'), Action::Help, "help", false),
    bind(
        CALL,
        Char('a'),
        Action::Add,
        "add a task of theirs, or plan a call",
        true,
    ),
    bind(
        CALL,
        Char('i'),
        Action::Journey,
        "where they stand in their journey",
        true,
    ),
    bind(
        REVIEW,
        Enter,
        Action::Edit,
        "go where the check is fixed, or the comment belongs",
        true,
    ),
    bind(REVIEW, Char('a'), Action::Add, "reply to the comment", true),
    bind(
        REHEARSE,
        Char('P'),
        Action::Promote,
        "the latest answer becomes the prepared one",
        false,
    ),
    bind(
        REVIEW,
        Char('x'),
        Action::Resolve,
        "resolve the comment (or open it again)",
        true,
    ),
    bind(CALL, Char('v'), Action::Sheet, "the call sheet", true),
    bind(CALL, Char('b'), Action::Debrief, "debrief the call", true),
    bind(CALL, Enter, Action::Edit, "edit", false),
    bind(CALL, Char('e'), Action::Edit, "edit", false),
    bind(
        CALL,
        Char('p'),
        Action::People,
        "who: the task's owner, the call's attendees",
        false,
    ),
    bind(
        CALL,
        Char('l'),
        Action::Agenda,
        "the call's agenda, from the plan",
        false,
    ),
    bind(
        CALL,
        Char('o'),
        Action::Objective,
        "the call's objective, from their open tasks",
        false,
    ),
    bind(
        CALL,
        Char('E'),
        Action::Evidence,
        "what shows where they stand",
        false,
    ),
    bind(
        CALL,
        Char('s'),
        Action::CycleStatus,
        "to do/doing/done/dropped",
        false,
    ),
    bind(CALL, Char('d'), Action::Delete, "delete ({undo} undoes)", false),
    bind(
        FIT,
        Char('s'),
        Action::CycleStatus,
        "answer the criterion: yes/no/unknown",
        true,
    ),
    bind(FIT, Char('a'), Action::Add, "write how they'd use us", true),
    bind(
        FIT,
        Enter,
        Action::Edit,
        "edit the answer and evidence, or the scenario",
        true,
    ),
    bind(FIT, Char('e'), Action::Edit, "edit", false),
    bind(
        FIT,
        Char('D'),
        Action::Disqualify,
        "disqualify the account, or take it back in",
        true,
    ),
    bind(
        FIT,
        Char('p'),
        Action::People,
        "who uses it: one of their people",
        false,
    ),
    bind(FIT, Char('o'), Action::Offering, "which offering it uses", false),
    bind(
        FIT,
        Char('t'),
        Action::ToTurn,
        "make it a turn's prepared response",
        false,
    ),
    bind(
        FIT,
        Char('v'),
        Action::ToSheet,
        "on the call sheet, or off",
        false,
    ),
    bind(
        FIT,
        Char('O'),
        Action::Team,
        "the team's offerings and sweet-spot criteria",
        false,
    ),
    bind(Team, Char('a'), Action::Add, "add", true),
    bind(Team, Enter, Action::Edit, "edit", true),
    bind(Team, Char('e'), Action::Edit, "edit", false),
    bind(
        Team,
        Char('d'),
        Action::Delete,
        "delete ({undo} brings it back)",
        true,
    ),
    bind(
        Team,
        Char('u'),
        Action::Undo,
        "bring back the last deleted",
        false,
    ),
    bind(Team, Tab, Action::NextPane, "offerings / criteria", true),
    bind(Team, BackTab, Action::PrevPane, "offerings / criteria", false),
    bind(Team, Down, Action::Down, "down", false),
    bind(Team, Char('j'), Action::Down, "down", false),
    bind(Team, Up, Action::Up, "up", false),
    bind(Team, Char('k'), Action::Up, "up", false),
    bind(Team, Esc, Action::Back, "close", true),
    ctrl(Team, 'c', Action::Quit, "save and quit", false),
    bind(
        FIT,
        Char('d'),
        Action::Delete,
        "delete the scenario ({undo} undoes)",
        false,
    ),
    bind(Sheet, Esc, Action::Back, "close the sheet", true),
    bind(Sheet, Char('v'), Action::Back, "close the sheet", false),
    bind(Sheet, Down, Action::Down, "scroll down", false),
    bind(Sheet, Char('j'), Action::Down, "scroll down", false),
    bind(Sheet, Up, Action::Up, "scroll up", false),
    bind(Sheet, Char('k'), Action::Up, "scroll up", false),
    ctrl(Sheet, 'c', Action::Quit, "save and quit", false),
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
    bind(
        QUESTIONS,
        Char('d'),
        Action::Delete,
        "delete ({undo} undoes)",
        false,
    ),
    bind(QUESTIONS, Char('K'), Action::MoveUp, "move up", false),
    bind(QUESTIONS, Char('J'), Action::MoveDown, "move down", false),
    bind(Global, Char('?'), Action::Help, "help", true),
    bind(Global, Char('q'), Action::Quit, "save and quit", true),
    ctrl(Global, 'c', Action::Quit, "save and quit", false),
    bind(
        Workbook,
        Esc,
        Action::Back,
        "back to the accounts (clears a filter first)",
        false,
    ),
    bind(
        Workbook,
        Char('c'),
        Action::Comment,
        "comment on the selected one",
        false,
    ),
    bind(
        Workbook,
        Char('C'),
        Action::NextComment,
        "the next open comment, where it belongs",
        false,
    ),
    bind(
        Workbook,
        Char('T'),
        Action::TakeOver,
        "take over an account open in another callbook, once it has closed",
        false,
    ),
    bind(Workbook, Tab, Action::NextPane, "next pane", false),
    bind(Workbook, BackTab, Action::PrevPane, "previous pane", false),
    bind(
        Workbook,
        PageDown,
        Action::PageDown,
        "scroll the detail down",
        false,
    ),
    ctrl(Workbook, 'd', Action::PageDown, "scroll the detail down", false),
    bind(Workbook, PageUp, Action::PageUp, "scroll the detail up", false),
    ctrl(Workbook, 'u', Action::PageUp, "scroll the detail up", false),
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
    ctrl(Filter, 'c', Action::Quit, "save and quit", false),
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
    ctrl(
        Editor,
        'c',
        Action::Quit,
        "save and quit (asks before dropping what you typed)",
        false,
    ),
    bind(Choose, Char(' '), Action::Toggle, "tick or untick", true),
    bind(Choose, Enter, Action::Confirm, "done", true),
    bind(Choose, Esc, Action::Back, "cancel", true),
    bind(Choose, Char('j'), Action::Down, "down", false),
    bind(Choose, Down, Action::Down, "down", false),
    bind(Choose, Char('k'), Action::Up, "up", false),
    bind(Choose, Up, Action::Up, "up", false),
    ctrl(Choose, 'c', Action::Quit, "save and quit", false),
    bind(Prompt, Enter, Action::Confirm, "confirm", true),
    bind(Prompt, Esc, Action::Back, "cancel", true),
    ctrl(Prompt, 'c', Action::Quit, "quit", false),
    bind(
        Recovered,
        Char('t'),
        Action::TakeRecovered,
        "take it into a new entry",
        true,
    ),
    bind(Recovered, Char('d'), Action::DropRecovered, "drop it", true),
    bind(Recovered, Esc, Action::Back, "keep it for later", true),
    bind(Confirm, Char('y'), Action::Confirm, "yes", true),
    bind(Confirm, Enter, Action::Confirm, "yes", false),
    bind(Confirm, Char('n'), Action::Deny, "no", true),
    bind(Confirm, Esc, Action::Deny, "no", false),
    ctrl(Confirm, 'c', Action::Quit, "save and quit", false),
    bind(Help, Esc, Action::Back, "close help", true),
    bind(Help, Char('?'), Action::Back, "close help", false),
    bind(Help, Char('q'), Action::Back, "close help", false),
    bind(Help, Char('j'), Action::Down, "scroll down", false),
    bind(Help, Down, Action::Down, "scroll down", true),
    bind(Help, Char('k'), Action::Up, "scroll up", false),
    bind(Help, Up, Action::Up, "scroll up", true),
    bind(Help, PageDown, Action::PageDown, "a page down", false),
    bind(Help, PageUp, Action::PageUp, "a page up", false),
    ctrl(Help, 'c', Action::Quit, "save and quit", false),
    ctrl(Answer, 'c', Action::Quit, "save and quit (keeps a draft)", false),
    ctrl(Flip, 'c', Action::Quit, "save and quit", false),
    bind(TooSmall, Char('q'), Action::Quit, "save and quit", true),
    ctrl(TooSmall, 'c', Action::Quit, "save and quit", false),
];

/// The one rule for the screens: digit n shows the n-th screen of the screen table, on any
/// screen of an account.
pub(super) fn screen_digits() -> impl Iterator<Item = Binding> {
    Screen::all().filter_map(|s| {
        let digit = char::from_digit(u32::from(s.number()), 10)?;
        Some(bind(
            Scope::Workbook,
            KeyCode::Char(digit),
            Action::Screen(s.number()),
            s.name(),
            false,
        ))
    })
}

/// Keys the text boxes and choice fields of an editor handle themselves: the text widget's
/// own keys, not actions, so not remappable; named here so hints take them from one place.
pub mod fixed {
    use super::Key;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A new line in a text of several lines; the next field in a one-line field.
    pub const NEW_LINE: Key = plain(KeyCode::Enter);
    /// The next word of a choice field.
    pub const NEXT_CHOICE: Key = plain(KeyCode::Right);
    /// The previous word of a choice field.
    pub const PREV_CHOICE: Key = plain(KeyCode::Left);
    /// Suspend to the shell, in every screen and popup, as in any terminal program (the
    /// event loop handles it before the keymap: raw mode turns it into a key).
    pub const SUSPEND: Key = Key {
        code: KeyCode::Char('z'),
        mods: KeyModifiers::CONTROL,
    };
}
