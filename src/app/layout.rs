//! Screen geometry, shared by the views (to draw) and by `update` (to hit-test mouse
//! clicks), so a click always lands on what was drawn there.

use crate::domain::Pane;
use ratatui::layout::{Constraint, Layout, Position, Rect};

/// The smallest terminal the workbook draws in; below it a notice shows instead.
pub const MIN_WIDTH: u16 = 80;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 24;
/// From this width the detail sits beside the panes rather than below them.
const WIDE: u16 = 120;

/// The regions every screen has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The title and tabs.
    pub header: Rect,
    /// The screen's own content.
    pub body: Rect,
    /// Messages: saved, errors, notices.
    pub status: Rect,
    /// Key hints for where the user is.
    pub footer: Rect,
}

/// True when the terminal is big enough to draw in.
pub fn fits(viewport: Rect) -> bool {
    viewport.width >= MIN_WIDTH && viewport.height >= MIN_HEIGHT
}

/// Splits the terminal into header, body, status and footer.
pub fn frame(viewport: Rect) -> Frame {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(viewport);
    Frame {
        header,
        body,
        status,
        footer,
    }
}

/// The world screen: who the customer is, six panes and the detail of the selected entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct World {
    /// One line on who the customer is (their industry, their business).
    pub profile: Rect,
    /// One rectangle per pane, in [`Pane::ALL`] order.
    pub panes: [Rect; 6],
    /// The selected entry's fields.
    pub detail: Rect,
}

/// Lays out the world screen inside `body`: the profile line on top, panes in a 3×2 grid,
/// the detail beside them on wide terminals and below them on narrow ones.
pub fn world(body: Rect) -> World {
    let [profile, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
    let (grid, detail) = if body.width >= WIDE {
        let [g, d] = Layout::horizontal([Constraint::Percentage(66), Constraint::Percentage(34)]).areas(body);
        (g, d)
    } else {
        let [g, d] = Layout::vertical([Constraint::Min(8), Constraint::Length(7)]).areas(body);
        (g, d)
    };
    let rows: [Rect; 2] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(grid);
    let mut panes = [Rect::default(); 6];
    for (r, row) in rows.iter().enumerate() {
        let cols: [Rect; 3] = Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(*row);
        panes[r * 3..r * 3 + 3].copy_from_slice(&cols);
    }
    World {
        profile,
        panes,
        detail,
    }
}

/// The help overlay's height, borders included.
pub fn help_box_height(viewport: Rect) -> u16 {
    viewport.height.saturating_sub(4)
}

/// How far the help text of `keys`, under `message_lines` lines of the last message, can
/// scroll before its end would leave the box.
pub fn help_max_scroll(viewport: Rect, keys: &super::Keymap, message_lines: usize) -> u16 {
    let visible = help_box_height(viewport).saturating_sub(2);
    keys.help_height(message_lines).saturating_sub(visible)
}

/// The questions screen: the plan beside the bank, and below them the selected question's
/// verdict and the plan's health.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Questions {
    /// The account's plan.
    pub plan: Rect,
    /// The bank, ranked for the account.
    pub bank: Rect,
    /// What the selected row is and why (the linter's verdict, why suggested).
    pub detail: Rect,
    /// The plan's health.
    pub health: Rect,
}

/// Lays out the questions screen inside `body`.
/// On a tall terminal the detail grows with it (a quarter of the height), so the selected
/// question, its answer and what it serves read without scrolling.
pub fn questions(body: Rect) -> Questions {
    let detail_rows = (body.height / 4).max(5);
    let [lists, detail, health] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(detail_rows),
        Constraint::Length(5),
    ])
    .areas(body);
    let [plan, bank] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(lists);
    Questions {
        plan,
        bank,
        detail,
        health,
    }
}

/// The list under a cell of the questions screen (`true` for the plan, `false` for the
/// bank), and the screen row of the list under it (0 = its first row) when inside it.
pub fn hit_questions(body: Rect, x: u16, y: u16) -> Option<(bool, Option<usize>)> {
    let l = questions(body);
    let at = Position::new(x, y);
    let (plan, area) = if l.plan.contains(at) {
        (true, l.plan)
    } else if l.bank.contains(at) {
        (false, l.bank)
    } else {
        return None;
    };
    let list = inner(area);
    Some((plan, list.contains(at).then(|| usize::from(y - list.y))))
}

/// True when the cell is on the questions screen's detail pane.
pub fn on_questions_detail(body: Rect, x: u16, y: u16) -> bool {
    questions(body).detail.contains(Position::new(x, y))
}

/// The call screen: the journey and their tasks on the left, the calls on the right, the
/// selected task or call in full below (beside, on a wide terminal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call {
    /// Where they stand.
    pub journey: Rect,
    /// Their tasks.
    pub tasks: Rect,
    /// The calls.
    pub calls: Rect,
    /// The selected task or call.
    pub detail: Rect,
}

/// Lays out the call screen inside `body`.
pub fn call(body: Rect) -> Call {
    let (lists, detail) = lists_and_detail(body);
    let [left, calls] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(lists);
    let journey_rows = if body.height >= 40 { 7 } else { 5 };
    let [journey, tasks] =
        Layout::vertical([Constraint::Length(journey_rows), Constraint::Min(3)]).areas(left);
    Call {
        journey,
        tasks,
        calls,
        detail,
    }
}

/// The list under a cell of the call screen (`true` for the tasks, `false` for the calls),
/// and the screen row of the list under it (0 = its first row) when inside it.
pub fn hit_call(body: Rect, x: u16, y: u16) -> Option<(bool, Option<usize>)> {
    let l = call(body);
    hit_one_of((l.tasks, l.calls), x, y)
}

