//! `update` tests: keys go in through the keymap, state and effects come out. No terminal.

mod support;

use callbook::app::{Action, Effect, Overlay, PickerEntry, Question, Scope, Screen, update};
use callbook::domain::{Account, Pane, Priority};
use callbook::storage::Loaded;
use support::*;

#[test]
fn empty_picker_offers_the_sample_and_enter_creates_it() {
    let mut app = empty_app();
    assert_eq!(app.picker.entries, vec![PickerEntry::Sample]);
    assert_eq!(press(&mut app, "<Enter>"), vec![Effect::CreateSample]);
}

#[test]
fn new_account_prompt_types_q_and_digits() {
    let mut app = empty_app();
    press(&mut app, "n");
    assert_eq!(app.scopes(), vec![Scope::Prompt]);
    let effects = press(&mut app, "Q1 Labs<Enter>");
    assert_eq!(effects, vec![Effect::Create("Q1 Labs".into())]);
}

#[test]
fn a_blank_account_name_is_refused() {
    let mut app = empty_app();
    assert!(press(&mut app, "n   <Enter>").is_empty());
    assert!(matches!(app.overlay, Some(Overlay::NewAccount(_))));
    assert!(app.status.error, "{:?}", app.status);
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn tab_cycles_panes_both_ways() {
    let mut app = sample_app();
    let wb = |app: &callbook::app::App| app.workbook.as_ref().unwrap().world.pane;
    assert_eq!(wb(&app), Pane::Goals);
    press(&mut app, "<Tab><Tab>");
    assert_eq!(wb(&app), Pane::Competitors);
    press(&mut app, "<S-Tab><S-Tab><S-Tab>");
    assert_eq!(wb(&app), Pane::WhyChange);
}

#[test]
fn selection_stays_inside_the_list() {
    let mut app = sample_app();
    let goals = app.workbook.as_ref().unwrap().doc.account.world.goals.len();
    press(&mut app, &"j".repeat(goals + 5));
    assert_eq!(
        app.workbook.as_ref().unwrap().selected_row(Pane::Goals),
        goals - 1
    );
    press(&mut app, "kg");
    assert_eq!(app.workbook.as_ref().unwrap().selected_row(Pane::Goals), 0);
    press(&mut app, "G");
    assert_eq!(app.workbook.as_ref().unwrap().current(), Some(goals - 1));
}

#[test]
fn adding_a_goal_saves_and_selects_it() {
    let mut app = acme_app();
    press(&mut app, "a");
    assert_eq!(app.scopes(), vec![Scope::Editor]);
    let effects = press(&mut app, "Open 3 plants by 2027, quickly<C-s>");
    assert_eq!(effects, vec![Effect::Save]);
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(
        wb.doc.account.world.goals[0].text,
        "Open 3 plants by 2027, quickly"
    );
    assert_eq!(wb.doc.account.world.goals[0].created, noon());
    assert!(wb.doc.dirty && app.overlay.is_none());
    assert_eq!(wb.current(), Some(0));
}

#[test]
fn notes_take_several_lines_and_priority_cycles() {
    let mut app = acme_app();
    press(
        &mut app,
        "aCut churn<Tab>first line<Enter>second line<Tab><Tab><Tab><Right><Right><Right><C-s>",
    );
    let goal = &app.workbook.as_ref().unwrap().doc.account.world.goals[0];
    assert_eq!(goal.notes, "first line\nsecond line");
    assert_eq!(goal.priority, Priority::High);
}

#[test]
fn enter_in_a_one_line_field_moves_to_the_next_field() {
    let mut app = acme_app();
    press(&mut app, "aGrow<Enter>note<C-s>");
    let goal = &app.workbook.as_ref().unwrap().doc.account.world.goals[0];
    assert_eq!((goal.text.as_str(), goal.notes.as_str()), ("Grow", "note"));
}

#[test]
fn an_empty_text_is_refused_in_the_editor() {
    let mut app = acme_app();
    assert!(press(&mut app, "a<C-s>").is_empty());
    match &app.overlay {
        Some(Overlay::Editor(ed)) => assert_eq!(ed.error.as_deref(), Some("Text can't be empty")),
        other => panic!("editor should stay open, got {other:?}"),
    }
    assert!(app.workbook.as_ref().unwrap().doc.account.world.goals.is_empty());
}

#[test]
fn esc_asks_before_dropping_typed_text() {
    let mut app = acme_app();
    press(&mut app, "adraft<Esc>");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Question::DiscardEdit(_)))
    ));
    press(&mut app, "n");
    match &app.overlay {
        Some(Overlay::Editor(ed)) => assert_eq!(ed.first_text(), "draft"),
        other => panic!("no should return to the editor, got {other:?}"),
    }
    press(&mut app, "<Esc>y");
    assert!(app.overlay.is_none());
    assert!(app.workbook.as_ref().unwrap().doc.account.world.goals.is_empty());
}

