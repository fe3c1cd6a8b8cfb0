//! Opening a spreadsheet file safely: size caps, encrypted files, corrupt files and
//! reader panics become a rejected file, never a crash. Sheets come back as sparse
//! rows so memory follows the cells that hold values, not a sheet's declared size.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Xls, Xlsx};

use crate::ingest::cell::{finish_rows, push_cell, Sheet, SheetRow};
use crate::ingest::guards;
/// The budgets a file is read within; they live with the guards that enforce them.
pub use crate::ingest::guards::Limits;
use crate::ingest::reason::Reason;

/// A sheet that could not be loaded, and why.
#[derive(Debug, Clone)]
pub struct SheetProblem {
    pub sheet: String,
    pub reason: Reason,
}

/// The formats lobmonitor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    /// CSV, TSV or another delimited text (`.csv`, `.tsv`, `.txt`).
    Delimited,
}

impl Format {
    /// By extension: `.xlsx`, `.xlsm`, `.xls`, `.ods`, `.csv`, `.tsv`, `.txt`
    /// (case-insensitive). The content decides in the end ([`Format::sniff`]).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            "csv" | "tsv" | "txt" => Some(Format::Delimited),
            _ => None,
        }
    }

    /// What the bytes are, whatever the name says: a zip package is xlsx or ods (by its
    /// `mimetype` part), an OLE compound file is xls, anything else is text. A web page
    /// saved under a spreadsheet name (many web tools do this) is refused by name.
    pub fn sniff(bytes: &[u8], by_name: Format) -> Result<Format, Reason> {
        if bytes.starts_with(b"PK\x03\x04") {
            let ods = bytes.get(30..38) == Some(b"mimetype")
                && bytes.get(38..84).is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"));
            return Ok(if ods { Format::Ods } else { Format::Xlsx });
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Ok(Format::Xls);
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<table") {
            return Err(Reason::HtmlNotSpreadsheet);
        }
        if head.starts_with("<?xml") {
            return Err(Reason::XmlSpreadsheet);
        }
        match by_name {
            Format::Delimited => Ok(Format::Delimited),
            // A text file under a spreadsheet name: read as the text it is.
            _ if !bytes.is_empty() && !bytes.contains(&0) => Ok(Format::Delimited),
            _ => Err(Reason::NotASpreadsheet),
        }
    }
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether an OLE compound file is an encrypted OOXML package (what Excel writes when a
/// workbook has an open password) or an encrypted .xls (FILEPASS record, detected by
/// calamine's error text).
fn looks_encrypted(bytes: &[u8]) -> bool {
    const NEEDLE: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
    bytes.starts_with(&OLE_MAGIC) && bytes.windows(NEEDLE.len()).any(|w| w == NEEDLE)
}

/// Reads every sheet of a workbook held in memory. A whole-file problem is `Err`;
/// sheets that could not be loaded are returned beside the good ones.
pub fn read_workbook(bytes: &[u8], format: Format, limits: Limits) -> Result<(Vec<Sheet>, Vec<SheetProblem>), Reason> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Reason::TooLarge { bytes: bytes.len() as u64, limit: limits.max_file_bytes });
    }
    if looks_encrypted(bytes) {
        return Err(Reason::Encrypted);
    }
    let format = Format::sniff(bytes, format)?;
    if format == Format::Delimited {
        return crate::ingest::delimited::read(bytes, limits).map(|sheet| (vec![sheet], Vec::new()));
    }
    IN_READER.with(|f| f.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes, format, limits)));
    IN_READER.with(|f| f.set(false));
    result.unwrap_or(Err(Reason::ReaderPanic))
}

thread_local! {
    /// Set while a workbook is being read, so the panic hook knows a panic is the
    /// reader's (caught, and listed as a corrupt file) rather than a bug of ours.
    static IN_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the reader's panics off the terminal: they are caught and reported as a
/// rejected file with its reason. Every other panic still prints as usual.
pub fn quiet_reader_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_READER.with(|f| f.get()) {
            previous(info);
        }
    }));
}

