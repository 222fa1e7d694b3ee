//! What the turn list says: each turn's cells (its kind in words, a mark for a saved draft,
//! tries, last grade, when it is due, how ready the rep is) and the selected turn in full.

use crate::app::Action;
use crate::app::Screen;
use crate::app::keymap::{Keymap, Scope};
use crate::app::reading::{Reading, Tone};
use crate::domain::schedule;
use crate::domain::text::{clean, first_line};
use crate::domain::turn::Turn;
use crate::domain::{Account, plan};
use chrono::{DateTime, Utc};

/// The mark of a turn with an answer left mid-way, kept as a draft.
pub const DRAFT: &str = "✎ ";

/// The cells of a turn's row, after its line: tries, the last grade, when it is due, and
/// how ready the rep is.
pub fn cells(t: &Turn, now: DateTime<Utc>) -> [String; 4] {
    let last = t.attempts.last().map_or("-".to_owned(), |a| a.grade.to_string());
    let ready = match schedule::readiness(t.schedule.as_ref(), now) {
        Some(r) => format!("{:>3.0}%", r * 100.0),
        None => "new".to_owned(),
    };
    [
        format!("{:>4}", t.attempts.len()),
        format!("{last:>4}"),
        due_words(t.due(), now),
        ready,
    ]
}

/// A turn's line as its row shows it: the draft mark first when there is one, the mark of
/// an open comment after.
pub fn line(account: &Account, t: &Turn) -> String {
    let draft = if t.draft.is_some() { DRAFT } else { "" };
    let comment = if crate::domain::comment::has_open(account, t.id.as_str()) {
        crate::domain::comment::MARK
    } else {
        ""
    };
    format!("{draft}{}{comment}", first_line(&t.line))
}

/// "now", "in 3d", "in 5h": when a turn is due, in few characters.
pub fn due_words(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = due - now;
    match (left.num_days(), left.num_hours(), left.num_minutes()) {
        _ if due <= now => "now".to_owned(),
        (d, _, _) if d > 0 => format!("in {d}d"),
        (_, h, _) if h > 0 => format!("in {h}h"),
        (_, _, m) => format!("in {}m", m.max(1)),
    }
}

/// The rehearsal history, latest first: when, the grade, the next due date, how many
/// checks passed and which failed, and the answer as typed (the latest beside the prepared
/// response above it).
fn history(r: &mut Reading, t: &Turn, keys: &Keymap) {
    use crate::domain::turn::Outcome;
    if t.attempts.is_empty() {
        return;
    }
    let promote = keys.key(Scope::Screen(Screen::Rehearse), &Action::Promote);
    let times = match t.attempts.len() {
        1 => "once".to_owned(),
        n => format!("{n} times"),
    };
    let head =
        format!("Rehearsed {times}, latest first ({promote} makes the latest answer the prepared one):");
    r.line(Tone::Dim, head);
    for a in t.attempts.iter().rev() {
        let passed = a.checks.iter().filter(|c| c.outcome == Outcome::Pass).count();
        let tested = a.checks.iter().filter(|c| c.outcome.tested()).count();
        // Checks not tested count neither way, and the count says so when there are any.
        let checks = if tested < a.checks.len() {
            "tested checks"
        } else {
            "checks"
        };
        let failed: Vec<&str> = a
            .checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .map(|c| c.check.as_str())
            .collect();
        let grade = crate::domain::schedule::GRADES
            .iter()
            .find(|(g, _)| *g == a.grade)
            .map_or("?", |(_, w)| w);
        let mut line = format!(
            "  {} · graded {} {grade} · {passed}/{} {checks} passed · next {}",
            a.at.format("%Y-%m-%d %H:%M"),
            a.grade,
            tested,
            a.due.format("%Y-%m-%d")
        );
        if !failed.is_empty() {
            line.push_str(&format!(" · failed: {}", failed.join(", ")));
        }
        r.line(Tone::Plain, line);
        r.block(Tone::Quote, "    ", &clean(&a.answer, true));
    }
}

