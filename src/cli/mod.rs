//! The non-interactive commands (`callbook new`, `list`, `export`...). They print to stdout,
//! report errors naming the file, and never touch the terminal's raw mode.
//!
//! Each command checks everything it can (names, panes, file contents, schema) before it
//! writes, so an error leaves the data folder as it was. Errors travel back to `main.rs`,
//! which prints them on stderr, cleaned, and exits non-zero. Text from data files is passed
//! through [`clean`] (or JSON-escaped, see [`safe_json`]) before it is printed, so a hostile
//! file can't send control sequences to the terminal, nor reverse or hide text with bidi
//! controls and invisible characters.

mod bank;
pub mod complete;
pub mod config;
mod doctor;
mod fit;

mod lint;
mod list;
pub mod merge_file;
mod offerings;
mod progress;
mod report;
mod sheet;
pub mod sync;
mod transfer;

use crate::domain::fields::{ItemForm, PersonForm};
use crate::domain::text::{self, clean};
use crate::domain::{Account, AccountId, Pane, sample};
use crate::storage::{Store, StoreError};
use anyhow::{Context, anyhow, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The command line, as DESIGN.md's CLI contract gives it.
#[derive(Debug, Parser)]
#[command(
    name = "callbook",
    version,
    disable_version_flag = true,
    about = "A terminal call-planning workbook for B2B sales reps",
    after_help = "Example: callbook open Ashcombe   (with no command, the account picker)\n\
                  Exit codes: 0 done, 1 an error, 2 a usage error, 75 an account busy; see `callbook man`"
)]
pub struct Cli {
    /// Print the version (with -v, the data folder in use too).
    #[arg(short = 'V', long)]
    pub version: bool,
    /// More: with --version, the data folder in use.
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// The data folder (default: the platform's data folder for callbook).
    #[arg(long, global = true, env = "CALLBOOK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The colours: for a dark or a light background, none, or the terminal's (auto;
    /// default: the settings' theme, else auto). NO_COLOR, when set, means none.
    #[arg(long, global = true, value_name = "THEME")]
    pub theme: Option<crate::app::theme::Choice>,
    /// What to do; with none, the account picker opens (in a terminal).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open an account's workbook (needs a terminal).
    #[command(after_help = "Example: callbook open \"Ashcombe\"")]
    Open {
        /// Account id, or a unique case-insensitive prefix of its name.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
    },
    /// Open an account in review mode (needs a terminal): nothing in the plan changes,
    /// only comments, signed with the reviewer's name from the settings.
    #[command(after_help = "Example: callbook review ashcombe")]
    Review {
        /// Account id, or a unique case-insensitive prefix of its name.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
    },
    /// Create an account; prints its id.
    #[command(after_help = "Example: callbook new \"Harbor Mills\"")]
    New {
        /// The account's display name.
        name: String,
    },
    /// Create the built-in sample account, with the sample's offerings.json and
    /// sweet-spot.json where the team has none yet; prints the account's id.
    #[command(after_help = "Example: callbook sample")]
    Sample,
    /// Add an item to a pane of an account.
    #[command(after_help = "Example: callbook add Harbor goals \"Cut empty miles to 12% by Q4\"")]
    Add {
        /// Account id or name prefix.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
        /// goals, threats, competitors, market, why or people.
        pane: String,
        /// The item's text (a person's name for people).
        text: String,
    },
    /// One line per account; a stalled journey is marked.
    #[command(after_help = "Example: callbook list --json | jq '.[].name'")]
    List {
        /// Print JSON instead (with each journey's stage, whether it is stalled and why,
        /// and the next planned call).
        #[arg(long)]
        json: bool,
    },
    /// Print the call sheet of an account's next planned call (80 columns).
    #[command(after_help = "Example: callbook sheet Ashcombe --md > sheet.md")]
    Sheet {
        /// Account id or name prefix.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
        /// Print Markdown instead, with nothing cut.
        #[arg(long)]
        md: bool,
    },
    /// Write an account out as Markdown, HTML or JSON.
    #[command(after_help = "Example: callbook export Ashcombe --format html -o ashcombe.html")]
    Export {
        /// Account id or name prefix.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to this file instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Read an account from a JSON file (as `export --format json` writes).
    #[command(after_help = "Example: callbook import ashcombe.json")]
    Import {
        /// The file to read.
        file: PathBuf,
        /// Replace the account of the same name (the old file goes to trash/).
        #[arg(long)]
        replace: bool,
    },
    /// Judge lines as questions or opinions (stdin lines when no TEXT).
    #[command(after_help = "Example: callbook lint \"Wouldn't a dashboard help you?\"")]
    Lint {
        /// Print one JSON object per line instead.
        #[arg(long)]
        json: bool,
        /// The lines to judge; with none, each line of stdin.
        text: Vec<String>,
    },
    /// Rehearse (needs a terminal): with no NAME, the turns due across all accounts, most
    /// overdue first.
    #[command(after_help = "Example: callbook rehearse")]
    Rehearse {
        /// Account id or name prefix: that account's due turns.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: Option<String>,
    },
    /// Every account's scorecard side by side, worst first; damaged files listed apart.
    #[command(after_help = "Example: callbook report --md > team.md")]
    Report {
        /// Print one JSON array instead (check ids as keys).
        #[arg(long, conflicts_with = "md")]
        json: bool,
        /// Print a Markdown table instead.
        #[arg(long)]
        md: bool,
    },
    /// List or search the question bank, or import a bank file into your own questions.
    #[command(after_help = "Example: callbook bank --search \"budget approval\"")]
    Bank {
        /// Questions holding every word, in any form and order ("approval" finds
        /// "approved"); best matches first. Fails when none does.
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        /// Print a bank file (JSON) instead of one line per question.
        #[arg(long)]
        json: bool,
        /// Only your own questions (from the data folder's bank.json).
        #[arg(long)]
        mine: bool,
        /// Add the questions of a bank file to your own.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["search", "json", "mine"])]
        import: Option<PathBuf>,
    },
    /// The team's offerings (offerings.json), each by the problem it solves, with what the
    /// linter finds in its description; or import an offerings file.
    #[command(after_help = "Example: callbook offerings --import offerings.json")]
    Offerings {
        /// Print the offerings file (JSON) instead of one line per offering.
        #[arg(long)]
        json: bool,
        /// Add the offerings of a file to the team's (names already there are skipped).
        #[arg(long, value_name = "FILE", conflicts_with = "json")]
        import: Option<PathBuf>,
    },
    /// The sweet-spot criteria (sweet-spot.json) with this account's answers and evidence,
    /// the verdict, and why and when it was disqualified.
    #[command(after_help = "Example: callbook fit Ashcombe")]
    Fit {
        /// Account id or name prefix.
        #[arg(add = clap_complete::ArgValueCompleter::new(complete::account_names))]
        name: String,
        /// Print JSON instead (the criteria with answers, the verdict, the disqualification).
        #[arg(long)]
        json: bool,
    },
    /// The merge driver git calls for accounts/*.json (set up by `sync --setup`): merges
    /// three versions of an account by stable id and writes the result over OURS.
    #[command(
        after_help = "Example: git config merge.callbook.driver \"callbook merge-file %O %A %B\"  (sync --setup does this)"
    )]
    #[command(name = "merge-file")]
    MergeFile {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version, overwritten with the result (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
    },
    /// When the data folder is a git repository: commit local changes, pull (accounts merge
    /// by id), push when a remote is set, and say what came in.
    #[command(after_help = "Example: callbook sync --setup && callbook sync")]
    Sync {
        /// Make the data folder a repository if it is not one, write .gitattributes and
        /// .gitignore, and register callbook as git's merge driver for accounts.
        #[arg(long)]
        setup: bool,
    },
    /// Check every file of the data folder, one problem per line with its remedy; exits 1
    /// while problems remain.
    #[command(after_help = "Example: callbook doctor --fix")]
    Doctor {
        /// Repair what is safe (conflicts, conflicted copies, modes, leftovers), after a
        /// backup in backup/ inside the data folder.
        #[arg(long)]
        fix: bool,
    },
    /// Print the completion script for SHELL: commands and options from the same definitions
    /// as the parser, and account names where a command takes NAME (the script asks callbook
    /// at each Tab, so names are always current).
    #[command(
        after_help = "Example: echo 'source <(callbook completions bash)' >> ~/.bashrc\n\
         zsh: echo 'source <(callbook completions zsh)' >> ~/.zshrc\n\
         fish: callbook completions fish > ~/.config/fish/completions/callbook.fish"
    )]
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), from the same definitions as the parser.
    #[command(after_help = "Example: callbook man > ~/.local/share/man/man1/callbook.1")]
    Man,
    /// The personal settings file (in the config folder, or CALLBOOK_CONFIG_DIR).
    #[command(after_help = "Example: callbook config reviewer \"Coach Kim\"")]
    Config {
        /// What to do with it.
        #[command(subcommand)]
        action: config::ConfigAction,
    },
}

