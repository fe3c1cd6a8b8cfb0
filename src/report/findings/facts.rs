//! The facts of one institution-year against the sector, read from the score read model
//! once per portret: its own scores and n, the sector's quartiles and over how many
//! institutions they were taken, its position, its staff against the other
//! institutions' staff, its changes with their intervals, role against expertise and
//! its own lines against each other. No words here: `sentences.rs` and `words.rs` say
//! them, `recommend` advises on them.

use crate::framework::{Area, Kind, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::words::Word;
use crate::report::ReportContext;
use crate::score::{Band, Change, Difference, Rank, Scope, SectorScore, Versus, Why};

/// Over how many institutions a distribution (P25, median, P75) was taken, and why the
/// others are not in it (SPEC §4: "P25–P75 over 6 of 12 institutions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Over {
    /// Institutions whose score is shown: the distribution is over these.
    pub shown: usize,
    /// Institutions with respondents in the cell.
    pub institutions: usize,
    /// Not shown: too few respondents (`<5`).
    pub small: usize,
    /// Not shown: hidden to protect a small group elsewhere.
    pub protected: usize,
    /// Why the pooled figure itself is hidden (then no distribution is published).
    pub pooled_hidden: Option<Why>,
    /// Whether a distribution is published.
    pub published: bool,
}

impl Over {
    pub fn of(s: &SectorScore) -> Over {
        Over {
            shown: s.shown,
            institutions: s.institutions,
            small: s.not_shown_small,
            protected: s.not_shown_protected,
            pooled_hidden: s.hidden(),
            published: s.quartiles.is_some(),
        }
    }

    /// Whether the pooled figure is withheld because too few institutions have
    /// respondents (then the row shows nothing, and no "shown" count belongs beside it).
    pub fn too_few_institutions(&self) -> bool {
        self.pooled_hidden == Some(Why::FewInstitutions)
    }
}

/// One line total or line × area of the institution.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub line: Line,
    /// `None`: the line total.
    pub area: Option<Area>,
    /// Own score and n (its own figures, also where hidden only to protect others);
    /// `None` where the group is too small to show even to itself.
    pub own: Option<(f64, u64)>,
    /// Whether the own score is published in the tables (not only in its own portret).
    pub published: bool,
    /// Sector P25, median, P75 (where enough institutions are shown).
    pub quartiles: Option<(f64, f64, f64)>,
    /// Over how many institutions the quartiles were taken.
    pub over: Over,
    /// Its percentile rank among the institutions shown (a number with 10 or more).
    pub rank: Option<Rank>,
    /// Its staff against the staff of the other institutions (Welch with
    /// Benjamini–Hochberg).
    pub versus: Option<Versus>,
    /// The pooled mean (and n) of the other institutions' staff it was tested against.
    pub rest: Option<(f64, u64)>,
    /// Since the previous year taken part in, with its interval.
    pub change: Option<Change>,
    /// Why its own figures, shown to itself, are kept out of the published comparison
    /// (the test, the other institutions' mean, the change): protected to keep a small
    /// group elsewhere from being worked back. Every renderer prints this reason where
    /// those figures would stand, never an empty cell.
    pub withheld: Option<crate::score::Why>,
}

impl Cell {
    /// The withheld mark for a comparison this cell has none of (`ctx.mark`'s words).
    pub fn withheld_mark(&self, lang: Lang) -> Option<&'static str> {
        self.withheld.map(|_| Word::ProtectedLower.say(lang))
    }

    pub fn score(&self) -> Option<f64> {
        self.own.map(|o| o.0)
    }

    /// The published score: what a recommendation may quote.
    pub fn published_score(&self) -> Option<f64> {
        self.score().filter(|_| self.published)
    }

    /// Own score minus the sector median.
    pub fn against_median(&self) -> Option<f64> {
        Some(self.score()? - self.quartiles?.1)
    }

    /// Its position among the institutions: the band of its score against the P25 and
    /// P75 printed beside it ([`Band::of_position`], the one rule).
    pub fn position(&self) -> Option<Band> {
        let (v, (p25, _, p75)) = (self.score()?, self.quartiles?);
        // At the one decimal the report prints them with.
        Some(Band::of_position(v, p25, p75, 1))
    }

    /// In the lowest quarter of at least 10 institutions shown, with a published score:
    /// a position that holds (among fewer, one institution more or less moves a quarter).
    pub fn lowest_quarter_of_ten(&self) -> bool {
        self.published && self.over.shown >= 10 && self.position() == Some(Band::LowestQuarter)
    }

    pub fn scope(&self) -> Scope {
        self.area.map_or(Scope::LINE, Scope::area)
    }
}

/// A line-area's expertise (D) against its role (R), both published: D − R with Welch's
/// interval (the same staff answer both, so the interval is wider than a paired one:
/// a difference it calls clear is clear).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleExpertise {
    pub line: Line,
    pub area: Area,
    pub role: f64,
    pub expertise: f64,
    pub gap: Difference,
}

/// Two of its own lines' published totals: `b − a` with Welch's interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwnLineGap {
    pub a: (Line, f64),
    pub b: (Line, f64),
    pub gap: Difference,
}

/// The facts of one institution-year.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub year: u16,
    pub kind: Option<Sector>,
    /// Per line present: the total first, then the four areas.
    pub cells: Vec<Cell>,
    /// Expertise against role per line × area, from the published R and D scores.
    pub role_expertise: Vec<RoleExpertise>,
    /// Line 2 against line 1 (and the other pairs) of its own published totals.
    pub line_gaps: Vec<OwnLineGap>,
}

