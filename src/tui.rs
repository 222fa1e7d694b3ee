//! The event loop: draw, read an event, look it up in the keymap, update, run the effects.
//! Nothing else lives here.

use crate::app::{self, App, Effect, keymap};
use crate::domain::{AccountId, ItemId};
use std::time::Duration;

/// How often the screen is redrawn while a rehearsal timer runs.
const TICK: Duration = Duration::from_millis(250);
use crate::effects::{self, Flow};
use crate::storage::Store;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::process::ExitCode;

/// Where the terminal UI starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The account picker.
    Picker,
    /// An account's workbook.
    Open(AccountId),
    /// Rehearsing an account's due turns.
    Rehearse(AccountId),
    /// Rehearsing these turns, across accounts.
    Queue(Vec<(AccountId, ItemId)>),
}

/// Runs the terminal UI from `start`.
pub fn run(store: Store, start: Start) -> anyhow::Result<ExitCode> {
    // The picker's list reads every account; an account or a rehearsal doesn't need it until
    // the user goes back to the picker (which lists afresh), so only the picker pays for it.
    let listed = start == Start::Picker;
    let listing = if listed { store.list()? } else { Vec::new() };
    let mut app = App::new(listing, crate::domain::now);
    match store.load_bank() {
        Ok(mine) => app.bank.load_mine(mine),
        // The built-in bank still works; the damaged file is left alone (saves refuse it).
        Err(e) => app.fail(format!("Your own bank questions can't be read: {e}")),
    }
    let first = match start {
        Start::Picker => Vec::new(),
        Start::Open(id) => vec![Effect::Open(id)],
        Start::Rehearse(id) => {
            effects::run(vec![Effect::Open(id)], &mut app, &store);
            // A file that can't be read leaves the picker showing why; nothing to rehearse.
            if app.workbook.is_some() {
                app::rehearse::start_due(&mut app)
            } else {
                Vec::new()
            }
        }
        Start::Queue(queue) => app::rehearse::start(&mut app, queue),
    };
    effects::run(first, &mut app, &store);
    if app.workbook.is_none() && !listed {
        // The account could not be opened: the picker shows, so it needs its list after all.
        app.set_listing(store.list()?);
    }
    let mut terminal = ratatui::init();
    // Mouse capture is a nicety: a terminal that refuses it still works by keyboard.
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    release_mouse_on_panic();
    let result = event_loop(&mut terminal, &mut app, &store);
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result.map(|()| ExitCode::SUCCESS)
}

/// `ratatui::init` restores the terminal on panic but knows nothing of mouse capture or
/// bracketed paste; left on,
/// the shell would fill with escape codes at every mouse move.
fn release_mouse_on_panic() {
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        restore(info);
    }));
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, store: &Store) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app::update(app, app::Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        // While an answer is timed, wake up to redraw the clock even without a key.
        if app.rehearsal.is_some() && !event::poll(TICK)? {
            continue;
        }
        let Some(action) = keymap::action_for(app, &event::read()?) else {
            continue;
        };
        if effects::run(app::update(app, action), app, store) == Flow::Quit {
            return Ok(());
        }
    }
}
