//! The words of ingest's data, the output folder's refusals and the run's messages, in
//! English (`--lang en`): the twin of `nl.rs`, the same functions in the same order.

use std::fmt::Display;

use super::{counted, in_brackets, listed, RunSummary};
use crate::config::{Expected, Unreadable};
use crate::contribution::{Earlier, Figure, Refusal as ContributionRefusal};
use crate::framework::{Area, Kind, Line};
use crate::ingest::cell::Field;
use crate::ingest::ledger::{FileStatus, Level, NoteKind, Tool};
use crate::ingest::matching::How;
use crate::ingest::names::Source;
use crate::ingest::reason::{Reason, Vocabulary};
use crate::ingest::IngestError;
use crate::publish::{Foreign, Refusal};

/// Why something was not scored.
pub fn reason(r: &Reason) -> String {
    use Reason::*;
    match r {
        Unreadable(_) => "file cannot be read: it is corrupt or not a spreadsheet; save it again as .xlsx".into(),
        PermissionDenied => "permission denied: lobmonitor may not read this; not read. Give the user that runs lobmonitor read access".into(),
        PathTooLong => "path too long for the system (folders nested too deep or names too long); not read. Move it to a folder nearer the input folder".into(),
        SystemError(_) => "the system could not read this; not read".into(),
        Encrypted => "file is password-protected (encrypted); save it without a password".into(),
        TooLarge { bytes, limit } => format!("file is too large ({bytes} bytes, limit {limit})"),
        TooLargeUnpacked { bytes, limit } => format!("file unpacks to {bytes} bytes (limit {limit}); not loaded"),
        TooMuchText { bytes, limit } => format!("sheet holds too much text ({bytes} bytes unpacked, limit {limit}); not loaded"),
        TooManySharedStrings { declared, fits } => format!("file is corrupt: it declares {declared} texts where at most {fits} fit; not loaded"),
        SheetAlias(first) => format!("sheet points at the same data as «{first}»; read once"),
        DuplicatePart(name) => format!("file is corrupt: it holds two parts of the same name{}, and which one is read depends on the program; not read. Open it in Excel and save it again", in_brackets(name)),
        RowTooWide { row, limit } => format!("row {row} has more than {limit} fields, more columns than an Excel sheet has: not a survey table; not read"),
        XlsSheetAliases => "file is corrupt: sheets point at the same data; not loaded".into(),
        SheetTooLarge { cells, limit } => format!("sheet is too large ({cells} cells, limit {limit}); not loaded"),
        NoSurveySheet => "no sheet with survey columns found (headers with item ids such as L1-VB-R1 or the item texts)".into(),
        Hidden => "hidden file or folder (its name starts with a dot); not read".into(),
        LockFile => "Office lock file (~$…); not read".into(),
        NotAFile => "not a regular file (pipe, socket or device); not read".into(),
        LinkOutside => "link leading outside the input folder; not followed".into(),
        LinkLoop => "link leading back to a folder above it; not followed".into(),
        OwnOutput => "lobmonitor's own output folder; not read".into(),
        NoInstitutionColumn => "institutions file without an «instelling» column; not used".into(),
        EmptyFile => "file is empty (0 bytes)".into(),
        NoSurveyTable => "text file without a survey table (no headers with item ids or item texts)".into(),
        NotASpreadsheet => "this is not a spreadsheet (no xlsx, xls, ods or text); save it as .xlsx".into(),
        TextNotSpreadsheet => "this is text with a spreadsheet name, without a survey table; save the survey as .xlsx or .csv".into(),
        HtmlNotSpreadsheet => "this is a web page with a spreadsheet name, not a spreadsheet; open it in Excel and save it as .xlsx".into(),
        XmlSpreadsheet => "XML spreadsheet (Excel 2003) is not read; save it as .xlsx".into(),
        Contribution(c) => contribution(c),
        CopyOf(p) => format!("copy of {p} (byte for byte the same); read once"),
        SameResponsesAs(p) => format!("the same responses as {p} (the same survey, another format); read once"),
        ReaderPanic => "file is corrupt: the reader failed on it".into(),
        UnrecognisedColumn => "column not recognised; ignored".into(),
        SecondColumnForItem(id) => format!("second column for item {id}; ignored"),
        HeaderlessColumn => "column without a header holds values; ignored".into(),
        MissingInstitution => "institution missing (no column; Info sheet, title row, file name and folder names name none)".into(),
        MissingYear => "year missing (no column; Info sheet, title row, sheet, file and folder names name none; no --year, no response date)".into(),
        InvalidYear => "year is not a valid year or school year (e.g. 2026, 2025-2026 or 25-26)".into(),
        MissingLine => "line missing (no column; sheet, file and folder names and title row name none; the items are of more than one line)".into(),
        InvalidLine => "line is not 1, 2 or 3 and no role of the framework (docent, mentor, decaan, teamleider, …)".into(),
        AmbiguousInstitution { source: s, candidates } => {
            let names: Vec<String> = candidates.iter().map(|c| format!("«{c}»")).collect();
            format!(
                "institution cannot be told: {} names {}; put the institution in an «instelling» column or an Info sheet",
                source(s),
                listed(&names, "and")
            )
        }
        RoleOfLines(lines) => {
            let l: Vec<String> = lines.iter().map(u8::to_string).collect();
            format!(
                "role belongs to lines {}, and the items answered are not all of one of those lines; put the line in a «lijn» column",
                listed(&l, "and")
            )
        }
        Reason::Vocabulary(v) => vocabulary(v),
        RolesDisagree => "roles of different lines in one value; put the line in a «lijn» column".into(),
        MissingRespondent => "respondent missing in a row of the long layout".into(),
        Duplicate(first) => format!("duplicate respondent (same institution, year and respondent as {first}); the first was kept"),
        NoValidAnswer => "no valid answer to an item of the own line".into(),
        BelowMinAnswered { answered, applicable, min } => format!(
            "excluded: answered {answered} of {applicable} applicable items (less than {:.0} %)", min * 100.0
        ),
        NotInAnswerTable => "answer not recognised (use yes, largely, somewhat, no or n/a)".into(),
        NotOnScale => "number is not in this sheet's legend".into(),
        AmbiguousNumbers { lo, hi } => format!(
            "numbers {lo}–{hi} found: which is yes? Put a legend above the header row (0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja) or an [[answers]] table in lobmonitor.toml"
        ),
        FormulaWithoutValue => "formula without a value: open and save in Excel".into(),
        FormulaError(e) => format!("formula error {e} in answer cell"),
        DateInAnswer => "date in an answer cell".into(),
        UnknownItem => "unknown item".into(),
        ItemNotInEdition(e) => format!("item is not in framework edition {e}, which applies to this year"),
        SecondAnswerForItem => "second answer to the same item for this respondent".into(),
        SummaryRow { by_formulas: false } => "summary row (a total, average or count); not read as a respondent".into(),
        SummaryRow { by_formulas: true } => "summary row (formulas summing, averaging or counting the column); not read as a respondent".into(),
        EveryRow { reason: r, rows } => format!(
            "every row of this sheet ({rows}) is rejected for the same reason: {}. Searched: {}",
            reason(r),
            searched(r)
        ),
        NothingAccepted => "no respondent of this file accepted (see the rejections)".into(),
    }
}

