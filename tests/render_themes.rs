//! The screen in each theme at 80×24: a snapshot per theme (text and styles), and the rules
//! a theme must keep: with no colour (`NO_COLOR`) not one cell is coloured, yet the selected
//! row is reverse video and the focused pane bold; the light theme uses none of the
//! terminal's own cyan, yellow or grey, which are drawn for dark schemes.

mod support;

use callbook::app::{App, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::*;

/// The sample's world screen drawn in `theme`.
fn drawn(theme: Theme) -> Buffer {
    let mut app: App = sample_app();
    app.theme = theme;
    draw_app(&mut app, (80, 24)).backend().buffer().clone()
}

/// The cell at the start of the first row whose text contains `text`.
fn row_of(buffer: &Buffer, text: &str) -> u16 {
    let width = usize::from(buffer.area.width);
    let at = buffer
        .content
        .chunks(width)
        .position(|row| row.iter().map(|c| c.symbol()).collect::<String>().contains(text))
        .unwrap_or_else(|| panic!("no row shows {text:?}"));
    u16::try_from(at).unwrap()
}

#[test]
fn each_theme_has_its_snapshot() {
    for (name, theme) in [
        ("dark", Theme::Dark),
        ("light", Theme::Light),
        ("plain", Theme::Plain),
    ] {
        insta::assert_debug_snapshot!(format!("world_80x24_{name}"), drawn(theme));
    }
}

#[test]
fn no_colour_leaves_every_cell_uncoloured_and_still_marks_selection_and_focus() {
    let buffer = drawn(Theme::Plain);
    for cell in &buffer.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // The first goal is selected in the focused Goals pane.
    let goals = row_of(&buffer, "Goals");
    let selected = &buffer[(3, goals + 1)];
    assert!(selected.modifier.contains(Modifier::REVERSED), "{selected:?}");
    let border = &buffer[(0, goals)];
    assert!(
        border.modifier.contains(Modifier::BOLD),
        "the focused border: {border:?}"
    );
    let other = buffer
        .content
        .iter()
        .find(|c| c.symbol() == "┌" && !c.modifier.contains(Modifier::BOLD));
    assert!(other.is_some(), "an unfocused pane's border is not bold");
}

#[test]
fn the_themes_differ_in_colour_only() {
    let (dark, light) = (drawn(Theme::Dark), drawn(Theme::Light));
    let mut differ = 0;
    for (d, l) in dark.content.iter().zip(&light.content) {
        assert_eq!((d.symbol(), d.modifier), (l.symbol(), l.modifier));
        differ += usize::from(d.fg != l.fg);
    }
    assert!(differ > 100, "only {differ} cells change colour");
}

#[test]
fn the_light_theme_avoids_the_colours_drawn_for_dark_schemes() {
    let glaring = [
        Color::Cyan,
        Color::Yellow,
        Color::DarkGray,
        Color::Gray,
        Color::White,
    ];
    for cell in &drawn(Theme::Light).content {
        assert!(!glaring.contains(&cell.fg), "{cell:?}");
    }
    let dark = drawn(Theme::Dark);
    assert!(
        !dark.content.iter().any(|c| c.fg == Color::DarkGray),
        "the terminal's bright black vanishes on some dark schemes"
    );
}
