//! Contributions (SPEC §9): an institution's figures instead of its staff's answers.
//!
//! `lobmonitor contribute` reads an institution's own survey files as a run does and
//! writes, per institution-year, the sufficient statistics of every group and item
//! (`score::sufficient`) and its ledger's counts, as a JSON file a person can read: an
//! `uitleg` (explanation) field says what every figure is, in Dutch and English. No
//! respondent-level row, no respondent key or id, no file name, no cell value: only
//! counts and sums per group of respondents.
//!
//! The file carries a format name, a format version, lobmonitor's version and a
//! SHA-256 checksum over its content (keys sorted, numbers as written). The national run
//! recognises it by its content, whatever it is called, and takes it only when the
//! format version is one it reads, the checksum matches (so an edited or truncated file
//! is refused), every figure is possible (n ≥ 1, sums within what n scores can add up
//! to, items of the year's framework edition and of their line), the framework edition
//! of each year is the run's, and its institution-years are not also in the survey
//! files or in an earlier contribution (survey files first, then contributions in path
//! order: the first is kept, the later listed as rejected with the one it repeats).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::framework::{Area, Editions, ItemId, Kind, Line};
use crate::ingest::institutions::{InstitutionMeta, Sector};
use crate::ingest::ledger::{Counts, FileStatus, InputFile, Level, NoteKind, Place, Reason};
use crate::ingest::{relative, Ingested};
use crate::score::sufficient::{GroupStat, ItemStat, Statistics};
use crate::score::Scope;

/// The `format` field: what the file is.
pub const FORMAT: &str = "lobmonitor-bijdrage";
/// The format version this lobmonitor writes and reads.
pub const VERSION: u32 = 1;
/// Larger than any contribution (a few hundred kB for many institution-years).
const MAX_BYTES: u64 = 64 << 20;

/// What the file says about itself, for the person who sends it.
const UITLEG: &[&str] = &[
    "NL: Dit is de bijdrage van een instelling aan de LOB-monitor (lobmonitor contribute). Er staan geen antwoorden, geen namen, geen e-mailadressen en geen respondentnummers in: alleen aantallen en sommen per groep medewerkers.",
    "EN: This is an institution's contribution to the LOB monitor (lobmonitor contribute). It holds no answers, no names, no e-mail addresses and no respondent ids: only counts and sums per group of staff.",
    "institution_years: per instelling en jaar / per institution and year: institution, sector (vo/mbo/hbo), year, framework (edition of the Raamwerk), respondents (scored).",
    "groups: per lijn (1/2/3) en bereik (area VB/OB/OR/SW of ALL × kind R/D of ALL) / per line and scope: n = respondenten met minstens één beantwoord item / respondents with at least one answered item; score = gemiddelde respondentscore 0–100 / mean respondent score; sum = som van de respondentscores / sum of the respondent scores; squared_deviations = som van de gekwadrateerde afwijkingen van het gemiddelde (sd = wortel(squared_deviations / (n − 1))) / sum of squared deviations from the mean; median = mediaan; spread_gives_away = n, gemiddelde, sd en mediaan samen verraden ieders score (dan publiceert de monitor sd en mediaan niet) / n, mean, sd and median together give every score away (then sd and median are not published).",
    "items: per lijn en item / per line and item: n = beantwoord (n.v.t. niet meegeteld) / answered (n/a not counted); thirds = som van de antwoorden in derden (ja = 3, grotendeels = 2, enigszins = 1, nee = 0) / sum of the answers in thirds; score = 100 × thirds / (3 × n).",
    "counts: de telling van het inlezen (rijen, respondenten, antwoorden) over alle gelezen bestanden / the reading counts over every file read.",
    "checksum: SHA-256 van de inhoud; een gewijzigd bestand wordt geweigerd: maak het opnieuw met lobmonitor contribute / SHA-256 of the content; a changed file is refused: make it again with lobmonitor contribute.",
];

