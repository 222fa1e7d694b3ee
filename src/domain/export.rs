//! Export: an account as a Markdown document a rep can read, print or share. Pure: account
//! in, text out. Every piece of text from the account is cleaned of control characters,
//! so the document is safe to print on a terminal. The call side (journey, tasks, the
//! call sheet, calls and debriefs) is written by `calls`, the scorecard by `scorecard`.
//! `html` writes the same, with the comments, as one self-contained printable page.

mod calls;
mod fit;
mod html;
mod scorecard;

pub use html::{escape, html};

use super::account::{Account, Item, Pane, Person, Priority};
use super::bank::BankQuestion;
use super::form::Choice;
use super::text::clean;
use super::{health, plan};
use crate::domain::team::Team;

/// The account as Markdown: its name as the title, the profile, then one section per pane
/// in [`Pane::ALL`] order, each entry with its priority, source, notes and the customer's
/// own words (as a blockquote); then the fit against the team's sweet spot and the usage
/// scenarios with their gaps, the question plan, the turns, the customer's journey
/// and tasks, the call sheet of the next call (as of the account's last change: the
/// export reads no clock), every call with its debrief, and the scorecard (judged as of
/// the last change too) and the comments with their replies. Empty parts say so rather than vanish, so a reader can tell
/// "nothing known" from "left out".
pub fn markdown(account: &Account, bank: &[BankQuestion], team: &Team) -> String {
    let mut doc = String::new();
    doc.push_str(&format!("# {}\n\n", line(&account.name)));
    doc.push_str(&format!(
        "_Updated {}_\n\n",
        account.last_change().format("%Y-%m-%d %H:%M UTC")
    ));
    profile(&mut doc, account);
    for pane in Pane::ALL {
        doc.push_str(&format!("## {}\n\n", pane.title()));
        if account.len(pane) == 0 {
            doc.push_str("_Nothing yet._\n\n");
        }
        match account.items(pane) {
            Some(items) => items.iter().for_each(|it| item(&mut doc, it)),
            None => account.people.iter().for_each(|p| person(&mut doc, p)),
        }
    }
    fit::markdown_fit(&mut doc, account, team);
    fit::markdown_scenarios(&mut doc, account, team);
    question_plan(&mut doc, account, bank);
    turns(&mut doc, account);
    calls::journey(&mut doc, account);
    calls::tasks(&mut doc, account);
    calls::sheet(&mut doc, account, team.offerings());
    calls::calls(&mut doc, account);
    scorecard::section(&mut doc, account, team);
    scorecard::comments(&mut doc, account);
    // Exactly one final newline, as text files end.
    let end = doc.trim_end().len();
    doc.truncate(end);
    doc.push('\n');
    doc
}

/// The anticipated turns: what the customer may say, who, the prepared response, and how
/// rehearsal stands (attempts, last grade, next due).
fn turns(doc: &mut String, account: &Account) {
    doc.push_str("## Anticipated turns\n\n");
    if account.turns.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for t in &account.turns {
        let who = t
            .who
            .as_ref()
            .and_then(|id| account.people.iter().find(|p| &p.id == id));
        let who = who.map_or("the customer".to_owned(), |p| line(&p.name));
        doc.push_str(&format!("### “{}”\n\n", line(&t.line)));
        fact(doc, "Kind", t.kind.name());
        fact(doc, "Who", &who);
        let rehearsed = match (t.attempts.last(), &t.schedule) {
            (Some(a), Some(s)) => format!(
                "{} attempt{}, last graded {}, next due {}",
                t.attempts.len(),
                if t.attempts.len() == 1 { "" } else { "s" },
                a.grade,
                s.due.format("%Y-%m-%d")
            ),
            _ => "never".to_owned(),
        };
        fact(doc, "Rehearsed", &rehearsed);
        doc.push('\n');
        paragraph(doc, &t.response);
    }
}

/// The question plan: its health, then each question in order with its status, the items
/// it serves, and the answer heard.
fn question_plan(doc: &mut String, account: &Account, bank: &[BankQuestion]) {
    doc.push_str("## Question plan\n\n");
    let h = health::health(account, bank);
    doc.push_str(&format!("**Plan health:** {}\n\n", h.summary()));
    for warning in h.warnings() {
        doc.push_str(&format!("- ⚠ {warning}\n"));
    }
    if !h.warnings().is_empty() {
        doc.push('\n');
    }
    if account.questions.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for (n, q) in account.questions.iter().enumerate() {
        let status = q.status.word();
        let kept = if q.kept {
            " (kept although the linter objects)"
        } else {
            ""
        };
        doc.push_str(&format!("{}. {} _[{status}]_{kept}\n", n + 1, line(&q.text)));
        for (pane, text) in q.links.iter().filter_map(|id| plan::find_item(account, id)) {
            doc.push_str(&format!("   - serves {}: {}\n", pane.title(), line(text)));
        }
        if !q.answer.trim().is_empty() {
            doc.push_str(&format!("   - heard: > {}\n", line(&q.answer)));
        }
    }
    doc.push('\n');
}