fn read_unguarded(bytes: &[u8], format: Format, limits: Limits) -> Result<(Vec<Sheet>, Vec<SheetProblem>), Reason> {
    let cursor = Cursor::new(bytes);
    match format {
        Format::Xlsx => {
            let facts = guards::check_package(bytes, false, limits)?;
            let mut wb: Xlsx<_> =
                open_workbook_from_rs(cursor).map_err(|e: calamine::XlsxError| Reason::Unreadable(e.to_string()))?;
            read_xlsx_streaming(&mut wb, &facts, limits)
        }
        Format::Xls => read_dense(&mut open_xls(cursor, limits)?, limits),
        Format::Ods => {
            guards::check_package(bytes, true, limits)?;
            let mut wb: Ods<_> =
                open_workbook_from_rs(cursor).map_err(|e: calamine::OdsError| Reason::Unreadable(e.to_string()))?;
            read_dense(&mut wb, limits)
        }
        Format::Delimited => unreachable!("delimited text is read before the spreadsheet readers"),
    }
}

fn open_xls(cursor: Cursor<&[u8]>, limits: Limits) -> Result<Xls<Cursor<&[u8]>>, Reason> {
    check_xls_dimensions(cursor.get_ref(), limits)?;
    open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| {
        let text = e.to_string();
        if text.to_ascii_lowercase().contains("password") || text.to_ascii_lowercase().contains("encrypt") {
            Reason::Encrypted
        } else {
            Reason::Unreadable(text)
        }
    })
}

/// calamine parses every sheet of an .xls when it opens the file. It reserves
/// rows × columns from each sheet's DIMENSIONS record before any check, and it builds a
/// dense range over the bounding box of the cells it found: a corrupt or hostile record
/// (a DIMENSIONS of 2^32 rows, one cell at row 65535 and column 65535) asks for tens of
/// gigabytes and the allocator aborts the whole process (both found by our fuzzer). So
/// the BIFF stream is scanned first, sheet by sheet, and a file whose declared or actual
/// sheet size is beyond the cell budget, or impossible, is refused before calamine sees it;
/// so is a sheet said to start past the end of the stream (calamine slices there
/// unchecked and panics; the fuzzer found it).
fn check_xls_dimensions(bytes: &[u8], limits: Limits) -> Result<(), Reason> {
    use std::io::Read;
    let mut comp = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| Reason::Unreadable(e.to_string()))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| comp.is_stream(n))
        .ok_or_else(|| Reason::Unreadable("no Workbook stream in the .xls".into()))?;
    let mut stream = Vec::new();
    comp.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| Reason::Unreadable(e.to_string()))?;
    let u16_at = |b: &[u8], i: usize| b.get(i..i + 2).map_or(0, |x| u16::from_le_bytes([x[0], x[1]]) as u64);
    let u32_at =
        |b: &[u8], i: usize| b.get(i..i + 4).map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]) as u64);
    let too_large = |cells: u64| Reason::SheetTooLarge { cells, limit: limits.max_dense_cells };
    // Where each sheet's data starts (BOUNDSHEET): two entries at one place are one
    // sheet read twice.
    let mut sheet_starts: Vec<u64> = Vec::new();
    // Bounding box of the cells of the current substream (sheet).
    let mut bbox: Option<(u64, u64, u64, u64)> = None;
    let check_box = |b: Option<(u64, u64, u64, u64)>| match b {
        Some((r0, r1, c0, c1)) => {
            let cells = (r1 - r0 + 1).saturating_mul(c1 - c0 + 1);
            if cells > limits.max_dense_cells {
                Err(too_large(cells))
            } else {
                Ok(())
            }
        }
        None => Ok(()),
    };
    let mut pos = 0;
    while pos + 4 <= stream.len() {
        let typ = u16_at(&stream, pos);
        let len = u16_at(&stream, pos + 2) as usize;
        let data = &stream[pos + 4..(pos + 4 + len).min(stream.len())];
        let mut extend = |row: u64, c0: u64, c1: u64| {
            let b = bbox.get_or_insert((row, row, c0, c1));
            *b = (b.0.min(row), b.1.max(row), b.2.min(c0), b.3.max(c1));
        };
        match typ {
            // BOUNDSHEET: a sheet and the stream position of its data.
            0x0085 if data.len() >= 4 => {
                let start = u32_at(data, 0);
                // calamine slices the stream at this position unchecked (a panic).
                if start >= stream.len() as u64 {
                    return Err(Reason::Unreadable(
                        "a sheet's data lies beyond the end of the file (BOUNDSHEET)".into(),
                    ));
                }
                if sheet_starts.contains(&start) {
                    return Err(Reason::XlsSheetAliases);
                }
                sheet_starts.push(start);
            }
            // BOF: a new substream begins; the previous sheet's box is complete.
            0x0809 => {
                check_box(bbox.take())?;
            }
            // DIMENSIONS, read as calamine reads it.
            0x0200 => {
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
                    14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
                    _ => (0, 0, 0, 0),
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    if rf > rl - 1 {
                        return Err(Reason::Unreadable("a sheet declares an impossible size (DIMENSIONS)".into()));
                    }
                    let cells = (rl - rf).saturating_mul(cl - cf);
                    if cells > limits.max_dense_cells {
                        return Err(too_large(cells));
                    }
                }
            }
            // Cell records calamine keeps: Number, Label, RString, BoolErr, Rk, LabelSst, Formula.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                extend(u16_at(data, 0), u16_at(data, 2), u16_at(data, 2));
            }
            // MulRk: row, first column … last column.
            0x00BD if data.len() >= 6 => {
                let (c0, c1) = (u16_at(data, 2), u16_at(data, data.len() - 2));
                extend(u16_at(data, 0), c0.min(c1), c0.max(c1));
            }
            _ => {}
        }
        pos += 4 + len;
    }
    check_box(bbox)
}

