//! Popups drawn over a screen: help (from the keymap table), the entry editor, the new
//! account prompt and yes/no questions.

use super::theme;
use crate::app::Action;
use crate::app::editor::{Editor, FieldValue, Target, TextField, Widget};
use crate::app::keymap::{HELP_TEXT_WIDTH, Keymap, Scope, fixed, help_message, key_label};
use crate::app::{App, Chooser, Overlay, Question, fit, layout};
use crate::domain::form::FieldKind;
use crate::domain::text::{clean, first_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

/// Draws `overlay` over the screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay) {
    match overlay {
        Overlay::Help(scroll) => help(frame, area, app, *scroll),
        Overlay::Editor(editor) => render_editor(frame, area, editor, &app.keys),
        Overlay::NewAccount(input) => prompt(frame, area, &app.keys, input),
        Overlay::Confirm(q) => confirm(frame, area, q, &app.keys),
        Overlay::Choose(chooser) => choose(frame, area, chooser, &app.keys),
        Overlay::Sheet { call, top } => sheet(frame, area, app, (*call, *top)),
        Overlay::Recovered(kept) => recovered(frame, area, kept, &app.keys),
        Overlay::Team => super::team::render(frame, area, app),
    }
}

/// The text kept from a session that ended from outside: where it was typed, when, why, and
/// every field as typed, with the keys to take it, drop it or keep it.
fn recovered(frame: &mut Frame, area: Rect, kept: &crate::app::recovery::Recovered, keys: &Keymap) {
    let rect = popup(
        frame,
        area,
        area.width.saturating_sub(8).min(90),
        area.height.saturating_sub(4).min(16),
    );
    let block = Block::bordered()
        .title(" Kept from last time ")
        .title_bottom(format!(" {} ", keys.hint_line(Scope::Recovered, &[])))
        .border_style(theme::focused());
    let mut lines = vec![
        Line::raw(
            clean(
                &format!(
                    "You were typing in {} when callbook ended: {} ({}).",
                    kept.what.trim_start_matches("the "),
                    kept.why,
                    kept.when.format("%Y-%m-%d %H:%M UTC")
                ),
                false,
            )
            .into_owned(),
        ),
        Line::raw(""),
    ];
    for (label, text) in kept.fields.iter().filter(|(_, t)| !t.trim().is_empty()) {
        lines.push(Line::styled(clean(label, false).into_owned(), theme::dim()));
        for l in clean(text, true).lines() {
            lines.push(Line::raw(format!("  {l}")));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        rect,
    );
}

fn choose(frame: &mut Frame, area: Rect, chooser: &Chooser, keys: &Keymap) {
    let height = (chooser.rows.len() as u16 + 3).min(area.height.saturating_sub(4));
    let rect = popup(frame, area, area.width.saturating_sub(4).min(110), height);
    let keys = match chooser.multi() {
        true => keys.hint_line(Scope::Choose, &[]),
        false => keys.hint_line(Scope::Choose, &[Action::Toggle]),
    };
    let title = format!(" {} ", first_line(&chooser.title));
    let block = Block::bordered()
        .title(title)
        .title_bottom(format!(" {keys} "))
        .border_style(theme::focused());
    let rows: Vec<ListItem> = chooser
        .rows
        .iter()
        .zip(&chooser.checked)
        .map(|(row, checked)| {
            let mark = match (chooser.multi(), checked) {
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
                (false, _) => "",
            };
            ListItem::new(format!("{mark}{}", first_line(row)))
        })
        .collect();
    let list_area = layout::inner(rect);
    let list = List::new(rows).block(block).highlight_style(theme::selected());
    let mut state = ListState::default()
        .with_offset(layout::list_offset(chooser.cursor, list_area.height))
        .with_selected(Some(chooser.cursor));
    frame.render_stateful_widget(list, rect, &mut state);
}

/// A box of `width` × `height` in the middle of `area`, cleared.
pub(super) fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    rect
}

