//! Charts for people and for the ministry pack: PNG (anti-aliased text, fast PNG
//! encoding), SVG, and beside each a CSV with exactly the plotted numbers.
//!
//! Bars are drawn on plotters' drawing area in pixel coordinates, so category labels,
//! whiskers, quartile boxes and the "<5" marks of suppressed groups sit exactly where
//! they belong. Colours are the Okabe–Ito palette (safe for colour-blind readers).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, Once};

use anyhow::{anyhow, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rayon::prelude::*;

use crate::config::ChartFormat;
use crate::framework::{Area, Line};
use crate::report::glyphs::{self, TextCmd};
use crate::report::tables::{num, opt, safe_text};
use crate::report::{Output, ReportContext};
use crate::score::Scope;

pub(crate) static FONT_REGULAR: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
static FONTS: Once = Once::new();

/// Registers the embedded font once per process: a fresh machine has no fonts.
fn fonts() {
    FONTS.call_once(|| {
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
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

/// Paints the background white. A bitmap buffer starts white already (it is allocated
/// as 255s), and filling 1.6 million pixels one by one through plotters is a large share
/// of a chart's time, so a prefilled bitmap is left as it is.
fn clear<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    prefilled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if prefilled {
        Ok(())
    } else {
        area.fill(&WHITE)
    }
}

const LEFT: i32 = 120;
const RIGHT: i32 = 50;
const TOP: i32 = 190;
const BOTTOM: i32 = 190;

fn y_px(v: f64, top: i32, bottom: i32) -> i32 {
    let v = v.clamp(0.0, 100.0);
    bottom - ((bottom - top) as f64 * v / 100.0).round() as i32
}

/// Which part of a bar chart to draw. The benchmark chart is drawn 2,000 times in a
/// national run and most of it is the same for every institution of a year (grid,
/// axis, subtitle, category labels, the sector's quartile boxes): that part is drawn
/// once per year onto a template ([`BenchmarkTemplates`]) and each institution's own
/// part (legend with its n, bars, labels, source line) onto a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    All,
    Shared,
    Own,
}

fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &BarChart,
    prefilled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_bars_layer(area, c, prefilled, Layer::All, None)
}

/// A bar chart, or one layer of it. The shared layer and then the own layer give the
/// same pixels as the whole chart, because they do not overlap (unit test below).
fn draw_bars_layer<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &BarChart,
    prefilled: bool,
    layer: Layer,
    defer: Defer,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (shared, own) = (layer != Layer::Own, layer != Layer::Shared);
    let (x0, x1, y0, y1) =
        frame_layer(area, prefilled, &c.title, &c.subtitle, &c.y_label, &c.source, &c.note, layer, defer)?;
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let grey = RGBColor(110, 110, 110);
    if own {
        legend(area, c.series.iter().map(|s| (s.name.as_str(), s.color)), defer)?;
    }
    // Bars.
    let ncat = c.categories.len().max(1) as i32;
    let nser = c.series.len().max(1) as i32;
    let gw = (x1 - x0) / ncat;
    let bw = (gw as f64 * 0.78 / nser as f64) as i32;
    for (ci, cat) in c.categories.iter().enumerate() {
        let gx = x0 + ci as i32 * gw;
        if shared {
            area.draw(&Text::new(
                cat.clone(),
                (gx + gw / 2, y1 + 16),
                font(26).color(&dark).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
        for (si, s) in c.series.iter().enumerate() {
            let bx = gx + (gw as f64 * 0.11) as i32 + si as i32 * bw;
            let (bl, br) = (bx + 3, bx + bw - 3);
            let mid = (bl + br) / 2;
            if let Some(Some((p25, med, p75))) = s.reference.get(ci).filter(|_| shared) {
                let (t, b) = (y_px(*p75, y0, y1), y_px(*p25, y0, y1));
                area.draw(&Rectangle::new([(bl - 2, t), (br + 2, b)], RGBColor(200, 200, 200).filled()))?;
                let m = y_px(*med, y0, y1);
                // ±5 px beyond the bar: up to the neighbouring series' bar, not onto it, so
                // the layers do not overlap.
                area.draw(&Rectangle::new([(bl - 5, m - 2), (br + 5, m + 2)], dark.filled()))?;
            }
            if !own {
                continue;
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
                    area.draw(&Rectangle::new(
                        [(mid - half, label_y - 26), (mid + half, label_y + 1)],
                        WHITE.filled(),
                    ))?;
                    put_text(area, defer, &label, (mid, label_y), 22, dark, Pos::new(HPos::Center, VPos::Bottom))?;
                }
                None => {
                    put_text(
                        area,
                        defer,
                        &s.absent_mark,
                        (mid, y1 - 8),
                        22,
                        grey,
                        Pos::new(HPos::Center, VPos::Bottom),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Any chart lobmonitor draws.
#[derive(Debug, Clone)]
pub enum Figure {
    Bars(BarChart),
    Dots(DotChart),
    Trend(TrendChart),
    Heat(HeatMap),
}

impl Figure {
    fn size(&self) -> (u32, u32) {
        match self {
            Figure::Heat(h) => (WIDTH, h.height()),
            _ => (WIDTH, HEIGHT),
        }
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        prefilled: bool,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        match self {
            Figure::Bars(c) => draw_bars(area, c, prefilled),
            Figure::Dots(c) => draw_dots(area, c, prefilled),
            Figure::Trend(c) => draw_trend(area, c, prefilled),
            Figure::Heat(c) => draw_heat(area, c, prefilled),
        }
    }

    /// The plotted numbers, as CSV.
    pub fn csv(&self) -> Result<String> {
        match self {
            Figure::Bars(c) => source_csv(c),
            Figure::Dots(c) => c.csv(),
            Figure::Trend(c) => c.csv(),
            Figure::Heat(c) => c.csv(),
        }
    }
}

/// Where a layer's horizontal text goes: `None`, drawn by plotters in place; `Some`,
/// collected to be drawn onto the bitmap afterwards by [`glyphs`] (same pixels, each
/// glyph rasterised once). Only the benchmark chart's own layer defers its text: none
/// of its text overlaps a shape drawn after it.
type Defer<'x> = Option<&'x RefCell<Vec<TextCmd>>>;

fn put_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    defer: Defer,
    text: &str,
    pos: (i32, i32),
    size: u32,
    color: RGBColor,
    anchor: Pos,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match defer {
        Some(texts) => {
            texts.borrow_mut().push(TextCmd { text: text.to_string(), pos, size, color, anchor });
            Ok(())
        }
        None => {
            area.draw(&Text::new(text.to_string(), pos, ("sans-serif", size).into_font().color(&color).pos(anchor)))
        }
    }
}

/// Colour swatches with their names, in a row under the subtitle.
fn legend<'s, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: impl Iterator<Item = (&'s str, RGBColor)>,
    defer: Defer,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut lx = LEFT - 70;
    for (name, color) in entries {
        area.draw(&Rectangle::new([(lx, 136), (lx + 28, 164)], color.filled()))?;
        put_text(area, defer, name, (lx + 38, 136), 26, RGBColor(33, 33, 33), Pos::default())?;
        lx += 38 + (name.chars().count() as i32 * 15) + 50;
    }
    Ok(())
}

pub(crate) const TITLE_X: i32 = LEFT - 70;
pub(crate) const TITLE_Y: i32 = 30;
pub(crate) const TITLE_SIZE: u32 = 40;

fn draw_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Text::new(
        title.to_string(),
        (TITLE_X, TITLE_Y),
        ("sans-serif", TITLE_SIZE).into_font().color(&RGBColor(33, 33, 33)),
    ))
}

/// Renders a chart to PNG bytes (fast encoder) and an SVG string.
pub fn render(c: &BarChart, formats: &[ChartFormat]) -> Result<(Option<Vec<u8>>, Option<String>)> {
    render_figure(&Figure::Bars(c.clone()), formats)
}

pub fn render_figure(f: &Figure, formats: &[ChartFormat]) -> Result<(Option<Vec<u8>>, Option<String>)> {
    fonts();
    let (w, h) = f.size();
    let png = if formats.contains(&ChartFormat::Png) {
        let mut buf = vec![255u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
            f.draw(&root, true).map_err(|e| anyhow!("chart drawing failed: {e}"))?;
            root.present().map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        Some(encode_png(&buf, w, h)?)
    } else {
        None
    };
    let svg = if formats.contains(&ChartFormat::Svg) {
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(&mut s, (w, h)).into_drawing_area();
            f.draw(&root, false).map_err(|e| anyhow!("chart drawing failed: {e}"))?;
            root.present().map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        Some(s)
    } else {
        None
    };
    Ok((png, svg))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A benchmark-shaped chart: 5 areas × 3 lines, the first line without sector boxes
    /// beside a line with them (a bar that meets the next series' median mark), values
    /// high and low, one absent.
    fn layered_chart() -> BarChart {
        let series = (0..3)
            .map(|i| BarSeries {
                name: format!("Lijn {} (n = {})", i + 1, 10 + i),
                color: PALETTE[i],
                values: vec![Some(100.0), Some(3.0), None, Some(55.5), Some(97.0)],
                whiskers: vec![None; 5],
                reference: vec![if i == 0 { None } else { Some((20.0, 60.0, 99.0)) }; 5],
                absent_mark: "<5".into(),
            })
            .collect();
        BarChart {
            title: String::new(),
            subtitle: "2026 · gekleurde balk = eigen score".into(),
            y_label: "Score (0–100)".into(),
            categories: ["Totaal", "Visie en beleid", "Ontwikkeling", "Organisatie", "Samenwerking"]
                .map(String::from)
                .to_vec(),
            series,
            source: "Bron: lobmonitor; n = 33 respondenten".into(),
            note: "<5 = te weinig respondenten".into(),
        }
    }

    /// The layers drawn in turn; the own layer as `write_benchmark` draws it (its text
    /// by the glyph cache), the others all by plotters.
    fn raster(layers: &[Layer]) -> Vec<u8> {
        fonts();
        let c = layered_chart();
        let mut buf = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
        for &l in layers {
            let texts = RefCell::new(Vec::new());
            {
                let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
                let defer = (l == Layer::Own).then_some(&texts);
                draw_bars_layer(&root, &c, true, l, defer).unwrap();
                root.present().unwrap();
            }
            for t in texts.into_inner() {
                glyphs::draw(&mut buf, (WIDTH, HEIGHT), &t);
            }
        }
        buf
    }

    #[test]
    fn the_glyph_cache_draws_titles_as_plotters_does_pixel_for_pixel() {
        fonts();
        for title in ["INST-0042: eigen scores tegen de sector", "Ünïcode, AVAWA · ‘quotes’ — 100 % <5", ""] {
            let mut by_plotters = raster(&[Layer::All]);
            let by_cache = by_plotters.clone();
            {
                let root = BitMapBackend::with_buffer(&mut by_plotters, (WIDTH, HEIGHT)).into_drawing_area();
                draw_title(&root, title).unwrap();
                root.present().unwrap();
            }
            // Twice: the second time every glyph comes from the cache.
            for _ in 0..2 {
                let mut buf = by_cache.clone();
                glyphs::draw(&mut buf, (WIDTH, HEIGHT), &glyphs::title(title));
                assert!(buf == by_plotters, "{title}");
            }
        }
    }

    #[test]
    fn the_shared_and_own_layers_together_are_the_whole_chart_pixel_for_pixel() {
        let whole = raster(&[Layer::All]);
        let shared = raster(&[Layer::Shared]);
        let layered = raster(&[Layer::Shared, Layer::Own]);
        let differing = whole.iter().zip(&layered).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 0, "bytes differing between the whole chart and its layers");
        // The layers split the work: each draws a real part of the chart.
        assert_ne!(shared, whole);
        assert_ne!(shared, vec![255u8; shared.len()]);
    }

    fn decode(png_bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut r = dec.read_info().unwrap();
        let color = r.info().color_type;
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (color, buf)
    }

    #[test]
    fn a_chart_is_stored_with_a_palette_and_decodes_to_the_same_pixels() {
        let rgb = raster(&[Layer::All]);
        let png_bytes = encode_png(&rgb, WIDTH, HEIGHT).unwrap();
        let (color, pixels) = decode(&png_bytes);
        assert_eq!(color, png::ColorType::Indexed);
        assert!(pixels == rgb, "lossless");
        // Smaller than the same chart as RGB.
        assert!(png_bytes.len() < encode_rgb(&rgb, WIDTH, HEIGHT).unwrap().len());
    }

    #[test]
    fn indexing_only_a_new_title_band_again_gives_the_retitled_image() {
        // As write_benchmark does: the pack's title, indexed; then the band restored,
        // another title drawn and only the band indexed again.
        let untitled = raster(&[Layer::All]);
        let titled = |title: &str| {
            let mut buf = untitled.clone();
            {
                let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
                draw_title(&root, title).unwrap();
                root.present().unwrap();
            }
            buf
        };
        let pack = titled("INST-0042: eigen scores tegen de sector");
        let own = titled("Het Zeer Lange Naam College voor Beroepsonderwijs: eigen scores tegen de sector");
        let mut ix = Indexed::new(&pack, WIDTH as usize).expect("under 256 colours");
        assert_eq!(decode(&ix.encode(WIDTH, HEIGHT).unwrap()).1, pack);
        ix.rows(&own, 0..TITLE_ROWS).expect("under 256 colours");
        assert!(decode(&ix.encode(WIDTH, HEIGHT).unwrap()).1 == own, "retitled image decodes to its pixels");
        // Nothing of the chart below the band was touched by the titles.
        let band = TITLE_ROWS * (WIDTH * 3) as usize;
        assert!(pack[band..] == own[band..] && own[..band] != pack[..band]);
    }

    #[test]
    fn a_chart_indexed_as_a_difference_from_its_template_decodes_to_its_pixels() {
        let template = raster(&[Layer::Shared]);
        let chart = raster(&[Layer::Shared, Layer::Own]);
        let ix = Indexed::new(&template, WIDTH as usize).expect("under 256 colours");
        let ix = ix.update(&chart, &template).expect("under 256 colours");
        assert!(decode(&ix.encode(WIDTH, HEIGHT).unwrap()).1 == chart);
    }

    #[test]
    fn an_image_of_more_than_256_colours_is_stored_as_rgb() {
        // 20 × 20 pixels, 400 distinct colours; the first 256 would fit a palette.
        let rgb: Vec<u8> = (0..400u32).flat_map(|i| [(i % 256) as u8, (i / 256) as u8, 7]).collect();
        let (color, pixels) = decode(&encode_png(&rgb, 20, 20).unwrap());
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(pixels, rgb);
        // Exactly 256 colours still fit.
        let rgb: Vec<u8> = (0..256u32).flat_map(|i| [i as u8, 0, 0]).collect();
        let (color, pixels) = decode(&encode_png(&rgb, 16, 16).unwrap());
        assert_eq!(color, png::ColorType::Indexed);
        assert_eq!(pixels, rgb);
    }

    #[test]
    fn long_item_texts_are_shortened_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("Kan LOB evalueren en monitoren", 100), "Kan LOB evalueren en monitoren");
        assert_eq!(shorten("Kan LOB evalueren en monitoren", 16), "Kan LOB…");
    }
}

/// Encodes a chart as PNG: with a palette when it has at most 256 colours (flat
/// colours and anti-aliased text usually do: the benchmark chart has ~225), which is
/// a third of the bytes to filter and deflate and less than half the file; otherwise
/// as RGB. Lossless either way.
pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    png_of(Indexed::new(rgb, w as usize).as_ref(), rgb, w, h)
}

