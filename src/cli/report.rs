//! `callbook report [--json|--md]`: every account's scorecard side by side, worst first.
//!
//! One row per readable account: name, score and band, the verdict against the sweet spot
//! (inside, outside, unknown), each check's result in rubric order, questions planned,
//! turns due now, the journey's stage, the next call and the last update. A disqualified
//! account is not ranked: it is listed apart below the table (`Disqualified: NAME, why,
//! when`), by name. Rows go lowest score first; accounts with no score (nothing tested) go last;
//! equal scores by name (ignoring case), then id, so the order never depends on the disk.
//! Damaged files are listed apart, after the table, and don't stop the report; the exit
//! status stays 0, as with `list`. Times are UTC, so a team's reports read alike.
//!
//! Plain text marks each check `P` (pass), `F` (fail) or `-` (not tested), one character
//! per check, and ends with a legend; `--md` is a Markdown table with `✓`, `✗` and `·`;
//! `--json` one array: per account `{id, name, score, band, fit, disqualified, checks:
//! {check id: "pass" | "fail" | "not-tested"}, questions, turns_due, stage, next_call,
//! updated}` (the active accounts worst first, then the disqualified ones, whose
//! `disqualified` is `{why, when}` rather than null), then per damaged file `{file, damaged: true, error, line, column}` as `list --json` has it.
//! Reading is read-only: files are loaded, never written, and caches are not updated.
//! On a large folder, stderr shows the listing, reading and scoring as they go when it is a
//! terminal (see `progress`).

mod json;
mod md;

use super::progress::Progress;
use crate::domain::form::Choice;
use crate::domain::journey::Stage;
use crate::domain::progress::next_call;
use crate::domain::scorecard::{RUBRIC, Scorecard, Verdict, scorecard};
use crate::domain::sweet_spot::{Disqualified, Standing, standing};
use crate::domain::team::Team;
use crate::domain::text::{clean, shorten};
use crate::domain::{Account, AccountId};
use crate::storage::{Store, StoreError, Watch};
use chrono::{DateTime, Utc};
use std::io::Write;

/// Names longer than this are cut (with `…`) in the plain table.
const NAME_WIDTH_MAX: usize = 32;

/// How the report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// Aligned columns for a terminal.
    Plain,
    /// A Markdown table.
    Md,
    /// One JSON array.
    Json,
}

impl Style {
    /// The style the flags ask for (clap keeps `--json` and `--md` apart).
    pub(super) fn of(json: bool, md: bool) -> Self {
        match (json, md) {
            (true, _) => Style::Json,
            (_, true) => Style::Md,
            _ => Style::Plain,
        }
    }
}

/// One account's row.
struct Row {
    id: AccountId,
    name: String,
    card: Scorecard,
    questions: usize,
    turns_due: usize,
    comments: usize,
    stage: Option<Stage>,
    next_call: Option<DateTime<Utc>>,
    updated: DateTime<Utc>,
    fit: Standing,
    disqualified: Option<Disqualified>,
}

impl Row {
    fn of(id: AccountId, account: &Account, team: &Team, now: DateTime<Utc>) -> Self {
        let set = account.journey != Default::default();
        Row {
            id,
            name: account.name.clone(),
            card: scorecard(account, team, now),
            questions: account.questions.len(),
            turns_due: account.turns.iter().filter(|t| t.due() <= now).count(),
            comments: crate::domain::comment::open(account).count(),
            stage: set.then_some(account.journey.stage),
            next_call: next_call(account, now).map(|c| c.when),
            updated: account.last_change(),
            fit: standing(team.criteria(), &account.fit),
            disqualified: account.fit.disqualified.clone(),
        }
    }

    /// The sort key: lowest score first, no score last, then name and id.
    fn key(&self) -> (bool, Option<u8>, String, String) {
        self.card.worst_first(&self.name, &self.id.to_string())
    }

    /// The checks as one character each.
    fn marks(&self, mark: fn(Verdict) -> char) -> String {
        self.card.checks.iter().map(|c| mark(c.verdict)).collect()
    }
}

/// A file that could not be read, by its stem, and why.
struct Damaged {
    stem: String,
    error: StoreError,
}

/// Prints the report in `style`.
pub(super) fn run(store: &Store, style: Style, out: &mut dyn Write) -> anyhow::Result<()> {
    let now = crate::domain::now();
    let (rows, damaged) = gather(store, now)?;
    // Walked away from: kept, but not ranked with the accounts being worked.
    let (mut apart, rows): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.disqualified.is_some());
    apart.sort_by_cached_key(|r| (r.name.to_lowercase(), r.id.to_string()));
    match style {
        Style::Json => json::write(store, &rows, &apart, &damaged, out),
        _ if rows.is_empty() && apart.is_empty() && damaged.is_empty() => {
            let dir = clean(&store.accounts_dir().display().to_string(), false).into_owned();
            writeln!(out, "No accounts yet in {dir}, so nothing to report.")?;
            Ok(())
        }
        Style::Plain => write_plain(&rows, &apart, &damaged, out),
        Style::Md => md::write(&rows, &apart, &damaged, out),
    }
}

/// Every readable account's row, worst first, and the files that could not be read.
fn gather(store: &Store, now: DateTime<Utc>) -> anyhow::Result<(Vec<Row>, Vec<Damaged>)> {
    let progress = Progress::watch_for_stderr();
    let (loaded, damaged) = store.load_all_watched(&progress)?;
    let team = store.team()?;
    // Scoring takes about as long as reading (the linter reads every question): a pass too.
    progress.begin("scoring accounts", loaded.len());
    let mut rows: Vec<Row> = loaded
        .into_iter()
        .map(|l| {
            let row = Row::of(l.id, &l.account, &team, now);
            progress.tick();
            row
        })
        .collect();
    progress.finish();
    let damaged = damaged
        .into_iter()
        .map(|(stem, error)| Damaged { stem, error })
        .collect();
    rows.sort_by_cached_key(Row::key);
    Ok((rows, damaged))
}

