//! Sufficient statistics (SPEC §9): everything the published score tables need from one
//! group of respondents, so that a national run can score from them whether they were
//! computed here from survey files or sent in as an institution's contribution.
//!
//! Per institution × year × line × scope: n, the sum of the respondent scores, the sum
//! of their squared deviations from the group mean (`m2`; the sd is √(m2 / (n − 1))),
//! the median, and whether n, mean, sd and median together give every respondent's
//! score away (the group decides that itself, since it depends on its own scores
//! only). Per institution × year × line × item: n and the sum of the answers in thirds.
//!
//! Every figure is computed from the group's scores in sorted order, so it depends only
//! on which scores the group holds, never on the order in which files or rows were
//! read: the same respondents give bit for bit the same statistics in an institution's
//! own `contribute` run and in the national run. Pooled figures are combined from these
//! statistics in one order (by institution name), whichever way they arrived.
//!
//! Nothing else is needed: the sector's pooled median is not published (only the
//! quartiles of institution scores are), and whether a pooled cell of fewer than 10
//! respondents would give its scores away is decided from its n, sum and sum of squares,
//! which is all it publishes about its spread (`privacy::withhold_reconstructable`).

use std::collections::BTreeSet;

use foldhash::HashMap;
use polars::prelude::{col as col_expr, len, Column, DataFrame, DataType, IntoLazy, PolarsError};

use crate::framework::{Area, Editions, Framework, ItemIdx, Kind, Line};
use crate::ingest::Respondent;
use crate::score::privacy;
use crate::score::read_model::{RespondentScore, Scope};

/// One group's statistics (n ≥ 1).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStat {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    pub n: u64,
    /// Sum of the respondent scores (0–100 each).
    pub sum: f64,
    /// Sum of the squared deviations of the scores from their mean.
    pub m2: f64,
    pub median: f64,
    /// n, mean, sd and median admit only these scores (`privacy::reconstructable`).
    pub reconstructable: bool,
}

impl GroupStat {
    pub fn mean(&self) -> f64 {
        self.sum / self.n as f64
    }

    /// Standard deviation (n − 1); none for a single respondent.
    pub fn sd(&self) -> Option<f64> {
        (self.n >= 2).then(|| (self.m2 / (self.n - 1) as f64).max(0.0).sqrt())
    }

    /// The key the national run sorts and looks groups up by.
    pub fn key(&self) -> (u16, &str, Line, Scope) {
        (self.year, self.institution.as_str(), self.line, self.scope)
    }
}

/// One item's statistics in one institution-year (n ≥ 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemStat {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub item: ItemIdx,
    pub n: u64,
    /// Sum of the answers' degrees in thirds (ja = 3, grotendeels = 2, …).
    pub thirds: u64,
}

impl ItemStat {
    pub fn score(&self) -> f64 {
        100.0 * self.thirds as f64 / (3.0 * self.n as f64)
    }
}

/// The statistics of any number of institution-years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statistics {
    /// Sorted by (year, institution, line, scope).
    pub groups: Vec<GroupStat>,
    /// Sorted by (year, institution, line, item).
    pub items: Vec<ItemStat>,
}

impl Statistics {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.items.is_empty()
    }

    /// Adds another set (institution-years not already in this one; the caller checks).
    pub fn extend(&mut self, other: Statistics) {
        self.groups.extend(other.groups);
        self.items.extend(other.items);
        self.sort();
    }

    pub fn sort(&mut self) {
        self.groups.sort_by(|a, b| a.key().cmp(&b.key()));
        self.items
            .sort_by(|a, b| (a.year, &a.institution, a.line, a.item).cmp(&(b.year, &b.institution, b.line, b.item)));
    }

    /// The institution-years present, in order.
    pub fn institution_years(&self) -> Vec<(String, u16)> {
        let set: std::collections::BTreeSet<(String, u16)> =
            self.groups.iter().map(|g| (g.institution.clone(), g.year)).collect();
        set.into_iter().collect()
    }
}

/// Statistics of a sorted, non-empty set of scores.
pub fn of_sorted_scores(sorted: &[f64]) -> (f64, f64, f64) {
    let n = sorted.len();
    let sum: f64 = sorted.iter().sum();
    let mean = sum / n as f64;
    // All equal: no spread at all (not a rounding error's worth).
    let m2 = if sorted[0] == sorted[n - 1] { 0.0 } else { sorted.iter().map(|x| (x - mean) * (x - mean)).sum() };
    let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
    (sum, m2, median)
}

