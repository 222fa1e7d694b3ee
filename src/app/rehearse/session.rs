//! A rehearsal session under way: typing an answer, reading the checks, grading, flipping
//! roles, and leaving (an ungraded answer is kept as a draft).

use super::{Phase, Rehearsal, Reviewed, current_turn, show_current};
use crate::app::document::ChangeKind;
use crate::app::editor::LineInput;
use crate::app::{Action, App, Effect, Overlay, Scope, context};
use crate::domain::checks::{self, Timing};
use crate::domain::turn::{self, Attempt, Turn, TurnKind};
use crate::domain::{Account, ItemId};
use chrono::{DateTime, Utc};
use std::time::Duration;

/// Handles an action while a session is on screen.
pub(in crate::app) fn session_update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(session) = app.rehearsal.as_mut() else {
        return Vec::new();
    };
    match (&mut session.phase, action) {
        (Phase::Answer { input, first_key, .. }, typed @ (Action::Input(_) | Action::Paste(_))) => {
            if input.apply(&typed) && first_key.is_none() {
                *first_key = Some((app.ticks)());
            }
            Vec::new()
        }
        (Phase::Answer { .. }, Action::Save) => submit(app),
        (Phase::Feedback(_), Action::Grade(n)) => grade(app, n),
        (Phase::Feedback(_), Action::Flip) => {
            if let Phase::Feedback(r) = std::mem::replace(&mut session.phase, Phase::Done) {
                session.phase = Phase::Flip(r, LineInput::default());
            }
            Vec::new()
        }
        (Phase::Flip(..), typed @ (Action::Input(_) | Action::Paste(_))) => {
            if let Phase::Flip(_, input) = &mut session.phase {
                input.apply(&typed);
            }
            Vec::new()
        }
        (Phase::Flip(..), Action::Save) => add_flipped(app),
        (Phase::Flip(..), Action::Back) => {
            if let Phase::Flip(r, _) = std::mem::replace(&mut session.phase, Phase::Done) {
                session.phase = Phase::Feedback(r);
            }
            Vec::new()
        }
        (_, Action::Help) => {
            app.overlay = Some(Overlay::Help(0));
            Vec::new()
        }
        (Phase::Done, Action::Confirm | Action::Edit) | (_, Action::Back) => leave(app, false),
        (_, Action::Quit) => leave(app, true),
        _ => Vec::new(),
    }
}

/// Ctrl-s on an answer: time it, run the checks, show them.
fn submit(app: &mut App) -> Vec<Effect> {
    let now = (app.ticks)();
    let Some(i) = current_turn(app) else {
        return Vec::new();
    };
    let (Some(session), Some(wb)) = (app.rehearsal.as_mut(), app.workbook.as_ref()) else {
        return Vec::new();
    };
    let Phase::Answer {
        input,
        shown,
        first_key,
        resumed,
    } = &session.phase
    else {
        return Vec::new();
    };
    let answer = input.text();
    if answer.trim().is_empty() {
        let submit = app.key(Scope::Answer, Action::Save);
        app.say(format!("Type what you would say, then {submit}"));
        return Vec::new();
    }
    let secs = |d: Duration| d.saturating_sub(*shown).as_secs_f64();
    let timing = Timing {
        first_key_secs: first_key.map(secs),
        total_secs: secs(now),
        resumed: *resumed,
    };
    let account = &wb.doc.account;
    let feedback = checks::check(&answer, &account.turns[i], account, timing);
    session.phase = Phase::Feedback(Box::new(Reviewed {
        answer,
        feedback,
        timing,
    }));
    let flip = app.key(Scope::Grade, Action::Flip);
    app.say(format!(
        "Grade it: {} ({flip} writes what they might say next)",
        grades(app)
    ));
    Vec::new()
}

/// 1-4 after the checks: record the attempt, schedule the turn, move on.
fn grade(app: &mut App, n: u8) -> Vec<Effect> {
    // A grade that can't be saved (a file from a newer callbook) leaves the checks on screen.
    let allowed = app
        .workbook
        .as_ref()
        .map(|wb| wb.doc.access.allows(ChangeKind::Content));
    if let Some(Err(why)) = allowed {
        app.fail(why);
        return Vec::new();
    }
    let Some(i) = current_turn(app) else {
        return Vec::new();
    };
    let now = app.now();
    let Some(session) = app.rehearsal.as_mut() else {
        return Vec::new();
    };
    let r = match std::mem::replace(&mut session.phase, Phase::Done) {
        Phase::Feedback(r) => r,
        other => {
            session.phase = other;
            return Vec::new();
        }
    };
    let attempt = Attempt {
        at: now,
        first_key_secs: r.timing.first_key_secs.unwrap_or(r.timing.total_secs),
        total_secs: r.timing.total_secs,
        answer: r.answer,
        checks: r.feedback.checks,
        grade: n,
        due: now, // `turn::grade` sets it from the schedule
        extra: Default::default(),
    };
    let mut effects = Vec::new();
    let due = change(app, &mut effects, |account, now| {
        turn::grade(account, i, attempt, now).ok_or_else(String::new)
    });
    if let Some(due) = due {
        app.say(format!(
            "Graded {n}; next due {}",
            due.format("%Y-%m-%d %H:%M UTC")
        ));
    }
    let (line, follow_ups) = match app.workbook.as_ref() {
        Some(wb) => (
            wb.doc.account.turns[i].line.clone(),
            wb.doc.account.turns[i].follow_ups.clone(),
        ),
        None => return effects,
    };
    if let Some(session) = app.rehearsal.as_mut() {
        session.graded.push((line, n));
        queue_follow_up(session, &follow_ups);
        session.position += 1;
    }
    effects.extend(show_current(app));
    effects
}

