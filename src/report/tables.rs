//! The tidy tables of SPEC §6.1 under `output/data/`: CSV, RFC 4180, UTF-8, `.` decimals.
//! A suppressed figure is an empty field; text a spreadsheet would take for a formula is
//! prefixed with `'`.

use std::path::Path;

use anyhow::Result;

use crate::report::{Output, ReportContext};
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

fn writer(path: &Path) -> Result<csv::Writer<std::io::BufWriter<std::fs::File>>> {
    use anyhow::Context;
    let file = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(csv::WriterBuilder::new().from_writer(std::io::BufWriter::with_capacity(1 << 16, file)))
}

fn stat_fields(s: Option<&Figures>) -> [String; 5] {
    match s {
        Some(s) => [num(s.mean), opt(s.sd()), opt(s.median()), opt(s.ci().map(|c| c.0)), opt(s.ci().map(|c| c.1))],
        None => Default::default(),
    }
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

pub fn write_all(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    crate::report::create_dir(dir)?;
    let sc = ctx.scores;
    let mut out = Vec::new();
    let mut done = |name: &str| out.push(Output { path: format!("data/{name}"), kind: "table" });

    let mut w = writer(&dir.join("group_scores.csv"))?;
    w.write_record([
        "year",
        "institution",
        "line",
        "area",
        "kind",
        "n",
        "score",
        "sd",
        "median",
        "ci_low",
        "ci_high",
        "suppressed",
        "suppression",
    ])?;
    for g in &sc.groups {
        let [score, sd, median, lo, hi] = stat_fields(g.shown());
        w.write_record([
            g.year.to_string(),
            safe_text(&g.institution),
            g.line.to_string(),
            g.scope.area_code().into(),
            g.scope.kind_code().into(),
            g.shown().map(|f| f.n.to_string()).unwrap_or_default(),
            score,
            sd,
            median,
            lo,
            hi,
            g.hidden().is_some().to_string(),
            why_code(g.hidden().or(g.shown().and_then(Figures::detail_withheld))).into(),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("group_scores.csv");

    let mut w = writer(&dir.join("sector_scores.csv"))?;
    w.write_record([
        "year",
        "peer_group",
        "line",
        "area",
        "kind",
        "n",
        "score",
        "ci_low",
        "ci_high",
        "institutions",
        "p25",
        "p50",
        "p75",
        "sd",
        "suppressed",
        "suppression",
    ])?;
    for s in &sc.sector {
        let shown = s.shown();
        let q = s.quartiles;
        w.write_record([
            s.year.to_string(),
            s.peer.map_or("ALL".to_string(), |p| p.code().to_string()),
            s.line.to_string(),
            s.scope.area_code().into(),
            s.scope.kind_code().into(),
            shown.map(|f| f.n.to_string()).unwrap_or_default(),
            opt(shown.map(|x| x.mean)),
            opt(shown.and_then(|x| x.ci().map(|c| c.0))),
            opt(shown.and_then(|x| x.ci().map(|c| c.1))),
            s.institutions.to_string(),
            opt(q.map(|q| q.0)),
            opt(q.map(|q| q.1)),
            opt(q.map(|q| q.2)),
            opt(shown.and_then(|x| x.sd())),
            s.hidden().is_some().to_string(),
            why_code(s.hidden().or(shown.and_then(Figures::detail_withheld))).into(),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("sector_scores.csv");

    let mut w = writer(&dir.join("item_scores.csv"))?;
    w.write_record(["year", "institution", "line", "item", "n", "score", "suppressed", "suppression"])?;
    for it in &sc.items {
        w.write_record([
            it.year.to_string(),
            it.institution.as_deref().map_or("ALL".to_string(), safe_text),
            it.line.to_string(),
            ctx.fw_for(it.year).item(it.item).id.to_string(),
            it.shown().map(|f| f.n.to_string()).unwrap_or_default(),
            opt(it.shown().map(|f| f.score)),
            it.hidden().is_some().to_string(),
            why_code(it.hidden()).into(),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("item_scores.csv");

    // Respondent scores: pseudonymous keys only; score leaves out the rows of hidden
    // groups, or the group's figure could be rebuilt from them.
    let mut w = writer(&dir.join("respondent_scores.csv"))?;
    w.write_record(["year", "institution", "line", "respondent", "area", "kind", "score"])?;
    for r in &sc.respondents {
        let who = &ctx.ingested.respondents[r.respondent as usize];
        w.write_record([
            who.year.to_string(),
            safe_text(&who.institution),
            who.line.to_string(),
            who.key.clone(),
            r.scope.area_code().into(),
            r.scope.kind_code().into(),
            num(r.score),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("respondent_scores.csv");

    let mut w = writer(&dir.join("benchmarks.csv"))?;
    w.write_record([
        "year",
        "institution",
        "line",
        "area",
        "kind",
        "score",
        "rank_sector",
        "rank_peer",
        "previous_year",
        "change",
    ])?;
    for b in &sc.benchmarks {
        w.write_record([
            b.year.to_string(),
            safe_text(&b.institution),
            b.line.to_string(),
            b.scope.area_code().into(),
            b.scope.kind_code().into(),
            num(b.score),
            opt(b.rank_sector),
            opt(b.rank_peer),
            b.change.map(|c| c.0.to_string()).unwrap_or_default(),
            opt(b.change.map(|c| c.1)),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("benchmarks.csv");

    let mut w = writer(&dir.join("line_gaps.csv"))?;
    w.write_record(["year", "area", "kind", "line_a", "line_b", "gap"])?;
    for g in &sc.gaps {
        w.write_record([
            g.year.to_string(),
            g.scope.area_code().into(),
            g.scope.kind_code().into(),
            g.a.to_string(),
            g.b.to_string(),
            num(g.diff),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("line_gaps.csv");

    let mut w = writer(&dir.join("rejections.csv"))?;
    w.write_record(["file", "sheet", "cell", "level", "value", "reason"])?;
    for r in &ctx.ingested.ledger.rejections {
        w.write_record([
            safe_text(&r.file),
            safe_text(&r.sheet),
            r.cell.clone(),
            r.level.code().into(),
            safe_text(&r.value),
            r.reason.text(ctx.lang),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("rejections.csv");

    let mut w = writer(&dir.join("column_mapping.csv"))?;
    w.write_record(["file", "sheet", "cell", "header", "item", "how", "similarity"])?;
    for m in &ctx.ingested.ledger.mappings {
        w.write_record([
            safe_text(&m.file),
            safe_text(&m.sheet),
            m.cell.clone(),
            safe_text(&m.header),
            m.item.clone(),
            m.how.code().into(),
            format!("{:.3}", m.similarity),
        ])?;
    }
    w.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
    done("column_mapping.csv");
    Ok(out)
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
