//! `callbook bank`: list or search the question bank (built-in and the user's own), print it
//! as a bank file, or import a bank file into the user's own questions (with its progress
//! on stderr for a large file, when that is a terminal).

use super::progress::Progress;
use super::safe_json;
use crate::domain::bank::{BANK_SCHEMA, BankFile, BankQuestion, builtin};
use crate::domain::health::count;
use crate::domain::search::WordIndex;
use crate::domain::text::clean;
use crate::domain::{ItemId, bank};
use crate::storage::{self, Store, Watch};
use anyhow::bail;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// What `callbook bank` was asked for.
pub(super) struct Request<'a> {
    /// Words to find, in any form and order (see `WordIndex`); best matches first.
    pub search: Option<&'a str>,
    /// Print a bank file (JSON) instead of lines.
    pub json: bool,
    /// Only the user's own questions.
    pub mine: bool,
    /// A bank file to add to the user's own questions.
    pub import: Option<&'a Path>,
}

/// Runs `callbook bank`.
pub(super) fn run(store: &Store, req: Request, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(file) = req.import {
        return import(store, file, out);
    }
    let mine = store.load_bank()?;
    let mut questions = if req.mine { Vec::new() } else { builtin().questions };
    questions.extend(mine.questions);
    if let Some(query) = req.search {
        let hits = WordIndex::new(questions.iter().map(|q| q.text.as_str())).search(query);
        if hits.is_empty() {
            let whose = if req.mine {
                "your own questions"
            } else {
                "the bank"
            };
            bail!(
                "no matches for {:?} in {whose} ({}); try fewer words, or other ones",
                clean(query, false),
                count(questions.len(), "question", "questions")
            );
        }
        questions = hits.into_iter().map(|i| questions[i].clone()).collect();
    }
    if req.json {
        let file = BankFile {
            schema: BANK_SCHEMA,
            questions,
            extra: Default::default(),
        };
        let text = serde_json::to_string_pretty(&file)?;
        writeln!(out, "{}", safe_json(&text))?;
    } else {
        for q in &questions {
            writeln!(out, "{}", line(q))?;
        }
    }
    Ok(())
}

/// One question as a readable line: id, SPIN type, open or closed, category, text.
fn line(q: &BankQuestion) -> String {
    format!(
        "{:<10} {:<12} {:<6} {:<28} {}",
        clean(&q.id, false),
        q.spin.name(),
        if q.open { "open" } else { "closed" },
        q.category.title(),
        clean(&q.text, false)
    )
}

/// `bank --import FILE`: adds the file's questions to the user's own, skipping any whose
/// text is in the bank already. The file is checked whole before anything is written; a
/// large one shows its progress on stderr.
fn import(store: &Store, file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = crate::storage::read_named(file)?;
    let (incoming, newer) = storage::parse_bank(&text, file)?;
    if let Some(schema) = newer {
        bail!(
            "{}: written by a newer callbook (bank schema {schema}); not imported",
            file.display()
        );
    }
    let total = incoming.questions.len();
    let progress = Progress::for_stderr(total, "checking questions");
    check_incoming(file, &incoming.questions, &progress)?;
    let mut mine = store.load_bank()?;
    progress.begin("adding questions", total);
    let (added, skipped) = add_new(&mut mine, incoming.questions, &progress);
    progress.finish();
    if added > 0 {
        store.save_bank(&mine)?;
    }
    writeln!(out, "added {added}, skipped {skipped} already in the bank")?;
    Ok(())
}

/// Refuses the whole file for one question without text, or with a placeholder for
/// another pane than its own.
fn check_incoming(file: &Path, questions: &[BankQuestion], progress: &Progress) -> anyhow::Result<()> {
    for (n, q) in questions.iter().enumerate() {
        if q.text.trim().is_empty() {
            bail!(
                "{}: question {} has no text; nothing imported",
                file.display(),
                n + 1
            );
        }
        if bank::placeholder(&q.text).is_some_and(|(_, pane)| q.pane.is_some_and(|p| p != pane)) {
            bail!(
                "{}: question {} has a placeholder for another pane; nothing imported",
                file.display(),
                n + 1
            );
        }
        progress.tick();
    }
    Ok(())
}

/// Adds to `mine` the questions whose text is in neither bank yet (a built-in id, or one
/// taken, gets a new one); how many were added and how many skipped.
fn add_new(mine: &mut BankFile, incoming: Vec<BankQuestion>, progress: &Progress) -> (usize, usize) {
    let mut known: HashSet<String> = builtin()
        .questions
        .iter()
        .chain(&mine.questions)
        .map(|q| q.text.trim().to_lowercase())
        .collect();
    let mut ids: HashSet<String> = mine.questions.iter().map(|q| q.id.clone()).collect();
    let (mut added, mut skipped) = (0, 0);
    for mut q in incoming {
        progress.tick();
        if !known.insert(q.text.trim().to_lowercase()) {
            skipped += 1;
            continue;
        }
        if q.id.starts_with('b') || !ids.insert(q.id.clone()) {
            q.id = format!("u{}", ItemId::generate());
            ids.insert(q.id.clone());
        }
        mine.questions.push(q);
        added += 1;
    }
    (added, skipped)
}
