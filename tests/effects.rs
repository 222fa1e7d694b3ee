//! Keys through `update` and the effects runner against a real (temporary) data folder:
//! what the user does in the TUI reaches the disk, and failures lose nothing.

mod support;

use callbook::app::{App, Overlay, PickerEntry};
use callbook::domain::sample;
use callbook::storage::{Listing, Store};
use support::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

fn app_on(store: &Store) -> App {
    App::new(store.list().unwrap(), noon)
}

fn only_account(store: &Store) -> callbook::storage::Loaded {
    let listing = store.list().unwrap();
    assert_eq!(listing.len(), 1, "{listing:?}");
    match &listing[0] {
        Listing::Ok(s) => store.load(&s.id).unwrap(),
        Listing::Damaged { error, .. } => panic!("{error}"),
    }
}

#[test]
fn sample_is_created_opened_and_edits_reach_the_disk() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    assert!(!drive(&mut app, &store, "<Enter>"));
    assert_eq!(app.workbook.as_ref().unwrap().doc.account.name, sample::NAME);
    drive(&mut app, &store, "aWin the 2027 grocery tender<C-s>");
    let wb = app.workbook.as_ref().unwrap();
    assert!(!wb.doc.dirty && wb.doc.saved_once && wb.doc.save_error.is_none());
    let on_disk = only_account(&store).account;
    assert_eq!(
        on_disk.world.goals.last().unwrap().text,
        "Win the 2027 grocery tender"
    );
    assert!(drive(&mut app, &store, "q"));
}

#[test]
fn a_new_account_is_created_and_listed_after_esc() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "nHarbor Mills<Enter>");
    assert_eq!(app.workbook.as_ref().unwrap().doc.account.name, "Harbor Mills");
    drive(&mut app, &store, "<Esc>");
    assert!(app.workbook.is_none());
    assert!(
        !app.status.text.contains("Tab"),
        "a workbook hint is left on the picker: {:?}",
        app.status
    );
    assert!(matches!(&app.picker.entries[..], [PickerEntry::Account(s)] if s.name == "Harbor Mills"));
}

#[test]
fn a_failed_save_keeps_the_work_and_quitting_asks() {
    let (dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "nAcme<Enter>");
    let file = store.path_of(&app.workbook.as_ref().unwrap().doc.id);
    let before = std::fs::read(&file).unwrap();
    // Put a file where the accounts folder was, so the save can't create its temp file.
    let accounts = store.accounts_dir();
    let aside = dir.path().join("aside");
    std::fs::rename(&accounts, &aside).unwrap();
    std::fs::write(&accounts, b"not a folder").unwrap();
    drive(&mut app, &store, "aKeep me<C-s>");
    let wb = app.workbook.as_ref().unwrap();
    assert!(
        wb.doc.dirty && wb.doc.save_error.is_some() && app.status.error,
        "{:?}",
        app.status
    );
    assert_eq!(wb.doc.account.world.goals[0].text, "Keep me");
    assert!(!drive(&mut app, &store, "q"), "a failed save must stop the quit");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    drive(&mut app, &store, "n");
    // The disk comes back: the next save goes through and the old file was never touched.
    std::fs::remove_file(&accounts).unwrap();
    std::fs::rename(&aside, &accounts).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(drive(&mut app, &store, "q"));
    assert_eq!(only_account(&store).account.world.goals[0].text, "Keep me");
}

#[test]
fn trash_from_the_picker_moves_the_file() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "nAcme<Enter><Esc>");
    drive(&mut app, &store, "dy");
    assert!(store.list().unwrap().is_empty());
    assert_eq!(std::fs::read_dir(store.trash_dir()).unwrap().count(), 1);
    assert_eq!(app.picker.entries, vec![PickerEntry::Sample]);
}

#[test]
fn a_damaged_file_cannot_be_opened_and_is_left_alone() {
    let (_dir, store) = store();
    let path = store.accounts_dir().join("broken-abc123.json");
    std::fs::write(&path, b"{\"schema\": 1,\n  \"name\": ").unwrap();
    let mut app = app_on(&store);
    assert!(matches!(
        &app.picker.entries[..],
        [PickerEntry::Sample, PickerEntry::Damaged { .. }]
    ));
    drive(&mut app, &store, "j<Enter>");
    assert!(app.workbook.is_none());
    assert!(
        app.status.error && app.status.text.contains("line 2"),
        "{:?}",
        app.status
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"{\"schema\": 1,\n  \"name\": ");
}

