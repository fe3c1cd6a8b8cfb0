//! Scoring (SPEC §4) and privacy (SPEC §5): respondent, group, item and sector scores
//! with n, sd, median and 95 % confidence intervals; the distribution of institution
//! scores, benchmarks and gaps between lines; and suppression of small groups with the
//! complementary cells that keep them hidden. The only stage that uses polars.
//!
//! - `read_model.rs`: what report reads ([`Scores`] and its rows), `published.rs`: a
//!   figure shown or hidden ([`Published`]).
//! - `aggregate.rs`: [`score`], the steps from respondents to the read model, over the
//!   rows before privacy (`raw.rs`) and the groups' statistics (`sufficient.rs`).
//! - `benchmarks.rs`: quartiles, ranks, changes, above/below the sector, line gaps.
//! - `peer_group.rs`: the whole sector or one kind of education ([`PeerGroup`]).
//! - `privacy.rs`: what is hidden; `teams.rs`: team and location rows; `stats.rs`: the
//!   formulas; `against.rs`: an institution against a published sector reference.

pub mod against;
mod aggregate;
mod benchmarks;
pub mod peer_group;
pub mod privacy;
pub mod published;
mod raw;
pub mod read_model;
pub mod stats;
pub mod sufficient;
pub mod teams;

pub use aggregate::{score, score_with, ScoreError};
pub use peer_group::PeerGroup;
pub use privacy::Privacy;
pub use published::{Published, Why};
pub use read_model::{
    as_printed, shown_difference, Band, Benchmark, CellKey, Change, Detail, Difference, Figures, GroupScore, Hidden,
    ItemFigures, ItemScore, LineGap, Quartiles, Rank, RespondentScore, RestOfSector, Scope, Scores, SectorChange,
    SectorScore, SuppressionCounts, Versus, TABLE_DECIMALS,
};
pub use sufficient::Statistics;

#[cfg(test)]
mod tests;
