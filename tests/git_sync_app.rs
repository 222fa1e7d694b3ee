//! The app's sync key against real git (issue 14): in its own test binary, because it sets
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
}
