//! What a portret says in words: the facts of one institution-year against the sector
//! (its own scores, the sector's quartiles, above/within/below, changes with their
//! intervals), and the three to five sentences on its first page. Built from the read
//! model once per portret; the sentences and the recommendations ([`super::recommend`])
//! are plain functions of these facts, so they are tested on facts written by hand.
//!
//! Only the institution's own figures and the sector's distribution appear: never
//! another institution's.

use crate::framework::{Area, Kind, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::ReportContext;
use crate::score::{as_printed, Band, Change, Difference, Rank, Scope, SectorScore, Versus, Why};

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

    /// The count beside a distribution: "6 van 12" / "6 of 12", the institutions shown
    /// of those with respondents. Where the pooled figure is withheld because too few
    /// institutions have respondents, nothing of the row is shown, so the count says how
    /// many there are, not how many are "shown" ("1 instelling" beside "te weinig
    /// instellingen", never "1 van 1").
    pub fn count(&self, lang: Lang) -> String {
        if self.too_few_institutions() {
            let one = self.institutions == 1;
            return format!(
                "{} {}",
                self.institutions,
                match (lang, one) {
                    (Lang::Nl, true) => "instelling",
                    (Lang::Nl, false) => "instellingen",
                    (Lang::En, true) => "institution",
                    (Lang::En, false) => "institutions",
                }
            );
        }
        format!("{} {} {}", self.shown, lang.pick("van", "of"), self.institutions)
    }

    /// Whether the pooled figure is withheld because too few institutions have
    /// respondents (then the row shows nothing, and no "shown" count belongs beside it).
    pub fn too_few_institutions(&self) -> bool {
        self.pooled_hidden == Some(Why::FewInstitutions)
    }

    /// The sentence that says over how many institutions the distribution was taken and
    /// why the others are not in it, with the true reason for each: too few respondents
    /// (`<5`), protected (hidden to keep a small group from being worked back), or, where
    /// no distribution is published, too few institutions shown (which is not "too
    /// small": their respondents may be many) or the pooled figure protected.
    pub fn sentence(&self, min_institutions: usize, min_group_size: u64, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let hidden = self.institutions - self.shown;
        let mut reasons = Vec::new();
        if self.small > 0 {
            reasons.push(if nl {
                format!("{} met te weinig respondenten (<{min_group_size})", self.small)
            } else {
                format!("{} with too few respondents (<{min_group_size})", self.small)
            });
        }
        if self.protected > 0 {
            reasons.push(if nl {
                format!("{} afgeschermd om een kleine groep te beschermen", self.protected)
            } else {
                format!("{} protected to keep a small group from being worked back", self.protected)
            });
        }
        let why = join(&reasons, lang);
        if self.published {
            return match (hidden, nl) {
                (0, true) => format!("P25–P75 over alle {} instellingen.", self.institutions),
                (0, false) => format!("P25–P75 over all {} institutions.", self.institutions),
                (1, true) => format!(
                    "P25–P75 over {} van {} instellingen; de andere niet getoond: {why}.",
                    self.shown, self.institutions
                ),
                (1, false) => format!(
                    "P25–P75 over {} of {} institutions; the other is not shown: {why}.",
                    self.shown, self.institutions
                ),
                (h, true) => format!(
                    "P25–P75 over {} van {} instellingen; de andere {h} niet getoond: {why}.",
                    self.shown, self.institutions
                ),
                (h, false) => format!(
                    "P25–P75 over {} of {} institutions; the other {h} are not shown: {why}.",
                    self.shown, self.institutions
                ),
            };
        }
        match (self.pooled_hidden, nl) {
            // Too few institutions with respondents: the true reason is their number,
            // whatever their size.
            (Some(Why::FewInstitutions), true) => format!(
                "Geen sectorcijfer en geen P25–P75: {} met respondenten, minder dan de {min_institutions} die nodig zijn.",
                self.count(lang)
            ),
            (Some(Why::FewInstitutions), false) => format!(
                "No sector figure and no P25–P75: {} with respondents, fewer than the {min_institutions} needed.",
                self.count(lang)
            ),
            (Some(Why::ProtectsPooled | Why::Protects), true) => {
                "Geen P25–P75: het sectorcijfer is afgeschermd om kleine groepen te beschermen.".into()
            }
            (Some(Why::ProtectsPooled | Why::Protects), false) => {
                "No P25–P75: the sector figure is protected to keep small groups from being worked back.".into()
            }
            (_, true) => {
                let rest = if why.is_empty() { String::new() } else { format!("; niet getoond: {why}") };
                format!(
                    "Geen P25–P75: {} van {} instellingen getoond, te weinig voor een verdeling (minstens {min_institutions}){rest}.",
                    self.shown, self.institutions
                )
            }
            (_, false) => {
                let rest = if why.is_empty() { String::new() } else { format!("; not shown: {why}") };
                format!(
                    "No P25–P75: {} of {} institutions shown, too few for a distribution (at least {min_institutions}){rest}.",
                    self.shown, self.institutions
                )
            }
        }
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
        self.withheld.map(|_| lang.pick("afgeschermd", "protected"))
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

/// A cell's position among the institutions as page 1 prints it beside the quartiles:
/// the band its score takes against them; empty where no quartiles are printed (a band
/// needs the quartiles it follows beside it). The percentile rank, where 10 or more
/// institutions are shown, is in `benchmarks.csv` and the sector workbook.
pub fn position_text(c: &Cell, lang: Lang) -> String {
    c.position().map_or(String::new(), |b| band_words(b, lang).to_string())
}

/// Where a score stands among the institutions, in words ("laagste kwart").
pub fn band_words(b: Band, lang: Lang) -> &'static str {
    match b {
        Band::LowestQuarter => lang.pick("laagste kwart", "lowest quarter"),
        Band::MiddleHalf => lang.pick("middelste helft", "middle half"),
        Band::HighestQuarter => lang.pick("hoogste kwart", "highest quarter"),
    }
}

/// A position with its percentile where one is published: "hoogste kwart (percentiel
/// 82)"; "te weinig instellingen" where the group is too small to rank in.
pub fn position_words(rank: &Rank, lang: Lang) -> String {
    match rank {
        Rank::Number(n, b) => format!("{} ({} {n:.0})", band_words(*b, lang), lang.pick("percentiel", "percentile")),
        Rank::Band(b) => band_words(*b, lang).to_string(),
        Rank::TooFew => lang.pick("te weinig instellingen", "too few institutions").to_string(),
    }
}

/// The difference of its staff from the other institutions' staff, in words that never
/// call a difference that is not significant equal (SPEC §4).
pub fn versus_words(v: Versus, lang: Lang) -> &'static str {
    match v {
        Versus::Above => lang.pick("aantoonbaar hoger", "clearly higher"),
        Versus::Within => lang.pick("geen aantoonbaar verschil", "no clear difference"),
        Versus::Below => lang.pick("aantoonbaar lager", "clearly lower"),
    }
}

