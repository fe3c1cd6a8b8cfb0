//! The two languages lobmonitor writes in. Dutch is the default; `--lang en` switches
//! every label, sheet name, chart title and item text to English.
//!
//! A language is a value, passed to whatever words something: there is no language of
//! the process. The words themselves are in two places, each a Dutch module and its
//! English twin, reached by key: `report::words` for the reports (portret, sector
//! report, charts, HTML, `validate`'s text), `src/words/` for what the lower modules hand
//! over as data (ingest's reasons and notes, the output folder's refusals) and the run's
//! messages.
//!
//! Which language a message takes: the `--lang` flag where given, else the config's
//! `lang` once the config is read (`cmd::Settings::load`), else Dutch. So a message
//! about the config itself (it cannot be read, a key is unknown, a value out of range)
//! is in the `--lang` language or in Dutch, never in the `lang` the broken file names.
//! Commands without a config (`template`) take their own `--lang`, `sample` speaks
//! Dutch.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language for labels in reports and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The language's code (BCP 47: `nl`, `en`), as a document's metadata and the
    /// `--lang` flag say it: data, the same in either language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Picks the Dutch or the English text of data that carries both (the framework
    /// file's item texts and title). Words are reached by key in `report::words` or
    /// `src/words`, never as a pair chosen here.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Ok(Lang::Nl),
            "en" | "english" | "engels" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (use nl or en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
