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
        exclude: Vec::new(),
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
    // The output folder (and what a run keeps beside it) is never read as input.
    let opts = IngestOptions { exclude: crate::publish::own_paths(&args.output), ..ingest_options(&cfg, &progress) };
    let ingested = ingest::ingest(&fw, &args.input, &opts)?;
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
    let publisher = crate::publish::Publisher::start(&args.output)?;
    let staging = publisher.staging().to_path_buf();
    let mut ctx = ReportContext::new(&fw, &cfg, &ingested, &scores, privacy);
    ctx.progress = progress.clone();
    let written = report::write_all(&ctx, &staging);
    let mut outputs = match written {
        Ok(o) => o,
        Err(e) => {
            publisher.abandon();
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
    if let Err(e) = manifest::write(&staging.join("manifest.json"), &fw, &ingested, &outputs, &timings) {
        publisher.abandon();
        return Err(e);
    }
    publisher.publish()?;
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

/// `lobmonitor validate PATH…`: what would be accepted, and every problem, per file.
pub fn validate(paths: &[PathBuf], config: Option<&Path>, year: Option<u16>, lang: Option<Lang>) -> Result<Outcome> {
    let cfg = load_config(config, year, lang)?;
    let fw = load_framework(&cfg)?;
    let lang = cfg.lang;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
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
    let mut ingested =
        ingest::ingest_files(&fw, root, &files, Default::default(), &ingest_options(&cfg, &Progress::hidden()));
    for (path, reason) in skipped {
        ingested.ledger.files.push(crate::ingest::ledger::InputFile::listed(
            ingest::relative(root, &path),
            FileStatus::Ignored,
            reason,
        ));
    }
    print!("{}", ingest::terminal_safe(&report::validate_text(&ingested, lang, cfg.min_group_size)));
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
