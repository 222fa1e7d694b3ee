//! Ending cleanly when the app is told to stop or loses its terminal: a hang-up (the window
//! closed, ssh dropped), `kill`, SIGINT or SIGQUIT, or end-of-file or an error on the
//! terminal. By the time this runs the terminal is restored; what the user committed is
//! saved, and any text typed but not yet saved (an open editor, a rehearsal answer) is written
//! to `recovery.json` in the data folder, so nothing typed is lost.

use crate::app::editor::{FieldValue, Target};
use crate::app::recovery::Recovered;
use crate::app::rehearse::Phase;
use crate::app::{App, Effect, Overlay};
use crate::domain::Pane;
use crate::effects;
use crate::storage::{Store, write_atomic};
use std::io::Write;
use std::process::ExitCode;

/// The signals that end the app cleanly.
pub const SIGNALS: [i32; 4] = [libc::SIGHUP, libc::SIGTERM, libc::SIGINT, libc::SIGQUIT];

/// Why the app is ending.
pub enum Cause {
    /// One of [`SIGNALS`].
    Signal(i32),
    /// The terminal went away (end-of-file) or failed; what it said.
    Terminal(String),
}

impl Cause {
    fn words(&self) -> String {
        match self {
            Cause::Signal(libc::SIGHUP) => "the terminal was closed (SIGHUP)".into(),
            Cause::Signal(libc::SIGTERM) => "it was told to stop (SIGTERM)".into(),
            Cause::Signal(libc::SIGINT) => "it was interrupted (SIGINT)".into(),
            Cause::Signal(libc::SIGQUIT) => "it was told to quit (SIGQUIT)".into(),
            Cause::Signal(n) => format!("signal {n}"),
            Cause::Terminal(e) => format!("the terminal went away ({e})"),
        }
    }
}

/// Saves, keeps what was typed, says what happened on stderr; the exit code is 128 plus the
/// signal's number, as shells expect, or 1 when the terminal went away.
pub fn finish(app: &mut App, store: &Store, cause: &Cause) -> ExitCode {
    let why = cause.words();
    let typed = typed(app, &why);
    effects::run(vec![Effect::Save], app, store);
    let mut said = format!("callbook: ended because {why}");
    if let Some(save_error) = app.workbook.as_ref().and_then(|wb| wb.doc.save_error.clone()) {
        said.push_str(&format!("; the last change could not be saved: {save_error}"));
    }
    if let Some(recovery) = typed {
        let path = store.root().join("recovery.json");
        let json = serde_json::to_string_pretty(&recovery).unwrap_or_default() + "\n";
        match write_atomic(store.root(), &path, json.as_bytes()) {
            Ok(()) => said.push_str(&format!("; the text you were typing is in {}", path.display())),
            Err(e) => said.push_str(&format!("; the text you were typing could not be kept: {e}")),
        }
    }
    // The terminal may be gone: a failed write is no reason to panic now.
    let _ = writeln!(std::io::stderr(), "{}", crate::domain::text::clean(&said, true));
    match cause {
        Cause::Signal(n) => ExitCode::from(u8::try_from(128 + n).unwrap_or(1)),
        Cause::Terminal(_) => ExitCode::FAILURE,
    }
}

/// The text typed but not saved, if any: an editor with changes, or a rehearsal answer.
fn typed(app: &App, why: &str) -> Option<Recovered> {
    let account = app.workbook.as_ref().map(|wb| wb.doc.id.to_string());
    let recovery = |what: String, pane: Option<Pane>, fields: Vec<(String, String)>| Recovered {
        when: app.now(),
        why: why.to_owned(),
        account: account.clone(),
        what,
        pane: pane.map(|p| p.cli_name().to_owned()),
        fields,
    };
    if let Some(Overlay::Editor(e)) = &app.overlay
        && e.is_changed()
    {
        let fields = e
            .fields
            .iter()
            .filter_map(|w| match &w.value {
                FieldValue::Text(t) => Some((w.label.to_owned(), t.text())),
                _ => None,
            })
            .collect();
        // A new entry of the world (not an edit of one) can be taken back as it was.
        let pane = match (e.target(), e.at) {
            (Target::Entry(pane), None) => Some(pane),
            _ => None,
        };
        return Some(recovery(
            format!("the {} editor", e.target().title()),
            pane,
            fields,
        ));
    }
    if let Some(Phase::Answer { input, .. }) = app.rehearsal.as_ref().map(|r| &r.phase) {
        let text = input.text();
        if !text.trim().is_empty() {
            return Some(recovery(
                "a rehearsal answer".into(),
                None,
                vec![("answer".into(), text)],
            ));
        }
    }
    None
}

/// The text an earlier session kept, if `recovery.json` holds any: offered back at start.
pub fn kept(store: &Store) -> Option<Recovered> {
    let path = store.root().join("recovery.json");
    let text = crate::storage::read_text(store.root(), &path).ok()?;
    serde_json::from_str(&text).ok()
}
