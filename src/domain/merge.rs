//! The three-way merge of two versions of an account that both started from a common base:
//! what this app changed ("ours") and what was written elsewhere meanwhile ("theirs": another
//! window, a CLI `add`, a `git pull`). It is a pure function on the accounts' JSON, so every
//! kind of record is merged the same way, fields a newer callbook wrote included, and the git
//! merge driver can use it as it is.
//!
//! The rules, applied at every level:
//! - A value changed on one side only takes that side's change.
//! - An object is merged field by field.
//! - A list of records with ids is merged record by record, by id: a record added on either
//!   side is kept (ours first, in our order, then theirs); a record deleted on one side and
//!   left alone on the other is deleted; deleted on one side and changed on the other, it is
//!   kept with the change.
//! - Where both sides changed the same value differently, ours wins for that value, and when
//!   that value is inside a record with an id the other side's version of the whole record is
//!   kept beside it as a marked copy (a new id, " (changed elsewhere)" after its first text),
//!   so nothing either side wrote is lost; the merge says which records it doubled.
//! - A list of values without ids (links, rehearsal attempts, replies) changed on both sides
//!   is merged as a set: what either side added is kept (ours first, then theirs), what either
//!   side removed is removed; so attempts and replies from both sides all land.
//! - The marked copy of a record both sides changed names the original in `conflict_of`, so
//!   the app can offer to keep one of the two.
//! - `updated`, the time a record last changed, takes the later of the two: both sides
//!   touching a record is not a clash, only both changing the same value is.

use super::account::Account;
use serde_json::{Map, Value};

/// What a merge produced.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged account.
    pub account: Account,
    /// How many values came from their side.
    pub theirs: usize,
    /// The ids of records both sides changed differently: each is kept twice, theirs as a
    /// marked copy beside ours.
    pub doubled: Vec<String>,
}

/// The words added to the first text of their copy of a record both sides changed.
pub const MARK: &str = " (changed elsewhere)";

/// The field of a marked copy that holds the id of the record it is a copy of.
pub const CONFLICT_OF: &str = "conflict_of";

/// Merges `ours` and `theirs`, both changed from `base`. Fails only if the accounts can't be
/// written as JSON and read back, which a valid account always can.
pub fn merge(base: &Account, ours: &Account, theirs: &Account) -> Result<Merged, String> {
    let json = |a: &Account| serde_json::to_value(a).map_err(|e| e.to_string());
    let (base, ours, theirs) = (json(base)?, json(ours)?, json(theirs)?);
    let mut tally = Tally::default();
    let value = merge_value(Some(&base), &ours, &theirs, &mut tally).unwrap_or(ours);
    let account = serde_json::from_value(value).map_err(|e| e.to_string())?;
    Ok(Merged {
        account,
        theirs: tally.theirs,
        doubled: tally.doubled,
    })
}

#[derive(Default)]
struct Tally {
    theirs: usize,
    doubled: Vec<String>,
    /// Set while merging inside a record when both sides changed one of its values.
    clash: bool,
}

/// The merge of one value; `None` when it is deleted (only records in a list can be).
fn merge_value(base: Option<&Value>, ours: &Value, theirs: &Value, t: &mut Tally) -> Option<Value> {
    if ours == theirs {
        return Some(ours.clone());
    }
    if base == Some(ours) {
        t.theirs += 1;
        return Some(theirs.clone());
    }
    if base == Some(theirs) {
        return Some(ours.clone());
    }
    match (ours, theirs) {
        (Value::Object(o), Value::Object(th)) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(merge_object(b, o, th, t)))
        }
        (Value::Array(o), Value::Array(th)) if is_records(o) && is_records(th) => {
            let b = base.and_then(Value::as_array);
            Some(Value::Array(merge_records(b, o, th, t)))
        }
        (Value::Array(o), Value::Array(th)) => {
            let b = base.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            Some(Value::Array(merge_set(b, o, th, t)))
        }
        // Both changed one value differently: ours, and the record is marked as clashing.
        _ => {
            t.clash = true;
            Some(ours.clone())
        }
    }
}

