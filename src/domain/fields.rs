//! The forms of an entry of the customer's world (an item, a person) and of the profile,
//! and the edits an account allows (add, change, delete, move). Editors and the CLI both
//! go through here, so validation lives in one place.

use super::account::{Account, Item, Pane, Person, Priority, Role};
use super::form::{EditError, Field, Form};
use chrono::{DateTime, Utc};

/// The editable fields of an item (goals, threats, competitors, market, why change).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemForm {
    /// The item in one line; required.
    pub text: String,
    /// Free notes.
    pub notes: String,
    /// The customer's own phrasing.
    pub their_words: String,
    /// Where it came from.
    pub source: String,
    /// How much it matters.
    pub priority: Priority,
}

impl Form for ItemForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("text", "Text", |f| &f.text, |f| &mut f.text),
        Field::text("notes", "Notes", |f| &f.notes, |f| &mut f.notes),
        Field::quote(
            "their_words",
            "Their own words",
            |f| &f.their_words,
            |f| &mut f.their_words,
        ),
        Field::line("source", "Source", |f| &f.source, |f| &mut f.source),
        Field::choice("priority", "Priority", |f| &f.priority, |f| &mut f.priority),
    ];
}

impl From<&Item> for ItemForm {
    fn from(it: &Item) -> Self {
        ItemForm {
            text: it.text.clone(),
            notes: it.notes.clone(),
            their_words: it.their_words.clone(),
            source: it.source.clone(),
            priority: it.priority,
        }
    }
}

impl ItemForm {
    /// Adds a new item to `pane` (`at` = `None`) or changes item `at`; returns its index.
    /// The item's id and creation time survive a change; `updated` is set to `now` on both.
    pub fn apply(
        self,
        account: &mut Account,
        pane: Pane,
        at: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| account.items(pane)?.get(i)).map(ItemForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let items = account.items_mut(pane).ok_or(EditError::NoSuchEntry)?;
        let item = slot(items, at, || Item::new("", now))?;
        (item.text, item.notes, item.their_words) = (form.text, form.notes, form.their_words);
        (item.source, item.priority, item.updated) = (form.source, form.priority, now);
        let index = at.unwrap_or(items.len() - 1);
        Ok(index)
    }
}

/// The editable fields of a person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonForm {
    /// Their name; required.
    pub name: String,
    /// Their job title.
    pub title: String,
    /// Their part in the decision.
    pub role: Role,
    /// What they care about, in their terms.
    pub cares_about: String,
    /// Free notes.
    pub notes: String,
    /// Things they said, in their words.
    pub their_words: String,
}

impl Form for PersonForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("name", "Name", |f| &f.name, |f| &mut f.name),
        Field::line("title", "Title", |f| &f.title, |f| &mut f.title),
        Field::choice("role", "Role in the decision", |f| &f.role, |f| &mut f.role),
        Field::text(
            "cares_about",
            "What they care about",
            |f| &f.cares_about,
            |f| &mut f.cares_about,
        ),
        Field::text("notes", "Notes", |f| &f.notes, |f| &mut f.notes),
        Field::quote(
            "their_words",
            "Their own words",
            |f| &f.their_words,
            |f| &mut f.their_words,
        ),
    ];
}

impl From<&Person> for PersonForm {
    fn from(p: &Person) -> Self {
        PersonForm {
            name: p.name.clone(),
            title: p.title.clone(),
            role: p.role,
            cares_about: p.cares_about.clone(),
            notes: p.notes.clone(),
            their_words: p.their_words.clone(),
        }
    }
}

impl PersonForm {
    /// Adds a new person (`at` = `None`) or changes person `at`; returns their index. The
    /// id and creation time survive a change; `updated` is set to `now` on both.
    pub fn apply(
        self,
        account: &mut Account,
        at: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| account.people.get(i)).map(PersonForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let people = &mut account.people;
        let p = slot(people, at, || Person::new("", now))?;
        (p.name, p.title, p.role) = (form.name, form.title, form.role);
        (p.cares_about, p.notes, p.their_words) = (form.cares_about, form.notes, form.their_words);
        p.updated = now;
        let index = at.unwrap_or(people.len() - 1);
        Ok(index)
    }
}

/// The editable fields of the account's profile: who the customer is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileForm {
    /// The account's name; required.
    pub name: String,
    /// Their industry, in their terms.
    pub industry: String,
    /// Their website.
    pub website: String,
    /// Their business in a few lines.
    pub summary: String,
}

impl Form for ProfileForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title("name", "Account name", |f| &f.name, |f| &mut f.name),
        Field::line(
            "industry",
            "Industry, in their terms",
            |f| &f.industry,
            |f| &mut f.industry,
        ),
        Field::line("website", "Website", |f| &f.website, |f| &mut f.website),
        Field::text(
            "summary",
            "Their business in a few lines",
            |f| &f.summary,
            |f| &mut f.summary,
        ),
    ];
}

