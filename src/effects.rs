//! Carries out the [`Effect`]s that `update` returns: the only place the app's behaviour
//! touches the data folder. No terminal here either, so tests drive it with a temp folder.

use crate::app::{Access, Action, App, Effect, Scope};
use crate::domain::{Account, AccountId, sample};
use crate::storage::{Store, StoreError};

mod background;

pub use background::Saver;

/// What the event loop does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Leave the program.
    Quit,
}

/// [`run`] for the event loop: a batch that only saves is written in the background by
/// `saver` (typing goes on); any other batch first waits for the save under way, then runs.
pub fn run_with(effects: Vec<Effect>, app: &mut App, store: &Store, saver: &mut Saver) -> Flow {
    if effects.iter().all(|e| *e == Effect::Save) {
        if !effects.is_empty() {
            saver.start(app, store);
        }
        return Flow::Continue;
    }
    saver.finish(app, store);
    run(effects, app, store)
}

/// Runs effects in order. A failure stops the rest and shows in the status line; when a
/// failed save was to be followed by leaving, the user is asked whether to leave anyway.
pub fn run(effects: Vec<Effect>, app: &mut App, store: &Store) -> Flow {
    let leaving = effects.iter().find_map(|e| match e {
        Effect::Quit => Some(true),
        Effect::Close => Some(false),
        _ => None,
    });
    for effect in effects {
        let saving = effect == Effect::Save;
        let opening = matches!(effect, Effect::Open(_));
        let result = match effect {
            Effect::Save => save(app, store),
            Effect::WriteBack => {
                if let Some(wb) = app.workbook.as_mut() {
                    // No file to compare with: the save writes it anew.
                    (wb.doc.disk, wb.doc.dirty) = (None, true);
                }
                save(app, store).map(|()| app.say("Written back"))
            }
            Effect::Open(id) => open_account(app, store, id),
            Effect::TakeOver => take_over(app, store),
            Effect::TakeRecovered(kept) => take_recovered(app, store, &kept),
            Effect::DropRecovered => {
                let path = store.root().join("recovery.json");
                std::fs::remove_file(&path)
                    .map_err(|source| StoreError::Io { path, source })
                    .map(|()| app.say("Dropped the kept text"))
            }
            Effect::PickUp => {
                pick_up(app, store);
                Ok(())
            }
            Effect::Create(name) => create(app, store, Account::new(&name, app.now())),
            Effect::CreateSample => create_sample(app, store),
            Effect::Trash(stem) => store.trash(&stem).and_then(|to| {
                let undo = app.key(Scope::Picker, Action::Undo);
                app.say(format!("Moved to {} ({undo} brings it back)", to.display()));
                app.picker.trashed.push((stem, to));
                refresh(app, store)
            }),
            Effect::Restore => restore(app, store),
            // The app's own writes are no news to the idle loop's look at the shared files.
            Effect::SaveBank => store.save_bank(&app.bank.mine).map(|()| restamp(app, store)),
            Effect::SaveTeam(file) => save_team(app, store, file).map(|()| restamp(app, store)),
            Effect::Sync => {
                sync(app, store);
                Ok(())
            }
            Effect::LoadShared => {
                if let Some(problem) = load_shared(app, store) {
                    app.fail(problem);
                }
                Ok(())
            }
            Effect::List => refresh(app, store),
            Effect::Report => report(app, store),
            Effect::RehearseDue => {
                let more = crate::app::rehearse::start_due(app);
                if run(more, app, store) == Flow::Quit {
                    return Flow::Quit;
                }
                Ok(())
            }
            Effect::Close => {
                if let Some(wb) = app.workbook.take() {
                    store.release(&wb.doc.id);
                }
                app.say("Back to the accounts");
                // Back to the team report when it was open: read again, as the account may
                // have changed, with the same account selected.
                match app.picker.report.take() {
                    Some(was) => refresh(app, store).and_then(|()| reopen_report(app, store, &was)),
                    None => refresh(app, store),
                }
            }
            Effect::Quit => return Flow::Quit,
        };
        if let Err(e) = result {
            let remedy = match e {
                StoreError::Changed { .. } => format!(
                    ". {} and open the account again to see the new version",
                    app.key(Scope::Workbook, Action::Back)
                ),
                _ => String::new(),
            };
            app.fail(if saving {
                format!("Not saved: {e}{remedy}")
            } else {
                format!("{e}{remedy}")
            });
            if let (true, Some(quit)) = (saving, leaving) {
                app.ask_leave_unsaved(quit);
            }
            // An account that can't be opened leaves the picker showing: it needs its list.
            if opening && app.workbook.is_none() && refresh(app, store).is_err() {
                app.set_listing(Vec::new());
            }
            return Flow::Continue;
        }
    }
    Flow::Continue
}

