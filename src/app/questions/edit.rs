//! The question editor: opening it on a plan question, saving it (an opinion is kept only
//! on purpose), and taking the linter's rewrite.

use super::{Focus, QuestionsState};
use crate::app::context::{Ctx, save_form};
use crate::app::document::ChangeKind;
use crate::app::editor::{EditForm, Editor};
use crate::app::{Action, Overlay, Scope};
use crate::domain::lint::{Kind, lint};
use crate::domain::plan::{self, QuestionForm};
use crate::domain::text::first_line;

/// Opens the question editor on plan question `at`, or on a new one.
pub(in crate::app) fn open_editor(cx: &mut Ctx, q: &mut QuestionsState, at: Option<usize>) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    q.focus = Focus::Plan;
    let account = &cx.doc.account;
    let question = at.and_then(|i| account.questions.get(i));
    let form = question.map(QuestionForm::from).unwrap_or_default();
    let mut editor = Editor::new(EditForm::Question(form), at);
    editor.context = question
        .and_then(|q| plan::first_link(account, q))
        .map(|(_, text)| text.to_owned());
    cx.show(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in the question editor. A question the linter judges an opinion or leading is
/// kept only deliberately: the first Ctrl-s explains, the second keeps it, marked. Returns
/// the editor when it stays open.
pub(in crate::app) fn save_editor(
    cx: &mut Ctx,
    q: &mut QuestionsState,
    mut editor: Box<Editor>,
) -> Option<Box<Editor>> {
    let EditForm::Question(form) = editor.form() else {
        return Some(editor);
    };
    let verdict = lint(&form.text, editor.context.as_deref());
    let was_kept = editor
        .at
        .and_then(|i| cx.doc.account.questions.get(i))
        .is_some_and(|q| q.kept && q.text == form.text.trim());
    if verdict.is_concern() && !editor.armed && !was_kept {
        let rule = verdict.flags.first().map_or("", |f| f.rule.explain());
        let (save, rewrite) = (
            cx.key(Scope::Editor, Action::Save),
            cx.key(Scope::Editor, Action::UseRewrite),
        );
        editor.error = Some(format!(
            "This reads as {}: {rule}. {save} again keeps it, marked; {rewrite} takes the rewrite.",
            described(verdict.kind)
        ));
        editor.armed = true;
        return Some(editor);
    }
    let verb = if editor.at.is_some() { "Changed" } else { "Added" };
    let title = first_line(&form.text);
    let saved = save_form(cx, editor, |account, editor, now| {
        let kept = verdict.is_concern();
        form.apply(account, editor.at, kept, now)
            .map_err(|e| e.to_string())
    });
    if let Ok(Some(i)) = saved {
        select_question(cx, q, i);
        cx.say(format!("{verb} question \"{title}\""));
    }
    saved.err()
}

/// The linter's verdict in words, for messages.
pub(in crate::app) fn described(kind: Kind) -> &'static str {
    match kind {
        Kind::Question => "a question",
        Kind::Leading => "a leading question",
        Kind::Opinion => "an opinion",
        Kind::Statement => "a statement",
    }
}

/// Ctrl-g in the question editor: replace the text with the linter's rewrite.
pub(in crate::app) fn use_rewrite(cx: &mut Ctx, editor: &mut Editor) {
    let text = editor.first_text();
    match lint(&text, editor.context.as_deref()).suggestion {
        Some(rewrite) => editor.set_text(&rewrite),
        None => cx.say("No rewrite to offer: the linter has no objection"),
    }
}

/// Selects plan question `i`, clearing the filter if it hides it.
fn select_question(cx: &mut Ctx, q: &mut QuestionsState, i: usize) {
    *cx.filter = Default::default();
    (q.searched, q.focus, q.plan_row) = (None, Focus::Plan, i);
}
