//! Reports: what people read. Workbooks, charts, tidy tables and the manifest, in
//! Dutch or English. Reads scores; never recomputes them, never re-reads an input.
//!
//! Each report is decided once and laid out per format:
//! - the portret: [`portret::model`] decides what it says (every selection, every
//!   word); [`portret::workbook`] lays it out as a workbook, [`portret::document`] as a
//!   [`flow::Flow`] that [`pdf`] sets on A4 and [`html`] writes as a web page;
//! - the sector report: [`sector`], one file per workbook sheet, and
//!   [`sector::document`] for the sector overview's PDF and web page;
//! - where a word is chosen: [`words`] (the portret's fixed words by key, Dutch and
//!   English twins), [`findings::sentences`] (page 1's sentences and notes),
//!   [`findings::words`] (positions, verdicts, glossaries, numbers as printed),
//!   [`recommend::advice`] (the advice texts and sources), [`recommend`] (its rules);
//! - the machine-readable part: [`tables`], [`csv_writer`], [`manifest`]; the chart
//!   pack in [`charts`]; [`validate`] the text of `lobmonitor validate`, [`catalogue`]
//!   that of `lobmonitor framework`.

pub mod catalogue;
pub mod charts;
pub mod csv_writer;
pub mod findings;
pub mod flow;
pub mod html;
pub mod manifest;
pub mod pdf;
pub mod portret;
pub mod recommend;
pub mod sector;
pub mod tables;
pub mod validate;
pub mod words;
pub mod xlsx;

pub use validate::validate_text;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::{ChartFormat, Config, OutputKind};
use crate::framework::{Editions, Framework, Line};
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
    /// Per institution: the slug its portret is named by, and the slug of its public
    /// name (its chart pack files); both unique in the run.
    portret_slugs: BTreeMap<String, String>,
    public_slugs: BTreeMap<String, String>,
    /// The method notes every workbook repeats, made once.
    method_lines: std::sync::OnceLock<Vec<(String, String)>>,
}

