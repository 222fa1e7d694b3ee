//! The export's stylesheet: plain and readable on screen, compact and ink-light on paper.
//! System fonts only, so the page needs nothing from outside itself.

/// The inline CSS of the HTML export, print rules included.
pub(super) const CSS: &str = r#"
:root { color-scheme: light; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 15px; line-height: 1.45; color: #1d1f24; background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem;
}
header { border-bottom: 3px solid #2f4d6b; margin-bottom: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; color: #2f4d6b; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
     border-bottom: 1px solid #c9d2dc; color: #2f4d6b; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; text-transform: uppercase;
     letter-spacing: .04em; color: #4a5561; }
article { margin: 0 0 1rem; padding-left: .75rem; border-left: 3px solid #e3e8ee; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .3rem 0; }
dt { font-weight: 600; color: #4a5561; }
dd { margin: 0; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: 3px solid #9bb3c9;
             background: #f4f7fa; font-style: italic; }
.muted { color: #66707b; }
.tag { font-size: .8rem; color: #4a5561; border: 1px solid #c9d2dc; border-radius: 3px;
       padding: 0 .3rem; white-space: nowrap; }
ul.warnings { list-style: none; padding-left: 0; color: #8a4b00; }
ul.warnings li::before { content: "\26A0\00A0"; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
         border-bottom: 1px solid #e3e8ee; }
th { background: #f4f7fa; }
.pass { color: #1d6b35; font-weight: 600; }
.fail { color: #a12a2a; font-weight: 600; }
.not-tested { color: #66707b; }
pre.sheet { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace;
            font-size: .85rem; background: #f4f7fa; padding: .7rem; border: 1px solid #e3e8ee; }
.comment { border-left-color: #d9a441; }
.comment.resolved { border-left-color: #9fc5a8; }
.replies { margin: .3rem 0 .3rem 1rem; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; color: #000; }
  h1, h2, h4, dt { color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  article, tr, blockquote, pre.sheet { break-inside: avoid; page-break-inside: avoid; }
  blockquote, pre.sheet, th { background: none; }
  section#sheet, section#scorecard, section#comments { break-before: page; page-break-before: always; }
  @page { margin: 1.6cm; }
}
"#;
