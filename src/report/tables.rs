//! The tidy tables of SPEC §6.1 under `output/data/`: CSV, RFC 4180, UTF-8, `.` decimals.
//! A suppressed figure is an empty field; text a spreadsheet would take for a formula is
//! prefixed with `'`; control characters and bidirectional overrides are written as
//! `\u{…}` (every CSV goes through [`CsvWriter`]).

use std::path::Path;

use anyhow::Result;

use crate::lang::Lang;
use crate::report::csv_writer::CsvWriter;
use crate::report::{Output, ReportContext};
use serde::Serialize;

use crate::score::{Figures, Why};

/// Scores with two decimals.
pub fn num(v: f64) -> String {
    format!("{v:.2}")
}

/// A score with two decimals, or an empty field.
pub fn opt(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

/// Serde: a score with two decimals, or an empty field (for `#[serde(serialize_with)]`).
pub fn two_decimals<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&opt(*v))
}

/// Text that a spreadsheet program would run as a formula is made inert (SPEC §5).
pub fn safe_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn writer(lang: Lang, path: &Path) -> Result<CsvWriter<std::io::BufWriter<std::fs::File>>> {
    use anyhow::Context;
    let file = std::fs::File::create(path).with_context(|| crate::words::say!(lang, cannot_write(&path.display())))?;
    Ok(CsvWriter::new(std::io::BufWriter::with_capacity(1 << 16, file)))
}

/// Why a figure is hidden (or its spread withheld), as the tables say it.
pub fn why_code(why: Option<Why>) -> &'static str {
    match why {
        None => "",
        Some(Why::Small) => "small",
        Some(Why::Protects) => "protects",
        Some(Why::FewInstitutions) => "few_institutions",
        Some(Why::ProtectsPooled) => "protects_pooled",
        Some(Why::Reconstructable) => "spread_withheld",
    }
}

/// One table: its rows, serialised by csv (headers from the field names).
fn write_table<T: Serialize>(lang: Lang, dir: &Path, name: &str, rows: impl Iterator<Item = T>) -> Result<Output> {
    let path = dir.join(name);
    let mut w = writer(lang, &path)?;
    for r in rows {
        w.serialize(r)?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("{}: {e}", crate::words::say!(lang, cannot_write(&path.display()))))?;
    Ok(Output { path: format!("data/{name}"), kind: "table" })
}

/// `group_scores.csv` (SPEC §6.1).
#[derive(Serialize)]
struct GroupRow {
    year: u16,
    institution: String,
    line: u8,
    area: &'static str,
    kind: &'static str,
    n: Option<u64>,
    #[serde(serialize_with = "two_decimals")]
    score: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    sd: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    median: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_high: Option<f64>,
    suppressed: bool,
    suppression: &'static str,
}

/// `sector_scores.csv`.
#[derive(Serialize)]
struct SectorRow {
    year: u16,
    peer_group: &'static str,
    line: u8,
    area: &'static str,
    kind: &'static str,
    n: Option<u64>,
    #[serde(serialize_with = "two_decimals")]
    score: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_high: Option<f64>,
    institutions: usize,
    #[serde(serialize_with = "two_decimals")]
    p25: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    p50: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    p75: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    sd: Option<f64>,
    suppressed: bool,
    suppression: &'static str,
    /// The institutions shown, over which p25–p75 were taken (SPEC §6.1: the last column).
    institutions_shown: usize,
}

/// `item_scores.csv`.
#[derive(Serialize)]
struct ItemRow {
    year: u16,
    institution: String,
    line: u8,
    item: String,
    n: Option<u64>,
    #[serde(serialize_with = "two_decimals")]
    score: Option<f64>,
    suppressed: bool,
    suppression: &'static str,
}

/// `respondent_scores.csv`.
#[derive(Serialize)]
struct RespondentRow<'a> {
    year: u16,
    institution: String,
    line: u8,
    respondent: &'a str,
    area: &'static str,
    kind: &'static str,
    #[serde(serialize_with = "two_decimals")]
    score: Option<f64>,
}

