//! Filling a bank question's placeholder from an item so that it reads as English said to
//! the customer. The item's words become a [`Phrase`] (see `item.rs`); the words around the
//! placeholder say what the question needs there:
//!
//! - After a preposition or a verb ("exposed to {threat}", "What makes {threat} hard"), a
//!   noun phrase. A threat written as a clause reads "the risk that ..." there.
//! - As the subject ("If {threat} played out", "How does {competitor} win"), a noun phrase
//!   whose verb agrees with it: "If private providers keep", "How do private providers
//!   win", "Have private providers changed their pricing". A clause as a subject is too
//!   long to follow, so it is not filled in.
//! - Before "'s", a phrase ending on its main noun: "Acme Health's", "private providers'".
//!
//! When the item can't fill the placeholder well, the question is shown unfilled, with a
//! generic phrase ("this threat", or "this" after "a goal like") that always reads: a
//! question is never filled in a way that breaks it. [`Fill`] says which happened.

mod grammar;
mod item;

// The words short phrases of turns share with fills (`phrase.rs`).
pub(super) use item::{GOAL_VERBS, QUALIFIERS};

pub use item::{Number, Phrase, Shape};

use super::account::Pane;
use super::bank;
use grammar::{bare, is_adverb, is_auxiliary, plural_verb, same_case, upper_first};

/// A bank question with its placeholder filled, or shown unfilled and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Fill {
    /// Filled from the item: "If private providers keep winning at this pace, ...?"
    Filled(String),
    /// The item's words would break the question, so it reads with a generic phrase:
    /// "If this threat played out next quarter, who would feel it first?"
    Unfilled(String, Unfit),
}

impl Fill {
    /// The question's text, filled or not.
    pub fn text(&self) -> &str {
        match self {
            Fill::Filled(text) | Fill::Unfilled(text, _) => text,
        }
    }

    /// True when the item's own words are in the question.
    pub fn is_filled(&self) -> bool {
        matches!(self, Fill::Filled(_))
    }
}

/// Why an item can't fill a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// No words left to use.
    Empty,
    /// Written in the seller's voice ("our", "we").
    OurVoice,
    /// Holds a "their" that may be someone other than the customer.
    Owner,
    /// Too long to read inside a question, and no cut keeps it whole.
    TooLong,
    /// A clause where the question needs a noun phrase.
    Clause,
    /// The question names the kind right before the placeholder ("a goal like") and the
    /// phrase names it again ("your goal to ...").
    NamedTwice,
    /// One or many can't be told, and a verb has to agree with it.
    Number,
    /// It can't take a possessive `'s` ("churn in the mid-market's").
    Possessive,
}

impl Unfit {
    /// Why, in words for the screen.
    pub fn why(self) -> &'static str {
        match self {
            Unfit::Empty => "it has no words to use",
            Unfit::OurVoice => "it is written in our voice, not about the customer",
            Unfit::Owner => "its \"their\" may mean someone other than the customer",
            Unfit::TooLong => "it is too long to read inside a question",
            Unfit::Clause => "it is a whole sentence where the question needs a noun",
            Unfit::NamedTwice => "the question already names what it is",
            Unfit::Number => "it can't be told whether it is one or many, and a verb must agree",
            Unfit::Possessive => "it can't take an 's as written",
        }
    }
}

/// `template` with its placeholder filled from `phrase` (an item's, see [`Phrase::of`]),
/// or with a generic phrase when the item doesn't fit; a template without a placeholder
/// comes back as it is.
pub fn fill(template: &str, phrase: &Result<Phrase, Unfit>) -> Fill {
    let Some(slot) = Slot::read(template) else {
        return Fill::Filled(template.to_owned());
    };
    match phrase.as_ref().map_err(|why| *why).and_then(|p| slot.put(p)) {
        Ok(text) => Fill::Filled(text),
        Err(why) => Fill::Unfilled(slot.generic(), why),
    }
}

/// The generic phrase for an item of `pane`: "this goal", "this threat"...
pub fn generic(pane: Pane) -> &'static str {
    match pane {
        Pane::Goals => "this goal",
        Pane::Threats => "this threat",
        Pane::Competitors => "this competitor",
        Pane::People => "this person",
        Pane::Market => "this market condition",
        Pane::WhyChange => "this reason",
    }
}

/// How the placeholder stands in its sentence, read from the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Opening the sentence or after "if", "when", "that", "what"...: its verb follows.
    Subject,
    /// Right after an auxiliary or modal ("How does {x} win", "What would {x} cost").
    Inverted,
    /// Before "'s".
    Possessive,
    /// After a preposition or a verb.
    Object,
}

/// Words after which the placeholder is a subject with its verb to follow.
const SUBORDINATORS: &[&str] = &[
    "because", "if", "once", "that", "unless", "until", "what", "when", "whether", "while",
];

/// A template's placeholder and the words around it.
struct Slot<'a> {
    pane: Pane,
    before: &'a str,
    after: &'a str,
    role: Role,
}

