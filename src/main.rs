//! The `lobmonitor` command: parses the command line, calls the library, maps the
//! outcome to an exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use lobmonitor::lang::Lang;
use lobmonitor::run::{self, Outcome, RunArgs};

const EXIT_CODES: &str = "Exit codes:
  0  all clean
  1  failure (no readable input, bad config, output not writable)
  2  bad usage
  3  done, but some files, rows or answers were rejected (see Datakwaliteit / rejections.csv)";

#[derive(Parser)]
#[command(name = "lobmonitor", version, about = "Scores LOB self-assessment surveys against the 2017 Raamwerk loopbaanbegeleiding and writes the sector report, institution portraits and the ministry chart pack.", after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
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

#[derive(Clone, Copy, ValueEnum)]
enum FrameworkFormat {
    Table,
    Csv,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the whole job: reads every survey below --input, writes reports to --output.
    #[command(after_help = EXIT_CODES)]
    Run {
        #[arg(long, default_value = "input")]
        input: PathBuf,
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Config file (default: lobmonitor.toml in the working folder, if present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Year for surveys that state none.
        #[arg(long)]
        year: Option<u16>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Checks survey files and prints every problem; writes nothing.
    #[command(after_help = EXIT_CODES)]
    Validate {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        year: Option<u16>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Writes a blank survey workbook: Info sheet, one response sheet per line, drop-down answers.
    Template {
        /// Only this line's sheet (default: all three).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
        line: Option<u8>,
        #[arg(long)]
        institution: Option<String>,
        #[arg(long)]
        year: Option<u16>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Prints the item catalogue of the framework.
    Framework {
        #[arg(long, value_enum, default_value = "table")]
        format: FrameworkFormat,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Writes realistic synthetic survey files for demos and benchmarks.
    Sample {
        #[arg(long, default_value_t = 10)]
        institutions: usize,
        /// Mean respondents per institution and year (over all lines).
        #[arg(long, default_value_t = 50)]
        respondents: usize,
        #[arg(long, default_value_t = 2)]
        years: u16,
        #[arg(long, default_value_t = 2017)]
        seed: u64,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    lobmonitor::alloc::keep_freed_memory();
    lobmonitor::ingest::workbook::quiet_reader_panics();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(2),
            };
        }
    };
    let command = cli.command.unwrap_or(Command::Run {
        input: "input".into(),
        output: "output".into(),
        config: None,
        year: None,
        lang: None,
    });
    let outcome = match command {
        Command::Run { input, output, config, year, lang } => {
            run::run(&RunArgs { input, output, config, year, lang: lang.map(Into::into) })
        }
        Command::Validate { paths, year, lang, config } => {
            run::validate(&paths, config.as_deref(), year, lang.map(Into::into))
        }
        Command::Template { line, institution, year, lang, output } => {
            run::template(line, institution.as_deref(), year, lang.map(Into::into).unwrap_or_default(), &output)
        }
        Command::Framework { format, lang } => {
            let f = match format {
                FrameworkFormat::Table => run::CatalogueFormat::Table,
                FrameworkFormat::Csv => run::CatalogueFormat::Csv,
                FrameworkFormat::Json => run::CatalogueFormat::Json,
            };
            run::print_framework(f, lang.map(Into::into).unwrap_or_default())
        }
        Command::Sample { institutions, respondents, years, seed, output } => {
            run::sample(institutions, respondents, years, seed, &output)
        }
    };
    match outcome {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::WithRejections) => ExitCode::from(3),
        Err(e) => {
            eprintln!("lobmonitor: {e:#}");
            ExitCode::from(1)
        }
    }
}
