//! A rehearsal session: the customer's line and a timer, the answer box, then every check
//! beside the prepared response, and the summary when it is done.

use super::theme;
use crate::app::keymap::{Keymap, Scope};
use crate::app::rehearse::{Phase, Rehearsal, Reviewed, current_turn};
use crate::app::{Action, App, Workbook, fit};
use crate::domain::schedule;
use crate::domain::text::{clean, first_line, push_clean};
use crate::domain::turn::{Outcome, Turn};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the session under way into `body`.
pub fn render(frame: &mut Frame, body: Rect, (app, wb): (&App, &Workbook), session: &Rehearsal) {
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
    // The verdict, then one line per check, inside the borders.
    let rows = u16::try_from(r.feedback.checks.len()).unwrap_or(8) + 3;
    let [checks, sides] = Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(area);
    let room = usize::from(checks.width.saturating_sub(2)).saturating_sub(17);
    let verdict = Line::styled(
        fit::cut(
            &clean(&r.feedback.verdict, false),
            usize::from(checks.width.saturating_sub(2)),
        ),
        theme::heading(),
    );
    let lines: Vec<Line> = std::iter::once(verdict)
        .chain(r.feedback.checks.iter().map(|c| {
            let (mark, style) = match c.outcome {
                Outcome::Pass => ("✓", theme::ok()),
                Outcome::Warn => ("!", theme::quote()),
                Outcome::Fail => ("✗", theme::error()),
                Outcome::Untested => ("–", theme::dim()),
            };
            Line::from(vec![
                Span::styled(format!("{mark} {:<15}", c.check), style),
                Span::raw(fit::cut(&clean(&c.detail, false), room)),
            ])
        }))
        .collect();
    let block = Block::bordered()
        .title(format!(
            " The checks (every one shown) · grade {} ",
            keys.hint_line(Scope::Grade, &[Action::Flip, Action::Back])
        ))
        .border_style(theme::focused());
    // One line per check, never wrapped, so all eight always show; a long detail is cut
    // with a mark. "–" marks a check with nothing to test.
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
    let flagged = |i: usize| {
        r.feedback
            .highlights
            .iter()
            .any(|h| (h.span.0..h.span.1).contains(&i))
    };
    // The spans count characters of the answer as typed; a mark for a hidden character
    // takes several, so each shown character carries the flag of the one it came from.
    let raw: Vec<char> = r.answer.chars().collect();
    let mut piece = String::new();
    let (chars, flags): (Vec<char>, Vec<bool>) = (0..raw.len())
        .flat_map(|i| {
            piece.clear();
            push_clean(&mut piece, &raw, i, true);
            piece.chars().map(|c| (c, flagged(i))).collect::<Vec<_>>()
        })
        .unzip();
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
            .map(|(k, c)| match flags[begin + k] {
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
        format!(
            "Session done: {} graded.",
            crate::domain::health::count(session.graded.len(), "turn", "turns")
        ),
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

/// Who says a turn: the person's name, or "the customer".
pub(super) fn who(wb: &Workbook, t: &Turn) -> String {
    crate::app::rehearse::text::who(&wb.doc.account, t)
}