/// Help: the last message in full when the status line cut it, then every scope's keys,
/// those of the screen behind first. Its lines are the ones `Keymap::help_height`
/// counts, so scrolling stops at the last.
fn help(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    // What the screen itself does comes first, then what works everywhere, then the rest
    // of what any screen of an account shares.
    let mut behind = app.screen_scopes();
    if let Some(at) = behind.iter().position(|s| *s == Scope::Workbook) {
        let shared = behind.remove(at);
        behind.push(shared);
    }
    let order = behind
        .iter()
        .copied()
        .chain(Scope::all().filter(|s| !behind.contains(s)));
    let mut text = last_message(app);
    for scope in order {
        text.push_line(Span::styled(scope.title(), theme::heading()));
        for (key, words) in app.keys.help_rows(scope, false) {
            text.push_line(Line::from(vec![
                Span::styled(format!("  {key:<16}"), theme::key()),
                Span::raw(words),
            ]));
        }
        text.push_line("");
    }
    text.push_line(Span::styled(
        "Mouse: click a pane or row to select it; the wheel scrolls.",
        theme::dim(),
    ));
    text.push_line(Span::styled(
        format!(
            "{} anywhere suspends to the shell; fg comes back.",
            crate::app::keymap::key_label(crate::app::keymap::fixed::SUSPEND)
        ),
        theme::dim(),
    ));
    text.push_line(Span::styled(
        "Your own keys: `callbook config keys` shows how to remap them.",
        theme::dim(),
    ));
    let width = u16::try_from(HELP_TEXT_WIDTH + 2).unwrap_or(u16::MAX);
    let rect = popup(frame, area, width, layout::help_box_height(area));
    let block = Block::bordered()
        .title(format!(" Keys ({}) ", app.keys.hint_line(Scope::Help, &[])))
        .border_style(theme::focused());
    frame.render_widget(Paragraph::new(text).scroll((scroll, 0)).block(block), rect);
}

/// The top of help: the last message when the status line cut it, every line of it,
/// wrapped as help's height counts it.
fn last_message(app: &App) -> Text<'static> {
    let lines = help_message(app);
    let mut text = Text::default();
    if lines.is_empty() {
        return text;
    }
    let style = if app.status.error {
        theme::error()
    } else {
        ratatui::style::Style::new()
    };
    text.push_line(Span::styled("Last message", theme::heading()));
    for line in lines {
        text.push_line(Span::styled(line, style));
    }
    text.push_line("");
    text
}

/// The most rows a one-line field grows to as its text wraps.
const LINE_ROWS: u16 = 4;

/// Rows a one-line text takes in a box `width` cells wide, the cursor after its end
/// included: it wraps as it grows instead of scrolling sideways.
fn line_rows(field: &TextField, width: u16) -> u16 {
    let rows = fit::height([format!("{} ", field.text()).as_str()], usize::from(width));
    u16::try_from(rows).unwrap_or(LINE_ROWS).clamp(1, LINE_ROWS)
}

/// Rows a field takes: a label line plus its text rows (`width`: the text's width).
fn field_height(widget: &Widget, extra: u16, width: u16) -> u16 {
    match (&widget.value, widget.kind) {
        (FieldValue::Text(t), FieldKind::Line) => 1 + line_rows(t, width),
        (_, FieldKind::Text) => 4 + extra,
        _ => 1,
    }
}

