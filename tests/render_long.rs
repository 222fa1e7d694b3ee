//! Long, realistic entries at the least size (80×24) and a large one (200×60): every screen
//! shows the text whole or marks the cut with `…`, and the selected entry reads in full.

mod support;

use callbook::app::{Action, update};
use callbook::domain::plan::Question;
use callbook::domain::turn::{Turn, TurnKind};
use callbook::domain::{Account, Item, Person, Priority, Role};
use support::*;

const NAME: &str = "Keighley & Northern Refrigerated Distribution Holdings Ltd.";
const GOAL: &str = "Win back the three Leeds grocery distribution centres lost in 2025 by proving on-time temperature records for every load";

/// An account whose every kind of entry is long: a name of 60 characters, goals of 120, notes
/// of 15 lines, a question and its answer, a turn and its prepared response.
fn long_account() -> Account {
    let mut a = Account::new(NAME, noon());
    a.profile.industry = "Refrigerated trucking and cross-docking for grocers and pharma".into();
    a.profile.summary = "A family-run carrier of 180 tractors in West Yorkshire, moving chilled and frozen food for four grocers and two pharma wholesalers.".into();
    let mut goal = Item::new(GOAL, noon());
    goal.priority = Priority::High;
    goal.notes = (1..=15)
        .map(|i| format!("Note {i}: what the ops director said about lane {i} on the call."))
        .collect::<Vec<_>>()
        .join("\n");
    goal.their_words = "If we can't show the records, we don't get back in the room.".into();
    a.world.goals.push(goal);
    for text in [
        "Cut fuel spend per mile by a tenth across the night network before the 2027 contract renewals start in March",
        "Hire and keep forty more night drivers without raising the base rate above what the Leeds depots can carry",
    ] {
        a.world.goals.push(Item::new(text, noon()));
    }
    a.world.threats.push(Item::new("A national carrier is pricing the Leeds lanes eight percent under cost to win them back before the tender", noon()));
    let mut p = Person::new("Margaret Oyelaran-Whitfield", noon());
    (p.title, p.role) = (
        "Group Director of Operations and Cold-Chain Compliance".into(),
        Role::DecisionMaker,
    );
    a.people.push(p);
    let mut q = Question::new(
        "What would proving temperature records for every load change for your team when the Leeds tender reopens next spring?",
        vec![],
        None,
        noon(),
    );
    q.answer = "They would stop the manual print-outs at every dock, and the compliance team would get two days a week back.".into();
    a.questions.push(q);
    let mut t = Turn::new(
        "We already have a telematics supplier and I am not going to rip that out twelve months into a three-year contract.",
        TurnKind::Objection,
        noon(),
    );
    t.response = "Fair enough, nobody wants to undo a contract that works. What does the current system give you on temperature records, and where do the gaps show up for the grocers?".into();
    a.turns.push(t);
    a
}

