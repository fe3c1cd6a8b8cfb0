//! A chart's PNG: the canvas's shapes through plotters' bitmap backend at
//! [`PNG_SCALE`] pixels per unit, hatching painted crisp, text set by
//! [`text::Raster`](super::text::Raster); then a palette of at most 256 colours and fast
//! compression. The SVG, from the same canvas, is written in `canvas.rs`.

use plotters::prelude::*;

use super::canvas::{Canvas, Op, Pattern, Rgb, HATCH_STEP, HATCH_WIDTH, WHITE_RGB};
use super::text::Raster;

impl Canvas {
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
}

/// Pixels of the chart pack's PNGs per canvas unit: a chart drawn on 1,600 × 1,000
/// units is a PNG of 1,200 × 750 px — sharp on a full-HD screen and in a slide, 10 cm
/// wide at 300 dpi; the SVG beside it is the same chart for print and any size. (At
/// 1,600 × 1,000 the PNGs were 40 % of a national run's processor time: BENCHMARKS.md.)
/// The hatching's 12-unit step stays a whole 9 px.
pub const PNG_SCALE: f32 = 0.75;

/// Paints a rectangle's hatching into an RGB raster, pixel by pixel: a pixel is white
/// where its centre lies within half a line's width of one of [`hatch_lines`]' lines.
/// No anti-aliasing: the lines run at 45°, where whole pixels step evenly, and the chart
/// keeps its few colours (a PNG with a palette, [`encode_png`]).
pub(super) fn paint_hatch(rgb: &mut [u8], w: usize, h: usize, r: (f32, f32, f32, f32), pattern: Pattern, k: f32) {
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
    // Inside a run of one colour, eight pixels (three 8-byte words) are compared and
    // filled at a time.
    let word = |i: usize| u64::from_le_bytes(rgb[i..i + 8].try_into().expect("eight bytes"));
    let mut run = [0u64; 3];
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
                let mut bytes = [0u8; 24];
                for c in bytes.chunks_exact_mut(3) {
                    c.copy_from_slice(px);
                }
                run = [0, 8, 16].map(|o| u64::from_le_bytes(bytes[o..o + 8].try_into().expect("eight bytes")));
                run_ready = true;
            }
            while p + 8 <= n && word(p * 3) == run[0] && word(p * 3 + 8) == run[1] && word(p * 3 + 16) == run[2] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::canvas::PALETTE;

    #[test]
    fn runs_of_every_length_come_back_pixel_for_pixel() {
        // Runs of 1 to 19 pixels of three colours in turn, over rows of 37: every run
        // length meets the eight-at-a-time comparison at every offset, and across rows.
        let colours = [WHITE_RGB, PALETTE[0], PALETTE[1]];
        let mut rgb = Vec::new();
        for len in (1..20).cycle().take(200) {
            rgb.extend(std::iter::repeat_n(colours[len % 3], len).flatten());
        }
        let (w, h) = (37, rgb.len() / 3 / 37);
        rgb.truncate(w * h * 3);
        let mut reader =
            png::Decoder::new(std::io::Cursor::new(encode_png(&rgb, w as u32, h as u32).unwrap())).read_info().unwrap();
        let palette = reader.info().palette.clone().unwrap().into_owned();
        let mut idx = vec![0u8; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut idx).unwrap();
        let back: Vec<u8> = idx.iter().flat_map(|&i| palette[i as usize * 3..i as usize * 3 + 3].to_vec()).collect();
        assert_eq!(back, rgb);
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
}
