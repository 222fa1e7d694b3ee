//! The data folder itself: opening it, and reading, writing, creating and trashing one
//! account file. Every write goes through [`write_atomic`], after checking that the file on
//! disk is still the one that was read.

use super::StoreError;
use super::file::{TMP_PREFIX, parse, sync_dir, to_json, write_atomic};
use super::lock::{self, Lock};
use super::read_text;
use super::watch::Watch;
use crate::domain::{Account, AccountId, SCHEMA};
use chrono::Utc;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// An account file that could not be read: its stem, and why.
pub type Unreadable = (String, StoreError);

/// Temp files older than this at start belong to a save that died; younger ones may belong
/// to another callbook saving right now.
pub(super) const TMP_STALE: Duration = Duration::from_secs(10);

/// An account read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// Its id.
    pub id: AccountId,
    /// Its content.
    pub account: Account,
    /// `Some(schema)` when written by a newer callbook: show it, never save it.
    pub newer_schema: Option<u32>,
    /// A fingerprint of the bytes read, so a later save can tell whether the file changed.
    pub fingerprint: u64,
}

/// Cache writes held back: each cache file's path and bytes.
pub(super) type Deferred = std::sync::Arc<std::sync::Mutex<Vec<(PathBuf, Vec<u8>)>>>;

/// The data folder.
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
    /// The accounts this process has open for editing (see [`Store::claim`]), each held by a
    /// lock of its own, apart from the short write lock.
    claims: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<AccountId, Lock>>>,
    /// Whether caches in `.cache/` are brought up to date on disk (they are always read).
    pub(super) write_caches: bool,
    /// Cache writes held back until [`Store::flush_caches`] (the command line's, written
    /// only once the command has succeeded).
    pub(super) deferred: Option<Deferred>,
}

