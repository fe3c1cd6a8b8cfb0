//! What a chart draws, once, as a list of shapes and texts; and the two ways it is
//! written: a PNG (shapes by plotters, text by [`text`] at the shaped positions) and an
//! SVG (written here, with its title and description for screen readers). Also the
//! frame every chart shares: title, subtitle, legend, scale, source line and notes.

use plotters::prelude::*;

use crate::report::charts::text::{self, Raster};

/// An RGB colour.
pub type Rgb = [u8; 3];

pub const DARK: Rgb = [33, 33, 33];
pub const GREY: Rgb = [100, 100, 100];
pub const LIGHT: Rgb = [225, 225, 225];
pub const WHITE_RGB: Rgb = [255, 255, 255];
/// Text that warns (not for publication): dark red, about 8:1 on white.
pub const WARNING: Rgb = [160, 0, 0];

/// The series colours (lines 1, 2, 3 first), in the charts and in the workbooks' native
/// charts. Every one has at least 3:1 contrast against the white background (WCAG 2.1
/// 1.4.11; the ratios are worked out in the test below): navy, brick red, orchid, then
/// teal, ochre and slate. The first three stay apart for readers with any of the three
/// kinds of colour blindness (CIELAB distance at least 31 between every two under
/// Machado et al.'s 2009 simulation of protanopia, deuteranopia and tritanopia) and in
/// grey print (luminance ratios 2.2, 3.1 and 1.4 between them); and they are never the
/// only difference: bars carry a pattern ([`PATTERNS`]) and values carry direct labels.
pub const PALETTE: [Rgb; 6] = [
    [0x12, 0x36, 0x7d],
    [0xc4, 0x3f, 0x2a],
    [0xc7, 0x61, 0x9e],
    [0x00, 0x79, 0x6b],
    [0x8a, 0x5a, 0x00],
    [0x5b, 0x5b, 0x70],
];

/// The grey that draws a range that carries data (the sector's middle half): 4.5:1 on
/// white. Its inside is a light tint that carries nothing by itself.
pub const RANGE: Rgb = [0x76, 0x76, 0x76];
pub const RANGE_TINT: Rgb = [0xee, 0xee, 0xee];

/// How a series' bars are filled besides their colour: solid, hatched (/) and
/// cross-hatched (×), in the order of [`PALETTE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    Hatch,
    Cross,
}

pub const PATTERNS: [Pattern; 3] = [Pattern::Solid, Pattern::Hatch, Pattern::Cross];

/// How a series looks, as its legend key shows it: a bar's fill pattern, or a line with
/// its marker (the legend shows what the series look like in the plot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Bar(Pattern),
    Line(Marker),
}

/// A line series' marker besides its colour: circle, square, cross.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Cross,
}

/// Series `k`'s marker, in the order of [`PALETTE`].
pub fn series_marker(k: usize) -> Marker {
    [Marker::Circle, Marker::Square, Marker::Cross][k % 3]
}

/// Draws a marker of radius `r` centred on (`x`, `y`).
pub fn marker(c: &mut Canvas, m: Marker, x: f32, y: f32, r: f32, color: Rgb) {
    match m {
        Marker::Circle => c.circle(x, y, r, color, None),
        Marker::Square => c.rect(x - r, y - r, x + r, y + r, color),
        Marker::Cross => {
            let w = (r * 0.55).max(2.0);
            c.line(&[(x - r, y - r), (x + r, y + r)], color, w);
            c.line(&[(x - r, y + r), (x + r, y - r)], color, w);
        }
    }
}

/// Series `k`'s colour and pattern.
pub fn series_style(k: usize) -> (Rgb, Pattern) {
    (PALETTE[k % PALETTE.len()], PATTERNS[k % PATTERNS.len()])
}

/// The WCAG 2.1 relative luminance of a colour (sRGB channels linearised).
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The WCAG 2.1 contrast ratio of two colours, (L₁ + 0.05) / (L₂ + 0.05), lighter over darker.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Horizontal placement of a text against its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Vertical placement of a text against its y.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

/// One thing drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        fill: Rgb,
    },
    Line {
        points: Vec<(f32, f32)>,
        color: Rgb,
        width: f32,
    },
    Circle {
        x: f32,
        y: f32,
        r: f32,
        fill: Rgb,
        stroke: Option<Rgb>,
    },
    /// A bar's pattern: white lines 3 px wide, 12 px apart, across the rectangle (see
    /// [`hatch_lines`]); drawn crisp in a PNG, as lines in SVG and PDF.
    Hatch {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        pattern: Pattern,
    },
    /// A line of text, its baseline starting at (x, y) (placement resolved when drawn).
    Text {
        text: String,
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        up: bool,
    },
}

