//! A4 PDFs, made in process with krilla: the portret an LOB coordinator forwards, and the
//! sector overview for analysts (SPEC §6). Text is set in the embedded DejaVu Sans
//! (subset into each file), shaped by rustybuzz as the charts are; charts are drawn as
//! vectors from the same [`Canvas`] their PNG and SVG come from.
//!
//! A document ([`Flow`], built once in `documents.rs`) is laid out from the top of a page
//! down; a block that does not fit starts a new page (a table continues on the next page
//! with its header repeated). Page numbers are set once the number of pages is known.
//!
//! Every PDF is tagged (PDF/UA-1, checked by krilla's own validator as it is written): a
//! structure tree in reading order with the title as heading 1, sections as heading 2,
//! paragraphs, tables with a header row of column headers, each chart a figure whose
//! alternative text is the chart's own (its alt text and long description), the boxed
//! note a heading and a list; footers, page numbers, rules, cell fills and a table header
//! repeated on a continuation page are page furniture (artifacts). The document's title is
//! what the viewer's title bar shows, its language is set, and its headings make the
//! outline (bookmarks).
//!
//! No text prints under [`MIN_PT`]: a chart is drawn for its place on the page, on a
//! canvas narrow enough that its smallest type, scaled to the place, is at least that.

use std::cell::RefCell;
use std::collections::HashMap;
use std::num::NonZeroU16;
use std::rc::Rc;
use std::sync::LazyLock;

