//! The CLI contract (DESIGN.md, "CLI"), checked by running the real binary against a
//! temporary data folder: what each command prints, what it writes, and that an error
//! writes nothing and names the file.

use callbook::domain::{Pane, sample};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// A data folder in a temp dir. The folder itself is left for callbook to create, so its
/// permissions are callbook's doing.
struct Data {
    tmp: TempDir,
}

impl Data {
    fn new() -> Self {
        Data {
            tmp: TempDir::new().unwrap(),
        }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn accounts(&self) -> PathBuf {
        self.root().join("accounts")
    }

    fn file_of(&self, id: &str) -> PathBuf {
        self.accounts().join(format!("{id}.json"))
    }

    /// Runs callbook with `--data-dir`; the environment variable is removed so a
    /// developer's own setting can't leak in.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .env_remove("CALLBOOK_DATA_DIR")
            .arg("--data-dir")
            .arg(self.root())
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?} failed: {err}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail with a message and no output; returns stderr.
    fn fail(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            !out.status.success(),
            "{args:?} succeeded: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(err.starts_with("error: "), "{err}");
        err
    }

    /// `new NAME`, returning the id.
    fn create(&self, name: &str) -> String {
        self.ok(&["new", name]).trim().to_owned()
    }

    fn list_json(&self) -> Vec<Value> {
        serde_json::from_str(&self.ok(&["list", "--json"])).unwrap()
    }

    fn account_json(&self, id: &str) -> Value {
        serde_json::from_str(&fs::read_to_string(self.file_of(id)).unwrap()).unwrap()
    }

    /// Every file under the data folder with its bytes, to prove nothing was written; the
    /// caches in `.cache/` aside, copies that a command reading every account (`list`) brings
    /// up to date once it has succeeded (`tests/cli_cache.rs` holds them to that).
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        walk(&self.root(), &mut files);
        files
    }
}

fn walk(dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == ".cache") {
            continue;
        }
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b == b'-' || b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[test]
fn new_prints_an_id_and_writes_a_private_file() {
    let data = Data::new();
    let id = data.create("Acme Corp");
    assert!(is_id(&id) && id.starts_with("acme-corp-"), "{id:?}");
    assert_eq!(data.account_json(&id)["name"], "Acme Corp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data.file_of(&id)), 0o600);
        assert_eq!(mode(&data.root()), 0o700);
        assert_eq!(mode(&data.accounts()), 0o700);
    }
}

#[test]
fn hostile_names_stay_inside_accounts() {
    let data = Data::new();
    let names = ["../../x", "CON", "a/b", "..", "x\\y.json", "/etc/passwd"];
    for name in names {
        let id = data.create(name);
        assert!(is_id(&id), "{name:?} gave {id:?}");
        assert!(data.file_of(&id).is_file(), "{name:?}: no file for {id}");
    }
    assert_eq!(file_names(data.tmp.path()), ["data"]);
    assert_eq!(file_names(&data.root()), ["accounts", "trash"]);
    assert_eq!(file_names(&data.accounts()).len(), names.len());
    let mut listed: Vec<String> = data
        .list_json()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    let mut wanted = names.map(String::from).to_vec();
    listed.sort();
    wanted.sort();
    assert_eq!(listed, wanted);
}

#[test]
fn new_refuses_a_blank_name() {
    let data = Data::new();
    let err = data.fail(&["new", "   "]);
    assert!(err.contains("needs a name"), "{err}");
    assert!(file_names(&data.accounts()).is_empty());
}

#[test]
fn sample_then_list_shows_it_with_counts() {
    let data = Data::new();
    let id = data.ok(&["sample"]).trim().to_owned();
    let expected = sample::account(chrono::Utc::now());
    let list = data.list_json();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0]["id"].as_str(), list[0]["name"].as_str()),
        (Some(id.as_str()), Some(sample::NAME))
    );
    chrono::DateTime::parse_from_rfc3339(list[0]["updated"].as_str().unwrap()).unwrap();
    for pane in Pane::ALL {
        assert_eq!(list[0]["counts"][pane.cli_name()], expected.len(pane), "{pane:?}");
    }
    let plain = data.ok(&["list"]);
    assert_eq!(plain.lines().count(), 1, "{plain}");
    assert!(plain.starts_with(sample::NAME) && plain.contains(&id), "{plain}");
    let goals = format!("goals {}", expected.len(Pane::Goals));
    assert!(plain.contains(&goals) && expected.len(Pane::Goals) > 0, "{plain}");
}

