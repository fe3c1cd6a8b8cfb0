//! The aggregation (SPEC §4): from the respondents (and contributed statistics) to the
//! read model, in the steps `score_with` reads as — the groups' statistics, the rows of
//! every group, the pooled sector rows, the item rows, privacy (`privacy.rs`), the
//! benchmarks (`benchmarks.rs`), and last the read model in which a hidden figure
//! cannot be read. It owns the order of these steps and the rows before privacy
//! (`raw.rs`); the statistics of one group are `sufficient.rs`'s.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashSet};
use polars::prelude::PolarsError;

use crate::framework::{Editions, ItemIdx, Line};
use crate::ingest::institutions::{InstitutionMeta, Sector};
use crate::ingest::Respondent;
use crate::score::benchmarks;
use crate::score::peer_group::PeerGroup;
use crate::score::privacy::{self, Privacy};
use crate::score::published::{Published, Why};
use crate::score::raw::{GroupKey, PooledSums, RawGroup, RawItem, RawSector, Stat};
use crate::score::read_model::{
    CellKey, Detail, Figures, GroupScore, Hidden, ItemFigures, ItemScore, Scope, Scores, SectorScore, SuppressionCounts,
};
use crate::score::stats::ci95;
use crate::score::sufficient::{self, GroupStat, Statistics};
use crate::score::teams;

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("aggregation failed: {0}")]
    Polars(#[from] PolarsError),
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
    // 1. Every group's sufficient statistics, from survey files and contributions alike.
    let (mut stats, mut respondent_scores) = sufficient::of_respondents(editions, respondents)?;
    if !contributed.is_empty() {
        stats.extend(contributed.clone());
    }
    let index = InstitutionIndex::of(&stats, institutions);

    // 2. The rows before privacy: groups, pooled cells, items; 3. privacy: what is
    //    hidden, and whose spread is withheld. Beside them, on the other core, 4. teams
    //    from every respondent (a team's privacy is decided inside its institution): the
    //    two share nothing but what they read.
    let ((groups, sector, items), teams) = rayon::join(
        || {
            let mut groups = group_rows(&stats, &index);
            let pooled = pooled_rows(&stats, &index);
            let mut sector = pooled.rows;
            let mut items = item_rows(&stats, &index);
            privacy::suppress(editions, &mut groups, &mut sector, &mut items, privacy);
            let reconstructable = reconstructable_groups(&stats, &index);
            privacy::withhold_reconstructable(editions, &reconstructable, &pooled.sums, &mut groups, &mut sector);
            (groups, sector, items)
        },
        || teams::team_scores(respondents, &respondent_scores, privacy.min_group_size),
    );

    //    The respondent rows of hidden groups are dropped: they never leave score.
    respondent_scores.retain(|r| {
        let who = &respondents[r.respondent as usize];
        let key = GroupKey { year: who.year, inst: index.inst(&who.institution), line: who.line, scope: r.scope };
        groups.binary_search_by(|g| g.key().cmp(&key)).is_ok_and(|i| groups[i].why.is_none())
    });

    // 5. Benchmarks: the distribution over institutions, ranks, changes.
    let years: Vec<u16> = groups.iter().map(|g| g.year).collect::<BTreeSet<_>>().into_iter().collect();
    let editions_of: BTreeMap<u16, String> = years.iter().map(|&y| (y, editions.for_year(y).edition.clone())).collect();
    let distributions = benchmarks::distribution(&groups, &sector, privacy);
    let benchmarks = benchmarks::benchmarks(&groups, &sector, &index.names, &years, &editions_of, privacy);
    let sector_changes = benchmarks::sector_changes(&sector, &years, &editions_of);
    let suppression = SuppressionCounts {
        groups: Hidden::count(groups.iter().filter(|g| g.n > 0).map(|g| (g.why, g.detail_why))),
        sector: Hidden::count(sector.iter().filter(|s| s.n > 0).map(|s| (s.why, s.detail_why))),
        items: Hidden::count(items.iter().map(|i| (i.why, None))),
    };

    // 6. The read model: figures shown or hidden, and nothing else.
    let groups: Vec<GroupScore> = groups
        .into_iter()
        .map(|g| GroupScore {
            year: g.year,
            institution: index.names[g.inst as usize].clone(),
            line: g.line,
            scope: g.scope,
            figures: published_figures(g.n, g.stat, g.why, g.detail_why),
        })
        .collect();
    let sector: Vec<SectorScore> = sector
        .into_iter()
        .zip(distributions)
        .map(|(s, d)| SectorScore {
            year: s.year,
            peer: s.peer,
            line: s.line,
            scope: s.scope,
            figures: published_figures(s.n, s.stat, s.why, s.detail_why),
            institutions: d.institutions,
            shown: d.shown,
            not_shown_small: d.not_shown_small,
            not_shown_protected: d.not_shown_protected,
            quartiles: d.quartiles,
        })
        .collect();
    let items: Vec<ItemScore> = items
        .into_iter()
        .map(|it| {
            let figures = ItemFigures { n: it.n, score: it.score };
            ItemScore {
                year: it.year,
                institution: it.inst.map(|i| index.names[i as usize].clone()),
                line: it.line,
                item: it.item,
                figures: match it.why {
                    Some(w) => Published::hidden_value(w, figures),
                    None => Published::shown_value(figures),
                },
            }
        })
        .collect();
    let mut scores = Scores {
        years,
        groups,
        sector,
        items,
        respondents: respondent_scores,
        benchmarks,
        gaps: Vec::new(),
        sector_changes,
        editions: editions_of,
        suppression,
        teams,
    };
    // 7. Gaps between lines, from the published pooled figures.
    scores.gaps = benchmarks::gaps(&scores);
    Ok(scores)
}

