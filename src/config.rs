//! `lobmonitor.toml` (SPEC §8): every key has a default; the file only overrides, and an
//! unknown key is an error that names it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::ingest::answer::BlankPolicy;
use crate::lang::Lang;
use crate::words::say;

/// Which outputs a run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    SectorWorkbook,
    Portret,
    Charts,
    Tables,
    /// The HTML edition (`html/`): the sector page, a page per portret, and their index.
    Html,
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
    /// A PDF of every portret and of the sector overview (`run --pdf`); off by default
    /// for the time it costs (BENCHMARKS.md).
    pub pdf: bool,
    /// Takes `min_group_size` below 5 or `min_institutions` below 3 (SPEC §5); every
    /// output then says it is not for publication.
    pub allow_small_groups: bool,
    /// Role names and their line (`[roles]`, SPEC §3.5): `zorgcoördinator = 2`, or
    /// `decaan = 2` where an institution's decanen are all second line. Read before the
    /// framework's own roles.
    pub roles: std::collections::BTreeMap<String, i64>,
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
            outputs: vec![
                OutputKind::SectorWorkbook,
                OutputKind::Portret,
                OutputKind::Charts,
                OutputKind::Tables,
                OutputKind::Html,
            ],
            chart_formats: vec![ChartFormat::Png, ChartFormat::Svg],
            max_file_mb: 64,
            pdf: false,
            answers: Vec::new(),
            allow_small_groups: false,
            roles: Default::default(),
        }
    }
}

/// Largest config file read (a config is a few lines).
pub const CONFIG_CAP: u64 = 1 << 20;

/// Reads a text file of at most `cap` bytes, never more: a path to a huge file or to
/// `/dev/zero` is refused after `cap + 1` bytes (`FileTooLarge`), a folder or device as
/// `InvalidInput`.
pub fn read_capped(path: &Path, cap: u64) -> std::io::Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "a folder"));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(std::io::Error::new(std::io::ErrorKind::FileTooLarge, format!("larger than {cap} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8"))
}

/// A config that cannot be used, said in the run's language (the command line's
/// `--lang`, else Dutch: the file's own `lang` is not known yet).
#[derive(Debug, thiserror::Error)]
#[error("config {path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

/// Why a config file could not be read (worded in `src/words/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    NotFound,
    NoPermission,
    NotUtf8,
    /// Larger than [`CONFIG_CAP`] (in KiB).
    TooLarge(u64),
    /// A folder, a device.
    NotRegular,
    /// Anything else, with the system's words.
    Other(String),
}

/// What a key's value should have been (worded in `src/words/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    WholeNumber,
    Number,
    Boolean,
    Text,
    List,
}

/// What a TOML or type error means, in words: the line, the key, what was expected.
/// toml's own message is kept where it names none of these.
fn plain_error(e: &toml::de::Error, text: &str, lang: Lang) -> String {
    let msg = e.message();
    let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let at = line.map_or(String::new(), |l| say!(lang, at_line(l)));
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let keys = expected.trim_start_matches(", expected one of ").replace('`', "");
        return format!("{at}{}", say!(lang, unknown_key(key, &keys)));
    }
    let expected = msg.rsplit_once("expected ").map(|(_, x)| x.trim());
    let wanted = match expected {
        Some("u64" | "usize" | "u32" | "u16" | "u8") => Some(Expected::WholeNumber),
        Some("f64" | "f32") => Some(Expected::Number),
        Some("a boolean") => Some(Expected::Boolean),
        Some("a string") => Some(Expected::Text),
        Some("a sequence") => Some(Expected::List),
        _ => None,
    };
    match wanted {
        Some(w) => format!("{at}{}", say!(lang, expected(w))),
        None => format!("{at}{msg}"),
    }
}

