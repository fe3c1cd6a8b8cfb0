//! Lays a [`Flow`] out on A4 pages from the top down — a block that does not fit starts
//! a new page, a table repeats its header — and builds the structure tree as it goes
//! (headings, paragraphs, tables with header cells, figures with alternative text, page
//! furniture as artifacts); then renders the pages, tagged, with their outline.

use std::num::NonZeroU16;

use anyhow::{anyhow, Result};
use krilla::configure::{Configuration, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect, Transform};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{
    ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use crate::report::charts::canvas::{Align, Op, Rgb, VAlign, DARK, GREY};
use crate::report::charts::text;
use crate::report::charts::{Canvas, Chart};
pub use crate::report::flow::{Block, Cell, Col, Column, Flow, Just, Table};
use crate::report::flow::{BODY, SMALL};

use super::draw::*;
use super::*;

/// What a piece of a page is to a reader: content of a structure element (text in a span,
/// a chart as one figure), or page furniture.
#[derive(Debug, Clone, Copy)]
pub(super) enum Role {
    Content(usize),
    Artifact(ArtifactType),
}

/// What a piece draws: shapes and text, or a chart placed at (x, y) and scaled.
pub(super) enum Ink {
    Ops(Vec<Op>),
    Chart { canvas: Canvas, x: f32, y: f32, scale: f32 },
}

pub(super) struct Piece {
    pub(super) ink: Ink,
    pub(super) role: Role,
}

#[derive(Default)]
pub(super) struct Page {
    pub(super) pieces: Vec<Piece>,
}

/// A structure element: its tag and the elements under it in reading order (the marked
/// content drawn for it is gathered as the pages are drawn).
pub(super) struct Element {
    pub(super) tag: TagKind,
    pub(super) children: Vec<usize>,
}

/// A flow being laid out on pages, with the structure tree it makes.
pub(super) struct Layout {
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    pub(super) elements: Vec<Element>,
    pub(super) roots: Vec<usize>,
    /// The headings, for the outline: level, text, page, y.
    pub(super) headings: Vec<(u16, String, usize, f32)>,
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
pub(super) fn alt_of(chart: &dyn Chart) -> String {
    let m = chart.meta();
    format!("{}. {} {}", m.title.trim_end_matches(['.', ',']), m.alt, m.description)
}

/// One line of text as ops.
pub(super) fn text_ops(s: &str, x: f32, y: f32, size: f32, color: Rgb, align: Align, valign: VAlign) -> Vec<Op> {
    let mut c = Canvas::new(0, 0);
    c.text(s, x, y, size, color, align, valign);
    c.ops
}

impl Layout {
    pub(super) fn new() -> Layout {
        Layout {
            pages: vec![Page::default()],
            y: MARGIN,
            elements: Vec::new(),
            roots: Vec::new(),
            headings: Vec::new(),
        }
    }

    pub(super) fn bottom() -> f32 {
        PAGE_H - MARGIN - FOOTER
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    /// Makes room for `h` points: a new page where this one has less.
    pub(super) fn need(&mut self, h: f32) {
        if self.y + h > Layout::bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    pub(super) fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub(super) fn element(&mut self, tag: impl Into<TagKind>, parent: Option<usize>) -> usize {
        let i = self.elements.len();
        self.elements.push(Element { tag: tag.into(), children: Vec::new() });
        match parent {
            Some(p) => self.elements[p].children.push(i),
            None => self.roots.push(i),
        }
        i
    }

    pub(super) fn put(&mut self, ink: Ink, role: Role) {
        self.pages.last_mut().expect("a layout has a page").pieces.push(Piece { ink, role });
    }

    pub(super) fn ops(&mut self, ops: Vec<Op>, role: Role) {
        self.put(Ink::Ops(ops), role);
    }

    /// A heading element of `level`, its place kept for the outline.
    pub(super) fn heading_element(&mut self, level: u16, s: &str) -> usize {
        let level = NonZeroU16::new(level).expect("heading levels start at 1");
        let e = self.element(Tag::Hn(level, Some(s.to_string())), None);
        self.headings.push((level.get(), s.to_string(), self.page_index(), self.y));
        e
    }

    pub(super) fn block(&mut self, b: &Block) {
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
    pub(super) fn filled(&self) -> f32 {
        (self.y - MARGIN) / (Layout::bottom() - MARGIN)
    }

    /// A boxed note across the text width (how to read page 1 of a portret, beside the
    /// table it explains).
    pub(super) fn boxed(&mut self, note: &[String]) {
        let b = TextBox::new(note, WIDTH);
        self.need(b.h);
        let y = self.y;
        self.note(&b, MARGIN, y);
        self.y += b.h + 8.0;
    }

    pub(super) fn title(&mut self, s: &str, sub: &str) {
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

    pub(super) fn heading(&mut self, s: &str) {
        // A heading never ends a page alone: room for it and three lines after it.
        self.need(16.0 + 4.0 * BODY * 1.35);
        self.y += 4.0;
        let h = self.heading_element(2, s);
        let y = self.y;
        self.ops(text_ops(s, MARGIN, y, 12.0, HEAD_BLUE, Align::Left, VAlign::Top), Role::Content(h));
        self.y += 18.0;
    }

    pub(super) fn subheading(&mut self, s: &str) {
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

    pub(super) fn paragraph(&mut self, s: &str, size: f32, color: Rgb) {
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
    pub(super) fn chart_beside_box(&mut self, chart: &dyn Chart, note: &[String]) {
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
    pub(super) fn chart(&mut self, chart: &dyn Chart, width: f32) {
        let width = width.min(WIDTH);
        let (canvas, scale) = drawn_for(chart, width);
        let h = canvas.h as f32 * scale;
        self.need(h + 6.0);
        let (x, y) = (MARGIN + (WIDTH - width) / 2.0, self.y);
        self.figure(chart, canvas, x, y, scale);
        self.y += h + 8.0;
    }

    pub(super) fn figure(&mut self, chart: &dyn Chart, canvas: Canvas, x: f32, y: f32, scale: f32) {
        let rect = Rect::from_xywh(x, y, canvas.w as f32 * scale, canvas.h as f32 * scale);
        let bbox = rect.map(|r| BBox::new(self.page_index(), r));
        let f = self.element(Tag::Figure(Some(alt_of(chart))).with_bbox(bbox), None);
        self.put(Ink::Chart { canvas, x, y, scale }, Role::Content(f));
    }

    /// The boxed note: background and rule as furniture, its first line a heading, the
    /// others a list.
    pub(super) fn note(&mut self, b: &TextBox, x: f32, y0: f32) {
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
    pub(super) fn table(&mut self, t: &Table) {
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
    pub(super) fn group(&self, i: usize, leaves: &mut [Vec<Identifier>]) -> TagGroup {
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
pub(super) fn outline(headings: &[(u16, String, usize, f32)]) -> Outline {
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
pub(super) fn laid_out(flow: &Flow) -> Layout {
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
pub(super) struct TextBox {
    /// Each paragraph's lines and type size.
    pub(super) paragraphs: Vec<(Vec<String>, f32)>,
    pub(super) w: f32,
    pub(super) h: f32,
}

impl TextBox {
    pub(super) fn new(lines: &[String], w: f32) -> TextBox {
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
pub(super) fn put(s: &str, x: f32, col: &Col, y: f32, size: f32, color: Rgb, pad: f32) -> Vec<Op> {
    match col.just {
        Just::Left => text_ops(s, x + pad, y, size, color, Align::Left, VAlign::Top),
        Just::Right => text_ops(s, x + col.width - pad, y, size, color, Align::Right, VAlign::Top),
        Just::Center => text_ops(s, x + col.width / 2.0, y, size, color, Align::Center, VAlign::Top),
    }
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's civil_from_days).
pub(super) fn civil(days: i64) -> (i64, u32, u32) {
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
