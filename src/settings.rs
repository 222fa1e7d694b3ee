//! Personal settings: one TOML file, `settings.toml`, in the platform's config folder (or
//! `CALLBOOK_CONFIG_DIR`). Today it holds the reviewer's name; later it gains a theme and
//! key overrides, so every key this version does not know is kept and written back.
//!
//! The file is the user's, edited by hand as often as by `callbook config`, so a damaged one
//! is never guessed at or overwritten: loading it fails, naming the file, line and column.
//! A missing file is simply the defaults. Saving is atomic (`storage::write_atomic`, a
//! 0600 temp file renamed over the old one). Comments in the file are not kept by a save.

use crate::storage::{StoreError, write_atomic};
use std::path::{Path, PathBuf};
use toml::{Spanned, Table, Value};

/// The settings file's name inside the config folder.
pub const FILE_NAME: &str = "settings.toml";

/// The environment variable that moves the config folder (tests, portable installs).
pub const DIR_VAR: &str = "CALLBOOK_CONFIG_DIR";

/// The longest reviewer's name accepted, in characters: it heads every comment.
pub const MAX_NAME: usize = 100;

/// The key of the reviewer's name in the file.
const REVIEWER: &str = "reviewer";

/// What a reviewer is called when neither the settings nor the system give a name.
const NOBODY: &str = "a reviewer";

/// The personal settings, as the file holds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// The name comments are signed with; `None` falls back to the login name.
    pub reviewer: Option<String>,
    /// Every top-level key this version does not know, in the file's order, kept as is.
    pub extra: Table,
}

/// Why the settings could not be read, checked or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file is there but could not be read.
    #[error("{}: could not be read: {source}", path.display())]
    Read {
        /// The settings file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or a known key has a value that is not allowed.
    #[error("{}: line {line}, column {column}: {message}; the file was left as it is", path.display())]
    Damaged {
        /// The settings file.
        path: PathBuf,
        /// Where the trouble starts, counted from 1.
        line: usize,
        /// The column on that line, in characters, counted from 1.
        column: usize,
        /// What is wrong, on one line.
        message: String,
    },
    /// A reviewer's name that is refused (say why).
    #[error("{0}")]
    BadName(String),
    /// The folder or the file could not be written.
    #[error(transparent)]
    Write(#[from] StoreError),
}

/// The config folder: `CALLBOOK_CONFIG_DIR` when set, else the platform's config folder
/// for callbook; `None` on a system with neither.
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os(DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "callbook").map(|d| d.config_dir().to_owned()),
    }
}

/// The settings file inside the config folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Only the keys this version knows, with where their values sit in the file.
#[derive(serde::Deserialize)]
struct Known {
    reviewer: Option<Spanned<String>>,
}

impl Settings {
    /// Reads the settings in the config folder `dir`: a missing file gives the defaults,
    /// a damaged one an error naming the file, line and column.
    pub fn load(dir: &Path) -> Result<Settings, SettingsError> {
        let path = path(dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => Settings::parse(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(source) => Err(SettingsError::Read { path, source }),
        }
    }

    /// Reads settings from `text`, the contents of the file at `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Settings, SettingsError> {
        let damaged = |span: Option<std::ops::Range<usize>>, message: &str| {
            let (line, column) = line_and_column(text, span.map_or(0, |s| s.start));
            SettingsError::Damaged {
                path: path.to_owned(),
                line,
                column,
                message: one_line(message),
            }
        };
        let mut extra: Table = toml::from_str(text).map_err(|e| damaged(e.span(), e.message()))?;
        let known: Known = toml::from_str(text).map_err(|e| damaged(e.span(), e.message()))?;
        extra.remove(REVIEWER);
        let reviewer = match known.reviewer {
            Some(name) => Some(
                check_name(name.get_ref())
                    .map_err(|why| damaged(Some(name.span()), &format!("the reviewer's name {why}")))?,
            ),
            None => None,
        };
        Ok(Settings { reviewer, extra })
    }

    /// The settings as the file holds them: the reviewer first, then the other keys.
    pub fn to_toml(&self) -> String {
        let mut table = Table::new();
        if let Some(name) = &self.reviewer {
            table.insert(REVIEWER.to_owned(), Value::String(name.clone()));
        }
        table.extend(self.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        // A table of TOML values always has a TOML form; the fallback is never reached.
        toml::to_string(&table).unwrap_or_default()
    }

    /// Writes the settings atomically to the config folder `dir`, creating it (0700) if
    /// needed. The file is created 0600.
    pub fn save(&self, dir: &Path) -> Result<(), SettingsError> {
        create_dir(dir)?;
        write_atomic(dir, &path(dir), self.to_toml().as_bytes())?;
        Ok(())
    }

    /// Sets the reviewer's name, trimmed; refuses an empty name, one with control or
    /// invisible characters, or one over [`MAX_NAME`] characters.
    pub fn set_reviewer(&mut self, name: &str) -> Result<(), SettingsError> {
        let name =
            check_name(name).map_err(|why| SettingsError::BadName(format!("a reviewer's name {why}")))?;
        self.reviewer = Some(name);
        Ok(())
    }
}

/// Where the reviewer's name in force comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameFrom {
    /// The settings file's `reviewer`.
    Settings,
    /// The user's login name (`USER`, else `USERNAME`).
    Login,
    /// Neither: a stand-in.
    Nobody,
}

