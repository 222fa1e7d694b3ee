//! The names the settings file gives scopes, actions and keys (`[keys.world] add = "o"`),
//! read both ways: help and `callbook config keys` write them, the settings parse them.

#[cfg(test)]
use super::key_label;
use super::{Key, Scope};
use crate::app::Action;
#[cfg(test)]
use crate::app::Screen;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

impl Scope {
    /// The scope's name in the settings: the screen's (`world`) or the scope's own in kebab
    /// case (`picker`, `too-small`).
    pub fn config_name(self) -> &'static str {
        match self {
            Scope::Screen(screen) => screen.into(),
            other => other.into(),
        }
    }

    /// The scope the settings call `name`.
    pub fn from_config_name(name: &str) -> Option<Scope> {
        Scope::all().find(|s| s.config_name() == name)
    }
}

/// How the settings write a key, for a value that is neither a string nor a list of them.
pub const WRITTEN_AS: &str =
    "a key is written as a string, like \"o\" or \"Ctrl-o\", or a list of them, like [\"j\", \"Down\"]";

/// What may be bound where text is typed: keys that don't type.
pub const TYPING_SCOPES: &str = "use Ctrl-, Alt- or a named key";

/// An action's name in the settings: its variant in kebab case, with the number of the
/// variants that carry one (`screen-2`, `grade-4`).
pub fn action_name(action: &Action) -> String {
    let name: &'static str = action.into();
    match action {
        Action::Screen(n) | Action::Grade(n) => format!("{name}-{n}"),
        _ => name.to_owned(),
    }
}

/// The key a settings value names: one character (`o`, `O`, `+`), a named key (`Enter`,
/// `Esc`, `Tab`, `Shift-Tab`, `Space`, `Up`, `PgDn`, `F5`...; any case), or either after
/// `Ctrl-` or `Alt-`. A key written as help writes it (`Ctrl-s`, `↑`) reads back as itself.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let (mods, rest) = split_modifier(text);
    let mut chars = rest.chars();
    let code = match (named(rest), chars.next(), chars.next()) {
        // A name, or an arrow as help writes it (one character, but a named key).
        (Some(code), _, _) => code,
        (None, None, _) => return Err(format!("{text:?} names no key")),
        // Terminals send Ctrl with a letter in lower case, whatever Shift says.
        (None, Some(c), None) if mods.is_empty() => KeyCode::Char(c),
        (None, Some(c), None) => KeyCode::Char(c.to_ascii_lowercase()),
        (None, Some(_), Some(_)) => {
            return Err(format!(
                "{text:?} is not a key: write one character (\"o\"), a named key (\"Enter\", \"Esc\", \
                 \"Tab\", \"Space\", \"Up\", \"PgDn\", \"F5\"...), either after \"Ctrl-\" or \"Alt-\""
            ));
        }
    };
    Ok(Key { code, mods })
}

/// `Ctrl-`/`C-`/`Ctrl+` or `Alt-`/`M-`/`Alt+` at the start of `text`, and the rest.
fn split_modifier(text: &str) -> (KeyModifiers, &str) {
    let lower = text.to_ascii_lowercase();
    for (prefix, mods) in [
        ("ctrl-", KeyModifiers::CONTROL),
        ("ctrl+", KeyModifiers::CONTROL),
        ("c-", KeyModifiers::CONTROL),
        ("alt-", KeyModifiers::ALT),
        ("alt+", KeyModifiers::ALT),
        ("m-", KeyModifiers::ALT),
    ] {
        if lower.starts_with(prefix) && text.len() > prefix.len() {
            return (mods, &text[prefix.len()..]);
        }
    }
    (KeyModifiers::NONE, text)
}

/// The key a name of more than one character stands for.
fn named(name: &str) -> Option<KeyCode> {
    let code = match name.to_ascii_lowercase().as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        f => {
            return f
                .strip_prefix('f')?
                .parse()
                .ok()
                .filter(|n| (1..=12).contains(n))
                .map(KeyCode::F);
        }
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    #[test]
    fn keys_read_as_written_and_as_help_writes_them() {
        let none = KeyModifiers::NONE;
        assert_eq!(parse_key("o"), Ok(key(KeyCode::Char('o'), none)));
        assert_eq!(parse_key("O"), Ok(key(KeyCode::Char('O'), none)));
        assert_eq!(parse_key("+"), Ok(key(KeyCode::Char('+'), none)));
        assert_eq!(
            parse_key("Ctrl-S"),
            Ok(key(KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_key("c-x"),
            Ok(key(KeyCode::Char('x'), KeyModifiers::CONTROL))
        );
        assert_eq!(parse_key("alt+enter"), Ok(key(KeyCode::Enter, KeyModifiers::ALT)));
        assert_eq!(parse_key("PGDN"), Ok(key(KeyCode::PageDown, none)));
        assert_eq!(parse_key("F5"), Ok(key(KeyCode::F(5), none)));
        assert_eq!(parse_key("Space"), Ok(key(KeyCode::Char(' '), none)));
        for b in crate::app::keymap::BINDINGS {
            assert_eq!(parse_key(&key_label(b.key)), Ok(b.key), "{:?}", b.key);
        }
    }

    #[test]
    fn what_is_not_a_key_says_so() {
        for bad in ["", "Ctrl-", "enterr", "F13", "F0", "ab"] {
            let e = parse_key(bad).unwrap_err();
            assert!(e.contains(&format!("{bad:?}")), "{bad:?}: {e}");
        }
    }

    #[test]
    fn scopes_and_actions_have_names_that_read_back() {
        for scope in Scope::all() {
            assert_eq!(Scope::from_config_name(scope.config_name()), Some(scope));
        }
        assert_eq!(
            Scope::from_config_name("world"),
            Some(Scope::Screen(Screen::World))
        );
        assert_eq!(Scope::from_config_name("too-small"), Some(Scope::TooSmall));
        assert_eq!(action_name(&Action::NextPane), "next-pane");
        assert_eq!(action_name(&Action::Screen(2)), "screen-2");
    }
}
