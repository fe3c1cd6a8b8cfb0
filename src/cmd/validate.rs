//! `lobmonitor validate PATH…`: what would be accepted, and every problem, per file;
//! writes nothing.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::cmd::{LangArg, Outcome, Settings};
use crate::ingest::ledger::FileStatus;
use crate::ingest::{self, Progress};
use crate::report;

#[derive(clap::Args)]
pub struct Args {
    /// Survey files or folders to check.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Year for surveys that state none.
    #[arg(long)]
    pub year: Option<u16>,
    /// Language of the messages (default: the config's, else nl).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Config file (default: lobmonitor.toml in the working folder, if present).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let settings = Settings::load(args.config.as_deref(), args.year, args.lang)?;
    let lang = settings.lang();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in &args.paths {
        // A path is taken as given (not through a link's target), so `validate` on a
        // pipe or a device says what it is instead of reading it.
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => {
                let walk = ingest::discover(p, &[]);
                files.extend(walk.files);
                skipped.extend(walk.skipped);
            }
            Ok(_) => files.push(p.clone()),
            Err(_) => bail!(
                "{} {}",
                ingest::terminal_safe(&p.display().to_string()),
                lang.pick("bestaat niet", "does not exist")
            ),
        }
    }
    let root = Path::new("");
    let opts = settings.ingest(Vec::new(), &Progress::hidden());
    let mut ingested = ingest::ingest_files(&settings.editions, root, &files, Default::default(), &opts);
    ingest::list_skipped(&mut ingested.ledger, root, skipped);
    crate::cmd::print_report(&report::validate_text(&ingested, lang, settings.privacy.min_group_size))?;
    let readable = ingested.ledger.files.iter().any(|f| matches!(f.status, FileStatus::Accepted | FileStatus::Partial));
    if !readable {
        bail!("{}", lang.pick("geen leesbaar vragenlijstbestand", "no readable survey file"));
    }
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}
