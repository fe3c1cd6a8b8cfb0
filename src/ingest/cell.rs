//! The bottom of ingest: a sheet as every reader hands it over (sparse rows of calamine
//! cells, in order), the text a person reads in a cell, and the identity fields a
//! column can be. Readers (`workbook.rs`, `delimited.rs`) build sheets here; layout,
//! names and rows read them. It imports nothing else of ingest.

use calamine::Data;

use crate::text::clean;

/// A sheet as sparse rows, in row order.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<SheetRow>,
}

/// One row of a sheet: its 0-based row number and its non-empty cells by column.
#[derive(Debug, Clone, Default)]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<(u32, Data)>,
    /// Columns whose cell holds a formula (with or without a stored value), in order.
    /// Usually empty; a formula column without an entry in `cells` is a formula whose
    /// value was never stored (files written by scripts, not by Excel).
    pub formulas: Vec<u32>,
    /// Columns whose formula aggregates cells (`SUM`, `AVERAGE`, `COUNT`, … of a
    /// range): a row of them under the data is a summary row (SPEC §3.5). In order.
    pub aggregates: Vec<u32>,
}

impl SheetRow {
    pub fn get(&self, col: u32) -> Option<&Data> {
        self.cells.binary_search_by_key(&col, |(c, _)| *c).ok().map(|i| &self.cells[i].1)
    }

    /// The values in the given columns (sorted, each once), in column order: one walk
    /// beside the row's cells, where a search per column would take several steps.
    pub fn values_in<'r>(&'r self, cols: &'r [u32]) -> impl Iterator<Item = &'r Data> + 'r {
        let mut k = 0;
        self.cells.iter().filter_map(move |(c, v)| {
            while k < cols.len() && cols[k] < *c {
                k += 1;
            }
            (k < cols.len() && cols[k] == *c).then_some(v)
        })
    }

    pub fn is_formula(&self, col: u32) -> bool {
        self.formulas.binary_search(&col).is_ok()
    }

    /// Text of every non-empty cell as written (trimmed, invisible characters kept, so
    /// a header matched only once they are gone can say so), in column order.
    pub fn texts(&self) -> impl Iterator<Item = (u32, String)> + '_ {
        self.cells
            .iter()
            .map(|(c, v)| match v {
                Data::String(s) => (*c, s.trim().to_string()),
                other => (*c, cell_text(other)),
            })
            // A letter or digit survives cleaning: only the rest are cleaned to see.
            .filter(|(_, t)| t.bytes().any(|b| b.is_ascii_alphanumeric()) || !crate::text::clean(t).is_empty())
    }
}

/// Appends a cell, keeping rows in order even when a writer emits them out of order.
/// A new row starts with room for as many cells as the row before it held (rows of a
/// survey are alike): growing each row from one cell up was 2 % of a national run.
pub(crate) fn push_cell(rows: &mut Vec<SheetRow>, r: u32, c: u32, value: Data) {
    match rows.last_mut() {
        Some(last) if last.row == r => last.cells.push((c, value)),
        last => {
            let mut cells = Vec::with_capacity(last.map_or(1, |l| l.cells.len().max(1)));
            cells.push((c, value));
            rows.push(SheetRow { row: r, cells, ..Default::default() })
        }
    }
}

/// Sorts rows and cells and merges rows that arrived in pieces.
pub(crate) fn finish_rows(rows: &mut Vec<SheetRow>) {
    let sorted = rows.windows(2).all(|w| w[0].row < w[1].row)
        && rows
            .iter()
            .all(|r| r.cells.windows(2).all(|w| w[0].0 < w[1].0) && r.formulas.windows(2).all(|w| w[0] < w[1]));
    if sorted {
        return;
    }
    rows.sort_by_key(|r| r.row);
    let mut merged: Vec<SheetRow> = Vec::with_capacity(rows.len());
    for row in rows.drain(..) {
        match merged.last_mut() {
            Some(last) if last.row == row.row => {
                last.cells.extend(row.cells);
                last.formulas.extend(row.formulas);
                last.aggregates.extend(row.aggregates);
            }
            _ => merged.push(row),
        }
    }
    for r in &mut merged {
        r.cells.sort_by_key(|(c, _)| *c);
        r.cells.dedup_by_key(|(c, _)| *c);
        r.formulas.sort_unstable();
        r.formulas.dedup();
        r.aggregates.sort_unstable();
        r.aggregates.dedup();
    }
    *rows = merged;
}

