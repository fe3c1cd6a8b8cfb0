//! The chart pack for the ministry: one file per chart, each behind [`Chart`] (its
//! size, its drawing, its source table, its text alternative), drawn whole on a
//! [`Canvas`] inside the shared [`canvas::frame`], and written as PNG, SVG (with
//! `<title>` and `<desc>`) and a tidy CSV of exactly the plotted values. `index.csv`
//! and `index.html` list every chart with its title, alt text and long description
//! (WCAG 2.1 text alternatives).
//!
//! A new chart is a new file with a type that implements [`Chart`], and a line in
//! [`write_pack`].

pub mod benchmark;
pub mod canvas;
pub mod distribution;
pub mod frame;
pub mod items;
pub mod line_comparison;
pub mod png;
pub mod text;
pub mod trend;

use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::ChartFormat;
use crate::framework::Area;
use crate::lang::Lang;
use crate::report::tables::two_decimals;
use crate::report::words::Word;
use crate::report::{Output, ReportContext};
use crate::score::Scope;
pub use canvas::{Canvas, PALETTE};

/// A chart: what it draws, the values it plots, and what it says in words.
pub trait Chart: Sync {
    /// Width and height in pixels.
    fn size(&self) -> (u32, u32);
    /// Draws the whole chart.
    fn draw(&self, c: &mut Canvas);
    /// The plotted values, one row each.
    fn rows(&self) -> Vec<Row>;
    /// Title, alt text and long description.
    fn meta(&self) -> Meta;
}

/// What a chart says in words: its title, a short alt text, and a long description
/// with the numbers (WCAG 2.1 text alternatives).
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub year: Option<u16>,
    pub alt: String,
    pub description: String,
}

/// One plotted value of a chart's source table: tidy, with its year, line, area, item
/// and n in their own columns.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    pub year: u16,
    pub line: Option<u8>,
    pub area: &'static str,
    pub item: String,
    /// What the value is: `sector`, `own`, `p25`, `median`, `p75`, `institution`,
    /// `previous_year`.
    pub series: &'static str,
    #[serde(serialize_with = "two_decimals")]
    pub value: Option<f64>,
    pub n: Option<u64>,
    #[serde(serialize_with = "two_decimals")]
    pub ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    pub ci_high: Option<f64>,
    /// Why a value is absent (`<5`, `afgeschermd`, …).
    pub note: String,
}

/// The line of the index (`charts/index.csv`).
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub file: String,
    pub title: String,
    pub year: Option<u16>,
    pub alt: String,
    pub description: String,
}

/// The categories of the comparison charts: the four areas and the whole line.
pub fn area_scopes() -> Vec<Scope> {
    Area::ALL.into_iter().map(Scope::area).chain([Scope::LINE]).collect()
}

pub fn scope_name(ctx: &ReportContext<'_>, s: Scope) -> String {
    s.area.map_or(ctx.w(Word::Total).to_string(), |a| a.label(ctx.lang).to_string())
}

/// "Bron: lobmonitor, zelfevaluatie tegen het Raamwerk LOB (raamwerk-2017)".
pub fn source_line(ctx: &ReportContext<'_>) -> String {
    format!("{}: lobmonitor, {} ({})", ctx.w(Word::Source), ctx.w(Word::SelfAssessment), ctx.editions_text(),)
}

/// A score as words say it: "62" (no decimals: charts round).
pub fn say(v: f64) -> String {
    format!("{v:.0}")
}

/// Writes one chart as `dir/stem.{png,svg,csv}`; `rel` is `dir` relative to the output.
pub fn write_chart(
    lang: Lang,
    chart: &dyn Chart,
    dir: &Path,
    stem: &str,
    rel: &str,
    formats: &[ChartFormat],
) -> Result<(Vec<Output>, IndexEntry)> {
    let (w, h) = chart.size();
    let mut canvas = Canvas::new(w, h);
    chart.draw(&mut canvas);
    let meta = chart.meta();
    let mut out = Vec::new();
    let mut shown_file = format!("{rel}{stem}.csv");
    if formats.contains(&ChartFormat::Svg) {
        let desc = format!("{} {}", meta.alt, meta.description);
        crate::report::write_file(lang, dir.join(format!("{stem}.svg")), canvas.svg(&meta.title, &desc))?;
        out.push(Output { path: format!("{rel}{stem}.svg"), kind: "chart" });
        shown_file = format!("{rel}{stem}.svg");
    }
    if formats.contains(&ChartFormat::Png) {
        crate::report::write_file(lang, dir.join(format!("{stem}.png")), canvas.png()?)?;
        out.push(Output { path: format!("{rel}{stem}.png"), kind: "chart" });
        shown_file = format!("{rel}{stem}.png");
    }
    let mut w = crate::report::csv_writer::CsvWriter::new(Vec::new());
    for r in chart.rows() {
        w.serialize(r)?;
    }
    crate::report::write_file(lang, dir.join(format!("{stem}.csv")), w.into_inner()?)?;
    out.push(Output { path: format!("{rel}{stem}.csv"), kind: "chart_table" });
    let entry = IndexEntry {
        file: shown_file,
        title: meta.title,
        year: meta.year,
        alt: meta.alt,
        description: meta.description,
    };
    Ok((out, entry))
}

