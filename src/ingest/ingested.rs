//! What ingest hands to scoring: the scored respondents with their own-line answers,
//! the institutions with what is known of them, the ledger of everything not accepted,
//! and the statistics of contributions.

use std::collections::BTreeMap;

use crate::framework::{ItemIdx, Line};
use crate::ingest::institutions::InstitutionMeta;
use crate::ingest::ledger::Ledger;

/// A scored respondent: who, and their own-line answers.
#[derive(Debug, Clone)]
pub struct Respondent {
    /// Pseudonymous key (`R000001`), never the input id.
    pub key: String,
    /// Index into `Ledger::files`.
    pub file: usize,
    pub institution: String,
    pub year: u16,
    pub line: Line,
    /// The framework edition (index into the run's `Editions`) the items belong to.
    pub edition: u8,
    /// Location and team, where the survey has them.
    pub location: Option<String>,
    pub team: Option<String>,
    /// Own-line items with a degree, in thirds (0..=3).
    pub answers: Vec<(ItemIdx, u8)>,
    /// Own-line items answered n.v.t.
    pub na: Vec<ItemIdx>,
}

/// What ingest hands to scoring.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    pub respondents: Vec<Respondent>,
    /// Every institution that sent a readable row, with what is known of it.
    pub institutions: BTreeMap<String, InstitutionMeta>,
    pub ledger: Ledger,
    /// Statistics of the institution-years sent as contributions (SPEC §9).
    pub contributed: crate::score::Statistics,
    /// The institutions file read (its path as listed, and how many institutions it
    /// names), for `validate` to say so.
    pub institutions_file: Option<(String, usize)>,
}