/// A contribution file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub format: String,
    pub version: u32,
    pub lobmonitor: String,
    pub uitleg: Vec<String>,
    /// The reading counts of the run that made it (SPEC §3.3).
    pub counts: Counts,
    pub institution_years: Vec<InstitutionYear>,
    pub checksum: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstitutionYear {
    pub institution: String,
    pub sector: Option<String>,
    pub year: u16,
    pub framework: String,
    pub respondents: u64,
    pub groups: Vec<GroupRow>,
    pub items: Vec<ItemRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRow {
    pub line: u8,
    pub area: String,
    pub kind: String,
    pub n: u64,
    pub score: f64,
    pub sum: f64,
    pub squared_deviations: f64,
    pub median: f64,
    pub spread_gives_away: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRow {
    pub line: u8,
    pub item: String,
    pub n: u64,
    pub thirds: u64,
    pub score: f64,
}

/// Why a contribution file, or one institution-year of it, is not taken: the cause as
/// data, with its figures, names and the parser's own error text. Worded in
/// `src/words/` (`nl::contribution`, `en::contribution`), as every reason is.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// Truncated or not valid JSON (serde_json's error text, with its line and column).
    NotJson(String),
    /// JSON without this format's `format` or `version` field.
    NotAContribution,
    /// A format version this lobmonitor does not read: the file's version, the
    /// lobmonitor that made it (`?` where it does not say), the version read here.
    Version { version: u64, made_by: String, reads: u32 },
    /// No `checksum` field.
    NoChecksum,
    /// The checksum does not match the content: changed after it was made.
    Changed,
    /// Not of the shape of the version it states (serde_json's error text).
    Shape { version: u32, error: String },
    /// A figure no survey can produce, or a name missing, at an institution-year.
    Impossible { institution: String, year: u16, figure: Figure },
    /// A year scored with another framework edition than this run scores it with.
    Edition { year: u16, edition: String, run: String },
    /// An institution-year already in the run: in the survey files or an earlier
    /// contribution (kept; this one is not).
    AlreadyIn { institution: String, year: u16, first: Earlier },
}

/// Which figure of an institution-year is impossible (the contribution's own field
/// names and values, as the file has them).
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// An empty institution name.
    NoInstitution,
    /// The institution-year listed twice in one file.
    Twice,
    /// A sector that is not vo, mbo or hbo.
    Sector(String),
    /// A line that is not 1, 2 or 3 (a group's or an item's).
    Line(u8),
    /// An area that is not ALL or one of the framework's.
    Area(String),
    /// A kind that is not ALL, R or D.
    Kind(String),
    /// A group whose n, sum, spread or median no n scores can have, of a scope without
    /// items, or listed twice.
    Group { line: u8, area: String, kind: String, n: u64 },
    /// No group for a whole line.
    NoLineScore,
    /// An item not of the year's edition, or not of its line.
    Item { item: String, line: u8 },
    /// An item whose n or thirds no n answers can have, or listed twice.
    ItemCount { item: String, n: u64 },
}

/// Where an institution-year was taken first.
#[derive(Debug, Clone, PartialEq)]
pub enum Earlier {
    /// The survey files of this run.
    Surveys,
    /// An earlier contribution (its path below the input folder).
    Contribution(String),
}

impl Refusal {
    fn reason(self) -> Reason {
        Reason::Contribution(self)
    }
}

impl Contribution {
    /// The contribution of every institution-year in `stats` (from an institution's own
    /// survey files), with the counts of the ledger that read them.
    pub fn build(
        editions: &Editions,
        stats: &Statistics,
        institutions: &BTreeMap<String, InstitutionMeta>,
        counts: &Counts,
    ) -> Contribution {
        let mut years: Vec<InstitutionYear> = Vec::new();
        for (institution, year) in stats.institution_years() {
            let fw = editions.for_year(year);
            let groups: Vec<GroupRow> = stats
                .groups
                .iter()
                .filter(|g| g.institution == institution && g.year == year)
                .map(|g| GroupRow {
                    line: g.line.number(),
                    area: g.scope.area_code().to_string(),
                    kind: g.scope.kind_code().to_string(),
                    n: g.n,
                    score: g.mean(),
                    sum: g.sum,
                    squared_deviations: g.m2,
                    median: g.median,
                    spread_gives_away: g.reconstructable,
                })
                .collect();
            let respondents = groups.iter().filter(|g| g.area == "ALL" && g.kind == "ALL").map(|g| g.n).sum::<u64>();
            let items = stats
                .items
                .iter()
                .filter(|i| i.institution == institution && i.year == year)
                .map(|i| ItemRow {
                    line: i.line.number(),
                    item: fw.item(i.item).id.to_string(),
                    n: i.n,
                    thirds: i.thirds,
                    score: i.score(),
                })
                .collect();
            years.push(InstitutionYear {
                sector: institutions.get(&institution).and_then(|m| m.sector).map(|s| s.code().to_string()),
                institution,
                year,
                framework: fw.edition.clone(),
                respondents,
                groups,
                items,
            });
        }
        let mut c = Contribution {
            format: FORMAT.to_string(),
            version: VERSION,
            lobmonitor: env!("CARGO_PKG_VERSION").to_string(),
            uitleg: UITLEG.iter().map(|s| s.to_string()).collect(),
            counts: *counts,
            institution_years: years,
            checksum: String::new(),
        };
        c.checksum = checksum_of(&serde_json::to_value(&c).expect("plain data serialises"));
        c
    }

