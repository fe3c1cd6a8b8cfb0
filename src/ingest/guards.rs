//! Size and count checks before calamine allocates. calamine trusts what a file
//! declares and expands what it repeats: a 3 KB xlsx declaring 3·10¹⁷ shared strings
//! makes it reserve them (the allocation fails and aborts the process), an ODS cell
//! repeated 16,384 times on 20,000 rows is expanded into 327 million cells, and a
//! workbook whose 200 sheet entries point at one part is read 200 times. These checks
//! read only the package's directory and the few XML parts that say how much there is,
//! streaming them, and refuse what would not fit before calamine sees it.
//!
//! (Reported upstream as minimal reproductions: `docs/upstream-calamine.md`.)

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::ingest::reason::Reason;

/// Resource limits for one file. Together they keep one file's reading under a few
/// hundred MiB, whatever it declares (the hostile-input issue measured each).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Most cells with a value in one streamed (xlsx, CSV) sheet: about 56 bytes each
    /// once read, 10 million is 0.5 GiB.
    pub max_sheet_cells: u64,
    /// Most cells calamine may build for one xls or ods sheet, which it holds as a dense
    /// range (a value and a formula text per cell, about 60 bytes).
    pub max_dense_cells: u64,
    /// Most bytes of text one file may expand to (a long text referenced by a million
    /// cells is a copy per cell).
    pub max_text_bytes: u64,
    /// Largest total an xlsx/ods may unpack to, as its zip directory declares it: a
    /// small file of highly compressed XML would otherwise fill memory.
    pub max_unpacked_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_sheet_cells: 10_000_000,
            max_dense_cells: 4_000_000,
            max_text_bytes: 256 * 1024 * 1024,
            max_unpacked_bytes: 1 << 30,
        }
    }
}

/// What the checks learnt that the reader needs: sheets that are aliases of an earlier
/// sheet (the same part), with the sheet they repeat.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageFacts {
    pub aliases: Vec<(String, String)>,
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn unreadable(e: impl std::fmt::Display) -> Reason {
    Reason::Unreadable(e.to_string())
}

/// Checks an xlsx or ods package: the sizes its parts declare, added up, against the
/// unpacked budget (a part that unpacks to more than it declares is stopped by the zip
/// reader's own checks); then, per format, what calamine would allocate.
pub fn check_package(bytes: &[u8], ods: bool, limits: Limits) -> Result<PackageFacts, Reason> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    check_part_names(&mut zip, bytes)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(part.size());
    }
    if total > limits.max_unpacked_bytes {
        return Err(Reason::TooLargeUnpacked { bytes: total, limit: limits.max_unpacked_bytes });
    }
    if ods {
        check_ods_content(&mut zip, limits)?;
        Ok(PackageFacts::default())
    } else {
        // The parts' names, listed once for the checks below.
        let names = part_names(&zip);
        check_shared_strings(&mut zip, &names)?;
        Ok(PackageFacts { aliases: xlsx_aliases(&mut zip, &names)? })
    }
}

/// A package must name each part once. Two directory entries of one name (or of names a
/// reader takes for one: differing only in ASCII case, which the Open Packaging
/// Conventions declare equivalent, `\` for `/`, a leading `/`) mean that which of them
/// is read depends on the reader: the zip crate keeps the last, another program may take
/// the first, so lobmonitor would score what Excel never shows. Such a package is
/// refused, naming the part, never read with one of them silently.
///
/// (The zip crate's `validate_header_consistency` would also compare every local header
/// with its directory entry, down to the modification time; calamine and Excel read
/// through the directory, and surveys saved by other tools would be refused for
/// differences that change nothing read, so it is not used.)
fn check_part_names(zip: &mut Zip<'_>, bytes: &[u8]) -> Result<(), Reason> {
    // The zip crate keys its directory by name, so an exact duplicate is visible only in
    // its count of raw entries: the name itself is found by reading the directory (where
    // that fails, the package is refused all the same, without the name).
    if zip.has_duplicate_names() {
        let name = central_directory_names(bytes)
            .and_then(|names| first_repeated(names.iter().map(|n| fold_part_name(n))))
            .unwrap_or_default();
        return Err(Reason::DuplicatePart(name));
    }
    match first_repeated(zip.file_names_raw().map(fold_part_name)) {
        Some(name) => Err(Reason::DuplicatePart(name)),
        None => Ok(()),
    }
}

/// A part name as readers compare it: `/`-separated, without a leading `/`, ASCII
/// lower-case (bytes that are not UTF-8 shown as `\xNN`).
fn fold_part_name(raw: &[u8]) -> String {
    let mut out = String::new();
    for chunk in raw.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out.replace('\\', "/").trim_start_matches('/').to_ascii_lowercase()
}

