//! The customer's own buying journey: the stage they stand at, in their terms, with the
//! evidence for it, and the tasks that are theirs to do to move forward (with what we can
//! bring to each, kept apart: it is ours).

use super::account::Extra;
use super::form::{EditError, Field, Form};
use super::id::ItemId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, VariantNames};

/// Where the customer stands in their own buying journey, in their terms.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantNames, EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Stage {
    /// They see that something is wrong.
    #[default]
    Recognising,
    /// They agree among themselves why change, and why now.
    Agreeing,
    /// They work out the causes, the cost, the risk of doing nothing.
    Understanding,
    /// They look at the ways out, ours among others.
    Exploring,
    /// They choose.
    Deciding,
    /// They put it in place.
    Implementing,
}

impl Stage {
    /// The stage in a few words, as the customer would put it.
    pub fn words(self) -> &'static str {
        match self {
            Stage::Recognising => "recognising the problem",
            Stage::Agreeing => "agreeing why change and why now",
            Stage::Understanding => "understanding the problem: causes, cost, the risk of doing nothing",
            Stage::Exploring => "exploring options",
            Stage::Deciding => "deciding",
            Stage::Implementing => "putting it in place",
        }
    }
}

/// The journey: the current stage, its evidence, and when it last moved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// The stage they stand at.
    #[serde(default)]
    pub stage: Stage,
    /// The world item that shows it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<ItemId>,
    /// Their own words that show it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// When they said or showed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<NaiveDate>,
    /// When the stage last changed; `None` while it was never set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<DateTime<Utc>>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Journey {
    /// True when the stage has no evidence behind it: it is the rep's guess.
    pub fn is_guess(&self) -> bool {
        self.evidence.is_none() && self.quote.trim().is_empty()
    }
}

/// Where one of the customer's tasks stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantNames, EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum TaskStatus {
    /// Not started.
    #[default]
    ToDo,
    /// Under way.
    Doing,
    /// Done.
    Done,
    /// Given up.
    Dropped,
}

impl TaskStatus {
    /// True while the task is still to be done.
    pub fn is_open(self) -> bool {
        matches!(self, TaskStatus::ToDo | TaskStatus::Doing)
    }
}

/// A task that is the customer's own, to move forward.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Stable id.
    pub id: ItemId,
    /// What they need to do, in their terms.
    pub text: String,
    /// Who on their side does it (one of the account's people).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<ItemId>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Where it stands.
    #[serde(default)]
    pub status: TaskStatus,
    /// What we can bring to help (an example, an introduction, research, a workshop): ours.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub we_bring: String,
    /// When it was added.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Task {
    /// A new task, to do, with a fresh id.
    pub fn new(text: &str, now: DateTime<Utc>) -> Self {
        Task {
            id: ItemId::generate(),
            text: text.trim().to_owned(),
            owner: None,
            due: None,
            status: TaskStatus::ToDo,
            we_bring: String::new(),
            created: now,
            updated: now,
            extra: Extra::default(),
        }
    }

    /// True when the task is open and its due date has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// The editable fields of a task (its owner is picked from the people apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskForm {
    /// What they need to do; required.
    pub text: String,
    /// When it is due, as `YYYY-MM-DD`, or blank.
    pub due: String,
    /// Where it stands.
    pub status: TaskStatus,
    /// What we can bring to help.
    pub we_bring: String,
}

impl Form for TaskForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("text", "Their task, in their terms", |f| &f.text, |f| &mut f.text),
        Field::line("due", "Due (YYYY-MM-DD)", |f| &f.due, |f| &mut f.due),
        Field::choice("status", "Status", |f| &f.status, |f| &mut f.status),
        Field::text(
            "we_bring",
            "What we can bring (ours, apart from their task)",
            |f| &f.we_bring,
            |f| &mut f.we_bring,
        ),
    ];
}

impl From<&Task> for TaskForm {
    fn from(t: &Task) -> Self {
        TaskForm {
            text: t.text.clone(),
            due: t.due.map(|d| d.to_string()).unwrap_or_default(),
            status: t.status,
            we_bring: t.we_bring.clone(),
        }
    }
}

/// A date typed as `YYYY-MM-DD` (blank for none); refused with the field's label otherwise.
pub fn parse_date(text: &str, field: &'static str) -> Result<Option<NaiveDate>, EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| EditError::BadDate {
            field,
            text: text.to_owned(),
        })
}

