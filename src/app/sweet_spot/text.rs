//! What the fit screen says: the verdict, each criterion with the account's answer, each
//! usage scenario as a row, the selected one in full with what its check found, the gaps,
//! and what an empty list suggests.

use super::{FIT, scenario_order};
use crate::app::Action;
use crate::app::keymap::Keymap;
use crate::app::reading::{Pieces, Reading, Tone};
use crate::domain::Account;
use crate::domain::health::count;
use crate::domain::scenario::{check, gaps, offering_name, served};
use crate::domain::sweet_spot::{Answer, Standing, answered, standing};
use crate::domain::team::Team;
use crate::domain::text::{first_line, shorten};

/// The verdict, in a few words, for the criteria's title: "Sweet spot: inside".
pub fn verdict(account: &Account, team: &Team) -> (Tone, String) {
    if let Some(d) = &account.fit.disqualified {
        return (
            Tone::Bad,
            format!(
                "Disqualified {}: {}",
                d.when.format("%Y-%m-%d"),
                first_line(&d.why)
            ),
        );
    }
    let criteria = team.criteria();
    match standing(criteria, &account.fit) {
        Standing::Inside => (Tone::Good, "Sweet spot: inside".to_owned()),
        Standing::Outside => (Tone::Bad, "Sweet spot: outside".to_owned()),
        Standing::Unknown if criteria.is_empty() => (Tone::Dim, "Sweet spot: no criteria yet".to_owned()),
        Standing::Unknown => {
            let n = answered(criteria, &account.fit, Answer::Unknown).len();
            (Tone::Warn, format!("Sweet spot: unknown, {n} not answered"))
        }
    }
}

/// What the verdict asks of the rep, in a line: outside, it offers to disqualify; while
/// disqualified, how to take the account back.
pub fn verdict_advice(account: &Account, team: &Team, keys: &Keymap) -> Option<String> {
    let key = keys.key(FIT, &Action::Disqualify);
    if account.fit.is_disqualified() {
        return Some(format!(
            "Out of the rehearsal queue and the report's active list; {key} takes it back in"
        ));
    }
    let no = answered(team.criteria(), &account.fit, Answer::No);
    (!no.is_empty()).then(|| {
        let which: Vec<String> = no.iter().map(|c| format!("“{}”", first_line(&c.question))).collect();
        format!(
            "Outside the sweet spot (no to {}): walk away rather than chase it; {key} disqualifies it, keeping its file",
            which.join(", ")
        )
    })
}

/// Criterion `i` as a row: the answer's mark and word, the question, the evidence.
pub fn criterion_row(account: &Account, team: &Team, i: usize) -> Pieces {
    let c = &team.criteria()[i];
    let answer = account.fit.answer(&c.id);
    let mark = match answer {
        Answer::Yes => (Tone::Good, "✓ yes "),
        Answer::No => (Tone::Bad, "✗ no  "),
        Answer::Unknown => (Tone::Dim, "? ··· "),
    };
    let mut pieces = vec![
        (mark.0, mark.1.to_owned()),
        (Tone::Plain, first_line(&c.question)),
    ];
    match account.fit.entry(&c.id).map(|a| a.evidence.trim()) {
        Some(e) if !e.is_empty() => pieces.push((Tone::Dim, format!(" · {}", first_line(e)))),
        _ if answer != Answer::Unknown => pieces.push((Tone::Warn, " · no evidence".into())),
        _ => {}
    }
    pieces
}

/// Scenario `row` (in [`scenario_order`]) as a row: complete or not, the goal, the sentence.
pub fn scenario_row(account: &Account, team: &Team, row: usize) -> Pieces {
    let s = &account.scenarios[scenario_order(account)[row]];
    let complete = check(s, account, team.offerings()).complete();
    let mark = if complete {
        (Tone::Good, "● ")
    } else {
        (Tone::Warn, "◐ ")
    };
    let goal =
        served(account, &s.serves).map_or("(deleted)".to_owned(), |g| shorten(&first_line(&g.text), 28));
    let mut pieces = vec![
        (mark.0, mark.1.to_owned()),
        (Tone::Dim, format!("{goal}: ")),
        (Tone::Plain, s.sentence(account, team.offerings())),
    ];
    if s.on_sheet {
        pieces.push((Tone::Key, " · on the sheet".into()));
    }
    pieces
}

/// Criterion `i` in full, with the verdict below it.
pub fn criterion_detail(account: &Account, team: &Team, i: usize, keys: &Keymap) -> Reading {
    let mut r = Reading::default();
    let Some(c) = team.criteria().get(i) else {
        return r;
    };
    r.block(Tone::Heading, "", &c.question);
    let entry = account.fit.entry(&c.id);
    let answer = account.fit.answer(&c.id);
    r.pieces(vec![
        (Tone::Dim, "Answer: ".into()),
        (
            match answer {
                Answer::Yes => Tone::Good,
                Answer::No => Tone::Bad,
                Answer::Unknown => Tone::Warn,
            },
            answer.word().to_owned(),
        ),
    ]);
    match entry.map(|e| e.evidence.trim()).filter(|e| !e.is_empty()) {
        Some(e) => {
            r.line(Tone::Dim, "What it rests on:");
            r.block(Tone::Plain, "  ", e);
        }
        None => r.line(
            Tone::Warn,
            format!("No evidence noted: {} writes it", keys.key(FIT, &Action::Edit)),
        ),
    }
    if let Some(e) = entry {
        r.line(Tone::Dim, format!("Answered {}", e.updated.format("%Y-%m-%d")));
    }
    r.line(Tone::Plain, "");
    verdict_lines(&mut r, account, team, keys);
    r
}

