//! Filled bank questions read as English said to the customer: every template of the
//! built-in bank filled from every item of a fixture account that covers the shapes reps
//! write, held to rules a person can state. The rules are small functions, each with a test
//! showing it catches the broken sentences the old fill made.

use callbook::domain::bank::{self, BankQuestion};
use callbook::domain::fill::Fill;
use callbook::domain::{Account, Item, Pane, Person, rank, sample};
use chrono::{DateTime, Utc};

fn noon() -> DateTime<Utc> {
    "2026-11-23T12:00:00Z".parse().unwrap()
}

/// Competitor names that are plural: their verbs must be plural too.
const PLURAL_NAMES: &[&str] = &["private providers", "regional hospitals", "SAP consultancies"];

/// Names and acronyms of the fixture, which keep their capitals inside a question. A
/// one-word competitor may be a name ("Siemens") or a kind ("Spreadsheets"): it keeps the
/// capital the rep gave it.
const NAMES: &[&str] = &[
    "Acme",
    "Dana",
    "Lars",
    "Priya",
    "SAP",
    "ARR",
    "DACH",
    "EU",
    "IT",
    "CFO",
    "Spreadsheets",
];

/// The sample's names: competitors and people.
const SAMPLE_NAMES: &[&str] = &[
    "Polar Line Transport",
    "FrostBridge",
    "Meridian Cold Storage",
    "Dana",
    "Tomas",
    "Kevin",
    "Lars",
    "Priya",
    "Renee",
];

/// A fixture account whose items have the shapes reps write.
fn fixture() -> Account {
    let mut a = Account::new("Fixture Health", noon());
    let w = &mut a.world;
    for goal in [
        // A goal starting with a verb.
        "Cut onboarding time from 6 weeks to 2",
        // A noun phrase with a trailing full stop.
        "98% on-time delivery for the top 20 accounts.",
        // Acronyms.
        "Grow ARR in the DACH region to EUR 5m by FY27",
        // Twenty words, and the seller's "we" inside.
        "Win back the three Leeds grocery distribution centres we lost in 2025 by proving temperature records for every load",
        // A participle that a dropped date would leave at the end ("centres lost").
        "Win back the Leeds grocery distribution centres lost in 2025 by proving records",
        // The seller's voice.
        "Our renewal with them closes in March",
        // "Their" about the customer, in a clause.
        "Their field engineers close every ticket on the first visit",
    ] {
        w.goals.push(Item::new(goal, noon()));
    }
    for threat in [
        "churn in the mid-market",
        "Two failed IT projects since 2022 have made the board wary of big software buys",
        "Their largest grocery customer (38% of revenue) re-tenders its regional network in Q2 2027",
        "Our contract ends in March; they may not renew",
        "Rejected loads from reefer failures.",
        "New EU rules on cold chain records from 2027 could force them to replace trailer modems across the whole fleet",
        "SAP migration delays",
        "Fuel surcharge tables lag diesel prices by six weeks",
        // A sentence without its auxiliary.
        "Contract renewal delayed",
    ] {
        w.threats.push(Item::new(threat, noon()));
    }
    for competitor in [
        "Private providers",
        "Regional hospitals",
        "Acme Health",
        "Acme Health, a national chain pricing aggressively",
        "SAP consultancies",
        "Spreadsheets",
        "Our old platform",
        "In-house IT team",
    ] {
        w.competitors.push(Item::new(competitor, noon()));
    }
    for person in [
        "Dana Ruiz, CFO",
        "CFO",
        "Lars Engstrom (IT)",
        "their head of procurement",
        "Priya",
    ] {
        a.people.push(Person::new(person, noon()));
    }
    a
}

/// The items of `pane` in `a`, as written.
fn items(a: &Account, pane: Pane) -> Vec<String> {
    match a.items(pane) {
        Some(items) => items.iter().map(|i| i.text.clone()).collect(),
        None => a.people.iter().map(|p| p.name.clone()).collect(),
    }
}

fn templates() -> Vec<BankQuestion> {
    bank::builtin()
        .questions
        .into_iter()
        .filter(|q| bank::placeholder(&q.text).is_some())
        .collect()
}

// The rules. Each returns what it found wrong, or `None`.

/// Words of `s`, without the punctuation around them.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Auxiliary and modal verbs: another verb may follow them ("have made", "been raised").
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have", "is",
    "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];

