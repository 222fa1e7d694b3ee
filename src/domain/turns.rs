//! Turns to rehearse, offered rather than added: the built-in common turns (price, timing,
//! status quo, "send me some information"...) compiled in from `assets/turns.json`, and
//! turns suggested from an account's own world: its competitors, threats, goals, people and
//! market. Suggestions are only returned; the caller decides what to add.
//!
//! A suggestion from the account fills a template with a short phrase of the item (see
//! [`short_phrase`]), written twice: in the customer's voice for the line ("our goal to cut
//! empty miles") and in the rep's for the response seed ("your goal to cut empty miles").
//! World items are written by the rep about the customer, so their "their" is the
//! customer's own. Threats and market conditions are often whole clauses ("fuel surcharge
//! tables lag diesel prices"), so their templates put the phrase after a colon, where a
//! clause and a noun phrase both read well.

use super::account::{Account, Item, Pane, Person, Role};
use super::form::Choice;
use super::id::ItemId;
use super::rank::short_phrase;
use super::text::first_line;
use super::turn::TurnKind;
use super::turn::TurnKind::{Concern, Objection, Pushback, Question};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The turns file format version this build writes.
pub const TURNS_SCHEMA: u32 = 1;

/// One built-in common turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommonTurn {
    /// Stable id: `t001`, `t002`...
    pub id: String,
    /// What the customer says.
    pub line: String,
    /// Question, objection, concern or pushback.
    pub kind: TurnKind,
    /// A prepared customer-focused response: acknowledge, then ask about their world.
    pub response: String,
}

/// The built-in turns file, `assets/turns.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommonTurns {
    /// File format version; see [`TURNS_SCHEMA`].
    pub schema: u32,
    /// The turns, in order.
    pub turns: Vec<CommonTurn>,
}

/// The built-in turns file, compiled in.
pub fn builtin() -> CommonTurns {
    serde_json::from_str(include_str!("../../assets/turns.json"))
        .expect("assets/turns.json is valid (checked by tests/turns.rs)")
}

/// The built-in common turns, in file order.
pub fn common() -> Vec<CommonTurn> {
    builtin().turns
}

/// A turn offered to the rep, not yet part of the account.
#[derive(Clone, Debug, PartialEq)]
pub struct TurnSuggestion {
    /// What the customer might say.
    pub line: String,
    /// Its kind.
    pub kind: TurnKind,
    /// A response to start from; the rep writes the real one.
    pub response: String,
    /// The person likely to say it, for turns suggested from a person.
    pub who: Option<ItemId>,
    /// The world items it touches.
    pub links: Vec<ItemId>,
    /// Why it is offered, for the screen: `from competitor “Polar Line Transport”`, `from
    /// person “Dana Ruiz” (economic buyer)`, `common objection`. Never an id.
    pub source: String,
}

/// A template: the kind, the customer's line and a response seed. `{x}` is the item's
/// phrase: in the customer's voice in the line, in the rep's in the response.
type Template = (TurnKind, &'static str, &'static str);

/// Lines about one of the customer's competitors (theirs, not ours).
#[rustfmt::skip]
const COMPETITOR: &[Template] = &[
    (Question, "What would this do for us against {x}?",
        "Good place to start. Where is {x} winning work from you today, and what do your customers say when they choose them?"),
    (Objection, "We're losing work to {x} on price, so this isn't the year to spend money.",
        "That pressure is real. On the deals you lose to {x}, what besides price do your customers mention, and which of those deals would you most want back?"),
    (Concern, "If you work with {x} too, how do we know what we tell you stays with us?",
        "A fair thing to ask. What would you want kept confidential, and who on your side would want to agree the ground rules?"),
    (Pushback, "Honestly, {x} isn't what keeps me up at night.",
        "Thanks for saying so. What does keep you up at night at the moment, and how does it show up in your numbers?"),
    (Question, "Does {x} use something like this?",
        "Fair question. What have you seen {x} do differently lately, and how have your customers reacted to it?"),
];

/// Lines about a threat; the phrase closes a sentence, as a clause or a noun.
#[rustfmt::skip]
const THREAT: &[Template] = &[
    (Pushback, "We already have people working on this one: {x}.",
        "Good to hear it has owners. What have they tried so far, and what would tell you it's working?"),
    (Objection, "Nobody here has time for anything new; everyone is on this: {x}.",
        "Understood, that comes first. How is the work on it going, and what is it pulling the team away from?"),
    (Question, "Have you seen other companies get past this: {x}?",
        "Before I answer, how big is it for you in numbers, and by when does it have to be settled?"),
    (Concern, "I'm worried a change now makes this worse: {x}.",
        "That's a fair worry. What would make it worse, in your eyes, and what would you want protected while anything changes?"),
];

