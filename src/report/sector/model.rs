//! What the sector report says (SPEC §6), decided once: [`SectorReport::build`] makes every
//! selection the workbook's sheets and the sector document (PDF and web page) share —
//! the years, the pooled rows of the sector and each peer group with their changes, the
//! overview's rows, the line comparison and its gaps, the spread of institutions, the
//! peer groups with too few institutions for a table, the change column's header and
//! the method notes — into typed rows. The sheet writers (`overview.rs`, `lines.rs`,
//! `peer.rs`, `method.rs`) and `document.rs` only lay them out: neither chooses which
//! cells, which years or which mark a hidden figure gets, so they cannot drift apart.
//!
//! It reads the score read model and words what it decides with [`Word`]s; it never
//! recomputes a statistic.

use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::report::findings::Over;
use crate::report::words::Word;
use crate::report::ReportContext;
use crate::score::{Change, Difference, LineGap, PeerGroup, Quartiles, Scope, SectorScore, Why};

use super::fill;

/// The pairs of lines whose gap the Lijnen sheet shows, in its column order: `b − a`.
pub const PAIRS: [(Line, Line); 3] = [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)];

/// A pooled figure as a table shows it: n, score and interval; the mark of why it is
/// hidden; or nothing (no such cell).
#[derive(Debug, Clone, PartialEq)]
pub enum Pooled {
    Shown {
        n: u64,
        mean: f64,
        ci: Option<(f64, f64)>,
    },
    /// Hidden: why, and the mark the tables print (`<5`, `afgeschermd`, `te weinig
    /// instellingen`: [`ReportContext::mark`]).
    Hidden {
        why: Why,
        mark: String,
    },
    Empty,
}

impl Pooled {
    fn of(s: Option<&SectorScore>, ctx: &ReportContext<'_>) -> Pooled {
        let Some(s) = s else { return Pooled::Empty };
        match (s.hidden(), s.shown()) {
            (Some(why), _) => Pooled::Hidden { why, mark: ctx.mark(why) },
            (None, Some(f)) => Pooled::Shown { n: f.n, mean: f.mean, ci: f.ci() },
            (None, None) => Pooled::Empty,
        }
    }

    /// The score, where shown.
    pub fn mean(&self) -> Option<f64> {
        match self {
            Pooled::Shown { mean, .. } => Some(*mean),
            _ => None,
        }
    }

    /// Why it is hidden, where it is.
    pub fn why(&self) -> Option<Why> {
        match self {
            Pooled::Hidden { why, .. } => Some(*why),
            _ => None,
        }
    }
}

/// One pooled cell of the sector or a peer group: year × peer group × line × scope.
#[derive(Debug, Clone, PartialEq)]
pub struct PooledRow {
    pub year: u16,
    /// None: the whole sector.
    pub peer: PeerGroup,
    pub line: Line,
    pub scope: Scope,
    pub figure: Pooled,
    /// P25, median and P75 over the institutions shown, where published.
    pub quartiles: Option<Quartiles>,
    /// Institutions with respondents in the cell.
    pub institutions: usize,
    /// Institutions shown (the distribution is over these); None where the pooled figure
    /// is withheld for too few institutions: then nothing of it is shown.
    pub shown: Option<usize>,
    /// "3 van 4" (shown of those with respondents), as the document's column says it.
    pub over: String,
    /// The change since the previous year of the same edition, where there is one.
    pub change: Option<Change>,
}

impl PooledRow {
    fn of(s: &SectorScore, ctx: &ReportContext<'_>) -> PooledRow {
        PooledRow {
            year: s.year,
            peer: s.peer,
            line: s.line,
            scope: s.scope,
            figure: Pooled::of(Some(s), ctx),
            quartiles: s.quartiles,
            institutions: s.institutions,
            shown: (s.hidden() != Some(Why::FewInstitutions)).then_some(s.shown),
            over: Over::of(s).count(ctx.lang),
            change: ctx.scores.sector_change(s.year, s.peer, s.line, s.scope).map(|c| c.change),
        }
    }
}

/// A row of the Lijnen sheet: the three lines side by side in one year, peer group and
/// scope, and the gap of each pair of [`PAIRS`].
#[derive(Debug, Clone, PartialEq)]
pub struct LineRow {
    pub year: u16,
    pub peer: PeerGroup,
    pub scope: Scope,
    /// Per line of [`Line::ALL`].
    pub lines: Vec<Pooled>,
    /// Per pair of [`PAIRS`]: `b − a`, where both are shown.
    pub gaps: [Option<Difference>; 3],
}

