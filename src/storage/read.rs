//! Reading a file of the data folder safely. Only regular files are read: a FIFO, a device
//! or a directory named `*.json` is refused before anything opens it (opening a FIFO would
//! wait for a writer; reading `/dev/zero` would never end). A symlink is followed only when
//! it stays inside the data folder, and nothing larger than [`MAX_FILE`] is read.
//!
//! The type is checked twice: on the path before opening, then on the opened handle, which
//! is opened without blocking and without following a link, so a file swapped between the
//! two looks can't make callbook hang or read something else.

use super::StoreError;
use super::error::Odd;
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest file callbook reads: far beyond any real account, small enough that a
/// mistake (a disk image named `x.json`) can't exhaust memory.
pub const MAX_FILE: u64 = 64 * 1024 * 1024;

/// The UTF-8 byte order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where `path` really is: itself, or for a symlink the file it points to, which must lie
/// inside `root` (the data folder) or the folder holding `path`. A missing file is an
/// [`StoreError::Io`] of kind `NotFound`, so callers can treat it as "no file yet".
pub(super) fn resolve(root: &Path, path: &Path) -> Result<PathBuf, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = fs::symlink_metadata(path).map_err(io)?;
    if !meta.file_type().is_symlink() {
        return Ok(path.to_owned());
    }
    let target = fs::canonicalize(path).map_err(io)?;
    let folder = path.parent().and_then(|p| fs::canonicalize(p).ok());
    let inside = [fs::canonicalize(root).ok(), folder]
        .into_iter()
        .flatten()
        .any(|dir| target.starts_with(dir));
    if inside {
        Ok(target)
    } else {
        Err(odd(path, Odd::Outside))
    }
}

/// Reads the text of `path`, a file of the data folder `root`: following a symlink only
/// inside the folder, refusing anything but a regular file of at most [`MAX_FILE`] bytes,
/// an empty file, and text that isn't UTF-8 (the error gives the byte offset). A leading
/// byte order mark is dropped. Errors name `path`, never the link's target.
pub fn read_text(root: &Path, path: &Path) -> Result<String, StoreError> {
    let bytes = read_bytes(root, path)?;
    text(bytes, path)
}

/// Reads a file named on the command line, wherever it is (`import FILE`, `bank --import`):
/// following links, since the user named it, but refusing anything but a regular file of at
/// most [`MAX_FILE`] bytes (a FIFO would hang the command), and text that isn't UTF-8.
pub fn read_named(path: &Path) -> Result<String, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    check(&fs::metadata(path).map_err(io)?, path)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io)?;
    check(&file.metadata().map_err(io)?, path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(odd(path, Odd::TooLarge(bytes.len() as u64)));
    }
    text(bytes, path)
}

/// The bytes of `path`, with every check of [`read_text`] but the ones on the content.
pub(super) fn read_bytes(root: &Path, path: &Path) -> Result<Vec<u8>, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    // What the path leads to is looked at first, without opening it: a device behind a
    // symlink is "not a regular file" wherever it is.
    check(&fs::metadata(path).map_err(io)?, path)?;
    let real = resolve(root, path)?;
    let file = open(&real).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check(&meta, path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE {
        // It grew while being read.
        return Err(odd(path, Odd::TooLarge(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Refuses anything but a regular file within the size limit.
fn check(meta: &Metadata, path: &Path) -> Result<(), StoreError> {
    if !meta.is_file() {
        return Err(odd(path, Odd::NotRegular(kind(meta))));
    }
    if meta.len() > MAX_FILE {
        return Err(odd(path, Odd::TooLarge(meta.len())));
    }
    Ok(())
}

/// Opens for reading without waiting (a FIFO swapped in after the check) and without
/// following a symlink (one swapped in after [`resolve`]).
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOFOLLOW);
    options.open(path)
}

/// What kind of thing a non-regular file is, in a few words.
fn kind(meta: &Metadata) -> String {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO".into();
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device".into();
        }
        if t.is_socket() {
            return "a socket".into();
        }
    }
    if t.is_dir() {
        "a directory".into()
    } else if t.is_symlink() {
        "a symlink".into()
    } else {
        "not a file".into()
    }
}

/// File bytes as text: the byte order mark dropped, empty files and bad UTF-8 refused.
fn text(mut bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    let skipped = if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        BOM.len()
    } else {
        0
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(odd(path, Odd::Empty));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..good]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        StoreError::Damaged {
            path: path.to_owned(),
            line,
            column,
            message: format!("not UTF-8 text: invalid byte at offset {}", good + skipped),
        }
    })
}

