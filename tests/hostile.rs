//! One bad file never takes the national run down: each hostile file is built here,
//! the run beside good files ends with exit 3, the hostile file is a rejected file (or
//! its value a rejected answer) with a plain reason, every other file is scored, and
//! no run of this test binary grows past 1 GiB (the hostile files would take 8 GiB and
//! more without the guards). Times are recorded in BENCHMARKS.md, not asserted.

mod common;

use std::io::{Read, Write};
use std::path::Path;

use common::*;

/// The largest resident memory of any child this test process has run, in KiB.
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage writes into the struct it is given.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u.ru_maxrss
    }
}

fn assert_bounded_memory() {
    let kib = children_peak_kib();
    assert!(kib < 1024 * 1024, "a run took {} MiB", kib / 1024);
}

/// A good survey beside the hostile one: 5 respondents of "Goed College", line 1,
/// every item answered.
fn good_file(input: &Path) {
    let items = items_of_line(1);
    let mut rows = vec![header(&items)];
    for i in 1..=5 {
        rows.push(row_all(&i.to_string(), items.len(), "ja"));
    }
    write_xlsx(&input.join("goed.xlsx"), vec![info("Goed College", 2026, "mbo"), sheet("1e lijn", rows)]);
}

/// A copy of a zip package with parts replaced (or added), the others copied as they are.
fn rezip(src: &Path, dst: &Path, replace: &[(&str, Vec<u8>)]) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..zin.len() {
        let f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if replace.iter().any(|(n, _)| *n == name) {
            continue;
        }
        zout.raw_copy_file(f).unwrap();
    }
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in replace {
        zout.start_file(*name, opts).unwrap();
        zout.write_all(bytes).unwrap();
    }
    zout.finish().unwrap();
}

fn part(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn run(dir: &Path) -> Run {
    let t = std::time::Instant::now();
    let r = lobmonitor(dir, &["run"]);
    // Printed for BENCHMARKS.md (`cargo test --release --test hostile -- --nocapture
    // --test-threads 1`), never asserted: times vary with the machine.
    eprintln!("run: {:.2} s; largest child so far {} MiB", t.elapsed().as_secs_f64(), children_peak_kib() / 1024);
    assert_bounded_memory();
    r
}

fn rejection_of(output: &Path, file: &str) -> Vec<Vec<String>> {
    read_csv(&output.join("data/rejections.csv")).into_iter().filter(|r| r[0] == file).collect()
}

fn status(output: &Path, path: &str) -> String {
    let m = manifest(output);
    m["inputs"].as_array().unwrap().iter().find(|i| i["path"] == path).unwrap()["status"].as_str().unwrap().into()
}

/// Every other file is scored: Goed College's 5 respondents.
fn others_scored(output: &Path) {
    let m = manifest(output);
    assert_eq!(m["counts"]["respondents_scored"], 5, "{}", m["counts"]);
    assert_eq!(m["reconciled"], true);
}

#[test]
fn xlsx_declaring_3e17_shared_strings_is_a_rejected_file_not_an_abort() {
    let (t, input, output) = tempdir();
    good_file(&input);
    let base = t.path().join("base.xlsx");
    write_xlsx(
        &base,
        vec![
            info("X", 2026, "vo"),
            sheet("1e lijn", vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("1"), s("ja")]]),
        ],
    );
    let sst = part(&base, "xl/sharedStrings.xml");
    let hostile = sst.replacen("uniqueCount=\"", "uniqueCount=\"300000000000000000\" x=\"", 1);
    assert_ne!(hostile, sst);
    rezip(&base, &input.join("sst.xlsx"), &[("xl/sharedStrings.xml", hostile.into_bytes())]);
    // The same file as the institutions file: rejected too, the run goes on.
    std::fs::copy(input.join("sst.xlsx"), input.join("instellingen.xlsx")).unwrap();
    let r = run(t.path());
    assert_eq!(r.code, 3, "{}", r.stderr);
    others_scored(&output);
    assert_eq!(status(&output, "sst.xlsx"), "rejected");
    assert_eq!(status(&output, "instellingen.xlsx"), "rejected");
    let rej = rejection_of(&output, "sst.xlsx");
    assert!(rej[0][5].contains("belooft 300000000000000000 teksten"), "{rej:?}");
    // validate, too, says so instead of aborting.
    let v = lobmonitor(t.path(), &["validate", "input/sst.xlsx"]);
    assert_eq!(v.code, 1, "no readable survey file: {}", v.stderr);
    assert!(v.stdout.contains("AFGEWEZEN"), "{}", v.stdout);
}

