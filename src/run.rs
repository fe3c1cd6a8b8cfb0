//! The commands, wired: load config and framework, run the stages, write outputs
//! atomically, report the outcome. Kept free of business rules.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::config::Config;
use crate::framework::{Editions, Framework};
use crate::ingest::ledger::FileStatus;
use crate::ingest::{self, IngestOptions, Progress};
use crate::lang::Lang;
use crate::report::{self, manifest, ReportContext};
use crate::score::{self, Privacy};

/// How a command ended, short of a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 3: done, but files, rows or answers were rejected.
    WithRejections,
}

#[derive(Debug, Clone)]
pub struct RunArgs {
    pub input: PathBuf,
    pub output: PathBuf,
    pub config: Option<PathBuf>,
    pub year: Option<u16>,
    pub lang: Option<Lang>,
}

/// The config of a command: the file given, else `lobmonitor.toml` here, else defaults;
/// command-line values win.
pub fn load_config(path: Option<&Path>, year: Option<u16>, lang: Option<Lang>) -> Result<Config> {
    let mut cfg = match path {
        Some(p) => Config::load(p)?,
        None if Path::new("lobmonitor.toml").is_file() => Config::load(Path::new("lobmonitor.toml"))?,
        None => Config::default(),
    };
    if year.is_some() {
        cfg.year = year;
    }
    if let Some(l) = lang {
        cfg.lang = l;
    }
    Ok(cfg)
}

/// The editions of a run: `framework` (or the embedded 2017 edition) for every year,
/// and each of `editions` from its first year on.
pub fn load_framework(cfg: &Config) -> Result<Editions> {
    let base = match &cfg.framework {
        Some(p) => Framework::load(p)?,
        None => Framework::embedded(),
    };
    let later =
        cfg.editions.iter().map(|e| Ok((e.from_year, Framework::load(&e.framework)?))).collect::<Result<Vec<_>>>()?;
    Ok(Editions::new(base, later)?)
}

pub fn ingest_options(cfg: &Config, progress: &Progress) -> IngestOptions {
    IngestOptions {
        blank: cfg.blank,
        min_answered: cfg.min_answered,
        year: cfg.year,
        limits: ingest::workbook::Limits { max_file_bytes: cfg.max_file_mb * 1024 * 1024, ..Default::default() },
        lang: cfg.lang,
        institutions_file: cfg.institutions.clone(),
        answers: cfg.answer_tables().expect("checked when the config was loaded"),
        progress: progress.clone(),
    }
}

/// `lobmonitor run`.
pub fn run(args: &RunArgs) -> Result<Outcome> {
    let t0 = Instant::now();
    let cfg = load_config(args.config.as_deref(), args.year, args.lang)?;
    let fw = load_framework(&cfg)?;
    let progress = progress_bar();
    let ingested = ingest::ingest(&fw, &args.input, &ingest_options(&cfg, &progress))?;
    let t_ingest = t0.elapsed();
    let readable = ingested.ledger.files.iter().any(|f| matches!(f.status, FileStatus::Accepted | FileStatus::Partial));
    if !readable {
        bail!(
            "no readable survey file in {} ({} files looked at); previous outputs left as they were",
            args.input.display(),
            ingested.ledger.files.len()
        );
    }
    progress.stage("scoren / scoring", 1);
    let t1 = Instant::now();
    let privacy = Privacy { min_group_size: cfg.min_group_size, min_institutions: cfg.min_institutions };
    let scores = score::score(&fw, &ingested.respondents, &ingested.institutions, privacy)?;
    let t_score = t1.elapsed();
    let t2 = Instant::now();
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("output folder {} cannot be created", args.output.display()))?;
    let staging = prepare_staging(&args.output)
        .with_context(|| format!("output folder {} is not writable", args.output.display()))?;
    let mut ctx = ReportContext::new(&fw, &cfg, &ingested, &scores, privacy);
    ctx.progress = progress.clone();
    let written = report::write_all(&ctx, &staging);
    let mut outputs = match written {
        Ok(o) => o,
        Err(e) => {
            retire(&staging, &args.output);
            return Err(e);
        }
    };
    let t_report = t2.elapsed();
    let timings = manifest::Timings {
        ingest: t_ingest.as_millis() as u64,
        score: t_score.as_millis() as u64,
        report: t_report.as_millis() as u64,
        total: t0.elapsed().as_millis() as u64,
    };
    outputs.push(report::Output { path: "manifest.json".into(), kind: "manifest" });
    manifest::write(&staging.join("manifest.json"), &fw, &ingested, &outputs, &timings)?;
    remove_stale(&staging, &outputs)?;
    publish(&staging, &args.output)?;
    progress.0.finish_and_clear();
    let c = &ingested.ledger.counts;
    eprintln!(
        "lobmonitor: {} files, {} respondents scored ({} excluded, {} rejected), {} rejections listed, {:.1} s → {}",
        ingested.ledger.files.iter().filter(|f| f.status != FileStatus::Ignored).count(),
        c.respondents_scored,
        c.respondents_excluded,
        c.respondents_rejected,
        ingested.ledger.rejections.len(),
        t0.elapsed().as_secs_f64(),
        args.output.display()
    );
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}

