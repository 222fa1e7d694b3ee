//! Shell completions and the man page (issue 16), generated from the clap definition by the
//! real binary: each shell's script asks callbook at each Tab, the engine completes commands,
//! options and values, the bash script parses (`bash -n`, where bash exists), the man page
//! is roff with every command and the exit codes; none needs a data folder.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_callbook");

fn run(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(args)
        .env("CALLBOOK_DATA_DIR", dir.path().join("never-made"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !dir.path().join("never-made").exists(),
        "{args:?} made a data folder"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What callbook answers when a shell asks it to complete `words` (the shell's protocol
/// of clap's completion engine, as the registration scripts speak it).
fn ask(shell: &str, words: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .env("CALLBOOK_DATA_DIR", dir.path().join("never-made"))
        .env("CALLBOOK_CONFIG_DIR", dir.path().join("config"))
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !dir.path().join("never-made").exists(),
        "completing made a data folder"
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_that_asks_callbook() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]);
        assert!(
            script.contains("COMPLETE") && script.contains(shell),
            "{shell}:\n{script}"
        );
        assert!(script.contains("callbook"), "{shell}:\n{script}");
    }
}

#[test]
fn the_engine_completes_every_command_and_option() {
    let commands = ask("bash", &["callbook", ""]);
    for command in ["open", "export", "sync", "doctor", "completions", "config"] {
        assert!(
            commands.lines().any(|l| l == command),
            "no {command} in:\n{commands}"
        );
    }
    let options = ask("bash", &["callbook", "export", "x", "--fo"]);
    assert_eq!(options.trim(), "--format");
    let formats = ask("bash", &["callbook", "export", "x", "--format", ""]);
    assert_eq!(formats.lines().collect::<Vec<_>>(), ["md", "json", "html"]);
}

#[test]
fn the_bash_script_parses() {
    let script = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callbook.bash");
    std::fs::write(&path, &script).unwrap();
    match Command::new("bash").arg("-n").arg(&path).output() {
        Ok(out) => assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => eprintln!("no bash here: the script was generated but not parsed"),
    }
    assert!(
        script.contains("-F _clap_complete_callbook callbook"),
        "a bash completion function is registered for callbook"
    );
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let page = run(&["man"]);
    assert!(
        page.contains(".TH callbook 1"),
        "{}",
        &page[..page.len().min(200)]
    );
    for command in [
        "open",
        "review",
        "list",
        "fit",
        "sync",
        "merge\\-file",
        "doctor",
        "man",
    ] {
        assert!(page.contains(command), "the man page lacks {command}");
    }
    let status = page
        .split(".SH \"EXIT STATUS\"")
        .nth(1)
        .expect("an EXIT STATUS section");
    let status = status.split("\n.SH").next().unwrap();
    for code in [
        "\\fB0\\fR\nSuccess",
        "\\fB1\\fR\nAn error",
        "\\fB2\\fR\nA usage error",
    ] {
        assert!(status.contains(code), "{code:?} in {status}");
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_choices() {
    let out = Command::new(BIN).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("bash") && said.contains("zsh"), "{said}");
}

#[test]
fn every_command_shows_an_example_in_its_help() {
    use clap::CommandFactory;
    let cli = callbook::cli::Cli::command();
    let mut missing = Vec::new();
    if !run(&["--help"]).contains("Example") {
        missing.push("callbook".to_owned());
    }
    for sub in cli.get_subcommands() {
        let mut paths = vec![vec![sub.get_name().to_owned()]];
        paths.extend(
            sub.get_subcommands()
                .map(|s| vec![sub.get_name().to_owned(), s.get_name().to_owned()]),
        );
        for path in paths {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push("--help");
            let help = run(&args);
            if !help.contains("Example") {
                missing.push(path.join(" "));
            }
        }
    }
    assert!(missing.is_empty(), "no example in the help of: {missing:?}");
}

#[test]
fn version_says_the_version_and_with_v_the_data_folder() {
    let plain = run(&["--version"]);
    assert_eq!(plain.trim(), format!("callbook {}", env!("CARGO_PKG_VERSION")));
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team-folder");
    let out = Command::new(BIN)
        .args(["--version", "-v", "--data-dir"])
        .arg(&folder)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!("data folder: {}", folder.display())),
        "{said}"
    );
    assert!(!folder.exists(), "looking at the version makes no folder");
}
