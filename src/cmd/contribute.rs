//! `lobmonitor contribute [--input DIR] -o FILE`: an institution's contribution (SPEC
//! §9): its own survey files read as a run reads them, written as the sufficient
//! statistics of every group and item and the ledger's counts; no answers, no ids, no
//! names (`crate::contribution`).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::cmd::{ConfigArgs, Outcome, Settings};
use crate::contribution::Contribution;
use crate::ingest::ledger::FileStatus;
use crate::ingest::{self, Progress};
use crate::score::sufficient;
use crate::words::say;

#[derive(clap::Args)]
pub struct Args {
    /// Folder with the institution's own survey files (read recursively).
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// The contribution file to write (JSON; send this file, not the surveys).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    #[command(flatten)]
    pub common: ConfigArgs,
}

pub fn run(args: Args) -> Result<Outcome> {
    let settings = Settings::load(&args.common)?;
    let lang = settings.lang();
    // Never overwrite what is not a contribution (a survey file given as -o by mistake).
    if args.output.exists() && !(args.output.is_file() && crate::contribution::looks_like(&args.output)) {
        bail!(say!(lang, contribution_name_taken(&args.output.display())));
    }
    let opts = settings.ingest(Vec::new(), &Progress::hidden());
    let ingested = ingest::ingest(&settings.editions, &args.input, &opts)
        .map_err(|e| anyhow::Error::msg(e.text(settings.lang())))?;
    // A contribution is made of survey files only: one found in the input would be
    // counted twice where both are sent.
    let found: Vec<&str> = ingested
        .ledger
        .files
        .iter()
        .filter(|f| f.status != FileStatus::Ignored && crate::contribution::looks_like(&args.input.join(&f.path)))
        .map(|f| f.path.as_str())
        .collect();
    if !found.is_empty() {
        bail!(say!(lang, input_holds_contribution(&found.join(", "))));
    }
    if ingested.respondents.is_empty() {
        bail!(say!(lang, no_respondent_scored(&args.input.display())));
    }
    let (stats, _) = sufficient::of_respondents(&settings.editions, &ingested.respondents)?;
    let c = Contribution::build(&settings.editions, &stats, &ingested.institutions, &ingested.ledger.counts);
    write_atomically(&args.output, c.to_json().as_bytes())
        .with_context(|| say!(lang, cannot_write(&args.output.display())))?;
    let years: Vec<String> = c.institution_years.iter().map(|iy| format!("{} {}", iy.institution, iy.year)).collect();
    let to = ingest::terminal_safe(&args.output.display().to_string());
    let years = ingest::terminal_safe(&years.join(", "));
    eprintln!(
        "lobmonitor: {}",
        say!(lang, contribution_written(&to, &years, ingested.ledger.counts.respondents_scored))
    );
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}

/// Written beside the target and renamed over it: never half a file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
