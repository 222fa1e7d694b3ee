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
/// "foreground;background" in ANSI colour numbers, and without it takes what `ask` says
/// (the terminal asked for its background), else dark.
pub fn choose(
    flag: Option<Choice>,
    setting: Option<Choice>,
    env: impl Fn(&str) -> Option<String>,
    ask: impl FnOnce() -> Option<Theme>,
) -> Theme {
    if no_color(&env) {
        return Theme::Plain;
    }
    match flag.or(setting).unwrap_or(Choice::Auto) {
        Choice::Dark => Theme::Dark,
        Choice::Light => Theme::Light,
        Choice::Plain => Theme::Plain,
        Choice::Auto => match env("COLORFGBG") {
            Some(v) => from_colorfgbg(&v),
            None => ask().unwrap_or(Theme::Dark),
        },
    }
}

/// True when `NO_COLOR` is set to anything but the empty string (no-color.org).
pub fn no_color(env: impl Fn(&str) -> Option<String>) -> bool {
    env("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Asks the terminal on the other end of stdin and stdout whether its background is light
/// or dark (OSC 11; a terminal that can't say is known at once by its answer to DA1, and a
/// silent one is given up on after a second). For the terminal UI's start only: it must run
/// before the UI takes the terminal, and never where there is no terminal.
pub fn ask_the_terminal() -> Option<Theme> {
    use terminal_colorsaurus::{QueryOptions, ThemeMode, theme_mode};
    match theme_mode(QueryOptions::default()) {
        Ok(ThemeMode::Light) => Some(Theme::Light),
        Ok(ThemeMode::Dark) => Some(Theme::Dark),
        Err(_) => None,
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

    /// An `ask` that must not be reached: the choice was made without the terminal.
    fn never() -> Option<Theme> {
        panic!("the terminal was asked although the choice was made")
    }

    #[test]
    fn no_color_wins_over_every_choice() {
        let set = env(&[("NO_COLOR", "1"), ("COLORFGBG", "0;15")]);
        assert_eq!(
            choose(Some(Choice::Light), Some(Choice::Dark), &set, never),
            Theme::Plain
        );
        assert_eq!(
            choose(None, None, env(&[("NO_COLOR", "")]), || None),
            Theme::Dark,
            "empty is unset"
        );
    }

    #[test]
    fn the_flag_beats_the_setting_and_auto_reads_colorfgbg() {
        let none = env(&[]);
        assert_eq!(
            choose(Some(Choice::Light), Some(Choice::Dark), &none, never),
            Theme::Light
        );
        assert_eq!(choose(None, Some(Choice::Plain), &none, never), Theme::Plain);
        let light = env(&[("COLORFGBG", "0;15")]);
        assert_eq!(choose(Some(Choice::Auto), None, &light, never), Theme::Light);
        assert_eq!(
            choose(None, None, env(&[("COLORFGBG", "15;default;0")]), never),
            Theme::Dark
        );
        assert_eq!(
            choose(None, None, env(&[("COLORFGBG", "0;7")]), never),
            Theme::Light
        );
        assert_eq!(
            choose(None, None, env(&[("COLORFGBG", "junk")]), never),
            Theme::Dark
        );
        assert_eq!(choose(Some(Choice::Dark), None, &light, never), Theme::Dark);
    }

    #[test]
    fn without_colorfgbg_auto_asks_the_terminal_and_falls_back_to_dark() {
        let none = env(&[]);
        assert_eq!(choose(None, None, &none, || Some(Theme::Light)), Theme::Light);
        assert_eq!(
            choose(Some(Choice::Auto), None, &none, || Some(Theme::Dark)),
            Theme::Dark
        );
        assert_eq!(choose(None, None, &none, || None), Theme::Dark, "no answer");
    }
}
