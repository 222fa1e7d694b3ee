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
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

mod shutdown;

/// How often the screen is redrawn while a rehearsal timer runs.
const TICK: Duration = Duration::from_millis(250);

/// How often an idle loop looks whether the open account changed on disk.
const PICK_UP: Duration = Duration::from_secs(1);

/// How long the loop waits for a key before looking at the signal flag again.
const WATCH: Duration = Duration::from_millis(200);

/// Runs the terminal UI from `start` with the user's own settings.
pub fn run(store: Store, start: Start, personal: start::Personal) -> anyhow::Result<ExitCode> {
    let mut app = App::new(Vec::new(), crate::domain::now);
    let problem = personal.apply(&mut app);
    let first = start::begin(&mut app, start);
    effects::run(first, &mut app, &store);
    // After the start's own messages, so a problem with the settings is the one shown.
    if let Some(problem) = problem {
        app.status = problem;
    }
    // Text kept when an earlier session was ended from outside: offered back first.
    if let Some(kept) = shutdown::kept(&store).filter(|_| app.overlay.is_none()) {
        app.overlay = Some(app::Overlay::Recovered(Box::new(kept)));
    }
    // A closed terminal (SIGHUP), `kill` (SIGTERM), Ctrl-C outside raw mode (SIGINT) and
    // SIGQUIT only raise a flag; the loop sees it within `WATCH` and ends cleanly.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in shutdown::SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let mut terminal = ratatui::init();
    // Mouse capture is a nicety: a terminal that refuses it still works by keyboard.
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    release_mouse_on_panic();
    let mut saver = effects::Saver::default();
    let result = event_loop(&mut terminal, (&mut app, &mut saver), &store, &signal);
    // Whatever the end, the save under way lands (or fails, said below) before leaving.
    saver.finish(&mut app, &store);
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    // Not `ratatui::restore`: it reports a failure with `eprintln!`, which panics once the
    // terminal is gone, before anything typed could be kept.
    let _ = ratatui::try_restore();
    let ended = match result {
        Ok(Ended::Quit) => return Ok(ExitCode::SUCCESS),
        Ok(Ended::Signal(sig)) => shutdown::Cause::Signal(sig),
        // The terminal went away or broke: the same clean end as a hang-up.
        Err(e) => shutdown::Cause::Terminal(e.to_string()),
    };
    let code = shutdown::finish(&mut app, &store, &ended);
    // The terminal may be gone, and dropping ratatui's handle on it reports a cursor it
    // can't show with `eprintln!`, which panics on a dead stderr: show it here, or don't.
    let _ = terminal.show_cursor();
    std::mem::forget(terminal);
    Ok(code)
}

/// True for the suspend key ([`keymap::fixed::SUSPEND`]).
fn is_suspend(event: &event::Event) -> bool {
    let key = keymap::fixed::SUSPEND;
    matches!(event, event::Event::Key(k)
        if k.kind == event::KeyEventKind::Press && k.code == key.code && k.modifiers == key.mods)
}

/// Ctrl-z: hands the terminal back to the shell as it was, stops until `fg`, then takes it
/// again and redraws everything (the shell has drawn over the screen meanwhile).
#[cfg(unix)]
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::try_restore()?;
    // SAFETY: raise stops this process with SIGTSTP's default action until SIGCONT.
    unsafe { libc::raise(libc::SIGTSTP) };
    *terminal = ratatui::try_init()?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    terminal.clear()?;
    Ok(())
}

#[cfg(not(unix))]
fn suspend(_: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    Ok(())
}

/// What the terminal has for us.
enum Input {
    /// Bytes to read.
    Ready,
    /// Nothing within the wait (or a signal arrived).
    Idle,
    /// Hung up or closed: reading it would only ever give end-of-file.
    Gone,
}

/// The terminal crossterm reads, watched by the loop itself: crossterm reads end-of-file
/// forever once the terminal is gone (its issue #793), so the app never hands it a terminal
/// that has hung up. Opened once per run, not at every wait.
struct Tty {
    /// Standard input when it is the terminal, else `/dev/tty`, as crossterm chooses.
    #[cfg(unix)]
    fd: libc::c_int,
    /// Keeps `/dev/tty` open while it is the one watched.
    #[cfg(unix)]
    _opened: Option<std::fs::File>,
}

