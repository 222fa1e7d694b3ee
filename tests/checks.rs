//! The rehearsal's answer checks (issue 4, "A rehearsal session"): each check passes on a
//! good answer and fails or warns on a poor one, with a detail saying what it found; the
//! flagged phrases come back as character spans; the seven checks always come in order.
//!
//! The account is a small freight customer: a goal and a competitor with the customer's
//! own words, and Maria, who asks "Why shouldn't we just stay with Polar Line?".

use callbook::domain::checks::{self, Feedback, NAMES, Timing, check};
use callbook::domain::turn::{Outcome, Turn, TurnKind};
use callbook::domain::{Account, Item, Person, now};

struct Fixture {
    account: Account,
    turn: Turn,
}

fn fixture() -> Fixture {
    let t = now();
    let mut account = Account::new("Nordfrost Logistics", t);
    let mut goal = Item::new("Cut late deliveries to under 2% by Q4", t);
    goal.their_words = "we keep missing the delivery windows".into();
    let mut rival = Item::new("Polar Line", t);
    rival.their_words = "Polar Line's drivers know our routes".into();
    let mut maria = Person::new("Maria Lindqvist", t);
    maria.their_words = "I don't want another rollout that stalls in the depots".into();
    let mut turn = Turn::new(
        "Why shouldn't we just stay with Polar Line?",
        TurnKind::Objection,
        t,
    );
    turn.who = Some(maria.id.clone());
    turn.links = vec![goal.id.clone(), rival.id.clone()];
    account.world.goals.push(goal);
    account.world.competitors.push(rival);
    account.people.push(maria);
    Fixture { account, turn }
}

const TIMELY: Timing = Timing {
    first_key_secs: Some(2.5),
    total_secs: 40.0,
    resumed: false,
};

/// A customer-focused answer: names Maria, keeps to her goal and her words, asks back.
const GOOD: &str = "Fair question, Maria. Polar Line knows your routes well. What would staying with \
                    them mean for your goal of cutting late deliveries before Q4?";

/// A pitch: seller talk, boasts and a prescription, no question, nothing of theirs.
const PITCH: &str = "Our platform is the industry-leading, seamless solution. We are number one and, \
                     trust me, I think you need to switch.";

fn run(answer: &str) -> Feedback {
    let f = fixture();
    check(answer, &f.turn, &f.account, TIMELY)
}

/// The outcome and detail of one check.
fn get(fb: &Feedback, name: &str) -> (Outcome, String) {
    let c = fb.get(name).unwrap_or_else(|| panic!("no check {name}"));
    (c.outcome, c.detail.clone())
}

/// The answer's characters `span.0..span.1`.
fn at(answer: &str, span: (usize, usize)) -> String {
    answer.chars().skip(span.0).take(span.1 - span.0).collect()
}

#[test]
fn a_customer_focused_answer_passes_the_language_and_world_checks() {
    let fb = run(GOOD);
    for name in [
        "asks-back",
        "customer-focus",
        "opinions",
        "touches-items",
        "their-words",
        "talk-budget",
    ] {
        assert_eq!(get(&fb, name).0, Outcome::Pass, "{name}: {:?}", fb.get(name));
    }
    let (_, asks) = get(&fb, "asks-back");
    assert!(
        asks.starts_with("Ends with a question back: “What would staying"),
        "{asks}"
    );
    let (_, focus) = get(&fb, "customer-focus");
    assert_eq!(
        focus,
        "About them: 3 words about them, 0 about us, and no seller talk"
    );
    assert!(fb.highlights.is_empty(), "{:?}", fb.highlights);
}

#[test]
fn asks_back_fails_without_a_question_and_says_a_leading_one_does_not_count() {
    let (outcome, detail) = get(&run(PITCH), "asks-back");
    assert_eq!(outcome, Outcome::Fail);
    assert_eq!(detail, "No question back: the customer has nothing to answer");

    let (outcome, detail) = get(
        &run("Polar Line is fine. Wouldn't it be great to finally switch?"),
        "asks-back",
    );
    assert_eq!(outcome, Outcome::Fail);
    assert!(detail.starts_with("Only a leading question"), "{detail}");
    assert!(
        detail.contains("“Wouldn't it be great to finally switch?”"),
        "{detail}"
    );
}

#[test]
fn asks_back_notes_a_question_that_is_not_the_last_word_and_a_closed_one() {
    let (outcome, detail) = get(
        &run("What does Polar Line do well for you? Our drivers app is faster."),
        "asks-back",
    );
    assert_eq!(outcome, Outcome::Pass);
    assert!(
        detail.starts_with("Asks a question back, then keeps talking"),
        "{detail}"
    );

    let (outcome, detail) = get(&run("Is the renewal with Polar Line in June?"), "asks-back");
    assert_eq!(outcome, Outcome::Pass);
    assert!(detail.starts_with("Ends with a closed question back"), "{detail}");
}

