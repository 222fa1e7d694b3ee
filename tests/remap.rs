//! A remapped key changes everything that names it: what the key does, help, the footer,
//! and every message and hint (they all ask the keymap, never name a key by hand).

mod support;

use callbook::app::keymap::Key;
use callbook::app::{Action, App, Scope, Screen, update};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn plain(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

/// The account with `add` rebound from `a` to `+` on the world screen.
fn remapped(mut app: App) -> App {
    let world = Scope::Screen(Screen::World);
    assert!(app.keys.rebind(world, &Action::Add, plain('+')));
    app
}

#[test]
fn a_remapped_key_is_named_in_every_message_that_mentions_it() {
    let mut app = remapped(acme_app());
    // The hint on arriving at the screen, and the empty panes' prompts.
    update(&mut app, Action::Screen(2));
    update(&mut app, Action::Screen(1));
    assert!(app.status.text.contains("+ adds"), "{:?}", app.status);
    assert!(!app.status.text.contains("a adds"), "{:?}", app.status);
    let text = screen_text(&mut app, (100, 30));
    assert!(text.contains("+ adds a goal"), "{text}");
    assert!(!text.contains("a adds"), "{text}");
    // The footer names the new key, and the empty-pane message of edit does too.
    let footer = text.lines().last().unwrap();
    assert!(footer.contains("+ add"), "{footer}");
    press(&mut app, "<Enter>");
    assert!(app.status.text.contains("+ adds an entry"), "{:?}", app.status);
}

#[test]
fn the_remapped_key_does_the_work_and_the_old_one_no_longer_does() {
    let mut app = remapped(acme_app());
    press(&mut app, "a");
    assert!(app.overlay.is_none(), "a still adds");
    press(&mut app, "+Grow<C-s>");
    assert_eq!(app.workbook.as_ref().unwrap().doc.account.world.goals.len(), 1);
}

#[test]
fn help_lists_the_remapped_key() {
    let mut app = remapped(acme_app());
    press(&mut app, "?");
    let text = screen_text(&mut app, (100, 30));
    let row = text
        .lines()
        .find(|l| l.contains(" add ") || l.ends_with(" add"))
        .unwrap_or("");
    assert!(
        text.lines().any(|l| l.contains("  +  ") && l.contains("add")),
        "{text}"
    );
    assert!(!row.contains("  a  "), "{row}");
}

#[test]
fn undo_remapped_changes_the_delete_message() {
    let mut app = sample_app();
    assert!(app.keys.rebind(Scope::Global, &Action::Undo, plain('z')));
    press(&mut app, "d");
    assert!(app.status.text.contains("(z undoes)"), "{:?}", app.status);
    let goals = app.workbook.as_ref().unwrap().doc.account.world.goals.len();
    press(&mut app, "z");
    let after = app.workbook.as_ref().unwrap().doc.account.world.goals.len();
    assert_eq!(after, goals + 1, "z undid the delete");
}

#[test]
fn help_words_that_mention_a_key_follow_its_remap() {
    let mut app = sample_app();
    assert!(app.keys.rebind(Scope::Global, &Action::Undo, plain('z')));
    let text = screen_text(&mut app, (100, 30));
    let footer = text.lines().last().unwrap();
    assert!(footer.contains("delete (z undoes)"), "{footer}");
    assert!(!footer.contains("u undoes"), "{footer}");
}
