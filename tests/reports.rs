//! Reports people read (SPEC §6): English throughout with --lang en, and workbooks that
//! open in LibreOffice (when it is installed).

mod common;

use common::*;

fn small_sector(input: &std::path::Path) {
    let ids = items_of_line(1);
    for (inst, word) in [("School A", "ja"), ("School B", "nee"), ("School C", "grotendeels")] {
        let mut rows = vec![header(&ids)];
        for i in 0..5 {
            rows.push(row_all(&format!("r{i}"), ids.len(), word));
        }
        rows.push(vec![s("bad"), s("misschien")]);
        write_xlsx(&input.join(format!("{inst}.xlsx")), vec![info(inst, 2026, "vo"), sheet("Line 1", rows)]);
    }
}

#[test]
fn english_throughout_with_lang_en() {
    let (t, input, output) = tempdir();
    small_sector(&input);
    let run = lobmonitor(t.path(), &["run", "--lang", "en"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let wb = output.join("sector.xlsx");
    assert_eq!(
        sheet_names(&wb),
        ["Notes", "Overview", "Lines", "Peer groups", "Institutions", "Items", "Trend", "Data quality"]
    );
    let items = read_sheet(&wb, "Items");
    assert_eq!(text(&items[1][4]), "Take note of the vision and goals for career guidance of one's own institution");
    assert_eq!(text(&items[1][2]), "Vision and policy");
    let overview = read_sheet(&wb, "Overview");
    assert_eq!(text(&overview[0][1]), "Line");
    assert!(overview.iter().any(|r| text(&r[1]) == "Line 1" && text(&r[2]) == "Total"));
    let p = output.join("portretten/school-a-2026.xlsx");
    assert_eq!(sheet_names(&p), ["Portrait", "Trend", "Highest and lowest", "Recommendations", "Notes"]);
    let rec = read_sheet(&p, "Recommendations");
    assert_eq!(text(&rec[0][0]), "Recommendation");
    for f in ["line-comparison-2026.png", "distribution-2026.svg", "items-line-1-2026.csv", "trend.png"] {
        assert!(output.join("charts").join(f).is_file(), "{f}");
    }
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert!(rej.iter().any(|r| r[5].starts_with("answer not recognised")), "{rej:?}");
    let svg = std::fs::read_to_string(output.join("charts/line-comparison-2026.svg")).unwrap();
    assert!(svg.contains("Career guidance professionalism by line and area"));
    assert!(svg.contains("Source: lobmonitor"));
}

#[test]
fn portret_recommendations_cite_the_finding_that_triggered_them() {
    let (t, input, output) = tempdir();
    small_sector(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 3);
    // School B (vo) answered "nee" everywhere: every area 0, against a median over A
    // (100), B (0) and C (66.67) of 66.67. Its two weakest areas are the first two in
    // the framework's order (all four equally far below): the general advice for vision
    // and for the guidance itself (no mbo or teacher-training advice for a vo school).
    let rec = read_sheet(&output.join("portretten/school-b-2026.xlsx"), "Aanbevelingen");
    let titles: Vec<String> = rec.iter().skip(1).map(|r| text(&r[0])).collect();
    assert_eq!(titles[0], "Werk aan visie, beleid en strategie voor LOB");
    // Clearly lower than the other institutions' staff (A's 100 and C's 66.67, mean 83.33).
    assert_eq!(
        text(&rec[1][2]),
        "Visie en beleid in de 1e lijn: 0,0, aantoonbaar lager dan de medewerkers van de andere instellingen (83,3)"
    );
    assert_eq!(
        text(&rec[1][3]),
        "Professionaliteit van loopbaanbegeleiding, inleiding bij de infographic, Euroguidance Nederland 2014"
    );
    assert_eq!(titles[1], "Voer het gesprek over de begeleiding aan de hand van het raamwerk");
    assert_eq!(text(&rec[2][3]), "Raamwerk voor loopbaanbegeleiding jongeren, MBO Raad, VO-raad, OCW 2017");
    // School A answered "ja" everywhere: no weakness holds; no recommendation from the
    // figures, said so, with the general advice and no finding (never "lowest score;
    // nowhere below the sector").
    let rec_a = read_sheet(&output.join("portretten/school-a-2026.xlsx"), "Aanbevelingen");
    assert_eq!(rec_a.len(), 2, "one row: {rec_a:?}");
    assert_eq!(text(&rec_a[1][0]), "Geen aanbeveling uit de cijfers");
    assert!(matches!(rec_a[1][2], calamine::Data::Empty), "{rec_a:?}");
}

/// Every workbook opens in LibreOffice (converted headless to PDF). LibreOffice is
/// optional: `apt-get install libreoffice-calc-nogui` to run this check; without it the
/// test says it skipped.
#[test]
fn workbooks_open_in_libreoffice() {
    let Ok(soffice) = which_soffice() else {
        eprintln!("skipped: LibreOffice (soffice) not installed");
        return;
    };
    let (t, input, output) = tempdir();
    small_sector(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 3);
    let pdf = t.path().join("pdf");
    for wb in [output.join("sector.xlsx"), output.join("portretten/school-a-2026.xlsx")] {
        let profile = format!("-env:UserInstallation=file://{}", t.path().join("lo").display());
        let status = std::process::Command::new(&soffice)
            .args(["--headless", profile.as_str()])
            .args(["--convert-to", "pdf", "--outdir", pdf.to_str().unwrap(), wb.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        let name = wb.file_stem().unwrap().to_string_lossy().to_string() + ".pdf";
        let size = std::fs::metadata(pdf.join(&name)).map(|m| m.len()).unwrap_or(0);
        assert!(size > 1000, "{name} converted to {size} bytes");
    }
}

fn which_soffice() -> Result<String, ()> {
    for c in ["soffice", "libreoffice"] {
        if std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return Ok(c.to_string());
        }
    }
    Err(())
}

/// An institution's own series (SPEC §4 benchmark: change since the previous year it
/// took part). School A: all "nee" in 2024 (score 0), absent in 2025, all "ja" in 2026
/// (100): the 2026 portret shows 0 → 100 and a change of +100 since 2024.
#[test]
fn portret_shows_the_institutions_own_series_and_change() {
    let (t, input, output) = tempdir();
    let ids = items_of_line(1);
    for (year, word) in [(2024, "nee"), (2026, "ja")] {
        let mut rows = vec![header(&ids)];
        for i in 0..5 {
            rows.push(row_all(&format!("r{i}"), ids.len(), word));
        }
        write_xlsx(&input.join(format!("a-{year}.xlsx")), vec![info("School A", year, "vo"), sheet("1e lijn", rows)]);
    }
    // Another school in 2025 only, so the run has three years.
    let mut rows = vec![header(&ids)];
    for i in 0..5 {
        rows.push(row_all(&format!("r{i}"), ids.len(), "enigszins"));
    }
    write_xlsx(&input.join("b-2025.xlsx"), vec![info("School B", 2025, "vo"), sheet("1e lijn", rows)]);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    let p = output.join("portretten/school-a-2026.xlsx");
    let trend = read_sheet(&p, "Ontwikkeling");
    assert_eq!(text(&trend[0][2]), "2024");
    assert_eq!(text(&trend[0][3]), "2026");
    let total = trend.iter().find(|r| text(&r[0]) == "1e lijn" && text(&r[1]) == "Totaal").unwrap();
    assert_eq!((num(&total[2]), num(&total[3])), (0.0, 100.0));
    let head = read_sheet(&p, "Portret");
    let row = head.iter().find(|r| text(&r[0]) == "1e lijn" && text(&r[1]) == "Totaal").unwrap();
    // Change, since, then, interval, real.
    assert_eq!((num(&row[12]), num(&row[13]), num(&row[14])), (100.0, 2024.0, 0.0), "change since 2024");
    // All "nee" then all "ja": no spread in either year, the change is exact.
    assert_eq!(text(&row[15]), "exact (geen spreiding)");
    assert_eq!(text(&row[16]), "ja");
    let b = read_csv(&output.join("data/benchmarks.csv"));
    let a26 = b.iter().find(|r| r[0] == "2026" && r[1] == "School A" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    assert_eq!((a26[8].as_str(), a26[9].as_str()), ("2024", "100.00"));
}

/// A part of an xlsx (a zip) as text.
fn xlsx_part(path: &std::path::Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn the_portret_chart_is_a_native_chart_of_its_own_table_on_page_one() {
    let (t, input, output) = tempdir();
    small_sector(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 3);
    let p = output.join("portretten/school-a-2026.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(!names.iter().any(|n| n.starts_with("xl/media/")), "no image: {names:?}");
    let mut chart = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/charts/chart1.xml").unwrap(), &mut chart).unwrap();
    // The own scores (column D) and the sector's median (column F) of the table above:
    // the line total's row and its four areas.
    let page = read_sheet(&p, "Portret");
    let at = page.iter().position(|r| text(&r[0]) == "1e lijn" && text(&r[1]) == "Totaal").unwrap() + 1;
    assert!(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"), "{chart}");
    assert!(chart.contains(&format!("Portret!$D${at}:$D${}", at + 4)), "{chart}");
    assert!(chart.contains(&format!("Portret!$F${at}:$F${}", at + 4)), "{chart}");
    // On page 1 with the words and the table: no page break, printed on one page.
    let sheet = xlsx_part(&p, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<rowBreaks"), "{sheet}");
    assert!(sheet.contains("fitToPage=\"1\""), "{sheet}");
    // A portret-only run writes the same portret, without the pack.
    std::fs::write(t.path().join("alleen.toml"), "outputs = [\"portret\"]\n").unwrap();
    let run = lobmonitor(t.path(), &["run", "--config", "alleen.toml", "--output", "alleen"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let alone = t.path().join("alleen");
    assert!(!alone.join("charts").exists() && !alone.join("sector.xlsx").exists());
    assert_eq!(xlsx_part(&alone.join("portretten/school-a-2026.xlsx"), "xl/charts/chart1.xml"), chart);
}
