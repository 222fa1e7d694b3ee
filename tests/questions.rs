//! The question plan's domain: ranking the bank for an account, plan edits, answers that
//! become world items, and plan health. Pure functions, no terminal, no files.

use callbook::domain::bank::{BankQuestion, Category, Spin};
use callbook::domain::form::{EditError, Form};
use callbook::domain::health::{self, AIM};
use callbook::domain::plan::{self, Question, QuestionForm, Status};
use callbook::domain::rank::{self, rank, short_phrase};
use callbook::domain::{Account, Item, Pane, Person, Priority, sample};
use chrono::{DateTime, Utc};

fn noon() -> DateTime<Utc> {
    "2026-11-23T12:00:00Z".parse().unwrap()
}

fn bq(id: &str, text: &str, pane: Option<Pane>, spin: Spin, open: bool) -> BankQuestion {
    BankQuestion {
        id: id.into(),
        text: text.into(),
        category: Category::GoalsAndVision,
        pane,
        spin,
        open,
        extra: Default::default(),
    }
}

fn item(text: &str, priority: Priority) -> Item {
    let mut it = Item::new(text, noon());
    it.priority = priority;
    it
}

fn account() -> Account {
    let mut a = Account::new("Harbor Mills", noon());
    a.world
        .goals
        .push(item("Double output at the Toledo plant", Priority::High));
    a.world
        .goals
        .push(item("Cut scrap rates on line 3", Priority::Low));
    a.world.threats.push(item(
        "A new mill opening in Ohio, pricing aggressively",
        Priority::Medium,
    ));
    a.people.push(Person::new("Dana Ruiz", noon()));
    a
}

#[test]
fn placeholders_are_filled_and_serve_their_item() {
    let bank = [bq(
        "b1",
        "What happens to {goal} if nothing changes this year?",
        Some(Pane::Goals),
        Spin::Implication,
        true,
    )];
    let a = account();
    let ranked = rank(&bank, &a);
    assert_eq!(ranked.len(), 2, "one variant per goal");
    let top = &ranked[0];
    assert_eq!(
        top.text,
        "What happens to your goal to double output at the Toledo plant if nothing changes this year?"
    );
    assert_eq!(
        top.serves,
        Some((Pane::Goals, a.world.goals[0].id.clone())),
        "the high-priority goal first"
    );
    assert!(
        top.reasons
            .iter()
            .any(|r| r.contains("no planned question asks about")),
        "{:?}",
        top.reasons
    );
}

#[test]
fn unasked_panes_and_deeper_questions_rank_higher() {
    let bank = [
        bq(
            "s",
            "How many shifts does the plant run?",
            Some(Pane::Goals),
            Spin::Situation,
            true,
        ),
        bq(
            "i",
            "What does scrap on line 3 cost you each month?",
            Some(Pane::Goals),
            Spin::Implication,
            true,
        ),
        bq(
            "t",
            "Who feels it first when a rival mill cuts prices?",
            Some(Pane::Threats),
            Spin::Problem,
            true,
        ),
    ];
    let mut a = account();
    let order = |a: &Account| {
        rank(&bank, a)
            .iter()
            .map(|s| bank[s.bank].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&a).last().map(String::as_str), Some("s"), "situation sinks");
    // Once a planned question serves every goal, the threat question rises above the goal ones.
    let links = a.world.goals.iter().map(|g| g.id.clone()).collect();
    a.questions.push(Question::new(
        "What would doubling output change?",
        links,
        None,
        noon(),
    ));
    assert_eq!(order(&a)[0], "t");
}

#[test]
fn shared_words_pick_the_item_served_and_say_so() {
    let bank = [bq(
        "i",
        "What does scrap cost you each month?",
        Some(Pane::Goals),
        Spin::Implication,
        true,
    )];
    let a = account();
    let s = &rank(&bank, &a)[0];
    assert_eq!(s.serves, Some((Pane::Goals, a.world.goals[1].id.clone())));
    assert!(
        s.reasons.iter().any(|r| r.contains("1 word shared")),
        "{:?}",
        s.reasons
    );
}

#[test]
fn questions_already_planned_are_not_suggested() {
    let bank = [bq(
        "p",
        "Who else signs off on this?",
        None,
        Spin::Situation,
        true,
    )];
    let mut a = account();
    assert_eq!(rank(&bank, &a).len(), 1);
    a.questions.push(Question::new(
        "who else signs off on this?",
        Vec::new(),
        None,
        noon(),
    ));
    assert!(rank(&bank, &a).is_empty());
}