use anyhow::{anyhow, Result};
use krilla::color::rgb;
use krilla::configure::{Configuration, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::report::charts::canvas::{hatch_lines, Align, Op, Rgb, VAlign, DARK, GREY, HATCH_WIDTH, WHITE_RGB};
use crate::report::charts::text;
use crate::report::charts::{Canvas, Chart};
pub use crate::report::flow::{Block, Cell, Col, Column, Flow, Just, Table};
use crate::report::flow::{BODY, SMALL};

/// A4 in points.
pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 46.0;
const FOOTER: f32 = 28.0;
/// The width text and tables may use.
pub const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

/// The smallest type a PDF prints, in points.
pub const MIN_PT: f32 = 7.0;
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

/// What a piece of a page is to a reader: content of a structure element (text in a span,
/// a chart as one figure), or page furniture.
#[derive(Debug, Clone, Copy)]
enum Role {
    Content(usize),
    Artifact(ArtifactType),
}

/// What a piece draws: shapes and text, or a chart placed at (x, y) and scaled.
enum Ink {
    Ops(Vec<Op>),
    Chart { canvas: Canvas, x: f32, y: f32, scale: f32 },
}

struct Piece {
    ink: Ink,
    role: Role,
}

#[derive(Default)]
struct Page {
    pieces: Vec<Piece>,
}

/// A structure element: its tag and the elements under it in reading order (the marked
/// content drawn for it is gathered as the pages are drawn).
struct Element {
    tag: TagKind,
    children: Vec<usize>,
}

/// A flow being laid out on pages, with the structure tree it makes.
struct Layout {
    pages: Vec<Page>,
    y: f32,
    elements: Vec<Element>,
    roots: Vec<usize>,
    /// The headings, for the outline: level, text, page, y.
    headings: Vec<(u16, String, usize, f32)>,
}

/// A chart drawn for a place `width` points wide: on its own canvas where its smallest
/// type, scaled to the place, prints at [`MIN_PT`] or more; else on a canvas just narrow
/// enough (as tall) that it does, so the chart lays itself out for the room it has.
/// Returns the drawing and its scale.
pub fn drawn_for(chart: &dyn Chart, width: f32) -> (Canvas, f32) {
    let (w, h) = chart.size();
    let mut c = Canvas::new(w, h);
    chart.draw(&mut c);
    let smallest = smallest_type(&c);
    let scale = width / w as f32;
    if !smallest.is_finite() || smallest * scale >= MIN_PT {
        return (c, scale);
    }
    let narrow = ((width * smallest / MIN_PT).floor() as u32).max(1);
    let mut c = Canvas::new(narrow, h);
    chart.draw(&mut c);
    (c, width / narrow as f32)
}

/// The smallest type size on a canvas (infinite where it has no text).
pub fn smallest_type(c: &Canvas) -> f32 {
    c.ops
        .iter()
        .filter_map(|o| match o {
            Op::Text { size, .. } => Some(*size),
            _ => None,
        })
        .fold(f32::INFINITY, f32::min)
}

/// A chart's text alternative: its title, alt text and long description.
fn alt_of(chart: &dyn Chart) -> String {
    let m = chart.meta();
    format!("{}. {} {}", m.title.trim_end_matches(['.', ',']), m.alt, m.description)
}

/// One line of text as ops.
fn text_ops(s: &str, x: f32, y: f32, size: f32, color: Rgb, align: Align, valign: VAlign) -> Vec<Op> {
    let mut c = Canvas::new(0, 0);
    c.text(s, x, y, size, color, align, valign);
    c.ops
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Page::default()],
            y: MARGIN,
            elements: Vec::new(),
            roots: Vec::new(),
            headings: Vec::new(),
        }
    }

    fn bottom() -> f32 {
        PAGE_H - MARGIN - FOOTER
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    /// Makes room for `h` points: a new page where this one has less.
    fn need(&mut self, h: f32) {
        if self.y + h > Layout::bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn element(&mut self, tag: impl Into<TagKind>, parent: Option<usize>) -> usize {
        let i = self.elements.len();
        self.elements.push(Element { tag: tag.into(), children: Vec::new() });
        match parent {
            Some(p) => self.elements[p].children.push(i),
            None => self.roots.push(i),
        }
        i
    }

    fn put(&mut self, ink: Ink, role: Role) {
        self.pages.last_mut().expect("a layout has a page").pieces.push(Piece { ink, role });
    }

    fn ops(&mut self, ops: Vec<Op>, role: Role) {
        self.put(Ink::Ops(ops), role);
    }

    /// A heading element of `level`, its place kept for the outline.
    fn heading_element(&mut self, level: u16, s: &str) -> usize {
        let level = NonZeroU16::new(level).expect("heading levels start at 1");
        let e = self.element(Tag::Hn(level, Some(s.to_string())), None);
        self.headings.push((level.get(), s.to_string(), self.page_index(), self.y));
        e
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Title { text: s, sub } => self.title(s, sub),
            Block::Heading(s) => self.heading(s),
            Block::Subheading(s) => self.subheading(s),
            Block::Paragraph { text: s, size, color } => self.paragraph(s, *size, *color),
            Block::Table(t) => self.table(t),
            Block::Chart { chart, width } => self.chart(chart.as_ref(), *width),
            Block::ChartBesideBox { chart, note } => self.chart_beside_box(chart.as_ref(), note),
            Block::Boxed(note) => self.boxed(note),
            Block::NewPage => self.new_page(),
            Block::NewPageIfFilled(share) => {
                if self.filled() >= *share {
                    self.new_page();
                }
            }
        }
    }

    /// How much of the current page's text area is filled, 0 to 1.
    fn filled(&self) -> f32 {
        (self.y - MARGIN) / (Layout::bottom() - MARGIN)
    }

    /// A boxed note across the text width (how to read page 1 of a portret, beside the
    /// table it explains).
    fn boxed(&mut self, note: &[String]) {
        let b = TextBox::new(note, WIDTH);
        self.need(b.h);
        let y = self.y;
        self.note(&b, MARGIN, y);
        self.y += b.h + 8.0;
    }

    fn title(&mut self, s: &str, sub: &str) {
        let lines = text::wrap(s, 17.0, WIDTH);
        self.need(22.0 * lines.len() as f32 + 18.0);
        let h = self.heading_element(1, s);
        for l in lines {
            let y = self.y;
            self.ops(text_ops(&l, MARGIN, y, 17.0, HEAD_BLUE, Align::Left, VAlign::Top), Role::Content(h));
            self.y += 22.0;
        }
        if !sub.is_empty() {
            let p = self.element(Tag::P, None);
            let y = self.y;
            self.ops(text_ops(sub, MARGIN, y, BODY, GREY, Align::Left, VAlign::Top), Role::Content(p));
        }
        self.y += 20.0;
    }

    fn heading(&mut self, s: &str) {
        // A heading never ends a page alone: room for it and three lines after it.
        self.need(16.0 + 4.0 * BODY * 1.35);
        self.y += 4.0;
        let h = self.heading_element(2, s);
        let y = self.y;
        self.ops(text_ops(s, MARGIN, y, 12.0, HEAD_BLUE, Align::Left, VAlign::Top), Role::Content(h));
        self.y += 18.0;
    }

    fn subheading(&mut self, s: &str) {
        let size = 10.0;
        let lines = text::wrap(s, size, WIDTH);
        self.need(lines.len() as f32 * size * 1.35 + 3.0 * BODY * 1.35);
        let h = self.heading_element(3, s);
        for l in lines {
            let y = self.y;
            self.ops(text_ops(&l, MARGIN, y, size, HEAD_BLUE, Align::Left, VAlign::Top), Role::Content(h));
            self.y += size * 1.35;
        }
        self.y += size * 0.5;
    }

    fn paragraph(&mut self, s: &str, size: f32, color: Rgb) {
        let p = self.element(Tag::P, None);
        for line in text::wrap(s, size, WIDTH) {
            self.need(size * 1.35);
            let y = self.y;
            self.ops(text_ops(&line, MARGIN, y, size, color, Align::Left, VAlign::Top), Role::Content(p));
            self.y += size * 1.35;
        }
        self.y += size * 0.5;
    }

    /// A chart on the left and a boxed note on the right, side by side, where the chart's
    /// type prints at [`MIN_PT`] or more in the room beside the note without redrawing it
    /// narrower; else the chart across the text width and the note under it (a chart
    /// squeezed narrower wraps and crowds its labels).
    fn chart_beside_box(&mut self, chart: &dyn Chart, note: &[String]) {
        let gap = 10.0;
        let box_w = WIDTH * 0.38;
        let chart_w = WIDTH - box_w - gap;
        let (w, _) = chart.size();
        let (canvas, scale) = drawn_for(chart, chart_w);
        if canvas.w == w {
            let chart_h = canvas.h as f32 * scale;
            let boxed = TextBox::new(note, box_w);
            self.need(chart_h.max(boxed.h));
            let y = self.y;
            self.figure(chart, canvas, MARGIN, y, scale);
            self.note(&boxed, MARGIN + chart_w + gap, y);
            self.y += chart_h.max(boxed.h) + 8.0;
        } else {
            let (canvas, scale) = drawn_for(chart, WIDTH);
            let chart_h = canvas.h as f32 * scale;
            let boxed = TextBox::new(note, WIDTH);
            self.need(chart_h + 8.0 + boxed.h);
            let y = self.y;
            self.figure(chart, canvas, MARGIN, y, scale);
            self.note(&boxed, MARGIN, y + chart_h + 8.0);
            self.y += chart_h + 8.0 + boxed.h + 8.0;
        }
    }

    /// A chart, scaled to `width` points (at most the text width), centred.
    fn chart(&mut self, chart: &dyn Chart, width: f32) {
        let width = width.min(WIDTH);
        let (canvas, scale) = drawn_for(chart, width);
        let h = canvas.h as f32 * scale;
        self.need(h + 6.0);
        let (x, y) = (MARGIN + (WIDTH - width) / 2.0, self.y);
        self.figure(chart, canvas, x, y, scale);
        self.y += h + 8.0;
    }

    fn figure(&mut self, chart: &dyn Chart, canvas: Canvas, x: f32, y: f32, scale: f32) {
        let rect = Rect::from_xywh(x, y, canvas.w as f32 * scale, canvas.h as f32 * scale);
        let bbox = rect.map(|r| BBox::new(self.page_index(), r));
        let f = self.element(Tag::Figure(Some(alt_of(chart))).with_bbox(bbox), None);
        self.put(Ink::Chart { canvas, x, y, scale }, Role::Content(f));
    }

    /// The boxed note: background and rule as furniture, its first line a heading, the
    /// others a list.
    fn note(&mut self, b: &TextBox, x: f32, y0: f32) {
        let (w, h) = (b.w, b.h);
        let mut c = Canvas::new(0, 0);
        c.rect(x, y0, x + w, y0 + h, RULE);
        c.rect(x + 0.7, y0 + 0.7, x + w - 0.7, y0 + h - 0.7, BOX_FILL);
        self.ops(c.ops, Role::Artifact(ArtifactType::Other));
        let mut y = y0 + 7.0;
        let mut list = None;
        for (i, (ls, size)) in b.paragraphs.iter().enumerate() {
            let (e, color) = if i == 0 {
                let saved = self.y;
                self.y = y;
                let e = self.heading_element(3, &ls.join(" "));
                self.y = saved;
                (e, HEAD_BLUE)
            } else {
                let l = *list.get_or_insert_with(|| self.element(Tag::L(ListNumbering::None), None));
                let li = self.element(Tag::LI, Some(l));
                (self.element(Tag::LBody, Some(li)), DARK)
            };
            for line in ls {
                self.ops(text_ops(line, x + 8.0, y, *size, color, Align::Left, VAlign::Top), Role::Content(e));
                y += size * 1.35;
            }
            y += 2.0;
        }
    }

    /// A table: a header row of column headers, then the rows; cells wrap within their
    /// columns, a row never splits, the header repeats (as furniture) on every page the
    /// table runs onto.
    fn table(&mut self, t: &Table) {
        let (cols, size) = (&t.cols, t.size);
        let pad = 2.5;
        let lead = size * 1.3;
        let wrap_row = |cells: Vec<&str>| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(cols)
                .map(|(t, c)| text::wrap(t, size, c.width - 2.0 * pad).into_iter().filter(|l| !l.is_empty()).collect())
                .collect()
        };
        let header = wrap_row(cols.iter().map(|c| c.head.as_str()).collect());
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lead + 2.0 * pad;
        let total_w: f32 = cols.iter().map(|c| c.width).sum();
        self.need(header_h + lead + 2.0 * pad);
        let table = self.element(Tag::Table, None);
        let thead = self.element(Tag::THead, Some(table));
        let head_row = self.element(Tag::TR, Some(thead));
        let heads: Vec<usize> = cols
            .iter()
            .map(|_| self.element(Tag::TH(krilla::tagging::TableHeaderScope::Column), Some(head_row)))
            .collect();
        let tbody = self.element(Tag::TBody, Some(table));
        // The header: tagged the first time, furniture where it repeats.
        let draw_header = |l: &mut Layout, first: bool| {
            let y = l.y;
            let mut fill = Canvas::new(0, 0);
            fill.rect(MARGIN, y, MARGIN + total_w, y + header_h, HEADER_FILL);
            l.ops(fill.ops, Role::Artifact(ArtifactType::Other));
            let mut x = MARGIN;
            for ((c, lines), &th) in cols.iter().zip(&header).zip(&heads) {
                let role = if first { Role::Content(th) } else { Role::Artifact(ArtifactType::Other) };
                if lines.is_empty() && first {
                    l.ops(Vec::new(), role);
                }
                for (k, line) in lines.iter().enumerate() {
                    l.ops(put(line, x, c, y + pad + k as f32 * lead, size, DARK, pad), role);
                }
                x += c.width;
            }
            l.y += header_h;
        };
        draw_header(self, true);
        for row in &t.rows {
            let lines = wrap_row(row.iter().map(|c| c.text.as_str()).collect());
            let h = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lead + 2.0 * pad;
            if self.y + h > Layout::bottom() {
                self.new_page();
                draw_header(self, false);
            }
            let tr = self.element(Tag::TR, Some(tbody));
            let y = self.y;
            let mut x = MARGIN;
            for ((c, cell), ls) in cols.iter().zip(row).zip(&lines) {
                let td = self.element(Tag::TD, Some(tr));
                if let Some(f) = cell.fill {
                    let mut fill = Canvas::new(0, 0);
                    fill.rect(x + 0.5, y + 0.5, x + c.width - 0.5, y + h - 0.5, f);
                    self.ops(fill.ops, Role::Artifact(ArtifactType::Other));
                }
                let color = if cell.strong { HEAD_BLUE } else { DARK };
                if ls.is_empty() {
                    self.ops(Vec::new(), Role::Content(td));
                }
                for (k, l) in ls.iter().enumerate() {
                    self.ops(put(l, x, c, y + pad + k as f32 * lead, size, color, pad), Role::Content(td));
                }
                x += c.width;
            }
            let mut rule = Canvas::new(0, 0);
            rule.line(&[(MARGIN, y + h), (x, y + h)], [217, 217, 217], 0.4);
            self.ops(rule.ops, Role::Artifact(ArtifactType::Other));
            self.y += h;
        }
        self.y += 8.0;
    }

    /// The structure tree of element `i`.
    fn group(&self, i: usize, leaves: &mut [Vec<Identifier>]) -> TagGroup {
        let e = &self.elements[i];
        let mut g = TagGroup::new(e.tag.clone());
        for &k in &e.children {
            g.push(Node::Group(self.group(k, leaves)));
        }
        for id in std::mem::take(&mut leaves[i]) {
            g.push(Node::Leaf(id));
        }
        g
    }
}

