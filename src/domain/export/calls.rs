//! The call side of the export: the customer's journey (stage, evidence or "a guess"),
//! their tasks (owner, due, status, what we bring), the call sheet of the next call, and
//! every call with its plan and, once held, its debrief and how it went against the
//! objective (best, minimum or neither).

use super::{fact, line, quote};
use crate::domain::account::{Account, Person};
use crate::domain::call::{Call, Debrief, Outcome};
use crate::domain::form::Choice;
use crate::domain::id::ItemId;
use crate::domain::offering::Offering;
use crate::domain::plan::{Status, find_item};
use crate::domain::progress::{call_warnings, next_call, task_warnings};
use crate::domain::sheet::sheet_md_at;

/// The journey: the stage in their terms, what shows it (or that it is a guess), dates.
pub(super) fn journey(doc: &mut String, account: &Account) {
    doc.push_str("## Journey\n\n");
    let j = &account.journey;
    if *j == Default::default() {
        doc.push_str("_Nothing yet._\n\n");
        return;
    }
    fact(doc, "Stage", j.stage.words());
    let evidence = match &j.evidence {
        Some(id) => find_item(account, id)
            .map_or("an item no longer in their world".to_owned(), |(pane, text)| {
                format!("{}: {}", pane.title(), line(text))
            }),
        None if j.is_guess() => "none: a guess".to_owned(),
        None => "their words below".to_owned(),
    };
    fact(doc, "Evidence", &evidence);
    fact(doc, "Seen", &j.seen.map(|d| d.to_string()).unwrap_or_default());
    let changed = j.changed.map(|c| c.format("%Y-%m-%d").to_string());
    fact(doc, "Stage set", &changed.unwrap_or_default());
    doc.push('\n');
    quote(doc, &j.quote);
}

/// Someone of theirs by id: "Name, title".
fn person<'a>(account: &'a Account, id: &ItemId) -> Option<&'a Person> {
    account.people.iter().find(|p| &p.id == id)
}

/// "Dana Whitlock, Chief Financial Officer".
fn name_and_title(p: &Person) -> String {
    match line(&p.title) {
        t if t.is_empty() => line(&p.name),
        t => format!("{}, {t}", line(&p.name)),
    }
}

/// Their tasks: what to look at again, then each task with owner, due date, status and,
/// apart, what we bring.
pub(super) fn tasks(doc: &mut String, account: &Account) {
    doc.push_str("## Their tasks\n\n");
    if account.tasks.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    let warnings = task_warnings(account);
    for w in &warnings {
        doc.push_str(&format!("- ⚠ {w}\n"));
    }
    if !warnings.is_empty() {
        doc.push('\n');
    }
    for t in &account.tasks {
        doc.push_str(&format!("### {}\n\n", line(&t.text)));
        let owner = t.owner.as_ref().and_then(|id| person(account, id));
        let owner = owner.map_or("no one on their side yet".to_owned(), name_and_title);
        fact(doc, "Owner", &owner);
        fact(doc, "Due", &t.due.map(|d| d.to_string()).unwrap_or_default());
        fact(doc, "Status", &t.status.word().replace('-', " "));
        fact(doc, "What we bring", &t.we_bring);
        doc.push('\n');
    }
}

/// The call sheet of the next call as of the account's last change, when there is one.
pub(super) fn sheet(doc: &mut String, account: &Account, offerings: &[Offering]) {
    if let Some(call) = next_call(account, account.last_change()) {
        doc.push_str(&sheet_md_at(account, call, offerings, 2));
    }
}

/// Every call, in the order planned: its plan, then its debrief once held.
pub(super) fn calls(doc: &mut String, account: &Account) {
    doc.push_str("## Calls\n\n");
    if account.calls.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for c in &account.calls {
        let state = if c.is_held() { "held" } else { "planned" };
        doc.push_str(&format!(
            "### {}: {state}\n\n",
            c.when.format("%a %-d %b %Y, %H:%M UTC")
        ));
        plan(doc, account, c);
        if let Some(d) = &c.debrief {
            debrief(doc, account, c, d);
        }
    }
}

/// A call's plan: length, objective, who, the up-front agreement, outcomes, agenda.
fn plan(doc: &mut String, account: &Account, c: &Call) {
    fact(doc, "Length", &format!("{} minutes", c.minutes));
    fact(doc, "Objective", &c.objective);
    let who: Vec<String> = c
        .attendees
        .iter()
        .filter_map(|id| person(account, id))
        .map(|p| format!("{} ({})", line(&p.name), p.role.word().replace('-', " ")))
        .collect();
    fact(doc, "With", &who.join("; "));
    fact(doc, "Up front, purpose", &c.agreement.purpose);
    fact(doc, "Up front, they expect", &c.agreement.expect);
    fact(doc, "Up front, to decide at the end", &c.agreement.next_step);
    fact(doc, "Best outcome", &c.best);
    fact(doc, "Minimum outcome", &c.minimum);
    if !c.is_held() {
        for w in call_warnings(account, c) {
            doc.push_str(&format!("- ⚠ {w}\n"));
        }
    }
    doc.push('\n');
    let asked = |id: &ItemId| c.debrief.as_ref().is_some_and(|d| d.asked.contains(id));
    for (n, a) in c.agenda.iter().enumerate() {
        let q = account.questions.iter().find(|q| q.id == a.question);
        let text = q.map_or("_(a question no longer in the plan)_".to_owned(), |q| {
            line(&q.text)
        });
        let mark = if asked(&a.question) { " _[asked]_" } else { "" };
        doc.push_str(&format!("{}. {text} ({} min){mark}\n", n + 1, a.minutes));
    }
    if !c.agenda.is_empty() {
        doc.push('\n');
    }
}

