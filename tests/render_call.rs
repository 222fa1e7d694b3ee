//! Snapshots of the call screen on the sample account at 80×24: where they stand and their
//! tasks, the planned call in full, the call sheet (one screen, no scrolling), the debrief.

mod support;

use callbook::app::App;
use support::*;

/// The sample on the call screen, with `keys` pressed.
fn at(keys: &str) -> App {
    let mut app = sample_app();
    press(&mut app, "4");
    press(&mut app, keys);
    app
}

#[test]
fn the_journey_and_their_tasks() {
    let screen = screen_text(&mut at(""), (80, 24));
    assert!(screen.contains("Where they stand"), "{screen}");
    insta::assert_snapshot!("call_journey_and_tasks", screen);
}

#[test]
fn the_planned_call_in_full() {
    let mut app = at("<Tab>j");
    let screen = screen_text(&mut app, (80, 24));
    insta::assert_snapshot!("call_plan", screen);
}

#[test]
fn the_call_sheet_fits_80_by_24() {
    let mut app = at("<Tab>jv");
    let screen = screen_text(&mut app, (80, 24));
    assert!(
        !screen.contains("↓ more"),
        "the sheet needs no scrolling:\n{screen}"
    );
    let account = &app.workbook.as_ref().unwrap().doc.account;
    let call = account
        .calls
        .iter()
        .find(|c| !c.is_held())
        .expect("a planned call");
    let head: String = call.objective.chars().take(30).collect();
    assert!(screen.contains(&head), "the objective shows:\n{screen}");
    insta::assert_snapshot!("call_sheet", screen);
}

#[test]
fn the_debrief_editor() {
    let mut app = at("<Tab>jb");
    let screen = screen_text(&mut app, (80, 24));
    assert!(screen.contains("Their next step, as they agreed it"), "{screen}");
    insta::assert_snapshot!("call_debrief", screen);
}

#[test]
fn a_form_taller_than_the_screen_follows_the_focused_field_and_says_so() {
    let mut app = at("<Tab>a");
    let top = screen_text(&mut app, (80, 24));
    assert!(
        top.contains("↓ more fields") && top.contains("▶ Objective"),
        "{top}"
    );
    press(&mut app, "<Tab><Tab><Tab><Tab><Tab><Tab><Tab>");
    let bottom = screen_text(&mut app, (80, 24));
    assert!(bottom.contains("↑ more fields"), "{bottom}");
    assert!(
        bottom.contains("▶ Minimum outcome"),
        "the focused field shows:\n{bottom}"
    );
}
