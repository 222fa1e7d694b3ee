//! Screen 4, the call: where the customer stands, their tasks, the calls, and the selected
//! task or call in full. What it says comes from `app::call::text`; this styles and draws it.

use super::panes::{self, ListRows};
use super::theme;
use crate::app::call::{CallFocus, calls_in_order, text};
use crate::app::{App, Workbook, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the call screen into `body`.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let areas = layout::call(body);
    let account = &wb.doc.account;
    let stalled = crate::domain::progress::stalled(account, app.now().date_naive());
    let title = match &stalled {
        Some(why) => format!(" Their journey: stalled, {why} "),
        None => " Their journey ".to_owned(),
    };
    let block = Block::bordered().title(title).border_style(if stalled.is_some() {
        theme::error()
    } else {
        theme::unfocused()
    });
    panes::reading(frame, areas.journey, block, &text::journey(account), 0, &app.keys);
    render_tasks(frame, areas.tasks, wb, app);
    render_calls(frame, areas.calls, wb, app);
    let block = Block::bordered()
        .title(match wb.call.focus {
            CallFocus::Tasks => " The selected task ",
            CallFocus::Calls => " The selected call ",
        })
        .border_style(theme::unfocused());
    let detail = wb.call.detail(account, &app.keys);
    panes::reading(frame, areas.detail, block, &detail, wb.call.detail.top, &app.keys);
}

fn block(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    })
}

fn render_tasks(frame: &mut Frame, area: Rect, wb: &Workbook, app: &App) {
    let account = &wb.doc.account;
    let focused = wb.call.focus == CallFocus::Tasks;
    let open = account.tasks.iter().filter(|t| t.status.is_open()).count();
    let title = format!(" Their tasks ({open} open) ");
    if account.tasks.is_empty() {
        let hint = Paragraph::new(text::no_tasks(&app.keys))
            .style(theme::dim())
            .wrap(Wrap { trim: true });
        frame.render_widget(hint.block(block(title, focused)), area);
        return;
    }
    let warnings = crate::domain::progress::task_warnings(account);
    let title = match warnings.first() {
        Some(w) => format!(" Their tasks ({open} open) · ⚠ {w} "),
        None => title,
    };
    let row = |i: usize| text::task_row(account, i);
    let rows = ListRows {
        len: account.tasks.len(),
        selected: wb.call.task_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, block(title, focused), &rows);
}

fn render_calls(frame: &mut Frame, area: Rect, wb: &Workbook, app: &App) {
    let account = &wb.doc.account;
    let focused = wb.call.focus == CallFocus::Calls;
    let title = format!(" Calls ({}) ", account.calls.len());
    if account.calls.is_empty() {
        let hint = Paragraph::new(text::no_calls(&app.keys))
            .style(theme::dim())
            .wrap(Wrap { trim: true });
        frame.render_widget(hint.block(block(title, focused)), area);
        return;
    }
    let order = calls_in_order(account);
    let row = |r: usize| text::call_row(account, order[r]);
    let rows = ListRows {
        len: order.len(),
        selected: wb.call.call_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, block(title, focused), &rows);
}
