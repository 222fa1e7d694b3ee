//! Behaviour of the customer's world: panes, selection, the detail pane's scrolling,
//! add/edit/delete/move. What the screen says is in `text.rs`.

pub mod text;

use super::context::{Ctx, save_form};
use super::document::ChangeKind;
use super::editor::{EditForm, Editor};
use super::reading::{ListLayout, Scroll};
use super::{Action, Filter, Overlay, Scope, Screen, layout};
use crate::domain::fields::{self, ProfileForm};
use crate::domain::form::EditError;
use crate::domain::text::first_line;
use crate::domain::{Account, Pane};

/// The world screen's scope, where its messages look keys up.
const WORLD: Scope = Scope::Screen(Screen::World);

/// Where the user is on the world screen: the focused pane and each pane's selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorldView {
    /// The focused pane.
    pub pane: Pane,
    /// The selected row in each pane, in [`Pane::ALL`] order, as an index into the visible rows.
    pub selected: [usize; 6],
    /// How far the detail pane (the selected entry in full) is scrolled.
    pub detail: Scroll,
}

/// The rows of `pane` the filter lets through, as indices into the pane's list.
pub fn visible(account: &Account, filter: &Filter, pane: Pane) -> Vec<usize> {
    let needle = filter.needle();
    (0..account.len(pane))
        .filter(|&i| needle.is_empty() || account.haystack(pane, i).to_lowercase().contains(&needle))
        .collect()
}

impl WorldView {
    /// The list index of the selected entry of the focused pane, if any.
    fn current(&self, cx: &Ctx) -> Option<usize> {
        let rows = visible(&cx.doc.account, cx.filter, self.pane);
        rows.get(self.selected[self.pane.index()]).copied()
    }

    /// Moves the selection of `pane` by `delta` rows, staying inside the list.
    fn step(&mut self, cx: &Ctx, pane: Pane, delta: isize) {
        let len = visible(&cx.doc.account, cx.filter, pane).len();
        let sel = &mut self.selected[pane.index()];
        *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
    }

    /// Selects list entry `i` of `pane`, clearing the filter if it hides the entry.
    fn select(&mut self, cx: &mut Ctx, pane: Pane, i: usize) {
        if !visible(&cx.doc.account, cx.filter, pane).contains(&i) {
            *cx.filter = Filter::default();
        }
        let rows = visible(&cx.doc.account, cx.filter, pane);
        (self.pane, self.selected[pane.index()]) = (pane, rows.iter().position(|&v| v == i).unwrap_or(0));
    }
}

/// Applies an action on the world screen. A new selection shows its detail from the top.
pub(super) fn update(cx: &mut Ctx, view: &mut WorldView, action: Action) {
    let before = (view.pane, view.selected);
    act(cx, view, action);
    if (view.pane, view.selected) != before {
        view.detail = Scroll::default();
    }
}

fn act(cx: &mut Ctx, view: &mut WorldView, action: Action) {
    match action {
        Action::NextPane => view.pane = view.pane.next(),
        Action::PrevPane => view.pane = view.pane.prev(),
        Action::Up => view.step(cx, view.pane, -1),
        Action::Down => view.step(cx, view.pane, 1),
        Action::Top => view.selected[view.pane.index()] = 0,
        Action::Bottom => view.step(cx, view.pane, isize::MAX),
        Action::Click(x, y) => click(cx, view, x, y),
        Action::ScrollUp(x, y) => scroll(cx, view, x, y, -1),
        Action::ScrollDown(x, y) => scroll(cx, view, x, y, 1),
        Action::PageUp => page(cx, view, -1),
        Action::PageDown => page(cx, view, 1),
        Action::Add | Action::Edit => open_editor(cx, view, action == Action::Add),
        Action::Profile if cx.may(ChangeKind::Content) => {
            let form = EditForm::Profile(ProfileForm::from(&cx.doc.account));
            cx.show(Overlay::Editor(Box::new(Editor::new(form, Some(0)))));
        }
        Action::Delete => delete(cx, view),
        Action::MoveUp | Action::MoveDown => reorder(cx, view, action == Action::MoveUp),
        _ => {}
    }
}

/// A click selects the pane and the row under it (the selected row may take several).
fn click(cx: &mut Ctx, view: &mut WorldView, x: u16, y: u16) {
    let body = layout::frame(cx.viewport).body;
    let Some((pane, dy)) = layout::hit_world(body, x, y) else {
        return;
    };
    let rows = visible(&cx.doc.account, cx.filter, pane);
    let list = layout::inner(layout::world(body).panes[pane.index()]);
    let size = (usize::from(list.width), usize::from(list.height));
    let account = &cx.doc.account;
    let row = |r: usize| text::row(account, pane, rows[r]);
    let open = pane == view.pane;
    let lay = ListLayout::new(rows.len(), view.selected[pane.index()], open, size, &row);
    if let Some(r) = dy.and_then(|dy| lay.row_at(dy)) {
        view.selected[pane.index()] = r;
    }
    view.pane = pane;
}

