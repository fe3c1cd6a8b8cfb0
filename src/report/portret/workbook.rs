//! The portret as a workbook: lays out a [`Portret`] on sheets — Portret (page 1: the
//! sentences, how to read it, the table with its notes, a native chart), Ontwikkeling
//! (the own series), Hoog en laag (items), Teams en locaties, Aanbevelingen,
//! Toelichting. It chooses nothing: every row and text comes from the model.

use std::path::Path;

use anyhow::Result;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartLine, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType,
    Workbook, Worksheet,
};

use super::model::{Advice, Figure, PeerPosition, Portret, Verdict};
use crate::framework::Area;
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::{Band, Versus};

/// Writes the portret's workbook.
pub fn write(ctx: &ReportContext<'_>, p: &Portret, path: &Path) -> Result<()> {
    let fm = Formats::shared();
    let mut wb = xlsx::workbook(ctx, &p.title)?;
    page_one(ctx, &mut wb, fm, p)?;
    series(ctx, &mut wb, fm, p)?;
    items(ctx, &mut wb, fm, p)?;
    teams(ctx, &mut wb, fm, p)?;
    advice(ctx, &mut wb, fm, p)?;
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::NotesSheet))?;
    xlsx::print_setup(ws, None)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 100)?;
    for (r, (k, v)) in p.method.iter().enumerate() {
        xlsx::row(ws, r as u32, &[Value::text(k, &fm.wrap), Value::text(v, &fm.wrap)])?;
        xlsx::fit_row(ws, r as u32, &[(k, 26.0), (v, 100.0)])?;
    }
    // Assembled in memory and written with one call: `save(path)` writes the zip
    // unbuffered, ~170 small writes per portret (BENCHMARKS.md).
    crate::report::write_file(ctx.lang, path, wb.save_to_buffer()?)?;
    Ok(())
}

/// A figure in a cell: the score as a number, or its mark.
fn figure<'f>(f: &Figure, fm: &'f Formats) -> Value<'f> {
    match f {
        Figure::Score(v) => Value::Number(*v, &fm.score),
        Figure::Hidden(mark) => Value::text(mark, &fm.hidden),
        Figure::Empty => Value::Empty,
    }
}

/// Page 1's columns, in order: own figures; position among the institutions (quartiles,
/// over how many, the band) and in the peer group; difference from the sector's staff
/// (their mean, the test); change.
#[derive(Clone, Copy)]
enum Col {
    Line,
    Area,
    N,
    Own,
    P25,
    Median,
    P75,
    Institutions,
    Position,
    Peer,
    Rest,
    Versus,
    Change,
    Since,
    Then,
    Interval,
    Significant,
}

impl Col {
    const ALL: [Col; 17] = [
        Col::Line,
        Col::Area,
        Col::N,
        Col::Own,
        Col::P25,
        Col::Median,
        Col::P75,
        Col::Institutions,
        Col::Position,
        Col::Peer,
        Col::Rest,
        Col::Versus,
        Col::Change,
        Col::Since,
        Col::Then,
        Col::Interval,
        Col::Significant,
    ];

    fn index(self) -> u16 {
        self as u16
    }

    /// Its header and width (characters).
    fn head(self, ctx: &ReportContext<'_>) -> (&'static str, f64) {
        match self {
            Col::Line => (ctx.w(Word::Line), 10.0),
            Col::Area => (ctx.w(Word::Area), 26.0),
            Col::N => ("n", 6.0),
            Col::Own => (ctx.w(Word::OwnScore), 9.0),
            Col::P25 => (ctx.w(Word::SectorP25), 9.0),
            Col::Median => (ctx.w(Word::SectorMedian), 9.0),
            Col::P75 => (ctx.w(Word::SectorP75), 9.0),
            Col::Institutions => (ctx.w(Word::InstitutionsShown), 11.0),
            Col::Position => (ctx.w(Word::PositionAmongInstitutions), 22.0),
            Col::Peer => (ctx.w(Word::PositionInPeer), 20.0),
            Col::Rest => (ctx.w(Word::StaffOtherInstitutions), 13.0),
            Col::Versus => (ctx.w(Word::DifferenceFromSector), 19.0),
            Col::Change => (ctx.w(Word::Change), 11.0),
            Col::Since => (ctx.w(Word::Since), 7.0),
            Col::Then => (ctx.w(Word::Then), 9.0),
            Col::Interval => (ctx.w(Word::ChangeInterval), 18.0),
            Col::Significant => (ctx.w(Word::ChangeBeyondChance), 13.0),
        }
    }
}

