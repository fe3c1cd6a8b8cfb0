//! Charts for people and for the ministry pack: PNG (anti-aliased text, fast PNG
//! encoding), SVG, and beside each a CSV with exactly the plotted numbers.
//!
//! Bars are drawn on plotters' drawing area in pixel coordinates, so category labels,
//! whiskers, quartile boxes and the "<5" marks of suppressed groups sit exactly where
//! they belong. Colours are the Okabe–Ito palette (safe for colour-blind readers).

use std::path::Path;
use std::sync::Once;

use anyhow::{anyhow, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rayon::prelude::*;

use crate::config::ChartFormat;
use crate::framework::{Area, Line};
use crate::report::tables::{num, safe_text};
use crate::report::{Output, ReportContext};
use crate::score::Scope;
use crate::text::slug;

static FONT_REGULAR: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
static FONTS: Once = Once::new();

/// Registers the embedded font once per process: a fresh machine has no fonts.
fn fonts() {
    FONTS.call_once(|| {
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// Okabe–Ito: orange, sky blue, bluish green, (then) vermillion, blue, reddish purple.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(0, 114, 178),
    RGBColor(204, 121, 167),
];

pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 1000;

/// One series of bars, one value per category.
#[derive(Debug, Clone)]
pub struct BarSeries {
    pub name: String,
    pub color: RGBColor,
    pub values: Vec<Option<f64>>,
    /// 95 % confidence interval whiskers.
    pub whiskers: Vec<Option<(f64, f64)>>,
    /// A reference box behind the bar: (P25, median, P75) of the sector.
    pub reference: Vec<Option<(f64, f64, f64)>>,
    /// What to print where a value is absent (e.g. "<5").
    pub absent_mark: String,
}

/// A grouped bar chart on a 0–100 scale.
#[derive(Debug, Clone)]
pub struct BarChart {
    pub title: String,
    pub subtitle: String,
    pub y_label: String,
    pub categories: Vec<String>,
    pub series: Vec<BarSeries>,
    /// "Bron: …, n = …"
    pub source: String,
    /// A line under the source, e.g. what the boxes and marks mean.
    pub note: String,
}

const LEFT: i32 = 120;
const RIGHT: i32 = 50;
const TOP: i32 = 190;
const BOTTOM: i32 = 190;

fn y_px(v: f64, top: i32, bottom: i32) -> i32 {
    let v = v.clamp(0.0, 100.0);
    bottom - ((bottom - top) as f64 * v / 100.0).round() as i32
}

fn draw_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, c: &BarChart) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (x0, x1, y0, y1) = (LEFT, w - RIGHT, TOP, h - BOTTOM);
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let grey = RGBColor(110, 110, 110);
    area.draw(&Text::new(c.title.clone(), (x0 - 70, 30), font(40).style(FontStyle::Bold).color(&dark)))?;
    area.draw(&Text::new(c.subtitle.clone(), (x0 - 70, 84), font(26).color(&grey)))?;
    // Legend.
    let mut lx = x0 - 70;
    for s in &c.series {
        area.draw(&Rectangle::new([(lx, 136), (lx + 28, 164)], s.color.filled()))?;
        area.draw(&Text::new(s.name.clone(), (lx + 38, 136), font(26).color(&dark)))?;
        lx += 38 + (s.name.chars().count() as i32 * 15) + 50;
    }
    // Grid and y axis.
    for t in (0..=100).step_by(10) {
        let y = y_px(t as f64, y0, y1);
        let style = if t == 0 { dark.stroke_width(2) } else { RGBColor(225, 225, 225).stroke_width(1) };
        area.draw(&PathElement::new(vec![(x0, y), (x1, y)], style))?;
        area.draw(&Text::new(
            t.to_string(),
            (x0 - 12, y),
            font(24).color(&grey).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let ylab = font(26).color(&dark).transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(c.y_label.clone(), (20, (y0 + y1) / 2), ylab))?;
    // Bars.
    let ncat = c.categories.len().max(1) as i32;
    let nser = c.series.len().max(1) as i32;
    let gw = (x1 - x0) / ncat;
    let bw = (gw as f64 * 0.78 / nser as f64) as i32;
    for (ci, cat) in c.categories.iter().enumerate() {
        let gx = x0 + ci as i32 * gw;
        area.draw(&Text::new(
            cat.clone(),
            (gx + gw / 2, y1 + 16),
            font(26).color(&dark).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        for (si, s) in c.series.iter().enumerate() {
            let bx = gx + (gw as f64 * 0.11) as i32 + si as i32 * bw;
            let (bl, br) = (bx + 3, bx + bw - 3);
            let mid = (bl + br) / 2;
            if let Some(Some((p25, med, p75))) = s.reference.get(ci) {
                let (t, b) = (y_px(*p75, y0, y1), y_px(*p25, y0, y1));
                area.draw(&Rectangle::new([(bl - 2, t), (br + 2, b)], RGBColor(200, 200, 200).filled()))?;
                let m = y_px(*med, y0, y1);
                area.draw(&Rectangle::new([(bl - 6, m - 2), (br + 6, m + 2)], dark.filled()))?;
            }
            match s.values.get(ci).copied().flatten() {
                Some(v) => {
                    let top = y_px(v, y0, y1);
                    let inset = if s.reference.get(ci).is_some_and(|r| r.is_some()) { bw / 5 } else { 0 };
                    area.draw(&Rectangle::new([(bl + inset, top), (br - inset, y1)], s.color.filled()))?;
                    let mut label_y = top - 8;
                    if let Some(Some((lo, hi))) = s.whiskers.get(ci) {
                        let (yl, yh) = (y_px(*lo, y0, y1), y_px(*hi, y0, y1));
                        let st = dark.stroke_width(3);
                        area.draw(&PathElement::new(vec![(mid, yl), (mid, yh)], st))?;
                        area.draw(&PathElement::new(vec![(mid - 10, yl), (mid + 10, yl)], st))?;
                        area.draw(&PathElement::new(vec![(mid - 10, yh), (mid + 10, yh)], st))?;
                        label_y = label_y.min(yh - 8);
                    }
                    // A white plate keeps the label readable over boxes and grid lines.
                    let label = format!("{v:.0}");
                    let half = 7 * label.len() as i32 + 4;
                    area.draw(&Rectangle::new([(mid - half, label_y - 26), (mid + half, label_y + 1)], WHITE.filled()))?;
                    area.draw(&Text::new(label, (mid, label_y), font(22).color(&dark).pos(Pos::new(HPos::Center, VPos::Bottom))))?;
                }
                None => {
                    area.draw(&Text::new(
                        s.absent_mark.clone(),
                        (mid, y1 - 8),
                        font(22).color(&grey).pos(Pos::new(HPos::Center, VPos::Bottom)),
                    ))?;
                }
            }
        }
    }
    area.draw(&Text::new(c.source.clone(), (x0 - 70, h - 100), font(22).color(&grey)))?;
    area.draw(&Text::new(c.note.clone(), (x0 - 70, h - 64), font(22).color(&grey)))?;
    Ok(())
}

/// Renders a chart to PNG bytes (fast encoder) and an SVG string.
pub fn render(c: &BarChart, formats: &[ChartFormat]) -> Result<(Option<Vec<u8>>, Option<String>)> {
    fonts();
    let png = if formats.contains(&ChartFormat::Png) {
        let mut buf = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
            draw_bars(&root, c).map_err(|e| anyhow!("chart drawing failed: {e}"))?;
            root.present().map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        Some(encode_png(&buf, WIDTH, HEIGHT)?)
    } else {
        None
    };
    let svg = if formats.contains(&ChartFormat::Svg) {
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(&mut s, (WIDTH, HEIGHT)).into_drawing_area();
            draw_bars(&root, c).map_err(|e| anyhow!("chart drawing failed: {e}"))?;
            root.present().map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        Some(s)
    } else {
        None
    };
    Ok((png, svg))
}

pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(rgb.len() / 8);
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header()?;
        writer.write_image_data(rgb)?;
    }
    Ok(out)
}

/// The plotted numbers of a chart as CSV: category, series, value, whisker and box.
pub fn source_csv(c: &BarChart) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["category", "series", "value", "ci_low", "ci_high", "ref_p25", "ref_median", "ref_p75"])?;
    for (ci, cat) in c.categories.iter().enumerate() {
        for s in &c.series {
            let v = s.values.get(ci).copied().flatten();
            let wk = s.whiskers.get(ci).copied().flatten();
            let r = s.reference.get(ci).copied().flatten();
            let f = |x: Option<f64>| x.map(num).unwrap_or_default();
            w.write_record([
                safe_text(cat),
                safe_text(&s.name),
                f(v),
                f(wk.map(|x| x.0)),
                f(wk.map(|x| x.1)),
                f(r.map(|x| x.0)),
                f(r.map(|x| x.1)),
                f(r.map(|x| x.2)),
            ])?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// Categories of the comparison charts: the four areas and the whole line.
fn area_scopes() -> Vec<Scope> {
    Area::ALL.into_iter().map(Scope::area).chain([Scope::LINE]).collect()
}

fn area_names(ctx: &ReportContext<'_>) -> Vec<String> {
    Area::ALL.iter().map(|a| a.label(ctx.lang).to_string()).chain([ctx.t("Totaal", "Total").to_string()]).collect()
}

/// The sector's line comparison for one year: bars per line in each area, 95 % CI.
pub fn line_comparison(ctx: &ReportContext<'_>, year: u16) -> BarChart {
    let sc = ctx.scores;
    let mut total_n = 0;
    let series = Line::ALL
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let cells: Vec<_> = area_scopes()
                .into_iter()
                .map(|s| sc.sector(year, None, line, s).filter(|x| !x.suppressed))
                .collect();
            let n = sc.sector(year, None, line, Scope::LINE).filter(|x| !x.suppressed).map_or(0, |x| x.n);
            total_n += n;
            BarSeries {
                name: format!("{} (n = {})", line.label(ctx.lang), n),
                color: PALETTE[i],
                values: cells.iter().map(|c| c.and_then(|c| c.stat).map(|s| s.mean)).collect(),
                whiskers: cells.iter().map(|c| c.and_then(|c| c.stat).and_then(|s| s.ci)).collect(),
                reference: vec![None; 5],
                absent_mark: ctx.t("niet getoond", "not shown").into(),
            }
        })
        .collect();
    BarChart {
        title: ctx.t("Professionaliteit LOB per lijn en aandachtsgebied", "Career guidance professionalism by line and area").into(),
        subtitle: format!(
            "{} {} · {}",
            ctx.t("Sector,", "Sector,"),
            year,
            ctx.t("gemiddelde score met 95%-betrouwbaarheidsinterval", "mean score with 95% confidence interval")
        ),
        y_label: ctx.t("Score (0–100)", "Score (0–100)").into(),
        categories: area_names(ctx),
        series,
        source: format!(
            "{}: lobmonitor, {} ({}); n = {} {}",
            ctx.t("Bron", "Source"),
            ctx.t("zelfevaluatie tegen het Raamwerk LOB", "self-assessment against the LOB framework"),
            ctx.fw.edition,
            total_n,
            ctx.t("respondenten", "respondents")
        ),
        note: ctx
            .t(
                "Score = gemiddelde mate waarin de items van de eigen lijn gelden (ja = 100, grotendeels = 67, enigszins = 33, nee = 0).",
                "Score = mean degree to which the own line's items apply (yes = 100, largely = 67, somewhat = 33, no = 0).",
            )
            .into(),
    }
}

/// An institution's own line × area scores against the sector's quartiles.
pub fn benchmark(ctx: &ReportContext<'_>, institution: &str, shown_name: &str, year: u16) -> BarChart {
    let sc = ctx.scores;
    let mut total_n = 0;
    let series = Line::ALL
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let own: Vec<_> = area_scopes().into_iter().map(|s| sc.group(year, institution, line, s)).collect();
            let n = own.last().copied().flatten().filter(|g| !g.suppression.is_hidden()).map_or(0, |g| g.n);
            total_n += n;
            let name = if own.last().copied().flatten().is_some_and(|g| g.suppression.is_hidden()) || n == 0 {
                format!("{} ({})", line.label(ctx.lang), ctx.hidden_mark())
            } else {
                format!("{} (n = {})", line.label(ctx.lang), n)
            };
            BarSeries {
                name,
                color: PALETTE[i],
                values: own.iter().map(|g| g.and_then(|g| g.shown()).map(|s| s.mean)).collect(),
                whiskers: vec![None; 5],
                reference: area_scopes()
                    .into_iter()
                    .map(|s| sc.sector(year, None, line, s).and_then(|x| x.quartiles))
                    .collect(),
                absent_mark: ctx.hidden_mark(),
            }
        })
        .collect();
    BarChart {
        title: format!("{shown_name}: {}", ctx.t("eigen scores tegen de sector", "own scores against the sector")),
        subtitle: format!(
            "{year} · {}",
            ctx.t(
                "gekleurde balk = eigen score; grijs vlak = middelste helft van de instellingen (P25–P75), zwarte streep = mediaan",
                "coloured bar = own score; grey box = middle half of institutions (P25–P75), black bar = median"
            )
        ),
        y_label: ctx.t("Score (0–100)", "Score (0–100)").into(),
        categories: area_names(ctx),
        series,
        source: format!(
            "{}: lobmonitor, {} ({}); n = {} {}",
            ctx.t("Bron", "Source"),
            ctx.t("zelfevaluatie tegen het Raamwerk LOB", "self-assessment against the LOB framework"),
            ctx.fw.edition,
            total_n,
            ctx.t("respondenten", "respondents")
        ),
        note: format!(
            "{} {}",
            ctx.hidden_mark(),
            ctx.t(
                "= te weinig respondenten om te tonen (privacy); sectorverdeling alleen bij genoeg instellingen.",
                "= too few respondents to show (privacy); sector distribution only with enough institutions."
            )
        ),
    }
}

