//! The rehearsal queue across every account: the turns due now, most overdue first.
//!
//! Reading every account file in full is the slow part of a large folder (attempts pile up
//! in them), so the queue keeps a cache in `.cache/queue.json`: for each account file its
//! size and modification time, and its turns' ids and due dates. A file whose size
//! and time still match is not read again. The cache is only ever a copy: deleting it, or
//! finding it damaged, just means every file is read, and `.cache/` carries a `.gitignore`
//! so a team sharing the folder through git never commits it.

use super::{Store, StoreError};
use crate::domain::{AccountId, ItemId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A turn due for rehearsal.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// The account it belongs to.
    pub account: AccountId,
    /// The account's name.
    pub account_name: String,
    /// The turn's id.
    pub turn: ItemId,
    /// When it fell due (its creation, if never rehearsed).
    pub due: DateTime<Utc>,
    /// True when it was never rehearsed.
    pub new: bool,
}

/// What the queue knows of one account file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    /// File size and modification time (nanoseconds), to tell whether it changed.
    stamp: (u64, u128),
    name: String,
    /// Id, due (milliseconds since 1970: far quicker to read back than RFC 3339), new.
    turns: Vec<(ItemId, i64, bool)>,
}

/// The cache file's content: account stem to entry.
#[derive(Default, Serialize, Deserialize)]
struct Cache {
    version: u32,
    accounts: BTreeMap<String, Entry>,
}

const CACHE_VERSION: u32 = 3;

/// The parts of an account file the queue reads; serde skips the rest.
#[derive(Deserialize)]
struct Lite {
    name: String,
    #[serde(default)]
    turns: Vec<LiteTurn>,
}

#[derive(Deserialize)]
struct LiteTurn {
    id: ItemId,
    created: DateTime<Utc>,
    #[serde(default)]
    schedule: Option<LiteSchedule>,
}

#[derive(Deserialize)]
struct LiteSchedule {
    due: DateTime<Utc>,
}

impl Store {
    /// Every turn due at `now` across all accounts, most overdue first, and how many
    /// account files could not be read (they are skipped, never written).
    pub fn due_turns(&self, now: DateTime<Utc>) -> Result<(Vec<Due>, usize), StoreError> {
        let mut old = self.read_cache();
        let files: Vec<(AccountId, PathBuf, (u64, u128))> = self
            .account_files()?
            .into_iter()
            .filter_map(|(stem, path)| Some((AccountId::parse(&stem)?, stamp(&path)?, path)))
            .map(|(id, stamp, path)| (id, path, stamp))
            .collect();
        let (stale, fresh): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|(id, _, stamp)| old.accounts.get(id.as_str()).is_none_or(|e| e.stamp != *stamp));
        let (read, damaged) = read_all(&stale);
        let before = old.accounts.len();
        let mut cache = Cache {
            version: CACHE_VERSION,
            accounts: BTreeMap::new(),
        };
        for (id, _, _) in &fresh {
            if let Some(entry) = old.accounts.remove(id.as_str()) {
                cache.accounts.insert(id.to_string(), entry);
            }
        }
        let changed = !read.is_empty() || cache.accounts.len() != before;
        cache
            .accounts
            .extend(read.into_iter().map(|(id, e)| (id.to_string(), e)));
        if changed {
            self.write_cache(&cache);
        }
        Ok((due_now(&cache, now), damaged))
    }

    fn cache_dir(&self) -> PathBuf {
        self.root().join(".cache")
    }

    fn read_cache(&self) -> Cache {
        let bytes = std::fs::read(self.cache_dir().join("queue.json")).unwrap_or_default();
        serde_json::from_slice::<Cache>(&bytes)
            .ok()
            .filter(|c| c.version == CACHE_VERSION)
            .unwrap_or_default()
    }

    /// Writes the cache; failing to is harmless (the next start reads the files again).
    fn write_cache(&self, cache: &Cache) {
        let dir = self.cache_dir();
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(&ignore, "# callbook's caches: copies, never shared\n*\n");
        }
        // Renamed into place so a reader never sees half a file, but not synced to disk:
        // a cache lost in a crash is simply rebuilt.
        let Ok(bytes) = serde_json::to_vec(cache) else {
            return;
        };
        let Ok(mut tmp) = tempfile::Builder::new().prefix(".queue-").tempfile_in(&dir) else {
            return;
        };
        if std::io::Write::write_all(&mut tmp, &bytes).is_ok() {
            let _ = tmp.persist(dir.join("queue.json"));
        }
    }
}

/// The turns of `cache` due at `now`, most overdue first.
fn due_now(cache: &Cache, now: DateTime<Utc>) -> Vec<Due> {
    let mut due = Vec::new();
    for (stem, entry) in &cache.accounts {
        let Some(account) = AccountId::parse(stem) else {
            continue;
        };
        let now = now.timestamp_millis();
        for (turn, when, new) in entry.turns.iter().filter(|t| t.1 <= now) {
            due.push(Due {
                account: account.clone(),
                account_name: entry.name.clone(),
                turn: turn.clone(),
                due: DateTime::from_timestamp_millis(*when).unwrap_or_default(),
                new: *new,
            });
        }
    }
    due.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.account.cmp(&b.account)));
    due
}

/// A file's size and modification time, or `None` when it can't be looked at.
fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), modified))
}

/// Reads `files` on every core; returns their entries and how many could not be read.
fn read_all(files: &[(AccountId, PathBuf, (u64, u128))]) -> (Vec<(AccountId, Entry)>, usize) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<Option<(AccountId, Entry)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(id, path, stamp)| read_entry(id, path, *stamp))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a queue reader panicked"))
            .collect()
    });
    let all: Vec<Option<(AccountId, Entry)>> = parts.into_iter().flatten().collect();
    let damaged = all.iter().filter(|e| e.is_none()).count();
    (all.into_iter().flatten().collect(), damaged)
}

fn read_entry(id: &AccountId, path: &Path, stamp: (u64, u128)) -> Option<(AccountId, Entry)> {
    let bytes = std::fs::read(path).ok()?;
    let lite: Lite = serde_json::from_slice(&bytes).ok()?;
    let turns = lite
        .turns
        .into_iter()
        .map(|t| {
            let new = t.schedule.is_none();
            (
                t.id,
                t.schedule.map_or(t.created, |s| s.due).timestamp_millis(),
                new,
            )
        })
        .collect();
    Some((
        id.clone(),
        Entry {
            stamp,
            name: lite.name,
            turns,
        },
    ))
}
