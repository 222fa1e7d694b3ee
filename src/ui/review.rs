//! Screen 5, review: the scorecard and the comments, and the selected one in full. What it
//! says comes from `app::review`; this styles and draws it.

use super::panes::{self, ListRows};
use super::theme;
use crate::app::review::{self, ReviewFocus, comment_order};
use crate::app::{App, Workbook, layout};
use crate::domain::scorecard::{self, Band};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the review screen into `body`.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let account = &wb.doc.account;
    // The scorecard was judged in the refresh step; a frame drawn before one judges it here.
    let fresh;
    let card = match &wb.review.card {
        Some((_, card)) => card,
        None => {
            fresh = scorecard::scorecard(account, &app.team, app.now());
            &fresh
        }
    };
    let areas = layout::call(body);
    let (checks_area, comments_area) = (stack(areas.journey, areas.tasks), areas.calls);
    let focused = wb.review.focus == ReviewFocus::Checks;
    let score = match card.score() {
        Some(s) => format!("{s} · {}", band(card.band())),
        None => "nothing to judge yet".to_owned(),
    };
    let block = bordered(format!(" Scorecard: {score} "), focused);
    let row = |i: usize| review::check_row(&card.checks[i]);
    let rows = ListRows {
        len: card.checks.len(),
        selected: wb.review.check_row,
        focused,
        row: &row,
    };
    panes::list(frame, checks_area, block, &rows);
    let order = comment_order(account);
    let open = account.comments.iter().filter(|c| !c.resolved).count();
    let block = bordered(format!(" Comments ({open} open) "), !focused);
    if order.is_empty() {
        let hint = "No comments yet. A coach comments on anything selected, on any screen.";
        let text = Paragraph::new(hint).style(theme::dim()).wrap(Wrap { trim: true });
        frame.render_widget(text.block(block), comments_area);
    } else {
        let row = |r: usize| review::comment_row(account, order[r]);
        let rows = ListRows {
            len: order.len(),
            selected: wb.review.comment_row,
            focused: !focused,
            row: &row,
        };
        panes::list(frame, comments_area, block, &rows);
    }
    let block = Block::bordered()
        .title(" The selected one ")
        .border_style(theme::unfocused());
    let detail = review::detail(account, &wb.review, card);
    panes::reading(
        frame,
        areas.detail,
        block,
        &detail,
        wb.review.detail.top,
        &app.keys,
    );
}

/// One rectangle over two stacked ones.
fn stack(top: Rect, bottom: Rect) -> Rect {
    top.union(bottom)
}

fn bordered(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    })
}

fn band(b: Band) -> &'static str {
    match b {
        Band::Gold => "Gold",
        Band::Silver => "Silver",
        Band::Bronze => "Bronze",
        Band::Below => "below Bronze",
        Band::Untested => "untested",
    }
}
