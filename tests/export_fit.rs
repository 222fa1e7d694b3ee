//! The fit and the usage scenarios in `callbook export` (issue 13, "CLI and export"): the
//! sample, with its team files, exports its verdict, every criterion with its answer and
//! evidence, its scenarios by goal and no gaps; an account with none says so; an incomplete
//! scenario says what it lacks, the gaps are named, and hostile text is escaped.

mod common;

use callbook::domain::scenario::Scenario;
use callbook::domain::sweet_spot::Answer;
use callbook::domain::{Account, Item, Priority, sample};
use common::Data;

fn export(data: &Data, name: &str, format: &str) -> String {
    data.cli(&["export", name, "--format", format])
}

#[test]
fn the_sample_exports_its_fit_and_scenarios_in_markdown_and_html() {
    let data = Data::new();
    data.cli(&["sample"]);
    let md = export(&data, sample::NAME, "md");
    let fit = md
        .find("## Fit\n\n**Verdict:** Inside the sweet spot\n")
        .expect(&md);
    let scenarios = md.find("## Usage scenarios\n").expect(&md);
    assert!(fit < scenarios && scenarios < md.find("## Question plan").unwrap());
    assert!(
        md.contains("- **yes** Do they run their own refrigerated fleet rather than subcontract it?\n  - evidence: 240 tractors"),
        "{md}"
    );
    assert!(
        md.contains("### Goal: Cut empty miles from 17% to under 12% by Q4 2027\n\n- Kevin Oduya (Night Dispatch Lead) uses backhaul matching to fill trucks heading home"),
        "{md}"
    );
    assert!(md.contains("### Threat: Rejected loads"), "{md}");
    assert!(md.contains("**Gaps:** none.\n"), "{md}");
    assert!(
        !md.contains("⚠ missing"),
        "the sample's scenarios are complete: {md}"
    );

    let html = export(&data, sample::NAME, "html");
    assert!(
        html.contains(
            "<section id=\"fit\">\n<h2>Fit</h2>\n<p><strong>Verdict:</strong> Inside the sweet spot</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<td>Do they run more than 100 refrigerated trailers?</td><td>yes</td>"),
        "{html}"
    );
    assert!(html.contains("<section id=\"scenarios\">"), "{html}");
    assert!(
        html.contains("<li>Kevin Oduya (Night Dispatch Lead) uses backhaul matching"),
        "{html}"
    );
    assert!(
        html.contains("<h3>Gaps</h3>\n<p class=\"muted\">None.</p>"),
        "{html}"
    );
}

#[test]
fn an_account_with_no_fit_or_scenarios_says_so() {
    let data = Data::new();
    data.cli(&["new", "Bolt Dairy"]);
    let md = export(&data, "Bolt", "md");
    assert!(
        md.contains(
            "## Fit\n\n**Verdict:** Unknown: the team has no sweet-spot criteria yet\n\n_Nothing yet._\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("## Usage scenarios\n\n_Nothing yet._\n\n**Gaps:** none.\n"),
        "{md}"
    );
    let html = export(&data, "Bolt", "html");
    assert!(html.contains("<h2>Fit</h2>\n<p><strong>Verdict:</strong> Unknown: the team has no sweet-spot criteria yet</p>\n<p class=\"muted\">Nothing yet.</p>"), "{html}");
    assert!(
        html.contains("<h2>Usage scenarios</h2>\n<p class=\"muted\">Nothing yet.</p>"),
        "{html}"
    );
}

/// An account outside and disqualified, with one incomplete scenario whose words are
/// hostile, and a high-priority goal without one; the team has one offering nobody uses.
fn troubled(data: &Data) {
    let at = "2026-11-02T09:00:00Z".parse().unwrap();
    let mut a = Account::new("Bolt Dairy", at);
    let mut goal = Item::new("Cut spoilage <b>now</b>", at);
    goal.priority = Priority::High;
    let mut other = Item::new("Win the co-op's western lanes", at);
    other.priority = Priority::High;
    let mut s = Scenario::new(goal.id.clone(), at);
    s.role = "the yard lead\u{202e}".into();
    s.does = "check <script>alert(1)</script> trailers".into();
    a.world.goals = vec![goal, other];
    a.scenarios.push(s);
    a.fit.set("own-fleet", Answer::No, "Leases <all> trucks", at);
    a.fit.disqualify("No fleet & no plans", at).unwrap();
    data.import(&a);
    let criteria = r#"{"schema": 1, "criteria": [{"id": "own-fleet", "question": "Own fleet?"}]}"#;
    std::fs::write(data.root().join("sweet-spot.json"), criteria).unwrap();
    let offerings = r#"{"schema": 1, "offerings": [{"id": "live", "name": "Live trailer temperatures", "problem": "Loads spoil unseen."}]}"#;
    std::fs::write(data.root().join("offerings.json"), offerings).unwrap();
}

#[test]
fn incomplete_scenarios_gaps_and_the_disqualification_are_exported_escaped() {
    let data = Data::new();
    troubled(&data);
    let md = export(&data, "Bolt", "md");
    assert!(
        md.contains("**Verdict:** Outside the sweet spot: no to “Own fleet?”"),
        "{md}"
    );
    assert!(
        md.contains("**Disqualified** 2026-11-02 09:00 UTC: No fleet & no plans"),
        "{md}"
    );
    assert!(md.contains("  - ⚠ missing the offering, the result"), "{md}");
    assert!(
        md.contains("- High-priority goal with no scenario: Win the co-op's western lanes\n"),
        "{md}"
    );
    assert!(
        md.contains("- Offering no scenario uses: Live trailer temperatures\n"),
        "{md}"
    );
    assert!(
        !md.contains('\u{202e}'),
        "a bidi override never reaches the document"
    );

    let html = export(&data, "Bolt", "html");
    assert!(!html.contains("<script>") && !html.contains("<b>now"), "{html}");
    assert!(
        html.contains("check &lt;script&gt;alert(1)&lt;/script&gt; trailers"),
        "{html}"
    );
    assert!(
        html.contains("<h3>Goal: Cut spoilage &lt;b&gt;now&lt;/b&gt;</h3>"),
        "{html}"
    );
    assert!(html.contains("<td>Leases &lt;all&gt; trucks</td>"), "{html}");
    assert!(
        html.contains("<dd>2026-11-02 09:00 UTC: No fleet &amp; no plans</dd>"),
        "{html}"
    );
    assert!(
        html.contains("<li>Offering no scenario uses: Live trailer temperatures</li>"),
        "{html}"
    );
    assert!(!html.contains('\u{202e}'), "{html}");
}
