//! The customer's world: six panes (goals, threats, competitors, market, people, why
//! change) and the detail of the selected entry.

use super::theme;
use crate::app::{Action, Keymap, Scope, Screen, Workbook, layout};
use crate::domain::fields::{ItemForm, PersonForm};
use crate::domain::form::{FieldKind, Form, Look};
use crate::domain::text::{clean, first_line};
use crate::domain::{Account, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// Draws the world screen into `body`.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, keys: &Keymap) {
    let areas = layout::world(body);
    for pane in Pane::ALL {
        render_pane(frame, areas.panes[pane.index()], (wb, keys), pane);
    }
    render_detail(frame, areas.detail, wb);
}

fn render_pane(frame: &mut Frame, area: Rect, (wb, keys): (&Workbook, &Keymap), pane: Pane) {
    let focused = wb.world.pane == pane;
    let visible = wb.visible(pane);
    let count = if visible.len() == wb.doc.account.len(pane) {
        format!("{}", visible.len())
    } else {
        format!("{}/{}", visible.len(), wb.doc.account.len(pane))
    };
    let block = Block::bordered()
        .title(format!(" {} ({count}) ", pane.title()))
        .border_style(if focused {
            theme::focused()
        } else {
            theme::unfocused()
        });
    if visible.is_empty() {
        let hint = if wb.doc.account.len(pane) == 0 {
            empty_hint(pane, keys)
        } else {
            "Nothing matches the filter".to_owned()
        };
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme::dim())
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = visible
        .iter()
        .map(|&i| ListItem::new(row(&wb.doc.account, pane, i)))
        .collect();
    let selected = wb.selected_row(pane);
    let list = List::new(items).block(block).highlight_style(if focused {
        theme::selected()
    } else {
        theme::selected_idle()
    });
    let mut state = ListState::default()
        .with_offset(layout::list_offset(selected, layout::inner(area).height))
        .with_selected(Some(selected));
    frame.render_stateful_widget(list, area, &mut state);
}

/// What an empty pane says, prompting the rep to think from the customer's side.
fn empty_hint(pane: Pane, keys: &Keymap) -> String {
    let (question, what) = match pane {
        Pane::Goals => ("What is this customer trying to achieve?", "a goal"),
        Pane::Threats => ("What could stop them?", "a threat"),
        Pane::Competitors => ("Who do they compete with?", "one"),
        Pane::Market => ("What is changing in their market?", "it"),
        Pane::People => ("Who is in the decision?", "a person"),
        Pane::WhyChange => ("What happens if they do nothing? Why now?", "it"),
    };
    let add = keys.key(Scope::Screen(Screen::World), &Action::Add);
    format!("{question} {add} adds {what}")
}

/// One list row: a priority mark and the first line of the text (people: name and title).
fn row(account: &Account, pane: Pane, i: usize) -> Line<'static> {
    match account.items(pane) {
        Some(items) => {
            let it = &items[i];
            let mark = match it.priority {
                crate::domain::Priority::High => Span::styled("▲ ", theme::error()),
                crate::domain::Priority::Medium => Span::styled("■ ", theme::quote()),
                _ => Span::raw("  "),
            };
            Line::from(vec![mark, Span::raw(first_line(&it.text))])
        }
        None => {
            let p = &account.people[i];
            let mut spans = vec![Span::raw(first_line(&p.name))];
            if !p.title.is_empty() {
                spans.push(Span::styled(format!(", {}", first_line(&p.title)), theme::dim()));
            }
            Line::from(spans)
        }
    }
}

fn render_detail(frame: &mut Frame, area: Rect, wb: &Workbook) {
    let block = Block::bordered()
        .title(" Detail ")
        .border_style(theme::unfocused());
    let Some(i) = wb.current() else {
        frame.render_widget(
            Paragraph::new("Select an entry to see it here.")
                .style(theme::dim())
                .block(block),
            area,
        );
        return;
    };
    let account = &wb.doc.account;
    let text = match account.items(wb.world.pane) {
        Some(items) => items.get(i).map(|it| detail(&ItemForm::from(it))),
        None => account.people.get(i).map(|p| detail(&PersonForm::from(p))),
    };
    let text = text.unwrap_or_default();
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).block(block), area);
}

/// An entry in full, field by field from its form's table: the title as a heading, the
/// customer's own words quoted, blank fields left out.
fn detail<F: Form>(form: &F) -> Text<'static> {
    let mut text = Text::default();
    for field in F::FIELDS {
        let value = field.value(form).text();
        if value.trim().is_empty() {
            continue;
        }
        let value = clean(value, true).into_owned();
        let label = Span::styled(format!("{}: ", field.label), theme::dim());
        match (field.look, field.kind) {
            (Look::Heading, _) => text.push_line(Span::styled(value, theme::heading())),
            (Look::Quote, _) => {
                text.push_line(label);
                text.extend(
                    value
                        .lines()
                        .map(|l| Line::styled(format!("  “{l}”"), theme::quote())),
                );
            }
            (Look::Plain, FieldKind::Text) => {
                text.push_line(label);
                text.extend(value.lines().map(|l| Line::raw(format!("  {l}"))));
            }
            (Look::Plain, FieldKind::Choice) => {
                text.push_line(Line::from(vec![label, Span::raw(value.replace('-', " "))]))
            }
            (Look::Plain, FieldKind::Line) => text.push_line(Line::from(vec![label, Span::raw(value)])),
        }
    }
    text
}
