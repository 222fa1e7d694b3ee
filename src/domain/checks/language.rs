//! The checks on how the answer talks: does it ask back, is it about them or about us, and
//! does it voice opinions. All three lean on the linter, so the rehearsal judges an answer
//! exactly as the question plan judges a question.

use super::words::{self, terms};
use super::{blank, plural, quote, result};
use crate::domain::account::{Account, Pane};
use crate::domain::lint::{self, Flag, Kind, Lint, Rule};
use crate::domain::turn::{CheckResult, Outcome};

/// Words about the customer. Quoted words are the customer's own and not counted.
const ABOUT_THEM: &[&str] = &[
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "you're",
    "you've",
    "you'll",
    "you'd",
];

/// Words about us. "me" is left out: "tell me", "walk me through" open good questions.
const ABOUT_US: &[&str] = &[
    "we",
    "our",
    "ours",
    "us",
    "ourselves",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "i",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "my",
    "mine",
    "myself",
];

/// The linter's rules that mark an opinion rather than seller talk or a leading question,
/// which `customer-focus` and `asks-back` count.
const OPINION_RULES: [Rule; 7] = [
    Rule::Prescription,
    Rule::Buzzword,
    Rule::Superlative,
    Rule::Pitch,
    Rule::HedgeClaim,
    Rule::Assurance,
    Rule::Judgement,
];

/// `asks-back`: the last sentence the linter reads as a customer-focused question.
pub(super) fn asks_back(answer: &str, account: &Account) -> CheckResult {
    const NAME: &str = "asks-back";
    if blank(answer) {
        return result(NAME, Outcome::Fail, "Nothing typed: no question back".into());
    }
    let judged: Vec<(&str, Lint)> = words::sentences(answer)
        .into_iter()
        .map(|s| (s, lint::lint(s, None)))
        .collect();
    let last = judged.len().saturating_sub(1);
    let asked = judged
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (_, l))| l.kind == Kind::Question);
    if let Some((i, (s, l))) = asked {
        let closed = l.open == Some(false);
        // "Is that right?", "Shall we meet again?": a closed question that asks nothing
        // about them confirms or proposes; it doesn't learn about their world.
        if closed && !about_them(s, account) {
            let detail = format!(
                "Only a closed question that asks nothing about them: {}",
                quote(s, 60)
            );
            return result(NAME, Outcome::Warn, detail);
        }
        let closed = if closed { "closed " } else { "" };
        let detail = match i == last {
            true => format!("Ends with a {closed}question back: {}", quote(s, 60)),
            false => format!(
                "Asks a {closed}question back, then keeps talking: {}",
                quote(s, 60)
            ),
        };
        return result(NAME, Outcome::Pass, detail);
    }
    let detail = if let Some((s, l)) = judged.iter().find(|(_, l)| l.kind == Kind::Leading) {
        // Name what makes it leading: "a close", "an offer or a pitch", "fishing for a verdict".
        let why = l
            .flags
            .iter()
            .map(|f| f.rule)
            .find(|r| r.asks_for_yes() || *r == Rule::SellerCentric)
            .map_or("it fishes for a yes", leading_why);
        format!(
            "Only a leading question ({why}), which doesn't count: {}",
            quote(s, 60)
        )
    } else if let Some((s, _)) = judged.iter().find(|(s, _)| s.ends_with(['?', '？'])) {
        format!(
            "A question mark, but it reads as an opinion, not a question: {}",
            quote(s, 60)
        )
    } else {
        "No question back: the customer has nothing to answer".into()
    };
    result(NAME, Outcome::Fail, detail)
}

/// Why a leading question doesn't count as asking back, in words.
fn leading_why(rule: Rule) -> &'static str {
    match rule {
        Rule::Pitch => "an offer or a pitch",
        Rule::Close => "a close: it asks them to choose a step of a purchase",
        Rule::VerdictFishing => "it fishes for a verdict on us",
        Rule::Hypothetical => "a hypothetical purchase",
        Rule::Pressure => "pressure",
        Rule::SellerCentric => "it asks about us",
        _ => "it fishes for a yes",
    }
}

/// `pressure`: discounts, deadlines and fear, each underlined. Any fails: a concession or a
/// deadline given in rehearsal is given on the call.
pub(super) fn pressure(answer: &str, lint: &Lint) -> CheckResult {
    const NAME: &str = "pressure";
    if blank(answer) {
        return result(NAME, Outcome::Warn, "Nothing typed: nothing to judge".into());
    }
    let found: Vec<&Flag> = lint.flags.iter().filter(|f| f.rule == Rule::Pressure).collect();
    if found.is_empty() {
        return result(NAME, Outcome::Pass, "No discounts, deadlines or pressure".into());
    }
    let detail = format!(
        "Pressure or a concession, underlined: {}",
        flagged(answer, &found, false)
    );
    result(NAME, Outcome::Fail, detail)
}

