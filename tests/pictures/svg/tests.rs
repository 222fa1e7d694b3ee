//! The SVG writer on small screens typed by hand: escaping, colours, reverse video, the
//! attributes, and the text read back.

use super::super::text::rows_of;
use super::*;

/// A screen of `cols` x 1 after `bytes`, as a terminal would show them.
fn screen(cols: u16, bytes: &str) -> vt100::Screen {
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(1), size(cols), 0);
    parser.process(bytes.as_bytes());
    parser.screen().clone()
}

/// The picture's only `<text>` row, as written.
fn row(svg: &str) -> &str {
    let start = svg.find("<text ").expect("a text row");
    let end = svg[start..].find("</text>").expect("an end") + start;
    &svg[start..end + "</text>".len()]
}

#[test]
fn markup_characters_are_escaped() {
    let svg = svg(&screen(8, "<a&b>\"'"), "Tom & \"Jerry\"");
    assert_eq!(
        row(&svg),
        r#"<text y="23" xml:space="preserve"><tspan x="10" textLength="67.2" lengthAdjust="spacingAndGlyphs">&lt;a&amp;b&gt;&quot;&apos; </tspan></text>"#
    );
    assert!(
        svg.contains("<title>Tom &amp; &quot;Jerry&quot;</title>"),
        "{svg}"
    );
    assert_eq!(rows_of(&svg), ["<a&b>\"' "]);
}

#[test]
fn a_reversed_cell_swaps_the_colours() {
    let svg = svg(&screen(3, "a\x1b[7mR\x1b[0mc"), "reverse");
    assert!(
        svg.contains(
            r##"<rect x="18.4" y="10" width="8.4" height="17" fill="#cccccc" shape-rendering="crispEdges"/>"##
        ),
        "{svg}"
    );
    assert_eq!(
        row(&svg),
        concat!(
            r#"<text y="23" xml:space="preserve">"#,
            r#"<tspan x="10" textLength="8.4" lengthAdjust="spacingAndGlyphs">a</tspan>"#,
            r##"<tspan x="18.4" textLength="8.4" lengthAdjust="spacingAndGlyphs" fill="#1e1e1e">R</tspan>"##,
            r#"<tspan x="26.8" textLength="8.4" lengthAdjust="spacingAndGlyphs">c</tspan></text>"#
        )
    );
}

#[test]
fn a_coloured_run_is_one_tspan_in_its_colour() {
    let svg = svg(&screen(5, "\x1b[31mred\x1b[0m!"), "red");
    assert!(
        row(&svg).contains(
            r##"<tspan x="10" textLength="25.2" lengthAdjust="spacingAndGlyphs" fill="#cd3131">red</tspan>"##
        ),
        "{svg}"
    );
    assert!(
        row(&svg).contains(r#"<tspan x="35.2" textLength="16.8" lengthAdjust="spacingAndGlyphs">! </tspan>"#)
    );
    // Nothing but the terminal's own background: no rect besides the whole picture's.
    assert_eq!(svg.matches("<rect").count(), 1, "{svg}");
}

#[test]
fn palette_and_rgb_colours_and_a_background() {
    let svg = svg(&screen(2, "\x1b[38;5;196mA\x1b[48;2;1;2;3mB"), "colours");
    assert!(row(&svg).contains(r##"fill="#ff0000">A</tspan>"##), "{svg}");
    assert!(
        svg.contains(r##"<rect x="18.4" y="10" width="8.4" height="17" fill="#010203""##),
        "{svg}"
    );
}

#[test]
fn bold_italic_underline_and_dim_are_attributes() {
    let svg = svg(&screen(2, "\x1b[1;3;4mX\x1b[0m\x1b[2mY"), "attributes");
    assert!(
        row(&svg).contains(r#"font-weight="bold" font-style="italic" text-decoration="underline">X<"#),
        "{svg}"
    );
    assert!(row(&svg).contains(r#"fill-opacity="0.6">Y<"#), "{svg}");
}

#[test]
fn the_picture_is_the_size_of_the_screen_and_the_same_every_time() {
    let s = screen(100, "hello");
    let svg = svg(&s, "hello");
    assert!(svg.starts_with(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="860" height="37" viewBox="0 0 860 37" role="img">"#
    ));
    assert!(svg.ends_with("</text>\n</svg>\n"));
    assert_eq!(svg, super::svg(&s, "hello"));
    assert_eq!(rows_of(&svg), [format!("hello{}", " ".repeat(95))]);
}

#[test]
fn a_wide_character_covers_two_cells() {
    let svg = svg(&screen(4, "界x"), "wide");
    assert!(
        row(&svg).contains(r#"textLength="33.6" lengthAdjust="spacingAndGlyphs">界x </tspan>"#),
        "{svg}"
    );
    assert_eq!(rows_of(&svg), ["界x "]);
}

#[test]
fn control_characters_never_reach_the_file() {
    assert_eq!(escape("a\u{1}b"), "a\u{fffd}b");
}
