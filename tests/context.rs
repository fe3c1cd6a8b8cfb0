//! SPEC §3.5 "What people mean", items 1 and 2 of issue 21: identity from context
//! (file and folder names, sheet names, the Info sheet), years and lines as people
//! write them, the response date as the last resort for the year. Every fixture is
//! built here in the shape people send; scores are computed by hand beside them.

mod common;

use common::*;

const SMALL: &str = "min_answered = 0.001\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n";

/// The group_scores row of (year, institution, line, area, kind).
fn group<'a>(g: &'a [Vec<String>], year: &str, inst: &str, line: &str, area: &str, kind: &str) -> &'a Vec<String> {
    g.iter()
        .find(|r| r[0] == year && r[1] == inst && r[2] == line && r[3] == area && r[4] == kind)
        .unwrap_or_else(|| panic!("no group {year} {inst} {line} {area} {kind} in {g:?}"))
}

fn rejections(output: &std::path::Path) -> Vec<Vec<String>> {
    read_csv(&output.join("data/rejections.csv"))
}

#[test]
fn file_and_folder_names_give_what_the_rows_and_sheets_leave_open() {
    let (t, input, output) = tempdir();
    std::fs::write(t.path().join("lobmonitor.toml"), SMALL).unwrap();
    // 2026/ROC Zeeland/LOB-scan 2e lijn.xlsx: items of lines 1 and 2, so only the file
    // name names the line; the folders name the institution (nearest) and the year.
    let zeeland = input.join("2026/ROC Zeeland");
    std::fs::create_dir_all(&zeeland).unwrap();
    write_xlsx(
        &zeeland.join("LOB-scan 2e lijn.xlsx"),
        vec![sheet(
            "Blad1",
            vec![
                vec![s("Respondent"), s("L1-VB-R1"), s("L2-VB-R1"), s("L2-VB-R2"), s("L2-VB-R3")],
                // ja, ja, nee = 66.67
                vec![s("z1"), C::E, s("ja"), s("ja"), s("nee")],
                // (line 1: other line) nee, enigszins, nee = 11.11
                vec![s("z2"), s("ja"), s("nee"), s("enigszins"), s("nee")],
            ],
        )],
    );
    // roc-kempenland-2025.xlsx: institution and year from the file name, line from the
    // sheet name; a row's own institution is never overruled.
    write_xlsx(
        &input.join("roc-kempenland-2025.xlsx"),
        vec![sheet(
            "1e lijn",
            vec![
                vec![s("Respondent"), s("Instelling"), s("L1-VB-R1"), s("L1-VB-R2")],
                vec![s("k1"), C::E, s("ja"), s("ja")],
                vec![s("k2"), C::E, s("nee"), s("ja")],
                vec![s("k3"), s("ROC Midden"), s("ja"), s("nee")],
            ],
        )],
    );
    // export_2026 (1).xlsx: the Info sheet names the institution but no year; the file
    // name's year fills it; the sheet name the line.
    write_xlsx(
        &input.join("export_2026 (1).xlsx"),
        vec![
            sheet("Info", vec![vec![s("Instelling"), s("Het Baken College")]]),
            sheet(
                "Lijn 3",
                vec![
                    vec![s("Respondent"), s("L3-VB-R1"), s("L3-VB-R2")],
                    vec![s("b1"), s("ja"), s("ja")],
                    vec![s("b2"), s("ja"), s("nee")],
                ],
            ),
        ],
    );
    // Two candidates in one name, and nothing else naming one: nothing is guessed.
    write_xlsx(
        &input.join("ROC Zeeland - Scalda College 2026.xlsx"),
        vec![sheet("1e lijn", vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("s1"), s("ja")]])],
    );
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let g = read_csv(&output.join("data/group_scores.csv"));
    // (66.67 + 11.11) / 2 = 38.89, n = 2.
    let z = group(&g, "2026", "ROC Zeeland", "2", "VB", "R");
    assert_eq!((z[5].as_str(), z[6].as_str()), ("2", "38.89"));
    // k1 (1 + 1)/2 = 100, k2 (0 + 1)/2 = 50: 75; k3 (1 + 0)/2 = 50 under its own name.
    let k = group(&g, "2025", "ROC Kempenland", "1", "ALL", "ALL");
    assert_eq!((k[5].as_str(), k[6].as_str()), ("2", "75.00"));
    let m = group(&g, "2025", "ROC Midden", "1", "ALL", "ALL");
    assert_eq!((m[5].as_str(), m[6].as_str()), ("1", "50.00"));
    // b1 100, b2 50: 75.
    let b = group(&g, "2026", "Het Baken College", "3", "ALL", "ALL");
    assert_eq!((b[5].as_str(), b[6].as_str()), ("2", "75.00"));
    assert!(!g.iter().any(|r| r[1].contains("Scalda") || r[1] == "Export"), "{g:?}");
    let rej = rejections(&output);
    let scalda: Vec<&Vec<String>> = rej.iter().filter(|r| r[0] == "ROC Zeeland - Scalda College 2026.xlsx").collect();
    assert_eq!(scalda.len(), 1, "{rej:?}");
    assert_eq!((scalda[0][2].as_str(), scalda[0][3].as_str()), ("A2", "row"));
    assert!(scalda[0][5].contains("de bestandsnaam noemt «ROC Zeeland» en «Scalda College»"), "{}", scalda[0][5]);
    let c = manifest(&output)["counts"].clone();
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(8), Some(7)));
    assert_eq!(c["respondents_rejected"], 1);

    // Datakwaliteit says, per sheet, where each fact came from, and so does validate.
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let said = |what: &str| dq.iter().any(|r| r.iter().any(|c| text(c).contains(what)));
    assert!(said("instelling «ROC Zeeland» uit de mapnaam «ROC Zeeland»"), "{dq:?}");
    assert!(said("lijn «2» uit de bestandsnaam"), "{dq:?}");
    let v = lobmonitor(t.path(), &["validate", "input"]);
    for said in [
        "instelling «ROC Zeeland» uit de mapnaam «ROC Zeeland»",
        "jaar «2026» uit de mapnaam «2026»",
        "lijn «2» uit de bestandsnaam",
        "instelling uit de kolom «Instelling»",
        "jaar «2025» uit de bestandsnaam",
        "lijn «1» uit de bladnaam",
        "instelling «Het Baken College» uit het Info-blad",
        "jaar «2026» uit de bestandsnaam",
        "lijn «3» uit de bladnaam",
        "de bestandsnaam noemt «ROC Zeeland» en «Scalda College»",
    ] {
        assert!(v.stdout.contains(said), "{said}\n{}", v.stdout);
    }
    // A file given by itself is read by its own name: the folders above it are the
    // user's, not the survey's.
    let alone = lobmonitor(t.path(), &["validate", "--lang", "en", "input/2026/ROC Zeeland/LOB-scan 2e lijn.xlsx"]);
    assert!(alone.stdout.contains("institution missing"), "{}", alone.stdout);
    assert!(alone.stdout.contains("line «2» from the file name"), "{}", alone.stdout);
}

