//! The settings file read, checked and written back.

use super::*;
use crate::app::keymap::{fixed, key_label};

fn parse(text: &str) -> Result<Settings, SettingsError> {
    Settings::parse(text, Path::new("/cfg/settings.toml"))
}

/// Ctrl with `c`, as help writes it.
fn ctrl(c: char) -> String {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    key_label(crate::app::keymap::Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    })
}

/// The problems a text gives, as "line:column message".
fn problems(text: &str) -> Vec<String> {
    match parse(text) {
        Err(SettingsError::Damaged { problems, .. }) => problems
            .iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect(),
        other => panic!("accepted {text:?}: {other:?}"),
    }
}

#[test]
fn settings_survive_a_round_trip_in_order() {
    let text =
        "theme = \"light\"\nreviewer = \"Ann Lee\"\ndata-dir = \"/srv/cb\"\n\n[keys.world]\nadd = \"o\"\n";
    let settings = parse(text).unwrap();
    assert_eq!(settings.reviewer.as_deref(), Some("Ann Lee"));
    assert_eq!(settings.theme, Some(Choice::Light));
    assert_eq!(settings.data_dir, Some(PathBuf::from("/srv/cb")));
    let keys: Vec<&String> = settings.extra.keys().collect();
    assert_eq!(keys, ["theme", "data-dir", "keys"]);
    let written = settings.to_toml();
    assert!(
        written.starts_with("reviewer = \"Ann Lee\"\ntheme = \"light\"\n"),
        "{written}"
    );
    assert_eq!(parse(&written).unwrap(), settings);
}

#[test]
fn damage_is_placed_by_line_and_column() {
    assert_eq!(problems("a = 1\nb = = 2\n").len(), 1);
    assert!(problems("reviewer = \"x\"\nb = = 2\n")[0].starts_with("2:5 "));
    let e = parse("theme = \"dark\"\nreviewer = 7\n").unwrap_err().to_string();
    assert!(e.starts_with("/cfg/settings.toml: line 2, column 12: "), "{e}");
    let e = parse("reviewer = \"  \"\n").unwrap_err().to_string();
    assert!(
        e.contains("line 1, column 12: the reviewer's name is empty"),
        "{e}"
    );
}

