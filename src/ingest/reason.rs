//! Why something was not scored ([`Reason`]) and what a sheet's unknown answers are
//! ([`Vocabulary`]), as data: the enums with their fields. Every reader and rule of
//! ingest names its reasons here; the ledger (`ledger.rs`) records them with their place.
//! Ingest words none of them: `Reason::text` and `Vocabulary::text` are in `src/words/`
//! (`nl.rs`, `en.rs`), where whoever shows a reason words it in the language it has.

/// Why something was not scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    // files
    Unreadable(String),
    /// The system refused to open a file or folder (permission denied): not corrupt,
    /// only closed to the user lobmonitor runs as.
    PermissionDenied,
    /// A path longer than the system takes (folders nested too deep, names too long).
    PathTooLong,
    /// Any other error of the system while opening or reading (its message).
    SystemError(String),
    Encrypted,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    TooLargeUnpacked {
        bytes: u64,
        limit: u64,
    },
    SheetTooLarge {
        cells: u64,
        limit: u64,
    },
    /// A sheet whose text, as the reader would copy it, is beyond the budget.
    TooMuchText {
        bytes: u64,
        limit: u64,
    },
    /// An xlsx declaring more shared strings than its part can hold (or than are allowed).
    TooManySharedStrings {
        declared: f64,
        fits: u64,
    },
    /// A sheet entry pointing at the same data as an earlier sheet (named): read once.
    SheetAlias(String),
    /// An .xls whose sheet entries point at the same data.
    XlsSheetAliases,
    /// Delimited text with a row of more fields than a sheet has columns (row from 1).
    RowTooWide {
        row: u32,
        limit: u32,
    },
    /// An xlsx/ods package holding two parts of one name (named): which one a program
    /// reads depends on the program.
    DuplicatePart(String),
    NoSurveySheet,
    /// A hidden file or folder (its name starts with a dot): not read.
    Hidden,
    /// An Office lock file (`~$…`): not read.
    LockFile,
    /// A pipe, socket or device: not a file to read.
    NotAFile,
    /// A symbolic link leading outside the input folder: not followed.
    LinkOutside,
    /// A symbolic link that leads back to a folder above it.
    LinkLoop,
    /// lobmonitor's own output folder inside the input folder: never read back.
    OwnOutput,
    /// An empty file.
    EmptyFile,
    /// An institutions file without an `instelling` column.
    NoInstitutionColumn,
    /// Delimited text without a survey table: ignored, not rejected.
    NoSurveyTable,
    ReaderPanic,
    /// A web page saved under a spreadsheet name.
    HtmlNotSpreadsheet,
    /// Bytes that are no spreadsheet format at all (under a spreadsheet name).
    NotASpreadsheet,
    /// Plain text under a spreadsheet name, without a survey table in it.
    TextNotSpreadsheet,
    /// An XML spreadsheet (Excel 2003 XML), which no reader here reads.
    XmlSpreadsheet,
    /// Byte for byte the same as a file read earlier (named).
    CopyOf(String),
    /// Every response the same as those of a file read earlier (named): the same survey
    /// sent twice, e.g. in two formats.
    SameResponsesAs(String),
    /// A contribution (SPEC §9) not taken, or an institution-year of one: why, as data
    /// (`contribution::Refusal`, worded in `src/words/` like every reason).
    Contribution(crate::contribution::Refusal),

    // columns
    UnrecognisedColumn,
    SecondColumnForItem(String),
    HeaderlessColumn,
    // rows
    MissingInstitution,
    MissingYear,
    InvalidYear,
    MissingLine,
    InvalidLine,
    /// A name (file, folder, title) that leaves two or more institution candidates,
    /// and nothing else names one: nothing is guessed.
    AmbiguousInstitution {
        source: crate::ingest::names::Source,
        candidates: Vec<String>,
    },
    /// A role of more than one line (decaan, LOB-coördinator: lines 2 and 3) in a row
    /// whose answered items are not all of one of those lines.
    RoleOfLines(Vec<u8>),
    /// Roles of different lines in one value ("docent/teamleider").
    RolesDisagree,
    MissingRespondent,
    Duplicate(String),
    NoValidAnswer,
    BelowMinAnswered {
        answered: usize,
        applicable: usize,
        min: f64,
    },
    // answers
    NotInAnswerTable,
    /// A number the sheet's legend (or the config) does not name.
    NotOnScale,
    /// Numbers beyond 0/1 on a sheet without a legend: which is ja?
    AmbiguousNumbers {
        lo: i64,
        hi: i64,
    },
    /// A formula cell whose value was never stored.
    FormulaWithoutValue,
    FormulaError(String),
    DateInAnswer,
    UnknownItem,
    SecondAnswerForItem,
    /// The column's item belongs to another framework edition than the row's year.
    ItemNotInEdition(String),

    // rows that are not rows read
    /// A total, average or count under the data (by its label, or its formulas):
    /// listed, not read, never a respondent (SPEC §3.5).
    SummaryRow {
        by_formulas: bool,
    },

    // sheets: one explanation per cause (SPEC §3.5)
    /// Answers in a vocabulary the answer table does not know: the values with their
    /// counts, and the `[[answers]]` lines that would map them.
    Vocabulary(Box<Vocabulary>),
    /// Every row of a sheet rejected for the same reason: said once, with the places
    /// that were searched.
    EveryRow {
        reason: Box<Reason>,
        rows: u64,
    },

    /// A file of which no respondent was accepted.
    NothingAccepted,
}

