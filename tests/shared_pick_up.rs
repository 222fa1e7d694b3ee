//! The team's shared files (`offerings.json`, `sweet-spot.json`, `bank.json`) changed on
//! disk while the app is open, by a `git pull` in a shell or the team popup in another
//! window: the idle loop's look (`Effect::PickUp`) reads them again and says so, while the
//! app's own writes are no news, and a file that no longer reads is said, not guessed at.

mod support;

use callbook::app::{App, Effect};
use callbook::effects;
use callbook::storage::Store;
use support::*;

/// The sample account open in an app over a real folder, the team's files read.
fn open_sample() -> (tempfile::TempDir, Store, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    assert!(!drive(&mut app, &store, "<Enter>"), "the sample opens");
    effects::run(vec![Effect::LoadShared], &mut app, &store);
    assert!(app.workbook.is_some());
    (dir, store, app)
}

/// Another writer adds an offering named `name` to the file on disk.
fn add_offering_elsewhere(store: &Store, name: &str) {
    let (mut team, problems) = store.load_team();
    assert!(problems.is_empty(), "{problems:?}");
    let mut extra = team.offerings.offerings[0].clone();
    extra.id = "added-elsewhere".into();
    extra.name = name.into();
    team.offerings.offerings.push(extra);
    store.save_offerings(&team.offerings).unwrap();
}

fn offering_names(app: &App) -> Vec<String> {
    app.team
        .offerings
        .offerings
        .iter()
        .map(|o| o.name.clone())
        .collect()
}

#[test]
fn an_offering_added_elsewhere_shows_at_the_next_look() {
    let (_dir, store, mut app) = open_sample();
    let before = offering_names(&app);
    let revision = app.workbook.as_ref().unwrap().doc.revision;
    add_offering_elsewhere(&store, "Dock scheduling");
    effects::run(vec![Effect::PickUp], &mut app, &store);
    let after = offering_names(&app);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert!(after.contains(&"Dock scheduling".to_owned()));
    assert!(
        app.status.text.contains("team's files changed elsewhere"),
        "{:?}",
        app.status
    );
    assert!(
        app.workbook.as_ref().unwrap().doc.revision > revision,
        "judged again"
    );
    // Nothing more changed: the next look is quiet.
    app.say("quiet");
    effects::run(vec![Effect::PickUp], &mut app, &store);
    assert_eq!(app.status.text, "quiet");
}

#[test]
fn the_apps_own_team_save_is_no_news() {
    let (_dir, store, mut app) = open_sample();
    app.team.offerings.offerings[0].name = "Renamed here".into();
    let asked = vec![Effect::SaveTeam(callbook::app::team::TeamFile::Offerings)];
    effects::run(asked, &mut app, &store);
    app.say("quiet");
    effects::run(vec![Effect::PickUp], &mut app, &store);
    assert_eq!(app.status.text, "quiet", "the app's own write was taken for news");
    assert_eq!(store.load_team().0.offerings.offerings[0].name, "Renamed here");
}

#[test]
fn a_shared_file_that_no_longer_reads_is_said_and_left_alone() {
    let (_dir, store, mut app) = open_sample();
    let broken = "{ \"schema\": 1, \"criteria\": [";
    std::fs::write(store.sweet_spot_path(), broken).unwrap();
    effects::run(vec![Effect::PickUp], &mut app, &store);
    assert!(app.status.error, "{:?}", app.status);
    assert!(app.status.text.contains("sweet-spot.json"), "{:?}", app.status);
    assert_eq!(std::fs::read_to_string(store.sweet_spot_path()).unwrap(), broken);
}

#[test]
fn the_picker_lists_again_when_the_teams_files_change() {
    let (_dir, store, mut app) = open_sample();
    drive(&mut app, &store, "<Esc>");
    assert!(app.workbook.is_none(), "back at the picker");
    add_offering_elsewhere(&store, "Yard management");
    effects::run(vec![Effect::PickUp], &mut app, &store);
    assert!(offering_names(&app).contains(&"Yard management".to_owned()));
    assert!(app.status.text.contains("changed elsewhere"), "{:?}", app.status);
}
