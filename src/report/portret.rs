//! The portret: one institution's year against the sector, in the spirit of the 2014
//! study's portraits. It never names another institution or shows another
//! institution's figures: only the sector's distribution.

use std::path::Path;

use anyhow::Result;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartLine, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType,
    Workbook,
};

use crate::framework::{Area, Line};
use crate::report::findings::{self, Findings};
use crate::report::xlsx::{self, Formats};
use crate::report::{recommend, ReportContext};
use crate::score::teams::{per_team, Grouping, TeamScore};
use crate::score::Scope;

/// Writes the portret.
pub fn write(ctx: &ReportContext<'_>, institution: &str, year: u16, path: &Path) -> Result<()> {
    let fm = Formats::shared();
    let title = format!(
        "{} — {} {}",
        ctx.t("Portret professionaliteit LOB", "Career guidance professionalism portrait"),
        institution,
        year
    );
    let mut wb = xlsx::workbook(ctx, &title)?;
    // The facts page 1's sentences and the recommendations are both written from.
    let facts = Findings::of(ctx, institution, year);
    headline(ctx, &mut wb, fm, &facts, institution, year, &title)?;
    series(ctx, &mut wb, fm, institution, year)?;
    items(ctx, &mut wb, fm, institution, year)?;
    teams(ctx, &mut wb, fm, institution, year)?;
    recommendations(ctx, &mut wb, fm, &facts)?;
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Toelichting", "Notes"))?;
    xlsx::print_setup(ws, None)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 100)?;
    for (r, (k, v)) in ctx.method_lines().iter().enumerate() {
        xlsx::text(ws, r as u32, 0, k, &fm.wrap)?;
        xlsx::text(ws, r as u32, 1, v, &fm.wrap)?;
        xlsx::fit_row(ws, r as u32, &[(k, 26.0), (v, 100.0)])?;
    }
    // Assembled in memory and written with one call: `save(path)` writes the zip
    // unbuffered, ~170 small writes per portret (BENCHMARKS.md).
    crate::report::write_file(path, wb.save_to_buffer()?)?;
    Ok(())
}

/// The portret's columns on page 1, with their widths: own figures; position among the
/// institutions (quartiles, over how many, the band); difference from the sector's staff
/// (their mean, the test); change.
const PAGE1_WIDTHS: [f64; 17] =
    [10.0, 26.0, 6.0, 9.0, 9.0, 9.0, 9.0, 11.0, 22.0, 20.0, 13.0, 19.0, 11.0, 7.0, 9.0, 18.0, 13.0];

