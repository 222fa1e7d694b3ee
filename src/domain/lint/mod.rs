//! The linter: judges a line the rep writes as a customer-focused question, a leading
//! question, an opinion, or a neutral statement; says which rules fired and where; and for
//! opinions and leading questions offers a rewrite as an open question about the customer's
//! world.
//!
//! A line is read in four steps, each in its own file:
//! 1. `tokens`: lower-cased words with character spans, cut into clauses and sentences at
//!    punctuation. Words inside quotation marks ('...', "...", “...”) are the customer's own
//!    and are never flagged.
//! 2. `lexicon`: the phrases that signal a rule (seller talk, prescriptions, buzzwords...)
//!    or a SPIN type, found with one hash lookup per word. The words themselves are data,
//!    in `phrases.txt`, so extending the linter is mostly editing a list.
//! 3. `judge`: each sentence's mood (open question, closed question, flat) decides which
//!    rules count and the sentence's kind; the line is as serious as its worst sentence.
//! 4. `rewrite`: an open question built from a linked item or the line's own topic, and
//!    linted itself before it is offered.
//!
//! Decisions worth knowing:
//! - "we" alone is not seller talk: it is often the customer's team or the two of us
//!   ("How do your people feel when we meet to review the numbers?" is an open question with
//!   no flag). "We offer", "we can help", "we are the...", and "our" before anything but a
//!   shared thing ("our last call") are.
//! - A question without a question mark counts when it opens with a prompt ("Walk me
//!   through...", "Tell me about...") or a question word followed by a verb ("What keeps
//!   you up at night"); "who/when/where/which/how many" are open.
//! - A claim with a question mark is an opinion ("You need to modernise, right?"); a neutral
//!   fact with a tag ("The renewal is in June, right?") is a closed question, with the tag
//!   flagged.
//! - Negative questions ("Isn't cost your biggest issue?") fish for a yes: leading.
//! - Superlatives and verdicts inside an open question are usually the customer's own
//!   standard ("What would the best outcome look like?") and are not flagged there.
//! - Text in quotation marks is never flagged, but it does tell the SPIN type ("When you say
//!   'we're frustrated', ..." is a problem question). A line entirely in quotes is the
//!   customer's words: a statement.
//! - Closed questions get no rewrite: they have their place (confirming, agreeing a next
//!   step), and plan health already counts open against closed.

mod judge;
mod lexicon;
mod rewrite;
mod shapes;
mod tokens;

use crate::domain::bank::Spin;
use serde::{Deserialize, Serialize};

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A customer-focused question or prompt ("Walk me through how you plan routes").
    Question,
    /// A question that pitches or fishes for a yes ("Would you be interested in...").
    Leading,
    /// A claim, a recommendation or seller talk ("You need our seamless platform").
    Opinion,
    /// Anything neutral ("Their fiscal year starts in April.").
    Statement,
}

impl Kind {
    /// The word used in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Leading => "leading",
            Kind::Opinion => "opinion",
            Kind::Statement => "statement",
        }
    }
}

/// A rule the linter applies; each flag names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Talk about us and our offering.
    SellerCentric,
    /// Telling the customer what they need or should do.
    Prescription,
    /// Marketing jargon.
    Buzzword,
    /// A boast: best, leading, number one.
    Superlative,
    /// A question built to get a yes.
    YesFishing,
    /// A pitch dressed as a question.
    Pitch,
    /// A statement with a tag (", right?").
    TagQuestion,
    /// The rep's own view: "I think", "I'd recommend".
    HedgeClaim,
    /// Asking to be believed: "trust me", "obviously".
    Assurance,
    /// A verdict on the customer's world: "outdated", "inefficient".
    Judgement,
    /// Small talk that asks nothing about their business: "How was your weekend?".
    SmallTalk,
    /// A statement put up for agreement: "You'd want that, wouldn't you?".
    Agreement,
    /// An alternative or assumptive close: "Shall I send the contract to you or to legal?".
    Close,
    /// Fishing for a verdict on us or our idea: "Does that make sense?".
    VerdictFishing,
    /// A hypothetical purchase or use: "Would your team use a tool like that?".
    Hypothetical,
    /// Pressure or fear: deadlines, discounts, "can you afford to fall behind?".
    Pressure,
}

impl Rule {
    /// Every rule, in the order they are listed on screen.
    pub const ALL: [Rule; 16] = [
        Rule::SellerCentric,
        Rule::Prescription,
        Rule::Buzzword,
        Rule::Superlative,
        Rule::YesFishing,
        Rule::Pitch,
        Rule::TagQuestion,
        Rule::HedgeClaim,
        Rule::Assurance,
        Rule::Judgement,
        Rule::SmallTalk,
        Rule::Agreement,
        Rule::Close,
        Rule::VerdictFishing,
        Rule::Hypothetical,
        Rule::Pressure,
    ];