/// Lines about a goal, filled as "our goal to ..." or the goal's own noun phrase.
#[rustfmt::skip]
const GOAL: &[Template] = &[
    (Question, "Where does this fit with {x}?",
        "Good question to ask first. How are you tracking progress on {x} today, and where is it behind?"),
    (Pushback, "We already have a plan for {x}.",
        "Good, then you know where it's hard. Which part of the plan are you least sure of, and what happens if it slips?"),
    (Concern, "I don't want anything that pulls the team away from {x}.",
        "That makes sense. What is the team spending its time on for it right now, and what would free some of that time?"),
    (Objection, "All the money this year is going to {x}.",
        "Then it's central to the year. What results does the business expect from it, and how will you show them by year end?"),
];

/// Lines about a market condition; the phrase closes a sentence, as a clause or a noun.
#[rustfmt::skip]
const MARKET: &[Template] = &[
    (Objection, "Look at the market right now: {x}. This isn't the year for new spending.",
        "It's a hard market. How is it changing where you spend and where you cut, and what stays protected no matter what?"),
    (Question, "How are other companies handling this: {x}?",
        "Worth asking. How is it showing up in your business so far, and what have you already changed because of it?"),
    (Concern, "The market keeps moving: {x}. Will any of this still matter in two years?",
        "A fair thing to weigh. Where do you expect your market to be in two years, and what are you planning around?"),
    (Pushback, "We know our market: {x}. You don't have to tell us about it.",
        "Fair enough, you live it every day. What does it mean for your plans this year, and what would you want to understand better?"),
];

/// Suggests turns for `account`: from each competitor, threat, goal, person and market
/// item, then the common turns. Lines already among the account's turns (compared trimmed
/// and case-insensitively) are left out, and so is a repeat of a line offered earlier.
pub fn suggest(account: &Account) -> Vec<TurnSuggestion> {
    let w = &account.world;
    let mut out = Vec::new();
    out.extend(from_items(Pane::Competitors, &w.competitors, COMPETITOR));
    out.extend(from_items(Pane::Threats, &w.threats, THREAT));
    out.extend(from_items(Pane::Goals, &w.goals, GOAL));
    out.extend(account.people.iter().filter_map(from_person));
    out.extend(from_items(Pane::Market, &w.market, MARKET));
    out.extend(common().into_iter().map(|t| TurnSuggestion {
        // Said to the rep, so never the turn's id (`t007`): what kind of turn it is.
        source: format!("common {}", t.kind.name()),
        line: t.line,
        kind: t.kind,
        response: t.response,
        who: None,
        links: Vec::new(),
    }));
    let mut seen: HashSet<String> = account.turns.iter().map(|t| key(&t.line)).collect();
    out.retain(|s| seen.insert(key(&s.line)));
    out
}

/// How lines are compared.
fn key(line: &str) -> String {
    line.trim().to_lowercase()
}

/// One suggestion per item of `pane`, the template picked by the item's position so
/// neighbouring items get different ones and the choice is stable.
fn from_items(pane: Pane, items: &[Item], templates: &[Template]) -> Vec<TurnSuggestion> {
    let noun = match pane {
        Pane::Competitors => "competitor",
        Pane::Threats => "threat",
        Pane::Goals => "goal",
        _ => "market condition",
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (ours, yours) = match pane {
            Pane::Competitors => (competitor_name(&item.text), competitor_name(&item.text)),
            _ => voices(&short_phrase(pane, &item.text)),
        };
        if ours.is_empty() {
            continue;
        }
        let label = match pane {
            Pane::Competitors => ours.clone(),
            _ => label(&item.text),
        };
        let (kind, line, response) = templates[i % templates.len()];
        out.push(TurnSuggestion {
            line: line.replace("{x}", &ours),
            kind,
            response: response.replace("{x}", &yours),
            who: None,
            links: vec![item.id.clone()],
            source: format!("from {noun} “{label}”"),
        });
    }
    out
}

