//! `update`: every behaviour of the app, as state in, state out, plus effects. Overlays
//! (help, editor, prompt, question) and filters are handled here; screens in their modules.

use super::Bank;
use super::call::CallView;
use super::call_choices;
use super::chooser::{self, Chooser};
use super::context::Ctx;
use super::editor::{Editor, Target};
use super::questions::QuestionsState;
use super::rehearse::TurnsView;
use super::workbook;
use super::world::WorldView;
use super::{
    Action, App, Effect, Filter, Overlay, Question, Screen, layout, picker, questions, rehearse, world,
};
use ratatui::layout::Rect;

/// Every part of an open workbook a handler may be given, borrowed apart.
pub(super) struct Parts<'a> {
    /// The context every handler takes.
    pub cx: Ctx<'a>,
    /// The world screen's view.
    pub world: &'a mut WorldView,
    /// The questions screen's view.
    pub questions: &'a mut QuestionsState,
    /// The rehearse screen's turn list.
    pub turns: &'a mut TurnsView,
    /// The call screen's view.
    pub call: &'a mut CallView,
    /// The review screen's view.
    pub review: &'a mut super::review::ReviewView,
    /// The screen shown (the review screen jumps to others).
    pub screen: &'a mut Screen,
    /// The question bank.
    pub bank: &'a mut Bank,
    /// The fit screen's view.
    pub fit: &'a mut super::sweet_spot::FitView,
    /// The team's offerings and criteria.
    pub team: &'a crate::domain::team::Team,
}

/// The open workbook taken apart for a handler; `None` on the picker.
pub(super) fn parts(app: &mut App) -> Option<Parts<'_>> {
    let now = app.now();
    let wb = app.workbook.as_mut()?;
    let mark = (wb.world.pane, wb.world.selected);
    Some(Parts {
        cx: Ctx {
            doc: &mut wb.doc,
            filter: &mut wb.filter,
            status: &mut app.status,
            overlay: &mut app.overlay,
            now,
            viewport: app.viewport,
            keys: &app.keys,
            mark,
            effects: Vec::new(),
        },
        world: &mut wb.world,
        questions: &mut wb.questions,
        turns: &mut wb.turns,
        call: &mut wb.call,
        review: &mut wb.review,
        screen: &mut wb.screen,
        bank: &mut app.bank,
        fit: &mut wb.fit,
        team: &app.team,
    })
}

/// Applies an action and returns the effects the event loop must carry out, in order.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = dispatch(app, action);
    app.picker.refresh();
    questions::refresh(app);
    let now = app.now();
    if let Some(wb) = app.workbook.as_mut() {
        super::review::refresh(wb, &app.team, now);
    }
    if let Some(Overlay::Editor(editor)) = &mut app.overlay {
        editor.refresh();
    }
    effects
}

fn dispatch(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Resize(w, h) = action {
        app.viewport = Rect::new(0, 0, w, h);
        return Vec::new();
    }
    if !layout::fits(app.viewport) {
        // Too small to draw in: only quitting works, and an edit in progress is never dropped.
        return match action {
            Action::Quit if app.typing_changes() => Vec::new(),
            Action::Quit => quit(app),
            _ => Vec::new(),
        };
    }
    if let Some(overlay) = app.overlay.take() {
        let (stays, effects) = overlay_update(app, overlay, action);
        // A handler that opened another popup (a question over the editor) wins.
        if app.overlay.is_none() {
            app.overlay = stays;
        }
        return effects;
    }
    if let Some(filter) = active_filter(app) {
        match action {
            Action::Up | Action::Down => {}
            Action::Quit => return quit(app),
            _ => {
                if filter_update(filter, action) {
                    reset_selection(app);
                }
                return Vec::new();
            }
        }
    }
    if app.rehearsal.is_some() {
        return rehearse::session_update(app, action);
    }
    let Some(screen) = app.workbook.as_ref().map(|wb| wb.screen) else {
        return picker::update(app, action);
    };
    if let Some(effects) = workbook::update(app, &action) {
        return effects;
    }
    match (screen, &action) {
        (Screen::Fit, Action::Team) => {
            super::team::open(app);
            return Vec::new();
        }
        (_, Action::KeepVersion) => return keep_version(app),
        (Screen::Rehearse, Action::RehearseOne) => return rehearse::start_selected(app),
        (Screen::Rehearse, Action::RehearseDue) => return rehearse::start_due(app),
        _ => {}
    }
    let Some(Parts {
        mut cx,
        world,
        questions,
        turns,
        call,
        review,
        screen: shown,
        bank,
        fit,
        team,
    }) = parts(app)
    else {
        return Vec::new();
    };
    match screen {
        Screen::World => world::update(&mut cx, world, action),
        Screen::Questions => questions::update(&mut cx, questions, bank, action),
        Screen::Rehearse => rehearse::list_update(&mut cx, turns, action),
        Screen::Call => super::call::update(&mut cx, call, action),
        Screen::Review => super::review::update(&mut cx, (review, shown, world), action),
        Screen::Fit => super::sweet_spot::update(&mut cx, fit, team, action),
    }
    cx.effects
}

