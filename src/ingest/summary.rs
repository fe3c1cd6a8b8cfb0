//! Rows that summarise rows (SPEC §3.5): a total, average or count under the data, by
//! its label or by its formulas. Such a row is not a row read (like an empty row it
//! stays out of the reconciliation); unlike one it is listed and counted
//! (`rows_summary`). It is never a respondent, never a rejection, and its values never
//! decide how the sheet's answers are read.
//!
//! Decisions where the SPEC is silent:
//! - A label is text in the row's first filled cell or in an identity column whose
//!   first word is a summary word (`Totaal`, `Gemiddelde`, `Gem.`, `Aantal`, `Som`,
//!   `Mediaan`, `Total`, `Average`, `Mean`, `Count`, `Sum`, `Median`, `Minimum`, …; not
//!   `Min` or `Max`, which are first names)
//!   or a Dutch compound ending in one (`Eindtotaal`, `Groepsgemiddelde`), in a text of
//!   at most five words (`Gemiddelde score team A`); a longer text is a sentence, not a
//!   label.
//! - By formulas: at least half of the row's filled item cells hold a formula that
//!   aggregates (`SUM`, `AVERAGE`, `COUNT`, `MEDIAN`, `SUBTOTAL`, …; what calamine
//!   reports beside the cached value).

use crate::ingest::cell::{Sheet, SheetRow};
use crate::text::normalize;

/// A summary row: where, and what labelled it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub row: u32,
    /// The labelling cell (or the row's first cell where formulas make it one).
    pub col: u32,
    /// The label as written; empty where formulas make it one.
    pub label: String,
}

impl SummaryRow {
    pub fn by_formulas(&self) -> bool {
        self.label.is_empty()
    }
}

/// Words that label a summary row.
const WORDS: &[&str] = &[
    "totaal",
    "totalen",
    "subtotaal",
    "gemiddelde",
    "gemiddeld",
    "gemiddelden",
    "gem",
    "aantal",
    "som",
    "mediaan",
    "total",
    "totals",
    "subtotal",
    "average",
    "averages",
    "avg",
    "mean",
    "count",
    "sum",
    "median",
    "minimum",
    "maximum",
    "standaarddeviatie",
    "stdev",
];

/// Dutch compounds end in their head word: `eindtotaal`, `groepsgemiddelde`.
const HEADS: &[&str] = &["totaal", "gemiddelde", "gemiddeld"];

/// Whether a text labels a summary row. Asked of a cell or two of every row, so ASCII
/// text (nearly every cell) is compared in place, without normalising a copy.
pub fn is_label(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 120 {
        return false;
    }
    let n;
    let t = if t.is_ascii() {
        t
    } else {
        n = normalize(t);
        n.as_str()
    };
    let mut words = t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return false };
    if words.count() >= 5 {
        return false;
    }
    let ends_with = |h: &str| {
        first.len() > h.len() + 2 && first.as_bytes()[first.len() - h.len()..].eq_ignore_ascii_case(h.as_bytes())
    };
    WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)) || HEADS.iter().any(|h| ends_with(h))
}

/// Whether a row summarises the rows above it: see the module's decisions.
/// `identity` are the columns of identity values, `items` those of answers.
pub fn summary_row(row: &SheetRow, identity: &[u32], items: &[u32]) -> Option<SummaryRow> {
    let label_at = |col: u32, v: &calamine::Data| match v {
        calamine::Data::String(s) if is_label(s) => Some(SummaryRow { row: row.row, col, label: s.trim().to_string() }),
        _ => None,
    };
    if let Some(found) = row.cells.first().and_then(|(c, v)| label_at(*c, v)) {
        return Some(found);
    }
    if let Some(found) = identity.iter().find_map(|&c| row.get(c).and_then(|v| label_at(c, v))) {
        return Some(found);
    }
    if row.aggregates.is_empty() {
        return None;
    }
    let (mut filled, mut aggregates) = (0usize, 0usize);
    for &c in items {
        let formula = row.aggregates.binary_search(&c).is_ok();
        if formula || row.get(c).is_some() || row.is_formula(c) {
            filled += 1;
            aggregates += usize::from(formula);
        }
    }
    (aggregates > 0 && aggregates * 2 >= filled).then(|| SummaryRow {
        row: row.row,
        col: row.cells.first().map_or(items.first().copied().unwrap_or(0), |(c, _)| *c),
        label: String::new(),
    })
}

