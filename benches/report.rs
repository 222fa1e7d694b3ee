//! The team report over a folder of 500 accounts (20 entries per pane, 30 rehearsed turns
//! each), as the real binary prints it, beside two baselines over the same files: `cat`
//! (reading them) and `jq` (parsing each and printing its name). The figure that matters is
//! the ratio of the report to `jq`: reading, parsing and judging every account's scorecard
//! against parsing alone.

mod datagen;

use callbook::storage::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `program` with `args` and waits, its output thrown away; panics if it fails.
fn run(program: &str, args: &[&std::ffi::OsStr], dir: &Path) {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(status.success(), "{program} failed");
}

fn team_report(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    for i in 0..500 {
        let mut account = datagen::account(&format!("Account {i}"), 20, i);
        datagen::add_turns(&mut account, 30, i);
        store.create(&account).unwrap();
    }
    let accounts = store.accounts_dir();
    let files: Vec<std::ffi::OsString> = std::fs::read_dir(&accounts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.into_os_string())
        .collect();
    let file_args: Vec<&std::ffi::OsStr> = files.iter().map(|f| f.as_os_str()).collect();
    let bin = env!("CARGO_BIN_EXE_callbook");
    let mut group = c.benchmark_group("team report over 500 accounts");
    group.sample_size(10);
    group.bench_function("cat (baseline)", |b| b.iter(|| run("cat", &file_args, &accounts)));
    let mut jq: Vec<&std::ffi::OsStr> = vec!["-r".as_ref(), ".name".as_ref()];
    jq.extend(&file_args);
    group.bench_function("jq .name (baseline)", |b| b.iter(|| run("jq", &jq, &accounts)));
    let report: [&std::ffi::OsStr; 4] = [
        "--data-dir".as_ref(),
        data.as_os_str(),
        "report".as_ref(),
        "--json".as_ref(),
    ];
    group.bench_function("callbook report --json", |b| {
        b.iter(|| run(bin, &report, &accounts))
    });
    group.finish();
}

criterion_group!(benches, team_report);
criterion_main!(benches);