/// The verdict and what it asks, as lines of a detail.
fn verdict_lines(r: &mut Reading, account: &Account, team: &Team, keys: &Keymap) {
    let (tone, words) = verdict(account, team);
    r.line(tone, words);
    if let Some(advice) = verdict_advice(account, team, keys) {
        r.block(Tone::Plain, "", &advice);
    }
}

/// Scenario `row` in full: what it serves, its sentence, each part, what its check found,
/// where it is used; then the account's gaps.
pub fn scenario_detail(account: &Account, team: &Team, row: usize, keys: &Keymap) -> Reading {
    let mut r = Reading::default();
    let Some(&i) = scenario_order(account).get(row) else {
        return r;
    };
    let s = &account.scenarios[i];
    let goal = served(account, &s.serves).map_or("a goal no longer in their world".to_owned(), |g| {
        first_line(&g.text)
    });
    r.line(Tone::Dim, format!("For: {goal}"));
    r.block(Tone::Heading, "", &s.sentence(account, team.offerings()));
    let found = check(s, account, team.offerings());
    if found.complete() {
        r.line(
            Tone::Good,
            "Complete: who, the offering, the use and a measurable result",
        );
    }
    if !found.missing.is_empty() {
        r.block(Tone::Bad, "", &format!("Missing: {}", found.missing.join(", ")));
    }
    for c in &found.concerns {
        r.block(Tone::Warn, "⚠ ", c);
    }
    let who = s.who(account);
    let part = |label: &str, value: String| {
        let empty = value.trim().is_empty();
        vec![
            (Tone::Dim, format!("{label}: ")),
            if empty {
                (Tone::Bad, "…".to_owned())
            } else {
                (Tone::Plain, first_line(&value))
            },
        ]
    };
    r.pieces(part("Who", who));
    let offering = if s.offering.is_empty() {
        String::new()
    } else {
        offering_name(team.offerings(), &s.offering)
    };
    r.pieces(part("Uses", offering));
    r.pieces(part("To", s.does.clone()));
    r.pieces(part("So that", s.result.clone()));
    used(&mut r, account, s, keys);
    gap_lines(&mut r, account, team);
    r
}

/// Where a scenario is used: a turn's prepared response, the call sheet.
fn used(r: &mut Reading, account: &Account, s: &crate::domain::scenario::Scenario, keys: &Keymap) {
    let turn = s
        .turn
        .as_ref()
        .and_then(|id| account.turns.iter().find(|t| &t.id == id));
    match turn {
        Some(t) => r.line(
            Tone::Plain,
            format!("Prepared response of the turn “{}”", first_line(&t.line)),
        ),
        None => r.line(
            Tone::Dim,
            format!(
                "{} makes it the prepared response of a turn",
                keys.key(FIT, &Action::ToTurn)
            ),
        ),
    }
    let sheet = keys.key(FIT, &Action::ToSheet);
    r.line(
        Tone::Dim,
        if s.on_sheet {
            format!("A talking point on the call sheet ({sheet} takes it off)")
        } else {
            format!("{sheet} puts it on the call sheet as a talking point")
        },
    );
}

/// The gaps: high-priority goals with no scenario, offerings no scenario uses.
pub fn gap_lines(r: &mut Reading, account: &Account, team: &Team) {
    let g = gaps(account, team.offerings());
    if g.is_empty() {
        return;
    }
    r.line(Tone::Plain, "");
    r.line(Tone::Heading, "Gaps");
    for id in &g.goals {
        if let Some(goal) = served(account, id) {
            r.block(
                Tone::Bad,
                "· ",
                &format!(
                    "No scenario for the high-priority goal “{}”",
                    first_line(&goal.text)
                ),
            );
        }
    }
    for id in &g.offerings {
        let name = offering_name(team.offerings(), id);
        r.block(Tone::Warn, "· ", &format!("No scenario uses {name}"));
    }
}

/// The scenarios pane's title: how many, and how many gaps.
pub fn scenarios_title(account: &Account, team: &Team) -> String {
    let g = gaps(account, team.offerings());
    let n = account.scenarios.len();
    let gaps = g.goals.len() + g.offerings.len();
    match gaps {
        0 => format!(" How they'd use us ({n}) "),
        _ => format!(" How they'd use us ({n}) · ⚠ {} ", count(gaps, "gap", "gaps")),
    }
}

/// What the criteria pane says when the team has none.
pub fn no_criteria(keys: &Keymap) -> String {
    format!(
        "The team has no sweet-spot criteria yet: {} opens the team's offerings and criteria \
         (each a yes/no question a fitting customer answers yes)",
        keys.key(FIT, &Action::Team)
    )
}

/// What the scenarios pane says when there are none.
pub fn no_scenarios(account: &Account, team: &Team, keys: &Keymap) -> String {
    let mut text = format!(
        "No usage scenarios yet: {} writes how one of their people would use an offering to \
         reach a goal, with the result",
        keys.key(FIT, &Action::Add)
    );
    let g = gaps(account, team.offerings());
    if !g.goals.is_empty() {
        text.push_str(&format!(
            ". {} without one",
            count(g.goals.len(), "high-priority goal is", "high-priority goals are")
        ));
    }
    text
}
