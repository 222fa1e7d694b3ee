//! The fit screen (6) driven by keys: answering the sweet spot's criteria and the verdict
//! that follows, disqualifying and requalifying, writing a usage scenario for a goal, picking
//! who and which offering, making it a turn's prepared response and a talking point; and
//! review mode refusing every change.

mod support;

use callbook::app::sweet_spot::FitFocus;
use callbook::app::{Access, App};
use callbook::domain::sweet_spot::{Answer, Standing, standing};
use callbook::domain::team::Team;
use callbook::domain::{Account, Item, Person, Priority};
use support::*;

fn team() -> Team {
    team_of(
        &[
            ("temps", "Live trailer temperatures"),
            ("proof", "Audit-ready load records"),
        ],
        &[
            ("fleet", "Do they run their own refrigerated fleet?"),
            ("size", "Do they run more than 200 vehicles?"),
        ],
    )
}

fn account() -> Account {
    let mut a = Account::new("Ashcombe", noon());
    let mut goal = Item::new("Cut spoilage claims below 0.5% of loads", noon());
    goal.priority = Priority::High;
    a.world.goals = vec![goal];
    a.world.threats = vec![Item::new("The insurer raises the premium", noon())];
    a.people = vec![Person::new("Priya Nair", noon())];
    a
}

fn fit_app() -> App {
    let mut app = app_with(account());
    app.team = team();
    press(&mut app, "6");
    app
}

fn verdict(app: &App) -> Standing {
    let wb = app.workbook.as_ref().unwrap();
    standing(app.team.criteria(), &wb.doc.account.fit)
}

fn status(app: &App) -> String {
    app.status.text.clone()
}

#[test]
fn answering_each_criterion_moves_the_verdict() {
    let mut app = fit_app();
    assert_eq!(verdict(&app), Standing::Unknown);
    press(&mut app, "s");
    assert!(status(&app).contains("Answered yes"), "{}", status(&app));
    press(&mut app, "js");
    assert_eq!(verdict(&app), Standing::Inside);
    assert!(status(&app).contains("Sweet spot: inside"), "{}", status(&app));
    press(&mut app, "s");
    assert_eq!(verdict(&app), Standing::Outside);
    press(&mut app, "u");
    assert_eq!(verdict(&app), Standing::Inside, "undo takes the answer back");
}

#[test]
fn the_answer_editor_keeps_the_evidence() {
    let mut app = fit_app();
    press(&mut app, "<Enter><Tab>Their site lists 340 reefer trailers<C-s>");
    assert!(app.overlay.is_none(), "saved and closed");
    let fit = &app.workbook.as_ref().unwrap().doc.account.fit;
    let a = fit.entry("fleet").unwrap();
    assert_eq!(
        (a.answer, a.evidence.as_str()),
        (Answer::Unknown, "Their site lists 340 reefer trailers")
    );
}

#[test]
fn outside_the_rep_is_offered_to_disqualify_and_can_take_it_back() {
    let mut app = fit_app();
    press(&mut app, "jss");
    assert_eq!(verdict(&app), Standing::Outside);
    let screen = screen_text(&mut app, (120, 30));
    assert!(screen.contains("Sweet spot: outside"), "{screen}");
    assert!(screen.contains("D disqualifies it"), "{screen}");
    press(&mut app, "D");
    assert!(app.overlay.is_some(), "the reason is asked");
    press(&mut app, "<C-s>");
    let fit = &app.workbook.as_ref().unwrap().doc.account.fit;
    let d = fit.disqualified.as_ref().expect("disqualified");
    assert!(
        d.why.contains("no to Do they run more than 200 vehicles?"),
        "{}",
        d.why
    );
    assert_eq!(d.when, noon());
    let screen = screen_text(&mut app, (120, 30));
    assert!(screen.contains("Disqualified 2026-11-23"), "{screen}");
    press(&mut app, "D");
    assert!(!app.workbook.as_ref().unwrap().doc.account.fit.is_disqualified());
    assert!(status(&app).contains("Requalified"), "{}", status(&app));
}

