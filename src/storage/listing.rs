//! Listing the data folder: a summary of every account file, readable or not, and finding
//! an account by id or name. What each file says is kept in the cache `.cache/list.json`
//! (see `cache`), so an unchanged file is not read again.

use super::error::Odd;
use super::file::{bad_name, parse};
use super::{Store, StoreError, Unwatched, Watch, cache, read};
use crate::domain::progress::Pulse;
use crate::domain::sweet_spot::{Answer, Criterion, Disqualified, Standing, standing_of};
use crate::domain::{Account, AccountId, Pane};
use chrono::{DateTime, Utc};
use std::path::Path;

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
    /// What the journey's rules need: ask it whether the journey is stalled
    /// ([`Pulse::stalled`]) and when the next call is ([`Pulse::next_call`]).
    pub pulse: Pulse,
    /// The account's fit answers, by criterion id: the verdict is judged when listing,
    /// against the team's criteria of the day ([`Summary::standing`]), since the criteria
    /// change without the account changing.
    pub answers: Vec<(String, Answer)>,
    /// Why and when the account was disqualified, while it is (boxed: most accounts
    /// aren't, and a summary stays small in the lists that hold many).
    pub disqualified: Option<Box<Disqualified>>,
}

impl Summary {
    /// Summarises an account.
    pub fn of(id: AccountId, account: &Account) -> Self {
        Summary {
            id,
            name: account.name.clone(),
            updated: account.last_change(),
            counts: Pane::ALL.map(|p| account.len(p)),
            pulse: Pulse::of(account),
            answers: answers(account),
            disqualified: account.fit.disqualified.clone().map(Box::new),
        }
    }

    /// Where the account stands against `criteria` (see `sweet_spot::standing`).
    pub fn standing(&self, criteria: &[Criterion]) -> Standing {
        standing_of(criteria.iter().map(|c| {
            self.answers
                .iter()
                .find(|(id, _)| *id == c.id)
                .map_or(Answer::Unknown, |(_, a)| *a)
        }))
    }
}