#[test]
fn customer_focus_fails_on_seller_talk_and_warns_when_it_leans_to_us() {
    let (outcome, detail) = get(&run(PITCH), "customer-focus");
    assert_eq!(outcome, Outcome::Fail);
    assert!(detail.starts_with("Seller talk: “Our”"), "{detail}");
    assert!(detail.ends_with("1 word about them, 3 about us"), "{detail}");

    let (outcome, detail) = get(
        &run("We hear that a lot, and we understand. How are things going for you?"),
        "customer-focus",
    );
    assert_eq!(outcome, Outcome::Warn);
    assert_eq!(
        detail,
        "More about us than about them: 1 word about them, 2 about us"
    );

    let (outcome, detail) = get(
        &run("Polar Line has served the depots for years."),
        "customer-focus",
    );
    assert_eq!(outcome, Outcome::Warn);
    assert!(detail.starts_with("Nothing about them"), "{detail}");
}

#[test]
fn customer_focus_ignores_the_customers_quoted_words() {
    // "we" and "our" inside quotation marks are Maria's, not the rep's.
    let answer = "You said \"we love our depots\". What would losing them cost you?";
    let (outcome, detail) = get(&run(answer), "customer-focus");
    assert_eq!(outcome, Outcome::Pass, "{detail}");
    assert!(detail.contains("2 words about them, 0 about us"), "{detail}");
}

#[test]
fn opinions_pass_when_none_and_fail_with_each_flag_underlined() {
    assert_eq!(
        get(&run(GOOD), "opinions"),
        (Outcome::Pass, "No opinions, buzzwords or superlatives".into())
    );

    let fb = run(PITCH);
    let (outcome, detail) = get(&fb, "opinions");
    assert_eq!(outcome, Outcome::Fail);
    assert!(detail.contains("“seamless” (buzzword)"), "{detail}");
    assert!(detail.contains("“industry-leading” (superlative)"), "{detail}");
    let flagged: Vec<String> = fb.highlights.iter().map(|h| at(PITCH, h.span)).collect();
    for words in ["Our", "industry-leading", "seamless", "trust me", "I think"] {
        assert!(flagged.iter().any(|f| f == words), "{words:?} not in {flagged:?}");
    }
    let seamless = fb
        .highlights
        .iter()
        .find(|h| at(PITCH, h.span) == "seamless")
        .unwrap();
    assert_eq!(
        seamless.note,
        "Marketing jargon the customer wouldn't use; say it in plain words."
    );
}

#[test]
fn one_opinion_only_warns() {
    let answer = "I'd recommend asking your depot leads: what would they change about Polar Line?";
    let fb = run(answer);
    let (outcome, detail) = get(&fb, "opinions");
    assert_eq!(outcome, Outcome::Warn, "{detail} {:?}", fb.highlights);
    assert!(
        detail.starts_with("1 flagged, underlined: “I'd recommend” (hedge-claim)"),
        "{detail}"
    );
}

#[test]
fn touches_items_names_what_was_touched_and_what_not() {
    let (outcome, detail) = get(&run(GOOD), "touches-items");
    assert_eq!(outcome, Outcome::Pass);
    assert_eq!(
        detail,
        "Touched every linked item: “Cut late deliveries to under 2% by Q4”, “Polar Line”"
    );

    let (outcome, detail) = get(
        &run("What do you like about how Polar Line works with your team?"),
        "touches-items",
    );
    assert_eq!(outcome, Outcome::Warn);
    assert_eq!(
        detail,
        "Touched “Polar Line”; not “Cut late deliveries to under 2% by Q4”"
    );

    let (outcome, detail) = get(&run(PITCH), "touches-items");
    assert_eq!(outcome, Outcome::Fail);
    assert!(detail.starts_with("Touched none of the linked items"), "{detail}");
}

#[test]
fn touches_items_is_not_tested_when_the_turn_links_nothing() {
    let mut f = fixture();
    f.turn.links.clear();
    let fb = check(PITCH, &f.turn, &f.account, TIMELY);
    assert_eq!(
        get(&fb, "touches-items"),
        (
            Outcome::Untested,
            "Not tested: the turn links no items of their world".into()
        )
    );
}

