//! Publications anyone can read (SPEC §6): every PDF tagged (PDF/UA-1: a structure tree
//! with headings, tables with header cells, figures with alternative text, the language
//! and title), no text printed under 7 pt, and the HTML edition — self-contained pages with
//! the same words and figures, checked against WCAG 2.1 A/AA by axe-core where it can run.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::*;

fn has(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// A generated sample (three institutions, two years, all three lines) run once with the
/// PDFs, in cargo's temporary folder for tests; its folder, input and output.
fn sample_run() -> &'static (PathBuf, PathBuf, PathBuf) {
    static RUN: OnceLock<(PathBuf, PathBuf, PathBuf)> = OnceLock::new();
    RUN.get_or_init(|| {
        let t = Path::new(env!("CARGO_TARGET_TMPDIR")).join("publications-sample");
        let _ = std::fs::remove_dir_all(&t);
        std::fs::create_dir_all(&t).unwrap();
        let (input, output) = (t.join("input"), t.join("output"));
        let s = lobmonitor(
            &t,
            &["sample", "--institutions", "3", "--respondents", "14", "--years", "2", "-o", input.to_str().unwrap()],
        );
        assert_eq!(s.code, 0, "{}", s.stderr);
        let run = lobmonitor(&t, &["run", "--pdf"]);
        assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
        (t, input, output)
    })
}

/// Output files of a kind, as the manifest lists them.
fn outputs_of(output: &Path, kind: &str) -> Vec<PathBuf> {
    manifest(output)["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["kind"] == kind)
        .map(|o| output.join(o["path"].as_str().unwrap()))
        .collect()
}

fn pdfs(output: &Path) -> Vec<PathBuf> {
    let mut v = outputs_of(output, "portret_pdf");
    v.extend(outputs_of(output, "sector_pdf"));
    v
}

#[test]
fn every_pdf_is_tagged_with_headings_tables_and_figures_with_alt_text() {
    let (_, _, output) = sample_run();
    let pdfs = pdfs(output);
    // 3 institutions × 2 years and the sector overview.
    assert_eq!(pdfs.len(), 7, "{pdfs:?}");
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).unwrap();
        let raw = String::from_utf8_lossy(&bytes);
        // Written by krilla with its PDF/UA-1 validator: the catalogue says so.
        for key in ["/StructTreeRoot", "/MarkInfo", "/Marked true", "/Lang (nl)", "/DisplayDocTitle true", "/Outlines"]
        {
            assert!(raw.contains(key), "{}: {key} missing", pdf.display());
        }
        assert!(raw.contains("pdfuaid:part"), "{}: no PDF/UA identification", pdf.display());
        // Every figure has an alternative text: /Alt as often as /Figure.
        let figures = raw.matches("/S /Figure").count();
        assert!(figures >= 1, "{}: no figure", pdf.display());
        assert_eq!(raw.matches("/Alt ").count(), figures, "{}", pdf.display());
    }
    if !has("pdfinfo") {
        eprintln!("poppler-utils not installed: the structure trees are not read back");
        return;
    }
    for pdf in &pdfs {
        let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("Tagged:          yes"), "{info}");
        let tree = Command::new("pdfinfo").arg("-struct-text").arg(pdf).output().unwrap();
        let tree = String::from_utf8_lossy(&tree.stdout);
        let elements: Vec<&str> =
            tree.lines().map(|l| l.trim_start()).filter(|l| !l.starts_with('"') && !l.starts_with('/')).collect();
        let count = |name: &str| elements.iter().filter(|e| e.split([' ', ':']).next() == Some(name)).count();
        assert_eq!(elements.first().copied(), Some("Document"), "{tree}");
        assert_eq!(count("H1"), 1, "one title: {tree}");
        assert!(count("H2") >= 2 && count("Table") >= 1 && count("Figure") >= 1, "{tree}");
        // Tables: a header row of column headers before the body.
        assert!(count("THead") == count("Table") && count("TBody") == count("Table"), "{tree}");
        assert!(tree.contains("/Scope /Column"), "{tree}");
        // Headings in order: never a level skipped on the way down.
        let levels: Vec<u32> = elements
            .iter()
            .filter_map(|e| e.strip_prefix('H').and_then(|r| r.split([' ', ':']).next()).and_then(|d| d.parse().ok()))
            .collect();
        assert_eq!(levels[0], 1);
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "heading level {} after {}: {tree}", w[1], w[0]);
        }
        // The page footers are furniture, not content: "pagina 1 van" is in the text but
        // not in the structure tree.
        assert!(!tree.contains("pagina 1 van"), "{tree}");
        let is_portret = pdf.to_string_lossy().contains("portretten");
        if is_portret {
            // Page 1's list: how to read the portret, a heading and a list of its points.
            assert!(tree.contains("H3 \"Zo leest u dit portret\""), "{tree}");
            assert!(count("L") == 1 && count("LI") >= 4, "{tree}");
        }
    }
}

