//! The sector workbook's Toelichting sheet and the method notes every workbook repeats
//! (the portret's Toelichting, the sector overview's Method): how scores, positions,
//! differences and privacy work, and what this run hid.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::report::words::Word;
use crate::report::xlsx::{self, Formats};

use super::fill;
use super::model::SectorReport;
use crate::report::ReportContext;

/// Plain-language method text, shared with the portret.
pub fn method_lines(ctx: &ReportContext<'_>) -> Vec<(String, String)> {
    let p = ctx.privacy;
    let cfg = ctx.cfg;
    let w = |k: Word| ctx.w(k).to_string();
    vec![
        (
            w(Word::SectorFramework),
            ctx.editions
                .iter()
                .map(|(y, fw)| {
                    let from = if *y == 0 { String::new() } else { format!(", {} {y}", ctx.w(Word::FromYear)) };
                    format!("{} ({}; {} items{from})", fw.title(ctx.lang), fw.edition, fw.len())
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (w(Word::SectorAnswers), w(Word::SectorAnswersText)),
        (w(Word::SectorRespondentScore), w(Word::SectorRespondentScoreText)),
        (w(Word::SectorGroupScore), w(Word::SectorGroupScoreText)),
        (w(Word::SectorItemScore), w(Word::SectorItemScoreText)),
        (w(Word::SectorPooledScore), w(Word::SectorPooledScoreText)),
        (w(Word::PositionAmongInstitutions), w(Word::SectorPositionText)),
        (w(Word::SectorDifferenceInterval), w(Word::SectorDifferenceText)),
        (w(Word::DifferenceFromSector), w(Word::SectorVersusSectorText)),
        (
            w(Word::SectorPrivacy),
            format!(
                "{} {} {}; {} {} {}",
                w(Word::SectorPrivacyLead),
                p.min_group_size,
                w(Word::SectorPrivacyText),
                w(Word::SectorPrivacyInstitutions),
                p.min_institutions,
                w(Word::SectorInstitutionsEnd),
            ),
        ),
        (w(Word::SectorHidden), suppression_text(ctx)),
        (
            w(Word::SectorExclusion),
            format!(
                "{} {:.0} % {}",
                w(Word::SectorExclusionLead),
                cfg.min_answered * 100.0,
                w(Word::SectorExclusionText),
            ),
        ),
    ]
}

/// How many figures each table hides, and why: primary (the group itself too small,
/// or too few institutions) and secondary (to protect others).
pub fn suppression_text(ctx: &ReportContext<'_>) -> String {
    let c = ctx.scores.suppression;
    // The true reason of each: a group too small (`<5`), a pooled figure over too few
    // institutions (not "too small": its respondents may be many), protection.
    let part = |name: &str, h: crate::score::Hidden| {
        let small = h.primary - h.few_institutions;
        let mut why = Vec::new();
        if small > 0 || h.primary == 0 {
            why.push(fill(ctx.w(Word::SectorHiddenTooFewRespondents), &[&small.to_string()]));
        }
        if h.few_institutions > 0 {
            why.push(fill(ctx.w(Word::SectorHiddenTooFewInstitutions), &[&h.few_institutions.to_string()]));
        }
        why.push(fill(ctx.w(Word::SectorHiddenProtected), &[&h.secondary.to_string()]));
        let detail = match h.detail {
            0 => String::new(),
            d => fill(ctx.w(Word::SectorSpreadLeftOut), &[&d.to_string()]),
        };
        format!(
            "{name}: {} {} {} {} ({}){detail}",
            h.primary + h.secondary,
            ctx.w(Word::Of),
            h.total,
            ctx.w(Word::SectorHiddenLower),
            why.join(", ")
        )
    };
    [
        part(ctx.w(Word::SectorGroupScores), c.groups),
        part(ctx.w(Word::SectorPooledScores), c.sector),
        part(ctx.w(Word::SectorItemScores), c.items),
    ]
    .join("; ")
        + "."
}

pub(super) fn toelichting(
    ctx: &ReportContext<'_>,
    model: &SectorReport<'_>,
    wb: &mut Workbook,
    fm: &Formats,
) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::NotesSheet))?;
    xlsx::print_setup(ws, None)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 110)?;
    xlsx::text(ws, 0, 0, ctx.w(Word::SectorNotesTitle), &fm.title)?;
    let years: Vec<String> = model.years.iter().map(|y| y.to_string()).collect();
    xlsx::text(ws, 1, 0, &format!("{} {}", ctx.w(Word::SectorYears), years.join(", ")), &fm.subtitle)?;
    if let Some(warning) = ctx.not_for_publication() {
        xlsx::text(ws, 2, 0, warning, &fm.below)?;
    }
    let mut r = 3;
    xlsx::text(ws, r, 0, ctx.w(Word::SectorMethod), &fm.bold)?;
    r += 1;
    for (k, v) in model.method {
        xlsx::text(ws, r, 0, k, &fm.wrap)?;
        xlsx::text(ws, r, 1, v, &fm.wrap)?;
        xlsx::fit_row(ws, r, &[(k, 26.0), (v, 110.0)])?;
        r += 1;
    }
    r += 1;
    xlsx::text(ws, r, 0, ctx.w(Word::SectorThisRun), &fm.bold)?;
    r += 1;
    let c = &ctx.ingested.ledger.counts;
    let files =
        ctx.ingested.ledger.files.iter().filter(|f| f.status != crate::ingest::ledger::FileStatus::Ignored).count();
    let facts = [
        (ctx.w(Word::SectorTool), format!("lobmonitor {}", env!("CARGO_PKG_VERSION"))),
        (ctx.w(Word::SectorFiles), files.to_string()),
        (
            ctx.w(Word::Institutions),
            ctx.scores
                .institution_years()
                .iter()
                .map(|x| &x.0)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                .to_string(),
        ),
        (ctx.w(Word::SectorRespondentsScored), c.respondents_scored.to_string()),
        (ctx.w(Word::SectorExcludedRejected), format!("{} / {}", c.respondents_excluded, c.respondents_rejected)),
        (ctx.w(Word::SectorRejections), ctx.ingested.ledger.rejections.len().to_string()),
    ];
    for (k, v) in facts {
        xlsx::text(ws, r, 0, k, &fm.text)?;
        xlsx::text(ws, r, 1, &v, &fm.text)?;
        r += 1;
    }
    r += 1;
    xlsx::text(ws, r, 1, &format!("{} {}", ctx.hidden_mark(), ctx.w(Word::SectorHiddenMarkNote)), &fm.note)?;
    Ok(())
}
