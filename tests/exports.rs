//! The files institutions really send (SPEC §3, EXPORTS.md): each survey tool's export
//! built here byte for byte in the tool's own shape (header rows, metadata columns,
//! quoting, encoding), with the figures worked out by hand beside each test. Every
//! test also checks that the run reconciles (SPEC §3.3).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// Item id → (Dutch text), from the binary's own catalogue.
fn texts() -> BTreeMap<String, String> {
    let out =
        assert_cmd::Command::cargo_bin("lobmonitor").unwrap().args(["framework", "--format", "csv"]).output().unwrap();
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    rdr.records().map(|r| r.unwrap()).map(|r| (r[0].to_string(), r[5].to_string())).collect()
}

const LENIENT: &str = "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n";

fn config(dir: &Path, text: &str) {
    std::fs::write(dir.join("lobmonitor.toml"), text).unwrap();
}

/// A CSV line: fields joined by `sep`, quoted where a field needs it (or always).
fn csv_line(fields: &[&str], sep: char, quote_all: bool, eol: &str) -> String {
    let q = |f: &str| {
        if quote_all || f.contains(sep) || f.contains('"') || f.contains('\n') {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_string()
        }
    };
    fields.iter().map(|f| q(f)).collect::<Vec<_>>().join(&sep.to_string()) + eol
}

/// The `group_scores.csv` row of an institution, year, line and scope.
fn group(output: &Path, inst: &str, year: &str, line: &str, area: &str, kind: &str) -> Vec<String> {
    read_csv(&output.join("data/group_scores.csv"))
        .into_iter()
        .find(|r| r[0] == year && r[1] == inst && r[2] == line && r[3] == area && r[4] == kind)
        .unwrap_or_else(|| panic!("no group {inst} {year} {line} {area} {kind}"))
}

fn counts(output: &Path) -> serde_json::Value {
    let m = manifest(output);
    assert_eq!(m["reconciled"], true, "the run reconciles");
    m["counts"].clone()
}

fn status(output: &Path, path: &str) -> String {
    let m = manifest(output);
    m["inputs"].as_array().unwrap().iter().find(|i| i["path"] == path).unwrap()["status"].as_str().unwrap().to_string()
}

fn mappings(output: &Path) -> Vec<Vec<String>> {
    read_csv(&output.join("data/column_mapping.csv"))
}