impl<'a> ReportContext<'a> {
    /// The warning that leads every output when the config lowered the privacy
    /// thresholds (SPEC §5), in the report's language.
    pub fn not_for_publication(&self) -> Option<&'static str> {
        self.cfg.not_for_publication(self.lang)
    }

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
        let pseudonyms = pseudonyms(&ingested.institutions);
        // File names follow a spelling that does not depend on which one is shown
        // (`ingest::names`), so they stay when another spelling becomes the shown one.
        let portret_slugs = unique_slugs(
            ingested
                .institutions
                .iter()
                .map(|(n, m)| (n.clone(), if m.file_stem.is_empty() { n.clone() } else { m.file_stem.clone() })),
        );
        let public = |name: &String| -> String {
            let publish = ingested.institutions.get(name).is_some_and(|m| m.publish);
            if publish {
                name.clone()
            } else {
                pseudonyms[name].clone()
            }
        };
        let public_slugs = unique_slugs(ingested.institutions.keys().map(|n| (n.clone(), public(n))));
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
            portret_slugs,
            public_slugs,
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
            .map(|(y, fw)| {
                if *y == 0 {
                    fw.edition.clone()
                } else {
                    format!("{} ({} {y})", fw.edition, self.w(words::Word::FromYear))
                }
            })
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
        self.pseudonyms.get(institution).cloned().unwrap_or_else(|| generated_code(institution, 6))
    }

    /// The file-name stem of an institution's portret: its name's slug, unique in the run.
    pub fn portret_slug(&self, institution: &str) -> String {
        self.portret_slugs.get(institution).cloned().unwrap_or_else(|| slug(institution))
    }

    /// The file-name stem of an institution's chart pack files: the slug of its public
    /// name (or pseudonym), unique in the run.
    pub fn public_slug(&self, institution: &str) -> String {
        self.public_slugs.get(institution).cloned().unwrap_or_else(|| slug(&self.public_name(institution)))
    }

    pub fn line_label(&self, l: Line) -> String {
        l.label(self.lang)
    }

    /// A word of the report by key, in the run's language ([`words`]): the only way a
    /// report says a word (no Dutch/English pair is chosen in place).
    pub fn w(&self, w: words::Word) -> &'static str {
        w.say(self.lang)
    }

    /// The placeholder for a group too small to show: `<5` (or the configured threshold).
    pub fn hidden_mark(&self) -> String {
        format!("<{}", self.privacy.min_group_size)
    }

    /// A position among the institutions in words, with its percentile where one is
    /// published ([`findings::position_words`]).
    pub fn rank_text(&self, r: &crate::score::Rank) -> String {
        findings::position_words(r, self.lang)
    }

    /// The difference from the other institutions' staff, in words that never call a
    /// difference that is not significant equal ([`findings::versus_words`]).
    pub fn versus_text(&self, v: crate::score::Versus) -> &'static str {
        findings::versus_words(v, self.lang)
    }

    /// A number as this run's language writes it in text: one decimal, a sign, the
    /// Dutch decimal comma, a true minus.
    pub fn signed_text(&self, v: f64) -> String {
        findings::signed(v, self.lang)
    }

    /// A difference's 95 % interval alone, e.g. "−1,8 tot +8,8"; empty without one.
    pub fn interval_text(&self, d: &crate::score::Difference) -> String {
        match d.ci {
            Some((lo, hi)) if lo == hi => self.w(words::Word::ExactNoSpread).into(),
            Some((lo, hi)) => findings::interval(lo, hi, self.lang),
            None => String::new(),
        }
    }

    /// Whether a difference is real, in words: "ja" where its interval excludes 0.
    pub fn significance_text(&self, d: &crate::score::Difference) -> &'static str {
        match d.significant() {
            Some(true) => self.w(words::Word::Yes),
            Some(false) => self.w(words::Word::No),
            None => self.w(words::Word::UnknownSpreadNotShown),
        }
    }

    /// A difference with its interval and what it means, e.g. "+4,2 (95%-interval −1,0
    /// tot +9,4; geen aantoonbaar verschil)".
    pub fn difference_text(&self, d: &crate::score::Difference) -> String {
        let n = |v: f64| self.signed_text(v);
        match (d.ci, d.significant()) {
            // Neither group has any spread: the difference is exact.
            (Some((lo, hi)), Some(_)) if lo == hi => {
                format!("{} ({})", n(d.shown), self.w(words::Word::NoSpreadExact))
            }
            (Some((lo, hi)), Some(sig)) => format!(
                "{} ({} {}; {})",
                n(d.shown),
                self.w(words::Word::Interval95),
                findings::interval(lo, hi, self.lang),
                if sig { self.w(words::Word::ClearDifference) } else { self.w(words::Word::NoClearDifference) }
            ),
            _ => n(d.shown),
        }
    }

    /// The mark of a hidden figure, saying why: `<5` only where the group is that small;
    /// `afgeschermd` where it is hidden to protect another (its own data is fine).
    pub fn mark(&self, why: crate::score::Why) -> String {
        use crate::score::Why;
        match why {
            Why::Small => self.hidden_mark(),
            Why::Protects | Why::ProtectsPooled | Why::Reconstructable => self.w(words::Word::ProtectedLower).into(),
            Why::FewInstitutions => self.w(words::Word::TooFewInstitutions).into(),
        }
    }
}

/// A stable pseudonym for an institution without a code in the institutions file:
/// `I-` and hex digits of a hash of its folded name ([`crate::ingest::spelling::fold`]):
/// the spellings of one institution (case, accents, spaces, punctuation) get one code,
/// whichever is shown. Stable across runs and years, so series stay comparable; an
/// institution that wants an unguessable code gives one in the institutions file.
pub fn generated_code(name: &str, digits: usize) -> String {
    let key = crate::ingest::spelling::fold(name);
    format!("I-{}", hex_of(&format!("lobmonitor-pseudonym:{key}"), digits).to_uppercase())
}

fn hex_of(text: &str, digits: usize) -> String {
    let d = Sha256::digest(text.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect::<String>()[..digits.min(64)].to_string()
}

/// Every institution's pseudonym, never shared: the institutions file's code, else a
/// generated one; where two would be the same (a code given twice, or two hashes
/// meeting), the later in name order gets more hex digits of its own name.
pub fn pseudonyms(
    institutions: &BTreeMap<String, crate::ingest::institutions::InstitutionMeta>,
) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut taken: std::collections::BTreeSet<String> = Default::default();
    for (name, meta) in institutions {
        let mut code = meta.code.clone().unwrap_or_else(|| generated_code(name, 6));
        let mut digits = 4;
        while taken.contains(&code.to_lowercase()) {
            code = match &meta.code {
                Some(c) => format!("{c}-{}", hex_of(name, digits).to_uppercase()),
                None => generated_code(name, 6 + digits),
            };
            digits += 2;
        }
        taken.insert(code.to_lowercase());
        out.insert(name.clone(), code);
    }
    out
}