/// `rgb` as PNG: from its palette indexes when it has them, else as RGB.
fn png_of(indexed: Option<&Indexed>, rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    match indexed {
        Some(ix) => ix.encode(w, h),
        None => encode_rgb(rgb, w, h),
    }
}

/// Encodes an RGB raster as an RGB PNG (for images with more than 256 colours).
pub fn encode_rgb(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>> {
    encode(rgb, w, h, png::ColorType::Rgb, None)
}

fn encode(data: &[u8], w: u32, h: u32, color: png::ColorType, palette: Option<Vec<u8>>) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 16);
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        if let Some(p) = palette {
            enc.set_palette(p);
        }
        enc.set_compression(png::Compression::Fast);
        // One fixed filter instead of trying all five per row: on flat-colour charts
        // Paeth compresses within 4 % of adaptive filtering, in less time (BENCHMARKS.md).
        enc.set_filter(png::Filter::Paeth);
        let mut writer = enc.write_header()?;
        writer.write_image_data(data)?;
    }
    Ok(out)
}

/// An RGB raster as a palette and one index per pixel.
///
/// A row equal to the one above (most rows of a chart) copies its indexes, as does any
/// run of 64 pixels equal to the run above it; other pixels are looked up in a small
/// open-addressing table, skipped when a pixel repeats the one before. The palette only
/// grows, so after a band of rows changes (another title) only that band is indexed
/// again.
#[derive(Debug, Clone)]
struct Indexed {
    w: usize,
    keys: Box<[u32; Indexed::SLOTS]>,
    vals: Box<[u8; Indexed::SLOTS]>,
    palette: Vec<u8>,
    idx: Vec<u8>,
}

