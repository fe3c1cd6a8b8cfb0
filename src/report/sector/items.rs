//! The sector workbook's Items sheet: every item's score per line and year, heat-mapped.

use anyhow::Result;
use rust_xlsxwriter::{Color, ConditionalFormat3ColorScale, Workbook};

use crate::report::xlsx::{self, Formats};
use crate::report::ReportContext;

pub(super) fn items(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Items", "Items"))?;
    xlsx::print_setup(ws, Some(0))?;
    let years = &ctx.scores.years;
    let mut heads: Vec<String> = vec![
        "Item".into(),
        ctx.t("Lijn", "Line").into(),
        ctx.t("Aandachtsgebied", "Area").into(),
        ctx.t("Soort", "Kind").into(),
        ctx.t("Tekst", "Text").into(),
    ];
    for y in years {
        heads.push(format!("Score {y}"));
        heads.push(format!("n {y}"));
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut widths = vec![11.0, 9.0, 22.0, 15.0, 90.0];
    widths.extend(years.iter().flat_map(|_| [11.0, 8.0]));
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    ws.set_freeze_panes(1, 1)?;
    let sector: std::collections::HashMap<(u16, u16), &crate::score::ItemScore> =
        years.iter().flat_map(|&y| ctx.scores.items_of(y, None)).map(|i| ((i.year, i.item), i)).collect();
    let mut r = 1;
    // One block of rows per edition; a year's columns are filled for its own edition.
    for (e, (_, fw)) in ctx.editions.iter().enumerate() {
        for (idx, it) in fw.items().iter().enumerate() {
            xlsx::text(ws, r, 0, &it.id.to_string(), &fm.text)?;
            xlsx::text(ws, r, 1, &it.id.line.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 2, it.id.area.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 3, it.id.kind.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 4, it.text(ctx.lang), &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(it.text(ctx.lang), 90.0)])?;
            for (j, y) in years.iter().enumerate().filter(|(_, y)| ctx.editions.index_for(**y) == e) {
                let col = 5 + 2 * j as u16;
                if let Some(s) = sector.get(&(*y, idx as u16)) {
                    xlsx::score(ws, r, col, s.shown().map(|f| f.score), s.hidden(), ctx, fm)?;
                    if let Some(f) = s.shown() {
                        ws.write_number_with_format(r, col + 1, f.n as f64, &fm.int)?;
                    }
                }
            }
            r += 1;
        }
    }
    // Heat map: orange (low) – white (the year's median item) – blue (high), on each
    // year's score column. Orange–blue is told apart with every common colour-vision
    // deficiency (red–green is not), and light enough for black figures on top.
    for j in 0..years.len() {
        let col = 5 + 2 * j as u16;
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum_color(Color::RGB(0xF4A582))
            .set_midpoint_color(Color::RGB(0xF7F7F7))
            .set_maximum_color(Color::RGB(0x92C5DE));
        ws.add_conditional_format(1, col, r - 1, col, &scale)?;
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    Ok(())
}
