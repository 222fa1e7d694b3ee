//! Personal settings: one TOML file, `settings.toml`, in the platform's config folder (or
//! `CALLBOOK_CONFIG_DIR`): the reviewer's name, the theme, the data folder and key remaps
//! (`[keys.SCOPE]`, see [`keys`]).
//!
//! The file is the user's, edited by hand as often as by `callbook config`, so a damaged one
//! is never guessed at or overwritten: loading it fails, naming the file, and the line and
//! column of every mistake (bad TOML, an unknown setting, scope, action or key, a key bound
//! twice). The app then starts with the defaults and says so ([`Settings::load_or_defaults`]).
//! A missing file is simply the defaults. Saving is atomic (`storage::write_atomic`, a
//! 0600 temp file renamed over the old one). Comments in the file are not kept by a save.

pub mod keys;
mod values;

use crate::app::keymap::Keymap;
use crate::app::theme::Choice;
use crate::storage::{StoreError, write_atomic};
use std::path::{Path, PathBuf};
use toml::{Spanned, Table, Value};
use values::{check_name, data_dir, line_and_column, one_line, theme, unknown_keys};

/// The settings file's name inside the config folder.
pub const FILE_NAME: &str = "settings.toml";

/// The other name the file is read under, as other terminal tools call theirs; used when it
/// is there and [`FILE_NAME`] is not.
pub const OTHER_NAME: &str = "config.toml";

/// The environment variable that moves the config folder (tests, portable installs).
pub const DIR_VAR: &str = "CALLBOOK_CONFIG_DIR";

/// The longest reviewer's name accepted, in characters: it heads every comment.
pub const MAX_NAME: usize = 100;

/// The key of the reviewer's name in the file.
const REVIEWER: &str = "reviewer";

/// Every top-level key of the file this version knows.
const KNOWN: [&str; 5] = [REVIEWER, "theme", "data-dir", "data_dir", "keys"];

/// What a reviewer is called when neither the settings nor the system give a name.
const NOBODY: &str = "a reviewer";

/// The personal settings, as the file holds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// The name comments are signed with; `None` falls back to the login name.
    pub reviewer: Option<String>,
    /// The palette asked for; `None` follows the terminal.
    pub theme: Option<Choice>,
    /// The data folder, when not the platform's (`--data-dir` and `CALLBOOK_DATA_DIR` win).
    pub data_dir: Option<PathBuf>,
    /// The key remaps, checked against the keymap table.
    pub keys: Vec<keys::Remap>,
    /// Every top-level key but the reviewer's, in the file's order, as written, so a save
    /// gives them back as the user wrote them.
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
    /// The file is not valid TOML, or holds settings that are not allowed: each mistake on
    /// a line of its own, naming the file, line and column.
    #[error("{}", problems.iter().map(|p| format!("{}: line {}, column {}: {}", path.display(), p.line, p.column, p.message)).collect::<Vec<_>>().join("\n"))]
    Damaged {
        /// The settings file.
        path: PathBuf,
        /// The mistakes, in the file's order; at least one.
        problems: Vec<Problem>,
    },
    /// The folder holds the file under both its names: neither is guessed at.
    #[error("{} and {} are both settings files; callbook reads neither: keep one", first.display(), second.display())]
    Both {
        /// `settings.toml`.
        first: PathBuf,
        /// `config.toml`.
        second: PathBuf,
    },
    /// A reviewer's name that is refused (say why).
    #[error("{0}")]
    BadName(String),
    /// The folder or the file could not be written.
    #[error(transparent)]
    Write(#[from] StoreError),
}

impl SettingsError {
    /// The gist on one line, for a status line: the first mistake's place and words, and
    /// how many more there are; the path and the rest are in the full message.
    pub fn summary(&self) -> String {
        match self {
            SettingsError::Damaged { problems, .. } if !problems.is_empty() => {
                let first = &problems[0];
                let more = match problems.len() - 1 {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                format!(
                    "line {}, column {}: {}{more}",
                    first.line, first.column, first.message
                )
            }
            other => other.to_string(),
        }
    }
}

/// The config folder: `CALLBOOK_CONFIG_DIR` when set, else the platform's config folder
/// for callbook; `None` on a system with neither.
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os(DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "callbook").map(|d| d.config_dir().to_owned()),
    }
}