fn page_one(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, p: &Portret) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::PortretSheet))?;
    xlsx::print_setup(ws, None)?;
    // Page 1 is one page: the words, the table and the chart together.
    ws.set_print_fit_to_pages(1, 1);
    let heads: Vec<(&str, f64)> = Col::ALL.iter().map(|c| c.head(ctx)).collect();
    let widths: Vec<f64> = heads.iter().map(|h| h.1).collect();
    let cols = widths.len() as u16;
    let page_width: f64 = widths.iter().sum();
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    xlsx::text(ws, 0, 0, &p.title, &fm.title)?;
    xlsx::text(ws, 1, 0, &p.subtitle, &fm.subtitle)?;
    if let Some(warning) = p.warning {
        xlsx::text(ws, 2, 0, warning, &fm.below)?;
    }
    // Where it stands, in words.
    let mut r = 3;
    for sentence in p.sentences() {
        ws.merge_range(r, 0, r, cols - 1, sentence, &fm.lead)?;
        ws.set_row_height(r, 16.5 * xlsx::wrapped_lines(sentence, page_width * 0.85) as f64)?;
        r += 1;
    }
    r += 1;
    // How to read it.
    let how = p.how_to_read.join("\n");
    ws.merge_range(r, 0, r, cols - 1, &how, &fm.boxed)?;
    ws.set_row_height(r, 15.0 * xlsx::wrapped_lines(&how, page_width * 0.95) as f64)?;
    r += 1;
    xlsx::note(ws, r, cols, page_width, &p.glossary, fm)?;
    r += 2;
    let names: Vec<&str> = heads.iter().map(|h| h.0).collect();
    xlsx::header_in_page(ws, r, &names, &widths, fm)?;
    r += 1;
    let mut line_rows = Vec::new();
    for s in &p.standing {
        if s.is_total() {
            line_rows.push((s, r));
        }
        let strong = if s.is_total() { &fm.bold } else { &fm.text };
        let (p25, median, p75) = match s.quartiles {
            Some((a, m, b)) => (Value::Number(a, &fm.score), Value::Number(m, &fm.score), Value::Number(b, &fm.score)),
            None => (Value::Empty, Value::Empty, Value::Empty),
        };
        let position = match &s.position {
            Some((band, words)) => Value::text(
                words,
                match band {
                    Band::HighestQuarter => &fm.above,
                    Band::LowestQuarter => &fm.below,
                    Band::MiddleHalf => &fm.center,
                },
            ),
            None => Value::Empty,
        };
        let versus = match &s.versus {
            Verdict::Tested(v, words) => Value::text(
                *words,
                match v {
                    Versus::Above => &fm.above,
                    Versus::Within => &fm.center,
                    Versus::Below => &fm.below,
                },
            ),
            Verdict::Withheld(mark) => Value::text(*mark, &fm.hidden),
            Verdict::None => Value::Empty,
        };
        let change = match &s.change {
            Some(c) => [
                Value::Number(crate::report::findings::unsigned_zero(c.change), &fm.signed),
                Value::Number(c.since as f64, &fm.year),
                Value::Number(c.then, &fm.score),
                Value::text(&c.interval, &fm.center),
                Value::text(c.significance, &fm.center),
            ],
            None => [Value::Empty, Value::Empty, Value::Empty, Value::Empty, Value::Empty],
        };
        let mut cells = vec![
            Value::text(&s.line_label, strong),
            Value::text(&s.area_label, strong),
            s.n.map_or(Value::Empty, |n| Value::Number(n as f64, &fm.int)),
            figure(&s.own, fm),
            p25,
            median,
            p75,
            if s.institutions.is_empty() { Value::Empty } else { Value::text(&s.institutions, &fm.center) },
            position,
            match &s.peer {
                Some(PeerPosition::Known(words)) => Value::text(words, &fm.center),
                Some(PeerPosition::NoPeerGroup(words)) => Value::text(*words, &fm.hidden),
                None => Value::Empty,
            },
            figure(&s.rest, fm),
            versus,
        ];
        cells.extend(change);
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    r += 1;
    // Over how many institutions each distribution was taken, and why not the others.
    xlsx::note(ws, r, cols, page_width, &p.distribution_notes.join(" "), fm)?;
    r += 2;
    if let Some(why) = p.protected_note {
        xlsx::note(ws, r, cols, page_width, why, fm)?;
        r += 2;
    }
    chart(ctx, ws, &line_rows, r)
}

