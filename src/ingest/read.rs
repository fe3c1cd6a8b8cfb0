//! One file into raw rows: its format, then per sheet its layout, header, title,
//! legend and answer scale, and the rows below the header. Everything this file alone
//! can say about what it does not read is listed here; the decisions that need every
//! file in view wait for `classify`.

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::framework::{Editions, Framework, Line};
use crate::ingest::answer::{whole_number, Legend, Scale};
use crate::ingest::cell::{cell_text, Field, Sheet, SheetRow};
use crate::ingest::discover::relative;
use crate::ingest::info::{is_info_sheet, read_info, Info};
use crate::ingest::layout::{
    find_header, find_legend, find_title, recognise_tool, transpose_if_across, transposed_respondent_column, Header,
    Layout, TitleInfo,
};
use crate::ingest::ledger::{
    visible, ColumnMapping, Counts, FileStatus, IdentityFact, InputFile, Level, Note, NoteKind, Place, Rejection, Tool,
};
use crate::ingest::names::{parse_year, read_name, Candidates, NameFacts, Source};
use crate::ingest::options::IngestOptions;
use crate::ingest::readers::SheetInput;
use crate::ingest::reason::Reason;
use crate::ingest::roles::Lines;
use crate::ingest::rows::{Defaults, RawRow, SheetCtx};
use crate::ingest::workbook::{read_workbook, Format};
use crate::ingest::{summary, vocabulary};
use crate::text::normalize;

/// One file after reading, before the cross-file decisions.
pub(crate) struct FileRead {
    pub file: InputFile,
    pub rows: Vec<RawRow>,
    pub info: Option<Info>,
    /// File, sheet, column and unknown-item rejections found while reading.
    pub rejections: Vec<Rejection>,
    pub notes: Vec<Note>,
    pub mappings: Vec<ColumnMapping>,
    /// Long-layout answers to unknown items: read and rejected.
    pub unknown_answers: u64,
    /// Totals, averages and counts under the data: listed, not read (SPEC §3.5).
    pub summary_rows: u64,
}

impl FileRead {
    fn new(path: String) -> FileRead {
        FileRead {
            file: InputFile {
                path,
                sha256: String::new(),
                bytes: 0,
                status: FileStatus::Accepted,
                respondents: 0,
                counts: Counts::default(),
                note: None,
            },
            rows: Vec::new(),
            info: None,
            rejections: Vec::new(),
            notes: Vec::new(),
            mappings: Vec::new(),
            unknown_answers: 0,
            summary_rows: 0,
        }
    }

    /// The whole file is not read: listed with its reason.
    fn reject(mut self, reason: Reason) -> FileRead {
        self.file.status = FileStatus::Rejected;
        self.rejections.push(Place::new(&self.file.path, "").reject(Level::File, None, String::new(), reason.clone()));
        self.file.note = Some(reason);
        self
    }

