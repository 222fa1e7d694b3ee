//! Calls: the plan of a call (when, who, the objective as the customer's next step, the
//! up-front agreement, the agenda of plan questions, the best and the minimum outcome) and,
//! after it, the debrief (what they agreed, what changed, the stage now, the outcome).

use super::account::Extra;
use super::form::{EditError, Field, Form};
use super::id::ItemId;
use super::journey::{Stage, parse_date};
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, VariantNames};

/// What to agree at the start of a call, before any question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Why we are talking.
    #[serde(default)]
    pub purpose: String,
    /// What they expect from the call.
    #[serde(default)]
    pub expect: String,
    /// The next step to decide at the end.
    #[serde(default)]
    pub next_step: String,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One question of the agenda: a plan question and the minutes it is given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The plan question's id.
    pub question: ItemId,
    /// Minutes for it.
    #[serde(default)]
    pub minutes: u16,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a call went against its plan.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantNames, EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Outcome {
    /// Not judged yet.
    #[default]
    Unjudged,
    /// The best outcome was reached.
    Best,
    /// The minimum acceptable outcome was reached, not the best.
    Minimum,
    /// Neither.
    Neither,
}

/// What happened on a call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    /// What the customer agreed as their next step (it becomes one of their tasks).
    #[serde(default)]
    pub agreed: String,
    /// The task it became, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<ItemId>,
    /// What changed in their world.
    #[serde(default)]
    pub changed: String,
    /// The stage they stand at now, if the call showed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The objective judged against what happened.
    #[serde(default)]
    pub outcome: Outcome,
    /// The plan questions asked on this call.
    #[serde(default)]
    pub asked: Vec<ItemId>,
    /// When the debrief was written.
    pub written: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A call, planned and (once held) debriefed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// Stable id.
    pub id: ItemId,
    /// When it starts.
    pub when: DateTime<Utc>,
    /// How long it is planned to last, in minutes.
    #[serde(default)]
    pub minutes: u16,
    /// The objective: the customer's next step, as something they do.
    #[serde(default)]
    pub objective: String,
    /// Who is on it (ids of the account's people).
    #[serde(default)]
    pub attendees: Vec<ItemId>,
    /// What to agree up front.
    #[serde(default)]
    pub agreement: Agreement,
    /// The agenda: plan questions in order, with minutes.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// The best outcome, as something the customer does.
    #[serde(default)]
    pub best: String,
    /// The least outcome worth the call, as something the customer does.
    #[serde(default)]
    pub minimum: String,
    /// What happened, once the call was held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<Debrief>,
    /// When it was planned.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Call {
    /// A new plan for a call at `when`, with a fresh id.
    pub fn new(when: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        Call {
            id: ItemId::generate(),
            when,
            minutes: 30,
            objective: String::new(),
            attendees: Vec::new(),
            agreement: Agreement::default(),
            agenda: Vec::new(),
            best: String::new(),
            minimum: String::new(),
            debrief: None,
            created: now,
            updated: now,
            extra: Extra::default(),
        }
    }

    /// True once the call has a debrief.
    pub fn is_held(&self) -> bool {
        self.debrief.is_some()
    }
}

/// The editable fields of a call plan (attendees and agenda are picked from lists apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallForm {
    /// When, as `YYYY-MM-DD HH:MM` (UTC).
    pub when: String,
    /// Minutes.
    pub minutes: String,
    /// The objective: the customer's next step.
    pub objective: String,
    /// Up front: why we are talking.
    pub purpose: String,
    /// Up front: what they expect.
    pub expect: String,
    /// Up front: the next step to decide at the end.
    pub next_step: String,
    /// The best outcome.
    pub best: String,
    /// The minimum acceptable outcome.
    pub minimum: String,
    /// The agenda's minutes, one number per question in order ("8 7 5").
    pub agenda_minutes: String,
}

