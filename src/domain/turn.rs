//! Anticipated conversation turns, for rehearsal: what the customer might say, who says it,
//! the prepared customer-focused response, the turns that may follow, the review schedule
//! (FSRS) and every attempt the rep made.

use super::account::{Account, Extra};
use super::form::{Choice, EditError, Field, Form};
use super::id::ItemId;
use super::schedule;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, VariantNames};

/// What kind of line the customer says; its words are the choices of the kind field.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantNames, EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum TurnKind {
    /// A question to the rep.
    #[default]
    Question,
    /// A reason not to go ahead.
    Objection,
    /// A worry that is not (yet) a no.
    Concern,
    /// A push back on what the rep said or asked.
    Pushback,
}

impl TurnKind {
    /// The word used in files and on screen.
    pub fn name(self) -> &'static str {
        self.word()
    }
}

/// A turn the conversation is likely to take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// Stable id.
    pub id: ItemId,
    /// What the customer might say, in their words.
    pub line: String,
    /// Question, objection, concern or pushback.
    #[serde(default)]
    pub kind: TurnKind,
    /// The person likely to say it (an id from the account's people), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<ItemId>,
    /// The prepared, customer-focused response.
    #[serde(default)]
    pub response: String,
    /// Ids of the turns that can come next, so turns form a small tree.
    #[serde(default)]
    pub follow_ups: Vec<ItemId>,
    /// Ids of the world items it touches.
    #[serde(default)]
    pub links: Vec<ItemId>,
    /// When it is next due, and the scheduler's memory of it; `None` until first graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Every graded attempt, oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// An answer typed but not graded, kept when the rep left mid-turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// When it was added.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The FSRS state of a turn (see the rs-fsrs crate's `Card`), kept in our own shape so the
/// file format does not depend on the crate's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// When the turn is next due.
    pub due: DateTime<Utc>,
    /// How long memory of it lasts, in days.
    pub stability: f64,
    /// How hard it is, 1 to 10.
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days the last review scheduled.
    pub scheduled_days: i64,
    /// How many times it was graded.
    pub reps: i32,
    /// How many times it was forgotten (graded "again" after being learnt).
    pub lapses: i32,
    /// new, learning, review or relearning.
    pub state: String,
    /// When it was last graded.
    pub last_review: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One check of an answer, shown to the rep with why it passed or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// A stable name, such as `asks-back` or `talk-budget`.
    pub check: String,
    /// Passed, a warning, or failed.
    pub outcome: Outcome,
    /// What was found, in words.
    pub detail: String,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Done well.
    Pass,
    /// Worth a look.
    Warn,
    /// Missed.
    Fail,
    /// Nothing to test (the turn links no items, a resumed draft wasn't typed in): counts
    /// neither way.
    Untested,
}

impl Outcome {
    /// True unless the check had nothing to test.
    pub fn tested(self) -> bool {
        self != Outcome::Untested
    }
}

/// A graded attempt at a turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was graded.
    pub at: DateTime<Utc>,
    /// The answer as typed.
    pub answer: String,
    /// The checks and how each came out.
    pub checks: Vec<CheckResult>,
    /// The rep's grade: 1 again, 2 hard, 3 good, 4 easy.
    pub grade: u8,
    /// When the turn is next due after this grade.
    pub due: DateTime<Utc>,
    /// Seconds from the line appearing to the first key.
    pub first_key_secs: f64,
    /// Seconds from the line appearing to submitting.
    pub total_secs: f64,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Turn {
    /// A new turn that has never been rehearsed.
    pub fn new(line: &str, kind: TurnKind, now: DateTime<Utc>) -> Self {
        Turn {
            id: ItemId::generate(),
            line: line.trim().to_owned(),
            kind,
            who: None,
            response: String::new(),
            follow_ups: Vec::new(),
            links: Vec::new(),
            schedule: None,
            attempts: Vec::new(),
            draft: None,
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }

    /// When it is due: never-rehearsed turns are due from their creation.
    pub fn due(&self) -> DateTime<Utc> {
        self.schedule.as_ref().map_or(self.created, |s| s.due)
    }
}

/// The editable fields of a turn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TurnForm {
    /// What the customer might say; required.
    pub line: String,
    /// Question, objection, concern or pushback.
    pub kind: TurnKind,
    /// The prepared, customer-focused response.
    pub response: String,
}

impl Form for TurnForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("line", "What the customer says", |f| &f.line, |f| &mut f.line),
        Field::choice("kind", "Kind", |f| &f.kind, |f| &mut f.kind),
        Field::text(
            "response",
            "Your prepared response",
            |f| &f.response,
            |f| &mut f.response,
        ),
    ];
}

impl From<&Turn> for TurnForm {
    fn from(t: &Turn) -> Self {
        TurnForm {
            line: t.line.clone(),
            kind: t.kind,
            response: t.response.clone(),
        }
    }
}

impl TurnForm {
    /// Adds a turn (`at` = `None`) or changes turn `at`; returns its index.
    pub fn apply(
        self,
        account: &mut Account,
        at: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| account.turns.get(i)).map(TurnForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let i = match at {
            Some(i) if i < account.turns.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                account.turns.push(Turn::new("", form.kind, now));
                account.turns.len() - 1
            }
        };
        let t = &mut account.turns[i];
        (t.line, t.kind, t.response, t.updated) = (form.line, form.kind, form.response, now);
        Ok(i)
    }
}

/// Records a graded attempt at turn `i`: the attempt joins its history, the schedule moves
/// by the grade, and any draft is cleared. Returns the new due date.
pub fn grade(
    account: &mut Account,
    i: usize,
    mut attempt: Attempt,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let turn = account.turns.get_mut(i)?;
    let next = schedule::next(turn.schedule.as_ref(), attempt.grade, now);
    attempt.due = next.due;
    turn.attempts.push(attempt);
    (turn.schedule, turn.draft, turn.updated) = (Some(next.clone()), None, now);
    Some(next.due)
}
