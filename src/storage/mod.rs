//! The data folder: one JSON file per account under `accounts/`, written atomically
//! (temp file in the same folder, fsync, rename, fsync the folder). A file that fails to
//! parse is reported with its line and column and is never written over.

mod bank;
mod cache;
mod file;
mod queue;

pub use file::{parse, parse_bank, to_json, write_atomic};
pub use queue::Due;

use crate::domain::{Account, AccountId, Pane, SCHEMA};
use chrono::{DateTime, Utc};
use file::{bad_name, sync_dir};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Prefix of the temp files a save writes before renaming them into place.
pub(crate) const TMP_PREFIX: &str = ".callbook-tmp-";
/// Temp files older than this at start belong to a save that died; younger ones may belong
/// to another callbook saving right now.
const TMP_STALE: Duration = Duration::from_secs(10);

/// Everything that can go wrong with the data folder, each naming the file involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file changed on disk since it was read (a `git pull`, another window), so a save
    /// would overwrite someone's work.
    #[error(
        "{}: changed on disk since callbook read it (a git pull, or another window?); not overwritten. Esc and open the account again to see the new version",
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
    /// Several accounts' names start with that text.
    #[error("{name:?} matches several accounts: {}; give more of the name or the id", .matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        name: String,
        /// The names that matched.
        matches: Vec<String>,
    },
}

/// Bumped whenever [`Listed`] changes shape, so an old cache is simply rebuilt.
const LIST_VERSION: u32 = 1;

/// What the list cache keeps of one account file.
#[derive(serde::Serialize, serde::Deserialize)]
enum Listed {
    /// A readable account's summary.
    Ok {
        name: String,
        updated: DateTime<Utc>,
        counts: [usize; 6],
    },
    /// A file that does not parse, and where.
    Damaged {
        line: usize,
        column: usize,
        message: String,
    },
    /// A file that could not be read at all.
    Unreadable(String),
}

impl Listed {
    fn read(path: &Path) -> Listed {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => return Listed::Unreadable(e.to_string()),
        };
        match parse(&text, path) {
            Ok((a, _)) => Listed::Ok {
                name: a.name.clone(),
                updated: a.updated,
                counts: Pane::ALL.map(|p| a.len(p)),
            },
            Err(StoreError::Damaged {
                line,
                column,
                message,
                ..
            }) => Listed::Damaged {
                line,
                column,
                message,
            },
            Err(e) => Listed::Unreadable(e.to_string()),
        }
    }

    /// A file that could not be opened may be fixed without changing its size or time
    /// (`chmod`), so that is never cached.
    fn cacheable(&self) -> bool {
        !matches!(self, Listed::Unreadable(_))
    }

    fn listing(self, store: &Store, stem: String) -> Option<Listing> {
        let id = AccountId::parse(&stem)?;
        let path = store.path_of(&id);
        Some(match self {
            Listed::Ok {
                name,
                updated,
                counts,
            } => Listing::Ok(Summary {
                id,
                name,
                updated,
                counts,
            }),
            Listed::Damaged {
                line,
                column,
                message,
            } => Listing::Damaged {
                stem,
                error: StoreError::Damaged {
                    path,
                    line,
                    column,
                    message,
                },
            },
            Listed::Unreadable(message) => Listing::Damaged {
                stem,
                error: StoreError::Io {
                    path,
                    source: std::io::Error::other(message),
                },
            },
        })
    }
}

/// A short description of an account, for lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The account's id.
    pub id: AccountId,
    /// Its display name.
    pub name: String,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Entries per pane, in [`Pane::ALL`] order.
    pub counts: [usize; 6],
}

/// One file found under `accounts/`.
#[derive(Debug)]
pub enum Listing {
    /// A readable account.
    Ok(Summary),
    /// A file that could not be read; the error names it.
    Damaged {
        /// The file's stem.
        stem: String,
        /// Why it can't be read.
        error: StoreError,
    },
}

