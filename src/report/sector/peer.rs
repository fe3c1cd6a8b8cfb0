//! The sector workbook's Peergroepen sheet: the sector and each peer group (vo, mbo,
//! hbo) per year, line and area, with the change since the previous year.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::{Scope, Why};

use super::model::SectorReport;
use super::overview::pooled_values;

/// "sector (alle)" or the peer group's code.
pub(super) fn peer_label(ctx: &ReportContext<'_>, peer: crate::score::PeerGroup) -> String {
    match peer.sector() {
        None => ctx.w(Word::SectorAllPeers).to_string(),
        Some(p) => p.code().to_string(),
    }
}

/// The sector and each peer group per year, line and area: n and pooled score with its
/// interval, the distribution over the institutions shown (with over how many, of how
/// many), and the change since the previous year with its interval and whether it is
/// beyond chance.
pub(super) fn peer_groups_sheet(
    ctx: &ReportContext<'_>,
    model: &SectorReport<'_>,
    wb: &mut Workbook,
    fm: &Formats,
) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SectorPeerGroups))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.w(Word::SectorYear),
        ctx.w(Word::SectorPeerGroup),
        ctx.w(Word::Line),
        ctx.w(Word::Area),
        "n",
        "Score",
        ctx.w(Word::SectorInterval95Low),
        ctx.w(Word::SectorInterval95High),
        "P25",
        ctx.w(Word::Median),
        "P75",
        ctx.w(Word::InstitutionsShown),
        ctx.w(Word::Institutions),
        ctx.w(Word::Change),
        ctx.w(Word::Since),
        ctx.w(Word::ChangeInterval),
        ctx.w(Word::ChangeBeyondChance),
    ];
    let marks = [Why::Small, Why::Protects, Why::FewInstitutions].map(|w| ctx.mark(w));
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 8.0, 26.0);
    let widths = [7.0, 15.0, 9.0, 26.0, 7.0, score_w, 10.0, 10.0, 7.0, 9.0, 7.0, 12.0, 12.0, 12.0, 7.0, 18.0, 13.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for s in &model.pooled {
        let bold = if s.scope == Scope::LINE { &fm.bold } else { &fm.text };
        let mut cells = vec![
            Value::Number(s.year as f64, &fm.year),
            Value::text(peer_label(ctx, s.peer), &fm.text),
            Value::text(s.line.label(ctx.lang), &fm.text),
            Value::text(s.scope.area.map_or(ctx.w(Word::Total), |a| a.label(ctx.lang)), bold),
        ];
        cells.extend(pooled_values(s, fm));
        cells.push(s.shown.map_or(Value::Empty, |n| Value::Number(n as f64, &fm.int)));
        cells.push(Value::Number(s.institutions as f64, &fm.int));
        if let Some(c) = &s.change {
            let d = &c.change;
            let f = if d.significant() == Some(true) { &fm.bold_center } else { &fm.center };
            cells.extend([
                Value::Number(crate::report::findings::unsigned_zero(d.shown), &fm.signed),
                Value::Number(c.previous_year as f64, &fm.year),
                Value::text(ctx.interval_text(d), &fm.center),
                Value::text(ctx.significance_text(d), f),
            ]);
        }
        xlsx::row(ws, r, &cells)?;
        r += 1;
    }
    xlsx::filter(ws, 0, r.saturating_sub(1), heads.len() as u16)?;
    let note = ctx.w(Word::SectorPeerGroupsNote);
    xlsx::note(ws, r + 1, heads.len() as u16, widths.iter().sum(), note, fm)?;
    Ok(())
}
