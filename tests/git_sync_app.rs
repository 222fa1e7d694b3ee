//! The app's sync key against real git (issue 14), the team's files read again after it:
//! in its own test binary, because it sets
//! the process environment the app's git inherits, which no other test thread may race.

mod git_world;

use callbook::domain::comment::Comment;
use callbook::storage::Store;
use git_world::*;

#[test]
fn the_app_syncs_with_a_key_and_says_what_came_in() {
    let w = World::new();
    let (rep, coach) = shared(&w);
    let now = callbook::domain::now();
    change(&coach, |a| {
        let goal = a.world.goals[0].id.to_string();
        a.comments
            .push(Comment::new(&goal, "Coach Kim", "Whose target is this?", now));
    });
    // The coach also adds what we offer: a team file, beside the accounts.
    let mut offerings = callbook::domain::team::Team::default().offerings;
    offerings.offerings.push(
        serde_json::from_value(serde_json::json!({
            "id": "reefer-telematics",
            "name": "Reefer telematics",
            "problem": "Loads rejected for temperature excursions nobody saw in time"
        }))
        .unwrap(),
    );
    Store::open(&coach).unwrap().save_offerings(&offerings).unwrap();
    w.cb(&coach, &["sync"]);
    // The app's sync runs git in the test's environment: give it this world's.
    // SAFETY: set before the app runs git, and no other thread of this test reads them.
    unsafe {
        std::env::set_var("HOME", w.home());
        std::env::set_var("GIT_CONFIG_NOSYSTEM", "1");
        std::env::set_var("GIT_CONFIG_GLOBAL", w.home().join("gitconfig"));
    }
    let store = Store::open(&rep).unwrap();
    let mut app = callbook::app::App::new(store.list().unwrap(), callbook::domain::now);
    let asked = callbook::app::update(&mut app, callbook::app::Action::Sync);
    callbook::effects::run(asked, &mut app, &store);
    assert!(!app.status.error, "{}", app.status.text);
    assert!(
        app.status
            .text
            .contains("Coach Kim commented on 1 item of Ashcombe Cold Freight"),
        "{}",
        app.status.text
    );
    let (_, a) = only(&rep);
    assert_eq!(a.comments.len(), 1);
    // The team's files are read again after the pull: the new offering is in the app.
    let names: Vec<&str> = app
        .team
        .offerings
        .offerings
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Reefer telematics"], "{}", app.status.text);
    // A team file that no longer reads after a pull is said beside what the sync did, and
    // the app goes on with what it could read.
    std::fs::write(coach.join("offerings.json"), "{ \"schema\": 1, \"offerings\": [").unwrap();
    w.cb(&coach, &["sync"]);
    let asked = callbook::app::update(&mut app, callbook::app::Action::Sync);
    callbook::effects::run(asked, &mut app, &store);
    let said = &app.status.text;
    assert!(app.status.error, "{said}");
    assert!(
        said.starts_with("Synced: Coach Kim changed offerings.json"),
        "{said}"
    );
    assert!(
        said.contains("The team's files can't all be read") && said.contains("offerings.json"),
        "{said}"
    );
}