impl Indexed {
    const SLOTS: usize = 1024;
    const RUN: usize = 64;

    /// `None` past 256 colours.
    fn new(rgb: &[u8], w: usize) -> Option<Indexed> {
        if w == 0 || !rgb.len().is_multiple_of(w * 3) {
            return None;
        }
        let mut ix = Indexed {
            w,
            keys: Box::new([u32::MAX; Self::SLOTS]),
            vals: Box::new([0; Self::SLOTS]),
            palette: Vec::with_capacity(768),
            idx: vec![0; rgb.len() / 3],
        };
        ix.rows(rgb, 0..rgb.len() / (w * 3))?;
        Some(ix)
    }

    /// Indexes `rgb`, an image that differs from `base` (the image these indexes are
    /// of) only in places: rows and 64-pixel runs equal to `base` keep their indexes,
    /// the rest is indexed as by [`Indexed::rows`]. `None` past 256 colours.
    fn update(mut self, rgb: &[u8], base: &[u8]) -> Option<Indexed> {
        if rgb.len() != base.len() || rgb.len() != self.idx.len() * 3 {
            return None;
        }
        self.index(rgb, 0..rgb.len() / (self.w * 3), Some(base))?;
        Some(self)
    }

    /// Indexes `rows` of `rgb` (the rest of the image as indexed before); `None` past
    /// 256 colours.
    fn rows(&mut self, rgb: &[u8], rows: std::ops::Range<usize>) -> Option<()> {
        self.index(rgb, rows, None)
    }

