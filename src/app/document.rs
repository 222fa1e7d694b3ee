//! The open document: one account as read from disk and as edited, with what may change it
//! ([`Access`]), its undo history and its save state. Screens keep their selections and
//! filters apart, in their own view state; the document knows nothing of them.

use super::history::History;
use crate::domain::{Account, AccountId};

/// What may change an open account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Access {
    /// The rep's own plan: everything may change.
    #[default]
    Edit,
    /// A coach reviewing the plan: the content is read-only, comments may be written.
    Review,
    /// The file is from a newer callbook (this schema): nothing may change, nothing is saved.
    NewerSchema(u32),
    /// Another callbook has the account open for editing: nothing may change here, nothing
    /// is saved, until this one takes it over.
    Elsewhere,
}

/// The kind of a change, which the access mode allows or refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// The plan itself: the customer's world, questions, turns, attempts.
    Content,
    /// A coach's comment on a record.
    Comment,
}

impl Access {
    /// `Ok` when a change of `kind` is allowed; otherwise why not, for the status line.
    pub fn allows(self, kind: ChangeKind) -> Result<(), String> {
        match (self, kind) {
            (Access::Edit, _) | (Access::Review, ChangeKind::Comment) => Ok(()),
            (Access::Review, ChangeKind::Content) => {
                Err("Review mode: the plan is read-only; only comments can be written".into())
            }
            (Access::NewerSchema(n), _) => Err(format!(
                "Read-only: this file is from a newer callbook (schema {n})"
            )),
            (Access::Elsewhere, _) => {
                Err("Read-only: another callbook has this account open for editing".into())
            }
        }
    }

    /// True when the document may be written to disk at all.
    pub fn saves(self) -> bool {
        !matches!(self, Access::NewerSchema(_) | Access::Elsewhere)
    }
}

/// An open account and everything about it that is not a view.
#[derive(Debug)]
pub struct Document {
    /// Its id.
    pub id: AccountId,
    /// Its content, as edited.
    pub account: Account,
    /// What may change it.
    pub access: Access,
    /// Undo and redo.
    pub history: History,
    /// Changed since the last successful save.
    pub dirty: bool,
    /// The last save failed with this message.
    pub save_error: Option<String>,
    /// At least one save succeeded since the account was opened.
    pub saved_once: bool,
    /// The fingerprint of the file as last read or written, so a save never overwrites a
    /// change made on disk meanwhile.
    pub disk: Option<u64>,
    /// Counts changes to the account, so derived state knows when to refresh.
    pub revision: u64,
    /// The account as last read or written: the common base when the file changed on disk
    /// meanwhile and the two versions are merged.
    pub base: std::sync::Arc<Account>,
    /// The file's size and modification time when last looked at for outside changes, so
    /// an idle app reads the file again only when these move.
    pub stamp: Option<(u64, std::time::SystemTime)>,
    /// True while a save of it runs in the background (see `effects::Saver`).
    pub saving: bool,
}

impl Document {
    /// A document for `account`, unchanged since it was read.
    pub fn new(id: AccountId, account: Account, access: Access) -> Self {
        Document {
            id,
            base: std::sync::Arc::new(account.clone()),
            stamp: None,
            saving: false,
            account,
            access,
            history: History::default(),
            dirty: false,
            save_error: None,
            saved_once: false,
            disk: None,
            revision: 0,
        }
    }

    /// Notes that the account changed and needs saving.
    pub fn touched(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_access_mode_allows_what_it_says() {
        use ChangeKind::*;
        assert!(Access::Edit.allows(Content).is_ok() && Access::Edit.allows(Comment).is_ok());
        assert!(Access::Review.allows(Content).is_err() && Access::Review.allows(Comment).is_ok());
        let newer = Access::NewerSchema(9);
        assert!(newer.allows(Content).unwrap_err().contains("schema 9"));
        assert!(newer.allows(Comment).is_err() && !newer.saves());
        assert!(Access::Review.saves() && Access::Edit.saves());
    }
}
