//! `callbook offerings`: the team's offerings, each by the customer's problem it solves, with
//! what the linter finds in its description; as an offerings file (JSON); or an offerings file
//! imported.

use super::safe_json;
use crate::domain::offering::{OfferingsFile, concerns, list_warnings};
use crate::domain::text::clean;
use crate::storage::{self, Store};
use anyhow::bail;
use std::io::Write;
use std::path::Path;

/// Runs `callbook offerings`.
pub(super) fn run(
    store: &Store,
    json: bool,
    import: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let Some(file) = import {
        return import_file(store, file, out);
    }
    let offerings = store.load_offerings()?;
    if json {
        let text = serde_json::to_string_pretty(&offerings)?;
        writeln!(out, "{}", safe_json(&text))?;
        return Ok(());
    }
    if offerings.offerings.is_empty() {
        writeln!(
            out,
            "No offerings yet: `callbook offerings --import FILE` adds them ({})",
            store.offerings_path().display()
        )?;
        return Ok(());
    }
    for o in &offerings.offerings {
        writeln!(out, "{}: {}", clean(&o.name, false), clean(&o.problem, false))?;
        for c in concerns(o) {
            writeln!(out, "  ! {}", clean(&c, false))?;
        }
    }
    for w in list_warnings(&offerings) {
        writeln!(out, "! {}", clean(&w, false))?;
    }
    Ok(())
}

/// `offerings --import FILE`: adds the file's offerings to the team's, skipping any whose
/// name is taken (ignoring case); nothing is written when the file is bad.
fn import_file(store: &Store, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = storage::read_named(file)?;
    let (incoming, newer) = storage::parse_offerings(&text, file)?;
    if let Some(schema) = newer {
        bail!(
            "{}: written by a newer callbook (schema {schema}); nothing imported",
            file.display()
        );
    }
    if let Some(blank) = incoming.offerings.iter().find(|o| o.name.trim().is_empty()) {
        bail!(
            "{}: offering {:?} has no name; nothing imported",
            file.display(),
            clean(&blank.id, false)
        );
    }
    let mut mine: OfferingsFile = store.load_offerings()?;
    let (mut added, mut skipped) = (0, 0);
    for mut o in incoming.offerings {
        let taken = mine
            .offerings
            .iter()
            .any(|m| m.name.trim().eq_ignore_ascii_case(o.name.trim()));
        if taken {
            skipped += 1;
            continue;
        }
        if o.id.trim().is_empty() || mine.offerings.iter().any(|m| m.id == o.id) {
            o.id = crate::domain::ItemId::generate().as_str().to_owned();
        }
        mine.offerings.push(o);
        added += 1;
    }
    store.save_offerings(&mine)?;
    writeln!(out, "{added} added, {skipped} skipped (a name already there)")?;
    for w in list_warnings(&mine) {
        writeln!(out, "! {}", clean(&w, false))?;
    }
    Ok(())
}
