//! `callbook sync [--setup]`: the data folder shared through git. `--setup` makes it a
//! repository if it is not one, writes `.gitattributes` (accounts merge with callbook's
//! driver) and `.gitignore` (the cache, locks, recovery files, backups) and registers the
//! driver in the repository's config. `sync` commits local changes with a message that says
//! which accounts changed, pulls (merging accounts by id through the driver), pushes when a
//! remote is set, and says what came in and from whom. The TUI runs the same `sync`. From
//! the command line, the git step under way is named on stderr when that is a terminal.

use super::git::Git;
use super::progress::Progress;
use crate::domain::Account;
use crate::domain::health::count;
use crate::domain::text::{capitalised, clean};
use crate::storage::{self, Store};
use anyhow::bail;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// The line of `.gitattributes` that hands account files to the driver.
const ATTRIBUTES: &str = "accounts/*.json merge=callbook";

/// What `.gitignore` keeps out of the repository: per-machine files.
const IGNORED: &[&str] = &[
    ".cache/",
    ".*.lock",
    ".*.open",
    ".callbook-tmp-*",
    "recovery.json",
    "backup/",
];

/// Runs `callbook sync [--setup]`, printing what it did.
pub(super) fn run(store: &Store, setup_only: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let lines = if setup_only {
        setup(store.root())?
    } else {
        let steps = Progress::steps_for_stderr();
        let lines = sync_showing(store, &steps)?;
        steps.finish();
        lines
    };
    for line in lines {
        writeln!(out, "{}", clean(&line, false))?;
    }
    Ok(())
}

/// `sync --setup`: a repository with callbook's merge driver registered; says what it did.
pub fn setup(root: &Path) -> anyhow::Result<Vec<String>> {
    let git = Git::new(root)?;
    let mut done = Vec::new();
    if !git.is_repo() {
        git.ok(&["init", "-q"])?;
        done.push("Made the data folder a git repository".to_owned());
    }
    if add_lines(&root.join(".gitattributes"), &[ATTRIBUTES])? {
        done.push(format!("Wrote .gitattributes: {ATTRIBUTES}"));
    }
    if add_lines(&root.join(".gitignore"), IGNORED)? {
        done.push("Wrote .gitignore: the cache, locks, temp and recovery files, backups".to_owned());
    }
    let exe = std::env::current_exe()?;
    let driver = format!("{} merge-file %O %A %B", shell_quote(&exe.to_string_lossy()));
    git.ok(&["config", "merge.callbook.name", "callbook: accounts merged by id"])?;
    git.ok(&["config", "merge.callbook.driver", &driver])?;
    done.push("Registered callbook as git's merge driver for accounts/*.json".to_owned());
    git.ok(&["add", "--", ".gitattributes", ".gitignore"])?;
    if !git.succeeds(&[
        "diff",
        "--cached",
        "--quiet",
        "--",
        ".gitattributes",
        ".gitignore",
    ]) {
        git.ok(&[
            "commit",
            "-q",
            "-m",
            "callbook: share this folder through git",
            "--",
            ".gitattributes",
            ".gitignore",
        ])?;
        done.push("Committed .gitattributes and .gitignore".to_owned());
    }
    Ok(done)
}

/// Adds the lines `file` lacks; true when it wrote any.
fn add_lines(file: &Path, lines: &[&str]) -> anyhow::Result<bool> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => bail!("{}: {e}", file.display()),
    };
    let have: BTreeSet<&str> = text.lines().map(str::trim).collect();
    let missing: Vec<&str> = lines.iter().copied().filter(|l| !have.contains(l)).collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut new = text.clone();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    for l in missing {
        new.push_str(l);
        new.push('\n');
    }
    std::fs::write(file, new)?;
    Ok(true)
}

/// `s` quoted for the shell git runs the driver with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `sync`: commit, pull, push; what it did and what came in, a line each. Says nothing on
/// the way: the app runs it, and the app owns the terminal.
pub fn sync(store: &Store) -> anyhow::Result<Vec<String>> {
    sync_showing(store, &Progress::hidden())
}

