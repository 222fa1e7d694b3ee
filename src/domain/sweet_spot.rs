//! The sweet spot: the team's fit criteria (`sweet-spot.json`), each a yes/no question about
//! the customer, and an account's answers to them with the evidence. The verdict is plain:
//! one "no" puts an account outside, every criterion answered "yes" puts it inside, anything
//! else is unknown. An account outside can be disqualified: it keeps its file and says why and
//! when, and drops out of rehearsal and of the report's active list until it is requalified.

use super::account::Extra;
use super::form::{EditError, Field, Form};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, VariantNames};

mod verdict;
pub use verdict::verdict;

/// The sweet-spot file format version this build writes.
pub const SWEET_SPOT_SCHEMA: u32 = 1;

/// One fit criterion: a question about the customer that a fitting account answers "yes".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id; an account's answer names it.
    pub id: String,
    /// The question, answered yes or no ("Do they run their own refrigerated fleet?").
    pub question: String,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The sweet-spot file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SweetSpotFile {
    /// File format version; see [`SWEET_SPOT_SCHEMA`].
    pub schema: u32,
    /// The criteria, in order.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An answer to one criterion. Its words are the choices of the answer field.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, VariantNames, EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Answer {
    /// They meet it.
    Yes,
    /// They don't.
    No,
    /// Not known yet.
    #[default]
    Unknown,
}

impl Answer {
    /// The answer in one word: "yes", "no", "unknown".
    pub fn word(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Unknown => "unknown",
        }
    }

    /// The next answer in the cycle yes, no, unknown.
    pub fn next(self) -> Answer {
        match self {
            Answer::Yes => Answer::No,
            Answer::No => Answer::Unknown,
            Answer::Unknown => Answer::Yes,
        }
    }
}

/// An account's answer to one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitAnswer {
    /// The criterion's id (so answers merge by it).
    pub id: String,
    /// Yes, no or unknown.
    #[serde(default)]
    pub answer: Answer,
    /// What the answer rests on ("their site lists 340 reefer trailers").
    #[serde(default)]
    pub evidence: String,
    /// When it was last answered.
    pub updated: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Why and when an account was disqualified.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disqualified {
    /// Why, in the rep's words.
    pub why: String,
    /// When.
    pub when: DateTime<Utc>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An account's fit: its answers and whether it was disqualified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// Answers, one per criterion answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<FitAnswer>,
    /// Set while the account is disqualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disqualified: Option<Disqualified>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an account stands against the sweet spot. In JSON: `inside`, `outside`, `unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Every criterion answered yes.
    Inside,
    /// At least one criterion answered no.
    Outside,
    /// Neither: a criterion not answered, or no criteria at all.
    Unknown,
}

impl Standing {
    /// The standing in one word, as in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Standing::Inside => "inside",
            Standing::Outside => "outside",
            Standing::Unknown => "unknown",
        }
    }
}

impl Fit {
    /// The answer to `criterion`: unknown when never answered.
    pub fn answer(&self, criterion: &str) -> Answer {
        self.entry(criterion).map_or(Answer::Unknown, |a| a.answer)
    }

    /// The recorded answer to `criterion`, if any.
    pub fn entry(&self, criterion: &str) -> Option<&FitAnswer> {
        self.answers.iter().find(|a| a.id == criterion)
    }

    /// Records an answer and its evidence for `criterion`.
    pub fn set(&mut self, criterion: &str, answer: Answer, evidence: &str, now: DateTime<Utc>) {
        let evidence = evidence.trim().to_owned();
        match self.answers.iter_mut().find(|a| a.id == criterion) {
            Some(a) => {
                if a.answer != answer || a.evidence != evidence {
                    (a.answer, a.evidence, a.updated) = (answer, evidence, now);
                }
            }
            None => self.answers.push(FitAnswer {
                id: criterion.to_owned(),
                answer,
                evidence,
                updated: now,
                extra: Extra::new(),
            }),
        }
    }