/// A chart's drawing: its size and what is on it, in order.
#[derive(Debug, Clone, Default)]
pub struct Canvas {
    pub w: u32,
    pub h: u32,
    pub ops: Vec<Op>,
}

impl Canvas {
    pub fn new(w: u32, h: u32) -> Canvas {
        Canvas { w, h, ops: Vec::new() }
    }

    pub fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, fill: Rgb) {
        self.ops.push(Op::Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1), fill });
    }

    pub fn line(&mut self, points: &[(f32, f32)], color: Rgb, width: f32) {
        self.ops.push(Op::Line { points: points.to_vec(), color, width });
    }

    pub fn circle(&mut self, x: f32, y: f32, r: f32, fill: Rgb, stroke: Option<Rgb>) {
        self.ops.push(Op::Circle { x, y, r, fill, stroke });
    }

    /// A bar of series colour `fill` with its pattern: white lines 3 px wide, 12 px apart.
    pub fn patterned(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, fill: Rgb, pattern: Pattern) {
        self.rect(x0, y0, x1, y1, fill);
        if pattern != Pattern::Solid {
            let (x0, x1, y0, y1) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
            self.ops.push(Op::Hatch { x0, y0, x1, y1, pattern });
        }
    }

    /// A range that carries data (the sector's middle half): a light tint with its edges
    /// drawn in [`RANGE`] grey, 3 px.
    pub fn range_box(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        self.rect(x0, y0, x1, y1, RANGE_TINT);
        self.line(&[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], RANGE, 3.0);
    }

    /// A line of text placed against (x, y) as `align` and `valign` say; returns its width.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&mut self, s: &str, x: f32, y: f32, size: f32, color: Rgb, align: Align, valign: VAlign) -> f32 {
        let w = text::width(s, size);
        let bx = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        let by = match valign {
            VAlign::Top => y + text::ascent(size),
            VAlign::Middle => y + (text::ascent(size) + text::descent(size)) / 2.0,
            VAlign::Bottom => y + text::descent(size),
        };
        self.ops.push(Op::Text { text: s.to_string(), x: bx, y: by, size, color, up: false });
        w
    }

    /// A line of text reading upwards, centred on `y`, its top at `x`.
    pub fn text_up(&mut self, s: &str, x: f32, y: f32, size: f32, color: Rgb) {
        let w = text::width(s, size);
        self.ops.push(Op::Text {
            text: s.to_string(),
            x: x + text::ascent(size),
            y: y + w / 2.0,
            size,
            color,
            up: true,
        });
    }

    /// Wrapped text from (x, y) down, lines `leading` × size apart; returns the height.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(&mut self, s: &str, x: f32, y: f32, size: f32, max: f32, color: Rgb, leading: f32) -> f32 {
        let lines = text::wrap(s, size, max);
        for (i, l) in lines.iter().enumerate() {
            self.text(l, x, y + i as f32 * size * leading, size, color, Align::Left, VAlign::Top);
        }
        lines.len() as f32 * size * leading
    }

    /// The drawing as PNG: shapes through plotters' bitmap backend, then the text; with
    /// a palette where the finished raster has at most 256 colours.
    pub fn png(&self) -> anyhow::Result<Vec<u8>> {
        self.png_at(PNG_SCALE)
    }

    /// The PNG at `k` pixels per canvas unit: every position, size, line width and the
    /// hatching's spacing times `k` (a hatch step of `12 k` must be a whole number of
    /// pixels, at most 12).
    pub fn png_at(&self, k: f32) -> anyhow::Result<Vec<u8>> {
        let (pw, ph) = ((self.w as f32 * k).round() as u32, (self.h as f32 * k).round() as u32);
        let (w, h) = (pw as usize, ph as usize);
        let mut rgb = vec![255u8; w * h * 3];
        let c = |c: Rgb| RGBColor(c[0], c[1], c[2]);
        let p = |x: f32, y: f32| ((x * k).round() as i32, (y * k).round() as i32);
        let fail = |e: DrawingAreaErrorKind<_>| anyhow::anyhow!("chart drawing failed: {e}");
        // Shapes in order: runs of plotters' shapes, a hatching painted straight into the
        // raster between them; text last, on top.
        let mut rest = &self.ops[..];
        while !rest.is_empty() {
            let run = rest.iter().position(|o| matches!(o, Op::Hatch { .. })).unwrap_or(rest.len());
            if run > 0 {
                let root = BitMapBackend::with_buffer(&mut rgb, (pw, ph)).into_drawing_area();
                for op in &rest[..run] {
                    match op {
                        Op::Rect { x0, y0, x1, y1, fill } => {
                            // Exclusive right and bottom edges, as SVG's width and height.
                            let (a, b) = (p(*x0, *y0), p(*x1, *y1));
                            if b.0 > a.0 && b.1 > a.1 {
                                // plotters fills a rectangle up to its far corner, exclusive.
                                root.draw(&Rectangle::new([a, b], c(*fill).filled())).map_err(fail)?;
                            }
                        }
                        Op::Line { points, color, width } => {
                            let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| p(*x, *y)).collect();
                            root.draw(&PathElement::new(
                                pts,
                                c(*color).stroke_width((width * k).round().max(1.0) as u32),
                            ))
                            .map_err(fail)?;
                        }
                        Op::Circle { x, y, r, fill, stroke } => {
                            let r = (r * k).round() as i32;
                            root.draw(&plotters::element::Circle::new(p(*x, *y), r, c(*fill).filled()))
                                .map_err(fail)?;
                            if let Some(s) = stroke {
                                root.draw(&plotters::element::Circle::new(p(*x, *y), r, c(*s).stroke_width(1)))
                                    .map_err(fail)?;
                            }
                        }
                        Op::Hatch { .. } | Op::Text { .. } => {}
                    }
                }
                root.present().map_err(fail)?;
            }
            if let Some(Op::Hatch { x0, y0, x1, y1, pattern }) = rest.get(run) {
                paint_hatch(&mut rgb, w, h, (*x0 * k, *y0 * k, *x1 * k, *y1 * k), *pattern, k);
            }
            rest = &rest[(run + 1).min(rest.len())..];
        }
        let mut raster = Raster { rgb: &mut rgb, w, h };
        for op in &self.ops {
            if let Op::Text { text, x, y, size, color, up } = op {
                if *up {
                    raster.text_up(text, *x * k, *y * k, *size * k, *color);
                } else {
                    raster.text(text, *x * k, *y * k, *size * k, *color);
                }
            }
        }
        encode_png(&rgb, pw, ph)
    }

    /// The drawing as SVG, with `title` and `desc` (the text alternative) for screen
    /// readers and search.
    pub fn svg(&self, title: &str, desc: &str) -> String {
        self.svg_with_id(title, desc, "")
    }

    /// The drawing as SVG, its title and description named by ids that start with `id`
    /// (`{id}t`, `{id}d`): unique where several charts stand inline on one web page.
    pub fn svg_with_id(&self, title: &str, desc: &str, id: &str) -> String {
        use std::fmt::Write as _;
        let hex = |c: &Rgb| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        let mut s = String::with_capacity(64 * 1024);
        let id = xml(id);
        let _ = write!(
            s,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}t {id}d\">\n<title id=\"{id}t\">{}</title>\n<desc id=\"{id}d\">{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            xml(title),
            xml(desc),
            w = self.w,
            h = self.h
        );
        // The hatchings as two patterns tiled from the origin, 12 px square: the lines
        // x + y = 6 and 18 (rising), x − y = 6 and −6 (falling), 3 px wide, in white;
        // the same lines as `hatch_lines`.
        if self.ops.iter().any(|o| matches!(o, Op::Hatch { .. })) {
            const RISING: &str = "M-3,9L9,-3M3,15L15,3";
            const FALLING: &str = "M3,-3L15,9M-3,3L9,15";
            for (name, d) in [("h", RISING.to_string()), ("x", format!("{RISING}{FALLING}"))] {
                let _ = writeln!(
                    s,
                    "<pattern id=\"{id}{name}\" patternUnits=\"userSpaceOnUse\" width=\"{HATCH_STEP}\" height=\"{HATCH_STEP}\"><path d=\"{d}\" stroke=\"#ffffff\" stroke-width=\"{HATCH_WIDTH}\"/></pattern>"
                );
            }
        }
        for op in &self.ops {
            match op {
                Op::Rect { x0, y0, x1, y1, fill } => {
                    let _ = writeln!(
                        s,
                        "<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                        x1 - x0,
                        y1 - y0,
                        hex(fill)
                    );
                }
                Op::Line { points, color, width } => {
                    let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                    let _ = writeln!(
                        s,
                        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"/>",
                        pts.join(" "),
                        hex(color)
                    );
                }
                Op::Hatch { x0, y0, x1, y1, pattern } => {
                    let name = if *pattern == Pattern::Cross { "x" } else { "h" };
                    let _ = writeln!(
                        s,
                        "<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"url(#{id}{name})\"/>",
                        x1 - x0,
                        y1 - y0
                    );
                }
                Op::Circle { x, y, r, fill, stroke } => {
                    let st = stroke.map(|c| format!(" stroke=\"{}\"", hex(&c))).unwrap_or_default();
                    let _ = writeln!(s, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{}\"{st}/>", hex(fill));
                }
                Op::Text { text, x, y, size, color, up } => {
                    let rot = if *up { format!(" transform=\"rotate(-90 {x:.1} {y:.1})\"") } else { String::new() };
                    let _ = writeln!(
                        s,
                        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-family=\"{}\" font-size=\"{size}\" fill=\"{}\"{rot}>{}</text>",
                        text::FAMILY,
                        hex(color),
                        xml(text)
                    );
                }
            }
        }
        s.push_str("</svg>\n");
        s
    }
}

