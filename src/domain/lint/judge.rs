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
    let mut found: Vec<(Rule, Range<usize>)> = hits
        .iter()
        .filter(|h| !h.quoted)
        .filter_map(|h| Some((rule_for(h.cue, setting)?, h.tokens.clone())))
        .collect();
    // "Isn't it...", "Don't you...": a negative question presumes its answer.
    if let Some(lead) = setting.lead.filter(|_| setting.mood == Mood::Closed) {
        let stem = starting_at(hits, lead)
            .iter()
            .any(|h| matches!(h.cue, Cue::YesStem | Cue::Pitch));
        if toks.is(lead, Class::NegativeAux) && !stem {
            found.push((Rule::YesFishing, lead..(lead + 2).min(s.tokens.end)));
        }
    }
    found.extend(combined(toks, s, hits, setting));
    if let Some(tag) = setting.tag {
        // "Everyone's moving to the cloud, aren't they?": a tag on a view, not on a fact.
        // A fact carries a name, a number or a date ("The renewal is in June, right?").
        // Their own words played back ("It sounds like...") only confirm; the tag's own
        // "wouldn't" is the tag, not a view.
        let body = s.tokens.start..toks.clauses[tag].tokens.start;
        found.retain(|(r, t)| *r != Rule::Agreement || t.start < body.end);
        let fact = body.clone().any(|i| {
            let name = toks.list[i].capital && i != s.tokens.start && toks.word(i) != "i";
            name || toks.is(i, Class::Fact)
        });
        if body.clone().any(|i| toks.is(i, Class::Reflect)) {
            found.retain(|(r, _)| *r != Rule::Agreement);
        } else if found.is_empty() && !fact && !body.is_empty() {
            found.push((Rule::Agreement, body));
        }
        found.push((Rule::TagQuestion, toks.clauses[tag].tokens.clone()));
    }
    let mut fired = Vec::with_capacity(found.len());
    for (rule, tokens) in found {
        let span = (toks.list[tokens.start].chars.0, toks.list[tokens.end - 1].chars.1);
        flags.push(Flag { rule, span });
        fired.push(rule);
    }
    fired
}

