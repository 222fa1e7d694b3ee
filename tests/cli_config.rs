//! The personal settings file, through the library (`callbook::settings`) and through the
//! real binary (`callbook config ...`). Every run points CALLBOOK_CONFIG_DIR, HOME and the
//! XDG folders at a temp dir, so no test can read or touch the real home.

use callbook::settings::{self, Settings, SettingsError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

/// A settings file with every kind of setting, tables and a list among them, as a user
/// writes it by hand.
const WITH_EXTRAS: &str = "\
theme = \"light\"
reviewer = \"Old Name\"
data-dir = \"/srv/callbook\"

[keys.global]
quit = \"x\"
down = [\"n\", \"Ctrl-n\"]

[keys.world]
add = \"+\"
";

/// A temp home holding the config folder (and a data folder `config` must not create).
struct Home {
    tmp: TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            tmp: TempDir::new().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.tmp.path().join("config")
    }

    fn file(&self) -> PathBuf {
        settings::path(&self.config())
    }

    fn write(&self, text: &str) {
        std::fs::create_dir_all(self.config()).unwrap();
        std::fs::write(self.file(), text).unwrap();
    }

    fn bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(self.file()).ok()
    }

    /// `callbook ARGS` with the config folder from the environment and USER set to `jo`.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env("HOME", self.tmp.path())
            .env_remove("NO_COLOR")
            .env_remove("COLORFGBG")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("xdg"))
            .env("XDG_DATA_HOME", self.tmp.path().join("xdg-data"))
            .env_remove("CALLBOOK_DATA_DIR")
            .env("CALLBOOK_CONFIG_DIR", self.config())
            .env("USER", "jo")
            .arg("--data-dir")
            .arg(self.tmp.path().join("data"))
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !self.tmp.path().join("data").exists(),
            "{args:?} made a data folder"
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail with one line on stderr; returns that line.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        err
    }
}

fn table(text: &str) -> toml::Table {
    toml::from_str(text).unwrap()
}

#[test]
fn a_save_keeps_every_other_setting_as_written() {
    let home = Home::new();
    home.write(WITH_EXTRAS);
    let mut loaded = Settings::load(&home.config()).unwrap();
    assert_eq!(loaded.reviewer.as_deref(), Some("Old Name"));
    loaded.set_reviewer("Ada Obi").unwrap();
    loaded.save(&home.config()).unwrap();
    let again = Settings::load(&home.config()).unwrap();
    assert_eq!(again, loaded);
    let mut expected = table(WITH_EXTRAS);
    expected.insert("reviewer".into(), "Ada Obi".into());
    assert_eq!(
        table(&String::from_utf8(home.bytes().unwrap()).unwrap()),
        expected
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(home.file()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

#[test]
fn a_missing_file_is_the_defaults_and_loading_writes_nothing() {
    let home = Home::new();
    assert_eq!(Settings::load(&home.config()).unwrap(), Settings::default());
    assert!(!home.config().exists());
}

#[test]
fn a_damaged_file_names_line_and_column_and_stays_as_it_was() {
    let home = Home::new();
    let damaged = "theme = \"dusk\"\nreviewer = \"Ann\n# a note\n";
    home.write(damaged);
    let err = Settings::load(&home.config()).unwrap_err();
    let SettingsError::Damaged {
        ref path,
        ref problems,
    } = err
    else {
        panic!("{err:?}");
    };
    assert_eq!((path.as_path(), problems[0].line), (home.file().as_path(), 2));
    for args in [
        &["config", "check"][..],
        &["config", "show"],
        &["config", "reviewer", "Ann"],
    ] {
        let said = home.fails(args);
        let at = format!("{}: line 2, column ", home.file().display());
        assert!(
            said.starts_with("error: ") && said.contains(&at),
            "{args:?}: {said}"
        );
        assert_eq!(
            home.bytes().unwrap(),
            damaged.as_bytes(),
            "{args:?} touched the file"
        );
    }
}

#[test]
fn check_passes_a_good_or_absent_file() {
    let home = Home::new();
    assert!(home.ok(&["config", "check"]).starts_with("ok"));
    assert!(!home.config().exists(), "check created the config folder");
    home.write(WITH_EXTRAS);
    assert_eq!(
        home.ok(&["config", "check"]),
        format!("ok: {}\n", home.file().display())
    );
}

#[test]
fn check_places_a_bad_value_for_a_known_key() {
    let home = Home::new();
    home.write("wrap = 72\nreviewer = [\"two\", \"names\"]\n");
    let said = home.fails(&["config", "check"]);
    assert!(said.contains("line 2, column 12"), "{said}");
}

#[test]
fn reviewer_sets_the_name_and_keeps_the_rest() {
    let home = Home::new();
    home.write(WITH_EXTRAS);
    let said = home.ok(&["config", "reviewer", "  Mia Tan  "]);
    assert!(said.contains("\"Mia Tan\""), "{said}");
    let mut expected = table(WITH_EXTRAS);
    expected.insert("reviewer".into(), "Mia Tan".into());
    let written = String::from_utf8(home.bytes().unwrap()).unwrap();
    assert_eq!(table(&written), expected, "{written}");
    let shown = home.ok(&["config", "show"]);
    assert!(shown.contains("signed: Mia Tan (set here)"), "{shown}");
}

#[test]
fn reviewer_creates_the_folder_and_the_file() {
    let home = Home::new();
    home.ok(&["config", "reviewer", "Lu Wei"]);
    assert_eq!(
        table(&String::from_utf8(home.bytes().unwrap()).unwrap()),
        table("reviewer = \"Lu Wei\"")
    );
}

#[test]
fn a_bad_name_is_refused_and_nothing_is_written() {
    let home = Home::new();
    for name in ["", "   ", "Ann\u{1b}[2J", "tab\there", "left\u{202e}right"] {
        let said = home.fails(&["config", "reviewer", name]);
        assert!(
            said.contains("reviewer's name") && said.contains("nothing was changed"),
            "{said}"
        );
        assert!(!home.config().exists(), "{name:?}");
    }
    home.write(WITH_EXTRAS);
    home.fails(&["config", "reviewer", "\u{7}"]);
    assert_eq!(home.bytes().unwrap(), WITH_EXTRAS.as_bytes());
}

#[test]
fn show_prints_valid_toml_and_the_name_in_force() {
    let home = Home::new();
    let shown = home.ok(&["config", "show"]);
    assert!(shown.contains(&home.file().display().to_string()), "{shown}");
    assert!(shown.contains("signed: jo (your login name"), "{shown}");
    assert!(table(&shown).is_empty(), "{shown}");
    home.write(WITH_EXTRAS);
    let shown = home.ok(&["config", "show"]);
    assert_eq!(table(&shown), table(WITH_EXTRAS), "{shown}");
    assert!(shown.contains("signed: Old Name (set here)"), "{shown}");
    assert!(shown.contains("# colours: light (set here"), "{shown}");
    let plain = home
        .command(&["config", "show"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(plain.contains("# colours: plain (NO_COLOR is set)"), "{plain}");
}

#[test]
fn path_honours_the_config_dir_variable() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["config", "path"]),
        format!("{}\n", home.file().display())
    );
    assert!(!home.config().exists(), "path created the folder");
}

#[cfg(target_os = "linux")]
#[test]
fn without_the_variable_the_platform_folder_is_used() {
    let home = Home::new();
    let out = home
        .command(&["config", "path"])
        .env_remove("CALLBOOK_CONFIG_DIR")
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    let expected: &Path = &home.tmp.path().join("xdg/callbook/settings.toml");
    assert_eq!(said.trim_end(), expected.display().to_string());
}