/// A time as the tables show it, in UTC.
fn minute(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The text cells of a row, shared by the plain and Markdown tables: score, band, fit,
/// checks (marked by `mark`), questions, turns due, stage, next call, updated.
fn cells(row: &Row, mark: fn(Verdict) -> char) -> [String; 10] {
    [
        row.card.score().map_or("-".to_owned(), |s| s.to_string()),
        row.card.band().word().to_owned(),
        row.fit.word().to_owned(),
        row.marks(mark),
        row.questions.to_string(),
        row.turns_due.to_string(),
        row.comments.to_string(),
        row.stage.map_or("-", |s| s.word()).to_owned(),
        row.next_call.map_or("-".to_owned(), minute),
        minute(row.updated),
    ]
}

/// The column headings after the name.
const HEADINGS: [&str; 10] = [
    "SCORE",
    "BAND",
    "FIT",
    "CHECKS",
    "QUESTIONS",
    "DUE",
    "COMMENTS",
    "STAGE",
    "NEXT CALL",
    "UPDATED",
];

fn write_plain(rows: &[Row], apart: &[Row], damaged: &[Damaged], out: &mut dyn Write) -> anyhow::Result<()> {
    if !rows.is_empty() {
        let names: Vec<String> = rows
            .iter()
            .map(|r| shorten(&clean(&r.name, false), NAME_WIDTH_MAX))
            .collect();
        let mut table = vec![
            std::iter::once("ACCOUNT".to_owned())
                .chain(HEADINGS.map(str::to_owned))
                .collect::<Vec<_>>(),
        ];
        for (row, name) in rows.iter().zip(names) {
            table.push(std::iter::once(name).chain(cells(row, Verdict::letter)).collect());
        }
        for line in aligned(&table) {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "\n{}", legend())?;
        writeln!(
            out,
            "Worst first; times in UTC; DUE counts the turns due for rehearsal now."
        )?;
        if !apart.is_empty() || !damaged.is_empty() {
            writeln!(out)?;
        }
    }
    write_apart(apart, out)?;
    if !apart.is_empty() && !damaged.is_empty() {
        writeln!(out)?;
    }
    for d in damaged {
        let line = format!("DAMAGED  {}  {}", d.stem, d.error);
        writeln!(out, "{}", clean(&line, false))?;
    }
    Ok(())
}

/// The disqualified accounts, one line each: `Disqualified: NAME, why, when UTC`.
fn write_apart(apart: &[Row], out: &mut dyn Write) -> anyhow::Result<()> {
    for r in apart {
        let Some(d) = &r.disqualified else { continue };
        let line = format!(
            "Disqualified: {}, {}, {} UTC",
            r.name.trim(),
            d.why.trim(),
            minute(d.when)
        );
        writeln!(out, "{}", clean(&line, false))?;
    }
    Ok(())
}

/// The rows of `table` with every column padded to its widest cell, two spaces apart.
fn aligned(table: &[Vec<String>]) -> Vec<String> {
    let columns = table.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| table.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    table
        .iter()
        .map(|r| {
            let padded: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| format!("{cell:<w$}"))
                .collect();
            padded.join("  ").trim_end().to_owned()
        })
        .collect()
}

/// What the check columns mean: each check's number and id, and the marks.
fn legend() -> String {
    let checks: Vec<String> = RUBRIC
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| format!("{} {id}", i + 1))
        .collect();
    format!(
        "CHECKS, in order: {}. P pass, F fail, - not tested.",
        checks.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::{Check, Part};

    fn row(name: &str, id: &str, verdicts: &[Verdict]) -> Row {
        let checks = verdicts
            .iter()
            .map(|&verdict| Check {
                id: "x",
                title: "x",
                verdict,
                why: String::new(),
                fix: Part::Questions,
            })
            .collect();
        Row {
            id: AccountId::parse(id).unwrap(),
            name: name.into(),
            card: Scorecard { checks },
            questions: 0,
            turns_due: 0,
            comments: 0,
            stage: None,
            next_call: None,
            updated: DateTime::from_timestamp(0, 0).unwrap(),
            fit: Standing::Unknown,
            disqualified: None,
        }
    }

    #[test]
    fn worst_first_untested_last_then_name_and_id() {
        use Verdict::{Fail, NotTested, Pass};
        let mut rows = [
            row("Untested", "u-1", &[NotTested]),
            row("beta", "b-2", &[Pass, Fail]),
            row("Beta", "b-1", &[Pass, Fail]),
            row("Gold", "g-1", &[Pass]),
            row("Alpha", "a-1", &[Pass, Fail]),
            row("Zero", "z-1", &[Fail, NotTested]),
        ];
        rows.sort_by_cached_key(Row::key);
        let order: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
        assert_eq!(order, ["z-1", "a-1", "b-1", "b-2", "g-1", "u-1"]);
    }

    #[test]
    fn cells_are_one_line_with_pipes_escaped() {
        assert_eq!(md::md_cell(" a|b\nc "), "a\\|b c");
        let table = aligned(&[vec!["ab".into(), "c".into()], vec!["a".into(), "cd".into()]]);
        assert_eq!(table, ["ab  c", "a   cd"]);
    }
}
