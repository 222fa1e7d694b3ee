//! The two ways every screen shows text, so each inherits them: a list that cuts each row
//! with `…` and shows the selected row whole, building only the rows that show; and a
//! reading pane that scrolls and says when there is more above or below.

use super::theme;
use crate::app::keymap::{Keymap, Scope};
use crate::app::reading::{self, ListLayout, Pieces, Reading};
use crate::app::{Action, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

/// Pieces of reading text as a styled line.
pub fn line(pieces: Pieces) -> Line<'static> {
    Line::from(
        pieces
            .into_iter()
            .map(|(tone, text)| Span::styled(text, theme::tone(tone)))
            .collect::<Vec<_>>(),
    )
}

/// How a list draws: its rows, its selection, and whether it has focus.
pub struct ListRows<'a> {
    /// How many rows the list has.
    pub len: usize,
    /// The selected row.
    pub selected: usize,
    /// The list has focus (the selection is highlighted; otherwise underlined).
    pub focused: bool,
    /// Builds row `i`; only the rows that show are built.
    pub row: &'a dyn Fn(usize) -> Pieces,
}

/// Draws `rows` in `block` over `area`, laid out by [`ListLayout`]: every row wrapped when
/// all fit, else one line each cut with `…` and the selected row of a focused list whole.
pub fn list(frame: &mut Frame, area: Rect, block: Block<'static>, rows: &ListRows) {
    let inner = layout::inner(area);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    if rows.len == 0 {
        frame.render_widget(block, area);
        return;
    }
    let selected = rows.selected.min(rows.len - 1);
    let lay = ListLayout::new(rows.len, selected, rows.focused, (width, height), rows.row);
    let items: Vec<ListItem> = lay
        .heights
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            let pieces = (rows.row)(lay.first + k);
            let lines = reading::fit_row(&pieces, width, h).into_iter().map(line);
            ListItem::new(Text::from(lines.collect::<Vec<_>>()))
        })
        .collect();
    let highlight = if rows.focused {
        theme::selected()
    } else {
        theme::selected_idle()
    };
    let list = List::new(items).block(block).highlight_style(highlight);
    let mut state = ListState::default().with_selected(Some(selected - lay.first));
    frame.render_stateful_widget(list, area, &mut state);
}

/// Draws `reading` in `block` over `area` from row `top` (kept inside the text); the bottom
/// border says when there is more below or above, and which keys scroll.
pub fn reading(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    text: &Reading,
    top: usize,
    keys: &Keymap,
) {
    let inner = layout::inner(area);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let rows = text.rows(width.max(1));
    let top = top.min(rows.len().saturating_sub(height));
    let below = rows.len() > top + height;
    let block = match (top > 0, below) {
        (false, false) => block,
        (above, below) => {
            block.title_bottom(Line::styled(more(above, below, keys), theme::key()).right_aligned())
        }
    };
    let lines: Vec<Line> = rows.into_iter().skip(top).take(height).map(line).collect();
    frame.render_widget(Paragraph::new(lines).style(Style::new()).block(block), area);
}

/// "↓ more (PgDn)": what is hidden and the key that shows it.
fn more(above: bool, below: bool, keys: &Keymap) -> String {
    let down = keys.key(Scope::Global, &Action::PageDown);
    let up = keys.key(Scope::Global, &Action::PageUp);
    match (above, below) {
        (true, true) => format!(" ↑↓ more ({up}/{down}) "),
        (false, true) => format!(" ↓ more ({down}) "),
        _ => format!(" ↑ more ({up}) "),
    }
}
