//! What a portret says in words: the facts of one institution-year against the sector
//! (its own scores, the sector's quartiles, above/within/below, changes with their
//! intervals), and the three to five sentences on its first page. Built from the read
//! model once per portret; the sentences and the recommendations ([`super::recommend`])
//! are plain functions of these facts, so they are tested on facts written by hand.
//!
//! Only the institution's own figures and the sector's distribution appear: never
//! another institution's.

use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::ReportContext;
use crate::score::{Change, Scope, Versus};

/// One line total or line × area of the institution.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub line: Line,
    /// `None`: the line total.
    pub area: Option<Area>,
    /// Own score and n (its own figures, also where hidden only to protect others);
    /// `None` where the group is too small to show even to itself.
    pub own: Option<(f64, u64)>,
    /// Sector P25, median, P75 (where enough institutions are shown).
    pub quartiles: Option<(f64, f64, f64)>,
    /// Against the rest of the sector (statistics: Welch with Benjamini–Hochberg).
    pub versus: Option<Versus>,
    /// Since the previous year taken part in, with its interval.
    pub change: Option<Change>,
}

impl Cell {
    pub fn score(&self) -> Option<f64> {
        self.own.map(|o| o.0)
    }

    /// Own score minus the sector median.
    pub fn against_median(&self) -> Option<f64> {
        Some(self.score()? - self.quartiles?.1)
    }

    /// Where it stands, in the words page 1 uses: the statistical verdict where there is
    /// one, else the quartile it falls in.
    pub fn standing(&self) -> Option<Standing> {
        match self.versus {
            Some(Versus::Above) => Some(Standing::Above),
            Some(Versus::Below) => Some(Standing::Below),
            Some(Versus::Within) => Some(Standing::Within),
            None => {
                let (v, (p25, _, p75)) = (self.score()?, self.quartiles?);
                Some(if v > p75 {
                    Standing::HighQuarter
                } else if v < p25 {
                    Standing::LowQuarter
                } else {
                    Standing::MiddleHalf
                })
            }
        }
    }
}

/// Where a cell stands against the sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Significantly above the rest of the sector.
    Above,
    /// Not significantly different.
    Within,
    /// Significantly below.
    Below,
    /// No test possible (spread not shown): above the sector's P75.
    HighQuarter,
    MiddleHalf,
    LowQuarter,
}

impl Standing {
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Standing::Above => lang.pick("hoger dan de sector", "above the sector"),
            Standing::Within => lang.pick("gelijk aan de sector", "level with the sector"),
            Standing::Below => lang.pick("lager dan de sector", "below the sector"),
            Standing::HighQuarter => lang.pick("hoogste kwart", "highest quarter"),
            Standing::MiddleHalf => lang.pick("middelste helft", "middle half"),
            Standing::LowQuarter => lang.pick("laagste kwart", "lowest quarter"),
        }
    }

    /// Blue for better, orange for worse, white between (the heat map's colour-blind-safe
    /// ends), as RGB.
    pub fn colour(self) -> [u8; 3] {
        match self {
            Standing::Above | Standing::HighQuarter => [189, 215, 238],
            Standing::Within | Standing::MiddleHalf => [242, 242, 242],
            Standing::Below | Standing::LowQuarter => [248, 203, 173],
        }
    }
}

