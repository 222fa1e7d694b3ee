//! The rehearsal queue across every account: the turns due now, most overdue first. A
//! disqualified account contributes none: its file stays, but nobody rehearses for it.
//!
//! Reading every account file in full is the slow part of a large folder (attempts pile up
//! in them), so the queue reads only each file's turn ids and due dates, and keeps them in
//! the cache `.cache/queue.json` (see `cache`), so an unchanged file is not read again.

use super::{Store, StoreError, cache, read_text};
use crate::domain::{AccountId, ItemId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

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

/// What the queue knows of one account file; `None` in the cache for a file it can't read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    name: String,
    /// Id, due (milliseconds since 1970: far quicker to read back than RFC 3339), new.
    turns: Vec<(ItemId, i64, bool)>,
}

/// Bumped whenever [`Entry`] changes shape, so an old cache is simply rebuilt. 5: files
/// with a byte order mark read (once cached as unreadable); 6: a disqualified account's
/// turns left out.
const CACHE_VERSION: u32 = 6;

/// The parts of an account file the queue reads; serde skips the rest.
#[derive(Deserialize)]
struct Lite {
    name: String,
    #[serde(default)]
    turns: Vec<LiteTurn>,
    #[serde(default)]
    fit: LiteFit,
}

#[derive(Default, Deserialize)]
struct LiteFit {
    /// Only whether it is there matters; its contents are not read.
    #[serde(default)]
    disqualified: Option<serde::de::IgnoredAny>,
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
        let files = self
            .account_files()?
            .into_iter()
            .filter(|(stem, _)| AccountId::parse(stem).is_some())
            .collect();
        let read = |path: &Path| read_entry(self.root(), path);
        // The queue is read on the way into the terminal UI, which never shows a bar.
        let unwatched = ("reading turns", &super::Unwatched as &dyn super::Watch);
        let entries = cache::refreshed(
            self,
            "queue.json",
            CACHE_VERSION,
            files,
            read,
            |_| true,
            unwatched,
        );
        let damaged = entries.values().filter(|e| e.is_none()).count();
        let now = now.timestamp_millis();
        let mut due = Vec::new();
        for (stem, entry) in &entries {
            let (Some(account), Some(entry)) = (AccountId::parse(stem), entry) else {
                continue;
            };
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
        Ok((due, damaged))
    }
}

/// What the queue needs of one file; `None` when it can't be read (see [`read_text`]: a
/// FIFO or a device is never opened).
fn read_entry(root: &Path, path: &Path) -> Option<Entry> {
    let text = read_text(root, path).ok()?;
    let mut lite: Lite = serde_json::from_str(&text).ok()?;
    if lite.fit.disqualified.is_some() {
        lite.turns.clear();
    }
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
    Some(Entry {
        name: lite.name,
        turns,
    })
}
