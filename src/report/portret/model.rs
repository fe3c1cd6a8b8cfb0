//! What a portret says (SPEC §6), decided once: [`Portret::build`] makes every selection —
//! the years, page 1's sentences and table, the notes, the own series, the teams, the
//! highest and lowest items (with their n), the recommendations and the method notes —
//! into typed rows and texts. The workbook (`workbook.rs`) and the PDF/HTML flow
//! (`document.rs`) only lay it out: neither chooses, counts or words a figure of its own,
//! so the two cannot drift apart.
//!
//! It reads the score read model and [`Findings`]; it never recomputes a statistic.

use crate::framework::{Area, Line};
use crate::report::findings::{self, Findings};
use crate::report::recommend::{self, Recommendation};
use crate::report::words::Word;
use crate::report::ReportContext;
use crate::score::teams::{per_team, Grouping};
use crate::score::{Band, Scope, Versus, Why};

/// How many of its highest (and of its lowest) own item scores a portret lists per line.
pub const ITEMS_EACH_WAY: usize = 5;

/// A figure in a table: a score, the mark that says why it is hidden, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Score(f64),
    /// Hidden, with its mark (`<5`, `afgeschermd`, …: [`ReportContext::mark`]).
    Hidden(String),
    Empty,
}

impl Figure {
    /// A group's own figure, shown to its own institution, or the mark of why not.
    fn own(mean: Option<f64>, why: Option<Why>, ctx: &ReportContext<'_>) -> Figure {
        match (mean, why) {
            (Some(v), _) => Figure::Score(v),
            (None, Some(w)) => Figure::Hidden(ctx.mark(w)),
            (None, None) => Figure::Empty,
        }
    }

    /// As text prints it: one decimal in the report's language, the mark, or nothing.
    pub fn text(&self, ctx: &ReportContext<'_>) -> String {
        match self {
            Figure::Score(v) => findings::num(*v, ctx.lang),
            Figure::Hidden(mark) => mark.clone(),
            Figure::Empty => String::new(),
        }
    }
}

/// The test of its staff against the other institutions' staff.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Tested: the verdict and its words ([`findings::versus_words`]).
    Tested(Versus, &'static str),
    /// Not tested because the own figure is kept out of every comparison: the mark.
    Withheld(&'static str),
    None,
}

/// Its position in its peer group (vo/mbo/hbo).
#[derive(Debug, Clone, PartialEq)]
pub enum PeerPosition {
    /// In words, with the percentile where one is published ([`findings::position_words`]).
    Known(String),
    /// The institution's kind is not known: no peer group ("geen peergroep bekend").
    NoPeerGroup(&'static str),
}

/// The change of a row since the previous year it took part.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeFigures {
    /// As printed (one decimal): the difference of the printed figures.
    pub change: f64,
    pub since: u16,
    /// The published figure of that year.
    pub then: f64,
    /// "−7,6 tot +16,4"; empty where the spread is withheld.
    pub interval: String,
    /// "ja" / "nee" / "onbekend (…)".
    pub significance: &'static str,
    /// The change with its interval and its meaning, in one phrase, and since when
    /// ("+4,4 (95%-interval −7,6 tot +16,4; geen aantoonbaar verschil) sinds 2025").
    pub phrase: String,
}

/// One row of page 1's table: a line total or a line × area.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub line: Line,
    /// `None`: the line total.
    pub area: Option<Area>,
    pub line_label: String,
    /// The area's name, or "Totaal".
    pub area_label: String,
    /// Its respondents, where its own figures are shown to it.
    pub n: Option<u64>,
    pub own: Figure,
    /// The sector's P25, median and P75 over the institutions shown.
    pub quartiles: Option<(f64, f64, f64)>,
    /// Over how many institutions ("6 van 6"); empty where none has respondents.
    pub institutions: String,
    /// The band its score takes against the quartiles beside it, and its words.
    pub position: Option<(Band, String)>,
    /// Where a benchmark is published: its position in its peer group.
    pub peer: Option<PeerPosition>,
    /// The other institutions' staff mean it was tested against, or the withheld mark.
    pub rest: Figure,
    pub versus: Verdict,
    pub change: Option<ChangeFigures>,
    /// Where its own figure is kept out of every comparison: the mark a change column
    /// shows instead of an empty cell.
    pub withheld: Option<&'static str>,
}

