//! Saves in the background (issue 15): the event loop's saver writes the open account on a
//! thread while typing goes on; what was typed meanwhile is saved next; a change made
//! elsewhere is merged; a save that fails leaves the file as it was, the change on screen and
//! the failure in the status line. No clocks: each test waits for the save with `finish`.

mod support;

use callbook::app::{self, App};
use callbook::domain::Account;
use callbook::effects::{Saver, run, run_with};
use callbook::storage::Store;
use support::*;

/// An app with an account of a folder open, as the event loop has it, and its saver.
fn open() -> (tempfile::TempDir, Store, App, Saver) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let id = store.create(&Account::new("Ashcombe", noon())).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    run(vec![app::Effect::Open(id)], &mut app, &store);
    (dir, store, app, Saver::default())
}

/// Types `keys` and runs what they ask through the saver, as the event loop does.
fn type_keys(app: &mut App, store: &Store, saver: &mut Saver, keys: &str) {
    for key in parse_keys(keys) {
        if let Some(action) = callbook::app::keymap::action_for_key(app, key) {
            let asked = app::update(app, action);
            run_with(asked, app, store, saver);
        }
    }
}

fn on_disk(store: &Store, app: &App) -> Account {
    store
        .load(&app.workbook.as_ref().unwrap().doc.id)
        .unwrap()
        .account
}

#[test]
fn a_save_runs_in_the_background_and_lands() {
    let (_dir, store, mut app, mut saver) = open();
    type_keys(&mut app, &store, &mut saver, "aCut spoilage claims<C-s>");
    let doc = &app.workbook.as_ref().unwrap().doc;
    assert!(saver.busy() && doc.saving, "the save runs while the app goes on");
    assert!(screen_text(&mut app, (80, 24)).contains("saving…"));
    saver.finish(&mut app, &store);
    let doc = &app.workbook.as_ref().unwrap().doc;
    assert!(!doc.dirty && !doc.saving && doc.save_error.is_none());
    assert_eq!(on_disk(&store, &app).world.goals[0].text, "Cut spoilage claims");
    assert!(screen_text(&mut app, (80, 24)).contains("saved"));
}

#[test]
fn what_is_typed_while_a_save_runs_is_saved_after_it() {
    let (_dir, store, mut app, mut saver) = open();
    type_keys(&mut app, &store, &mut saver, "aFirst goal<C-s>");
    type_keys(&mut app, &store, &mut saver, "aSecond goal<C-s>");
    saver.finish(&mut app, &store);
    let texts: Vec<String> = on_disk(&store, &app)
        .world
        .goals
        .iter()
        .map(|g| g.text.clone())
        .collect();
    assert_eq!(texts, ["First goal", "Second goal"]);
    assert!(!app.workbook.as_ref().unwrap().doc.dirty);
}

#[test]
fn a_change_made_elsewhere_meanwhile_is_merged() {
    let (_dir, store, mut app, mut saver) = open();
    let id = app.workbook.as_ref().unwrap().doc.id.clone();
    let mut theirs = store.load(&id).unwrap().account;
    theirs
        .world
        .threats
        .push(callbook::domain::Item::new("The grocery RFP", noon()));
    store.save(&id, &theirs).unwrap();
    type_keys(&mut app, &store, &mut saver, "aCut spoilage claims<C-s>");
    saver.finish(&mut app, &store);
    let a = on_disk(&store, &app);
    assert_eq!((a.world.goals.len(), a.world.threats.len()), (1, 1));
    assert_eq!(
        app.workbook.as_ref().unwrap().doc.account,
        a,
        "the app shows the merge"
    );
    assert!(app.status.text.contains("merged"), "{}", app.status.text);
}

#[test]
fn a_save_that_fails_leaves_the_file_and_keeps_the_change() {
    let (_dir, store, mut app, mut saver) = open();
    let path = store.path_of(&app.workbook.as_ref().unwrap().doc.id);
    std::fs::write(&path, "{ \"schema\": 2, \"name\": ").unwrap();
    type_keys(&mut app, &store, &mut saver, "aCut spoilage claims<C-s>");
    saver.finish(&mut app, &store);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{ \"schema\": 2, \"name\": ",
        "untouched"
    );
    let doc = &app.workbook.as_ref().unwrap().doc;
    assert!(doc.dirty && doc.save_error.is_some(), "the change stays, unsaved");
    assert_eq!(doc.account.world.goals[0].text, "Cut spoilage claims");
    assert!(
        app.status.error && app.status.text.starts_with("Not saved:"),
        "{}",
        app.status.text
    );
    assert!(screen_text(&mut app, (80, 24)).contains("NOT SAVED"));
}

#[test]
fn leaving_waits_for_the_save_under_way() {
    let (_dir, store, mut app, mut saver) = open();
    type_keys(&mut app, &store, &mut saver, "aCut spoilage claims<C-s>");
    let id = app.workbook.as_ref().unwrap().doc.id.clone();
    let asked = app::update(&mut app, app::Action::Back);
    run_with(asked, &mut app, &store, &mut saver);
    assert!(
        !saver.busy() && app.workbook.is_none(),
        "back on the picker, the save done"
    );
    assert_eq!(store.load(&id).unwrap().account.world.goals.len(), 1);
}