fn merge_object(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    t: &mut Tally,
) -> Map<String, Value> {
    let mut out = Map::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let b = base.and_then(|b| b.get(key));
        match (ours.get(key), theirs.get(key)) {
            // Both sides touched the record: it was last changed when the later one did.
            (Some(Value::String(o)), Some(Value::String(th))) if key == "updated" => {
                let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
                let later = match (at(o), at(th)) {
                    (Some(a), Some(b)) if b > a => th,
                    (Some(_), Some(_)) => o,
                    _ => o.max(th),
                };
                out.insert(key.clone(), Value::String(later.clone()));
            }
            (Some(o), Some(th)) => {
                if let Some(v) = merge_value(b, o, th, t) {
                    out.insert(key.clone(), v);
                }
            }
            // Only ours has it: added by us, or removed by them (kept if we changed it).
            (Some(o), None) => {
                if b.is_none() || b != Some(o) {
                    out.insert(key.clone(), o.clone());
                }
            }
            (None, Some(th)) => {
                if b.is_none() || b != Some(th) {
                    t.theirs += 1;
                    out.insert(key.clone(), th.clone());
                }
            }
            (None, None) => {}
        }
    }
    out
}

/// True for a list whose every element is an object with a string `id`.
fn is_records(list: &[Value]) -> bool {
    list.iter().all(|v| id_of(v).is_some())
}

fn id_of(v: &Value) -> Option<&str> {
    v.as_object()?.get("id")?.as_str()
}

fn find<'a>(list: &'a [Value], id: &str) -> Option<&'a Value> {
    list.iter().find(|v| id_of(v) == Some(id))
}

fn merge_records(base: Option<&Vec<Value>>, ours: &[Value], theirs: &[Value], t: &mut Tally) -> Vec<Value> {
    let base = base.map_or(&[][..], Vec::as_slice);
    let mut out = Vec::new();
    for o in ours {
        let id = id_of(o).unwrap_or_default();
        let b = find(base, id);
        match find(theirs, id) {
            Some(th) => {
                let outer = std::mem::take(&mut t.clash);
                let merged = merge_value(b, o, th, t).unwrap_or_else(|| o.clone());
                let clashed = std::mem::replace(&mut t.clash, outer);
                out.push(merged);
                if clashed {
                    t.doubled.push(id.to_owned());
                    out.push(marked_copy(th, ours, theirs));
                }
            }
            // Gone from theirs: deleted there, kept only if we changed it since the base.
            None if b.is_some_and(|b| b == o) => {}
            None => out.push(o.clone()),
        }
    }
    for th in theirs {
        let id = id_of(th).unwrap_or_default();
        if find(ours, id).is_some() {
            continue;
        }
        // Gone from ours: deleted here, kept only if they changed it since the base.
        match find(base, id) {
            Some(b) if b == th => {}
            _ => {
                t.theirs += 1;
                out.push(th.clone());
            }
        }
    }
    out
}

/// A list of values without ids, changed on both sides: ours without what theirs removed,
/// then what theirs added.
fn merge_set(base: &[Value], ours: &[Value], theirs: &[Value], t: &mut Tally) -> Vec<Value> {
    let removed_there = |v: &Value| base.contains(v) && !theirs.contains(v);
    let mut out: Vec<Value> = ours.iter().filter(|v| !removed_there(v)).cloned().collect();
    for v in theirs {
        if !base.contains(v) && !out.contains(v) {
            t.theirs += 1;
            out.push(v.clone());
        }
    }
    out
}

