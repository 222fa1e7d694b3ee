//! callbook: a terminal call-planning workbook for B2B sales reps. The library holds
//! everything; `main.rs` only parses the command line and hands over.

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod domain;
pub mod effects;
pub mod settings;
pub mod storage;
pub mod sync;
pub mod tui;
pub mod ui;
