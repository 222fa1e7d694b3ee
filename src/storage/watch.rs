//! Watching a long pass over the folder: a pass tells its [`Watch`] how many files it is
//! about to read, then each one as it is done, so a command can show progress. Storage
//! knows nothing of how it is shown (the command line's bar is `cli::progress`); the
//! terminal UI, which owns the screen, passes [`Unwatched`].

/// Told how a pass over the folder goes. Shared with the threads that read the files side
/// by side, so it must be `Sync`, and a tick must be cheap: it is called once per file.
pub trait Watch: Sync {
    /// A pass over `total` files begins; `step` says what it does, in a few words
    /// ("listing accounts"). A command may run several passes, one after the other: each
    /// begins again from nothing.
    fn begin(&self, step: &str, total: usize);
    /// One more file of the pass is done; called from any reading thread.
    fn tick(&self);
}

/// Watches nothing: what every caller but a command line's long pass uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unwatched;

impl Watch for Unwatched {
    fn begin(&self, _: &str, _: usize) {}
    fn tick(&self) {}
}
