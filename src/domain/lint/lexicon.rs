//! The linter's vocabulary: the phrases that signal a rule or a SPIN type, and the small
//! word classes (question words, auxiliaries, fillers...) its grammar leans on.
//!
//! The words live in `phrases.txt`, compiled in and read once: lists of words are easier to
//! review and extend as data than as code. Phrases are matched word by word against the
//! lower-cased tokens, with one hash lookup per token on the phrase's first word, so the
//! lists can grow without slowing the scan.

use super::tokens::Tokens;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// The vocabulary; its format is described at the top of the file.
const PHRASES: &str = include_str!("phrases.txt");

/// What a phrase signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// Talk about us: what we offer, our product.
    Seller,
    /// Telling the customer what they need or should do.
    Prescription,
    /// Marketing jargon.
    Buzz,
    /// A boast that needs no seller word to be one ("best in class").
    Superlative,
    /// A boast only next to seller talk ("our platform is the best").
    WeakSuperlative,
    /// Asking to be believed, in any sentence ("trust me").
    Insist,
    /// Certainty claimed rather than shown ("obviously").
    Assurance,
    /// The rep's own view ("I think").
    Hedge,
    /// A verdict on the customer's world ("outdated").
    Judgement,
    /// A pitch ("if I could show you").
    Pitch,
    /// A stem that fishes for yes ("wouldn't you agree").
    YesStem,
    /// Small talk that asks nothing about their business ("how was your weekend").
    SmallTalk,
    /// Blame dressed as a question, in any sentence ("why are you still").
    Accuse,
    /// Pressure or fear, in any sentence ("if you sign by", "can you afford to fall behind").
    Pressure,
    /// Fishing for a verdict on us, in any sentence ("does that make sense").
    Verdict,
    /// A stem that fishes for a verdict when an offering follows it ("what do you think
    /// of" the demo).
    VerdictStem,
    /// A hypothetical purchase, in any sentence ("would you sign", "a tool like that").
    Hypothetical,
    /// Taking up an offering ("use", "buy", "upgrade"): hypothetical in a closed question
    /// that opens with "would" or "could".
    Adopt,
    /// A step of a purchase ("the contract", "seats", "the install"): a close when the
    /// customer is asked to choose it.
    Deal,
    /// Asking the customer to choose ("do you want", "which works better", "shall we").
    Choice,
    /// What puts a statement up for agreement when it carries a tag ("would", "makes sense").
    Agree,
    /// An outcome everyone wants ("save money"): fishing when asked as a closed question.
    Benefit,
    /// A prompt that works as an open question ("walk me through").
    Prompt,
    /// A SPIN signal.
    Spin(SpinCue),
}

/// SPIN signals, weakest first: the strongest in a sentence decides its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum SpinCue {
    /// Difficulties: problem, frustrating, slow.
    Problem,
    /// Consequences: what happens if, impact, cost you.
    Implication,
    /// A value question that could go either way ("what would it mean").
    NeedWeak,
    /// The cost of doing nothing ("if nothing changes"): outranks a weak value question,
    /// so "what would it mean for margins if nothing changed?" is an implication question.
    DoNothing,
    /// The value of a solution: worth, benefit, if you could, ideal.
    NeedStrong,
}

/// A class of words; each is a `[words: ...]` section of `phrases.txt`, described there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Wh,
    Aux,
    NegativeAux,
    Filler,
    LeadIn,
    Subject,
    WhNext,
    PromptVerb,
    Polite,
    TagWord,
    TagPronoun,
    TagTail,
    Shared,
    Reporting,
    Reported,
    Softener,
    Ours,
    Little,
    Perceive,
    Thing,
    Wish,
    Offering,
    Blame,
    Heard,
    Fact,
    Imagined,
    Owned,
    Asking,
    Dream,
    Evaluation,
    Reflect,
}

