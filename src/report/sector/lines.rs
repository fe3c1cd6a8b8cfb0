//! The sector workbook's Lijnen sheet: lines 1, 2 and 3 side by side per area for
//! every year, and each gap between two lines with its 95 % interval.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::framework::{Area, Line};
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;
use crate::score::{Scope, Why};

use super::peer::{peer_groups, peer_label};

/// The headline comparison for every year: lines 1, 2 and 3 side by side per area, and
/// each gap between two lines with its 95 % interval and whether it is real.
pub(super) fn lines(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Lijnen", "Lines"))?;
    xlsx::print_setup(ws, Some(0))?;
    let pairs = [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)];
    let mut heads: Vec<String> = vec![
        ctx.t("Jaar", "Year").into(),
        ctx.t("Peergroep", "Peer group").into(),
        ctx.t("Aandachtsgebied", "Area").into(),
    ];
    heads.extend(Line::ALL.iter().map(|l| l.label(ctx.lang)));
    // Wide enough for every mark a hidden score can take, on one line.
    let marks = [Why::Small, Why::Protects, Why::FewInstitutions].map(|w| ctx.mark(w));
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 9.0, 26.0);
    let mut widths = vec![7.0, 15.0, 26.0, score_w, score_w, score_w];
    for (a, b) in pairs {
        let pair = format!("{} − {}", b.label(ctx.lang), a.label(ctx.lang));
        heads.push(format!("{pair}: {}", ctx.t("verschil", "gap")));
        heads.push(format!("{pair}: {}", ctx.t("95%-interval", "95% interval")));
        heads.push(format!("{pair}: {}", ctx.t("aantoonbaar", "beyond chance")));
        widths.extend([10.0, 17.0, 12.0]);
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for &year in &ctx.scores.years {
        for peer in peer_groups() {
            for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
                let cells: Vec<_> = Line::ALL.iter().map(|l| ctx.scores.sector(year, peer, *l, sc)).collect();
                // A peer group nobody in the run belongs to has no rows.
                if cells.iter().all(Option::is_none) {
                    continue;
                }
                let bold = if sc == Scope::LINE { &fm.bold } else { &fm.text };
                let mut row = vec![
                    Value::int(year, &fm.year),
                    Value::text(peer_label(ctx, peer), &fm.text),
                    Value::text(sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), bold),
                ];
                row.extend(cells.iter().map(|s| {
                    Value::score(s.and_then(|s| s.shown()).map(|f| f.mean), s.and_then(|s| s.hidden()), ctx, fm)
                }));
                // Each pair of lines: the gap, its interval, whether it is beyond chance.
                for (a, b) in &pairs {
                    let gap =
                        ctx.scores.gaps.iter().find(|g| {
                            g.year == year && g.peer == peer.into() && g.scope == sc && g.a == *a && g.b == *b
                        });
                    match gap {
                        Some(g) => {
                            row.push(Value::signed(g.gap.shown, fm));
                            row.extend(Value::interval_and_verdict(&g.gap, ctx, fm));
                        }
                        None => row.extend([Value::Empty, Value::Empty, Value::Empty]),
                    }
                }
                xlsx::row(ws, r, &row)?;
                r += 1;
            }
        }
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    let note = ctx.t(
        "Verschil tussen de gemiddelde scores van twee lijnen in de sector en per peergroep (vo, mbo, hbo), met het 95%-betrouwbaarheidsinterval van Welch op de respondentscores van beide lijnen. Aantoonbaar: het interval bevat 0 niet. Niet aantoonbaar betekent niet dat er geen verschil is, wel dat deze aantallen het niet vaststellen. Waar een van beide lijnen verborgen is, staat er geen verschil.",
        "Difference between the mean scores of two lines in the sector and per peer group (vo, mbo, hbo), with Welch's 95% confidence interval on the respondent scores of both lines. Beyond chance: the interval does not contain 0. Not beyond chance does not mean there is no difference, only that these numbers do not establish one. Where either line is hidden, there is no gap.",
    );
    xlsx::note(ws, r + 1, refs.len() as u16, widths.iter().sum(), note, fm)?;
    Ok(())
}
