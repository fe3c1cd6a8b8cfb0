//! What a raw row is, and the rules every layout's reader reads a row by: who the
//! respondent is (institution, year, line, id: [`identity`], [`settle`]) and what an
//! item cell says ([`raw_cell`]). The readers themselves, one per layout, are
//! `readers.rs`'s. Nothing is decided here about scoring; `classify` does that with all
//! files in view (duplicates span files).

use std::sync::Arc;

use calamine::Data;

use crate::framework::{Editions, ItemIdx, Line};
use crate::ingest::answer::{Answer, Scale};
use crate::ingest::cell::{cell_text, SheetRow};
use crate::ingest::ledger::Place;
use crate::ingest::names::{parse_year, Candidates, Source};
use crate::ingest::reason::Reason;
use crate::ingest::roles::{line_value, Lines, Roles};
use crate::ingest::stamps::stamp_school_year;

/// Where a sheet's rows came from, shared by its rows.
#[derive(Debug)]
pub struct SheetCtx {
    pub file: usize,
    /// File (relative path) and sheet, and whether the sheet was read across.
    pub place: Place,
    /// Item columns present on the sheet, per edition (for `blank = "no"`).
    pub present: Vec<Vec<ItemIdx>>,
    /// Rows (0-based, in order) that summarise the rows above: not read (SPEC §3.5).
    pub summary_rows: Vec<u32>,
}

impl SheetCtx {
    pub(crate) fn is_summary(&self, row: u32) -> bool {
        self.summary_rows.binary_search(&row).is_ok()
    }
}

/// Who a row is about, once its identity values are valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Identity {
    pub institution: String,
    pub year: u16,
    pub line: Line,
}

/// The item of a cell whose column names an item of another edition than the row's.
pub const NOT_IN_EDITION: ItemIdx = ItemIdx::MAX;

/// One item cell that holds a value. Every answer cell of every file is held until
/// classification, so a cell is kept small (32 bytes): the rare rejected answer carries
/// its reason and text in a box.
#[derive(Debug, Clone)]
pub struct RawCell {
    pub item: ItemIdx,
    pub row: u32,
    pub col: u32,
    pub answer: Kept,
}

/// A non-empty answer as kept until classification.
#[derive(Debug, Clone, PartialEq)]
pub enum Kept {
    /// In thirds, 0..=3.
    Degree(u8),
    NotApplicable,
    Rejected(Box<RejectedAnswer>),
}

/// A rejected answer: why, and the cell's text as the rejections list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedAnswer {
    pub reason: Reason,
    pub value: String,
}

impl Kept {
    /// A rejected answer with the text of its cell.
    pub fn rejected(reason: Reason, value: &Data) -> Kept {
        Kept::Rejected(Box::new(RejectedAnswer { reason, value: cell_text(value) }))
    }
}

/// One respondent's row (wide) or rows (long).
#[derive(Debug, Clone)]
pub struct RawRow {
    pub ctx: Arc<SheetCtx>,
    /// The framework edition of the row's year (the sheet's leading one when the year
    /// is unknown); its items are what `cells` name.
    pub edition: u8,
    pub row: u32,
    pub first_col: u32,
    pub identity: Result<Identity, (Reason, String)>,
    pub respondent: Option<String>,
    /// Location and team, where the sheet has them (portret per team, SPEC §6).
    pub location: Option<String>,
    pub team: Option<String>,
    pub cells: Vec<RawCell>,
}

/// What a sheet's context says of the identity a row leaves open (SPEC §3.5), each
/// fact in the order it is asked: the sheet (Info sheet, title row, sheet name, its
/// items), the file's name, the folders' names (nearest first), the config.
#[derive(Debug, Clone, Default)]
pub struct Defaults<'a> {
    pub institution: Vec<(Source, Candidates)>,
    /// An invalid year in the Info sheet is held as its text: the rows it would give a
    /// year are rejected, not given another.
    pub year: Vec<(Source, Result<u16, String>)>,
    pub line: Vec<(Source, Lines)>,
    /// The column holding each response's date (a survey tool's start or completion
    /// time): the school year it falls in is the last resort for the year.
    pub stamp: Option<u32>,
    pub roles: Option<&'a Roles>,
    /// Team and location for rows without their own (the Info sheet's).
    pub team: Option<String>,
    pub location: Option<String>,
}