/// A gap between two lines as the document lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub peer: PeerGroup,
    pub scope: Scope,
    pub a: Line,
    pub b: Line,
    pub gap: Difference,
}

impl GapRow {
    fn of(g: &LineGap) -> GapRow {
        GapRow { peer: g.peer, scope: g.scope, a: g.a, b: g.b, gap: g.gap }
    }
}

/// The latest year's line comparison (beside Overzicht): one row per area, then the
/// line total; a figure per line.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub scope: Scope,
    pub lines: Vec<Pooled>,
}

/// The latest year's spread of institutions over one line: the quartiles, and over how
/// many institutions they were taken (and why not the others), in words.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadRow {
    pub line: Line,
    pub quartiles: Option<Quartiles>,
    /// None where the sector has no cell for the line.
    pub over: Option<String>,
}

/// One year of the sector document: the sector's table, the peer groups with a table of
/// their own, a sentence for each with too few institutions, and the gaps between lines.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBlock {
    pub year: u16,
    /// Where every change of this year is since the same year: that year (the change
    /// column's header says it once).
    pub one_since: Option<u16>,
    /// The change column's header: "Verandering: eerste jaar" in the first year of the
    /// data (its empty column does not read as missing figures), "Verandering sinds
    /// 2025", or "Verandering".
    pub change_head: String,
    /// The peer groups with a table (enough institutions for a figure), in vo, mbo, hbo
    /// order.
    pub peers: Vec<Sector>,
    /// The peer groups with respondents but too few institutions for a figure in any
    /// line: one sentence each, with the count.
    pub too_few: Vec<String>,
    /// The gaps between lines (not per kind), by peer group (the sector first) and area
    /// (the line total first).
    pub gaps: Vec<GapRow>,
}

/// The sector report, every selection made once.
#[derive(Debug, Clone)]
pub struct SectorReport<'a> {
    /// The years of the run, oldest first.
    pub years: Vec<u16>,
    /// "2025–2027" (or the one year).
    pub span: String,
    /// The latest year: the side blocks of Overzicht.
    pub latest: Option<u16>,
    /// Institution-years and respondents scored, as the document's opening says them.
    pub institution_years: usize,
    pub respondents: usize,
    /// Every pooled sector figure (the whole sector, every scope including area × kind),
    /// in the read model's order: Overzicht's rows.
    pub overview: Vec<PooledRow>,
    /// Year × peer group (the sector, then vo, mbo, hbo) × line × scope (line total,
    /// then the areas), where the cell exists: Peergroepen's rows and the document's
    /// tables.
    pub pooled: Vec<PooledRow>,
    /// Year × peer group × scope, where any line has the cell: Lijnen's rows.
    pub lines: Vec<LineRow>,
    /// The latest year's line comparison.
    pub comparison: Vec<ComparisonRow>,
    /// The latest year's spread of institutions, per line.
    pub spread: Vec<SpreadRow>,
    /// The document's years, newest first.
    pub blocks: Vec<YearBlock>,
    /// The method notes (Toelichting's, and the document's Method).
    pub method: &'a [(String, String)],
}

/// The sector, then the peer groups vo, mbo and hbo.
pub fn peer_groups() -> impl Iterator<Item = PeerGroup> + Clone {
    PeerGroup::ALL.into_iter()
}

/// The line total, then the four areas.
fn total_and_areas() -> impl Iterator<Item = Scope> + Clone {
    std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area))
}

