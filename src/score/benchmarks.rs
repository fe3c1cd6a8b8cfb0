//! The benchmarks (SPEC §4): where an institution stands among the others — the
//! distribution of institution scores per pooled cell (quartiles per line, area and
//! peer group), percentile ranks and bands, changes since the previous year, above,
//! within or below the rest of the sector (Welch, Benjamini–Hochberg per portret), the
//! sector's own changes and the gaps between lines. It reads the rows privacy has
//! decided on (`raw.rs`) and writes read-model rows; it hides nothing itself.

use std::collections::BTreeMap;

use foldhash::HashMap;

use crate::framework::Line;
use crate::score::peer_group::PeerGroup;
use crate::score::privacy::Privacy;
use crate::score::published::Why;
use crate::score::raw::{GroupKey, RawGroup, RawSector};
use crate::score::read_model::{
    Band, Benchmark, CellKey, Change, Difference, Figures, LineGap, Quartiles, Rank, RestOfSector, Scope, Scores,
    SectorChange, SectorScore, Versus, TABLE_DECIMALS,
};
use crate::score::stats::{self, percentile_rank_sorted, quantile};

/// How a pooled cell's institutions stand: those with respondents in it, those shown
/// and those not shown (too small, or hidden to protect others), and the quartiles of
/// the shown institutions' scores. `institutions = shown + not_shown_small +
/// not_shown_protected`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Distribution {
    pub institutions: usize,
    pub shown: usize,
    pub not_shown_small: usize,
    pub not_shown_protected: usize,
    pub quartiles: Option<Quartiles>,
}

/// The institutions of a pooled cell while they are counted.
#[derive(Default)]
struct Tally {
    institutions: usize,
    shown_scores: Vec<f64>,
    small: usize,
    protected: usize,
}

/// Per sector row: institutions with respondents, institutions shown, and the
/// quartiles of the shown institutions' scores (where at least `min_institutions` are
/// shown and the pooled figure is published).
pub(crate) fn distribution(groups: &[RawGroup], sector: &[RawSector], privacy: Privacy) -> Vec<Distribution> {
    let mut by_cell: HashMap<CellKey, Tally> = HashMap::default();
    for g in groups.iter().filter(|g| g.n > 0) {
        for peer in PeerGroup::of(g.kind) {
            let t = by_cell.entry(CellKey { year: g.year, peer, line: g.line, scope: g.scope }).or_default();
            t.institutions += 1;
            match (g.why, g.stat) {
                (None, Some(st)) => t.shown_scores.push(st.mean),
                (Some(Why::Small), _) => t.small += 1,
                _ => t.protected += 1,
            }
        }
    }
    sector
        .iter()
        .map(|s| {
            let Some(t) = by_cell.get_mut(&s.key()) else { return Distribution::default() };
            let shown = &mut t.shown_scores;
            shown.sort_by(f64::total_cmp);
            let quartiles = (shown.len() >= privacy.min_institutions && s.why.is_none())
                .then(|| Quartiles::of_sorted(shown))
                .flatten();
            Distribution {
                institutions: t.institutions,
                shown: shown.len(),
                not_shown_small: t.small,
                not_shown_protected: t.protected,
                quartiles,
            }
        })
        .collect()
}

/// The sector's changes: per peer group, line and scope, against the previous year of
/// the same edition, where both are published.
pub(crate) fn sector_changes(
    sector: &[RawSector],
    years: &[u16],
    editions: &BTreeMap<u16, String>,
) -> Vec<SectorChange> {
    let find = |year: u16, s: &RawSector| {
        let key = CellKey { year, ..s.key() };
        sector.binary_search_by(|x| x.key().cmp(&key)).ok().map(|i| &sector[i])
    };
    let mut out = Vec::new();
    for s in sector {
        let Some(now) = s.published() else { continue };
        let Some(py) = years.iter().rev().copied().find(|&y| y < s.year && editions.get(&y) == editions.get(&s.year))
        else {
            continue;
        };
        let Some(before) = find(py, s).and_then(RawSector::published) else { continue };
        out.push(SectorChange {
            year: s.year,
            peer: s.peer,
            line: s.line,
            scope: s.scope,
            change: Change { previous_year: py, previous: before.mean, change: Difference::of(before, now) },
        });
    }
    out
}

