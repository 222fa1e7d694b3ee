//! Finding an account by name without parsing every account: a light pass that reads only the
//! start of each file, where callbook writes the name (the second field, on the third line).
//! A file the pass can't read that way (odd formatting, a symlink, not a regular file) is
//! read in full, and a name matching nothing falls back to the whole listing, so damaged and
//! conflicted files are still reported as what they are.

use super::file::parse;
use super::{Store, StoreError};
use crate::domain::AccountId;
use std::io::Read;
use std::path::Path;

/// How much of a file the light pass reads: the name is near the top.
const HEAD: usize = 4096;

/// The name in the first lines of an account file as callbook writes it: `None` when it is
/// not there, `Some(None)` for a file with conflict markers (it names no one account).
fn head_name(path: &Path) -> Option<Option<String>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let mut head = vec![0; HEAD];
    let mut file = std::fs::File::open(path).ok()?;
    let n = file.read(&mut head).ok()?;
    let text = std::str::from_utf8(&head[..n]).ok().or_else(|| {
        // Cut inside a character: the valid part is enough.
        let valid = std::str::from_utf8(&head[..n]).err()?.valid_up_to();
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    // A file with git's conflict markers names no one account: the full listing says what
    // it is.
    if text.lines().any(|l| l.starts_with("<<<<<<< ") || l == "<<<<<<<") {
        return Some(None);
    }
    let line = text
        .lines()
        .take(8)
        .find_map(|l| l.strip_prefix("  \"name\": "))?;
    serde_json::from_str(line.strip_suffix(',').unwrap_or(line))
        .ok()
        .map(Some)
}

/// Every account file's id and name, by the light pass where it can, in full where not;
/// files that can't be read at all are left out.
pub(super) fn names(store: &Store) -> Result<Vec<(AccountId, String)>, StoreError> {
    let files: Vec<(AccountId, std::path::PathBuf)> = store
        .account_files()?
        .into_iter()
        .filter_map(|(stem, path)| Some((AccountId::parse(&stem)?, path)))
        .collect();
    let root = store.root();
    Ok(super::cache::in_parallel(&files, |(id, path)| {
        let name = match head_name(path) {
            Some(named) => named?,
            None => {
                let text = super::read_text(root, path).ok()?;
                parse(&text, path).ok()?.0.name
            }
        };
        Some((id.clone(), name))
    }))
}