/// Microsoft Forms, "Open in Excel", Dutch locale: `ID, Begintijd, Tijd van voltooien,
/// E-mail, Naam, Tijd van laatste wijziging`, then one column per statement headed by
/// its text; dates as date-time cells; `anonymous` in E-mail.
fn forms_xlsx(path: &Path, texts: &[String], rows: &[(u32, &str, [&str; 4])]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Form1").unwrap();
    let head =
        ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging", "Instelling", "Lijn"];
    for (c, h) in head.iter().chain(texts.iter().map(String::as_str).collect::<Vec<_>>().iter()).enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("m/d/yy h:mm:ss");
    for (i, (id, line, answers)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, *id as f64).unwrap();
        let t = ExcelDateTime::parse_from_str("2026-03-04 09:12:31").unwrap();
        ws.write_datetime_with_format(r, 1, &t, &date).unwrap();
        ws.write_datetime_with_format(r, 2, &t, &date).unwrap();
        ws.write_string(r, 3, "anonymous").unwrap();
        ws.write_string(r, 6, "Het Baken").unwrap();
        ws.write_string(r, 7, *line).unwrap();
        for (k, a) in answers.iter().enumerate() {
            ws.write_string(r, 8 + k as u16, *a).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn microsoft_forms_two_forms_numbered_from_one_and_a_copy() {
    let t = texts();
    let (dir, input, output) = tempdir();
    // Two statements as published, two in the catalogue's old wording (a word added,
    // a source typo "corrected"): matched by similarity and listed.
    let heads = vec![
        t["L1-VB-R1"].clone(),
        t["L1-VB-R2"].clone(),
        "Deelnemen aan werkgroepen om tot een LOB-programma te komen dat een optimale ontwikkeling en keuze van de jongere dient".to_string(),
        "Kan de jongere stimuleren om zijn ideeën in een groter kader te plaatsen en haalbaarheid en realiteitszin te bewaken".to_string(),
    ];
    let line = "Eerste lijn (docent, mentor, coach)";
    forms_xlsx(
        &input.join("forms-noord.xlsx"),
        &heads,
        &[(1, line, ["Ja", "Grotendeels", "Ja", "Nee"]), (2, line, ["Enigszins", "Nee", "Niet van toepassing", "Ja"])],
    );
    // The second location's form numbers its responses from 1 too: other people.
    forms_xlsx(
        &input.join("forms-zuid.xlsx"),
        &heads,
        &[(1, line, ["Ja", "Ja", "Ja", "Ja"]), (2, line, ["Nee", "Nee", "Nee", "Enigszins"])],
    );
    // Downloaded twice: byte for byte the same, read once (the first in path order is
    // read, the later one listed as its copy).
    std::fs::copy(input.join("forms-noord.xlsx"), input.join("kopie van forms-noord.xlsx")).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "metadata columns are listed: {}", run.stderr);
    let c = counts(&output);
    assert_eq!(c["rows_read"], 4, "the copy is not read again");
    assert_eq!(c["respondents_scored"], 4, "IDs 1 and 2 of both forms are four people");
    assert_eq!(c["answers_read"], 16);
    assert_eq!(c["answers_scored"], 15);
    assert_eq!(c["answers_na"], 1);
    assert_eq!(status(&output, "kopie van forms-noord.xlsx"), "duplicate");
    // Respondent scores (line 1, in thirds): 3+2+3+0 of 12 = 66.67; 1+0+3 of 9
    // (n.v.t. out) = 44.44; 12 of 12 = 100; 1 of 12 = 8.33 → mean 54.86.
    let g = group(&output, "Het Baken", "2026", "1", "ALL", "ALL");
    assert_eq!((g[5].as_str(), g[6].as_str()), ("4", "54.86"));
    // Organisatie (the drifted L1-OR-R1): 3, n.v.t., 3, 0 → (100 + 100 + 0)/3 = 66.67.
    assert_eq!(group(&output, "Het Baken", "2026", "1", "OR", "ALL")[6], "66.67");
    let m = mappings(&output);
    let mapped: Vec<(&str, &str, &str)> =
        m[1..].iter().map(|r| (r[0].as_str(), r[4].as_str(), r[5].as_str())).collect();
    assert!(mapped.contains(&("forms-noord.xlsx", "L1-OR-R1", "similar")), "{mapped:?}");
    assert!(mapped.contains(&("forms-noord.xlsx", "L1-OB-D7", "similar")), "{mapped:?}");
    assert_eq!(m[0], ["file", "sheet", "cell", "header", "item", "how", "similarity"]);
    let rej = read_csv(&output.join("data/rejections.csv"));
    let cols: Vec<&str> =
        rej.iter().filter(|r| r[0] == "forms-noord.xlsx" && r[3] == "column").map(|r| r[4].as_str()).collect();
    assert_eq!(cols, ["Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging"]);
    // validate names the tool and says the groups are small.
    config(dir.path(), "year = 2026\nmin_answered = 0.001\n");
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("forms-noord.xlsx: deels in orde — Microsoft Forms export herkend"), "{}", v.stdout);
    assert!(v.stdout.contains("kopie van forms-noord.xlsx"), "{}", v.stdout);
    assert!(
        v.stdout.contains("Het Baken, 2026, 1e lijn: 4 respondenten — minder dan 5: deze groep wordt verborgen"),
        "{}",
        v.stdout
    );
    assert!(v.stdout.contains("→ L1-OR-R1 (meest gelijkende itemtekst"), "{}", v.stdout);
}

