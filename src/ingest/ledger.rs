//! The ledger: everything ingest did not score, with where it was and why, and the
//! counts that must reconcile (SPEC §3.3). Reasons speak Dutch or English.

use serde::Serialize;

use crate::lang::Lang;

/// How much a rejection covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    File,
    Column,
    Row,
    Answer,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::File => "file",
            Level::Column => "column",
            Level::Row => "row",
            Level::Answer => "answer",
        }
    }

    /// The level in the run's language (workbooks and messages; tables keep the code).
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::File, Lang::Nl) => "bestand",
            (Level::Column, Lang::Nl) => "kolom",
            (Level::Row, Lang::Nl) => "rij",
            (Level::Answer, Lang::Nl) => "antwoord",
            (level, Lang::En) => level.code(),
        }
    }
}

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

    /// What the library or the system said, where the reason comes from there (for
    /// support: `detail` in rejections.csv and in the Datakwaliteit sheet).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Reason::Unreadable(d) | Reason::SystemError(d) => Some(d),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        use Reason::*;
        match (self, lang) {
            // The reader's own words are kept apart, in `detail`, for whoever supports
            // the user; the reason says what it means.
            (Unreadable(_), Lang::Nl) => "bestand kan niet gelezen worden: het is beschadigd of geen spreadsheet; sla het opnieuw op als .xlsx".into(),
            (Unreadable(_), Lang::En) => "file cannot be read: it is corrupt or not a spreadsheet; save it again as .xlsx".into(),
            (PermissionDenied, Lang::Nl) => "geen toegang (permission denied): lobmonitor mag dit niet lezen; niet gelezen. Geef de gebruiker die lobmonitor draait leesrechten".into(),
            (PermissionDenied, Lang::En) => "permission denied: lobmonitor may not read this; not read. Give the user that runs lobmonitor read access".into(),
            (PathTooLong, Lang::Nl) => "pad is te lang voor het systeem (mappen te diep genest of namen te lang); niet gelezen. Zet het in een map dichter bij de invoermap".into(),
            (PathTooLong, Lang::En) => "path too long for the system (folders nested too deep or names too long); not read. Move it to a folder nearer the input folder".into(),
            (SystemError(_), Lang::Nl) => "het systeem kon dit niet lezen; niet gelezen".into(),
            (SystemError(_), Lang::En) => "the system could not read this; not read".into(),
            (Encrypted, Lang::Nl) => "bestand is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord".into(),
            (Encrypted, Lang::En) => "file is password-protected (encrypted); save it without a password".into(),
            (TooLarge { bytes, limit }, Lang::Nl) => format!("bestand is te groot ({bytes} bytes, grens {limit})"),
            (TooLarge { bytes, limit }, Lang::En) => format!("file is too large ({bytes} bytes, limit {limit})"),
            (TooLargeUnpacked { bytes, limit }, Lang::Nl) => {
                format!("bestand pakt uit tot {bytes} bytes (grens {limit}); niet geladen")
            }
            (TooLargeUnpacked { bytes, limit }, Lang::En) => format!("file unpacks to {bytes} bytes (limit {limit}); not loaded"),
            (TooMuchText { bytes, limit }, Lang::Nl) => format!("werkblad bevat te veel tekst ({bytes} bytes na uitpakken, grens {limit}); niet geladen"),
            (TooMuchText { bytes, limit }, Lang::En) => format!("sheet holds too much text ({bytes} bytes unpacked, limit {limit}); not loaded"),
            (TooManySharedStrings { declared, fits }, Lang::Nl) => format!("bestand is beschadigd: het belooft {declared} teksten waar er hoogstens {fits} in passen; niet geladen"),
            (TooManySharedStrings { declared, fits }, Lang::En) => format!("file is corrupt: it declares {declared} texts where at most {fits} fit; not loaded"),
            (SheetAlias(first), Lang::Nl) => format!("werkblad verwijst naar dezelfde gegevens als «{first}»; één keer gelezen"),
            (SheetAlias(first), Lang::En) => format!("sheet points at the same data as «{first}»; read once"),
            (DuplicatePart(name), Lang::Nl) => format!("bestand is beschadigd: het bevat twee onderdelen met dezelfde naam ({name}), en welk ervan gelezen wordt hangt af van het programma; niet gelezen. Open het in Excel en sla het opnieuw op"),
            (DuplicatePart(name), Lang::En) => format!("file is corrupt: it holds two parts of the same name ({name}), and which one is read depends on the program; not read. Open it in Excel and save it again"),
            (RowTooWide { row, limit }, Lang::Nl) => format!("rij {row} heeft meer dan {limit} velden, meer kolommen dan een Excel-werkblad heeft: geen vragenlijsttabel; niet gelezen"),
            (RowTooWide { row, limit }, Lang::En) => format!("row {row} has more than {limit} fields, more columns than an Excel sheet has: not a survey table; not read"),
            (XlsSheetAliases, Lang::Nl) => "bestand is beschadigd: werkbladen verwijzen naar dezelfde gegevens; niet geladen".into(),
            (XlsSheetAliases, Lang::En) => "file is corrupt: sheets point at the same data; not loaded".into(),
            (SheetTooLarge { cells, limit }, Lang::Nl) => format!("werkblad is te groot ({cells} cellen, grens {limit}); niet geladen"),
            (SheetTooLarge { cells, limit }, Lang::En) => format!("sheet is too large ({cells} cells, limit {limit}); not loaded"),
            (NoSurveySheet, Lang::Nl) => "geen werkblad met vragenlijstkolommen gevonden (kolomkoppen met item-codes zoals L1-VB-R1 of de itemteksten)".into(),
            (NoSurveySheet, Lang::En) => "no sheet with survey columns found (headers with item ids such as L1-VB-R1 or the item texts)".into(),
            (Hidden, Lang::Nl) => "verborgen bestand of map (naam begint met een punt); niet gelezen".into(),
            (Hidden, Lang::En) => "hidden file or folder (its name starts with a dot); not read".into(),
            (LockFile, Lang::Nl) => "vergrendelingsbestand van Office (~$…); niet gelezen".into(),
            (LockFile, Lang::En) => "Office lock file (~$…); not read".into(),
            (NotAFile, Lang::Nl) => "geen gewoon bestand (pipe, socket of apparaat); niet gelezen".into(),
            (NotAFile, Lang::En) => "not a regular file (pipe, socket or device); not read".into(),
            (LinkOutside, Lang::Nl) => "snelkoppeling naar buiten de invoermap; niet gevolgd".into(),
            (LinkOutside, Lang::En) => "link leading outside the input folder; not followed".into(),
            (LinkLoop, Lang::Nl) => "snelkoppeling die naar een bovenliggende map terugleidt; niet gevolgd".into(),
            (LinkLoop, Lang::En) => "link leading back to a folder above it; not followed".into(),
            (OwnOutput, Lang::Nl) => "uitvoermap van lobmonitor zelf; niet gelezen".into(),
            (OwnOutput, Lang::En) => "lobmonitor's own output folder; not read".into(),
            (NoInstitutionColumn, Lang::Nl) => "instellingenbestand zonder kolom «instelling»; niet gebruikt".into(),
            (NoInstitutionColumn, Lang::En) => "institutions file without an «instelling» column; not used".into(),
            (EmptyFile, Lang::Nl) => "bestand is leeg (0 bytes)".into(),
            (EmptyFile, Lang::En) => "file is empty (0 bytes)".into(),
            (NoSurveyTable, Lang::Nl) => "tekstbestand zonder vragenlijsttabel (geen kolomkoppen met item-codes of itemteksten)".into(),
            (NoSurveyTable, Lang::En) => "text file without a survey table (no headers with item ids or item texts)".into(),
            (NotASpreadsheet, Lang::Nl) => "dit is geen spreadsheet (geen xlsx, xls, ods of tekst); sla het op als .xlsx".into(),
            (NotASpreadsheet, Lang::En) => "this is not a spreadsheet (no xlsx, xls, ods or text); save it as .xlsx".into(),
            (TextNotSpreadsheet, Lang::Nl) => "dit is tekst met een spreadsheetnaam, zonder vragenlijsttabel; sla de vragenlijst op als .xlsx of .csv".into(),
            (TextNotSpreadsheet, Lang::En) => "this is text with a spreadsheet name, without a survey table; save the survey as .xlsx or .csv".into(),
            (HtmlNotSpreadsheet, Lang::Nl) => "dit is een webpagina met een spreadsheetnaam, geen spreadsheet; open het in Excel en sla het op als .xlsx".into(),
            (HtmlNotSpreadsheet, Lang::En) => "this is a web page with a spreadsheet name, not a spreadsheet; open it in Excel and save it as .xlsx".into(),
            (XmlSpreadsheet, Lang::Nl) => "XML-spreadsheet (Excel 2003) wordt niet gelezen; sla het op als .xlsx".into(),
            (XmlSpreadsheet, Lang::En) => "XML spreadsheet (Excel 2003) is not read; save it as .xlsx".into(),
            (CopyOf(p), Lang::Nl) => format!("kopie van {p} (byte voor byte gelijk); één keer gelezen"),
            (CopyOf(p), Lang::En) => format!("copy of {p} (byte for byte the same); read once"),
            (SameResponsesAs(p), Lang::Nl) => format!("dezelfde antwoorden als {p} (zelfde enquête, ander formaat); één keer gelezen"),
            (SameResponsesAs(p), Lang::En) => format!("the same responses as {p} (the same survey, another format); read once"),
            (ReaderPanic, Lang::Nl) => "bestand is beschadigd: de lezer liep vast".into(),
            (ReaderPanic, Lang::En) => "file is corrupt: the reader failed on it".into(),
            (UnrecognisedColumn, Lang::Nl) => "kolom niet herkend; genegeerd".into(),
            (UnrecognisedColumn, Lang::En) => "column not recognised; ignored".into(),
            (SecondColumnForItem(id), Lang::Nl) => format!("tweede kolom voor item {id}; genegeerd"),
            (SecondColumnForItem(id), Lang::En) => format!("second column for item {id}; ignored"),
            (HeaderlessColumn, Lang::Nl) => "kolom zonder kop bevat waarden; genegeerd".into(),
            (HeaderlessColumn, Lang::En) => "column without a header holds values; ignored".into(),
            (MissingInstitution, Lang::Nl) => "instelling ontbreekt (geen kolom, geen Info-blad)".into(),
            (MissingInstitution, Lang::En) => "institution missing (no column, no Info sheet)".into(),
            (MissingYear, Lang::Nl) => "jaar ontbreekt (geen kolom, geen Info-blad, geen --year)".into(),
            (MissingYear, Lang::En) => "year missing (no column, no Info sheet, no --year)".into(),
            (InvalidYear, Lang::Nl) => "jaar is geen geldig jaar (bijv. 2026 of 2025-2026)".into(),
            (InvalidYear, Lang::En) => "year is not a valid year (e.g. 2026 or 2025-2026)".into(),
            (MissingLine, Lang::Nl) => "lijn ontbreekt (geen kolom en de bladnaam noemt geen lijn)".into(),
            (MissingLine, Lang::En) => "line missing (no column and the sheet name names no line)".into(),
            (InvalidLine, Lang::Nl) => "lijn is geen 1, 2 of 3".into(),
            (InvalidLine, Lang::En) => "line is not 1, 2 or 3".into(),
            (MissingRespondent, Lang::Nl) => "respondent ontbreekt in een regel van het lange formaat".into(),
            (MissingRespondent, Lang::En) => "respondent missing in a row of the long layout".into(),
            (Duplicate(first), Lang::Nl) => format!("dubbele respondent (zelfde instelling, jaar en respondent als {first}); de eerste is behouden"),
            (Duplicate(first), Lang::En) => format!("duplicate respondent (same institution, year and respondent as {first}); the first was kept"),
            (NoValidAnswer, Lang::Nl) => "geen geldig antwoord op een item van de eigen lijn".into(),
            (NoValidAnswer, Lang::En) => "no valid answer to an item of the own line".into(),
            (BelowMinAnswered { answered, applicable, min }, Lang::Nl) => format!(
                "uitgesloten: {answered} van {applicable} toepasselijke items beantwoord (minder dan {:.0} %)", min * 100.0
            ),
            (BelowMinAnswered { answered, applicable, min }, Lang::En) => format!(
                "excluded: answered {answered} of {applicable} applicable items (less than {:.0} %)", min * 100.0
            ),
            (NotInAnswerTable, Lang::Nl) => "antwoord niet herkend (gebruik ja, grotendeels, enigszins, nee of n.v.t.)".into(),
            (NotInAnswerTable, Lang::En) => "answer not recognised (use yes, largely, somewhat, no or n/a)".into(),
            (NotOnScale, Lang::Nl) => "getal staat niet in de legenda van dit blad".into(),
            (NotOnScale, Lang::En) => "number is not in this sheet's legend".into(),
            (AmbiguousNumbers { lo, hi }, Lang::Nl) => format!(
                "getallen {lo}–{hi} gevonden: welke betekent ja? Zet een legenda boven de kopregel (0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja) of een [[answers]]-tabel in lobmonitor.toml"
            ),
            (AmbiguousNumbers { lo, hi }, Lang::En) => format!(
                "numbers {lo}–{hi} found: which is yes? Put a legend above the header row (0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja) or an [[answers]] table in lobmonitor.toml"
            ),
            (FormulaWithoutValue, Lang::Nl) => "formule zonder waarde: open en sla op in Excel".into(),
            (FormulaWithoutValue, Lang::En) => "formula without a value: open and save in Excel".into(),
            (FormulaError(e), Lang::Nl) => format!("formulefout {e} in antwoordcel"),
            (FormulaError(e), Lang::En) => format!("formula error {e} in answer cell"),
            (DateInAnswer, Lang::Nl) => "datum in een antwoordcel".into(),
            (DateInAnswer, Lang::En) => "date in an answer cell".into(),
            (UnknownItem, Lang::Nl) => "onbekend item".into(),
            (UnknownItem, Lang::En) => "unknown item".into(),
            (ItemNotInEdition(e), Lang::Nl) => format!("item hoort niet bij raamwerkeditie {e}, die voor dit jaar geldt"),
            (ItemNotInEdition(e), Lang::En) => format!("item is not in framework edition {e}, which applies to this year"),
            (SecondAnswerForItem, Lang::Nl) => "tweede antwoord op hetzelfde item voor deze respondent".into(),
            (SecondAnswerForItem, Lang::En) => "second answer to the same item for this respondent".into(),
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

/// The reconciliation counts of SPEC §3.3.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
    /// The status in the run's language (workbooks and messages; the manifest keeps the
    /// code).
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FileStatus::Accepted, Lang::Nl) => "volledig gescoord",
            (FileStatus::Partial, Lang::Nl) => "deels gescoord",
            (FileStatus::Rejected, Lang::Nl) => "afgewezen",
            (FileStatus::Ignored, Lang::Nl) => "genegeerd",
            (FileStatus::Duplicate, Lang::Nl) => "dubbel",
            (FileStatus::Accepted, Lang::En) => "fully scored",
            (FileStatus::Partial, Lang::En) => "partly scored",
            (FileStatus::Rejected, Lang::En) => "rejected",
            (FileStatus::Ignored, Lang::En) => "ignored",
            (FileStatus::Duplicate, Lang::En) => "duplicate",
        }
    }

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
    /// An identity value (institution, year, line) taken from a title row.
    FromTitle { field: crate::ingest::layout::Field, value: String },
    /// Header rows that are not data (Qualtrics' ImportId row, a second header row).
    HeaderRows(u32),
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

