//! The layouts institutions really send (SPEC §3.1): survey-tool exports in ODS and XLS,
//! the long layout, text headers, the Gegevens sheet, checkbox forms, and `validate`.

mod common;

use common::*;

fn with_fixture(name: &str, config: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, input, output) = tempdir();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::copy(&src, input.join(name)).unwrap();
    std::fs::write(t.path().join("lobmonitor.toml"), config).unwrap();
    (t, output)
}

/// forms-export (see tests/fixtures/README.md), by hand, with min_answered = 0:
/// rows 4. Anna (line 1): ja, grotendeels → scored, (1 + 2/3)/2 = 83.33.
/// Bob (line 2): yes → scored, 100. Cor (line 1): #N/A rejected, nee → scored, 0.
/// Dirk: line "lijn 4" invalid → rejected row; his two answers unscored.
/// Answers read 7 = scored 4 + unscored 2 + rejected 1.
fn check_forms_export(name: &str) {
    let (t, output) = with_fixture(
        name,
        "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n",
    );
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let m = manifest(&output);
    let c = &m["counts"];
    assert_eq!(c["rows_read"], 4, "{name}");
    assert_eq!(c["respondents_scored"], 3);
    assert_eq!(c["respondents_rejected"], 1);
    assert_eq!(c["answers_read"], 7);
    assert_eq!(c["answers_scored"], 4);
    assert_eq!(c["answers_unscored"], 2);
    assert_eq!(c["answers_rejected"], 1);
    assert_eq!(m["reconciled"], true);
    let g = read_csv(&output.join("data/group_scores.csv"));
    let line = |l: &str| {
        g.iter()
            .find(|r| r[1] == "ROC Test" && r[0] == "2026" && r[2] == l && r[3] == "ALL" && r[4] == "ALL")
            .unwrap()
            .clone()
    };
    // Line 1: Anna 83.33 and Cor 0 → 41.67.
    assert_eq!(line("1")[6], "41.67");
    assert_eq!(line("1")[5], "2");
    assert_eq!(line("2")[6], "100.00");
    let rej = read_csv(&output.join("data/rejections.csv"));
    let unrecognised: Vec<&str> = rej.iter().filter(|r| r[3] == "column").map(|r| r[4].as_str()).collect();
    for h in ["Begintijd", "E-mail", "Naam", "Opmerking"] {
        assert!(unrecognised.contains(&h), "{h} not listed: {unrecognised:?}");
    }
    let invalid = rej.iter().find(|r| r[3] == "row").unwrap();
    assert_eq!(invalid[4], "lijn 4");
    assert_eq!(invalid[2], "A6", "row 6 of the sheet, first cell");
    let na = rej.iter().find(|r| r[3] == "answer").unwrap();
    assert_eq!((na[2].as_str(), na[4].as_str()), ("H5", "#N/A"));
    // No personal data in any table.
    for f in ["group_scores.csv", "respondent_scores.csv", "item_scores.csv", "rejections.csv"] {
        let text = std::fs::read_to_string(output.join("data").join(f)).unwrap();
        for pd in ["anna@school.nl", "Anna", "Bob"] {
            assert!(!text.contains(pd), "{pd} in {f}");
        }
    }
}

#[test]
fn survey_tool_export_as_ods() {
    check_forms_export("forms-export.ods");
}

#[test]
fn survey_tool_export_as_xls() {
    check_forms_export("forms-export.xls");
}

