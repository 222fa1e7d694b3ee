//! `callbook list [--json]`: every account file in the data folder, readable or not.
//!
//! Plain output is one line per account: name, id, last update (local time), then the
//! entries per pane, columns aligned, the verdict against the sweet spot (`fit inside`,
//! `fit outside`, `fit unknown`, then `, disqualified` while the account is), and `STALLED:
//! why` at the end when the customer's journey is stalled (see `progress::stalled`). A damaged file still gets a line, so nothing hides:
//! it starts with `DAMAGED` and carries the error (file, line, column); a file left in
//! conflict (git's conflict markers, a sync client's conflicted copy) starts with `CONFLICT`
//! and says how to resolve it. Damaged lines go to
//! stdout with the others and the exit status stays 0, because listing succeeded; scripts
//! that care can look for the `DAMAGED` prefix, or for `"damaged": true` in `--json`.
//!
//! An empty folder gets one line saying so and how to make an account (stdout, status 0);
//! `--json` then prints `[]`.
//!
//! `--json` prints an array: `{id, name, updated, counts: {goals, threats, competitors,
//! market, people, why}, stage, stalled, stalled_reason, next_call}` per account (`stage`
//! is the journey's stage word or null while never set; `stalled` a bool with its reason,
//! or null; `next_call` the start of the next planned call, RFC 3339, or null) and `{file,
//! damaged: true, kind, error, line, column}` per damaged file (`kind`: `damaged`,
//! `conflict-markers` or `conflicted-copy`; `line` and `column` only when the problem is in
//! the JSON itself). Each account also carries `fit` (`inside`, `outside` or
//! `unknown`) and `disqualified` (null, or `{why, when}`). "Stalled", "next" and the fit
//! are judged at the time of listing, the fit against the team's criteria of the day; a
//! damaged `sweet-spot.json` is an error, with nothing listed and nothing written.
//!
//! A cold listing of a large folder (the cache gone) shows its progress on stderr when that
//! is a terminal (see `progress`); stdout is the same either way.

use super::fit::Disqualified;
use super::progress::Progress;
use super::safe_json;
use crate::domain::Pane;
use crate::domain::form::Choice;
use crate::domain::sweet_spot::Criterion;
use crate::domain::text::clean;
use crate::storage::{Listing, Store, StoreError, Summary};
use chrono::{DateTime, Local, SecondsFormat, Utc};
use serde::Serialize;
use std::io::Write;

/// Names wider than this are not padded further, so one long name can't push every
/// other line's columns off the screen.
const NAME_WIDTH_MAX: usize = 32;

/// Prints the listing, plain or as JSON.
pub(super) fn run(store: &Store, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    // Read first: a damaged criteria file stops the listing before the cache is touched.
    let criteria = store.load_sweet_spot()?.criteria;
    let progress = Progress::watch_for_stderr();
    let listings = store.list_watched(&progress)?;
    progress.finish();
    let now = crate::domain::now();
    if json {
        write_json(store, &listings, &criteria, now, out)
    } else if listings.is_empty() {
        // Said on stdout with status 0: an empty folder is an answer, not a failure.
        let dir = clean(&store.accounts_dir().display().to_string(), false).into_owned();
        writeln!(out, "{}", empty_folder(&dir))?;
        Ok(())
    } else {
        write_plain(&listings, &criteria, now, out)
    }
}

/// What `list` says when there is no account file at all: where it looked, and the ways
/// to make one.
fn empty_folder(dir: &str) -> String {
    format!(
        "No accounts yet in {dir}. Make one with `callbook new NAME`, try the filled-in \
         sample with `callbook sample`, or open the app with `callbook`."
    )
}

