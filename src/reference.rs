//! The sector reference (SPEC §9, §6.1): `data/sector_reference.json`, written by every
//! run that writes the tables. It holds only what the run publishes anyway, under the
//! names the ministry pack uses: per year, peer group, line and scope the pooled n,
//! score and sd where they are shown (sd only where it is not withheld), the quartiles
//! of institution scores where they are published, and each shown institution's n and
//! score under its pseudonym (the institutions file's code, else the generated one).
//! Figures are rounded as in the CSV tables (two decimals), so the reference and the
//! tables say the same numbers.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::report::{Output, ReportContext};

/// The `format` field.
pub const FORMAT: &str = "lobmonitor-sectorreferentie";
/// The format version.
pub const VERSION: u32 = 1;

const UITLEG: &[&str] = &[
    "NL: De sectorreferentie van de LOB-monitor: alleen wat de landelijke run toch al publiceert. Per jaar, vergelijkingsgroep (ALL = hele sector, vo/mbo/hbo), lijn en bereik: n, gemiddelde score (0–100) en sd van alle respondenten waar die getoond worden; P25/P50/P75 van de instellingsscores waar genoeg instellingen getoond worden; en per getoonde instelling n en score onder haar pseudoniem.",
    "EN: The LOB monitor's sector reference: only what the national run publishes anyway. Per year, peer group (ALL = the whole sector, vo/mbo/hbo), line and scope: n, mean score (0–100) and sd over all respondents where shown; P25/P50/P75 of institution scores where enough institutions are shown; and each shown institution's n and score under its pseudonym.",
    "suppressed: true = de gepoolde cijfers zijn verborgen om kleine groepen te beschermen / the pooled figures are hidden to protect small groups; sd null = spreiding achtergehouden / spread withheld.",
];

#[derive(Serialize)]
struct Reference<'a> {
    format: &'static str,
    version: u32,
    lobmonitor: &'static str,
    uitleg: Vec<&'static str>,
    min_group_size: u64,
    min_institutions: usize,
    /// Year → framework edition.
    frameworks: &'a BTreeMap<u16, String>,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    year: u16,
    peer_group: &'static str,
    line: u8,
    area: &'static str,
    kind: &'static str,
    suppressed: bool,
    n: Option<u64>,
    score: Option<f64>,
    sd: Option<f64>,
    institutions_with_respondents: usize,
    institutions_shown: usize,
    p25: Option<f64>,
    p50: Option<f64>,
    p75: Option<f64>,
    institutions: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    pseudonym: String,
    n: u64,
    score: f64,
}

/// Two decimals, as the CSV tables write them.
fn two(v: f64) -> f64 {
    format!("{v:.2}").parse().unwrap_or(v)
}

/// Writes `data/sector_reference.json` below `dir`.
pub fn write(ctx: &ReportContext<'_>, dir: &Path) -> Result<Output> {
    let scores = ctx.scores;
    // (year, peer, line, scope) → the shown institutions under their pseudonyms.
    let mut shown: BTreeMap<crate::score::CellKey, Vec<Entry>> = BTreeMap::new();
    for g in &scores.groups {
        let Some(f) = g.shown() else { continue };
        let peer = ctx.ingested.institutions.get(&g.institution).and_then(|m| m.sector);
        for p in [Some(None), peer.map(Some)].into_iter().flatten() {
            shown.entry((g.year, p, g.line, g.scope)).or_default().push(Entry {
                pseudonym: ctx.pseudonym(&g.institution),
                n: f.n,
                score: two(f.mean),
            });
        }
    }
    let mut cells = Vec::new();
    for s in &scores.sector {
        if s.institutions == 0 {
            continue;
        }
        let f = s.shown();
        let mut institutions = shown.remove(&(s.year, s.peer, s.line, s.scope)).unwrap_or_default();
        institutions.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
        cells.push(Cell {
            year: s.year,
            peer_group: s.peer.map_or("ALL", |p| p.code()),
            line: s.line.number(),
            area: s.scope.area_code(),
            kind: s.scope.kind_code(),
            suppressed: f.is_none(),
            n: f.map(|f| f.n),
            score: f.map(|f| two(f.mean)),
            sd: f.and_then(|f| f.sd()).map(two),
            institutions_with_respondents: s.institutions,
            institutions_shown: s.shown,
            p25: s.quartiles.map(|q| two(q.0)),
            p50: s.quartiles.map(|q| two(q.1)),
            p75: s.quartiles.map(|q| two(q.2)),
            institutions,
        });
    }
    let reference = Reference {
        format: FORMAT,
        version: VERSION,
        lobmonitor: env!("CARGO_PKG_VERSION"),
        uitleg: UITLEG.to_vec(),
        min_group_size: ctx.privacy.min_group_size,
        min_institutions: ctx.privacy.min_institutions,
        frameworks: &scores.editions,
        cells,
    };
    let path = dir.join("data").join("sector_reference.json");
    std::fs::create_dir_all(dir.join("data"))?;
    let mut text = serde_json::to_string_pretty(&reference)?;
    text.push('\n');
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Output { path: "data/sector_reference.json".into(), kind: "table" })
}
