//! An account: the customer's world (goals, threats, competitors, market), their people
//! and their reasons to change. Each list entry has a stable id; fields this version does
//! not know are kept in `extra` and written back unchanged.

pub use super::pane::Pane;

use super::call::Call;
use super::comment::Comment;
use super::fields::{ItemForm, PersonForm};
use super::form::Form;
use super::id::ItemId;
use super::journey::{Journey, Task};
use super::plan::Question;
use super::scenario::Scenario;
use super::sweet_spot::Fit;
use super::turn::Turn;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use strum::{EnumIter, VariantNames};

/// The file format version this build writes. Files with a larger number open read-only.
/// 2: no top-level `updated` (an account's last change is derived from its records, so two
/// edits of different records never touch the same line); a file of schema 1 is read as it
/// is and written as schema 2 at its next save.
pub const SCHEMA: u32 = 2;

/// The time now, to the second: finer stamps would only add noise to files kept in git.
pub fn now() -> DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(0)
}

/// Fields kept verbatim from a file, so a newer callbook's data survives an older one.
pub type Extra = BTreeMap<String, Value>;

/// One customer account, saved as `accounts/<id>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// File format version; see [`SCHEMA`].
    pub schema: u32,
    /// Display name; the file name is the generated id, never this.
    pub name: String,
    /// When the account was created.
    pub created: DateTime<Utc>,
    /// The top-level `updated` of a schema-1 file, read and dropped (see [`SCHEMA`]): the last
    /// change is [`Account::last_change`], derived from the records.
    #[serde(default, rename = "updated", skip_serializing)]
    pub legacy_updated: Option<serde::de::IgnoredAny>,
    /// Who the customer is, in brief.
    #[serde(default)]
    pub profile: Profile,
    /// The customer's 99%: what they are trying to do and what stands in the way.
    #[serde(default)]
    pub world: World,
    /// The people in the decision.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Consequences of no action and reasons to act now.
    #[serde(default)]
    pub why_change: Vec<Item>,
    /// The question plan, in the order the rep means to ask. Left out of the file while empty,
    /// so accounts without a plan stay as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Anticipated conversation turns, for rehearsal. Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turns: Vec<Turn>,
    /// Where the customer stands in their own buying journey. Left out while never set.
    #[serde(default, skip_serializing_if = "journey_unset")]
    pub journey: Journey,
    /// The customer's own tasks to move forward. Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Calls, planned and held, in the order they were planned. Left out while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Call>,
    /// A coach's comments, each anchored by the id of what it is about. Left out while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// Answers to the team's sweet-spot criteria, and whether it was disqualified. Left out
    /// while nothing is answered.
    #[serde(default, skip_serializing_if = "fit_unset")]
    pub fit: Fit,
    /// How their people would use what we offer, per goal or threat. Left out while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// True for a fit never answered, so accounts without one keep their files as they were.
fn fit_unset(f: &Fit) -> bool {
    *f == Fit::default()
}

/// True for a journey never set, so accounts without one keep their files as they were.
fn journey_unset(j: &Journey) -> bool {
    *j == Journey::default()
}

/// Who the customer is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Their industry, in their terms.
    #[serde(default)]
    pub industry: String,
    /// Their website.
    #[serde(default)]
    pub website: String,
    /// A few lines on the business.
    #[serde(default)]
    pub summary: String,
    /// When the name or profile last changed; left out while never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The lists of the customer's world.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// What they are trying to achieve.
    #[serde(default)]
    pub goals: Vec<Item>,
    /// What could stop them.
    #[serde(default)]
    pub threats: Vec<Item>,
    /// Who they compete with (their competitors, not ours).
    #[serde(default)]
    pub competitors: Vec<Item>,
    /// Conditions in their market.
    #[serde(default)]
    pub market: Vec<Item>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How much an item matters to the customer. Its words (strum's, the same as serde's) are
/// the choices of the priority field.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantNames,
    EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Priority {
    /// Not yet judged.
    #[default]
    None,
    /// Worth knowing.
    Low,
    /// Matters.
    Medium,
    /// Central to the call.
    High,
}

/// A person's part in the buying decision; its words are the choices of the role field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, VariantNames, EnumIter)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Role {
    /// Releases the money.
    EconomicBuyer,
    /// Makes or shapes the decision.
    DecisionMaker,
    /// Will use what is bought.
    User,
    /// Judges technical fit.
    Technical,
    /// Helps us inside the account.
    Coach,
    /// Not known yet.
    #[default]
    Unknown,
}

