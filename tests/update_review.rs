//! The coach's review by keys: in review mode a comment is the one change allowed, on any
//! record selected on any screen; the rep, in edit mode, finds it on the review screen,
//! replies, resolves it, and jumps to what it is about.

mod support;

use callbook::app::review::ReviewFocus;
use callbook::app::{Access, App, Overlay, Screen};
use callbook::domain::Pane;
use support::*;

fn reviewing() -> App {
    let mut app = sample_app();
    app.workbook.as_mut().unwrap().doc.access = Access::Review;
    app.reviewer = "Coach Kim".into();
    app
}

#[test]
fn a_coach_comments_on_a_goal_in_review_mode_and_nothing_else_changes() {
    let mut app = reviewing();
    let before = app.workbook.as_ref().unwrap().doc.account.clone();
    press(&mut app, "j");
    let effects = press(&mut app, "cWhich lanes does this cover?<C-s>");
    assert!(effects.contains(&callbook::app::Effect::Save), "{effects:?}");
    let account = &app.workbook.as_ref().unwrap().doc.account;
    assert_eq!(account.comments.len(), 1);
    let c = &account.comments[0];
    assert_eq!(
        (c.anchor.as_str(), c.author.as_str()),
        (account.world.goals[1].id.as_str(), "Coach Kim")
    );
    assert_eq!(c.text, "Which lanes does this cover?");
    let mut content = account.clone();
    content.comments.clear();
    assert_eq!(content, before, "only the comment was added");
    press(&mut app, "a");
    assert!(
        !matches!(app.overlay, Some(Overlay::Editor(_))),
        "the plan stays read-only"
    );
}

#[test]
fn the_rep_sees_replies_and_resolves_and_jumps_to_what_it_is_about() {
    let mut app = reviewing();
    press(&mut app, "<Tab>cWho else is in this decision?<C-s>");
    app.workbook.as_mut().unwrap().doc.access = Access::Edit;
    app.reviewer = "Rep Sam".into();
    press(&mut app, "5<Tab>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(
        (wb.screen, wb.review.focus),
        (Screen::Review, ReviewFocus::Comments)
    );
    press(&mut app, "aTomas and the night dispatch lead<C-s>");
    let c = &app.workbook.as_ref().unwrap().doc.account.comments[0];
    assert_eq!(c.replies.len(), 1);
    assert_eq!(c.replies[0].author, "Rep Sam");
    press(&mut app, "x");
    assert!(app.workbook.as_ref().unwrap().doc.account.comments[0].resolved);
    press(&mut app, "<Enter>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(
        (wb.screen, wb.world.pane),
        (Screen::World, Pane::Threats),
        "Enter goes to what it is about"
    );
}

#[test]
fn a_file_from_a_newer_callbook_takes_no_comment_either() {
    let mut app = sample_app();
    app.workbook.as_mut().unwrap().doc.access = Access::NewerSchema(9);
    press(&mut app, "c");
    assert!(app.overlay.is_none());
    assert!(app.status.text.contains("schema 9"), "{:?}", app.status);
}

#[test]
fn an_empty_comment_is_refused_in_the_editor() {
    let mut app = reviewing();
    press(&mut app, "c<C-s>");
    match &app.overlay {
        Some(Overlay::Editor(e)) => assert!(e.error.is_some()),
        other => panic!("{other:?}"),
    }
    assert!(app.workbook.as_ref().unwrap().doc.account.comments.is_empty());
}

#[test]
fn open_comments_are_counted_on_the_review_tab_from_any_screen() {
    let mut app = reviewing();
    press(&mut app, "cFirst<C-s><Tab>cSecond<C-s>");
    let header = support::screen_text(&mut app, (100, 30))
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(header.contains("5 Review (2)"), "{header}");
    app.workbook.as_mut().unwrap().doc.account.comments[0].resolved = true;
    let header = support::screen_text(&mut app, (100, 30))
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(header.contains("5 Review (1)"), "{header}");
}

#[test]
fn opening_for_review_says_so() {
    let mut app = empty_app();
    app.review_next = true;
    app.show(callbook::storage::Loaded {
        id: callbook::domain::AccountId::parse("acme-abc123").unwrap(),
        account: callbook::domain::sample::account(noon()),
        newer_schema: None,
        fingerprint: 0,
    });
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.doc.access, Access::Review);
    assert!(app.status.text.starts_with("Review mode"), "{:?}", app.status);
    assert!(!app.review_next, "only the next account opens for review");
}

#[test]
fn a_record_with_an_open_comment_is_marked_where_its_row_shows() {
    let mut app = reviewing();
    press(&mut app, "cWhich lanes?<C-s>");
    app.workbook.as_mut().unwrap().doc.access = Access::Edit;
    let screen = support::screen_text(&mut app, (100, 30));
    // The first goal is selected and opened over several lines; the mark ends its text.
    let goals: String = screen
        .lines()
        .skip(3)
        .take(6)
        .map(|l| l.split('│').nth(1).unwrap_or(""))
        .collect();
    assert!(goals.contains('⚑'), "{screen}");
    app.workbook.as_mut().unwrap().doc.account.comments[0].resolved = true;
    let screen = support::screen_text(&mut app, (100, 30));
    assert!(
        !screen.contains('⚑'),
        "a resolved comment leaves no mark:\n{screen}"
    );
}

#[test]
fn the_next_open_comment_is_shown_where_it_belongs_and_round_again() {
    let mut app = reviewing();
    press(&mut app, "jcOn the second goal<C-s>");
    press(&mut app, "3cOn the first turn<C-s>");
    app.workbook.as_mut().unwrap().doc.access = Access::Edit;
    press(&mut app, "1kk");
    press(&mut app, "C");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(
        (wb.screen, wb.world.pane, wb.selected_row(Pane::Goals)),
        (Screen::World, Pane::Goals, 1)
    );
    assert!(app.status.text.contains("Comment 1 of 2"), "{:?}", app.status);
    press(&mut app, "C");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!((wb.screen, wb.turns.row), (Screen::Rehearse, 0));
    press(&mut app, "C");
    assert!(
        app.status.text.contains("Comment 1 of 2"),
        "round to the first: {:?}",
        app.status
    );
}
