//! The `[keys.SCOPE]` tables of the settings: the user's remaps of the keymap table's
//! bindings (`[keys.world] add = "o"`, or a list: `down = ["j", "Ctrl-n"]`), checked
//! against the table so that every mistake is found and placed, none silently ignored.

use crate::app::Action;
use crate::app::keymap::{
    Binding, Key, Keymap, Scope, TYPING_SCOPES, WRITTEN_AS, action_name, fixed, key_label, parse_key,
};
use std::collections::BTreeMap;
use std::ops::Range;
use toml::{Spanned, Value};

/// `[keys]` as the file holds it: scope name, then action name, then the key or keys,
/// each with where it sits in the file.
pub type RawKeys = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Value>>>;

/// One remap: in `scope`, `action` is done by `keys` instead of the table's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remap {
    /// Where it applies.
    pub scope: Scope,
    /// What the keys do.
    pub action: Action,
    /// The keys, at least one.
    pub keys: Vec<Key>,
}

/// A mistake in `[keys]`: where it sits in the file (bytes) and what is wrong.
pub type Problem = (Range<usize>, String);

/// The keymap with `remaps` applied to the table's.
pub fn keymap(remaps: &[Remap]) -> Keymap {
    let mut keys = Keymap::default();
    for r in remaps {
        keys.rebind_all(r.scope, &r.action, &r.keys);
    }
    keys
}

/// Reads `[keys]`: the remaps, or every problem found (unknown scopes, actions and keys,
/// keys that can't be bound there, a key bound twice in one scope).
pub fn parse(raw: &RawKeys) -> Result<Vec<Remap>, Vec<Problem>> {
    let table = Keymap::default();
    let (mut remaps, mut problems, mut places) = (Vec::new(), Vec::new(), Vec::new());
    for (scope_name, actions) in raw {
        let Some(scope) = Scope::from_config_name(&kebab(scope_name.get_ref())) else {
            problems.push((scope_name.span(), unknown_scope(scope_name.get_ref())));
            continue;
        };
        for (name, value) in actions {
            let found = find_action(&table, scope, &kebab(name.get_ref()));
            let keys = keys_of(value, scope);
            match (found, keys) {
                (Ok(action), Ok(keys)) => {
                    remaps.push(Remap { scope, action, keys });
                    places.push(name.span());
                }
                (Err(why), _) => problems.push((name.span(), why)),
                (_, Err(why)) => problems.push((value.span(), why)),
            }
        }
    }
    problems.extend(doubled(&keymap(&remaps), &remaps, &places));
    if problems.is_empty() {
        Ok(remaps)
    } else {
        problems.sort_by_key(|(at, _)| at.start);
        Err(problems)
    }
}

/// A name as the keymap writes it: snake case (`next_pane`) read as kebab case (`next-pane`).
fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

/// Why `name` is no scope, listing the scopes there are.
fn unknown_scope(name: &str) -> String {
    let all: Vec<&str> = Scope::all().map(Scope::config_name).collect();
    format!("unknown scope [keys.{name}]; the scopes are {}", all.join(", "))
}

/// The action `name` in `scope`, or why there is none to remap.
fn find_action(table: &Keymap, scope: Scope, name: &str) -> Result<Action, String> {
    let named = |b: &&Binding| action_name(&b.action) == name;
    if let Some(b) = table.bindings().iter().filter(|b| b.scope == scope).find(named) {
        return Ok(b.action.clone());
    }
    let elsewhere: Vec<String> = Scope::all()
        .filter(|&s| table.bindings().iter().any(|b| b.scope == s && named(&b)))
        .map(|s| format!("[keys.{}]", s.config_name()))
        .collect();
    let here = format!("[keys.{}]", scope.config_name());
    Err(if elsewhere.is_empty() {
        format!("unknown action {name:?} in {here}; `callbook config keys` lists every action by scope")
    } else {
        format!(
            "{name:?} has no key in {here} to change; it has in {}",
            elsewhere.join(", ")
        )
    })
}

/// The keys a value names: a string, or a list of at least one string, each a key that may
/// be bound in `scope`.
fn keys_of(value: &Spanned<Value>, scope: Scope) -> Result<Vec<Key>, String> {
    let texts: Vec<&str> = match value.get_ref() {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) if !many.is_empty() => many
            .iter()
            .map(|v| v.as_str().ok_or_else(|| WRITTEN_AS.to_owned()))
            .collect::<Result<_, _>>()?,
        Value::Array(_) => return Err("no key given; an action needs at least one".to_owned()),
        _ => return Err(WRITTEN_AS.to_owned()),
    };
    texts
        .into_iter()
        .map(|t| bindable(parse_key(t)?, scope))
        .collect()
}

/// `key`, unless it can't be bound in `scope`: the suspend key, and in a scope where text
/// is typed, a key that types (it could no longer be typed).
fn bindable(key: Key, scope: Scope) -> Result<Key, String> {
    let label = key_label(key);
    if key == fixed::SUSPEND {
        return Err(format!(
            "{label} suspends callbook, in every scope; pick another key"
        ));
    }
    let types = matches!(key.code, ratatui::crossterm::event::KeyCode::Char(_)) && key.mods.is_empty();
    if scope.takes_text() && types {
        return Err(format!(
            "{label} types text in [keys.{}]; bound there, it could no longer be typed: {TYPING_SCOPES}",
            scope.config_name()
        ));
    }
    Ok(key)
}

/// Keys bound twice in one scope once the remaps are applied, each placed at the remap
/// (`places[i]` is where `remaps[i]` sits) that made the clash.
fn doubled(keys: &Keymap, remaps: &[Remap], places: &[Range<usize>]) -> Vec<Problem> {
    // A clash of two remaps is said once, at the first: each is known by its scope, key and
    // pair of actions, in either order.
    let mut said = std::collections::BTreeSet::new();
    let mut problems: Vec<Problem> = Vec::new();
    for (r, place) in remaps.iter().zip(places) {
        for key in &r.keys {
            let clash = keys
                .bindings()
                .iter()
                .find(|b| b.scope == r.scope && b.key == *key && b.action != r.action);
            let Some(other) = clash else { continue };
            let (mine, theirs) = (action_name(&r.action), action_name(&other.action));
            let label = key_label(*key);
            let pair = if mine < theirs {
                (mine.clone(), theirs.clone())
            } else {
                (theirs.clone(), mine.clone())
            };
            let scope = r.scope.config_name();
            if said.insert((scope, label.clone(), pair)) {
                let why = format!("{label} is bound twice in [keys.{scope}]: to {mine} and to {theirs}");
                problems.push((place.clone(), why));
            }
        }
    }
    problems
}
