//! The typed form an editor holds ([`EditForm`], one variant per kind of record) and the
//! widgets built from a form's field table: one per field, read back into the form on save.

use super::TextField;
use crate::domain::call::{CallForm, DebriefForm};
use crate::domain::comment::CommentForm;
use crate::domain::fields::{ItemForm, PersonForm, ProfileForm};
use crate::domain::form::{FieldKind, Form, Value};
use crate::domain::journey::{JourneyForm, TaskForm};
use crate::domain::offering::OfferingForm;
use crate::domain::plan::QuestionForm;
use crate::domain::scenario::ScenarioForm;
use crate::domain::sweet_spot::{AnswerForm, CriterionForm, DisqualifyForm};
use crate::domain::turn::TurnForm;
use crate::domain::{Account, ItemId, Pane};

/// What an editor edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An entry of a pane of the customer's world.
    Entry(Pane),
    /// A question of the plan.
    Question,
    /// An anticipated conversation turn.
    Turn,
    /// The account's name and profile.
    Profile,
    /// One of the customer's tasks.
    Task,
    /// A call plan.
    Call,
    /// The customer's journey: the stage and its evidence.
    Journey,
    /// What happened on a call.
    Debrief,
    /// A comment on a record (its anchor is kept by the editor's caller).
    Comment,
    /// A reply to a comment.
    Reply,
    /// The account's answer to a sweet-spot criterion.
    Answer,
    /// A usage scenario.
    Scenario,
    /// Why the account is disqualified.
    Disqualify,
    /// One of the team's offerings.
    Offering,
    /// One of the sweet spot's criteria.
    Criterion,
}

impl Target {
    /// How it is called in the editor's title.
    pub fn title(self) -> &'static str {
        match self {
            Target::Entry(pane) => pane.title(),
            Target::Question => "Question",
            Target::Turn => "Turn",
            Target::Profile => "The customer's profile",
            Target::Task => "Their task",
            Target::Call => "Call plan",
            Target::Journey => "Where they stand",
            Target::Debrief => "Debrief",
            Target::Comment => "Comment",
            Target::Reply => "Reply",
            Target::Answer => "Their answer to a sweet-spot criterion",
            Target::Scenario => "How they'd use us",
            Target::Disqualify => "Disqualify the account",
            Target::Offering => "What we offer (the team's offerings.json)",
            Target::Criterion => "A sweet-spot criterion (the team's sweet-spot.json)",
        }
    }
}

/// The typed form of the record an editor edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditForm {
    /// An item of a world pane (any but people).
    Item(Pane, ItemForm),
    /// A person.
    Person(PersonForm),
    /// A question of the plan.
    Question(QuestionForm),
    /// An anticipated conversation turn.
    Turn(TurnForm),
    /// The account's name and profile.
    Profile(ProfileForm),
    /// One of the customer's tasks.
    Task(TaskForm),
    /// A call plan.
    Call(CallForm),
    /// The journey's stage and evidence.
    Journey(JourneyForm),
    /// A call's debrief.
    Debrief(DebriefForm),
    /// A comment on the record whose id is the anchor.
    Comment(String, CommentForm),
    /// A reply to comment number `.0`.
    Reply(usize, CommentForm),
    /// The answer to the criterion whose id is `.0`.
    Answer(String, AnswerForm),
    /// A usage scenario for the goal or threat `.0`.
    Scenario(ItemId, ScenarioForm),
    /// Why the account is disqualified.
    Disqualify(DisqualifyForm),
    /// One of the team's offerings.
    Offering(OfferingForm),
    /// One of the sweet spot's criteria.
    Criterion(CriterionForm),
}

impl EditForm {
    /// The blank form of a new entry of `pane`.
    pub fn blank(pane: Pane) -> Self {
        match pane {
            Pane::People => EditForm::Person(PersonForm::default()),
            _ => EditForm::Item(pane, ItemForm::default()),
        }
    }

    /// The form of entry `i` of `pane`, if there is one.
    pub fn entry(account: &Account, pane: Pane, i: usize) -> Option<Self> {
        match account.items(pane) {
            Some(items) => items.get(i).map(|it| EditForm::Item(pane, it.into())),
            None => account.people.get(i).map(|p| EditForm::Person(p.into())),
        }
    }

