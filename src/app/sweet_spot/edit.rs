//! The fit screen's changes: answering a criterion (cycled, or in an editor with the
//! evidence), disqualifying and requalifying, writing a usage scenario (for a goal or threat
//! picked first), picking who uses it and which offering, making it a turn's prepared
//! response or a talking point on the sheet, and deleting it.

use super::{FIT, FitFocus, FitView, text};
use crate::app::chooser::{Chooser, Purpose};
use crate::app::context::{Ctx, save_form};
use crate::app::document::ChangeKind;
use crate::app::editor::{EditForm, Editor};
use crate::app::{Action, Overlay, Scope, Screen};
use crate::domain::ItemId;
use crate::domain::scenario::{Scenario, ScenarioForm, served};
use crate::domain::sweet_spot::{Answer, AnswerForm, DisqualifyForm, answered};
use crate::domain::team::Team;
use crate::domain::text::first_line;
use crate::domain::turn::{Turn, TurnKind};

/// The customer's line of a turn made from a scenario when no turn fits.
pub const NEW_TURN_LINE: &str = "How would this actually work for our people, day to day?";

fn show(cx: &mut Ctx, title: String, rows: Vec<String>, purpose: Purpose) {
    let checked = vec![false; rows.len()];
    cx.show(Overlay::Choose(Box::new(Chooser::new(
        title, rows, checked, purpose,
    ))));
}

/// The selected criterion, or why there is none.
fn criterion<'t>(cx: &mut Ctx, view: &FitView, team: &'t Team) -> Option<(usize, &'t str)> {
    match view
        .current_criterion(team)
        .filter(|_| view.focus == FitFocus::Criteria)
    {
        Some(i) => Some((i, team.criteria()[i].id.as_str())),
        None if team.criteria().is_empty() => {
            cx.say(text::no_criteria(cx.keys));
            None
        }
        None => {
            cx.say("Select a criterion first");
            None
        }
    }
}

/// The selected scenario, or why there is none.
fn scenario(cx: &mut Ctx, view: &FitView) -> Option<usize> {
    let at = view
        .current_scenario(&cx.doc.account)
        .filter(|_| view.focus == FitFocus::Scenarios);
    if at.is_none() {
        let add = cx.key(FIT, Action::Add);
        let next = cx.key(Scope::Workbook, Action::NextPane);
        cx.say(format!(
            "Select a usage scenario first ({next} goes to them, {add} writes one)"
        ));
    }
    at
}

/// `s` on a criterion: yes, no, unknown in turn.
pub(super) fn cycle_answer(cx: &mut Ctx, view: &FitView, team: &Team) {
    let Some((_, id)) = criterion(cx, view, team) else {
        return;
    };
    let answer = cx.change(ChangeKind::Content, |account, now| {
        let next = account.fit.answer(id).next();
        let evidence = account
            .fit
            .entry(id)
            .map(|a| a.evidence.clone())
            .unwrap_or_default();
        account.fit.set(id, next, &evidence, now);
        Ok(next)
    });
    if let Some(answer) = answer {
        let (_, verdict) = text::verdict(&cx.doc.account, team);
        let edit = cx.key(FIT, Action::Edit);
        cx.say(format!(
            "Answered {} · {verdict} ({edit} notes the evidence)",
            answer.word()
        ));
    }
}

/// Enter on a criterion: the answer and its evidence in an editor.
pub(super) fn open_answer(cx: &mut Ctx, view: &FitView, team: &Team) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    if let Some((i, id)) = criterion(cx, view, team) {
        let form = EditForm::Answer(id.to_owned(), AnswerForm::of(&cx.doc.account.fit, id));
        cx.show(Overlay::Editor(Box::new(Editor::new(form, Some(i)))));
    }
}

/// Ctrl-s in the answer editor.
pub(in crate::app) fn save_answer(cx: &mut Ctx, editor: Box<Editor>) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Answer(id, form) => {
            form.apply(&mut account.fit, &id, now);
            Ok(account.fit.answer(&id))
        }
        _ => Err("not an answer".into()),
    });
    if let Ok(Some(answer)) = saved {
        cx.say(format!("Answered {}", answer.word()));
    }
    saved.err()
}