#[test]
fn ods_with_one_cell_repeated_16384_times_on_20000_rows_is_refused_before_calamine_expands_it() {
    let (t, input, output) = tempdir();
    good_file(&input);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.ods");
    let content = part(&fixture, "content.xml");
    let (head, rest) = content.split_at(content.find("<table:table ").unwrap());
    let tail = &rest[rest.find("</table:table>").unwrap() + "</table:table>".len()..];
    let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
    let body = format!("{head}<table:table table:name=\"Blad1\">{}</table:table>{tail}", row.repeat(20_000));
    rezip(&fixture, &input.join("repeats.ods"), &[("content.xml", body.into_bytes())]);
    assert!(std::fs::metadata(input.join("repeats.ods")).unwrap().len() < 200_000, "a small file");
    let r = run(t.path());
    assert_eq!(r.code, 3, "{}", r.stderr);
    others_scored(&output);
    assert_eq!(status(&output, "repeats.ods"), "rejected");
    // 20,000 rows × 16,384 cells = 327,680,000.
    assert!(
        rejection_of(&output, "repeats.ods")[0][5].contains("327680000 cellen"),
        "{:?}",
        rejection_of(&output, "repeats.ods")
    );
}

#[test]
fn a_long_shared_string_referenced_by_a_million_cells_is_not_copied_a_million_times() {
    let (t, input, output) = tempdir();
    good_file(&input);
    let base = t.path().join("base.xlsx");
    write_xlsx(&base, vec![sheet("Blad1", vec![vec![s("L1-VB-R1")], vec![s("ja")]])]);
    let long = "x".repeat(32_000);
    let sst = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1000001\" uniqueCount=\"2\"><si><t>L1-VB-R1</t></si><si><t>{long}</t></si></sst>"
    );
    let mut sheet_xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
    for r in 2..=1_000_001u32 {
        sheet_xml.push_str(&format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>1</v></c></row>"));
    }
    sheet_xml.push_str("</sheetData></worksheet>");
    rezip(
        &base,
        &input.join("lang.xlsx"),
        &[("xl/sharedStrings.xml", sst.into_bytes()), ("xl/worksheets/sheet1.xml", sheet_xml.into_bytes())],
    );
    let r = run(t.path());
    assert_eq!(r.code, 3, "{}", r.stderr);
    others_scored(&output);
    assert_eq!(status(&output, "lang.xlsx"), "rejected");
    let rej = rejection_of(&output, "lang.xlsx");
    assert!(rej.iter().any(|r| r[5].contains("te veel tekst")), "{rej:?}");
}

#[test]
fn a_workbook_whose_200_sheet_entries_point_at_one_part_is_read_once() {
    let (t, input, output) = tempdir();
    good_file(&input);
    let mut rows = vec![vec![s("Respondent"), s("L1-VB-R1"), s("L1-VB-R2")]];
    for i in 1..=50 {
        rows.push(vec![C::T(format!("r{i}")), s("ja"), s("ja")]);
    }
    let base = t.path().join("base.xlsx");
    write_xlsx(&base, vec![info("Alias School", 2026, "vo"), sheet("1e lijn", rows)]);
    // The Info sheet, then 200 entries all pointing at the response sheet's part.
    let wb = part(&base, "xl/workbook.xml");
    let letters = |i: usize| format!("{}{}", (b'a' + (i / 26) as u8) as char, (b'a' + (i % 26) as u8) as char);
    let entries: String = (0..200)
        .map(|i| format!("<sheet name=\"1e lijn {}\" sheetId=\"{}\" r:id=\"rId2\"/>", letters(i), i + 2))
        .collect();
    let start = wb.find("<sheets>").unwrap() + "<sheets>".len();
    let end = wb.find("</sheets>").unwrap();
    let info_entry = "<sheet name=\"Info\" sheetId=\"1\" r:id=\"rId1\"/>";
    let hostile = format!("{}{info_entry}{entries}{}", &wb[..start], &wb[end..]);
    rezip(&base, &input.join("alias.xlsx"), &[("xl/workbook.xml", hostile.into_bytes())]);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let r = run(t.path());
    assert_eq!(r.code, 3, "the aliases are listed: {}", r.stderr);
    let m = manifest(&output);
    // 50 rows read once (and Goed College's 5), not 200 × 50 = 10,000.
    assert_eq!(m["counts"]["rows_read"], 55, "{}", m["counts"]);
    assert_eq!(m["counts"]["respondents_scored"], 55);
    let rej = rejection_of(&output, "alias.xlsx");
    let aliases = rej.iter().filter(|r| r[5].contains("dezelfde gegevens als «1e lijn aa»")).count();
    assert_eq!(aliases, 199, "{:?}", &rej[..3.min(rej.len())]);
}

