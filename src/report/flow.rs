//! A report as a flow of typed blocks — a title, headings, paragraphs, tables with their
//! header row, charts with their text alternative, a boxed list — in reading order. The
//! two documents (`portret/document.rs`, `sector/document.rs`) are each laid out once as a
//! [`Flow`] from their report; `pdf/` lays it out on A4 (tagged for assistive technology) and `html.rs`
//! writes it as a web page, so the PDF and the HTML edition say the same words and
//! figures. Neither renderer adds content of its own beyond page furniture.

use crate::report::charts::canvas::{Rgb, DARK, GREY};
use crate::report::charts::Chart;

/// Body type size (pt) and the small print (never under 7 pt as printed).
pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 7.5;

/// A page filled less than this share is near-empty: a page break is not forced after it
/// (no page before the last is left near empty).
pub const NEAR_EMPTY: f32 = 0.25;

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

/// A column as a document gives it: its header, width (points on A4) and alignment.
pub struct Column<'a> {
    pub head: &'a str,
    pub width: f32,
    pub just: Just,
}

/// A column as the flow keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    pub head: String,
    pub width: f32,
    pub just: Just,
}

/// A table: its caption (the heading of the section it stands in, for readers that
/// announce tables by name), columns, rows and type size.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub cols: Vec<Col>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
}

/// One block of a document, in reading order.
pub enum Block {
    /// The document's title (heading level 1) and the line under it.
    Title {
        text: String,
        sub: String,
    },
    /// A section heading (level 2).
    Heading(String),
    /// A heading inside a section (level 3): a recommendation's title, a method note's.
    Subheading(String),
    /// A paragraph in a type size and colour.
    Paragraph {
        text: String,
        size: f32,
        color: Rgb,
    },
    Table(Table),
    /// A chart at `width` points on A4; its text alternative is its [`Chart::meta`].
    Chart {
        chart: Box<dyn Chart>,
        width: f32,
    },
    /// A chart with a boxed note beside it: the note's first line is its heading, the
    /// others a list (page 1 of the portret: the chart and how to read it together).
    ChartBesideBox {
        chart: Box<dyn Chart>,
        note: Vec<String>,
    },
    /// A boxed note across the text width: its first line is its heading, the others a
    /// list (how to read page 1 of the portret, under the table it explains).
    Boxed(Vec<String>),
    /// The next block starts a new page (in print).
    NewPage,
    /// In print, the next block starts a new page where this one is already filled to
    /// this share (0 to 1) or more; otherwise it follows on, so no page before the last
    /// is left near empty.
    NewPageIfFilled(f32),
}

/// A document being built: its title, language and blocks; then the words of its page
/// footer.
pub struct Flow {
    pub title: String,
    /// "nl" or "en".
    pub lang: &'static str,
    pub blocks: Vec<Block>,
    /// The footer's text ("School A 2026") and the words of "pagina i van n".
    pub footer: String,
    pub page_words: (String, String),
    /// The last heading, the caption of the tables under it.
    section: String,
}

impl Flow {
    /// `lang`: "nl" or "en", for the document's metadata.
    pub fn new(title: &str, lang: &'static str) -> Flow {
        Flow {
            title: title.to_string(),
            lang,
            blocks: Vec::new(),
            footer: String::new(),
            page_words: (String::new(), String::new()),
            section: title.to_string(),
        }
    }

    pub fn title(&mut self, s: &str, sub: &str) {
        self.section = s.to_string();
        self.blocks.push(Block::Title { text: s.into(), sub: sub.into() });
    }

    pub fn heading(&mut self, s: &str) {
        self.section = s.to_string();
        self.blocks.push(Block::Heading(s.into()));
    }

    pub fn subheading(&mut self, s: &str) {
        self.blocks.push(Block::Subheading(s.into()));
    }

    /// A wrapped paragraph.
    pub fn paragraph(&mut self, s: &str, size: f32, color: Rgb) {
        self.blocks.push(Block::Paragraph { text: s.into(), size, color });
    }

    pub fn text(&mut self, s: &str) {
        self.paragraph(s, BODY, DARK);
    }

    pub fn small(&mut self, s: &str) {
        self.paragraph(s, SMALL, GREY);
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.blocks.push(Block::NewPage);
    }

    /// Starts a new page where the current one is filled to `share` or more.
    pub fn new_page_if_filled(&mut self, share: f32) {
        self.blocks.push(Block::NewPageIfFilled(share));
    }

    /// A boxed note across the text width.
    pub fn text_box(&mut self, note: &[String]) {
        self.blocks.push(Block::Boxed(note.to_vec()));
    }

    /// A table; in print, cells wrap within their columns, a row never splits, the header
    /// repeats on every page the table runs onto.
    pub fn table(&mut self, cols: &[Column<'_>], rows: &[Vec<Cell>], size: f32) {
        self.blocks.push(Block::Table(Table {
            caption: self.section.clone(),
            cols: cols.iter().map(|c| Col { head: c.head.to_string(), width: c.width, just: c.just }).collect(),
            rows: rows.to_vec(),
            size,
        }));
    }

    /// A chart, `width` points wide on A4 (at most the text width), centred.
    pub fn chart(&mut self, chart: Box<dyn Chart>, width: f32) {
        self.blocks.push(Block::Chart { chart, width });
    }

    /// A chart on the left and a boxed note on the right, side by side.
    pub fn chart_beside_box(&mut self, chart: Box<dyn Chart>, note: &[String]) {
        self.blocks.push(Block::ChartBesideBox { chart, note: note.to_vec() });
    }

    /// The document complete: the footer every printed page carries ("title · page i of
    /// n": `page_word` = ("pagina", "van")).
    pub fn done(mut self, footer: &str, page_word: (&str, &str)) -> Flow {
        self.footer = footer.to_string();
        self.page_words = (page_word.0.to_string(), page_word.1.to_string());
        self
    }
}
