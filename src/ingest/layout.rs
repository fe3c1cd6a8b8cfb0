//! Recognising a sheet's layout (SPEC §3.1): where its header is (one row, or two for
//! SurveyMonkey, or three for Qualtrics), which columns are identity fields, which are
//! items and how they were matched, which are not recognised; whether the sheet is
//! wide, long or transposed; and what the rows above the header say (a title naming
//! institution, year and line; a legend giving numbers their meaning). Also the survey
//! tool an export came from. (The Info sheet is `info.rs`'s.)

use crate::framework::{Framework, ItemIdx};
use crate::ingest::answer::{parse_legend, parse_text, Answer, Legend};
use crate::ingest::cell::{finish_rows, push_cell, Field, Sheet, SheetRow};
use crate::ingest::ledger::Tool;
use crate::ingest::matching::{item_id_prefix, match_exact, match_item, How, ItemMatch};
use crate::ingest::names::{read_name, NameFacts};
use crate::ingest::reason::Reason;
use crate::ingest::roles::Roles;
use crate::text::normalize;

/// The header row is searched for in this many rows from the top.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// How a sheet holds its respondents. Recognised here ([`find_header`]; a sheet found
/// only turned a quarter is transposed); each layout has one reader, which
/// `Layout::read` (`readers.rs`) dispatches to. A new layout is a variant here, where it
/// is recognised, and one reader there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per respondent (the template's, and every survey tool's).
    Wide,
    /// One row per answer: respondent, item, answer.
    Long,
    /// Items down a column, one column per respondent (hand-made sheets). Read across,
    /// as a wide sheet turned a quarter.
    Transposed,
}

impl Layout {
    /// The layout of a header found in a sheet turned a quarter: what reads as wide
    /// there is transposed in the sheet as written. A long header stays long (its item
    /// and answer columns are read as found), as does a transposed one.
    pub fn turned(self) -> Layout {
        match self {
            Layout::Wide | Layout::Transposed => Layout::Transposed,
            Layout::Long => Layout::Long,
        }
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
    /// The row of the header cell that names it.
    pub row: u32,
    pub header: String,
    pub reason: Reason,
}

/// An item column matched other than exactly.
#[derive(Debug, Clone)]
pub struct MappedColumn {
    pub col: u32,
    pub row: u32,
    pub header: String,
    pub item: ItemIdx,
    pub how: How,
    pub similarity: f64,
}

/// The header of a response sheet and what each column is.
#[derive(Debug, Clone)]
pub struct Header {
    pub layout: Layout,
    /// Index into `Sheet::rows` of the row whose cells name the columns.
    pub index: usize,
    /// That row's number in the sheet.
    pub row: u32,
    /// Index into `Sheet::rows` of the first row below the header (its data).
    pub data_from: usize,
    /// Header rows beside the main one (a question row above, ImportId rows below).
    pub extra_rows: u32,
    pub columns: Vec<(u32, ColumnRole)>,
    pub ignored: Vec<IgnoredColumn>,
    pub mapped: Vec<MappedColumn>,
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