#[test]
fn every_kind_of_mistake_is_named_and_placed() {
    let text = "reviewr = \"Ann\"\ntheme = \"sepia\"\ndata-dir = \"rel/dir\"\n\
                [keys.wrld]\nadd = \"o\"\n[keys.world]\nad = \"o\"\nedit = \"enterr\"\n\
                delete = \"a\"\nnew-account = \"x\"\n[keys.editor]\nsave = \"s\"\n";
    let found = problems(text);
    let expect = [
        ("1:1 ", "unknown setting \"reviewr\""),
        ("2:9 ", "unknown theme \"sepia\""),
        ("3:12 ", "is relative"),
        ("4:7 ", "unknown scope [keys.wrld]"),
        ("7:1 ", "unknown action \"ad\" in [keys.world]"),
        ("8:8 ", "\"enterr\" is not a key"),
        ("9:1 ", "a is bound twice in [keys.world]: to delete and to add"),
        (
            "10:1 ",
            "\"new-account\" has no key in [keys.world] to change; it has in [keys.picker]",
        ),
        ("12:8 ", "s types text in [keys.editor]"),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for (got, (at, says)) in found.iter().zip(expect) {
        assert!(
            got.starts_with(at) && got.contains(says),
            "{got:?} is not {at}{says}"
        );
    }
}

#[test]
fn keys_take_a_list_and_refuse_what_cannot_be_bound() {
    // Keys as help writes them, from the keymap, never by hand.
    let ctrl_n = ctrl('n');
    let suspend = key_label(fixed::SUSPEND);
    let ok = parse(&format!("[keys.global]\ndown = [\"n\", \"{ctrl_n}\"]\n")).unwrap();
    assert_eq!(ok.keys.len(), 1);
    assert_eq!(ok.keys[0].keys.len(), 2);
    let found = problems(&format!(
        "[keys.global]\ndown = []\nup = 5\nquit = \"{suspend}\"\n"
    ));
    assert!(
        found[0].starts_with("2:8 ") && found[0].contains("no key given"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("3:6 ") && found[1].contains("written as a string"),
        "{found:?}"
    );
    assert!(
        found[2].contains(&format!("{suspend} suspends callbook")),
        "{found:?}"
    );
}

#[test]
fn a_remap_reaches_the_keymap_and_moves_the_old_key() {
    use crate::app::keymap::{Key, Scope};
    use crate::app::{Action, Screen};
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let settings = parse("[keys.world]\nadd = \"o\"\n").unwrap();
    let keys = settings.keymap();
    let world = Scope::Screen(Screen::World);
    assert_eq!(keys.key(world, &Action::Add), "o");
    let a = Key {
        code: KeyCode::Char('a'),
        mods: KeyModifiers::NONE,
    };
    assert!(!keys.bindings().iter().any(|b| b.scope == world && b.key == a));
    assert_eq!(
        keys.key(Scope::Screen(Screen::Questions), &Action::Add),
        "a",
        "other scopes keep theirs"
    );
}

#[test]
fn a_start_with_a_damaged_file_gets_the_defaults_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(path(dir.path()), "theme = \"light\"\n[keys.world]\nadd = 3\n").unwrap();
    let (settings, why) = Settings::load_or_defaults(Some(dir.path()));
    assert_eq!(settings, Settings::default());
    assert!(why.unwrap().to_string().contains("line 3, column 7"));
    let (_, none) = Settings::load_or_defaults(None);
    assert!(none.is_none());
}

#[test]
fn names_are_trimmed_and_bad_ones_refused() {
    let mut s = Settings::default();
    s.set_reviewer("  Bo Ek ").unwrap();
    assert_eq!(s.reviewer.as_deref(), Some("Bo Ek"));
    for bad in ["", " \t", "a\u{1b}[2Jb", "x\u{202e}y", &"n".repeat(MAX_NAME + 1)] {
        assert!(s.clone().set_reviewer(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_name_falls_back_to_the_login_then_a_stand_in() {
    let env = |user: Option<&'static str>| move |var: &str| (var == "USERNAME").then_some(user?.to_owned());
    let set = Settings {
        reviewer: Some("Cy".into()),
        ..Settings::default()
    };
    assert_eq!(reviewer(&set, env(Some("jo"))), ("Cy".into(), NameFrom::Settings));
    let unset = Settings::default();
    assert_eq!(reviewer(&unset, env(Some("jo"))), ("jo".into(), NameFrom::Login));
    assert_eq!(reviewer(&unset, env(None)), (NOBODY.into(), NameFrom::Nobody));
    assert_eq!(reviewer(&unset, env(Some("\u{7}"))).1, NameFrom::Nobody);
}

#[test]
fn a_settings_file_that_cannot_be_read_gives_the_defaults_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be, then bytes that are not text.
    std::fs::create_dir(path(dir.path())).unwrap();
    let (settings, why) = Settings::load_or_defaults(Some(dir.path()));
    assert_eq!(settings, Settings::default());
    let why = why.expect("a reason").to_string();
    assert!(why.contains("settings.toml: could not be read"), "{why}");
    std::fs::remove_dir(path(dir.path())).unwrap();
    std::fs::write(path(dir.path()), [b't', b'h', 0xff, 0xfe, b'\n']).unwrap();
    let (settings, why) = Settings::load_or_defaults(Some(dir.path()));
    assert_eq!(settings, Settings::default());
    assert!(why.expect("a reason").to_string().contains("could not be read"));
    assert_eq!(
        std::fs::read(path(dir.path())).unwrap(),
        [b't', b'h', 0xff, 0xfe, b'\n'],
        "left as it was"
    );
}

#[test]
fn the_file_may_be_called_config_toml_but_not_both() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        path(dir.path()),
        dir.path().join(FILE_NAME),
        "the name a new file gets"
    );
    std::fs::write(dir.path().join(OTHER_NAME), "theme = \"light\"\n").unwrap();
    assert_eq!(path(dir.path()), dir.path().join(OTHER_NAME));
    assert_eq!(Settings::load(dir.path()).unwrap().theme, Some(Choice::Light));
    std::fs::write(dir.path().join(FILE_NAME), "theme = \"dark\"\n").unwrap();
    let (settings, why) = Settings::load_or_defaults(Some(dir.path()));
    assert_eq!(settings, Settings::default());
    let why = why.unwrap().to_string();
    assert!(
        why.contains("are both settings files") && why.contains("keep one"),
        "{why}"
    );
}

#[test]
fn snake_case_names_read_as_kebab_case() {
    let ctrl_k = ctrl('k');
    let text = format!(
        "data_dir = \"/srv/cb\"\n[keys.too_small]\nquit = \"x\"\n[keys.world]\nmove_up = \"{ctrl_k}\"\n"
    );
    let settings = parse(&text).unwrap();
    assert_eq!(settings.data_dir, Some(PathBuf::from("/srv/cb")));
    assert_eq!(settings.keys.len(), 2);
    let both = problems("data-dir = \"/a\"\ndata_dir = \"/b\"\n");
    assert!(both[0].contains("duplicate"), "{both:?}");
}

#[test]
fn two_remaps_on_one_key_are_said_once_per_scope() {
    let found =
        problems("[keys.world]\nadd = \"x\"\nedit = \"x\"\n[keys.questions]\nadd = \"x\"\nedit = \"x\"\n");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("2:1 ") && found[0].contains("[keys.world]: to add and to edit"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("5:1 ") && found[1].contains("[keys.questions]"),
        "{found:?}"
    );
}
