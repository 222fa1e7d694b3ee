//! The binary: parse the command line, open the data folder, hand over to the CLI or the
//! terminal UI. Errors are printed to stderr and exit non-zero.

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
    match cli.command {
        None => callbook::tui::run(store, None),
        Some(Command::Open { name }) => {
            let id = store.resolve(&name)?;
            callbook::tui::run(store, Some(id))
        }
        Some(command) => callbook::cli::run(&store, command),
    }
}
