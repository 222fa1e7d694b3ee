//! Files left in conflict by tools that don't know callbook: git's conflict markers (a pull
//! without callbook's merge driver) and the "conflicted copies" sync clients write beside a
//! file. Both are resolved the way the merge driver would have: every record of both sides
//! kept, merged by id ([`crate::domain::merge`]).

use super::StoreError;
use super::file::parse;
use crate::domain::merge::{Merged, merge};
use crate::domain::{Account, AccountId};
use std::path::Path;

/// One side of a conflicted file: its text, and for each of its lines the file's line.
struct Side {
    text: String,
    lines: Vec<usize>,
}

impl Side {
    fn new() -> Self {
        Side {
            text: String::new(),
            lines: Vec::new(),
        }
    }

    fn push(&mut self, line: &str, at: usize) {
        self.text.push_str(line);
        self.lines.push(at);
    }
}

/// Where a line of a conflicted file stands.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Shared,
    Ours,
    Base,
    Theirs,
}

/// True when `line` is the marker `mark` (seven of one character), alone or with a label.
fn is_marker(line: &str, mark: &str, label: bool) -> bool {
    let Some(rest) = line.strip_prefix(mark) else {
        return false;
    };
    let rest = rest.trim_end_matches(['\n', '\r']);
    rest.is_empty() || (label && rest.starts_with(' '))
}

/// The two sides of text with git conflict markers, each with its line map; `None` for text
/// without a complete conflict block (no markers, or markers that don't close).
fn sides(text: &str) -> Option<(Side, Side)> {
    let (mut ours, mut theirs) = (Side::new(), Side::new());
    let (mut state, mut blocks) = (State::Shared, 0);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let at = i + 1;
        state = match state {
            State::Shared if is_marker(line, "<<<<<<<", true) => {
                blocks += 1;
                State::Ours
            }
            State::Ours | State::Base if is_marker(line, "=======", false) => State::Theirs,
            State::Ours if is_marker(line, "|||||||", true) => State::Base,
            State::Theirs if is_marker(line, ">>>>>>>", true) => State::Shared,
            // A block opened inside another: not git's markers, or not whole.
            _ if is_marker(line, "<<<<<<<", true) => return None,
            State::Shared => {
                ours.push(line, at);
                theirs.push(line, at);
                State::Shared
            }
            State::Ours => {
                ours.push(line, at);
                State::Ours
            }
            State::Base => State::Base,
            State::Theirs => {
                theirs.push(line, at);
                State::Theirs
            }
        };
    }
    (state == State::Shared && blocks > 0).then_some((ours, theirs))
}

/// The two sides of a file with git conflict markers, each a complete text: lines outside
/// the conflict blocks belong to both, inside a block the lines before `=======` are ours
/// and those after it theirs (a diff3 base section, after `|||||||`, is dropped). `None`
/// when the text has no complete conflict block.
pub fn split(text: &str) -> Option<(String, String)> {
    sides(text).map(|(ours, theirs)| (ours.text, theirs.text))
}

/// True when `text` has complete git conflict markers.
pub fn has_markers(text: &str) -> bool {
    sides(text).is_some()
}

/// Reads both sides of a file with conflict markers and merges them by id: every record of
/// either side is kept, and a record both sides have differently is kept twice (theirs as
/// the merge's marked copy). A side that doesn't parse is named, at the file's line.
pub fn resolve(text: &str, path: &Path) -> Result<Merged, StoreError> {
    let Some((ours, theirs)) = sides(text) else {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "no complete git conflict markers to resolve".into(),
        });
    };
    let ours = parse_side(&ours, path, "our side (between <<<<<<< and =======)")?;
    let theirs = parse_side(&theirs, path, "their side (between ======= and >>>>>>>)")?;
    merge_two(&ours, &theirs, path)
}

