//! Walking the data folder for `doctor`: each entry by what it is (folder, symlink, file,
//! something else) and, for files, by where it is and its name. Only reads.

use super::{Fix, Problem, records, relative};
use crate::domain::AccountId;
use crate::storage::file::{TMP_PREFIX, parse, parse_bank, parse_offerings, parse_sweet_spot};
use crate::storage::{StoreError, conflict, read_text, store::TMP_STALE};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Which part of the data folder a file is in, which says what it should be.
#[derive(Clone, Copy, PartialEq)]
enum Area {
    /// The data folder itself: the team's files.
    Top,
    /// `accounts/`.
    Accounts,
    /// Anything else callbook keeps (`trash/`, `.cache/`): only its files' kind and mode.
    Other,
}

/// One walk of the folder and what it found.
pub(super) struct Scan {
    root: PathBuf,
    found: Vec<Problem>,
    /// The first file of each account, by name and creation time, to spot a second copy.
    accounts: HashMap<(String, DateTime<Utc>), PathBuf>,
}

impl Scan {
    pub(super) fn new(root: &Path) -> Self {
        Scan {
            root: root.to_owned(),
            found: Vec::new(),
            accounts: HashMap::new(),
        }
    }

    pub(super) fn run(mut self) -> Vec<Problem> {
        let root = self.root.clone();
        if let Ok(meta) = fs::metadata(&root) {
            self.mode(&root, &meta, true);
        }
        self.walk(&root, Area::Top);
        self.found
    }

    fn problem(&mut self, path: &Path, what: impl Into<String>, remedy: impl Into<String>, fix: Option<Fix>) {
        self.found.push(Problem {
            file: relative(&self.root, path),
            what: what.into(),
            remedy: remedy.into(),
            notice: false,
            fix,
        });
    }

    fn notice(&mut self, path: &Path, what: impl Into<String>, remedy: impl Into<String>) {
        self.problem(path, what, remedy, None);
        if let Some(last) = self.found.last_mut() {
            last.notice = true;
        }
    }