    /// The one indexing loop: rows and runs equal to `base` (when given) are kept, rows
    /// and runs equal to those above copy their indexes, other pixels are looked up.
    fn index(&mut self, rgb: &[u8], rows: std::ops::Range<usize>, base: Option<&[u8]>) -> Option<()> {
        let (w, stride) = (self.w, self.w * 3);
        let (mut last_key, mut last_idx) = (u32::MAX, 0u8);
        for y in rows {
            let row = &rgb[y * stride..(y + 1) * stride];
            let was = base.map(|b| &b[y * stride..(y + 1) * stride]);
            if was == Some(row) {
                continue;
            }
            let above = (y > 0).then(|| &rgb[(y - 1) * stride..y * stride]);
            if above == Some(row) {
                self.idx.copy_within((y - 1) * w..y * w, y * w);
                continue;
            }
            let mut x = 0;
            while x < w {
                let n = Self::RUN.min(w - x);
                let px = x * 3..(x + n) * 3;
                if was.is_some_and(|b| b[px.clone()] == row[px.clone()]) {
                    x += n;
                    continue;
                }
                if above.is_some_and(|a| a[px.clone()] == row[px.clone()]) {
                    self.idx.copy_within((y - 1) * w + x..(y - 1) * w + x + n, y * w + x);
                    x += n;
                    continue;
                }
                for (k, p) in row[px].chunks_exact(3).enumerate() {
                    let key = (p[0] as u32) << 16 | (p[1] as u32) << 8 | p[2] as u32;
                    if key != last_key {
                        last_idx = self.lookup(key, p)?;
                        last_key = key;
                    }
                    self.idx[y * w + x + k] = last_idx;
                }
                x += n;
            }
        }
        Some(())
    }

