//! SPEC §6.2 as a careless user would meet it: a run touches only what it wrote. Every
//! situation is built in a temporary folder; after each run every file the user had is
//! byte-identical, nothing of the run stays beside the output folder, and the message
//! and exit code say what happened.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// Every file and symbolic link below `root` with the SHA-256 of its bytes (a link: of its
/// target), every folder as `None`; hidden entries included.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Option<String>> {
    use sha2::Digest;
    let sum = |b: &[u8]| format!("{:x}", sha2::Sha256::digest(b));
    let mut map = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_path_buf();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.file_type().is_symlink() {
                map.insert(rel, Some(sum(&std::fs::read_link(&p).unwrap().into_os_string().into_encoded_bytes())));
            } else if m.is_dir() {
                map.insert(rel, None);
                stack.push(p);
            } else {
                map.insert(rel, Some(sum(&std::fs::read(&p).unwrap())));
            }
        }
    }
    map
}

fn survey(input: &Path) {
    let ids = items_of_line(1);
    let n = ids.len();
    for inst in ["Instelling A", "Instelling B", "Instelling C"] {
        let mut rows = vec![header(&ids)];
        for i in 0..5 {
            rows.push(row_all(&format!("r{i}"), n, "ja"));
        }
        write_xlsx(&input.join(format!("{inst}.xlsx")), vec![info(inst, 2026, "mbo"), sheet("1e lijn", rows)]);
    }
}

/// A folder tree with the user's own things in it: the test asserts it stays as it is.
fn users_things(dir: &Path) {
    std::fs::create_dir_all(dir.join("photos/.hidden")).unwrap();
    std::fs::write(dir.join("notes.docx"), b"my notes").unwrap();
    std::fs::write(dir.join(".bashrc"), b"alias ll='ls -l'").unwrap();
    std::fs::write(dir.join("photos/holiday.jpg"), b"\xff\xd8\xff").unwrap();
    std::fs::write(dir.join("photos/.hidden/secret.txt"), b"mine").unwrap();
}

fn run_in(dir: &Path, args: &[&str], home: &Path) -> Run {
    let out = assert_cmd::Command::cargo_bin("lobmonitor")
        .unwrap()
        .current_dir(dir)
        .env("HOME", home)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

/// The names of the entries in `dir` that start with `.` (what a run could leave beside
/// its output folder: a lock, a staging folder).
fn hidden_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// A work folder `t/work` with `input/` (three institutions) and `home/`.
fn workplace() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let work = t.path().join("work");
    std::fs::create_dir_all(work.join("input")).unwrap();
    std::fs::create_dir_all(t.path().join("home")).unwrap();
    survey(&work.join("input"));
    (t, work)
}

#[test]
fn a_folder_of_the_users_files_is_refused_and_left_as_it_was() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    let docs = work.join("documenten");
    users_things(&docs);
    let before = snapshot(t.path());
    for lang in ["nl", "en"] {
        let run = run_in(&work, &["run", "--output", "documenten", "--lang", lang], &home);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let said =
            if lang == "nl" { "bestanden die lobmonitor niet schreef" } else { "files lobmonitor did not write" };
        assert!(run.stderr.contains(said), "{}", run.stderr);
        // Named, at most five, folders as folders; and what to do.
        for named in [".bashrc", "notes.docx", "photos/"] {
            assert!(run.stderr.contains(named), "{named}: {}", run.stderr);
        }
        assert!(run.stderr.contains("--output"), "{}", run.stderr);
        assert_eq!(snapshot(t.path()), before, "nothing written anywhere");
    }
    // The default `output/` holding the user's files: the same.
    users_things(&work.join("output"));
    let before = snapshot(t.path());
    let run = run_in(&work, &[], &home);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(snapshot(t.path()), before);
}