impl Defaults<'_> {
    /// The institution the context names: the first source naming one. A source naming
    /// several is passed over; when no source names one, the first several are the
    /// reason.
    pub fn institution(&self) -> Result<(&str, &Source), Reason> {
        let mut several = None;
        for (source, c) in &self.institution {
            match c {
                Candidates::One(name) => return Ok((name, source)),
                Candidates::Several(v) => {
                    several.get_or_insert_with(|| Reason::AmbiguousInstitution {
                        source: source.clone(),
                        candidates: v.clone(),
                    });
                }
                Candidates::None => {}
            }
        }
        Err(several.unwrap_or(Reason::MissingInstitution))
    }

    pub fn year(&self) -> Option<&(Source, Result<u16, String>)> {
        self.year.first()
    }

    pub fn line(&self) -> Option<&(Source, Lines)> {
        self.line.first()
    }
}

/// A row's identity before its line is settled: a decaan may be of line 2 or 3.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Pending {
    pub(crate) institution: String,
    pub(crate) year: u16,
    lines: Lines,
    /// The line value as written (for the reason when it cannot be settled).
    written: String,
}

/// Resolves institution, year and line: the row's own column first, then the context
/// (`Defaults`), then, for the year, the response's date. An invalid value in the row
/// is a rejected row, not a fall-back (SPEC §3.3).
pub(crate) fn identity(
    inst: Option<&Data>,
    year: Option<&Data>,
    line: Option<&Data>,
    stamp: Option<&Data>,
    d: &Defaults<'_>,
) -> Result<Pending, (Reason, String)> {
    let institution = match inst.map(cell_text).filter(|s| !s.is_empty()) {
        Some(s) => s,
        None => d.institution().map(|(n, _)| n.to_string()).map_err(|r| (r, String::new()))?,
    };
    let year = match year.filter(|v| !matches!(v, Data::Empty)) {
        Some(v) => parse_year(v).ok_or_else(|| (Reason::InvalidYear, cell_text(v)))?,
        None => match d.year() {
            Some((_, Ok(y))) => *y,
            Some((_, Err(text))) => return Err((Reason::InvalidYear, text.clone())),
            None => stamp.and_then(stamp_school_year).ok_or((Reason::MissingYear, String::new()))?,
        },
    };
    let roles_default = Roles::default();
    let roles = d.roles.unwrap_or(&roles_default);
    let (lines, written) = match line.map(cell_text).filter(|s| !s.is_empty()) {
        Some(s) => match line_value(&s, roles) {
            Some(l) => (l, s),
            None if roles.disagree(&s) => return Err((Reason::RolesDisagree, s)),
            None => return Err((Reason::InvalidLine, s)),
        },
        None => d.line().map(|(_, l)| (*l, String::new())).ok_or((Reason::MissingLine, String::new()))?,
    };
    Ok(Pending { institution, year, lines, written })
}

/// Settles the line of a row whose role names more than one (decaan, LOB-coördinator):
/// the line whose items it answered, when every item it answered (with a degree or
/// n.v.t.) belongs to one of its lines.
pub(crate) fn settle(
    p: Pending,
    cells: &[RawCell],
    editions: &Editions,
    edition: usize,
) -> Result<Identity, (Reason, String)> {
    let line = match p.lines.single() {
        Some(l) => l,
        None => {
            let fw = editions.get(edition);
            let mut answered = cells
                .iter()
                .filter(|c| c.item != NOT_IN_EDITION && matches!(c.answer, Kept::Degree(_) | Kept::NotApplicable))
                .map(|c| fw.item(c.item).id.line);
            let first = answered.next();
            match first.filter(|f| answered.all(|l| l == *f) && p.lines.contains(*f)) {
                Some(l) => l,
                None => return Err((Reason::RoleOfLines(p.lines.iter().map(|l| l.number()).collect()), p.written)),
            }
        }
    };
    Ok(Identity { institution: p.institution, year: p.year, line })
}

/// The item cell at `col` of a row, read on the sheet's scale; `None` when empty. A
/// formula whose value was never stored is a rejected answer, not an empty cell.
pub(crate) fn raw_cell(item: ItemIdx, row: &SheetRow, col: u32, scale: &Scale) -> Option<RawCell> {
    raw_cell_of(item, row, col, row.get(col), scale)
}

