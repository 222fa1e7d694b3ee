//! Scheduling rehearsal with FSRS, the scheduler modern Anki uses (through the rs-fsrs
//! crate): a grade moves a turn's next due date, and readiness is the chance the rep still
//! has the answer ready now.

use super::turn::Schedule;
use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Rating, State};

/// The grades a rep gives an attempt, 1 to 4, and their names.
pub const GRADES: [(u8, &str); 4] = [(1, "again"), (2, "hard"), (3, "good"), (4, "easy")];

/// The schedule after grading an attempt `grade` (1 again, 2 hard, 3 good, 4 easy) at
/// `now`; `before` is the turn's schedule so far (`None` for a turn never graded). A grade
/// outside 1 to 4 counts as "again". Fields of `before` this version does not know are
/// carried over, so a grade keeps what a newer callbook stored there.
pub fn next(before: Option<&Schedule>, grade: u8, now: DateTime<Utc>) -> Schedule {
    let card = before.map_or_else(|| new_card(now), to_card);
    let rating = match grade {
        4 => Rating::Easy,
        3 => Rating::Good,
        2 => Rating::Hard,
        _ => Rating::Again,
    };
    Schedule {
        extra: before.map(|b| b.extra.clone()).unwrap_or_default(),
        ..from_card(&FSRS::default().next(card, now, rating).card)
    }
}

/// How far ahead readiness looks: the chance the rep still has the turn tomorrow, so a
/// turn just failed (weak memory) reads low even though it was seen a moment ago.
const READY_AHEAD: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// The chance, 0 to 1, that the rep still has the turn ready a day after `now`; `None` for
/// a turn never graded.
pub fn readiness(schedule: Option<&Schedule>, now: DateTime<Utc>) -> Option<f64> {
    let card = to_card(schedule?);
    (card.state != State::New).then(|| card.get_retrievability(now + READY_AHEAD).clamp(0.0, 1.0))
}

fn new_card(now: DateTime<Utc>) -> Card {
    Card {
        due: now,
        last_review: now,
        ..Card::default()
    }
}

fn to_card(s: &Schedule) -> Card {
    let state = match s.state.as_str() {
        "learning" => State::Learning,
        "review" => State::Review,
        "relearning" => State::Relearning,
        _ => State::New,
    };
    Card {
        due: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        elapsed_days: s.elapsed_days,
        scheduled_days: s.scheduled_days,
        reps: s.reps,
        lapses: s.lapses,
        state,
        last_review: s.last_review,
    }
}

fn from_card(c: &Card) -> Schedule {
    let state = match c.state {
        State::New => "new",
        State::Learning => "learning",
        State::Review => "review",
        State::Relearning => "relearning",
    };
    Schedule {
        due: c.due,
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: state.to_owned(),
        last_review: c.last_review,
        extra: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn noon() -> DateTime<Utc> {
        "2026-11-23T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn better_grades_push_the_due_date_further() {
        let dues: Vec<DateTime<Utc>> = (1..=4).map(|g| next(None, g, noon()).due).collect();
        assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
        assert!(dues[3] > dues[0], "easy must come later than again");
        assert!(
            dues[0] < noon() + Duration::days(1),
            "again comes back the same day"
        );
    }

    #[test]
    fn good_twice_spaces_further_and_again_brings_it_back() {
        let first = next(None, 3, noon());
        let later = first.due.max(noon() + Duration::days(1));
        let second = next(Some(&first), 3, later);
        assert!(
            second.due - later > first.due - noon(),
            "{first:?} then {second:?}"
        );
        assert_eq!(second.reps, 2);
        let forgot = next(Some(&second), 1, second.due);
        assert!(forgot.due - second.due < Duration::days(1), "{forgot:?}");
    }

    #[test]
    fn readiness_falls_with_time_and_is_none_before_any_grade() {
        assert_eq!(readiness(None, noon()), None);
        let s = next(Some(&next(None, 3, noon())), 3, noon() + Duration::days(2));
        let soon = readiness(Some(&s), noon() + Duration::days(3)).unwrap();
        let late = readiness(Some(&s), noon() + Duration::days(60)).unwrap();
        assert!(soon > late && (0.0..=1.0).contains(&late), "{soon} {late}");
    }

    #[test]
    fn a_turn_just_failed_is_not_ready_and_one_just_known_well_is() {
        let failed = next(None, 1, noon());
        let easy = next(None, 4, noon());
        let failed = readiness(Some(&failed), noon()).unwrap();
        let easy = readiness(Some(&easy), noon()).unwrap();
        assert!(failed < 0.85, "graded again a moment ago reads {failed}");
        assert!(easy > failed + 0.05 && easy > 0.9, "{easy} vs {failed}");
    }

    #[test]
    fn a_grade_keeps_the_fields_a_newer_callbook_stored_on_the_schedule() {
        let mut first = next(None, 3, noon());
        first
            .extra
            .insert("x-future".into(), serde_json::json!({"kept": true}));
        let second = next(Some(&first), 3, noon() + Duration::days(2));
        assert_eq!(second.extra, first.extra);
        assert_eq!(second.reps, 2, "and the schedule still moves");
    }

    #[test]
    fn a_schedule_survives_the_round_trip_through_the_crate() {
        let s = next(None, 4, noon());
        assert_eq!(from_card(&to_card(&s)), s);
        assert_eq!(
            next(None, 9, noon()),
            next(None, 1, noon()),
            "out of range counts as again"
        );
    }
}