#[test]
fn texts_beyond_a_cell_and_a_flood_of_rejections_do_not_fail_the_run() {
    let (t, input, output) = tempdir();
    good_file(&input);
    // CSV (no spreadsheet program would save these): an institution named by 40,000
    // characters, a header of 40,000, an answer of 40,000; and, in another file, 2,000
    // respondents × 28 unreadable answers = 56,000 rejected answers, more than one
    // listing shows.
    let long = "a".repeat(40_000);
    let items: Vec<String> = items_of_line(1).into_iter().take(29).collect();
    let head = format!("Respondent;Instelling;Jaar;Lijn;{}", items.join(";"));
    let all_ja = vec!["ja"; items.len() - 1].join(";");
    std::fs::write(
        input.join("lang.csv"),
        format!("{head};{long}\nr1;{long};2026;1;{long};{all_ja}\nr2;{long};2026;1;ja;{all_ja}\n"),
    )
    .unwrap();
    let mut csv = format!("{head}\n");
    for r in 0..2000 {
        csv += &format!("r{r};Veel College;2026;1;ja;{}\n", vec!["?"; items.len() - 1].join(";"));
    }
    std::fs::write(input.join("veel.csv"), csv).unwrap();
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let r = run(t.path());
    assert_eq!(r.code, 3, "{}", r.stderr);
    let c = manifest(&output)["counts"].clone();
    assert_eq!(c["rows_read"], 2007, "{}", manifest(&output)["inputs"]);
    // 2,000 rows × 28 "?" = 56,000, + the long answer in place of a "ja" = 56,001.
    assert_eq!(c["answers_rejected"], 56_001);
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let texts: Vec<String> = dq.iter().flat_map(|r| r.iter().map(text)).collect();
    assert!(texts.iter().any(|t| t.ends_with(" […]") && t.chars().count() == 32_767), "a cut text with its mark");
    // 56,001 answers + 1 column (the long header) = 56,002; 50,000 listed.
    assert!(texts.iter().any(|t| t == "… en nog 6002 afwijzingen: de volledige lijst staat in data/rejections.csv."));
    assert_eq!(read_csv(&output.join("data/rejections.csv")).len() - 1, 56_002, "every one in the CSV");
    // The institution with the long name has its portret too.
    assert_eq!(std::fs::read_dir(output.join("portretten")).unwrap().count(), 3);
}

#[test]
fn institutions_whose_names_slug_alike_keep_every_portret_and_their_own_code() {
    let (t, input, output) = tempdir();
    let names = ["ROC A/B", "ROC A-B", "École X", "Ecole X", "roc x", "ROC X", "🎓🎓"];
    for (i, n) in names.iter().enumerate() {
        let rows = vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("1"), s("ja")]];
        write_xlsx(&input.join(format!("f{i}.xlsx")), vec![info(n, 2026, "vo"), sheet("1e lijn", rows)]);
    }
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    assert_eq!(run(t.path()).code, 0);
    let portrets = std::fs::read_dir(output.join("portretten")).unwrap().count();
    assert_eq!(portrets, 7, "7 institution-years, 7 portrets");
    let charts = std::fs::read_dir(output.join("charts/benchmark"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "csv")
        .count();
    assert_eq!(charts, 7, "7 benchmark charts under 7 pseudonyms");
    let m = manifest(&output);
    let mut paths: Vec<&str> = m["outputs"].as_array().unwrap().iter().map(|o| o["path"].as_str().unwrap()).collect();
    let n = paths.len();
    paths.dedup();
    assert_eq!(paths.len(), n);
}

#[test]
fn the_output_folder_inside_the_input_is_never_read_back() {
    let (t, input, _output) = tempdir();
    good_file(&input);
    for _ in 0..2 {
        let r = lobmonitor(t.path(), &["run", "--output", "input/uitvoer"]);
        assert_eq!(r.code, 0, "no own workbook read back as a survey: {}", r.stderr);
    }
    let m = manifest(&input.join("uitvoer"));
    assert_eq!(m["counts"]["rows_read"], 5);
    let listed: Vec<&str> = m["inputs"].as_array().unwrap().iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert!(listed.contains(&"uitvoer"), "listed as lobmonitor's own: {listed:?}");
}

#[test]
fn a_broken_institutions_file_is_a_rejected_file_and_the_run_goes_on() {
    for (name, bytes) in [("instellingen.csv", Vec::new()), ("instellingen.csv", vec![0xFF, 0xFE, 0x00, 0xD8, 0x41])] {
        let (t, input, output) = tempdir();
        good_file(&input);
        std::fs::write(input.join(name), bytes).unwrap();
        let r = run(t.path());
        assert_eq!(r.code, 3, "{}", r.stderr);
        others_scored(&output);
        assert_eq!(status(&output, name), "rejected");
    }
}

