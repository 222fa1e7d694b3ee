//! `report --json`: one array, an object per account (check ids as keys, in rubric order),
//! then one per damaged file, shaped as `list --json` shapes them.

use super::{Damaged, Row};
use crate::cli::fit::Disqualified;
use crate::cli::list::DamagedFile;
use crate::cli::safe_json;
use crate::domain::form::Choice;
use crate::domain::scorecard::Scorecard;
use crate::storage::Store;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::io::Write;

/// One element of the `--json` array.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Ok {
        id: String,
        name: &'a str,
        score: Option<u8>,
        band: &'static str,
        fit: &'static str,
        disqualified: Option<Disqualified<'a>>,
        checks: Marks<'a>,
        questions: usize,
        turns_due: usize,
        comments_open: usize,
        stage: Option<&'static str>,
        next_call: Option<String>,
        updated: String,
    },
    Damaged(DamagedFile),
}

/// The checks as a JSON object keyed by check id, in rubric order.
struct Marks<'a>(&'a Scorecard);

impl Serialize for Marks<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.checks.len()))?;
        for c in &self.0.checks {
            map.serialize_entry(c.id, &c.verdict)?;
        }
        map.end()
    }
}

/// Prints the rows, then the disqualified accounts, then the damaged files, as one JSON
/// array.
pub(super) fn write(
    store: &Store,
    rows: &[Row],
    apart: &[Row],
    damaged: &[Damaged],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let mut entries: Vec<Entry> = rows
        .iter()
        .chain(apart)
        .map(|r| Entry::Ok {
            id: r.id.to_string(),
            name: &r.name,
            score: r.card.score(),
            band: r.card.band().word(),
            fit: r.fit.word(),
            disqualified: r.disqualified.as_ref().map(Disqualified::new),
            checks: Marks(&r.card),
            questions: r.questions,
            turns_due: r.turns_due,
            comments_open: r.comments,
            stage: r.stage.map(|s| s.word()),
            next_call: r.next_call.map(time),
            updated: time(r.updated),
        })
        .collect();
    entries.extend(
        damaged
            .iter()
            .map(|d| Entry::Damaged(DamagedFile::new(store, &d.stem, &d.error))),
    );
    let text = serde_json::to_string_pretty(&entries)?;
    writeln!(out, "{}", safe_json(&text))?;
    Ok(())
}
