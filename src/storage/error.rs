//! What can go wrong with the data folder. Each error names the file involved and says what
//! happened; messages never name keys, so a remedy that needs one is the UI's to add.
//!
//! Each message is whole: it says the system's words itself, so [`StoreError`] reports no
//! `source()`, and a chain printed with `{:#}` says them once.

use crate::domain::AccountId;
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong with the data folder, each naming the file involved.
#[derive(Debug)]
pub enum StoreError {
    /// The file changed on disk since it was read (a `git pull`, another window), so a save
    /// would overwrite someone's work.
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The file was deleted on disk since it was read (another window, a sync client), so
    /// a save would silently bring it back.
    Deleted {
        /// The file.
        path: PathBuf,
    },
    /// Reading or writing failed.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not one callbook reads (not a regular file, a symlink leading out of
    /// the data folder, too large, empty); it was not opened, or not read far.
    Odd {
        /// The file.
        path: PathBuf,
        /// What is odd about it.
        why: Odd,
    },
    /// The file is not valid JSON, or not a valid account.
    Damaged {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file has git conflict markers (a merge made without callbook's merge driver):
    /// two versions of the account in one file, which `callbook doctor --fix` merges by id.
    Conflicted {
        /// The file.
        path: PathBuf,
        /// The account's name on our side, when the error answers a name asked for.
        name: Option<String>,
    },
    /// A sync client's "conflicted copy" of an account file, beside it: not an account of
    /// its own, but a second version of `of`, which `callbook doctor --fix` merges into it.
    ConflictedCopy {
        /// The copy.
        path: PathBuf,
        /// The account it is a copy of.
        of: AccountId,
        /// Which sync clients name their copies this way.
        tool: &'static str,
    },
    /// The file was written by a newer callbook; saving over it would lose data.
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// The schema the file declares.
        schema: u32,
    },
    /// No account has that id or name.
    NotFound(String),
    /// An account of that name exists already (names are compared ignoring case and extra
    /// spaces), so a second one would be ambiguous everywhere a name is asked for. The
    /// message names it by name only, for the app; the CLI adds the id.
    NameTaken {
        /// The existing account's name, as it is written.
        name: String,
        /// The existing account's id.
        id: AccountId,
    },
    /// Another writer holds the account's lock and did not let go in time.
    Locked {
        /// The account file.
        path: PathBuf,
        /// Who holds it, in words, when the lock file says.
        holder: Option<String>,
    },
    /// Several accounts' names start with that text.
    Ambiguous {
        /// What was asked for.
        name: String,
        /// The names that matched.
        matches: Vec<String>,
    },
}

/// Why a file of the data folder is not read, for [`StoreError::Odd`].
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Odd {
    /// A FIFO, a device, a socket or a directory; says which.
    NotRegular(String),
    /// A symlink to something outside the data folder.
    Outside,
    /// Larger than callbook reads; its size in bytes.
    TooLarge(u64),
    /// Nothing in it (or only spaces).
    Empty,
}

impl fmt::Display for Odd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Odd::NotRegular(kind) => write!(f, "not a regular file ({kind}); left alone"),
            Odd::Outside => f.write_str("points outside the data folder; not followed, left alone"),
            Odd::TooLarge(size) => write!(
                f,
                "too large for a callbook file ({} MB; the limit is {} MB); not read",
                size.div_ceil(1 << 20),
                super::read::MAX_FILE >> 20
            ),
            Odd::Empty => f.write_str("empty file"),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| p.display().to_string();
        match self {
            StoreError::Changed { path } => write!(
                f,
                "{}: changed on disk since callbook read it (a git pull, or another window?); \
                 not overwritten",
                shown(path)
            ),
            StoreError::Deleted { path } => write!(
                f,
                "{}: deleted on disk since callbook read it; not written back",
                shown(path)
            ),
            StoreError::Io { path, source } => write!(f, "{}: {}", shown(path), system_words(source)),
            StoreError::Odd { path, why } => write!(f, "{}: {why}", shown(path)),
            StoreError::Damaged {
                path,
                line,
                column,
                message,
            } => write!(f, "{}: line {line}, column {column}: {message}", shown(path)),
            StoreError::Conflicted { path, name } => {
                match name {
                    Some(name) => write!(f, "{}: account {name:?} has git conflict markers", shown(path))?,
                    None => write!(f, "{}: has git conflict markers", shown(path))?,
                }
                f.write_str(CONFLICT_REMEDY)
            }
            StoreError::ConflictedCopy { path, of, tool } => write!(
                f,
                "{}: a conflicted copy of {of} made by a sync tool ({tool}), not an account of \
                 its own; `callbook doctor --fix` merges it into {of}.json after a backup and \
                 moves the copy into the backup",
                shown(path)
            ),
            StoreError::ReadOnly { path, schema } => write!(
                f,
                "{}: written by a newer callbook (schema {schema}); opened read-only",
                shown(path)
            ),
            StoreError::NotFound(name) => write!(f, "no account matches {name:?} (see `callbook list`)"),
            StoreError::NameTaken { name, .. } => write!(f, "an account named {name:?} already exists"),
            StoreError::Locked { path, holder } => write!(
                f,
                "{}: being changed by {}; nothing written, try again in a moment",
                shown(path),
                holder.as_deref().unwrap_or("another callbook")
            ),
            StoreError::Ambiguous { name, matches } => write!(
                f,
                "{name:?} matches several accounts: {}; give more of the name or the id",
                matches.join(", ")
            ),
        }
    }
}

/// What a file with conflict markers needs, after the words that say it has them.
const CONFLICT_REMEDY: &str = " (two versions in one file, from a merge without callbook's \
    merge driver); `callbook doctor --fix` merges both sides by id after a backup, and \
    `callbook sync --setup` before the next pull lets git do it";

/// The message itself says what the system said, so there is no separate source: a chain
/// printed with `{:#}` would say it twice.
impl std::error::Error for StoreError {}

/// What the system said, without the "(os error N)" that means nothing to a reader; a full
/// disk in plain words.
fn system_words(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::StorageFull {
        return "the disk is full; nothing was written".into();
    }
    let words = e.to_string();
    match words.rfind(" (os error ") {
        Some(i) if words.ends_with(')') => words[..i].to_owned(),
        _ => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_io_error_is_said_once() {
        let e = StoreError::Io {
            path: "/data/accounts/d.json".into(),
            source: std::io::Error::from_raw_os_error(21),
        };
        let chain = format!("{:#}", anyhow::Error::from(e));
        assert_eq!(chain.matches("directory").count(), 1, "{chain}");
        assert!(!chain.contains("os error"), "{chain}");
    }

    #[test]
    fn a_full_disk_names_the_file_once() {
        let e = StoreError::Io {
            path: "/data/accounts/a.json".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        let chain = format!("{:#}", anyhow::Error::from(e));
        assert_eq!(
            chain,
            "/data/accounts/a.json: the disk is full; nothing was written"
        );
    }
}