#[test]
#[cfg(unix)]
fn the_input_walk_lists_everything_it_does_not_read() {
    use std::os::unix::ffi::OsStrExt;
    let (t, input, output) = tempdir();
    good_file(&input);
    std::fs::create_dir_all(input.join("sub")).unwrap();
    // A link to a survey inside the input folder is followed (and the survey read once:
    // the copy through the link is byte for byte the same).
    std::os::unix::fs::symlink(input.join("goed.xlsx"), input.join("sub/link.xlsx")).unwrap();
    // Links leading outside, to a file and to /dev/zero, are listed, not followed.
    std::fs::write(t.path().join("buiten.xlsx"), b"x").unwrap();
    std::os::unix::fs::symlink(t.path().join("buiten.xlsx"), input.join("naar-buiten.xlsx")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", input.join("nul.xlsx")).unwrap();
    std::fs::write(input.join(".verborgen.xlsx"), b"x").unwrap();
    let fifo = input.join("pijp.xlsx");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let _socket = std::os::unix::net::UnixListener::bind(input.join("sok.xlsx")).unwrap();
    // Two names that differ only in bytes that are not UTF-8.
    for b in [0xFFu8, 0xFE] {
        let bytes = [b'n', b, b'.', b't', b'x', b't'];
        std::fs::write(input.join(std::ffi::OsStr::from_bytes(&bytes)), b"notes").unwrap();
    }
    let r = run(t.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    others_scored(&output);
    let m = manifest(&output);
    let listed = |p: &str| m["inputs"].as_array().unwrap().iter().find(|i| i["path"] == p).map(|i| i["status"].clone());
    assert_eq!(listed("sub/link.xlsx").unwrap(), "duplicate");
    for p in ["naar-buiten.xlsx", "nul.xlsx", ".verborgen.xlsx", "pijp.xlsx", "sok.xlsx", "n\\xFF.txt", "n\\xFE.txt"] {
        assert!(listed(p).is_some(), "{p} not listed: {}", m["inputs"]);
    }
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let texts: Vec<String> = dq.iter().flat_map(|r| r.iter().map(text)).collect();
    assert!(texts.iter().any(|t| t.contains("buiten de invoermap")));
    assert!(texts.iter().any(|t| t.contains("geen gewoon bestand")));
    // validate on the pipe and on /dev/zero says what they are and returns.
    let v = lobmonitor(t.path(), &["validate", "input/pijp.xlsx", "input/nul.xlsx", "input/goed.xlsx"]);
    assert!(v.stdout.contains("pijp.xlsx: genegeerd"), "{}", v.stdout);
    // A name with a terminal escape sequence is shown, not obeyed.
    write_xlsx(&input.join("x\u{1b}[31m.xlsx"), vec![sheet("1e lijn", vec![vec![s("Respondent")]])]);
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert!(v.stdout.contains("x\\u{1B}[31m.xlsx") && !v.stdout.contains('\u{1b}'), "{}", v.stdout);
}

#[test]
fn a_formula_without_a_stored_value_is_a_rejected_answer_never_an_empty_one() {
    let (t, input, output) = tempdir();
    good_file(&input);
    let base = t.path().join("base.xlsx");
    let rows = vec![vec![s("Respondent"), s("L1-VB-R1"), s("L1-VB-R2")], vec![s("1"), s("ja"), s("ja")]];
    write_xlsx(&base, vec![info("Formule School", 2026, "vo"), sheet("1e lijn", rows)]);
    // Cell C2 as a script writes it: a formula, no value.
    let xml = part(&base, "xl/worksheets/sheet2.xml");
    let c2 = xml.find("<c r=\"C2\"").unwrap();
    let end = c2 + xml[c2..].find("</c>").unwrap() + 4;
    let hostile = format!("{}<c r=\"C2\"><f>B2</f></c>{}", &xml[..c2], &xml[end..]);
    rezip(&base, &input.join("formule.xlsx"), &[("xl/worksheets/sheet2.xml", hostile.into_bytes())]);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let r = run(t.path());
    assert_eq!(r.code, 3, "{} {}", r.stderr, manifest(&output)["inputs"]);
    let rej = rejection_of(&output, "formule.xlsx");
    assert_eq!(rej.len(), 1, "{rej:?}");
    assert_eq!((rej[0][2].as_str(), rej[0][3].as_str()), ("C2", "answer"));
    assert!(rej[0][5].contains("formule zonder waarde: open en sla op in Excel"));
}
