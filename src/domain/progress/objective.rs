//! Is a call's objective the customer's next step? An objective is something *they* do by
//! the end of the call ("Their CFO agrees the cost of the late pallets"), not something we
//! do to them ("demo our product"), not what the call does ("discuss pricing"), and not a
//! feeling ("Dana likes the idea"). The linter's rules catch talk about us and pitches;
//! the word lists below catch the rest, each with a reason a rep can act on.

use crate::domain::lint::{Rule, lint};

// Each list is words separated by spaces (phrases, in `OURS` and `PUSHED`, by commas), so
// it reads like the data it is; `has` and `phrase` look words up in them.

/// Words that open an objective written from our side.
const US: &str = "we i we'll i'll we'd i'd let's us our my";

/// Verbs of selling: as the first word, the objective is our action, not theirs.
const SELLING: &str = "demo demonstrate present pitch show sell close send email tell explain \
    propose quote position introduce upsell cross-sell qualify win offer deliver give educate \
    nurture convert onboard";

/// Verbs of pushing someone, when followed by who is pushed ("get them to sign").
const PUSH: &str = "get make have push force bring";

/// Who is pushed, right after a [`PUSH`] verb.
const PUSHED: &str = "them, him, her, everyone, the customer, the client, the buyer";

/// Words of our pipeline: whoever does it, the objective is about our sale.
const OURS: &str = "the deal, a deal, this deal, the sale, a sale, quota, upsell, demo, \
    the opportunity, the prospect, commission, buy-in";

/// What we build with them: worth having, and not a step of theirs.
const RAPPORT: &str = "rapport relationship relationships";

/// What the call does rather than what they do: as the first word.
const ACTIVITY: &str = "discuss talk chat catch check touch follow learn find discover ask \
    cover update meet understand uncover identify gather collect go walk recap establish connect \
    sync align";

/// Feelings: pleasant, and nothing anyone can see done.
const FEELINGS: &str = "likes liked loves loved feel feels interested excited happy impressed \
    comfortable enjoys keen warms";

/// Names of meetings: a short objective ending in one names a call, not a step.
const MEETINGS: &str = "call meeting discussion conversation session catch-up check-in \
    presentation intro introduction overview update recap demo";

/// Words that make a short phrase a sentence about someone ("Dana books a call").
const SENTENCE: &str = "a an the their his her to for they";

/// True when `word` is one of the space-separated words of `list`.
fn has(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// The comma-separated phrases of `list`.
fn phrases(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim)
}

/// Why `objective` is not the customer's next step, or `None` when it reads as one (or is
/// blank: a missing objective is a warning of its own, see `call_warnings`).
pub fn objective_problem(objective: &str) -> Option<String> {
    let text = objective.trim();
    if text.is_empty() {
        return None;
    }
    let words = words(text);
    if text.ends_with('?') {
        return Some("It is a question; write the step they take once it is answered".into());
    }
    linted(text)
        .or_else(|| from_our_side(&words))
        .or_else(|| about_our_sale(&words))
        .or_else(|| not_a_step(&words))
}

/// The objective's words, lower-cased, with curly apostrophes made straight.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The linter's rules that fit an objective: talk about us, pitches, prescriptions, our
/// jargon and our views.
fn linted(text: &str) -> Option<String> {
    let flag = lint(text, None)
        .flags
        .into_iter()
        .find(|f| f.rule != Rule::TagQuestion)?;
    let said = flag.text(text);
    Some(match flag.rule {
        Rule::SellerCentric => format!("It is about us (“{said}”): say what they do, not what we show"),
        Rule::Pitch | Rule::YesFishing => format!("It is a pitch (“{said}”), not a step they take"),
        Rule::Prescription => format!("It tells them what to do (“{said}”): write the step they choose"),
        Rule::Buzzword | Rule::Superlative => format!("“{said}” is our language: say it in their words"),
        Rule::Judgement => format!("It judges their world (“{said}”): say the step they take in it"),
        Rule::SmallTalk => format!("It is small talk (“{said}”), not a step they take"),
        Rule::Close | Rule::Hypothetical => {
            format!("It assumes they buy (“{said}”): write the step they choose")
        }
        Rule::Pressure => format!("It presses them (“{said}”): write the step they choose for their reasons"),
        _ => format!("It is our view (“{said}”), not a step they take"),
    })
}

/// An objective whose doer is us: it opens with us, a verb of selling, or a push.
fn from_our_side(words: &[String]) -> Option<String> {
    let first = words.first()?.as_str();
    let second = words.get(1).map_or("", String::as_str);
    if has(US, first) {
        return Some("It starts with us: make them the ones who act (“Dana agrees…”)".into());
    }
    // "Send us the figures", "Show us the yard": they act, and we receive.
    if has(SELLING, first) && second != "us" {
        return Some(format!("“{first}” is what we do: write what they do after it"));
    }
    let after = format!("{} ", words[1..].join(" "));
    if has(PUSH, first) && phrases(PUSHED).any(|p| after.starts_with(&format!("{p} "))) {
        return Some("It is what we want from them: write it as their own step".into());
    }
    (first == "convince" || first == "persuade")
        .then(|| "It is what we want from them: write it as their own step".into())
}