    /// Not a survey file: listed as ignored, with why.
    fn ignore(mut self, reason: Option<Reason>) -> FileRead {
        self.file.status = FileStatus::Ignored;
        self.file.note = reason;
        self
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn read_one(editions: &Editions, root: &Path, path: &Path, index: usize, opts: &IngestOptions) -> FileRead {
    let mut out = FileRead::new(relative(root, path));
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return out.reject(Reason::from_io(&e)),
    };
    // A pipe, socket or device is never opened: reading one may never end.
    if !meta.is_file() {
        return out.ignore(Some(Reason::NotAFile));
    }
    out.file.bytes = meta.len();
    let Some(format) = Format::from_path(path) else {
        return out.ignore(None);
    };
    if out.file.bytes > opts.limits.max_file_bytes {
        let bytes = out.file.bytes;
        return out.reject(Reason::TooLarge { bytes, limit: opts.limits.max_file_bytes });
    }
    // Read no more than the limit, whatever the size said a moment ago.
    let mut bytes = Vec::with_capacity(out.file.bytes as usize);
    let read = std::fs::File::open(path).and_then(|f| {
        std::io::Read::read_to_end(&mut std::io::Read::take(f, opts.limits.max_file_bytes + 1), &mut bytes)
    });
    if let Err(e) = read {
        return out.reject(Reason::from_io(&e));
    }
    if bytes.len() as u64 > opts.limits.max_file_bytes {
        return out.reject(Reason::TooLarge { bytes: bytes.len() as u64, limit: opts.limits.max_file_bytes });
    }
    if bytes.is_empty() {
        return out.reject(Reason::EmptyFile);
    }
    out.file.sha256 = sha256_hex(&bytes);
    let (sheets, problems) = match read_workbook(&bytes, format, opts.limits) {
        Ok(s) => s,
        Err(reason) => return out.reject(reason),
    };
    drop(bytes);
    for p in problems {
        out.rejections.push(Place::new(&out.file.path, &p.sheet).reject(Level::File, None, String::new(), p.reason));
    }
    let info = sheets.iter().find(|s| is_info_sheet(&s.name)).map(read_info);
    let names = FileNames::of(root, path, opts);
    let mut survey_sheets = 0;
    for sheet in sheets.iter().filter(|s| !is_info_sheet(&s.name)) {
        if read_sheet(editions, sheet, index, info.as_ref(), &names, opts, &mut out) {
            survey_sheets += 1;
        }
    }
    out.info = info;
    if survey_sheets == 0 {
        // A text file is only a survey if it holds one; a workbook was meant to be.
        return match format {
            Format::Delimited => out.ignore(Some(Reason::NoSurveyTable)),
            _ if sheets.len() == 1 && sheets[0].name == crate::ingest::delimited::SHEET => {
                out.reject(Reason::TextNotSpreadsheet)
            }
            _ => out.reject(Reason::NoSurveySheet),
        };
    }
    out
}

/// What the file's name and the names of the folders it lies in say (SPEC §3.5).
struct FileNames {
    file: NameFacts,
    /// Nearest first, with the folder's name as written.
    folders: Vec<(String, NameFacts)>,
}

impl FileNames {
    /// The folders are those below the input folder (`run`), or below a folder given to
    /// `validate`; a file given to `validate` by itself is read by its own name only
    /// (the folders above it are the user's, not the survey's).
    fn of(root: &Path, path: &Path, opts: &IngestOptions) -> FileNames {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let file = read_name(&stem, &opts.roles);
        let below = match &opts.name_roots {
            None => path.strip_prefix(root).ok(),
            Some(roots) => roots.iter().find_map(|r| path.strip_prefix(r).ok()),
        };
        let folders = below
            .and_then(Path::parent)
            .map(|p| {
                p.components()
                    .rev()
                    .filter_map(|c| match c {
                        std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                        _ => None,
                    })
                    .map(|n| {
                        let facts = read_name(&n, &opts.roles);
                        (n, facts)
                    })
                    .collect()
            })
            .unwrap_or_default();
        FileNames { file, folders }
    }
}

/// The headers of a sheet as each edition reads it, and the edition that leads (the
/// first whose header finds survey columns).
fn headers_of(editions: &Editions, sheet: &Sheet) -> (Vec<Option<Header>>, Option<usize>) {
    let headers: Vec<Option<Header>> = editions.iter().map(|(_, fw)| find_header(fw, sheet)).collect();
    let primary = headers.iter().position(|h| h.as_ref().is_some_and(Header::is_survey));
    (headers, primary)
}

/// What the context of a sheet says of institution, year and line, each in the order it
/// is asked (SPEC §3.5): the Info sheet, the title row, the sheet's name (year and line
/// only: sheets are named after teams as often as after anything else), the sheet's
/// items (the line), the file's name, the folders' names nearest first, the config.
fn context<'a>(
    sheet: &Sheet,
    header: &Header,
    info: Option<&Info>,
    title: Option<&TitleInfo>,
    items_line: Option<Line>,
    names: &FileNames,
    opts: &'a IngestOptions,
) -> Defaults<'a> {
    let mut sheet_name = read_name(&sheet.name, &opts.roles);
    // A sheet named by a bare ordinal ("2", "2e") is that line's.
    if sheet_name.line.is_none() && normalize(&sheet.name).len() <= 4 {
        sheet_name.line = Line::parse(&sheet.name).map(Lines::one);
    }
    let mut d = Defaults {
        roles: Some(&opts.roles),
        team: info.and_then(|i| i.team.clone()),
        location: info.and_then(|i| i.location.clone()),
        ..Defaults::default()
    };
    let named = std::iter::once((Source::FileName, &names.file))
        .chain(names.folders.iter().map(|(n, f)| (Source::Folder(n.clone()), f)));
    if let Some(name) = info.and_then(|i| i.institution.clone().or_else(|| i.brin.clone())) {
        d.institution.push((Source::Info, Candidates::One(name)));
    }
    if let Some(v) = info.and_then(|i| i.year.as_ref()) {
        d.year.push((Source::Info, parse_year(v).ok_or_else(|| cell_text(v))));
    }
    if let Some(t) = title {
        d.institution.push((Source::Title, t.facts.institution.clone()));
        d.year.extend(t.facts.year.map(|y| (Source::Title, Ok(y))));
    }
    d.year.extend(sheet_name.year.map(|y| (Source::SheetName, Ok(y))));
    d.line.extend(sheet_name.line.map(|l| (Source::SheetName, l)));
    d.line.extend(title.and_then(|t| t.facts.line).map(|l| (Source::Title, l)));
    d.line.extend(items_line.map(|l| (Source::SheetItems, Lines::one(l))));
    for (source, facts) in named {
        d.institution.push((source.clone(), facts.institution.clone()));
        d.year.extend(facts.year.map(|y| (source.clone(), Ok(y))));
        d.line.extend(facts.line.map(|l| (source.clone(), l)));
    }
    d.year.extend(opts.year.map(|y| (Source::Config, Ok(y))));
    // The response date: the completion time first (when the answers were given).
    const STAMPS: &[&str] = &[
        "completion time",
        "tijd van voltooien",
        "end date",
        "enddate",
        "submitdate",
        "recordeddate",
        "recorded date",
        "timestamp",
        "tijdstempel",
        "datestamp",
        "start time",
        "begintijd",
        "start date",
        "startdate",
    ];
    d.stamp = STAMPS.iter().find_map(|s| header.ignored.iter().find(|i| normalize(&i.header) == *s).map(|i| i.col));
    d
}

