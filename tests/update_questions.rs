//! `update` tests of the questions screen: keys in, plan and bank state out.

mod support;

use callbook::app::{App, Effect, Focus, Overlay, Scope, Screen};
use callbook::domain::plan::Status;
use callbook::domain::{Account, Item, Priority};
use support::*;

fn harbor() -> App {
    let mut account = Account::new("Harbor Mills", noon());
    let mut goal = Item::new("Double output at the Toledo plant", noon());
    goal.priority = Priority::High;
    account.world.goals.push(goal);
    account
        .world
        .threats
        .push(Item::new("A new mill in Ohio pricing aggressively", noon()));
    let mut app = app_with(account);
    press(&mut app, "2");
    app
}

fn plan(app: &App) -> &Vec<callbook::domain::plan::Question> {
    &app.workbook.as_ref().unwrap().doc.account.questions
}

#[test]
fn digits_switch_screens_and_the_bank_is_ranked() {
    let mut app = harbor();
    assert_eq!(
        app.scopes(),
        vec![Scope::Screen(Screen::Questions), Scope::Workbook, Scope::Global]
    );
    let q = &app.workbook.as_ref().unwrap().questions;
    assert!(q.suggestions.len() > 200, "{}", q.suggestions.len());
    assert_eq!(q.bank_hits.len(), q.suggestions.len());
    press(&mut app, "1");
    assert_eq!(app.scopes()[0], Scope::Screen(Screen::World));
}

#[test]
fn enter_on_the_bank_adds_the_question_linked_to_what_it_serves() {
    let mut app = harbor();
    press(&mut app, "<Tab>");
    let top = app
        .workbook
        .as_ref()
        .unwrap()
        .questions
        .current_suggestion()
        .unwrap()
        .clone();
    assert_eq!(press(&mut app, "<Enter>"), vec![Effect::Save]);
    let q = &plan(&app)[0];
    assert_eq!(q.text, top.text);
    assert_eq!(
        q.links,
        top.serves.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>()
    );
    assert!(q.from_bank.as_deref().is_some_and(|id| id.starts_with('b')));
    // It is no longer offered.
    let q = &app.workbook.as_ref().unwrap().questions;
    assert!(q.suggestions.iter().all(|s| s.text != top.text));
}

#[test]
fn writing_a_question_and_the_linter_asks_before_keeping_an_opinion() {
    let mut app = harbor();
    press(&mut app, "aYou need our seamless platform<C-s>");
    match &app.overlay {
        Some(Overlay::Editor(ed)) => assert!(
            ed.error.as_deref().unwrap_or("").contains("opinion"),
            "{:?}",
            ed.error
        ),
        other => panic!("the editor should stay open with a warning, got {other:?}"),
    }
    assert!(plan(&app).is_empty());
    assert_eq!(
        press(&mut app, "<C-s>"),
        vec![Effect::Save],
        "a second Ctrl-s keeps it"
    );
    assert!(plan(&app)[0].kept);
}

#[test]
fn the_rewrite_replaces_an_opinion_with_a_question() {
    let mut app = harbor();
    press(&mut app, "aWe are the industry leader<C-s><C-g>");
    let text = match &app.overlay {
        Some(Overlay::Editor(ed)) => ed.first_text(),
        other => panic!("{other:?}"),
    };
    assert_ne!(text, "We are the industry leader");
    assert_eq!(
        press(&mut app, "<C-s>"),
        vec![Effect::Save],
        "the rewrite saves at once"
    );
    assert_eq!(plan(&app)[0].text, text);
    assert!(!plan(&app)[0].kept);
}

#[test]
fn a_good_question_saves_at_once_and_q_types_in_the_editor() {
    let mut app = harbor();
    press(&mut app, "aWhat happens to Q1 if the Toledo line slips?<C-s>");
    assert_eq!(plan(&app)[0].text, "What happens to Q1 if the Toledo line slips?");
    assert!(app.overlay.is_none());
}