/// An objective about our pipeline rather than their business.
fn about_our_sale(words: &[String]) -> Option<String> {
    let text = format!(" {} ", words.join(" "));
    let hit = phrases(OURS).find(|w| text.contains(&format!(" {w} ")))?;
    let hit = hit
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .trim_start_matches("this ");
    Some(format!(
        "“{hit}” is about our sale: say what they do in their business"
    ))
}

/// An objective that is not something anyone does: what the call does, a feeling, a
/// meeting's name, or too few words to say who does what.
fn not_a_step(words: &[String]) -> Option<String> {
    let first = words.first()?.as_str();
    if has(ACTIVITY, first) {
        return Some(format!(
            "“{first}” is what the call does: say what they do once it is done"
        ));
    }
    if let Some(r) = words.iter().find(|w| has(RAPPORT, w)) {
        return Some(format!("“{r}” is ours to build: say what they do"));
    }
    if let Some(f) = words.iter().find(|w| has(FEELINGS, w)) {
        return Some(format!("“{f}” is a feeling: say what they do because of it"));
    }
    let sentence = words.iter().any(|w| has(SENTENCE, w));
    let last = words.last().map_or("", String::as_str);
    if words.len() <= 4 && !sentence && has(MEETINGS, last) {
        return Some("It names a meeting: say what they do by the end of it".into());
    }
    (words.len() < 3).then(|| "Too short to say who does what (“Dana books…”)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn their_next_steps_pass() {
        for ok in [
            "Their CFO agrees the cost of the late pallets",
            "Dana books a site visit with the night shift",
            "Tomas presents the cost of rejected loads to the board",
            "Priya sends us the claims figures for 2026",
            "Send us the claims figures",
            "Lars confirms what the monitoring contract allows before June",
            "Kevin picks two night dispatchers for a trial week",
            "They agree who owns the temperature records",
            "The board approves the capex line for reefer monitoring",
            "Dana books a call with her insurer",
            "Agree the cost of doing nothing, in their numbers",
            "Renee names the three shippers who ask for emissions data",
            "They sign the purchase order for the first 60 trailers",
            "Build the case for their management",
        ] {
            assert_eq!(objective_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn steps_that_are_ours_are_flagged_with_a_reason() {
        for (bad, why) in [
            ("demo our product", "about us"),
            ("Present our pricing", "about us"),
            ("Get them to sign", "what we want from them"),
            ("Pitch the platform", "“pitch” is what we do"),
            ("Show them the dashboard", "“show” is what we do"),
            ("Close the deal", "“close” is what we do"),
            ("We agree next steps", "starts with us"),
            ("I walk Dana through the numbers", "starts with us"),
            ("Convince Tomas the cost is real", "what we want from them"),
            ("Dana signs the deal", "about our sale"),
            ("Tomas sees a demo of the alarms", "about our sale"),
            ("Build rapport with Kevin", "ours to build"),
            ("Qualify the opportunity", "what we do"),
            ("You need to switch providers now", "tells them what to do"),
            ("They adopt a seamless platform", "our language"),
        ] {
            let got = objective_problem(bad).unwrap_or_else(|| panic!("{bad} passed"));
            assert!(got.contains(why), "{bad}: {got}");
        }
    }

    #[test]
    fn what_is_not_a_step_is_flagged() {
        for (bad, why) in [
            ("Discuss pricing with the CFO", "what the call does"),
            ("Understand their pain points", "what the call does"),
            ("Find out who signs", "what the call does"),
            ("Catch up on the RFP", "what the call does"),
            ("Dana likes the idea", "feeling"),
            ("Tomas is excited about the trial", "feeling"),
            ("Discovery call", "names a meeting"),
            ("Quarterly review meeting", "names a meeting"),
            ("Next steps", "Too short"),
            ("Budget", "Too short"),
            ("Pricing agreed", "Too short"),
            ("Is Dana on board?", "a question"),
        ] {
            let got = objective_problem(bad).unwrap_or_else(|| panic!("{bad} passed"));
            assert!(got.contains(why), "{bad}: {got}");
        }
    }

    #[test]
    fn blank_has_no_problem_of_its_own_and_odd_text_does_not_panic() {
        assert_eq!(objective_problem("   "), None);
        for odd in ["…", "?", "’’’", "-", "\u{1b}[2J", "we", "日本語のテキスト"] {
            let _ = objective_problem(odd);
        }
        assert!(objective_problem("we").is_some());
    }
}
