//! One explanation per cause (SPEC §3.5): when a sheet's answers use a vocabulary the
//! answer table does not know (an agreement scale, a 1–5 scale, another language), the
//! sheet gets one explanation: the values found with their counts, and the exact
//! `[[answers]]` lines that would map them. The cells stay listed as rejected answers.
//!
//! Decisions where the SPEC is silent:
//! - A sheet gets the explanation when its numbers are ambiguous (a 2 to 5 without a
//!   legend: SPEC §3.2), or when two or more of its answer cells hold values the
//!   answer table (or the sheet's legend, or the config) does not know. A single typo
//!   is listed as its cell only.
//! - The lines are a proposal, to be checked: numbers of a scale lo–hi map by position
//!   onto the four degrees (3·(n − lo)/(hi − lo) thirds, a half rounded down: 1–5 gives
//!   nee, enigszins, enigszins, grotendeels, ja); agreement words map "helemaal mee
//!   eens" → ja, "mee eens" → grotendeels, neutral → enigszins, "(helemaal) mee oneens"
//!   → nee; frequency words "altijd/vaak/soms/nooit" → ja/grotendeels/enigszins/nee
//!   (and their English forms). A value with no proposal gets a commented line naming
//!   the choices, so the lines paste into a valid config whatever is chosen.
//! - The proposal is data ([`Proposal`]); `src/words/` writes it as TOML, its comments
//!   in the run's language.

use std::collections::BTreeMap;

use crate::ingest::answer::whole_number;
use crate::ingest::reason::{Proposal, Proposed, Reason, Vocabulary};
use crate::ingest::rows::{Kept, RawRow};
use crate::text::normalize;

/// Whether a rejected answer's reason means "a value this sheet's scale does not know".
fn unknown(reason: &Reason) -> bool {
    matches!(reason, Reason::NotInAnswerTable | Reason::AmbiguousNumbers { .. } | Reason::NotOnScale)
}

/// The explanation for a sheet's rows, where one is due (see the module's decisions).
/// `numbers`: the ambiguous range; `file`: the file's path below the input folder;
/// `existing`: the `files` pattern of a config table that already applies.
pub fn explain(rows: &[RawRow], numbers: Option<(i64, i64)>, file: &str, existing: Option<&str>) -> Option<Vocabulary> {
    // Per value (normalised; numbers as written): cells, and the spellings seen.
    let mut found: BTreeMap<String, (u64, BTreeMap<String, u64>)> = BTreeMap::new();
    let mut cells = 0u64;
    for row in rows {
        for cell in &row.cells {
            if let Kept::Rejected(r) = &cell.answer {
                if unknown(&r.reason) {
                    cells += 1;
                    let written = r.value.trim().to_string();
                    let key = match written.parse::<i64>() {
                        Ok(n) => n.to_string(),
                        Err(_) => normalize(&written),
                    };
                    let entry = found.entry(key).or_default();
                    entry.0 += 1;
                    *entry.1.entry(written).or_default() += 1;
                }
            }
        }
    }
    if numbers.is_none() && cells < 2 {
        return None;
    }
    let mut values: Vec<(String, u64)> = found
        .into_values()
        .map(|(n, spellings)| {
            // The spelling most cells use (on a tie the first in order).
            let shown = spellings.iter().rev().max_by_key(|(_, k)| **k).map(|(s, _)| s.clone()).unwrap_or_default();
            (shown, n)
        })
        .collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // A vocabulary is a handful of words; free text in an answer column is not: the
    // most frequent values are shown, the rest counted.
    let others = values.len().saturating_sub(MAX_VALUES);
    values.truncate(MAX_VALUES);
    let files = existing.is_none().then(|| glob::Pattern::escape(file.rsplit('/').next().unwrap_or(file)));
    // A value too long to be a scale word (a pasted paragraph) is shown cut, with a
    // commented line: no table maps it usefully.
    for (value, _) in &mut values {
        if value.chars().count() > MAX_VALUE {
            *value = value.chars().take(MAX_VALUE).collect::<String>() + "…";
        }
    }
    let lines = values
        .iter()
        .map(|(value, _)| {
            let proposed = if value.ends_with('…') && value.chars().count() > MAX_VALUE {
                Proposed::TooLong
            } else {
                propose(value, numbers).map_or(Proposed::Choose, Proposed::Word)
            };
            (value.clone(), proposed)
        })
        .collect();
    let proposal = Proposal { files, lines };
    Some(Vocabulary { numbers, values, others, proposal, existing: existing.map(str::to_string) })
}

