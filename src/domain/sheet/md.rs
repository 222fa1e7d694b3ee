//! The call sheet as Markdown: the same parts as the plain sheet, nothing cut (every
//! talking point and every likely turn), plus the outcomes aimed at and what to check in
//! the plan before dialling.

use super::pick::{Picked, pick};
use super::{attendees, line, or, pane_word, role, up_front};
use crate::domain::account::{Account, Priority};
use crate::domain::call::Call;
use crate::domain::form::Choice;
use crate::domain::offering::Offering;
use crate::domain::progress::call_warnings;

/// The call sheet of `call` as a Markdown document (nothing cut); `offerings` name what the
/// talking points use.
pub fn sheet_md(account: &Account, call: &Call, offerings: &[Offering]) -> String {
    let mut doc = sheet_md_at(account, call, offerings, 1);
    let end = doc.trim_end().len();
    doc.truncate(end);
    doc.push('\n');
    doc
}

/// The sheet with its title at heading `level` (1 for `#`) and its parts one level below,
/// so the export can hold it as one of its sections.
pub(crate) fn sheet_md_at(account: &Account, call: &Call, offerings: &[Offering], level: usize) -> String {
    let p = pick(account, call);
    let (h1, h2) = ("#".repeat(level), "#".repeat(level + 1));
    let mut doc = format!("{h1} Call sheet: {}\n\n", line(&account.name));
    let when = call.when.format("%a %-d %b %Y, %H:%M UTC");
    fact(&mut doc, "When", &format!("{when}, {} minutes", call.minutes));
    let who: Vec<String> = p.who.iter().map(|p| titled(p)).collect();
    let who = if who.is_empty() {
        attendees(&[])
    } else {
        who.join("; ")
    };
    fact(&mut doc, "With", &who);
    fact(&mut doc, "Objective", &or(&call.objective, "none yet"));
    doc.push('\n');
    section(&mut doc, &h2, "Up front", up_front(call));
    section(&mut doc, &h2, "Their world", world(&p));
    let talk = super::talk::points(account, offerings);
    if !talk.is_empty() {
        section(&mut doc, &h2, "How they'd use us", talk);
    }
    agenda(&mut doc, &h2, &p);
    turns(&mut doc, &h2, account, &p);
    let outcomes = [("Best", &call.best), ("Minimum", &call.minimum)]
        .into_iter()
        .map(|(label, text)| format!("**{label}:** {}", or(text, "not set")))
        .collect();
    section(&mut doc, &h2, "Outcomes they reach", outcomes);
    let warnings = call_warnings(account, call);
    if !warnings.is_empty() {
        section(
            &mut doc,
            &h2,
            "Check before dialling",
            warnings.iter().map(|w| format!("⚠ {w}")).collect(),
        );
    }
    doc
}

/// "Dana Whitlock, Chief Financial Officer (economic buyer)".
fn titled(p: &crate::domain::Person) -> String {
    match line(&p.title) {
        t if t.is_empty() => format!("{} ({})", line(&p.name), role(p.role)),
        t => format!("{}, {t} ({})", line(&p.name), role(p.role)),
    }
}

/// `- **Label:** value`.
fn fact(doc: &mut String, label: &str, value: &str) {
    doc.push_str(&format!("- **{label}:** {value}\n"));
}

/// A heading and a bullet per entry; "_Nothing yet._" when there is none.
fn section(doc: &mut String, h: &str, title: &str, entries: Vec<String>) {
    doc.push_str(&format!("{h} {title}\n\n"));
    if entries.is_empty() {
        doc.push_str("_Nothing yet._\n");
    }
    for e in entries {
        doc.push_str(&format!("- {e}\n"));
    }
    doc.push('\n');
}

/// The top items with their priority, text and their words.
fn world(p: &Picked) -> Vec<String> {
    p.world
        .iter()
        .map(|(pane, it)| {
            let priority = match it.priority {
                Priority::None => String::new(),
                p => format!(" ({})", p.word()),
            };
            let words = line(&it.their_words);
            let words = if words.is_empty() {
                String::new()
            } else {
                format!(": “{words}”")
            };
            format!("**{}**{priority}: {}{words}", pane_word(*pane), line(&it.text))
        })
        .collect()
}

/// The agenda, numbered, with minutes and the total.
fn agenda(doc: &mut String, h: &str, p: &Picked) {
    let total: u32 = p.agenda.iter().map(|(m, _)| u32::from(*m)).sum();
    doc.push_str(&format!("{h} Agenda ({total} minutes)\n\n"));
    if p.agenda.is_empty() {
        doc.push_str("_Nothing yet._\n");
    }
    for (n, (m, q)) in p.agenda.iter().enumerate() {
        let q = q.map_or("_(a question no longer in the plan)_".to_owned(), line);
        doc.push_str(&format!("{}. {q} ({m} min)\n", n + 1));
    }
    doc.push('\n');
}

/// The likely turns: who says what, as a heading, and the prepared answer below it.
fn turns(doc: &mut String, h: &str, account: &Account, p: &Picked) {
    doc.push_str(&format!("{h} Likely turns\n\n"));
    if p.turns.is_empty() {
        doc.push_str("_Nothing yet._\n\n");
    }
    for t in &p.turns {
        let who = t
            .who
            .as_ref()
            .and_then(|id| account.people.iter().find(|p| &p.id == id));
        let who = who.map_or(String::new(), |p| format!(" ({})", line(&p.name)));
        doc.push_str(&format!("- “{}”{who}\n", line(&t.line)));
        doc.push_str(&format!("  → {}\n", or(&t.response, "no prepared answer yet")));
    }
    if !p.turns.is_empty() {
        doc.push('\n');
    }
}
