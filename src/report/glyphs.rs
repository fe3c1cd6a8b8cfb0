//! Text on a bitmap chart, pixel for pixel as plotters draws it (its ab_glyph outlines,
//! layout and alpha blending, plotters 0.3.7), with each glyph rasterised once per
//! thread instead of once per use. Plotters rasterises every glyph of every text it
//! draws and blends each of its pixels through a generic per-pixel call; with 2,000
//! benchmark charts that was a fifth of a national run (BENCHMARKS.md).
//!
//! Only what the benchmark chart's own layer and titles use: horizontal text, opaque
//! colours. A unit test in `charts` checks it against plotters, pixel for pixel.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, ScaleFont};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;

use super::charts::FONT_REGULAR;

static FONT: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(FONT_REGULAR).expect("the embedded font parses"));

/// One text to draw: where, how large, which colour, anchored how.
#[derive(Clone)]
pub struct TextCmd {
    pub text: String,
    pub pos: (i32, i32),
    pub size: u32,
    pub color: RGBColor,
    pub anchor: Pos,
}

/// A glyph's coverage as plotters rasterises it at the origin: the top of its pixel
/// bounds and its pixels in drawing order.
struct Glyph {
    min_y: f32,
    pixels: Vec<(u32, u32, f32)>,
}

/// Glyphs by character and size; `None` for a glyph without an outline (a space).
type Cache = HashMap<(char, u32), Option<Rc<Glyph>>>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

fn glyph(c: char, size: u32) -> Option<Rc<Glyph>> {
    CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry((c, size))
            .or_insert_with(|| {
                let font = FONT.as_scaled(size as f32);
                font.outline_glyph(font.scaled_glyph(c)).map(|q| {
                    let mut pixels = Vec::new();
                    q.draw(|x, y, a| pixels.push((x, y, a)));
                    Rc::new(Glyph { min_y: q.px_bounds().min.y, pixels })
                })
            })
            .clone()
    })
}

/// The benchmark chart's title, as `charts::draw_title` places it.
pub fn title(title: &str) -> TextCmd {
    TextCmd {
        text: title.to_string(),
        pos: (super::charts::TITLE_X, super::charts::TITLE_Y),
        size: super::charts::TITLE_SIZE,
        color: RGBColor(33, 33, 33),
        anchor: Pos::default(),
    }
}

/// Draws `t` onto an RGB buffer of `w` × `h` pixels.
pub fn draw(buf: &mut [u8], (w, h): (u32, u32), t: &TextCmd) {
    let font = FONT.as_scaled(t.size as f32);
    // Plotters' layout box: advances and kerning, truncated; height size / 1.24.
    let mut width = 0f32;
    let mut prev = None;
    for c in t.text.chars() {
        let id = font.glyph_id(c);
        width += font.h_advance(id);
        if let Some(p) = prev {
            width += font.kern(p, id);
        }
        prev = Some(id);
    }
    let (width, height) = (width as i32, (t.size as f64 / 1.24) as i32);
    let dx = match t.anchor.h_pos {
        HPos::Left => 0,
        HPos::Right => -width,
        HPos::Center => -width / 2,
    };
    let dy = match t.anchor.v_pos {
        VPos::Top => 0,
        VPos::Center => -height / 2,
        VPos::Bottom => -height,
    };
    let RGBColor(r, g, b) = t.color;
    let mut x_shift = 0f32;
    let mut prev: Option<char> = None;
    for c in t.text.chars() {
        if let Some(p) = prev {
            x_shift += font.kern(font.glyph_id(p), font.glyph_id(c));
        }
        prev = Some(c);
        if let Some(gl) = glyph(c, t.size) {
            let y_shift = (t.size as f32 / 2.0 + gl.min_y) as i32;
            let xs = x_shift as i32;
            for &(x, y, a) in &gl.pixels {
                let px = t.pos.0 + x as i32 + xs + dx;
                let py = t.pos.1 + y as i32 + y_shift + dy;
                if px < 0 || py < 0 || px >= w as i32 || py >= h as i32 {
                    continue;
                }
                let base = (py as usize * w as usize + px as usize) * 3;
                blend_pixel(&mut buf[base..base + 3], [r, g, b], a as f64);
            }
        }
        x_shift += font.h_advance(font.glyph_id(c));
    }
}

/// Plotters' RGB pixel blending: opaque at alpha ≥ 255/256, else in 256ths.
fn blend_pixel(px: &mut [u8], rgb: [u8; 3], alpha: f64) {
    if alpha >= 1.0 - 1.0 / 256.0 {
        px.copy_from_slice(&rgb);
    } else if alpha > 0.0 {
        let a = (alpha * 256.0).floor() as u64;
        for (p, n) in px.iter_mut().zip(rgb) {
            if n > *p {
                *p += (u64::from(n - *p) * a / 256) as u8;
            } else {
                *p -= (u64::from(*p - n) * a / 256) as u8;
            }
        }
    }
}