fn active_filter(app: &mut App) -> Option<&mut Filter> {
    let filter = match &mut app.workbook {
        Some(wb) => &mut wb.filter,
        None => &mut app.picker.filter,
    };
    filter.active.then_some(filter)
}

/// Typing in a filter; true when its text changed.
fn filter_update(filter: &mut Filter, action: Action) -> bool {
    match action {
        Action::Input(_) | Action::Paste(_) => filter.input.apply(&action),
        Action::Confirm => {
            filter.active = false;
            false
        }
        Action::Back => {
            *filter = Filter::default();
            true
        }
        _ => false,
    }
}

/// The filter changed what is visible: start again from the first row.
fn reset_selection(app: &mut App) {
    match &mut app.workbook {
        Some(wb) => {
            wb.world.selected = [0; 6];
            (wb.questions.plan_row, wb.questions.bank_row) = (0, 0);
            wb.turns.row = wb.visible_turns().first().copied().unwrap_or(0);
        }
        None => app.picker.selected = 0,
    }
}

/// Handles an action on a popup; returns the popup that stays on screen (itself, changed,
/// or `None` when it closes) and the effects asked for.
fn overlay_update(app: &mut App, overlay: Overlay, action: Action) -> (Option<Overlay>, Vec<Effect>) {
    match overlay {
        Overlay::Help(_) | Overlay::NewAccount(_) | Overlay::Choose(_) if action == Action::Quit => {
            (None, quit(app))
        }
        Overlay::Help(scroll) => {
            let page = layout::help_box_height(app.viewport).saturating_sub(3).max(1);
            let max =
                layout::help_max_scroll(app.viewport, &app.keys, super::keymap::help_message(app).len());
            let scroll = match action {
                Action::Back | Action::Help => return (None, Vec::new()),
                Action::PageDown => (scroll + page).min(max),
                Action::PageUp => scroll.saturating_sub(page),
                Action::Down => (scroll + 1).min(layout::help_max_scroll(
                    app.viewport,
                    &app.keys,
                    super::keymap::help_message(app).len(),
                )),
                Action::Up => scroll.saturating_sub(1),
                _ => scroll,
            };
            (Some(Overlay::Help(scroll)), Vec::new())
        }
        Overlay::Editor(editor) => editor_update(app, editor, action),
        Overlay::NewAccount(mut input) => match action {
            Action::Confirm if input.text().trim().is_empty() => {
                app.fail("The account needs a name");
                (Some(Overlay::NewAccount(input)), Vec::new())
            }
            Action::Confirm if app.picker.named(input.text().trim()).is_some() => {
                app.fail(format!(
                    "There is an account called \"{}\" already: open it, or give this one another name",
                    input.text().trim()
                ));
                (Some(Overlay::NewAccount(input)), Vec::new())
            }
            Action::Confirm => (None, vec![Effect::Create(input.text().trim().to_owned())]),
            Action::Back => (None, Vec::new()),
            other => {
                input.apply(&other);
                (Some(Overlay::NewAccount(input)), Vec::new())
            }
        },
        Overlay::Confirm(question) => confirm_update(app, question, action),
        Overlay::Recovered(kept) => match action {
            Action::TakeRecovered => (None, vec![Effect::TakeRecovered(kept)]),
            Action::DropRecovered => (None, vec![Effect::DropRecovered]),
            Action::Back => {
                app.say("Kept for later in recovery.json in the data folder");
                (None, Vec::new())
            }
            Action::Quit => (None, quit(app)),
            _ => (Some(Overlay::Recovered(kept)), Vec::new()),
        },
        Overlay::Sheet { .. } if action == Action::Quit => (None, quit(app)),
        Overlay::Sheet { call, top } => match action {
            Action::Back | Action::Sheet => (None, Vec::new()),
            Action::Down | Action::PageDown | Action::Up | Action::PageUp => {
                let max = sheet_max_top(app, call);
                let down = matches!(action, Action::Down | Action::PageDown);
                let moved = if down {
                    (top + 1).min(max)
                } else {
                    top.saturating_sub(1)
                };
                if max == 0 {
                    let side = if down { "below" } else { "above" };
                    app.say(format!("The whole sheet is on the screen: nothing {side}"));
                }
                (Some(Overlay::Sheet { call, top: moved }), Vec::new())
            }
            _ => (Some(Overlay::Sheet { call, top }), Vec::new()),
        },
        Overlay::Choose(chooser) => choose_update(app, chooser, action),
        Overlay::Team if action == Action::Quit => (None, quit(app)),
        Overlay::Team => super::team::update(app, action),
    }
}

