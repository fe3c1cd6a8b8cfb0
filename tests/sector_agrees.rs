//! SPEC §6: "Each report … is one document, built once from the scores, and rendered as
//! workbook, PDF and HTML: the three show the same content." The sector report of a run
//! is read back twice — `sector.xlsx` with calamine, `sector.pdf` with pdftotext — and the
//! two must agree on every figure of the overview: per year, line and area (and per peer
//! group) the institutions shown of those with respondents, n, the score or the mark of
//! why it is hidden, P25/median/P75 and the change with its interval and verdict; the
//! peer groups with too few institutions for a table (a sentence with the count); the
//! gaps between lines; and the method notes, the count of hidden figures included.
//! Overzicht, Peergroepen and Lijnen must agree with each other on the figures they share.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use calamine::Data;
use common::*;

/// The PDF's text, laid out (`-layout`): one printed line a line, whitespace folded, the
/// page footers left out (a paragraph may run on over them).
fn pdf_lines(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().map(folded).filter(|l| !l.contains(" · pagina ")).collect()
}

/// A sheet's rows under its header row (row 0), as maps from header to cell, up to the
/// first row with an empty first cell (the note under the table).
fn table(sheet: &[Vec<Data>]) -> Vec<HashMap<String, Data>> {
    let heads: Vec<String> = sheet[0].iter().map(|c| cell(Some(c))).collect();
    sheet[1..]
        .iter()
        .take_while(|r| !cell(r.first()).is_empty())
        .map(|r| heads.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// The lines of the PDF from the line `heading` to the next line starting with one of
/// `ends`.
fn section<'a>(pdf: &'a [String], heading: &str, ends: &[&str]) -> &'a [String] {
    let at = pdf.iter().position(|l| l == heading).unwrap_or_else(|| panic!("no «{heading}» in the PDF"));
    let len = pdf[at + 1..].iter().position(|l| ends.iter().any(|e| l.starts_with(e))).unwrap_or(pdf.len() - at - 1);
    &pdf[at + 1..at + 1 + len]
}

/// What the checks covered, so a run that checks nothing fails.
#[derive(Default, Debug)]
struct Checked {
    rows: usize,
    marks: usize,
    changes: usize,
    peer_tables: usize,
    too_few: usize,
    gaps: usize,
}