/// The places an identity value is looked for, in order (SPEC §3.3, §3.5).
fn searched(r: &Reason) -> &'static str {
    match r {
        Reason::MissingInstitution => "a column instelling/institution/school/brin, the Info sheet (Instelling, BRIN), the title row above the header, the file name, the folder names",
        Reason::MissingYear | Reason::InvalidYear => "a column jaar/year/schooljaar, the Info sheet (Jaar), the title row, the file name, the folder names, --year or year in the config",
        Reason::MissingLine | Reason::InvalidLine => "a column lijn/line/rol/role, the sheet name, the title row, the sheet's items (all of one line?), the file name, the folder names",
        _ => "the row itself",
    }
}

/// Why a contribution, or one institution-year of it, is not taken.
pub fn contribution(r: &ContributionRefusal) -> String {
    use ContributionRefusal::*;
    match r {
        NotUtf8 => "contribution is not UTF-8 text".into(),
        NotJson(error) => format!(
            "contribution is truncated or not valid JSON ({error}); make it again with lobmonitor contribute"
        ),
        NotAContribution => "not a lobmonitor contribution: its format or version field is missing".into(),
        Version { version, made_by, reads } => format!(
            "contribution in format version {version} (lobmonitor {made_by}); this lobmonitor reads version {reads}: make it again with this version"
        ),
        NoChecksum => "contribution without a checksum".into(),
        Changed => "contribution was changed after it was made (checksum does not match); make it again with lobmonitor contribute".into(),
        Shape { version, error } => format!("contribution does not have the shape of version {version}: {error}"),
        Impossible { institution, year, figure: f } => {
            format!("impossible figure in contribution: {institution} {year}{}", figure(f))
        }
        Edition { year, edition, run } => {
            format!("contribution scores {year} with framework edition {edition}; this run scores {year} with {run}")
        }
        AlreadyIn { institution, year, first } => {
            let first = match first {
                Earlier::Surveys => "the survey files",
                Earlier::Contribution(path) => path,
            };
            format!("{institution} {year} is already in {first}; that one counts, this one does not")
        }
    }
}

