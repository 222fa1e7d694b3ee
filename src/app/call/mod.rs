//! Screen 4, the call: where the customer stands in their journey, their own tasks to move
//! forward, and the calls (plans, the call sheet, debriefs). What it says is in `text.rs`;
//! the choosers it opens (owner, attendees, agenda, objective, evidence) in `chooser.rs`.

mod edit;
pub mod text;

pub(super) use edit::{save_call, save_debrief, save_journey, save_task};

use super::context::Ctx;
use super::document::ChangeKind;
use super::reading::{ListLayout, Reading, Scroll};
use super::{Action, Overlay, Scope, Screen, call_choices, layout};
use crate::domain::Account;
use crate::domain::journey::TaskStatus;
use strum::IntoEnumIterator;

/// The call screen's scope, where its messages look keys up.
pub(super) const CALL: Scope = Scope::Screen(Screen::Call);

/// Which list of the call screen has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CallFocus {
    /// The customer's tasks.
    #[default]
    Tasks,
    /// The calls, planned and held.
    Calls,
}

/// The call screen's view state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CallView {
    /// The focused list.
    pub focus: CallFocus,
    /// The selected task (an index into the account's tasks).
    pub task_row: usize,
    /// The selected call, as a row of [`calls_in_order`].
    pub call_row: usize,
    /// How far the detail pane is scrolled.
    pub detail: Scroll,
}

/// The calls in the order the screen lists them: by time, the soonest first.
pub fn calls_in_order(account: &Account) -> Vec<usize> {
    let mut order: Vec<usize> = (0..account.calls.len()).collect();
    order.sort_by_key(|&i| account.calls[i].when);
    order
}

impl CallView {
    /// The selected call's index in the account's calls, if any.
    pub fn current_call(&self, account: &Account) -> Option<usize> {
        calls_in_order(account).get(self.call_row).copied()
    }

    /// The selected task's index, if any.
    pub fn current_task(&self, account: &Account) -> Option<usize> {
        (self.task_row < account.tasks.len()).then_some(self.task_row)
    }

    /// How the focused (or given) list lays out in `(width, height)` cells.
    pub fn list_layout(&self, account: &Account, list: CallFocus, (width, height): (u16, u16)) -> ListLayout {
        let size = (usize::from(width), usize::from(height));
        let open = self.focus == list;
        match list {
            CallFocus::Tasks => {
                let row = |i: usize| text::task_row(account, i);
                ListLayout::new(account.tasks.len(), self.task_row, open, size, &row)
            }
            CallFocus::Calls => {
                let order = calls_in_order(account);
                let row = |r: usize| text::call_row(account, order[r]);
                ListLayout::new(order.len(), self.call_row, open, size, &row)
            }
        }
    }

    /// The selected task or call in full.
    pub fn detail(&self, account: &Account, keys: &super::Keymap) -> Reading {
        match self.focus {
            CallFocus::Tasks => self.current_task(account).map(|i| text::task_detail(account, i)),
            CallFocus::Calls => self
                .current_call(account)
                .map(|i| text::call_detail(account, i, keys)),
        }
        .unwrap_or_default()
    }

    fn len(&self, account: &Account) -> usize {
        match self.focus {
            CallFocus::Tasks => account.tasks.len(),
            CallFocus::Calls => account.calls.len(),
        }
    }

    fn row_mut(&mut self) -> &mut usize {
        match self.focus {
            CallFocus::Tasks => &mut self.task_row,
            CallFocus::Calls => &mut self.call_row,
        }
    }
}

/// Applies an action on the call screen. A new selection shows its detail from the top.
pub(super) fn update(cx: &mut Ctx, view: &mut CallView, action: Action) {
    let before = (view.focus, view.task_row, view.call_row);
    act(cx, view, action);
    if (view.focus, view.task_row, view.call_row) != before {
        view.detail = Scroll::default();
    }
}

