//! A4 PDFs, made in process with krilla: the portret an LOB coordinator forwards, and the
//! sector overview for analysts (SPEC §6). Text is set in the embedded DejaVu Sans
//! (subset into each file), shaped by rustybuzz as the charts are; charts are drawn as
//! vectors from the same [`Canvas`] their PNG and SVG come from.
//!
//! A document ([`Flow`], built once in `portret/document.rs` or `sector/document.rs`) is laid out from the top of a page
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

//!
//! [`layout`] places the blocks on pages and builds the structure tree (the tagging);
//! [`draw`] puts the placed text and shapes on krilla's pages (the font, shaping, fills).

pub mod draw;
pub mod layout;

pub use crate::report::flow::{Block, Cell, Col, Column, Flow, Just, Table};
pub use layout::{drawn_for, page_count, render, smallest_type};

use crate::report::charts::canvas::Rgb;

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

#[cfg(test)]
mod tests;
