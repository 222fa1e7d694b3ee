//! Every key in help does something where help lists it: each binding of the keymap is
//! pressed in a state where its scope applies and its action has room to act, and the app
//! must change, ask for an effect, or say something. A binding that silently does nothing
//! fails here, so help can't promise what a key doesn't do.

mod support;

use callbook::app::keymap::{Binding, Scope};
use callbook::app::{Action, App, Screen, update};
use callbook::domain::turn::{Turn, TurnKind};
use callbook::domain::{Account, AccountId};
use callbook::storage::{Listing, Summary};
use ratatui::crossterm::event::KeyEvent;
use support::*;

/// The sample account with two plan questions and a rehearsable turn without follow-ups.
fn rich() -> App {
    let mut account = callbook::domain::sample::account(noon());
    account.turns.insert(
        0,
        Turn::new("How long would it take to set up?", TurnKind::Question, noon()),
    );
    let mut app = app_with(account);
    update(&mut app, Action::Resize(100, 30));
    press(&mut app, "2<Tab><Enter>j<Enter><Tab>1");
    app
}

/// A picker with two accounts.
fn picker() -> App {
    let listed = |name: &str, id: &str| {
        Listing::Ok(Summary::of(
            AccountId::parse(id).unwrap(),
            &Account::new(name, noon()),
        ))
    };
    let mut app = App::new(
        vec![
            listed("Harbor Mills", "harbor-abc123"),
            listed("Keighley Co", "keighley-abc123"),
        ],
        noon,
    );
    update(&mut app, Action::Resize(100, 30));
    app
}

/// Team files with two offerings and two criteria.
fn team() -> callbook::domain::team::Team {
    team_of(
        &[
            ("o0", "Live trailer temperatures"),
            ("o1", "Audit-ready load records"),
        ],
        &[("c0", "Question 0?"), ("c1", "Question 1?")],
    )
}

/// A team report of two accounts, the sample (which scores) and a new one.
fn report() -> callbook::app::report::TeamReport {
    use callbook::app::report::{ReportRow, TeamReport};
    let row = |account: Account, id: &str| ReportRow {
        id: AccountId::parse(id).unwrap(),
        name: account.name.clone(),
        card: callbook::domain::scorecard::scorecard(&account, &Default::default(), noon()),
        open_comments: 0,
    };
    TeamReport::new(
        vec![
            row(callbook::domain::sample::account(noon()), "sample-abc123"),
            row(Account::new("Keighley Co", noon()), "keighley-abc123"),
        ],
        0,
    )
}