fn act(cx: &mut Ctx, view: &mut CallView, action: Action) {
    match action {
        Action::NextPane | Action::PrevPane => {
            view.focus = match view.focus {
                CallFocus::Tasks => CallFocus::Calls,
                CallFocus::Calls => CallFocus::Tasks,
            }
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom => step(cx, view, &action),
        Action::ScrollUp(..) => step(cx, view, &Action::Up),
        Action::ScrollDown(..) => step(cx, view, &Action::Down),
        Action::Click(x, y) => click(cx, view, x, y),
        Action::PageUp | Action::PageDown => page(cx, view, action == Action::PageDown),
        Action::Add => edit::open(cx, view, true),
        Action::Edit => edit::open(cx, view, false),
        Action::Journey => edit::open_journey(cx),
        Action::Delete => edit::delete(cx, view),
        Action::CycleStatus => cycle_status(cx, view),
        Action::People => {
            let at = selected(cx, view);
            call_choices::choose_call_people(cx, view.focus == CallFocus::Tasks, at)
        }
        Action::Agenda => call_choices::choose_agenda(cx, view.current_call(&cx.doc.account)),
        Action::Objective => call_choices::choose_objective(cx, view.current_call(&cx.doc.account)),
        Action::Evidence => call_choices::choose_evidence(cx),
        Action::Sheet => match view.current_call(&cx.doc.account) {
            Some(call) => cx.show(Overlay::Sheet { call, top: 0 }),
            None => cx.say(text::no_calls(cx.keys)),
        },
        Action::Debrief => edit::open_debrief(cx, view),
        _ => {}
    }
}

/// The selected record of the focused list (a task, or a call's index).
fn selected(cx: &Ctx, view: &CallView) -> Option<usize> {
    match view.focus {
        CallFocus::Tasks => view.current_task(&cx.doc.account),
        CallFocus::Calls => view.current_call(&cx.doc.account),
    }
}

fn step(cx: &Ctx, view: &mut CallView, action: &Action) {
    let last = view.len(&cx.doc.account).saturating_sub(1);
    let row = view.row_mut();
    *row = match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (*row + 1).min(last),
        Action::Top => 0,
        _ => last,
    };
}

fn click(cx: &Ctx, view: &mut CallView, x: u16, y: u16) {
    let body = layout::frame(cx.viewport).body;
    let Some((list, dy)) = layout::hit_call(body, x, y) else {
        return;
    };
    let focus = if list { CallFocus::Tasks } else { CallFocus::Calls };
    let areas = layout::call(body);
    let area = layout::inner(if list { areas.tasks } else { areas.calls });
    let lay = view.list_layout(&cx.doc.account, focus, (area.width, area.height));
    view.focus = focus;
    if let Some(row) = dy.and_then(|dy| lay.row_at(dy)) {
        *view.row_mut() = row;
    }
}

fn page(cx: &Ctx, view: &mut CallView, down: bool) {
    let area = layout::inner(layout::call(layout::frame(cx.viewport).body).detail);
    let page = isize::try_from(area.height.saturating_sub(1).max(1)).unwrap_or(1);
    let max = view
        .detail(&cx.doc.account, cx.keys)
        .max_scroll(usize::from(area.width), usize::from(area.height));
    view.detail.by(if down { page } else { -page }, max);
}

fn cycle_status(cx: &mut Ctx, view: &CallView) {
    let Some(i) = view
        .current_task(&cx.doc.account)
        .filter(|_| view.focus == CallFocus::Tasks)
    else {
        return cx.say("Select one of their tasks to move it on");
    };
    let status = cx.change(ChangeKind::Content, |account, now| {
        let t = &mut account.tasks[i];
        let all: Vec<TaskStatus> = TaskStatus::iter().collect();
        let at = all.iter().position(|s| *s == t.status).unwrap_or(0);
        (t.status, t.updated) = (all[(at + 1) % all.len()], now);
        Ok(t.status)
    });
    if let Some(status) = status {
        cx.say(format!(
            "Marked {}",
            crate::domain::form::Choice::word(&status).replace('-', " ")
        ));
    }
}