/// An account's fit answers as the summary keeps them.
fn answers(account: &Account) -> Vec<(String, Answer)> {
    account
        .fit
        .answers
        .iter()
        .map(|a| (a.id.clone(), a.answer))
        .collect()
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

/// Bumped whenever [`Listed`] changes shape, so an old cache is simply rebuilt. 2: the
/// journey's pulse; 3: files with a byte order mark read (once cached as damaged); 4: the
/// fit answers and the disqualification; 5: the last change derived from the records; 6:
/// files with git conflict markers apart from damaged ones.
const LIST_VERSION: u32 = 6;

/// What the list cache keeps of one account file.
#[derive(serde::Serialize, serde::Deserialize)]
enum Listed {
    /// A readable account's summary.
    Ok {
        name: String,
        updated: DateTime<Utc>,
        counts: [usize; 6],
        pulse: Pulse,
        answers: Vec<(String, Answer)>,
        disqualified: Option<Box<Disqualified>>,
    },
    /// A file that does not parse, and where.
    Damaged {
        line: usize,
        column: usize,
        message: String,
    },
    /// A file with git conflict markers.
    Conflicted,
    /// A file that could not be read at all: what the system said.
    Unreadable(String),
    /// A file callbook does not read (not a regular file, a link out of the folder...).
    Odd(Odd),
}

impl Listed {
    fn read(root: &Path, path: &Path) -> Listed {
        let text = match read::read_text(root, path) {
            Ok(text) => text,
            Err(e) => return Listed::of_error(e),
        };
        match parse(&text, path) {
            Ok((a, _)) => Listed::Ok {
                name: a.name.clone(),
                updated: a.last_change(),
                counts: Pane::ALL.map(|p| a.len(p)),
                pulse: Pulse::of(&a),
                answers: answers(&a),
                disqualified: a.fit.disqualified.map(Box::new),
            },
            Err(e) => Listed::of_error(e),
        }
    }

    /// What a reading or parsing error says, kept without the file's path (the listing
    /// adds it back).
    fn of_error(e: StoreError) -> Listed {
        match e {
            StoreError::Damaged {
                line,
                column,
                message,
                ..
            } => Listed::Damaged {
                line,
                column,
                message,
            },
            StoreError::Odd { why, .. } => Listed::Odd(why),
            StoreError::Conflicted { .. } => Listed::Conflicted,
            StoreError::Io { source, .. } => Listed::Unreadable(source.to_string()),
            other => Listed::Unreadable(other.to_string()),
        }
    }

    /// A file that could not be opened may be fixed without changing its size or time
    /// (`chmod`), and an odd one (a FIFO, a link) can be swapped for a file whose stamp
    /// happens to match, so neither is ever cached; checking them again costs no reading.
    fn cacheable(&self) -> bool {
        !matches!(self, Listed::Unreadable(_) | Listed::Odd(_))
    }

    fn listing(self, store: &Store, stem: String) -> Option<Listing> {
        let id = AccountId::parse(&stem)?;
        let path = store.path_of(&id);
        Some(match self {
            Listed::Ok {
                name,
                updated,
                counts,
                pulse,
                answers,
                disqualified,
            } => Listing::Ok(Summary {
                id,
                name,
                updated,
                counts,
                pulse,
                answers,
                disqualified,
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
            Listed::Odd(why) => Listing::Damaged {
                stem,
                error: StoreError::Odd { path, why },
            },
            Listed::Conflicted => Listing::Damaged {
                stem,
                error: StoreError::Conflicted { path, name: None },
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

impl Store {
    /// Every account file, readable or not, sorted by name (damaged ones last). What each
    /// file says is kept in the cache `.cache/list.json`, so an unchanged file is not read
    /// again: a folder of large accounts lists in a blink after the first time.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        self.list_watched(&Unwatched)
    }

    /// [`Store::list`], telling `watch` how many files have to be read (none when the cache
    /// knows them all) and each one read, so a command can show the cold listing's progress.
    pub fn list_watched(&self, watch: &dyn Watch) -> Result<Vec<Listing>, StoreError> {
        let (ids, bad): (Vec<_>, Vec<_>) = self
            .account_files()?
            .into_iter()
            .partition(|(stem, _)| AccountId::parse(stem).is_some());
        let entries = cache::refreshed(
            self,
            "list.json",
            LIST_VERSION,
            ids,
            |path| Listed::read(self.root(), path),
            Listed::cacheable,
            ("listing accounts", watch),
        );
        let mut out: Vec<Listing> = entries
            .into_iter()
            .filter_map(|(stem, l)| l.listing(self, stem))
            .collect();
        out.extend(bad.into_iter().map(|(stem, path)| {
            let error = bad_name(&stem, path);
            Listing::Damaged { stem, error }
        }));
        out.sort_by_cached_key(|l| match l {
            Listing::Ok(s) => (0, s.name.to_lowercase(), s.id.to_string()),
            Listing::Damaged { stem, .. } => (1, String::new(), stem.clone()),
        });
        Ok(out)
    }

    /// The readable accounts named `name`, compared ignoring case, surrounding spaces and
    /// runs of spaces: the ones a new account of that name would be confused with.
    pub fn named(&self, name: &str) -> Result<Vec<Summary>, StoreError> {
        let wanted = name_key(name);
        Ok(self
            .list()?
            .into_iter()
            .filter_map(|l| match l {
                Listing::Ok(s) if name_key(&s.name) == wanted => Some(s),
                _ => None,
            })
            .collect())
    }

    /// Finds an account by id, by name (any case), or by a unique prefix of its name.
    pub fn resolve(&self, name: &str) -> Result<AccountId, StoreError> {
        if let Some(id) = AccountId::parse(name).filter(|id| self.path_of(id).exists()) {
            return Ok(id);
        }
        let wanted = name.trim().to_lowercase();
        // The light pass first: most names resolve without parsing every account.
        let named = super::names::names(self)?;
        let exact: Vec<&AccountId> = named
            .iter()
            .filter(|(_, n)| n.to_lowercase() == wanted)
            .map(|(id, _)| id)
            .collect();
        let prefix: Vec<&AccountId> = named
            .iter()
            .filter(|(_, n)| !wanted.is_empty() && n.to_lowercase().starts_with(&wanted))
            .map(|(id, _)| id)
            .collect();
        match (exact.as_slice(), prefix.as_slice()) {
            ([one], _) | ([], [one]) => return Ok((*one).clone()),
            _ => {}
        }
        let listings = self.list()?;
        let summaries: Vec<&Summary> = listings
            .iter()
            .filter_map(|l| match l {
                Listing::Ok(s) => Some(s),
                Listing::Damaged { .. } => None,
            })
            .collect();
        // Exact names win over prefixes; two accounts with the same name are ambiguous.
        let mut hits: Vec<&Summary> = summaries
            .iter()
            .copied()
            .filter(|s| s.name.to_lowercase() == wanted)
            .collect();
        if hits.is_empty() {
            hits = summaries
                .iter()
                .copied()
                .filter(|s| !wanted.is_empty() && s.name.to_lowercase().starts_with(&wanted))
                .collect();
        }
        match hits.as_slice() {
            [one] => Ok(one.id.clone()),
            // An account whose file has conflict markers is not "missing": say what it is.
            [] => Err(super::conflict::not_found(self.root(), &listings, name)),
            many => Err(StoreError::Ambiguous {
                name: name.to_owned(),
                matches: many.iter().map(|s| format!("{} ({})", s.name, s.id)).collect(),
            }),
        }
    }
}

/// A name as compared for sameness: lower case, words joined by single spaces.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
