//! The binary: parse the command line, open the data folder, hand over to the CLI or the
//! terminal UI. Errors are printed to stderr and exit non-zero.

use callbook::app::start::{Personal, Start};
use callbook::cli::{Cli, Command};
use callbook::settings::Settings;
use callbook::storage::Store;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // When the shell asks for completions (`COMPLETE=bash callbook -- ...`), answer and
    // exit; otherwise this returns at once.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "error: {}",
                callbook::domain::text::clean(&format!("{e:#}"), true)
            );
            if let Some(hint) = hint(&e) {
                eprintln!("hint: {hint}");
            }
            // Another writer had the account: worth trying again (EX_TEMPFAIL).
            let locked = matches!(
                e.downcast_ref::<callbook::storage::StoreError>(),
                Some(callbook::storage::StoreError::Locked { .. })
            );
            if locked {
                ExitCode::from(75)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(code) = before_the_data_folder(&cli)? {
        return Ok(code);
    }
    // The settings are read leniently: a mistake in them is said, loudly, and the defaults
    // used, so a typo in a key remap never locks anyone out of their accounts.
    let (settings, problem) = Settings::load_or_defaults(callbook::settings::default_dir().as_deref());
    let dir = settings.data_folder(cli.data_dir.clone());
    if cli.version {
        print_version(dir.as_deref(), cli.verbose);
        return Ok(ExitCode::SUCCESS);
    }
    let Some(dir) = dir else {
        anyhow::bail!("no data folder on this system; pass --data-dir DIR");
    };
    let interactive = matches!(
        cli.command,
        None | Some(Command::Open { .. } | Command::Review { .. } | Command::Rehearse { .. })
    );
    let clean = |text: String| callbook::domain::text::clean(&text, true).into_owned();
    if let Some(e) = problem.as_ref().filter(|_| !interactive) {
        eprintln!(
            "warning: the settings were not used, so the defaults are in force:\n{}",
            clean(e.to_string())
        );
    }
    let store = Store::open(dir)?;
    let start = match cli.command {
        None => Start::Picker,
        Some(Command::Open { name }) => Start::Open(store.resolve(&name)?),
        Some(Command::Review { name }) => Start::Review(store.resolve(&name)?),
        Some(Command::Rehearse { name: Some(name) }) => Start::Rehearse(store.resolve(&name)?),
        Some(Command::Rehearse { name: None }) => {
            let (due, unreadable) = store.due_turns(callbook::domain::now())?;
            let queue = due.into_iter().map(|d| (d.account, d.turn)).collect();
            Start::Due { queue, unreadable }
        }
        Some(command) => return command_line(store, command),
    };
    // The terminal is asked (auto, no COLORFGBG) only on the way to the UI, once a terminal
    // is known to be there, and before the UI takes it.
    let ask = || {
        (missing_terminal().is_none())
            .then(callbook::app::theme::ask_the_terminal)
            .flatten()
    };
    let theme = callbook::app::theme::choose(cli.theme, settings.theme, |var| std::env::var(var).ok(), ask);
    let personal = Personal {
        reviewer: callbook::settings::reviewer_name(&settings),
        theme,
        keys: settings.keymap(),
        // The gist for the status line, then every mistake with the file, for help.
        problem: problem.map(|e| clean(format!("{}\n{e}", e.summary()))),
    };
    terminal_ui(store, start, personal)
}

/// The commands that never open the data folder: `config` (the settings live in the config
/// folder), completions and the man page, and git's merge driver (git's temporary files).
/// `None` when the command is none of these.
fn before_the_data_folder(cli: &Cli) -> anyhow::Result<Option<ExitCode>> {
    let Some(command) = &cli.command else {
        return Ok(None);
    };
    if let Command::Config { action } = command {
        return callbook::cli::config::main(action).map(Some);
    }
    if let Command::MergeFile { base, ours, theirs } = command {
        return callbook::cli::merge_file::main(base, ours, theirs).map(Some);
    }
    // Completions and the man page are made in memory, then printed: a reader that leaves
    // early (`callbook man | head`) is not an error.
    let mut made = Vec::new();
    if !callbook::cli::generated(command, &mut made)? {
        return Ok(None);
    }
    use std::io::Write;
    match std::io::stdout().lock().write_all(&made) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(Some(ExitCode::SUCCESS)),
    }
}

/// `--version`, and with `-v` the data folder in use (which it does not create).
fn print_version(dir: Option<&std::path::Path>, verbose: bool) {
    println!("callbook {}", env!("CARGO_PKG_VERSION"));
    if verbose {
        let folder = dir.map_or("none on this system".to_owned(), |d| d.display().to_string());
        println!("data folder: {}", callbook::domain::text::clean(&folder, false));
    }
}

/// A non-interactive command. Those that read every account anyway leave the list cache up
/// to date, but only once they have succeeded; the rest never write it.
fn command_line(store: Store, command: Command) -> anyhow::Result<ExitCode> {
    let reads_all = matches!(
        command,
        Command::List { .. }
            | Command::Report { .. }
            | Command::Export { .. }
            | Command::Sheet { .. }
            | Command::Fit { .. }
    );
    if !reads_all {
        return callbook::cli::run(&store.without_cache_writes(), command);
    }
    let store = store.deferring_cache_writes();
    let code = callbook::cli::run(&store, command)?;
    store.flush_caches();
    Ok(code)
}

/// The terminal UI from `start`, once what comes before it is said and a terminal is there.
fn terminal_ui(store: Store, start: Start, personal: Personal) -> anyhow::Result<ExitCode> {
    let preface = start.preface();
    if let Some(warning) = preface.warning {
        eprintln!("warning: {warning}");
    }
    if let Some(instead) = preface.instead {
        println!("{instead}");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(missing) = missing_terminal() {
        anyhow::bail!(
            "{} needs a terminal, and {missing}; for scripts see `callbook list`, \
             `export`, `add`, `lint`, `bank` and `--help`",
            ui_name(&start)
        );
    }
    callbook::tui::run(store, start, personal)
}

/// What to do about an error whose message does not say it already.
fn hint(e: &anyhow::Error) -> Option<&'static str> {
    use callbook::storage::StoreError;
    match e.downcast_ref::<StoreError>()? {
        StoreError::Damaged { .. } => Some(
            "the file was left as it is; mend it in an editor, or take it back from git or              backup/, and `callbook doctor` checks the whole folder",
        ),
        StoreError::Changed { .. } => Some("run the command again: it reads the file afresh"),
        StoreError::NameTaken { .. } => {
            Some("pick another name, or work in that account: `callbook open NAME`")
        }
        StoreError::Io { .. } => Some("check that the data folder is yours and the disk not full"),
        _ => None,
    }
}

/// Which of stdin and stdout is not a terminal (a pipe, a file, cron, CI), if either: the
/// terminal UI needs both, and without them it could only fail halfway, mid-draw.
fn missing_terminal() -> Option<&'static str> {
    use std::io::IsTerminal;
    match (std::io::stdin().is_terminal(), std::io::stdout().is_terminal()) {
        (true, true) => None,
        (false, true) => Some("stdin is not one"),
        (true, false) => Some("stdout is not one"),
        (false, false) => Some("neither stdin nor stdout is one"),
    }
}

/// The command that asked for the terminal UI, as an error names it.
fn ui_name(start: &Start) -> &'static str {
    match start {
        Start::Picker => "the account picker (`callbook` with no command)",
        Start::Open(_) => "`open`",
        Start::Review(_) => "`review`",
        Start::Rehearse(_) | Start::Due { .. } => "`rehearse`",
    }
}
