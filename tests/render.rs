//! View snapshots on ratatui's `TestBackend`: each screen and popup, drawn from a known
//! state. Review changes with `cargo insta review`.

mod support;

use callbook::app::{Action, App, update};
use callbook::domain::{Account, AccountId, Item, sample};
use callbook::storage::{Listing, StoreError, Summary};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::*;

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| callbook::ui::render(frame, app)).unwrap();
    terminal
}

/// The screen as text, one line per row; the cells a wide character covers are skipped,
/// so each line is as wide on a terminal as the buffer.
fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    let mut lines = Vec::new();
    for row in buffer.content.chunks(width) {
        let (mut line, mut skip) = (String::new(), 0);
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width(cell.symbol()).saturating_sub(1);
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn listed(name: &str, id: &str) -> Listing {
    Listing::Ok(Summary::of(
        AccountId::parse(id).unwrap(),
        &Account::new(name, noon()),
    ))
}

#[test]
fn picker_offers_the_sample_when_empty() {
    let mut app = empty_app();
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn picker_lists_accounts_and_flags_damaged_files() {
    let damaged = StoreError::Damaged {
        path: "/data/accounts/broken-x1y2z3.json".into(),
        line: 3,
        column: 14,
        message: "expected `,` or `}`".into(),
    };
    let mut sample_summary = Summary::of(
        AccountId::parse("ashcombe-abc123").unwrap(),
        &sample::account(noon()),
    );
    sample_summary.updated = noon();
    let listing = vec![
        listed("Harbor Mills", "harbor-mills-k3j4h5"),
        Listing::Ok(sample_summary),
        Listing::Damaged {
            stem: "broken-x1y2z3".into(),
            error: damaged,
        },
    ];
    let mut app = App::new(listing, noon);
    press(&mut app, "G");
    let terminal = draw(&mut app, 80, 24);
    let text = screen(&terminal);
    assert!(
        text.contains("Harbor Mills") && text.contains("line 3, column 14"),
        "{text}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn world_at_the_minimum_size() {
    let mut app = sample_app();
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn world_on_a_wide_terminal_with_a_person_selected() {
    let mut app = sample_app();
    press(&mut app, "<Tab><Tab><Tab><Tab>j");
    let terminal = draw(&mut app, 120, 40);
    let person = &app.workbook.as_ref().unwrap().doc.account.people[1];
    assert!(screen(&terminal).contains(&person.name));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn empty_account_prompts_for_the_customer_world() {
    let mut app = acme_app();
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn editor_popup() {
    let mut app = acme_app();
    press(
        &mut app,
        "aCut cost per load<Tab>They said freight is<Enter>their second-biggest cost",
    );
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = sample_app();
    press(&mut app, "?");
    let terminal = draw(&mut app, 80, 24);
    let text = screen(&terminal);
    for words in ["The customer's world", "undo", "J", "save and quit"] {
        assert!(text.contains(words), "help lacks {words}:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
    let found = (0..200).any(|_| {
        press(&mut app, "j");
        let text = screen(&draw(&mut app, 80, 24));
        text.contains("Ctrl-s") && text.contains("Editor")
    });
    assert!(found, "scrolling help never showed the editor keys");
    press(&mut app, &"j".repeat(200));
    let text = screen(&draw(&mut app, 80, 24));
    assert!(
        text.contains("Mouse: click"),
        "help should stop at its last line:\n{text}"
    );
}

#[test]
fn too_small_says_so() {
    let mut app = sample_app();
    let terminal = draw(&mut app, 60, 20);
    assert!(screen(&terminal).contains("60x20"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn new_account_prompt_and_discard_question() {
    let mut app = empty_app();
    press(&mut app, "nNorth");
    insta::assert_snapshot!("new_account_prompt", draw(&mut app, 80, 24).backend());
    let mut app = acme_app();
    press(&mut app, "adraft<Esc>");
    insta::assert_snapshot!("discard_question", draw(&mut app, 80, 24).backend());
}

#[test]
fn wide_text_and_escapes_keep_the_borders() {
    let mut account = Account::new("寿司 Sushi 🍣 Co", noon());
    let mut item = Item::new(
        "拡大する 🚚🚚🚚 expansion into 東北 with \u{1b}[31mred\u{1b}[0m text",
        noon(),
    );
    item.notes = "beep\u{7} and a\r\ncarriage return".into();
    account.world.goals.push(item);
    let mut app = app_with(account);
    let terminal = draw(&mut app, 80, 24);
    let text = screen(&terminal);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control characters drawn:\n{text}"
    );
    for line in text.lines() {
        assert_eq!(unicode_width(line), 80, "a row is not 80 cells wide: {line}");
    }
    let goals_row = text.lines().nth(3).unwrap();
    assert!(
        goals_row.starts_with('│') && goals_row.ends_with('│'),
        "{goals_row}"
    );
    assert!(goals_row.contains("拡大する"), "{goals_row}");
    insta::assert_snapshot!(terminal.backend());
}

fn unicode_width(line: &str) -> usize {
    use ratatui::text::Line;
    Line::raw(line).width()
}

/// The sample with a plan: a bank question, one of the rep's own, an opinion kept on purpose.
fn sample_with_plan() -> App {
    let mut app = sample_app();
    press(&mut app, "2<Tab><Enter><Tab>");
    press(
        &mut app,
        "aWalk me through how a rejected load is handled today<C-s>",
    );
    press(&mut app, "aOur platform is the best choice, right?<C-s><C-s>");
    app
}

#[test]
fn questions_screen_with_a_plan() {
    let mut app = sample_with_plan();
    let terminal = draw(&mut app, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("Walk me through how a rejected load"), "{text}");
    assert!(text.contains("⚠"), "the kept opinion is marked:\n{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn questions_screen_bank_focus_at_the_minimum_size() {
    let mut app = sample_with_plan();
    press(&mut app, "<Tab>j");
    let terminal = draw(&mut app, 80, 24);
    assert!(screen(&terminal).contains("Why it is suggested"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn question_editor_lints_as_you_type() {
    let mut app = sample_app();
    press(&mut app, "2aAre you looking for ways to save money?");
    let terminal = draw(&mut app, 100, 30);
    let text = screen(&terminal);
    assert!(text.contains("leading"), "{text}");
    assert!(text.contains("Try (Ctrl-g)"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn link_chooser() {
    let mut app = sample_with_plan();
    press(&mut app, "gl");
    let terminal = draw(&mut app, 100, 30);
    assert!(screen(&terminal).contains("[x]"), "the served item is ticked");
    insta::assert_snapshot!(terminal.backend());
}

fn fixed_ticks() -> std::time::Duration {
    std::time::Duration::from_secs(42)
}

/// The sample on screen 3, with a fixed timer.
fn rehearsing() -> App {
    let mut app = sample_app();
    app.ticks = fixed_ticks;
    press(&mut app, "3");
    app
}

#[test]
fn turn_list_shows_attempts_due_and_readiness() {
    let mut app = rehearsing();
    press(
        &mut app,
        "<Enter>What would the board need to see to free budget before December?<C-s>3",
    );
    press(&mut app, "<Esc>");
    let terminal = draw(&mut app, 100, 30);
    let text = screen(&terminal);
    assert!(text.contains("never rehearsed") && text.contains("new"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn rehearsal_prompt() {
    let mut app = rehearsing();
    press(&mut app, "rI hear you on December");
    let terminal = draw(&mut app, 80, 24);
    let line = &app.workbook.as_ref().unwrap().doc.account.turns[0].line;
    assert!(screen(&terminal).contains(&line[..20]), "{}", screen(&terminal));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn rehearsal_feedback_shows_every_check_beside_the_prepared_response() {
    let mut app = rehearsing();
    press(
        &mut app,
        "<Enter>Our seamless platform is the best. You should switch.<C-s>",
    );
    let terminal = draw(&mut app, 100, 30);
    let text = screen(&terminal);
    for check in callbook::domain::checks::NAMES {
        assert!(text.contains(check), "{check} missing:\n{text}");
    }
    assert!(text.contains("Prepared response"));
    let buffer = terminal.backend().buffer();
    let underlined = buffer
        .content
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .count();
    assert!(underlined >= "seamless".len(), "the flagged words are underlined");
    insta::assert_snapshot!(terminal.backend());
}

/// The styles of the cells of screen row `y` from column `x0` for `len` cells.
fn row_styles(terminal: &Terminal<TestBackend>, x0: u16, y: u16, len: u16) -> Vec<ratatui::style::Style> {
    let buffer = terminal.backend().buffer();
    (x0..x0 + len).map(|x| buffer[(x, y)].style()).collect()
}

#[test]
fn the_selected_row_shows_without_colour_in_focused_and_idle_lists() {
    use ratatui::style::Modifier;
    let mut app = sample_app();
    let terminal = draw(&mut app, 80, 24);
    let body = callbook::app::layout::frame(app.viewport).body;
    let panes = callbook::app::layout::world(body).panes;
    let goals = callbook::app::layout::inner(panes[0]);
    let threats = callbook::app::layout::inner(panes[1]);
    // Reverse video needs no colour: NO_COLOR drops colours, never modifiers.
    let selected = row_styles(&terminal, goals.x, goals.y, goals.width);
    assert!(
        selected
            .iter()
            .all(|s| s.add_modifier.contains(Modifier::REVERSED)),
        "{selected:?}"
    );
    let next = row_styles(&terminal, goals.x, goals.y + goals.height - 1, goals.width);
    assert!(
        next.iter().all(|s| !s.add_modifier.contains(Modifier::REVERSED)),
        "only the selection is reversed"
    );
    let idle = row_styles(&terminal, threats.x, threats.y, threats.width);
    assert!(
        idle.iter()
            .all(|s| s.add_modifier.contains(Modifier::UNDERLINED | Modifier::BOLD)),
        "the selection of a pane without focus is underlined: {idle:?}"
    );
    press(&mut app, "<Tab>");
    let terminal = draw(&mut app, 80, 24);
    let moved = row_styles(&terminal, threats.x, threats.y, threats.width);
    assert!(
        moved.iter().all(|s| s.add_modifier.contains(Modifier::REVERSED)),
        "focus moved"
    );
}

#[test]
fn a_stalled_journey_is_marked_in_the_picker_and_says_why() {
    let mut stalled = Account::new("Keighley Co", noon());
    stalled.journey.changed = Some(noon() - chrono::Duration::days(45));
    let moving = Account::new("Harbor Mills", noon());
    let listing = vec![
        Listing::Ok(Summary::of(AccountId::parse("harbor-abc123").unwrap(), &moving)),
        Listing::Ok(Summary::of(
            AccountId::parse("keighley-abc123").unwrap(),
            &stalled,
        )),
    ];
    let mut app = App::new(listing, noon);
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains("⏸ Keighley Co"), "{text}");
    assert!(!text.contains("⏸ Harbor"), "{text}");
    press(&mut app, "j");
    let text = screen(&draw(&mut app, 80, 24));
    assert!(
        text.contains("stalled"),
        "the selected stalled account says why:\n{text}"
    );
}
