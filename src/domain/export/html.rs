//! Export as HTML: one self-contained, printable HTML5 page holding what the Markdown
//! export holds, plus the comments. Its stylesheet is inline (with print rules); it has no
//! scripts, no images, no links to anything outside itself. Every piece of text from the
//! account is cleaned of control characters and then escaped by [`escape`], the one place
//! that does it, so no text of theirs can open a tag or end an attribute.

mod calls;
mod fit;
mod review;
mod style;

use super::{block, line, priority};
use crate::domain::account::{Account, Item, Pane, Person};
use crate::domain::bank::BankQuestion;
use crate::domain::form::Choice;
use crate::domain::team::Team;
use crate::domain::{health, plan};

/// The account as one HTML5 page: the name and profile, each pane of their world, the
/// people, the fit against the sweet spot, the usage scenarios and their gaps, the
/// question plan (with the linter's verdict on each question), the turns, the
/// journey and their tasks, the next call's sheet, every call, the scorecard and the
/// comments. Judged as of the account's last change: the export reads no clock.
pub fn html(account: &Account, bank: &[BankQuestion], team: &Team) -> String {
    let mut doc = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
    doc.push_str("<meta charset=\"utf-8\">\n");
    doc.push_str(&format!("<title>{}</title>\n", text(&account.name)));
    doc.push_str(&format!("<style>\n{}</style>\n", style::CSS));
    doc.push_str("</head>\n<body>\n<header>\n");
    doc.push_str(&format!("<h1>{}</h1>\n", text(&account.name)));
    let updated = account.last_change().format("%Y-%m-%d %H:%M UTC");
    doc.push_str(&format!("<p class=\"muted\">Updated {updated}</p>\n</header>\n"));
    profile(&mut doc, account);
    world(&mut doc, account);
    fit::fit(&mut doc, account, team);
    fit::scenarios(&mut doc, account, team);
    question_plan(&mut doc, account, bank);
    turns(&mut doc, account);
    calls::journey(&mut doc, account);
    calls::tasks(&mut doc, account);
    calls::sheet(&mut doc, account, team.offerings());
    calls::calls(&mut doc, account);
    review::scorecard(&mut doc, account, team);
    review::comments(&mut doc, account);
    doc.push_str("</body>\n</html>\n");
    doc
}

/// Escapes the five characters that mean something in HTML text or an attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One line of the account's text, cleaned and escaped.
fn text(s: &str) -> String {
    escape(&line(s))
}

/// Several lines of the account's text, cleaned and escaped, line breaks kept as `<br>`.
fn lines(s: &str) -> String {
    escape(&block(s)).replace('\n', "<br>\n")
}

/// Opens a section with its id and heading.
fn open(doc: &mut String, id: &str, title: &str) {
    doc.push_str(&format!("<section id=\"{id}\">\n<h2>{}</h2>\n", escape(title)));
}

/// "Nothing yet." for an empty part, so a reader can tell it from one left out.
fn nothing(doc: &mut String) {
    doc.push_str("<p class=\"muted\">Nothing yet.</p>\n");
}

/// A list of labelled facts, each value already escaped; blank values are skipped, and
/// so is the whole list when all are blank.
fn facts(doc: &mut String, facts: &[(&str, String)]) {
    let shown: Vec<_> = facts.iter().filter(|(_, v)| !v.trim().is_empty()).collect();
    if shown.is_empty() {
        return;
    }
    doc.push_str("<dl>\n");
    for (label, value) in shown {
        doc.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", escape(label)));
    }
    doc.push_str("</dl>\n");
}

/// A paragraph of the account's text, skipped when blank.
fn paragraph(doc: &mut String, s: &str) {
    if !s.trim().is_empty() {
        doc.push_str(&format!("<p>{}</p>\n", lines(s)));
    }
}

/// The customer's own words as a quotation, skipped when blank.
fn quote(doc: &mut String, s: &str) {
    if !s.trim().is_empty() {
        doc.push_str(&format!("<blockquote>{}</blockquote>\n", lines(s)));
    }
}

/// Warnings (already words of ours), as a list marked as such; nothing when none.
fn warnings(doc: &mut String, warnings: &[String]) {
    if warnings.is_empty() {
        return;
    }
    doc.push_str("<ul class=\"warnings\">\n");
    for w in warnings {
        doc.push_str(&format!("<li>{}</li>\n", text(w)));
    }
    doc.push_str("</ul>\n");
}

/// The profile: industry, website and the summary. The website is shown as plain text
/// without its scheme, so nothing on the page reads as an address to follow.
fn profile(doc: &mut String, account: &Account) {
    let p = &account.profile;
    open(doc, "profile", "Profile");
    if p.industry.trim().is_empty() && p.website.trim().is_empty() && p.summary.trim().is_empty() {
        nothing(doc);
    }
    facts(
        doc,
        &[
            ("Industry", text(&p.industry)),
            ("Website", text(site(&p.website))),
        ],
    );
    paragraph(doc, &p.summary);
    doc.push_str("</section>\n");
}

