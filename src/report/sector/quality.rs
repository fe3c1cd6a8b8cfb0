//! The sector workbook's Datakwaliteit sheet: the reconciliation of SPEC §3.3, every
//! file with its status, every rejection with its place and reason, the column
//! mappings and the spellings of institutions; and their words, which `validate`
//! shares.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::ingest::ledger::Counts;
use crate::lang::Lang;
use crate::report::words::Word;
use crate::report::xlsx::{self, Formats, Value};
use crate::report::ReportContext;

use super::*;

/// The reconciliation block of SPEC §3.3, as label/value rows.
pub fn count_rows(ctx: &ReportContext<'_>, c: &Counts) -> Vec<(String, u64)> {
    let w = |k: Word| ctx.w(k).to_string();
    vec![
        (w(Word::SectorRowsRead), c.rows_read),
        (w(Word::SectorCountRespondentsScored), c.respondents_scored),
        (w(Word::SectorCountRespondentsExcluded), c.respondents_excluded),
        (w(Word::SectorCountRespondentsRejected), c.respondents_rejected),
        (w(Word::SectorAnswersRead), c.answers_read),
        (w(Word::SectorCountScored), c.answers_scored),
        (w(Word::SectorCountUnscored), c.answers_unscored),
        (w(Word::SectorCountNa), c.answers_na),
        (w(Word::SectorCountOtherLine), c.answers_other_line),
        (w(Word::SectorCountRejected), c.answers_rejected),
        (w(Word::SectorCountMissing), c.answers_missing),
        (w(Word::SectorCountSummaryRows), c.rows_summary),
    ]
}

/// How a spelling was tied to the institution shown, in words.
pub fn name_how(
    lang: Lang,
    g: &crate::ingest::spelling::NameGroup,
    spelling: &str,
    via: crate::ingest::spelling::Via,
) -> String {
    use crate::ingest::spelling::Via;
    let shown = if g.from_file { Word::SectorNameAsFile } else { Word::SectorNameMostRows }.say(lang);
    if spelling == g.shown {
        return fill(Word::SectorNameShown.say(lang), &[shown]);
    }
    match via {
        Via::Spelling => Word::SectorViaSpelling,
        Via::Alias => Word::SectorViaAlias,
        Via::Code => Word::SectorViaCode,
    }
    .say(lang)
    .to_string()
}

/// Two names that look alike, in words.
pub fn look_alike_text(lang: Lang, l: &crate::ingest::spelling::LookAlike) -> String {
    let how = if l.similarity >= 0.85 {
        format!("{:.0} %", l.similarity * 100.0)
    } else {
        Word::SectorWordsInOther.say(lang).to_string()
    };
    fill(Word::SectorLooksLike.say(lang), &[&how])
}

/// Rejections listed in the Datakwaliteit sheet; the rest are counted there and listed
/// in `data/rejections.csv`.
pub const MAX_LISTED: usize = 50_000;

/// A row of the Datakwaliteit sheet's files table (written by rust_xlsxwriter's serde
/// support; the headers are set per language).
#[derive(serde::Serialize, Default)]
struct FileSheetRow {
    file: String,
    status: &'static str,
    rows: u64,
    scored: u64,
    rejected_answers: u64,
    note: String,
    sha256: String,
}

/// A row of the Datakwaliteit sheet's rejections table: the plain reason, and the
/// reader's own words in `detail` for support.
#[derive(serde::Serialize, Default)]
struct RejectionSheetRow {
    file: String,
    sheet: String,
    cell: String,
    level: &'static str,
    value: String,
    reason: String,
    detail: String,
}

