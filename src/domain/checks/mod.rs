//! The answer checks of a rehearsal: after the rep types an answer to a turn, eight checks
//! say how customer-focused it was, and a short verdict heads them: what to do differently
//! next time, from the checks that failed. Nothing is hidden: each check gives an outcome
//! and a sentence saying what it found, and the phrases the linter flagged come back with
//! their places so the screen can underline them. A check with nothing to test says so and
//! is "not tested" ([`Outcome::Untested`]): it counts neither way.
//!
//! The checks, in the order they are shown ([`NAMES`]):
//! 1. `asks-back`: a sentence the linter reads as a customer-focused question. An open
//!    question passes; a closed one passes when it is about them (you, your, their names)
//!    and warns when it asks nothing about them. A leading question (an offer, a close, a
//!    verdict on us) does not count, and the detail names its rule.
//! 2. `customer-focus`: words about them (you, your, their people's names) against words
//!    about us (we, our, us, I, my), plus the linter's seller-centric flags. Fails on seller
//!    talk when us-words are at least as many as them-words; warns on seller talk, on no
//!    word about them at all, or on more about us than about them.
//! 3. `opinions`: the linter's opinion flags (prescription, buzzword, superlative, pitch,
//!    hedge-claim, assurance, judgement). None passes, one warns, two or more fail.
//! 4. `pressure`: discounts, deadlines and fear ("if you sign by Friday", "a better price",
//!    "very competitive"), the linter's `pressure` rule: any fails, each underlined.
//! 5. `touches-items`: the world items the turn links to, touched when the answer shares a
//!    distinctive word with the item (for a person, any part of the name). Not tested when
//!    the turn links none.
//! 6. `their-words`: a telling word or a two-word phrase shared with the customer's own
//!    words (the linked items' and the speaker's `their_words`, and the turn's line); common
//!    words ("week", "team", "time") don't count. Only warns: paraphrasing well is not a
//!    failure. Not tested when their words hold nothing telling.
//! 7. `talk-budget`: [`WORDS_PER_MINUTE`] words a minute; past [`TALK_BUDGET_SECS`] of
//!    speech it warns, because a customer stops listening to a monologue.
//! 8. `timing`: time to the first key and in total; warns when the first key took longer
//!    than [`HESITATION_SECS`], a pause that would show on a real call. A resumed draft is
//!    timed from when it came back; submitted without a key, it is not tested.
//!
//! Everything here is pure: the clock and the keys are measured by the caller.

mod language;
mod words;
mod world;

use super::account::Account;
use super::lint;
use super::text;
use super::turn::{CheckResult, Outcome, Turn};

/// The checks' stable names, in the order [`check`] returns them.
pub const NAMES: [&str; 8] = [
    "asks-back",
    "customer-focus",
    "opinions",
    "pressure",
    "touches-items",
    "their-words",
    "talk-budget",
    "timing",
];

/// The speaking rate assumed for the talk budget: a calm pace on the phone.
pub const WORDS_PER_MINUTE: f64 = 150.0;
/// Seconds of speech an answer may take before the talk budget warns.
pub const TALK_BUDGET_SECS: f64 = 60.0;
/// Seconds before the first key after which the timing check warns.
pub const HESITATION_SECS: f64 = 10.0;

/// How long the rep took, measured by the caller from the moment the line appeared.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    /// Seconds to the first key; `None` when nothing was typed before submitting.
    pub first_key_secs: Option<f64>,
    /// Seconds to submitting.
    pub total_secs: f64,
    /// True when the answer is a draft left earlier and resumed: both times count from
    /// when it came back, and the first key is the first typed since.
    pub resumed: bool,
}

/// Everything the checks found about one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// What to do differently next time, from the failed checks (then the warnings), in
    /// one short sentence; or that every tested check passed.
    pub verdict: String,
    /// One result per check, in the order of [`NAMES`].
    pub checks: Vec<CheckResult>,
    /// Every phrase the linter flagged in the answer (opinions, and also seller talk and
    /// yes-fishing, which other checks count), in order of position.
    pub highlights: Vec<Highlight>,
    /// Words in the answer.
    pub words: usize,
    /// Estimated seconds to say it, at [`WORDS_PER_MINUTE`].
    pub speech_secs: f64,
}

/// A flagged phrase in the answer, to underline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Where, in characters (not bytes) of the answer: `[start, end)`.
    pub span: (usize, usize),
    /// Why it is flagged: the linter rule's explanation.
    pub note: &'static str,
}

impl Feedback {
    /// The result of the check named `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.check == name)
    }
}

/// Checks `answer`, typed in reply to `turn` of `account`, taking `timing`.
pub fn check(answer: &str, turn: &Turn, account: &Account, timing: Timing) -> Feedback {
    // Linting the whole answer once gives flags whose spans are already in the answer's
    // characters; `asks-back` lints sentence by sentence on its own.
    let lint = lint::lint(answer, None);
    let words = words::words(answer).len();
    let speech_secs = words as f64 * 60.0 / WORDS_PER_MINUTE;
    let checks = vec![
        language::asks_back(answer, account),
        language::customer_focus(answer, &lint, account),
        language::opinions(answer, &lint),
        language::pressure(answer, &lint),
        world::touches_items(answer, turn, account),
        world::their_words(answer, turn, account),
        talk_budget(answer, words, speech_secs),
        timing_check(timing),
    ];
    let highlights = lint
        .flags
        .iter()
        .map(|f| Highlight {
            span: f.span,
            note: f.rule.explain(),
        })
        .collect();
    Feedback {
        verdict: verdict(&checks),
        checks,
        highlights,
        words,
        speech_secs,
    }
}