    /// Whether the header has what it takes to be a response sheet: item columns
    /// (wide, transposed) or item and answer columns (long).
    pub fn is_survey(&self) -> bool {
        match self.layout {
            Layout::Long => true,
            Layout::Wide | Layout::Transposed => self.items().next().is_some(),
        }
    }
}

/// What one header cell names.
#[derive(Debug, Clone)]
enum CellRole {
    Field(Field),
    Item(ItemMatch),
    Unrecognised,
}

/// Whether a text is an answer word or number (`ja`, `n.v.t.`, `3`): never a header.
fn is_answer(text: &str) -> bool {
    matches!(parse_text(text), Answer::Degree(_) | Answer::NotApplicable) || text.parse::<f64>().is_ok()
}

/// Classifies one header text: an item id first (most headers are), then the identity
/// aliases, then the item texts in every form [`match_item`] knows.
fn classify_text(fw: &Framework, header: &str, similar: bool) -> CellRole {
    if let Some(i) = item_id_prefix(fw, header) {
        return CellRole::Item(ItemMatch { item: i, how: How::Id, similarity: 1.0 });
    }
    if let Some(f) = Field::from_header(&normalize(header)) {
        return CellRole::Field(f);
    }
    // Answers and numbers are never headers; skipping them keeps the search cheap on
    // the data rows it looks at.
    if is_answer(header) {
        return CellRole::Unrecognised;
    }
    let found = if similar { match_item(fw, header) } else { match_exact(fw, header) };
    match found {
        Some(m) => CellRole::Item(m),
        None => CellRole::Unrecognised,
    }
}

/// One candidate header row, classified.
#[derive(Debug, Clone, Default)]
struct RowClass {
    cells: Vec<(u32, String, Option<CellRole>)>,
    items: usize,
    identity: usize,
    long: bool,
    /// Whether unrecognised cells were compared by similarity too.
    full: bool,
}

/// Compares the cells no exact form matched by similarity.
fn upgrade(fw: &Framework, c: &mut RowClass) {
    for (_, text, role) in c.cells.iter_mut() {
        if matches!(role, Some(CellRole::Unrecognised)) {
            if let Some(m) = match_item(fw, text).filter(|_| !is_answer(text)) {
                *role = Some(CellRole::Item(m));
                c.items += 1;
            }
        }
    }
    c.full = true;
}

fn classify_row(fw: &Framework, row: &SheetRow, similar: bool) -> RowClass {
    let mut out = RowClass::default();
    let mut fields = Vec::new();
    for (col, text) in row.texts() {
        let role = classify_text(fw, &text, similar);
        match &role {
            CellRole::Item(_) => out.items += 1,
            CellRole::Field(f) => fields.push(*f),
            CellRole::Unrecognised => {}
        }
        out.cells.push((col, text, Some(role)));
    }
    fields.sort_by_key(|f| *f as u8);
    fields.dedup();
    out.identity = fields.iter().filter(|f| f.is_identity()).count();
    out.long = fields.contains(&Field::Item) && fields.contains(&Field::Answer);
    out.full = similar;
    out
}

/// Whether a row below the header belongs to it: Qualtrics' ImportId row, SurveyMonkey's
/// `Response` row under single questions, or a row repeating the item texts (a tool's
/// id row above its text row). Never a row holding answers.
fn is_header_continuation(fw: &Framework, row: &SheetRow, item_cols: &[u32]) -> bool {
    let texts: Vec<(u32, String)> = row.texts().collect();
    // A row holding answers is data (and most rows below a header are).
    if texts.is_empty() || texts.iter().any(|(_, t)| is_answer(t)) {
        return false;
    }
    let import_ids =
        texts.iter().filter(|(_, t)| t.starts_with("{\"ImportId\"") || t.starts_with("{'ImportId'")).count();
    if import_ids * 2 >= texts.len() {
        return true;
    }
    let in_items: Vec<&String> = texts.iter().filter(|(c, _)| item_cols.contains(c)).map(|(_, t)| t).collect();
    if in_items.is_empty() {
        return false;
    }
    let placeholder = |t: &str| {
        matches!(
            normalize(t).as_str(),
            "response" | "open ended response" | "antwoord" | "reactie" | "other please specify"
        )
    };
    let repeats = in_items.iter().filter(|t| placeholder(t) || match_item(fw, t).is_some()).count();
    repeats == in_items.len()
}

/// Whether a row is a legend (`0 = nee, 1 = enigszins, …`), and its pairs.
pub fn legend_of(row: &SheetRow) -> Option<Vec<(i64, Answer)>> {
    let joined: Vec<String> = row.texts().map(|(_, t)| t).collect();
    parse_legend(&joined.join(";"))
}

/// The header of a wide or long sheet (SPEC §3.3): the first of the first 20 rows
/// with an item column, two identity columns, or an item and an answer column. Of it
/// and the two rows right below, the one naming the most items names the columns
/// (Qualtrics puts its column ids above the question texts); the row right above
/// gives the identity columns it leaves open (SurveyMonkey puts the question over its
/// statements, and its fixed columns only in the first row); rows right below that
/// repeat the header (Qualtrics' ImportId row) are header rows, not data.
pub fn find_header(fw: &Framework, sheet: &Sheet) -> Option<Header> {
    let search: Vec<&SheetRow> = sheet.rows.iter().take_while(|r| r.row < HEADER_SEARCH_ROWS).collect();
    let qualifies = |c: &RowClass| c.items >= 1 || c.identity >= 2 || c.long;
    // The anchor by exact matches first (titles above a header are not compared by
    // similarity for nothing), by similarity only where no row matches exactly.
    let mut classes: Vec<Option<RowClass>> = vec![None; search.len()];
    let mut anchor = None;
    for i in 0..search.len() {
        let c = classify_row(fw, search[i], false);
        let found = qualifies(&c);
        classes[i] = Some(c);
        if found {
            anchor = Some(i);
            break;
        }
    }
    let anchor = match anchor {
        Some(a) => a,
        None => (0..search.len()).find(|&i| qualifies(&classify_row(fw, search[i], true)))?,
    };
    // Rows the header is made of are classified in full: what no exact form matched
    // is compared by similarity.
    let mut class = |i: usize| -> RowClass {
        let c = classes[i].get_or_insert_with(|| classify_row(fw, search[i], false));
        if !c.full {
            upgrade(fw, c);
        }
        c.clone()
    };
    let first = class(anchor);
    if first.long && first.items == 0 {
        return Some(header_from(fw, sheet, Layout::Long, anchor, first, None));
    }
    // Of the anchor and the rows right below it, the one with the most items. A row
    // holding answers is data: the header lies above it.
    let mut h = anchor;
    for k in anchor + 1..(anchor + 3).min(search.len()) {
        if search[k].row != search[anchor].row + (k - anchor) as u32 || search[k].texts().any(|(_, t)| is_answer(&t)) {
            break;
        }
        if class(k).items > class(h).items {
            h = k;
        }
    }
    let main = class(h);
    let upper = (h > 0
        && search[h - 1].row + 1 == search[h].row
        && search[h - 1].cells.len() >= 2
        && legend_of(search[h - 1]).is_none())
    .then(|| class(h - 1));
    Some(header_from(fw, sheet, Layout::Wide, h, main, upper))
}

/// Builds the header from its main row and the row above.
fn header_from(
    fw: &Framework,
    sheet: &Sheet,
    layout: Layout,
    index: usize,
    main: RowClass,
    upper: Option<RowClass>,
) -> Header {
    let row = sheet.rows[index].row;
    let mut cells: Vec<(u32, u32, String, CellRole)> =
        main.cells.into_iter().map(|(c, t, r)| (c, row, t, r.unwrap_or(CellRole::Unrecognised))).collect();
    let mut extra_rows = 0;
    if let Some(up) = upper {
        for (c, t, r) in up.cells {
            let r = r.unwrap_or(CellRole::Unrecognised);
            match cells.iter_mut().find(|x| x.0 == c) {
                // A statement under its question keeps its own role; a placeholder
                // (`Response`) under a recognised question takes the question's.
                Some(below) => {
                    if matches!(below.3, CellRole::Unrecognised) && !matches!(r, CellRole::Unrecognised) {
                        *below = (c, row - 1, t, r);
                    }
                }
                None => cells.push((c, row - 1, t, r)),
            }
        }
        extra_rows += 1;
        cells.sort_by_key(|x| x.0);
    }
    let mut columns: Vec<(u32, ColumnRole)> = Vec::new();
    let mut ignored = Vec::new();
    let mut mapped = Vec::new();
    for (col, at, header, role) in cells {
        let role = match role {
            CellRole::Field(f) => Some((ColumnRole::Field(f), None)),
            CellRole::Item(m) => Some((ColumnRole::Item(m.item), Some(m))),
            CellRole::Unrecognised => None,
        };
        match role {
            Some((r, _)) if columns.iter().any(|(_, x)| *x == r) => {
                let reason = match r {
                    ColumnRole::Item(i) => Reason::SecondColumnForItem(fw.item(i).id.to_string()),
                    ColumnRole::Field(_) => Reason::UnrecognisedColumn,
                };
                ignored.push(IgnoredColumn { col, row: at, header, reason });
            }
            Some((r, m)) => {
                columns.push((col, r));
                if let Some(m) = m.filter(|m| !m.how.is_exact()) {
                    mapped.push(MappedColumn {
                        col,
                        row: at,
                        header,
                        item: m.item,
                        how: m.how,
                        similarity: m.similarity,
                    });
                }
            }
            None => ignored.push(IgnoredColumn { col, row: at, header, reason: Reason::UnrecognisedColumn }),
        }
    }
    // Rows right below that belong to the header.
    let item_cols: Vec<u32> =
        columns.iter().filter(|(_, r)| matches!(r, ColumnRole::Item(_))).map(|(c, _)| *c).collect();
    let mut data_from = index + 1;
    if layout == Layout::Wide {
        while data_from < sheet.rows.len()
            && sheet.rows[data_from].row == sheet.rows[data_from - 1].row + 1
            && is_header_continuation(fw, &sheet.rows[data_from], &item_cols)
        {
            data_from += 1;
            extra_rows += 1;
        }
    }
    Header { layout, index, row, data_from, extra_rows, columns, ignored, mapped }
}

/// A sheet with its items down a column, turned a quarter so it reads as a wide
/// sheet: each respondent's column becomes a row. Rows above the items with a single
/// cell (titles) stay out; everything else turns. `None` when no column holds at
/// least three items and more than the best header row does.
pub fn transpose_if_across(fw: &Framework, sheet: &Sheet, wide_items: usize) -> Option<Sheet> {
    if sheet.rows.is_empty() {
        return None;
    }
    // Items per column, over the first 300 rows and 10 columns.
    let mut per_col: Vec<(u32, usize, u32)> = Vec::new(); // (col, items, first row)
    for row in sheet.rows.iter().take(300) {
        for (col, text) in row.texts().filter(|(c, _)| *c < 10) {
            if matches!(classify_text(fw, &text, false), CellRole::Item(_)) {
                match per_col.iter_mut().find(|x| x.0 == col) {
                    Some(x) => x.1 += 1,
                    None => per_col.push((col, 1, row.row)),
                }
            }
        }
    }
    let &(_, items, first_item_row) = per_col.iter().max_by_key(|x| (x.1, std::cmp::Reverse(x.0)))?;
    if items < 3 || items <= wide_items {
        return None;
    }
    let mut rows: Vec<SheetRow> = Vec::new();
    for row in &sheet.rows {
        if row.row < first_item_row && row.cells.len() <= 1 {
            continue;
        }
        for (col, value) in &row.cells {
            push_cell(&mut rows, *col, row.row, value.clone());
        }
    }
    finish_rows(&mut rows);
    Some(Sheet { name: sheet.name.clone(), rows })
}

/// The respondent column of a transposed sheet: the row right above the first item
/// (read across, a column), where the respondents' names or numbers stand, unless
/// that column is an identity field of its own.
pub fn transposed_respondent_column(header: &Header, sheet: &Sheet) -> Option<u32> {
    let first_item_col = header.items().map(|(c, _)| c).min()?;
    let label = first_item_col.checked_sub(1)?;
    // The label row's own header cell ("Item", "Vraag", "Code") is no identity field.
    let taken = header.columns.iter().any(|(c, r)| *c == label && matches!(r, ColumnRole::Field(f) if f.is_identity()));
    let has_values = sheet.rows[header.data_from..].iter().any(|r| r.get(label).is_some());
    (!taken && has_values).then_some(label)
}

/// Identity a title row names: `LOB-zelfscan 1e lijn – Het Baken College – schooljaar
/// 2025-2026`. A title is read as every name is ([`read_name`]): segments naming a line,
/// a year or the survey itself are recognised; the one segment left is the institution.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleInfo {
    pub facts: NameFacts,
    /// The row (0-based) and column of the title cell.
    pub at: (u32, u32),
}