#[test]
fn the_input_the_working_folder_its_parents_home_and_root_are_refused_also_through_links() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    std::fs::write(home.join(".profile"), b"mine").unwrap();
    std::os::unix::fs::symlink(work.join("input"), work.join("to-input")).unwrap();
    std::os::unix::fs::symlink(&work, t.path().join("to-work")).unwrap();
    std::os::unix::fs::symlink(&home, work.join("to-home")).unwrap();
    std::fs::write(work.join("notes.docx"), b"mine").unwrap();
    let before = snapshot(t.path());
    let home_s = home.to_str().unwrap().to_string();
    let to_work = t.path().join("to-work/").to_str().unwrap().to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--output", "input"], "is de invoermap"),
        (vec!["--output", "to-input/"], "is de invoermap"),
        (vec!["--output", "."], "bevat de invoermap"),
        (vec!["--output", to_work.as_str()], "bevat de invoermap"),
        (vec!["--output", ".."], "bevat de invoermap"),
        (vec!["--output", "/"], "hoofdmap"),
        (vec!["--output", home_s.as_str()], "is uw thuismap"),
        (vec!["--output", "to-home"], "is uw thuismap"),
        (vec!["--output", "notes.docx"], "is een bestaand bestand"),
        (vec!["--input", "input/..", "--output", "."], "is de invoermap"),
    ];
    for (args, said) in cases {
        let mut all = vec!["run"];
        all.extend(args.iter().copied());
        let run = run_in(&work, &all, &home);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
        assert_eq!(snapshot(t.path()), before, "{args:?}: nothing written");
    }
    // The working folder and its parents, where they do not hold the input.
    let deeper = t.path().join("elders/dieper");
    std::fs::create_dir_all(&deeper).unwrap();
    std::fs::write(deeper.join("brief.docx"), b"mine").unwrap();
    let before = snapshot(t.path());
    let input = work.join("input");
    let input = input.to_str().unwrap();
    for (out, said) in [(".", "is de map waarin u werkt"), ("..", "bevat de map waarin u werkt")] {
        let run = run_in(&deeper, &["run", "--input", input, "--output", out], &home);
        assert_eq!(run.code, 1, "{out}: {}", run.stderr);
        assert!(run.stderr.contains(said), "{out}: {}", run.stderr);
    }
    assert_eq!(snapshot(t.path()), before);
    // The parent of the input, as the input's own parent seen from elsewhere.
    let run = run_in(
        &home,
        &["run", "--input", work.join("input").to_str().unwrap(), "--output", work.to_str().unwrap()],
        &home,
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bevat de invoermap"), "{}", run.stderr);
    // In English, in the run's language.
    let run = run_in(&work, &["run", "--output", "input", "--lang", "en"], &home);
    assert!(run.stderr.contains("the output folder is the input folder"), "{}", run.stderr);
    assert_eq!(snapshot(t.path()), before);
}

#[test]
fn a_fresh_clone_stays_clean_placeholders_kept_and_nothing_beside() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    std::fs::create_dir_all(work.join("output")).unwrap();
    std::fs::write(work.join("output/.gitkeep"), b"").unwrap();
    std::fs::write(work.join("output/.DS_Store"), b"finder").unwrap();
    for _ in 0..2 {
        let run = run_in(&work, &[], &home);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(work.join("output/.gitkeep").is_file(), "the placeholder stays");
        assert!(work.join("output/sector.xlsx").is_file());
        assert!(hidden_in(&work).is_empty(), "nothing beside: {:?}", hidden_in(&work));
    }
    // Every file of the output is in its manifest with its SHA-256.
    let m = manifest(&work.join("output"));
    let listed = m["outputs"].as_array().unwrap();
    assert!(listed.iter().all(|o| o["path"] == "manifest.json" || o["sha256"].as_str().unwrap().len() == 64));
}

#[test]
fn a_previous_output_changed_or_added_to_is_no_longer_ours() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    assert_eq!(run_in(&work, &[], &home).code, 0);
    let out = work.join("output");
    // A workbook the user edited.
    let mut book = std::fs::read(out.join("sector.xlsx")).unwrap();
    book.extend_from_slice(b" ");
    std::fs::write(out.join("sector.xlsx"), &book).unwrap();
    let before = snapshot(t.path());
    let run = run_in(&work, &[], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("sector.xlsx (gewijzigd sinds lobmonitor het schreef)"), "{}", run.stderr);
    assert_eq!(snapshot(t.path()), before);
    // A file of the user's inside a previous output, at depth.
    assert_eq!(run_in(&work, &["run", "--output", "out2"], &home).code, 0);
    std::fs::write(work.join("out2/portretten/mijn-aantekeningen.txt"), b"mine").unwrap();
    let before = snapshot(t.path());
    let run = run_in(&work, &["run", "--output", "out2"], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("portretten/mijn-aantekeningen.txt"), "{}", run.stderr);
    assert_eq!(snapshot(t.path()), before);
    // An open workbook: say which, ask to close it.
    std::fs::remove_file(work.join("out2/portretten/mijn-aantekeningen.txt")).unwrap();
    std::fs::write(work.join("out2/~$sector.xlsx"), b"").unwrap();
    let run = run_in(&work, &["run", "--output", "out2", "--lang", "en"], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("open: sector.xlsx; close it"), "{}", run.stderr);
    std::fs::remove_file(work.join("out2/~$sector.xlsx")).unwrap();
    // Litter of a file manager may go with the outputs.
    std::fs::write(work.join("out2/Thumbs.db"), b"x").unwrap();
    assert_eq!(run_in(&work, &["run", "--output", "out2"], &home).code, 0);
    assert!(!work.join("out2/Thumbs.db").exists());
}