/// Where a run writes before it publishes, inside the output folder.
const STAGING: &str = ".lobmonitor-staging";

/// Where publishing puts the outputs it replaces, for the next run to write over.
///
/// A national run writes ~8,000 files. Creating that many files again right after
/// deleting the previous ones is slow on ext4: for every new file the inode allocator
/// steps over each recently deleted inode (`recently_deleted()` in the kernel), which
/// made file creation a quarter of a rerun's CPU time. Writing over existing files
/// reuses their inodes. So nothing is deleted: the replaced outputs wait here and the
/// next run writes into them (files it does not write again are removed before it
/// publishes). It costs the disk space of one more set of outputs; deleting the folder
/// is always safe.
pub const REUSE: &str = ".lobmonitor-reuse";

/// The staging folder, made from the files of the previous outputs where there are any.
fn prepare_staging(output: &Path) -> Result<PathBuf> {
    let staging = output.join(STAGING);
    let reuse = output.join(REUSE);
    // Something else under these names (not a folder) is not ours to reuse.
    for p in [&staging, &reuse] {
        if p.exists() && !p.is_dir() {
            std::fs::remove_file(p)?;
        }
    }
    if staging.exists() {
        // Left by a run that was killed: reusable as well.
        if reuse.exists() {
            std::fs::remove_dir_all(&reuse)?;
        }
    } else if reuse.exists() {
        std::fs::rename(&reuse, &staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    Ok(staging)
}

/// After a failed run: the staging folder's files are kept for reuse, out of sight.
fn retire(staging: &Path, output: &Path) {
    let reuse = output.join(REUSE);
    if reuse.exists() || std::fs::rename(staging, &reuse).is_err() {
        let _ = std::fs::remove_dir_all(staging);
    }
}

/// Removes from the staging folder every file this run did not write (left from the
/// outputs it reuses), and folders left empty.
fn remove_stale(staging: &Path, outputs: &[report::Output]) -> Result<()> {
    let keep: std::collections::HashSet<PathBuf> = outputs.iter().map(|o| staging.join(&o.path)).collect();
    fn sweep(dir: &Path, keep: &std::collections::HashSet<PathBuf>) -> Result<bool> {
        let mut empty = true;
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                if sweep(&path, keep)? {
                    std::fs::remove_dir(&path)?;
                } else {
                    empty = false;
                }
            } else if keep.contains(&path) {
                empty = false;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
        Ok(empty)
    }
    sweep(staging, &keep)?;
    Ok(())
}

/// Moves every entry of the staging folder into the output folder; what it replaces
/// goes to [`REUSE`]. A file is first hard-linked there and then replaced by a rename
/// (atomic on one file system); a folder is moved aside and the new one moved in.
/// Until this point the previous outputs are untouched.
fn publish(staging: &Path, output: &Path) -> Result<()> {
    let reuse = output.join(REUSE);
    if reuse.exists() {
        std::fs::remove_dir_all(&reuse)?;
    }
    std::fs::create_dir_all(&reuse)?;
    let mut entries: Vec<_> = std::fs::read_dir(staging)?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for src in entries {
        let name = src.file_name().expect("entries have names").to_owned();
        let dst = output.join(&name);
        // A file stays in place (linked) until the rename replaces it; a folder, or a
        // file on a file system without hard links, is moved aside first.
        let linked = dst.is_file() && std::fs::hard_link(&dst, reuse.join(&name)).is_ok();
        if dst.exists() && !linked {
            std::fs::rename(&dst, reuse.join(&name))?;
        }
        std::fs::rename(&src, &dst).with_context(|| format!("cannot move {} into place", dst.display()))?;
    }
    std::fs::remove_dir(staging)?;
    if std::fs::read_dir(&reuse)?.next().is_none() {
        std::fs::remove_dir(&reuse)?;
    }
    Ok(())
}

/// `lobmonitor validate PATH…`: what would be accepted, and every problem, per file.
pub fn validate(paths: &[PathBuf], config: Option<&Path>, year: Option<u16>, lang: Option<Lang>) -> Result<Outcome> {
    let cfg = load_config(config, year, lang)?;
    let fw = load_framework(&cfg)?;
    let lang = cfg.lang;
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(ingest::discover(p));
        } else if p.exists() {
            files.push(p.clone());
        } else {
            bail!("{} does not exist", p.display());
        }
    }
    let root = Path::new("");
    let ingested =
        ingest::ingest_files(&fw, root, &files, Default::default(), &ingest_options(&cfg, &Progress::hidden()));
    print!("{}", report::validate_text(&ingested, lang, cfg.min_group_size));
    let readable = ingested.ledger.files.iter().any(|f| matches!(f.status, FileStatus::Accepted | FileStatus::Partial));
    if !readable {
        bail!("{}", lang.pick("geen leesbaar vragenlijstbestand", "no readable survey file"));
    }
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}