/// `completions SHELL` and `man`: generated from the clap definition, printed on `out`.
/// Neither needs the data folder.
pub fn generated(command: &Command, out: &mut dyn std::io::Write) -> anyhow::Result<bool> {
    use clap::CommandFactory;
    match command {
        Command::Completions { shell } => {
            complete::registration(*shell, out)?;
            Ok(true)
        }
        Command::Man => {
            man_page(&Cli::command(), out)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The man page: clap_mangen's sections, with the exit codes before the version.
fn man_page(cmd: &clap::Command, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    out.write_all(EXIT_STATUS.as_bytes())?;
    man.render_version_section(out)
}

/// The man page's EXIT STATUS section, in roff.
const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success.
.TP
\fB1\fR
An error: a file that can't be read or written, an account that matches no name or
several, a check that found problems (\fBdoctor\fR, \fBconfig check\fR). The message on
standard error starts with "error:" and says what to do; nothing was written.
.TP
\fB2\fR
A usage error: an unknown command or option, a missing or bad argument.
.TP
\fB75\fR
The account is being changed by another callbook right now; try again in a moment.
"#;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown, for reading and sharing.
    Md,
    /// The account file itself.
    Json,
    /// One self-contained, printable HTML page.
    Html,
}

/// Runs a non-interactive command, printing its result on stdout.
pub fn run(store: &Store, command: Command) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        // main.rs hands `open` to the terminal UI; reaching here is a caller's mistake.
        Command::Open { .. } | Command::Rehearse { .. } => bail!("`open` and `rehearse` run the terminal UI"),
        Command::Review { .. } => bail!("`review` runs the terminal UI"),
        Command::MergeFile { .. } | Command::Completions { .. } | Command::Man => {
            bail!("this command runs before the data folder is opened")
        }
        Command::New { name } => new(store, &name, &mut out),
        Command::Sample => create_sample(store, &mut out),
        Command::Add { name, pane, text } => add(store, &name, &pane, &text, &mut out),
        Command::List { json } => list::run(store, json, &mut out),
        Command::Report { json, md } => report::run(store, report::Style::of(json, md), &mut out),
        Command::Sheet { name, md } => sheet::run(store, &name, md, &mut out),
        Command::Export { name, format, output } => {
            transfer::export(store, &name, format, output.as_deref(), &mut out)
        }
        Command::Import { file, replace } => transfer::import(store, &file, replace, &mut out),
        Command::Lint { json, text } => lint::run(&text, json, &mut out),
        Command::Config { action } => config::run(crate::settings::default_dir(), &action, &mut out),
        Command::Fit { name, json } => fit::run(store, &name, json, &mut out),
        Command::Sync { setup } => sync::run(store, setup, &mut out),
        Command::Doctor { fix } => {
            return doctor::run(store, fix, &mut out).and_then(|c| Ok(out.flush().map(|()| c)?));
        }
        Command::Offerings { json, import } => offerings::run(store, json, import.as_deref(), &mut out),
        Command::Bank {
            search,
            json,
            mine,
            import,
        } => {
            let request = bank::Request {
                search: search.as_deref(),
                json,
                mine,
                import: import.as_deref(),
            };
            bank::run(store, request, &mut out)
        }
    };
    match result.and_then(|()| Ok(out.flush()?)) {
        // `callbook list | head -1`: the reader left, which is not a failure of ours, and
        // anything the command had to save was saved before it printed.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        result => result.map(|()| ExitCode::SUCCESS),
    }
}

