//! The linter against a labelled set written for it (issue 3, "Relevance over opinions"),
//! its rewrites and spans, and `callbook lint` run as the real binary.
//!
//! Each label is `kind [open|closed] [spin]`: the kind is checked for every line, `open`
//! and `spin` where the label gives them. Failures are collected and reported together, so
//! one run shows every line the linter gets wrong.

use callbook::domain::bank::Spin;
use callbook::domain::lint::{Kind, Lint, Rule, lint};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// (label, line).
const SET: &[(&str, &str)] = &[
    // Questions: open, closed, without a question mark, every SPIN type, "we" about the
    // customer's team, the customer's quoted words.
    (
        "question open situation",
        "How many drivers do you have on the road each day?",
    ),
    ("question open situation", "Walk me through how you plan routes"),
    (
        "question open situation",
        "Tell me about the way orders reach the warehouse.",
    ),
    (
        "question open situation",
        "Help me understand who signs off on a new supplier",
    ),
    (
        "question open situation",
        "Which system do you use to track returns today?",
    ),
    ("question open situation", "Who is responsible for the forecast?"),
    (
        "question open situation",
        "How long have you run the current process?",
    ),
    (
        "question open situation",
        "What does onboarding look like today for a new site?",
    ),
    ("question open problem", "What slows the dispatch team down most?"),
    (
        "question open problem",
        "Where do orders get stuck between sales and the warehouse?",
    ),
    (
        "question open problem",
        "What frustrates your planners about the current tools?",
    ),
    (
        "question open problem",
        "Which parts of month-end close are hardest for your team?",
    ),
    (
        "question open problem",
        "What worries the board most about next year?",
    ),
    (
        "question open implication",
        "When you say 'we lose margin on returns', what does that cost you?",
    ),
    (
        "question open implication",
        "What happens to delivery times if two drivers call in sick?",
    ),
    (
        "question open implication",
        "How do late deliveries affect your renewals?",
    ),
    (
        "question open implication",
        "What would it mean for your margins if nothing changed this year?",
    ),
    (
        "question open implication",
        "If nothing changes, what does the next twelve months look like?",
    ),
    (
        "question open implication",
        "What knock-on effect do stockouts have on your stores?",
    ),
    (
        "question open need-payoff",
        "How would it help your planners if routes were built overnight?",
    ),
    (
        "question open need-payoff",
        "What would it be worth to you to halve the returns backlog?",
    ),
    (
        "question open need-payoff",
        "If you could fix one thing in the handover, what would it be?",
    ),
    (
        "question open need-payoff",
        "Why is it important to get this done before the audit?",
    ),
    (
        "question open need-payoff",
        "What would an ideal week look like for your dispatchers?",
    ),
    (
        "question open situation",
        "How do your people feel when we meet to review the numbers?",
    ),
    (
        "question open situation",
        "How does your team decide when we need to bring in finance?",
    ),
    ("question closed situation", "Do you use a CRM for field sales?"),
    (
        "question closed situation",
        "Is the renewal date still the end of June?",
    ),
    (
        "question closed problem",
        "Has the delay at the port got worse since the spring?",
    ),
    (
        "question closed situation",
        "Are you the person who signs the purchase order?",
    ),
    (
        "question closed situation",
        "Could we include your operations lead in the next call?",
    ),
    (
        "question closed situation",
        "Will the budget be set before the board meets in March?",
    ),
    (
        "question open situation",
        "Could you walk me through the approval steps?",
    ),
    (
        "question open situation",
        "Can you tell me more about the Leeds site?",
    ),
    (
        "question open situation",
        "Describe a typical Monday for the planning team.",
    ),
    (
        "question open situation",
        "I'd like to understand how the tender is scored.",
    ),
    (
        "question open problem",
        "I'm curious what makes the Friday peak so difficult",
    ),
    (
        "question open situation",
        "So, what's on the agenda for the board this quarter?",
    ),
    ("question open situation", "When is the contract up for renewal?"),
    ("question open situation", "Where do the quality checks happen?"),
    (
        "question open need-payoff",
        "What would success look like for you by December?",
    ),
    (
        "question open implication",
        "How much does each failed delivery cost you?",
    ),
    ("question closed situation", "The renewal is in June, right?"),
    (
        "question open situation",
        "How did our last call land with your finance team?",
    ),
    ("question open problem", "Honestly, what keeps you up at night?"),
    (
        "question open situation",
        "What's driving the move to a single warehouse?",
    ),
    (
        "question open situation",
        "Your CFO mentioned cost, what's driving that?",
    ),
    (
        "question open situation",
        "Out of curiosity, how did the pilot in Bristol go?",
    ),
    (
        "question open problem",
        "What gets in the way of hitting the Q3 target?",
    ),
    (
        "question open implication",
        "What does the stockout problem do to your store managers' week?",
    ),
    (
        "question open situation",
        "What do you need to see before you can sign off?",
    ),
    (
        "question open situation",
        "What would you need from us to move forward?",
    ),
    (
        "question open situation",
        "How are your competitors responding to the new regulation?",
    ),
    (
        "question open situation",
        "When you say “we can't scale”, what exactly do you mean?",
    ),
    (
        "question open situation",
        "What keeps your best customers coming back",
    ),
    (
        "question open need-payoff",
        "What would the best outcome look like for your team?",
    ),
    (
        "question closed situation",
        "Is there anyone else who should join the next call?",
    ),
    ("question closed problem", "Does the team worry about the audit?"),
    (
        "question open implication",
        "Who else is affected when a shipment is late?",
    ),
    (
        "question open situation",
        "Who's the market leader in your segment, in your view?",
    ),
    (
        "question open situation",
        "Can I ask what budget you have set aside?",
    ),
    (
        "question open situation",
        "Would you mind explaining how the bonus scheme works?",
    ),
    (
        "question open problem",
        "You mentioned churn earlier; what's behind it?",
    ),
    (
        "question closed problem",
        "It sounds like the handover is the real issue, is that fair?",
    ),
    (
        "question open need-payoff",
        "Imagine what your team could do with an extra day a week.",
    ),
    // Leading: pitches, yes-fishing, seller talk inside a question.
    (
        "leading closed",
        "Would you buy a product that cuts fuel costs by a fifth?",
    ),
    ("leading closed", "Are you looking for ways to save money?"),
    // Offers dressed as questions (issue 11); asking leave to ask is not one.
    (
        "leading closed",
        "Shall I pencil in a pilot for your Leeds depot?",
    ),
    ("leading closed", "Want me to draw up a quote for the two sites?"),
    (
        "leading closed",
        "Can I set you up with a free audit of your fleet?",
    ),
    (
        "leading closed",
        "Would you like me to put together a proposal by Friday?",
    ),
    ("question open", "Can I ask who else signs off on suppliers?"),
    ("question closed", "Should I check with Dana before Thursday?"),
    // Our news before a question, and our feature as a what-if; a what-if about their
    // world, and "we" as the two of us, are questions.
    ("opinion", "We've just launched a route planner. Worth a look?"),
    (
        "opinion",
        "We're adding a returns module next quarter. Would that help?",
    ),
    (
        "leading open",
        "What if you could see every late load before it leaves the yard?",
    ),
    ("leading open", "What if you had one screen for every trailer?"),
    ("question open", "What if the board says no in December?"),
    // Pressure: deadlines, discounts, fear; the same words asking about their world are not.
    ("opinion", "If you sign this week I can take ten percent off."),
    (
        "leading closed",
        "Our spring price is only good until Friday - shall we go ahead?",
    ),
    (
        "leading closed",
        "Can you afford to lose the Tesco contract over late loads?",
    ),
    ("leading closed", "Are you willing to risk another failed audit?"),
    ("question open", "What discount did your last supplier give you?"),
    ("question closed", "Did you lock in fuel prices for next year?"),
    ("question open", "When does your current contract expire?"),
    // Blame dressed as a question is a verdict; asking their reason is not.
    ("leading open", "Why are you still keying delivery notes by hand?"),
    (
        "leading open",
        "Why hasn't the dock scheduling been fixed already?",
    ),
    ("leading closed", "Didn't anyone check the trailer temperatures?"),
    (
        "leading open",
        "How have you put up with the old scanners this long?",
    ),
    (
        "question open",
        "Why did you choose your current telematics provider?",
    ),
    (
        "question open",
        "How could you tell the load was warm before it arrived?",
    ),
    (
        "question open",
        "Why would you still need the old scanners after the move?",
    ),
    ("question open", "How could your team cope if two planners left?"),
    // Small talk learns nothing about them; the same words about their business do.
    ("statement", "How was your weekend?"),
    ("statement", "Did you catch the match last night?"),
    ("statement", "Any big plans for the summer?"),
    ("question open", "How was your trip to the Leeds depot?"),
    ("question open", "How will the holiday peak affect your staffing?"),
    ("question open", "How are you doing on the reefer retrofit?"),
    ("question open", "How's it going with the tender?"),
    (
        "question open",
        "When we met in May, what did your drivers say about the pilot?",
    ),
    (
        "leading closed",
        "Wouldn't you agree that your process needs an upgrade?",
    ),
    ("leading closed", "Don't you think it's time to modernise?"),
    (
        "leading closed",
        "If I could show you a way to cut costs, would you be interested?",
    ),
    ("leading closed", "Would you be interested in a free trial?"),
    ("leading open need-payoff", "How would our platform help you?"),
    ("leading open", "What do you like most about our product?"),
    ("leading closed", "Do you want to increase revenue this year?"),
    (
        "leading closed problem",
        "Isn't cost your biggest issue right now?",
    ),
    (
        "leading closed",
        "Have you considered switching to a cloud system?",
    ),
    (
        "leading closed",
        "Would you like to see a demo of our routing engine?",
    ),
    ("leading open", "Why not switch to us this quarter?"),
    ("leading closed", "Is saving time a priority for your team?"),
    ("leading open", "What if I told you we could halve your returns?"),
    ("leading closed", "Can I show you how our dashboard works?"),
    (
        "leading closed",
        "Wouldn't it be great to never chase an invoice again?",
    ),
    (
        "leading open",
        "How much would you save if you used our seamless scheduler?",
    ),
    (
        "leading closed",
        "Would a best-in-class platform make your life easier?",
    ),
    ("leading closed", "Do you agree that manual planning is outdated?"),
    ("leading closed", "Interested in a demo next week?"),
    ("leading", "Who wouldn't want faster deliveries?"),
    ("leading closed", "Shouldn't you be looking at a better option?"),
    ("leading open", "Why wouldn't you move to a more modern system?"),
    ("leading closed", "Would you consider our premium package?"),
    (
        "leading open",
        "How soon could we get our team in to fix your scheduling?",
    ),
    (
        "leading closed",
        "You'd agree the current tools are slowing you down?",
    ),
    (
        "leading closed",
        "Do you want more revenue from the same number of reps?",
    ),
    (
        "leading closed",
        "Are you interested in hearing how other retailers did it?",
    ),
    (
        "leading closed",
        "Would it make sense to switch before the renewal?",
    ),
    (
        "leading closed",
        "Would you pay more for deliveries that always arrive on time?",
    ),
    (
        "leading open",
        "How great would it be to close the books in two days?",
    ),
    (
        "leading closed",
        "Is that something you'd be interested in exploring?",
    ),
    (
        "leading closed",
        "Can we agree that manual processes are holding you back?",
    ),
    ("leading closed", "So you'd want a faster system, wouldn't you?"),
    // Opinions: claims, recommendations, seller talk, and claims with a question mark.
    ("opinion", "You need our seamless platform"),
    ("opinion", "We are the industry leader"),
    ("opinion", "Trust me"),
    ("opinion", "You should switch"),
    ("opinion", "Our solution is the best on the market"),
    ("opinion", "You need to modernise, right?"),
    ("opinion", "Our platform is clearly the best choice, isn't it?"),
    ("opinion", "We offer the fastest onboarding around."),
    ("opinion", "I think you should move everything to the cloud."),
    ("opinion", "Your current process is outdated."),
    ("opinion", "Honestly, our customers love it."),
    ("opinion", "It's time to stop doing this by hand."),
    ("opinion", "Obviously the old system can't keep up."),
    ("opinion", "We can help you cut costs by thirty percent."),
    ("opinion", "In my opinion, the board is making a mistake."),
    ("opinion", "This is a game-changer for logistics teams."),
    ("opinion", "You really need to automate your invoicing?"),
    ("opinion", "We've helped over two hundred retailers like you."),
    (
        "opinion",
        "Our award-winning support team is available around the clock.",
    ),
    ("opinion", "Let me show you how it works."),
    ("opinion", "You can't afford to ignore this any longer."),
    ("opinion", "Everyone knows spreadsheets don't scale, don't they?"),
    ("opinion", "That's a no-brainer for a business your size."),
    ("opinion", "I'd recommend starting with the premium tier."),
    ("opinion", "We're the only vendor with a native integration."),
    ("opinion", "Switch now and save twenty percent."),
    ("opinion", "Our roadmap is packed with innovative features."),
    ("opinion", "Cost is your biggest problem, isn't it?"),
    ("opinion", "The smart move is to consolidate suppliers now."),
    ("opinion", "Believe me, nobody does it better."),
    ("opinion", "Frankly, your team is wasting time on manual entry."),
    ("opinion", "You must be frustrated with your current vendor?"),
    (
        "opinion",
        "We are the industry leader. What keeps you up at night?",
    ),
    (
        "opinion",
        "Our seamless integration saves hours every week, right?",
    ),
    ("opinion", "I'd like to introduce you to our CTO."),
    ("opinion", "Your competitors are already using this."),
    ("opinion", "We'd love to work with you."),
    ("opinion", "You really ought to look at automation."),
    ("opinion", "This will transform your operations."),
    // Statements: neutral facts, notes, the customer's words in quotes.
    ("statement", "The meeting is on Tuesday at 3pm."),
    ("statement", "Their fiscal year starts in April."),
    ("statement", ""),
    ("statement", "   \t "),
    ("statement", "Sarah runs operations for the northern region."),
    ("statement", "They moved to a new ERP last year."),
    (
        "statement",
        "The board meets every quarter to review capital spend.",
    ),
    ("statement", "We lose margin on returns, the ops lead told me."),
    ("statement", "'Our platform is a mess' is how their CIO put it."),
    ("statement", "Their largest site is in Leeds."),
    ("statement", "Follow up with the procurement team next week."),
    ("statement", "Send the agenda by Friday."),
    ("statement", "We will send the proposal on Monday."),
    ("statement", "Our call last week covered the pilot results."),
    ("statement", "Revenue grew 12% in the last fiscal year."),
    (
        "statement",
        "Their main competitor opened two stores in Manchester.",
    ),
    ("statement", "The contract renews on 1 March."),
    ("statement", "Budget approval sits with the CFO."),
    ("statement", "They use spreadsheets to schedule shifts."),
    (
        "statement",
        "Notes from the discovery call: 40 drivers, 3 depots, one planner.",
    ),
    ("statement", "When the audit finishes, the team takes a week off."),
    ("statement", "What they want is a single view of stock."),
    ("statement", "The best time to call is after 4pm."),
    ("statement", "🚚 Deliveries start at 6am 🙂"),
    ("statement", "配送は毎朝6時に始まります。"),
    ("statement", "He said 'trust me' twice in the meeting."),
    (
        "statement",
        "If the pilot works, they will roll it out to all sites.",
    ),
    ("statement", "Thanks for your time today."),
    (
        "statement",
        "“We need the best tool on the market,” their COO told us.",
    ),
    ("statement", "We should meet again next week."),
    ("statement", "Jane said \"we are drowning in spreadsheets\"."),
    ("statement", "Their biggest risk is losing the Tesco contract."),
];