/// The lists of a screen beside its detail on wide terminals (60:40), above it on narrow ones
/// (the detail a third of the height, at least 8 rows): the call and fit screens.
fn lists_and_detail(body: Rect) -> (Rect, Rect) {
    if body.width >= WIDE {
        let [l, d] = Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(body);
        (l, d)
    } else {
        let rows = (body.height / 3).max(8);
        let [l, d] = Layout::vertical([Constraint::Min(8), Constraint::Length(rows)]).areas(body);
        (l, d)
    }
}

/// Which of two lists a cell is in (`true` for the first), and the screen row of the list
/// under it when inside its borders.
fn hit_one_of((first, second): (Rect, Rect), x: u16, y: u16) -> Option<(bool, Option<usize>)> {
    let at = Position::new(x, y);
    let (is_first, area) = if first.contains(at) {
        (true, first)
    } else if second.contains(at) {
        (false, second)
    } else {
        return None;
    };
    let list = inner(area);
    Some((is_first, list.contains(at).then(|| usize::from(y - list.y))))
}

/// The fit screen: the sweet spot's criteria above the usage scenarios, and the selected
/// one in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The criteria and the account's answers.
    pub criteria: Rect,
    /// The usage scenarios.
    pub scenarios: Rect,
    /// The selected criterion or scenario.
    pub detail: Rect,
}

/// Lays out the fit screen inside `body`: the lists beside the detail on wide terminals,
/// above it on narrow ones.
pub fn fit(body: Rect) -> Fit {
    let (lists, detail) = lists_and_detail(body);
    let [criteria, scenarios] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(lists);
    Fit {
        criteria,
        scenarios,
        detail,
    }
}

/// The list under a cell of the fit screen (`true` for the criteria, `false` for the
/// scenarios), and the screen row of the list under it when inside it.
pub fn hit_fit(body: Rect, x: u16, y: u16) -> Option<(bool, Option<usize>)> {
    let l = fit(body);
    hit_one_of((l.criteria, l.scenarios), x, y)
}

/// The rehearse screen's turn list and the selected turn's detail: side by side on wide
/// terminals, one above the other on narrow ones.
pub fn rehearse(body: Rect) -> (Rect, Rect) {
    let [list, detail] = if body.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body)
    } else {
        Layout::vertical([Constraint::Min(6), Constraint::Length(8)]).areas(body)
    };
    (list, detail)
}

/// The first visible row of a list of `height` rows with row `selected` selected: the
/// list scrolls just enough to keep the selection in view.
pub fn list_offset(selected: usize, height: u16) -> usize {
    let height = usize::from(height.max(1));
    selected.saturating_sub(height - 1)
}

/// The inside of a bordered box.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The pane under a cell, and the screen row of its list under it (0 = the list's first
/// row) when the cell is inside the list.
pub fn hit_world(body: Rect, x: u16, y: u16) -> Option<(Pane, Option<usize>)> {
    let layout = world(body);
    let at = Position::new(x, y);
    let i = layout.panes.iter().position(|r| r.contains(at))?;
    let list = inner(layout.panes[i]);
    let dy = list.contains(at).then(|| usize::from(y - list.y));
    Some((Pane::ALL[i], dy))
}

/// True when the cell is on the world screen's detail pane.
pub fn on_world_detail(body: Rect, x: u16, y: u16) -> bool {
    world(body).detail.contains(Position::new(x, y))
}

/// Rows of the box under the picker's list that describes the selected row.
pub const PICKER_ABOUT: u16 = 5;

/// The picker's list (with its header row) and the box describing the selected row.
pub fn picker(body: Rect) -> (Rect, Rect) {
    let [list, about] = Layout::vertical([Constraint::Min(3), Constraint::Length(PICKER_ABOUT)]).areas(body);
    (list, about)
}

/// The picker's list row under a cell, as an index into the visible rows.
pub fn hit_picker(body: Rect, x: u16, y: u16, selected: usize) -> Option<usize> {
    hit_table(picker(body).0, x, y, selected)
}

/// The row under a cell of a bordered table with a header row drawn in `area`, as an index
/// into its rows, given the selected row (for scrolling).
pub fn hit_table(area: Rect, x: u16, y: u16, selected: usize) -> Option<usize> {
    let mut list = inner(area);
    // The first row is the table's header.
    list.y += 1;
    list.height = list.height.saturating_sub(1);
    list.contains(Position::new(x, y))
        .then(|| list_offset(selected, list.height) + usize::from(y - list.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_grid_without_overlap() {
        for (w, h) in [(80, 22), (120, 38), (200, 60)] {
            let l = world(Rect::new(0, 1, w, h));
            for (i, a) in l.panes.iter().enumerate() {
                assert!(a.width >= 20 && a.height >= 4, "{w}x{h}: {a:?}");
                assert!(!a.intersects(l.detail));
                assert!(l.panes[i + 1..].iter().all(|b| !a.intersects(*b)));
            }
        }
    }

    #[test]
    fn offset_keeps_selection_visible() {
        assert_eq!(list_offset(0, 5), 0);
        assert_eq!(list_offset(4, 5), 0);
        assert_eq!(list_offset(5, 5), 1);
        assert_eq!(list_offset(3, 0), 3);
    }

    #[test]
    fn clicks_find_pane_and_row() {
        let body = Rect::new(0, 1, 80, 22);
        let l = world(body);
        let threats = l.panes[1];
        let hit = hit_world(body, threats.x + 2, threats.y + 2);
        assert_eq!(hit, Some((Pane::Threats, Some(1))));
        assert_eq!(hit_world(body, threats.x, threats.y), Some((Pane::Threats, None)));
        assert_eq!(hit_world(body, l.detail.x + 1, l.detail.y + 1), None);
    }
}