/// A native chart of page 1's table: own scores per line as columns, the sector's
/// median as markers; on the same page, below the table.
fn chart(
    ctx: &ReportContext<'_>,
    ws: &mut Worksheet,
    line_rows: &[(&super::model::Standing, u32)],
    at: u32,
) -> Result<()> {
    let Some(&(_, first)) = line_rows.first() else { return Ok(()) };
    let sheet = ws.name();
    let areas = Area::ALL.len() as u32;
    let (label, own, median) = (Col::Area.index(), Col::Own.index(), Col::Median.index());
    let mut chart = Chart::new(ChartType::Column);
    let mut medians = Chart::new(ChartType::Line);
    for &(s, row) in line_rows {
        let color = xlsx::colour(crate::report::charts::PALETTE[s.line.number() as usize - 1]);
        chart
            .add_series()
            .set_name(s.line_label.as_str())
            .set_categories((sheet.as_str(), first, label, first + areas, label))
            .set_values((sheet.as_str(), row, own, row + areas, own))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)));
        medians
            .add_series()
            .set_name(format!("{} – {}", s.line_label, ctx.w(Word::SectorMedianLower)).as_str())
            .set_categories((sheet.as_str(), first, label, first + areas, label))
            .set_values((sheet.as_str(), row, median, row + areas, median))
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
    chart.title().set_name(ctx.w(Word::ChartTitle));
    chart.y_axis().set_min(0).set_max(100).set_name(ctx.w(Word::ScoreAxis));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(900).set_height(380);
    ws.insert_chart(at, 1, &chart)?;
    Ok(())
}

/// The own series, every year it took part (the PDF shows the last five).
fn series(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, p: &Portret) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SeriesSheet))?;
    xlsx::print_setup(ws, Some(0))?;
    let mut heads: Vec<String> = vec![ctx.w(Word::Line).into(), ctx.w(Word::Area).into()];
    heads.extend(p.series.years.iter().map(|y| y.to_string()));
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut widths = vec![10.0, 26.0];
    widths.extend(p.series.years.iter().map(|_| 10.0));
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for row in &p.series.rows {
        let mut cells = vec![Value::text(&row.line_label, &fm.text), Value::text(&row.area_label, &fm.text)];
        cells.extend(row.values.iter().map(|v| figure(v, fm)));
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    r += 1;
    let width = widths.iter().sum::<f64>().max(56.0);
    xlsx::note(ws, r, refs.len().max(4) as u16, width, &p.series.editions_note, fm)?;
    Ok(())
}