/// The outline (bookmarks) from the headings: level 2 under the level 1 before it, level
/// 3 under the level 2.
fn outline(headings: &[(u16, String, usize, f32)]) -> Outline {
    /// A level-2 entry and the level-3 entries under it.
    type Section = (OutlineNode, Vec<OutlineNode>);
    let mut tops: Vec<(OutlineNode, Vec<Section>)> = Vec::new();
    for (level, text, page, y) in headings {
        let node = OutlineNode::new(text.clone(), XyzDestination::new(*page, Point::from_xy(MARGIN, *y)));
        match (level, tops.last_mut()) {
            (1, _) | (_, None) => tops.push((node, Vec::new())),
            (2, Some(top)) => top.1.push((node, Vec::new())),
            (_, Some(top)) => match top.1.last_mut() {
                Some(sec) => sec.1.push(node),
                None => top.1.push((node, Vec::new())),
            },
        }
    }
    let mut o = Outline::new();
    for (mut top, secs) in tops {
        for (mut sec, subs) in secs {
            for sub in subs {
                sec.push_child(sub);
            }
            top.push_child(sec);
        }
        o.push_child(top);
    }
    o
}

/// A document laid out on A4 pages.
fn laid_out(flow: &Flow) -> Layout {
    let mut layout = Layout::new();
    for b in &flow.blocks {
        layout.block(b);
    }
    layout
}