    fn lookup(&mut self, key: u32, rgb: &[u8]) -> Option<u8> {
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> 22) as usize % Self::SLOTS;
        loop {
            if self.keys[slot] == key {
                return Some(self.vals[slot]);
            }
            if self.keys[slot] == u32::MAX {
                let i = self.palette.len() / 3;
                if i == 256 {
                    return None;
                }
                self.keys[slot] = key;
                self.vals[slot] = i as u8;
                self.palette.extend_from_slice(rgb);
                return Some(i as u8);
            }
            slot = (slot + 1) % Self::SLOTS;
        }
    }

    fn encode(&self, w: u32, h: u32) -> Result<Vec<u8>> {
        encode(&self.idx, w, h, png::ColorType::Indexed, Some(self.palette.clone()))
    }
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
            w.write_record([
                safe_text(cat),
                safe_text(&s.name),
                opt(v),
                opt(wk.map(|x| x.0)),
                opt(wk.map(|x| x.1)),
                opt(r.map(|x| x.0)),
                opt(r.map(|x| x.1)),
                opt(r.map(|x| x.2)),
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
            let cells: Vec<_> =
                area_scopes().into_iter().map(|s| sc.sector(year, None, line, s).and_then(|x| x.shown())).collect();
            let n = sc.sector(year, None, line, Scope::LINE).and_then(|x| x.shown()).map_or(0, |x| x.n);
            total_n += n;
            BarSeries {
                name: format!("{} (n = {})", line.label(ctx.lang), n),
                color: PALETTE[i],
                values: cells.iter().map(|c| c.map(|s| s.mean)).collect(),
                whiskers: cells.iter().map(|c| c.and_then(|s| s.ci())).collect(),
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
            ctx.editions_text(),
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
            let total = own.last().copied().flatten();
            let n = total.and_then(|g| g.shown()).map_or(0, |g| g.n);
            total_n += n;
            let name = if let Some(why) = total.and_then(|g| g.hidden()) {
                format!("{} ({})", line.label(ctx.lang), ctx.mark(why))
            } else if n == 0 {
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
        title: benchmark_title(ctx, shown_name),
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
            ctx.editions_text(),
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
fn write_chart(c: &Figure, dir: &Path, stem: &str, rel: &str, formats: &[ChartFormat]) -> Result<Vec<Output>> {
    let (png, svg) = render_figure(c, formats)?;
    let mut out = Vec::new();
    if let Some(png) = png {
        crate::report::write_file(dir.join(format!("{stem}.png")), png)?;
        out.push(Output { path: format!("{rel}{stem}.png"), kind: "chart" });
    }
    if let Some(svg) = svg {
        crate::report::write_file(dir.join(format!("{stem}.svg")), svg)?;
        out.push(Output { path: format!("{rel}{stem}.svg"), kind: "chart" });
    }
    crate::report::write_file(dir.join(format!("{stem}.csv")), c.csv()?)?;
    out.push(Output { path: format!("{rel}{stem}.csv"), kind: "chart_table" });
    Ok(out)
}

/// The sector charts of the ministry pack: per year the line comparison, the
/// distribution of institutions per line and the item heat map per line; and the trend
/// per line over the years. The benchmark per institution and year is drawn with its
/// portret (`write_benchmark`).
pub fn write_pack(ctx: &ReportContext<'_>, dir: &Path, formats: &[ChartFormat]) -> Result<Vec<Output>> {
    crate::report::create_dir(dir)?;
    let mut jobs: Vec<(Figure, &Path, String, &str)> = Vec::new();
    for &year in &ctx.scores.years {
        jobs.push((
            Figure::Bars(line_comparison(ctx, year)),
            dir,
            format!("{}-{year}", ctx.t("lijnvergelijking", "line-comparison")),
            "charts/",
        ));
        jobs.push((
            Figure::Dots(distribution(ctx, year)),
            dir,
            format!("{}-{year}", ctx.t("spreiding", "distribution")),
            "charts/",
        ));
        for line in Line::ALL {
            let stem = format!("{}-{}-{year}", ctx.t("items-lijn", "items-line"), line.number());
            jobs.push((Figure::Heat(item_heat_map(ctx, line, year)), dir, stem, "charts/"));
        }
    }
    jobs.push((Figure::Trend(trend(ctx)), dir, ctx.t("trend", "trend").to_string(), "charts/"));
    let done: Vec<Result<Vec<Output>>> =
        jobs.par_iter().map(|(fig, d, stem, rel)| write_chart(fig, d, stem, rel, formats)).collect();
    let mut out = Vec::new();
    for d in done {
        out.extend(d?);
    }
    Ok(out)
}

fn source_line(ctx: &ReportContext<'_>, n: u64) -> String {
    format!(
        "{}: lobmonitor, {} ({}); n = {} {}",
        ctx.t("Bron", "Source"),
        ctx.t("zelfevaluatie tegen het Raamwerk LOB", "self-assessment against the LOB framework"),
        ctx.editions_text(),
        n,
        ctx.t("respondenten", "respondents")
    )
}

/// One column of the distribution chart: a line's shown institutions.
#[derive(Debug, Clone)]
pub struct DotGroup {
    pub name: String,
    pub color: RGBColor,
    pub values: Vec<f64>,
    pub quartiles: Option<(f64, f64, f64)>,
    /// Institutions with respondents, shown or not.
    pub institutions: usize,
}

/// Institution scores per line as dots over the sector's P25–P75 box.
#[derive(Debug, Clone)]
pub struct DotChart {
    pub title: String,
    pub subtitle: String,
    pub y_label: String,
    pub groups: Vec<DotGroup>,
    pub source: String,
    pub note: String,
    pub too_few: String,
}

impl DotChart {
    fn csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["group", "institution_score", "p25", "median", "p75", "institutions"])?;
        for g in &self.groups {
            let q = g.quartiles;
            for v in &g.values {
                w.write_record([
                    safe_text(&g.name),
                    num(*v),
                    opt(q.map(|q| q.0)),
                    opt(q.map(|q| q.1)),
                    opt(q.map(|q| q.2)),
                    g.institutions.to_string(),
                ])?;
            }
            if g.values.is_empty() {
                w.write_record([
                    safe_text(&g.name),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    g.institutions.to_string(),
                ])?;
            }
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }
}

/// A fixed, data-independent spread of dots across a column (no randomness, so charts
/// are reproducible): the golden-ratio sequence.
fn jitter(i: usize) -> f64 {
    ((i as f64 * 0.618_033_988_75) % 1.0) - 0.5
}

#[allow(clippy::too_many_arguments)]
fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    prefilled: bool,
    title: &str,
    subtitle: &str,
    y_label: &str,
    source: &str,
    note: &str,
) -> Result<(i32, i32, i32, i32), DrawingAreaErrorKind<DB::ErrorType>> {
    frame_layer(area, prefilled, title, subtitle, y_label, source, note, Layer::All, None)
}

/// Title, subtitle, grid with its scale, axis label, source and note; returns the
/// plot area. Of a [`Layer::Own`] only the source line is drawn (it holds the n).
#[allow(clippy::too_many_arguments)]
fn frame_layer<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    prefilled: bool,
    title: &str,
    subtitle: &str,
    y_label: &str,
    source: &str,
    note: &str,
    layer: Layer,
    defer: Defer,
) -> Result<(i32, i32, i32, i32), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (x0, x1, y0, y1) = (LEFT, w - RIGHT, TOP, h - BOTTOM);
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let grey = RGBColor(110, 110, 110);
    if layer != Layer::Own {
        clear(area, prefilled)?;
        draw_title(area, title)?;
        area.draw(&Text::new(subtitle.to_string(), (x0 - 70, 84), font(26).color(&grey)))?;
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
        area.draw(&Text::new(y_label.to_string(), (20, (y0 + y1) / 2), ylab))?;
    }
    if layer != Layer::Shared {
        put_text(area, defer, source, (x0 - 70, h - 100), 22, grey, Pos::default())?;
    }
    if layer != Layer::Own {
        area.draw(&Text::new(note.to_string(), (x0 - 70, h - 64), font(22).color(&grey)))?;
    }
    Ok((x0, x1, y0, y1))
}