impl Tool {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Tool::Template, Lang::Nl) => "lobmonitor-sjabloon",
            (Tool::Template, Lang::En) => "lobmonitor template",
            (Tool::MicrosoftForms, _) => "Microsoft Forms",
            (Tool::GoogleForms, _) => "Google Forms",
            (Tool::LimeSurvey, _) => "LimeSurvey",
            (Tool::Qualtrics, _) => "Qualtrics",
            (Tool::SurveyMonkey, _) => "SurveyMonkey",
        }
    }
}

impl NoteKind {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (NoteKind::Tool(t), Lang::Nl) => format!("export van {} herkend", t.name(lang)),
            (NoteKind::Tool(t), Lang::En) => format!("{} export recognised", t.name(lang)),
            (NoteKind::Legend(l), Lang::Nl) => format!("getallen gelezen volgens de legenda «{l}»"),
            (NoteKind::Legend(l), Lang::En) => format!("numbers read by the legend «{l}»"),
            (NoteKind::ConfigScale(p), Lang::Nl) => {
                format!("antwoorden gelezen volgens [[answers]] files = \"{p}\" in de configuratie")
            }
            (NoteKind::ConfigScale(p), Lang::En) => {
                format!("answers read by [[answers]] files = \"{p}\" in the config")
            }
            (NoteKind::Transposed, Lang::Nl) => {
                "gekanteld blad gelezen: items onder elkaar, één kolom per respondent".into()
            }
            (NoteKind::Transposed, Lang::En) => {
                "transposed sheet read: items down a column, one column per respondent".into()
            }
            (NoteKind::DerivedSheet, Lang::Nl) => {
                "afgeleid blad: formules die andere bladen herhalen (een totaal); niet gescoord".into()
            }
            (NoteKind::DerivedSheet, Lang::En) => {
                "derived sheet: formulas repeating other sheets (a total); not scored".into()
            }
            (NoteKind::FromTitle { field, value }, Lang::Nl) => {
                format!("{} «{value}» uit de titelregel", field.label(lang))
            }
            (NoteKind::FromTitle { field, value }, Lang::En) => {
                format!("{} «{value}» from the title row", field.label(lang))
            }
            (NoteKind::HeaderRows(n), Lang::Nl) => format!("{n} extra kopregel(s) herkend en overgeslagen"),
            (NoteKind::HeaderRows(n), Lang::En) => format!("{n} extra header row(s) recognised and skipped"),
        }
    }
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
}

impl Ledger {
    pub fn has_rejections(&self) -> bool {
        !self.rejections.is_empty()
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
