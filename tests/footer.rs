//! The footer's key hints on every screen, popup and session phase, at 80 and 200 columns
//! (`TestBackend`): each hint shown is whole and from a scope in force, in priority order,
//! none left out that would have fit, and the key that opens help is there wherever a key
//! opens help, last.

mod support;

use callbook::app::keymap::key_label;
use callbook::app::{Action, App, Keymap, Overlay, Scope, update};
use callbook::ui::theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Line;
use std::time::Duration;
use support::*;

fn cells(text: &str) -> usize {
    Line::raw(text).width()
}

/// The footer (the last row) drawn at `width`, as text, with the column of each byte.
fn footer(app: &mut App, width: u16) -> (String, Vec<u16>, Buffer) {
    update(app, Action::Resize(width, 24));
    let mut terminal = Terminal::new(TestBackend::new(width, 24)).unwrap();
    terminal.draw(|frame| callbook::ui::render(frame, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let (mut text, mut xs, mut skip) = (String::new(), Vec::new(), 0);
    for x in 0..width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, 23)].symbol();
        text.push_str(symbol);
        xs.extend(std::iter::repeat_n(x, symbol.len()));
        skip = cells(symbol).saturating_sub(1);
    }
    (text, xs, buffer)
}

/// What the keymap says the footer may show where the user is: the hinted rows of the
/// scopes in force, most specific first, and apart the row of the key that opens help.
fn expected(app: &App) -> (Vec<String>, Option<String>) {
    let scopes = app.scopes();
    let single = matches!(&app.overlay, Some(Overlay::Choose(c)) if !c.multi());
    let toggle = app.keys.key(Scope::Choose, &Action::Toggle);
    let help = scopes.iter().find_map(|&s| {
        let b = app
            .keys
            .bindings()
            .iter()
            .find(|b| b.scope == s && b.action == Action::Help)?;
        Some(format!("{} {}", key_label(b.key), b.help))
    });
    let rows = scopes
        .iter()
        .flat_map(|&s| app.keys.help_rows(s, true))
        .filter(|(key, _)| !(single && *key == toggle))
        .map(|(key, words)| format!("{key} {words}"))
        .filter(|hint| Some(hint) != help.as_ref())
        .collect();
    (rows, help)
}

/// The sample with a fixed timer, so sessions draw the same every time.
fn sample() -> App {
    let mut app = sample_app();
    app.ticks = || Duration::from_secs(42);
    app
}

fn with(keys: &str) -> App {
    let mut app = sample();
    press(&mut app, keys);
    app
}

/// Every place the footer can be, by name.
fn places() -> Vec<(&'static str, App)> {
    let answer = "<Enter>What would the board need to see?<C-s>";
    let mut single = with("2<Tab><Enter><Tab>");
    // The question just added is the selected one (the sample has a plan of its own).
    let wb = single.workbook.as_mut().unwrap();
    let selected = wb.questions.current_question().unwrap();
    wb.doc.account.questions[selected].answer = "Pharma first".into();
    press(&mut single, "w");
    vec![
        ("picker", empty_app()),
        ("world", sample()),
        ("questions", with("2")),
        ("rehearse", with("3")),
        ("editor", with("a")),
        ("filter", with("/")),
        ("confirm", with("adraft<Esc>")),
        ("chooser", with("3l")),
        ("single chooser", single),
        ("help", with("?")),
        ("answer", with("3<Enter>")),
        ("grade", with(&format!("3{answer}"))),
        ("flip", with(&format!("3{answer}f"))),
        ("done", done()),
    ]
}

/// A session on the first turn, answered and graded (its follow-ups too) until it is done.
fn done() -> App {
    let mut app = with("3<Enter>");
    for _ in 0..5 {
        if app.scopes() == [Scope::Answer] {
            press(&mut app, "It depends on the board<C-s>3");
        }
    }
    app
}