/// `lobmonitor template`.
pub fn template(
    line: Option<u8>,
    institution: Option<&str>,
    year: Option<u16>,
    lang: Lang,
    out: &Path,
) -> Result<Outcome> {
    let fw = Framework::embedded();
    let line = line.and_then(crate::framework::Line::from_number);
    let bytes = crate::template::template(&fw, line, institution, year, lang)?;
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("lobmonitor: template written to {}", out.display());
    Ok(Outcome::Clean)
}

#[derive(Debug, Clone, Copy)]
pub enum CatalogueFormat {
    Table,
    Csv,
    Json,
}

/// `lobmonitor framework`.
pub fn print_framework(format: CatalogueFormat, lang: Lang) -> Result<Outcome> {
    let fw = Framework::embedded();
    let text = match format {
        CatalogueFormat::Table => report::catalogue::table(&fw, lang),
        CatalogueFormat::Csv => report::catalogue::csv(&fw)?,
        CatalogueFormat::Json => report::catalogue::json(&fw)?,
    };
    print!("{text}");
    Ok(Outcome::Clean)
}

/// `lobmonitor sample`.
pub fn sample(institutions: usize, respondents: usize, years: u16, seed: u64, out: &Path) -> Result<Outcome> {
    let fw = Framework::embedded();
    let t = Instant::now();
    let n =
        crate::sample::write_sample(&fw, &crate::sample::SampleSpec { institutions, respondents, years, seed }, out)?;
    eprintln!("lobmonitor: {} files written to {} in {:.1} s", n, out.display(), t.elapsed().as_secs_f64());
    Ok(Outcome::Clean)
}

/// A progress bar on a terminal (files read, institution-years reported); nothing when
/// the output is not a terminal.
fn progress_bar() -> Progress {
    if std::io::stderr().is_terminal() {
        let style = indicatif::ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} {elapsed}")
            .expect("a valid template")
            .progress_chars("=> ");
        Progress(indicatif::ProgressBar::new(0).with_style(style))
    } else {
        Progress::hidden()
    }
}
