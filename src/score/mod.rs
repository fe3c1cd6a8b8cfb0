//! Scoring (SPEC §4) and privacy (SPEC §5): respondent, group, item and sector scores
//! with n, sd, median and 95 % confidence intervals; the distribution of institution
//! scores, benchmarks and gaps between lines; and suppression of small groups with the
//! complementary cells that keep them hidden. The only stage that uses polars.

pub mod against;
pub mod privacy;
pub mod published;
pub mod stats;
pub mod sufficient;
pub mod teams;

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashSet};

use polars::prelude::PolarsError;

use crate::framework::{Area, Editions, ItemIdx, Kind, Line};
use crate::ingest::institutions::{InstitutionMeta, Sector};
use crate::ingest::Respondent;
pub use published::{Published, Why};
use stats::{ci95, percentile_rank_sorted, quantile};
#[cfg(test)]
use sufficient::respondent_scope_scores;
pub use sufficient::Statistics;

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

/// Mean, spread and interval of a set of scores, as published: the spread, the median
/// and the interval (which gives the spread away) are withheld where they, with n and
/// the mean, would give away every respondent's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub n: u64,
    pub mean: f64,
    detail: Published<Detail>,
}

/// The part of a figure that says how scores are spread.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detail {
    pub sd: Option<f64>,
    pub median: f64,
    pub ci: Option<(f64, f64)>,
}

impl Figures {
    pub fn sd(&self) -> Option<f64> {
        self.detail.shown().and_then(|d| d.sd)
    }

    /// The median; none for pooled figures (not published: only the quartiles of
    /// institution scores are).
    pub fn median(&self) -> Option<f64> {
        self.detail.shown().map(|d| d.median).filter(|m| m.is_finite())
    }

    pub fn ci(&self) -> Option<(f64, f64)> {
        self.detail.shown().and_then(|d| d.ci)
    }

    /// Why the spread is withheld, if it is.
    pub fn detail_withheld(&self) -> Option<Why> {
        self.detail.why_hidden()
    }
}

/// Institution × year × line × scope.
#[derive(Debug, Clone)]
pub struct GroupScore {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    figures: Published<Figures>,
}

impl GroupScore {
    /// The figures, where they may be shown.
    pub fn shown(&self) -> Option<&Figures> {
        self.figures.shown()
    }

    pub fn hidden(&self) -> Option<Why> {
        self.figures.why_hidden()
    }

    /// The figures as the institution's own portret may show them (SPEC §5: its own
    /// data, where hidden only to protect another group).
    pub fn for_own_institution(&self) -> Option<&Figures> {
        self.figures.for_own_institution()
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
    figures: Published<Figures>,
    /// Institutions with respondents in it.
    pub institutions: usize,
    /// Institutions whose group is shown: the distribution is taken over these.
    pub shown: usize,
    /// Of the institutions not shown: those too small to show (`<5`), and those hidden
    /// to protect a small group elsewhere (`afgeschermd`). `institutions = shown +
    /// not_shown_small + not_shown_protected`.
    pub not_shown_small: usize,
    pub not_shown_protected: usize,
    /// P25, median, P75 over the shown institutions' scores.
    pub quartiles: Option<(f64, f64, f64)>,
}

impl SectorScore {
    pub fn shown(&self) -> Option<&Figures> {
        self.figures.shown()
    }

    pub fn hidden(&self) -> Option<Why> {
        self.figures.why_hidden()
    }
}

/// An item's score: n and mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemFigures {
    pub n: u64,
    pub score: f64,
}

/// Year × institution (None: sector) × line × item.
#[derive(Debug, Clone)]
pub struct ItemScore {
    pub year: u16,
    pub institution: Option<String>,
    pub line: Line,
    pub item: ItemIdx,
    figures: Published<ItemFigures>,
}

impl ItemScore {
    pub fn shown(&self) -> Option<&ItemFigures> {
        self.figures.shown()
    }

    pub fn hidden(&self) -> Option<Why> {
        self.figures.why_hidden()
    }
}

/// One respondent's score for one scope, in a group that is shown. `respondent`
/// indexes the respondents that were scored (`Ingested::respondents`), which hold who
/// they are; keeping an index instead of copies keeps a national run's rows small.
#[derive(Debug, Clone, Copy)]
pub struct RespondentScore {
    pub respondent: u32,
    pub scope: Scope,
    pub score: f64,
}

/// A difference with its uncertainty: the estimate, and where both groups publish
/// their spread, Welch's 95 % interval and whether it excludes 0 (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// `b − a` of the unrounded figures: what the interval and the test are about.
    pub diff: f64,
    /// The difference as the reports print it beside its two figures: of the two
    /// figures each rounded as printed ([`as_printed`]), so a reader who subtracts the
    /// printed figures finds the printed difference (63,4 − 60,1 = 3,3, where the
    /// unrounded figures differ by 3.35 and would print as 3,4). See [`shown_difference`].
    pub shown: f64,
    pub ci: Option<(f64, f64)>,
}