/// The institutions of a run by index, in name order (so rows sorted by index are in
/// name order, as the read model is), with their kinds of education (their peer group).
struct InstitutionIndex {
    names: Vec<String>,
    index: HashMap<String, u32>,
    kinds: Vec<Option<Sector>>,
}

impl InstitutionIndex {
    fn of(stats: &Statistics, institutions: &BTreeMap<String, InstitutionMeta>) -> InstitutionIndex {
        let names: Vec<String> = stats
            .groups
            .iter()
            .map(|g| g.institution.as_str())
            .chain(stats.items.iter().map(|i| i.institution.as_str()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(String::from)
            .collect();
        let index = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let kinds = names.iter().map(|n| institutions.get(n).and_then(|m| m.sector)).collect();
        InstitutionIndex { names, index, kinds }
    }

    fn inst(&self, institution: &str) -> u32 {
        self.index[institution]
    }

    fn kind(&self, inst: u32) -> Option<Sector> {
        self.kinds[inst as usize]
    }
}

/// Groups: institution × year × line × scope; every scope of a group that took part has
/// a row, n = 0 where nobody answered. Sorted by [`GroupKey`].
fn group_rows(stats: &Statistics, index: &InstitutionIndex) -> Vec<RawGroup> {
    let mut groups: Vec<RawGroup> = Vec::with_capacity(stats.groups.len());
    for g in &stats.groups {
        let inst = index.inst(&g.institution);
        groups.push(RawGroup {
            year: g.year,
            inst,
            line: g.line,
            scope: g.scope,
            kind: index.kind(inst),
            n: g.n,
            stat: Some(Stat { mean: g.mean(), sd: g.sd(), median: g.median }),
            why: None,
            detail_why: None,
        });
    }
    let present: BTreeSet<(u16, u32, Line)> = groups.iter().map(|g| (g.year, g.inst, g.line)).collect();
    let have: BTreeSet<GroupKey> = groups.iter().map(RawGroup::key).collect();
    for &(year, inst, line) in &present {
        for scope in Scope::all() {
            if !have.contains(&GroupKey { year, inst, line, scope }) {
                let kind = index.kind(inst);
                groups.push(RawGroup { year, inst, line, scope, kind, n: 0, stat: None, why: None, detail_why: None });
            }
        }
    }
    groups.sort_by_key(RawGroup::key);
    groups
}

/// The groups whose n, mean, sd and median admit only their own scores (each group
/// decided that from its own scores, `sufficient.rs`).
fn reconstructable_groups(stats: &Statistics, index: &InstitutionIndex) -> HashSet<GroupKey> {
    stats
        .groups
        .iter()
        .filter(|g| g.reconstructable)
        .map(|g| GroupKey { year: g.year, inst: index.inst(&g.institution), line: g.line, scope: g.scope })
        .collect()
}

/// The pooled cells, sorted by [`CellKey`], and the sums their spread is made of.
struct Pooled {
    rows: Vec<RawSector>,
    sums: HashMap<CellKey, PooledSums>,
}

/// Sector: pooled over all respondents, and per peer group, from the groups' sums in
/// institution order: n and sum add up; the squared deviations from the pooled mean are
/// each group's own plus n × (group mean − pooled mean)². The pooled median is not
/// published: none is computed.
fn pooled_rows(stats: &Statistics, index: &InstitutionIndex) -> Pooled {
    let mut members_of: BTreeMap<CellKey, Vec<&GroupStat>> = BTreeMap::new();
    for g in &stats.groups {
        for peer in PeerGroup::of(index.kind(index.inst(&g.institution))) {
            members_of.entry(CellKey { year: g.year, peer, line: g.line, scope: g.scope }).or_default().push(g);
        }
    }
    let mut rows: Vec<RawSector> = Vec::with_capacity(members_of.len());
    let mut sums: HashMap<CellKey, PooledSums> = HashMap::default();
    for (&key, members) in &members_of {
        let n: u64 = members.iter().map(|g| g.n).sum();
        let sum: f64 = members.iter().map(|g| g.sum).sum();
        let mean = sum / n as f64;
        let m2: f64 = members.iter().map(|g| g.m2 + g.n as f64 * (g.mean() - mean) * (g.mean() - mean)).sum();
        let m2 = if members.iter().all(|g| g.m2 == 0.0 && g.mean() == members[0].mean()) { 0.0 } else { m2 };
        let sd = (n >= 2).then(|| (m2 / (n - 1) as f64).max(0.0).sqrt());
        sums.insert(key, PooledSums { sum, m2 });
        rows.push(RawSector {
            year: key.year,
            peer: key.peer,
            line: key.line,
            scope: key.scope,
            n,
            stat: Some(Stat { mean, sd, median: f64::NAN }),
            why: None,
            detail_why: None,
        });
    }
    rows.sort_by_key(RawSector::key);
    Pooled { rows, sums }
}

/// Items: per institution and for the sector (sums of whole thirds: exact), sorted by
/// (year, institution, line, item) with the sector first per year.
fn item_rows(stats: &Statistics, index: &InstitutionIndex) -> Vec<RawItem> {
    /// The sector's answers to one item: how many, and their sum in thirds.
    #[derive(Default)]
    struct Answers {
        n: u64,
        thirds: u64,
    }
    let mut items: Vec<RawItem> = Vec::with_capacity(stats.items.len());
    let mut sector_items: BTreeMap<(u16, Line, ItemIdx), Answers> = BTreeMap::new();
    for it in &stats.items {
        items.push(RawItem {
            year: it.year,
            inst: Some(index.inst(&it.institution)),
            line: it.line,
            item: it.item,
            n: it.n,
            score: it.score(),
            why: None,
        });
        let e = sector_items.entry((it.year, it.line, it.item)).or_default();
        e.n += it.n;
        e.thirds += it.thirds;
    }
    for ((year, line, item), Answers { n, thirds }) in sector_items {
        let score = 100.0 * thirds as f64 / (3.0 * n as f64);
        items.push(RawItem { year, inst: None, line, item, n, score, why: None });
    }
    items.sort_by_key(|it| (it.year, it.inst.map(|i| i as i64).unwrap_or(-1), it.line, it.item));
    items
}

/// A figure as the read model holds it: hidden with its reason (kept for its own
/// institution only where hidden to protect another), or shown with its spread,
/// median and interval unless those are withheld.
fn published_figures(n: u64, stat: Option<Stat>, why: Option<Why>, detail_why: Option<Why>) -> Published<Figures> {
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
}