impl<'a> Slot<'a> {
    fn read(template: &'a str) -> Option<Slot<'a>> {
        let (placeholder, pane) = bank::placeholder(template)?;
        let (before, after) = template.split_once(placeholder)?;
        let previous = before.split_whitespace().last();
        let role = match previous {
            _ if after.starts_with("'s") => Role::Possessive,
            None => Role::Subject,
            Some(w) if w.ends_with(['.', '?', '!']) => Role::Subject,
            Some(w) if is_auxiliary(w) => Role::Inverted,
            Some(w) if SUBORDINATORS.contains(&bare(w).as_str()) => Role::Subject,
            Some(_) => Role::Object,
        };
        Some(Slot {
            pane,
            before,
            after,
            role,
        })
    }

    /// True when one of the two words before the placeholder names its kind ("a goal
    /// like", "the risk from").
    fn names_kind(&self) -> bool {
        let kind: &[&str] = match self.pane {
            Pane::Goals => &["goal", "goals"],
            Pane::Threats => &["risk", "risks", "threat", "threats"],
            Pane::Competitors => &["competitor", "competitors", "rival", "rivals"],
            Pane::People => &["person", "people"],
            _ => &[],
        };
        let words: Vec<String> = self.before.split_whitespace().rev().take(2).map(bare).collect();
        words.iter().any(|w| kind.contains(&w.as_str()))
    }

    /// The template filled from `p`, or why it can't be.
    fn put(&self, p: &Phrase) -> Result<String, Unfit> {
        if p.names_kind && self.names_kind() {
            return Err(Unfit::NamedTwice);
        }
        let (text, number) = match (p.shape, self.role) {
            (Shape::Noun, _) => (p.text.clone(), p.number),
            (Shape::Clause, Role::Object) if self.pane == Pane::Threats => {
                if self.names_kind() {
                    return Err(Unfit::NamedTwice);
                }
                (format!("the risk that {}", p.text), Number::One)
            }
            (Shape::Clause, _) => return Err(Unfit::Clause),
        };
        let (before, mut after) = self.agree(number)?;
        if self.role == Role::Possessive {
            match number {
                _ if !p.ends_on_head => return Err(Unfit::Possessive),
                Number::Unclear => return Err(Unfit::Number),
                // "private providers' claims"
                Number::Many if text.ends_with('s') => after = after.replacen("'s", "'", 1),
                _ => {}
            }
        }
        let text = if before.trim().is_empty() {
            upper_first(&text)
        } else {
            text
        };
        Ok(format!("{before}{text}{after}"))
    }

    /// The words before and after, with the verbs next to the placeholder made to agree
    /// with `number`: the auxiliary before it ("Does" to "Do"), the verb after it ("keeps"
    /// to "keep", "has" to "have") and an "its" that refers back to it ("their"). The
    /// template is written for one; with many they change, and with an unclear number a
    /// template that needs any of them is refused.
    fn agree(&self, number: Number) -> Result<(String, String), Unfit> {
        let (mut before, mut after) = (self.before.to_owned(), self.after.to_owned());
        if !matches!(self.role, Role::Subject | Role::Inverted) {
            return Ok((before, after));
        }
        // (in `before`?, start, end, the plural word)
        let mut changes: Vec<(bool, usize, usize, String)> = Vec::new();
        let after_words = spans(self.after);
        let plural_at = |in_before: bool, text: &str, (start, end): (usize, usize)| {
            plural_verb(&text[start..end]).map(|plural| (in_before, start, end, plural))
        };
        // "How does {x} win": the auxiliary before it.
        let auxiliary = match self.role {
            Role::Inverted => spans(self.before).last().copied(),
            _ => None,
        };
        changes.extend(auxiliary.and_then(|at| plural_at(true, self.before, at)));
        // "If {x} keeps winning": its verb, past any adverb.
        let verb = match self.role {
            Role::Subject => after_words
                .iter()
                .copied()
                .find(|&(s, e)| !is_adverb(&self.after[s..e])),
            _ => None,
        };
        changes.extend(verb.and_then(|at| plural_at(false, self.after, at)));
        // "Has {x} changed its pricing": the "its" that refers back to it.
        let its = after_words.iter().find(|&&(s, e)| &self.after[s..e] == "its");
        changes.extend(its.map(|&(start, end)| (false, start, end, "their".to_owned())));
        match number {
            _ if changes.is_empty() => {}
            Number::One => {}
            Number::Unclear => return Err(Unfit::Number),
            Number::Many => {
                // Right to left, so earlier spans stay where they are.
                changes.sort_by_key(|&(in_before, start, ..)| std::cmp::Reverse((in_before, start)));
                for (in_before, start, end, word) in changes {
                    let s = if in_before { &mut before } else { &mut after };
                    let word = same_case(&s[start..end], &word);
                    s.replace_range(start..end, &word);
                }
            }
        }
        Ok((before, after))
    }

    /// The template with the generic phrase: "this threat", or "this" when the template
    /// names the kind right before ("a goal like this").
    fn generic(&self) -> String {
        let phrase = if self.names_kind() {
            "this"
        } else {
            generic(self.pane)
        };
        let phrase = if self.before.trim().is_empty() {
            upper_first(phrase)
        } else {
            phrase.to_owned()
        };
        format!("{}{phrase}{}", self.before, self.after)
    }
}

/// Where each word of `s` is, as byte ranges, without the punctuation around it.
fn spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(st), true) => {
                let word = &s[st..i];
                let lead = word.len() - word.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
                let core = core.trim_start_matches('\'');
                if !core.is_empty() {
                    out.push((st + lead, st + lead + core.len()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(template: &str, pane: Pane, item: &str) -> String {
        match fill(template, &Phrase::of(pane, item)) {
            Fill::Filled(text) => text,
            Fill::Unfilled(text, why) => format!("unfilled ({why:?}): {text}"),
        }
    }

    #[test]
    fn verbs_agree_with_a_plural_name() {
        let c = Pane::Competitors;
        assert_eq!(
            filled(
                "If {competitor} keeps winning at this pace, where will you be?",
                c,
                "Private providers"
            ),
            "If private providers keep winning at this pace, where will you be?"
        );
        assert_eq!(
            filled(
                "How does {competitor} win business from you today?",
                c,
                "Regional hospitals"
            ),
            "How do regional hospitals win business from you today?"
        );
        assert_eq!(
            filled(
                "Has {competitor} changed its pricing lately?",
                c,
                "Private providers"
            ),
            "Have private providers changed their pricing lately?"
        );
        assert_eq!(
            filled("Has {competitor} changed its pricing lately?", c, "Acme Health"),
            "Has Acme Health changed its pricing lately?"
        );
        assert_eq!(
            filled(
                "What is {competitor} doing that worries you?",
                c,
                "Private providers"
            ),
            "What are private providers doing that worries you?"
        );
    }

    #[test]
    fn possessives_follow_the_number() {
        let t = "If you could answer {competitor}'s claims, what would change?";
        let c = Pane::Competitors;
        assert_eq!(
            filled(t, c, "Acme Health"),
            "If you could answer Acme Health's claims, what would change?"
        );
        assert_eq!(
            filled(t, c, "Private providers"),
            "If you could answer private providers' claims, what would change?"
        );
        assert_eq!(
            filled(t, c, "Spreadsheets"),
            "unfilled (Number): If you could answer this competitor's claims, what would change?"
        );
    }

    #[test]
    fn a_clause_fills_after_a_preposition_and_not_as_a_subject() {
        let item = "Two failed IT projects since 2022 have made the board wary of big software buys";
        let t = Pane::Threats;
        assert_eq!(
            filled("How exposed is the business to {threat} today?", t, item),
            "How exposed is the business to the risk that two failed IT projects have made the board wary today?"
        );
        assert_eq!(
            filled(
                "If {threat} played out next quarter, who would feel it first?",
                t,
                item
            ),
            "unfilled (Clause): If this threat played out next quarter, who would feel it first?"
        );
        assert_eq!(
            filled(
                "If {threat} played out next quarter, who would feel it first?",
                t,
                "Churn in the mid-market."
            ),
            "If churn in the mid-market played out next quarter, who would feel it first?"
        );
    }

    #[test]
    fn the_kind_is_not_named_twice() {
        assert_eq!(
            filled(
                "Who feels it first when a goal like {goal} is missed?",
                Pane::Goals,
                "Cut churn by 2027"
            ),
            "unfilled (NamedTwice): Who feels it first when a goal like this is missed?"
        );
        assert_eq!(
            filled(
                "Who feels it first when a goal like {goal} is missed?",
                Pane::Goals,
                "Zero lost-time injuries"
            ),
            "Who feels it first when a goal like zero lost-time injuries is missed?"
        );
        assert_eq!(
            filled(
                "How would your plans change if the risk from {threat} were cut in half?",
                Pane::Threats,
                "Fuel surcharge tables lag diesel prices"
            ),
            "unfilled (NamedTwice): How would your plans change if the risk from this were cut in half?"
        );
    }

    #[test]
    fn a_placeholder_opening_the_question_is_capitalised() {
        assert_eq!(
            filled("{person} decides, doesn't she?", Pane::People, "the CFO"),
            "The CFO decides, doesn't she?"
        );
        assert_eq!(
            filled(
                "{threat} keeps coming up: why?",
                Pane::Threats,
                "Our renewal is late"
            ),
            "unfilled (OurVoice): This threat keeps coming up: why?"
        );
    }

    #[test]
    fn plain_text_is_left_alone() {
        let text = "What has changed since we last spoke?";
        assert_eq!(fill(text, &Err(Unfit::Empty)), Fill::Filled(text.to_owned()));
    }

    #[test]
    fn spans_find_words_without_their_punctuation() {
        let s = " keeps winning, (really) its";
        let words: Vec<&str> = spans(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(words, ["keeps", "winning", "really", "its"]);
    }
}