/// Its highest and lowest own item scores, with their n and the sector's.
fn items(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, p: &Portret) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::ItemsSheet))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [ctx.w(Word::Line), "", "Item", ctx.w(Word::Text), "n", ctx.w(Word::OwnScore), ctx.w(Word::Sector)];
    xlsx::header(ws, 0, &heads, &[10.0, 12.0, 11.0, 90.0, 6.0, 11.0, 9.0], fm)?;
    let mut r = 1;
    for it in &p.items {
        xlsx::row(
            ws,
            r,
            &[
                Value::text(&it.line_label, &fm.text),
                Value::text(it.which, &fm.text),
                Value::text(&it.id, &fm.text),
                Value::text(&it.text, &fm.wrap),
                Value::Number(it.n as f64, &fm.int),
                Value::Number(it.own, &fm.score),
                it.sector.map_or(Value::Empty, |s| Value::Number(s, &fm.score)),
            ],
        )?;
        xlsx::fit_row(ws, r, &[(&it.text, 90.0)])?;
        r += 1;
    }
    xlsx::filter(ws, 0, r.saturating_sub(1).max(1), heads.len() as u16)?;
    for (k, note) in p.items_notes.iter().enumerate() {
        xlsx::note(ws, r + 1 + k as u32, heads.len() as u16, 149.0, note, fm)?;
    }
    Ok(())
}

/// Line × area per team and per location (only where the input names them).
fn teams(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, p: &Portret) -> Result<()> {
    let Some(teams) = &p.teams else { return Ok(()) };
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::TeamsAndLocations))?;
    xlsx::print_setup(ws, Some(0))?;
    let mut heads: Vec<&str> =
        vec![ctx.w(Word::Grouping), ctx.w(Word::Name), ctx.w(Word::Line), "n", ctx.w(Word::Total)];
    heads.extend(Area::ALL.iter().map(|a| a.label(ctx.lang)));
    let names = xlsx::width_for(teams.rows.iter().map(|t| t.name.as_str()), 16.0, 40.0);
    let widths = [14.0, names, 10.0, 6.0, 9.0, 13.0, 15.0, 13.0, 13.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for t in &teams.rows {
        let mut cells = vec![
            Value::text(t.grouping, &fm.text),
            Value::text(&t.name, &fm.text),
            Value::text(&t.line_label, &fm.text),
            t.n.map_or(Value::Empty, |n| Value::Number(n as f64, &fm.int)),
        ];
        cells.extend(t.values.iter().map(|v| figure(v, fm)));
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, heads.len() as u16)?;
    let width: f64 = widths.iter().sum();
    xlsx::note(ws, r + 1, heads.len() as u16, width, teams.intro, fm)?;
    xlsx::note(ws, r + 2, heads.len() as u16, width, &teams.note, fm)?;
    Ok(())
}

/// The recommendations, each with the finding that triggered it and its source; or
/// that no finding holds, with the general advice (and no finding column).
fn advice(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats, p: &Portret) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::Recommendations))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [ctx.w(Word::Recommendation), ctx.w(Word::ExplanationHead), ctx.w(Word::Finding), ctx.w(Word::Source)];
    let widths = [40.0, 80.0, 40.0, 36.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let rows: Vec<[&str; 4]> = match &p.advice {
        Advice::Recommendations(recs) => {
            recs.iter().map(|r| [r.title.as_str(), r.text.as_str(), r.finding.as_str(), r.source.as_str()]).collect()
        }
        Advice::NothingHolds { title, text, source } => vec![[title.as_str(), text.as_str(), "", source.as_str()]],
    };
    for (i, cells) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        let values: Vec<Value> =
            cells.iter().map(|c| if c.is_empty() { Value::Empty } else { Value::text(*c, &fm.wrap) }).collect();
        xlsx::row(ws, r, &values)?;
        let fit: Vec<(&str, f64)> =
            cells.iter().zip(widths).filter(|(c, _)| !c.is_empty()).map(|(c, w)| (*c, w)).collect();
        xlsx::fit_row(ws, r, &fit)?;
    }
    Ok(())
}
