//! The call screen's choosers: a task's owner and a call's attendees (from the people), a
//! call's agenda (from the plan), its objective (from their open tasks), and the evidence
//! of the stage they stand at (from the world), and what each choice does.

use super::chooser::{Chooser, Purpose, ticked};
use super::context::Ctx;
use super::document::ChangeKind;
use super::{Overlay, Scope, Screen};
use crate::domain::call::AgendaItem;
use crate::domain::health::count;
use crate::domain::text::first_line;
use crate::domain::{ItemId, Pane};

/// Minutes an agenda question is given when first picked.
const AGENDA_MINUTES: u16 = 5;

fn show(cx: &mut Ctx, title: String, rows: Vec<String>, checked: Vec<bool>, purpose: Purpose) {
    cx.show(Overlay::Choose(Box::new(Chooser::new(
        title, rows, checked, purpose,
    ))));
}

/// `p`: the owner of the selected task (`task`), or the attendees of the selected call.
pub(super) fn choose_call_people(cx: &mut Ctx, on_task: bool, selected: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let account = &cx.doc.account;
    if account.people.is_empty() {
        let world = cx.key(Scope::Workbook, super::Action::Screen(Screen::World.number()));
        return cx.say(format!("Add their people first ({world}, the people pane)"));
    }
    let Some(at) = selected else {
        return cx.say("Select a task or a call first");
    };
    let ids: Vec<ItemId> = account.people.iter().map(|p| p.id.clone()).collect();
    let rows = account
        .people
        .iter()
        .map(|p| super::call::text::person(account, &p.id))
        .collect();
    if on_task {
        let owner = account.tasks[at].owner.clone();
        let checked = ids.iter().map(|id| Some(id) == owner.as_ref()).collect();
        let title = format!(
            "Who on their side owns \"{}\"",
            first_line(&account.tasks[at].text)
        );
        show(cx, title, rows, checked, Purpose::TaskOwner { task: at, ids });
    } else {
        let on = &account.calls[at].attendees;
        let checked = ids.iter().map(|id| on.contains(id)).collect();
        show(
            cx,
            "Who is on the call".into(),
            rows,
            checked,
            Purpose::Attendees { call: at, ids },
        );
    }
}

/// `l` on a call: tick the plan questions of its agenda.
pub(super) fn choose_agenda(cx: &mut Ctx, call: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let account = &cx.doc.account;
    let Some(call) = call else {
        return cx.say("Select a call to set its agenda");
    };
    if account.questions.is_empty() {
        let questions = cx.key(Scope::Workbook, super::Action::Screen(Screen::Questions.number()));
        return cx.say(format!("The plan has no questions yet ({questions} plans some)"));
    }
    let on: Vec<&ItemId> = account.calls[call].agenda.iter().map(|a| &a.question).collect();
    let ids: Vec<ItemId> = account.questions.iter().map(|q| q.id.clone()).collect();
    let rows = account.questions.iter().map(|q| first_line(&q.text)).collect();
    let checked = ids.iter().map(|id| on.contains(&id)).collect();
    show(
        cx,
        "The agenda: plan questions, in plan order".into(),
        rows,
        checked,
        Purpose::Agenda { call, ids },
    );
}

/// `o` on a call: take its objective from one of their open tasks.
pub(super) fn choose_objective(cx: &mut Ctx, call: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(call) = call else {
        return cx.say("Select a call to set its objective");
    };
    let rows: Vec<String> = cx
        .doc
        .account
        .tasks
        .iter()
        .filter(|t| t.status.is_open())
        .map(|t| first_line(&t.text))
        .collect();
    if rows.is_empty() {
        return cx.say("They have no open tasks to take an objective from");
    }
    let checked = vec![false; rows.len()];
    show(
        cx,
        "Their next step, from their open tasks".into(),
        rows,
        checked,
        Purpose::Objective { call },
    );
}