#[test]
fn esc_on_an_untouched_editor_closes_without_asking() {
    let mut app = sample_app();
    press(&mut app, "e<Esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn editing_keeps_the_id_and_changes_the_text() {
    let mut app = sample_app();
    let before = app.workbook.as_ref().unwrap().doc.account.world.threats[1].clone();
    press(&mut app, "<Tab>j<Enter><C-j>Rewritten threat<C-s>");
    let after = &app.workbook.as_ref().unwrap().doc.account.world.threats[1];
    assert_eq!(after.id, before.id);
    assert_eq!(after.text, "Rewritten threat");
    assert_eq!(after.notes, before.notes);
}

#[test]
fn delete_undo_redo() {
    let mut app = sample_app();
    let goals = |app: &callbook::app::App| app.workbook.as_ref().unwrap().doc.account.world.goals.clone();
    let original = goals(&app);
    assert_eq!(press(&mut app, "d"), vec![Effect::Save]);
    assert_eq!(goals(&app)[..], original[1..]);
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(goals(&app), original);
    press(&mut app, "<C-r>");
    assert_eq!(goals(&app)[..], original[1..]);
    press(&mut app, "uu");
    assert_eq!(goals(&app), original);
    assert_eq!(app.status.text, "Nothing to undo");
}

#[test]
fn undo_covers_edits_and_moves() {
    let mut app = sample_app();
    let original = app.workbook.as_ref().unwrap().doc.account.clone();
    press(&mut app, "J");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.doc.account.world.goals[1].id, original.world.goals[0].id);
    assert_eq!(wb.current(), Some(1));
    press(&mut app, "aNew goal<C-s><Enter><C-j>Changed<C-s>");
    press(&mut app, "uuu");
    assert_eq!(app.workbook.as_ref().unwrap().doc.account, original);
}

#[test]
fn move_stops_at_the_ends() {
    let mut app = sample_app();
    assert!(press(&mut app, "K").is_empty());
    press(&mut app, "G");
    assert!(press(&mut app, "J").is_empty());
}

#[test]
fn filter_narrows_every_pane_and_esc_clears_it() {
    let mut app = sample_app();
    press(&mut app, "/");
    assert_eq!(app.scopes(), vec![Scope::Filter]);
    press(&mut app, "insurance");
    let wb = app.workbook.as_ref().unwrap();
    let shown: usize = Pane::ALL.iter().map(|&p| wb.visible(p).len()).sum();
    assert!(shown > 0 && shown < 10, "{shown}");
    for p in Pane::ALL {
        for i in wb.visible(p) {
            assert!(wb.doc.account.haystack(p, i).to_lowercase().contains("insurance"));
        }
    }
    press(&mut app, "<Enter>");
    assert_eq!(
        app.scopes(),
        vec![Scope::Screen(Screen::World), Scope::Workbook, Scope::Global]
    );
    assert!(press(&mut app, "J").is_empty(), "no reordering while filtered");
    press(&mut app, "<Esc>");
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.visible(Pane::Goals).len(), wb.doc.account.world.goals.len());
}

