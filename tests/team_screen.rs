//! The team's files popup (`o` on the picker, `O` on the fit screen): offerings and
//! sweet-spot criteria added, edited and deleted from the app, each change written to its
//! file at once; a damaged file on disk is never written over and the change stays on
//! screen with the reason.

mod support;

use callbook::app::{App, Overlay};
use callbook::domain::Account;
use callbook::storage::Store;
use support::*;

fn folder() -> (tempfile::TempDir, Store, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    store.create(&Account::new("Ashcombe", noon())).unwrap();
    let app = App::new(store.list().unwrap(), noon);
    (dir, store, app)
}

#[test]
fn an_offering_and_a_criterion_are_added_from_the_picker_and_written() {
    let (_dir, store, mut app) = folder();
    drive(&mut app, &store, "o");
    assert!(matches!(app.overlay, Some(Overlay::Team)));
    drive(
        &mut app,
        &store,
        "aLive trailer temperatures<Tab>Loads spoil before anyone knows a unit has failed.<C-s>",
    );
    assert!(matches!(app.overlay, Some(Overlay::Team)), "back to the list");
    assert!(
        app.status.text.contains("Saved “Live trailer temperatures”"),
        "{}",
        app.status.text
    );
    let saved = store.load_offerings().unwrap();
    assert_eq!(saved.offerings[0].name, "Live trailer temperatures");
    drive(
        &mut app,
        &store,
        "<Tab>aDo they run their own refrigerated fleet?<C-s>",
    );
    let criteria = store.load_sweet_spot().unwrap();
    assert_eq!(
        criteria.criteria[0].question,
        "Do they run their own refrigerated fleet?"
    );
    drive(&mut app, &store, "<Esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn a_feature_list_is_saved_but_named_and_a_taken_name_refused() {
    let (_dir, store, mut app) = folder();
    drive(
        &mut app,
        &store,
        "oaFleet suite<Tab>Dashboards, alerts, SSO and an API<C-s>",
    );
    assert!(app.status.text.contains("feature list"), "{}", app.status.text);
    drive(&mut app, &store, "afleet SUITE<C-s>");
    match &app.overlay {
        Some(Overlay::Editor(e)) => assert!(
            e.error.as_deref().unwrap_or("").contains("taken"),
            "{:?}",
            e.error
        ),
        other => panic!("the editor stays open: {other:?}"),
    }
    assert_eq!(store.load_offerings().unwrap().offerings.len(), 1);
}

#[test]
fn editing_keeps_the_id_and_delete_can_be_brought_back() {
    let (_dir, store, mut app) = folder();
    drive(&mut app, &store, "oaFirst<Tab>Loads spoil unseen.<C-s>");
    let id = store.load_offerings().unwrap().offerings[0].id.clone();
    drive(&mut app, &store, "<Enter><C-u>Renamed<C-s>");
    let saved = store.load_offerings().unwrap();
    assert_eq!(saved.offerings[0].id, id);
    assert!(
        saved.offerings[0].name.ends_with("Renamed"),
        "{:?}",
        saved.offerings[0].name
    );
    drive(&mut app, &store, "d");
    assert!(store.load_offerings().unwrap().offerings.is_empty());
    drive(&mut app, &store, "u");
    assert_eq!(store.load_offerings().unwrap().offerings[0].id, id);
}

#[test]
fn a_damaged_offerings_file_is_left_alone_and_the_app_says_why() {
    let (_dir, store, mut app) = folder();
    std::fs::write(store.offerings_path(), "{ \"schema\": 1, \"offerings\": [").unwrap();
    drive(
        &mut app,
        &store,
        "oaLive trailer temperatures<Tab>Loads spoil.<C-s>",
    );
    assert!(app.status.error, "{}", app.status.text);
    assert!(app.status.text.contains("offerings.json"), "{}", app.status.text);
    assert_eq!(
        std::fs::read_to_string(store.offerings_path()).unwrap(),
        "{ \"schema\": 1, \"offerings\": [",
        "untouched"
    );
    assert_eq!(app.team.offerings().len(), 1, "the change stays on screen");
}

#[test]
fn the_popup_as_drawn() {
    let (_dir, store, mut app) = folder();
    drive(
        &mut app,
        &store,
        "oaLive trailer temperatures<Tab>Loads spoil before anyone knows.<C-s>",
    );
    drive(
        &mut app,
        &store,
        "aFleet suite<Tab>Dashboards, alerts, SSO and an API<C-s>",
    );
    drive(
        &mut app,
        &store,
        "<Tab>aDo they run their own refrigerated fleet?<C-s><Tab>",
    );
    let text = screen_text(&mut app, (80, 24));
    assert!(text.contains("What we offer (2)"), "{text}");
    assert!(text.contains("⚠ Fleet suite"), "{text}");
    insta::assert_snapshot!("team_popup_80x24", text);
}
