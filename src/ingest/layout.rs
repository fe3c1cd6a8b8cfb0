//! Recognising a sheet's layout (SPEC §3.1): where its header row is, which columns
//! are identity fields, which are items (by id, id + text, or full text), and which are
//! not recognised. Also the Info sheet.

use calamine::Data;

use crate::framework::{Framework, ItemId, ItemIdx};
use crate::ingest::ledger::Reason;
use crate::ingest::workbook::{Sheet, SheetRow};
use crate::text::normalize;

/// The header row is searched for in this many rows from the top.
pub const HEADER_SEARCH_ROWS: u32 = 20;

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
    /// white-space-insensitive).
    pub fn from_header(norm: &str) -> Option<Field> {
        let compact: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
        Some(match compact.as_str() {
            "respondent" | "respondentid" | "id" | "respondentnummer" | "respondentnr" => Field::Respondent,
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

    fn is_identity(self) -> bool {
        !matches!(self, Field::Item | Field::Answer)
    }
}

/// What a column of a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Field(Field),
    Item(ItemIdx),
}

/// A column lobmonitor does not use, with why (listed as a column-level warning).
#[derive(Debug, Clone)]
pub struct IgnoredColumn {
    pub col: u32,
    pub header: String,
    pub reason: Reason,
}

/// The header row of a response sheet and what each column is.
#[derive(Debug, Clone)]
pub struct Header {
    /// Index into `Sheet::rows` of the header row.
    pub index: usize,
    pub row: u32,
    pub columns: Vec<(u32, ColumnRole)>,
    pub ignored: Vec<IgnoredColumn>,
    pub long: bool,
}

impl Header {
    pub fn field(&self, f: Field) -> Option<u32> {
        self.columns.iter().find(|(_, r)| *r == ColumnRole::Field(f)).map(|(c, _)| *c)
    }

    pub fn items(&self) -> impl Iterator<Item = (u32, ItemIdx)> + '_ {
        self.columns.iter().filter_map(|(c, r)| match r {
            ColumnRole::Item(i) => Some((*c, *i)),
            _ => None,
        })
    }
}

/// The text of a cell as a person would read it: numbers without a trailing `.0`.
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
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
        Data::DateTime(dt) => dt.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The item whose id starts a header (`L1-VB-R1`, `L1-VB-R1: …`, `(L1-VB-R1) …`).
fn item_id_prefix(fw: &Framework, header: &str) -> Option<ItemIdx> {
    let h = header.trim_start().trim_start_matches(['(', '[']);
    let end = h.find(|c: char| c.is_whitespace() || c == ':' || c == ')' || c == ']').unwrap_or(h.len());
    h[..end].parse::<ItemId>().ok().and_then(|id| fw.index_of(id))
}

/// Finds the item a header names: an id (`L1-VB-R1`), an id followed by text
/// (`L1-VB-R1 Kennis…`, `L1-VB-R1: …`), or the item's full Dutch or English text.
pub fn item_from_header(fw: &Framework, header: &str) -> Option<ItemIdx> {
    let h = header.trim();
    if let Some(i) = item_id_prefix(fw, h) {
        return Some(i);
    }
    if let Some(i) = fw.find_by_text(h) {
        return Some(i);
    }
    // Survey tools number their questions: "12. Kennis…", "Q12 Kennis…".
    let norm = normalize(h);
    let mut words = norm.splitn(2, ' ');
    let lead = words.next().unwrap_or("");
    let rest = words.next().unwrap_or("");
    let numbered = lead.trim_start_matches('q').chars().all(|c| c.is_ascii_digit()) && !lead.is_empty();
    if numbered && !rest.is_empty() {
        return fw.find_by_text(rest);
    }
    None
}

/// Classifies the cells of one candidate header row.
fn classify(fw: &Framework, row: &SheetRow) -> (Vec<(u32, ColumnRole)>, Vec<IgnoredColumn>) {
    let mut columns: Vec<(u32, ColumnRole)> = Vec::new();
    let mut ignored = Vec::new();
    for (col, value) in &row.cells {
        let header = cell_text(value);
        if header.is_empty() {
            continue;
        }
        // An item id first: it is what most headers are, and it needs no normalising.
        let role = item_id_prefix(fw, &header)
            .map(ColumnRole::Item)
            .or_else(|| Field::from_header(&normalize(&header)).map(ColumnRole::Field))
            .or_else(|| item_from_header(fw, &header).map(ColumnRole::Item));
        match role {
            Some(role) if columns.iter().any(|(_, r)| *r == role) => {
                let reason = match role {
                    ColumnRole::Item(i) => Reason::SecondColumnForItem(fw.item(i).id.to_string()),
                    ColumnRole::Field(_) => Reason::UnrecognisedColumn,
                };
                ignored.push(IgnoredColumn { col: *col, header, reason });
            }
            Some(role) => columns.push((*col, role)),
            None => ignored.push(IgnoredColumn { col: *col, header, reason: Reason::UnrecognisedColumn }),
        }
    }
    (columns, ignored)
}

