//! The frame every chart shares: title, subtitle and legend above, the scale and its
//! grid, the source line and notes below; and the plot area it leaves.

use super::canvas::{marker, Align, Canvas, Key, Rgb, VAlign, DARK, GREY, LIGHT};
use super::text;

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
