//! The scorecard: a coach's rubric, the same for every account, computed from the account
//! alone (and the time it is judged at), so two plans compare like for like and every
//! result can be checked by hand.
//!
//! [`RUBRIC`] holds the checks in order with their words; README.md's "The scorecard"
//! section says the same. Each check comes out pass, fail or not tested (nothing to judge
//! yet: nothing in their world, no call planned, an empty plan, no turns, no call held...),
//! with one line saying what it found and the [`Part`] of the workbook where its problem is
//! fixed. The score is the share of tested checks that pass, rounded down, so a band is
//! never reached by rounding; checks not tested count neither way.
//!
//! The rules themselves live where the rest of callbook keeps them (the linter, plan
//! health, the progress rules); the checks call them and only add what is the rubric's
//! own: which counts pass, and how the finding reads.

mod calls;
mod fit;
mod plan;
mod rubric;
mod world;

pub use rubric::RUBRIC;

use super::account::{Account, Pane};
use super::team::Team;
use super::text::{capitalised, first_line, shorten};
use chrono::{DateTime, Utc};
use rubric::TABLE;
use serde::Serialize;

/// Where a check's problem is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// A pane of the customer's world.
    World(Pane),
    /// The question plan.
    Questions,
    /// The anticipated turns and their rehearsal.
    Turns,
    /// The customer's journey and their tasks.
    Journey,
    /// The calls: plans and debriefs.
    Calls,
    /// The sweet spot's answers and the usage scenarios.
    Fit,
}

impl Part {
    /// Where this is, in a few words ("the world: Goals", "the question plan").
    pub fn place(self) -> String {
        match self {
            Part::World(pane) => format!("the world: {}", pane.title()),
            Part::Questions => "the question plan".to_owned(),
            Part::Turns => "the turns to rehearse".to_owned(),
            Part::Journey => "the journey and their tasks".to_owned(),
            Part::Calls => "the calls".to_owned(),
            Part::Fit => "the fit: sweet spot and scenarios".to_owned(),
        }
    }
}

/// How a check came out. In JSON: `pass`, `fail`, `not-tested`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The rule holds.
    Pass,
    /// The rule does not hold; `why` says what was found.
    Fail,
    /// Nothing to judge yet; counted neither way.
    NotTested,
}

impl Verdict {
    /// The verdict in words: "pass", "fail", "not tested".
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotTested => "not tested",
        }
    }

    /// One character for a table cell: `✓`, `✗`, `·`.
    pub fn symbol(self) -> char {
        match self {
            Verdict::Pass => '✓',
            Verdict::Fail => '✗',
            Verdict::NotTested => '·',
        }
    }

    /// One ASCII character for plain text: `P`, `F`, `-`.
    pub fn letter(self) -> char {
        match self {
            Verdict::Pass => 'P',
            Verdict::Fail => 'F',
            Verdict::NotTested => '-',
        }
    }
}

/// One check of the rubric, judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The stable id, as in [`RUBRIC`] (`world-covered`).
    pub id: &'static str,
    /// The title, as in [`RUBRIC`].
    pub title: &'static str,
    /// Pass, fail or not tested.
    pub verdict: Verdict,
    /// What was found, in one line, naming what it counted.
    pub why: String,
    /// Where the problem is fixed (for a pass, where the check looked).
    pub fix: Part,
}

/// Every check of the rubric, judged, in [`RUBRIC`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    /// The checks, in rubric order.
    pub checks: Vec<Check>,
}

/// Where a score stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// 90 or more.
    Gold,
    /// 75 to 89.
    Silver,
    /// 50 to 74.
    Bronze,
    /// Under 50.
    Below,
    /// No check had anything to judge.
    Untested,
}

impl Band {
    /// The band in one lower-case word, as in JSON ("gold", "untested").
    pub fn word(self) -> &'static str {
        match self {
            Band::Gold => "gold",
            Band::Silver => "silver",
            Band::Bronze => "bronze",
            Band::Below => "below",
            Band::Untested => "untested",
        }
    }
}

