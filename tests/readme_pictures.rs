//! The README's pictures, drawn from the real binary so they can't go stale unnoticed.
//!
//! Each picture starts callbook on a fresh sample account in a 100×30 pseudo-terminal,
//! presses the keys that reach its screen, and turns the parsed screen into an SVG
//! (`tests/pictures`). Without `UPDATE_PICTURES` the test compares the text of the
//! committed `docs/pictures/NAME.svg` with that fresh screen and fails at the first row
//! that differs; `UPDATE_PICTURES=1 cargo test --test readme_pictures` writes them all.
//!
//! The sample is dated around the day it is made (its calls, tasks and plan move with
//! today; see `domain::sample`), so the screens chosen show no date but one: the call
//! sheet's header names the call's day, which a [`Mask`] hides. The rehearsal picture's
//! timing check measures how fast the test typed, which a mask hides too. Nothing here
//! reads the clock; the harness only waits for text, up to its timeout.

mod common;
mod pictures;

use common::{Data, Tui};
use pictures::text::Mask;

/// One picture: its file name, what it shows (its alt text), the keys from the open
/// sample's world to its screen, and what of it varies by the day.
struct Picture {
    name: &'static str,
    alt: &'static str,
    reach: fn(&Tui),
    masks: &'static [Mask],
}

/// Every picture, in the order the README shows them.
static PICTURES: &[Picture] = &[
    Picture {
        name: "world",
        alt: "The customer's world: goals, threats, competitors, market, people and why change",
        reach: |_| {},
        masks: &[],
    },
    Picture {
        name: "questions",
        alt: "The questions: the account's plan beside the bank ranked for it, and plan health",
        reach: questions,
        masks: &[],
    },
    Picture {
        name: "rehearse",
        alt: "Rehearsal: every check of a typed answer, beside the prepared response",
        reach: rehearse,
        masks: &[Mask {
            after: "timing",
            before: "│",
            why: "how long the test took to type the answer",
        }],
    },
    Picture {
        name: "sheet",
        alt: "The call sheet for the next call, on one screen",
        reach: sheet,
        masks: &[Mask {
            after: "Call sheet · Ashcombe Cold Freight · ",
            before: ", 14:00 UTC",
            why: "the sample's next call is two days after the day it was made",
        }],
    },
];

/// The answer typed in rehearsal: a question back, after seller talk and a superlative, so
/// the checks show a pass, a failure, warnings and words underlined.
const ANSWER: &str = "I hear you. Our platform is the best on the market and pays back fast. What would the board need to see before December?";

/// Screen 2, the plan and the bank.
fn questions(tui: &Tui) {
    tui.send("2");
    tui.wait_for("Bank, most relevant first");
}

/// Screen 3, the first turn rehearsed: the answer typed and submitted, the checks shown.
fn rehearse(tui: &Tui) {
    tui.send("3");
    tui.wait_for("never rehearsed");
    tui.send("\r");
    tui.wait_for("Rehearsing 1 of 1");
    tui.send(ANSWER);
    tui.wait_for("before December?");
    tui.send("\x13");
    tui.wait_for("Grade it:");
}

/// Screen 4, the calls list, the planned call (the second), then its sheet.
fn sheet(tui: &Tui) {
    tui.send("4");
    tui.wait_for("Their tasks");
    tui.send("\t");
    tui.wait_for("The selected call");
    tui.send("j");
    tui.wait_for("45 minutes");
    tui.send("v");
    tui.wait_for("Esc close the sheet");
}

/// Draws the picture called `name` afresh and writes or checks it.
fn picture(name: &str) {
    let p = PICTURES
        .iter()
        .find(|p| p.name == name)
        .expect("a picture of that name");
    let data = Data::new();
    data.cli(&["sample"]);
    let mut tui = data.tui_sized(100, 30, &["open", "ashcombe"]);
    tui.wait_for("Goals (6)");
    (p.reach)(&tui);
    let svg = pictures::svg::svg(&tui.frame(), p.alt);
    tui.send("\x03");
    tui.expect_success();
    pictures::keep(p.name, &svg, p.masks);
}

#[test]
fn world() {
    picture("world");
}

#[test]
fn questions_and_the_plan() {
    picture("questions");
}

#[test]
fn rehearsal_feedback() {
    picture("rehearse");
}

#[test]
fn the_call_sheet() {
    picture("sheet");
}

/// The README shows every picture, with its alt text, and links no picture that isn't made
/// here; every picture file exists.
#[test]
fn the_readme_shows_every_picture() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    for p in PICTURES {
        let link = format!("![{}]({}/{}.svg)", p.alt, pictures::FOLDER, p.name);
        assert!(readme.contains(&link), "README.md lacks {link}");
        let file = pictures::path(p.name);
        assert!(
            file.is_file(),
            "{} is missing: {}",
            file.display(),
            pictures::REGENERATE
        );
    }
    let prefix = format!("]({}/", pictures::FOLDER);
    for (at, _) in readme.match_indices(&prefix) {
        let rest = &readme[at + prefix.len()..];
        let name = rest.split(".svg)").next().unwrap_or_default();
        assert!(
            PICTURES.iter().any(|p| p.name == name),
            "README.md links {}/{name}.svg, which no test draws",
            pictures::FOLDER
        );
    }
}