/// The header text of a column, as the sheet writes it.
fn header_text(sheet: &Sheet, header: &Header, col: u32) -> String {
    let at = |i: usize| sheet.rows.get(i).and_then(|r| r.get(col)).map(cell_text).filter(|t| !t.is_empty());
    at(header.index).or_else(|| header.index.checked_sub(1).and_then(at)).map(|t| visible(&t)).unwrap_or_default()
}

/// Says, per sheet, where its institution, year and line come from (SPEC §3.5): the
/// column where the sheet has one (each row its own value), else the first source of
/// the context that gives one. Nothing is said where nothing was found: the rows'
/// rejections say that.
fn identity_notes(
    sheet: &Sheet,
    header: &Header,
    d: &Defaults<'_>,
    title: Option<&TitleInfo>,
    place: &Place,
    notes: &mut Vec<Note>,
) {
    let mut facts = Vec::new();
    let mut say = |field: Field, value: Option<String>, source: Source| {
        facts.push(IdentityFact { field, value, source });
    };
    let column = |f: Field| header.field(f).map(|c| Source::Column(header_text(sheet, header, c)));
    match column(Field::Institution) {
        Some(c) => say(Field::Institution, None, c),
        None => {
            if let Ok((name, source)) = d.institution() {
                say(Field::Institution, Some(name.to_string()), source.clone());
            }
        }
    }
    match (column(Field::Year), d.year()) {
        (Some(c), _) => say(Field::Year, None, c),
        (None, Some((source, Ok(y)))) => say(Field::Year, Some(y.to_string()), source.clone()),
        (None, Some((_, Err(_)))) => {}
        (None, None) => {
            if let Some(c) = d.stamp {
                say(Field::Year, None, Source::ResponseDate(header_text(sheet, header, c)));
            }
        }
    }
    match column(Field::Line) {
        Some(c) => say(Field::Line, None, c),
        None => {
            if let Some((source, lines)) = d.line() {
                say(Field::Line, Some(lines.words("/")), source.clone());
            }
        }
    }
    if facts.is_empty() {
        return;
    }
    // At the title cell where the title says something; cells named as the sheet was
    // written, not as it was read (across).
    let at = title.filter(|_| facts.iter().any(|f| f.source == Source::Title)).map(|t| t.at);
    notes.push(Place::new(&place.file, &place.sheet).note(at, NoteKind::Identity(facts)));
}