/// Blue for better, orange for worse, light grey between (the heat map's
/// colour-blind-safe ends), as RGB.
pub fn band_colour(b: Band) -> [u8; 3] {
    match b {
        Band::HighestQuarter => [189, 215, 238],
        Band::MiddleHalf => [242, 242, 242],
        Band::LowestQuarter => [248, 203, 173],
    }
}

pub fn versus_colour(v: Versus) -> [u8; 3] {
    match v {
        Versus::Above => band_colour(Band::HighestQuarter),
        Versus::Within => band_colour(Band::MiddleHalf),
        Versus::Below => band_colour(Band::LowestQuarter),
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
                    quartiles: sector.and_then(|s| s.quartiles),
                    over: sector.map(Over::of).unwrap_or_default(),
                    rank: b.map(|b| b.rank_sector),
                    versus: b.and_then(|b| b.versus_sector),
                    rest: b.and_then(|b| b.rest_of_sector),
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

    /// Over how many institutions page 1's distributions were taken, and why not the
    /// others: one sentence per line where its total and areas share it, else one per
    /// row that differs from its line total ("2e lijn, Samenwerking: …").
    pub fn distribution_notes(&self, min_institutions: usize, min_group_size: u64, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for line in self.lines() {
            let say = |c: &Cell| c.over.sentence(min_institutions, min_group_size, lang);
            let Some(total) = self.total(line) else { continue };
            let head = say(total);
            out.push(format!("{}: {head}", capitalise(&line_name(line, lang))));
            for c in self.areas().filter(|c| c.line == line) {
                let own = say(c);
                if own != head {
                    out.push(format!(
                        "{}, {}: {own}",
                        capitalise(&line_name(line, lang)),
                        c.area.map_or("", |a| a.label(lang))
                    ));
                }
            }
        }
        out
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

    /// The sentences on where the institution stands: [`Self::essential_sentences`],
    /// then [`Self::optional_sentences`].
    pub fn sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = self.essential_sentences(lang);
        out.extend(self.optional_sentences(lang));
        out
    }

    /// What page 1 always says: who answered, each line's position, its staff against
    /// the other institutions' (lines and the areas that differ), the lines not
    /// compared, and the change. A page that runs short of room leaves out only the
    /// optional sentences, never one of these (they carry the findings that hold).
    pub fn essential_sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        let nl = lang == Lang::Nl;
        // 1. Who answered.
        let parts: Vec<String> = self
            .lines()
            .into_iter()
            .map(|l| match self.total(l).and_then(|c| c.own) {
                Some((_, n)) => format!("{n} {} {}", lang.pick("in de", "in"), line_name(l, lang)),
                None => format!("{} {}", lang.pick("enkelen in de", "a few in"), line_name(l, lang)),
            })
            .collect();
        let known: Vec<u64> =
            self.lines().iter().filter_map(|&l| self.total(l).and_then(|c| c.own)).map(|o| o.1).collect();
        let total: u64 = known.iter().sum();
        // A line too small to show even to itself ("a few") leaves the total unsaid: a
        // number beside "a few" would read as everyone.
        let all_known = known.len() == self.lines().len();
        out.push(match (nl, all_known) {
            (true, true) => {
                format!("In {} vulden {total} medewerkers de vragenlijst in: {}.", self.year, join(&parts, lang))
            }
            (true, false) => format!("In {} vulden medewerkers de vragenlijst in: {}.", self.year, join(&parts, lang)),
            (false, true) => format!("In {}, {total} staff completed the survey: {}.", self.year, join(&parts, lang)),
            (false, false) => format!("In {}, staff completed the survey: {}.", self.year, join(&parts, lang)),
        });

        // 2. Each line's position among the institutions (the band its total takes
        // against the P25 and P75 beside it), lines in the same band together.
        let mut by: Vec<(Band, Vec<Line>)> = Vec::new();
        for l in self.lines() {
            if let Some(b) = self.total(l).and_then(|c| c.position()) {
                match by.iter_mut().find(|x| x.0 == b) {
                    Some(x) => x.1.push(l),
                    None => by.push((b, vec![l])),
                }
            }
        }
        if !by.is_empty() {
            let clauses: Vec<String> = by
                .iter()
                .map(|(b, ls)| {
                    let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                    let band = band_words(*b, lang);
                    if nl {
                        let de = if *b == Band::MiddleHalf { "de" } else { "het" };
                        format!("uw {who} in {de} {band}")
                    } else {
                        format!("your {who} in the {band}")
                    }
                })
                .collect();
            out.push(format!(
                "{}: {}.",
                lang.pick(
                    "Positie onder de instellingen (totaalscore per lijn)",
                    "Position among the institutions (line total)"
                ),
                clauses.join(", ")
            ));
        }

        // 3. Each line's staff against the other institutions' staff (the test), lines
        // with the same verdict together. Not significant is never "equal".
        let mut by: Vec<(Versus, Vec<Line>)> = Vec::new();
        for l in self.lines() {
            if let Some(v) = self.total(l).and_then(|c| c.versus) {
                match by.iter_mut().find(|x| x.0 == v) {
                    Some(x) => x.1.push(l),
                    None => by.push((v, vec![l])),
                }
            }
        }
        if !by.is_empty() {
            // "hen" / "them" only once the other institutions' staff have been named.
            let mut named = false;
            let clauses: Vec<String> = by
                .iter()
                .map(|(v, ls)| {
                    let refer = named;
                    named = true;
                    let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                    let plural = ls.len() > 1;
                    let staff = match (nl, refer) {
                        (true, false) => "de medewerkers van de andere instellingen",
                        (true, true) => "hen",
                        (false, false) => "the staff of the other institutions",
                        (false, true) => "them",
                    };
                    match (v, nl) {
                        (Versus::Above, true) => {
                            format!(
                                "uw {who} {} aantoonbaar hoger dan {staff}",
                                if plural { "scoren" } else { "scoort" }
                            )
                        }
                        (Versus::Below, true) => {
                            format!(
                                "uw {who} {} aantoonbaar lager dan {staff}",
                                if plural { "scoren" } else { "scoort" }
                            )
                        }
                        (Versus::Within, true) => format!(
                            "uw {who} {} niet aantoonbaar van {staff}",
                            if plural { "verschillen" } else { "verschilt" }
                        ),
                        (Versus::Above, false) => {
                            format!(
                                "your {who} {} clearly higher than {staff}",
                                if plural { "score" } else { "scores" }
                            )
                        }
                        (Versus::Below, false) => {
                            format!("your {who} {} clearly lower than {staff}", if plural { "score" } else { "scores" })
                        }
                        (Versus::Within, false) => {
                            format!("your {who} {} not clearly differ from {staff}", if plural { "do" } else { "does" })
                        }
                    }
                })
                .collect();
            // Areas whose staff differ clearly where their line's total does not (or the
            // other way): page 1's table prints them as "aantoonbaar", so the sentence
            // names them too.
            let areas: Vec<String> = self
                .areas()
                .filter_map(|c| {
                    let v = c.versus?;
                    let differs = matches!(v, Versus::Above | Versus::Below)
                        && self.total(c.line).and_then(|t| t.versus) != Some(v);
                    differs.then(|| {
                        let how = match v {
                            Versus::Above => lang.pick("hoger", "higher"),
                            _ => lang.pick("lager", "lower"),
                        };
                        format!(
                            "{} {} {} ({how})",
                            c.area.map_or("", |a| a.label(lang)),
                            lang.pick("in de", "in"),
                            line_name(c.line, lang)
                        )
                    })
                })
                .collect();
            let mut clauses = clauses;
            if !areas.is_empty() {
                clauses.push(format!(
                    "{}: {}",
                    lang.pick("per aandachtsgebied aantoonbaar anders", "by area, clearly different"),
                    join(&areas, lang)
                ));
            }
            out.push(capitalise(&format!("{}.", clauses.join("; "))));
        }
        // Lines shown to the institution only: not tested, and said so, so that no
        // sentence about "every line" covers them.
        let untested = self.untested_lines();
        if !untested.is_empty() {
            let who = join(&untested.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
            let plural = untested.len() > 1;
            out.push(if nl {
                format!(
                    "Uw {who} {} niet vergeleken met de andere instellingen of met eerdere jaren: afgeschermd, om een kleine groep elders te beschermen; de cijfers ziet alleen u.",
                    if plural { "zijn" } else { "is" }
                )
            } else {
                format!(
                    "Your {who} {} not compared with the other institutions or with earlier years: protected, to keep a small group elsewhere from being worked back; only you see {} figures.",
                    if plural { "are" } else { "is" },
                    if plural { "their" } else { "its" }
                )
            });
        }

        // 3. Change since the previous year.
        let moves = self.movements();
        if moves.is_empty() {
            out.push(
                lang.pick(
                    "Er is geen eerder jaar om mee te vergelijken: dit is de eerste meting met deze raamwerkeditie.",
                    "There is no earlier year to compare with: this is the first survey with this framework edition.",
                )
                .to_string(),
            );
        } else {
            out.push(self.change_sentence(&moves, lang));
        }
        out
    }

    /// What page 1 adds where there is room: its highest and lowest own area score, and
    /// the areas clearly below the other institutions' staff in a line that is itself
    /// clearly below (those in other lines are named by the essential sentences).
    pub fn optional_sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        let nl = lang == Lang::Nl;
        // 4. Its highest and lowest own area score. Named by what they are (its own
        // highest and lowest), each with the position printed beside it on page 1, so the
        // sentence never calls "strongest" an area in the lowest quarter of the
        // institutions (or "weakest" one in the highest).
        let mut areas: Vec<(&Cell, f64)> = self.areas().filter_map(|c| c.score().map(|s| (c, s))).collect();
        areas.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.line.cmp(&b.0.line)));
        if let (Some(best), Some(worst)) = (areas.first(), areas.last()) {
            if areas.len() > 1 && as_printed(best.1) == as_printed(worst.1) {
                out.push(if nl {
                    format!("Alle aandachtsgebieden hebben dezelfde score: {}.", num(best.1, lang))
                } else {
                    format!("Every area has the same score: {}.", num(best.1, lang))
                });
            } else if areas.len() > 1 {
                let at = |c: &Cell| {
                    format!(
                        "{} {} {}",
                        c.area.map_or("", |a| a.label(lang)),
                        lang.pick("in de", "in"),
                        line_name(c.line, lang)
                    )
                };
                // The score and, where quartiles are printed beside it, its position.
                let figures = |c: &Cell, v: f64| match c.position() {
                    Some(b) => format!("{}; {}", num(v, lang), band_words(b, lang)),
                    None => num(v, lang),
                };
                out.push(if nl {
                    format!(
                        "Uw hoogste eigen score is die voor {} ({}), uw laagste die voor {} ({}).",
                        at(best.0),
                        figures(best.0, best.1),
                        at(worst.0),
                        figures(worst.0, worst.1)
                    )
                } else {
                    format!(
                        "Your highest own score is for {} ({}), your lowest for {} ({}).",
                        at(best.0),
                        figures(best.0, best.1),
                        at(worst.0),
                        figures(worst.0, worst.1)
                    )
                });
            }
        }

        // 5. Areas whose staff score clearly below the other institutions' staff.
        let below: Vec<String> = self
            .areas()
            .filter(|c| c.versus == Some(Versus::Below))
            .filter(|c| self.total(c.line).and_then(|t| t.versus) == Some(Versus::Below))
            .map(|c| format!("{} ({})", c.area.map_or("", |a| a.label(lang)), line_name(c.line, lang)))
            .collect();
        if !below.is_empty() {
            out.push(format!(
                "{}: {}.",
                lang.pick(
                    "Aantoonbaar lager dan de medewerkers van de andere instellingen",
                    "Clearly lower than the staff of the other institutions"
                ),
                join(&below, lang)
            ));
        }
        out
    }

    /// The one sentence on change since the previous year. It names every line that
    /// moved the same way in all four areas, rises and falls alike (lines with the same
    /// direction and the same verdict together), and every line whose total changed
    /// beyond chance: a summary that names one such line never leaves out another as
    /// notable. Up or down as printed (a change printed 0,0 is neither).
    fn change_sentence(&self, moves: &[Movement], lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let areas = |v: &[Area]| join(&v.iter().map(|a| a.label(lang).to_string()).collect::<Vec<_>>(), lang);
        let real_of = |all: &[Area], real: &[Area], down: bool| -> String {
            let word = if down { lang.pick("daling", "fall") } else { lang.pick("stijging", "rise") };
            match (real.len(), nl) {
                (0, true) => format!("bij geen ervan is de {word} groter dan toeval"),
                (0, false) => format!("in none of them is the {word} larger than chance"),
                (k, true) if k == all.len() => format!("overal is de {word} groter dan toeval"),
                (k, false) if k == all.len() => format!("everywhere the {word} is larger than chance"),
                (_, true) => format!("alleen bij {} is de {word} groter dan toeval", areas(real)),
                (_, false) => format!("only in {} is the {word} larger than chance", areas(real)),
            }
        };
        // Lines that moved as a whole, grouped by (down, since, verdict).
        let mut whole: Vec<((bool, u16, String), Vec<Line>)> = Vec::new();
        for m in moves {
            let key = if m.down.len() == 4 {
                (true, m.since, real_of(&m.down, &m.down_real, true))
            } else if m.up.len() == 4 {
                (false, m.since, real_of(&m.up, &m.up_real, false))
            } else {
                continue;
            };
            match whole.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.1.push(m.line),
                None => whole.push((key, vec![m.line])),
            }
        }
        // Line totals that changed beyond chance.
        let real: Vec<String> = moves
            .iter()
            .filter_map(|m| {
                let t = m.total?;
                let since = if moves.iter().all(|x| x.since == m.since) {
                    String::new()
                } else {
                    format!(" {} {}", lang.pick("sinds", "since"), t.previous_year)
                };
                (t.change.significant() == Some(true))
                    .then(|| format!("{} {}{since}", line_name(m.line, lang), signed(t.change.shown, lang)))
            })
            .collect();
        // Areas that changed beyond chance in a line that did not move as a whole (a
        // line that did names its real areas in its own clause): page 2 prints them as
        // "aantoonbaar", so page 1 names them too.
        let in_whole = |l: Line| whole.iter().any(|(_, ls)| ls.contains(&l));
        let areas_real: Vec<String> = self
            .areas()
            .filter(|c| !in_whole(c.line))
            .filter_map(|c| {
                let (ch, area) = (c.change?, c.area?);
                let since = if moves.iter().all(|x| x.since == ch.previous_year) {
                    String::new()
                } else {
                    format!(" {} {}", lang.pick("sinds", "since"), ch.previous_year)
                };
                (ch.change.significant() == Some(true)).then(|| {
                    format!("{} {} {}{since}", line_name(c.line, lang), area.label(lang), signed(ch.change.shown, lang))
                })
            })
            .collect();
        let since = moves[0].since;
        if whole.is_empty() {
            let all: Vec<String> = real.iter().chain(areas_real.iter()).cloned().collect();
            // Where a line present has no change (protected, too small, or new), what is
            // said of "no line" is said of the lines tested.
            let some_untested = self.lines().iter().any(|&l| self.total(l).is_some_and(|c| c.change.is_none()));
            let tested = if some_untested { lang.pick(" getoetste", " tested") } else { "" };
            return match (all.is_empty(), nl) {
                (true, true) => format!("Sinds {since} is geen{tested} lijn of aandachtsgebied aantoonbaar veranderd."),
                (true, false) => format!("Since {since} no{tested} line or area has changed beyond chance."),
                (false, true) => {
                    format!("Sinds {since} aantoonbaar veranderd: {}; de rest niet aantoonbaar.", join(&all, lang))
                }
                (false, false) => {
                    format!("Changed beyond chance since {since}: {}; the rest not clearly.", join(&all, lang))
                }
            };
        }
        let mut clauses: Vec<String> = whole
            .iter()
            .map(|((down, since, verdict), ls)| {
                let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                let plural = ls.len() > 1;
                match (nl, down) {
                    (true, _) => format!(
                        "uw {who} {} in alle vier aandachtsgebieden {} dan in {since} ({verdict})",
                        if plural { "scoren" } else { "scoort" },
                        if *down { "lager" } else { "hoger" }
                    ),
                    (false, _) => format!(
                        "your {who} {} {} than in {since} in all four areas ({verdict})",
                        if plural { "score" } else { "scores" },
                        if *down { "lower" } else { "higher" }
                    ),
                }
            })
            .collect();
        if !real.is_empty() {
            clauses.push(if nl {
                format!("als geheel aantoonbaar veranderd: {}", join(&real, lang))
            } else {
                format!("changed beyond chance as a whole: {}", join(&real, lang))
            });
        }
        if !areas_real.is_empty() {
            clauses.push(if nl {
                format!("aantoonbaar veranderd in een aandachtsgebied: {}", join(&areas_real, lang))
            } else {
                format!("changed beyond chance in an area: {}", join(&areas_real, lang))
            });
        }
        capitalise(&format!("{}.", clauses.join("; ")))
    }
}

