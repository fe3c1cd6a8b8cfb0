//! Outputs that can be handed on as they are (issue 14): what an analyst, a ministry
//! and a new user found when opening them, kept fixed by tests that read the files
//! back — the workbook XML for widths and alignment, the cells for order and types,
//! and, where LibreOffice or Chromium is installed, the rendered pages.

mod common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::Data;
use common::*;

/// A small sector from `lobmonitor sample` (12 institutions, two years), a corrupt
/// workbook among them, run in `lang`.
fn sample_run(lang: &str) -> (tempfile::TempDir, PathBuf) {
    let (t, input, output) = tempdir();
    let gen = lobmonitor(
        t.path(),
        &["sample", "--institutions", "12", "--respondents", "40", "--output", input.to_str().unwrap()],
    );
    assert_eq!(gen.code, 0, "{}", gen.stderr);
    // Not a zip at all, under an .xlsx name: calamine says "invalid Zip archive …".
    std::fs::write(input.join("kapot.xlsx"), b"PK\x03\x04\x00\x00 not really a zip archive").unwrap();
    let run = lobmonitor(t.path(), &["run", "--lang", lang]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    (t, output)
}

/// A part of a zip package as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The value of `attr="…"` in an XML tag's text.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let key = format!(" {attr}=\"");
    let i = tag.find(&key)? + key.len();
    Some(&tag[i..i + tag[i..].find('"')?])
}

/// Column widths (characters) of a worksheet part, by 0-based column.
fn widths(sheet_xml: &str) -> HashMap<u32, f64> {
    let mut out = HashMap::new();
    for tag in sheet_xml.split("<col ").skip(1) {
        let tag = &format!(" {}", &tag[..tag.find('>').unwrap()]);
        let (min, max): (u32, u32) =
            (attr(tag, "min").unwrap().parse().unwrap(), attr(tag, "max").unwrap().parse().unwrap());
        let w: f64 = attr(tag, "width").unwrap().parse().unwrap();
        for c in min..=max {
            out.insert(c - 1, w);
        }
    }
    out
}

/// The worksheet part of each sheet name (rust_xlsxwriter numbers them in order).
fn sheet_part(path: &Path, name: &str) -> String {
    let i = sheet_names(path).iter().position(|n| n == name).unwrap();
    part(path, &format!("xl/worksheets/sheet{}.xml", i + 1))
}

