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

use crate::app::keymap::Keymap;
use crate::app::theme::Choice;
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

/// Every top-level key of the file this version knows.
const KNOWN: [&str; 4] = [REVIEWER, "theme", "data-dir", "keys"];

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

/// The settings file inside the config folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
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
    #[serde(rename = "data-dir")]
    data_dir: Option<Spanned<String>>,
    keys: Option<keys::RawKeys>,
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
        let mut problems = unknown_keys(text, &place);
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

/// The problems of top-level keys this version does not know, each placed at its key.
fn unknown_keys(text: &str, place: &dyn Fn(Option<std::ops::Range<usize>>, &str) -> Problem) -> Vec<Problem> {
    // The file parsed as TOML already; this reading only adds where each key sits.
    let Ok(keys) = toml::from_str::<std::collections::BTreeMap<Spanned<String>, Value>>(text) else {
        return Vec::new();
    };
    keys.keys()
        .filter(|k| !KNOWN.contains(&k.get_ref().as_str()))
        .map(|k| {
            place(
                Some(k.span()),
                &format!(
                    "unknown setting {:?}; the settings are reviewer, theme, data-dir and [keys.SCOPE]",
                    k.get_ref()
                ),
            )
        })
        .collect()
}

/// The theme a setting names.
fn theme(text: &str) -> Result<Choice, String> {
    text.parse()
        .map_err(|_| format!("unknown theme {text:?}; the themes are auto, dark, light and plain"))
}

/// The data folder a setting names: absolute, or from the home folder (`~/...`).
fn data_dir(text: &str) -> Result<PathBuf, String> {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_owned());
    let path = match text.strip_prefix("~/") {
        Some(rest) => home()
            .ok_or("the data folder starts with ~, and this system has no home folder")?
            .join(rest),
        None => PathBuf::from(text),
    };
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(format!(
            "the data folder {text:?} is relative; write it in full, or from your home folder as \"~/...\""
        ))
    }
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

    /// The problems a text gives, as "line:column message".
    fn problems(text: &str) -> Vec<String> {
        match parse(text) {
            Err(SettingsError::Damaged { problems, .. }) => problems
                .iter()
                .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
                .collect(),
            other => panic!("accepted {text:?}: {other:?}"),
        }
    }

    #[test]
    fn settings_survive_a_round_trip_in_order() {
        let text = "theme = \"light\"\nreviewer = \"Ann Lee\"\ndata-dir = \"/srv/cb\"\n\n[keys.world]\nadd = \"o\"\n";
        let settings = parse(text).unwrap();
        assert_eq!(settings.reviewer.as_deref(), Some("Ann Lee"));
        assert_eq!(settings.theme, Some(Choice::Light));
        assert_eq!(settings.data_dir, Some(PathBuf::from("/srv/cb")));
        let keys: Vec<&String> = settings.extra.keys().collect();
        assert_eq!(keys, ["theme", "data-dir", "keys"]);
        let written = settings.to_toml();
        assert!(
            written.starts_with("reviewer = \"Ann Lee\"\ntheme = \"light\"\n"),
            "{written}"
        );
        assert_eq!(parse(&written).unwrap(), settings);
    }

    #[test]
    fn damage_is_placed_by_line_and_column() {
        assert_eq!(problems("a = 1\nb = = 2\n").len(), 1);
        assert!(problems("reviewer = \"x\"\nb = = 2\n")[0].starts_with("2:5 "));
        let e = parse("theme = \"dark\"\nreviewer = 7\n").unwrap_err().to_string();
        assert!(e.starts_with("/cfg/settings.toml: line 2, column 12: "), "{e}");
        let e = parse("reviewer = \"  \"\n").unwrap_err().to_string();
        assert!(
            e.contains("line 1, column 12: the reviewer's name is empty"),
            "{e}"
        );
    }

    #[test]
    fn every_kind_of_mistake_is_named_and_placed() {
        let text = "reviewr = \"Ann\"\ntheme = \"sepia\"\ndata-dir = \"rel/dir\"\n\
                    [keys.wrld]\nadd = \"o\"\n[keys.world]\nad = \"o\"\nedit = \"enterr\"\n\
                    delete = \"a\"\nnew-account = \"x\"\n[keys.editor]\nsave = \"s\"\n";
        let found = problems(text);
        let expect = [
            ("1:1 ", "unknown setting \"reviewr\""),
            ("2:9 ", "unknown theme \"sepia\""),
            ("3:12 ", "is relative"),
            ("4:7 ", "unknown scope [keys.wrld]"),
            ("7:1 ", "unknown action \"ad\" in [keys.world]"),
            ("8:8 ", "\"enterr\" is not a key"),
            ("9:1 ", "a is bound twice in [keys.world]: to delete and to add"),
            (
                "10:1 ",
                "\"new-account\" has no key in [keys.world] to change; it has in [keys.picker]",
            ),
            ("12:8 ", "s types text in [keys.editor]"),
        ];
        assert_eq!(found.len(), expect.len(), "{found:#?}");
        for (got, (at, says)) in found.iter().zip(expect) {
            assert!(
                got.starts_with(at) && got.contains(says),
                "{got:?} is not {at}{says}"
            );
        }
    }

    #[test]
    fn keys_take_a_list_and_refuse_what_cannot_be_bound() {
        let ok = parse("[keys.global]\ndown = [\"n\", \"Ctrl-n\"]\n").unwrap();
        assert_eq!(ok.keys.len(), 1);
        assert_eq!(ok.keys[0].keys.len(), 2);
        let found = problems("[keys.global]\ndown = []\nup = 5\nquit = \"Ctrl-z\"\n");
        assert!(
            found[0].starts_with("2:8 ") && found[0].contains("no key given"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("3:6 ") && found[1].contains("written as a string"),
            "{found:?}"
        );
        assert!(found[2].contains("Ctrl-z suspends callbook"), "{found:?}");
    }

    #[test]
    fn a_remap_reaches_the_keymap_and_moves_the_old_key() {
        use crate::app::keymap::{Key, Scope};
        use crate::app::{Action, Screen};
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let settings = parse("[keys.world]\nadd = \"o\"\n").unwrap();
        let keys = settings.keymap();
        let world = Scope::Screen(Screen::World);
        assert_eq!(keys.key(world, &Action::Add), "o");
        let a = Key {
            code: KeyCode::Char('a'),
            mods: KeyModifiers::NONE,
        };
        assert!(!keys.bindings().iter().any(|b| b.scope == world && b.key == a));
        assert_eq!(
            keys.key(Scope::Screen(Screen::Questions), &Action::Add),
            "a",
            "other scopes keep theirs"
        );
    }

    #[test]
    fn a_start_with_a_damaged_file_gets_the_defaults_and_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), "theme = \"light\"\n[keys.world]\nadd = 3\n").unwrap();
        let (settings, why) = Settings::load_or_defaults(Some(dir.path()));
        assert_eq!(settings, Settings::default());
        assert!(why.unwrap().to_string().contains("line 3, column 7"));
        let (_, none) = Settings::load_or_defaults(None);
        assert!(none.is_none());
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