/// A state where `scope` applies, with room for `action` (rows above and below, text
/// typed, a question asked, a detail long enough to scroll, already scrolled to go back).
fn state_for(scope: Scope, action: &Action) -> App {
    let mut app = match scope {
        Scope::Picker | Scope::Prompt | Scope::Report | Scope::Team => picker(),
        _ => rich(),
    };
    if scope == Scope::Team {
        // Two of each, so moving, editing and deleting all have something to act on.
        app.team = team();
    }
    if scope == Scope::Screen(Screen::Fit) {
        // The sample's criteria and offerings, which its answers and scenarios name.
        app.team = callbook::domain::team::Team {
            offerings: callbook::domain::sample::offerings(),
            sweet_spot: callbook::domain::sample::sweet_spot(),
        };
    }
    let keys = match scope {
        Scope::Screen(Screen::World) | Scope::Workbook | Scope::Global => "jaMid<C-s>k",
        Scope::Screen(Screen::Questions) => "2j",
        Scope::Screen(Screen::Rehearse) => "3j",
        Scope::Screen(Screen::Call) => "4j<Tab>j",
        Scope::Screen(Screen::Review) => "5j",
        // The scenarios' keys act on a selected scenario, below the criteria.
        Scope::Screen(Screen::Fit)
            if matches!(
                action,
                Action::People | Action::Offering | Action::ToTurn | Action::ToSheet | Action::Delete
            ) =>
        {
            "6<Tab>"
        }
        Scope::Screen(Screen::Fit) => "6",
        Scope::Sheet => "4<Tab>",
        Scope::Picker => "j",
        Scope::Team => "o",
        Scope::Prompt => "nName",
        Scope::Filter => "/",
        Scope::Editor => "ax",
        Scope::Confirm => "ax<Esc>",
        Scope::Choose => "2l",
        Scope::Help => "?j",
        Scope::Answer => "3<Enter>",
        Scope::Grade => "3<Enter>What would it change?<C-s>",
        Scope::Flip => "3<Enter>What would it change?<C-s>f",
        Scope::Done => "3<Enter>What would it change?<C-s>3",
        Scope::TooSmall | Scope::Report | Scope::Recovered => "",
    };
    press(&mut app, keys);
    if scope == Scope::Recovered {
        app.overlay = Some(callbook::app::Overlay::Recovered(Box::new(
            callbook::app::recovery::Recovered {
                when: noon(),
                why: "the terminal was closed (SIGHUP)".into(),
                account: Some("acme-abc123".into()),
                what: "the Goals editor".into(),
                pane: Some("goals".into()),
                fields: vec![("Text".into(), "Kept goal".into())],
            },
        )));
    }
    match action {
        Action::PageUp | Action::PageDown if scope == Scope::Workbook => {
            // A terminal of the least size, so the selected entry's detail overflows.
            update(&mut app, Action::Resize(80, 24));
            if *action == Action::PageUp {
                update(&mut app, Action::PageDown);
            }
        }
        Action::PageUp => drop(update(&mut app, Action::PageDown)),
        Action::Up | Action::MoveUp | Action::Top => drop(update(&mut app, Action::Down)),
        _ => {}
    }
    if scope == Scope::Sheet {
        press(&mut app, "v");
    }
    if scope == Scope::Report {
        app.picker.report = Some(report());
    }
    if scope == Scope::TooSmall {
        update(&mut app, Action::Resize(40, 10));
    }
    app
}

/// What a key press can change, as text: the whole app state and the effects asked for.
fn fingerprint(app: &App) -> String {
    format!("{app:?}")
}

fn pressed(app: &mut App, b: &Binding) -> Vec<callbook::app::Effect> {
    let key = KeyEvent::new(b.key.code, b.key.mods);
    match callbook::app::keymap::action_for_key(app, key) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

#[test]
fn every_binding_does_something_where_help_lists_it() {
    let mut silent = Vec::new();
    let bindings: Vec<Binding> = callbook::app::Keymap::default().bindings().to_vec();
    for b in &bindings {
        let mut app = state_for(b.scope, &b.action);
        if !app.scopes().contains(&b.scope) {
            silent.push(format!("{:?} isn't in force in the state made for it", b.scope));
            continue;
        }
        // A more specific scope may bind the same key to something else; that binding is
        // the one that acts, and is checked on its own.
        let first = app
            .keys
            .action_for_key(&app.scopes(), KeyEvent::new(b.key.code, b.key.mods));
        if first.as_ref() != Some(&b.action) {
            continue;
        }
        let before = fingerprint(&app);
        let effects = pressed(&mut app, b);
        if effects.is_empty() && fingerprint(&app) == before {
            silent.push(format!(
                "{:?} {:?} ({}): nothing happened",
                b.scope, b.key.code, b.help
            ));
        }
    }
    assert!(
        silent.is_empty(),
        "bindings that silently do nothing:\n{}",
        silent.join("\n")
    );
}

#[test]
fn the_walk_notices_a_key_that_does_nothing() {
    // Up on the first row of the picker changes nothing and says nothing: the walk above
    // would report it, which is why it stands one row down before pressing.
    let mut app = picker();
    let before = fingerprint(&app);
    let up = callbook::app::Keymap::default()
        .bindings()
        .iter()
        .find(|b| b.scope == Scope::Global && b.action == Action::Up)
        .cloned()
        .unwrap();
    assert!(pressed(&mut app, &up).is_empty());
    assert_eq!(fingerprint(&app), before);
}
