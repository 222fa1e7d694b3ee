//! The team's offerings, in `offerings.json` at the top of the data folder.

use super::{Store, StoreError, file};
use crate::domain::offering::{OFFERINGS_SCHEMA, OfferingsFile};
use std::path::PathBuf;

impl Store {
    /// Where the team's offerings live.
    pub fn offerings_path(&self) -> PathBuf {
        self.root().join("offerings.json")
    }

    /// Reads the offerings; a missing file is an empty list. A file from a newer callbook is
    /// refused, so it can't be saved over.
    pub fn load_offerings(&self) -> Result<OfferingsFile, StoreError> {
        let path = self.offerings_path();
        match super::read_text(self.root(), &path) {
            Ok(text) => match file::parse_offerings(&text, &path)? {
                (_, Some(schema)) => Err(StoreError::ReadOnly { path, schema }),
                (offerings, None) => Ok(offerings),
            },
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(OfferingsFile {
                    schema: OFFERINGS_SCHEMA,
                    ..OfferingsFile::default()
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Writes the offerings atomically; a file on disk that can't be read, or comes from a
    /// newer callbook, is left alone and this fails.
    pub fn save_offerings(&self, offerings: &OfferingsFile) -> Result<(), StoreError> {
        let path = self.offerings_path();
        if path.exists() {
            self.load_offerings()?;
        }
        let mut text = serde_json::to_string_pretty(offerings).expect("offerings always serialise");
        text.push('\n');
        file::write_atomic(self.root(), &path, text.as_bytes())
    }
}
