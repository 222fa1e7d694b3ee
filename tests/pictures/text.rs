//! The text a picture shows, read back out of its SVG, and the few parts of it that may
//! change from one day to the next without the picture being stale.
//!
//! [`super::svg::svg`] writes each screen row as one `<text>` element, so the rows are the
//! contents of those elements, tags removed and entities put back. Only the five entities
//! the writer uses are understood: the reader is for pictures this module writes, not for
//! any SVG.

/// Something a picture shows that depends on the day or the clock, not on the code: on the
/// row holding `after`, the text from there to the next `before` is hidden before rows are
/// compared, and runs of blanks in that row are folded into one (what is hidden can be
/// shorter or longer, which moves the padding after it).
pub struct Mask {
    /// The text just before the hidden part; it names the row.
    pub after: &'static str,
    /// The text just after the hidden part.
    pub before: &'static str,
    /// Why this part may change, for the reader of the test.
    pub why: &'static str,
}

/// What a hidden part reads as.
pub const HIDDEN: &str = "⟨varies⟩";

impl Mask {
    /// `row` with the part hidden, or `None` when `row` doesn't hold this mask's text.
    pub fn hide(&self, row: &str) -> Option<String> {
        let start = row.find(self.after)? + self.after.len();
        let end = start + row[start..].find(self.before)?;
        let hidden = format!("{}{HIDDEN}{}", &row[..start], &row[end..]);
        Some(
            hidden
                .split(' ')
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// `rows` with every mask applied. Fails, naming the mask, when a mask holds on no row or
/// on several: the screen has changed under it, and the mask must change too.
pub fn masked(rows: &[String], masks: &[Mask]) -> Result<Vec<String>, String> {
    let mut out = rows.to_vec();
    for mask in masks {
        let hits: Vec<usize> = (0..out.len()).filter(|&i| mask.hide(&out[i]).is_some()).collect();
        let [i] = hits[..] else {
            return Err(format!(
                "the mask for {:?}…{:?} ({}) holds on {} rows, not one",
                mask.after,
                mask.before,
                mask.why,
                hits.len()
            ));
        };
        out[i] = mask.hide(&out[i]).unwrap_or_default();
    }
    Ok(out)
}

/// The rows of a picture: the text of each `<text>` element, in order.
pub fn rows_of(svg: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let element = &rest[start..];
        let (Some(open), Some(close)) = (element.find('>'), element.find("</text>")) else {
            break;
        };
        rows.push(unescape(&without_tags(&element[open + 1..close])));
        rest = &element[close + "</text>".len()..];
    }
    rows
}

/// The index of the first row where `a` and `b` differ (a row missing from one of them
/// counts), or `None` when they are the same.
pub fn first_difference(a: &[String], b: &[String]) -> Option<usize> {
    (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i))
}

/// `xml` with every tag left out: escaped text holds no `<`, so each one opens a tag.
fn without_tags(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The writer's five entities put back; `&amp;` last, so "&amp;lt;" reads "&lt;".
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(rows: &[&str]) -> Vec<String> {
        rows.iter().map(|r| (*r).to_owned()).collect()
    }

    #[test]
    fn rows_are_the_text_elements_with_tags_removed_and_entities_back() {
        let svg = r##"<svg><title>not a row</title><desc>Each &lt;text&gt; is a row</desc>
<text y="13" xml:space="preserve"><tspan x="10">a &lt;b&gt; </tspan><tspan x="52" fill="#cd3131">&amp;&quot;&apos;</tspan></text>
<text y="30" xml:space="preserve"><tspan x="10">  &amp;lt;  </tspan></text>
</svg>"##;
        assert_eq!(rows_of(svg), strings(&["a <b> &\"'", "  &lt;  "]));
    }

    fn date() -> Mask {
        Mask {
            after: "sheet · ",
            before: ",",
            why: "a date",
        }
    }

    #[test]
    fn a_mask_hides_its_part_and_folds_the_padding() {
        let today = strings(&["│top       │", "│sheet · Thu 3 Dec 2026, 14:00   │"]);
        let other_day = strings(&["│top       │", "│sheet · Tue 24 Nov 2026, 14:00  │"]);
        let want = strings(&["│top       │", "│sheet · ⟨varies⟩, 14:00 │"]);
        assert_eq!(masked(&today, &[date()]).unwrap(), want);
        assert_eq!(masked(&other_day, &[date()]).unwrap(), want);
    }

    #[test]
    fn a_mask_on_several_rows_fails() {
        let rows = strings(&["sheet · a, b", "sheet · c, d"]);
        let err = masked(&rows, &[date()]).unwrap_err();
        assert!(err.contains("2 rows"), "{err}");
    }

    #[test]
    fn a_mask_that_holds_nowhere_fails() {
        let mask = Mask {
            after: "timing",
            before: "│",
            why: "the clock",
        };
        let err = masked(&strings(&["│nothing here│"]), &[mask]).unwrap_err();
        assert!(err.contains("\"timing\"") && err.contains("0 rows"), "{err}");
    }

    #[test]
    fn the_first_difference_counts_missing_rows() {
        let a = strings(&["x", "y"]);
        assert_eq!(first_difference(&a, &a), None);
        assert_eq!(first_difference(&a, &strings(&["x", "z"])), Some(1));
        assert_eq!(first_difference(&a, &strings(&["x"])), Some(1));
    }
}