#[test]
fn google_forms_csv_with_grid_questions() {
    let t = texts();
    let (dir, input, output) = tempdir();
    let grid = |q: &str, id: &str| format!("{q} [{}]", t[id]);
    let head = [
        "Tijdstempel".to_string(),
        "E-mailadres".into(),
        "Instelling".into(),
        "Lijn".into(),
        grid("Rolbeschrijving Visie en beleid", "L2-VB-R1"),
        grid("Rolbeschrijving Visie en beleid", "L2-VB-R2"),
        grid("Deskundigheid Oriëntatie en begeleiding", "L2-OB-D3"),
    ];
    let mut text = csv_line(&head.iter().map(String::as_str).collect::<Vec<_>>(), ',', false, "\n");
    text += &csv_line(
        &["2026/03/04 9:12:31 AM GMT+1", "a@lyceum.nl", "Lyceum Zuid", "Tweede lijn", "Ja", "Grotendeels", "Ja"],
        ',',
        false,
        "\n",
    );
    text += &csv_line(
        &["2026/03/04 9:30:02 AM GMT+1", "b@lyceum.nl", "Lyceum Zuid", "Tweede lijn", "Nee", "Gedeeltelijk", "Ja"],
        ',',
        false,
        "\n",
    );
    std::fs::write(input.join("LOB zelfscan (Antwoorden) - Formulierreacties 1.csv"), text).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = counts(&output);
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(2), Some(2)));
    // ja, grotendeels, ja = 8/9 = 88.89; nee, gedeeltelijk (= deels), ja = 4/9 = 44.44
    // → line 2: 66.67. Visie en beleid: (3+2)/6 = 83.33 and (0+1)/6 = 16.67 → 50.00.
    assert_eq!(group(&output, "Lyceum Zuid", "2026", "2", "ALL", "ALL")[6], "66.67");
    assert_eq!(group(&output, "Lyceum Zuid", "2026", "2", "VB", "ALL")[6], "50.00");
    let m = mappings(&output);
    assert_eq!(m.len(), 4, "three grid columns listed: {m:?}");
    assert!(m[1..].iter().all(|r| r[5] == "grid" && r[6] == "1.000"));
    assert_eq!((m[1][2].as_str(), m[1][4].as_str()), ("E1", "L2-VB-R1"));
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("Google Forms export herkend"), "{}", v.stdout);
}

#[test]
fn limesurvey_csv_utf8_bom_every_field_quoted_semicolons() {
    let t = texts();
    let (dir, input, output) = tempdir();
    let q = "Hoe ver bent u als coördinator?";
    let head = [
        "id".to_string(),
        "submitdate".into(),
        "lastpage".into(),
        "startlanguage".into(),
        "seed".into(),
        "Instelling".into(),
        "Lijn".into(),
        format!("{q} [{}]", t["L3-VB-R1"]),
        format!("{q} [{}]", t["L3-VB-R2"]),
        // The old wording ("organisaties"): matched by similarity inside the brackets.
        format!("{q} [Onderhouden contacten met landelijke organisaties op het gebied van LOB]"),
    ];
    let line = |f: &[&str]| csv_line(f, ';', true, "\r\n");
    let mut text = String::from("\u{feff}");
    text += &line(&head.iter().map(String::as_str).collect::<Vec<_>>());
    text += &line(&["1", "2026-03-04 09:12:31", "3", "nl", "1934", "ROC Rivierenland", "3", "Ja", "Ja", "Nee"]);
    text +=
        &line(&["2", "2026-03-04 10:01:12", "3", "nl", "2201", "ROC Rivierenland", "3", "Grotendeels", "Nee", "Ja"]);
    // The same response id twice in one file: the second is a duplicate.
    text += &line(&["2", "2026-03-05 08:00:00", "3", "nl", "2202", "ROC Rivierenland", "3", "Ja", "Ja", "Ja"]);
    std::fs::write(input.join("results-survey845123.csv"), text).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = counts(&output);
    assert_eq!(c["rows_read"], 3);
    assert_eq!(c["respondents_scored"], 2);
    assert_eq!(c["respondents_rejected"], 1);
    // 3+3+0 = 6/9 = 66.67; 2+0+3 = 5/9 = 55.56 → 61.11.
    assert_eq!(group(&output, "ROC Rivierenland", "2026", "3", "ALL", "ALL")[6], "61.11");
    let rej = read_csv(&output.join("data/rejections.csv"));
    let dup = rej.iter().find(|r| r[3] == "row").unwrap();
    assert_eq!(dup[2], "A4", "the later row, where it stands");
    assert!(dup[5].contains("results-survey845123.csv / csv / A3"), "the first one named: {}", dup[5]);
    let m = mappings(&output);
    let sim = m.iter().find(|r| r[4] == "L3-SW-R4").unwrap();
    assert_eq!(sim[5], "similar");
    // "organisaties" for "organisatie": one letter in 71 → 70/71 = 0.986.
    assert_eq!(sim[6], "0.986");
}

