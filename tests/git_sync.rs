//! Shared through git, against the real git binary (issue 14): a rep and a coach with two
//! clones of a bare remote, each running `callbook sync`. Edits to different records, comments
//! on the same question, additions on both sides all land on both sides with no conflict
//! markers; one item changed on both sides is kept twice, the other version marked. The merge
//! driver on its own, `sync` without git, and `sync` outside a repository say what they are.
//! With no git on this machine these tests fail saying so, rather than pass unseen.

mod git_world;

use callbook::domain::Account;
use callbook::domain::comment::Comment;
use callbook::domain::copies::copies;
use callbook::domain::plan::Question;
use callbook::storage::to_json;
use git_world::*;

#[test]
fn rep_and_coach_edit_and_comment_and_both_end_with_everything() {
    let w = World::new();
    let (rep, coach) = shared(&w);
    let now = callbook::domain::now();
    change(&rep, |a| {
        let goal = a.world.goals[0].id.clone();
        a.questions.push(Question::new(
            "What does a rejected load cost you?",
            vec![goal],
            None,
            now,
        ));
    });
    w.cb(&rep, &["sync"]);
    let said = w.cb(&coach, &["sync"]);
    assert!(
        said.contains("Rep Lee changed 1 record of Ashcombe Cold Freight"),
        "{said}"
    );

    // At the same time: the rep edits a goal and adds a question, the coach comments on the
    // other goal and on the first question.
    change(&rep, |a| {
        a.world.goals[0].text = "Cut spoilage claims below 0.4%".into();
        a.world.goals[0].updated = now;
        a.questions
            .push(Question::new("Who signs off the budget?", Vec::new(), None, now));
    });
    change(&coach, |a| {
        let goal = a.world.goals[1].id.to_string();
        let question = a.questions[0].id.to_string();
        a.comments
            .push(Comment::new(&goal, "Coach Kim", "Whose target is this?", now));
        a.comments.push(Comment::new(
            &question,
            "Coach Kim",
            "Ask it in their numbers",
            now,
        ));
    });
    w.cb(&rep, &["sync"]);
    let coach_said = w.cb(&coach, &["sync"]);
    assert!(
        coach_said.contains("Rep Lee changed 2 records of Ashcombe Cold Freight"),
        "{coach_said}"
    );
    let rep_said = w.cb(&rep, &["sync"]);
    assert!(
        rep_said.contains("Coach Kim commented on 2 items of Ashcombe Cold Freight"),
        "{rep_said}"
    );

    for dir in [&rep, &coach] {
        let text = file_text(dir);
        assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "{text}");
        let (_, a) = only(dir);
        assert_eq!(a.world.goals[0].text, "Cut spoilage claims below 0.4%");
        assert_eq!(a.questions.len(), 2, "{:?}", a.questions);
        assert_eq!(a.comments.len(), 2);
        assert!(copies(&a).is_empty(), "nothing changed on both sides");
    }
    assert_eq!(
        file_text(&rep),
        file_text(&coach),
        "both sides hold the same file"
    );
}

#[test]
fn an_item_changed_on_both_sides_is_kept_twice_and_marked() {
    let w = World::new();
    let (rep, coach) = shared(&w);
    let now = callbook::domain::now();
    change(&rep, |a| {
        a.world.goals[0].text = "Cut spoilage claims below 0.4%".into()
    });
    change(&coach, |a| {
        a.world.goals[0].text = "Cut spoilage claims below 0.3%".into();
        a.world.goals[0].updated = now;
    });
    w.cb(&rep, &["sync"]);
    w.cb(&coach, &["sync"]);
    w.cb(&rep, &["sync"]);
    for dir in [&rep, &coach] {
        let (_, a) = only(dir);
        let texts: Vec<&str> = a.world.goals.iter().map(|g| g.text.as_str()).collect();
        assert!(texts.contains(&"Cut spoilage claims below 0.3%"), "{texts:?}");
        assert!(
            texts.contains(&"Cut spoilage claims below 0.4% (changed elsewhere)"),
            "{texts:?}"
        );
        assert_eq!(copies(&a).len(), 1);
        assert!(!file_text(dir).contains("<<<<<<<"));
    }
    let listed = w.cb(&coach, &["export", "Ashcombe", "--format", "md"]);
    assert!(
        listed.contains("(changed elsewhere)"),
        "the copy is shown: {listed}"
    );
}

