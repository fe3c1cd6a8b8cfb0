//! What a chart draws, once, as a list of shapes and texts ([`Canvas`]), in the colours,
//! patterns and markers every chart shares; and its SVG (written here, with its title and
//! description for screen readers). The PNG of the same canvas is `png.rs`; the frame
//! around every plot (title, legend, scale, source line, notes) is `frame.rs`, re-exported
//! here so a chart reaches everything it draws with through `canvas`.

pub use super::frame::{footer, footer_height, frame, header, Frame, Plot, MARGIN};
pub use super::png::{encode_png, PNG_SCALE};
use crate::report::charts::text;

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
pub(super) const HATCH_STEP: f32 = 12.0;

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

/// Text made safe inside XML.
pub fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::png::paint_hatch;

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