impl TaskForm {
    /// Adds a task (`at` = `None`) or changes task `at` of `tasks`; returns its index.
    pub fn apply(
        self,
        tasks: &mut Vec<Task>,
        at: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| tasks.get(i)).map(TaskForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let due = parse_date(&form.due, Self::FIELDS[1].label)?;
        let i = match at {
            Some(i) if i < tasks.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                tasks.push(Task::new("", now));
                tasks.len() - 1
            }
        };
        let t = &mut tasks[i];
        (t.text, t.due, t.status, t.we_bring, t.updated) = (form.text, due, form.status, form.we_bring, now);
        Ok(i)
    }
}

/// The editable fields of the journey (the evidence item is picked from the world apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JourneyForm {
    /// The stage they stand at.
    pub stage: Stage,
    /// Their own words that show it.
    pub quote: String,
    /// When they said or showed it, as `YYYY-MM-DD`, or blank.
    pub seen: String,
}

impl Form for JourneyForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::choice("stage", "Where they stand", |f| &f.stage, |f| &mut f.stage),
        Field::quote(
            "quote",
            "What shows it, in their words",
            |f| &f.quote,
            |f| &mut f.quote,
        ),
        Field::line("seen", "When (YYYY-MM-DD)", |f| &f.seen, |f| &mut f.seen),
    ];
}

impl From<&Journey> for JourneyForm {
    fn from(j: &Journey) -> Self {
        JourneyForm {
            stage: j.stage,
            quote: j.quote.clone(),
            seen: j.seen.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

impl JourneyForm {
    /// Writes the form into `journey`; a change of stage is dated `now`.
    pub fn apply(self, journey: &mut Journey, now: DateTime<Utc>) -> Result<(), EditError> {
        let seen = parse_date(&self.seen, Self::FIELDS[2].label)?;
        if journey.stage != self.stage || journey.changed.is_none() {
            journey.changed = Some(now);
        }
        (journey.stage, journey.quote, journey.seen) = (self.stage, self.quote.trim_end().to_owned(), seen);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_task_form_adds_changes_and_refuses_a_bad_date() {
        let mut tasks = Vec::new();
        let mut form = TaskForm {
            text: "  Build the case for the board ".into(),
            ..TaskForm::default()
        };
        form.due = "2026-12-09".into();
        let i = form.clone().apply(&mut tasks, None, now()).unwrap();
        assert_eq!(tasks[i].text, "Build the case for the board");
        assert_eq!(tasks[i].due, NaiveDate::from_ymd_opt(2026, 12, 9));
        let id = tasks[i].id.clone();
        form.due = "9 December".into();
        let before = tasks.clone();
        assert!(matches!(
            form.clone().apply(&mut tasks, Some(i), now()),
            Err(EditError::BadDate { .. })
        ));
        assert_eq!(tasks, before, "a refused edit changes nothing");
        form.due.clear();
        form.status = TaskStatus::Done;
        form.apply(&mut tasks, Some(i), now()).unwrap();
        assert_eq!(
            (tasks[i].id.clone(), tasks[i].due, tasks[i].status),
            (id, None, TaskStatus::Done)
        );
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let mut t = Task::new("Find the time", now());
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert!(!t.is_overdue(today), "no due date");
        t.due = NaiveDate::from_ymd_opt(2026, 11, 22);
        assert!(t.is_overdue(today));
        t.status = TaskStatus::Dropped;
        assert!(!t.is_overdue(today), "a dropped task is never overdue");
    }

    #[test]
    fn a_stage_without_evidence_is_a_guess_and_a_new_stage_is_dated() {
        let mut j = Journey::default();
        assert!(j.is_guess());
        let form = JourneyForm {
            stage: Stage::Understanding,
            quote: "We lose a load a week".into(),
            seen: String::new(),
        };
        form.apply(&mut j, now()).unwrap();
        assert!(!j.is_guess());
        assert_eq!(j.changed, Some(now()));
        let later = now() + chrono::Duration::days(3);
        JourneyForm::from(&j).apply(&mut j, later).unwrap();
        assert_eq!(j.changed, Some(now()), "the same stage keeps its date");
    }

    #[test]
    fn stage_and_status_words_are_the_file_format() {
        use crate::domain::form::Choice;
        use strum::IntoEnumIterator;
        for s in Stage::iter() {
            assert_eq!(serde_json::to_value(s).unwrap(), s.word());
        }
        for s in TaskStatus::iter() {
            assert_eq!(serde_json::to_value(s).unwrap(), s.word());
        }
        assert_eq!(TaskStatus::ToDo.word(), "to-do");
    }
}
