//! `lobmonitor run`: ingest → score → report, published all or nothing.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Result};

use crate::cmd::{ConfigArgs, Outcome, Settings};
use crate::ingest::ledger::FileStatus;
use crate::ingest::{self, Progress};
use crate::report::{self, manifest, ReportContext};
use crate::score;
use crate::words::say;

#[derive(clap::Args)]
#[command(mut_arg("lang", |a| a.help("Language of the reports and messages (default: the config's, else nl)")))]
pub struct Args {
    /// Folder with the survey files (read recursively).
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Folder the reports are written to; replaced as a whole when the run succeeds.
    #[arg(long, default_value = "output")]
    pub output: PathBuf,
    #[command(flatten)]
    pub common: ConfigArgs,
    /// Also write a PDF of every portret and of the sector overview (config: pdf = true).
    #[arg(long)]
    pub pdf: bool,
    /// Benchmark the institutions in the input against this published sector reference
    /// (a national run's data/sector_reference.json) instead of each other: their
    /// portrets, no sector workbook, no reference of its own.
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            input: "input".into(),
            output: "output".into(),
            common: ConfigArgs::default(),
            pdf: false,
            reference: None,
        }
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    let t0 = Instant::now();
    let mut settings = Settings::load(&args.common)?;
    settings.config.pdf |= args.pdf;
    let lang = settings.lang();
    // Against a reference: read before anything is written; its own portrets only.
    let reference = match &args.reference {
        Some(p) => {
            settings.config.outputs.retain(|k| *k != crate::config::OutputKind::SectorWorkbook);
            Some(crate::reference::Reference::read(p)?)
        }
        None => None,
    };
    // The output folder is lobmonitor's or left alone (SPEC §6.2): decided before any
    // input is read. Dropped on any failure below, the publisher leaves the previous
    // outputs as they were and nothing beside them.
    let around = crate::publish::Surroundings::of_run(&args.input, settings.lang())?;
    let publisher = crate::publish::Publisher::start(&args.output, &around)?;
    let progress = progress_bar();
    // The output folder (and what a run keeps beside it) is never read as input.
    let opts = settings.ingest(publisher.own_paths(), &progress);
    let ingested = ingest::ingest(&settings.editions, &args.input, &opts)
        .map_err(|e| anyhow::Error::msg(e.text(settings.lang())))?;
    let t_ingest = t0.elapsed();
    let readable = ingested.ledger.files.iter().any(|f| f.was_read());
    if !readable {
        let n = ingested.ledger.files.len();
        bail!(say!(lang, no_readable_survey_in(&args.input.display(), n)));
    }
    progress.stage(say!(lang, stage_scoring()), 1);
    let t1 = Instant::now();
    let scores = match &reference {
        None => score::score_with(
            &settings.editions,
            &ingested.respondents,
            &ingested.contributed,
            &ingested.institutions,
            settings.privacy,
        )?,
        Some(r) => {
            if !ingested.contributed.is_empty() {
                bail!(say!(lang, reference_takes_no_contributions()));
            }
            let codes = crate::report::pseudonyms(&ingested.institutions);
            score::against::against_reference(
                &settings.editions,
                &ingested.respondents,
                &ingested.institutions,
                r,
                &codes,
            )?
        }
    };
    let t_score = t1.elapsed();
    let t2 = Instant::now();
    let staging = publisher.staging().to_path_buf();
    let mut ctx = ReportContext::new(&settings.editions, &settings.config, &ingested, &scores, settings.privacy);
    ctx.progress = progress.clone();
    let written = report::write_all(&ctx, &staging).and_then(|mut outputs| {
        // The sector reference beside the tables (SPEC §9).
        if reference.is_none() && settings.config.wants(crate::config::OutputKind::Tables) {
            outputs.push(crate::reference::write(&ctx, &staging)?);
            outputs.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let timings = manifest::Timings {
            ingest: t_ingest.as_millis() as u64,
            score: t_score.as_millis() as u64,
            report: t2.elapsed().as_millis() as u64,
            total: t0.elapsed().as_millis() as u64,
        };
        crate::publish::failpoint("report")?;
        let warning = settings.config.not_for_publication(lang);
        manifest::write(&staging, &settings.editions, &ingested, &outputs, &timings, warning, lang)
    });
    written?;
    publisher.publish()?;
    progress.0.finish_and_clear();
    eprintln!("lobmonitor: {}", summary(&ingested, t0.elapsed().as_secs_f64(), &args.output, lang));
    Ok(if ingested.ledger.has_rejections() { Outcome::WithRejections } else { Outcome::Clean })
}

/// The one-line summary every run ends with, in the run's language.
pub fn summary(ing: &ingest::Ingested, seconds: f64, output: &std::path::Path, lang: crate::lang::Lang) -> String {
    let c = &ing.ledger.counts;
    let summary = crate::words::RunSummary {
        files: ing.ledger.files.iter().filter(|f| f.status != FileStatus::Ignored).count(),
        respondents: c.respondents_scored,
        excluded: c.respondents_excluded,
        rejected: c.respondents_rejected,
        rejections: ing.ledger.rejections.len(),
        seconds,
    };
    let out = crate::ingest::terminal_safe(&output.display().to_string());
    say!(lang, run_summary(&summary, &out))
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
