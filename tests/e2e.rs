//! End-to-end tests: the real `callbook` binary in a pseudo-terminal, driven by the keys of
//! DESIGN.md's "Keys" contract, with the screen read back through `vt100` and the data
//! folder read back with `serde_json`. See `common` for the harness.

mod common;

use common::{Data, Tui};
use serde_json::Value;

/// Ctrl-s: save in an editor.
const CTRL_S: &str = "\x13";
/// Esc: sent alone, then waited on, so it is not read as Alt with the next key.
const ESC: &str = "\x1b";
/// Enter.
const ENTER: &str = "\r";

/// The goals of an account file.
/// PgDn, as a terminal sends it.
const PAGE_DOWN: &str = "\x1b[6~";

fn goals(account: &Value) -> &Vec<Value> {
    account["world"]["goals"]
        .as_array()
        .expect("world.goals is a list")
}

/// True when some line of `screen` has `key` as a word followed, after spaces, by `words`:
/// a row of the help overlay, not the same words somewhere else (the footer says
/// "u undoes", for one).
fn help_row(screen: &str, key: &str, words: &str) -> bool {
    screen.lines().any(|line| {
        line.match_indices(key).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let rest = &line[at + key.len()..];
            let spaced = rest.trim_start_matches(' ');
            before.is_none_or(|c| c == ' ' || c == '│')
                && rest.len() - spaced.len() >= 2
                && spaced.starts_with(words)
        })
    })
}

/// True when `text` is a row of the Goals pane: the leftmost pane of the top row, where a
/// goal without priority is drawn as "│  text". The detail pane shows the text too, but as
/// its heading, flush with the border; the status line quotes it after a space.
fn in_goals_pane(screen: &str, text: &str) -> bool {
    screen.lines().any(|line| line.starts_with(&format!("│  {text}")))
}

/// Opens the editor for a new goal in an open workbook and waits for it.
fn add_goal(tui: &Tui) {
    tui.send("a");
    tui.wait_for("New: Goals");
}

#[test]
fn create_account_add_goal_quit_reopen() {
    let data = Data::new();
    let mut tui = data.tui(&[]);
    tui.wait_for("No accounts yet");
    tui.send("n");
    tui.wait_for("The customer's name:");
    tui.send("Harbor Mills");
    tui.wait_for("Harbor Mills");
    tui.send(ENTER);
    tui.wait_for("Goals (0)");
    let header = tui.screen().lines().next().unwrap_or_default().to_owned();
    assert!(header.contains("Harbor Mills"), "header: {header:?}");
    assert!(
        tui.is_accented("Goals (0)"),
        "Goals should be focused:\n{}",
        tui.screen()
    );
    assert!(
        !tui.is_accented("Threats (0)"),
        "only Goals should be focused:\n{}",
        tui.screen()
    );

    let goal = "Win the Rotterdam tender";
    add_goal(&tui);
    tui.send(goal);
    tui.wait_for(goal);
    tui.send(CTRL_S);
    tui.wait_for("Goals (1)");
    tui.wait_gone("New: Goals");
    assert!(
        in_goals_pane(&tui.screen(), goal),
        "goal not in the Goals pane:\n{}",
        tui.screen()
    );
    tui.send("q");
    tui.expect_success();

    let account = data.only_account();
    assert_eq!(account["name"], "Harbor Mills");
    assert_eq!(account["schema"], callbook::domain::SCHEMA);
    let goals = goals(&account);
    assert_eq!(goals.len(), 1, "{account:#}");
    assert_eq!(goals[0]["text"], goal);
    let id = goals[0]["id"].as_str().expect("the goal has a string id");
    assert_eq!(id.len(), 8, "goal id {id:?}");

    let mut again = data.tui(&["open", "harbor"]);
    again.wait_for("Goals (1)");
    assert!(
        in_goals_pane(&again.screen(), goal),
        "goal not in the pane:\n{}",
        again.screen()
    );
    again.send("q");
    again.expect_success();
}

