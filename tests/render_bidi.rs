//! Bidi controls and invisible characters in account text reach the screen inert: as
//! `⟨U+XXXX⟩` marks, never raw, on every screen and popup.

mod support;

use callbook::app::App;
use callbook::domain::{Account, AccountId, sample};
use callbook::storage::{Listing, Summary};
use serde_json::Value;
use support::*;

/// What a hostile file slips into its text: a right-to-left override, a zero-width space,
/// a byte order mark mid-text, an isolate and a soft hyphen.
const HIDDEN: &str = "\u{202e}\u{200b}\u{feff}\u{2067}\u{ad}";

/// Panics if any cell holds one of the characters in `HIDDEN`.
fn assert_inert(what: &str, screen: &str) {
    assert!(
        !screen.contains(|c| HIDDEN.contains(c)),
        "{what}: a raw invisible character reached the buffer:\n{screen}"
    );
}

/// The sample account with `HIDDEN` inside every text that can take it. Ids and links
/// (lower-case words with no spaces) are left alone, and so is any string that the account
/// no longer parses with (dates, choices).
fn hostile_sample() -> Account {
    fn strings(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::String(s)
                if !s
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:".contains(c)) =>
            {
                out.push(at)
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    strings(item, format!("{at}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    strings(
                        item,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            _ => {}
        }
    }
    let mut value = serde_json::to_value(sample::account(noon())).unwrap();
    let mut pointers = Vec::new();
    strings(&value, String::new(), &mut pointers);
    let mut changed = 0;
    for pointer in pointers {
        let Some(Value::String(s)) = value.pointer_mut(&pointer) else {
            continue;
        };
        let before = s.clone();
        let mid = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
        s.insert_str(mid, HIDDEN);
        if serde_json::from_value::<Account>(value.clone()).is_ok() {
            changed += 1;
        } else {
            *value.pointer_mut(&pointer).unwrap() = Value::String(before);
        }
    }
    assert!(changed > 50, "only {changed} texts took the hidden characters");
    serde_json::from_value(value).unwrap()
}

#[test]
fn a_reversed_name_shows_its_mark_in_the_picker_and_the_header() {
    let name = "Acme \u{202e}gnp.exe";
    let listed = Listing::Ok(Summary::of(
        AccountId::parse("acme-gnp-abc123").unwrap(),
        &Account::new(name, noon()),
    ));
    let mut picker = App::new(vec![listed], noon);
    let screen = cells(&draw_app(&mut picker, (80, 24)));
    assert_inert("picker", &screen);
    assert!(screen.contains("Acme ⟨U+202E⟩gnp.exe"), "{screen}");
    let mut app = app_with(Account::new(name, noon()));
    let terminal = draw_app(&mut app, (80, 24));
    assert_inert("world", &cells(&terminal));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn hidden_characters_in_every_text_reach_no_screen_raw() {
    let mut app = app_with(hostile_sample());
    let mut seen = Vec::new();
    let mut look = |app: &mut App, what: &str| {
        let screen = cells(&draw_app(app, (120, 40)));
        assert_inert(what, &screen);
        seen.push(screen);
    };
    look(&mut app, "world");
    for pane in ["goals", "threats", "competitors", "market", "people", "why"] {
        press(&mut app, "<Tab>");
        look(&mut app, pane);
    }
    press(&mut app, "<Enter>");
    look(&mut app, "the editor");
    press(&mut app, "<Esc>");
    for (keys, what) in [
        ("2", "questions"),
        ("<Tab>", "the bank"),
        ("3", "turns"),
        ("4", "the call"),
        ("v", "the call sheet"),
        ("<Esc>5", "review"),
        ("<Tab>", "comments"),
        ("?", "help"),
    ] {
        press(&mut app, keys);
        look(&mut app, what);
    }
    let mut app = app_with(hostile_sample());
    press(&mut app, "3<Enter>");
    look(&mut app, "a session");
    press(&mut app, "An answer<C-s>");
    look(&mut app, "the checks");
    let all = seen.concat();
    assert!(
        all.contains("⟨U+202E⟩⟨U+200B⟩⟨U+FEFF⟩⟨U+2067⟩⟨U+00AD⟩"),
        "no marks shown"
    );
}

#[test]
fn a_family_emoji_in_a_name_is_drawn_whole() {
    let mut app = app_with(Account::new("Team 👨\u{200d}👩\u{200d}👧 Foods", noon()));
    let screen = cells(&draw_app(&mut app, (80, 24)));
    assert!(!screen.contains("⟨U+200D⟩"), "{screen}");
    assert!(screen.contains('\u{200d}'), "{screen}");
}

#[test]
fn flagged_words_after_a_hidden_character_are_underlined_where_they_are() {
    let mut app = sample_app();
    press(
        &mut app,
        "3<Enter>\u{202e}\u{200b}It is a seamless fit, trust me<C-s>",
    );
    let terminal = draw_app(&mut app, (120, 40));
    let screen = cells(&terminal);
    assert_inert("the checks", &screen);
    assert!(
        screen.contains("⟨U+202E⟩⟨U+200B⟩It is a seamless fit"),
        "{screen}"
    );
    let buffer = terminal.backend().buffer();
    let underlined: String = buffer
        .content
        .iter()
        .map(
            |c| match c.modifier.contains(ratatui::style::Modifier::UNDERLINED) {
                true => c.symbol(),
                false => "|",
            },
        )
        .collect();
    let words: Vec<&str> = underlined.split('|').filter(|w| !w.is_empty()).collect();
    assert!(
        words.contains(&"seamless") && words.contains(&"trust me"),
        "{words:?}"
    );
    assert!(words.iter().all(|w| !w.contains(['⟨', '⟩'])), "{words:?}");
}
