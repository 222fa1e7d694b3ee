//! The built-in common turns (`assets/turns.json`) and the turns suggested from an account
//! (issue 4, "Turns"): the file's shape, that every prepared response is customer-focused
//! and asks back, and that suggestions come from every pane, read naturally and are never
//! repeats of turns the account already holds.

use callbook::domain::lint::{Kind, lint};
use callbook::domain::turn::{Turn, TurnKind};
use callbook::domain::turns::{self, CommonTurn, TURNS_SCHEMA, TurnSuggestion, common, suggest};
use callbook::domain::{Account, ItemId, Pane, Person, Role, sample};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use strum::IntoEnumIterator;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn ashcombe() -> Account {
    sample::account(now())
}

/// Why `response` is not a customer-focused answer that asks back, if it isn't.
fn fault(response: &str) -> Option<String> {
    let l = lint(response, None);
    if !l.flags.is_empty() {
        let rules: Vec<&str> = l.flags.iter().map(|f| f.rule.name()).collect();
        return Some(format!("flagged {rules:?}"));
    }
    if !response.trim_end().ends_with('?') || l.kind != Kind::Question {
        return Some(format!(
            "does not end in a question back (linted as {})",
            l.kind.name()
        ));
    }
    None
}

/// The suggestions drawn from the account itself, not the common set.
fn from_account(list: &[TurnSuggestion]) -> Vec<&TurnSuggestion> {
    list.iter().filter(|s| !s.source.starts_with("common")).collect()
}

#[test]
fn common_turns_parse_with_enough_unique_turns_of_every_kind() {
    let file = turns::builtin();
    assert_eq!(file.schema, TURNS_SCHEMA);
    let list = common();
    assert!(list.len() >= 30, "{} common turns", list.len());
    let mut lines = HashSet::new();
    for (i, t) in list.iter().enumerate() {
        assert_eq!(t.id, format!("t{:03}", i + 1), "ids run t001, t002, ...");
        assert!(lines.insert(t.line.to_lowercase()), "duplicate line {:?}", t.line);
        assert!(!t.line.trim().is_empty() && t.line.trim() == t.line, "{}", t.id);
    }
    for kind in TurnKind::iter() {
        let n = list.iter().filter(|t| t.kind == kind).count();
        assert!(n >= 4, "only {n} common turns are a {}", kind.name());
    }
}

#[test]
fn common_turns_cover_the_classic_objections() {
    let list = common();
    let has = |words: &str| list.iter().any(|t| t.line.to_lowercase().contains(words));
    for words in [
        "budget",
        "next quarter",
        "works fine",
        "send me some information",
        "tried something like this before",
        "talk to my boss",
        "contract",
        "build this ourselves",
        "security",
        "bandwidth",
        "reference",
        "risk",
    ] {
        assert!(has(words), "no common turn says {words:?}");
    }
}

#[test]
fn turns_file_is_in_the_written_form() {
    let file = include_str!("../assets/turns.json");
    let written = serde_json::to_string_pretty(&turns::builtin()).unwrap() + "\n";
    assert!(
        written == file,
        "assets/turns.json is not pretty-printed as serde writes it"
    );
}

