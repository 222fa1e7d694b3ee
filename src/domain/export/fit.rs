//! The sweet spot and the usage scenarios in the exports: what both formats say, gathered
//! once here as plain text (the verdict, each criterion with its answer, the scenarios
//! grouped by the goal or threat they serve, the gaps), and the Markdown sections. The HTML
//! export draws the same parts (`html/fit.rs`); each format escapes the text its own way.

use super::{line, paragraph};
use crate::domain::account::Account;
use crate::domain::scenario::{check, gaps, served};
use crate::domain::sweet_spot::verdict;
use crate::domain::team::Team;

/// One criterion with the account's answer: the question, the answer's word, the evidence.
pub(super) struct Answered {
    pub question: String,
    pub answer: &'static str,
    pub evidence: String,
}

/// The team's criteria, each with the account's answer, in the file's order.
pub(super) fn answers(account: &Account, team: &Team) -> Vec<Answered> {
    let fit = &account.fit;
    team.criteria()
        .iter()
        .map(|c| Answered {
            question: c.question.clone(),
            answer: fit.answer(&c.id).word(),
            evidence: fit.entry(&c.id).map_or(String::new(), |e| e.evidence.clone()),
        })
        .collect()
}

/// The disqualification in one line ("2026-11-02 09:00 UTC: why"), if any.
pub(super) fn disqualified(account: &Account) -> Option<String> {
    let d = account.fit.disqualified.as_ref()?;
    Some(format!(
        "{}: {}",
        d.when.format("%Y-%m-%d %H:%M UTC"),
        d.why.trim()
    ))
}

/// The scenarios serving one goal or threat.
pub(super) struct Group {
    /// "Goal: …", "Threat: …", or what a scenario whose goal is gone is under.
    pub heading: String,
    /// Each scenario's sentence, and what its check found (empty when complete).
    pub scenarios: Vec<(String, String)>,
}

/// The scenarios by the goal or threat they serve, goals first, each in the world's order;
/// scenarios whose goal was deleted last.
pub(super) fn groups(account: &Account, team: &Team) -> Vec<Group> {
    let offerings = team.offerings();
    let w = &account.world;
    let serving = w
        .goals
        .iter()
        .map(|g| ("Goal", g))
        .chain(w.threats.iter().map(|t| ("Threat", t)));
    let of = |pred: &dyn Fn(&crate::domain::scenario::Scenario) -> bool| -> Vec<(String, String)> {
        account
            .scenarios
            .iter()
            .filter(|s| pred(s))
            .map(|s| {
                (
                    s.sentence(account, offerings),
                    check(s, account, offerings).summary(),
                )
            })
            .collect()
    };
    let mut out: Vec<Group> = serving
        .map(|(kind, it)| Group {
            heading: format!("{kind}: {}", it.text.trim()),
            scenarios: of(&|s| s.serves == it.id),
        })
        .filter(|g| !g.scenarios.is_empty())
        .collect();
    let orphans = of(&|s| served(account, &s.serves).is_none());
    if !orphans.is_empty() {
        out.push(Group {
            heading: "A goal or threat no longer in their world".to_owned(),
            scenarios: orphans,
        });
    }
    out
}

/// The gaps in words: each high-priority goal with no scenario, each offering none uses.
pub(super) fn gap_lines(account: &Account, team: &Team) -> Vec<String> {
    let g = gaps(account, team.offerings());
    let goals = g
        .goals
        .iter()
        .filter_map(|id| served(account, id))
        .map(|it| format!("High-priority goal with no scenario: {}", it.text.trim()));
    let offerings = g.offerings.iter().map(|id| {
        let name = team
            .offerings()
            .iter()
            .find(|o| &o.id == id)
            .map_or(id.as_str(), |o| o.name.trim());
        format!("Offering no scenario uses: {name}")
    });
    goals.chain(offerings).collect()
}

/// The Markdown "Fit" section: the verdict, each criterion with its answer and evidence,
/// and the disqualification.
pub(super) fn markdown_fit(doc: &mut String, account: &Account, team: &Team) {
    doc.push_str("## Fit\n\n");
    doc.push_str(&format!(
        "**Verdict:** {}\n\n",
        line(&verdict(team.criteria(), &account.fit))
    ));
    let answers = answers(account, team);
    if answers.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for a in &answers {
        doc.push_str(&format!("- **{}** {}\n", a.answer, line(&a.question)));
        if !a.evidence.trim().is_empty() {
            doc.push_str(&format!("  - evidence: {}\n", line(&a.evidence)));
        }
    }
    if !answers.is_empty() {
        doc.push('\n');
    }
    if let Some(d) = disqualified(account) {
        paragraph(doc, &format!("**Disqualified** {}", line(&d)));
    }
}

/// The Markdown "Usage scenarios" section: per goal or threat, each scenario's sentence
/// with what it lacks when incomplete; then the gaps.
pub(super) fn markdown_scenarios(doc: &mut String, account: &Account, team: &Team) {
    doc.push_str("## Usage scenarios\n\n");
    let groups = groups(account, team);
    if groups.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for g in groups {
        doc.push_str(&format!("### {}\n\n", line(&g.heading)));
        for (sentence, found) in g.scenarios {
            doc.push_str(&format!("- {}\n", line(&sentence)));
            if !found.is_empty() {
                doc.push_str(&format!("  - ⚠ {}\n", line(&found)));
            }
        }
        doc.push('\n');
    }
    let gaps = gap_lines(account, team);
    doc.push_str("**Gaps:**");
    if gaps.is_empty() {
        doc.push_str(" none.\n\n");
    } else {
        doc.push_str("\n\n");
        for g in gaps {
            doc.push_str(&format!("- {}\n", line(&g)));
        }
        doc.push('\n');
    }
}