/// Which figure of an institution-year is impossible, after its name and year: the
/// contribution's own field names and values (`line`, `area`, `kind`, `n`, `item`,
/// `sector`).
fn figure(f: &Figure) -> String {
    match f {
        Figure::NoInstitution => ": no institution name".into(),
        Figure::Twice => " twice".into(),
        Figure::Sector(s) => format!(": sector {s}"),
        Figure::Line(l) => format!(": line {l}"),
        Figure::Area(a) => format!(": area {a}"),
        Figure::Kind(k) => format!(": kind {k}"),
        Figure::Group { line, area, kind, n } => format!(": line {line} {area} {kind} n {n}"),
        Figure::NoLineScore => ": no line score".into(),
        Figure::Item { item, line } => format!(": item {item} of line {line}"),
        Figure::ItemCount { item, n } => format!(": item {item} n {n}"),
    }
}

/// A sheet's unknown answers and the `[[answers]]` lines that would read them.
pub fn vocabulary(v: &Vocabulary) -> String {
    let mut out = String::new();
    if let Some((lo, hi)) = v.numbers {
        out += &reason(&Reason::AmbiguousNumbers { lo, hi });
        out += ". ";
    }
    out += &format!(
        "Answers the answer table does not know: {}. These lines in lobmonitor.toml read them (a proposal: check every line{}):\n{}",
        v.values_text(),
        v.existing.as_deref().map(|p| format!("; add them to the existing table files = \"{p}\"")).unwrap_or_default(),
        super::answers_toml(&v.proposal, "ja, grotendeels, enigszins, nee or n.v.t.", "too long for an answer word")
    );
    out
}

/// How much a rejection covers.
pub fn level(l: Level) -> &'static str {
    match l {
        Level::File => "file",
        Level::Sheet => "sheet",
        Level::Column => "column",
        Level::Row => "row",
        Level::Answer => "answer",
    }
}

/// What became of a file.
pub fn file_status(s: FileStatus) -> &'static str {
    match s {
        FileStatus::Accepted => "fully scored",
        FileStatus::Partial => "partly scored",
        FileStatus::Rejected => "rejected",
        FileStatus::Ignored => "ignored",
        FileStatus::Duplicate => "duplicate",
    }
}

/// A survey tool's name.
pub fn tool(t: Tool) -> &'static str {
    match t {
        Tool::Template => "lobmonitor template",
        Tool::MicrosoftForms => "Microsoft Forms",
        Tool::GoogleForms => "Google Forms",
        Tool::LimeSurvey => "LimeSurvey",
        Tool::Qualtrics => "Qualtrics",
        Tool::SurveyMonkey => "SurveyMonkey",
    }
}