/// The facts of one institution-year.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub year: u16,
    pub kind: Option<Sector>,
    /// Per line present: the total first, then the four areas.
    pub cells: Vec<Cell>,
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
        for line in Line::ALL {
            if sc.group(year, institution, line, Scope::LINE).is_none() {
                continue;
            }
            for area in std::iter::once(None).chain(Area::ALL.into_iter().map(Some)) {
                let scope = area.map_or(Scope::LINE, Scope::area);
                let own = sc
                    .group(year, institution, line, scope)
                    .and_then(|g| g.for_own_institution())
                    .map(|f| (f.mean, f.n));
                let quartiles = sc.sector(year, None, line, scope).and_then(|s| s.quartiles);
                let b = sc.benchmark(year, institution, line, scope);
                cells.push(Cell {
                    line,
                    area,
                    own,
                    quartiles,
                    versus: b.and_then(|b| b.versus_sector),
                    change: b.and_then(|b| b.change),
                });
            }
        }
        let kind = ctx.ingested.institutions.get(institution).and_then(|m| m.sector);
        Findings { year, kind, cells }
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

    /// The area cells furthest below the sector median (most negative first), only those
    /// below it; where no quartiles are published, those below 50.
    pub fn weakest_areas(&self) -> Vec<&Cell> {
        let mut v: Vec<(&Cell, f64)> = self
            .areas()
            .filter_map(|c| match (c.against_median(), c.score()) {
                (Some(d), _) if d < 0.0 => Some((c, d)),
                (None, Some(s)) if s < 50.0 => Some((c, s - 50.0)),
                _ => None,
            })
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.line.cmp(&b.0.line)));
        v.into_iter().map(|x| x.0).collect()
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
                if ch.change.diff < 0.0 {
                    m.down.push(a);
                    if real {
                        m.down_real.push(a);
                    }
                } else if ch.change.diff > 0.0 {
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

    /// Three to five sentences on where the institution stands.
    pub fn sentences(&self, lang: Lang) -> Vec<String> {
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

        // 2. Each line against the sector, lines with the same verdict together.
        let mut by: Vec<(Standing, Vec<Line>)> = Vec::new();
        for l in self.lines() {
            if let Some(s) = self.total(l).and_then(|c| c.standing()) {
                match by.iter_mut().find(|x| x.0 == s) {
                    Some(x) => x.1.push(l),
                    None => by.push((s, vec![l])),
                }
            }
        }
        if !by.is_empty() {
            // "er … van" / "from it" only once the sector has been named.
            let mut named = false;
            let clauses: Vec<String> = by
                .iter()
                .map(|(s, ls)| {
                    let refer = named;
                    named |= matches!(s, Standing::Above | Standing::Below);
                    let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                    let plural = ls.len() > 1;
                    match (s, nl) {
                        (Standing::Above, true) => format!(
                            "uw {who} {} aantoonbaar hoger dan de rest van de sector",
                            if plural { "scoren" } else { "scoort" }
                        ),
                        (Standing::Below, true) => format!(
                            "uw {who} {} aantoonbaar lager dan de rest van de sector",
                            if plural { "scoren" } else { "scoort" }
                        ),
                        (Standing::Within, true) => format!(
                            "uw {who} {} {}",
                            if plural { "verschillen" } else { "verschilt" },
                            if refer {
                                "er niet aantoonbaar van"
                            } else {
                                "niet aantoonbaar van de rest van de sector"
                            }
                        ),
                        (Standing::HighQuarter, true) => format!(
                            "uw {who} {} in het hoogste kwart van de instellingen",
                            if plural { "vallen" } else { "valt" }
                        ),
                        (Standing::MiddleHalf, true) => format!(
                            "uw {who} {} in de middelste helft van de instellingen",
                            if plural { "vallen" } else { "valt" }
                        ),
                        (Standing::LowQuarter, true) => format!(
                            "uw {who} {} in het laagste kwart van de instellingen",
                            if plural { "vallen" } else { "valt" }
                        ),
                        (Standing::Above, false) => format!(
                            "your {who} {} clearly higher than the rest of the sector",
                            if plural { "score" } else { "scores" }
                        ),
                        (Standing::Below, false) => format!(
                            "your {who} {} clearly lower than the rest of the sector",
                            if plural { "score" } else { "scores" }
                        ),
                        (Standing::Within, false) => {
                            format!(
                                "your {who} {} not clearly differ from {}",
                                if plural { "do" } else { "does" },
                                if refer { "it" } else { "the rest of the sector" }
                            )
                        }
                        (Standing::HighQuarter, false) => format!(
                            "your {who} {} in the highest quarter of institutions",
                            if plural { "fall" } else { "falls" }
                        ),
                        (Standing::MiddleHalf, false) => format!(
                            "your {who} {} in the middle half of institutions",
                            if plural { "fall" } else { "falls" }
                        ),
                        (Standing::LowQuarter, false) => format!(
                            "your {who} {} in the lowest quarter of institutions",
                            if plural { "fall" } else { "falls" }
                        ),
                    }
                })
                .collect();
            out.push(capitalise(&format!("{}.", clauses.join("; "))));
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
            let mut said = Vec::new();
            for m in &moves {
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
                // A line that moved the same way in all four areas.
                let whole = if m.down.len() == 4 {
                    Some((lang.pick("lager", "lower"), &m.down, &m.down_real, true))
                } else if m.up.len() == 4 {
                    Some((lang.pick("hoger", "higher"), &m.up, &m.up_real, false))
                } else {
                    None
                };
                if let Some((how, all, real, down)) = whole {
                    let (line, since, rest) = (line_name(m.line, lang), m.since, real_of(all, real, down));
                    said.push(if nl {
                        format!("Uw {line} scoort in alle vier aandachtsgebieden {how} dan in {since}; {rest}.")
                    } else {
                        format!("Your {line} scores {how} than in {since} in all four areas; {rest}.")
                    });
                }
            }
            if said.is_empty() {
                // No line moved as a whole: the line totals that changed for real.
                let real: Vec<String> = moves
                    .iter()
                    .filter_map(|m| {
                        let t = m.total?;
                        (t.change.significant() == Some(true))
                            .then(|| format!("{} {}", line_name(m.line, lang), signed(t.change.diff, lang)))
                    })
                    .collect();
                let since = moves[0].since;
                said.push(match (real.is_empty(), nl) {
                    (true, true) => format!("Sinds {since} is geen lijn aantoonbaar veranderd."),
                    (true, false) => format!("Since {since} no line has changed beyond chance."),
                    (false, true) => {
                        format!("Sinds {since} aantoonbaar veranderd: {}; de rest niet aantoonbaar.", join(&real, lang))
                    }
                    (false, false) => {
                        format!("Changed beyond chance since {since}: {}; the rest not clearly.", join(&real, lang))
                    }
                });
            }
            out.extend(said.into_iter().take(2));
        }

        // 4. Strongest and weakest area.
        let mut areas: Vec<(&Cell, f64)> = self.areas().filter_map(|c| c.score().map(|s| (c, s))).collect();
        areas.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.line.cmp(&b.0.line)));
        if let (Some(best), Some(worst)) = (areas.first(), areas.last()) {
            if areas.len() > 1 && best.1 == worst.1 {
                out.push(if nl {
                    format!("Alle aandachtsgebieden scoren gelijk: {}.", num(best.1, lang))
                } else {
                    format!("Every area scores the same: {}.", num(best.1, lang))
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
                let median = |c: &Cell| {
                    c.quartiles.map_or(String::new(), |q| {
                        format!("; {} {}", lang.pick("sectormediaan", "sector median"), num(q.1, lang))
                    })
                };
                out.push(if nl {
                    format!(
                        "Het sterkst is {} ({}{}), het zwakst {} ({}{}).",
                        at(best.0),
                        num(best.1, lang),
                        median(best.0),
                        at(worst.0),
                        num(worst.1, lang),
                        median(worst.0)
                    )
                } else {
                    format!(
                        "Strongest is {} ({}{}), weakest {} ({}{}).",
                        at(best.0),
                        num(best.1, lang),
                        median(best.0),
                        at(worst.0),
                        num(worst.1, lang),
                        median(worst.0)
                    )
                });
            }
        }

        // 5. Areas clearly below the rest of the sector.
        let below: Vec<String> = self
            .areas()
            .filter(|c| c.versus == Some(Versus::Below))
            .map(|c| format!("{} ({})", c.area.map_or("", |a| a.label(lang)), line_name(c.line, lang)))
            .collect();
        if !below.is_empty() && out.len() < 5 {
            out.push(format!(
                "{}: {}.",
                lang.pick("Aantoonbaar lager dan de rest van de sector", "Clearly below the rest of the sector"),
                join(&below, lang)
            ));
        }
        out.truncate(5);
        out
    }
}