/// The summary rows of a sheet below its header (`data_from` is the first data row's
/// index in `sheet.rows`), in row order.
pub fn find(sheet: &Sheet, data_from: usize, identity: &[u32], items: &[u32]) -> Vec<SummaryRow> {
    sheet.rows.get(data_from..).unwrap_or(&[]).iter().filter_map(|r| summary_row(r, identity, items)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Data;

    fn row(cells: Vec<(u32, Data)>, formulas: Vec<u32>, aggregates: Vec<u32>) -> SheetRow {
        SheetRow { row: 9, cells, formulas, aggregates }
    }

    fn s(t: &str) -> Data {
        Data::String(t.into())
    }

    #[test]
    fn labels_of_totals_averages_and_counts_in_both_languages() {
        for t in [
            "Totaal",
            "Gemiddelde",
            "Gem.",
            "gem",
            "Aantal",
            "Som",
            "Average",
            "Mean",
            "Total:",
            "Count",
            "Sum",
            "Eindtotaal",
            "Groepsgemiddelde",
            "Gemiddelde score team A",
            "TOTAAL",
            "Aantal respondenten",
        ] {
            assert!(is_label(t), "{t:?}");
        }
        for t in [
            "R001",
            "Jan",
            "Sommer",
            "Het Baken",
            "Gemiddelde van alles wat hierboven staat en meer",
            "ja",
            "Totaalvak",
        ] {
            assert!(!is_label(t), "{t:?}");
        }
    }

    #[test]
    fn a_labelled_row_is_a_summary_in_its_first_cell_or_an_identity_column() {
        // "Gemiddelde" in column A (no identity column there): the first filled cell.
        let r = row(vec![(0, s("Gemiddelde")), (3, Data::Float(0.67))], vec![], vec![]);
        assert_eq!(summary_row(&r, &[1], &[3]).map(|s| (s.col, s.label)), Some((0, "Gemiddelde".into())));
        // "Totaal" in the respondent column (B), after an institution in A.
        let r = row(vec![(0, s("ROC X")), (1, s("Totaal")), (3, Data::Int(13))], vec![], vec![]);
        assert_eq!(summary_row(&r, &[0, 1], &[3]).map(|s| s.col), Some(1));
        // An answer row is not.
        let r = row(vec![(0, s("ROC X")), (1, s("R1")), (3, s("ja"))], vec![], vec![]);
        assert_eq!(summary_row(&r, &[0, 1], &[3]), None);
    }

    #[test]
    fn a_row_of_aggregating_formulas_is_a_summary_without_a_label() {
        // Cached values 0.67 and 13 under AVERAGE/COUNT formulas in both item columns.
        let r = row(vec![(3, Data::Float(0.67)), (4, Data::Int(13))], vec![3, 4], vec![3, 4]);
        let found = summary_row(&r, &[0], &[3, 4]).expect("a summary");
        assert!(found.by_formulas());
        // One aggregate among three answers is not.
        let r = row(vec![(2, s("ja")), (3, Data::Float(0.67)), (4, s("nee"))], vec![3], vec![3]);
        assert_eq!(summary_row(&r, &[0], &[2, 3, 4]), None);
        // Formulas that only look a value up (a sheet repeating another) are not.
        let r = row(vec![(3, s("ja")), (4, s("nee"))], vec![3, 4], vec![]);
        assert_eq!(summary_row(&r, &[0], &[3, 4]), None);
    }
}
