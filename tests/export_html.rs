//! The HTML export: every section of the sample, nothing that reaches outside the page,
//! hostile text escaped wherever it lands, the page free of parse errors (html5gum, a
//! WHATWG-spec tokenizer, with its tags paired on a stack, and no bare `&`), and the real
//! binary writing it.
//! No browser engine installs from the package registries here, so none renders it.

use callbook::domain::comment::{Comment, Reply};
use callbook::domain::export::{escape, html};
use callbook::domain::{Account, sample};
use chrono::{DateTime, Utc};
use std::process::Command;

fn now() -> DateTime<Utc> {
    "2026-12-01T08:30:00Z".parse().unwrap()
}

/// The sample with a comment on its first goal and a reply.
fn commented(text: &str) -> Account {
    let mut a = sample::account(now());
    let anchor = a.world.goals[0].id.to_string();
    let mut c = Comment::new(&anchor, "Coach Kim", text, now());
    c.replies.push(Reply {
        author: "Rep Lee".into(),
        at: now(),
        text: "Done, see the goal".into(),
        extra: Default::default(),
    });
    a.comments.push(c);
    a.comments
        .push(Comment::new("gone-id", "Coach Kim", "About nothing now", now()));
    a
}

const VOID: [&str; 6] = ["meta", "br", "hr", "img", "link", "input"];

