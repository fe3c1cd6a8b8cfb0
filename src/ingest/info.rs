//! The Info sheet (`Info`/`Gegevens`): the key/value sheet of the template in which a
//! workbook gives every response sheet its institution, BRIN, sector, region, year,
//! team and location. Read by `read.rs` for the sheets' defaults and by
//! `institutions.rs` for what the institutions file leaves open.

use calamine::Data;

use crate::ingest::cell::{cell_text, Sheet};
use crate::text::normalize;

/// Defaults a workbook gives every response sheet through its `Info`/`Gegevens` sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    pub institution: Option<String>,
    pub brin: Option<String>,
    pub sector: Option<String>,
    pub region: Option<String>,
    pub year: Option<Data>,
    /// The team and location every response of the workbook belongs to, where a
    /// workbook is one team's (`Team`/`Opleiding`/`Afdeling`, `Locatie`/`Vestiging`).
    pub team: Option<String>,
    pub location: Option<String>,
}

pub fn is_info_sheet(name: &str) -> bool {
    matches!(normalize(name).as_str(), "info" | "gegevens")
}

/// Reads key (column A) / value (column B) pairs.
pub fn read_info(sheet: &Sheet) -> Info {
    let mut info = Info::default();
    for row in &sheet.rows {
        let (Some(k), Some(v)) = (row.get(0), row.get(1)) else { continue };
        let text = cell_text(v);
        if text.is_empty() {
            continue;
        }
        match normalize(&cell_text(k)).as_str() {
            "instelling" | "institution" | "school" | "naam instelling" => info.institution = Some(text),
            "brin" | "brinnummer" | "brin nummer" => info.brin = Some(text),
            "sector" | "onderwijssector" => info.sector = Some(text),
            "regio" | "region" => info.region = Some(text),
            "jaar" | "year" | "schooljaar" => info.year = Some(v.clone()),
            "team" | "opleiding" | "afdeling" | "department" => info.team = Some(text),
            "locatie" | "vestiging" | "location" => info.location = Some(text),
            _ => {}
        }
    }
    info
}
