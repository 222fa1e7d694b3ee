//! The settings file and the colours, in the real binary in a pseudo-terminal: a remapped
//! key does the work and shows in the footer, in help and in a message; a settings file with
//! a mistake starts the app with the defaults and says where the mistake is; `NO_COLOR`
//! draws no colour at all but keeps the selection in reverse video; `--theme light` draws
//! in the light palette.

mod common;

use common::Data;

const CTRL_S: &str = "\x13";

/// A data folder holding the sample account, with `settings` as the settings file.
fn sample_with(settings: &str) -> Data {
    let data = Data::new();
    data.cli(&["sample"]);
    if !settings.is_empty() {
        data.write_settings(settings);
    }
    data
}

#[test]
fn a_remapped_key_works_and_every_place_that_names_it_follows() {
    let data = sample_with("[keys.world]\nadd = \"o\"\n");
    let tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Goals (6)");
    let screen = tui.screen();
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains("o add") && !footer.contains("a add"), "{footer}");
    assert!(
        screen.contains("o adds") && !screen.contains("a adds"),
        "the message:\n{screen}"
    );
    tui.send("?");
    tui.wait_for("close help");
    let help = tui.screen();
    assert!(
        help.lines().any(|l| l.contains(" o ") && l.contains("add")),
        "{help}"
    );
    tui.send("\x1b");
    tui.wait_gone("close help");
    tui.send("a");
    tui.send("o");
    tui.wait_for("New: Goals");
    tui.send("Win the Tilbury lane");
    tui.send(CTRL_S);
    tui.wait_for("Goals (7)");
}

#[test]
fn a_settings_mistake_is_said_at_start_and_the_defaults_apply() {
    let data = sample_with("theme = \"light\"\n[keys.world]\nad = \"o\"\n");
    let tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Settings not used");
    let screen = tui.screen();
    let status = screen.lines().rev().nth(1).unwrap_or_default();
    assert!(status.contains("line 3, column 1: unknown"), "{status}");
    // Help has it in full, the file named.
    tui.send("?");
    tui.wait_for("settings.toml: line 3, column 1");
    tui.send("\x1b");
    tui.wait_gone("close help");
    // The defaults: `a` adds, and the theme is the default dark one (cyan focus).
    assert!(tui.is_accented("Goals (6)"), "{screen}");
    tui.send("a");
    tui.wait_for("New: Goals");
}

#[test]
fn no_color_draws_no_colour_and_keeps_the_selection_reversed() {
    let data = sample_with("");
    let tui = data.tui_env(100, 30, &["open", "ashcombe"], &[("NO_COLOR", "1")]);
    tui.wait_for("Goals (6)");
    let frame = tui.frame();
    let (rows, cols) = frame.size();
    let mut inverse = 0;
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let cell = frame.cell(row, col).expect("cell");
            assert_eq!(
                cell.fgcolor(),
                vt100::Color::Default,
                "({row}, {col}) {:?}",
                cell.contents()
            );
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row}, {col})");
            inverse += usize::from(cell.inverse());
        }
    }
    assert!(
        inverse > 10,
        "the selected row and tab are reverse video: {inverse} cells"
    );
}

#[test]
fn the_light_theme_comes_from_the_flag_or_the_settings() {
    let data = sample_with("theme = \"light\"\n");
    for args in [
        &["open", "ashcombe"][..],
        &["--theme", "light", "open", "ashcombe"],
    ] {
        if args.len() > 2 {
            data.write_settings("theme = \"dark\"\n");
        }
        let tui = data.tui(args);
        tui.wait_for("Goals (6)");
        let (row, col) = tui.find("Goals (6)").expect("on screen");
        let colour = tui.frame().cell(row, col).map(vt100::Cell::fgcolor);
        assert_eq!(colour, Some(vt100::Color::Idx(25)), "{args:?}");
    }
}

#[test]
fn auto_asks_a_terminal_that_answers_and_reads_a_light_background() {
    let data = sample_with("");
    let tui = data.tui_on_background(100, 30, &["open", "ashcombe"], common::WHITE);
    tui.wait_for("Goals (6)");
    let (row, col) = tui.find("Goals (6)").expect("on screen");
    let colour = tui.frame().cell(row, col).map(vt100::Cell::fgcolor);
    assert_eq!(colour, Some(vt100::Color::Idx(25)), "the light accent");
    // A terminal that can't say (it answers only DA1) gets the dark theme, without waiting.
    let dark = data.tui(&["open", "ashcombe"]);
    dark.wait_for("Goals (6)");
    assert!(dark.is_accented("Goals (6)"), "the dark accent");
}
