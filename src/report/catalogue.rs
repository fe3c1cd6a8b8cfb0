//! `lobmonitor framework`: the item catalogue as a table, CSV or JSON. The table's
//! headers are worded in `report::words` (`Word::Catalogue…`); the framework's title and
//! item texts are data of the framework file; the CSV and JSON keys are codes.

use std::fmt::Write as _;

use anyhow::Result;

use crate::framework::Framework;
use crate::lang::Lang;
use crate::report::words::Word;

pub fn table(fw: &Framework, lang: Lang) -> String {
    let mut out = format!("{} — {} items\n", fw.title(lang), fw.len());
    let _ = writeln!(
        out,
        "{:<10} {:<5} {:<4} {:<4} {:<12} {}",
        "id",
        Word::CatalogueLine.say(lang),
        "area",
        "kind",
        Word::CatalogueSources.say(lang),
        Word::CatalogueText.say(lang)
    );
    for it in fw.items() {
        let sources: String = it.sources.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(",");
        let _ = writeln!(
            out,
            "{:<10} {:<5} {:<4} {:<4} {:<12} {}",
            it.id.to_string(),
            it.id.line.number(),
            it.id.area,
            it.id.kind,
            sources,
            it.text(lang)
        );
    }
    out
}

pub fn csv(fw: &Framework) -> Result<String> {
    let mut w = crate::report::csv_writer::CsvWriter::new(Vec::new());
    w.write_record(["id", "line", "area", "kind", "n", "text_nl", "text_en", "sources", "unknown_sources"])?;
    for it in fw.items() {
        let sources: String = it.sources.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(",");
        let unknown: String =
            it.sources.iter().filter(|c| !fw.source_known(**c)).map(|c| c.to_string()).collect::<Vec<_>>().join(",");
        w.write_record([
            it.id.to_string(),
            it.id.line.number().to_string(),
            it.id.area.to_string(),
            it.id.kind.to_string(),
            it.id.n.to_string(),
            it.nl.clone(),
            it.en.clone(),
            sources,
            unknown,
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

pub fn json(fw: &Framework) -> Result<String> {
    let items: Vec<serde_json::Value> = fw
        .items()
        .iter()
        .map(|it| {
            serde_json::json!({
                "id": it.id.to_string(),
                "line": it.id.line.number(),
                "area": it.id.area.code(),
                "kind": it.id.kind.code(),
                "text_nl": it.nl,
                "text_en": it.en,
                "sources": it.sources.iter().map(|c| serde_json::json!({
                    "letter": c.to_string(),
                    "document": fw.sources.get(c),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = serde_json::json!({ "edition": fw.edition, "title": fw.title_nl, "items": items });
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}
