//! The fit screen and the scenario editor as drawn: the verdict over the criteria, the
//! scenarios with their marks, the selected one in full with its gaps; at the least size and
//! wide. The selected row's style is checked where it carries meaning.

mod support;

use callbook::domain::team::Team;
use callbook::domain::{Account, Item, Person, Priority};
use ratatui::style::Modifier;
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
            ("regulated", "Do they carry regulated cargo (food, pharma)?"),
        ],
    )
}

fn app() -> callbook::app::App {
    let mut a = Account::new("Ashcombe Cold Freight", noon());
    let mut goal = Item::new("Cut spoilage claims below 0.5% of loads", noon());
    goal.priority = Priority::High;
    let mut audit = Item::new("Pass the retailer's cold-chain audit in March", noon());
    audit.priority = Priority::High;
    a.world.goals = vec![goal, audit];
    a.people = vec![Person::new("Priya Nair", noon())];
    let mut app = app_with(a);
    app.team = team();
    press(
        &mut app,
        "6s<Enter><Tab>Their site lists 340 reefer trailers<C-s>js",
    );
    press(
        &mut app,
        "a<Enter>reroute a load before it spoils<Tab>The night dispatcher<Tab>",
    );
    press(
        &mut app,
        "spoilage claims fall from 1.2% to under 0.5% of loads<C-s>o<Enter>v",
    );
    app
}

#[test]
fn the_fit_screen_at_the_least_size() {
    let mut app = app();
    let text = screen_text(&mut app, (80, 24));
    assert!(text.contains("How they'd use us (1) · ⚠ 2 gaps"), "{text}");
    insta::assert_snapshot!("fit_80x24", text);
    let wide = screen_text(&mut app, (200, 40));
    assert!(
        wide.contains("No scenario for the high-priority goal “Pass the retailer's"),
        "{wide}"
    );
    assert!(
        wide.contains("No scenario uses audit-ready load records"),
        "{wide}"
    );
}

#[test]
fn the_fit_screen_wide_with_the_criteria_focused() {
    let mut app = app();
    press(&mut app, "<Tab>");
    let terminal = draw_app(&mut app, (200, 40));
    let text = cells(&terminal);
    assert!(text.contains("Sweet spot: unknown, 1 not answered"), "{text}");
    assert!(text.contains("· no evidence"), "{text}");
    insta::assert_snapshot!("fit_200x40", text);
    // The selected criterion (the second) is drawn reversed in the focused list.
    let buf = terminal.backend().buffer();
    let row = (0..40)
        .find(|&y| {
            let line: String = (0..120).map(|x| buf[(x, y)].symbol().to_owned()).collect();
            line.contains("more than 200 vehicles")
        })
        .expect("the second criterion is drawn");
    let x = (0..120)
        .find(|&x| buf[(x, row)].symbol() == "D")
        .expect("its text");
    assert!(
        buf[(x, row)].modifier.contains(Modifier::REVERSED)
            || buf[(x, row)].bg != ratatui::style::Color::Reset,
        "the selected row stands out"
    );
}

#[test]
fn the_scenario_editor() {
    let mut app = app();
    press(&mut app, "<Enter>");
    let text = screen_text(&mut app, (80, 24));
    assert!(text.contains("What they do with it"), "{text}");
    insta::assert_snapshot!("scenario_editor_80x24", text);
}
