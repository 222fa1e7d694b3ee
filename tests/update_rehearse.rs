//! `update` tests of rehearsal: a whole session by keys, with a fixed clock and timer.

mod support;

use callbook::app::rehearse::Phase;
use callbook::app::{App, Effect, Overlay, Scope, Screen};
use callbook::domain::turn::{Outcome, Turn, TurnKind};
use callbook::domain::{Account, Item};
use std::time::Duration;
use support::*;

/// A timer that says 5 seconds have passed each time it is read, so timings are known.
fn ticking() -> Duration {
    use std::sync::atomic::{AtomicU64, Ordering};
    static T: AtomicU64 = AtomicU64::new(0);
    Duration::from_secs(T.fetch_add(5, Ordering::SeqCst))
}

fn harbor() -> App {
    let mut account = Account::new("Harbor Mills", noon());
    account.world.competitors.push(Item::new("Keystone Mill", noon()));
    let mut first = Turn::new(
        "Why shouldn't we just stay with Keystone?",
        TurnKind::Objection,
        noon(),
    );
    first.response = "What would have to be true for a change to be worth it?".into();
    first.links.push(account.world.competitors[0].id.clone());
    let follow = Turn::new("What does it cost?", TurnKind::Question, noon());
    first.follow_ups.push(follow.id.clone());
    let later = Turn::new(
        "Send me something",
        TurnKind::Pushback,
        noon() + chrono::Duration::days(3),
    );
    account.turns = vec![first, follow, later];
    let mut app = app_with(account);
    app.ticks = ticking;
    press(&mut app, "3");
    app
}

fn turns(app: &App) -> &Vec<Turn> {
    &app.workbook.as_ref().unwrap().doc.account.turns
}