/// The count "N van M" of page 1 the how-to-read box explains, in this portret's own
/// figures: the first line whose total has a published distribution ("bij uw 1e lijn
/// \"9 van 12\": 9 getoond van de 12 met respondenten"); where none has, the count in
/// letters ("N van M"), never an invented figure.
fn count_example(facts: &Findings, lang: Lang) -> String {
    let first =
        facts.lines().into_iter().find_map(|l| facts.total(l).filter(|c| c.over.published).map(|c| (l, c.over)));
    match (first, lang) {
        (Some((l, o)), Lang::Nl) => format!(
            "bij uw {} \"{}\": {} getoond van de {} met respondenten",
            line_name(l, lang),
            o.count(lang),
            o.shown,
            o.institutions
        ),
        (Some((l, o)), Lang::En) => format!(
            "for your {} \"{}\": {} shown of the {} with respondents",
            line_name(l, lang),
            o.count(lang),
            o.shown,
            o.institutions
        ),
        (None, Lang::Nl) => "\"N van M\": N getoond van de M met respondenten".into(),
        (None, Lang::En) => "\"N of M\": N shown of the M with respondents".into(),
    }
}

/// The "how to read" box of page 1, one paragraph per point: the two questions page 1
/// answers, each under its own name, and every abbreviation of the page. Its example
/// of a count is this portret's own ([`count_example`]).
pub fn how_to_read(facts: &Findings, lang: Lang, min_group_size: u64) -> Vec<String> {
    let example = count_example(facts, lang);
    match lang {
        Lang::Nl => vec![
            "Zo leest u dit portret".into(),
            "Scores van 0 tot 100: het gemiddelde antwoord (ja = 100, grotendeels = 66,7, enigszins = 33,3, nee = 0); n = aantal respondenten.".into(),
            format!("Positie onder de instellingen: een kwart van de instellingen scoort onder P25, de helft tussen P25 en P75 (de mediaan in het midden), een kwart boven P75, over de getoonde instellingen ({example}). Onder P25: laagste kwart; boven P75: hoogste kwart; anders: middelste helft."),
            "Verschil met de medewerkers van de sector: uw gemiddelde tegen dat van alle medewerkers van de andere instellingen (de kolom ervoor), getoetst op 95% en gecorrigeerd voor het aantal vergelijkingen. Geen aantoonbaar verschil betekent niet dat de scores gelijk zijn.".into(),
            "Verandering: sinds het vorige jaar van deelname, met het 95%-interval (de marge rond het verschil); aantoonbaar als het interval de 0 niet bevat.".into(),
            format!("<{min_group_size}: te weinig respondenten om te tonen; afgeschermd: verborgen om een kleine groep te beschermen."),
        ],
        Lang::En => vec![
            "How to read this portrait".into(),
            "Scores from 0 to 100: the mean answer (yes = 100, largely = 66.7, somewhat = 33.3, no = 0); n = number of respondents.".into(),
            format!("Position among the institutions: a quarter of the institutions score below P25, half between P25 and P75 (the median in the middle), a quarter above P75, over the institutions shown ({example}). Below P25: lowest quarter; above P75: highest quarter; otherwise: middle half."),
            "Difference from the sector's staff: your mean against that of all staff of the other institutions (the column before it), tested at 95% and corrected for the number of comparisons. No clear difference does not mean the scores are equal.".into(),
            "Change: since the previous year you took part, with its 95% interval (the margin around the difference); beyond chance where the interval excludes 0.".into(),
            format!("<{min_group_size}: too few respondents to show; protected: hidden to protect a small group."),
        ],
    }
}