#[test]
fn add_to_each_pane_shows_in_the_json() {
    let data = Data::new();
    let id = data.create("Acme");
    let panes = [
        ("goals", "/world/goals/0"),
        ("threats", "/world/threats/0"),
        ("competitors", "/world/competitors/0"),
        ("market", "/world/market/0"),
        ("why", "/why_change/0"),
        ("people", "/people/0"),
    ];
    for (pane, _) in panes {
        let item_id = data
            .ok(&["add", "acme", pane, &format!("  {pane} entry ")])
            .trim()
            .to_owned();
        assert_eq!(item_id.len(), 8, "{item_id:?}");
        let file = data.account_json(&id);
        let pointer = panes.iter().find(|p| p.0 == pane).unwrap().1;
        let entry = file
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer} missing: {file:#}"));
        assert_eq!(entry["id"], item_id.as_str());
        let text = if pane == "people" {
            &entry["name"]
        } else {
            &entry["text"]
        };
        assert_eq!(text, &format!("{pane} entry"));
    }
    let counts = &data.list_json()[0]["counts"];
    for pane in ["goals", "threats", "competitors", "market", "people", "why"] {
        assert_eq!(counts[pane], 1, "{pane}: {counts}");
    }
}

#[test]
fn add_to_an_unknown_pane_fails_and_changes_nothing() {
    let data = Data::new();
    let id = data.create("Acme");
    data.ok(&["add", &id, "goals", "Grow"]);
    let before = data.snapshot();
    let err = data.fail(&["add", "acme", "peple", "Dana"]);
    assert!(
        err.contains("\"peple\"") && err.contains("goals|threats|competitors|market|people|why"),
        "{err}"
    );
    let err = data.fail(&["add", "acme", "goals", "   "]);
    assert!(err.contains("can't be empty"), "{err}");
    assert_eq!(data.snapshot(), before);
}

#[test]
fn unknown_and_ambiguous_names_are_clear_errors() {
    let data = Data::new();
    let east = data.create("Acme East");
    let west = data.create("Acme West");
    let before = data.snapshot();
    let err = data.fail(&["add", "acme", "goals", "Grow"]);
    assert!(
        err.contains("matches several accounts") && err.contains(&east) && err.contains(&west),
        "{err}"
    );
    let err = data.fail(&["export", "zenith"]);
    assert!(err.contains("no account matches \"zenith\""), "{err}");
    assert_eq!(data.snapshot(), before);
    data.ok(&["add", "ACME W", "goals", "Grow"]);
    assert_eq!(data.account_json(&west)["world"]["goals"][0]["text"], "Grow");
}

#[test]
fn export_md_has_every_section_and_the_added_item() {
    let data = Data::new();
    data.create("Acme Freight");
    data.ok(&["add", "acme", "goals", "Open a depot in Ohio"]);
    data.ok(&["add", "acme", "people", "Dana Ruiz"]);
    let md = data.ok(&["export", "acme"]);
    assert!(md.starts_with("# Acme Freight\n"), "{md}");
    for section in [
        "Profile",
        "Goals",
        "Threats",
        "Competitors",
        "Market conditions",
        "People",
        "Why change",
    ] {
        assert!(md.contains(&format!("\n## {section}\n")), "no {section}:\n{md}");
    }
    assert!(md.contains("\n### Open a depot in Ohio\n"), "{md}");
    assert!(md.contains("\n### Dana Ruiz\n"), "{md}");
    assert_eq!(data.ok(&["export", "acme", "--format", "md"]), md);
}

#[test]
fn export_json_equals_the_file_on_disk() {
    let data = Data::new();
    let id = data.ok(&["sample"]).trim().to_owned();
    let json = data.run(&["export", &id, "--format", "json"]);
    assert!(json.status.success());
    assert_eq!(json.stdout, fs::read(data.file_of(&id)).unwrap());
}

#[test]
fn export_to_a_file_writes_it_and_a_failure_writes_nothing() {
    let data = Data::new();
    data.create("Acme");
    let out = data.tmp.path().join("acme.json");
    let printed = data.ok(&["export", "acme", "--format", "json", "-o", out.to_str().unwrap()]);
    assert!(printed.is_empty(), "{printed}");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        data.ok(&["export", "acme", "--format", "json"])
    );
    let missing = data.tmp.path().join("no-such-folder").join("acme.md");
    let err = data.fail(&["export", "acme", "-o", missing.to_str().unwrap()]);
    assert!(err.contains("no-such-folder"), "{err}");
    let unknown = data.tmp.path().join("zenith.md");
    data.fail(&["export", "zenith", "-o", unknown.to_str().unwrap()]);
    assert_eq!(file_names(data.tmp.path()), ["acme.json", "data"]);
}

