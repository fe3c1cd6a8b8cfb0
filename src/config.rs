//! `lobmonitor.toml` (SPEC §8): every key has a default; the file only overrides, and an
//! unknown key is an error that names it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::ingest::answer::BlankPolicy;
use crate::lang::Lang;

/// Which outputs a run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    SectorWorkbook,
    Portret,
    Charts,
    Tables,
}

/// A later framework edition and the first year it applies to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    pub from_year: u16,
    pub framework: PathBuf,
}

/// Image formats for charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartFormat {
    Png,
    Svg,
}

/// Tokens and the answers they stand for, in the files `files` names (a glob against
/// the path relative to the input folder, or the file name): `[[answers]] files =
/// "teams-*.xlsx"`, `"3" = "ja"`, `"2" = "grotendeels"`. Numbers mapped here replace
/// the answer table's numbers for those files (SPEC §3.2).
#[derive(Debug, Clone, Deserialize)]
pub struct AnswersConfig {
    pub files: String,
    #[serde(flatten)]
    pub tokens: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Smallest group shown (SPEC §5); default 5.
    pub min_group_size: u64,
    /// Fewest institutions for a distribution or a peer group; default 3.
    pub min_institutions: usize,
    /// Share of applicable own-line items a respondent must answer; default 0.5.
    pub min_answered: f64,
    /// `"missing"` (default) or `"no"` for checkbox forms.
    pub blank: BlankPolicy,
    pub lang: Lang,
    /// Another framework edition (a catalogue file like `framework/raamwerk-2017.toml`).
    pub framework: Option<PathBuf>,
    /// Later editions, each from its first year on: `[[editions]] from_year = 2028,
    /// framework = "…toml"`. A change of edition is a series break.
    pub editions: Vec<EditionConfig>,
    /// Year for rows whose sheet and workbook give none.
    pub year: Option<u16>,
    /// The institutions file; default `instellingen.csv`/`.xlsx` in the input folder.
    pub institutions: Option<PathBuf>,
    pub outputs: Vec<OutputKind>,
    pub chart_formats: Vec<ChartFormat>,
    /// Largest input file read, in MiB; default 64.
    pub max_file_mb: u64,
    /// Answer tables for named files.
    pub answers: Vec<AnswersConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_group_size: 5,
            min_institutions: 3,
            min_answered: 0.5,
            blank: BlankPolicy::Missing,
            lang: Lang::Nl,
            framework: None,
            editions: Vec::new(),
            year: None,
            institutions: None,
            outputs: vec![OutputKind::SectorWorkbook, OutputKind::Portret, OutputKind::Charts, OutputKind::Tables],
            chart_formats: vec![ChartFormat::Png, ChartFormat::Svg],
            max_file_mb: 64,
            answers: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("config {path}: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    /// Reads a config file; relative paths in it are taken from the file's folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Io { path: path.display().to_string(), source })?;
        let mut cfg: Config = toml::from_str(&text)
            .map_err(|e| ConfigError::Invalid { path: path.display().to_string(), message: e.message().to_string() })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let edition_paths = cfg.editions.iter_mut().map(|e| &mut e.framework);
        for p in [&mut cfg.framework, &mut cfg.institutions].into_iter().flatten().chain(edition_paths) {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        cfg.validate().map_err(|message| ConfigError::Invalid { path: path.display().to_string(), message })?;
        Ok(cfg)
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.min_group_size < 1 {
            return Err("min_group_size must be at least 1".into());
        }
        if self.min_institutions < 1 {
            return Err("min_institutions must be at least 1".into());
        }
        if !(0.0..=1.0).contains(&self.min_answered) {
            return Err("min_answered must be between 0 and 1".into());
        }
        self.answer_tables()?;
        Ok(())
    }

    /// The `[[answers]]` tables, checked: a valid pattern, and every token standing for
    /// a word of the answer table.
    pub fn answer_tables(&self) -> Result<Vec<crate::ingest::AnswerTable>, String> {
        use crate::ingest::answer::{parse_text, Answer};
        self.answers
            .iter()
            .map(|a| {
                let files = glob::Pattern::new(&a.files)
                    .map_err(|e| format!("[[answers]] files = \"{}\": {e}", a.files))?;
                let tokens = a
                    .tokens
                    .iter()
                    .map(|(k, v)| match parse_text(v) {
                        answer @ (Answer::Degree(_) | Answer::NotApplicable) => {
                            let key = if k.trim().parse::<i64>().is_ok() { k.trim().to_string() } else { crate::text::normalize(k) };
                            Ok((key, answer))
                        }
                        _ => Err(format!("[[answers]] \"{k}\" = \"{v}\": \"{v}\" is not an answer (ja, grotendeels, enigszins, nee, n.v.t.)")),
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(crate::ingest::AnswerTable { files, tokens })
            })
            .collect()
    }

    pub fn wants(&self, k: OutputKind) -> bool {
        self.outputs.contains(&k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "min_group_size = 10\nmin_grup_size = 3\n").unwrap();
        let err = Config::load(&p).unwrap_err().to_string();
        assert!(err.contains("min_grup_size"), "{err}");
    }

    #[test]
    fn answers_tables_map_tokens_for_named_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "[[answers]]\nfiles = \"teams-*.xlsx\"\n\"3\" = \"ja\"\n\"2\" = \"grotendeels\"\n").unwrap();
        let c = Config::load(&p).unwrap();
        let t = c.answer_tables().unwrap();
        assert!(t[0].applies_to("2026/teams-noord.xlsx"));
        assert!(!t[0].applies_to("forms.xlsx"));
        assert_eq!(t[0].tokens.len(), 2);
        std::fs::write(&p, "[[answers]]\nfiles = \"*.xlsx\"\n\"3\" = \"misschien\"\n").unwrap();
        let err = Config::load(&p).unwrap_err().to_string();
        assert!(err.contains("misschien"), "{err}");
    }

    #[test]
    fn file_only_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "min_group_size = 10\nblank = \"no\"\nlang = \"en\"\n").unwrap();
        let c = Config::load(&p).unwrap();
        assert_eq!(c.min_group_size, 10);
        assert_eq!(c.blank, BlankPolicy::No);
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.min_institutions, 3);
        assert_eq!(c.min_answered, 0.5);
    }
}
