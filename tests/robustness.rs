//! Bad input never panics and never loses data: a property test over arbitrary cell
//! contents, and a fuzz regression over mutated workbooks of every format.

mod common;
mod fuzz_common;

use std::path::Path;

use lobmonitor::framework::{Editions, Framework};
use lobmonitor::ingest::ledger::Level;
use lobmonitor::ingest::workbook::{read_workbook, Format, Limits};
use lobmonitor::ingest::{ingest_files, IngestOptions};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

/// What a cell may hold: answers, near-answers, ids, identity values, junk.
fn cell() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        3 => prop::sample::select(vec!["ja", "nee", "x", "grotendeels", "enigszins", "n.v.t.", "yes", "0", "1", "#N/A", "jaa", "7", "", " "]).prop_map(|s| Some(s.to_string())),
        1 => prop::sample::select(vec!["L1-VB-R1", "L2-OB-D3", "L3-SW-R4", "L1-XX-R9", "1e lijn", "2", "lijn 7", "2025-2026", "2026", "ROC A", "=1+1", "@x"]).prop_map(|s| Some(s.to_string())),
        1 => ".{0,12}".prop_map(Some),
    ]
}

fn header() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        4 => prop::sample::select(vec![
            "Respondent", "Instelling", "Jaar", "Lijn", "Team", "E-mail", "L1-VB-R1", "L1-VB-R2", "L1-OB-D1", "L2-VB-R1",
            "L3-OR-D4", "L1-VB-R1", "Kan LOB-activiteiten ontwerpen", "item", "antwoord", "Opmerking",
        ]).prop_map(|s| Some(s.to_string())),
        1 => ".{0,10}".prop_map(Some),
    ]
}

fn write(path: &Path, sheet_name: &str, header: &[Option<String>], rows: &[Vec<Option<String>>], numbers: bool) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name).unwrap();
    for (c, h) in header.iter().enumerate() {
        if let Some(h) = h {
            ws.write_string(1, c as u16, h).unwrap();
        }
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let Some(v) = v else { continue };
            let (r, c) = (r as u32 + 2, c as u16);
            match v.parse::<f64>() {
                Ok(n) if numbers => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, v).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    /// SPEC §3.3: whatever the cells hold, ingest returns, both identities hold, and
    /// every rejected answer and every unscored row is listed.
    #[test]
    fn arbitrary_cells_never_panic_and_always_reconcile(
        header in prop::collection::vec(header(), 1..8),
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..12),
        sheet_name in prop::sample::select(vec!["1e lijn", "Blad1", "Lijn 3", "Info"]),
        numbers in any::<bool>(),
        blank_no in any::<bool>(),
        min_answered in prop::sample::select(vec![0.0, 0.05, 0.5, 1.0]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.xlsx");
        write(&file, sheet_name, &header, &rows, numbers);
        let fw = Framework::embedded();
        let opts = IngestOptions {
            year: Some(2026),
            min_answered,
            blank: if blank_no { lobmonitor::ingest::answer::BlankPolicy::No } else { Default::default() },
            ..Default::default()
        };
        let ing = ingest_files(&Editions::single(fw), dir.path(), &[file], Default::default(), &opts);
        let c = ing.ledger.counts;
        prop_assert!(c.rows_reconcile(), "{c:?}");
        prop_assert!(c.answers_reconcile(), "{c:?}");
        let listed = |l: Level| ing.ledger.rejections.iter().filter(|r| r.level == l).count() as u64;
        prop_assert_eq!(listed(Level::Answer), c.answers_rejected);
        prop_assert_eq!(listed(Level::Row), c.respondents_rejected + c.respondents_excluded);
        prop_assert_eq!(ing.respondents.len() as u64, c.respondents_scored);
        let scored: u64 = ing.respondents.iter().map(|r| r.answers.len() as u64).sum();
        prop_assert_eq!(scored, c.answers_scored);
    }
}

fn seeds() -> Vec<(Vec<u8>, Format)> {
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("s.xlsx");
    let ids = vec![
        Some("Respondent".to_string()),
        Some("Instelling".into()),
        Some("L1-VB-R1".into()),
        Some("L1-VB-R2".into()),
    ];
    let rows = vec![vec![Some("a".into()), Some("ROC".into()), Some("ja".into()), Some("nee".into())]; 3];
    write(&x, "1e lijn", &ids, &rows, false);
    vec![
        (std::fs::read(&x).unwrap(), Format::Xlsx),
        (std::fs::read(fx.join("forms-export.ods")).unwrap(), Format::Ods),
        (std::fs::read(fx.join("forms-export.xls")).unwrap(), Format::Xls),
        (std::fs::read(fx.join("long-layout.xls")).unwrap(), Format::Xls),
    ]
}

/// Mutated workbooks of every format: the reader answers with sheets or a reason, never
/// a crash. Findings of the long fuzzer runs are kept here as fixed seeds.
#[test]
fn mutated_workbooks_are_rejected_not_crashed() {
    let limits = Limits { max_file_bytes: 1 << 20, max_sheet_cells: 200_000, ..Limits::default() };
    let mut rejected = 0;
    for (i, (seed, format)) in seeds().into_iter().enumerate() {
        let mut rng = fuzz_common::rng(0x10b + i as u64);
        for _ in 0..150 {
            let bytes = fuzz_common::mutate(&seed, &mut rng);
            if read_workbook(&bytes, format, limits).is_err() {
                rejected += 1;
            }
        }
    }
    // Most mutations break the container; the point is that none escaped as a panic.
    assert!(rejected > 0);
}

