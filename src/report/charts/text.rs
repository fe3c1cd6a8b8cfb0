//! Text as a typesetter sets it: shaped by rustybuzz (advances, kerning from the font's
//! GPOS and kern tables), rasterised by ab_glyph at the fractional position the shaping
//! gives, and blended into the raster. The same layout measures text for SVG, where the
//! viewer shapes it again with the same font.

use foldhash::HashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, GlyphId, PxScale};

/// DejaVu Sans, embedded: a fresh machine has no fonts (licence beside it in `assets/`).
pub static FONT_BYTES: &[u8] = include_bytes!("../../../assets/DejaVuSans.ttf");

/// The family SVG asks for: the embedded font first, then its near relatives.
pub const FAMILY: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";

struct Fonts {
    face: rustybuzz::Face<'static>,
    raster: FontRef<'static>,
    units_per_em: f32,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let face = rustybuzz::Face::from_slice(FONT_BYTES, 0).expect("the embedded font parses");
    let raster = FontRef::try_from_slice(FONT_BYTES).expect("the embedded font parses");
    let units_per_em = raster.units_per_em().unwrap_or(2048.0);
    Fonts { face, raster, units_per_em }
});

/// The embedded font as rustybuzz shapes it (shared with the PDF writer, which shapes
/// with glyph clusters of its own).
pub fn face() -> &'static rustybuzz::Face<'static> {
    &FONTS.face
}

/// A glyph placed on a line: its id and pen position (px, from the start of the line,
/// on the baseline).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub id: u16,
    pub x: f32,
    pub y: f32,
}

/// A shaped line: its glyphs and width.
type Shaped = Rc<(Vec<Placed>, f32)>;

thread_local! {
    /// Lines already shaped on this thread: a chart pack sets the same labels (areas,
    /// scale numbers, notes) thousands of times, and each is measured before it is drawn.
    static SHAPED: RefCell<HashMap<(String, u32), Shaped>> = RefCell::new(HashMap::default());
}

/// Shapes a line of text at `size` px (the em): the placed glyphs and the line's width.
pub fn shape(text: &str, size: f32) -> Shaped {
    let key = (text.to_string(), (size * 64.0) as u32);
    if let Some(s) = SHAPED.with(|c| c.borrow().get(&key).cloned()) {
        return s;
    }
    let shaped = Rc::new(shape_uncached(text, size));
    SHAPED.with(|c| {
        let mut c = c.borrow_mut();
        // Institution names and values vary: keep the cache from growing without end.
        if c.len() > 20_000 {
            c.clear();
        }
        c.insert(key, shaped.clone());
    });
    shaped
}

fn shape_uncached(text: &str, size: f32) -> (Vec<Placed>, f32) {
    let f = &*FONTS;
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    let out = rustybuzz::shape(&f.face, &[], buf);
    let scale = size / f.units_per_em;
    let mut pen = 0.0f32;
    let mut placed = Vec::with_capacity(out.len());
    for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()) {
        placed.push(Placed {
            id: info.glyph_id as u16,
            x: pen + pos.x_offset as f32 * scale,
            y: -(pos.y_offset as f32) * scale,
        });
        pen += pos.x_advance as f32 * scale;
    }
    (placed, pen)
}

/// The width of a line of text at `size` px.
pub fn width(text: &str, size: f32) -> f32 {
    shape(text, size).1
}

/// The height above the baseline of the font's tallest letters, at `size` px.
pub fn ascent(size: f32) -> f32 {
    let f = &*FONTS;
    f.raster.ascent_unscaled() * size / f.units_per_em
}

/// The depth below the baseline (negative), at `size` px.
pub fn descent(size: f32) -> f32 {
    let f = &*FONTS;
    f.raster.descent_unscaled() * size / f.units_per_em
}

