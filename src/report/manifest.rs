//! `output/manifest.json` (SPEC §6.1): tool, framework edition, every input with its
//! SHA-256 and counts, every output with its kind, the reconciliation counts, timings.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::framework::Editions;
use crate::ingest::ledger::Counts;
use crate::ingest::Ingested;
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

#[derive(Serialize)]
struct Manifest<'a> {
    tool: Tool,
    framework: &'a str,
    editions: Vec<Edition<'a>>,
    inputs: Vec<Input<'a>>,
    outputs: &'a [Output],
    counts: &'a Counts,
    reconciled: bool,
    timings_ms: &'a Timings,
}

pub fn write(path: &Path, editions: &Editions, ing: &Ingested, outputs: &[Output], timings: &Timings) -> Result<()> {
    let c = &ing.ledger.counts;
    let m = Manifest {
        tool: Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") },
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
        outputs,
        counts: c,
        reconciled: c.rows_reconcile() && c.answers_reconcile(),
        timings_ms: timings,
    };
    crate::report::write_file(path, serde_json::to_string_pretty(&m)? + "\n")?;
    Ok(())
}