#[test]
fn a_session_across_accounts_opens_each_and_saves_every_grade() {
    use callbook::domain::turn::{Turn, TurnKind};
    let (_dir, store) = store();
    let mut ids = Vec::new();
    for name in ["Acme", "Bolt"] {
        let mut a = callbook::domain::Account::new(name, noon());
        a.turns.push(Turn::new(
            &format!("{name}: why change now?"),
            TurnKind::Objection,
            noon(),
        ));
        ids.push(store.create(&a).unwrap());
    }
    let (due, _) = store.due_turns(noon()).unwrap();
    assert_eq!(due.len(), 2);
    let mut app = app_on(&store);
    let first =
        callbook::app::rehearse::start(&mut app, due.into_iter().map(|d| (d.account, d.turn)).collect());
    assert_eq!(
        callbook::effects::run(first, &mut app, &store),
        callbook::effects::Flow::Continue
    );
    assert!(app.workbook.is_some(), "the first account was opened");
    drive(&mut app, &store, "What would waiting cost you?<C-s>3");
    drive(&mut app, &store, "Who else feels it if nothing changes?<C-s>4");
    assert!(
        app.rehearsal.as_ref().is_some_and(|s| s.current().is_none()),
        "done"
    );
    for id in ids {
        let turn = &store.load(&id).unwrap().account.turns[0];
        assert_eq!(turn.attempts.len(), 1, "{}", turn.line);
        assert!(turn.schedule.is_some());
    }
}

#[test]
fn a_change_on_disk_while_open_is_merged_never_overwritten() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "nAcme<Enter>");
    let path = store.path_of(&app.workbook.as_ref().unwrap().doc.id);
    // A teammate's change arrives through git while the account is open.
    let mut theirs = store
        .load(&app.workbook.as_ref().unwrap().doc.id)
        .unwrap()
        .account;
    theirs
        .world
        .goals
        .push(callbook::domain::Item::new("Their goal, pulled from git", noon()));
    std::fs::write(&path, callbook::storage::to_json(&theirs)).unwrap();
    drive(&mut app, &store, "aMy goal<C-s>");
    let wb = app.workbook.as_ref().unwrap();
    // Issue 12: merged by id rather than refused; their goal and ours are both on disk.
    assert!(!wb.doc.dirty && !app.status.error, "{:?}", app.status);
    assert!(app.status.text.contains("merged"), "{:?}", app.status);
    let on_disk = callbook::storage::parse(&std::fs::read_to_string(&path).unwrap(), &path)
        .unwrap()
        .0;
    let texts: Vec<&str> = on_disk.world.goals.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["My goal", "Their goal, pulled from git"]);
    // Our own saves in a row are not mistaken for outside changes.
    let mut app = app_on(&store);
    drive(&mut app, &store, "nBolt<Enter>aOne<C-s>aTwo<C-s>aThree<C-s>");
    assert!(!app.workbook.as_ref().unwrap().doc.dirty, "{:?}", app.status);
}

#[test]
fn moving_to_the_next_accounts_turn_keeps_the_session_status() {
    use callbook::domain::turn::{Turn, TurnKind};
    let (_dir, store) = store();
    for name in ["Acme", "Bolt"] {
        let mut a = callbook::domain::Account::new(name, noon());
        a.turns.push(Turn::new("Why now?", TurnKind::Objection, noon()));
        store.create(&a).unwrap();
    }
    let (due, _) = store.due_turns(noon()).unwrap();
    let mut app = app_on(&store);
    let first =
        callbook::app::rehearse::start(&mut app, due.into_iter().map(|d| (d.account, d.turn)).collect());
    callbook::effects::run(first, &mut app, &store);
    drive(&mut app, &store, "What changed?<C-s>3");
    assert!(app.status.text.starts_with("Graded 3"), "{:?}", app.status);
    assert_eq!(
        app.scopes(),
        vec![callbook::app::Scope::Answer],
        "the second account's turn is up"
    );
}

/// Starts the app from `start` as the terminal UI does, before its first frame.
fn started(store: &Store, start: callbook::app::start::Start) -> App {
    let mut app = App::new(Vec::new(), noon);
    let first = callbook::app::start::begin(&mut app, start);
    callbook::effects::run(first, &mut app, store);
    app
}

