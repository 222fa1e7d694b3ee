//! The data folder: one JSON file per account under `accounts/`, written atomically
//! (temp file in the same folder, fsync, rename, fsync the folder). A file that fails to
//! parse is reported with its line and column and is never written over.
//!
//! - `error`: [`StoreError`], what can go wrong, naming the file.
//! - `file`: the file format ([`parse`], [`parse_bank`], [`to_json`]) and [`write_atomic`].
//! - `store`: [`Store`], the folder, and one account file's load, save, create and trash.
//! - `listing`: [`Store::list`] and [`Store::resolve`], with [`Summary`] and [`Listing`].
//! - `queue`: [`Store::due_turns`], the turns due across all accounts ([`Due`]).
//! - `bank`: [`Store::load_bank`] and [`Store::save_bank`], the user's `bank.json`.
//! - `conflict`: files git or a sync client left in conflict: [`conflict::split`] and
//!   [`conflict::resolve`] for conflict markers, [`conflict::copy_of`] for conflicted copies.
//! - `doctor`: [`doctor::check`], every file of the folder looked at, and [`doctor::fix`].
//! - `cache`: per-file caches in `.cache/`, used by `listing` and `queue`.
//! - `lock`: [`Lock`], one writer at a time per account, a hidden file beside it naming the holder.
//! - `read`: [`read_text`], the one way a data file is read: regular files only, symlinks
//!   followed only inside the folder, at most [`MAX_FILE`] bytes.
//! - `watch`: [`Watch`], how a long pass over the folder tells a command how it goes
//!   ([`Unwatched`] when nobody shows it).

mod bank;
mod cache;
pub mod conflict;
pub mod doctor;
mod error;
mod file;
mod listing;
pub mod lock;
mod names;
mod queue;
mod read;
mod store;
mod team;
mod watch;

pub use error::{Odd, StoreError};
pub use file::{parse, parse_bank, parse_offerings, parse_sweet_spot, to_json, write_atomic};
pub use listing::{Listing, Summary};
pub use lock::Lock;
pub use queue::Due;
pub use read::{MAX_FILE, read_named, read_text};
pub use store::{Loaded, Store};
pub use team::SharedStamp;
pub use watch::{Unwatched, Watch};
