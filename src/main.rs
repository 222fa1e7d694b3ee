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
    let start = match cli.command {
        None => Start::Picker,
        Some(Command::Open { name }) => Start::Open(store.resolve(&name)?),
        Some(Command::Rehearse { name: Some(name) }) => Start::Rehearse(store.resolve(&name)?),
        Some(Command::Rehearse { name: None }) => {
            let (due, unreadable) = store.due_turns(callbook::domain::now())?;
            let queue = due.into_iter().map(|d| (d.account, d.turn)).collect();
            Start::Due { queue, unreadable }
        }
        Some(command) => return callbook::cli::run(&store.without_cache_writes(), command),
    };
    let preface = start.preface();
    if let Some(warning) = preface.warning {
        eprintln!("callbook: {warning}");
    }
    if let Some(instead) = preface.instead {
        println!("{instead}");
        return Ok(ExitCode::SUCCESS);
    }
    callbook::tui::run(store, start)
}
