//! Workbook benchmarks: listing a large data folder, saving a large account, drawing and
//! editing a large world. `cargo bench` prints the figures.

mod datagen;

use callbook::app::{self, Action, App};
use callbook::domain::AccountId;
use callbook::storage::{Loaded, Store};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// Listing 2,000 accounts of 5 entries per pane and 50 rehearsed turns each (the picker's
/// start-up cost): with the list cache, as every start after the first, and without it.
fn list_folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..2_000 {
        let mut account = datagen::account(&format!("Account {i}"), 5, i);
        datagen::add_turns(&mut account, 50, i);
        store.create(&account).unwrap();
    }
    let mut group = c.benchmark_group("list 2000 accounts with 50 turns each");
    group.sample_size(10);
    group.bench_function("cached", |b| b.iter(|| black_box(store.list().unwrap())));
    let cache = dir.path().join(".cache").join("list.json");
    group.bench_function("no cache", |b| {
        b.iter_batched(
            || std::fs::remove_file(&cache).unwrap(),
            |()| black_box(store.list().unwrap()),
            BatchSize::PerIteration,
        )
    });
    group.finish();
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
