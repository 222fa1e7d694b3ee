//! What the team offers, kept small and apart from the accounts: a short list of capabilities
//! in `offerings.json` at the top of the data folder, each described by the problem it solves
//! for a customer rather than by its features. The linter reads the descriptions like any
//! line the rep writes, and a description that reads as a feature list is named.

use super::account::Extra;
use super::form::{EditError, Field, Form};
use super::lint::{Kind, Rule, lint};
use serde::{Deserialize, Serialize};

/// The offerings file format version this build writes.
pub const OFFERINGS_SCHEMA: u32 = 1;

/// Above this many offerings the list warns: a sweet spot is a few things done best.
pub const MANY: usize = 12;

/// One capability, by the customer's problem it solves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offering {
    /// Stable id.
    pub id: String,
    /// A short name the team uses ("Live trailer temperatures").
    pub name: String,
    /// The customer's problem it solves, in their terms ("Loads spoil before anyone knows
    /// a unit has failed").
    #[serde(default)]
    pub problem: String,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The offerings file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfferingsFile {
    /// File format version; see [`OFFERINGS_SCHEMA`].
    pub schema: u32,
    /// The offerings, in order.
    #[serde(default)]
    pub offerings: Vec<Offering>,
    /// Unknown fields, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Words that give a feature list away: what the thing has, not what it solves.
const FEATURE_WORDS: [&str; 10] = [
    "features",
    "feature",
    "includes",
    "including",
    "comes with",
    "module",
    "modules",
    "integrations",
    "dashboards",
    "api",
];

/// What is wrong with one offering's description, in words; empty when nothing is.
pub fn concerns(o: &Offering) -> Vec<String> {
    let mut out = Vec::new();
    let problem = o.problem.trim();
    if problem.is_empty() {
        out.push("no problem described: say what it solves for a customer".to_owned());
        return out;
    }
    if feature_list(problem) {
        out.push("reads as a feature list: say the customer's problem it solves".to_owned());
    }
    let l = lint(problem, None);
    let flagged: Vec<String> = l
        .flags
        .iter()
        .filter(|f| {
            matches!(
                f.rule,
                Rule::Buzzword | Rule::Superlative | Rule::SellerCentric | Rule::Pitch | Rule::Assurance
            )
        })
        .map(|f| format!("{} “{}”", f.rule.name(), f.text(problem)))
        .collect();
    if !flagged.is_empty() {
        out.push(format!("our language, not theirs: {}", flagged.join(", ")));
    } else if l.kind == Kind::Opinion {
        out.push("an opinion, not their problem".to_owned());
    }
    out
}

/// True when `text` is mostly a list of short things (three or more, split by commas,
/// "and" or slashes) or names what the product has ("includes", "features", "module").
pub(crate) fn feature_list(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let named = FEATURE_WORDS.iter().any(|f| {
        let parts: Vec<&str> = f.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    });
    let pieces: Vec<&str> = lower
        .split([',', '/', ';', '+'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let short = pieces
        .iter()
        .filter(|p| p.split_whitespace().count() <= 3)
        .count();
    named || (pieces.len() >= 3 && short * 3 >= pieces.len() * 2)
}

/// What is wrong with the list as a whole: too many offerings, names used twice.
pub fn list_warnings(file: &OfferingsFile) -> Vec<String> {
    let mut out = Vec::new();
    let n = file.offerings.len();
    if n > MANY {
        out.push(format!(
            "{n} offerings: more than {MANY} is no sweet spot; keep the few the team is best at"
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for o in &file.offerings {
        let key = o.name.trim().to_lowercase();
        if !seen.insert(key) {
            out.push(format!("“{}” is listed twice", o.name.trim()));
        }
    }
    out
}

/// The editable words of an offering.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfferingForm {
    /// The short name the team uses; required.
    pub name: String,
    /// The customer's problem it solves.
    pub problem: String,
}

impl Form for OfferingForm {
    const FIELDS: &'static [Field<Self>] = &[
        Field::title(
            "name",
            "Name (what the team calls it)",
            |f| &f.name,
            |f| &mut f.name,
        ),
        Field::text(
            "problem",
            "The customer's problem it solves, in their terms",
            |f| &f.problem,
            |f| &mut f.problem,
        ),
    ];
}

impl From<&Offering> for OfferingForm {
    fn from(o: &Offering) -> Self {
        OfferingForm {
            name: o.name.clone(),
            problem: o.problem.clone(),
        }
    }
}

impl OfferingForm {
    /// Adds an offering (`at` = `None`) or changes offering `at`; returns its index. A name
    /// another offering has (ignoring case) is refused.
    pub fn apply(self, file: &mut OfferingsFile, at: Option<usize>) -> Result<usize, EditError> {
        let before = at.and_then(|i| file.offerings.get(i)).map(OfferingForm::from);
        let form = self.tidied_against(before.as_ref())?;
        let taken = file
            .offerings
            .iter()
            .enumerate()
            .any(|(i, o)| Some(i) != at && o.name.trim().eq_ignore_ascii_case(form.name.trim()));
        if taken {
            return Err(EditError::Taken(form.name));
        }
        let i = match at {
            Some(i) if i < file.offerings.len() => i,
            Some(_) => return Err(EditError::NoSuchEntry),
            None => {
                file.offerings.push(Offering {
                    id: crate::domain::ItemId::generate().as_str().to_owned(),
                    name: String::new(),
                    problem: String::new(),
                    extra: Extra::new(),
                });
                file.offerings.len() - 1
            }
        };
        let o = &mut file.offerings[i];
        (o.name, o.problem) = (form.name, form.problem);
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offering(problem: &str) -> Offering {
        Offering {
            id: "o1".into(),
            name: "Live trailer temperatures".into(),
            problem: problem.into(),
            extra: Extra::default(),
        }
    }

    #[test]
    fn a_problem_in_the_customers_terms_passes() {
        for problem in [
            "Loads spoil before anyone knows a refrigeration unit has failed.",
            "Dispatchers find out about late deliveries from the customer's complaint.",
            "Auditors ask for a temperature record per load that takes days to pull together.",
        ] {
            assert!(
                concerns(&offering(problem)).is_empty(),
                "{problem}: {:?}",
                concerns(&offering(problem))
            );
        }
    }

    #[test]
    fn feature_lists_buzzwords_and_boasts_are_named() {
        let cases = [
            ("Dashboards, alerts, SSO, reporting and an API", "feature list"),
            ("Includes a mobile app and GPS tracking", "feature list"),
            ("A seamless, AI-powered platform for cold chains", "our language"),
            ("The industry-leading telematics solution", "our language"),
            ("", "no problem described"),
        ];
        for (problem, expected) in cases {
            let found = concerns(&offering(problem));
            assert!(
                found.iter().any(|c| c.contains(expected)),
                "{problem:?}: {found:?}"
            );
        }
    }

    #[test]
    fn a_long_list_or_a_name_twice_warns() {
        let mut file = OfferingsFile {
            schema: OFFERINGS_SCHEMA,
            ..OfferingsFile::default()
        };
        for i in 0..=MANY {
            let mut o = offering("Loads spoil unseen.");
            o.name = format!("Offering {i}");
            file.offerings.push(o);
        }
        assert!(list_warnings(&file)[0].contains("no sweet spot"));
        file.offerings.truncate(2);
        assert!(list_warnings(&file).is_empty());
        file.offerings[1].name = "offering 0 ".into();
        assert!(list_warnings(&file)[0].contains("listed twice"));
    }
}
