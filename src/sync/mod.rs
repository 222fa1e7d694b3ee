//! The data folder shared through git, for `callbook sync [--setup]` and the app's sync key.
//! `setup` makes the folder a repository if it is not one, writes `.gitattributes` (accounts
//! merge with callbook's driver) and `.gitignore` (the cache, locks, recovery files, backups)
//! and registers the driver in the repository's config. `sync` commits local changes with a
//! message that says which accounts changed, pulls (merging accounts by id through the
//! driver), pushes when a remote is set, and says what came in and from whom (`news.rs`).
//! git itself is run by `git.rs`.

mod git;
mod news;

use crate::domain::text::clean;
use crate::storage::Store;
use anyhow::bail;
use git::Git;
use news::*;
use std::collections::BTreeSet;
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

/// `sync`: commit, pull, push; what it did and what came in, a line each. Each git step is
/// named to `step` as it starts (the command line shows it; the app, which owns the
/// terminal, passes a step that says nothing).
pub fn sync(store: &Store, step: &dyn Fn(&str)) -> anyhow::Result<Vec<String>> {
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
    step("sync: committing");
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
    step(&format!("sync: pulling from {shown}"));
    pull(&git, &remote)?;
    let after = git.head();
    match (&before, &after) {
        (Some(b), Some(a)) if b != a => {
            step("sync: reading what came in");
            said.extend(came_in(&git, b, a)?);
        }
        _ => said.push(format!("Nothing new from {remote}")),
    }
    step(&format!("sync: pushing to {shown}"));
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