/// The profile section: industry and website as a list, the summary as a paragraph.
fn profile(doc: &mut String, account: &Account) {
    let p = &account.profile;
    doc.push_str("## Profile\n\n");
    if p.industry.trim().is_empty() && p.website.trim().is_empty() && p.summary.trim().is_empty() {
        doc.push_str("_Nothing yet._\n\n");
        return;
    }
    fact(doc, "Industry", &p.industry);
    fact(doc, "Website", &p.website);
    doc.push('\n');
    paragraph(doc, &p.summary);
}

/// One item: its text as a heading, then priority, source, notes and their words.
fn item(doc: &mut String, it: &Item) {
    doc.push_str(&format!("### {}\n\n", line(&it.text)));
    fact(doc, "Priority", priority(it.priority));
    fact(doc, "Source", &it.source);
    doc.push('\n');
    paragraph(doc, &it.notes);
    quote(doc, &it.their_words);
}

/// One person: name and title as a heading, role, what they care about, notes, words.
fn person(doc: &mut String, p: &Person) {
    let title = line(&p.title);
    if title.is_empty() {
        doc.push_str(&format!("### {}\n\n", line(&p.name)));
    } else {
        doc.push_str(&format!("### {}, {title}\n\n", line(&p.name)));
    }
    fact(doc, "Role in the decision", &p.role.word().replace('-', " "));
    doc.push('\n');
    if !p.cares_about.trim().is_empty() {
        paragraph(
            doc,
            &format!("**What they care about:** {}", p.cares_about.trim()),
        );
    }
    paragraph(doc, &p.notes);
    quote(doc, &p.their_words);
}

/// How a priority reads in the document.
fn priority(p: Priority) -> &'static str {
    match p {
        Priority::None => "not set",
        _ => p.word(),
    }
}

/// `- **Label:** value`, skipped when the value is blank.
fn fact(doc: &mut String, label: &str, value: &str) {
    let value = line(value);
    if !value.is_empty() {
        doc.push_str(&format!("- **{label}:** {value}\n"));
    }
}

/// Several lines of text as a paragraph, skipped when blank.
fn paragraph(doc: &mut String, text: &str) {
    let text = block(text);
    if !text.is_empty() {
        doc.push_str(&format!("{text}\n\n"));
    }
}

/// The customer's own words as a blockquote, every line quoted, skipped when blank.
fn quote(doc: &mut String, text: &str) {
    let text = block(text);
    if text.is_empty() {
        return;
    }
    for l in text.lines() {
        let l = l.trim_end();
        if l.is_empty() {
            doc.push_str(">\n");
        } else {
            doc.push_str(&format!("> {l}\n"));
        }
    }
    doc.push('\n');
}

/// One line of text: trimmed, newlines folded to spaces, control characters replaced.
fn line(s: &str) -> String {
    clean(s.trim(), false).into_owned()
}