fn headline(
    ctx: &ReportContext<'_>,
    wb: &mut Workbook,
    fm: &Formats,
    facts: &Findings,
    inst: &str,
    year: u16,
    title: &str,
) -> Result<()> {
    let sc = ctx.scores;
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Portret", "Portrait"))?;
    xlsx::print_setup(ws, None)?;
    // Page 1 is one page: the words, the table and the chart together.
    ws.set_print_fit_to_pages(1, 1);
    let cols = PAGE1_WIDTHS.len() as u16;
    let page_width: f64 = PAGE1_WIDTHS.iter().sum();
    for (i, w) in PAGE1_WIDTHS.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    xlsx::text(ws, 0, 0, title, &fm.title)?;
    xlsx::text(ws, 1, 0, &subtitle(ctx, inst, year), &fm.subtitle)?;
    if let Some(warning) = ctx.not_for_publication() {
        xlsx::text(ws, 2, 0, warning, &fm.below)?;
    }
    // Where it stands, in words.
    let mut r = 3;
    for sentence in facts.sentences(ctx.lang) {
        ws.merge_range(r, 0, r, cols - 1, &sentence, &fm.lead)?;
        ws.set_row_height(r, 16.5 * xlsx::wrapped_lines(&sentence, page_width * 0.85) as f64)?;
        r += 1;
    }
    r += 1;
    // How to read it.
    let how = findings::how_to_read(facts, ctx.lang, ctx.privacy.min_group_size).join("\n");
    ws.merge_range(r, 0, r, cols - 1, &how, &fm.boxed)?;
    ws.set_row_height(r, 15.0 * xlsx::wrapped_lines(&how, page_width * 0.95) as f64)?;
    r += 1;
    xlsx::note(ws, r, cols, page_width, &findings::glossary(ctx.lang), fm)?;
    r += 2;
    let heads = [
        ctx.t("Lijn", "Line"),
        ctx.t("Aandachtsgebied", "Area"),
        "n",
        ctx.t("Eigen score", "Own score"),
        ctx.t("Sector P25", "Sector P25"),
        ctx.t("Sector mediaan", "Sector median"),
        ctx.t("Sector P75", "Sector P75"),
        ctx.t("Instellingen getoond", "Institutions shown"),
        ctx.t("Positie onder de instellingen", "Position among the institutions"),
        ctx.t("Positie in de peergroep", "Position in the peer group"),
        ctx.t("Medewerkers andere instellingen (gemiddelde)", "Staff of the other institutions (mean)"),
        ctx.t("Verschil met de medewerkers van de sector", "Difference from the sector's staff"),
        ctx.t("Verandering", "Change"),
        ctx.t("Sinds", "Since"),
        ctx.t("Toen", "Then"),
        ctx.t("95%-interval van de verandering", "95% interval of the change"),
        ctx.t("Aantoonbaar veranderd", "Change beyond chance"),
    ];
    xlsx::header_in_page(ws, r, &heads, &PAGE1_WIDTHS, fm)?;
    r += 1;
    let mut protected = false;
    let mut line_rows: Vec<(Line, u32)> = Vec::new();
    for cell in &facts.cells {
        let (line, scope) = (cell.line, cell.scope());
        if cell.area.is_none() {
            line_rows.push((line, r));
        }
        let g = sc.group(year, inst, line, scope);
        // Its own figures: shown, or hidden only to protect another group (its own
        // data; a note says why the sector tables do not show them).
        let own = g.and_then(|g| g.for_own_institution());
        let hidden = if own.is_some() { None } else { g.and_then(|g| g.hidden()) };
        protected |= own.is_some() && g.and_then(|g| g.hidden()).is_some();
        let strong = if scope == Scope::LINE { &fm.bold } else { &fm.text };
        xlsx::text(ws, r, 0, &line.label(ctx.lang), strong)?;
        xlsx::text(ws, r, 1, scope.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), strong)?;
        if let Some(f) = own {
            ws.write_number_with_format(r, 2, f.n as f64, &fm.int)?;
        }
        xlsx::score(ws, r, 3, own.map(|s| s.mean), hidden, ctx, fm)?;
        // Position among the institutions: the quartiles, over how many, the band.
        if let Some((a, m, b)) = cell.quartiles {
            ws.write_number_with_format(r, 4, a, &fm.score)?;
            ws.write_number_with_format(r, 5, m, &fm.score)?;
            ws.write_number_with_format(r, 6, b, &fm.score)?;
        }
        if cell.over.institutions > 0 {
            xlsx::text(ws, r, 7, &cell.over.count(ctx.lang), &fm.center)?;
        }
        if let Some(b) = cell.position() {
            let f = match b {
                crate::score::Band::HighestQuarter => &fm.above,
                crate::score::Band::LowestQuarter => &fm.below,
                crate::score::Band::MiddleHalf => &fm.center,
            };
            xlsx::text(ws, r, 8, &findings::position_text(cell, ctx.lang), f)?;
        }
        if let Some(b) = sc.benchmark(year, inst, line, scope) {
            match &b.rank_peer {
                Some(p) => xlsx::text(ws, r, 9, &findings::position_words(p, ctx.lang), &fm.center)?,
                None => xlsx::text(ws, r, 9, ctx.t("geen peergroep bekend", "no peer group known"), &fm.hidden)?,
            }
        }
        // Difference from the sector's staff: their mean beside the test against it.
        if let Some((m, _)) = cell.rest {
            ws.write_number_with_format(r, 10, m, &fm.score)?;
        } else if let Some(mark) = cell.withheld_mark(ctx.lang) {
            xlsx::text(ws, r, 10, mark, &fm.hidden)?;
        }
        if let Some(v) = cell.versus {
            xlsx::versus(ws, r, 11, v, ctx, fm)?;
        } else if let Some(mark) = cell.withheld_mark(ctx.lang) {
            xlsx::text(ws, r, 11, mark, &fm.hidden)?;
        }
        if let Some(c) = &cell.change {
            xlsx::signed(ws, r, 12, c.change.shown, fm)?;
            ws.write_number_with_format(r, 13, c.previous_year as f64, &fm.year)?;
            ws.write_number_with_format(r, 14, c.previous, &fm.score)?;
            xlsx::text(ws, r, 15, &ctx.interval_text(&c.change), &fm.center)?;
            xlsx::text(ws, r, 16, ctx.significance_text(&c.change), &fm.center)?;
        }
        r += 1;
    }
    r += 1;
    // Over how many institutions each distribution was taken, and why not the others.
    let notes = facts.distribution_notes(ctx.privacy.min_institutions, ctx.privacy.min_group_size, ctx.lang);
    xlsx::note(ws, r, cols, page_width, &notes.join(" "), fm)?;
    r += 2;
    if protected {
        let why = ctx.t(
            "Enkele van uw eigen cijfers staan hier wel, maar in de sectortabellen niet: daar zijn ze afgeschermd om de cijfers van een kleine groep elders te beschermen. Het zijn uw eigen gegevens.",
            "Some of your own figures are shown here but not in the sector tables: there they are protected to keep a small group elsewhere from being worked back. They are your own data.",
        );
        xlsx::note(ws, r, cols, page_width, why, fm)?;
        r += 2;
    }
    // A native chart of the table above: own scores per line as columns, the sector's
    // median as markers; on the same page.
    if let Some(&(_, first)) = line_rows.first() {
        let sheet = ws.name();
        let mut chart = Chart::new(ChartType::Column);
        let mut medians = Chart::new(ChartType::Line);
        for &(line, row) in &line_rows {
            let color = xlsx::colour(crate::report::charts::PALETTE[line.number() as usize - 1]);
            chart
                .add_series()
                .set_name(line.label(ctx.lang).as_str())
                .set_categories((sheet.as_str(), first, 1, first + 4, 1))
                .set_values((sheet.as_str(), row, 3, row + 4, 3))
                .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)));
            medians
                .add_series()
                .set_name(format!("{} – {}", line.label(ctx.lang), ctx.t("sectormediaan", "sector median")).as_str())
                .set_categories((sheet.as_str(), first, 1, first + 4, 1))
                .set_values((sheet.as_str(), row, 5, row + 4, 5))
                .set_format(ChartFormat::new().set_no_line())
                .set_marker(
                    ChartMarker::new().set_type(ChartMarkerType::Diamond).set_size(9).set_format(
                        ChartFormat::new()
                            .set_solid_fill(ChartSolidFill::new().set_color(color))
                            .set_border(ChartLine::new().set_color(rust_xlsxwriter::Color::Black)),
                    ),
                );
        }
        chart.combine(&medians);
        chart.title().set_name(ctx.t(
            "Eigen score per lijn en aandachtsgebied, met de sectormediaan",
            "Own score by line and area, with the sector median",
        ));
        chart.y_axis().set_min(0).set_max(100).set_name(ctx.t("Score (0–100)", "Score (0–100)"));
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(900).set_height(380);
        ws.insert_chart(r, 1, &chart)?;
    }
    Ok(())
}

