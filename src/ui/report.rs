//! The team report, drawn in place of the picker's list: one row per account with its
//! score, band, a mark per check and its open comments; below, what the selected account
//! fails and what Enter does. The legend counts what was left out: damaged files and
//! disqualified accounts.

use super::theme;
use crate::app::report::{TeamReport, marks};
use crate::app::{Action, Keymap, Scope, fit, layout};
use crate::domain::scorecard::{Band, Verdict};
use crate::domain::text::first_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

/// The columns after the name: score, band, checks, comments.
const WIDTHS: [u16; 4] = [5, 8, 12, 8];

/// Draws the report into `area`.
pub fn render(frame: &mut Frame, area: Rect, report: &TeamReport, keys: &Keymap) {
    let order = if report.by_name { "by name" } else { "worst first" };
    let mut legend = " ✓ pass · ✗ fail · · not tested ".to_owned();
    if report.damaged > 0 {
        let files = match report.damaged {
            1 => "1 file can't be read, left out".to_owned(),
            n => format!("{n} files can't be read, left out"),
        };
        legend.push_str(&format!("· {files} "));
    }
    if report.disqualified > 0 {
        let n = report.disqualified;
        let s = if n == 1 { "" } else { "s" };
        legend.push_str(&format!("· {n} disqualified account{s} left out "));
    }
    let block = Block::bordered()
        .title(format!(" The team report, {order} "))
        .title_bottom(Line::styled(legend, theme::dim()))
        .border_style(theme::focused());
    if report.rows.is_empty() {
        let back = keys.key(Scope::Report, &Action::Back);
        let why = match report.disqualified {
            0 => "No account can be read",
            _ => "Every readable account is disqualified",
        };
        let text = Paragraph::new(format!(
            " {why}, so there is nothing to report. {back} goes back."
        ))
        .block(block);
        frame.render_widget(text, area);
        return;
    }
    let (area, about_area) = layout::picker(area);
    frame.render_widget(
        Paragraph::new(about(report, keys))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme::unfocused())),
        about_area,
    );
    let inner = layout::inner(area);
    let list_height = inner.height.saturating_sub(1);
    let first = layout::list_offset(report.selected, list_height);
    let fixed: u16 = WIDTHS.iter().map(|w| w + 1).sum();
    let name_width = usize::from(inner.width.saturating_sub(fixed));
    let rows: Vec<Row> = report
        .rows
        .iter()
        .skip(first)
        .take(usize::from(list_height))
        .map(|r| {
            let score = r.card.score().map_or("–".to_owned(), |s| s.to_string());
            let comments = match r.open_comments {
                0 => Cell::from(""),
                n => Cell::from(format!("⚑ {n:>3}")).style(theme::quote()),
            };
            Row::new([
                Cell::from(fit::cut(&first_line(&r.name), name_width)),
                Cell::from(format!("{score:>4}")),
                Cell::from(r.card.band().word()).style(band_style(r.card.band())),
                Cell::from(marks(&r.card)),
                comments,
            ])
        })
        .collect();
    let widths = std::iter::once(Constraint::Fill(1)).chain(WIDTHS.map(Constraint::Length));
    let header = Row::new(
        ["Account", "Score", "Band", "Checks", "Comments"].map(|h| Cell::from(h).style(theme::dim())),
    );
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme::selected());
    let mut state = TableState::default().with_selected(Some(report.selected - first));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The band's colour: the weak bands stand out.
fn band_style(band: Band) -> ratatui::style::Style {
    match band {
        Band::Below => theme::error(),
        Band::Untested => theme::dim(),
        _ => ratatui::style::Style::new(),
    }
}

/// Below the table: the selected account's failed checks and the keys.
fn about(report: &TeamReport, keys: &Keymap) -> Text<'static> {
    let key = |action| keys.key(Scope::Report, &action);
    let Some(row) = report.rows.get(report.selected) else {
        return Text::default();
    };
    let failed: Vec<&str> = row
        .card
        .checks
        .iter()
        .filter(|c| c.verdict == Verdict::Fail)
        .map(|c| c.title)
        .collect();
    let mut lines = vec![Line::from(vec![
        Span::styled(first_line(&row.name), theme::heading()),
        Span::styled(
            format!("  {} of {} checks pass", row.card.passed(), row.card.tested()),
            theme::dim(),
        ),
    ])];
    lines.push(match failed.is_empty() {
        true => Line::raw("Nothing tested fails."),
        false => Line::raw(format!("Fails: {}.", failed.join("; "))),
    });
    lines.push(Line::styled(
        format!(
            "{} opens it in review mode · {} {} · {} back to the accounts",
            key(Action::Edit),
            key(Action::CycleStatus),
            if report.by_name { "worst first" } else { "by name" },
            key(Action::Back),
        ),
        theme::dim(),
    ));
    Text::from(lines)
}
