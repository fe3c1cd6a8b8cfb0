//! Why something was not scored ([`Reason`]) and what a sheet's unknown answers are
//! ([`Vocabulary`]), each worded in Dutch and English. Every reader and rule of ingest
//! names its reasons here; the ledger (`ledger.rs`) records them with their place.

use crate::lang::Lang;

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
    /// A contribution (SPEC §9) not taken, or an institution-year of one: why, in Dutch
    /// and in English.
    Contribution {
        nl: String,
        en: String,
    },

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
    /// The TOML lines that would map them (a proposal for the analyst to check).
    pub toml: String,
    /// The `files` pattern of an `[[answers]]` table that already applies (the lines
    /// then belong in that table).
    pub existing: Option<String>,
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
            (DuplicatePart(name), Lang::Nl) => format!("bestand is beschadigd: het bevat twee onderdelen met dezelfde naam{}, en welk ervan gelezen wordt hangt af van het programma; niet gelezen. Open het in Excel en sla het opnieuw op", in_brackets(name)),
            (DuplicatePart(name), Lang::En) => format!("file is corrupt: it holds two parts of the same name{}, and which one is read depends on the program; not read. Open it in Excel and save it again", in_brackets(name)),
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
            (Contribution { nl, .. }, Lang::Nl) => nl.clone(),
            (Contribution { en, .. }, Lang::En) => en.clone(),
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
            (MissingInstitution, Lang::Nl) => "instelling ontbreekt (geen kolom; Info-blad, titelregel, bestandsnaam en mapnamen noemen geen instelling)".into(),
            (MissingInstitution, Lang::En) => "institution missing (no column; Info sheet, title row, file name and folder names name none)".into(),
            (MissingYear, Lang::Nl) => "jaar ontbreekt (geen kolom; Info-blad, titelregel, blad-, bestands- en mapnamen noemen geen jaar; geen --year, geen antwoorddatum)".into(),
            (MissingYear, Lang::En) => "year missing (no column; Info sheet, title row, sheet, file and folder names name none; no --year, no response date)".into(),
            (InvalidYear, Lang::Nl) => "jaar is geen geldig jaar of schooljaar (bijv. 2026, 2025-2026 of 25-26)".into(),
            (InvalidYear, Lang::En) => "year is not a valid year or school year (e.g. 2026, 2025-2026 or 25-26)".into(),
            (MissingLine, Lang::Nl) => "lijn ontbreekt (geen kolom; blad-, bestands- en mapnamen en titelregel noemen geen lijn; de items zijn van meer dan één lijn)".into(),
            (MissingLine, Lang::En) => "line missing (no column; sheet, file and folder names and title row name none; the items are of more than one line)".into(),
            (InvalidLine, Lang::Nl) => "lijn is geen 1, 2 of 3 en geen rol uit het raamwerk (docent, mentor, decaan, teamleider, …)".into(),
            (InvalidLine, Lang::En) => "line is not 1, 2 or 3 and no role of the framework (docent, mentor, decaan, teamleider, …)".into(),
            (AmbiguousInstitution { source, candidates }, lang) => {
                let names = candidates.iter().map(|c| format!("«{c}»")).collect::<Vec<_>>();
                let (last, rest) = names.split_last().expect("two or more");
                match lang {
                    Lang::Nl => format!(
                        "instelling niet te bepalen: {} noemt {} en {last}; zet de instelling in een kolom «instelling» of een Info-blad",
                        source.text(lang), rest.join(", ")
                    ),
                    Lang::En => format!(
                        "institution cannot be told: {} names {} and {last}; put the institution in an «instelling» column or an Info sheet",
                        source.text(lang), rest.join(", ")
                    ),
                }
            }
            (RoleOfLines(lines), lang) => {
                let l: Vec<String> = lines.iter().map(u8::to_string).collect();
                let (last, rest) = l.split_last().expect("two or more");
                match lang {
                    Lang::Nl => format!(
                        "rol hoort bij lijn {} en {last}, en de beantwoorde items zijn niet alle van één van die lijnen; zet de lijn in een kolom «lijn»",
                        rest.join(", ")
                    ),
                    Lang::En => format!(
                        "role belongs to lines {} and {last}, and the items answered are not all of one of those lines; put the line in a «lijn» column",
                        rest.join(", ")
                    ),
                }
            }
            (RolesDisagree, Lang::Nl) => "rollen van verschillende lijnen in één waarde; zet de lijn in een kolom «lijn»".into(),
            (RolesDisagree, Lang::En) => "roles of different lines in one value; put the line in a «lijn» column".into(),
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
            (SummaryRow { by_formulas: false }, Lang::Nl) => "samenvattingsrij (totaal, gemiddelde of telling); niet gelezen als respondent".into(),
            (SummaryRow { by_formulas: false }, Lang::En) => "summary row (a total, average or count); not read as a respondent".into(),
            (SummaryRow { by_formulas: true }, Lang::Nl) => "samenvattingsrij (formules die de kolom optellen, middelen of tellen); niet gelezen als respondent".into(),
            (SummaryRow { by_formulas: true }, Lang::En) => "summary row (formulas summing, averaging or counting the column); not read as a respondent".into(),
            (Reason::Vocabulary(v), lang) => v.text(lang),
            (EveryRow { reason, rows }, Lang::Nl) => format!(
                "elke rij van dit blad ({rows}) is afgewezen om dezelfde reden: {}. Gezocht in: {}",
                reason.text(Lang::Nl),
                searched(reason, Lang::Nl)
            ),
            (EveryRow { reason, rows }, Lang::En) => format!(
                "every row of this sheet ({rows}) is rejected for the same reason: {}. Searched: {}",
                reason.text(Lang::En),
                searched(reason, Lang::En)
            ),
            (NothingAccepted, Lang::Nl) => "geen respondent uit dit bestand geaccepteerd (zie de afwijzingen)".into(),
            (NothingAccepted, Lang::En) => "no respondent of this file accepted (see the rejections)".into(),
        }
    }
}

