//! The sector workbook's Overzicht sheet: every pooled sector figure (year × line ×
//! scope) with its interval and distribution; beside it the latest year's line
//! comparison and spread of institutions, each with its native chart.

use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartType, Workbook};

use crate::framework::{Area, Line};
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::{Scope, Why};

/// A pooled cell's figures, the seven columns Overzicht and Peergroepen share: n, score
/// and its interval (or, in the score's column, the mark of why it is hidden), and the
/// quartiles over the institutions shown.
pub(super) fn pooled_values<'f>(
    ctx: &ReportContext<'_>,
    s: &crate::score::SectorScore,
    fm: &'f Formats,
) -> [Value<'f>; 7] {
    let num = |v: f64| Value::Number(v, &fm.score);
    let (n, score, lo, hi) = match (s.hidden(), s.shown()) {
        (Some(why), _) => (Value::Empty, Value::text(ctx.mark(why), &fm.hidden), Value::Empty, Value::Empty),
        (None, Some(st)) => {
            let (lo, hi) = st.ci().map_or((Value::Empty, Value::Empty), |(lo, hi)| (num(lo), num(hi)));
            (Value::Number(st.n as f64, &fm.int), num(st.mean), lo, hi)
        }
        (None, None) => (Value::Empty, Value::Empty, Value::Empty, Value::Empty),
    };
    let (p25, median, p75) =
        s.quartiles.map_or((Value::Empty, Value::Empty, Value::Empty), |q| (num(q.p25), num(q.median), num(q.p75)));
    [n, score, lo, hi, p25, median, p75]
}

/// Where Overzicht's side blocks stand: the latest year's line comparison from row 0,
/// the spread of institutions from [`SPREAD_ROW`], both from this column on (right of
/// the main table and a blank column).
const SIDE_COL: u16 = 14;
/// The first row of the spread-of-institutions block (under the line comparison's chart).
const SPREAD_ROW: u32 = 32;