/// `sync`, naming each git step on `steps` as it starts.
fn sync_showing(store: &Store, steps: &Progress) -> anyhow::Result<Vec<String>> {
    let root = store.root();
    let git = Git::new(root)?;
    if !git.is_repo() {
        bail!("the data folder is not a git repository: `callbook sync --setup` makes it one");
    }
    // An unfinished merge comes first: nothing else can go on until it is resolved.
    unfinished(&git)?;
    if !git.succeeds(&["config", "--get", "merge.callbook.driver"]) {
        bail!(
            "callbook is not git's merge driver in this repository yet (a fresh clone?): \
             `callbook sync --setup` registers it, so accounts merge by id"
        );
    }
    let mut said = Vec::new();
    steps.step("sync: committing");
    said.extend(commit(&git, root)?);
    let Some(remote) = git.remote() else {
        said.push(
            "No remote set, so nothing to pull or push (`git remote add origin URL`, then sync again)"
                .to_owned(),
        );
        return Ok(said);
    };
    let before = git.head();
    // The step goes to the terminal: the remote's name as `clean` shows it.
    let shown = clean(&remote, false).into_owned();
    steps.step(&format!("sync: pulling from {shown}"));
    pull(&git, &remote)?;
    let after = git.head();
    match (&before, &after) {
        (Some(b), Some(a)) if b != a => {
            steps.step("sync: reading what came in");
            said.extend(came_in(&git, b, a)?);
        }
        _ => said.push(format!("Nothing new from {remote}")),
    }
    steps.step(&format!("sync: pushing to {shown}"));
    push(&git, &remote)?;
    said.push(format!("Pushed to {remote}"));
    Ok(said)
}

/// Refuses to go on over a merge left unfinished (files git still marks conflicted).
fn unfinished(git: &Git) -> anyhow::Result<()> {
    let conflicted = git.ok(&["diff", "--name-only", "--diff-filter=U"])?;
    let files: Vec<&str> = conflicted.lines().filter(|l| !l.is_empty()).collect();
    if files.is_empty() {
        return Ok(());
    }
    bail!(
        "a merge is unfinished, with conflicts in {}: `callbook doctor --fix` resolves account files \
         by id, then `git commit` and sync again",
        files.join(", ")
    )
}

/// Commits everything changed in the folder; the message names the accounts and what changed.
fn commit(git: &Git, root: &Path) -> anyhow::Result<Option<String>> {
    git.ok(&["add", "-A", "--", "."])?;
    let staged = git.ok(&["diff", "--cached", "--name-only", "--", "."])?;
    let files: Vec<&str> = staged.lines().filter(|l| !l.is_empty()).collect();
    if files.is_empty() {
        return Ok(None);
    }
    let head = git.head();
    let parts: Vec<String> = files
        .iter()
        .map(|f| {
            let old = head.as_deref().and_then(|h| account_at(git, h, f));
            let new = read_account(&root.join(f));
            describe_file(f, old.as_ref(), new.as_ref(), None)
        })
        .collect();
    let message = format!("callbook: {}", parts.join("; "));
    // Only the data folder: in a larger repository, what else is staged stays staged.
    git.ok(&["commit", "-q", "-m", &message, "--", "."])?;
    Ok(Some(format!("Committed {}", parts.join("; "))))
}

/// Pulls from `remote`, merging through the driver; a pull that leaves conflicts is an error
/// naming the files and the remedy.
fn pull(git: &Git, remote: &str) -> anyhow::Result<()> {
    let branch = git.ok(&["rev-parse", "--abbrev-ref", "HEAD"])?.trim().to_owned();
    let args: Vec<&str> = if git.has_upstream() {
        vec!["pull", "-q", "--no-rebase", "--no-edit"]
    } else if git
        .ok(&["ls-remote", "--heads", remote, &branch])?
        .trim()
        .is_empty()
    {
        // The remote has no such branch yet: the first push makes it.
        return Ok(());
    } else {
        vec!["pull", "-q", "--no-rebase", "--no-edit", remote, &branch]
    };
    let out = git.output(&args)?;
    if out.status.success() {
        return Ok(());
    }
    let conflicted = git
        .ok(&["diff", "--name-only", "--diff-filter=U"])
        .unwrap_or_default();
    let files: Vec<&str> = conflicted.lines().filter(|l| !l.is_empty()).collect();
    if !files.is_empty() {
        bail!(
            "the pull left conflicts in {}: `callbook doctor --fix` resolves account files by id, \
             then `git commit` and sync again",
            files.join(", ")
        );
    }
    bail!("git pull failed: {}", String::from_utf8_lossy(&out.stderr).trim())
}

fn push(git: &Git, remote: &str) -> anyhow::Result<()> {
    if git.has_upstream() {
        git.ok(&["push", "-q"])?;
    } else {
        git.ok(&["push", "-q", "-u", remote, "HEAD"])?;
    }
    Ok(())
}