#[test]
fn a_newer_file_is_read_only() {
    let mut app = empty_app();
    let mut account = Account::new("Future", noon());
    account.schema = 7;
    let id = callbook::domain::AccountId::parse("future-abc123").unwrap();
    app.show(Loaded {
        id,
        account,
        newer_schema: Some(7),
        fingerprint: 0,
    });
    assert!(app.status.error && app.status.text.contains("read-only"));
    assert!(press(&mut app, "a").is_empty());
    assert!(app.overlay.is_none());
    assert!(press(&mut app, "u").is_empty());
}

#[test]
fn quitting_saves_first_and_the_leave_question_answers() {
    let mut app = acme_app();
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    press(&mut app, "aGoal<C-s>");
    assert_eq!(press(&mut app, "q"), vec![Effect::Save, Effect::Quit]);
    app.ask_leave_unsaved(true);
    assert_eq!(press(&mut app, "y"), vec![Effect::Quit]);
    app.ask_leave_unsaved(false);
    assert!(press(&mut app, "n").is_empty() && app.overlay.is_none());
}

#[test]
fn esc_leaves_the_workbook_after_saving() {
    let mut app = acme_app();
    press(&mut app, "aGoal<C-s>");
    assert_eq!(press(&mut app, "<Esc>"), vec![Effect::Save, Effect::Close]);
}

#[test]
fn help_opens_and_closes_and_q_there_does_not_quit() {
    let mut app = sample_app();
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help(0))));
    press(&mut app, "jj");
    assert!(matches!(app.overlay, Some(Overlay::Help(2))));
    assert!(press(&mut app, "q").is_empty());
    assert!(app.overlay.is_none());
}

#[test]
fn clicks_focus_a_pane_and_select_a_row() {
    let mut app = sample_app();
    update(&mut app, Action::Resize(80, 24));
    let body = callbook::app::layout::frame(app.viewport).body;
    let people = callbook::app::layout::world(body).panes[Pane::People.index()];
    update(&mut app, Action::Click(people.x + 3, people.y + 3));
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!((wb.world.pane, wb.selected_row(Pane::People)), (Pane::People, 2));
    update(&mut app, Action::ScrollDown(people.x + 3, people.y + 3));
    assert_eq!(app.workbook.as_ref().unwrap().selected_row(Pane::People), 3);
}

#[test]
fn picker_delete_asks_then_trashes() {
    let mut app = empty_app();
    let account = Account::new("Acme", noon());
    let id = callbook::domain::AccountId::parse("acme-abc123").unwrap();
    app.set_listing(vec![callbook::storage::Listing::Ok(
        callbook::storage::Summary::of(id, &account),
    )]);
    assert!(press(&mut app, "d").is_empty());
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Question::Trash { .. }))
    ));
    assert_eq!(press(&mut app, "y"), vec![Effect::Trash("acme-abc123".into())]);
}

#[test]
fn the_profile_is_edited_with_i_and_a_blank_name_is_refused() {
    let mut app = sample_app();
    press(&mut app, "i");
    match &app.overlay {
        Some(Overlay::Editor(ed)) => assert_eq!(ed.first_text(), callbook::domain::sample::NAME),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        press(&mut app, "<Tab><C-j>Cold-chain freight<C-s>"),
        vec![Effect::Save]
    );
    let account = &app.workbook.as_ref().unwrap().doc.account;
    assert_eq!(account.profile.industry, "Cold-chain freight");
    press(&mut app, "i<C-j><C-s>");
    match &app.overlay {
        Some(Overlay::Editor(ed)) => assert!(ed.error.as_deref().unwrap_or("").contains("can't be empty")),
        other => panic!("a blank name must be refused, got {other:?}"),
    }
    assert_eq!(
        app.workbook.as_ref().unwrap().doc.account.name,
        callbook::domain::sample::NAME
    );
}

