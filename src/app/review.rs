//! Screen 5, review: the scorecard (every check, what it found, where to fix it) beside the
//! comments (open ones first). Enter on a check goes where it is fixed; on a comment, to
//! what it is about. The same screen serves the rep, who replies and resolves.

use super::comments;
use super::context::Ctx;
use super::editor::{EditForm, Editor};
use super::reading::{Pieces, Reading, Scroll, Tone};
use super::{Action, Overlay, Screen, Workbook};
use crate::domain::comment::{CommentForm, anchor_label};
use crate::domain::scorecard::{self, Part, Verdict};
use crate::domain::text::first_line;
use crate::domain::{Account, Pane};

/// Which list of the review screen has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewFocus {
    /// The scorecard's checks.
    #[default]
    Checks,
    /// The comments.
    Comments,
}

/// The review screen's view state, and the scorecard derived for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewView {
    /// The focused list.
    pub focus: ReviewFocus,
    /// The selected check.
    pub check_row: usize,
    /// The selected comment, as a row of [`comment_order`].
    pub comment_row: usize,
    /// How far the detail is scrolled.
    pub detail: Scroll,
    /// The scorecard, and the revision of the account it was judged at ([`refresh`]).
    pub card: Option<(u64, scorecard::Scorecard)>,
}

/// Judges the account again when it changed since its scorecard was made, while the review
/// screen shows: the refresh step of `update`, so the view only reads the result.
pub(super) fn refresh(
    wb: &mut Workbook,
    team: &crate::domain::team::Team,
    now: chrono::DateTime<chrono::Utc>,
) {
    if wb.screen != Screen::Review {
        return;
    }
    let revision = wb.doc.revision;
    if wb.review.card.as_ref().is_none_or(|(at, _)| *at != revision) {
        wb.review.card = Some((revision, scorecard::scorecard(&wb.doc.account, team, now)));
    }
}

/// The comments in the order the screen lists them: open ones first, then resolved, each in
/// the order written.
pub fn comment_order(account: &Account) -> Vec<usize> {
    let mut order: Vec<usize> = (0..account.comments.len()).collect();
    order.sort_by_key(|&i| account.comments[i].resolved);
    order
}

/// The selected check's comment anchor, or the selected comment's anchor.
pub(super) fn selected_anchor(wb: &Workbook) -> Option<String> {
    let account = &wb.doc.account;
    match wb.review.focus {
        ReviewFocus::Checks => scorecard::RUBRIC
            .get(wb.review.check_row)
            .map(|(id, ..)| format!("check:{id}")),
        ReviewFocus::Comments => {
            let order = comment_order(account);
            order
                .get(wb.review.comment_row)
                .map(|&i| account.comments[i].anchor.clone())
        }
    }
}

/// A comment as a row: open or resolved, its author, what it is about, its text.
pub fn comment_row(account: &Account, i: usize) -> Pieces {
    let c = &account.comments[i];
    let (tone, mark) = if c.resolved {
        (Tone::Good, "✓ ")
    } else {
        (Tone::Warn, "● ")
    };
    let about = anchor_label(account, &c.anchor).unwrap_or_else(|| "(what it was about is gone)".to_owned());
    vec![
        (tone, mark.to_owned()),
        (Tone::Dim, format!("{} on {about}: ", first_line(&c.author))),
        (Tone::Plain, first_line(&c.text)),
    ]
}

/// A check as a row: its verdict and title.
pub fn check_row(check: &scorecard::Check) -> Pieces {
    let (tone, mark) = match check.verdict {
        Verdict::Pass => (Tone::Good, "✓ "),
        Verdict::Fail => (Tone::Bad, "✗ "),
        Verdict::NotTested => (Tone::Dim, "· "),
    };
    vec![(tone, mark.to_owned()), (Tone::Plain, check.title.to_owned())]
}

/// The selected check or comment in full.
pub fn detail(account: &Account, view: &ReviewView, card: &scorecard::Scorecard) -> Reading {
    let mut r = Reading::default();
    match view.focus {
        ReviewFocus::Checks => {
            if let Some(check) = card.checks.get(view.check_row) {
                r.pieces(check_row(check));
                r.line(Tone::Plain, check.why.clone());
                let what = scorecard::RUBRIC
                    .iter()
                    .find(|(id, ..)| *id == check.id)
                    .map_or("", |(_, _, what)| what);
                r.line(Tone::Dim, what.to_owned());
            }
        }
        ReviewFocus::Comments => {
            let order = comment_order(account);
            if let Some(c) = order.get(view.comment_row).map(|&i| &account.comments[i]) {
                let about = anchor_label(account, &c.anchor)
                    .unwrap_or_else(|| "what it was about is gone".to_owned());
                r.line(
                    Tone::Dim,
                    format!("{} on {about}, {}", c.author, c.at.format("%Y-%m-%d %H:%M")),
                );
                r.block(Tone::Plain, "", &c.text);
                for reply in &c.replies {
                    r.line(
                        Tone::Dim,
                        format!(
                            "  {} replied, {}:",
                            reply.author,
                            reply.at.format("%Y-%m-%d %H:%M")
                        ),
                    );
                    r.block(Tone::Quote, "    ", &reply.text);
                }
            }
        }
    }
    r
}