/// `customer-focus`: words about them against words about us, and the linter's seller talk.
pub(super) fn customer_focus(answer: &str, lint: &Lint, account: &Account) -> CheckResult {
    const NAME: &str = "customer-focus";
    if blank(answer) {
        return result(NAME, Outcome::Fail, "Nothing typed: nothing about them".into());
    }
    let (them, us) = count(answer, account);
    let tally = format!("{them} word{} about them, {us} about us", plural(them));
    let seller: Vec<&Flag> = lint
        .flags
        .iter()
        .filter(|f| f.rule == Rule::SellerCentric)
        .collect();
    if !seller.is_empty() {
        let outcome = if us >= them { Outcome::Fail } else { Outcome::Warn };
        return result(
            NAME,
            outcome,
            format!("Seller talk: {}; {tally}", flagged(answer, &seller, false)),
        );
    }
    let (outcome, detail) = if them == 0 {
        (
            Outcome::Warn,
            format!("Nothing about them: no you or your, none of their names ({us} about us)"),
        )
    } else if us > them {
        (Outcome::Warn, format!("More about us than about them: {tally}"))
    } else {
        (Outcome::Pass, format!("About them: {tally}, and no seller talk"))
    };
    result(NAME, outcome, detail)
}

/// True when `sentence` is about the customer: a you-word, one of their people's names, or
/// a distinctive word of an item of their world ("Is the renewal with Polar Line in June?").
fn about_them(sentence: &str, account: &Account) -> bool {
    if count(sentence, account).0 > 0 {
        return true;
    }
    let mine: Vec<String> = terms(sentence);
    Pane::ALL
        .into_iter()
        .filter_map(|p| account.items(p))
        .flatten()
        .flat_map(|it| terms(&it.text))
        .any(|t| words::distinctive(&t) && mine.contains(&t))
}

/// (about them, about us): you-words and the names of their people, against we-words.
/// Quoted words are the customer's own, so they count for neither side.
fn count(answer: &str, account: &Account) -> (usize, usize) {
    let names: Vec<String> = account
        .people
        .iter()
        .flat_map(|p| terms(&p.name))
        // Two-letter names ("Li") count; names that are also common words ("Will") don't.
        .filter(|t| t.chars().count() >= 2 && !words::is_stop(t))
        .collect();
    let (mut them, mut us) = (0, 0);
    for w in words::words(answer) {
        let stemmed = terms(&w.text);
        if stemmed.iter().any(|t| names.contains(t)) {
            them += 1;
        } else if w.quoted {
            continue;
        } else if ABOUT_THEM.contains(&w.text.as_str()) {
            them += 1;
        } else if ABOUT_US.contains(&w.text.as_str()) {
            us += 1;
        }
    }
    (them, us)
}

/// `opinions`: the linter's opinion flags. None passes, one warns, more fail.
pub(super) fn opinions(answer: &str, lint: &Lint) -> CheckResult {
    const NAME: &str = "opinions";
    if blank(answer) {
        return result(NAME, Outcome::Warn, "Nothing typed: nothing to judge".into());
    }
    let found: Vec<&Flag> = lint
        .flags
        .iter()
        .filter(|f| OPINION_RULES.contains(&f.rule))
        .collect();
    let (outcome, detail) = match found.len() {
        0 => (Outcome::Pass, "No opinions, buzzwords or superlatives".into()),
        1 => (
            Outcome::Warn,
            format!("1 flagged, underlined: {}", flagged(answer, &found, true)),
        ),
        n => (
            Outcome::Fail,
            format!("{n} flagged, underlined: {}", flagged(answer, &found, true)),
        ),
    };
    result(NAME, outcome, detail)
}

/// The flagged phrases, quoted, at most four, with their rule names when `rules`.
fn flagged(answer: &str, flags: &[&Flag], rules: bool) -> String {
    let mut parts: Vec<String> = flags
        .iter()
        .take(4)
        .map(|f| match rules {
            true => format!("{} ({})", quote(f.text(answer), 40), f.rule.name()),
            false => quote(f.text(answer), 40),
        })
        .collect();
    if flags.len() > 4 {
        parts.push(format!("and {} more", flags.len() - 4));
    }
    parts.join(", ")
}