#[test]
fn qualtrics_csv_three_header_rows() {
    let t = texts();
    let (dir, input, output) = tempdir();
    let meta = [
        ("StartDate", "Start Date", "startDate"),
        ("EndDate", "End Date", "endDate"),
        ("Status", "Response Type", "status"),
        ("IPAddress", "IP Address", "ipAddress"),
        ("Progress", "Progress", "progress"),
        ("Duration (in seconds)", "Duration (in seconds)", "duration"),
        ("Finished", "Finished", "finished"),
        ("RecordedDate", "Recorded Date", "recordedDate"),
        ("ResponseId", "Response ID", "_recordId"),
        ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
        ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
        ("RecipientEmail", "Recipient Email", "recipientEmail"),
        ("ExternalReference", "External Data Reference", "externalDataReference"),
        ("LocationLatitude", "Location Latitude", "locationLatitude"),
        ("LocationLongitude", "Location Longitude", "locationLongitude"),
        ("DistributionChannel", "Distribution Channel", "distributionChannel"),
        ("UserLanguage", "User Language", "userLanguage"),
    ];
    let q = |id: &str| format!("Zelfevaluatie - {}", t[id]);
    let questions = [
        ("Q1".to_string(), "Instelling".to_string(), "QID1".to_string()),
        ("Q2".into(), "Lijn".into(), "QID2".into()),
        ("Q5_1".into(), q("L1-SW-R1"), "QID5_1".into()),
        ("Q5_2".into(), q("L1-SW-R2"), "QID5_2".into()),
        ("Q5_3".into(), "Zelfevaluatie - L1-SW-D1".into(), "QID5_3".into()),
    ];
    let mut ids: Vec<String> = meta.iter().map(|m| m.0.to_string()).collect();
    let mut labels: Vec<String> = meta.iter().map(|m| m.1.to_string()).collect();
    let mut imports: Vec<String> =
        meta.iter().map(|m| format!("{{\"ImportId\":\"{}\",\"timeZone\":\"Europe/Amsterdam\"}}", m.2)).collect();
    for (i, l, im) in &questions {
        ids.push(i.clone());
        labels.push(l.clone());
        imports.push(format!("{{\"ImportId\":\"{im}\"}}"));
    }
    let row = |resp: &str, answers: [&str; 3]| -> Vec<String> {
        let mut v: Vec<String> = vec![
            "2026-03-04 09:12:31",
            "2026-03-04 09:20:02",
            "IP Address",
            "145.1.2.3",
            "100",
            "451",
            "True",
            "2026-03-04 09:20:03",
            resp,
            "",
            "",
            "",
            "",
            "52.09",
            "5.12",
            "anonymous",
            "NL",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        v.push("College De Brug".into());
        v.push("1".into());
        v.extend(answers.iter().map(|a| a.to_string()));
        v
    };
    let mut text = String::from("\u{feff}");
    for r in [
        ids,
        labels,
        imports,
        row("R_1a2B3c", ["Ja", "Nee", "Ja"]),
        row("R_4d5E6f", ["Grotendeels", "Grotendeels", "Enigszins"]),
    ] {
        text += &csv_line(&r.iter().map(String::as_str).collect::<Vec<_>>(), ',', false, "\r\n");
    }
    std::fs::write(input.join("LOB_zelfscan_4 maart 2026_09.30.csv"), text).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = counts(&output);
    // Two responses; the id row, the text row and the ImportId row are header rows.
    assert_eq!(c["rows_read"], 2);
    assert_eq!(c["respondents_scored"], 2);
    assert_eq!(c["answers_rejected"], 0, "no ImportId text read as an answer");
    // 3+0+3 = 6/9 = 66.67; 2+2+1 = 5/9 = 55.56 → 61.11.
    assert_eq!(group(&output, "College De Brug", "2026", "1", "ALL", "ALL")[6], "61.11");
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert!(rej[1..].iter().all(|r| r[3] == "column"), "only metadata columns listed: {rej:?}");
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("Qualtrics export herkend"), "{}", v.stdout);
    assert!(v.stdout.contains("2 extra kopregel(s) herkend en overgeslagen"), "{}", v.stdout);
}

