//! Typed forms. Each editable kind of record (an item, a person, the profile, a planned
//! question, a turn) has a plain struct of named fields, and declares those fields once, in
//! editing order, as a table of [`Field`]s: the key in the file, the label on screen, how
//! it is edited, and accessors to read and write it. Editors and views walk the table;
//! code that saves reads the struct's fields by name. Choice fields take their words from
//! the enum they hold (see [`Choice`]), so the words are the file format's.

use strum::{IntoEnumIterator, VariantNames};

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text; kept trimmed.
    Line,
    /// Several lines of text; trailing blanks dropped.
    Text,
    /// One of a fixed set of words, cycled through.
    Choice,
}

/// How a field reads where a record is shown in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// A label and the value.
    Plain,
    /// The record's title: the value alone, as a heading.
    Heading,
    /// The customer's own words, quoted.
    Quote,
}

/// A field's value as the form holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text, as typed.
    Text(&'a str),
    /// A choice: the words it picks from and the one it holds.
    Choice {
        /// Every word, in the enum's order.
        words: &'static [&'static str],
        /// The word held, an index into `words`.
        index: usize,
    },
}

impl<'a> Value<'a> {
    /// The value as text: a choice's word, or the text itself.
    pub fn text(self) -> &'a str {
        match self {
            Value::Text(text) => text,
            Value::Choice { words, index } => words[index],
        }
    }
}

/// An enum a choice field holds. Its words are its variants' strum names, in declaration
/// order; each enum spells them as serde does (a unit test beside it proves it), so the
/// words on screen are the words in the file.
pub trait Choice {
    /// Every word, in the enum's order.
    fn words(&self) -> &'static [&'static str];
    /// The position of this value among [`Choice::words`].
    fn index(&self) -> usize;
    /// Becomes the value at position `index`; out of range leaves it as it is.
    fn pick(&mut self, index: usize);
    /// The word for this value, as in the file.
    fn word(&self) -> &'static str {
        self.words()[self.index()]
    }
}

impl<C: Copy + PartialEq + VariantNames + IntoEnumIterator> Choice for C {
    fn words(&self) -> &'static [&'static str] {
        C::VARIANTS
    }

    fn index(&self) -> usize {
        C::iter().position(|c| c == *self).unwrap_or(0)
    }

    fn pick(&mut self, index: usize) {
        if let Some(c) = C::iter().nth(index) {
            *self = c;
        }
    }
}

/// Where a field's value lives in the form `F`.
enum Lens<F> {
    Text(fn(&F) -> &String, fn(&mut F) -> &mut String),
    Choice(fn(&F) -> &dyn Choice, fn(&mut F) -> &mut dyn Choice),
}

/// One editable field of the form `F`: a row of its table.
pub struct Field<F: 'static> {
    /// The name in the JSON file.
    pub key: &'static str,
    /// The label on screen.
    pub label: &'static str,
    /// How it is edited.
    pub kind: FieldKind,
    /// How it reads where the record is shown in full.
    pub look: Look,
    lens: Lens<F>,
}

impl<F> Field<F> {
    const fn new(key: &'static str, label: &'static str, kind: FieldKind, lens: Lens<F>) -> Self {
        Field {
            key,
            label,
            kind,
            look: Look::Plain,
            lens,
        }
    }

    /// A one-line text field, read by `get` and written through `get_mut`.
    pub const fn line(
        key: &'static str,
        label: &'static str,
        get: fn(&F) -> &String,
        get_mut: fn(&mut F) -> &mut String,
    ) -> Self {
        Field::new(key, label, FieldKind::Line, Lens::Text(get, get_mut))
    }

    /// A field of several lines of text.
    pub const fn text(
        key: &'static str,
        label: &'static str,
        get: fn(&F) -> &String,
        get_mut: fn(&mut F) -> &mut String,
    ) -> Self {
        Field::new(key, label, FieldKind::Text, Lens::Text(get, get_mut))
    }

    /// A field holding one value of an enum (see [`Choice`]).
    pub const fn choice(
        key: &'static str,
        label: &'static str,
        get: fn(&F) -> &dyn Choice,
        get_mut: fn(&mut F) -> &mut dyn Choice,
    ) -> Self {
        Field::new(key, label, FieldKind::Choice, Lens::Choice(get, get_mut))
    }

    /// A one-line text field that is the record's title, shown as its heading.
    pub const fn title(
        key: &'static str,
        label: &'static str,
        get: fn(&F) -> &String,
        get_mut: fn(&mut F) -> &mut String,
    ) -> Self {
        Field::new(key, label, FieldKind::Line, Lens::Text(get, get_mut)).look(Look::Heading)
    }

    /// A field of several lines holding the customer's own words, shown quoted.
    pub const fn quote(
        key: &'static str,
        label: &'static str,
        get: fn(&F) -> &String,
        get_mut: fn(&mut F) -> &mut String,
    ) -> Self {
        Field::new(key, label, FieldKind::Text, Lens::Text(get, get_mut)).look(Look::Quote)
    }

    const fn look(mut self, look: Look) -> Self {
        self.look = look;
        self
    }