impl Standing {
    pub fn is_total(&self) -> bool {
        self.area.is_none()
    }
}

/// The own series: every year it took part, up to this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub years: Vec<u16>,
    pub rows: Vec<SeriesRow>,
    /// The framework editions over those years, in a sentence.
    pub editions_note: String,
}

/// A line total or line × area over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    pub line: Line,
    pub area: Option<Area>,
    pub line_label: String,
    pub area_label: String,
    /// One per year of [`Series::years`].
    pub values: Vec<Figure>,
    /// The change since the previous year as a phrase, the withheld mark, or empty.
    pub change: String,
}

/// Teams and locations, where the input names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Teams {
    /// What the table is, and how small groups in it are hidden.
    pub intro: &'static str,
    pub rows: Vec<TeamRow>,
    /// What its marks mean.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow {
    /// "team" / "locatie".
    pub grouping: &'static str,
    /// Its name, or "(niet opgegeven)".
    pub name: String,
    pub line_label: String,
    pub n: Option<u64>,
    /// The line total, then the four areas.
    pub values: Vec<Figure>,
}

/// One of its highest or lowest own item scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    pub line: Line,
    pub line_label: String,
    /// "hoogst" / "laagst": its own highest and lowest, no position beside them to call
    /// them strong or weak.
    pub which: &'static str,
    pub id: String,
    pub text: String,
    /// Respondents who answered the item.
    pub n: u64,
    pub own: f64,
    /// The mean over every institution's staff, its own included (where shown).
    pub sector: Option<f64>,
}

/// The portret's advice.
#[derive(Debug, Clone, PartialEq)]
pub enum Advice {
    /// Each with the finding that triggered it and its source.
    Recommendations(Vec<Recommendation>),
    /// No finding holds: said so, with the general advice and its source.
    NothingHolds { title: String, text: String, source: String },
}

/// One institution-year's portret, every selection made.
#[derive(Debug, Clone, PartialEq)]
pub struct Portret {
    pub institution: String,
    pub year: u16,
    /// "Portret professionaliteit LOB — School A 2026".
    pub title: String,
    /// The kind of institution and the framework edition.
    pub subtitle: String,
    /// Where the privacy thresholds were lowered: not for publication.
    pub warning: Option<&'static str>,
    /// Page 1's sentences that always stand (they carry the findings that hold) …
    pub essential: Vec<String>,
    /// … and those a page short of room may leave out (the table holds their figures).
    pub optional: Vec<String>,
    pub standing: Vec<Standing>,
    /// Over how many institutions each distribution was taken, and why not the others.
    pub distribution_notes: Vec<String>,
    /// Where some of its own figures are shown here but hidden in the sector tables
    /// (only to protect a small group elsewhere): why.
    pub protected_note: Option<&'static str>,
    /// The "how to read" box: its first line is its heading.
    pub how_to_read: Vec<String>,
    /// Every abbreviation page 1 uses.
    pub glossary: String,
    pub series: Series,
    pub teams: Option<Teams>,
    pub advice: Advice,
    /// Per line, its highest then its lowest own item scores.
    pub items: Vec<ItemRow>,
    /// What an item id says, and what the items' Sector column is.
    pub items_notes: [&'static str; 2],
    /// The method notes (heading, text), as every workbook's Toelichting gives them.
    pub method: Vec<(String, String)>,
}

impl Portret {
    /// Makes every selection of `institution`'s portret of `year`, once.
    pub fn build(ctx: &ReportContext<'_>, institution: &str, year: u16) -> Portret {
        let lang = ctx.lang;
        let facts = Findings::of(ctx, institution, year);
        let title = format!("{} — {institution} {year}", ctx.w(Word::PortretTitle));
        let kind = ctx.ingested.institutions.get(institution).and_then(|m| m.sector);
        let standing = standing(ctx, &facts, institution, year);
        let advice = match recommend::recommend(&facts, lang) {
            recs if recs.is_empty() => {
                let (title, text, source) = recommend::nothing_holds(&facts, lang);
                Advice::NothingHolds { title, text, source }
            }
            recs => Advice::Recommendations(recs),
        };
        // Some own figures shown here are hidden in the sector tables, only to protect
        // a small group elsewhere: its own data, and the page says why.
        let protected = facts.cells.iter().any(|c| c.own.is_some() && !c.published);
        Portret {
            institution: institution.to_string(),
            year,
            title,
            subtitle: findings::subtitle(kind, &ctx.fw_for(year).edition, lang),
            warning: ctx.not_for_publication(),
            essential: facts.essential_sentences(lang),
            optional: facts.optional_sentences(lang),
            standing,
            distribution_notes: facts.distribution_notes(
                ctx.privacy.min_institutions,
                ctx.privacy.min_group_size,
                lang,
            ),
            protected_note: protected.then(|| ctx.w(Word::ProtectedOwnFigures)),
            how_to_read: findings::how_to_read(&facts, lang, ctx.privacy.min_group_size),
            glossary: findings::glossary(lang),
            series: series(ctx, &facts, institution, year),
            teams: teams(ctx, institution, year),
            advice,
            items: items(ctx, &facts, institution, year),
            items_notes: [findings::kinds_glossary(lang), findings::item_sector_note(lang)],
            method: ctx.method_lines().to_vec(),
        }
    }