/// xlsx: stream the cells of each sheet, so a sheet that declares a huge range but holds
/// few values costs only its values, and a sheet with too many values is cut off
/// before it exhausts memory.
fn read_xlsx_streaming(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    facts: &guards::PackageFacts,
    limits: Limits,
) -> Result<(Vec<Sheet>, Vec<SheetProblem>), Reason> {
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    // Text copied out of the shared strings, over the whole file.
    let mut text_bytes: u64 = 0;
    for name in wb.sheet_names() {
        if let Some((_, first)) = facts.aliases.iter().find(|(alias, _)| *alias == name) {
            problems.push(SheetProblem { sheet: name.clone(), reason: Reason::SheetAlias(first.clone()) });
            continue;
        }
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(SheetProblem { sheet: name.clone(), reason: Reason::Unreadable(e.to_string()) });
                continue;
            }
        };
        let mut rows: Vec<SheetRow> = Vec::new();
        let mut count: u64 = 0;
        let mut failed = None;
        // Shared formulas (a formula filled right): whether each group aggregates.
        let mut shared: Vec<(usize, bool)> = Vec::new();
        loop {
            match reader.next_cell_with_formula_metadata() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.pos;
                    let value: Data = cell.value.into();
                    if let Some(formula) = &cell.formula {
                        use calamine::XlsxFormulaMetadata as F;
                        let aggregate = match formula {
                            F::Normal { formula } => is_aggregate(formula),
                            F::Shared { shared_index, formula, .. } => {
                                let a = is_aggregate(formula);
                                shared.retain(|(i, _)| i != shared_index);
                                shared.push((*shared_index, a));
                                a
                            }
                            F::SharedDerived { shared_index } => shared.iter().any(|(i, a)| i == shared_index && *a),
                            _ => false,
                        };
                        push_formula(&mut rows, r, c, aggregate);
                    }
                    if matches!(value, Data::Empty) {
                        continue;
                    }
                    if let Data::String(s) = &value {
                        if s.trim().is_empty() {
                            continue;
                        }
                        text_bytes += s.len() as u64;
                        if text_bytes > limits.max_text_bytes {
                            failed = Some(Reason::TooMuchText { bytes: text_bytes, limit: limits.max_text_bytes });
                            break;
                        }
                    }
                    count += 1;
                    if count > limits.max_sheet_cells {
                        failed = Some(Reason::SheetTooLarge { cells: count, limit: limits.max_sheet_cells });
                        break;
                    }
                    push_cell(&mut rows, r, c, value);
                }
                Ok(None) => break,
                Err(e) => {
                    failed = Some(Reason::Unreadable(e.to_string()));
                    break;
                }
            }
        }
        match failed {
            Some(reason) => problems.push(SheetProblem { sheet: name, reason }),
            None => {
                finish_rows(&mut rows);
                sheets.push(Sheet { name, rows });
            }
        }
    }
    Ok((sheets, problems))
}

/// Marks a cell as a formula, and as an aggregate where it is one.
fn push_formula(rows: &mut Vec<SheetRow>, r: u32, c: u32, aggregate: bool) {
    let aggregates = if aggregate { vec![c] } else { Vec::new() };
    match rows.last_mut() {
        Some(last) if last.row == r => {
            last.formulas.push(c);
            last.aggregates.extend(aggregates);
        }
        _ => rows.push(SheetRow { row: r, cells: Vec::new(), formulas: vec![c], aggregates }),
    }
}

