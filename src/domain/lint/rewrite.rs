//! Rewrites: an open question about the customer's world to ask instead of an opinion or a
//! leading question.
//!
//! The rewrite asks about a linked item when there is one; otherwise about the line's own
//! topic where one can be lifted out (what "you need to" do, the outcome a yes-fishing
//! question dangles, what our product would "help you" do); otherwise a general question
//! about their goals or their view. Every candidate is linted before it is offered, and one
//! that is not a clean open question is passed over, so a rewrite can never carry the
//! rep's seller talk back in.

use super::judge::Verdict;
use super::lexicon::{self, Class, Cue, Hit, is};
use super::tokens::Tokens;
use super::{Kind, verdict};

/// Asked when the line leans on our offering and has no topic of its own.
const ABOUT_GOALS: &str = "What are you trying to achieve this year, and what stands in the way?";
/// Asked when the line is a claim with no topic of its own: their view, not ours.
const ABOUT_VIEW: &str = "How do you see it today, and what is shaping that view?";

/// How many words of the line's topic a rewrite carries.
const TOPIC_WORDS: usize = 6;
/// How many words of a linked item.
const ITEM_WORDS: usize = 8;
/// How many characters of a linked item, should its words be long ones.
const ITEM_CHARS: usize = 80;

/// A way of lifting a rewrite out of the line.
type FromLine = fn(&str, &Tokens, &[Hit]) -> Option<String>;

/// The rewrite for a line judged an opinion or a leading question.
pub(super) fn suggest(
    text: &str,
    toks: &Tokens,
    hits: &[Hit],
    verdict: &Verdict,
    context: Option<&str>,
) -> String {
    let from_line: [FromLine; 5] = [prescribed, helped, benefit, wanted, described];
    context
        .and_then(from_item)
        .into_iter()
        .chain(super::shapes::reshaped(text, toks, hits, verdict))
        .chain(from_line.iter().filter_map(|f| f(text, toks, hits)))
        .find(|q| is_clean_question(q))
        .unwrap_or_else(|| generic(verdict, hits).to_owned())
}

/// True when `q` lints as an open question with nothing flagged.
pub(super) fn is_clean_question(q: &str) -> bool {
    let v = verdict(q);
    v.kind == Kind::Question && v.open == Some(true) && v.flags.is_empty()
}

fn generic(verdict: &Verdict, hits: &[Hit]) -> &'static str {
    let seller = hits.iter().any(|h| h.cue == Cue::Seller && !h.quoted);
    if verdict.kind == Kind::Leading || seller {
        ABOUT_GOALS
    } else {
        ABOUT_VIEW
    }
}

/// "Cut returns by 10%: the board's target" → "Where does “cut returns by 10%” stand
/// today, and what would it mean for you if nothing changed this year?" The item sits in
/// quotation marks: they are the customer's words, so the linter leaves them alone.
fn from_item(item: &str) -> Option<String> {
    let phrase = item_phrase(item)?;
    Some(format!(
        "Where does “{phrase}” stand today, and what would it mean for you if nothing changed this year?"
    ))
}

/// A linked item cut to a short phrase: its first clause, at most [`ITEM_WORDS`] words,
/// without quotation marks or control characters, first letter lower-cased (unless it
/// starts an acronym such as "CRM"). An item is in the customer's words, so its "our" is
/// theirs: said back to them it becomes "your", which also keeps every seller word out of
/// the rewrite.
fn item_phrase(item: &str) -> Option<String> {
    let first = item
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•'))
        .split(['.', ';', ':', '!', '?', ',', '\n'])
        .next()?;
    let mut words = first
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|&c| !c.is_control() && !is_quote(c))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| from_their_side(&w).map_or(w, str::to_owned));
    let kept: Vec<String> = words.by_ref().take(ITEM_WORDS).collect();
    let mut phrase = kept.join(" ");
    let mut cut = words.next().is_some();
    if let Some((end, _)) = phrase.char_indices().nth(ITEM_CHARS) {
        phrase.truncate(end);
        cut = true;
    }
    phrase.truncate(
        phrase
            .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '%')
            .len(),
    );
    if phrase.is_empty() {
        return None;
    }
    if cut {
        phrase.push('…');
    }
    let mut chars = phrase.chars();
    let acronym = phrase.chars().nth(1).is_some_and(char::is_uppercase);
    Some(match chars.next() {
        Some(c) if !acronym => c.to_lowercase().chain(chars).collect(),
        _ => phrase,
    })
}