/// Reads one sheet into `out`; false when it holds no survey. The steps, in order:
/// find the header (turning a sheet whose items run down a column), set apart the
/// rows that are not data (a derived sheet, summary rows), note what the header says
/// (tool, extra header rows), account for every column, read the answer scale, read
/// the rows, and explain causes shared by the sheet.
fn read_sheet(
    editions: &Editions,
    original: &Sheet,
    index: usize,
    info: Option<&Info>,
    names: &FileNames,
    opts: &IngestOptions,
    out: &mut FileRead,
) -> bool {
    let Some(found) = find_sheet_header(editions, original) else { return false };
    let sheet = found.turned.as_ref().unwrap_or(original);
    let header = found.header();
    let mut place = Place::new(&out.file.path, &sheet.name);
    place.transposed = found.turned.is_some();
    // The headers of the other editions that stand on the same row: each reads the
    // columns of its own items.
    let same_row: Vec<Option<&Header>> =
        found.headers.iter().map(|h| h.as_ref().filter(|h| h.row == header.row)).collect();
    let columns = SheetColumns::of(sheet, header, found.turned.is_some());

    // Rows that are not data: a sheet of formulas repeating other sheets is not scored;
    // totals, averages and counts under the data are listed and counted, never read.
    let summaries = summary::find(sheet, header.data_from, &columns.identity, &columns.values);
    let summary_rows: Vec<u32> = summaries.iter().map(|s| s.row).collect();
    if is_derived(sheet, header, &columns.items, &summary_rows) {
        out.notes.push(place.note(None, NoteKind::DerivedSheet));
        return true;
    }
    for s in &summaries {
        out.summary_rows += 1;
        out.rejections.push(place.reject(
            Level::Row,
            Some((s.row, s.col)),
            s.label.clone(),
            Reason::SummaryRow { by_formulas: s.by_formulas() },
        ));
    }
    // What the header says, and every column accounted for.
    note_header(sheet, header, info.is_some(), found.turned.is_some(), &place, out);
    account_for_columns(sheet, header, &same_row, columns.respondent, editions.get(found.primary), &place, out);

    // What the rows above the header say: a title naming who, a legend naming numbers.
    let above = if found.turned.is_some() { original } else { sheet };
    let title: Option<TitleInfo> = find_title(above, found.title_header_index, &opts.roles);
    let legend =
        find_legend(above, found.title_header_index.max(if found.turned.is_some() { 0 } else { header.index }));
    let data_rows = sheet.rows[header.data_from..].iter().filter(|r| summary_rows.binary_search(&r.row).is_err());
    let (scale, config) = answer_scale(legend, data_rows, &columns.values, opts, &place, out);

    // The rows, with what the sheet's context says of who they are.
    let fw = editions.get(found.primary);
    let present = same_row.iter().map(|h| h.map(|h| h.items().map(|(_, i)| i).collect()).unwrap_or_default()).collect();
    let ctx = Arc::new(SheetCtx { file: index, place: place.clone(), present, summary_rows });
    let lines: Vec<Line> = header.items().map(|(_, i)| fw.item(i).id.line).collect();
    let items_line = lines.first().copied().filter(|l| lines.iter().all(|x| x == l));
    let defaults = context(sheet, header, info, title.as_ref(), items_line, names, opts);
    identity_notes(sheet, header, &defaults, title.as_ref(), &place, &mut out.notes);
    let first_row = out.rows.len();
    let input = SheetInput {
        editions,
        sheet,
        headers: &same_row,
        primary: found.primary,
        scale: &scale,
        ctx,
        defaults: &defaults,
    };
    let read = header.layout.read(&input);
    out.rows.extend(read.rows);
    for u in read.unknown {
        out.unknown_answers += 1;
        out.rejections.push(place.reject(Level::Answer, Some((u.row, u.col)), u.item, Reason::UnknownItem));
    }
    explain_sheet(&out.rows[first_row..], &scale, config, &place, &mut out.rejections);
    true
}

/// A sheet's header as each edition reads it, found in the sheet as it stands or, where
/// its items run down a column, in the sheet turned a quarter.
struct FoundHeader {
    /// The sheet turned a quarter, where it is read across.
    turned: Option<Sheet>,
    /// The header as each edition reads it.
    headers: Vec<Option<Header>>,
    /// The edition that leads: the first whose header finds survey columns.
    primary: usize,
    /// The row of the original sheet above which a title and a legend are looked for.
    title_header_index: usize,
}

impl FoundHeader {
    fn header(&self) -> &Header {
        self.headers[self.primary].as_ref().expect("the primary edition found a header")
    }
}

