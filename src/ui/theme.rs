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

/// The selected row of the focused list: reverse video in the accent colour, so it shows
/// also where colours don't (`NO_COLOR`, a monochrome terminal).
pub fn selected() -> Style {
    Style::new()
        .fg(ACCENT)
        .add_modifier(Modifier::REVERSED | Modifier::BOLD)
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

/// The style of a piece of reading text.
pub fn tone(tone: crate::app::reading::Tone) -> Style {
    use crate::app::reading::Tone;
    match tone {
        Tone::Plain => Style::new(),
        Tone::Heading => heading(),
        Tone::Dim => dim(),
        Tone::Quote => quote(),
        Tone::Good => ok(),
        Tone::Warn => Style::new().fg(Color::Yellow),
        Tone::Bad => error(),
        Tone::Key => key(),
    }
}