/// Word heights from `pdftotext -bbox`: poppler's box is the font size as printed (type
/// size × text matrix × the chart's scale); rotated words give their length instead,
/// which is longer.
#[test]
fn no_text_in_any_pdf_prints_under_seven_points() {
    if !has("pdftotext") {
        eprintln!("poppler-utils not installed: the printed type sizes are not measured");
        return;
    }
    let (_, _, output) = sample_run();
    let mut smallest = (f64::MAX, String::new());
    for pdf in pdfs(output) {
        let out = Command::new("pdftotext").arg("-bbox").arg(&pdf).arg("-").output().unwrap();
        let html = String::from_utf8_lossy(&out.stdout);
        let attr = |l: &str, k: &str| -> f64 {
            let i = l.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
            l[i..].split('"').next().unwrap().parse().unwrap()
        };
        let mut words = 0;
        for l in html.lines().filter(|l| l.trim_start().starts_with("<word")) {
            words += 1;
            let h = attr(l, "yMax") - attr(l, "yMin");
            if h < smallest.0 {
                smallest = (h, format!("{}: {}", pdf.display(), l.trim()));
            }
        }
        assert!(words > 100, "{}: {words} words", pdf.display());
    }
    // 7 pt exactly in the tables and notes; charts drawn for their place print their
    // smallest type (20 px) at 7.0 pt or more.
    assert!(smallest.0 >= 6.99, "smallest text {:.2} pt: {}", smallest.0, smallest.1);
}

/// The headings of a page in order (h1 … h6), from its markup.
fn heading_levels(html: &str) -> Vec<u32> {
    html.match_indices("<h").filter_map(|(i, _)| html[i + 2..i + 3].parse().ok()).collect()
}

