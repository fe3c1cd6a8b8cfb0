//! The text `lobmonitor validate` prints (SPEC §7): per file what would be accepted, how
//! its columns were matched, every note and problem, and per group whether it will be
//! hidden; in the run's language, every line escaped so no name can forge one.

use std::collections::{BTreeMap, HashMap};

use crate::framework::Line;
use crate::ingest::ledger::{FileStatus, Level};
use crate::ingest::Ingested;
use crate::lang::Lang;
use crate::report::sector;
use crate::report::words::Word;

/// The text `lobmonitor validate` prints: per file what would be accepted, the tool
/// recognised, how columns were matched, every note and every problem; then per
/// institution, year and line how many respondents it has and whether that group will
/// be hidden (fewer than `min_group_size`).
pub fn validate_text(ing: &Ingested, lang: Lang, min_group_size: u64) -> String {
    use crate::ingest::ledger::NoteKind;
    let mut out = String::new();
    // Every line as one line: what input text it holds (file, sheet and institution
    // names, values, headers) has its control characters, line breaks among them, and
    // bidirectional overrides shown as `\u{…}`, so no name can forge a line or turn one
    // around on the terminal.
    macro_rules! put_line {
        ($($arg:tt)*) => {{
            out.push_str(&crate::text::escape_steering(&format!($($arg)*), false));
            out.push('\n');
        }};
    }
    // Accepted respondents per file, institution, year and line.
    let mut per: BTreeMap<(usize, String, u16, Line), u64> = BTreeMap::new();
    let mut groups: BTreeMap<(String, u16, Line), u64> = BTreeMap::new();
    for r in &ing.respondents {
        *per.entry((r.file, r.institution.clone(), r.year, r.line)).or_default() += 1;
        *groups.entry((r.institution.clone(), r.year, r.line)).or_default() += 1;
    }
    // Contributions bring their groups as figures (SPEC §9).
    for g in ing.contributed.groups.iter().filter(|g| g.scope == crate::score::Scope::LINE) {
        *groups.entry((g.institution.clone(), g.year, g.line)).or_default() += g.n;
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
    // One explanation per cause leads (SPEC §3.5).
    let explanations: Vec<_> = ing.ledger.explanations().collect();
    if !explanations.is_empty() {
        put_line!("{}:", Word::ValidateExplanationsFirst.say(lang));
        for e in &explanations {
            // The explanation's own lines (the `[[answers]]` lines to copy) stay lines,
            // each escaped on its own.
            let text = e.reason.text(lang);
            let mut lines = text.trim_end().lines();
            put_line!("  {} / {}: {}", e.file, e.sheet, lines.next().unwrap_or_default());
            for line in lines {
                put_line!("      {line}");
            }
        }
    }
    for g in &ing.ledger.names {
        for (spelling, rows, via) in g.variants.iter().filter(|(s, _, _)| *s != g.shown) {
            put_line!(
                "{} «{}» ({rows} {}) → «{}»: {}",
                Word::InstitutionLower.say(lang),
                spelling,
                Word::Rows.say(lang),
                g.shown,
                sector::name_how(lang, g, spelling, *via)
            );
        }
    }
    for l in &ing.ledger.look_alikes {
        put_line!("{} «{}» — «{}»: {}", Word::InstitutionLower.say(lang), l.a, l.b, sector::look_alike_text(lang, l));
    }
    if let Some((path, n)) = &ing.institutions_file {
        put_line!("{path}: {} ({n} {})", Word::InstitutionsFileRead.say(lang), Word::InstitutionsLower.say(lang));
    }
    for (fi, f) in ing.ledger.files.iter().enumerate() {
        let status = match f.status {
            FileStatus::Accepted => Word::FileAccepted,
            FileStatus::Partial => Word::FilePartial,
            FileStatus::Rejected => Word::FileRejected,
            FileStatus::Ignored => Word::FileIgnored,
            FileStatus::Duplicate => Word::FileDuplicate,
        }
        .say(lang);
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
            format!(" — {} {}", tools.join(", "), Word::ExportRecognised.say(lang))
        };
        put_line!("{}: {}{}", f.path, status, tool);
        if let Some(n) = &f.note {
            if matches!(f.status, FileStatus::Ignored | FileStatus::Duplicate) {
                put_line!("  {}", n.text(lang));
            }
        }
        for ((_, inst, year, line), n) in
            per.range((fi, String::new(), 0, Line::L1)..(fi + 1, String::new(), 0, Line::L1))
        {
            put_line!(
                "  {} {}, {}, {}: {} {}",
                Word::AcceptedColon.say(lang),
                inst,
                year,
                line.label(lang),
                n,
                Word::Respondents.say(lang)
            );
        }
        for n in file_notes.iter().filter(|n| !matches!(n.what, NoteKind::Tool(_))) {
            let at = place(&n.sheet, &n.cell);
            let at = if at.is_empty() { at } else { format!(" {at}") };
            put_line!("  {}{}: {}", Word::NoteWord.say(lang), at, n.what.text(lang));
        }
        for m in mappings.get(f.path.as_str()).into_iter().flatten() {
            put_line!(
                "  {} {} «{}» → {} ({}, {} {:.0} %)",
                Word::Column.say(lang),
                place(&m.sheet, &m.cell),
                m.header,
                m.item,
                m.how.text(lang),
                Word::Similarity.say(lang),
                m.similarity * 100.0
            );
        }
        for r in rejections.get(f.path.as_str()).into_iter().flatten().filter(|r| r.level != Level::Sheet) {
            let value = if r.value.is_empty() { String::new() } else { format!(" «{}»", r.value) };
            let at = place(&r.sheet, &r.cell);
            let at = if at.is_empty() { String::new() } else { format!(" {at}") };
            put_line!("  {}{}{}: {}", Word::Problem.say(lang), at, value, r.reason.text(lang));
            if let Some(d) = r.reason.detail() {
                put_line!("    ({}: {d})", Word::ReaderSaid.say(lang));
            }
        }
    }
    if !groups.is_empty() {
        put_line!("{}:", Word::GroupsHeading.say(lang));
        for ((inst, year, line), n) in &groups {
            let hidden = if *n < min_group_size {
                format!(" — {} {min_group_size}: {}", Word::FewerThan.say(lang), Word::GroupWillBeHidden.say(lang))
            } else {
                String::new()
            };
            put_line!("  {inst}, {year}, {}: {n} {}{hidden}", line.label(lang), Word::Respondents.say(lang));
        }
    }
    let c = &ing.ledger.counts;
    put_line!(
        "{}: {} {}, {} {}, {} {}, {} {}{}",
        Word::TotalLower.say(lang),
        c.rows_read,
        Word::RowsRead.say(lang),
        c.respondents_scored,
        Word::RespondentsAccepted.say(lang),
        c.respondents_excluded,
        Word::Excluded.say(lang),
        c.respondents_rejected,
        Word::RejectedLower.say(lang),
        if c.rows_summary > 0 {
            format!(" ({} {})", c.rows_summary, Word::SummaryRowsNotRead.say(lang))
        } else {
            String::new()
        },
    );
    out
}
