//! The binary: parse the command line, open the data folder, hand over to the CLI or the
//! terminal UI. Errors are printed to stderr and exit non-zero.

use callbook::app::start::Start;
use callbook::cli::{Cli, Command};
use callbook::storage::Store;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "callbook: {}",
                callbook::domain::text::clean(&format!("{e:#}"), true)
            );
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
    if let Some(Command::Config { action }) = &cli.command {
        // The settings live in the config folder: `config` never opens the data folder.
        return callbook::cli::config::main(action);
    }
    // Completions and the man page are made in memory, then printed: a reader that leaves
    // early (`callbook man | head`) is not an error.
    let mut made = Vec::new();
    if let Some(command) = &cli.command
        && callbook::cli::generated(command, &mut made)?
    {
        use std::io::Write;
        return match std::io::stdout().lock().write_all(&made) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(ExitCode::SUCCESS),
        };
    }
    if let Some(Command::MergeFile { base, ours, theirs }) = &cli.command {
        // git's merge driver works on git's temporary files, never on the data folder.
        return callbook::cli::merge_file::main(base, ours, theirs);
    }
    let dir = cli.data_dir.clone().or_else(Store::default_dir);
    if cli.version {
        println!("callbook {}", env!("CARGO_PKG_VERSION"));
        if cli.verbose {
            let folder = dir
                .as_ref()
                .map_or("none on this system".to_owned(), |d| d.display().to_string());
            println!("data folder: {}", callbook::domain::text::clean(&folder, false));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(dir) = dir else {
        anyhow::bail!("no data folder on this system; pass --data-dir DIR");
    };
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
        Some(command) => {
            // Commands that read every account anyway leave the list cache up to date, but
            // only once they have succeeded; the rest never write it.
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
            return Ok(code);
        }
    };
    let preface = start.preface();
    if let Some(warning) = preface.warning {
        eprintln!("callbook: {warning}");
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
    // A damaged settings file stops the start loudly rather than being ignored.
    let settings = match callbook::settings::default_dir() {
        Some(dir) => callbook::settings::Settings::load(&dir)?,
        None => callbook::settings::Settings::default(),
    };
    callbook::tui::run(store, start, callbook::settings::reviewer_name(&settings))
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