/// `E`: the world item that shows where they stand.
pub(super) fn choose_evidence(cx: &mut Ctx) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let account = &cx.doc.account;
    let (mut rows, mut ids) = (Vec::new(), Vec::new());
    for pane in Pane::ALL.into_iter().filter(|p| *p != Pane::People) {
        for it in account.items(pane).into_iter().flatten() {
            rows.push(format!("{}: {}", pane.title(), first_line(&it.text)));
            ids.push(it.id.clone());
        }
    }
    if rows.is_empty() {
        return cx.say("The customer's world is empty: nothing to show where they stand yet");
    }
    let checked = ids
        .iter()
        .map(|id| Some(id) == account.journey.evidence.as_ref())
        .collect();
    show(
        cx,
        "What shows where they stand".into(),
        rows,
        checked,
        Purpose::Evidence { ids },
    );
}

/// True for the purposes this module carries out.
pub(super) fn is_call_choice(purpose: &Purpose) -> bool {
    matches!(
        purpose,
        Purpose::TaskOwner { .. }
            | Purpose::Attendees { .. }
            | Purpose::Agenda { .. }
            | Purpose::Objective { .. }
            | Purpose::Evidence { .. }
    )
}

/// Enter in one of these choosers: carry out the choice and say what changed.
pub(super) fn chosen(cx: &mut Ctx, chooser: Chooser) {
    let Chooser {
        checked,
        cursor,
        purpose,
        ..
    } = chooser;
    if let Some(message) = carry_out(cx, purpose, &checked, cursor) {
        cx.say(message);
    }
}

fn carry_out(cx: &mut Ctx, purpose: Purpose, checked: &[bool], cursor: usize) -> Option<String> {
    let one = |ids: &[ItemId]| ids.get(cursor).cloned();
    match purpose {
        Purpose::TaskOwner { task, ids } => cx.change(ChangeKind::Content, |account, now| {
            let t = account.tasks.get_mut(task).ok_or_else(String::new)?;
            (t.owner, t.updated) = (one(&ids), now);
            Ok("Owner set".to_owned())
        }),
        Purpose::Attendees { call, ids } => cx.change(ChangeKind::Content, |account, now| {
            let c = account.calls.get_mut(call).ok_or_else(String::new)?;
            (c.attendees, c.updated) = (ticked(ids, checked), now);
            Ok(format!("{} on the call", c.attendees.len()))
        }),
        Purpose::Agenda { call, ids } => cx.change(ChangeKind::Content, |account, now| {
            let c = account.calls.get_mut(call).ok_or_else(String::new)?;
            // A question still ticked keeps its entry (minutes and unknown fields) as it was.
            let keep = |question: ItemId| {
                let old = c.agenda.iter().find(|a| a.question == question).cloned();
                old.unwrap_or(AgendaItem {
                    extra: Default::default(),
                    minutes: AGENDA_MINUTES,
                    question,
                })
            };
            let agenda: Vec<AgendaItem> = ticked(ids, checked).into_iter().map(keep).collect();
            (c.agenda, c.updated) = (agenda, now);
            Ok(format!(
                "{} on the agenda",
                count(c.agenda.len(), "question", "questions")
            ))
        }),
        Purpose::Objective { call } => cx.change(ChangeKind::Content, |account, now| {
            let open: Vec<String> = account
                .tasks
                .iter()
                .filter(|t| t.status.is_open())
                .map(|t| t.text.clone())
                .collect();
            let text = open.get(cursor).cloned().ok_or_else(String::new)?;
            let c = account.calls.get_mut(call).ok_or_else(String::new)?;
            (c.objective, c.updated) = (text, now);
            Ok("The objective is now their next step".to_owned())
        }),
        Purpose::Evidence { ids } => cx.change(ChangeKind::Content, |account, _| {
            account.journey.evidence = one(&ids);
            Ok("Where they stand now has its evidence".to_owned())
        }),
        _ => None,
    }
}
