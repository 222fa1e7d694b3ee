//! Per-file caches in `<data>/.cache/`: what was learnt from each account file, kept with
//! the file's size and modification time so an unchanged file is never read again. A cache
//! is only ever a copy: losing or damaging it costs a re-read, never data. `.cache/` holds
//! its own `.gitignore`, so a team sharing the folder through git never commits it.

use super::Store;
use super::watch::Watch;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A file's size and modification time (nanoseconds), to tell whether it changed.
pub(super) type Stamp = (u64, u128);

/// A cache file: its format version and, per account stem, a stamp and what was learnt.
#[derive(serde::Serialize, serde::Deserialize)]
struct CacheFile<E> {
    version: u32,
    entries: BTreeMap<String, (Stamp, E)>,
}

/// Brings the cache `name` (format `version`) up to date with `files` (stem, path): an
/// entry whose stamp still matches is kept, every other file is read with `read`, on every
/// core; the cache is written back when anything changed. Entries `keep` rejects (say, a
/// file that could not be opened) are used now but not cached, so they are read again next
/// time. Nothing is written for a store opened without cache writes. `watch` is told how
/// many files have to be read (as `step`), and each one read. Returns the entries by stem.
pub(super) fn refreshed<E>(
    store: &Store,
    name: &str,
    version: u32,
    files: Vec<(String, PathBuf)>,
    read: impl Fn(&Path) -> E + Sync,
    keep: impl Fn(&E) -> bool,
    (step, watch): (&str, &dyn Watch),
) -> BTreeMap<String, E>
where
    E: Serialize + DeserializeOwned + Send,
{
    let path = store.root().join(".cache").join(name);
    let mut old = load::<E>(&path, version);
    let before = old.len();
    let mut entries = BTreeMap::new();
    let mut stale = Vec::new();
    for (stem, file) in files {
        let Some(stamp) = stamp(&file) else { continue };
        match old.remove(&stem) {
            Some((was, entry)) if was == stamp => drop(entries.insert(stem, (stamp, entry))),
            _ => stale.push((stem, file, stamp)),
        }
    }
    let changed = !stale.is_empty() || entries.len() != before;
    // Only the files read count: a warm cache has nothing to show progress on.
    watch.begin(step, stale.len());
    entries.extend(read_all(stale, &read, watch));
    let (kept, passing): (BTreeMap<_, _>, BTreeMap<_, _>) =
        entries.into_iter().partition(|(_, (_, e))| keep(e));
    let file = CacheFile {
        version,
        entries: kept,
    };
    if changed {
        if store.write_caches {
            save(&path, &file);
        } else if let Some(later) = &store.deferred
            && let Ok(bytes) = serde_json::to_vec(&file)
            && let Ok(mut later) = later.lock()
        {
            later.push((path, bytes));
        }
    }
    file.entries
        .into_iter()
        .chain(passing)
        .map(|(stem, (_, entry))| (stem, entry))
        .collect()
}

/// A file's size and modification time, or `None` when it can't be looked at.
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), modified))
}

/// Reads `files` with `read`, split across the machine's cores, telling `watch` of each.
fn read_all<E: Send>(
    files: Vec<(String, PathBuf, Stamp)>,
    read: &(impl Fn(&Path) -> E + Sync),
    watch: &dyn Watch,
) -> Vec<(String, (Stamp, E))> {
    in_parallel(&files, |(stem, path, stamp)| {
        let entry = read(path);
        watch.tick();
        Some((stem.clone(), (*stamp, entry)))
    })
}

/// `f` over `items`, split across the machine's cores (at most 8), in order; the `None`s
/// left out. The one way the folder's files are read side by side.
pub(super) fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Option<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().filter_map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a file reader panicked"))
            .collect()
    })
}

/// Reads a cache; anything odd about the file (missing, damaged, not a regular file, too
/// large) is simply an empty cache.
fn load<E: DeserializeOwned>(path: &Path, version: u32) -> BTreeMap<String, (Stamp, E)> {
    let Some(root) = path.parent() else {
        return BTreeMap::new();
    };
    let bytes = super::read::read_bytes(root, path).unwrap_or_default();
    serde_json::from_slice::<CacheFile<E>>(&bytes)
        .ok()
        .filter(|c| c.version == version)
        .map(|c| c.entries)
        .unwrap_or_default()
}

/// Writes a cache; failing to is harmless (the next start reads the files again). It is
/// renamed into place so a reader never sees half of it, but not synced to disk: a cache
/// lost in a crash is simply rebuilt. Like the rest of the data folder, `.cache/` is 0700
/// and its files 0600 (the temp file a cache is written through is made 0600).
fn save<T: Serialize>(path: &Path, cache: &T) {
    if let Ok(bytes) = serde_json::to_vec(cache) {
        save_bytes(path, &bytes);
    }
}

/// Writes the bytes of a cache (see [`save`]).
pub(super) fn save_bytes(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    if builder.create(dir).is_err() {
        return;
    }
    // A folder made by an older callbook may be open to others: make it private.
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(dir) {
        use std::os::unix::fs::PermissionsExt;
        if meta.is_dir() && meta.permissions().mode() & 0o077 != 0 {
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        if let Ok(mut file) = options.open(&ignore) {
            let _ = std::io::Write::write_all(&mut file, b"# callbook's caches: copies, never shared\n*\n");
        }
    }
    let Ok(mut tmp) = tempfile::Builder::new().prefix(".cache-").tempfile_in(dir) else {
        return;
    };
    if std::io::Write::write_all(&mut tmp, bytes).is_ok() {
        let _ = tmp.persist(path);
    }
}
