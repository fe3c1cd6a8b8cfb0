//! Delimited text (CSV, TSV, Excel's "Opslaan als CSV") as one sheet: the encoding
//! and the delimiter are detected, the quoting is Excel's (RFC 4180), parsed by the
//! `csv` crate and decoded by `encoding_rs`.
//!
//! Encoding, in Excel's order (EXPORTS.md): a byte-order mark decides (UTF-8,
//! UTF-16 LE/BE); otherwise text that is valid UTF-8 is UTF-8; anything else is
//! Windows-1252, what Dutch Excel writes as "CSV (gescheiden door lijstscheidingsteken)".
//! Delimiter: of `;`, `,` and tab, the one that splits the first lines into the same
//! number of fields (more than one) most consistently.

use calamine::Data;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::ingest::ledger::Reason;
use crate::ingest::workbook::{finish_rows, push_cell, Limits, Sheet, SheetRow};

/// The name a delimited file's one sheet gets in every listing.
pub const SHEET: &str = "csv";

/// Decodes the bytes into text: BOM → UTF-8/UTF-16; strict UTF-8; else Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), UTF_8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1252)
        }
    }
}

/// The delimiter that splits the first lines most consistently into more than one field.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0usize, b',');
    for delim in [b';', b',', b'\t'] {
        let mut rdr =
            csv::ReaderBuilder::new().delimiter(delim).has_headers(false).flexible(true).from_reader(text.as_bytes());
        let widths: Vec<usize> = rdr.records().take(30).filter_map(Result::ok).map(|r| r.len()).collect();
        // The most common width above 1, and how many lines have it.
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for w in widths.iter().filter(|w| **w > 1) {
            *counts.entry(*w).or_default() += 1;
        }
        let score = counts.iter().map(|(w, n)| n * 1000 + w).max().unwrap_or(0);
        if score > best.0 {
            best = (score, delim);
        }
    }
    best.1
}

/// Reads delimited text into one sheet of text cells (numbers stay text: the answer
/// and year readers take text as it comes).
pub fn read(bytes: &[u8], limits: Limits) -> Result<Sheet, Reason> {
    let (text, _) = decode(bytes);
    read_text(&text, limits)
}

pub fn read_text(text: &str, limits: Limits) -> Result<Sheet, Reason> {
    let delim = detect_delimiter(text);
    let mut rdr =
        csv::ReaderBuilder::new().delimiter(delim).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut cells: u64 = 0;
    let mut record = csv::StringRecord::new();
    let mut r: u32 = 0;
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(Reason::Unreadable(e.to_string())),
        }
        for (c, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            cells += 1;
            if cells > limits.max_sheet_cells {
                return Err(Reason::SheetTooLarge { cells, limit: limits.max_sheet_cells });
            }
            push_cell(&mut rows, r, c as u32, Data::String(field.to_string()));
        }
        r = r.saturating_add(1);
    }
    finish_rows(&mut rows);
    Ok(Sheet { name: SHEET.to_string(), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|(_, d)| match d {
                        Data::String(s) => s.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn dutch_excel_csv_is_semicolons_in_windows_1252() {
        // "Oriëntatie" with ë as 0xEB, as Dutch Excel writes it.
        let bytes = b"Respondent;Ori\xebntatie;Jaar\r\n1;ja;2025-2026\r\n";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, WINDOWS_1252);
        assert_eq!(detect_delimiter(&text), b';');
        let sheet = read(bytes, Limits::default()).unwrap();
        assert_eq!(cells(&sheet), vec![vec!["Respondent", "Oriëntatie", "Jaar"], vec!["1", "ja", "2025-2026"]]);
    }

    #[test]
    fn limesurvey_csv_is_utf8_with_bom_every_field_quoted() {
        let bytes =
            "\u{feff}\"id\";\"submitdate\";\"Vraag [Kennis; nemen]\"\r\n\"1\";\"2026-03-04 09:12:31\";\"Ja\"\r\n"
                .as_bytes();
        let (_, enc) = decode(bytes);
        assert_eq!(enc, UTF_8);
        let sheet = read(bytes, Limits::default()).unwrap();
        // The BOM is gone and the quoted `;` stays inside its field.
        assert_eq!(cells(&sheet)[0], vec!["id", "submitdate", "Vraag [Kennis; nemen]"]);
        assert_eq!(cells(&sheet)[1][2], "Ja");
    }

    #[test]
    fn utf16_with_bom_and_tabs() {
        let text = "Respondent\tL1-VB-R1\n7\tnee\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let sheet = read(&bytes, Limits::default()).unwrap();
        assert_eq!(cells(&sheet), vec![vec!["Respondent", "L1-VB-R1"], vec!["7", "nee"]]);
    }

    #[test]
    fn commas_inside_quotes_do_not_fool_the_delimiter() {
        // Qualtrics: comma-separated, texts with commas quoted.
        let text = "StartDate,ResponseId,Q1_1\n\"Start Date\",\"Response ID\",\"Vraag - Kan, wil\"\n";
        assert_eq!(detect_delimiter(text), b',');
    }

    #[test]
    fn a_sheet_too_large_is_refused() {
        let text = "a,b\n".repeat(10);
        let limits = Limits { max_sheet_cells: 5, ..Limits::default() };
        assert!(matches!(read_text(&text, limits), Err(Reason::SheetTooLarge { .. })));
    }
}