/// A figure as the reports print it (one decimal, half away from zero, as a
/// spreadsheet shows a number formatted `0.0`). Every printed score and every printed
/// difference goes through this one rounding.
pub fn as_printed(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    // Never −0.0: a figure that prints as zero is zero.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// `b − a` as printed beside the printed `a` and `b`: the difference of the rounded
/// figures (itself exact at one decimal, so it prints as the subtraction gives it).
pub fn shown_difference(a: f64, b: f64) -> f64 {
    as_printed(as_printed(b) - as_printed(a))
}

impl Difference {
    fn of(a: (u64, f64, Option<f64>), b: (u64, f64, Option<f64>)) -> Difference {
        let ci = match (a.2, b.2) {
            (Some(sa), Some(sb)) => stats::welch((a.0, a.1, sa), (b.0, b.1, sb)).map(|w| w.ci),
            _ => None,
        };
        Difference { diff: b.1 - a.1, shown: shown_difference(a.1, b.1), ci }
    }

    /// A difference whose two figures are not at hand (read back from a published
    /// reference, or written by hand in a test): printed as its own rounding.
    pub fn unpaired(diff: f64, ci: Option<(f64, f64)>) -> Difference {
        Difference { diff, shown: as_printed(diff), ci }
    }

    /// `b − a` between two published figures, with Welch's interval where both publish
    /// their spread (none where either is withheld, so no interval gives it away).
    pub fn between(a: &Figures, b: &Figures) -> Difference {
        Difference::of((a.n, a.mean, a.sd()), (b.n, b.mean, b.sd()))
    }

    /// Whether the interval excludes 0; none without an interval.
    pub fn significant(&self) -> Option<bool> {
        self.ci.map(|(lo, hi)| lo > 0.0 || hi < 0.0)
    }
}

/// A change since the previous year taken part in (same framework edition).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub previous_year: u16,
    pub previous: f64,
    pub change: Difference,
}

/// The decimals `benchmarks.csv` and `sector_scores.csv` print scores with.
pub const TABLE_DECIMALS: i32 = 2;

/// Where a percentile rank falls, given as words where too few institutions are shown
/// for a number to mean anything (SPEC §4: fewer than 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    LowestQuarter,
    MiddleHalf,
    HighestQuarter,
}

impl Band {
    /// The position of a score against the quartiles P25 and P75 printed beside it
    /// (SPEC §4, "say only what the figures support"): below P25 the lowest quarter,
    /// above P75 the highest, between them (P25 and P75 included) the middle half. The
    /// one rule of the band, for the portret, the sector workbook and `benchmarks.csv`,
    /// compared at the decimals the figures are printed with beside it (`decimals`: 2
    /// in the tables, 1 in the reports), so a score and a P25 that read the same are
    /// never called "below" and the band never contradicts the quartiles beside it.
    pub fn of_position(score: f64, p25: f64, p75: f64, decimals: i32) -> Band {
        let scale = 10f64.powi(decimals);
        let printed = |v: f64| (v * scale).round() / scale;
        let (score, p25, p75) = (printed(score), printed(p25), printed(p75));
        if score < p25 {
            Band::LowestQuarter
        } else if score > p75 {
            Band::HighestQuarter
        } else {
            Band::MiddleHalf
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Band::LowestQuarter => "lowest_quarter",
            Band::MiddleHalf => "middle_half",
            Band::HighestQuarter => "highest_quarter",
        }
    }
}

/// A percentile rank as published: the number with at least 10 institutions shown, the
/// band with fewer, nothing where the group is too small for figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rank {
    Number(f64, Band),
    Band(Band),
    TooFew,
}

impl Rank {
    pub fn number(&self) -> Option<f64> {
        match self {
            Rank::Number(r, _) => Some(*r),
            _ => None,
        }
    }

    pub fn band(&self) -> Option<Band> {
        match self {
            Rank::Number(_, b) | Rank::Band(b) => Some(*b),
            Rank::TooFew => None,
        }
    }

    /// The band's code, or `too_few_institutions` where the group is too small to rank in.
    pub fn band_code(&self) -> &'static str {
        self.band().map_or("too_few_institutions", Band::code)
    }
}

/// Whether an institution's mean differs from the pooled mean of the other institutions
/// of the sector, after Benjamini–Hochberg over the comparisons of its portret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versus {
    Above,
    Within,
    Below,
}

impl Versus {
    pub fn code(self) -> &'static str {
        match self {
            Versus::Above => "above",
            Versus::Within => "within",
            Versus::Below => "below",
        }
    }
}

