//! Rehearsal: the turn list of screen 3 and a session. A session brings up due turns one
//! at a time; the rep types an answer, reads the checks, grades it 1-4, and FSRS schedules
//! the turn. Graded attempts are saved at once; an ungraded answer is kept as a draft.

mod list;
mod session;
pub mod text;

pub use list::{TurnsView, no_turns, start_due, visible_turns};
pub(super) use list::{list_update, save_editor, start_selected};
pub(super) use session::session_update;

use super::editor::{LineInput, TextField};
use super::{Action, App, Effect, Scope, Screen};
use crate::domain::checks::{Feedback, Timing};
use crate::domain::{AccountId, ItemId};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Monotonic time, for timing answers; tests pass a fixed source.
pub type Ticks = fn() -> Duration;

/// Time since the program started.
pub fn since_start() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// A rehearsal session.
#[derive(Debug)]
pub struct Rehearsal {
    /// The turns to rehearse, in order: (account, turn).
    pub queue: Vec<(AccountId, ItemId)>,
    /// The current position in `queue`.
    pub position: usize,
    /// What the session is showing.
    pub phase: Phase,
    /// The lines graded so far and their grades, for the summary.
    pub graded: Vec<(String, u8)>,
}

/// Where a session stands.
#[derive(Debug)]
pub enum Phase {
    /// The customer's line is up; the rep types an answer.
    Answer {
        /// The answer being typed.
        input: Box<TextField>,
        /// When the line appeared.
        shown: Duration,
        /// When the first key was typed.
        first_key: Option<Duration>,
        /// True when the answer is a draft left earlier: `shown` is when it came back.
        resumed: bool,
    },
    /// The checks are shown; the rep grades 1-4.
    Feedback(Box<Reviewed>),
    /// Flipped roles: the rep writes what the customer might say next.
    Flip(Box<Reviewed>, LineInput),
    /// Nothing left to rehearse.
    Done,
}

/// An answer and what the checks found.
#[derive(Debug, Clone)]
pub struct Reviewed {
    /// The answer as typed.
    pub answer: String,
    /// The checks.
    pub feedback: Feedback,
    /// How long it took.
    pub timing: Timing,
}

impl Rehearsal {
    /// The current (account, turn), if the session is not done.
    pub fn current(&self) -> Option<&(AccountId, ItemId)> {
        self.queue.get(self.position)
    }
}

/// The index of the current session turn in the open account, if it is open.
pub fn current_turn(app: &App) -> Option<usize> {
    let (account, turn) = app.rehearsal.as_ref()?.current()?;
    let wb = app.workbook.as_ref().filter(|wb| &wb.doc.id == account)?;
    wb.doc.account.turns.iter().position(|t| &t.id == turn)
}

/// Starts a session over `queue`; the first turn's account must be open, or is opened.
/// With nothing to rehearse, the open account shows its turn list and says why: no turns
/// yet (and how to get some), or none due.
pub fn start(app: &mut App, queue: Vec<(AccountId, ItemId)>) -> Vec<Effect> {
    if queue.is_empty() {
        let Some(wb) = app.workbook.as_mut() else {
            return Vec::new();
        };
        wb.screen = Screen::Rehearse;
        let message = if wb.doc.account.turns.is_empty() {
            no_turns(&app.keys)
        } else {
            let one = app.key(Scope::Screen(Screen::Rehearse), Action::RehearseOne);
            format!("Nothing is due. {one} on a turn rehearses it anyway")
        };
        app.say(message);
        return Vec::new();
    }
    app.rehearsal = Some(Rehearsal {
        queue,
        position: 0,
        phase: Phase::Done,
        graded: Vec::new(),
    });
    if let Some(wb) = app.workbook.as_mut() {
        wb.screen = super::Screen::Rehearse;
    }
    let (submit, leave) = (
        app.key(Scope::Answer, Action::Save),
        app.key(Scope::Answer, Action::Back),
    );
    app.say(format!(
        "Answer as you would on the call; {submit} submits, {leave} leaves"
    ));
    show_current(app)
}

/// Puts the current turn up for an answer (opening its account first when needed).
fn show_current(app: &mut App) -> Vec<Effect> {
    let ticks = (app.ticks)();
    let Some(session) = app.rehearsal.as_mut() else {
        return Vec::new();
    };
    let Some((account, _)) = session.current().cloned() else {
        session.phase = Phase::Done;
        return Vec::new();
    };
    session.phase = Phase::Answer {
        input: Box::new(TextField::new("", true)),
        shown: ticks,
        first_key: None,
        resumed: false,
    };
    let open = app.workbook.as_ref().is_none_or(|wb| wb.doc.id != account);
    let effects = if open {
        vec![Effect::Save, Effect::Open(account)]
    } else {
        Vec::new()
    };
    if !open {
        restore_draft(app);
    }
    effects
}

/// A turn left mid-answer comes back with its draft, timed from now: the resumed attempt
/// is what the timing check measures, not the time the account took to open or the draft
/// sat waiting.
pub fn restore_draft(app: &mut App) {
    let Some(i) = current_turn(app) else { return };
    let ticks = (app.ticks)();
    let draft = app
        .workbook
        .as_ref()
        .and_then(|wb| wb.doc.account.turns[i].draft.clone());
    if let (Some(draft), Some(session)) = (draft, app.rehearsal.as_mut())
        && let Phase::Answer {
            input,
            shown,
            first_key,
            resumed,
        } = &mut session.phase
    {
        **input = TextField::new(&draft, true);
        (*shown, *first_key, *resumed) = (ticks, None, true);
    }
}
