//! The decision to draw, and what a shown bar draws, on a terminal in memory: no clock, no
//! real terminal.

use super::*;
use indicatif::TermLike;
use std::sync::Mutex;

/// A terminal that keeps what is done to it, in order: each piece of text written, and
/// [`CLEAR`] for each line cleared.
#[derive(Clone, Debug, Default)]
struct Screen(Arc<Mutex<Vec<String>>>);

impl Screen {
    fn said(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    /// True when something was written that contains `text`.
    fn wrote(&self, text: &str) -> bool {
        self.said().iter().any(|s| s.contains(text))
    }

    /// True when the last thing done was clearing a line (nothing drawn after it).
    fn ends_cleared(&self) -> bool {
        let said = self.said();
        let last_write = said
            .iter()
            .rposition(|s| s != CLEAR && s != "\r" && !s.is_empty());
        let last_clear = said.iter().rposition(|s| s == CLEAR);
        matches!((last_write, last_clear), (Some(w), Some(c)) if c > w)
    }

    fn push(&self, s: &str) {
        self.0.lock().unwrap().push(s.to_owned());
    }

    fn target(&self) -> Target {
        let screen = self.clone();
        Arc::new(move || ProgressDrawTarget::term_like(Box::new(screen.clone())))
    }
}

/// A cleared line, as [`Screen`] keeps it.
const CLEAR: &str = "\u{0}clear";

impl TermLike for Screen {
    fn width(&self) -> u16 {
        80
    }
    fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.push(s);
        Ok(())
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.push(s);
        Ok(())
    }
    fn clear_line(&self) -> std::io::Result<()> {
        self.push(CLEAR);
        Ok(())
    }
    fn flush(&self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn not_shown_draws_nothing_whatever_the_size() {
    let progress = Progress::new(10_000, "listing accounts", false);
    assert!(!progress.is_shown());
    progress.begin("reading accounts", 10_000);
    (0..10_000).for_each(|_| progress.tick());
    assert!(!progress.is_shown());
    assert!(!Progress::new(0, "", false).is_shown());
}

#[test]
fn small_work_draws_nothing_even_on_a_terminal() {
    let screen = Screen::default();
    let progress = Progress::drawing(SHOWN_FROM - 1, "listing accounts", Some(screen.target()));
    (0..SHOWN_FROM - 1).for_each(|_| progress.tick());
    progress.finish();
    assert!(!progress.is_shown());
    assert!(screen.said().is_empty(), "{:?}", screen.said());
}

#[test]
fn big_work_on_a_terminal_draws_at_once_and_clears_when_done() {
    let screen = Screen::default();
    let progress = Progress::drawing(SHOWN_FROM, "listing accounts", Some(screen.target()));
    assert!(progress.is_shown());
    assert!(screen.wrote("listing accounts"), "{:?}", screen.said());
    assert!(screen.wrote(&format!("0/{SHOWN_FROM}")), "{:?}", screen.said());
    assert!(!screen.ends_cleared(), "{:?}", screen.said());
    progress.finish();
    assert!(screen.ends_cleared(), "{:?}", screen.said());
}

#[test]
fn a_dropped_bar_clears_itself() {
    let screen = Screen::default();
    let progress = Progress::drawing(1_000, "checking files", Some(screen.target()));
    progress.tick();
    drop(progress);
    assert!(screen.ends_cleared(), "{:?}", screen.said());
}

#[test]
fn each_pass_is_decided_by_its_own_size_and_clears_the_last() {
    let screen = Screen::default();
    let progress = Progress::drawing(0, "", Some(screen.target()));
    // A warm cache: nothing to read, nothing drawn.
    progress.begin("listing accounts", 0);
    assert!(!progress.is_shown() && screen.said().is_empty());
    progress.begin("reading accounts", 500);
    assert!(progress.is_shown());
    assert!(
        screen.wrote("reading accounts") && screen.wrote("0/500"),
        "{:?}",
        screen.said()
    );
    progress.begin("scoring", 3);
    assert!(!progress.is_shown());
    assert!(screen.ends_cleared(), "{:?}", screen.said());
}

#[test]
fn ticks_from_many_threads_all_count() {
    let screen = Screen::default();
    let progress = Progress::drawing(4_000, "listing accounts", Some(screen.target()));
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| (0..1_000).for_each(|_| progress.tick()));
        }
    });
    assert_eq!(progress.bar.position(), 4_000);
}

#[test]
fn steps_are_said_whatever_the_size_and_only_when_shown() {
    let screen = Screen::default();
    let progress = Progress::steps_drawing(Some(screen.target()));
    assert!(screen.said().is_empty());
    progress.step("sync: pulling from origin");
    assert!(progress.is_shown() && screen.wrote("sync: pulling from origin"));
    progress.step("sync: pushing to origin");
    assert!(screen.wrote("sync: pushing to origin"));
    progress.finish();
    assert!(screen.ends_cleared(), "{:?}", screen.said());
    let quiet = Progress::steps(false);
    quiet.step("sync: committing");
    assert!(!quiet.is_shown());
}
