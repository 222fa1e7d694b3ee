//! The user's own bank questions, in `bank.json` at the top of the data folder.

use super::{Store, StoreError, file};
use crate::domain::bank::{BANK_SCHEMA, BankFile};
use std::path::PathBuf;

impl Store {
    /// Where the user's own bank questions live.
    pub fn bank_path(&self) -> PathBuf {
        self.root().join("bank.json")
    }

    /// Reads the user's own bank questions; a missing file is an empty bank. A file from a
    /// newer callbook is refused, so it can't be saved over.
    pub fn load_bank(&self) -> Result<BankFile, StoreError> {
        let path = self.bank_path();
        match super::read_text(self.root(), &path) {
            Ok(text) => match file::parse_bank(&text, &path)? {
                (_, Some(schema)) => Err(StoreError::ReadOnly { path, schema }),
                (bank, None) => Ok(bank),
            },
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Ok(BankFile {
                    schema: BANK_SCHEMA,
                    ..BankFile::default()
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Writes the user's own bank questions atomically. As with accounts, a file on disk
    /// that can't be read, or comes from a newer callbook, is left alone and this fails.
    pub fn save_bank(&self, bank: &BankFile) -> Result<(), StoreError> {
        let path = self.bank_path();
        if path.exists() {
            self.load_bank()?;
        }
        let mut text = serde_json::to_string_pretty(bank).expect("a bank always serialises");
        text.push('\n');
        file::write_atomic(self.root(), &path, text.as_bytes())
    }
}
