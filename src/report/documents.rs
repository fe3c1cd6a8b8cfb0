//! The two documents (SPEC §6): each portret, and the sector overview for analysts, built
//! once as a [`Flow`] of blocks that `pdf.rs` lays out as an A4 PDF and `html.rs` as a web
//! page; the figures and words are the workbooks' own (the same findings,
//! recommendations and read model), so the PDF, the HTML and the workbook never disagree.

use anyhow::Result;

use crate::framework::{Area, Line};
use crate::report::charts;
use crate::report::findings::{self, line_name, num, Findings};
use crate::report::pdf::{Cell, Column, Flow, Just, WIDTH};
use crate::report::portret::{grouping_word, recommendations_for, team_name};
use crate::report::ReportContext;
use crate::score::teams::per_team;
use crate::score::Scope;

/// A page filled less than this is near-empty: a page break is not forced after it.
pub const NEAR_EMPTY: f32 = 0.25;

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

/// Page 1 of the portret: where the institution stands, in sentences, the table and
/// how to read it. `compact` 0 gives every sentence; 1 and 2 leave out the optional ones
/// ([`Findings::optional_sentences`]), 2 also joins the notes under the table into one
/// paragraph.
fn page_one(
    ctx: &ReportContext<'_>,
    f: &mut Flow,
    facts: &Findings,
    inst: &str,
    year: u16,
    title: &str,
    compact: usize,
) {
    let sc = ctx.scores;
    let kind = ctx.ingested.institutions.get(inst).and_then(|m| m.sector);
    f.title(title, &findings::subtitle(kind, &ctx.fw_for(year).edition, ctx.lang));
    if let Some(warning) = ctx.not_for_publication() {
        f.paragraph(warning, 10.0, charts::canvas::WARNING);
    }
    f.heading(ctx.t("Waar staat u", "Where you stand"));
    // Where the page runs short, only the optional sentences give way.
    let sentences = if compact == 0 { facts.sentences(ctx.lang) } else { facts.essential_sentences(ctx.lang) };
    for s in sentences {
        f.paragraph(&s, 9.0, charts::canvas::DARK);
    }
    // The table: own score; its position among the institutions (the quartiles, the
    // band); its staff against the other institutions' staff (their mean, the test). In
    // colour and words, one line a row. Over how many institutions each distribution
    // was taken is said under it; the changes, each with its interval, are on page 2.
    let cols = [
        Column { head: ctx.t("Lijn", "Line"), width: 28.0, just: Just::Left },
        Column { head: ctx.t("Aandachtsgebied", "Area"), width: 96.0, just: Just::Left },
        Column { head: "n", width: 18.0, just: Just::Right },
        Column { head: ctx.t("Eigen score", "Own score"), width: 28.0, just: Just::Right },
        Column { head: "P25", width: 24.0, just: Just::Right },
        Column { head: ctx.t("Mediaan", "Median"), width: 35.0, just: Just::Right },
        Column { head: "P75", width: 24.0, just: Just::Right },
        Column { head: ctx.t("Instellingen", "Institutions"), width: 44.0, just: Just::Center },
        Column {
            head: ctx.t("Positie onder de instellingen", "Position among the institutions"),
            width: 60.0,
            just: Just::Center,
        },
        Column { head: ctx.t("Andere instellingen", "Other institutions"), width: 46.0, just: Just::Right },
        Column {
            head: ctx.t("Verschil met de medewerkers van de sector", "Difference from the sector's staff"),
            width: WIDTH - 403.0,
            just: Just::Center,
        },
    ];
    let mut rows = Vec::new();
    for c in &facts.cells {
        let g = sc.group(year, inst, c.line, c.scope());
        let own = match (c.own, g.and_then(|g| g.hidden())) {
            (Some((v, _)), _) => num(v, ctx.lang),
            (None, Some(why)) => ctx.mark(why),
            (None, None) => String::new(),
        };
        let q = |i: usize| c.quartiles.map_or(String::new(), |q| num([q.0, q.1, q.2][i], ctx.lang));
        let position = match c.position() {
            Some(b) => Cell::filled(findings::position_text(c, ctx.lang), findings::band_colour(b)),
            None => Cell::new(""),
        };
        let withheld = || c.withheld_mark(ctx.lang).unwrap_or_default().to_string();
        let versus = match c.versus {
            Some(v) => Cell::filled(findings::versus_words(v, ctx.lang), findings::versus_colour(v)),
            None => Cell::new(withheld()),
        };
        let total = c.area.is_none();
        let strong = |s: String| if total { Cell::strong(s) } else { Cell::new(s) };
        rows.push(vec![
            strong(c.line.label(ctx.lang)),
            strong(charts::scope_name(ctx, c.scope())),
            Cell::new(c.own.map_or(String::new(), |o| o.1.to_string())),
            strong(own),
            Cell::new(q(0)),
            Cell::new(q(1)),
            Cell::new(q(2)),
            Cell::new(if c.over.institutions > 0 { c.over.count(ctx.lang) } else { String::new() }),
            position,
            Cell::new(c.rest.map_or_else(withheld, |r| num(r.0, ctx.lang))),
            versus,
        ]);
    }
    f.table(&cols, &rows, 7.0);
    let notes = facts.distribution_notes(ctx.privacy.min_institutions, ctx.privacy.min_group_size, ctx.lang);
    if compact < 2 {
        for note in notes {
            f.small(&note);
        }
    } else {
        f.small(&notes.join(" "));
    }
    // How to read it, beside the table it explains, and the abbreviations of the page.
    f.text_box(&findings::how_to_read(facts, ctx.lang, ctx.privacy.min_group_size));
    f.small(&findings::glossary(ctx.lang));
}

