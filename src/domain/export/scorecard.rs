//! The scorecard in the export: the score and band, then every check of the rubric in
//! order with its verdict, what it found and, for a failure, where to fix it. Judged as of
//! the account's last change, as the rest of the export is: the export reads no clock.
//! Then the coach's comments, open and resolved, with what each is about and the replies.

use super::{block, line, quote};
use crate::domain::account::Account;
use crate::domain::comment::anchor_label;
use crate::domain::scorecard::{Band, Verdict, scorecard};
use crate::domain::team::Team;

/// The "Scorecard" section.
pub(super) fn section(doc: &mut String, account: &Account, team: &Team) {
    let card = scorecard(account, team, account.last_change());
    doc.push_str("## Scorecard\n\n");
    let as_of = account.last_change().format("%Y-%m-%d %H:%M UTC");
    match (card.score(), card.band()) {
        (Some(score), band) => doc.push_str(&format!(
            "**Score: {score}, {}** ({} of {} tested checks pass; judged as of {as_of})\n\n",
            band_name(band),
            card.passed(),
            card.tested()
        )),
        (None, _) => doc.push_str(&format!(
            "**Score: none yet**: no check had anything to judge (as of {as_of})\n\n"
        )),
    }
    for (n, c) in card.checks.iter().enumerate() {
        let fix = match c.verdict {
            Verdict::Fail => format!(" _Fix in {}._", c.fix.place()),
            _ => String::new(),
        };
        doc.push_str(&format!(
            "{}. {} **{}** ({}): {}.{fix}\n",
            n + 1,
            c.verdict.symbol(),
            c.title,
            c.verdict.word(),
            line(&c.why).trim_end_matches('.')
        ));
    }
    doc.push('\n');
}

/// A band as a heading word: "Gold", "Below 50".
fn band_name(band: Band) -> &'static str {
    match band {
        Band::Gold => "Gold",
        Band::Silver => "Silver",
        Band::Bronze => "Bronze",
        Band::Below => "below Bronze",
        Band::Untested => "untested",
    }
}

/// The "Comments" section: every comment in the order written, what it is about (or that
/// it is gone), who and when, open or resolved, its text and the replies as quotes.
pub(super) fn comments(doc: &mut String, account: &Account) {
    doc.push_str("## Comments\n\n");
    if account.comments.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for c in &account.comments {
        let about = anchor_label(account, &c.anchor)
            .map_or("something no longer in the plan".to_owned(), |l| line(&l));
        let state = if c.resolved { "resolved" } else { "open" };
        doc.push_str(&format!("### On {about} ({state})\n\n"));
        doc.push_str(&format!(
            "_{}, {}_\n\n{}\n\n",
            line(&c.author),
            c.at.format("%Y-%m-%d %H:%M UTC"),
            block(&c.text)
        ));
        for r in &c.replies {
            let said = format!(
                "**{}**, {}: {}",
                line(&r.author),
                r.at.format("%Y-%m-%d %H:%M UTC"),
                r.text.trim()
            );
            quote(doc, &said);
        }
    }
}
