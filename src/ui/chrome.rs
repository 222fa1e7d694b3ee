//! The frame around every screen: title and tabs, status line, key hints. Each is one line
//! that gives way in a fixed order when it is short of room (widths in terminal cells): the
//! account's name is cut with `…` before any tab is, a message is cut before it reaches the
//! save state, and whole hints leave the footer, least important first, while the key that
//! opens help stays.

use super::theme;
use crate::app::keymap::{FILTER_LABEL, Hints, message_fits, shown_filter, status_split};
use crate::app::{Access, Action, App, Overlay, Scope, Screen, fit};
use crate::domain::text::first_line;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Between the account's name and the tabs.
const BAR: &str = " │ ";
/// Between two footer hints.
const GAP: &str = "  ";

/// The top line: the program, the account, the screens. Every tab always shows: a long
/// name is cut with `…` to make room; on a line too narrow even for that, the name and
/// then the program's name give way.
pub fn header(frame: &mut Frame, area: Rect, app: &App) {
    let brand = vec![
        Span::styled(" callbook ", theme::key()),
        Span::styled("│ ", theme::dim()),
    ];
    let line = match &app.workbook {
        Some(wb) => {
            let name = first_line(&wb.doc.account.name);
            let open = crate::domain::comment::open(&wb.doc.account).count();
            workbook_header(brand, (&name, open), wb.screen, usize::from(area.width))
        }
        None => Line::from([brand, vec![Span::styled("Accounts", theme::heading())]].concat()),
    };
    frame.render_widget(line, area);
}

/// The fewest cells of the account's name the header keeps beside the brand.
const NAME_MIN: usize = 16;

/// The header of an open account in `width` cells, `current` the screen shown.
fn workbook_header(
    brand: Vec<Span<'static>>,
    (name, open): (&str, usize),
    current: Screen,
    width: usize,
) -> Line<'static> {
    let tabs: Vec<Span<'static>> = Screen::all()
        .map(|screen| {
            let style = if screen == current {
                theme::selected()
            } else {
                theme::dim()
            };
            // Open comments are counted on the review tab, so the rep sees them from anywhere.
            let count = match screen {
                Screen::Review if open > 0 => format!(" ({open})"),
                _ => String::new(),
            };
            Span::styled(format!(" {} {}{count} ", screen.number(), screen.title()), style)
        })
        .collect();
    let room = width.saturating_sub(Line::from(tabs.clone()).width());
    let brand_width = Line::from(brand.clone()).width();
    let mut spans = Vec::new();
    let bar = fit::width(BAR);
    // The account's name matters more than ours: the brand goes when the name would be cut
    // short with it. The name needs at least one cell, for its `…`.
    let with_brand = room.saturating_sub(brand_width + bar);
    if with_brand > 0 && with_brand >= fit::width(name).min(NAME_MIN) {
        spans.extend(brand);
        spans.push(Span::styled(fit::cut(name, with_brand), theme::heading()));
        spans.push(Span::styled(BAR, theme::dim()));
    } else if room > bar + 1 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(fit::cut(name, room - bar - 1), theme::heading()));
        spans.push(Span::styled(BAR, theme::dim()));
    }
    spans.extend(tabs);
    Line::from(spans)
}

/// The status line: the last message on the left, the save state on the right, split as
/// `keymap::status_split` says. A message too long for its room is cut with `…` and
/// followed by the key that opens help, which shows it in full.
pub fn status(frame: &mut Frame, area: Rect, app: &App) {
    let filter = shown_filter(app);
    let (room, state) = status_split(usize::from(area.width), filter.as_deref());
    let state = u16::try_from(state).unwrap_or(0);
    let [left, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(state)]).areas(area);
    frame.render_widget(message(app, room), left);
    let state = save_state(app, filter.as_deref(), usize::from(right.width));
    frame.render_widget(Paragraph::new(state).alignment(Alignment::Right), right);
}