fn write_plain(
    listings: &[Listing],
    criteria: &[Criterion],
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let width = listings
        .iter()
        .filter_map(|l| match l {
            Listing::Ok(s) => Some(clean(&s.name, false).chars().count()),
            Listing::Damaged { .. } => None,
        })
        .max()
        .unwrap_or(0)
        .min(NAME_WIDTH_MAX);
    for listing in listings {
        let line = match listing {
            Listing::Ok(s) => plain_line(s, criteria, width, now),
            // The error names the file with its line and column; the stem comes first so
            // the line reads like the others (what, then why).
            Listing::Damaged { stem, error } => {
                let what = if is_conflict(error) { "CONFLICT" } else { "DAMAGED" };
                clean(&format!("{what}  {stem}  {error}"), false).into_owned()
            }
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// True for a file left in conflict by git or a sync client: not damage, and resolvable.
fn is_conflict(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Conflicted { .. } | StoreError::ConflictedCopy { .. }
    )
}

/// `Acme Corp  acme-corp-x1y2z3  2025-03-01 14:05  goals 2  threats 0 ...  fit inside`,
/// then `  STALLED: why` when the journey is stalled.
fn plain_line(s: &Summary, criteria: &[Criterion], width: usize, now: DateTime<Utc>) -> String {
    let updated = s.updated.with_timezone(&Local).format("%Y-%m-%d %H:%M");
    let counts: Vec<String> = Pane::ALL
        .iter()
        .map(|p| format!("{} {}", p.cli_name(), s.counts[p.index()]))
        .collect();
    let name = clean(&s.name, false);
    let stalled = s
        .pulse
        .stalled(now.date_naive())
        .map_or(String::new(), |why| format!("  STALLED: {why}"));
    let out = if s.disqualified.is_some() {
        ", disqualified"
    } else {
        ""
    };
    format!(
        "{name:<width$}  {}  {updated}  {}  fit {}{out}{stalled}",
        s.id,
        counts.join("  "),
        s.standing(criteria).word()
    )
}

/// One element of the `--json` array.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Ok {
        id: String,
        name: String,
        updated: String,
        counts: Counts,
        stage: Option<&'static str>,
        stalled: bool,
        stalled_reason: Option<String>,
        next_call: Option<String>,
        fit: &'static str,
        disqualified: Option<Disqualified<'a>>,
    },
    Damaged(DamagedFile),
}

/// A file that can't be read, as `list --json` and `report --json` show it: where it is,
/// and why (with the line and column of bad JSON).
#[derive(Serialize)]
pub(super) struct DamagedFile {
    file: String,
    damaged: bool,
    /// `damaged`, or what else it is: `conflict-markers`, `conflicted-copy`.
    kind: &'static str,
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl DamagedFile {
    /// The entry for `accounts/STEM.json`, which failed with `error`.
    pub(super) fn new(store: &Store, stem: &str, error: &StoreError) -> Self {
        let (line, column) = match error {
            StoreError::Damaged { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        let kind = match error {
            StoreError::Conflicted { .. } => "conflict-markers",
            StoreError::ConflictedCopy { .. } => "conflicted-copy",
            _ => "damaged",
        };
        DamagedFile {
            kind,
            file: store
                .accounts_dir()
                .join(format!("{stem}.json"))
                .display()
                .to_string(),
            damaged: true,
            error: error.to_string(),
            line,
            column,
        }
    }
}

/// Entries per pane, named as the CLI names panes.
#[derive(Serialize)]
struct Counts {
    goals: usize,
    threats: usize,
    competitors: usize,
    market: usize,
    people: usize,
    why: usize,
}

impl Counts {
    fn of(s: &Summary) -> Self {
        let n = |p: Pane| s.counts[p.index()];
        Counts {
            goals: n(Pane::Goals),
            threats: n(Pane::Threats),
            competitors: n(Pane::Competitors),
            market: n(Pane::Market),
            people: n(Pane::People),
            why: n(Pane::WhyChange),
        }
    }
}

fn write_json(
    store: &Store,
    listings: &[Listing],
    criteria: &[Criterion],
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let entries: Vec<Entry> = listings.iter().map(|l| entry(store, l, criteria, now)).collect();
    let text = serde_json::to_string_pretty(&entries)?;
    writeln!(out, "{}", safe_json(&text))?;
    Ok(())
}

fn entry<'a>(store: &Store, listing: &'a Listing, criteria: &[Criterion], now: DateTime<Utc>) -> Entry<'a> {
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    match listing {
        Listing::Ok(s) => {
            let stalled = s.pulse.stalled(now.date_naive());
            Entry::Ok {
                id: s.id.to_string(),
                name: s.name.clone(),
                updated: time(s.updated),
                counts: Counts::of(s),
                stage: s.pulse.stage.map(|st| st.word()),
                stalled: stalled.is_some(),
                stalled_reason: stalled,
                next_call: s.pulse.next_call(now).map(time),
                fit: s.standing(criteria).word(),
                disqualified: s.disqualified.as_deref().map(Disqualified::new),
            }
        }
        Listing::Damaged { stem, error } => Entry::Damaged(DamagedFile::new(store, stem, error)),
    }
}