/// "Onderwijssoort: mbo · raamwerkeditie raamwerk-2017" ([`findings::subtitle`], as the PDF).
fn subtitle(ctx: &ReportContext<'_>, inst: &str, year: u16) -> String {
    let kind = ctx.ingested.institutions.get(inst).and_then(|m| m.sector);
    findings::subtitle(kind, &ctx.fw_for(year).edition, ctx.lang)
}

/// Line × area per team and per location, under the privacy rules inside the
/// institution (`score::teams`). Only where the input names teams or locations.
fn teams(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, inst: &str, year: u16) -> Result<()> {
    let rows = ctx.scores.teams_of(year, inst);
    if rows.is_empty() {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Teams en locaties", "Teams and locations"))?;
    xlsx::print_setup(ws, Some(0))?;
    let mut heads: Vec<&str> = vec![
        ctx.t("Indeling", "Grouping"),
        ctx.t("Naam", "Name"),
        ctx.t("Lijn", "Line"),
        "n",
        ctx.t("Totaal", "Total"),
    ];
    heads.extend(Area::ALL.iter().map(|a| a.label(ctx.lang)));
    let names: Vec<String> = rows.iter().map(|t| team_name(ctx, t)).collect();
    let widths =
        [14.0, xlsx::width_for(names.iter().map(String::as_str), 16.0, 40.0), 10.0, 6.0, 9.0, 13.0, 15.0, 13.0, 13.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for team in per_team(rows) {
        let t = &team[0];
        xlsx::text(ws, r, 0, grouping_word(ctx, t.grouping), &fm.text)?;
        xlsx::text(ws, r, 1, &team_name(ctx, t), &fm.text)?;
        xlsx::text(ws, r, 2, &t.line.label(ctx.lang), &fm.text)?;
        if let Some(f) = t.shown() {
            ws.write_number_with_format(r, 3, f.n as f64, &fm.int)?;
        }
        // The line total and its four areas.
        for (j, x) in team.iter().enumerate() {
            xlsx::score(ws, r, 4 + j as u16, x.shown().map(|f| f.mean), x.hidden(), ctx, fm)?;
        }
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, heads.len() as u16)?;
    let note = format!(
        "{} {}",
        ctx.hidden_mark(),
        ctx.t(
            "= te weinig respondenten. Afgeschermd: verborgen omdat u anders uit uw eigen totaal een kleine groep zou kunnen terugrekenen. Een team of locatie wordt per lijn als geheel getoond of verborgen.",
            "= too few respondents. Protected: hidden because otherwise a small group could be worked back from your own total. A team or location is shown or hidden as a whole per line.",
        )
    );
    xlsx::note(ws, r + 1, heads.len() as u16, widths.iter().sum(), &note, fm)?;
    Ok(())
}

/// A team's name, or that none was given.
pub(crate) fn team_name(ctx: &ReportContext<'_>, t: &TeamScore) -> String {
    t.name.clone().unwrap_or_else(|| ctx.t("(niet opgegeven)", "(not given)").to_string())
}

/// "team" or "locatie".
pub(crate) fn grouping_word(ctx: &ReportContext<'_>, g: Grouping) -> &'static str {
    match g {
        Grouping::Team => ctx.t("team", "team"),
        Grouping::Location => ctx.t("locatie", "location"),
    }
}

/// The institution's own series: its line and area scores in every year it took part,
/// up to this one. A change of framework edition is marked, and no change is given
/// across it.
fn series(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, inst: &str, year: u16) -> Result<()> {
    let sc = ctx.scores;
    let years: Vec<u16> = sc
        .years
        .iter()
        .copied()
        .filter(|&y| y <= year && Line::ALL.iter().any(|&l| sc.group(y, inst, l, Scope::LINE).is_some()))
        .collect();
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Ontwikkeling", "Trend"))?;
    xlsx::print_setup(ws, Some(0))?;
    let mut heads: Vec<String> = vec![ctx.t("Lijn", "Line").into(), ctx.t("Aandachtsgebied", "Area").into()];
    heads.extend(years.iter().map(|y| y.to_string()));
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut widths = vec![10.0, 26.0];
    widths.extend(years.iter().map(|_| 10.0));
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for line in Line::ALL {
        if !years.iter().any(|&y| sc.group(y, inst, line, Scope::LINE).is_some()) {
            continue;
        }
        for scope in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
            xlsx::text(ws, r, 0, &line.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 1, scope.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text)?;
            for (j, &y) in years.iter().enumerate() {
                if let Some(g) = sc.group(y, inst, line, scope) {
                    let own = g.for_own_institution();
                    let v = own.map(|s| s.mean);
                    xlsx::score(ws, r, 2 + j as u16, v, if own.is_some() { None } else { g.hidden() }, ctx, fm)?;
                }
            }
            r += 1;
        }
    }
    r += 1;
    let breaks: Vec<String> = sc.series_breaks().iter().filter(|b| years.contains(b)).map(|b| b.to_string()).collect();
    let note = if breaks.is_empty() {
        format!(
            "{} {}",
            ctx.t("Alle jaren gescoord met raamwerkeditie", "All years scored with framework edition"),
            ctx.fw_for(year).edition
        )
    } else {
        format!(
            "{} {}: {}",
            ctx.t("Nieuwe raamwerkeditie vanaf", "New framework edition from"),
            breaks.join(", "),
            ctx.t("scores daarvoor en daarna zijn niet vergelijkbaar.", "scores before and after are not comparable.")
        )
    };
    xlsx::note(ws, r, refs.len().max(4) as u16, widths.iter().sum::<f64>().max(56.0), &note, fm)?;
    Ok(())
}

fn items(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, inst: &str, year: u16) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Hoog en laag", "Highest and lowest"))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.t("Lijn", "Line"),
        "",
        "Item",
        ctx.t("Tekst", "Text"),
        "n",
        ctx.t("Eigen score", "Own score"),
        ctx.t("Sector", "Sector"),
    ];
    xlsx::header(ws, 0, &heads, &[10.0, 12.0, 11.0, 90.0, 6.0, 11.0, 9.0], fm)?;
    let sector: std::collections::HashMap<u16, f64> =
        ctx.scores.items_of(year, None).iter().filter_map(|i| i.shown().map(|f| (i.item, f.score))).collect();
    let mut r = 1;
    for line in Line::ALL {
        let mut own: Vec<(u16, crate::score::ItemFigures)> = ctx
            .scores
            .items_of(year, Some(inst))
            .iter()
            .filter(|i| i.line == line)
            .filter_map(|i| i.shown().map(|f| (i.item, *f)))
            .collect();
        if own.is_empty() {
            continue;
        }
        // Highest first; ties by item order so the list is stable.
        own.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        let k = own.len().min(5);
        let strong: Vec<_> = own[..k].to_vec();
        let mut weak: Vec<_> = own[own.len() - k..].to_vec();
        weak.reverse();
        for (label, list) in [(ctx.t("hoogst", "highest"), strong), (ctx.t("laagst", "lowest"), weak)] {
            for (item_idx, it) in list {
                let item = ctx.fw_for(year).item(item_idx);
                xlsx::text(ws, r, 0, &line.label(ctx.lang), &fm.text)?;
                xlsx::text(ws, r, 1, label, &fm.text)?;
                xlsx::text(ws, r, 2, &item.id.to_string(), &fm.text)?;
                xlsx::text(ws, r, 3, item.text(ctx.lang), &fm.wrap)?;
                xlsx::fit_row(ws, r, &[(item.text(ctx.lang), 90.0)])?;
                ws.write_number_with_format(r, 4, it.n as f64, &fm.int)?;
                ws.write_number_with_format(r, 5, it.score, &fm.score)?;
                if let Some(s) = sector.get(&item_idx) {
                    ws.write_number_with_format(r, 6, *s, &fm.score)?;
                }
                r += 1;
            }
        }
    }
    xlsx::filter(ws, 0, r.saturating_sub(1).max(1), heads.len() as u16)?;
    xlsx::note(ws, r + 1, heads.len() as u16, 149.0, findings::kinds_glossary(ctx.lang), fm)?;
    xlsx::note(ws, r + 2, heads.len() as u16, 149.0, findings::item_sector_note(ctx.lang), fm)?;
    Ok(())
}