#[test]
fn a_blank_reason_is_refused_and_nothing_changes() {
    let mut app = fit_app();
    press(&mut app, "D<C-s>");
    assert!(app.overlay.is_some(), "the editor stays open with why");
    assert!(!app.workbook.as_ref().unwrap().doc.account.fit.is_disqualified());
}

#[test]
fn a_scenario_is_written_for_a_goal_and_completed_with_who_and_the_offering() {
    let mut app = fit_app();
    press(&mut app, "a<Enter>");
    press(
        &mut app,
        "reroute a load before it spoils<Tab><Tab>spoilage claims fall from 1.2% to under 0.5% of loads<C-s>",
    );
    let wb = app.workbook.as_ref().unwrap();
    assert_eq!(wb.fit.focus, FitFocus::Scenarios);
    let s = &wb.doc.account.scenarios[0];
    assert_eq!(s.serves, wb.doc.account.world.goals[0].id);
    assert_eq!(s.does, "reroute a load before it spoils");
    assert!(status(&app).contains("p picks who"), "{}", status(&app));
    press(&mut app, "p<Enter>o<Enter>");
    let wb = app.workbook.as_ref().unwrap();
    let s = &wb.doc.account.scenarios[0];
    assert_eq!(s.person.as_ref(), Some(&wb.doc.account.people[0].id));
    assert_eq!(s.offering, "temps");
    let screen = screen_text(&mut app, (120, 30));
    assert!(screen.contains("Complete: who, the offering"), "{screen}");
    assert!(
        screen.contains("No scenario uses audit-ready load records"),
        "{screen}"
    );
}

#[test]
fn a_scenario_becomes_a_turns_prepared_response_and_a_talking_point() {
    let mut app = fit_app();
    press(
        &mut app,
        "a<Enter>reroute a load<Tab>The night dispatcher<Tab>claims fall to 0.5%<C-s>o<Enter>",
    );
    press(&mut app, "t<Enter>");
    let a = &app.workbook.as_ref().unwrap().doc.account;
    let (s, t) = (&a.scenarios[0], &a.turns[0]);
    assert_eq!(s.turn.as_ref(), Some(&t.id));
    assert_eq!(
        t.response,
        "The night dispatcher uses live trailer temperatures to reroute a load, so claims fall to 0.5%."
    );
    assert!(t.links.contains(&a.world.goals[0].id), "the turn serves the goal");
    press(&mut app, "v");
    assert!(app.workbook.as_ref().unwrap().doc.account.scenarios[0].on_sheet);
    press(&mut app, "d");
    assert!(app.workbook.as_ref().unwrap().doc.account.scenarios.is_empty());
    press(&mut app, "u");
    assert_eq!(app.workbook.as_ref().unwrap().doc.account.scenarios.len(), 1);
}

#[test]
fn review_mode_changes_nothing_on_the_fit_screen() {
    let mut app = fit_app();
    app.workbook.as_mut().unwrap().doc.access = Access::Review;
    let before = app.workbook.as_ref().unwrap().doc.account.clone();
    for keys in ["s", "<Enter>", "D", "a", "<Tab>p", "o", "t", "v", "d"] {
        press(&mut app, keys);
        press(&mut app, "<Esc>");
        app.overlay = None;
    }
    assert_eq!(app.workbook.as_ref().unwrap().doc.account, before);
}

#[test]
fn with_no_criteria_or_goals_the_screen_says_what_to_do() {
    let mut app = app_with(Account::new("Blank", noon()));
    press(&mut app, "6");
    let screen = screen_text(&mut app, (80, 24));
    assert!(screen.contains("no sweet-spot criteria yet"), "{screen}");
    press(&mut app, "s");
    assert!(
        status(&app).contains("no sweet-spot criteria"),
        "{}",
        status(&app)
    );
    press(&mut app, "a");
    assert!(status(&app).contains("add one first"), "{}", status(&app));
}

