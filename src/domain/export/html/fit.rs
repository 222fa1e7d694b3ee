//! The sweet spot and the usage scenarios on the HTML page: the same parts as the Markdown
//! export (`export/fit.rs` gathers them), every piece of text through [`text`].

use super::super::fit::{answers, disqualified, gap_lines, groups};
use super::{facts, nothing, open, text, warnings};
use crate::domain::account::Account;
use crate::domain::sweet_spot::verdict;
use crate::domain::team::Team;

/// The "Fit" section: the verdict, each criterion with its answer and evidence, and the
/// disqualification.
pub(super) fn fit(doc: &mut String, account: &Account, team: &Team) {
    open(doc, "fit", "Fit");
    let verdict = verdict(team.criteria(), &account.fit);
    doc.push_str(&format!("<p><strong>Verdict:</strong> {}</p>\n", text(&verdict)));
    let answers = answers(account, team);
    if answers.is_empty() {
        nothing(doc);
    } else {
        doc.push_str(
            "<table>\n<thead><tr><th>Criterion</th><th>Answer</th><th>Evidence</th></tr></thead>\n<tbody>\n",
        );
        for a in &answers {
            doc.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                text(&a.question),
                a.answer,
                text(&a.evidence)
            ));
        }
        doc.push_str("</tbody>\n</table>\n");
    }
    if let Some(d) = disqualified(account) {
        facts(doc, &[("Disqualified", text(&d))]);
    }
    doc.push_str("</section>\n");
}

/// The "Usage scenarios" section: per goal or threat, each scenario's sentence with what it
/// lacks when incomplete; then the gaps.
pub(super) fn scenarios(doc: &mut String, account: &Account, team: &Team) {
    open(doc, "scenarios", "Usage scenarios");
    let groups = groups(account, team);
    if groups.is_empty() {
        nothing(doc);
    }
    for g in groups {
        doc.push_str(&format!("<h3>{}</h3>\n<ul>\n", text(&g.heading)));
        for (sentence, found) in g.scenarios {
            doc.push_str(&format!("<li>{}", text(&sentence)));
            if !found.is_empty() {
                doc.push('\n');
                warnings(doc, &[found]);
            }
            doc.push_str("</li>\n");
        }
        doc.push_str("</ul>\n");
    }
    let gaps = gap_lines(account, team);
    doc.push_str("<h3>Gaps</h3>\n");
    if gaps.is_empty() {
        doc.push_str("<p class=\"muted\">None.</p>\n");
    }
    warnings(doc, &gaps);
    doc.push_str("</section>\n");
}
