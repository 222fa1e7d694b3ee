//! The team's files at the top of the data folder: the offerings (`offerings.json`) and the
//! sweet spot's criteria (`sweet-spot.json`). A missing file is an empty list; a damaged one,
//! or one from a newer callbook, is refused and never saved over. The sample's team files
//! are written only where the team has none.

use super::{Store, StoreError, file};
use crate::domain::offering::{OFFERINGS_SCHEMA, OfferingsFile};
use crate::domain::sample;
use crate::domain::sweet_spot::{SWEET_SPOT_SCHEMA, SweetSpotFile};
use crate::domain::team::Team;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A team file's parser: the file, and its schema when newer than this build's.
type Parser<T> = fn(&str, &Path) -> Result<(T, Option<u32>), StoreError>;

/// Reads `path` with `parse`; `None` when there is no such file.
fn load<T>(store: &Store, path: &Path, parse: Parser<T>) -> Result<Option<T>, StoreError> {
    match super::read_text(store.root(), path) {
        Ok(text) => match parse(&text, path)? {
            (_, Some(schema)) => Err(StoreError::ReadOnly {
                path: path.to_owned(),
                schema,
            }),
            (value, None) => Ok(Some(value)),
        },
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes `value` to `path` atomically, pretty and with a final newline.
fn save<T: Serialize>(store: &Store, path: &Path, value: &T) -> Result<(), StoreError> {
    let mut text = serde_json::to_string_pretty(value).expect("team files always serialise");
    text.push('\n');
    file::write_atomic(store.root(), path, text.as_bytes())
}

/// [`Store::shared_stamp`]: a stamp per shared file.
pub type SharedStamp = [Option<(u64, std::time::SystemTime)>; 3];

impl Store {
    /// Where the team's offerings live.
    pub fn offerings_path(&self) -> PathBuf {
        self.root().join("offerings.json")
    }

    /// Where the team's sweet-spot criteria live.
    pub fn sweet_spot_path(&self) -> PathBuf {
        self.root().join("sweet-spot.json")
    }

    /// The size and modification time of each file the team shares beside the accounts
    /// (`bank.json`, `offerings.json`, `sweet-spot.json`; `None` for one that isn't there),
    /// to tell cheaply whether any changed since they were read.
    pub fn shared_stamp(&self) -> SharedStamp {
        [self.bank_path(), self.offerings_path(), self.sweet_spot_path()].map(|path| {
            let meta = std::fs::metadata(path).ok()?;
            Some((meta.len(), meta.modified().ok()?))
        })
    }

    /// Reads the offerings; a missing file is an empty list. A file from a newer callbook is
    /// refused, so it can't be saved over.
    pub fn load_offerings(&self) -> Result<OfferingsFile, StoreError> {
        let empty = || OfferingsFile {
            schema: OFFERINGS_SCHEMA,
            ..OfferingsFile::default()
        };
        Ok(load(self, &self.offerings_path(), file::parse_offerings)?.unwrap_or_else(empty))
    }

    /// Writes the offerings atomically; a file on disk that can't be read, or comes from a
    /// newer callbook, is left alone and this fails.
    pub fn save_offerings(&self, offerings: &OfferingsFile) -> Result<(), StoreError> {
        if self.offerings_path().exists() {
            self.load_offerings()?;
        }
        save(self, &self.offerings_path(), offerings)
    }

    /// Reads the sweet-spot criteria; a missing file is an empty list. A file from a newer
    /// callbook is refused.
    pub fn load_sweet_spot(&self) -> Result<SweetSpotFile, StoreError> {
        let empty = || SweetSpotFile {
            schema: SWEET_SPOT_SCHEMA,
            ..SweetSpotFile::default()
        };
        Ok(load(self, &self.sweet_spot_path(), file::parse_sweet_spot)?.unwrap_or_else(empty))
    }

    /// Writes the sweet-spot criteria atomically; a file on disk that can't be read, or
    /// comes from a newer callbook, is left alone and this fails.
    pub fn save_sweet_spot(&self, sweet_spot: &SweetSpotFile) -> Result<(), StoreError> {
        if self.sweet_spot_path().exists() {
            self.load_sweet_spot()?;
        }
        save(self, &self.sweet_spot_path(), sweet_spot)
    }

    /// Writes the sample's offerings and criteria (`domain::sample`) where the team has no
    /// such file yet, never over a team's own (a damaged one included); returns the files
    /// written.
    pub fn write_sample_team(&self) -> Result<Vec<PathBuf>, StoreError> {
        let mut written = Vec::new();
        // `symlink_metadata`: a link, even a dangling one, is the team's and is left alone.
        let free = |path: &Path| std::fs::symlink_metadata(path).is_err();
        if free(&self.offerings_path()) {
            save(self, &self.offerings_path(), &sample::offerings())?;
            written.push(self.offerings_path());
        }
        if free(&self.sweet_spot_path()) {
            save(self, &self.sweet_spot_path(), &sample::sweet_spot())?;
            written.push(self.sweet_spot_path());
        }
        Ok(written)
    }

    /// Both team files, or the first reason one can't be read: for a command that judges
    /// accounts against them and must not judge against nothing.
    pub fn team(&self) -> Result<Team, StoreError> {
        let (team, problems) = self.load_team();
        problems.into_iter().next().map_or(Ok(team), Err)
    }

    /// Both team files, each an empty list when it can't be read, with what went wrong.
    pub fn load_team(&self) -> (Team, Vec<StoreError>) {
        let mut team = Team::default();
        let mut problems = Vec::new();
        match self.load_offerings() {
            Ok(o) => team.offerings = o,
            Err(e) => problems.push(e),
        }
        match self.load_sweet_spot() {
            Ok(s) => team.sweet_spot = s,
            Err(e) => problems.push(e),
        }
        (team, problems)
    }
}