    fn walk(&mut self, dir: &Path, area: Area) {
        let Ok(entries) = fs::read_dir(dir) else {
            return self.problem(dir, "can't be read", "give yourself read access to it", None);
        };
        let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // doctor's own backups, and git's repository, are not the data.
            if area == Area::Top && (name == "backup" || name == ".git") {
                continue;
            }
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                self.symlink(&path, &name, area);
            } else if meta.is_dir() {
                self.mode(&path, &meta, true);
                let inner = if area == Area::Top && name == "accounts" {
                    Area::Accounts
                } else {
                    Area::Other
                };
                self.walk(&path, inner);
            } else if meta.is_file() {
                self.mode(&path, &meta, false);
                self.file(&path, &name, area, &meta);
            } else {
                self.problem(
                    &path,
                    "not a regular file (a FIFO, a socket or a device); callbook never reads it",
                    "remove it, or move it out of the data folder",
                    None,
                );
            }
        }
    }

    /// A symlink: where it points, and whether callbook follows it.
    fn symlink(&mut self, path: &Path, name: &str, area: Area) {
        let target = fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        let inside = match (fs::canonicalize(path), fs::canonicalize(&self.root)) {
            (Ok(real), Ok(root)) => Some(real.starts_with(root)),
            _ => None,
        };
        match inside {
            None => self.problem(
                path,
                format!("a symlink to {target}, which doesn't exist"),
                "remove the link, or put the file back where it points",
                None,
            ),
            Some(false) => self.problem(
                path,
                format!("a symlink to {target}, outside the data folder; callbook doesn't follow it"),
                "replace the link with the file itself, or move the file into the data folder",
                None,
            ),
            Some(true) => {
                self.notice(
                    path,
                    format!("a symlink to {target}, inside the data folder"),
                    "callbook reads it and saves through it",
                );
                if let Some(meta) = fs::metadata(path).ok().filter(Metadata::is_file) {
                    self.file(path, name, area, &meta);
                }
            }
        }
    }

    /// Folders 0700 and files 0600: the accounts are the user's business only.
    #[cfg(unix)]
    fn mode(&mut self, path: &Path, meta: &Metadata, dir: bool) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o077 != 0 {
            let (want, kind) = if dir {
                (mode & 0o700 | 0o700, "folder")
            } else {
                (mode & 0o700, "file")
            };
            self.problem(
                path,
                format!(
                    "open to others (mode {mode:04o}; callbook keeps its {kind}s private to their owner)"
                ),
                format!("`callbook doctor --fix` sets it to {want:04o}"),
                Some(Fix::Mode(want)),
            );
        }
    }

    #[cfg(not(unix))]
    fn mode(&mut self, _: &Path, _: &Metadata, _: bool) {}

    fn file(&mut self, path: &Path, name: &str, area: Area, meta: &Metadata) {
        if name.starts_with(TMP_PREFIX) {
            return self.temp(path, meta);
        }
        match area {
            Area::Top => self.top(path, name),
            Area::Accounts => self.in_accounts(path, name),
            Area::Other => {}
        }
    }

    /// A temp file: a save under way, or one left by a save that died.
    fn temp(&mut self, path: &Path, meta: &Metadata) {
        let age = meta
            .modified()
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok());
        if age.is_some_and(|age| age > TMP_STALE) {
            self.problem(
                path,
                "a temp file left by a save that didn't finish",
                "`callbook doctor --fix` removes it (after a backup)",
                Some(Fix::RemoveTemp),
            );
        } else {
            self.notice(
                path,
                "a temp file of a save under way",
                "run doctor again in a moment",
            );
        }
    }

    /// The team's files at the top of the folder.
    fn top(&mut self, path: &Path, name: &str) {
        let newer = match name {
            "bank.json" => self.read(path).map(|t| parse_bank(&t, path).map(|(_, n)| n)),
            "offerings.json" => self.read(path).map(|t| parse_offerings(&t, path).map(|(_, n)| n)),
            "sweet-spot.json" => self
                .read(path)
                .map(|t| parse_sweet_spot(&t, path).map(|(_, n)| n)),
            "recovery.json" => {
                return self.notice(
                    path,
                    "text recovered from a session that ended while it was being typed",
                    "the app offers it back at its next start",
                );
            }
            ".gitattributes" | ".gitignore" => return,
            _ => return self.notice(path, "not a callbook file", "callbook leaves it alone"),
        };
        match newer {
            Some(Ok(newer)) => self.newer(path, newer),
            Some(Err(e)) => self.damaged(path, &e),
            None => {}
        }
    }

    /// The text of a file, or `None` with the problem said.
    fn read(&mut self, path: &Path) -> Option<String> {
        match read_text(&self.root, path) {
            Ok(text) => Some(text),
            Err(e) => {
                let remedy = "fix or remove it; callbook reads only regular, non-empty UTF-8 files";
                self.problem(path, words(&e, path), remedy, None);
                None
            }
        }
    }

    fn newer(&mut self, path: &Path, newer: Option<u32>) {
        if let Some(schema) = newer {
            self.notice(
                path,
                format!("written by a newer callbook (schema {schema}); this one only reads it"),
                "update callbook to change it",
            );
        }
    }

    fn damaged(&mut self, path: &Path, e: &StoreError) {
        let remedy = "fix it in an editor at that place, or move it out of the folder";
        self.problem(path, words(e, path), remedy, None);
    }

    fn in_accounts(&mut self, path: &Path, name: &str) {
        if name.starts_with('.') && name.ends_with(".lock") {
            return self.lock(path, name);
        }
        match name.strip_suffix(".json") {
            Some(stem) => match AccountId::parse(stem) {
                Some(id) => self.account(path, id),
                None => self.stray(path, stem),
            },
            None => self.notice(path, "not a callbook file", "callbook leaves it alone"),
        }
    }

    fn account(&mut self, path: &Path, id: AccountId) {
        let Some(text) = self.read(path) else { return };
        match parse(&text, path) {
            Ok((account, newer)) => {
                self.newer(path, newer);
                let key = (account.name.clone(), account.created);
                if let Some(first) = self.accounts.get(&key).cloned() {
                    self.problem(
                        path,
                        format!("the same account as {} (same name and created)", first.display()),
                        "compare the two, keep one and move the other to trash/ (from the picker)",
                        None,
                    );
                } else {
                    self.accounts.insert(key, relative(&self.root, path));
                }
                for (what, remedy) in records::check(&account) {
                    self.problem(path, what, remedy, None);
                }
            }
            Err(StoreError::Conflicted { .. }) => self.problem(
                path,
                "has git conflict markers (two versions in one file, from a merge without \
                 callbook's merge driver)",
                "`callbook doctor --fix` merges both sides by id after a backup; \
                 `callbook sync --setup` before the next pull lets git do it",
                Some(Fix::Resolve(id)),
            ),
            Err(e) => self.damaged(path, &e),
        }
    }

    /// A `*.json` under `accounts/` whose name is not an id.
    fn stray(&mut self, path: &Path, stem: &str) {
        let Some((of, tool)) = conflict::copy_of(stem) else {
            return self.problem(
                path,
                "file name is not a callbook id ([a-z0-9-], at most 64), so it is not read",
                "rename it to an id (or move it out of accounts/)",
                None,
            );
        };
        let what = format!("a conflicted copy of {of} made by a sync tool ({tool}), not an account");
        if path.with_file_name(format!("{of}.json")).exists() {
            self.problem(
                path,
                what,
                format!(
                    "`callbook doctor --fix` merges it into {of}.json after a backup and moves \
                     the copy into the backup"
                ),
                Some(Fix::MergeCopy(of)),
            );
        } else {
            let remedy = format!("{of}.json is gone: rename the copy to {of}.json to keep it");
            self.problem(path, what, remedy, None);
        }
    }

    /// A lock file: only one nobody holds is a problem (a holder removes its own).
    fn lock(&mut self, path: &Path, name: &str) {
        if held(path) {
            return;
        }
        let lock = name[1..].trim_end_matches(".lock").to_owned();
        let stem = lock.trim_end_matches(".open").trim_end_matches(".json");
        let gone = if path.with_file_name(format!("{stem}.json")).exists() {
            ""
        } else {
            ", of an account that is gone"
        };
        self.problem(
            path,
            format!("a lock nobody holds, left by a callbook that ended{gone}"),
            "harmless (the next writer takes it over); `callbook doctor --fix` removes it",
            Some(Fix::RemoveLock(lock)),
        );
    }
}

/// The error's words without the file's path, which the problem's line gives.
fn words(e: &StoreError, path: &Path) -> String {
    let all = e.to_string();
    let prefix = format!("{}: ", path.display());
    all.strip_prefix(&prefix).map_or(all.clone(), str::to_owned)
}

/// True when some process holds the lock file at `path` (or when that can't be told).
/// Tried without waiting, on a read-only handle, and let go at once: nothing is written.
#[cfg(unix)]
fn held(path: &Path) -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path);
    let Ok(file) = file else { return true };
    // SAFETY: flock on a descriptor this `File` owns, for as long as it is open.
    let free = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    if free {
        // SAFETY: as above.
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
    }
    !free
}

/// Elsewhere there is no advisory lock to ask: a lock file is never called stale.
#[cfg(not(unix))]
fn held(_: &Path) -> bool {
    true
}