#[test]
fn a_failed_run_leaves_the_previous_outputs_exactly_and_nothing_beside() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    assert_eq!(run_in(&work, &[], &home).code, 0);
    let before = snapshot(t.path());
    // Fails after its outputs were staged.
    let out = assert_cmd::Command::cargo_bin("lobmonitor")
        .unwrap()
        .current_dir(&work)
        .env("HOME", &home)
        .env("LOBMONITOR_FAILPOINT", "report")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(snapshot(t.path()), before);
    // No readable input: the same.
    let run = run_in(&work, &["run", "--input", "home-less"], &home);
    assert_eq!(run.code, 1);
    assert_eq!(snapshot(t.path()), before);
    // A run into a folder whose parents do not exist yet, failing: the parents it made go.
    let run = run_in(&work, &["run", "--input", "nothing-here", "--output", "a/b/c"], &home);
    assert_eq!(run.code, 1);
    assert_eq!(snapshot(t.path()), before);
}

/// Runs `lobmonitor` as the unprivileged user 65534 (tests run as root, where
/// permissions do not bite); `None` where setpriv cannot.
fn as_nobody(dir: &Path, args: &[&str], home: &Path) -> Option<Run> {
    let bin = assert_cmd::cargo::cargo_bin("lobmonitor");
    let probe = std::process::Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "true"])
        .status()
        .ok()?;
    if !probe.success() {
        return None;
    }
    let out = std::process::Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
        .arg(&bin)
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .output()
        .ok()?;
    Some(Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    })
}

fn chown_all(root: &Path) {
    let status = std::process::Command::new("chown").args(["-R", "65534:65534"]).arg(root).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_read_only_folder_in_the_previous_outputs_is_found_before_the_swap() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    // The binary must reach the folder as the unprivileged user.
    let mut p = t.path().to_path_buf();
    loop {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        if mode & 0o001 == 0 {
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode | 0o001));
        }
        if !p.pop() {
            break;
        }
    }
    chown_all(t.path());
    let Some(first) = as_nobody(&work, &["run"], &home) else {
        eprintln!("skipped: setpriv cannot drop privileges here");
        return;
    };
    assert_eq!(first.code, 0, "{}", first.stderr);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(work.join("output/data"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(t.path());
    let run = as_nobody(&work, &["run"], &home).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("de vorige uitvoer kan niet vervangen worden: data"), "{}", run.stderr);
    assert_eq!(snapshot(t.path()), before, "previous outputs exactly as they were, nothing beside");
    std::fs::set_permissions(work.join("output/data"), std::fs::Permissions::from_mode(0o755)).unwrap();
    // An unwritable folder for the output: said, nothing left.
    std::fs::set_permissions(&work, std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = as_nobody(&work, &["run", "--output", "elders"], &home).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    std::fs::set_permissions(&work, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(snapshot(t.path()), before);
}

#[test]
fn a_mount_point_and_a_mount_inside_the_outputs_are_refused() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    assert_eq!(run_in(&work, &[], &home).code, 0);
    std::fs::create_dir_all(work.join("mnt")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("lobmonitor");
    let script = format!(
        "mount -t tmpfs none mnt && {bin} run --output mnt; echo \"mnt=$?\"; mount -t tmpfs none output/data && {bin} run; echo \"inside=$?\"",
        bin = bin.display()
    );
    let Ok(out) = std::process::Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .current_dir(&work)
        .env("HOME", &home)
        .output()
    else {
        eprintln!("skipped: unshare is not available");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stdout.contains("mnt=") {
        eprintln!("skipped: cannot mount in a mount namespace here ({stderr})");
        return;
    }
    assert!(stdout.contains("mnt=1"), "{stdout} {stderr}");
    assert!(stderr.contains("koppelpunt"), "{stderr}");
    assert!(stdout.contains("inside=1"), "{stdout} {stderr}");
    assert!(stderr.contains("ander bestandssysteem gekoppeld"), "{stderr}");
    assert!(work.join("output/manifest.json").is_file());
    assert!(hidden_in(&work).is_empty());
}

#[test]
fn a_second_run_through_a_link_is_refused_and_the_lock_goes_at_the_end() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    assert_eq!(run_in(&work, &[], &home).code, 0);
    std::os::unix::fs::symlink(work.join("output"), work.join("alias")).unwrap();
    // Another run holds the lock of `output`.
    let lock = std::fs::File::create(work.join(".output.lobmonitor-lock")).unwrap();
    lock.try_lock().unwrap();
    let run = run_in(&work, &["run", "--output", "alias/"], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("een andere lobmonitor-run schrijft al"), "{}", run.stderr);
    drop(lock);
    std::fs::remove_file(work.join(".output.lobmonitor-lock")).unwrap();
    // Two runs at once, one through the link: one refused or both one after the other,
    // never both writing; and nothing beside afterwards.
    let spawn = |out: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("lobmonitor"))
            .args(["run", "--output", out])
            .current_dir(&work)
            .env("HOME", &home)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("output"), spawn("alias"));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let codes = [a.status.code().unwrap(), b.status.code().unwrap()];
    assert!(codes.contains(&0), "{codes:?}");
    for o in [&a, &b] {
        if o.status.code() == Some(1) {
            assert!(String::from_utf8_lossy(&o.stderr).contains("een andere lobmonitor-run"));
        }
    }
    assert!(hidden_in(&work).is_empty(), "{:?}", hidden_in(&work));
    assert!(work.join("output/manifest.json").is_file());
}

