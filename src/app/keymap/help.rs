//! What the help overlay shows besides the keys, in outline, for the view that draws it
//! and for `update`, which stops its scrolling at the last line. Help starts with the last
//! message in full when the status line had to cut it, so the status line's split between
//! the message and the save state is decided here too: both sides ask the same functions.

use super::Keymap;
use super::Scope;
use crate::app::{App, fit};
use crate::domain::text::{clean, first_line};

/// Cells across the help overlay's text (inside its border).
pub const HELP_TEXT_WIDTH: usize = 62;

/// The words before the filter on the status line.
pub const FILTER_LABEL: &str = "filter: ";

/// Cells the status line keeps for the save state's word ("saved", "NOT SAVED"...) and
/// the space after it, whichever word it is, so a message never moves as the word changes.
pub const SAVE_WORD_CELLS: usize = 10;

impl Keymap {
    /// Lines the help overlay's text takes: `message_lines` lines of the last message (under
    /// a heading and followed by a blank line, when there are any), then per scope a heading,
    /// its rows and a blank line, then a line each about the mouse, suspending and remapping.
    pub fn help_height(&self, message_lines: usize) -> u16 {
        let rows: usize = Scope::all().map(|s| self.help_rows(s, false).len() + 2).sum();
        let message = if message_lines == 0 { 0 } else { message_lines + 2 };
        u16::try_from(rows + 3 + message).unwrap_or(u16::MAX)
    }
}

/// The status line of `width` cells split in two: cells for the message (between a blank
/// cell at the start and one before the save state) and cells for the save state (the
/// filter's words, when shown, and the save word), at most half the line.
pub fn status_split(width: usize, filter: Option<&str>) -> (usize, usize) {
    let filter = filter.map_or(0, |f| fit::width(FILTER_LABEL) + fit::width(f) + 1);
    let state = (filter + SAVE_WORD_CELLS).min(width / 2);
    (width.saturating_sub(state + 2), state)
}

/// The filter as the status line shows it: when one is typed or being typed.
pub fn shown_filter(app: &App) -> Option<String> {
    let filter = &app.workbook.as_ref()?.filter;
    let needle = filter.needle();
    (filter.active || !needle.is_empty()).then(|| first_line(&needle))
}

/// True when `message` shows whole on one line of `room` cells.
pub fn message_fits(message: &str, room: usize) -> bool {
    let mut lines = message.trim().lines();
    lines.nth(1).is_none() && fit::width(&first_line(message)) <= room
}

/// The lines help starts with: the last message in full, wrapped, when the status line (as
/// wide as the app's viewport) cuts it; none when it shows whole.
pub fn help_message(app: &App) -> Vec<String> {
    let width = usize::from(app.viewport.width);
    let (room, _) = status_split(width, shown_filter(app).as_deref());
    if message_fits(&app.status.text, room) {
        return Vec::new();
    }
    message_lines(&app.status.text)
}

/// Every line of `message`, cleaned of control characters and wrapped to
/// [`HELP_TEXT_WIDTH`] cells; none when there is no message.
pub fn message_lines(message: &str) -> Vec<String> {
    message
        .trim()
        .lines()
        .flat_map(|line| fit::wrap(&clean(line, false), HELP_TEXT_WIDTH))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_message_is_kept_cleaned_and_wrapped() {
        let lines = message_lines("first\nsecond \u{1b}[2J line\n");
        assert_eq!(lines, ["first", "second \u{fffd}[2J line"]);
        assert!(message_lines("  ").is_empty());
        let long = "word ".repeat(40);
        let lines = message_lines(&long);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(
            lines.iter().all(|l| fit::width(l) <= HELP_TEXT_WIDTH),
            "{lines:?}"
        );
    }

    #[test]
    fn a_message_fits_on_one_line_of_its_room() {
        assert!(message_fits("Saved", 5));
        assert!(!message_fits("Saved", 4));
        assert!(!message_fits("two\nlines", 80));
        assert!(message_fits("", 0));
    }

    #[test]
    fn the_filter_takes_room_from_the_message_up_to_half_the_line() {
        assert_eq!(status_split(80, None), (68, 10));
        let (room, state) = status_split(80, Some("abc"));
        assert_eq!(state, 10 + FILTER_LABEL.len() + 3 + 1);
        assert_eq!(room + state + 2, 80);
        assert_eq!(status_split(80, Some(&"x".repeat(100))), (38, 40));
    }

    #[test]
    fn the_message_adds_its_lines_and_two_more_to_help() {
        let keys = Keymap::default();
        assert_eq!(keys.help_height(3), keys.help_height(0) + 5);
    }
}