/// The first name met a second time.
fn first_repeated(names: impl Iterator<Item = String>) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    names.into_iter().find(|n| !seen.insert(n.clone()))
}

/// The names in a zip's central directory, every entry as it stands (the zip crate's
/// own listing keeps one per name). Read from the end-of-directory record; `None` where
/// the directory is not where that record says (ZIP64, a comment the search missed):
/// the package is refused anyway, only without the name.
fn central_directory_names(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    const EOCD: [u8; 4] = [0x50, 0x4B, 0x05, 0x06];
    const ENTRY: [u8; 4] = [0x50, 0x4B, 0x01, 0x02];
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (search_from..bytes.len().saturating_sub(21)).rev().find(|&i| bytes[i..].starts_with(&EOCD))?;
    let (count, mut at) = (u16_at(eocd + 10)?, u32_at(eocd + 16)?);
    let mut names = Vec::with_capacity(count.min(65_535));
    for _ in 0..count {
        if bytes.get(at..at + 4)? != ENTRY {
            return None;
        }
        let (name_len, extra_len, comment_len) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        names.push(bytes.get(at + 46..at + 46 + name_len)?.to_vec());
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

/// Shared strings a part of this size can hold: each `<si/>` takes at least 5 bytes.
fn strings_that_fit(part_size: u64) -> u64 {
    part_size / 5 + 16
}

/// The most shared strings calamine is let reserve room for (24 bytes each).
pub const MAX_SHARED_STRINGS: u64 = 4_000_000;

/// `xl/sharedStrings.xml` declares how many strings it holds (`uniqueCount`), and
/// calamine reserves that many before reading one. A count beyond what the part can
/// hold, or beyond [`MAX_SHARED_STRINGS`], is refused.
fn check_shared_strings(zip: &mut Zip<'_>, names: &[String]) -> Result<(), Reason> {
    let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case("xl/sharedStrings.xml")) else { return Ok(()) };
    let part = zip.by_name(name).map_err(unreadable)?;
    let size = part.size();
    // The `<sst>` tag opens the part: it is unpacked a kilobyte at a time, as far as the
    // tag (at most 64 KiB), not in the reader's default 8 KiB.
    let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(1024, part.take(64 * 1024)));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let declared = attr(&e, "uniqueCount").and_then(|v| v.trim().parse::<f64>().ok());
                if let Some(n) = declared {
                    let fits = strings_that_fit(size);
                    if !n.is_finite() || n < 0.0 || n > fits as f64 || n > MAX_SHARED_STRINGS as f64 {
                        return Err(Reason::TooManySharedStrings { declared: n, fits: fits.min(MAX_SHARED_STRINGS) });
                    }
                }
                return Ok(());
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => return Err(unreadable(e)),
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute's value, by its local name: the first, where it is written twice (as
/// with quick-xml's duplicate check, which dropped the second; without the check's
/// bookkeeping per element).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.into_owned())
}

/// The names of a package's parts.
fn part_names(zip: &Zip<'_>) -> Vec<String> {
    zip.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect()
}

/// A part read whole, if it exists and is small (workbook.xml and its relationships):
/// at most 16 MiB, into room for the size it declares.
fn small_part(zip: &mut Zip<'_>, names: &[String], name: &str) -> Result<Option<Vec<u8>>, Reason> {
    const MAX: u64 = 16 * 1024 * 1024;
    if !names.iter().any(|n| n == name) {
        return Ok(None);
    }
    let part = zip.by_name(name).map_err(unreadable)?;
    let mut out = Vec::with_capacity(part.size().min(MAX) as usize);
    part.take(MAX).read_to_end(&mut out).map_err(unreadable)?;
    Ok(Some(out))
}

