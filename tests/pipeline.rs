//! End to end: survey workbooks in, workbooks, tables and manifest out (SPEC §6),
//! figures checked against hand computations.

mod common;

use common::*;

/// Three institutions, five first-line respondents each, year 2026 (SPEC §4):
/// - A: three answer "ja" to every item (100), two "nee" (0) → mean 60
/// - B: five "grotendeels" (66.67) → mean 66.67
/// - C: five "enigszins" (33.33) → mean 33.33
///
/// Sector, line 1, all items: n = 15, pooled mean (300 + 333.33 + 166.67)/15 = 53.33.
/// Institution distribution {33.33, 60, 66.67}: P25 = 46.67, median 60, P75 = 63.33.
fn three_institutions(input: &std::path::Path) {
    let ids = items_of_line(1);
    let n = ids.len();
    let plan: [(&str, [&'static str; 5]); 3] = [
        ("Instelling A", ["ja", "ja", "ja", "nee", "nee"]),
        ("Instelling B", ["grotendeels"; 5]),
        ("Instelling C", ["enigszins"; 5]),
    ];
    for (inst, answers) in plan {
        let mut rows = vec![header(&ids)];
        for (i, a) in answers.iter().enumerate() {
            rows.push(row_all(&format!("r{i}"), n, a));
        }
        let file = input.join(format!("{}.xlsx", inst.replace(' ', "_")));
        write_xlsx(&file, vec![info(inst, 2026, "mbo"), sheet("1e lijn", rows)]);
    }
}

#[test]
fn sector_workbook_shows_the_pooled_score_computed_by_hand() {
    let (_t, input, output) = tempdir();
    three_institutions(&input);
    let run = lobmonitor(input.parent().unwrap(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let wb = output.join("sector.xlsx");
    assert_eq!(
        sheet_names(&wb),
        ["Toelichting", "Overzicht", "Lijnen", "Peergroepen", "Instellingen", "Items", "Trend", "Datakwaliteit"]
    );
    let rows = read_sheet(&wb, "Overzicht");
    let row = rows
        .iter()
        .find(|r| text(&r[0]) == "2026" && text(&r[1]) == "1e lijn" && text(&r[2]) == "Totaal" && text(&r[3]) == "Alle")
        .expect("sector row for line 1");
    assert_eq!(num(&row[4]), 15.0);
    assert!((num(&row[5]) - 800.0 / 15.0).abs() < 1e-9, "{:?}", row[5]);
    assert!((num(&row[8]) - 46.6667).abs() < 1e-3);
    assert!((num(&row[9]) - 60.0).abs() < 1e-9);
    assert!((num(&row[10]) - 63.3333).abs() < 1e-3);

    // group_scores.csv: A's line score 60 with sd of {100,100,100,0,0} = 54.77.
    let g = read_csv(&output.join("data/group_scores.csv"));
    assert_eq!(
        g[0],
        [
            "year",
            "institution",
            "line",
            "area",
            "kind",
            "n",
            "score",
            "sd",
            "median",
            "ci_low",
            "ci_high",
            "suppressed",
            "suppression"
        ]
    );
    let a = g.iter().find(|r| r[1] == "Instelling A" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    assert_eq!(a[5], "5");
    assert_eq!(a[6], "60.00");
    assert_eq!(a[7], "54.77");
    assert_eq!(a[8], "100.00");
    // CI: 60 ± 2.776445 × 54.772 / √5 = 60 ± 68.01
    assert_eq!(a[9], "-8.01");
    assert_eq!(a[10], "128.01");

    // One portret per institution-year, each naming only its own institution.
    for inst in ["Instelling A", "Instelling B", "Instelling C"] {
        let p = output.join(format!("portretten/{}-2026.xlsx", inst.to_lowercase().replace(' ', "-")));
        let rows = read_sheet(&p, "Portret");
        let all: String = rows.iter().flatten().map(text).collect::<Vec<_>>().join("|");
        assert!(all.contains(inst));
        for other in ["Instelling A", "Instelling B", "Instelling C"].iter().filter(|o| **o != inst) {
            assert!(!all.contains(other), "{inst}'s portret names {other}");
        }
    }
    // Charts: line comparison and one benchmark per institution-year, PNG + SVG + CSV.
    for ext in ["png", "svg", "csv"] {
        assert!(output.join(format!("charts/lijnvergelijking-2026.{ext}")).is_file());
    }
    let bench: Vec<_> = std::fs::read_dir(output.join("charts/benchmark")).unwrap().collect();
    assert_eq!(bench.len(), 9);

    // Manifest: inputs with SHA-256, outputs with kinds, reconciled counts.
    let m = manifest(&output);
    assert_eq!(m["framework"], "raamwerk-2017");
    assert_eq!(m["inputs"].as_array().unwrap().len(), 3);
    assert_eq!(m["inputs"][0]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(m["counts"]["rows_read"], 15);
    assert_eq!(m["counts"]["respondents_scored"], 15);
    assert_eq!(m["counts"]["answers_scored"], 15 * 36);
    assert_eq!(m["reconciled"], true);
    let kinds: Vec<&str> = m["outputs"].as_array().unwrap().iter().map(|o| o["kind"].as_str().unwrap()).collect();
    for k in ["sector_workbook", "portret", "chart", "table", "manifest"] {
        assert!(kinds.contains(&k), "{k} missing");
    }
    for k in ["ingest", "score", "report", "total"] {
        assert!(m["timings_ms"][k].is_u64());
    }
}

#[test]
fn bad_answers_are_listed_with_their_cell_and_the_counts_reconcile() {
    let (_t, input, output) = tempdir();
    // Line 1 sheet, header in row 3 below a title (SPEC §3.3); items L1-VB-R1..R4 and
    // one line-2 item.
    let rows = vec![
        vec![s("Zelfevaluatie LOB")],
        vec![],
        vec![s("Respondent"), s("L1-VB-R1"), s("L1-VB-R2"), s("L1-VB-R3"), s("L1-VB-R4"), s("L2-VB-R1"), s("E-mail")],
        // r1: ja, jaa (rejected C4), x, n.v.t., other-line ja → answered 2, n/a 1
        vec![s("r1"), s("ja"), s("jaa"), s("x"), s("n.v.t."), s("ja"), s("a@b.nl")],
        // r2: 7 (rejected C5), date (rejected D5), #N/A (rejected E5), nee → answered 1
        vec![s("r2"), C::N(7.0), C::Date, s("#N/A"), s("nee"), C::E, C::E],
        // r3: only n.v.t. → rejected row, no valid answer
        vec![s("r3"), s("nvt"), s("n.v.t."), C::E, C::E, C::E, C::E],
        // r1 again → duplicate, its ja is unscored
        vec![s("r1"), s("ja"), C::E, C::E, C::E, C::E, C::E],
        // r5: TRUE, FALSE booleans → answered 2
        vec![s("r5"), C::B(true), C::B(false), C::E, C::E, C::E, C::E],
    ];
    write_xlsx(&input.join("school.xlsx"), vec![info("School X", 2026, "vo"), sheet("Lijn 1", rows)]);
    // The sheet has 4 of the 36 line-1 items, so the share answered is small: a
    // respondent counts with at least 5 % of (36 − n/a) answered here.
    std::fs::write(input.parent().unwrap().join("lobmonitor.toml"), "min_answered = 0.05\n").unwrap();
    let run = lobmonitor(input.parent().unwrap(), &["run"]);
    assert_eq!(run.code, 3, "rejections give exit code 3: {}", run.stderr);

    let rej = read_csv(&output.join("data/rejections.csv"));
    let find = |cell: &str, level: &str| rej.iter().find(|r| r[2] == cell && r[3] == level).cloned();
    let c4 = find("C4", "answer").expect("jaa");
    assert_eq!((c4[0].as_str(), c4[1].as_str(), c4[4].as_str()), ("school.xlsx", "Lijn 1", "jaa"));
    assert_eq!(find("B5", "answer").unwrap()[4], "7");
    assert!(find("C5", "answer").unwrap()[5].contains("datum"));
    assert!(find("D5", "answer").unwrap()[5].contains("#N/A"));
    assert!(find("G3", "column").unwrap()[4] == "E-mail");
    assert!(find("A6", "row").unwrap()[5].contains("geen geldig antwoord"));
    let dup = find("A7", "row").unwrap();
    assert!(dup[5].contains("dubbele") && dup[5].contains("A4"), "{dup:?}");
    // No respondent id or e-mail address leaves the run in the row listing.
    assert!(!rej.iter().any(|r| r[4].contains("a@b.nl")));

    // By hand: 5 rows read. r1 answered 2 of 36 − 1 n/a = 5.7 % → scored; r2 1 of 36 =
    // 2.8 % → excluded; r5 2 of 36 = 5.6 % → scored; r3 (no valid answer) and the
    // duplicate → rejected.
    let m = manifest(&output);
    let c = &m["counts"];
    assert_eq!(c["rows_read"], 5);
    assert_eq!(c["respondents_scored"], 2);
    assert_eq!(c["respondents_excluded"], 1);
    assert_eq!(c["respondents_rejected"], 2);
    // Answers read: r1 5, r2 4, r3 2, dup 1, r5 2 = 14.
    // scored: r1 ja, x; r5 TRUE, FALSE = 4. unscored: r2 nee, dup ja = 2.
    // n/a: r1 1, r3 2 = 3. other line: r1 L2 = 1. rejected: jaa, 7, date, #N/A = 4.
    assert_eq!(c["answers_read"], 14);
    assert_eq!(c["answers_scored"], 4);
    assert_eq!(c["answers_unscored"], 2);
    assert_eq!(c["answers_na"], 3);
    assert_eq!(c["answers_other_line"], 1);
    assert_eq!(c["answers_rejected"], 4);
    // Missing for scored respondents: 36 line-1 items − non-empty own-line cells
    // (r1: 4, r5: 2) = 32 + 34 = 66.
    assert_eq!(c["answers_missing"], 66);
    assert_eq!(m["reconciled"], true);
    assert_eq!(m["inputs"][0]["status"], "partial");

    // The Datakwaliteit sheet shows the same counts.
    let dq = read_sheet(&output.join("sector.xlsx"), "Datakwaliteit");
    let value = |label: &str| dq.iter().find(|r| text(&r[0]) == label).map(|r| num(&r[1])).unwrap();
    assert_eq!(value("Rijen gelezen"), 5.0);
    assert_eq!(value("Antwoorden gelezen"), 14.0);
}

#[test]
fn unreadable_files_are_rejected_whole_and_the_others_go_on() {
    let (_t, input, output) = tempdir();
    three_institutions(&input);
    std::fs::write(input.join("kapot.xlsx"), b"this is not a zip file").unwrap();
    // An OLE compound file holding an EncryptionInfo stream: what Excel writes for a
    // workbook with an open password.
    let mut enc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    enc.extend(vec![0u8; 512]);
    enc.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(input.join("geheim.xlsx"), enc).unwrap();
    std::fs::write(input.join("leesmij.txt"), b"notes").unwrap();
    std::fs::write(input.join("~$lock.xlsx"), b"lock").unwrap();
    write_xlsx(&input.join("leeg.xlsx"), vec![sheet("Blad1", vec![vec![s("niets")]])]);

    let run = lobmonitor(input.parent().unwrap(), &["run"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let m = manifest(&output);
    let status = |p: &str| {
        m["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["path"] == p)
            .map(|i| i["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("kapot.xlsx").as_deref(), Some("rejected"));
    assert_eq!(status("geheim.xlsx").as_deref(), Some("rejected"));
    assert_eq!(status("leeg.xlsx").as_deref(), Some("rejected"));
    assert_eq!(status("leesmij.txt").as_deref(), Some("ignored"));
    assert_eq!(status("~$lock.xlsx").as_deref(), Some("ignored"), "lock files are listed as such (SPEC §3)");
    assert_eq!(m["counts"]["respondents_scored"], 15);
    let rej = read_csv(&output.join("data/rejections.csv"));
    let reason = |f: &str| rej.iter().find(|r| r[0] == f && r[3] == "file").unwrap()[5].clone();
    assert!(reason("geheim.xlsx").contains("wachtwoord"));
    assert!(reason("leeg.xlsx").contains("geen werkblad"));
    assert!(reason("kapot.xlsx").contains("tekst met een spreadsheetnaam"), "text under an .xlsx name");
}

#[test]
fn exit_codes_for_no_input_bad_usage_and_bad_config() {
    let (t, input, output) = tempdir();
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 1, "empty input folder is a failure");
    assert!(!output.join("sector.xlsx").exists());
    assert_eq!(lobmonitor(t.path(), &["run", "--lang", "fr"]).code, 2);
    assert_eq!(lobmonitor(t.path(), &["frobnicate"]).code, 2);
    three_institutions(&input);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_grup_size = 3\n").unwrap();
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("min_grup_size"), "{}", run.stderr);
    assert!(lobmonitor(t.path(), &["--help"]).stdout.contains("Exit codes"));
}

#[test]
fn a_failed_run_leaves_the_previous_outputs_as_they_were() {
    let (t, input, output) = tempdir();
    three_institutions(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    let before = std::fs::read(output.join("sector.xlsx")).unwrap();
    for e in std::fs::read_dir(&input).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    std::fs::write(input.join("kapot.xlsx"), b"garbage").unwrap();
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 1);
    assert_eq!(std::fs::read(output.join("sector.xlsx")).unwrap(), before);
    assert!(output.join("manifest.json").is_file());
    assert!(!t.path().join(".output.lobmonitor-new").exists());
}

/// Every file under `root`, relative, sorted; with `hidden` false, folders whose name
/// starts with `.` are skipped.
fn files(root: &std::path::Path, hidden: bool) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if hidden || !p.file_name().unwrap().to_string_lossy().starts_with('.') {
                    stack.push(p);
                }
            } else {
                v.push(p.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    v.sort();
    v
}

/// The same files under `a` and `b`, byte for byte (the manifest's timings aside).
fn assert_same_outputs(a: &std::path::Path, b: &std::path::Path, hidden: bool) {
    assert_eq!(files(a, hidden), files(b, hidden));
    for f in files(a, hidden) {
        if f.ends_with("manifest.json") {
            continue;
        }
        assert_eq!(std::fs::read(a.join(&f)).unwrap(), std::fs::read(b.join(&f)).unwrap(), "{} differs", f.display());
    }
}

#[test]
fn a_rerun_leaves_nothing_of_the_previous_run_in_the_output_folder() {
    let (t, input, output) = tempdir();
    three_institutions(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    assert!(output.join("portretten/instelling-c-2026.xlsx").is_file());
    std::fs::remove_file(input.join("Instelling_C.xlsx")).unwrap();
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    assert!(!output.join("portretten/instelling-c-2026.xlsx").exists(), "no stale portret");
    // Nothing hidden either: the rerun's folder is a fresh run's, file for file.
    assert_eq!(lobmonitor(t.path(), &["run", "--output", "fresh"]).code, 0);
    assert_same_outputs(&output, &t.path().join("fresh"), true);
    // Nothing left beside it, not even the lock file (SPEC §6.2).
    let beside: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

/// The run's outputs are complete: the manifest is there and every output it lists.
fn complete(output: &std::path::Path) -> serde_json::Value {
    let m = manifest(output);
    for o in m["outputs"].as_array().unwrap() {
        let p = o["path"].as_str().unwrap();
        assert!(output.join(p).is_file(), "{p} listed but missing");
    }
    let listed = m["outputs"].as_array().unwrap().len();
    assert_eq!(files(output, true).len(), listed, "only what the manifest lists");
    m
}

#[test]
fn publishing_is_all_or_nothing_at_every_step() {
    // A run killed at each step of publishing (a failpoint aborts the process as a kill
    // would) leaves the output folder with the old run or the new one, complete; the
    // next run cleans up and publishes. Both ways of publishing: the one-step exchange
    // and the two renames where a file system cannot exchange.
    // Steps: 1 before publishing; 2 between the two renames (no exchange only); 3 after
    // the new outputs are in place, before the old ones are removed.
    for (exchange, steps) in [(true, vec![1, 3]), (false, vec![1, 2, 3])] {
        for step in steps {
            let (t, input, output) = tempdir();
            three_institutions(&input);
            assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
            let old = complete(&output)["inputs"].as_array().unwrap().len();
            std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
            write_xlsx(
                &input.join("D.xlsx"),
                vec![
                    info("Instelling D", 2026, "vo"),
                    sheet("1e lijn", vec![vec![s("Respondent"), s("L1-VB-R1")], vec![s("1"), s("ja")]]),
                ],
            );
            let mut cmd = assert_cmd::Command::cargo_bin("lobmonitor").unwrap();
            cmd.current_dir(t.path()).env("LOBMONITOR_FAILPOINT", format!("publish-{step}")).arg("run");
            if !exchange {
                cmd.env("LOBMONITOR_NO_EXCHANGE", "1");
            }
            let killed = cmd.output().unwrap();
            assert!(!killed.status.success(), "the failpoint stopped the run (step {step})");
            // Old or new, never a mix, never missing (where two renames were cut
            // between, the old outputs wait beside and the next run puts them back).
            if output.exists() {
                let inputs = complete(&output)["inputs"].as_array().unwrap().len();
                assert!(inputs == old || inputs == old + 1, "step {step}: {inputs} inputs");
            } else {
                assert!(!exchange && step == 2, "missing after step {step}");
            }
            assert_eq!(
                lobmonitor(t.path(), &["run"]).code,
                0,
                "the next run recovers (step {step}, exchange {exchange})"
            );
            assert_eq!(complete(&output)["inputs"].as_array().unwrap().len(), old + 1);
            assert!(!t.path().join(".output.lobmonitor-new").exists());
            assert!(!t.path().join(".output.lobmonitor-old").exists());
        }
    }
}

#[test]
fn a_second_run_on_the_same_output_is_refused_with_a_message() {
    let (t, input, output) = tempdir();
    three_institutions(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    // Another run holds the lock.
    let lock = std::fs::File::create(t.path().join(".output.lobmonitor-lock")).unwrap();
    lock.try_lock().unwrap();
    let run = lobmonitor(t.path(), &["run"]);
    assert_eq!(run.code, 1);
    // In the run's language (SPEC §9: Dutch unless `language = "en"`).
    assert!(run.stderr.contains("een andere lobmonitor-run schrijft al"), "{}", run.stderr);
    assert!(output.join("manifest.json").is_file(), "its outputs untouched");
    drop(lock);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
}

#[test]
fn same_inputs_give_byte_identical_outputs_with_source_date_epoch() {
    let (t, input, _output) = tempdir();
    three_institutions(&input);
    assert_eq!(lobmonitor(t.path(), &["run", "--output", "out1"]).code, 0);
    assert_eq!(lobmonitor(t.path(), &["run", "--output", "out2"]).code, 0);
    assert_same_outputs(&t.path().join("out1"), &t.path().join("out2"), true);
}

/// Line 1 as in `three_institutions`; line 2 answered by A and B with "ja" (100) and by C
/// with "grotendeels" (66.67); and A in 2025 on line 1: ja, ja, nee, nee, nee (40).
#[test]
fn gaps_between_lines_and_changes_carry_welch_intervals() {
    let (_t, input, output) = tempdir();
    let (ids1, ids2) = (items_of_line(1), items_of_line(2));
    let plan: [(&str, [&'static str; 5], &'static str); 3] = [
        ("Instelling A", ["ja", "ja", "ja", "nee", "nee"], "ja"),
        ("Instelling B", ["grotendeels"; 5], "ja"),
        ("Instelling C", ["enigszins"; 5], "grotendeels"),
    ];
    for (inst, first, second) in plan {
        let l1 = std::iter::once(header(&ids1))
            .chain(first.iter().enumerate().map(|(i, a)| row_all(&format!("r{i}"), ids1.len(), a)))
            .collect();
        let l2 = std::iter::once(header(&ids2))
            .chain((0..5).map(|i| row_all(&format!("s{i}"), ids2.len(), second)))
            .collect();
        let file = input.join(format!("{}.xlsx", inst.replace(' ', "_")));
        write_xlsx(&file, vec![info(inst, 2026, "mbo"), sheet("1e lijn", l1), sheet("2e lijn", l2)]);
    }
    let before = std::iter::once(header(&ids1))
        .chain(
            ["ja", "ja", "nee", "nee", "nee"].iter().enumerate().map(|(i, a)| row_all(&format!("p{i}"), ids1.len(), a)),
        )
        .collect();
    write_xlsx(&input.join("A-2025.xlsx"), vec![info("Instelling A", 2025, "mbo"), sheet("1e lijn", before)]);
    let run = lobmonitor(input.parent().unwrap(), &["run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // Line 1 (15): 100 ×3, 0 ×2, 66.67 ×5, 33.33 ×5: mean 53.33, sd 32.854.
    // Line 2 (15): 100 ×10, 66.67 ×5: mean 88.89, sd 16.265.
    // gap 35.56; se = √(32.854²/15 + 16.265²/15) = 9.465; Welch df 20.47;
    // t(0.975, 20.47) = 2.0830 → 15.84 … 55.27 (mpmath), a real difference.
    let gaps = read_csv(&output.join("data/line_gaps.csv"));
    assert_eq!(
        gaps[0],
        [
            "year",
            "peer_group",
            "area",
            "kind",
            "line_a",
            "line_b",
            "gap",
            "ci_low",
            "ci_high",
            "significant",
            "n_a",
            "n_b"
        ]
    );
    let g = gaps
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "ALL" && r[2] == "ALL" && r[3] == "ALL" && r[4] == "1" && r[5] == "2")
        .unwrap();
    assert_eq!(&g[6..], ["35.56", "15.84", "55.27", "true", "15", "15"]);
    // Line 3 has no respondents: no gap with it.
    assert!(!gaps.iter().any(|r| r[5] == "3" || r[4] == "3"));

    let rows = read_sheet(&output.join("sector.xlsx"), "Lijnen");
    // The sector's rows (the peer groups follow them, in a column of their own).
    let total = rows
        .iter()
        .find(|r| text(&r[0]) == "2026" && text(&r[1]) == "sector (alle)" && text(&r[2]) == "Totaal")
        .unwrap();
    assert!((num(&total[3]) - 53.3333).abs() < 1e-3);
    assert!((num(&total[4]) - 88.8889).abs() < 1e-3);
    // The gap printed beside the two scores is the difference of the printed scores
    // (88,9 − 53,3 = 35,6; the unrounded 35.5556 is in line_gaps.csv), its interval of
    // the unrounded ones.
    assert!((num(&total[6]) - 35.6).abs() < 1e-9);
    assert_eq!(text(&total[7]), "+15,8 tot +55,3");
    assert_eq!(text(&total[8]), "ja");

    // A's change on line 1: 2025 {100, 100, 0, 0, 0} mean 40, 2026 mean 60, both sd
    // √3000 = 54.77: +20, se = √(600 + 600) = 34.64, df 8, t = 2.306004 → ±79.88.
    let b = read_csv(&output.join("data/benchmarks.csv"));
    let col = |name: &str| b[0].iter().position(|c| c == name).unwrap();
    let a = b
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "Instelling A" && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap();
    assert_eq!(a[col("previous_year")], "2025");
    assert_eq!(a[col("change")], "20.00");
    assert_eq!((a[col("change_ci_low")].as_str(), a[col("change_ci_high")].as_str()), ("-59.88", "99.88"));
    assert_eq!(a[col("change_significant")], "false");
    // Three institutions shown: a band, not a number. A (60) among {33.33, 60, 66.67}:
    // P25 = 46.67, P75 = 63.33 (linear interpolation): between them, the middle half.
    // In 2025 it was alone: too few institutions.
    assert_eq!((a[col("rank_sector")].as_str(), a[col("rank_sector_band")].as_str()), ("", "middle_half"));
    let a25 = b.iter().find(|r| r[0] == "2025" && r[1] == "Instelling A" && r[3] == "ALL" && r[4] == "ALL").unwrap();
    assert_eq!(a25[col("rank_sector_band")], "too_few_institutions");
    // B's line 2 (100, sd 0) against A and C (100 ×5, 66.67 ×5, sd 17.57): +16.67,
    // se 5.556, df 9, p = 0.0150. B's portret also compares line 1 (66.67 against
    // mean 46.67, sd 39.1: p = 0.140). Over its ten comparisons (five per line: the
    // total and four areas, all alike here) BH ranks the line-2 p-values 1–5:
    // 0.0150 ≤ 0.05·5/10 → above; line 1: 0.140 > 0.05 → within.
    let b2 = b
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "Instelling B" && r[2] == "2" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap();
    assert_eq!(b2[col("versus_sector")], "above");
    let b1 = b
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "Instelling B" && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap();
    assert_eq!(b1[col("versus_sector")], "within");
    // C's line 1 (33.33, sd 0) against A and B (100 ×3, 0 ×2, 66.67 ×5, sd 36.68):
    // −30, se 11.60, df 9, p = 0.0294. Its line 2 (66.67 against 100, both sd 0) is an
    // exact difference, p = 0. Over its ten comparisons the largest, 0.0294, is at rank
    // 10 ≤ 0.05·10/10: all are kept → below on both lines.
    let c1 = b
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "Instelling C" && r[2] == "1" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap();
    assert_eq!(c1[col("versus_sector")], "below");
    let c2 = b
        .iter()
        .find(|r| r[0] == "2026" && r[1] == "Instelling C" && r[2] == "2" && r[3] == "ALL" && r[4] == "ALL")
        .unwrap();
    assert_eq!(c2[col("versus_sector")], "below");
}
