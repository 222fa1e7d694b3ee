//! The team's files as a popup (`o` on the picker, or from the fit screen): what we offer
//! (`offerings.json`), each by the customer's problem it solves, with what the linter finds in
//! it, and the sweet spot's criteria (`sweet-spot.json`). Adding, editing and deleting write
//! the file at once; the last delete can be brought back.

use super::editor::{EditForm, Editor};
use super::{Action, App, Effect, Overlay, Scope};
use crate::domain::offering::{Offering, OfferingForm};
use crate::domain::sweet_spot::{Criterion, CriterionForm};
use crate::domain::team::Team;
use crate::domain::text::first_line;

/// Which of the team's lists has focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TeamFocus {
    /// What we offer.
    #[default]
    Offerings,
    /// The sweet spot's criteria.
    Criteria,
}

/// Which team file a change is written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamFile {
    /// `offerings.json`.
    Offerings,
    /// `sweet-spot.json`.
    SweetSpot,
}

/// The last entry deleted, to bring back.
#[derive(Clone, Debug, PartialEq)]
enum Trashed {
    Offering(usize, Offering),
    Criterion(usize, Criterion),
}

/// The popup's state: the focused list, each list's selection, the last delete.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamView {
    /// The focused list.
    pub focus: TeamFocus,
    /// The selected offering and criterion.
    pub rows: [usize; 2],
    trashed: Option<Trashed>,
}

impl TeamView {
    /// The selected row of the focused list.
    pub fn row(&self) -> usize {
        self.rows[self.focus as usize]
    }

    fn len(&self, team: &Team) -> usize {
        match self.focus {
            TeamFocus::Offerings => team.offerings().len(),
            TeamFocus::Criteria => team.criteria().len(),
        }
    }
}

/// Opens the popup.
pub(super) fn open(app: &mut App) {
    app.overlay = Some(Overlay::Team);
    let add = app.key(Scope::Team, Action::Add);
    app.say(format!(
        "The team's files: what we offer and who fits; {add} adds, changes are written at once"
    ));
}

/// Handles an action in the popup; returns whether it stays and the effects.
pub(super) fn update(app: &mut App, action: Action) -> (Option<Overlay>, Vec<Effect>) {
    let view = &mut app.team_view;
    let last = view.len(&app.team).saturating_sub(1);
    let row = &mut view.rows[view.focus as usize];
    match action {
        Action::Back => return (None, Vec::new()),
        Action::NextPane | Action::PrevPane => {
            view.focus = match view.focus {
                TeamFocus::Offerings => TeamFocus::Criteria,
                TeamFocus::Criteria => TeamFocus::Offerings,
            }
        }
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(last),
        Action::Top => *row = 0,
        Action::Bottom => *row = last,
        Action::Add => return (Some(editor(app, true)), Vec::new()),
        Action::Edit => return (Some(editor(app, false)), Vec::new()),
        Action::Delete => return (Some(Overlay::Team), delete(app)),
        Action::Undo => return (Some(Overlay::Team), undelete(app)),
        _ => {}
    }
    (Some(Overlay::Team), Vec::new())
}

/// The editor of a new entry of the focused list, or of the selected one.
fn editor(app: &mut App, new: bool) -> Overlay {
    let view = &app.team_view;
    let at = (!new).then(|| view.row()).filter(|&i| i < view.len(&app.team));
    if !new && at.is_none() {
        let add = app.key(Scope::Team, Action::Add);
        app.say(format!("Nothing to edit yet: {add} adds one"));
        return Overlay::Team;
    }
    let form = match (view.focus, at) {
        (TeamFocus::Offerings, Some(i)) => EditForm::Offering(OfferingForm::from(&app.team.offerings()[i])),
        (TeamFocus::Offerings, None) => EditForm::Offering(OfferingForm::default()),
        (TeamFocus::Criteria, Some(i)) => EditForm::Criterion(CriterionForm::of(&app.team.criteria()[i])),
        (TeamFocus::Criteria, None) => EditForm::Criterion(CriterionForm::default()),
    };
    Overlay::Editor(Box::new(Editor::new(form, at)))
}