#[test]
fn short_phrases_read_naturally() {
    assert_eq!(
        short_phrase(Pane::Goals, "Grow pharma freight to 20%, by 2028"),
        "your goal to grow pharma freight to 20%"
    );
    assert_eq!(
        short_phrase(Pane::Goals, "Cut empty miles from 17% to under 12% by Q4"),
        "your goal to cut empty miles"
    );
    assert_eq!(
        short_phrase(Pane::Goals, "Keep 98.5% on-time for the top 10 shippers"),
        "your goal to keep 98.5% on-time"
    );
    assert_eq!(
        short_phrase(Pane::Threats, "Their largest customer re-tenders in Q2"),
        "their largest customer re-tenders in Q2"
    );
    assert_eq!(
        short_phrase(Pane::Competitors, "Polar Line Transport, a national carrier"),
        "Polar Line Transport"
    );
    assert_eq!(
        short_phrase(Pane::Market, "EU rules on cold chain (2027)"),
        "EU rules on cold chain"
    );
    assert!(rank::words("The plants' scrap rates").contains("plant"));
}

#[test]
fn editing_a_question_validates_and_keeps_its_id() {
    let mut a = account();
    let form = |t: &str, s: &str| -> Result<QuestionForm, EditError> {
        let mut form = QuestionForm {
            text: t.to_string(),
            ..QuestionForm::default()
        };
        form.set("status", s)?;
        Ok(form)
    };
    assert!(
        form("  ", "planned")
            .unwrap()
            .apply(&mut a, None, false, noon())
            .is_err()
    );
    assert!(form("Why now?", "someday").is_err());
    assert!(a.questions.is_empty(), "a refused edit changes nothing");
    let i = form("Why now?", "planned")
        .unwrap()
        .apply(&mut a, None, false, noon())
        .unwrap();
    let id = a.questions[i].id.clone();
    form("Why this quarter?", "answered")
        .unwrap()
        .apply(&mut a, Some(i), true, noon())
        .unwrap();
    let q = &a.questions[i];
    assert_eq!(
        (q.id.clone(), q.text.as_str(), q.status, q.kept),
        (id, "Why this quarter?", Status::Answered, true)
    );
    assert_eq!(Status::Answered.next(), Status::Planned);
}

#[test]
fn an_answer_becomes_a_world_item_in_their_words() {
    let mut a = account();
    let mut q = Question::new("What keeps you up at night?", Vec::new(), None, noon());
    q.answer = "Losing the Kroger contract\nwould sink the year".into();
    a.questions.push(q);
    assert!(plan::answer_to_item(&mut a, 0, Pane::Threats, noon()).is_ok());
    let threat = a.world.threats.last().unwrap();
    assert_eq!(threat.text, "Losing the Kroger contract …");
    assert_eq!(
        threat.their_words,
        "Losing the Kroger contract\nwould sink the year"
    );
    assert!(threat.source.contains("What keeps you up at night?"));
    assert_eq!(a.questions[0].links, vec![threat.id.clone()]);
    a.questions[0].answer.clear();
    assert!(
        plan::answer_to_item(&mut a, 0, Pane::Goals, noon()).is_err(),
        "no answer, no item"
    );
}

#[test]
fn health_counts_and_warns() {
    let mut a = account();
    let goal = a.world.goals[0].id.clone();
    for text in [
        "What happens to output if nothing changes?",
        "How does the scrap problem show up for your team?",
        "You need our seamless platform",
        "Is the budget approved?",
    ] {
        a.questions
            .push(Question::new(text, vec![goal.clone()], None, noon()));
    }
    a.questions.push(Question::new(
        "How many plants do you run?",
        Vec::new(),
        None,
        noon(),
    ));
    let h = health::health(&a, &[]);
    assert_eq!(h.count, 5);
    assert_eq!(h.concerns, 1, "the opinion is counted");
    assert_eq!(h.orphans, 1);
    assert_eq!((h.open, h.closed), (3, 1));
    assert!(h.unasked.is_empty(), "the high-priority goal is asked about");
    let warnings = h.warnings().join("\n");
    assert!(
        warnings.contains("opinion") && warnings.contains(&format!("aims at {}-{}", AIM.start(), AIM.end())),
        "{warnings}"
    );
    assert!(warnings.contains("1 question serves nothing"), "{warnings}");
}

