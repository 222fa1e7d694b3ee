//! Text editing: [`TextField`] is the one wrapper around `ratatui-textarea` (soft wrap,
//! control characters cleaned on the way in), and [`Editor`] is the popup form that edits
//! one entry field by field.

use super::Action;
use super::document::ChangeKind;
use super::keymap::fixed;
use super::workbook::Ctx;
use crate::domain::Account;
use crate::domain::Pane;
use crate::domain::fields::{self, Field, FieldKind};
use crate::domain::lint::{Lint, lint};
use crate::domain::plan;
use crate::domain::text::clean;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// A text box: one line (prompts, filters, short fields) or several (notes).
#[derive(Clone, Debug)]
pub struct TextField {
    // Boxed: a text area is large and forms hold several.
    area: Box<TextArea<'static>>,
    multiline: bool,
}

/// A one-line text box.
pub type LineInput = TextField;

impl Default for TextField {
    fn default() -> Self {
        TextField::new("", false)
    }
}

impl TextField {
    /// A box holding `text`, with the cursor at its end.
    pub fn new(text: &str, multiline: bool) -> Self {
        let text = clean(text, multiline);
        let lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_owned).collect()
        } else {
            vec![text.into_owned()]
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(if multiline {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.set_tab_length(2);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextField {
            area: Box::new(area),
            multiline,
        }
    }

    /// Types a key into the box; true when the text changed. A one-line box ignores
    /// Enter and other keys that would add a line.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let newline = key.code == fixed::NEW_LINE.code
            || (key.code == KeyCode::Char('m') && key.modifiers.contains(KeyModifiers::CONTROL));
        if newline && !self.multiline {
            return false;
        }
        self.area.input(key)
    }

    /// Inserts pasted text at the cursor; a one-line box turns line breaks into spaces.
    /// Control characters are cleaned as for any text from outside.
    pub fn paste(&mut self, text: &str) -> bool {
        // Terminals send line breaks in a paste as \r, \r\n or \n.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = clean(&text, self.multiline);
        self.area.insert_str(text)
    }

    /// Applies a typed key or a paste; other actions are not text. True when the text changed.
    pub fn apply(&mut self, action: &Action) -> bool {
        match action {
            Action::Input(key) => self.input(*key),
            Action::Paste(text) => self.paste(text),
            _ => false,
        }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// True for a box that takes several lines.
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The underlying widget, for drawing.
    pub fn widget(&self) -> &TextArea<'static> {
        &self.area
    }
}

/// One field of the editor form.
#[derive(Clone, Debug)]
pub enum FieldValue {
    /// Free text.
    Text(TextField),
    /// An index into the field's choices.
    Choice(usize),
}

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
}

impl Target {
    /// The fields of what is edited, in order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Target::Entry(pane) => fields::fields(pane),
            Target::Question => plan::QUESTION_FIELDS,
            Target::Turn => crate::domain::turn::TURN_FIELDS,
            Target::Profile => fields::PROFILE_FIELDS,
        }
    }

    /// How it is called in the editor's title.
    pub fn title(self) -> &'static str {
        match self {
            Target::Entry(pane) => pane.title(),
            Target::Question => "Question",
            Target::Turn => "Turn",
            Target::Profile => "The customer's profile",
        }
    }
}

/// The popup that edits one entry or question.
#[derive(Clone, Debug)]
pub struct Editor {
    /// What is edited.
    pub target: Target,
    /// The index in its list; `None` for a new one.
    pub at: Option<usize>,
    /// The form's fields, in the order of [`fields::fields`].
    pub fields: Vec<(Field, FieldValue)>,
    /// The focused field.
    pub focus: usize,
    /// The values the editor opened with, to tell whether anything changed.
    pub original: Vec<String>,
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
    /// An editor for entry `at` of `target` (or a new one), holding `values`.
    pub fn new(target: Target, at: Option<usize>, values: Vec<String>) -> Self {
        let fields = target
            .fields()
            .iter()
            .zip(&values)
            .map(|(f, v)| {
                let value = match f.kind {
                    FieldKind::Choice(opts) => {
                        FieldValue::Choice(opts.iter().position(|o| o == v).unwrap_or(0))
                    }
                    FieldKind::Line => FieldValue::Text(TextField::new(v, false)),
                    FieldKind::Text => FieldValue::Text(TextField::new(v, true)),
                };
                (*f, value)
            })
            .collect();
        Editor {
            target,
            at,
            fields,
            focus: 0,
            original: values,
            error: None,
            context: None,
            armed: false,
            verdict: None,
        }
    }

    /// Judges the question as typed, when its text changed since it was last judged.
    pub fn refresh(&mut self) {
        if self.target != Target::Question {
            return;
        }
        let text = self.values().swap_remove(0);
        if self.verdict.as_ref().is_none_or(|(judged, _)| *judged != text) {
            let verdict = lint(&text, self.context.as_deref());
            self.verdict = Some((text, verdict));
        }
    }

    /// For questions: the linter's verdict on the text as typed.
    pub fn verdict(&self) -> Option<&Lint> {
        self.verdict.as_ref().map(|(_, v)| v)
    }

    /// The form's values, in field order.
    pub fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|(f, v)| match (v, f.kind) {
                (FieldValue::Text(t), _) => t.text(),
                (FieldValue::Choice(i), FieldKind::Choice(opts)) => opts[*i].to_owned(),
                (FieldValue::Choice(_), _) => String::new(),
            })
            .collect()
    }

    /// True when a value differs from what the editor opened with.
    pub fn is_changed(&self) -> bool {
        self.values() != self.original
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
        let (field, value) = &mut self.fields[self.focus];
        match value {
            FieldValue::Choice(i) => {
                let n = match field.kind {
                    FieldKind::Choice(opts) => opts.len(),
                    _ => 1,
                };
                match key.code {
                    c if c == fixed::NEXT_CHOICE.code || c == KeyCode::Char(' ') => *i = (*i + 1) % n,
                    c if c == fixed::PREV_CHOICE.code => *i = (*i + n - 1) % n,
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
        if let (_, FieldValue::Text(t)) = &mut self.fields[self.focus]
            && t.paste(text)
        {
            (self.armed, self.error) = (false, None);
        }
    }

    /// Replaces the text of the first field (used to take the linter's rewrite).
    pub fn set_text(&mut self, text: &str) {
        if let Some((_, FieldValue::Text(t))) = self.fields.first_mut() {
            *t = TextField::new(text, t.is_multiline());
            self.armed = false;
            self.error = None;
        }
    }
}

/// Ctrl-s in an editor: `apply` writes the form into the account. `Ok(Some(_))` when it
/// did; `Ok(None)` when nothing changed (an existing entry saved as it was, or the access
/// mode refused, saying why); `Err(editor)` when `apply` refused, the editor to show again
/// with the reason.
pub(super) fn save_form<T>(
    cx: &mut Ctx,
    mut editor: Box<Editor>,
    apply: impl FnOnce(&mut Account, &Editor, DateTime<Utc>) -> Result<T, String>,
) -> Result<Option<T>, Box<Editor>> {
    if editor.at.is_some() && !editor.is_changed() {
        cx.say("No changes");
        return Ok(None);
    }
    let mut refused = None;
    let saved = cx.change(ChangeKind::Content, |account, now| {
        apply(account, &editor, now).map_err(|reason| {
            refused = Some(reason);
            String::new()
        })
    });
    match refused {
        Some(reason) => {
            editor.error = Some(reason);
            Err(editor)
        }
        None => Ok(saved),
    }
}
