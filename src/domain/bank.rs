//! The question bank: customer-focused questions with their category, the pane of the
//! customer's world they relate to, their SPIN type and whether they are open. The built-in
//! bank ships in `assets/bank.json`; a user's own questions live in the data folder's
//! `bank.json`, in the same format.

use super::account::{Extra, Pane};
use super::fill::{Fill, Phrase, Unfit};
use serde::{Deserialize, Serialize};

/// The bank file format version this build writes.
pub const BANK_SCHEMA: u32 = 1;

/// What a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Their vision and goals.
    GoalsAndVision,
    /// Threats and risks to them.
    ThreatsAndRisks,
    /// Their competitors.
    Competitors,
    /// Conditions in their market.
    MarketConditions,
    /// Their people and how they decide.
    PeopleAndProcess,
    /// Why change, and what no action costs.
    WhyChange,
    /// How they will measure success.
    SuccessMeasures,
    /// The customer's next step.
    NextStep,
    /// What changed since the last conversation.
    SinceLastSpoke,
}

impl Category {
    /// Every category, in the order lists show them.
    pub const ALL: [Category; 9] = [
        Category::GoalsAndVision,
        Category::ThreatsAndRisks,
        Category::Competitors,
        Category::MarketConditions,
        Category::PeopleAndProcess,
        Category::WhyChange,
        Category::SuccessMeasures,
        Category::NextStep,
        Category::SinceLastSpoke,
    ];

    /// The name shown on screen.
    pub fn title(self) -> &'static str {
        match self {
            Category::GoalsAndVision => "goals and vision",
            Category::ThreatsAndRisks => "threats and risks",
            Category::Competitors => "competitors",
            Category::MarketConditions => "market conditions",
            Category::PeopleAndProcess => "people and decision process",
            Category::WhyChange => "why change",
            Category::SuccessMeasures => "success measures",
            Category::NextStep => "the customer's next step",
            Category::SinceLastSpoke => "since we last spoke",
        }
    }
}

/// The SPIN type of a question (Rackham): situation, problem, implication, need-payoff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spin {
    /// Facts the rep could often find by research.
    Situation,
    /// Difficulties and dissatisfactions.
    Problem,
    /// What a problem leads to: costs, knock-on effects.
    Implication,
    /// The value of solving it, in the customer's words.
    NeedPayoff,
}

impl Spin {
    /// Every SPIN type, in order.
    pub const ALL: [Spin; 4] = [
        Spin::Situation,
        Spin::Problem,
        Spin::Implication,
        Spin::NeedPayoff,
    ];

    /// The word used in files and on screen.
    pub fn name(self) -> &'static str {
        match self {
            Spin::Situation => "situation",
            Spin::Problem => "problem",
            Spin::Implication => "implication",
            Spin::NeedPayoff => "need-payoff",
        }
    }
}

/// One question of the bank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BankQuestion {
    /// Stable id (`b001`... for built-in questions, random for the user's own).
    pub id: String,
    /// The question; may hold placeholders such as `{goal}` (see [`PLACEHOLDERS`]).
    pub text: String,
    /// What it is about.
    pub category: Category,
    /// The pane of the customer's world it relates to, if one.
    #[serde(default)]
    pub pane: Option<Pane>,
    /// Its SPIN type.
    pub spin: Spin,
    /// True for an open question (it can't be answered yes or no).
    pub open: bool,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A bank file: the built-in asset, or the user's `bank.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BankFile {
    /// File format version; see [`BANK_SCHEMA`].
    pub schema: u32,
    /// The questions, in order.
    #[serde(default)]
    pub questions: Vec<BankQuestion>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The placeholders a bank question may hold, and the pane whose items fill them.
pub const PLACEHOLDERS: [(&str, Pane); 4] = [
    ("{goal}", Pane::Goals),
    ("{threat}", Pane::Threats),
    ("{competitor}", Pane::Competitors),
    ("{person}", Pane::People),
];

