//! The sector workbook's Overzicht sheet: every pooled sector figure (year × line ×
//! scope) with its interval and distribution; beside it the latest year's line
//! comparison and spread of institutions, each with its native chart.

use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartType, Workbook};

use crate::framework::Line;
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;

use super::model::{Pooled, PooledRow, SectorReport};

/// A pooled cell's figures, the seven columns Overzicht and Peergroepen share: n, score
/// and its interval (or, in the score's column, the mark of why it is hidden), and the
/// quartiles over the institutions shown.
pub(super) fn pooled_values<'f>(r: &PooledRow, fm: &'f Formats) -> [Value<'f>; 7] {
    let num = |v: f64| Value::Number(v, &fm.score);
    let (n, score, lo, hi) = match &r.figure {
        Pooled::Hidden { mark, .. } => (Value::Empty, Value::text(mark, &fm.hidden), Value::Empty, Value::Empty),
        Pooled::Shown { n, mean, ci } => {
            let (lo, hi) = ci.map_or((Value::Empty, Value::Empty), |(lo, hi)| (num(lo), num(hi)));
            (Value::Number(*n as f64, &fm.int), num(*mean), lo, hi)
        }
        Pooled::Empty => (Value::Empty, Value::Empty, Value::Empty, Value::Empty),
    };
    let (p25, median, p75) =
        r.quartiles.map_or((Value::Empty, Value::Empty, Value::Empty), |q| (num(q.p25), num(q.median), num(q.p75)));
    [n, score, lo, hi, p25, median, p75]
}

/// A figure of the line comparison: the score, the mark of why it is hidden, or nothing.
fn figure<'f>(p: &Pooled, fm: &'f Formats) -> Value<'f> {
    match p {
        Pooled::Hidden { mark, .. } => Value::text(mark, &fm.hidden),
        Pooled::Shown { mean, .. } => Value::Number(*mean, &fm.score),
        Pooled::Empty => Value::Empty,
    }
}

/// Where Overzicht's side blocks stand: the latest year's line comparison from row 0,
/// the spread of institutions from [`SPREAD_ROW`], both from this column on (right of
/// the main table and a blank column).
const SIDE_COL: u16 = 14;
/// The first row of the spread-of-institutions block (under the line comparison's chart).
const SPREAD_ROW: u32 = 32;

pub(super) fn overzicht(
    ctx: &ReportContext<'_>,
    model: &SectorReport<'_>,
    wb: &mut Workbook,
    fm: &Formats,
) -> Result<()> {
    let sheet = ctx.w(Word::SectorOverview).to_string();
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.w(Word::SectorYear),
        ctx.w(Word::Line),
        ctx.w(Word::Area),
        ctx.w(Word::SectorKind),
        "n",
        "Score",
        ctx.w(Word::SectorInterval95Low),
        ctx.w(Word::SectorInterval95High),
        "P25",
        ctx.w(Word::Median),
        "P75",
        ctx.w(Word::Institutions),
        ctx.w(Word::SectorInstitutionsShownOver),
    ];
    xlsx::header(ws, 0, &heads, &[7.0, 10.0, 26.0, 16.0, 7.0, 8.0, 8.0, 8.0, 7.0, 9.0, 7.0, 12.0, 14.0], fm)?;
    let mut r = 1;
    for s in &model.overview {
        let mut cells = vec![
            Value::Number(s.year as f64, &fm.year),
            Value::text(s.line.label(ctx.lang), &fm.text),
            Value::text(s.scope.area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)), &fm.text),
            Value::text(s.scope.kind.map_or(ctx.w(Word::SectorAll), |k| k.label(ctx.lang)), &fm.text),
        ];
        cells.extend(pooled_values(s, fm));
        cells.push(Value::Number(s.institutions as f64, &fm.int));
        // No "shown" count beside a row withheld for too few institutions: nothing of
        // it is shown (the reason stands in the score column).
        cells.push(s.shown.map_or(Value::Empty, |n| Value::Number(n as f64, &fm.int)));
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, heads.len() as u16)?;
    xlsx::note(ws, r + 1, heads.len() as u16, 110.0, ctx.w(Word::SectorOverviewNote), fm)?;

    // The headline matrix for the latest year, and its native chart.
    let Some(year) = model.latest else { return Ok(()) };
    let c0 = SIDE_COL;
    ws.set_column_width(c0, 26)?;
    let mut head = vec![Value::text(format!("{} {}", ctx.w(Word::SectorLineComparison), year), &fm.header)];
    head.extend(Line::ALL.iter().map(|l| Value::text(l.label(ctx.lang), &fm.header)));
    xlsx::row_from(ws, 0, c0, &head)?;
    for j in 0..Line::ALL.len() as u16 {
        ws.set_column_width(c0 + 1 + j, 10)?;
    }
    for (i, row) in model.comparison.iter().enumerate() {
        let mut cells = vec![Value::text(row.scope.area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)), &fm.text)];
        cells.extend(row.lines.iter().map(|p| figure(p, fm)));
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
    chart.title().set_name(&format!("{} {}", ctx.w(Word::SectorComparisonChartTitle), year));
    chart.y_axis().set_name(ctx.w(Word::ScoreAxis)).set_min(0).set_max(100);
    chart.set_width(720).set_height(420);
    ws.insert_chart(8, c0, &chart)?;

    // The institution distribution: P25, median and P75 of the institutions' line
    // scores, drawn as floating columns from P25 to P75 (an invisible column up to P25
    // with the range stacked on it) and the median as a marker: a chart that Excel and
    // LibreOffice draw alike.
    let d0 = SPREAD_ROW;
    let dh = [
        format!("{} {}", ctx.w(Word::SectorSpreadInstitutions), year),
        "P25".into(),
        ctx.w(Word::Median).into(),
        "P75".into(),
        ctx.w(Word::SectorRangeForChart).into(),
        ctx.w(Word::SectorOverHowManyInstitutions).into(),
    ];
    let heads: Vec<Value> = dh.iter().map(|h| Value::text(h, &fm.header)).collect();
    xlsx::row_from(ws, d0, c0, &heads)?;
    ws.set_column_width(c0 + 4, 14)?;
    ws.set_column_width(c0 + 5, 60)?;
    xlsx::fit_row(ws, d0, &[(&dh[0], 24.0), (&dh[4], 12.0)])?;
    for (i, spread) in model.spread.iter().enumerate() {
        let row = d0 + 1 + i as u32;
        let mut cells = vec![Value::text(spread.line.label(ctx.lang), &fm.text)];
        if let Some(crate::score::Quartiles { p25: a, median: m, p75: b }) = spread.quartiles {
            cells.extend([a, m, b, b - a].map(|v| Value::Number(v, &fm.score)));
        }
        xlsx::row_from(ws, row, c0, &cells)?;
        // Over how many institutions, and why not the others (or why no distribution).
        if let Some(over) = &spread.over {
            xlsx::text(ws, row, c0 + 5, over, &fm.wrap)?;
            xlsx::fit_row(ws, row, &[(over, 60.0)])?;
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
        .set_name(ctx.w(Word::SectorMiddleHalf))
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
        .set_name(ctx.w(Word::Median))
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
    dist.title().set_name(&format!("{} {}", ctx.w(Word::DistributionTitle), year));
    dist.y_axis().set_name(ctx.w(Word::ScoreAxis)).set_min(0).set_max(100);
    dist.set_width(720).set_height(380);
    ws.insert_chart(d0 + 5, c0, &dist)?;
    Ok(())
}