#[test]
fn sample_opens_full_workbook() {
    let data = Data::new();
    let mut tui = data.tui(&[]);
    tui.wait_for("No accounts yet");
    tui.send(ENTER);
    tui.wait_for("Goals (6)");
    let screen = tui.screen();
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("Ashcombe Cold Freight"), "header: {header:?}");
    for pane in ["Threats", "Competitors", "People", "Why change"] {
        let counted = screen.match_indices(&format!("{pane} (")).any(|(at, m)| {
            let rest = &screen[at + m.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(')')
        });
        assert!(counted, "no \"{pane} (N)\" title:\n{screen}");
    }

    tui.send("?");
    tui.wait_for("Keys (Esc close help");
    assert!(
        help_row(&tui.screen(), "u", "undo"),
        "help lists no undo:\n{}",
        tui.screen()
    );
    // The editor's keys come further down: page down until Ctrl-s shows.
    for _ in 0..60 {
        if help_row(&tui.screen(), "Ctrl-s", "save") {
            break;
        }
        let before = tui.screen();
        tui.send(PAGE_DOWN);
        tui.wait_until("help to scroll", |s| s != before);
    }
    assert!(
        help_row(&tui.screen(), "Ctrl-s", "save"),
        "help lists no Ctrl-s:\n{}",
        tui.screen()
    );
    tui.send(ESC);
    tui.wait_gone("Keys (Esc close help");
    tui.wait_for("Goals (6)");
    tui.send("q");
    tui.expect_success();
    assert_eq!(data.account_files().len(), 1, "{:?}", data.account_files());
    assert_eq!(data.only_account()["name"], "Ashcombe Cold Freight");
}

#[test]
fn typed_q_and_digits_go_into_text() {
    let data = Data::new();
    data.cli(&["new", "Keel Works"]);
    let mut tui = data.tui(&["open", "keel"]);
    tui.wait_for("Goals (0)");
    add_goal(&tui);
    let text = "q1 quarter 2?";
    tui.send(text);
    tui.wait_for(text);
    tui.send(CTRL_S);
    tui.wait_for("Goals (1)");
    tui.wait_gone("New: Goals");
    assert!(
        in_goals_pane(&tui.screen(), text),
        "goal not in the Goals pane:\n{}",
        tui.screen()
    );
    assert!(tui.is_running(), "typing q quit the app");
    tui.send("q");
    tui.expect_success();
    assert_eq!(goals(&data.only_account())[0]["text"], text);
}

#[test]
fn esc_in_editor_asks_before_dropping() {
    let data = Data::new();
    data.cli(&["new", "Keel Works"]);
    let mut tui = data.tui(&["open", "keel"]);
    tui.wait_for("Goals (0)");
    add_goal(&tui);
    let text = "Cut freight costs by a fifth";
    tui.send(text);
    tui.wait_for(text);

    tui.send(ESC);
    tui.wait_for("Drop the changes");
    tui.send("n");
    tui.wait_gone("Drop the changes");
    tui.wait_for("New: Goals");
    assert!(
        tui.screen().contains(text),
        "the text was lost:\n{}",
        tui.screen()
    );

    tui.send(ESC);
    tui.wait_for("Drop the changes");
    tui.send("y");
    tui.wait_for("Changes dropped");
    tui.wait_gone("New: Goals");
    let screen = tui.screen();
    assert!(screen.contains("Goals (0)"), "{screen}");
    assert!(!screen.contains(text), "dropped text still shown:\n{screen}");
    tui.send("q");
    tui.expect_success();
    assert!(
        goals(&data.only_account()).is_empty(),
        "{:#}",
        data.only_account()
    );
}

