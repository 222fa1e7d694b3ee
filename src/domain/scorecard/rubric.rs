//! The rubric's words, in one place: each check's id, its title, and what it checks in one
//! plain sentence. README.md's "The scorecard" section lists the same words (a test
//! holds it to them); the rules that apply them are the parent's `JUDGES`, in this order.

/// The rubric, in order: id, title, and what it checks in one plain sentence. The one place
/// its wording lives; README.md documents the same words.
pub const RUBRIC: &[(&str, &str, &str)] = &TABLE;

/// The rubric as an array, so the rules' table in the parent has the same length.
pub(super) const TABLE: [(&str, &str, &str); 12] = [
    (
        "world-covered",
        "The customer's world is covered",
        "Goals, threats, competitors, market, people and why change each have an entry, and every \
         goal and threat says more than one word.",
    ),
    (
        "why-change",
        "Why change is known",
        "They have at least one reason to change, and one of them names a cost (a word such as cost, \
         lose, penalty or claims, or a sum of money) or what doing nothing would mean.",
    ),
    (
        "decision-maker",
        "A business decision maker is known",
        "Their people include an economic buyer or a decision maker, and every person's role in \
         the decision is known.",
    ),
    (
        "objective",
        "The next call's objective is their step",
        "The next planned call has an objective that reads as a step the customer takes, not \
         something we do, a topic or a feeling.",
    ),
    (
        "agenda",
        "The plan is questions, 11 to 14 of them",
        "The linter reads every planned question as a question (not an opinion, a leading line \
         or a statement), and the plan holds 11 to 14 of them.",
    ),
    (
        "coverage",
        "Every question serves their world",
        "Every planned question is linked to an item of their world that is still there, and \
         every high-priority item has a question linked to it.",
    ),
    (
        "rehearsed",
        "The turns are rehearsed",
        "Every anticipated turn was rehearsed at least once, none fell due on an earlier day, \
         and each turn's latest attempt passed more than half of its checks.",
    ),
    (
        "journey",
        "Their journey has evidence and an owner",
        "The journey's stage rests on an item or on their own words, and their next open task \
         (the soonest due) is owned by one of their people.",
    ),
    (
        "debrief",
        "The last call was debriefed",
        "The latest call that has started has a debrief, and the debrief notes what changed in \
         their world or an answer heard on the call is kept in someone's own words.",
    ),
    (
        "fresh",
        "Nothing in their world is stale",
        "No item or person of their world will have gone more than 60 days without an update by \
         the next planned call (by now, when none is planned).",
    ),
    (
        "sweet-spot",
        "The account is inside the sweet spot",
        "Every one of the team's sweet-spot criteria is answered yes; a no puts the account \
         outside, and while any criterion is unknown this is not tested.",
    ),
    (
        "scenarios",
        "Every high-priority goal has a usage scenario",
        "Each high-priority goal has a complete scenario: one of their people or a role uses an \
         offering to do something, with a measurable result for that goal, in their words, not ours.",
    ),
];
