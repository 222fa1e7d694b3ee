//! No two files of the UI (`src/app/`, `src/ui/`) import each other, directly or round a
//! circle: each layer leans only on the ones below it (state types in a parent module,
//! `Ctx` below the screens, the screens below the dispatcher). A circle is found from the
//! `use` lines of each file, outside its tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`app::world`) to source, for every file under `src/`.
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<Vec<String>, String>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
                let rel = path.strip_prefix(&src).expect("under src").with_extension("");
                let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if parts
                    .last()
                    .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
                {
                    parts.pop();
                }
                out.insert(parts, std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// The paths a file's `use` lines name, as written (`super::world::WorldView`), braces
/// expanded one level.
fn used_paths(source: &str) -> Vec<Vec<String>> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim_start().starts_with("#["))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut out = Vec::new();
    for stmt in code.split(';') {
        let mut stmt = stmt.trim();
        if let Some(rest) = stmt.strip_prefix("pub") {
            // `pub use`, `pub(super) use`, `pub(in crate::app) use`.
            stmt = rest.split_once("use ").map_or("", |(_, p)| p);
        } else {
            stmt = stmt.strip_prefix("use ").unwrap_or("");
        }
        let path = stmt;
        if path.is_empty() {
            continue;
        }
        let path: String = path.split_whitespace().collect();
        let (base, items) = match path.split_once("::{") {
            Some((base, rest)) => (base.to_owned(), rest.trim_end_matches('}').to_owned()),
            None => (path.clone(), String::new()),
        };
        let base: Vec<String> = base.split("::").map(str::to_owned).collect();
        out.push(base.clone());
        for item in items.split(',').filter(|i| !i.is_empty()) {
            let mut full = base.clone();
            full.extend(
                item.split(" as ")
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .map(str::to_owned),
            );
            out.push(full);
        }
    }
    out
}

/// The module a path names from module `at`: the longest prefix that is a file.
fn resolve(at: &[String], path: &[String], modules: &BTreeMap<Vec<String>, String>) -> Option<Vec<String>> {
    let (mut full, mut rest) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("super") | Some("self") => (at.to_vec(), path),
        _ => return None,
    };
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => drop(full.pop()),
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    full.extend(rest.iter().cloned());
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| modules.contains_key(m))
}

/// Edges from each UI file to the UI files it imports (a parent module is not an edge:
/// every child sees its parent's items).
fn edges(modules: &BTreeMap<Vec<String>, String>) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let ui = |m: &[String]| matches!(m.first().map(String::as_str), Some("app" | "ui"));
    let mut out: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (at, source) in modules.iter().filter(|(m, _)| ui(m)) {
        for path in used_paths(source) {
            if let Some(to) = resolve(at, &path, modules).filter(|to| ui(to) && !at.starts_with(to)) {
                out.entry(at.clone()).or_default().insert(to);
            }
        }
    }
    out
}

/// A circle through `start`, if there is one.
fn circle(start: &[String], edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_vec(), vec![start.join("::")])];
    let mut seen = BTreeSet::new();
    while let Some((at, trail)) = stack.pop() {
        for next in edges.get(&at).into_iter().flatten() {
            if next == start {
                return Some([trail.clone(), vec![start.join("::")]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [trail.clone(), vec![next.join("::")]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_file_of_the_ui_imports_itself_round_a_circle() {
    let modules = modules();
    let edges = edges(&modules);
    assert!(
        edges.len() > 15,
        "the scan found only {} importing files",
        edges.len()
    );
    let circles: Vec<String> = edges
        .keys()
        .filter_map(|m| circle(m, &edges))
        .map(|c| c.join(" → "))
        .collect();
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

#[test]
fn the_scan_sees_a_circle_when_there_is_one() {
    let mut modules = BTreeMap::new();
    let name = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    modules.insert(name("app"), String::new());
    modules.insert(
        name("app::a"),
        "use super::b::Thing;\nuse crate::domain::X;".to_owned(),
    );
    modules.insert(
        name("app::b"),
        "#[allow(x)]\npub(super) use crate::app::{a::Other, Action};".to_owned(),
    );
    modules.insert(name("app::c"), "use super::{a, b};".to_owned());
    let edges = edges(&modules);
    assert!(circle(&name("app::a"), &edges).is_some(), "{edges:?}");
    assert!(circle(&name("app::c"), &edges).is_none(), "{edges:?}");
}