impl Form for CallForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title(
            "objective",
            "Objective: their next step, as something they do",
            |f| &f.objective,
            |f| &mut f.objective,
        ),
        Field::line(
            "when",
            "When (YYYY-MM-DD HH:MM, UTC)",
            |f| &f.when,
            |f| &mut f.when,
        ),
        Field::line("minutes", "Minutes", |f| &f.minutes, |f| &mut f.minutes),
        Field::line(
            "purpose",
            "Up front: why we are talking",
            |f| &f.purpose,
            |f| &mut f.purpose,
        ),
        Field::line(
            "expect",
            "Up front: what they expect",
            |f| &f.expect,
            |f| &mut f.expect,
        ),
        Field::line(
            "next_step",
            "Up front: the next step to decide at the end",
            |f| &f.next_step,
            |f| &mut f.next_step,
        ),
        Field::text(
            "best",
            "Best outcome (something they do)",
            |f| &f.best,
            |f| &mut f.best,
        ),
        Field::text(
            "minimum",
            "Minimum outcome (something they do)",
            |f| &f.minimum,
            |f| &mut f.minimum,
        ),
        Field::line(
            "agenda_minutes",
            "Minutes for each agenda question, in order",
            |f| &f.agenda_minutes,
            |f| &mut f.agenda_minutes,
        ),
    ];
}

impl From<&Call> for CallForm {
    fn from(c: &Call) -> Self {
        CallForm {
            when: c.when.format("%Y-%m-%d %H:%M").to_string(),
            minutes: c.minutes.to_string(),
            objective: c.objective.clone(),
            purpose: c.agreement.purpose.clone(),
            expect: c.agreement.expect.clone(),
            next_step: c.agreement.next_step.clone(),
            best: c.best.clone(),
            minimum: c.minimum.clone(),
            agenda_minutes: c
                .agenda
                .iter()
                .map(|a| a.minutes.to_string())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// Numbers typed one after another ("8 7, 5"), refused with the field's label when one is
/// not a whole number.
fn parse_minutes(text: &str, field: &'static str) -> Result<Vec<u16>, EditError> {
    text.split([' ', ','])
        .filter(|m| !m.is_empty())
        .map(|m| {
            m.parse::<u16>().map_err(|_| EditError::BadNumber {
                field,
                text: m.to_owned(),
            })
        })
        .collect()
}

/// A time typed as `YYYY-MM-DD HH:MM` or `YYYY-MM-DD` (then 09:00), in UTC.
pub fn parse_when(text: &str, field: &'static str) -> Result<DateTime<Utc>, EditError> {
    let text = text.trim();
    let bad = || EditError::BadDate {
        field,
        text: text.to_owned(),
    };
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        return Ok(at.and_utc());
    }
    let day = parse_date(text, field)?.ok_or_else(bad)?;
    Ok(day
        .and_time(NaiveTime::from_hms_opt(9, 0, 0).ok_or_else(bad)?)
        .and_utc())
}

impl CallForm {
    /// Adds a call (`at` = `None`) or changes call `at` of `calls`; returns its index.
    pub fn apply(
        self,
        calls: &mut Vec<Call>,
        at: Option<usize>,
        now: DateTime<Utc>,
    ) -> Result<usize, EditError> {
        let before = at.and_then(|i| calls.get(i)).map(CallForm::from);
        let f = self.tidied_against(before.as_ref())?;
        let when = parse_when(&f.when, Self::FIELDS[1].label)?;
        let minutes = match f.minutes.trim() {
            "" => 30,
            m => m.parse().map_err(|_| EditError::BadNumber {
                field: Self::FIELDS[2].label,
                text: m.to_owned(),
            })?,
        };
        let agenda_minutes = parse_minutes(&f.agenda_minutes, Self::FIELDS[8].label)?;
        let i = match at {
            Some(i) if i < calls.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                calls.push(Call::new(when, now));
                calls.len() - 1
            }
        };
        let c = &mut calls[i];
        // A question without a number of its own keeps its minutes.
        for (item, minutes) in c.agenda.iter_mut().zip(agenda_minutes) {
            item.minutes = minutes;
        }
        (c.when, c.minutes, c.objective) = (when, minutes, f.objective);
        // Only the fields the form knows change: the agreement keeps any it does not.
        let a = &mut c.agreement;
        (a.purpose, a.expect, a.next_step) = (f.purpose, f.expect, f.next_step);
        (c.best, c.minimum, c.updated) = (f.best, f.minimum, now);
        Ok(i)
    }
}

/// The editable fields of a debrief (the questions asked are marked on the plan itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebriefForm {
    /// What the customer agreed as their next step.
    pub agreed: String,
    /// When they will have done it, as `YYYY-MM-DD`, or blank.
    pub due: String,
    /// What changed in their world.
    pub changed: String,
    /// How the call went against its objective.
    pub outcome: Outcome,
}

