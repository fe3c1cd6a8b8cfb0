//! `lobmonitor sample`: realistic synthetic survey files in the template layout, for
//! demos, tests and benchmarks. Institutions of different sizes and sectors, lines that
//! differ by area, an institution effect, a yearly upward trend, a little n.v.t. and a
//! few blanks. Deterministic for a given seed, whatever the number of threads.

use std::path::Path;

use anyhow::{Context, Result};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;
use rust_xlsxwriter::Workbook;

use crate::framework::{Area, Framework, Kind, Line};
use crate::lang::Lang;
use crate::template::{answer_words, info_sheet, response_headers, sheet_name, HEADER_ROW};
use crate::text::slug;

#[derive(Debug, Clone, Copy)]
pub struct SampleSpec {
    pub institutions: usize,
    /// Mean respondents per institution and year, over all lines.
    pub respondents: usize,
    pub years: u16,
    pub seed: u64,
}

/// The first survey year of a sample.
pub const FIRST_YEAR: u16 = 2025;

const PLACES: [&str; 24] = [
    "Amstelland",
    "Rijnmond",
    "Veluwezoom",
    "Kempenland",
    "Waddenkust",
    "Heuvelrug",
    "Zuiderzee",
    "Peelland",
    "Eemland",
    "Lingewaard",
    "Maasvallei",
    "Drechtsteden",
    "Twentekanaal",
    "Gooi en Vecht",
    "Westfriesland",
    "Achterhoek",
    "Zeeuwse Delta",
    "Groene Hart",
    "Vechtdal",
    "Noorderkwartier",
    "Baronie",
    "Liemers",
    "Hunzedal",
    "Bollenstreek",
];

/// A fictional institution: name, sector and size factor.
#[derive(Debug, Clone)]
pub struct Fictional {
    pub name: String,
    pub sector: &'static str,
    pub region: &'static str,
    pub size: f64,
    pub effect: f64,
}

/// The institutions of a sample. Institution 3 is always small, so that its line-3
/// group stays below the privacy threshold.
pub fn institutions(n: usize, seed: u64) -> Vec<Fictional> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let place = PLACES[i % PLACES.len()];
            let round = i / PLACES.len();
            let suffix = if round == 0 { String::new() } else { format!(" {}", round + 1) };
            let (name, sector) = match i % 3 {
                0 => (format!("ROC {place}{suffix}"), "mbo"),
                1 => (format!("{place} College{suffix}"), "vo"),
                _ => (format!("Scholengemeenschap {place}{suffix}"), if i % 9 == 8 { "hbo" } else { "vo" }),
            };
            let size = if i == 3 { 0.25 } else { rng.random_range(0.5..1.6) };
            Fictional { name, sector, region: place, size, effect: rng.random_range(-0.12..0.12) }
        })
        .collect()
}

/// Mean degree (0–1) a line reports in an area: the lines differ by area.
fn base(line: Line, area: Area, kind: Kind) -> f64 {
    let b = match (line, area) {
        (Line::L1, Area::VB) => 0.52,
        (Line::L1, Area::OB) => 0.68,
        (Line::L1, Area::OR) => 0.47,
        (Line::L1, Area::SW) => 0.42,
        (Line::L2, Area::VB) => 0.63,
        (Line::L2, Area::OB) => 0.76,
        (Line::L2, Area::OR) => 0.60,
        (Line::L2, Area::SW) => 0.70,
        (Line::L3, Area::VB) => 0.74,
        (Line::L3, Area::OB) => 0.58,
        (Line::L3, Area::OR) => 0.69,
        (Line::L3, Area::SW) => 0.66,
    };
    if kind == Kind::D {
        b - 0.05
    } else {
        b
    }
}

/// One institution-year workbook.
fn workbook(
    fw: &Framework,
    inst: &Fictional,
    year: u16,
    year_index: u16,
    spec: &SampleSpec,
    rng: &mut StdRng,
) -> Result<Vec<u8>> {
    let lang = Lang::Nl;
    let mut wb = Workbook::new();
    info_sheet(&mut wb, Some(&inst.name), Some(inst.sector), Some(inst.region), Some(year), lang)?;
    let words = answer_words(lang);
    let total = (spec.respondents as f64 * inst.size).round().max(3.0);
    for (li, line) in Line::ALL.into_iter().enumerate() {
        let share = [0.70, 0.20, 0.10][li];
        let n = ((total * share).round() as usize).max(if inst.size < 0.3 && line == Line::L3 { 2 } else { 1 });
        let n = if inst.size < 0.3 && line == Line::L3 { n.min(3) } else { n };
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(line, lang))?;
        ws.write_string(0, 0, format!("{} — {}", line.label(lang), line.description(lang)))?;
        for (c, h) in response_headers(fw, line, lang).iter().enumerate() {
            ws.write_string(HEADER_ROW, c as u16, h)?;
        }
        let items: Vec<_> = fw.line_items(line).collect();
        for r in 0..n {
            let row = HEADER_ROW + 1 + r as u32;
            ws.write_string(row, 0, format!("{}-{}-{}", li + 1, year, r + 1))?;
            ws.write_string(row, 2, ["Team A", "Team B", "Team C"][r % 3])?;
            let person: f64 = rng.random_range(-0.2..0.2);
            let trend = 0.04 * year_index as f64;
            for (c, &idx) in items.iter().enumerate() {
                let id = fw.item(idx).id;
                let u: f64 = rng.random();
                let col = 3 + c as u16;
                if u < 0.02 {
                    ws.write_string(row, col, words[4])?;
                    continue;
                }
                if u < 0.05 {
                    continue;
                }
                let x = base(line, id.area, id.kind) + inst.effect + person + trend + rng.random_range(-0.35..0.35);
                let d = (x.clamp(0.0, 1.0) * 3.0).round() as usize;
                ws.write_string(row, col, words[3 - d])?;
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// Writes the sample into `dir`: one workbook per institution and year, and
/// `instellingen.csv`. Returns the number of files written.
pub fn write_sample(fw: &Framework, spec: &SampleSpec, dir: &Path) -> Result<usize> {
    // `sample` has no `--lang`: its one message of failure is in Dutch, the default.
    std::fs::create_dir_all(dir).with_context(|| crate::words::say!(Lang::Nl, cannot_create(&dir.display())))?;
    let insts = institutions(spec.institutions, spec.seed);
    let jobs: Vec<(usize, u16)> = (0..insts.len()).flat_map(|i| (0..spec.years).map(move |y| (i, y))).collect();
    jobs.par_iter().try_for_each(|&(i, y)| -> Result<()> {
        let inst = &insts[i];
        let year = FIRST_YEAR + y;
        let mut rng =
            StdRng::seed_from_u64(spec.seed.wrapping_mul(1_000_003).wrapping_add((i as u64) << 16 | y as u64));
        let bytes = workbook(fw, inst, year, y, spec, &mut rng)?;
        std::fs::write(dir.join(format!("{}-{year}.xlsx", slug(&inst.name))), bytes)?;
        Ok(())
    })?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["instelling", "code", "sector", "regio", "publiceren"])?;
    for (i, inst) in insts.iter().enumerate() {
        let publish = if i % 4 == 0 { "ja" } else { "nee" };
        csv.write_record([inst.name.as_str(), &format!("INST-{:04}", i + 1), inst.sector, inst.region, publish])?;
    }
    std::fs::write(dir.join("instellingen.csv"), csv.into_inner()?)?;
    Ok(jobs.len() + 1)
}
