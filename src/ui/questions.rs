//! The questions screen: the plan beside the bank ranked for the account, the selected
//! row's verdict or reasons, and the plan's health.

use super::panes::{self, ListRows};
use super::theme;
use crate::app::questions::text;
use crate::app::{Action, App, Focus, Keymap, Scope, Screen, Workbook, layout};
use crate::domain::health::Health;
use crate::domain::lint::Lint;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The questions screen's scope, where its hints look keys up.
const QUESTIONS: Scope = Scope::Screen(Screen::Questions);

/// Draws the questions screen into `body`. The verdicts and the plan's health were derived
/// in the refresh step; this only reads them.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let areas = layout::questions(body);
    render_plan(frame, areas.plan, wb, &app.keys);
    render_bank(frame, areas.bank, wb);
    render_detail(frame, areas.detail, wb, app);
    render_health(frame, areas.health, &wb.questions.health);
}

fn block(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    })
}

fn render_plan(frame: &mut Frame, area: Rect, wb: &Workbook, keys: &Keymap) {
    let q = &wb.questions;
    let focused = q.focus == Focus::Plan;
    let title = format!(" Plan ({}) ", wb.doc.account.questions.len());
    if q.plan_hits.is_empty() {
        let key = |action| keys.key(QUESTIONS, &action);
        let hint = if wb.doc.account.questions.is_empty() {
            format!(
                "No questions yet. {} goes to the bank, {} adds one; {} writes your own.",
                key(Action::NextPane),
                key(Action::Edit),
                key(Action::Add)
            )
        } else {
            "No question matches the filter.".to_owned()
        };
        let text = Paragraph::new(hint).style(theme::dim()).wrap(Wrap { trim: true });
        frame.render_widget(text.block(block(title, focused)), area);
        return;
    }
    let row = |r: usize| q.plan_row_text(&wb.doc.account, r);
    let rows = ListRows {
        len: q.plan_hits.len(),
        selected: q.plan_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, block(title, focused), &rows);
}

fn render_bank(frame: &mut Frame, area: Rect, wb: &Workbook) {
    let q = &wb.questions;
    let focused = q.focus == Focus::Bank;
    let shown = if q.bank_hits.len() == q.suggestions.len() {
        q.suggestions.len().to_string()
    } else {
        format!("{}/{}", q.bank_hits.len(), q.suggestions.len())
    };
    let title = format!(" Bank, most relevant first ({shown}) ");
    if q.bank_hits.is_empty() {
        let text = Paragraph::new("Nothing in the bank matches the filter.").style(theme::dim());
        frame.render_widget(text.block(block(title, focused)), area);
        return;
    }
    let row = |r: usize| text::bank_row(&q.suggestions[q.bank_hits[r]]);
    let rows = ListRows {
        len: q.bank_hits.len(),
        selected: q.bank_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, block(title, focused), &rows);
}

/// The selected question in full (of the plan or the bank, whichever has focus).
fn render_detail(frame: &mut Frame, area: Rect, wb: &Workbook, app: &App) {
    let q = &wb.questions;
    let title = match q.focus {
        Focus::Plan => " The selected question ",
        Focus::Bank => " Why it is suggested ",
    };
    let block = Block::bordered().title(title).border_style(theme::unfocused());
    let detail = q.detail(&wb.doc.account, &app.bank, &app.keys);
    panes::reading(frame, area, block, &detail, q.detail.top, &app.keys);
}

/// The linter's verdict in one line: kind, open or closed, SPIN type, and what fired.
pub fn verdict_line(v: &Lint, kept: bool) -> Line<'static> {
    panes::line(text::verdict(v, kept))
}

fn render_health(frame: &mut Frame, area: Rect, h: &Health) {
    let warnings = h.warnings();
    let block = Block::bordered()
        .title(" Plan health ")
        .border_style(if warnings.is_empty() {
            theme::unfocused()
        } else {
            theme::quote()
        });
    let mut text = Text::from(Line::raw(h.summary()));
    text.push_line(match warnings.is_empty() {
        true => Line::styled("✓ In shape for a discovery call", theme::ok()),
        false => Line::styled(format!("⚠ {}", warnings.join(" · ")), theme::quote()),
    });
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}