/// Sheets of an xlsx whose entries point at a part an earlier sheet already points at:
/// (alias, the sheet it repeats).
fn xlsx_aliases(zip: &mut Zip<'_>, names: &[String]) -> Result<Vec<(String, String)>, Reason> {
    let (Some(workbook), Some(rels)) =
        (small_part(zip, names, "xl/workbook.xml")?, small_part(zip, names, "xl/_rels/workbook.xml.rels")?)
    else {
        return Ok(Vec::new());
    };
    let mut targets: Vec<(String, String)> = Vec::new(); // (rel id, target)
    let mut xml = quick_xml::Reader::from_reader(rels.as_slice());
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    targets.push((id, t.trim_start_matches('/').trim_start_matches("xl/").to_string()));
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(unreadable(e)),
            _ => {}
        }
        buf.clear();
    }
    let mut seen: Vec<(String, String)> = Vec::new(); // (target, first sheet)
    let mut aliases = Vec::new();
    let mut xml = quick_xml::Reader::from_reader(workbook.as_slice());
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) else { continue };
                let Some((_, target)) = targets.iter().find(|(i, _)| *i == id) else { continue };
                match seen.iter().find(|(t, _)| t == target) {
                    Some((_, first)) => aliases.push((name, first.clone())),
                    None => seen.push((target.clone(), name)),
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(unreadable(e)),
            _ => {}
        }
        buf.clear();
    }
    Ok(aliases)
}

/// What one ODS table expands to in calamine: the cells it stores row by row (every
/// cell up to a row's last value, repeats expanded), the dense range it builds over the
/// values' bounding box (repeated rows expanded), and the bytes of text it copies.
#[derive(Debug, Default, PartialEq)]
pub struct OdsTable {
    pub stored_cells: u64,
    pub range_cells: u64,
    pub text_bytes: u64,
}

/// Reads `content.xml` once, as a stream, and refuses a table calamine would expand
/// beyond the cell or text budget.
fn check_ods_content(zip: &mut Zip<'_>, limits: Limits) -> Result<(), Reason> {
    let part = match zip.by_name("content.xml") {
        Ok(p) => p,
        Err(_) => return Ok(()),
    };
    for t in ods_tables(BufReader::new(part))? {
        let cells = t.stored_cells.max(t.range_cells);
        if cells > limits.max_dense_cells {
            return Err(Reason::SheetTooLarge { cells, limit: limits.max_dense_cells });
        }
        if t.text_bytes > limits.max_text_bytes {
            return Err(Reason::TooMuchText { bytes: t.text_bytes, limit: limits.max_text_bytes });
        }
    }
    Ok(())
}

