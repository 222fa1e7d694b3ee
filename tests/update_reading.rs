//! Reading what a rep wrote: reading panes scroll and stop at their ends, a click lands on
//! the row drawn under it even when the selected row is opened over several lines, the
//! wheel scrolls what is under it, and a few keys that used to break their word.

mod support;

use callbook::app::{Action, App, Overlay, Screen, update};
use callbook::domain::{Account, Item, Pane};
use support::*;

/// An account whose first goal has notes far longer than the detail pane.
fn long_notes() -> App {
    let mut a = Account::new("Harbor Mills", noon());
    let mut goal = Item::new("Open a third mill in Ohio by 2028, on the old rail site", noon());
    goal.notes = (1..=30)
        .map(|i| format!("Note line {i} about the Ohio mill."))
        .collect::<Vec<_>>()
        .join("\n");
    goal.their_words = "We can't grow the east without it.".into();
    a.world.goals.push(goal);
    a.world.goals.push(Item::new("Second goal", noon()));
    let mut app = app_with(a);
    update(&mut app, Action::Resize(80, 24));
    app
}

fn top(app: &App) -> usize {
    app.workbook.as_ref().unwrap().world.detail.top
}

#[test]
fn the_detail_pane_pages_down_to_its_end_and_stops_there() {
    let mut app = long_notes();
    update(&mut app, Action::PageDown);
    let one = top(&app);
    assert!(one > 0, "a page down moves");
    for _ in 0..50 {
        update(&mut app, Action::PageDown);
    }
    let end = top(&app);
    update(&mut app, Action::PageDown);
    assert_eq!(top(&app), end, "past the end it stays");
    assert!(end > one);
    update(&mut app, Action::PageUp);
    assert!(top(&app) < end, "one page up comes straight back from the end");
    for _ in 0..50 {
        update(&mut app, Action::PageUp);
    }
    assert_eq!(top(&app), 0);
}

#[test]
fn a_new_selection_shows_its_detail_from_the_top() {
    let mut app = long_notes();
    update(&mut app, Action::PageDown);
    assert!(top(&app) > 0);
    press(&mut app, "j");
    assert_eq!(top(&app), 0);
}

#[test]
fn the_wheel_scrolls_the_detail_under_it_and_moves_the_selection_elsewhere() {
    let mut app = long_notes();
    let body = callbook::app::layout::frame(app.viewport).body;
    let l = callbook::app::layout::world(body);
    let (dx, dy) = (l.detail.x + 2, l.detail.y + 2);
    update(&mut app, Action::ScrollDown(dx, dy));
    assert_eq!(top(&app), 1, "the wheel over the detail scrolls it a row");
    assert_eq!(app.workbook.as_ref().unwrap().selected_row(Pane::Goals), 0);
    let goals = l.panes[0];
    update(&mut app, Action::ScrollDown(goals.x + 2, goals.y + 2));
    assert_eq!(app.workbook.as_ref().unwrap().selected_row(Pane::Goals), 1);
}

#[test]
fn a_click_on_the_second_line_of_an_opened_row_keeps_it_and_one_below_selects_the_next() {
    let mut app = long_notes();
    let body = callbook::app::layout::frame(app.viewport).body;
    let goals = callbook::app::layout::inner(callbook::app::layout::world(body).panes[0]);
    // The first goal is too long for one line, so the focused pane opens it over several.
    update(&mut app, Action::Click(goals.x + 3, goals.y + 1));
    assert_eq!(app.workbook.as_ref().unwrap().selected_row(Pane::Goals), 0);
    let lines = (0..goals.height)
        .find(|&dy| {
            let mut probe = long_notes();
            update(&mut probe, Action::Click(goals.x + 3, goals.y + dy));
            probe.workbook.as_ref().unwrap().selected_row(Pane::Goals) == 1
        })
        .expect("some row selects the second goal");
    assert!(lines >= 2, "the first goal takes {lines} line(s)");
}

#[test]
fn questions_and_turns_scroll_their_detail_too() {
    let mut app = sample_app();
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "2<Tab>");
    let before = app.workbook.as_ref().unwrap().questions.detail.top;
    for _ in 0..5 {
        update(&mut app, Action::PageDown);
    }
    let after = app.workbook.as_ref().unwrap().questions.detail.top;
    assert!(after >= before, "{before} {after}");
    press(&mut app, "3");
    update(&mut app, Action::PageDown);
    assert!(
        app.workbook.as_ref().unwrap().turns.detail.top > 0,
        "the turn's detail scrolls"
    );
}

#[test]
fn a_second_account_with_the_same_name_is_refused_and_the_prompt_stays() {
    let listing = vec![callbook::storage::Listing::Ok(callbook::storage::Summary::of(
        callbook::domain::AccountId::parse("harbor-mills-abc123").unwrap(),
        &Account::new("Harbor Mills", noon()),
    ))];
    let mut app = App::new(listing, noon);
    press(&mut app, "n");
    let effects = press(&mut app, " harbor MILLS <Enter>");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(app.overlay, Some(Overlay::NewAccount(_))));
    assert!(
        app.status.error && app.status.text.contains("already"),
        "{:?}",
        app.status
    );
    press(&mut app, "<BS><BS><BS><BS><BS><BS><BS> Bay");
    let effects = press(&mut app, "<Enter>");
    assert_eq!(effects, vec![callbook::app::Effect::Create("harbor Bay".into())]);
}

#[test]
fn rehearsing_an_account_without_turns_says_so_on_the_turn_list_and_enter_edits_nothing() {
    let mut app = acme_app();
    let effects = callbook::app::rehearse::start_due(&mut app);
    assert!(effects.is_empty());
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.screen, Screen::Rehearse);
    assert!(app.status.text.contains("No turns yet"), "{:?}", app.status);
    press(&mut app, "<Enter>");
    assert!(app.overlay.is_none(), "Enter opened {:?}", app.overlay);
}