/// What the commits from `before` to `after` brought, per file, with who wrote them.
fn came_in(git: &Git, before: &str, after: &str) -> anyhow::Result<Vec<String>> {
    let range = format!("{before}..{after}");
    let files = git.ok(&["diff", "--name-only", before, after, "--", "."])?;
    let mut lines = Vec::new();
    for f in files.lines().filter(|l| !l.is_empty()) {
        let authors = git.ok(&["log", "--no-merges", "--format=%an", &range, "--", f])?;
        let authors: BTreeSet<&str> = authors.lines().filter(|a| !a.is_empty()).collect();
        let who = authors.into_iter().collect::<Vec<_>>().join(" and ");
        let old = account_at(git, before, f);
        let new = account_at(git, after, f);
        lines.push(describe_file(f, old.as_ref(), new.as_ref(), Some(&who)));
    }
    Ok(lines)
}

/// The account file `path` as commit `rev` has it, if it is one.
fn account_at(git: &Git, rev: &str, path: &str) -> Option<Account> {
    if !is_account(path) {
        return None;
    }
    let text = git.ok(&["show", &format!("{rev}:./{path}")]).ok()?;
    storage::parse(&text, Path::new(path)).ok().map(|(a, _)| a)
}

fn read_account(path: &Path) -> Option<Account> {
    let text = std::fs::read_to_string(path).ok()?;
    storage::parse(&text, path).ok().map(|(a, _)| a)
}

fn is_account(path: &str) -> bool {
    path.starts_with("accounts/") && path.ends_with(".json")
}

/// One file's change in words: "Coach Kim commented on 2 items of Ashcombe Cold Freight".
fn describe_file(path: &str, old: Option<&Account>, new: Option<&Account>, who: Option<&str>) -> String {
    let who = who.filter(|w| !w.is_empty());
    let subject = |verb: &str| match who {
        Some(w) => format!("{w} {verb}"),
        None => capitalised(verb),
    };
    match (old, new, is_account(path)) {
        (None, Some(n), true) => subject(&format!("added the account {}", n.name)),
        (Some(o), None, true) => subject(&format!("removed the account {}", o.name)),
        (Some(o), Some(n), true) => {
            let c = Change::between(o, n);
            let mut parts = Vec::new();
            if c.commented > 0 {
                parts.push(format!("commented on {}", count(c.commented, "item", "items")));
            }
            if c.records > 0 {
                parts.push(format!("changed {}", count(c.records, "record", "records")));
            }
            if parts.is_empty() {
                parts.push("changed".to_owned());
            }
            subject(&format!("{} of {}", parts.join(" and "), n.name))
        }
        _ => subject(&format!("changed {path}")),
    }
}

/// How one version of an account differs from another, in what a reader cares about.
#[derive(Debug, Default, PartialEq, Eq)]
struct Change {
    /// Records newly commented on (distinct anchors of comments or replies added).
    commented: usize,
    /// Records added, changed or removed, comments aside.
    records: usize,
}

impl Change {
    fn between(old: &Account, new: &Account) -> Change {
        let (o, n) = (records(old), records(new));
        let ids: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
        let records = ids.into_iter().filter(|id| o.get(*id) != n.get(*id)).count();
        let anchors: BTreeSet<&str> = new
            .comments
            .iter()
            .filter(|c| {
                old.comments
                    .iter()
                    .find(|oc| oc.id == c.id)
                    .is_none_or(|oc| oc.replies.len() < c.replies.len())
            })
            .map(|c| c.anchor.as_str())
            .collect();
        Change {
            commented: anchors.len(),
            records,
        }
    }
}

/// Every record of an account with an id, comments aside, by id.
fn records(account: &Account) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    let Ok(mut json) = serde_json::to_value(account) else {
        return out;
    };
    if let Some(o) = json.as_object_mut() {
        o.remove("comments");
    }
    collect(&json, &mut out);
    out
}

fn collect(v: &serde_json::Value, out: &mut BTreeMap<String, serde_json::Value>) {
    match v {
        serde_json::Value::Array(list) => {
            for r in list {
                match r.get("id").and_then(serde_json::Value::as_str) {
                    Some(id) => drop(out.insert(id.to_owned(), r.clone())),
                    None => collect(r, out),
                }
            }
        }
        serde_json::Value::Object(o) => o.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}