impl Form for DebriefForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title(
            "agreed",
            "Their next step, as they agreed it",
            |f| &f.agreed,
            |f| &mut f.agreed,
        ),
        Field::line("due", "By when (YYYY-MM-DD)", |f| &f.due, |f| &mut f.due),
        Field::text(
            "changed",
            "What changed in their world",
            |f| &f.changed,
            |f| &mut f.changed,
        ),
        Field::choice(
            "outcome",
            "Against the objective",
            |f| &f.outcome,
            |f| &mut f.outcome,
        ),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T12:00:00Z".parse().unwrap()
    }

    fn form() -> CallForm {
        CallForm {
            when: "2026-12-02 15:30".into(),
            objective: "Their CFO agrees the cost of the late pallets".into(),
            ..CallForm::default()
        }
    }

    #[test]
    fn a_call_plan_reads_its_time_and_minutes_and_refuses_bad_ones() {
        let mut calls = Vec::new();
        let i = form().apply(&mut calls, None, now()).unwrap();
        assert_eq!(calls[i].when.to_rfc3339(), "2026-12-02T15:30:00+00:00");
        assert_eq!(calls[i].minutes, 30);
        let before = calls.clone();
        let bad_time = CallForm {
            when: "next Tuesday".into(),
            ..form()
        };
        assert!(matches!(
            bad_time.apply(&mut calls, Some(i), now()),
            Err(EditError::BadDate { .. })
        ));
        let bad_minutes = CallForm {
            minutes: "half an hour".into(),
            ..form()
        };
        assert!(matches!(
            bad_minutes.apply(&mut calls, Some(i), now()),
            Err(EditError::BadNumber { .. })
        ));
        let blank = CallForm {
            objective: " ".into(),
            ..form()
        };
        assert!(matches!(
            blank.apply(&mut calls, Some(i), now()),
            Err(EditError::Required(_))
        ));
        assert_eq!(calls, before, "a refused edit changes nothing");
    }

    #[test]
    fn an_edited_plan_keeps_what_its_agreement_does_not_know() {
        let mut calls = Vec::new();
        let i = form().apply(&mut calls, None, now()).unwrap();
        let future = serde_json::json!({"kept": true});
        calls[i].agreement.extra.insert("x-future".into(), future.clone());
        let edited = CallForm {
            purpose: "Agree what a late pallet costs".into(),
            ..CallForm::from(&calls[i])
        };
        edited.apply(&mut calls, Some(i), now()).unwrap();
        let agreement = &calls[i].agreement;
        assert_eq!(agreement.purpose, "Agree what a late pallet costs");
        assert_eq!(agreement.extra.get("x-future"), Some(&future));
    }

    #[test]
    fn agenda_minutes_are_set_in_order_and_a_bad_one_is_refused() {
        let mut calls = Vec::new();
        let i = form().apply(&mut calls, None, now()).unwrap();
        let item = |_| AgendaItem {
            extra: Default::default(),
            question: ItemId::generate(),
            minutes: 5,
        };
        calls[i].agenda = (0..3).map(item).collect();
        let timed = CallForm {
            agenda_minutes: "8, 7".into(),
            ..CallForm::from(&calls[i])
        };
        timed.apply(&mut calls, Some(i), now()).unwrap();
        let minutes: Vec<u16> = calls[i].agenda.iter().map(|a| a.minutes).collect();
        assert_eq!(
            minutes,
            [8, 7, 5],
            "a question without a number keeps its minutes"
        );
        let before = calls.clone();
        let bad = CallForm {
            agenda_minutes: "8 ten".into(),
            ..CallForm::from(&calls[i])
        };
        assert!(matches!(
            bad.apply(&mut calls, Some(i), now()),
            Err(EditError::BadNumber { .. })
        ));
        assert_eq!(calls, before);
        assert_eq!(CallForm::from(&calls[i]).agenda_minutes, "8 7 5");
    }

    #[test]
    fn a_day_alone_means_nine_in_the_morning_and_the_form_round_trips() {
        assert_eq!(
            parse_when("2027-01-04", "When").unwrap().to_rfc3339(),
            "2027-01-04T09:00:00+00:00"
        );
        let mut calls = Vec::new();
        let i = form().apply(&mut calls, None, now()).unwrap();
        assert_eq!(CallForm::from(&calls[i]).when, "2026-12-02 15:30");
    }
}