/// The width of a hatching line and the distance between two, in px.
pub const HATCH_WIDTH: f32 = 3.0;
/// Pixels of the chart pack's PNGs per canvas unit: a chart drawn on 1,600 × 1,000
/// units is a PNG of 1,200 × 750 px — sharp on a full-HD screen and in a slide, 10 cm
/// wide at 300 dpi; the SVG beside it is the same chart for print and any size. (At
/// 1,600 × 1,000 the PNGs were 40 % of a national run's processor time: BENCHMARKS.md.)
/// The hatching's 12-unit step stays a whole 9 px.
pub const PNG_SCALE: f32 = 0.75;
const HATCH_STEP: f32 = 12.0;

/// The hatching lines of a rectangle: for rising lines x + y = k, for falling ones
/// x − y = k, with k = 6, 18, 30, … px (12 px apart, anchored at the drawing's origin,
/// as an SVG pattern tiles), each clipped to the rectangle (pieces under half a pixel
/// left out).
pub fn hatch_lines(x0: f32, y0: f32, x1: f32, y1: f32, pattern: Pattern) -> Vec<[(f32, f32); 2]> {
    let mut out = Vec::new();
    let mut family = |rising: bool| {
        let (lo, hi) = if rising { (x0 + y0, x1 + y1) } else { (x0 - y1, x1 - y0) };
        let mut k = ((lo - HATCH_STEP / 2.0) / HATCH_STEP).ceil() * HATCH_STEP + HATCH_STEP / 2.0;
        while k < hi {
            let (ya, yb) =
                if rising { ((k - x1).max(y0), (k - x0).min(y1)) } else { ((x0 - k).max(y0), (x1 - k).min(y1)) };
            if yb - ya > 0.5 {
                let x = |y: f32| if rising { k - y } else { y + k };
                out.push([(x(ya), ya), (x(yb), yb)]);
            }
            k += HATCH_STEP;
        }
    };
    match pattern {
        Pattern::Solid => {}
        Pattern::Hatch => family(true),
        Pattern::Cross => {
            family(true);
            family(false);
        }
    }
    out
}