impl Scorecard {
    /// How many checks were tested (passed or failed).
    pub fn tested(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.verdict != Verdict::NotTested)
            .count()
    }

    /// How many checks passed.
    pub fn passed(&self) -> usize {
        self.checks.iter().filter(|c| c.verdict == Verdict::Pass).count()
    }

    /// The share of tested checks passed, 0 to 100, rounded down; `None` when nothing is
    /// tested.
    pub fn score(&self) -> Option<u8> {
        let tested = self.tested();
        (tested > 0).then(|| u8::try_from(self.passed() * 100 / tested).unwrap_or(100))
    }

    /// Where an account goes in the team report, worst first: lowest score first, nothing
    /// tested last, equal scores by `name` (ignoring case) then `id`, so the order never
    /// depends on the disk. The CLI's report and the picker's sort alike by it.
    pub fn worst_first(&self, name: &str, id: &str) -> (bool, Option<u8>, String, String) {
        let score = self.score();
        (score.is_none(), score, name.to_lowercase(), id.to_owned())
    }

    /// Gold at 90 or more, Silver at 75, Bronze at 50, else Below; Untested with no score.
    pub fn band(&self) -> Band {
        match self.score() {
            None => Band::Untested,
            Some(90..) => Band::Gold,
            Some(75..) => Band::Silver,
            Some(50..) => Band::Bronze,
            Some(_) => Band::Below,
        }
    }
}

/// What a check found: its verdict, why, and where to fix it.
struct Found {
    verdict: Verdict,
    why: String,
    fix: Part,
}

impl Found {
    fn pass(why: impl Into<String>, fix: Part) -> Self {
        Found {
            verdict: Verdict::Pass,
            why: why.into(),
            fix,
        }
    }

    fn fail(why: impl Into<String>, fix: Part) -> Self {
        Found {
            verdict: Verdict::Fail,
            why: why.into(),
            fix,
        }
    }

    fn untested(why: impl Into<String>, fix: Part) -> Self {
        Found {
            verdict: Verdict::NotTested,
            why: why.into(),
            fix,
        }
    }
}

/// A check's rule: the account, the team's files and the time it is judged at, in; what it
/// found, out.
type Judge = fn(&Account, &Team, DateTime<Utc>) -> Found;

/// The rules, in [`TABLE`] order (the array's length makes a missing one a compile error).
const JUDGES: [Judge; TABLE.len()] = [
    world::covered,
    world::why_change,
    world::decision_maker,
    plan::objective,
    plan::agenda,
    plan::coverage,
    calls::rehearsed,
    calls::journey,
    calls::debrief,
    calls::fresh,
    fit::sweet_spot,
    fit::scenarios,
];

/// Judges `account` at `now` against every check of the rubric, with the team's offerings
/// and sweet-spot criteria.
pub fn scorecard(account: &Account, team: &Team, now: DateTime<Utc>) -> Scorecard {
    let checks = TABLE
        .iter()
        .zip(JUDGES)
        .map(|(&(id, title, _), judge)| {
            let found = judge(account, team, now);
            Check {
                id,
                title,
                verdict: found.verdict,
                why: found.why,
                fix: found.fix,
            }
        })
        .collect();
    Scorecard { checks }
}

/// What the checks on their world say of an account with nothing in any pane: not a poor
/// plan but one not started, so not tested rather than failed.
const NOTHING_YET: &str = "Nothing in their world yet";

/// How much of an entry's text a finding quotes.
const QUOTED: usize = 40;

/// How many entries a finding names before it says how many more there are.
const NAMED: usize = 3;

/// Texts quoted for a finding, at most [`NAMED`] of them: `“A”, “B”, “C” and 2 more`.
fn quoted<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let texts: Vec<&str> = texts.into_iter().collect();
    let named: Vec<String> = texts
        .iter()
        .take(NAMED)
        .map(|t| format!("“{}”", shorten(&first_line(t), QUOTED)))
        .collect();
    match texts.len().saturating_sub(NAMED) {
        0 => named.join(", "),
        more => format!("{} and {more} more", named.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rubric_says_the_numbers_the_rules_use() {
        let words = |id: &str| RUBRIC.iter().find(|r| r.0 == id).map(|r| r.2).unwrap_or("");
        let aim = &crate::domain::health::AIM;
        assert!(words("agenda").contains(&format!("{} to {}", aim.start(), aim.end())));
        let days = crate::domain::progress::STALE_DAYS;
        assert!(words("fresh").contains(&format!("{days} days")));
    }

    #[test]
    fn quoting_names_a_few_and_counts_the_rest() {
        assert_eq!(quoted(["a", "b"]), "“a”, “b”");
        assert_eq!(quoted(["a", "b", "c", "d", "e"]), "“a”, “b”, “c” and 2 more");
        assert!(quoted([&"x".repeat(80) as &str]).ends_with("…”"));
    }
}
