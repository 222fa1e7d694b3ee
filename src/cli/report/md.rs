//! `report --md`: the active accounts as one Markdown table (a column per check, numbered
//! as the rubric below it), then the disqualified accounts and the damaged files, apart.

use super::{Damaged, Row, cells, minute};
use crate::domain::scorecard::{RUBRIC, Verdict};
use crate::domain::text::clean;
use std::io::Write;

/// Prints the table, the rubric, the disqualified accounts and the damaged files.
pub(super) fn write(
    rows: &[Row],
    disqualified: &[Row],
    damaged: &[Damaged],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if !rows.is_empty() {
        let numbers: Vec<String> = (1..=RUBRIC.len()).map(|n| n.to_string()).collect();
        let head = format!(
            "| Account | Score | Band | Fit | {} | Questions | Turns due | Open comments | Stage | Next call (UTC) | Updated (UTC) |",
            numbers.join(" | ")
        );
        writeln!(out, "{head}")?;
        let rule = vec!["---"; head.matches(" | ").count() + 1];
        writeln!(out, "| {} |", rule.join(" | "))?;
        for row in rows {
            let [score, band, fit, marks, rest @ ..] = cells(row, Verdict::symbol);
            let marks: Vec<String> = marks.chars().map(String::from).collect();
            let mut all = vec![md_cell(&row.name), score, band, fit];
            all.extend(marks);
            all.extend(rest.iter().map(|c| md_cell(c)));
            writeln!(out, "| {} |", all.join(" | "))?;
        }
        writeln!(out)?;
        for (i, (id, title, _)) in RUBRIC.iter().enumerate() {
            writeln!(out, "{}. {title} (`{id}`)", i + 1)?;
        }
        writeln!(out, "\nWorst first. ✓ pass, ✗ fail, · not tested.")?;
    }
    if !disqualified.is_empty() {
        writeln!(out, "\n**Disqualified**, not ranked:\n")?;
        for r in disqualified {
            let Some(d) = &r.disqualified else { continue };
            writeln!(
                out,
                "- {}: {} ({} UTC)",
                md_cell(&r.name),
                md_cell(&d.why),
                minute(d.when)
            )?;
        }
    }
    if !damaged.is_empty() {
        writeln!(out, "\n**Damaged files**, not scored:\n")?;
        for d in damaged {
            writeln!(out, "- {}: {}", md_cell(&d.stem), md_cell(&d.error.to_string()))?;
        }
    }
    Ok(())
}

/// Text made safe for one Markdown table cell: one clean line, pipes escaped.
pub(super) fn md_cell(text: &str) -> String {
    clean(text.trim(), false)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}