/// Where an institution stands: percentile rank in the sector and its peer group, its
/// change since the previous year it took part, and whether it is above, within or
/// below the sector. Only for shown groups.
#[derive(Debug, Clone)]
pub struct Benchmark {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    pub score: f64,
    pub rank_sector: Rank,
    /// None: no peer group known.
    pub rank_peer: Option<Rank>,
    /// Only when both years are shown, within one framework edition.
    pub change: Option<Change>,
    /// Against the other institutions of the sector (BH over the portret's comparisons).
    pub versus_sector: Option<Versus>,
    /// The pooled mean of the other institutions' respondents that `versus_sector` tests
    /// against (from the published sector figures minus the institution's own), with
    /// their number of respondents.
    pub rest_of_sector: Option<(f64, u64)>,
}

/// Difference between two lines' pooled scores in one year, peer group and scope
/// (`b − a`), with Welch's interval on the respondent scores of the two lines.
#[derive(Debug, Clone)]
pub struct LineGap {
    pub year: u16,
    pub peer: Option<Sector>,
    pub scope: Scope,
    pub a: Line,
    pub b: Line,
    pub gap: Difference,
    pub n_a: u64,
    pub n_b: u64,
}

/// The sector's (or a peer group's) change since the previous year, per line and scope.
#[derive(Debug, Clone)]
pub struct SectorChange {
    pub year: u16,
    pub peer: Option<Sector>,
    pub line: Line,
    pub scope: Scope,
    pub change: Change,
}

/// A pooled cell: year × peer group (None = whole sector) × line × scope.
pub type CellKey = (u16, Option<Sector>, Line, Scope);

/// How many figures of a table are hidden, and why (Datakwaliteit, Toelichting). Scopes
/// nobody answered have no figure and are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    /// By their own size (`<5`, too few institutions).
    pub primary: usize,
    /// Of `primary`: pooled figures over too few institutions (not "too small": the
    /// respondents may be many).
    pub few_institutions: usize,
    /// To protect others (complementary suppression).
    pub secondary: usize,
    /// Spread and median withheld (would give respondents away).
    pub detail: usize,
    pub total: usize,
}

/// The suppression counts per table.
#[derive(Debug, Clone, Copy, Default)]
pub struct SuppressionCounts {
    pub groups: Hidden,
    pub sector: Hidden,
    pub items: Hidden,
}

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

/// Everything scoring hands to the reports: a read model in which a hidden figure
/// cannot be read. Look-ups by binary search over rows sorted by their keys.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub years: Vec<u16>,
    /// Sorted by (year, institution, line, scope).
    pub groups: Vec<GroupScore>,
    /// Sorted by (year, peer, line, scope).
    pub sector: Vec<SectorScore>,
    /// Sorted by (year, institution, line, item); `None` (the sector) first per year.
    pub items: Vec<ItemScore>,
    /// Respondents of shown groups only.
    pub respondents: Vec<RespondentScore>,
    /// Sorted by (year, institution, line, scope).
    pub benchmarks: Vec<Benchmark>,
    pub gaps: Vec<LineGap>,
    /// Sorted by (year, peer, line, scope).
    pub sector_changes: Vec<SectorChange>,
    /// The framework edition each year was scored with.
    pub editions: BTreeMap<u16, String>,
    pub suppression: SuppressionCounts,
    /// Per team and per location, sorted by (year, institution, grouping, line, name,
    /// scope); only institution-years whose input names them.
    pub teams: Vec<teams::TeamScore>,
}

impl Scores {
    /// An institution-year's team and location rows (empty where the input has none).
    pub fn teams_of(&self, year: u16, institution: &str) -> &[teams::TeamScore] {
        let key = (year, institution);
        let lo = self.teams.partition_point(|t| (t.year, t.institution.as_str()) < key);
        let hi = self.teams.partition_point(|t| (t.year, t.institution.as_str()) <= key);
        &self.teams[lo..hi]
    }

    pub fn group(&self, year: u16, institution: &str, line: Line, scope: Scope) -> Option<&GroupScore> {
        self.groups
            .binary_search_by(|g| {
                (g.year, g.institution.as_str(), g.line, g.scope).cmp(&(year, institution, line, scope))
            })
            .ok()
            .map(|i| &self.groups[i])
    }

    pub fn sector(&self, year: u16, peer: Option<Sector>, line: Line, scope: Scope) -> Option<&SectorScore> {
        self.sector
            .binary_search_by(|s| (s.year, s.peer, s.line, s.scope).cmp(&(year, peer, line, scope)))
            .ok()
            .map(|i| &self.sector[i])
    }

    pub fn sector_change(&self, year: u16, peer: Option<Sector>, line: Line, scope: Scope) -> Option<&SectorChange> {
        self.sector_changes
            .binary_search_by(|c| (c.year, c.peer, c.line, c.scope).cmp(&(year, peer, line, scope)))
            .ok()
            .map(|i| &self.sector_changes[i])
    }