/// Ranks and changes of shown groups only: a hidden group has neither, and a change
/// needs both years shown.
pub(crate) fn benchmarks(
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
            for peer in PeerGroup::of(g.kind) {
                shown.entry(CellKey { year: g.year, peer, line: g.line, scope: g.scope }).or_default().push(st.mean);
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
    let rank = |key: CellKey, v: f64| -> Rank {
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
    let find = |key: GroupKey| groups.binary_search_by(|g| g.key().cmp(&key)).ok().map(|i| &groups[i]);
    let pooled = |year: u16, line: Line, scope: Scope| {
        let key = CellKey { year, peer: PeerGroup::Whole, line, scope };
        sector
            .binary_search_by(|s| s.key().cmp(&key))
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
            .find_map(|&y| find(GroupKey { year: y, ..g.key() }).filter(|p| p.n > 0).map(|p| (y, p)));
        let now = g.published().expect("shown");
        let change = previous.and_then(|(y, p)| {
            p.published().map(|before| Change {
                previous_year: y,
                previous: before.mean,
                change: Difference::of(before, now),
            })
        });
        out.push(Benchmark {
            year: g.year,
            institution: names[g.inst as usize].clone(),
            line: g.line,
            scope: g.scope,
            score: st.mean,
            rank_sector: rank(CellKey { year: g.year, peer: PeerGroup::Whole, line: g.line, scope: g.scope }, st.mean),
            rank_peer: g.kind.map(|p| {
                rank(CellKey { year: g.year, peer: PeerGroup::Sector(p), line: g.line, scope: g.scope }, st.mean)
            }),
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
    let mut by_portret: BTreeMap<(u16, String), Vec<Comparison>> = BTreeMap::new();
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
            let rest = RestOfSector { mean: rest_mean, n: rest_n };
            let comparison = Comparison { benchmark: bi, p: w.p, diff: w.diff, rest };
            by_portret.entry((b.year, b.institution.clone())).or_default().push(comparison);
        }
    }
    decide_versus(&mut out, &by_portret);
    out
}

/// Above, within or below the rest of the sector: Benjamini–Hochberg (q = 0.05) over
/// each portret's comparisons (every line × area and line total of one
/// institution-year), each benchmark given its verdict and the rest's mean and n. The
/// national run and a run against a reference decide alike.
pub(crate) fn decide_versus(benchmarks: &mut [Benchmark], by_portret: &BTreeMap<(u16, String), Vec<Comparison>>) {
    for tests in by_portret.values() {
        let p: Vec<f64> = tests.iter().map(|t| t.p).collect();
        for (t, found) in tests.iter().zip(stats::benjamini_hochberg(&p, 0.05)) {
            let b = &mut benchmarks[t.benchmark];
            b.rest_of_sector = Some(t.rest);
            b.versus_sector = Some(match (found, t.diff > 0.0) {
                (false, _) => Versus::Within,
                (true, true) => Versus::Above,
                (true, false) => Versus::Below,
            });
        }
    }
}

/// Gaps between lines: per year, peer group (and the whole sector), scope and pair of
/// lines, with Welch's interval where both pooled figures and their spread are published.
pub(crate) fn gaps(scores: &Scores) -> Vec<LineGap> {
    let mut out = Vec::new();
    for &year in &scores.years {
        for peer in PeerGroup::ALL {
            for scope in Scope::all() {
                let fig = |l| scores.sector(year, peer, l, scope).and_then(SectorScore::shown).map(Figures::sample);
                for (a, b) in [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)] {
                    if let (Some(x), Some(y)) = (fig(a), fig(b)) {
                        out.push(LineGap { year, peer, scope, a, b, gap: Difference::of(x, y), n_a: x.n, n_b: y.n });
                    }
                }
            }
        }
    }
    out
}

/// One test of an institution against the other institutions' staff (a line × area or
/// line total of its portret), before Benjamini–Hochberg decides over the portret.
pub(crate) struct Comparison {
    /// Index of the benchmark it is about.
    pub benchmark: usize,
    /// Welch's p.
    pub p: f64,
    /// Own mean minus the rest's.
    pub diff: f64,
    pub rest: RestOfSector,
}