/// True when the error is stdout's reader having gone away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// `new NAME`: creates an empty account and prints its id.
fn new(store: &Store, name: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    if name.trim().is_empty() {
        bail!("an account needs a name: callbook new NAME");
    }
    let id = store
        .create(&Account::new(name, crate::domain::now()))
        .map_err(|e| {
            taken(e, |id| {
                format!("Give the new one another name, or open it with `callbook open {id}`")
            })
        })?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// `sample`: creates the built-in sample account, and the sample's offerings and criteria
/// where the team has none yet, and prints the account's id.
fn create_sample(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    let id = store
        .create(&sample::account(crate::domain::now()))
        .map_err(|e| {
            taken(e, |id| {
                format!("The sample is there already: `callbook open {id}`")
            })
        })?;
    store.write_sample_team()?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// A refused `create` as the CLI says it: a name in use gets the existing account's id,
/// what was not done and the remedy (given the id); other errors pass unchanged.
fn taken(e: StoreError, remedy: impl Fn(&AccountId) -> String) -> anyhow::Error {
    match e {
        StoreError::NameTaken { ref id, .. } => anyhow!("{e} ({id}); nothing created. {}", remedy(id)),
        e => e.into(),
    }
}

/// `add NAME PANE TEXT`: adds an entry through the same validation the editors use, saves,
/// and prints the new entry's id.
fn add(store: &Store, name: &str, pane: &str, text: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    // The pane is checked first: a typo should not cost a read of the account.
    let pane = parse_pane(pane)?;
    let id = store.resolve(name)?;
    let path = store.path_of(&id);
    let now = crate::domain::now();
    // Read, add and save under the account's lock: two `add`s at once queue, and neither
    // loses the other's entry.
    let item_id = store
        .update(&id, "callbook add", |account| -> anyhow::Result<String> {
            let text = text.to_owned();
            let added = match pane {
                Pane::People => PersonForm {
                    name: text,
                    ..PersonForm::default()
                }
                .apply(account, None, now),
                _ => ItemForm {
                    text,
                    ..ItemForm::default()
                }
                .apply(account, pane, None, now),
            };
            let i = added.map_err(|e| anyhow!("{e}; nothing added"))?;
            Ok(match account.items(pane) {
                Some(items) => items[i].id.to_string(),
                None => account.people[i].id.to_string(),
            })
        })
        .map_err(|e| match e.downcast::<StoreError>() {
            Ok(StoreError::ReadOnly { schema, .. }) => anyhow!(
                "{}: written by a newer callbook (schema {schema}); this version opens it read-only \
                 and did not change it",
                path.display()
            ),
            Ok(e) => e.into(),
            Err(e) => e,
        })?;
    writeln!(out, "{item_id}")?;
    Ok(())
}

/// A pane from its CLI name; the error lists the names that work.
fn parse_pane(name: &str) -> anyhow::Result<Pane> {
    Pane::from_cli(name).with_context(|| {
        let names: Vec<&str> = Pane::ALL.iter().map(|p| p.cli_name()).collect();
        format!(
            "unknown pane {:?}; use one of: {}",
            clean(name, false),
            names.join("|")
        )
    })
}

/// JSON text made safe for a terminal. serde_json already escapes U+0000 to U+001F inside
/// strings, but lets DEL, the C1 controls (U+0080 to U+009F, which some terminals treat
/// as escape sequences) and the invisible characters [`clean`] marks (bidi overrides,
/// zero-width spaces, a byte order mark...: [`text::invisible`]) through raw; this writes
/// those as `\uXXXX` escapes too (a pair of surrogate escapes above U+FFFF). They can only
/// occur inside strings, so the result is still valid JSON with the same meaning, and for
/// ordinary data it is byte-for-byte the input.
fn safe_json(json: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\n';
    if !json.chars().any(|c| control(c) || text::may_be_invisible(c)) {
        return json.into();
    }
    let chars: Vec<char> = json.chars().collect();
    let mut s = String::with_capacity(json.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        if control(c) || text::invisible(&chars, i) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                s.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            s.push(c);
        }
    }
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_json_escapes_c1_and_del() {
        let text = serde_json::to_string_pretty(&["a\u{9b}31m\u{7f}", "ok"]).unwrap();
        let safe = safe_json(&text);
        assert!(!safe.chars().any(|c| c.is_control() && c != '\n'), "{safe:?}");
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, ["a\u{9b}31m\u{7f}", "ok"]);
        assert!(matches!(
            safe_json("{\n  \"a\": 1\n}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn safe_json_escapes_invisible_characters_and_keeps_emoji() {
        let names = [
            "Acme\u{202e}gnp.exe",
            "\u{feff}Ac\u{200b}me\u{ad}",
            "tag\u{e0041}",
            "Team 👨\u{200d}👩\u{200d}👧",
        ];
        let text = serde_json::to_string_pretty(&names).unwrap();
        let safe = safe_json(&text);
        assert!(safe.contains("Acme\\u202egnp.exe"), "{safe}");
        assert!(safe.contains("\\ufeffAc\\u200bme\\u00ad"), "{safe}");
        assert!(safe.contains("tag\\udb40\\udc41"), "{safe}");
        assert!(safe.contains("Team 👨\u{200d}👩\u{200d}👧"), "{safe}");
        assert!(!safe.contains(['\u{202e}', '\u{feff}', '\u{200b}', '\u{ad}', '\u{e0041}']));
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, names);
    }

    #[test]
    fn unknown_pane_lists_the_names() {
        let e = parse_pane("goalz").unwrap_err().to_string();
        assert!(
            e.contains("\"goalz\"") && e.contains("goals|threats|competitors|market|people|why"),
            "{e}"
        );
        assert_eq!(parse_pane("Why").unwrap(), Pane::WhyChange);
    }
}
