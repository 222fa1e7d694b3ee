//! Tests of the call sheet, plain and Markdown.

use super::cells::{CUT, width};
use super::*;
use crate::domain::call::AgendaItem;
use crate::domain::plan::Question;
use crate::domain::progress::next_call;
use crate::domain::sample;
use chrono::{DateTime, Utc};

fn now() -> DateTime<Utc> {
    "2026-12-01T08:30:00Z".parse().unwrap()
}

/// The sample team's offerings, which its talking points name.
fn offerings() -> Vec<crate::domain::offering::Offering> {
    sample::offerings().offerings
}

/// The sample and its planned call.
fn sample() -> (Account, Call) {
    let a = sample::account(now());
    let call = next_call(&a, now()).unwrap().clone();
    (a, call)
}

#[test]
fn the_sample_sheet_fits_80_by_24_and_says_what_matters() {
    let (a, call) = sample();
    let lines = sheet(&a, &call, &offerings(), 80);
    let text = lines.join("\n");
    assert!(lines.len() <= 22, "{} lines:\n{text}", lines.len());
    assert!(lines.iter().all(|l| width(l) <= 80), "{text}");
    assert!(
        lines[0].contains("Ashcombe Cold Freight") && lines[0].contains("14:00 UTC"),
        "{text}"
    );
    assert!(lines[0].contains("45 min"), "{text}");
    for part in [
        "With",
        "Dana Whitlock (economic buyer)",
        "Tomas Reyes (decision maker)",
        "Objective  Dana agrees what rejected loads cost Ashcombe in a year",
        "Up front   Purpose: Put a yearly cost on rejected loads",
        "Decide at the end: Who takes the cost to the board",
        "World      ",
        "Agenda      8m What would the board need to see",
        "32 min",
        "Using us   Kevin Oduya (Night Dispatch Lead) uses backhaul matching to fill",
        "Turns      Dana: “",
        "  → ",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
    assert_eq!(
        text.matches("  → ").count(),
        2,
        "the talking point takes the third turn's place:\n{text}"
    );
}

/// True when every word of `whole` shows in `narrow`, in order, except where a word
/// ending in `…` marks that something was left out.
fn every_cut_marked(whole: &[String], narrow: &[String]) -> bool {
    let whole: Vec<&str> = whole.iter().flat_map(|l| l.split_whitespace()).collect();
    let (mut i, mut skipping) = (0, false);
    for n in narrow.iter().flat_map(|l| l.split_whitespace()) {
        if n.ends_with(CUT) {
            skipping = true;
            continue;
        }
        if skipping {
            match whole[i..].iter().position(|w| *w == n) {
                Some(at) => i += at,
                None => return false,
            }
            skipping = false;
        } else if whole.get(i) != Some(&n) {
            return false;
        }
        i += 1;
    }
    skipping || i == whole.len()
}

#[test]
fn every_line_fits_any_width_and_every_cut_is_marked() {
    let (a, call) = sample();
    let whole = sheet(&a, &call, &offerings(), 1000);
    assert!(
        whole.iter().all(|l| !l.contains(CUT)),
        "nothing is cut at 1000 columns"
    );
    for w in 1..=120 {
        let lines = sheet(&a, &call, &offerings(), w);
        assert!(lines.iter().all(|l| width(l) <= w), "width {w}: {lines:#?}");
        assert!(every_cut_marked(&whole, &lines), "width {w}: {lines:#?}");
    }
    assert!(sheet(&a, &call, &offerings(), 0).is_empty());
    let silent = vec![whole[0].clone(), whole[2].clone()];
    assert!(
        !every_cut_marked(&whole, &silent),
        "the check itself catches a silent cut"
    );
}

#[test]
fn a_bare_plan_says_what_is_missing() {
    let a = Account::new("Bare", now());
    let call = Call::new(now(), now());
    let text = sheet(&a, &call, &offerings(), 80).join("\n");
    for part in [
        "no one yet",
        "none yet: the step",
        "not planned yet",
        "nothing yet",
        "no questions yet",
    ] {
        assert!(text.contains(part), "{part:?}:\n{text}");
    }
    let md = sheet_md(&a, &call, &offerings());
    assert!(
        md.contains("_Nothing yet._") && md.contains("- **With:** no one yet"),
        "{md}"
    );
    assert!(md.contains("⚠ No objective yet"), "{md}");
}

#[test]
fn a_long_agenda_shows_what_is_left_and_hostile_text_is_cleaned() {
    let (mut a, mut call) = sample();
    for n in 0..6 {
        let q = Question::new(&format!("Question {n}\x1b[31m?"), Vec::new(), None, now());
        call.agenda.push(AgendaItem {
            extra: Default::default(),
            question: q.id.clone(),
            minutes: 4,
        });
        a.questions.push(q);
    }
    call.objective = "Dana \x1b[2Jagrees\nthe cost".into();
    let lines = sheet(&a, &call, &offerings(), 80);
    let text = lines.join("\n");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(text.contains("… and 7 more questions, 29m"), "{text}");
    assert!(lines.len() <= 22, "{text}");
    let md = sheet_md(&a, &call, &offerings());
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(md.contains("11. Question 5\u{fffd}[31m? (4 min)"), "{md}");
}

#[test]
fn the_markdown_sheet_holds_everything_uncut() {
    let (mut a, call) = sample();
    let long = "What would the board need to see to put the cost of rejected loads into next year's capex, \
                and who would bring it to them, and what would they ask first?";
    let q = a
        .questions
        .iter_mut()
        .find(|q| q.id == call.agenda[0].question)
        .unwrap();
    q.text = long.into();
    let md = sheet_md(&a, &call, &offerings());
    assert!(md.starts_with("# Call sheet: Ashcombe Cold Freight\n\n"), "{md}");
    assert!(md.contains(&format!("1. {long} (8 min)")), "{md}");
    assert!(
        md.contains("Dana Whitlock, Chief Financial Officer (economic buyer)"),
        "{md}"
    );
    for h in [
        "## Up front",
        "## Their world",
        "## Agenda (32 minutes)",
        "## Likely turns",
        "## Outcomes they reach",
    ] {
        assert!(md.contains(&format!("\n{h}\n")), "{h}:\n{md}");
    }
    assert!(md.contains("**Best:** Dana asks Tomas"), "{md}");
    assert!(
        !md.contains('…') || a.turns.iter().any(|t| t.response.contains('…')),
        "nothing cut"
    );
    assert!(
        !md.contains("Check before dialling"),
        "the sample's plan is sound:\n{md}"
    );
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    assert!(sheet_md_at(&a, &call, &offerings(), 2).starts_with("## Call sheet"));
}

#[test]
fn talking_points_keep_to_their_rows_and_the_markdown_has_them_all() {
    let (mut a, call) = sample();
    let plain = |a: &Account| sheet(a, &call, &offerings(), 80);
    let labelled = |lines: &[String]| lines.iter().position(|l| l.starts_with("Using us ")).unwrap();
    let lines = plain(&a);
    let at = labelled(&lines);
    assert!(lines[at + 1].starts_with("           ") && lines[at + 2].starts_with("Agenda"));
    assert!(
        lines[at + 1].ends_with("so empty miles fall from 17% to under 12%."),
        "wrapped, not cut:\n{}",
        lines.join("\n")
    );

    for s in &mut a.scenarios {
        s.on_sheet = true;
    }
    let lines = plain(&a);
    let at = labelled(&lines);
    assert_eq!(lines[at + 1].trim(), "… and 3 more talking points");
    assert!(lines[at + 2].starts_with("Agenda"));
    assert!(lines.len() <= 22, "{}", lines.join("\n"));
    assert!(lines.iter().all(|l| width(l) <= 80));

    let md = sheet_md(&a, &call, &offerings());
    let part = md.split("## How they'd use us\n\n").nth(1).unwrap();
    assert_eq!(part.split("\n\n").next().unwrap().lines().count(), 4, "{md}");

    for s in &mut a.scenarios {
        s.on_sheet = false;
    }
    assert!(!plain(&a).iter().any(|l| l.starts_with("Using us")));
    assert_eq!(
        plain(&a).join("\n").matches("  → ").count(),
        3,
        "no point, three turns"
    );
    assert!(!sheet_md(&a, &call, &offerings()).contains("How they'd use us"));
}
