//! lobmonitor: career-guidance (LOB) self-assessment surveys in, sector evidence out.
//!
//! One pipeline, one direction:
//! `ingest` (spreadsheets → respondents + ledger) → `score` (statistics and privacy)
//! → `report` (workbooks, charts, tables, manifest). `framework` holds the item
//! catalogue every stage asks; `config` the thresholds; `cmd` holds the commands and wires the stages.

pub mod cmd;
pub mod config;
pub mod contribution;
pub mod framework;
pub mod ingest;
pub mod lang;
pub mod publish;
pub mod reference;
pub mod report;
pub mod sample;
pub mod score;
pub mod template;
pub mod text;
pub mod words;