/// Exports account `name` of `data` as JSON into `file`, renamed to `rename`.
fn export_renamed(data: &Data, name: &str, file: &Path, rename: &str) {
    let mut json: Value = serde_json::from_str(&data.ok(&["export", name, "--format", "json"])).unwrap();
    json["name"] = rename.into();
    fs::write(file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

/// Two data folders: "Acme Corp" with one goal in the first, exported to `acme.json` and
/// imported into the second. Returns both, the file, and the two ids.
fn imported_acme() -> (Data, Data, PathBuf, String, String) {
    let (from, to) = (Data::new(), Data::new());
    let from_id = from.create("Acme Corp");
    from.ok(&["add", "acme", "goals", "Grow"]);
    let file = from.tmp.path().join("acme.json");
    export_renamed(&from, "acme", &file, "Acme Corp");
    let id = to.ok(&["import", file.to_str().unwrap()]).trim().to_owned();
    (from, to, file, from_id, id)
}

#[test]
fn import_round_trips_under_a_new_id() {
    let (from, to, _file, from_id, id) = imported_acme();
    assert!(is_id(&id) && id != from_id, "{id}");
    // export_renamed wrote the keys in another order; the import writes them canonically.
    assert_eq!(
        fs::read(to.file_of(&id)).unwrap(),
        fs::read(from.file_of(&from_id)).unwrap()
    );
}

#[test]
fn import_of_an_existing_name_needs_replace_which_trashes_the_old_file() {
    let (from, to, file, _, id) = imported_acme();
    let before = to.snapshot();
    let err = to.fail(&["import", file.to_str().unwrap()]);
    assert!(
        err.contains("already exists") && err.contains(&id) && err.contains("--replace"),
        "{err}"
    );
    assert_eq!(to.snapshot(), before);

    // The name match ignores case; the replacement keeps the existing id.
    from.ok(&["add", "acme", "goals", "Hire"]);
    export_renamed(&from, "acme", &file, "ACME CORP");
    let replaced = to.ok(&["import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(replaced.trim(), id);
    let list = to.list_json();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        (list[0]["id"].as_str(), list[0]["name"].as_str()),
        (Some(id.as_str()), Some("ACME CORP"))
    );
    assert_eq!(list[0]["counts"]["goals"], 2);
    let trash = file_names(&to.root().join("trash"));
    assert!(
        trash.len() == 1 && trash[0].starts_with(&format!("{id}.")),
        "{trash:?}"
    );
    let trashed = fs::read(to.root().join("trash").join(&trash[0])).unwrap();
    assert_eq!(trashed, before[&to.file_of(&id)]);
}

#[test]
fn import_of_bad_json_names_file_line_and_column() {
    let data = Data::new();
    let file = data.tmp.path().join("broken.json");
    fs::write(&file, "{\n  \"schema\": 1,\n  \"name\": \"Acme\",,\n}\n").unwrap();
    let err = data.fail(&["import", file.to_str().unwrap()]);
    assert!(
        err.contains(file.to_str().unwrap()) && err.contains("line 3, column 18"),
        "{err}"
    );
    let missing = data.tmp.path().join("missing.json");
    let err = data.fail(&["import", missing.to_str().unwrap()]);
    assert!(err.contains("missing.json"), "{err}");
    assert!(file_names(&data.accounts()).is_empty());
}

#[test]
fn import_refuses_a_file_from_a_newer_callbook() {
    let data = Data::new();
    data.create("Acme");
    let file = data.tmp.path().join("future.json");
    let mut json: Value = serde_json::from_str(&data.ok(&["export", "acme", "--format", "json"])).unwrap();
    json["schema"] = 99.into();
    json["name"] = "Future Co".into();
    fs::write(&file, json.to_string()).unwrap();
    let before = data.snapshot();
    let err = data.fail(&["import", file.to_str().unwrap()]);
    assert!(
        err.contains("future.json") && err.contains("newer") && err.contains("99"),
        "{err}"
    );
    assert_eq!(data.snapshot(), before);
}

#[test]
fn a_damaged_file_is_listed_and_never_written() {
    let data = Data::new();
    let id = data.create("Acme");
    let damaged = data.accounts().join("x-123456.json");
    fs::write(&damaged, "{\n  \"schema\": 1,\n  garbage\n").unwrap();
    let before = data.snapshot();
    let plain = data.ok(&["list"]);
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), 2, "{plain}");
    assert!(lines[0].starts_with("Acme") && lines[0].contains(&id), "{plain}");
    assert!(
        lines[1].starts_with("DAMAGED  x-123456  ") && lines[1].contains("x-123456.json: line 3, column 3"),
        "{plain}"
    );
    let json = data.list_json();
    assert_eq!(json[0]["id"], id.as_str());
    assert!(
        json[1]["damaged"] == true && json[1]["line"] == 3 && json[1]["column"] == 3,
        "{json:?}"
    );
    assert!(
        json[1]["file"].as_str().unwrap().ends_with("x-123456.json"),
        "{json:?}"
    );
    for args in [
        ["add", "x-123456", "goals", "Grow"].as_slice(),
        &["export", "x-123456"],
    ] {
        let err = data.fail(args);
        assert!(err.contains("x-123456.json: line 3, column 3"), "{err}");
    }
    assert_eq!(data.snapshot(), before);
}

#[test]
fn add_refuses_an_account_from_a_newer_callbook() {
    let data = Data::new();
    let id = data.create("Future Co");
    let mut json = data.account_json(&id);
    json["schema"] = (callbook::domain::SCHEMA + 1).into();
    fs::write(data.file_of(&id), serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let before = data.snapshot();
    let err = data.fail(&["add", "future", "goals", "Grow"]);
    assert!(
        err.contains(&format!("{id}.json")) && err.contains("newer") && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(data.snapshot(), before);
    assert_eq!(data.list_json()[0]["name"], "Future Co");
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let data = Data::new();
    data.create("Evil\x1b[31m Corp\x07\u{9b}2J");
    data.ok(&["add", "evil", "goals", "\x1b]0;pwned\x07Grow"]);
    for args in [
        ["list"].as_slice(),
        &["list", "--json"],
        &["export", "evil"],
        &["export", "evil", "--format", "json"],
    ] {
        let out = data.run(args);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("Evil"), "{args:?}: {text:?}");
    }
    let out = data.run(&["add", "\x1b[2Jnobody", "goals", "x"]);
    assert!(
        !out.status.success() && !out.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_data_folder_can_come_from_the_environment() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("env-data");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .env("CALLBOOK_DATA_DIR", &dir)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["new", "Env Co"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(dir.join("accounts").join(format!("{id}.json")).is_file());
    let list = String::from_utf8(run(&["list"]).stdout).unwrap();
    assert!(list.starts_with("Env Co") && list.contains(&id), "{list}");
}

#[test]
fn new_and_sample_refuse_a_name_in_use_and_write_nothing() {
    let data = Data::new();
    let id = data.create("Zürich Logistik AG");
    assert!(id.starts_with("zurich-logistik-ag-"), "{id}");
    let before = data.snapshot();
    for again in [
        "Zürich Logistik AG",
        "zürich logistik ag",
        "  ZÜRICH  Logistik AG  ",
    ] {
        let err = data.fail(&["new", again]);
        assert!(
            err.contains("an account named \"Zürich Logistik AG\" already exists")
                && err.contains(&id)
                && err.contains("nothing created")
                && err.contains(&format!("callbook open {id}")),
            "{again:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let sample = data.ok(&["sample"]).trim().to_owned();
    let before_sample = data.snapshot();
    let err = data.fail(&["sample"]);
    assert!(
        err.contains(sample::NAME) && err.contains(&sample) && err.contains("sample"),
        "{err}"
    );
    assert_eq!(data.snapshot(), before_sample);
    assert_eq!(data.list_json().len(), 2);
    assert_eq!(
        before.len() + 3,
        before_sample.len(),
        "only the sample and its team files (offerings.json, sweet-spot.json) were added"
    );
}

#[test]
fn import_and_new_agree_on_a_name_in_use() {
    let (from, to, file, _, id) = imported_acme();
    let import_err = to.fail(&["import", file.to_str().unwrap()]);
    let new_err = to.fail(&["new", "acme corp"]);
    let said = format!("an account named \"Acme Corp\" already exists ({id})");
    assert!(
        import_err.contains(&said) && import_err.contains("nothing imported"),
        "{import_err}"
    );
    assert!(
        new_err.contains(&said) && new_err.contains("nothing created"),
        "{new_err}"
    );
    // The other way round: an account made by `new` holds its name against an import.
    export_renamed(&from, "acme", &file, "Harbor Mills");
    let harbor = to.create("HARBOR MILLS");
    let err = to.fail(&["import", file.to_str().unwrap()]);
    assert!(err.contains("\"HARBOR MILLS\"") && err.contains(&harbor), "{err}");
}

#[test]
fn list_on_an_empty_folder_says_how_to_make_an_account() {
    let data = Data::new();
    let plain = data.ok(&["list"]);
    assert_eq!(plain.lines().count(), 1, "{plain}");
    for said in [
        "No accounts yet",
        "callbook new NAME",
        "callbook sample",
        "accounts",
    ] {
        assert!(plain.contains(said), "no {said:?} in {plain}");
    }
    let json: Value = serde_json::from_str(&data.ok(&["list", "--json"])).unwrap();
    assert_eq!(json, Value::Array(Vec::new()));
    // One account, and the hint is gone; only damage left still lists the damage.
    let id = data.create("Osprey Mills");
    assert!(!data.ok(&["list"]).contains("No accounts"));
    fs::write(data.file_of(&id), "{").unwrap();
    let plain = data.ok(&["list"]);
    assert!(
        plain.starts_with("DAMAGED") && !plain.contains("No accounts"),
        "{plain}"
    );
}