/// Finds the header; a sheet without survey columns, or with fewer than three items
/// across, is tried turned a quarter (items down a column, one column per respondent).
/// None: no survey in the sheet.
fn find_sheet_header(editions: &Editions, original: &Sheet) -> Option<FoundHeader> {
    let (headers, primary) = headers_of(editions, original);
    let wide_items =
        primary.and_then(|p| headers[p].as_ref()).filter(|h| h.layout == Layout::Wide).map(|h| h.items().count());
    let turned = if primary.is_none() || wide_items.is_some_and(|n| n < 3) {
        editions.iter().find_map(|(_, fw)| transpose_if_across(fw, original, wide_items.unwrap_or(0)))
    } else {
        None
    };
    match turned {
        Some(t) => {
            let (mut headers, primary) = headers_of(editions, &t);
            for h in headers.iter_mut().flatten() {
                h.layout = h.layout.turned();
            }
            let title_header_index = original.rows.iter().position(|r| r.cells.len() > 1).unwrap_or(0);
            Some(FoundHeader { turned: Some(t), headers, primary: primary?, title_header_index })
        }
        None => {
            let primary = primary?;
            let title_header_index = headers[primary].as_ref().map_or(0, |h| h.index);
            Some(FoundHeader { turned: None, headers, primary, title_header_index })
        }
    }
}

/// The columns of a sheet by what they hold.
struct SheetColumns {
    /// Item columns (wide and transposed layouts).
    items: Vec<u32>,
    /// The columns holding answers: the items, or a long sheet's answer column.
    values: Vec<u32>,
    /// The identity columns, the respondent column of a turned sheet included.
    identity: Vec<u32>,
    /// A turned sheet's respondent column (the row above its first item, read across).
    respondent: Option<u32>,
}

impl SheetColumns {
    fn of(sheet: &Sheet, header: &Header, turned: bool) -> SheetColumns {
        let respondent = if turned { transposed_respondent_column(header, sheet) } else { None };
        let items: Vec<u32> = header.items().map(|(c, _)| c).collect();
        let values: Vec<u32> = match header.layout {
            Layout::Long => header.field(Field::Answer).into_iter().collect(),
            Layout::Wide | Layout::Transposed => items.clone(),
        };
        let identity: Vec<u32> =
            [Field::Respondent, Field::Institution, Field::Year, Field::Line, Field::Location, Field::Team]
                .into_iter()
                .filter_map(|f| header.field(f))
                .chain(respondent)
                .collect();
        SheetColumns { items, values, identity, respondent }
    }
}

/// Whether a sheet is formulas repeating other sheets (a total): more than half of its
/// filled item cells, summary rows aside, are formulas. Such a sheet is not scored.
fn is_derived(sheet: &Sheet, header: &Header, item_cols: &[u32], summary_rows: &[u32]) -> bool {
    let (mut formulas, mut filled) = (0usize, 0usize);
    let mut sorted = item_cols.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    for r in sheet.rows[header.data_from..].iter().filter(|r| summary_rows.binary_search(&r.row).is_err()) {
        // A row without formulas (nearly every one) has its values counted in one walk.
        if r.formulas.is_empty() && sorted.len() == item_cols.len() {
            filled += r.values_in(&sorted).count();
            continue;
        }
        for &c in item_cols {
            let f = r.is_formula(c);
            if f || r.get(c).is_some() {
                filled += 1;
                formulas += usize::from(f);
            }
        }
    }
    filled > 0 && formulas * 2 > filled
}

/// Notes what the header says of the sheet: the survey tool by its metadata columns and
/// rows (not the template's own), header rows that are not data, and a sheet read
/// across.
fn note_header(sheet: &Sheet, header: &Header, has_info: bool, turned: bool, place: &Place, out: &mut FileRead) {
    let header_rows = header.index.saturating_sub(1)..header.data_from;
    let texts: Vec<String> = sheet.rows[header_rows]
        .iter()
        .filter(|r| r.row + 1 >= header.row)
        .flat_map(|r| r.texts())
        // Only a short text can be one of a tool's column names (every ASCII letter or
        // digit stays one after normalising): the items' long question texts are not
        // normalised for nothing.
        .filter(|(_, t)| t.bytes().filter(u8::is_ascii_alphanumeric).count() <= crate::ingest::layout::TOOL_NAME_MAX)
        .map(|(_, t)| normalize(&t))
        .collect();
    let import_id = sheet.rows[header.index + 1..header.data_from]
        .iter()
        .any(|r| r.texts().any(|(_, t)| t.starts_with("{\"ImportId\"")));
    let by_id = header.items().count() > 0 && header.mapped.is_empty();
    if let Some(tool) = recognise_tool(&texts, import_id, has_info && by_id) {
        if tool != Tool::Template {
            out.notes.push(place.note(None, NoteKind::Tool(tool)));
        }
    }
    if header.extra_rows > 0 {
        out.notes.push(place.note(Some((header.row, 0)), NoteKind::HeaderRows(header.extra_rows)));
    }
    if turned {
        out.notes.push(place.note(None, NoteKind::Transposed));
    }
}

