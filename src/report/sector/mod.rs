//! The sector report for analysts (SPEC §6). The workbook: one file per sheet —
//! Toelichting ([`method`]), Overzicht ([`overview`]), Lijnen ([`lines`]), Peergroepen
//! ([`peer`]), Instellingen ([`institutions`]), Items ([`items`]), Trend ([`trend`]),
//! Datakwaliteit ([`quality`]) — written by [`write`]; the sector overview as a document
//! (PDF and HTML) in [`document`].

pub mod document;
pub mod institutions;
pub mod items;
pub mod lines;
pub mod method;
pub mod overview;
pub mod peer;
pub mod quality;
pub mod trend;

pub use method::{method_lines, suppression_text};
pub use quality::{count_rows, look_alike_text, name_how, MAX_LISTED};

use std::path::Path;

use anyhow::Result;

use crate::report::xlsx::{self, Formats};
use crate::report::ReportContext;

use institutions::instellingen;
use items::items;
use lines::lines;
use method::toelichting;
use overview::overzicht;
use peer::peer_groups_sheet;
use quality::datakwaliteit;
use trend::trend;

pub fn write(ctx: &ReportContext<'_>, path: &Path) -> Result<()> {
    let fm = Formats::new();
    let mut wb = xlsx::workbook(ctx, ctx.t("LOB-monitor sectorrapport", "LOB monitor sector report"))?;
    toelichting(ctx, &mut wb, &fm)?;
    overzicht(ctx, &mut wb, &fm)?;
    lines(ctx, &mut wb, &fm)?;
    peer_groups_sheet(ctx, &mut wb, &fm)?;
    instellingen(ctx, &mut wb, &fm)?;
    items(ctx, &mut wb, &fm)?;
    trend(ctx, &mut wb, &fm)?;
    datakwaliteit(ctx, &mut wb, &fm)?;
    // Assembled in memory and written with one call: `save(path)` writes the zip
    // unbuffered, ~170 small writes per portret (BENCHMARKS.md).
    crate::report::write_file(path, wb.save_to_buffer()?)?;
    Ok(())
}