/// Reads a title text into identity values.
pub fn parse_title(text: &str, roles: &Roles) -> TitleInfo {
    TitleInfo { facts: read_name(text, roles), at: (0, 0) }
}

/// The title of a sheet: the first text, above the header, that is alone on its row
/// and names something.
pub fn find_title(sheet: &Sheet, header_index: usize, roles: &Roles) -> Option<TitleInfo> {
    sheet.rows[..header_index.min(sheet.rows.len())].iter().filter(|r| r.cells.len() == 1).find_map(|r| {
        let (col, text) = r.texts().next()?;
        let mut t = parse_title(&text, roles);
        t.at = (r.row, col);
        t.facts.names_anything().then_some(t)
    })
}

/// The legend of a sheet: a row above the header whose cells give numbers their
/// meaning, with its row and text.
pub fn find_legend(sheet: &Sheet, header_index: usize) -> Option<Legend> {
    sheet.rows[..header_index.min(sheet.rows.len())].iter().find_map(|r| {
        let pairs = legend_of(r)?;
        let text = r.texts().map(|(_, t)| t).collect::<Vec<_>>().join(", ");
        Some(Legend { row: r.row, text, pairs })
    })
}

/// The survey tool an export came from, by the metadata columns and rows it writes
/// (EXPORTS.md). `texts` are the header texts, normalised.
/// Letters and digits in the longest column name [`recognise_tool`] looks for
/// (`tijd van laatste wijziging`: 23); a text with more is none of them.
pub const TOOL_NAME_MAX: usize = 32;

