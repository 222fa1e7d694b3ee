//! `doctor --fix`: the repairs that lose nothing. Every file a repair changes or removes is
//! first copied to `backup/<UTC time>/` inside the data folder, at the same relative path,
//! and written there atomically, so a repair cut short leaves the backup whole.

use super::{Fix, Problem};
use crate::domain::{AccountId, SCHEMA};
use crate::storage::conflict::{merge_two, resolve};
use crate::storage::file::{parse, sync_dir, to_json, write_atomic};
use crate::storage::{Store, StoreError, lock, read_text};
use chrono::Utc;
use std::fs;
use std::path::{Path, PathBuf};

/// Where this run's backups go, made at the first repair that needs one.
struct Backup<'a> {
    store: &'a Store,
    dir: Option<PathBuf>,
}

impl Backup<'_> {
    /// `backup/<UTC time>/` (with `-2`, `-3`... when a run in the same second made one).
    fn dir(&mut self) -> Result<PathBuf, StoreError> {
        if let Some(dir) = &self.dir {
            return Ok(dir.clone());
        }
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        let base = self.store.root().join("backup");
        let mut dir = base.join(&stamp);
        let mut n = 1;
        while dir.exists() {
            n += 1;
            dir = base.join(format!("{stamp}-{n}"));
        }
        crate::storage::store::create_private_dir(&dir)?;
        self.dir = Some(dir.clone());
        Ok(dir)
    }

    /// Where `rel` goes in the backup, its folder made.
    fn place(&mut self, rel: &Path) -> Result<PathBuf, StoreError> {
        let to = self.dir()?.join(rel);
        if let Some(parent) = to.parent() {
            crate::storage::store::create_private_dir(parent)?;
        }
        Ok(to)
    }

    /// Copies `bytes`, the content of the file `rel`, into the backup; returns where, as the
    /// messages name it.
    fn save(&mut self, rel: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let to = self.place(rel)?;
        let dir = to
            .parent()
            .map_or_else(|| self.store.root().to_owned(), Path::to_owned);
        write_atomic(&dir, &to, bytes)?;
        Ok(self.shown(&to))
    }

    fn shown(&self, path: &Path) -> PathBuf {
        super::relative(self.store.root(), path)
    }
}

/// Repairs every problem that has a safe fix and says what it did, one line each (`FIXED`,
/// or `NOT FIXED` with why). Conflict markers first (a conflicted copy may be merged into
/// the file they were in), then copies, leftovers, and modes last, so a file a repair
/// replaced or moved is not chmodded in vain.
pub fn fix(store: &Store, problems: &[Problem]) -> Vec<String> {
    let mut backup = Backup { store, dir: None };
    let mut todo: Vec<(&Problem, &Fix)> = problems
        .iter()
        .filter_map(|p| Some((p, p.fix.as_ref()?)))
        .collect();
    todo.sort_by_key(|(_, fix)| match fix {
        Fix::Resolve(_) => 0,
        Fix::MergeCopy(_) => 1,
        Fix::RemoveTemp | Fix::RemoveLock(_) => 2,
        Fix::Mode(_) => 3,
    });
    let mut out = Vec::new();
    for (p, fix) in todo {
        let path = store.root().join(&p.file);
        let done = match fix {
            Fix::Resolve(id) => resolve_markers(store, &mut backup, id, &p.file),
            Fix::MergeCopy(of) => merge_copy(store, &mut backup, of, &p.file),
            Fix::Mode(mode) if fs::symlink_metadata(&path).is_ok() => set_mode(&path, *mode),
            Fix::Mode(_) => continue,
            Fix::RemoveTemp => remove_temp(&mut backup, &path, &p.file),
            Fix::RemoveLock(name) => remove_lock(store, &mut backup, name, &p.file),
        };
        out.push(match done {
            Ok(what) => format!("FIXED    {}: {what}", p.file.display()),
            Err(e) => format!("NOT FIXED  {}: {e}", p.file.display()),
        });
    }
    out
}