/// What each check asks of the next attempt when it fails or warns.
fn advice(check: &str) -> &'static str {
    match check {
        "asks-back" => "end with a question about them",
        "customer-focus" => "talk about their world, not ours",
        "opinions" => "ask instead of telling",
        "pressure" => "leave out discounts and deadlines",
        "touches-items" => "tie the answer to the items the turn is about",
        "their-words" => "use their own words",
        "talk-budget" => "say less",
        "timing" => "start sooner",
        _ => "look at the checks",
    }
}

/// The verdict that heads the feedback: the failed checks' advice, then the warnings', at
/// most two, in the order the checks are shown.
pub fn verdict(checks: &[CheckResult]) -> String {
    let of = |o: Outcome| checks.iter().filter(move |c| c.outcome == o);
    let todo: Vec<&str> = of(Outcome::Fail)
        .chain(of(Outcome::Warn))
        .map(|c| advice(&c.check))
        .take(2)
        .collect();
    let tested = checks.iter().filter(|c| c.outcome.tested()).count();
    match todo.as_slice() {
        [] if tested == 0 => "Nothing was tested".into(),
        [] => format!("Well done: all {tested} tested checks passed"),
        todo => {
            let mut s = format!("Next time: {}", todo.join("; "));
            if of(Outcome::Fail).next().is_none() {
                s.push_str(" (nothing failed)");
            }
            s
        }
    }
}

/// One check's result.
fn result(check: &str, outcome: Outcome, detail: String) -> CheckResult {
    CheckResult {
        check: check.to_owned(),
        outcome,
        detail,
        extra: Default::default(),
    }
}

/// True when nothing but spaces was typed: every check then says "Nothing typed".
fn blank(answer: &str) -> bool {
    answer.trim().is_empty()
}

/// `text` in curly quotation marks, on one clean line, cut at a word to about `max`
/// characters: how details quote the answer or the customer without flooding the screen.
fn quote(text: &str, max: usize) -> String {
    let line = text::first_line(text);
    if line.chars().count() <= max {
        return format!("“{line}”");
    }
    let cut: String = line.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("“{}…”", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The talk budget: [`WORDS_PER_MINUTE`], warning past [`TALK_BUDGET_SECS`].
fn talk_budget(answer: &str, words: usize, secs: f64) -> CheckResult {
    const NAME: &str = "talk-budget";
    let budget = TALK_BUDGET_SECS;
    if blank(answer) {
        return result(NAME, Outcome::Warn, "Nothing typed: no words to say".into());
    }
    let said = format!("{words} word{}, {}", plural(words), spoken(secs));
    if secs > budget {
        let detail = format!("{said}: over the {budget:.0}-second budget, a monologue");
        result(NAME, Outcome::Warn, detail)
    } else {
        result(
            NAME,
            Outcome::Pass,
            format!("{said}, within the {budget:.0}-second budget"),
        )
    }
}

/// "about 40 seconds of speech", or minutes past one minute.
fn spoken(secs: f64) -> String {
    let n = secs.round() as u64;
    match (n / 60, n % 60) {
        (0, 0) => "under a second of speech".into(),
        (0, s) => format!("about {s} second{} of speech", plural(s as usize)),
        (m, 0) => format!("about {m} minute{} of speech", plural(m as usize)),
        (m, s) => format!("about {m} min {s} s of speech"),
    }
}

/// Time to the first key and in total; warns past [`HESITATION_SECS`] to the first key.
fn timing_check(t: Timing) -> CheckResult {
    const NAME: &str = "timing";
    let total = seconds(t.total_secs);
    let lead = if t.resumed {
        "Resumed a draft: first key"
    } else {
        "First key"
    };
    match t.first_key_secs {
        None if t.resumed => {
            let detail =
                format!("Resumed a draft and submitted it without typing: nothing to time ({total})");
            result(NAME, Outcome::Untested, detail)
        }
        None => {
            let detail = format!("No key pressed before submitting; {total} in total");
            result(NAME, Outcome::Warn, detail)
        }
        Some(first) if first > HESITATION_SECS => {
            let detail = format!(
                "{lead} after {}, over {HESITATION_SECS:.0} s: a pause that long shows on a call; {total} in total",
                seconds(first)
            );
            result(NAME, Outcome::Warn, detail)
        }
        Some(first) => {
            let detail = format!("{lead} after {}; {total} in total", seconds(first));
            result(NAME, Outcome::Pass, detail)
        }
    }
}

/// A duration for the detail: tenths under ten seconds, then whole seconds and minutes.
/// Nonsense (negative, NaN) reads as zero rather than panicking or showing "NaN".
fn seconds(s: f64) -> String {
    let s = if s.is_finite() { s.max(0.0) } else { 0.0 };
    if s < 10.0 {
        return format!("{s:.1} s");
    }
    let n = s.round() as u64;
    match n / 60 {
        0 => format!("{n} s"),
        m => format!("{m} min {} s", n % 60),
    }
}

/// "s" unless there is exactly one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