/// A slug per key, unique in the set: where texts share a slug ("ROC A/B" and "ROC
/// A-B", "École X" and "Ecole X", "roc x" and "ROC X", names of emoji alone), each gets
/// six hex digits of a hash of its exact text, so it keeps its name whatever else is
/// in the run; longer where even those meet.
pub fn unique_slugs(texts: impl Iterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let texts: Vec<(String, String)> = texts.collect();
    let mut by_slug: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (_, t)) in texts.iter().enumerate() {
        by_slug.entry(slug(t)).or_default().push(i);
    }
    let mut out = BTreeMap::new();
    let mut used: std::collections::BTreeSet<String> =
        by_slug.iter().filter(|(_, v)| v.len() == 1).map(|(k, _)| k.clone()).collect();
    for (s, members) in &by_slug {
        if members.len() == 1 {
            out.insert(texts[members[0]].0.clone(), s.clone());
            continue;
        }
        for &i in members {
            let mut digits = 6;
            let mut name = format!("{s}-{}", hex_of(&texts[i].1, digits));
            while used.contains(&name) {
                digits += 2;
                name = format!("{s}-{}", hex_of(&texts[i].1, digits));
            }
            used.insert(name.clone());
            out.insert(texts[i].0.clone(), name);
        }
    }
    out
}