/// Headers in the run's language for a serde-written table, with the header format.
pub(super) fn serde_headers(names: &[(&str, &str)], fm: &Formats) -> rust_xlsxwriter::SerializeFieldOptions {
    let fields: Vec<rust_xlsxwriter::CustomSerializeField> = names
        .iter()
        .map(|(field, header)| {
            let wraps = matches!(*field, "reason" | "note" | "detail");
            rust_xlsxwriter::CustomSerializeField::new(*field).rename(*header).set_value_format(if wraps {
                &fm.wrap
            } else {
                &fm.text
            })
        })
        .collect();
    rust_xlsxwriter::SerializeFieldOptions::new().set_header_format(&fm.header).set_custom_headers(&fields)
}

pub(super) fn datakwaliteit(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.w(Word::SectorDataQuality))?;
    xlsx::print_setup(ws, None)?;
    let led = &ctx.ingested.ledger;
    let c = &led.counts;
    // Shared by the tables below: file (or count label), status/sheet, rows/cell,
    // scored/level, rejected answers/value, reason or note (wrapped), detail/checksum.
    let labels = count_rows(ctx, c);
    let col_a = xlsx::width_for(
        led.files.iter().map(|f| f.path.as_str()).chain(labels.iter().map(|l| l.0.as_str())),
        24.0,
        60.0,
    );
    let widths = [col_a, 18.0, 10.0, 11.0, 14.0, 60.0, 40.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let total: f64 = widths.iter().sum();
    xlsx::text(ws, 0, 0, ctx.w(Word::SectorDataQualityTitle), &fm.title)?;
    let mut r = 2;
    // One explanation per cause leads (SPEC §3.5): what to fix first.
    let explanations: Vec<_> = led.explanations().collect();
    if !explanations.is_empty() {
        xlsx::text(
            ws,
            r,
            0,
            &format!("{} ({})", ctx.w(Word::ValidateExplanationsFirst), explanations.len()),
            &fm.bold,
        )?;
        r += 1;
        let head = |h: &str| Value::text(h, &fm.header);
        xlsx::row(
            ws,
            r,
            &grid(
                [head(ctx.w(Word::SectorFile)), head(ctx.w(Word::SectorSheet))],
                head(ctx.w(Word::SectorExplanation)),
            ),
        )?;
        r += 1;
        for e in &explanations {
            let why = e.reason.text(ctx.lang);
            let at = [Value::text(xlsx::fit_cell(&e.file), &fm.text), Value::text(xlsx::fit_cell(&e.sheet), &fm.text)];
            xlsx::row(ws, r, &grid(at, Value::text(xlsx::fit_cell(&why), &fm.wrap)))?;
            xlsx::fit_row(ws, r, &[(&why, widths[5])])?;
            r += 1;
        }
        r += 1;
    }
    for (k, v) in &labels {
        xlsx::row(ws, r, &[Value::text(k, &fm.text), Value::Number(*v as f64, &fm.int)])?;
        r += 1;
    }
    let ok = c.rows_reconcile() && c.answers_reconcile();
    let reconciled = if ok { ctx.w(Word::SectorReconciled) } else { ctx.w(Word::SectorDoesNotReconcile) };
    xlsx::note(ws, r, widths.len() as u16, total, reconciled, fm)?;
    r += 1;
    xlsx::note(
        ws,
        r,
        widths.len() as u16,
        total,
        &format!("{}: {}", ctx.w(Word::SectorPrivacy), suppression_text(ctx)),
        fm,
    )?;
    r += 2;
    xlsx::text(ws, r, 0, &format!("{} ({})", ctx.w(Word::SectorFiles), led.files.len()), &fm.bold)?;
    r += 1;
    let file_heads = [
        ("file", ctx.w(Word::SectorFile)),
        ("status", "Status"),
        ("rows", ctx.w(Word::SectorRows)),
        ("scored", ctx.w(Word::SectorScoredHead)),
        ("rejected_answers", ctx.w(Word::SectorRejectedAnswers)),
        ("note", ctx.w(Word::SectorWhy)),
        ("sha256", ctx.w(Word::SectorSha256Head)),
    ];
    let rows: Vec<FileSheetRow> = led
        .files
        .iter()
        .map(|f| FileSheetRow {
            file: xlsx::fit_cell(&f.path).into_owned(),
            status: f.status.word(ctx.lang),
            rows: f.counts.rows_read,
            scored: f.respondents,
            rejected_answers: f.counts.answers_rejected,
            note: f.note.as_ref().map(|n| n.text(ctx.lang)).unwrap_or_default(),
            // Enough to tell files apart; manifest.json has the whole checksum.
            sha256: f.sha256.chars().take(16).collect(),
        })
        .collect();
    let head = r;
    ws.serialize_headers_with_options(r, 0, &FileSheetRow::default(), &serde_headers(&file_heads, fm))?;
    xlsx::fit_row(ws, head, &file_heads.iter().zip(widths).map(|((_, h), w)| (*h, w - 2.0)).collect::<Vec<_>>())?;
    for row in &rows {
        ws.serialize(row)?;
        r += 1;
        xlsx::fit_row(ws, r, &[(&row.note, widths[5])])?;
    }
    r += 1;
    // What ingest noticed and acted on: the tool, a legend, a copy read once, …
    let notes: Vec<[String; 4]> =
        led.notes.iter().map(|n| [n.file.clone(), n.sheet.clone(), n.cell.clone(), n.what.text(ctx.lang)]).collect();
    if !notes.is_empty() {
        r += 1;
        xlsx::text(ws, r, 0, &format!("{} ({})", ctx.w(Word::SectorNotes), notes.len()), &fm.bold)?;
        r += 1;
        let head = |h: &str| Value::text(h, &fm.header);
        let heads = [head(ctx.w(Word::SectorFile)), head(ctx.w(Word::SectorSheet)), head(ctx.w(Word::SectorCell))];
        xlsx::row(ws, r, &grid(heads, head(ctx.w(Word::SectorNote))))?;
        r += 1;
        for [file, sheet, cell, note] in &notes {
            let at = [Value::text(file, &fm.text), Value::text(sheet, &fm.text), Value::text(cell, &fm.text)];
            xlsx::row(ws, r, &grid(at, Value::text(note, &fm.wrap)))?;
            xlsx::fit_row(ws, r, &[(note, widths[5])])?;
            r += 1;
        }
    }
    // One institution however it is spelled: every spelling, alias and code read, and
    // the names that only look alike (not merged: add an alias if they are one).
    if !led.names.is_empty() || !led.look_alikes.is_empty() {
        r += 1;
        xlsx::text(ws, r, 0, ctx.w(Word::SectorNamesHead), &fm.bold)?;
        r += 1;
        let head = |h: &str| Value::text(h, &fm.header);
        let heads = [head(ctx.w(Word::SectorShownAs)), head(ctx.w(Word::SectorRead)), head(ctx.w(Word::SectorRows))];
        xlsx::row(ws, r, &grid(heads, head(ctx.w(Word::SectorHow))))?;
        r += 1;
        for g in &led.names {
            for (spelling, rows, via) in &g.variants {
                let at = [
                    Value::text(xlsx::fit_cell(&g.shown), &fm.text),
                    Value::text(xlsx::fit_cell(spelling), &fm.text),
                    Value::Number(*rows as f64, &fm.int),
                ];
                xlsx::row(ws, r, &grid(at, Value::text(name_how(ctx.lang, g, spelling, *via), &fm.wrap)))?;
                r += 1;
            }
        }
        for l in &led.look_alikes {
            let what = look_alike_text(ctx.lang, l);
            let at = [Value::text(xlsx::fit_cell(&l.a), &fm.text), Value::text(xlsx::fit_cell(&l.b), &fm.text)];
            xlsx::row(ws, r, &grid(at, Value::text(&what, &fm.wrap)))?;
            xlsx::fit_row(ws, r, &[(&what, widths[5])])?;
            r += 1;
        }
    }
    // Columns matched other than exactly (also data/column_mapping.csv).
    if !led.mappings.is_empty() {
        r += 1;
        xlsx::text(ws, r, 0, &format!("{} ({})", ctx.w(Word::SectorColumnsHead), led.mappings.len()), &fm.bold)?;
        r += 1;
        let mh = [
            ctx.w(Word::SectorFile),
            ctx.w(Word::SectorSheet),
            ctx.w(Word::SectorCell),
            "Item",
            ctx.w(Word::SectorSimilarity),
            ctx.w(Word::SectorHeaderHowMatched),
        ];
        xlsx::row(ws, r, &mh.map(|h| Value::text(h, &fm.header)))?;
        r += 1;
        for m in &led.mappings {
            let what = format!("«{}» ({})", m.header, m.how.text(ctx.lang));
            xlsx::row(
                ws,
                r,
                &[
                    Value::text(&m.file, &fm.text),
                    Value::text(&m.sheet, &fm.text),
                    Value::text(&m.cell, &fm.text),
                    Value::text(&m.item, &fm.text),
                    Value::Number(m.similarity, &fm.share),
                    Value::text(&what, &fm.wrap),
                ],
            )?;
            xlsx::fit_row(ws, r, &[(&what, widths[5])])?;
            r += 1;
        }
    }
    r += 1;
    xlsx::text(ws, r, 0, &format!("{} ({})", ctx.w(Word::SectorRejectionsWarnings), led.rejections.len()), &fm.bold)?;
    r += 1;
    let rej_heads = [
        ("file", ctx.w(Word::SectorFile)),
        ("sheet", ctx.w(Word::SectorSheet)),
        ("cell", ctx.w(Word::SectorCell)),
        ("level", ctx.w(Word::SectorLevel)),
        ("value", ctx.w(Word::SectorValue)),
        ("reason", ctx.w(Word::SectorReason)),
        ("detail", ctx.w(Word::SectorDetailSupport)),
    ];
    let head = r;
    ws.serialize_headers_with_options(r, 0, &RejectionSheetRow::default(), &serde_headers(&rej_heads, fm))?;
    // One sheet holds a million rows; the listing stops well before, and says where
    // the rest is (data/rejections.csv has every one).
    let shown = led.rejections.len().min(MAX_LISTED);
    for rj in &led.rejections[..shown] {
        let row = RejectionSheetRow {
            file: xlsx::fit_cell(&rj.file).into_owned(),
            sheet: xlsx::fit_cell(&rj.sheet).into_owned(),
            cell: rj.cell.clone(),
            level: rj.level.word(ctx.lang),
            value: xlsx::fit_cell(&rj.value).into_owned(),
            reason: xlsx::fit_cell(&rj.reason.text(ctx.lang)).into_owned(),
            detail: rj.reason.detail().map(|d| xlsx::fit_cell(d).into_owned()).unwrap_or_default(),
        };
        ws.serialize(&row)?;
        r += 1;
        xlsx::fit_row(ws, r, &[(&row.reason, widths[5]), (&row.detail, widths[6])])?;
    }
    r += 1;
    xlsx::filter(ws, head, r - 1, rej_heads.len() as u16)?;
    if shown < led.rejections.len() {
        let rest = led.rejections.len() - shown;
        let more = fill(ctx.w(Word::SectorMoreRejections), &[&rest.to_string()]);
        xlsx::text(ws, r, 0, &more, &fm.note)?;
    }
    Ok(())
}

/// A row of the sheet's listing blocks: the place (file, sheet, cell, … — as many of the
/// first columns as the block has) and, in the wide sixth column, what is said about it.
fn grid<'f, const N: usize>(place: [Value<'f>; N], said: Value<'f>) -> Vec<Value<'f>> {
    let mut row: Vec<Value<'f>> = place.into_iter().collect();
    row.resize_with(5, || Value::Empty);
    row.push(said);
    row
}