pub fn recognise_tool(texts: &[String], import_id_row: bool, info_sheet: bool) -> Option<Tool> {
    let has = |names: &[&str]| names.iter().filter(|n| texts.iter().any(|t| t == *n)).count();
    if import_id_row || has(&["responseid", "response id", "recordeddate", "distributionchannel", "userlanguage"]) >= 2
    {
        return Some(Tool::Qualtrics);
    }
    if has(&["respondent id", "collector id"]) >= 2 {
        return Some(Tool::SurveyMonkey);
    }
    if has(&["submitdate", "lastpage", "startlanguage", "seed"]) >= 2 {
        return Some(Tool::LimeSurvey);
    }
    if has(&[
        "start time",
        "completion time",
        "begintijd",
        "tijd van voltooien",
        "last modified time",
        "tijd van laatste wijziging",
    ]) >= 2
    {
        return Some(Tool::MicrosoftForms);
    }
    if has(&["timestamp", "tijdstempel"]) >= 1 {
        return Some(Tool::GoogleForms);
    }
    info_sheet.then_some(Tool::Template)
}

/// A year as surveys write it: `2026`, `2026.0`, `"2026"`, `2025-2026`, `25-26`,
/// `sj 25/26` (a school year counts as the year it ends in; SPEC §3.5).
pub use crate::ingest::names::parse_year;

