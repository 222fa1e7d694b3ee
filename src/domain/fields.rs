//! The editable fields of an entry and the edits an account allows (add, change, delete,
//! move). Editors and the CLI both go through here, so validation lives in one place.

use super::account::{Account, Item, Pane, Person, Priority, Role};
use super::id::ItemId;
use chrono::{DateTime, Utc};

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Several lines of text.
    Text,
    /// One of a fixed set of words, cycled through.
    Choice(&'static [&'static str]),
}

/// One editable field of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name in the JSON file.
    pub key: &'static str,
    /// The label on screen.
    pub label: &'static str,
    /// How it is edited.
    pub kind: FieldKind,
}

/// The words a priority is written as, lowest first.
pub const PRIORITIES: &[&str] = &["none", "low", "medium", "high"];
/// The words a role is written as.
pub const ROLES: &[&str] = &[
    "economic-buyer",
    "decision-maker",
    "user",
    "technical",
    "coach",
    "unknown",
];

const fn field(key: &'static str, label: &'static str, kind: FieldKind) -> Field {
    Field { key, label, kind }
}

/// The fields of an item (goals, threats, competitors, market, why change).
pub const ITEM_FIELDS: &[Field] = &[
    field("text", "Text", FieldKind::Line),
    field("notes", "Notes", FieldKind::Text),
    field("their_words", "Their own words", FieldKind::Text),
    field("source", "Source", FieldKind::Line),
    field("priority", "Priority", FieldKind::Choice(PRIORITIES)),
];

/// The fields of a person.
pub const PERSON_FIELDS: &[Field] = &[
    field("name", "Name", FieldKind::Line),
    field("title", "Title", FieldKind::Line),
    field("role", "Role in the decision", FieldKind::Choice(ROLES)),
    field("cares_about", "What they care about", FieldKind::Text),
    field("notes", "Notes", FieldKind::Text),
    field("their_words", "Their own words", FieldKind::Text),
];

/// The fields of the account's profile: who the customer is.
pub const PROFILE_FIELDS: &[Field] = &[
    field("name", "Account name", FieldKind::Line),
    field("industry", "Industry, in their terms", FieldKind::Line),
    field("website", "Website", FieldKind::Line),
    field("summary", "Their business in a few lines", FieldKind::Text),
];

/// The profile's values, in the order of [`PROFILE_FIELDS`].
pub fn profile_values(account: &Account) -> Vec<String> {
    let p = &account.profile;
    vec![
        account.name.clone(),
        p.industry.clone(),
        p.website.clone(),
        p.summary.clone(),
    ]
}

/// Sets the name and profile from editor values; the name can't be blank.
pub fn apply_profile(account: &mut Account, values: &[String], now: DateTime<Utc>) -> Result<(), EditError> {
    let [name, industry, website, summary] = values else {
        return Err(EditError::NoSuchEntry);
    };
    if name.trim().is_empty() {
        return Err(EditError::Required(PROFILE_FIELDS[0].label));
    }
    account.name = name.trim().to_owned();
    let p = &mut account.profile;
    (p.industry, p.website, p.summary) = (
        industry.trim().to_owned(),
        website.trim().to_owned(),
        summary.trim_end().to_owned(),
    );
    account.updated = now;
    Ok(())
}

/// The fields an entry of `pane` has, in editing order. The first is required.
pub fn fields(pane: Pane) -> &'static [Field] {
    match pane {
        Pane::People => PERSON_FIELDS,
        _ => ITEM_FIELDS,
    }
}

/// Starting values for a new entry of `pane`.
pub fn blank(pane: Pane) -> Vec<String> {
    fields(pane)
        .iter()
        .map(|f| match f.kind {
            FieldKind::Choice(opts) if pane == Pane::People => opts[opts.len() - 1].to_owned(),
            FieldKind::Choice(opts) => opts[0].to_owned(),
            _ => String::new(),
        })
        .collect()
}