/// An account read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// Its id.
    pub id: AccountId,
    /// Its content.
    pub account: Account,
    /// `Some(schema)` when written by a newer callbook: show it, never save it.
    pub newer_schema: Option<u32>,
    /// A fingerprint of the bytes read, so a later save can tell whether the file changed.
    pub fingerprint: u64,
}

/// The data folder.
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
    /// Whether caches in `.cache/` are brought up to date on disk (they are always read).
    write_caches: bool,
}

impl Store {
    /// The platform's data folder for callbook, when the platform has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "callbook").map(|d| d.data_local_dir().to_owned())
    }

    /// Opens (creating if needed, mode 0700) the data folder and removes temp files left
    /// by saves that died.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let store = Store {
            root: root.into(),
            write_caches: true,
        };
        for dir in [store.root.clone(), store.accounts_dir(), store.trash_dir()] {
            create_private_dir(&dir)?;
        }
        store.clean_temp_files()?;
        Ok(store)
    }

    /// This store, reading caches but never writing them: for the command line, whose
    /// promise is that a failing command writes nothing at all to the data folder.
    pub fn without_cache_writes(self) -> Self {
        Store {
            write_caches: false,
            ..self
        }
    }

    /// The data folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where account files live.
    pub fn accounts_dir(&self) -> PathBuf {
        self.root.join("accounts")
    }

    /// Where deleted accounts go.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The file of account `id`.
    pub fn path_of(&self, id: &AccountId) -> PathBuf {
        self.accounts_dir().join(format!("{id}.json"))
    }

    /// Every account file, readable or not, sorted by name (damaged ones last). What each
    /// file says is kept in the cache `.cache/list.json`, so an unchanged file is not read
    /// again: a folder of large accounts lists in a blink after the first time.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let (ids, bad): (Vec<_>, Vec<_>) = self
            .account_files()?
            .into_iter()
            .partition(|(stem, _)| AccountId::parse(stem).is_some());
        let entries = cache::refreshed(
            self,
            "list.json",
            LIST_VERSION,
            ids,
            Listed::read,
            Listed::cacheable,
        );
        let mut out: Vec<Listing> = entries
            .into_iter()
            .filter_map(|(stem, l)| l.listing(self, stem))
            .collect();
        out.extend(bad.into_iter().map(|(stem, path)| Listing::Damaged {
            stem,
            error: bad_name(path),
        }));
        out.sort_by_cached_key(|l| match l {
            Listing::Ok(s) => (0, s.name.to_lowercase(), s.id.to_string()),
            Listing::Damaged { stem, .. } => (1, String::new(), stem.clone()),
        });
        Ok(out)
    }

    /// Reads account `id`.
    pub fn load(&self, id: &AccountId) -> Result<Loaded, StoreError> {
        let path = self.path_of(id);
        let text = fs::read_to_string(&path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        let (account, newer_schema) = parse(&text, &path)?;
        Ok(Loaded {
            id: id.clone(),
            account,
            newer_schema,
            fingerprint: fingerprint(text.as_bytes()),
        })
    }

    /// Writes account `id` atomically: a crash leaves the old file or the new one. The file
    /// on disk is checked first: if it became unreadable or was rewritten by a newer callbook
    /// since it was loaded (a `git pull`, another editor), it is left alone and this fails.
    pub fn save(&self, id: &AccountId, account: &Account) -> Result<(), StoreError> {
        self.save_checked(id, account, None).map(|_| ())
    }

    /// [`Store::save`], and when `expected` is given (the fingerprint of what was read or
    /// last written), also refuses if the file changed on disk since. Returns the
    /// fingerprint of what it wrote.
    pub fn save_checked(
        &self,
        id: &AccountId,
        account: &Account,
        expected: Option<u64>,
    ) -> Result<u64, StoreError> {
        let path = self.path_of(id);
        if account.schema > SCHEMA {
            return Err(StoreError::ReadOnly {
                path,
                schema: account.schema,
            });
        }
        match fs::read_to_string(&path) {
            Ok(text) => {
                if let (_, Some(schema)) = parse(&text, &path)? {
                    return Err(StoreError::ReadOnly { path, schema });
                }
                if expected.is_some_and(|e| e != fingerprint(text.as_bytes())) {
                    return Err(StoreError::Changed { path });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(StoreError::Io { path, source }),
        }
        let bytes = to_json(account);
        write_atomic(&self.accounts_dir(), &path, bytes.as_bytes())?;
        Ok(fingerprint(bytes.as_bytes()))
    }

    /// Saves a new account under a fresh id and returns the id.
    pub fn create(&self, account: &Account) -> Result<AccountId, StoreError> {
        let id = loop {
            let id = AccountId::generate(&account.name);
            if !self.path_of(&id).exists() {
                break id;
            }
        };
        self.save(&id, account)?;
        Ok(id)
    }

    /// Moves account `id`'s file (damaged or not) into `trash/`; nothing is destroyed.
    pub fn trash(&self, stem: &str) -> Result<PathBuf, StoreError> {
        // Stems come from `list`, but never let one reach outside `accounts/`.
        if stem.is_empty() || stem.starts_with('.') || stem.contains(['/', '\\', '\0']) {
            return Err(StoreError::NotFound(stem.to_owned()));
        }
        let from = self.accounts_dir().join(format!("{stem}.json"));
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let to = self.trash_dir().join(format!("{stem}.{stamp}.json"));
        fs::rename(&from, &to).map_err(|source| StoreError::Io { path: from, source })?;
        sync_dir(&self.trash_dir())?;
        sync_dir(&self.accounts_dir())?;
        Ok(to)
    }

    /// Finds an account by id, by name (any case), or by a unique prefix of its name.
    pub fn resolve(&self, name: &str) -> Result<AccountId, StoreError> {
        if let Some(id) = AccountId::parse(name).filter(|id| self.path_of(id).exists()) {
            return Ok(id);
        }
        let wanted = name.trim().to_lowercase();
        let summaries: Vec<Summary> = self
            .list()?
            .into_iter()
            .filter_map(|l| match l {
                Listing::Ok(s) => Some(s),
                Listing::Damaged { .. } => None,
            })
            .collect();
        // Exact names win over prefixes; two accounts with the same name are ambiguous.
        let mut hits: Vec<&Summary> = summaries
            .iter()
            .filter(|s| s.name.to_lowercase() == wanted)
            .collect();
        if hits.is_empty() {
            hits = summaries
                .iter()
                .filter(|s| !wanted.is_empty() && s.name.to_lowercase().starts_with(&wanted))
                .collect();
        }
        match hits.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(StoreError::NotFound(name.to_owned())),
            many => Err(StoreError::Ambiguous {
                name: name.to_owned(),
                matches: many.iter().map(|s| format!("{} ({})", s.name, s.id)).collect(),
            }),
        }
    }

    /// `(stem, path)` of every `*.json` under `accounts/`, temp files excluded.
    pub(crate) fn account_files(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let dir = self.accounts_dir();
        let entries = fs::read_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".json").filter(|_| !name.starts_with('.')) {
                out.push((stem.to_owned(), path));
            }
        }
        Ok(out)
    }

    fn clean_temp_files(&self) -> Result<(), StoreError> {
        let dir = self.accounts_dir();
        let entries = fs::read_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .map(|t| SystemTime::now().duration_since(t).unwrap_or_default() > TMP_STALE)
                .unwrap_or(false);
            if stale && entry.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                // A leftover that can't be removed is harmless: it is never read as an account.
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }
}

/// A fingerprint of file bytes, to notice a change on disk (not a security measure).
fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

impl Summary {
    /// Summarises an account.
    pub fn of(id: AccountId, account: &Account) -> Self {
        Summary {
            id,
            name: account.name.clone(),
            updated: account.updated,
            counts: Pane::ALL.map(|p| account.len(p)),
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|source| StoreError::Io {
        path: dir.to_owned(),
        source,
    })
}
