//! Scoring (SPEC §4) and privacy (SPEC §5): respondent, group, item and sector scores
//! with n, sd, median and 95 % confidence intervals; the distribution of institution
//! scores, benchmarks and gaps between lines; and suppression of small groups with the
//! complementary cells that keep them hidden. The only stage that uses polars.

pub mod privacy;
pub mod stats;

use std::collections::{BTreeMap, BTreeSet};

// foldhash: the report stage looks scores up millions of times; SipHash was 2 % of a run.
use foldhash::HashMap;

use polars::prelude::*;

use crate::framework::{Area, Editions, Framework, ItemIdx, Kind, Line};
use crate::ingest::institutions::{InstitutionMeta, Sector};
use crate::ingest::Respondent;
use stats::{ci95, percentile_rank_sorted, quantile};

/// What part of a line's items a score covers: an area × kind cell, an area, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope {
    pub area: Option<Area>,
    pub kind: Option<Kind>,
}

impl Scope {
    pub const LINE: Scope = Scope { area: None, kind: None };

    pub fn area(a: Area) -> Scope {
        Scope { area: Some(a), kind: None }
    }

    pub fn cell(a: Area, k: Kind) -> Scope {
        Scope { area: Some(a), kind: Some(k) }
    }

    /// All 13 scopes: the line, its 4 areas and the 8 area × kind cells.
    pub fn all() -> Vec<Scope> {
        let mut v = vec![Scope::LINE];
        for a in Area::ALL {
            v.push(Scope::area(a));
            for k in Kind::ALL {
                v.push(Scope::cell(a, k));
            }
        }
        v
    }

    pub fn area_code(self) -> &'static str {
        self.area.map_or("ALL", Area::code)
    }

    pub fn kind_code(self) -> &'static str {
        self.kind.map_or("ALL", Kind::code)
    }

    pub fn contains(self, area: Area, kind: Kind) -> bool {
        self.area.is_none_or(|a| a == area) && self.kind.is_none_or(|k| k == kind)
    }

    /// The scopes a total is made of: the areas of the line, the kinds of an area.
    pub fn parts(self) -> Vec<Scope> {
        match (self.area, self.kind) {
            (None, _) => Area::ALL.into_iter().map(Scope::area).collect(),
            (Some(a), None) => Kind::ALL.into_iter().map(|k| Scope::cell(a, k)).collect(),
            (Some(_), Some(_)) => Vec::new(),
        }
    }

    fn code(self) -> u32 {
        let a = self.area.map_or(4, |a| a as u32);
        let k = self.kind.map_or(2, |k| k as u32);
        a * 3 + k
    }

    fn from_code(c: u32) -> Scope {
        let area = Area::ALL.get((c / 3) as usize).copied();
        let kind = Kind::ALL.get((c % 3) as usize).copied();
        Scope { area, kind }
    }
}

/// Why a figure is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Suppression {
    Shown,
    /// n below `min_group_size`.
    Small,
    /// Hidden so that a small group cannot be worked back from what is shown.
    Complementary,
}

impl Suppression {
    pub fn is_hidden(self) -> bool {
        self != Suppression::Shown
    }
}

/// Mean, spread and interval of a set of scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    pub mean: f64,
    pub sd: Option<f64>,
    pub median: f64,
    pub ci: Option<(f64, f64)>,
}

/// Institution × year × line × scope.
#[derive(Debug, Clone)]
pub struct GroupScore {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    /// Respondents with at least one answered item in scope.
    pub n: u64,
    /// None when n = 0.
    pub stat: Option<Stat>,
    pub suppression: Suppression,
}

impl GroupScore {
    /// The figures, when they may be shown.
    pub fn shown(&self) -> Option<&Stat> {
        if self.suppression.is_hidden() {
            None
        } else {
            self.stat.as_ref()
        }
    }
}

