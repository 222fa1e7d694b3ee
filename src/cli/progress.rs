//! Progress on stderr for the commands that can take more than a second on a big folder: a
//! cold `list`, `report`, `doctor`, `bank --import` of a large file (a bar), and `sync`'s git
//! steps (the step's name). One place decides whether anything is drawn: only when stderr
//! is a terminal, and for a bar only over at least [`SHOWN_FROM`] items, so a script reading
//! stderr never sees one and everyday use on a small folder stays quiet (indicatif adds
//! one rule of its own: nothing on a terminal whose `TERM` is unset or `dumb`, which can't
//! move the cursor back to clear a line). indicatif draws it
//! at most 20 times a second however fast the ticks come, and it clears itself when done (or
//! dropped, on an error), so what a command prints is the same with or without it. The
//! terminal UI never makes one: it owns the screen.

use crate::storage::Watch;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Work of fewer items than this shows no bar. A pass over a couple of hundred accounts
/// takes milliseconds once the files are in memory; below that a bar could only flash by,
/// while from there on a first read from a slow disk or a network folder can take seconds.
pub(crate) const SHOWN_FROM: usize = 200;

/// Makes the draw target a shown bar uses: stderr, or in tests a terminal in memory.
type Target = Arc<dyn Fn() -> ProgressDrawTarget + Send + Sync>;

/// A progress bar, a step's name, or nothing: cheap to tick from any thread (indicatif's
/// `ProgressBar` is shared, and a tick between draws is an atomic add).
pub(crate) struct Progress {
    bar: ProgressBar,
    /// Where it draws when the work is worth it; `None`: it never draws.
    target: Option<Target>,
    /// Whether the pass under way draws: a tick of one that doesn't costs a load, not
    /// indicatif's look at the clock (a large bank ticks hundreds of thousands of times).
    drawing: AtomicBool,
}

impl Progress {
    /// A bar over `total` items saying `message`, drawn only when stderr is a terminal.
    pub(crate) fn for_stderr(total: usize, message: &str) -> Self {
        Progress::new(total, message, std::io::stderr().is_terminal())
    }

    /// A bar over `total` items saying `message`, drawn on stderr when `shown` and the
    /// work is at least [`SHOWN_FROM`] items; otherwise nothing is ever drawn.
    pub(crate) fn new(total: usize, message: &str, shown: bool) -> Self {
        Progress::drawing(total, message, shown.then(stderr))
    }

    /// A bar whose passes the storage layer begins ([`Watch::begin`]), each with its own
    /// total; drawn only when stderr is a terminal.
    pub(crate) fn watch_for_stderr() -> Self {
        Progress::for_stderr(0, "")
    }

    /// A bar that draws with `target` (when there is one and the work is big enough).
    fn drawing(total: usize, message: &str, target: Option<Target>) -> Self {
        let bar = ProgressBar::hidden()
            .with_style(bar_style())
            // On an error the bar is dropped, not finished: it still leaves nothing behind.
            .with_finish(ProgressFinish::AndClear);
        let progress = Progress {
            bar,
            target,
            drawing: AtomicBool::new(false),
        };
        progress.restart(message, total, SHOWN_FROM);
        progress
    }

    /// A step's name on stderr (`sync: pulling from origin`), when stderr is a terminal,
    /// however short the work: git's steps can wait on the network for any time.
    pub(crate) fn steps_for_stderr() -> Self {
        Progress::steps(std::io::stderr().is_terminal())
    }

    /// A step's name on stderr when `shown`; the steps are said with [`Progress::step`].
    pub(crate) fn steps(shown: bool) -> Self {
        Progress::steps_drawing(shown.then(stderr))
    }

    /// Steps drawn with `target`, when there is one.
    fn steps_drawing(target: Option<Target>) -> Self {
        let progress = Progress::drawing(0, "", target);
        progress
            .bar
            .set_style(ProgressStyle::with_template("{msg}").expect("a fixed template"));
        progress
    }

    /// Says the step now under way. Drawn once, not spun: a step may be git waiting on ssh,
    /// which may be asking for a passphrase on the same terminal, and a redraw would wipe
    /// the question.
    pub(crate) fn step(&self, message: &str) {
        self.restart(message, 0, 0);
    }

    /// Starts again from nothing over `total` items saying `message`, drawn when there is a
    /// target and `total` is at least `from`. What an earlier pass drew is cleared first:
    /// indicatif clears only what the current target drew.
    fn restart(&self, message: &str, total: usize, from: usize) {
        self.drawing.store(false, Ordering::Relaxed);
        self.bar.finish_and_clear();
        self.bar.set_draw_target(ProgressDrawTarget::hidden());
        self.bar.reset();
        self.bar.set_length(total as u64);
        self.bar.set_message(message.to_owned());
        if let Some(target) = self.target.as_ref().filter(|_| total >= from) {
            self.bar.set_draw_target(target());
            // Drawn at once, so even a pass that ends before the next frame is seen.
            self.bar.force_draw();
            self.drawing.store(true, Ordering::Relaxed);
        }
    }

    /// True when the bar is drawing now (a bar on a stderr that is not a terminal reports
    /// hidden too, as indicatif never draws there).
    #[cfg(test)]
    fn is_shown(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// The work is done: whatever was drawn is cleared, before the command prints.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Watch for Progress {
    fn begin(&self, step: &str, total: usize) {
        self.restart(step, total, SHOWN_FROM);
    }

    fn tick(&self) {
        if self.drawing.load(Ordering::Relaxed) {
            self.bar.inc(1);
        }
    }
}

/// Drawing on stderr.
fn stderr() -> Target {
    Arc::new(ProgressDrawTarget::stderr)
}

/// `listing accounts [=======>      ] 1200/5000`, as wide as the terminal.
fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template("{msg} [{wide_bar}] {pos}/{len}")
        .expect("a fixed template")
        .progress_chars("=> ")
}

#[cfg(test)]
mod tests;
