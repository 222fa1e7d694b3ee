//! Walking the data folder for `doctor`: each entry by what it is (folder, symlink, file,
//! something else) and, for files, by where it is and its name (`accounts/` in `accounts`).
//! Only reads.

use super::{Fix, Problem, relative};
use crate::storage::file::{TMP_PREFIX, parse_bank, parse_offerings, parse_sweet_spot};
use crate::storage::{StoreError, Watch, read_text, store::TMP_STALE};
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
pub(super) struct Scan<'w> {
    pub(super) root: PathBuf,
    found: Vec<Problem>,
    /// The first file of each account, by name and creation time, to spot a second copy.
    pub(super) accounts: HashMap<(String, DateTime<Utc>), PathBuf>,
    /// Told of each entry of `accounts/`, where the time goes on a big folder.
    watch: &'w dyn Watch,
}

impl<'w> Scan<'w> {
    pub(super) fn new(root: &Path, watch: &'w dyn Watch) -> Self {
        Scan {
            root: root.to_owned(),
            found: Vec::new(),
            accounts: HashMap::new(),
            watch,
        }
    }

    pub(super) fn run(mut self) -> Vec<Problem> {
        let root = self.root.clone();
        if let Ok(meta) = fs::metadata(&root) {
            self.mode(&root, &meta, true);
        }
        // Counted apart first (a listing of names, no reading), so the walk's progress has a
        // total; the rest of the folder is a handful of files.
        let accounts = fs::read_dir(root.join("accounts")).map_or(0, |d| d.flatten().count());
        self.watch.begin("checking files", accounts);
        self.walk(&root, Area::Top);
        self.found
    }

    pub(super) fn problem(
        &mut self,
        path: &Path,
        what: impl Into<String>,
        remedy: impl Into<String>,
        fix: Option<Fix>,
    ) {
        self.found.push(Problem {
            file: relative(&self.root, path),
            what: what.into(),
            remedy: remedy.into(),
            notice: false,
            fix,
        });
    }

    pub(super) fn notice(&mut self, path: &Path, what: impl Into<String>, remedy: impl Into<String>) {
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
            self.entry(&path, area);
            if area == Area::Accounts {
                self.watch.tick();
            }
        }
    }

    /// One entry of a folder, by what it is.
    fn entry(&mut self, path: &Path, area: Area) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // doctor's own backups, and git's repository, are not the data.
        if area == Area::Top && (name == "backup" || name == ".git") {
            return;
        }
        let Ok(meta) = fs::symlink_metadata(path) else {
            return;
        };
        if meta.file_type().is_symlink() {
            self.symlink(path, &name, area);
        } else if meta.is_dir() {
            self.mode(path, &meta, true);
            let inner = if area == Area::Top && name == "accounts" {
                Area::Accounts
            } else {
                Area::Other
            };
            self.walk(path, inner);
        } else if meta.is_file() {
            self.mode(path, &meta, false);
            self.file(path, &name, area, &meta);
        } else {
            self.problem(
                path,
                "not a regular file (a FIFO, a socket or a device); callbook never reads it",
                "remove it, or move it out of the data folder",
                None,
            );
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
    pub(super) fn read(&mut self, path: &Path) -> Option<String> {
        match read_text(&self.root, path) {
            Ok(text) => Some(text),
            Err(e) => {
                let remedy = "fix or remove it; callbook reads only regular, non-empty UTF-8 files";
                self.problem(path, words(&e, path), remedy, None);
                None
            }
        }
    }

    pub(super) fn newer(&mut self, path: &Path, newer: Option<u32>) {
        if let Some(schema) = newer {
            self.notice(
                path,
                format!("written by a newer callbook (schema {schema}); this one only reads it"),
                "update callbook to change it",
            );
        }
    }

    pub(super) fn damaged(&mut self, path: &Path, e: &StoreError) {
        let remedy = "fix it in an editor at that place, or move it out of the folder";
        self.problem(path, words(e, path), remedy, None);
    }
}

/// The error's words without the file's path, which the problem's line gives.
pub(super) fn words(e: &StoreError, path: &Path) -> String {
    let all = e.to_string();
    let prefix = format!("{}: ", path.display());
    all.strip_prefix(&prefix).map_or(all.clone(), str::to_owned)
}