#[test]
fn starting_on_a_damaged_account_falls_back_to_the_picker_with_its_list() {
    use callbook::app::start::Start;
    let (_dir, store) = store();
    let id = store.create(&sample::account(noon())).unwrap();
    std::fs::write(store.path_of(&id), "{ not json").unwrap();
    let app = started(&store, Start::Open(id.clone()));
    assert!(app.workbook.is_none() && app.status.error, "{:?}", app.status);
    let damaged = |e: &PickerEntry| matches!(e, PickerEntry::Damaged { stem, .. } if *stem == id.to_string());
    assert!(app.picker.entries.iter().any(damaged), "{:?}", app.picker.entries);
    assert_eq!(std::fs::read_to_string(store.path_of(&id)).unwrap(), "{ not json");
}

#[test]
fn starting_a_rehearsal_opens_the_account_and_puts_its_first_due_turn_up() {
    use callbook::app::start::Start;
    let (_dir, store) = store();
    let id = store.create(&sample::account(noon())).unwrap();
    let app = started(&store, Start::Rehearse(id.clone()));
    assert_eq!(app.workbook.as_ref().map(|wb| &wb.doc.id), Some(&id));
    let session = app.rehearsal.as_ref().expect("a session");
    assert!(!session.queue.is_empty() && session.queue.iter().all(|(a, _)| *a == id));
    assert!(callbook::app::rehearse::current_turn(&app).is_some());
}

#[test]
fn starting_on_the_picker_lists_the_accounts_and_reads_the_bank() {
    use callbook::app::start::Start;
    let (_dir, store) = store();
    store.create(&sample::account(noon())).unwrap();
    std::fs::write(store.root().join("bank.json"), "[broken").unwrap();
    let app = started(&store, Start::Picker);
    assert!(matches!(app.picker.entries.as_slice(), [PickerEntry::Account(_)]));
    assert!(
        app.status.error && app.status.text.contains("bank"),
        "{:?}",
        app.status
    );
}

#[test]
fn an_account_moved_to_trash_comes_back_with_undo_on_the_picker() {
    let (_dir, store) = store();
    let id = store.create(&sample::account(noon())).unwrap();
    let before = std::fs::read(store.path_of(&id)).unwrap();
    let mut app = app_on(&store);
    assert!(!drive(&mut app, &store, "dy"));
    assert!(!store.path_of(&id).exists(), "moved to trash/");
    assert!(app.status.text.contains("brings it back"), "{:?}", app.status);
    drive(&mut app, &store, "u");
    assert_eq!(
        std::fs::read(store.path_of(&id)).unwrap(),
        before,
        "back, byte for byte"
    );
    assert!(matches!(app.picker.entries.as_slice(), [PickerEntry::Account(_)]));
    drive(&mut app, &store, "u");
    assert!(
        app.status.text.contains("Nothing moved to trash"),
        "{:?}",
        app.status
    );
}

#[test]
fn a_restore_never_overwrites_an_account_file_of_the_same_name() {
    let (_dir, store) = store();
    let id = store.create(&sample::account(noon())).unwrap();
    let trashed = store.trash(id.as_str()).unwrap();
    std::fs::write(store.path_of(&id), "{ newer }").unwrap();
    assert!(store.restore(id.as_str(), &trashed).is_err());
    assert_eq!(std::fs::read_to_string(store.path_of(&id)).unwrap(), "{ newer }");
    assert!(trashed.exists(), "the trashed copy stays where it was");
    assert!(
        store.restore("../x", &trashed).is_err(),
        "a stem can't leave accounts/"
    );
}