#[test]
fn common_responses_are_customer_focused_and_ask_back() {
    let faults: Vec<String> = common()
        .iter()
        .filter_map(|t: &CommonTurn| fault(&t.response).map(|f| format!("{}: {f}: {}", t.id, t.response)))
        .collect();
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn the_response_check_can_fail() {
    assert!(fault("We offer the best platform on the market, and it pays for itself.").is_some());
    assert!(fault("Understood. I'll send the brochure today.").is_some());
    assert!(fault("Fair point. What would have to change for this to be worth a look?").is_none());
}

#[test]
fn suggestions_come_from_every_pane_of_the_sample() {
    let a = ashcombe();
    let list = suggest(&a);
    let mine = from_account(&list);
    for pane in [Pane::Competitors, Pane::Threats, Pane::Goals, Pane::Market] {
        for item in a.items(pane).unwrap() {
            let n = mine.iter().filter(|s| s.links == vec![item.id.clone()]).count();
            assert_eq!(n, 1, "{} {:?} gives {n} suggestions", pane.title(), item.text);
        }
    }
    for p in &a.people {
        let theirs: Vec<_> = mine.iter().filter(|s| s.who.as_ref() == Some(&p.id)).collect();
        assert_eq!(theirs.len(), 1, "{} gives {} suggestions", p.name, theirs.len());
        assert!(theirs[0].source.contains(&p.name), "{}", theirs[0].source);
    }
    let linked: usize = [Pane::Competitors, Pane::Threats, Pane::Goals, Pane::Market]
        .iter()
        .map(|&p| a.len(p))
        .sum();
    assert_eq!(
        mine.len(),
        linked + a.people.len(),
        "every account suggestion is explained"
    );
    let common_lines: Vec<&str> = list[mine.len()..].iter().map(|s| s.line.as_str()).collect();
    let expected: Vec<String> = common().into_iter().map(|t| t.line).collect();
    assert_eq!(common_lines, expected, "the common turns follow, all of them");
}

#[test]
fn suggestions_point_at_real_items_and_people() {
    let a = ashcombe();
    let items: HashSet<&ItemId> = Pane::ALL
        .into_iter()
        .filter_map(|p| a.items(p))
        .flatten()
        .map(|it| &it.id)
        .collect();
    let people: HashSet<&ItemId> = a.people.iter().map(|p| &p.id).collect();
    for s in suggest(&a) {
        assert!(s.links.iter().all(|id| items.contains(id)), "{s:?}");
        assert!(s.who.iter().all(|id| people.contains(id)), "{s:?}");
        assert!(!s.source.is_empty() && !s.line.is_empty(), "{s:?}");
    }
}

#[test]
fn account_suggestions_read_naturally() {
    let list = suggest(&ashcombe());
    let lines: Vec<&str> = list.iter().map(|s| s.line.as_str()).collect();
    for expected in [
        "What would this do for us against Polar Line Transport?",
        "We're losing work to shipper private fleets on price, so this isn't the year to spend money.",
        "Where does this fit with our goal to grow pharma and biologics freight?",
        "I can't approve new spend unless it shows up in margin per loaded mile.",
        "IT will have to review this, and integration with our transport management system is the first thing we'll look at.",
        "I'm not sure why I'm on this call; RFP win rate and pricing is what I'm measured on.",
        "How are other companies handling this: grocers will require scope 3 emissions data?",
        "Where does this fit with our goal to put electric transport refrigeration units?",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in {lines:#?}");
    }
    for s in from_account(&list) {
        let text = format!("{} {}", s.line, s.response);
        assert!(!text.contains(['{', '}']), "unfilled: {text}");
        let lower = text.to_lowercase();
        assert!(
            !lower.contains(" their ") && !lower.contains("probably"),
            "{text}"
        );
        assert!(
            !s.line.contains("your goal"),
            "the customer says 'our goal': {}",
            s.line
        );
    }
    let goal = list
        .iter()
        .find(|s| s.line.starts_with("Where does this fit"))
        .unwrap();
    assert!(
        goal.response.contains("your goal to grow pharma"),
        "{}",
        goal.response
    );
}

#[test]
fn account_suggestion_responses_are_customer_focused_and_ask_back() {
    // Six entries in every list, so every template of every pane is used at least once.
    let mut a = ashcombe();
    for pane in [Pane::Competitors, Pane::Threats, Pane::Goals, Pane::Market] {
        let items = a.items_mut(pane).unwrap();
        for i in items.len()..6 {
            let mut copy = items[i % items.len()].clone();
            copy.id = ItemId(format!("copy{i:04}"));
            items.push(copy);
        }
    }
    let list = suggest(&a);
    let faults: Vec<String> = from_account(&list)
        .iter()
        .filter_map(|s| fault(&s.response).map(|f| format!("{f}: {}", s.response)))
        .collect();
    assert!(faults.is_empty(), "{faults:#?}");
    let kinds: HashSet<TurnKind> = from_account(&list).iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds.len(),
        TurnKind::iter().count(),
        "account suggestions of every kind"
    );
}

#[test]
fn suggestions_skip_lines_the_account_already_has() {
    let mut a = ashcombe();
    let before = suggest(&a);
    let taken = [before[0].line.clone(), before[before.len() - 1].line.clone()];
    for line in &taken {
        let mut turn = Turn::new("", TurnKind::Question, now());
        turn.line = format!("  {}  ", line.to_uppercase());
        a.turns.push(turn);
    }
    let after = suggest(&a);
    assert_eq!(after.len(), before.len() - 2);
    for line in &taken {
        assert!(after.iter().all(|s| &s.line != line), "{line:?} is offered again");
    }
    let sample_lines: HashSet<String> = ashcombe().turns.iter().map(|t| t.line.to_lowercase()).collect();
    assert!(
        after
            .iter()
            .all(|s| !sample_lines.contains(&s.line.to_lowercase()))
    );
}

#[test]
fn an_empty_account_gets_just_the_common_turns() {
    let list = suggest(&Account::new("Empty", now()));
    let common = common();
    assert_eq!(list.len(), common.len());
    for (s, t) in list.iter().zip(&common) {
        assert_eq!((&s.line, s.kind, &s.response), (&t.line, t.kind, &t.response));
        assert!(s.who.is_none() && s.links.is_empty(), "{s:?}");
        assert_eq!(s.source, format!("common {}", t.kind.name()));
        assert!(!s.source.contains(&t.id), "{}", s.source);
    }
}

#[test]
fn a_person_without_cares_still_gets_a_line_for_their_role() {
    let mut a = Account::new("Small", now());
    let mut p = Person {
        id: ItemId("abcd1234".into()),
        name: "Sam Hart".into(),
        title: String::new(),
        role: Role::EconomicBuyer,
        cares_about: String::new(),
        notes: String::new(),
        their_words: String::new(),
        created: now(),
        updated: now(),
        extra: Default::default(),
    };
    a.people.push(p.clone());
    p.id = ItemId("efgh5678".into());
    p.role = Role::Technical;
    a.people.push(p);
    let list = suggest(&a);
    let lines: Vec<&str> = list.iter().take(2).map(|s| s.line.as_str()).collect();
    assert_eq!(
        lines,
        [
            "I can't approve new spend unless it shows up in the numbers I'm measured on.",
            "IT will have to review this, and security is the first thing we'll look at.",
        ]
    );
    assert_eq!(list[0].kind, TurnKind::Objection);
    assert_eq!(list[1].kind, TurnKind::Concern);
}

#[test]
fn suggestions_are_deterministic() {
    assert_eq!(suggest(&ashcombe()), suggest(&ashcombe()));
}

#[test]
fn no_suggestion_shows_an_id() {
    let mut account = ashcombe();
    // A person with no role and no cares still reads as words.
    account.people.push(Person::new("Noor Haddad", now()));
    let ids: Vec<String> = account
        .people
        .iter()
        .map(|p| p.id.to_string())
        .chain(
            Pane::ALL
                .iter()
                .flat_map(|&p| account.items(p).into_iter().flatten().map(|i| i.id.to_string())),
        )
        .chain(common().into_iter().map(|t| t.id))
        .collect();
    let list = suggest(&account);
    assert!(list.len() > common().len(), "the world adds suggestions");
    for s in &list {
        for text in [&s.source, &s.line, &s.response] {
            for id in &ids {
                assert!(!text.contains(id.as_str()), "{id} in {text:?}");
            }
            assert!(!text.contains("ItemId") && !text.contains("{x}"), "{text:?}");
        }
    }
    let sources: Vec<&str> = list.iter().map(|s| s.source.as_str()).collect();
    assert!(sources.contains(&"common objection"), "{sources:?}");
    assert!(
        sources.contains(&"from person “Noor Haddad” (role unknown)"),
        "{sources:?}"
    );
}

#[test]
fn the_readme_counts_the_common_turns() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let said = format!("and {} common ones", common().len());
    assert!(
        readme
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&said),
        "README lacks {said:?}"
    );
}
