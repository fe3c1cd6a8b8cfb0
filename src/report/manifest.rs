//! `output/manifest.json` (SPEC §6.1): tool, framework edition, every input with its
//! SHA-256 and counts, every output with its kind, the reconciliation counts, timings.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::framework::Framework;
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
    inputs: Vec<Input<'a>>,
    outputs: &'a [Output],
    counts: &'a Counts,
    reconciled: bool,
    timings_ms: &'a Timings,
}

pub fn write(path: &Path, fw: &Framework, ing: &Ingested, outputs: &[Output], timings: &Timings) -> Result<()> {
    let c = &ing.ledger.counts;
    let m = Manifest {
        tool: Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") },
        framework: &fw.edition,
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
    std::fs::write(path, serde_json::to_string_pretty(&m)? + "\n")?;
    Ok(())
}
