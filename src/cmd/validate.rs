//! `lobmonitor validate PATH…`: what would be accepted, and every problem, per file;
//! writes nothing.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::cmd::{ConfigArgs, Outcome, Settings};
use crate::ingest::{self, Progress};
use crate::report;
use crate::words::say;

#[derive(clap::Args)]
pub struct Args {
    /// Survey files or folders to check.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: ConfigArgs,
}

pub fn run(args: Args) -> Result<Outcome> {
    let settings = Settings::load(&args.common)?;
    let lang = settings.lang();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    // Folder names below a folder given are context; a file given alone has its name.
    let mut roots = Vec::new();
    let mut alone: Vec<PathBuf> = Vec::new();
    for p in &args.paths {
        // A path is taken as given (not through a link's target), so `validate` on a
        // pipe or a device says what it is instead of reading it.
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => {
                roots.push(p.clone());
                let walk = ingest::discover(p, &[]);
                files.extend(walk.files);
                skipped.extend(walk.skipped);
            }
            Ok(_) => {
                // A file given alone is read as it would be in its folder: named
                // `instellingen.csv` there, it is the institutions file.
                alone.push(p.parent().map(Path::to_path_buf).unwrap_or_default());
                files.push(p.clone());
            }
            Err(_) => bail!(say!(lang, does_not_exist(&ingest::terminal_safe(&p.display().to_string())))),
        }
    }
    let root = Path::new("");
    let mut opts = settings.ingest(Vec::new(), &Progress::hidden());
    opts.name_roots = Some(roots.clone());
    roots.extend(alone);
    // Read as `run` reads a folder: the institutions file and contributions known as such.
    let ingested = ingest::ingest_found(&settings.editions, root, &roots, files, skipped, &opts);
    crate::cmd::print_report(&report::validate_text(&ingested, lang, settings.privacy.min_group_size))?;
    let readable = ingested.ledger.files.iter().any(|f| f.was_read());
    if !readable {
        bail!(say!(lang, no_readable_survey()));
    }
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}
