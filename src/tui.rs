//! The event loop: draw, read an event, look it up in the keymap, update, run the effects.
//! Nothing else lives here.

use crate::app::{self, App, Effect, keymap};
use crate::domain::AccountId;
use crate::effects::{self, Flow};
use crate::storage::Store;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::process::ExitCode;

/// Runs the terminal UI on the picker, or on account `open` when given.
pub fn run(store: Store, open: Option<AccountId>) -> anyhow::Result<ExitCode> {
    let mut app = App::new(store.list()?, crate::domain::now);
    match store.load_bank() {
        Ok(mine) => app.bank = app::Bank::new(mine),
        // The built-in bank still works; the damaged file is left alone (saves refuse it).
        Err(e) => app.fail(format!("Your own bank questions can't be read: {e}")),
    }
    if let Some(id) = open {
        effects::run(vec![Effect::Open(id)], &mut app, &store);
    }
    let mut terminal = ratatui::init();
    // Mouse capture is a nicety: a terminal that refuses it still works by keyboard.
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    release_mouse_on_panic();
    let result = event_loop(&mut terminal, &mut app, &store);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map(|()| ExitCode::SUCCESS)
}

/// `ratatui::init` restores the terminal on panic but knows nothing of mouse capture; left on,
/// the shell would fill with escape codes at every mouse move.
fn release_mouse_on_panic() {
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        restore(info);
    }));
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, store: &Store) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app::update(app, app::Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        let Some(action) = keymap::action_for(app, &event::read()?) else {
            continue;
        };
        if effects::run(app::update(app, action), app, store) == Flow::Quit {
            return Ok(());
        }
    }
}