/// Year × peer group × line × scope, pooled over all respondents.
#[derive(Debug, Clone)]
pub struct SectorScore {
    pub year: u16,
    /// None: the whole sector.
    pub peer: Option<Sector>,
    pub line: Line,
    pub scope: Scope,
    pub n: u64,
    pub stat: Option<Stat>,
    /// Institutions with respondents in it.
    pub institutions: usize,
    /// Institutions whose group is shown.
    pub shown: usize,
    /// P25, median, P75 over the shown institutions' scores.
    pub quartiles: Option<(f64, f64, f64)>,
    /// Too few institutions, or a pooled figure that would give a small group away.
    pub suppressed: bool,
}

/// Year × institution (None: sector) × line × item.
#[derive(Debug, Clone)]
pub struct ItemScore {
    pub year: u16,
    pub institution: Option<String>,
    pub line: Line,
    pub item: ItemIdx,
    pub n: u64,
    pub score: f64,
    pub suppression: Suppression,
}

/// One respondent's score for one scope. `respondent` indexes the respondents that
/// were scored (`Ingested::respondents`), which hold who they are; keeping an index
/// instead of copies keeps a national run's 1.4 million rows small.
#[derive(Debug, Clone, Copy)]
pub struct RespondentScore {
    pub respondent: u32,
    pub scope: Scope,
    pub score: f64,
}

/// Where an institution stands: percentile rank in the sector and its peer group, and
/// its change since the previous year it took part.
#[derive(Debug, Clone)]
pub struct Benchmark {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    pub score: f64,
    pub rank_sector: Option<f64>,
    pub rank_peer: Option<f64>,
    /// (previous year, change in points); only when both years are shown.
    pub change: Option<(u16, f64)>,
}

/// Difference between two lines' sector scores in one year and scope (`b − a`).
#[derive(Debug, Clone)]
pub struct LineGap {
    pub year: u16,
    pub scope: Scope,
    pub a: Line,
    pub b: Line,
    pub diff: f64,
}

/// A pooled cell: year × peer group (None = whole sector) × line × scope.
pub type CellKey = (u16, Option<Sector>, Line, Scope);

/// Thresholds of SPEC §5.
#[derive(Debug, Clone, Copy)]
pub struct Privacy {
    pub min_group_size: u64,
    pub min_institutions: usize,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy { min_group_size: 5, min_institutions: 3 }
    }
}

/// Everything scoring hands to the reports.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub years: Vec<u16>,
    pub groups: Vec<GroupScore>,
    pub sector: Vec<SectorScore>,
    pub items: Vec<ItemScore>,
    pub respondents: Vec<RespondentScore>,
    pub benchmarks: Vec<Benchmark>,
    pub gaps: Vec<LineGap>,
    /// The framework edition each year was scored with.
    pub editions: BTreeMap<u16, String>,
    /// Institution names to small ids, so look-ups by name borrow it instead of
    /// allocating a key (the respondent table looks up 1.4 million times nationally).
    institution_ids: HashMap<String, u32>,
    group_index: HashMap<(u16, u32, Line, Scope), usize>,
    benchmark_index: HashMap<(u16, u32, Line, Scope), usize>,
    /// Items are sorted by (year, institution, line, item): each (year, institution)
    /// is one run of rows; None is the sector.
    item_runs: HashMap<(u16, Option<u32>), std::ops::Range<usize>>,
    sector_index: HashMap<CellKey, usize>,
}

impl Scores {
    pub fn group(&self, year: u16, institution: &str, line: Line, scope: Scope) -> Option<&GroupScore> {
        let id = *self.institution_ids.get(institution)?;
        self.group_index.get(&(year, id, line, scope)).map(|&i| &self.groups[i])
    }

    pub fn sector(&self, year: u16, peer: Option<Sector>, line: Line, scope: Scope) -> Option<&SectorScore> {
        self.sector_index.get(&(year, peer, line, scope)).map(|&i| &self.sector[i])
    }

    pub fn benchmark(&self, year: u16, institution: &str, line: Line, scope: Scope) -> Option<&Benchmark> {
        let id = *self.institution_ids.get(institution)?;
        self.benchmark_index.get(&(year, id, line, scope)).map(|&i| &self.benchmarks[i])
    }