/// The "how to read" box of page 1, one paragraph per point.
pub fn how_to_read(lang: Lang, min_group_size: u64) -> Vec<String> {
    match lang {
        Lang::Nl => vec![
            "Zo leest u dit portret".into(),
            "Scores lopen van 0 tot 100: het gemiddelde van de antwoorden, met ja = 100, grotendeels = 66,7, enigszins = 33,3 en nee = 0.".into(),
            "Sector P25, mediaan en P75: de helft van de instellingen scoort tussen P25 en P75, een kwart lager en een kwart hoger.".into(),
            "Tegen de sector: blauw is aantoonbaar hoger dan de rest van de sector, oranje aantoonbaar lager, grijs geen aantoonbaar verschil (95%, gecorrigeerd voor het aantal vergelijkingen). Waar dat niet te toetsen is: het kwart waarin u valt.".into(),
            "Verandering: sinds het vorige jaar waarin u meedeed, met het 95%-interval; aantoonbaar als het interval de 0 niet bevat.".into(),
            format!("<{min_group_size}: te weinig respondenten om te tonen; afgeschermd: verborgen om een kleine groep te beschermen."),
        ],
        Lang::En => vec![
            "How to read this portrait".into(),
            "Scores run from 0 to 100: the mean of the answers, with yes = 100, largely = 66.7, somewhat = 33.3 and no = 0.".into(),
            "Sector P25, median and P75: half of the institutions score between P25 and P75, a quarter lower and a quarter higher.".into(),
            "Against the sector: blue is clearly higher than the rest of the sector, orange clearly lower, grey no clear difference (95%, corrected for the number of comparisons). Where it cannot be tested: the quarter you fall in.".into(),
            "Change: since the previous year you took part, with its 95% interval; a real change where the interval excludes 0.".into(),
            format!("<{min_group_size}: too few respondents to show; protected: hidden to protect a small group."),
        ],
    }
}