#[test]
fn pasted_text_goes_whole_into_the_focused_field() {
    use ratatui::crossterm::event::Event;
    let mut app = acme_app();
    // Outside text, a paste does nothing.
    assert_eq!(
        callbook::app::keymap::action_for(&app, &Event::Paste("q".into())),
        None
    );
    press(&mut app, "a");
    let paste = |app: &mut callbook::app::App, text: &str| {
        let action = callbook::app::keymap::action_for(app, &Event::Paste(text.into()))
            .expect("the editor takes a paste");
        callbook::app::update(app, action);
    };
    // A one-line field turns line breaks into spaces; q and digits are just text.
    paste(&mut app, "Grow q3 revenue\r\nby 20%");
    press(&mut app, "<Tab>");
    paste(&mut app, "line one\rline two\x1b[31m");
    press(&mut app, "<C-s>");
    let goal = &app.workbook.as_ref().unwrap().doc.account.world.goals[0];
    assert_eq!(goal.text, "Grow q3 revenue by 20%");
    assert_eq!(
        goal.notes, "line one\nline two\u{fffd}[31m",
        "control characters are cleaned"
    );
}

#[test]
fn popups_say_their_keys_from_the_keymap_table() {
    let keys = callbook::app::Keymap::default();
    let hint_line = |scope, skip: &[Action]| keys.hint_line(scope, skip);
    let all = hint_line(Scope::Choose, &[]);
    let single = hint_line(Scope::Choose, &[Action::Toggle]);
    assert!(all.starts_with("Space ") && all.contains(" · Enter "), "{all}");
    assert!(!single.contains("Space") && single.contains("Enter"), "{single}");
    // Keys of one action and words are joined, as in help.
    assert!(hint_line(Scope::Grade, &[]).contains("1 again · 2 hard"));
}

/// A goal written elsewhere (a script, another editor) with a CR, a tab and a trailing
/// newline: the editor shows them inert, and keeps them as written (issue 12).
fn with_odd_text() -> callbook::app::App {
    let mut account = callbook::domain::Account::new("Acme", noon());
    let mut goal = callbook::domain::Item::new("Grow\tfast\r", noon());
    goal.notes = "first line\r\nsecond line\n".into();
    account.world.goals.push(goal);
    app_with(account)
}

fn first_goal(app: &callbook::app::App) -> callbook::domain::Item {
    app.workbook.as_ref().unwrap().doc.account.world.goals[0].clone()
}

#[test]
fn an_untouched_editor_keeps_odd_text_and_asks_nothing() {
    let mut app = with_odd_text();
    let before = first_goal(&app);
    press(&mut app, "e<Esc>");
    assert!(app.overlay.is_none(), "nothing typed: nothing to drop");
    press(&mut app, "e<C-s>");
    assert!(app.overlay.is_none());
    assert_eq!(first_goal(&app), before, "saving without typing changes nothing");
    assert!(!app.workbook.as_ref().unwrap().doc.dirty);
}

#[test]
fn editing_one_field_keeps_the_others_byte_for_byte() {
    let mut app = with_odd_text();
    let before = first_goal(&app);
    // The third field is their own words.
    press(&mut app, "e<Tab><Tab>we bin lettuce<C-s>");
    let after = first_goal(&app);
    assert_eq!(after.their_words, "we bin lettuce");
    assert_eq!(
        after.text, before.text,
        "the text, with its tab and CR, as written"
    );
    assert_eq!(
        after.notes, before.notes,
        "the notes, with CRLF and the trailing newline"
    );
}

#[test]
fn an_edited_field_saves_marks_back_as_the_characters_they_stand_for() {
    let mut account = callbook::domain::Account::new("Acme", noon());
    account.world.goals.push(callbook::domain::Item::new(
        "co\u{00ad}operate with \u{202e}them",
        noon(),
    ));
    let mut app = app_with(account);
    // Shown with marks; typing at the end edits the field.
    press(&mut app, "e!<C-s>");
    assert_eq!(first_goal(&app).text, "co\u{00ad}operate with \u{202e}them!");
}