#[test]
fn delete_and_undo() {
    let data = Data::new();
    data.cli(&["sample"]);
    let first = goals(&data.only_account())[0]["text"]
        .as_str()
        .expect("goal text")
        .to_owned();
    let mut tui = data.tui(&["open", "ashcombe"]);
    tui.wait_for("Goals (6)");
    tui.send("d");
    tui.wait_for("Goals (5)");
    tui.wait_for("u undoes");
    tui.send("u");
    tui.wait_for("Goals (6)");
    tui.wait_for("Undone");
    tui.send("q");
    tui.expect_success();
    let account = data.only_account();
    assert_eq!(goals(&account).len(), 6, "{account:#}");
    assert_eq!(
        goals(&account)[0]["text"],
        first.as_str(),
        "undo should put the goal back first"
    );
}

#[test]
fn too_small() {
    let data = Data::new();
    let mut tui = data.tui_sized(60, 20, &[]);
    tui.wait_for("Terminal too small");
    tui.send("q");
    tui.expect_success();
}

#[test]
fn damaged_file_is_flagged_and_left_alone() {
    let data = Data::new();
    let accounts = data.accounts();
    std::fs::create_dir_all(&accounts).expect("create accounts/");
    let broken = accounts.join("broken-abc123.json");
    let bytes = b"{\n  \"schema\": 1,\n  \"name\": oops\n}\n";
    std::fs::write(&broken, bytes).expect("write broken file");

    let mut tui = data.tui(&[]);
    tui.wait_for("broken-abc123.json");
    tui.wait_for("damaged");
    // The sample is offered first (there is no readable account); move to the file.
    tui.send("j");
    tui.wait_for("can't be read");
    let screen = tui.screen();
    assert!(
        screen.contains("line 3, column 11"),
        "no line and column:\n{screen}"
    );
    tui.send(ENTER);
    tui.wait_for("Can't open");
    tui.send("q");
    tui.expect_success();
    assert_eq!(
        std::fs::read(&broken).expect("read broken file"),
        bytes,
        "the damaged file was changed"
    );
}

#[test]
fn bank_question_joins_the_plan_linked_to_a_goal() {
    let data = Data::new();
    data.cli(&["new", "Harbor Mills"]);
    let goal_id = data
        .cli(&["add", "harbor", "goals", "Double output at the Toledo plant"])
        .trim()
        .to_owned();
    data.cli(&["add", "harbor", "threats", "A new mill opening in Ohio"]);
    let mut tui = data.tui(&["open", "harbor"]);
    tui.wait_for("Goals (1)");
    tui.send("2");
    tui.wait_for("Bank, most relevant first");
    // Find one bank question by typing part of it, then add it from the bank.
    tui.send("/");
    tui.send("happen internally");
    tui.wait_for("What needs to happen internally");
    tui.send(ENTER);
    tui.send("\t");
    tui.wait_until("the bank to have focus", |s| s.contains("Why it is suggested"));
    tui.send(ENTER);
    tui.wait_for("Plan (1)");
    tui.send(ESC);
    // The filter is gone when the bank's count is no longer "shown/all".
    tui.wait_until("the filter to clear", |s| {
        s.lines()
            .any(|l| l.contains("Bank, most relevant first (") && !l.contains('/'))
    });
    tui.send("\t");
    tui.wait_for("The selected question");
    tui.send("l");
    tui.wait_for("[ ] Goals: Double output");
    tui.send(" ");
    tui.wait_for("[x] Goals: Double output");
    tui.send(ENTER);
    tui.wait_for("Linked to 1 item");
    tui.send("q");
    tui.expect_success();

    let account = data.only_account();
    let q = &account["questions"][0];
    assert_eq!(
        q["text"],
        "What needs to happen internally for this to move forward?"
    );
    assert_eq!(q["links"], serde_json::json!([goal_id]));
    assert_eq!(q["from_bank"], "b224");
    assert_eq!(q["status"], "planned");
}