/// The glossary line of page 1: LOB, the kinds of institution, the three lines, the four
/// areas: every abbreviation page 1 uses ([`kinds_glossary`] explains R and D where the
/// items are listed).
pub fn glossary(lang: Lang) -> String {
    let lines: Vec<String> =
        Line::ALL.iter().map(|l| format!("{} = {}", line_name(*l, lang), l.description(lang))).collect();
    let areas: Vec<String> = Area::ALL.iter().map(|a| format!("{} ({})", a.label(lang), a.code())).collect();
    match lang {
        Lang::Nl => format!(
            "LOB = loopbaanoriëntatie en -begeleiding; vo = voortgezet onderwijs, mbo = middelbaar beroepsonderwijs, hbo = hoger beroepsonderwijs; MT = managementteam; PDCA = plan-do-check-act (de kwaliteitscyclus). {}. Aandachtsgebieden: {}.",
            lines.join("; "),
            join(&areas, lang)
        ),
        Lang::En => format!(
            "LOB = career orientation and guidance; vo = secondary, mbo = vocational, hbo = higher professional education; MT = management team; PDCA = plan-do-check-act (the quality cycle). {}. Areas: {}.",
            lines.join("; "),
            join(&areas, lang)
        ),
    }
}

/// What the items table's "Sector" column is.
pub fn item_sector_note(lang: Lang) -> &'static str {
    lang.pick(
        "Sector: de gemiddelde score op het item over de medewerkers van alle instellingen, de eigen meegeteld.",
        "Sector: the mean score on the item over the staff of every institution, its own included.",
    )
}

