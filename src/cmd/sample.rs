//! `lobmonitor sample`: realistic synthetic survey files.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;

use crate::cmd::Outcome;
use crate::framework::Framework;
use crate::sample::{write_sample, SampleSpec};

#[derive(clap::Args)]
pub struct Args {
    /// Number of fictional institutions.
    #[arg(long, default_value_t = 10)]
    pub institutions: usize,
    /// Mean respondents per institution and year (over all lines).
    #[arg(long, default_value_t = 50)]
    pub respondents: usize,
    /// Number of years, ending with this one.
    #[arg(long, default_value_t = 2)]
    pub years: u16,
    /// Seed of the random numbers: the same seed gives the same files.
    #[arg(long, default_value_t = 2017)]
    pub seed: u64,
    /// Folder to write the files (and instellingen.csv) to.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let fw = Framework::embedded();
    let t = Instant::now();
    let spec = SampleSpec {
        institutions: args.institutions,
        respondents: args.respondents,
        years: args.years,
        seed: args.seed,
    };
    let n = write_sample(&fw, &spec, &args.output)?;
    let to = crate::ingest::terminal_safe(&args.output.display().to_string());
    eprintln!("lobmonitor: {} files written to {to} in {:.1} s", n, t.elapsed().as_secs_f64());
    Ok(Outcome::Clean)
}
