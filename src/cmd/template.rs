//! `lobmonitor template`: a blank survey workbook.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cmd::{LangArg, Outcome};
use crate::framework::{Framework, Line};

#[derive(clap::Args)]
pub struct Args {
    /// Only this line's sheet (default: all three).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub line: Option<u8>,
    /// Institution name to fill in on the Info sheet.
    #[arg(long)]
    pub institution: Option<String>,
    /// Year to fill in on the Info sheet.
    #[arg(long)]
    pub year: Option<u16>,
    /// Language of the headers and instructions (default nl).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The workbook to write (.xlsx).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let fw = Framework::embedded();
    let lang = args.lang.map(Into::into).unwrap_or_default();
    let line = args.line.and_then(Line::from_number);
    let bytes = crate::template::template(&fw, line, args.institution.as_deref(), args.year, lang)?;
    std::fs::write(&args.output, bytes)
        .with_context(|| crate::words::say!(lang, cannot_write(&args.output.display())))?;
    let to = crate::ingest::terminal_safe(&args.output.display().to_string());
    eprintln!("lobmonitor: {}", crate::words::say!(lang, template_written(&to)));
    Ok(Outcome::Clean)
}
