//! The call screen's editors: a task, a call plan (a new one pre-filled from the last), the
//! journey's stage, a debrief; saving each, and deleting a task or a call.

use super::{CALL, CallFocus, CallView, calls_in_order, text};
use crate::app::context::{Ctx, save_form};
use crate::app::document::ChangeKind;
use crate::app::editor::{EditForm, Editor};
use crate::app::{Action, Overlay};
use crate::domain::call::{CallForm, Debrief, DebriefForm};
use crate::domain::journey::{JourneyForm, Task, TaskForm, parse_date};
use crate::domain::plan::Status;
use crate::domain::progress;
use crate::domain::text::first_line;

/// `a` (new) or Enter (the selected one) on the focused list.
pub(super) fn open(cx: &mut Ctx, view: &CallView, new: bool) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let account = &cx.doc.account;
    let (form, at) = match (view.focus, new) {
        (CallFocus::Tasks, true) => (EditForm::Task(TaskForm::default()), None),
        (CallFocus::Calls, true) => {
            let plan = progress::prefill(account, cx.now);
            (EditForm::Call(CallForm::from(&plan)), None)
        }
        (CallFocus::Tasks, false) => match view.current_task(account) {
            Some(i) => (EditForm::Task(TaskForm::from(&account.tasks[i])), Some(i)),
            None => return cx.say(text::no_tasks(cx.keys)),
        },
        (CallFocus::Calls, false) => match view.current_call(account) {
            Some(i) => (EditForm::Call(CallForm::from(&account.calls[i])), Some(i)),
            None => return cx.say(text::no_calls(cx.keys)),
        },
    };
    cx.show(Overlay::Editor(Box::new(Editor::new(form, at))));
}

/// `i`: where the customer stands.
pub(super) fn open_journey(cx: &mut Ctx) {
    if cx.may(ChangeKind::Content) {
        let form = EditForm::Journey(JourneyForm::from(&cx.doc.account.journey));
        cx.show(Overlay::Editor(Box::new(Editor::new(form, Some(0)))));
    }
}

/// `b` on a call: what happened.
pub(super) fn open_debrief(cx: &mut Ctx, view: &CallView) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(i) = view
        .current_call(&cx.doc.account)
        .filter(|_| view.focus == CallFocus::Calls)
    else {
        return cx.say(text::no_calls(cx.keys));
    };
    let form = cx.doc.account.calls[i]
        .debrief
        .as_ref()
        .map_or_else(DebriefForm::default, |d| DebriefForm {
            agreed: d.agreed.clone(),
            due: String::new(),
            changed: d.changed.clone(),
            outcome: d.outcome,
        });
    cx.show(Overlay::Editor(Box::new(Editor::new(
        EditForm::Debrief(form),
        Some(i),
    ))));
}

/// Ctrl-s in the task editor; returns the editor when it stays open.
pub(in crate::app) fn save_task(
    cx: &mut Ctx,
    view: &mut CallView,
    editor: Box<Editor>,
) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Task(form) => form
            .apply(&mut account.tasks, editor.at, now)
            .map_err(|e| e.to_string()),
        _ => Err("not a task".into()),
    });
    if let Ok(Some(i)) = saved {
        (view.focus, view.task_row) = (CallFocus::Tasks, i);
        let owner = cx.key(CALL, Action::People);
        let text = first_line(&cx.doc.account.tasks[i].text);
        cx.say(format!(
            "Saved their task \"{text}\" ({owner} picks who on their side owns it)"
        ));
    }
    saved.err()
}

/// Ctrl-s in the call editor.
pub(in crate::app) fn save_call(
    cx: &mut Ctx,
    view: &mut CallView,
    editor: Box<Editor>,
) -> Option<Box<Editor>> {
    let new = editor.at.is_none();
    let plan = new.then(|| progress::prefill(&cx.doc.account, cx.now));
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Call(form) => {
            // A new plan starts from the prefill (its attendees and agenda), then takes the form.
            let at = match plan {
                Some(plan) => {
                    account.calls.push(plan);
                    Some(account.calls.len() - 1)
                }
                None => editor.at,
            };
            form.apply(&mut account.calls, at, now).map_err(|e| e.to_string())
        }
        _ => Err("not a call".into()),
    });
    if let Ok(Some(i)) = saved {
        view.focus = CallFocus::Calls;
        view.call_row = calls_in_order(&cx.doc.account)
            .iter()
            .position(|&c| c == i)
            .unwrap_or(0);
        let warnings = progress::call_warnings(&cx.doc.account, &cx.doc.account.calls[i]);
        match warnings.first() {
            Some(w) => cx.fail(format!("Saved the plan, but: {w}")),
            None => cx.say("Saved the call plan"),
        }
    }
    saved.err()
}