/// The placeholder in `text` and the pane that fills it, if any (a question holds at most one).
pub fn placeholder(text: &str) -> Option<(&'static str, Pane)> {
    PLACEHOLDERS.into_iter().find(|(p, _)| text.contains(p))
}

/// `text` with its placeholder filled from an item written as `item`, in words that read as
/// English; or shown unfilled, with a generic phrase, when the item's words would break it
/// (see [`super::fill`]). Text without a placeholder comes back as it is.
pub fn fill(text: &str, item: &str) -> Fill {
    let phrase = match placeholder(text) {
        Some((_, pane)) => Phrase::of(pane, item),
        None => Err(Unfit::Empty),
    };
    super::fill::fill(text, &phrase)
}

/// The built-in bank, compiled in from `assets/bank.json`.
pub fn builtin() -> BankFile {
    serde_json::from_str(include_str!("../../assets/bank.json"))
        .expect("assets/bank.json is valid (checked by the bank tests)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    /// Words that turn a question about the customer into talk about us.
    const SELLER_PHRASES: [&str; 12] = [
        "our product",
        "our solution",
        "our platform",
        "our service",
        "our offering",
        "our software",
        "our tool",
        "our company",
        "we offer",
        "we provide",
        "would you buy",
        "would you be interested",
    ];

    fn questions() -> Vec<BankQuestion> {
        builtin().questions
    }

    /// The share of questions matching `pred`, in percent.
    fn share(qs: &[BankQuestion], pred: impl Fn(&BankQuestion) -> bool) -> f64 {
        100.0 * qs.iter().filter(|q| pred(q)).count() as f64 / qs.len() as f64
    }

    #[test]
    fn builtin_parses_with_enough_questions() {
        let bank = builtin();
        assert_eq!(bank.schema, BANK_SCHEMA);
        assert!(bank.questions.len() >= 250, "{} questions", bank.questions.len());
        assert!(bank.extra.is_empty());
        assert!(bank.questions.iter().all(|q| q.extra.is_empty()));
    }

    #[test]
    fn ids_are_unique_and_numbered_in_order() {
        let qs = questions();
        let mut seen = HashSet::new();
        for (i, q) in qs.iter().enumerate() {
            assert_eq!(q.id, format!("b{:03}", i + 1), "ids run b001, b002, ...");
            let digits = &q.id[1..];
            assert!(q.id.starts_with('b') && digits.len() >= 3);
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{}", q.id);
            assert!(seen.insert(q.id.clone()), "duplicate id {}", q.id);
        }
    }

    #[test]
    fn texts_are_unique_short_and_plain() {
        let mut seen = HashSet::new();
        for q in questions() {
            let t = &q.text;
            assert!(seen.insert(t.to_lowercase()), "duplicate text: {t}");
            assert!(!t.trim().is_empty() && t.trim() == t, "{}: {t:?}", q.id);
            assert!(t.len() <= 140, "{} is {} characters", q.id, t.len());
            assert!(t.is_ascii() && !t.contains('"'), "{}: {t}", q.id);
        }
    }

    #[test]
    fn every_category_has_at_least_twenty() {
        let qs = questions();
        let mut counts: HashMap<Category, usize> = HashMap::new();
        for q in &qs {
            *counts.entry(q.category).or_default() += 1;
        }
        for c in Category::ALL {
            let n = counts.get(&c).copied().unwrap_or(0);
            assert!(n >= 20, "{} has {n}", c.title());
        }
    }

    #[test]
    fn spin_mix_favours_implication_and_need_payoff() {
        let qs = questions();
        let of = |s: Spin| share(&qs, |q| q.spin == s);
        assert!(
            of(Spin::Implication) >= 20.0,
            "implication {:.1}%",
            of(Spin::Implication)
        );
        assert!(
            of(Spin::NeedPayoff) >= 20.0,
            "need-payoff {:.1}%",
            of(Spin::NeedPayoff)
        );
        assert!(
            of(Spin::Situation) <= 20.0,
            "situation {:.1}%",
            of(Spin::Situation)
        );
    }

    #[test]
    fn most_questions_are_open() {
        let qs = questions();
        let open = share(&qs, |q| q.open);
        assert!(open >= 85.0, "open {open:.1}%");
    }

    #[test]
    fn placeholders_are_known_single_and_match_the_pane() {
        let qs = questions();
        for q in &qs {
            let t = &q.text;
            let braces = t.matches('{').count();
            assert_eq!(braces, t.matches('}').count(), "{}: {t}", q.id);
            assert!(braces <= 1, "{} holds more than one placeholder: {t}", q.id);
            let known = PLACEHOLDERS.iter().filter(|(p, _)| t.contains(p)).count();
            assert_eq!(known, braces, "{} holds an unknown placeholder: {t}", q.id);
            if let Some((p, pane)) = placeholder(t) {
                assert_eq!(q.pane, Some(pane), "{}: {p} belongs to {pane:?}", q.id);
            }
        }
        let with = share(&qs, |q| placeholder(&q.text).is_some());
        assert!((25.0..=35.0).contains(&with), "placeholders in {with:.1}%");
    }

    #[test]
    fn panes_follow_the_category() {
        for q in questions() {
            let expected = match q.category {
                Category::GoalsAndVision => Some(Pane::Goals),
                Category::ThreatsAndRisks => Some(Pane::Threats),
                Category::Competitors => Some(Pane::Competitors),
                Category::MarketConditions => Some(Pane::Market),
                Category::PeopleAndProcess => Some(Pane::People),
                Category::WhyChange => Some(Pane::WhyChange),
                // These span the world; a placeholder ties them to its pane.
                Category::SuccessMeasures | Category::NextStep | Category::SinceLastSpoke => {
                    continue;
                }
            };
            assert_eq!(q.pane, expected, "{}: {}", q.id, q.text);
        }
    }

    #[test]
    fn no_question_talks_about_us() {
        for q in questions() {
            let lower = q.text.to_lowercase();
            for phrase in SELLER_PHRASES {
                assert!(!lower.contains(phrase), "{} says {phrase:?}: {}", q.id, q.text);
            }
        }
    }

    #[test]
    fn file_round_trips_byte_for_byte() {
        let file = include_str!("../../assets/bank.json");
        let written = serde_json::to_string_pretty(&builtin()).expect("bank serialises") + "\n";
        assert!(written == file, "assets/bank.json is not in the written form");
    }

    #[test]
    fn fill_replaces_the_placeholder() {
        let text = "What happens to {goal} if nothing changes this year?";
        assert_eq!(placeholder(text), Some(("{goal}", Pane::Goals)));
        assert_eq!(
            fill(text, "Doubling repeat orders"),
            Fill::Filled("What happens to doubling repeat orders if nothing changes this year?".into())
        );
        let person = "What would {person} need to see before backing a change?";
        assert_eq!(placeholder(person), Some(("{person}", Pane::People)));
        assert_eq!(
            fill(person, "Dana Ruiz, CFO"),
            Fill::Filled("What would Dana Ruiz need to see before backing a change?".into())
        );
    }

    #[test]
    fn fill_leaves_plain_text_alone() {
        let text = "What has changed since we last spoke?";
        assert_eq!(placeholder(text), None);
        assert_eq!(fill(text, "anything"), Fill::Filled(text.into()));
    }

    #[test]
    fn every_filled_question_reads_without_braces() {
        for q in questions() {
            if let Some((_, pane)) = placeholder(&q.text) {
                let item = if pane == Pane::People {
                    "Dana Ruiz"
                } else {
                    "The new plant"
                };
                let filled = fill(&q.text, item);
                assert!(!filled.text().contains(['{', '}']), "{filled:?}");
                if filled.is_filled() {
                    assert!(filled.text().contains(&item[1..]), "{filled:?}");
                }
            }
        }
    }
}
