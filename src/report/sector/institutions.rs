//! The sector workbook's Instellingen sheet: every institution × year × line × area,
//! its score or the mark of why it is hidden, for analysts (never in a portret).

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::framework::{Area, Line};
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::Scope;

pub(super) fn instellingen(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    use crate::score::{Band, Rank, Versus};
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::Institutions))?;
    xlsx::print_setup(ws, Some(0))?;
    let pairs = ctx.scores.institution_years();
    let mut heads: Vec<&str> = vec![
        ctx.w(Word::SectorYear),
        ctx.w(Word::SectorInstitution),
        ctx.w(Word::Sector),
        ctx.w(Word::Line),
        "n",
        ctx.w(Word::Total),
    ];
    for a in Area::ALL {
        heads.push(a.label(ctx.lang));
    }
    heads.extend([
        ctx.w(Word::SectorPositionHead),
        ctx.w(Word::StaffOtherInstitutions),
        ctx.w(Word::DifferenceFromSector),
        ctx.w(Word::Change),
        ctx.w(Word::Since),
        ctx.w(Word::ChangeInterval),
        ctx.w(Word::ChangeBeyondChance),
    ]);
    // Wide enough for every value the column can hold, on one line.
    let marks = [ctx.mark(crate::score::Why::Small), ctx.mark(crate::score::Why::Protects)];
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 9.0, 14.0);
    let ranks: Vec<String> = [
        Rank::Number(99.0, Band::LowestQuarter),
        Rank::Number(99.0, Band::MiddleHalf),
        Rank::Number(99.0, Band::HighestQuarter),
        Rank::TooFew,
    ]
    .iter()
    .map(|r| ctx.rank_text(r))
    .collect();
    let mut widths = vec![7.0, xlsx::width_for(pairs.iter().map(|p| p.0.as_str()), 14.0, 50.0), 8.0, 9.0, score_w];
    widths.extend([score_w; 5]);
    widths.extend([
        xlsx::width_for(ranks.iter().map(String::as_str), 12.0, 36.0),
        13.0,
        xlsx::width_for([Versus::Above, Versus::Within, Versus::Below].map(|v| ctx.versus_text(v)), 12.0, 30.0),
        12.0,
        8.0,
        xlsx::width_for(
            [
                ctx.interval_text(&crate::score::Difference::unpaired(0.0, Some((-88.8, 88.8)))).as_str(),
                ctx.w(Word::ExactNoSpread),
            ],
            14.0,
            30.0,
        ),
        xlsx::width_for([ctx.w(Word::UnknownSpreadNotShown)], 12.0, 40.0),
    ]);
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for (inst, year) in pairs {
        for line in Line::ALL {
            let Some(total) = ctx.scores.group(year, &inst, line, Scope::LINE) else { continue };
            let sector = ctx.ingested.institutions.get(&inst).and_then(|m| m.sector).map_or("", |s| s.code());
            let mut cells = vec![
                Value::int(year, &fm.year),
                Value::text(&inst, &fm.text),
                Value::text(sector, &fm.text),
                Value::text(line.label(ctx.lang), &fm.text),
                match (total.hidden(), total.shown()) {
                    (Some(why), _) => Value::text(ctx.mark(why), &fm.hidden),
                    (None, Some(f)) => Value::int(f.n as f64, &fm.int),
                    (None, None) => Value::Empty,
                },
            ];
            // The line total and its four areas.
            for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
                let g = ctx.scores.group(year, &inst, line, sc);
                cells.push(Value::score(
                    g.and_then(|g| g.shown()).map(|s| s.mean),
                    g.and_then(|g| g.hidden()),
                    ctx,
                    fm,
                ));
            }
            if let Some(b) = ctx.scores.benchmark(year, &inst, line, Scope::LINE) {
                cells.push(Value::text(ctx.rank_text(&b.rank_sector), &fm.rank));
                cells.push(b.rest_of_sector.map_or(Value::Empty, |r| Value::Number(r.mean, &fm.score)));
                cells.push(b.versus_sector.map_or(Value::Empty, |v| {
                    let f = match v {
                        Versus::Above => &fm.above,
                        Versus::Within => &fm.center,
                        Versus::Below => &fm.below,
                    };
                    Value::text(ctx.versus_text(v), f)
                }));
                if let Some(c) = &b.change {
                    cells.push(Value::signed(c.change.shown, fm));
                    cells.push(Value::int(c.previous_year, &fm.year));
                    cells.extend(Value::interval_and_verdict(&c.change, ctx, fm));
                }
            }
            xlsx::row(ws, r, &cells)?;
            r += 1;
        }
    }
    xlsx::filter(ws, 0, r.saturating_sub(1), heads.len() as u16)?;
    Ok(())
}