#[test]
fn a_session_runs_due_turns_then_follow_ups_and_saves_each_grade() {
    let mut app = harbor();
    assert_eq!(app.scopes()[0], Scope::Screen(Screen::Rehearse));
    assert!(press(&mut app, "r").is_empty());
    assert_eq!(app.scopes(), vec![Scope::Answer]);
    let session = app.rehearsal.as_ref().unwrap();
    assert_eq!(session.queue.len(), 2, "the turn due in three days is left out");
    press(
        &mut app,
        "What would Keystone's prices do to your margin if you stay?<C-s>",
    );
    assert_eq!(app.scopes(), vec![Scope::Grade]);
    match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Feedback(r) => {
            let names: Vec<&str> = r.feedback.checks.iter().map(|c| c.check.as_str()).collect();
            assert_eq!(names, callbook::domain::checks::NAMES, "{names:?}");
            assert_eq!(
                r.feedback.checks[0].outcome,
                Outcome::Pass,
                "{:?}",
                r.feedback.checks[0]
            );
            assert!(r.timing.total_secs > 0.0 && r.timing.first_key_secs.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(press(&mut app, "3"), vec![Effect::Save]);
    let t = &turns(&app)[0];
    assert_eq!(t.attempts.len(), 1);
    assert_eq!(t.attempts[0].grade, 3);
    assert!(t.schedule.as_ref().unwrap().due > noon());
    assert_eq!(t.attempts[0].due, t.schedule.as_ref().unwrap().due);
    // The follow-up comes next, then the session is done.
    let current = app.rehearsal.as_ref().unwrap().current().unwrap().1.clone();
    assert_eq!(current, turns(&app)[1].id);
    press(&mut app, "It depends on volume. How many loads a week?<C-s>1");
    assert_eq!(app.scopes(), vec![Scope::Done]);
    press(&mut app, "<Enter>");
    assert!(app.rehearsal.is_none());
    assert_eq!(turns(&app)[1].attempts[0].grade, 1);
}

#[test]
fn better_grades_schedule_further_out() {
    let due_after = |grade: &str| {
        let mut app = harbor();
        press(&mut app, &format!("<Enter>What would change?<C-s>{grade}"));
        turns(&app)[0].schedule.as_ref().unwrap().due
    };
    assert!(due_after("1") < due_after("3"));
    assert!(due_after("3") < due_after("4"));
}

#[test]
fn leaving_mid_answer_keeps_a_draft_that_comes_back() {
    let mut app = harbor();
    press(&mut app, "<Enter>Half an answ");
    assert_eq!(press(&mut app, "<Esc>"), vec![Effect::Save]);
    assert!(app.rehearsal.is_none());
    assert_eq!(turns(&app)[0].draft.as_deref(), Some("Half an answ"));
    assert!(turns(&app)[0].attempts.is_empty(), "nothing graded");
    press(&mut app, "<Enter>");
    match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Answer { input, .. } => assert_eq!(input.text(), "Half an answ"),
        other => panic!("{other:?}"),
    }
    press(&mut app, "er?<C-s>4");
    assert_eq!(turns(&app)[0].draft, None, "grading clears the draft");
}

#[test]
fn leaving_after_the_checks_without_grading_keeps_the_answer_as_a_draft() {
    let mut app = harbor();
    press(&mut app, "<Enter>What matters most to you?<C-s>");
    assert_eq!(press(&mut app, "q"), vec![Effect::Save, Effect::Quit]);
    assert_eq!(turns(&app)[0].draft.as_deref(), Some("What matters most to you?"));
}

#[test]
fn q_and_digits_type_in_the_answer() {
    let mut app = harbor();
    press(&mut app, "<Enter>q1 or q2?");
    match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Answer { input, .. } => assert_eq!(input.text(), "q1 or q2?"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_empty_answer_is_not_submitted() {
    let mut app = harbor();
    press(&mut app, "<Enter><C-s>");
    assert_eq!(app.scopes(), vec![Scope::Answer]);
}

#[test]
fn flipping_roles_adds_a_follow_up_turn() {
    let mut app = harbor();
    press(&mut app, "<Enter>What would make it worth a change?<C-s>f");
    assert_eq!(app.scopes(), vec![Scope::Flip]);
    assert_eq!(
        press(&mut app, "Keystone just cut prices 8%<C-s>"),
        vec![Effect::Save]
    );
    assert_eq!(app.scopes(), vec![Scope::Grade], "back to grading");
    let added = turns(&app).last().unwrap();
    assert_eq!(added.line, "Keystone just cut prices 8%");
    assert!(turns(&app)[0].follow_ups.contains(&added.id));
    assert_eq!(added.links, turns(&app)[0].links);
}

#[test]
fn turns_are_written_edited_and_deleted_with_undo() {
    let mut app = harbor();
    press(
        &mut app,
        "aWe have no budget<Tab><Right><Tab>What would it take to find one?<C-s>",
    );
    let t = turns(&app).last().unwrap().clone();
    assert_eq!(
        (t.line.as_str(), t.kind),
        ("We have no budget", TurnKind::Objection)
    );
    assert_eq!(t.response, "What would it take to find one?");
    press(&mut app, "Gd");
    assert_eq!(turns(&app).len(), 3);
    press(&mut app, "u");
    assert_eq!(turns(&app).len(), 4);
}

#[test]
fn suggestions_are_offered_and_added_only_when_picked() {
    let mut app = harbor();
    press(&mut app, "s");
    let rows = match &app.overlay {
        Some(Overlay::Choose(c)) => c.rows.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        rows.iter().any(|r| r.contains("Keystone")),
        "a suggestion from the competitor: {rows:?}"
    );
    assert_eq!(turns(&app).len(), 3, "nothing added yet");
    press(&mut app, " j <Enter>");
    assert_eq!(turns(&app).len(), 5);
}

#[test]
fn linking_sets_who_says_it() {
    let mut account = Account::new("Acme", noon());
    account
        .people
        .push(callbook::domain::Person::new("Dana Ruiz", noon()));
    account
        .turns
        .push(Turn::new("Why now?", TurnKind::Question, noon()));
    let mut app = app_with(account);
    press(&mut app, "3l <Enter>");
    let t = &turns(&app)[0];
    assert_eq!(
        t.who,
        Some(app.workbook.as_ref().unwrap().doc.account.people[0].id.clone())
    );
    assert!(t.links.is_empty());
}

#[test]
fn the_filter_narrows_the_turns_and_clicks_select_them() {
    let mut app = harbor();
    press(&mut app, "/send<Enter>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.visible_turns(), vec![2]);
    assert_eq!(wb.turns.row, 2, "the selection moves to the first match");
    assert!(press(&mut app, "J").is_empty(), "no reordering while filtered");
    press(&mut app, "<Esc>");
    callbook::app::update(&mut app, callbook::app::Action::Resize(80, 24));
    let body = callbook::app::layout::frame(app.viewport).body;
    let list = callbook::app::layout::rehearse(body).0;
    // Border, header, then rows: the second row is turn 1.
    callbook::app::update(&mut app, callbook::app::Action::Click(list.x + 3, list.y + 3));
    assert_eq!(app.workbook.as_ref().unwrap().turns.row, 1);
}

#[test]
fn help_opens_over_the_checks_and_closes_back_to_them() {
    let mut app = harbor();
    press(&mut app, "<Enter>What would change?<C-s>?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    press(&mut app, "<Esc>");
    assert_eq!(app.scopes(), vec![Scope::Grade], "back to grading, nothing lost");
    press(&mut app, "3");
    assert_eq!(turns(&app)[0].attempts.len(), 1);
}

#[test]
fn a_pasted_answer_counts_as_the_first_key() {
    use ratatui::crossterm::event::Event;
    let mut app = harbor();
    press(&mut app, "<Enter>");
    let action =
        callbook::app::keymap::action_for(&app, &Event::Paste("What would\nwaiting cost you?".into()))
            .unwrap();
    callbook::app::update(&mut app, action);
    match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Answer { input, first_key, .. } => {
            assert_eq!(input.text(), "What would\nwaiting cost you?");
            assert!(first_key.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_read_only_account_keeps_the_checks_on_screen_instead_of_losing_the_grade() {
    let mut app = harbor();
    press(&mut app, "<Enter>What would change?<C-s>");
    app.workbook.as_mut().unwrap().doc.access = callbook::app::Access::NewerSchema(9);
    assert!(press(&mut app, "3").is_empty());
    assert_eq!(app.scopes(), vec![Scope::Grade], "still grading");
    assert!(
        app.status.error && app.status.text.contains("Read-only"),
        "{:?}",
        app.status
    );
    assert!(turns(&app)[0].attempts.is_empty());
}

#[test]
fn the_history_lists_each_attempt_and_the_latest_answer_can_become_the_prepared_one() {
    let mut app = harbor();
    press(
        &mut app,
        "<Enter>What would it take to move before the board?<C-s>3",
    );
    press(&mut app, "<Esc>");
    let wb = app.workbook.as_ref().unwrap();
    let turn = wb
        .doc
        .account
        .turns
        .iter()
        .find(|t| !t.attempts.is_empty())
        .expect("one attempt");
    let i = wb.doc.account.turns.iter().position(|t| t.id == turn.id).unwrap();
    let keys = callbook::app::Keymap::default();
    let detail: String = callbook::app::rehearse::text::detail(&wb.doc.account, turn, &keys)
        .lines
        .iter()
        .flatten()
        .map(|(_, t)| t.as_str())
        .collect();
    assert!(detail.contains("Rehearsed once"), "{detail}");
    assert!(detail.contains("graded 3 good"), "{detail}");
    assert!(
        detail.contains("What would it take to move before the board?"),
        "{detail}"
    );
    app.workbook.as_mut().unwrap().turns.row = i;
    press(&mut app, "P");
    assert!(
        app.status.text.contains("prepared response"),
        "{:?} {:?}",
        app.status,
        app.scopes()
    );
    let response = &app.workbook.as_ref().unwrap().doc.account.turns[i].response;
    assert_eq!(response, "What would it take to move before the board?");
    press(&mut app, "u");
    assert_ne!(
        &app.workbook.as_ref().unwrap().doc.account.turns[i].response,
        "What would it take to move before the board?"
    );
}

#[test]
fn the_latest_answer_is_compared_with_the_prepared_response_check_by_check() {
    let detail = |app: &App| -> String {
        let wb = app.workbook.as_ref().unwrap();
        let turn = wb
            .doc
            .account
            .turns
            .iter()
            .find(|t| !t.attempts.is_empty())
            .unwrap();
        let keys = callbook::app::Keymap::default();
        callbook::app::rehearse::text::detail(&wb.doc.account, turn, &keys)
            .lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The answer names Keystone, the competitor the turn touches; the prepared one doesn't.
    let mut app = harbor();
    press(
        &mut app,
        "<Enter>What does Keystone do for you today that you would keep?<C-s>3<Esc>",
    );
    let text = detail(&app);
    let line = text
        .lines()
        .find(|l| l.starts_with("The latest answer passes "))
        .unwrap_or_else(|| panic!("no comparison: {text}"));
    assert!(
        line.contains("touches-items") && line.ends_with("which the prepared response misses."),
        "{line}"
    );
    assert!(!text.contains("which the latest answer missed"), "{text}");
    // Made the prepared response, the two pass the same checks.
    let i = turns(&app).iter().position(|t| !t.attempts.is_empty()).unwrap();
    app.workbook.as_mut().unwrap().turns.row = i;
    press(&mut app, "P");
    let text = detail(&app);
    assert!(
        text.contains("The latest answer and the prepared response pass the same checks."),
        "{text}"
    );
}

/// A resumed draft is timed from when it came back: submitted untouched, the timing check
/// has nothing to measure; typed in, the first key counts from the resume.
#[test]
fn a_resumed_draft_times_the_resumed_attempt() {
    let timing = |app: &App| match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Feedback(r) => r.feedback.get("timing").cloned().unwrap(),
        other => panic!("{other:?}"),
    };
    // A timer of this test's own, so tests running beside it can't move it.
    fn own_ticks() -> Duration {
        thread_local!(static T: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
        T.with(|t| {
            t.set(t.get() + 5);
            Duration::from_secs(t.get())
        })
    }
    let mut app = harbor();
    app.ticks = own_ticks;
    press(&mut app, "<Enter>What would staying cost you?<Esc>");
    press(&mut app, "<Enter>");
    match &app.rehearsal.as_ref().unwrap().phase {
        Phase::Answer {
            resumed, first_key, ..
        } => assert!(*resumed && first_key.is_none()),
        other => panic!("{other:?}"),
    }
    press(&mut app, "<C-s>");
    let t = timing(&app);
    assert_eq!(t.outcome, Outcome::Untested, "{t:?}");
    assert!(
        t.detail
            .starts_with("Resumed a draft and submitted it without typing"),
        "{t:?}"
    );

    let mut app = harbor();
    app.ticks = own_ticks;
    // Typing before leaving takes several ticks; none of them count after the resume.
    press(&mut app, "<Enter>What would staying cost you<Esc><Enter>?<C-s>");
    let t = timing(&app);
    assert_eq!(t.outcome, Outcome::Pass, "{t:?}");
    // One tick (5 s) between the resume and the first key, whatever came before.
    assert!(
        t.detail.starts_with("Resumed a draft: first key after 5.0 s"),
        "{t:?}"
    );
}