/// Several lines of text: trimmed, Windows line ends made plain (a bare `\r` would show
/// as a stand-in), control characters other than newline and tab replaced.
fn block(s: &str) -> String {
    clean(&s.trim().replace("\r\n", "\n"), true).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use crate::domain::fields::{ItemForm, PersonForm};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    fn acme() -> Account {
        let mut a = Account::new("Acme Freight", now());
        a.profile.industry = "Cold-chain logistics".into();
        a.profile.summary = "Regional carrier.\nThirty trucks.".into();
        let goal = ItemForm {
            text: "Open a depot in Ohio".into(),
            notes: "Board approved\nin May".into(),
            their_words: "we need Ohio by Q3".into(),
            source: "Q2 call".into(),
            priority: Priority::High,
        };
        goal.apply(&mut a, Pane::Goals, None, now()).unwrap();
        let threat = ItemForm {
            text: "Diesel prices".into(),
            ..ItemForm::default()
        };
        threat.apply(&mut a, Pane::Threats, None, now()).unwrap();
        let dana = PersonForm {
            name: "Dana Ruiz".into(),
            title: "CFO".into(),
            role: Role::EconomicBuyer,
            cares_about: "Cash flow".into(),
            notes: String::new(),
            their_words: "stop the bleeding".into(),
        };
        dana.apply(&mut a, None, now()).unwrap();
        a
    }

    #[test]
    fn sections_come_in_pane_order_after_profile() {
        let md = markdown(&acme(), &[], &Default::default());
        assert!(md.starts_with("# Acme Freight\n\n"), "{md}");
        let heads = [
            "## Profile",
            "## Goals",
            "## Threats",
            "## Competitors",
            "## Market conditions",
            "## People",
            "## Why change",
        ];
        let at: Vec<usize> = heads
            .iter()
            .map(|h| {
                md.find(&format!("\n{h}\n"))
                    .unwrap_or_else(|| panic!("{h} missing:\n{md}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {at:?}");
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    }

    #[test]
    fn items_carry_priority_notes_words_and_source() {
        let md = markdown(&acme(), &[], &Default::default());
        let goal = "### Open a depot in Ohio\n\n- **Priority:** high\n- **Source:** Q2 call\n\nBoard approved\nin May\n\n> we need Ohio by Q3\n";
        assert!(md.contains(goal), "{md}");
        assert!(
            md.contains("### Diesel prices\n\n- **Priority:** not set\n"),
            "{md}"
        );
        assert!(md.contains("- **Industry:** Cold-chain logistics\n"), "{md}");
        assert!(md.contains("Regional carrier.\nThirty trucks."), "{md}");
    }

    #[test]
    fn people_show_title_role_and_cares() {
        let md = markdown(&acme(), &[], &Default::default());
        let dana = "### Dana Ruiz, CFO\n\n- **Role in the decision:** economic buyer\n\n**What they care about:** Cash flow\n\n> stop the bleeding\n";
        assert!(md.contains(dana), "{md}");
        let mut a = acme();
        a.people[0].role = Role::Unknown;
        a.people[0].title.clear();
        assert!(
            markdown(&a, &[], &Default::default())
                .contains("### Dana Ruiz\n\n- **Role in the decision:** unknown\n")
        );
    }

    #[test]
    fn empty_sections_say_so() {
        let md = markdown(&acme(), &[], &Default::default());
        assert!(md.contains("## Competitors\n\n_Nothing yet._\n"), "{md}");
        let bare = markdown(&Account::new("Bare", now()), &[], &Default::default());
        // The profile, the six panes, the fit, the usage scenarios, the question plan, the
        // anticipated turns, the journey, their tasks, the calls and the comments.
        assert_eq!(bare.matches("_Nothing yet._").count(), 15, "{bare}");
    }

    #[test]
    fn control_characters_never_reach_the_document() {
        let mut a = acme();
        a.name = "Evil\x1b[2J Corp".into();
        a.world.goals[0].their_words = "line one\r\nline\x07 two".into();
        a.people[0].title = "C\u{9b}FO".into();
        let md = markdown(&a, &[], &Default::default());
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
        assert!(md.starts_with("# Evil\u{fffd}[2J Corp\n"), "{md}");
        assert!(md.contains("> line one\n> line\u{fffd} two\n"), "{md}");
    }
    #[test]
    fn comments_close_the_export_with_what_each_is_about_its_state_and_replies() {
        use crate::domain::comment::{Comment, Reply};
        let mut a = acme();
        assert!(markdown(&a, &[], &Default::default()).ends_with("## Comments\n\n_Nothing yet._\n"));
        let goal = a.world.goals[0].id.to_string();
        let mut asked = Comment::new(&goal, "Coach Kim", "Whose\ndeadline is Q3?", now());
        asked.replies.push(Reply {
            author: "Rep\u{7}".into(),
            at: now(),
            text: "Dana's, from the board".into(),
            extra: Default::default(),
        });
        let mut gone = Comment::new("no-such-id", "Coach Kim", "Check the lanes", now());
        gone.resolved = true;
        a.comments = vec![asked, gone];
        let md = markdown(&a, &[], &Default::default());
        let comments = &md[md.find("## Comments").expect("a comments section")..];
        let first = "### On Goals: Open a depot in Ohio (open)\n\n_Coach Kim, 2023-11-14 22:13 UTC_\n\nWhose\ndeadline is Q3?\n\n";
        assert!(comments.contains(first), "{comments}");
        // The reply is quoted, its control character replaced like any other text.
        assert!(
            comments.contains("> **Rep\u{fffd}**, 2023-11-14 22:13 UTC: Dana's, from the board\n"),
            "{comments}"
        );
        assert!(
            comments.contains("### On something no longer in the plan (resolved)\n"),
            "{comments}"
        );
        assert!(md.find("## Scorecard").unwrap() < md.find("## Comments").unwrap());
    }
}
