//! The ledger: everything ingest did not score, with where it was and why, what it
//! noticed and acted on, the files as listed, and the counts that must reconcile
//! (SPEC §3.3). The reasons themselves are `reason.rs`'s (re-exported here for the
//! code outside ingest that reads the ledger). All of it is data; its words (`Level`,
//! `FileStatus`, `Tool`, `NoteKind` in Dutch and English) are in `src/words/`.

use serde::Serialize;

pub use crate::ingest::reason::{Reason, Vocabulary};

/// How much a rejection covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    File,
    /// One explanation for a cause shared by a sheet (an unknown answer vocabulary,
    /// an identity missing from every row); what it explains stays listed too.
    Sheet,
    Column,
    Row,
    Answer,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::File => "file",
            Level::Sheet => "sheet",
            Level::Column => "column",
            Level::Row => "row",
            Level::Answer => "answer",
        }
    }
}

/// One thing that was not scored, and where it was.
#[derive(Debug, Clone)]
pub struct Rejection {
    /// Path relative to the input folder.
    pub file: String,
    pub sheet: String,
    /// A1 notation; the row's first cell for a row, the header cell for a column.
    pub cell: String,
    pub level: Level,
    /// The offending value; empty for rows (no personal data leaves the run).
    pub value: String,
    pub reason: Reason,
}

/// The reconciliation counts of SPEC §3.3 (in the manifest, and as a contribution
/// carries them: read back strictly, an unknown field refused).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub rows_read: u64,
    pub respondents_scored: u64,
    pub respondents_excluded: u64,
    pub respondents_rejected: u64,
    pub answers_read: u64,
    pub answers_scored: u64,
    pub answers_unscored: u64,
    pub answers_na: u64,
    pub answers_other_line: u64,
    pub answers_rejected: u64,
    pub answers_missing: u64,
    /// Totals, averages and counts under the data: listed, not rows read (SPEC §3.5).
    /// (Absent from contributions made before it was counted.)
    #[serde(default)]
    pub rows_summary: u64,
}

impl Counts {
    /// `rows_read = scored + excluded + rejected`.
    pub fn rows_reconcile(&self) -> bool {
        self.rows_read == self.respondents_scored + self.respondents_excluded + self.respondents_rejected
    }

    /// `answers_read = scored + unscored + n/a + other-line + rejected`.
    pub fn answers_reconcile(&self) -> bool {
        self.answers_read
            == self.answers_scored
                + self.answers_unscored
                + self.answers_na
                + self.answers_other_line
                + self.answers_rejected
    }

    pub fn add(&mut self, o: &Counts) {
        self.rows_read += o.rows_read;
        self.respondents_scored += o.respondents_scored;
        self.respondents_excluded += o.respondents_excluded;
        self.respondents_rejected += o.respondents_rejected;
        self.answers_read += o.answers_read;
        self.answers_scored += o.answers_scored;
        self.answers_unscored += o.answers_unscored;
        self.answers_na += o.answers_na;
        self.answers_other_line += o.answers_other_line;
        self.answers_rejected += o.answers_rejected;
        self.answers_missing += o.answers_missing;
        self.rows_summary += o.rows_summary;
    }
}

/// What became of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Every row and answer scored.
    Accepted,
    /// Read, but some columns, rows or answers were not scored.
    Partial,
    /// Not read at all.
    Rejected,
    /// Not a survey file (other extension, lock file, the institutions file, a text
    /// file without a survey table).
    Ignored,
    /// A copy of a file read earlier: listed, read once.
    Duplicate,
}

impl FileStatus {
    pub fn code(self) -> &'static str {
        match self {
            FileStatus::Accepted => "accepted",
            FileStatus::Partial => "partial",
            FileStatus::Rejected => "rejected",
            FileStatus::Ignored => "ignored",
            FileStatus::Duplicate => "duplicate",
        }
    }
}

/// One input file as the manifest and the data-quality sheet show it.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Relative to the input folder, `/`-separated.
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub status: FileStatus,
    pub respondents: u64,
    pub counts: Counts,
    /// Why a file was ignored or rejected.
    pub note: Option<Reason>,
}

/// What ingest noticed and acted on without rejecting anything: the tool that made a
/// file, a legend it honoured, a sheet it read across or left out as derived, where an
/// identity value came from. Shown in Datakwaliteit and by `validate`.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    /// The survey tool whose export this is.
    Tool(Tool),
    /// Numbers read by a legend in the sheet (as written).
    Legend(String),
    /// Answers read by the config's `[[answers]]` table with this `files` pattern.
    ConfigScale(String),
    /// Items down a column, one column per respondent.
    Transposed,
    /// A sheet of formulas repeating other sheets (a total): listed, not scored.
    DerivedSheet,
    /// Where a sheet's institution, year and line came from (SPEC §3.5), one note per
    /// sheet: the value where the sheet has one, none where each row has its own (a
    /// column, a date).
    Identity(Vec<IdentityFact>),
    /// Header rows that are not data (Qualtrics' ImportId row, a second header row).
    HeaderRows(u32),
    /// A contribution (SPEC §9): the institution-years it brought, with their
    /// respondents ("Het Baken 2026 (41)").
    Contribution(String),
}

