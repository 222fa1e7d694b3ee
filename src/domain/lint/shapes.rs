//! Rewrites for the shapes a seller-centric question takes, each built from the line's own
//! subject: a close asks what their decision depends on ("Which start date suits you?" →
//! "What does your timeline depend on, and who else has a say in the start date?"), a
//! hypothetical purchase asks how the people it names work today, a verdict on our demo asks
//! how it compares with what they do, blame asks what has kept things as they are, pressure
//! asks what happens if nothing changes, a view put up for agreement asks theirs, an offer
//! asks what they need before a step.
//!
//! Like every rewrite these are linted before they are offered (see `rewrite::suggest`),
//! so a subject lifted from the line can't carry seller talk into the question.

use super::judge::Verdict;
use super::lexicon::{Class, Cue, Hit, is};
use super::tokens::Tokens;
use super::{Flag, Rule};

/// Deal words about timing: their rewrite asks about the timeline, not the decision.
const TIMING: [&str; 9] = [
    "date", "start", "started", "install", "kickoff", "kick", "delivery", "roll", "rollout",
];

/// The rewrite for the first shape rule that fired, if the line has what it needs.
pub(super) fn reshaped(text: &str, toks: &Tokens, hits: &[Hit], verdict: &Verdict) -> Option<String> {
    let first = |rule: Rule| verdict.flags.iter().find(|f| f.rule == rule);
    if first(Rule::Pressure).is_some() {
        return Some(
            "What happens on your side if nothing changes here, and how soon would you feel it?".into(),
        );
    }
    if first(Rule::Close).is_some() {
        return close(text, toks, hits);
    }
    if let Some(f) = first(Rule::Hypothetical) {
        return Some(how_today(&subject(text, toks, f, &["would", "could", "will"])));
    }
    if let Some(f) = first(Rule::VerdictFishing) {
        return Some(match offering(text, toks, f) {
            Some(noun) => format!("How does the {noun} compare with the way you handle this today?"),
            None => "How does this compare with the way you handle it today, and what is missing?".into(),
        });
    }
    if let Some(f) = first(Rule::Pitch).filter(|f| starts_with(toks, f, &["what", "if"])) {
        return Some(how_today(&subject(text, toks, f, &["if"])));
    }
    if let Some(f) =
        first(Rule::Judgement).filter(|f| starts_with(toks, f, &["why"]) || starts_with(toks, f, &["how"]))
    {
        return Some(match kept(text, toks, f) {
            Some(rest) => format!("What has made {rest} hard to move away from so far?"),
            None => "What has stood in the way of changing this so far, and who feels it most?".into(),
        });
    }
    // "Honestly, their product is a poor fit for you.": knocking a competitor.
    let third_party = (0..toks.list.len()).any(|i| matches!(toks.word(i), "their" | "they" | "they're"));
    if first(Rule::Judgement).is_some() && third_party {
        return Some(
            "How do the options in front of you compare, in your eyes, and what matters most in the choice?"
                .into(),
        );
    }
    if first(Rule::Agreement).is_some() {
        return Some("How does this look from your side, and what would you put first?".into());
    }
    if first(Rule::Pitch).is_some() {
        return Some("What would you need to understand better before deciding on a next step?".into());
    }
    None
}

/// "Which start date suits you?" → "What does your timeline depend on, and who else has a
/// say in the start date?".
fn close(text: &str, toks: &Tokens, hits: &[Hit]) -> Option<String> {
    let h = hits.iter().find(|h| h.cue == Cue::Deal && !h.quoted)?;
    let words: Vec<usize> = h
        .tokens
        .clone()
        .filter(|&i| !matches!(toks.word(i), "the" | "a" | "an" | "your" | "to" | "on"))
        .collect();
    let deal = words
        .iter()
        .map(|&i| said(text, toks, i))
        .collect::<Vec<_>>()
        .join(" ");
    // A tier named alone ("the Standard") is a plan; "start" alone a start date.
    let deal = match deal.to_lowercase().as_str() {
        "" => return None,
        "standard" | "enterprise" | "premium" => "plan".to_owned(),
        "start" | "start on" => "start date".to_owned(),
        "roll out" => "rollout".to_owned(),
        "pay" | "paying" | "payment" | "payments" | "card" => "payment terms".to_owned(),
        "ship" | "shipping" | "delivered" => "delivery".to_owned(),
        "install" | "installed" | "installers" => "install".to_owned(),
        "invoice" | "invoiced" | "billed" => "billing".to_owned(),
        "signed" | "onboard" => return None,
        _ => deal,
    };
    let timing = words.iter().any(|&i| TIMING.contains(&toks.word(i)));
    let weighs = if timing { "your timeline" } else { "your decision" };
    Some(format!(
        "What does {weighs} depend on, and who else has a say in the {deal}?"
    ))
}

/// "How do your planners handle this today, and what would have to change for them?".
fn how_today(subject: &str) -> String {
    match subject {
        "you" => "How do you handle this today, and what would have to change for you?".into(),
        s => {
            let does = if plural(s) { "do" } else { "does" };
            format!("How {does} {s} handle this today, and what would have to change for them?")
        }
    }
}