    /// The file's text: indented JSON, one field a line.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("plain data serialises");
        s.push('\n');
        s
    }

    /// Reads and checks a contribution: format, version, checksum, then every figure.
    pub fn parse(bytes: &[u8], editions: &Editions) -> Result<(Contribution, Statistics), Refusal> {
        let text = std::str::from_utf8(strip_bom(bytes)).map_err(|_| Refusal::NotUtf8)?;
        let value: Value = serde_json::from_str(text).map_err(|e| Refusal::NotJson(e.to_string()))?;
        let version = value.get("version").and_then(Value::as_u64);
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) || version.is_none() {
            return Err(Refusal::NotAContribution);
        }
        let made_by = value.get("lobmonitor").and_then(Value::as_str).unwrap_or("?").to_string();
        if version != Some(VERSION as u64) {
            return Err(Refusal::Version { version: version.unwrap_or(0), made_by, reads: VERSION });
        }
        let Some(stated) = value.get("checksum").and_then(Value::as_str).map(str::to_string) else {
            return Err(Refusal::NoChecksum);
        };
        if checksum_of(&value) != stated {
            return Err(Refusal::Changed);
        }
        let c: Contribution =
            serde_json::from_value(value).map_err(|e| Refusal::Shape { version: VERSION, error: e.to_string() })?;
        let stats = c.statistics(editions)?;
        Ok((c, stats))
    }

    /// The statistics, every figure checked against what is possible.
    fn statistics(&self, editions: &Editions) -> Result<Statistics, Refusal> {
        let mut stats = Statistics::default();
        let mut seen: BTreeSet<(String, u16)> = BTreeSet::new();
        for iy in &self.institution_years {
            let bad =
                |figure: Figure| Refusal::Impossible { institution: iy.institution.clone(), year: iy.year, figure };
            if iy.institution.trim().is_empty() {
                return Err(bad(Figure::NoInstitution));
            }
            if !seen.insert((iy.institution.clone(), iy.year)) {
                return Err(bad(Figure::Twice));
            }
            if let Some(s) = &iy.sector {
                if Sector::parse(s).is_none() {
                    return Err(bad(Figure::Sector(s.clone())));
                }
            }
            let fw = editions.for_year(iy.year);
            if iy.framework != fw.edition {
                return Err(Refusal::Edition { year: iy.year, edition: iy.framework.clone(), run: fw.edition.clone() });
            }
            let mut keys = BTreeSet::new();
            for g in &iy.groups {
                let line = Line::from_number(g.line).ok_or_else(|| bad(Figure::Line(g.line)))?;
                let area = match g.area.as_str() {
                    "ALL" => None,
                    a => Some(Area::from_code(a).ok_or_else(|| bad(Figure::Area(a.to_string())))?),
                };
                let kind = match g.kind.as_str() {
                    "ALL" => None,
                    "R" => Some(Kind::R),
                    "D" => Some(Kind::D),
                    k => return Err(bad(Figure::Kind(k.to_string()))),
                };
                let scope = Scope { area, kind };
                let items = fw.count(line, area, kind);
                let n = g.n as f64;
                let possible = g.n >= 1
                    && items > 0
                    && keys.insert((line, scope))
                    && (0.0..=100.0 * n + 1e-6).contains(&g.sum)
                    && g.squared_deviations >= 0.0
                    && g.squared_deviations <= 2500.0 * n + 1e-6
                    && (0.0..=100.0).contains(&g.median)
                    && (!g.spread_gives_away || (2..10).contains(&g.n));
                if !possible {
                    return Err(bad(Figure::Group {
                        line: g.line,
                        area: g.area.clone(),
                        kind: g.kind.clone(),
                        n: g.n,
                    }));
                }
                stats.groups.push(GroupStat {
                    year: iy.year,
                    institution: iy.institution.clone(),
                    line,
                    scope,
                    n: g.n,
                    sum: g.sum,
                    m2: g.squared_deviations,
                    median: g.median,
                    reconstructable: g.spread_gives_away,
                });
            }
            if !keys.iter().any(|(_, s)| *s == Scope::LINE) {
                return Err(bad(Figure::NoLineScore));
            }
            let mut items = BTreeSet::new();
            for i in &iy.items {
                let line = Line::from_number(i.line).ok_or_else(|| bad(Figure::Line(i.line)))?;
                let idx = i
                    .item
                    .parse::<ItemId>()
                    .ok()
                    .and_then(|id| fw.index_of(id))
                    .filter(|&idx| fw.item(idx).id.line == line)
                    .ok_or_else(|| bad(Figure::Item { item: i.item.clone(), line: i.line }))?;
                if i.n == 0 || i.thirds > 3 * i.n || !items.insert(idx) {
                    return Err(bad(Figure::ItemCount { item: i.item.clone(), n: i.n }));
                }
                stats.items.push(ItemStat {
                    year: iy.year,
                    institution: iy.institution.clone(),
                    line,
                    item: idx,
                    n: i.n,
                    thirds: i.thirds,
                });
            }
        }
        stats.sort();
        Ok(stats)
    }
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// Whether a file's first bytes say it is a contribution: a JSON object naming the
/// format near its start (then it is read as one, and taken or refused with a reason).
pub fn looks_like(path: &Path) -> bool {
    use std::io::Read;
    // Only a regular file is looked into: opening a named pipe or a device given by
    // name would wait for a writer or read for ever (SPEC §3.3: such a path is listed
    // for what it is, never opened). Non-blocking, should it become one in between.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut open, libc::O_NONBLOCK);
    let Ok(f) = open.open(path) else { return false };
    if !f.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    // The first 64 bytes settle it for nearly every file (a spreadsheet starts `PK` or
    // with the OLE signature, a CSV with its header): only a head that is all
    // whitespace so far, or opens a JSON object, is read on to 4 KiB.
    let mut f = f;
    let mut head = Vec::with_capacity(4096);
    if (&mut f).take(64).read_to_end(&mut head).is_err() {
        return false;
    }
    let opened = strip_bom(&head).iter().find(|b| !b.is_ascii_whitespace()).is_none_or(|&b| b == b'{');
    if !opened {
        return false;
    }
    if head.len() == 64 && f.take(4096 - 64).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = strip_bom(&head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|i| head[i] != b'{') {
        return false;
    }
    let marker = format!("\"{FORMAT}\"");
    head.windows(marker.len()).any(|w| w == marker.as_bytes())
}