/// One identity fact of a sheet and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct IdentityFact {
    pub field: crate::ingest::cell::Field,
    pub value: Option<String>,
    pub source: crate::ingest::names::Source,
}

/// The survey tools whose exports are recognised (EXPORTS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Template,
    MicrosoftForms,
    GoogleForms,
    LimeSurvey,
    Qualtrics,
    SurveyMonkey,
}

/// A note, and where it applies.
#[derive(Debug, Clone)]
pub struct Note {
    pub file: String,
    pub sheet: String,
    pub cell: String,
    pub what: NoteKind,
}

/// A column matched to its item other than exactly (`data/column_mapping.csv`).
#[derive(Debug, Clone)]
pub struct ColumnMapping {
    pub file: String,
    pub sheet: String,
    pub cell: String,
    /// The header as written (invisible characters shown as `\u{…}`).
    pub header: String,
    pub item: String,
    pub how: crate::ingest::matching::How,
    pub similarity: f64,
}

impl InputFile {
    /// Whether the file was read as a survey (even where nothing of it was accepted).
    pub fn was_read(&self) -> bool {
        matches!(self.status, FileStatus::Accepted | FileStatus::Partial)
            || (self.status == FileStatus::Rejected && self.note == Some(Reason::NothingAccepted))
    }

    /// A file listed without being read (ignored or rejected before reading).
    pub fn listed(path: String, status: FileStatus, reason: Reason) -> InputFile {
        InputFile {
            path,
            sha256: String::new(),
            bytes: 0,
            status,
            respondents: 0,
            counts: Counts::default(),
            note: Some(reason),
        }
    }
}

/// Everything ingest did not accept, file by file, and what it noticed.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub files: Vec<InputFile>,
    pub rejections: Vec<Rejection>,
    pub notes: Vec<Note>,
    pub mappings: Vec<ColumnMapping>,
    pub counts: Counts,
    /// Every institution read under more than one spelling, alias or code.
    pub names: Vec<crate::ingest::spelling::NameGroup>,
    /// Institutions whose names look alike, not merged ("lijkt op").
    pub look_alikes: Vec<crate::ingest::spelling::LookAlike>,
}

impl Ledger {
    /// Whether anything was rejected (exit code 3): a rejected file, or a listed
    /// file, row or answer that is a rejection. Excluded respondents, ignored columns,
    /// summary rows and the explanations alone are not.
    pub fn has_rejections(&self) -> bool {
        self.files.iter().any(|f| f.status == FileStatus::Rejected)
            || self.rejections.iter().any(|r| r.reason.is_rejection())
    }

    /// The sheet-level explanations (one per cause), in file order.
    pub fn explanations(&self) -> impl Iterator<Item = &Rejection> {
        self.rejections.iter().filter(|r| r.level == Level::Sheet)
    }
}

/// One sheet of one file: the place every rejection, note and mapping of the sheet
/// names, so each says it the same way. A transposed sheet is read across, and its
/// cells are named where they stand in the file.
#[derive(Debug, Clone)]
pub struct Place {
    pub file: String,
    pub sheet: String,
    pub transposed: bool,
}

impl Place {
    pub fn new(file: &str, sheet: &str) -> Place {
        Place { file: file.to_string(), sheet: sheet.to_string(), transposed: false }
    }

    /// A1 notation of a cell as read (row, column), where it stands in the file.
    pub fn cell(&self, row: u32, col: u32) -> String {
        if self.transposed {
            a1(col, row)
        } else {
            a1(row, col)
        }
    }

    pub fn reject(&self, level: Level, at: Option<(u32, u32)>, value: String, reason: Reason) -> Rejection {
        Rejection {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            cell: at.map(|(r, c)| self.cell(r, c)).unwrap_or_default(),
            level,
            value,
            reason,
        }
    }

    pub fn note(&self, at: Option<(u32, u32)>, what: NoteKind) -> Note {
        Note {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            cell: at.map(|(r, c)| self.cell(r, c)).unwrap_or_default(),
            what,
        }
    }
}

/// A header as a listing shows it: invisible characters made visible (`\u{200B}`),
/// so a header that looks right says why it did not match; control characters and
/// bidirectional overrides too, in the one notation of [`crate::text::escape_steering`].
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::text::is_steering(c)
                || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00A0}')
            {
                format!("\\u{{{:X}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A1 notation of a 0-based (row, column).
pub fn a1(row: u32, col: u32) -> String {
    let mut c = col + 1;
    let mut letters = Vec::new();
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push((b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("L1-VB-R1\u{200B}"), "L1-VB-R1\\u{200B}");
        assert_eq!(visible("Oriëntatie"), "Oriëntatie");
    }

    #[test]
    fn a1_notation() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 1), "B7");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }
}