    /// Disqualifies the account; refused without a reason.
    pub fn disqualify(&mut self, why: &str, now: DateTime<Utc>) -> Result<(), &'static str> {
        let why = why.trim();
        if why.is_empty() {
            return Err("say why the account is disqualified");
        }
        self.disqualified = Some(Disqualified {
            why: why.to_owned(),
            when: now,
            extra: Extra::new(),
        });
        Ok(())
    }

    /// Takes the account back in; false when it was not disqualified.
    pub fn requalify(&mut self) -> bool {
        self.disqualified.take().is_some()
    }

    /// True while the account is disqualified.
    pub fn is_disqualified(&self) -> bool {
        self.disqualified.is_some()
    }
}

/// The verdict of `fit` against `criteria`: outside on any "no", inside when every criterion
/// is "yes", else unknown (so with no criteria at all).
pub fn standing(criteria: &[Criterion], fit: &Fit) -> Standing {
    standing_of(criteria.iter().map(|c| fit.answer(&c.id)))
}

/// The verdict of the answers to every criterion, one each in any order: the rule of
/// [`standing`], for callers that keep answers without the rest of the fit (the list cache).
pub fn standing_of(answers: impl IntoIterator<Item = Answer>) -> Standing {
    let answers: Vec<Answer> = answers.into_iter().collect();
    if answers.contains(&Answer::No) {
        Standing::Outside
    } else if !answers.is_empty() && answers.iter().all(|&a| a == Answer::Yes) {
        Standing::Inside
    } else {
        Standing::Unknown
    }
}

/// The criteria `fit` answers `answer`, in the file's order.
pub fn answered<'a>(criteria: &'a [Criterion], fit: &Fit, answer: Answer) -> Vec<&'a Criterion> {
    criteria.iter().filter(|c| fit.answer(&c.id) == answer).collect()
}

/// What is wrong with the criteria as a whole: none, an empty question, one asked twice.
pub fn criteria_warnings(file: &SweetSpotFile) -> Vec<String> {
    let mut out = Vec::new();
    if file.criteria.is_empty() {
        out.push("no criteria: every account's fit is unknown".to_owned());
    }
    let mut seen = std::collections::HashSet::new();
    for c in &file.criteria {
        let q = c.question.trim();
        if q.is_empty() {
            out.push(format!("criterion {} has no question", c.id));
        } else if !seen.insert(q.to_lowercase()) {
            out.push(format!("“{q}” is asked twice"));
        }
    }
    out
}

/// The editable words of one answer: yes, no or unknown, and what it rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerForm {
    /// The answer.
    pub answer: Answer,
    /// The evidence, in a line or a few.
    pub evidence: String,
}

impl Form for AnswerForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::choice("answer", "Answer", |f| &f.answer, |f| &mut f.answer),
        Field::text(
            "evidence",
            "What it rests on (their site, a call, a report)",
            |f| &f.evidence,
            |f| &mut f.evidence,
        ),
    ];
}

impl AnswerForm {
    /// The form of `fit`'s answer to `criterion` (unknown and blank when never answered).
    pub fn of(fit: &Fit, criterion: &str) -> Self {
        fit.entry(criterion)
            .map_or_else(AnswerForm::default, |a| AnswerForm {
                answer: a.answer,
                evidence: a.evidence.clone(),
            })
    }

    /// Records the form as `fit`'s answer to `criterion`.
    pub fn apply(self, fit: &mut Fit, criterion: &str, now: DateTime<Utc>) {
        fit.set(criterion, self.answer, self.evidence.trim_end(), now);
    }
}

/// The editable words of a criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CriterionForm {
    /// The yes/no question; required.
    pub question: String,
}

impl Form for CriterionForm {
    const FIELDS: &'static [Field<Self>] = &[Field::title(
        "question",
        "A yes/no question a customer in the sweet spot answers yes",
        |f| &f.question,
        |f| &mut f.question,
    )];
}

impl CriterionForm {
    /// The form of `c`.
    pub fn of(c: &Criterion) -> Self {
        CriterionForm {
            question: c.question.clone(),
        }
    }

    /// Adds a criterion (`at` = `None`) or changes criterion `at`; returns its index. Its id
    /// stays, so the accounts' answers stay with it.
    pub fn apply(self, file: &mut SweetSpotFile, at: Option<usize>) -> Result<usize, EditError> {
        let before = at.and_then(|i| file.criteria.get(i)).map(CriterionForm::of);
        let form = self.tidied_against(before.as_ref())?;
        let i = match at {
            Some(i) if i < file.criteria.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                file.criteria.push(Criterion {
                    id: super::ItemId::generate().as_str().to_owned(),
                    question: String::new(),
                    extra: Extra::new(),
                });
                file.criteria.len() - 1
            }
        };
        file.criteria[i].question = form.question;
        Ok(i)
    }
}

