//! A coach's comments: each anchored by the id of what it is about (an item, a person, a
//! question, a turn, a task, a call, or a scorecard check), with its author, time, text,
//! replies, and whether it is resolved. A comment whose anchor is gone stays, marked.

use super::account::{Account, Extra};
use super::id::ItemId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A reply to a comment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What they wrote.
    pub text: String,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A comment on a record of the account (or a scorecard check).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    /// Stable id.
    pub id: ItemId,
    /// The id of what it is about: a record's id, or a scorecard check's id.
    pub anchor: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What they wrote.
    pub text: String,
    /// The replies, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// True once the rep (or the coach) has dealt with it.
    #[serde(default)]
    pub resolved: bool,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Comment {
    /// A new, open comment by `author` on `anchor`.
    pub fn new(anchor: &str, author: &str, text: &str, now: DateTime<Utc>) -> Self {
        Comment {
            id: ItemId::generate(),
            anchor: anchor.to_owned(),
            author: author.trim().to_owned(),
            at: now,
            text: text.trim().to_owned(),
            replies: Vec::new(),
            resolved: false,
            extra: Extra::default(),
        }
    }
}

/// The editable field of a comment or a reply: its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentForm {
    /// What the comment says; required.
    pub text: String,
}

impl super::form::Form for CommentForm {
    const FIELDS: &'static [super::form::Field<Self>] = &[super::form::Field::text(
        "text",
        "Your comment",
        |f| &f.text,
        |f| &mut f.text,
    )];
}

/// What a comment's anchor is, in a few words ("Goals: Grow pharma freight"), or `None`
/// when the record is gone (the comment stays, marked as such).
pub fn anchor_label(account: &Account, anchor: &str) -> Option<String> {
    use super::text::first_line;
    if let Some((pane, text)) = super::plan::find_item(account, &ItemId::from_raw(anchor)) {
        return Some(format!("{}: {}", pane.title(), first_line(text)));
    }
    let found = |id: &ItemId| id.as_str() == anchor;
    if let Some(q) = account.questions.iter().find(|q| found(&q.id)) {
        return Some(format!("Question: {}", first_line(&q.text)));
    }
    if let Some(t) = account.turns.iter().find(|t| found(&t.id)) {
        return Some(format!("Turn: {}", first_line(&t.line)));
    }
    if let Some(t) = account.tasks.iter().find(|t| found(&t.id)) {
        return Some(format!("Their task: {}", first_line(&t.text)));
    }
    if let Some(c) = account.calls.iter().find(|c| found(&c.id)) {
        return Some(format!(
            "Call of {}: {}",
            c.when.format("%Y-%m-%d"),
            first_line(&c.objective)
        ));
    }
    if let Some(s) = account.scenarios.iter().find(|s| found(&s.id)) {
        return Some(format!("Scenario: {}", first_line(&s.does)));
    }
    anchor
        .strip_prefix("check:")
        .map(|check| format!("Scorecard check: {check}"))
}

/// The mark of a record with an open comment, where its row shows.
pub const MARK: &str = " ⚑";

/// True when some open comment is about the record `id`.
pub fn has_open(account: &Account, id: &str) -> bool {
    open(account).any(|c| c.anchor == id)
}

/// The open comments, in the order written.
pub fn open(account: &Account) -> impl Iterator<Item = &Comment> {
    account.comments.iter().filter(|c| !c.resolved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;

    fn now() -> DateTime<Utc> {
        "2026-11-23T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_comment_keeps_its_anchor_through_edits_and_reorders_and_is_marked_when_it_is_gone() {
        let mut a = Account::new("Acme", now());
        a.world.goals.push(Item::new("Grow pharma freight", now()));
        a.world.goals.push(Item::new("Cut empty miles", now()));
        let id = a.world.goals[1].id.clone();
        a.comments
            .push(Comment::new(id.as_str(), "Coach", "Which lanes?", now()));
        a.world.goals.swap(0, 1);
        a.world.goals[0].text = "Cut empty miles to 12%".into();
        let label = anchor_label(&a, &a.comments[0].anchor);
        assert_eq!(label.as_deref(), Some("Goals: Cut empty miles to 12%"));
        a.world.goals.remove(0);
        assert_eq!(anchor_label(&a, &a.comments[0].anchor), None, "a deleted anchor");
        assert_eq!(a.comments.len(), 1, "the comment stays");
    }

    #[test]
    fn checks_can_be_commented_and_resolved_ones_are_not_open() {
        let mut a = Account::new("Acme", now());
        a.comments
            .push(Comment::new("check:agenda", "Coach", "Too few questions", now()));
        assert_eq!(
            anchor_label(&a, "check:agenda").as_deref(),
            Some("Scorecard check: agenda")
        );
        assert_eq!(open(&a).count(), 1);
        a.comments[0].resolved = true;
        assert_eq!(open(&a).count(), 0);
    }
}