/// R and D in an item's id, where the items are listed.
pub fn kinds_glossary(lang: Lang) -> &'static str {
    lang.pick(
        "Item L1-VB-R1: lijn 1, aandachtsgebied VB, R = rol (wat u doet), D = deskundigheid (wat u weet en kunt), nummer 1.",
        "Item L1-VB-R1: line 1, area VB, R = role (what you do), D = expertise (what you know and can do), number 1.",
    )
}

/// The line under a portret's or the sector report's title: the kind of institution
/// and the framework edition, each named once ("Onderwijssoort: mbo · raamwerkeditie
/// raamwerk-2017"), for the workbook and the PDF alike. Not "Sector: mbo": on the same
/// page "the sector" is every institution the portret is compared with, of all kinds.
pub fn subtitle(kind: Option<Sector>, edition: &str, lang: Lang) -> String {
    format!(
        "{} {} · {} {edition}",
        lang.pick("Onderwijssoort:", "Type of education:"),
        kind.map_or("—", |s| s.code()),
        lang.pick("raamwerkeditie", "framework edition")
    )
}

/// "1e lijn" / "line 1" (lower case, for inside a sentence).
pub fn line_name(l: Line, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{}e lijn", l.number()),
        Lang::En => format!("line {}", l.number()),
    }
}

/// A value that rounds to 0.0 at one decimal, as 0 (never "−0,0").
pub fn unsigned_zero(v: f64) -> f64 {
    if (v * 10.0).round() == 0.0 {
        0.0
    } else {
        v
    }
}

