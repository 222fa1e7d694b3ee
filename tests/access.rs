//! Access is enforced in one place (`Ctx::change` and the access mode): every key of the
//! keymap, pressed on every screen of an account that may not change, and followed by the
//! keys that would commit whatever it opened, leaves the account as it was.

mod support;

use callbook::app::keymap::Binding;
use callbook::app::{Access, App, Effect, Overlay, update};
use ratatui::crossterm::event::KeyEvent;
use support::*;

/// Keys that commit what a key opened: type, save (twice, for the linter's question), tick
/// and keep a choice, answer yes.
const COMMIT: &str = "x<C-s><C-s> <Enter>y";

/// The sample account, opened with `access`, on the screen a digit names, with the
/// rehearsal screen's first turn ready and the questions screen's bank focused if asked.
fn opened(access: Access, keys: &str) -> App {
    let mut app = sample_app();
    app.workbook.as_mut().unwrap().doc.access = access;
    press(&mut app, keys);
    app
}

fn key_event(b: &Binding) -> KeyEvent {
    KeyEvent::new(b.key.code, b.key.mods)
}

/// Presses `b` and then the commit keys; returns the effects and whether the account changed.
fn try_binding(access: Access, setup: &str, b: &Binding) -> (bool, Vec<Effect>) {
    let mut app = opened(access, setup);
    let before = app.workbook.as_ref().unwrap().doc.account.clone();
    let mut effects = Vec::new();
    if let Some(action) = callbook::app::keymap::action_for_key(&app, key_event(b)) {
        effects.extend(update(&mut app, action));
    }
    effects.extend(press(&mut app, COMMIT));
    // Review mode may write comments, and only comments: the plan must be as it was.
    let content = |a: &callbook::domain::Account| {
        let mut a = a.clone();
        if access == Access::Review {
            a.comments.clear();
        }
        a
    };
    let changed = app.workbook.as_ref().is_some_and(|wb| {
        let commented = access == Access::Review && wb.doc.account.comments.len() > before.comments.len();
        content(&wb.doc.account) != content(&before) || (wb.doc.dirty && !commented)
    });
    (changed, effects)
}

/// Every binding that applies after `setup`, tried one by one on a fresh app.
fn walk(access: Access, setup: &str) -> usize {
    let app = opened(access, setup);
    assert!(app.overlay.is_none(), "{setup:?} left a popup open");
    let scopes = app.scopes();
    let mut tried = 0;
    for b in app.keys.bindings().iter().filter(|b| scopes.contains(&b.scope)) {
        let (changed, _) = try_binding(access, setup, b);
        assert!(
            !changed,
            "{access:?}: {setup:?} then {:?} ({}) changed the account",
            b.key, b.help
        );
        tried += 1;
    }
    tried
}

/// Where to stand before pressing each key: every screen and list of an account, and a
/// rehearsal session at each of its phases.
const PLACES: &[&str] = &[
    "",                                     // the world, goals focused
    "<Tab><Tab><Tab><Tab>",                 // the world, people focused
    "2",                                    // questions, the plan
    "2<Tab>",                               // questions, the bank
    "3",                                    // the turn list
    "4",                                    // the call screen: their tasks
    "4<Tab>",                               // the call screen: the calls
    "5",                                    // review: the scorecard
    "5<Tab>",                               // review: the comments
    "3<Enter>",                             // a session: answering
    "3<Enter>What is it costing you?<C-s>", // a session: the checks
];

#[test]
fn nothing_changes_an_account_in_review_or_from_a_newer_callbook() {
    for access in [Access::Review, Access::NewerSchema(9)] {
        let tried: usize = PLACES.iter().map(|place| walk(access, place)).sum();
        assert!(tried > 60, "{access:?}: only {tried} keys tried");
    }
}

#[test]
fn the_same_walk_in_edit_mode_does_change_the_account() {
    // The walk can fail: in edit mode the same keys change the account.
    let changed = PLACES
        .iter()
        .flat_map(|place| {
            let app = opened(Access::Edit, place);
            let scopes = app.scopes();
            let bindings: Vec<Binding> = app.keys.bindings().to_vec();
            bindings
                .into_iter()
                .filter(move |b| scopes.contains(&b.scope))
                .map(move |b| try_binding(Access::Edit, place, &b).0)
        })
        .filter(|changed| *changed)
        .count();
    assert!(changed > 15, "only {changed} keys changed an editable account");
}

#[test]
fn a_refused_edit_says_why_and_opens_no_editor() {
    let mut app = opened(Access::Review, "");
    press(&mut app, "a");
    assert!(app.overlay.is_none());
    assert!(
        app.status.error && app.status.text.contains("Review"),
        "{:?}",
        app.status
    );
    let mut app = opened(Access::NewerSchema(9), "2");
    press(&mut app, "a");
    assert!(!matches!(app.overlay, Some(Overlay::Editor(_))));
    assert!(app.status.text.contains("schema 9"), "{:?}", app.status);
}