#[test]
fn health_flags_high_priority_items_nobody_asks_about_and_long_plans() {
    let mut a = account();
    let h = health::health(&a, &[]);
    assert_eq!(h.unasked.len(), 1);
    assert_eq!(h.unasked[0].2, "Double output at the Toledo plant");
    let warning = h.warnings().join("\n");
    assert!(
        warning.contains("nobody asks about: \"Double output at the Toledo…\""),
        "{warning}"
    );
    for n in 0..21 {
        a.questions.push(Question::new(
            &format!("What would change for team {n}?"),
            Vec::new(),
            None,
            noon(),
        ));
    }
    assert!(
        health::health(&a, &[])
            .warnings()
            .iter()
            .any(|w| w.contains("more than a call holds"))
    );
}

#[test]
fn the_sample_ranks_quickly_into_a_useful_list() {
    let a = sample::account(noon());
    let bank = callbook::domain::bank::builtin().questions;
    let ranked = rank(&bank, &a);
    assert!(ranked.len() >= bank.len() / 2);
    let top = &ranked[0];
    assert!(
        top.serves.is_some() && bank[top.bank].spin != Spin::Situation,
        "{top:?}"
    );
}

#[test]
fn health_trusts_the_bank_for_questions_taken_from_it() {
    let mut a = account();
    let bank = [bq(
        "b9",
        "What needs to happen internally for this to move forward?",
        None,
        Spin::Problem,
        true,
    )];
    a.questions.push(Question::new(
        &bank[0].text,
        Vec::new(),
        Some("b9".into()),
        noon(),
    ));
    assert_eq!(health::health(&a, &bank).spin[Spin::Problem as usize], 1);
    // Edited by the rep, it is judged afresh.
    a.questions[0].text = "How many sites do you run?".into();
    assert_eq!(health::health(&a, &bank).spin[Spin::Problem as usize], 0);
}

#[test]
fn export_shows_the_plan_with_health_links_and_answers() {
    let mut a = account();
    let goal = a.world.goals[0].id.clone();
    let mut q = Question::new(
        "What happens to output if nothing changes?",
        vec![goal],
        None,
        noon(),
    );
    q.status = Status::Answered;
    q.answer = "We lose the Kroger slot".into();
    a.questions.push(q);
    let md = callbook::domain::export::markdown(&a, &[], &Default::default());
    let plan = &md[md.find("## Question plan").expect("a plan section")..];
    assert!(plan.contains("**Plan health:** 1 question (aim 11-14)"), "{plan}");
    assert!(
        plan.contains("1. What happens to output if nothing changes? _[answered]_"),
        "{plan}"
    );
    assert!(
        plan.contains("serves Goals: Double output at the Toledo plant"),
        "{plan}"
    );
    assert!(plan.contains("heard: > We lose the Kroger slot"), "{plan}");
    assert!(plan.contains("discovery call aims at 11-14"), "{plan}");
}

#[test]
fn export_lists_the_turns_with_who_and_how_rehearsal_stands() {
    use callbook::domain::turn::{Turn, TurnKind};
    let mut a = account();
    let mut t = Turn::new("Why not stay with Keystone?", TurnKind::Objection, noon());
    t.who = Some(a.people[0].id.clone());
    t.response = "What would have to be true for a change to be worth it?".into();
    a.turns.push(t);
    a.turns
        .push(Turn::new("Send me something", TurnKind::Pushback, noon()));
    let md = callbook::domain::export::markdown(&a, &[], &Default::default());
    let turns = &md[md.find("## Anticipated turns").expect("a turns section")..];
    assert!(turns.contains("### “Why not stay with Keystone?”"), "{turns}");
    assert!(turns.contains("- **Who:** Dana Ruiz"), "{turns}");
    assert!(turns.contains("- **Kind:** objection"), "{turns}");
    assert!(
        turns.contains("What would have to be true for a change to be worth it?"),
        "{turns}"
    );
    assert!(turns.contains("- **Who:** the customer"), "{turns}");
    assert_eq!(turns.matches("- **Rehearsed:** never").count(), 2, "{turns}");
    let attempt = callbook::domain::turn::Attempt {
        at: noon(),
        answer: "What would it be worth?".into(),
        checks: Vec::new(),
        grade: 3,
        due: noon(),
        first_key_secs: 1.0,
        total_secs: 9.0,
        extra: Default::default(),
    };
    let due = callbook::domain::turn::grade(&mut a, 0, attempt, noon()).unwrap();
    let md = callbook::domain::export::markdown(&a, &[], &Default::default());
    let expected = format!(
        "- **Rehearsed:** 1 attempt, last graded 3, next due {}",
        due.format("%Y-%m-%d")
    );
    assert!(md.contains(&expected), "{md}");
}