/// Ctrl-s in the journey editor.
pub(in crate::app) fn save_journey(cx: &mut Ctx, editor: Box<Editor>) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Journey(form) => form.apply(&mut account.journey, now).map_err(|e| e.to_string()),
        _ => Err("not the journey".into()),
    });
    if let Ok(Some(())) = saved {
        let evidence = cx.key(CALL, Action::Evidence);
        let guess = if cx.doc.account.journey.is_guess() {
            format!(": a guess until it has evidence ({evidence} picks the item that shows it)")
        } else {
            String::new()
        };
        cx.say(format!("Saved where they stand{guess}"));
    }
    saved.err()
}

/// Ctrl-s in the debrief editor: the debrief joins the call, the questions asked on it are
/// noted, and what they agreed becomes one of their tasks.
pub(in crate::app) fn save_debrief(cx: &mut Ctx, editor: Box<Editor>) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| {
        let (EditForm::Debrief(form), Some(i)) = (editor.form(), editor.at) else {
            return Err("not a debrief".into());
        };
        let due = parse_date(&form.due, "By when").map_err(|e| e.to_string())?;
        let call = account.calls.get(i).ok_or("no such call")?;
        let asked = call
            .agenda
            .iter()
            .filter(|a| {
                account
                    .questions
                    .iter()
                    .any(|q| q.id == a.question && q.status != Status::Planned)
            })
            .map(|a| a.question.clone())
            .collect();
        let kept = call.debrief.as_ref().and_then(|d| d.task.clone());
        // A debrief written again keeps the fields this version does not know.
        let extra = call.debrief.as_ref().map(|d| d.extra.clone()).unwrap_or_default();
        let task = match (form.agreed.trim().is_empty(), kept) {
            (_, Some(id)) => Some(id),
            (true, None) => None,
            (false, None) => {
                let mut t = Task::new(&form.agreed, now);
                t.due = due;
                let id = t.id.clone();
                account.tasks.push(t);
                Some(id)
            }
        };
        let debrief = Debrief {
            extra,
            agreed: form.agreed.trim().to_owned(),
            task,
            changed: form.changed.trim_end().to_owned(),
            // Where they stood when the call was debriefed, so the journey's history shows.
            stage: Some(account.journey.stage),
            outcome: form.outcome,
            asked,
            written: now,
        };
        (account.calls[i].debrief, account.calls[i].updated) = (Some(debrief), now);
        Ok(())
    });
    if let Ok(Some(())) = saved {
        let stage = cx.key(CALL, Action::Journey);
        cx.say(format!(
            "Debriefed; their next step is one of their tasks ({stage} says where they stand now)"
        ));
    }
    saved.err()
}

/// `d`: deletes the selected task or call (undo brings it back).
pub(super) fn delete(cx: &mut Ctx, view: &mut CallView) {
    let focus = view.focus;
    let at = match focus {
        CallFocus::Tasks => view.current_task(&cx.doc.account),
        CallFocus::Calls => view.current_call(&cx.doc.account),
    };
    let gone = cx.change(ChangeKind::Content, |account, _now| {
        let i = at.ok_or_else(String::new)?;
        Ok(match focus {
            CallFocus::Tasks => account.tasks.remove(i).text,
            CallFocus::Calls => account.calls.remove(i).objective,
        })
    });
    if let Some(what) = gone {
        let len = match focus {
            CallFocus::Tasks => cx.doc.account.tasks.len(),
            CallFocus::Calls => cx.doc.account.calls.len(),
        };
        let row = view.row_mut();
        *row = (*row).min(len.saturating_sub(1));
        let undo = cx.key(CALL, Action::Undo);
        cx.say(format!("Deleted \"{}\" ({undo} undoes)", first_line(&what)));
    }
}
