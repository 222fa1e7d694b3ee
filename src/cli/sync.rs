//! `callbook sync [--setup]`: the data folder shared through git (see [`crate::sync`]). From
//! the command line, the git step under way is named on stderr when that is a terminal.

use super::progress::Progress;
use crate::domain::text::clean;
use crate::storage::Store;
use std::io::Write;

/// Runs `callbook sync [--setup]`, printing what it did.
pub(super) fn run(store: &Store, setup_only: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let lines = if setup_only {
        crate::sync::setup(store.root())?
    } else {
        let steps = Progress::steps_for_stderr();
        let lines = crate::sync::sync(store, &|step| steps.step(step))?;
        steps.finish();
        lines
    };
    for line in lines {
        writeln!(out, "{}", clean(&line, false))?;
    }
    Ok(())
}