/// Functions that aggregate many cells into one figure, as files store them (English
/// names; a few writers keep the Dutch ones).
const AGGREGATES: &[&str] = &[
    "SUM",
    "SUMIF",
    "SUMIFS",
    "SUMPRODUCT",
    "AVERAGE",
    "AVERAGEA",
    "AVERAGEIF",
    "AVERAGEIFS",
    "COUNT",
    "COUNTA",
    "COUNTIF",
    "COUNTIFS",
    "COUNTBLANK",
    "MEDIAN",
    "MIN",
    "MAX",
    "MINA",
    "MAXA",
    "SUBTOTAL",
    "AGGREGATE",
    "STDEV",
    "STDEV.S",
    "STDEV.P",
    "STDEVA",
    "VAR",
    "VAR.S",
    "MODE",
    "MODE.SNGL",
    "PERCENTILE",
    "QUARTILE",
    "SOM",
    "GEMIDDELDE",
    "AANTAL",
    "AANTALARG",
    "AANTAL.ALS",
    "MEDIAAN",
    "SUBTOTAAL",
];

/// Whether a formula's text calls an aggregating function (`=AVERAGE(B2:B14)`,
/// `of:=SUM([.B2:.B9])`, `_xlfn.STDEV.S(…)`).
pub fn is_aggregate(formula: &str) -> bool {
    let f = formula.to_ascii_uppercase();
    let b = f.as_bytes();
    let mut start = None;
    for (i, &ch) in b.iter().enumerate() {
        let word = ch.is_ascii_alphanumeric() || ch == b'.' || ch == b'_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if ch == b'(' {
                    let name = &f[s..i];
                    let name = name.strip_prefix("_XLFN.").or_else(|| name.strip_prefix("_XLWS.")).unwrap_or(name);
                    if AGGREGATES.contains(&name) {
                        return true;
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    false
}

/// xls and ods: calamine loads a sheet whole; the file-size cap bounds it, and the
/// loaded range is checked against the cell budget before it is converted.
fn read_dense<'a, W: Reader<Cursor<&'a [u8]>>>(
    wb: &mut W,
    limits: Limits,
) -> Result<(Vec<Sheet>, Vec<SheetProblem>), Reason>
where
    W::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    for name in wb.sheet_names() {
        let range = match wb.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(SheetProblem { sheet: name.clone(), reason: Reason::Unreadable(e.to_string()) });
                continue;
            }
        };
        let (h, w) = range.get_size();
        let cells = h as u64 * w as u64;
        if cells > limits.max_dense_cells {
            problems.push(SheetProblem {
                sheet: name,
                reason: Reason::SheetTooLarge { cells, limit: limits.max_dense_cells },
            });
            continue;
        }
        let mut rows: Vec<SheetRow> = Vec::new();
        let (sr, sc) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            if let Data::String(s) = v {
                if s.trim().is_empty() {
                    continue;
                }
            }
            push_cell(&mut rows, sr + r as u32, sc + c as u32, v.clone());
        }
        // Formulas: a formula without a stored value is not an empty cell.
        if let Ok(formulas) = wb.worksheet_formula(&name) {
            if formulas.get_size().0 as u64 * formulas.get_size().1 as u64 <= limits.max_dense_cells {
                let (fr, fc) = formulas.start().unwrap_or((0, 0));
                for (r, c, f) in formulas.used_cells() {
                    if !f.is_empty() {
                        push_formula(&mut rows, fr + r as u32, fc + c as u32, is_aggregate(f));
                    }
                }
            }
        }
        finish_rows(&mut rows);
        sheets.push(Sheet { name, rows });
    }
    Ok((sheets, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_that_aggregate_a_range_are_told_from_others() {
        for f in [
            "AVERAGE(B2:B14)",
            "=SUM(C2:C9)",
            "of:=SUM([.B2:.B9])",
            "_xlfn.STDEV.S(B2:B9)",
            "COUNTA(B2:B20)",
            "ROUND(AVERAGE(B2:B9),2)",
            "subtotal(9,B2:B9)",
        ] {
            assert!(is_aggregate(f), "{f}");
        }
        for f in ["IF(A2=\"x\",1,0)", "Team!B2", "'Team A'!C4", "B2*2", "SUMMARY!B2", "VLOOKUP(A2,Lijst!A:B,2,0)"] {
            assert!(!is_aggregate(f), "{f}");
        }
    }
}
