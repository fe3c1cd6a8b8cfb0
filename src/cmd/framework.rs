//! `lobmonitor framework`: the item catalogue.

use anyhow::Result;
use clap::ValueEnum;

use crate::cmd::{LangArg, Outcome};
use crate::framework::Framework;
use crate::report::catalogue;

#[derive(Clone, Copy, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// How to print the catalogue.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Language of the item texts in the table (default nl).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let fw = Framework::embedded();
    let text = match args.format {
        Format::Table => catalogue::table(&fw, args.lang.map(Into::into).unwrap_or_default()),
        Format::Csv => catalogue::csv(&fw)?,
        Format::Json => catalogue::json(&fw)?,
    };
    crate::cmd::print_report(&text)?;
    Ok(Outcome::Clean)
}
