//! Helpers for the integration tests: survey workbooks built with rust_xlsxwriter so
//! each test shows its input, the binary run in a temp folder, outputs read back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Workbook};

/// A cell of a fixture.
#[derive(Debug, Clone)]
pub enum C {
    S(&'static str),
    T(String),
    N(f64),
    B(bool),
    Date,
    E,
}

pub fn s(v: &'static str) -> C {
    C::S(v)
}

/// A worksheet: name and rows from A1 down.
pub struct SheetSpec {
    pub name: String,
    pub rows: Vec<Vec<C>>,
}

pub fn sheet(name: &str, rows: Vec<Vec<C>>) -> SheetSpec {
    SheetSpec { name: name.to_string(), rows }
}

/// An Info sheet with institution and year.
pub fn info(inst: &str, year: u16, sector: &str) -> SheetSpec {
    sheet(
        "Info",
        vec![
            vec![s("Instelling"), C::T(inst.into())],
            vec![s("Sector"), C::T(sector.into())],
            vec![s("Jaar"), C::N(year as f64)],
        ],
    )
}

pub fn write_xlsx(path: &Path, sheets: Vec<SheetSpec>) {
    let mut wb = Workbook::new();
    for sh in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sh.name).unwrap();
        for (r, row) in sh.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(v) => {
                        ws.write_string(r, c, *v).unwrap();
                    }
                    C::T(v) => {
                        ws.write_string(r, c, v).unwrap();
                    }
                    C::N(v) => {
                        ws.write_number(r, c, *v).unwrap();
                    }
                    C::B(v) => {
                        ws.write_boolean(r, c, *v).unwrap();
                    }
                    C::Date => {
                        let d = ExcelDateTime::from_ymd(2026, 3, 1).unwrap();
                        let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                        ws.write_datetime_with_format(r, c, &d, &f).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// The line's item ids, in catalogue order, via the binary's own CSV.
pub fn items_of_line(line: u8) -> Vec<String> {
    let out = Command::cargo_bin("lobmonitor").unwrap().args(["framework", "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records().map(|r| r.unwrap()).filter(|r| r[1] == *line.to_string()).map(|r| r[0].to_string()).collect()
}

/// A header row: Respondent then the given item ids.
pub fn header(ids: &[String]) -> Vec<C> {
    std::iter::once(s("Respondent")).chain(ids.iter().map(|i| C::T(i.clone()))).collect()
}

/// A respondent row answering every item with the same word.
pub fn row_all(id: &str, n: usize, answer: &'static str) -> Vec<C> {
    std::iter::once(C::T(id.into())).chain((0..n).map(|_| s(answer))).collect()
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn lobmonitor(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("lobmonitor")
        .unwrap()
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

/// Copies the committed sample (`input/`) into a test's input folder.
pub fn copy_sample(input: &Path) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    for e in std::fs::read_dir(&sample).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
}

/// A sheet of a workbook as rows of cells.
pub fn read_sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

pub fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

/// A CSV file as records of strings (header first).
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_path(path).unwrap();
    rdr.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

pub fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap()
}

pub fn tempdir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("input");
    let output = t.path().join("output");
    std::fs::create_dir_all(&input).unwrap();
    (t, input, output)
}

pub fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

pub fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// Whether a command-line tool is installed (`pdftotext -v`).
pub fn has(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-v").output().is_ok()
}

/// Whitespace folded to single spaces (pdftotext breaks lines where the PDF does).
pub fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell as its text ("" where empty).
pub fn cell(d: Option<&Data>) -> String {
    match d {
        None | Some(Data::Empty) => String::new(),
        Some(d) => text(d),
    }
}

/// A score as the PDF prints it: one decimal, half away from zero, decimal comma.
pub fn dutch(v: f64) -> String {
    format!("{:.1}", (v * 10.0).round() / 10.0).replace('.', ",")
}

/// A signed figure as the PDF prints it: "+4,4", "−0,3", "0,0".
pub fn signed(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v == 0.0 {
        return "0,0".into();
    }
    format!("{v:+.1}").replace('-', "−").replace('.', ",")
}

/// A figure cell of a workbook as the PDF prints it: a number to one decimal, a mark
/// (`<5`, `afgeschermd`) as it stands.
pub fn printed(d: Option<&Data>) -> String {
    match d {
        Some(Data::Float(v)) => dutch(*v),
        Some(Data::Int(v)) => dutch(*v as f64),
        other => cell(other),
    }
}
