//! Colours and styles in one place, so every view looks alike, and every colour comes from
//! the palette of the theme in force ([`Theme`], chosen at start by `--theme`, the settings
//! and `NO_COLOR`).
//!
//! The theme is the app's state (`App::theme`); [`crate::ui::render`] puts it in force for
//! the frame it draws ([`use_theme`]), so a view stays a function of the app and the style
//! helpers below need no argument. Meaning never rests on colour alone: the selected row
//! is reverse video and the focused pane bold in every theme, so [`Theme::Plain`] (no
//! colour at all) reads as well as the others.

use crate::app::Theme;
use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;

/// The colours of one theme. `None` leaves the terminal's own colour.
struct Palette {
    /// Borders and titles of the focused pane, tabs, keys, highlights.
    accent: Option<Color>,
    /// Labels, hints, secondary text.
    faint: Option<Color>,
    /// Errors.
    bad: Option<Color>,
    /// Good news.
    good: Option<Color>,
    /// The customer's own words.
    quote: Option<Color>,
    /// Warnings.
    warn: Option<Color>,
}

/// For a dark background. The faint grey is a fixed mid grey of the 256-colour cube, not
/// the terminal's "bright black", which some dark schemes draw in their background colour.
const DARK: Palette = Palette {
    accent: Some(Color::Cyan),
    faint: Some(Color::Indexed(245)),
    bad: Some(Color::Red),
    good: Some(Color::Green),
    quote: Some(Color::Yellow),
    warn: Some(Color::Yellow),
};

/// For a light background: darker fixed colours of the 256-colour cube, because the
/// terminal's cyan, yellow and grey are drawn for dark schemes and glare on white.
const LIGHT: Palette = Palette {
    accent: Some(Color::Indexed(25)),
    faint: Some(Color::Indexed(242)),
    bad: Some(Color::Indexed(160)),
    good: Some(Color::Indexed(28)),
    quote: Some(Color::Indexed(94)),
    warn: Some(Color::Indexed(130)),
};

/// No colour (`NO_COLOR`): attributes only.
const PLAIN: Palette = Palette {
    accent: None,
    faint: None,
    bad: None,
    good: None,
    quote: None,
    warn: None,
};

thread_local! {
    /// The theme the frame being drawn on this thread uses.
    static IN_USE: Cell<Theme> = const { Cell::new(Theme::Dark) };
}

/// Puts `theme` in force for what this thread draws next.
pub fn use_theme(theme: Theme) {
    IN_USE.with(|t| t.set(theme));
}

/// The palette in force.
fn palette() -> &'static Palette {
    match IN_USE.with(Cell::get) {
        Theme::Dark => &DARK,
        Theme::Light => &LIGHT,
        Theme::Plain => &PLAIN,
    }
}

/// A style with `color` as its foreground, if there is one.
fn fg(color: Option<Color>) -> Style {
    color.map_or_else(Style::new, |c| Style::new().fg(c))
}

/// True when the theme in force has no colours, so faint text is dimmed instead.
fn plain() -> bool {
    palette().accent.is_none()
}

/// The focused pane's border.
pub fn focused() -> Style {
    fg(palette().accent).add_modifier(Modifier::BOLD)
}

/// Borders of panes without focus.
pub fn unfocused() -> Style {
    dim()
}

/// The selected row of the focused list: reverse video in the accent colour, so it shows
/// also where colours don't (`NO_COLOR`, a monochrome terminal).
pub fn selected() -> Style {
    fg(palette().accent).add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

/// The selected row of a list without focus.
pub fn selected_idle() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// Labels, hints, secondary text: faint grey, or dimmed where there is no colour.
pub fn dim() -> Style {
    if plain() {
        Style::new().add_modifier(Modifier::DIM)
    } else {
        fg(palette().faint)
    }
}

/// Keys in hints and help.
pub fn key() -> Style {
    fg(palette().accent).add_modifier(Modifier::BOLD)
}

/// Errors and damaged files.
pub fn error() -> Style {
    fg(palette().bad).add_modifier(Modifier::BOLD)
}

/// Good news: saved.
pub fn ok() -> Style {
    fg(palette().good)
}

/// The customer's own words.
pub fn quote() -> Style {
    fg(palette().quote).add_modifier(Modifier::ITALIC)
}

/// Warnings.
pub fn warn() -> Style {
    fg(palette().warn)
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
        Tone::Warn => warn(),
        Tone::Bad => error(),
        Tone::Key => key(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every style helper, for checks that hold for all of them.
    fn all() -> [Style; 11] {
        [
            focused(),
            unfocused(),
            selected(),
            selected_idle(),
            dim(),
            key(),
            error(),
            ok(),
            quote(),
            warn(),
            heading(),
        ]
    }

    #[test]
    fn the_plain_theme_has_no_colour_but_keeps_selection_and_focus() {
        use_theme(Theme::Plain);
        for style in all() {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(selected().add_modifier.contains(Modifier::REVERSED));
        assert!(focused().add_modifier.contains(Modifier::BOLD));
        assert_ne!(dim(), Style::new(), "faint text is still told apart");
    }

    #[test]
    fn each_theme_has_its_own_colours_and_the_same_attributes() {
        use_theme(Theme::Dark);
        let dark = all();
        use_theme(Theme::Light);
        let light = all();
        assert_eq!(dark[4].fg, Some(Color::Indexed(245)));
        assert_eq!(light[4].fg, Some(Color::Indexed(242)));
        assert_ne!(dark[0].fg, light[0].fg, "the accent differs");
        for (d, l) in dark.iter().zip(&light) {
            assert_eq!(d.add_modifier, l.add_modifier);
        }
        use_theme(Theme::Dark);
    }
}
