//! The sector reference (SPEC §9, §6.1): `data/sector_reference.json`, written by every
//! run that writes the tables. It holds only what the run publishes anyway, under the
//! names the ministry pack uses: per year, peer group, line and scope the pooled n,
//! score and sd where they are shown (sd only where it is not withheld), the quartiles
//! of institution scores where they are published, and each institution's n and score under its
//! pseudonym where its group is shown (where hidden, only why) (the institutions file's code, else the generated one).
//! Figures are rounded as in the CSV tables (two decimals), so the reference and the
//! tables say the same numbers.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::report::{Output, ReportContext};
use crate::score::{CellKey, Why};

/// The `format` field.
pub const FORMAT: &str = "lobmonitor-sectorreferentie";
/// The format version.
pub const VERSION: u32 = 1;

const UITLEG: &[&str] = &[
    "NL: De sectorreferentie van de LOB-monitor: alleen wat de landelijke run toch al publiceert. Per jaar, vergelijkingsgroep (ALL = hele sector, vo/mbo/hbo), lijn en bereik: n, gemiddelde score (0–100) en sd van alle respondenten waar die getoond worden; P25/P50/P75 van de instellingsscores waar genoeg instellingen getoond worden; en per instelling onder haar pseudoniem n en score waar haar groep getoond wordt, anders alleen waarom niet (suppression: small = te klein, protects = afgeschermd).",
    "EN: The LOB monitor's sector reference: only what the national run publishes anyway. Per year, peer group (ALL = the whole sector, vo/mbo/hbo), line and scope: n, mean score (0–100) and sd over all respondents where shown; P25/P50/P75 of institution scores where enough institutions are shown; and each institution under its pseudonym with n and score where its group is shown, else only why not (suppression: small, protects).",
    "items: de sectorscore per item waar getoond / the sector's item scores where shown (n, score).",
    "line_gaps, sector_changes: verschillen tussen lijnen en veranderingen sinds het vorige jaar, met Welch-interval, zoals line_gaps.csv en sector_changes.csv / gaps between lines and changes since the previous year, with Welch's interval, as in those tables.",
    "suppressed: true = de gepoolde cijfers zijn verborgen om kleine groepen te beschermen / the pooled figures are hidden to protect small groups; sd null = spreiding achtergehouden / spread withheld.",
];

/// The reference as written and read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub format: String,
    pub version: u32,
    pub lobmonitor: String,
    pub uitleg: Vec<String>,
    pub min_group_size: u64,
    pub min_institutions: usize,
    /// Year → framework edition.
    pub frameworks: BTreeMap<u16, String>,
    pub cells: Vec<Cell>,
    /// The sector's item scores where shown.
    pub items: Vec<ItemCell>,
    /// Gaps between lines, as `line_gaps.csv`.
    pub line_gaps: Vec<GapCell>,
    /// The sector's changes since the previous year, as `sector_changes.csv`.
    pub sector_changes: Vec<ChangeCell>,
}

/// A difference as published: the estimate, Welch's interval and whether it excludes 0
/// (kept, since rounding the interval to two decimals can put a bound on 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    pub diff: f64,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub significant: Option<bool>,
}

impl Diff {
    fn of(d: &crate::score::Difference) -> Diff {
        Diff {
            diff: two(d.diff),
            ci_low: d.ci.map(|c| two(c.0)),
            ci_high: d.ci.map(|c| two(c.1)),
            significant: d.significant(),
        }
    }

    /// Back to a difference whose significance is the published one.
    pub fn difference(&self) -> crate::score::Difference {
        let ci = self.ci_low.zip(self.ci_high).map(|(mut lo, mut hi)| {
            let tiny = 1e-9;
            match self.significant {
                Some(true) if lo <= 0.0 && hi >= 0.0 => {
                    if self.diff > 0.0 {
                        lo = tiny
                    } else {
                        hi = -tiny
                    }
                }
                Some(false) if lo > 0.0 => lo = 0.0,
                Some(false) if hi < 0.0 => hi = 0.0,
                _ => {}
            }
            (lo, hi)
        });
        crate::score::Difference::unpaired(self.diff, ci)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapCell {
    pub year: u16,
    pub peer_group: String,
    pub area: String,
    pub kind: String,
    pub line_a: u8,
    pub line_b: u8,
    pub gap: Diff,
    pub n_a: u64,
    pub n_b: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeCell {
    pub year: u16,
    pub peer_group: String,
    pub line: u8,
    pub area: String,
    pub kind: String,
    pub previous_year: u16,
    pub previous: f64,
    pub change: Diff,
}

/// One pooled cell: year × peer group × line × scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub year: u16,
    pub peer_group: String,
    pub line: u8,
    pub area: String,
    pub kind: String,
    pub suppressed: bool,
    pub n: Option<u64>,
    pub score: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub institutions_with_respondents: usize,
    pub institutions_shown: usize,
    pub p25: Option<f64>,
    pub p50: Option<f64>,
    pub p75: Option<f64>,
    pub institutions: Vec<Entry>,
}

/// An institution's figures in a cell, under its pseudonym: n and score where its group
/// is shown; where it is hidden, only why (as `group_scores.csv` says it: `small`,
/// `protects`), since that it took part is published anyway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub pseudonym: String,
    pub n: Option<u64>,
    pub score: Option<f64>,
    pub suppression: Option<String>,
}

/// The sector's score of one item in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemCell {
    pub year: u16,
    pub line: u8,
    pub item: String,
    pub n: u64,
    pub score: f64,
}