impl Config {
    /// Reads a config file; relative paths in it are taken from the file's folder.
    /// Messages are in `lang`.
    pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError { path: path.display().to_string(), message };
        let text = read_capped(path, CONFIG_CAP).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => Unreadable::NotFound,
                std::io::ErrorKind::PermissionDenied => Unreadable::NoPermission,
                std::io::ErrorKind::InvalidData => Unreadable::NotUtf8,
                std::io::ErrorKind::FileTooLarge => Unreadable::TooLarge(CONFIG_CAP >> 10),
                std::io::ErrorKind::InvalidInput => Unreadable::NotRegular,
                _ => Unreadable::Other(e.to_string()),
            };
            err(say!(lang, config_unreadable(&why)))
        })?;
        let mut cfg: Config = toml::from_str(&text).map_err(|e| err(plain_error(&e, &text, lang)))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let edition_paths = cfg.editions.iter_mut().map(|e| &mut e.framework);
        for p in [&mut cfg.framework, &mut cfg.institutions].into_iter().flatten().chain(edition_paths) {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        cfg.validate(lang).map_err(err)?;
        Ok(cfg)
    }

    /// Values outside sense are errors naming the key and its range; thresholds below the
    /// defaults need `allow_small_groups = true` (SPEC §5, §8). Said in `lang`: the
    /// language of the command line, since the file's own `lang` is not trusted yet.
    pub fn validate(&self, lang: Lang) -> Result<(), String> {
        let range = |key: &str, ok: bool, range: &str| {
            if ok {
                Ok(())
            } else {
                Err(say!(lang, must_lie_in(key, range)))
            }
        };
        range("min_group_size", (1..=1000).contains(&self.min_group_size), "1–1000")?;
        range("min_institutions", (1..=1000).contains(&self.min_institutions), "1–1000")?;
        range("min_answered", self.min_answered > 0.0 && self.min_answered <= 1.0, "(0, 1]")?;
        range("max_file_mb", (1..=4096).contains(&self.max_file_mb), "1–4096")?;
        if !self.allow_small_groups {
            if self.min_group_size < 5 {
                return Err(say!(lang, below_floor("min_group_size", &self.min_group_size, 5)));
            }
            if self.min_institutions < 3 {
                return Err(say!(lang, below_floor("min_institutions", &self.min_institutions, 3)));
            }
        }
        self.answer_tables()?;
        for (role, line) in &self.roles {
            if !(1..=3).contains(line) {
                return Err(format!("[roles] \"{role}\" = {line}: a line is 1, 2 or 3"));
            }
            if crate::text::normalize(role).is_empty() {
                return Err(format!("[roles] \"{role}\": a role needs a name"));
            }
        }
        Ok(())
    }

    /// The warning every output carries where a reader sees it first when the privacy
    /// thresholds are below the defaults (SPEC §5); `None` otherwise.
    pub fn not_for_publication(&self, lang: Lang) -> Option<&'static str> {
        (self.min_group_size < 5 || self.min_institutions < 3).then(|| say!(lang, not_for_publication()))
    }

    /// The role table: the framework's roles with the config's `[roles]` first.
    pub fn role_table(&self) -> crate::ingest::roles::Roles {
        use crate::framework::Line;
        let line = |n: i64| match n {
            1 => Line::L1,
            2 => Line::L2,
            _ => Line::L3,
        };
        crate::ingest::roles::Roles::with(self.roles.iter().map(|(k, v)| (k.clone(), line(*v))))
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
        let err = Config::load(&p, Lang::Nl).unwrap_err().to_string();
        assert!(err.contains("regel 2: onbekende sleutel «min_grup_size»; bekende sleutels: min_group_size,"), "{err}");
    }

    #[test]
    fn errors_say_what_was_expected_in_the_runs_language_and_once() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "lang = \"nl\"\nmin_group_size = -3\n").unwrap();
        let err = Config::load(&p, Lang::Nl).unwrap_err().to_string();
        assert!(err.ends_with("lobmonitor.toml: regel 2: verwacht een geheel getal van 0 of meer"), "{err}");
        std::fs::write(&p, "min_answered = \"half\"\n").unwrap();
        let err = Config::load(&p, Lang::En).unwrap_err().to_string();
        assert!(err.ends_with("line 1: expected a number (with a decimal point)"), "{err}");
        // A missing file is said once, without the system's error text.
        let err = Config::load(&dir.path().join("nope.toml"), Lang::Nl).unwrap_err();
        assert_eq!(err.message, "bestand bestaat niet");
        assert!(std::error::Error::source(&err).is_none());
    }

    #[test]
    fn answers_tables_map_tokens_for_named_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "[[answers]]\nfiles = \"teams-*.xlsx\"\n\"3\" = \"ja\"\n\"2\" = \"grotendeels\"\n").unwrap();
        let c = Config::load(&p, Lang::Nl).unwrap();
        let t = c.answer_tables().unwrap();
        assert!(t[0].applies_to("2026/teams-noord.xlsx"));
        assert!(!t[0].applies_to("forms.xlsx"));
        assert_eq!(t[0].tokens.len(), 2);
        std::fs::write(&p, "[[answers]]\nfiles = \"*.xlsx\"\n\"3\" = \"misschien\"\n").unwrap();
        let err = Config::load(&p, Lang::Nl).unwrap_err().to_string();
        assert!(err.contains("misschien"), "{err}");
    }

    #[test]
    fn roles_map_role_names_to_lines_and_other_lines_are_an_error() {
        use crate::framework::Line;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "[roles]\n\"Zorgcoördinator\" = 2\ndecaan = 3\n").unwrap();
        let c = Config::load(&p, Lang::Nl).unwrap();
        let roles = c.role_table();
        assert_eq!(roles.lines_of("zorgcoordinatoren").and_then(|l| l.single()), Some(Line::L2));
        // The config's decaan is line 3, not "2 or 3".
        assert_eq!(roles.lines_of("Decaan").and_then(|l| l.single()), Some(Line::L3));
        std::fs::write(&p, "[roles]\nmentor = 4\n").unwrap();
        let err = Config::load(&p, Lang::Nl).unwrap_err().to_string();
        assert!(err.contains("[roles] \"mentor\" = 4: a line is 1, 2 or 3"), "{err}");
    }

    #[test]
    fn file_only_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lobmonitor.toml");
        std::fs::write(&p, "min_group_size = 10\nblank = \"no\"\nlang = \"en\"\n").unwrap();
        let c = Config::load(&p, Lang::Nl).unwrap();
        assert_eq!(c.min_group_size, 10);
        assert_eq!(c.blank, BlankPolicy::No);
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.min_institutions, 3);
        assert_eq!(c.min_answered, 0.5);
    }
}