/// `D`: disqualify (the reason asked in an editor, drafted from the criteria answered no),
/// or, when disqualified, take the account back in.
pub(super) fn disqualify(cx: &mut Ctx, team: &Team) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    if cx.doc.account.fit.is_disqualified() {
        let undo = cx.key(Scope::Global, Action::Undo);
        if cx
            .change(ChangeKind::Content, |account, _now| {
                account.fit.requalify();
                Ok(())
            })
            .is_some()
        {
            cx.say(format!(
                "Requalified: back in the rehearsal queue and the report ({undo} undoes)"
            ));
        }
        return;
    }
    let no = answered(team.criteria(), &cx.doc.account.fit, Answer::No);
    let why = match no.as_slice() {
        [] => String::new(),
        no => {
            let which: Vec<String> = no.iter().map(|c| first_line(&c.question)).collect();
            format!("Outside the sweet spot: no to {}", which.join("; "))
        }
    };
    let form = EditForm::Disqualify(DisqualifyForm { why });
    cx.show(Overlay::Editor(Box::new(Editor::new(form, None))));
}

/// Ctrl-s in the disqualify editor.
pub(in crate::app) fn save_disqualify(cx: &mut Ctx, editor: Box<Editor>) -> Option<Box<Editor>> {
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Disqualify(form) => {
            let form = crate::domain::form::Form::tidied(form).map_err(|e| e.to_string())?;
            account.fit.disqualify(&form.why, now).map_err(str::to_owned)?;
            Ok(())
        }
        _ => Err("not a disqualification".into()),
    });
    if let Ok(Some(())) = saved {
        let key = cx.key(FIT, Action::Disqualify);
        cx.say(format!(
            "Disqualified: the file is kept, out of the rehearsal queue and the report's active list ({key} requalifies)"
        ));
    }
    saved.err()
}

/// `a`: pick the goal or threat a new scenario serves (the editor follows).
pub(super) fn choose_goal(cx: &mut Ctx) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let account = &cx.doc.account;
    let items: Vec<_> = account
        .world
        .goals
        .iter()
        .map(|g| ("Goal", g))
        .chain(account.world.threats.iter().map(|t| ("Threat", t)))
        .collect();
    if items.is_empty() {
        let world = cx.key(Scope::Workbook, Action::Screen(Screen::World.number()));
        return cx.say(format!(
            "A scenario serves one of their goals or threats: add one first ({world})"
        ));
    }
    let rows = items
        .iter()
        .map(|(kind, it)| format!("{kind}: {}", first_line(&it.text)))
        .collect();
    let ids = items.iter().map(|(_, it)| it.id.clone()).collect();
    show(
        cx,
        "Which goal or threat would they use it for".into(),
        rows,
        Purpose::ScenarioFor { ids },
    );
}

/// Enter on a scenario: its words in the editor.
pub(super) fn open_scenario(cx: &mut Ctx, view: &FitView) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    if let Some(i) = scenario(cx, view) {
        let s = &cx.doc.account.scenarios[i];
        let form = EditForm::Scenario(s.serves.clone(), ScenarioForm::from(s));
        cx.show(Overlay::Editor(Box::new(Editor::new(form, Some(i)))));
    }
}

