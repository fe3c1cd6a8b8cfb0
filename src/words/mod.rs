//! The words of what the lower modules hand over as data — why ingest did not score a
//! file, sheet, column, row or answer ([`Reason`], [`Vocabulary`]), what it noticed
//! ([`NoteKind`], [`Tool`], [`Source`], [`Field`], [`How`]), how a file or a rejection is
//! classed ([`FileStatus`], [`Level`]), why the output folder is left alone
//! ([`Refusal`]), why a contribution is not taken (`contribution::Refusal`, handed over
//! in `Reason::Contribution`) — and the run's messages (failures to read, write or lock; the config's
//! read, parse and range errors; the commands' summaries and failures; the progress
//! bar's stages): in Dutch in [`nl`], in English in its twin [`en`], each an exhaustive
//! `match` or one function per message, the same names in both files, so a word missing
//! in one language does not compile.
//!
//! Why a module of its own, beside `report::words` (the reports' words): ingest,
//! `publish` and `config` sit below `report` in the pipeline (`lib.rs`); their words
//! live here so that none of them imports `report`, and none of them words anything
//! itself. They produce data (the enums with their fields); whoever shows it — the
//! reports, `validate`, `rejections.csv`, the command's message on standard error —
//! words it here, in the language it is given as a value. There is no language of the
//! process: see [`crate::lang`] for which language a message takes.
//!
//! The stable codes of the tables (`Level::code`, `FileStatus::code`, `How::code`) stay
//! with their types: they are data, the same in both languages.

pub mod en;
pub mod nl;

use crate::ingest::cell::Field;
use crate::ingest::ledger::{FileStatus, Level, NoteKind, Tool};
use crate::ingest::matching::How;
use crate::ingest::names::Source;
use crate::ingest::reason::{Proposal, Proposed, Reason, Vocabulary};
use crate::ingest::IngestError;
use crate::lang::Lang;
use crate::publish::Refusal;

/// A message with figures or paths in it, in `lang`: `say!(lang, cannot_write(path))`
/// calls [`nl::cannot_write`] or [`en::cannot_write`] (one function per message and
/// language, side by side in `nl.rs` and `en.rs`).
macro_rules! say {
    ($lang:expr, $f:ident($($a:expr),* $(,)?)) => {
        match $lang {
            $crate::lang::Lang::Nl => $crate::words::nl::$f($($a),*),
            $crate::lang::Lang::En => $crate::words::en::$f($($a),*),
        }
    };
}
pub(crate) use say;

/// Calls the Dutch or the English function of the same name.
macro_rules! twin {
    ($lang:expr, $f:ident, $x:expr) => {
        match $lang {
            Lang::Nl => nl::$f($x),
            Lang::En => en::$f($x),
        }
    };
}

impl Reason {
    /// Why, in `lang`, as rejections.csv, Datakwaliteit and `validate` say it.
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, reason, self)
    }
}

impl Vocabulary {
    /// The unknown answers and the lines that would read them, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, vocabulary, self)
    }
}

impl Level {
    /// The level in the run's language (workbooks and messages; tables keep the code).
    pub fn word(self, lang: Lang) -> &'static str {
        twin!(lang, level, self)
    }
}

impl FileStatus {
    /// The status in the run's language (workbooks and messages; the manifest keeps the
    /// code).
    pub fn word(self, lang: Lang) -> &'static str {
        twin!(lang, file_status, self)
    }
}

impl Tool {
    /// The tool's name (only lobmonitor's own template is translated).
    pub fn name(self, lang: Lang) -> &'static str {
        twin!(lang, tool, self)
    }
}

impl NoteKind {
    /// What ingest noticed, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, note, self)
    }
}

impl Field {
    /// The identity field's name, as a note says it.
    pub fn label(self, lang: Lang) -> &'static str {
        twin!(lang, field, self)
    }
}

impl How {
    /// How a column was matched to its item, as the column mapping says it.
    pub fn text(self, lang: Lang) -> &'static str {
        twin!(lang, how, self)
    }
}

impl Source {
    /// "the file name", as the object of "from".
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, source, self)
    }
}

impl Refusal {
    /// Why the output folder is left alone, and what to do, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, refusal, self)
    }
}

impl IngestError {
    /// Why there is nothing to read at all, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        twin!(lang, ingest_error, self)
    }
}

/// The `[[answers]]` lines of a proposal as TOML, its comments in one language: `choose`
/// after a value with no proposal (the answer words to choose from), `too_long` after
/// a value cut short.
fn answers_toml(p: &Proposal, choose: &str, too_long: &str) -> String {
    use crate::ingest::vocabulary::quote;
    let mut toml = String::new();
    if let Some(files) = &p.files {
        toml += "[[answers]]\n";
        toml += &format!("files = {}\n", quote(files));
    }
    for (value, proposed) in &p.lines {
        toml += &match proposed {
            Proposed::Word(word) => format!("{} = {}\n", quote(value), quote(word)),
            Proposed::Choose => format!("# {} = \"\"  ({choose})\n", quote(value)),
            Proposed::TooLong => format!("# {} …  ({too_long})\n", quote(value)),
        };
    }
    toml
}

/// What a run's one-line summary says (`cmd::run::summary`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunSummary {
    /// Files read or rejected (not those ignored).
    pub files: usize,
    pub respondents: u64,
    pub excluded: u64,
    pub rejected: u64,
    /// Lines of rejections.csv.
    pub rejections: usize,
    pub seconds: f64,
}

/// `1 bestand`, `2 bestanden`: a count with the word for one or for more.
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `a`, `a en b`, `a, b en c`: a list closed by the word for "and" (nothing for none).
fn listed(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
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

#[cfg(test)]
mod tests;