impl Class {
    /// Every class with its section name; a class's bit in `Lexicon::classes` is its
    /// discriminant.
    const ALL: [(Class, &'static str); 31] = [
        (Class::Wh, "wh"),
        (Class::Aux, "aux"),
        (Class::NegativeAux, "negative-aux"),
        (Class::Filler, "filler"),
        (Class::LeadIn, "lead-in"),
        (Class::Subject, "subject"),
        (Class::WhNext, "wh-next"),
        (Class::PromptVerb, "prompt-verb"),
        (Class::Polite, "polite"),
        (Class::TagWord, "tag-word"),
        (Class::TagPronoun, "tag-pronoun"),
        (Class::TagTail, "tag-tail"),
        (Class::Shared, "shared"),
        (Class::Reporting, "reporting"),
        (Class::Reported, "reported"),
        (Class::Softener, "softener"),
        (Class::Ours, "ours"),
        (Class::Little, "little"),
        (Class::Perceive, "perceive"),
        (Class::Thing, "thing"),
        (Class::Wish, "wish"),
        (Class::Offering, "offering"),
        (Class::Blame, "blame"),
        (Class::Heard, "heard"),
        (Class::Fact, "fact"),
        (Class::Imagined, "imagined"),
        (Class::Owned, "owned"),
        (Class::Asking, "asking"),
        (Class::Dream, "dream"),
        (Class::Evaluation, "evaluation"),
        (Class::Reflect, "reflect"),
    ];
}

/// The cue of each phrase section.
const CUES: [(&str, Cue); 28] = [
    ("seller", Cue::Seller),
    ("prescription", Cue::Prescription),
    ("buzzword", Cue::Buzz),
    ("superlative", Cue::Superlative),
    ("weak-superlative", Cue::WeakSuperlative),
    ("insist", Cue::Insist),
    ("assurance", Cue::Assurance),
    ("hedge", Cue::Hedge),
    ("judgement", Cue::Judgement),
    ("pitch", Cue::Pitch),
    ("yes-stem", Cue::YesStem),
    ("small-talk", Cue::SmallTalk),
    ("accusation", Cue::Accuse),
    ("pressure", Cue::Pressure),
    ("verdict", Cue::Verdict),
    ("verdict-stem", Cue::VerdictStem),
    ("hypothetical", Cue::Hypothetical),
    ("adopt", Cue::Adopt),
    ("deal", Cue::Deal),
    ("choice", Cue::Choice),
    ("agreement", Cue::Agree),
    ("benefit", Cue::Benefit),
    ("prompt", Cue::Prompt),
    ("problem", Cue::Spin(SpinCue::Problem)),
    ("implication", Cue::Spin(SpinCue::Implication)),
    ("need-weak", Cue::Spin(SpinCue::NeedWeak)),
    ("do-nothing", Cue::Spin(SpinCue::DoNothing)),
    ("need-strong", Cue::Spin(SpinCue::NeedStrong)),
];

/// A phrase found in the line.
#[derive(Clone, Debug)]
pub(super) struct Hit {
    /// What it signals.
    pub cue: Cue,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// True when its words are the customer's (inside quotation marks).
    pub quoted: bool,
    /// The phrase as written in `phrases.txt` (without `^`).
    pub phrase: &'static str,
}

/// One phrase, ready to match.
#[derive(Clone, Debug)]
struct Entry {
    cue: Cue,
    anchored: bool,
    /// The phrase as written (without `^`).
    phrase: &'static str,
    /// Its words, split once here rather than at every token.
    words: Vec<&'static str>,
}

/// FNV-1a, for maps keyed by words. SipHash's defence against crafted keys matters when an
/// attacker can insert keys; these tables are fixed, and looking up any word, however chosen,
/// costs one short bucket. Every token is looked up, so the cheaper hash is worth it.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// `phrases.txt`, read.
#[derive(Default)]
struct Lexicon {
    /// One-word phrases (and those whose second word is a prefix) by first word.
    exact: WordMap<Vec<Entry>>,
    /// Longer phrases by their first two words: "the", "you" and "would" start dozens of
    /// phrases, and a pair finds the few that can match in one lookup.
    pairs: HashMap<(&'static str, &'static str), Vec<Entry>, BuildHasherDefault<Fnv>>,
    /// Phrases whose first word is a prefix (`slow*`), bucketed by first byte.
    prefix: Vec<Vec<(&'static str, Entry)>>,
    /// Each word's classes, one bit per [`Class`].
    classes: WordMap<u32>,
    /// Benefit phrases and the topic a rewrite asks about.
    topics: WordMap<&'static str>,
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| read(PHRASES).unwrap_or_else(|e| panic!("phrases.txt: {e}")));

/// Reads the vocabulary; an error names the line.
fn read(text: &'static str) -> Result<Lexicon, String> {
    let mut lexicon = Lexicon {
        prefix: vec![Vec::new(); 256],
        ..Lexicon::default()
    };
    let mut section: Option<&str> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name);
            continue;
        }
        let name = section.ok_or(format!("line {}: an entry before any [section]", n + 1))?;
        for entry in line.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            lexicon
                .add(name, entry)
                .map_err(|e| format!("line {}: {e}", n + 1))?;
        }
    }
    Ok(lexicon)
}

