//! The sector overview for analysts as a document (SPEC §6): the [`SectorReport`] laid
//! out as a [`Flow`] of blocks that `pdf/` sets as an A4 PDF and `html.rs` as a web page.
//! It chooses nothing: the years, the rows of each table, the peer groups with a table
//! and the sentences for those without, the gaps and the change column's header are
//! the model's (`model.rs`), as they are for the workbook. (The portret's document is
//! `portret/document.rs`.)

use anyhow::Result;

use crate::report::charts;
use crate::report::findings::{line_name, num};
use crate::report::pdf::{Cell, Column, Flow, Just, WIDTH};
use crate::report::words::Word;
use crate::report::ReportContext;

use crate::report::flow::NEAR_EMPTY;

use super::fill;
use super::model::{Pooled, SectorReport, YearBlock};

fn page_words(ctx: &ReportContext<'_>) -> (&'static str, &'static str) {
    (ctx.w(Word::Page), ctx.w(Word::Of))
}

fn lang_code(ctx: &ReportContext<'_>) -> &'static str {
    ctx.w(Word::SectorLangCode)
}

/// One year's line × area table of the sector (or a peer group): institutions shown of
/// all, n, pooled score, the distribution, and the change with its interval and whether
/// it is beyond chance.
fn sector_table(
    ctx: &ReportContext<'_>,
    f: &mut Flow,
    model: &SectorReport<'_>,
    block: &YearBlock,
    peer: Option<crate::ingest::institutions::Sector>,
) {
    let cols = [
        Column { head: ctx.w(Word::Line), width: 40.0, just: Just::Left },
        Column { head: ctx.w(Word::Area), width: 96.0, just: Just::Left },
        Column { head: ctx.w(Word::Institutions), width: 44.0, just: Just::Center },
        Column { head: "n", width: 30.0, just: Just::Right },
        Column { head: ctx.w(Word::SectorScore), width: 32.0, just: Just::Right },
        Column { head: "P25", width: 28.0, just: Just::Right },
        Column { head: ctx.w(Word::Median), width: 32.0, just: Just::Right },
        Column { head: "P75", width: 28.0, just: Just::Right },
        Column { head: &block.change_head, width: 44.0, just: Just::Right },
        Column { head: ctx.w(Word::Interval95), width: 70.0, just: Just::Center },
        Column { head: ctx.w(Word::SectorBeyondChance), width: WIDTH - 444.0, just: Just::Center },
    ];
    let rows: Vec<Vec<Cell>> = model
        .pooled_of(block.year, peer)
        .map(|r| {
            let (n, score) = match &r.figure {
                Pooled::Shown { n, mean, .. } => (n.to_string(), num(*mean, ctx.lang)),
                Pooled::Hidden { mark, .. } => (String::new(), mark.clone()),
                Pooled::Empty => (String::new(), String::new()),
            };
            let q = |i: usize| r.quartiles.map_or(String::new(), |q| num([q.p25, q.median, q.p75][i], ctx.lang));
            let ch = r.change.as_ref();
            let change = ch.map_or(String::new(), |c| match block.one_since {
                Some(_) => ctx.signed_text(c.change.shown),
                None => {
                    format!("{} ({} {})", ctx.signed_text(c.change.shown), ctx.w(Word::SinceLower), c.previous_year)
                }
            });
            let total = r.scope.area.is_none();
            let strong = |t: String| if total { Cell::strong(t) } else { Cell::new(t) };
            vec![
                strong(r.line.label(ctx.lang)),
                strong(charts::scope_name(ctx, r.scope)),
                Cell::new(r.over.clone()),
                Cell::new(n),
                strong(score),
                Cell::new(q(0)),
                Cell::new(q(1)),
                Cell::new(q(2)),
                Cell::new(change),
                Cell::new(ch.map_or(String::new(), |c| ctx.interval_text(&c.change))),
                Cell::new(ch.map_or(String::new(), |c| ctx.significance_text(&c.change).to_string())),
            ]
        })
        .collect();
    f.table(&cols, &rows, 7.0);
}

/// The sector overview for analysts: method, per year the line × area distribution,
/// gaps between lines with their intervals, and the sector charts as vectors.
pub fn sector(ctx: &ReportContext<'_>, model: &SectorReport<'_>) -> Result<Flow> {
    let title = ctx.w(Word::SectorOverviewTitle).to_string();
    let mut f = Flow::new(&title, lang_code(ctx));
    f.title(&format!("{title} {}", model.span), &charts::source_line(ctx));
    if let Some(warning) = ctx.not_for_publication() {
        f.paragraph(warning, 10.0, charts::canvas::WARNING);
    }
    f.text(&fill(ctx.w(Word::SectorIntro), &[&model.institution_years.to_string(), &model.respondents.to_string()]));
    for (k, block) in model.blocks.iter().enumerate() {
        let year = block.year;
        if k > 0 {
            f.new_page_if_filled(NEAR_EMPTY);
        }
        f.heading(&format!("{} {year}", ctx.w(Word::SectorLinesAreas)));
        sector_table(ctx, &mut f, model, block, None);
        f.small(ctx.w(Word::SectorTableNote));
        for &peer in &block.peers {
            f.heading(&format!("{} {} {year}", ctx.w(Word::SectorPeerGroup), peer.code()));
            sector_table(ctx, &mut f, model, block, Some(peer));
        }
        for sentence in &block.too_few {
            f.small(sentence);
        }
        // Gaps between lines, in the sector and in each peer group.
        if !block.gaps.is_empty() {
            f.heading(&format!("{} {year}", ctx.w(Word::SectorGapsBetweenLines)));
            let cols = [
                Column { head: ctx.w(Word::SectorPeerGroup), width: 60.0, just: Just::Left },
                Column { head: ctx.w(Word::Area), width: 120.0, just: Just::Left },
                Column { head: ctx.w(Word::SectorLines), width: 80.0, just: Just::Left },
                Column { head: ctx.w(Word::SectorGap), width: 45.0, just: Just::Right },
                Column { head: ctx.w(Word::Interval95), width: 100.0, just: Just::Center },
                Column { head: ctx.w(Word::SectorBeyondChance), width: WIDTH - 405.0, just: Just::Center },
            ];
            let rows: Vec<Vec<Cell>> = block
                .gaps
                .iter()
                .map(|g| {
                    vec![
                        Cell::new(
                            g.peer.sector().map_or(ctx.w(Word::SectorLower).to_string(), |p| p.code().to_string()),
                        ),
                        Cell::new(charts::scope_name(ctx, g.scope)),
                        Cell::new(format!("{} – {}", line_name(g.b, ctx.lang), line_name(g.a, ctx.lang))),
                        Cell::new(ctx.signed_text(g.gap.shown)),
                        Cell::new(ctx.interval_text(&g.gap)),
                        Cell::new(ctx.significance_text(&g.gap)),
                    ]
                })
                .collect();
            f.table(&cols, &rows, 7.0);
        }
        f.chart(Box::new(charts::line_comparison::LineComparison::new(ctx, year)), WIDTH);
        f.chart(Box::new(charts::distribution::Distribution::new(ctx, year)), WIDTH);
    }
    if model.years.len() > 1 {
        f.heading(ctx.w(Word::SectorTrend));
        f.chart(Box::new(charts::trend::Trend::new(ctx)), WIDTH);
    }
    f.heading(ctx.w(Word::SectorMethod));
    for (k, v) in model.method {
        f.subheading(k);
        f.small(v);
    }
    Ok(f.done(&title, page_words(ctx)))
}
