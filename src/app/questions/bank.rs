//! The question bank as the app holds it (built-in questions, then the user's own) and the
//! questions screen's bank actions: saving a plan question to the user's bank, removing one.

use super::{QuestionsState, described};
use crate::app::context::Ctx;
use crate::app::{Action, Effect, Scope, Screen};
use crate::domain::bank::{self, BankFile, BankQuestion, Category};
use crate::domain::lint::lint;
use crate::domain::plan;
use crate::domain::text::first_line;
use crate::domain::{ItemId, Pane};

/// The bank as the app holds it: the built-in questions, then the user's own.
#[derive(Clone, Debug)]
pub struct Bank {
    /// Every question, built-in first.
    pub questions: Vec<BankQuestion>,
    /// How many of `questions` are built in.
    pub builtin: usize,
    /// The user's own questions, as saved in `bank.json`.
    pub mine: BankFile,
    /// Counts changes, so the ranking knows when to refresh.
    pub revision: u64,
}

impl Default for Bank {
    fn default() -> Self {
        Bank::new(BankFile {
            schema: bank::BANK_SCHEMA,
            ..BankFile::default()
        })
    }
}

impl Bank {
    /// The built-in bank plus the user's own questions.
    pub fn new(mine: BankFile) -> Self {
        let mut questions = bank::builtin().questions;
        let builtin = questions.len();
        questions.extend(mine.questions.iter().cloned());
        Bank {
            questions,
            builtin,
            mine,
            revision: 0,
        }
    }

    /// True when question `i` is the user's own.
    pub fn is_mine(&self, i: usize) -> bool {
        i >= self.builtin
    }

    /// Takes the user's bank file as read from the data folder, keeping the built-in part
    /// (parsed once, when the app started).
    pub fn load_mine(&mut self, file: BankFile) {
        let questions = file.questions.clone();
        self.mine = file;
        self.set_mine(questions);
    }

    pub(super) fn set_mine(&mut self, mine: Vec<BankQuestion>) {
        self.questions.truncate(self.builtin);
        self.questions.extend(mine.iter().cloned());
        self.mine.questions = mine;
        self.revision += 1;
    }
}

/// `b` on a plan question: it joins the user's own bank, classified by the linter.
pub(in crate::app) fn save_to_bank(cx: &mut Ctx, q: &QuestionsState, bank: &mut Bank) {
    let account = &cx.doc.account;
    let Some(question) = q.current_question().map(|i| &account.questions[i]) else {
        return;
    };
    if bank
        .questions
        .iter()
        .any(|b| b.text.trim().eq_ignore_ascii_case(question.text.trim()))
    {
        return cx.say("That question is in the bank already");
    }
    let verdict = lint(&question.text, None);
    if verdict.is_concern() {
        return cx.fail(format!(
            "Not added to the bank: it reads as {}",
            described(verdict.kind)
        ));
    }
    let pane = plan::first_link(account, question).map(|(p, _)| p);
    let new = BankQuestion {
        id: format!("u{}", ItemId::generate()),
        text: question.text.clone(),
        category: pane.map_or(Category::NextStep, category_of),
        pane,
        spin: verdict.spin.unwrap_or(bank::Spin::Situation),
        open: verdict.open.unwrap_or(true),
        extra: Default::default(),
    };
    let mut mine = bank.mine.questions.clone();
    mine.push(new);
    bank.set_mine(mine);
    cx.say("Added to your bank (bank.json)");
    cx.effects.push(Effect::SaveBank);
}

fn category_of(pane: Pane) -> Category {
    match pane {
        Pane::Goals => Category::GoalsAndVision,
        Pane::Threats => Category::ThreatsAndRisks,
        Pane::Competitors => Category::Competitors,
        Pane::Market => Category::MarketConditions,
        Pane::People => Category::PeopleAndProcess,
        Pane::WhyChange => Category::WhyChange,
    }
}

/// `d` on the bank: the user's own questions can be removed; built-in ones can't.
pub(in crate::app) fn delete_mine(cx: &mut Ctx, q: &QuestionsState, bank: &mut Bank) {
    let Some(s) = q.current_suggestion() else { return };
    if !bank.is_mine(s.bank) {
        let save = cx.key(Scope::Screen(Screen::Questions), Action::SaveToBank);
        return cx.say(format!(
            "Built-in questions can't be deleted; your own (added with {save}) can"
        ));
    }
    let mut mine = bank.mine.questions.clone();
    let removed = mine.remove(s.bank - bank.builtin);
    bank.set_mine(mine);
    cx.say(format!(
        "Removed \"{}\" from your bank",
        first_line(&removed.text)
    ));
    cx.effects.push(Effect::SaveBank);
}