    /// Every sentence of page 1: the essential ones, then the optional ones.
    pub fn sentences(&self) -> impl Iterator<Item = &String> {
        self.essential.iter().chain(self.optional.iter())
    }
}

/// The name of a row's scope: the area, or "Totaal".
fn area_label(ctx: &ReportContext<'_>, area: Option<Area>) -> String {
    area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)).to_string()
}

fn standing(ctx: &ReportContext<'_>, facts: &Findings, inst: &str, year: u16) -> Vec<Standing> {
    let lang = ctx.lang;
    facts
        .cells
        .iter()
        .map(|c| {
            let g = ctx.scores.group(year, inst, c.line, c.scope());
            let b = ctx.scores.benchmark(year, inst, c.line, c.scope());
            let withheld = c.withheld_mark(lang);
            Standing {
                line: c.line,
                area: c.area,
                line_label: c.line.label(lang),
                area_label: area_label(ctx, c.area),
                n: c.own.map(|o| o.1),
                own: Figure::own(c.score(), g.and_then(|g| g.hidden()), ctx),
                quartiles: c.quartiles,
                institutions: if c.over.institutions > 0 { c.over.count(lang) } else { String::new() },
                position: c.position().map(|band| (band, findings::position_text(c, lang))),
                peer: b.map(|b| match &b.rank_peer {
                    Some(p) => PeerPosition::Known(findings::position_words(p, lang)),
                    None => PeerPosition::NoPeerGroup(ctx.w(Word::NoPeerGroup)),
                }),
                rest: match (c.rest, withheld) {
                    (Some((m, _)), _) => Figure::Score(m),
                    (None, Some(mark)) => Figure::Hidden(mark.to_string()),
                    (None, None) => Figure::Empty,
                },
                versus: match (c.versus, withheld) {
                    (Some(v), _) => Verdict::Tested(v, findings::versus_words(v, lang)),
                    (None, Some(mark)) => Verdict::Withheld(mark),
                    (None, None) => Verdict::None,
                },
                change: c.change.map(|ch| ChangeFigures {
                    change: ch.change.shown,
                    since: ch.previous_year,
                    then: ch.previous,
                    interval: ctx.interval_text(&ch.change),
                    significance: ctx.significance_text(&ch.change),
                    phrase: format!(
                        "{} {} {}",
                        ctx.difference_text(&ch.change),
                        ctx.w(Word::SinceLower),
                        ch.previous_year
                    ),
                }),
                withheld,
            }
        })
        .collect()
}