/// What ingest noticed and acted on.
pub fn note(n: &NoteKind) -> String {
    match n {
        NoteKind::Tool(t) => format!("{} export recognised", tool(*t)),
        NoteKind::Legend(l) => format!("numbers read by the legend «{l}»"),
        NoteKind::ConfigScale(p) => format!("answers read by [[answers]] files = \"{p}\" in the config"),
        NoteKind::Transposed => "transposed sheet read: items down a column, one column per respondent".into(),
        NoteKind::DerivedSheet => "derived sheet: formulas repeating other sheets (a total); not scored".into(),
        NoteKind::Identity(facts) => facts
            .iter()
            .map(|f| match &f.value {
                Some(v) => format!("{} «{v}» from {}", field(f.field), source(&f.source)),
                None => format!("{} from {}", field(f.field), source(&f.source)),
            })
            .collect::<Vec<_>>()
            .join("; "),
        NoteKind::HeaderRows(n) => format!("{n} extra header row(s) recognised and skipped"),
        NoteKind::Contribution(what) => format!(
            "contribution: the figures of {what}, without answers; the respondent scores, rejected rows and answers and the column matching of its own files stayed with the institution (the counts are given with this file), duplicate respondents were looked for within its own files only"
        ),
    }
}

/// An identity field (or a long layout's item or answer column).
pub fn field(f: Field) -> &'static str {
    match f {
        Field::Respondent => "respondent",
        Field::Institution => "institution",
        Field::Year => "year",
        Field::Line => "line",
        Field::Location => "location",
        Field::Team => "team",
        Field::Item => "item",
        Field::Answer => "answer",
    }
}

/// How a column was matched to its item.
pub fn how(h: How) -> &'static str {
    match h {
        How::Id => "item id",
        How::Text => "item text",
        How::Code => "survey tool's code",
        How::Invisible => "after removing invisible characters",
        How::Numbered => "after removing the question number",
        How::Grid => "statement of a grid question",
        How::Similar => "most similar item text",
    }
}

/// Where an identity fact came from, as the object of "from".
pub fn source(s: &Source) -> String {
    match s {
        Source::Column(h) => format!("the column «{h}»"),
        Source::Info => "the Info sheet".into(),
        Source::Title => "the title row".into(),
        Source::SheetName => "the sheet name".into(),
        Source::SheetItems => "the sheet's items (all of one line)".into(),
        Source::FileName => "the file name".into(),
        Source::Folder(n) => format!("the folder name «{n}»"),
        Source::Config => "the config (year or --year)".into(),
        Source::ResponseDate(h) => format!("each row's response date (column «{h}», school year August–July)"),
    }
}

/// Why there is nothing to read at all.
pub fn ingest_error(e: &IngestError) -> String {
    match e {
        IngestError::NoInput(path) => format!("input folder {path} does not exist or is not a folder"),
        IngestError::Unreadable { path, reason: r } => format!("input folder {path} cannot be read: {}", reason(r)),
    }
}

