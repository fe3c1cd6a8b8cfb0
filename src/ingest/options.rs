//! How a run asks ingest to read: the answer policy, thresholds and limits, the
//! institutions file, folders never read, the config's answer tables and roles, and the
//! progress bar the stages tick. No language: ingest hands over reasons as data, and
//! whoever shows them words them (`src/words/`).

use std::path::PathBuf;

use crate::ingest::answer::{Answer, BlankPolicy};
use crate::ingest::guards::Limits;
use crate::ingest::roles;

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
    /// The institutions file (SPEC §3.4); default `instellingen.csv`/`.xlsx` in the input.
    pub institutions_file: Option<PathBuf>,
    /// Folders never read as input: the output folder and those beside it a run writes.
    pub exclude: Vec<PathBuf>,
    /// Answer tables of the config for named files (`[[answers]]`).
    pub answers: Vec<AnswerTable>,
    /// Ticks once per file read (a hidden bar when not on a terminal).
    pub progress: Progress,
    /// Role names and their lines: the framework's and the config's `[roles]`.
    pub roles: roles::Roles,
    /// The folders whose sub-folders' names are read as context (SPEC §3.5): `None`
    /// for the input folder (`run`); `validate` gives the folders it was given, so a
    /// file given by itself is read by its own name only.
    pub name_roots: Option<Vec<PathBuf>>,
    /// The progress bar's label while the files are read, in the run's language (given
    /// by the command: ingest words nothing).
    pub reading_stage: String,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            blank: BlankPolicy::Missing,
            min_answered: 0.5,
            year: None,
            limits: Limits::default(),
            institutions_file: None,
            exclude: Vec::new(),
            answers: Vec::new(),
            progress: Progress::hidden(),
            roles: roles::Roles::default(),
            name_roots: None,
            reading_stage: String::new(),
        }
    }
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
