//! Reports: what people read. Workbooks, charts, tidy tables and the manifest, in
//! Dutch or English. Reads scores; never recomputes them, never re-reads an input.

pub mod catalogue;
pub mod charts;
mod glyphs;
pub mod manifest;
pub mod portret;
pub mod recommend;
pub mod sector;
pub mod tables;
pub mod xlsx;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::{ChartFormat, Config, OutputKind};
use crate::framework::{Editions, Framework, Line};
use crate::ingest::ledger::FileStatus;
use crate::ingest::Ingested;
use crate::lang::Lang;
use crate::score::{Privacy, Scores};
use crate::text::slug;

/// One file a run wrote, for the manifest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Output {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub kind: &'static str,
}

/// Everything a report may read.
pub struct ReportContext<'a> {
    /// The base edition; `fw_for(year)` gives the one a year was scored with.
    pub fw: &'a Framework,
    pub editions: &'a Editions,
    pub cfg: &'a Config,
    pub lang: Lang,
    pub ingested: &'a Ingested,
    pub scores: &'a Scores,
    pub privacy: Privacy,
    /// Seconds since 1970 stamped into workbooks: `SOURCE_DATE_EPOCH` when set.
    pub timestamp: i64,
    /// Ticks once per institution-year reported.
    pub progress: crate::ingest::Progress,
    pseudonyms: BTreeMap<String, String>,
    /// The benchmark chart's shared layer per year, drawn on first use.
    benchmark_templates: charts::Templates,
    /// The method notes every workbook repeats, made once.
    method_lines: std::sync::OnceLock<Vec<(String, String)>>,
}

impl<'a> ReportContext<'a> {
    pub fn new(
        editions: &'a Editions,
        cfg: &'a Config,
        ingested: &'a Ingested,
        scores: &'a Scores,
        privacy: Privacy,
    ) -> Self {
        let fw = editions.base();
        let timestamp =
            std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs() as i64)
                    .unwrap_or(0)
            });
        let pseudonyms = ingested
            .institutions
            .iter()
            .map(|(name, meta)| (name.clone(), meta.code.clone().unwrap_or_else(|| generated_code(name))))
            .collect();
        ReportContext {
            fw,
            editions,
            cfg,
            lang: cfg.lang,
            ingested,
            scores,
            privacy,
            timestamp,
            progress: crate::ingest::Progress::hidden(),
            pseudonyms,
            benchmark_templates: charts::Templates::default(),
            method_lines: std::sync::OnceLock::new(),
        }
    }

    /// The method notes of every workbook's Toelichting sheet ([`sector::method_lines`]).
    pub fn method_lines(&self) -> &[(String, String)] {
        self.method_lines.get_or_init(|| sector::method_lines(self))
    }

    /// The editions of the run, as a source line says them: `raamwerk-2017` or
    /// `raamwerk-2017, raamwerk-2028 (vanaf 2028)`.
    pub fn editions_text(&self) -> String {
        self.editions
            .iter()
            .map(
                |(y, fw)| {
                    if *y == 0 {
                        fw.edition.clone()
                    } else {
                        format!("{} ({} {y})", fw.edition, self.t("vanaf", "from"))
                    }
                },
            )
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The edition `year` was scored with: item ids and texts of that year's scores.
    pub fn fw_for(&self, year: u16) -> &'a Framework {
        self.editions.for_year(year)
    }

    /// The name the ministry pack may show: the real name when the institution opted in
    /// (`publiceren = ja`), its pseudonym otherwise.
    pub fn public_name(&self, institution: &str) -> String {
        let publish = self.ingested.institutions.get(institution).is_some_and(|m| m.publish);
        if publish {
            institution.to_string()
        } else {
            self.pseudonym(institution)
        }
    }

    pub fn pseudonym(&self, institution: &str) -> String {
        self.pseudonyms.get(institution).cloned().unwrap_or_else(|| generated_code(institution))
    }

    pub fn line_label(&self, l: Line) -> String {
        l.label(self.lang)
    }

    pub fn t<'s>(&self, nl: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(nl, en)
    }

    /// The placeholder for a suppressed figure: `<5` (or the configured threshold).
    pub fn hidden_mark(&self) -> String {
        format!("<{}", self.privacy.min_group_size)
    }
}

