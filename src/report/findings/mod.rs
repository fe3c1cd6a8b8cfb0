//! What a portret says in words: the facts of one institution-year against the sector
//! ([`facts`]: its own scores, the sector's quartiles, above/within/below, changes with
//! their intervals), the sentences of its first page ([`sentences`]) and the words and
//! number formats every report shares ([`words`]). Built from the read model once per
//! portret; the sentences and the recommendations ([`super::recommend`]) are plain
//! functions of these facts, so they are tested on facts written by hand.
//!
//! Only the institution's own figures and the sector's distribution appear: never
//! another institution's.

pub mod facts;
pub mod sentences;
pub mod words;

pub use facts::*;
pub use sentences::*;
pub use words::*;

#[cfg(test)]
pub(crate) mod tests;