fn workbook_and_pdf_agree(institutions: &str, years: &str, respondents: &str) -> Checked {
    let (t, input, output) = tempdir();
    let args = ["sample", "--institutions", institutions, "--years", years, "--respondents", respondents, "-o"];
    let mut args: Vec<&str> = args.to_vec();
    args.push(input.to_str().unwrap());
    let sample = lobmonitor(t.path(), &args);
    assert_eq!(sample.code, 0, "{}", sample.stderr);
    let run = lobmonitor(t.path(), &["run", "--pdf"]);
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    let xlsx = output.join("sector.xlsx");
    let pdf = pdf_lines(&output.join("sector.pdf"));
    let mut checked = Checked::default();

    // Overzicht's figures are Peergroepen's for the whole sector, cell for cell.
    let overview = table(&read_sheet(&xlsx, "Overzicht"));
    let peer_rows = table(&read_sheet(&xlsx, "Peergroepen"));
    let key = |r: &HashMap<String, Data>, peer: &str| {
        (cell(r.get("Jaar")), peer.to_string(), cell(r.get("Lijn")), cell(r.get("Aandachtsgebied")))
    };
    let by_key: HashMap<_, _> = peer_rows.iter().map(|r| (key(r, &cell(r.get("Peergroep"))), r)).collect();
    for o in overview.iter().filter(|o| cell(o.get("Soort")) == "Alle") {
        let p = by_key.get(&key(o, "sector (alle)")).unwrap_or_else(|| panic!("Peergroepen lacks {:?}", key(o, "")));
        for h in ["n", "Score", "95%-interval laag", "95%-interval hoog", "P25", "Mediaan", "P75", "Instellingen"] {
            assert_eq!(o.get(h), p.get(h), "{h} of {:?}", key(o, ""));
        }
        assert_eq!(
            o.get("Instellingen getoond (P25–P75 over)"),
            p.get("Instellingen getoond"),
            "shown of {:?}",
            key(o, "")
        );
    }

    // Every row of Peergroepen (the sector and each peer group with a table) is a printed
    // line of its table in the PDF, figure for figure. A peer group whose line totals all
    // say "te weinig instellingen" has no table but a sentence with its count.
    let mut groups: Vec<(String, String)> =
        peer_rows.iter().map(|r| (cell(r.get("Jaar")), cell(r.get("Peergroep")))).collect();
    groups.dedup();
    let min = 3; // the default minimum of institutions for a pooled figure (SPEC §5)
    for (year, peer) in groups {
        let rows: Vec<_> =
            peer_rows.iter().filter(|r| cell(r.get("Jaar")) == year && cell(r.get("Peergroep")) == peer).collect();
        let totals: Vec<_> = rows.iter().filter(|r| cell(r.get("Aandachtsgebied")) == "Totaal").collect();
        if peer != "sector (alle)" && totals.iter().all(|r| cell(r.get("Score")) == "te weinig instellingen") {
            let most = totals.iter().map(|r| num(r.get("Instellingen").unwrap()) as usize).max().unwrap();
            let who = if most == 1 { "instelling" } else { "instellingen" };
            let sentence = format!(
                "Peergroep {peer} {year}: {most} {who} met respondenten, minder dan de {min} die nodig zijn voor een peergroepcijfer; geen tabel."
            );
            assert!(pdf.contains(&sentence), "no «{sentence}» in the PDF");
            assert!(!pdf.contains(&format!("Peergroep {peer} {year}")), "a table for {peer} {year}");
            checked.too_few += 1;
            continue;
        }
        let heading = match peer.as_str() {
            "sector (alle)" => format!("Lijnen en aandachtsgebieden {year}"),
            code => {
                checked.peer_tables += 1;
                format!("Peergroep {code} {year}")
            }
        };
        // The table ends at the next heading or the note under the sector's table.
        let ends = ["Lijnen en aandachtsgebieden ", "Peergroep ", "Verschillen tussen", "P25, mediaan en P75 over"];
        let table = section(&pdf, &heading, &ends);
        for r in rows {
            let get = |h: &str| r.get(h);
            let over = match cell(get("Instellingen getoond")).as_str() {
                // Withheld for too few institutions: the count, not "shown of".
                "" => {
                    let n = cell(get("Instellingen"));
                    format!("{n} {}", if n == "1" { "instelling" } else { "instellingen" })
                }
                shown => format!("{shown} van {}", cell(get("Instellingen"))),
            };
            let score = printed(get("Score"));
            if matches!(get("Score"), Some(Data::String(_))) {
                checked.marks += 1;
            }
            let mut expected: Vec<String> = [
                cell(get("Lijn")),
                cell(get("Aandachtsgebied")),
                over,
                cell(get("n")),
                score,
                printed(get("P25")),
                printed(get("Mediaan")),
                printed(get("P75")),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
            // The change: where all of a table's changes are since one year, its header
            // says the year and the cell the figure; otherwise the cell says both.
            let mut variants = vec![expected.join(" ")];
            if let Some(Data::Float(change)) = get("Verandering") {
                let since = cell(get("Sinds"));
                let tail = [cell(get("95%-interval van de verandering")), cell(get("Aantoonbaar veranderd"))].join(" ");
                expected.push(signed(*change));
                let one = format!("{} {tail}", expected.join(" "));
                expected.pop();
                expected.push(format!("{} (sinds {since})", signed(*change)));
                variants = vec![one, format!("{} {tail}", expected.join(" "))];
                checked.changes += 1;
            }
            assert!(
                variants.iter().any(|v| table.contains(v)),
                "no row «{}» under «{heading}»:\n{}",
                variants[0],
                table.join("\n")
            );
            checked.rows += 1;
        }
    }

    // The gaps between lines: each of Lijnen (a pair's gap, interval, verdict) in the
    // PDF's table of its year; the lines' scores there are Overzicht's.
    let lines_sheet = read_sheet(&xlsx, "Lijnen");
    let heads: Vec<String> = lines_sheet[0].iter().map(|c| cell(Some(c))).collect();
    let pairs: Vec<&str> = heads.iter().filter_map(|h| h.strip_suffix(": verschil")).collect();
    assert_eq!(pairs, ["2e lijn − 1e lijn", "3e lijn − 2e lijn", "3e lijn − 1e lijn"]);
    let scores: HashMap<_, _> = overview
        .iter()
        .filter(|o| cell(o.get("Soort")) == "Alle")
        .map(|o| (key(o, ""), printed(o.get("Score"))))
        .collect();
    for r in table(&lines_sheet) {
        let (year, peer, area) = (cell(r.get("Jaar")), cell(r.get("Peergroep")), cell(r.get("Aandachtsgebied")));
        if peer == "sector (alle)" {
            for line in ["1e lijn", "2e lijn", "3e lijn"] {
                let k = (year.clone(), String::new(), line.to_string(), area.clone());
                assert_eq!(scores.get(&k).cloned().unwrap_or_default(), printed(r.get(line)), "{k:?}");
            }
        }
        for pair in &pairs {
            let Some(Data::Float(gap)) = r.get(&format!("{pair}: verschil")) else { continue };
            let row = format!(
                "{} {area} {} {} {} {}",
                if peer == "sector (alle)" { "sector" } else { peer.as_str() },
                pair.replace('−', "–"),
                signed(*gap),
                cell(r.get(&format!("{pair}: 95%-interval"))),
                cell(r.get(&format!("{pair}: aantoonbaar"))),
            );
            // The gaps' table (its header starts "Peergroep") runs to the next year.
            let gaps =
                section(&pdf, &format!("Verschillen tussen de lijnen {year}"), &["Lijnen en aandachtsgebieden "]);
            assert!(gaps.contains(&row), "no gap «{row}» in the PDF:\n{}", gaps.join("\n"));
            checked.gaps += 1;
        }
    }

    // The method notes, the count of what this run hid among them ("Afgeschermd"): each
    // of Toelichting's in the PDF's Method section.
    let notes = read_sheet(&xlsx, "Toelichting");
    let years_line = cell(notes[1].first());
    let years: Vec<&str> = years_line.trim_start_matches("Jaren: ").split(", ").collect();
    let span =
        if years.len() > 1 { format!("{}–{}", years[0], years[years.len() - 1]) } else { years[0].to_string() };
    assert_eq!(pdf[0], format!("Sectoroverzicht professionaliteit LOB {span}"));
    let at = notes.iter().position(|r| cell(r.first()) == "Methode").unwrap();
    let method_at = pdf.iter().rposition(|l| l == "Methode").expect("the PDF's Method section");
    // Folded again: a page break leaves empty lines inside a paragraph.
    let method = folded(&pdf[method_at..].join(" "));
    let mut said = 0;
    for r in notes[at + 1..].iter().take_while(|r| !cell(r.first()).is_empty()) {
        for c in [cell(r.first()), cell(r.get(1))] {
            assert!(method.contains(&folded(&c)), "the PDF's Method lacks «{c}»");
        }
        said += 1;
    }
    assert!(said >= 10, "{said} method notes");
    assert!(method.contains("Afgeschermd groepsscores:"), "the count of hidden figures");
    checked
}

#[test]
fn the_sector_workbook_and_pdf_show_the_same_overview_figures_and_notes() {
    if !has("pdftotext") {
        eprintln!("poppler-utils not installed: the sector PDF cannot be read back");
        return;
    }
    // Eight institutions over three years: peer-group tables, changes since a year.
    let big = workbook_and_pdf_agree("8", "3", "30");
    // Four small institutions over two years: protected and small groups, peer groups
    // with too few institutions for a table.
    let small = workbook_and_pdf_agree("4", "2", "12");
    // Every kind of row was checked somewhere: 15 rows (3 lines × total and 4 areas)
    // per table at least, in each year.
    assert!(big.rows >= 15 * 3 && small.rows >= 15 * 2, "{big:?} {small:?}");
    assert!(big.peer_tables > 0 && big.changes > 0 && big.gaps > 0, "{big:?}");
    assert!(small.too_few > 0 && small.marks > 0, "{small:?}");
}