/// Ctrl-s in the scenario editor: a new scenario for the goal picked, or a change.
pub(in crate::app) fn save_scenario(
    cx: &mut Ctx,
    view: &mut FitView,
    editor: Box<Editor>,
) -> Option<Box<Editor>> {
    let at = editor.at;
    let saved = save_form(cx, editor, |account, editor, now| match editor.form() {
        EditForm::Scenario(serves, form) => {
            let i = match at {
                Some(i) if i < account.scenarios.len() => i,
                Some(_) => return Err("that scenario is gone".into()),
                None => {
                    account.scenarios.push(Scenario::new(serves, now));
                    account.scenarios.len() - 1
                }
            };
            form.apply(&mut account.scenarios[i], now)
                .map_err(|e| e.to_string())?;
            Ok(i)
        }
        _ => Err("not a scenario".into()),
    });
    if let Ok(Some(i)) = saved {
        view.focus = FitFocus::Scenarios;
        let order = super::scenario_order(&cx.doc.account);
        view.scenario_row = order.iter().position(|&o| o == i).unwrap_or(0);
        let s = &cx.doc.account.scenarios[i];
        let missing = match (
            s.person.is_some() || !s.role.trim().is_empty(),
            s.offering.is_empty(),
        ) {
            (false, _) => format!(" ({} picks who)", cx.key(FIT, Action::People)),
            (true, true) => format!(" ({} picks the offering)", cx.key(FIT, Action::Offering)),
            _ => String::new(),
        };
        cx.say(format!("Saved the scenario{missing}"));
    }
    saved.err()
}

/// `d` on a scenario: delete it (undo brings it back).
pub(super) fn delete_scenario(cx: &mut Ctx, view: &FitView) {
    if view.focus == FitFocus::Criteria {
        let s = cx.key(FIT, Action::CycleStatus);
        return cx.say(format!(
            "Criteria are the team's; {s} answers one for this account"
        ));
    }
    let Some(i) = scenario(cx, view) else {
        return;
    };
    let undo = cx.key(Scope::Global, Action::Undo);
    if cx
        .change(ChangeKind::Content, |account, _now| {
            account.scenarios.remove(i);
            Ok(())
        })
        .is_some()
    {
        cx.say(format!("Deleted the scenario ({undo} brings it back)"));
    }
}

/// `v` on a scenario: a talking point on the call sheet, or not.
pub(super) fn toggle_sheet(cx: &mut Ctx, view: &FitView) {
    let Some(i) = scenario(cx, view) else {
        return;
    };
    let on = cx.change(ChangeKind::Content, |account, now| {
        let s = &mut account.scenarios[i];
        (s.on_sheet, s.updated) = (!s.on_sheet, now);
        Ok(s.on_sheet)
    });
    match on {
        Some(true) => cx.say("On the call sheet as a talking point"),
        Some(false) => cx.say("Off the call sheet"),
        None => {}
    }
}

/// `p` on a scenario: which of their people uses it (a role is typed in the editor).
pub(super) fn choose_who(cx: &mut Ctx, view: &FitView) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(scenario) = scenario(cx, view) else {
        return;
    };
    let account = &cx.doc.account;
    if account.people.is_empty() {
        let edit = cx.key(FIT, Action::Edit);
        return cx.say(format!(
            "No people in their world yet: {edit} types a role instead"
        ));
    }
    let ids: Vec<ItemId> = account.people.iter().map(|p| p.id.clone()).collect();
    let rows = account
        .people
        .iter()
        .map(|p| crate::app::call::text::person(account, &p.id))
        .collect();
    show(
        cx,
        "Who at the customer uses it".into(),
        rows,
        Purpose::ScenarioWho { scenario, ids },
    );
}

/// `o` on a scenario: which of the team's offerings it uses.
pub(super) fn choose_offering(cx: &mut Ctx, view: &FitView, team: &Team) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(scenario) = scenario(cx, view) else {
        return;
    };
    if team.offerings().is_empty() {
        let key = cx.key(FIT, Action::Team);
        return cx.say(format!("The team has no offerings yet: {key} adds them"));
    }
    let rows = team
        .offerings()
        .iter()
        .map(|o| format!("{}: {}", first_line(&o.name), first_line(&o.problem)))
        .collect();
    let ids = team.offerings().iter().map(|o| o.id.clone()).collect();
    show(
        cx,
        "Which offering they use".into(),
        rows,
        Purpose::ScenarioOffering { scenario, ids },
    );
}