impl From<&Account> for ProfileForm {
    fn from(account: &Account) -> Self {
        let p = &account.profile;
        ProfileForm {
            name: account.name.clone(),
            industry: p.industry.clone(),
            website: p.website.clone(),
            summary: p.summary.clone(),
        }
    }
}

impl ProfileForm {
    /// Sets the account's name and profile; the name can't be blank.
    pub fn apply(self, account: &mut Account, now: DateTime<Utc>) -> Result<(), EditError> {
        let before = ProfileForm::from(&*account);
        let form = self.tidied_against(Some(&before))?;
        if form != before {
            account.name = form.name;
            let p = &mut account.profile;
            (p.industry, p.website, p.summary) = (form.industry, form.website, form.summary);
            p.updated = Some(now);
        }
        Ok(())
    }
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

/// Removes entry `i` of `pane`; false when there is none. (`_now` is kept for callers: a
/// removal leaves no record behind to carry its time, so the account's last change is that of
/// what remains.)
pub fn remove(account: &mut Account, pane: Pane, i: usize, _now: DateTime<Utc>) -> bool {
    if i >= account.len(pane) {
        return false;
    }
    match account.items_mut(pane) {
        Some(items) => drop(items.remove(i)),
        None => drop(account.people.remove(i)),
    }
    true
}

/// Moves entry `i` of `pane` one place up (`up`) or down; returns its new index, or `None`
/// when it is already at that end.
pub fn move_entry(
    account: &mut Account,
    pane: Pane,
    i: usize,
    up: bool,
    _now: DateTime<Utc>,
) -> Option<usize> {
    let j = match account.items_mut(pane) {
        Some(items) => step(items, i, up)?,
        None => step(&mut account.people, i, up)?,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn add_change_keeps_id_and_created() {
        let mut a = Account::new("Acme", now());
        let mut form = ItemForm {
            text: "  Open a plant in Ohio ".into(),
            ..ItemForm::default()
        };
        let i = form.clone().apply(&mut a, Pane::Goals, None, now()).unwrap();
        let id = a.world.goals[i].id.clone();
        assert_eq!(a.world.goals[i].text, "Open a plant in Ohio");
        form.notes = "first line\nsecond line".into();
        form.priority = Priority::High;
        let later = now() + chrono::Duration::hours(1);
        form.apply(&mut a, Pane::Goals, Some(i), later).unwrap();
        let g = &a.world.goals[i];
        assert_eq!((g.id.clone(), g.created, g.updated), (id, now(), later));
        assert_eq!(
            (g.notes.as_str(), g.priority),
            ("first line\nsecond line", Priority::High)
        );
        assert_eq!(
            a.last_change(),
            later,
            "the account's last change is its newest record's"
        );
    }

    #[test]
    fn bad_values_are_refused_and_change_nothing() {
        let mut a = Account::new("Acme", now());
        let before = a.clone();
        assert_eq!(
            ItemForm::default().apply(&mut a, Pane::Goals, None, now()),
            Err(EditError::Required("Text"))
        );
        let mut dana = PersonForm {
            name: "Dana".into(),
            ..PersonForm::default()
        };
        let refused = dana.set("role", "boss");
        assert!(matches!(refused, Err(EditError::BadChoice { .. })), "{refused:?}");
        assert_eq!(
            refused.unwrap_err().to_string(),
            "Role in the decision must be one of: economic-buyer, decision-maker, user, technical, \
             coach, unknown"
        );
        let x = ItemForm {
            text: "x".into(),
            ..ItemForm::default()
        };
        assert_eq!(
            x.clone().apply(&mut a, Pane::Goals, Some(3), now()),
            Err(EditError::NoSuchEntry)
        );
        assert_eq!(
            x.apply(&mut a, Pane::People, None, now()),
            Err(EditError::NoSuchEntry)
        );
        assert_eq!(a, before);
    }

    #[test]
    fn people_round_trip_through_forms() {
        let mut a = Account::new("Acme", now());
        let words = [
            "Dana Ruiz",
            "CFO",
            "economic-buyer",
            "cash",
            "",
            "we bleed on freight",
        ];
        let mut form = PersonForm::default();
        for (field, word) in PersonForm::FIELDS.iter().zip(words) {
            form.set(field.key, word).unwrap();
        }
        let i = form.apply(&mut a, None, now()).unwrap();
        assert_eq!(a.people[i].role, Role::EconomicBuyer);
        assert_eq!(PersonForm::from(&a.people[i]).texts(), words);
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
