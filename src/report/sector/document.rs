//! The sector overview for analysts as a document (SPEC §6): built once as a [`Flow`] of
//! blocks that `pdf.rs` lays out as an A4 PDF and `html.rs` as a web page. (The
//! portret's document is `portret/document.rs`.)

use anyhow::Result;

use crate::framework::{Area, Line};
use crate::report::charts;
use crate::report::findings::{self, line_name, num};
use crate::report::pdf::{Cell, Column, Flow, Just, WIDTH};
use crate::report::ReportContext;
use crate::score::Scope;

use crate::report::flow::NEAR_EMPTY;

/// The value every item has, where they all have the same one (a table's changes all
/// since the same year: its header says the year once).
fn the_one(mut years: impl Iterator<Item = u16>) -> Option<u16> {
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

fn page_words(ctx: &ReportContext<'_>) -> (&'static str, &'static str) {
    (ctx.t("pagina", "page"), ctx.t("van", "of"))
}

fn lang_code(ctx: &ReportContext<'_>) -> &'static str {
    ctx.t("nl", "en")
}

/// One year's line × area table of the sector (or a peer group): institutions shown of
/// all, n, pooled score, the distribution, and the change with its interval and whether
/// it is beyond chance.
fn sector_table(
    ctx: &ReportContext<'_>,
    f: &mut Flow,
    year: u16,
    peer: Option<crate::ingest::institutions::Sector>,
    change_head: &str,
    one_since: Option<u16>,
) {
    let sc = ctx.scores;
    let cols = [
        Column { head: ctx.t("Lijn", "Line"), width: 40.0, just: Just::Left },
        Column { head: ctx.t("Aandachtsgebied", "Area"), width: 96.0, just: Just::Left },
        Column { head: ctx.t("Instellingen", "Institutions"), width: 44.0, just: Just::Center },
        Column { head: "n", width: 30.0, just: Just::Right },
        Column { head: ctx.t("Score", "Score"), width: 32.0, just: Just::Right },
        Column { head: "P25", width: 28.0, just: Just::Right },
        Column { head: ctx.t("Mediaan", "Median"), width: 32.0, just: Just::Right },
        Column { head: "P75", width: 28.0, just: Just::Right },
        Column { head: change_head, width: 44.0, just: Just::Right },
        Column { head: ctx.t("95%-interval", "95% interval"), width: 70.0, just: Just::Center },
        Column { head: ctx.t("Aantoonbaar", "Beyond chance"), width: WIDTH - 444.0, just: Just::Center },
    ];
    let mut rows = Vec::new();
    for line in Line::ALL {
        for area in std::iter::once(None).chain(Area::ALL.into_iter().map(Some)) {
            let scope = area.map_or(Scope::LINE, Scope::area);
            let Some(s) = sc.sector(year, peer, line, scope) else { continue };
            let (n, score) = match (s.shown(), s.hidden()) {
                (Some(fg), _) => (fg.n.to_string(), num(fg.mean, ctx.lang)),
                (None, Some(w)) => (String::new(), ctx.mark(w)),
                _ => (String::new(), String::new()),
            };
            let q = |i: usize| s.quartiles.map_or(String::new(), |q| num([q.p25, q.median, q.p75][i], ctx.lang));
            let ch = sc.sector_change(year, peer, line, scope);
            let change = ch.map_or(String::new(), |c| match one_since {
                Some(_) => ctx.signed_text(c.change.change.shown),
                None => format!(
                    "{} ({} {})",
                    ctx.signed_text(c.change.change.shown),
                    ctx.t("sinds", "since"),
                    c.change.previous_year
                ),
            });
            let strong = |t: String| if area.is_none() { Cell::strong(t) } else { Cell::new(t) };
            rows.push(vec![
                strong(line.label(ctx.lang)),
                strong(charts::scope_name(ctx, scope)),
                Cell::new(findings::Over::of(s).count(ctx.lang)),
                Cell::new(n),
                strong(score),
                Cell::new(q(0)),
                Cell::new(q(1)),
                Cell::new(q(2)),
                Cell::new(change),
                Cell::new(ch.map_or(String::new(), |c| ctx.interval_text(&c.change.change))),
                Cell::new(ch.map_or(String::new(), |c| ctx.significance_text(&c.change.change).to_string())),
            ]);
        }
    }
    f.table(&cols, &rows, 7.0);
}

/// The sector overview for analysts: method, per year the line × area distribution,
/// gaps between lines with their intervals, and the sector charts as vectors.
pub fn sector(ctx: &ReportContext<'_>) -> Result<Flow> {
    let sc = ctx.scores;
    let title = ctx
        .t("Sectoroverzicht professionaliteit LOB", "Sector overview of career guidance professionalism")
        .to_string();
    let mut f = Flow::new(&title, lang_code(ctx));
    let years = sc.years.clone();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    f.title(&format!("{title} {span}"), &charts::source_line(ctx));
    if let Some(warning) = ctx.not_for_publication() {
        f.paragraph(warning, 10.0, charts::canvas::WARNING);
    }
    let institutions = ctx.scores.institution_years().len();
    f.text(&match ctx.lang {
        crate::lang::Lang::Nl => format!(
            "{} instellingsjaren, {} respondenten gescoord. De verdeling over de instellingen (P25, mediaan, P75) staat alleen waar genoeg instellingen getoond worden; kleine groepen zijn verborgen (zie Methode).",
            institutions,
            ctx.ingested.respondents.len()
        ),
        crate::lang::Lang::En => format!(
            "{} institution-years, {} respondents scored. The distribution over institutions (P25, median, P75) is given only where enough institutions are shown; small groups are hidden (see Method).",
            institutions,
            ctx.ingested.respondents.len()
        ),
    });
    for (k, &year) in years.iter().rev().enumerate() {
        if k > 0 {
            f.new_page_if_filled(NEAR_EMPTY);
        }
        // Where every change of this year is since the same year, the header says so once.
        let one_since = the_one(Line::ALL.iter().flat_map(|&l| {
            std::iter::once(Scope::LINE)
                .chain(Area::ALL.into_iter().map(Scope::area))
                .filter_map(move |s| sc.sector_change(year, None, l, s).map(|c| c.change.previous_year))
        }));
        // The first year of the data has no change: the header says so, so the empty
        // columns under it do not read as missing figures.
        let first = years.iter().all(|&y| y >= year);
        let change_head = match (one_since, first) {
            (_, true) => ctx.t("Verandering: eerste jaar", "Change: first year").to_string(),
            (Some(y), _) => format!("{} {y}", ctx.t("Verandering sinds", "Change since")),
            (None, _) => ctx.t("Verandering", "Change").to_string(),
        };
        f.heading(&format!("{} {year}", ctx.t("Lijnen en aandachtsgebieden", "Lines and areas")));
        sector_table(ctx, &mut f, year, None, &change_head, one_since);
        f.small(ctx.t(
            "P25, mediaan en P75 over de getoonde instellingen (kolom Instellingen: getoond van die met respondenten); de andere hebben te weinig respondenten (<5) of zijn afgeschermd om een kleine groep te beschermen. Aantoonbaar: het 95%-interval van de verandering bevat 0 niet.",
            "P25, median and P75 over the institutions shown (column Institutions: shown of those with respondents); the others have too few respondents (<5) or are protected to keep a small group from being worked back. Beyond chance: the change's 95% interval does not contain 0.",
        ));
        // The peer groups, each where it has enough institutions for a figure; one with
        // too few says so in a sentence with its count, instead of a table of rows that
        // each say "too few institutions".
        let mut too_few = Vec::new();
        for peer in crate::ingest::institutions::Sector::ALL {
            let cells: Vec<_> = Line::ALL.iter().filter_map(|&l| sc.sector(year, Some(peer), l, Scope::LINE)).collect();
            if cells.is_empty() {
                continue;
            }
            if cells.iter().all(|s| s.hidden() == Some(crate::score::Why::FewInstitutions)) {
                let most = cells.iter().map(|s| s.institutions).max().unwrap_or(0);
                too_few.push((peer, most));
                continue;
            }
            f.heading(&format!("{} {} {year}", ctx.t("Peergroep", "Peer group"), peer.code()));
            sector_table(ctx, &mut f, year, Some(peer), &change_head, one_since);
        }
        for (peer, m) in too_few {
            let min = ctx.privacy.min_institutions;
            f.small(&match (ctx.lang, m == 1) {
                (crate::lang::Lang::Nl, true) => format!("Peergroep {} {year}: 1 instelling met respondenten, minder dan de {min} die nodig zijn voor een peergroepcijfer; geen tabel.", peer.code()),
                (crate::lang::Lang::Nl, false) => format!("Peergroep {} {year}: {m} instellingen met respondenten, minder dan de {min} die nodig zijn voor een peergroepcijfer; geen tabel.", peer.code()),
                (crate::lang::Lang::En, true) => format!("Peer group {} {year}: 1 institution with respondents, fewer than the {min} needed for a peer-group figure; no table.", peer.code()),
                (crate::lang::Lang::En, false) => format!("Peer group {} {year}: {m} institutions with respondents, fewer than the {min} needed for a peer-group figure; no table.", peer.code()),
            });
        }
        // Gaps between lines, in the sector and in each peer group.
        let gaps: Vec<_> = sc.gaps.iter().filter(|g| g.year == year && g.scope.kind.is_none()).collect();
        if !gaps.is_empty() {
            f.heading(&format!("{} {year}", ctx.t("Verschillen tussen de lijnen", "Gaps between lines")));
            let cols = [
                Column { head: ctx.t("Peergroep", "Peer group"), width: 60.0, just: Just::Left },
                Column { head: ctx.t("Aandachtsgebied", "Area"), width: 120.0, just: Just::Left },
                Column { head: ctx.t("Lijnen", "Lines"), width: 80.0, just: Just::Left },
                Column { head: ctx.t("Verschil", "Gap"), width: 45.0, just: Just::Right },
                Column { head: ctx.t("95%-interval", "95% interval"), width: 100.0, just: Just::Center },
                Column { head: ctx.t("Aantoonbaar", "Beyond chance"), width: WIDTH - 405.0, just: Just::Center },
            ];
            let mut gaps = gaps;
            gaps.sort_by_key(|g| (g.peer.sector().map_or(0, |p| p as u8 + 1), g.scope.area.map_or(0, |a| a as u8 + 1)));
            let rows: Vec<Vec<Cell>> = gaps
                .iter()
                .map(|g| {
                    vec![
                        Cell::new(
                            g.peer.sector().map_or(ctx.t("sector", "sector").to_string(), |p| p.code().to_string()),
                        ),
                        Cell::new(charts::scope_name(ctx, g.scope)),
                        Cell::new(format!("{} – {}", line_name(g.b, ctx.lang), line_name(g.a, ctx.lang))),
                        Cell::new(ctx.signed_text(g.gap.shown)),
                        Cell::new(ctx.interval_text(&g.gap)),
                        Cell::new(ctx.significance_text(&g.gap)),
                    ]
                })
                .collect();
            f.table(&cols, &rows, 7.0);
        }
        f.chart(Box::new(charts::line_comparison::LineComparison::new(ctx, year)), WIDTH);
        f.chart(Box::new(charts::distribution::Distribution::new(ctx, year)), WIDTH);
    }
    if years.len() > 1 {
        f.heading(ctx.t("Trend", "Trend"));
        f.chart(Box::new(charts::trend::Trend::new(ctx)), WIDTH);
    }
    f.heading(ctx.t("Methode", "Method"));
    for (k, v) in ctx.method_lines() {
        f.subheading(k);
        f.small(v);
    }
    Ok(f.done(&title, page_words(ctx)))
}