#[test]
fn a_role_column_names_the_line_and_a_year_column_every_school_year_notation() {
    let (t, input, output) = tempdir();
    std::fs::write(t.path().join("lobmonitor.toml"), SMALL).unwrap();
    let header = vec![
        s("Respondent"),
        s("Rol"),
        s("Schooljaar"),
        s("L1-VB-R1"),
        s("L1-VB-R2"),
        s("L2-VB-R1"),
        s("L2-VB-R2"),
        s("L3-VB-R1"),
        s("L3-VB-R2"),
    ];
    let e = || C::E;
    let rows = vec![
        header,
        // line 1: (1 + 0)/2 = 50
        vec![s("a"), s("Docent Nederlands"), s("25-26"), s("ja"), s("nee"), e(), e(), e(), e()],
        // line 1: 100
        vec![s("b"), s("docent/mentor"), s("2025/26"), s("ja"), s("ja"), e(), e(), e(), e()],
        // line 3: (1 + 2/3)/2 = 83.33
        vec![
            s("c"),
            s("Teamleider techniek"),
            s("schooljaar 2025 - 2026"),
            e(),
            e(),
            e(),
            e(),
            s("ja"),
            s("grotendeels"),
        ],
        // decaan (lines 2 and 3) answered line-2 items only: line 2, (1 + 1/3)/2 = 66.67
        vec![s("d"), s("Decaan"), s("sj 25/26"), e(), e(), s("ja"), s("enigszins"), e(), e()],
        // LOB-coördinator answering items of lines 2 and 3: rejected, naming both lines
        vec![s("e"), s("LOB-coördinator"), s("2025-2026"), e(), e(), s("ja"), e(), s("ja"), e()],
        // roles of two lines in one value: rejected
        vec![s("f"), s("docent/teamleider"), C::N(2026.0), s("ja"), e(), e(), e(), e(), e()],
        // line 1: (2/3 + 1/3)/2 = 50
        vec![s("g"), s("Mentoren"), s("2025-'26"), s("grotendeels"), s("enigszins"), e(), e(), e(), e()],
        // a date is no school year: rejected, not read as 25-26
        vec![s("h"), s("Docent"), s("2025-26-03"), s("ja"), s("ja"), e(), e(), e(), e()],
        // line 1: 2025–2026 with an en dash, schooljaar 2025/26 written out: 0
        vec![s("i"), s("SLB'er"), s("schooljaar 2025/26"), s("nee"), s("nee"), e(), e(), e(), e()],
        vec![s("j"), s("Vakdocent"), s("2025–2026"), s("ja"), s("ja"), e(), e(), e(), e()],
    ];
    write_xlsx(&input.join("rollen.xlsx"), vec![info_without_year("ROC Rol"), sheet("Antwoorden", rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let g = read_csv(&output.join("data/group_scores.csv"));
    // Line 1: a 50, b 100, g 50, i 0, j 100 → 300 / 5 = 60.
    let l1 = group(&g, "2026", "ROC Rol", "1", "ALL", "ALL");
    assert_eq!((l1[5].as_str(), l1[6].as_str()), ("5", "60.00"));
    let l2 = group(&g, "2026", "ROC Rol", "2", "ALL", "ALL");
    assert_eq!((l2[5].as_str(), l2[6].as_str()), ("1", "66.67"));
    let l3 = group(&g, "2026", "ROC Rol", "3", "ALL", "ALL");
    assert_eq!((l3[5].as_str(), l3[6].as_str()), ("1", "83.33"));
    assert!(!g.iter().skip(1).any(|r| r[0] != "2026"), "every notation is 2026: {g:?}");
    let rej = rejections(&output);
    let rows: Vec<(&str, &str, &str)> =
        rej.iter().filter(|r| r[3] == "row").map(|r| (r[2].as_str(), r[4].as_str(), r[5].as_str())).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].0 == "A6" && rows[0].1 == "LOB-coördinator" && rows[0].2.contains("lijn 2 en 3"), "{rows:?}");
    assert!(rows[1].0 == "A7" && rows[1].2.contains("rollen van verschillende lijnen"), "{rows:?}");
    assert!(rows[2].0 == "A9" && rows[2].1 == "2025-26-03" && rows[2].2.contains("geen geldig jaar"), "{rows:?}");
    let c = manifest(&output)["counts"].clone();
    assert_eq!((c["rows_read"].as_u64(), c["respondents_scored"].as_u64()), (Some(10), Some(7)));
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert!(v.stdout.contains("lijn uit de kolom «Rol»"), "{}", v.stdout);
    assert!(v.stdout.contains("jaar uit de kolom «Schooljaar»"), "{}", v.stdout);
}

#[test]
fn config_roles_map_an_institutions_own_role_names() {
    let (t, input, output) = tempdir();
    std::fs::write(t.path().join("lobmonitor.toml"), format!("{SMALL}[roles]\n\"zorgcoördinator\" = 2\ndecaan = 3\n"))
        .unwrap();
    let rows = vec![
        vec![s("Respondent"), s("Rol"), s("L2-VB-R1"), s("L3-VB-R1")],
        // the config's role: line 2, 100
        vec![s("a"), s("Zorgcoördinatoren"), s("ja"), C::E],
        // the config makes decaan line 3 outright: 0
        vec![s("b"), s("Decaan"), C::E, s("nee")],
    ];
    write_xlsx(&input.join("roc-config-2026.xlsx"), vec![sheet("Blad1", rows)]);
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let g = read_csv(&output.join("data/group_scores.csv"));
    assert_eq!(group(&g, "2026", "ROC Config", "2", "ALL", "ALL")[6], "100.00");
    assert_eq!(group(&g, "2026", "ROC Config", "3", "ALL", "ALL")[6], "0.00");
}

#[test]
fn the_response_date_gives_the_school_year_where_nothing_else_does() {
    let (t, input, output) = tempdir();
    std::fs::write(t.path().join("lobmonitor.toml"), SMALL).unwrap();
    // Google Forms CSV: the timestamp as Google writes it; the file names institution
    // and line, nothing names a year.
    std::fs::write(
        input.join("lob-scan-lijn-1-csg-het-noordik.csv"),
        "Tijdstempel,E-mailadres,L1-VB-R1,L1-VB-R2\n\
         2024/03/04 9:12:31 AM GMT+1,a@x.nl,Ja,Nee\n\
         2024/09/10 10:00:00 AM GMT+2,b@x.nl,Ja,Ja\n\
         2024/09/11 10:00:00 AM GMT+2,c@x.nl,Nee,Nee\n",
    )
    .unwrap();
    // Microsoft Forms: completion times as date cells (2026-03-01 → 2025-2026).
    write_xlsx(
        &input.join("Forms - ROC Amstelland.xlsx"),
        vec![sheet(
            "Form1",
            vec![
                vec![s("ID"), s("Start time"), s("Completion time"), s("Email"), s("Name"), s("Rol"), s("L1-VB-R1")],
                vec![C::N(1.0), C::Date, C::Date, s("anonymous"), C::E, s("Docent"), s("ja")],
                vec![C::N(2.0), C::Date, C::Date, s("anonymous"), C::E, s("Mentor"), s("nee")],
            ],
        )],
    );
    let run = lobmonitor(t.path(), &["run"]);
    // Only the metadata columns are listed (as ignored columns): no row is rejected.
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    assert!(!rejections(&output).iter().any(|r| r[3] == "row"), "{:?}", rejections(&output));
    let g = read_csv(&output.join("data/group_scores.csv"));
    // 4 March 2024 falls in 2023-2024: (1 + 0)/2 = 50.
    let y24 = group(&g, "2024", "CSG Het Noordik", "1", "ALL", "ALL");
    assert_eq!((y24[5].as_str(), y24[6].as_str()), ("1", "50.00"));
    // 10 and 11 September 2024 fall in 2024-2025: 100 and 0 → 50.
    let y25 = group(&g, "2025", "CSG Het Noordik", "1", "ALL", "ALL");
    assert_eq!((y25[5].as_str(), y25[6].as_str()), ("2", "50.00"));
    let a = group(&g, "2026", "ROC Amstelland", "1", "ALL", "ALL");
    assert_eq!((a[5].as_str(), a[6].as_str()), ("2", "50.00"));
    let v = lobmonitor(t.path(), &["validate", "input"]);
    assert!(v.stdout.contains("jaar uit de antwoorddatum per rij (kolom «Tijdstempel»"), "{}", v.stdout);
    assert!(v.stdout.contains("jaar uit de antwoorddatum per rij (kolom «Completion time»"), "{}", v.stdout);
    assert!(v.stdout.contains("instelling «CSG Het Noordik» uit de bestandsnaam"), "{}", v.stdout);
    // --year comes before the response date.
    let fixed = lobmonitor(t.path(), &["run", "--year", "2027"]);
    assert!(fixed.code == 0 || fixed.code == 3, "{}", fixed.stderr);
    let g = read_csv(&output.join("data/group_scores.csv"));
    assert_eq!(group(&g, "2027", "CSG Het Noordik", "1", "ALL", "ALL")[5], "3");
}

/// An Info sheet naming only the institution.
fn info_without_year(inst: &'static str) -> SheetSpec {
    sheet("Info", vec![vec![s("Instelling"), s(inst)]])
}

#[test]
fn an_info_sheet_naming_a_team_gives_every_row_its_team() {
    let (t, input, output) = tempdir();
    std::fs::write(t.path().join("lobmonitor.toml"), SMALL).unwrap();
    // Every line-1 item answered (a team is shown on its smallest n over the areas).
    let ids = items_of_line(1);
    for (file, team, answers) in [("techniek.xlsx", "Techniek", ["ja", "nee"]), ("zorg.xlsx", "Zorg", ["ja", "ja"])] {
        let info = sheet(
            "Info",
            vec![
                vec![s("Instelling"), s("ROC Team")],
                vec![s("Jaar"), s("2025-2026")],
                vec![s("Team"), C::T(team.into())],
            ],
        );
        let rows = vec![
            header(&ids),
            row_all(&format!("{team}1"), ids.len(), answers[0]),
            row_all(&format!("{team}2"), ids.len(), answers[1]),
        ];
        write_xlsx(&input.join(file), vec![info, sheet("1e lijn", rows)]);
    }
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let teams = read_sheet(&output.join("portretten/roc-team-2026.xlsx"), "Teams en locaties");
    let row = |name: &str| {
        teams
            .iter()
            .find(|r| text(&r[0]) == "team" && text(&r[1]) == name)
            .unwrap_or_else(|| panic!("{name}: {teams:?}"))
            .clone()
    };
    // Techniek: ja, nee → 100, 0 → 50; Zorg: ja, ja → 100.
    assert_eq!((num(&row("Techniek")[3]), num(&row("Techniek")[4])), (2.0, 50.0));
    assert_eq!((num(&row("Zorg")[3]), num(&row("Zorg")[4])), (2.0, 100.0));
}
