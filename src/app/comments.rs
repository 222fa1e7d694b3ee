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
