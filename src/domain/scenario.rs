//! Usage scenarios: how the customer's people would use what we offer to reach one of their
//! goals (or meet a threat), told from their side. Who (one of their people, or a role) uses
//! which offering, to do what, so that what measurable result follows for that goal: "The
//! night dispatcher uses live trailer temperatures to reroute a load before it spoils, so
//! spoilage claims fall from 1.2% to under 0.5% of loads".
//!
//! [`check`] says what a scenario lacks and what the linter finds in it; [`gaps`] what the
//! account lacks: high-priority goals with no scenario, offerings no scenario uses.

use super::account::{Account, Extra, Item, Person, Priority};
use super::form::{EditError, Field, Form};
use super::id::ItemId;
use super::lint::{Rule, lint};
use super::offering::{Offering, feature_list};
use super::phrase::words;
use super::text::capitalised;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One usage scenario for a goal or a threat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Stable id.
    pub id: ItemId,
    /// The goal or threat it serves.
    pub serves: ItemId,
    /// Who uses it, when one of their people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<ItemId>,
    /// Who uses it, as a role ("the night dispatcher"), when no person is named.
    #[serde(default)]
    pub role: String,
    /// The offering used, by its id in `offerings.json`.
    #[serde(default)]
    pub offering: String,
    /// What they do with it ("reroute a load before it spoils").
    #[serde(default)]
    pub does: String,
    /// What follows for the goal, measurably ("spoilage claims fall from 1.2% to 0.5%").
    #[serde(default)]
    pub result: String,
    /// Shown on the call sheet as a talking point.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_sheet: bool,
    /// The turn whose prepared response it became, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<ItemId>,
    /// When it was written.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Scenario {
    /// A blank scenario for the goal or threat `serves`.
    pub fn new(serves: ItemId, now: DateTime<Utc>) -> Self {
        Scenario {
            id: ItemId::generate(),
            serves,
            person: None,
            role: String::new(),
            offering: String::new(),
            does: String::new(),
            result: String::new(),
            on_sheet: false,
            turn: None,
            created: now,
            updated: now,
            extra: Extra::new(),
        }
    }

    /// Who uses it, in words: the person's name (and title), else the role; empty when
    /// neither is known.
    pub fn who(&self, account: &Account) -> String {
        match self.person.as_ref().and_then(|id| person(account, id)) {
            Some(p) if p.title.trim().is_empty() => p.name.trim().to_owned(),
            Some(p) => format!("{} ({})", p.name.trim(), p.title.trim()),
            None => self.role.trim().to_owned(),
        }
    }

    /// The scenario as one sentence: "who uses offering to does, so result". Parts not
    /// written yet read as `…`.
    pub fn sentence(&self, account: &Account, offerings: &[Offering]) -> String {
        let or_gap = |s: String| if s.trim().is_empty() { "…".to_owned() } else { s };
        let who = or_gap(capitalised(&self.who(account)));
        let offering = or_gap(offering_name(offerings, &self.offering));
        let does = self.does.trim();
        let does = or_gap(does.strip_prefix("to ").unwrap_or(does).to_owned());
        let result = or_gap(self.result.trim().trim_end_matches('.').to_owned());
        format!("{who} uses {offering} to {does}, so {result}.")
    }
}

/// The person with id `id`.
fn person<'a>(account: &'a Account, id: &ItemId) -> Option<&'a Person> {
    account.people.iter().find(|p| &p.id == id)
}

/// The name an offering is known by, in lower case as inside a sentence; the id itself when
/// the offering is not in the list.
pub fn offering_name(offerings: &[Offering], id: &str) -> String {
    offerings
        .iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_owned(), |o| lower_first(o.name.trim()))
}

/// "Live trailer temperatures" as it reads mid-sentence. A name that looks like a proper
/// name ("SLA reports", "Route Planner") is kept as it is.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let acronym = name.chars().nth(1).is_some_and(char::is_uppercase);
    let proper = name
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    if acronym || proper {
        name.to_owned()
    } else {
        first.to_lowercase().chain(chars).collect()
    }
}

/// The goal or threat a scenario serves.
pub fn served<'a>(account: &'a Account, id: &ItemId) -> Option<&'a Item> {
    account
        .world
        .goals
        .iter()
        .chain(&account.world.threats)
        .find(|it| &it.id == id)
}

/// What a scenario lacks and what is wrong in its words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioCheck {
    /// The parts not there yet, in words ("who", "the offering", "what they do", "the
    /// result"), or that point at something gone.
    pub missing: Vec<String>,
    /// What the linter and the result's rules found.
    pub concerns: Vec<String>,
}

impl ScenarioCheck {
    /// True when nothing is missing and nothing is wrong.
    pub fn complete(&self) -> bool {
        self.missing.is_empty() && self.concerns.is_empty()
    }

    /// Everything found, in one line: "missing: who, the result; ..."; empty when complete.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            parts.push(format!("missing {}", self.missing.join(", ")));
        }
        parts.extend(self.concerns.iter().cloned());
        parts.join("; ")
    }
}

/// Words that make a result measurable when it has no number.
const MEASURE: &str = "fall falls fell drop drops cut cuts halve halves halved double doubles \
    rise rises grow grows shrink shrinks under below above fewer less within per zero none \
    every hour hours day days week weeks minute minutes month months percent faster sooner \
    earlier before instead";

/// Words that talk about us.
const US: &[&str] = &["we", "our", "us", "ours", "we'll", "we're", "we've"];

/// The linter's rules that mean the words are ours, not the customer's (seller-centric is
/// said as talk about us).
const OURS: &[Rule] = &[
    Rule::Buzzword,
    Rule::Superlative,
    Rule::SellerCentric,
    Rule::Pitch,
    Rule::Assurance,
    Rule::HedgeClaim,
];

