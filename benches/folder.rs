//! A team lead's folder as the real binary meets it: 5,000 accounts of about 30 entries.
//! `callbook list` with no cache (a fresh clone) and with it, and `callbook export NAME`
//! (resolving a name, then reading one account), each beside two baselines over the same
//! files in the same run: `cat` (reading them) and `jq .name` (parsing each). The figures
//! that matter are the ratios: cold `list` against `cat`, cached `list` against `cat`.
//! `cargo bench --bench folder` prints them; README's "Performance" quotes them.

mod datagen;

use callbook::storage::Store;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::{Command, Stdio};

/// How many accounts the folder holds.
const ACCOUNTS: usize = 5_000;

/// Runs `program` with `args` in `dir` and waits, its output thrown away; panics if it fails.
fn run(program: &str, args: &[&OsStr], dir: &Path) {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env_remove("CALLBOOK_DATA_DIR")
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(status.success(), "{program} failed");
}

/// The folder: `ACCOUNTS` accounts of 5 entries per pane, written straight as files (the
/// store's own save, fsync and all, would take minutes to make them).
fn folder(root: &Path) -> Vec<OsString> {
    let store = Store::open(root).unwrap();
    let accounts = store.accounts_dir();
    (0..ACCOUNTS)
        .map(|i| {
            let account = datagen::account(&format!("Account {i:05}"), 5, i as u64);
            let path = accounts.join(format!("account-{i:05}.json"));
            std::fs::write(&path, callbook::storage::to_json(&account)).unwrap();
            path.into_os_string()
        })
        .collect()
}

fn list_folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let files = folder(&data);
    let accounts = data.join("accounts");
    let file_args: Vec<&OsStr> = files.iter().map(OsString::as_os_str).collect();
    let bin = env!("CARGO_BIN_EXE_callbook");
    let mut group = c.benchmark_group(format!("{ACCOUNTS} accounts"));
    group.sample_size(10);
    group.bench_function("cat (baseline)", |b| b.iter(|| run("cat", &file_args, &accounts)));
    let mut jq: Vec<&OsStr> = vec!["-r".as_ref(), ".name".as_ref()];
    jq.extend(&file_args);
    group.bench_function("jq .name (baseline)", |b| b.iter(|| run("jq", &jq, &accounts)));
    let list: [&OsStr; 3] = ["--data-dir".as_ref(), data.as_os_str(), "list".as_ref()];
    let cache = data.join(".cache").join("list.json");
    group.bench_function("callbook list, no cache", |b| {
        b.iter_batched(
            || drop(std::fs::remove_file(&cache)),
            |()| run(bin, &list, &accounts),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("the picker's first frame, no cache", |b| {
        use ratatui::{Terminal, backend::TestBackend};
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        b.iter_batched(
            || drop(std::fs::remove_file(&cache)),
            |()| {
                let store = Store::open(&data).unwrap();
                let mut app = callbook::app::App::new(store.list().unwrap(), datagen::when);
                callbook::app::update(&mut app, callbook::app::Action::Resize(80, 24));
                terminal.draw(|f| callbook::ui::render(f, &app)).unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    run(bin, &list, &accounts);
    group.bench_function("callbook list, cached", |b| b.iter(|| run(bin, &list, &accounts)));
    let export: [&OsStr; 4] = [
        "--data-dir".as_ref(),
        data.as_os_str(),
        "export".as_ref(),
        "Account 02500".as_ref(),
    ];
    group.bench_function("callbook export NAME, no cache", |b| {
        b.iter_batched(
            || drop(std::fs::remove_file(&cache)),
            |()| run(bin, &export, &accounts),
            BatchSize::PerIteration,
        )
    });
    // Tab after `callbook open a`: every one of the accounts matches, the worst case.
    let complete = |b: &mut criterion::Bencher| {
        b.iter(|| {
            let status = Command::new(bin)
                .args(["--", "callbook", "open", "a"])
                .env("COMPLETE", "bash")
                .env("_CLAP_COMPLETE_INDEX", "2")
                .env("CALLBOOK_DATA_DIR", &data)
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        })
    };
    group.bench_function("Tab completes NAME, every account matching", complete);
    group.finish();
}

criterion_group!(benches, list_folder, large_account);
criterion_main!(benches);

/// One account of 10,200 entries: opened to its first frame, and saved (atomic, fsync and
/// all), beside writing the same bytes to a new file with fsync (the floor a save stands on).
fn large_account(c: &mut Criterion) {
    use callbook::app::{self, Action, App};
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let account = datagen::account("Large", 1_700, 7);
    let id = store.create(&account).unwrap();
    let bytes = callbook::storage::to_json(&account);
    let mut group = c.benchmark_group("an account of 10,200 entries");
    group.sample_size(10);
    group.bench_function("write + fsync the same bytes (baseline)", |b| {
        let path = dir.path().join("copy.json");
        b.iter(|| {
            use std::io::Write;
            let mut f = std::fs::File::create(&path).unwrap();
            f.write_all(bytes.as_bytes()).unwrap();
            f.sync_all().unwrap();
        })
    });
    group.bench_function("open to the first frame", |b| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        b.iter(|| {
            let loaded = store.load(&id).unwrap();
            let mut app = App::new(Vec::new(), datagen::when);
            app.show(loaded);
            app::update(&mut app, Action::Resize(80, 24));
            terminal.draw(|f| callbook::ui::render(f, &app)).unwrap();
        })
    });
    // What the UI itself spends on a save in the background: starting it (a copy of the
    // account for the thread); the write goes on beside the next keys.
    group.bench_function("a save started in the background (the UI's share)", |b| {
        let mut app = App::new(Vec::new(), datagen::when);
        app.show(store.load(&id).unwrap());
        let mut saver = callbook::effects::Saver::default();
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                saver.finish(&mut app, &store);
                app.workbook.as_mut().unwrap().doc.touched();
                let started = std::time::Instant::now();
                saver.start(&mut app, &store);
                spent += started.elapsed();
            }
            saver.finish(&mut app, &store);
            spent
        })
    });
    // As the app saves: checked against the fingerprint of what it last read or wrote.
    let mut last = store.load(&id).unwrap().fingerprint;
    group.bench_function("save, as the app does", |b| {
        b.iter(|| last = store.save_checked(&id, &account, Some(last)).unwrap())
    });
    group.finish();
}