/// Why an account is disqualified, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisqualifyForm {
    /// The reason; required.
    pub why: String,
}

impl Form for DisqualifyForm {
    const FIELDS: &'static [Field<Self>] = &[Field::title(
        "why",
        "Why walk away (what puts them outside)",
        |f| &f.why,
        |f| &mut f.why,
    )];
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
    }

    fn criteria() -> Vec<Criterion> {
        [
            "Do they run their own refrigerated fleet?",
            "Do they run more than 200 vehicles?",
        ]
        .iter()
        .enumerate()
        .map(|(i, q)| Criterion {
            id: format!("c{i}"),
            question: (*q).into(),
            extra: Extra::new(),
        })
        .collect()
    }

    #[test]
    fn one_no_is_outside_all_yes_inside_else_unknown() {
        let c = criteria();
        let mut fit = Fit::default();
        assert_eq!(standing(&c, &fit), Standing::Unknown);
        fit.set("c0", Answer::Yes, "340 reefer trailers on their site", at());
        assert_eq!(standing(&c, &fit), Standing::Unknown);
        fit.set("c1", Answer::Yes, "", at());
        assert_eq!(standing(&c, &fit), Standing::Inside);
        fit.set("c1", Answer::No, "60 vans, subcontracts the rest", at());
        assert_eq!(standing(&c, &fit), Standing::Outside);
        fit.set("c0", Answer::Unknown, "", at());
        assert_eq!(standing(&c, &fit), Standing::Outside, "a no outweighs an unknown");
        assert_eq!(standing(&[], &fit), Standing::Unknown, "no criteria, no verdict");
    }

    #[test]
    fn an_answer_to_a_criterion_no_longer_listed_counts_for_nothing() {
        let c = criteria();
        let mut fit = Fit::default();
        fit.set("gone", Answer::No, "", at());
        fit.set("c0", Answer::Yes, "", at());
        fit.set("c1", Answer::Yes, "", at());
        assert_eq!(standing(&c, &fit), Standing::Inside);
    }

    #[test]
    fn answering_again_keeps_one_entry_and_its_time_when_nothing_changed() {
        let mut fit = Fit::default();
        fit.set("c0", Answer::Yes, " their site ", at());
        let later = at() + chrono::Duration::days(1);
        fit.set("c0", Answer::Yes, "their site", later);
        assert_eq!(fit.answers.len(), 1);
        assert_eq!(fit.answers[0].updated, at());
        assert_eq!(fit.answers[0].evidence, "their site");
        fit.set("c0", Answer::No, "their site", later);
        assert_eq!(fit.answers[0].updated, later);
    }

    #[test]
    fn disqualifying_needs_a_reason_and_requalifying_undoes_it() {
        let mut fit = Fit::default();
        assert!(fit.disqualify("  ", at()).is_err());
        assert!(!fit.is_disqualified());
        fit.disqualify("Subcontracts all refrigerated loads", at())
            .unwrap();
        let d = fit.disqualified.as_ref().unwrap();
        assert_eq!(
            (d.why.as_str(), d.when),
            ("Subcontracts all refrigerated loads", at())
        );
        assert!(fit.requalify());
        assert!(!fit.requalify());
        assert!(!fit.is_disqualified());
    }

    #[test]
    fn the_criteria_list_warns_when_empty_blank_or_doubled() {
        let mut file = SweetSpotFile {
            schema: SWEET_SPOT_SCHEMA,
            criteria: Vec::new(),
            extra: Extra::new(),
        };
        assert!(criteria_warnings(&file)[0].contains("no criteria"));
        file.criteria = criteria();
        assert!(criteria_warnings(&file).is_empty());
        file.criteria[1].question = "do they run their own refrigerated fleet? ".into();
        assert!(criteria_warnings(&file)[0].contains("asked twice"));
        file.criteria[1].question = String::new();
        assert!(criteria_warnings(&file)[0].contains("no question"));
    }
}