impl Lexicon {
    fn add(&mut self, section: &str, entry: &'static str) -> Result<(), String> {
        if let Some(name) = section.strip_prefix("words: ") {
            let (class, _) = Class::ALL
                .iter()
                .find(|(_, n)| *n == name)
                .ok_or(format!("unknown word class {name:?}"))?;
            *self.classes.entry(entry).or_default() |= 1 << *class as u32;
            return Ok(());
        }
        let (_, cue) = CUES
            .iter()
            .find(|(name, _)| *name == section)
            .ok_or(format!("unknown section {section:?}"))?;
        let phrase = match entry.split_once(" = ") {
            Some((phrase, topic)) => {
                self.topics.insert(phrase, topic);
                phrase
            }
            None => entry,
        };
        self.add_phrase(*cue, phrase)
    }

    fn add_phrase(&mut self, cue: Cue, raw: &'static str) -> Result<(), String> {
        let anchored = raw.starts_with('^');
        let phrase = raw.trim_start_matches('^');
        let words: Vec<&str> = phrase.split(' ').collect();
        if words
            .iter()
            .any(|w| w.is_empty() || w.contains('-') || *w != w.to_lowercase())
        {
            return Err(format!(
                "{phrase:?}: words are lower-case, one space apart, no hyphens"
            ));
        }
        let first = words[0];
        let entry = Entry {
            cue,
            anchored,
            phrase,
            words,
        };
        let second = entry.words.get(1).copied().filter(|w| !w.ends_with('*'));
        match (first.strip_suffix('*'), second) {
            (Some(stem), _) => self.prefix[usize::from(stem.as_bytes()[0])].push((stem, entry)),
            (None, Some(second)) => self.pairs.entry((first, second)).or_default().push(entry),
            (None, None) => self.exact.entry(first).or_default().push(entry),
        }
        Ok(())
    }
}

/// True when `word` (lower-case) is in `class`.
pub(super) fn is(class: Class, word: &str) -> bool {
    LEXICON
        .classes
        .get(word)
        .is_some_and(|bits| bits & (1 << class as u32) != 0)
}

/// Every class `word` (lower-case) is in, one bit per [`Class`]: looked up once per token
/// by the tokenizer, so later questions about a token cost no hashing.
pub(super) fn classes_of(word: &str) -> u32 {
    LEXICON.classes.get(word).copied().unwrap_or(0)
}

/// True when the class bits `bits` (from [`classes_of`]) hold `class`.
pub(super) fn has(bits: u32, class: Class) -> bool {
    bits & (1 << class as u32) != 0
}

/// An auxiliary, positive or negative: a clause opening with one asks a closed question.
pub(super) fn is_aux(word: &str) -> bool {
    is(Class::Aux, word) || is(Class::NegativeAux, word)
}

/// The topic a rewrite asks about for a benefit phrase ("save money" → "saving money").
pub(super) fn topic_of(phrase: &str) -> Option<&'static str> {
    LEXICON.topics.get(phrase).copied()
}

/// Every phrase found in the line, in order of their first token.
pub(super) fn hits(toks: &Tokens) -> Vec<Hit> {
    let lexicon = &*LEXICON;
    let mut hits = Vec::new();
    // Looked up once per token here rather than at every failed match below.
    let soft: Vec<bool> = (0..toks.list.len())
        .map(|i| toks.is(i, Class::Softener))
        .collect();
    for i in 0..toks.list.len() {
        let word = toks.word(i);
        let exact = lexicon.exact.get(word).into_iter().flatten();
        let bucket = word
            .as_bytes()
            .first()
            .map_or(&[][..], |&b| &lexicon.prefix[usize::from(b)]);
        let prefixed = bucket
            .iter()
            .filter(|(stem, _)| word.starts_with(stem))
            .map(|(_, e)| e);
        // The second word may sit after up to two softeners ("you really need").
        let clause = toks.list[i].clause;
        let mut seconds: [Option<&str>; 3] = [None; 3];
        for (j, slot) in (i + 1..).zip(seconds.iter_mut()) {
            let Some(next) = toks.word_in(j, clause) else {
                break;
            };
            *slot = Some(next);
            if !soft[j] {
                break;
            }
        }
        let paired = seconds
            .iter()
            .enumerate()
            .filter_map(|(k, w)| w.filter(|w| !seconds[..k].contains(&Some(*w))))
            .filter_map(|second| lexicon.pairs.get(&(word, second)))
            .flatten();
        for entry in exact.chain(prefixed).chain(paired) {
            let Some(end) = match_at(toks, &soft, i, entry) else {
                continue;
            };
            if entry.cue == Cue::Prescription && is_reported(toks, i) {
                continue;
            }
            // "Should we bring your IT lead in?" asks about a step we take together; "We bring
            // twenty years of experience" is about us.
            if entry.cue == Cue::Seller && word == "we" && asked_about_us(toks, i) {
                continue;
            }
            hits.push(hit(toks, entry.cue, i..end, entry.phrase));
        }
        // "our" is ours unless what follows is shared: "our platform", not "our last call".
        let clause = toks.list[i].clause;
        if matches!(word, "our" | "ours")
            && !toks.word_in(i + 1, clause).is_some_and(|w| is(Class::Shared, w))
        {
            hits.push(hit(toks, Cue::Seller, i..i + 1, "our"));
        }
    }
    hits
}