/// Paints a rectangle's hatching into an RGB raster, pixel by pixel: a pixel is white
/// where its centre lies within half a line's width of one of [`hatch_lines`]' lines.
/// No anti-aliasing: the lines run at 45°, where whole pixels step evenly, and the chart
/// keeps its few colours (a PNG with a palette, [`encode_png`]).
fn paint_hatch(rgb: &mut [u8], w: usize, h: usize, r: (f32, f32, f32, f32), pattern: Pattern, k: f32) {
    let (x0, y0, x1, y1) = r;
    let (hatch_step, hatch_width) = (HATCH_STEP * k, HATCH_WIDTH * k);
    let (ca, cb) = (x0.round().max(0.0) as usize, (x1.round().max(0.0) as usize).min(w));
    let (ra, rb) = (y0.round().max(0.0) as usize, (y1.round().max(0.0) as usize).min(h));
    // A line 3 px across covers 3√2 ≈ 4 px of a row (x ± y = k, measured along x): the
    // pixels whose centre is in (k − 2, k + 2]. Along a row the pattern repeats every
    // 12 px: each row works out its first 12 pixels and copies them on.
    let half = (hatch_width * std::f32::consts::SQRT_2).round() / 2.0;
    let on = |t: f32| {
        let d = t - (t / hatch_step).round() * hatch_step;
        d > -half && d <= half
    };
    let step = (hatch_step.round() as usize).clamp(1, 12);
    for py in ra..rb {
        let y = py as f32 + 0.5;
        let row = &mut rgb[py * w * 3..(py + 1) * w * 3];
        let mut phase = [false; 12];
        for (j, ph) in phase.iter_mut().enumerate().take(step) {
            let x = (ca + j) as f32 + 0.5;
            let rising = on(x + y - hatch_step / 2.0);
            let falling = pattern == Pattern::Cross && on(x - y - hatch_step / 2.0);
            *ph = rising || falling;
        }
        for px in ca..cb {
            if phase[(px - ca) % step] {
                row[px * 3..px * 3 + 3].copy_from_slice(&WHITE_RGB);
            }
        }
    }
}