fn choose_update(app: &mut App, mut chooser: Box<Chooser>, action: Action) -> (Option<Overlay>, Vec<Effect>) {
    let last = chooser.rows.len().saturating_sub(1);
    match action {
        Action::Back => return (None, Vec::new()),
        Action::Confirm => {
            let effects = on_workbook(app, |cx, _| {
                if call_choices::is_call_choice(&chooser.purpose) {
                    call_choices::chosen(cx, *chooser);
                } else if super::sweet_spot::is_fit_choice(&chooser.purpose) {
                    super::sweet_spot::chosen(cx, *chooser);
                } else {
                    chooser::chosen(cx, *chooser);
                }
                None
            });
            return (None, effects);
        }
        Action::Up => chooser.cursor = chooser.cursor.saturating_sub(1),
        Action::Down => chooser.cursor = (chooser.cursor + 1).min(last),
        Action::Toggle if chooser.multi() => {
            let c = chooser.cursor;
            chooser.checked[c] = !chooser.checked[c];
        }
        _ => {}
    }
    (Some(Overlay::Choose(chooser)), Vec::new())
}

/// Runs `f` on the open workbook's parts and returns the effects it asked for.
fn on_workbook(app: &mut App, f: impl FnOnce(&mut Ctx, Views) -> Option<Overlay>) -> Vec<Effect> {
    on_workbook_keep(app, f).1
}

/// The screen views a popup's handler may need.
type Views<'a> = (
    &'a mut world::WorldView,
    &'a mut super::QuestionsState,
    &'a mut rehearse::TurnsView,
    &'a mut CallView,
    &'a mut super::sweet_spot::FitView,
);

/// Like [`on_workbook`], also returning the popup `f` keeps open.
fn on_workbook_keep(
    app: &mut App,
    f: impl FnOnce(&mut Ctx, Views) -> Option<Overlay>,
) -> (Option<Overlay>, Vec<Effect>) {
    let Some(Parts {
        mut cx,
        world,
        questions,
        turns,
        call,
        fit,
        ..
    }) = parts(app)
    else {
        return (None, Vec::new());
    };
    let stays = f(&mut cx, (world, questions, turns, call, fit));
    (stays, cx.effects)
}

fn editor_update(app: &mut App, mut editor: Box<Editor>, action: Action) -> (Option<Overlay>, Vec<Effect>) {
    // The team's files are edited from a popup, with or without an account open.
    let team = matches!(editor.target(), Target::Offering | Target::Criterion);
    match action {
        Action::Save if team => return super::team::save_editor(app, editor),
        Action::Back if team && !editor.is_changed() => return (Some(Overlay::Team), Vec::new()),
        Action::Save => {
            let author = app.reviewer.clone();
            return on_workbook_keep(app, |cx, (world, questions, turns, call, fit)| {
                let stays = match editor.target() {
                    Target::Entry(pane) => world::save_editor(cx, world, editor, pane),
                    Target::Question => questions::save_editor(cx, questions, editor),
                    Target::Turn => rehearse::save_editor(cx, turns, editor),
                    Target::Profile => world::save_profile(cx, editor),
                    Target::Task => super::call::save_task(cx, call, editor),
                    Target::Call => super::call::save_call(cx, call, editor),
                    Target::Journey => super::call::save_journey(cx, editor),
                    Target::Debrief => super::call::save_debrief(cx, editor),
                    Target::Comment | Target::Reply => super::comments::save(cx, editor, &author),
                    Target::Answer => super::sweet_spot::save_answer(cx, editor),
                    Target::Scenario => super::sweet_spot::save_scenario(cx, fit, editor),
                    Target::Disqualify => super::sweet_spot::save_disqualify(cx, editor),
                    // Carried out above, before an account is needed.
                    Target::Offering | Target::Criterion => Some(editor),
                };
                stays.map(Overlay::Editor)
            });
        }
        Action::UseRewrite if editor.target() == Target::Question => {
            on_workbook(app, |cx, _| {
                questions::use_rewrite(cx, &mut editor);
                None
            });
        }
        Action::UseRewrite => app.say("Only questions have a rewrite from the linter"),
        Action::Back if editor.is_changed() => {
            return (Some(Overlay::Confirm(Question::DiscardEdit(editor))), Vec::new());
        }
        Action::Quit if editor.is_changed() => {
            return (
                Some(Overlay::Confirm(Question::QuitDroppingEdit(editor))),
                Vec::new(),
            );
        }
        Action::Quit => return (None, quit(app)),
        Action::Back => return (None, Vec::new()),
        Action::NextField => editor.next_field(),
        Action::PrevField => editor.prev_field(),
        Action::Input(key) => editor.input(key),
        Action::Paste(text) => editor.paste(&text),
        _ => {}
    }
    (Some(Overlay::Editor(editor)), Vec::new())
}