/// Applies an action on the review screen; `author` signs replies.
pub(super) fn update(
    cx: &mut Ctx,
    wb_view: (&mut ReviewView, &mut Screen, &mut super::WorldView),
    action: Action,
) {
    let (view, screen, world) = wb_view;
    let before = (view.focus, view.check_row, view.comment_row);
    let fix = view
        .card
        .as_ref()
        .and_then(|(_, card)| card.checks.get(view.check_row))
        .map(|c| c.fix);
    let account = &cx.doc.account;
    let len = match view.focus {
        ReviewFocus::Checks => scorecard::RUBRIC.len(),
        ReviewFocus::Comments => account.comments.len(),
    };
    let row = match view.focus {
        ReviewFocus::Checks => &mut view.check_row,
        ReviewFocus::Comments => &mut view.comment_row,
    };
    match action {
        Action::NextPane | Action::PrevPane => {
            view.focus = match view.focus {
                ReviewFocus::Checks => ReviewFocus::Comments,
                ReviewFocus::Comments => ReviewFocus::Checks,
            }
        }
        Action::Up | Action::ScrollUp(..) => *row = row.saturating_sub(1),
        Action::Down | Action::ScrollDown(..) => *row = (*row + 1).min(len.saturating_sub(1)),
        Action::Top => *row = 0,
        Action::Bottom => *row = len.saturating_sub(1),
        Action::Edit => jump(cx, view, fix, (screen, world)),
        Action::Add | Action::Resolve if view.focus == ReviewFocus::Checks => {
            let tab = cx.key(super::Scope::Screen(Screen::Review), Action::NextPane);
            cx.say(format!(
                "Replies and resolving are for comments: {tab} goes to them"
            ));
        }
        Action::Add => reply(cx, view),
        Action::Resolve => {
            let at = comment_order(&cx.doc.account).get(view.comment_row).copied();
            match at {
                Some(_) => comments::toggle_resolved(cx, at),
                None => cx.say("No comments yet"),
            }
        }
        _ => {}
    }
    if (view.focus, view.check_row, view.comment_row) != before {
        view.detail = Scroll::default();
    }
}

fn reply(cx: &mut Ctx, view: &ReviewView) {
    let Some(at) = comment_order(&cx.doc.account).get(view.comment_row).copied() else {
        return cx.say("No comments yet");
    };
    cx.show(Overlay::Editor(Box::new(Editor::new(
        EditForm::Reply(at, CommentForm::default()),
        None,
    ))));
}

/// Enter: to where the selected check is fixed, or to what the selected comment is about.
fn jump(
    cx: &mut Ctx,
    view: &ReviewView,
    fix: Option<Part>,
    (screen, world): (&mut Screen, &mut super::WorldView),
) {
    let account = &cx.doc.account;
    let part = match view.focus {
        ReviewFocus::Checks => fix,
        ReviewFocus::Comments => comment_order(account)
            .get(view.comment_row)
            .and_then(|&i| part_of(account, &account.comments[i].anchor)),
    };
    let Some(part) = part else {
        return cx.say("Nothing to go to: no comment selected, or what it was about is gone");
    };
    *screen = match part {
        Part::World(pane) => {
            world.pane = pane;
            Screen::World
        }
        Part::Questions => Screen::Questions,
        Part::Turns => Screen::Rehearse,
        Part::Journey | Part::Calls => Screen::Call,
        Part::Fit => Screen::Fit,
    };
}

/// The part of the account a comment's anchor is in.
fn part_of(account: &Account, anchor: &str) -> Option<Part> {
    let id = crate::domain::ItemId::from_raw(anchor);
    if let Some((pane, _)) = crate::domain::plan::find_item(account, &id) {
        return Some(Part::World(pane));
    }
    if account.people.iter().any(|p| p.id == id) {
        return Some(Part::World(Pane::People));
    }
    if account.questions.iter().any(|q| q.id == id) {
        return Some(Part::Questions);
    }
    if account.turns.iter().any(|t| t.id == id) {
        return Some(Part::Turns);
    }
    if account.scenarios.iter().any(|s| s.id == id) || anchor == "check:sweet-spot" {
        return Some(Part::Fit);
    }
    (account.tasks.iter().any(|t| t.id == id) || account.calls.iter().any(|c| c.id == id))
        .then_some(Part::Calls)
}
