//! The team's files at the top of the data folder, read and written by the store:
//! `sweet-spot.json` and `offerings.json`. A missing file is an empty list; a damaged file or
//! one from a newer callbook is reported, left untouched and never saved over; fields a newer
//! callbook wrote survive a round trip.

use callbook::domain::sweet_spot::{Criterion, SWEET_SPOT_SCHEMA, SweetSpotFile};
use callbook::storage::{Store, StoreError};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

fn criteria() -> SweetSpotFile {
    SweetSpotFile {
        schema: SWEET_SPOT_SCHEMA,
        criteria: vec![Criterion {
            id: "fleet".into(),
            question: "Do they run their own refrigerated fleet?".into(),
            extra: Default::default(),
        }],
        extra: Default::default(),
    }
}

#[test]
fn missing_team_files_are_empty_lists() {
    let (_dir, store) = store();
    let (team, problems) = store.load_team();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(team.criteria().is_empty() && team.offerings().is_empty());
}

#[test]
fn criteria_round_trip_with_unknown_fields_kept() {
    let (_dir, store) = store();
    let text = r#"{"schema": 1, "owner": "ops", "criteria": [
        {"id": "fleet", "question": "Do they run their own refrigerated fleet?", "weight": 3}]}"#;
    std::fs::write(store.sweet_spot_path(), text).unwrap();
    let file = store.load_sweet_spot().unwrap();
    assert_eq!(file.criteria[0].extra["weight"], 3);
    store.save_sweet_spot(&file).unwrap();
    let again = std::fs::read_to_string(store.sweet_spot_path()).unwrap();
    assert!(
        again.contains("\"owner\": \"ops\"") && again.contains("\"weight\": 3"),
        "{again}"
    );
    assert!(again.ends_with("}\n"));
}

#[test]
fn a_damaged_or_newer_sweet_spot_is_reported_and_never_saved_over() {
    for (text, expected) in [
        ("{\"schema\": 1, \"criteria\": [", "line 1"),
        ("[1, 2]", "expected a JSON object"),
        (
            "{\"schema\": 1, \"criteria\": [{\"question\": \"no id\"}]}",
            "missing field `id`",
        ),
        ("{\"schema\": 9, \"criteria\": []}", "schema 9"),
    ] {
        let (_dir, store) = store();
        std::fs::write(store.sweet_spot_path(), text).unwrap();
        let (team, problems) = store.load_team();
        assert!(team.criteria().is_empty());
        let said = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        assert!(
            said.contains(expected) && said.contains("sweet-spot.json"),
            "{text}: {said}"
        );
        let err = store.save_sweet_spot(&criteria()).unwrap_err();
        assert!(
            matches!(err, StoreError::Damaged { .. } | StoreError::ReadOnly { .. }),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(store.sweet_spot_path()).unwrap(),
            text,
            "untouched"
        );
    }
}
