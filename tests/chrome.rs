//! The frame at 80×24 and wider, on ratatui's `TestBackend`: every tab shows however long
//! the account's name; a long message is cut with `…` before the save state and help shows
//! it in full; the styles that carry meaning (the current tab, errors, the save state).

mod support;

use callbook::app::{Access, Action, App, Scope, Screen, Status, update};
use callbook::domain::Account;
use callbook::ui::theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::text::Line;
use support::*;

/// The app drawn at `width` × `height`.
fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| callbook::ui::render(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` as text (the cells a wide character covers skipped), with the column each
/// byte of the text was drawn at.
fn row(buffer: &Buffer, y: u16) -> (String, Vec<u16>) {
    let (mut text, mut xs, mut skip) = (String::new(), Vec::new(), 0);
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        xs.extend(std::iter::repeat_n(x, symbol.len()));
        skip = cells(symbol).saturating_sub(1);
    }
    (text, xs)
}

fn cells(text: &str) -> usize {
    Line::raw(text).width()
}

/// The foreground colour of the cell where `needle` starts on row `y`.
fn fg_at(buffer: &Buffer, y: u16, needle: &str) -> Color {
    let (text, xs) = row(buffer, y);
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    buffer[(xs[at], y)].fg
}

/// Every tab as the screen table names it.
fn tabs() -> Vec<String> {
    Screen::all()
        .map(|s| format!("{} {}", s.number(), s.title()))
        .collect()
}

#[test]
fn every_tab_shows_however_long_the_name() {
    let names = [
        "Harbor Mills Regional Cold Storage and Distribution Partners".to_owned(),
        "Ashcombe Cold Freight ".repeat(6),
        "東京冷蔵物流株式会社".repeat(6),
        "🍣🚚 Sushi Logistics ".repeat(8),
    ];
    // Everything of the header but the name: measured with a one-letter name.
    let mut short = app_with(Account::new("X", noon()));
    let (header, _) = row(&draw(&mut short, 200, 24), 0);
    let rest = cells(header.trim_end()) - 1;
    for name in &names {
        let name = name.trim();
        assert!(cells(name) >= 60, "{name} is meant to be long");
        for width in [80, 100, 200] {
            let mut app = app_with(Account::new(name, noon()));
            let (header, _) = row(&draw(&mut app, width, 24), 0);
            for tab in tabs() {
                assert!(header.contains(&tab), "tab {tab:?} missing at {width}: {header}");
            }
            let head: String = name.chars().take(4).collect();
            assert!(header.contains(&head), "the name's start is shown: {header}");
            if cells(name) + rest > usize::from(width) {
                assert!(header.contains('…') && !header.contains(name), "{header}");
            } else if width == 200 {
                assert!(header.contains(name), "room for all of it at 200: {header}");
            }
            assert_eq!(cells(&header), usize::from(width), "{header}");
        }
    }
}

#[test]
fn a_short_name_is_whole_and_the_current_tab_is_marked() {
    let mut app = acme_app();
    press(&mut app, "2");
    let buffer = draw(&mut app, 80, 24);
    let (header, _) = row(&buffer, 0);
    assert!(header.contains("Acme") && !header.contains('…'), "{header}");
    let (text, xs) = row(&buffer, 0);
    for (screen, tab) in Screen::all().zip(tabs()) {
        let cell = &buffer[(xs[text.find(&tab).unwrap()], 0)];
        let marked = carries(cell, theme::selected());
        assert_eq!(marked, screen == Screen::Questions, "{tab}: {cell:?}");
    }
}

/// True when `cell` is drawn in `style`: its colours (those the style sets) and modifiers.
fn carries(cell: &ratatui::buffer::Cell, style: ratatui::style::Style) -> bool {
    style.fg.is_none_or(|fg| cell.fg == fg)
        && style.bg.is_none_or(|bg| cell.bg == bg)
        && cell.modifier.contains(style.add_modifier)
}

/// A message longer than any status line, its last word unique.
fn long_error() -> String {
    let path = "/home/rep/.local/share/callbook/accounts/harbor-mills-k3j4h5.json";
    format!("Could not save {path}: permission denied while writing near Keighley")
}

/// The status line of an 80×24 frame, and the whole buffer.
fn status_row(app: &mut App) -> (String, Buffer) {
    let buffer = draw(app, 80, 24);
    (row(&buffer, 22).0, buffer)
}

/// Puts the open account in a save state.
type SetUp = fn(&mut App);

#[test]
fn a_long_message_is_cut_before_every_save_state() {
    let states: [(&str, SetUp); 5] = [
        ("unsaved", |app| doc(app).dirty = true),
        ("saved", |app| doc(app).saved_once = true),
        ("NOT SAVED", |app| doc(app).save_error = Some("disk full".into())),
        ("review", |app| doc(app).access = Access::Review),
        ("read-only", |app| doc(app).access = Access::NewerSchema(9)),
    ];
    let help = callbook::app::Keymap::default().key(Scope::Global, &Action::Help);
    for (word, set) in states {
        let mut app = sample_app();
        set(&mut app);
        app.status = Status::failure(long_error());
        let (line, buffer) = status_row(&mut app);
        assert!(line.trim_end().ends_with(word), "{word}: {line}");
        let at = line.rfind(word).unwrap();
        let cut = line.find('…').unwrap_or_else(|| panic!("not cut: {line}"));
        assert!(cut < at && !line.contains("Keighley"), "{line}");
        let between = &line[cut + '…'.len_utf8()..at];
        assert!(between.ends_with(' '), "the message touches {word}: {line}");
        assert!(between.contains(&format!(" {help} ")), "no help key: {line}");
        assert!(line.starts_with(" Could not save"), "{line}");
        assert_eq!(fg_at(&buffer, 22, "Could"), theme::error().fg.unwrap());
        let state_fg = if word == "saved" {
            theme::ok()
        } else if word == "review" {
            theme::key()
        } else {
            theme::error()
        };
        assert_eq!(fg_at(&buffer, 22, word), state_fg.fg.unwrap(), "{word}");
    }
}

fn doc(app: &mut App) -> &mut callbook::app::Document {
    &mut app.workbook.as_mut().unwrap().doc
}

#[test]
fn a_message_that_fits_is_whole_and_plain() {
    let mut app = sample_app();
    doc(&mut app).dirty = true;
    app.status = Status::info("Added a goal");
    let (line, buffer) = status_row(&mut app);
    assert!(line.starts_with(" Added a goal "), "{line}");
    assert!(!line.contains('…'), "{line}");
    assert_ne!(fg_at(&buffer, 22, "Added"), theme::error().fg.unwrap());
}

#[test]
fn a_long_filter_is_cut_too_and_keeps_clear_of_the_message() {
    let mut app = sample_app();
    press(&mut app, "/");
    press(&mut app, &"reefer trailers and cold chain ".repeat(3));
    doc(&mut app).dirty = true;
    app.status = Status::failure(long_error());
    let (line, _) = status_row(&mut app);
    assert!(line.trim_end().ends_with("unsaved"), "{line}");
    let filter = line
        .find("filter: ")
        .unwrap_or_else(|| panic!("no filter: {line}"));
    let message_cut = line.find('…').unwrap();
    assert!(message_cut < filter && line[..filter].ends_with(' '), "{line}");
    assert!(line[filter..].contains('…'), "the filter is cut: {line}");
}

#[test]
fn help_shows_a_cut_message_in_full_and_scrolls_to_its_last_line() {
    let mut app = sample_app();
    let words: Vec<String> = (0..40).map(|i| format!("word{i:02}")).collect();
    let message = format!("{}\nsecond line {}", words[..30].join(" "), words[30..].join(" "));
    app.status = Status::failure(message);
    press(&mut app, "?");
    let buffer = draw(&mut app, 80, 24);
    let text: String = (0..24).map(|y| row(&buffer, y).0 + "\n").collect();
    assert!(text.contains("Last message"), "{text}");
    for word in &words {
        assert!(text.contains(word.as_str()), "{word} not in help:\n{text}");
    }
    let (y, _) = (0..24)
        .map(|y| (y, row(&buffer, y).0))
        .find(|(_, r)| r.contains("word00"))
        .unwrap();
    assert_eq!(fg_at(&buffer, y, "word00"), theme::error().fg.unwrap());
    press(&mut app, &"j".repeat(300));
    assert_help_ends_at_its_last_line(&draw(&mut app, 80, 24));
}

/// Help, scrolled to the end, shows its last line just above its bottom border.
fn assert_help_ends_at_its_last_line(buffer: &Buffer) {
    // The last line of help says how to remap keys.
    let last = "Your own keys: `callbook config keys`".to_owned();
    let found = (0..buffer.area.height).find_map(|y| {
        let (text, xs) = row(buffer, y);
        text.find(&last).map(|at| (xs[at], y))
    });
    let (x, y) = found.unwrap_or_else(|| panic!("help stops short of its last line"));
    let corner = buffer[(x - 1, y + 1)].symbol();
    assert_eq!(corner, "└", "help scrolls past its last line");
}

#[test]
fn help_leaves_out_a_message_the_status_line_shows_whole() {
    let mut app = sample_app();
    app.status = Status::info("Added a goal");
    press(&mut app, "?");
    let buffer = draw(&mut app, 80, 24);
    let text: String = (0..24).map(|y| row(&buffer, y).0 + "\n").collect();
    assert!(!text.contains("Last message"), "{text}");
    press(&mut app, &"j".repeat(300));
    assert_help_ends_at_its_last_line(&draw(&mut app, 80, 24));
}
