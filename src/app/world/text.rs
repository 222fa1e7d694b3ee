//! What the world screen says, as reading text (pure functions of the account): each list
//! row, the selected entry in full, and the customer's profile. The view styles and draws
//! it; `update` measures it to hit-test clicks and bound scrolling.

use crate::app::reading::{Pieces, Reading, Tone};
use crate::domain::fields::{ItemForm, PersonForm};
use crate::domain::form::{Choice, FieldKind, Form, Look};
use crate::domain::text::{clean, first_line};
use crate::domain::{Account, Pane, Priority, Role};

/// The mark of a priority in a list: a high item stands out, a low one is marked apart
/// from one with no priority set.
pub fn priority_mark(p: Priority) -> (Tone, &'static str) {
    match p {
        Priority::High => (Tone::Bad, "▲ "),
        Priority::Medium => (Tone::Warn, "■ "),
        Priority::Low => (Tone::Dim, "▽ "),
        Priority::None => (Tone::Plain, "  "),
    }
}

/// A role in the decision in a few words ("economic buyer").
pub fn role_words(role: Role) -> String {
    role.word().replace('-', " ")
}

/// Row `i` of `pane`: an item's priority mark and text; a person's name, title and role.
pub fn row(account: &Account, pane: Pane, i: usize) -> Pieces {
    match account.items(pane) {
        Some(items) => {
            let it = &items[i];
            let (tone, mark) = priority_mark(it.priority);
            let mut pieces = vec![(tone, mark.to_owned()), (Tone::Plain, one_line(&it.text))];
            commented(&mut pieces, account, it.id.as_str());
            pieces
        }
        None => {
            let p = &account.people[i];
            let mut pieces = vec![(Tone::Plain, "  ".to_owned()), (Tone::Plain, one_line(&p.name))];
            if !p.title.trim().is_empty() {
                pieces.push((Tone::Dim, format!(", {}", one_line(&p.title))));
            }
            let role = match p.role {
                Role::Unknown => "role unknown".to_owned(),
                role => role_words(role),
            };
            pieces.push((Tone::Key, format!(" · {role}")));
            commented(&mut pieces, account, p.id.as_str());
            pieces
        }
    }
}

/// Marks a row whose record has an open comment.
pub fn commented(pieces: &mut Pieces, account: &Account, id: &str) {
    if crate::domain::comment::has_open(account, id) {
        pieces.push((Tone::Warn, crate::domain::comment::MARK.to_owned()));
    }
}

/// Entry `i` of `pane` in full, field by field from its form's table: the title as a
/// heading, the customer's own words quoted, blank fields left out. An entry a merge kept in
/// two versions says so first, with the key that keeps one.
pub fn detail(account: &Account, pane: Pane, i: usize, keys: &crate::app::Keymap) -> Reading {
    // Looked up in the pane's own list: what a merge doubled stays in its list.
    use crate::domain::copies::doubled;
    let is_doubled = match account.items(pane) {
        Some(items) => items
            .get(i)
            .is_some_and(|it| doubled(items.iter().map(|x| (x.id.as_str(), &x.extra)), it.id.as_str())),
        None => account.people.get(i).is_some_and(|p| {
            doubled(
                account.people.iter().map(|x| (x.id.as_str(), &x.extra)),
                p.id.as_str(),
            )
        }),
    };
    let mut r = match account.items(pane) {
        Some(items) => items.get(i).map(|it| fields(&ItemForm::from(it))),
        None => account.people.get(i).map(|p| fields(&PersonForm::from(p))),
    }
    .unwrap_or_default();
    if is_doubled {
        let key = keys.key(crate::app::Scope::Workbook, &crate::app::Action::KeepVersion);
        let mut head = Reading::default();
        head.line(
            Tone::Warn,
            format!("Changed in two places: {key} keeps this version and drops the other"),
        );
        head.lines.append(&mut r.lines);
        r = head;
    }
    r
}

fn fields<F: Form>(form: &F) -> Reading {
    let mut r = Reading::default();
    for field in F::FIELDS {
        let value = field.value(form).text();
        if value.trim().is_empty() {
            continue;
        }
        let value = clean(value, true).into_owned();
        let label = (Tone::Dim, format!("{}: ", field.label));
        match (field.look, field.kind) {
            (Look::Heading, _) => r.line(Tone::Heading, value),
            (Look::Quote, _) => {
                r.pieces(vec![label]);
                for l in value.lines() {
                    r.line(Tone::Quote, format!("  “{l}”"));
                }
            }
            (Look::Plain, FieldKind::Text) => {
                r.pieces(vec![label]);
                r.block(Tone::Plain, "  ", &value);
            }
            (Look::Plain, FieldKind::Choice) => r.pieces(vec![label, (Tone::Plain, value.replace('-', " "))]),
            (Look::Plain, FieldKind::Line) => r.pieces(vec![label, (Tone::Plain, value)]),
        }
    }
    r
}

/// Who the customer is, in one line: their industry and the start of the summary.
pub fn profile(account: &Account) -> Pieces {
    let p = &account.profile;
    let mut pieces = Vec::new();
    if !p.industry.trim().is_empty() {
        pieces.push((Tone::Heading, one_line(&p.industry)));
    }
    let summary = clean(p.summary.trim(), true).replace('\n', " ");
    if !summary.is_empty() {
        let gap = if pieces.is_empty() { "" } else { " · " };
        pieces.push((Tone::Plain, format!("{gap}{summary}")));
    }
    pieces
}

/// Text on one line, control characters made visible.
fn one_line(text: &str) -> String {
    first_line(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample;

    #[test]
    fn every_priority_has_its_own_mark_and_people_say_their_role() {
        let marks: Vec<&str> = [Priority::High, Priority::Medium, Priority::Low, Priority::None]
            .map(|p| priority_mark(p).1)
            .to_vec();
        for (i, m) in marks.iter().enumerate() {
            assert!(!marks[i + 1..].contains(m), "{marks:?}");
        }
        let account = sample::account(crate::domain::now());
        let text: String = row(&account, Pane::People, 0)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let role = role_words(account.people[0].role);
        assert!(text.contains(&role), "{text}");
    }

    #[test]
    fn the_detail_holds_every_filled_field_of_the_entry() {
        let account = sample::account(crate::domain::now());
        let goal = &account.world.goals[0];
        let all: String = detail(&account, Pane::Goals, 0, &crate::app::Keymap::default())
            .lines
            .iter()
            .flatten()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains(&goal.text));
        for filled in [&goal.notes, &goal.their_words, &goal.source] {
            if let Some(line) = filled.lines().next() {
                assert!(all.contains(line.trim()), "{line} missing from\n{all}");
            }
        }
    }
}