/// The expansion of every table of an ODS `content.xml`.
pub fn ods_tables(content: impl std::io::BufRead) -> Result<Vec<OdsTable>, Reason> {
    let mut xml = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut tables = Vec::new();
    let mut t = OdsTable::default();
    // Per table: next row index, bounding box of values.
    let (mut row_index, mut rows_min, mut rows_max, mut cols_max) = (0u64, u64::MAX, 0u64, 0u64);
    // Per row: its repeats, width so far, width up to its last value, its text.
    let (mut row_rep, mut width, mut last_value_width, mut row_text) = (1u64, 0u64, 0u64, 0u64);
    // Per cell: repeats, whether it holds something, its text length.
    let (mut in_cell, mut cell_rep, mut cell_value, mut cell_text) = (false, 1u64, false, 0u64);
    let num = |e: &BytesStart<'_>, a: &str| attr(e, a).and_then(|v| v.trim().parse::<u64>().ok()).unwrap_or(1).max(1);
    let is_cell = |n: &str| n == "table-cell" || n == "covered-table-cell";
    loop {
        let ev = xml.read_event_into(&mut buf).map_err(unreadable)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if name == "table" && matches!(ev, Event::Start(_)) {
                    t = OdsTable::default();
                    (row_index, rows_min, rows_max, cols_max) = (0, u64::MAX, 0, 0);
                } else if name == "table-row" {
                    row_rep = num(e, "number-rows-repeated").min(1 << 20);
                    (width, last_value_width, row_text) = (0, 0, 0);
                } else if is_cell(name) {
                    cell_rep = num(e, "number-columns-repeated").min(1 << 14);
                    cell_value = attr(e, "value-type").is_some() || attr(e, "formula").is_some();
                    cell_text = 0;
                    in_cell = matches!(ev, Event::Start(_));
                }
                if matches!(ev, Event::Empty(_)) && is_cell(name) {
                    end_cell(cell_rep, cell_value, cell_text, &mut width, &mut last_value_width, &mut row_text);
                }
                if matches!(ev, Event::Empty(_)) && name == "table-row" {
                    row_index = row_index.saturating_add(row_rep);
                }
            }
            Event::Text(text) if in_cell => {
                cell_text = cell_text.saturating_add(text.len() as u64);
                cell_value |= !text.is_empty();
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if is_cell(name) {
                    in_cell = false;
                    end_cell(cell_rep, cell_value, cell_text, &mut width, &mut last_value_width, &mut row_text);
                } else if name == "table-row" {
                    t.stored_cells = t.stored_cells.saturating_add(last_value_width);
                    t.text_bytes = t.text_bytes.saturating_add(row_text.saturating_mul(row_rep));
                    if last_value_width > 0 {
                        rows_min = rows_min.min(row_index);
                        rows_max = rows_max.max(row_index.saturating_add(row_rep));
                        cols_max = cols_max.max(last_value_width);
                    }
                    row_index = row_index.saturating_add(row_rep);
                } else if name == "table" {
                    if rows_min != u64::MAX {
                        t.range_cells = (rows_max - rows_min).saturating_mul(cols_max);
                    }
                    tables.push(std::mem::take(&mut t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(tables)
}

fn end_cell(rep: u64, value: bool, text: u64, width: &mut u64, last_value_width: &mut u64, row_text: &mut u64) {
    *width = width.saturating_add(rep);
    if value {
        *last_value_width = *width;
        *row_text = row_text.saturating_add(text.saturating_mul(rep));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of the named parts (the zip crate refuses to write one name twice), then
    /// every `rename` pair of equally long names swapped in the bytes, headers and
    /// directory alike: so `b.xml` can become a second `a.xml`.
    fn package(parts: &[(&str, &str)], rename: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(body.as_bytes()).unwrap();
        }
        let mut bytes = w.finish().unwrap().into_inner();
        for (from, to) in rename {
            assert_eq!(from.len(), to.len());
            let mut i = 0;
            while let Some(at) = bytes[i..].windows(from.len()).position(|w| w == from.as_bytes()) {
                bytes[i + at..i + at + to.len()].copy_from_slice(to.as_bytes());
                i += at + to.len();
            }
        }
        bytes
    }

    fn check(bytes: &[u8]) -> Result<(), Reason> {
        check_part_names(&mut zip::ZipArchive::new(Cursor::new(bytes)).unwrap(), bytes)
    }

    #[test]
    fn two_parts_of_one_name_are_refused_naming_the_part() {
        let twice = package(&[("xl/a.xml", "<first/>"), ("xl/b.xml", "<second/>")], &[("xl/b.xml", "xl/a.xml")]);
        // The zip crate lists one of them, and would read the second silently.
        let zip = zip::ZipArchive::new(Cursor::new(twice.as_slice())).unwrap();
        assert_eq!((zip.len(), zip.has_duplicate_names()), (1, true));
        assert_eq!(central_directory_names(&twice).unwrap(), vec![b"xl/a.xml".to_vec(), b"xl/a.xml".to_vec()]);
        assert_eq!(check(&twice), Err(Reason::DuplicatePart("xl/a.xml".into())));
        // Names a reader takes for one: case (OPC part names are case-insensitive), a
        // backslash, a leading slash.
        let case = package(&[("xl/a.xml", "1"), ("XL/A.xml", "2")], &[]);
        assert_eq!(check(&case), Err(Reason::DuplicatePart("xl/a.xml".into())));
        let slash = package(&[("xl/a.xml", "1"), ("xl\\a.xml", "2")], &[]);
        assert_eq!(check(&slash), Err(Reason::DuplicatePart("xl/a.xml".into())));
        let root = package(&[("/xl/a.xml", "1"), ("xl/a.xml", "2")], &[]);
        assert_eq!(check(&root), Err(Reason::DuplicatePart("xl/a.xml".into())));
        // Distinct names pass.
        assert_eq!(check(&package(&[("xl/a.xml", "1"), ("xl/b.xml", "2")], &[])), Ok(()));
    }

    #[test]
    fn a_cell_repeated_across_repeated_rows_is_counted_as_calamine_expands_it() {
        // 3 rows × (one value repeated 4 times, then 1000 empty columns), then one row
        // repeated 2 times with a value in its 2nd column.
        let xml = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>
            <table:table table:name="Blad1">
              <table:table-row table:number-rows-repeated="3">
                <table:table-cell table:number-columns-repeated="4" office:value-type="string"><text:p>ja</text:p></table:table-cell>
                <table:table-cell table:number-columns-repeated="1000"/>
              </table:table-row>
              <table:table-row table:number-rows-repeated="2">
                <table:table-cell/><table:table-cell office:value-type="float"><text:p>1</text:p></table:table-cell>
              </table:table-row>
              <table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let t = ods_tables(xml.as_bytes()).unwrap();
        // Stored: 4 (first row kept once) + 2 (second row) = 6. Range: rows 0..5 × 4
        // columns = 20. Text: 3 rows × 4 × "ja" = 24 bytes, + 2 × "1" = 26.
        assert_eq!(t, vec![OdsTable { stored_cells: 6, range_cells: 20, text_bytes: 26 }]);
    }
}
