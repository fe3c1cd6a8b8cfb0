//! The commands: one file each, with its arguments (clap) and its `run`. Settings are
//! built once from the command line and the config ([`Settings`]) and each stage gets
//! its own typed options from them. `main.rs` parses, calls, and turns the outcome into
//! an exit code through [`Exit`].

pub mod contribute;
pub mod framework;
pub mod run;
pub mod sample;
pub mod template;
pub mod validate;

use std::path::{Path, PathBuf};
use std::process::{ExitCode, Termination};

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::framework::{Editions, Framework};
use crate::ingest::{IngestOptions, Progress};
use crate::lang::Lang;
use crate::score::Privacy;

pub const EXIT_CODES: &str = "Exit codes:
  0  all clean
  1  failure (no readable input, bad config, output not writable)
  2  bad usage
  3  done, but some files, rows or answers were rejected (see Datakwaliteit / rejections.csv)";

#[derive(Parser)]
#[command(
    name = "lobmonitor",
    version,
    about = "Scores LOB self-assessment surveys against the 2017 Raamwerk loopbaanbegeleiding and writes the sector report, institution portraits and the ministry chart pack.",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Runs the whole job: reads every survey below --input, writes reports to --output.
    #[command(after_help = EXIT_CODES)]
    Run(run::Args),
    /// Checks survey files and prints what would be accepted and every problem; writes nothing.
    #[command(after_help = EXIT_CODES)]
    Validate(validate::Args),
    /// Writes a blank survey workbook: Info sheet, one response sheet per line, drop-down answers.
    Template(template::Args),
    /// Prints the item catalogue of the framework.
    Framework(framework::Args),
    /// Writes realistic synthetic survey files for demos and benchmarks.
    Sample(sample::Args),
    /// Writes an institution's contribution: its own figures from its survey files, no answers (SPEC §9).
    #[command(after_help = EXIT_CODES)]
    Contribute(contribute::Args),
}

impl Command {
    pub fn run(self) -> Result<Outcome> {
        match self {
            Command::Run(a) => run::run(a),
            Command::Validate(a) => validate::run(a),
            Command::Template(a) => template::run(a),
            Command::Framework(a) => framework::run(a),
            Command::Sample(a) => sample::run(a),
            Command::Contribute(a) => contribute::run(a),
        }
    }
}

/// The flags `run`, `contribute` and `validate` share (`#[command(flatten)]`): the
/// config file, and the two of its values the command line may override. A command
/// that says more of `--lang` than "the messages" words its help itself (`run`).
#[derive(clap::Args, Clone, Default)]
pub struct ConfigArgs {
    /// Config file (default: lobmonitor.toml in the working folder, if present).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Year for surveys that state none.
    #[arg(long)]
    pub year: Option<u16>,
    /// Language of the messages (default: the config's, else nl).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// `--lang`.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// How a command ended, short of a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 3: done, but files, rows or answers were rejected.
    WithRejections,
}

/// What the process ends with: the outcome, a failure (exit 1, its message on stderr),
/// or bad usage (exit 2, clap's message).
pub enum Exit {
    Done(Result<Outcome>),
    Usage(clap::Error),
}

impl Termination for Exit {
    fn report(self) -> ExitCode {
        match self {
            Exit::Done(Ok(Outcome::Clean)) => ExitCode::SUCCESS,
            Exit::Done(Ok(Outcome::WithRejections)) => ExitCode::from(3),
            Exit::Done(Err(e)) => {
                // Not eprintln!, which panics where standard error is a closed pipe.
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "lobmonitor: {}", crate::ingest::terminal_safe(&format!("{e:#}")));
                ExitCode::from(1)
            }
            Exit::Usage(e) => {
                let _ = e.print();
                match e.kind() {
                    clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                    _ => ExitCode::from(2),
                }
            }
        }
    }
}