/// The words of the screen, in reading order, for finding a text however it wrapped.
fn words(screen: &str) -> String {
    screen
        .lines()
        .flat_map(|l| l.split(['│', '┌', '┐', '└', '┘', '─']))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of each column of boxes, top to bottom, blanks folded: a box's wrapped rows
/// read as one text, apart from the boxes beside it.
fn columns(screen: &str) -> Vec<String> {
    let mut by_x: std::collections::BTreeMap<usize, String> = Default::default();
    for line in screen.lines().filter(|l| !l.contains(['┌', '└'])) {
        let mut x = 0;
        for cell in line.split('│') {
            let text = by_x.entry(x).or_default();
            text.push(' ');
            text.push_str(cell.trim());
            x += cell.chars().count() + 1;
        }
    }
    by_x.into_values()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Wherever the start of `text` shows, it goes on whole, or it stops at `…`: a cut never
/// goes unmarked.
fn cuts_are_marked(screen: &str, texts: &[&str]) {
    for column in columns(screen) {
        for text in texts {
            let head: String = text.chars().take(16).collect();
            for (at, _) in column.match_indices(&head) {
                let shown: Vec<char> = column[at..].chars().collect();
                let whole: Vec<char> = text.chars().collect();
                let ok = whole
                    .iter()
                    .zip(&shown)
                    .position(|(a, b)| a != b)
                    .is_none_or(|k| shown[k] == '…');
                assert!(ok, "{text:?} is cut without a mark in {column:?}:\n{screen}");
            }
        }
    }
}

fn screens(size: (u16, u16)) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut app = app_with(long_account());
    out.push(("world", cells(&draw_app(&mut app, size))));
    press(&mut app, "<Tab><Tab><Tab><Tab>");
    out.push(("world_people", cells(&draw_app(&mut app, size))));
    press(&mut app, "2");
    out.push(("questions_plan", cells(&draw_app(&mut app, size))));
    press(&mut app, "<Tab>");
    out.push(("questions_bank", cells(&draw_app(&mut app, size))));
    press(&mut app, "3");
    out.push(("turns", cells(&draw_app(&mut app, size))));
    press(
        &mut app,
        "<Enter>What would the gaps cost you at the Leeds tender if nothing changes?<C-s>",
    );
    out.push(("session_checks", cells(&draw_app(&mut app, size))));
    let mut app = app_with(long_account());
    press(&mut app, "<Enter>");
    out.push(("editor", cells(&draw_app(&mut app, size))));
    out
}

#[test]
fn long_entries_at_80_by_24() {
    for (name, screen) in screens((80, 24)) {
        insta::assert_snapshot!(format!("long_80x24_{name}"), screen);
        cuts_are_marked(&screen, &[GOAL, NAME]);
    }
}

#[test]
fn long_entries_at_200_by_60() {
    for (name, screen) in screens((200, 60)) {
        insta::assert_snapshot!(format!("long_200x60_{name}"), screen);
        cuts_are_marked(&screen, &[GOAL, NAME]);
    }
}

#[test]
fn the_selected_goal_and_its_notes_read_in_full() {
    let mut app = app_with(long_account());
    let screen = cells(&draw_app(&mut app, (80, 24)));
    assert!(
        words(&screen).contains(GOAL),
        "the goal is not whole on screen:\n{screen}"
    );
    assert!(
        screen.contains("↓ more"),
        "the detail says there is more below:\n{screen}"
    );
    // Page through the detail: every note line shows on some page.
    let mut seen = words(&screen);
    for _ in 0..10 {
        update(&mut app, Action::PageDown);
        seen.push(' ');
        seen.push_str(&words(&cells(&draw_app(&mut app, (80, 24)))));
    }
    for i in 1..=15 {
        assert!(seen.contains(&format!("Note {i}:")), "note {i} never showed");
    }
    assert!(
        seen.contains("don't get back in the room"),
        "their own words never showed"
    );
}

#[test]
fn the_tabs_always_show_and_a_long_name_is_cut_first() {
    let mut app = app_with(long_account());
    let screen = cells(&draw_app(&mut app, (80, 24)));
    let header = screen.lines().next().unwrap();
    for tab in ["1 World", "2 Questions", "3 Rehearse", "4 Call", "5 Review"] {
        assert!(header.contains(tab), "{header}");
    }
    assert!(header.contains('…') && !header.contains(NAME), "{header}");
}

#[test]
fn the_selected_question_shows_its_answer_and_verdict_in_full() {
    let mut app = app_with(long_account());
    press(&mut app, "2");
    let mut seen = String::new();
    for _ in 0..5 {
        seen.push_str(&words(&cells(&draw_app(&mut app, (80, 24)))));
        update(&mut app, Action::PageDown);
    }
    let q = &app.workbook.as_ref().unwrap().doc.account.questions[0];
    assert!(seen.contains(q.text.as_str()), "{seen}");
    assert!(seen.contains("two days a week back"), "the answer heard");
    assert!(seen.contains("question"), "the verdict");
}