    pub fn benchmark(&self, year: u16, institution: &str, line: Line, scope: Scope) -> Option<&Benchmark> {
        self.benchmarks
            .binary_search_by(|b| {
                (b.year, b.institution.as_str(), b.line, b.scope).cmp(&(year, institution, line, scope))
            })
            .ok()
            .map(|i| &self.benchmarks[i])
    }

    /// The item scores of one institution (None: the sector) in one year.
    pub fn items_of(&self, year: u16, institution: Option<&str>) -> &[ItemScore] {
        let key = |it: &ItemScore| (it.year, it.institution.as_deref().map(str::to_owned));
        let want = (year, institution.map(str::to_owned));
        let from = self.items.partition_point(|it| key(it) < want);
        let to = self.items.partition_point(|it| key(it) <= want);
        &self.items[from..to]
    }

    /// Years from which a new framework edition applies (none within one edition).
    pub fn series_breaks(&self) -> Vec<u16> {
        self.years.windows(2).filter(|w| self.editions.get(&w[0]) != self.editions.get(&w[1])).map(|w| w[1]).collect()
    }

    /// Institution-years that took part, in order.
    /// Every institution-year, in the order a reader looks names up: alphabetical by
    /// letters alone (case, accents and punctuation aside: "Rijnmond College" before
    /// "ROC Zuiderzee", "Ésprit" among the e's), then by year.
    pub fn institution_years(&self) -> Vec<(String, u16)> {
        let set: BTreeSet<(String, u16)> = self.groups.iter().map(|g| (g.institution.clone(), g.year)).collect();
        let mut v: Vec<(String, u16)> = set.into_iter().collect();
        v.sort_by_cached_key(|(name, year)| (crate::text::normalize(name), name.clone(), *year));
        v
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("aggregation failed: {0}")]
    Polars(#[from] PolarsError),
}

/// Mean, spread and median of a set of scores, before privacy decides what is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stat {
    pub mean: f64,
    pub sd: Option<f64>,
    pub median: f64,
}

/// A group before privacy: its figures and, once decided, why it is hidden.
#[derive(Debug, Clone)]
pub(crate) struct RawGroup {
    pub year: u16,
    pub inst: u32,
    pub line: Line,
    pub scope: Scope,
    pub peer: Option<Sector>,
    pub n: u64,
    pub stat: Option<Stat>,
    pub why: Option<Why>,
    pub detail_why: Option<Why>,
}

/// A pooled cell before privacy.
#[derive(Debug, Clone)]
pub(crate) struct RawSector {
    pub year: u16,
    pub peer: Option<Sector>,
    pub line: Line,
    pub scope: Scope,
    pub n: u64,
    pub stat: Option<Stat>,
    pub why: Option<Why>,
    pub detail_why: Option<Why>,
}

/// An item score before privacy (`inst` None: the sector).
#[derive(Debug, Clone)]
pub(crate) struct RawItem {
    pub year: u16,
    pub inst: Option<u32>,
    pub line: Line,
    pub item: ItemIdx,
    pub n: u64,
    pub score: f64,
    pub why: Option<Why>,
}

/// Scores every scope of every group, the sector and the items, applies privacy
/// (SPEC §5, `privacy.rs`), and hands over the read model.
pub fn score(
    editions: &Editions,
    respondents: &[Respondent],
    institutions: &BTreeMap<String, InstitutionMeta>,
    privacy: Privacy,
) -> Result<Scores, ScoreError> {
    score_with(editions, respondents, &Statistics::default(), institutions, privacy)
}

