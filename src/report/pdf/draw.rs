//! Puts laid-out pages on krilla's surfaces: the embedded font, text shaped as the
//! charts shape it (with its actual text for copy and search), fills, rules, hatching and
//! a chart's canvas ops.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::report::charts::canvas::{hatch_lines, Op, Rgb, HATCH_WIDTH, WHITE_RGB};
use crate::report::charts::text;
pub use crate::report::flow::{Block, Cell, Col, Column, Flow, Just, Table};

pub(super) static FONT: LazyLock<Font> =
    LazyLock::new(|| Font::new(text::FONT_BYTES.into(), 0).expect("the embedded font parses"));

thread_local! {
    /// Lines already shaped on this thread, in em units (so for every size): 2,000
    /// portrets set the same headers, labels and area names again and again. krilla's
    /// own `draw_text` parses the font's layout tables anew for every line (a quarter
    /// of a national run's time went there).
    static SHAPED: RefCell<HashMap<String, Rc<Vec<KrillaGlyph>>>> = RefCell::new(HashMap::new());
}

/// A line shaped left to right by rustybuzz with the embedded font, each glyph with the
/// bytes of its cluster (so the PDF's text can be copied and searched).
pub(super) fn shaped(line: &str) -> Rc<Vec<KrillaGlyph>> {
    if let Some(g) = SHAPED.with(|c| c.borrow().get(line).cloned()) {
        return g;
    }
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(line);
    buf.guess_segment_properties();
    buf.set_direction(rustybuzz::Direction::LeftToRight);
    let out = rustybuzz::shape(text::face(), &[], buf);
    let upem = text::face().units_per_em() as f32;
    let infos = out.glyph_infos();
    let glyphs: Vec<KrillaGlyph> = infos
        .iter()
        .zip(out.glyph_positions())
        .enumerate()
        .map(|(i, (info, pos))| {
            let start = info.cluster as usize;
            let end = infos[i + 1..].iter().map(|n| n.cluster as usize).find(|&c| c != start).unwrap_or(line.len());
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            )
        })
        .collect();
    let glyphs = Rc::new(glyphs);
    SHAPED.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 50_000 {
            c.clear();
        }
        c.insert(line.to_string(), glyphs.clone());
    });
    glyphs
}

/// A line as the embedded font can set it: invisible format characters (zero-width
/// joiners, variation selectors, tags) left out, and a character the font has no glyph
/// for (an emoji in a name) shown as U+FFFD; the span's ActualText keeps the original
/// for copying and screen readers (PDF/UA-1 forbids the font's empty .notdef glyph).
/// Which of the first 256 characters (nearly every character of a report) the font has
/// a glyph for, looked up once: the font's character map is searched for the rest.
static LATIN_1: std::sync::LazyLock<[bool; 256]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|i| text::face().glyph_index(char::from(i as u8)).is_some()));

pub(super) fn settable(s: &str) -> std::borrow::Cow<'_, str> {
    let invisible = |c: char| {
        matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
            || ('\u{E0000}'..='\u{E007F}').contains(&c)
    };
    let has = |c: char| match LATIN_1.get(c as usize) {
        Some(known) => *known,
        None => text::face().glyph_index(c).is_some(),
    };
    if s.chars().all(|c| has(c) && !invisible(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let stand_in = if has('\u{FFFD}') { '\u{FFFD}' } else { '?' };
    std::borrow::Cow::Owned(
        s.chars().filter(|&c| !invisible(c)).map(|c| if has(c) || c == ' ' { c } else { stand_in }).collect(),
    )
}

/// The original text of a piece whose text the font cannot set as it is.
pub(super) fn actual_text(ops: &[Op]) -> Option<&str> {
    ops.iter().find_map(|o| match o {
        Op::Text { text, .. } if matches!(settable(text), std::borrow::Cow::Owned(_)) => Some(text.as_str()),
        _ => None,
    })
}

pub(super) fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

pub(super) fn fill_of(c: Rgb) -> Fill {
    Fill { paint: colour(c).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

pub(super) fn fill_rect(s: &mut Surface, x0: f32, y0: f32, x1: f32, y1: f32, c: Rgb) {
    if let Some(r) = Rect::from_ltrb(x0, y0, x1, y1) {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        if let Some(path) = pb.finish() {
            s.set_stroke(None);
            s.set_fill(Some(fill_of(c)));
            s.draw_path(&path);
        }
    }
}

/// Draws shapes and text as PDF vectors and glyphs.
pub(super) fn draw(s: &mut Surface, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Rect { x0, y0, x1, y1, fill } => fill_rect(s, *x0, *y0, *x1, *y1, *fill),
            Op::Line { points, color, width } => {
                let mut pb = PathBuilder::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(*x, *y);
                    } else {
                        pb.line_to(*x, *y);
                    }
                }
                if let Some(path) = pb.finish() {
                    s.set_fill(None);
                    s.set_stroke(Some(Stroke { paint: colour(*color).into(), width: *width, ..Default::default() }));
                    s.draw_path(&path);
                    s.set_stroke(None);
                }
            }
            Op::Hatch { x0, y0, x1, y1, pattern } => {
                let mut pb = PathBuilder::new();
                for [(ax, ay), (bx, by)] in hatch_lines(*x0, *y0, *x1, *y1, *pattern) {
                    pb.move_to(ax, ay);
                    pb.line_to(bx, by);
                }
                if let Some(path) = pb.finish() {
                    s.set_fill(None);
                    s.set_stroke(Some(Stroke {
                        paint: colour(WHITE_RGB).into(),
                        width: HATCH_WIDTH,
                        ..Default::default()
                    }));
                    s.draw_path(&path);
                    s.set_stroke(None);
                }
            }
            Op::Circle { x, y, r, fill, stroke } => {
                // Four cubic arcs (k = 0.5523 of the radius).
                let k = 0.552_284_8 * r;
                let mut pb = PathBuilder::new();
                pb.move_to(x + r, *y);
                pb.cubic_to(x + r, y + k, x + k, y + r, *x, y + r);
                pb.cubic_to(x - k, y + r, x - r, y + k, x - r, *y);
                pb.cubic_to(x - r, y - k, x - k, y - r, *x, y - r);
                pb.cubic_to(x + k, y - r, x + r, y - k, x + r, *y);
                pb.close();
                if let Some(path) = pb.finish() {
                    s.set_fill(Some(fill_of(*fill)));
                    s.set_stroke(stroke.map(|c| Stroke { paint: colour(c).into(), width: 1.0, ..Default::default() }));
                    s.draw_path(&path);
                    s.set_stroke(None);
                }
            }
            Op::Text { text, x, y, size, color, up } => {
                s.set_stroke(None);
                s.set_fill(Some(fill_of(*color)));
                if *up {
                    s.push_transform(&Transform::from_rotate_at(-90.0, *x, *y));
                }
                let text = settable(text);
                s.draw_glyphs(Point::from_xy(*x, *y), &shaped(&text), FONT.clone(), &text, *size, false);
                if *up {
                    s.pop();
                }
            }
        }
    }
}
