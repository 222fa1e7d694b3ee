//! Judging a line, sentence by sentence. A sentence's mood (an open question, a closed
//! question, or flat: a statement, or a statement with a question mark) decides which rules
//! count and what kind the sentence is; the line is as serious as its worst sentence.

use super::lexicon::{self, Class, Cue, Hit, SpinCue, is};
use super::tokens::{Sentence, Tokens};
use super::{Flag, Kind, Rule};
use crate::domain::bank::Spin;
use std::ops::Range;

/// What judging found: everything in a [`super::Lint`] but the rewrite.
#[derive(Clone, Debug)]
pub(super) struct Verdict {
    pub kind: Kind,
    pub open: Option<bool>,
    pub spin: Option<Spin>,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mood {
    Open,
    Closed,
    Flat,
}

/// One sentence's reading.
struct Reading {
    kind: Kind,
    open: Option<bool>,
    spin: Spin,
}

/// Judges a tokenised line from the phrases found in it.
pub(super) fn judge(toks: &Tokens, hits: &[Hit]) -> Verdict {
    let mut flags = Vec::new();
    let mut readings = Vec::with_capacity(toks.sentences.len());
    // Hits come in token order, as sentences do: one cursor hands each sentence its own.
    let mut next = 0;
    for s in &toks.sentences {
        let from = next;
        while hits.get(next).is_some_and(|h| h.tokens.start < s.tokens.end) {
            next += 1;
        }
        readings.push(read(toks, s, &hits[from..next], &mut flags));
    }
    tidy(&mut flags);
    combine(&readings, flags)
}

/// The line's kind is its most serious sentence's; `open` and `spin` come from its
/// questions.
fn combine(readings: &[Reading], flags: Vec<Flag>) -> Verdict {
    let rank = |k: Kind| match k {
        Kind::Statement => 0,
        Kind::Question => 1,
        Kind::Leading => 2,
        Kind::Opinion => 3,
    };
    let kind = readings
        .iter()
        .map(|r| r.kind)
        .max_by_key(|&k| rank(k))
        .unwrap_or(Kind::Statement);
    let asking = matches!(kind, Kind::Question | Kind::Leading);
    let questions = readings
        .iter()
        .filter(|r| matches!(r.kind, Kind::Question | Kind::Leading));
    Verdict {
        kind,
        open: asking
            .then(|| readings.iter().find(|r| r.kind == kind).and_then(|r| r.open))
            .flatten(),
        spin: asking.then(|| questions.map(|r| r.spin).max()).flatten(),
        flags,
    }
}

fn read(toks: &Tokens, s: &Sentence, hits: &[Hit], flags: &mut Vec<Flag>) -> Reading {
    let tag = s.asks.then(|| tag_clause(toks, s)).flatten();
    let body = s.clauses.start..tag.unwrap_or(s.clauses.end);
    let Opening { mood, lead, open } = opening(toks, s.asks, body, hits);
    // A tag follows a statement; after a real question it is just another clause.
    let tag = tag.filter(|_| mood == Mood::Flat);
    let setting = Setting {
        mood,
        closed: mood == Mood::Closed || (mood == Mood::Flat && s.asks),
        seller: hits.iter().any(|h| h.cue == Cue::Seller && !h.quoted),
        lead,
        tag,
    };
    let fired = fire(toks, s, hits, &setting, flags);
    let spin = hits
        .iter()
        .filter_map(|h| if let Cue::Spin(c) = h.cue { Some(c) } else { None })
        .max();
    Reading {
        kind: kind_of(mood, s.asks, &fired),
        open: match mood {
            Mood::Open => Some(true),
            Mood::Closed => Some(false),
            Mood::Flat => s.asks.then_some(open),
        },
        spin: spin.map_or(Spin::Situation, spin_of),
    }
}

/// Flags every rule that fires in the sentence; returns the rules.
fn fire(toks: &Tokens, s: &Sentence, hits: &[Hit], setting: &Setting, flags: &mut Vec<Flag>) -> Vec<Rule> {
    let mut fired = Vec::new();
    let mut flag = |rule: Rule, tokens: Range<usize>| {
        let span = (toks.list[tokens.start].chars.0, toks.list[tokens.end - 1].chars.1);
        flags.push(Flag { rule, span });
        fired.push(rule);
    };
    for h in hits.iter().filter(|h| !h.quoted) {
        if let Some(rule) = rule_for(h.cue, setting) {
            flag(rule, h.tokens.clone());
        }
    }
    // "Isn't it...", "Don't you...": a negative question presumes its answer.
    if let Some(lead) = setting.lead.filter(|_| setting.mood == Mood::Closed) {
        let stem = starting_at(hits, lead)
            .iter()
            .any(|h| matches!(h.cue, Cue::YesStem | Cue::Pitch));
        if is(Class::NegativeAux, toks.word(lead)) && !stem {
            flag(Rule::YesFishing, lead..(lead + 2).min(s.tokens.end));
        }
    }
    if let Some(tag) = setting.tag {
        flag(Rule::TagQuestion, toks.clauses[tag].tokens.clone());
    }
    fired
}

/// What decides whether a phrase counts in a sentence.
struct Setting {
    mood: Mood,
    /// A closed question, with or without an auxiliary to open it.
    closed: bool,
    /// Seller talk somewhere in the sentence.
    seller: bool,
    /// The word that set the mood, if a question word, auxiliary or prompt did.
    lead: Option<usize>,
    /// The tag clause of a statement: "Cost is your biggest problem, *isn't it*?".
    tag: Option<usize>,
}

/// The rule a phrase fires in a sentence, if any. Claims (prescriptions, superlatives,
/// assurances, the rep's views, verdicts) count in statements and closed questions; inside
/// an open question they are usually the customer's standard ("what would the best outcome
/// look like?") and count only beside seller talk. A plain "best" or "biggest" is a fact
/// ("their biggest site") unless it sits by seller talk or is put up for agreement.
fn rule_for(cue: Cue, at: &Setting) -> Option<Rule> {
    let claims = at.mood != Mood::Open || at.seller;
    Some(match cue {
        Cue::Seller => Rule::SellerCentric,
        Cue::Pitch => Rule::Pitch,
        Cue::YesStem => Rule::YesFishing,
        Cue::SmallTalk => Rule::SmallTalk,
        // Blame is a verdict on their world however it is asked.
        Cue::Accuse => Rule::Judgement,
        Cue::Buzz => Rule::Buzzword,
        Cue::Insist => Rule::Assurance,
        Cue::Prescription if claims => Rule::Prescription,
        Cue::Superlative if claims => Rule::Superlative,
        Cue::Assurance if claims => Rule::Assurance,
        Cue::Hedge if claims => Rule::HedgeClaim,
        Cue::Judgement if claims => Rule::Judgement,
        Cue::WeakSuperlative if at.seller || at.tag.is_some() => Rule::Superlative,
        Cue::Benefit if at.closed => Rule::YesFishing,
        _ => return None,
    })
}

/// A sentence's kind from its mood and the rules that fired in it.
fn kind_of(mood: Mood, asks: bool, fired: &[Rule]) -> Kind {
    let any = |f: &dyn Fn(Rule) -> bool| fired.iter().any(|&r| f(r));
    // Small talk, however it is asked, learns nothing about them: neutral, not a question.
    let chat = |r: Rule| matches!(r, Rule::SmallTalk | Rule::TagQuestion);
    if any(&|r| r == Rule::SmallTalk) && fired.iter().all(|&r| chat(r)) {
        return Kind::Statement;
    }
    match mood {
        // Jargon in an open question is flagged but does not make it leading.
        Mood::Open if any(&|r| r != Rule::Buzzword) => Kind::Leading,
        Mood::Open => Kind::Question,
        Mood::Closed if fired.is_empty() => Kind::Question,
        Mood::Closed => Kind::Leading,
        Mood::Flat if asks && any(&|r| matches!(r, Rule::Pitch | Rule::YesFishing)) => Kind::Leading,
        // "You need to modernise, right?": a claim with a question mark is still a claim.
        Mood::Flat if any(&|r| r != Rule::TagQuestion) => Kind::Opinion,
        Mood::Flat if asks => Kind::Question,
        Mood::Flat => Kind::Statement,
    }
}

fn spin_of(cue: SpinCue) -> Spin {
    match cue {
        SpinCue::Problem => Spin::Problem,
        SpinCue::Implication | SpinCue::DoNothing => Spin::Implication,
        SpinCue::NeedWeak | SpinCue::NeedStrong => Spin::NeedPayoff,
    }
}

/// How a sentence opens: its mood, the word that set it, and whether it asks an open
/// question (for a flat sentence with a question mark, a later clause may: "Your CFO
/// mentioned cost, what's driving that?").
struct Opening {
    mood: Mood,
    lead: Option<usize>,
    open: bool,
}

impl Opening {
    fn asking(mood: Mood, lead: usize) -> Self {
        Opening {
            mood,
            lead: Some(lead),
            open: mood == Mood::Open,
        }
    }