    /// True for the rules that shape a question to get a yes or a purchase: a statement
    /// with a question mark that breaks one is a leading question, not an opinion.
    pub fn asks_for_yes(self) -> bool {
        matches!(
            self,
            Rule::Pitch
                | Rule::YesFishing
                | Rule::Pressure
                | Rule::Close
                | Rule::Hypothetical
                | Rule::VerdictFishing
        )
    }

    /// The rule's name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Rule::SellerCentric => "seller-centric",
            Rule::Prescription => "prescription",
            Rule::Buzzword => "buzzword",
            Rule::Superlative => "superlative",
            Rule::YesFishing => "yes-fishing",
            Rule::Pitch => "pitch",
            Rule::TagQuestion => "tag-question",
            Rule::HedgeClaim => "hedge-claim",
            Rule::Assurance => "assurance",
            Rule::Judgement => "judgement",
            Rule::SmallTalk => "small-talk",
            Rule::Agreement => "asks-agreement",
            Rule::Close => "close",
            Rule::VerdictFishing => "verdict-fishing",
            Rule::Hypothetical => "hypothetical",
            Rule::Pressure => "pressure",
        }
    }

    /// One line saying what the rule objects to, for the screen.
    pub fn explain(self) -> &'static str {
        match self {
            Rule::SellerCentric => "Talks about us and our offering instead of the customer's world.",
            Rule::Prescription => {
                "Tells the customer what they need or should do; ask what they see instead."
            }
            Rule::Buzzword => "Marketing jargon the customer wouldn't use; say it in plain words.",
            Rule::Superlative => "A boast (best, leading, number one) the customer will discount.",
            Rule::YesFishing => "Fishes for an easy yes instead of learning something new.",
            Rule::Pitch => "A pitch dressed as a question (if I could show you..., would you buy...).",
            Rule::TagQuestion => {
                "A statement with a tag (right?, isn't it?) asks for agreement, not information."
            }
            Rule::HedgeClaim => "Your opinion (I think, I'd recommend) rather than the customer's.",
            Rule::Assurance => "Asks to be believed (trust me, obviously) instead of earning it.",
            Rule::Judgement => "Judges the customer's world (outdated, inefficient) before understanding it.",
            Rule::SmallTalk => "Small talk that asks nothing about their business; ask about their world.",
            Rule::Agreement => {
                "Puts our view up for agreement (..., wouldn't you?); ask what they see instead."
            }
            Rule::Close => {
                "Asks them to pick an option of a purchase they haven't decided on; ask what the decision depends on."
            }
            Rule::VerdictFishing => {
                "Fishes for a verdict on us or our idea; ask about their world, not our pitch."
            }
            Rule::Hypothetical => {
                "Asks about a hypothetical purchase or use; ask what they do and need today."
            }
            Rule::Pressure => {
                "Presses with a deadline, a discount or fear; let their own reasons carry the decision."
            }
        }
    }
}

/// A rule that fired, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// The rule.
    pub rule: Rule,
    /// Where, in characters (not bytes) of the linted text: `[start, end)`.
    pub span: (usize, usize),
}

impl Flag {
    /// The flagged words in `text` (the text that was linted).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
        let start = byte(self.span.0);
        let len: usize = text[start..]
            .chars()
            .take(self.span.1.saturating_sub(self.span.0))
            .map(char::len_utf8)
            .sum();
        &text[start..start + len]
    }
}

/// The linter's judgement of one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lint {
    /// What the line is.
    pub kind: Kind,
    /// For questions and leading questions: true when open (it can't be answered yes or
    /// no). None for opinions and statements.
    pub open: Option<bool>,
    /// For questions and leading questions: the SPIN type. None otherwise.
    pub spin: Option<Spin>,
    /// Every rule that fired, in order of position.
    pub flags: Vec<Flag>,
    /// For opinions and leading questions: an open question about the customer to ask
    /// instead. It never holds seller talk and lints as a question itself.
    pub suggestion: Option<String>,
}

impl Lint {
    /// True for lines that need a second look before they go in a plan: opinions and
    /// leading questions.
    pub fn is_concern(&self) -> bool {
        matches!(self.kind, Kind::Opinion | Kind::Leading)
    }
}

/// Lints one line. `context` is the text of a linked item of the customer's world, if the
/// line has one; the rewrite asks about it.
pub fn lint(text: &str, context: Option<&str>) -> Lint {
    let toks = tokens::tokenize(text);
    let hits = lexicon::hits(&toks);
    let verdict = judge::judge(&toks, &hits);
    let suggestion = matches!(verdict.kind, Kind::Opinion | Kind::Leading)
        .then(|| rewrite::suggest(text, &toks, &hits, &verdict, context));
    Lint {
        kind: verdict.kind,
        open: verdict.open,
        spin: verdict.spin,
        flags: verdict.flags,
        suggestion,
    }
}

/// Judges a line without rewriting it: how the rewrite checks its own output.
fn verdict(text: &str) -> judge::Verdict {
    let toks = tokens::tokenize(text);
    judge::judge(&toks, &lexicon::hits(&toks))
}