/// A first-person word of the customer's said back to them ("our" → "your").
fn from_their_side(word: &str) -> Option<&'static str> {
    Some(match word.to_lowercase().as_str() {
        "our" | "my" => "your",
        "ours" | "mine" => "yours",
        "we" | "us" | "i" | "me" => "you",
        "we're" | "we’re" | "i'm" | "i’m" => "you're",
        "we've" | "we’ve" | "i've" | "i’ve" => "you've",
        _ => return None,
    })
}

/// "You need to modernise" → "What would it take for you to modernise, and what happens if
/// it waits?"; "You need a new CRM" → "What would a new CRM change for you, ...".
fn prescribed(text: &str, toks: &Tokens, hits: &[Hit]) -> Option<String> {
    let takes_verb = |p: &str| {
        ["need", "should", "must", "better", " to"]
            .iter()
            .any(|e| p.ends_with(e))
    };
    let h = hits.iter().find(|h| {
        h.cue == Cue::Prescription && !h.quoted && h.phrase.starts_with("you") && takes_verb(h.phrase)
    })?;
    let clause = toks.list[h.tokens.start].clause;
    let infinitive = toks.word_in(h.tokens.end, clause) == Some("to");
    let topic = topic(text, toks, hits, h.tokens.end + usize::from(infinitive))?;
    Some(if h.phrase.ends_with("need") && !infinitive {
        format!("What would {topic} change for you, and what happens if nothing changes?")
    } else {
        format!("What would it take for you to {topic}, and what happens if it waits?")
    })
}

/// "How would our platform help you plan routes?" → "How do you plan routes today, and
/// what gets in the way?"
fn helped(text: &str, toks: &Tokens, hits: &[Hit]) -> Option<String> {
    let at = after_pair(toks, |w| matches!(w, "help" | "helps"), |w| w == "you")?;
    let clause = toks.list.get(at)?.clause;
    let at = at + usize::from(toks.word_in(at, clause) == Some("to"));
    let topic = topic(text, toks, hits, at)?;
    Some(format!("How do you {topic} today, and what gets in the way?"))
}

/// "Are you looking for ways to save money?" → "What would saving money make possible for
/// you this year?"
fn benefit(_: &str, _: &Tokens, hits: &[Hit]) -> Option<String> {
    let h = hits.iter().find(|h| h.cue == Cue::Benefit && !h.quoted)?;
    let topic = lexicon::topic_of(h.phrase)?;
    Some(format!("What would {topic} make possible for you this year?"))
}

/// "Are you looking for a way to speed up invoicing?" → "What would it mean for you to
/// speed up invoicing this year?"
fn wanted(text: &str, toks: &Tokens, hits: &[Hit]) -> Option<String> {
    let at = after_pair(toks, |w| matches!(w, "ways" | "way"), |w| w == "to")
        .or_else(|| after_their_wish(toks))?;
    let topic = topic(text, toks, hits, at)?;
    // "want to see how..." is about our demo, not an outcome of theirs.
    let first = topic.split(' ').next().unwrap_or_default().to_lowercase();
    if is(Class::Perceive, &first) {
        return None;
    }
    Some(format!("What would it mean for you to {topic} this year?"))
}

/// The token after "you ... want to", "are you looking to", "would you like to": what the
/// customer is asked to want (and not "I'd like to introduce you...").
fn after_their_wish(toks: &Tokens) -> Option<usize> {
    let at = (1..toks.list.len()).find(|&i| {
        let t = &toks.list[i];
        let you = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| toks.word_in(j, t.clause))
                .is_some_and(|w| w.starts_with("you"))
        };
        !t.quoted
            && toks.is(i, Class::Wish)
            && (you(1) || you(2))
            && toks.word_in(i + 1, t.clause) == Some("to")
    })?;
    Some(at + 2)
}

