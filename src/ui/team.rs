//! The team's files popup: what we offer, each with a mark when the linter finds its
//! description a feature list or our language, above the sweet spot's criteria; below them
//! what is wrong with the selected entry and with the lists as a whole.

use super::overlay::popup;
use super::theme;
use crate::app::keymap::Scope;
use crate::app::team::TeamFocus;
use crate::app::{App, fit, layout};
use crate::domain::offering::{concerns, list_warnings};
use crate::domain::sweet_spot::criteria_warnings;
use crate::domain::text::first_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// Draws the popup over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let rect = popup(
        frame,
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2),
    );
    let room = usize::from(rect.width).saturating_sub(4);
    let keys = fit::cut(&app.keys.hint_line(Scope::Team, &[]), room);
    let outer = Block::bordered()
        .title(" The team's offerings and sweet spot ")
        .title_bottom(format!(" {keys} "))
        .border_style(theme::focused());
    let inner = layout::inner(rect);
    frame.render_widget(outer, rect);
    let [offerings, criteria, notes] = Layout::vertical([
        Constraint::Percentage(50),
        Constraint::Percentage(50),
        Constraint::Length(6),
    ])
    .areas(inner);
    let view = &app.team_view;
    let team = &app.team;
    // Rows are cut with `…` to the list's width; the selected one reads in full below.
    let width = usize::from(layout::inner(offerings).width).saturating_sub(2);
    let rows: Vec<ListItem> = team
        .offerings()
        .iter()
        .map(|o| {
            let mark = if concerns(o).is_empty() {
                Span::raw("  ")
            } else {
                Span::styled("⚠ ", theme::tone(crate::app::reading::Tone::Warn))
            };
            let name = fit::cut(&first_line(&o.name), width);
            let rest = width.saturating_sub(fit::width(&name) + 2);
            ListItem::new(Line::from(vec![
                mark,
                Span::styled(name, theme::heading()),
                Span::raw(": "),
                Span::raw(fit::cut(&first_line(&o.problem), rest)),
            ]))
        })
        .collect();
    let title = format!(" What we offer ({}) · offerings.json ", rows.len());
    list(
        frame,
        offerings,
        (title, rows),
        (view.focus == TeamFocus::Offerings, view.rows[0]),
    );
    let rows: Vec<ListItem> = team
        .criteria()
        .iter()
        .map(|c| ListItem::new(format!("  {}", fit::cut(&first_line(&c.question), width))))
        .collect();
    let title = format!(
        " Who fits: the sweet spot's criteria ({}) · sweet-spot.json ",
        rows.len()
    );
    list(
        frame,
        criteria,
        (title, rows),
        (view.focus == TeamFocus::Criteria, view.rows[1]),
    );
    frame.render_widget(Paragraph::new(notes_lines(app)).wrap(Wrap { trim: true }), notes);
}

/// One of the two lists, with its selection shown when focused.
fn list(
    frame: &mut Frame,
    area: Rect,
    (title, rows): (String, Vec<ListItem>),
    (focused, row): (bool, usize),
) {
    let empty = rows.is_empty();
    let block = Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    });
    if empty {
        let hint = Paragraph::new("  Nothing yet.").style(theme::dim()).block(block);
        frame.render_widget(hint, area);
        return;
    }
    let height = layout::inner(area).height;
    let list = List::new(rows).block(block).highlight_style(if focused {
        theme::selected()
    } else {
        theme::unfocused()
    });
    let mut state = ListState::default()
        .with_offset(layout::list_offset(row, height))
        .with_selected(focused.then_some(row));
    frame.render_stateful_widget(list, area, &mut state);
}

/// What is wrong with the selected offering, then with the lists as a whole.
fn notes_lines(app: &App) -> Vec<Line<'static>> {
    let team = &app.team;
    let view = &app.team_view;
    let mut lines = Vec::new();
    if view.focus == TeamFocus::Criteria
        && let Some(c) = team.criteria().get(view.rows[1])
    {
        lines.push(Line::raw(first_line(&c.question)));
    }
    if view.focus == TeamFocus::Offerings
        && let Some(o) = team.offerings().get(view.rows[0])
    {
        lines.push(Line::from(vec![
            Span::styled(first_line(&o.name), theme::heading()),
            Span::raw(format!(": {}", first_line(&o.problem))),
        ]));
        for c in concerns(o) {
            lines.push(Line::styled(
                format!("⚠ {}: {c}", first_line(&o.name)),
                theme::tone(crate::app::reading::Tone::Warn),
            ));
        }
    }
    let warnings = list_warnings(&team.offerings)
        .into_iter()
        .chain(criteria_warnings(&team.sweet_spot));
    for w in warnings {
        lines.push(Line::styled(format!("· {w}"), theme::dim()));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            "Each offering by the customer's problem it solves; each criterion a yes/no question.",
            theme::dim(),
        ));
    }
    lines
}
