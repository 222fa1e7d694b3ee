//! The account picker: every account with its last update and counts, damaged files
//! flagged, disqualified accounts marked, the sample offered while there are no accounts.

use super::theme;
use crate::app::{Action, Keymap, Picker, PickerEntry, Scope, fit, layout};
use crate::domain::sweet_spot::{Criterion, Standing};
use crate::domain::{Pane, sample, text::first_line};
use chrono::{Local, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

/// Draws the picker into `area`.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    picker: &Picker,
    (keys, today, criteria): (&Keymap, NaiveDate, &[Criterion]),
) {
    let visible = picker.visible();
    let title = match picker.filter.needle() {
        f if f.is_empty() && !picker.filter.active => " Accounts ".to_owned(),
        f => format!(" Accounts, filter: {}▏ ", first_line(&f)),
    };
    let block = Block::bordered().title(title).border_style(theme::focused());
    if visible.is_empty() {
        let clear = keys.key(Scope::Filter, &Action::Back);
        let text = Paragraph::new(format!(" No account matches the filter. {clear} clears it.")).block(block);
        frame.render_widget(text, area);
        return;
    }
    let (area, about_area) = layout::picker(area);
    let about_block = Block::bordered().border_style(theme::unfocused());
    frame.render_widget(
        Paragraph::new(about(picker.current(), keys, today))
            .wrap(Wrap { trim: true })
            .block(about_block),
        about_area,
    );
    // Only the rows that show are built: a folder of thousands draws as fast as a few.
    let inner = layout::inner(area);
    let list_height = inner.height.saturating_sub(1);
    let first = layout::list_offset(picker.selected, list_height);
    let name_width = usize::from(inner.width.saturating_sub(10 + 8 + 5 + 7 + 6 + 7 + 6));
    let rows: Vec<Row> = visible
        .iter()
        .skip(first)
        .take(usize::from(list_height))
        .map(|&i| row(&picker.entries[i], name_width, (today, criteria)))
        .collect();
    let widths = [Constraint::Fill(1), Constraint::Length(10)]
        .into_iter()
        .chain([8, 5, 7, 6, 7].map(Constraint::Length));
    let header = Row::new(
        [
            "Account", "Updated", "Fit", "Goals", "Threats", "People", "Entries",
        ]
        .map(|h| Cell::from(h).style(theme::dim())),
    );
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme::selected());
    let mut state = TableState::default().with_selected(Some(picker.selected - first));
    frame.render_stateful_widget(table, area, &mut state);
}

/// A picker row; names are cut with `…` to `width`.
fn row(entry: &PickerEntry, width: usize, (today, criteria): (NaiveDate, &[Criterion])) -> Row<'static> {
    match entry {
        PickerEntry::Account(s) => {
            let date = s.updated.with_timezone(&Local).format("%Y-%m-%d").to_string();
            let count = |p: Pane| s.counts[p.index()];
            let total: usize = s.counts.iter().sum();
            let counts = [
                (count(Pane::Goals), 5),
                (count(Pane::Threats), 7),
                (count(Pane::People), 6),
                (total, 7),
            ]
            .map(|(n, w)| Cell::from(format!("{n:>w$}")));
            // A disqualified account is one walked away from, whatever its journey says; a
            // stalled journey is marked where the rep chooses what to work on.
            let (mark, style) = match (&s.disqualified, s.pulse.stalled(today)) {
                (Some(_), _) => ("✕ ", theme::dim()),
                (None, Some(_)) => ("⏸ ", theme::quote()),
                (None, None) => ("", ratatui::style::Style::new()),
            };
            let name = fit::cut(&format!("{mark}{}", first_line(&s.name)), width);
            let standing = s.standing(criteria);
            let fit_style = match standing {
                Standing::Inside => theme::ok(),
                Standing::Outside => theme::error(),
                Standing::Unknown => theme::dim(),
            };
            Row::new(
                [
                    Cell::from(name).style(style),
                    Cell::from(date),
                    Cell::from(standing.word()).style(fit_style),
                ]
                .into_iter()
                .chain(counts),
            )
        }
        PickerEntry::Damaged { stem, what, .. } => Row::new([
            Cell::from(fit::cut(&format!("⚠ {}.json", first_line(stem)), width)).style(theme::error()),
            Cell::from(*what).style(theme::error()),
        ]),
        PickerEntry::Sample => Row::new([
            Cell::from(format!("+ {}", sample::NAME)).style(theme::key()),
            Cell::from("sample").style(theme::dim()),
        ]),
    }
}

/// Below the list: what the selected row is and what Enter will do.
fn about(entry: Option<&PickerEntry>, keys: &Keymap, today: NaiveDate) -> Text<'static> {
    let key = |action| keys.key(Scope::Picker, &action);
    let (open, trash, new) = (key(Action::Edit), key(Action::Delete), key(Action::NewAccount));
    match entry {
        Some(PickerEntry::Account(s)) => {
            let mut text = Text::from(vec![
                Line::from(vec![
                    Span::styled(first_line(&s.name), theme::heading()),
                    Span::styled(format!("  ({})", s.id), theme::dim()),
                ]),
                Line::styled(
                    format!("{open} opens it · {trash} moves it to trash/ · {new} creates a new account"),
                    theme::dim(),
                ),
            ]);
            if let Some(d) = &s.disqualified {
                text.push_line(Line::styled(
                    format!(
                        "✕ Disqualified {}: {}",
                        d.when.format("%Y-%m-%d"),
                        first_line(&d.why)
                    ),
                    theme::dim(),
                ));
            }
            if let Some(why) = s.pulse.stalled(today) {
                text.push_line(Line::styled(
                    format!("⏸ Their journey is stalled: {why}"),
                    theme::quote(),
                ));
            }
            text
        }
        Some(PickerEntry::Damaged { message, .. }) => Text::from(vec![
            Line::styled(
                "This file can't be read, so callbook leaves it untouched:",
                theme::error(),
            ),
            Line::raw(first_line(message)),
            Line::styled(
                format!("Fix it in an editor, or {trash} moves it to trash/."),
                theme::dim(),
            ),
        ]),
        Some(PickerEntry::Sample) => Text::from(vec![
            Line::styled("No accounts yet.", theme::heading()),
            Line::raw(format!(
                "{open} creates the sample account, {}, with a filled-in world to explore.",
                sample::NAME
            )),
            Line::styled(format!("{new} creates an account of your own."), theme::dim()),
        ]),
        None => Text::default(),
    }
}