/// [`raw_cell`] with the cell's value already found (`row.get(col)`).
pub(crate) fn raw_cell_of(
    item: ItemIdx,
    row: &SheetRow,
    col: u32,
    value: Option<&Data>,
    scale: &Scale,
) -> Option<RawCell> {
    let answer = match value {
        Some(value) => match scale.read(value) {
            Answer::Missing => return None,
            Answer::Degree(d) => Kept::Degree(d),
            Answer::NotApplicable => Kept::NotApplicable,
            Answer::Rejected(reason) => Kept::rejected(reason, value),
        },
        None if row.is_formula(col) => {
            Kept::Rejected(Box::new(RejectedAnswer { reason: Reason::FormulaWithoutValue, value: String::new() }))
        }
        None => return None,
    };
    Some(RawCell { item, row: row.row, col, answer })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_cell_is_32_bytes_and_a_rejected_one_keeps_reason_and_text() {
        // 3.6 million answer cells are held at once in a national run: at 72 bytes a
        // cell (answer and text inline) that was 260 MB, at 32 bytes 115 MB.
        assert_eq!(std::mem::size_of::<RawCell>(), 32);
        let row = |v: Data| SheetRow { row: 4, cells: vec![(7, v)], ..Default::default() };
        let scale = Scale::default();
        let c = raw_cell(0, &row(Data::String("misschien".into())), 7, &scale).expect("not empty");
        assert_eq!(
            c.answer,
            Kept::Rejected(Box::new(RejectedAnswer { reason: Reason::NotInAnswerTable, value: "misschien".into() }))
        );
        assert_eq!(
            raw_cell(0, &row(Data::String("grotendeels".into())), 7, &scale).map(|c| c.answer),
            Some(Kept::Degree(2))
        );
        assert!(raw_cell(0, &row(Data::Empty), 7, &scale).is_none());
    }

    #[test]
    fn a_decaan_takes_the_line_of_the_items_answered_or_is_rejected_naming_both() {
        let editions = Editions::new(crate::framework::Framework::embedded(), Vec::new()).unwrap();
        let fw = editions.get(0);
        let idx = |id: &str| fw.index_of(id.parse().unwrap()).unwrap();
        let cell = |id: &str, answer: Kept| RawCell { item: idx(id), row: 1, col: 0, answer };
        let decaan = || Pending { institution: "X".into(), year: 2026, lines: Lines::L23, written: "Decaan".into() };
        // Line-3 items only (one n.v.t.): line 3.
        let l3 = [cell("L3-VB-R1", Kept::Degree(3)), cell("L3-OR-R1", Kept::NotApplicable)];
        assert_eq!(settle(decaan(), &l3, &editions, 0).map(|i| i.line), Ok(Line::L3));
        // A rejected answer on a line-2 item says nothing of the line.
        let l3_typo = [
            cell("L3-VB-R1", Kept::Degree(0)),
            cell(
                "L2-VB-R1",
                Kept::Rejected(Box::new(RejectedAnswer { reason: Reason::NotInAnswerTable, value: "?".into() })),
            ),
        ];
        assert_eq!(settle(decaan(), &l3_typo, &editions, 0).map(|i| i.line), Ok(Line::L3));
        // Items of lines 2 and 3, of line 1 only, or none: rejected, naming lines 2 and 3.
        let why = Err((Reason::RoleOfLines(vec![2, 3]), "Decaan".to_string()));
        let mixed = [cell("L2-VB-R1", Kept::Degree(3)), cell("L3-VB-R1", Kept::Degree(3))];
        assert_eq!(settle(decaan(), &mixed, &editions, 0), why);
        assert_eq!(settle(decaan(), &[cell("L1-VB-R1", Kept::Degree(3))], &editions, 0), why);
        assert_eq!(settle(decaan(), &[], &editions, 0), why);
        assert_eq!(
            Reason::RoleOfLines(vec![2, 3]).text(crate::lang::Lang::Nl),
            "rol hoort bij lijn 2 en 3, en de beantwoorde items zijn niet alle van één van die lijnen; zet de lijn in een kolom «lijn»"
        );
    }

    #[test]
    fn a_formula_without_a_value_is_a_rejected_answer_not_an_empty_one() {
        let row = SheetRow { row: 2, cells: vec![], formulas: vec![3], ..Default::default() };
        let c = raw_cell(0, &row, 3, &Scale::default()).expect("a formula is not empty");
        assert!(matches!(c.answer, Kept::Rejected(ref r) if r.reason == Reason::FormulaWithoutValue));
        assert!(raw_cell(0, &row, 4, &Scale::default()).is_none());
    }
}
