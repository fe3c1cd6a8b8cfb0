//! The sector workbook's Lijnen sheet: lines 1, 2 and 3 side by side per area for
//! every year, and each gap between two lines with its 95 % interval.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::framework::Line;
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::{Scope, Why};

use super::model::{SectorReport, PAIRS};
use super::peer::peer_label;

/// The headline comparison for every year: lines 1, 2 and 3 side by side per area, and
/// each gap between two lines with its 95 % interval and whether it is real.
pub(super) fn lines(ctx: &ReportContext<'_>, model: &SectorReport<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SectorLines))?;
    xlsx::print_setup(ws, Some(0))?;
    let mut heads: Vec<String> =
        vec![ctx.w(Word::SectorYear).into(), ctx.w(Word::SectorPeerGroup).into(), ctx.w(Word::Area).into()];
    heads.extend(Line::ALL.iter().map(|l| l.label(ctx.lang)));
    // Wide enough for every mark a hidden score can take, on one line.
    let marks = [Why::Small, Why::Protects, Why::FewInstitutions].map(|w| ctx.mark(w));
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 9.0, 26.0);
    let mut widths = vec![7.0, 15.0, 26.0, score_w, score_w, score_w];
    for (a, b) in PAIRS {
        let pair = format!("{} − {}", b.label(ctx.lang), a.label(ctx.lang));
        heads.push(format!("{pair}: {}", ctx.w(Word::SectorGapLower)));
        heads.push(format!("{pair}: {}", ctx.w(Word::Interval95)));
        heads.push(format!("{pair}: {}", ctx.w(Word::SectorBeyondChanceLower)));
        widths.extend([10.0, 17.0, 12.0]);
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for row in &model.lines {
        let bold = if row.scope == Scope::LINE { &fm.bold } else { &fm.text };
        let mut cells = vec![
            Value::int(row.year, &fm.year),
            Value::text(peer_label(ctx, row.peer), &fm.text),
            Value::text(row.scope.area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)), bold),
        ];
        cells.extend(row.lines.iter().map(|p| Value::score(p.mean(), p.why(), ctx, fm)));
        // Each pair of lines: the gap, its interval, whether it is beyond chance.
        for gap in &row.gaps {
            match gap {
                Some(g) => {
                    cells.push(Value::signed(g.shown, fm));
                    cells.extend(Value::interval_and_verdict(g, ctx, fm));
                }
                None => cells.extend([Value::Empty, Value::Empty, Value::Empty]),
            }
        }
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    let note = ctx.w(Word::SectorLinesNote);
    xlsx::note(ws, r + 1, refs.len() as u16, widths.iter().sum(), note, fm)?;
    Ok(())
}
