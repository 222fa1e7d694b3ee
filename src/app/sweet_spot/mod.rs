//! Screen 6, the fit: the team's sweet-spot criteria with this account's answers and the
//! verdict (and disqualifying an account outside it), above the usage scenarios: how their
//! people would use what we offer to reach a goal. What it says is in `text.rs`; its editors,
//! choosers and changes in `edit.rs`.

mod edit;
pub mod text;

pub(super) use edit::{chosen, is_fit_choice, save_answer, save_disqualify, save_scenario};

use super::context::Ctx;
use super::reading::{ListLayout, Reading, Scroll};
use super::{Action, Scope, Screen, layout};
use crate::domain::Account;
use crate::domain::team::Team;

/// The fit screen's scope, where its messages look keys up.
pub(super) const FIT: Scope = Scope::Screen(Screen::Fit);

/// Which list of the fit screen has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FitFocus {
    /// The sweet spot's criteria and the answers.
    #[default]
    Criteria,
    /// The usage scenarios.
    Scenarios,
}

/// The fit screen's view state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FitView {
    /// The focused list.
    pub focus: FitFocus,
    /// The selected criterion (an index into the team's criteria).
    pub criterion_row: usize,
    /// The selected scenario, as a row of [`scenario_order`].
    pub scenario_row: usize,
    /// How far the detail pane is scrolled.
    pub detail: Scroll,
}

/// The scenarios in the order the screen lists them: by the goal (then threat) they serve,
/// in their world's order, each goal's in the order written; a scenario whose goal is gone
/// comes last.
pub fn scenario_order(account: &Account) -> Vec<usize> {
    let items: Vec<_> = account
        .world
        .goals
        .iter()
        .chain(&account.world.threats)
        .map(|it| &it.id)
        .collect();
    let mut order: Vec<usize> = (0..account.scenarios.len()).collect();
    order.sort_by_key(|&i| {
        let serves = &account.scenarios[i].serves;
        (items.iter().position(|id| *id == serves).unwrap_or(usize::MAX), i)
    });
    order
}

impl FitView {
    /// The selected scenario's index in the account's scenarios, if any.
    pub fn current_scenario(&self, account: &Account) -> Option<usize> {
        scenario_order(account).get(self.scenario_row).copied()
    }

    /// The selected criterion's index, if any.
    pub fn current_criterion(&self, team: &Team) -> Option<usize> {
        (self.criterion_row < team.criteria().len()).then_some(self.criterion_row)
    }

    /// How a list lays out in `(width, height)` cells.
    pub fn list_layout(
        &self,
        account: &Account,
        team: &Team,
        list: FitFocus,
        (width, height): (u16, u16),
    ) -> ListLayout {
        let size = (usize::from(width), usize::from(height));
        let open = self.focus == list;
        match list {
            FitFocus::Criteria => {
                let row = |i: usize| text::criterion_row(account, team, i);
                ListLayout::new(team.criteria().len(), self.criterion_row, open, size, &row)
            }
            FitFocus::Scenarios => {
                let row = |r: usize| text::scenario_row(account, team, r);
                ListLayout::new(account.scenarios.len(), self.scenario_row, open, size, &row)
            }
        }
    }

    /// The selected criterion or scenario in full.
    pub fn detail(&self, account: &Account, team: &Team, keys: &super::Keymap) -> Reading {
        match self.focus {
            FitFocus::Criteria => match self.current_criterion(team) {
                Some(i) => text::criterion_detail(account, team, i, keys),
                None => {
                    let mut r = Reading::default();
                    let (tone, words) = text::verdict(account, team);
                    r.line(tone, words);
                    if let Some(advice) = text::verdict_advice(account, team, keys) {
                        r.block(super::reading::Tone::Plain, "", &advice);
                    }
                    r
                }
            },
            FitFocus::Scenarios => {
                let mut r = text::scenario_detail(account, team, self.scenario_row, keys);
                if account.scenarios.is_empty() {
                    text::gap_lines(&mut r, account, team);
                }
                r
            }
        }
    }