/// Past forms without "-ed", and finite verbs the bank puts after a placeholder.
const VERB_FORMS: &[&str] = &[
    "arrived", "brought", "built", "came", "cut", "done", "fell", "got", "grew", "grown", "happen",
    "happened", "happens", "has", "have", "hit", "is", "are", "keep", "keeps", "kept", "left", "lost",
    "made", "paid", "put", "rose", "said", "sat", "slip", "slips", "sold", "spent", "took", "was", "went",
    "were", "won",
];

fn is_verb_form(w: &str) -> bool {
    let w = lower(w);
    VERB_FORMS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed"))
}

/// Two verbs in a row where the fill meets the template: the fill ends on a verb that is
/// not an auxiliary and the template goes on with one ("have made" + "played out").
fn doubled_verb(template: &str, text: &str) -> Option<String> {
    let fill = fill_of(template, text);
    let last = fill.last()?;
    let after = bank::placeholder(template)
        .and_then(|(p, _)| template.split_once(p))?
        .1;
    let next = after
        .strip_prefix(' ')
        .and_then(|a| words(a).into_iter().next())?;
    let last = words(last).pop()?;
    let aux = AUXILIARIES.contains(&lower(&last).as_str());
    (!aux && is_verb_form(&last) && is_verb_form(&next)).then(|| format!("two verbs in a row: {last} {next}"))
}

/// Singular verbs that must not follow a plural name, nor open a question about one.
const SINGULAR_VERBS: &[&str] = &[
    "cares", "does", "doesn't", "gets", "has", "hasn't", "is", "isn't", "keeps", "makes", "needs", "says",
    "seems", "slips", "takes", "wants", "was", "wasn't", "wins",
];

/// A plural name with a singular verb ("Private providers keeps", "Does private providers
/// win", "Has private providers ... its").
fn disagrees(text: &str, plural: &[&str]) -> Option<String> {
    let lowered = lower(text);
    for name in plural {
        let name = lower(name);
        let Some(at) = lowered.find(&name) else {
            continue;
        };
        let before = words(&lowered[..at]);
        let after = words(&lowered[at + name.len()..]);
        let possessive = lowered[at + name.len()..].starts_with('\'');
        let next = after.iter().find(|w| !w.ends_with("ly") && *w != "still");
        if let Some(v) = next.filter(|v| !possessive && SINGULAR_VERBS.contains(&v.as_str())) {
            return Some(format!("\"{name} {v}\""));
        }
        if let Some(v) = before.last().filter(|v| SINGULAR_VERBS.contains(&v.as_str())) {
            return Some(format!("\"{v} {name}\""));
        }
        if after.iter().any(|w| w == "its") {
            return Some(format!("\"its\" about {name}"));
        }
    }
    None
}

/// The seller's words or the third person about the customer, more often than the
/// template has them: "If their largest grocery customer...", "If our contract...". A
/// "their" may stand for the template's "its" about a plural ("Have private providers
/// changed their pricing").
fn wrong_voice(template: &str, text: &str) -> Option<String> {
    ["their", "our", "we", "us", "my"].into_iter().find_map(|voice| {
        let count = |s: &str, w: &str| words(s).iter().filter(|x| lower(x) == w).count();
        let allowed = count(template, voice)
            + if voice == "their" {
                count(template, "its")
            } else {
                0
            };
        (count(text, voice) > allowed).then(|| format!("\"{voice}\" not in the template"))
    })
}

/// An ellipsis, or punctuation that ends a clause (`.`, `;`, `:`, `!`) more often than the
/// template has it: "What would … cost you", "mid-market. today?".
fn cut_or_stopped(template: &str, text: &str) -> Option<String> {
    if text.contains('…') || text.contains("...") {
        return Some("an ellipsis".into());
    }
    let stops = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        (0..chars.len())
            .filter(|&i| {
                let c = chars[i];
                let in_number = c == '.'
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                ".;:!".contains(c) && !in_number
            })
            .count()
    };
    (stops(text) > stops(template)).then(|| "a stop inside the question".into())
}

/// Leftover braces, a first letter in lower case, a different ending from the template's,
/// or a length no one would read aloud.
fn malformed(template: &str, text: &str) -> Option<String> {
    if text.contains(['{', '}']) {
        return Some("leftover braces".into());
    }
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return Some("starts in lower case".into());
    }
    if text.chars().last() != template.chars().last() {
        return Some("ends unlike the template".into());
    }
    if text.len() > 170 {
        return Some(format!("{} characters", text.len()));
    }
    None
}

