//! A change of framework edition between years is a series break (SPEC §2, §4): each
//! year is scored with its own edition, and no change or trend crosses the break.

mod common;

use common::*;

/// A 2026 edition made from the 2017 one: renamed, and without item L1-VB-R4.
fn edition_2026(dir: &std::path::Path) {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("framework/raamwerk-2017.toml"))
            .unwrap();
    let text = text.replace("edition = \"raamwerk-2017\"", "edition = \"raamwerk-2026\"");
    let start = text.find("[[item]]\nid = \"L1-VB-R4\"").unwrap();
    let end = start + text[start + 1..].find("[[item]]").unwrap() + 1;
    let text = format!("{}{}", &text[..start], &text[end..]);
    std::fs::write(dir.join("raamwerk-2026.toml"), text).unwrap();
}

#[test]
fn a_new_edition_breaks_the_series() {
    let (t, input, output) = tempdir();
    edition_2026(t.path());
    std::fs::write(
        t.path().join("lobmonitor.toml"),
        "min_answered = 0.001\n[[editions]]\nfrom_year = 2026\nframework = \"raamwerk-2026.toml\"\n",
    )
    .unwrap();
    let ids: Vec<String> = ["L1-VB-R1", "L1-VB-R2", "L1-VB-R3", "L1-VB-R4"].map(String::from).to_vec();
    // Three schools, five respondents each: "nee" everywhere in 2025 (score 0),
    // "ja" everywhere in 2026 (100).
    for inst in ["School A", "School B", "School C"] {
        for (year, word) in [(2025, "nee"), (2026, "ja")] {
            let mut rows = vec![header(&ids)];
            for i in 0..5 {
                rows.push(row_all(&format!("r{i}"), 4, word));
            }
            let file = format!("{}-{year}.xlsx", inst.replace(' ', "_"));
            write_xlsx(&input.join(file), vec![info(inst, year, "vo"), sheet("1e lijn", rows)]);
        }
    }
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "the 2026 answers to L1-VB-R4 are rejected: {}", run.stderr);
    let m = manifest(&output);
    assert_eq!(m["editions"][1]["edition"], "raamwerk-2026");
    assert_eq!(m["editions"][1]["from_year"], 2026);
    assert_eq!(m["reconciled"], true);
    // 15 respondents × 1 answer to an item the 2026 edition does not have.
    assert_eq!(m["counts"]["answers_rejected"], 15);
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert!(rej.iter().filter(|r| r[2] == "E2").all(|r| r[5].contains("raamwerk-2026")));

    // Each year scored with its edition: L1-VB-R4 has a 2025 score, none in 2026.
    let items = read_csv(&output.join("data/item_scores.csv"));
    let r4 = |y: &str| items.iter().any(|r| r[0] == y && r[1] == "ALL" && r[3] == "L1-VB-R4");
    assert!(r4("2025"));
    assert!(!r4("2026"));
    let g = read_csv(&output.join("data/sector_scores.csv"));
    let line = |y: &str| {
        g.iter().find(|r| r[0] == y && r[1] == "ALL" && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL").unwrap()[6]
            .clone()
    };
    assert_eq!((line("2025").as_str(), line("2026").as_str()), ("0.00", "100.00"));

    // No change across the break: 0 → 100 would be a +100 that means nothing.
    let b = read_csv(&output.join("data/benchmarks.csv"));
    let a26 = b.iter().find(|r| r[0] == "2026" && r[1] == "School A" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    assert_eq!((a26[8].as_str(), a26[9].as_str()), ("", ""));
    let trend = read_csv(&output.join("charts/trend.csv"));
    // Tidy rows: year, line, area, item, series, value, n, ci_low, ci_high, note.
    assert_eq!(trend[0], ["year", "line", "area", "item", "series", "value", "n", "ci_low", "ci_high", "note"]);
    assert!(trend.iter().any(|r| r[0] == "2026" && r[9] == "series_break"), "{trend:?}");
    let sheet = read_sheet(&output.join("sector.xlsx"), "Trend");
    let total = sheet.iter().find(|r| text(&r[0]) == "1e lijn" && text(&r[1]) == "Totaal").unwrap();
    assert_eq!(total.get(4).map(text).unwrap_or_default(), "Empty", "no difference column value");
    assert!(sheet.iter().flatten().any(|c| text(c).starts_with("Reeksbreuk")));
    let p = read_sheet(&output.join("portretten/school-a-2026.xlsx"), "Ontwikkeling");
    assert!(p.iter().flatten().any(|c| text(c).contains("Nieuwe raamwerkeditie vanaf 2026")));
}