/// `t` on a scenario: the turn it becomes the prepared response of (or a new turn).
pub(super) fn choose_turn(cx: &mut Ctx, view: &FitView, team: &Team) {
    if !cx.may(ChangeKind::Content) {
        return;
    }
    let Some(scenario) = scenario(cx, view) else {
        return;
    };
    let account = &cx.doc.account;
    let mut rows = vec![format!("A new turn: “{NEW_TURN_LINE}”")];
    let mut ids = vec![None];
    for t in &account.turns {
        rows.push(format!("{}: {}", t.kind.name(), first_line(&t.line)));
        ids.push(Some(t.id.clone()));
    }
    let response = account.scenarios[scenario].sentence(account, team.offerings());
    let title = "The turn it answers (its prepared response becomes the scenario)".to_owned();
    let purpose = Purpose::ScenarioTurn {
        scenario,
        ids,
        response,
    };
    show(cx, title, rows, purpose);
}

/// True for the choosers this screen opens.
pub(in crate::app) fn is_fit_choice(purpose: &Purpose) -> bool {
    matches!(
        purpose,
        Purpose::ScenarioFor { .. }
            | Purpose::ScenarioWho { .. }
            | Purpose::ScenarioOffering { .. }
            | Purpose::ScenarioTurn { .. }
    )
}

/// Enter in one of this screen's choosers.
pub(in crate::app) fn chosen(cx: &mut Ctx, chooser: Chooser) {
    let cursor = chooser.cursor;
    let message = match chooser.purpose {
        Purpose::ScenarioFor { ids } => {
            if let Some(serves) = ids.get(cursor).cloned() {
                let form = EditForm::Scenario(serves, ScenarioForm::default());
                cx.show(Overlay::Editor(Box::new(Editor::new(form, None))));
            }
            None
        }
        Purpose::ScenarioWho { scenario, ids } => cx.change(ChangeKind::Content, |account, now| {
            let s = account.scenarios.get_mut(scenario).ok_or_else(String::new)?;
            (s.person, s.updated) = (ids.get(cursor).cloned(), now);
            Ok("Who uses it: set".to_owned())
        }),
        Purpose::ScenarioOffering { scenario, ids } => cx.change(ChangeKind::Content, |account, now| {
            let s = account.scenarios.get_mut(scenario).ok_or_else(String::new)?;
            s.offering = ids.get(cursor).cloned().ok_or_else(String::new)?;
            s.updated = now;
            Ok("The offering: set".to_owned())
        }),
        Purpose::ScenarioTurn {
            scenario,
            ids,
            response,
        } => to_turn(cx, scenario, ids.get(cursor).cloned().flatten(), response),
        _ => None,
    };
    if let Some(message) = message {
        cx.say(message);
    }
}

/// Makes scenario `scenario` the prepared response of turn `turn` (a new turn when `None`),
/// linking the turn to the goal the scenario serves.
fn to_turn(cx: &mut Ctx, scenario: usize, turn: Option<ItemId>, response: String) -> Option<String> {
    let rehearse = cx.key(Scope::Workbook, Action::Screen(Screen::Rehearse.number()));
    cx.change(ChangeKind::Content, |account, now| {
        let serves = account
            .scenarios
            .get(scenario)
            .ok_or_else(String::new)?
            .serves
            .clone();
        let at = match turn.and_then(|id| account.turns.iter().position(|t| t.id == id)) {
            Some(at) => at,
            None => {
                account
                    .turns
                    .push(Turn::new(NEW_TURN_LINE, TurnKind::Question, now));
                account.turns.len() - 1
            }
        };
        let goal_there = served(account, &serves).is_some();
        let t = &mut account.turns[at];
        t.response = response;
        if goal_there && !t.links.contains(&serves) {
            t.links.push(serves);
        }
        t.updated = now;
        let (id, line) = (t.id.clone(), first_line(&t.line));
        let s = &mut account.scenarios[scenario];
        (s.turn, s.updated) = (Some(id), now);
        Ok(format!(
            "The prepared response of “{line}” ({rehearse} rehearses it)"
        ))
    })
}