/// A TOML basic string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            c if c.is_control() => out += &format!("\\u{:04X}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Most values shown (and given a line).
const MAX_VALUES: usize = 40;

/// Longest value shown in full (characters).
const MAX_VALUE: usize = 100;

const DEGREES: [&str; 4] = ["nee", "enigszins", "grotendeels", "ja"];

/// The answer word a value probably stands for, where there is a reasonable guess.
pub fn propose(value: &str, numbers: Option<(i64, i64)>) -> Option<&'static str> {
    if let Some(n) = whole_number(&calamine::Data::String(value.to_string())) {
        let (lo, hi) = numbers.filter(|(lo, hi)| hi > lo && (*lo..=*hi).contains(&n))?;
        let x = 3.0 * (n - lo) as f64 / (hi - lo) as f64;
        return Some(DEGREES[((x - 0.5).ceil().clamp(0.0, 3.0)) as usize]);
    }
    let n = normalize(value);
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            n == *w || n.contains(&format!("{w} ")) || n.ends_with(&format!(" {w}")) || n.contains(&format!(" {w} "))
        })
    };
    let degree = if has(&[
        "helemaal niet",
        "totaal niet",
        "geheel niet",
        "not at all",
        "nooit",
        "never",
        "zelden",
        "rarely",
        "seldom",
    ]) {
        0
    } else if has(&["neutraal", "neutral", "neither", "noch"]) || n == "niet eens niet oneens" {
        1
    } else if has(&["oneens", "disagree"]) {
        0
    } else if has(&["eens", "agree"]) {
        if has(&["helemaal", "volledig", "zeer", "sterk", "strongly", "completely", "totally", "fully"]) {
            3
        } else {
            2
        }
    } else if has(&[
        "altijd",
        "always",
        "helemaal",
        "volledig",
        "zeker",
        "absoluut",
        "completely",
        "entirely",
        "totally",
        "definitely",
        "certainly",
    ]) {
        3
    } else if has(&["vaak", "meestal", "often", "usually", "mostly", "to a large extent", "in hoge mate"]) {
        2
    } else if has(&[
        "soms",
        "af en toe",
        "sometimes",
        "occasionally",
        "een beetje",
        "beetje",
        "a little",
        "slightly",
        "partially",
        "in enige mate",
    ]) {
        1
    } else {
        return None;
    };
    Some(DEGREES[degree])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_scale_maps_by_its_words() {
        let p = |v: &str| propose(v, None);
        assert_eq!(p("Helemaal mee eens"), Some("ja"));
        assert_eq!(p("Mee eens"), Some("grotendeels"));
        assert_eq!(p("Neutraal"), Some("enigszins"));
        assert_eq!(p("Niet eens, niet oneens"), Some("enigszins"));
        assert_eq!(p("Mee oneens"), Some("nee"));
        assert_eq!(p("Helemaal mee oneens"), Some("nee"));
        assert_eq!(p("Strongly agree"), Some("ja"));
        assert_eq!(p("Agree"), Some("grotendeels"));
        assert_eq!(p("Neither agree nor disagree"), Some("enigszins"));
        assert_eq!(p("Strongly disagree"), Some("nee"));
        assert_eq!(p("Altijd"), Some("ja"));
        assert_eq!(p("Soms"), Some("enigszins"));
        assert_eq!(p("Nooit"), Some("nee"));
        assert_eq!(p("misschien"), None);
    }

    #[test]
    fn a_numeric_scale_maps_by_position_a_half_rounded_down() {
        let p = |n: &str| propose(n, Some((1, 5)));
        // 3·(n − 1)/4: 0, 0.75, 1.5, 2.25, 3 → 0, 1, 1, 2, 3 thirds.
        assert_eq!(
            ["1", "2", "3", "4", "5"].map(p),
            [Some("nee"), Some("enigszins"), Some("enigszins"), Some("grotendeels"), Some("ja")]
        );
        assert_eq!(
            ["0", "1", "2", "3"].map(|n| propose(n, Some((0, 3)))),
            [Some("nee"), Some("enigszins"), Some("grotendeels"), Some("ja")]
        );
        assert_eq!(propose("7", Some((1, 5))), None, "outside the scale");
        assert_eq!(propose("3", None), None, "no scale, no guess");
    }

    #[test]
    fn toml_strings_are_quoted() {
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    }
}
