//! Ingest: every survey spreadsheet below the input folder becomes typed respondent
//! records plus a ledger of everything that was not accepted (SPEC §3). Ingest knows
//! spreadsheets, layouts and answer tokens; it knows nothing of scores or reports.
//!
//! `read` turns one file into raw rows (format, layout, header, answers); `classify`
//! then takes the decisions that need every file in view (duplicates within and across
//! files, the reconciliation counts), in path order, so a run's result does not depend
//! on thread timing.
//!
//! The modules import one another in one direction only, never in a circle
//! (`tests/code_shape.rs` checks it): `cell` (a sheet as the readers hand it over),
//! `roles` and `matching` import nothing of ingest; what a sheet says (`names`, `stamps`,
//! `info`, `answer`, `summary`) and why something is not scored (`reason`) build on them;
//! then the file readers (`guards`, `delimited`, `workbook`), `layout`, the `ledger`,
//! `rows` (what a row is) and `readers` (one per sheet layout), and on top `read` and
//! `classify`. This root only declares, re-exports and runs the
//! steps.

pub mod answer;
pub mod cell;
mod classify;
pub mod delimited;
pub mod discover;
pub mod guards;
pub mod info;
mod ingested;
pub mod institutions;
pub mod layout;
pub mod ledger;
pub mod matching;
pub mod names;
mod options;
mod read;
pub mod readers;
pub mod reason;
pub mod roles;
pub mod rows;
pub mod spelling;
pub mod stamps;
pub mod summary;
pub mod vocabulary;
pub mod workbook;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::framework::Editions;
use institutions::InstitutionMeta;
use ledger::Ledger;

/// Why there is nothing to read at all (exit 1). Data, as every reason of ingest: the
/// command words it (`IngestError::text`, in `src/words/`) in the run's language.
#[derive(Debug)]
pub enum IngestError {
    /// The input folder does not exist or is no folder.
    NoInput(String),
    /// The input folder is there but cannot be listed (permission denied, path too
    /// long, …): said as such, not as "no readable survey file".
    Unreadable { path: String, reason: ledger::Reason },
}

pub use discover::{discover, relative, terminal_safe, Walk};
pub use ingested::{Ingested, Respondent};
pub use options::{AnswerTable, IngestOptions, Progress};

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
    opts.progress.stage(&opts.reading_stage, files.len() as u64);
    let own_items = classify::own_items(editions);
    // Beside the reading, on the same worker: each row's fingerprint and the tally of
    // its cells, which classification only adds up.
    let reads: Vec<(read::FileRead, Vec<u64>, Vec<classify::Tally>)> = files
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut r = read::read_one(editions, root, p, i, opts);
            let prints = r.rows.iter().map(classify::fingerprint).collect();
            let tallies = r.rows.iter_mut().map(|row| classify::tally(editions, &own_items, row, opts.blank)).collect();
            opts.progress.tick();
            (r, prints, tallies)
        })
        .collect();
    classify::classify(reads, metas, opts)
}
