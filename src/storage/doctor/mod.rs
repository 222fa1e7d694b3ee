//! `callbook doctor`: every file of the data folder looked at, and each problem said with its
//! file and a one-line remedy. Looking writes nothing; [`fix`] repairs what is safe to repair
//! (after a backup), and leaves the rest to a person.
//!
//! - `scan`: walking the folder, one check per kind of file; `accounts`: the checks of
//!   `accounts/` (account files, conflicted copies, strays, locks).
//! - `records`: what is wrong inside a readable account (duplicate and dangling ids).
//! - `fix`: the repairs, each after a backup in `backup/<UTC time>/`.

mod accounts;
mod fix;
mod records;
mod scan;

pub use fix::fix;

use crate::domain::AccountId;
use crate::storage::Watch;
use std::path::{Path, PathBuf};

/// One thing `doctor` found.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The file, relative to the data folder.
    pub file: PathBuf,
    /// What is wrong.
    pub what: String,
    /// What to do about it, in one line.
    pub remedy: String,
    /// Worth knowing but not wrong (a newer schema, a symlink inside the folder): it does
    /// not make `doctor` fail.
    pub notice: bool,
    /// The repair `--fix` makes, when one is safe.
    pub fix: Option<Fix>,
}

/// A repair `doctor --fix` can make without losing anything.
#[derive(Clone, Debug, PartialEq)]
pub enum Fix {
    /// Merge both sides of the conflict markers in this account's file.
    Resolve(AccountId),
    /// Merge this conflicted copy into the account, then move the copy into the backup.
    MergeCopy(AccountId),
    /// Set the file's or folder's mode to this.
    Mode(u32),
    /// Remove a temp file left by a save that died.
    RemoveTemp,
    /// Remove a lock file nobody holds: the lock's name as `lock::try_acquire` takes it.
    RemoveLock(String),
}

impl Problem {
    /// The problem as `doctor` prints it, one line: `PROBLEM  file: what; remedy`.
    pub fn line(&self) -> String {
        let tag = if self.notice { "NOTICE " } else { "PROBLEM" };
        format!("{tag}  {}: {}; {}", self.file.display(), self.what, self.remedy)
    }
}

/// Every problem of the data folder `root`, in the order of its files. Nothing is written.
/// `backup/` (doctor's own backups) and `.git/` are not looked into. `watch` is told of
/// each entry of `accounts/`.
pub fn check(root: &Path, watch: &dyn Watch) -> Vec<Problem> {
    scan::Scan::new(root, watch).run()
}

/// `path` relative to `root`, for messages.
fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_owned()
}
