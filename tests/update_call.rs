//! Planning a call and debriefing it by keys, on screen 4: the customer's tasks, the call
//! plan (objective from one of their tasks, attendees from their people, an agenda from
//! the plan), where they stand, and the debrief that turns what they agreed into a task.

mod support;

use callbook::app::call::CallFocus;
use callbook::app::{App, Overlay, Scope, Screen};
use callbook::domain::call::Outcome;
use callbook::domain::journey::{Stage, TaskStatus};
use callbook::domain::plan::Question;
use callbook::domain::{Account, Person, Role};
use support::*;

/// An account with two people and two plan questions, on the call screen.
fn harbor() -> App {
    let mut a = Account::new("Harbor Mills", noon());
    let mut dana = Person::new("Dana Ruiz", noon());
    dana.role = Role::EconomicBuyer;
    a.people.push(dana);
    a.people.push(Person::new("Lee Park", noon()));
    a.questions.push(Question::new(
        "What does a late pallet cost you today?",
        vec![],
        None,
        noon(),
    ));
    a.questions.push(Question::new(
        "Who else feels it when a load is late?",
        vec![],
        None,
        noon(),
    ));
    let mut app = app_with(a);
    press(&mut app, "4");
    app
}

fn account(app: &App) -> &Account {
    &app.workbook.as_ref().unwrap().doc.account
}

#[test]
fn the_call_screen_is_screen_four_with_its_own_keys() {
    let app = harbor();
    assert_eq!(app.workbook.as_ref().unwrap().screen, Screen::Call);
    assert_eq!(app.scopes()[0], Scope::Screen(Screen::Call));
    assert!(app.status.text.contains("where they stand"), "{:?}", app.status);
}

#[test]
fn a_task_of_theirs_gets_an_owner_and_moves_on() {
    let mut app = harbor();
    press(&mut app, "aBuild the case for the board<Tab>2026-12-09<C-s>");
    let t = &account(&app).tasks[0];
    assert_eq!(
        (t.text.as_str(), t.due.map(|d| d.to_string())),
        ("Build the case for the board", Some("2026-12-09".into()))
    );
    assert!(t.owner.is_none());
    press(&mut app, "p");
    assert!(matches!(app.overlay, Some(Overlay::Choose(_))));
    press(&mut app, "<Enter>");
    assert_eq!(
        account(&app).tasks[0].owner.as_ref(),
        Some(&account(&app).people[0].id)
    );
    press(&mut app, "s");
    assert_eq!(account(&app).tasks[0].status, TaskStatus::Doing);
}

#[test]
fn a_bad_due_date_keeps_the_editor_open_and_changes_nothing() {
    let mut app = harbor();
    press(&mut app, "aFind the time<Tab>next week<C-s>");
    match &app.overlay {
        Some(Overlay::Editor(e)) => assert!(
            e.error.as_deref().unwrap_or("").contains("not a date"),
            "{:?}",
            e.error
        ),
        other => panic!("{other:?}"),
    }
    assert!(account(&app).tasks.is_empty());
}

#[test]
fn a_call_is_planned_with_its_objective_from_a_task_and_attendees_from_their_people() {
    let mut app = harbor();
    press(&mut app, "aTheir CFO agrees the cost of the late pallets<C-s>");
    press(&mut app, "<Tab>");
    assert_eq!(app.workbook.as_ref().unwrap().call.focus, CallFocus::Calls);
    press(&mut app, "aplaceholder objective<C-s>");
    assert_eq!(account(&app).calls.len(), 1);
    let call = &account(&app).calls[0];
    assert_eq!(
        call.agenda.len(),
        2,
        "a new plan's agenda holds the questions not yet asked"
    );
    press(&mut app, "o<Enter>");
    assert_eq!(
        account(&app).calls[0].objective,
        "Their CFO agrees the cost of the late pallets"
    );
    press(&mut app, "p <Enter>");
    assert_eq!(
        account(&app).calls[0].attendees,
        vec![account(&app).people[0].id.clone()]
    );
    press(&mut app, "l <Enter>");
    assert_eq!(
        account(&app).calls[0].agenda.len(),
        1,
        "unticking a question takes it off the agenda"
    );
}