/// A label parsed: the kind, and `open` and `spin` when given.
struct Label {
    kind: Kind,
    open: Option<bool>,
    spin: Option<Spin>,
}

fn parse(label: &str) -> Label {
    let mut words = label.split(' ');
    let kind = match words.next() {
        Some("question") => Kind::Question,
        Some("leading") => Kind::Leading,
        Some("opinion") => Kind::Opinion,
        Some("statement") => Kind::Statement,
        other => panic!("bad label {other:?}"),
    };
    let (mut open, mut spin) = (None, None);
    for w in words {
        match w {
            "open" => open = Some(true),
            "closed" => open = Some(false),
            other => spin = Some(Spin::ALL.into_iter().find(|s| s.name() == other).expect(other)),
        }
    }
    Label { kind, open, spin }
}

/// What's wrong with `got` against `label`, if anything.
fn mismatch(label: &Label, got: &Lint) -> Option<String> {
    let mut wrong = Vec::new();
    if got.kind != label.kind {
        wrong.push(format!("kind {:?}, expected {:?}", got.kind, label.kind));
    }
    if label.open.is_some() && got.open != label.open {
        wrong.push(format!("open {:?}, expected {:?}", got.open, label.open));
    }
    if label.spin.is_some() && got.spin != label.spin {
        wrong.push(format!("spin {:?}, expected {:?}", got.spin, label.spin));
    }
    (!wrong.is_empty()).then(|| format!("{}  (flags {:?})", wrong.join("; "), got.flags))
}

