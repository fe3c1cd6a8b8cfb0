//! The two languages lobmonitor writes in. Dutch is the default; `--lang en` switches
//! every label, sheet name, chart title and item text to English.

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
    /// Picks the Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// The language of this process's messages to the user (errors, the summary): set once
/// by the command from `--lang` or the config, Dutch until then. Reports take their
/// language from their context, not from here.
static MESSAGES: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the message language; the first call wins (one language per run).
pub fn set_messages(lang: Lang) {
    let _ = MESSAGES.set(lang);
}

/// Picks the Dutch or English text of a message, in the run's message language.
pub fn say<'a>(nl: &'a str, en: &'a str) -> &'a str {
    Lang::messages().pick(nl, en)
}

impl Lang {
    /// The run's message language (see [`set_messages`]).
    pub fn messages() -> Lang {
        MESSAGES.get().copied().unwrap_or_default()
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
        f.write_str(match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        })
    }
}
