//! A new call plan, pre-filled from the last call: the same people, the plan questions not
//! yet asked (so what went unasked carries over), a week later, and an opening that asks
//! what has changed on their side before anything else.

use crate::domain::account::Account;
use crate::domain::call::{AgendaItem, Agreement, Call};
use crate::domain::id::ItemId;
use crate::domain::plan::Status;
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// Minutes kept for the up-front agreement before the first question.
const OPENING: u16 = 5;

/// The most minutes one question is given by default.
const PER_QUESTION: u16 = 5;

/// How long a call is when there is no last call to copy.
const DEFAULT_MINUTES: u16 = 30;

/// A new plan (fresh id, planned at `now`): the last call's attendees who are still among
/// their people, its length, an agenda of every plan question still planned and asked on
/// no call's debrief (minutes shared out of the call after the opening, 1 to 5 each), a
/// time a week after the last call but never before tomorrow 09:00 UTC, and an up-front
/// agreement that starts from what has changed. The objective and outcomes are left for
/// the rep: they are the customer's next step, which no rule can guess.
pub fn prefill(account: &Account, now: DateTime<Utc>) -> Call {
    let last = account.calls.iter().max_by_key(|c| c.when);
    let mut call = Call::new(when(last.map(|c| c.when), now), now);
    call.minutes = last.map_or(DEFAULT_MINUTES, |c| c.minutes.max(1));
    if let Some(last) = last {
        call.attendees = last
            .attendees
            .iter()
            .filter(|id| account.people.iter().any(|p| &p.id == *id))
            .cloned()
            .collect();
    }
    call.agenda = agenda(account, call.minutes);
    call.agreement = opening(last.is_some());
    call
}

/// The questions not yet asked, in plan order, sharing a call of `minutes`.
fn agenda(account: &Account, minutes: u16) -> Vec<AgendaItem> {
    let asked: Vec<&ItemId> = account
        .calls
        .iter()
        .filter_map(|c| c.debrief.as_ref())
        .flat_map(|d| &d.asked)
        .collect();
    let open: Vec<_> = account
        .questions
        .iter()
        .filter(|q| q.status == Status::Planned && !asked.contains(&&q.id))
        .collect();
    let n = u16::try_from(open.len()).unwrap_or(u16::MAX).max(1);
    let share = (minutes.saturating_sub(OPENING) / n).clamp(1, PER_QUESTION);
    open.iter()
        .map(|q| AgendaItem {
            extra: Default::default(),
            question: q.id.clone(),
            minutes: share,
        })
        .collect()
}

/// A week after the last call, but never before tomorrow at 09:00 UTC.
fn when(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let tomorrow = (now.date_naive() + Duration::days(1)).and_time(nine).and_utc();
    last.map_or(tomorrow, |t| (t + Duration::days(7)).max(tomorrow))
}

/// The up-front agreement: why we talk, and the step to settle at the end.
fn opening(met_before: bool) -> Agreement {
    let purpose = if met_before {
        "Hear what has changed on your side since we last spoke, then pick up from there"
    } else {
        "Hear where things stand on your side and what you want from this time"
    };
    Agreement {
        extra: Default::default(),
        purpose: purpose.to_owned(),
        expect: String::new(),
        next_step: "The step you take next, who takes it, and by when".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Person;
    use crate::domain::plan::Question;

    fn now() -> DateTime<Utc> {
        "2026-12-01T16:20:00Z".parse().unwrap()
    }

    fn account() -> Account {
        let mut a = Account::new("Acme", now());
        a.people = vec![Person::new("Dana", now()), Person::new("Tomas", now())];
        for (text, status) in [
            ("What does a rejected load cost you?", Status::Answered),
            ("Who signs off the capex?", Status::Planned),
            ("How do your night dispatchers hear of an alarm?", Status::Planned),
            ("What did the insurer ask at renewal?", Status::Asked),
        ] {
            let mut q = Question::new(text, Vec::new(), None, now());
            q.status = status;
            a.questions.push(q);
        }
        a
    }

    #[test]
    fn a_first_plan_is_tomorrow_at_nine_with_the_open_questions() {
        let a = account();
        let call = prefill(&a, now());
        assert_eq!(call.when.to_rfc3339(), "2026-12-02T09:00:00+00:00");
        assert!(call.attendees.is_empty() && call.objective.is_empty());
        let agenda: Vec<_> = call.agenda.iter().map(|i| &i.question).collect();
        assert_eq!(agenda, [&a.questions[1].id, &a.questions[2].id]);
        assert_eq!(call.minutes, 30);
        assert!(call.agenda.iter().all(|i| i.minutes == 5));
        assert!(call.agreement.purpose.starts_with("Hear where things stand"));
    }

    #[test]
    fn a_follow_up_copies_the_last_call_a_week_later() {
        let mut a = account();
        let mut last = Call::new("2026-11-30T15:00:00Z".parse().unwrap(), now());
        last.minutes = 45;
        last.attendees = vec![a.people[1].id.clone(), crate::domain::ItemId("gone0000".into())];
        let mut older = Call::new("2026-10-01T15:00:00Z".parse().unwrap(), now());
        older.attendees = vec![a.people[0].id.clone()];
        a.calls = vec![last, older];
        a.calls[1].debrief = Some(crate::domain::call::Debrief {
            extra: Default::default(),
            asked: vec![a.questions[2].id.clone()],
            written: now(),
            ..Default::default()
        });
        let call = prefill(&a, now());
        assert_eq!(call.when.to_rfc3339(), "2026-12-07T15:00:00+00:00");
        let agenda: Vec<_> = call.agenda.iter().map(|i| &i.question).collect();
        assert_eq!(
            agenda,
            [&a.questions[1].id],
            "asked on a call, even if still marked planned"
        );
        assert_eq!(
            call.attendees,
            [a.people[1].id.clone()],
            "someone deleted is not invited"
        );
        assert_eq!(call.minutes, 45);
        assert!(
            call.agreement
                .purpose
                .contains("changed on your side since we last spoke")
        );
        assert_ne!(call.id, a.calls[0].id);
    }

    #[test]
    fn a_long_past_call_gives_tomorrow_and_many_questions_share_the_time() {
        let mut a = account();
        a.calls = vec![Call::new("2026-06-01T15:00:00Z".parse().unwrap(), now())];
        for n in 0..40 {
            a.questions
                .push(Question::new(&format!("Q{n}?"), Vec::new(), None, now()));
        }
        let call = prefill(&a, now());
        assert_eq!(call.when.to_rfc3339(), "2026-12-02T09:00:00+00:00");
        assert_eq!(call.agenda.len(), 42);
        assert!(call.agenda.iter().all(|i| i.minutes == 1), "never zero minutes");
    }
}
