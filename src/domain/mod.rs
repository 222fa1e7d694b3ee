//! The model and its pure logic: accounts, the customer's world, ids, text hygiene and
//! export. Nothing here knows about the terminal (no ratatui) or about files.

pub mod account;
pub mod bank;
pub mod call;
pub mod checks;
pub mod comment;
pub mod copies;
pub mod export;
pub mod fields;
pub mod fill;
pub mod form;
pub mod health;
pub mod id;
pub mod journey;
pub mod lint;
pub mod merge;
pub mod offering;
pub mod pane;
pub mod phrase;
pub mod plan;
pub mod progress;
pub mod rank;
pub mod sample;
pub mod scenario;
pub mod schedule;
pub mod scorecard;
pub mod search;
pub mod sheet;
pub mod sweet_spot;
pub mod team;
pub mod text;
pub mod turn;
pub mod turns;

pub use account::{Account, Item, Pane, Person, Priority, Profile, Role, SCHEMA, now};
pub use id::{AccountId, ItemId};
