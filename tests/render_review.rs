//! Snapshots of the coach's review at 80×24 on the sample account: the scorecard beside the
//! comments, a check in full, a comment with its reply, and a turn's rehearsal history.

mod support;

use callbook::app::{Access, App};
use support::*;

fn reviewed() -> App {
    let mut app = sample_app();
    app.workbook.as_mut().unwrap().doc.access = Access::Review;
    app.reviewer = "Coach Kim".into();
    press(
        &mut app,
        "cWhich lanes does this goal cover, and who owns it?<C-s>",
    );
    app
}

#[test]
fn the_scorecard_beside_the_comments() {
    let mut app = reviewed();
    press(&mut app, "5");
    let screen = screen_text(&mut app, (80, 24));
    assert!(
        screen.contains("Scorecard:") && screen.contains("Comments (1 open)"),
        "{screen}"
    );
    insta::assert_snapshot!("review_scorecard", screen);
}

#[test]
fn a_comment_with_its_reply() {
    let mut app = reviewed();
    app.workbook.as_mut().unwrap().doc.access = Access::Edit;
    app.reviewer = "Rep Sam".into();
    press(&mut app, "5<Tab>aThe Midwest lanes; Tomas owns it<C-s>");
    let screen = screen_text(&mut app, (80, 24));
    assert!(screen.contains("Rep Sam replied"), "{screen}");
    insta::assert_snapshot!("review_comment_and_reply", screen);
}

#[test]
fn a_turn_with_its_rehearsal_history() {
    let mut app = sample_app();
    press(
        &mut app,
        "3<Enter>What would the board need to see from you?<C-s>2<Esc>",
    );
    press(&mut app, "3g");
    // A wide terminal puts the selected turn beside the list, tall enough for its history.
    let screen = screen_text(&mut app, (200, 60));
    assert!(screen.contains("Rehearsed once"), "{screen}");
    insta::assert_snapshot!("rehearsal_history", screen);
}