/// Merges two versions of one account that share no known base: every record of both kept.
pub fn merge_two(ours: &Account, theirs: &Account, path: &Path) -> Result<Merged, StoreError> {
    let mut base = Account::new(&ours.name, ours.created);
    base.schema = ours.schema;
    merge(&base, ours, theirs).map_err(|message| StoreError::Damaged {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message,
    })
}

/// The account on one side of a conflict; its errors say which side and the file's line.
fn parse_side(side: &Side, path: &Path, which: &str) -> Result<Account, StoreError> {
    match parse(&side.text, path) {
        Ok((account, _)) => Ok(account),
        Err(StoreError::Damaged {
            line,
            column,
            message,
            ..
        }) => Err(StoreError::Damaged {
            path: path.to_owned(),
            line: side.lines.get(line.saturating_sub(1)).copied().unwrap_or(line),
            column,
            message: format!("in {which}: {message}"),
        }),
        Err(e) => Err(e),
    }
}

/// The name of the account on our side of a file with conflict markers, if it reads.
pub fn ours_name(text: &str, path: &Path) -> Option<String> {
    let (ours, _) = sides(text)?;
    parse(&ours.text, path).ok().map(|(a, _)| a.name)
}

/// The error for `name` matching no readable account: [`StoreError::Conflicted`] when the
/// file of an account of that name (or a name it starts) has conflict markers, so the user
/// learns what to fix rather than that nothing matches; [`StoreError::NotFound`] otherwise.
pub(super) fn not_found(root: &Path, listings: &[super::Listing], name: &str) -> StoreError {
    let wanted = name.trim().to_lowercase();
    let conflicted = listings.iter().filter_map(|l| match l {
        super::Listing::Damaged {
            error: StoreError::Conflicted { path, .. },
            ..
        } => {
            let text = super::read_text(root, path).ok()?;
            Some((path, ours_name(&text, path)?))
        }
        _ => None,
    });
    let found: Vec<_> = conflicted
        .filter(|(_, n)| {
            let n = n.to_lowercase();
            n == wanted || (!wanted.is_empty() && n.starts_with(&wanted))
        })
        .collect();
    match found.as_slice() {
        [(path, name)] => StoreError::Conflicted {
            path: path.to_path_buf(),
            name: Some(name.clone()),
        },
        _ => StoreError::NotFound(name.to_owned()),
    }
}

/// For the stem of a file beside the accounts that a sync client wrote as a conflicted
/// copy, the account it copies and which kind of client writes such names.
pub fn copy_of(stem: &str) -> Option<(AccountId, &'static str)> {
    if let Some((id, _)) = stem.split_once(".sync-conflict-") {
        return AccountId::parse(id).map(|id| (id, "Syncthing"));
    }
    let inner = stem.strip_suffix(')')?;
    let (id, inner) = inner.rsplit_once(" (")?;
    let id = AccountId::parse(id.trim_end())?;
    let tool = if inner.contains("conflicted copy") {
        let stamp = inner.strip_prefix("conflicted copy ").unwrap_or("");
        if is_nextcloud_stamp(stamp) {
            "Nextcloud or ownCloud"
        } else {
            "Dropbox"
        }
    } else if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        "Google Drive"
    } else {
        return None;
    };
    Some((id, tool))
}

