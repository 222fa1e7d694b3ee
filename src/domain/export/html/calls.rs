//! The call side of the HTML export: the customer's journey, their tasks, the call sheet
//! of the next call (as of the account's last change), and every call with its plan and,
//! once held, its debrief.

use super::{escape, facts, lines, nothing, open, quote, text, warnings};
use crate::domain::account::{Account, Person};
use crate::domain::call::{Call, Debrief};
use crate::domain::form::Choice;
use crate::domain::id::ItemId;
use crate::domain::offering::Offering;
use crate::domain::plan::find_item;
use crate::domain::progress::{call_warnings, next_call, task_warnings};
use crate::domain::sheet::sheet_md;

/// The journey: the stage in their terms, what shows it (or that it is a guess), dates.
pub(super) fn journey(doc: &mut String, account: &Account) {
    open(doc, "journey", "Journey");
    let j = &account.journey;
    if *j == Default::default() {
        nothing(doc);
    } else {
        let evidence = match &j.evidence {
            Some(id) => find_item(account, id)
                .map_or("an item no longer in their world".to_owned(), |(pane, t)| {
                    format!("{}: {}", escape(pane.title()), text(t))
                }),
            None if j.is_guess() => "none: a guess".to_owned(),
            None => "their words below".to_owned(),
        };
        let seen = j.seen.map(|d| d.to_string()).unwrap_or_default();
        let set = j.changed.map(|c| c.format("%Y-%m-%d").to_string());
        facts(
            doc,
            &[
                ("Stage", escape(j.stage.words())),
                ("Evidence", evidence),
                ("Seen", seen),
                ("Stage set", set.unwrap_or_default()),
            ],
        );
        quote(doc, &j.quote);
    }
    doc.push_str("</section>\n");
}

/// Someone of theirs by id.
fn person<'a>(account: &'a Account, id: &ItemId) -> Option<&'a Person> {
    account.people.iter().find(|p| &p.id == id)
}

/// Their tasks: what to look at again, then each with owner, due, status, what we bring.
pub(super) fn tasks(doc: &mut String, account: &Account) {
    open(doc, "tasks", "Their tasks");
    if account.tasks.is_empty() {
        nothing(doc);
    }
    warnings(doc, &task_warnings(account));
    for t in &account.tasks {
        doc.push_str(&format!("<article>\n<h3>{}</h3>\n", text(&t.text)));
        let owner = t.owner.as_ref().and_then(|id| person(account, id));
        let owner = owner.map_or("no one on their side yet".to_owned(), |p| match p.title.trim() {
            "" => text(&p.name),
            title => format!("{}, {}", text(&p.name), text(title)),
        });
        facts(
            doc,
            &[
                ("Owner", owner),
                ("Due", t.due.map(|d| d.to_string()).unwrap_or_default()),
                ("Status", escape(&t.status.word().replace('-', " "))),
                ("What we bring", text(&t.we_bring)),
            ],
        );
        doc.push_str("</article>\n");
    }
    doc.push_str("</section>\n");
}

/// The next call's sheet, as the Markdown sheet gives it, when a call is planned.
pub(super) fn sheet(doc: &mut String, account: &Account, offerings: &[Offering]) {
    open(doc, "sheet", "Call sheet");
    match next_call(account, account.last_change()) {
        Some(call) => doc.push_str(&format!(
            "<pre class=\"sheet\">{}</pre>\n",
            escape(&sheet_md(account, call, offerings))
        )),
        None => doc.push_str("<p class=\"muted\">No call planned.</p>\n"),
    }
    doc.push_str("</section>\n");
}

/// Every call, in the order planned: its plan, then its debrief once held.
pub(super) fn calls(doc: &mut String, account: &Account) {
    open(doc, "calls", "Calls");
    if account.calls.is_empty() {
        nothing(doc);
    }
    for c in &account.calls {
        let state = if c.is_held() { "held" } else { "planned" };
        let when = c.when.format("%a %-d %b %Y, %H:%M UTC");
        doc.push_str(&format!("<article>\n<h3>{when}: {state}</h3>\n"));
        plan(doc, account, c);
        if let Some(d) = &c.debrief {
            debrief(doc, account, d);
        }
        doc.push_str("</article>\n");
    }
    doc.push_str("</section>\n");
}

/// A call's plan: length, objective, who, the up-front agreement, outcomes, agenda.
fn plan(doc: &mut String, account: &Account, c: &Call) {
    let who: Vec<String> = c
        .attendees
        .iter()
        .filter_map(|id| person(account, id))
        .map(|p| format!("{} ({})", text(&p.name), p.role.word().replace('-', " ")))
        .collect();
    facts(
        doc,
        &[
            ("Length", format!("{} minutes", c.minutes)),
            ("Objective", text(&c.objective)),
            ("With", who.join("; ")),
            ("Up front, purpose", text(&c.agreement.purpose)),
            ("Up front, they expect", text(&c.agreement.expect)),
            ("Up front, to decide at the end", text(&c.agreement.next_step)),
            ("Best outcome", text(&c.best)),
            ("Minimum outcome", text(&c.minimum)),
        ],
    );
    if !c.is_held() {
        warnings(doc, &call_warnings(account, c));
    }
    if c.agenda.is_empty() {
        return;
    }
    doc.push_str("<ol>\n");
    for a in &c.agenda {
        let q = account.questions.iter().find(|q| q.id == a.question);
        let q = q.map_or("<em>a question no longer in the plan</em>".to_owned(), |q| {
            text(&q.text)
        });
        let asked = c.debrief.as_ref().is_some_and(|d| d.asked.contains(&a.question));
        let mark = if asked {
            " <span class=\"tag\">asked</span>"
        } else {
            ""
        };
        doc.push_str(&format!("<li>{q} ({} min){mark}</li>\n", a.minutes));
    }
    doc.push_str("</ol>\n");
}

/// A held call's debrief: the outcome judged, what they agreed, what changed, the stage.
fn debrief(doc: &mut String, account: &Account, d: &Debrief) {
    doc.push_str("<h4>Debrief</h4>\n");
    // The Markdown export's words, escaped.
    let judged = super::super::calls::judged(d.outcome);
    let agreed = super::super::calls::agreed(account, d, text);
    facts(
        doc,
        &[
            ("Against the objective", judged.to_owned()),
            ("They agreed", agreed),
            ("What changed", lines(&d.changed)),
            ("Stage after", escape(d.stage.map_or("", |s| s.words()))),
            ("Written", d.written.format("%Y-%m-%d %H:%M UTC").to_string()),
        ],
    );
}
