//! The call sheet: one screen a rep glances at just before dialling. When and how long,
//! who (names and roles), the objective, the up-front agreement, the top items of their
//! world (high priority first, in their own words where known), the talking points (how
//! they would use us: the usage scenarios put on the sheet), the agenda with minutes, and
//! the three turns most likely to come up with the prepared answers.
//!
//! [`sheet`] gives plain lines of at most a given width in terminal cells, with a fixed
//! budget of rows per part, so a typical plan takes at most 22 lines at 80 columns and
//! reads at 80×24 without scrolling; whatever does not fit is cut with `…`, never silently.
//! [`sheet_md`] gives the same sheet as Markdown with nothing cut. Both choose what to
//! show the same way (`pick`), and every text from the account is cleaned of control
//! characters first.

mod cells;
mod md;
mod pick;
mod talk;

pub use md::sheet_md;
pub(crate) use md::sheet_md_at;

use super::account::{Account, Pane, Person, Role};
use super::call::Call;
use super::form::Choice;
use super::offering::Offering;
use super::text::clean;
use super::turn::Turn;
use cells::{GLUE, cut, wrap};
use pick::{Picked, pick};

/// Cells before the text of a row: its label and the space after it.
const GUTTER: usize = 11;

/// The most agenda rows a plain sheet gives (the last says what else there is).
const AGENDA_ROWS: usize = 5;

/// The rows the talking points get on a plain sheet.
const TALK_ROWS: usize = 2;

/// The turns a plain sheet shows when it has talking points: they take the place of the
/// least likely turn, so a typical plan still reads at 80×24 without scrolling.
const TURNS_WITH_TALK: usize = 2;

/// The call sheet of `call` as plain lines, each at most `width` terminal cells (none at
/// all when `width` is 0). `offerings` name what the talking points use.
pub fn sheet(account: &Account, call: &Call, offerings: &[Offering], width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let p = pick(account, call);
    let talk = talk::points(account, offerings);
    let mut s = Sheet {
        width,
        lines: Vec::new(),
    };
    s.lines.push(cut(&header(account, call), width));
    s.rows("With", &attendees(&p.who), 2);
    let objective = or(&call.objective, "none yet: the step they take by the end");
    s.rows("Objective", &objective, 2);
    s.block("Up front", up_front(call), "not planned yet");
    s.block("World", world(&p), "nothing yet");
    talking(&mut s, &talk);
    agenda(&mut s, call, &p);
    let shown = match talk.is_empty() {
        true => p.turns.len(),
        false => p.turns.len().min(TURNS_WITH_TALK),
    };
    s.block("Turns", turns(account, &p.turns[..shown]), "none yet");
    s.lines
}

/// The talking points in [`TALK_ROWS`] rows: one point wrapped over them, or one row each,
/// the last saying how many more there are; no row at all when there is none.
fn talking(s: &mut Sheet, points: &[String]) {
    const LABEL: &str = "Using us";
    match points {
        [] => {}
        [one] => s.rows(LABEL, one, TALK_ROWS),
        _ if points.len() <= TALK_ROWS => {
            for (i, point) in points.iter().enumerate() {
                s.rows(if i == 0 { LABEL } else { "" }, point, 1);
            }
        }
        _ => {
            let shown = TALK_ROWS - 1;
            for (i, point) in points[..shown].iter().enumerate() {
                s.rows(if i == 0 { LABEL } else { "" }, point, 1);
            }
            let more = points.len() - shown;
            s.rows("", &format!("… and {more} more talking points"), 1);
        }
    }
}

/// Lines being laid out to a width.
struct Sheet {
    width: usize,
    lines: Vec<String>,
}

impl Sheet {
    /// `text` wrapped into at most `rows` rows after the gutter, the first labelled; one
    /// row is cut as it is, keeping its own spacing (aligned minutes, indents).
    fn rows(&mut self, label: &str, text: &str, rows: usize) {
        let room = self.width.saturating_sub(GUTTER).max(1);
        let lines = if rows > 1 {
            wrap(text, room, rows)
        } else {
            vec![cut(text, room)]
        };
        for (i, l) in lines.into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            let l = l.replace(GLUE, " ");
            self.lines.push(cut(&format!("{label:<GUTTER$}{l}"), self.width));
        }
    }

    /// One row per entry, the first labelled; `empty` when there is none.
    fn block(&mut self, label: &str, entries: Vec<String>, empty: &str) {
        if entries.is_empty() {
            self.rows(label, empty, 1);
        }
        for (i, e) in entries.iter().enumerate() {
            self.rows(if i == 0 { label } else { "" }, e, 1);
        }
    }
}

