//! The frame around every screen: title and tabs, status line, key hints.

use super::theme;
use crate::app::{Access, App, Screen};
use crate::domain::text::first_line;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The top line: the program, the account, the screens.
pub fn header(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = vec![
        Span::styled(" callbook ", theme::key()),
        Span::styled("│ ", theme::dim()),
    ];
    match &app.workbook {
        Some(wb) => {
            spans.push(Span::styled(first_line(&wb.doc.account.name), theme::heading()));
            spans.push(Span::styled(" │ ", theme::dim()));
            for screen in Screen::all() {
                let style = if screen == wb.screen {
                    theme::selected()
                } else {
                    theme::dim()
                };
                let tab = format!(" {} {} ", screen.number(), screen.title());
                spans.push(Span::styled(tab, style));
            }
        }
        None => spans.push(Span::styled("Accounts", theme::heading())),
    }
    frame.render_widget(Line::from(spans), area);
}

/// The status line: the last message on the left, the save state on the right.
pub fn status(frame: &mut Frame, area: Rect, app: &App) {
    let state = save_state(app);
    let width = u16::try_from(state.width()).unwrap_or(0).min(area.width / 2);
    let [left, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    let style = if app.status.error {
        theme::error()
    } else {
        theme::dim().remove_modifier(ratatui::style::Modifier::DIM)
    };
    frame.render_widget(
        Span::styled(format!(" {}", first_line(&app.status.text)), style),
        left,
    );
    frame.render_widget(Paragraph::new(state).alignment(Alignment::Right), right);
}

fn save_state(app: &App) -> Line<'static> {
    let Some(wb) = &app.workbook else {
        return Line::default();
    };
    let filter = wb.filter.needle();
    let mut spans = Vec::new();
    if !filter.is_empty() || wb.filter.active {
        spans.push(Span::styled(
            format!("filter: {} ", first_line(&filter)),
            theme::key(),
        ));
    }
    let doc = &wb.doc;
    spans.push(match (doc.access, &doc.save_error, doc.dirty, doc.saved_once) {
        (Access::NewerSchema(_), ..) => Span::styled("read-only ", theme::error()),
        (_, Some(_), ..) => Span::styled("NOT SAVED ", theme::error()),
        (_, None, true, _) => Span::styled("unsaved ", theme::error()),
        (Access::Review, None, false, _) => Span::styled("review ", theme::key()),
        (_, None, false, true) => Span::styled("saved ", theme::ok()),
        (_, None, false, false) => Span::styled("", theme::dim()),
    });
    Line::from(spans)
}

/// The bottom line: the keys that apply where the user is, from the keymap table.
pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = vec![Span::raw(" ")];
    for scope in app.scopes() {
        for (key, help) in app.keys.help_rows(scope, true) {
            spans.push(Span::styled(key, theme::key()));
            spans.push(Span::styled(format!(" {help}  "), theme::dim()));
        }
    }
    frame.render_widget(Line::from(spans), area);
}
