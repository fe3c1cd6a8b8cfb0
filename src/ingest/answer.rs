//! The answer table of SPEC §3.2: every cell of an item column becomes a degree of
//! 0, 1/3, 2/3 or 1, not-applicable, missing, or a rejected answer with its reason.

use calamine::Data;

use crate::ingest::ledger::Reason;

/// What one item cell says. Degrees are kept in thirds (0..=3) so sums stay exact.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Degree(u8),
    NotApplicable,
    Missing,
    Rejected(Reason),
}

/// How an empty cell is read: not answered (the default), or "no" for checkbox forms
/// where an unticked box means no (config `blank = "no"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlankPolicy {
    #[default]
    Missing,
    No,
}

/// Reads one cell. An empty cell is `Missing` whatever the policy; the policy is applied
/// where the line of the row is known (only own-line blanks become "no").
pub fn parse_answer(cell: &Data) -> Answer {
    match cell {
        Data::Empty => Answer::Missing,
        Data::Bool(true) => Answer::Degree(3),
        Data::Bool(false) => Answer::Degree(0),
        Data::Int(i) => number(*i as f64),
        Data::Float(f) => number(*f),
        Data::String(s) => parse_text(s),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Answer::Rejected(Reason::DateInAnswer),
        Data::Error(e) => Answer::Rejected(Reason::FormulaError(e.to_string())),
    }
}

fn number(f: f64) -> Answer {
    if f == 1.0 {
        Answer::Degree(3)
    } else if f == 0.0 {
        Answer::Degree(0)
    } else {
        Answer::Rejected(Reason::NotInAnswerTable)
    }
}

/// The answer table of SPEC §3.2: accepted words and their degree in thirds
/// (`None` = n.v.t.).
const WORDS: &[(&str, Option<u8>)] = &[
    ("ja", Some(3)),
    ("nee", Some(0)),
    ("x", Some(3)),
    ("n.v.t.", None),
    ("grotendeels", Some(2)),
    ("enigszins", Some(1)),
    ("j", Some(3)),
    ("yes", Some(3)),
    ("y", Some(3)),
    ("✓", Some(3)),
    ("✔", Some(3)),
    ("☑", Some(3)),
    ("1", Some(3)),
    ("true", Some(3)),
    ("waar", Some(3)),
    ("volledig", Some(3)),
    ("fully", Some(3)),
    ("largely", Some(2)),
    ("deels", Some(1)),
    ("somewhat", Some(1)),
    ("partly", Some(1)),
    ("n", Some(0)),
    ("no", Some(0)),
    ("0", Some(0)),
    ("false", Some(0)),
    ("onwaar", Some(0)),
    ("☐", Some(0)),
    ("niet", Some(0)),
    ("nog niet", Some(0)),
    ("not", Some(0)),
    ("not yet", Some(0)),
    ("n.v.t", None),
    ("nvt", None),
    ("n/a", None),
    ("na", None),
];

/// Formula errors that arrive as text (ODS, CSV exports).
const ERRORS: &[&str] = &["#n/a", "#na", "#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!", "#getting_data"];

/// Reads a text answer; case-insensitive and trimmed. Runs for every answer cell, so it
/// compares in place instead of lower-casing into a new string.
pub fn parse_text(s: &str) -> Answer {
    let t = s.trim();
    if t.is_empty() {
        return Answer::Missing;
    }
    if let Some((_, degree)) = WORDS.iter().find(|(w, _)| t.eq_ignore_ascii_case(w)) {
        return match degree {
            Some(d) => Answer::Degree(*d),
            None => Answer::NotApplicable,
        };
    }
    if t.starts_with('#') && ERRORS.iter().any(|e| t.eq_ignore_ascii_case(e)) {
        return Answer::Rejected(Reason::FormulaError(t.to_string()));
    }
    Answer::Rejected(Reason::NotInAnswerTable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::CellErrorType;

    fn text(s: &str) -> Answer {
        parse_answer(&Data::String(s.to_string()))
    }

    #[test]
    fn full_degree_words_symbols_and_booleans() {
        for s in ["ja", " JA ", "j", "Yes", "y", "x", "X", "✓", "✔", "☑", "1", "TRUE", "waar", "Volledig", "fully"]
        {
            assert_eq!(text(s), Answer::Degree(3), "{s:?}");
        }
        assert_eq!(parse_answer(&Data::Bool(true)), Answer::Degree(3));
        assert_eq!(parse_answer(&Data::Int(1)), Answer::Degree(3));
        assert_eq!(parse_answer(&Data::Float(1.0)), Answer::Degree(3));
    }

    #[test]
    fn scale_words_are_two_thirds_and_one_third() {
        assert_eq!(text("Grotendeels"), Answer::Degree(2));
        assert_eq!(text("largely"), Answer::Degree(2));
        for s in ["enigszins", "deels", "somewhat", "partly"] {
            assert_eq!(text(s), Answer::Degree(1), "{s}");
        }
    }

    #[test]
    fn zero_degree_words_and_booleans() {
        for s in ["nee", "N", "no", "0", "false", "onwaar", "☐", "niet", "nog niet", "Not yet", "not"] {
            assert_eq!(text(s), Answer::Degree(0), "{s:?}");
        }
        assert_eq!(parse_answer(&Data::Bool(false)), Answer::Degree(0));
        assert_eq!(parse_answer(&Data::Int(0)), Answer::Degree(0));
    }

    #[test]
    fn nvt_is_not_applicable() {
        for s in ["n.v.t.", "NVT", "n/a", "na", "N.v.t"] {
            assert_eq!(text(s), Answer::NotApplicable, "{s}");
        }
    }

    #[test]
    fn blank_cell_is_missing_not_no() {
        assert_eq!(parse_answer(&Data::Empty), Answer::Missing);
        assert_eq!(text("   "), Answer::Missing);
    }

    #[test]
    fn anything_else_is_rejected_with_its_reason() {
        assert_eq!(text("jaa"), Answer::Rejected(Reason::NotInAnswerTable));
        assert_eq!(parse_answer(&Data::Int(7)), Answer::Rejected(Reason::NotInAnswerTable));
        assert_eq!(parse_answer(&Data::Float(0.5)), Answer::Rejected(Reason::NotInAnswerTable));
        assert_eq!(
            parse_answer(&Data::Error(CellErrorType::NA)),
            Answer::Rejected(Reason::FormulaError("#N/A".into()))
        );
        assert_eq!(text("#N/A"), Answer::Rejected(Reason::FormulaError("#N/A".into())));
        assert_eq!(parse_answer(&Data::DateTimeIso("2026-01-01".into())), Answer::Rejected(Reason::DateInAnswer));
    }
}
