//! The verdict in words, as `callbook fit`, the exports and the lists say it: one line a rep
//! can read aloud, naming the criteria that put the account outside or leave it unknown.

use super::{Answer, Criterion, Fit, Standing, answered, standing};

/// The verdict of `fit` against `criteria` in one line: "Inside the sweet spot", "Outside
/// the sweet spot: no to “…”, “…”", "Unknown: 2 criteria not answered", or, with no
/// criteria at all, "Unknown: the team has no sweet-spot criteria yet".
pub fn verdict(criteria: &[Criterion], fit: &Fit) -> String {
    match standing(criteria, fit) {
        Standing::Inside => "Inside the sweet spot".to_owned(),
        Standing::Outside => {
            let noes: Vec<String> = answered(criteria, fit, Answer::No)
                .iter()
                .map(|c| format!("“{}”", c.question.trim()))
                .collect();
            format!("Outside the sweet spot: no to {}", noes.join(", "))
        }
        Standing::Unknown if criteria.is_empty() => {
            "Unknown: the team has no sweet-spot criteria yet".to_owned()
        }
        Standing::Unknown => match answered(criteria, fit, Answer::Unknown).len() {
            1 => "Unknown: 1 criterion not answered".to_owned(),
            n => format!("Unknown: {n} criteria not answered"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Extra;
    use chrono::{DateTime, Utc};

    fn criterion(id: &str, question: &str) -> Criterion {
        Criterion {
            id: id.into(),
            question: question.into(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn each_standing_reads_as_a_line_naming_what_decided_it() {
        let at = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let c = [
            criterion("fleet", "Do they run their own refrigerated fleet?"),
            criterion("size", "Do they run more than 200 vehicles?"),
        ];
        let mut fit = Fit::default();
        assert_eq!(verdict(&c, &fit), "Unknown: 2 criteria not answered");
        fit.set("fleet", Answer::Yes, "410 reefer trailers", at);
        assert_eq!(verdict(&c, &fit), "Unknown: 1 criterion not answered");
        fit.set("size", Answer::No, "60 vans", at);
        assert_eq!(
            verdict(&c, &fit),
            "Outside the sweet spot: no to “Do they run more than 200 vehicles?”"
        );
        fit.set("size", Answer::Yes, "240 tractors", at);
        assert_eq!(verdict(&c, &fit), "Inside the sweet spot");
        assert!(verdict(&[], &fit).contains("no sweet-spot criteria"));
    }
}
