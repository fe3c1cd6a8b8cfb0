//! Figures before privacy: the rows the aggregation computes (`aggregate.rs`), privacy
//! marks hidden (`privacy.rs`) and the benchmarks rank (`benchmarks.rs`), with the keys
//! they are sorted and looked up by. Nothing here leaves `score`: the aggregation turns
//! these rows into the read model (`read_model.rs`), where a hidden figure cannot be
//! read.

use crate::framework::{ItemIdx, Line};
use crate::ingest::institutions::Sector;
use crate::score::peer_group::PeerGroup;
use crate::score::published::Why;
use crate::score::read_model::{CellKey, Sample, Scope};

/// Mean, spread and median of a set of scores, before privacy decides what is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stat {
    pub mean: f64,
    pub sd: Option<f64>,
    pub median: f64,
}

/// A group: institution (by its index in name order) × year × line × scope. Sorted by
/// this key, groups are in the read model's order (year, institution name, line, scope).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct GroupKey {
    pub year: u16,
    pub inst: u32,
    pub line: Line,
    pub scope: Scope,
}

/// A group before privacy: its figures and, once decided, why it is hidden.
#[derive(Debug, Clone)]
pub(crate) struct RawGroup {
    pub year: u16,
    pub inst: u32,
    pub line: Line,
    pub scope: Scope,
    /// The institution's kind of education, where known: the peer group it is ranked in.
    pub kind: Option<Sector>,
    pub n: u64,
    pub stat: Option<Stat>,
    pub why: Option<Why>,
    pub detail_why: Option<Why>,
}

impl RawGroup {
    pub fn key(&self) -> GroupKey {
        GroupKey { year: self.year, inst: self.inst, line: self.line, scope: self.scope }
    }

    /// The group as a difference may use it: shown, with its spread where published.
    pub fn published(&self) -> Option<Sample> {
        published(self.n, self.stat, self.why, self.detail_why)
    }
}

/// A pooled cell before privacy.
#[derive(Debug, Clone)]
pub(crate) struct RawSector {
    pub year: u16,
    pub peer: PeerGroup,
    pub line: Line,
    pub scope: Scope,
    pub n: u64,
    pub stat: Option<Stat>,
    pub why: Option<Why>,
    pub detail_why: Option<Why>,
}

impl RawSector {
    pub fn key(&self) -> CellKey {
        CellKey { year: self.year, peer: self.peer, line: self.line, scope: self.scope }
    }

    /// The pooled figure as a difference may use it: shown, with its spread where
    /// published.
    pub fn published(&self) -> Option<Sample> {
        published(self.n, self.stat, self.why, self.detail_why)
    }
}

/// The sums a pooled cell's spread is made of: whether n, mean and sd would give its
/// scores away is decided from them (`privacy::withhold_reconstructable`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PooledSums {
    /// Sum of the respondent scores.
    pub sum: f64,
    /// Sum of the squared deviations from the pooled mean.
    pub m2: f64,
}

/// An item score before privacy (`inst` None: the sector).
#[derive(Debug, Clone)]
pub(crate) struct RawItem {
    pub year: u16,
    pub inst: Option<u32>,
    pub line: Line,
    pub item: ItemIdx,
    pub n: u64,
    pub score: f64,
    pub why: Option<Why>,
}

/// A shown figure as the statistics of differences use it: n, mean, and the spread
/// where it is published (none where it is withheld, so no interval gives it away).
fn published(n: u64, stat: Option<Stat>, why: Option<Why>, detail_why: Option<Why>) -> Option<Sample> {
    match (why, stat) {
        (None, Some(st)) => Some(Sample { n, mean: st.mean, sd: if detail_why.is_none() { st.sd } else { None } }),
        _ => None,
    }
}
