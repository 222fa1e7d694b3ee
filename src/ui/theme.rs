//! Colours and styles in one place, so every view looks alike.

use ratatui::style::{Color, Modifier, Style};

/// Borders and titles of the focused pane, tabs, highlights.
pub const ACCENT: Color = Color::Cyan;

/// The focused pane's border.
pub fn focused() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

/// Borders of panes without focus.
pub fn unfocused() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The selected row of the focused list.
pub fn selected() -> Style {
    Style::new()
        .bg(ACCENT)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

/// The selected row of a list without focus.
pub fn selected_idle() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// Labels, hints, secondary text.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Keys in hints and help.
pub fn key() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

/// Errors and damaged files.
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// Good news: saved.
pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

/// The customer's own words.
pub fn quote() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::ITALIC)
}

/// Headings.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
