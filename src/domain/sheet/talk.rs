//! Talking points: the usage scenarios the rep put on the sheet, each as its sentence (how
//! one of their people would use what we offer to reach a goal of theirs).

use super::line;
use crate::domain::account::Account;
use crate::domain::offering::Offering;

/// The sentences of the scenarios marked for the sheet, in the account's order.
pub(super) fn points(account: &Account, offerings: &[Offering]) -> Vec<String> {
    account
        .scenarios
        .iter()
        .filter(|s| s.on_sheet)
        .map(|s| line(&s.sentence(account, offerings)))
        .collect()
}
