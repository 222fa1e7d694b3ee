//! What a user can ask for ([`Action`]) and what `update` asks the loop to do in return
//! ([`Effect`]). Keys and mouse events become actions in `keymap`; nothing else does.

use crate::domain::AccountId;
use ratatui::crossterm::event::KeyEvent;

/// Everything a user can ask for; one variant per thing a key can do. The settings name
/// an action by its variant in kebab case (`next-pane`), see `keymap::action_name`.
#[derive(Clone, Debug, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Show or hide the help overlay.
    Help,
    /// Take the text kept from last time into a new entry.
    TakeRecovered,
    /// Drop the text kept from last time.
    DropRecovered,
    /// Take over an account another callbook had open for editing, once it has gone.
    TakeOver,
    /// Save and leave callbook.
    Quit,
    /// Go back, or cancel what is open (asks before dropping typed text).
    Back,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Select the entry above.
    Up,
    /// Select the entry below.
    Down,
    /// Select the first entry.
    Top,
    /// Select the last entry.
    Bottom,
    /// Scroll the reading pane (the selected entry in full) up a page.
    PageUp,
    /// Scroll the reading pane down a page.
    PageDown,
    /// Switch to the workbook screen with this number (1 = the customer's world).
    Screen(u8),
    /// Start typing a filter for the list.
    Search,
    /// Add an entry to the focused list.
    Add,
    /// Edit the selected entry, or open the selected account.
    Edit,
    /// Delete the selected entry (undoable), or move an account to the trash.
    Delete,
    /// Move the selected entry up the list.
    MoveUp,
    /// Move the selected entry down the list.
    MoveDown,
    /// Undo the last change.
    Undo,
    /// Redo what undo took back.
    Redo,
    /// Create a new account (asks for its name).
    NewAccount,
    /// Edit the account's name and profile (industry, website, summary).
    Profile,
    /// Link the selected question to items of the customer's world.
    Link,
    /// Move the selected question on: planned, asked, answered.
    CycleStatus,
    /// Turn the answer heard into a new item of the customer's world.
    AnswerToWorld,
    /// Add the selected plan question to the user's own bank.
    SaveToBank,
    /// In a list of choices: tick or untick the highlighted row.
    Toggle,
    /// In the question editor: replace the text with the linter's rewrite.
    UseRewrite,
    /// Rehearse the selected turn (and its follow-ups).
    RehearseOne,
    /// Rehearse every turn that is due.
    RehearseDue,
    /// Offer turns suggested from the account and the common set.
    Suggest,
    /// Grade the attempt: 1 again, 2 hard, 3 good, 4 easy.
    Grade(u8),
    /// Flip roles: write what the customer might say next.
    Flip,
    /// Say where the customer stands in their journey (the stage and its evidence).
    Journey,
    /// Pick who: a task's owner on their side, or a call's attendees.
    People,
    /// Pick the plan questions of a call's agenda.
    Agenda,
    /// Take a call's objective from one of their open tasks.
    Objective,
    /// Pick the world item that shows the stage they stand at.
    Evidence,
    /// Show the call sheet of the selected call.
    Sheet,
    /// Write what happened on the selected call.
    Debrief,
    /// Comment on the selected record (the one change review mode allows).
    Comment,
    /// Resolve the selected comment, or open it again.
    Resolve,
    /// Make the selected turn's latest rehearsed answer its prepared response.
    Promote,
    /// Go to the next open comment, where it belongs.
    NextComment,
    /// Disqualify the account (it is outside the sweet spot), or take it back in.
    Disqualify,
    /// Pick the offering a usage scenario uses.
    Offering,
    /// Make a usage scenario the prepared response of a turn.
    ToTurn,
    /// Put a usage scenario on the call sheet as a talking point, or take it off.
    ToSheet,
    /// The team's files: what we offer and the sweet spot's criteria.
    Team,
    /// Commit, pull and push the data folder through git (`callbook sync`).
    Sync,
    /// Of a record changed in two places (a merge kept both), keep the selected version.
    KeepVersion,
    /// Show the team report (every account's scorecard), or leave it.
    Report,
    /// In an editor: keep the changes.
    Save,
    /// In an editor: the next field.
    NextField,
    /// In an editor: the previous field.
    PrevField,
    /// Answer yes to a question, or confirm a prompt.
    Confirm,
    /// Answer no to a question.
    Deny,
    /// A key typed into the text being edited (editor, prompt, filter).
    Input(KeyEvent),
    /// Text pasted into the text being edited, whole (the terminal's bracketed paste).
    Paste(String),
    /// A left click at a screen cell (column, row).
    Click(u16, u16),
    /// The wheel turned up over a cell.
    ScrollUp(u16, u16),
    /// The wheel turned down over a cell.
    ScrollDown(u16, u16),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
}

/// Work with side effects that `update` leaves to the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write the open account to disk.
    Save,
    /// Write the open account back although its file was deleted on disk (the user said so).
    WriteBack,
    /// Claim the open account for editing, now that the other callbook that had it is gone,
    /// and read it again from disk.
    TakeOver,
    /// Show the open account as it is on disk if it changed there and nothing here is
    /// unsaved (the event loop asks every second while idle).
    PickUp,
    /// Open the account the kept text belongs to (if it isn't open) and a new entry
    /// holding the text; the recovery file goes.
    TakeRecovered(Box<super::recovery::Recovered>),
    /// Delete the recovery file.
    DropRecovered,
    /// Read an account and show its workbook.
    Open(AccountId),
    /// Create an account with this name and open it.
    Create(String),
    /// Create the built-in sample account and open it.
    CreateSample,
    /// Move the account file with this stem to the trash.
    Trash(String),
    /// Bring back the account most recently moved to the trash in this run.
    Restore,
    /// Write the user's own bank questions to `bank.json`.
    SaveBank,
    /// Read every account's scorecard for the team report.
    Report,
    /// Run `callbook sync` on the data folder and say what it did.
    Sync,
    /// Write one of the team's files from `App::team`.
    SaveTeam(super::team::TeamFile),
    /// Read the user's own bank questions (`bank.json`) and the team's files (`offerings.json`,
    /// `sweet-spot.json`); a damaged file is left alone and said.
    LoadShared,
    /// Read the list of accounts for the picker.
    List,
    /// Rehearse the open account's due turns (after opening it at start).
    RehearseDue,
    /// Leave the workbook for the picker (runs only if the save before it succeeded).
    Close,
    /// Leave the program.
    Quit,
}
