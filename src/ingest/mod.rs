//! Ingest: every survey spreadsheet below the input folder becomes typed respondent
//! records plus a ledger of everything that was not accepted (SPEC §3). Ingest knows
//! spreadsheets, layouts and answer tokens; it knows nothing of scores or reports.
//!
//! Files are read in parallel; the decisions that need all files in view (duplicates
//! across files, the reconciliation counts) are taken afterwards, in path order, so a
//! run's result does not depend on thread timing.

pub mod answer;
pub mod institutions;
pub mod layout;
pub mod ledger;
pub mod rows;
pub mod workbook;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use foldhash::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::framework::{Editions, ItemIdx, Line};
use crate::lang::Lang;
use answer::BlankPolicy;
use institutions::InstitutionMeta;
use layout::{find_header, is_info_sheet, is_survey, read_info, Header, Info};
use ledger::{a1, Counts, FileStatus, InputFile, Ledger, Level, Reason, Rejection};
use rows::{Defaults, RawRow, SheetCtx};
use rows::{Kept, RejectedAnswer};
use workbook::{read_workbook, Format, Limits};

/// How ingest reads answers and which respondents it accepts.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub blank: BlankPolicy,
    /// A respondent who answered less than this share of their applicable own-line
    /// items is excluded.
    pub min_answered: f64,
    /// The year for rows whose sheet and workbook give none (`--year`).
    pub year: Option<u16>,
    pub limits: Limits,
    /// Language of the reasons in the ledger.
    pub lang: Lang,
    /// The institutions file (SPEC §3.4); default `instellingen.csv`/`.xlsx` in the input.
    pub institutions_file: Option<PathBuf>,
    /// Ticks once per file read (a hidden bar when not on a terminal).
    pub progress: Progress,
}

/// A progress bar shared by the stages; hidden unless the run is on a terminal.
#[derive(Clone)]
pub struct Progress(pub indicatif::ProgressBar);

impl Progress {
    pub fn hidden() -> Progress {
        Progress(indicatif::ProgressBar::hidden())
    }

    /// Starts a stage of `len` steps with a message.
    pub fn stage(&self, message: &str, len: u64) {
        self.0.reset();
        self.0.set_length(len);
        self.0.set_message(message.to_string());
    }

    pub fn tick(&self) {
        self.0.inc(1);
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::hidden()
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            blank: BlankPolicy::Missing,
            min_answered: 0.5,
            year: None,
            limits: Limits::default(),
            lang: Lang::Nl,
            institutions_file: None,
            progress: Progress::hidden(),
        }
    }
}

/// A scored respondent: who, and their own-line answers.
#[derive(Debug, Clone)]
pub struct Respondent {
    /// Pseudonymous key (`R000001`), never the input id.
    pub key: String,
    /// Index into `Ledger::files`.
    pub file: usize,
    pub institution: String,
    pub year: u16,
    pub line: Line,
    /// The framework edition (index into the run's `Editions`) the items belong to.
    pub edition: u8,
    /// Own-line items with a degree, in thirds (0..=3).
    pub answers: Vec<(ItemIdx, u8)>,
    /// Own-line items answered n.v.t.
    pub na: Vec<ItemIdx>,
}

/// What ingest hands to scoring.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    pub respondents: Vec<Respondent>,
    /// Every institution that sent a readable row, with what is known of it.
    pub institutions: BTreeMap<String, InstitutionMeta>,
    pub ledger: Ledger,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("input folder {0} does not exist or is not a folder")]
    NoInput(String),
    #[error("institutions file {path}: {reason}")]
    Institutions { path: String, reason: String },
}

/// Survey files and everything else below `root`, in path order. Lock files (`~$…`)
/// and hidden files are left out entirely.
pub fn discover(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with("~$") || name.starts_with('.') {
                continue;
            }
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                walk(&e.path(), out);
            } else if ft.is_file() {
                out.push(e.path());
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort();
    out
}

/// A path relative to the input folder, `/`-separated.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// One file after reading, before the cross-file decisions.
struct FileRead {
    file: InputFile,
    rows: Vec<RawRow>,
    info: Option<Info>,
    /// File, sheet, column and unknown-item rejections found while reading.
    rejections: Vec<Rejection>,
    /// Long-layout answers to unknown items: read and rejected.
    unknown_answers: u64,
}

fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_one(editions: &Editions, root: &Path, path: &Path, index: usize, opts: &IngestOptions) -> FileRead {
    let rel = relative(root, path);
    let mut file = InputFile {
        path: rel.clone(),
        sha256: String::new(),
        bytes: 0,
        status: FileStatus::Accepted,
        respondents: 0,
        counts: Counts::default(),
        note: None,
    };
    let mut out =
        FileRead { file: file.clone(), rows: Vec::new(), info: None, rejections: Vec::new(), unknown_answers: 0 };
    let reject_file = |mut out: FileRead, reason: Reason| {
        out.file.status = FileStatus::Rejected;
        out.rejections.push(Rejection {
            file: rel.clone(),
            sheet: String::new(),
            cell: String::new(),
            level: Level::File,
            value: String::new(),
            reason: reason.clone(),
        });
        out.file.note = Some(reason);
        out
    };
    let Some(format) = Format::from_path(path) else {
        file.status = FileStatus::Ignored;
        file.bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        out.file = file;
        return out;
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    out.file.bytes = size;
    if size > opts.limits.max_file_bytes {
        return reject_file(out, Reason::TooLarge { bytes: size, limit: opts.limits.max_file_bytes });
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return reject_file(out, Reason::Unreadable(e.to_string())),
    };
    out.file.sha256 = sha256_hex(&bytes);
    let (sheets, problems) = match read_workbook(&bytes, format, opts.limits) {
        Ok(s) => s,
        Err(reason) => return reject_file(out, reason),
    };
    for p in problems {
        out.rejections.push(Rejection {
            file: rel.clone(),
            sheet: p.sheet,
            cell: String::new(),
            level: Level::File,
            value: String::new(),
            reason: p.reason,
        });
    }
    let info = sheets.iter().find(|s| is_info_sheet(&s.name)).map(read_info);
    let mut survey_sheets = 0;
    for sheet in sheets.iter().filter(|s| !is_info_sheet(&s.name)) {
        // The header as each edition reads it; the first that finds survey columns leads.
        let headers: Vec<Option<Header>> = editions.iter().map(|(_, fw)| find_header(fw, sheet)).collect();
        let Some(primary) = headers.iter().position(|h| h.as_ref().is_some_and(is_survey)) else { continue };
        let header = headers[primary].as_ref().expect("found above");
        let same_row: Vec<Option<&Header>> =
            headers.iter().map(|h| h.as_ref().filter(|h| h.row == header.row)).collect();
        survey_sheets += 1;
        // A column is unrecognised only if no edition recognises it.
        let recognised = |col: u32| same_row.iter().flatten().any(|h| h.columns.iter().any(|(c, _)| *c == col));
        for ig in header.ignored.iter().filter(|ig| !recognised(ig.col)) {
            out.rejections.push(Rejection {
                file: rel.clone(),
                sheet: sheet.name.clone(),
                cell: a1(header.row, ig.col),
                level: Level::Column,
                value: ig.header.clone(),
                reason: ig.reason.clone(),
            });
        }
        // Values in a column without a header would otherwise vanish unseen.
        let known: Vec<u32> =
            header.columns.iter().map(|(c, _)| *c).chain(header.ignored.iter().map(|i| i.col)).collect();
        let mut headerless: Vec<u32> = sheet.rows[header.index + 1..]
            .iter()
            .flat_map(|r| r.cells.iter().map(|(c, _)| *c))
            .filter(|c| !known.contains(c))
            .collect();
        headerless.sort_unstable();
        headerless.dedup();
        for c in headerless {
            out.rejections.push(Rejection {
                file: rel.clone(),
                sheet: sheet.name.clone(),
                cell: a1(header.row, c),
                level: Level::Column,
                value: String::new(),
                reason: Reason::HeaderlessColumn,
            });
        }
        let present =
            same_row.iter().map(|h| h.map(|h| h.items().map(|(_, i)| i).collect()).unwrap_or_default()).collect();
        let ctx = Arc::new(SheetCtx { file: index, sheet: sheet.name.clone(), present });
        let defaults = Defaults { info: info.as_ref(), sheet_line: Line::parse(&sheet.name), year: opts.year };
        if header.long {
            let (rows, unknown) = rows::long_rows(editions, sheet, header, primary, ctx, &defaults);
            out.rows.extend(rows);
            for u in unknown {
                out.unknown_answers += 1;
                out.rejections.push(Rejection {
                    file: rel.clone(),
                    sheet: sheet.name.clone(),
                    cell: a1(u.row, u.col),
                    level: Level::Answer,
                    value: u.item,
                    reason: Reason::UnknownItem,
                });
            }
        } else {
            out.rows.extend(rows::wide_rows(editions, sheet, &same_row, primary, ctx, &defaults));
        }
    }
    out.info = info;
    if survey_sheets == 0 {
        return reject_file(out, Reason::NoSurveySheet);
    }
    out
}

/// Reads every file below `input` and decides, for every row and item cell, where it goes.
pub fn ingest(editions: &Editions, input: &Path, opts: &IngestOptions) -> Result<Ingested, IngestError> {
    if !input.is_dir() {
        return Err(IngestError::NoInput(input.display().to_string()));
    }
    let mut files = discover(input);
    let inst_file = match &opts.institutions_file {
        Some(p) => Some(p.clone()),
        None => files.iter().find(|p| institutions::is_institutions_file(input, p)).cloned(),
    };
    let metas = match &inst_file {
        Some(p) => institutions::read(p)
            .map_err(|reason| IngestError::Institutions { path: p.display().to_string(), reason })?,
        None => BTreeMap::new(),
    };
    if let Some(p) = &inst_file {
        files.retain(|f| f != p);
    }
    Ok(ingest_files(editions, input, &files, metas, opts))
}

/// Reads the given files (relative names are taken against `root`).
pub fn ingest_files(
    editions: &Editions,
    root: &Path,
    files: &[PathBuf],
    metas: BTreeMap<String, InstitutionMeta>,
    opts: &IngestOptions,
) -> Ingested {
    // Files are read on every core, taken in order from a shared counter, while this
    // thread classifies them in file order as they arrive: the classification (which
    // must see files in order: duplicates, the Info sheet) runs beside the reading
    // instead of after it, and each file's raw rows are dropped once classified.
    opts.progress.stage("lezen / reading", files.len() as u64);
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, FileRead)>();
    std::thread::scope(|scope| {
        let next = &next;
        scope.spawn(move || {
            rayon::scope(|rs| {
                for _ in 0..rayon::current_num_threads() {
                    let tx = tx.clone();
                    rs.spawn(move |_| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(p) = files.get(i) else { break };
                        let read = read_one(editions, root, p, i, opts);
                        opts.progress.tick();
                        if tx.send((i, read)).is_err() {
                            break;
                        }
                    });
                }
            });
        });
        classify(editions, InOrder { rx, next: 0, early: BTreeMap::new() }, metas, opts)
    })
}