/// Their version of a record both sides changed, under a fresh id, its first text marked.
fn marked_copy(theirs: &Value, ours: &[Value], their_list: &[Value]) -> Value {
    let mut copy = theirs.clone();
    let Some(obj) = copy.as_object_mut() else {
        return copy;
    };
    let old = obj.get("id").and_then(Value::as_str).unwrap_or("x").to_owned();
    let taken = |id: &str| find(ours, id).is_some() || find(their_list, id).is_some();
    let mut n = 2;
    let id = loop {
        let id = format!("{old}-{n}");
        if !taken(&id) {
            break id;
        }
        n += 1;
    };
    obj.insert("id".into(), Value::String(id));
    obj.insert(CONFLICT_OF.into(), Value::String(old));
    for key in ["text", "name", "line", "objective", "title"] {
        if let Some(Value::String(s)) = obj.get_mut(key) {
            s.push_str(MARK);
            break;
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Item, now};

    fn account() -> Account {
        let t = now();
        let mut a = Account::new("Acme", t);
        for text in ["Grow pharma", "Cut empty miles"] {
            a.world.goals.push(Item::new(text, t));
        }
        a
    }

    fn texts(a: &Account) -> Vec<&str> {
        a.world.goals.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn different_fields_of_one_item_both_land_without_a_copy() {
        let base = account();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let later = now() + chrono::Duration::seconds(5);
        (ours.world.goals[0].text, ours.world.goals[0].updated) = ("Grow pharma to 20%".into(), later);
        theirs.world.goals[0].notes = "the CFO's goal".into();
        theirs.world.goals[0].updated = later + chrono::Duration::seconds(1);
        let m = merge(&base, &ours, &theirs).unwrap();
        let g = &m.account.world.goals[0];
        assert_eq!(
            (g.text.as_str(), g.notes.as_str()),
            ("Grow pharma to 20%", "the CFO's goal")
        );
        assert_eq!(g.updated, later + chrono::Duration::seconds(1));
        assert!(m.doubled.is_empty());
    }

    #[test]
    fn changes_to_different_items_both_land() {
        let base = account();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.world.goals[0].text = "Grow pharma to 20%".into();
        theirs.world.goals[1].notes = "asked by the CFO".into();
        let m = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(texts(&m.account), ["Grow pharma to 20%", "Cut empty miles"]);
        assert_eq!(m.account.world.goals[1].notes, "asked by the CFO");
        assert!(m.doubled.is_empty());
        assert!(m.theirs >= 1);
    }

    #[test]
    fn additions_on_both_sides_are_all_kept() {
        let base = account();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.world.goals.push(Item::new("Ours", now()));
        theirs.world.goals.push(Item::new("Theirs", now()));
        let m = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(
            texts(&m.account),
            ["Grow pharma", "Cut empty miles", "Ours", "Theirs"]
        );
    }

    #[test]
    fn a_deletion_on_one_side_holds_unless_the_other_changed_it() {
        let base = account();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.world.goals.remove(0);
        let m = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(
            texts(&m.account),
            ["Cut empty miles"],
            "deleted here, untouched there"
        );
        theirs.world.goals[0].text = "Grow pharma, urgently".into();
        let m = merge(&base, &ours, &theirs).unwrap();
        assert!(
            texts(&m.account).contains(&"Grow pharma, urgently"),
            "changed there: kept"
        );
    }

    #[test]
    fn one_item_changed_on_both_sides_is_kept_twice() {
        let base = account();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.world.goals[0].text = "Ours".into();
        theirs.world.goals[0].text = "Theirs".into();
        let m = merge(&base, &ours, &theirs).unwrap();
        let id = base.world.goals[0].id.to_string();
        assert_eq!(m.doubled, std::slice::from_ref(&id));
        assert_eq!(
            texts(&m.account),
            ["Ours", "Theirs (changed elsewhere)", "Cut empty miles"]
        );
        assert_ne!(
            m.account.world.goals[1].id.to_string(),
            id,
            "the copy has an id of its own"
        );
    }

    #[test]
    fn merging_with_itself_or_a_one_sided_change_is_that_change() {
        let base = account();
        let mut changed = base.clone();
        changed.world.goals[1].text = "Cut empty miles by 15%".into();
        changed.world.goals.push(Item::new("New", now()));
        assert_eq!(merge(&base, &base, &base).unwrap().account, base);
        assert_eq!(merge(&base, &changed, &base).unwrap().account, changed);
        assert_eq!(merge(&base, &base, &changed).unwrap().account, changed);
    }
}
