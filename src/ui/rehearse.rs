//! Screen 3: the anticipated turns with their readiness and the selected turn; a session
//! under way draws itself (`session.rs`).

use super::panes;
use super::theme;
use crate::app::keymap::Scope;
use crate::app::rehearse::text;
use crate::app::{Action, App, Screen, Workbook, fit, layout};
use crate::domain::turn::Turn;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};
/// Draws screen 3: a session when one is under way, the turn list otherwise.
pub fn render(frame: &mut Frame, body: Rect, app: &App, wb: &Workbook) {
    match &app.rehearsal {
        Some(session) => super::session::render(frame, body, (app, wb), session),
        None => render_list(frame, body, wb, app),
    }
}

/// The rehearse screen's scope, where its hints look keys up.
const REHEARSE: Scope = Scope::Screen(Screen::Rehearse);

fn render_list(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let (now, keys) = (app.now(), &app.keys);
    let (list, detail) = layout::rehearse(body);
    let turns = &wb.doc.account.turns;
    let due = turns.iter().filter(|t| t.due() <= now).count();
    let never = turns.iter().filter(|t| t.attempts.is_empty()).count();
    let title = format!(
        " Turns ({}): {due} due now, {never} never rehearsed ",
        turns.len()
    );
    let block = Block::bordered().title(title).border_style(theme::focused());
    if turns.is_empty() {
        let hint = format!(
            "No anticipated turns yet. {} offers turns suggested from their world and common ones; {} writes one.",
            keys.key(REHEARSE, &Action::Suggest),
            keys.key(REHEARSE, &Action::Add)
        );
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme::dim())
                .wrap(Wrap { trim: true })
                .block(block),
            list,
        );
        frame.render_widget(Block::bordered().border_style(theme::unfocused()), detail);
        return;
    }
    let header = Row::new(
        ["Kind", "What the customer says", "Tries", "Last", "Due", "Ready"]
            .map(|h| Cell::from(h).style(theme::dim())),
    );
    let visible = wb.visible_turns();
    if visible.is_empty() {
        let clear = keys.key(REHEARSE, &Action::Back);
        let text = Paragraph::new(format!("No turn matches the filter. {clear} clears it."))
            .style(theme::dim())
            .block(block);
        frame.render_widget(text, list);
        return;
    }
    let selected = visible.iter().position(|&i| i == wb.turns.row).unwrap_or(0);
    let inner = layout::inner(list);
    let height = inner.height.saturating_sub(1);
    let first = layout::list_offset(selected, height);
    let shown = visible.iter().skip(first).take(usize::from(height));
    let line_width = usize::from(inner.width.saturating_sub(FIXED + GAPS));
    let account = &wb.doc.account;
    let rows: Vec<Row> = shown
        .map(|&i| turn_row((account, &turns[i]), now, line_width))
        .collect();
    let widths = [KIND, 0, 5, 5, 7, 6].map(|w| match w {
        0 => Constraint::Fill(1),
        w => Constraint::Length(w),
    });
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme::selected());
    let mut state = TableState::default().with_selected(Some(selected - first));
    frame.render_stateful_widget(table, list, &mut state);
    let turn = &turns[wb.turns.row.min(turns.len() - 1)];
    let block = Block::bordered()
        .title(" The selected turn ")
        .border_style(theme::unfocused());
    let text = text::detail(&wb.doc.account, turn, keys);
    panes::reading(frame, detail, block, &text, wb.turns.detail.top, keys);
}

/// The kind column: wide enough for the longest kind's word.
const KIND: u16 = 9;
/// Cells the fixed columns take (kind, tries, last, due, ready).
const FIXED: u16 = KIND + 5 + 5 + 7 + 6;
/// Cells between the six columns.
const GAPS: u16 = 5;

/// A turn's row: its kind in words, its line cut with `…` to `width`, and its numbers.
fn turn_row(
    (account, t): (&crate::domain::Account, &Turn),
    now: DateTime<Utc>,
    width: usize,
) -> Row<'static> {
    let [tries, last, due, ready] = text::cells(t, now);
    Row::new([
        Cell::from(t.kind.name()),
        Cell::from(fit::cut(&text::line(account, t), width)),
        Cell::from(tries),
        Cell::from(last),
        Cell::from(due),
        Cell::from(ready),
    ])
}
