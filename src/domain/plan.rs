//! The account's question plan: the questions the rep means to ask, in order, each linked to
//! the items of the customer's world it serves, with what was heard in answer.

use super::account::{Account, Extra, Pane};
use super::fields::{ItemForm, PersonForm};
use super::form::{Choice, EditError, Field, Form};
use super::id::ItemId;
use super::text::first_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoEnumIterator, VariantNames};

/// Where a planned question stands; its words, in the order `s` cycles through them, are
/// the choices of the status field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, VariantNames, EnumIter)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
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

impl Status {
    /// The next status: planned, asked, answered, then planned again.
    pub fn next(self) -> Status {
        let next = (self.index() + 1) % Status::VARIANTS.len();
        Status::iter().nth(next).unwrap_or_default()
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
}

/// The editable fields of a planned question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionForm {
    /// The question as the rep will ask it; required.
    pub text: String,
    /// What the customer said, in their words.
    pub answer: String,
    /// Planned, asked or answered.
    pub status: Status,
}

impl Form for QuestionForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("text", "Question", |f| &f.text, |f| &mut f.text),
        Field::quote(
            "answer",
            "Answer heard (their words)",
            |f| &f.answer,
            |f| &mut f.answer,
        ),
        Field::choice("status", "Status", |f| &f.status, |f| &mut f.status),
    ];
}

impl From<&Question> for QuestionForm {
    fn from(q: &Question) -> Self {
        QuestionForm {
            text: q.text.clone(),
            answer: q.answer.clone(),
            status: q.status,
        }
    }
}

impl QuestionForm {
    /// Adds a question (`at` = `None`) or changes question `at`; `kept` records that the
    /// rep keeps it although the linter objects. Returns its index.
    pub fn apply(
        self,
        account: &mut Account,
        at: Option<usize>,
        kept: bool,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| account.questions.get(i)).map(QuestionForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let i = match at {
            Some(i) if i < account.questions.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                account.questions.push(Question::new("", Vec::new(), None, now));
                account.questions.len() - 1
            }
        };
        let q = &mut account.questions[i];
        (q.text, q.answer, q.status, q.kept) = (form.text, form.answer, form.status, kept);
        q.updated = now;
        Ok(i)
    }
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
    let (text, source) = (first_line(&answer), format!("Answer to: {}", first_line(&q.text)));
    let index = match pane {
        Pane::People => PersonForm {
            name: text,
            their_words: answer,
            ..PersonForm::default()
        }
        .apply(account, None, now)?,
        _ => ItemForm {
            text,
            their_words: answer,
            source,
            ..ItemForm::default()
        }
        .apply(account, pane, None, now)?,
    };
    let id = match account.items(pane) {
        Some(items) => items[index].id.clone(),
        None => account.people[index].id.clone(),
    };
    account.questions[i].links.push(id);
    Ok(index)
}
