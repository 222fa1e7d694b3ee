//! What a sync brought in, in words a rep reads: per account file, who changed what
//! ("Coach Kim commented on 2 items of Ashcombe Cold Freight").

use super::git::Git;
use crate::domain::Account;
use crate::domain::health::count;
use crate::domain::text::capitalised;
use crate::storage;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What the commits from `before` to `after` brought, per file, with who wrote them.
pub(super) fn came_in(git: &Git, before: &str, after: &str) -> anyhow::Result<Vec<String>> {
    let range = format!("{before}..{after}");
    let files = git.ok(&["diff", "--name-only", before, after, "--", "."])?;
    let mut lines = Vec::new();
    for f in files.lines().filter(|l| !l.is_empty()) {
        let authors = git.ok(&["log", "--no-merges", "--format=%an", &range, "--", f])?;
        let authors: BTreeSet<&str> = authors.lines().filter(|a| !a.is_empty()).collect();
        let who = authors.into_iter().collect::<Vec<_>>().join(" and ");
        let old = account_at(git, before, f);
        let new = account_at(git, after, f);
        lines.push(describe_file(f, old.as_ref(), new.as_ref(), Some(&who)));
    }
    Ok(lines)
}

/// The account file `path` as commit `rev` has it, if it is one.
pub(super) fn account_at(git: &Git, rev: &str, path: &str) -> Option<Account> {
    if !is_account(path) {
        return None;
    }
    let text = git.ok(&["show", &format!("{rev}:./{path}")]).ok()?;
    storage::parse(&text, Path::new(path)).ok().map(|(a, _)| a)
}

pub(super) fn read_account(path: &Path) -> Option<Account> {
    let text = std::fs::read_to_string(path).ok()?;
    storage::parse(&text, path).ok().map(|(a, _)| a)
}

pub(super) fn is_account(path: &str) -> bool {
    path.starts_with("accounts/") && path.ends_with(".json")
}

/// One file's change in words: "Coach Kim commented on 2 items of Ashcombe Cold Freight".
pub(super) fn describe_file(
    path: &str,
    old: Option<&Account>,
    new: Option<&Account>,
    who: Option<&str>,
) -> String {
    let who = who.filter(|w| !w.is_empty());
    let subject = |verb: &str| match who {
        Some(w) => format!("{w} {verb}"),
        None => capitalised(verb),
    };
    match (old, new, is_account(path)) {
        (None, Some(n), true) => subject(&format!("added the account {}", n.name)),
        (Some(o), None, true) => subject(&format!("removed the account {}", o.name)),
        (Some(o), Some(n), true) => {
            let c = Change::between(o, n);
            let mut parts = Vec::new();
            if c.commented > 0 {
                parts.push(format!("commented on {}", count(c.commented, "item", "items")));
            }
            if c.records > 0 {
                parts.push(format!("changed {}", count(c.records, "record", "records")));
            }
            if parts.is_empty() {
                parts.push("changed".to_owned());
            }
            subject(&format!("{} of {}", parts.join(" and "), n.name))
        }
        _ => subject(&format!("changed {path}")),
    }
}

/// How one version of an account differs from another, in what a reader cares about.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Change {
    /// Records newly commented on (distinct anchors of comments or replies added).
    commented: usize,
    /// Records added, changed or removed, comments aside.
    records: usize,
}

impl Change {
    fn between(old: &Account, new: &Account) -> Change {
        let (o, n) = (records(old), records(new));
        let ids: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
        let records = ids.into_iter().filter(|id| o.get(*id) != n.get(*id)).count();
        let anchors: BTreeSet<&str> = new
            .comments
            .iter()
            .filter(|c| {
                old.comments
                    .iter()
                    .find(|oc| oc.id == c.id)
                    .is_none_or(|oc| oc.replies.len() < c.replies.len())
            })
            .map(|c| c.anchor.as_str())
            .collect();
        Change {
            commented: anchors.len(),
            records,
        }
    }
}

/// Every record of an account with an id, comments aside, by id.
pub(super) fn records(account: &Account) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    let Ok(mut json) = serde_json::to_value(account) else {
        return out;
    };
    if let Some(o) = json.as_object_mut() {
        o.remove("comments");
    }
    collect(&json, &mut out);
    out
}

pub(super) fn collect(v: &serde_json::Value, out: &mut BTreeMap<String, serde_json::Value>) {
    match v {
        serde_json::Value::Array(list) => {
            for r in list {
                match r.get("id").and_then(serde_json::Value::as_str) {
                    Some(id) => drop(out.insert(id.to_owned(), r.clone())),
                    None => collect(r, out),
                }
            }
        }
        serde_json::Value::Object(o) => o.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}