fn odd(path: &Path, why: Odd) -> StoreError {
    StoreError::Odd {
        path: path.to_owned(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::tempdir().expect("temp dir")
    }

    fn message(e: StoreError) -> String {
        e.to_string()
    }

    #[test]
    fn a_bom_is_dropped() {
        let dir = folder();
        let path = dir.path().join("a.json");
        fs::write(&path, b"\xEF\xBB\xBF{}").unwrap();
        assert_eq!(read_text(dir.path(), &path).unwrap(), "{}");
    }

    #[test]
    fn empty_and_blank_files_say_so() {
        let dir = folder();
        let path = dir.path().join("a.json");
        for content in [&b""[..], b"  \n", b"\xEF\xBB\xBF"] {
            fs::write(&path, content).unwrap();
            let m = message(read_text(dir.path(), &path).unwrap_err());
            assert!(m.ends_with("a.json: empty file"), "{m}");
        }
    }

    #[test]
    fn bad_utf8_gives_the_offset_line_and_column() {
        let dir = folder();
        let path = dir.path().join("a.json");
        fs::write(&path, b"{\n  \"n\xC3\xA9\": \"\xFF\"}").unwrap();
        let m = message(read_text(dir.path(), &path).unwrap_err());
        assert!(
            m.ends_with("line 2, column 10: not UTF-8 text: invalid byte at offset 12"),
            "{m}"
        );
        fs::write(&path, b"\xEF\xBB\xBF{\xFF}").unwrap();
        let m = message(read_text(dir.path(), &path).unwrap_err());
        assert!(
            m.ends_with("line 1, column 2: not UTF-8 text: invalid byte at offset 4"),
            "{m}"
        );
    }

    #[test]
    fn a_directory_is_not_read() {
        let dir = folder();
        let path = dir.path().join("d.json");
        fs::create_dir(&path).unwrap();
        let m = message(read_text(dir.path(), &path).unwrap_err());
        assert!(
            m.ends_with("d.json: not a regular file (a directory); left alone"),
            "{m}"
        );
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let dir = folder();
        let path = dir.path().join("big.json");
        File::create(&path).unwrap().set_len(MAX_FILE + 1).unwrap();
        let m = message(read_text(dir.path(), &path).unwrap_err());
        assert!(m.contains("too large"), "{m}");
        assert!(m.contains("64 MB"), "{m}");
    }

    #[test]
    fn missing_is_not_found() {
        let dir = folder();
        match read_text(dir.path(), &dir.path().join("none.json")) {
            Err(StoreError::Io { source, .. }) => assert_eq!(source.kind(), std::io::ErrorKind::NotFound),
            other => panic!("{other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_only_inside() {
        let dir = folder();
        let root = dir.path().join("data");
        fs::create_dir_all(root.join("accounts")).unwrap();
        fs::write(root.join("real.json"), "{}").unwrap();
        let link = root.join("accounts").join("a.json");
        std::os::unix::fs::symlink("../real.json", &link).unwrap();
        assert_eq!(read_text(&root, &link).unwrap(), "{}");
        fs::write(dir.path().join("outside.json"), "{}").unwrap();
        let out = root.join("accounts").join("b.json");
        std::os::unix::fs::symlink(dir.path().join("outside.json"), &out).unwrap();
        let m = message(read_text(&root, &out).unwrap_err());
        assert!(m.contains("b.json: points outside the data folder"), "{m}");
        let zero = root.join("accounts").join("z.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let m = message(read_text(&root, &zero).unwrap_err());
        assert!(m.contains("z.json: not a regular file (a device)"), "{m}");
    }
}
