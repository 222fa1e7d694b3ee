//! The command line and the list cache (issue 15): a command that reads every account anyway
//! (`list`, `report`) leaves the cache up to date once it has succeeded, so a fresh clone pays
//! the cold read once; a command that fails writes nothing, cache included; a command that
//! writes an account (`add`) never writes the cache.

mod common;

use common::Data;

fn cache(data: &Data) -> std::path::PathBuf {
    data.root().join(".cache").join("list.json")
}

#[test]
fn a_successful_list_writes_the_cache_and_the_next_list_reads_it() {
    let data = Data::new();
    data.cli(&["new", "Ashcombe"]);
    std::fs::remove_dir_all(data.root().join(".cache")).ok();
    let first = data.cli(&["list"]);
    assert!(cache(&data).is_file(), "list left the cache up to date");
    let cached = std::fs::read(cache(&data)).unwrap();
    assert_eq!(data.cli(&["list"]), first, "the cached list reads the same");
    assert_eq!(
        std::fs::read(cache(&data)).unwrap(),
        cached,
        "nothing changed, nothing written"
    );
    data.cli(&["add", "Ashcombe", "goals", "Cut spoilage claims"]);
    assert!(
        data.cli(&["list"]).contains("goals 1"),
        "a changed file is read again"
    );
}

#[test]
fn a_failing_command_writes_no_cache() {
    let data = Data::new();
    data.cli(&["new", "Ashcombe"]);
    std::fs::remove_dir_all(data.root().join(".cache")).ok();
    std::fs::write(
        data.root().join("sweet-spot.json"),
        "{ \"schema\": 1, \"criteria\": [",
    )
    .unwrap();
    let before = data.snapshot_all();
    data.fail(&["list"]);
    data.fail(&["report"]);
    assert_eq!(data.snapshot_all(), before, "nothing written, the cache included");
    data.cli(&["add", "Ashcombe", "goals", "Cut spoilage claims"]);
    assert!(!cache(&data).exists(), "add writes the account, never the cache");
}