pub(super) fn overzicht(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let sheet = ctx.t("Overzicht", "Overview").to_string();
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.t("Jaar", "Year"),
        ctx.t("Lijn", "Line"),
        ctx.t("Aandachtsgebied", "Area"),
        ctx.t("Soort", "Kind"),
        "n",
        "Score",
        ctx.t("95%-interval laag", "95% interval low"),
        ctx.t("95%-interval hoog", "95% interval high"),
        "P25",
        ctx.t("Mediaan", "Median"),
        "P75",
        ctx.t("Instellingen", "Institutions"),
        ctx.t("Instellingen getoond (P25–P75 over)", "Institutions shown (P25–P75 over)"),
    ];
    xlsx::header(ws, 0, &heads, &[7.0, 10.0, 26.0, 16.0, 7.0, 8.0, 8.0, 8.0, 7.0, 9.0, 7.0, 12.0, 14.0], fm)?;
    let mut r = 1;
    for s in ctx.scores.sector.iter().filter(|s| s.peer == crate::score::PeerGroup::Whole) {
        let mut cells = vec![
            Value::Number(s.year as f64, &fm.year),
            Value::text(s.line.label(ctx.lang), &fm.text),
            Value::text(s.scope.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text),
            Value::text(s.scope.kind.map_or(ctx.t("Alle", "All"), |k| k.label(ctx.lang)), &fm.text),
        ];
        cells.extend(pooled_values(ctx, s, fm));
        cells.push(Value::Number(s.institutions as f64, &fm.int));
        // No "shown" count beside a row withheld for too few institutions: nothing of
        // it is shown (the reason stands in the score column).
        cells.push(if s.hidden() != Some(Why::FewInstitutions) {
            Value::Number(s.shown as f64, &fm.int)
        } else {
            Value::Empty
        });
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, heads.len() as u16)?;
    xlsx::note(
        ws,
        r + 1,
        heads.len() as u16,
        110.0,
        ctx.t(
            "P25, mediaan en P75 zijn genomen over de getoonde instellingen (kolom Instellingen getoond), van alle instellingen met respondenten (kolom Instellingen); de andere hebben te weinig respondenten (<5) of zijn afgeschermd om een kleine groep te beschermen. Waar minder dan het minimum aantal instellingen getoond wordt, of het sectorcijfer is afgeschermd, staat er geen verdeling; waar minder instellingen respondenten hebben dan het minimum, is er geen sectorcijfer (\"te weinig instellingen\") en blijft Instellingen getoond leeg.",
            "P25, median and P75 are taken over the institutions shown (column Institutions shown), of all institutions with respondents (column Institutions); the others have too few respondents (<5) or are protected to keep a small group from being worked back. Where fewer than the minimum number of institutions are shown, or the sector figure is protected, there is no distribution; where fewer institutions have respondents than the minimum, there is no sector figure (\"too few institutions\") and Institutions shown is empty.",
        ),
        fm,
    )?;

    // The headline matrix for the latest year, and its native chart.
    let Some(&year) = ctx.scores.years.last() else { return Ok(()) };
    let c0 = SIDE_COL;
    ws.set_column_width(c0, 26)?;
    let mut head = vec![Value::text(format!("{} {}", ctx.t("Lijnvergelijking", "Line comparison"), year), &fm.header)];
    head.extend(Line::ALL.iter().map(|l| Value::text(l.label(ctx.lang), &fm.header)));
    xlsx::row_from(ws, 0, c0, &head)?;
    for j in 0..Line::ALL.len() as u16 {
        ws.set_column_width(c0 + 1 + j, 10)?;
    }
    let scopes: Vec<Scope> = Area::ALL.into_iter().map(Scope::area).chain([Scope::LINE]).collect();
    for (i, sc) in scopes.iter().enumerate() {
        let mut cells = vec![Value::text(sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text)];
        for l in Line::ALL {
            let s = ctx.scores.sector(year, None, l, *sc);
            cells.push(match (s.and_then(|s| s.hidden()), s.and_then(|s| s.shown())) {
                (Some(why), _) => Value::text(ctx.mark(why), &fm.hidden),
                (None, Some(f)) => Value::Number(f.mean, &fm.score),
                (None, None) => Value::Empty,
            });
        }
        xlsx::row_from(ws, 1 + i as u32, c0, &cells)?;
    }
    let mut chart = Chart::new(ChartType::Column);
    for (j, l) in Line::ALL.iter().enumerate() {
        let col = c0 + 1 + j as u16;
        let name = l.label(ctx.lang);
        chart
            .add_series()
            .set_name(name.as_str())
            .set_categories((sheet.as_str(), 1, c0, 4, c0))
            .set_values((sheet.as_str(), 1, col, 4, col))
            .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                rust_xlsxwriter::ChartSolidFill::new().set_color(xlsx::colour(crate::report::charts::PALETTE[j])),
            ));
    }
    chart.title().set_name(&format!(
        "{} {}",
        ctx.t("Score per lijn en aandachtsgebied,", "Score by line and area,"),
        year
    ));
    chart.y_axis().set_name(ctx.t("Score (0–100)", "Score (0–100)")).set_min(0).set_max(100);
    chart.set_width(720).set_height(420);
    ws.insert_chart(8, c0, &chart)?;

    // The institution distribution: P25, median and P75 of the institutions' line
    // scores, drawn as floating columns from P25 to P75 (an invisible column up to P25
    // with the range stacked on it) and the median as a marker: a chart that Excel and
    // LibreOffice draw alike.
    let d0 = SPREAD_ROW;
    let dh = [
        format!("{} {}", ctx.t("Spreiding instellingen", "Spread of institutions"), year),
        "P25".into(),
        ctx.t("Mediaan", "Median").into(),
        "P75".into(),
        ctx.t("P75 − P25 (voor de grafiek)", "P75 − P25 (for the chart)").into(),
        ctx.t("Over hoeveel instellingen", "Over how many institutions").into(),
    ];
    let heads: Vec<Value> = dh.iter().map(|h| Value::text(h, &fm.header)).collect();
    xlsx::row_from(ws, d0, c0, &heads)?;
    ws.set_column_width(c0 + 4, 14)?;
    ws.set_column_width(c0 + 5, 60)?;
    xlsx::fit_row(ws, d0, &[(&dh[0], 24.0), (&dh[4], 12.0)])?;
    for (i, l) in Line::ALL.iter().enumerate() {
        let row = d0 + 1 + i as u32;
        let cell = ctx.scores.sector(year, None, *l, Scope::LINE);
        let mut cells = vec![Value::text(l.label(ctx.lang), &fm.text)];
        if let Some(crate::score::Quartiles { p25: a, median: m, p75: b }) = cell.and_then(|s| s.quartiles) {
            cells.extend([a, m, b, b - a].map(|v| Value::Number(v, &fm.score)));
        }
        xlsx::row_from(ws, row, c0, &cells)?;
        // Over how many institutions, and why not the others (or why no distribution).
        if let Some(s) = cell {
            let over = crate::report::findings::Over::of(s).sentence(
                ctx.privacy.min_institutions,
                ctx.privacy.min_group_size,
                ctx.lang,
            );
            xlsx::text(ws, row, c0 + 5, &over, &fm.wrap)?;
            xlsx::fit_row(ws, row, &[(&over, 60.0)])?;
        }
    }
    let cats = (sheet.as_str(), d0 + 1, c0, d0 + 3, c0);
    let mut dist = Chart::new(ChartType::ColumnStacked);
    dist.add_series()
        .set_name("P25")
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 1, d0 + 3, c0 + 1))
        .set_format(rust_xlsxwriter::ChartFormat::new().set_no_fill().set_no_border());
    dist.add_series()
        .set_name(
            ctx.t("P25 tot P75 (middelste helft van de instellingen)", "P25 to P75 (middle half of the institutions)"),
        )
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 4, d0 + 3, c0 + 4))
        .set_gap(120)
        .set_format(
            rust_xlsxwriter::ChartFormat::new()
                .set_solid_fill(
                    rust_xlsxwriter::ChartSolidFill::new()
                        .set_color(xlsx::colour(crate::report::charts::PALETTE[0]))
                        .set_transparency(45),
                )
                .set_border(
                    rust_xlsxwriter::ChartLine::new().set_color(xlsx::colour(crate::report::charts::PALETTE[0])),
                ),
        );
    let mut medians = Chart::new(ChartType::Line);
    medians
        .add_series()
        .set_name(ctx.t("Mediaan", "Median"))
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 2, d0 + 3, c0 + 2))
        .set_format(rust_xlsxwriter::ChartFormat::new().set_no_line())
        .set_marker(
            rust_xlsxwriter::ChartMarker::new()
                .set_type(rust_xlsxwriter::ChartMarkerType::Diamond)
                .set_size(10)
                .set_format(
                    rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                        rust_xlsxwriter::ChartSolidFill::new().set_color(rust_xlsxwriter::Color::Black),
                    ),
                ),
        );
    dist.combine(&medians);
    // The invisible base column has no place in the legend.
    dist.legend().delete_entries(&[0]).set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    dist.title().set_name(&format!(
        "{} {}",
        ctx.t("Spreiding van de instellingen per lijn,", "Spread of institutions by line,"),
        year
    ));
    dist.y_axis().set_name(ctx.t("Score (0–100)", "Score (0–100)")).set_min(0).set_max(100);
    dist.set_width(720).set_height(380);
    ws.insert_chart(d0 + 5, c0, &dist)?;
    Ok(())
}
