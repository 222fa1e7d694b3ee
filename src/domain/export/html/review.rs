//! The coach's side of the HTML export: the scorecard (score, band, and every check with
//! its verdict and why, judged as of the account's last change) and the comments (who,
//! when, what about, open or resolved, and the replies).

use super::{escape, lines, nothing, open, text};
use crate::domain::account::Account;
use crate::domain::comment::{Comment, anchor_label};
use crate::domain::scorecard::{Verdict, scorecard as judge};
use crate::domain::team::Team;

/// The scorecard as a table of checks under the score.
pub(super) fn scorecard(doc: &mut String, account: &Account, team: &Team) {
    open(doc, "scorecard", "Scorecard");
    let card = judge(account, team, account.last_change());
    let as_of = account.last_change().format("%Y-%m-%d %H:%M UTC");
    match card.score() {
        Some(score) => doc.push_str(&format!(
            "<p><strong>Score: {score}, {}</strong> ({} of {} tested checks pass; judged as \
             of {as_of})</p>\n",
            card.band().word(),
            card.passed(),
            card.tested()
        )),
        None => doc.push_str(&format!(
            "<p><strong>Score: none yet</strong>: no check had anything to judge (as of \
             {as_of})</p>\n"
        )),
    }
    doc.push_str("<table>\n<thead><tr><th>#</th><th>Check</th><th>Verdict</th>");
    doc.push_str("<th>Why</th><th>Where to fix</th></tr></thead>\n<tbody>\n");
    for (n, c) in card.checks.iter().enumerate() {
        let class = c.verdict.word().replace(' ', "-");
        let fix = match c.verdict {
            Verdict::Fail => escape(&c.fix.place()),
            _ => String::new(),
        };
        doc.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"{class}\">{} {}</td><td>{}</td><td>{fix}</td></tr>\n",
            n + 1,
            escape(c.title),
            c.verdict.symbol(),
            c.verdict.word(),
            text(&c.why)
        ));
    }
    doc.push_str("</tbody>\n</table>\n</section>\n");
}

/// Every comment in the order written, open and resolved alike.
pub(super) fn comments(doc: &mut String, account: &Account) {
    open(doc, "comments", "Comments");
    if account.comments.is_empty() {
        nothing(doc);
    }
    for c in &account.comments {
        comment(doc, account, c);
    }
    doc.push_str("</section>\n");
}

/// One comment: what it is about (or that it is gone), who and when, its text, replies.
fn comment(doc: &mut String, account: &Account, c: &Comment) {
    let (class, state) = if c.resolved {
        ("comment resolved", "resolved")
    } else {
        ("comment", "open")
    };
    let about =
        anchor_label(account, &c.anchor).map_or("something no longer in the plan".to_owned(), |l| text(&l));
    doc.push_str(&format!(
        "<article class=\"{class}\">\n<h3>On {about} <span class=\"tag\">{state}</span></h3>\n"
    ));
    doc.push_str(&format!(
        "<p class=\"muted\">{}, {}</p>\n<p>{}</p>\n",
        text(&c.author),
        c.at.format("%Y-%m-%d %H:%M UTC"),
        lines(&c.text)
    ));
    if !c.replies.is_empty() {
        doc.push_str("<div class=\"replies\">\n");
        for r in &c.replies {
            doc.push_str(&format!(
                "<p><strong>{}</strong>, <span class=\"muted\">{}</span>: {}</p>\n",
                text(&r.author),
                r.at.format("%Y-%m-%d %H:%M UTC"),
                lines(&r.text)
            ));
        }
        doc.push_str("</div>\n");
    }
    doc.push_str("</article>\n");
}
