//! The answer table of SPEC §3.2: every cell of an item column becomes a degree of
//! 0, 1/3, 2/3 or 1, not-applicable, missing, or a rejected answer with its reason.

use calamine::Data;

use crate::ingest::reason::Reason;

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
    ("n.a.", None),
    ("n.a", None),
    ("niet van toepassing", None),
    ("not applicable", None),
    ("gedeeltelijk", Some(1)),
];

/// Formula errors that arrive as text (ODS, CSV exports).
const ERRORS: &[&str] = &["#n/a", "#na", "#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!", "#getting_data"];

/// Reads a text answer; case-insensitive and trimmed. Runs for every answer cell, so it
/// compares in place instead of lower-casing into a new string.
pub fn parse_text(s: &str) -> Answer {
    // Text pasted from the web carries no-break and zero-width spaces: cleaned first
    // (ASCII text, nearly every answer, is not copied).
    let t = crate::text::clean(s);
    let t = t.as_ref();
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

/// Where a sheet's numbers get their meaning.
#[derive(Debug, Clone, PartialEq)]
pub enum ScaleSource {
    /// The answer table: 0 = nee, 1 = ja.
    Default,
    /// A legend in the sheet (`0 = nee, 1 = enigszins, …`), at this row (0-based), as written.
    Legend { row: u32, text: String },
    /// An `[[answers]]` table of the config whose `files` pattern names the file.
    Config { pattern: String },
}

/// A legend found in a sheet: its row (0-based), its text as written, its pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub row: u32,
    pub text: String,
    pub pairs: Vec<(i64, Answer)>,
}

/// How the answer cells of one sheet are read: the answer table, with numbers and
/// words mapped by a legend in the sheet or by the config, and numbers refused where
/// a scale beyond 0/1 has no legend (its 1s are ambiguous: SPEC §3.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Numbers and their answers, where a legend or the config gives them.
    numbers: Option<Vec<(i64, Answer)>>,
    /// Words (normalised) and their answers, from the config.
    words: Vec<(String, Answer)>,
    /// The smallest and largest number found where numbers are ambiguous.
    ambiguous: Option<(i64, i64)>,
    pub source: ScaleSource,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { numbers: None, words: Vec::new(), ambiguous: None, source: ScaleSource::Default }
    }
}

/// A whole number in a cell: an integer, a float without fraction, or such text.
pub fn whole_number(cell: &Data) -> Option<i64> {
    match cell {
        Data::Int(i) => Some(*i),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e9 => Some(*f as i64),
        // A number starts with a digit or a sign: most answer cells are words, and are
        // not trimmed and parsed for nothing.
        Data::String(s) if s.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-') => {
            s.trim().parse().ok()
        }
        _ => None,
    }
}

impl Scale {
    /// A scale from a legend and the config's token table (either may be absent).
    /// Numbers the config maps take the place of the legend's.
    pub fn new(legend: Option<Legend>, config: Option<(&str, &[(String, Answer)])>) -> Scale {
        let mut scale = Scale::default();
        if let Some(Legend { row, text, pairs }) = legend {
            scale.numbers = Some(pairs);
            scale.source = ScaleSource::Legend { row, text };
        }
        if let Some((pattern, tokens)) = config {
            let numbers: Vec<(i64, Answer)> =
                tokens.iter().filter_map(|(k, a)| k.parse::<i64>().ok().map(|n| (n, a.clone()))).collect();
            if !numbers.is_empty() {
                scale.numbers = Some(numbers);
            }
            scale.words = tokens.iter().filter(|(k, _)| k.parse::<i64>().is_err()).cloned().collect();
            scale.source = ScaleSource::Config { pattern: pattern.to_string() };
        }
        scale
    }

    /// Looks at the numbers found in the sheet's answer cells: without a legend or a
    /// config, the numbers of a scale beyond 0 and 1 (a 2 to 5) make every number
    /// ambiguous. A lone larger number (a 7) is a typo, rejected on its own.
    pub fn check_numbers(&mut self, numbers: impl Iterator<Item = i64>) {
        if self.numbers.is_some() {
            return;
        }
        let (mut lo, mut hi, mut scale) = (i64::MAX, i64::MIN, false);
        for n in numbers {
            lo = lo.min(n);
            hi = hi.max(n);
            scale |= (2..=5).contains(&n);
        }
        if scale {
            self.ambiguous = Some((lo, hi));
        }
    }

    /// The range of numbers that made the scale ambiguous.
    pub fn ambiguous(&self) -> Option<(i64, i64)> {
        self.ambiguous
    }

    /// Reads one answer cell on this scale.
    pub fn read(&self, cell: &Data) -> Answer {
        if self.source == ScaleSource::Default && self.ambiguous.is_none() {
            return parse_answer(cell);
        }
        if !self.words.is_empty() {
            if let Data::String(s) = cell {
                let key = crate::text::normalize(s);
                if let Some((_, a)) = self.words.iter().find(|(k, _)| *k == key) {
                    return a.clone();
                }
            }
        }
        if let Some(n) = whole_number(cell) {
            if let Some(numbers) = &self.numbers {
                return numbers
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map_or(Answer::Rejected(Reason::NotOnScale), |(_, a)| a.clone());
            }
            if let Some((lo, hi)) = self.ambiguous {
                return Answer::Rejected(Reason::AmbiguousNumbers { lo, hi });
            }
        }
        parse_answer(cell)
    }
}

