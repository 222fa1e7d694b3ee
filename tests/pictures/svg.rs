//! A vt100 screen as an SVG picture of a dark terminal.
//!
//! Every row of the screen is one `<text xml:space="preserve">` element holding the row's
//! whole text, cell for cell (blanks included), in `<tspan>`s of same-looking cells. That
//! makes the picture's text readable back exactly ([`super::text::rows_of`]), so a test can
//! compare what a committed picture shows with a fresh screen. Each run is placed at its
//! cell's column and stretched to its width in cells (`textLength`), so a glyph the font
//! lacks can't push the rest of the row out of line. Backgrounds are `<rect>`s drawn before
//! any text. Nothing varies but the screen: the same screen gives the same bytes.

use super::colour::{BACKGROUND, FOREGROUND, hex};
use std::fmt::Write;

/// A cell's width, a row's height, the margin and the baseline, in tenths of a pixel (so
/// every coordinate is written exactly, with at most one decimal).
const CELL: usize = 84;
const ROW: usize = 170;
const MARGIN: usize = 100;
const BASELINE: usize = 130;

/// The font: the first monospace face the viewer has, at 14 px (a cell is 0.6 em wide).
const STYLE: &str = "text { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, \
                     'Liberation Mono', monospace; font-size: 14px; fill: #cccccc; }";

/// How a cell looks once reverse video is applied: what the picture paints.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Look {
    fg: String,
    bg: String,
    bold: bool,
    italic: bool,
    underline: bool,
    dim: bool,
}

/// One cell as drawn: its column, its width in cells (2 for a wide character), its text (a
/// blank for an empty cell) and its look.
struct Glyph {
    col: usize,
    width: usize,
    text: String,
    look: Look,
}

/// The picture of `screen`, titled `title` (what a screen reader says for it).
pub fn svg(screen: &vt100::Screen, title: &str) -> String {
    let (rows, cols) = screen.size();
    let lines: Vec<Vec<Glyph>> = (0..rows.get()).map(|r| glyphs(screen, r, cols.get())).collect();
    let (width, height) = (
        2 * MARGIN + CELL * usize::from(cols.get()),
        2 * MARGIN + ROW * lines.len(),
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">"#,
        w = px(width),
        h = px(height)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let desc = format!(
        "callbook in a {}x{} terminal, drawn from the real binary by tests/readme_pictures.rs. \
         Each <text> is one row of the screen. Regenerate: UPDATE_PICTURES=1 cargo test --test readme_pictures",
        cols.get(),
        rows.get()
    );
    let _ = writeln!(out, "<desc>{}</desc>\n<style>{STYLE}</style>", escape(&desc));
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" rx="6" fill="{BACKGROUND}"/>"#
    );
    for (row, line) in lines.iter().enumerate() {
        backgrounds(&mut out, row, line);
    }
    for (row, line) in lines.iter().enumerate() {
        text(&mut out, row, line);
    }
    out.push_str("</svg>\n");
    out
}

/// The cells of `row`, the second halves of wide characters left out (the first half
/// covers both).
fn glyphs(screen: &vt100::Screen, row: u16, cols: u16) -> Vec<Glyph> {
    (0..cols)
        .filter_map(|col| Some((col, screen.cell(row, col)?)))
        .filter(|(_, cell)| !cell.is_wide_continuation())
        .map(|(col, cell)| Glyph {
            col: usize::from(col),
            width: if cell.is_wide() { 2 } else { 1 },
            text: match cell.contents() {
                "" => " ".to_owned(),
                t => t.to_owned(),
            },
            look: look(cell),
        })
        .collect()
}

/// The look of `cell`: its colours resolved, swapped when it is in reverse video.
fn look(cell: &vt100::Cell) -> Look {
    let (mut fg, mut bg) = (hex(cell.fgcolor(), FOREGROUND), hex(cell.bgcolor(), BACKGROUND));
    if cell.inverse() {
        std::mem::swap(&mut fg, &mut bg);
    }
    Look {
        fg,
        bg,
        bold: cell.bold(),
        italic: cell.italic(),
        underline: cell.underline(),
        dim: cell.dim(),
    }
}

/// A `<rect>` under each run of cells whose background is not the terminal's.
fn backgrounds(out: &mut String, row: usize, line: &[Glyph]) {
    for run in line.chunk_by(|a, b| a.look.bg == b.look.bg) {
        let bg = &run[0].look.bg;
        if bg == BACKGROUND {
            continue;
        }
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{bg}" shape-rendering="crispEdges"/>"#,
            px(MARGIN + CELL * run[0].col),
            px(MARGIN + ROW * row),
            px(CELL * cells(run)),
            px(ROW)
        );
    }
}

/// The row's text: one `<text>`, a `<tspan>` per run of cells that look the same.
fn text(out: &mut String, row: usize, line: &[Glyph]) {
    let y = px(MARGIN + ROW * row + BASELINE);
    let _ = write!(out, r#"<text y="{y}" xml:space="preserve">"#);
    for run in line.chunk_by(|a, b| a.look == b.look) {
        let l = &run[0].look;
        let _ = write!(
            out,
            r#"<tspan x="{}" textLength="{}" lengthAdjust="spacingAndGlyphs""#,
            px(MARGIN + CELL * run[0].col),
            px(CELL * cells(run))
        );
        if l.fg != FOREGROUND {
            let _ = write!(out, r#" fill="{}""#, l.fg);
        }
        for (on, attribute) in [
            (l.bold, r#" font-weight="bold""#),
            (l.italic, r#" font-style="italic""#),
            (l.underline, r#" text-decoration="underline""#),
            (l.dim, r#" fill-opacity="0.6""#),
        ] {
            if on {
                out.push_str(attribute);
            }
        }
        let words: String = run.iter().map(|g| g.text.as_str()).collect();
        let _ = write!(out, ">{}</tspan>", escape(&words));
    }
    out.push_str("</text>\n");
}

/// How many cells a run covers.
fn cells(run: &[Glyph]) -> usize {
    run.iter().map(|g| g.width).sum()
}

/// Tenths of a pixel as SVG writes them: "860", "8.4".
fn px(tenths: usize) -> String {
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        d => format!("{}.{d}", tenths / 10),
    }
}

/// `text` safe inside an element or an attribute. Characters XML 1.0 does not allow (control
/// characters; the app shows them as marks, so none should come) become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
