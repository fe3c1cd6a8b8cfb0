//! Delimited text (CSV, TSV, Excel's "Opslaan als CSV") as one sheet: the encoding
//! and the delimiter are detected, the quoting is Excel's (RFC 4180), parsed field by
//! field by `csv-core` and decoded by `encoding_rs`.
//!
//! Encoding, in Excel's order (EXPORTS.md): a byte-order mark decides (UTF-8,
//! UTF-16 LE/BE); otherwise each field is decoded by what it is: a field that is valid
//! UTF-8 is UTF-8, any other is Windows-1252, what Dutch Excel writes as "CSV
//! (gescheiden door lijstscheidingsteken)". Per field, not per file: a file pasted
//! together from a UTF-8 export and a Windows-1252 one (or edited in two programs)
//! holds both, and decoding it whole as Windows-1252 would make "CafÃ© College" of the
//! UTF-8 rows beside "Café College" of the others: two institutions of one. (A
//! Windows-1252 field that happens to be valid UTF-8 — an accented capital followed
//! by a typographic quote, "Ü’" — is read as UTF-8; real text almost never is.)
//! With a UTF-8 byte-order mark, fields that are not UTF-8 are Windows-1252 as well.
//!
//! Delimiter: of `;`, `,` and tab, the one that splits the first lines into the same
//! number of fields (more than one) most consistently.
//!
//! Memory follows the cells, not the lines: fields are read one at a time into one
//! buffer, and a row of more than [`MAX_FIELDS`] fields (Excel's last column, XFD) is
//! refused as soon as it is seen, so a file of one 60 MB line costs its bytes and
//! little more (BENCHMARKS.md, "Hostile inputs").

use std::borrow::Cow;
use std::ops::ControlFlow;

use calamine::Data;
use csv_core::ReadFieldResult;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::ingest::cell::{finish_rows, push_cell, Sheet, SheetRow};
use crate::ingest::guards::Limits;
use crate::ingest::reason::Reason;

/// The name a delimited file's one sheet gets in every listing.
pub const SHEET: &str = "csv";

/// The most fields one row may have: 16,384, Excel's columns A to XFD. No survey tool or
/// spreadsheet program writes a wider row, and a cell beyond it has no address.
pub const MAX_FIELDS: u32 = 16_384;

/// One field's text: UTF-8 where its bytes are valid UTF-8, else Windows-1252.
pub fn decode_field(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Calls `each` for every field (row and column from 0, raw bytes) in order, with
/// csv-core's reading of RFC 4180 (quotes, doubled quotes, blank lines skipped), until
/// `each` breaks. A row wider than [`MAX_FIELDS`] stops the reading with `Err`; so does
/// an `Err` of `each`. Without `contents`, fields are counted, not kept: `each` gets
/// at most their first 4 KiB, and a field of any length costs no memory.
fn for_each_field(
    bytes: &[u8],
    delimiter: u8,
    contents: bool,
    mut each: impl FnMut(u32, u32, &[u8]) -> Result<ControlFlow<()>, Reason>,
) -> Result<(), Reason> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = bytes;
    let mut field = vec![0u8; 4096];
    let (mut len, mut row, mut col) = (0usize, 0u32, 0u32);
    loop {
        // All the input is given at once; once it is used up the empty slice that
        // follows tells the reader the file has ended.
        let (result, read, written) = reader.read_field(input, &mut field[len..]);
        input = &input[read..];
        len += written;
        match result {
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull if contents => field.resize(field.len() * 2, 0),
            ReadFieldResult::OutputFull => len = 0,
            ReadFieldResult::Field { record_end } => {
                if col >= MAX_FIELDS {
                    return Err(Reason::RowTooWide { row: row + 1, limit: MAX_FIELDS });
                }
                if each(row, col, &field[..len])?.is_break() {
                    return Ok(());
                }
                len = 0;
                if record_end {
                    (row, col) = (row.saturating_add(1), 0);
                } else {
                    col += 1;
                }
            }
            ReadFieldResult::End => return Ok(()),
        }
    }
}

