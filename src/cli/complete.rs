//! Account names for the shell's Tab, where a command takes NAME: clap's completion engine
//! (`CompleteEnv`, run first thing in `main.rs`) calls [`account_names`] when the shell asks.
//!
//! The candidates are account ids: a slug of the name, so they hold no space or quote a shell
//! would need escaped, and NAME takes them as they are. Each carries the display name as its
//! help, which zsh, fish and PowerShell show beside it. What was typed matches the start of
//! the id or, ignoring case, of the name. The folder is only read: completion never creates,
//! tightens or cleans anything, and reads only the first lines of each file.

use crate::settings::Settings;
use crate::storage::Store;
use clap_complete::CompletionCandidate;
use std::ffi::OsStr;
use std::path::PathBuf;

/// The accounts whose id or name starts with `current`, sorted by id.
pub fn account_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(store) = data_dir().and_then(Store::peek) else {
        return Vec::new();
    };
    let typed = current.to_string_lossy().to_lowercase();
    let Ok(mut names) = store.account_names() else {
        return Vec::new();
    };
    names.retain(|(id, name)| id.as_str().starts_with(&typed) || name.to_lowercase().starts_with(&typed));
    names.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    names
        .into_iter()
        .map(|(id, name)| {
            let help = crate::domain::text::clean(&name, false).into_owned();
            CompletionCandidate::new(id.as_str()).help(Some(help.into()))
        })
        .collect()
}

/// The data folder a command would use, as far as the environment says: `CALLBOOK_DATA_DIR`,
/// then the settings' `data-dir`, then the platform's. (A `--data-dir` typed earlier on the
/// line is not seen: clap hands a completer only the word being completed.)
fn data_dir() -> Option<PathBuf> {
    let given = std::env::var_os("CALLBOOK_DATA_DIR").filter(|d| !d.is_empty());
    let (settings, _) = Settings::load_or_defaults(crate::settings::default_dir().as_deref());
    settings.data_folder(given.map(PathBuf::from))
}

/// Writes the script that registers callbook's completions with `shell`: at each Tab the
/// shell runs callbook itself (with `COMPLETE` set, see `main.rs`), as it was invoked here.
pub fn registration(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let env: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        clap_complete::Shell::Elvish => &Elvish,
        other => anyhow::bail!("no completions for {other} yet; try bash, zsh, fish, powershell or elvish"),
    };
    env.write_registration("COMPLETE", "callbook", "callbook", &completer(), out)?;
    Ok(())
}

/// The program the shell should call: as this one was invoked (`callbook` on the PATH
/// stays `callbook`), a relative path made absolute so it works from any folder.
fn completer() -> String {
    let invoked = std::env::args_os()
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| "callbook".into());
    let path = if invoked.components().count() > 1 && invoked.is_relative() {
        std::env::current_dir().map_or(invoked.clone(), |d| d.join(&invoked))
    } else {
        invoked
    };
    path.to_string_lossy().into_owned()
}