/// Words equal but for a verb's agreement ("does"/"do", "keeps"/"keep", "its"/"their").
fn alike(a: &str, b: &str) -> bool {
    let pairs = [
        ("does", "do"),
        ("doesn't", "don't"),
        ("has", "have"),
        ("hasn't", "haven't"),
        ("is", "are"),
        ("isn't", "aren't"),
        ("was", "were"),
        ("its", "their"),
    ];
    let core = |w: &str| lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
    let (a, b) = (core(a), core(b));
    a == b
        || a.strip_suffix('s') == Some(b.as_str())
        || pairs
            .iter()
            .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// The words standing for the placeholder in `text`: what is left once the template's words
/// before and after it are matched from each end, without what the template glues to the
/// placeholder ("{goal}.", "{competitor}'s").
fn fill_of(template: &str, text: &str) -> Vec<String> {
    let Some((before, after)) = bank::placeholder(template).and_then(|(p, _)| template.split_once(p)) else {
        return Vec::new();
    };
    let glued = after.split(char::is_whitespace).next().unwrap_or("");
    let (tb, ta): (Vec<&str>, Vec<&str>) = (
        before.split_whitespace().collect(),
        after[glued.len()..].split_whitespace().collect(),
    );
    let tw: Vec<&str> = text.split_whitespace().collect();
    let start = tb.iter().zip(&tw).take_while(|(a, b)| alike(a, b)).count();
    let end = ta
        .iter()
        .rev()
        .zip(tw.iter().rev())
        .take_while(|(a, b)| alike(a, b))
        .count()
        .min(tw.len() - start);
    let mut fill: Vec<String> = tw[start..tw.len() - end].iter().map(|w| w.to_string()).collect();
    if let Some(last) = fill.last_mut() {
        let glue = if glued == "'s" && last.ends_with("s'") {
            "'"
        } else {
            glued
        };
        *last = last.strip_suffix(glue).unwrap_or(last).to_owned();
    }
    fill
}

/// Function words a fill must not end on: it would have been cut mid-phrase.
const DANGLING: &[&str] = &[
    "a", "about", "an", "and", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or", "our",
    "per", "than", "that", "the", "their", "to", "with", "your",
];

/// A fill that ends on a function word or on punctuation, or starts with a capital that is
/// not one of `names` nor an acronym: "units on 60 of", "churn in the mid-market.",
/// "Private providers".
fn badly_cut(template: &str, text: &str, names: &[&str]) -> Option<String> {
    let fill = fill_of(template, text);
    let (first, last) = (fill.first()?, fill.last()?);
    if last.ends_with(|c: char| !c.is_alphanumeric() && c != '%' && c != '\'') {
        return Some(format!("ends on a stop: \"{last}\""));
    }
    if DANGLING.contains(&lower(last).as_str()) {
        return Some(format!("ends on \"{last}\""));
    }
    let capital = first.starts_with(|c: char| c.is_uppercase());
    let opens = template.starts_with('{');
    let acronym = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let core = first.trim_matches(|c: char| !c.is_alphanumeric());
    let name = names.iter().any(|n| n.split_whitespace().next() == Some(core));
    (capital && !opens && !name && !acronym).then(|| format!("\"{first}\" keeps a capital"))
}

/// Every rule that `text` (filled from `template`) breaks, for the fixture.
fn broken(template: &str, text: &str) -> Vec<String> {
    broken_with(template, text, NAMES)
}

/// Every rule that `text` (filled from `template`) breaks, where `names` may keep capitals.
fn broken_with(template: &str, text: &str, names: &[&str]) -> Vec<String> {
    [
        doubled_verb(template, text),
        disagrees(text, PLURAL_NAMES),
        wrong_voice(template, text),
        cut_or_stopped(template, text),
        malformed(template, text),
        badly_cut(template, text, names),
    ]
    .into_iter()
    .flatten()
    .collect()
}

// The rules catch what they are for.

#[test]
fn the_rules_catch_the_broken_fills() {
    let cases = [
        (
            "If {threat} played out next quarter, who would feel it first?",
            "If two failed IT projects since 2022 have made played out next quarter, who would feel it first?",
            "two verbs in a row",
        ),
        (
            "If {competitor} keeps winning at this pace, where will you be in two years?",
            "If Private providers keeps winning at this pace, where will you be in two years?",
            "private providers keeps",
        ),
        (
            "How does {competitor} win business from you today?",
            "How does private providers win business from you today?",
            "does private providers",
        ),
        (
            "Has {competitor} changed its pricing in the last six months?",
            "Have private providers changed its pricing in the last six months?",
            "\"its\" about",
        ),
        (
            "What would {threat} cost you over a year if nothing is done about it?",
            "What would … cost you over a year if nothing is done abo…",
            "ellipsis",
        ),
        (
            "If {threat} played out next quarter, who would feel it first?",
            "If their largest grocery customer played out next quarter, who would feel it first?",
            "\"their\"",
        ),
        (
            "If {threat} were off the table, what would you do differently?",
            "If our contract ends in March were off the table, what would you do differently?",
            "\"our\"",
        ),
        (
            "How exposed is the business to {threat} today?",
            "How exposed is the business to churn in the mid-market. today?",
            "a stop inside",
        ),
        (
            "What gets in the way of {goal} today?",
            "What gets in the way of your goal to put units on 60 of today?",
            "ends on \"of\"",
        ),
        (
            "What gets in the way of {goal} today?",
            "What gets in the way of your goal to win back the three Leeds grocery distribution centres we lost in 2025 by proving temperature records for every load today?",
            "\"we\"",
        ),
        (
            "What would {threat} cost you over a year if nothing is done about it?",
            "What would the risk that new EU rules on cold chain records from 2027 could force them to replace trailer modems across the whole fleet cost you over a year if nothing is done about it?",
            "characters",
        ),
        (
            "How do your customers compare you with {competitor}?",
            "How do your customers compare you with Private providers?",
            "keeps a capital",
        ),
        (
            "Walk me through the plan for reaching {goal}.",
            "Walk me through the plan for reaching {goal}.",
            "leftover braces",
        ),
        (
            "Walk me through the plan for reaching {goal}.",
            "walk me through the plan for reaching cheaper freight.",
            "lower case",
        ),
    ];
    for (template, text, expected) in cases {
        let found = broken(template, text).join("; ");
        assert!(
            found.contains(expected),
            "{text:?} should break {expected:?}, found {found:?}"
        );
    }
}

#[test]
fn the_rules_pass_good_fills() {
    for (template, text) in [
        (
            "If {competitor} keeps winning at this pace, where will you be in two years?",
            "If private providers keep winning at this pace, where will you be in two years?",
        ),
        (
            "If your team could answer {competitor}'s claims with confidence, what would change in your deals?",
            "If your team could answer private providers' claims with confidence, what would change in your deals?",
        ),
        (
            "Has {threat} been raised with your leadership team yet?",
            "Have rejected loads from reefer failures been raised with your leadership team yet?",
        ),
        (
            "What gets in the way of {goal} today?",
            "What gets in the way of your goal to keep 98.5% on-time in-full today?",
        ),
    ] {
        assert_eq!(broken(template, text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_fill_is_found_between_the_template_words() {
    assert_eq!(
        fill_of(
            "How does {competitor} win business from you today?",
            "How do regional hospitals win business from you today?"
        ),
        ["regional", "hospitals"]
    );
    assert_eq!(
        fill_of(
            "If you could answer {competitor}'s claims, what then?",
            "If you could answer Acme Health's claims, what then?"
        ),
        ["Acme", "Health"]
    );
}

// The bank, filled from the fixture.

#[test]
fn every_template_filled_from_every_fitting_item_reads_as_english() {
    let a = fixture();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for q in templates() {
        let (_, pane) = bank::placeholder(&q.text).unwrap();
        for item in items(&a, pane) {
            let filled = bank::fill(&q.text, &item);
            seen.push(format!("{} {:?} {}", q.id, filled.is_filled(), filled.text()));
            for why in broken(&q.text, filled.text()) {
                failures.push(format!("{} from {item:?}: {why}\n  {}", q.id, filled.text()));
            }
        }
    }
    if let Ok(path) = std::env::var("FILLS_DUMP") {
        std::fs::write(path, seen.join("\n")).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_suggestion_for_the_fixture_reads_as_english() {
    let a = fixture();
    let bank = bank::builtin().questions;
    for s in rank::rank(&bank, &a) {
        let template = &bank[s.bank].text;
        assert_eq!(broken(template, &s.text), Vec::<String>::new(), "{}", s.text);
    }
}

/// The fill of `template` (found by id) from `item`.
fn fill_by_id(id: &str, item: &str) -> Fill {
    let bank = bank::builtin().questions;
    let q = bank.iter().find(|q| q.id == id).expect("a bank id");
    bank::fill(&q.text, item)
}

#[test]
fn fitting_items_are_filled_and_unfitting_ones_shown_unfilled() {
    // b072: "If {competitor} keeps winning...", b089: "Has {competitor} changed its pricing...".
    let filled = |id, item| match fill_by_id(id, item) {
        Fill::Filled(text) => text,
        Fill::Unfilled(text, why) => panic!("{item:?} in {id} unfilled ({why:?}): {text}"),
    };
    assert!(filled("b072", "Private providers").starts_with("If private providers keep winning"));
    assert!(filled("b072", "Acme Health").starts_with("If Acme Health keeps winning"));
    assert!(
        filled("b089", "Regional hospitals").starts_with("Have regional hospitals changed their pricing")
    );
    // b036: "How exposed is the business to {threat} today?"
    assert!(filled("b036", "churn in the mid-market").contains("to churn in the mid-market today?"));
    assert!(
        filled(
            "b036",
            "Their largest grocery customer re-tenders its network in Q2"
        )
        .contains("to the risk that your largest grocery customer re-tenders its network today?")
    );
    assert!(filled("b135", "Dana Ruiz, CFO").starts_with("What would Dana Ruiz need"));
    assert!(filled("b135", "CFO").starts_with("What would the CFO need"));
    // b039: "If {threat} played out next quarter..." takes a noun phrase, not a clause.
    assert!(
        filled("b039", "Rejected loads from reefer failures.")
            .starts_with("If rejected loads from reefer failures played out")
    );
    for (id, item, generic) in [
        (
            "b039",
            "Two failed IT projects since 2022 have made the board wary",
            "If this threat played out",
        ),
        (
            "b040",
            "Our contract ends in March",
            "What would this threat cost",
        ),
        ("b072", "Our old platform", "If this competitor keeps winning"),
        (
            "b010",
            "Cut onboarding time from 6 weeks to 2",
            "when a goal like this is missed",
        ),
    ] {
        match fill_by_id(id, item) {
            Fill::Unfilled(text, _) => assert!(text.contains(generic), "{text}"),
            Fill::Filled(text) => panic!("{item:?} should not fill {id}: {text}"),
        }
    }
}

#[test]
fn an_unfilled_question_still_serves_its_item_once() {
    let mut a = Account::new("Seller voice", noon());
    a.world
        .threats
        .push(Item::new("Our contract ends in March", noon()));
    a.world.threats.push(Item::new("We may lose the renewal", noon()));
    let bank = templates();
    let ranked = rank::rank(&bank, &a);
    let of = |id: &str| {
        ranked
            .iter()
            .filter(|s| bank[s.bank].id == id)
            .collect::<Vec<_>>()
    };
    let b040 = of("b040");
    assert_eq!(b040.len(), 1, "one unfilled text, not one per item: {b040:?}");
    assert!(b040[0].text.contains("this threat"), "{}", b040[0].text);
    assert!(
        b040[0]
            .serves
            .as_ref()
            .is_some_and(|(pane, _)| *pane == Pane::Threats),
        "it still serves a threat"
    );
    assert!(
        b040[0].reasons.iter().any(|r| r.contains("our voice")),
        "{:?}",
        b040[0].reasons
    );
}

// The sample account.

#[test]
fn the_sample_account_filled_bank() {
    let a = sample::account(noon());
    let bank = bank::builtin().questions;
    let mut ranked = rank::rank(&bank, &a);
    ranked.sort_by(|a, b| a.bank.cmp(&b.bank).then(a.text.cmp(&b.text)));
    for s in &ranked {
        let template = &bank[s.bank].text;
        assert_eq!(
            broken_with(template, &s.text, SAMPLE_NAMES),
            Vec::<String>::new(),
            "{}",
            s.text
        );
    }
    let lines: Vec<String> = ranked
        .iter()
        .map(|s| format!("{} {}", bank[s.bank].id, s.text))
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
