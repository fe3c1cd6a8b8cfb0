//! SPEC §4 "Say only what the figures support", read back from every portret of a
//! generated sector (`lobmonitor sample`, 12 institutions, 3 years, and one more with a
//! very long name), in Dutch and in English: the workbook with calamine, the PDF with pdftotext.
//! No band contradicts the quartiles beside it, no difference that is not significant
//! is called equal, every distribution's count is the number of institutions shown,
//! page 1 is one page, and no page before the last is near-empty.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use calamine::Data;
use common::*;

/// The name of an institution whose page 1 title takes two lines.
const LONG: &str = "Stichting voor Openbaar en Bijzonder Beroepsonderwijs Kempenland en de Zuidoostelijke Regio";

fn has(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// One decimal, as every report prints a score.
fn printed(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The band a score takes against the quartiles beside it (SPEC §4), by hand.
fn band(score: f64, p25: f64, p75: f64) -> &'static str {
    let (s, a, b) = (printed(score), printed(p25), printed(p75));
    if s < a {
        "lowest"
    } else if s > b {
        "highest"
    } else {
        "middle"
    }
}

fn band_of_words(w: &str) -> Option<&'static str> {
    match w {
        "laagste kwart" | "lowest quarter" | "lowest_quarter" => Some("lowest"),
        "middelste helft" | "middle half" | "middle_half" => Some("middle"),
        "hoogste kwart" | "highest quarter" | "highest_quarter" => Some("highest"),
        _ => None,
    }
}

/// Words that would claim equality for a difference, or say nothing a reader can check.
const EQUALITY: [&str; 6] = [
    "gelijk aan de sector",
    "level with",
    "binnen de sector",
    "within the sector",
    "equal to the sector",
    "same as the sector",
];

/// The fill of every page (0–1 of the text area, from the lowest word above the footer),
/// from `pdftotext -bbox`.
fn page_fills(pdf: &Path) -> Vec<f64> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().unwrap();
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    let (top, bottom) = (46.0, 842.0 - 46.0 - 28.0);
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let lowest = page
                .split("yMax=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
                .filter(|&y| y <= bottom + 2.0)
                .fold(top, f64::max);
            (lowest - top) / (bottom - top)
        })
        .collect()
}

