//! `callbook sheet NAME [--md]`: the call sheet of the account's next planned call, as the
//! rep glances at it before dialling: plain text of at most 80 columns, or Markdown with
//! nothing cut; the usage scenarios put on the sheet are its talking points, naming the
//! team's offerings. An account with no planned call is an error (nothing to print), with the
//! way to plan one.

use crate::domain::progress::next_call;
use crate::domain::sheet::{sheet, sheet_md};
use crate::storage::Store;
use anyhow::bail;
use std::io::Write;

/// The width of a plain sheet, in terminal cells.
pub const WIDTH: usize = 80;

/// Prints the sheet of `name`'s next planned call.
pub(super) fn run(store: &Store, name: &str, md: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let id = store.resolve(name)?;
    let account = store.load(&id)?.account;
    // The talking points name the offerings they use; a damaged offerings file is an error.
    let offerings = store.load_offerings()?.offerings;
    let Some(call) = next_call(&account, crate::domain::now()) else {
        bail!(
            "{} ({id}) has no planned call, so there is no sheet to print; plan one on the \
             call screen of `callbook open {id}`",
            account.name.trim()
        );
    };
    if md {
        write!(out, "{}", sheet_md(&account, call, &offerings))?;
    } else {
        for line in sheet(&account, call, &offerings, WIDTH) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