#[test]
fn linking_status_and_answer_to_world() {
    let mut app = harbor();
    press(&mut app, "aWhat keeps you up at night?<C-s>");
    assert!(plan(&app)[0].links.is_empty());
    press(&mut app, "l");
    assert_eq!(app.scopes(), vec![Scope::Choose]);
    press(&mut app, "j <Enter>");
    let threat = app.workbook.as_ref().unwrap().doc.account.world.threats[0]
        .id
        .clone();
    assert_eq!(plan(&app)[0].links, vec![threat]);
    press(&mut app, "ss");
    assert_eq!(plan(&app)[0].status, Status::Answered);
    press(&mut app, "w");
    assert!(
        app.overlay.is_none(),
        "no answer yet, nothing to turn into an item"
    );
    press(&mut app, "<Enter><Tab>Losing Kroger<C-s>w<Down><Enter>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.doc.account.world.threats.len(), 2);
    assert_eq!(wb.doc.account.world.threats[1].their_words, "Losing Kroger");
    assert_eq!(plan(&app)[0].links.len(), 2);
}

#[test]
fn delete_move_and_undo_in_the_plan() {
    let mut app = harbor();
    press(
        &mut app,
        "aFirst question about output?<C-s>aSecond question about pricing?<C-s>",
    );
    assert_eq!(app.workbook.as_ref().unwrap().questions.plan_row, 1);
    press(&mut app, "K");
    assert_eq!(plan(&app)[0].text, "Second question about pricing?");
    press(&mut app, "d");
    assert_eq!(plan(&app).len(), 1);
    press(&mut app, "uu");
    assert_eq!(plan(&app)[0].text, "First question about output?");
    assert_eq!(plan(&app).len(), 2);
}

#[test]
fn fuzzy_filter_narrows_the_bank_and_the_plan() {
    let mut app = harbor();
    press(&mut app, "aWhat would doubling output change?<C-s>");
    let all = app.workbook.as_ref().unwrap().questions.bank_hits.len();
    press(&mut app, "/leadership");
    let q = &app.workbook.as_ref().unwrap().questions;
    assert!(
        !q.bank_hits.is_empty() && q.bank_hits.len() < all / 4,
        "{} of {all}",
        q.bank_hits.len()
    );
    assert!(q.plan_hits.is_empty());
    press(&mut app, "<Esc>/doubl<Enter>");
    let q = &app.workbook.as_ref().unwrap().questions;
    assert_eq!(q.plan_hits, vec![0]);
}

#[test]
fn saving_to_my_bank_and_removing_it() {
    let mut app = harbor();
    let before = app.bank.questions.len();
    press(
        &mut app,
        "aWhat would a second shift at Toledo change for you?<C-s>",
    );
    assert_eq!(press(&mut app, "b"), vec![Effect::SaveBank]);
    assert_eq!(app.bank.questions.len(), before + 1);
    assert!(press(&mut app, "b").is_empty(), "no duplicate");
    // The new question is now in the bank but not suggested (it is in the plan); delete the
    // plan question and find it in the bank.
    press(&mut app, "d<Tab>/second shift<Enter>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.questions.focus, Focus::Bank);
    let s = wb.questions.current_suggestion().unwrap();
    assert!(app.bank.is_mine(s.bank));
    assert_eq!(press(&mut app, "d"), vec![Effect::SaveBank]);
    assert_eq!(app.bank.questions.len(), before);
}

#[test]
fn built_in_bank_questions_cannot_be_deleted() {
    let mut app = harbor();
    let before = app.bank.questions.len();
    assert!(press(&mut app, "<Tab>d").is_empty());
    assert_eq!(app.bank.questions.len(), before);
    assert!(app.status.text.contains("Built-in"));
}

#[test]
fn links_chooser_needs_a_world() {
    let mut app = app_with(Account::new("Empty", noon()));
    press(&mut app, "2aWhy now?<C-s>l");
    assert!(app.overlay.is_none());
    assert!(app.status.text.contains("empty"), "{:?}", app.status);
}

#[test]
fn the_users_bank_file_joins_the_built_in_bank() {
    use callbook::domain::bank::{BankFile, BankQuestion, Category, Spin};
    let mut app = harbor();
    let builtin = app.bank.questions.len();
    let mine = BankQuestion {
        id: "u1".into(),
        text: "What would a second shift at Toledo change?".into(),
        category: Category::GoalsAndVision,
        pane: None,
        spin: Spin::NeedPayoff,
        open: true,
        extra: Default::default(),
    };
    app.bank.load_mine(BankFile {
        schema: 1,
        questions: vec![mine],
        extra: Default::default(),
    });
    assert_eq!(app.bank.questions.len(), builtin + 1);
    assert!(app.bank.is_mine(builtin) && !app.bank.is_mine(builtin - 1));
    press(&mut app, "/second shift");
    let q = &app.workbook.as_ref().unwrap().questions;
    assert!(
        q.bank_hits.iter().any(|&i| q.suggestions[i].bank == builtin),
        "the new question is ranked and found"
    );
}