impl Reference {
    /// Reads a reference, refusing one of another format or version.
    pub fn read(path: &Path) -> Result<Reference> {
        let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.len() > 256 << 20 {
            anyhow::bail!("{} is too large for a sector reference ({} bytes)", path.display(), meta.len());
        }
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a sector reference (not valid JSON)", path.display()))?;
        if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            anyhow::bail!("{} is not a sector reference (no format \"{FORMAT}\")", path.display());
        }
        let version = v.get("version").and_then(|f| f.as_u64()).unwrap_or(0);
        if version != VERSION as u64 {
            anyhow::bail!(
                "{} is a sector reference of format version {version}; this lobmonitor reads version {VERSION}",
                path.display()
            );
        }
        serde_json::from_value(v)
            .with_context(|| format!("{} does not have the shape of a sector reference", path.display()))
    }
}

/// Two decimals, as the CSV tables write them.
fn two(v: f64) -> f64 {
    format!("{v:.2}").parse().unwrap_or(v)
}

/// Writes `data/sector_reference.json` below `dir`.
pub fn write(ctx: &ReportContext<'_>, dir: &Path) -> Result<Output> {
    let scores = ctx.scores;
    // (year, peer, line, scope) → the shown institutions under their pseudonyms.
    let mut shown: BTreeMap<CellKey, Vec<Entry>> = BTreeMap::new();
    for g in &scores.groups {
        let entry = match (g.shown(), g.hidden()) {
            (Some(f), _) => Entry {
                pseudonym: ctx.pseudonym(&g.institution),
                n: Some(f.n),
                score: Some(two(f.mean)),
                suppression: None,
            },
            // A scope nobody answered: not a figure at all.
            (None, Some(why)) if g.for_own_institution().is_some_and(|f| f.n > 0) || why == Why::Small => Entry {
                pseudonym: ctx.pseudonym(&g.institution),
                n: None,
                score: None,
                suppression: Some(crate::report::tables::why_code(Some(why)).to_string()),
            },
            _ => continue,
        };
        let kind = ctx.ingested.institutions.get(&g.institution).and_then(|m| m.sector);
        for p in crate::score::PeerGroup::of(kind) {
            shown
                .entry(CellKey { year: g.year, peer: p, line: g.line, scope: g.scope })
                .or_default()
                .push(entry.clone());
        }
    }
    let mut cells = Vec::new();
    for s in &scores.sector {
        if s.institutions == 0 {
            continue;
        }
        let f = s.shown();
        let mut institutions = shown.remove(&s.key()).unwrap_or_default();
        institutions.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
        cells.push(Cell {
            year: s.year,
            peer_group: s.peer.code().to_string(),
            line: s.line.number(),
            area: s.scope.area_code().to_string(),
            kind: s.scope.kind_code().to_string(),
            suppressed: f.is_none(),
            n: f.map(|f| f.n),
            score: f.map(|f| two(f.mean)),
            sd: f.and_then(|f| f.sd()).map(two),
            ci_low: f.and_then(|f| f.ci()).map(|c| two(c.0)),
            ci_high: f.and_then(|f| f.ci()).map(|c| two(c.1)),
            institutions_with_respondents: s.institutions,
            institutions_shown: s.shown,
            p25: s.quartiles.map(|q| two(q.p25)),
            p50: s.quartiles.map(|q| two(q.median)),
            p75: s.quartiles.map(|q| two(q.p75)),
            institutions,
        });
    }
    let items = scores
        .items
        .iter()
        .filter(|it| it.institution.is_none())
        .filter_map(|it| {
            it.shown().map(|f| ItemCell {
                year: it.year,
                line: it.line.number(),
                item: ctx.fw_for(it.year).item(it.item).id.to_string(),
                n: f.n,
                score: two(f.score),
            })
        })
        .collect();
    let reference = Reference {
        format: FORMAT.to_string(),
        version: VERSION,
        lobmonitor: env!("CARGO_PKG_VERSION").to_string(),
        uitleg: UITLEG.iter().map(|s| s.to_string()).collect(),
        min_group_size: ctx.privacy.min_group_size,
        min_institutions: ctx.privacy.min_institutions,
        frameworks: scores.editions.clone(),
        cells,
        items,
        line_gaps: scores
            .gaps
            .iter()
            .map(|g| GapCell {
                year: g.year,
                peer_group: g.peer.code().to_string(),
                area: g.scope.area_code().to_string(),
                kind: g.scope.kind_code().to_string(),
                line_a: g.a.number(),
                line_b: g.b.number(),
                gap: Diff::of(&g.gap),
                n_a: g.n_a,
                n_b: g.n_b,
            })
            .collect(),
        sector_changes: scores
            .sector_changes
            .iter()
            .map(|c| ChangeCell {
                year: c.year,
                peer_group: c.peer.code().to_string(),
                line: c.line.number(),
                area: c.scope.area_code().to_string(),
                kind: c.scope.kind_code().to_string(),
                previous_year: c.change.previous_year,
                previous: two(c.change.previous),
                change: Diff::of(&c.change.change),
            })
            .collect(),
    };
    let path = dir.join("data").join("sector_reference.json");
    std::fs::create_dir_all(dir.join("data"))?;
    let mut text = serde_json::to_string_pretty(&reference)?;
    text.push('\n');
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Output { path: "data/sector_reference.json".into(), kind: "table" })
}
