//! Ingest: every survey spreadsheet below the input folder becomes typed respondent
//! records plus a ledger of everything that was not accepted (SPEC §3). Ingest knows
//! spreadsheets, layouts and answer tokens; it knows nothing of scores or reports.
//!
//! `read` turns one file into raw rows (format, layout, header, answers); `classify`
//! then takes the decisions that need every file in view (duplicates within and across
//! files, the reconciliation counts), in path order, so a run's result does not depend
//! on thread timing.

pub mod answer;
mod classify;
pub mod delimited;
pub mod discover;
pub mod guards;
pub mod institutions;
pub mod layout;
pub mod ledger;
pub mod matching;
pub mod names;
mod read;
pub mod rows;
pub mod spelling;
pub mod summary;
pub mod vocabulary;
pub mod workbook;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::framework::Editions;
use crate::framework::{ItemIdx, Line};
use crate::lang::Lang;
use answer::{Answer, BlankPolicy};
use institutions::InstitutionMeta;
use ledger::Ledger;
use workbook::Limits;

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
    /// Folders never read as input: the output folder and those beside it a run writes.
    pub exclude: Vec<PathBuf>,
    /// Answer tables of the config for named files (`[[answers]]`).
    pub answers: Vec<AnswerTable>,
    /// Ticks once per file read (a hidden bar when not on a terminal).
    pub progress: Progress,
    /// Role names and their lines: the framework's and the config's `[roles]`.
    pub roles: names::Roles,
    /// The folders whose sub-folders' names are read as context (SPEC §3.5): `None`
    /// for the input folder (`run`); `validate` gives the folders it was given, so a
    /// file given by itself is read by its own name only.
    pub name_roots: Option<Vec<PathBuf>>,
}

/// An `[[answers]]` table: tokens and the answers they stand for, in files whose
/// relative path or name matches `files`.
#[derive(Debug, Clone)]
pub struct AnswerTable {
    pub files: glob::Pattern,
    /// Normalised tokens (numbers as written) and their answers.
    pub tokens: Vec<(String, Answer)>,
}

impl AnswerTable {
    pub fn applies_to(&self, relative_path: &str) -> bool {
        let name = relative_path.rsplit('/').next().unwrap_or(relative_path);
        self.files.matches(relative_path) || self.files.matches(name)
    }
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
            exclude: Vec::new(),
            answers: Vec::new(),
            progress: Progress::hidden(),
            roles: names::Roles::default(),
            name_roots: None,
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
    /// Location and team, where the survey has them.
    pub location: Option<String>,
    pub team: Option<String>,
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
    /// Statistics of the institution-years sent as contributions (SPEC §9).
    pub contributed: crate::score::Statistics,
    /// The institutions file read (its path as listed, and how many institutions it
    /// names), for `validate` to say so.
    pub institutions_file: Option<(String, usize)>,
}

/// Why there is nothing to read at all (exit 1), in the run's language.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{what} {path} {is}", what = crate::lang::say("invoermap", "input folder"), path = .0, is = crate::lang::say("bestaat niet of is geen map", "does not exist or is not a folder"))]
    NoInput(String),
    /// The input folder is there but cannot be listed (permission denied, path too
    /// long, …): said as such, not as "no readable survey file".
    #[error("{} {path} {}: {}", crate::lang::say("invoermap", "input folder"), crate::lang::say("kan niet gelezen worden", "cannot be read"), .reason.text(crate::lang::Lang::messages()))]
    Unreadable { path: String, reason: ledger::Reason },
}

pub use discover::{discover, relative, terminal_safe, Walk};

/// Reads every file below `input` and decides, for every row and item cell, where it goes.
pub fn ingest(editions: &Editions, input: &Path, opts: &IngestOptions) -> Result<Ingested, IngestError> {
    if !input.is_dir() {
        return Err(IngestError::NoInput(input.display().to_string()));
    }
    if let Err(e) = std::fs::read_dir(input) {
        return Err(IngestError::Unreadable { path: input.display().to_string(), reason: ledger::Reason::from_io(&e) });
    }
    let Walk { files, skipped } = discover(input, &opts.exclude);
    Ok(ingest_found(editions, input, &[input.to_path_buf()], files, skipped, opts))
}