/// A respondent's score per scope: 100 × mean degree over the answered items in scope.
pub fn respondent_scope_scores(fw: &Framework, r: &Respondent) -> Vec<(Scope, f64)> {
    // sums[area][kind] in thirds, counts likewise.
    let mut sum = [[0u32; 2]; 4];
    let mut cnt = [[0u32; 2]; 4];
    for &(item, d) in &r.answers {
        let id = fw.item(item).id;
        sum[id.area as usize][id.kind as usize] += d as u32;
        cnt[id.area as usize][id.kind as usize] += 1;
    }
    let mut out = Vec::with_capacity(13);
    for scope in Scope::all() {
        let (mut s, mut c) = (0u32, 0u32);
        for a in Area::ALL {
            for k in Kind::ALL {
                if scope.contains(a, k) {
                    s += sum[a as usize][k as usize];
                    c += cnt[a as usize][k as usize];
                }
            }
        }
        if c > 0 {
            out.push((scope, 100.0 * s as f64 / (3.0 * c as f64)));
        }
    }
    out
}

/// A scope of a group and its respondents' scores, as they are gathered.
type ScopeScores = (Scope, Vec<f64>);

/// The statistics of scored respondents, and every respondent's score per scope (the
/// rows of `respondent_scores.csv`, by index into `respondents`).
pub fn of_respondents(
    editions: &Editions,
    respondents: &[Respondent],
) -> Result<(Statistics, Vec<RespondentScore>), PolarsError> {
    // The items' statistics (a polars aggregation over every answer) need nothing of the
    // groups': they are made on the other core meanwhile.
    let (groups, items) = rayon::join(|| group_stats(editions, respondents), || item_stats(respondents));
    let (groups, rs) = groups;
    let mut stats = Statistics { groups, items: items? };
    stats.sort();
    Ok((stats, rs))
}

/// Every group's statistics per scope, and every respondent's score per scope.
fn group_stats(editions: &Editions, respondents: &[Respondent]) -> (Vec<GroupStat>, Vec<RespondentScore>) {
    let mut rs = Vec::with_capacity(respondents.len() * Scope::all().len());
    // (year, institution, line) → each scope with its scores. Thirteen scopes: a look
    // down the list is as quick as any index and keeps the scope itself as the key.
    let mut by_group: HashMap<(u16, &str, Line), Vec<ScopeScores>> = HashMap::default();
    for (ri, r) in respondents.iter().enumerate() {
        let scopes = by_group
            .entry((r.year, r.institution.as_str(), r.line))
            .or_insert_with(|| Scope::all().into_iter().map(|s| (s, Vec::new())).collect());
        for (scope, s) in respondent_scope_scores(editions.get(r.edition as usize), r) {
            let (_, scores) = scopes.iter_mut().find(|(k, _)| *k == scope).expect("every scope has a place");
            scores.push(s);
            rs.push(RespondentScore { respondent: ri as u32, scope, score: s });
        }
    }
    let mut groups = Vec::new();
    for ((year, institution, line), mut scopes) in by_group {
        for (scope, scores) in scopes.iter_mut() {
            if scores.is_empty() {
                continue;
            }
            let scope = *scope;
            scores.sort_by(f64::total_cmp);
            let (sum, m2, median) = of_sorted_scores(scores);
            let n = scores.len() as u64;
            let items = editions.for_year(year).count(line, scope.area, scope.kind);
            let reconstructable = privacy::may_give_away(n, items) && privacy::reconstructable(scores, items);
            groups.push(GroupStat {
                year,
                institution: institution.to_string(),
                line,
                scope,
                n,
                sum,
                m2,
                median,
                reconstructable,
            });
        }
    }
    (groups, rs)
}