    fn len(&self, account: &Account, team: &Team) -> usize {
        match self.focus {
            FitFocus::Criteria => team.criteria().len(),
            FitFocus::Scenarios => account.scenarios.len(),
        }
    }

    fn row_mut(&mut self) -> &mut usize {
        match self.focus {
            FitFocus::Criteria => &mut self.criterion_row,
            FitFocus::Scenarios => &mut self.scenario_row,
        }
    }

    /// Keeps both selections inside their lists.
    pub fn clamp(&mut self, account: &Account, team: &Team) {
        self.criterion_row = self.criterion_row.min(team.criteria().len().saturating_sub(1));
        self.scenario_row = self.scenario_row.min(account.scenarios.len().saturating_sub(1));
    }
}

/// Applies an action on the fit screen. A new selection shows its detail from the top.
pub(super) fn update(cx: &mut Ctx, view: &mut FitView, team: &Team, action: Action) {
    let before = (view.focus, view.criterion_row, view.scenario_row);
    act(cx, view, team, action);
    view.clamp(&cx.doc.account, team);
    if (view.focus, view.criterion_row, view.scenario_row) != before {
        view.detail = Scroll::default();
    }
}

fn act(cx: &mut Ctx, view: &mut FitView, team: &Team, action: Action) {
    match action {
        Action::NextPane | Action::PrevPane => {
            view.focus = match view.focus {
                FitFocus::Criteria => FitFocus::Scenarios,
                FitFocus::Scenarios => FitFocus::Criteria,
            }
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom => step(cx, view, team, &action),
        Action::ScrollUp(..) => step(cx, view, team, &Action::Up),
        Action::ScrollDown(..) => step(cx, view, team, &Action::Down),
        Action::Click(x, y) => click(cx, view, team, x, y),
        Action::PageUp | Action::PageDown => page(cx, view, team, action == Action::PageDown),
        Action::CycleStatus => edit::cycle_answer(cx, view, team),
        Action::Edit => match view.focus {
            FitFocus::Criteria => edit::open_answer(cx, view, team),
            FitFocus::Scenarios => edit::open_scenario(cx, view),
        },
        Action::Add => edit::choose_goal(cx),
        Action::Delete => edit::delete_scenario(cx, view),
        Action::People => edit::choose_who(cx, view),
        Action::Offering => edit::choose_offering(cx, view, team),
        Action::ToTurn => edit::choose_turn(cx, view, team),
        Action::ToSheet => edit::toggle_sheet(cx, view),
        Action::Disqualify => edit::disqualify(cx, team),
        _ => {}
    }
}

fn step(cx: &Ctx, view: &mut FitView, team: &Team, action: &Action) {
    let last = view.len(&cx.doc.account, team).saturating_sub(1);
    let row = view.row_mut();
    *row = match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (*row + 1).min(last),
        Action::Top => 0,
        _ => last,
    };
}

fn click(cx: &Ctx, view: &mut FitView, team: &Team, x: u16, y: u16) {
    let body = layout::frame(cx.viewport).body;
    let Some((criteria, dy)) = layout::hit_fit(body, x, y) else {
        return;
    };
    let focus = if criteria {
        FitFocus::Criteria
    } else {
        FitFocus::Scenarios
    };
    let areas = layout::fit(body);
    let area = layout::inner(if criteria { areas.criteria } else { areas.scenarios });
    let lay = view.list_layout(&cx.doc.account, team, focus, (area.width, area.height));
    view.focus = focus;
    if let Some(row) = dy.and_then(|dy| lay.row_at(dy)) {
        *view.row_mut() = row;
    }
}

fn page(cx: &Ctx, view: &mut FitView, team: &Team, down: bool) {
    let area = layout::inner(layout::fit(layout::frame(cx.viewport).body).detail);
    let page = isize::try_from(area.height.saturating_sub(1).max(1)).unwrap_or(1);
    let max = view
        .detail(&cx.doc.account, team, cx.keys)
        .max_scroll(usize::from(area.width), usize::from(area.height));
    view.detail.by(if down { page } else { -page }, max);
}