/// How many A4 pages a document takes (page 1 of a portret is laid out again, shorter,
/// where it would spill).
pub fn page_count(flow: &Flow) -> usize {
    laid_out(flow).pages.len()
}

/// The finished PDF of a document: laid out on A4, every page with its footer ("title ·
/// page i of n") as furniture, fonts embedded, tagged and checked against PDF/UA-1 by
/// krilla as it is written; creation date from `timestamp` (reproducible with
/// SOURCE_DATE_EPOCH).
pub fn render(flow: &Flow, timestamp: i64) -> Result<Vec<u8>> {
    let mut layout = laid_out(flow);
    let settings =
        SerializeSettings { configuration: Configuration::new_with_validator(Validator::UA1), ..Default::default() };
    let mut doc = Document::new_with(settings);
    let n = layout.pages.len();
    let days = timestamp.div_euclid(86_400);
    let (y, m, d) = civil(days);
    let date = krilla::metadata::DateTime::new(y as u16).month(m as u8).day(d as u8);
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(flow.title.clone())
            .language(flow.lang.to_string())
            .creator("lobmonitor".into())
            .creation_date(date),
    );
    let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); layout.elements.len()];
    let pages = std::mem::take(&mut layout.pages);
    for (i, mut page) in pages.into_iter().enumerate() {
        let foot = format!("{} · {} {} {} {n}", flow.footer, flow.page_words.0, i + 1, flow.page_words.1);
        let mut c = Canvas::new(0, 0);
        c.line(&[(MARGIN, PAGE_H - MARGIN - 14.0), (PAGE_W - MARGIN, PAGE_H - MARGIN - 14.0)], RULE, 0.5);
        c.text(&foot, PAGE_W - MARGIN, PAGE_H - MARGIN - 2.0, SMALL, GREY, Align::Right, VAlign::Bottom);
        page.pieces.push(Piece { ink: Ink::Ops(c.ops), role: Role::Artifact(ArtifactType::Footer) });
        let mut p = doc.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid size"));
        let mut s = p.surface();
        for piece in &page.pieces {
            let owner = match piece.role {
                Role::Content(e) => {
                    let tag = match &piece.ink {
                        Ink::Chart { .. } => ContentTag::Other,
                        Ink::Ops(ops) => ContentTag::Span(SpanTag::empty().with_actual_text(actual_text(ops))),
                    };
                    Some((e, s.start_tagged(tag)))
                }
                Role::Artifact(t) => {
                    s.start_tagged(ContentTag::Artifact(t));
                    None
                }
            };
            match &piece.ink {
                Ink::Ops(ops) => draw(&mut s, ops),
                Ink::Chart { canvas, x, y, scale } => {
                    s.push_transform(&Transform::from_row(*scale, 0.0, 0.0, *scale, *x, *y));
                    // A chart's white background, then the chart.
                    fill_rect(&mut s, 0.0, 0.0, canvas.w as f32, canvas.h as f32, [255, 255, 255]);
                    draw(&mut s, &canvas.ops);
                    s.pop();
                }
            }
            s.end_tagged();
            if let Some((e, id)) = owner {
                leaves[e].push(id);
            }
        }
        s.finish();
        p.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(flow.lang.to_string()));
    for &r in &layout.roots {
        tree.push(layout.group(r, &mut leaves));
    }
    doc.set_tag_tree(tree);
    doc.set_outline(outline(&layout.headings));
    doc.finish().map_err(|e| anyhow!("PDF: {e:?}"))
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
                let size = if i == 0 { 9.0 } else { MIN_PT };
                (text::wrap(l, size, w - 16.0), size)
            })
            .collect();
        let h = paragraphs.iter().map(|(ls, s)| ls.len() as f32 * s * 1.35 + 2.0).sum::<f32>() + 14.0;
        TextBox { paragraphs, w, h }
    }
}

