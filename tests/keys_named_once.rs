//! Keys are named only in the keymap (`src/app/keymap/`): no string literal elsewhere in
//! `src/` names a key, so a remap can't leave a hint, prompt or message wrong. Messages
//! that need a key ask `Keymap::key` for it.

use std::path::{Path, PathBuf};

/// Words that name a key wherever they stand in a message.
const KEY_WORDS: &[&str] = &[
    "Esc",
    "Enter",
    "Tab",
    "Shift-Tab",
    "PgUp",
    "PgDn",
    "Space",
    "Backspace",
];

/// Verbs that, after a lone character, make it a key: "a adds", "(u undoes)", "1 shows".
const KEY_VERBS: &[&str] = &[
    "adds",
    "add",
    "edits",
    "undoes",
    "redoes",
    "writes",
    "links",
    "suggests",
    "shows",
    "removes",
    "makes",
    "goes",
    "creates",
    "opens",
    "moves",
    "submits",
    "leaves",
    "rehearses",
    "takes",
    "deletes",
    "cancels",
    "closes",
    "quits",
    "saves",
    "switches",
    "ticks",
    "flips",
    "again",
    "every",
    "keeps",
    "clears",
    "grades",
    "to",
];

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of Rust source, outside comments and before any `#[cfg(test)]`.
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' if chars.get(i + 2) == Some(&'\'') || chars.get(i + 1) == Some(&'\\') => {
                // A char literal ('"' or '\n'): skip to its closing quote.
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
            }
            '"' => {
                let mut lit = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    lit.extend(chars.get(i));
                    i += 1;
                }
                out.push(lit);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Why `text` names a key, if it does.
fn names_a_key(text: &str) -> Option<String> {
    // Format placeholders (`{n}`, `{}`) are never keys.
    let text = &strip_placeholders(text);
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '?' || c == '/'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if KEY_WORDS.contains(w) || w.starts_with("Ctrl-") || w.starts_with("Alt-") {
            return Some(format!("names the key {w:?}"));
        }
        let lone = w.chars().count() == 1 && *w != "I";
        if lone && words.get(i + 1).is_some_and(|next| KEY_VERBS.contains(next)) {
            return Some(format!("names the key {w:?} ({w} {})", words[i + 1]));
        }
    }
    let lone_in_parens = text.match_indices('(').any(|(at, _)| {
        let inner: String = text[at + 1..].chars().take(2).collect();
        let lone = inner.chars().next().is_some_and(char::is_alphanumeric);
        lone && inner.chars().count() == 2 && inner.ends_with(')') && inner != "s)"
    });
    lone_in_parens.then(|| "names a key in parentheses".to_owned())
}

/// `text` without its format placeholders (`{n}`, `{:>3}`).
fn strip_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_string_outside_the_keymap_names_a_key() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let keymap = root.join("src/app/keymap");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&keymap)) {
        let source = std::fs::read_to_string(file).expect("read source");
        for lit in literals(&source) {
            if let Some(why) = names_a_key(&lit) {
                let shown = file.strip_prefix(root).unwrap_or(file).display();
                found.push(format!("{shown}: {lit:?} {why}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "keys named outside the keymap:\n{}",
        found.join("\n")
    );
    assert!(files.len() > 40, "the scan found only {} files", files.len());
}

#[test]
fn the_check_catches_each_way_of_naming_a_key() {
    for named in [
        "Esc and open it again",
        "Ctrl-s again keeps it",
        "press Enter",
        "a adds a goal",
        "Deleted (u undoes)",
        "Clear the filter (Esc) to reorder",
        "add people first (1)",
        "Tab goes to the bank",
        "1 again, 2 hard",
    ] {
        assert!(names_a_key(named).is_some(), "missed {named:?}");
    }
    for plain in [
        "What is this customer trying to achieve?",
        "I need to talk to my boss",
        "{add} adds a goal",
        "Session done: {} turn(s) graded.",
        "a question",
    ] {
        assert!(names_a_key(plain).is_none(), "flagged {plain:?}");
    }
}

#[test]
fn literals_are_found_and_comments_skipped() {
    let src = "// \"Esc in a comment\"\nlet a = \"one\"; let q = '\"'; let b = \"two \\\"q\\\"\";\n#[cfg(test)]\nmod t { \"Esc\" }";
    assert_eq!(literals(src), vec!["one".to_owned(), "two \"q\"".to_owned()]);
}