/// The settings file inside the config folder `dir`: `settings.toml`, or `config.toml` when
/// only that one is there.
pub fn path(dir: &Path) -> PathBuf {
    let other = dir.join(OTHER_NAME);
    if !dir.join(FILE_NAME).exists() && other.exists() {
        other
    } else {
        dir.join(FILE_NAME)
    }
}

/// A mistake in the settings file, placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the trouble starts, counted from 1.
    pub line: usize,
    /// The column on that line, in characters, counted from 1.
    pub column: usize,
    /// What is wrong, on one line.
    pub message: String,
}

/// Only the keys this version knows, with where their values sit in the file.
#[derive(serde::Deserialize)]
struct Known {
    reviewer: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    // As the flag writes it; snake case read too, as many TOML files write their keys.
    #[serde(rename = "data-dir", alias = "data_dir")]
    data_dir: Option<Spanned<String>>,
    keys: Option<keys::RawKeys>,
}

impl Settings {
    /// Reads the settings in the config folder `dir`: a missing file gives the defaults,
    /// a damaged one an error naming the file, line and column.
    pub fn load(dir: &Path) -> Result<Settings, SettingsError> {
        let (first, second) = (dir.join(FILE_NAME), dir.join(OTHER_NAME));
        if first.exists() && second.exists() {
            return Err(SettingsError::Both { first, second });
        }
        let path = path(dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => Settings::parse(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(source) => Err(SettingsError::Read { path, source }),
        }
    }

    /// Reads the settings in `dir` for a start that must not fail on them: the settings, and
    /// when the file can't be used, the defaults and why, to be said loudly.
    pub fn load_or_defaults(dir: Option<&Path>) -> (Settings, Option<SettingsError>) {
        match dir.map(Settings::load) {
            Some(Ok(settings)) => (settings, None),
            Some(Err(e)) => (Settings::default(), Some(e)),
            None => (Settings::default(), None),
        }
    }

    /// Reads settings from `text`, the contents of the file at `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Settings, SettingsError> {
        let place = |span: Option<std::ops::Range<usize>>, message: &str| {
            let (line, column) = line_and_column(text, span.map_or(0, |s| s.start));
            Problem {
                line,
                column,
                message: one_line(message),
            }
        };
        let damaged = |problems: Vec<Problem>| SettingsError::Damaged {
            path: path.to_owned(),
            problems,
        };
        let toml_error = |e: toml::de::Error| damaged(vec![place(e.span(), e.message())]);
        let mut extra: Table = toml::from_str(text).map_err(toml_error)?;
        let known: Known = toml::from_str(text).map_err(toml_error)?;
        let mut problems = unknown_keys(text, &extra, &place);
        let mut settings = Settings::default();
        let mut check = |value: Option<Spanned<String>>, what: fn(&str) -> Result<(), String>| {
            let v = value?;
            match what(v.get_ref()) {
                Ok(()) => Some(v.into_inner()),
                Err(why) => {
                    problems.push(place(Some(v.span()), &why));
                    None
                }
            }
        };
        settings.reviewer = check(known.reviewer, |n| {
            check_name(n)
                .map(drop)
                .map_err(|why| format!("the reviewer's name {why}"))
        })
        .map(|n| n.trim().to_owned());
        settings.theme = check(known.theme, |t| theme(t).map(drop)).and_then(|t| theme(&t).ok());
        settings.data_dir = check(known.data_dir, |d| data_dir(d).map(drop)).and_then(|d| data_dir(&d).ok());
        match known.keys.as_ref().map(keys::parse) {
            Some(Ok(remaps)) => settings.keys = remaps,
            Some(Err(found)) => problems.extend(found.into_iter().map(|(at, why)| place(Some(at), &why))),
            None => {}
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| (p.line, p.column));
            return Err(damaged(problems));
        }
        extra.remove(REVIEWER);
        settings.extra = extra;
        Ok(settings)
    }

    /// The data folder in force: `given` (the command line's `--data-dir`, or
    /// `CALLBOOK_DATA_DIR`), else the settings' `data-dir`, else the platform's.
    pub fn data_folder(&self, given: Option<PathBuf>) -> Option<PathBuf> {
        given
            .or_else(|| self.data_dir.clone())
            .or_else(crate::storage::Store::default_dir)
    }

    /// The keymap in force: the table's with the remaps applied.
    pub fn keymap(&self) -> Keymap {
        keys::keymap(&self.keys)
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
mod tests;