fn confirm_update(app: &mut App, question: Question, action: Action) -> (Option<Overlay>, Vec<Effect>) {
    let effects = match (action, question) {
        (Action::Confirm, Question::DiscardEdit(_)) => {
            app.say("Changes dropped");
            Vec::new()
        }
        (Action::Deny, Question::DiscardEdit(editor) | Question::QuitDroppingEdit(editor)) => {
            return (Some(Overlay::Editor(editor)), Vec::new());
        }
        (Action::Confirm, Question::QuitDroppingEdit(_)) | (Action::Quit, _) => quit(app),
        (Action::Confirm, Question::Trash { stem, .. }) => vec![Effect::Trash(stem)],
        (Action::Confirm, Question::LeaveUnsaved { quit: true }) => vec![Effect::Quit],
        (Action::Confirm, Question::LeaveUnsaved { quit: false }) => vec![Effect::Close],
        (Action::Confirm, Question::WriteBack) => vec![Effect::WriteBack],
        (Action::Deny, _) => Vec::new(),
        (_, question) => return (Some(Overlay::Confirm(question)), Vec::new()),
    };
    (None, effects)
}

/// Quitting from wherever the user is: the open account is saved first (the effects runner
/// asks before leaving if that save fails).
fn quit(app: &mut App) -> Vec<Effect> {
    app.overlay = None;
    if app.rehearsal.is_some() {
        // A session keeps an answer left mid-way as a draft.
        return rehearse::session_update(app, Action::Quit);
    }
    match app.workbook.as_ref() {
        Some(wb) if wb.doc.dirty => vec![Effect::Save, Effect::Quit],
        _ => vec![Effect::Quit],
    }
}

/// The furthest the call sheet of call `call` scrolls on this terminal (it fills the screen).
fn sheet_max_top(app: &App, call: usize) -> usize {
    let Some(c) = app
        .workbook
        .as_ref()
        .and_then(|wb| wb.doc.account.calls.get(call))
    else {
        return 0;
    };
    let (width, rows) = (
        app.viewport.width.saturating_sub(2),
        app.viewport.height.saturating_sub(2),
    );
    let account = &app.workbook.as_ref().map(|wb| &wb.doc.account);
    let lines = account.map_or(0, |a| {
        crate::domain::sheet::sheet(a, c, app.team.offerings(), usize::from(width)).len()
    });
    lines.saturating_sub(usize::from(rows))
}

/// Keeps the selected version of a record a merge kept twice (see `domain::copies`), undoably.
fn keep_version(app: &mut App) -> Vec<Effect> {
    let Some(anchor) = app.workbook.as_ref().and_then(super::comments::selected_anchor) else {
        app.say("Select an entry first");
        return Vec::new();
    };
    let Some(Parts { mut cx, .. }) = parts(app) else {
        return Vec::new();
    };
    let undo = cx.key(super::Scope::Global, Action::Undo);
    let kept = cx.change(super::ChangeKind::Content, |account, _now| {
        let kept = crate::domain::copies::keep(account, &anchor).ok_or_else(|| {
            "This entry was not changed in two places: there is no other version to drop".to_owned()
        })?;
        *account = kept;
        Ok(())
    });
    if kept.is_some() {
        cx.say(format!(
            "Kept this version and dropped the other ({undo} brings it back)"
        ));
    }
    cx.effects
}