/// "Would you buy a product that cuts fuel costs?" → "What would it be worth to you to have
/// something that cuts fuel costs?"
fn described(text: &str, toks: &Tokens, hits: &[Hit]) -> Option<String> {
    let at = after_pair(toks, |w| is(Class::Thing, w), |w| matches!(w, "that" | "which"))?;
    let topic = topic(text, toks, hits, at)?;
    Some(format!(
        "What would it be worth to you to have something that {topic}?"
    ))
}

/// The token after the first unquoted pair of words matching `first` then `second` in one
/// clause.
fn after_pair(toks: &Tokens, first: impl Fn(&str) -> bool, second: impl Fn(&str) -> bool) -> Option<usize> {
    (0..toks.list.len())
        .find(|&i| {
            let t = &toks.list[i];
            !t.quoted && first(toks.word(i)) && toks.word_in(i + 1, t.clause).is_some_and(&second)
        })
        .map(|i| i + 2)
}

/// Up to [`TOPIC_WORDS`] of the rep's words from token `at`, stopping at the clause's end,
/// quoted words, seller words and anything flagged, without trailing little words ("switch
/// to our platform" gives "switch").
fn topic(text: &str, toks: &Tokens, hits: &[Hit], at: usize) -> Option<String> {
    let clause = toks.list.get(at)?.clause;
    let mut end = at;
    while end - at < TOPIC_WORDS
        && toks.word_in(end, clause).is_some_and(|w| !is(Class::Ours, w))
        && !toks.list[end].quoted
        && !flagged(hits, end)
    {
        end += 1;
    }
    while end > at && toks.is(end - 1, Class::Little) {
        end -= 1;
    }
    if end == at {
        return None;
    }
    let slice = &text[toks.list[at].bytes.start..toks.list[end - 1].bytes.end];
    if slice.chars().any(|c| c.is_control() || is_quote(c)) {
        // Whatever sat between the words is dropped rather than carried into the question.
        return Some(
            (at..end)
                .map(|i| &text[toks.list[i].bytes.clone()])
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    Some(slice.to_owned())
}

/// True when token `i` is part of a phrase that makes a line a concern. Signals that count
/// only beside another ("switch" taken up, "seats" chosen, "would" in a tag) don't.
fn flagged(hits: &[Hit], i: usize) -> bool {
    let alone = |c: Cue| {
        !matches!(
            c,
            Cue::Benefit
                | Cue::Prompt
                | Cue::Spin(_)
                | Cue::Adopt
                | Cue::Deal
                | Cue::Choice
                | Cue::Agree
                | Cue::VerdictStem
        )
    };
    hits.iter().any(|h| h.tokens.contains(&i) && alone(h.cue))
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallbacks_are_clean_open_questions() {
        assert!(is_clean_question(ABOUT_GOALS));
        assert!(is_clean_question(ABOUT_VIEW));
    }

    #[test]
    fn items_are_cut_to_a_phrase() {
        assert_eq!(
            item_phrase("Cut returns by 10%: the board's target").unwrap(),
            "cut returns by 10%"
        );
        assert_eq!(
            item_phrase("CRM rollout slipping").unwrap(),
            "CRM rollout slipping"
        );
        assert_eq!(
            item_phrase("Grow revenue in the north west region by twenty percent").unwrap(),
            "grow revenue in the north west region by…"
        );
        assert_eq!(item_phrase("  \"\" "), None);
        assert_eq!(
            item_phrase("Our margins, as we see them").unwrap(),
            "your margins"
        );
        assert_eq!(
            item_phrase(&"x".repeat(1 << 20)).unwrap().chars().count(),
            ITEM_CHARS + 1
        );
        assert_eq!(
            item_phrase("We're losing stores to Amazon").unwrap(),
            "you're losing stores to Amazon"
        );
    }
}
