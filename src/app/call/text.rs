//! What the call screen says: the journey in a few lines, each task and call as a row, the
//! selected task or call in full, and what an empty list suggests.

use super::CALL;
use crate::app::Action;
use crate::app::keymap::Keymap;
use crate::app::reading::{Pieces, Reading, Tone};
use crate::domain::call::{Call, Outcome};
use crate::domain::form::Choice;
use crate::domain::journey::TaskStatus;
use crate::domain::text::{clean, first_line};
use crate::domain::{Account, ItemId, plan};

/// A person's name and role in the decision, or a note that they are not (or no longer) in
/// the account.
pub fn person(account: &Account, id: &ItemId) -> String {
    match account.people.iter().find(|p| &p.id == id) {
        Some(p) => format!("{} ({})", first_line(&p.name), p.role.word().replace('-', " ")),
        None => "someone no longer in the account".to_owned(),
    }
}

/// Where the customer stands, in two lines: the stage (or that it is a guess) and what
/// shows it.
pub fn journey(account: &Account) -> Reading {
    let j = &account.journey;
    let mut r = Reading::default();
    let guess = if j.is_guess() {
        " (a guess: no evidence yet)"
    } else {
        ""
    };
    r.pieces(vec![
        (Tone::Dim, "Where they stand: ".into()),
        (Tone::Heading, j.stage.words().to_owned()),
        (Tone::Bad, guess.into()),
    ]);
    let item = j.evidence.as_ref().and_then(|id| plan::find_item(account, id));
    if let Some((pane, text)) = item {
        r.line(
            Tone::Plain,
            format!("Shown by {}: {}", pane.title(), first_line(text)),
        );
    }
    if !j.quote.trim().is_empty() {
        let when = j.seen.map(|d| format!(" ({d})")).unwrap_or_default();
        r.line(Tone::Quote, format!("“{}”{when}", first_line(&j.quote)));
    }
    r
}

/// Task `i` as a row: its status, text, owner and due date.
pub fn task_row(account: &Account, i: usize) -> Pieces {
    let t = &account.tasks[i];
    let mark = match t.status {
        TaskStatus::ToDo => (Tone::Dim, "○ "),
        TaskStatus::Doing => (Tone::Warn, "◐ "),
        TaskStatus::Done => (Tone::Good, "● "),
        TaskStatus::Dropped => (Tone::Dim, "× "),
    };
    let mut pieces = vec![(mark.0, mark.1.to_owned()), (Tone::Plain, first_line(&t.text))];
    match &t.owner {
        Some(id) => pieces.push((Tone::Dim, format!(" · {}", person(account, id)))),
        None => pieces.push((Tone::Bad, " · no owner on their side".into())),
    }
    if let Some(due) = t.due {
        pieces.push((Tone::Dim, format!(" · by {due}")));
    }
    pieces
}

/// Call `i` as a row: when, the objective, and how it went once held.
pub fn call_row(account: &Account, i: usize) -> Pieces {
    let c = &account.calls[i];
    let when = c.when.format("%Y-%m-%d %H:%M").to_string();
    let (tone, mark) = match c.debrief.as_ref().map(|d| d.outcome) {
        None => (Tone::Key, "▷ "),
        Some(Outcome::Best) => (Tone::Good, "★ "),
        Some(Outcome::Minimum) => (Tone::Warn, "◑ "),
        Some(_) => (Tone::Dim, "· "),
    };
    let objective = if c.objective.trim().is_empty() {
        "(no objective yet)".to_owned()
    } else {
        first_line(&c.objective)
    };
    let mut pieces = vec![
        (tone, mark.into()),
        (Tone::Dim, format!("{when} ")),
        (Tone::Plain, objective),
    ];
    crate::app::world::text::commented(&mut pieces, account, c.id.as_str());
    pieces
}

/// Task `i` in full.
pub fn task_detail(account: &Account, i: usize) -> Reading {
    let t = &account.tasks[i];
    let mut r = Reading::default();
    r.line(Tone::Heading, clean(&t.text, true).into_owned());
    r.line(
        Tone::Dim,
        format!("Status: {}", t.status.word().replace('-', " ")),
    );
    let owner = t
        .owner
        .as_ref()
        .map_or("nobody on their side yet".to_owned(), |id| person(account, id));
    r.line(Tone::Plain, format!("Owner: {owner}"));
    if let Some(due) = t.due {
        r.line(Tone::Plain, format!("Due: {due}"));
    }
    if !t.we_bring.trim().is_empty() {
        r.line(Tone::Dim, "What we can bring (ours):");
        r.block(Tone::Plain, "  ", &clean(&t.we_bring, true));
    }
    r
}

