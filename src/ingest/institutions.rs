//! What is known of an institution beyond its survey rows: its sector (the peer group),
//! region, pseudonym code and whether it may be named in the ministry pack. Comes from
//! the institutions file (SPEC §3.4) and the workbooks' Info sheets.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::ingest::cell::cell_text;
use crate::ingest::info::Info;
use crate::ingest::reason::Reason;
use crate::ingest::workbook::{read_workbook, Format, Limits};
use crate::text::{clean, normalize};

/// Education sector: the peer groups of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sector {
    Vo,
    Mbo,
    Hbo,
}

impl Sector {
    pub const ALL: [Sector; 3] = [Sector::Vo, Sector::Mbo, Sector::Hbo];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Vo => "vo",
            Sector::Mbo => "mbo",
            Sector::Hbo => "hbo",
        }
    }

    pub fn parse(s: &str) -> Option<Sector> {
        match normalize(s).as_str() {
            "vo" | "voortgezet onderwijs" | "secondary" => Some(Sector::Vo),
            "mbo" | "middelbaar beroepsonderwijs" | "vet" => Some(Sector::Mbo),
            "hbo" | "hoger beroepsonderwijs" | "higher" => Some(Sector::Hbo),
            _ => None,
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The key two spellings of one institution share: letters and digits only, lower case,
/// accents transliterated; a name without any letter or digit keys as written (trimmed).
pub fn fold(name: &str) -> String {
    let n = normalize(name);
    let key: String = n.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if key.is_empty() {
        clean(name).split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        key
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InstitutionMeta {
    pub name: String,
    pub brin: Option<String>,
    pub sector: Option<Sector>,
    pub region: Option<String>,
    /// Pseudonym from the institutions file; otherwise one is generated.
    pub code: Option<String>,
    /// `publiceren = ja`: may be named in the ministry chart pack.
    pub publish: bool,
    /// Other names it goes by (`aliassen`, `;`-separated): an old name, an abbreviation.
    pub aliases: Vec<String>,
    /// The folded name ([`fold`]): what generated pseudonyms hash.
    pub key: String,
    /// The spelling its file names are made from ([`crate::ingest::names`]).
    pub file_stem: String,
}

impl InstitutionMeta {
    pub fn named(name: &str) -> InstitutionMeta {
        InstitutionMeta { name: name.to_string(), key: fold(name), file_stem: name.to_string(), ..Default::default() }
    }

    /// Fills what the institutions file left open from a workbook's Info sheet.
    pub fn fill_from_info(&mut self, info: &Info) {
        if self.brin.is_none() {
            self.brin = info.brin.clone();
        }
        if self.sector.is_none() {
            self.sector = info.sector.as_deref().and_then(Sector::parse);
        }
        if self.region.is_none() {
            self.region = info.region.clone();
        }
    }
}

/// `instellingen.csv` / `instellingen.xlsx` directly in the input folder.
pub fn is_institutions_file(root: &Path, p: &Path) -> bool {
    p.parent() == Some(root)
        && p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.eq_ignore_ascii_case("instellingen"))
        && p.extension()
            .and_then(|s| s.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "xlsx"))
}

/// Reads the institutions file: `instelling, code, sector, regio, publiceren` and
/// optionally `aliassen` (`;`-separated) and `brin` (CSV in
/// any encoding and delimiter the survey reader knows, or the first sheet of an xlsx).
/// A file that cannot be read is a rejected file with its reason (SPEC §3.3); the run
/// goes on without it.
pub fn read(path: &Path) -> Result<BTreeMap<String, InstitutionMeta>, Reason> {
    let limits = Limits::default();
    let meta = std::fs::metadata(path).map_err(|e| Reason::from_io(&e))?;
    if !meta.is_file() {
        return Err(Reason::NotAFile);
    }
    if meta.len() == 0 {
        return Err(Reason::EmptyFile);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Reason::TooLarge { bytes: meta.len(), limit: limits.max_file_bytes });
    }
    // Read no more than the limit, whatever the file grows to after it was measured.
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(|e| Reason::from_io(&e))?,
            limits.max_file_bytes + 1,
        ),
        &mut bytes,
    )
    .map_err(|e| Reason::from_io(&e))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Reason::TooLarge { bytes: bytes.len() as u64, limit: limits.max_file_bytes });
    }
    let format = Format::from_path(path).unwrap_or(Format::Delimited);
    let (sheets, _) = read_workbook(&bytes, format, limits)?;
    let sheet = sheets.into_iter().next().ok_or(Reason::EmptyFile)?;
    let table: Vec<Vec<String>> = sheet
        .rows
        .iter()
        .map(|r| {
            let width = r.cells.last().map_or(0, |(c, _)| *c as usize + 1);
            (0..width as u32).map(|c| r.get(c).map(cell_text).unwrap_or_default()).collect()
        })
        .collect();
    let mut rows = table.into_iter();
    let header: Vec<String> = rows.next().ok_or(Reason::EmptyFile)?.iter().map(|h| normalize(h)).collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let c_name = col(&["instelling", "institution", "naam"]).ok_or(Reason::NoInstitutionColumn)?;
    let c_aliases = col(&["aliassen", "alias", "aliases", "andere namen"]);
    let (c_code, c_sector, c_region, c_pub, c_brin) = (
        col(&["code", "pseudoniem", "pseudonym"]),
        col(&["sector"]),
        col(&["regio", "region"]),
        col(&["publiceren", "publish"]),
        col(&["brin"]),
    );
    let mut out = BTreeMap::new();
    for r in rows {
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let Some(name) = get(Some(c_name)) else { continue };
        let publish =
            get(c_pub).is_some_and(|p| matches!(normalize(&p).as_str(), "ja" | "j" | "yes" | "y" | "true" | "1" | "x"));
        let aliases = get(c_aliases)
            .map(|a| a.split([';', '|']).map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        out.insert(
            name.clone(),
            InstitutionMeta {
                brin: get(c_brin),
                sector: get(c_sector).as_deref().and_then(Sector::parse),
                region: get(c_region),
                code: get(c_code),
                publish,
                aliases,
                ..InstitutionMeta::named(&name)
            },
        );
    }
    Ok(out)
}
