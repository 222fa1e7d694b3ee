//! Saves in the background, for the event loop: typing goes on while an account is written.
//! A save is the same atomic, checked write as [`super::save`] (merged by id when the file
//! changed elsewhere), run on a thread with a copy of the account; the loop takes its outcome
//! back when it is done, and the status line says whether it landed. One save runs at a time;
//! a change made meanwhile is saved next, against what the first one wrote. Every effect but a
//! save waits for the one under way first, so leaving, opening or syncing never races it.

use crate::app::App;
use crate::app::document::Document;
use crate::domain::{Account, AccountId};
use crate::storage::{Store, StoreError};
use std::sync::Arc;
use std::thread::JoinHandle;

/// What a save started from: the account as it was, and what it is checked against. Shared
/// with the thread and, once written, kept as the document's base: the account is copied
/// once per save, the base never.
#[derive(Clone)]
struct Job {
    id: AccountId,
    account: Arc<Account>,
    base: Arc<Account>,
    disk: Option<u64>,
    revision: u64,
}

/// How a save came out.
enum Outcome {
    /// Written; the fingerprint of what was written.
    Written(u64),
    /// The file had changed elsewhere: the merge was written.
    Merged {
        account: Box<Account>,
        written: u64,
        said: String,
    },
    /// The file was deleted on disk: not written back (the app asks).
    Deleted,
    /// Not written; the file is as it was.
    Failed(StoreError),
}

/// The save under way, if any, and whether another is wanted after it.
#[derive(Default)]
pub struct Saver {
    running: Option<(Job, JoinHandle<Outcome>)>,
    again: bool,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Saver")
            .field("running", &self.running.is_some())
            .field("again", &self.again)
            .finish()
    }
}

impl Saver {
    /// True while a save is under way.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts saving the open account, or asks for a save after the one under way.
    pub fn start(&mut self, app: &mut App, store: &Store) {
        if self.running.is_some() {
            self.again = true;
            return;
        }
        let Some(wb) = app.workbook.as_mut() else { return };
        let doc = &mut wb.doc;
        if !doc.access.saves() || !doc.dirty {
            return;
        }
        let job = Job {
            id: doc.id.clone(),
            account: Arc::new(doc.account.clone()),
            base: Arc::clone(&doc.base),
            disk: doc.disk,
            revision: doc.revision,
        };
        let (store, copy) = (store.clone(), job.clone());
        let handle = std::thread::spawn(move || write(&store, &copy));
        doc.saving = true;
        self.running = Some((job, handle));
    }

    /// Takes back a save that has finished, if any; true when one did (the screen changes).
    pub fn poll(&mut self, app: &mut App, store: &Store) -> bool {
        if !self.running.as_ref().is_some_and(|(_, h)| h.is_finished()) {
            return false;
        }
        self.take(app, store);
        true
    }

    /// Waits for the save under way, and for the one asked after it, so nothing is left
    /// unwritten or racing what comes next.
    pub fn finish(&mut self, app: &mut App, store: &Store) {
        while self.running.is_some() {
            self.take(app, store);
        }
    }

    /// Joins the save under way, applies its outcome, and starts the next one if wanted.
    fn take(&mut self, app: &mut App, store: &Store) {
        let Some((job, handle)) = self.running.take() else {
            return;
        };
        let outcome = handle.join().unwrap_or_else(|_| {
            Outcome::Failed(StoreError::Damaged {
                path: store.path_of(&job.id),
                line: 0,
                column: 0,
                message: "the save stopped unexpectedly".into(),
            })
        });
        let again = std::mem::take(&mut self.again);
        if apply(app, job, outcome) || again {
            self.start(app, store);
        }
    }
}

/// The save itself, on the thread.
fn write(store: &Store, job: &Job) -> Outcome {
    match store.save_checked(&job.id, &job.account, job.disk) {
        Ok(written) => Outcome::Written(written),
        Err(StoreError::Changed { .. }) => {
            let mut doc = Document::new(job.id.clone(), (*job.account).clone(), crate::app::Access::Edit);
            (doc.base, doc.disk) = (Arc::clone(&job.base), job.disk);
            match super::merge_and_save(store, &mut doc) {
                Ok(said) => Outcome::Merged {
                    account: Box::new(doc.account),
                    written: doc.disk.unwrap_or_default(),
                    said,
                },
                Err(e) => Outcome::Failed(e),
            }
        }
        Err(StoreError::Deleted { .. }) => Outcome::Deleted,
        Err(e) => Outcome::Failed(e),
    }
}

/// Applies a finished save to the open account; true when the account still has changes the
/// save did not hold (made while it ran), so another is due.
fn apply(app: &mut App, job: Job, outcome: Outcome) -> bool {
    let Some(wb) = app.workbook.as_mut().filter(|wb| wb.doc.id == job.id) else {
        return false;
    };
    let doc = &mut wb.doc;
    doc.saving = false;
    let same = doc.revision == job.revision;
    match outcome {
        Outcome::Written(written) => {
            (doc.save_error, doc.saved_once, doc.disk) = (None, true, Some(written));
            doc.base = job.account;
            doc.dirty = !same;
            !same
        }
        Outcome::Merged {
            account,
            written,
            said,
        } => {
            if same {
                (doc.account, doc.base, doc.disk) = ((*account).clone(), Arc::new(*account), Some(written));
                (doc.dirty, doc.save_error, doc.saved_once) = (false, None, true);
                doc.revision += 1;
            } else {
                // Changed again meanwhile: the next save merges those changes with what was
                // written, from the version this save started at.
                doc.base = job.account;
            }
            app.say(said);
            !same
        }
        Outcome::Deleted => {
            doc.save_error = Some("the file was deleted on disk; not written back".into());
            if app.overlay.is_none() {
                app.overlay = Some(crate::app::Overlay::Confirm(crate::app::Question::WriteBack));
            }
            false
        }
        Outcome::Failed(e) => {
            doc.save_error = Some(e.to_string());
            app.fail(format!("Not saved: {e}"));
            false
        }
    }
}