/// What a person in each role might say: role, kind, the words filling `{x}` while the
/// person's cares are not written down, the line, and the response seed.
#[rustfmt::skip]
const PERSON: &[(Role, TurnKind, &str, &str, &str)] = &[
    (Role::EconomicBuyer, Objection, "the numbers I'm measured on",
        "I can't approve new spend unless it shows up in {x}.",
        "That's the right bar. How do you measure it today, and what would count as a result worth backing?"),
    (Role::DecisionMaker, Pushback, "running the business",
        "My priority this year is {x}, and I don't see where this fits.",
        "That helps me focus. What is standing in the way of it right now, and what have you tried so far?"),
    (Role::User, Concern, "fewer interruptions",
        "What my team needs is {x}; another tool to learn is the last thing we want.",
        "That's fair; the team carries any change. What does a hard day look like for them now, and what would make it easier?"),
    (Role::Technical, Concern, "security",
        "IT will have to review this, and {x} is the first thing we'll look at.",
        "Sensible, and better early. What does your review usually cover, and who should be part of it from the start?"),
    (Role::Coach, Question, "this",
        "Who else here have you talked to about {x}?",
        "Fewer people than I'd like. Who else here cares about it, and who might see it differently?"),
    (Role::Unknown, Pushback, "something else entirely",
        "I'm not sure why I'm on this call; {x} is what I'm measured on.",
        "Thanks for being straight with me. How does your part of the business connect to this, and what would make the call worth your time?"),
];

/// The line a person would plausibly say, given their part in the decision and what they
/// care about; `None` for a person without a name.
fn from_person(p: &Person) -> Option<TurnSuggestion> {
    let name = first_line(&p.name);
    let &(_, kind, fallback, line, response) = PERSON.iter().find(|t| t.0 == p.role)?;
    if name.is_empty() {
        return None;
    }
    // Market lower-cases a phrase like any other item but, unlike Goals, adds no "your goal to".
    let (ours, _) = voices(&short_phrase(Pane::Market, &p.cares_about));
    let cares = if ours.is_empty() {
        fallback.to_owned()
    } else {
        ours
    };
    Some(TurnSuggestion {
        line: line.replace("{x}", &cares),
        kind,
        response: response.to_owned(),
        who: Some(p.id.clone()),
        links: Vec::new(),
        source: format!(
            "from person “{name}” ({})",
            match p.role {
                Role::Unknown => "role unknown".to_owned(),
                role => role.word().replace('-', " "),
            }
        ),
    })
}

/// Hedges that open a rep's note ("probably RFP win rate") but not the customer's line.
const HEDGES: &[&str] = &["maybe", "perhaps", "possibly", "probably"];

/// Words a phrase cut at eight words may end on ("units on 60 of"); they are dropped.
const DANGLING: &[&str] = &[
    "a", "about", "after", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per",
    "the", "to", "with",
];

/// A short phrase in the customer's voice and in the rep's: "their" becomes "our" and
/// "your" respectively, and "your" (from "your goal to...") becomes "our" for the customer.
/// Opening hedges and dangling words at the end are dropped.
fn voices(phrase: &str) -> (String, String) {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| HEDGES.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    // "units on 60 of": the dangling "of", then the number its preposition left behind.
    let dangling = |w: &str| DANGLING.contains(&w.to_lowercase().as_str());
    loop {
        match words.as_slice() {
            [.., w] if dangling(w) => words.truncate(words.len() - 1),
            [.., p, n] if dangling(p) && n.starts_with(|c: char| c.is_ascii_digit()) => {
                words.truncate(words.len() - 2)
            }
            _ => break,
        }
    }
    let swap = |to: &str, from: &[&str]| {
        let swapped = words
            .iter()
            .map(|w| match from.contains(&w.to_lowercase().as_str()) {
                true if w.starts_with(char::is_uppercase) => {
                    format!("{}{}", to[..1].to_uppercase(), &to[1..])
                }
                true => to.to_owned(),
                false => (*w).to_owned(),
            });
        swapped.collect::<Vec<_>>().join(" ")
    };
    (swap("our", &["their", "your"]), swap("your", &["their"]))
}

/// An item's first line for a source label, cut at a word within 60 characters.
fn label(text: &str) -> String {
    let line = first_line(text);
    if line.chars().count() <= 60 {
        return line;
    }
    let cut: String = line.chars().take(60).collect();
    let words = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", words.trim_end_matches([',', ';', ':', ' ']))
}

/// A competitor's name: the short phrase as written, except that a description rather
/// than a name ("Shipper private fleets": a later word in lower case) is lower-cased.
fn competitor_name(text: &str) -> String {
    let phrase = short_phrase(Pane::Competitors, text);
    let described = phrase
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(char::is_lowercase));
    let mut chars = phrase.chars();
    match (described, chars.next()) {
        (true, Some(c)) => c.to_lowercase().chain(chars).collect(),
        _ => phrase,
    }
}