    /// The field's value in `form`.
    pub fn value<'a>(&self, form: &'a F) -> Value<'a> {
        match self.lens {
            Lens::Text(get, _) => Value::Text(get(form)),
            Lens::Choice(get, _) => {
                let choice = get(form);
                Value::Choice {
                    words: choice.words(),
                    index: choice.index(),
                }
            }
        }
    }

    /// Sets a text field to `text`; a choice field is left alone.
    pub fn set_text(&self, form: &mut F, text: String) {
        if let Lens::Text(_, get_mut) = self.lens {
            *get_mut(form) = text;
        }
    }

    /// Sets a choice field to its `index`th word; a text field is left alone.
    pub fn set_index(&self, form: &mut F, index: usize) {
        if let Lens::Choice(_, get_mut) = self.lens {
            get_mut(form).pick(index);
        }
    }

    /// Sets the field from a word as written in the file: text as it is, a choice by its
    /// word, refused when the word is not one of them.
    pub fn set_word(&self, form: &mut F, word: &str) -> Result<(), EditError> {
        match self.lens {
            Lens::Text(_, get_mut) => *get_mut(form) = word.to_owned(),
            Lens::Choice(_, get_mut) => {
                let choice = get_mut(form);
                let options = choice.words();
                let index = options.iter().position(|o| *o == word.trim());
                let index = index.ok_or(EditError::BadChoice {
                    field: self.label,
                    options,
                })?;
                choice.pick(index);
            }
        }
        Ok(())
    }

    /// Trims a text field as saved: a line on both ends, longer text at the end only.
    fn tidy(&self, form: &mut F) {
        if let Lens::Text(_, get_mut) = self.lens {
            let text = get_mut(form);
            let kept = match self.kind {
                FieldKind::Line => text.trim(),
                _ => text.trim_end(),
            };
            if kept.len() != text.len() {
                *text = kept.to_owned();
            }
        }
    }
}

/// A typed form: a plain struct with one named field per editable field of a record.
/// The blank form (a new record's) is its `Default`.
pub trait Form: Clone + Default + PartialEq + 'static {
    /// The fields, in editing order. The first is the record's title and is required.
    const FIELDS: &'static [Field<Self>];

    /// The field named `key` in the file.
    fn field(key: &str) -> Option<&'static Field<Self>> {
        Self::FIELDS.iter().find(|f| f.key == key)
    }

    /// Sets field `key` from a word as written in the file (see [`Field::set_word`]).
    fn set(&mut self, key: &str, word: &str) -> Result<(), EditError> {
        let field = Self::field(key).ok_or_else(|| EditError::NoSuchField(key.to_owned()))?;
        field.set_word(self, word)
    }

    /// Every field's value as text, in field order (a choice as its word).
    fn texts(&self) -> Vec<&str> {
        Self::FIELDS.iter().map(|f| f.value(self).text()).collect()
    }

    /// The form as saved: text trimmed (see [`FieldKind`]), refused when the first field
    /// is blank.
    fn tidied(self) -> Result<Self, EditError> {
        self.tidied_against(None)
    }

    /// [`Form::tidied`] for a change to a record whose form was `before`: a field left as it
    /// was is kept byte for byte (a trailing newline, a tab), only fields that changed are
    /// trimmed.
    fn tidied_against(mut self, before: Option<&Self>) -> Result<Self, EditError> {
        for field in Self::FIELDS {
            if before.is_none_or(|b| field.value(b) != field.value(&self)) {
                field.tidy(&mut self);
            }
        }
        match Self::FIELDS.first() {
            Some(first) if first.value(&self).text().is_empty() => Err(EditError::Required(first.label)),
            _ => Ok(self),
        }
    }
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The first field (text or name) was blank.
    #[error("{0} can't be empty")]
    Required(&'static str),
    /// A choice field was given a word outside its set.
    #[error("{field} must be one of: {}", .options.join(", "))]
    BadChoice {
        /// The field's label.
        field: &'static str,
        /// The words allowed.
        options: &'static [&'static str],
    },
    /// A name another entry of the list has.
    #[error("{0:?} is taken: another entry has that name")]
    Taken(String),
    /// A form has no field by this name.
    #[error("no field named {0:?}")]
    NoSuchField(String),
    /// An entry that is not there.
    #[error("no such entry")]
    NoSuchEntry,
    /// A date or time that can't be read.
    #[error("{field}: {text:?} is not a date like 2027-03-15 (or 2027-03-15 14:30 for a time)")]
    BadDate {
        /// The field's label.
        field: &'static str,
        /// What was typed.
        text: String,
    },
    /// A number that can't be read.
    #[error("{field}: {text:?} is not a whole number")]
    BadNumber {
        /// The field's label.
        field: &'static str,
        /// What was typed.
        text: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Status;
    use crate::domain::turn::TurnKind;
    use crate::domain::{Priority, Role};
    use serde::Serialize;

    /// Every value of `C`, in order, is written in the file as its word.
    fn words_are_serde_names<C: Choice + Serialize + IntoEnumIterator + VariantNames>() {
        let values: Vec<C> = C::iter().collect();
        assert_eq!(values.len(), C::VARIANTS.len());
        for (i, c) in values.iter().enumerate() {
            assert_eq!(serde_json::to_value(c).unwrap(), C::VARIANTS[i]);
            assert_eq!((c.index(), c.word()), (i, C::VARIANTS[i]));
        }
    }

    #[test]
    fn choice_words_match_the_file_format() {
        words_are_serde_names::<Priority>();
        words_are_serde_names::<Role>();
        words_are_serde_names::<Status>();
        words_are_serde_names::<TurnKind>();
        assert_eq!(Role::VARIANTS[0], "economic-buyer");
    }

    #[test]
    fn a_choice_picks_by_index_and_ignores_one_out_of_range() {
        let mut p = Priority::None;
        p.pick(3);
        assert_eq!(p, Priority::High);
        p.pick(9);
        assert_eq!(p, Priority::High);
    }
}
