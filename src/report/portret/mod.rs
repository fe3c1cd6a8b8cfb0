//! The portret: one institution's year against the sector, in the spirit of the 2014
//! study's portraits (SPEC §6). Built once ([`model`]: every selection, every word),
//! laid out twice: as a workbook ([`workbook`]) and as a document ([`document`]: the
//! PDF and the HTML page). It never names another institution or shows another
//! institution's figures: only the sector's distribution.

pub mod document;
pub mod model;
pub mod workbook;

pub use model::Portret;
