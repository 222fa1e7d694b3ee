//! The rehearsal checks of issue 11 ("Rehearsal checks that can fail"): each check on
//! realistic answers that should pass and should fail, borderline ones included; checks
//! with nothing to test say "not tested" and count neither way; the verdict that heads the
//! feedback comes from the failed checks.
//!
//! The account is a regional grocer: a goal and a threat in the customer's own words, a
//! competitor, and Priya, their operations director.

use callbook::domain::checks::{Feedback, Timing, check, verdict};
use callbook::domain::turn::{CheckResult, Outcome, Turn, TurnKind};
use callbook::domain::{Account, Item, Person, now};

const TIMELY: Timing = Timing {
    first_key_secs: Some(2.0),
    total_secs: 30.0,
    resumed: false,
};

fn fixture() -> (Account, Turn) {
    let t = now();
    let mut account = Account::new("Greenway Grocers", t);
    let mut goal = Item::new("Cut fresh-produce waste by a third", t);
    goal.their_words = "we bin a skip of lettuce every Monday".into();
    let mut threat = Item::new("Night-shift picking errors", t);
    threat.their_words = "the night team loses a week of picking every quarter".into();
    account.world.goals.push(goal);
    account.world.threats.push(threat);
    account.world.competitors.push(Item::new("FreshLink", t));
    let mut priya = Person::new("Priya Shah", t);
    priya.their_words = "I need the store managers to trust the numbers".into();
    let mut turn = Turn::new("What makes you different from FreshLink?", TurnKind::Question, t);
    turn.who = Some(priya.id.clone());
    turn.links = vec![
        account.world.goals[0].id.clone(),
        account.world.threats[0].id.clone(),
    ];
    account.people.push(priya);
    (account, turn)
}

fn run(answer: &str) -> Feedback {
    let (account, turn) = fixture();
    check(answer, &turn, &account, TIMELY)
}

fn get(fb: &Feedback, name: &str) -> CheckResult {
    fb.get(name).cloned().unwrap_or_else(|| panic!("no check {name}"))
}

/// Each answer with the outcome `name` should give; all wrong ones are listed together.
fn expect(name: &str, cases: &[(&str, Outcome)]) {
    let wrong: Vec<String> = cases
        .iter()
        .map(|(answer, want)| (answer, want, get(&run(answer), name)))
        .filter(|(_, want, got)| got.outcome != **want)
        .map(|(answer, want, got)| format!("{answer:?}: want {want:?}, got {got:?}"))
        .collect();
    assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
}

#[test]
fn asks_back_passes_questions_about_them_not_offers_closes_or_questions_about_us() {
    use Outcome::*;
    expect(
        "asks-back",
        &[
            (
                "Fair question. What would cutting that waste mean for your stores?",
                Pass,
            ),
            ("Who else should be in the room before you decide?", Pass),
            ("Should we bring your store managers into the next call?", Pass),
            ("Is the night team still on the old scanners?", Pass),
            ("Walk me through a bad Monday for the produce team.", Pass),
            // Closed offers and questions about us.
            ("We do this better. Would a quick demo next week help?", Fail),
            ("Happy to show you. Can I book you a free assessment?", Fail),
            ("Shall I send the contract to you or to Priya?", Fail),
            ("Which start date suits you, March or April?", Fail),
            ("Does that make sense?", Fail),
            ("What did you think of our demo?", Fail),
            ("Would your team use a tool like that?", Fail),
            ("We have better support than FreshLink.", Fail),
            // A closed question that asks nothing about them only confirms: worth a look.
            ("Is that right?", Warn),
        ],
    );
    let detail = get(&run("Would a quick demo next week help?"), "asks-back").detail;
    assert!(detail.contains("an offer or a pitch"), "{detail}");
    let detail = get(&run("Which start date suits you, March or April?"), "asks-back").detail;
    assert!(detail.contains("a close"), "{detail}");
}

#[test]
fn their_words_count_the_customers_phrases_not_common_words() {
    use Outcome::*;
    expect(
        "their-words",
        &[
            // Shares only everyday words with theirs ("week", "team", "every", "numbers").
            (
                "Can we meet next week with the team to go through the numbers?",
                Warn,
            ),
            ("What does every quarter look like for you?", Warn),
            // Their own phrases and telling words.
            ("When you bin a skip of lettuce, what does that cost you?", Pass),
            ("How often do picking errors happen on nights?", Pass),
            (
                "What would it take for store managers to trust the numbers?",
                Pass,
            ),
        ],
    );
    let detail = get(
        &run("When you bin a skip of lettuce, what does that cost you?"),
        "their-words",
    )
    .detail;
    assert!(
        detail.contains("“lettuce”") || detail.contains("skip"),
        "{detail}"
    );
}

