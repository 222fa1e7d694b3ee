//! The binary: parse the command line, open the data folder, hand over to the CLI or the
//! terminal UI. Errors are printed to stderr and exit non-zero.

use callbook::cli::{Cli, Command};
use callbook::storage::Store;
use callbook::tui::Start;
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
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let dir = match cli.data_dir.clone().or_else(Store::default_dir) {
        Some(dir) => dir,
        None => anyhow::bail!("no data folder on this system; pass --data-dir DIR"),
    };
    let store = Store::open(dir)?;
    match cli.command {
        None => callbook::tui::run(store, Start::Picker),
        Some(Command::Open { name }) => {
            let id = store.resolve(&name)?;
            callbook::tui::run(store, Start::Open(id))
        }
        Some(Command::Rehearse { name: Some(name) }) => {
            let id = store.resolve(&name)?;
            callbook::tui::run(store, Start::Rehearse(id))
        }
        Some(Command::Rehearse { name: None }) => rehearse_all(store),
        Some(command) => callbook::cli::run(&store.without_cache_writes(), command),
    }
}

/// `callbook rehearse`: the turns due across every account, most overdue first.
fn rehearse_all(store: Store) -> anyhow::Result<ExitCode> {
    let (due, damaged) = store.due_turns(callbook::domain::now())?;
    if damaged > 0 {
        eprintln!(
            "callbook: {damaged} account file(s) could not be read and were skipped (see `callbook list`)"
        );
    }
    if due.is_empty() {
        println!(
            "Nothing is due for rehearsal. `callbook rehearse NAME` rehearses an account's turns anyway."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let queue = due.into_iter().map(|d| (d.account, d.turn)).collect();
    callbook::tui::run(store, Start::Queue(queue))
}