/// Account text on one line: trimmed, line breaks folded, control characters replaced.
fn line(s: &str) -> String {
    clean(s.trim(), false).into_owned()
}

/// `s` as a line, or `blank` when there is nothing in it.
fn or(s: &str, blank: &str) -> String {
    let s = line(s);
    if s.is_empty() { blank.to_owned() } else { s }
}

/// When, how long, with whom: the first line.
fn header(account: &Account, call: &Call) -> String {
    let held = if call.is_held() { " · held" } else { "" };
    format!(
        "Call sheet · {} · {} · {} min{held}",
        line(&account.name),
        call.when.format("%a %-d %b %Y, %H:%M UTC"),
        call.minutes
    )
}

/// A role as a sheet says it.
fn role(r: Role) -> String {
    match r {
        Role::Unknown => "role unknown".to_owned(),
        r => r.word().replace('-', " "),
    }
}

/// "Dana Whitlock (economic buyer), Tomas Reyes (decision maker)"; each person glued
/// together, so a wrapped line never parts a name from its role.
fn attendees(who: &[&Person]) -> String {
    if who.is_empty() {
        return "no one yet".to_owned();
    }
    let names: Vec<String> = who
        .iter()
        .map(|p| format!("{} ({})", line(&p.name), role(p.role)).replace(' ', &GLUE.to_string()))
        .collect();
    names.join(", ")
}

/// The up-front agreement's parts that are filled in.
fn up_front(call: &Call) -> Vec<String> {
    let a = &call.agreement;
    [
        ("Purpose", &a.purpose),
        ("They expect", &a.expect),
        ("Decide at the end", &a.next_step),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(label, text)| format!("{label}: {}", line(text)))
    .collect()
}

/// A pane's name for one of its items.
fn pane_word(pane: Pane) -> &'static str {
    match pane {
        Pane::Goals => "Goal",
        Pane::Threats => "Threat",
        Pane::Competitors => "Competitor",
        Pane::Market => "Market",
        Pane::People => "Person",
        Pane::WhyChange => "Why change",
    }
}

/// The top items, each in their own words where known.
fn world(p: &Picked) -> Vec<String> {
    p.world
        .iter()
        .map(|(pane, it)| match line(&it.their_words) {
            words if words.is_empty() => format!("{}: {}", pane_word(*pane), line(&it.text)),
            words => format!("{}: “{words}”", pane_word(*pane)),
        })
        .collect()
}

/// The agenda rows: minutes and question; past [`AGENDA_ROWS`], a last row says how many
/// more questions and minutes there are. The second row's label is the agenda's total.
fn agenda(s: &mut Sheet, call: &Call, p: &Picked) {
    let total: u32 = call.agenda.iter().map(|a| u32::from(a.minutes)).sum();
    let shown = if p.agenda.len() > AGENDA_ROWS {
        AGENDA_ROWS - 1
    } else {
        p.agenda.len()
    };
    let mut rows: Vec<String> = p.agenda[..shown]
        .iter()
        .map(|(m, q)| format!("{m:>2}m {}", q.map_or("(no longer in the plan)".into(), line)))
        .collect();
    if shown < p.agenda.len() {
        let rest = &p.agenda[shown..];
        let minutes: u32 = rest.iter().map(|(m, _)| u32::from(*m)).sum();
        rows.push(format!("… and {} more questions, {minutes}m", rest.len()));
    }
    if rows.is_empty() {
        return s.rows("Agenda", "no questions yet", 1);
    }
    for (i, r) in rows.iter().enumerate() {
        let label = match i {
            0 => "Agenda".to_owned(),
            1 => format!("{total} min"),
            _ => String::new(),
        };
        s.rows(&label, r, 1);
    }
}

/// Two rows per likely turn: who says what, then the prepared answer.
fn turns(account: &Account, shown: &[&Turn]) -> Vec<String> {
    let mut rows = Vec::new();
    for t in shown {
        let who = t
            .who
            .as_ref()
            .and_then(|id| account.people.iter().find(|p| &p.id == id));
        let first = who.and_then(|p| p.name.split_whitespace().next()).map(line);
        rows.push(match first {
            Some(name) => format!("{name}: “{}”", line(&t.line)),
            None => format!("“{}”", line(&t.line)),
        });
        rows.push(format!("  → {}", or(&t.response, "no prepared answer yet")));
    }
    rows
}

#[cfg(test)]
mod tests;
