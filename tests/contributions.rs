//! Contributions and the sector reference (SPEC §9): an institution sends figures, not
//! answers, and the national run gives the same tables from them as from its surveys.
//! The runs here write the tables only (`outputs = ["tables"]`), which is what these
//! tests compare, so they stay quick.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;

const SCORE_TABLES: [&str; 6] = [
    "group_scores.csv",
    "sector_scores.csv",
    "item_scores.csv",
    "benchmarks.csv",
    "line_gaps.csv",
    "sector_changes.csv",
];

/// A generated sector of 11 institutions over two years, about 9 respondents each over
/// three lines (so most groups are small), with peer groups rewritten so that hbo has
/// exactly `min_institutions` (3) institutions. Returns the sample folder and the
/// institutions file's rows (name, code, sector).
fn sector(root: &Path) -> (PathBuf, Vec<(String, String, String)>) {
    let r = lobmonitor(
        root,
        &["sample", "--institutions", "11", "--respondents", "9", "--years", "2", "--seed", "5", "-o", "sample"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sample = root.join("sample");
    let rows = read_csv(&sample.join("instellingen.csv"));
    let mut insts = Vec::new();
    let mut csv = String::from("instelling,code,sector,regio,publiceren\n");
    for (i, row) in rows[1..].iter().enumerate() {
        let sector = match i {
            0..=2 => "hbo",
            _ if i % 2 == 0 => "mbo",
            _ => "vo",
        };
        csv.push_str(&format!("{},{},{sector},,nee\n", row[0], row[1]));
        insts.push((row[0].clone(), row[1].clone(), sector.to_string()));
    }
    std::fs::write(sample.join("instellingen.csv"), csv).unwrap();
    std::fs::write(root.join("lobmonitor.toml"), "outputs = [\"tables\"]\n").unwrap();
    (sample, insts)
}

/// The survey files of one institution (by the Info sheet's name), found by reading
/// each file's Info sheet.
fn files_of(sample: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut by: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for e in std::fs::read_dir(sample).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "xlsx") {
            let info = read_sheet(&p, "Info");
            let name = info.iter().find(|r| text(&r[0]) == "Instelling").map(|r| text(&r[1])).unwrap();
            by.entry(name).or_default().push(p);
        }
    }
    by
}