/// The name comments are signed with: the setting, else the login name, else a stand-in.
pub fn reviewer_name(settings: &Settings) -> String {
    reviewer(settings, |var| std::env::var(var).ok()).0
}

/// The reviewer's name in force and where it comes from, reading the environment with `env`.
pub fn reviewer(settings: &Settings, env: impl Fn(&str) -> Option<String>) -> (String, NameFrom) {
    if let Some(name) = settings.reviewer.as_deref().and_then(|n| check_name(n).ok()) {
        return (name, NameFrom::Settings);
    }
    ["USER", "USERNAME"]
        .iter()
        .find_map(|var| env(var).and_then(|n| check_name(&n).ok()))
        .map_or((NOBODY.to_owned(), NameFrom::Nobody), |n| (n, NameFrom::Login))
}

/// `name` trimmed, or why it is refused (to follow "the reviewer's name").
fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("is empty".to_owned());
    }
    if let Some(c) = name.chars().find(|&c| c.is_control() || invisible(c)) {
        return Err(format!(
            "holds a control or invisible character (U+{:04X})",
            c as u32
        ));
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("is longer than {MAX_NAME} characters"));
    }
    Ok(name.to_owned())
}

/// Characters that show nothing or reorder what follows (zero widths, bidi controls).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// A parser's message on one line, without the trailing full stop.
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    parts.join("; ").trim_end_matches('.').to_owned()
}

/// Creates the config folder (0700 on Unix: the settings are personal).
fn create_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|source| StoreError::Io {
        path: dir.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, SettingsError> {
        Settings::parse(text, Path::new("/cfg/settings.toml"))
    }

    #[test]
    fn unknown_keys_survive_a_round_trip_in_order() {
        let text = "zeta = 1\nreviewer = \"Ann Lee\"\nalpha = \"x\"\n\n[theme]\nname = \"dark\"\n";
        let settings = parse(text).unwrap();
        assert_eq!(settings.reviewer.as_deref(), Some("Ann Lee"));
        let keys: Vec<&String> = settings.extra.keys().collect();
        assert_eq!(keys, ["zeta", "alpha", "theme"]);
        let written = settings.to_toml();
        assert!(
            written.starts_with("reviewer = \"Ann Lee\"\nzeta = 1\n"),
            "{written}"
        );
        assert_eq!(parse(&written).unwrap(), settings);
    }

    #[test]
    fn damage_is_placed_by_line_and_column() {
        let Err(SettingsError::Damaged { line, column, .. }) = parse("a = 1\nb = = 2\n") else {
            panic!("accepted");
        };
        assert_eq!((line, column), (2, 5));
        let e = parse("x = 1\nreviewer = 7\n").unwrap_err().to_string();
        assert!(e.starts_with("/cfg/settings.toml: line 2, column 12: "), "{e}");
        let e = parse("reviewer = \"  \"\n").unwrap_err().to_string();
        assert!(
            e.contains("line 1, column 12: the reviewer's name is empty"),
            "{e}"
        );
    }

    #[test]
    fn names_are_trimmed_and_bad_ones_refused() {
        let mut s = Settings::default();
        s.set_reviewer("  Bo Ek ").unwrap();
        assert_eq!(s.reviewer.as_deref(), Some("Bo Ek"));
        for bad in ["", " \t", "a\u{1b}[2Jb", "x\u{202e}y", &"n".repeat(MAX_NAME + 1)] {
            assert!(s.clone().set_reviewer(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_name_falls_back_to_the_login_then_a_stand_in() {
        let env =
            |user: Option<&'static str>| move |var: &str| (var == "USERNAME").then_some(user?.to_owned());
        let set = Settings {
            reviewer: Some("Cy".into()),
            ..Settings::default()
        };
        assert_eq!(reviewer(&set, env(Some("jo"))), ("Cy".into(), NameFrom::Settings));
        let unset = Settings::default();
        assert_eq!(reviewer(&unset, env(Some("jo"))), ("jo".into(), NameFrom::Login));
        assert_eq!(reviewer(&unset, env(None)), (NOBODY.into(), NameFrom::Nobody));
        assert_eq!(reviewer(&unset, env(Some("\u{7}"))).1, NameFrom::Nobody);
    }
}
