//! Helpers shared by the update and render tests: a fixed clock, apps in known states, and
//! a way to type keys written as text (`"a"`, `"<Enter>"`, `"<C-s>"`).
#![allow(dead_code)]

use callbook::app::{self, App, Effect, keymap};
use callbook::domain::{Account, AccountId, sample};
use callbook::effects;
use callbook::storage::{Loaded, Store};
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Noon UTC, so the local date is the same in nearly every time zone.
pub fn noon() -> DateTime<Utc> {
    "2026-11-23T12:00:00Z".parse().unwrap()
}

/// An app on the picker with no accounts.
pub fn empty_app() -> App {
    App::new(Vec::new(), noon)
}

/// An app with `account` open.
pub fn app_with(account: Account) -> App {
    let mut app = empty_app();
    let id = AccountId::parse("acme-abc123").unwrap();
    app.show(Loaded {
        id,
        account,
        newer_schema: None,
        fingerprint: 0,
    });
    app
}

/// An app with the built-in sample account open.
pub fn sample_app() -> App {
    app_with(sample::account(noon()))
}

/// An app with an empty account called "Acme" open.
pub fn acme_app() -> App {
    app_with(Account::new("Acme", noon()))
}

/// Parses `"ab<Enter><C-s>"` into key events.
pub fn parse_keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>').filter(|&e| e > 1)
        {
            out.push(named_key(&rest[1..end]));
            rest = &rest[end + 1..];
            continue;
        }
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn named_key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "BS" => plain(KeyCode::Backspace),
        "lt" => plain(KeyCode::Char('<')),
        ctrl if ctrl.starts_with("C-") => {
            KeyEvent::new(KeyCode::Char(ctrl.chars().nth(2).unwrap()), KeyModifiers::CONTROL)
        }
        other => panic!("unknown key name <{other}>"),
    }
}

/// Types keys through the keymap and `update`, returning every effect asked for.
pub fn press(app: &mut App, spec: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in parse_keys(spec) {
        if let Some(action) = keymap::action_for_key(app, key) {
            effects.extend(app::update(app, action));
        }
    }
    effects
}

/// Types keys and carries out the effects against `store`, as the event loop does.
/// Returns true when the app asked to quit.
pub fn drive(app: &mut App, store: &Store, spec: &str) -> bool {
    for key in parse_keys(spec) {
        if let Some(action) = keymap::action_for_key(app, key) {
            let asked = app::update(app, action);
            if effects::run(asked, app, store) == effects::Flow::Quit {
                return true;
            }
        }
    }
    false
}

/// Draws `app` on a `width` × `height` test terminal and returns the screen as text, one
/// line per row.
pub fn screen_text(app: &mut App, size: (u16, u16)) -> String {
    cells(&draw_app(app, size))
}

/// Draws `app` on a `width` × `height` test terminal, for tests that look at styles too.
pub fn draw_app(
    app: &mut App,
    (width, height): (u16, u16),
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    app::update(app, app::Action::Resize(width, height));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| callbook::ui::render(frame, app)).unwrap();
    terminal
}

/// Every cell's symbol of a drawn test terminal, row by row.
pub fn cells(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Team files with these offerings (id, name) and criteria (id, question); every offering
/// gets the same problem, which the linter finds nothing in.
pub fn team_of(offerings: &[(&str, &str)], criteria: &[(&str, &str)]) -> callbook::domain::team::Team {
    use callbook::domain::offering::Offering;
    use callbook::domain::sweet_spot::Criterion;
    let mut team = callbook::domain::team::Team::default();
    team.offerings.offerings = offerings
        .iter()
        .map(|(id, name)| Offering {
            id: (*id).into(),
            name: (*name).into(),
            problem: "Loads spoil before anyone knows a unit failed.".into(),
            extra: Default::default(),
        })
        .collect();
    team.sweet_spot.criteria = criteria
        .iter()
        .map(|(id, question)| Criterion {
            id: (*id).into(),
            question: (*question).into(),
            extra: Default::default(),
        })
        .collect();
    team
}