/// Breaks text into lines no wider than `max` px at `size`, at spaces; a word wider
/// than `max` stands on its own line. A line is as wide as its words and the spaces
/// between them, give or take kerning across a space (a fraction of a pixel); only a
/// line whose sum comes within half a letter of `max` is shaped whole to decide — shaping
/// every candidate line whole made wrapping a paragraph quadratic, and the documents
/// wrap thousands of them.
pub fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let slack = 0.5 * size;
    let space = width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_w = width(word, size);
            if line.is_empty() {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            let sum = line_w + space + word_w;
            let whole = if sum > max + slack {
                None
            } else if sum < max - slack {
                Some(sum)
            } else {
                Some(width(&format!("{line} {word}"), size)).filter(|w| *w <= max)
            };
            match whole {
                Some(w) => {
                    line.push(' ');
                    line.push_str(word);
                    line_w = w;
                }
                None => {
                    lines.push(std::mem::replace(&mut line, word.to_string()));
                    line_w = word_w;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// A rasterised glyph: coverage (0–255) in a box relative to its pen position.
struct Coverage {
    left: i32,
    top: i32,
    w: usize,
    h: usize,
    alpha: Vec<u8>,
}

/// Glyphs already rasterised on this thread, by glyph, size and quarter-pixel offset:
/// a chart pack sets the same few dozen letters thousands of times.
type Cache = HashMap<(u16, u32, u8), Rc<Coverage>>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::default());
}

fn coverage(id: u16, size: f32, frac: f32) -> Rc<Coverage> {
    let sub = ((frac * 4.0).round() as u8) % 4;
    let key = (id, (size * 64.0) as u32, sub);
    CACHE.with(|c| {
        if let Some(g) = c.borrow().get(&key) {
            return g.clone();
        }
        let f = &*FONTS;
        // ab_glyph's scale is the height of ascent − descent in px; ours is the em.
        let px = size * f.raster.height_unscaled() / f.units_per_em;
        let glyph = GlyphId(id).with_scale_and_position(PxScale::from(px), ab_glyph::point(sub as f32 / 4.0, 0.0));
        let cov = match f.raster.outline_glyph(glyph) {
            Some(og) => {
                let b = og.px_bounds();
                let (w, h) = (b.width() as usize, b.height() as usize);
                let mut alpha = vec![0u8; w * h];
                og.draw(|x, y, v| {
                    let i = y as usize * w + x as usize;
                    if i < alpha.len() {
                        // Sixteen levels of coverage (0, 17, …, 255): smooth to the eye,
                        // and a chart's text then blends into few enough colours that
                        // its PNG keeps a palette (`canvas::encode_png`), which is most
                        // of the report stage's time and size at national scale.
                        alpha[i] = (v.clamp(0.0, 1.0) * 15.0).round() as u8 * 17;
                    }
                });
                Coverage { left: b.min.x as i32, top: b.min.y as i32, w, h, alpha }
            }
            None => Coverage { left: 0, top: 0, w: 0, h: 0, alpha: Vec::new() },
        };
        let g = Rc::new(cov);
        c.borrow_mut().insert(key, g.clone());
        g
    })
}

/// An RGB raster to draw text into.
pub struct Raster<'a> {
    pub rgb: &'a mut [u8],
    pub w: usize,
    pub h: usize,
}