#[test]
fn qualtrics_tsv_in_utf16() {
    // Qualtrics' TSV download: UTF-16 LE with a byte-order mark, tab-separated.
    let t = texts();
    let (dir, input, output) = tempdir();
    let lines = [
        vec!["ResponseId".to_string(), "Q1".into(), "Q2".into(), "Q3".into()],
        vec!["Response ID".into(), "Instelling".into(), "Lijn".into(), format!("Zelfevaluatie - {}", t["L2-OR-D4"])],
        vec![
            "{\"ImportId\":\"_recordId\"}".into(),
            "{\"ImportId\":\"QID1\"}".into(),
            "{\"ImportId\":\"QID2\"}".into(),
            "{\"ImportId\":\"QID3\"}".into(),
        ],
        vec!["R_1".into(), "Vakcollege Oost".into(), "2".into(), "Ja".into()],
    ];
    let text: String = lines.iter().map(|l| l.join("\t") + "\r\n").collect();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(input.join("export.tsv"), bytes).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    assert_eq!(lobmonitor(dir.path(), &["run"]).code, 0);
    assert_eq!(counts(&output)["respondents_scored"], 1);
    assert_eq!(group(&output, "Vakcollege Oost", "2026", "2", "OR", "D")[6], "100.00");
}

#[test]
fn surveymonkey_xlsx_two_header_rows_with_merged_question() {
    let t = texts();
    let (dir, input, output) = tempdir();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet").unwrap();
    let fixed = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ];
    for (c, h) in fixed.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(0, 9, "Instelling").unwrap();
    ws.write_string(1, 9, "Response").unwrap();
    ws.write_string(0, 10, "Lijn").unwrap();
    ws.write_string(1, 10, "Response").unwrap();
    // The matrix question over its two statements, merged as SurveyMonkey writes it.
    ws.merge_range(0, 11, 0, 12, "Deskundigheid Visie en beleid", &Format::new()).unwrap();
    ws.write_string(1, 11, &t["L2-VB-D1"]).unwrap();
    ws.write_string(1, 12, &t["L2-VB-D2"]).unwrap();
    let rows = [("114001", ["Ja", "Ja"]), ("114002", ["Nee", "Grotendeels"])];
    for (i, (id, ans)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_number(r, 0, id.parse::<f64>().unwrap()).unwrap();
        ws.write_number(r, 1, 4321.0).unwrap();
        ws.write_string(r, 2, "03/04/2026 09:12:31 AM").unwrap();
        ws.write_string(r, 5, "x@school.nl").unwrap();
        ws.write_string(r, 9, "Stedelijk Lyceum").unwrap();
        ws.write_string(r, 10, "Tweede lijn").unwrap();
        ws.write_string(r, 11, ans[0]).unwrap();
        ws.write_string(r, 12, ans[1]).unwrap();
    }
    wb.save(input.join("Data_All_260304.xlsx")).unwrap();
    config(dir.path(), &format!("{LENIENT}year = 2026\n"));
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = counts(&output);
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(2), Some(2)));
    // ja, ja = 100; nee, grotendeels = 2/6 = 33.33 → 66.67.
    assert_eq!(group(&output, "Stedelijk Lyceum", "2026", "2", "VB", "D")[6], "66.67");
    let rej = read_csv(&output.join("data/rejections.csv"));
    let cols: Vec<&str> = rej.iter().filter(|r| r[3] == "column").map(|r| r[4].as_str()).collect();
    assert!(cols.contains(&"Collector ID") && cols.contains(&"Email Address"), "{cols:?}");
    assert!(!rej.iter().any(|r| r[3] == "row"), "{rej:?}");
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("SurveyMonkey export herkend"), "{}", v.stdout);
}

#[test]
fn dutch_excel_csv_semicolons_in_windows_1252() {
    let (dir, input, output) = tempdir();
    // "Opslaan als CSV (gescheiden door lijstscheidingsteken)": ; and ANSI, ë = 0xEB.
    let mut bytes: Vec<u8> = b"Respondent;Instelling;Schooljaar;Lijn;L1-VB-R1;L1-VB-R2\r\n".to_vec();
    bytes.extend(b"r1;Ori\xebnt College;2025-2026;1;ja;nee\r\n");
    bytes.extend(b"r2;Ori\xebnt College;2025-2026;1;ja;ja\r\n");
    std::fs::write(input.join("zelfscan.csv"), bytes).unwrap();
    config(dir.path(), LENIENT);
    assert_eq!(lobmonitor(dir.path(), &["run"]).code, 0);
    // 50 and 100 → 75; the name decoded from Windows-1252.
    assert_eq!(group(&output, "Oriënt College", "2026", "1", "ALL", "ALL")[6], "75.00");
    assert_eq!(status(&output, "zelfscan.csv"), "accepted");
}

