//! A key press and the frame after it, on lists of very different lengths: the picker of 50
//! and of 5,000 accounts, the world of 60 and of 10,200 entries. Lists build only the rows
//! that show, so each pair should cost about the same; the small list is the baseline the
//! large one is read against. `cargo bench --bench screens` prints the figures.

mod datagen;

use callbook::app::{self, Action, App};
use callbook::domain::AccountId;
use callbook::storage::{Listing, Loaded, Summary};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// A picker listing `n` accounts, the selection in the middle, at 80×24.
fn picker(n: usize) -> App {
    let listing = (0..n)
        .map(|i| {
            let account =
                callbook::domain::Account::new(&format!("Account {i:05} of the region"), datagen::when());
            let id = AccountId::parse(&format!("account-{i:05}")).unwrap();
            Listing::Ok(Summary::of(id, &account))
        })
        .collect();
    let mut app = App::new(listing, datagen::when);
    app::update(&mut app, Action::Resize(80, 24));
    for _ in 0..n / 2 {
        app::update(&mut app, Action::Down);
    }
    app
}

/// An account of `per_pane` entries in each of the six panes, at 80×24.
fn world(per_pane: usize) -> App {
    let mut app = App::new(Vec::new(), datagen::when);
    app.show(Loaded {
        id: AccountId::parse("large-abc123").unwrap(),
        account: datagen::account("Large", per_pane, 7),
        newer_schema: None,
        fingerprint: 0,
    });
    app::update(&mut app, Action::Resize(80, 24));
    for _ in 0..per_pane / 2 {
        app::update(&mut app, Action::Down);
    }
    app
}

/// One key press (down, then up, so the state stays put) and the frame after each.
fn press_and_draw(c: &mut Criterion, group: &str, cases: Vec<(String, App)>) {
    let mut g = c.benchmark_group(group);
    g.sample_size(30);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for (name, mut app) in cases {
        g.bench_function(name, |b| {
            b.iter(|| {
                for action in [Action::Down, Action::Up] {
                    black_box(app::update(&mut app, action));
                    terminal
                        .draw(|f| callbook::ui::render(f, black_box(&app)))
                        .unwrap();
                }
            })
        });
    }
    g.finish();
}

fn picker_keys(c: &mut Criterion) {
    let cases = [50, 5_000, 20_000]
        .map(|n| (format!("{n} accounts"), picker(n)))
        .into();
    press_and_draw(c, "picker: two keys and their frames", cases);
}

/// Typing in the picker's filter: a letter and Backspace, and the frame after each.
fn picker_filter(c: &mut Criterion) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut g = c.benchmark_group("picker: filter, two keys typed and their frames");
    g.sample_size(30);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for n in [50, 5_000, 20_000] {
        let mut app = picker(n);
        app::update(&mut app, Action::Search);
        for c in "acc".chars() {
            app::update(
                &mut app,
                Action::Input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        g.bench_function(format!("{n} accounts"), |b| {
            b.iter(|| {
                for key in [KeyCode::Char('o'), KeyCode::Backspace] {
                    black_box(app::update(
                        &mut app,
                        Action::Input(KeyEvent::new(key, KeyModifiers::NONE)),
                    ));
                    terminal
                        .draw(|f| callbook::ui::render(f, black_box(&app)))
                        .unwrap();
                }
            })
        });
    }
    g.finish();
}

fn world_keys(c: &mut Criterion) {
    let cases = [10, 1_700]
        .map(|n| (format!("{} entries", n * 6), world(n)))
        .into();
    press_and_draw(c, "world: two keys and their frames", cases);
}

criterion_group!(benches, picker_keys, picker_filter, world_keys);
criterion_main!(benches);