/// A file deleted on disk while its account is open is not silently written back by the
/// next edit: the user is asked, and only a yes brings it back (issue 12).
#[test]
fn an_account_deleted_on_disk_is_written_back_only_when_the_user_says_so() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "<Enter>");
    let path = store.path_of(&app.workbook.as_ref().unwrap().doc.id);
    assert!(path.exists());
    std::fs::remove_file(&path).unwrap();
    drive(&mut app, &store, "aA goal typed after the file went<C-s>");
    assert!(
        matches!(
            app.overlay,
            Some(Overlay::Confirm(callbook::app::Question::WriteBack))
        ),
        "asked: {:?}",
        app.overlay
    );
    assert!(!path.exists(), "not written back without asking");
    drive(&mut app, &store, "n");
    assert!(!path.exists(), "no leaves it deleted");
    assert!(
        app.workbook.is_some(),
        "and the account open, with the change on screen"
    );
    // The next change asks again; yes writes it back with everything on screen.
    drive(&mut app, &store, "aAnother goal<C-s>y");
    assert!(path.exists(), "yes writes it back");
    let goals: Vec<String> = only_account(&store)
        .account
        .world
        .goals
        .iter()
        .map(|g| g.text.clone())
        .collect();
    assert!(
        goals.contains(&"A goal typed after the file went".to_owned()),
        "{goals:?}"
    );
    assert!(goals.contains(&"Another goal".to_owned()), "{goals:?}");
}

/// The file changed on disk while the account was open (another window, `callbook add`):
/// the next save merges by id instead of refusing, and an entry changed on both sides is
/// kept twice (issue 12).
#[test]
fn a_save_after_a_change_on_disk_merges_instead_of_refusing() {
    let (_dir, store) = store();
    let mut app = app_on(&store);
    drive(&mut app, &store, "<Enter>");
    let id = app.workbook.as_ref().unwrap().doc.id.clone();
    let first = app.workbook.as_ref().unwrap().doc.account.world.goals[0]
        .id
        .clone();
    // Elsewhere: a goal added and the first goal's text changed.
    store
        .update(&id, "a test", |a| -> Result<(), callbook::storage::StoreError> {
            a.world
                .goals
                .push(callbook::domain::Item::new("Added elsewhere", noon()));
            a.world.goals[0].text = "Changed elsewhere".into();
            Ok(())
        })
        .unwrap();
    // Here: a goal added, then the first goal's text changed too.
    drive(&mut app, &store, "aAdded here<C-s>");
    assert!(app.status.text.contains("merged"), "{:?}", app.status);
    let on_disk = only_account(&store).account;
    let texts: Vec<&str> = on_disk.world.goals.iter().map(|g| g.text.as_str()).collect();
    assert!(
        texts.contains(&"Added elsewhere") && texts.contains(&"Added here"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Changed elsewhere"),
        "theirs kept where only they changed it: {texts:?}"
    );
    assert_eq!(
        app.workbook.as_ref().unwrap().doc.account,
        on_disk,
        "the merge is what's on screen"
    );

    store
        .update(&id, "a test", |a| -> Result<(), callbook::storage::StoreError> {
            let g = a.world.goals.iter_mut().find(|g| g.id == first).unwrap();
            g.text = "Theirs again".into();
            Ok(())
        })
        .unwrap();
    // The first goal, selected with g: change its text here too.
    drive(&mut app, &store, "ge!<C-s>");
    let on_disk = only_account(&store).account;
    let texts: Vec<&str> = on_disk.world.goals.iter().map(|g| g.text.as_str()).collect();
    assert!(texts.contains(&"Changed elsewhere!"), "{texts:?}");
    assert!(
        texts.contains(&"Theirs again (changed elsewhere)"),
        "both kept: {texts:?}; status {:?}",
        app.status
    );
}

/// Text kept from last time: Esc keeps it for later, d drops it (issue 12).
#[test]
fn kept_text_is_kept_for_later_or_dropped() {
    let (_dir, store) = store();
    let path = store.root().join("recovery.json");
    let kept = callbook::app::recovery::Recovered {
        when: noon(),
        why: "the terminal was closed (SIGHUP)".into(),
        account: None,
        what: "a rehearsal answer".into(),
        pane: None,
        fields: vec![("answer".into(), "What would it change?".into())],
    };
    std::fs::write(&path, serde_json::to_string(&kept).unwrap()).unwrap();
    let mut app = app_on(&store);
    app.overlay = Some(Overlay::Recovered(Box::new(kept.clone())));
    drive(&mut app, &store, "t");
    assert!(
        path.exists(),
        "a rehearsal answer can't become an entry: it stays"
    );
    app.overlay = Some(Overlay::Recovered(Box::new(kept.clone())));
    drive(&mut app, &store, "<Esc>");
    assert!(app.overlay.is_none() && path.exists(), "kept for later");
    app.overlay = Some(Overlay::Recovered(Box::new(kept)));
    drive(&mut app, &store, "d");
    assert!(!path.exists(), "dropped");
}