/// Rules that take two signals, or a signal and the sentence's shape: a purchase step the
/// customer is asked to choose (a close), taking up an offering in a "would you...?"
/// question (hypothetical), a verdict asked about an offering, "what if your team could..."
/// (a pitch), and "why ... still" (blame).
fn combined(toks: &Tokens, s: &Sentence, hits: &[Hit], at: &Setting) -> Vec<(Rule, Range<usize>)> {
    let mut out = Vec::new();
    let live = |cue: Cue| hits.iter().filter(move |h| h.cue == cue && !h.quoted);
    let lead = at.lead.map(|l| (l, toks.word(l)));
    let word = lead.map_or("", |(_, w)| w);
    let asking = s.asks || at.mood != Mood::Flat;
    // "Which start date suits you?", "Shall I send the contract to you or to legal?",
    // "Would fifty seats be enough?": choosing a step of a purchase not yet agreed.
    let should = s
        .tokens
        .clone()
        .any(|i| matches!(toks.word(i), "should" | "shall"));
    let choosing = live(Cue::Choice).next().is_some()
        || word == "which"
        || (should && matches!(word, "who" | "when" | "where"))
        || (at.mood == Mood::Closed && matches!(word, "would" | "will" | "shall" | "should"));
    if asking && choosing {
        out.extend(live(Cue::Deal).map(|h| (Rule::Close, h.tokens.clone())));
    }
    // "Would your planners use a tool like that?", "Is this something you could see
    // yourself buying?": taking up an offering, imagined.
    let imagined = matches!(word, "would" | "could" | "will" | "wouldn't")
        || s.tokens.clone().any(|i| toks.is(i, Class::Imagined));
    if at.mood == Mood::Closed && imagined {
        out.extend(live(Cue::Adopt).map(|h| (Rule::Hypothetical, h.tokens.clone())));
    }
    // An offering of ours within a few words: "the demo", but not "your current dashboard".
    let offering_in = |from: usize, n: usize| {
        let clause = toks.list.get(from.saturating_sub(1))?.clause;
        // Past "your" or "their", what follows is theirs: "the way your competitors price".
        (from..from + n)
            .take_while(|&i| toks.word_in(i, clause).is_some() && !toks.is(i, Class::Owned))
            .find(|&i| toks.is(i, Class::Offering))
    };
    // "What do you think of the demo?", but not "What do you think of the new rules?".
    for h in live(Cue::VerdictStem) {
        if let Some(end) = offering_in(h.tokens.end, 6) {
            out.push((Rule::VerdictFishing, h.tokens.start..end + 1));
        }
    }
    if let Some((l, _)) = lead {
        let clause = toks.list[l].clause;
        let after = |n: usize| (l + 1..l + 1 + n).take_while(move |&i| toks.word_in(i, clause).is_some());
        // "What if your nurses could chart by voice?": the rep's idea as a dream; "What if
        // volume doubles?" and "What if your team had to cover nights?" ask about theirs.
        if word == "what" && toks.word_in(l + 1, clause) == Some("if") {
            let dream = after(10).skip(1).find(|&i| match toks.word(i) {
                "had" => toks.word_in(i + 1, clause) != Some("to"),
                w => is(Class::Dream, w),
            });
            if let Some(end) = dream {
                out.push((Rule::Pitch, l..end + 1));
            }
        }
        // "Why are your site managers still using paper?", "How come nobody tracks it?":
        // blame, not a reason asked.
        let how_come = word == "how"
            && match toks.word_in(l + 1, clause) {
                Some("come") => true,
                Some("is") => toks.word_in(l + 2, clause) == Some("it"),
                _ => false,
            };
        // "Why would you still need the old scanners?" asks a reason they'd have.
        let reason = toks
            .word_in(l + 1, clause)
            .is_some_and(|w| matches!(w, "would" | "might" | "could" | "will"));
        if (word == "why" || how_come)
            && let Some(end) =
                after(8).find(|&i| toks.is(i, Class::Blame) && !(reason && toks.word(i) == "still"))
        {
            out.push((Rule::Judgement, l..end + 1));
        }
        // "Why didn't IT catch this months ago?": blame for what wasn't done.
        if word == "why" && toks.word_in(l + 1, clause).is_some_and(|w| is(Class::Blame, w)) {
            out.push((Rule::Judgement, l..l + 2));
        }
        if at.mood == Mood::Closed {
            // "Can you really keep running payroll on a spreadsheet?", "Can your team
            // survive another year like this?": a dare, not a question.
            let dare = after(4).find(|&i| matches!(toks.word(i), "really" | "afford" | "survive"));
            if let Some(end) = dare.filter(|_| matches!(word, "can" | "could" | "do" | "are" | "is")) {
                out.push((Rule::Pressure, l..end + 1));
            }
            // "Could I pop over on Thursday?", "Should I get a proposal across?": an offer.
            // "Can I ask...", "Could I check..." ask; "Can I get your view" too.
            let offer = matches!(word, "can" | "could" | "shall" | "should" | "may")
                && toks.word_in(l + 1, clause) == Some("i")
                && toks.word_in(l + 2, clause).is_some_and(|v| {
                    let then = |k: usize| toks.word_in(l + k, clause).unwrap_or("");
                    let asks = is(Class::Asking, v)
                        || (matches!(v, "get" | "take" | "have")
                            && (then(3) == "your" || (then(3) == "a" && is(Class::Asking, then(4)))));
                    !asks
                });
            if offer {
                out.push((Rule::Pitch, l..l + 3));
            }
            // "Did the presentation answer your questions?", "Do you feel the solution would
            // fit?"; with "a" it is an offer: "Would a quick demo next week help?".
            let judged = s.tokens.clone().any(|i| toks.is(i, Class::Evaluation));
            let offered = offering_in(l + 1, 6).filter(|&i| judged && i > l + 1);
            // The nearest determiner before it: "a quick demo", "the new dashboard".
            let article = offered
                .and_then(|i| {
                    (l + 1..i)
                        .rev()
                        .map(|k| toks.word(k))
                        .find(|w| matches!(*w, "the" | "this" | "that" | "our" | "my" | "a" | "an" | "some"))
                })
                .unwrap_or("");
            match (offered, article) {
                (Some(end), "the" | "this" | "that" | "our" | "my") => {
                    out.push((Rule::VerdictFishing, l..end + 1))
                }
                (Some(end), "a" | "an" | "some") => out.push((Rule::Pitch, l..end + 1)),
                _ => {}
            }
        }
        // "Could you see your buyers ordering through an app?": a purchase imagined.
        let sees = matches!(word, "could" | "can")
            && toks.word_in(l + 1, clause) == Some("you")
            && toks
                .word_in(l + 2, clause)
                .is_some_and(|w| matches!(w, "see" | "imagine" | "picture"));
        if sees && let Some(end) = after(7).skip(2).find(|&i| toks.word(i).ends_with("ing")) {
            out.push((Rule::Hypothetical, l..end + 1));
        }
        // "So, what did you think?": a verdict on what was just shown.
        let think = [Some("did"), Some("do")].contains(&toks.word_in(l + 1, clause))
            && toks.word_in(l + 2, clause) == Some("you")
            && toks.word_in(l + 3, clause) == Some("think")
            && toks.word_in(l + 4, clause).is_none();
        let alone = (s.clauses.start..clause).all(|c| toks.clauses[c].lead.is_none());
        if word == "what" && think && alone {
            out.push((Rule::VerdictFishing, l..l + 4));
        }
    }
    // "If we put it in free for a month, would you keep it?", "Would it help if I sent the
    // brochure?": our offer as a condition. "If I heard you right, ..." only confirms.
    if asking {
        for c in s.clauses.clone() {
            let range = toks.clauses[c].tokens.clone();
            let at_if = range
                .clone()
                .find(|&i| matches!(toks.word(i), "if" | "suppose" | "supposing"));
            let Some(i) = at_if else { continue };
            let who = toks.word_in(i + 1, c);
            let verb = toks.word_in(i + 2, c);
            if matches!(who, Some("i" | "we"))
                && !verb.is_some_and(|v| is(Class::Reporting, v) || is(Class::Heard, v))
            {
                out.push((Rule::Hypothetical, i..(i + 3).min(range.end)));
            }
        }
    }
    out
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
        Cue::Pressure => Rule::Pressure,
        Cue::Verdict => Rule::VerdictFishing,
        Cue::Hypothetical => Rule::Hypothetical,
        // "That would save hours, wouldn't it?": a view put up for agreement, where a
        // neutral fact with a tag ("The renewal is in June, right?") only confirms.
        Cue::Agree if at.tag.is_some() => Rule::Agreement,
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
        Mood::Flat if asks && any(&|r| r.asks_for_yes()) => Kind::Leading,
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