fn hit(toks: &Tokens, cue: Cue, tokens: Range<usize>, phrase: &'static str) -> Hit {
    let quoted = toks.list[tokens.start].quoted;
    Hit {
        cue,
        tokens,
        quoted,
        phrase,
    }
}

/// The end of `entry` matched at token `i`, if it matches there: every word in one clause,
/// all quoted or all not, with at most two softeners (`soft`, per token) between them.
fn match_at(toks: &Tokens, soft: &[bool], i: usize, entry: &Entry) -> Option<usize> {
    let first = &toks.list[i];
    if entry.anchored && !first.lead {
        return None;
    }
    let (mut j, mut skipped) = (i, 0);
    for (k, pattern) in entry.words.iter().enumerate() {
        loop {
            let word = toks.word_in(j, first.clause)?;
            if toks.list[j].quoted != first.quoted {
                return None;
            }
            if word_matches(pattern, word) {
                break;
            }
            // "you really need", "cut your costs": a softener inside a phrase, up to two.
            if k == 0 || skipped == 2 || !soft[j] {
                return None;
            }
            (j, skipped) = (j + 1, skipped + 1);
        }
        j += 1;
    }
    Some(j)
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => pattern == word,
    }
}

/// True when "we" at `i` follows an auxiliary that asks ("should we bring", "can we bring").
fn asked_about_us(toks: &Tokens, i: usize) -> bool {
    let clause = toks.list[i].clause;
    i.checked_sub(1)
        .and_then(|j| toks.word_in(j, clause))
        .is_some_and(|w| matches!(w, "should" | "shall" | "can" | "could" | "do" | "would"))
}

/// True when "you need"/"you should" at `i` is asked or reported, not prescribed: "do you
/// need", "what you need", "if you should", "do you think you need". "I think you need" is
/// still a prescription.
fn is_reported(toks: &Tokens, i: usize) -> bool {
    let clause = toks.list[i].clause;
    let before = |k: usize| i.checked_sub(k).and_then(|j| toks.word_in(j, clause));
    match before(1) {
        Some(w) if is_aux(w) || is(Class::Wh, w) || is(Class::Reported, w) => true,
        Some(w) if is(Class::Reporting, w) => before(2) != Some("i"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn cues(text: &str) -> Vec<(Cue, &'static str)> {
        hits(&tokenize(text))
            .into_iter()
            .map(|h| (h.cue, h.phrase))
            .collect()
    }

    #[test]
    fn the_vocabulary_reads_and_every_section_is_known() {
        assert!(read(PHRASES).is_ok());
        assert!(read("[nonsense]\na").is_err());
        assert!(read("[seller]\nBest-in-class").is_err());
        for (i, (class, _)) in Class::ALL.into_iter().enumerate() {
            assert_eq!(class as usize, i, "Class::ALL is in declaration order");
            assert!(
                LEXICON.classes.values().any(|bits| bits & (1 << i) != 0),
                "{class:?} is empty"
            );
        }
        assert_eq!(topic_of("save money"), Some("saving money"));
    }

    #[test]
    fn phrases_match_across_hyphens_softeners_and_prefixes() {
        assert!(cues("a best-in-class tool").contains(&(Cue::Superlative, "best in class")));
        assert!(cues("So frustrating").contains(&(Cue::Spin(SpinCue::Problem), "frustrat*")));
        assert!(cues("you really need it").contains(&(Cue::Prescription, "you need")));
    }

    #[test]
    fn anchored_phrases_open_their_clause_only() {
        assert!(cues("Tell me more").contains(&(Cue::Prompt, "tell me")));
        assert!(
            !cues("Did they tell me more")
                .iter()
                .any(|(c, _)| *c == Cue::Prompt)
        );
    }

    #[test]
    fn our_is_ours_unless_shared() {
        assert!(cues("our platform").contains(&(Cue::Seller, "our")));
        assert!(!cues("our last call").iter().any(|(c, _)| *c == Cue::Seller));
    }

    #[test]
    fn asked_needs_are_not_prescriptions() {
        assert!(
            !cues("What do you need")
                .iter()
                .any(|(c, _)| *c == Cue::Prescription)
        );
        assert!(cues("I think you need it").contains(&(Cue::Prescription, "you need")));
    }
}