/// Accounts for every column: each one not used is listed with why, each item matched
/// other than exactly goes to the column mapping, and values in a column without a
/// header (which would otherwise vanish unseen) are listed.
fn account_for_columns(
    sheet: &Sheet,
    header: &Header,
    same_row: &[Option<&Header>],
    respondent_col: Option<u32>,
    fw: &Framework,
    place: &Place,
    out: &mut FileRead,
) {
    let recognised = |col: u32| same_row.iter().flatten().any(|h| h.columns.iter().any(|(c, _)| *c == col));
    for ig in header.ignored.iter().filter(|ig| !recognised(ig.col) && Some(ig.col) != respondent_col) {
        out.rejections.push(place.reject(
            Level::Column,
            Some((ig.row, ig.col)),
            visible(&ig.header),
            ig.reason.clone(),
        ));
    }
    for m in &header.mapped {
        out.mappings.push(ColumnMapping {
            file: place.file.clone(),
            sheet: place.sheet.clone(),
            cell: place.cell(m.row, m.col),
            header: visible(&m.header),
            item: fw.item(m.item).id.to_string(),
            how: m.how,
            similarity: m.similarity,
        });
    }
    let mut known: Vec<u32> = header
        .columns
        .iter()
        .map(|(c, _)| *c)
        .chain(header.ignored.iter().map(|i| i.col))
        .chain(respondent_col)
        .collect();
    known.sort_unstable();
    let mut headerless: Vec<u32> = sheet.rows[header.data_from..]
        .iter()
        .flat_map(|r| r.cells.iter().map(|(c, _)| *c))
        .filter(|c| known.binary_search(c).is_err())
        .collect();
    headerless.sort_unstable();
    headerless.dedup();
    for c in headerless {
        out.rejections.push(place.reject(
            Level::Column,
            Some((header.row, c)),
            String::new(),
            Reason::HeaderlessColumn,
        ));
    }
}

/// The answer scale of a sheet: the config's `[[answers]]` table for the file, else the
/// legend above the header, else the answer table alone; checked against the whole
/// numbers in the answer columns of the data rows (summary rows left out: a count of 13
/// or an average of 0.67 says nothing of the scale). With the config table's `files`
/// pattern, where one applies.
fn answer_scale<'a, 'o>(
    legend: Option<Legend>,
    data_rows: impl Iterator<Item = &'a SheetRow>,
    value_cols: &[u32],
    opts: &'o IngestOptions,
    place: &Place,
    out: &mut FileRead,
) -> (Scale, Option<&'o str>) {
    let config = opts.answers.iter().find(|a| a.applies_to(&place.file));
    let mut scale = Scale::new(legend.clone(), config.map(|a| (a.files.as_str(), a.tokens.as_slice())));
    match (&legend, config) {
        (_, Some(a)) => out.notes.push(place.note(None, NoteKind::ConfigScale(a.files.as_str().to_string()))),
        (Some(l), None) => out
            .notes
            .push(Place::new(&place.file, &place.sheet).note(Some((l.row, 0)), NoteKind::Legend(l.text.clone()))),
        _ => {}
    }
    let mut cols = value_cols.to_vec();
    cols.sort_unstable();
    cols.dedup();
    scale.check_numbers(data_rows.flat_map(|r| r.values_in(&cols)).filter_map(whole_number));
    (scale, config.map(|a| a.files.as_str()))
}

/// One explanation per cause (SPEC §3.5), said once for the sheet: an answer
/// vocabulary the answer table does not know, and a reason every row shares.
fn explain_sheet(rows: &[RawRow], scale: &Scale, existing: Option<&str>, place: &Place, out: &mut Vec<Rejection>) {
    if let Some(v) = vocabulary::explain(rows, scale.ambiguous(), &place.file, existing) {
        out.push(place.reject(Level::Sheet, None, v.values_text(), Reason::Vocabulary(Box::new(v))));
    }
    if let [first, rest @ ..] = rows {
        if let Err((reason, _)) = &first.identity {
            if !rest.is_empty() && rest.iter().all(|r| matches!(&r.identity, Err((x, _)) if x == reason)) {
                let every = Reason::EveryRow { reason: Box::new(reason.clone()), rows: rows.len() as u64 };
                out.push(place.reject(Level::Sheet, None, String::new(), every));
            }
        }
    }
}