/// ` (name)`, or nothing where the name is not known.
fn in_brackets(name: &str) -> String {
    if name.is_empty() {
        String::new()
    } else {
        format!(" ({name})")
    }
}

/// The places an identity value is looked for, in order (SPEC §3.3, §3.5).
fn searched(reason: &Reason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (Reason::MissingInstitution, Lang::Nl) => "een kolom instelling/institution/school/brin, het Info-blad (Instelling, BRIN), de titelregel boven de kop, de bestandsnaam, de mapnamen",
        (Reason::MissingInstitution, Lang::En) => "a column instelling/institution/school/brin, the Info sheet (Instelling, BRIN), the title row above the header, the file name, the folder names",
        (Reason::MissingYear | Reason::InvalidYear, Lang::Nl) => "een kolom jaar/year/schooljaar, het Info-blad (Jaar), de titelregel, de bestandsnaam, de mapnamen, --year of year in de configuratie",
        (Reason::MissingYear | Reason::InvalidYear, Lang::En) => "a column jaar/year/schooljaar, the Info sheet (Jaar), the title row, the file name, the folder names, --year or year in the config",
        (Reason::MissingLine | Reason::InvalidLine, Lang::Nl) => "een kolom lijn/line/rol/role, de bladnaam, de titelregel, de items van het blad (alle van één lijn?), de bestandsnaam, de mapnamen",
        (Reason::MissingLine | Reason::InvalidLine, Lang::En) => "a column lijn/line/rol/role, the sheet name, the title row, the sheet's items (all of one line?), the file name, the folder names",
        (_, Lang::Nl) => "de rij zelf",
        (_, Lang::En) => "the row itself",
    }
}

impl Vocabulary {
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        if let Some((lo, hi)) = self.numbers {
            out += &Reason::AmbiguousNumbers { lo, hi }.text(lang);
            out += ". ";
        }
        let existing = self.existing.as_deref();
        match lang {
            Lang::Nl => {
                out += &format!(
                    "Antwoorden die de antwoordtabel niet kent: {}. Deze regels in lobmonitor.toml lezen ze (een voorstel: controleer elke regel{}):\n{}",
                    self.values_text(),
                    existing.map(|p| format!("; voeg ze toe aan de bestaande tabel files = \"{p}\"")).unwrap_or_default(),
                    self.toml
                );
            }
            Lang::En => {
                out += &format!(
                    "Answers the answer table does not know: {}. These lines in lobmonitor.toml read them (a proposal: check every line{}):\n{}",
                    self.values_text(),
                    existing.map(|p| format!("; add them to the existing table files = \"{p}\"")).unwrap_or_default(),
                    self.toml
                );
            }
        }
        out
    }
}
