//! End to end in a pseudo-terminal (issue 13): the real binary answers the sweet spot's
//! criteria for an account and shows the verdict, writes a usage scenario for a goal, picks
//! the offering, makes it a turn's prepared response; and all of it is in the account's JSON.

mod common;

use common::Data;

const CTRL_S: &str = "\x13";
const ENTER: &str = "\r";
const TAB: &str = "\t";

const OFFERINGS: &str = r#"{"schema": 1, "offerings": [
  {"id": "temps", "name": "Live trailer temperatures",
   "problem": "Loads spoil before anyone knows a refrigeration unit has failed."}]}"#;

const SWEET_SPOT: &str = r#"{"schema": 1, "criteria": [
  {"id": "fleet", "question": "Do they run their own refrigerated fleet?"},
  {"id": "size", "question": "Do they run more than 200 vehicles?"}]}"#;

#[test]
fn answer_the_criteria_write_a_scenario_and_rehearse_it() {
    let data = Data::new();
    data.cli(&["new", "Ashcombe Cold Freight"]);
    data.cli(&[
        "add",
        "Ashcombe",
        "goals",
        "Cut spoilage claims below 0.5% of loads",
    ]);
    std::fs::write(data.root().join("offerings.json"), OFFERINGS).unwrap();
    std::fs::write(data.root().join("sweet-spot.json"), SWEET_SPOT).unwrap();
    let mut tui = data.tui(&["open", "Ashcombe"]);
    tui.wait_for("Goals (1)");
    tui.send("6");
    tui.wait_for("Sweet spot: unknown, 2 not answered");
    tui.send("s");
    tui.wait_for("Answered yes");
    tui.send(&format!("j{ENTER}"));
    tui.wait_for("Their answer to a sweet-spot criterion");
    tui.send(&format!("{TAB}Their site lists 340 vehicles{CTRL_S}"));
    tui.wait_gone("Their answer to a sweet-spot criterion");
    tui.send("s");
    tui.wait_for("Sweet spot: inside");

    tui.send(&format!("{TAB}a"));
    tui.wait_for("Which goal or threat");
    tui.send(ENTER);
    tui.wait_for("What they do with it");
    tui.send(&format!(
        "reroute a load before it spoils{TAB}The night dispatcher{TAB}spoilage claims fall from 1.2% to under 0.5% of loads{CTRL_S}"
    ));
    tui.wait_for("Saved the scenario");
    tui.send("o");
    tui.wait_for("Which offering they use");
    tui.send(ENTER);
    tui.wait_for("Complete: who, the offering");
    tui.send("t");
    tui.wait_for("The turn it answers");
    tui.send(ENTER);
    tui.wait_for("The prepared response of");
    tui.send("q");
    tui.expect_success();

    let account = data.only_account();
    let answers = account["fit"]["answers"].as_array().expect("fit answers saved");
    let answer = |id: &str| {
        answers
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["answer"].clone())
    };
    assert_eq!(answer("fleet"), Some("yes".into()));
    assert_eq!(answer("size"), Some("yes".into()));
    assert!(
        answers
            .iter()
            .any(|a| a["evidence"] == "Their site lists 340 vehicles"),
        "{answers:?}"
    );
    let s = &account["scenarios"][0];
    assert_eq!(s["serves"], account["world"]["goals"][0]["id"]);
    assert_eq!(
        (s["role"].as_str(), s["offering"].as_str()),
        (Some("The night dispatcher"), Some("temps"))
    );
    let turn = &account["turns"][0];
    assert_eq!(s["turn"], turn["id"]);
    assert_eq!(
        turn["response"],
        "The night dispatcher uses live trailer temperatures to reroute a load before it spoils, \
         so spoilage claims fall from 1.2% to under 0.5% of loads."
    );
    let listed = data.list_json();
    assert_eq!(listed[0]["fit"], "inside", "{listed:?}");
    assert_eq!(listed[0]["disqualified"], serde_json::Value::Null, "{listed:?}");
}