#[test]
fn a_text_file_without_a_survey_is_ignored_with_its_reason() {
    let (dir, input, output) = tempdir();
    write_xlsx(
        &input.join("a.xlsx"),
        vec![
            info("School A", 2026, "vo"),
            sheet("1e lijn", vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("1"), s("ja")]]),
        ],
    );
    std::fs::write(input.join("notities.txt"), "Bel maandag de decaan.\nAgenda: LOB-overleg\n").unwrap();
    config(dir.path(), LENIENT);
    assert_eq!(lobmonitor(dir.path(), &["run"]).code, 0);
    assert_eq!(status(&output, "notities.txt"), "ignored");
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("notities.txt: genegeerd"), "{}", v.stdout);
    assert!(v.stdout.contains("tekstbestand zonder vragenlijsttabel"), "{}", v.stdout);
}

#[test]
fn a_legend_row_gives_numbers_their_meaning_and_without_one_they_are_refused() {
    let (dir, input, output) = tempdir();
    let head =
        || vec![s("Respondent"), s("Instelling"), s("Jaar"), s("Lijn"), s("L1-VB-R1"), s("L1-VB-R2"), s("L1-VB-R3")];
    let row = |id: &'static str, inst: &'static str, v: [C; 3]| {
        let [a, b, c] = v;
        vec![s(id), s(inst), C::N(2026.0), C::N(1.0), a, b, c]
    };
    write_xlsx(
        &input.join("schaal.xlsx"),
        vec![sheet(
            "Antwoorden",
            vec![
                vec![s("Legenda: 0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja")],
                head(),
                row("1", "School A", [C::N(3.0), C::N(2.0), C::N(1.0)]),
                row("2", "School A", [C::N(0.0), C::N(1.0), C::N(3.0)]),
            ],
        )],
    );
    write_xlsx(
        &input.join("zonder-legenda.xlsx"),
        vec![sheet(
            "Antwoorden",
            vec![
                head(),
                row("1", "School B", [C::N(3.0), C::N(2.0), C::N(1.0)]),
                row("2", "School B", [C::N(0.0), C::N(1.0), s("ja")]),
            ],
        )],
    );
    write_xlsx(
        &input.join("teams-noord.xlsx"),
        vec![sheet("Antwoorden", vec![head(), row("1", "School C", [C::N(3.0), C::N(2.0), C::N(1.0)])])],
    );
    config(
        dir.path(),
        &format!("{LENIENT}[[answers]]\nfiles = \"teams-*.xlsx\"\n\"0\" = \"nee\"\n\"1\" = \"enigszins\"\n\"2\" = \"grotendeels\"\n\"3\" = \"ja\"\n"),
    );
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    // School A by its legend: 3+2+1 = 6/9 = 66.67 and 0+1+3 = 4/9 = 44.44 → 55.56
    // (read as 1 = ja, 2 and 3 refused, it would have been 100 and 33.33).
    assert_eq!(group(&output, "School A", "2026", "1", "ALL", "ALL")[6], "55.56");
    // School C by the config: 66.67.
    assert_eq!(group(&output, "School C", "2026", "1", "ALL", "ALL")[6], "66.67");
    // School B has no legend: every number refused, only the "ja" scored → 100, n = 1;
    // its first respondent has no valid answer left.
    let b = group(&output, "School B", "2026", "1", "ALL", "ALL");
    assert_eq!((b[5].as_str(), b[6].as_str()), ("1", "100.00"));
    let rej = read_csv(&output.join("data/rejections.csv"));
    let b_rej: Vec<&Vec<String>> = rej.iter().filter(|r| r[0] == "zonder-legenda.xlsx").collect();
    let sheet_level = b_rej.iter().filter(|r| r[3] == "file").count();
    assert_eq!(sheet_level, 1, "one sheet-level reason");
    assert!(b_rej.iter().any(|r| r[3] == "file" && r[5].contains("getallen 0–3 gevonden: welke betekent ja?")));
    assert_eq!(b_rej.iter().filter(|r| r[3] == "answer").count(), 5, "each number listed");
    let c = counts(&output);
    // Rows: A 2, B 2, C 1 = 5; B's first rejected. Answers 15: rejected 5 (B's numbers).
    assert_eq!((c["rows_read"].as_u64(), c["respondents_rejected"].as_u64()), (Some(5), Some(1)));
    assert_eq!(c["answers_rejected"], 5);
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(
        v.stdout
            .contains("getallen gelezen volgens de legenda «Legenda: 0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja»"),
        "{}",
        v.stdout
    );
    assert!(v.stdout.contains("[[answers]] files = \"teams-*.xlsx\""), "{}", v.stdout);
}