#[test]
fn the_driver_merges_by_id_and_falls_back_to_markers_on_what_it_cant_read() {
    let w = World::new();
    let dir = w.path("files");
    std::fs::create_dir(&dir).unwrap();
    let now = callbook::domain::now();
    let mut base = Account::new("Ashcombe", now);
    base.world
        .goals
        .push(callbook::domain::Item::new("Grow pharma", now));
    let mut ours = base.clone();
    ours.world.goals.push(callbook::domain::Item::new("Ours", now));
    let mut theirs = base.clone();
    theirs
        .world
        .goals
        .push(callbook::domain::Item::new("Theirs", now));
    let put = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let (b, o, t) = (
        put("b", &to_json(&base)),
        put("o", &to_json(&ours)),
        put("t", &to_json(&theirs)),
    );
    let out = w.command(BIN).args(["merge-file", &b, &o, &t]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let merged: Account = serde_json::from_str(&std::fs::read_to_string(&o).unwrap()).unwrap();
    let texts: Vec<&str> = merged.world.goals.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["Grow pharma", "Ours", "Theirs"]);

    let o = put("o2", "{\n  \"schema\": 2,\n  \"name\": \"Ashcombe\",,\n}\n");
    let out = w.command(BIN).args(["merge-file", &b, &o, &t]).output().unwrap();
    assert!(!out.status.success(), "an unreadable side is a conflict for git");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("can't merge by id") && said.contains("line merge"),
        "{said}"
    );
    assert!(std::fs::read_to_string(&o).unwrap().contains("<<<<<<< ours"));
}

#[test]
fn sync_outside_a_repository_or_without_git_says_what_to_do() {
    let w = World::new();
    let dir = w.path("alone");
    w.cb(&dir, &["new", "Ashcombe"]);
    let out = w.run(&dir, &["sync"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("not a git repository") && said.contains("sync --setup"),
        "{said}"
    );

    let empty = w.path("no-git-here");
    std::fs::create_dir(&empty).unwrap();
    let out = w
        .command(BIN)
        .env("PATH", &empty)
        .arg("--data-dir")
        .arg(&dir)
        .arg("sync")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("git is not installed"), "{said}");

    let fresh = w.path("fresh");
    std::fs::create_dir(&fresh).unwrap();
    w.git(&fresh, &["init", "-q"]);
    w.cb(&fresh, &["new", "Ashcombe"]);
    let out = w.run(&fresh, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("not git's merge driver") && said.contains("sync --setup"),
        "{said}"
    );
}

#[test]
fn setup_makes_a_repository_ignores_local_files_and_is_idempotent() {
    let w = World::new();
    let dir = w.path("new-folder");
    w.cb(&dir, &["new", "Ashcombe"]);
    w.git(w.tmp.path(), &["init", "-q", "new-folder"]);
    w.git(&dir, &["config", "user.name", "Rep Lee"]);
    w.git(&dir, &["config", "user.email", "rep@example.com"]);
    let said = w.cb(&dir, &["sync", "--setup"]);
    assert!(
        said.contains("Registered callbook as git's merge driver"),
        "{said}"
    );
    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert!(
        attributes.contains("accounts/*.json merge=callbook"),
        "{attributes}"
    );
    let ignored = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    for line in [".cache/", ".*.lock", "recovery.json"] {
        assert!(ignored.lines().any(|l| l == line), "{ignored}");
    }
    w.cb(&dir, &["sync", "--setup"]);
    let again = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert_eq!(ignored, again, "a second setup adds nothing");
    let said = w.cb(&dir, &["sync"]);
    assert!(said.contains("No remote set"), "{said}");
    let tracked = w.git(&dir, &["ls-files"]);
    assert!(
        tracked.contains("accounts/") && !tracked.contains(".cache"),
        "{tracked}"
    );
}