/// A stable pseudonym for an institution without a code in the institutions file:
/// `I-` and six hex digits of a hash of its name. Stable across runs and years, so
/// series stay comparable; an institution that wants an unguessable code gives one in
/// the institutions file.
pub fn generated_code(name: &str) -> String {
    let d = Sha256::digest(format!("lobmonitor-pseudonym:{}", crate::text::normalize(name)).as_bytes());
    format!("I-{:02X}{:02X}{:02X}", d[0], d[1], d[2])
}

/// Writes every output the config asks for into `dir`.
/// The tables and the sector workbook are written sequentially, so they run beside the
/// parallel chart and portret work rather than before it.
pub fn write_all(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    let (sequential, parallel) = rayon::join(
        || -> Result<Vec<Output>> {
            let mut outputs = Vec::new();
            if ctx.cfg.wants(OutputKind::Tables) {
                outputs.extend(tables::write_all(ctx, &dir.join("data"))?);
            }
            if ctx.cfg.wants(OutputKind::SectorWorkbook) {
                let name = "sector.xlsx";
                sector::write(ctx, &dir.join(name))?;
                outputs.push(Output { path: name.into(), kind: "sector_workbook" });
            }
            Ok(outputs)
        },
        || charts_and_portretten(ctx, dir),
    );
    let mut outputs = sequential?;
    outputs.extend(parallel?);
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// The chart pack and, per institution and year, its benchmark chart and portret.
fn charts_and_portretten(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    let want_charts = ctx.cfg.wants(OutputKind::Charts);
    let formats: Vec<ChartFormat> = ctx.cfg.chart_formats.clone();
    if want_charts {
        outputs.extend(charts::write_pack(ctx, &dir.join("charts"), &formats)?);
    }
    // Per institution and year: its benchmark chart for the pack and its portret,
    // drawn together so the chart is rasterised once.
    let want_portret = ctx.cfg.wants(OutputKind::Portret);
    if want_charts || want_portret {
        let bdir = dir.join("charts/benchmark");
        let pdir = dir.join("portretten");
        if want_charts {
            std::fs::create_dir_all(&bdir)?;
        }
        if want_portret {
            std::fs::create_dir_all(&pdir)?;
        }
        let pairs = ctx.scores.institution_years();
        ctx.progress.stage("rapporteren / reporting", pairs.len() as u64);
        let written: Vec<Result<Vec<Output>>> = pairs
            .par_iter()
            .map(|(inst, year)| {
                let mut out = Vec::new();
                let png = if want_charts {
                    let (o, png) = charts::write_benchmark(ctx, inst, *year, &bdir, &formats, want_portret)?;
                    out.extend(o);
                    png
                } else {
                    charts::write_benchmark(ctx, inst, *year, &bdir, &[], true)?.1
                };
                if want_portret {
                    let file = format!("{}-{}.xlsx", slug(inst), year);
                    portret::write(ctx, inst, *year, png.as_deref(), &pdir.join(&file))?;
                    out.push(Output { path: format!("portretten/{file}"), kind: "portret" });
                }
                ctx.progress.tick();
                Ok(out)
            })
            .collect();
        for w in written {
            outputs.extend(w?);
        }
    }
    Ok(outputs)
}

/// The text `lobmonitor validate` prints: per file what would be accepted, the tool
/// recognised, how columns were matched, every note and every problem; then per
/// institution, year and line how many respondents it has and whether that group will
/// be hidden (fewer than `min_group_size`).
pub fn validate_text(ing: &Ingested, lang: Lang, min_group_size: u64) -> String {
    use crate::ingest::ledger::NoteKind;
    let mut out = String::new();
    // Accepted respondents per file, institution, year and line.
    let mut per: BTreeMap<(usize, String, u16, Line), u64> = BTreeMap::new();
    let mut groups: BTreeMap<(String, u16, Line), u64> = BTreeMap::new();
    for r in &ing.respondents {
        *per.entry((r.file, r.institution.clone(), r.year, r.line)).or_default() += 1;
        *groups.entry((r.institution.clone(), r.year, r.line)).or_default() += 1;
    }
    // Rejections, notes and mappings per file, gathered once.
    let mut rejections: HashMap<&str, Vec<&crate::ingest::ledger::Rejection>> = HashMap::new();
    for r in &ing.ledger.rejections {
        rejections.entry(r.file.as_str()).or_default().push(r);
    }
    let mut notes: HashMap<&str, Vec<&crate::ingest::ledger::Note>> = HashMap::new();
    for n in &ing.ledger.notes {
        notes.entry(n.file.as_str()).or_default().push(n);
    }
    let mut mappings: HashMap<&str, Vec<&crate::ingest::ledger::ColumnMapping>> = HashMap::new();
    for m in &ing.ledger.mappings {
        mappings.entry(m.file.as_str()).or_default().push(m);
    }
    let place =
        |sheet: &str, cell: &str| [sheet, cell].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
    for (fi, f) in ing.ledger.files.iter().enumerate() {
        let status = match (f.status, lang) {
            (FileStatus::Accepted, Lang::Nl) => "in orde",
            (FileStatus::Partial, Lang::Nl) => "deels in orde",
            (FileStatus::Rejected, Lang::Nl) => "AFGEWEZEN",
            (FileStatus::Ignored, Lang::Nl) => "genegeerd (geen vragenlijstbestand)",
            (FileStatus::Duplicate, Lang::Nl) => "kopie, één keer gelezen",
            (FileStatus::Accepted, Lang::En) => "ok",
            (FileStatus::Partial, Lang::En) => "partly ok",
            (FileStatus::Rejected, Lang::En) => "REJECTED",
            (FileStatus::Ignored, Lang::En) => "ignored (not a survey file)",
            (FileStatus::Duplicate, Lang::En) => "copy, read once",
        };
        let file_notes = notes.get(f.path.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let mut tools: Vec<&str> = file_notes
            .iter()
            .filter_map(|n| match n.what {
                NoteKind::Tool(t) => Some(t.name(lang)),
                _ => None,
            })
            .collect();
        tools.dedup();
        let tool = if tools.is_empty() {
            String::new()
        } else {
            format!(" — {} {}", tools.join(", "), lang.pick("export herkend", "export recognised"))
        };
        let _ = writeln!(out, "{}: {}{}", f.path, status, tool);
        if let Some(n) = &f.note {
            if matches!(f.status, FileStatus::Ignored | FileStatus::Duplicate) {
                let _ = writeln!(out, "  {}", n.text(lang));
            }
        }
        for ((_, inst, year, line), n) in
            per.range((fi, String::new(), 0, Line::L1)..(fi + 1, String::new(), 0, Line::L1))
        {
            let _ = writeln!(
                out,
                "  {} {}, {}, {}: {} {}",
                lang.pick("geaccepteerd:", "accepted:"),
                inst,
                year,
                line.label(lang),
                n,
                lang.pick("respondenten", "respondents")
            );
        }
        for n in file_notes.iter().filter(|n| !matches!(n.what, NoteKind::Tool(_))) {
            let at = place(&n.sheet, &n.cell);
            let _ = writeln!(out, "  {} {}: {}", lang.pick("opmerking", "note"), at, n.what.text(lang));
        }
        for m in mappings.get(f.path.as_str()).into_iter().flatten() {
            let _ = writeln!(
                out,
                "  {} {} «{}» → {} ({}, {} {:.0} %)",
                lang.pick("kolom", "column"),
                place(&m.sheet, &m.cell),
                m.header,
                m.item,
                m.how.text(lang),
                lang.pick("gelijkenis", "similarity"),
                m.similarity * 100.0
            );
        }
        for r in rejections.get(f.path.as_str()).into_iter().flatten() {
            let value = if r.value.is_empty() { String::new() } else { format!(" «{}»", r.value) };
            let at = place(&r.sheet, &r.cell);
            let _ = writeln!(out, "  {} {}{}: {}", lang.pick("probleem", "problem"), at, value, r.reason.text(lang));
        }
    }
    if !groups.is_empty() {
        let _ = writeln!(out, "{}:", lang.pick("groepen (instelling, jaar, lijn)", "groups (institution, year, line)"));
        for ((inst, year, line), n) in &groups {
            let hidden = if *n < min_group_size {
                format!(
                    " — {} {min_group_size}: {}",
                    lang.pick("minder dan", "fewer than"),
                    lang.pick("deze groep wordt verborgen", "this group will be hidden")
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {inst}, {year}, {}: {n} {}{hidden}",
                line.label(lang),
                lang.pick("respondenten", "respondents")
            );
        }
    }
    let c = &ing.ledger.counts;
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}, {} {}, {} {}",
        lang.pick("totaal", "total"),
        c.rows_read,
        lang.pick("rijen gelezen", "rows read"),
        c.respondents_scored,
        lang.pick("respondenten geaccepteerd", "respondents accepted"),
        c.respondents_excluded,
        lang.pick("uitgesloten", "excluded"),
        c.respondents_rejected,
        lang.pick("afgewezen", "rejected"),
    );
    out
}