/// The latest answer beside the prepared response: the prepared response is judged by the
/// same checks (with the attempt's timing), and the checks on which the two differ are named.
fn compared(r: &mut Reading, account: &Account, t: &Turn) {
    use crate::domain::checks::{Timing, check};
    use crate::domain::turn::Outcome;
    let (Some(latest), false) = (t.attempts.last(), t.response.trim().is_empty()) else {
        return;
    };
    let timing = Timing {
        first_key_secs: Some(latest.first_key_secs),
        total_secs: latest.total_secs,
        resumed: false,
    };
    let prepared = check(&t.response, t, account, timing);
    let outcome = |name: &str| latest.checks.iter().find(|c| c.check == name).map(|c| c.outcome);
    let (mut better, mut worse) = (Vec::new(), Vec::new());
    for c in &prepared.checks {
        match (c.outcome, outcome(&c.check)) {
            (Outcome::Pass, Some(o)) if o != Outcome::Pass => better.push(c.check.as_str()),
            (o, Some(Outcome::Pass)) if o != Outcome::Pass => worse.push(c.check.as_str()),
            _ => {}
        }
    }
    if better.is_empty() && worse.is_empty() {
        r.line(
            Tone::Dim,
            "The latest answer and the prepared response pass the same checks.",
        );
    }
    if !better.is_empty() {
        let which = better.join(", ");
        r.line(
            Tone::Dim,
            format!("The prepared response passes {which}, which the latest answer missed."),
        );
    }
    if !worse.is_empty() {
        let which = worse.join(", ");
        r.line(
            Tone::Dim,
            format!("The latest answer passes {which}, which the prepared response misses."),
        );
    }
}

/// Who says a turn: the person's name, or "the customer".
pub fn who(account: &Account, t: &Turn) -> String {
    t.who
        .as_ref()
        .and_then(|id| account.people.iter().find(|p| &p.id == id))
        .map_or("the customer".to_owned(), |p| first_line(&p.name))
}

/// A turn in full: who says it and what, the prepared response, what it touches, the turns
/// that may follow, and how its rehearsals went.
pub fn detail(account: &Account, t: &Turn, keys: &Keymap) -> Reading {
    let mut r = Reading::default();
    r.line(Tone::Dim, format!("{} from {}:", t.kind.name(), who(account, t)));
    r.line(Tone::Quote, format!("  “{}”", clean(t.line.trim(), true)));
    if t.response.trim().is_empty() {
        let edit = keys.key(Scope::Screen(Screen::Rehearse), &Action::Edit);
        r.line(Tone::Dim, format!("Prepared: none yet ({edit} writes one)"));
    } else {
        r.line(Tone::Dim, "Prepared:");
        r.block(Tone::Plain, "  ", &clean(&t.response, true));
    }
    let touches: Vec<String> = t
        .links
        .iter()
        .filter_map(|id| plan::find_item(account, id))
        .map(|(pane, s)| format!("  {}: {}", pane.title(), first_line(s)))
        .collect();
    if !touches.is_empty() {
        r.line(Tone::Dim, "Touches:");
        touches.into_iter().for_each(|l| r.line(Tone::Plain, l));
    }
    let next = t
        .follow_ups
        .iter()
        .filter_map(|id| account.turns.iter().find(|f| &f.id == id));
    for (k, f) in next.enumerate() {
        if k == 0 {
            r.line(Tone::Dim, "Then maybe:");
        }
        r.line(Tone::Plain, format!("  “{}”", first_line(&f.line)));
    }
    history(&mut r, t, keys);
    compared(&mut r, account, t);
    if let Some(draft) = t.draft.as_deref().filter(|d| !d.trim().is_empty()) {
        r.line(Tone::Dim, format!("{}Your draft answer:", DRAFT));
        r.block(Tone::Plain, "  ", &clean(draft, true));
    }
    r
}
