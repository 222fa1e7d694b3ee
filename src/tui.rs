//! The event loop: draw, read an event, look it up in the keymap, update, run the effects.
//! Nothing else lives here; where it starts is `app::start`'s business.

use crate::app::start::{self, Start};
use crate::app::{self, App, keymap};
use crate::effects::{self, Flow};
use crate::storage::Store;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::process::ExitCode;
use std::time::Duration;

/// How often the screen is redrawn while a rehearsal timer runs.
const TICK: Duration = Duration::from_millis(250);

/// Runs the terminal UI from `start`; `reviewer` signs the comments written.
pub fn run(store: Store, start: Start, reviewer: String) -> anyhow::Result<ExitCode> {
    let mut app = App::new(Vec::new(), crate::domain::now);
    app.reviewer = reviewer;
    let first = start::begin(&mut app, start);
    effects::run(first, &mut app, &store);
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
/// bracketed paste; left on, the shell would fill with escape codes at every mouse move.
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