/// `benchmarks.csv`: the rank as a number only with at least 10 institutions shown,
/// its band always (or `too_few_institutions`): the position of the score against the
/// P25 and P75 of the same institutions in `sector_scores.csv`, at the two decimals
/// printed there (below P25 lowest, above P75 highest, P25 to P75 included the middle
/// half); the change with Welch's
/// interval; the comparison with the other institutions' staff (after
/// Benjamini–Hochberg over the portret's comparisons) and the mean it was tested
/// against.
#[derive(Serialize)]
struct BenchmarkRow {
    year: u16,
    institution: String,
    line: u8,
    area: &'static str,
    kind: &'static str,
    #[serde(serialize_with = "two_decimals")]
    score: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    rank_sector: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    rank_peer: Option<f64>,
    previous_year: Option<u16>,
    #[serde(serialize_with = "two_decimals")]
    change: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    change_ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    change_ci_high: Option<f64>,
    change_significant: Option<bool>,
    rank_sector_band: &'static str,
    rank_peer_band: &'static str,
    versus_sector: &'static str,
    /// The pooled mean of the other institutions' staff that `versus_sector` is tested
    /// against.
    #[serde(serialize_with = "two_decimals")]
    rest_of_sector_mean: Option<f64>,
}

/// `line_gaps.csv` (b − a, Welch on the two lines' respondent scores).
#[derive(Serialize)]
struct GapRow {
    year: u16,
    peer_group: &'static str,
    area: &'static str,
    kind: &'static str,
    line_a: u8,
    line_b: u8,
    #[serde(serialize_with = "two_decimals")]
    gap: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_high: Option<f64>,
    significant: Option<bool>,
    n_a: u64,
    n_b: u64,
}

/// `sector_changes.csv`: the sector's (and each peer group's) change since the previous
/// year of the same edition.
#[derive(Serialize)]
struct SectorChangeRow {
    year: u16,
    peer_group: &'static str,
    line: u8,
    area: &'static str,
    kind: &'static str,
    previous_year: u16,
    #[serde(serialize_with = "two_decimals")]
    previous: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    change: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_low: Option<f64>,
    #[serde(serialize_with = "two_decimals")]
    ci_high: Option<f64>,
    significant: Option<bool>,
}

/// `rejections.csv`.
#[derive(Serialize)]
struct RejectionRow {
    file: String,
    sheet: String,
    cell: String,
    level: &'static str,
    value: String,
    reason: String,
    /// The reader's or system's own message, for support.
    detail: String,
}

/// `column_mapping.csv`.
#[derive(Serialize)]
struct MappingRow {
    file: String,
    sheet: String,
    cell: String,
    header: String,
    item: String,
    how: &'static str,
    similarity: String,
}