/// The wheel scrolls the detail pane under it, or moves the selection of the pane under it.
fn scroll(cx: &mut Ctx, view: &mut WorldView, x: u16, y: u16, delta: isize) {
    let body = layout::frame(cx.viewport).body;
    if layout::on_world_detail(body, x, y) {
        return scroll_detail(cx, view, delta);
    }
    let pane = layout::hit_world(body, x, y).map_or(view.pane, |(p, _)| p);
    view.step(cx, pane, delta);
}

/// PgUp/PgDn: the detail pane moves a page (its height less one row, for context).
fn page(cx: &mut Ctx, view: &mut WorldView, direction: isize) {
    let detail = layout::inner(layout::world(layout::frame(cx.viewport).body).detail);
    let page = isize::try_from(detail.height.saturating_sub(1).max(1)).unwrap_or(1);
    scroll_detail(cx, view, direction * page);
}

fn scroll_detail(cx: &mut Ctx, view: &mut WorldView, delta: isize) {
    let Some(i) = view.current(cx) else { return };
    let area = layout::inner(layout::world(layout::frame(cx.viewport).body).detail);
    let detail = text::detail(&cx.doc.account, view.pane, i, cx.keys);
    let max = detail.max_scroll(usize::from(area.width), usize::from(area.height));
    view.detail.by(delta, max);
}

fn open_editor(cx: &mut Ctx, view: &WorldView, new: bool) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let pane = view.pane;
    let editor = match (new, view.current(cx)) {
        (true, _) => Editor::new(EditForm::blank(pane), None),
        (false, Some(i)) => match EditForm::entry(&cx.doc.account, pane, i) {
            Some(form) => Editor::new(form, Some(i)),
            None => return,
        },
        (false, None) => {
            let add = cx.key(WORLD, Action::Add);
            return cx.say(format!("{} is empty: {add} adds an entry", pane.title()));
        }
    };
    cx.show(Overlay::Editor(Box::new(editor)));
}

/// Ctrl-s in an entry editor: apply the form to the account, or show why it can't be.
pub(super) fn save_editor(
    cx: &mut Ctx,
    view: &mut WorldView,
    editor: Box<Editor>,
    pane: Pane,
) -> Option<Box<Editor>> {
    let verb = if editor.at.is_some() { "Changed" } else { "Added" };
    let saved = save_form(cx, editor, |account, editor, now| {
        let saved = match editor.form() {
            EditForm::Item(pane, form) => form.apply(account, pane, editor.at, now),
            EditForm::Person(form) => form.apply(account, editor.at, now),
            _ => Err(EditError::NoSuchEntry),
        };
        saved.map_err(|e| e.to_string())
    });
    if let Ok(Some(i)) = saved {
        view.select(cx, pane, i);
        let title = first_line(cx.doc.account.title(pane, i).unwrap_or(""));
        cx.say(format!("{verb} \"{title}\" in {}", pane.title()));
    }
    saved.err()
}

/// Ctrl-s in the profile editor.
pub(super) fn save_profile(cx: &mut Ctx, editor: Box<Editor>) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| {
        let saved = match editor.form() {
            EditForm::Profile(form) => form.apply(account, now),
            _ => Err(EditError::NoSuchEntry),
        };
        saved.map_err(|e| e.to_string())
    });
    if let Ok(Some(())) = saved {
        cx.say("Saved the customer's profile");
    }
    saved.err()
}

fn delete(cx: &mut Ctx, view: &mut WorldView) {
    let (pane, current) = (view.pane, view.current(cx));
    let deleted = cx.change(ChangeKind::Content, |account, now| {
        let i = current.ok_or_else(String::new)?;
        let title = first_line(account.title(pane, i).unwrap_or(""));
        fields::remove(account, pane, i, now);
        Ok(title)
    });
    if let Some(title) = deleted {
        view.step(cx, pane, 0);
        let undo = cx.key(WORLD, Action::Undo);
        cx.say(format!("Deleted \"{title}\" ({undo} undoes)"));
    }
}

fn reorder(cx: &mut Ctx, view: &mut WorldView, up: bool) {
    let (pane, current) = (view.pane, view.current(cx));
    let filtered = !cx.filter.needle().is_empty();
    let clear = cx.key(WORLD, Action::Back);
    let moved = cx.change(ChangeKind::Content, |account, now| {
        if filtered {
            return Err(format!("Clear the filter ({clear}) to reorder"));
        }
        let i = current.ok_or_else(String::new)?;
        fields::move_entry(account, pane, i, up, now).ok_or_else(|| crate::app::reading::at_end(up))
    });
    if let Some(j) = moved {
        view.selected[pane.index()] = j;
        cx.say(format!("Moved {}", if up { "up" } else { "down" }));
    }
}