/// Writes one output file; a failure (a full disk, a read-only folder) names the file,
/// in `lang`.
pub fn write_file(lang: Lang, path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> Result<()> {
    let path = path.as_ref();
    use anyhow::Context;
    std::fs::write(path, bytes).with_context(|| crate::words::say!(lang, cannot_write(&path.display())))
}

/// Creates an output folder; a failure names it, in `lang`.
pub fn create_dir(lang: Lang, path: &Path) -> Result<()> {
    use anyhow::Context;
    std::fs::create_dir_all(path).with_context(|| crate::words::say!(lang, cannot_create(&path.display())))
}

/// Writes every output the config asks for into `dir`.
/// The tables and the sector workbook are written sequentially, so they run beside the
/// parallel chart and portret work rather than before it.
pub fn write_all(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    let html = ctx.cfg.wants(OutputKind::Html);
    if html {
        create_dir(ctx.lang, &dir.join("html"))?;
    }
    let (sequential, parallel) = rayon::join(
        || -> Result<Vec<Output>> {
            let mut outputs = Vec::new();
            if ctx.cfg.wants(OutputKind::Tables) {
                outputs.extend(tables::write_all(ctx, &dir.join("data"))?);
            }
            let sector_pdf = ctx.cfg.pdf && ctx.cfg.wants(OutputKind::SectorWorkbook);
            // The sector report decided once, laid out as workbook, PDF and web page.
            let sector_model = sector::SectorReport::build(ctx);
            if ctx.cfg.wants(OutputKind::SectorWorkbook) {
                let name = "sector.xlsx";
                sector::write(ctx, &sector_model, &dir.join(name))?;
                outputs.push(Output { path: name.into(), kind: "sector_workbook" });
            }
            if sector_pdf || html {
                // One document, laid out as PDF and as a web page.
                let doc = sector::document::sector(ctx, &sector_model)?;
                if sector_pdf {
                    write_file(ctx.lang, dir.join("sector.pdf"), pdf::render(&doc, ctx.timestamp)?)?;
                    outputs.push(Output { path: "sector.pdf".into(), kind: "sector_pdf" });
                }
                if html {
                    write_file(ctx.lang, dir.join("html/sector.html"), html::document(ctx, &doc, "index.html"))?;
                    outputs.push(Output { path: "html/sector.html".into(), kind: "html" });
                }
            }
            Ok(outputs)
        },
        || charts_and_portretten(ctx, dir),
    );
    let mut outputs = sequential?;
    outputs.extend(parallel?);
    if html {
        let mut portrets: Vec<(String, u16, String)> = Vec::new();
        for (inst, year) in ctx.scores.institution_years() {
            let href = format!("portretten/{}-{year}.html", ctx.portret_slug(&inst));
            portrets.push((inst, year, href));
        }
        let page = html::index(ctx, &portrets, true, ctx.cfg.wants(OutputKind::Charts));
        write_file(ctx.lang, dir.join("html/index.html"), page)?;
        outputs.push(Output { path: "html/index.html".into(), kind: "html" });
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// The chart pack (sector charts and each institution's benchmark) and the portrets:
/// workbook, and from one document the PDF (with `pdf`) and the web page (with `html`).
fn charts_and_portretten(ctx: &ReportContext<'_>, dir: &Path) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    if ctx.cfg.wants(OutputKind::Charts) {
        let formats: Vec<ChartFormat> = ctx.cfg.chart_formats.clone();
        outputs.extend(charts::write_pack(ctx, &dir.join("charts"), &formats)?);
    }
    let workbook = ctx.cfg.wants(OutputKind::Portret);
    let pdf = workbook && ctx.cfg.pdf;
    let html = ctx.cfg.wants(OutputKind::Html);
    if workbook || html {
        let pdir = dir.join("portretten");
        let hdir = dir.join("html/portretten");
        if workbook {
            create_dir(ctx.lang, &pdir)?;
        }
        if html {
            create_dir(ctx.lang, &hdir)?;
        }
        let pairs = ctx.scores.institution_years();
        ctx.progress.stage(ctx.w(words::Word::StagePortraits), pairs.len() as u64);
        let written: Vec<Result<Vec<Output>>> = pairs
            .par_iter()
            .map(|(inst, year)| {
                let stem = format!("{}-{}", ctx.portret_slug(inst), year);
                let mut out = Vec::new();
                // Built once; the workbook and the document only lay it out.
                let model = portret::Portret::build(ctx, inst, *year);
                if workbook {
                    portret::workbook::write(ctx, &model, &pdir.join(format!("{stem}.xlsx")))?;
                    out.push(Output { path: format!("portretten/{stem}.xlsx"), kind: "portret" });
                }
                if pdf || html {
                    let doc = portret::document::flow(ctx, &model)?;
                    if pdf {
                        write_file(
                            ctx.lang,
                            pdir.join(format!("{stem}.pdf")),
                            self::pdf::render(&doc, ctx.timestamp)?,
                        )?;
                        out.push(Output { path: format!("portretten/{stem}.pdf"), kind: "portret_pdf" });
                    }
                    if html {
                        write_file(
                            ctx.lang,
                            hdir.join(format!("{stem}.html")),
                            self::html::document(ctx, &doc, "../index.html"),
                        )?;
                        out.push(Output { path: format!("html/portretten/{stem}.html"), kind: "html" });
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::institutions::InstitutionMeta;

    #[test]
    fn names_that_slug_alike_get_their_own_file_names() {
        let names = ["ROC A/B", "ROC A-B", "École X", "Ecole X", "roc x", "ROC X", "🎓🎓", "🏫", "Het Baken"];
        let slugs = unique_slugs(names.iter().map(|n| (n.to_string(), n.to_string())));
        let distinct: std::collections::BTreeSet<&String> = slugs.values().collect();
        assert_eq!(distinct.len(), names.len(), "{slugs:?}");
        assert_eq!(slugs["Het Baken"], "het-baken", "no suffix where no other shares the slug");
        assert!(slugs["ROC A/B"].starts_with("roc-a-b-") && slugs["ROC A/B"].len() == "roc-a-b-".len() + 6);
        // Stable: a name's suffix depends on the name alone.
        let again = unique_slugs(["ROC A/B", "ROC A-B"].iter().map(|n| (n.to_string(), n.to_string())));
        assert_eq!(again["ROC A/B"], slugs["ROC A/B"]);
    }

    #[test]
    fn pseudonyms_are_never_shared() {
        let mut m: BTreeMap<String, InstitutionMeta> = BTreeMap::new();
        for n in ["roc x", "ROC X", "École X"] {
            m.insert(n.into(), InstitutionMeta::named(n));
        }
        for n in ["A", "B"] {
            m.insert(n.into(), InstitutionMeta { code: Some("I-1".into()), ..InstitutionMeta::named(n) });
        }
        let p = pseudonyms(&m);
        let distinct: std::collections::BTreeSet<String> = p.values().map(|c| c.to_lowercase()).collect();
        assert_eq!(distinct.len(), 5, "{p:?}");
        assert_eq!(p["A"], "I-1", "the first keeps the code it was given");
        assert!(p["B"].starts_with("I-1-"));
        // "roc x" and "ROC X" fold alike (ingest makes them one institution, SPEC §3.5),
        // so their generated codes meet: the first in name order keeps six digits.
        assert_eq!(p["ROC X"], generated_code("roc x", 6));
        assert_ne!(p["roc x"], p["ROC X"]);
    }
}