/// Why the output folder is left alone, and what to do.
pub fn refusal(r: &Refusal) -> String {
    let new_folder = "choose a new or empty folder with --output";
    match r {
        Refusal::NotAFolder(p) => {
            format!("the output {} is an existing file, not a folder: it is left alone; {new_folder}", p.display())
        }
        Refusal::DanglingLink(p) => {
            format!("the output {} is a symbolic link that leads nowhere; {new_folder}", p.display())
        }
        Refusal::Unclear(p) => format!("the output folder {}: has '..' below a folder that does not exist", p.display()),
        Refusal::Root => format!("the output folder is the root (/) of the system; {new_folder}"),
        Refusal::IsInput => format!("the output folder is the input folder: the surveys would be lost; {new_folder}"),
        Refusal::HoldsInput => {
            format!("the output folder holds the input folder: the surveys would be lost; {new_folder}")
        }
        Refusal::IsWorkingFolder => format!("the output folder is the folder you are working in; {new_folder}"),
        Refusal::HoldsWorkingFolder => format!("the output folder holds the folder you are working in; {new_folder}"),
        Refusal::IsHome => format!("the output folder is your home folder; {new_folder}"),
        Refusal::HoldsHome => format!("the output folder holds your home folder; {new_folder}"),
        Refusal::MountPoint(p) => format!(
            "the output folder {} is the mount point of another file system; choose a folder inside it",
            p.display()
        ),
        Refusal::NotOurs { entries, total } => {
            let named: Vec<String> = entries
                .iter()
                .map(|e| match e.why {
                    Foreign::Unlisted => e.path.clone(),
                    Foreign::Changed => format!("{} (changed since lobmonitor wrote it)", e.path),
                    Foreign::Unverifiable => format!("{} (from an older lobmonitor without a checksum)", e.path),
                    Foreign::Special => format!("{} (a link or special file)", e.path),
                })
                .collect();
            let more = if *total > entries.len() { format!(" and {} more", total - entries.len()) } else { String::new() };
            format!(
                "the output folder holds files lobmonitor did not write and is left alone: {}{more}; {new_folder}",
                named.join(", ")
            )
        }
        Refusal::OpenWorkbooks(names) => {
            format!("a workbook in the output folder is open: {}; close it and run again", names.join(", "))
        }
        Refusal::CannotRemove(p, why) => format!(
            "the previous outputs cannot be replaced: {p} ({why}); they are left as they were; {new_folder}"
        ),
        Refusal::MountedInside(p) => format!(
            "the previous outputs cannot be replaced: {p} (another file system is mounted there); they are left as they were; {new_folder}"
        ),
        Refusal::CannotLook(p, why) => format!("cannot look inside the output folder: {p} ({why}); {new_folder}"),
    }
}

// The run's messages: one function per message, its figures and paths as arguments.

pub fn cannot_write(path: &dyn Display) -> String {
    format!("cannot write {path}")
}

pub fn cannot_create(path: &dyn Display) -> String {
    format!("cannot create {path}")
}

pub fn cannot_remove(path: &dyn Display) -> String {
    format!("cannot remove {path}")
}

pub fn cannot_lock(path: &dyn Display) -> String {
    format!("cannot lock {path}")
}

pub fn folder_not_writable(folder: &dyn Display) -> String {
    format!("the folder {folder} is not writable")
}

pub fn another_run_writing(output: &dyn Display) -> String {
    format!("another lobmonitor run is writing {output}; wait until it has finished")
}

pub fn folder_cannot_be_made(folder: &dyn Display) -> String {
    format!("folder {folder} cannot be created")
}

pub fn cannot_put_back(output: &dyn Display) -> String {
    format!("cannot put the previous outputs back: {output}")
}

pub fn cannot_move_into(output: &dyn Display) -> String {
    format!("cannot move the outputs into {output}")
}

pub fn cannot_move_aside(output: &dyn Display) -> String {
    format!("cannot move the previous outputs aside: {output}")
}

pub fn working_folder_unreadable() -> String {
    "the working folder cannot be read".into()
}

/// A config value outside its range (`min_group_size: must lie in 1–1000`).
pub fn must_lie_in(key: &str, range: &str) -> String {
    format!("{key}: must lie in {range}")
}

/// A privacy threshold below its floor without `allow_small_groups`.
pub fn below_floor(key: &str, value: &dyn Display, floor: u32) -> String {
    format!(
        "{key} = {value}: below {floor} only with allow_small_groups = true (the outputs are then not for publication)"
    )
}

