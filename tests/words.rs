//! The chart pack in English says nothing in Dutch, and the Dutch pack says it in Dutch
//! (SPEC §6 chart pack; issue #22: words in one place per language). Every chart kind's
//! title, alt text and long description (charts/index.csv) and every text drawn in its
//! SVG are read back and split into words. Likewise a run's messages on standard error
//! and the reasons of rejections.csv (SPEC §3.3, §6.1), in either language.

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

/// Words only Dutch uses in messages and reasons (none an English word, none in the
/// Dutch names an English reason quotes: «instelling», «lijn», the roles, the answer
/// words ja/grotendeels/enigszins/nee).
const DUTCH_MESSAGE: &[&str] = &[
    "niet",
    "geen",
    "het",
    "een",
    "van",
    "wordt",
    "bestand",
    "bestanden",
    "werkblad",
    "kolom",
    "rij",
    "gelezen",
    "ontbreekt",
    "dezelfde",
    "uitvoermap",
    "invoermap",
    "moet",
    "alleen",
    "respondenten",
    "gescoord",
    "afgewezen",
    "uitgesloten",
    "afwijzingen",
    "vermeld",
    "antwoord",
];

/// Words only English uses in messages and reasons (none in the English names a Dutch
/// reason quotes: `files =`, `--year`, `[[answers]]`).
const ENGLISH_MESSAGE: &[&str] = &[
    "the",
    "not",
    "file",
    "sheet",
    "read",
    "column",
    "row",
    "missing",
    "which",
    "with",
    "from",
    "cannot",
    "folder",
    "output",
    "must",
    "below",
    "only",
    "respondents",
    "scored",
    "rejected",
    "excluded",
    "rejections",
    "listed",
    "answer",
];

/// The words of `list` in `s`, flags (`--output`) left out: they are names.
fn found(s: &str, list: &[&str]) -> Vec<String> {
    let said: Vec<&str> = s.split_whitespace().filter(|w| !w.starts_with("--")).collect();
    words(&said.join(" ")).into_iter().filter(|w| list.contains(&w.as_str())).collect()
}

/// An input folder of the shapes people send, most of them wrong somewhere: a template
/// workbook with an agreement scale the answer table does not know, a sheet naming no
/// institution anywhere, a CSV whose rows have a bad year, a bad line, an unknown
/// answer, a duplicate and a total row, an empty file, a web page under a spreadsheet
/// name and a text file.
fn messy_input(input: &Path) {
    let l1 = items_of_line(1);
    let mut rows = vec![{
        let mut h = header(&l1);
        h.insert(1, s("Lijn"));
        h
    }];
    for (i, answer) in ["helemaal mee eens", "mee eens", "oneens", "ja"].iter().enumerate() {
        let mut r = row_all(&format!("r{i}"), l1.len(), answer);
        r.insert(1, C::N(1.0));
        rows.push(r);
    }
    write_xlsx(&input.join("alfa-2026.xlsx"), vec![info("Alfa College", 2026, "vo"), sheet("Antwoorden", rows)]);
    let l2 = items_of_line(2);
    let mut rows =
        vec![[s("Respondent"), s("Jaar"), s("Lijn")].into_iter().chain(l2.iter().map(|i| C::T(i.clone()))).collect()];
    for i in 0..3 {
        rows.push(
            [C::T(format!("x{i}")), C::N(2026.0), C::N(2.0)].into_iter().chain(l2.iter().map(|_| s("ja"))).collect(),
        );
    }
    write_xlsx(&input.join("export.xlsx"), vec![sheet("Blad1", rows)]);
    let ids = &l1[..4];
    let head = format!("respondent,instelling,jaar,lijn,{}", ids.join(","));
    let csv = [
        head.as_str(),
        "b1,Beta,2026,1,ja,ja,nee,ja",
        "b2,Beta,twintig,1,ja,ja,ja,ja",
        "b3,Beta,2026,zeven,ja,ja,ja,ja",
        "b4,Beta,2026,1,misschien,ja,7,enigszins",
        "b1,Beta,2026,1,ja,ja,ja,ja",
        "Totaal,,,,4,4,4,4",
    ]
    .join("\n");
    std::fs::write(input.join("beta-2026.csv"), csv + "\n").unwrap();
    std::fs::write(input.join("leeg.xlsx"), b"").unwrap();
    std::fs::write(input.join("pagina.xlsx"), "<html><body><table><tr><td>x</td></tr></table></body></html>").unwrap();
    std::fs::write(input.join("notities.txt"), "lees mij\n").unwrap();
}

#[test]
fn an_english_runs_messages_and_rejections_say_nothing_in_dutch_and_a_dutch_run_nothing_in_english() {
    let (t, input, _) = tempdir();
    let root = t.path();
    messy_input(&input);
    std::fs::create_dir(root.join("occupied")).unwrap();
    std::fs::write(root.join("occupied/mine.docx"), "x").unwrap();
    std::fs::write(root.join("small.toml"), "min_group_size = 2\n").unwrap();
    for (lang, other, own) in [("en", DUTCH_MESSAGE, ENGLISH_MESSAGE), ("nl", ENGLISH_MESSAGE, DUTCH_MESSAGE)] {
        let out = format!("out-{lang}");
        let r = lobmonitor(root, &["run", "--lang", lang, "--input", "input", "--output", &out]);
        assert_eq!(r.code, 3, "{}", r.stderr);
        let table = read_csv(&root.join(&out).join("data/rejections.csv"));
        assert_eq!(table[0][5], "reason");
        let reasons: Vec<&str> = table.iter().skip(1).map(|row| row[5].as_str()).collect();
        // The shapes above each gave their reason: the files, the sheet naming no
        // institution, the unknown scale, and the CSV's rows and answers.
        assert!(reasons.len() >= 10, "{reasons:?}");
        let messages = [
            r.stderr.clone(),
            // No input folder, a folder that is not lobmonitor's, a config below the
            // privacy floor: three messages of failure, each in the run's language.
            lobmonitor(root, &["run", "--lang", lang, "--input", "xyz", "--output", &out]).stderr,
            lobmonitor(root, &["run", "--lang", lang, "--input", "input", "--output", "occupied"]).stderr,
            lobmonitor(root, &["run", "--lang", lang, "--config", "small.toml", "--input", "input", "--output", &out])
                .stderr,
        ];
        for text in reasons.iter().copied().chain(messages.iter().map(String::as_str)) {
            let wrong = found(text, other);
            assert!(wrong.is_empty(), "--lang {lang}: {wrong:?} in «{text}»");
        }
        // And they speak their own language (the check above can see a word of the other
        // language where there is one): each message, and the reasons together.
        for text in &messages {
            assert!(!found(text, own).is_empty(), "--lang {lang}: nothing in its language in «{text}»");
        }
        let own_words: BTreeSet<String> = reasons.iter().flat_map(|t| found(t, own)).collect();
        assert!(own_words.len() >= 8, "--lang {lang}: {own_words:?}");
        assert!(
            messages[1].contains(if lang == "en" {
                "input folder xyz does not exist"
            } else {
                "invoermap xyz bestaat niet"
            }),
            "{}",
            messages[1]
        );
        assert!(messages[2].contains("mine.docx"), "{}", messages[2]);
    }
}
