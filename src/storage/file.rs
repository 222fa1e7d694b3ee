//! The file format: parsing callbook's JSON files with errors that name file, line and
//! column, writing them pretty and stable, and writing atomically.

use super::StoreError;
use crate::domain::bank::{BANK_SCHEMA, BankFile};
use crate::domain::{Account, SCHEMA};
use serde::de::DeserializeOwned;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prefix of the temp files a save writes before renaming them into place.
pub(super) const TMP_PREFIX: &str = ".callbook-tmp-";

/// The bytes of an account file: pretty JSON, stable field order, final newline.
pub fn to_json(account: &Account) -> String {
    // A file read in an older format is written in this one (see `SCHEMA`).
    let migrated;
    let account = if account.schema < SCHEMA {
        migrated = Account {
            schema: SCHEMA,
            ..account.clone()
        };
        &migrated
    } else {
        account
    };
    let mut s = serde_json::to_string_pretty(account).expect("an account always serialises");
    s.push('\n');
    s
}

/// Reads an account from file text; `path` is only used to name the file in errors. The
/// second value is `Some(schema)` for a file from a newer callbook.
/// A file with git conflict markers is [`StoreError::Conflicted`], not damaged.
pub fn parse(text: &str, path: &Path) -> Result<(Account, Option<u32>), StoreError> {
    let account: Account = parse_versioned(text, path, "account").map_err(|e| match e {
        StoreError::Damaged { .. } if super::conflict::has_markers(text) => StoreError::Conflicted {
            path: path.to_owned(),
            name: None,
        },
        e => e,
    })?;
    let newer = (account.schema > SCHEMA).then_some(account.schema);
    Ok((account, newer))
}

/// Reads a bank file (the user's `bank.json`, or one to import); the second value is
/// `Some(schema)` for a file from a newer callbook.
pub fn parse_bank(text: &str, path: &Path) -> Result<(BankFile, Option<u32>), StoreError> {
    let bank: BankFile = parse_versioned(text, path, "question bank")?;
    let newer = (bank.schema > BANK_SCHEMA).then_some(bank.schema);
    Ok((bank, newer))
}

/// Parses an offerings file; the second value is `Some(schema)` when a newer callbook wrote it.
pub fn parse_offerings(
    text: &str,
    path: &Path,
) -> Result<(crate::domain::offering::OfferingsFile, Option<u32>), StoreError> {
    use crate::domain::offering::{OFFERINGS_SCHEMA, OfferingsFile};
    let file: OfferingsFile = parse_versioned(text, path, "offerings file")?;
    let newer = (file.schema > OFFERINGS_SCHEMA).then_some(file.schema);
    Ok((file, newer))
}

/// Parses a sweet-spot file; the schema is returned when it is newer than this build's.
pub fn parse_sweet_spot(
    text: &str,
    path: &Path,
) -> Result<(crate::domain::sweet_spot::SweetSpotFile, Option<u32>), StoreError> {
    use crate::domain::sweet_spot::{SWEET_SPOT_SCHEMA, SweetSpotFile};
    let file: SweetSpotFile = parse_versioned(text, path, "sweet-spot file")?;
    let newer = (file.schema > SWEET_SPOT_SCHEMA).then_some(file.schema);
    Ok((file, newer))
}

/// A callbook file's format version, read from the parsed file.
trait Versioned {
    fn schema(&self) -> u32;
}

impl Versioned for Account {
    fn schema(&self) -> u32 {
        self.schema
    }
}

impl Versioned for BankFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

impl Versioned for crate::domain::offering::OfferingsFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

impl Versioned for crate::domain::sweet_spot::SweetSpotFile {
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// Parses a callbook file: a JSON object with a whole-number `"schema"` from 1, then `T`.
/// A good file is parsed once, straight into `T`; only a file that fails is parsed again, as
/// a plain JSON value, to say precisely what is wrong with it.
fn parse_versioned<T: DeserializeOwned + Versioned>(
    text: &str,
    path: &Path,
    what: &str,
) -> Result<T, StoreError> {
    if text.trim_start().starts_with('{')
        && let Ok(parsed) = serde_json::from_str::<T>(text)
        && parsed.schema() >= 1
    {
        return Ok(parsed);
    }
    let damaged = |e: serde_json::Error| StoreError::Damaged {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    // A Value, not a struct: a struct would also accept a JSON array and name itself in the
    // error.
    let header: serde_json::Value = serde_json::from_str(text).map_err(damaged)?;
    match header.get("schema") {
        Some(serde_json::Value::Number(n)) if n.as_u64().is_some_and(|n| n >= 1) => {}
        _ => {
            let message = if header.is_object() {
                format!("not a callbook {what}: \"schema\" must be a whole number from 1")
            } else {
                format!("not a callbook {what}: expected a JSON object")
            };
            return Err(StoreError::Damaged {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message,
            });
        }
    }
    serde_json::from_str(text).map_err(damaged)
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// What a `*.json` under `accounts/` whose name is not an id is: a sync client's conflicted
/// copy of an account, or a file callbook does not know.
pub(super) fn bad_name(stem: &str, path: PathBuf) -> StoreError {
    if let Some((of, tool)) = super::conflict::copy_of(stem) {
        return StoreError::ConflictedCopy { path, of, tool };
    }
    StoreError::Damaged {
        path,
        line: 1,
        column: 1,
        message: "file name is not a callbook id ([a-z0-9-], at most 64)".into(),
    }
}

/// Writes `bytes` to `path` through a temp file in `dir`, then syncs the folder. When
/// `path` is a symlink, the file it points to is written instead (through a temp file
/// beside it), so the link stays a link; a link out of `dir`'s data folder (`dir` or its
/// parent) is refused and nothing is written.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let target = match super::read::resolve(data_folder(dir), path) {
        Ok(target) => target,
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            path.to_owned()
        }
        Err(e) => return Err(e),
    };
    let target_dir = target.parent().map_or_else(|| dir.to_owned(), Path::to_owned);
    let (dir, path) = (target_dir.as_path(), target.as_path());
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(dir)
}

/// The data folder a file of `dir` belongs to: `accounts/` sits inside it, files at the top
/// (`bank.json`) in it.
fn data_folder(dir: &Path) -> &Path {
    match dir.file_name() {
        Some(name) if name == "accounts" => dir.parent().unwrap_or(dir),
        _ => dir,
    }
}

pub(super) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_owned(),
        source,
    };
    #[cfg(unix)]
    fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
    #[cfg(not(unix))]
    let _ = io;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_save_goes_through_a_link_inside_and_never_through_one_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("data");
        let accounts = root.join("accounts");
        fs::create_dir_all(&accounts).unwrap();
        fs::create_dir(root.join("team")).unwrap();
        fs::write(root.join("team").join("a.json"), "old").unwrap();
        let link = accounts.join("a.json");
        symlink("../team/a.json", &link).unwrap();
        write_atomic(&accounts, &link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(root.join("team").join("a.json")).unwrap(), b"new");

        let outside = dir.path().join("outside.json");
        fs::write(&outside, "theirs").unwrap();
        let out = accounts.join("b.json");
        symlink(&outside, &out).unwrap();
        let e = write_atomic(&accounts, &out, b"new").unwrap_err();
        assert!(
            e.to_string()
                .ends_with("b.json: points outside the data folder; not followed, left alone"),
            "{e}"
        );
        assert_eq!(fs::read(&outside).unwrap(), b"theirs");
        assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    }
}