#[test]
fn a_total_sheet_of_formulas_is_derived_and_repeated_rows_count_once() {
    let (dir, input, output) = tempdir();
    let mut wb = Workbook::new();
    let info_ws = wb.add_worksheet();
    info_ws.set_name("Info").unwrap();
    info_ws.write_string(0, 0, "Instelling").unwrap();
    info_ws.write_string(0, 1, "Het Kompas").unwrap();
    info_ws.write_string(1, 0, "Jaar").unwrap();
    info_ws.write_number(1, 1, 2026.0).unwrap();
    let teams = [("Team A", [["ja", "ja"], ["nee", "ja"]]), ("Team B", [["ja", "nee"], ["enigszins", "nee"]])];
    for (name, rows) in &teams {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (c, h) in ["Lijn", "L1-VB-R1", "L1-VB-R2"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (i, r) in rows.iter().enumerate() {
            ws.write_number(i as u32 + 1, 0, 1.0).unwrap();
            ws.write_string(i as u32 + 1, 1, r[0]).unwrap();
            ws.write_string(i as u32 + 1, 2, r[1]).unwrap();
        }
    }
    // A pasted copy of Team A's rows (values, not formulas): the same two people.
    let ws = wb.add_worksheet();
    ws.set_name("Kopie Team A").unwrap();
    for (c, h) in ["Lijn", "L1-VB-R1", "L1-VB-R2"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, r) in teams[0].1.iter().enumerate() {
        ws.write_number(i as u32 + 1, 0, 1.0).unwrap();
        ws.write_string(i as u32 + 1, 1, r[0]).unwrap();
        ws.write_string(i as u32 + 1, 2, r[1]).unwrap();
    }
    // The total: formulas pointing at the team sheets (Excel caches their values; this
    // writer caches 0, as Excel does for an empty cell).
    let ws = wb.add_worksheet();
    ws.set_name("Totaal").unwrap();
    for (c, h) in ["Lijn", "L1-VB-R1", "L1-VB-R2"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (k, (name, _)) in teams.iter().enumerate() {
        for i in 0..2u32 {
            let r = 1 + k as u32 * 2 + i;
            for (c, col) in ["A", "B", "C"].iter().enumerate() {
                ws.write_formula(r, c as u16, Formula::new(format!("='{name}'!{col}{}", i + 2))).unwrap();
            }
        }
    }
    wb.save(input.join("teams.xlsx")).unwrap();
    config(dir.path(), LENIENT);
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "the copied rows are listed: {}", run.stderr);
    let c = counts(&output);
    // Team A 2 + Team B 2 + copy 2 = 6 rows read; the copy's 2 are duplicates; the
    // total sheet is not read at all.
    assert_eq!(c["rows_read"], 6);
    assert_eq!(c["respondents_scored"], 4);
    assert_eq!(c["respondents_rejected"], 2);
    // 100, 50, 50, 1/6 = 16.67 → 54.17 (n = 4, not 8 with the total's zeros).
    let g = group(&output, "Het Kompas", "2026", "1", "ALL", "ALL");
    assert_eq!((g[5].as_str(), g[6].as_str()), ("4", "54.17"));
    let rej = read_csv(&output.join("data/rejections.csv"));
    let dups: Vec<&Vec<String>> = rej.iter().filter(|r| r[3] == "row").collect();
    assert_eq!(dups.len(), 2);
    assert_eq!(dups[0][1], "Kopie Team A");
    assert!(dups[0][5].contains("teams.xlsx / Team A / A2"), "{}", dups[0][5]);
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("opmerking Totaal: afgeleid blad"), "{}", v.stdout);
}