/// The people a hypothetical or a dream is about: the words after the first of `openers`
/// ("would", "if"...) up to the verb ("Would your planners actually use..." → "your
/// planners"); "you" when the line names no one else.
fn subject(text: &str, toks: &Tokens, flag: &Flag, openers: &[&str]) -> String {
    let start = toks
        .list
        .iter()
        .position(|t| t.chars.0 >= flag.span.0)
        .unwrap_or(0);
    let sentence = toks
        .sentences
        .iter()
        .find(|s| s.tokens.contains(&start))
        .map_or(0..toks.list.len(), |s| s.tokens.clone());
    let opener = sentence.clone().find(|&i| openers.contains(&toks.word(i)));
    let Some(at) = opener else { return "you".into() };
    let clause = toks.list[at].clause;
    let mut words = Vec::new();
    for i in at + 1..sentence.end {
        let Some(w) = toks.word_in(i, clause) else { break };
        if words.is_empty() && matches!(w, "you" | "we" | "i" | "it" | "this" | "that" | "they") {
            return "you".into();
        }
        let noun =
            matches!(w, "your" | "the") || (!words.is_empty() && !is(Class::Softener, w) && !verbish(w));
        if !noun || words.len() == 3 {
            break;
        }
        words.push(said(text, toks, i));
    }
    // "your" alone, or a name the line gives no noun for, is no subject.
    if words.len() < 2 {
        return "you".into();
    }
    words.join(" ")
}

/// Words that end a subject: a verb or what comes with one.
fn verbish(w: &str) -> bool {
    is(Class::Aux, w)
        || is(Class::NegativeAux, w)
        || matches!(
            w,
            "use"
                | "buy"
                | "get"
                | "see"
                | "go"
                | "be"
                | "sign"
                | "move"
                | "switch"
                | "come"
                | "take"
                | "could"
                | "would"
                | "had"
                | "never"
                | "install"
                | "adopt"
                | "order"
                | "pay"
                | "upgrade"
                | "keep"
                | "trial"
                | "try"
                | "fund"
        )
        || w.ends_with("ing")
        || w.ends_with("ed")
}

/// A crude number check for a lifted subject: "your planners" is plural, "your team" isn't.
fn plural(subject: &str) -> bool {
    let last = subject.rsplit(' ').next().unwrap_or(subject);
    (last.ends_with('s') && !last.ends_with("ss")) || matches!(last, "people" | "staff" | "children")
}

/// The offering a verdict is asked about: "the demo", "our approach" → "approach".
fn offering(text: &str, toks: &Tokens, flag: &Flag) -> Option<String> {
    let inside: Vec<usize> = (0..toks.list.len())
        .filter(|&i| toks.list[i].chars.0 >= flag.span.0 && toks.list[i].chars.1 <= flag.span.1)
        .collect();
    let last = *inside.last()?;
    let noun = if matches!(toks.word(last), "our" | "my" | "this" | "that" | "the") {
        let clause = toks.list[last].clause;
        toks.word_in(last + 1, clause)?;
        last + 1
    } else {
        last
    };
    let w = toks.word(noun);
    let named = if noun == last {
        is(Class::Offering, w)
    } else {
        !is(Class::Little, w)
    };
    (named && !is(Class::Ours, w) && !is(Class::Subject, w)).then(|| said(text, toks, noun))
}

/// What blame says was kept: the words after "still" ("Why are your site managers still
/// using paper timesheets?" → "using paper timesheets").
fn kept(text: &str, toks: &Tokens, flag: &Flag) -> Option<String> {
    let still =
        (0..toks.list.len()).find(|&i| toks.list[i].chars.0 >= flag.span.0 && toks.word(i) == "still")?;
    let clause = toks.list[still].clause;
    let words: Vec<String> = (still + 1..still + 6)
        .map_while(|i| toks.word_in(i, clause).map(|_| i))
        .filter(|&i| !toks.is(i, Class::Ours))
        .map(|i| said(text, toks, i))
        .collect();
    (words.len() >= 2 && toks.word(still + 1).ends_with("ing")).then(|| words.join(" "))
}

/// True when the flag's words start with `words`.
fn starts_with(toks: &Tokens, flag: &Flag, words: &[&str]) -> bool {
    let Some(at) = toks.list.iter().position(|t| t.chars.0 == flag.span.0) else {
        return false;
    };
    words
        .iter()
        .enumerate()
        .all(|(k, w)| toks.list.get(at + k).is_some_and(|_| toks.word(at + k) == *w))
}

/// Token `i` as written, lower-cased unless it is a name or an acronym.
fn said(text: &str, toks: &Tokens, i: usize) -> String {
    let t = &toks.list[i];
    let raw = &text[t.bytes.clone()];
    if t.capital && (!t.lead || raw.chars().skip(1).any(char::is_uppercase)) {
        raw.to_owned()
    } else {
        toks.word(i).to_owned()
    }
}
