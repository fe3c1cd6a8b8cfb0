//! The read model: everything scoring hands to the reports ([`Scores`]) and the types
//! they read — group, sector and item scores whose hidden figures cannot be read
//! (`Published<T>`), benchmarks, ranks and bands, differences with their intervals, and
//! the suppression counts. It owns the types and their look-ups, not how the figures
//! are computed (`aggregate.rs`, `benchmarks.rs`) or hidden (`privacy.rs`).

use std::collections::{BTreeMap, BTreeSet};

use crate::framework::{Area, ItemIdx, Kind, Line};
use crate::score::peer_group::PeerGroup;
use crate::score::published::{Published, Why};
use crate::score::stats::{self, quantile};
use crate::score::teams;

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
}

/// Mean, spread and interval of a set of scores, as published: the spread, the median
/// and the interval (which gives the spread away) are withheld where they, with n and
/// the mean, would give away every respondent's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub n: u64,
    pub mean: f64,
    pub(in crate::score) detail: Published<Detail>,
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

    /// n, mean and the spread where it is published: what a difference is taken of.
    pub(crate) fn sample(&self) -> Sample {
        Sample { n: self.n, mean: self.mean, sd: self.sd() }
    }
}

/// Institution × year × line × scope.
#[derive(Debug, Clone)]
pub struct GroupScore {
    pub year: u16,
    pub institution: String,
    pub line: Line,
    pub scope: Scope,
    pub(in crate::score) figures: Published<Figures>,
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
    pub peer: PeerGroup,
    pub line: Line,
    pub scope: Scope,
    pub(in crate::score) figures: Published<Figures>,
    /// Institutions with respondents in it.
    pub institutions: usize,
    /// Institutions whose group is shown: the distribution is taken over these.
    pub shown: usize,
    /// Of the institutions not shown: those too small to show (`<5`), and those hidden
    /// to protect a small group elsewhere (`afgeschermd`). `institutions = shown +
    /// not_shown_small + not_shown_protected`.
    pub not_shown_small: usize,
    pub not_shown_protected: usize,
    /// Over the shown institutions' scores, where enough are shown and the pooled
    /// figure is published.
    pub quartiles: Option<Quartiles>,
}

/// P25, median and P75 of the shown institutions' scores in a pooled cell (SPEC §4):
/// where the middle half of the institutions stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quartiles {
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
}

impl Quartiles {
    /// Of scores sorted ascending, each interpolated linearly between the two scores
    /// it falls between ([`stats::quantile`]); none of no scores.
    pub fn of_sorted(sorted: &[f64]) -> Option<Quartiles> {
        Some(Quartiles { p25: quantile(sorted, 0.25)?, median: quantile(sorted, 0.5)?, p75: quantile(sorted, 0.75)? })
    }
}

impl SectorScore {
    pub fn key(&self) -> CellKey {
        CellKey { year: self.year, peer: self.peer, line: self.line, scope: self.scope }
    }

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
    pub(in crate::score) figures: Published<ItemFigures>,
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

/// A published figure as a difference uses it: n, the mean, and the spread where it is
/// published (none where it is withheld, so no interval gives it away).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sample {
    pub n: u64,
    pub mean: f64,
    pub sd: Option<f64>,
}

impl Difference {
    /// `b − a`, with Welch's interval where both publish their spread.
    pub(crate) fn of(a: Sample, b: Sample) -> Difference {
        let ci = match (a.sd, b.sd) {
            (Some(sa), Some(sb)) => stats::welch((a.n, a.mean, sa), (b.n, b.mean, sb)).map(|w| w.ci),
            _ => None,
        };
        Difference { diff: b.mean - a.mean, shown: shown_difference(a.mean, b.mean), ci }
    }

    /// A difference whose two figures are not at hand (read back from a published
    /// reference, or written by hand in a test): printed as its own rounding.
    pub fn unpaired(diff: f64, ci: Option<(f64, f64)>) -> Difference {
        Difference { diff, shown: as_printed(diff), ci }
    }

    /// `b − a` between two published figures, with Welch's interval where both publish
    /// their spread (none where either is withheld, so no interval gives it away).
    pub fn between(a: &Figures, b: &Figures) -> Difference {
        Difference::of(a.sample(), b.sample())
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
    /// The other institutions' respondents that `versus_sector` tests against.
    pub rest_of_sector: Option<RestOfSector>,
}

/// The respondents of the sector's other institutions, as an institution is tested
/// against them: their pooled mean (from the published sector figures minus the
/// institution's own) and their number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RestOfSector {
    pub mean: f64,
    pub n: u64,
}

/// Difference between two lines' pooled scores in one year, peer group and scope
/// (`b − a`), with Welch's interval on the respondent scores of the two lines.
#[derive(Debug, Clone)]
pub struct LineGap {
    pub year: u16,
    pub peer: PeerGroup,
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
    pub peer: PeerGroup,
    pub line: Line,
    pub scope: Scope,
    pub change: Change,
}

/// A pooled cell: year × peer group × line × scope; the key of
/// `Scores::sector`, `Scores::sector_changes` and of every per-cell tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub year: u16,
    pub peer: PeerGroup,
    pub line: Line,
    pub scope: Scope,
}

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

impl Hidden {
    /// Counts a table's rows, each as (why its figure is hidden, why its spread is
    /// withheld).
    pub(crate) fn count(rows: impl Iterator<Item = (Option<Why>, Option<Why>)>) -> Hidden {
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
}

/// The suppression counts per table.
#[derive(Debug, Clone, Copy, Default)]
pub struct SuppressionCounts {
    pub groups: Hidden,
    pub sector: Hidden,
    pub items: Hidden,
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

    /// A pooled cell. The peer group may be given as a kind where none is the whole
    /// sector (`None`, `Some(Sector::Mbo)`), as reports holding an institution's kind do.
    pub fn sector(&self, year: u16, peer: impl Into<PeerGroup>, line: Line, scope: Scope) -> Option<&SectorScore> {
        let peer = peer.into();
        self.sector
            .binary_search_by(|s| (s.year, s.peer, s.line, s.scope).cmp(&(year, peer, line, scope)))
            .ok()
            .map(|i| &self.sector[i])
    }

    /// The sector's change in a pooled cell (the peer group given as in [`Scores::sector`]).
    pub fn sector_change(
        &self,
        year: u16,
        peer: impl Into<PeerGroup>,
        line: Line,
        scope: Scope,
    ) -> Option<&SectorChange> {
        let peer = peer.into();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_between_the_scores_they_fall_between() {
        // Five institutions: P25 at position 1, the median at 2, P75 at 3 (of 0..4).
        let q = Quartiles::of_sorted(&[40.0, 50.0, 60.0, 70.0, 90.0]).unwrap();
        assert_eq!(q, Quartiles { p25: 50.0, median: 60.0, p75: 70.0 });
        // Four: positions 0.75, 1.5 and 2.25 → 40 + 0.75 × 10, (50 + 70) / 2, 70 + 0.25 × 20.
        let q = Quartiles::of_sorted(&[40.0, 50.0, 70.0, 90.0]).unwrap();
        assert_eq!(q, Quartiles { p25: 47.5, median: 60.0, p75: 75.0 });
        assert_eq!(Quartiles::of_sorted(&[]), None);
    }
}
