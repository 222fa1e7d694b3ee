//! The screen table: the screens of a workbook, in tab order. Tab titles, digit keys (the
//! n-th screen is digit n), help headings, hints and dispatch all come from here, so a new
//! screen is one variant, and the compiler's exhaustive matches name everything it needs.

use super::Action;
use strum::{EnumIter, IntoEnumIterator};

/// The screens of a workbook, in tab order; digits switch between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Screen {
    /// 1: the customer's world.
    #[default]
    World,
    /// 2: the question plan beside the bank.
    Questions,
    /// 3: the anticipated turns, and rehearsing them.
    Rehearse,
    /// 4: the customer's journey and their tasks, the calls: plans, sheets, debriefs.
    Call,
    /// 5: the scorecard and the comments, for a coach's review.
    Review,
    /// 6: the fit: the sweet spot's criteria answered, and how they would use us.
    Fit,
}

impl Screen {
    /// Every screen, in tab order.
    pub fn all() -> impl Iterator<Item = Screen> {
        Screen::iter()
    }

    /// The screen's number, the digit that shows it (1-based, in tab order).
    pub fn number(self) -> u8 {
        let at = Screen::all().position(|s| s == self).unwrap_or(0);
        u8::try_from(at + 1).unwrap_or(u8::MAX)
    }

    /// The screen a digit names (1-based).
    pub fn from_number(n: u8) -> Option<Screen> {
        Screen::all().nth(usize::from(n).checked_sub(1)?)
    }

    /// What to tell the user on arriving at the screen; `key` names the key that does an
    /// action on it (the keymap's reverse lookup).
    pub fn hint(self, key: impl Fn(Action) -> String) -> String {
        match self {
            Screen::World => format!(
                "{} moves between panes, {} adds, {} shows their profile, {} every key",
                key(Action::NextPane),
                key(Action::Add),
                key(Action::Profile),
                key(Action::Help)
            ),
            Screen::Questions => format!(
                "{} switches between plan and bank; {} on the bank adds to the plan",
                key(Action::NextPane),
                key(Action::Edit)
            ),
            Screen::Rehearse => format!(
                "{} rehearses the due turns, {} the selected one; {} suggests turns",
                key(Action::RehearseDue),
                key(Action::RehearseOne),
                key(Action::Suggest)
            ),
            Screen::Call => format!(
                "{} says where they stand, {} adds a task or a call, {} shows the call sheet",
                key(Action::Journey),
                key(Action::Add),
                key(Action::Sheet)
            ),
            Screen::Review => format!(
                "{} goes where a check is fixed or a comment belongs; {} comments, {} resolves",
                key(Action::Edit),
                key(Action::Comment),
                key(Action::Resolve)
            ),
            Screen::Fit => format!(
                "{} answers a criterion yes/no/unknown, {} writes how they'd use us, {} disqualifies",
                key(Action::CycleStatus),
                key(Action::Add),
                key(Action::Disqualify)
            ),
        }
    }

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Screen::World => "World",
            Screen::Questions => "Questions",
            Screen::Rehearse => "Rehearse",
            Screen::Call => "Call",
            Screen::Review => "Review",
            Screen::Fit => "Fit",
        }
    }

    /// What the screen's digit does, in help ("the customer's world").
    pub fn name(self) -> &'static str {
        match self {
            Screen::World => "the customer's world",
            Screen::Questions => "questions",
            Screen::Rehearse => "rehearse",
            Screen::Call => "the call and their journey",
            Screen::Review => "review: the scorecard and comments",
            Screen::Fit => "fit: the sweet spot and how they'd use us",
        }
    }

    /// The heading of the screen's section in help (its number follows).
    pub fn heading(self) -> &'static str {
        match self {
            Screen::World => "The customer's world",
            Screen::Questions => "Questions",
            Screen::Rehearse => "Rehearse",
            Screen::Call => "The call and their journey",
            Screen::Review => "Review: the scorecard and comments",
            Screen::Fit => "Fit: the sweet spot and how they'd use us",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_tab_order_both_ways() {
        let all: Vec<Screen> = Screen::all().collect();
        assert_eq!(all.first(), Some(&Screen::World));
        for (i, s) in all.iter().enumerate() {
            assert_eq!(usize::from(s.number()), i + 1);
            assert_eq!(Screen::from_number(s.number()), Some(*s));
        }
        assert_eq!(Screen::from_number(0), None);
        assert_eq!(Screen::from_number(u8::try_from(all.len() + 1).unwrap()), None);
    }
}