/// Text made safe inside XML.
pub fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A PNG of an RGB raster, always with a palette of at most 256 colours, fast
/// compression. A chart is drawn in a few flat colours; what adds more are the
/// anti-aliased edges of text, hatching and markers, a few pixels each. Where the raster
/// has more than 256 colours, the 256 most used make the palette (every colour that
/// carries data, the background and the text among them) and each rarer one is drawn in
/// the nearest of those: an edge pixel moves a few steps of shade, nothing that can be
/// read changes, and the PNG stays a third of the size of RGB and several times faster
/// to write (SPEC §6, BENCHMARKS.md 2026-12-05).
pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> anyhow::Result<Vec<u8>> {
    let (palette, indexed) = match index_colours(rgb) {
        Some(done) => done,
        None => palette_and_indices(rgb),
    };
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_compression(png::Compression::Fast);
        enc.set_filter(png::Filter::Up);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_palette(palette.concat());
        enc.write_header()?.write_image_data(&indexed)?;
    }
    Ok(out)
}

/// The raster as palette and indices in one pass, if it has at most 256 colours (most
/// charts: their text is set in sixteen shades, `text::coverage`). Colours are looked up
/// in a small direct-mapped cache before the map: a chart changes colour every few
/// pixels inside hatching and text, and this pass is a large part of writing a chart.
fn index_colours(rgb: &[u8]) -> Option<(Vec<Rgb>, Vec<u8>)> {
    const SLOTS: usize = 4096;
    let key = |p: &[u8]| (p[0] as u32) << 16 | (p[1] as u32) << 8 | p[2] as u32;
    let slot = |k: u32| (k.wrapping_mul(0x9E37_79B1) >> 20) as usize;
    let mut cache = vec![(u32::MAX, 0u8); SLOTS];
    let mut palette: Vec<Rgb> = Vec::new();
    let mut index: foldhash::HashMap<u32, u8> = foldhash::HashMap::default();
    let mut indexed = vec![0u8; rgb.len() / 3];
    let mut last = (u32::MAX, 0u8);
    // Inside a run of one colour, eight pixels are compared and filled at a time.
    let mut run = [0u8; 24];
    let mut run_ready = false;
    let mut p = 0;
    let n = indexed.len();
    while p < n {
        let px = &rgb[p * 3..p * 3 + 3];
        let k = key(px);
        if k == last.0 {
            indexed[p] = last.1;
            p += 1;
            if !run_ready {
                for c in run.chunks_exact_mut(3) {
                    c.copy_from_slice(px);
                }
                run_ready = true;
            }
            while p + 8 <= n && rgb[p * 3..p * 3 + 24] == run {
                indexed[p..p + 8].fill(last.1);
                p += 8;
            }
            continue;
        }
        let s = slot(k);
        let i = if cache[s].0 == k {
            cache[s].1
        } else {
            let i = match index.get(&k) {
                Some(i) => *i,
                None if palette.len() < 256 => {
                    let i = palette.len() as u8;
                    palette.push([px[0], px[1], px[2]]);
                    index.insert(k, i);
                    i
                }
                None => return None,
            };
            cache[s] = (k, i);
            i
        };
        last = (k, i);
        run_ready = false;
        indexed[p] = i;
        p += 1;
    }
    Some((palette, indexed))
}

/// The palette (at most 256 colours, the most used first) and each pixel's index in it;
/// a colour beyond the 256 most used gets the index of the nearest kept one (squared
/// distance in RGB; ties to the more used). Counted and mapped run by run: a chart's
/// rows are long runs of one colour.
fn palette_and_indices(rgb: &[u8]) -> (Vec<Rgb>, Vec<u8>) {
    let runs = |f: &mut dyn FnMut(Rgb, usize)| {
        let mut px = rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]);
        let Some(mut cur) = px.next() else { return };
        let mut len = 1;
        for c in px {
            if c == cur {
                len += 1;
            } else {
                f(cur, len);
                (cur, len) = (c, 1);
            }
        }
        f(cur, len);
    };
    let mut counts: foldhash::HashMap<Rgb, usize> = foldhash::HashMap::default();
    runs(&mut |c, n| *counts.entry(c).or_insert(0) += n);
    let mut by_use: Vec<(Rgb, usize)> = counts.into_iter().collect();
    by_use.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let palette: Vec<Rgb> = by_use.iter().take(256).map(|(c, _)| *c).collect();
    let dist = |a: Rgb, b: Rgb| (0..3).map(|k| (a[k] as i32 - b[k] as i32).pow(2)).sum::<i32>();
    let index: foldhash::HashMap<Rgb, u8> = by_use
        .iter()
        .enumerate()
        .map(|(i, (c, _))| {
            let to =
                if i < 256 { i } else { (0..palette.len()).min_by_key(|&j| (dist(*c, palette[j]), j)).unwrap_or(0) };
            (*c, to as u8)
        })
        .collect();
    let mut indexed = Vec::with_capacity(rgb.len() / 3);
    runs(&mut |c, n| indexed.resize(indexed.len() + n, index[&c]));
    (palette, indexed)
}

