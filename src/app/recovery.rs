//! Text kept from a session that ended from outside (the terminal closed, `kill`): what was
//! being typed, where and when, as `recovery.json` in the data folder holds it. At the next
//! start it is offered back: taken into a new entry of the kind it was typed for, dropped, or
//! kept for later.

use super::editor::{EditForm, Editor, FieldValue, TextField};
use crate::domain::Pane;
use crate::domain::fields::{ItemForm, PersonForm};
use serde::{Deserialize, Serialize};

/// The text in `recovery.json`: what was being typed, where, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovered {
    /// When the app ended.
    pub when: chrono::DateTime<chrono::Utc>,
    /// Why, in words.
    pub why: String,
    /// The account it belongs to, by id.
    pub account: Option<String>,
    /// What was being typed ("the Goals editor", "a rehearsal answer").
    pub what: String,
    /// The pane of the entry being typed (its CLI name: "goals", "people"...), when it was
    /// an entry of the customer's world: then taking it back opens a new entry with it.
    #[serde(default)]
    pub pane: Option<String>,
    /// Each field's label and text, as typed.
    pub fields: Vec<(String, String)>,
}

impl Recovered {
    /// A new entry's editor holding the kept text, when it was typed for one.
    pub fn editor(&self) -> Option<Editor> {
        let pane = Pane::from_cli(self.pane.as_deref()?)?;
        let form = match pane {
            Pane::People => EditForm::Person(PersonForm::default()),
            pane => EditForm::Item(pane, ItemForm::default()),
        };
        let mut editor = Editor::new(form, None);
        for w in &mut editor.fields {
            let kept = self.fields.iter().find(|(label, _)| label == w.label);
            if let (Some((_, text)), FieldValue::Text(t)) = (kept, &mut w.value) {
                *t = TextField::new(text, t.is_multiline());
            }
        }
        Some(editor)
    }
}