/// A line's change over its four areas since the previous year.
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    pub line: Line,
    pub since: u16,
    pub down: Vec<Area>,
    pub up: Vec<Area>,
    /// Of those down (up), the ones whose interval excludes 0.
    pub down_real: Vec<Area>,
    pub up_real: Vec<Area>,
    /// The line total's change.
    pub total: Option<Change>,
}

impl Findings {
    pub fn of(ctx: &ReportContext<'_>, institution: &str, year: u16) -> Findings {
        let sc = ctx.scores;
        let mut cells = Vec::new();
        let mut role_expertise = Vec::new();
        for line in Line::ALL {
            if sc.group(year, institution, line, Scope::LINE).is_none() {
                continue;
            }
            for area in std::iter::once(None).chain(Area::ALL.into_iter().map(Some)) {
                let scope = area.map_or(Scope::LINE, Scope::area);
                let g = sc.group(year, institution, line, scope);
                let own = g.and_then(|g| g.for_own_institution()).map(|f| (f.mean, f.n));
                let sector = sc.sector(year, None, line, scope);
                let b = sc.benchmark(year, institution, line, scope);
                cells.push(Cell {
                    line,
                    area,
                    own,
                    published: g.and_then(|g| g.shown()).is_some(),
                    quartiles: sector.and_then(|s| s.quartiles).map(|q| (q.p25, q.median, q.p75)),
                    over: sector.map(Over::of).unwrap_or_default(),
                    rank: b.map(|b| b.rank_sector),
                    versus: b.and_then(|b| b.versus_sector),
                    rest: b.and_then(|b| b.rest_of_sector).map(|r| (r.mean, r.n)),
                    change: b.and_then(|b| b.change),
                    withheld: g.and_then(|g| g.hidden()).filter(|_| own.is_some()),
                });
            }
            for area in Area::ALL {
                let fig = |k: Kind| sc.group(year, institution, line, Scope::cell(area, k)).and_then(|g| g.shown());
                if let (Some(r), Some(d)) = (fig(Kind::R), fig(Kind::D)) {
                    role_expertise.push(RoleExpertise {
                        line,
                        area,
                        role: r.mean,
                        expertise: d.mean,
                        gap: Difference::between(r, d),
                    });
                }
            }
        }
        let mut line_gaps = Vec::new();
        for (a, b) in [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)] {
            let fig = |l: Line| sc.group(year, institution, l, Scope::LINE).and_then(|g| g.shown());
            if let (Some(x), Some(y)) = (fig(a), fig(b)) {
                line_gaps.push(OwnLineGap { a: (a, x.mean), b: (b, y.mean), gap: Difference::between(x, y) });
            }
        }
        let kind = ctx.ingested.institutions.get(institution).and_then(|m| m.sector);
        Findings { year, kind, cells, role_expertise, line_gaps }
    }

    pub fn lines(&self) -> Vec<Line> {
        let mut l: Vec<Line> = self.cells.iter().map(|c| c.line).collect();
        l.dedup();
        l
    }

    pub fn total(&self, line: Line) -> Option<&Cell> {
        self.cells.iter().find(|c| c.line == line && c.area.is_none())
    }

    pub fn areas(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| c.area.is_some())
    }

    /// The area cells whose weakness holds beyond its uncertainty: clearly below the
    /// other institutions' staff (after Benjamini–Hochberg), or in the lowest quarter of
    /// at least 10 institutions shown; furthest below the sector median first.
    pub fn weak_areas(&self) -> Vec<&Cell> {
        let mut v: Vec<(&Cell, f64)> = self
            .areas()
            .filter(|c| c.published && (c.versus == Some(Versus::Below) || c.lowest_quarter_of_ten()))
            .map(|c| (c, c.against_median().unwrap_or(0.0)))
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.line.cmp(&b.0.line)));
        v.into_iter().map(|x| x.0).collect()
    }

    /// Lines whose total is shown to the institution but kept out of every comparison.
    pub fn untested_lines(&self) -> Vec<Line> {
        self.lines()
            .into_iter()
            .filter(|&l| self.total(l).is_some_and(|c| c.withheld.is_some() && c.versus.is_none()))
            .collect()
    }

    /// Each line's movement over its areas since the previous year (lines with a
    /// previous year only).
    pub fn movements(&self) -> Vec<Movement> {
        let mut out = Vec::new();
        for line in self.lines() {
            let areas: Vec<&Cell> = self.areas().filter(|c| c.line == line).collect();
            let Some(since) =
                areas.iter().chain(self.total(line).iter()).find_map(|c| c.change.map(|ch| ch.previous_year))
            else {
                continue;
            };
            let mut m = Movement {
                line,
                since,
                down: vec![],
                up: vec![],
                down_real: vec![],
                up_real: vec![],
                total: self.total(line).and_then(|c| c.change),
            };
            for c in &areas {
                let (Some(ch), Some(a)) = (c.change, c.area) else { continue };
                let real = ch.change.significant() == Some(true);
                // Up or down as printed beside it (one decimal): a change that reads 0,0
                // is neither, so "higher in all four areas" is never said over a 0,0.
                let printed = ch.change.shown;
                if printed < 0.0 {
                    m.down.push(a);
                    if real {
                        m.down_real.push(a);
                    }
                } else if printed > 0.0 {
                    m.up.push(a);
                    if real {
                        m.up_real.push(a);
                    }
                }
            }
            out.push(m);
        }
        out
    }
}