/// The header row: the first of the first 20 rows with at least one item column or at
/// least two identity columns (SPEC §3.3). A long layout has an item and an answer column.
pub fn find_header(fw: &Framework, sheet: &Sheet) -> Option<Header> {
    for (index, row) in sheet.rows.iter().enumerate() {
        if row.row >= HEADER_SEARCH_ROWS {
            break;
        }
        let (columns, ignored) = classify(fw, row);
        let items = columns.iter().filter(|(_, r)| matches!(r, ColumnRole::Item(_))).count();
        let fields: Vec<Field> = columns
            .iter()
            .filter_map(|(_, r)| match r {
                ColumnRole::Field(f) => Some(*f),
                _ => None,
            })
            .collect();
        let identity = fields.iter().filter(|f| f.is_identity()).count();
        let long = fields.contains(&Field::Item) && fields.contains(&Field::Answer);
        if items >= 1 || identity >= 2 || long {
            return Some(Header { index, row: row.row, columns, ignored, long: long && items == 0 });
        }
    }
    None
}

/// Whether a header has what it takes to be a response sheet: item columns (wide) or
/// item and answer columns (long).
pub fn is_survey(h: &Header) -> bool {
    h.long || h.items().next().is_some()
}

/// Defaults a workbook gives every response sheet through its `Info`/`Gegevens` sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    pub institution: Option<String>,
    pub brin: Option<String>,
    pub sector: Option<String>,
    pub region: Option<String>,
    pub year: Option<Data>,
}

pub fn is_info_sheet(name: &str) -> bool {
    matches!(normalize(name).as_str(), "info" | "gegevens")
}

/// Reads key (column A) / value (column B) pairs.
pub fn read_info(sheet: &Sheet) -> Info {
    let mut info = Info::default();
    for row in &sheet.rows {
        let (Some(k), Some(v)) = (row.get(0), row.get(1)) else { continue };
        let text = cell_text(v);
        if text.is_empty() {
            continue;
        }
        match normalize(&cell_text(k)).as_str() {
            "instelling" | "institution" | "school" | "naam instelling" => info.institution = Some(text),
            "brin" | "brinnummer" | "brin nummer" => info.brin = Some(text),
            "sector" | "onderwijssector" => info.sector = Some(text),
            "regio" | "region" => info.region = Some(text),
            "jaar" | "year" | "schooljaar" => info.year = Some(v.clone()),
            _ => {}
        }
    }
    info
}

/// A year as surveys write it: `2026`, `2026.0`, `"2026"`, `2025-2026` or `2025/26`
/// (a school year counts as the year it ends in).
pub fn parse_year(d: &Data) -> Option<u16> {
    let ok = |y: i64| (2000..=2100).contains(&y).then_some(y as u16);
    match d {
        Data::Int(i) => ok(*i),
        Data::Float(f) if f.fract() == 0.0 => ok(*f as i64),
        Data::String(s) => {
            let s = s.trim();
            let parts: Vec<&str> = s.split(['-', '/', '–', ' ']).filter(|p| !p.is_empty()).collect();
            match parts.as_slice() {
                [y] => y.parse().ok().and_then(ok),
                [a, b] => {
                    let a: i64 = a.parse().ok()?;
                    let b: i64 = b.parse().ok()?;
                    let end = if b < 100 { a / 100 * 100 + b } else { b };
                    (end == a + 1).then_some(end).and_then(ok)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Data {
        Data::String(t.into())
    }

    #[test]
    fn schooljaar_counts_as_the_year_it_ends_in() {
        assert_eq!(parse_year(&s("2025-2026")), Some(2026));
        assert_eq!(parse_year(&s("2025/26")), Some(2026));
        assert_eq!(parse_year(&s(" 2026 ")), Some(2026));
        assert_eq!(parse_year(&Data::Int(2025)), Some(2025));
        assert_eq!(parse_year(&Data::Float(2025.0)), Some(2025));
        assert_eq!(parse_year(&s("2025-2027")), None);
        assert_eq!(parse_year(&s("volgend jaar")), None);
        assert_eq!(parse_year(&Data::Int(26)), None);
    }

    #[test]
    fn identity_aliases_ignore_case_accents_and_spaces() {
        assert_eq!(Field::from_header(&normalize("Respondent ID")), Some(Field::Respondent));
        assert_eq!(Field::from_header(&normalize(" SCHOOLJAAR ")), Some(Field::Year));
        assert_eq!(Field::from_header(&normalize("BRIN")), Some(Field::Institution));
        assert_eq!(Field::from_header(&normalize("Vestiging")), Some(Field::Location));
        assert_eq!(Field::from_header(&normalize("E-mailadres")), None);
    }

    #[test]
    fn item_headers_by_id_id_and_text_or_full_text() {
        let fw = Framework::embedded();
        let id = |s: &str| fw.index_of(s.parse().unwrap());
        assert_eq!(item_from_header(&fw, "L1-VB-R1"), id("L1-VB-R1"));
        assert_eq!(item_from_header(&fw, "L2-OB-D3 Kan verdiepende loopbaangesprekken voeren"), id("L2-OB-D3"));
        assert_eq!(item_from_header(&fw, "L1-VB-R1: Kennis nemen"), id("L1-VB-R1"));
        assert_eq!(item_from_header(&fw, "KAN VERDIEPENDE LOOPBAANGESPREKKEN VOEREN."), id("L2-OB-D3"));
        assert_eq!(item_from_header(&fw, "12. Can hold in-depth career conversations"), id("L2-OB-D3"));
        assert_eq!(item_from_header(&fw, "Naam"), None);
        assert_eq!(item_from_header(&fw, "L3-OB-R9"), None);
    }
}
