//! The picker shows a file with git's conflict markers as a conflict, not as damage, and its
//! detail says how to resolve it.

mod support;

use callbook::app::App;
use callbook::domain::Account;
use callbook::storage::{Store, to_json};
use support::*;

#[test]
fn a_conflicted_file_is_a_conflict_row_with_its_remedy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    store.create(&Account::new("Harbor Mills", noon())).unwrap();
    let mut ours = Account::new("Git Co", noon());
    ours.world.goals.push(callbook::domain::Item::new("Ours", noon()));
    let mut theirs = ours.clone();
    theirs.world.goals[0].text = "Theirs".into();
    let (o, t) = (to_json(&ours), to_json(&theirs));
    let marked = o
        .lines()
        .zip(t.lines())
        .map(|(a, b)| {
            if a == b {
                format!("{a}\n")
            } else {
                format!("<<<<<<< HEAD\n{a}\n=======\n{b}\n>>>>>>> theirs\n")
            }
        })
        .collect::<String>();
    std::fs::write(store.accounts_dir().join("git-co-abc123.json"), marked).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    press(&mut app, "j");
    let text = screen_text(&mut app, (100, 30));
    let row = text
        .lines()
        .find(|l| l.contains("git-co-abc123.json"))
        .unwrap_or("")
        .to_owned();
    assert!(row.contains("conflict") && !row.contains("damaged"), "{text}");
    assert!(
        text.contains("conflict markers") && text.contains("doctor --fix"),
        "{text}"
    );
}
