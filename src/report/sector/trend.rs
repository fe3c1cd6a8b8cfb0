//! The sector workbook's Trend sheet: the sector's line and area scores over the years,
//! with the framework edition each year was scored with.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::framework::{Area, Line};
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::Scope;

pub(super) fn trend(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SectorTrend))?;
    xlsx::print_setup(ws, Some(0))?;
    let years = &ctx.scores.years;
    let mut heads: Vec<String> = vec![ctx.w(Word::Line).into(), ctx.w(Word::Area).into()];
    for y in years {
        heads.push(y.to_string());
    }
    let mut widths = vec![10.0, 26.0];
    widths.extend(years.iter().map(|_| 12.0));
    if years.len() >= 2 {
        let span = format!("{}–{}", years[years.len() - 2], years[years.len() - 1]);
        heads.push(format!("{} {span}", ctx.w(Word::Change)));
        heads.push(format!("{} {span}", ctx.w(Word::Interval95)));
        heads.push(ctx.w(Word::ChangeBeyondChance).into());
        widths.extend([13.0, 18.0, 13.0]);
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for line in Line::ALL {
        for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
            let mut cells = vec![
                Value::text(line.label(ctx.lang), &fm.text),
                Value::text(sc.area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)), &fm.text),
            ];
            cells.extend(years.iter().map(|&y| {
                let s = ctx.scores.sector(y, None, line, sc);
                Value::score(s.and_then(|s| s.shown()).map(|s| s.mean), s.and_then(|s| s.hidden()), ctx, fm)
            }));
            // The change over the last two years, with its interval and verdict.
            if years.len() >= 2 {
                let last = years[years.len() - 1];
                let change = ctx
                    .scores
                    .sector_change(last, None, line, sc)
                    .filter(|c| c.change.previous_year == years[years.len() - 2]);
                if let Some(c) = change {
                    cells.push(Value::signed(c.change.change.shown, fm));
                    cells.extend(Value::interval_and_verdict(&c.change.change, ctx, fm));
                }
            }
            xlsx::row(ws, r, &cells)?;
            r += 1;
        }
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    let note = match ctx.scores.series_breaks().as_slice() {
        [] => format!("{} {}. {}", ctx.w(Word::AllYearsOneEdition), ctx.fw.edition, ctx.w(Word::SectorTrendNote)),
        breaks => format!(
            "{} {}: {}. {}",
            ctx.w(Word::SectorSeriesBreak),
            breaks.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
            ctx.editions_text(),
            ctx.w(Word::SectorNoChangeAcrossBreak),
        ),
    };
    xlsx::note(ws, r + 1, refs.len() as u16, widths.iter().sum(), &note, fm)?;
    Ok(())
}
