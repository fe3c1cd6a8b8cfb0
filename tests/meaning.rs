//! SPEC §3.5 "What people mean", issue #21 items 3–6: summary rows under the data, one
//! institution however it is spelled, one explanation per cause, and a status and exit
//! code that tell the truth. Every fixture is built here, in the shapes people make;
//! scores are computed by hand beside each assertion.

mod common;

use std::path::Path;

use common::*;
use rust_xlsxwriter::{Formula, Workbook};

const LENIENT: &str = "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n";

fn config(dir: &Path, text: &str) {
    std::fs::write(dir.join("lobmonitor.toml"), text).unwrap();
}

/// The first four line-1 items.
fn four() -> Vec<String> {
    items_of_line(1).into_iter().take(4).collect()
}

/// A response sheet "1e lijn": Respondent and the four items, then the rows.
fn line1(rows: Vec<Vec<C>>) -> SheetSpec {
    let mut all = vec![header(&four())];
    all.extend(rows);
    sheet("1e lijn", all)
}

fn answers(id: &str, a: [&'static str; 4]) -> Vec<C> {
    std::iter::once(C::T(id.into())).chain(a.iter().map(|x| s(x))).collect()
}

/// The `group_scores.csv` row (n, score) of an institution's line 1, whole scope.
fn line1_score(output: &Path, inst: &str, year: &str) -> (String, String) {
    let r = read_csv(&output.join("data/group_scores.csv"))
        .into_iter()
        .find(|r| r[0] == year && r[1] == inst && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap_or_else(|| panic!("no group {inst} {year}"));
    (r[5].clone(), r[6].clone())
}

fn rejections_of(output: &Path, file: &str) -> Vec<Vec<String>> {
    read_csv(&output.join("data/rejections.csv")).into_iter().filter(|r| r[0] == file).collect()
}

fn input_status(output: &Path, path: &str) -> String {
    let m = manifest(output);
    let f = m["inputs"].as_array().unwrap().iter().find(|f| f["path"] == path).unwrap_or_else(|| panic!("{path}"));
    f["status"].as_str().unwrap().to_string()
}

/// A school with five clean respondents, so a run always has something to score.
fn good_school(input: &Path) {
    let rows = (1..=5).map(|i| answers(&format!("g{i}"), ["ja", "ja", "nee", "ja"])).collect();
    write_xlsx(&input.join("goed.xlsx"), vec![info("School G", 2026, "vo"), line1(rows)]);
}

#[test]
fn summary_rows_under_the_data_are_listed_counted_and_never_read() {
    let (t, input, output) = tempdir();
    config(t.path(), LENIENT);
    // Three respondents, then what people put under the data: an "Aantal" row of
    // counts (3s: read as answers they would make the sheet a 0–3 scale), a
    // "Gemiddelde" row of averages, and a row of AVERAGE formulas with cached values
    // and no label.
    let ids = four();
    let mut wb = Workbook::new();
    let info_ws = wb.add_worksheet();
    info_ws.set_name("Info").unwrap();
    info_ws.write_string(0, 0, "Instelling").unwrap();
    info_ws.write_string(0, 1, "School S").unwrap();
    info_ws.write_string(1, 0, "Jaar").unwrap();
    info_ws.write_number(1, 1, 2026).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("1e lijn").unwrap();
    ws.write_string(0, 0, "Respondent").unwrap();
    for (c, id) in ids.iter().enumerate() {
        ws.write_string(0, c as u16 + 1, id).unwrap();
    }
    let data = [
        ["r1", "ja", "ja", "nee", "grotendeels"],
        ["r2", "ja", "enigszins", "ja", "ja"],
        ["r3", "nee", "nee", "enigszins", "ja"],
    ];
    for (r, row) in data.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    ws.write_string(4, 0, "Aantal").unwrap();
    ws.write_string(5, 0, "Gemiddelde").unwrap();
    for c in 1..=4u16 {
        ws.write_number(4, c, 3).unwrap();
        ws.write_number(5, c, 0.67).unwrap();
        let col = (b'A' + c as u8) as char;
        ws.write_formula(6, c, Formula::new(format!("=AVERAGE({col}2:{col}4)")).set_result("0.67")).unwrap();
    }
    wb.save(input.join("school-s.xlsx")).unwrap();

    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "summary rows are not rejections: {}", run.stderr);
    // r1 (3+3+0+2)/12 = 66.67, r2 (3+1+3+3)/12 = 83.33, r3 (0+0+1+3)/12 = 33.33;
    // mean 183.33/3 = 61.11. Read as answers, the 3s would have made every number
    // ambiguous and the averages rejected answers.
    assert_eq!(line1_score(&output, "School S", "2026"), ("3".into(), "61.11".into()));
    let m = manifest(&output);
    assert_eq!(m["counts"]["rows_read"], 3, "summary rows are not rows read");
    assert_eq!(m["counts"]["rows_summary"], 3);
    assert_eq!(m["counts"]["respondents_scored"], 3);
    assert_eq!(m["counts"]["answers_read"], 12);
    assert_eq!(m["reconciled"], true);
    assert_eq!(input_status(&output, "school-s.xlsx"), "accepted");
    let rej = rejections_of(&output, "school-s.xlsx");
    let listed: Vec<(&str, &str, &str)> = rej.iter().map(|r| (r[2].as_str(), r[3].as_str(), r[4].as_str())).collect();
    assert_eq!(listed, vec![("A5", "row", "Aantal"), ("A6", "row", "Gemiddelde"), ("B7", "row", "")]);
    assert!(rej.iter().all(|r| r[5].starts_with("samenvattingsrij")), "{rej:?}");
    assert!(rej[2][5].contains("formules"), "the formula row says why: {}", rej[2][5]);
    // Datakwaliteit counts them; validate lists them and counts them apart.
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let value = |label: &str| dq.iter().find(|r| text(&r[0]).starts_with(label)).map(|r| num(&r[1]));
    assert_eq!(value("Samenvattingsrijen"), Some(3.0));
    assert_eq!(value("Rijen gelezen"), Some(3.0));
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert_eq!(v.code, 0, "{}", v.stdout);
    assert!(v.stdout.contains("probleem 1e lijn A6 «Gemiddelde»: samenvattingsrij"), "{}", v.stdout);
    assert!(
        v.stdout.contains("3 rijen gelezen") && v.stdout.contains("(3 samenvattingsrijen niet gelezen)"),
        "{}",
        v.stdout
    );
}

#[test]
fn totals_labelled_in_an_identity_column_and_in_english_are_summary_rows_too() {
    let (t, input, output) = tempdir();
    config(t.path(), LENIENT);
    // Institution and year per row (copied down), "Total" in the respondent column.
    let ids = four();
    let mut head = vec![s("Instelling"), s("Jaar"), s("Respondent")];
    head.extend(ids.iter().map(|i| C::T(i.clone())));
    let row = |id: &'static str, a: [&'static str; 4]| {
        let mut r = vec![s("School E"), C::N(2026.0), s(id)];
        r.extend(a.iter().map(|x| s(x)));
        r
    };
    let rows = vec![
        head,
        row("e1", ["yes", "yes", "no", "no"]),
        row("e2", ["yes", "largely", "yes", "yes"]),
        vec![s("School E"), C::N(2026.0), s("Total"), C::N(2.0), C::N(1.0), C::N(1.0), C::N(1.0)],
    ];
    write_xlsx(&input.join("english.xlsx"), vec![sheet("Line 1", rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // e1 (3+3+0+0)/12 = 50, e2 (3+2+3+3)/12 = 91.67; mean 70.83.
    assert_eq!(line1_score(&output, "School E", "2026"), ("2".into(), "70.83".into()));
    let rej = rejections_of(&output, "english.xlsx");
    assert_eq!(rej.len(), 1, "{rej:?}");
    assert_eq!((rej[0][2].as_str(), rej[0][3].as_str(), rej[0][4].as_str()), ("C4", "row", "Total"));
}

#[test]
fn one_institution_however_spelled_keeps_its_series_its_files_and_its_code() {
    // 2025: "ROC Midden Nederland"; 2026: "ROC Midden-Nederland " (trailing space).
    let run_with = |rows_2025: usize, rows_2026: usize| {
        let (t, input, output) = tempdir();
        config(t.path(), LENIENT);
        let resp = |i: usize| {
            if i.is_multiple_of(2) {
                answers(&format!("r{i}"), ["ja", "ja", "ja", "ja"])
            } else {
                answers(&format!("r{i}"), ["ja", "ja", "nee", "nee"])
            }
        };
        write_xlsx(
            &input.join("midden-2025.xlsx"),
            vec![info("ROC Midden Nederland", 2025, "mbo"), line1((0..rows_2025).map(resp).collect())],
        );
        write_xlsx(
            &input.join("midden-2026.xlsx"),
            vec![info("ROC Midden-Nederland ", 2026, "mbo"), line1((0..rows_2026).map(resp).collect())],
        );
        let run = lobmonitor(t.path(), &["run"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        (t, output)
    };
    // 2 rows in 2025 (100, 50), 3 in 2026 (100, 50, 100): the 2026 spelling is shown.
    let (t, output) = run_with(2, 3);
    let groups = read_csv(&output.join("data/group_scores.csv"));
    let names: std::collections::BTreeSet<&str> = groups.iter().skip(1).map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["ROC Midden-Nederland"].into_iter().collect(), "one institution, spelled as most rows do");
    // 2025: (100 + 50)/2 = 75; 2026: (100 + 50 + 100)/3 = 83.33; change +8.33.
    assert_eq!(line1_score(&output, "ROC Midden-Nederland", "2025"), ("2".into(), "75.00".into()));
    assert_eq!(line1_score(&output, "ROC Midden-Nederland", "2026"), ("3".into(), "83.33".into()));
    let bench = read_csv(&output.join("data/benchmarks.csv"));
    let b = bench
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "ROC Midden-Nederland" && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL")
        .expect("a benchmark row");
    assert_eq!((b[8].as_str(), b[9].as_str()), ("2025", "8.33"), "the change follows the institution");
    // Datakwaliteit and validate list both spellings.
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let listed: Vec<(String, String)> = dq
        .iter()
        .filter(|r| r.len() > 2 && text(&r[0]) == "ROC Midden-Nederland")
        .map(|r| (text(&r[1]), text(&r[2])))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("ROC Midden Nederland".to_string(), "2".to_string()),
            ("ROC Midden-Nederland".to_string(), "3".to_string())
        ]
    );
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert!(
        v.stdout.contains("instelling «ROC Midden Nederland» (2 rijen) → «ROC Midden-Nederland»: zelfde naam"),
        "{}",
        v.stdout
    );
    let files = |output: &Path, dir: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(output.join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let portrets = files(&output, "portretten");
    assert_eq!(portrets, vec!["roc-midden-nederland-2025.xlsx", "roc-midden-nederland-2026.xlsx"]);
    let charts = files(&output, "charts/benchmark");
    // The other spelling shown (3 rows in 2025, 2 in 2026): same files, same code.
    let (_t2, other) = run_with(3, 2);
    let groups = read_csv(&other.join("data/group_scores.csv"));
    assert!(groups.iter().skip(1).all(|r| r[1] == "ROC Midden Nederland"));
    assert_eq!(files(&other, "portretten"), portrets);
    assert_eq!(files(&other, "charts/benchmark"), charts, "the pseudonym follows the folded name");
    assert!(charts.iter().any(|c| c.ends_with("-2025.csv")) && charts.iter().any(|c| c.ends_with("-2026.csv")));
}

#[test]
fn aliases_and_codes_in_the_institutions_file_name_the_institution_and_look_alikes_are_listed() {
    let (t, input, output) = tempdir();
    config(t.path(), LENIENT);
    std::fs::write(
        input.join("instellingen.csv"),
        "instelling,code,sector,regio,publiceren,aliassen\n\
         ROC Zeeland,25XX,mbo,Zeeland,nee,Scalda; ROC Westerschelde\n\
         Het Baken College,,vo,,nee,\n",
    )
    .unwrap();
    let two = |a: [&'static str; 4], b: [&'static str; 4]| line1(vec![answers("1", a), answers("2", b)]);
    // By alias (another case), by BRIN (only a BRIN on the Info sheet), and a name
    // that only looks like an entry ("Het Baken" is a word subset of "Het Baken College").
    write_xlsx(&input.join("a.xlsx"), vec![info("SCALDA", 2026, "mbo"), two(["ja"; 4], ["nee"; 4])]);
    let brin_info = sheet("Info", vec![vec![s("BRIN"), s("25xx")], vec![s("Jaar"), C::N(2026.0)]]);
    write_xlsx(&input.join("b.xlsx"), vec![brin_info, two(["ja", "ja", "nee", "nee"], ["ja"; 4])]);
    write_xlsx(&input.join("c.xlsx"), vec![info("Het Baken", 2026, "vo"), two(["ja"; 4], ["ja"; 4])]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // ROC Zeeland: 100, 0, 50, 100 → 62.5 over 4 respondents.
    assert_eq!(line1_score(&output, "ROC Zeeland", "2026"), ("4".into(), "62.50".into()));
    assert_eq!(line1_score(&output, "Het Baken", "2026"), ("2".into(), "100.00".into()));
    let groups = read_csv(&output.join("data/group_scores.csv"));
    assert!(!groups.iter().any(|r| r[1] == "SCALDA" || r[1] == "25xx" || r[1] == "Het Baken College"));
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let rows: Vec<Vec<String>> = dq.iter().map(|r| r.iter().map(text).collect()).collect();
    let has = |a: &str, b: &str, how: &str| rows.iter().any(|r| r[0] == a && r[1] == b && r[5].contains(how));
    assert!(has("ROC Zeeland", "SCALDA", "alias in het instellingenbestand"), "{rows:?}");
    assert!(has("ROC Zeeland", "25xx", "code of BRIN"), "{rows:?}");
    assert!(has("Het Baken", "Het Baken College", "lijkt op"), "{rows:?}");
}

/// The `[[answers]]` lines of a sheet-level explanation, as printed after the colon. In
/// a CSV table a line break inside a field is written `\u{A}` (one row a line, README),
/// so it is read back as one here.
fn toml_lines(reason: &str) -> String {
    let reason = reason.replace("\\u{A}", "\n").replace("\\u{a}", "\n");
    let start = reason.find(":\n[[answers]]").expect("the lines");
    reason[start + 2..].to_string()
}

#[test]
fn an_agreement_scale_gets_one_explanation_whose_lines_make_the_file_score() {
    let (t, input, output) = tempdir();
    config(t.path(), LENIENT);
    good_school(&input);
    let (hme, me, n, mo, hmo) = ("Helemaal mee eens", "Mee eens", "Neutraal", "Mee oneens", "Helemaal mee oneens");
    let rows = vec![
        answers("1", [hme, hme, me, n]),
        answers("2", [me, me, mo, hmo]),
        answers("3", [n, hme, "Weet ik niet", me]),
    ];
    write_xlsx(&input.join("likert.xlsx"), vec![info("School L", 2026, "vo"), line1(rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one summary line, no message per row: {}", run.stderr);
    assert_eq!(input_status(&output, "likert.xlsx"), "rejected", "nothing of it was accepted");
    let rej = rejections_of(&output, "likert.xlsx");
    let sheet_rows: Vec<&Vec<String>> = rej.iter().filter(|r| r[3] == "sheet").collect();
    assert_eq!(sheet_rows.len(), 1, "one explanation: {rej:?}");
    let e = sheet_rows[0];
    // Counts: Mee eens 1 + 2 + 1 = 4, Helemaal mee eens 2 + 1 = 3, Neutraal 2, the rest 1.
    assert_eq!(
        e[4],
        "Mee eens (4); Helemaal mee eens (3); Neutraal (2); Helemaal mee oneens (1); Mee oneens (1); Weet ik niet (1)"
    );
    let lines = toml_lines(&e[5]);
    assert_eq!(
        lines,
        "[[answers]]\nfiles = \"likert.xlsx\"\n\"Mee eens\" = \"grotendeels\"\n\"Helemaal mee eens\" = \"ja\"\n\
         \"Neutraal\" = \"enigszins\"\n\"Helemaal mee oneens\" = \"nee\"\n\"Mee oneens\" = \"nee\"\n\
         # \"Weet ik niet\" = \"\"  (ja, grotendeels, enigszins, nee of n.v.t.)\n"
    );
    // The cells stay listed, and the explanation leads the file's listing and the CSV.
    assert_eq!(rej.iter().filter(|r| r[3] == "answer").count(), 12);
    assert_eq!(read_csv(&output.join("data/rejections.csv"))[1][3], "sheet");
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    assert_eq!(text(&dq[2][0]), "Eerst dit: één uitleg per oorzaak (1)");
    assert!(text(&dq[4][5]).contains("[[answers]]"));
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert_eq!(v.code, 3);
    assert!(
        v.stdout.starts_with("Eerst dit: één uitleg per oorzaak:\n  input/likert.xlsx / 1e lijn: Antwoorden die"),
        "{}",
        v.stdout
    );

    // Pasted into the config, the lines make the file score.
    config(t.path(), &format!("{LENIENT}{lines}"));
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "the one unknown answer is still rejected: {}", run.stderr);
    // r1 (3+3+2+1)/12 = 75, r2 (2+2+0+0)/12 = 33.33, r3 (1+3+2)/9 = 66.67 ("Weet ik
    // niet" left out); mean 175/3 = 58.33.
    assert_eq!(line1_score(&output, "School L", "2026"), ("3".into(), "58.33".into()));
    assert_eq!(input_status(&output, "likert.xlsx"), "partial");
    let rej = rejections_of(&output, "likert.xlsx");
    assert_eq!(rej.len(), 1, "only the one unknown answer, no explanation for one cell: {rej:?}");
}

#[test]
fn a_one_to_five_scale_gets_one_explanation_whose_lines_make_the_file_score() {
    let (t, input, output) = tempdir();
    config(t.path(), LENIENT);
    good_school(&input);
    let n = |v: f64| C::N(v);
    let row = |id: &'static str, a: [f64; 4]| std::iter::once(s(id)).chain(a.iter().map(|x| n(*x))).collect();
    let rows = vec![row("1", [5.0, 4.0, 3.0, 2.0]), row("2", [1.0, 5.0, 5.0, 4.0]), row("3", [3.0, 3.0, 1.0, 5.0])];
    write_xlsx(&input.join("schaal.xlsx"), vec![info("School V", 2026, "vo"), line1(rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3);
    let rej = rejections_of(&output, "schaal.xlsx");
    let e: Vec<&Vec<String>> = rej.iter().filter(|r| r[3] == "sheet").collect();
    assert_eq!(e.len(), 1, "{rej:?}");
    assert!(e[0][5].starts_with("getallen 1–5 gevonden: welke betekent ja?"), "{}", e[0][5]);
    // 5: 1 + 2 + 1 = 4; 3: 1 + 0 + 2 = 3; 1: 2; 4: 2; 2: 1.
    assert_eq!(e[0][4], "5 (4); 3 (3); 1 (2); 4 (2); 2 (1)");
    let lines = toml_lines(&e[0][5]);
    assert_eq!(
        lines,
        "[[answers]]\nfiles = \"schaal.xlsx\"\n\"5\" = \"ja\"\n\"3\" = \"enigszins\"\n\"1\" = \"nee\"\n\
         \"4\" = \"grotendeels\"\n\"2\" = \"enigszins\"\n"
    );
    assert_eq!(rej.iter().filter(|r| r[3] == "answer").count(), 12, "every number still listed");
    config(t.path(), &format!("{LENIENT}{lines}"));
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "everything scores: {}", run.stderr);
    // 1 nee, 2 and 3 enigszins, 4 grotendeels, 5 ja. r1 (3+2+1+1)/12 = 58.33,
    // r2 (0+3+3+2)/12 = 66.67, r3 (1+1+0+3)/12 = 41.67; mean 166.67/3 = 55.56.
    assert_eq!(line1_score(&output, "School V", "2026"), ("3".into(), "55.56".into()));
    assert_eq!(input_status(&output, "schaal.xlsx"), "accepted");
}

#[test]
fn a_missing_institution_shared_by_every_row_is_said_once_with_the_places_searched() {
    let (t, input, output) = tempdir();
    config(t.path(), &format!("{LENIENT}year = 2026\n"));
    good_school(&input);
    let rows = vec![answers("1", ["ja"; 4]), answers("2", ["ja"; 4]), answers("3", ["nee"; 4])];
    write_xlsx(&input.join("export_2026.xlsx"), vec![line1(rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3);
    assert_eq!(input_status(&output, "export_2026.xlsx"), "rejected");
    let rej = rejections_of(&output, "export_2026.xlsx");
    let e: Vec<&Vec<String>> = rej.iter().filter(|r| r[3] == "sheet").collect();
    assert_eq!(e.len(), 1, "{rej:?}");
    assert!(e[0][5].starts_with("elke rij van dit blad (3) is afgewezen om dezelfde reden: instelling ontbreekt"));
    assert!(e[0][5].contains("Gezocht in: een kolom instelling/institution/school/brin, het Info-blad"), "{}", e[0][5]);
    assert_eq!(rej.iter().filter(|r| r[3] == "row").count(), 3, "the rows stay listed");
    let v = lobmonitor(t.path(), &["validate", "--year", "2026", "input"]);
    assert!(v.stdout.starts_with("Eerst dit"), "{}", v.stdout);
    assert_eq!(v.stdout.matches("elke rij van dit blad").count(), 1, "{}", v.stdout);
}

fn head_with_email(all: &[String]) -> Vec<C> {
    let mut head = vec![s("Respondent"), s("E-mail")];
    head.extend(all.iter().map(|i| C::T(i.clone())));
    head
}

#[test]
fn excluded_respondents_and_ignored_columns_alone_do_not_make_exit_code_3() {
    let (t, input, output) = tempdir();
    // Default min_answered 0.5: one respondent answers 4 of 36 items → excluded. An
    // e-mail column is ignored.
    let all = items_of_line(1);
    let head = head_with_email(&all);
    let full = |id: &'static str| {
        let mut r = vec![s(id), s("x@example.org")];
        r.extend(all.iter().map(|_| s("ja")));
        r
    };
    let mut few = vec![s("9"), s("y@example.org")];
    few.extend(all.iter().enumerate().map(|(i, _)| if i < 4 { s("ja") } else { C::E }));
    let rows = vec![head, full("1"), full("2"), full("3"), full("4"), full("5"), few];
    write_xlsx(&input.join("school.xlsx"), vec![info("School X", 2026, "vo"), sheet("1e lijn", rows)]);
    let clean = vec![head_with_email(&all), full("1"), full("2"), full("3"), full("4"), full("5")];
    write_xlsx(&input.join("schoon.xlsx"), vec![info("School Y", 2026, "vo"), sheet("1e lijn", clean)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "nothing was rejected: {}", run.stderr);
    assert_eq!(input_status(&output, "school.xlsx"), "partial", "a respondent was not scored");
    assert_eq!(input_status(&output, "schoon.xlsx"), "accepted", "an ignored column alone");
    let rej = rejections_of(&output, "school.xlsx");
    assert!(rej.iter().any(|r| r[3] == "row" && r[5].starts_with("uitgesloten: 4 van 36")), "{rej:?}");
    assert!(rej.iter().any(|r| r[3] == "column" && r[4] == "E-mail"), "{rej:?}");
    let m = manifest(&output);
    assert_eq!(
        (m["counts"]["respondents_scored"].as_u64(), m["counts"]["respondents_excluded"].as_u64()),
        (Some(10), Some(1))
    );
    // One answer that is not in the table is a rejection: exit 3.
    write_xlsx(
        &input.join("schoon.xlsx"),
        vec![
            info("School Y", 2026, "vo"),
            sheet("1e lijn", {
                let mut rows = vec![full("1"), full("2")];
                rows[0][3] = s("misschien");
                std::iter::once(head_with_email(&all)).chain(rows).collect()
            }),
        ],
    );
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(input_status(&output, "schoon.xlsx"), "partial");
}