/// What a sheet's unknown answers are, and how the config could map them.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    /// Numbers beyond 0/1 without a legend: the smallest and largest.
    pub numbers: Option<(i64, i64)>,
    /// The values found, as most often written, and how many cells hold each; most
    /// frequent first.
    pub values: Vec<(String, u64)>,
    /// Further distinct values not shown (beyond the most frequent).
    pub others: usize,
    /// The `[[answers]]` lines that would map them (a proposal for the analyst to
    /// check), as data: written as TOML, with comments in the run's language, by
    /// `Vocabulary::text` (`src/words/`).
    pub proposal: Proposal,
    /// The `files` pattern of an `[[answers]]` table that already applies (the lines
    /// then belong in that table).
    pub existing: Option<String>,
}

/// The `[[answers]]` lines a sheet's unknown values would take.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The `files` pattern of a new table (the file's name, escaped); none where a table
    /// applies already (`Vocabulary::existing`).
    pub files: Option<String>,
    /// Per value shown (as in `Vocabulary::values`): the answer word proposed for it.
    pub lines: Vec<(String, Proposed)>,
}

/// What a value would map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// An answer word of the table (`ja`, `grotendeels`, …).
    Word(&'static str),
    /// No proposal: a commented line naming the choices.
    Choose,
    /// A value too long to be a scale word (a pasted paragraph), shown cut.
    TooLong,
}

impl Vocabulary {
    /// The values and counts as one text: `helemaal mee eens (12); mee eens (30)`.
    pub fn values_text(&self) -> String {
        let mut parts: Vec<String> = self.values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        if self.others > 0 {
            parts.push(format!("… +{}", self.others));
        }
        parts.join("; ")
    }
}

impl Reason {
    /// What an error of the system while finding, opening or reading a file means for
    /// the user: permission denied and a path too long are said as such, never as a
    /// corrupt file; anything else keeps the system's words.
    pub fn from_io(e: &std::io::Error) -> Reason {
        match e.kind() {
            std::io::ErrorKind::PermissionDenied => Reason::PermissionDenied,
            // ENAMETOOLONG on Unix.
            std::io::ErrorKind::InvalidFilename => Reason::PathTooLong,
            _ => Reason::SystemError(e.to_string()),
        }
    }

    /// Whether the file or folder could not be read for a reason of the system (rather
    /// than left out on purpose, as a hidden file is): it may hold surveys, so it counts
    /// as a rejection.
    pub fn is_read_failure(&self) -> bool {
        matches!(self, Reason::PermissionDenied | Reason::PathTooLong | Reason::SystemError(_))
    }

    /// Whether this listing means something was rejected (SPEC §3.5: exit code 3,
    /// status `partial`). Not so: a summary row, an excluded respondent, an ignored
    /// column, and a sheet-level explanation (what it explains is listed, and counts,
    /// on its own).
    pub fn is_rejection(&self) -> bool {
        !matches!(
            self,
            Reason::SummaryRow { .. }
                | Reason::BelowMinAnswered { .. }
                | Reason::UnrecognisedColumn
                | Reason::SecondColumnForItem(_)
                | Reason::HeaderlessColumn
                | Reason::Vocabulary(_)
                | Reason::EveryRow { .. }
        )
    }

    /// What the library or the system said, where the reason comes from there (for
    /// support: `detail` in rejections.csv and in the Datakwaliteit sheet).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Reason::Unreadable(d) | Reason::SystemError(d) => Some(d),
            _ => None,
        }
    }
}