/// Reads what a walk found, as `run` and `validate` both do: the institutions file
/// (`opts.institutions_file`, else `instellingen.csv`/`.xlsx` directly in one of `roots`,
/// the first in path order), the contributions (known by their content, whatever they
/// are called: SPEC §9), the survey files; then lists what the walk left out. Paths are
/// shown relative to `root`.
pub fn ingest_found(
    editions: &Editions,
    root: &Path,
    roots: &[PathBuf],
    mut files: Vec<PathBuf>,
    skipped: Vec<(PathBuf, ledger::Reason)>,
    opts: &IngestOptions,
) -> Ingested {
    let inst_file = match &opts.institutions_file {
        Some(p) => Some(p.clone()),
        None => files.iter().find(|p| roots.iter().any(|r| institutions::is_institutions_file(r, p))).cloned(),
    };
    // A broken institutions file is a rejected file; the surveys go on without it.
    let mut inst_problem = None;
    let metas = match &inst_file {
        Some(p) => institutions::read(p).unwrap_or_else(|reason| {
            inst_problem = Some((p.clone(), reason));
            BTreeMap::new()
        }),
        None => BTreeMap::new(),
    };
    let named = metas.len();
    if let Some(p) = &inst_file {
        files.retain(|f| f != p);
    }
    // Each file's first bytes are looked at (a contribution is known by its content):
    // in parallel, since it is a system call or three per file.
    let (contributions, files): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_par_iter().partition(|p| crate::contribution::looks_like(p));
    let mut ingested = ingest_files(editions, root, &files, metas, opts);
    crate::contribution::admit(editions, root, &contributions, &mut ingested);
    let ledger = &mut ingested.ledger;
    if let Some((path, reason)) = inst_problem {
        let path = relative(root, &path);
        ledger.rejections.push(ledger::Place::new(&path, "").reject(
            ledger::Level::File,
            None,
            String::new(),
            reason.clone(),
        ));
        ledger.files.push(ledger::InputFile::listed(path, ledger::FileStatus::Rejected, reason));
    } else if let Some(p) = inst_file {
        ingested.institutions_file = Some((relative(root, &p), named));
    }
    list_skipped(&mut ingested.ledger, root, skipped);
    ingested
}

/// Lists what the walk did not read: what it left out on purpose (hidden, lock files,
/// links outside, …) as ignored; what the system would not let it read (a folder or
/// file it may not open, a path too long) as rejected, with a file-level rejection,
/// since it may hold surveys (exit 3).
pub fn list_skipped(ledger: &mut Ledger, root: &Path, skipped: Vec<(PathBuf, ledger::Reason)>) {
    for (path, reason) in skipped {
        let path = relative(root, &path);
        if reason.is_read_failure() {
            let place = ledger::Place::new(&path, "");
            ledger.rejections.push(place.reject(ledger::Level::File, None, String::new(), reason.clone()));
            ledger.files.push(ledger::InputFile::listed(path, ledger::FileStatus::Rejected, reason));
        } else {
            ledger.files.push(ledger::InputFile::listed(path, ledger::FileStatus::Ignored, reason));
        }
    }
}

/// Reads the given files (relative names are taken against `root`): each on a rayon
/// worker, then, in file order, the decisions that need every file in view.
pub fn ingest_files(
    editions: &Editions,
    root: &Path,
    files: &[PathBuf],
    metas: BTreeMap<String, InstitutionMeta>,
    opts: &IngestOptions,
) -> Ingested {
    opts.progress.stage("lezen / reading", files.len() as u64);
    let reads: Vec<(read::FileRead, Vec<u64>)> = files
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let r = read::read_one(editions, root, p, i, opts);
            let prints = r.rows.iter().map(classify::fingerprint).collect();
            opts.progress.tick();
            (r, prints)
        })
        .collect();
    classify::classify(editions, reads, metas, opts)
}