/// The current values of entry `i` of `pane`, in field order.
pub fn values(account: &Account, pane: Pane, i: usize) -> Option<Vec<String>> {
    match account.items(pane) {
        Some(items) => items.get(i).map(|it| {
            vec![
                it.text.clone(),
                it.notes.clone(),
                it.their_words.clone(),
                it.source.clone(),
                PRIORITIES[it.priority as usize].to_owned(),
            ]
        }),
        None => account.people.get(i).map(|p| {
            vec![
                p.name.clone(),
                p.title.clone(),
                ROLES[p.role as usize].to_owned(),
                p.cares_about.clone(),
                p.notes.clone(),
                p.their_words.clone(),
            ]
        }),
    }
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The first field (text or name) was blank.
    #[error("{0} can't be empty")]
    Required(&'static str),
    /// A choice field held a word outside its set.
    #[error("{field} must be one of: {}", .options.join(", "))]
    BadChoice {
        /// The field's label.
        field: &'static str,
        /// The words allowed.
        options: &'static [&'static str],
    },
    /// The wrong number of values, or an entry that is not there.
    #[error("no such entry")]
    NoSuchEntry,
}

/// Adds a new entry (`at` = `None`) or changes entry `at`; returns its index. The entry's
/// id and creation time survive a change; `updated` is set to `now` on both.
pub fn apply(
    account: &mut Account,
    pane: Pane,
    at: Option<usize>,
    values: &[String],
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    let spec = fields(pane);
    if values.len() != spec.len() {
        return Err(EditError::NoSuchEntry);
    }
    if values[0].trim().is_empty() {
        return Err(EditError::Required(spec[0].label));
    }
    let choice = |k: usize| -> Result<usize, EditError> {
        match spec[k].kind {
            FieldKind::Choice(options) => {
                options
                    .iter()
                    .position(|o| *o == values[k].trim())
                    .ok_or(EditError::BadChoice {
                        field: spec[k].label,
                        options,
                    })
            }
            _ => Ok(0),
        }
    };
    let v = |k: usize| values[k].trim_end().to_owned();
    let index = match account.items_mut(pane) {
        Some(items) => {
            let priority = Priority::ALL[choice(4)?];
            let item = slot(items, at, || Item::new("", now))?;
            (item.text, item.notes, item.their_words, item.source) =
                (v(0).trim().to_owned(), v(1), v(2), v(3).trim().to_owned());
            item.priority = priority;
            item.updated = now;
            at.unwrap_or(items.len() - 1)
        }
        None => {
            let role = Role::ALL[choice(2)?];
            let people = &mut account.people;
            let p = slot(people, at, || Person::new("", now))?;
            (p.name, p.title, p.role) = (v(0).trim().to_owned(), v(1).trim().to_owned(), role);
            (p.cares_about, p.notes, p.their_words) = (v(3), v(4), v(5));
            p.updated = now;
            at.unwrap_or(people.len() - 1)
        }
    };
    account.updated = now;
    Ok(index)
}

/// The entry to change: entry `at`, or a new one pushed at the end.
fn slot<T>(list: &mut Vec<T>, at: Option<usize>, new: impl FnOnce() -> T) -> Result<&mut T, EditError> {
    match at {
        Some(i) => list.get_mut(i).ok_or(EditError::NoSuchEntry),
        None => {
            list.push(new());
            Ok(list.last_mut().expect("just pushed"))
        }
    }
}

/// Removes entry `i` of `pane`; false when there is none.
pub fn remove(account: &mut Account, pane: Pane, i: usize, now: DateTime<Utc>) -> bool {
    if i >= account.len(pane) {
        return false;
    }
    match account.items_mut(pane) {
        Some(items) => drop(items.remove(i)),
        None => drop(account.people.remove(i)),
    }
    account.updated = now;
    true
}

/// Moves entry `i` of `pane` one place up (`up`) or down; returns its new index, or `None`
/// when it is already at that end.
pub fn move_entry(
    account: &mut Account,
    pane: Pane,
    i: usize,
    up: bool,
    now: DateTime<Utc>,
) -> Option<usize> {
    let j = match account.items_mut(pane) {
        Some(items) => step(items, i, up)?,
        None => step(&mut account.people, i, up)?,
    };
    account.updated = now;
    Some(j)
}

/// Swaps entry `i` of `list` with its neighbour above (`up`) or below; returns its new
/// index, or `None` when there is no such neighbour.
pub fn step<T>(list: &mut [T], i: usize, up: bool) -> Option<usize> {
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if i >= list.len() || j >= list.len() {
        return None;
    }
    list.swap(i, j);
    Some(j)
}

