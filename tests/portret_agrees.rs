//! SPEC §6: "Each report … is one document, built once from the scores, and rendered as
//! workbook, PDF and HTML: the three show the same content." Every portret of a sample run
//! is read back twice — its workbook with calamine, its PDF with pdftotext — and the two
//! must agree on page 1 (the sentences, every figure of the table, the notes under it,
//! how to read it), the change since last year, the position in the peer group, and the
//! highest and lowest items with their n.

mod common;

use std::path::Path;
use std::process::Command;

use calamine::Data;
use common::*;

/// A PDF's text, pages `from..=to`, laid out (`-layout`): one printed line a line.
fn pdf_lines(pdf: &Path, from: u32, to: u32) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-f", &from.to_string(), "-l", &to.to_string(), "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).lines().map(folded).collect()
}

/// A sheet's rows under the header row whose first cell is `first`, as maps from header
/// to cell, up to the first empty row.
fn table(sheet: &[Vec<Data>], first: &str) -> Vec<std::collections::HashMap<String, Data>> {
    let at = sheet.iter().position(|r| cell(r.first()) == first).unwrap_or_else(|| panic!("no header {first}"));
    let heads: Vec<String> = sheet[at].iter().map(|c| cell(Some(c))).collect();
    sheet[at + 1..]
        .iter()
        .take_while(|r| !cell(r.first()).is_empty())
        .map(|r| heads.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

#[test]
fn a_portrets_workbook_and_pdf_show_the_same_figures_items_and_notes() {
    if !has("pdftotext") {
        eprintln!("poppler-utils not installed: the PDF cannot be read back");
        return;
    }
    let (t, input, output) = tempdir();
    let sample =
        lobmonitor(t.path(), &["sample", "--institutions", "6", "--years", "2", "-o", input.to_str().unwrap()]);
    assert_eq!(sample.code, 0, "{}", sample.stderr);
    let run = lobmonitor(t.path(), &["run", "--pdf"]);
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);

    let mut portrets = 0;
    let (mut rows_checked, mut changes, mut peers, mut items_checked, mut protected) = (0, 0, 0, 0, 0);
    for entry in std::fs::read_dir(output.join("portretten")).unwrap() {
        let xlsx = entry.unwrap().path();
        if xlsx.extension().and_then(|e| e.to_str()) != Some("xlsx") {
            continue;
        }
        let pdf = xlsx.with_extension("pdf");
        portrets += 1;
        let page = read_sheet(&xlsx, "Portret");
        let page1 = pdf_lines(&pdf, 1, 1);
        let page1_text = page1.join(" ");
        let rest = pdf_lines(&pdf, 2, 99);
        let rest_text = rest.join(" ");

        // Page 1's sentences (rows 3.. up to the blank), in full on the PDF's page 1. Where
        // its page runs short the PDF leaves out only the optional ones, which come last:
        // its own highest and lowest area, and the areas below in a line below.
        let sentences: Vec<String> = page[3..].iter().map(|r| cell(r.first())).take_while(|s| !s.is_empty()).collect();
        assert!(sentences.len() >= 3, "{xlsx:?}: {sentences:?}");
        let shown = sentences.iter().take_while(|s| page1_text.contains(&folded(s))).count();
        for s in &sentences[shown..] {
            let optional = ["Uw hoogste eigen score", "Alle aandachtsgebieden hebben", "Aantoonbaar lager dan de"];
            assert!(optional.iter().any(|o| s.starts_with(o)), "{pdf:?}: page 1 lacks «{s}»:\n{page1_text}");
            assert!(!page1_text.contains(&folded(s)), "{pdf:?}: «{s}» out of order");
        }

        // Every row of page 1's table, figure for figure: n, own score, the sector's
        // P25/median/P75, over how many institutions, the position, the other
        // institutions' staff mean and the test; one printed line a row in the PDF.
        let rows = table(&page, "Lijn");
        assert_eq!(rows.len() % 5, 0, "{xlsx:?}: a total and four areas per line");
        for r in &rows {
            let get = |h: &str| r.get(h);
            let expected: Vec<String> = [
                cell(get("Lijn")),
                cell(get("Aandachtsgebied")),
                cell(get("n")),
                printed(get("Eigen score")),
                printed(get("Sector P25")),
                printed(get("Sector mediaan")),
                printed(get("Sector P75")),
                cell(get("Instellingen getoond")),
                cell(get("Positie onder de instellingen")),
                printed(get("Medewerkers andere instellingen (gemiddelde)")),
                cell(get("Verschil met de medewerkers van de sector")),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
            let line = expected.join(" ");
            assert!(page1.contains(&line), "{pdf:?}: no row «{line}» on page 1:\n{}", page1.join("\n"));
            rows_checked += 1;

            // The change since last year: the workbook's page 1 gives it in five
            // columns, the PDF's series table in one phrase beside the figure of then.
            if let Some(Data::Float(change)) = get("Verandering") {
                let since = num(get("Sinds").unwrap()) as u16;
                let then = printed(get("Toen"));
                let interval = cell(get("95%-interval van de verandering"));
                let verdict = match cell(get("Aantoonbaar veranderd")).as_str() {
                    "ja" => "aantoonbaar verschil",
                    "nee" => "geen aantoonbaar verschil",
                    other => panic!("{xlsx:?}: significance «{other}»"),
                };
                let phrase = format!("{} (95%-interval {interval}; {verdict}) sinds {since}", signed(*change));
                let row = format!(
                    "{} {} {then} {} {phrase}",
                    cell(get("Lijn")),
                    cell(get("Aandachtsgebied")),
                    printed(get("Eigen score"))
                );
                assert!(rest.contains(&row), "{pdf:?}: no series row «{row}»:\n{rest_text}");
                changes += 1;
            }
        }

        // The position in the peer group: per line, the total and the four areas in the
        // PDF's table under the chart, as in the workbook's column.
        for line_rows in rows.chunks(5) {
            let words: Vec<String> =
                line_rows.iter().map(|r| cell(r.get("Positie in de peergroep"))).filter(|s| !s.is_empty()).collect();
            if words.is_empty() {
                continue;
            }
            let row = format!("{} {}", cell(line_rows[0].get("Lijn")), words.join(" "));
            let section = rest.iter().position(|l| l == "Positie in de peergroep").expect("the peer-group table");
            assert!(rest[section..].contains(&row), "{pdf:?}: no peer row «{row}»:\n{rest_text}");
            peers += 1;
        }

        // The notes under the table: over how many institutions each distribution was
        // taken (one cell in the workbook, consecutive paragraphs in the PDF), and the
        // note on own figures hidden only to protect others, in both or in neither.
        let notes = cell(page.iter().map(|r| r.first()).find(|c| cell(*c).contains("P25–P75")).flatten());
        assert!(page1_text.contains(&folded(&notes)), "{pdf:?}: page 1 lacks the notes «{notes}»");
        let why = "Enkele van uw eigen cijfers staan hier wel, maar in de sectortabellen niet";
        let in_workbook = page.iter().any(|r| cell(r.first()).starts_with(why));
        assert_eq!(page1_text.contains(why), in_workbook, "{pdf:?}: the protected note in one of the two");
        protected += usize::from(in_workbook);
        // How to read it, and the glossary.
        for start in ["Zo leest u dit portret", "LOB = loopbaanoriëntatie"] {
            let box_text = cell(page.iter().map(|r| r.first()).find(|c| cell(*c).starts_with(start)).flatten());
            assert!(page1_text.contains(&folded(&box_text)), "{pdf:?}: page 1 lacks «{box_text}»");
        }

        // The highest and lowest items: the same items, in the same order, each with its
        // label, n, own score and the sector's. A long item text wraps in the PDF: its
        // first printed line holds the id and, at its end, the figures.
        let items = table(&read_sheet(&xlsx, "Hoog en laag"), "Lijn");
        assert!(!items.is_empty(), "{xlsx:?}: no items");
        let listed: Vec<&String> = rest.iter().filter(|l| l.contains(" hoogst L") || l.contains(" laagst L")).collect();
        assert_eq!(listed.len(), items.len(), "{pdf:?}: {listed:#?}");
        for (it, l) in items.iter().zip(&listed) {
            let head = format!("{} {} {}", cell(it.get("Lijn")), cell(it.get("")), cell(it.get("Item")));
            let figures =
                format!("{} {} {}", cell(it.get("n")), printed(it.get("Eigen score")), printed(it.get("Sector")));
            assert!(
                l.starts_with(&head) && l.ends_with(figures.trim_end()),
                "{pdf:?}: «{l}» against «{head} … {figures}»"
            );
            items_checked += 1;
        }
    }
    // Six institutions in two years; 2 lines × 5 rows at least each, the changes of the
    // second year, peer positions and items; the sample protects some own figures.
    assert_eq!(portrets, 12);
    assert!(rows_checked >= 12 * 5, "{rows_checked}");
    assert!(changes >= 5, "{changes}");
    assert!(peers >= 6, "{peers}");
    assert!(items_checked >= 12 * 10, "{items_checked}");
    assert!(protected >= 1, "the sample has no portret with a protected own figure: the note is not tested");
}