#[test]
fn every_place_is_reached() {
    let places = places();
    let scopes: Vec<Scope> = places.iter().map(|(_, app)| app.scopes()[0]).collect();
    for scope in [
        Scope::Editor,
        Scope::Filter,
        Scope::Confirm,
        Scope::Choose,
        Scope::Help,
    ] {
        assert!(scopes.contains(&scope), "no place in {scope:?}");
    }
    for scope in [
        Scope::Answer,
        Scope::Grade,
        Scope::Flip,
        Scope::Done,
        Scope::Picker,
    ] {
        assert!(scopes.contains(&scope), "no place in {scope:?}");
    }
    let single = &places
        .iter()
        .find(|(name, _)| *name == "single chooser")
        .unwrap()
        .1;
    assert!(matches!(&single.overlay, Some(Overlay::Choose(c)) if !c.multi()));
}

#[test]
fn hints_are_whole_in_order_and_none_is_left_out_that_fits() {
    for (name, mut app) in places() {
        for width in [80, 100, 200] {
            let (text, _, _) = footer(&mut app, width);
            let (rows, help) = expected(&app);
            let mut shown: Vec<&str> = text.trim().split("  ").filter(|s| !s.is_empty()).collect();
            if let Some(help) = &help {
                assert_eq!(shown.pop(), Some(help.as_str()), "{name} at {width}: {text}");
            }
            let found: Vec<usize> = shown
                .iter()
                .map(|h| rows.iter().position(|r| r == h))
                .map(|at| at.unwrap_or_else(|| panic!("{name} at {width}: a hint is cut: {text}")))
                .collect();
            assert!(
                found.windows(2).all(|w| w[0] < w[1]),
                "{name}: out of order: {text}"
            );
            assert_eq!(
                found.first(),
                Some(&0),
                "{name}: the first hint is left out: {text}"
            );
            let used = cells(text.trim_end());
            for row in rows
                .iter()
                .enumerate()
                .filter(|(i, _)| !found.contains(i))
                .map(|(_, r)| r)
            {
                let fits = used + 2 + cells(row) <= usize::from(width);
                assert!(!fits, "{name} at {width}: {row:?} was left out but fits: {text}");
            }
            if width == 200 {
                assert_eq!(found.len(), rows.len(), "{name}: all fit at 200: {text}");
            }
        }
    }
}

#[test]
fn the_help_key_shows_last_wherever_a_key_opens_help() {
    let help = format!("{} help", Keymap::default().key(Scope::Global, &Action::Help));
    let mut opened = Vec::new();
    for (name, mut app) in places() {
        let scopes = app.scopes();
        let opens = app
            .keys
            .bindings()
            .iter()
            .any(|b| scopes.contains(&b.scope) && b.action == Action::Help);
        for width in [80, 200] {
            let (text, _, _) = footer(&mut app, width);
            assert_eq!(
                text.trim_end().ends_with(&help),
                opens,
                "{name} at {width}: {text}"
            );
        }
        if opens {
            opened.push(name);
        }
    }
    for name in ["picker", "world", "questions", "rehearse", "grade", "done"] {
        assert!(opened.contains(&name), "no key opens help on {name}");
    }
}

#[test]
fn keys_are_drawn_as_keys_and_words_as_words() {
    let (key, words) = (theme::key().fg.unwrap(), theme::dim().fg.unwrap());
    for (name, mut app) in places() {
        let (text, xs, buffer) = footer(&mut app, 200);
        let mut at = 0;
        for hint in text.trim().split("  ").filter(|s| !s.is_empty()) {
            let start = at + text[at..].find(hint).unwrap();
            let space = start + hint.find(' ').unwrap();
            assert_eq!(buffer[(xs[start], 23)].fg, key, "{name}: {hint}");
            assert_eq!(buffer[(xs[space + 1], 23)].fg, words, "{name}: {hint}");
            at = start + hint.len();
        }
    }
}

#[test]
fn a_remapped_key_moves_with_its_hint() {
    let mut app = sample();
    let world = Scope::Screen(callbook::app::Screen::World);
    let plus = callbook::app::keymap::Key {
        code: ratatui::crossterm::event::KeyCode::Char('+'),
        mods: ratatui::crossterm::event::KeyModifiers::NONE,
    };
    assert!(app.keys.rebind(world, &Action::Add, plus));
    let (text, _, _) = footer(&mut app, 80);
    assert!(
        text.starts_with(" + add  "),
        "the most important hint stays first: {text}"
    );
}