/// A change made on disk while the account is open here with nothing unsaved (and nothing
/// being edited) is shown at once: when the file's size or time moved, it is read again and
/// taken if its bytes differ from what was last read or written. A file that can't be read now is left to the next save to
/// report. Undo starts afresh: the outside change can't be taken back from here.
fn pick_up(app: &mut App, store: &Store) {
    if app.overlay.is_some() || app.rehearsal.is_some() {
        return;
    }
    pick_up_shared(app, store);
    let Some(wb) = app.workbook.as_mut() else { return };
    let doc = &mut wb.doc;
    if doc.dirty || doc.save_error.is_some() {
        return;
    }
    // Read and parsed again only when the file's size or time moved since last looked at.
    let stamp = store.stamp(&doc.id);
    if stamp.is_none() || stamp == doc.stamp {
        return;
    }
    doc.stamp = stamp;
    let Ok(loaded) = store.load(&doc.id) else { return };
    if Some(loaded.fingerprint) == doc.disk || loaded.newer_schema.is_some() {
        return;
    }
    doc.account = loaded.account;
    doc.base = std::sync::Arc::new(doc.account.clone());
    doc.disk = Some(loaded.fingerprint);
    doc.history = Default::default();
    doc.revision += 1;
    app.say("Changed elsewhere: showing the file as it is now");
}

/// The team's shared files changed on disk (a pull in a shell, the team popup in another
/// window): read again, and what depends on them judged again (the open account's derived
/// state, or the picker's Fit column).
fn pick_up_shared(app: &mut App, store: &Store) {
    if app.shared_stamp.is_none() || app.shared_stamp == Some(store.shared_stamp()) {
        return;
    }
    let problem = load_shared(app, store);
    match app.workbook.as_mut() {
        Some(wb) => wb.doc.revision += 1,
        None => {
            if refresh(app, store).is_err() {
                app.set_listing(Vec::new());
            }
        }
    }
    match problem {
        Some(problem) => app.fail(problem),
        None => app.say("The team's files changed elsewhere: read again"),
    }
}

/// Notes the shared files as they are now, after the app wrote one of them.
fn restamp(app: &mut App, store: &Store) {
    if app.shared_stamp.is_some() {
        app.shared_stamp = Some(store.shared_stamp());
    }
}

/// `t` on the kept text: its account opened (when it isn't), a new entry of the kind it was
/// typed for holding it, and the recovery file gone, since the text is in the editor now (Esc
/// there asks before dropping it). Text typed elsewhere than an entry stays in the file.
fn take_recovered(
    app: &mut App,
    store: &Store,
    kept: &crate::app::recovery::Recovered,
) -> Result<(), StoreError> {
    let Some(editor) = kept.editor() else {
        app.say("This text wasn't typed for an entry: it stays in recovery.json in the data folder");
        return Ok(());
    };
    let id = kept.account.as_deref().and_then(AccountId::parse);
    let open = app.workbook.as_ref().map(|wb| wb.doc.id.clone());
    if let Some(id) = id.filter(|id| open.as_ref() != Some(id)) {
        open_account(app, store, id)?;
    }
    if app.workbook.is_none() {
        app.say("The account the text was typed in isn't there: it stays in recovery.json");
        return Ok(());
    }
    let path = store.root().join("recovery.json");
    std::fs::remove_file(&path).map_err(|source| StoreError::Io { path, source })?;
    if let Some(wb) = app.workbook.as_mut() {
        wb.screen = crate::app::Screen::World;
    }
    app.overlay = Some(crate::app::Overlay::Editor(Box::new(editor)));
    let save = app.key(Scope::Editor, Action::Save);
    app.say(format!("Your kept text, in a new entry: {save} saves it"));
    Ok(())
}

/// Merges the open document with the file written elsewhere since it was read, saves the
/// merge and takes it as the document; returns what to tell the user.
fn merge_and_save(store: &Store, doc: &mut crate::app::document::Document) -> Result<String, StoreError> {
    let held = store.lock(&doc.id, "a merge")?;
    let disk = store.load(&doc.id)?;
    if let Some(schema) = disk.newer_schema {
        return Err(StoreError::ReadOnly {
            path: store.path_of(&doc.id),
            schema,
        });
    }
    let merged = crate::domain::merge::merge(&doc.base, &doc.account, &disk.account).map_err(|message| {
        StoreError::Damaged {
            path: store.path_of(&doc.id),
            line: 0,
            column: 0,
            message,
        }
    })?;
    let written = store.save_held(&held, &doc.id, &merged.account, Some(disk.fingerprint))?;
    doc.account = merged.account;
    doc.base = std::sync::Arc::new(doc.account.clone());
    (doc.dirty, doc.save_error, doc.saved_once, doc.disk) = (false, None, true, Some(written));
    doc.revision += 1;
    Ok(match merged.doubled.len() {
        0 => "Saved, merged with changes made elsewhere meanwhile".to_owned(),
        n => format!(
            "Saved, merged with changes made elsewhere; {n} entr{} changed on both sides kept twice, theirs marked (changed elsewhere)",
            if n == 1 { "y" } else { "ies" }
        ),
    })
}