/// The recommendations for this portret.
pub fn recommendations_for(ctx: &ReportContext<'_>, facts: &Findings) -> Vec<recommend::Recommendation> {
    recommend::recommend(facts, ctx.lang)
}

fn recommendations(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, facts: &Findings) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Aanbevelingen", "Recommendations"))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.t("Aanbeveling", "Recommendation"),
        ctx.t("Toelichting", "Explanation"),
        ctx.t("Aanleiding", "Finding"),
        ctx.t("Bron", "Source"),
    ];
    let widths = [40.0, 80.0, 40.0, 36.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let recs = recommendations_for(ctx, facts);
    for (i, rec) in recs.iter().enumerate() {
        let r = 1 + i as u32;
        xlsx::text(ws, r, 0, &rec.title, &fm.wrap)?;
        xlsx::text(ws, r, 1, &rec.text, &fm.wrap)?;
        xlsx::text(ws, r, 2, &rec.finding, &fm.wrap)?;
        xlsx::text(ws, r, 3, &rec.source, &fm.wrap)?;
        xlsx::fit_row(ws, r, &[(&rec.title, 40.0), (&rec.text, 80.0), (&rec.finding, 40.0), (&rec.source, 36.0)])?;
    }
    if recs.is_empty() {
        // No finding holds: said so, with the general advice, and no finding column.
        let (title, text, source) = recommend::nothing_holds(facts, ctx.lang);
        xlsx::text(ws, 1, 0, &title, &fm.wrap)?;
        xlsx::text(ws, 1, 1, &text, &fm.wrap)?;
        xlsx::text(ws, 1, 3, &source, &fm.wrap)?;
        xlsx::fit_row(ws, 1, &[(&title, 40.0), (&text, 80.0), (&source, 36.0)])?;
    }
    Ok(())
}