/// One entry of a world list or of `why_change`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id; links and comments point here.
    pub id: ItemId,
    /// The item in one line.
    pub text: String,
    /// Free notes, several lines allowed.
    #[serde(default)]
    pub notes: String,
    /// The customer's own phrasing.
    #[serde(default)]
    pub their_words: String,
    /// Where this came from (a call, a report, their site).
    #[serde(default)]
    pub source: String,
    /// How much it matters.
    #[serde(default)]
    pub priority: Priority,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Someone at the customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable id.
    pub id: ItemId,
    /// Their name.
    pub name: String,
    /// Their job title.
    #[serde(default)]
    pub title: String,
    /// Their part in the decision.
    #[serde(default)]
    pub role: Role,
    /// What they care about, in their terms.
    #[serde(default)]
    pub cares_about: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Things they said, in their words.
    #[serde(default)]
    pub their_words: String,
    /// When they were added.
    pub created: DateTime<Utc>,
    /// When this entry last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Account {
    /// A new, empty account.
    pub fn new(name: &str, now: DateTime<Utc>) -> Self {
        Account {
            schema: SCHEMA,
            name: name.trim().to_owned(),
            created: now,
            legacy_updated: None,
            profile: Profile::default(),
            world: World::default(),
            people: Vec::new(),
            why_change: Vec::new(),
            questions: Vec::new(),
            turns: Vec::new(),
            journey: Journey::default(),
            tasks: Vec::new(),
            calls: Vec::new(),
            comments: Vec::new(),
            fit: Fit::default(),
            scenarios: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// When anything in it last changed: the latest of its creation and every record's own
    /// time (items, people, questions, turns and their
    /// attempts, tasks, calls and debriefs, comments and replies, fit answers, scenarios, the
    /// journey).
    pub fn last_change(&self) -> DateTime<Utc> {
        let world = Pane::ALL
            .iter()
            .filter_map(|&p| self.items(p))
            .flatten()
            .map(|it| it.updated);
        let turns = self
            .turns
            .iter()
            .flat_map(|t| std::iter::once(t.updated).chain(t.attempts.iter().map(|a| a.at)));
        let calls = self
            .calls
            .iter()
            .flat_map(|c| std::iter::once(c.updated).chain(c.debrief.as_ref().map(|d| d.written)));
        let comments = self
            .comments
            .iter()
            .flat_map(|c| std::iter::once(c.at).chain(c.replies.iter().map(|r| r.at)));
        let fit = self
            .fit
            .answers
            .iter()
            .map(|a| a.updated)
            .chain(self.fit.disqualified.as_ref().map(|d| d.when));
        std::iter::once(self.created)
            .chain(self.profile.updated)
            .chain(world)
            .chain(self.people.iter().map(|p| p.updated))
            .chain(self.questions.iter().map(|q| q.updated))
            .chain(turns)
            .chain(self.tasks.iter().map(|t| t.updated))
            .chain(calls)
            .chain(comments)
            .chain(fit)
            .chain(self.scenarios.iter().map(|s| s.updated))
            .chain(self.journey.changed)
            .max()
            .unwrap_or(self.created)
    }

    /// The item list behind a pane; `None` for [`Pane::People`].
    pub fn items(&self, pane: Pane) -> Option<&Vec<Item>> {
        match pane {
            Pane::Goals => Some(&self.world.goals),
            Pane::Threats => Some(&self.world.threats),
            Pane::Competitors => Some(&self.world.competitors),
            Pane::Market => Some(&self.world.market),
            Pane::WhyChange => Some(&self.why_change),
            Pane::People => None,
        }
    }

    /// The item list behind a pane, to change; `None` for [`Pane::People`].
    pub fn items_mut(&mut self, pane: Pane) -> Option<&mut Vec<Item>> {
        match pane {
            Pane::Goals => Some(&mut self.world.goals),
            Pane::Threats => Some(&mut self.world.threats),
            Pane::Competitors => Some(&mut self.world.competitors),
            Pane::Market => Some(&mut self.world.market),
            Pane::WhyChange => Some(&mut self.why_change),
            Pane::People => None,
        }
    }

    /// How many entries a pane holds.
    pub fn len(&self, pane: Pane) -> usize {
        self.items(pane).map_or(self.people.len(), Vec::len)
    }

    /// True when the account has no entries in any pane.
    pub fn is_empty(&self) -> bool {
        Pane::ALL.iter().all(|&p| self.len(p) == 0)
    }

    /// The one-line title of entry `i` in `pane`.
    pub fn title(&self, pane: Pane, i: usize) -> Option<&str> {
        match self.items(pane) {
            Some(items) => items.get(i).map(|it| it.text.as_str()),
            None => self.people.get(i).map(|p| p.name.as_str()),
        }
    }

    /// Every entry's text, for filtering: the title plus the other fields, one a line.
    pub fn haystack(&self, pane: Pane, i: usize) -> String {
        let texts = match self.items(pane) {
            Some(items) => items.get(i).map(|it| ItemForm::from(it).texts().join("\n")),
            None => self.people.get(i).map(|p| PersonForm::from(p).texts().join("\n")),
        };
        texts.unwrap_or_default()
    }
}

impl Item {
    /// A new item with a fresh id.
    pub fn new(text: &str, now: DateTime<Utc>) -> Self {
        Item {
            id: ItemId::generate(),
            text: text.trim().to_owned(),
            notes: String::new(),
            their_words: String::new(),
            source: String::new(),
            priority: Priority::None,
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }
}

impl Person {
    /// A new person with a fresh id and an unknown role.
    pub fn new(name: &str, now: DateTime<Utc>) -> Self {
        Person {
            id: ItemId::generate(),
            name: name.trim().to_owned(),
            title: String::new(),
            role: Role::Unknown,
            cares_about: String::new(),
            notes: String::new(),
            their_words: String::new(),
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }
}