/// [`score`] of the respondents together with the statistics of institution-years sent
/// as contributions (SPEC §9; none of them also among the respondents): every figure
/// is computed from the groups' sufficient statistics, so a group counts the same
/// whichever way it came.
pub fn score_with(
    editions: &Editions,
    respondents: &[Respondent],
    contributed: &Statistics,
    institutions: &BTreeMap<String, InstitutionMeta>,
    privacy: Privacy,
) -> Result<Scores, ScoreError> {
    let (mut stats, mut rs) = sufficient::of_respondents(editions, respondents)?;
    if !contributed.is_empty() {
        stats.extend(contributed.clone());
    }
    // Institutions by index, in name order.
    let names: Vec<String> = stats
        .groups
        .iter()
        .map(|g| g.institution.as_str())
        .chain(stats.items.iter().map(|i| i.institution.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(String::from)
        .collect();
    let inst_idx: HashMap<String, u32> = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
    let peer_of = |inst: &str| institutions.get(inst).and_then(|m| m.sector);
    let peers: Vec<Option<Sector>> = names.iter().map(|n| peer_of(n)).collect();

    // Groups: institution × year × line × scope; every scope of a group that took part
    // has a row, n = 0 where nobody answered.
    let mut groups: Vec<RawGroup> = Vec::with_capacity(stats.groups.len());
    let mut reconstructable: HashSet<(u16, u32, Line, Scope)> = HashSet::default();
    for g in &stats.groups {
        let inst = inst_idx[g.institution.as_str()];
        if g.reconstructable {
            reconstructable.insert((g.year, inst, g.line, g.scope));
        }
        groups.push(RawGroup {
            year: g.year,
            inst,
            line: g.line,
            scope: g.scope,
            peer: peers[inst as usize],
            n: g.n,
            stat: Some(Stat { mean: g.mean(), sd: g.sd(), median: g.median }),
            why: None,
            detail_why: None,
        });
    }
    let present: BTreeSet<(u16, u32, Line)> = groups.iter().map(|g| (g.year, g.inst, g.line)).collect();
    let have: BTreeSet<(u16, u32, Line, Scope)> = groups.iter().map(|g| (g.year, g.inst, g.line, g.scope)).collect();
    for &(year, inst, line) in &present {
        for scope in Scope::all() {
            if !have.contains(&(year, inst, line, scope)) {
                let peer = peers[inst as usize];
                groups.push(RawGroup { year, inst, line, scope, peer, n: 0, stat: None, why: None, detail_why: None });
            }
        }
    }
    // Sorted by name (institution ids are in name order), as the read model is.
    groups.sort_by_key(|g| (g.year, g.inst, g.line, g.scope));

    // Sector: pooled over all respondents, and per peer group, from the groups' sums in
    // institution order: n and sum add up; the squared deviations from the pooled mean
    // are each group's own plus n × (group mean − pooled mean)². The pooled median is
    // not published: none is computed.
    let mut pooled: BTreeMap<CellKey, Vec<&sufficient::GroupStat>> = BTreeMap::new();
    for g in &stats.groups {
        let peer = peers[inst_idx[g.institution.as_str()] as usize];
        pooled.entry((g.year, None, g.line, g.scope)).or_default().push(g);
        if let Some(p) = peer {
            pooled.entry((g.year, Some(p), g.line, g.scope)).or_default().push(g);
        }
    }
    let mut sector: Vec<RawSector> = Vec::with_capacity(pooled.len());
    let mut pooled_m2: HashMap<CellKey, (f64, f64)> = HashMap::default();
    for (&(year, peer, line, scope), members) in &pooled {
        let n: u64 = members.iter().map(|g| g.n).sum();
        let sum: f64 = members.iter().map(|g| g.sum).sum();
        let mean = sum / n as f64;
        let m2: f64 = members.iter().map(|g| g.m2 + g.n as f64 * (g.mean() - mean) * (g.mean() - mean)).sum();
        let m2 = if members.iter().all(|g| g.m2 == 0.0 && g.mean() == members[0].mean()) { 0.0 } else { m2 };
        let sd = (n >= 2).then(|| (m2 / (n - 1) as f64).max(0.0).sqrt());
        pooled_m2.insert((year, peer, line, scope), (sum, m2));
        sector.push(RawSector {
            year,
            peer,
            line,
            scope,
            n,
            stat: Some(Stat { mean, sd, median: f64::NAN }),
            why: None,
            detail_why: None,
        });
    }
    sector.sort_by_key(|s| (s.year, s.peer, s.line, s.scope));

    // Items: per institution and for the sector (sums of whole thirds: exact).
    let mut items: Vec<RawItem> = Vec::with_capacity(stats.items.len());
    let mut sector_items: BTreeMap<(u16, Line, ItemIdx), (u64, u64)> = BTreeMap::new();
    for it in &stats.items {
        items.push(RawItem {
            year: it.year,
            inst: Some(inst_idx[it.institution.as_str()]),
            line: it.line,
            item: it.item,
            n: it.n,
            score: it.score(),
            why: None,
        });
        let e = sector_items.entry((it.year, it.line, it.item)).or_default();
        e.0 += it.n;
        e.1 += it.thirds;
    }
    for ((year, line, item), (n, thirds)) in sector_items {
        let score = 100.0 * thirds as f64 / (3.0 * n as f64);
        items.push(RawItem { year, inst: None, line, item, n, score, why: None });
    }
    items.sort_by_key(|it| (it.year, it.inst.map(|i| i as i64).unwrap_or(-1), it.line, it.item));

    privacy::suppress(editions, &mut groups, &mut sector, &mut items, privacy);
    privacy::withhold_reconstructable(editions, &reconstructable, &pooled_m2, &mut groups, &mut sector);

    // Teams from every respondent: a team's privacy is decided inside its institution.
    let team_rows = teams::team_scores(respondents, &rs, privacy.min_group_size);
    // Respondent rows of hidden groups never leave score.
    rs.retain(|r| {
        let who = &respondents[r.respondent as usize];
        let key = (who.year, inst_idx[who.institution.as_str()], who.line, r.scope);
        groups.binary_search_by(|g| (g.year, g.inst, g.line, g.scope).cmp(&key)).is_ok_and(|i| groups[i].why.is_none())
    });

    let years: Vec<u16> = groups.iter().map(|g| g.year).collect::<BTreeSet<_>>().into_iter().collect();
    let editions_of: BTreeMap<u16, String> = years.iter().map(|&y| (y, editions.for_year(y).edition.clone())).collect();
    let quartiles = distribution(&groups, &sector, privacy);
    let benchmarks = benchmarks(&groups, &sector, &names, &years, &editions_of, privacy);
    let sector_changes = sector_changes(&sector, &years, &editions_of);
    let suppression = SuppressionCounts {
        groups: count_hidden(groups.iter().filter(|g| g.n > 0).map(|g| (g.why, g.detail_why))),
        sector: count_hidden(sector.iter().filter(|s| s.n > 0).map(|s| (s.why, s.detail_why))),
        items: count_hidden(items.iter().map(|i| (i.why, None))),
    };

    // The read model: figures shown or hidden, and nothing else.
    let figures = |n: u64, stat: Option<Stat>, why: Option<Why>, detail_why: Option<Why>| -> Published<Figures> {
        let Some(st) = stat else { return Published::hidden(why.unwrap_or(Why::Small)) };
        let detail = Detail { sd: st.sd, median: st.median, ci: st.sd.and_then(|sd| ci95(st.mean, sd, n)) };
        let detail = match detail_why {
            Some(w) => Published::hidden(w),
            None => Published::shown_value(detail),
        };
        let f = Figures { n, mean: st.mean, detail };
        match why {
            Some(w) => Published::hidden_value(w, f),
            None => Published::shown_value(f),
        }
    };
    let groups: Vec<GroupScore> = groups
        .into_iter()
        .map(|g| GroupScore {
            year: g.year,
            institution: names[g.inst as usize].clone(),
            line: g.line,
            scope: g.scope,
            figures: figures(g.n, g.stat, g.why, g.detail_why),
        })
        .collect();
    let sector: Vec<SectorScore> = sector
        .into_iter()
        .zip(quartiles)
        .map(|(s, (institutions, shown, not_shown_small, not_shown_protected, quartiles))| SectorScore {
            year: s.year,
            peer: s.peer,
            line: s.line,
            scope: s.scope,
            figures: figures(s.n, s.stat, s.why, s.detail_why),
            institutions,
            shown,
            not_shown_small,
            not_shown_protected,
            quartiles,
        })
        .collect();
    let items: Vec<ItemScore> = items
        .into_iter()
        .map(|it| ItemScore {
            year: it.year,
            institution: it.inst.map(|i| names[i as usize].clone()),
            line: it.line,
            item: it.item,
            figures: match it.why {
                Some(w) => Published::hidden_value(w, ItemFigures { n: it.n, score: it.score }),
                None => Published::shown_value(ItemFigures { n: it.n, score: it.score }),
            },
        })
        .collect();
    let mut scores = Scores {
        years,
        groups,
        sector,
        items,
        respondents: rs,
        benchmarks,
        gaps: Vec::new(),
        sector_changes,
        editions: editions_of,
        suppression,
        teams: team_rows,
    };
    scores.gaps = gaps(&scores);
    Ok(scores)
}

fn count_hidden(rows: impl Iterator<Item = (Option<Why>, Option<Why>)>) -> Hidden {
    let mut h = Hidden::default();
    for (why, detail) in rows {
        match why {
            Some(w) if w.is_primary() => {
                h.primary += 1;
                if w == Why::FewInstitutions {
                    h.few_institutions += 1;
                }
            }
            Some(_) => h.secondary += 1,
            None => {}
        }
        if why.is_none() && detail.is_some() {
            h.detail += 1;
        }
        h.total += 1;
    }
    h
}

/// A pooled cell's institutions with respondents, institutions shown, those not shown
/// as too small and as protecting others, and the quartiles.
type Distribution = (usize, usize, usize, usize, Option<(f64, f64, f64)>);

/// Per sector row: institutions with respondents, institutions shown, and the
/// quartiles of the shown institutions' scores (where at least `min_institutions` are
/// shown and the pooled figure is published).
fn distribution(groups: &[RawGroup], sector: &[RawSector], privacy: Privacy) -> Vec<Distribution> {
    let mut by_cell: HashMap<CellKey, (usize, Vec<f64>, usize, usize)> = HashMap::default();
    for g in groups.iter().filter(|g| g.n > 0) {
        for peer in [Some(None), g.peer.map(Some)].into_iter().flatten() {
            let e = by_cell.entry((g.year, peer, g.line, g.scope)).or_default();
            e.0 += 1;
            match (g.why, g.stat) {
                (None, Some(st)) => e.1.push(st.mean),
                (Some(Why::Small), _) => e.2 += 1,
                _ => e.3 += 1,
            }
        }
    }
    sector
        .iter()
        .map(|s| {
            let Some((count, shown, small, protected)) = by_cell.get_mut(&(s.year, s.peer, s.line, s.scope)) else {
                return (0, 0, 0, 0, None);
            };
            shown.sort_by(f64::total_cmp);
            let q = (shown.len() >= privacy.min_institutions && s.why.is_none()).then(|| {
                (
                    quantile(shown, 0.25).expect("non-empty"),
                    quantile(shown, 0.5).expect("non-empty"),
                    quantile(shown, 0.75).expect("non-empty"),
                )
            });
            (*count, shown.len(), *small, *protected, q)
        })
        .collect()
}

/// A shown figure as the statistics of differences use it: n, mean, and the spread
/// where it is published (none where it is withheld, so no interval gives it away).
fn published_stat(
    n: u64,
    stat: Option<Stat>,
    why: Option<Why>,
    detail_why: Option<Why>,
) -> Option<(u64, f64, Option<f64>)> {
    match (why, stat) {
        (None, Some(st)) => Some((n, st.mean, if detail_why.is_none() { st.sd } else { None })),
        _ => None,
    }
}

/// The sector's changes: per peer group, line and scope, against the previous year of
/// the same edition, where both are published.
fn sector_changes(sector: &[RawSector], years: &[u16], editions: &BTreeMap<u16, String>) -> Vec<SectorChange> {
    let find = |year: u16, s: &RawSector| {
        sector
            .binary_search_by(|x| (x.year, x.peer, x.line, x.scope).cmp(&(year, s.peer, s.line, s.scope)))
            .ok()
            .map(|i| &sector[i])
    };
    let mut out = Vec::new();
    for s in sector {
        let Some(now) = published_stat(s.n, s.stat, s.why, s.detail_why) else { continue };
        let Some(py) = years.iter().rev().copied().find(|&y| y < s.year && editions.get(&y) == editions.get(&s.year))
        else {
            continue;
        };
        let Some(before) = find(py, s).and_then(|p| published_stat(p.n, p.stat, p.why, p.detail_why)) else { continue };
        out.push(SectorChange {
            year: s.year,
            peer: s.peer,
            line: s.line,
            scope: s.scope,
            change: Change { previous_year: py, previous: before.1, change: Difference::of(before, now) },
        });
    }
    out
}

/// Ranks and changes of shown groups only: a hidden group has neither, and a change
/// needs both years shown.
fn benchmarks(
    groups: &[RawGroup],
    sector: &[RawSector],
    names: &[String],
    years: &[u16],
    editions: &BTreeMap<u16, String>,
    privacy: Privacy,
) -> Vec<Benchmark> {
    let mut shown: HashMap<CellKey, Vec<f64>> = HashMap::default();
    for g in groups {
        if let (None, Some(st)) = (g.why, g.stat) {
            shown.entry((g.year, None, g.line, g.scope)).or_default().push(st.mean);
            if let Some(p) = g.peer {
                shown.entry((g.year, Some(p), g.line, g.scope)).or_default().push(st.mean);
            }
        }
    }
    for vals in shown.values_mut() {
        vals.sort_by(f64::total_cmp);
    }
    // A percentile among fewer than 10 shown institutions is a band, not a number;
    // among fewer than `min_institutions`, nothing. The band is the position against
    // the quartiles of the same institutions (those `distribution` publishes), so it
    // never contradicts the P25 and P75 printed beside it.
    let rank = |key, v: f64| -> Rank {
        match shown.get(&key) {
            Some(vals) if vals.len() >= privacy.min_institutions => {
                let r = percentile_rank_sorted(v, vals).expect("not empty");
                let (p25, p75) = (quantile(vals, 0.25).expect("not empty"), quantile(vals, 0.75).expect("not empty"));
                let band = Band::of_position(v, p25, p75, TABLE_DECIMALS);
                if vals.len() >= 10 {
                    Rank::Number(r, band)
                } else {
                    Rank::Band(band)
                }
            }
            _ => Rank::TooFew,
        }
    };
    let find = |year: u16, inst: u32, line: Line, scope: Scope| {
        groups
            .binary_search_by(|g| (g.year, g.inst, g.line, g.scope).cmp(&(year, inst, line, scope)))
            .ok()
            .map(|i| &groups[i])
    };
    let pooled = |year: u16, line: Line, scope: Scope| {
        sector
            .binary_search_by(|s| (s.year, s.peer, s.line, s.scope).cmp(&(year, None, line, scope)))
            .ok()
            .map(|i| &sector[i])
            .filter(|s| s.why.is_none() && s.detail_why.is_none())
    };
    let mut out = Vec::new();
    let mut of_group = Vec::new(); // the group each benchmark stands for
    for g in groups {
        let (None, Some(st)) = (g.why, g.stat) else { continue };
        // The previous year it took part, within the same framework edition: no change
        // is computed across a series break.
        let previous = years
            .iter()
            .rev()
            .filter(|&&y| y < g.year && editions.get(&y) == editions.get(&g.year))
            .find_map(|&y| find(y, g.inst, g.line, g.scope).filter(|p| p.n > 0).map(|p| (y, p)));
        let now = published_stat(g.n, g.stat, g.why, g.detail_why).expect("shown");
        let change = previous.and_then(|(y, p)| {
            published_stat(p.n, p.stat, p.why, p.detail_why).map(|before| Change {
                previous_year: y,
                previous: before.1,
                change: Difference::of(before, now),
            })
        });
        out.push(Benchmark {
            year: g.year,
            institution: names[g.inst as usize].clone(),
            line: g.line,
            scope: g.scope,
            score: st.mean,
            rank_sector: rank((g.year, None, g.line, g.scope), st.mean),
            rank_peer: g.peer.map(|p| rank((g.year, Some(p), g.line, g.scope), st.mean)),
            change,
            versus_sector: None,
            rest_of_sector: None,
        });
        of_group.push(g);
    }
    // Against the other institutions: own mean and spread against the pooled mean and
    // spread of the sector without it (from the sums the pooled figures hold), Welch's
    // test, then Benjamini–Hochberg (q = 0.05) over one portret's comparisons: every
    // line × area and line total of the institution-year.
    // (year, institution) → (benchmark, p, difference).
    type Tests = Vec<(usize, f64, f64, (f64, u64))>;
    let mut by_portret: BTreeMap<(u16, String), Tests> = BTreeMap::new();
    for (bi, b) in out.iter().enumerate() {
        if b.scope.kind.is_some() {
            continue;
        }
        let g = of_group[bi];
        let (Some(own), None) = (g.stat, g.detail_why) else { continue };
        let (Some(sd), Some(s)) = (own.sd, pooled(b.year, b.line, b.scope)) else { continue };
        let (Some(all), Some(all_sd)) = (s.stat, s.stat.and_then(|x| x.sd)) else { continue };
        let rest_n = s.n - g.n;
        if rest_n < 2 {
            continue;
        }
        let sum_sq = |n: u64, m: f64, sd: f64| (n as f64 - 1.0) * sd * sd + n as f64 * m * m;
        let rest_mean = (s.n as f64 * all.mean - g.n as f64 * own.mean) / rest_n as f64;
        let rest_sq = sum_sq(s.n, all.mean, all_sd) - sum_sq(g.n, own.mean, sd);
        let rest_var = ((rest_sq - rest_n as f64 * rest_mean * rest_mean) / (rest_n as f64 - 1.0)).max(0.0);
        if let Some(w) = stats::welch((rest_n, rest_mean, rest_var.sqrt()), (g.n, own.mean, sd)) {
            by_portret.entry((b.year, b.institution.clone())).or_default().push((bi, w.p, w.diff, (rest_mean, rest_n)));
        }
    }
    for tests in by_portret.values() {
        let p: Vec<f64> = tests.iter().map(|t| t.1).collect();
        for (&(bi, _, diff, rest), found) in tests.iter().zip(stats::benjamini_hochberg(&p, 0.05)) {
            out[bi].rest_of_sector = Some(rest);
            out[bi].versus_sector = Some(match (found, diff > 0.0) {
                (false, _) => Versus::Within,
                (true, true) => Versus::Above,
                (true, false) => Versus::Below,
            });
        }
    }
    out
}

/// Gaps between lines: per year, peer group (and the whole sector), scope and pair of
/// lines, with Welch's interval where both pooled figures and their spread are published.
fn gaps(scores: &Scores) -> Vec<LineGap> {
    let mut out = Vec::new();
    let peers = std::iter::once(None).chain(Sector::ALL.into_iter().map(Some));
    for &year in &scores.years {
        for peer in peers.clone() {
            for scope in Scope::all() {
                let fig =
                    |l| scores.sector(year, peer, l, scope).and_then(SectorScore::shown).map(|f| (f.n, f.mean, f.sd()));
                for (a, b) in [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)] {
                    if let (Some(x), Some(y)) = (fig(a), fig(b)) {
                        out.push(LineGap { year, peer, scope, a, b, gap: Difference::of(x, y), n_a: x.0, n_b: y.0 });
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
