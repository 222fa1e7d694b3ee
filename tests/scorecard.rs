//! The scorecard, check by check: each with an account that passes it, accounts that fail
//! it (the finding names what failed and where to fix it), and one with nothing to judge.
//! Then the score and band arithmetic, and the rubric as README.md documents it.

use callbook::domain::call::{Call, Debrief};
use callbook::domain::journey::{Stage, Task, TaskStatus};
use callbook::domain::offering::{OFFERINGS_SCHEMA, Offering, OfferingsFile};
use callbook::domain::plan::{Question, Status, answer_to_item};
use callbook::domain::scenario::Scenario;
use callbook::domain::scorecard::{Band, Check, Part, RUBRIC, Scorecard, Verdict, scorecard};
use callbook::domain::sweet_spot::{Answer, Criterion, SWEET_SPOT_SCHEMA, SweetSpotFile};
use callbook::domain::team::Team;
use callbook::domain::turn::{Attempt, CheckResult, Outcome, Turn, TurnKind, grade};
use callbook::domain::{Account, Item, Pane, Person, Priority, Role};
use chrono::{DateTime, Duration, Utc};

fn now() -> DateTime<Utc> {
    "2026-12-01T09:00:00Z".parse().unwrap()
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// Twelve questions the linter reads as questions.
const QUESTIONS: [&str; 12] = [
    "What does a rejected load cost you in a year?",
    "Who signs off a capex request like this?",
    "How do your dispatchers hear about an alarm at night?",
    "What would the board need to see before June?",
    "Where does driver turnover hurt you most?",
    "How do you report emissions per load today?",
    "What happens at renewal if the claims keep rising?",
    "Which shippers ask you for temperature records?",
    "How do you plan routes for the new depot?",
    "What would change for your drivers if empty miles fell?",
    "Who else weighs in on the budget?",
    "What has the insurer asked for so far?",
];

/// The team's files the checks judge against: two criteria and one offering.
fn team() -> Team {
    let criterion = |id: &str, question: &str| Criterion {
        id: id.into(),
        question: question.into(),
        extra: Default::default(),
    };
    Team {
        offerings: OfferingsFile {
            schema: OFFERINGS_SCHEMA,
            offerings: vec![Offering {
                id: "temps".into(),
                name: "Live trailer temperatures".into(),
                problem: "Loads spoil before anyone knows a unit has failed.".into(),
                extra: Default::default(),
            }],
            extra: Default::default(),
        },
        sweet_spot: SweetSpotFile {
            schema: SWEET_SPOT_SCHEMA,
            criteria: vec![
                criterion("fleet", "Do they run their own refrigerated fleet?"),
                criterion("size", "Do they run more than 200 vehicles?"),
            ],
            extra: Default::default(),
        },
    }
}

fn item(text: &str) -> Item {
    Item::new(text, now() - days(10))
}

fn person(name: &str, role: Role) -> Person {
    let mut p = Person::new(name, now() - days(10));
    p.role = role;
    p
}

/// An account that passes every check at [`now`].
fn good() -> Account {
    let mut a = Account::new("Harbor Mills", now() - days(30));
    a.world.goals = vec![
        item("Open a depot in Sioux Falls"),
        item("Cut empty miles to 12%"),
    ];
    a.world.goals[0].priority = Priority::High;
    a.world.threats = vec![item("Reefer failures reject loads")];
    a.world.competitors = vec![item("Polar Line Transport")];
    a.world.market = vec![item("Spot rates down 11%")];
    a.why_change = vec![item("Two rejected loads cost them $400k a year")];
    a.people = vec![
        person("Dana Whitlock", Role::EconomicBuyer),
        person("Kevin Oduya", Role::User),
    ];
    let goal = a.world.goals[0].id.clone();
    a.questions = QUESTIONS
        .iter()
        .map(|q| Question::new(q, vec![goal.clone()], None, now() - days(5)))
        .collect();
    a.turns = vec![Turn::new(
        "We already get reefer alarms.",
        TurnKind::Objection,
        now() - days(3),
    )];
    grade(
        &mut a,
        0,
        attempt(&[Outcome::Pass, Outcome::Pass, Outcome::Warn]),
        now() - days(1),
    );
    a.journey.stage = Stage::Understanding;
    a.journey.quote = "We lose a load a week and nobody knows why".into();
    a.journey.changed = Some(now() - days(7));
    let mut task = Task::new("Add up what the rejected loads cost", now() - days(7));
    (task.owner, task.due) = (Some(a.people[0].id.clone()), Some((now() + days(7)).date_naive()));
    a.tasks = vec![task];
    a.calls = vec![
        held(now() - days(7), "Tomas now owns the cost study"),
        planned(&a),
    ];
    a.fit.set(
        "fleet",
        Answer::Yes,
        "Their site lists 340 reefer trailers",
        now() - days(9),
    );
    a.fit.set("size", Answer::Yes, "", now() - days(9));
    let mut s = Scenario::new(a.world.goals[0].id.clone(), now() - days(4));
    (s.person, s.offering) = (Some(a.people[1].id.clone()), "temps".into());
    s.does = "see which trailers can take a load out of the new depot".into();
    s.result = "the Sioux Falls depot opens with no rejected load in its first 90 days".into();
    a.scenarios = vec![s];
    a
}

/// A graded attempt whose checks came out as `outcomes`.
fn attempt(outcomes: &[Outcome]) -> Attempt {
    let checks = outcomes
        .iter()
        .enumerate()
        .map(|(i, &outcome)| CheckResult {
            check: format!("check-{i}"),
            outcome,
            detail: String::new(),
            extra: Default::default(),
        })
        .collect();
    Attempt {
        at: now() - days(1),
        answer: "What does an alarm at night cost you today?".into(),
        checks,
        grade: 4,
        due: now(),
        first_key_secs: 2.0,
        total_secs: 20.0,
        extra: Default::default(),
    }
}

/// A call at `when` with a debrief noting `changed`.
fn held(when: DateTime<Utc>, changed: &str) -> Call {
    let mut c = Call::new(when, when - days(2));
    c.objective = "Tomas brings Dana into the cost conversation".into();
    c.debrief = Some(Debrief {
        changed: changed.into(),
        written: when + Duration::hours(2),
        ..Debrief::default()
    });
    c
}

/// The next call, two days ahead, with their step as its objective.
fn planned(a: &Account) -> Call {
    let mut c = Call::new(now() + days(2), now() - days(1));
    c.objective = "Dana agrees the cost of the rejected loads".into();
    c.attendees = vec![a.people[0].id.clone()];
    c
}

/// Check `id` of `account`'s scorecard judged at `at`.
fn check_at(account: &Account, id: &str, at: DateTime<Utc>) -> Check {
    let card = scorecard(account, &team(), at);
    card.checks
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

fn check(account: &Account, id: &str) -> Check {
    check_at(account, id, now())
}

/// Asserts check `id` fails on `account`, its finding holds `why`, and it points at `fix`.
fn fails(account: &Account, id: &str, why: &str, fix: Part) {
    let c = check(account, id);
    assert_eq!(c.verdict, Verdict::Fail, "{id}: {}", c.why);
    assert!(c.why.contains(why), "{id}: {:?} lacks {why:?}", c.why);
    assert_eq!(c.fix, fix, "{id}");
}

/// Asserts check `id` is not tested on `account`.
fn untested(account: &Account, id: &str) {
    let c = check(account, id);
    assert_eq!(c.verdict, Verdict::NotTested, "{id}: {}", c.why);
}

#[test]
fn the_good_account_passes_every_check_in_rubric_order() {
    let card = scorecard(&good(), &team(), now());
    let ids: Vec<&str> = card.checks.iter().map(|c| c.id).collect();
    let rubric: Vec<&str> = RUBRIC.iter().map(|r| r.0).collect();
    assert_eq!(ids, rubric);
    assert_eq!(
        ids,
        [
            "world-covered",
            "why-change",
            "decision-maker",
            "objective",
            "agenda",
            "coverage",
            "rehearsed",
            "journey",
            "debrief",
            "fresh",
            "sweet-spot",
            "scenarios"
        ]
    );
    for c in &card.checks {
        assert_eq!(c.verdict, Verdict::Pass, "{}: {}", c.id, c.why);
        assert!(
            !c.why.is_empty() && !c.why.contains('\n'),
            "{}: {:?}",
            c.id,
            c.why
        );
    }
    assert_eq!((card.score(), card.band()), (Some(100), Band::Gold));
}

#[test]
fn an_empty_account_has_nothing_to_judge() {
    let card = scorecard(&Account::new("Blank", now()), &Default::default(), now());
    for c in &card.checks {
        assert_eq!(c.verdict, Verdict::NotTested, "{}: {}", c.id, c.why);
    }
    assert_eq!((card.score(), card.band()), (None, Band::Untested));
}

#[test]
fn world_covered() {
    let mut a = good();
    a.world.competitors.clear();
    fails(&a, "world-covered", "Competitors", Part::World(Pane::Competitors));
    let mut a = good();
    a.world.threats.push(item("Diesel"));
    fails(&a, "world-covered", "“Diesel”", Part::World(Pane::Threats));
    let mut a = good();
    a.world.market[0].text = "Rates".into();
    assert_eq!(
        check(&a, "world-covered").verdict,
        Verdict::Pass,
        "only goals and threats"
    );
    let mut lone = Account::new("Lone", now());
    lone.world.goals.push(item("Growth"));
    fails(
        &lone,
        "world-covered",
        "Nothing yet in: Threats",
        Part::World(Pane::Threats),
    );
    untested(&Account::new("Blank", now()), "world-covered");
}

#[test]
fn why_change() {
    let mut a = good();
    a.why_change.clear();
    fails(
        &a,
        "why-change",
        "No reason to change",
        Part::World(Pane::WhyChange),
    );
    a.why_change = vec![item("Insurance renews in March")];
    fails(
        &a,
        "why-change",
        "1 reason to change, none",
        Part::World(Pane::WhyChange),
    );
    for costs in [
        "Doing nothing keeps the night shift guessing",
        "They lose a grocery lane each time",
        "Claims rose after the summer",
        "Rates up €50 a trailer",
    ] {
        a.why_change = vec![item("Insurance renews in March"), item(costs)];
        assert_eq!(check(&a, "why-change").verdict, Verdict::Pass, "{costs}");
    }
    a.why_change = vec![item("Insurance renews in March")];
    a.why_change[0].notes = "Otherwise premiums go up again".into();
    assert_eq!(check(&a, "why-change").verdict, Verdict::Pass, "notes count");
    untested(&Account::new("Blank", now()), "why-change");
}

#[test]
fn decision_maker() {
    let mut a = good();
    a.people[0].role = Role::Coach;
    fails(
        &a,
        "decision-maker",
        "No economic buyer or decision maker among 2 people",
        Part::World(Pane::People),
    );
    let mut a = good();
    a.people.push(person("Renee Castellano", Role::Unknown));
    fails(
        &a,
        "decision-maker",
        "Role unknown for “Renee Castellano”",
        Part::World(Pane::People),
    );
    a.people[2].role = Role::DecisionMaker;
    assert_eq!(check(&a, "decision-maker").verdict, Verdict::Pass);
    a.people.clear();
    fails(&a, "decision-maker", "No people yet", Part::World(Pane::People));
    untested(&Account::new("Blank", now()), "decision-maker");
}

#[test]
fn objective() {
    let mut a = good();
    a.calls[1].objective = "Demo our product".into();
    fails(&a, "objective", "“Demo our product”: It is about us", Part::Calls);
    a.calls[1].objective = "   ".into();
    fails(&a, "objective", "no objective yet", Part::Calls);
    a.calls.pop();
    untested(&a, "objective");
}

#[test]
fn agenda() {
    let mut a = good();
    a.questions.truncate(10);
    fails(
        &a,
        "agenda",
        "10 questions planned, the aim is 11-14",
        Part::Questions,
    );
    let mut a = good();
    let extra = a.questions[0].clone();
    a.questions.extend(std::iter::repeat_n(extra, 3));
    fails(&a, "agenda", "15 questions planned", Part::Questions);
    let mut a = good();
    a.questions[3].text = "You need our seamless platform.".into();
    fails(
        &a,
        "agenda",
        "1 line reads as an opinion, a leading line or a statement: “You need",
        Part::Questions,
    );
    a.questions[3].text = "Their fiscal year starts in April.".into();
    fails(&a, "agenda", "“Their fiscal year", Part::Questions);
    a.questions.clear();
    untested(&a, "agenda");
}

#[test]
fn coverage() {
    let mut a = good();
    a.questions[2].links.clear();
    fails(
        &a,
        "coverage",
        "1 question serves nothing in their world: “How do your dispatchers",
        Part::Questions,
    );
    let mut a = good();
    a.world.threats[0].priority = Priority::High;
    fails(
        &a,
        "coverage",
        "1 high-priority item nobody asks about: “Reefer failures",
        Part::Questions,
    );
    a.questions[0].links.push(a.world.threats[0].id.clone());
    assert_eq!(check(&a, "coverage").verdict, Verdict::Pass);
    let gone = a.world.goals.remove(0);
    assert!(a.questions.iter().all(|q| q.links.contains(&gone.id)));
    fails(&a, "coverage", "11 questions serve nothing", Part::Questions);
    a.questions.clear();
    untested(&a, "coverage");
}

#[test]
fn rehearsed() {
    let mut a = good();
    a.turns.push(Turn::new(
        "Just send me a one-page summary.",
        TurnKind::Pushback,
        now(),
    ));
    fails(
        &a,
        "rehearsed",
        "1 turn never rehearsed: “Just send me",
        Part::Turns,
    );
    let a = good();
    let due = a.turns[0].due();
    assert!(due > now(), "graded easy, due later");
    let late = check_at(&a, "rehearsed", due + days(1));
    assert_eq!(late.verdict, Verdict::Fail, "{}", late.why);
    assert!(late.why.contains("1 turn overdue"), "{}", late.why);
    assert_eq!(
        check_at(&a, "rehearsed", due).verdict,
        Verdict::Pass,
        "due today is not overdue"
    );
    let mut a = good();
    let weak = attempt(&[Outcome::Pass, Outcome::Warn, Outcome::Fail, Outcome::Pass]);
    grade(&mut a, 0, weak, now());
    fails(
        &a,
        "rehearsed",
        "latest attempt passing half its checks or fewer",
        Part::Turns,
    );
    a.turns.clear();
    untested(&a, "rehearsed");
}

#[test]
fn journey() {
    let mut a = good();
    a.journey.quote.clear();
    fails(
        &a,
        "journey",
        "The stage “understanding” is a guess",
        Part::Journey,
    );
    a.journey.evidence = Some(a.world.threats[0].id.clone());
    assert_eq!(
        check(&a, "journey").verdict,
        Verdict::Pass,
        "an item is evidence too"
    );
    let mut a = good();
    let mut sooner = Task::new("Ask the night dispatchers how alarms reach them", now());
    sooner.due = Some(now().date_naive());
    a.tasks.push(sooner);
    fails(
        &a,
        "journey",
        "Their next task “Ask the night dispatchers",
        Part::Journey,
    );
    a.tasks[1].status = TaskStatus::Done;
    assert_eq!(
        check(&a, "journey").verdict,
        Verdict::Pass,
        "a done task is not next"
    );
    a.tasks[0].status = TaskStatus::Dropped;
    fails(&a, "journey", "No open task of theirs", Part::Journey);
    a.tasks.clear();
    a.journey = Default::default();
    untested(&a, "journey");
}

#[test]
fn debrief() {
    let mut a = good();
    a.calls[0].debrief = None;
    fails(&a, "debrief", "has no debrief yet", Part::Calls);
    let mut a = good();
    let missed = planned(&a);
    a.calls.push(Call {
        when: now() - days(1),
        ..missed
    });
    fails(&a, "debrief", "no debrief yet", Part::Calls);
    let mut a = good();
    let d = a.calls[0].debrief.as_mut().unwrap();
    d.changed.clear();
    d.asked = vec![a.questions[0].id.clone()];
    fails(
        &a,
        "debrief",
        "nothing heard went back into their world",
        Part::Calls,
    );
    a.questions[0].status = Status::Answered;
    a.questions[0].answer = "About two hundred thousand a load, once claims are in".into();
    fails(&a, "debrief", "nothing heard went back", Part::Calls);
    answer_to_item(&mut a, 0, Pane::Threats, now()).unwrap();
    let c = check(&a, "debrief");
    assert_eq!(c.verdict, Verdict::Pass, "{}", c.why);
    assert!(c.why.contains("“About two hundred"), "{}", c.why);
    let mut a = good();
    a.calls.remove(0);
    untested(&a, "debrief");
}

#[test]
fn fresh() {
    let mut a = good();
    a.world.market[0].updated = now() - days(59);
    fails(
        &a,
        "fresh",
        "1 entry older than 60 days by the call on 2026-12-03: “Spot rates",
        Part::World(Pane::Market),
    );
    a.calls.pop();
    assert_eq!(
        check(&a, "fresh").verdict,
        Verdict::Pass,
        "without a call, judged now"
    );
    a.people[1].updated = now() - days(90);
    fails(&a, "fresh", "as of now: “Kevin Oduya”", Part::World(Pane::People));
    untested(&Account::new("Blank", now()), "fresh");
}

/// A scorecard of `pass` passes, `fail` failures and `skip` checks not tested.
fn card(pass: usize, fail: usize, skip: usize) -> Scorecard {
    let one = |verdict| Check {
        id: "x",
        title: "x",
        verdict,
        why: String::new(),
        fix: Part::Questions,
    };
    let mut checks = vec![one(Verdict::Pass); pass];
    checks.extend(vec![one(Verdict::Fail); fail]);
    checks.extend(vec![one(Verdict::NotTested); skip]);
    Scorecard { checks }
}

#[test]
fn the_score_is_the_share_of_tested_checks_passed_rounded_down() {
    for (pass, fail, skip, score, band) in [
        (10, 0, 0, Some(100), Band::Gold),
        (9, 1, 0, Some(90), Band::Gold),
        (8, 1, 1, Some(88), Band::Silver),
        (3, 1, 6, Some(75), Band::Silver),
        (5, 2, 3, Some(71), Band::Bronze),
        (2, 1, 7, Some(66), Band::Bronze),
        (1, 1, 8, Some(50), Band::Bronze),
        (4, 5, 1, Some(44), Band::Below),
        (0, 3, 7, Some(0), Band::Below),
        (1, 0, 9, Some(100), Band::Gold),
        (0, 0, 10, None, Band::Untested),
        (0, 0, 0, None, Band::Untested),
    ] {
        let c = card(pass, fail, skip);
        assert_eq!(
            (c.score(), c.band()),
            (score, band),
            "{pass} pass, {fail} fail, {skip} skip"
        );
        assert_eq!((c.passed(), c.tested()), (pass, pass + fail));
    }
}

#[test]
fn verdicts_and_bands_have_their_words() {
    let marks: Vec<(char, char, &str)> = [Verdict::Pass, Verdict::Fail, Verdict::NotTested]
        .into_iter()
        .map(|v| (v.symbol(), v.letter(), v.word()))
        .collect();
    assert_eq!(
        marks,
        [('✓', 'P', "pass"), ('✗', 'F', "fail"), ('·', '-', "not tested")]
    );
    assert_eq!(serde_json::to_value(Verdict::NotTested).unwrap(), "not-tested");
    assert_eq!(Band::Below.word(), "below");
    assert_eq!(Part::World(Pane::WhyChange).place(), "the world: Why change");
}

#[test]
fn readme_documents_the_rubric_in_its_own_words() {
    let readme = include_str!("../README.md");
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("## The scorecard"), "no scorecard section");
    for (n, (id, title, what)) in RUBRIC.iter().enumerate() {
        assert!(flat.contains(title), "README lacks the title {title:?}");
        assert!(flat.contains(what), "README lacks what {id} checks: {what:?}");
        assert!(
            flat.contains(&format!("{}. **{title}** (`{id}`)", n + 1)),
            "README lacks {id} in order"
        );
    }
}

#[test]
fn the_export_holds_the_scorecard() {
    let a = good();
    let md = callbook::domain::export::markdown(&a, &[], &team());
    let at = md.find("\n## Scorecard\n").expect("a Scorecard section");
    let section = &md[at..];
    assert!(
        section.contains("**Score: 100, Gold** (12 of 12 tested checks pass"),
        "{section}"
    );
    for (n, (_, title, _)) in RUBRIC.iter().enumerate() {
        assert!(
            section.contains(&format!("{}. ✓ **{title}** (pass): ", n + 1)),
            "{section}"
        );
    }
    let mut b = good();
    b.people[0].role = Role::User;
    let md = callbook::domain::export::markdown(&b, &[], &team());
    assert!(md.contains("(fail): No economic buyer"), "{md}");
    assert!(md.contains("_Fix in the world: People._"), "{md}");
    let blank = callbook::domain::export::markdown(&Account::new("Blank", now()), &[], &Default::default());
    assert!(blank.contains("**Score: none yet**"), "{blank}");
}

#[test]
fn a_no_puts_the_account_outside_and_an_unknown_leaves_it_untested() {
    let mut a = good();
    a.fit
        .set("size", Answer::No, "60 vans; the rest is subcontracted", now());
    fails(
        &a,
        "sweet-spot",
        "Outside: no to “Do they run more than 200 vehicles?”",
        Part::Fit,
    );
    a.fit.set("size", Answer::Unknown, "", now());
    untested(&a, "sweet-spot");
    assert!(check(&a, "sweet-spot").why.contains("1 criterion not known yet"));
    a.fit.answers.clear();
    assert!(check(&a, "sweet-spot").why.contains("2 criteria not known yet"));
    let card = scorecard(&good(), &Team::default(), now());
    let c = card.checks.iter().find(|c| c.id == "sweet-spot").unwrap();
    assert_eq!(c.verdict, Verdict::NotTested, "no criteria, nothing to judge");
}

#[test]
fn a_high_priority_goal_needs_a_complete_scenario() {
    let mut a = good();
    a.scenarios[0].result = "things get better for the depot".into();
    fails(
        &a,
        "scenarios",
        "No complete scenario for “Open a depot in Sioux Falls”",
        Part::Fit,
    );
    let mut b = good();
    b.scenarios[0].offering = "gone".into();
    fails(&b, "scenarios", "Open a depot", Part::Fit);
    let mut c = good();
    c.scenarios[0].serves = c.world.goals[1].id.clone();
    fails(&c, "scenarios", "Open a depot", Part::Fit);
    let mut d = good();
    d.world.goals[0].priority = Priority::Medium;
    untested(&d, "scenarios");
}