    fn flat(open: bool) -> Self {
        Opening {
            mood: Mood::Flat,
            lead: None,
            open,
        }
    }
}

/// Reads the clauses in order: one opening with a prompt or a question word asks an open
/// question, one with an auxiliary a closed one; a lead-in ("If nothing changes, ...", a
/// short aside, quoted words) is passed over; anything else makes the sentence flat.
fn opening(toks: &Tokens, asks: bool, clauses: Range<usize>, hits: &[Hit]) -> Opening {
    let mut leading_in = true;
    for c in clauses {
        let clause = &toks.clauses[c];
        let Some(lead) = clause.lead else { continue };
        let word = toks.word(lead);
        let next = toks.word_in(lead + 1, c);
        let prompt =
            starting_at(hits, lead).iter().any(|h| h.cue == Cue::Prompt) || polite_prompt(toks, lead);
        let wh = is(Class::Wh, word);
        if !leading_in {
            // Past a statement, a later open question only makes the line an open one.
            if prompt || wh {
                return Opening::flat(true);
            }
        } else if prompt {
            return Opening::asking(Mood::Open, lead);
        } else if wh {
            // Without a question mark, "When the meeting ends we go home" is no question.
            let asked = asks
                || word.contains('\'')
                || next.is_some_and(|w| lexicon::is_aux(w) || is(Class::WhNext, w));
            return if asked {
                Opening::asking(Mood::Open, lead)
            } else {
                Opening::flat(false)
            };
        } else if lexicon::is_aux(word) {
            let asked = asks || next.is_some_and(|w| is(Class::Subject, w));
            return if asked {
                Opening::asking(Mood::Closed, lead)
            } else {
                Opening::flat(false)
            };
        } else {
            leading_in = is(Class::LeadIn, word) || clause.tokens.len() <= 3;
        }
    }
    Opening::flat(false)
}

/// The hits that start at token `i`. Hits are in token order, so this is a binary search:
/// a scan per clause would make a megabyte of short clauses quadratic.
fn starting_at(hits: &[Hit], i: usize) -> &[Hit] {
    let from = hits.partition_point(|h| h.tokens.start < i);
    let to = from + hits[from..].partition_point(|h| h.tokens.start == i);
    &hits[from..to]
}

/// "Could you walk me through...", "Would you mind sharing...": an auxiliary that opens a
/// prompt, so an open question.
fn polite_prompt(toks: &Tokens, lead: usize) -> bool {
    let clause = toks.list[lead].clause;
    if !matches!(toks.word(lead), "can" | "could" | "would" | "will")
        || toks.word_in(lead + 1, clause) != Some("you")
    {
        return false;
    }
    (lead + 2..toks.list.len())
        .map_while(|i| toks.word_in(i, clause))
        .find(|w| !is(Class::Polite, w))
        .is_some_and(|w| is(Class::PromptVerb, w))
}

/// The sentence's last clause, if it is a tag: ", right?", ", isn't it?", ", don't you
/// think?", ", is that fair?".
fn tag_clause(toks: &Tokens, s: &Sentence) -> Option<usize> {
    if s.clauses.len() < 2 {
        return None;
    }
    let c = s.clauses.end - 1;
    let range = toks.clauses[c].tokens.clone();
    let words: Vec<&str> = range
        .clone()
        .map(|i| toks.word(i))
        .skip_while(|w| matches!(*w, "and" | "or" | "but" | "so"))
        .collect();
    let quoted = range.clone().any(|i| toks.list[i].quoted);
    let tag = match words.as_slice() {
        [w] => is(Class::TagWord, w),
        [aux, pronoun, rest @ ..] => {
            rest.len() <= 2
                && lexicon::is_aux(aux)
                && is(Class::TagPronoun, pronoun)
                && rest.iter().all(|w| is(Class::TagTail, w))
        }
        _ => false,
    };
    (tag && !quoted).then_some(c)
}

/// Sorts flags by position and merges overlapping flags of the same rule, so one stretch
/// of words is underlined once: "Are you looking for ways to save money" is one yes-fishing
/// flag, not three.
fn tidy(flags: &mut Vec<Flag>) {
    flags.sort_by_key(|f| (f.span.0, std::cmp::Reverse(f.span.1), f.rule));
    // Where each rule's latest kept flag sits in `kept`.
    let mut last = [None::<usize>; Rule::ALL.len()];
    let mut kept: Vec<Flag> = Vec::with_capacity(flags.len());
    for f in flags.drain(..) {
        let slot = &mut last[f.rule as usize];
        match slot.map(|k| &mut kept[k]) {
            Some(prev) if f.span.0 < prev.span.1 => prev.span.1 = prev.span.1.max(f.span.1),
            _ => {
                *slot = Some(kept.len());
                kept.push(f);
            }
        }
    }
    *flags = kept;
}
