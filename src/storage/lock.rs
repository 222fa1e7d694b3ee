//! Locks on account files, so writers queue instead of racing: every read-check-write of an
//! account (a CLI command, a save from the app) holds the account's lock, a hidden file
//! beside it in `accounts/` (`.acme-x1y2z3.json.lock`).
//!
//! The lock is the operating system's advisory lock on that file (`flock`), not the file's
//! existence: the kernel lets go of it when the process ends, however it ends, so a lock left
//! by a killed process never blocks anyone. While held, the file names its holder (process,
//! host, since when, what for), so a writer that gives up can say who has the account. The
//! holder removes the file before letting go; a writer that was waiting on the removed file
//! sees that the name no longer leads to the file it locked and starts again, so two can
//! never hold the lock at once. A file left by a killed process is taken over and removed by
//! the next writer.

use super::StoreError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for a lock before giving up, unless `CALLBOOK_LOCK_WAIT_MS` says
/// otherwise: long enough for any save to finish, short enough that a script isn't stuck.
pub const WAIT: Duration = Duration::from_secs(5);

/// Who holds a lock, as its file says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// The holding process.
    pub pid: u32,
    /// The machine it runs on.
    pub host: String,
    /// When it took the lock.
    pub since: DateTime<Utc>,
    /// What it is doing ("add", "import", "the app").
    pub what: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (process {} on {}, since {})",
            self.what,
            self.pid,
            self.host,
            self.since.format("%Y-%m-%d %H:%M:%S UTC")
        )
    }
}

/// A held lock; dropping it lets go.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can lock this name's old file after we go.
        let _ = fs::remove_file(&self.path);
        unlock(&self.file);
    }
}

/// The wait in force: [`WAIT`], or `CALLBOOK_LOCK_WAIT_MS` milliseconds.
pub fn wait() -> Duration {
    std::env::var("CALLBOOK_LOCK_WAIT_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(WAIT, Duration::from_millis)
}

/// Takes the lock `dir/.name.lock` for `what`, waiting up to `wait` for another holder to
/// let go. Fails with [`StoreError::Locked`] naming `target` (the account file) and the
/// holder.
pub fn acquire(
    dir: &Path,
    name: &str,
    target: &Path,
    what: &str,
    wait: Duration,
) -> Result<Lock, StoreError> {
    let path = dir.join(format!(".{name}.lock"));
    let io = |source| StoreError::Io {
        path: path.clone(),
        source,
    };
    let deadline = Instant::now() + wait;
    let mut pause = Duration::from_millis(2);
    let file = loop {
        let file = open(&path).map_err(io)?;
        match try_lock(&file) {
            // The holder before us may have removed the file as it let go: then the name
            // leads elsewhere (or nowhere) and this lock guards nothing. Start again.
            Ok(true) if same_file(&file, &path) => break file,
            Ok(true) => unlock(&file),
            Ok(false) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Ok(false) => {
                return Err(StoreError::Locked {
                    path: target.to_owned(),
                    holder: holder(&path).map(|h| h.to_string()),
                });
            }
            Err(e) => return Err(io(e)),
        }
    };
    let mut lock = Lock {
        file,
        path: path.clone(),
    };
    let me = Holder {
        pid: std::process::id(),
        host: host(),
        since: Utc::now(),
        what: what.to_owned(),
    };
    let json = serde_json::to_string(&me).unwrap_or_default();
    lock.file.set_len(0).map_err(io)?;
    lock.file.rewind().map_err(io)?;
    lock.file.write_all(json.as_bytes()).map_err(io)?;
    Ok(lock)
}

/// Takes the lock `dir/.name.lock` for `what` if nobody holds it, without waiting: `Ok(Err)`
/// names whoever does (when their file says).
pub fn try_acquire(dir: &Path, name: &str, what: &str) -> Result<Result<Lock, Option<Holder>>, StoreError> {
    let target = dir.join(name);
    match acquire(dir, name, &target, what, Duration::ZERO) {
        Ok(lock) => Ok(Ok(lock)),
        Err(StoreError::Locked { .. }) => Ok(Err(holder(&dir.join(format!(".{name}.lock"))))),
        Err(e) => Err(e),
    }
}

/// Who holds the lock at `path`, if its file names anyone.
pub fn holder(path: &Path) -> Option<Holder> {
    // Only a regular file is read: something else planted there (a FIFO) could block.
    if !fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    File::open(path).ok()?.take(4096).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

/// The lock file, created if needed, readable by its owner only.
fn open(path: &PathBuf) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// True when `path` still names the file `file` has open.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// This machine's name, for the holder line.
fn host() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
        let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
        if ok {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            if let Ok(name) = std::str::from_utf8(&buf[..end])
                && !name.is_empty()
            {
                return name.to_owned();
            }
        }
    }
    fs::read_to_string("/etc/hostname")
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "this machine".into())
}

/// Takes the lock without waiting: true when taken, false when another holds it.
#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a file descriptor this `File` owns.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EWOULDBLOCK) => Ok(false),
        Some(libc::EINTR) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(unix)]
fn unlock(file: &File) {
    use std::os::unix::io::AsRawFd;
    // SAFETY: as in `try_lock`.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
}

/// Elsewhere there is no advisory lock here: writers rely on the save's own check that the
/// file is still the one read.
#[cfg(not(unix))]
fn try_lock(_: &File) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(not(unix))]
fn unlock(_: &File) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_gives_up_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let first = acquire(dir.path(), "a.json", &target, "add", WAIT).unwrap();
        let file = dir.path().join(".a.json.lock");
        let held = holder(&file).expect("the holder is written");
        assert_eq!((held.pid, held.what.as_str()), (std::process::id(), "add"));
        // flock locks belong to the open file, so a second open in this process contends.
        let err = acquire(dir.path(), "a.json", &target, "import", Duration::from_millis(30)).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("a.json") && message.contains("add (process"),
            "{message}"
        );
        drop(first);
        assert!(!file.exists(), "let go: the file is gone");
        let again = acquire(dir.path(), "a.json", &target, "import", Duration::from_millis(30));
        assert!(again.is_ok(), "free once the first let go");
        drop(again);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_where_a_lock_file_goes_names_nobody_and_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(".a.json.lock");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(holder(&fifo), None);
    }

    #[test]
    fn different_accounts_do_not_contend() {
        let dir = tempfile::tempdir().unwrap();
        let a = acquire(dir.path(), "a.json", &dir.path().join("a.json"), "add", WAIT).unwrap();
        let b = acquire(
            dir.path(),
            "b.json",
            &dir.path().join("b.json"),
            "add",
            Duration::ZERO,
        );
        assert!(b.is_ok());
        drop(a);
    }
}