/// The delimiter that splits the first lines most consistently into more than one field.
pub fn detect_delimiter(bytes: &[u8]) -> u8 {
    const LINES: u32 = 30;
    let mut best = (0usize, b',');
    for delim in [b';', b',', b'\t'] {
        // Widths of the first lines (up to a line too wide to be a row).
        let mut widths: Vec<usize> = Vec::new();
        let _ = for_each_field(bytes, delim, false, |row, col, _| {
            if row >= LINES {
                return Ok(ControlFlow::Break(()));
            }
            if row as usize == widths.len() {
                widths.push(0);
            }
            widths[row as usize] = col as usize + 1;
            Ok(ControlFlow::Continue(()))
        });
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
    match Encoding::for_bom(bytes) {
        // UTF-16 is decoded whole: its delimiters are not single bytes.
        Some((enc, bom)) if enc != UTF_8 => {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            read_fields(text.as_bytes(), limits)
        }
        Some((_, bom)) => read_fields(&bytes[bom..], limits),
        None => read_fields(bytes, limits),
    }
}

/// Reads UTF-8 text (or text of mixed encodings, see the module) into one sheet.
pub fn read_text(text: &str, limits: Limits) -> Result<Sheet, Reason> {
    read_fields(text.as_bytes(), limits)
}

fn read_fields(bytes: &[u8], limits: Limits) -> Result<Sheet, Reason> {
    let delim = detect_delimiter(bytes);
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut cells: u64 = 0;
    for_each_field(bytes, delim, true, |r, c, raw| {
        let text = decode_field(raw);
        if text.trim().is_empty() {
            return Ok(ControlFlow::Continue(()));
        }
        cells += 1;
        if cells > limits.max_sheet_cells {
            return Err(Reason::SheetTooLarge { cells, limit: limits.max_sheet_cells });
        }
        push_cell(&mut rows, r, c, Data::String(text.into_owned()));
        Ok(ControlFlow::Continue(()))
    })?;
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
        assert_eq!(detect_delimiter(bytes), b';');
        let sheet = read(bytes, Limits::default()).unwrap();
        assert_eq!(cells(&sheet), vec![vec!["Respondent", "Oriëntatie", "Jaar"], vec!["1", "ja", "2025-2026"]]);
    }

    #[test]
    fn limesurvey_csv_is_utf8_with_bom_every_field_quoted() {
        let bytes =
            "\u{feff}\"id\";\"submitdate\";\"Vraag [Kennis; nemen]\"\r\n\"1\";\"2026-03-04 09:12:31\";\"Ja\"\r\n"
                .as_bytes();
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
        assert_eq!(detect_delimiter(text.as_bytes()), b',');
    }

    #[test]
    fn a_sheet_too_large_is_refused() {
        let text = "a,b\n".repeat(10);
        let limits = Limits { max_sheet_cells: 5, ..Limits::default() };
        assert!(matches!(read_text(&text, limits), Err(Reason::SheetTooLarge { .. })));
    }

    #[test]
    fn each_field_is_decoded_by_what_it_is() {
        // One file, two programs: "Café College" in UTF-8 (é = C3 A9) on one row and in
        // Windows-1252 (é = E9) on the next; a header with ë in Windows-1252; "€" and
        // the typographic quotes of Windows-1252 (80, 93, 94).
        let bytes = b"Instelling;Ori\xebntatie;Opmerking\nCaf\xc3\xa9 College;ja;\xe2\x82\xac 5\nCaf\xe9 College;nee;\x93goed\x94 \x80 5\n";
        let sheet = read(bytes, Limits::default()).unwrap();
        assert_eq!(
            cells(&sheet),
            vec![
                vec!["Instelling", "Oriëntatie", "Opmerking"],
                vec!["Café College", "ja", "€ 5"],
                vec!["Café College", "nee", "“goed” € 5"],
            ]
        );
        assert_eq!(decode_field(b"Caf\xc3\xa9"), "Café");
        assert_eq!(decode_field(b"Caf\xe9"), "Café");
        // With a UTF-8 byte-order mark, a field that is not UTF-8 is still read.
        let with_bom = b"\xef\xbb\xbfInstelling;Jaar\nCaf\xe9 College;2026\n";
        assert_eq!(cells(&read(with_bom, Limits::default()).unwrap())[1], vec!["Café College", "2026"]);
    }

    #[test]
    fn a_row_wider_than_a_sheet_is_refused_as_soon_as_it_is_seen() {
        // 16,384 fields fit (A to XFD); 16,385 do not, and the reading stops there.
        let fits = format!("{}\n", vec!["ja"; MAX_FIELDS as usize].join(";"));
        assert_eq!(read_text(&fits, Limits::default()).unwrap().rows[0].cells.len(), 16_384);
        let wide = format!("Respondent;L1-VB-R1\n1;ja\n{}\n", vec!["ja"; MAX_FIELDS as usize + 1].join(";"));
        assert!(matches!(read_text(&wide, Limits::default()), Err(Reason::RowTooWide { row: 3, limit: 16_384 })));
        // The delimiter of such a file is still found.
        assert_eq!(detect_delimiter(wide.as_bytes()), b';');
    }

    #[test]
    fn quoted_line_breaks_doubled_quotes_and_blank_lines_read_as_before() {
        let text = "a,b\n\n\"x\ny\",\"say \"\"hi\"\"\"\n";
        let sheet = read_text(text, Limits::default()).unwrap();
        assert_eq!(cells(&sheet), vec![vec!["a", "b"], vec!["x\ny", "say \"hi\""]]);
        // The blank line is skipped, as the csv crate skips it: the second row is row 1.
        assert_eq!(sheet.rows[1].row, 1);
    }
}