impl Raster<'_> {
    fn blend(&mut self, x: i32, y: i32, a: u8, color: [u8; 3]) {
        if a == 0 || x < 0 || y < 0 || x as usize >= self.w || y as usize >= self.h {
            return;
        }
        let i = (y as usize * self.w + x as usize) * 3;
        let a = a as u32;
        for (bg, c) in self.rgb[i..i + 3].iter_mut().zip(color) {
            *bg = ((*bg as u32 * (255 - a) + c as u32 * a + 127) / 255) as u8;
        }
    }

    /// Draws a line of text with its baseline starting at (x, y).
    pub fn text(&mut self, text: &str, x: f32, y: f32, size: f32, color: [u8; 3]) {
        let shaped = shape(text, size);
        for g in shaped.0.iter() {
            let gx = x + g.x;
            let cov = coverage(g.id, size, gx.fract());
            let (ox, oy) = (gx.floor() as i32 + cov.left, (y + g.y).round() as i32 + cov.top);
            for row in 0..cov.h {
                for col in 0..cov.w {
                    self.blend(ox + col as i32, oy + row as i32, cov.alpha[row * cov.w + col], color);
                }
            }
        }
    }

    /// Draws a line of text turned a quarter counter-clockwise (reading upwards), its
    /// baseline starting at (x, y) and running up.
    pub fn text_up(&mut self, text: &str, x: f32, y: f32, size: f32, color: [u8; 3]) {
        let shaped = shape(text, size);
        for g in shaped.0.iter() {
            let cov = coverage(g.id, size, g.x.fract());
            // A point (u, v) of the unturned line lands at (x + v, y − u).
            let (ou, ov) = (g.x.floor() as i32 + cov.left, g.y.round() as i32 + cov.top);
            for row in 0..cov.h {
                for col in 0..cov.w {
                    let (u, v) = (ou + col as i32, ov + row as i32);
                    self.blend(x.round() as i32 + v, y.round() as i32 - u, cov.alpha[row * cov.w + col], color);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wrapping by shaping every candidate line whole, as before the words' sum decided.
    fn wrap_whole(text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if !line.is_empty() && width(&candidate, size) > max {
                    lines.push(std::mem::replace(&mut line, word.to_string()));
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }

    #[test]
    fn wrapping_by_the_words_sum_breaks_where_shaping_whole_lines_does() {
        // Kerned pairs next to the spaces ("AV", "To", "Ty", "Wa"), digits, accents,
        // long and short words, at every width from 60 to 900 px in steps of 7 and three
        // sizes: the same lines, and never one wider than the width unless it is one word.
        let texts = [
            "Uw 1e lijn scoort op Oriëntatie en begeleiding 63,4 (n = 28), de sector 60,1: \
             een verschil van +3,3 (95 %-interval −0,4 tot +7,0), niet aantoonbaar.",
            "AV AV To To Ty Wa Wa AVAVAV LT LY \"Yes\" 'Vo' Tv T. Y, P. A-V fiets, ffi ﬁ.",
            "Voor lerarenopleidingen: bespreek de loopbaangesprekken\nin het team (PDCA).",
        ];
        for text in texts {
            for size in [14.0, 20.0, 26.0] {
                for max in (60..900).step_by(7) {
                    let max = max as f32;
                    let lines = wrap(text, size, max);
                    assert_eq!(lines, wrap_whole(text, size, max), "{text:?} at {size} px in {max} px");
                    for l in &lines {
                        assert!(width(l, size) <= max || !l.contains(' '), "{l:?} wider than {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn kerning_pulls_pairs_together_as_the_font_says() {
        // "AV" is a kerned pair in DejaVu Sans: narrower than the two advances apart.
        let apart = width("A", 40.0) + width("V", 40.0);
        assert!(width("AV", 40.0) < apart - 1.0, "{} vs {apart}", width("AV", 40.0));
        // Widths scale with the size.
        assert!((width("lijn", 44.0) - 2.0 * width("lijn", 22.0)).abs() < 0.01);
    }

    #[test]
    fn long_text_wraps_at_spaces() {
        let lines =
            wrap("Kan de jongere stimuleren om zijn sociale netwerk te ontwikkelen en in te zetten", 20.0, 300.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 20.0) <= 300.0));
        assert_eq!(lines.join(" "), "Kan de jongere stimuleren om zijn sociale netwerk te ontwikkelen en in te zetten");
    }

    /// The ink of each letter, found in the raster: runs of columns with ink.
    fn ink_runs(rgb: &[u8], w: usize, h: usize) -> Vec<(usize, usize)> {
        let inked = |x: usize| (0..h).any(|y| rgb[(y * w + x) * 3] < 200);
        let mut runs = Vec::new();
        let mut start = None;
        for x in 0..w {
            match (inked(x), start) {
                (true, None) => start = Some(x),
                (false, Some(s)) => {
                    runs.push((s, x));
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }

    #[test]
    fn letters_stand_where_the_font_puts_them_evenly_spaced() {
        // The defect of the old renderer: "li jn", because each glyph's pen was rounded
        // and laid out in a box of its own. Here every letter's ink must begin where
        // the font's advances and kerning (ab_glyph's reading of them, independent of
        // the shaper used for drawing) and its own outline put it, within a pixel.
        let f = &*FONTS;
        for (word, size) in [("lijn", 40.0f32), ("lijn", 22.0), ("aandachtsgebied", 26.0)] {
            let (w, h) = (900usize, 80usize);
            let mut rgb = vec![255u8; w * h * 3];
            let x0 = 10.3f32;
            Raster { rgb: &mut rgb, w, h }.text(word, x0, 60.0, size, [0, 0, 0]);
            // Expected ink starts: pen positions from the font's advance widths and kern
            // pairs, plus each glyph's left side bearing.
            let scale = size / f.units_per_em;
            let mut pen = x0;
            let mut expected = Vec::new();
            let mut prev: Option<GlyphId> = None;
            for ch in word.chars() {
                let id = f.raster.glyph_id(ch);
                if let Some(p) = prev {
                    pen += f.raster.kern_unscaled(p, id) * scale;
                }
                let ink = f.raster.outline(id).expect("a visible letter").bounds;
                expected.push(pen + ink.min.x * scale);
                pen += f.raster.h_advance_unscaled(id) * scale;
                prev = Some(id);
            }
            let runs = ink_runs(&rgb, w, h);
            // Letters whose ink touches (e.g. "ch") share a run: compare the runs' starts
            // with the letters that start them.
            for (start, _) in &runs {
                let nearest = expected.iter().map(|e| (e - *start as f32).abs()).fold(f32::MAX, f32::min);
                assert!(nearest <= 1.0, "{word} at {size}: ink at {start} where the font puts none ({expected:?})");
            }
            assert!(runs.len() >= word.len() / 2, "{word}: {runs:?}");
        }
    }
}
