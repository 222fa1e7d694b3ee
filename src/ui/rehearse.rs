//! Screen 3: the anticipated turns with their readiness and the selected turn; a session
//! under way draws itself (`session.rs`).

use super::session::who;
use super::theme;
use crate::app::keymap::{Keymap, Scope};
use crate::app::{Action, App, Screen, Workbook, layout};
use crate::domain::schedule;
use crate::domain::text::{clean, first_line};
use crate::domain::turn::Turn;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
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
    let rows: Vec<Row> = visible.iter().map(|&i| turn_row(&turns[i], now)).collect();
    let widths = [5, 0, 5, 5, 10, 6].map(|w| {
        if w == 0 {
            Constraint::Fill(1)
        } else {
            Constraint::Length(w)
        }
    });
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme::selected());
    let height = layout::inner(list).height.saturating_sub(1);
    let mut state = TableState::default()
        .with_offset(layout::list_offset(selected, height))
        .with_selected(Some(selected));
    frame.render_stateful_widget(table, list, &mut state);
    let turn = &turns[wb.turns.row.min(turns.len() - 1)];
    render_turn_detail(frame, detail, (wb, keys), turn);
}

fn turn_row(t: &Turn, now: DateTime<Utc>) -> Row<'static> {
    let kind = t.kind.name().chars().take(4).collect::<String>();
    let last = t.attempts.last().map_or("-".to_owned(), |a| a.grade.to_string());
    let ready = match schedule::readiness(t.schedule.as_ref(), now) {
        Some(r) => format!("{:>3.0}%", r * 100.0),
        None => "new".to_owned(),
    };
    let draft = if t.draft.is_some() { " ✎" } else { "" };
    Row::new([
        Cell::from(kind),
        Cell::from(format!("{}{draft}", first_line(&t.line))),
        Cell::from(format!("{:>4}", t.attempts.len())),
        Cell::from(format!("{:>4}", last)),
        Cell::from(due_words(t.due(), now)),
        Cell::from(ready),
    ])
}

/// "now", "in 3d", "in 5h": when a turn is due, in few characters.
fn due_words(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = due - now;
    match (left.num_days(), left.num_hours(), left.num_minutes()) {
        _ if due <= now => "now".to_owned(),
        (d, _, _) if d > 0 => format!("in {d}d"),
        (_, h, _) if h > 0 => format!("in {h}h"),
        (_, _, m) => format!("in {}m", m.max(1)),
    }
}

fn render_turn_detail(frame: &mut Frame, area: Rect, (wb, keys): (&Workbook, &Keymap), t: &Turn) {
    let who = who(wb, t);
    let mut text = Text::from(Line::from(vec![
        Span::styled(format!("{} ", t.kind.name()), theme::dim()),
        Span::styled(format!("from {who}: "), theme::dim()),
        Span::styled(format!("“{}”", first_line(&t.line)), theme::quote()),
    ]));
    let response = if t.response.trim().is_empty() {
        format!("(none yet: {} writes one)", keys.key(REHEARSE, &Action::Edit))
    } else {
        t.response.clone()
    };
    text.push_line(Line::from(vec![
        Span::styled("Prepared: ", theme::dim()),
        Span::raw(clean(&response, false).into_owned()),
    ]));
    let touches: Vec<String> = t
        .links
        .iter()
        .filter_map(|id| crate::domain::plan::find_item(&wb.doc.account, id))
        .map(|(_, s)| first_line(s))
        .collect();
    if !touches.is_empty() {
        text.push_line(Line::from(vec![
            Span::styled("Touches: ", theme::dim()),
            Span::raw(touches.join(" · ")),
        ]));
    }
    let next: Vec<String> = t
        .follow_ups
        .iter()
        .filter_map(|id| wb.doc.account.turns.iter().find(|f| &f.id == id))
        .map(|f| format!("“{}”", first_line(&f.line)))
        .collect();
    if !next.is_empty() {
        text.push_line(Line::from(vec![
            Span::styled("Then maybe: ", theme::dim()),
            Span::raw(next.join(" · ")),
        ]));
    }
    let block = Block::bordered()
        .title(" The selected turn ")
        .border_style(theme::unfocused());
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}