pub fn write_all(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    crate::report::create_dir(ctx.lang, dir)?;
    let sc = ctx.scores;
    let detail = |f: Option<&Figures>| f.and_then(Figures::detail_withheld);
    Ok(vec![
        write_table(
            ctx.lang,
            dir,
            "group_scores.csv",
            sc.groups.iter().map(|g| {
                let f = g.shown();
                GroupRow {
                    year: g.year,
                    institution: safe_text(&g.institution),
                    line: g.line.number(),
                    area: g.scope.area_code(),
                    kind: g.scope.kind_code(),
                    n: f.map(|f| f.n),
                    score: f.map(|f| f.mean),
                    sd: f.and_then(Figures::sd),
                    median: f.and_then(Figures::median),
                    ci_low: f.and_then(Figures::ci).map(|c| c.0),
                    ci_high: f.and_then(Figures::ci).map(|c| c.1),
                    suppressed: g.hidden().is_some(),
                    suppression: why_code(g.hidden().or(detail(f))),
                }
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "sector_scores.csv",
            sc.sector.iter().map(|s| {
                let f = s.shown();
                let q = s.quartiles;
                SectorRow {
                    year: s.year,
                    peer_group: s.peer.code(),
                    line: s.line.number(),
                    area: s.scope.area_code(),
                    kind: s.scope.kind_code(),
                    n: f.map(|f| f.n),
                    score: f.map(|f| f.mean),
                    ci_low: f.and_then(Figures::ci).map(|c| c.0),
                    ci_high: f.and_then(Figures::ci).map(|c| c.1),
                    institutions: s.institutions,
                    p25: q.map(|q| q.p25),
                    p50: q.map(|q| q.median),
                    p75: q.map(|q| q.p75),
                    sd: f.and_then(Figures::sd),
                    suppressed: s.hidden().is_some(),
                    suppression: why_code(s.hidden().or(detail(f))),
                    institutions_shown: s.shown,
                }
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "item_scores.csv",
            sc.items.iter().map(|it| ItemRow {
                year: it.year,
                institution: it.institution.as_deref().map_or("ALL".to_string(), safe_text),
                line: it.line.number(),
                item: ctx.fw_for(it.year).item(it.item).id.to_string(),
                n: it.shown().map(|f| f.n),
                score: it.shown().map(|f| f.score),
                suppressed: it.hidden().is_some(),
                suppression: why_code(it.hidden()),
            }),
        )?,
        // Pseudonymous keys only; score leaves out the rows of hidden groups, or the
        // group's figure could be rebuilt from them.
        write_table(
            ctx.lang,
            dir,
            "respondent_scores.csv",
            sc.respondents.iter().map(|r| {
                let who = &ctx.ingested.respondents[r.respondent as usize];
                RespondentRow {
                    year: who.year,
                    institution: safe_text(&who.institution),
                    line: who.line.number(),
                    respondent: &who.key,
                    area: r.scope.area_code(),
                    kind: r.scope.kind_code(),
                    score: Some(r.score),
                }
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "benchmarks.csv",
            sc.benchmarks.iter().map(|b| BenchmarkRow {
                year: b.year,
                institution: safe_text(&b.institution),
                line: b.line.number(),
                area: b.scope.area_code(),
                kind: b.scope.kind_code(),
                score: Some(b.score),
                rank_sector: b.rank_sector.number(),
                rank_peer: b.rank_peer.and_then(|r| r.number()),
                previous_year: b.change.map(|c| c.previous_year),
                change: b.change.map(|c| c.change.diff),
                change_ci_low: b.change.and_then(|c| c.change.ci).map(|c| c.0),
                change_ci_high: b.change.and_then(|c| c.change.ci).map(|c| c.1),
                change_significant: b.change.and_then(|c| c.change.significant()),
                rank_sector_band: b.rank_sector.band_code(),
                // Empty only where the institution's kind is not known.
                rank_peer_band: b.rank_peer.map_or("", |r| r.band_code()),
                versus_sector: b.versus_sector.map_or("", |v| v.code()),
                rest_of_sector_mean: b.rest_of_sector.map(|r| r.mean),
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "line_gaps.csv",
            sc.gaps.iter().map(|g| GapRow {
                year: g.year,
                peer_group: g.peer.code(),
                area: g.scope.area_code(),
                kind: g.scope.kind_code(),
                line_a: g.a.number(),
                line_b: g.b.number(),
                gap: Some(g.gap.diff),
                ci_low: g.gap.ci.map(|c| c.0),
                ci_high: g.gap.ci.map(|c| c.1),
                significant: g.gap.significant(),
                n_a: g.n_a,
                n_b: g.n_b,
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "sector_changes.csv",
            sc.sector_changes.iter().map(|c| SectorChangeRow {
                year: c.year,
                peer_group: c.peer.code(),
                line: c.line.number(),
                area: c.scope.area_code(),
                kind: c.scope.kind_code(),
                previous_year: c.change.previous_year,
                previous: Some(c.change.previous),
                change: Some(c.change.change.diff),
                ci_low: c.change.change.ci.map(|x| x.0),
                ci_high: c.change.change.ci.map(|x| x.1),
                significant: c.change.change.significant(),
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "rejections.csv",
            ctx.ingested.ledger.rejections.iter().map(|r| RejectionRow {
                file: safe_text(&r.file),
                sheet: safe_text(&r.sheet),
                cell: r.cell.clone(),
                level: r.level.code(),
                value: safe_text(&r.value),
                reason: r.reason.text(ctx.lang),
                detail: r.reason.detail().map(safe_text).unwrap_or_default(),
            }),
        )?,
        write_table(
            ctx.lang,
            dir,
            "column_mapping.csv",
            ctx.ingested.ledger.mappings.iter().map(|m| MappingRow {
                file: safe_text(&m.file),
                sheet: safe_text(&m.sheet),
                cell: m.cell.clone(),
                header: safe_text(&m.header),
                item: m.item.clone(),
                how: m.how.code(),
                similarity: format!("{:.3}", m.similarity),
            }),
        )?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_made_inert() {
        assert_eq!(safe_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(safe_text("+31 6"), "'+31 6");
        assert_eq!(safe_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_text("ROC Zuid"), "ROC Zuid");
    }
}
