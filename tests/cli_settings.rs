//! The settings file as commands see it: `config check` places every mistake; a command run
//! with a damaged file warns and goes on with the defaults; the settings' data folder is
//! used unless `--data-dir` or `CALLBOOK_DATA_DIR` says otherwise; `config keys` prints a
//! settings file of its own that reads back.

use callbook::settings::Settings;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// A temp folder with `config/settings.toml` holding `settings`.
fn home(settings: &str) -> TempDir {
    let tmp = TempDir::new().unwrap();
    std::fs::create_dir_all(tmp.path().join("config")).unwrap();
    std::fs::write(settings_file(tmp.path()), settings).unwrap();
    tmp
}

fn settings_file(home: &Path) -> PathBuf {
    home.join("config").join("settings.toml")
}

/// `callbook ARGS` with that config folder, no data folder of the environment's, and HOME
/// and the platform folders inside the temp folder.
fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env_remove("CALLBOOK_DATA_DIR")
        .env("CALLBOOK_CONFIG_DIR", home.join("config"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn check_places_a_key_bound_twice_and_leaves_the_file() {
    let text = "theme = \"dark\"\n[keys.world]\nadd = \"d\"\n";
    let tmp = home(text);
    let out = run(tmp.path(), &["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let file = settings_file(tmp.path());
    let expect = format!(
        "error: {}: line 3, column 1: d is bound twice in [keys.world]",
        file.display()
    );
    assert!(err.starts_with(&expect), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn a_command_with_damaged_settings_warns_and_goes_on_with_the_defaults() {
    let tmp = home("theme = \"dark\"\ntheme2 = 1\n[keys.world\n");
    let data = tmp.path().join("data");
    let out = run(tmp.path(), &["--data-dir", data.to_str().unwrap(), "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("warning: the settings were not used"), "{err}");
    assert!(err.contains("line 3, column "), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("No accounts yet"));
}

#[test]
fn the_settings_data_folder_is_used_unless_the_command_line_says_otherwise() {
    let tmp = TempDir::new().unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    let settings = format!("data-dir = {:?}\n", elsewhere.display().to_string());
    let tmp = {
        std::fs::create_dir_all(tmp.path().join("config")).unwrap();
        std::fs::write(settings_file(tmp.path()), &settings).unwrap();
        tmp
    };
    let out = run(tmp.path(), &["sample"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(elsewhere.join("accounts")).unwrap().count(), 1);
    let version = run(tmp.path(), &["--version", "-v"]);
    let said = String::from_utf8_lossy(&version.stdout).into_owned();
    assert!(
        said.contains(&format!("data folder: {}", elsewhere.display())),
        "{said}"
    );
    let flag = tmp.path().join("flag");
    let out = run(tmp.path(), &["--data-dir", flag.to_str().unwrap(), "sample"]);
    assert!(out.status.success());
    assert!(
        flag.join("accounts").is_dir(),
        "--data-dir wins over the settings"
    );
}

#[test]
fn a_relative_data_folder_is_refused_with_its_place() {
    let tmp = home("data-dir = \"my/accounts\"\n");
    let out = run(tmp.path(), &["config", "check"]);
    let err = stderr(&out);
    assert!(
        err.contains("line 1, column 12: the data folder \"my/accounts\" is relative"),
        "{err}"
    );
}

#[test]
fn config_keys_prints_the_keys_in_force_as_settings_that_read_back() {
    let tmp = home("[keys.world]\nadd = \"o\"\n\n[keys.global]\ndown = [\"j\", \"Ctrl-n\"]\n");
    let out = run(tmp.path(), &["config", "keys"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let world = text
        .split("[keys.world]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    assert!(world.lines().any(|l| l.starts_with("add = \"o\"")), "{world}");
    let global = text
        .split("[keys.global]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    assert!(
        global
            .lines()
            .any(|l| l.starts_with("down = [\"j\", \"Ctrl-n\"]")),
        "{global}"
    );
    let back = Settings::parse(&text, Path::new("keys.toml")).unwrap_or_else(|e| panic!("{e}"));
    let mine = std::fs::read_to_string(settings_file(tmp.path())).unwrap();
    let mine = Settings::parse(&mine, Path::new("settings.toml")).unwrap();
    let rows = |s: &Settings| -> Vec<String> {
        let keys = s.keymap();
        keys.bindings()
            .iter()
            .map(|b| format!("{:?} {:?} {:?} {}", b.scope, b.key, b.action, b.hint))
            .collect()
    };
    assert_eq!(
        rows(&back),
        rows(&mine),
        "the printed keys read back as the keys in force"
    );
}

#[test]
fn the_readme_settings_example_is_a_valid_settings_file() {
    let readme = include_str!("../README.md");
    let section = readme.split("## Settings\n").nth(1).expect("a Settings section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|t| t.split("```").next());
    let example = example.expect("a TOML example");
    let settings = Settings::parse(example, Path::new("README.md")).unwrap_or_else(|e| panic!("{e}"));
    assert!(settings.reviewer.is_some() && settings.theme.is_some() && settings.data_dir.is_some());
    assert_eq!(settings.keys.len(), 2, "{:?}", settings.keys);
}