/// Writes a chart's PNG, SVG and CSV as `dir/stem.*`.
fn write_chart(c: &BarChart, dir: &Path, stem: &str, rel: &str, formats: &[ChartFormat]) -> Result<Vec<Output>> {
    let (png, svg) = render(c, formats)?;
    let mut out = Vec::new();
    if let Some(png) = png {
        std::fs::write(dir.join(format!("{stem}.png")), png)?;
        out.push(Output { path: format!("{rel}{stem}.png"), kind: "chart" });
    }
    if let Some(svg) = svg {
        std::fs::write(dir.join(format!("{stem}.svg")), svg)?;
        out.push(Output { path: format!("{rel}{stem}.svg"), kind: "chart" });
    }
    std::fs::write(dir.join(format!("{stem}.csv")), source_csv(c)?)?;
    out.push(Output { path: format!("{rel}{stem}.csv"), kind: "chart_table" });
    Ok(out)
}

/// The ministry chart pack: line comparison per year and a benchmark per institution
/// and year, under pseudonyms for institutions that did not opt in.
pub fn write_pack(ctx: &ReportContext<'_>, dir: &Path, formats: &[ChartFormat]) -> Result<Vec<Output>> {
    std::fs::create_dir_all(dir)?;
    let bdir = dir.join("benchmark");
    std::fs::create_dir_all(&bdir)?;
    let mut out = Vec::new();
    for &year in &ctx.scores.years {
        let stem = format!("{}-{year}", ctx.t("lijnvergelijking", "line-comparison"));
        out.extend(write_chart(&line_comparison(ctx, year), dir, &stem, "charts/", formats)?);
    }
    let pairs = ctx.scores.institution_years();
    let done: Vec<Result<Vec<Output>>> = pairs
        .par_iter()
        .map(|(inst, year)| {
            let name = ctx.public_name(inst);
            let stem = format!("{}-{year}", slug(&name));
            write_chart(&benchmark(ctx, inst, &name, *year), &bdir, &stem, "charts/benchmark/", formats)
        })
        .collect();
    for d in done {
        out.extend(d?);
    }
    Ok(out)
}
