//! What can go wrong with the data folder. Each error names the file involved and says what
//! happened; messages never name keys, so a remedy that needs one is the UI's to add.

use crate::domain::AccountId;
use std::path::PathBuf;

/// Everything that can go wrong with the data folder, each naming the file involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file changed on disk since it was read (a `git pull`, another window), so a save
    /// would overwrite someone's work.
    #[error(
        "{}: changed on disk since callbook read it (a git pull, or another window?); not overwritten",
        path.display()
    )]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// Reading or writing failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid JSON, or not a valid account.
    #[error("{}: line {line}, column {column}: {message}", path.display())]
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
    /// The file was written by a newer callbook; saving over it would lose data.
    #[error("{}: written by a newer callbook (schema {schema}); opened read-only", path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// The schema the file declares.
        schema: u32,
    },
    /// No account has that id or name.
    #[error("no account matches {0:?} (see `callbook list`)")]
    NotFound(String),
    /// An account of that name exists already (names are compared ignoring case and extra
    /// spaces), so a second one would be ambiguous everywhere a name is asked for. The
    /// message names it by name only, for the app; the CLI adds the id.
    #[error("an account named {name:?} already exists")]
    NameTaken {
        /// The existing account's name, as it is written.
        name: String,
        /// The existing account's id.
        id: AccountId,
    },
    /// Another writer holds the account's lock and did not let go in time.
    #[error(
        "{}: being changed by {}; nothing written, try again in a moment",
        path.display(),
        holder.as_deref().unwrap_or("another callbook")
    )]
    Locked {
        /// The account file.
        path: PathBuf,
        /// Who holds it, in words, when the lock file says.
        holder: Option<String>,
    },
    /// Several accounts' names start with that text.
    #[error("{name:?} matches several accounts: {}; give more of the name or the id", .matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        name: String,
        /// The names that matched.
        matches: Vec<String>,
    },
}
