//! Rehearsal benchmarks: the queue of due turns across a large data folder, from start.

mod datagen;

use callbook::storage::Store;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// 2,000 accounts with 50 rehearsed turns each (two attempts per turn): opening the data
/// folder and building the queue of due turns, most overdue first.
fn queue_from_start(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..2_000 {
        let mut account = datagen::account(&format!("Account {i}"), 3, i);
        datagen::add_turns(&mut account, 50, i);
        store.create(&account).unwrap();
    }
    let mut group = c.benchmark_group("rehearsal queue, 2000 accounts x 50 turns");
    group.sample_size(20);
    // Every start after the first: the cache matches, files are only looked at.
    group.bench_function("from start", |b| {
        b.iter(|| {
            let store = Store::open(dir.path()).unwrap();
            black_box(store.due_turns(datagen::when()).unwrap())
        })
    });
    // The first start, or after the cache was deleted: every file is read.
    let cache = dir.path().join(".cache");
    group.bench_function("from start, no cache", |b| {
        b.iter_batched(
            || std::fs::remove_dir_all(&cache).unwrap(),
            |()| {
                let store = Store::open(dir.path()).unwrap();
                black_box(store.due_turns(datagen::when()).unwrap())
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, queue_from_start);
criterion_main!(benches);
