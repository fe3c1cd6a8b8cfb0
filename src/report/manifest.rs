//! `output/manifest.json` (SPEC §6.1): tool, framework edition, every input with its
//! SHA-256 and counts, every output with its kind, the reconciliation counts, timings.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::framework::Editions;
use crate::ingest::ledger::Counts;
use crate::ingest::Ingested;
use crate::lang::Lang;
use crate::report::Output;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Timings {
    pub ingest: u64,
    pub score: u64,
    pub report: u64,
    pub total: u64,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// A framework edition and the first year it applies to (none: the base edition).
#[derive(Serialize)]
struct Edition<'a> {
    edition: &'a str,
    from_year: Option<u16>,
}

#[derive(Serialize)]
struct Input<'a> {
    path: &'a str,
    sha256: &'a str,
    bytes: u64,
    status: &'static str,
    respondents: u64,
    counts: &'a Counts,
}

/// A file the run wrote, with its SHA-256: the next run recognises its own outputs by
/// these (SPEC §6.2), and a file changed since is no longer lobmonitor's.
#[derive(Serialize)]
struct Written<'a> {
    path: String,
    kind: &'a str,
    sha256: String,
    bytes: u64,
}

#[derive(Serialize)]
struct Manifest<'a> {
    tool: Tool,
    /// Present only where the config lowered the privacy thresholds (SPEC §5).
    #[serde(skip_serializing_if = "Option::is_none")]
    not_for_publication: Option<&'a str>,
    framework: &'a str,
    editions: Vec<Edition<'a>>,
    inputs: Vec<Input<'a>>,
    outputs: Vec<Written<'a>>,
    /// Every folder of the output tree.
    folders: Vec<String>,
    counts: &'a Counts,
    reconciled: bool,
    timings_ms: &'a Timings,
}

/// Writes `manifest.json` into `dir`, the finished output tree: every file in it is
/// listed with its SHA-256 (its kind from `outputs`, else `other`), and every folder.
pub fn write(
    dir: &Path,
    editions: &Editions,
    ing: &Ingested,
    outputs: &[Output],
    timings: &Timings,
    not_for_publication: Option<&str>,
    lang: Lang,
) -> Result<()> {
    let c = &ing.ledger.counts;
    let (files, folders) = crate::publish::inventory(dir)?;
    let kinds: std::collections::HashMap<&str, &str> = outputs.iter().map(|o| (o.path.as_str(), o.kind)).collect();
    let written = files
        .into_iter()
        .map(|f| {
            let kind = kinds.get(f.path.as_str()).copied().unwrap_or("other");
            Written { path: f.path, kind, sha256: f.sha256, bytes: f.bytes }
        })
        .chain(std::iter::once(Written {
            path: "manifest.json".into(),
            kind: "manifest",
            sha256: String::new(),
            bytes: 0,
        }))
        .collect();
    let m = Manifest {
        tool: Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") },
        not_for_publication,
        framework: &editions.base().edition,
        editions: editions
            .iter()
            .map(|(y, fw)| Edition { edition: &fw.edition, from_year: (*y > 0).then_some(*y) })
            .collect(),
        inputs: ing
            .ledger
            .files
            .iter()
            .map(|f| Input {
                path: &f.path,
                sha256: &f.sha256,
                bytes: f.bytes,
                status: f.status.code(),
                respondents: f.respondents,
                counts: &f.counts,
            })
            .collect(),
        outputs: written,
        folders,
        counts: c,
        reconciled: c.rows_reconcile() && c.answers_reconcile(),
        timings_ms: timings,
    };
    crate::report::write_file(lang, dir.join("manifest.json"), serde_json::to_string_pretty(&m)? + "\n")?;
    Ok(())
}