#[test]
fn a_debrief_records_the_outcome_and_their_next_step_becomes_their_task() {
    let mut app = harbor();
    press(&mut app, "<Tab>aDana agrees the cost of the late pallets<C-s>");
    press(
        &mut app,
        "bDana books a site visit<Tab>2026-12-15<Tab>They lost a second load<Tab><Right><C-s>",
    );
    let a = account(&app);
    let d = a.calls[0].debrief.as_ref().expect("debriefed");
    assert_eq!(d.outcome, Outcome::Best);
    assert_eq!(a.tasks.len(), 1);
    assert_eq!(a.tasks[0].text, "Dana books a site visit");
    assert_eq!(d.task.as_ref(), Some(&a.tasks[0].id));
    assert_eq!(a.tasks[0].due.map(|d| d.to_string()), Some("2026-12-15".into()));
}

#[test]
fn a_debrief_written_again_keeps_the_fields_a_newer_callbook_stored() {
    let mut app = harbor();
    press(&mut app, "<Tab>aDana agrees the cost of the late pallets<C-s>");
    press(&mut app, "bDana books a site visit<C-s>");
    let wb = app.workbook.as_mut().unwrap();
    let d = wb.doc.account.calls[0].debrief.as_mut().expect("debriefed");
    d.extra
        .insert("x-future".into(), serde_json::json!({"kept": true}));
    press(&mut app, "b<Tab><Tab>Their CFO saw the numbers<C-s>");
    let d = account(&app).calls[0].debrief.as_ref().expect("still debriefed");
    assert_eq!(d.changed, "Their CFO saw the numbers", "{:?}", app.status);
    assert_eq!(d.extra.get("x-future"), Some(&serde_json::json!({"kept": true})));
}

#[test]
fn a_question_left_on_the_agenda_keeps_its_minutes_and_unknown_fields() {
    let mut app = harbor();
    press(&mut app, "<Tab>aplaceholder objective<C-s>");
    let wb = app.workbook.as_mut().unwrap();
    for item in &mut wb.doc.account.calls[0].agenda {
        item.minutes = 12;
        item.extra
            .insert("x-future".into(), serde_json::json!({"kept": true}));
    }
    press(&mut app, "l<Down> <Enter>");
    let agenda = &account(&app).calls[0].agenda;
    assert_eq!(agenda.len(), 1, "the second question is off the agenda");
    assert_eq!(agenda[0].question, account(&app).questions[0].id);
    assert_eq!(agenda[0].minutes, 12);
    assert_eq!(
        agenda[0].extra.get("x-future"),
        Some(&serde_json::json!({"kept": true}))
    );
}

#[test]
fn where_they_stand_is_set_and_dated_and_undo_takes_it_back() {
    let mut app = harbor();
    press(&mut app, "i<Right><Right><Tab>We lose a load a week<C-s>");
    let j = &account(&app).journey;
    assert_eq!(j.stage, Stage::Understanding);
    assert_eq!(j.changed, Some(noon()));
    assert!(!j.is_guess());
    press(&mut app, "u");
    assert_eq!(account(&app).journey, Default::default());
}

#[test]
fn the_sheet_opens_over_the_screen_and_closes() {
    let mut app = harbor();
    press(&mut app, "v");
    assert!(app.overlay.is_none(), "no call, no sheet");
    assert!(app.status.text.contains("No calls yet"), "{:?}", app.status);
    press(&mut app, "<Tab>aTheir CFO agrees the cost<C-s>v");
    assert!(matches!(app.overlay, Some(Overlay::Sheet { .. })));
    assert_eq!(app.scopes(), vec![Scope::Sheet]);
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn deleting_a_call_is_undone() {
    let mut app = harbor();
    press(&mut app, "<Tab>aTheir CFO agrees the cost<C-s>");
    press(&mut app, "d");
    assert!(account(&app).calls.is_empty());
    press(&mut app, "u");
    assert_eq!(account(&app).calls.len(), 1);
}

#[test]
fn a_new_plan_takes_the_agenda_minutes_typed_into_it() {
    let mut app = harbor();
    press(&mut app, "<Tab>aTheir CFO agrees the cost of the late pallets");
    press(&mut app, "<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>");
    press(&mut app, "<BS><BS><BS><BS><BS><BS><BS><BS>9 4<C-s>");
    let minutes: Vec<u16> = account(&app).calls[0].agenda.iter().map(|a| a.minutes).collect();
    assert_eq!(minutes, [9, 4]);
}

#[test]
fn a_plan_with_a_bad_minute_stays_in_the_editor_and_adds_no_call() {
    let mut app = harbor();
    press(
        &mut app,
        "<Tab>aTheir CFO agrees the cost<Tab><Tab><BS><BS>lots<C-s>",
    );
    assert!(
        matches!(app.overlay, Some(Overlay::Editor(_))),
        "{:?}",
        app.status
    );
    assert!(account(&app).calls.is_empty(), "a refused plan adds nothing");
}