/// `YYYY-MM-DD HHMMSS`, as Nextcloud and ownCloud date their conflicted copies.
fn is_nextcloud_stamp(s: &str) -> bool {
    let shape = "0000-00-00 000000";
    s.len() == shape.len()
        && s.chars()
            .zip(shape.chars())
            .all(|(c, d)| if d == '0' { c.is_ascii_digit() } else { c == d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_markers_has_no_sides() {
        assert_eq!(split("{\n  \"a\": 1\n}\n"), None);
        assert_eq!(split("<<<<<<< HEAD\n{}\n"), None, "a block that never closes");
        assert_eq!(split("<<<<<<< a\nx\n=======\n<<<<<<< b\n"), None);
    }

    #[test]
    fn several_blocks_split_into_two_whole_texts() {
        let text = "a\n<<<<<<< HEAD\nb1\n=======\nb2\n>>>>>>> origin/main\nc\n<<<<<<< HEAD\n\
                    =======\nd2\n>>>>>>> 1a2b3c (coach's notes)\ne\n";
        let (ours, theirs) = split(text).unwrap();
        assert_eq!(ours, "a\nb1\nc\ne\n");
        assert_eq!(theirs, "a\nb2\nc\nd2\ne\n");
    }

    #[test]
    fn a_diff3_base_is_dropped() {
        let text = "<<<<<<< ours\nx\n||||||| merged common ancestors\nbase\n=======\ny\n>>>>>>> theirs\n";
        assert_eq!(split(text).unwrap(), ("x\n".into(), "y\n".into()));
    }

    #[test]
    fn markers_without_labels_and_crlf_lines() {
        let text = "a\r\n<<<<<<<\r\nb\r\n=======\r\nc\r\n>>>>>>>\r\nd";
        assert_eq!(split(text).unwrap(), ("a\r\nb\r\nd".into(), "a\r\nc\r\nd".into()));
        assert!(!has_markers("<<<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> t\n"));
    }

    #[test]
    fn a_side_that_does_not_parse_is_named_at_the_files_line() {
        let text = "{\n  \"schema\": 2,\n  \"name\": \"A\",\n<<<<<<< HEAD\n  \"created\": \
                    \"2025-01-01T00:00:00Z\"\n=======\n  \"created\": nope\n>>>>>>> t\n}\n";
        let e = resolve(text, Path::new("a.json")).unwrap_err().to_string();
        assert!(e.starts_with("a.json: line 7, column "), "{e}");
        assert!(e.contains("in their side (between ======= and >>>>>>>)"), "{e}");
        assert_eq!(ours_name(text, Path::new("a.json")).as_deref(), Some("A"));
    }

    #[test]
    fn both_sides_records_are_kept() {
        let now = crate::domain::now();
        let mut ours = Account::new("Acme", now);
        let mut theirs = ours.clone();
        ours.world
            .goals
            .push(crate::domain::Item::new("Open a depot", now));
        theirs
            .world
            .goals
            .push(crate::domain::Item::new("Cut spoilage", now));
        let text = format!(
            "<<<<<<< HEAD\n{}=======\n{}>>>>>>> theirs\n",
            super::super::to_json(&ours),
            super::super::to_json(&theirs)
        );
        let merged = resolve(&text, Path::new("a.json")).unwrap().account;
        let goals: Vec<&str> = merged.world.goals.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(goals, ["Open a depot", "Cut spoilage"]);
    }

    #[test]
    fn sync_clients_copies_are_known_by_their_names() {
        let id = |s: &str| copy_of(s).map(|(id, tool)| (id.to_string(), tool));
        let acme = "acme-x1y2z3".to_owned();
        assert_eq!(
            id("acme-x1y2z3 (conflicted copy 2025-03-01)"),
            Some((acme.clone(), "Dropbox"))
        );
        assert_eq!(
            id("acme-x1y2z3 (Jane's conflicted copy 2025-03-01)"),
            Some((acme.clone(), "Dropbox"))
        );
        assert_eq!(
            id("acme-x1y2z3 (conflicted copy 2025-03-01 140512)"),
            Some((acme.clone(), "Nextcloud or ownCloud"))
        );
        assert_eq!(
            id("acme-x1y2z3.sync-conflict-20250301-140512-ABCDEFG"),
            Some((acme.clone(), "Syncthing"))
        );
        assert_eq!(id("acme-x1y2z3 (1)"), Some((acme, "Google Drive")));
        assert_eq!(id("acme-x1y2z3 (draft)"), None);
        assert_eq!(id("Acme Corp"), None);
        assert_eq!(id("Acme (conflicted copy)"), None, "not a callbook id");
    }
}