    /// The item scores of one institution (None: the sector) in one year.
    pub fn items_of(&self, year: u16, institution: Option<&str>) -> &[ItemScore] {
        let id = match institution {
            Some(name) => match self.institution_ids.get(name) {
                Some(id) => Some(*id),
                None => return &[],
            },
            None => None,
        };
        self.item_runs.get(&(year, id)).map_or(&[][..], |r| &self.items[r.clone()])
    }

    /// Years from which a new framework edition applies (none within one edition).
    pub fn series_breaks(&self) -> Vec<u16> {
        self.years.windows(2).filter(|w| self.editions.get(&w[0]) != self.editions.get(&w[1])).map(|w| w[1]).collect()
    }

    /// Institution-years that took part, in order.
    pub fn institution_years(&self) -> Vec<(String, u16)> {
        let set: BTreeSet<(String, u16)> = self.groups.iter().map(|g| (g.institution.clone(), g.year)).collect();
        set.into_iter().collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("aggregation failed: {0}")]
    Polars(#[from] PolarsError),
}

/// Per-respondent score per scope: 100 × mean degree over answered items in scope.
fn respondent_scope_scores(fw: &Framework, r: &Respondent) -> Vec<(Scope, f64)> {
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

/// Group rows: keys (u32 each), n, mean, sd, median.
type AggRow = (Vec<u32>, u64, f64, Option<f64>, f64);

fn aggregate(df: &DataFrame, keys: &[&str], value: &str) -> Result<Vec<AggRow>, PolarsError> {
    aggregate_with(df, keys, value, true)
}

/// n and mean only (sd and median `NaN`): item scores need no more, and the median of
/// 3.6 million answers in 68,000 groups is most of the items' aggregation time.
fn aggregate_means(df: &DataFrame, keys: &[&str], value: &str) -> Result<Vec<AggRow>, PolarsError> {
    aggregate_with(df, keys, value, false)
}

fn aggregate_with(df: &DataFrame, keys: &[&str], value: &str, spread: bool) -> Result<Vec<AggRow>, PolarsError> {
    let key_exprs: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let out = df
        .clone()
        .lazy()
        .group_by(key_exprs)
        .agg(if spread {
            vec![
                len().alias("n"),
                col(value).mean().alias("mean"),
                col(value).std(1).alias("sd"),
                col(value).median().alias("median"),
            ]
        } else {
            vec![
                len().alias("n"),
                col(value).mean().alias("mean"),
                lit(f64::NAN).alias("sd"),
                lit(f64::NAN).alias("median"),
            ]
        })
        .collect()?;
    let key_cols: Vec<Vec<u32>> = keys
        .iter()
        .map(|k| out.column(k).and_then(|c| c.u32()).map(|ca| (0..ca.len()).map(|i| ca.get(i).unwrap_or(0)).collect()))
        .collect::<Result<_, _>>()?;
    let n = out.column("n")?.cast(&DataType::UInt64)?;
    let n = n.u64()?;
    let mean = out.column("mean")?.f64()?;
    let sd = out.column("sd")?.f64()?;
    let median = out.column("median")?.f64()?;
    let mut rows: Vec<AggRow> = Vec::with_capacity(out.height());
    for i in 0..out.height() {
        rows.push((
            key_cols.iter().map(|c| c[i]).collect::<Vec<u32>>(),
            n.get(i).unwrap_or(0),
            mean.get(i).unwrap_or(f64::NAN),
            sd.get(i).filter(|v| v.is_finite()),
            median.get(i).unwrap_or(f64::NAN),
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(rows)
}

fn stat_of(n: u64, mean: f64, sd: Option<f64>, median: f64) -> Option<Stat> {
    (n > 0).then(|| Stat { mean, sd, median, ci: sd.and_then(|s| ci95(mean, s, n)) })
}

fn peer_code(p: Option<Sector>) -> u32 {
    p.map_or(0, |s| s as u32 + 1)
}

/// Scores every scope of every group, the sector and the items, then applies privacy.
pub fn score(
    editions: &Editions,
    respondents: &[Respondent],
    institutions: &BTreeMap<String, InstitutionMeta>,
    privacy: Privacy,
) -> Result<Scores, ScoreError> {
    // Institutions by index, in name order, so polars keys are small integers.
    let names: Vec<String> = respondents
        .iter()
        .map(|r| r.institution.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(String::from)
        .collect();
    let inst_idx: HashMap<String, u32> = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
    let peer_of = |inst: &str| institutions.get(inst).and_then(|m| m.sector);

    // Respondent scores, computed exactly in thirds.
    // Sized up front (at most one row per scope and respondent): grown by doubling,
    // these columns touched twice the memory, and fresh memory is not free.
    let cap = respondents.len() * Scope::all().len();
    let mut rs = Vec::with_capacity(cap);
    let col = || Vec::with_capacity(cap);
    let (mut c_year, mut c_inst, mut c_line, mut c_peer, mut c_scope, mut c_score) =
        (col(), col(), col(), col(), col(), Vec::with_capacity(cap));
    for (ri, r) in respondents.iter().enumerate() {
        let ii = inst_idx[r.institution.as_str()];
        let peer = peer_code(peer_of(&r.institution));
        for (scope, s) in respondent_scope_scores(editions.get(r.edition as usize), r) {
            c_year.push(r.year as u32);
            c_inst.push(ii);
            c_line.push(r.line.number() as u32);
            c_peer.push(peer);
            c_scope.push(scope.code());
            c_score.push(s);
            rs.push(RespondentScore { respondent: ri as u32, scope, score: s });
        }
    }
    let height = c_year.len();
    let df = DataFrame::new(
        height,
        vec![
            Column::new("year".into(), c_year),
            Column::new("inst".into(), c_inst),
            Column::new("line".into(), c_line),
            Column::new("peer".into(), c_peer),
            Column::new("scope".into(), c_scope),
            Column::new("score".into(), c_score),
        ],
    )?;

    let line_of = |n: u32| Line::from_number(n as u8).expect("line number from our own table");

    // Groups: institution × year × line × scope.
    let mut groups = Vec::new();
    for (k, n, mean, sd, median) in aggregate(&df, &["year", "inst", "line", "scope"], "score")? {
        groups.push(GroupScore {
            year: k[0] as u16,
            institution: names[k[1] as usize].clone(),
            line: line_of(k[2]),
            scope: Scope::from_code(k[3]),
            n,
            stat: stat_of(n, mean, sd, median),
            suppression: Suppression::Shown,
        });
    }
    // Every scope of a group that took part has a row, n = 0 where nobody answered.
    let present: BTreeSet<(u16, String, Line)> =
        groups.iter().map(|g| (g.year, g.institution.clone(), g.line)).collect();
    let have: BTreeSet<(u16, String, Line, Scope)> =
        groups.iter().map(|g| (g.year, g.institution.clone(), g.line, g.scope)).collect();
    for (year, inst, line) in &present {
        for scope in Scope::all() {
            if !have.contains(&(*year, inst.clone(), *line, scope)) {
                groups.push(GroupScore {
                    year: *year,
                    institution: inst.clone(),
                    line: *line,
                    scope,
                    n: 0,
                    stat: None,
                    suppression: Suppression::Shown,
                });
            }
        }
    }
    groups.sort_by(|a, b| (a.year, &a.institution, a.line, a.scope).cmp(&(b.year, &b.institution, b.line, b.scope)));

    // Sector: pooled over all respondents, and per peer group.
    let mut sector = Vec::new();
    for (k, n, mean, sd, median) in aggregate(&df, &["year", "line", "scope"], "score")? {
        sector.push((None, k, n, mean, sd, median));
    }
    for (k, n, mean, sd, median) in aggregate(&df, &["year", "peer", "line", "scope"], "score")? {
        if k[1] == 0 {
            continue;
        }
        let peer = Sector::ALL[(k[1] - 1) as usize];
        sector.push((Some(peer), vec![k[0], k[2], k[3]], n, mean, sd, median));
    }
    let mut sector: Vec<SectorScore> = sector
        .into_iter()
        .map(|(peer, k, n, mean, sd, median)| SectorScore {
            year: k[0] as u16,
            peer,
            line: line_of(k[1]),
            scope: Scope::from_code(k[2]),
            n,
            stat: stat_of(n, mean, sd, median),
            institutions: 0,
            shown: 0,
            quartiles: None,
            suppressed: false,
        })
        .collect();
    sector.sort_by_key(|s| (s.year, s.peer, s.line, s.scope));

    // Items: per institution and for the sector.
    let answers: usize = respondents.iter().map(|r| r.answers.len()).sum();
    let col = || Vec::<u32>::with_capacity(answers);
    let (mut a_year, mut a_inst, mut a_line, mut a_item, mut a_v) =
        (col(), col(), col(), col(), Vec::with_capacity(answers));
    for r in respondents {
        let ii = inst_idx[r.institution.as_str()];
        for &(item, d) in &r.answers {
            a_year.push(r.year as u32);
            a_inst.push(ii);
            a_line.push(r.line.number() as u32);
            a_item.push(item as u32);
            a_v.push(100.0 * d as f64 / 3.0);
        }
    }
    let h = a_year.len();
    let adf = DataFrame::new(
        h,
        vec![
            Column::new("year".into(), a_year),
            Column::new("inst".into(), a_inst),
            Column::new("line".into(), a_line),
            Column::new("item".into(), a_item),
            Column::new("v".into(), a_v),
        ],
    )?;
    let mut items = Vec::new();
    for (k, n, mean, _, _) in aggregate_means(&adf, &["year", "inst", "line", "item"], "v")? {
        items.push(ItemScore {
            year: k[0] as u16,
            institution: Some(names[k[1] as usize].clone()),
            line: line_of(k[2]),
            item: k[3] as ItemIdx,
            n,
            score: mean,
            suppression: Suppression::Shown,
        });
    }
    for (k, n, mean, _, _) in aggregate_means(&adf, &["year", "line", "item"], "v")? {
        items.push(ItemScore {
            year: k[0] as u16,
            institution: None,
            line: line_of(k[1]),
            item: k[2] as ItemIdx,
            n,
            score: mean,
            suppression: Suppression::Shown,
        });
    }
    items.sort_by(|a, b| (a.year, &a.institution, a.line, a.item).cmp(&(b.year, &b.institution, b.line, b.item)));

    privacy::suppress(editions, &mut groups, &mut sector, &mut items, institutions, privacy);

    let mut scores = Scores {
        years: groups.iter().map(|g| g.year).collect::<BTreeSet<_>>().into_iter().collect(),
        groups,
        sector,
        items,
        respondents: rs,
        ..Default::default()
    };
    // The edition each year was scored with: changes and trends stop where it changes.
    scores.editions = scores.years.iter().map(|&y| (y, editions.for_year(y).edition.clone())).collect();
    scores.group_index = scores
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| ((g.year, inst_idx[&g.institution], g.line, g.scope), i))
        .collect();
    // Set before the benchmarks, which look groups up by name.
    scores.institution_ids = inst_idx;
    fill_distribution(&mut scores, institutions, privacy);
    scores.sector_index =
        scores.sector.iter().enumerate().map(|(i, s)| ((s.year, s.peer, s.line, s.scope), i)).collect();
    scores.benchmarks = benchmarks(&scores, institutions, privacy);
    scores.benchmark_index = scores
        .benchmarks
        .iter()
        .enumerate()
        .map(|(i, b)| ((b.year, scores.institution_ids[&b.institution], b.line, b.scope), i))
        .collect();
    let mut runs: HashMap<(u16, Option<u32>), std::ops::Range<usize>> = HashMap::default();
    for (i, it) in scores.items.iter().enumerate() {
        let id = it.institution.as_ref().map(|n| scores.institution_ids[n]);
        runs.entry((it.year, id)).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
    }
    scores.item_runs = runs;
    scores.gaps = gaps(&scores);
    Ok(scores)
}

/// Institutions, shown institutions and quartiles of every sector row.
fn fill_distribution(scores: &mut Scores, institutions: &BTreeMap<String, InstitutionMeta>, privacy: Privacy) {
    let peer_of = |inst: &str| institutions.get(inst).and_then(|m| m.sector);
    let mut by_cell: HashMap<CellKey, (usize, Vec<f64>)> = HashMap::default();
    for g in &scores.groups {
        if g.n == 0 {
            continue;
        }
        let peers = [Some(None), peer_of(&g.institution).map(Some)];
        for peer in peers.into_iter().flatten() {
            let e = by_cell.entry((g.year, peer, g.line, g.scope)).or_default();
            e.0 += 1;
            if let Some(s) = g.shown() {
                e.1.push(s.mean);
            }
        }
    }
    for s in &mut scores.sector {
        let Some((count, shown)) = by_cell.get_mut(&(s.year, s.peer, s.line, s.scope)) else { continue };
        shown.sort_by(|a, b| a.partial_cmp(b).expect("scores are finite"));
        s.institutions = *count;
        s.shown = shown.len();
        if *count < privacy.min_institutions {
            s.suppressed = true;
        }
        if shown.len() >= privacy.min_institutions && !s.suppressed {
            s.quartiles = Some((
                quantile(shown, 0.25).expect("non-empty"),
                quantile(shown, 0.5).expect("non-empty"),
                quantile(shown, 0.75).expect("non-empty"),
            ));
        }
    }
}

fn benchmarks(scores: &Scores, institutions: &BTreeMap<String, InstitutionMeta>, privacy: Privacy) -> Vec<Benchmark> {
    let peer_of = |inst: &str| institutions.get(inst).and_then(|m| m.sector);
    let mut shown: HashMap<CellKey, Vec<f64>> = HashMap::default();
    for g in &scores.groups {
        if let Some(s) = g.shown() {
            shown.entry((g.year, None, g.line, g.scope)).or_default().push(s.mean);
            if let Some(p) = peer_of(&g.institution) {
                shown.entry((g.year, Some(p), g.line, g.scope)).or_default().push(s.mean);
            }
        }
    }
    for vals in shown.values_mut() {
        vals.sort_by(|a, b| a.partial_cmp(b).expect("scores are finite"));
    }
    let rank = |key, v: f64| {
        shown
            .get(&key)
            .filter(|vals| vals.len() >= privacy.min_institutions)
            .and_then(|vals| percentile_rank_sorted(v, vals))
    };
    let mut out = Vec::new();
    for g in &scores.groups {
        let Some(s) = g.shown() else { continue };
        // The previous year it took part, within the same framework edition: no change
        // is computed across a series break.
        let previous = scores
            .years
            .iter()
            .rev()
            .filter(|&&y| y < g.year && scores.editions.get(&y) == scores.editions.get(&g.year))
            .find_map(|&y| scores.group(y, &g.institution, g.line, g.scope).filter(|p| p.n > 0).map(|p| (y, p)));
        let change = previous.and_then(|(y, p)| p.shown().map(|ps| (y, s.mean - ps.mean)));
        out.push(Benchmark {
            year: g.year,
            institution: g.institution.clone(),
            line: g.line,
            scope: g.scope,
            score: s.mean,
            rank_sector: rank((g.year, None, g.line, g.scope), s.mean),
            rank_peer: peer_of(&g.institution).and_then(|p| rank((g.year, Some(p), g.line, g.scope), s.mean)),
            change,
        });
    }
    out
}

fn gaps(scores: &Scores) -> Vec<LineGap> {
    let mut out = Vec::new();
    for &year in &scores.years {
        for scope in Scope::all() {
            let mean =
                |l| scores.sector(year, None, l, scope).filter(|s| !s.suppressed).and_then(|s| s.stat).map(|s| s.mean);
            for (a, b) in [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)] {
                if let (Some(x), Some(y)) = (mean(a), mean(b)) {
                    out.push(LineGap { year, scope, a, b, diff: y - x });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
