//! The account's question plan: the questions the rep means to ask, in order, each linked to
//! the items of the customer's world it serves, with what was heard in answer.

use super::account::{Account, Extra, Pane};
use super::fields::{self, EditError, Field, FieldKind};
use super::id::ItemId;
use super::text::first_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a planned question stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not asked yet.
    #[default]
    Planned,
    /// Asked; no answer noted.
    Asked,
    /// Asked and answered.
    Answered,
}

/// A question in an account's plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id.
    pub id: ItemId,
    /// The question as the rep will ask it.
    pub text: String,
    /// Ids of the world items (goals, threats, people...) it serves.
    #[serde(default)]
    pub links: Vec<ItemId>,
    /// Planned, asked or answered.
    #[serde(default)]
    pub status: Status,
    /// What the customer said, in their words.
    #[serde(default)]
    pub answer: String,
    /// The rep kept it although the linter judged it an opinion or leading.
    #[serde(default)]
    pub kept: bool,
    /// The bank question it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_bank: Option<String>,
    /// When it was added.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The words a status is written as, in the order `s` cycles through them.
pub const STATUSES: &[&str] = &["planned", "asked", "answered"];

/// The editable fields of a planned question.
pub const QUESTION_FIELDS: &[Field] = &[
    Field {
        key: "text",
        label: "Question",
        kind: FieldKind::Line,
    },
    Field {
        key: "answer",
        label: "Answer heard (their words)",
        kind: FieldKind::Text,
    },
    Field {
        key: "status",
        label: "Status",
        kind: FieldKind::Choice(STATUSES),
    },
];

/// Editor values for a new question.
pub fn blank() -> Vec<String> {
    vec![String::new(), String::new(), STATUSES[0].to_owned()]
}

impl Status {
    /// Every status, in cycling order.
    pub const ALL: [Status; 3] = [Status::Planned, Status::Asked, Status::Answered];

    /// The next status: planned, asked, answered, then planned again.
    pub fn next(self) -> Status {
        Status::ALL[(self as usize + 1) % Status::ALL.len()]
    }
}

impl Question {
    /// A new planned question.
    pub fn new(text: &str, links: Vec<ItemId>, from_bank: Option<String>, now: DateTime<Utc>) -> Self {
        Question {
            id: ItemId::generate(),
            text: text.trim().to_owned(),
            links,
            status: Status::Planned,
            answer: String::new(),
            kept: false,
            from_bank,
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }

    /// Values for the editor, in the order of [`QUESTION_FIELDS`].
    pub fn values(&self) -> Vec<String> {
        vec![
            self.text.clone(),
            self.answer.clone(),
            STATUSES[self.status as usize].to_owned(),
        ]
    }
}

/// Adds a question (`at` = `None`) or changes question `at` from editor values; `kept`
/// records that the rep keeps it although the linter objects. Returns its index.
pub fn apply(
    account: &mut Account,
    at: Option<usize>,
    values: &[String],
    kept: bool,
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    let [text, answer, status] = values else {
        return Err(EditError::NoSuchEntry);
    };
    if text.trim().is_empty() {
        return Err(EditError::Required(QUESTION_FIELDS[0].label));
    }
    let status = STATUSES
        .iter()
        .position(|s| s == status)
        .map(|i| Status::ALL[i])
        .ok_or(EditError::BadChoice {
            field: QUESTION_FIELDS[2].label,
            options: STATUSES,
        })?;
    let i = match at {
        Some(i) if i < account.questions.len() => i,
        Some(_) => return Err(EditError::NoSuchEntry),
        None => {
            account.questions.push(Question::new("", Vec::new(), None, now));
            account.questions.len() - 1
        }
    };
    let q = &mut account.questions[i];
    (q.text, q.answer, q.status, q.kept) =
        (text.trim().to_owned(), answer.trim_end().to_owned(), status, kept);
    q.updated = now;
    account.updated = now;
    Ok(i)
}

/// The pane and one-line text of the world item with this id, if it is still there.
pub fn find_item<'a>(account: &'a Account, id: &ItemId) -> Option<(Pane, &'a str)> {
    Pane::ALL.into_iter().find_map(|pane| match account.items(pane) {
        Some(items) => items
            .iter()
            .find(|it| &it.id == id)
            .map(|it| (pane, it.text.as_str())),
        None => account
            .people
            .iter()
            .find(|p| &p.id == id)
            .map(|p| (pane, p.name.as_str())),
    })
}

/// The first world item question `q` serves that is still there: its pane and text. The
/// linter uses the text as context for its rewrite.
pub fn first_link<'a>(account: &'a Account, q: &Question) -> Option<(Pane, &'a str)> {
    q.links.iter().find_map(|id| find_item(account, id))
}

/// Turns the answer heard to question `i` into a new item of `pane`, in the customer's own
/// words, and links the question to it. Returns the new item's index in its pane.
pub fn answer_to_item(
    account: &mut Account,
    i: usize,
    pane: Pane,
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    let q = account.questions.get(i).ok_or(EditError::NoSuchEntry)?;
    let answer = q.answer.trim().to_owned();
    if answer.is_empty() {
        return Err(EditError::Required("The answer"));
    }
    let source = format!("Answer to: {}", first_line(&q.text));
    let mut values = fields::blank(pane);
    values[0] = first_line(&answer);
    if pane == Pane::People {
        values[5] = answer;
    } else {
        (values[2], values[3]) = (answer, source);
    }
    let index = fields::apply(account, pane, None, &values, now)?;
    let id = match account.items(pane) {
        Some(items) => items[index].id.clone(),
        None => account.people[index].id.clone(),
    };
    account.questions[i].links.push(id);
    Ok(index)
}
