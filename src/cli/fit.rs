//! `callbook fit NAME [--json]`: the team's sweet-spot criteria with this account's answers
//! and evidence, the verdict, and when the account is disqualified, why and when.
//!
//! Plain output is one line per criterion (`yes`, `no` or `unknown`, then the question), the
//! evidence indented below it, then `Verdict: ...` (see `sweet_spot::verdict`), then
//! `Disqualified: why (when, UTC)` when so. With no criteria it says where to add them.
//! `--json` prints `{id, name, criteria: [{id, question, answer, evidence}], fit, verdict,
//! disqualified: null | {why, when}}`. Reading only: nothing is written, and a damaged
//! `sweet-spot.json` is an error naming the file, line and column.

use super::safe_json;
use crate::domain::Account;
use crate::domain::sweet_spot::{self, Criterion, Fit, standing, verdict};
use crate::domain::text::clean;
use crate::storage::Store;
use chrono::SecondsFormat;
use serde::Serialize;
use std::io::Write;

/// Prints `name`'s fit, plain or as JSON.
pub(super) fn run(store: &Store, name: &str, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let id = store.resolve(name)?;
    let account = store.load(&id)?.account;
    let criteria = store.load_sweet_spot()?.criteria;
    if json {
        let report = Report::of(id.as_str(), &account, &criteria);
        let text = serde_json::to_string_pretty(&report)?;
        writeln!(out, "{}", safe_json(&text))?;
        return Ok(());
    }
    writeln!(out, "{} ({id})", clean(account.name.trim(), false))?;
    if criteria.is_empty() {
        let path = store.sweet_spot_path().display().to_string();
        writeln!(
            out,
            "No sweet-spot criteria yet: the team writes them in {}, as {{\"schema\": 1, \
             \"criteria\": [{{\"id\": \"own-fleet\", \"question\": \"Do they run their own \
             fleet?\"}}]}}",
            clean(&path, false)
        )?;
    }
    for c in &criteria {
        let answer = account.fit.answer(&c.id);
        writeln!(out, "{:<8} {}", answer.word(), clean(c.question.trim(), false))?;
        if let Some(e) = account.fit.entry(&c.id).filter(|e| !e.evidence.is_empty()) {
            writeln!(out, "         evidence: {}", clean(&e.evidence, false))?;
        }
    }
    writeln!(
        out,
        "Verdict: {}",
        clean(&verdict(&criteria, &account.fit), false)
    )?;
    if let Some(d) = &account.fit.disqualified {
        let when = d.when.format("%Y-%m-%d %H:%M UTC");
        writeln!(out, "Disqualified: {} ({when})", clean(d.why.trim(), false))?;
    }
    Ok(())
}

/// What `fit --json` prints.
#[derive(Serialize)]
struct Report<'a> {
    id: &'a str,
    name: &'a str,
    criteria: Vec<Answered<'a>>,
    fit: &'static str,
    verdict: String,
    disqualified: Option<Disqualified<'a>>,
}

/// One criterion with the account's answer.
#[derive(Serialize)]
struct Answered<'a> {
    id: &'a str,
    question: &'a str,
    answer: &'static str,
    evidence: &'a str,
}

/// The disqualification, as `list --json` shows it too.
#[derive(Serialize)]
pub(super) struct Disqualified<'a> {
    why: &'a str,
    when: String,
}

impl<'a> Disqualified<'a> {
    /// The JSON of a disqualification.
    pub(super) fn new(d: &'a sweet_spot::Disqualified) -> Self {
        Disqualified {
            why: &d.why,
            when: d.when.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        }
    }

    /// The JSON of `fit`'s disqualification, if any.
    pub(super) fn of(fit: &'a Fit) -> Option<Self> {
        fit.disqualified.as_ref().map(Disqualified::new)
    }
}

impl<'a> Report<'a> {
    fn of(id: &'a str, account: &'a Account, criteria: &'a [Criterion]) -> Self {
        let fit = &account.fit;
        Report {
            id,
            name: &account.name,
            criteria: criteria
                .iter()
                .map(|c| Answered {
                    id: &c.id,
                    question: &c.question,
                    answer: fit.answer(&c.id).word(),
                    evidence: fit.entry(&c.id).map_or("", |e| &e.evidence),
                })
                .collect(),
            fit: standing(criteria, fit).word(),
            verdict: verdict(criteria, fit),
            disqualified: Disqualified::of(fit),
        }
    }
}