/// Merges both sides of the conflict markers in account `id`'s file, under its lock.
fn resolve_markers(
    store: &Store,
    backup: &mut Backup,
    id: &AccountId,
    rel: &Path,
) -> Result<String, StoreError> {
    let _held = store.lock(id, "callbook doctor --fix")?;
    let path = store.path_of(id);
    let text = read_text(store.root(), &path)?;
    let merged = resolve(&text, &path)?;
    if merged.account.schema > SCHEMA {
        return Err(StoreError::ReadOnly {
            path,
            schema: merged.account.schema,
        });
    }
    let saved = backup.save(rel, text.as_bytes())?;
    write_atomic(&store.accounts_dir(), &path, to_json(&merged.account).as_bytes())?;
    Ok(format!(
        "conflict markers resolved, both sides merged by id{}; the old file is in {}",
        doubled(merged.doubled.len()),
        saved.display()
    ))
}

/// Merges the conflicted copy at `rel` into account `of`, then moves the copy into the backup.
fn merge_copy(store: &Store, backup: &mut Backup, of: &AccountId, rel: &Path) -> Result<String, StoreError> {
    let held = store.lock(of, "callbook doctor --fix")?;
    let loaded = store.load(of)?;
    let copy = store.root().join(rel);
    let (theirs, newer) = read_copy(&read_text(store.root(), &copy)?, &copy)?;
    if let Some(schema) = newer.or(loaded.newer_schema) {
        return Err(StoreError::ReadOnly { path: copy, schema });
    }
    let merged = merge_two(&loaded.account, &theirs, &copy)?;
    let account_rel = super::relative(store.root(), &store.path_of(of));
    backup.save(&account_rel, to_json(&loaded.account).as_bytes())?;
    store.save_held(&held, of, &merged.account, Some(loaded.fingerprint))?;
    let to = backup.place(rel)?;
    fs::rename(&copy, &to).map_err(|source| StoreError::Io {
        path: copy.clone(),
        source,
    })?;
    sync_dir(&store.accounts_dir())?;
    Ok(format!(
        "merged into {}{}; the copy moved to {}",
        account_rel.display(),
        doubled(merged.doubled.len()),
        backup.shown(&to).display()
    ))
}

/// The account in a conflicted copy, whose text may have conflict markers of its own.
fn read_copy(text: &str, path: &Path) -> Result<(crate::domain::Account, Option<u32>), StoreError> {
    match parse(text, path) {
        Err(StoreError::Conflicted { .. }) => {
            let account = resolve(text, path)?.account;
            let newer = (account.schema > SCHEMA).then_some(account.schema);
            Ok((account, newer))
        }
        read => read,
    }
}

/// How many records both sides had differently, when any.
fn doubled(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (1 record both sides changed is kept twice, theirs marked \"(changed elsewhere)\")".into(),
        n => {
            format!(" ({n} records both sides changed are kept twice, theirs marked \"(changed elsewhere)\")")
        }
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<String, StoreError> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(format!("mode set to {mode:04o}"))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result<String, StoreError> {
    Ok("nothing to change here".into())
}

fn remove_temp(backup: &mut Backup, path: &Path, rel: &Path) -> Result<String, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let saved = backup.save(rel, &fs::read(path).map_err(io)?)?;
    fs::remove_file(path).map_err(io)?;
    Ok(format!("removed; a copy is in {}", saved.display()))
}

/// Removes a lock nobody holds the way a holder does: taking it first, so a writer that
/// came meanwhile keeps it.
fn remove_lock(store: &Store, backup: &mut Backup, name: &str, rel: &Path) -> Result<String, StoreError> {
    let path = store.root().join(rel);
    let bytes = fs::read(&path).unwrap_or_default();
    match lock::try_acquire(&store.accounts_dir(), name, "callbook doctor --fix")? {
        Ok(held) => {
            let saved = backup.save(rel, &bytes)?;
            // Letting go of a lock removes its file.
            drop(held);
            Ok(format!("removed; a copy is in {}", saved.display()))
        }
        Err(holder) => Ok(format!(
            "left alone: {} holds it now",
            holder.map_or_else(|| "another callbook".to_owned(), |h| h.to_string())
        )),
    }
}