#[test]
fn config_values_out_of_range_or_weakening_privacy_are_errors_naming_the_key() {
    let (t, work) = workplace();
    let home = t.path().join("home");
    let cases = [
        ("min_group_size = 0\n", "min_group_size: moet liggen in 1–1000"),
        ("min_group_size = 1001\n", "min_group_size: moet liggen in 1–1000"),
        ("min_institutions = 0\n", "min_institutions: moet liggen in 1–1000"),
        ("min_answered = 0\n", "min_answered: moet liggen in (0, 1]"),
        ("min_answered = 1.5\n", "min_answered: moet liggen in (0, 1]"),
        ("max_file_mb = 0\n", "max_file_mb: moet liggen in 1–4096"),
        ("max_file_mb = 5000\n", "max_file_mb: moet liggen in 1–4096"),
        ("min_group_size = 3\n", "min_group_size = 3: onder 5 alleen met allow_small_groups = true"),
        ("min_institutions = 2\n", "min_institutions = 2: onder 3 alleen met allow_small_groups = true"),
    ];
    let before = snapshot(t.path());
    for (toml, said) in cases {
        std::fs::write(work.join("c.toml"), toml).unwrap();
        let run = run_in(&work, &["run", "--config", "c.toml"], &home);
        assert_eq!(run.code, 1, "{toml}");
        assert!(run.stderr.contains(said), "{toml}: {}", run.stderr);
        std::fs::remove_file(work.join("c.toml")).unwrap();
    }
    assert_eq!(snapshot(t.path()), before);
    // A config that is a device or a huge file is refused, never read to the end.
    let run = run_in(&work, &["run", "--config", "/dev/zero"], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("groter dan 1024 KiB"), "{}", run.stderr);
    let huge = std::fs::File::create(work.join("huge.toml")).unwrap();
    huge.set_len(3 << 30).unwrap();
    let run = run_in(&work, &["run", "--config", "huge.toml"], &home);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("groter dan"), "{}", run.stderr);
    std::fs::write(work.join("c.toml"), "framework = \"/dev/zero\"\n").unwrap();
    let run = run_in(&work, &["run", "--config", "c.toml"], &home);
    assert_eq!(run.code, 1, "{}", run.stderr);
    std::fs::remove_file(work.join("huge.toml")).unwrap();
    // Lowered thresholds with allow_small_groups: every output says so first.
    std::fs::write(work.join("c.toml"), "min_group_size = 2\nallow_small_groups = true\n").unwrap();
    let run = run_in(&work, &["run", "--config", "c.toml"], &home);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = work.join("output");
    let warning = "NIET VOOR PUBLICATIE";
    assert!(manifest(&out)["not_for_publication"].as_str().unwrap().starts_with(warning));
    let toelichting = read_sheet(&out.join("sector.xlsx"), "Toelichting");
    assert!(text(&toelichting[2][0]).starts_with(warning), "{:?}", toelichting[2]);
    let portret = read_sheet(&out.join("portretten/instelling-a-2026.xlsx"), "Portret");
    assert!(text(&portret[2][0]).starts_with(warning), "{:?}", portret[2]);
    assert!(std::fs::read_to_string(out.join("charts/index.html")).unwrap().contains(warning));
}