#[test]
fn rehearse_one_turn_grade_it_and_find_the_attempt_on_disk() {
    let data = Data::new();
    data.cli(&["sample"]);
    let mut tui = data.tui(&["rehearse", "ashcombe"]);
    tui.wait_for("Rehearsing 1 of");
    tui.send("I hear you. What would the board need to see before December?");
    tui.wait_for("before December?");
    tui.send("\x13");
    tui.wait_for("asks-back");
    tui.wait_for("pressure");
    // The verdict heads the checks: what to do next time, or that all tested ones passed.
    let screen = tui.screen();
    assert!(
        screen.contains("Next time:") || screen.contains("Well done"),
        "{screen}"
    );
    tui.wait_for("Prepared response");
    tui.send("3");
    tui.wait_for("Rehearsing 2 of");
    tui.send(ESC);
    tui.wait_for("never rehearsed");
    tui.send("q");
    tui.expect_success();

    let account = data.only_account();
    let graded: Vec<&Value> = account["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .filter(|t| !t["attempts"].as_array().expect("attempts").is_empty())
        .collect();
    assert_eq!(graded.len(), 1, "exactly one turn was graded");
    let attempt = &graded[0]["attempts"][0];
    assert_eq!(attempt["grade"], 3);
    assert_eq!(
        attempt["answer"],
        "I hear you. What would the board need to see before December?"
    );
    assert_eq!(attempt["checks"].as_array().expect("checks").len(), 8);
    let due = attempt["due"].as_str().expect("a due date");
    assert_eq!(graded[0]["schedule"]["due"].as_str(), Some(due));
    let due: chrono::DateTime<chrono::Utc> = due.parse().expect("RFC 3339");
    let at: chrono::DateTime<chrono::Utc> = attempt["at"].as_str().unwrap().parse().unwrap();
    assert!(due > at, "good pushes the turn into the future");
}

#[test]
fn rehearse_with_nothing_due_says_so() {
    let data = Data::new();
    data.cli(&["new", "Empty"]);
    let out = data.cli(&["rehearse"]);
    assert!(out.contains("Nothing is due"), "{out}");
}

/// The text inside the bordered box whose title starts `title`, rows joined by spaces, with
/// runs of blanks folded: what a reader sees in that pane, however it wrapped.
fn pane_text(screen: &str, title: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines.iter().position(|l| l.contains(&format!("┌ {title}"))) else {
        return String::new();
    };
    let col = lines[top].find(&format!("┌ {title}")).unwrap_or(0);
    let mut text = Vec::new();
    for line in &lines[top + 1..] {
        let rest = line.get(col..).unwrap_or("");
        if rest.starts_with('└') {
            break;
        }
        let inner = rest.trim_start_matches('│');
        text.push(inner.split('│').next().unwrap_or("").trim().to_owned());
    }
    text.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_goal_of_a_hundred_characters_reads_whole_at_80_by_24() {
    let data = Data::new();
    data.cli(&["new", "Harbor Mills"]);
    let mut tui = data.tui_sized(80, 24, &["open", "harbor"]);
    tui.wait_for("Goals (0)");
    let goal =
        "Double pharma freight to a fifth of revenue by 2028 without adding one new refrigerated trailer";
    assert!(goal.len() >= 95, "{}", goal.len());
    add_goal(&tui);
    tui.send(goal);
    tui.send(CTRL_S);
    tui.wait_for("Goals (1)");
    tui.wait_until("the goal in full in the detail pane", |s| {
        pane_text(s, "Detail").contains(goal)
    });
    let shown = pane_text(&tui.screen(), "Goals");
    assert!(
        shown.contains(goal),
        "the focused pane opens the goal in full:\n{}",
        tui.screen()
    );
    tui.send("q");
    tui.expect_success();
    assert_eq!(goals(&data.only_account())[0]["text"], goal);
}

#[test]
fn a_call_planned_from_their_task_with_two_attendees_and_debriefed_lands_in_the_file() {
    let data = Data::new();
    data.cli(&["new", "Harbor Mills"]);
    data.cli(&["add", "harbor", "people", "Dana Ruiz"]);
    data.cli(&["add", "harbor", "people", "Lee Park"]);
    let mut tui = data.tui_sized(100, 30, &["open", "harbor"]);
    tui.wait_for("Goals (0)");
    // A question for the plan, with the answer heard, turned into a world item.
    tui.send("2");
    tui.wait_for("Plan (0)");
    tui.send("aWhat does a late pallet cost you?");
    tui.send("\t");
    tui.send("About 2000 pounds each, and the grocer's goodwill");
    tui.send(CTRL_S);
    tui.wait_for("Plan (1)");
    tui.send("w");
    tui.wait_for("The answer becomes an item of");
    tui.send(ENTER);
    tui.wait_for("is now an item of Goals");
    // Their task, then a call whose objective comes from it, with both people on it.
    tui.send("4");
    tui.wait_for("Their tasks");
    tui.send("aDana agrees the cost of late pallets with her CFO");
    tui.send(CTRL_S);
    tui.wait_for("Saved their task");
    tui.send("\t");
    tui.send("aplaceholder");
    tui.send(CTRL_S);
    tui.wait_for("Calls (1)");
    tui.send("o");
    tui.wait_for("Their next step, from their open tasks");
    tui.send(ENTER);
    tui.wait_for("The objective is now their next step");
    tui.send("p");
    tui.wait_for("Who is on the call");
    tui.send(" ");
    tui.send("j");
    tui.send(" ");
    tui.send(ENTER);
    tui.wait_for("2 on the call");
    // The debrief: what they agreed becomes their task.
    tui.send("bDana books a site visit");
    tui.send(CTRL_S);
    tui.wait_for("Debriefed");
    tui.send("q");
    tui.expect_success();
    let account = data.only_account();
    let call = &account["calls"][0];
    assert_eq!(
        call["objective"],
        "Dana agrees the cost of late pallets with her CFO"
    );
    assert_eq!(call["attendees"].as_array().map(Vec::len), Some(2), "{call:#}");
    assert_eq!(call["debrief"]["agreed"], "Dana books a site visit");
    let tasks = account["tasks"].as_array().expect("tasks");
    assert!(
        tasks.iter().any(|t| t["text"] == "Dana books a site visit"),
        "{tasks:?}"
    );
    assert!(
        goals(&account)
            .iter()
            .any(|g| g["their_words"].as_str().unwrap_or("").contains("2000 pounds")),
        "{account:#}"
    );
}

#[test]
fn a_coach_comments_in_review_and_the_rep_replies_and_resolves() {
    let data = Data::new();
    data.cli(&["new", "Harbor Mills"]);
    data.cli(&["add", "harbor", "goals", "Open a third mill in Ohio"]);
    // The coach's name comes from the settings file in the config folder.
    let config = data.root().parent().unwrap().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("settings.toml"), "reviewer = \"Coach Kim\"\n").unwrap();
    let mut coach = data.tui_sized(100, 30, &["review", "harbor"]);
    coach.wait_for("Goals (1)");
    coach.send("a");
    coach.wait_for("Review mode");
    coach.send("c");
    coach.wait_for("New: Comment");
    coach.send("Which site in Ohio?");
    coach.send(CTRL_S);
    coach.wait_for("Comment saved");
    coach.send("q");
    coach.expect_success();

    let mut rep = data.tui_sized(100, 30, &["open", "harbor"]);
    rep.wait_for("Goals (1)");
    rep.send("5");
    rep.wait_for("Comments (1 open)");
    rep.send("\t");
    rep.send("aThe old rail yard at Findlay");
    rep.send(CTRL_S);
    rep.wait_for("Comment saved");
    rep.send("x");
    rep.wait_for("Resolved");
    rep.send("q");
    rep.expect_success();

    let account = data.only_account();
    let comment = &account["comments"][0];
    assert_eq!(comment["author"], "Coach Kim");
    assert_eq!(comment["text"], "Which site in Ohio?");
    assert_eq!(comment["anchor"], goals(&account)[0]["id"]);
    assert_eq!(comment["resolved"], true);
    assert_eq!(comment["replies"][0]["text"], "The old rail yard at Findlay");
}
