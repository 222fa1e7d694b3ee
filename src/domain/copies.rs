//! Conflict copies: when a merge finds a record both sides changed, it keeps theirs beside
//! ours as a marked copy naming the original (`conflict_of`, see `merge`). This finds them
//! and keeps one of the two: the kept version takes the original's id, so links and comments
//! that point at it still do, and the mark goes from its text.

use super::account::Account;
use super::merge::{CONFLICT_OF, MARK};
use serde_json::{Map, Value};

/// The ids of the records that are conflict copies, each with the id of its original.
pub fn copies(account: &Account) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(json) = serde_json::to_value(account) {
        walk(&json, &mut |obj| {
            if let (Some(Value::String(id)), Some(Value::String(of))) = (obj.get("id"), obj.get(CONFLICT_OF))
            {
                out.push((id.clone(), of.clone()));
            }
        });
    }
    out
}

/// True when the record `id` of a list (given as each record's id and unknown fields) is a
/// conflict copy or the original of one: cheap enough for every frame.
pub fn doubled<'a>(mut list: impl Iterator<Item = (&'a str, &'a super::account::Extra)>, id: &str) -> bool {
    let of = |extra: &'a super::account::Extra| extra.get(CONFLICT_OF).and_then(Value::as_str);
    list.any(|(rid, extra)| (rid == id && of(extra).is_some()) || of(extra) == Some(id))
}

fn walk(v: &Value, f: &mut impl FnMut(&Map<String, Value>)) {
    match v {
        Value::Object(o) => {
            f(o);
            o.values().for_each(|v| walk(v, f));
        }
        Value::Array(a) => a.iter().for_each(|v| walk(v, f)),
        _ => {}
    }
}

/// Keeps the version of a doubled record whose id is `keep` (the original or its copy) and
/// drops the other. `None` when `keep` is neither a copy nor the original of one.
pub fn keep(account: &Account, keep: &str) -> Option<Account> {
    let (copy, original) = copies(account)
        .into_iter()
        .find(|(id, of)| id == keep || of == keep)?;
    let mut json = serde_json::to_value(account).ok()?;
    let kept_copy = copy == keep;
    resolve(&mut json, &copy, &original, kept_copy);
    serde_json::from_value(json).ok()
}

/// In the list holding the copy: drops the version not kept; the kept copy becomes the
/// original (its id, no mark, no `conflict_of`).
fn resolve(v: &mut Value, copy: &str, original: &str, kept_copy: bool) -> bool {
    match v {
        Value::Array(list) if list.iter().any(|r| id(r) == Some(copy)) => {
            let drop = if kept_copy { original } else { copy };
            list.retain(|r| id(r) != Some(drop));
            if let Some(Value::Object(o)) = list.iter_mut().find(|r| id(r) == Some(copy)) {
                o.remove(CONFLICT_OF);
                o.insert("id".into(), Value::String(original.to_owned()));
                unmark(o);
            }
            true
        }
        Value::Array(list) => list.iter_mut().any(|r| resolve(r, copy, original, kept_copy)),
        Value::Object(o) => o.values_mut().any(|r| resolve(r, copy, original, kept_copy)),
        _ => false,
    }
}

fn id(v: &Value) -> Option<&str> {
    v.as_object()?.get("id")?.as_str()
}

/// The copy's first text without the merge's mark.
fn unmark(o: &mut Map<String, Value>) {
    for key in ["text", "name", "line", "objective", "title"] {
        if let Some(Value::String(s)) = o.get_mut(key)
            && let Some(stripped) = s.strip_suffix(MARK)
        {
            *s = stripped.to_owned();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::merge;
    use crate::domain::{Item, now};

    fn doubled() -> (Account, String) {
        let mut base = Account::new("Acme", now());
        base.world.goals.push(Item::new("Grow pharma", now()));
        base.world.goals.push(Item::new("Cut empty miles", now()));
        let id = base.world.goals[0].id.to_string();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.world.goals[0].text = "Grow pharma to 20%".into();
        theirs.world.goals[0].text = "Grow pharma to 25%".into();
        (merge(&base, &ours, &theirs).unwrap().account, id)
    }

    #[test]
    fn a_merge_copy_names_its_original() {
        let (a, id) = doubled();
        let found = copies(&a);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, id);
        assert_eq!(a.world.goals[1].text, "Grow pharma to 25% (changed elsewhere)");
    }

    #[test]
    fn keeping_the_copy_gives_it_the_original_id_and_drops_ours() {
        let (a, id) = doubled();
        let copy = copies(&a)[0].0.clone();
        let kept = keep(&a, &copy).unwrap();
        let texts: Vec<&str> = kept.world.goals.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["Grow pharma to 25%", "Cut empty miles"]);
        assert_eq!(kept.world.goals[0].id.to_string(), id);
        assert!(copies(&kept).is_empty());
    }

    #[test]
    fn keeping_the_original_drops_the_copy_and_an_unknown_id_is_none() {
        let (a, id) = doubled();
        let kept = keep(&a, &id).unwrap();
        let texts: Vec<&str> = kept.world.goals.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["Grow pharma to 20%", "Cut empty miles"]);
        assert!(keep(&a, "nope").is_none());
        let other = a.world.goals[2].id.to_string();
        assert!(keep(&a, &other).is_none(), "a record with no copy");
    }
}