/// The chart pack: per year the line comparison, the distribution of institutions and
/// the items of each line; the trend over the years; and each institution's benchmark
/// per year under its public name (pseudonym unless it opted in). Then the index.
pub fn write_pack(ctx: &ReportContext<'_>, dir: &Path, formats: &[ChartFormat]) -> Result<Vec<Output>> {
    crate::report::create_dir(ctx.lang, dir)?;
    let bdir = dir.join("benchmark");
    crate::report::create_dir(ctx.lang, &bdir)?;
    let mut jobs: Vec<(Box<dyn Chart>, &Path, String, &str)> = Vec::new();
    for &year in &ctx.scores.years {
        let y = year;
        jobs.push((
            Box::new(line_comparison::LineComparison::new(ctx, y)),
            dir,
            format!("{}-{y}", ctx.w(Word::StemLineComparison)),
            "charts/",
        ));
        jobs.push((
            Box::new(distribution::Distribution::new(ctx, y)),
            dir,
            format!("{}-{y}", ctx.w(Word::StemDistribution)),
            "charts/",
        ));
        for line in crate::framework::Line::ALL {
            let stem = format!("{}-{}-{y}", ctx.w(Word::StemItemsLine), line.number());
            jobs.push((Box::new(items::Items::new(ctx, line, y)), dir, stem, "charts/"));
        }
    }
    jobs.push((Box::new(trend::Trend::new(ctx)), dir, ctx.w(Word::StemTrend).to_string(), "charts/"));
    for (inst, year) in ctx.scores.institution_years() {
        let stem = format!("{}-{year}", ctx.public_slug(&inst));
        jobs.push((
            Box::new(benchmark::Benchmark::new(ctx, &inst, &ctx.public_name(&inst), year)),
            &bdir,
            stem,
            "charts/benchmark/",
        ));
    }
    ctx.progress.stage(ctx.w(Word::StageCharts), jobs.len() as u64);
    let done: Vec<Result<(Vec<Output>, IndexEntry)>> = jobs
        .par_iter()
        .map(|(chart, d, stem, rel)| {
            let r = write_chart(ctx.lang, chart.as_ref(), d, stem, rel, formats);
            ctx.progress.tick();
            r
        })
        .collect();
    let mut out = Vec::new();
    let mut index = Vec::new();
    for d in done {
        let (o, e) = d?;
        out.extend(o);
        index.push(e);
    }
    out.extend(write_index(ctx, dir, &index)?);
    Ok(out)
}

/// `index.csv` and `index.html`: every chart with its title, year, alt text and long
/// description; the page shows each chart with its text alternative.
fn write_index(ctx: &ReportContext<'_>, dir: &Path, index: &[IndexEntry]) -> Result<Vec<Output>> {
    let mut w = crate::report::csv_writer::CsvWriter::new(Vec::new());
    for e in index {
        w.serialize(IndexEntry { file: e.file.trim_start_matches("charts/").to_string(), ..e.clone() })?;
    }
    crate::report::write_file(ctx.lang, dir.join("index.csv"), w.into_inner()?)?;
    let html = crate::report::html::chart_index(ctx, index, ctx.cfg.wants(crate::config::OutputKind::Html));
    crate::report::write_file(ctx.lang, dir.join("index.html"), html)?;
    Ok(vec![
        Output { path: "charts/index.csv".into(), kind: "chart_index" },
        Output { path: "charts/index.html".into(), kind: "chart_index" },
    ])
}
