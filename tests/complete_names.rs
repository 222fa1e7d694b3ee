//! Account names complete where a command takes NAME: through clap's engine as each shell
//! asks it, and through the real bash script sourced in bash. Completion only reads: the
//! folder is byte for byte the same afterwards, and a missing folder gives no names and is
//! not made.

mod common;

use common::{BIN, Data};
use std::process::Command;

/// Three accounts: the sample (Ashcombe Cold Freight), Harbor Mills and Harbour Lights.
fn three() -> (Data, Vec<String>) {
    let data = Data::new();
    let ids = [
        &["sample"][..],
        &["new", "Harbor Mills"],
        &["new", "Harbour Lights"],
    ]
    .iter()
    .map(|args| data.cli(args).trim().to_owned())
    .collect();
    (data, ids)
}

/// callbook's answer when `shell` asks it to complete the last of `words`.
fn ask(data: &Data, shell: &str, words: &[&str]) -> Vec<String> {
    let out = Command::new(BIN)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .env("CALLBOOK_DATA_DIR", data.root())
        .env("CALLBOOK_CONFIG_DIR", data.config())
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('-'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn names_complete_by_id_or_name_prefix_in_any_case() {
    let (data, ids) = three();
    let harbor: Vec<String> = ids[1..].to_vec();
    assert_eq!(ask(&data, "bash", &["callbook", "open", "har"]), harbor);
    assert_eq!(ask(&data, "bash", &["callbook", "export", "HAR"]), harbor);
    assert_eq!(
        ask(&data, "bash", &["callbook", "fit", "harbou"]),
        [ids[2].clone()]
    );
    assert_eq!(
        ask(&data, "bash", &["callbook", "sheet", "Ashcombe C"]),
        [ids[0].clone()]
    );
    let mut all = ids.clone();
    all.sort();
    assert_eq!(ask(&data, "bash", &["callbook", "review", ""]), all);
    assert!(ask(&data, "bash", &["callbook", "open", "zz"]).is_empty());
}

#[test]
fn every_command_that_takes_a_name_completes_it() {
    let (data, ids) = three();
    for command in ["open", "review", "sheet", "export", "fit", "rehearse", "add"] {
        let got = ask(&data, "bash", &["callbook", command, "harbor"]);
        assert_eq!(got, [ids[1].clone()], "{command}");
    }
}

#[test]
fn shells_that_show_descriptions_get_the_display_name() {
    let (data, ids) = three();
    let fish = ask(&data, "fish", &["callbook", "open", "harbour"]);
    assert_eq!(fish, [format!("{}\tHarbour Lights", ids[2])]);
}

#[test]
fn completing_writes_nothing_and_makes_no_folder() {
    let (data, _) = three();
    let before = data.snapshot_all();
    ask(&data, "bash", &["callbook", "open", ""]);
    assert_eq!(data.snapshot_all(), before);
    let empty = Data::new();
    assert!(ask(&empty, "bash", &["callbook", "open", ""]).is_empty());
    assert!(!empty.root().exists(), "completion made the data folder");
}

#[test]
fn the_bash_script_completes_names_in_bash() {
    let (data, ids) = three();
    let script = data.tmp_path().join("callbook.bash");
    let registration = Command::new(BIN).args(["completions", "bash"]).output().unwrap();
    std::fs::write(&script, registration.stdout).unwrap();
    let program = format!(
        "source {script:?}\n\
         COMP_WORDS=(callbook open harbou); COMP_CWORD=2; COMP_TYPE=9\n\
         _clap_complete_callbook callbook harbou callbook\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let Ok(out) = Command::new("bash")
        .arg("-c")
        .arg(&program)
        .env("CALLBOOK_DATA_DIR", data.root())
        .env("CALLBOOK_CONFIG_DIR", data.config())
        .output()
    else {
        eprintln!("no bash here: the names were completed through the engine only");
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(said.lines().collect::<Vec<_>>(), [ids[2].as_str()], "{said}");
}

#[test]
fn damaged_files_are_left_out_and_left_alone() {
    let (data, ids) = three();
    std::fs::write(
        data.accounts().join("broken-abc123.json"),
        "{ \"schema\": 2, \"name\": ",
    )
    .unwrap();
    std::fs::write(data.accounts().join("harbor-x.json"), [0xff, 0xfe, 0x00]).unwrap();
    let before = data.snapshot_all();
    assert_eq!(
        ask(&data, "bash", &["callbook", "open", "har"]),
        ids[1..].to_vec()
    );
    assert_eq!(data.snapshot_all(), before, "completion touched a file");
    // A data folder that is a file gives nothing, and no error reaches the shell.
    let odd = Data::new();
    std::fs::write(odd.root(), "not a folder").unwrap();
    assert!(ask(&odd, "bash", &["callbook", "open", ""]).is_empty());
}