#[test]
fn a_pull_without_the_driver_is_reported_as_a_conflict_and_doctor_fix_resolves_it() {
    let w = World::new();
    let (rep, _coach) = shared(&w);
    // A clone that never ran `sync --setup`: git merges its accounts line by line.
    let plain = w.path("plain");
    w.git(w.tmp.path(), &["clone", "-q", "remote.git", "plain"]);
    w.git(&plain, &["config", "user.name", "Plain Pat"]);
    w.git(&plain, &["config", "user.email", "pat@example.com"]);
    change(&plain, |a| {
        a.world.goals[0].text = "Cut spoilage claims below 0.3%".into()
    });
    w.git(&plain, &["commit", "-q", "-am", "by hand"]);
    change(&rep, |a| {
        a.world.goals[0].text = "Cut spoilage claims below 0.4%".into()
    });
    w.cb(&rep, &["sync"]);
    let pulled = w
        .command("git")
        .arg("-C")
        .arg(&plain)
        .args(["pull", "-q", "--no-rebase", "--no-edit"])
        .output()
        .unwrap();
    assert!(
        !pulled.status.success(),
        "git's line merge conflicts on the same goal"
    );
    let text = std::fs::read_to_string(
        plain
            .join("accounts")
            .read_dir()
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    assert!(text.contains("<<<<<<<"), "{text}");

    let listed = w.cb(&plain, &["list"]);
    assert!(
        listed.contains("CONFLICT") && listed.contains("doctor --fix"),
        "{listed}"
    );
    let out = w.run(&plain, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && said.contains("unfinished") && said.contains("doctor --fix"),
        "{said}"
    );
    let out = w.run(&plain, &["doctor"]);
    assert!(!out.status.success(), "doctor finds the conflict");
    assert!(String::from_utf8_lossy(&out.stdout).contains("conflict markers"));

    let fixed = w.run(&plain, &["doctor", "--fix"]);
    assert!(
        fixed.status.success(),
        "{}",
        String::from_utf8_lossy(&fixed.stdout)
    );
    let (_, a) = only(&plain);
    let texts: Vec<&str> = a.world.goals.iter().map(|g| g.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Cut spoilage claims below 0.3%")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Cut spoilage claims below 0.4%")),
        "{texts:?}"
    );
    assert_eq!(copies(&a).len(), 1, "one version marked as the other's copy");
    w.git(&plain, &["add", "-A"]);
    w.git(&plain, &["commit", "-q", "--no-edit"]);
    w.cb(&plain, &["sync", "--setup"]);
    let said = w.cb(&plain, &["sync"]);
    assert!(said.contains("Pushed"), "{said}");
}

#[test]
fn inside_a_larger_repository_sync_commits_only_the_data_folder() {
    let w = World::new();
    let top = w.path("dotfiles");
    std::fs::create_dir(&top).unwrap();
    w.git(&top, &["init", "-q"]);
    w.git(&top, &["config", "user.name", "Rep Lee"]);
    w.git(&top, &["config", "user.email", "rep@example.com"]);
    std::fs::write(top.join("notes.txt"), "mine\n").unwrap();
    w.git(&top, &["add", "notes.txt"]);
    let data = top.join("callbook");
    w.cb(&data, &["new", "Ashcombe"]);
    w.cb(&data, &["sync", "--setup"]);
    w.cb(&data, &["sync"]);
    let committed = w.git(&top, &["log", "--name-only", "--format="]);
    assert!(committed.contains("callbook/accounts/"), "{committed}");
    assert!(!committed.contains("notes.txt"), "{committed}");
    let staged = w.git(&top, &["diff", "--cached", "--name-only"]);
    assert_eq!(staged.trim(), "notes.txt", "what else was staged stays staged");
}
