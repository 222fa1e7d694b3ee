//! The questions screen: the plan beside the bank ranked for the account, the selected
//! row's verdict or reasons, and the plan's health.

use super::theme;
use crate::app::{Action, App, Focus, Keymap, Scope, Screen, Workbook, layout};
use crate::domain::bank::BankQuestion;
use crate::domain::health::Health;
use crate::domain::lint::{Kind, Lint};
use crate::domain::plan::{self, Status};
use crate::domain::text::{clean, first_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// Draws the questions screen into `body`; `bank` is the bank the suggestions index.
/// The questions screen's scope, where its hints look keys up.
const QUESTIONS: Scope = Scope::Screen(Screen::Questions);

/// Draws the questions screen into `body`. The verdicts and the plan's health were derived
/// in the refresh step; this only reads them.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, app: &App) {
    let areas = layout::questions(body);
    let keys = &app.keys;
    render_plan(frame, areas.plan, wb, keys);
    render_bank(frame, areas.bank, wb);
    match wb.questions.focus {
        Focus::Plan => plan_detail(frame, areas.detail, wb, keys),
        Focus::Bank => bank_detail(frame, areas.detail, (wb, keys), &app.bank.questions),
    }
    render_health(frame, areas.health, &wb.questions.health);
}

fn block(title: String, focused: bool) -> Block<'static> {
    Block::bordered().title(title).border_style(if focused {
        theme::focused()
    } else {
        theme::unfocused()
    })
}

fn list<'a>(
    frame: &mut Frame,
    area: Rect,
    block: Block<'a>,
    rows: Vec<ListItem<'a>>,
    row: usize,
    focused: bool,
) {
    let list = List::new(rows).block(block).highlight_style(if focused {
        theme::selected()
    } else {
        theme::selected_idle()
    });
    let mut state = ListState::default()
        .with_offset(layout::list_offset(row, layout::inner(area).height))
        .with_selected(Some(row));
    frame.render_stateful_widget(list, area, &mut state);
}

fn render_plan(frame: &mut Frame, area: Rect, wb: &Workbook, keys: &Keymap) {
    let q = &wb.questions;
    let verdicts = &q.verdicts;
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
    let rows: Vec<ListItem> = q
        .plan_hits
        .iter()
        .map(|&i| ListItem::new(plan_row(wb, i, &verdicts[i])))
        .collect();
    list(frame, area, block(title, focused), rows, q.plan_row, focused);
}

fn plan_row(wb: &Workbook, i: usize, verdict: &Lint) -> Line<'static> {
    let q = &wb.doc.account.questions[i];
    let status = match q.status {
        Status::Planned => Span::styled("○ ", theme::dim()),
        Status::Asked => Span::styled("◐ ", theme::quote()),
        Status::Answered => Span::styled("● ", theme::ok()),
    };
    let mut spans = vec![Span::styled(format!("{:>2}. ", i + 1), theme::dim()), status];
    if verdict.is_concern() {
        spans.push(Span::styled("⚠ ", theme::error()));
    }
    if plan::first_link(&wb.doc.account, q).is_none() {
        spans.push(Span::styled("∅ ", theme::dim()));
    }
    spans.push(Span::raw(first_line(&q.text)));
    Line::from(spans)
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
    let rows: Vec<ListItem> = q
        .bank_hits
        .iter()
        .map(|&i| ListItem::new(first_line(&q.suggestions[i].text)))
        .collect();
    if rows.is_empty() {
        let text = Paragraph::new("Nothing in the bank matches the filter.").style(theme::dim());
        frame.render_widget(text.block(block(title, focused)), area);
        return;
    }
    list(frame, area, block(title, focused), rows, q.bank_row, focused);
}

fn plan_detail(frame: &mut Frame, area: Rect, wb: &Workbook, keys: &Keymap) {
    let verdicts = &wb.questions.verdicts;
    let block = Block::bordered()
        .title(" The selected question ")
        .border_style(theme::unfocused());
    let Some(i) = wb.questions.current_question() else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let q = &wb.doc.account.questions[i];
    let mut text = Text::from(verdict_line(&verdicts[i], q.kept));
    let links: Vec<String> = q
        .links
        .iter()
        .filter_map(|id| plan::find_item(&wb.doc.account, id))
        .map(|(pane, t)| format!("{}: {}", pane.title(), first_line(t)))
        .collect();
    text.push_line(match links.is_empty() {
        true => Line::styled(
            format!(
                "Serves nothing in their world yet: {} links it to goals, threats, people...",
                keys.key(QUESTIONS, &Action::Link)
            ),
            theme::dim(),
        ),
        false => Line::from(vec![
            Span::styled("Serves: ", theme::dim()),
            Span::raw(links.join(" · ")),
        ]),
    });
    if let Some(rewrite) = verdicts[i]
        .suggestion
        .as_ref()
        .filter(|_| verdicts[i].is_concern())
    {
        text.push_line(Line::from(vec![
            Span::styled("Try: ", theme::key()),
            Span::raw(clean(rewrite, false).into_owned()),
        ]));
    }
    if !q.answer.trim().is_empty() {
        text.push_line(Line::from(vec![
            Span::styled("Heard: ", theme::dim()),
            Span::styled(first_line(&q.answer), theme::quote()),
            Span::styled(
                format!(
                    "  ({} makes it a world item)",
                    keys.key(QUESTIONS, &Action::AnswerToWorld)
                ),
                theme::dim(),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
}

/// The linter's verdict in one line: kind, open or closed, SPIN type, and what fired.
pub fn verdict_line(v: &Lint, kept: bool) -> Line<'static> {
    let (kind, style) = match v.kind {
        Kind::Question => ("question", theme::ok()),
        Kind::Leading => ("leading", theme::error()),
        Kind::Opinion => ("opinion", theme::error()),
        Kind::Statement => ("statement", theme::dim()),
    };
    let mut spans = vec![Span::styled(kind, style)];
    if let Some(open) = v.open {
        spans.push(Span::raw(if open { " · open" } else { " · closed" }));
    }
    if let Some(spin) = v.spin {
        spans.push(Span::raw(format!(" · {}", spin.name())));
    }
    if kept && v.is_concern() {
        spans.push(Span::styled(" · kept on purpose", theme::error()));
    }
    let mut rules: Vec<_> = v.flags.iter().map(|f| f.rule).collect();
    rules.dedup();
    for rule in rules
        .iter()
        .enumerate()
        .filter(|(i, r)| !rules[..*i].contains(r))
        .map(|(_, r)| r)
    {
        spans.push(Span::styled(format!(" · {}", rule.explain()), theme::dim()));
    }
    Line::from(spans)
}

fn bank_detail(frame: &mut Frame, area: Rect, (wb, keys): (&Workbook, &Keymap), bank: &[BankQuestion]) {
    let block = Block::bordered()
        .title(" Why it is suggested ")
        .border_style(theme::unfocused());
    let Some(s) = wb.questions.current_suggestion() else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let mut text = Text::from(Line::raw(clean(&s.text, false).into_owned()));
    text.push_line(Line::styled(s.reasons.join(" · "), theme::dim()));
    if let Some(b) = bank.get(s.bank) {
        let key = |action| keys.key(QUESTIONS, &action);
        let mine = if b.id.starts_with('u') {
            format!(" · yours ({} removes it)", key(Action::Delete))
        } else {
            String::new()
        };
        text.push_line(Line::styled(
            format!(
                "{}{mine} · {} adds it to the plan",
                b.category.title(),
                key(Action::Edit)
            ),
            theme::dim(),
        ));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), area);
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
