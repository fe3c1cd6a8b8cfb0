//! The smaller commands: framework, template and sample (SPEC §7), and the sample run
//! end to end as a new user would start.

mod common;

use common::*;

#[test]
fn framework_prints_101_items_in_every_format() {
    let t = tempfile::tempdir().unwrap();
    let csv = lobmonitor(t.path(), &["framework", "--format", "csv"]);
    assert_eq!(csv.code, 0);
    let rows: Vec<_> = csv::Reader::from_reader(csv.stdout.as_bytes()).records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 101);
    assert_eq!(&rows[0][0], "L1-VB-R1");
    assert_eq!(&rows[0][5], "Kennis nemen van visie en doelen loopbaanbegeleiding eigen instelling");
    let json = lobmonitor(t.path(), &["framework", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["edition"], "raamwerk-2017");
    assert_eq!(v["items"].as_array().unwrap().len(), 101);
    let table = lobmonitor(t.path(), &["framework"]);
    assert_eq!(table.stdout.lines().filter(|l| l.starts_with('L')).count(), 101);
}

#[test]
fn template_has_an_info_sheet_and_a_sheet_per_line_with_every_item() {
    let t = tempfile::tempdir().unwrap();
    let run = lobmonitor(t.path(), &["template", "--institution", "ROC Test", "--year", "2026", "-o", "t.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = t.path().join("t.xlsx");
    assert_eq!(sheet_names(&path), ["Info", "1e lijn", "2e lijn", "3e lijn"]);
    let info = read_sheet(&path, "Info");
    assert_eq!(text(&info[0][1]), "ROC Test");
    for (sheet, items) in [("1e lijn", 36), ("2e lijn", 38), ("3e lijn", 27)] {
        let rows = read_sheet(&path, sheet);
        let header = &rows[2];
        let item_cols = header
            .iter()
            .filter(|c| {
                let t = text(c);
                t.starts_with('L') && t.as_bytes().get(2) == Some(&b'-')
            })
            .count();
        assert_eq!(item_cols, items, "{sheet}");
    }
    // Only line 2, in English.
    let run = lobmonitor(t.path(), &["template", "--line", "2", "--lang", "en", "-o", "t2.xlsx"]);
    assert_eq!(run.code, 0);
    assert_eq!(sheet_names(&t.path().join("t2.xlsx")), ["Info", "Line 2"]);
    // A blank template is a valid survey file with no respondents.
    let v = lobmonitor(t.path(), &["validate", "t.xlsx"]);
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
}

#[test]
fn sample_then_run_writes_every_output() {
    let t = tempfile::tempdir().unwrap();
    let run =
        lobmonitor(t.path(), &["sample", "--institutions", "8", "--respondents", "30", "--years", "2", "-o", "input"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let inputs: Vec<_> = std::fs::read_dir(t.path().join("input")).unwrap().collect();
    assert_eq!(inputs.len(), 8 * 2 + 1, "16 workbooks and instellingen.csv");
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = t.path().join("output");
    let portretten = std::fs::read_dir(out.join("portretten")).unwrap().count();
    assert_eq!(portretten, 16);
    let m = manifest(&out);
    assert_eq!(m["reconciled"], true);
    assert_eq!(m["counts"]["respondents_rejected"], 0);
    // Institution 4 of the sample is small: its line-3 group is below the threshold.
    let g = read_csv(&out.join("data/group_scores.csv"));
    let small = g.iter().find(|r| r[1] == "ROC Kempenland" && r[2] == "3" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    assert_eq!(small[11], "true");
    assert_eq!(small[5], "");
    assert_eq!(small[6], "");
    // The ministry pack names only institutions that opted in (every fourth: INST-0001,
    // -0005 are named; ROC Kempenland is INST-0004).
    let bench: Vec<String> = std::fs::read_dir(out.join("charts/benchmark"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(bench.iter().any(|f| f.starts_with("inst-0004-")));
    assert!(!bench.iter().any(|f| f.contains("kempenland")));
    assert!(bench.iter().any(|f| f.starts_with("roc-amstelland-")), "opted in: named");
}