/// Makes institution `name`'s contribution from its own files and an institutions file
/// with its own row only (SPEC §9), written to `to`.
fn contribute(root: &Path, inst: &(String, String, String), files: &[PathBuf], to: &Path) {
    let own = root.join(format!("own-{}", inst.1));
    std::fs::create_dir_all(&own).unwrap();
    for f in files {
        std::fs::copy(f, own.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        own.join("instellingen.csv"),
        format!("instelling,code,sector,regio,publiceren\n{},{},{},,nee\n", inst.0, inst.1, inst.2),
    )
    .unwrap();
    let r = lobmonitor(root, &["contribute", "--input", own.to_str().unwrap(), "-o", to.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn national(root: &Path, input: &Path, output: &str) -> PathBuf {
    let r = lobmonitor(root, &["run", "--input", input.to_str().unwrap(), "--output", output]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    root.join(output)
}

#[test]
fn contributions_alone_or_beside_surveys_give_every_score_table_the_surveys_give() {
    let (t, _, _) = tempdir();
    let root = t.path();
    let (sample, insts) = sector(root);
    let by = files_of(&sample);
    assert_eq!(by.len(), 11);
    let surveys = national(root, &sample, "from-surveys");

    // The sector has what makes the rules work: small groups, groups hidden to protect
    // them, groups whose spread is withheld, and a peer group (hbo) at exactly three
    // institutions whose pooled figures are published.
    let groups = read_csv(&surveys.join("data/group_scores.csv"));
    let marks: BTreeSet<&str> = groups[1..].iter().map(|r| r[12].as_str()).collect();
    for m in ["small", "protects", "spread_withheld"] {
        assert!(marks.contains(m), "no {m} group in {marks:?}");
    }
    let sector_rows = read_csv(&surveys.join("data/sector_scores.csv"));
    assert!(sector_rows[1..].iter().any(|r| r[1] == "hbo" && r[9] == "3"), "an hbo cell over exactly 3 institutions");
    let pooled: BTreeSet<&str> = sector_rows[1..].iter().map(|r| r[15].as_str()).collect();
    assert!(pooled.contains("protects_pooled") && pooled.contains(""), "{pooled:?}");

    // Every institution's contribution.
    let contrib = root.join("contributions");
    let half = root.join("half");
    std::fs::create_dir_all(&contrib).unwrap();
    std::fs::create_dir_all(&half).unwrap();
    std::fs::copy(sample.join("instellingen.csv"), contrib.join("instellingen.csv")).unwrap();
    std::fs::copy(sample.join("instellingen.csv"), half.join("instellingen.csv")).unwrap();
    for (i, inst) in insts.iter().enumerate() {
        // Named as people name files, whatever: content decides.
        let name = format!("bijdrage {}.json", inst.1);
        contribute(root, inst, &by[&inst.0], &contrib.join(&name));
        if i % 2 == 0 {
            std::fs::copy(contrib.join(&name), half.join(&name)).unwrap();
        } else {
            for f in &by[&inst.0] {
                std::fs::copy(f, half.join(f.file_name().unwrap())).unwrap();
            }
        }
    }
    let from_contributions = national(root, &contrib, "from-contributions");
    let mixed = national(root, &half, "mixed");
    for out in [&from_contributions, &mixed] {
        for f in SCORE_TABLES {
            let want = std::fs::read_to_string(surveys.join("data").join(f)).unwrap();
            let got = std::fs::read_to_string(out.join("data").join(f)).unwrap();
            if want != got {
                let first = want.lines().zip(got.lines()).position(|(a, b)| a != b);
                panic!("{f} from {}: first difference at line {first:?}", out.display());
            }
        }
    }
    // Contributions are inputs like any other, with the counts they carry: the
    // reconciliation counts of the manifest are those of the survey run, and every
    // contribution is listed as accepted with its respondents.
    let m_s = manifest(&surveys);
    let m_c = manifest(&from_contributions);
    assert_eq!(m_s["counts"], m_c["counts"]);
    let inputs = m_c["inputs"].as_array().unwrap();
    let contributions: Vec<_> = inputs.iter().filter(|i| i["path"].as_str().unwrap().ends_with(".json")).collect();
    assert_eq!(contributions.len(), 11);
    let respondents: u64 = contributions.iter().map(|i| i["respondents"].as_u64().unwrap()).sum();
    assert!(contributions.iter().all(|i| i["status"] == "accepted"));
    assert_eq!(respondents, m_s["counts"]["respondents_scored"].as_u64().unwrap());
    // What describes respondents stays with the institution: no respondent rows.
    assert!(read_csv(&from_contributions.join("data/respondent_scores.csv")).len() <= 1);
}

#[test]
fn the_sector_reference_holds_what_the_tables_publish_under_pseudonyms() {
    let (t, _, _) = tempdir();
    let root = t.path();
    let (sample, insts) = sector(root);
    let out = national(root, &sample, "output");
    let text = std::fs::read_to_string(out.join("data/sector_reference.json")).unwrap();
    let reference: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(reference["version"], 1);
    assert_eq!(reference["format"], "lobmonitor-sectorreferentie");
    // No institution's name, only codes (none has opted in).
    for (name, _, _) in &insts {
        assert!(!text.contains(name.as_str()), "{name} named in the reference");
    }
    let code_of: BTreeMap<&str, &str> = insts.iter().map(|(n, c, _)| (n.as_str(), c.as_str())).collect();
    let cells = reference["cells"].as_array().unwrap();
    // Every published pooled figure, the same numbers as sector_scores.csv; every
    // hidden one absent.
    let sector_rows = read_csv(&out.join("data/sector_scores.csv"));
    let mut compared = 0;
    for r in &sector_rows[1..] {
        let cell = cells
            .iter()
            .find(|c| {
                c["year"].as_u64() == r[0].parse().ok()
                    && c["peer_group"] == r[1].as_str()
                    && c["line"].as_u64() == r[2].parse().ok()
                    && c["area"] == r[3].as_str()
                    && c["kind"] == r[4].as_str()
            })
            .unwrap_or_else(|| panic!("no cell for {r:?}"));
        let num = |v: &serde_json::Value| v.as_f64().map(|x| format!("{x:.2}")).unwrap_or_default();
        if r[6].is_empty() {
            assert!(cell["score"].is_null() && cell["n"].is_null() && cell["sd"].is_null(), "{r:?}");
            assert_eq!(cell["suppressed"], true);
        } else {
            assert_eq!(
                (cell["n"].to_string(), num(&cell["score"]), num(&cell["sd"])),
                (r[5].clone(), r[6].clone(), r[13].clone())
            );
            assert_eq!(
                (num(&cell["p25"]), num(&cell["p50"]), num(&cell["p75"])),
                (r[10].clone(), r[11].clone(), r[12].clone())
            );
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared} published cells compared");
    // Each shown group's score under its institution's code, in its sector cell and
    // its peer group's; no hidden group's.
    let groups = read_csv(&out.join("data/group_scores.csv"));
    let peer: BTreeMap<&str, &str> = insts.iter().map(|(n, _, s)| (n.as_str(), s.as_str())).collect();
    for g in &groups[1..] {
        for p in ["ALL", peer[g[1].as_str()]] {
            let cell = cells.iter().find(|c| {
                c["year"].as_u64() == g[0].parse().ok()
                    && c["peer_group"] == p
                    && c["line"].as_u64() == g[2].parse().ok()
                    && c["area"] == g[3].as_str()
                    && c["kind"] == g[4].as_str()
            });
            let entry = cell.and_then(|c| {
                c["institutions"].as_array().unwrap().iter().find(|e| e["pseudonym"] == code_of[g[1].as_str()])
            });
            if g[6].is_empty() {
                // Hidden: listed with why only, never with a figure.
                if let Some(e) = entry {
                    assert!(e["n"].is_null() && e["score"].is_null(), "hidden group {g:?} with figures");
                    assert_eq!(e["suppression"].as_str(), Some(g[12].as_str()), "{g:?}");
                }
            } else {
                let e = entry.unwrap_or_else(|| panic!("{g:?} not in {p}"));
                assert_eq!(
                    (e["n"].to_string(), format!("{:.2}", e["score"].as_f64().unwrap())),
                    (g[5].clone(), g[6].clone())
                );
            }
        }
    }
    // The gaps and changes as their tables publish them.
    let gaps = read_csv(&out.join("data/line_gaps.csv"));
    assert_eq!(reference["line_gaps"].as_array().unwrap().len(), gaps.len() - 1);
    let changes = read_csv(&out.join("data/sector_changes.csv"));
    assert_eq!(reference["sector_changes"].as_array().unwrap().len(), changes.len() - 1);
}

#[test]
fn run_reference_gives_each_institution_the_figures_of_its_national_portret() {
    let (t, _, _) = tempdir();
    let root = t.path();
    let (sample, insts) = sector(root);
    let by = files_of(&sample);
    let national = national(root, &sample, "national");
    let reference = national.join("data/sector_reference.json");
    let table = |dir: &Path, f: &str| read_csv(&dir.join("data").join(f));
    let mut protected = 0;
    for inst in &insts {
        // Its own files and an institutions file with its own row only (SPEC §9).
        let own = root.join(format!("own-{}", inst.1));
        std::fs::create_dir_all(&own).unwrap();
        for f in &by[&inst.0] {
            std::fs::copy(f, own.join(f.file_name().unwrap())).unwrap();
        }
        std::fs::write(
            own.join("instellingen.csv"),
            format!("instelling,code,sector,regio,publiceren\n{},{},{},,nee\n", inst.0, inst.1, inst.2),
        )
        .unwrap();
        let out = format!("ref-{}", inst.1);
        let r = lobmonitor(
            root,
            &["run", "--input", own.to_str().unwrap(), "--output", &out, "--reference", reference.to_str().unwrap()],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mine = root.join(&out);
        // Its own rows: the national run's, hidden marks, ranks, bands and the test
        // against the rest of the sector included.
        for f in ["group_scores.csv", "benchmarks.csv", "item_scores.csv"] {
            let of =
                |rows: Vec<Vec<String>>| -> Vec<Vec<String>> { rows.into_iter().filter(|r| r[1] == inst.0).collect() };
            let (mut want, mut got) = (of(table(&national, f)), of(table(&mine, f)));
            assert!(f != "group_scores.csv" || !want.is_empty());
            if f == "benchmarks.csv" {
                // The rest of the sector's mean is worked back from the reference's pooled
                // mean, published with two decimals: equal within that rounding (the
                // pooled n is up to a few hundred, so within 0.01 or so).
                assert_eq!(want.len(), got.len(), "{f} of {}", inst.0);
                for (w, g) in want.iter_mut().zip(got.iter_mut()) {
                    let (a, b) = (w.pop().unwrap(), g.pop().unwrap());
                    match (a.parse::<f64>(), b.parse::<f64>()) {
                        (Ok(a), Ok(b)) => assert!((a - b).abs() <= 0.015, "{f} of {}: {a} vs {b}", inst.0),
                        _ => assert_eq!(a, b, "{f} of {}", inst.0),
                    }
                }
            }
            assert_eq!(want, got, "{f} of {}", inst.0);
        }
        protected += table(&mine, "group_scores.csv").iter().filter(|r| r[12] == "protects").count();
        // The sector as the national run published it.
        for f in ["sector_scores.csv", "line_gaps.csv", "sector_changes.csv"] {
            assert_eq!(table(&national, f), table(&mine, f), "{f} for {}", inst.0);
        }
        let sector_items = |d: &Path| -> Vec<Vec<String>> {
            table(d, "item_scores.csv").into_iter().filter(|r| r[1] == "ALL" && r[6] == "false").collect()
        };
        assert_eq!(sector_items(&national), sector_items(&mine));
        // Never against the others of its input, and nothing of the sector's own.
        assert!(!mine.join("data/sector_reference.json").exists());
        assert!(!mine.join("sector.xlsx").exists());
    }
    assert!(protected > 0, "some institution has groups hidden to protect others");
}

/// A survey of one institution with the columns people add: ids, names, e-mail
/// addresses, a free-text remark; and an answer that is not an answer.
fn personal_survey(input: &Path) -> Vec<String> {
    let items = items_of_line(1);
    let mut head = vec![s("Respondent"), s("Naam"), s("E-mailadres"), s("Opmerking")];
    head.extend(header(&items[..6]));
    let mut rows = vec![head];
    let mut secrets = Vec::new();
    for i in 0..7 {
        let id = format!("resp-47{i:02}");
        let name = format!("Pietje Puk{i}");
        let mail = format!("pietje.puk{i}@example.nl");
        let remark = format!("mijn leidinggevende Jansen{i}");
        let mut row = vec![C::T(id.clone()), C::T(name.clone()), C::T(mail.clone()), C::T(remark.clone())];
        for j in 0..6 {
            row.push(s(["ja", "nee", "grotendeels", "enigszins"][(i + j) % 4]));
        }
        if i == 3 {
            row[5] = s("misschien wel");
            secrets.push("misschien".into());
        }
        rows.push(row);
        secrets.extend([id, name, mail, remark]);
    }
    write_xlsx(&input.join("export Pietje Puk.xlsx"), vec![info("Het Baken", 2026, "vo"), sheet("1e lijn", rows)]);
    secrets.push("Pietje Puk.xlsx".into());
    secrets
}

#[test]
fn no_contribution_holds_a_respondent_key_an_id_or_a_personal_value() {
    let (t, input, _) = tempdir();
    let secrets = personal_survey(&input);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let r = lobmonitor(t.path(), &["contribute", "-o", "bijdrage.json"]);
    // The rejected answer makes it exit 3, and the file is still written.
    assert_eq!(r.code, 3, "{}", r.stderr);
    let text = std::fs::read_to_string(t.path().join("bijdrage.json")).unwrap();
    for secret in &secrets {
        assert!(!text.contains(secret.as_str()), "{secret} in the contribution");
    }
    // Nor the run's pseudonymous keys (R000001 …).
    assert!(!text.contains("R00000"), "a respondent key in the contribution");
    let c: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(c["version"], 1);
    // What is in it: 7 respondents of Het Baken 2026, line 1; the ledger's counts say
    // one answer was rejected.
    let iy = &c["institution_years"][0];
    assert_eq!(
        (iy["institution"].as_str(), iy["year"].as_u64(), iy["respondents"].as_u64()),
        (Some("Het Baken"), Some(2026), Some(7))
    );
    assert_eq!(c["counts"]["answers_rejected"], 1);
    let line = iy["groups"].as_array().unwrap().iter().find(|g| g["area"] == "ALL" && g["kind"] == "ALL").unwrap();
    assert_eq!(line["n"], 7);
    // Every group's score is its sum over n, as the explanation says.
    for g in iy["groups"].as_array().unwrap() {
        let (n, sum, score) = (g["n"].as_f64().unwrap(), g["sum"].as_f64().unwrap(), g["score"].as_f64().unwrap());
        assert!((sum / n - score).abs() < 1e-9);
    }
}

#[test]
fn an_edited_truncated_or_doubled_contribution_is_a_rejected_file_with_its_reason() {
    let (t, input, _) = tempdir();
    personal_survey(&input);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\noutputs = [\"tables\"]\n").unwrap();
    assert_eq!(lobmonitor(t.path(), &["contribute", "-o", "bijdrage.json"]).code, 3);
    let text = std::fs::read_to_string(t.path().join("bijdrage.json")).unwrap();
    let national = t.path().join("national");
    std::fs::create_dir_all(&national).unwrap();
    // One institution's survey, so the run has something to report.
    write_xlsx(
        &national.join("ander.xlsx"),
        vec![
            info("De Ander", 2026, "vo"),
            sheet("1e lijn", {
                let mut rows = vec![header(&items_of_line(1)[..3])];
                rows.extend((0..6).map(|i| row_all(&format!("a{i}"), 3, "ja")));
                rows
            }),
        ],
    );
    // Edited: one group's n raised; the checksum no longer fits.
    let edited = text.replacen("\"n\": 7", "\"n\": 8", 1);
    assert_ne!(edited, text);
    std::fs::write(national.join("bijdrage-aangepast.json"), &edited).unwrap();
    // Truncated, under a spreadsheet name: the content decides.
    std::fs::write(national.join("bijdrage.xlsx"), &text[..text.len() * 2 / 3]).unwrap();
    // The same contribution twice: the second repeats the first's institution-year.
    std::fs::write(national.join("a.json"), &text).unwrap();
    std::fs::write(national.join("b.json"), &text).unwrap();
    let r = lobmonitor(t.path(), &["run", "--input", "national", "--output", "out", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let m = manifest(&t.path().join("out"));
    let status: BTreeMap<String, String> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap().to_string(), i["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(status["a.json"], "accepted");
    assert_eq!(status["b.json"], "rejected");
    assert_eq!(status["bijdrage-aangepast.json"], "rejected");
    assert_eq!(status["bijdrage.xlsx"], "rejected");
    let rejections = read_csv(&t.path().join("out/data/rejections.csv"));
    let reason = |file: &str| -> String {
        rejections.iter().filter(|r| r[0] == file).map(|r| r.join(" ")).collect::<Vec<_>>().join(" | ")
    };
    assert!(
        reason("bijdrage-aangepast.json").contains("checksum does not match"),
        "{}",
        reason("bijdrage-aangepast.json")
    );
    assert!(reason("bijdrage.xlsx").contains("truncated"), "{}", reason("bijdrage.xlsx"));
    assert!(reason("b.json").contains("Het Baken 2026 is already in a.json"), "{}", reason("b.json"));
    // Counted once: 7 of Het Baken, 6 of De Ander; the 7 of b.json rejected.
    assert_eq!(m["counts"]["respondents_scored"], 13);
    let groups = read_csv(&t.path().join("out/data/group_scores.csv"));
    let baken = groups.iter().find(|g| g[1] == "Het Baken" && g[3] == "ALL" && g[4] == "ALL").unwrap();
    assert_eq!(baken[5], "7");
}

#[test]
fn a_contribution_that_spells_its_institution_otherwise_is_that_institution() {
    // SPEC §3.4–3.5: one institution however spelled. An institution sends its 2026
    // figures under its own institutions file, which spells the name in capitals with
    // hyphens ("ROC-KEMPENLAND" for "ROC Kempenland"); the national run has its 2025
    // survey and the national institutions file. The contribution is that institution:
    // every score table equals the run on both surveys, and in the tables its name is
    // the national spelling. Beside its own 2026 survey, the contribution is the same
    // institution-year again and is rejected as such.
    let (t, _, _) = tempdir();
    let root = t.path();
    let (sample, insts) = sector(root);
    let by = files_of(&sample);
    let surveys = national(root, &sample, "from-surveys");
    let a = &insts[3];
    let variant = (a.0.to_uppercase().replace(' ', "-"), a.1.clone(), a.2.clone());
    assert_ne!(variant.0, a.0);
    let of_year = |year: &str| by[&a.0].iter().find(|p| p.to_string_lossy().contains(year)).unwrap().clone();
    let own_2026 = of_year("2026");
    contribute(root, &variant, std::slice::from_ref(&own_2026), &root.join("bijdrage.json"));
    let text = std::fs::read_to_string(root.join("bijdrage.json")).unwrap();
    assert!(text.contains(&format!("\"{}\"", variant.0)), "the contribution carries its own spelling");

    let mixed = root.join("mixed");
    std::fs::create_dir_all(&mixed).unwrap();
    for e in std::fs::read_dir(&sample).unwrap() {
        let p = e.unwrap().path();
        if p != own_2026 {
            std::fs::copy(&p, mixed.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(root.join("bijdrage.json"), mixed.join("bijdrage.json")).unwrap();
    let out = national(root, &mixed, "mixed-out");
    for f in SCORE_TABLES {
        let want = std::fs::read_to_string(surveys.join("data").join(f)).unwrap();
        let got = std::fs::read_to_string(out.join("data").join(f)).unwrap();
        if want != got {
            let first = want.lines().zip(got.lines()).position(|(a, b)| a != b);
            panic!("{f}: first difference at line {first:?}");
        }
    }
    let groups = read_csv(&out.join("data/group_scores.csv"));
    assert!(groups.iter().any(|g| g[0] == "2026" && g[1] == a.0), "2026 under {}", a.0);
    assert!(!groups.iter().any(|g| g[1] == variant.0));

    // Beside the survey it was made from: the same institution-year, rejected.
    std::fs::copy(&own_2026, mixed.join(own_2026.file_name().unwrap())).unwrap();
    let r = lobmonitor(root, &["run", "--input", mixed.to_str().unwrap(), "--output", "twice", "--lang", "en"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let status: BTreeMap<String, String> = manifest(&root.join("twice"))["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap().to_string(), i["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(status["bijdrage.json"], "rejected");
    let rejections = read_csv(&root.join("twice/data/rejections.csv"));
    let reason: Vec<String> = rejections.iter().filter(|r| r[0] == "bijdrage.json").map(|r| r.join(" ")).collect();
    assert!(reason.iter().any(|r| r.contains(&format!("{} 2026 is already in", a.0))), "{reason:?}");
    let twice = std::fs::read_to_string(root.join("twice/data/group_scores.csv")).unwrap();
    assert_eq!(twice, std::fs::read_to_string(surveys.join("data/group_scores.csv")).unwrap());
}

#[test]
fn validate_reads_a_folder_as_run_does_the_institutions_file_and_contributions_included() {
    // `validate` says what `run` would do with each file (SPEC §7): the institutions
    // file is read as such (not "ignored, not a survey file") and a contribution is
    // checked and its groups counted, as the run admits it (SPEC §9).
    let (t, _, _) = tempdir();
    let root = t.path();
    let (sample, insts) = sector(root);
    let by = files_of(&sample);
    let a = &insts[0];
    contribute(root, a, &by[&a.0], &root.join("bijdrage.json"));
    let folder = root.join("check");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(sample.join("instellingen.csv"), folder.join("instellingen.csv")).unwrap();
    std::fs::copy(root.join("bijdrage.json"), folder.join("bijdrage.json")).unwrap();
    let b = &insts[1];
    let b_file = by[&b.0][0].clone();
    std::fs::copy(&b_file, folder.join(b_file.file_name().unwrap())).unwrap();
    let r = lobmonitor(root, &["validate", folder.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // 11 institutions in the file written by `sector`.
    assert!(r.stdout.contains("instellingen.csv: institutions file, read (11 institutions)"), "{}", r.stdout);
    assert!(!r.stdout.contains("not a survey file"), "{}", r.stdout);
    assert!(r.stdout.contains("bijdrage.json: ok"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("note: contribution: the figures of {} 2025", a.0)), "{}", r.stdout);
    // Its groups are listed with the surveys' groups, with the respondents its own
    // survey files give when validated themselves.
    let mut own = vec!["validate", "--lang", "en"];
    let own_files: Vec<String> = by[&a.0].iter().map(|p| p.to_string_lossy().into_owned()).collect();
    own.extend(own_files.iter().map(String::as_str));
    let direct = lobmonitor(root, &own);
    let group_lines = |out: &str| -> Vec<String> {
        out.lines().skip_while(|l| !l.starts_with("groups")).filter(|l| l.contains(&a.0)).map(String::from).collect()
    };
    let want = group_lines(&direct.stdout);
    assert_eq!(want.len(), 6, "three lines in two years: {}", direct.stdout);
    assert_eq!(group_lines(&r.stdout), want, "{}", r.stdout);
    // The same files given one by one: the same reading.
    let given: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path().to_string_lossy().into_owned()).collect();
    let mut args = vec!["validate", "--lang", "en"];
    args.extend(given.iter().map(String::as_str));
    let r2 = lobmonitor(root, &args);
    assert!(r2.stdout.contains("institutions file, read (11 institutions)"), "{}", r2.stdout);
    assert!(r2.stdout.contains("bijdrage.json: ok"), "{}", r2.stdout);
}