impl Tty {
    #[cfg(unix)]
    fn open() -> Option<Tty> {
        use std::os::unix::io::AsRawFd;
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            return Some(Tty {
                fd: libc::STDIN_FILENO,
                _opened: None,
            });
        }
        let file = std::fs::File::open("/dev/tty").ok()?;
        Some(Tty {
            fd: file.as_raw_fd(),
            _opened: Some(file),
        })
    }

    #[cfg(not(unix))]
    fn open() -> Option<Tty> {
        Some(Tty {})
    }

    /// Waits up to `wait` for the terminal to have input, watching for it going away.
    #[cfg(unix)]
    fn input(&self, wait: Duration) -> Input {
        let mut pfd = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(wait.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, its count, a timeout.
        let rc = unsafe { libc::poll(&mut pfd, 1, ms) };
        if rc <= 0 {
            // Timed out, or interrupted by a signal the loop looks at next.
            return Input::Idle;
        }
        if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Input::Gone;
        }
        if pfd.revents & libc::POLLIN == 0 {
            return Input::Idle;
        }
        // Readable with nothing to read is end-of-file: the other end closed.
        let mut waiting: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int.
        let ok = unsafe { libc::ioctl(self.fd, libc::FIONREAD, &mut waiting) } == 0;
        if ok && waiting == 0 {
            Input::Gone
        } else {
            Input::Ready
        }
    }

    #[cfg(not(unix))]
    fn input(&self, wait: Duration) -> Input {
        match event::poll(wait) {
            Ok(true) => Input::Ready,
            Ok(false) => Input::Idle,
            Err(_) => Input::Gone,
        }
    }
}

/// How the loop ended.
enum Ended {
    Quit,
    Signal(i32),
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    (app, saver): (&mut App, &mut effects::Saver),
    store: &Store,
    signal: &AtomicUsize,
) -> anyhow::Result<Ended> {
    let size = terminal.size()?;
    app::update(app, app::Action::Resize(size.width, size.height));
    let Some(tty) = Tty::open() else {
        anyhow::bail!("no terminal to read from");
    };
    let mut drawn = false;
    let mut looked = std::time::Instant::now();
    loop {
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(Ended::Signal(i32::try_from(sig).unwrap_or(libc::SIGTERM)));
        }
        // While an answer is timed, redraw the clock even without a key; otherwise only
        // after something happened.
        if !drawn || app.rehearsal.is_some() {
            terminal.draw(|frame| crate::ui::render(frame, app))?;
            drawn = true;
        }
        // crossterm may hold events already read (several keys arrive in one read, a
        // resize comes through its own signal pipe): take those first, once the terminal
        // is known to be there. Only then wait on the terminal itself.
        if let Input::Gone = tty.input(Duration::ZERO) {
            anyhow::bail!("end of input from the terminal");
        }
        if !event::poll(Duration::ZERO)? {
            let wait = if app.rehearsal.is_some() { TICK } else { WATCH };
            if let Input::Gone = tty.input(wait) {
                anyhow::bail!("end of input from the terminal");
            }
            if !event::poll(Duration::ZERO)? {
                // A save that landed (or failed) meanwhile shows in the status line.
                if saver.poll(app, store) {
                    drawn = false;
                }
                // Idle: once a second, show what another window or a CLI wrote meanwhile.
                if looked.elapsed() >= PICK_UP && !saver.busy() {
                    looked = std::time::Instant::now();
                    let seen = |app: &App| {
                        (
                            app.workbook.as_ref().map(|wb| wb.doc.revision),
                            app.status.clone(),
                        )
                    };
                    let before = seen(app);
                    effects::run(vec![app::Effect::PickUp], app, store);
                    drawn &= seen(app) == before;
                }
                continue;
            }
        }
        drawn = false;
        let event = event::read()?;
        if is_suspend(&event) {
            suspend(terminal)?;
            continue;
        }
        let Some(action) = keymap::action_for(app, &event) else {
            continue;
        };
        if effects::run_with(app::update(app, action), app, store, saver) == Flow::Quit {
            return Ok(Ended::Quit);
        }
    }
}