/// The value every item has, where they all have the same one (a table's changes all
/// since the same year: its header says the year once).
fn the_one(mut years: impl Iterator<Item = u16>) -> Option<u16> {
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

impl<'a> SectorReport<'a> {
    pub fn build(ctx: &'a ReportContext<'_>) -> SectorReport<'a> {
        let sc = ctx.scores;
        let years = sc.years.clone();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let latest = years.last().copied();
        let overview = sc.sector.iter().filter(|s| s.peer == PeerGroup::Whole).map(|s| PooledRow::of(s, ctx)).collect();
        let mut pooled = Vec::new();
        let mut lines = Vec::new();
        for &year in &years {
            for peer in peer_groups() {
                for line in Line::ALL {
                    for scope in total_and_areas() {
                        if let Some(s) = sc.sector(year, peer, line, scope) {
                            pooled.push(PooledRow::of(s, ctx));
                        }
                    }
                }
                for scope in total_and_areas() {
                    let cells: Vec<_> = Line::ALL.iter().map(|l| sc.sector(year, peer, *l, scope)).collect();
                    // A peer group nobody in the run belongs to has no rows.
                    if cells.iter().all(Option::is_none) {
                        continue;
                    }
                    let gaps = PAIRS.map(|(a, b)| {
                        sc.gaps
                            .iter()
                            .find(|g| g.year == year && g.peer == peer && g.scope == scope && g.a == a && g.b == b)
                            .map(|g| g.gap)
                    });
                    let lines_here = cells.into_iter().map(|s| Pooled::of(s, ctx)).collect();
                    lines.push(LineRow { year, peer, scope, lines: lines_here, gaps });
                }
            }
        }
        let (comparison, spread) = match latest {
            None => (Vec::new(), Vec::new()),
            Some(year) => {
                let comparison = Area::ALL
                    .into_iter()
                    .map(Scope::area)
                    .chain([Scope::LINE])
                    .map(|scope| ComparisonRow {
                        scope,
                        lines: Line::ALL.iter().map(|l| Pooled::of(sc.sector(year, None, *l, scope), ctx)).collect(),
                    })
                    .collect();
                let spread = Line::ALL
                    .iter()
                    .map(|&line| {
                        let cell = sc.sector(year, None, line, Scope::LINE);
                        SpreadRow {
                            line,
                            quartiles: cell.and_then(|s| s.quartiles),
                            over: cell.map(|s| {
                                Over::of(s).sentence(ctx.privacy.min_institutions, ctx.privacy.min_group_size, ctx.lang)
                            }),
                        }
                    })
                    .collect();
                (comparison, spread)
            }
        };
        let blocks = years.iter().rev().map(|&year| Self::year_block(ctx, &years, year)).collect();
        SectorReport {
            span,
            latest,
            institution_years: sc.institution_years().len(),
            respondents: ctx.ingested.respondents.len(),
            overview,
            pooled,
            lines,
            comparison,
            spread,
            blocks,
            method: ctx.method_lines(),
            years,
        }
    }

    fn year_block(ctx: &ReportContext<'_>, years: &[u16], year: u16) -> YearBlock {
        let sc = ctx.scores;
        let one_since = the_one(Line::ALL.iter().flat_map(|&l| {
            total_and_areas().filter_map(move |s| sc.sector_change(year, None, l, s).map(|c| c.change.previous_year))
        }));
        let first = years.iter().all(|&y| y >= year);
        let change_head = match (one_since, first) {
            (_, true) => ctx.w(Word::SectorChangeFirstYear).to_string(),
            (Some(y), _) => format!("{} {y}", ctx.w(Word::SectorChangeSince)),
            (None, _) => ctx.w(Word::Change).to_string(),
        };
        // The peer groups, each where it has enough institutions for a figure; one with
        // too few says so in a sentence with its count, instead of a table of rows that
        // each say "too few institutions".
        let mut peers = Vec::new();
        let mut too_few = Vec::new();
        for peer in Sector::ALL {
            let cells: Vec<_> = Line::ALL.iter().filter_map(|&l| sc.sector(year, Some(peer), l, Scope::LINE)).collect();
            if cells.is_empty() {
                continue;
            }
            if cells.iter().all(|s| s.hidden() == Some(Why::FewInstitutions)) {
                let most = cells.iter().map(|s| s.institutions).max().unwrap_or(0);
                let (code, min) = (peer.code(), ctx.privacy.min_institutions.to_string());
                too_few.push(if most == 1 {
                    fill(ctx.w(Word::SectorPeerTooFewOne), &[code, &year.to_string(), &min])
                } else {
                    fill(ctx.w(Word::SectorPeerTooFew), &[code, &year.to_string(), &most.to_string(), &min])
                });
                continue;
            }
            peers.push(peer);
        }
        let mut gaps: Vec<&LineGap> = sc.gaps.iter().filter(|g| g.year == year && g.scope.kind.is_none()).collect();
        gaps.sort_by_key(|g| (g.peer, g.scope.area.map_or(0, |a| a as u8 + 1)));
        YearBlock { year, one_since, change_head, peers, too_few, gaps: gaps.into_iter().map(GapRow::of).collect() }
    }

    /// The pooled rows of one year and peer group (None: the sector), lines in order,
    /// each line's total before its areas: one table of the document.
    pub fn pooled_of(&self, year: u16, peer: impl Into<PeerGroup>) -> impl Iterator<Item = &PooledRow> {
        let peer = peer.into();
        self.pooled.iter().filter(move |r| r.year == year && r.peer == peer)
    }
}
