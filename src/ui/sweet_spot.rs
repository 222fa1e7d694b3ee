//! Screen 6, the fit: the sweet spot's criteria with the account's answers under the verdict,
//! the usage scenarios, and the selected one in full. What it says comes from
//! `app::sweet_spot::text`; this styles and draws it.

use super::panes::{self, ListRows};
use super::theme;
use crate::app::reading::Tone;
use crate::app::sweet_spot::{FitFocus, text};
use crate::app::{App, Workbook, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the fit screen into `body`.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let areas = layout::fit(body);
    render_criteria(frame, areas.criteria, wb, app);
    render_scenarios(frame, areas.scenarios, wb, app);
    let block = Block::bordered()
        .title(match wb.fit.focus {
            FitFocus::Criteria => " The selected criterion ",
            FitFocus::Scenarios => " The selected scenario ",
        })
        .border_style(theme::unfocused());
    let detail = wb.fit.detail(&wb.doc.account, &app.team, &app.keys);
    panes::reading(frame, areas.detail, block, &detail, wb.fit.detail.top, &app.keys);
}

fn block(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    })
}

fn render_criteria(frame: &mut Frame, area: Rect, wb: &Workbook, app: &App) {
    let account = &wb.doc.account;
    let team = &app.team;
    let focused = wb.fit.focus == FitFocus::Criteria;
    let (tone, verdict) = text::verdict(account, team);
    let mut b = block(format!(" {verdict} "), focused);
    if matches!(tone, Tone::Bad) {
        b = b.border_style(theme::error());
    }
    if team.criteria().is_empty() {
        let hint = Paragraph::new(text::no_criteria(&app.keys))
            .style(theme::dim())
            .wrap(Wrap { trim: true });
        frame.render_widget(hint.block(b), area);
        return;
    }
    let row = |i: usize| text::criterion_row(account, team, i);
    let rows = ListRows {
        len: team.criteria().len(),
        selected: wb.fit.criterion_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, b, &rows);
}

fn render_scenarios(frame: &mut Frame, area: Rect, wb: &Workbook, app: &App) {
    let account = &wb.doc.account;
    let team = &app.team;
    let focused = wb.fit.focus == FitFocus::Scenarios;
    let title = text::scenarios_title(account, team);
    if account.scenarios.is_empty() {
        let hint = Paragraph::new(text::no_scenarios(account, team, &app.keys))
            .style(theme::dim())
            .wrap(Wrap { trim: true });
        frame.render_widget(hint.block(block(title, focused)), area);
        return;
    }
    let row = |r: usize| text::scenario_row(account, team, r);
    let rows = ListRows {
        len: account.scenarios.len(),
        selected: wb.fit.scenario_row,
        focused,
        row: &row,
    };
    panes::list(frame, area, block(title, focused), &rows);
}