/// Why the config file could not be read.
pub fn config_unreadable(why: &Unreadable) -> String {
    match why {
        Unreadable::NotFound => "file does not exist".into(),
        Unreadable::NoPermission => "no permission to read it".into(),
        Unreadable::NotUtf8 => "not UTF-8 text".into(),
        Unreadable::TooLarge(kib) => format!("larger than {kib} KiB; not a config file"),
        Unreadable::NotRegular => "not a regular file".into(),
        Unreadable::Other(e) => format!("cannot be read ({e})"),
    }
}

/// Where in the config file (`line 3: `).
pub fn at_line(line: usize) -> String {
    format!("line {line}: ")
}

pub fn unknown_key(key: &str, known: &str) -> String {
    format!("unknown key «{key}»; known keys: {known}")
}

/// What a value should have been.
pub fn expected(what: Expected) -> String {
    let what = match what {
        Expected::WholeNumber => "a whole number, 0 or more",
        Expected::Number => "a number (with a decimal point)",
        Expected::Boolean => "true or false",
        Expected::Text => "text in quotes",
        Expected::List => "a list in [ ]",
    };
    format!("expected {what}")
}

/// The warning on every output of a run with lowered privacy thresholds.
pub fn not_for_publication() -> &'static str {
    "NOT FOR PUBLICATION: the privacy thresholds were lowered (allow_small_groups); small groups can be recognised."
}

// The commands' messages.

/// The progress bar's stages.
pub fn stage_reading() -> &'static str {
    "reading"
}

pub fn stage_scoring() -> &'static str {
    "scoring"
}

/// The line every run ends with.
pub fn run_summary(s: &RunSummary, out: &str) -> String {
    format!(
        "{}, {} scored ({} excluded, {} rejected), {}, {:.1} s → {out}",
        counted(s.files as u64, "file", "files"),
        counted(s.respondents, "respondent", "respondents"),
        s.excluded,
        s.rejected,
        counted(s.rejections as u64, "rejection listed", "rejections listed"),
        s.seconds
    )
}

/// `run`: no file of the input folder could be read.
pub fn no_readable_survey_in(input: &dyn Display, looked_at: usize) -> String {
    let files = if looked_at == 1 { "file looked at" } else { "files looked at" };
    format!("no readable survey file in {input} ({looked_at} {files}); the previous outputs are left as they were")
}

/// `validate`: no file given could be read.
pub fn no_readable_survey() -> String {
    "no readable survey file".into()
}

pub fn does_not_exist(path: &dyn Display) -> String {
    format!("{path} does not exist")
}

pub fn reference_takes_no_contributions() -> String {
    "run --reference reads an institution's own survey files; contributions belong to the national run".into()
}

pub fn template_written(to: &str) -> String {
    format!("template written to {to}")
}

pub fn contribution_name_taken(path: &dyn Display) -> String {
    format!("{path} exists and is not a contribution; choose another name")
}

pub fn input_holds_contribution(found: &str) -> String {
    format!("the input already holds a contribution; a contribution is made of survey files only: {found}")
}

pub fn no_respondent_scored(input: &dyn Display) -> String {
    format!("no respondent scored in {input}")
}

pub fn contribution_written(to: &str, years: &str, respondents: u64) -> String {
    format!("contribution written to {to} ({years}; {respondents} respondents; no answers, ids or names)")
}

/// The framework's names of its lines, areas and kinds (`framework.rs` hands them over).
pub fn line(l: Line) -> String {
    format!("Line {}", l.number())
}

/// Who a line is, as the framework describes it.
pub fn line_description(l: Line) -> &'static str {
    match l {
        Line::L1 => "guides of young people in the primary educational process (teachers/mentors/coaches)",
        Line::L2 => "specialist career guidance professional (coordinator/career or study adviser/school counsellor)",
        Line::L3 => "career guidance coordinator and policy maker (counsellor/coordinator or manager)",
    }
}

pub fn area(a: Area) -> &'static str {
    match a {
        Area::VB => "Vision and policy",
        Area::OB => "Orientation and guidance",
        Area::OR => "Organisation",
        Area::SW => "Cooperation",
    }
}

pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::R => "Role",
        Kind::D => "Expertise",
    }
}