fn render_editor(frame: &mut Frame, area: Rect, editor: &Editor, keys: &Keymap) {
    let width = area.width.saturating_sub(8).min(100);
    // The text boxes sit inside the borders and a margin of two on each side.
    let text_width = width.saturating_sub(6);
    let fixed = 3 + notes_height(editor);
    let base: u16 = editor
        .fields
        .iter()
        .map(|w| field_height(w, 0, text_width) + 1)
        .sum::<u16>()
        + fixed;
    let texts = editor.fields.iter().filter(|w| w.kind == FieldKind::Text).count() as u16;
    let room = area.height.saturating_sub(2).saturating_sub(base);
    let extra = (room / texts.max(1)).min(6);
    let height = (base + extra * texts).min(area.height.saturating_sub(2));
    let verb = if editor.at.is_some() { "Edit" } else { "New" };
    let heights: Vec<u16> = editor
        .fields
        .iter()
        .map(|w| field_height(w, extra, text_width) + 1)
        .collect();
    // A form taller than the screen shows the fields around the focused one, and says so.
    let (first, last) = field_window(&heights, editor.focus, height.saturating_sub(fixed));
    let more = match (first > 0, last < heights.len()) {
        (true, true) => " ↑↓ more fields ",
        (true, false) => " ↑ more fields ",
        (false, true) => " ↓ more fields ",
        (false, false) => "",
    };
    let title = format!(" {verb}: {} ", editor.target().title());
    let rect = popup(frame, area, width, height);
    let block = Block::bordered()
        .title(title)
        .title_top(Line::from(more).right_aligned())
        .border_style(theme::focused());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut constraints: Vec<Constraint> = heights[first..last]
        .iter()
        .map(|&h| Constraint::Length(h))
        .collect();
    constraints.push(Constraint::Min(1));
    let rows = Layout::vertical(constraints).split(inner);
    for (k, widget) in editor.fields[first..last].iter().enumerate() {
        render_field(frame, rows[k], widget, first + k == editor.focus);
    }
    let notes_area = rows[rows.len() - 1];
    frame.render_widget(Paragraph::new(notes(editor, keys, notes_area)), notes_area);
}

/// The fields `first..last` that fit in `rows` rows around field `focus`: from the first
/// field while the focused one fits, else ending at the focused one.
fn field_window(heights: &[u16], focus: usize, rows: u16) -> (usize, usize) {
    let fits = |from: usize, to: usize| heights[from..to].iter().sum::<u16>() <= rows;
    let mut first = 0;
    while first < focus && !fits(first, focus + 1) {
        first += 1;
    }
    let mut last = focus.min(heights.len().saturating_sub(1)) + 1;
    while last < heights.len() && fits(first, last + 1) {
        last += 1;
    }
    (first, last.min(heights.len()))
}

/// Rows under the fields: the linter's live verdict for questions, and the keys or the error.
fn notes_height(editor: &Editor) -> u16 {
    if editor.target() == Target::Question { 3 } else { 0 }
}

/// The verdict and rewrite (questions), then the error or the keys, wrapped to `area` and
/// cut with `…` where they don't fit.
fn notes(editor: &Editor, keys: &Keymap, area: Rect) -> Text<'static> {
    let mut text = Text::default();
    if let Some(verdict) = editor.verdict() {
        text.push_line(super::questions::verdict_line(verdict, false));
        if let Some(rewrite) = verdict.suggestion.as_ref().filter(|_| verdict.is_concern()) {
            text.push_line(Line::from(vec![
                Span::styled(
                    format!("Try ({}): ", keys.key(Scope::Editor, &Action::UseRewrite)),
                    theme::key(),
                ),
                Span::raw(first_line(rewrite)),
            ]));
        }
    }
    let (last, style) = match &editor.error {
        Some(e) => (e.clone(), theme::error()),
        None => {
            let keys = keys.hint_line(Scope::Editor, &[]);
            let keys = format!("{keys} · {}: new line in notes", key_label(fixed::NEW_LINE));
            (keys, theme::dim())
        }
    };
    let room = usize::from(area.height).saturating_sub(text.lines.len()).max(1);
    // An error can quote what was typed or read: cleaned like any other text.
    for line in fit::wrap_cut(&clean(&last, true), usize::from(area.width), room) {
        text.push_line(Span::styled(line, style));
    }
    text
}