/// The last message in `room` cells, after a blank cell.
fn message(app: &App, room: usize) -> Line<'static> {
    let style = if app.status.error {
        theme::error()
    } else {
        theme::dim().remove_modifier(Modifier::DIM)
    };
    let text = first_line(&app.status.text);
    if message_fits(&app.status.text, room) {
        return Line::from(vec![Span::raw(" "), Span::styled(text, style)]);
    }
    let more = vec![
        Span::raw(" "),
        Span::styled(app.key(Scope::Global, Action::Help), theme::key()),
        Span::styled(" shows it all", theme::dim()),
    ];
    let more_width = Line::from(more.clone()).width();
    // On a line too short for both, the message keeps the room.
    let (room, more) = match room.checked_sub(more_width) {
        Some(left) if left >= more_width => (left, more),
        _ => (room, Vec::new()),
    };
    let mut spans = vec![Span::raw(" "), Span::styled(fit::cut(&text, room), style)];
    spans.extend(more);
    Line::from(spans)
}

/// The save state, and `filter` before it, in at most `width` cells; the filter's text is
/// cut to fit.
fn save_state(app: &App, filter: Option<&str>, width: usize) -> Line<'static> {
    let Some(wb) = &app.workbook else {
        return Line::default();
    };
    let doc = &wb.doc;
    let state = match (doc.access, &doc.save_error, doc.dirty, doc.saved_once) {
        (Access::NewerSchema(_) | Access::Elsewhere, ..) => Span::styled("read-only ", theme::error()),
        (_, Some(_), ..) => Span::styled("NOT SAVED ", theme::error()),
        _ if doc.saving => Span::styled("saving… ", theme::dim()),
        (_, None, true, _) => Span::styled("unsaved ", theme::error()),
        (Access::Review, None, false, _) => Span::styled("review ", theme::key()),
        (_, None, false, true) => Span::styled("saved ", theme::ok()),
        (_, None, false, false) => Span::styled("", theme::dim()),
    };
    let mut spans = Vec::new();
    let room = width.saturating_sub(state.width() + fit::width(FILTER_LABEL) + 1);
    if let Some(filter) = filter.filter(|_| room > 0) {
        let shown = fit::cut(filter, room);
        spans.push(Span::styled(format!("{FILTER_LABEL}{shown} "), theme::key()));
    }
    spans.push(state);
    Line::from(spans)
}

/// The bottom line: the keys that apply where the user is, from the keymap table, the most
/// specific scope's first and each scope's in table order. Hints that don't fit are left
/// out whole; the key that opens help always shows, last.
pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let single = matches!(&app.overlay, Some(Overlay::Choose(c)) if !c.multi());
    let skip: &[Action] = if single { &[Action::Toggle] } else { &[] };
    let hints = app.keys.footer_hints(&app.scopes(), skip);
    frame.render_widget(hint_line(hints, usize::from(area.width)), area);
}

/// As many of `hints` as fit in `width` cells, in their order, then the help hint.
fn hint_line(hints: Hints, width: usize) -> Line<'static> {
    let size = |(key, words): &(String, String)| fit::width(key) + 1 + fit::width(words);
    // The line is a space, each hint followed by a gap, then the help hint (or, without
    // one, nothing: the last gap is not drawn).
    let help = hints.help.as_ref().map_or(0, |h| size(h) + fit::width(GAP));
    let mut room = (width + fit::width(GAP)).saturating_sub(1 + help);
    let mut shown = Vec::new();
    for hint in hints.rows {
        let need = size(&hint) + fit::width(GAP);
        if need <= room {
            room -= need;
            shown.push(hint);
        }
    }
    shown.extend(hints.help);
    let mut spans = vec![Span::raw(" ")];
    for (i, (key, words)) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(GAP, theme::dim()));
        }
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::styled(format!(" {words}"), theme::dim()));
    }
    Line::from(spans)
}