#[test]
fn their_words_pass_on_a_shared_phrase_and_only_warn_when_missing() {
    let (outcome, detail) = get(&run(GOOD), "their-words");
    assert_eq!(outcome, Outcome::Pass);
    assert!(detail.starts_with("Reuses their words: “polar line”"), "{detail}");
    // "deliveries" in the answer meets "delivery" in the goal's words.
    assert!(
        detail.contains("“delivery”") && detail.contains("“route”"),
        "{detail}"
    );

    // Maria's own words, from her entry in the people list.
    let (outcome, detail) = get(
        &run("When you say a rollout stalls, what happens next?"),
        "their-words",
    );
    assert_eq!(outcome, Outcome::Pass);
    assert!(
        detail.contains("“rollout”") && detail.contains("“stall”"),
        "{detail}"
    );

    let (outcome, detail) = get(&run("What matters to your team this quarter?"), "their-words");
    assert_eq!(outcome, Outcome::Warn);
    assert!(
        detail.starts_with("Doesn't reuse their words, such as “I don't want another rollout"),
        "{detail}"
    );
}

#[test]
fn talk_budget_estimates_speech_and_warns_past_a_minute() {
    let hundred = vec!["routes"; 100].join(" ");
    let fb = run(&hundred);
    assert_eq!((fb.words, fb.speech_secs), (100, 40.0));
    let (outcome, detail) = get(&fb, "talk-budget");
    assert_eq!(outcome, Outcome::Pass);
    assert_eq!(
        detail,
        "100 words, about 40 seconds of speech, within the 60-second budget"
    );

    let sentence = "Polar Line has served your depots for years and your drivers know the routes. ";
    let long = sentence.repeat(15) + "What would change for you?";
    let fb = run(&long);
    assert_eq!(fb.words, 14 * 15 + 5);
    let (outcome, detail) = get(&fb, "talk-budget");
    assert_eq!(outcome, Outcome::Warn);
    assert!(
        detail.starts_with("215 words, about 1 min 26 s of speech: over the 60-second budget"),
        "{detail}"
    );
    assert_eq!(checks::WORDS_PER_MINUTE, 150.0);
}

#[test]
fn timing_reports_first_key_and_total_and_warns_on_hesitation() {
    let f = fixture();
    let timed = |first, total| {
        let fb = check(
            GOOD,
            &f.turn,
            &f.account,
            Timing {
                first_key_secs: first,
                total_secs: total,
                resumed: false,
            },
        );
        get(&fb, "timing")
    };
    assert_eq!(
        timed(Some(2.5), 40.0),
        (Outcome::Pass, "First key after 2.5 s; 40 s in total".into())
    );
    let (outcome, detail) = timed(Some(14.0), 95.0);
    assert_eq!(outcome, Outcome::Warn);
    assert_eq!(
        detail,
        "First key after 14 s, over 10 s: a pause that long shows on a call; 1 min 35 s in total"
    );
    assert_eq!(
        timed(None, 3.0),
        (
            Outcome::Warn,
            "No key pressed before submitting; 3.0 s in total".into()
        )
    );
    assert_eq!(
        timed(Some(f64::NAN), -1.0).1,
        "First key after 0.0 s; 0.0 s in total"
    );
}

#[test]
fn the_eight_checks_always_come_in_order() {
    let expected = [
        "asks-back",
        "customer-focus",
        "opinions",
        "pressure",
        "touches-items",
        "their-words",
        "talk-budget",
        "timing",
    ];
    assert_eq!(NAMES, expected);
    for answer in [GOOD, PITCH, "", "🙂", "?"] {
        let names: Vec<String> = run(answer).checks.into_iter().map(|c| c.check).collect();
        assert_eq!(names, expected, "for {answer:?}");
    }
}

#[test]
fn an_empty_answer_fails_or_warns_with_nothing_typed() {
    for answer in ["", "  \n\t "] {
        let fb = run(answer);
        assert_eq!((fb.words, fb.speech_secs), (0, 0.0));
        assert!(fb.highlights.is_empty());
        for c in &fb.checks[..7] {
            assert_ne!(c.outcome, Outcome::Pass, "{c:?}");
            assert!(c.detail.starts_with("Nothing typed"), "{c:?}");
        }
    }
}

#[test]
fn unicode_and_emoji_answers_get_spans_in_characters() {
    let answer = "🚚 Our seamless platform — ünd Ölß, Maria? 🙂";
    let fb = run(answer);
    let seamless = fb.highlights.iter().find(|h| at(answer, h.span) == "seamless");
    // 🚚 is one character but four bytes: a byte offset would be 9.
    assert_eq!(seamless.map(|h| h.span), Some((6, 14)), "{:?}", fb.highlights);
    assert_eq!(fb.words, 6);
    for odd in [
        "🙂🙂🙂",
        "‽‽ “",
        "Ölß… “unclosed",
        "e\u{301}\u{301}? ¿Qué?",
        "\u{200d}\u{fe0f}",
    ] {
        let fb = run(odd);
        assert_eq!(fb.checks.len(), NAMES.len(), "{odd:?}");
        for h in &fb.highlights {
            assert!(h.span.1 <= odd.chars().count(), "{odd:?}: {h:?}");
        }
    }
}