/// The text of a cell as a person would read it: numbers without a trailing `.0`,
/// dates as dates (`2026-03-01`, with the time when there is one), invisible
/// characters removed.
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => clean(s).into_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "TRUE".into()
            } else {
                "FALSE".into()
            }
        }
        Data::DateTime(dt) => date_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// An Excel date serial (days since 1899-12-30) as `yyyy-mm-dd` or `yyyy-mm-dd hh:mm`.
pub fn date_text(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    let days = serial.floor() as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    if minutes == 0 || minutes == 1440 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// An identity column, or one of the two columns that make a long layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Respondent,
    Institution,
    Year,
    Line,
    Location,
    Team,
    /// Long layout: the item of the answer on this row.
    Item,
    /// Long layout: the answer.
    Answer,
}

impl Field {
    /// Matches a header against the accepted aliases (case-, accent- and
    /// white-space-insensitive). The survey tools' own response ids are respondent ids.
    pub fn from_header(norm: &str) -> Option<Field> {
        let compact: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
        Some(match compact.as_str() {
            "respondent" | "respondentid" | "id" | "respondentnummer" | "respondentnr" | "responseid" => {
                Field::Respondent
            }
            "instelling" | "institution" | "school" | "brin" | "brinnummer" => Field::Institution,
            "jaar" | "year" | "schooljaar" => Field::Year,
            "lijn" | "line" | "rol" | "role" => Field::Line,
            "locatie" | "vestiging" | "location" => Field::Location,
            "team" | "opleiding" | "afdeling" | "department" => Field::Team,
            "item" | "itemid" | "itemcode" | "vraag" | "question" => Field::Item,
            "antwoord" | "answer" => Field::Answer,
            _ => return None,
        })
    }

    pub(crate) fn is_identity(self) -> bool {
        !matches!(self, Field::Item | Field::Answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn identity_aliases_ignore_case_accents_and_spaces() {
        assert_eq!(Field::from_header(&normalize("Respondent ID")), Some(Field::Respondent));
        assert_eq!(Field::from_header(&normalize("ResponseId")), Some(Field::Respondent));
        assert_eq!(Field::from_header(&normalize(" SCHOOLJAAR ")), Some(Field::Year));
        assert_eq!(Field::from_header(&normalize("BRIN")), Some(Field::Institution));
        assert_eq!(Field::from_header(&normalize("Vestiging")), Some(Field::Location));
        assert_eq!(Field::from_header(&normalize("E-mailadres")), None);
    }

    #[test]
    fn values_in_columns_are_found_by_one_walk_as_by_a_search_per_column() {
        let v = |s: &str| Data::String(s.into());
        let row =
            SheetRow { row: 2, cells: vec![(1, v("a")), (3, v("b")), (5, v("c")), (8, v("d"))], ..Default::default() };
        let cols = [0, 3, 4, 8, 9];
        let walked: Vec<&Data> = row.values_in(&cols).collect();
        let searched: Vec<&Data> = cols.iter().filter_map(|c| row.get(*c)).collect();
        assert_eq!(walked, vec![&v("b"), &v("d")]);
        assert_eq!(walked, searched);
        // Columns past the last cell, none at all, and every cell.
        assert_eq!(row.values_in(&[9, 10]).count(), 0);
        assert_eq!(row.values_in(&[]).count(), 0);
        assert_eq!(row.values_in(&[1, 3, 5, 8]).count(), 4);
    }

    #[test]
    fn dates_read_as_dates() {
        // 46082 is 2026-03-01 (days since 1899-12-30).
        assert_eq!(date_text(46082.0), "2026-03-01");
        assert_eq!(date_text(46082.5), "2026-03-01 12:00");
        assert_eq!(date_text(1.0), "1899-12-31");
    }
}
