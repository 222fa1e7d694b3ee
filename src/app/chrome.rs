//! The two one-line things every screen shares: the status line's message and the filter
//! typed after `/` (drawn by `ui/chrome.rs`).

use super::editor::LineInput;

/// A list filter typed after `/`.
#[derive(Debug, Default)]
pub struct Filter {
    /// The text typed so far.
    pub input: LineInput,
    /// True while the user is typing it.
    pub active: bool,
}

impl Filter {
    /// The filter as lower-case text ("" when none).
    pub fn needle(&self) -> String {
        self.input.text().trim().to_lowercase()
    }
}

/// The status line's message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// True for errors, shown in the error colour.
    pub error: bool,
}

impl Status {
    /// A message.
    pub fn info(text: impl Into<String>) -> Self {
        Status {
            text: text.into(),
            error: false,
        }
    }

    /// An error.
    pub fn failure(text: impl Into<String>) -> Self {
        Status {
            text: text.into(),
            error: true,
        }
    }
}