/// Ctrl-s in an offering's or criterion's editor: the change is made and its file written;
/// a refused change keeps the editor open with why.
pub(super) fn save_editor(app: &mut App, mut editor: Box<Editor>) -> (Option<Overlay>, Vec<Effect>) {
    if editor.at.is_some() && !editor.is_changed() {
        app.say("No changes");
        return (Some(Overlay::Team), Vec::new());
    }
    let saved = match editor.form() {
        EditForm::Offering(form) => form
            .apply(&mut app.team.offerings, editor.at)
            .map(|i| (TeamFile::Offerings, i)),
        EditForm::Criterion(form) => form
            .apply(&mut app.team.sweet_spot, editor.at)
            .map(|i| (TeamFile::SweetSpot, i)),
        _ => return (Some(Overlay::Editor(editor)), Vec::new()),
    };
    match saved {
        Ok((file, i)) => {
            let focus = match file {
                TeamFile::Offerings => TeamFocus::Offerings,
                TeamFile::SweetSpot => TeamFocus::Criteria,
            };
            app.team_view.focus = focus;
            app.team_view.rows[focus as usize] = i;
            app.say(saved_words(&app.team, file, i));
            (Some(Overlay::Team), vec![Effect::SaveTeam(file)])
        }
        Err(e) => {
            editor.error = Some(e.to_string());
            (Some(Overlay::Editor(editor)), Vec::new())
        }
    }
}

/// What a save says: for an offering, what the linter found in its description.
fn saved_words(team: &Team, file: TeamFile, i: usize) -> String {
    match file {
        TeamFile::Offerings => {
            let o = &team.offerings()[i];
            match crate::domain::offering::concerns(o).first() {
                Some(c) => format!("Saved “{}” (⚠ {c})", first_line(&o.name)),
                None => format!("Saved “{}”", first_line(&o.name)),
            }
        }
        TeamFile::SweetSpot => "Saved the criterion".to_owned(),
    }
}

/// `d`: deletes the selected entry (`u` brings it back).
fn delete(app: &mut App) -> Vec<Effect> {
    let view = &mut app.team_view;
    let i = view.row();
    let (trashed, file) = match view.focus {
        TeamFocus::Offerings if i < app.team.offerings.offerings.len() => (
            Trashed::Offering(i, app.team.offerings.offerings.remove(i)),
            TeamFile::Offerings,
        ),
        TeamFocus::Criteria if i < app.team.sweet_spot.criteria.len() => (
            Trashed::Criterion(i, app.team.sweet_spot.criteria.remove(i)),
            TeamFile::SweetSpot,
        ),
        _ => {
            app.say("Nothing to delete");
            return Vec::new();
        }
    };
    view.rows[view.focus as usize] = i.min(view.len(&app.team).saturating_sub(1));
    view.trashed = Some(trashed);
    let undo = app.key(Scope::Team, Action::Undo);
    app.say(format!(
        "Deleted ({undo} brings it back; accounts keep their answers and scenarios)"
    ));
    vec![Effect::SaveTeam(file)]
}

/// `u`: brings back the entry last deleted.
fn undelete(app: &mut App) -> Vec<Effect> {
    let file = match app.team_view.trashed.take() {
        Some(Trashed::Offering(i, o)) => {
            let at = i.min(app.team.offerings.offerings.len());
            app.team.offerings.offerings.insert(at, o);
            TeamFile::Offerings
        }
        Some(Trashed::Criterion(i, c)) => {
            let at = i.min(app.team.sweet_spot.criteria.len());
            app.team.sweet_spot.criteria.insert(at, c);
            TeamFile::SweetSpot
        }
        None => {
            app.say("Nothing deleted to bring back");
            return Vec::new();
        }
    };
    app.say("Brought it back");
    vec![Effect::SaveTeam(file)]
}
