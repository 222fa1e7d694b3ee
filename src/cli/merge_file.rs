//! `callbook merge-file BASE OURS THEIRS`: the merge driver git calls for `accounts/*.json`
//! (registered by `sync --setup`). It merges the three versions of one account by stable id
//! with the same pure three-way merge a save uses (`domain::merge`) and writes the result over
//! OURS, as git expects. A record changed on both sides is kept twice, theirs as a marked
//! conflict copy, so the file still parses and git counts it merged.
//!
//! A side that is not an account callbook can read (damaged, from a newer callbook) is not
//! guessed at: git's own line merge runs instead, leaving conflict markers that `callbook
//! doctor` reports and `doctor --fix` resolves, and the driver exits non-zero.

use crate::domain::Account;
use crate::domain::merge::merge;
use crate::domain::text::clean;
use crate::storage::{self, StoreError};
use std::path::Path;
use std::process::{Command, ExitCode};

/// Runs the driver; the exit code is git's answer: 0 merged, 1 conflicts left.
pub fn main(base: &Path, ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    match merged(base, ours, theirs) {
        Ok((text, doubled)) => {
            std::fs::write(ours, text)?;
            if doubled > 0 {
                eprintln!(
                    "callbook: merged by id; {doubled} record{} changed on both sides kept twice, \
                     theirs marked \"(changed elsewhere)\"",
                    if doubled == 1 { "" } else { "s" }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "callbook: can't merge by id ({}); falling back to git's line merge",
                clean(&e.to_string(), false)
            );
            line_merge(base, ours, theirs)
        }
    }
}

/// The merged account file and how many records were kept twice.
fn merged(base: &Path, ours: &Path, theirs: &Path) -> Result<(String, usize), StoreError> {
    let ours_a = read(ours)?;
    let theirs_a = read(theirs)?;
    // Added on both sides, git gives an empty base: every record is then an addition.
    let base_a = match storage::read_named(base) {
        Ok(text) if !text.trim().is_empty() => parse(&text, base)?,
        _ => Account {
            schema: ours_a.schema,
            ..Account::new(&ours_a.name, ours_a.created)
        },
    };
    let m = merge(&base_a, &ours_a, &theirs_a).map_err(|message| StoreError::Damaged {
        path: ours.to_owned(),
        line: 0,
        column: 0,
        message,
    })?;
    Ok((storage::to_json(&m.account), m.doubled.len()))
}

fn read(path: &Path) -> Result<Account, StoreError> {
    parse(&storage::read_named(path)?, path)
}

/// An account this build can merge: readable, and not from a newer callbook.
fn parse(text: &str, path: &Path) -> Result<Account, StoreError> {
    match storage::parse(text, path)? {
        (_, Some(schema)) => Err(StoreError::ReadOnly {
            path: path.to_owned(),
            schema,
        }),
        (account, None) => Ok(account),
    }
}

/// `git merge-file` on the three files, leaving conflict markers in OURS where lines clash.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([ours, base, theirs])
        .status();
    match status {
        Ok(s) if s.success() => Ok(ExitCode::SUCCESS),
        Ok(_) => Ok(ExitCode::FAILURE),
        Err(e) => anyhow::bail!("git merge-file could not run: {e}"),
    }
}