#[test]
fn the_labelled_set_is_big_enough() {
    assert!(SET.len() >= 120, "{} lines", SET.len());
    for kind in ["question", "leading", "opinion", "statement"] {
        let n = SET.iter().filter(|(l, _)| l.starts_with(kind)).count();
        assert!(n >= 20, "{n} {kind} lines");
    }
}

#[test]
fn every_labelled_line_is_judged_as_labelled() {
    let failures: Vec<String> = SET
        .iter()
        .filter_map(|(label, text)| {
            mismatch(&parse(label), &lint(text, None)).map(|m| format!("{text:?}: {m}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} lines misjudged:\n{}",
        failures.len(),
        SET.len(),
        failures.join("\n")
    );
}

#[test]
fn open_and_spin_are_null_outside_questions() {
    for (label, text) in SET {
        let got = lint(text, None);
        if matches!(parse(label).kind, Kind::Opinion | Kind::Statement) && got.kind == parse(label).kind {
            assert_eq!((got.open, got.spin), (None, None), "{text:?}");
        }
        if got.kind == Kind::Question {
            assert!(got.open.is_some() && got.spin.is_some(), "{text:?}");
        }
    }
}

/// Words a rewrite must never carry (seller talk, checked as whole words).
const SELLER_WORDS: &[&str] = &["our", "ours", "we", "we're", "we've", "us", "my", "i"];

fn assert_clean_rewrite(text: &str, suggestion: &str) {
    let again = lint(suggestion, None);
    assert_eq!(
        again.kind,
        Kind::Question,
        "{text:?} -> {suggestion:?}: {again:?}"
    );
    assert_eq!(again.open, Some(true), "{text:?} -> {suggestion:?}");
    assert!(
        again.flags.is_empty(),
        "{text:?} -> {suggestion:?}: {:?}",
        again.flags
    );
    let lower = suggestion.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .collect();
    for w in SELLER_WORDS {
        assert!(!words.contains(w), "{text:?} -> {suggestion:?} says {w:?}");
    }
}

#[test]
fn concerns_get_a_rewrite_that_is_a_clean_open_question() {
    for (_, text) in SET {
        let got = lint(text, None);
        match got.kind {
            Kind::Opinion | Kind::Leading => {
                let s = got
                    .suggestion
                    .as_deref()
                    .unwrap_or_else(|| panic!("{text:?}: no suggestion"));
                assert_clean_rewrite(text, s);
            }
            Kind::Question | Kind::Statement => assert_eq!(got.suggestion, None, "{text:?}"),
        }
    }
}

#[test]
fn rewrites_ask_about_the_topic_or_the_linked_item() {
    let s = |text: &str, ctx: Option<&str>| lint(text, ctx).suggestion.unwrap();
    assert!(s("Are you looking for ways to save money?", None).contains("saving money"));
    assert!(s("You need to modernise, right?", None).contains("to modernise"));
    assert!(s("You should switch to our platform", None).contains("for you to switch,"));
    assert!(s("How would our platform help you plan routes?", None).contains("How do you plan routes today"));
    let linked = s(
        "You need our seamless platform",
        Some("Cut fuel spend by 8% this year. Board target"),
    );
    assert!(linked.contains("“cut fuel spend by 8% this year”"), "{linked}");
    let linked = s("Trust me", Some("Our biggest threat is Amazon"));
    assert!(linked.contains("“your biggest threat is Amazon”"), "{linked}");
    // A linked item's words are the customer's: even seller words in it don't leak a flag.
    for ctx in [
        "Our biggest threat is Amazon",
        "“quoted” \"mess\"",
        "\u{1b}[2J",
        "",
        "   ",
        "a\nb",
    ] {
        for (_, text) in SET
            .iter()
            .filter(|(l, _)| l.starts_with("opinion") || l.starts_with("leading"))
        {
            let got = lint(text, Some(ctx));
            assert_clean_rewrite(text, got.suggestion.as_deref().unwrap());
            assert!(!got.suggestion.unwrap().chars().any(char::is_control));
        }
    }
}

#[test]
fn flags_cover_the_flagged_words() {
    let text = "You need our seamless platform";
    let got = lint(text, None);
    let found: Vec<(Rule, &str)> = got.flags.iter().map(|f| (f.rule, f.text(text))).collect();
    assert_eq!(
        found,
        [
            (Rule::Prescription, "You need"),
            (Rule::SellerCentric, "our"),
            (Rule::Buzzword, "seamless")
        ]
    );
    // Character offsets, not bytes: the emoji before counts as one.
    let text = "🙂 Ünsere “ok” — we are the best-in-class vendor";
    let got = lint(text, None);
    let best = got.flags.iter().find(|f| f.rule == Rule::Superlative).unwrap();
    assert_eq!(best.text(text), "best-in-class");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[best.span.0..best.span.1].iter().collect::<String>(),
        "best-in-class"
    );
}

#[test]
fn quoted_words_are_never_flagged() {
    for text in [
        "When you say 'we are the best', what do you mean?",
        "Their CEO said “our platform is seamless” in the keynote.",
        "\"Trust me\" is what the last vendor said; how did that go?",
    ] {
        assert!(
            lint(text, None).flags.is_empty(),
            "{text:?}: {:?}",
            lint(text, None).flags
        );
    }
}

#[test]
fn spans_are_valid_on_any_text() {
    let texts = [
        "e\u{301}\u{301} we offer 🤝🏽 our seamless 👩‍👩‍👧 platform?",
        "我们 offer our 最好的 seamless platform, right?",
        "\u{0}\u{7f}\u{9b}our\u{200d}seamless\u{fe0f} best\u{300}",
        "'''\"\"“”‘’'x' 'y",
        "¿Qué? our. our, our; our: our— our",
    ];
    for text in texts {
        let n = text.chars().count();
        let got = lint(text, Some(text));
        for f in &got.flags {
            assert!(f.span.0 < f.span.1 && f.span.1 <= n, "{text:?}: {f:?}");
            assert!(!f.text(text).trim().is_empty(), "{text:?}: {f:?}");
        }
    }
}

/// A megabyte on one line (a pasted document) gets a verdict like any line: its kind, its
/// flags with spans inside the text and, for a concern, a rewrite of one short question
/// rather than an echo of the megabyte. The inputs are the worst cases for the tokenizer,
/// the lexicon and the judge; how long they take is for `cargo bench --bench lint` to
/// measure, not a test's.
#[test]
fn a_megabyte_on_one_line_gets_a_verdict() {
    let unit = "You need our seamless platform, right? \"we lose\" 'margin' 🙂 what happens if ";
    // (text, kind, a rule that must fire, or None for no flags at all).
    let cases = [
        (
            unit.repeat(1_000_000 / unit.len() + 1),
            Kind::Opinion,
            Some(Rule::SellerCentric),
        ),
        ("a".repeat(1 << 20), Kind::Statement, None),
        ("\"'“".repeat(350_000), Kind::Statement, None),
        ("? ".repeat(500_000), Kind::Statement, None),
        // Short clauses that each lead into the next, full of phrases: linear or bust.
        (
            "if we offer, ".repeat(80_000),
            Kind::Opinion,
            Some(Rule::SellerCentric),
        ),
        (
            "tell me, our ".repeat(80_000),
            Kind::Leading,
            Some(Rule::SellerCentric),
        ),
        (
            "you need to ".repeat(90_000),
            Kind::Opinion,
            Some(Rule::Prescription),
        ),
    ];
    for (text, kind, rule) in &cases {
        let got = lint(text, Some(text));
        let head: String = text.chars().take(30).collect();
        assert_eq!(got.kind, *kind, "{head:?}…");
        let n = text.chars().count();
        assert!(
            got.flags.iter().all(|f| f.span.0 < f.span.1 && f.span.1 <= n),
            "{head:?}…"
        );
        match rule {
            Some(rule) => assert!(got.flags.iter().any(|f| f.rule == *rule), "{head:?}…: {rule:?}"),
            None => assert!(got.flags.is_empty(), "{head:?}…: {:?}", &got.flags[..1]),
        }
        assert_eq!(got.suggestion.is_some(), got.is_concern(), "{head:?}…");
        let rewrite = got.suggestion.as_ref().map(|s| s.chars().count());
        assert!(
            rewrite.is_none_or(|n| n <= 200),
            "{head:?}…: {rewrite:?} characters"
        );
    }
}

// `callbook lint`, run as the real binary.

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

fn callbook(args: &[&str], stdin: &[u8]) -> Output {
    let data = TempDir::new().unwrap();
    let mut child = Command::new(BIN)
        .env_remove("CALLBOOK_DATA_DIR")
        .arg("--data-dir")
        .arg(data.path().join("data"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread so a large input can't deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn json_lines(out: &Output) -> Vec<Value> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn cli_json_has_exactly_the_documented_shape() {
    let out = callbook(
        &[
            "lint",
            "--json",
            "You need our seamless platform",
            "How do you plan routes?",
        ],
        b"",
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for v in &lines {
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(sorted, ["flags", "kind", "open", "spin", "suggestion", "text"]);
        assert!(["question", "leading", "opinion", "statement"].contains(&v["kind"].as_str().unwrap()));
        assert!(v["open"].is_boolean() || v["open"].is_null());
        assert!(
            v["spin"].is_null()
                || ["situation", "problem", "implication", "need-payoff"]
                    .contains(&v["spin"].as_str().unwrap())
        );
        assert!(v["suggestion"].is_string() || v["suggestion"].is_null());
        for f in v["flags"].as_array().unwrap() {
            let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys.len(), 2);
            assert!(f["rule"].is_string());
            let span = f["span"].as_array().unwrap();
            assert!(span.len() == 2 && span.iter().all(Value::is_u64));
        }
    }
    assert_eq!(lines[0]["kind"], "opinion");
    assert_eq!(lines[0]["open"], Value::Null);
    assert_eq!(
        lines[0]["flags"][2],
        serde_json::json!({"rule": "buzzword", "span": [13, 21]})
    );
    assert_eq!(lines[1]["text"], "How do you plan routes?");
    assert_eq!(
        (lines[1]["kind"].as_str(), lines[1]["open"].as_bool()),
        (Some("question"), Some(true))
    );
    assert_eq!(lines[1]["spin"], "situation");
}

#[test]
fn cli_reads_stdin_lines_including_empty_and_huge_ones() {
    let huge = "our seamless platform ".repeat(50_000);
    let input = format!("Trust me\r\n\nWalk me through your week\n{huge}\n");
    let lines = json_lines(&callbook(&["lint", "--json"], input.as_bytes()));
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["text"], "Trust me");
    assert_eq!(lines[0]["kind"], "opinion");
    assert_eq!(
        (lines[1]["text"].as_str(), lines[1]["kind"].as_str()),
        (Some(""), Some("statement"))
    );
    assert_eq!(lines[2]["kind"], "question");
    assert_eq!(lines[3]["kind"], "opinion");
    assert_eq!(lines[3]["text"].as_str().unwrap().len(), huge.len());

    let plain = callbook(&["lint"], input.as_bytes());
    assert!(plain.status.success());
    let text = String::from_utf8(plain.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert!(
        rows[0].starts_with("opinion")
            && rows[0].contains("assurance \"Trust me\"")
            && rows[0].contains("-> try: ")
    );
    assert!(rows[1].starts_with("statement"));
    assert!(rows[2].starts_with("question") && rows[2].contains("open situation"));
    assert!(rows[3].len() < 2_000, "a long line is shortened for reading");
}

#[test]
fn cli_never_prints_control_characters() {
    let nasty = "our \u{1b}[2J\u{7}seamless\u{9b}31m platform\u{7f}";
    for args in [vec!["lint", nasty], vec!["lint", "--json", nasty]] {
        let out = callbook(&args, b"");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
    }
    let lines = json_lines(&callbook(&["lint", "--json", nasty], b""));
    assert_eq!(lines[0]["text"], nasty, "JSON escapes, and keeps, the text");
}

#[test]
fn cli_rejects_invalid_utf8_naming_stdin_and_the_line() {
    let out = callbook(&["lint", "--json"], b"How do you plan?\nbad \xff line\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stdin") && err.contains("line 2"), "{err}");
}

#[test]
fn the_readme_names_every_rule() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in Rule::ALL {
        assert!(
            readme.contains(&format!("`{}`", rule.name())),
            "README.md doesn't name the rule {}",
            rule.name()
        );
    }
}

/// Each seller-centric shape of issue 11 names its own rule, and the rewrite asks about the
/// line's own subject where it has one.
#[test]
fn each_seller_shape_names_its_rule_and_rewrites_from_the_line() {
    let cases: [(&str, &str, &str); 16] = [
        (
            "You'd want that, wouldn't you?",
            "asks-agreement",
            "from your side",
        ),
        (
            "Everyone is moving to the cloud now, aren't they?",
            "asks-agreement",
            "from your side",
        ),
        (
            "Which start date suits you, March or April?",
            "close",
            "your timeline depend on",
        ),
        (
            "Shall I send the contract to you or to legal?",
            "close",
            "a say in the contract",
        ),
        (
            "What colour would you like it in?",
            "close",
            "a say in the colour",
        ),
        ("Would a quick demo next week help?", "pitch", "before deciding"),
        (
            "What if your reps had live coaching on every call?",
            "pitch",
            "How do your reps handle this today",
        ),
        (
            "Does that make sense for you?",
            "verdict-fishing",
            "compare with the way you handle",
        ),
        (
            "Was the demo useful?",
            "verdict-fishing",
            "How does the demo compare",
        ),
        (
            "Would your planners actually use a tool like that?",
            "hypothetical",
            "How do your planners handle this today",
        ),
        (
            "If the software handled change orders, would your PMs really use it?",
            "hypothetical",
            "your PMs",
        ),
        (
            "Can your school really risk another data breach?",
            "pressure",
            "if nothing changes",
        ),
        (
            "This price is only on the table until Friday, so can we get it signed?",
            "pressure",
            "if nothing changes",
        ),
        (
            "Why are your site managers still using paper timesheets?",
            "judgement",
            "using paper timesheets hard to move away from",
        ),
        (
            "Honestly, their product is a poor fit for you.",
            "judgement",
            "options in front of you",
        ),
        ("How's your week treating you?", "small-talk", ""),
    ];
    let mut wrong = Vec::new();
    for (text, rule, rewrite) in cases {
        let l = lint(text, None);
        let rules: Vec<&str> = l.flags.iter().map(|f| f.rule.name()).collect();
        let suggestion = l.suggestion.clone().unwrap_or_default();
        if l.kind == Kind::Question || !rules.contains(&rule) || !suggestion.contains(rewrite) {
            wrong.push(format!("{text:?}: {:?} {rules:?} -> {suggestion:?}", l.kind));
        }
        if let Some(s) = &l.suggestion {
            let again = lint(s, None);
            assert!(
                again.kind == Kind::Question && again.flags.is_empty(),
                "{s:?} is not clean"
            );
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Lines that start like a seller shape but ask about the customer stay questions.
#[test]
fn customer_questions_that_look_like_seller_shapes_stay_questions() {
    let lines = [
        "Who else should be in the room before you decide?",
        "What would you need to see before taking this to your board?",
        "Why does fixing this matter to you now?",
        "What do you think is causing it?",
        "What do you think of the changes your IT team is proposing?",
        "What does your team think of the current dashboard?",
        "Why would you still need the old scanners after the move?",
        "Should we bring your IT lead into the next conversation?",
        "What would a good outcome look like for you if we worked together?",
        "If I heard you right, the pilot covers two sites?",
        "The renewal is in June, right?",
        "You have eight depots today, don't you?",
        "It sounds like the handover is the real issue, is that fair?",
        "What do you want the next trailer hardware to do that today's can't?",
        "Which of your sites would be the best place to start if you went ahead with anything?",
        "How would your managers spend the hours they save?",
        "What if volume doubles next year - how would your warehouse cope?",
        "Can I ask what drove the change?",
        "Could I get your view on the timeline?",
        "Did the new pricing go live at the start of the month?",
    ];
    let wrong: Vec<String> = lines
        .iter()
        .map(|t| (t, lint(t, None)))
        .filter(|(_, l)| l.kind != Kind::Question)
        .map(|(t, l)| format!("{t:?}: {:?} {:?}", l.kind, l.flags))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
