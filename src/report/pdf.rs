//! A4 PDFs, made in process with krilla: the portret an LOB coordinator forwards, and the
//! sector overview for analysts (SPEC §6). Text is set in the embedded DejaVu Sans
//! (subset into each file), shaped by rustybuzz as the charts are; charts are drawn as
//! vectors from the same [`Canvas`] their PNG and SVG come from.
//!
//! A document is laid out as a flow: blocks (headings, paragraphs, a boxed note, tables,
//! charts) are placed from the top of a page down; a block that does not fit starts a
//! new page (a table continues on the next page with its header repeated). Page numbers
//! are set once the number of pages is known.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use anyhow::{anyhow, Result};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Document;

use crate::report::charts::canvas::{Align, Op, Rgb, VAlign, DARK, GREY};
use crate::report::charts::text;
use crate::report::charts::Canvas;

/// A4 in points.
pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 46.0;
const FOOTER: f32 = 28.0;
/// The width text and tables may use.
pub const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

const BODY: f32 = 9.5;
const SMALL: f32 = 7.5;
const HEAD_BLUE: Rgb = [0, 63, 102];
const HEADER_FILL: Rgb = [220, 230, 241];
const BOX_FILL: Rgb = [242, 242, 242];
const RULE: Rgb = [166, 166, 166];

static FONT: LazyLock<Font> =
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
fn shaped(line: &str) -> Rc<Vec<KrillaGlyph>> {
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

/// How a table column aligns its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Just {
    Left,
    Right,
    Center,
}

/// A table cell: its text and, where it carries meaning by colour, its fill (the words
/// are always there too).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub fill: Option<Rgb>,
    pub strong: bool,
}

impl Cell {
    pub fn new(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), fill: None, strong: false }
    }

    pub fn filled(s: impl Into<String>, fill: Rgb) -> Cell {
        Cell { text: s.into(), fill: Some(fill), strong: false }
    }

    pub fn strong(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), fill: None, strong: true }
    }
}

/// A column: its header, width (points) and alignment.
pub struct Column<'a> {
    pub head: &'a str,
    pub width: f32,
    pub just: Just,
}

struct Page {
    canvas: Canvas,
    /// Charts placed on the page: the drawing, its top-left corner and scale.
    charts: Vec<(Canvas, f32, f32, f32)>,
}

impl Page {
    fn new() -> Page {
        Page { canvas: Canvas::new(PAGE_W as u32, PAGE_H as u32), charts: Vec::new() }
    }
}

/// A document being laid out.
pub struct Flow {
    pages: Vec<Page>,
    y: f32,
    title: String,
    lang: &'static str,
}

impl Flow {
    /// `lang`: "nl" or "en", for the document's metadata.
    pub fn new(title: &str, lang: &'static str) -> Flow {
        Flow { pages: vec![Page::new()], y: MARGIN, title: title.to_string(), lang }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow has a page")
    }