/// How the call went against its objective, in words.
pub(super) fn judged(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Best => "reached the best outcome",
        Outcome::Minimum => "reached the minimum, not the best",
        Outcome::Neither => "reached neither the best nor the minimum",
        Outcome::Unjudged => "not judged yet",
    }
}

/// What they agreed, as `text` writes it, with the status of the task it became (if any).
/// The HTML export writes the same words, escaped.
pub(super) fn agreed(account: &Account, d: &Debrief, text: fn(&str) -> String) -> String {
    let task = d
        .task
        .as_ref()
        .and_then(|id| account.tasks.iter().find(|t| &t.id == id));
    match task {
        Some(t) => format!(
            "{} (their task: {})",
            text(&d.agreed),
            t.status.word().replace('-', " ")
        ),
        None => text(&d.agreed),
    }
}

/// A held call's debrief: the outcome judged, what they agreed, what changed, the stage.
fn debrief(doc: &mut String, account: &Account, c: &Call, d: &Debrief) {
    doc.push_str("#### Debrief\n\n");
    fact(doc, "Against the objective", judged(d.outcome));
    fact(doc, "They agreed", &agreed(account, d, line));
    fact(doc, "What changed", &d.changed);
    fact(doc, "Stage after", d.stage.map_or("", |s| s.words()));
    let planned = c.agenda.len();
    let asked = c.agenda.iter().filter(|a| d.asked.contains(&a.question)).count();
    let unasked = c
        .agenda
        .iter()
        .filter(|a| !d.asked.contains(&a.question))
        .filter(|a| {
            account
                .questions
                .iter()
                .any(|q| q.id == a.question && q.status == Status::Planned)
        })
        .count();
    let carried = if unasked > 0 {
        format!("; {unasked} carry over")
    } else {
        String::new()
    };
    fact(
        doc,
        "Asked",
        &format!("{asked} of {planned} planned questions{carried}"),
    );
    fact(
        doc,
        "Written",
        &d.written.format("%Y-%m-%d %H:%M UTC").to_string(),
    );
    doc.push('\n');
}

#[cfg(test)]
mod tests {
    use crate::domain::call::Outcome;
    use crate::domain::export::markdown;
    use crate::domain::journey::Task;
    use crate::domain::{Account, sample};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-12-01T08:30:00Z".parse().unwrap()
    }

    #[test]
    fn the_sample_exports_its_journey_tasks_sheet_and_calls() {
        let md = markdown(&sample::account(now()), &[], &Default::default());
        for part in [
            "## Journey\n\n- **Stage:** understanding the problem",
            "- **Evidence:** Threats: Rejected loads from reefer failures",
            "> Before anything goes to the board",
            "## Their tasks\n\n### Add up what the two rejected loads",
            "- **Owner:** Priya Natarajan, Quality and Compliance Manager",
            "- **Due:** 2026-12-02\n- **Status:** doing\n- **What we bring:** A worksheet",
            "- **Status:** to do",
            "## Call sheet: Ashcombe Cold Freight",
            "### Agenda (32 minutes)",
            "## Calls\n\n### Tue 24 Nov 2026, 15:00 UTC: held",
            "### Thu 3 Dec 2026, 14:00 UTC: planned",
            "- **With:** Dana Whitlock (economic buyer); Tomas Reyes (decision maker)",
            "#### Debrief\n\n- **Against the objective:** reached the best outcome",
            "(their task: done)",
            "- **Asked:** 4 of 4 planned questions",
            "1. When a load is rejected, how do you find out",
        ] {
            assert!(md.contains(part), "{part:?} missing:\n{md}");
        }
        let journey = md.find("## Journey").unwrap();
        let calls = md.find("## Calls").unwrap();
        assert!(md.find("## Anticipated turns").unwrap() < journey && journey < calls);
    }

    #[test]
    fn a_guess_an_owner_missing_and_each_outcome_say_so() {
        let mut a = sample::account(now());
        a.journey.evidence = None;
        a.journey.quote.clear();
        a.tasks.push(Task::new("Find the time", now()));
        let md = markdown(&a, &[], &Default::default());
        assert!(md.contains("- **Evidence:** none: a guess"), "{md}");
        assert!(
            md.contains("- ⚠ No one on their side owns “Find the time”"),
            "{md}"
        );
        assert!(
            md.contains("### Find the time\n\n- **Owner:** no one on their side yet"),
            "{md}"
        );
        for (outcome, words) in [
            (Outcome::Minimum, "reached the minimum, not the best"),
            (Outcome::Neither, "reached neither the best nor the minimum"),
            (Outcome::Unjudged, "not judged yet"),
        ] {
            a.calls[0].debrief.as_mut().unwrap().outcome = outcome;
            assert!(markdown(&a, &[], &Default::default()).contains(words), "{words}");
        }
        let bare = markdown(&Account::new("Bare", now()), &[], &Default::default());
        assert!(!bare.contains("## Call sheet"), "no call, no sheet");
    }
}
