//! The README's pictures: screens of the real binary as SVG files under `docs/pictures/`,
//! written when `UPDATE_PICTURES` is set and otherwise checked against a fresh render.
//!
//! `svg` draws a vt100 screen, `colour` holds its palette, `text` reads a picture's rows
//! back and hides what depends on the day. A picture is stale when the text it shows
//! differs from the screen the binary draws now; colours alone are not compared (the
//! text is what a code change breaks, and a colour change is regenerated with the rest).

pub mod colour;
pub mod svg;
pub mod text;

use std::path::PathBuf;
use text::{Mask, first_difference, masked, rows_of};

/// The one command that writes every picture afresh.
pub const REGENERATE: &str = "UPDATE_PICTURES=1 cargo test --test readme_pictures";

/// The folder of the pictures, as the README links it.
pub const FOLDER: &str = "docs/pictures";

/// The file of the picture called `name`.
pub fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(FOLDER)
        .join(format!("{name}.svg"))
}

/// True when the pictures are to be written rather than checked (`UPDATE_PICTURES` set to
/// anything but empty or `0`).
pub fn updating() -> bool {
    std::env::var_os("UPDATE_PICTURES").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Writes `fresh` as the picture `name` when updating (unless only masked parts moved);
/// otherwise fails, naming the picture, the first row that differs and the command that
/// regenerates them, unless the committed picture shows the same text once `masks` hide
/// what varies by the day.
pub fn keep(name: &str, fresh: &str, masks: &[Mask]) {
    let (file, shown) = (path(name), format!("{FOLDER}/{name}.svg"));
    let now = rows_of(fresh);
    // Checked even when updating, so a regenerated picture never leaves a mask behind.
    if let Err(why) = masked(&now, masks) {
        panic!("{shown}: {why}; change the masks in tests/readme_pictures.rs");
    }
    if updating() {
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        if !same_but_masked(&committed, fresh, masks) {
            std::fs::create_dir_all(file.parent().expect("a folder")).expect("create docs/pictures");
            std::fs::write(&file, fresh).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
        }
        return;
    }
    let committed = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{shown}: {e}\nMake the pictures with: {REGENERATE}"));
    if let Err(why) = same_text(&rows_of(&committed), &now, masks) {
        panic!("{shown} is stale: {why}\nRegenerate the pictures with: {REGENERATE}");
    }
}

/// Ok when the committed rows and the rows now are the same once masked; otherwise which row
/// differs, with both versions of it.
fn same_text(committed: &[String], now: &[String], masks: &[Mask]) -> Result<(), String> {
    let now = masked(now, masks)?;
    // A picture from before a mask existed may not match it: then it is compared as it is,
    // and the difference shows where.
    let committed = masked(committed, masks).unwrap_or_else(|_| committed.to_vec());
    match first_difference(&committed, &now) {
        None => Ok(()),
        Some(i) => Err(format!(
            "row {} of {} differs\n  picture: {}\n  now:     {}",
            i + 1,
            now.len().max(committed.len()),
            committed.get(i).map_or("(no such row)", String::as_str),
            now.get(i).map_or("(no such row)", String::as_str),
        )),
    }
}

/// True when the SVG `fresh` differs from `committed` only in lines drawing a masked row
/// whose masked text is the same: rewriting the file would only change the date or the
/// timing it shows, so regenerating leaves it alone.
fn same_but_masked(committed: &str, fresh: &str, masks: &[Mask]) -> bool {
    committed.lines().count() == fresh.lines().count()
        && committed
            .lines()
            .zip(fresh.lines())
            .all(|(a, b)| a == b || masked_alike(a, b, masks))
}

/// True when the lines `a` and `b` each draw one row, and a mask hides the same text in both.
fn masked_alike(a: &str, b: &str, masks: &[Mask]) -> bool {
    let (a, b) = (rows_of(a), rows_of(b));
    let ([a], [b]) = (&a[..], &b[..]) else {
        return false;
    };
    masks
        .iter()
        .any(|m| m.hide(a).is_some() && m.hide(a) == m.hide(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(rows: &[&str]) -> Vec<String> {
        rows.iter().map(|r| (*r).to_owned()).collect()
    }

    #[test]
    fn a_changed_row_is_named_with_both_versions() {
        let committed = strings(&["│one│", "│two│", "│six│"]);
        let now = strings(&["│one│", "│ten│", "│six│"]);
        let err = same_text(&committed, &now, &[]).unwrap_err();
        assert!(err.starts_with("row 2 of 3 differs"), "{err}");
        assert!(
            err.contains("picture: │two│") && err.contains("now:     │ten│"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_row_is_a_difference() {
        let err = same_text(&strings(&["a"]), &strings(&["a", "b"]), &[]).unwrap_err();
        assert!(
            err.contains("row 2 of 2") && err.contains("(no such row)"),
            "{err}"
        );
    }

    #[test]
    fn what_a_mask_hides_may_differ() {
        let mask = Mask {
            after: "Due ",
            before: "│",
            why: "a date",
        };
        let committed = strings(&["│Due Tue 1 Dec  │"]);
        assert_eq!(
            same_text(&committed, &strings(&["│Due Wed 30 Dec │"]), &[mask]),
            Ok(())
        );
    }

    #[test]
    fn regenerating_leaves_a_picture_alone_when_only_a_masked_part_moved() {
        let mask = Mask {
            after: "took ",
            before: "│",
            why: "the clock",
        };
        let committed = "<svg>\n<text y=\"1\"><tspan>│took 0.3 s │</tspan></text>\n</svg>\n";
        let slower = "<svg>\n<text y=\"1\"><tspan>│took 12 s  │</tspan></text>\n</svg>\n";
        let recoloured = "<svg>\n<text y=\"1\"><tspan>│took 12 s  │</tspan></text>\n</svg fill=\"#fff\">\n";
        assert!(same_but_masked(committed, slower, &[mask]));
        let mask = Mask {
            after: "took ",
            before: "│",
            why: "the clock",
        };
        assert!(!same_but_masked(committed, recoloured, &[mask]));
        assert!(!same_but_masked(committed, slower, &[]));
        assert!(!same_but_masked("", slower, &[]));
    }
}
