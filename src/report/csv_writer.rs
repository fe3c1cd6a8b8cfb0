//! Every CSV lobmonitor writes (the tidy tables under `data/`, each chart's source
//! table, the chart index, `framework --format csv`) goes through [`CsvWriter`]: RFC 4180
//! as the `csv` crate writes it, and no field carries a control character (NUL, tab, a
//! line break, ESC, C1) or a bidirectional override raw. Input text reaches these tables
//! (file, sheet and institution names, rejected values, headers); a raw control byte
//! there splits a row in a line-oriented tool, ends a C string at a NUL, or steers a
//! terminal, and an override shows a name reversed. Such a character is written as
//! `\u{…}` with its code ([`crate::text::escape_steering`]), the notation `validate`
//! uses on the terminal, so it is seen and nothing is lost.
//!
//! The rule is kept here, once, rather than at each text field: a row is serialised as
//! usual (serde, headers from the field names), read back field by field and written
//! again with every field escaped, so a table added later cannot forget it.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use serde::Serialize;

use crate::text::{escape_steering, is_steering};

/// A shared byte buffer the scratch writer serialises into, drained after each row.
#[derive(Clone, Default)]
struct Scratch(Rc<RefCell<Vec<u8>>>);

impl Write for Scratch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A CSV writer whose fields never hold a steering character raw (see the module).
pub struct CsvWriter<W: Write> {
    out: W,
    scratch: csv::Writer<Scratch>,
    buffer: Scratch,
    /// Rows serialised into the scratch buffer and not yet written out.
    pending: usize,
}

/// Serialised rows are read back and escaped this many at a time: a CSV reader is costly
/// to build (csv-core makes its state machine), so one is built per batch, not per row
/// (one per row made the tables of 200 institutions take 7 s instead of 0.3).
const BATCH: usize = 4096;

/// Rows as the `csv` crate writes them with its defaults (comma, `"` quoting where
/// needed, `\n` after each row), each field escaped.
fn escaped_rows<I, F, T>(rows: I) -> csv::Result<Vec<u8>>
where
    I: IntoIterator<Item = F>,
    F: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    for fields in rows {
        w.write_record(fields.into_iter().map(|f| escape_steering(f.as_ref(), false).into_owned()))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// Whether serialised rows can go out as they are: valid UTF-8, no steering character
/// but the rows' own line ends, and no field quoted (a quoted field may hold a line
/// break; such a batch takes the careful way). Then escaping and writing again would
/// give back the same bytes, so they are not read back — nearly every batch of the tidy
/// tables, whose fields are numbers, codes and names.
fn as_they_are(bytes: &[u8]) -> bool {
    !bytes.contains(&b'"')
        && std::str::from_utf8(bytes).is_ok_and(|text| !text.chars().any(|c| c != '\n' && is_steering(c)))
}

impl<W: Write> CsvWriter<W> {
    /// A writer with the `csv` crate's defaults (comma, `"` quoting, `\n` after each row).
    pub fn new(w: W) -> CsvWriter<W> {
        let buffer = Scratch::default();
        CsvWriter { out: w, scratch: csv::WriterBuilder::new().from_writer(buffer.clone()), buffer, pending: 0 }
    }

    /// Writes one row of a `#[derive(Serialize)]` type (and, before the first, the
    /// header row of its field names).
    pub fn serialize<T: Serialize>(&mut self, row: T) -> csv::Result<()> {
        self.scratch.serialize(row)?;
        self.pending += 1;
        if self.pending >= BATCH {
            self.drain()?;
        }
        Ok(())
    }

    /// The rows serialised so far, written out: as they are where nothing needs escaping
    /// ([`as_they_are`]), else read back field by field and written escaped.
    fn drain(&mut self) -> csv::Result<()> {
        self.scratch.flush()?;
        self.pending = 0;
        let bytes = std::mem::take(&mut *self.buffer.0.borrow_mut());
        if bytes.is_empty() {
            return Ok(());
        }
        if as_they_are(&bytes) {
            self.out.write_all(&bytes)?;
            return Ok(());
        }
        let mut rows = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
        let mut records = Vec::new();
        let mut record = csv::ByteRecord::new();
        while rows.read_byte_record(&mut record)? {
            records.push(record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>());
        }
        self.out.write_all(&escaped_rows(records)?)?;
        Ok(())
    }

    /// Writes one row of fields (after the rows serialised before it).
    pub fn write_record<I, T>(&mut self, fields: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.drain()?;
        self.out.write_all(&escaped_rows([fields])?)?;
        Ok(())
    }

    /// Writes out every row and flushes.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.drain().map_err(std::io::Error::other)?;
        self.out.flush()
    }

    /// The underlying writer, every row written and flushed.
    pub fn into_inner(mut self) -> anyhow::Result<W> {
        self.drain()?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row<'a> {
        file: &'a str,
        value: &'a str,
        n: Option<u64>,
    }

    fn written(rows: &[Row<'_>]) -> String {
        let mut w = CsvWriter::new(Vec::new());
        for r in rows {
            w.serialize(r).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn fields_hold_no_raw_control_character_and_plain_rows_are_as_csv_writes_them() {
        let out = written(&[
            Row { file: "a.csv", value: "ja", n: Some(5) },
            Row { file: "b\0.csv", value: "x\ty\r\nz\u{1b}[2J", n: None },
            Row { file: "c\u{202E}vsc.exe", value: "\"quoted\", comma", n: Some(0) },
        ]);
        assert_eq!(
            out,
            "file,value,n\n\
             a.csv,ja,5\n\
             b\\u{0}.csv,x\\u{9}y\\u{D}\\u{A}z\\u{1B}[2J,\n\
             c\\u{202E}vsc.exe,\"\"\"quoted\"\", comma\",0\n"
        );
        // The only control characters left are the row ends: 4 rows, 4 line feeds.
        assert_eq!(out.chars().filter(|c| c.is_control()).count(), 4);
    }

    #[test]
    fn a_table_without_steering_characters_is_byte_for_byte_what_csv_writes() {
        let rows = [Row { file: "é ü", value: "=1+1", n: Some(3) }, Row { file: "", value: "", n: None }];
        let mut plain = csv::Writer::from_writer(Vec::new());
        for r in &rows {
            plain.serialize(r).unwrap();
        }
        assert_eq!(written(&rows).into_bytes(), plain.into_inner().unwrap());
    }
}