/// SHA-256 over the content without its `checksum` field, keys sorted at every level,
/// as compact JSON: the same for any indentation or key order.
fn checksum_of(value: &Value) -> String {
    let mut v = value.clone();
    if let Value::Object(m) = &mut v {
        m.remove("checksum");
    }
    let mut text = String::new();
    canonical(&v, &mut text);
    let d = Sha256::digest(text.as_bytes());
    format!("sha256:{}", d.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let sorted: BTreeMap<&String, &Value> = m.iter().collect();
            out.push('{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Reads the contribution files found in the input (path order) into the ingested
/// data: each listed in the ledger as accepted, partial or rejected with its reason;
/// the institution-years taken added to `contributed`, their counts to the ledger's,
/// their institutions (and sector, where the institutions file gives none) to the
/// institutions known.
pub fn admit(editions: &Editions, root: &Path, files: &[std::path::PathBuf], ingested: &mut Ingested) {
    let mut taken: BTreeMap<(String, u16), Earlier> = BTreeMap::new();
    for r in &ingested.respondents {
        taken.entry((r.institution.clone(), r.year)).or_insert(Earlier::Surveys);
    }
    for path in files {
        let rel = relative(root, path);
        let bytes = match std::fs::metadata(path) {
            Ok(m) if m.len() > MAX_BYTES => Err(Reason::TooLarge { bytes: m.len(), limit: MAX_BYTES }),
            _ => std::fs::read(path).map_err(|e| Reason::Unreadable(e.to_string())),
        };
        let mut file = InputFile {
            path: rel.clone(),
            sha256: String::new(),
            bytes: 0,
            status: FileStatus::Rejected,
            respondents: 0,
            counts: Counts::default(),
            note: None,
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(reason) => {
                reject_file(ingested, file, reason);
                continue;
            }
        };
        file.sha256 = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        file.bytes = bytes.len() as u64;
        let (c, stats) = match Contribution::parse(&bytes, editions) {
            Ok(x) => x,
            Err(refusal) => {
                reject_file(ingested, file, refusal.reason());
                continue;
            }
        };
        let (mut c, mut stats) = (c, stats);
        // One institution however spelled (SPEC §3.4, §3.5): a contribution's names take
        // the spelling the run already shows for them — the institutions file's, its
        // aliases and codes, or the surveys' — as the surveys' own rows do.
        let mut respelled: Vec<String> = Vec::new();
        for iy in &mut c.institution_years {
            let shown = shown_name(&ingested.institutions, &iy.institution);
            if shown != iy.institution {
                for g in stats.groups.iter_mut().filter(|g| g.institution == iy.institution) {
                    g.institution = shown.clone();
                }
                for i in stats.items.iter_mut().filter(|i| i.institution == iy.institution) {
                    i.institution = shown.clone();
                }
                respelled.push(format!("\"{}\" → {shown}", iy.institution));
                iy.institution = shown;
            }
        }
        let mut counts = c.counts;
        let mut kept: BTreeSet<(String, u16)> = BTreeSet::new();
        for iy in &c.institution_years {
            let key = (iy.institution.clone(), iy.year);
            if let Some(first) = taken.get(&key) {
                // Already in: these respondents are rejected here, the first kept.
                let answers: u64 = iy.items.iter().map(|i| i.n).sum();
                counts.respondents_scored = counts.respondents_scored.saturating_sub(iy.respondents);
                counts.respondents_rejected += iy.respondents;
                counts.answers_scored = counts.answers_scored.saturating_sub(answers);
                counts.answers_rejected += answers;
                let refusal =
                    Refusal::AlreadyIn { institution: iy.institution.clone(), year: iy.year, first: first.clone() };
                ingested.ledger.rejections.push(Place::new(&rel, "").reject(
                    Level::File,
                    None,
                    String::new(),
                    refusal.reason(),
                ));
                continue;
            }
            taken.insert(key.clone(), Earlier::Contribution(rel.clone()));
            kept.insert(key);
            let meta = ingested
                .institutions
                .entry(iy.institution.clone())
                .or_insert_with(|| InstitutionMeta::named(&iy.institution));
            if meta.sector.is_none() {
                meta.sector = iy.sector.as_deref().and_then(Sector::parse);
            }
        }
        if kept.is_empty() {
            file.status = FileStatus::Rejected;
            file.counts = Counts::default();
            file.note = ingested.ledger.rejections.last().map(|r| r.reason.clone());
            ingested.ledger.files.push(file);
            continue;
        }
        file.status = if kept.len() == c.institution_years.len() { FileStatus::Accepted } else { FileStatus::Partial };
        let mut brought: Vec<String> = c
            .institution_years
            .iter()
            .filter(|iy| kept.contains(&(iy.institution.clone(), iy.year)))
            .map(|iy| format!("{} {} ({})", iy.institution, iy.year, iy.respondents))
            .collect();
        respelled.dedup();
        brought.extend(respelled);
        ingested.ledger.notes.push(Place::new(&rel, "").note(None, NoteKind::Contribution(brought.join(", "))));
        file.respondents = counts.respondents_scored;
        file.counts = counts;
        ingested.ledger.counts.add(&counts);
        ingested.ledger.files.push(file);
        stats.groups.retain(|g| kept.contains(&(g.institution.clone(), g.year)));
        stats.items.retain(|i| kept.contains(&(i.institution.clone(), i.year)));
        ingested.contributed.extend(stats);
    }
}

/// The name the run shows for `name`: the institution whose name, alias, code or BRIN
/// folds to the same key ([`crate::ingest::spelling::fold`]); else `name` as spelled
/// (trimmed, runs of white space as one).
fn shown_name(institutions: &BTreeMap<String, InstitutionMeta>, name: &str) -> String {
    use crate::ingest::spelling::{fold, spelling};
    let key = fold(name);
    let by = |pick: &dyn Fn(&InstitutionMeta) -> Vec<String>| {
        institutions.iter().find(|(_, m)| pick(m).iter().any(|n| fold(n) == key)).map(|(shown, _)| shown.clone())
    };
    by(&|m| vec![m.name.clone(), m.key.clone()])
        .or_else(|| by(&|m| m.aliases.clone()))
        .or_else(|| by(&|m| m.code.iter().chain(m.brin.iter()).cloned().collect()))
        .unwrap_or_else(|| spelling(name))
}

fn reject_file(ingested: &mut Ingested, mut file: InputFile, reason: Reason) {
    ingested.ledger.rejections.push(Place::new(&file.path, "").reject(
        Level::File,
        None,
        String::new(),
        reason.clone(),
    ));
    file.status = FileStatus::Rejected;
    file.note = Some(reason);
    ingested.ledger.files.push(file);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;

    fn one_group() -> (Editions, Statistics) {
        let fw = Framework::embedded();
        let item = fw.line_items(Line::L1).next().unwrap();
        let stats = Statistics {
            groups: vec![GroupStat {
                year: 2026,
                institution: "Het Baken".into(),
                line: Line::L1,
                scope: Scope::LINE,
                n: 3,
                sum: 150.0,
                m2: 200.0,
                median: 50.0,
                reconstructable: false,
            }],
            items: vec![ItemStat {
                year: 2026,
                institution: "Het Baken".into(),
                line: Line::L1,
                item,
                n: 3,
                thirds: 5,
            }],
        };
        (Editions::single(fw), stats)
    }

    #[test]
    fn a_contribution_reads_back_as_the_statistics_it_was_made_of() {
        let (ed, stats) = one_group();
        let c = Contribution::build(&ed, &stats, &BTreeMap::new(), &Counts::default());
        let (back, got) = Contribution::parse(c.to_json().as_bytes(), &ed).unwrap();
        assert_eq!(back, c);
        assert_eq!(got, stats);
        // score = 150 / 3 = 50; the item 100 × 5 / 9 = 55.6.
        assert_eq!(c.institution_years[0].groups[0].score, 50.0);
        assert!((c.institution_years[0].items[0].score - 55.5556).abs() < 1e-3);
    }

    #[test]
    fn an_edited_truncated_or_foreign_contribution_is_refused_with_its_reason() {
        let (ed, stats) = one_group();
        let text = Contribution::build(&ed, &stats, &BTreeMap::new(), &Counts::default()).to_json();
        let edited = text.replace("\"sum\": 150.0", "\"sum\": 180.0");
        assert_ne!(edited, text);
        let e = Contribution::parse(edited.as_bytes(), &ed).unwrap_err();
        assert_eq!(e, Refusal::Changed);
        let e = Contribution::parse(&text.as_bytes()[..text.len() / 2], &ed).unwrap_err();
        assert!(matches!(&e, Refusal::NotJson(why) if why.contains("EOF")), "{e:?}");
        let other = text.replace("\"version\": 1", "\"version\": 2");
        let e = Contribution::parse(other.as_bytes(), &ed).unwrap_err();
        assert_eq!(e, Refusal::Version { version: 2, made_by: env!("CARGO_PKG_VERSION").into(), reads: 1 });
        // Re-indented, the same content: still the same checksum.
        let v: Value = serde_json::from_str(&text).unwrap();
        assert!(Contribution::parse(serde_json::to_string(&v).unwrap().as_bytes(), &ed).is_ok());
    }

    #[test]
    fn an_impossible_figure_with_a_fitting_checksum_is_refused() {
        let (ed, mut stats) = one_group();
        // 3 respondents cannot add up to more than 300.
        stats.groups[0].sum = 301.0;
        let c = Contribution::build(&ed, &stats, &BTreeMap::new(), &Counts::default());
        let e = Contribution::parse(c.to_json().as_bytes(), &ed).unwrap_err();
        // The whole line's group: line 1, area and kind ALL, n 3.
        let figure = Figure::Group { line: 1, area: "ALL".into(), kind: "ALL".into(), n: 3 };
        assert_eq!(e, Refusal::Impossible { institution: "Het Baken".into(), year: 2026, figure });
    }
}
