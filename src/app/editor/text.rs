//! [`TextField`], the one wrapper around `ratatui-textarea`: soft wrap, and control
//! characters cleaned on the way in. What is shown is cleaned; what is kept is not: a field
//! nobody typed in gives back its text exactly as it came (CR, tabs, a trailing newline),
//! so opening and closing an editor changes nothing and asks nothing.

use crate::app::Action;
use crate::app::keymap::fixed;
use crate::domain::text::clean;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// A text box: one line (prompts, filters, short fields) or several (notes).
#[derive(Clone, Debug)]
pub struct TextField {
    // Boxed: a text area is large and forms hold several.
    area: Box<TextArea<'static>>,
    multiline: bool,
    /// The text as it came, given back until the first change.
    original: String,
    /// True once a key or a paste changed the text.
    edited: bool,
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
        let original = text.to_owned();
        let text = clean(text, multiline);
        let lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_owned).collect()
        } else {
            vec![text.into_owned()]
        };
        let mut area = TextArea::new(lines);
        // One-line fields wrap too, so a long line shows whole while it is typed.
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        // Not the widget's light blue: every colour comes from the theme, and none here.
        area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED));
        area.set_tab_length(2);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextField {
            area: Box::new(area),
            multiline,
            original,
            edited: false,
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
        let changed = self.area.input(key);
        self.edited |= changed;
        changed
    }

    /// Inserts pasted text at the cursor; a one-line box turns line breaks into spaces.
    /// Control characters are cleaned as for any text from outside.
    pub fn paste(&mut self, text: &str) -> bool {
        // Terminals send line breaks in a paste as \r, \r\n or \n.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = clean(&text, self.multiline);
        let changed = self.area.insert_str(text);
        self.edited |= changed;
        changed
    }

    /// Applies a typed key or a paste; other actions are not text. True when the text changed.
    pub fn apply(&mut self, action: &Action) -> bool {
        match action {
            Action::Input(key) => self.input(*key),
            Action::Paste(text) => self.paste(text),
            _ => false,
        }
    }

    /// The text, lines joined with `\n`; until the first change, exactly the text the box
    /// was made with, however it is shown.
    pub fn text(&self) -> String {
        if self.edited {
            // A bidi or zero-width character shown as its mark goes back as the character.
            crate::domain::text::unmark(&self.area.lines().join("\n")).into_owned()
        } else {
            self.original.clone()
        }
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
