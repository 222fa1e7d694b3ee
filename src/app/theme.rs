//! Which palette the screen is drawn in ([`Theme`]), and how the choice is made at start
//! ([`choose`]): `NO_COLOR` first, then `--theme`, then the settings, then the terminal's
//! own report of its background (`COLORFGBG`). The palettes themselves are the view's
//! business (`ui::theme`).

/// A palette: for a dark background, a light one, or none at all.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum Theme {
    /// Colours for a dark background (the default).
    #[default]
    Dark,
    /// Colours for a light background.
    Light,
    /// No colour: reverse video and bold carry the meaning (`NO_COLOR`).
    Plain,
}

/// What the user asked for: a theme, or to follow the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Choice {
    /// Follow the terminal's background when it says (`COLORFGBG`), else dark.
    Auto,
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
    /// No colour.
    Plain,
}

/// The theme to draw in. `NO_COLOR` set to anything but the empty string (no-color.org)
/// wins over everything; then the command line's `--theme`, then the settings' `theme`;
/// `auto` (and no choice at all) reads `COLORFGBG`, which rxvt, Konsole and others set to
/// "foreground;background" in ANSI colour numbers.
pub fn choose(flag: Option<Choice>, setting: Option<Choice>, env: impl Fn(&str) -> Option<String>) -> Theme {
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return Theme::Plain;
    }
    match flag.or(setting).unwrap_or(Choice::Auto) {
        Choice::Dark => Theme::Dark,
        Choice::Light => Theme::Light,
        Choice::Plain => Theme::Plain,
        Choice::Auto => env("COLORFGBG").map_or(Theme::Dark, |v| from_colorfgbg(&v)),
    }
}

/// The theme for a `COLORFGBG` value: the last number is the background; 7 (white) and
/// 9 to 15 (the bright colours, white among them) are light, the rest dark.
fn from_colorfgbg(value: &str) -> Theme {
    match value
        .rsplit(';')
        .next()
        .and_then(|bg| bg.trim().parse::<u8>().ok())
    {
        Some(7 | 9..=15) => Theme::Light,
        _ => Theme::Dark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn no_color_wins_over_every_choice() {
        let set = env(&[("NO_COLOR", "1"), ("COLORFGBG", "0;15")]);
        assert_eq!(
            choose(Some(Choice::Light), Some(Choice::Dark), &set),
            Theme::Plain
        );
        assert_eq!(
            choose(None, None, env(&[("NO_COLOR", "")])),
            Theme::Dark,
            "empty is unset"
        );
    }

    #[test]
    fn the_flag_beats_the_setting_and_auto_reads_the_terminal() {
        let none = env(&[]);
        assert_eq!(
            choose(Some(Choice::Light), Some(Choice::Dark), &none),
            Theme::Light
        );
        assert_eq!(choose(None, Some(Choice::Plain), &none), Theme::Plain);
        assert_eq!(choose(None, None, &none), Theme::Dark);
        let light = env(&[("COLORFGBG", "0;15")]);
        assert_eq!(choose(Some(Choice::Auto), None, &light), Theme::Light);
        assert_eq!(
            choose(None, None, env(&[("COLORFGBG", "15;default;0")])),
            Theme::Dark
        );
        assert_eq!(choose(None, None, env(&[("COLORFGBG", "0;7")])), Theme::Light);
        assert_eq!(choose(None, None, env(&[("COLORFGBG", "junk")])), Theme::Dark);
        assert_eq!(choose(Some(Choice::Dark), None, &light), Theme::Dark);
    }
}