/// The first follow-up of the turn just graded comes next, unless already queued or done.
fn queue_follow_up(session: &mut Rehearsal, follow_ups: &[ItemId]) {
    let Some((account, _)) = session.current().cloned() else {
        return;
    };
    let next = follow_ups
        .iter()
        .find(|id| !session.queue.iter().any(|(a, t)| a == &account && t == *id));
    if let Some(id) = next {
        session.queue.insert(session.position + 1, (account, id.clone()));
    }
}

/// Ctrl-s after flipping roles: the customer's next line becomes a follow-up turn.
fn add_flipped(app: &mut App) -> Vec<Effect> {
    let Some(i) = current_turn(app) else {
        return Vec::new();
    };
    let Some(session) = app.rehearsal.as_mut() else {
        return Vec::new();
    };
    let Phase::Flip(r, input) = std::mem::replace(&mut session.phase, Phase::Done) else {
        return Vec::new();
    };
    let line = input.text();
    session.phase = Phase::Feedback(r);
    if line.trim().is_empty() {
        app.say(format!("Nothing written; grade this turn: {}", grades(app)));
        return Vec::new();
    }
    let mut effects = Vec::new();
    let added = change(app, &mut effects, |account, now| {
        let parent = &account.turns[i];
        let mut next = Turn::new(&line, TurnKind::Pushback, now);
        (next.who, next.links) = (parent.who.clone(), parent.links.clone());
        let id = next.id.clone();
        account.turns.push(next);
        account.turns[i].follow_ups.push(id);
        Ok(())
    });
    if added.is_some() {
        app.say(format!(
            "Added as a follow-up turn; now grade this one: {}",
            grades(app)
        ));
    }
    effects
}

/// Leaving a session: graded turns are saved already; an ungraded answer stays as a draft.
fn leave(app: &mut App, quit: bool) -> Vec<Effect> {
    let draft = match app.rehearsal.as_ref().map(|s| &s.phase) {
        Some(Phase::Answer { input, .. }) => Some(input.text()),
        Some(Phase::Feedback(r) | Phase::Flip(r, _)) => Some(r.answer.clone()),
        _ => None,
    }
    .filter(|d| !d.trim().is_empty());
    let turn = current_turn(app);
    let done = app
        .rehearsal
        .as_ref()
        .is_some_and(|s| matches!(s.phase, Phase::Done));
    let mut effects = Vec::new();
    match (draft, turn) {
        (Some(draft), Some(i)) => {
            let kept = change(app, &mut effects, |account, now| {
                (account.turns[i].draft, account.turns[i].updated) = (Some(draft), now);
                Ok(())
            });
            if kept.is_some() {
                app.say("Left the session; your answer is kept as a draft");
            }
        }
        _ => app.say(if done { "Session over" } else { "Left the session" }),
    }
    app.rehearsal = None;
    if quit {
        effects.retain(|e| *e != Effect::Save);
        effects.extend([Effect::Save, Effect::Quit]);
    }
    effects
}

/// The grade keys and what each means ("1 again, 2 hard, 3 good, 4 easy").
fn grades(app: &App) -> String {
    let keys = crate::domain::schedule::GRADES
        .iter()
        .map(|(n, word)| format!("{} {word}", app.key(Scope::Grade, Action::Grade(*n))));
    keys.collect::<Vec<_>>().join(", ")
}

/// Changes the open account from a session, by the same road as every screen: the access
/// mode decides, undo records, and the save asked for joins `effects`.
fn change<T>(
    app: &mut App,
    effects: &mut Vec<Effect>,
    f: impl FnOnce(&mut Account, DateTime<Utc>) -> Result<T, String>,
) -> Option<T> {
    let mut cx = context::ctx(app)?;
    let out = cx.change(ChangeKind::Content, f);
    effects.append(&mut cx.effects);
    out
}