/// Reads account `id` and shows it, claimed for editing here; when another callbook has it
/// open, it shows read-only and says who has it and how to take over.
fn open_account(app: &mut App, store: &Store, id: AccountId) -> Result<(), StoreError> {
    let loaded = store.load(&id)?;
    let before = app.workbook.as_ref().map(|wb| wb.doc.id.clone());
    app.show(loaded);
    if let Some(prev) = before.filter(|prev| *prev != id) {
        store.release(&prev);
    }
    claim(app, store);
    Ok(())
}

/// Claims the open account for editing; when another callbook has it, the account turns
/// read-only here and the status line names the holder and the way to take over.
fn claim(app: &mut App, store: &Store) {
    let Some(wb) = app.workbook.as_mut() else { return };
    if wb.doc.access != Access::Edit {
        return;
    }
    if let Err(holder) = store.claim(&wb.doc.id) {
        wb.doc.access = Access::Elsewhere;
        let who = holder.map_or("another callbook".to_owned(), |h| h.to_string());
        let take = app.key(Scope::Workbook, Action::TakeOver);
        app.fail(format!(
            "Read-only: open for editing in {who}; {take} takes over once it has closed"
        ));
    }
}

/// `T` on an account open elsewhere: claim it, and read it again (the other may have saved).
fn take_over(app: &mut App, store: &Store) -> Result<(), StoreError> {
    let Some(id) = app.workbook.as_ref().map(|wb| wb.doc.id.clone()) else {
        return Ok(());
    };
    if let Err(holder) = store.claim(&id) {
        let who = holder.map_or("another callbook".to_owned(), |h| h.to_string());
        app.fail(format!("Still open for editing in {who}; nothing taken over"));
        return Ok(());
    }
    let loaded = store.load(&id)?;
    app.show(loaded);
    app.say("Taken over: the account is yours to edit, as last saved");
    Ok(())
}

fn save(app: &mut App, store: &Store) -> Result<(), StoreError> {
    let Some(wb) = app.workbook.as_mut() else {
        return Ok(());
    };
    let doc = &mut wb.doc;
    if !doc.access.saves() || !doc.dirty {
        return Ok(());
    }
    match store.save_checked(&doc.id, &doc.account, doc.disk) {
        Ok(written) => {
            (doc.dirty, doc.save_error, doc.saved_once, doc.disk) = (false, None, true, Some(written));
            doc.base = std::sync::Arc::new(doc.account.clone());
            Ok(())
        }
        // Written elsewhere meanwhile (another window, `callbook add`, a sync): merge the two
        // versions by their ids and save the merge, under the lock, so neither is lost.
        Err(StoreError::Changed { .. }) => {
            let said = merge_and_save(store, doc)?;
            app.say(said);
            Ok(())
        }
        // Deleted on disk while open: ask rather than bring it back, or drop the changes.
        Err(StoreError::Deleted { .. }) => {
            doc.save_error = Some("the file was deleted on disk; not written back".into());
            app.overlay = Some(crate::app::Overlay::Confirm(crate::app::Question::WriteBack));
            Ok(())
        }
        Err(e) => {
            doc.save_error = Some(e.to_string());
            Err(e)
        }
    }
}

fn create(app: &mut App, store: &Store, account: Account) -> Result<(), StoreError> {
    let id = store.create(&account)?;
    show_created(app, store, &id)
}

/// Creates the sample account and, where the team has none yet, the sample's offerings and
/// criteria (its scenarios and answers name them); the app then judges with them.
fn create_sample(app: &mut App, store: &Store) -> Result<(), StoreError> {
    let id = store.create(&sample::account(app.now()))?;
    store.write_sample_team()?;
    // Read as the start reads them (stamped, so the idle loop takes them as known).
    if let Some(problem) = load_shared(app, store) {
        app.fail(problem);
    }
    show_created(app, store, &id)
}

/// Opens the account just created, the list read again behind it.
fn show_created(app: &mut App, store: &Store, id: &crate::domain::AccountId) -> Result<(), StoreError> {
    let loaded = store.load(id)?;
    refresh(app, store)?;
    app.show(loaded);
    claim(app, store);
    Ok(())
}

