//! `callbook config path|show|check|reviewer NAME`: the personal settings file (see
//! [`crate::settings`]). These commands never open the data folder, and a command that
//! fails leaves the settings file exactly as it was.

use crate::app::keymap::{Scope, action_name, key_label};
use crate::domain::text::clean;
use crate::settings::{self, NameFrom, Settings};
use anyhow::Context;
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `callbook config` does.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the settings file's path (it may not exist yet).
    #[command(after_help = "Example: callbook config path")]
    Path,
    /// Print the settings as TOML, noting the reviewer's name in force.
    #[command(after_help = "Example: callbook config show")]
    Show,
    /// Check the settings file: "ok" when it is valid or absent, else where it is damaged.
    #[command(after_help = "Example: callbook config check && echo fine")]
    Check,
    /// Print every key by scope, as the settings file remaps them ([keys.SCOPE] action = "key").
    #[command(after_help = "Example: callbook config keys | grep -A3 'keys.world'")]
    Keys,
    /// Set the name your review comments are signed with (other settings are kept).
    #[command(after_help = "Example: callbook config reviewer \"Coach Kim\"")]
    Reviewer {
        /// Your name, as a rep should read it.
        name: String,
    },
}

/// Runs `action` against the default config folder and prints to stdout; for `main.rs`,
/// which calls it before (and instead of) opening the data folder.
pub fn main(action: &ConfigAction) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(settings::default_dir(), action, &mut out).and_then(|()| Ok(out.flush()?)) {
        // `callbook config show | head -1`: the reader left early; nothing is lost.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        result => result.map(|()| ExitCode::SUCCESS),
    }
}

/// Runs `action` against the config folder `dir` (`None`: the system has none).
pub fn run(dir: Option<PathBuf>, action: &ConfigAction, out: &mut dyn Write) -> anyhow::Result<()> {
    let Some(dir) = dir else {
        anyhow::bail!(
            "no config folder on this system; set {} to a folder",
            settings::DIR_VAR
        );
    };
    match action {
        ConfigAction::Path => writeln!(out, "{}", settings::path(&dir).display())?,
        ConfigAction::Show => show(&dir, out)?,
        ConfigAction::Check => check(&dir, out)?,
        ConfigAction::Keys => keys(&dir, out)?,
        ConfigAction::Reviewer { name } => set_reviewer(&dir, name, out)?,
    }
    Ok(())
}

/// `config show`: the file's path and the reviewer in force as TOML comments, then the
/// settings themselves, so the output is itself a valid settings file.
fn show(dir: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let settings = Settings::load(dir)?;
    let path = settings::path(dir);
    let absent = if path.exists() {
        ""
    } else {
        " (not written yet: the defaults apply)"
    };
    writeln!(out, "# callbook settings: {}{absent}", path.display())?;
    let (name, from) = settings::reviewer(&settings, |var| std::env::var(var).ok());
    let origin = match from {
        NameFrom::Settings => "set here",
        NameFrom::Login => "your login name; `callbook config reviewer NAME` sets another",
        NameFrom::Nobody => "no name known; `callbook config reviewer NAME` sets one",
    };
    writeln!(out, "# comments are signed: {} ({origin})", clean(&name, false))?;
    use crate::app::theme;
    let env = |var: &str| std::env::var(var).ok();
    // Not asked of the terminal here: `config show` is often piped.
    let theme = theme::choose(None, settings.theme, env, || None);
    let why = if theme::no_color(env) {
        "NO_COLOR is set"
    } else if settings.theme.is_some() {
        "set here; --theme wins"
    } else {
        "auto: COLORFGBG, else the terminal is asked at start"
    };
    let theme: &'static str = theme.into();
    writeln!(out, "# colours: {theme} ({why})")?;
    let body = settings.to_toml();
    if !body.is_empty() {
        writeln!(out)?;
        // TOML escapes control characters in strings; this also covers keys and comments.
        write!(out, "{}", clean(&body, true))?;
    }
    Ok(())
}

/// `config check`: "ok" for a valid or absent file; a damaged one is the error.
fn check(dir: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    Settings::load(dir)?;
    let path = settings::path(dir);
    if path.exists() {
        writeln!(out, "ok: {}", path.display())?;
    } else {
        writeln!(out, "ok: {} is absent, so the defaults apply", path.display())?;
    }
    Ok(())
}

/// `config keys`: every binding in force, by scope, one line per action, written as the
/// settings remap it, with help's words as a comment.
fn keys(dir: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let keymap = Settings::load(dir)?.keymap();
    writeln!(
        out,
        "# Every key, by scope. To remap one, copy its line under its [keys.SCOPE] heading\n\
         # into {} and change the key; a list binds several.",
        settings::path(dir).display()
    )?;
    for scope in Scope::all() {
        let mut rows: Vec<(String, Vec<String>, String)> = Vec::new();
        for b in keymap.bindings().iter().filter(|b| b.scope == scope) {
            let name = action_name(&b.action);
            let key = toml::Value::String(key_label(b.key)).to_string();
            match rows.iter_mut().find(|r| r.0 == name) {
                Some(row) => row.1.push(key),
                None => rows.push((name, vec![key], b.help.to_owned())),
            }
        }
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "\n[keys.{}]  # {}", scope.config_name(), scope.title())?;
        for (name, keys, help) in rows {
            let value = if keys.len() == 1 {
                keys[0].clone()
            } else {
                format!("[{}]", keys.join(", "))
            };
            let help = help.replace("{undo}", &keymap.key(scope, &crate::app::Action::Undo));
            writeln!(out, "{:<28} # {help}", format!("{name} = {value}"))?;
        }
    }
    Ok(())
}

/// `config reviewer NAME`: sets the name, keeping every other key of the file.
fn set_reviewer(dir: &Path, name: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    // Load first: a damaged file is reported and left alone, never replaced.
    let mut settings = Settings::load(dir)?;
    settings
        .set_reviewer(name)
        .map_err(|e| anyhow::anyhow!("{e}; nothing was changed"))?;
    let path = settings::path(dir);
    settings
        .save(dir)
        .with_context(|| format!("{}: the reviewer's name was not saved", path.display()))?;
    let name = settings.reviewer.as_deref().unwrap_or_default();
    writeln!(out, "Comments are now signed {name:?} ({})", path.display())?;
    Ok(())
}

/// True when the error is stdout's reader having gone away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
