//! `callbook export` and `callbook import`: an account out as Markdown, HTML or its own JSON,
//! and a JSON account file in. Both check everything before writing, so a failure writes
//! nothing: no half-written export, no account saved from a file that didn't parse.

use super::{Format, safe_json};
use crate::domain::text::clean;
use crate::domain::{Account, AccountId, SCHEMA, export};
use crate::storage::{self, Store, StoreError};
use anyhow::bail;
use std::io::Write;
use std::path::Path;

/// `export NAME [--format md|json|html] [-o FILE]`.
pub(super) fn export(
    store: &Store,
    name: &str,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let id = store.resolve(name)?;
    let account = store.load(&id)?.account;
    let text = match format {
        Format::Md => export::markdown(&account, &bank(store), &store.team()?),
        Format::Html => export::html(&account, &bank(store), &store.team()?),
        Format::Json => storage::to_json(&account),
    };
    match output {
        Some(path) => write_file(path, text.as_bytes()),
        // Markdown and HTML are cleaned by `export`; JSON needs only the C1 escapes.
        None => Ok(out.write_all(safe_json(&text).as_bytes())?),
    }
}

/// The built-in bank and the user's own: the user's only refines the plan's SPIN counts,
/// and is skipped when unreadable.
fn bank(store: &Store) -> Vec<crate::domain::bank::BankQuestion> {
    let mut bank = crate::domain::bank::builtin().questions;
    bank.extend(store.load_bank().map(|b| b.questions).unwrap_or_default());
    bank
}

/// Writes `bytes` to `path` atomically (temp file in the same folder, then rename), so
/// an error leaves whatever was there before, and never a partial file.
fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    storage::write_atomic(dir, path, bytes)?;
    Ok(())
}

/// `import FILE [--replace]`: reads an account file and saves it under a new id, or, with
/// `--replace`, under the id of the account with the same name (whose old file goes to
/// `trash/`). Prints the id.
pub(super) fn import(store: &Store, file: &Path, replace: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let account = read_account(file)?;
    let same = store.named(&account.name)?;
    let id = match (same.as_slice(), replace) {
        ([], _) => store.create(&account)?,
        ([existing], true) => replace_account(store, &existing.id, &account)?,
        ([existing], false) => {
            let taken = StoreError::NameTaken {
                name: existing.name.clone(),
                id: existing.id.clone(),
            };
            bail!(
                "{taken} ({}); nothing imported. Pass --replace to replace it (its file is \
                 moved to trash/)",
                existing.id
            )
        }
        (several, _) => bail!(
            "several accounts are named {:?}: {}; nothing imported. Rename or remove all but \
             one first",
            clean(&account.name, false),
            several
                .iter()
                .map(|s| s.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    writeln!(out, "{id}")?;
    Ok(())
}

/// Reads and checks the file to import; every error names it.
fn read_account(file: &Path) -> anyhow::Result<Account> {
    let text = crate::storage::read_named(file)?;
    let (account, newer) = storage::parse(&text, file)?;
    if let Some(schema) = newer {
        bail!(
            "{}: written by a newer callbook (schema {schema}, this one knows {SCHEMA}); \
             nothing imported. Update callbook to import it",
            file.display()
        );
    }
    if account.name.trim().is_empty() {
        bail!("{}: the account has no name; nothing imported", file.display());
    }
    Ok(account)
}

/// Moves account `id`'s file to trash and saves `account` under the same id. Should the
/// save fail, the old file is moved back, so a failed import changes nothing.
fn replace_account(store: &Store, id: &AccountId, account: &Account) -> anyhow::Result<AccountId> {
    // Under the account's lock, so no other writer slips in between the two steps.
    let held = store.lock(id, "callbook import --replace")?;
    let trashed = store.trash(id.as_str())?;
    if let Err(e) = store.save_held(&held, id, account, None) {
        // Best effort: the save's error is the one worth reporting.
        let _ = std::fs::rename(&trashed, store.path_of(id));
        return Err(e.into());
    }
    Ok(id.clone())
}
