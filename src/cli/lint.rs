//! `callbook lint [--json] [TEXT...]`: judges each TEXT, or each line of stdin when there
//! is none, as a question, a leading question, an opinion or a statement.
//!
//! Plain output is one line per input, in columns: the kind, the shape of a question (open
//! or closed, and its SPIN type; `-` otherwise), the text, then the rules that fired with
//! the words that fired them, and a rewrite after `-> try:`:
//!
//! ```text
//! opinion   -                  You need our seamless platform  [prescription "You need", seller-centric "our", buzzword "seamless"]  -> try: What are you trying to achieve this year, and what stands in the way?
//! question  open situation     How do you plan routes?
//! ```
//! Long text is shortened for reading (the JSON keeps all of it). `--json` prints one
//! object per input: `{"text", "kind", "open", "spin", "flags": [{"rule", "span"}],
//! "suggestion"}`, spans in characters. Stdin is read line by line and answered as it
//! comes, so a line that is not UTF-8 stops the run with an error naming its line, after
//! the lines before it were answered.

use super::safe_json;
use crate::domain::lint::{Lint, lint};
use crate::domain::text::clean;
use anyhow::{Context, bail};
use serde::Serialize;
use std::io::{BufRead, Write};

/// Text longer than this (in characters) is shortened in plain output.
const TEXT_SHOWN: usize = 200;
/// Flagged words longer than this are shortened in plain output.
const FLAG_SHOWN: usize = 40;
/// At most this many flags are listed per line in plain output; the rest are counted.
const FLAGS_SHOWN: usize = 12;

/// Lints `texts`, or stdin's lines when there are none.
pub(super) fn run(texts: &[String], json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if texts.is_empty() {
        return lint_lines(&mut std::io::stdin().lock(), json, out);
    }
    texts.iter().try_for_each(|t| write_one(t, json, out))
}

/// Lints each line of `input` (`\n` or `\r\n` endings).
fn lint_lines(input: &mut dyn BufRead, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        if input
            .read_until(b'\n', &mut buf)
            .context("stdin: could not read")?
            == 0
        {
            break;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Ok(line) = std::str::from_utf8(line) else {
            bail!("stdin line {number}: not valid UTF-8; lint reads UTF-8 text");
        };
        write_one(line, json, out)?;
    }
    Ok(())
}

/// One `--json` record: the text, then the lint's fields.
#[derive(Serialize)]
struct Record<'a> {
    text: &'a str,
    #[serde(flatten)]
    lint: &'a Lint,
}

fn write_one(text: &str, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let lint = lint(text, None);
    if json {
        let record = serde_json::to_string(&Record { text, lint: &lint })?;
        writeln!(out, "{}", safe_json(&record))?;
    } else {
        writeln!(out, "{}", plain(text, &lint))?;
    }
    Ok(())
}

/// `opinion   -                  You need our seamless platform  [...]  -> try: ...`
fn plain(text: &str, lint: &Lint) -> String {
    let shape = match (lint.open, lint.spin) {
        (Some(open), Some(spin)) => format!("{} {}", if open { "open" } else { "closed" }, spin.name()),
        _ => "-".to_owned(),
    };
    let mut line = format!(
        "{:<9} {:<18} {}",
        lint.kind.name(),
        shape,
        shorten(text, TEXT_SHOWN)
    );
    if !lint.flags.is_empty() {
        let mut shown: Vec<String> = lint
            .flags
            .iter()
            .take(FLAGS_SHOWN)
            .map(|f| format!("{} \"{}\"", f.rule.name(), shorten(f.text(text), FLAG_SHOWN)))
            .collect();
        if lint.flags.len() > FLAGS_SHOWN {
            shown.push(format!("and {} more", lint.flags.len() - FLAGS_SHOWN));
        }
        line.push_str(&format!("  [{}]", shown.join(", ")));
    }
    if let Some(s) = &lint.suggestion {
        line.push_str(&format!("  -> try: {}", clean(s, false)));
    }
    line.trim_end().to_owned()
}

/// `s` cleaned for the terminal and cut to `max` characters, with `…` when cut.
fn shorten(s: &str, max: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(max).collect();
    let cut = chars.next().is_some();
    let mut shown = clean(&head, false).into_owned();
    if cut {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_read_in_columns() {
        let text = "You need our seamless platform";
        let line = plain(text, &lint(text, None));
        assert!(line.starts_with("opinion   -                  You need our seamless platform  [prescription \"You need\", seller-centric \"our\", buzzword \"seamless\"]  -> try: "), "{line}");
        let text = "How do you plan routes?";
        assert_eq!(
            plain(text, &lint(text, None)),
            "question  open situation     How do you plan routes?"
        );
    }

    #[test]
    fn stdin_lines_end_with_lf_or_crlf() {
        let mut out = Vec::new();
        lint_lines(&mut &b"Trust me\r\nTrust me"[..], true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(
            text.lines()
                .all(|l| l.starts_with(r#"{"text":"Trust me","kind":"opinion""#)),
            "{text}"
        );
    }
}