/// Reads as they arrive from the readers, handed on in file order.
struct InOrder {
    rx: std::sync::mpsc::Receiver<(usize, FileRead)>,
    next: usize,
    early: BTreeMap<usize, FileRead>,
}

impl Iterator for InOrder {
    type Item = FileRead;

    fn next(&mut self) -> Option<FileRead> {
        let read = loop {
            if let Some(r) = self.early.remove(&self.next) {
                break r;
            }
            // The readers are done (or one failed): no file is left out silently, the
            // scope re-raises a reader's panic.
            let (i, r) = self.rx.recv().ok()?;
            if i == self.next {
                break r;
            }
            self.early.insert(i, r);
        };
        self.next += 1;
        Some(read)
    }
}

/// Where each row and cell goes (SPEC §3.3), in file and row order.
fn classify(
    editions: &Editions,
    reads: impl Iterator<Item = FileRead>,
    mut metas: BTreeMap<String, InstitutionMeta>,
    opts: &IngestOptions,
) -> Ingested {
    let mut ledger = Ledger::default();
    let mut respondents = Vec::new();
    let mut seen: HashMap<(String, u16, String), String> = HashMap::default();
    let line_items: HashMap<(u8, Line), Vec<ItemIdx>> = (0..editions.len())
        .flat_map(|e| Line::ALL.iter().map(move |&l| (e, l)))
        .map(|(e, l)| ((e as u8, l), editions.get(e).line_items(l).collect()))
        .collect();
    for (fi, read) in reads.enumerate() {
        let FileRead { mut file, rows, info, mut rejections, unknown_answers } = read;
        let mut c = Counts { answers_read: unknown_answers, answers_rejected: unknown_answers, ..Counts::default() };
        let mut filled: Vec<String> = Vec::new();
        for row in rows {
            c.rows_read += 1;
            let row_cell = a1(row.row, row.first_col);
            let reject_row = |rejections: &mut Vec<Rejection>, reason: Reason, value: String| {
                rejections.push(Rejection {
                    file: file.path.clone(),
                    sheet: row.ctx.sheet.clone(),
                    cell: row_cell.clone(),
                    level: Level::Row,
                    value,
                    reason,
                });
            };
            let list_answer = |rejections: &mut Vec<Rejection>, cell: &rows::RawCell, r: &RejectedAnswer| {
                rejections.push(Rejection {
                    file: file.path.clone(),
                    sheet: row.ctx.sheet.clone(),
                    cell: a1(cell.row, cell.col),
                    level: Level::Answer,
                    value: r.value.clone(),
                    reason: r.reason.clone(),
                });
            };
            let ident = match &row.identity {
                Ok(id) => id.clone(),
                Err((reason, value)) => {
                    // Line unknown: no cell can be other-line.
                    c.respondents_rejected += 1;
                    reject_row(&mut rejections, reason.clone(), value.clone());
                    for cell in &row.cells {
                        c.answers_read += 1;
                        match &cell.answer {
                            Kept::NotApplicable => c.answers_na += 1,
                            Kept::Rejected(r) => {
                                c.answers_rejected += 1;
                                list_answer(&mut rejections, cell, r);
                            }
                            _ => c.answers_unscored += 1,
                        }
                    }
                    continue;
                }
            };
            // What the workbook's Info sheet says of the institution, once per file.
            if filled.last() != Some(&ident.institution) && !filled.contains(&ident.institution) {
                let meta = metas
                    .entry(ident.institution.clone())
                    .or_insert_with(|| InstitutionMeta::named(&ident.institution));
                if let Some(info) = &info {
                    meta.fill_from_info(info);
                }
                filled.push(ident.institution.clone());
            }
            // Duplicates are checked before the answer rules.
            let mut duplicate = None;
            if let Some(resp) = &row.respondent {
                let key = (ident.institution.clone(), ident.year, resp.clone());
                let here = format!("{} / {} / {}", file.path, row.ctx.sheet, row_cell);
                match seen.get(&key) {
                    Some(first) => duplicate = Some(first.clone()),
                    None => {
                        seen.insert(key, here);
                    }
                }
            }
            let fw = editions.get(row.edition as usize);
            let own = &line_items[&(row.edition, ident.line)];
            let mut cells = row.cells;
            if opts.blank == BlankPolicy::No {
                for &item in &row.ctx.present[row.edition as usize] {
                    if fw.item(item).id.line == ident.line && !cells.iter().any(|c| c.item == item) {
                        cells.push(rows::RawCell { item, row: row.row, col: 0, answer: Kept::Degree(0) });
                    }
                }
            }
            let is_own = |item: ItemIdx| item != rows::NOT_IN_EDITION && fw.item(item).id.line == ident.line;
            let answered = cells.iter().filter(|x| is_own(x.item) && matches!(x.answer, Kept::Degree(_))).count();
            let na = cells.iter().filter(|x| is_own(x.item) && x.answer == Kept::NotApplicable).count();
            let nonempty_own = cells.iter().filter(|x| is_own(x.item)).count();
            let applicable = own.len() - na;
            let scored = if let Some(first) = duplicate {
                c.respondents_rejected += 1;
                reject_row(&mut rejections, Reason::Duplicate(first), String::new());
                false
            } else if answered == 0 {
                c.respondents_rejected += 1;
                reject_row(&mut rejections, Reason::NoValidAnswer, String::new());
                false
            } else if (answered as f64) < opts.min_answered * applicable as f64 {
                c.respondents_excluded += 1;
                reject_row(
                    &mut rejections,
                    Reason::BelowMinAnswered { answered, applicable, min: opts.min_answered },
                    String::new(),
                );
                false
            } else {
                c.respondents_scored += 1;
                c.answers_missing += (own.len() - nonempty_own) as u64;
                true
            };
            let mut resp = Respondent {
                key: String::new(),
                file: fi,
                institution: ident.institution.clone(),
                year: ident.year,
                line: ident.line,
                edition: row.edition,
                answers: Vec::new(),
                na: Vec::new(),
            };
            for cell in &cells {
                c.answers_read += 1;
                if cell.item == rows::NOT_IN_EDITION {
                    if let Kept::Rejected(r) = &cell.answer {
                        c.answers_rejected += 1;
                        list_answer(&mut rejections, cell, r);
                    }
                    continue;
                }
                if !is_own(cell.item) {
                    c.answers_other_line += 1;
                    continue;
                }
                match &cell.answer {
                    Kept::NotApplicable => {
                        c.answers_na += 1;
                        resp.na.push(cell.item);
                    }
                    Kept::Rejected(r) => {
                        c.answers_rejected += 1;
                        list_answer(&mut rejections, cell, r);
                    }
                    Kept::Degree(d) if scored => {
                        c.answers_scored += 1;
                        resp.answers.push((cell.item, *d));
                    }
                    _ => c.answers_unscored += 1,
                }
            }
            if scored {
                resp.answers.sort_unstable();
                resp.na.sort_unstable();
                resp.key = format!("R{:06}", respondents.len() + 1);
                respondents.push(resp);
            }
        }
        file.counts = c;
        file.respondents = c.respondents_scored;
        if file.status == FileStatus::Accepted && !rejections.is_empty() {
            file.status = FileStatus::Partial;
        }
        ledger.counts.add(&c);
        ledger.rejections.extend(rejections);
        ledger.files.push(file);
    }
    Ingested { respondents, institutions: metas, ledger }
}