impl Item {
    /// A new item with a fresh id.
    pub fn new(text: &str, now: DateTime<Utc>) -> Self {
        Item {
            id: ItemId::generate(),
            text: text.trim().to_owned(),
            notes: String::new(),
            their_words: String::new(),
            source: String::new(),
            priority: Priority::None,
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }
}

impl Person {
    /// A new person with a fresh id and an unknown role.
    pub fn new(name: &str, now: DateTime<Utc>) -> Self {
        Person {
            id: ItemId::generate(),
            name: name.trim().to_owned(),
            title: String::new(),
            role: Role::Unknown,
            cares_about: String::new(),
            notes: String::new(),
            their_words: String::new(),
            created: now,
            updated: now,
            extra: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn add_change_keeps_id_and_created() {
        let mut a = Account::new("Acme", now());
        let mut vals = blank(Pane::Goals);
        vals[0] = "  Open a plant in Ohio ".into();
        let i = apply(&mut a, Pane::Goals, None, &vals, now()).unwrap();
        let id = a.world.goals[i].id.clone();
        assert_eq!(a.world.goals[i].text, "Open a plant in Ohio");
        vals[1] = "first line\nsecond line".into();
        vals[4] = "high".into();
        let later = now() + chrono::Duration::hours(1);
        apply(&mut a, Pane::Goals, Some(i), &vals, later).unwrap();
        let g = &a.world.goals[i];
        assert_eq!((g.id.clone(), g.created, g.updated), (id, now(), later));
        assert_eq!(
            (g.notes.as_str(), g.priority),
            ("first line\nsecond line", Priority::High)
        );
        assert_eq!(a.updated, later);
    }

    #[test]
    fn bad_values_are_refused_and_change_nothing() {
        let mut a = Account::new("Acme", now());
        let before = a.clone();
        assert_eq!(
            apply(&mut a, Pane::Goals, None, &blank(Pane::Goals), now()),
            Err(EditError::Required("Text"))
        );
        let mut vals = blank(Pane::People);
        vals[0] = "Dana".into();
        vals[2] = "boss".into();
        assert!(matches!(
            apply(&mut a, Pane::People, None, &vals, now()),
            Err(EditError::BadChoice { .. })
        ));
        assert_eq!(
            apply(&mut a, Pane::Goals, Some(3), &["x".into()], now()),
            Err(EditError::NoSuchEntry)
        );
        assert_eq!(a, before);
    }

    #[test]
    fn people_round_trip_through_values() {
        let mut a = Account::new("Acme", now());
        let vals: Vec<String> = [
            "Dana Ruiz",
            "CFO",
            "economic-buyer",
            "cash",
            "",
            "we bleed on freight",
        ]
        .map(String::from)
        .to_vec();
        let i = apply(&mut a, Pane::People, None, &vals, now()).unwrap();
        assert_eq!(a.people[i].role, Role::EconomicBuyer);
        assert_eq!(values(&a, Pane::People, i).unwrap(), vals);
    }

    #[test]
    fn choice_words_match_the_file_format() {
        for (i, p) in Priority::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(p).unwrap(), PRIORITIES[i]);
            assert_eq!(*p as usize, i);
        }
        for (i, r) in Role::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(r).unwrap(), ROLES[i]);
            assert_eq!(*r as usize, i);
        }
    }

    #[test]
    fn remove_and_move() {
        let mut a = Account::new("Acme", now());
        for t in ["a", "b", "c"] {
            a.world.threats.push(Item::new(t, now()));
        }
        assert_eq!(move_entry(&mut a, Pane::Threats, 0, true, now()), None);
        assert_eq!(move_entry(&mut a, Pane::Threats, 0, false, now()), Some(1));
        assert_eq!(a.title(Pane::Threats, 1), Some("a"));
        assert_eq!(move_entry(&mut a, Pane::Threats, 2, false, now()), None);
        assert!(remove(&mut a, Pane::Threats, 0, now()));
        assert!(!remove(&mut a, Pane::Threats, 5, now()));
        assert_eq!(a.len(Pane::Threats), 2);
    }
}