#[test]
fn the_world_screen_says_the_verdict_once_it_is_known() {
    let mut app = fit_app();
    let line = |app: &mut App| screen_text(app, (80, 24)).lines().nth(1).unwrap_or("").to_owned();
    press(&mut app, "1");
    assert!(
        !line(&mut app).contains("Sweet spot"),
        "unknown says nothing: {}",
        line(&mut app)
    );
    press(&mut app, "6sjs1");
    assert!(
        line(&mut app).starts_with(" Sweet spot: inside · "),
        "{}",
        line(&mut app)
    );
    press(&mut app, "6s1");
    assert!(
        line(&mut app).starts_with(" Sweet spot: outside · "),
        "{}",
        line(&mut app)
    );
    press(&mut app, "6D<C-s>1");
    assert!(
        line(&mut app).starts_with(" Disqualified 2026-11-23: Outside"),
        "{}",
        line(&mut app)
    );
}

/// The sample's team files.
fn sample_team() -> Team {
    Team {
        offerings: callbook::domain::sample::offerings(),
        sweet_spot: callbook::domain::sample::sweet_spot(),
    }
}

#[test]
fn the_picker_shows_each_accounts_verdict_against_the_teams_criteria() {
    use callbook::domain::AccountId;
    use callbook::storage::{Listing, Summary};
    let sample = callbook::domain::sample::account(noon());
    let mut outside = sample.clone();
    outside.name = "Outside Co".into();
    let first = outside.fit.answers[0].id.clone();
    outside.fit.set(&first, Answer::No, "subcontracts", noon());
    let listed = |a: &Account, id: &str| Listing::Ok(Summary::of(AccountId::parse(id).unwrap(), a));
    let mut app = App::new(
        vec![
            listed(&sample, "sample-abc123"),
            listed(&outside, "outside-abc123"),
        ],
        noon,
    );
    app.team = sample_team();
    let text = screen_text(&mut app, (80, 24));
    let row = |name: &str| text.lines().find(|l| l.contains(name)).unwrap_or("").to_owned();
    assert!(row("Ashcombe").contains(" inside "), "{text}");
    assert!(row("Outside Co").contains(" outside "), "{text}");
    app.team = Team::default();
    let text = screen_text(&mut app, (80, 24));
    assert!(
        text.lines()
            .any(|l| l.contains("Outside Co") && l.contains(" unknown ")),
        "no criteria: {text}"
    );
}

#[test]
fn the_sample_is_inside_with_complete_scenarios_on_the_fit_screen() {
    let mut app = app_with(callbook::domain::sample::account(noon()));
    app.team = sample_team();
    press(&mut app, "6");
    let text = screen_text(&mut app, (120, 40));
    assert!(text.contains("Sweet spot: inside"), "{text}");
    assert!(!text.contains("gap"), "{text}");
    assert!(!text.contains('◐'), "every sample scenario is complete: {text}");
}

#[test]
fn of_an_entry_changed_in_two_places_v_keeps_the_selected_version() {
    use callbook::domain::merge::merge;
    let base = account();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.world.goals[0].text = "Cut spoilage claims below 0.4%".into();
    theirs.world.goals[0].text = "Cut spoilage claims below 0.3%".into();
    let merged = merge(&base, &ours, &theirs).unwrap().account;
    let original = merged.world.goals[0].id.clone();
    let mut app = app_with(merged);
    let detail = screen_text(&mut app, (200, 40));
    assert!(
        detail.contains("Changed in two places: V keeps this version"),
        "{detail}"
    );
    press(&mut app, "jV");
    let goals = &app.workbook.as_ref().unwrap().doc.account.world.goals;
    assert_eq!(goals.len(), 1);
    assert_eq!(
        (goals[0].text.as_str(), &goals[0].id),
        ("Cut spoilage claims below 0.3%", &original)
    );
    assert!(
        app.status.text.contains("Kept this version"),
        "{}",
        app.status.text
    );
    press(&mut app, "u");
    assert_eq!(app.workbook.as_ref().unwrap().doc.account.world.goals.len(), 2);
    press(&mut app, "gV");
    let goals = &app.workbook.as_ref().unwrap().doc.account.world.goals;
    assert_eq!(goals[0].text, "Cut spoilage claims below 0.4%");
    press(&mut app, "V");
    assert!(
        app.status.text.contains("not changed in two places"),
        "{}",
        app.status.text
    );
}
