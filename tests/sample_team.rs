//! The sample's team files (issue 13, "The sample"): `callbook sample` and the app's first
//! start with the sample write `offerings.json` and `sweet-spot.json` when the team has
//! none, never over the team's own, and the app judges the sample with them at once.

mod common;
mod support;

use callbook::app::App;
use callbook::domain::{sample, scorecard};
use callbook::storage::Store;
use common::Data;
use support::*;

#[test]
fn sample_writes_the_team_files_it_fits_and_is_inside() {
    let data = Data::new();
    data.cli(&["sample"]);
    let offerings: serde_json::Value = common::read_json(&data.root().join("offerings.json"));
    assert_eq!(offerings, serde_json::to_value(sample::offerings()).unwrap());
    let spot = common::read_json(&data.root().join("sweet-spot.json"));
    assert_eq!(spot["criteria"].as_array().unwrap().len(), 4);
    let fit = data.cli(&["fit", sample::NAME]);
    assert!(fit.ends_with("Verdict: Inside the sweet spot\n"), "{fit}");
    let listed = data.list_json();
    assert_eq!(listed[0]["fit"], "inside");
}

#[test]
fn sample_never_writes_over_the_teams_own_files() {
    let data = Data::new();
    data.cli(&["new", "Bolt Dairy"]);
    let own = "{\"schema\": 1, \"criteria\": [{\"id\": \"dairy\", \"question\": \"Dairy?\"}]}";
    std::fs::write(data.root().join("sweet-spot.json"), own).unwrap();
    let broken = "{\"schema\": 1, \"offerings\": [";
    std::fs::write(data.root().join("offerings.json"), broken).unwrap();
    data.cli(&["sample"]);
    let read = |name: &str| std::fs::read_to_string(data.root().join(name)).unwrap();
    assert_eq!(read("sweet-spot.json"), own);
    assert_eq!(read("offerings.json"), broken, "a damaged file is the team's too");
}

#[test]
fn the_sample_a_second_time_writes_nothing() {
    let data = Data::new();
    data.cli(&["sample"]);
    std::fs::remove_file(data.root().join("offerings.json")).unwrap();
    let before = data.snapshot();
    data.fail(&["sample"]);
    assert_eq!(
        data.snapshot(),
        before,
        "a refused sample writes no team file either"
    );
}

#[test]
fn the_apps_first_start_with_the_sample_writes_and_reads_the_team_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut app = App::new(store.list().unwrap(), noon);
    assert!(app.team.criteria().is_empty());
    drive(&mut app, &store, "<Enter>");
    assert!(app.workbook.is_some(), "the sample opens");
    assert_eq!(app.team.criteria().len(), 4);
    assert_eq!(app.team.offerings().len(), sample::offerings().offerings.len());
    assert!(store.offerings_path().exists() && store.sweet_spot_path().exists());
    let wb = app.workbook.as_ref().unwrap();
    let card = scorecard::scorecard(&wb.doc.account, &app.team, noon());
    let fit = card.checks.iter().find(|c| c.id == "sweet-spot").unwrap();
    assert_eq!(fit.verdict, scorecard::Verdict::Pass, "{}", fit.why);
}