/// A legend that gives numbers their meaning, in one text (the cells of a row joined):
/// `0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja` (or `:` for `=`, and `;` or `|`
/// between pairs). At least two pairs, each number once, each word in the answer table.
pub fn parse_legend(text: &str) -> Option<Vec<(i64, Answer)>> {
    let mut pairs: Vec<(i64, Answer)> = Vec::new();
    for piece in text.split([',', ';', '|', '\n']) {
        let Some((k, v)) = piece.split_once('=').or_else(|| piece.split_once(':')) else { continue };
        // "Schaal: 0 = nee": the number is the last word before the sign.
        let Some(n) = k.split_whitespace().last().and_then(|w| w.parse::<i64>().ok()) else { continue };
        let answer = parse_text(v);
        if !matches!(answer, Answer::Degree(_) | Answer::NotApplicable) || pairs.iter().any(|(m, _)| *m == n) {
            return None;
        }
        pairs.push((n, answer));
    }
    (pairs.len() >= 2).then_some(pairs)
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
        for s in ["n.v.t.", "NVT", "n/a", "na", "N.v.t", "niet van toepassing", "Not applicable", "n.a.", "N.A."] {
            assert_eq!(text(s), Answer::NotApplicable, "{s}");
        }
    }

    #[test]
    fn gedeeltelijk_is_deels_and_tool_words_come_as_they_are() {
        assert_eq!(text("gedeeltelijk"), Answer::Degree(1));
        for s in ["Ja", "JA ", "Yes", "ja\u{00A0}", "\u{200B}ja"] {
            assert_eq!(text(s), Answer::Degree(3), "{s:?}");
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

    #[test]
    fn a_legend_row_gives_numbers_their_meaning() {
        let pairs = parse_legend("0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja").unwrap();
        assert_eq!(
            pairs,
            vec![(0, Answer::Degree(0)), (1, Answer::Degree(1)), (2, Answer::Degree(2)), (3, Answer::Degree(3))]
        );
        // Cells of a row joined with `;`, and a label in front.
        assert_eq!(parse_legend("Schaal: 0 = nee;1 = deels;2=ja").map(|p| p.len()), Some(3));
        assert_eq!(parse_legend("Vul in: ja of nee"), None);
        assert_eq!(parse_legend("1 = ja"), None, "one pair is no legend");
        assert_eq!(parse_legend("1 = ja, 2 = misschien"), None, "every word must be an answer");
        let scale = Scale::new(Some(Legend { row: 1, text: "0 = nee, …".into(), pairs }), None);
        assert_eq!(scale.read(&Data::Int(1)), Answer::Degree(1), "1 = enigszins on this sheet");
        assert_eq!(scale.read(&Data::String("3".into())), Answer::Degree(3));
        assert_eq!(scale.read(&Data::Float(4.0)), Answer::Rejected(Reason::NotOnScale));
        assert_eq!(scale.read(&Data::String("ja".into())), Answer::Degree(3), "words as ever");
    }

    #[test]
    fn numbers_beyond_one_without_a_legend_are_ambiguous() {
        let mut scale = Scale::default();
        scale.check_numbers([0, 1, 3, 2].into_iter());
        assert_eq!(scale.ambiguous(), Some((0, 3)));
        assert_eq!(scale.read(&Data::Int(1)), Answer::Rejected(Reason::AmbiguousNumbers { lo: 0, hi: 3 }));
        assert_eq!(scale.read(&Data::String("ja".into())), Answer::Degree(3));
        // 0/1 sheets and a lone 7 among them are read as ever (the 7 is a typo).
        let mut plain = Scale::default();
        plain.check_numbers([0, 1, 1, 7].into_iter());
        assert_eq!(plain.ambiguous(), None);
        assert_eq!(plain.read(&Data::Int(7)), Answer::Rejected(Reason::NotInAnswerTable));
        assert_eq!(plain.read(&Data::Int(1)), Answer::Degree(3));
    }

    #[test]
    fn config_tokens_map_numbers_and_words_for_named_files() {
        let tokens = vec![
            ("3".to_string(), Answer::Degree(3)),
            ("2".to_string(), Answer::Degree(2)),
            ("1".to_string(), Answer::Degree(1)),
            ("0".to_string(), Answer::Degree(0)),
            ("helemaal".to_string(), Answer::Degree(3)),
        ];
        let scale = Scale::new(None, Some(("teams-*.xlsx", &tokens)));
        assert_eq!(scale.read(&Data::Int(2)), Answer::Degree(2));
        assert_eq!(scale.read(&Data::String(" Helemaal ".into())), Answer::Degree(3));
        assert_eq!(scale.source, ScaleSource::Config { pattern: "teams-*.xlsx".into() });
    }
}