#[test]
fn the_html_edition_is_self_contained_accessible_and_says_what_the_pdf_says() {
    let (t, _, output) = sample_run();
    let (t, output) = (t.as_path(), output.as_path());
    let pages = outputs_of(output, "html");
    // The index, the sector page and one page per portret (3 × 2).
    assert_eq!(pages.len(), 8, "{pages:?}");
    let index = std::fs::read_to_string(output.join("html/index.html")).unwrap();
    assert!(index.contains("href=\"sector.html\"") && index.contains("href=\"../charts/index.html\""));
    let portrets = outputs_of(output, "portret");
    for p in &portrets {
        let stem = p.file_stem().unwrap().to_string_lossy();
        assert!(index.contains(&format!("href=\"portretten/{stem}.html\"")), "{stem} not linked");
        assert!(output.join(format!("html/portretten/{stem}.html")).is_file());
    }
    let mut all = pages.clone();
    all.push(output.join("charts/index.html"));
    for page in &all {
        let html = std::fs::read_to_string(page).unwrap();
        let name = page.display();
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"nl\">"), "{name}");
        // Self-contained: nothing fetched from elsewhere, no script.
        // (`url(#…)` names a pattern inside the same page: the hatching of a chart's bars.)
        for bad in ["http://", "https://", "<link", "<script", "@import", "url("] {
            assert!(
                !html.replace("http://www.w3.org/2000/svg", "").replace("url(#", "").contains(bad),
                "{name}: {bad}"
            );
        }
        for reference in html.split("url(#").skip(1) {
            let id = &reference[..reference.find(')').unwrap()];
            assert_eq!(
                html.matches(&format!(" id=\"{id}\"")).count(),
                1,
                "{name}: url(#{id}) names one thing on the page"
            );
        }
        assert!(html.contains("<style>") && html.contains("@media print"), "{name}");
        let levels = heading_levels(&html);
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{name}: one h1");
        assert_eq!(levels[0], 1, "{name}");
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "{name}: h{} after h{}", w[1], w[0]);
        }
        // Every table has a caption and column headers with their scope.
        let tables = html.matches("<table>").count();
        assert_eq!(html.matches("<caption").count(), tables, "{name}");
        if tables > 0 {
            assert!(html.contains("<th scope=\"col\""), "{name}");
        }
        // Charts inline, each an image with its own title and description.
        let svgs = html.matches("<svg ").count();
        assert_eq!(html.matches("role=\"img\"").count(), svgs, "{name}");
        assert_eq!(html.matches("<title id=").count(), svgs, "{name}");
        assert_eq!(html.matches("<desc id=").count(), svgs, "{name}");
    }
    // The same figures as the PDF: the sector page's rows are the sector PDF's.
    let sector = std::fs::read_to_string(output.join("html/sector.html")).unwrap();
    if has("pdftotext") {
        let pdf = Command::new("pdftotext").arg("-layout").arg(output.join("sector.pdf")).arg("-").output().unwrap();
        let pdf = String::from_utf8_lossy(&pdf.stdout);
        // The first table row of the latest year: "1e lijn Totaal <institutions> <n> <score> …".
        let row = pdf.lines().find(|l| l.trim_start().starts_with("1e lijn") && l.contains("Totaal")).unwrap();
        let row = row.split_whitespace().collect::<Vec<_>>().join(" ");
        let html_row = sector.split("<tr>").find(|r| r.contains(">Totaal<")).unwrap();
        // Every cell of the HTML row, in order, in the PDF's row (a cell may hold spaces:
        // "3 van 3").
        let cells: Vec<&str> = html_row
            .split("</td>")
            .filter_map(|c| c.rsplit_once('>').map(|(_, t)| t))
            .filter(|t| !t.is_empty())
            .collect();
        assert!(cells.len() >= 6, "{html_row}");
        let mut at = 0;
        for c in &cells {
            let found = row[at..].find(c).unwrap_or_else(|| panic!("{c} of the HTML row not in the PDF's {row}"));
            at += found + c.len();
        }
    }
    // The chart pack's index links the edition back.
    let charts = std::fs::read_to_string(output.join("charts/index.html")).unwrap();
    assert!(charts.contains("href=\"../html/index.html\""));

    // `outputs` can leave the edition out, or ask for it alone.
    std::fs::write(t.join("tables.toml"), "outputs = [\"tables\"]\n").unwrap();
    let r = lobmonitor(t, &["run", "--config", "tables.toml", "--output", "only-tables"]);
    assert!(r.code == 0 || r.code == 3, "{}", r.stderr);
    assert!(!t.join("only-tables/html").exists());
    std::fs::write(t.join("html.toml"), "outputs = [\"html\"]\n").unwrap();
    let r = lobmonitor(t, &["run", "--config", "html.toml", "--output", "only-html"]);
    assert!(r.code == 0 || r.code == 3, "{}", r.stderr);
    let only = t.join("only-html");
    assert_eq!(outputs_of(&only, "html").len(), 8);
    assert!(!only.join("portretten").exists() && !only.join("sector.xlsx").exists());
    let index = std::fs::read_to_string(only.join("html/index.html")).unwrap();
    assert!(!index.contains("charts/index.html"), "no link to a chart pack that was not written");

    // axe-core's WCAG 2.1 A/AA rules in headless Chromium, where the tool can run.
    let axe = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/axe-check.sh");
    let axe = std::env::var_os("AXE_CHECK").map(PathBuf::from).unwrap_or(axe);
    if !axe.is_file() {
        eprintln!("{} not found: the pages are not checked with axe-core", axe.display());
        return;
    }
    let r = Command::new("bash").arg(&axe).args(&all).output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&r.stdout), String::from_utf8_lossy(&r.stderr));
    match r.status.code() {
        Some(0) => assert!(said.contains("0 violation(s)"), "{said}"),
        Some(1) => panic!("axe-core finds WCAG 2.1 A/AA violations:\n{said}"),
        _ => eprintln!("axe-check could not run (Chromium or npm not available), pages not checked: {said}"),
    }
}
