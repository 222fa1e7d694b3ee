//! Text editing: [`TextField`] is the one wrapper around `ratatui-textarea` (soft wrap,
//! control characters cleaned on the way in), and [`Editor`] is the popup that edits one
//! record field by field. The editor holds the record's typed form ([`EditForm`]) and one
//! widget per field of the form's table; saving reads the widgets back into the form.

mod form;
mod text;

pub use form::{EditForm, FieldValue, Target, Widget};
pub use text::{LineInput, TextField};

use super::keymap::fixed;
use crate::domain::lint::{Lint, lint};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The popup that edits one entry, question, turn or the profile.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The index in its list; `None` for a new one.
    pub at: Option<usize>,
    /// One widget per field of the form, in editing order.
    pub fields: Vec<Widget>,
    /// The focused field.
    pub focus: usize,
    /// The form the editor opened with, to tell whether anything changed.
    original: EditForm,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// For questions: the text of the first linked item, which the linter's rewrite uses.
    pub context: Option<String>,
    /// For questions: the linter objected and the rep was told; the next save keeps it.
    pub armed: bool,
    /// For questions: the text last judged and the linter's verdict on it, kept up to date
    /// by [`Editor::refresh`] after every action, so views only read it.
    verdict: Option<(String, Lint)>,
}

impl Editor {
    /// An editor on `form`, the record at index `at` of its list (`None` for a new one).
    pub fn new(form: EditForm, at: Option<usize>) -> Self {
        Editor {
            at,
            fields: form.widgets(),
            focus: 0,
            original: form,
            error: None,
            context: None,
            armed: false,
            verdict: None,
        }
    }

    /// What it edits.
    pub fn target(&self) -> Target {
        self.original.target()
    }

    /// The form as typed so far.
    pub fn form(&self) -> EditForm {
        self.original.read(&self.fields)
    }

    /// The text of the first field (the title) as typed.
    pub fn first_text(&self) -> String {
        match self.fields.first().map(|w| &w.value) {
            Some(FieldValue::Text(t)) => t.text(),
            _ => String::new(),
        }
    }

    /// Judges the question as typed, when its text changed since it was last judged.
    pub fn refresh(&mut self) {
        if self.target() != Target::Question {
            return;
        }
        let text = self.first_text();
        if self.verdict.as_ref().is_none_or(|(judged, _)| *judged != text) {
            let verdict = lint(&text, self.context.as_deref());
            self.verdict = Some((text, verdict));
        }
    }

    /// For questions: the linter's verdict on the text as typed.
    pub fn verdict(&self) -> Option<&Lint> {
        self.verdict.as_ref().map(|(_, v)| v)
    }

    /// True when the form as typed differs from the one the editor opened with.
    pub fn is_changed(&self) -> bool {
        self.form() != self.original
    }

    /// Moves focus to the next field (wrapping).
    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    /// Moves focus to the previous field (wrapping).
    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Types a key into the focused field. Enter in a one-line field moves on; a choice
    /// field cycles with ←/→ or Space.
    pub fn input(&mut self, key: KeyEvent) {
        match &mut self.fields[self.focus].value {
            FieldValue::Choice { words, index } => {
                let n = words.len();
                match key.code {
                    c if c == fixed::NEXT_CHOICE.code || c == KeyCode::Char(' ') => *index = (*index + 1) % n,
                    c if c == fixed::PREV_CHOICE.code => *index = (*index + n - 1) % n,
                    c if c == fixed::NEW_LINE.code => self.next_field(),
                    _ => {}
                }
            }
            FieldValue::Text(t) if key.code == fixed::NEW_LINE.code && !t.is_multiline() => self.next_field(),
            FieldValue::Text(t) => {
                if t.input(key) {
                    self.armed = false;
                }
            }
        }
        self.error = None;
    }

    /// Pastes into the focused field (nothing happens on a choice field).
    pub fn paste(&mut self, text: &str) {
        if let FieldValue::Text(t) = &mut self.fields[self.focus].value
            && t.paste(text)
        {
            (self.armed, self.error) = (false, None);
        }
    }

    /// Replaces the text of the first field (used to take the linter's rewrite).
    pub fn set_text(&mut self, text: &str) {
        if let Some(FieldValue::Text(t)) = self.fields.first_mut().map(|w| &mut w.value) {
            *t = TextField::new(text, t.is_multiline());
            self.armed = false;
            self.error = None;
        }
    }
}