#[cfg(test)]
pub(crate) mod tests {
    use calamine::Data;

    use super::*;
    use crate::ingest::cell::cell_text;

    fn s(t: &str) -> Data {
        Data::String(t.into())
    }

    /// A sheet of text cells, row and column by position (empty texts left out), for the
    /// tests of the layouts and of their readers.
    pub(crate) fn sheet(rows: Vec<Vec<&str>>) -> Sheet {
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(r, cells)| SheetRow {
                row: r as u32,
                cells: cells
                    .into_iter()
                    .enumerate()
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(c, t)| (c as u32, s(t)))
                    .collect(),
                ..Default::default()
            })
            .filter(|r| !r.cells.is_empty())
            .collect();
        Sheet { name: "Blad1".into(), rows }
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
    fn a_title_row_names_institution_year_and_line() {
        use crate::framework::Line;
        use crate::ingest::names::Candidates;
        use crate::ingest::roles::Lines;
        let r = Roles::default();
        let t = parse_title("LOB-zelfscan 1e lijn – Het Baken College – schooljaar 2025-2026", &r).facts;
        assert_eq!(t.institution, Candidates::One("Het Baken College".into()));
        assert_eq!(t.year, Some(2026));
        assert_eq!(t.line, Some(Lines::one(Line::L1)));
        let t = parse_title("Zelfevaluatie LOB: ROC Lingewaard", &r).facts;
        assert_eq!((t.institution, t.year, t.line), (Candidates::One("ROC Lingewaard".into()), None, None));
        // Two candidates: no guess.
        assert!(matches!(
            parse_title("Team Noord - ROC Lingewaard - 2026", &r).facts.institution,
            Candidates::Several(_)
        ));
        assert_eq!(parse_title("Tweede lijn, 2026", &r).facts.line, Some(Lines::one(Line::L2)));
    }

    #[test]
    fn tools_are_recognised_by_their_metadata_columns() {
        let t = |v: &[&str]| v.iter().map(|s| normalize(s)).collect::<Vec<_>>();
        assert_eq!(
            recognise_tool(&t(&["ID", "Begintijd", "Tijd van voltooien", "E-mail"]), false, false),
            Some(Tool::MicrosoftForms)
        );
        assert_eq!(recognise_tool(&t(&["Tijdstempel", "E-mailadres"]), false, false), Some(Tool::GoogleForms));
        assert_eq!(
            recognise_tool(&t(&["id", "submitdate", "lastpage", "startlanguage"]), false, false),
            Some(Tool::LimeSurvey)
        );
        assert_eq!(recognise_tool(&t(&["StartDate"]), true, false), Some(Tool::Qualtrics));
        assert_eq!(recognise_tool(&t(&["Respondent ID", "Collector ID"]), false, false), Some(Tool::SurveyMonkey));
        assert_eq!(recognise_tool(&t(&["Respondent"]), false, true), Some(Tool::Template));
        assert_eq!(recognise_tool(&t(&["Respondent"]), false, false), None);
    }

    #[test]
    fn qualtrics_three_header_rows() {
        let fw = Framework::embedded();
        let text = fw.item(fw.index_of("L1-VB-R1".parse().unwrap()).unwrap()).nl.clone();
        let q = format!("Zelfevaluatie - {text}");
        let sh = sheet(vec![
            vec!["StartDate", "ResponseId", "Q5_1"],
            vec!["Start Date", "Response ID", q.as_str()],
            vec!["{\"ImportId\":\"startDate\"}", "{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID5_1\"}"],
            vec!["2026-03-04", "R_1", "Ja"],
        ]);
        let h = find_header(&fw, &sh).unwrap();
        assert_eq!(h.row, 1);
        assert_eq!(h.data_from, 3, "the ImportId row is a header row");
        assert_eq!(h.field(Field::Respondent), Some(1));
        assert_eq!(h.items().collect::<Vec<_>>(), vec![(2, fw.index_of("L1-VB-R1".parse().unwrap()).unwrap())]);
        assert_eq!(h.mapped.len(), 1);
        assert_eq!(h.mapped[0].how, How::Grid);
    }

    #[test]
    fn surveymonkey_two_header_rows() {
        let fw = Framework::embedded();
        let t = |id: &str| fw.item(fw.index_of(id.parse().unwrap()).unwrap()).nl.clone();
        let (a, b) = (t("L1-VB-R1"), t("L1-VB-R2"));
        let sh = sheet(vec![
            vec!["Respondent ID", "Collector ID", "Email Address", "Visie en beleid", "", "Uw school?"],
            vec!["", "", "", a.as_str(), b.as_str(), "Response"],
            vec!["114", "9", "x@y.nl", "Ja", "Nee", "ROC Test"],
        ]);
        let h = find_header(&fw, &sh).unwrap();
        assert_eq!(h.row, 1);
        assert_eq!(h.data_from, 2);
        assert_eq!(h.field(Field::Respondent), Some(0));
        assert_eq!(h.items().count(), 2);
        let ignored: Vec<&str> = h.ignored.iter().map(|i| i.header.as_str()).collect();
        assert!(ignored.contains(&"Collector ID") && ignored.contains(&"Email Address"), "{ignored:?}");
    }

    #[test]
    fn a_legend_row_above_the_header_is_found() {
        let sh = sheet(vec![
            vec!["Legenda: 0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja"],
            vec!["Respondent", "L1-VB-R1"],
            vec!["1", "3"],
        ]);
        let fw = Framework::embedded();
        let h = find_header(&fw, &sh).unwrap();
        let legend = find_legend(&sh, h.index).unwrap();
        assert_eq!((legend.row, legend.pairs.len()), (0, 4));
    }

    #[test]
    fn a_header_found_in_a_turned_sheet_is_transposed_unless_long() {
        assert_eq!(Layout::Wide.turned(), Layout::Transposed);
        assert_eq!(Layout::Transposed.turned(), Layout::Transposed);
        assert_eq!(Layout::Long.turned(), Layout::Long);
    }

    #[test]
    fn a_transposed_sheet_is_turned() {
        let fw = Framework::embedded();
        let sh = sheet(vec![
            vec!["LOB-zelfscan 1e lijn – Het Baken College – 2026"],
            vec!["Item", "Docent 1", "Docent 2"],
            vec!["L1-VB-R1", "ja", "nee"],
            vec!["L1-VB-R2", "ja", "ja"],
            vec!["L1-VB-R3", "nee", "deels"],
        ]);
        let wide = find_header(&fw, &sh).map_or(0, |h| h.items().count());
        assert_eq!(wide, 1, "the first item row looks like a header of one item");
        let t = transpose_if_across(&fw, &sh, wide).unwrap();
        let h = find_header(&fw, &t).unwrap();
        assert_eq!(h.items().count(), 3);
        assert_eq!(transposed_respondent_column(&h, &t), Some(1));
        assert_eq!(t.rows[h.data_from].get(1).map(cell_text).as_deref(), Some("Docent 1"));
        assert_eq!(
            find_title(&sh, 1, &Roles::default()).unwrap().facts.institution,
            crate::ingest::names::Candidates::One("Het Baken College".into())
        );
    }
}