/// Brings back the account most recently moved to the trash; it stays listed as trashed
/// if that fails.
fn restore(app: &mut App, store: &Store) -> Result<(), StoreError> {
    let Some((stem, path)) = app.picker.trashed.last().cloned() else {
        return Ok(());
    };
    store.restore(&stem, &path)?;
    app.picker.trashed.pop();
    app.say(format!("Brought back {stem}.json from trash/"));
    refresh(app, store)
}

/// Reads every account's scorecard into the team report; damaged files are counted, not shown.
fn report(app: &mut App, store: &Store) -> Result<(), StoreError> {
    use crate::app::report::{ReportRow, TeamReport};
    let now = app.now();
    let (loaded, damaged) = store.load_all()?;
    // Disqualified accounts are walked away from: counted, not ranked.
    let (out, loaded): (Vec<_>, Vec<_>) = loaded.into_iter().partition(|l| l.account.fit.is_disqualified());
    let rows = loaded
        .into_iter()
        .map(|l| ReportRow {
            name: l.account.name.clone(),
            card: crate::domain::scorecard::scorecard(&l.account, &app.team, now),
            open_comments: crate::domain::comment::open(&l.account).count(),
            id: l.id,
        })
        .collect();
    let mut report = TeamReport::new(rows, damaged.len());
    report.disqualified = out.len();
    let apart = match report.disqualified {
        0 => String::new(),
        n => format!(" ({n} disqualified, left out)"),
    };
    app.say(match report.rows.len() {
        0 => format!("No accounts to report on yet{apart}"),
        n => format!(
            "The team report: {n} account{}, worst first{apart}",
            if n == 1 { "" } else { "s" }
        ),
    });
    app.picker.report = Some(report);
    Ok(())
}

/// The team report read again, in `was`'s order and with its account still selected.
fn reopen_report(
    app: &mut App,
    store: &Store,
    was: &crate::app::report::TeamReport,
) -> Result<(), StoreError> {
    report(app, store)?;
    if let Some(report) = app.picker.report.as_mut() {
        report.set_order(was.by_name);
        report.select(was.rows.get(was.selected).map(|r| &r.id));
        app.say("Back to the team report");
    }
    Ok(())
}

/// Reads the account list again.
fn refresh(app: &mut App, store: &Store) -> Result<(), StoreError> {
    app.set_listing(store.list()?);
    Ok(())
}

/// Writes one of the team's files from the app's copy; the scorecard shown is judged again.
/// A file on disk that can't be read is left alone (the save says so) and the change stays
/// on screen.
fn save_team(app: &mut App, store: &Store, file: crate::app::team::TeamFile) -> Result<(), StoreError> {
    use crate::app::team::TeamFile;
    if let Some(wb) = app.workbook.as_mut() {
        wb.review.card = None;
    }
    match file {
        TeamFile::Offerings => store.save_offerings(&app.team.offerings),
        TeamFile::SweetSpot => store.save_sweet_spot(&app.team.sweet_spot),
    }
}

/// Reads the files the team shares beside the accounts: our own bank questions, what we
/// offer and the sweet spot. A damaged one is said and left alone (saves refuse it); the
/// built-in bank and the other files still work. The scorecard shown is judged again.
/// Returns what could not be read, for the caller to say.
fn load_shared(app: &mut App, store: &Store) -> Option<String> {
    // Stamped first: a write while they are read is seen the next time the loop looks.
    app.shared_stamp = Some(store.shared_stamp());
    let mut problem = None;
    match store.load_bank() {
        Ok(mine) => app.bank.load_mine(mine),
        Err(e) => problem = Some(format!("Your own bank questions can't be read: {e}")),
    }
    let (team, problems) = store.load_team();
    app.team = team;
    if let Some(wb) = app.workbook.as_mut() {
        wb.review.card = None;
    }
    if let Some(first) = problems.first() {
        problem = Some(format!("The team's files can't all be read: {first}"));
    }
    problem
}

/// `callbook sync` from the app: what it did goes to the status line; the picker lists again,
/// an open account shows what the pull brought in (as any outside change), and the team's
/// files are read again, since a pull may have changed them too.
fn sync(app: &mut App, store: &Store) {
    let result = crate::sync::sync(store, &|_| {});
    let unread = load_shared(app, store);
    if app.workbook.is_some() {
        pick_up(app, store);
    } else if refresh(app, store).is_err() {
        app.set_listing(Vec::new());
    }
    match result {
        Ok(lines) if lines.is_empty() => app.say("Synced: nothing to commit, pull or push"),
        Ok(lines) => app.say(format!("Synced: {}", lines.join("; "))),
        Err(e) => app.fail(format!("Not synced: {e:#}")),
    }
    // What the pull brought may be a team file that no longer reads: said after the rest.
    if let Some(unread) = unread {
        let said = std::mem::take(&mut app.status.text);
        app.fail(format!("{said}. {unread}"));
    }
}
