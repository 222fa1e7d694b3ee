//! The checks on the settings' values, and placing a mistake by line and column: what the
//! file may hold, apart from how it is loaded and saved.

use super::{KNOWN, MAX_NAME, Problem};
use crate::app::theme::Choice;
use std::path::PathBuf;
use toml::{Spanned, Value};

/// The problems of top-level keys this version does not know, each placed at its key.
pub(super) fn unknown_keys(
    text: &str,
    table: &toml::Table,
    place: &dyn Fn(Option<std::ops::Range<usize>>, &str) -> Problem,
) -> Vec<Problem> {
    if table.keys().all(|k| KNOWN.contains(&k.as_str())) {
        return Vec::new();
    }
    // Only for a file with a key to place: a reading that adds where each key sits.
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
pub(super) fn theme(text: &str) -> Result<Choice, String> {
    text.parse()
        .map_err(|_| format!("unknown theme {text:?}; the themes are auto, dark, light and plain"))
}

/// The data folder a setting names: absolute, or from the home folder (`~/...`).
pub(super) fn data_dir(text: &str) -> Result<PathBuf, String> {
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
pub(super) fn check_name(name: &str) -> Result<String, String> {
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
pub(super) fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
pub(super) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
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
pub(super) fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    parts.join("; ").trim_end_matches('.').to_owned()
}