#[test]
fn a_transposed_sheet_with_its_identity_in_the_title_row() {
    let t = texts();
    let (dir, input, output) = tempdir();
    let rows = vec![
        vec![s("LOB-zelfscan 1e lijn – Het Baken College – schooljaar 2025-2026")],
        vec![],
        vec![s("Item"), s("Omschrijving"), s("Docent 1"), s("Docent 2")],
        vec![s("L1-VB-R1"), C::T(t["L1-VB-R1"].clone()), s("ja"), s("nee")],
        vec![s("L1-VB-R2"), C::T(t["L1-VB-R2"].clone()), s("ja"), s("ja")],
        vec![s("L1-VB-R3"), C::T(t["L1-VB-R3"].clone()), s("nee"), s("misschien")],
    ];
    write_xlsx(&input.join("handmatig.xlsx"), vec![sheet("Blad1", rows)]);
    config(dir.path(), LENIENT);
    let run = lobmonitor(dir.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let c = counts(&output);
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(2), Some(2)));
    // Docent 1: ja, ja, nee = 6/9 = 66.67; Docent 2: nee, ja (misschien refused) = 3/6
    // = 50 → 58.33, for the institution and year of the title row.
    assert_eq!(group(&output, "Het Baken College", "2026", "1", "ALL", "ALL")[6], "58.33");
    let rej = read_csv(&output.join("data/rejections.csv"));
    assert_eq!(rej.len(), 2, "{rej:?}");
    let bad = &rej[1];
    assert_eq!((bad[2].as_str(), bad[4].as_str()), ("D6", "misschien"), "named where it stands in the file");
    let v = lobmonitor(dir.path(), &["validate", "input"]);
    assert!(v.stdout.contains("gekanteld blad gelezen"), "{}", v.stdout);
    assert!(v.stdout.contains("instelling «Het Baken College» uit de titelregel"), "{}", v.stdout);
    assert!(v.stdout.contains("jaar «2026» uit de titelregel"), "{}", v.stdout);
}

#[test]
fn invisible_characters_not_applicable_and_dates_as_dates() {
    let (dir, input, output) = tempdir();
    let rows = vec![
        vec![s("Respondent"), s("L1-VB-R1\u{200B}"), s("L1-VB-R2"), s("L1-VB-R3")],
        vec![s("1"), s("ja"), s("Not applicable"), C::Date],
    ];
    write_xlsx(&input.join("web.xlsx"), vec![info("School W", 2026, "vo"), sheet("1e lijn", rows)]);
    config(dir.path(), LENIENT);
    assert_eq!(lobmonitor(dir.path(), &["run"]).code, 3);
    let c = counts(&output);
    assert_eq!(
        (c["answers_scored"].as_u64(), c["answers_na"].as_u64(), c["answers_rejected"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    let m = mappings(&output);
    assert_eq!(m[1][4..6], ["L1-VB-R1".to_string(), "invisible_characters".to_string()]);
    assert_eq!(m[1][3], "L1-VB-R1\\u{200B}", "the header shows what was there");
    let rej = read_csv(&output.join("data/rejections.csv"));
    let date = rej.iter().find(|r| r[3] == "answer").unwrap();
    assert_eq!((date[2].as_str(), date[4].as_str()), ("D2", "2026-03-01"), "a date, not 46082");
}

#[test]
fn the_same_survey_in_two_formats_is_read_once() {
    let (dir, input, output) = tempdir();
    let rows = [
        ["Respondent", "Instelling", "Jaar", "Lijn", "L1-VB-R1"],
        ["1", "School D", "2026", "1", "ja"],
        ["2", "School D", "2026", "1", "nee"],
    ];
    let text: String = rows.iter().map(|r| csv_line(r, ';', false, "\r\n")).collect();
    std::fs::write(input.join("export.csv"), text).unwrap();
    write_xlsx(
        &input.join("export.xlsx"),
        vec![sheet("Blad1", rows.iter().map(|r| r.iter().map(|v| C::T(v.to_string())).collect()).collect())],
    );
    config(dir.path(), LENIENT);
    assert_eq!(lobmonitor(dir.path(), &["run"]).code, 0);
    let c = counts(&output);
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(2), Some(2)));
    assert_eq!(status(&output, "export.csv"), "accepted");
    assert_eq!(status(&output, "export.xlsx"), "duplicate");
}