/// One line of a cell placed by the column's alignment.
#[allow(clippy::too_many_arguments)]
fn put(s: &str, x: f32, col: &Col, y: f32, size: f32, color: Rgb, pad: f32) -> Vec<Op> {
    match col.just {
        Just::Left => text_ops(s, x + pad, y, size, color, Align::Left, VAlign::Top),
        Just::Right => text_ops(s, x + col.width - pad, y, size, color, Align::Right, VAlign::Top),
        Just::Center => text_ops(s, x + col.width / 2.0, y, size, color, Align::Center, VAlign::Top),
    }
}

/// A line as the embedded font can set it: invisible format characters (zero-width
/// joiners, variation selectors, tags) left out, and a character the font has no glyph
/// for (an emoji in a name) shown as U+FFFD; the span's ActualText keeps the original
/// for copying and screen readers (PDF/UA-1 forbids the font's empty .notdef glyph).
fn settable(s: &str) -> std::borrow::Cow<'_, str> {
    let invisible = |c: char| {
        matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
            || ('\u{E0000}'..='\u{E007F}').contains(&c)
    };
    let has = |c: char| text::face().glyph_index(c).is_some();
    if s.chars().all(|c| has(c) && !invisible(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let stand_in = if has('\u{FFFD}') { '\u{FFFD}' } else { '?' };
    std::borrow::Cow::Owned(
        s.chars().filter(|&c| !invisible(c)).map(|c| if has(c) || c == ' ' { c } else { stand_in }).collect(),
    )
}

/// The original text of a piece whose text the font cannot set as it is.
fn actual_text(ops: &[Op]) -> Option<&str> {
    ops.iter().find_map(|o| match o {
        Op::Text { text, .. } if matches!(settable(text), std::borrow::Cow::Owned(_)) => Some(text.as_str()),
        _ => None,
    })
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

/// Draws shapes and text as PDF vectors and glyphs.
fn draw(s: &mut Surface, ops: &[Op]) {
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

    fn texts(p: &Page, role: fn(&Role) -> bool) -> Vec<String> {
        p.pieces
            .iter()
            .filter(|x| role(&x.role))
            .flat_map(|x| match &x.ink {
                Ink::Ops(ops) => ops.clone(),
                Ink::Chart { .. } => Vec::new(),
            })
            .filter_map(|o| match o {
                Op::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_runs_onto_a_second_page_with_its_header_as_furniture() {
        let mut f = Flow::new("t", "nl");
        f.heading("Tabel");
        let cols = [Column { head: "Kop", width: 100.0, just: Just::Left }];
        let rows: Vec<Vec<Cell>> = (0..80).map(|i| vec![Cell::new(format!("rij {i}"))]).collect();
        f.table(&cols, &rows, 9.0);
        let mut l = Layout::new();
        for b in &f.blocks {
            l.block(b);
        }
        assert_eq!(l.pages.len(), 2);
        let content = |r: &Role| matches!(r, Role::Content(_));
        let furniture = |r: &Role| matches!(r, Role::Artifact(_));
        // The header once as content (the table's TH), once more as furniture.
        assert_eq!(texts(&l.pages[0], content).iter().filter(|t| *t == "Kop").count(), 1);
        assert_eq!(texts(&l.pages[1], content).iter().filter(|t| *t == "Kop").count(), 0);
        assert_eq!(texts(&l.pages[1], furniture).iter().filter(|t| *t == "Kop").count(), 1);
        // Every row is one TR of the table's body: 80 rows and the header row.
        let trs = l.elements.iter().filter(|e| matches!(e.tag, TagKind::TR(_))).count();
        assert_eq!(trs, 81);
        let pdf = render(&f.done("t", ("pagina", "van")), 1_767_225_600).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    /// A chart with type of 20 px on a 1600 px canvas.
    struct Wide;

    impl Chart for Wide {
        fn size(&self) -> (u32, u32) {
            (1600, 400)
        }

        fn draw(&self, c: &mut Canvas) {
            c.text("klein", 10.0, 10.0, 20.0, DARK, Align::Left, VAlign::Top);
            c.text("titel", 10.0, 60.0, 38.0, DARK, Align::Left, VAlign::Top);
        }

        fn rows(&self) -> Vec<crate::report::charts::Row> {
            Vec::new()
        }

        fn meta(&self) -> crate::report::charts::Meta {
            crate::report::charts::Meta {
                title: "Titel".into(),
                year: None,
                alt: "Een grafiek.".into(),
                description: "Met cijfers.".into(),
            }
        }
    }

    #[test]
    fn a_chart_is_drawn_for_its_place_so_no_type_prints_under_seven_points() {
        // 20 px on 1600 px set 500 pt wide would print at 20 × 500/1600 = 6.25 pt: the
        // chart is drawn on floor(500 × 20 / 7) = 1428 px instead: 20 × 500/1428 = 7.003.
        let (c, scale) = drawn_for(&Wide, 500.0);
        assert_eq!((c.w, c.h), (1428, 400));
        assert!((smallest_type(&c) * scale - 7.003).abs() < 0.001);
        // Where it fits, the chart keeps its size: 20 × 800/1600 = 10 pt.
        let (c, scale) = drawn_for(&Wide, 800.0);
        assert_eq!((c.w, scale), (1600, 0.5));
    }

    #[test]
    fn a_name_the_font_cannot_set_still_makes_a_valid_pdf() {
        // DejaVu Sans has no emoji: 🎓 is set as U+FFFD (the span keeps the name as its
        // ActualText); the zero-width joiner and variation selector are left out.
        assert_eq!(settable("School A"), "School A");
        assert_eq!(settable("🎓 School\u{200D}\u{FE0F} B"), "\u{FFFD} School B");
        let mut f = Flow::new("🎓🎓 2026", "nl");
        f.title("🎓🎓 2026", "");
        f.heading("Waar staat u");
        f.text("🎓🎓 scoort hoger.");
        let pdf = render(&f.done("🎓🎓 2026", ("pagina", "van")), 0).expect("valid PDF/UA-1");
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn every_block_is_tagged_and_passes_the_pdf_ua_validator() {
        let mut f = Flow::new("Titel van het document", "nl");
        f.title("Titel van het document", "ondertitel");
        f.heading("Eerste deel");
        f.text("Een alinea.");
        f.chart_beside_box(Box::new(Wide), &["Zo leest u dit".into(), "Eerste punt.".into(), "Tweede.".into()]);
        f.table(
            &[
                Column { head: "", width: 40.0, just: Just::Left },
                Column { head: "Score", width: 60.0, just: Just::Right },
            ],
            &[vec![Cell::new("a"), Cell::filled("", [200, 200, 200])]],
            7.0,
        );
        f.subheading("Een kopje");
        f.chart(Box::new(Wide), WIDTH);
        let f = f.done("voet", ("pagina", "van"));
        let pdf = render(&f, 0).expect("krilla's PDF/UA-1 validator accepts it");
        let raw = String::from_utf8_lossy(&pdf);
        for key in ["/StructTreeRoot", "/MarkInfo", "/Lang", "/DisplayDocTitle true", "/Alt", "/Outlines"] {
            assert!(raw.contains(key), "{key} missing");
        }
        // Structure: H1, P, H2, P, Figure, H3, L, Table, H3, Figure at the root.
        let mut l = Layout::new();
        for b in &f.blocks {
            l.block(b);
        }
        let kinds: Vec<String> = l
            .roots
            .iter()
            .map(|&r| format!("{:?}", l.elements[r].tag).split('(').next().unwrap().to_string())
            .collect();
        assert_eq!(kinds, ["Hn", "P", "Hn", "P", "Figure", "Hn", "L", "Table", "Hn", "Figure"]);
        let levels: Vec<u16> = l.headings.iter().map(|h| h.0).collect();
        assert_eq!(levels, [1, 2, 3, 3]);
    }
}
