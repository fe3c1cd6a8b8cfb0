//! The HTML edition (SPEC §6): `html/index.html`, `html/sector.html` and one
//! `html/portretten/<instelling>-<jaar>.html` per portret, and the chart pack's
//! `charts/index.html`. Each page renders a document's [`Flow`] — the same blocks the PDF
//! lays out — so the words and figures are the PDF's and the workbook's.
//!
//! Pages are self-contained and meet WCAG 2.1 AA: no external resources (the style sheet
//! is inline, charts are inline SVG with `role="img"`, `<title>` and `<desc>`, and their
//! long description under them), a language attribute, headings in order, tables with a
//! `<caption>` and `<th scope="col">`, wide tables in a scroll region reachable by
//! keyboard, a visible focus, and a print style sheet (A4, no navigation, figures and
//! rows kept whole). Built with maud, which escapes every text it is given.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::report::charts::canvas::Rgb;
use crate::report::charts::IndexEntry;
use crate::report::flow::{Block, Flow, Just, Table, BODY};
use crate::report::words::Word;
use crate::report::ReportContext;

const CSS: &str = r#"
:root{color-scheme:light}
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#212121;background:#fff;max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem;line-height:1.45}
h1,h2,h3{color:#003f66;line-height:1.25}
h1{font-size:1.6rem;margin:.5rem 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
p{margin:.4rem 0}
p.sub,p.small,figcaption,footer{color:#555}
p.small,figcaption{font-size:.85rem}
a{color:#005a9c}
a:focus,[tabindex]:focus{outline:3px solid #b35900;outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.table-wrap{overflow-x:auto;margin:.5rem 0 1.25rem}
table{border-collapse:collapse;font-size:.85rem}
th,td{padding:.25rem .5rem;border-bottom:1px solid #d9d9d9;vertical-align:top;text-align:left}
thead th,thead td{background:#dce6f1;font-weight:bold}
.r{text-align:right}.c{text-align:center}
td.strong{font-weight:bold;color:#003f66}
figure{margin:1rem 0 2rem}
svg{display:block;max-width:100%;height:auto}
figcaption{margin-top:.5rem}
.pair{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:1rem 0}
.pair figure{flex:1 1 28rem;margin:0}
.note{flex:1 1 15rem;background:#f2f2f2;border:1px solid #a6a6a6;padding:.25rem 1rem;font-size:.9rem}
.note ul{padding-left:1.1rem}
nav ul{list-style:none;padding:0}
footer{margin-top:3rem;border-top:1px solid #a6a6a6;font-size:.85rem}
@media print{
 @page{size:A4;margin:16mm}
 body{max-width:none;padding:0;font-size:10pt}
 nav{display:none}
 a{color:inherit;text-decoration:none}
 .table-wrap{overflow:visible}
 figure,tr,.note{break-inside:avoid}
 h2,h3{break-after:avoid}
 .page-break{break-before:page}
}
"#;

/// A colour as CSS writes it.
fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// A whole page: language, title, inline style, a navigation line, the content in `main`,
/// and the source line.
fn page(lang: &str, title: &str, nav: Markup, main: Markup, footer: &str) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (nav)
                main { (main) }
                footer { p { (footer) } }
            }
        }
    }
    .into_string()
}

fn nav(label: &str, links: &[(&str, &str)]) -> Markup {
    html! {
        nav aria-label=(label) {
            ul { @for (href, text) in links { li { a href=(href) { (text) } } } }
        }
    }
}

fn just_class(j: Just) -> Option<&'static str> {
    match j {
        Just::Left => None,
        Just::Right => Some("r"),
        Just::Center => Some("c"),
    }
}

fn table(t: &Table) -> Markup {
    html! {
        div.table-wrap role="region" aria-label=(t.caption) tabindex="0" {
            table {
                caption.vh { (t.caption) }
                thead {
                    tr {
                        @for c in &t.cols {
                            @if c.head.is_empty() { td {} } @else { th scope="col" class=[just_class(c.just)] { (c.head) } }
                        }
                    }
                }
                tbody {
                    @for row in &t.rows {
                        tr {
                            @for (c, cell) in t.cols.iter().zip(row) {
                                @let class = match (just_class(c.just), cell.strong) {
                                    (Some(j), true) => Some(format!("{j} strong")),
                                    (Some(j), false) => Some(j.to_string()),
                                    (None, true) => Some("strong".to_string()),
                                    (None, false) => None,
                                };
                                td class=[class] style=[cell.fill.map(|f| format!("background:{}", hex(f)))] { (cell.text) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A chart inline: its SVG (title and description for screen readers) and its long
/// description as the caption everyone reads.
fn figure(chart: &dyn crate::report::charts::Chart, id: &str) -> Markup {
    let (w, h) = chart.size();
    let mut c = crate::report::charts::Canvas::new(w, h);
    chart.draw(&mut c);
    let m = chart.meta();
    let svg = c.svg_with_id(&m.title, &format!("{} {}", m.alt, m.description), id);
    html! {
        figure {
            (PreEscaped(svg))
            figcaption { (m.description) }
        }
    }
}

/// The blocks of a document as HTML.
fn blocks(flow: &Flow) -> Markup {
    let mut charts = 0;
    let mut next_id = || {
        charts += 1;
        format!("chart{charts}-")
    };
    html! {
        @for b in &flow.blocks {
            @match b {
                Block::Title { text, sub } => {
                    h1 { (text) }
                    @if !sub.is_empty() { p.sub { (sub) } }
                }
                Block::Heading(s) => h2 { (s) },
                Block::Subheading(s) => h3 { (s) },
                Block::Paragraph { text, size, .. } => {
                    @if *size < BODY - 0.5 { p.small { (text) } } @else { p { (text) } }
                }
                Block::Table(t) => (table(t)),
                Block::Chart { chart, .. } => (figure(chart.as_ref(), &next_id())),
                Block::ChartBesideBox { chart, note } => {
                    div.pair {
                        (figure(chart.as_ref(), &next_id()))
                        @if let Some((head, items)) = note.split_first() {
                            div.note {
                                h3 { (head) }
                                ul { @for i in items { li { (i) } } }
                            }
                        }
                    }
                }
                Block::Boxed(note) => {
                    @if let Some((head, items)) = note.split_first() {
                        div.note {
                            h3 { (head) }
                            ul { @for i in items { li { (i) } } }
                        }
                    }
                }
                Block::NewPage => div.page-break aria-hidden="true" {},
                // A page break that print layout decides; a screen has no pages.
                Block::NewPageIfFilled(_) => {},
            }
        }
    }
}

/// A document as a page; `home` is the link back to the edition's index.
pub fn document(ctx: &ReportContext<'_>, flow: &Flow, home: &str) -> String {
    page(
        flow.lang,
        &flow.title,
        nav(ctx.w(Word::Navigation), &[(home, ctx.w(Word::AllPublications))]),
        blocks(flow),
        &crate::report::charts::source_line(ctx),
    )
}

/// `html/index.html`: the sector page, every portret by year, and the chart pack.
/// `portrets`: (institution, year, path relative to `html/`).
pub fn index(ctx: &ReportContext<'_>, portrets: &[(String, u16, String)], sector: bool, charts: bool) -> String {
    let title = ctx.w(Word::PublicationsTitle);
    let mut years: Vec<u16> = portrets.iter().map(|p| p.1).collect();
    years.sort_unstable();
    years.dedup();
    years.reverse();
    let main = html! {
        h1 { (title) }
        @if let Some(warning) = ctx.not_for_publication() { p { strong { (warning) } } }
        p { (ctx.w(Word::PublicationsIntro)) }
        @if sector {
            h2 { (ctx.w(Word::Sector)) }
            ul { li { a href="sector.html" { (ctx.w(Word::SectorOverviewTitle)) } } }
        }
        @if !portrets.is_empty() {
            h2 { (ctx.w(Word::Portraits)) }
            @for y in &years {
                h3 { (y) }
                ul { @for (inst, _, href) in portrets.iter().filter(|p| p.1 == *y) { li { a href=(href) { (inst) } } } }
            }
        }
        @if charts {
            h2 { (ctx.w(Word::Charts)) }
            ul { li { a href="../charts/index.html" { (ctx.w(Word::ChartPackLink)) } } }
        }
    };
    page(&ctx.lang.to_string(), title, html! {}, main, &crate::report::charts::source_line(ctx))
}

/// `charts/index.html`: every chart of the pack with its title, image (alt text) and long
/// description. `html_edition`: whether to link the HTML edition's index.
pub fn chart_index(ctx: &ReportContext<'_>, entries: &[IndexEntry], html_edition: bool) -> String {
    let title = ctx.w(Word::ChartPackTitle);
    let links: Vec<(&str, &str)> =
        if html_edition { vec![("../html/index.html", ctx.w(Word::AllPublications))] } else { Vec::new() };
    let main = html! {
        h1 { (title) }
        @if let Some(warning) = ctx.not_for_publication() { p { strong { (warning) } } }
        p { (ctx.w(Word::ChartPackIntro)) }
        @for e in entries {
            @let file = e.file.trim_start_matches("charts/");
            figure {
                h2 { (e.title) }
                @if file.ends_with(".csv") {
                    p { a href=(file) { (e.alt) } }
                } @else {
                    img src=(file) alt=(e.alt) loading="lazy" style="max-width:100%;height:auto;border:1px solid #ddd";
                }
                figcaption { (e.description) }
            }
        }
    };
    let nav = if links.is_empty() {
        html! {}
    } else {
        nav(ctx.w(Word::Navigation), &links)
    };
    page(&ctx.lang.to_string(), title, nav, main, &crate::report::charts::source_line(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::flow::{Cell, Column};

    #[test]
    fn blocks_become_headings_captioned_tables_and_escaped_text() {
        let mut f = Flow::new("T", "nl");
        f.title("Portret <A&B>", "sub");
        f.heading("Waar staat u");
        f.text("5 < 6 & \"zo\"");
        f.small("klein");
        f.table(
            &[
                Column { head: "Lijn", width: 40.0, just: Just::Left },
                Column { head: "", width: 40.0, just: Just::Right },
            ],
            &[vec![Cell::strong("1e lijn"), Cell::filled("lager", [248, 203, 173])]],
            7.0,
        );
        f.new_page();
        f.subheading("Advies");
        let html = blocks(&f).into_string();
        assert!(
            html.starts_with("<h1>Portret &lt;A&amp;B&gt;</h1><p class=\"sub\">sub</p><h2>Waar staat u</h2>"),
            "{html}"
        );
        assert!(html.contains("<p>5 &lt; 6 &amp; &quot;zo&quot;</p><p class=\"small\">klein</p>"), "{html}");
        // The table is captioned by its section's heading, its header a column header (an
        // empty head is a plain cell), reachable by keyboard where it scrolls.
        assert!(html.contains("role=\"region\" aria-label=\"Waar staat u\" tabindex=\"0\""), "{html}");
        assert!(html.contains("<caption class=\"vh\">Waar staat u</caption>"), "{html}");
        assert!(html.contains("<thead><tr><th scope=\"col\">Lijn</th><td></td></tr></thead>"), "{html}");
        assert!(html.contains("<td class=\"strong\">1e lijn</td>"), "{html}");
        assert!(html.contains("<td class=\"r\" style=\"background:#f8cbad\">lager</td>"), "{html}");
        assert!(html.contains("<div class=\"page-break\" aria-hidden=\"true\"></div><h3>Advies</h3>"), "{html}");
    }
}
