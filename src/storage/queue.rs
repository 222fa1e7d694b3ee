//! The rehearsal queue across every account: the turns due now, most overdue first. It
//! reads only what the queue needs from each file, on every core, so a folder of thousands
//! of accounts is ready in a blink.

use super::{Store, StoreError};
use crate::domain::{AccountId, ItemId};
use chrono::{DateTime, Utc};
use serde::Deserialize;
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
    /// What the customer says.
    pub line: String,
    /// When it fell due (its creation, if never rehearsed).
    pub due: DateTime<Utc>,
    /// True when it was never rehearsed.
    pub new: bool,
}

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
    line: String,
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
        let files: Vec<(AccountId, std::path::PathBuf)> = self
            .account_files()?
            .into_iter()
            .filter_map(|(stem, path)| Some((AccountId::parse(&stem)?, path)))
            .collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let chunk = files.len().div_ceil(threads).max(1);
        let parts: Vec<(Vec<Due>, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| scope.spawn(move || read_part(part, now)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a queue reader panicked"))
                .collect()
        });
        let damaged = parts.iter().map(|(_, d)| d).sum();
        let mut due: Vec<Due> = parts.into_iter().flat_map(|(d, _)| d).collect();
        due.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.account.cmp(&b.account)));
        Ok((due, damaged))
    }
}

fn read_part(files: &[(AccountId, std::path::PathBuf)], now: DateTime<Utc>) -> (Vec<Due>, usize) {
    let (mut due, mut damaged) = (Vec::new(), 0);
    for (id, path) in files {
        match read_lite(path) {
            Some(lite) => due.extend(lite.turns.into_iter().filter_map(|t| {
                let when = t.schedule.as_ref().map_or(t.created, |s| s.due);
                (when <= now).then(|| Due {
                    account: id.clone(),
                    account_name: lite.name.clone(),
                    turn: t.id,
                    line: t.line,
                    due: when,
                    new: t.schedule.is_none(),
                })
            })),
            None => damaged += 1,
        }
    }
    (due, damaged)
}

fn read_lite(path: &Path) -> Option<Lite> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}