/// long-layout, by hand, with min_answered = 0: respondents p1 and p2 (2 rows read).
/// p1: ja, deels, then a second L3-VB-R1 (rejected), and an unknown item (rejected) →
/// line 3 score (1 + 1/3)/2 = 66.67. p2: n.v.t., ja, and a line-1 item (other line) → 100.
/// Answers read 7 = scored 3 + n/a 1 + other line 1 + rejected 2.
fn check_long(name: &str) {
    let (t, output) = with_fixture(
        name,
        "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n",
    );
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = manifest(&output)["counts"].clone();
    assert_eq!(c["rows_read"], 2);
    assert_eq!(c["respondents_scored"], 2);
    assert_eq!(c["answers_read"], 7);
    assert_eq!(c["answers_scored"], 3);
    assert_eq!(c["answers_na"], 1);
    assert_eq!(c["answers_other_line"], 1);
    assert_eq!(c["answers_rejected"], 2);
    let g = read_csv(&output.join("data/group_scores.csv"));
    let all = g.iter().find(|r| r[1] == "VO School" && r[2] == "3" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    // (66.67 + 100)/2 = 83.33
    assert_eq!(all[6], "83.33");
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert!(rej.iter().any(|r| r[2] == "F4" && r[5].contains("tweede antwoord")));
    assert!(rej.iter().any(|r| r[2] == "E5" && r[4] == "L9-XX-R1"));
}

#[test]
fn long_layout_as_ods() {
    check_long("long-layout.ods");
}

#[test]
fn long_layout_as_xls() {
    check_long("long-layout.xls");
}

#[test]
fn item_columns_by_id_and_text_and_the_gegevens_sheet() {
    let (t, input, output) = tempdir();
    // Gegevens sheet instead of Info; schooljaar as text; headers as id + text.
    let gegevens = sheet("Gegevens", vec![vec![s("Instelling"), s("Lyceum Y")], vec![s("Jaar"), s("2024-2025")]]);
    let rows = vec![
        vec![
            s("L3-OB-R1: Begeleiders primair proces adviseren"),
            s("L3-OB-D1 Kan systematisch de juiste methodiek kiezen"),
            s("Kan LOB-activiteiten ontwerpen"),
        ],
        vec![s("ja"), s("Enigszins"), s("largely")],
    ];
    write_xlsx(&input.join("y.xlsx"), vec![gegevens, sheet("Derde lijn", rows)]);
    std::fs::write(
        t.path().join("lobmonitor.toml"),
        "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n",
    )
    .unwrap();
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let g = read_csv(&output.join("data/group_scores.csv"));
    let ob = g
        .iter()
        .find(|r| r[1] == "Lyceum Y" && r[0] == "2025" && r[2] == "3" && r[3] == "OB" && r[4] == "ALL")
        .unwrap();
    // ja, enigszins, grotendeels: (1 + 1/3 + 2/3)/3 = 66.67 — all three columns matched.
    assert_eq!(ob[6], "66.67");
}

#[test]
fn checkbox_forms_read_blanks_as_no_when_configured() {
    let (t, input, output) = tempdir();
    let rows = vec![
        vec![s("Respondent"), s("L1-SW-R1"), s("L1-SW-R2"), s("L1-SW-R3"), s("L1-SW-R4")],
        vec![s("a"), s("x"), C::E, s("x"), C::E],
    ];
    write_xlsx(&input.join("c.xlsx"), vec![info("Checklist School", 2026, "vo"), sheet("1e lijn", rows)]);
    std::fs::write(
        t.path().join("lobmonitor.toml"),
        "blank = \"no\"\nmin_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n",
    )
    .unwrap();
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    let g = read_csv(&output.join("data/group_scores.csv"));
    let sw = g.iter().find(|r| r[2] == "1" && r[3] == "SW" && r[4] == "ALL").unwrap();
    // x, blank→nee, x, blank→nee = 2 of 4 = 50.
    assert_eq!(sw[6], "50.00");
    let c = manifest(&output)["counts"].clone();
    // The two blanks of present columns count as answers read (degree 0).
    assert_eq!(c["answers_read"], 4);
    assert_eq!(c["answers_scored"], 4);
}

#[test]
fn validate_prints_what_is_accepted_and_every_problem_and_writes_nothing() {
    let (t, input, _output) = tempdir();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.ods");
    std::fs::copy(&src, input.join("forms-export.ods")).unwrap();
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let run = lobmonitor(t.path(), &["validate", "input"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stdout.contains("forms-export.ods: deels in orde"), "{}", run.stdout);
    assert!(run.stdout.contains("geaccepteerd: ROC Test, 2026, 1e lijn: 2 respondenten"), "{}", run.stdout);
    assert!(run.stdout.contains("lijn is geen 1, 2 of 3"));
    let en = lobmonitor(t.path(), &["validate", "--lang", "en", "input/forms-export.ods"]);
    assert!(en.stdout.contains("accepted: ROC Test, 2026, Line 1: 2 respondents"), "{}", en.stdout);
    assert!(en.stdout.contains("line is not 1, 2 or 3"));
    assert!(!t.path().join("output").exists());
}

#[test]
fn xlsm_is_read_like_xlsx_and_an_oversized_file_is_rejected_unread() {
    let (t, input, output) = tempdir();
    let rows = vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("a"), s("ja")]];
    write_xlsx(&input.join("macro.xlsm"), vec![info("Macro School", 2026, "vo"), sheet("1e lijn", rows)]);
    // 2 MiB of bytes under a spreadsheet name, with a 1 MiB limit.
    std::fs::write(input.join("huge.xlsx"), vec![b'x'; 2 * 1024 * 1024]).unwrap();
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\nmax_file_mb = 1\n").unwrap();
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let m = manifest(&output);
    let status = |p: &str| m["inputs"].as_array().unwrap().iter().find(|i| i["path"] == p).unwrap()["status"].clone();
    assert_eq!(status("macro.xlsm"), "accepted");
    assert_eq!(status("huge.xlsx"), "rejected");
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert!(rej.iter().any(|r| r[0] == "huge.xlsx" && r[5].contains("te groot")), "{rej:?}");
}
