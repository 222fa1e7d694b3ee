//! The team report on the picker (`r`): every account's scorecard, worst first or by name,
//! Enter opening the selected account in review mode, Esc back to the accounts; read from a
//! real (temporary) data folder, damaged files counted and left alone, disqualified accounts
//! left out and counted (and marked, with why, in the picker's list).

mod support;

use callbook::app::{Access, App};
use callbook::domain::{Account, comment::Comment, sample};
use callbook::storage::Store;
use support::*;

/// A data folder with the sample (which scores well), an empty account (nothing to test),
/// the sample without its people (which scores lower) with an open comment, and a damaged
/// file.
fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    store.create(&sample::account(noon())).unwrap();
    store.create(&Account::new("Empty Co", noon())).unwrap();
    let mut noted = sample::account(noon());
    noted.name = "Zeta Freight".into();
    noted.people.clear();
    let anchor = noted.world.goals[0].id.to_string();
    noted
        .comments
        .push(Comment::new(&anchor, "Coach", "Whose goal is this?", noon()));
    store.create(&noted).unwrap();
    std::fs::write(store.accounts_dir().join("broken.json"), "{ not json").unwrap();
    (dir, store)
}

fn names(app: &App) -> Vec<String> {
    let report = app.picker.report.as_ref().expect("the report shows");
    report.rows.iter().map(|r| r.name.clone()).collect()
}

#[test]
fn r_shows_every_readable_account_worst_first_and_counts_the_damaged() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r");
    let report = app.picker.report.as_ref().expect("the report shows");
    assert_eq!(report.damaged, 1);
    // Without people the sample fails a check it passes, so it comes first; the empty
    // account has nothing tested, so it goes last.
    assert_eq!(names(&app), ["Zeta Freight", sample::NAME, "Empty Co"]);
    let scores: Vec<_> = report.rows.iter().map(|r| r.card.score()).collect();
    assert!(scores[0] < scores[1], "{scores:?}");
    assert_eq!(scores[2], None);
    assert_eq!(report.rows[0].open_comments, 1);
    assert_eq!(report.rows[1].open_comments, 0);
    assert!(app.status.text.contains("3 accounts"), "{:?}", app.status);
    // The damaged file is left as it was.
    let broken = std::fs::read_to_string(store.accounts_dir().join("broken.json")).unwrap();
    assert_eq!(broken, "{ not json");
}

#[test]
fn s_sorts_by_name_and_back_keeping_the_selected_account() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "rj");
    drive(&mut app, &store, "s");
    assert_eq!(names(&app), [sample::NAME, "Empty Co", "Zeta Freight"]);
    let report = app.picker.report.as_ref().unwrap();
    assert_eq!(report.rows[report.selected].name, sample::NAME);
    drive(&mut app, &store, "s");
    assert_eq!(names(&app), ["Zeta Freight", sample::NAME, "Empty Co"]);
}

#[test]
fn enter_opens_the_account_for_review_and_esc_comes_back_to_the_report() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r<Enter>");
    let wb = app.workbook.as_ref().expect("the account opens");
    assert_eq!(wb.doc.account.name, "Zeta Freight");
    assert_eq!(wb.doc.access, Access::Review);
    drive(&mut app, &store, "<Esc>");
    assert!(app.workbook.is_none());
    let report = app.picker.report.as_ref().expect("back on the report");
    assert_eq!(report.rows[report.selected].name, "Zeta Freight");
    // Esc on the report is back to the list, which is whole.
    drive(&mut app, &store, "<Esc>");
    assert!(app.picker.report.is_none());
    assert_eq!(app.picker.entries.len(), 4);
}

#[test]
fn an_empty_folder_reports_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r");
    assert!(app.picker.report.as_ref().unwrap().rows.is_empty());
    assert!(app.status.text.contains("No accounts"), "{:?}", app.status);
    let screen = screen_text(&mut app, (80, 24));
    assert!(screen.contains("nothing to report"), "{screen}");
    // Enter on an empty report opens nothing.
    drive(&mut app, &store, "<Enter>");
    assert!(app.workbook.is_none());
}

#[test]
fn the_report_screen_at_the_least_size() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r");
    insta::assert_snapshot!("team_report_80x24", screen_text(&mut app, (80, 24)));
}

#[test]
fn help_over_the_report_lists_the_report_keys() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r?");
    let screen = screen_text(&mut app, (100, 40));
    assert!(screen.contains("The team report"), "{screen}");
    assert!(screen.contains("open it in review mode"), "{screen}");
    assert!(
        !screen.contains("move to trash/"),
        "the picker's keys, not the report's: {screen}"
    );
}

#[test]
fn the_selected_row_of_the_report_is_drawn_selected_and_the_weak_band_stands_out() {
    let (_dir, store) = folder();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "rj");
    callbook::app::update(&mut app, callbook::app::Action::Resize(80, 24));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| callbook::ui::render(frame, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let style_at = |row: u16, needle: &str| {
        let line: String = (0..80).map(|x| buffer[(x, row)].symbol().to_owned()).collect();
        let at = line
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not on row {row}: {line}"));
        let col = u16::try_from(line[..at].chars().count()).unwrap();
        buffer[(col, row)].style()
    };
    // Rows: border 1, header 2, then Zeta Freight (3), the sample (4), Empty Co (5).
    let reversed =
        |style: ratatui::style::Style| style.add_modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(
        reversed(style_at(4, sample::NAME)),
        "the selected row is drawn selected"
    );
    assert!(!reversed(style_at(3, "Zeta Freight")), "only the selected row");
    assert_eq!(style_at(5, "untested").fg, callbook::ui::theme::dim().fg);
}

#[test]
fn a_disqualified_account_is_left_out_of_the_rows_and_counted() {
    let (_dir, store) = folder();
    let mut out = Account::new("Bolt Dairy", noon());
    out.fit
        .disqualify("Owns no trucks: nobody to use what we offer", noon())
        .unwrap();
    store.create(&out).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    drive(&mut app, &store, "r");
    assert!(
        !names(&app).contains(&"Bolt Dairy".to_owned()),
        "{:?}",
        names(&app)
    );
    assert_eq!(names(&app).len(), 3);
    assert_eq!(app.picker.report.as_ref().unwrap().disqualified, 1);
    assert!(
        app.status.text.contains("1 disqualified, left out"),
        "{:?}",
        app.status
    );
    let screen = screen_text(&mut app, (100, 30));
    assert!(screen.contains("1 disqualified account left out"), "{screen}");
    assert!(!screen.contains("Bolt Dairy"), "{screen}");
}

#[test]
fn the_picker_marks_a_disqualified_account_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut out = Account::new("Bolt Dairy", noon());
    out.fit.disqualify("Owns no trucks", noon()).unwrap();
    store.create(&out).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    let screen = screen_text(&mut app, (80, 24));
    assert!(screen.contains("✕ Bolt Dairy"), "{screen}");
    let day = noon().format("%Y-%m-%d").to_string();
    assert!(
        screen.contains(&format!("✕ Disqualified {day}: Owns no trucks")),
        "{screen}"
    );
}
