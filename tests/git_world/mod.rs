//! A temp world for the git tests: a bare remote, clones with their own identities, a home
//! with no git config, and callbook run on each clone.
#![allow(dead_code)]

use callbook::domain::{Account, AccountId};
use callbook::storage::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// A temp folder holding the remote and the clones, and a home with no git config in it.
pub struct World {
    pub tmp: tempfile::TempDir,
}

impl World {
    pub fn new() -> World {
        let ok = Command::new("git")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            ok,
            "these tests need git on PATH, and there is none: install git to run them"
        );
        let w = World {
            tmp: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir(w.home()).unwrap();
        w.git(w.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
        w
    }

    pub fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// A command with this world's clean environment: no user or system git config.
    pub fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.env("HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home().join("gitconfig"))
            .env_remove("CALLBOOK_DATA_DIR");
        c
    }

    pub fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self
            .command("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn run(&self, dir: &Path, args: &[&str]) -> Output {
        self.command(BIN)
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .output()
            .unwrap()
    }

    /// `callbook --data-dir DIR ARGS`, which must succeed; its stdout.
    pub fn cb(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.run(dir, args);
        assert!(
            out.status.success(),
            "callbook {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A repository for `who`, its identity set, then set up for sync.
    pub fn person(&self, name: &str, who: &str, clone: bool) -> PathBuf {
        let dir = self.path(name);
        if clone {
            self.git(self.tmp.path(), &["clone", "-q", "remote.git", name]);
        } else {
            std::fs::create_dir(&dir).unwrap();
            self.git(&dir, &["init", "-q"]);
            self.git(&dir, &["remote", "add", "origin", "../remote.git"]);
        }
        self.git(&dir, &["config", "user.name", who]);
        self.git(&dir, &["config", "user.email", "someone@example.com"]);
        self.cb(&dir, &["sync", "--setup"]);
        dir
    }
}

/// The one account in `dir`, its id and its contents.
pub fn only(dir: &Path) -> (AccountId, Account) {
    let store = Store::open(dir).unwrap();
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    let id = match &list[0] {
        callbook::storage::Listing::Ok(s) => s.id.clone(),
        other => panic!("not readable: {other:?}"),
    };
    let account = store.load(&id).unwrap().account;
    (id, account)
}

pub fn change(dir: &Path, f: impl FnOnce(&mut Account)) {
    let store = Store::open(dir).unwrap();
    let (id, _) = only(dir);
    store
        .update(&id, "a test", |a| {
            f(a);
            Ok::<(), StoreError>(())
        })
        .unwrap();
}

pub fn file_text(dir: &Path) -> String {
    let (id, _) = only(dir);
    std::fs::read_to_string(Store::open(dir).unwrap().path_of(&id)).unwrap()
}

/// A rep's account with two goals, shared, and the coach's clone of it.
pub fn shared(w: &World) -> (PathBuf, PathBuf) {
    let rep = w.person("rep", "Rep Lee", false);
    w.cb(&rep, &["new", "Ashcombe Cold Freight"]);
    w.cb(
        &rep,
        &["add", "Ashcombe", "goals", "Cut spoilage claims below 0.5%"],
    );
    w.cb(&rep, &["add", "Ashcombe", "goals", "Grow pharma freight to 20%"]);
    let said = w.cb(&rep, &["sync"]);
    assert!(
        said.contains("Committed") && said.contains("Ashcombe Cold Freight"),
        "{said}"
    );
    assert!(said.contains("Pushed to origin"), "{said}");
    let coach = w.person("coach", "Coach Kim", true);
    (rep, coach)
}