/// Writes a command's report to standard output, line by line, with control characters
/// and bidirectional overrides escaped ([`crate::ingest::terminal_safe`]). When the
/// reader goes away (`lobmonitor validate DIR | head -1`) the writing stops quietly: a
/// closed pipe is the reader's choice, not a failure, so there is no panic and no message,
/// and the command ends with the outcome it had. Any other write error is a failure.
pub fn print_report(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = crate::ingest::terminal_safe(text)
        .split_inclusive('\n')
        .try_for_each(|line| write!(out, "{line}"))
        .and_then(|()| out.flush());
    match written {
        // (Dropping the writer tries the rest once more and ignores the error.)
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Parses the command line (no subcommand: `run` with its defaults) and runs it.
pub fn main() -> Exit {
    match Cli::try_parse() {
        Ok(cli) => Exit::Done(cli.command.unwrap_or_else(|| Command::Run(run::Args::default())).run()),
        Err(e) => Exit::Usage(e),
    }
}

/// Everything a command needs from the command line and the config, built once.
pub struct Settings {
    pub config: Config,
    pub editions: Editions,
    pub privacy: Privacy,
}

impl Settings {
    /// The config file given, else `lobmonitor.toml` here, else defaults; command-line
    /// values win. Then the framework editions it names.
    pub fn load(args: &ConfigArgs) -> Result<Settings> {
        let (config, year, lang) = (args.config.as_deref(), args.year, args.lang);
        // Until the config is read, messages (about the config itself) are in the
        // `--lang` language, else Dutch (see `crate::lang`).
        let says = lang.map_or(Lang::Nl, Lang::from);
        let mut cfg = match config {
            Some(p) => Config::load(p, says)?,
            None if Path::new("lobmonitor.toml").is_file() => Config::load(Path::new("lobmonitor.toml"), says)?,
            None => Config::default(),
        };
        if year.is_some() {
            cfg.year = year;
        }
        if let Some(l) = lang {
            cfg.lang = l.into();
        }
        let base = match &cfg.framework {
            Some(p) => Framework::load(p)?,
            None => Framework::embedded(),
        };
        let later = cfg
            .editions
            .iter()
            .map(|e| Ok((e.from_year, Framework::load(&e.framework)?)))
            .collect::<Result<Vec<_>>>()?;
        let editions = Editions::new(base, later)?;
        let privacy = Privacy { min_group_size: cfg.min_group_size, min_institutions: cfg.min_institutions };
        Ok(Settings { config: cfg, editions, privacy })
    }

    pub fn lang(&self) -> Lang {
        self.config.lang
    }

    /// What ingest needs: the answer rules, limits and what not to read.
    pub fn ingest(&self, exclude: Vec<PathBuf>, progress: &Progress) -> IngestOptions {
        let cfg = &self.config;
        IngestOptions {
            blank: cfg.blank,
            min_answered: cfg.min_answered,
            year: cfg.year,
            limits: crate::ingest::workbook::Limits {
                max_file_bytes: cfg.max_file_mb * 1024 * 1024,
                ..Default::default()
            },
            institutions_file: cfg.institutions.clone(),
            exclude,
            answers: cfg.answer_tables().expect("checked when the config was loaded"),
            progress: progress.clone(),
            roles: cfg.role_table(),
            name_roots: None,
            reading_stage: crate::words::say!(cfg.lang, stage_reading()).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// The shared flags as a command parsed them.
    fn config_args(argv: &[&str]) -> ConfigArgs {
        match Cli::try_parse_from(argv).expect("parses").command.expect("a command") {
            Command::Run(a) => a.common,
            Command::Contribute(a) => a.common,
            Command::Validate(a) => a.common,
            _ => panic!("not a command with the shared flags"),
        }
    }

    #[test]
    fn run_contribute_and_validate_take_config_year_and_lang_alike() {
        for command in [&["run"][..], &["contribute", "-o", "bijdrage.json"], &["validate", "enquetes"]] {
            let bare: Vec<&str> = ["lobmonitor"].iter().chain(command).copied().collect();
            let given: Vec<&str> =
                bare.iter().copied().chain(["--config", "lob.toml", "--year", "2026", "--lang", "en"]).collect();
            let a = config_args(&given);
            assert_eq!(a.config.as_deref(), Some(Path::new("lob.toml")), "{command:?}");
            assert_eq!(a.year, Some(2026), "{command:?}");
            assert!(matches!(a.lang, Some(LangArg::En)), "{command:?}");
            let none = config_args(&bare);
            assert!(none.config.is_none() && none.year.is_none() && none.lang.is_none(), "{command:?}");
            // A language other than nl and en is bad usage, as before.
            let wrong: Vec<&str> = bare.iter().copied().chain(["--lang", "de"]).collect();
            assert!(Cli::try_parse_from(&wrong).is_err(), "{command:?}");
        }
    }

    #[test]
    fn the_shared_flags_keep_their_help_text() {
        let cli = Cli::command();
        let help = |command: &str, flag: &str| -> String {
            let sub = cli.find_subcommand(command).expect("subcommand");
            let arg = sub.get_arguments().find(|a| a.get_id() == flag).expect("flag");
            arg.get_help().map(ToString::to_string).unwrap_or_default()
        };
        for command in ["run", "contribute", "validate"] {
            assert_eq!(
                help(command, "config"),
                "Config file (default: lobmonitor.toml in the working folder, if present)",
                "{command}"
            );
            assert_eq!(help(command, "year"), "Year for surveys that state none", "{command}");
        }
        // `run` writes reports in that language too; the others only messages.
        assert_eq!(help("run", "lang"), "Language of the reports and messages (default: the config's, else nl)");
        assert_eq!(help("contribute", "lang"), "Language of the messages (default: the config's, else nl)");
        assert_eq!(help("validate", "lang"), "Language of the messages (default: the config's, else nl)");
    }
}