/// Fails where html5gum, a tokenizer that follows the WHATWG HTML spec, reports a parse
/// error, or where its start and end tags don't pair up (void elements excepted).
fn check_parses(doc: &str) {
    use html5gum::{Token, Tokenizer};
    let mut stack: Vec<String> = Vec::new();
    for Ok(token) in Tokenizer::new(doc) {
        match token {
            Token::Error(e) => panic!("an HTML parse error: {e:?}"),
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                if !VOID.contains(&name.as_str()) && !tag.self_closing {
                    stack.push(name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
                assert_eq!(open, name, "<{open}> closed by </{name}>");
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

/// Fails as [`check_parses`] does, and also on an `&` that starts none of the entities the
/// export writes: the spec lets a bare `&` pass, but here it would mean text went unescaped.
fn check_well_formed(doc: &str) {
    check_parses(doc);
    for (at, _) in doc.match_indices('&') {
        let after = &doc[at + 1..];
        let ok = ["amp;", "lt;", "gt;", "quot;", "#39;"]
            .iter()
            .any(|e| after.starts_with(e));
        let near: String = doc[at..].chars().take(40).collect();
        assert!(ok, "a bare & at {near:?}");
    }
}

#[test]
fn the_sample_has_every_section_and_nothing_from_outside() {
    let doc = html(&commented("Make this goal measurable"), &[], &Default::default());
    assert!(
        doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{doc:.80}"
    );
    for part in [
        "<meta charset=\"utf-8\">",
        "@media print",
        "<h1>Ashcombe Cold Freight</h1>",
        "id=\"profile\"",
        "id=\"pane-goals\"",
        "id=\"pane-threats\"",
        "id=\"pane-people\"",
        "id=\"questions\"",
        "id=\"turns\"",
        "id=\"journey\"",
        "id=\"tasks\"",
        "id=\"sheet\"",
        "<pre class=\"sheet\"># Call sheet: Ashcombe Cold Freight",
        "id=\"calls\"",
        "id=\"scorecard\"",
        "id=\"comments\"",
        "<blockquote>",
        "<dd>ashcombe-cold.example</dd>",
        "Dana Whitlock",
        "economic buyer",
        "Plan health:",
        "<h4>Debrief</h4>",
        "Score: ",
        "Coach Kim",
        "Make this goal measurable",
        "Rep Lee",
        "On Goals: ",
        "On something no longer in the plan",
    ] {
        assert!(doc.contains(part), "{part:?} missing");
    }
    assert_eq!(doc.matches("<tr><td>").count(), 12, "every check of the rubric");
    for banned in [
        "<script", "http://", "https://", "src=", "href=", "<link", "@import", "url(",
    ] {
        assert!(!doc.to_lowercase().contains(banned), "{banned:?} found");
    }
    check_well_formed(&doc);
}

#[test]
fn hostile_text_comes_out_escaped_everywhere() {
    let evil = "<script>alert(1)</script> \"quotes\" & 'apostrophes' </style>";
    let mut a = commented(evil);
    a.name = evil.into();
    a.world.goals[0].text = evil.into();
    a.world.goals[0].their_words = evil.into();
    a.people[0].name = evil.into();
    let doc = html(&a, &[], &Default::default());
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; \
                   &#39;apostrophes&#39; &lt;/style&gt;";
    assert!(
        doc.matches(escaped).count() >= 6,
        "escaped in name, goal, person, comment"
    );
    assert!(!doc.contains("<script"), "a script tag got through");
    assert_eq!(
        doc.matches("</style>").count(),
        1,
        "only the stylesheet's own end"
    );
    assert!(!doc.contains("'apostrophes'") && !doc.contains("\"quotes\""));
    check_well_formed(&doc);
}

#[test]
fn escape_handles_the_five_characters_and_control_characters_are_cleaned() {
    assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
    assert_eq!(escape("plain ünïcode"), "plain ünïcode");
    let mut a = Account::new("Bell\u{7}\u{1b}[31mCo", now());
    a.profile.summary = "line one\nline two\u{9b}".into();
    let doc = html(&a, &[], &Default::default());
    assert!(
        !doc.chars().any(|c| c.is_control() && c != '\n'),
        "control characters left"
    );
    assert!(doc.contains("line one<br>\nline two"), "line breaks kept");
    assert!(doc.contains("Nothing yet."), "empty parts say so");
    check_well_formed(&doc);
}

#[test]
fn the_checker_catches_broken_markup() {
    for bad in ["<p><b></p></b>", "<div>", "</p>", "<p>a & b</p>", "<p"] {
        let caught = std::panic::catch_unwind(|| check_well_formed(bad)).is_err();
        assert!(caught, "{bad:?} passed the checker");
    }
    check_well_formed("<p>a<br>b &amp; c</p>");
}

#[test]
fn the_parser_reports_what_the_spec_calls_errors() {
    // Each is an error of the WHATWG tokenizer that a tag count alone would miss.
    for bad in [
        "<p class=\"a\"class=\"b\">x</p>",
        "<p>&#0;</p>",
        "<p id=\"a\" id=\"b\">x</p>",
        "<!-- a -- b --!>",
        "<p>x</p x>",
    ] {
        let caught = std::panic::catch_unwind(|| check_parses(bad)).is_err();
        assert!(caught, "{bad:?} passed the parser");
    }
    check_parses("<!DOCTYPE html>\n<p class=\"a\">x &amp; y<br></p>");
}

#[test]
fn the_binary_writes_an_html_file() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_callbook"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
    };
    run(&["sample"]);
    let file = tmp.path().join("ashcombe.html");
    run(&[
        "export",
        "ashcombe",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    let doc = std::fs::read_to_string(&file).unwrap();
    assert!(doc.starts_with("<!DOCTYPE html>"), "{doc:.80}");
    assert!(doc.contains("id=\"scorecard\"") && doc.trim_end().ends_with("</html>"));
    check_well_formed(&doc);
}

#[test]
fn the_fit_and_scenario_sections_with_the_sample_team_are_well_formed() {
    let team = callbook::domain::team::Team {
        offerings: sample::offerings(),
        sweet_spot: sample::sweet_spot(),
    };
    let mut a = sample::account(now());
    // One incomplete scenario, so its warnings are drawn inside its list item.
    a.scenarios[0].result.clear();
    let doc = html(&a, &[], &team);
    check_well_formed(&doc);
    for part in [
        "id=\"fit\"",
        "id=\"scenarios\"",
        "<ul class=\"warnings\">\n<li>missing the result",
    ] {
        assert!(doc.contains(part), "{part} missing");
    }
}