fn draw_dots<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &DotChart,
    prefilled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (x0, x1, y0, y1) = frame(area, prefilled, &c.title, &c.subtitle, &c.y_label, &c.source, &c.note)?;
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let gw = (x1 - x0) / c.groups.len().max(1) as i32;
    for (gi, g) in c.groups.iter().enumerate() {
        let cx = x0 + gi as i32 * gw + gw / 2;
        let bw = gw / 3;
        if let Some((p25, med, p75)) = g.quartiles {
            area.draw(&Rectangle::new(
                [(cx - bw, y_px(p75, y0, y1)), (cx + bw, y_px(p25, y0, y1))],
                RGBColor(215, 215, 215).filled(),
            ))?;
            let m = y_px(med, y0, y1);
            area.draw(&Rectangle::new([(cx - bw - 8, m - 2), (cx + bw + 8, m + 2)], dark.filled()))?;
        } else {
            area.draw(&Text::new(
                c.too_few.clone(),
                (cx, y_px(50.0, y0, y1)),
                font(22).color(&RGBColor(110, 110, 110)).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
        for (i, v) in g.values.iter().enumerate() {
            let x = cx + (jitter(i) * (bw as f64 * 1.6)) as i32;
            area.draw(&Circle::new((x, y_px(*v, y0, y1)), 9, g.color.filled()))?;
            area.draw(&Circle::new((x, y_px(*v, y0, y1)), 9, dark.stroke_width(1)))?;
        }
        area.draw(&Text::new(
            g.name.clone(),
            (cx, y1 + 16),
            font(26).color(&dark).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        let shown = format!("{} / {}", g.values.len(), g.institutions);
        area.draw(&Text::new(
            shown,
            (cx, y1 + 50),
            font(22).color(&RGBColor(110, 110, 110)).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// Institutions' line scores per line, over the sector's quartile box.
pub fn distribution(ctx: &ReportContext<'_>, year: u16) -> DotChart {
    let sc = ctx.scores;
    let mut n = 0;
    let groups = Line::ALL
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let mut values: Vec<f64> = sc
                .groups
                .iter()
                .filter(|g| g.year == year && g.line == line && g.scope == Scope::LINE)
                .filter_map(|g| g.shown().map(|s| s.mean))
                .collect();
            values.sort_by(f64::total_cmp);
            let s = sc.sector(year, None, line, Scope::LINE);
            n += s.and_then(|s| s.shown()).map_or(0, |s| s.n);
            DotGroup {
                name: line.label(ctx.lang),
                color: PALETTE[i],
                values,
                quartiles: s.and_then(|s| s.quartiles),
                institutions: s.map_or(0, |s| s.institutions),
            }
        })
        .collect();
    DotChart {
        title: ctx.t("Spreiding van de instellingen per lijn", "Spread of institutions by line").into(),
        subtitle: format!(
            "{year} · {}",
            ctx.t(
                "elke stip is een instelling (totaalscore van de lijn); grijs vlak = P25–P75, zwarte streep = mediaan",
                "each dot is an institution (the line's total score); grey box = P25–P75, black bar = median"
            )
        ),
        y_label: "Score (0–100)".into(),
        groups,
        source: source_line(ctx, n),
        note: format!(
            "{} {} {}",
            ctx.t(
                "Onder elke lijn: getoonde / deelnemende instellingen. Instellingen met minder dan",
                "Under each line: institutions shown / taking part. Institutions with fewer than"
            ),
            ctx.privacy.min_group_size,
            ctx.t("respondenten zijn niet getoond.", "respondents are not shown."),
        ),
        too_few: ctx.t("te weinig instellingen", "too few institutions").into(),
    }
}

/// A year's score with its confidence interval, if shown.
pub type TrendPoint = Option<(f64, Option<(f64, f64)>)>;

/// Sector scores per line over the years.
#[derive(Debug, Clone)]
pub struct TrendChart {
    pub title: String,
    pub subtitle: String,
    pub years: Vec<u16>,
    /// (name, colour, value and CI per year)
    pub series: Vec<(String, RGBColor, Vec<TrendPoint>)>,
    /// Years from which a new framework edition applies: no line is drawn into them.
    pub breaks: Vec<u16>,
    pub source: String,
    pub note: String,
}

impl TrendChart {
    fn csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["series", "year", "score", "ci_low", "ci_high", "series_break"])?;
        for (name, _, vals) in &self.series {
            for (y, v) in self.years.iter().zip(vals) {
                w.write_record([
                    safe_text(name),
                    y.to_string(),
                    opt(v.map(|v| v.0)),
                    opt(v.and_then(|v| v.1).map(|c| c.0)),
                    opt(v.and_then(|v| v.1).map(|c| c.1)),
                    self.breaks.contains(y).to_string(),
                ])?;
            }
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }
}

fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &TrendChart,
    prefilled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (x0, x1, y0, y1) = frame(area, prefilled, &c.title, &c.subtitle, "Score (0–100)", &c.source, &c.note)?;
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let n = c.years.len().max(1) as i32;
    let step = (x1 - x0) / n;
    let xs: Vec<i32> = (0..n).map(|i| x0 + step / 2 + i * step).collect();
    for (i, y) in c.years.iter().enumerate() {
        area.draw(&Text::new(
            y.to_string(),
            (xs[i], y1 + 16),
            font(26).color(&dark).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        if c.breaks.contains(y) {
            let x = xs[i] - step / 2;
            area.draw(&PathElement::new(vec![(x, y0), (x, y1)], RGBColor(150, 150, 150).stroke_width(2)))?;
        }
    }
    legend(area, c.series.iter().map(|(name, color, _)| (name.as_str(), *color)), None)?;
    for (si, (_, color, vals)) in c.series.iter().enumerate() {
        let offset = (si as i32 - 1) * 14;
        let pts: Vec<Option<(i32, i32)>> =
            vals.iter().enumerate().map(|(i, v)| v.map(|v| (xs[i] + offset, y_px(v.0, y0, y1)))).collect();
        for i in 1..pts.len() {
            if let (Some(a), Some(b)) = (pts[i - 1], pts[i]) {
                if !c.breaks.contains(&c.years[i]) {
                    area.draw(&PathElement::new(vec![a, b], color.stroke_width(4)))?;
                }
            }
        }
        for (i, v) in vals.iter().enumerate() {
            let Some((v, ci)) = v else { continue };
            let p = (xs[i] + offset, y_px(*v, y0, y1));
            if let Some((lo, hi)) = ci {
                area.draw(&PathElement::new(
                    vec![(p.0, y_px(*lo, y0, y1)), (p.0, y_px(*hi, y0, y1))],
                    color.stroke_width(2),
                ))?;
            }
            area.draw(&Circle::new(p, 9, color.filled()))?;
            area.draw(&Text::new(
                format!("{v:.0}"),
                (p.0 + 14, p.1),
                font(22).color(&dark).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    Ok(())
}

/// The sector's line totals over the years.
pub fn trend(ctx: &ReportContext<'_>) -> TrendChart {
    let sc = ctx.scores;
    let series = Line::ALL
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let vals = sc
                .years
                .iter()
                .map(|&y| sc.sector(y, None, line, Scope::LINE).and_then(|s| s.shown()).map(|s| (s.mean, s.ci())))
                .collect();
            (line.label(ctx.lang), PALETTE[i], vals)
        })
        .collect();
    let n: u64 = sc
        .sector
        .iter()
        .filter(|s| s.peer.is_none() && s.scope == Scope::LINE)
        .filter_map(|s| s.shown())
        .map(|s| s.n)
        .sum();
    let breaks = sc.series_breaks();
    TrendChart {
        title: ctx.t("Ontwikkeling per lijn", "Trend by line").into(),
        subtitle: ctx
            .t(
                "Sector, totaalscore per jaar met 95%-betrouwbaarheidsinterval",
                "Sector, total score per year with 95% confidence interval",
            )
            .into(),
        years: sc.years.clone(),
        series,
        note: if breaks.is_empty() {
            String::new()
        } else {
            ctx.t(
                "Een verticale lijn markeert een nieuwe editie van het raamwerk: daaroverheen wordt geen trend getrokken.",
                "A vertical line marks a new edition of the framework: no trend is drawn across it.",
            )
            .into()
        },
        breaks,
        source: source_line(ctx, n),
    }
}

/// Sector item scores of one line and year, as a heat map.
#[derive(Debug, Clone)]
pub struct HeatMap {
    pub title: String,
    pub subtitle: String,
    /// (item id, label, score or None when hidden, n)
    pub rows: Vec<(String, String, Option<f64>, u64)>,
    pub source: String,
    pub hidden_mark: String,
}

const HEAT_ROW: i32 = 30;

impl HeatMap {
    fn height(&self) -> u32 {
        (230 + HEAT_ROW * self.rows.len() as i32 + 120) as u32
    }

    fn csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["item", "text", "score", "n"])?;
        for (id, text, v, n) in &self.rows {
            w.write_record([
                id.clone(),
                safe_text(text),
                opt(*v),
                if v.is_some() { n.to_string() } else { String::new() },
            ])?;
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }
}

/// Viridis at five stops, interpolated: a sequential scale readable in colour-blindness
/// and in grey print.
fn viridis(t: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 5] =
        [(68.0, 1.0, 84.0), (59.0, 82.0, 139.0), (33.0, 145.0, 140.0), (94.0, 201.0, 98.0), (253.0, 231.0, 37.0)];
    let t = t.clamp(0.0, 1.0) * 4.0;
    let i = (t.floor() as usize).min(3);
    let f = t - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let m = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// Shortens text to `max` characters at a word boundary, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).trim_end_matches([',', ' ', '-']);
    format!("{cut}…")
}

fn draw_heat<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &HeatMap,
    prefilled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    clear(area, prefilled)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let font = |size: u32| ("sans-serif", size).into_font();
    let dark = RGBColor(33, 33, 33);
    let grey = RGBColor(110, 110, 110);
    area.draw(&Text::new(c.title.clone(), (50, 30), font(40).color(&dark)))?;
    area.draw(&Text::new(c.subtitle.clone(), (50, 84), font(26).color(&grey)))?;
    // Legend: the colour scale.
    for k in 0..=100 {
        let x = 50 + k * 6;
        area.draw(&Rectangle::new([(x, 140), (x + 6, 166)], viridis(k as f64 / 100.0).filled()))?;
    }
    for t in [0, 50, 100] {
        area.draw(&Text::new(
            t.to_string(),
            (50 + t * 6, 172),
            font(20).color(&grey).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    let top = 230;
    let (cell_l, cell_r) = (w - 260, w - 60);
    for (i, (id, text, v, n)) in c.rows.iter().enumerate() {
        let y = top + i as i32 * HEAT_ROW;
        area.draw(&Text::new(
            format!("{id}  {}", shorten(text, 95)),
            (50, y + HEAT_ROW / 2),
            font(19).color(&dark).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        match v {
            Some(v) => {
                let col = viridis(v / 100.0);
                area.draw(&Rectangle::new([(cell_l, y + 2), (cell_r, y + HEAT_ROW - 2)], col.filled()))?;
                let light = (col.0 as u32 * 299 + col.1 as u32 * 587 + col.2 as u32 * 114) / 1000 > 140;
                let tc = if light { dark } else { WHITE };
                area.draw(&Text::new(
                    format!("{v:.0}  (n = {n})"),
                    ((cell_l + cell_r) / 2, y + HEAT_ROW / 2),
                    font(19).color(&tc).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
            None => {
                area.draw(&Rectangle::new(
                    [(cell_l, y + 2), (cell_r, y + HEAT_ROW - 2)],
                    RGBColor(235, 235, 235).filled(),
                ))?;
                area.draw(&Text::new(
                    c.hidden_mark.clone(),
                    ((cell_l + cell_r) / 2, y + HEAT_ROW / 2),
                    font(19).color(&grey).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        }
    }
    area.draw(&Text::new(c.source.clone(), (50, h - 80), font(22).color(&grey)))?;
    Ok(())
}

/// The sector's item scores for one line and year.
pub fn item_heat_map(ctx: &ReportContext<'_>, line: Line, year: u16) -> HeatMap {
    let sc = ctx.scores;
    let by_item: std::collections::HashMap<u16, &crate::score::ItemScore> = sc
        .items
        .iter()
        .filter(|i| i.year == year && i.line == line && i.institution.is_none())
        .map(|i| (i.item, i))
        .collect();
    let fw = ctx.fw_for(year);
    let rows = fw
        .line_items(line)
        .map(|idx| {
            let it = fw.item(idx);
            let s = by_item.get(&idx);
            let v = s.and_then(|s| s.shown()).map(|s| s.score);
            (it.id.to_string(), it.text(ctx.lang).to_string(), v, s.and_then(|s| s.shown()).map_or(0, |s| s.n))
        })
        .collect();
    let n = sc.sector(year, None, line, Scope::LINE).and_then(|s| s.shown()).map_or(0, |s| s.n);
    HeatMap {
        title: format!("{}: {}", line.label(ctx.lang), ctx.t("score per item", "score per item")),
        subtitle: format!("{} {year} · {}", ctx.t("Sector", "Sector"), line.description(ctx.lang)),
        rows,
        source: source_line(ctx, n),
        hidden_mark: ctx.hidden_mark(),
    }
}

/// The benchmark chart's shared layer ([`Layer::Shared`]) per year, as an RGB raster
/// of `WIDTH` × `HEIGHT`, drawn by the first institution of that year that needs it.
/// Everything in it is the same for every institution of a year: the year's subtitle,
/// the scale, the category labels and the sector's quartile boxes.
#[derive(Debug, Default)]
pub struct Templates(Mutex<BTreeMap<u16, Arc<Template>>>);

/// A year's shared layer: its pixels and, when it has at most 256 colours, its palette
/// indexes (each institution's chart is indexed as a difference from them).
#[derive(Debug)]
struct Template {
    rgb: Vec<u8>,
    indexed: Option<Indexed>,
}

impl Template {
    /// `body`, the template with an institution's layer drawn on it, as palette
    /// indexes: as a difference from the template's, so only what the institution
    /// drew is looked up; from scratch when the template has none.
    fn index(&self, body: &[u8]) -> Option<Indexed> {
        self.indexed.clone().and_then(|t| t.update(body, &self.rgb)).or_else(|| Indexed::new(body, WIDTH as usize))
    }
}

impl Templates {
    fn get(&self, chart: &BarChart, year: u16) -> Result<Arc<Template>> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = map.get(&year) {
            return Ok(t.clone());
        }
        let mut buf = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
            draw_bars_layer(&root, chart, true, Layer::Shared, None)
                .map_err(|e| anyhow!("chart drawing failed: {e}"))?;
            root.present().map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        let indexed = Indexed::new(&buf, WIDTH as usize);
        let t = Arc::new(Template { rgb: buf, indexed });
        map.insert(year, t.clone());
        Ok(t)
    }
}

/// Rows at the top of a chart that hold its title and nothing of an institution's own
/// layer (the legend starts at row 136): restoring them from the template removes a
/// title drawn there.
const TITLE_ROWS: usize = 120;

/// One institution-year's benchmark chart, drawn once on a copy of the year's template.
/// The ministry pack gets it under the public name (pseudonym unless the institution
/// opted in) as PNG, SVG and CSV in `dir`; the portret gets a PNG under the
/// institution's own name. Only the title differs between the two.
pub fn write_benchmark(
    ctx: &ReportContext<'_>,
    institution: &str,
    year: u16,
    dir: &Path,
    formats: &[ChartFormat],
    portret: bool,
) -> Result<(Vec<Output>, Option<Vec<u8>>)> {
    fonts();
    let public = ctx.public_name(institution);
    let chart = benchmark(ctx, institution, &public, year);
    let stem = format!("{}-{year}", ctx.public_slug(institution));
    let mut out = Vec::new();
    let pack_png = formats.contains(&ChartFormat::Png);
    let mut portret_png = None;
    if pack_png || portret {
        let untitled = BarChart { title: String::new(), ..chart.clone() };
        let template = ctx.benchmark_templates.get(&untitled, year)?;
        let mut body = template.rgb.clone();
        // The own layer's shapes by plotters, its text by the glyph cache.
        let texts = RefCell::new(Vec::new());
        {
            let root = BitMapBackend::with_buffer(&mut body, (WIDTH, HEIGHT)).into_drawing_area();
            draw_bars_layer(&root, &untitled, true, Layer::Own, Some(&texts))
                .and_then(|_| root.present())
                .map_err(|e| anyhow!("chart drawing failed: {e}"))?;
        }
        for t in texts.into_inner() {
            glyphs::draw(&mut body, (WIDTH, HEIGHT), &t);
        }
        // Indexed once; for the second title only the title band is indexed again.
        let mut indexed: Option<Option<Indexed>> = None;
        if pack_png {
            glyphs::draw(&mut body, (WIDTH, HEIGHT), &glyphs::title(&chart.title));
            let ix = template.index(&body);
            crate::report::write_file(dir.join(format!("{stem}.png")), png_of(ix.as_ref(), &body, WIDTH, HEIGHT)?)?;
            out.push(Output { path: format!("charts/benchmark/{stem}.png"), kind: "chart" });
            indexed = Some(ix);
        }
        if portret {
            let own = benchmark_title(ctx, institution);
            if pack_png {
                let band = TITLE_ROWS * (WIDTH * 3) as usize;
                body[..band].copy_from_slice(&template.rgb[..band]);
            }
            glyphs::draw(&mut body, (WIDTH, HEIGHT), &glyphs::title(&own));
            let ix = match indexed {
                Some(Some(mut ix)) => ix.rows(&body, 0..TITLE_ROWS).map(|_| ix),
                _ => None,
            }
            .or_else(|| template.index(&body));
            // Full size (the portret shows it at half size): sharp when printed, and as
            // an indexed PNG smaller than a halved RGB one.
            portret_png = Some(png_of(ix.as_ref(), &body, WIDTH, HEIGHT)?);
        }
    }
    if formats.contains(&ChartFormat::Svg) {
        let (_, svg) = render_figure(&Figure::Bars(chart.clone()), &[ChartFormat::Svg])?;
        crate::report::write_file(dir.join(format!("{stem}.svg")), svg.expect("asked for"))?;
        out.push(Output { path: format!("charts/benchmark/{stem}.svg"), kind: "chart" });
    }
    // No formats: only the portret's image was asked for.
    if !formats.is_empty() {
        crate::report::write_file(dir.join(format!("{stem}.csv")), source_csv(&chart)?)?;
        out.push(Output { path: format!("charts/benchmark/{stem}.csv"), kind: "chart_table" });
    }
    Ok((out, portret_png))
}

/// The benchmark chart's title for a name.
fn benchmark_title(ctx: &ReportContext<'_>, name: &str) -> String {
    format!("{name}: {}", ctx.t("eigen scores tegen de sector", "own scores against the sector"))
}