/// Checks a scenario of `account` against the team's `offerings`: who, the offering, the use
/// and a measurable result tied to its goal must be there; feature lists, buzzwords,
/// boasts and talk about us are named.
pub fn check(s: &Scenario, account: &Account, offerings: &[Offering]) -> ScenarioCheck {
    let mut c = ScenarioCheck::default();
    let goal = served(account, &s.serves);
    if goal.is_none() {
        c.missing.push("the goal it serves (deleted)".to_owned());
    }
    match &s.person {
        Some(id) if person(account, id).is_none() && s.role.trim().is_empty() => {
            c.missing.push("who (their person was deleted)".to_owned());
        }
        None if s.role.trim().is_empty() => c.missing.push("who".to_owned()),
        _ => {}
    }
    if s.offering.trim().is_empty() {
        c.missing.push("the offering".to_owned());
    } else if !offerings.iter().any(|o| o.id == s.offering) {
        c.missing.push(format!(
            "the offering (“{}” is not in the team's offerings)",
            s.offering
        ));
    }
    if s.does.trim().is_empty() {
        c.missing.push("what they do".to_owned());
    }
    if s.result.trim().is_empty() {
        c.missing.push("the result".to_owned());
    } else {
        result_concerns(s, goal, &mut c.concerns);
    }
    word_concerns(s, &mut c.concerns);
    c
}

/// A result must be measurable and say something of the goal it serves.
fn result_concerns(s: &Scenario, goal: Option<&Item>, out: &mut Vec<String>) {
    let result = s.result.to_lowercase();
    let measurable = result.chars().any(|c| c.is_ascii_digit())
        || result
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| MEASURE.split_whitespace().any(|m| m == w));
    if !measurable {
        out.push("the result can't be measured: say by how much or by when".to_owned());
    }
    if let Some(goal) = goal {
        let theirs = words(&format!("{} {} {}", goal.text, goal.their_words, goal.notes));
        let ours = words(&s.result);
        if !theirs.is_empty() && theirs.is_disjoint(&ours) {
            out.push(format!(
                "the result says nothing of “{}”: say what it moves for that goal",
                super::text::shorten(goal.text.trim(), 40)
            ));
        }
    }
}

/// Feature lists, our language and talk about us, in what they do and the result.
fn word_concerns(s: &Scenario, out: &mut Vec<String>) {
    for (what, text) in [("what they do", &s.does), ("the result", &s.result)] {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if feature_list(text) {
            out.push(format!(
                "{what} reads as a feature list: say what they do with it"
            ));
        }
        let lower = text.to_lowercase();
        let about_us = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .any(|w| US.contains(&w));
        let flags = lint(text, None).flags;
        let flagged: Vec<String> = flags
            .iter()
            .filter(|f| OURS.contains(&f.rule) && f.rule != Rule::SellerCentric)
            .map(|f| format!("{} “{}”", f.rule.name(), f.text(text)))
            .collect();
        if !flagged.is_empty() {
            out.push(format!("{what} is in our language: {}", flagged.join(", ")));
        }
        if about_us || flags.iter().any(|f| f.rule == Rule::SellerCentric) {
            out.push(format!("{what} talks about us: tell it from their side"));
        }
    }
}

/// What the account's scenarios leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gaps {
    /// High-priority goals with no scenario at all.
    pub goals: Vec<ItemId>,
    /// Offerings no scenario uses, by id.
    pub offerings: Vec<String>,
}

impl Gaps {
    /// True when there is no gap.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.offerings.is_empty()
    }
}

/// The high-priority goals with no scenario and the offerings no scenario uses.
pub fn gaps(account: &Account, offerings: &[Offering]) -> Gaps {
    let has = |id: &ItemId| account.scenarios.iter().any(|s| &s.serves == id);
    let goals = account
        .world
        .goals
        .iter()
        .filter(|g| g.priority == Priority::High && !has(&g.id))
        .map(|g| g.id.clone())
        .collect();
    let offerings = offerings
        .iter()
        .filter(|o| !account.scenarios.iter().any(|s| s.offering == o.id))
        .map(|o| o.id.clone())
        .collect();
    Gaps { goals, offerings }
}

/// The typed words of a scenario (who and which offering are picked apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioForm {
    /// What they do with it; required.
    pub does: String,
    /// Who, as a role, when not one of their people.
    pub role: String,
    /// What follows for the goal, measurably.
    pub result: String,
}

impl Form for ScenarioForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("does", "What they do with it (to…)", |f| &f.does, |f| &mut f.does),
        Field::line(
            "role",
            "Who, as a role (when not one of their people)",
            |f| &f.role,
            |f| &mut f.role,
        ),
        Field::text(
            "result",
            "So that (a measurable result for the goal)",
            |f| &f.result,
            |f| &mut f.result,
        ),
    ];
}

impl From<&Scenario> for ScenarioForm {
    fn from(s: &Scenario) -> Self {
        ScenarioForm {
            does: s.does.clone(),
            role: s.role.clone(),
            result: s.result.clone(),
        }
    }
}

impl ScenarioForm {
    /// Writes the form into `s`, dated `now`; refused when what they do is blank.
    pub fn apply(self, s: &mut Scenario, now: DateTime<Utc>) -> Result<(), EditError> {
        let before = ScenarioForm::from(&*s);
        let form = self.tidied_against(Some(&before))?;
        if form != before {
            (s.does, s.role, s.result, s.updated) = (form.does, form.role, form.result, now);
        }
        Ok(())
    }
}