/// The plot area a frame leaves, and its vertical scale.
#[derive(Debug, Clone, Copy)]
pub struct Plot {
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub lo: f64,
    pub hi: f64,
}

impl Plot {
    /// The y of a value on the scale (clamped to it).
    pub fn y(&self, v: f64) -> f32 {
        let t = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        self.y1 - (self.y1 - self.y0) * t as f32
    }
}

/// What every chart has around its plot.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub title: String,
    pub subtitle: String,
    /// Keys (colour, and a bar's pattern or a line's marker) and their names, in a row
    /// under the subtitle.
    pub legend: Vec<(String, Rgb, Key)>,
    pub y_label: String,
    /// "Bron: …" with the n.
    pub source: String,
    pub notes: Vec<String>,
}

pub const MARGIN: f32 = 50.0;

/// Draws the frame on a chart of width `w` and the given height, leaving room below the
/// plot for category labels (`below`); a scale from `lo` to `hi` with a grid every
/// `step`. Returns the plot area.
pub fn frame(c: &mut Canvas, f: &Frame, lo: f64, hi: f64, step: f64, below: f32) -> Plot {
    let (w, h) = (c.w as f32, c.h as f32);
    let top = header(c, f);
    let footer_h = footer_height(f, w);
    let (x0, x1, y0, y1) = (MARGIN + 90.0, w - MARGIN, top + 20.0, h - footer_h - below);
    let plot = Plot { x0, x1, y0, y1, lo, hi };
    let mut t = lo;
    while t <= hi + 1e-9 {
        let y = plot.y(t);
        let (color, width) = if (t - lo).abs() < 1e-9 { (DARK, 2.0) } else { (LIGHT, 1.0) };
        c.line(&[(x0, y), (x1, y)], color, width);
        c.text(&format!("{t:.0}"), x0 - 12.0, y, 22.0, GREY, Align::Right, VAlign::Middle);
        t += step;
    }
    if !f.y_label.is_empty() {
        c.text_up(&f.y_label, MARGIN - 20.0, (y0 + y1) / 2.0, 24.0, DARK);
    }
    footer(c, f, h - footer_h + 10.0);
    plot
}

/// Title, subtitle and legend; returns where the plot may begin.
pub fn header(c: &mut Canvas, f: &Frame) -> f32 {
    let w = c.w as f32;
    let mut y = 30.0;
    y += c.paragraph(&f.title, MARGIN, y, 38.0, w - 2.0 * MARGIN, DARK, 1.25);
    if !f.subtitle.is_empty() {
        y += 8.0 + c.paragraph(&f.subtitle, MARGIN, y + 8.0, 24.0, w - 2.0 * MARGIN, GREY, 1.3);
    }
    if !f.legend.is_empty() {
        y += 18.0;
        let mut x = MARGIN;
        for (name, color, key) in &f.legend {
            let tw = text::width(name, 24.0);
            // A bar's key is a square swatch; a line's, a stretch of line with its marker.
            let kw = match key {
                Key::Bar(_) => 28.0,
                Key::Line(_) => 48.0,
            };
            if x + kw + 10.0 + tw > w - MARGIN {
                x = MARGIN;
                y += 40.0;
            }
            match key {
                Key::Bar(pattern) => c.patterned(x, y, x + kw, y + 28.0, *color, *pattern),
                Key::Line(m) => {
                    c.line(&[(x, y + 14.0), (x + kw, y + 14.0)], *color, 4.0);
                    marker(c, *m, x + kw / 2.0, y + 14.0, 9.0, *color);
                }
            }
            c.text(name, x + kw + 10.0, y + 14.0, 24.0, DARK, Align::Left, VAlign::Middle);
            x += kw + 10.0 + tw + 44.0;
        }
        y += 28.0;
    }
    y + 20.0
}

fn footer_lines(f: &Frame, w: f32) -> Vec<(String, f32)> {
    let max = w - 2.0 * MARGIN;
    std::iter::once(&f.source)
        .chain(&f.notes)
        .filter(|s| !s.is_empty())
        .flat_map(|s| text::wrap(s, 20.0, max))
        .map(|l| (l, 20.0))
        .collect()
}

/// The height the source line and notes take.
pub fn footer_height(f: &Frame, w: f32) -> f32 {
    footer_lines(f, w).len() as f32 * 27.0 + 30.0
}