/// The portret as an A4 PDF: page 1 where the institution stands (sentences, the
/// line × area table in colour and words, the chart, how to read it); then change and
/// series, teams and locations, recommendations, strongest and weakest items.
pub fn portret(ctx: &ReportContext<'_>, inst: &str, year: u16) -> Result<Flow> {
    let sc = ctx.scores;
    let title = format!(
        "{} — {inst} {year}",
        ctx.t("Portret professionaliteit LOB", "Career guidance professionalism portrait")
    );
    let facts = Findings::of(ctx, inst, year);
    // Page 1 is one page: laid out in full, and where that spills (a long name, English,
    // many notes), again with fewer sentences (the table holds every figure they give).
    let mut f = Flow::new(&title, lang_code(ctx));
    for compact in 0..=2 {
        f = Flow::new(&title, lang_code(ctx));
        page_one(ctx, &mut f, &facts, inst, year, &title, compact);
        if crate::report::pdf::page_count(&f) == 1 {
            break;
        }
    }

    // The chart, drawn for the page's width.
    f.new_page();
    f.chart(Box::new(charts::benchmark::Benchmark::for_portret(ctx, inst, year)), WIDTH);

    // Change and the own series.
    f.heading(ctx.t("Verandering en eigen reeks", "Change and own series"));
    let years: Vec<u16> = sc
        .years
        .iter()
        .copied()
        .filter(|&y| y <= year && Line::ALL.iter().any(|&l| sc.group(y, inst, l, Scope::LINE).is_some()))
        .collect();
    f.text(&match ctx.lang {
        crate::lang::Lang::Nl => format!(
            "Uw scores in elk jaar waarin u meedeed ({}), en de verandering sinds het vorige jaar met haar 95%-interval.",
            years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
        ),
        crate::lang::Lang::En => format!(
            "Your scores in every year you took part ({}), and the change since the previous year with its 95% interval.",
            years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
        ),
    });
    let shown_years: Vec<u16> = years.iter().rev().take(5).rev().copied().collect();
    if shown_years.len() < years.len() {
        f.small(ctx.t(
            "De tabel toont de laatste vijf jaren; het werkblad Ontwikkeling van het portret heeft ze alle.",
            "The table shows the last five years; the Trend sheet of the portrait workbook has them all.",
        ));
    }
    let year_w = 34.0;
    let rest = WIDTH - 42.0 - 104.0 - year_w * shown_years.len() as f32;
    let heads: Vec<String> = shown_years.iter().map(|y| y.to_string()).collect();
    let mut cols = vec![
        Column { head: ctx.t("Lijn", "Line"), width: 42.0, just: Just::Left },
        Column { head: ctx.t("Aandachtsgebied", "Area"), width: 104.0, just: Just::Left },
    ];
    for h in &heads {
        cols.push(Column { head: h, width: year_w, just: Just::Right });
    }
    // Its first year taken part has no change: the header says so.
    let interval_head = if years.len() < 2 {
        ctx.t("Verandering: eerste jaar van deelname", "Change: first year taken part")
    } else {
        ctx.t("Verandering (95%-interval)", "Change (95% interval)")
    };
    cols.push(Column { head: interval_head, width: rest, just: Just::Left });
    let mut rows = Vec::new();
    for c in &facts.cells {
        let scope = c.area.map_or(Scope::LINE, Scope::area);
        let mut row = vec![
            Cell::new(c.line.label(ctx.lang)),
            Cell::new(charts::scope_name(ctx, c.area.map_or(Scope::LINE, Scope::area))),
        ];
        for &y in &shown_years {
            let v = sc.group(y, inst, c.line, scope).and_then(|g| match g.for_own_institution() {
                Some(f) => Some(num(f.mean, ctx.lang)),
                None => g.hidden().map(|w| ctx.mark(w)),
            });
            row.push(Cell::new(v.unwrap_or_default()));
        }
        row.push(Cell::new(c.change.map_or_else(
            || c.withheld_mark(ctx.lang).filter(|_| shown_years.len() > 1).unwrap_or_default().to_string(),
            |ch| format!("{} {} {}", ctx.difference_text(&ch.change), ctx.t("sinds", "since"), ch.previous_year),
        )));
        rows.push(row);
    }
    f.table(&cols, &rows, 7.0);

    // Teams and locations.
    let teams = sc.teams_of(year, inst);
    if !teams.is_empty() {
        // A page of their own (the page a coordinator hands to team leaders), unless
        // the page so far holds only the end of the table before: no page before the
        // last is left less than a quarter filled.
        f.new_page_if_filled(NEAR_EMPTY);
        f.heading(ctx.t("Teams en locaties", "Teams and locations"));
        f.text(ctx.t(
            "Per team en per locatie, waar de vragenlijst ze vroeg. Kleine groepen zijn verborgen, en waar nodig meer, zodat geen groep uit uw eigen totaal terug te rekenen is.",
            "Per team and per location, where the survey asked for them. Small groups are hidden, and more where needed, so no group can be worked back from your own total.",
        ));
        let mut cols = vec![
            Column { head: ctx.t("Team of locatie", "Team or location"), width: 118.0, just: Just::Left },
            Column { head: ctx.t("Lijn", "Line"), width: 42.0, just: Just::Left },
            Column { head: "n", width: 28.0, just: Just::Right },
            Column { head: ctx.t("Totaal", "Total"), width: 43.0, just: Just::Right },
        ];
        let area_heads: Vec<&str> = Area::ALL.iter().map(|a| a.label(ctx.lang)).collect();
        for h in &area_heads {
            cols.push(Column { head: h, width: (WIDTH - 231.0) / 4.0, just: Just::Right });
        }
        let mut rows = Vec::new();
        for team in per_team(teams) {
            let t = &team[0];
            let mut row = vec![
                Cell::new(format!("{} ({})", team_name(ctx, t), grouping_word(ctx, t.grouping))),
                Cell::new(t.line.label(ctx.lang)),
                Cell::new(t.shown().map_or(String::new(), |f| f.n.to_string())),
            ];
            // The line total and its four areas.
            for x in team {
                row.push(Cell::new(match (x.shown(), x.hidden()) {
                    (Some(f), _) => num(f.mean, ctx.lang),
                    (None, Some(w)) => ctx.mark(w),
                    _ => String::new(),
                }));
            }
            rows.push(row);
        }
        f.table(&cols, &rows, 7.0);
    }

    // Recommendations.
    f.heading(ctx.t("Aanbevelingen", "Recommendations"));
    let recs = recommendations_for(ctx, &facts);
    if recs.is_empty() {
        let (title, text, source) = crate::report::recommend::nothing_holds(&facts, ctx.lang);
        f.paragraph(&title, 10.0, [0, 63, 102]);
        f.text(&text);
        f.small(&format!("{}: {source}", ctx.t("Bron", "Source")));
    }
    for r in recs {
        f.subheading(&r.title);
        f.text(&r.text);
        f.small(&format!(
            "{}: {} · {}: {}",
            ctx.t("Aanleiding", "Finding"),
            r.finding,
            ctx.t("Bron", "Source"),
            r.source
        ));
    }

    // Its highest and lowest items: its own scores, named as such (no position beside
    // them to call them strong or weak).
    f.heading(ctx.t("Hoogste en laagste items", "Highest and lowest items"));
    f.small(findings::kinds_glossary(ctx.lang));
    f.small(findings::item_sector_note(ctx.lang));
    let sector: std::collections::HashMap<u16, f64> =
        sc.items_of(year, None).iter().filter_map(|i| i.shown().map(|f| (i.item, f.score))).collect();
    let cols = [
        Column { head: ctx.t("Lijn", "Line"), width: 42.0, just: Just::Left },
        Column { head: "", width: 44.0, just: Just::Left },
        Column { head: "Item", width: 50.0, just: Just::Left },
        Column { head: ctx.t("Tekst", "Text"), width: WIDTH - 42.0 - 44.0 - 50.0 - 40.0 - 40.0, just: Just::Left },
        Column { head: ctx.t("Eigen", "Own"), width: 40.0, just: Just::Right },
        Column { head: ctx.t("Sector", "Sector"), width: 40.0, just: Just::Right },
    ];
    let mut rows = Vec::new();
    for line in facts.lines() {
        let mut own: Vec<(u16, f64)> = sc
            .items_of(year, Some(inst))
            .iter()
            .filter(|i| i.line == line)
            .filter_map(|i| i.shown().map(|f| (i.item, f.score)))
            .collect();
        own.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let k = own.len().min(3);
        let weak: Vec<(u16, f64)> = own[own.len() - k..].iter().rev().copied().collect();
        for (label, list) in [(ctx.t("sterkst", "strongest"), own[..k].to_vec()), (ctx.t("zwakst", "weakest"), weak)] {
            for (idx, v) in list {
                let item = ctx.fw_for(year).item(idx);
                rows.push(vec![
                    Cell::new(line.label(ctx.lang)),
                    Cell::new(label),
                    Cell::new(item.id.to_string()),
                    Cell::new(item.text(ctx.lang)),
                    Cell::new(num(v, ctx.lang)),
                    Cell::new(sector.get(&idx).map_or(String::new(), |s| num(*s, ctx.lang))),
                ]);
            }
        }
    }
    f.table(&cols, &rows, 7.0);
    Ok(f.done(&format!("{inst} {year}"), page_words(ctx)))
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
            let q = |i: usize| s.quartiles.map_or(String::new(), |q| num([q.0, q.1, q.2][i], ctx.lang));
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
            gaps.sort_by_key(|g| (g.peer.map_or(0, |p| p as u8 + 1), g.scope.area.map_or(0, |a| a as u8 + 1)));
            let rows: Vec<Vec<Cell>> = gaps
                .iter()
                .map(|g| {
                    vec![
                        Cell::new(g.peer.map_or(ctx.t("sector", "sector").to_string(), |p| p.code().to_string())),
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