#[test]
fn pressure_and_concessions_fail_and_are_underlined_in_place() {
    use Outcome::*;
    expect(
        "pressure",
        &[
            ("If you sign by Friday I can hold this discount for you.", Fail),
            ("Our pricing is very competitive, so what's stopping you?", Fail),
            (
                "I can probably get you a better price if you commit this quarter.",
                Fail,
            ),
            ("We could throw in the first month free.", Fail),
            ("Prices go up in January, so it makes sense to decide now.", Fail),
            // Borderline: asking about their world's prices is not pressure.
            ("What discount did FreshLink give you last year?", Pass),
            ("Did FreshLink offer you a discount to stay?", Pass),
            ("What's the best price you've been quoted so far?", Pass),
            ("What would a delay cost you over the summer?", Pass),
            ("How competitive is your market for fresh produce?", Pass),
        ],
    );
    let answer = "If you sign by Friday I can hold this discount for you.";
    let fb = run(answer);
    let spans: Vec<String> = fb
        .highlights
        .iter()
        .map(|h| answer.chars().skip(h.span.0).take(h.span.1 - h.span.0).collect())
        .collect();
    assert!(spans.iter().any(|s| s.contains("sign by")), "{spans:?}");
    assert!(spans.iter().any(|s| s.contains("discount")), "{spans:?}");
}

#[test]
fn buzzwords_from_pitches_are_flagged_as_opinions() {
    for answer in [
        "Our AI-powered engine has proven ROI for grocers.",
        "It is a seamless, end-to-end solution with actionable insights.",
    ] {
        let c = get(&run(answer), "opinions");
        assert_ne!(c.outcome, Outcome::Pass, "{answer:?}: {c:?}");
        assert!(c.detail.contains("buzzword"), "{c:?}");
    }
}

#[test]
fn checks_with_nothing_to_test_say_not_tested_and_count_neither_way() {
    let (account, mut turn) = fixture();
    turn.links.clear();
    turn.who = None;
    turn.line = "And?".into();
    let answer = "What would cutting that waste mean for your stores?";
    let fb = check(answer, &turn, &account, TIMELY);
    let touches = get(&fb, "touches-items");
    assert_eq!(touches.outcome, Outcome::Untested, "{touches:?}");
    assert!(touches.detail.starts_with("Not tested"), "{touches:?}");
    let words = get(&fb, "their-words");
    assert_eq!(words.outcome, Outcome::Untested, "{words:?}");
    // Six tested checks, all passed: the verdict counts only those.
    assert_eq!(
        fb.verdict, "Well done: all 6 tested checks passed",
        "{:#?}",
        fb.checks
    );

    let resumed = Timing {
        first_key_secs: None,
        total_secs: 4.0,
        resumed: true,
    };
    let fb = check(answer, &turn, &account, resumed);
    assert_eq!(get(&fb, "timing").outcome, Outcome::Untested);
    assert_eq!(fb.verdict, "Well done: all 5 tested checks passed");
}

#[test]
fn the_verdict_says_what_to_do_next_time_from_the_failed_checks_first() {
    let fb = run("Our platform is the market leader. If you sign by Friday I can hold this discount.");
    assert!(
        fb.verdict
            .starts_with("Next time: end with a question about them"),
        "{}",
        fb.verdict
    );
    assert!(
        fb.verdict.contains("talk about their world, not ours"),
        "{}",
        fb.verdict
    );
    let good = run(
        "When you bin a skip of lettuce and the night shift makes picking errors, what does the waste do to your margins?",
    );
    assert!(
        good.verdict.starts_with("Well done"),
        "{} {:#?}",
        good.verdict,
        good.checks
    );

    let only_warn = |check: &str| CheckResult {
        check: check.into(),
        outcome: Outcome::Warn,
        detail: String::new(),
        extra: Default::default(),
    };
    assert_eq!(
        verdict(&[only_warn("talk-budget"), only_warn("timing")]),
        "Next time: say less; start sooner (nothing failed)"
    );
    assert_eq!(verdict(&[]), "Nothing was tested");
}
