//! The customer's world: who they are in one line, six panes (goals, threats, competitors,
//! market, people, why change) and the detail of the selected entry. What it says comes
//! from `app::world::text`; this only styles and draws it.

use super::panes::{self, ListRows};
use super::theme;
use crate::app::reading::Tone;
use crate::app::world::text;
use crate::app::{Action, Keymap, Scope, Screen, Workbook, layout};
use crate::domain::Pane;
use crate::domain::team::Team;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The world screen's scope, where its hints look keys up.
const WORLD: Scope = Scope::Screen(Screen::World);

/// Draws the world screen into `body`.
pub fn render(frame: &mut Frame, body: Rect, wb: &Workbook, (keys, team): (&Keymap, &Team)) {
    let areas = layout::world(body);
    render_profile(frame, areas.profile, wb, (keys, team));
    for pane in Pane::ALL {
        render_pane(frame, areas.panes[pane.index()], (wb, keys), pane);
    }
    render_detail(frame, areas.detail, wb, keys);
}

/// Who the customer is, cut with `…` to the line; a prompt when nothing is known yet. A
/// verdict on the sweet spot (inside, outside, disqualified) comes first.
fn render_profile(frame: &mut Frame, area: Rect, wb: &Workbook, (keys, team): (&Keymap, &Team)) {
    let account = &wb.doc.account;
    let mut pieces = text::profile(account);
    if pieces.is_empty() {
        let key = keys.key(WORLD, &Action::Profile);
        pieces = vec![(
            Tone::Dim,
            format!("Who is this customer? {key} adds their industry and business"),
        )];
    }
    let (tone, verdict) = crate::app::sweet_spot::text::verdict(account, team);
    if matches!(tone, Tone::Good | Tone::Bad) {
        pieces.insert(0, (Tone::Dim, " · ".into()));
        pieces.insert(0, (tone, verdict));
    }
    pieces.insert(0, (Tone::Plain, " ".into()));
    let row = crate::app::reading::fit_row(&pieces, usize::from(area.width), 1);
    frame.render_widget(panes::line(row.into_iter().next().unwrap_or_default()), area);
}

fn render_pane(frame: &mut Frame, area: Rect, (wb, keys): (&Workbook, &Keymap), pane: Pane) {
    let focused = wb.world.pane == pane;
    let visible = wb.visible(pane);
    let total = wb.doc.account.len(pane);
    let count = if visible.len() == total {
        format!("{total}")
    } else {
        format!("{}/{total}", visible.len())
    };
    let block = Block::bordered()
        .title(format!(" {} ({count}) ", pane.title()))
        .border_style(if focused {
            theme::focused()
        } else {
            theme::unfocused()
        });
    if visible.is_empty() {
        let hint = if total == 0 {
            empty_hint(pane, keys)
        } else {
            "Nothing matches the filter".to_owned()
        };
        let text = Paragraph::new(hint).style(theme::dim()).wrap(Wrap { trim: true });
        frame.render_widget(text.block(block), area);
        return;
    }
    let account = &wb.doc.account;
    let row = |r: usize| text::row(account, pane, visible[r]);
    let rows = ListRows {
        len: visible.len(),
        selected: wb.selected_row(pane),
        focused,
        row: &row,
    };
    panes::list(frame, area, block, &rows);
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
    let add = keys.key(WORLD, &Action::Add);
    format!("{question} {add} adds {what}")
}

fn render_detail(frame: &mut Frame, area: Rect, wb: &Workbook, keys: &Keymap) {
    let block = Block::bordered()
        .title(" Detail ")
        .border_style(theme::unfocused());
    let Some(i) = wb.current() else {
        let hint = Paragraph::new("Select an entry to see it here.").style(theme::dim());
        frame.render_widget(hint.block(block), area);
        return;
    };
    let detail = text::detail(&wb.doc.account, wb.world.pane, i, keys);
    panes::reading(frame, area, block, &detail, wb.world.detail.top, keys);
}
