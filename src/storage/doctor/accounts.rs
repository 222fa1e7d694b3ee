//! `doctor`'s look at `accounts/`: each account file read and checked (conflict markers,
//! a second copy of one account, its ids), files whose names are not ids (a sync client's
//! conflicted copy, or a stray), and lock files nobody holds.

use super::scan::Scan;
use super::{Fix, records, relative};
use crate::domain::AccountId;
use crate::storage::StoreError;
use crate::storage::conflict;
use crate::storage::file::parse;
use std::path::Path;

impl Scan<'_> {
    /// A file in `accounts/`, by its name.
    pub(super) fn in_accounts(&mut self, path: &Path, name: &str) {
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

/// True when some process holds the lock file at `path` (or when that can't be told).
/// Tried without waiting, on a read-only handle, and let go at once: nothing is written.
#[cfg(unix)]
fn held(path: &Path) -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let file = std::fs::OpenOptions::new()
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