/// Source line and notes from `y` down.
pub fn footer(c: &mut Canvas, f: &Frame, y: f32) {
    for (i, (l, size)) in footer_lines(f, c.w as f32).into_iter().enumerate() {
        c.text(&l, MARGIN, y + i as f32 * 27.0, size, GREY, Align::Left, VAlign::Top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_carries_title_and_description_and_escapes_text() {
        let mut c = Canvas::new(200, 100);
        c.text("A & B <5", 10.0, 10.0, 20.0, DARK, Align::Left, VAlign::Top);
        let svg = c.svg("Titel", "Beschrijving met \"aanhalingstekens\"");
        assert!(svg.contains("<title id=\"t\">Titel</title>"));
        assert!(svg.contains("<desc id=\"d\">Beschrijving met &quot;aanhalingstekens&quot;</desc>"));
        assert!(svg.contains(">A &amp; B &lt;5</text>"));
    }

    #[test]
    fn a_raster_of_few_colours_gets_a_palette() {
        let mut c = Canvas::new(40, 20);
        c.rect(0.0, 0.0, 20.0, 20.0, PALETTE[0]);
        let png = c.png().unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
    }

    #[test]
    fn the_png_is_drawn_at_three_quarters_of_the_canvas() {
        // A 160 × 100 canvas with a bar from (20, 20) to (60, 80) in units: a 120 × 75 PNG
        // whose bar covers 30 × 45 px, as the SVG's width and height say (40 × 60 units).
        let mut c = Canvas::new(160, 100);
        c.rect(20.0, 20.0, 60.0, 80.0, PALETTE[0]);
        let mut reader = png::Decoder::new(std::io::Cursor::new(c.png().unwrap())).read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (120, 75));
        let palette = reader.info().palette.clone().unwrap().into_owned();
        let mut idx = vec![0u8; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut idx).unwrap();
        let colour = |x: usize, y: usize| {
            let k = idx[y * 120 + x] as usize * 3;
            [palette[k], palette[k + 1], palette[k + 2]]
        };
        let bar = |x: usize, y: usize| colour(x, y) == PALETTE[0];
        // Across: pixels 15 to 44; down: 15 (20 × 0.75) to 59 (80 × 0.75 = 60, exclusive).
        assert_eq!((bar(14, 40), bar(15, 40), bar(44, 40), bar(45, 40)), (false, true, true, false));
        assert_eq!((bar(30, 14), bar(30, 15), bar(30, 59), bar(30, 60)), (false, true, true, false));
    }

    #[test]
    fn a_raster_of_many_colours_keeps_its_most_used_and_moves_the_rest_to_the_nearest() {
        // 300 colours, colour g = (g mod 256, 100 if g ≥ 256 else 0, 0): the first 256
        // two pixels each, the last 44 one pixel each, so the first 256 are the most used.
        let mut rgb = Vec::new();
        let colour = |g: u32| [(g % 256) as u8, (g / 256 * 100) as u8, 0u8];
        for g in 0..300u32 {
            let times = if g < 256 { 2 } else { 1 };
            for _ in 0..times {
                rgb.extend_from_slice(&colour(g));
            }
        }
        let png = encode_png(&rgb, rgb.len() as u32 / 3, 1).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
        let palette = reader.info().palette.clone().unwrap().into_owned();
        assert_eq!(palette.len(), 256 * 3);
        let mut idx = vec![0u8; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut idx).unwrap();
        let at = |i: usize| {
            let k = idx[i] as usize * 3;
            [palette[k], palette[k + 1], palette[k + 2]]
        };
        // The 256 twice-used colours are exact.
        for g in 0..256usize {
            assert_eq!(at(2 * g), colour(g as u32));
        }
        // Colour 256 is (0, 100, 0): of the kept (r, 0, 0) the nearest is (0, 0, 0), at a
        // squared distance of 100² (any other r adds r²). Colour 299 is (43, 100, 0):
        // nearest (43, 0, 0), again at 100².
        assert_eq!(at(512), [0, 0, 0]);
        assert_eq!(at(512 + 43), [43, 0, 0]);
    }

    #[test]
    fn every_palette_colour_has_three_to_one_contrast_against_white() {
        // By hand, WCAG 2.1: channel c/255 linearised as ((c + 0.055)/1.055)^2.4 (c/12.92
        // at or below 0.04045); L = 0.2126 R + 0.7152 G + 0.0722 B; ratio (1 + 0.05)/(L + 0.05).
        // navy   #12367d: 0.0060, 0.0369, 0.2051 → L = 0.0425 → 1.05/0.0925 = 11.35
        // brick  #c43f2a: 0.5520, 0.0497, 0.0232 → L = 0.1546 → 1.05/0.2046 = 5.13
        // orchid #c7619e: 0.5711, 0.1195, 0.3419 → L = 0.2316 → 1.05/0.2816 = 3.73
        // teal   #00796b: 0,      0.1912, 0.1470 → L = 0.1474 → 1.05/0.1974 = 5.32
        // ochre  #8a5a00: 0.2542, 0.1022, 0      → L = 0.1272 → 1.05/0.1772 = 5.93
        // slate  #5b5b70: 0.1046, 0.1046, 0.1620 → L = 0.1088 → 1.05/0.1588 = 6.61
        // range grey #767676: 0.1812 each → L = 0.1812 → 1.05/0.2312 = 4.54
        let expected = [11.35, 5.13, 3.73, 5.32, 5.93, 6.61];
        for (c, e) in PALETTE.iter().zip(expected) {
            let r = contrast(*c, WHITE_RGB);
            assert!((r - e).abs() < 0.01, "{c:?}: {r:.3}, by hand {e}");
            assert!(r >= 3.0);
        }
        assert!((contrast(RANGE, WHITE_RGB) - 4.54).abs() < 0.01);
        // The old palette failed: Okabe–Ito orange #e69f00 2.0:1, sky blue #56b4e9 2.2:1,
        // the grey box #c8c8c8 1.7:1.
        assert!(contrast([230, 159, 0], WHITE_RGB) < 3.0);
        assert!(contrast([86, 180, 233], WHITE_RGB) < 3.0);
        assert!(contrast([200, 200, 200], WHITE_RGB) < 3.0);
        // In grey print the three line colours stay apart (luminance ratios).
        let g = |a: usize, b: usize| contrast(PALETTE[a], PALETTE[b]);
        assert!(g(0, 1) > 2.0 && g(1, 2) > 1.3 && g(0, 2) > 3.0, "{} {} {}", g(0, 1), g(1, 2), g(0, 2));
    }

    #[test]
    fn hatching_stays_inside_its_bar() {
        let mut c = Canvas::new(100, 100);
        c.patterned(10.0, 20.0, 40.0, 90.0, PALETTE[2], Pattern::Cross);
        let lines = hatch_lines(10.0, 20.0, 40.0, 90.0, Pattern::Cross);
        assert!(lines.len() > 8);
        for p in lines.iter().flat_map(|l| l.iter()) {
            assert!((9.99..=40.01).contains(&p.0) && (19.99..=90.01).contains(&p.1), "{p:?}");
        }
        // The SVG fills the bar with the cross-hatch pattern (its tile's lines are the
        // same: x + y = 6, 18 and x − y = ±6, 3 px wide); the PNG paints them inside the
        // bar only, in white, crisp: two colours in all (white, the bar's, nothing blended).
        let svg = c.svg("t", "d");
        assert!(svg.contains("<pattern id=\"x\" patternUnits=\"userSpaceOnUse\" width=\"12\" height=\"12\">"));
        assert!(svg.contains("width=\"30.0\" height=\"70.0\" fill=\"url(#x)\"/>"));
        for [(ax, ay), (bx, by)] in &lines {
            let k = if (ax + ay - (bx + by)).abs() < 1e-3 { ax + ay } else { ax - ay };
            assert!(((k - 6.0) / 12.0 - ((k - 6.0) / 12.0).round()).abs() < 1e-4, "k = {k}");
        }
        let mut rgb = vec![255u8; 100 * 100 * 3];
        paint_hatch(&mut rgb, 100, 100, (10.0, 20.0, 40.0, 90.0), Pattern::Cross, 1.0);
        let mut rgb_bar = vec![255u8; 100 * 100 * 3];
        for y in 20..90 {
            for x in 10..40 {
                rgb_bar[(y * 100 + x) * 3..(y * 100 + x) * 3 + 3].copy_from_slice(&PALETTE[2]);
            }
        }
        paint_hatch(&mut rgb_bar, 100, 100, (10.0, 20.0, 40.0, 90.0), Pattern::Cross, 1.0);
        let white = rgb_bar.chunks_exact(3).filter(|p| *p == WHITE_RGB).count();
        let bar = rgb_bar.chunks_exact(3).filter(|p| *p == PALETTE[2]).count();
        assert_eq!(white + bar, 100 * 100, "only white and the bar's colour");
        // Inside the 30 × 70 bar, two families of 3 px lines every 12 px: each family
        // whitens 4 of every 12 px of a row (3 px across is 3√2 ≈ 4 px along it), the
        // two together 1 − (8/12)² ≈ 56 %, give or take the bar's edges; outside the bar
        // nothing changes.
        let inside_white = white - (100 * 100 - 30 * 70);
        let share = inside_white as f64 / (30.0 * 70.0);
        assert!((0.52..0.60).contains(&share), "{share}");
        assert!(rgb.chunks_exact(3).all(|p| p == WHITE_RGB));
    }
}