    fn bottom() -> f32 {
        PAGE_H - MARGIN - FOOTER
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::new());
        self.y = MARGIN;
    }

    /// Makes room for `h` points: a new page where this one has less.
    fn need(&mut self, h: f32) {
        if self.y + h > Flow::bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    pub fn title(&mut self, s: &str, sub: &str) {
        let lines = text::wrap(s, 17.0, WIDTH);
        self.need(22.0 * lines.len() as f32 + 18.0);
        for l in lines {
            let y = self.y;
            self.page().canvas.text(&l, MARGIN, y, 17.0, HEAD_BLUE, Align::Left, VAlign::Top);
            self.y += 22.0;
        }
        let y = self.y;
        self.page().canvas.text(sub, MARGIN, y, BODY, GREY, Align::Left, VAlign::Top);
        self.y += 20.0;
    }

    pub fn heading(&mut self, s: &str) {
        // A heading never ends a page alone: room for it and three lines after it.
        self.need(16.0 + 4.0 * BODY * 1.35);
        self.y += 4.0;
        let y = self.y;
        self.page().canvas.text(s, MARGIN, y, 12.0, HEAD_BLUE, Align::Left, VAlign::Top);
        self.y += 18.0;
    }

    /// A wrapped paragraph.
    pub fn paragraph(&mut self, s: &str, size: f32, color: Rgb) {
        for line in text::wrap(s, size, WIDTH) {
            self.need(size * 1.35);
            let y = self.y;
            self.page().canvas.text(&line, MARGIN, y, size, color, Align::Left, VAlign::Top);
            self.y += size * 1.35;
        }
        self.y += size * 0.5;
    }

    pub fn text(&mut self, s: &str) {
        self.paragraph(s, BODY, DARK);
    }

    pub fn small(&mut self, s: &str) {
        self.paragraph(s, SMALL, GREY);
    }

    /// A chart on the left and a box on the right, side by side (page 1 of the portret:
    /// the chart and how to read it together).
    pub fn chart_beside_box(&mut self, chart: Canvas, lines: &[String]) {
        let gap = 10.0;
        let box_w = WIDTH * 0.38;
        let chart_w = WIDTH - box_w - gap;
        let scale = chart_w / chart.w as f32;
        let chart_h = chart.h as f32 * scale;
        let boxed = TextBox::new(lines, box_w);
        self.need(chart_h.max(boxed.h));
        let y = self.y;
        self.page().charts.push((chart, MARGIN, y, scale));
        boxed.draw(&mut self.page().canvas, MARGIN + chart_w + gap, y);
        self.y += chart_h.max(boxed.h) + 8.0;
    }

    /// The pages laid out so far.
    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// How much of the current page's text area is filled, 0 to 1.
    pub fn used(&self) -> f32 {
        (self.y - MARGIN) / (Flow::bottom() - MARGIN)
    }

    /// A box across the text width (the how-to-read box of a portret's page 1, beside
    /// the table it explains).
    pub fn text_box(&mut self, lines: &[String]) {
        let boxed = TextBox::new(lines, WIDTH);
        self.need(boxed.h);
        let y = self.y;
        boxed.draw(&mut self.page().canvas, MARGIN, y);
        self.y += boxed.h + 8.0;
    }

    /// A table; cells wrap within their columns, a row never splits, the header repeats
    /// on every page the table runs onto.
    pub fn table(&mut self, cols: &[Column<'_>], rows: &[Vec<Cell>], size: f32) {
        let pad = 2.5;
        let lead = size * 1.3;
        let wrap_row = |cells: Vec<&str>| -> Vec<Vec<String>> {
            cells.iter().zip(cols).map(|(t, c)| text::wrap(t, size, c.width - 2.0 * pad)).collect()
        };
        let header = wrap_row(cols.iter().map(|c| c.head).collect());
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lead + 2.0 * pad;
        let draw_header = |flow: &mut Flow| {
            let y = flow.y;
            let p = flow.page();
            p.canvas.rect(MARGIN, y, MARGIN + cols.iter().map(|c| c.width).sum::<f32>(), y + header_h, HEADER_FILL);
            let mut x = MARGIN;
            for (c, lines) in cols.iter().zip(&header) {
                for (k, l) in lines.iter().enumerate() {
                    put(&mut p.canvas, l, x, c, y + pad + k as f32 * lead, size, DARK, pad);
                }
                x += c.width;
            }
            flow.y += header_h;
        };
        self.need(header_h + lead + 2.0 * pad);
        draw_header(self);
        for row in rows {
            let lines = wrap_row(row.iter().map(|c| c.text.as_str()).collect());
            let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lead + 2.0 * pad;
            if self.y + h > Flow::bottom() {
                self.new_page();
                draw_header(self);
            }
            let y = self.y;
            let p = self.page();
            let mut x = MARGIN;
            for ((c, cell), ls) in cols.iter().zip(row).zip(&lines) {
                if let Some(f) = cell.fill {
                    p.canvas.rect(x + 0.5, y + 0.5, x + c.width - 0.5, y + h - 0.5, f);
                }
                let color = if cell.strong { HEAD_BLUE } else { DARK };
                for (k, l) in ls.iter().enumerate() {
                    put(&mut p.canvas, l, x, c, y + pad + k as f32 * lead, size, color, pad);
                }
                x += c.width;
            }
            p.canvas.line(&[(MARGIN, y + h), (x, y + h)], [217, 217, 217], 0.4);
            self.y += h;
        }
        self.y += 8.0;
    }

    /// A chart, scaled to `width` points (at most the text width), centred.
    pub fn chart(&mut self, chart: Canvas, width: f32) {
        let width = width.min(WIDTH);
        let scale = width / chart.w as f32;
        let h = chart.h as f32 * scale;
        self.need(h + 6.0);
        let (x, y) = (MARGIN + (WIDTH - width) / 2.0, self.y);
        self.page().charts.push((chart, x, y, scale));
        self.y += h + 8.0;
    }

    /// The finished PDF: every page with its footer ("title · page i of n"), fonts
    /// embedded, creation date from `timestamp` (reproducible with SOURCE_DATE_EPOCH).
    pub fn finish(self, footer: &str, page_word: (&str, &str), timestamp: i64) -> Result<Vec<u8>> {
        let mut doc = Document::new();
        let n = self.pages.len();
        let days = timestamp.div_euclid(86_400);
        let (y, m, d) = civil(days);
        let date = krilla::metadata::DateTime::new(y as u16).month(m as u8).day(d as u8);
        doc.set_metadata(
            krilla::metadata::Metadata::new()
                .title(self.title.clone())
                .language(self.lang.to_string())
                .creator("lobmonitor".into())
                .creation_date(date),
        );
        for (i, mut page) in self.pages.into_iter().enumerate() {
            let foot = format!("{footer} · {} {} {} {n}", page_word.0, i + 1, page_word.1);
            page.canvas.line(&[(MARGIN, PAGE_H - MARGIN - 14.0), (PAGE_W - MARGIN, PAGE_H - MARGIN - 14.0)], RULE, 0.5);
            page.canvas.text(&foot, PAGE_W - MARGIN, PAGE_H - MARGIN - 2.0, SMALL, GREY, Align::Right, VAlign::Bottom);
            let mut p = doc.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid size"));
            let mut s = p.surface();
            draw(&mut s, &page.canvas);
            for (chart, x, y, scale) in &page.charts {
                s.push_transform(&Transform::from_row(*scale, 0.0, 0.0, *scale, *x, *y));
                // A chart's white background, then the chart.
                fill_rect(&mut s, 0.0, 0.0, chart.w as f32, chart.h as f32, [255, 255, 255]);
                draw(&mut s, chart);
                s.pop();
            }
            s.finish();
            p.finish();
        }
        doc.finish().map_err(|e| anyhow!("PDF: {e:?}"))
    }
}

/// A shaded box with a thin rule around it, its first line a heading: wrapped once,
/// measured, then drawn.
struct TextBox {
    /// Each paragraph's lines and type size.
    paragraphs: Vec<(Vec<String>, f32)>,
    w: f32,
    h: f32,
}

impl TextBox {
    fn new(lines: &[String], w: f32) -> TextBox {
        let paragraphs: Vec<(Vec<String>, f32)> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let size = if i == 0 { 9.0 } else { 7.0 };
                (text::wrap(l, size, w - 16.0), size)
            })
            .collect();
        let h = paragraphs.iter().map(|(ls, s)| ls.len() as f32 * s * 1.35 + 2.0).sum::<f32>() + 14.0;
        TextBox { paragraphs, w, h }
    }

    fn draw(&self, c: &mut Canvas, x: f32, y0: f32) {
        let (w, h) = (self.w, self.h);
        c.rect(x, y0, x + w, y0 + h, RULE);
        c.rect(x + 0.7, y0 + 0.7, x + w - 0.7, y0 + h - 0.7, BOX_FILL);
        let mut y = y0 + 7.0;
        for (i, (ls, size)) in self.paragraphs.iter().enumerate() {
            let color = if i == 0 { HEAD_BLUE } else { DARK };
            for l in ls {
                c.text(l, x + 8.0, y, *size, color, Align::Left, VAlign::Top);
                y += size * 1.35;
            }
            y += 2.0;
        }
    }
}