fn render_field(frame: &mut Frame, area: Rect, widget: &Widget, focused: bool) {
    let label = widget.label;
    let label_style = if focused { theme::key() } else { theme::dim() };
    let marker = if focused { "▶ " } else { "  " };
    match &widget.value {
        FieldValue::Choice { words, index } => {
            let choice = words[*index].replace('-', " ");
            let shown = if focused {
                let (prev, next) = (key_label(fixed::PREV_CHOICE), key_label(fixed::NEXT_CHOICE));
                format!("◀ {choice} ▶  ({prev}/{next})")
            } else {
                choice
            };
            let line = Line::from(vec![
                Span::styled(format!("{marker}{label}: "), label_style),
                Span::raw(shown),
            ]);
            frame.render_widget(line, area);
        }
        FieldValue::Text(t) => {
            let [head, body, _] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)])
                    .areas(area);
            frame.render_widget(Span::styled(format!("{marker}{label}"), label_style), head);
            let body = body.inner(ratatui::layout::Margin::new(2, 0));
            text_field(frame, body, t, focused);
        }
    }
}

/// A text box: the live editor when focused, wrapped text otherwise.
fn text_field(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    if focused {
        frame.render_widget(field.widget(), area);
    } else {
        let text = field.text();
        frame.render_widget(
            Paragraph::new(clean(&text, true)).wrap(Wrap { trim: false }),
            area,
        );
    }
}

fn prompt(frame: &mut Frame, area: Rect, keys: &Keymap, input: &TextField) {
    let (title, label) = (" New account ", "The customer's name:");
    let rows = line_rows(input, 58);
    let rect = popup(frame, area, 60, 5 + rows);
    let block = Block::bordered()
        .title(title.to_owned())
        .border_style(theme::focused());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let one = Constraint::Length(1);
    let [l, i, _, h] = Layout::vertical([one, Constraint::Length(rows), one, one]).areas(inner);
    frame.render_widget(Span::raw(label.to_owned()), l);
    text_field(frame, i, input, true);
    frame.render_widget(Span::styled(keys.hint_line(Scope::Prompt, &[]), theme::dim()), h);
}

fn confirm(frame: &mut Frame, area: Rect, question: &Question, keys: &Keymap) {
    let text = match question {
        Question::DiscardEdit(_) => "Drop the changes you typed?".to_owned(),
        Question::QuitDroppingEdit(_) => {
            "Quit and drop the changes you typed? The rest of the account is saved.".to_owned()
        }
        Question::Trash { label, .. } => {
            format!(
                "Move \"{}\" to the trash folder? Its file is kept in trash/.",
                first_line(label)
            )
        }
        Question::WriteBack => "The account's file was deleted on disk while it was open here. \
                                Write it back with what you see?"
            .to_owned(),
        Question::LeaveUnsaved { quit } => format!(
            "The last save failed, so recent changes are not on disk. {} anyway?",
            if *quit { "Quit" } else { "Leave the account" }
        ),
    };
    let rect = popup(frame, area, 56, 6);
    let block = Block::bordered()
        .title(" Are you sure? ")
        .border_style(theme::error());
    let body = Text::from(vec![
        Line::raw(text),
        Line::raw(""),
        Line::styled(keys.hint_line(Scope::Confirm, &[]), theme::key()),
    ]);
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }).block(block), rect);
}

/// The call sheet of call `call` over the whole screen, from row `top`: a glance just before
/// dialling, so it takes every row there is; the bottom border says when more is below.
fn sheet(frame: &mut Frame, area: Rect, app: &App, (call, top): (usize, usize)) {
    let Some(wb) = &app.workbook else { return };
    let Some(c) = wb.doc.account.calls.get(call) else {
        return;
    };
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(2));
    let lines = crate::domain::sheet::sheet(&wb.doc.account, c, app.team.offerings(), width);
    let top = top.min(lines.len().saturating_sub(rows));
    let below = lines.len() > top + rows;
    let keys = app.keys.hint_line(Scope::Sheet, &[]);
    let more = if below { " · ↓ more" } else { "" };
    let block = Block::bordered()
        .title(" The call sheet ")
        .title_bottom(format!(" {keys}{more} "))
        .border_style(theme::focused());
    let text: Vec<Line> = lines.into_iter().skip(top).map(Line::raw).collect();
    frame.render_widget(Paragraph::new(text).block(block), area);
}