fn pdf_text(pdf: &Path, pages: Option<(u32, u32)>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    let out = cmd.arg("-layout").arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// sector_scores.csv by (year, peer, line, area, kind) → (p25, p75, institutions,
/// institutions_shown, suppression), by header name.
type SectorRows = BTreeMap<(String, String, String, String, String), (Option<f64>, Option<f64>, usize, usize, String)>;

fn sector_rows(out: &Path) -> SectorRows {
    let t = read_csv(&out.join("data/sector_scores.csv"));
    let col = |name: &str| t[0].iter().position(|h| h == name).unwrap();
    assert_eq!(t[0].last().unwrap(), "institutions_shown", "the last column (SPEC §6.1)");
    let f = |s: &str| s.parse::<f64>().ok();
    t[1..]
        .iter()
        .map(|r| {
            let key = |n: &str| r[col(n)].clone();
            (
                (key("year"), key("peer_group"), key("line"), key("area"), key("kind")),
                (
                    f(&r[col("p25")]),
                    f(&r[col("p75")]),
                    r[col("institutions")].parse().unwrap(),
                    r[col("institutions_shown")].parse().unwrap(),
                    r[col("suppression")].clone(),
                ),
            )
        })
        .collect()
}

#[test]
fn every_portret_says_only_what_its_figures_support() {
    let (t, input, _) = tempdir();
    let run = lobmonitor(
        t.path(),
        &["sample", "--institutions", "12", "--respondents", "14", "--years", "3", "-o", input.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // And one institution with a very long name (the title of its page 1 takes two
    // lines), line 1 only, nine respondents a year answering in a pattern of every word.
    let ids = items_of_line(1);
    let words = ["ja", "grotendeels", "enigszins", "nee"];
    for year in [2025u16, 2026, 2027] {
        let mut rows = vec![header(&ids)];
        for i in 0..9 {
            let mut row = vec![C::T(format!("r{i}"))];
            row.extend((0..ids.len()).map(|j| s(words[(i * 3 + j + year as usize) % 4])));
            rows.push(row);
        }
        write_xlsx(&input.join(format!("lang-{year}.xlsx")), vec![info(LONG, year, "mbo"), sheet("1e lijn", rows)]);
    }
    let pdftools = has("pdftotext");
    if !pdftools {
        eprintln!("poppler-utils not installed: the PDFs are not read back");
    }
    for lang in ["nl", "en"] {
        let out = t.path().join(format!("out-{lang}"));
        let run = lobmonitor(t.path(), &["run", "--pdf", "--lang", lang, "--output", out.to_str().unwrap()]);
        assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
        let sector = sector_rows(&out);
        let nl = lang == "nl";
        let pick = |a: &'static str, b: &'static str| if nl { a } else { b };

        // Every distribution's count is the institutions shown: the group rows not hidden.
        let groups = read_csv(&out.join("data/group_scores.csv"));
        let gcol = |name: &str| groups[0].iter().position(|h| h == name).unwrap();
        let mut shown: BTreeMap<(String, String, String, String), usize> = BTreeMap::new();
        for r in &groups[1..] {
            if r[gcol("suppressed")] == "false" && !r[gcol("score")].is_empty() {
                let k = (
                    r[gcol("year")].clone(),
                    r[gcol("line")].clone(),
                    r[gcol("area")].clone(),
                    r[gcol("kind")].clone(),
                );
                *shown.entry(k).or_default() += 1;
            }
        }
        let mut checked = 0;
        for ((year, peer, line, area, kind), (_, _, _, n_shown, _)) in &sector {
            if peer == "ALL" {
                let want = shown.get(&(year.clone(), line.clone(), area.clone(), kind.clone())).copied().unwrap_or(0);
                assert_eq!(*n_shown, want, "{year} {line} {area} {kind}");
                checked += 1;
            }
        }
        assert!(checked > 100);

        // benchmarks.csv: every band follows the P25 and P75 of its own table.
        let bench = read_csv(&out.join("data/benchmarks.csv"));
        let bcol = |name: &str| bench[0].iter().position(|h| h == name).unwrap();
        let peer_of: BTreeMap<String, String> =
            read_csv(&input.join("instellingen.csv"))[1..].iter().map(|r| (r[0].clone(), r[2].clone())).collect();
        let mut bands = 0;
        for r in &bench[1..] {
            let score: f64 = r[bcol("score")].parse().unwrap();
            let key = |peer: &str| {
                (
                    r[bcol("year")].clone(),
                    peer.to_string(),
                    r[bcol("line")].clone(),
                    r[bcol("area")].clone(),
                    r[bcol("kind")].clone(),
                )
            };
            let name = r[bcol("institution")].clone();
            for (peer, col) in [("ALL".to_string(), "rank_sector_band"), (peer_of[&name].clone(), "rank_peer_band")] {
                let Some(want) = band_of_words(&r[bcol(col)]) else { continue };
                let (Some(p25), Some(p75), ..) = sector[&key(&peer)] else { continue };
                // The table prints two decimals, and the rule compares at those.
                let (s2, a2, b2) = (score, p25, p75);
                let want_csv = if s2 < a2 {
                    "lowest"
                } else if s2 > b2 {
                    "highest"
                } else {
                    "middle"
                };
                assert_eq!(want, want_csv, "{r:?}: {score} against {p25}–{p75}");
                bands += 1;
            }
            // A difference from the other institutions' staff stands beside their mean.
            assert_eq!(r[bcol("versus_sector")].is_empty(), r[bcol("rest_of_sector_mean")].is_empty(), "{r:?}");
        }
        assert!(bands > 200, "{bands}");

        // Every portret.
        let mut portrets = 0;
        let mut changes = 0;
        let mut highest_lowest = 0;
        let mut whole_moves = 0;
        let mut page_bands = 0;
        let mut protected_rows = 0;
        for e in std::fs::read_dir(out.join("portretten")).unwrap() {
            let xlsx = e.unwrap().path();
            if xlsx.extension().is_none_or(|x| x != "xlsx") {
                continue;
            }
            portrets += 1;
            let year: String = xlsx.file_stem().unwrap().to_str().unwrap().rsplit('-').next().unwrap().into();
            let page = read_sheet(&xlsx, if lang == "nl" { "Portret" } else { "Portrait" });
            let head = page.iter().position(|r| text(&r[0]) == if lang == "nl" { "Lijn" } else { "Line" }).unwrap();
            let col = |name: &str| page[head].iter().position(|c| text(c) == name).unwrap_or_else(|| panic!("{name}"));
            let en = !nl;
            let (own, p25, p75, over, pos) = (
                col(pick("Eigen score", "Own score")),
                col("Sector P25"),
                col("Sector P75"),
                col(pick("Instellingen getoond", "Institutions shown")),
                col(pick("Positie onder de instellingen", "Position among the institutions")),
            );
            let versus = col(pick("Verschil met de medewerkers van de sector", "Difference from the sector's staff"));
            let mut positions = 0;
            let (change, earlier) = (col(pick("Verandering", "Change")), col(pick("Toen", "Then")));
            let rest =
                col(pick("Medewerkers andere instellingen (gemiddelde)", "Staff of the other institutions (mean)"));
            for r in page[head + 1..].iter().take_while(|r| !text(&r[0]).is_empty() && text(&r[0]) != "Empty") {
                let line = text(&r[0]).chars().find(|c| c.is_ascii_digit()).unwrap().to_string();
                let area = match text(&r[1]).as_str() {
                    "Totaal" | "Total" => "ALL",
                    "Visie en beleid" | "Vision and policy" => "VB",
                    "Oriëntatie en begeleiding" | "Orientation and guidance" => "OB",
                    "Organisatie" | "Organisation" => "OR",
                    _ => "SW",
                };
                let (q25, q75, institutions, n_shown, why) =
                    sector[&(year.clone(), "ALL".into(), line.clone(), area.into(), "ALL".into())].clone();
                // "N van M": the institutions shown of those with respondents; where the
                // sector figure is withheld for too few institutions nothing is shown, and
                // the count says how many there are ("1 instelling"), never "1 van 1".
                let want = if why == "few_institutions" {
                    let one = institutions == 1;
                    format!(
                        "{institutions} {}",
                        if one { pick("instelling", "institution") } else { pick("instellingen", "institutions") }
                    )
                } else {
                    format!("{n_shown} {} {institutions}", pick("van", "of"))
                };
                assert_eq!(text(&r[over]), want, "{xlsx:?} {r:?}");
                // The band beside the quartiles follows them.
                if let Some(b) = band_of_words(&text(&r[pos])) {
                    let (Data::Float(v), Data::Float(a), Data::Float(z)) = (&r[own], &r[p25], &r[p75]) else {
                        panic!("{xlsx:?}: a band without its figures: {r:?}")
                    };
                    assert_eq!(b, band(*v, *a, *z), "{xlsx:?} {r:?}");
                    // The quartiles beside it are the table's (two decimals there).
                    assert!((a - q25.unwrap()).abs() < 0.006 && (z - q75.unwrap()).abs() < 0.006, "{xlsx:?} {r:?}");
                    page_bands += 1;
                    positions += 1;
                }
                // A change stands beside its two figures (own score, then): the printed
                // change is the printed own score minus the printed earlier one.
                if let (Data::Float(d), Data::Float(v), Data::Float(then)) = (&r[change], &r[own], &r[earlier]) {
                    assert!((d - (printed(*v) - printed(*then))).abs() < 1e-9, "{xlsx:?} {r:?}");
                    changes += 1;
                }
                // A test's verdict stands beside the mean it tested against.
                let verdict = text(&r[versus]);
                // A line kept out of the comparison to protect a group elsewhere says
                // so in both places, never a verdict without its mean or the reverse.
                if ["afgeschermd", "protected"].contains(&verdict.as_str()) {
                    assert_eq!(text(&r[rest]), verdict, "{xlsx:?} {r:?}");
                    protected_rows += 1;
                } else if !verdict.is_empty() && verdict != "Empty" {
                    assert!(matches!(&r[rest], Data::Float(_)), "{xlsx:?} {r:?}");
                    assert!(
                        [
                            "aantoonbaar hoger",
                            "aantoonbaar lager",
                            "geen aantoonbaar verschil",
                            "clearly higher",
                            "clearly lower",
                            "no clear difference"
                        ]
                        .contains(&verdict.as_str()),
                        "{verdict}"
                    );
                }
            }
            // The highest/lowest sentence: each area it names has the score and the band
            // printed for it in the table (never "strongest" against a lowest quarter).
            let all_text: Vec<String> = page.iter().flat_map(|r| r.iter().map(text)).collect();
            assert!(!all_text.iter().any(|t| t.contains("sterkst") || t.contains("Strongest")), "{xlsx:?}");
            if let Some(sen) =
                all_text.iter().find(|t| t.starts_with(pick("Uw hoogste eigen score", "Your highest own score")))
            {
                let segs: Vec<&str> = sen.split('(').collect();
                for k in 0..2 {
                    let before = segs[k];
                    let figs = segs[k + 1].split(')').next().unwrap();
                    let named = before.rsplit(pick(" die voor ", " for ")).next().unwrap();
                    let (area, line) = named.trim().split_once(pick(" in de ", " in line ")).unwrap();
                    let digit = line.chars().find(|c| c.is_ascii_digit()).unwrap();
                    let row = page[head + 1..]
                        .iter()
                        .find(|r| text(&r[1]) == area && text(&r[0]).contains(digit))
                        .unwrap_or_else(|| panic!("{xlsx:?}: {area} {line} not in the table: {sen}"));
                    let (score, band_words) = match figs.split_once("; ") {
                        Some((a, b)) => (a, b.to_string()),
                        None => (figs, String::new()),
                    };
                    let Data::Float(v) = row[own] else { panic!("{xlsx:?}: {row:?}") };
                    let v: f64 = v;
                    assert_eq!(score.replace(',', "."), format!("{:.1}", printed(v)), "{xlsx:?}: {sen}");
                    assert_eq!(band_words, text(&row[pos]).replace("Empty", ""), "{xlsx:?}: {sen}");
                    highest_lowest += 1;
                }
            }
            // A line whose four areas all moved the same way (as printed) is named in the
            // change sentence, falls and rises alike.
            for digit in ['1', '2', '3'] {
                let moves: Vec<f64> = page[head + 1..]
                    .iter()
                    .take_while(|r| !text(&r[0]).is_empty() && text(&r[0]) != "Empty")
                    .filter(|r| text(&r[0]).contains(digit) && !matches!(text(&r[1]).as_str(), "Totaal" | "Total"))
                    .filter_map(|r| if let Data::Float(d) = r[change] { Some(d) } else { None })
                    .collect();
                if moves.len() == 4 && (moves.iter().all(|d| *d < 0.0) || moves.iter().all(|d| *d > 0.0)) {
                    let name = pick("e lijn", "line ");
                    let name = if nl { format!("{digit}{name}") } else { format!("{name}{digit}") };
                    let sen = all_text
                        .iter()
                        .find(|t| t.contains(pick("in alle vier aandachtsgebieden", "in all four areas")))
                        .unwrap_or_else(|| panic!("{xlsx:?}: {name} moved in all four areas, unsaid"));
                    assert!(sen.contains(&name), "{xlsx:?}: {name} moved in all four areas {moves:?}: {sen}");
                    whole_moves += 1;
                }
            }
            // The how-to-read box's example count is one of this page's own counts (or
            // the count in letters where none is published), never a fixed "6 van 12".
            let counts: Vec<String> = page[head + 1..]
                .iter()
                .take_while(|r| !text(&r[0]).is_empty() && text(&r[0]) != "Empty")
                .map(|r| text(&r[over]))
                .collect();
            let how = page
                .iter()
                .flat_map(|r| r.iter().map(text))
                .find(|s| s.contains(pick("Positie onder de instellingen:", "Position among the institutions:")))
                .unwrap_or_else(|| panic!("{xlsx:?}: no how-to-read box"));
            let example = how.split('"').nth(1).unwrap().to_string();
            assert!(
                counts.contains(&example) || example == pick("N van M", "N of M"),
                "{xlsx:?}: example «{example}» not among {counts:?}"
            );
            // No equality claimed anywhere in the workbook's page 1.
            for r in &page {
                for c in r {
                    let s = text(c);
                    for w in EQUALITY {
                        assert!(!s.contains(w), "{xlsx:?}: «{s}»");
                    }
                }
            }
            // Every recommendation quotes a finding (or says none holds).
            let rec = read_sheet(&xlsx, pick("Aanbevelingen", "Recommendations"));
            for r in &rec[1..] {
                let finding = text(&r[2]);
                let title = text(&r[0]);
                assert!(
                    title == pick("Geen aanbeveling uit de cijfers", "No recommendation from the figures")
                        || !finding.is_empty() && finding != "Empty",
                    "{xlsx:?}: {r:?}"
                );
                assert!(!finding.contains("nergens onder de sector") && !finding.contains("nowhere below the sector"));
            }

            if !pdftools {
                continue;
            }
            let pdf = xlsx.with_extension("pdf");
            let all = pdf_text(&pdf, None);
            for w in EQUALITY {
                assert!(!all.contains(w), "{pdf:?}: {w}");
            }
            for slip in ["raamwerk raamwerk", "−0,0", "−0.0", "Real: yes", "95%-BI", "95% CI"] {
                assert!(!all.contains(slip), "{pdf:?}: {slip}");
            }
            if en {
                assert!(!all.to_lowercase().contains("portret"), "{pdf:?}: 'portret' in English");
            }
            // Page 1 is one page: it holds its last words (the glossary's end), and page 2
            // none of page 1.
            let page1 = pdf_text(&pdf, Some((1, 1)));
            let end = pick("Samenwerking (SW).", "Cooperation (SW).");
            assert!(page1.contains(end), "{pdf:?}: page 1 does not end on page 1: {page1}");
            assert!(page1.contains(pick("Zo leest u dit portret", "How to read this portrait")));
            let page2 = pdf_text(&pdf, Some((2, 2)));
            for w in [pick("Waar staat u", "Where you stand"), end, pick("Zo leest u", "How to read")] {
                assert!(!page2.contains(w), "{pdf:?}: page 1 spills onto page 2: {w}");
            }
            // Page 1's rows read back: every band follows the P25 and P75 printed beside it
            // ("n own P25 median P75 N van M band").
            let tokens: Vec<&str> = page1.split(' ').collect();
            let dec = |s: &str| s.contains([',', '.']).then(|| s.replace(',', ".").parse::<f64>().ok()).flatten();
            let int = |s: &str| s.parse::<u64>().is_ok();
            let mut rows = 0;
            for w in tokens.windows(10) {
                let figures: Vec<f64> = w[1..5].iter().filter_map(|t| dec(t)).collect();
                if int(w[0]) && figures.len() == 4 && int(w[5]) && (w[6] == "van" || w[6] == "of") && int(w[7]) {
                    let Some(b) = band_of_words(&format!("{} {}", w[8], w[9])) else { continue };
                    assert_eq!(b, band(figures[0], figures[1], figures[3]), "{pdf:?}: {}", w.join(" "));
                    rows += 1;
                }
            }
            // As many as the workbook's page 1 has positions (none where every line is too
            // small to show).
            assert_eq!(rows, positions, "{pdf:?}: {rows} rows read back: {page1}");
            // No page before the last is near-empty.
            let fills = page_fills(&pdf);
            for (i, fill) in fills.iter().enumerate().take(fills.len() - 1) {
                assert!(*fill >= 0.25, "{pdf:?}: page {} is {:.0} % filled: {fills:?}", i + 1, fill * 100.0);
            }
        }
        assert_eq!(portrets, 39);
        // The sector workbook likewise: no "Institutions shown" beside "too few institutions".
        let few = pick("te weinig instellingen", "too few institutions");
        let mut withheld = 0;
        for name in [pick("Overzicht", "Overview"), pick("Peergroepen", "Peer groups")] {
            let sheet = read_sheet(&out.join("sector.xlsx"), name);
            let col = |h: &str| sheet[0].iter().position(|c| text(c).starts_with(h)).unwrap_or_else(|| panic!("{h}"));
            let (score, shown) = (col("Score"), col(pick("Instellingen getoond", "Institutions shown")));
            for r in &sheet[1..] {
                if text(&r[score]) == few {
                    assert!(matches!(r[shown], Data::Empty), "{name}: {r:?}");
                    withheld += 1;
                }
            }
        }
        assert!(withheld > 0, "the sample has a peer group with too few institutions");
        assert!(page_bands > 100, "{page_bands}");
        // The sample has lines kept out of the comparison to protect a group elsewhere.
        assert!(protected_rows > 0, "{protected_rows}");
        assert!(changes > 50, "{changes}");
        assert!(highest_lowest > 40, "{highest_lowest}");
        assert!(whole_moves > 5, "{whole_moves}");
        let long_pdfs = std::fs::read_dir(out.join("portretten"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("stichting-voor-openbaar"))
            .count();
        assert_eq!(long_pdfs, if pdftools { 6 } else { 3 });
        if pdftools {
            let pdf = out.join("sector.pdf");
            let all = pdf_text(&pdf, None);
            for w in EQUALITY.iter().chain(&["−0,0", "−0.0", "95%-BI"]) {
                assert!(!all.contains(w), "sector.pdf: {w}");
            }
            // The first year's tables have no change, and their header says so (the
            // sample has three years: one first year, in the sector and each peer group
            // with a table).
            let first = pick("eerste jaar", "first year");
            assert!(all.contains(first), "sector.pdf: the first year's change column says {first}");
            // A count never says "shown" beside a row withheld for too few institutions
            // ("1 van 1" beside "te weinig instellingen"): there the row shows nothing.
            let few = pick("te weinig instellingen", "too few institutions");
            let tokens: Vec<&str> = all.split(' ').collect();
            for w in tokens.windows(6) {
                if (w[1] == "van" || w[1] == "of") && w[3..].join(" ") == few {
                    panic!("sector.pdf: a count of shown institutions beside «{few}»: {}", w.join(" "));
                }
            }
            // The peer groups, each change and gap with its interval.
            for p in ["vo", "mbo"] {
                assert!(all.contains(&format!("{} {p}", pick("Peergroep", "Peer group"))), "{p}");
            }
            let fills = page_fills(&pdf);
            for (i, fill) in fills.iter().enumerate().take(fills.len() - 1) {
                assert!(*fill >= 0.25, "sector.pdf: page {} is {:.0} % filled: {fills:?}", i + 1, fill * 100.0);
            }
        }
    }
}
