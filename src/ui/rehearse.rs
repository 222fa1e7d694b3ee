//! Screen 3: the anticipated turns with their readiness, and a rehearsal session (the
//! customer's line and a timer, the answer box, then every check beside the prepared
//! response).

use super::theme;
use crate::app::keymap::{Keymap, Scope};
use crate::app::rehearse::{Phase, Rehearsal, Reviewed, current_turn};
use crate::app::{Action, App, Screen, Workbook, layout};
use crate::domain::schedule;
use crate::domain::text::{clean, first_line};
use crate::domain::turn::{Outcome, Turn};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

/// Draws screen 3: a session when one is under way, the turn list otherwise.
pub fn render(frame: &mut Frame, body: Rect, app: &App, wb: &Workbook) {
    match &app.rehearsal {
        Some(session) => render_session(frame, body, app, wb, session),
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

/// Who says a turn: the person's name and title, or "the customer".
fn who(wb: &Workbook, t: &Turn) -> String {
    t.who
        .as_ref()
        .and_then(|id| wb.doc.account.people.iter().find(|p| &p.id == id))
        .map_or("the customer".to_owned(), |p| first_line(&p.name))
}

fn render_session(frame: &mut Frame, body: Rect, app: &App, wb: &Workbook, session: &Rehearsal) {
    let Some(turn) = current_turn(app).map(|i| &wb.doc.account.turns[i]) else {
        return render_done(frame, body, session, &app.keys);
    };
    let [prompt, rest] = Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(body);
    let position = format!(" Rehearsing {} of {} ", session.position + 1, session.queue.len());
    let timer = match &session.phase {
        Phase::Answer { shown, .. } => {
            format!(" {:.0}s ", (app.ticks)().saturating_sub(*shown).as_secs_f64())
        }
        _ => String::new(),
    };
    let block = Block::bordered()
        .title(position)
        .title_bottom(Line::from(timer).right_aligned())
        .border_style(theme::focused());
    let text = Text::from(vec![
        Line::styled(
            format!("{} says ({})", who(wb, turn), turn.kind.name()),
            theme::dim(),
        ),
        Line::styled(
            format!("“{}”", clean(&turn.line, false)),
            theme::quote().add_modifier(Modifier::BOLD),
        ),
    ]);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        prompt,
    );
    match &session.phase {
        Phase::Answer { input, .. } => {
            let block = Block::bordered()
                .title(format!(
                    " Your answer ({}) ",
                    app.keys.hint_line(Scope::Answer, &[])
                ))
                .border_style(theme::focused());
            let inner = block.inner(rest);
            frame.render_widget(block, rest);
            frame.render_widget(input.widget(), inner);
        }
        Phase::Feedback(r) => render_feedback(frame, rest, (turn, &app.keys), r),
        Phase::Flip(r, input) => {
            let [top, bottom] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(rest);
            render_feedback(frame, top, (turn, &app.keys), r);
            let block = Block::bordered()
                .title(format!(
                    " What might they say next? ({}) ",
                    app.keys.hint_line(Scope::Flip, &[])
                ))
                .border_style(theme::focused());
            let inner = block.inner(bottom);
            frame.render_widget(block, bottom);
            frame.render_widget(input.widget(), inner);
        }
        Phase::Done => render_done(frame, rest, session, &app.keys),
    }
}

fn render_feedback(frame: &mut Frame, area: Rect, (turn, keys): (&Turn, &Keymap), r: &Reviewed) {
    let [checks, sides] = Layout::vertical([Constraint::Length(9), Constraint::Min(3)]).areas(area);
    let lines: Vec<Line> = r
        .feedback
        .checks
        .iter()
        .map(|c| {
            let (mark, style) = match c.outcome {
                Outcome::Pass => ("✓", theme::ok()),
                Outcome::Warn => ("!", theme::quote()),
                Outcome::Fail => ("✗", theme::error()),
            };
            Line::from(vec![
                Span::styled(format!("{mark} {:<15}", c.check), style),
                Span::raw(clean(&c.detail, false).into_owned()),
            ])
        })
        .collect();
    let block = Block::bordered()
        .title(format!(
            " The checks (every one shown) · grade {} ",
            keys.hint_line(Scope::Grade, &[Action::Flip, Action::Back])
        ))
        .border_style(theme::focused());
    // One line per check, never wrapped, so all seven always show; long details are cut.
    frame.render_widget(Paragraph::new(lines).block(block), checks);
    let [mine, prepared] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(sides);
    let block = Block::bordered()
        .title(" You said (flagged words underlined) ")
        .border_style(theme::unfocused());
    frame.render_widget(
        Paragraph::new(highlighted(r))
            .wrap(Wrap { trim: false })
            .block(block),
        mine,
    );
    let response = if turn.response.trim().is_empty() {
        "(no prepared response yet)"
    } else {
        &turn.response
    };
    let block = Block::bordered()
        .title(" Prepared response ")
        .border_style(theme::unfocused());
    frame.render_widget(
        Paragraph::new(clean(response, true).into_owned())
            .wrap(Wrap { trim: false })
            .block(block),
        prepared,
    );
}

/// The answer with the linter's flagged phrases underlined in the error colour.
fn highlighted(r: &Reviewed) -> Text<'static> {
    let chars: Vec<char> = clean(&r.answer, true).chars().collect();
    let flagged = |i: usize| {
        r.feedback
            .highlights
            .iter()
            .any(|h| (h.span.0..h.span.1).contains(&i))
    };
    let mut text = Text::default();
    for line in chars.split(|c| *c == '\n').scan(0usize, |start, line| {
        let begin = *start;
        *start += line.len() + 1;
        Some((begin, line))
    }) {
        let (begin, line) = line;
        let spans: Vec<Span> = line
            .iter()
            .enumerate()
            .map(|(k, c)| match flagged(begin + k) {
                true => Span::styled(c.to_string(), theme::error().add_modifier(Modifier::UNDERLINED)),
                false => Span::raw(c.to_string()),
            })
            .collect();
        text.push_line(Line::from(spans));
    }
    text
}

fn render_done(frame: &mut Frame, area: Rect, session: &Rehearsal, keys: &Keymap) {
    let mut text = Text::from(Line::styled(
        format!("Session done: {} turn(s) graded.", session.graded.len()),
        theme::heading(),
    ));
    for (line, grade) in &session.graded {
        let word = schedule::GRADES
            .iter()
            .find(|(g, _)| g == grade)
            .map_or("?", |(_, w)| w);
        text.push_line(Line::from(vec![
            Span::styled(format!("{grade} {word:<6}"), theme::key()),
            Span::raw(first_line(line)),
        ]));
    }
    text.push_line(Line::styled(keys.hint_line(Scope::Done, &[]), theme::dim()));
    let block = Block::bordered()
        .title(" Rehearsal ")
        .border_style(theme::focused());
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}