/// The glossary line: R/D, the three lines, the four areas.
pub fn glossary(lang: Lang) -> String {
    let lines: Vec<String> =
        Line::ALL.iter().map(|l| format!("{} = {}", line_name(*l, lang), l.description(lang))).collect();
    let areas: Vec<String> = Area::ALL.iter().map(|a| format!("{} ({})", a.label(lang), a.code())).collect();
    match lang {
        Lang::Nl => format!(
            "R = rol (wat u doet), D = deskundigheid (wat u weet en kunt). {}. Aandachtsgebieden: {}.",
            lines.join("; "),
            join(&areas, lang)
        ),
        Lang::En => format!(
            "R = role (what you do), D = expertise (what you know and can do). {}. Areas: {}.",
            lines.join("; "),
            join(&areas, lang)
        ),
    }
}

/// "1e lijn" / "line 1" (lower case, for inside a sentence).
pub fn line_name(l: Line, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{}e lijn", l.number()),
        Lang::En => format!("line {}", l.number()),
    }
}

/// One decimal, Dutch decimal comma.
pub fn num(v: f64, lang: Lang) -> String {
    let s = format!("{v:.1}");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Signed, one decimal, a true minus.
pub fn signed(v: f64, lang: Lang) -> String {
    let s = format!("{v:+.1}").replace('-', "−");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
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

    pub fn cell(line: Line, area: Option<Area>, own: f64, median: f64) -> Cell {
        Cell {
            line,
            area,
            own: Some((own, 12)),
            quartiles: Some((median - 10.0, median, median + 10.0)),
            versus: Some(Versus::Within),
            change: None,
        }
    }

    pub fn change(prev: u16, diff: f64, lo: f64, hi: f64) -> Option<Change> {
        Some(Change { previous_year: prev, previous: 50.0, change: Difference { diff, ci: Some((lo, hi)) } })
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
        Findings { year: 2026, kind: Some(Sector::Mbo), cells }
    }

    #[test]
    fn page_one_says_where_the_institution_stands_in_dutch() {
        let s = example().sentences(Lang::Nl);
        assert_eq!(s[0], "In 2026 vulden 24 medewerkers de vragenlijst in: 12 in de 1e lijn en 12 in de 2e lijn.");
        assert_eq!(
            s[1],
            "Uw 1e lijn scoort aantoonbaar hoger dan de rest van de sector; uw 2e lijn verschilt er niet aantoonbaar van."
        );
        assert_eq!(
            s[2],
            "Uw 2e lijn scoort in alle vier aandachtsgebieden lager dan in 2025; alleen bij Samenwerking is de daling groter dan toeval."
        );
        // Strongest: line 1 SW (60 + 3 = 63); weakest: line 2 SW (38, median 52).
        assert_eq!(
            s[3],
            "Het sterkst is Samenwerking in de 1e lijn (63,0; sectormediaan 55,0), het zwakst Samenwerking in de 2e lijn (38,0; sectormediaan 52,0)."
        );
        assert_eq!(s[4], "Aantoonbaar lager dan de rest van de sector: Samenwerking (2e lijn).");
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn a_line_level_with_the_sector_names_the_sector_when_it_comes_first() {
        let mut f = example();
        f.cells[0].versus = Some(Versus::Within);
        f.cells[5].versus = Some(Versus::Below);
        assert_eq!(
            f.sentences(Lang::Nl)[1],
            "Uw 1e lijn verschilt niet aantoonbaar van de rest van de sector; uw 2e lijn scoort aantoonbaar lager dan de rest van de sector."
        );
        assert_eq!(
            f.sentences(Lang::En)[1],
            "Your line 1 does not clearly differ from the rest of the sector; your line 2 scores clearly lower than the rest of the sector."
        );
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
        // Without a test: the quartile. Line 1 at 60 with P25–P75 45–65: middle half;
        // line 2 at 47 with 42–62: middle half too.
        assert_eq!(s[1], "Your line 1 and line 2 fall in the middle half of institutions.");
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
        // Line 1 rose in all four areas (+1 each), none beyond chance.
        assert_eq!(s[2], "Uw 1e lijn scoort in alle vier aandachtsgebieden hoger dan in 2024; bij geen ervan is de stijging groter dan toeval.");
        for c in &mut f.cells {
            if c.area.is_some() {
                c.change = change(2024, if c.area == Some(Area::VB) { -1.0 } else { 1.0 }, -2.0, 4.0);
            }
        }
        let s = f.sentences(Lang::Nl);
        assert_eq!(s[2], "Sinds 2024 aantoonbaar veranderd: 1e lijn +6,2; de rest niet aantoonbaar.");
    }
}