/// A sheet that declares a huge range but is refused before it is loaded.
#[test]
fn sheet_over_the_cell_budget_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.xlsx");
    let header: Vec<Option<String>> = (0..10).map(|i| Some(format!("kolom {i}"))).collect();
    let rows: Vec<Vec<Option<String>>> = (0..100).map(|_| (0..10).map(|_| Some("ja".to_string())).collect()).collect();
    write(&file, "1e lijn", &header, &rows, false);
    let bytes = std::fs::read(&file).unwrap();
    let (sheets, problems) = read_workbook(
        &bytes,
        Format::Xlsx,
        Limits { max_file_bytes: 1 << 20, max_sheet_cells: 500, ..Limits::default() },
    )
    .unwrap();
    assert!(sheets.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].reason.text(lobmonitor::lang::Lang::En).contains("too large"));
}

/// Fuzzer finding (kept as a regression): an .xls whose DIMENSIONS record declares
/// 2^32 rows made calamine reserve petabytes and abort the process. It is now refused
/// before calamine opens it.
#[test]
fn xls_declaring_a_gigantic_sheet_is_refused_not_an_abort() {
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.xls");
    let mut bytes = std::fs::read(fx).unwrap();
    // BIFF8 DIMENSIONS: type 0x0200, length 14: rwMic u32, rwMac u32, colMic u16, colMac u16.
    let at = bytes.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).expect("a DIMENSIONS record");
    bytes[at + 4..at + 8].copy_from_slice(&0u32.to_le_bytes());
    bytes[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
    bytes[at + 14..at + 16].copy_from_slice(&0xFFu16.to_le_bytes());
    let limits = Limits { max_file_bytes: 1 << 20, max_sheet_cells: 1_000_000, ..Limits::default() };
    match read_workbook(&bytes, Format::Xls, limits) {
        Err(r) => assert!(r.text(lobmonitor::lang::Lang::En).contains("too large"), "{r:?}"),
        Ok(_) => panic!("a sheet of 2^32 rows was loaded"),
    }
}

/// Fuzzer finding (kept as a regression): a cell record at row 65535, column 65535 made
/// calamine build a dense range of 4·10^9 cells and abort. Now refused up front.
#[test]
fn xls_with_a_cell_far_out_is_refused_not_an_abort() {
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.xls");
    let mut bytes = std::fs::read(fx).unwrap();
    // The first LabelSst record (type 0x00FD, length 10): row u16, column u16, …
    let at = bytes.windows(4).position(|w| w == [0xFD, 0x00, 0x0A, 0x00]).expect("a LabelSst record");
    bytes[at + 4..at + 6].copy_from_slice(&0xFFFFu16.to_le_bytes());
    bytes[at + 6..at + 8].copy_from_slice(&0xFFFFu16.to_le_bytes());
    let limits = Limits { max_file_bytes: 1 << 20, max_sheet_cells: 1_000_000, ..Limits::default() };
    match read_workbook(&bytes, Format::Xls, limits) {
        Err(r) => assert!(r.text(lobmonitor::lang::Lang::En).contains("too large"), "{r:?}"),
        Ok(_) => panic!("a sheet of 4·10^9 cells was loaded"),
    }
}

/// Fuzzer findings (kept as regressions): .xls files on which calamine panics. Each is a
/// rejected file with a reason, and a run over them finishes with exit code 3.
#[test]
fn fuzz_findings_are_rejected_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let limits = Limits::default();
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        assert!(read_workbook(&bytes, Format::Xls, limits).is_err(), "{}", p.display());
        n += 1;
    }
    assert!(n >= 3);
    let (t, input, output) = common::tempdir();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.xls");
    std::fs::copy(src, input.join("good.xls")).unwrap();
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let run = common::lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "reader panics stay off the terminal: {}", run.stderr);
    let m = common::manifest(&output);
    let rejected = m["inputs"].as_array().unwrap().iter().filter(|i| i["status"] == "rejected").count();
    assert_eq!(rejected, n);
}

/// A small package of highly compressed XML is refused by what it would unpack to,
/// before calamine inflates it.
#[test]
fn package_that_unpacks_beyond_the_budget_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bomb.xlsx");
    let header = vec![Some("Respondent".to_string()), Some("L1-VB-R1".to_string())];
    let long = "ja ".repeat(10_000);
    let rows: Vec<Vec<Option<String>>> =
        (0..100).map(|i| vec![Some(format!("r{i}")), Some(format!("{i} {long}"))]).collect();
    write(&file, "1e lijn", &header, &rows, false);
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.len() < 200_000, "compressed: {}", bytes.len());
    let limits = Limits { max_unpacked_bytes: 1 << 20, ..Limits::default() };
    match read_workbook(&bytes, Format::Xlsx, limits) {
        Err(r) => assert!(r.text(lobmonitor::lang::Lang::En).contains("unpacks to"), "{r:?}"),
        Ok(_) => panic!("a package of {} bytes unpacked was loaded", 100 * long.len()),
    }
    // Within the budget it reads.
    assert!(read_workbook(&bytes, Format::Xlsx, Limits::default()).is_ok());
}