/// One decimal, Dutch decimal comma; rounded by [`as_printed`] (half away from zero, as
/// the workbook shows it), the one rounding every printed difference is taken over.
pub fn num(v: f64, lang: Lang) -> String {
    let v = as_printed(v);
    let s = format!("{v:.1}");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Signed, one decimal, a true minus.
pub fn signed(v: f64, lang: Lang) -> String {
    let v = as_printed(v);
    if v == 0.0 {
        return lang.pick("0,0", "0.0").to_string();
    }
    let s = format!("{v:+.1}").replace('-', "−");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// An interval bound: signed, one decimal, as [`signed`], except that a bound which is
/// not 0 but would print as 0,0 gets the decimals it needs (up to four) to stay on its
/// side of zero. Whether an interval excludes 0 is what "aantoonbaar" says, so a reader
/// must be able to see it: "+0,05 tot +5,9" with "ja", never "0,0 tot +5,9".
pub fn bound(v: f64, lang: Lang) -> String {
    if as_printed(v) != 0.0 || v == 0.0 || !v.is_finite() {
        return signed(v, lang);
    }
    let s = (2..=4)
        .map(|d| format!("{v:+.d$}"))
        .find(|t| t.trim_start_matches(['+', '-']).chars().any(|c| c.is_ascii_digit() && c != '0'))
        .unwrap_or_else(|| format!("{v:+.4}"))
        .replace('-', "−");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A 95 % interval as text, each bound on its side of zero ([`bound`]): "−1,8 tot +8,8".
pub fn interval(lo: f64, hi: f64, lang: Lang) -> String {
    format!("{} {} {}", bound(lo, lang), lang.pick("tot", "to"), bound(hi, lang))
}

/// "a, b en c" / "a, b and c".
pub fn join(parts: &[String], lang: Lang) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("en", "and")),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::score::Difference;

    /// A cell of 12 respondents, published, with P25–P75 median ± 10 over 12 of 12
    /// institutions, not clearly different from the other institutions' staff (at the
    /// median).
    pub fn cell(line: Line, area: Option<Area>, own: f64, median: f64) -> Cell {
        Cell {
            line,
            area,
            own: Some((own, 12)),
            published: true,
            quartiles: Some((median - 10.0, median, median + 10.0)),
            over: Over { shown: 12, institutions: 12, published: true, ..Over::default() },
            rank: None,
            versus: Some(Versus::Within),
            rest: Some((median, 300)),
            change: None,
            withheld: None,
        }
    }

    pub fn change(prev: u16, diff: f64, lo: f64, hi: f64) -> Option<Change> {
        Some(Change { previous_year: prev, previous: 50.0, change: Difference::unpaired(diff, Some((lo, hi))) })
    }

    /// Line 1 at 60 in every area (sector median 55), line 2 at 50 except SW 38 (median
    /// 52); line 2 fell in every area since 2025, only SW beyond chance.
    pub fn example() -> Findings {
        let mut cells = vec![cell(Line::L1, None, 60.0, 55.0)];
        cells[0].versus = Some(Versus::Above);
        for a in Area::ALL {
            cells.push(cell(Line::L1, Some(a), 60.0 + a as u8 as f64, 55.0));
        }
        cells.push(cell(Line::L2, None, 47.0, 52.0));
        for a in Area::ALL {
            let (own, ch) = match a {
                Area::SW => (38.0, change(2025, -12.0, -20.0, -4.0)),
                _ => (50.0, change(2025, -3.0, -9.0, 3.0)),
            };
            let mut c = cell(Line::L2, Some(a), own, 52.0);
            c.change = ch;
            if a == Area::SW {
                c.versus = Some(Versus::Below);
            }
            cells.push(c);
        }
        cells[5].change = change(2025, -5.0, -9.0, -1.0);
        Findings { year: 2026, kind: Some(Sector::Mbo), cells, role_expertise: vec![], line_gaps: vec![] }
    }

    #[test]
    fn page_one_says_where_the_institution_stands_in_dutch() {
        let s = example().sentences(Lang::Nl);
        assert_eq!(s[0], "In 2026 vulden 24 medewerkers de vragenlijst in: 12 in de 1e lijn en 12 in de 2e lijn.");
        // Line 1 at 60 against P25–P75 45–65, line 2 at 47 against 42–62: both between.
        assert_eq!(
            s[1],
            "Positie onder de instellingen (totaalscore per lijn): uw 1e lijn en 2e lijn in de middelste helft."
        );
        assert_eq!(
            s[2],
            "Uw 1e lijn scoort aantoonbaar hoger dan de medewerkers van de andere instellingen; uw 2e lijn verschilt niet aantoonbaar van hen; per aandachtsgebied aantoonbaar anders: Samenwerking in de 2e lijn (lager)."
        );
        // Line 2 fell in all four areas, only SW beyond chance; its total −5 (−9 to −1).
        assert_eq!(
            s[3],
            "Uw 2e lijn scoort in alle vier aandachtsgebieden lager dan in 2025 (alleen bij Samenwerking is de daling groter dan toeval); als geheel aantoonbaar veranderd: 2e lijn −5,0."
        );
        // Highest: line 1 SW (60 + 3 = 63 against P25–P75 45–65: middle half); lowest:
        // line 2 SW (38 against 42–62: lowest quarter).
        assert_eq!(
            s[4],
            "Uw hoogste eigen score is die voor Samenwerking in de 1e lijn (63,0; middelste helft), uw laagste die voor Samenwerking in de 2e lijn (38,0; laagste kwart)."
        );
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn the_position_follows_the_quartiles_and_the_test_is_never_called_equal() {
        let mut f = example();
        // Line 1 exactly at its P75 (60 = 50 + 10): middle half, not highest; line 2
        // just below its P25 (41.9 < 42): lowest quarter.
        f.cells[0].quartiles = Some((40.0, 50.0, 60.0));
        f.cells[5].own = Some((41.9, 12));
        f.cells[0].versus = Some(Versus::Within);
        f.cells[5].versus = Some(Versus::Below);
        let s = f.sentences(Lang::Nl);
        assert_eq!(
            s[1],
            "Positie onder de instellingen (totaalscore per lijn): uw 1e lijn in de middelste helft, uw 2e lijn in het laagste kwart."
        );
        assert_eq!(
            s[2],
            "Uw 1e lijn verschilt niet aantoonbaar van de medewerkers van de andere instellingen; uw 2e lijn scoort aantoonbaar lager dan hen."
        );
        let en = f.sentences(Lang::En);
        assert_eq!(
            en[1],
            "Position among the institutions (line total): your line 1 in the middle half, your line 2 in the lowest quarter."
        );
        assert_eq!(
            en[2],
            "Your line 1 does not clearly differ from the staff of the other institutions; your line 2 scores clearly lower than them."
        );
        for t in s.iter().chain(&en) {
            for word in ["gelijk", "level", "equal", "binnen de sector", "within the sector"] {
                assert!(!t.contains(word), "{t}");
            }
        }
        assert_eq!(versus_words(Versus::Within, Lang::Nl), "geen aantoonbaar verschil");
        assert_eq!(versus_words(Versus::Within, Lang::En), "no clear difference");
    }

    #[test]
    fn every_distribution_says_over_how_many_institutions_and_why_not_the_others() {
        let o = Over { shown: 6, institutions: 12, small: 4, protected: 2, pooled_hidden: None, published: true };
        assert_eq!(o.count(Lang::Nl), "6 van 12");
        assert_eq!(
            o.sentence(3, 5, Lang::Nl),
            "P25–P75 over 6 van 12 instellingen; de andere 6 niet getoond: 4 met te weinig respondenten (<5) en 2 afgeschermd om een kleine groep te beschermen."
        );
        assert_eq!(
            o.sentence(3, 5, Lang::En),
            "P25–P75 over 6 of 12 institutions; the other 6 are not shown: 4 with too few respondents (<5) and 2 protected to keep a small group from being worked back."
        );
        let all = Over { shown: 12, institutions: 12, published: true, ..Over::default() };
        assert_eq!(all.sentence(3, 5, Lang::Nl), "P25–P75 over alle 12 instellingen.");
        // Two shown of five, none small or protected by its own size: too few
        // institutions, which is not "too small".
        let few = Over { shown: 2, institutions: 3, small: 1, ..Over::default() };
        assert_eq!(
            few.sentence(3, 5, Lang::Nl),
            "Geen P25–P75: 2 van 3 instellingen getoond, te weinig voor een verdeling (minstens 3); niet getoond: 1 met te weinig respondenten (<5)."
        );
        assert!(!few.sentence(3, 5, Lang::Nl).contains("te klein"));
        let pooled = Over {
            shown: 4,
            institutions: 5,
            protected: 1,
            pooled_hidden: Some(Why::ProtectsPooled),
            ..Over::default()
        };
        assert_eq!(
            pooled.sentence(3, 5, Lang::En),
            "No P25–P75: the sector figure is protected to keep small groups from being worked back."
        );
    }

    #[test]
    fn a_pooled_figure_withheld_for_too_few_institutions_never_counts_as_shown() {
        // hbo with one institution with respondents (its own score shown elsewhere): the
        // sector figure needs 3, so the row shows nothing; its count says "1 instelling",
        // not "1 van 1" beside "te weinig instellingen".
        let one = Over { shown: 1, institutions: 1, pooled_hidden: Some(Why::FewInstitutions), ..Over::default() };
        assert_eq!(one.count(Lang::Nl), "1 instelling");
        assert_eq!(one.count(Lang::En), "1 institution");
        assert_eq!(
            one.sentence(3, 5, Lang::Nl),
            "Geen sectorcijfer en geen P25–P75: 1 instelling met respondenten, minder dan de 3 die nodig zijn."
        );
        let two = Over { shown: 1, institutions: 2, small: 1, pooled_hidden: Some(Why::FewInstitutions), ..one };
        assert_eq!(two.count(Lang::Nl), "2 instellingen");
        assert_eq!(
            two.sentence(3, 5, Lang::En),
            "No sector figure and no P25–P75: 2 institutions with respondents, fewer than the 3 needed."
        );
    }

    #[test]
    fn a_printed_difference_is_the_difference_of_the_printed_figures() {
        // 60.08 prints as 60,1 and 63.43 as 63,4: the unrounded difference is 3.35 (which
        // would print as 3,4), the printed one 63,4 − 60,1 = 3,3.
        assert_eq!(num(60.08, Lang::Nl), "60,1");
        assert_eq!(num(63.43, Lang::Nl), "63,4");
        assert_eq!(signed(crate::score::shown_difference(60.08, 63.43), Lang::Nl), "+3,3");
        // 49.96 → 50,0 and 47.24 → 47,2: −2.72 unrounded, −2,8 as printed.
        assert_eq!(signed(crate::score::shown_difference(49.96, 47.24), Lang::En), "−2.8");
        // The rule over a sweep of figures: subtracting the printed figures gives the
        // printed difference, every time (the unrounded one misses it for some).
        let parse = |s: String| s.replace(',', ".").replace('−', "-").parse::<f64>().unwrap();
        let mut missed = 0;
        for i in 0..400 {
            let a = 40.0 + i as f64 * 0.0137;
            let b = 55.0 + i as f64 * 0.0291;
            let d = crate::score::shown_difference(a, b);
            let by_hand = parse(num(b, Lang::Nl)) - parse(num(a, Lang::Nl));
            assert!((parse(signed(d, Lang::Nl)) - by_hand).abs() < 1e-9, "{a} {b}");
            missed += usize::from((parse(signed(b - a, Lang::Nl)) - by_hand).abs() > 1e-9);
        }
        assert!(missed > 50, "{missed}");
    }

    #[test]
    fn no_minus_zero_and_the_edition_named_once() {
        assert_eq!(signed(-0.04, Lang::Nl), "0,0");
        assert_eq!(signed(0.04, Lang::En), "0.0");
        assert_eq!(signed(-0.05, Lang::Nl), "−0,1");
        assert_eq!(num(-0.04, Lang::Nl), "0,0");
        assert_eq!(
            subtitle(Some(Sector::Mbo), "raamwerk-2017", Lang::Nl),
            "Onderwijssoort: mbo · raamwerkeditie raamwerk-2017"
        );
        assert_eq!(subtitle(None, "raamwerk-2017", Lang::En), "Type of education: — · framework edition raamwerk-2017");
    }

    #[test]
    fn a_line_too_small_to_show_leaves_the_total_unsaid() {
        let mut f = example();
        for c in f.cells.iter_mut().filter(|c| c.line == Line::L2) {
            c.own = None;
        }
        assert_eq!(
            f.sentences(Lang::Nl)[0],
            "In 2026 vulden medewerkers de vragenlijst in: 12 in de 1e lijn en enkelen in de 2e lijn."
        );
    }

    #[test]
    fn and_in_english_and_without_a_previous_year() {
        let mut f = example();
        for c in &mut f.cells {
            c.change = None;
            c.versus = None;
        }
        let s = f.sentences(Lang::En);
        // No test: only the position. Line 1 at 60 with P25–P75 45–65: middle half;
        // line 2 at 47 with 42–62: middle half too.
        assert_eq!(s[1], "Position among the institutions (line total): your line 1 and line 2 in the middle half.");
        assert_eq!(
            s[2],
            "There is no earlier year to compare with: this is the first survey with this framework edition."
        );
        assert_eq!(s.len(), 4, "{s:?}");
    }

    #[test]
    fn a_line_that_changed_beyond_chance_is_named_when_no_line_moved_as_a_whole() {
        let mut f = example();
        for c in &mut f.cells {
            c.change = change(2024, 1.0, -2.0, 4.0);
        }
        f.cells[0].change = change(2024, 6.2, 1.0, 11.4);
        let s = f.sentences(Lang::Nl);
        // Both lines rose in all four areas (+1 each), none beyond chance; line 1's total
        // +6,2 (1,0 to 11,4) beyond chance.
        assert_eq!(
            s[3],
            "Uw 1e lijn en 2e lijn scoren in alle vier aandachtsgebieden hoger dan in 2024 (bij geen ervan is de stijging groter dan toeval); als geheel aantoonbaar veranderd: 1e lijn +6,2."
        );
        for c in &mut f.cells {
            if c.area.is_some() {
                c.change = change(2024, if c.area == Some(Area::VB) { -1.0 } else { 1.0 }, -2.0, 4.0);
            }
        }
        let s = f.sentences(Lang::Nl);
        assert_eq!(s[3], "Sinds 2024 aantoonbaar veranderd: 1e lijn +6,2; de rest niet aantoonbaar.");
    }

    #[test]
    fn a_line_that_fell_everywhere_is_named_beside_those_that_rose() {
        // Three lines: 1 and 3 rose in all four areas (+2, none beyond chance), line 2
        // fell in all four (−4, all beyond chance). The summary names all three (it used
        // to name the first two moves and drop the third).
        let mut f = example();
        let mut l3 = vec![cell(Line::L3, None, 55.0, 50.0)];
        for a in Area::ALL {
            l3.push(cell(Line::L3, Some(a), 55.0, 50.0));
        }
        f.cells.extend(l3);
        for c in &mut f.cells {
            c.change = match (c.line, c.area) {
                (_, None) => change(2025, 0.5, -3.0, 4.0),
                (Line::L2, Some(_)) => change(2025, -4.0, -7.0, -1.0),
                (_, Some(_)) => change(2025, 2.0, -1.0, 5.0),
            };
        }
        let s = f.sentences(Lang::Nl);
        assert_eq!(
            s[3],
            "Uw 1e lijn en 3e lijn scoren in alle vier aandachtsgebieden hoger dan in 2025 (bij geen ervan is de stijging groter dan toeval); uw 2e lijn scoort in alle vier aandachtsgebieden lager dan in 2025 (overal is de daling groter dan toeval)."
        );
        let s = f.sentences(Lang::En);
        assert_eq!(
            s[3],
            "Your line 1 and line 3 score higher than in 2025 in all four areas (in none of them is the rise larger than chance); your line 2 scores lower than in 2025 in all four areas (everywhere the fall is larger than chance)."
        );
        // The rule for falls is the rule for rises: line 2 alone fell, line 1 alone rose.
        for c in f.cells.iter_mut().filter(|c| c.line == Line::L3) {
            c.change = None;
        }
        let s = f.sentences(Lang::Nl);
        assert!(
            s[3].contains("uw 2e lijn scoort in alle vier aandachtsgebieden lager")
                && s[3].starts_with("Uw 1e lijn scoort"),
            "{}",
            s[3]
        );
    }

    #[test]
    fn the_highest_own_score_is_never_called_strongest_against_its_band() {
        // Every area of line 1 in the lowest quarter (own 60–63 against P25 70, median 80,
        // P75 90); line 2's lowest (38) in the highest quarter (P75 30). The sentence says
        // what the figures are: its own highest and lowest, each with the band printed
        // beside it on page 1.
        let mut f = example();
        for c in f.cells.iter_mut() {
            c.quartiles = Some(if c.line == Line::L1 { (70.0, 80.0, 90.0) } else { (10.0, 20.0, 30.0) });
        }
        let s = f.sentences(Lang::Nl);
        assert_eq!(
            s[4],
            "Uw hoogste eigen score is die voor Samenwerking in de 1e lijn (63,0; laagste kwart), uw laagste die voor Samenwerking in de 2e lijn (38,0; hoogste kwart)."
        );
        for w in ["sterkst", "zwakst"] {
            assert!(s.iter().all(|x| !x.contains(w)), "{s:?}");
        }
        let s = f.sentences(Lang::En);
        assert_eq!(
            s[4],
            "Your highest own score is for Cooperation in line 1 (63.0; lowest quarter), your lowest for Cooperation in line 2 (38.0; highest quarter)."
        );
        // Without quartiles beside them, the scores alone.
        for c in f.cells.iter_mut() {
            c.quartiles = None;
        }
        let s = f.sentences(Lang::Nl);
        let own = s.iter().find(|x| x.starts_with("Uw hoogste eigen score")).unwrap();
        assert!(own.ends_with("(63,0), uw laagste die voor Samenwerking in de 2e lijn (38,0)."), "{own}");
    }

    #[test]
    fn the_how_to_read_example_is_the_portrets_own_count() {
        // The example's line 1 total: 12 shown of 12.
        let mut f = example();
        f.cells[0].over = Over { shown: 9, institutions: 12, small: 3, published: true, ..Over::default() };
        let h = how_to_read(&f, Lang::Nl, 5).join(" ");
        assert!(h.contains("(bij uw 1e lijn \"9 van 12\": 9 getoond van de 12 met respondenten)"), "{h}");
        assert!(!h.contains("6 van 12"), "{h}");
        let h = how_to_read(&f, Lang::En, 5).join(" ");
        assert!(h.contains("(for your line 1 \"9 of 12\": 9 shown of the 12 with respondents)"), "{h}");
        // No line with a published distribution: no figure invented, the count in letters.
        for c in f.cells.iter_mut() {
            c.over.published = false;
        }
        let h = how_to_read(&f, Lang::Nl, 5).join(" ");
        assert!(h.contains("(\"N van M\": N getoond van de M met respondenten)"), "{h}");
    }
    #[test]
    fn an_interval_bound_never_prints_as_zero_unless_it_is() {
        // 0.049 rounds to 0,0 at one decimal: printed with two, +0,05; −0.004 needs
        // three; 3.04 and −2.96 print as ever; 0 is 0,0.
        assert_eq!(bound(0.049, Lang::Nl), "+0,05");
        assert_eq!(bound(-0.004, Lang::Nl), "−0,004");
        assert_eq!(bound(0.049, Lang::En), "+0.05");
        assert_eq!(bound(3.04, Lang::Nl), "+3,0");
        assert_eq!(bound(-2.96, Lang::Nl), "−3,0");
        assert_eq!(bound(0.0, Lang::Nl), "0,0");
    }
    #[test]
    fn an_area_that_changed_or_differs_beyond_chance_is_named_on_page_one() {
        // Line 1's total rose 2,0 (−3 to +7: chance), its areas moved both ways, and only
        // Visie en beleid rose beyond chance: +13,2 (+1,0 to +25,4). Line 2 did not
        // change. The change sentence names that area, not "no line changed".
        let mut f = example();
        for c in &mut f.cells {
            c.change = match (c.line, c.area) {
                (Line::L1, None) => change(2025, 2.0, -3.0, 7.0),
                (Line::L1, Some(Area::VB)) => change(2025, 13.2, 1.0, 25.4),
                (Line::L1, Some(_)) => change(2025, -1.0, -5.0, 3.0),
                _ => change(2025, 0.0, -4.0, 4.0),
            };
        }
        let s = f.sentences(Lang::Nl);
        assert_eq!(s[3], "Sinds 2025 aantoonbaar veranderd: 1e lijn Visie en beleid +13,2; de rest niet aantoonbaar.");
        let en = f.sentences(Lang::En);
        assert_eq!(en[3], "Changed beyond chance since 2025: line 1 Vision and policy +13.2; the rest not clearly.");
        // Nothing beyond chance anywhere: said of lines and areas both.
        f.cells[1].change = change(2025, 13.2, -1.0, 25.4);
        assert_eq!(f.sentences(Lang::Nl)[3], "Sinds 2025 is geen lijn of aandachtsgebied aantoonbaar veranderd.");
        // Staff: line 2's total does not differ clearly, its Samenwerking (Cooperation) is clearly lower
        // (example()): named after the lines' verdicts, in both languages.
        assert!(en[2].ends_with("; by area, clearly different: Cooperation in line 2 (lower)."), "{}", en[2]);
    }
    #[test]
    fn a_line_protected_for_others_is_said_to_be_untested_not_left_out() {
        // Line 2 is shown to the institution but kept out of every comparison to protect
        // a small group elsewhere: no test, no mean of the others, no change. Page 1 says
        // so, and "no line changed" becomes "no tested line changed".
        let mut f = example();
        for c in f.cells.iter_mut() {
            c.change = None;
            if c.line == Line::L2 {
                c.versus = None;
                c.rest = None;
                c.withheld = Some(crate::score::Why::Protects);
            }
        }
        f.cells[0].change = change(2025, 1.0, -2.0, 4.0);
        let s = f.sentences(Lang::Nl);
        assert_eq!(s[2], "Uw 1e lijn scoort aantoonbaar hoger dan de medewerkers van de andere instellingen.");
        assert_eq!(
            s[3],
            "Uw 2e lijn is niet vergeleken met de andere instellingen of met eerdere jaren: afgeschermd, om een kleine groep elders te beschermen; de cijfers ziet alleen u."
        );
        assert_eq!(s[4], "Sinds 2025 is geen getoetste lijn of aandachtsgebied aantoonbaar veranderd.");
        assert_eq!(f.cells[5].withheld_mark(Lang::En), Some("protected"));
        assert_eq!(f.untested_lines(), vec![Line::L2]);
        // Two lines: plural.
        for c in f.cells.iter_mut() {
            c.versus = None;
            c.withheld = Some(crate::score::Why::Protects);
        }
        assert!(f.sentences(Lang::Nl).iter().any(|s| s.starts_with("Uw 1e lijn en 2e lijn zijn niet vergeleken")));
        assert!(f
            .sentences(Lang::En)
            .iter()
            .any(|s| s.starts_with("Your line 1 and line 2 are not compared")
                && s.ends_with("only you see their figures.")));
    }
    #[test]
    fn a_short_page_gives_up_only_the_optional_sentences() {
        // example(): who, position, verdicts (with line 2's Samenwerking), change are
        // essential; the highest/lowest sentence is optional. Line 2 protected adds an
        // essential sentence, never at the cost of the change sentence.
        let f = example();
        let all = f.sentences(Lang::Nl);
        let essential = f.essential_sentences(Lang::Nl);
        assert_eq!(essential.len(), 4);
        assert_eq!(all.len(), 5);
        assert_eq!(all[..4], essential[..]);
        assert!(all[4].starts_with("Uw hoogste eigen score"));
        assert!(essential[3].contains("lager dan in 2025"), "{}", essential[3]);
        let mut g = example();
        for c in g.cells.iter_mut().filter(|c| c.line == Line::L2) {
            c.versus = None;
            c.withheld = Some(crate::score::Why::Protects);
        }
        let e = g.essential_sentences(Lang::Nl);
        assert!(e.iter().any(|s| s.starts_with("Uw 2e lijn is niet vergeleken")));
        assert!(e.last().unwrap().contains("2025"), "the change sentence stays: {e:?}");
    }
}
