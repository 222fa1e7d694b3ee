//! `callbook doctor [--fix]`: every file of the data folder checked, one line per problem
//! (`PROBLEM` or `NOTICE`, the file relative to the folder, what is wrong, the remedy), then
//! a summary line. Without `--fix` nothing is written. With it, the safe repairs are made
//! (after a backup in `backup/<UTC time>/`), one `FIXED` line each, and what is left is
//! listed. Exit status 0 when no problem remains, 1 when some do; notices don't count.
//! The walk of a large folder shows its progress on stderr when that is a terminal.

use super::progress::Progress;
use crate::domain::text::clean;
use crate::storage::Store;
use crate::storage::doctor::{self, Problem};
use std::io::Write;
use std::process::ExitCode;

/// Checks the folder, repairs what is safe when `fix`, and prints what it found and did.
pub(super) fn run(store: &Store, fix: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut problems = check(store);
    let mut fixed = 0;
    if fix {
        for line in doctor::fix(store, &problems) {
            fixed += usize::from(line.starts_with("FIXED"));
            writeln!(out, "{}", clean(&line, false))?;
        }
        problems = check(store);
    }
    for p in &problems {
        writeln!(out, "{}", clean(&p.line(), false))?;
    }
    let left = problems.iter().filter(|p| !p.notice).count();
    writeln!(
        out,
        "{}",
        clean(&summary(store, &problems, fix.then_some(fixed)), false)
    )?;
    Ok(if left == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Every problem of the folder, with the walk's progress on stderr (cleared before any
/// line is printed).
fn check(store: &Store) -> Vec<Problem> {
    let progress = Progress::watch_for_stderr();
    let problems = doctor::check(store.root(), &progress);
    progress.finish();
    problems
}

/// The last line: how many problems are left, how many `--fix` would repair, the notices.
fn summary(store: &Store, problems: &[Problem], fixed: Option<usize>) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let left = problems.iter().filter(|p| !p.notice).count();
    let fixable = problems.iter().filter(|p| !p.notice && p.fix.is_some()).count();
    let notices = problems.len() - left;
    let mut line = match fixed {
        Some(n) => format!("{}; ", count(n, "repair made", "repairs made")),
        None => String::new(),
    };
    if left == 0 {
        line.push_str(&format!("no problems in {}", store.root().display()));
    } else {
        line.push_str(&count(left, "problem", "problems"));
        line.push_str(if fixed.is_some() { " left" } else { " found" });
        if fixable > 0 {
            line.push_str(&format!(
                ", {fixable} of them repaired by `callbook doctor --fix`"
            ));
        }
    }
    if notices > 0 {
        line.push_str(&format!(" ({})", count(notices, "notice", "notices")));
    }
    line
}