impl Store {
    /// The platform's data folder for callbook, when the platform has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "callbook").map(|d| d.data_local_dir().to_owned())
    }

    /// Opens (creating if needed, mode 0700) the data folder and removes temp files left
    /// by saves that died.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let store = Store {
            root: root.into(),
            claims: Default::default(),
            write_caches: true,
            deferred: None,
        };
        for dir in [store.root.clone(), store.accounts_dir(), store.trash_dir()] {
            create_private_dir(&dir)?;
        }
        store.clean_temp_files()?;
        Ok(store)
    }

    /// The data folder at `root` for a quick look that must change nothing (shell
    /// completion): no folder is made, no mode tightened, no leftover cleaned, no cache
    /// written. `None` when there is no accounts folder to look in.
    pub fn peek(root: impl Into<PathBuf>) -> Option<Store> {
        let store = Store {
            root: root.into(),
            claims: Default::default(),
            write_caches: false,
            deferred: None,
        };
        store.accounts_dir().is_dir().then_some(store)
    }

    /// Every account's id and name, by the light pass over the first lines of each file
    /// (fast on thousands); files that can't be read are left out.
    pub fn account_names(&self) -> Result<Vec<(crate::domain::AccountId, String)>, StoreError> {
        super::names::names(self)
    }

    /// This store, reading caches but never writing them: for the command line, whose
    /// promise is that a failing command writes nothing at all to the data folder.
    pub fn without_cache_writes(self) -> Self {
        Store {
            write_caches: false,
            deferred: None,
            ..self
        }
    }

    /// This store, holding its cache writes until [`Store::flush_caches`]: for a command
    /// that reads the folder anyway (`list`, `report`...), so a fresh clone pays the cold
    /// read once, while a command that fails still writes nothing.
    pub fn deferring_cache_writes(self) -> Self {
        Store {
            write_caches: false,
            deferred: Some(Default::default()),
            ..self
        }
    }

    /// Writes the caches held back (see [`Store::deferring_cache_writes`]).
    pub fn flush_caches(&self) {
        let Some(later) = &self.deferred else { return };
        let pending = later
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        for (path, bytes) in pending {
            super::cache::save_bytes(&path, &bytes);
        }
    }

    /// The data folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where account files live.
    pub fn accounts_dir(&self) -> PathBuf {
        self.root.join("accounts")
    }

    /// Where deleted accounts go.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The file of account `id`.
    pub fn path_of(&self, id: &AccountId) -> PathBuf {
        self.accounts_dir().join(format!("{id}.json"))
    }

    /// Reads every account of the folder: those that load, and by stem those that don't
    /// (damaged when listed, or unreadable a moment later), which stop nothing. For reports
    /// over the whole folder; nothing is written.
    pub fn load_all(&self) -> Result<(Vec<Loaded>, Vec<Unreadable>), StoreError> {
        self.load_all_watched(&super::Unwatched)
    }

    /// [`Store::load_all`], telling `watch` of its two passes: the listing (the files the
    /// cache doesn't know) and the loading (every readable account).
    pub fn load_all_watched(&self, watch: &dyn Watch) -> Result<(Vec<Loaded>, Vec<Unreadable>), StoreError> {
        let listings = self.list_watched(watch)?;
        watch.begin("reading accounts", listings.len());
        let (mut loaded, mut damaged) = (Vec::new(), Vec::new());
        for listing in listings {
            match listing {
                super::Listing::Ok(s) => match self.load(&s.id) {
                    Ok(l) => loaded.push(l),
                    Err(error) => damaged.push((s.id.to_string(), error)),
                },
                super::Listing::Damaged { stem, error } => damaged.push((stem, error)),
            }
            watch.tick();
        }
        Ok((loaded, damaged))
    }

    /// Reads account `id`.
    pub fn load(&self, id: &AccountId) -> Result<Loaded, StoreError> {
        let path = self.path_of(id);
        let text = read_text(&self.root, &path)?;
        let (account, newer_schema) = parse(&text, &path)?;
        Ok(Loaded {
            id: id.clone(),
            account,
            newer_schema,
            fingerprint: fingerprint(text.as_bytes()),
        })
    }

    /// Writes account `id` atomically: a crash leaves the old file or the new one. The file
    /// on disk is checked first: if it became unreadable or was rewritten by a newer callbook
    /// since it was loaded (a `git pull`, another editor), it is left alone and this fails.
    pub fn save(&self, id: &AccountId, account: &Account) -> Result<(), StoreError> {
        self.save_checked(id, account, None).map(|_| ())
    }

    /// [`Store::save`], and when `expected` is given (the fingerprint of what was read or
    /// last written), also refuses if the file changed on disk since. Returns the
    /// fingerprint of what it wrote.
    pub fn save_checked(
        &self,
        id: &AccountId,
        account: &Account,
        expected: Option<u64>,
    ) -> Result<u64, StoreError> {
        let held = self.lock(id, "a save")?;
        self.save_held(&held, id, account, expected)
    }

    /// Takes account `id`'s lock for `what` (see [`super::lock`]), waiting a few seconds for
    /// another writer to finish; fails naming who has it.
    pub fn lock(&self, id: &AccountId, what: &str) -> Result<Lock, StoreError> {
        let file = format!("{id}.json");
        lock::acquire(&self.accounts_dir(), &file, &self.path_of(id), what, lock::wait())
    }

    /// The size and modification time of account `id`'s file, to tell cheaply whether it
    /// may have changed since last looked at; `None` when it can't be read.
    pub fn stamp(&self, id: &AccountId) -> Option<(u64, SystemTime)> {
        let meta = fs::metadata(self.path_of(id)).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    }

    /// Claims account `id` for editing in this process, for as long as it stays open here:
    /// a second app that opens it finds the claim taken and opens it read-only, naming who
    /// has it. `Err` names the holder (when its file says). Claiming twice is fine.
    pub fn claim(&self, id: &AccountId) -> Result<(), Option<lock::Holder>> {
        let mut claims = self.claims.lock().unwrap_or_else(|e| e.into_inner());
        if claims.contains_key(id) {
            return Ok(());
        }
        let name = format!("{id}.json.open");
        match lock::try_acquire(&self.accounts_dir(), &name, "the app") {
            Ok(Ok(held)) => {
                claims.insert(id.clone(), held);
                Ok(())
            }
            Ok(Err(holder)) => Err(holder),
            // A claim that can't be made (a read-only folder) stops nobody from editing.
            Err(_) => Ok(()),
        }
    }

    /// Lets go of this process's claim on `id`, if it has one.
    pub fn release(&self, id: &AccountId) {
        let mut claims = self.claims.lock().unwrap_or_else(|e| e.into_inner());
        claims.remove(id);
    }

    /// Reads account `id`, lets `change` change it and saves the result, all under the
    /// account's lock, so two writers at once queue and neither loses the other's change.
    /// Nothing is written when `change` fails or the file is from a newer callbook.
    pub fn update<T, E: From<StoreError>>(
        &self,
        id: &AccountId,
        what: &str,
        change: impl FnOnce(&mut Account) -> Result<T, E>,
    ) -> Result<T, E> {
        let held = self.lock(id, what)?;
        let loaded = self.load(id)?;
        if let Some(schema) = loaded.newer_schema {
            return Err(StoreError::ReadOnly {
                path: self.path_of(id),
                schema,
            }
            .into());
        }
        let mut account = loaded.account;
        let out = change(&mut account)?;
        self.save_held(&held, id, &account, Some(loaded.fingerprint))?;
        Ok(out)
    }

    /// [`Store::save_checked`] for a caller that holds the account's lock already.
    pub fn save_held(
        &self,
        _held: &Lock,
        id: &AccountId,
        account: &Account,
        expected: Option<u64>,
    ) -> Result<u64, StoreError> {
        let path = self.path_of(id);
        if account.schema > SCHEMA {
            return Err(StoreError::ReadOnly {
                path,
                schema: account.schema,
            });
        }
        match read_text(&self.root, &path) {
            Ok(text) => {
                // The very bytes this app read or last wrote are known good: parsing them
                // again (most of a large account's save) would only say so again.
                let unchanged = expected.is_some_and(|e| e == fingerprint(text.as_bytes()));
                if !unchanged && let (_, Some(schema)) = parse(&text, &path)? {
                    return Err(StoreError::ReadOnly { path, schema });
                }
                if expected.is_some() && !unchanged {
                    return Err(StoreError::Changed { path });
                }
            }
            // Gone since it was read: writing would silently bring it back.
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound && expected.is_some() =>
            {
                return Err(StoreError::Deleted { path });
            }
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let bytes = to_json(account);
        write_atomic(&self.accounts_dir(), &path, bytes.as_bytes())?;
        Ok(fingerprint(bytes.as_bytes()))
    }

    /// Saves a new account under a fresh id and returns the id. Refused, writing nothing,
    /// when a readable account has the same name (ignoring case and extra spaces): the
    /// error names the existing one.
    pub fn create(&self, account: &Account) -> Result<AccountId, StoreError> {
        if let Some(existing) = self.named(&account.name)?.into_iter().next() {
            return Err(StoreError::NameTaken {
                name: existing.name,
                id: existing.id,
            });
        }
        let id = loop {
            let id = AccountId::generate(&account.name);
            if !self.path_of(&id).exists() {
                break id;
            }
        };
        self.save(&id, account)?;
        Ok(id)
    }

    /// Moves account `id`'s file (damaged or not) into `trash/`; nothing is destroyed.
    pub fn trash(&self, stem: &str) -> Result<PathBuf, StoreError> {
        // Stems come from `list`, but never let one reach outside `accounts/`.
        if stem.is_empty() || stem.starts_with('.') || stem.contains(['/', '\\', '\0']) {
            return Err(StoreError::NotFound(stem.to_owned()));
        }
        let from = self.accounts_dir().join(format!("{stem}.json"));
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let to = self.trash_dir().join(format!("{stem}.{stamp}.json"));
        fs::rename(&from, &to).map_err(|source| StoreError::Io { path: from, source })?;
        sync_dir(&self.trash_dir())?;
        sync_dir(&self.accounts_dir())?;
        Ok(to)
    }

    /// Moves a file that [`Store::trash`] put in `trash/` back to `accounts/stem.json`; an
    /// account file of that name there already is never overwritten.
    pub fn restore(&self, stem: &str, trashed: &std::path::Path) -> Result<PathBuf, StoreError> {
        let inside = trashed.parent() == Some(self.trash_dir().as_path());
        if !inside || stem.is_empty() || stem.starts_with('.') || stem.contains(['/', '\\', '\0']) {
            return Err(StoreError::NotFound(stem.to_owned()));
        }
        let to = self.accounts_dir().join(format!("{stem}.json"));
        if to.exists() {
            return Err(StoreError::Io {
                path: to,
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "an account file of that name is back already",
                ),
            });
        }
        fs::rename(trashed, &to).map_err(|source| StoreError::Io {
            path: trashed.to_owned(),
            source,
        })?;
        sync_dir(&self.accounts_dir())?;
        sync_dir(&self.trash_dir())?;
        Ok(to)
    }

    /// `(stem, path)` of every `*.json` under `accounts/`, temp files excluded.
    pub(crate) fn account_files(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let dir = self.accounts_dir();
        let entries = fs::read_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".json").filter(|_| !name.starts_with('.')) {
                out.push((stem.to_owned(), path));
            }
        }
        Ok(out)
    }

    fn clean_temp_files(&self) -> Result<(), StoreError> {
        let dir = self.accounts_dir();
        let entries = fs::read_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        // Only a temp file's name is looked at further: every start of a big folder would
        // otherwise pay one more system call per account.
        for entry in entries.flatten() {
            if !entry.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                continue;
            }
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .map(|t| SystemTime::now().duration_since(t).unwrap_or_default() > TMP_STALE)
                .unwrap_or(false);
            if stale {
                // A leftover that can't be removed is harmless: it is never read as an account.
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }
}

/// A fingerprint of file bytes, to notice a change on disk (not a security measure).
fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// Creates `dir` (mode 0700), or tightens it to 0700 when it exists open to others (a
/// data folder made by `git clone` or by hand): the accounts are the user's business only.
pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir).map_err(io)?.permissions().mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700 | 0o700)).map_err(io)?;
        }
    }
    Ok(())
}