    /// What it edits.
    pub fn target(&self) -> Target {
        match self {
            EditForm::Item(pane, _) => Target::Entry(*pane),
            EditForm::Person(_) => Target::Entry(Pane::People),
            EditForm::Question(_) => Target::Question,
            EditForm::Turn(_) => Target::Turn,
            EditForm::Profile(_) => Target::Profile,
            EditForm::Task(_) => Target::Task,
            EditForm::Call(_) => Target::Call,
            EditForm::Journey(_) => Target::Journey,
            EditForm::Debrief(_) => Target::Debrief,
            EditForm::Comment(..) => Target::Comment,
            EditForm::Reply(..) => Target::Reply,
            EditForm::Answer(..) => Target::Answer,
            EditForm::Scenario(..) => Target::Scenario,
            EditForm::Disqualify(_) => Target::Disqualify,
            EditForm::Offering(_) => Target::Offering,
            EditForm::Criterion(_) => Target::Criterion,
        }
    }

    /// One widget per field, in editing order, holding the form's values.
    pub(super) fn widgets(&self) -> Vec<Widget> {
        match self {
            EditForm::Item(_, f) => widgets(f),
            EditForm::Person(f) => widgets(f),
            EditForm::Question(f) => widgets(f),
            EditForm::Turn(f) => widgets(f),
            EditForm::Profile(f) => widgets(f),
            EditForm::Task(f) => widgets(f),
            EditForm::Call(f) => widgets(f),
            EditForm::Journey(f) => widgets(f),
            EditForm::Debrief(f) => widgets(f),
            EditForm::Comment(_, f) | EditForm::Reply(_, f) => widgets(f),
            EditForm::Answer(_, f) => widgets(f),
            EditForm::Scenario(_, f) => widgets(f),
            EditForm::Disqualify(f) => widgets(f),
            EditForm::Offering(f) => widgets(f),
            EditForm::Criterion(f) => widgets(f),
        }
    }

    /// This form with the values the widgets hold.
    pub(super) fn read(&self, widgets: &[Widget]) -> Self {
        match self {
            EditForm::Item(pane, f) => EditForm::Item(*pane, read(f, widgets)),
            EditForm::Person(f) => EditForm::Person(read(f, widgets)),
            EditForm::Question(f) => EditForm::Question(read(f, widgets)),
            EditForm::Turn(f) => EditForm::Turn(read(f, widgets)),
            EditForm::Profile(f) => EditForm::Profile(read(f, widgets)),
            EditForm::Task(f) => EditForm::Task(read(f, widgets)),
            EditForm::Call(f) => EditForm::Call(read(f, widgets)),
            EditForm::Journey(f) => EditForm::Journey(read(f, widgets)),
            EditForm::Debrief(f) => EditForm::Debrief(read(f, widgets)),
            EditForm::Comment(anchor, f) => EditForm::Comment(anchor.clone(), read(f, widgets)),
            EditForm::Reply(at, f) => EditForm::Reply(*at, read(f, widgets)),
            EditForm::Answer(id, f) => EditForm::Answer(id.clone(), read(f, widgets)),
            EditForm::Scenario(serves, f) => EditForm::Scenario(serves.clone(), read(f, widgets)),
            EditForm::Disqualify(f) => EditForm::Disqualify(read(f, widgets)),
            EditForm::Offering(f) => EditForm::Offering(read(f, widgets)),
            EditForm::Criterion(f) => EditForm::Criterion(read(f, widgets)),
        }
    }
}

/// One field of the editor: its label, how it is edited, and the value being edited.
#[derive(Clone, Debug)]
pub struct Widget {
    /// The field's label.
    pub label: &'static str,
    /// How it is edited.
    pub kind: FieldKind,
    /// The value as edited.
    pub value: FieldValue,
}

/// The value of one field of the editor.
#[derive(Clone, Debug)]
pub enum FieldValue {
    /// Free text.
    Text(TextField),
    /// One of a fixed set of words.
    Choice {
        /// Every word, in order.
        words: &'static [&'static str],
        /// The word picked, an index into `words`.
        index: usize,
    },
}

/// The widgets of `form`, from its field table.
fn widgets<F: Form>(form: &F) -> Vec<Widget> {
    F::FIELDS
        .iter()
        .map(|field| {
            let value = match field.value(form) {
                Value::Text(text) => FieldValue::Text(TextField::new(text, field.kind == FieldKind::Text)),
                Value::Choice { words, index } => FieldValue::Choice { words, index },
            };
            Widget {
                label: field.label,
                kind: field.kind,
                value,
            }
        })
        .collect()
}

/// `form` with the values `widgets` hold, field by field.
fn read<F: Form>(form: &F, widgets: &[Widget]) -> F {
    let mut out = form.clone();
    for (field, widget) in F::FIELDS.iter().zip(widgets) {
        match &widget.value {
            FieldValue::Text(t) => field.set_text(&mut out, t.text()),
            FieldValue::Choice { index, .. } => field.set_index(&mut out, *index),
        }
    }
    out
}
