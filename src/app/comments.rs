//! Comments: `c` on any screen of an account writes one on the selected record (in review
//! mode too: a comment is the one change a coach may make), and the review screen replies
//! to one, resolves it, or jumps to what it is about.

use super::context::Ctx;
use super::document::ChangeKind;
use super::editor::{EditForm, Editor};
use super::{App, Overlay, Screen, Workbook};
use crate::domain::comment::{Comment, CommentForm, Reply};
use crate::domain::text::first_line;

/// The id of the record selected on the screen shown, and how to call it, if any.
pub fn selected_anchor(wb: &Workbook) -> Option<String> {
    let account = &wb.doc.account;
    match wb.screen {
        Screen::World => {
            let pane = wb.world.pane;
            let i = wb.current()?;
            Some(match account.items(pane) {
                Some(items) => items[i].id.to_string(),
                None => account.people[i].id.to_string(),
            })
        }
        Screen::Questions => wb
            .questions
            .current_question()
            .map(|i| account.questions[i].id.to_string()),
        Screen::Rehearse => account.turns.get(wb.turns.row).map(|t| t.id.to_string()),
        Screen::Call => match wb.call.focus {
            super::call::CallFocus::Tasks => wb
                .call
                .current_task(account)
                .map(|i| account.tasks[i].id.to_string()),
            super::call::CallFocus::Calls => wb
                .call
                .current_call(account)
                .map(|i| account.calls[i].id.to_string()),
        },
        Screen::Review => super::review::selected_anchor(wb),
        // A scenario by its id; the answers as the scorecard's sweet-spot check.
        Screen::Fit => match wb.fit.focus {
            super::sweet_spot::FitFocus::Scenarios => wb
                .fit
                .current_scenario(account)
                .map(|i| account.scenarios[i].id.to_string()),
            super::sweet_spot::FitFocus::Criteria => Some("check:sweet-spot".to_owned()),
        },
    }
}

/// `c`: a comment on the selected record.
pub(super) fn open(app: &mut App) {
    let Some(wb) = app.workbook.as_ref() else { return };
    if let Err(why) = wb.doc.access.allows(ChangeKind::Comment) {
        return app.fail(why);
    }
    let Some(anchor) = selected_anchor(wb) else {
        return app.say("Select something to comment on first");
    };
    let form = EditForm::Comment(anchor, CommentForm::default());
    app.overlay = Some(Overlay::Editor(Box::new(Editor::new(form, None))));
}

/// Ctrl-s in the comment or reply editor, signed by `author`.
pub(super) fn save(cx: &mut Ctx, editor: Box<Editor>, author: &str) -> Option<Box<Editor>> {
    match save_comment(cx, editor, author) {
        Ok(Some(what)) => {
            cx.say(what);
            None
        }
        Ok(None) => None,
        Err(editor) => Some(editor),
    }
}

fn save_comment(cx: &mut Ctx, mut editor: Box<Editor>, author: &str) -> Result<Option<String>, Box<Editor>> {
    let form = editor.form();
    let (EditForm::Comment(_, f) | EditForm::Reply(_, f)) = &form else {
        return Ok(None);
    };
    if f.text.trim().is_empty() {
        editor.error = Some("A comment needs a few words".into());
        return Err(editor);
    }
    let saved = cx.change(ChangeKind::Comment, |account, now| {
        match form {
            EditForm::Comment(anchor, f) => {
                account.comments.push(Comment::new(&anchor, author, &f.text, now))
            }
            EditForm::Reply(at, f) => {
                let c = account.comments.get_mut(at).ok_or_else(String::new)?;
                let reply = Reply {
                    author: author.to_owned(),
                    at: now,
                    text: f.text.trim().to_owned(),
                    extra: Default::default(),
                };
                c.replies.push(reply);
            }
            _ => return Err(String::new()),
        }
        Ok(())
    });
    Ok(saved.map(|()| "Comment saved".to_owned()))
}

/// Resolves comment `at`, or opens it again; a comment is a change of its own kind, so the
/// rep and the coach may both do it.
pub(super) fn toggle_resolved(cx: &mut Ctx, at: Option<usize>) {
    let done = cx.change(ChangeKind::Comment, |account, _| {
        let c = account
            .comments
            .get_mut(at.ok_or_else(String::new)?)
            .ok_or_else(String::new)?;
        c.resolved = !c.resolved;
        Ok((c.resolved, first_line(&c.text)))
    });
    if let Some((resolved, text)) = done {
        let word = if resolved { "Resolved" } else { "Opened again" };
        cx.say(format!("{word}: \"{text}\""));
    }
}

/// `C`: the next open comment after the one last gone to, shown where it belongs (its
/// record selected on its screen); round to the first after the last.
pub(super) fn next(app: &mut App) {
    let Some(wb) = app.workbook.as_mut() else { return };
    let account = &wb.doc.account;
    let open: Vec<usize> = (0..account.comments.len())
        .filter(|&i| !account.comments[i].resolved)
        .collect();
    if open.is_empty() {
        return app.say("No open comments");
    }
    let after = wb
        .last_comment
        .map_or(0, |last| open.iter().position(|&i| i > last).unwrap_or(0));
    let at = open.get(after).copied().unwrap_or(open[0]);
    wb.last_comment = Some(at);
    let (anchor, text) = (
        account.comments[at].anchor.clone(),
        first_line(&account.comments[at].text),
    );
    let found = goto(wb, &anchor);
    let n = open.iter().position(|&i| i == at).map_or(1, |k| k + 1);
    let place = if found { "" } else { " (what it was about is gone)" };
    app.say(format!("Comment {n} of {}: \"{text}\"{place}", open.len()));
}

/// Shows the record `anchor` selected on its screen; false when it is gone.
fn goto(wb: &mut Workbook, anchor: &str) -> bool {
    let account = &wb.doc.account;
    let id = crate::domain::ItemId::from_raw(anchor);
    for pane in crate::domain::Pane::ALL {
        let at = match account.items(pane) {
            Some(items) => items.iter().position(|it| it.id == id),
            None => account.people.iter().position(|p| p.id == id),
        };
        if let Some(i) = at {
            wb.filter = Default::default();
            (wb.screen, wb.world.pane) = (Screen::World, pane);
            wb.world.selected[pane.index()] = i;
            return true;
        }
    }
    if let Some(i) = account.questions.iter().position(|q| q.id == id) {
        wb.filter = Default::default();
        (wb.screen, wb.questions.focus, wb.questions.plan_row) = (Screen::Questions, super::Focus::Plan, i);
        return true;
    }
    if let Some(i) = account.turns.iter().position(|t| t.id == id) {
        (wb.screen, wb.turns.row) = (Screen::Rehearse, i);
        return true;
    }
    if let Some(i) = account.tasks.iter().position(|t| t.id == id) {
        (wb.screen, wb.call.focus, wb.call.task_row) = (Screen::Call, super::call::CallFocus::Tasks, i);
        return true;
    }
    let calls = super::call::calls_in_order(account);
    if let Some(r) = calls.iter().position(|&c| account.calls[c].id == id) {
        (wb.screen, wb.call.focus, wb.call.call_row) = (Screen::Call, super::call::CallFocus::Calls, r);
        return true;
    }
    let check = anchor.strip_prefix("check:").and_then(|c| {
        crate::domain::scorecard::RUBRIC
            .iter()
            .position(|(id, ..)| *id == c)
    });
    if let Some(row) = check {
        (wb.screen, wb.review.focus, wb.review.check_row) =
            (Screen::Review, super::review::ReviewFocus::Checks, row);
        return true;
    }
    false
}