/// Places one line of a cell by the column's alignment.
#[allow(clippy::too_many_arguments)]
fn put(c: &mut Canvas, s: &str, x: f32, col: &Column<'_>, y: f32, size: f32, color: Rgb, pad: f32) {
    match col.just {
        Just::Left => c.text(s, x + pad, y, size, color, Align::Left, VAlign::Top),
        Just::Right => c.text(s, x + col.width - pad, y, size, color, Align::Right, VAlign::Top),
        Just::Center => c.text(s, x + col.width / 2.0, y, size, color, Align::Center, VAlign::Top),
    };
}

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

fn fill_of(c: Rgb) -> Fill {
    Fill { paint: colour(c).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn fill_rect(s: &mut Surface, x0: f32, y0: f32, x1: f32, y1: f32, c: Rgb) {
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

/// Draws a canvas's shapes and text as PDF vectors and glyphs.
fn draw(s: &mut Surface, c: &Canvas) {
    for op in &c.ops {
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
                s.draw_glyphs(Point::from_xy(*x, *y), &shaped(text), FONT.clone(), text, *size, false);
                if *up {
                    s.pop();
                }
            }
        }
    }
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's civil_from_days).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        // 2026-01-01 is 20,454 days after 1970-01-01 (56 years, 14 leap days).
        assert_eq!(civil(20_454), (2026, 1, 1));
        assert_eq!(civil(20_454 + 59), (2026, 3, 1));
    }

    #[test]
    fn a_long_table_runs_onto_a_second_page_with_its_header() {
        let mut f = Flow::new("t", "nl");
        let cols = [Column { head: "Kop", width: 100.0, just: Just::Left }];
        let rows: Vec<Vec<Cell>> = (0..80).map(|i| vec![Cell::new(format!("rij {i}"))]).collect();
        f.table(&cols, &rows, 9.0);
        assert_eq!(f.pages.len(), 2);
        let heads =
            |p: &Page| p.canvas.ops.iter().filter(|o| matches!(o, Op::Text { text, .. } if text == "Kop")).count();
        assert_eq!(heads(&f.pages[0]), 1);
        assert_eq!(heads(&f.pages[1]), 1);
        let pdf = f.finish("t", ("pagina", "van"), 1_767_225_600).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
