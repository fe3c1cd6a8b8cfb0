//! The sector workbook's Items sheet: every item's score per line and year, heat-mapped.

use anyhow::Result;
use rust_xlsxwriter::{Color, ConditionalFormat3ColorScale, Workbook};

use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;

pub(super) fn items(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SectorItems))?;
    xlsx::print_setup(ws, Some(0))?;
    let years = &ctx.scores.years;
    let mut heads: Vec<String> = vec![
        "Item".into(),
        ctx.w(Word::Line).into(),
        ctx.w(Word::Area).into(),
        ctx.w(Word::SectorKind).into(),
        ctx.w(Word::Text).into(),
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
            let mut cells = vec![
                Value::text(it.id.to_string(), &fm.text),
                Value::text(it.id.line.label(ctx.lang), &fm.text),
                Value::text(it.id.area.label(ctx.lang), &fm.text),
                Value::text(it.id.kind.label(ctx.lang), &fm.text),
                Value::text(it.text(ctx.lang), &fm.wrap),
            ];
            // Score and n per year; empty in the years of another edition.
            for y in years {
                let s = sector.get(&(*y, idx as u16)).filter(|_| ctx.editions.index_for(*y) == e);
                match s {
                    Some(s) => cells.extend([
                        Value::score(s.shown().map(|f| f.score), s.hidden(), ctx, fm),
                        s.shown().map_or(Value::Empty, |f| Value::int(f.n as f64, &fm.int)),
                    ]),
                    None => cells.extend([Value::Empty, Value::Empty]),
                }
            }
            xlsx::row(ws, r, &cells)?;
            xlsx::fit_row(ws, r, &[(it.text(ctx.lang), 90.0)])?;
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