/// For each style index of the workbook, whether its XML says `what`.
fn styles_with(path: &Path, what: &str) -> Vec<bool> {
    let styles = part(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    xfs.split("<xf ").skip(1).map(|xf| xf.split("</xf>").next().unwrap().contains(what)).collect()
}

/// For each style index of the workbook, whether its cells sit at the top.
fn top_aligned_styles(path: &Path) -> Vec<bool> {
    styles_with(path, "vertical=\"top\"")
}

/// A cell reference: row and column from 0 → "B3".
fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        letters.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// Every style index used by a cell of the sheet.
fn cell_styles(sheet_xml: &str) -> Vec<(String, usize)> {
    sheet_xml
        .split("<c ")
        .skip(1)
        .map(|c| {
            let tag = &format!(" {}", &c[..c.find('>').unwrap()]);
            (attr(tag, "r").unwrap().to_string(), attr(tag, "s").map_or(0, |s| s.parse().unwrap()))
        })
        .collect()
}

#[test]
fn tables_hold_their_text_years_are_numbers_names_sort_as_read_and_rows_align_at_the_top() {
    let (_t, out) = sample_run("nl");
    let wb = out.join("sector.xlsx");

    // Text cells of the table sheets fit their columns on one line; cells that wrap
    // (headers, the notes under a table) are left to wrap.
    let wraps = styles_with(&wb, "wrapText=\"1\"");
    for sheet in ["Overzicht", "Lijnen", "Instellingen", "Trend"] {
        let xml = sheet_part(&wb, sheet);
        let w = widths(&xml);
        let style: HashMap<String, usize> = cell_styles(&xml).into_iter().collect();
        let rows = read_sheet(&wb, sheet);
        for (r, row) in rows.iter().enumerate().skip(1) {
            if row.iter().all(|d| matches!(d, Data::Empty)) {
                break; // the end of the table
            }
            for (c, d) in row.iter().enumerate() {
                if let Data::String(s) = d {
                    if wraps[style.get(&cell_ref(r, c)).copied().unwrap_or(0)] {
                        continue;
                    }
                    let width = w.get(&(c as u32)).copied().unwrap_or(8.43);
                    assert!(
                        s.chars().count() as f64 <= width,
                        "{sheet} row {} column {c}: «{s}» ({} characters) in a column {width} wide",
                        r + 1,
                        s.chars().count()
                    );
                }
            }
        }
    }

    // Years are numbers, not text.
    let inst = read_sheet(&wb, "Instellingen");
    assert!(inst.iter().skip(1).take_while(|r| !matches!(r[0], Data::Empty)).all(|r| matches!(r[0], Data::Float(_))));
    // Institutions in the order a reader looks them up: case and accents aside.
    let names: Vec<String> = inst.iter().skip(1).map(|r| text(&r[1])).filter(|n| !n.is_empty()).collect();
    let key = |s: &str| s.to_lowercase().replace(['é', 'ë'], "e");
    for pair in names.windows(2) {
        assert!(key(&pair[0]) <= key(&pair[1]), "{} before {}", pair[0], pair[1]);
    }

    // Item rows: the id, the numbers and the wrapped text all start at the top of the row.
    let top = top_aligned_styles(&wb);
    for (cell, s) in cell_styles(&sheet_part(&wb, "Items")) {
        assert!(top[s], "Items {cell} (style {s}) is not aligned at the top");
    }
    let portret = std::fs::read_dir(out.join("portretten")).unwrap().next().unwrap().unwrap().path();
    let top = top_aligned_styles(&portret);
    for (cell, s) in cell_styles(&sheet_part(&portret, "Hoog en laag")) {
        assert!(top[s], "Hoog en laag {cell} (style {s}) is not aligned at the top");
    }

    // Header rows are as tall as their wrapped texts: "Verschil met de medewerkers van
    // de sector" in a column under 20 wide takes at least two lines, so the row is at
    // least 30 points.
    let xml = sheet_part(&wb, "Instellingen");
    let row1 = &xml[xml.find("<row r=\"1\"").unwrap()..];
    let row1 = &row1[..row1.find('>').unwrap()];
    assert!(attr(row1, "ht").unwrap().parse::<f64>().unwrap() >= 30.0, "{row1}");
}

#[test]
fn one_language_per_run_and_plain_reasons_with_the_library_text_kept_apart() {
    for (lang, words, foreign) in [
        ("nl", ["Bestand", "afgewezen", "bestand"], ["accepted", "partial", "rejected", "file", "answer", "row"]),
        ("en", ["File", "rejected", "file"], ["geaccepteerd", "afgewezen", "bestand", "antwoord", "rij", "gescoord"]),
    ] {
        let (_t, out) = sample_run(lang);
        let wb = out.join("sector.xlsx");
        let dq = read_sheet(&wb, if lang == "nl" { "Datakwaliteit" } else { "Data quality" });
        let cells: Vec<String> = dq.iter().flatten().map(text).collect();
        for w in words {
            assert!(cells.iter().any(|c| c == w || c.contains(w)), "{lang}: «{w}» missing");
        }
        for f in foreign {
            assert!(!cells.iter().any(|c| c == f), "{lang}: a cell says «{f}»");
        }
        // The corrupt file: a plain reason, the library's words in the detail column.
        let row = dq
            .iter()
            .find(|r| text(&r[0]) == "kapot.xlsx" && text(&r[3]).len() > 1 && r.len() > 6 && text(&r[6]).len() > 1);
        let row = row.unwrap_or_else(|| panic!("{lang}: no rejection row for kapot.xlsx with a detail"));
        let (reason, detail) = (text(&row[5]), text(&row[6]));
        assert!(!reason.to_lowercase().contains("zip"), "{lang}: library words in the reason: {reason}");
        assert!(reason.contains(".xlsx"), "{lang}: the reason says what to do: {reason}");
        assert!(detail.to_lowercase().contains("zip"), "{lang}: the detail keeps the library's text: {detail}");
        let rej = read_csv(&out.join("data/rejections.csv"));
        assert_eq!(rej[0], ["file", "sheet", "cell", "level", "value", "reason", "detail"]);
        let r = rej.iter().find(|r| r[0] == "kapot.xlsx").unwrap();
        assert_eq!(r[3], "file", "tables keep the codes");
        assert!(r[6].to_lowercase().contains("zip"));
    }
}

#[test]
fn messages_for_a_bad_config_are_plain_once_and_in_the_runs_language() {
    let (t, input, _) = tempdir();
    std::fs::write(input.join("x.csv"), "a\n").unwrap();
    let run = lobmonitor(t.path(), &["run", "--config", "nope.toml"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.trim(), "lobmonitor: config nope.toml: bestand bestaat niet");
    std::fs::write(t.path().join("bad.toml"), "min_group_size = \"vijf\"\n").unwrap();
    let run = lobmonitor(t.path(), &["run", "--config", "bad.toml", "--lang", "en"]);
    assert_eq!(run.stderr.trim(), "lobmonitor: config bad.toml: line 1: expected a whole number, 0 or more");
    // `validate` on an absolute path names it once, with one slash.
    let abs = input.join("x.csv");
    let run = lobmonitor(t.path(), &["validate", abs.to_str().unwrap()]);
    assert!(run.stdout.starts_with(&format!("{}:", abs.display())), "{}", run.stdout);
}

#[test]
fn the_template_prints_on_sensible_pages_with_drop_downs() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("sjabloon.xlsx");
    assert_eq!(lobmonitor(t.path(), &["template", "-o", path.to_str().unwrap()]).code, 0);
    // Info: one page; Sector from a list of vo, mbo, hbo.
    let info = sheet_part(&path, "Info");
    assert!(info.contains("fitToHeight=\"1\"") || info.contains("<pageSetup paperSize=\"9\""), "{info}");
    assert!(info.contains("<formula1>\"vo,mbo,hbo\"</formula1>"), "{info}");
    // Response sheets: landscape, the header rows repeated, answers from a list, and the
    // header row tall enough for the longest item text (L1-OB-D6, 274 characters in
    // columns 17 wide: at least 17 lines).
    let l1 = sheet_part(&path, "1e lijn");
    assert!(l1.contains("orientation=\"landscape\""), "landscape");
    let wbxml = part(&path, "xl/workbook.xml");
    assert!(wbxml.contains("_xlnm.Print_Titles"), "{wbxml}");
    assert!(l1.contains("<formula1>\"ja,grotendeels,enigszins,nee,n.v.t.\"</formula1>"));
    let row3 = &l1[l1.find("<row r=\"3\"").unwrap()..];
    let ht: f64 = attr(&row3[..row3.find('>').unwrap()], "ht").unwrap().parse().unwrap();
    assert!(ht >= 17.0 * 15.0, "header row {ht} points");
}

/// The rendered workbook, where LibreOffice is installed: the reconciliation sentence,
/// the notes and the template's longest header read whole on the pages.
#[test]
fn rendered_by_libreoffice_nothing_is_cut() {
    if std::process::Command::new("soffice").arg("--version").output().is_err()
        || std::process::Command::new("pdftotext").arg("-v").output().is_err()
    {
        eprintln!("skipped: LibreOffice (soffice) or poppler (pdftotext) not installed");
        return;
    }
    let (t, out) = sample_run("nl");
    let template = t.path().join("sjabloon.xlsx");
    assert_eq!(lobmonitor(t.path(), &["template", "-o", template.to_str().unwrap()]).code, 0);
    let pdf_text = |file: &Path| -> String {
        let dir = t.path().join("pdf");
        let ok = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(file)
            .env("HOME", t.path())
            .output()
            .unwrap();
        assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
        let pdf = dir.join(file.with_extension("pdf").file_name().unwrap());
        let txt = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        // Words as a reader meets them: line breaks and hyphen-free wrapping joined.
        String::from_utf8_lossy(&txt.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let sector = pdf_text(&out.join("sector.xlsx"));
    for whole in [
        "antwoorden = gescoord + niet gescoord + n.v.t. + andere lijn + afgewezen.",
        "Waar een van beide lijnen verborgen is, staat er geen verschil.",
        "Verschil met de medewerkers van de sector",
    ] {
        assert!(sector.contains(whole), "not whole on the page: {whole}");
    }
    let tpl = pdf_text(&template);
    // The end of the longest item text, L1-OB-D6.
    assert!(tpl.contains("(bijv. ruimte geven, confronteren, adviseren)"), "L1-OB-D6 cut");
}

/// The chart index in a real browser, where Chromium is installed: the page loads and
/// shows every chart (a screenshot of it is not blank), each image with its alt text.
#[test]
fn the_chart_index_opens_in_a_browser() {
    let (_t, out) = sample_run("nl");
    let html = std::fs::read_to_string(out.join("charts/index.html")).unwrap();
    let index = read_csv(&out.join("charts/index.csv"));
    for row in index.iter().skip(1) {
        let (file, alt) = (&row[0], &row[3]);
        assert!(html.contains(&format!("src=\"{file}\"")), "{file} not on the page");
        assert!(!alt.is_empty() && html.contains(&alt.replace('&', "&amp;").replace('"', "&quot;")), "{file}: alt");
    }
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| std::process::Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(browser) = browser else {
        eprintln!("skipped the browser check: Chromium not installed");
        return;
    };
    let shot = out.join("shot.png");
    let run = std::process::Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", out.join("charts/index.html").display()))
        .output()
        .unwrap();
    assert!(shot.is_file(), "{}", String::from_utf8_lossy(&run.stderr));
    // A page with charts on it is far from one colour: count distinct pixel values in
    // the screenshot (decoded with the png crate lobmonitor writes its charts with).
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    for p in buf[..info.buffer_size()].chunks(px).step_by(7) {
        colours.insert(p[..3.min(p.len())].to_vec());
    }
    assert!(colours.len() > 50, "the page looks blank ({} colours)", colours.len());
}

#[test]
fn cell_references_by_hand() {
    assert_eq!(cell_ref(0, 0), "A1");
    assert_eq!(cell_ref(2, 25), "Z3");
    assert_eq!(cell_ref(9, 26), "AA10");
}
