//! What the questions screen says, as reading text: each plan and bank row, the selected
//! question in full (its text, the linter's verdict, what it serves, the rewrite, the
//! answer heard) and why a bank question is suggested.

use super::{Bank, QUESTIONS};
use crate::app::Action;
use crate::app::keymap::Keymap;
use crate::app::reading::{Pieces, Reading, Tone};
use crate::domain::Account;
use crate::domain::lint::{Kind, Lint};
use crate::domain::plan::{self, Status};
use crate::domain::rank::Suggestion;
use crate::domain::text::{clean, first_line};

/// Plan question `i` as a row: its number, status, marks (a concern, serving nothing), text.
pub fn plan_row(account: &Account, i: usize, verdict: &Lint) -> Pieces {
    let q = &account.questions[i];
    let status = match q.status {
        Status::Planned => (Tone::Dim, "○ "),
        Status::Asked => (Tone::Warn, "◐ "),
        Status::Answered => (Tone::Good, "● "),
    };
    let mut pieces = vec![
        (Tone::Dim, format!("{:>2}. ", i + 1)),
        (status.0, status.1.to_owned()),
    ];
    if verdict.is_concern() {
        pieces.push((Tone::Bad, "⚠ ".into()));
    }
    if plan::first_link(account, q).is_none() {
        pieces.push((Tone::Dim, "∅ ".into()));
    }
    pieces.push((Tone::Plain, first_line(&q.text)));
    crate::app::world::text::commented(&mut pieces, account, q.id.as_str());
    pieces
}

/// A bank suggestion as a row.
pub fn bank_row(s: &Suggestion) -> Pieces {
    vec![(Tone::Plain, first_line(&s.text))]
}

/// The linter's verdict in one line: kind, open or closed, SPIN type, and each rule that
/// fired, once.
pub fn verdict(v: &Lint, kept: bool) -> Pieces {
    let (kind, tone) = match v.kind {
        Kind::Question => ("question", Tone::Good),
        Kind::Leading => ("leading", Tone::Bad),
        Kind::Opinion => ("opinion", Tone::Bad),
        Kind::Statement => ("statement", Tone::Dim),
    };
    let mut pieces = vec![(tone, kind.to_owned())];
    if let Some(open) = v.open {
        pieces.push((Tone::Plain, if open { " · open" } else { " · closed" }.into()));
    }
    if let Some(spin) = v.spin {
        pieces.push((Tone::Plain, format!(" · {}", spin.name())));
    }
    if kept && v.is_concern() {
        pieces.push((Tone::Bad, " · kept on purpose".into()));
    }
    let mut seen = Vec::new();
    for flag in &v.flags {
        if !seen.contains(&flag.rule) {
            seen.push(flag.rule);
            pieces.push((Tone::Dim, format!(" · {}", flag.rule.explain())));
        }
    }
    pieces
}

/// Plan question `i` in full: its text, the verdict, what it serves, the rewrite when the
/// linter objects, and the answer heard.
pub fn plan_detail(account: &Account, i: usize, verdict_of: &Lint, keys: &Keymap) -> Reading {
    let q = &account.questions[i];
    let key = |action| keys.key(QUESTIONS, &action);
    let mut r = Reading::default();
    r.line(Tone::Heading, clean(&q.text, true).into_owned());
    r.pieces(verdict(verdict_of, q.kept));
    let links: Vec<_> = q
        .links
        .iter()
        .filter_map(|id| plan::find_item(account, id))
        .collect();
    if links.is_empty() {
        let hint = format!(
            "Serves nothing in their world yet: {} links it to goals, threats, people...",
            key(Action::Link)
        );
        r.line(Tone::Dim, hint);
    } else {
        r.line(Tone::Dim, "Serves:");
        for (pane, text) in links {
            r.line(Tone::Plain, format!("  {}: {}", pane.title(), first_line(text)));
        }
    }
    if let Some(rewrite) = verdict_of.suggestion.as_ref().filter(|_| verdict_of.is_concern()) {
        r.pieces(vec![
            (Tone::Key, "Try: ".into()),
            (Tone::Plain, clean(rewrite, false).into_owned()),
        ]);
    }
    if !q.answer.trim().is_empty() {
        let hint = format!("Heard ({} makes it a world item):", key(Action::AnswerToWorld));
        r.line(Tone::Dim, hint);
        r.block(Tone::Quote, "  ", &clean(&q.answer, true));
    }
    r
}

/// A bank suggestion in full: its text, why it is suggested, its category, what keys do,
/// and how the list is made (`count` suggestions from the bank's questions).
pub fn bank_detail(s: &Suggestion, (bank, count): (&Bank, usize), keys: &Keymap) -> Reading {
    let key = |action| keys.key(QUESTIONS, &action);
    let mut r = Reading::default();
    r.line(Tone::Heading, clean(&s.text, true).into_owned());
    for reason in &s.reasons {
        r.line(Tone::Dim, format!("· {reason}"));
    }
    if let Some(b) = bank.questions.get(s.bank) {
        let mine = if bank.is_mine(s.bank) {
            format!(" · yours ({} removes it)", key(Action::Delete))
        } else {
            String::new()
        };
        let adds = format!(
            "{}{mine} · {} adds it to the plan",
            b.category.title(),
            key(Action::Edit)
        );
        r.line(Tone::Dim, adds);
    }
    let made = format!(
        "{count} suggestions for this account from the bank's {} questions (a question with a placeholder comes once per item it fits)",
        bank.questions.len()
    );
    r.line(Tone::Dim, made);
    r
}