/// A website without `http://` or `https://` in front.
fn site(url: &str) -> &str {
    let url = url.trim();
    ["https://", "http://"]
        .iter()
        .find_map(|scheme| {
            url.get(..scheme.len())
                .filter(|s| s.eq_ignore_ascii_case(scheme))
                .map(|_| &url[scheme.len()..])
        })
        .unwrap_or(url)
}

/// Each pane of their world in [`Pane::ALL`] order, people included.
fn world(doc: &mut String, account: &Account) {
    for pane in Pane::ALL {
        open(doc, &format!("pane-{}", pane_id(pane)), pane.title());
        if account.len(pane) == 0 {
            nothing(doc);
        }
        match account.items(pane) {
            Some(items) => items.iter().for_each(|it| item(doc, it)),
            None => account.people.iter().for_each(|p| person(doc, p)),
        }
        doc.push_str("</section>\n");
    }
}

/// A pane's title as an id: lower case, words joined by dashes.
fn pane_id(pane: Pane) -> String {
    let title = pane.title().to_lowercase();
    let words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// One item of their world: its text, priority, source, notes and their words.
fn item(doc: &mut String, it: &Item) {
    doc.push_str(&format!("<article>\n<h3>{}</h3>\n", text(&it.text)));
    facts(
        doc,
        &[
            ("Priority", escape(priority(it.priority))),
            ("Source", text(&it.source)),
        ],
    );
    paragraph(doc, &it.notes);
    quote(doc, &it.their_words);
    doc.push_str("</article>\n");
}

/// One person: name and title, their role in the decision, what they care about, notes
/// and their words.
fn person(doc: &mut String, p: &Person) {
    let name = match line(&p.title) {
        t if t.is_empty() => text(&p.name),
        t => format!("{}, {}", text(&p.name), escape(&t)),
    };
    doc.push_str(&format!("<article>\n<h3>{name}</h3>\n"));
    facts(
        doc,
        &[
            ("Role in the decision", escape(&p.role.word().replace('-', " "))),
            ("Cares about", text(&p.cares_about)),
        ],
    );
    paragraph(doc, &p.notes);
    quote(doc, &p.their_words);
    doc.push_str("</article>\n");
}

/// The question plan: its health and warnings, then each question with its status, the
/// linter's verdict, the items it serves and the answer heard.
fn question_plan(doc: &mut String, account: &Account, bank: &[BankQuestion]) {
    open(doc, "questions", "Question plan");
    let verdicts = health::verdicts(account);
    let h = health::health_of(account, bank, &verdicts);
    doc.push_str(&format!(
        "<p><strong>Plan health:</strong> {}</p>\n",
        text(&h.summary())
    ));
    warnings(doc, &h.warnings());
    if account.questions.is_empty() {
        nothing(doc);
    } else {
        doc.push_str("<ol>\n");
    }
    for (q, v) in account.questions.iter().zip(&verdicts) {
        let kept = if q.kept {
            ", kept although the linter objects"
        } else {
            ""
        };
        doc.push_str(&format!(
            "<li>{} <span class=\"tag\">{}; {}{kept}</span>",
            text(&q.text),
            q.status.word(),
            v.kind.name()
        ));
        let links: Vec<String> = q
            .links
            .iter()
            .filter_map(|id| plan::find_item(account, id))
            .map(|(pane, t)| format!("serves {}: {}", escape(pane.title()), text(t)))
            .collect();
        if !links.is_empty() {
            doc.push_str(&format!("<br><span class=\"muted\">{}</span>", links.join("; ")));
        }
        if !q.answer.trim().is_empty() {
            doc.push_str(&format!("<blockquote>{}</blockquote>", lines(&q.answer)));
        }
        doc.push_str("</li>\n");
    }
    if !account.questions.is_empty() {
        doc.push_str("</ol>\n");
    }
    doc.push_str("</section>\n");
}

/// The anticipated turns: what they may say, who, the prepared response, rehearsal.
fn turns(doc: &mut String, account: &Account) {
    open(doc, "turns", "Anticipated turns");
    if account.turns.is_empty() {
        nothing(doc);
    }
    for t in &account.turns {
        let who = t
            .who
            .as_ref()
            .and_then(|id| account.people.iter().find(|p| &p.id == id));
        let who = who.map_or("the customer".to_owned(), |p| text(&p.name));
        let rehearsed = match (t.attempts.last(), &t.schedule) {
            (Some(a), Some(s)) => format!(
                "{} attempt(s), last graded {}, next due {}",
                t.attempts.len(),
                escape(&a.grade.to_string()),
                s.due.format("%Y-%m-%d")
            ),
            _ => "never".to_owned(),
        };
        doc.push_str(&format!("<article>\n<h3>“{}”</h3>\n", text(&t.line)));
        facts(
            doc,
            &[
                ("Kind", escape(t.kind.name())),
                ("Who", who),
                ("Rehearsed", rehearsed),
            ],
        );
        paragraph(doc, &t.response);
        doc.push_str("</article>\n");
    }
    doc.push_str("</section>\n");
}