/// Items: n and the sum of the degrees in thirds per institution-year, line and item,
/// aggregated by polars over every answer (whole numbers: exact in any order).
fn item_stats(respondents: &[Respondent]) -> Result<Vec<ItemStat>, PolarsError> {
    let names: Vec<&str> =
        respondents.iter().map(|r| r.institution.as_str()).collect::<BTreeSet<_>>().into_iter().collect();
    let index: HashMap<&str, u32> = names.iter().enumerate().map(|(i, n)| (*n, i as u32)).collect();
    let answers: usize = respondents.iter().map(|r| r.answers.len()).sum();
    let col = || Vec::<u32>::with_capacity(answers);
    let (mut year, mut inst, mut line, mut item, mut thirds) = (col(), col(), col(), col(), col());
    for r in respondents {
        let ii = index[r.institution.as_str()];
        for &(it, d) in &r.answers {
            year.push(r.year as u32);
            inst.push(ii);
            line.push(r.line.number() as u32);
            item.push(it as u32);
            thirds.push(d as u32);
        }
    }
    let df = DataFrame::new(
        year.len(),
        vec![
            Column::new("year".into(), year),
            Column::new("inst".into(), inst),
            Column::new("line".into(), line),
            Column::new("item".into(), item),
            Column::new("thirds".into(), thirds),
        ],
    )?;
    let out = df
        .lazy()
        .group_by([col_expr("year"), col_expr("inst"), col_expr("line"), col_expr("item")])
        .agg([len().alias("n"), col_expr("thirds").cast(DataType::UInt64).sum().alias("sum")])
        .collect()?;
    let u32s = |name: &str| -> Result<Vec<u32>, PolarsError> {
        let c = out.column(name)?.u32()?;
        Ok((0..c.len()).map(|i| c.get(i).unwrap_or(0)).collect())
    };
    let (year, inst, line, item) = (u32s("year")?, u32s("inst")?, u32s("line")?, u32s("item")?);
    let n = out.column("n")?.cast(&DataType::UInt64)?;
    let n = n.u64()?;
    let sum = out.column("sum")?.cast(&DataType::UInt64)?;
    let sum = sum.u64()?;
    let mut rows = Vec::with_capacity(out.height());
    for i in 0..out.height() {
        rows.push(ItemStat {
            year: year[i] as u16,
            institution: names[inst[i] as usize].to_string(),
            line: Line::from_number(line[i] as u8).expect("line number from our own table"),
            item: item[i] as ItemIdx,
            n: n.get(i).unwrap_or(0),
            thirds: sum.get(i).unwrap_or(0),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_do_not_depend_on_the_order_of_the_scores() {
        // 10, 20, 60: sum 90, mean 30, deviations −20, −10, 30 → m2 = 400 + 100 + 900 = 1400,
        // median 20.
        let (sum, m2, median) = of_sorted_scores(&[10.0, 20.0, 60.0]);
        assert_eq!((sum, median), (90.0, 20.0));
        assert!((m2 - 1400.0).abs() < 1e-9);
        // Equal scores have no spread at all: 3 × 33.33… gives m2 = 0 exactly.
        let third = 100.0 / 3.0;
        assert_eq!(of_sorted_scores(&[third, third, third]).1, 0.0);
        // An even count: the median is the mean of the middle two (20 and 30 → 25).
        assert_eq!(of_sorted_scores(&[10.0, 20.0, 30.0, 90.0]).2, 25.0);
    }

    #[test]
    fn the_same_respondents_in_another_order_give_the_same_statistics_bit_for_bit() {
        use crate::framework::{Framework, ItemIdx};
        let fw = Framework::embedded();
        let items: Vec<ItemIdx> = fw.line_items(Line::L2).take(7).collect();
        let mut rs: Vec<Respondent> = (0..9u8)
            .map(|i| Respondent {
                key: format!("R{i}"),
                file: (i % 3) as usize,
                institution: if i % 2 == 0 { "A".into() } else { "B".into() },
                year: 2026,
                line: Line::L2,
                edition: 0,
                location: None,
                team: None,
                answers: items
                    .iter()
                    .enumerate()
                    .skip((i % 3) as usize)
                    .map(|(j, &it)| (it, (i + j as u8) % 4))
                    .collect(),
                na: Vec::new(),
            })
            .collect();
        let ed = Editions::single(fw);
        let (a, _) = of_respondents(&ed, &rs).unwrap();
        rs.reverse();
        rs.rotate_left(4);
        let (b, _) = of_respondents(&ed, &rs).unwrap();
        assert_eq!(a, b);
        // A: respondents 0, 2, 4, 6, 8 in line 2: n = 5 for the line.
        let line_a = a.groups.iter().find(|g| g.institution == "A" && g.scope == Scope::LINE).unwrap();
        assert_eq!(line_a.n, 5);
    }
}
