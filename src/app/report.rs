//! The team report as a screen of the picker: every account's scorecard side by side, worst
//! first (or by name), Enter opening the account in review mode. The rows are read by the
//! effects runner (`Effect::Report`); this holds them and moves through them. Disqualified
//! accounts are not among the rows: the report counts them, as it counts damaged files.

use super::{Action, App, Effect, Scope};
use crate::domain::AccountId;
use crate::domain::scorecard::{Scorecard, Verdict};

/// One account of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRow {
    /// The account.
    pub id: AccountId,
    /// Its name.
    pub name: String,
    /// Its scorecard.
    pub card: Scorecard,
    /// Its open comments.
    pub open_comments: usize,
}

/// The report, as the picker shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamReport {
    /// The accounts, in the order shown.
    pub rows: Vec<ReportRow>,
    /// The selected row.
    pub selected: usize,
    /// Sorted by name rather than worst first.
    pub by_name: bool,
    /// Account files that could not be read (the picker's list names them).
    pub damaged: usize,
    /// Disqualified accounts, left out of the rows.
    pub disqualified: usize,
}

impl TeamReport {
    /// A report of `rows`, worst first, and how many files could not be read.
    pub fn new(rows: Vec<ReportRow>, damaged: usize) -> Self {
        let mut report = TeamReport {
            rows,
            selected: 0,
            by_name: false,
            damaged,
            disqualified: 0,
        };
        report.sort();
        report
    }

    /// Puts the rows by name, or worst first; the selected account stays selected.
    pub fn set_order(&mut self, by_name: bool) {
        let id = self.rows.get(self.selected).map(|r| r.id.clone());
        self.by_name = by_name;
        self.sort();
        self.select(id.as_ref());
    }

    /// Selects the row of `id`, or the first row when it isn't there.
    pub fn select(&mut self, id: Option<&AccountId>) {
        self.selected = self.rows.iter().position(|r| Some(&r.id) == id).unwrap_or(0);
    }

    /// Sorts worst first as `callbook report` does, or by name then id.
    fn sort(&mut self) {
        if self.by_name {
            self.rows
                .sort_by_cached_key(|r| (r.name.to_lowercase(), r.id.to_string()));
        } else {
            self.rows
                .sort_by_cached_key(|r| r.card.worst_first(&r.name, &r.id.to_string()));
        }
    }
}

/// The marks of a row's checks, one each, in the rubric's order.
pub fn marks(card: &Scorecard) -> String {
    card.checks
        .iter()
        .map(|c| match c.verdict {
            Verdict::Pass => '✓',
            Verdict::Fail => '✗',
            Verdict::NotTested => '·',
        })
        .collect()
}

/// Handles an action while the report shows; `None` when it is not the report's.
pub(super) fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let report = app.picker.report.as_mut()?;
    let last = report.rows.len().saturating_sub(1);
    match action {
        Action::Up | Action::ScrollUp(..) => report.selected = report.selected.saturating_sub(1),
        Action::Down | Action::ScrollDown(..) => report.selected = (report.selected + 1).min(last),
        Action::Top => report.selected = 0,
        Action::Bottom => report.selected = last,
        Action::CycleStatus => {
            report.set_order(!report.by_name);
            let by = if report.by_name { "by name" } else { "worst first" };
            app.say(format!("The report, {by}"));
        }
        Action::Edit => {
            let Some(row) = report.rows.get(report.selected) else {
                let back = app.key(Scope::Report, Action::Back);
                app.say(format!("No account to open ({back} goes back to the accounts)"));
                return Some(Vec::new());
            };
            let id = row.id.clone();
            app.review_next = true;
            return Some(vec![Effect::Open(id)]);
        }
        Action::Back | Action::Report => {
            app.picker.report = None;
            app.say("Back to the accounts");
        }
        Action::Search => {
            // The report has no filter of its own: `/` filters the accounts' list instead.
            app.picker.report = None;
            app.picker.filter.active = true;
        }
        Action::Quit => return Some(vec![Effect::Quit]),
        Action::Help => app.overlay = Some(super::Overlay::Help(0)),
        _ => {
            let back = app.key(Scope::Report, Action::Back);
            app.say(format!(
                "That key is not for the report ({back} goes back to the accounts)"
            ));
        }
    }
    Some(Vec::new())
}
