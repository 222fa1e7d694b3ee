//! Workbook benchmarks: listing a large data folder, saving a large account, drawing and
//! editing a large world. `cargo bench` prints the figures.

mod datagen;

use callbook::app::{self, Action, App};
use callbook::domain::AccountId;
use callbook::storage::{Loaded, Store};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// Listing 2,000 accounts of 5 entries per pane: the picker's start-up cost.
fn list_folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..2_000 {
        store
            .create(&datagen::account(&format!("Account {i}"), 5, i))
            .unwrap();
    }
    c.bench_function("list 2000 accounts", |b| {
        b.iter(|| black_box(store.list().unwrap()))
    });
}

/// Saving an account of 500 entries per pane (3,000 in all), fsyncs included.
fn save_large(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let account = datagen::account("Large", 500, 7);
    let id = store.create(&account).unwrap();
    c.bench_function("save 3000-entry account", |b| {
        b.iter(|| store.save(&id, black_box(&account)).unwrap())
    });
}

fn large_app() -> App {
    let mut app = App::new(Vec::new(), datagen::when);
    let id = AccountId::parse("large-abc123").unwrap();
    app.show(Loaded {
        id,
        account: datagen::account("Large", 500, 7),
        newer_schema: None,
        fingerprint: 0,
    });
    app::update(&mut app, Action::Resize(160, 50));
    app
}

/// Drawing one frame of the world with 500 entries per pane, selection at the bottom.
fn render_large(c: &mut Criterion) {
    let mut app = large_app();
    app::update(&mut app, Action::Bottom);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
    c.bench_function("render world, 3000 entries", |b| {
        b.iter(|| {
            terminal
                .draw(|f| callbook::ui::render(f, black_box(&app)))
                .unwrap();
        })
    });
}

/// Delete then undo in a 3,000-entry account: each change snapshots the account for undo.
fn edit_large(c: &mut Criterion) {
    let mut app = large_app();
    c.bench_function("delete + undo, 3000 entries", |b| {
        b.iter(|| {
            black_box(app::update(&mut app, Action::Delete));
            black_box(app::update(&mut app, Action::Undo));
        })
    });
}

criterion_group!(benches, list_folder, save_large, render_large, edit_large);
criterion_main!(benches);
