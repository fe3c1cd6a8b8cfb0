//! The chart pack in English says nothing in Dutch, and the Dutch pack says it in Dutch
//! (SPEC §6 chart pack; issue #22: words in one place per language). Every chart kind's
//! title, alt text and long description (charts/index.csv) and every text drawn in its
//! SVG are read back and split into words.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

/// Words only Dutch uses (none is an English word): what a chart said in Dutch would
/// show one of them. Not "raamwerk": the edition's name ("raamwerk-2017") is a name,
/// the same in both languages.
const DUTCH: &[&str] = &[
    "lijn",
    "lijnen",
    "instelling",
    "instellingen",
    "aandachtsgebied",
    "aandachtsgebieden",
    "mediaan",
    "middelste",
    "helft",
    "staafdiagram",
    "stippendiagram",
    "lijndiagram",
    "spreiding",
    "ontwikkeling",
    "sinds",
    "getoond",
    "totaalscore",
    "hoogst",
    "laagst",
    "naar",
    "tot",
    "eigen",
    "respondenten",
    "bron",
    "zelfevaluatie",
    "afgeschermd",
    "gemiddelde",
    "balk",
    "streep",
    "jaar",
    "elke",
    "onder",
    "verandering",
    "sectormediaan",
    "kwart",
    "te",
    "weinig",
    "het",
    "de",
    "een",
];

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The Dutch words in `s`.
fn dutch_in(s: &str) -> Vec<String> {
    words(s).into_iter().filter(|w| DUTCH.contains(&w.as_str())).collect()
}

/// The text drawn in an SVG: every `<text>`, `<title>` and `<desc>` content.
fn svg_text(path: &Path) -> String {
    let svg = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for part in svg.split('>').skip(1) {
        if let Some(t) = part.split('<').next() {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

/// Runs a pack in `lang`; returns (chart index rows, output folder).
fn pack(root: &Path, lang: &str) -> (Vec<Vec<String>>, std::path::PathBuf) {
    let out = root.join(format!("out-{lang}"));
    let r = lobmonitor(root, &["run", "--input", "input", "--output", out.to_str().unwrap(), "--lang", lang]);
    assert!(r.code == 0 || r.code == 3, "{}", r.stderr);
    (read_csv(&out.join("charts/index.csv")), out)
}

#[test]
fn no_dutch_word_in_an_english_chart_and_dutch_in_the_dutch_one() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    // Six institutions over two years: every kind of chart, the trend with two points
    // and the items with last year's tick.
    let r = lobmonitor(root, &["sample", "--institutions", "6", "--years", "2", "-o", "input"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let (en, out) = pack(root, "en");
    assert_eq!(en[0], ["file", "title", "year", "alt", "description"]);
    // One of each kind, by its English file name.
    for kind in ["line-comparison-", "distribution-", "items-line-1-", "trend", "benchmark/"] {
        assert!(en.iter().skip(1).any(|row| row[0].starts_with(kind)), "no {kind} chart: {en:?}");
    }
    for row in en.iter().skip(1) {
        for (field, text) in [("title", &row[1]), ("alt", &row[3]), ("description", &row[4])] {
            let d = dutch_in(text);
            assert!(d.is_empty(), "{} {field} has Dutch {d:?}: {text}", row[0]);
        }
        // Everything drawn: subtitle, axis, legend, notes, source line.
        let svg = out.join("charts").join(row[0].replace(".png", ".svg"));
        let drawn = svg_text(&svg);
        let d = dutch_in(&drawn);
        assert!(d.is_empty(), "{} draws Dutch {d:?}", row[0]);
    }

    // The same pack in Dutch is in Dutch: the test above can see Dutch where it is.
    let (nl, _) = pack(root, "nl");
    assert_eq!(nl.len(), en.len());
    for row in nl.iter().skip(1) {
        let all = format!("{} {} {}", row[1], row[3], row[4]);
        assert!(!dutch_in(&all).is_empty(), "{} says no Dutch word: {all}", row[0]);
    }
    let trend = nl.iter().find(|r| r[0].starts_with("trend")).unwrap();
    assert_eq!(trend[1], "Ontwikkeling per lijn");
    let trend = en.iter().find(|r| r[0].starts_with("trend")).unwrap();
    assert_eq!(trend[1], "Trend by line");
}