/// Its line and area scores in every year it took part, up to this one, for every line
/// it had in any of them. A change of framework edition is said, and no change is given
/// across it.
fn series(ctx: &ReportContext<'_>, facts: &Findings, inst: &str, year: u16) -> Series {
    let sc = ctx.scores;
    let years: Vec<u16> = sc
        .years
        .iter()
        .copied()
        .filter(|&y| y <= year && Line::ALL.iter().any(|&l| sc.group(y, inst, l, Scope::LINE).is_some()))
        .collect();
    let mut rows = Vec::new();
    for line in Line::ALL {
        if !years.iter().any(|&y| sc.group(y, inst, line, Scope::LINE).is_some()) {
            continue;
        }
        for area in std::iter::once(None).chain(Area::ALL.into_iter().map(Some)) {
            let scope = area.map_or(Scope::LINE, Scope::area);
            let values = years
                .iter()
                .map(|&y| match sc.group(y, inst, line, scope) {
                    Some(g) => Figure::own(g.for_own_institution().map(|f| f.mean), g.hidden(), ctx),
                    None => Figure::Empty,
                })
                .collect();
            let cell = facts.cells.iter().find(|c| c.line == line && c.area == area);
            let change = match cell {
                Some(c) => match c.change {
                    Some(ch) => {
                        format!("{} {} {}", ctx.difference_text(&ch.change), ctx.w(Word::SinceLower), ch.previous_year)
                    }
                    // A comparison kept out is marked where a previous year exists.
                    None if years.len() > 1 => c.withheld_mark(ctx.lang).unwrap_or_default().to_string(),
                    None => String::new(),
                },
                None => String::new(),
            };
            rows.push(SeriesRow {
                line,
                area,
                line_label: line.label(ctx.lang),
                area_label: area_label(ctx, area),
                values,
                change,
            });
        }
    }
    let breaks: Vec<String> = sc.series_breaks().iter().filter(|b| years.contains(b)).map(|b| b.to_string()).collect();
    let editions_note = if breaks.is_empty() {
        format!("{} {}.", ctx.w(Word::AllYearsOneEdition), ctx.fw_for(year).edition)
    } else {
        format!("{} {}: {}", ctx.w(Word::NewEditionFrom), breaks.join(", "), ctx.w(Word::EditionsNotComparable))
    };
    Series { years, rows, editions_note }
}

/// Line × area per team and per location, under the privacy rules inside the
/// institution (`score::teams`); `None` where the input names neither.
fn teams(ctx: &ReportContext<'_>, inst: &str, year: u16) -> Option<Teams> {
    let scores = ctx.scores.teams_of(year, inst);
    if scores.is_empty() {
        return None;
    }
    let rows = per_team(scores)
        .map(|team| {
            let t = &team[0];
            TeamRow {
                grouping: match t.grouping {
                    Grouping::Team => ctx.w(Word::Team),
                    Grouping::Location => ctx.w(Word::Location),
                },
                name: t.name.clone().unwrap_or_else(|| ctx.w(Word::NotGiven).to_string()),
                line_label: t.line.label(ctx.lang),
                n: t.shown().map(|f| f.n),
                values: team.iter().map(|x| Figure::own(x.shown().map(|f| f.mean), x.hidden(), ctx)).collect(),
            }
        })
        .collect();
    Some(Teams {
        intro: ctx.w(Word::TeamsIntro),
        rows,
        note: format!("{} {}", ctx.hidden_mark(), ctx.w(Word::TeamsMarks)),
    })
}

/// Per line, its [`ITEMS_EACH_WAY`] highest own item scores, then its lowest — never an
/// item in both lists (a line with fewer than twice as many shown items gives the rest
/// to the lowest). Ties by item order, so the lists are stable.
fn items(ctx: &ReportContext<'_>, facts: &Findings, inst: &str, year: u16) -> Vec<ItemRow> {
    let sector: std::collections::HashMap<u16, f64> =
        ctx.scores.items_of(year, None).iter().filter_map(|i| i.shown().map(|f| (i.item, f.score))).collect();
    let fw = ctx.fw_for(year);
    let mut out = Vec::new();
    for line in facts.lines() {
        let mut own: Vec<(u16, crate::score::ItemFigures)> = ctx
            .scores
            .items_of(year, Some(inst))
            .iter()
            .filter(|i| i.line == line)
            .filter_map(|i| i.shown().map(|f| (i.item, *f)))
            .collect();
        own.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        let high = own.len().min(ITEMS_EACH_WAY);
        let low = (own.len() - high).min(ITEMS_EACH_WAY);
        let highest = own[..high].iter().map(|x| (ctx.w(Word::HighestLabel), x));
        let lowest = own[own.len() - low..].iter().rev().map(|x| (ctx.w(Word::LowestLabel), x));
        for (which, (idx, f)) in highest.chain(lowest) {
            let item = fw.item(*idx);
            out.push(ItemRow {
                line,
                line_label: line.label(ctx.lang),
                which,
                id: item.id.to_string(),
                text: item.text(ctx.lang).to_string(),
                n: f.n,
                own: f.score,
                sector: sector.get(idx).copied(),
            });
        }
    }
    out
}