/// Call `i` in full: the plan, the warnings on it, and the debrief once held.
pub fn call_detail(account: &Account, i: usize, keys: &Keymap) -> Reading {
    let c = &account.calls[i];
    let mut r = Reading::default();
    let objective = if c.objective.trim().is_empty() {
        "No objective yet"
    } else {
        c.objective.as_str()
    };
    r.line(Tone::Heading, clean(objective, true).into_owned());
    r.line(
        Tone::Dim,
        format!(
            "{} · {} minutes",
            c.when.format("%A %Y-%m-%d %H:%M UTC"),
            c.minutes
        ),
    );
    for w in crate::domain::progress::call_warnings(account, c) {
        r.line(Tone::Bad, format!("⚠ {w}"));
    }
    plan_lines(&mut r, account, c, keys);
    if !c.is_held() {
        since_last(&mut r, account, c);
    }
    if let Some(d) = &c.debrief {
        r.line(Tone::Dim, format!("Held: {}", d.outcome.word().replace('-', " ")));
        if !d.agreed.is_empty() {
            r.pieces(vec![
                (Tone::Dim, "They agreed: ".into()),
                (Tone::Quote, d.agreed.clone()),
            ]);
        }
        if !d.changed.is_empty() {
            r.line(Tone::Dim, "What changed:");
            r.block(Tone::Plain, "  ", &clean(&d.changed, true));
        }
    }
    r
}

/// What has changed since we last spoke: the world's items nobody has touched for a long
/// while, each with a question to ask about it on this call.
fn since_last(r: &mut Reading, account: &Account, c: &Call) {
    let stale = crate::domain::progress::stale_items(account, c.created);
    if stale.is_empty() {
        return;
    }
    r.line(
        Tone::Dim,
        "What has changed since we last spoke? Not looked at for a while:",
    );
    for (pane, _, question) in stale.iter().take(5) {
        r.line(Tone::Plain, format!("  {}: {question}", pane.title()));
    }
}

fn plan_lines(r: &mut Reading, account: &Account, c: &Call, keys: &Keymap) {
    let who: Vec<String> = c.attendees.iter().map(|id| person(account, id)).collect();
    let pick = keys.key(CALL, &Action::People);
    if who.is_empty() {
        r.line(Tone::Dim, format!("Nobody on it yet ({pick} picks who)"));
    } else {
        r.line(Tone::Plain, format!("With: {}", who.join(", ")));
    }
    let a = &c.agreement;
    for (label, text) in [
        ("Purpose", &a.purpose),
        ("They expect", &a.expect),
        ("Next step to decide", &a.next_step),
    ] {
        if !text.trim().is_empty() {
            r.pieces(vec![
                (Tone::Dim, format!("{label}: ")),
                (Tone::Plain, first_line(text)),
            ]);
        }
    }
    if c.agenda.is_empty() {
        r.line(
            Tone::Dim,
            format!(
                "No agenda yet ({} picks plan questions)",
                keys.key(CALL, &Action::Agenda)
            ),
        );
    }
    for item in &c.agenda {
        let q = account.questions.iter().find(|q| q.id == item.question);
        let text = q.map_or("(a question no longer in the plan)".to_owned(), |q| {
            first_line(&q.text)
        });
        r.line(Tone::Plain, format!("  {:>2} min  {text}", item.minutes));
    }
    for (label, text) in [("Best outcome", &c.best), ("Minimum outcome", &c.minimum)] {
        if !text.trim().is_empty() {
            r.pieces(vec![
                (Tone::Dim, format!("{label}: ")),
                (Tone::Plain, first_line(text)),
            ]);
        }
    }
}

/// What an empty task list says.
pub fn no_tasks(keys: &Keymap) -> String {
    format!(
        "No tasks of theirs yet: what must they do to move forward? {} adds one",
        keys.key(CALL, &Action::Add)
    )
}

/// What an empty call list says.
pub fn no_calls(keys: &Keymap) -> String {
    format!(
        "No calls yet: {} plans one (switch to the calls with {})",
        keys.key(CALL, &Action::Add),
        keys.key(CALL, &Action::NextPane)
    )
}
