//! Whether the output folder is lobmonitor's (SPEC §6.2), decided before anything is read
//! or written: missing, empty (placeholders aside), or a previous output whose manifest
//! names every file with its SHA-256; never the input, the working folder, the home
//! folder, one of their ancestors, the root, a mount point or a file. Folders are
//! compared by device and inode after following links. Reads, never writes.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::lang::Lang;
use crate::publish::refusal::{Entry, Foreign, Refusal};

/// Names that only hold a folder in version control; they count as empty and are kept.
const PLACEHOLDERS: [&str; 2] = [".gitkeep", ".keep"];

/// What file managers leave in folders they have shown; it may go with the outputs.
const LITTER: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];

/// At most this many entries are named when a folder is refused.
const NAMED: usize = 5;

/// A previous manifest larger than this is not lobmonitor's (a national run writes ~2 MB).
const MANIFEST_CAP: u64 = 256 << 20;

/// A folder's identity: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Id {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
pub(super) fn id_of(m: &fs::Metadata) -> Id {
    use std::os::unix::fs::MetadataExt;
    Id { dev: m.dev(), ino: m.ino() }
}

#[cfg(not(unix))]
pub(super) fn id_of(_: &fs::Metadata) -> Id {
    Id { dev: 0, ino: 0 }
}

/// The identities of a folder and of every folder above it, nearest first.
fn lineage(path: &Path) -> Vec<Id> {
    let Ok(real) = fs::canonicalize(path) else { return Vec::new() };
    real.ancestors().filter_map(|a| fs::metadata(a).ok()).map(|m| id_of(&m)).collect()
}

/// Where a run stands, for the checks: the input folder, the working folder, the home
/// folder; and the language the run's messages take (a refusal, a folder that cannot
/// be locked, made or replaced).
pub struct Surroundings {
    pub input: PathBuf,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
    pub lang: Lang,
}

impl Surroundings {
    /// The run's own: `HOME` from the environment.
    pub fn of_run(input: &Path, lang: Lang) -> Result<Surroundings> {
        Ok(Surroundings {
            input: input.to_path_buf(),
            cwd: std::env::current_dir().with_context(|| crate::words::say!(lang, working_folder_unreadable()))?,
            home: std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from),
            lang,
        })
    }
}

/// The output folder as checked: where it really is, whether it exists, and the
/// placeholders in it to keep.
#[derive(Debug)]
pub struct Checked {
    /// The real path (symbolic links followed); for a folder that does not exist yet, its
    /// nearest existing ancestor's real path with the rest appended.
    pub real: PathBuf,
    pub exists: bool,
    /// Placeholders (relative paths) that go back into the new outputs.
    pub placeholders: Vec<PathBuf>,
}

/// Decides whether `output` may be replaced by a run (SPEC §6.2). Reads, never writes.
pub fn check(output: &Path, around: &Surroundings) -> std::result::Result<Checked, Refusal> {
    let abs = if output.is_absolute() { output.to_path_buf() } else { around.cwd.join(output) };
    let meta = match fs::symlink_metadata(&abs) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Refusal::CannotLook(abs.display().to_string(), e.to_string())),
    };
    let Some(meta) = meta else {
        // A trailing `/` on a dangling link reads as "not found": look at the link itself.
        if let Some(name) = abs.file_name() {
            let bare = abs.with_file_name(name);
            if fs::symlink_metadata(&bare).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(Refusal::DanglingLink(abs));
            }
        }
        return Ok(Checked { real: resolve_missing(&abs)?, exists: false, placeholders: Vec::new() });
    };
    if meta.file_type().is_symlink() && fs::metadata(&abs).is_err() {
        return Err(Refusal::DanglingLink(abs));
    }
    let real = fs::canonicalize(&abs).map_err(|e| Refusal::CannotLook(abs.display().to_string(), e.to_string()))?;
    let m = fs::metadata(&real).map_err(|e| Refusal::CannotLook(real.display().to_string(), e.to_string()))?;
    if !m.is_dir() {
        return Err(Refusal::NotAFolder(abs));
    }
    let me = id_of(&m);
    let Some(parent) = real.parent() else { return Err(Refusal::Root) };
    let input = lineage(&around.input);
    if input.first() == Some(&me) {
        return Err(Refusal::IsInput);
    }
    if input.contains(&me) {
        return Err(Refusal::HoldsInput);
    }
    let cwd = lineage(&around.cwd);
    if cwd.first() == Some(&me) {
        return Err(Refusal::IsWorkingFolder);
    }
    if cwd.contains(&me) {
        return Err(Refusal::HoldsWorkingFolder);
    }
    if let Some(home) = &around.home {
        let home = lineage(home);
        if home.first() == Some(&me) {
            return Err(Refusal::IsHome);
        }
        if home.contains(&me) {
            return Err(Refusal::HoldsHome);
        }
    }
    let parent_meta =
        fs::metadata(parent).map_err(|e| Refusal::CannotLook(parent.display().to_string(), e.to_string()))?;
    if id_of(&parent_meta).dev != me.dev || id_of(&parent_meta) == me {
        return Err(Refusal::MountPoint(abs));
    }
    let placeholders = check_contents(&real, me.dev)?;
    Ok(Checked { real, exists: true, placeholders })
}

/// A folder that does not exist yet: its nearest existing ancestor, really, with the rest.
fn resolve_missing(abs: &Path) -> std::result::Result<PathBuf, Refusal> {
    let mut existing = abs.to_path_buf();
    let mut rest = Vec::new();
    while fs::symlink_metadata(&existing).is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            // A name ending in `..` below a folder that does not exist: nothing to resolve.
            _ => return Err(Refusal::Unclear(abs.to_path_buf())),
        }
    }
    let mut real =
        fs::canonicalize(&existing).map_err(|e| Refusal::CannotLook(existing.display().to_string(), e.to_string()))?;
    if !real.is_dir() {
        return Err(Refusal::NotAFolder(existing));
    }
    for name in rest.iter().rev() {
        real.push(name);
    }
    Ok(real)
}

/// The previous manifest's files: relative path → SHA-256 (empty when it has none).
fn manifest_files(root: &Path) -> Option<(std::collections::HashMap<String, String>, Vec<String>)> {
    #[derive(serde::Deserialize)]
    struct Tool {
        name: String,
    }
    #[derive(serde::Deserialize)]
    struct Out {
        path: String,
        #[serde(default)]
        sha256: String,
    }
    #[derive(serde::Deserialize)]
    struct Manifest {
        tool: Tool,
        #[serde(default)]
        outputs: Vec<Out>,
        #[serde(default)]
        folders: Vec<String>,
    }
    let file = File::open(root.join("manifest.json")).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    file.take(MANIFEST_CAP).read_to_string(&mut text).ok()?;
    let m: Manifest = serde_json::from_str(&text).ok()?;
    (m.tool.name == "lobmonitor").then(|| (m.outputs.into_iter().map(|o| (o.path, o.sha256)).collect(), m.folders))
}

/// Walks an existing output folder: every entry must be lobmonitor's (by its manifest), a
/// placeholder or litter; every folder must be removable. Returns the placeholders.
fn check_contents(root: &Path, dev: u64) -> std::result::Result<Vec<PathBuf>, Refusal> {
    let manifest = manifest_files(root);
    let (listed, folders) = manifest.clone().unwrap_or_default();
    let mut placeholders = Vec::new();
    let mut foreign = Vec::new();
    let mut locks = Vec::new();
    let mut to_hash = Vec::new();
    let mut dirs = vec![(root.to_path_buf(), String::new())];
    let rel_of = |p: &Path| -> String {
        p.strip_prefix(root)
            .unwrap_or(p)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    for entry in walkdir::WalkDir::new(root).follow_links(false).sort_by_file_name().min_depth(1) {
        let entry = entry.map_err(|e| {
            let p = e.path().map(rel_of).unwrap_or_default();
            Refusal::CannotLook(p, e.io_error().map_or_else(|| e.to_string(), |io| io.to_string()))
        })?;
        let rel = rel_of(entry.path());
        let name = entry.file_name().to_string_lossy();
        let ft = entry.file_type();
        if ft.is_dir() {
            dirs.push((entry.path().to_path_buf(), rel));
            continue;
        }
        if name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#')) {
            let book = name.trim_start_matches("~$").trim_start_matches(".~lock.").trim_end_matches('#');
            locks.push(book.to_string());
            continue;
        }
        if !ft.is_file() {
            foreign.push(Entry { path: rel, why: Foreign::Special });
            continue;
        }
        if PLACEHOLDERS.contains(&name.as_ref()) {
            placeholders.push(PathBuf::from(&rel));
            continue;
        }
        if LITTER.contains(&name.as_ref()) {
            continue;
        }
        if rel == "manifest.json" && manifest.is_some() {
            continue;
        }
        match listed.get(&rel) {
            None => foreign.push(Entry { path: rel, why: Foreign::Unlisted }),
            Some(sum) if sum.is_empty() => foreign.push(Entry { path: rel, why: Foreign::Unverifiable }),
            Some(sum) => to_hash.push((entry.path().to_path_buf(), rel, sum.clone())),
        }
    }
    let changed: Vec<Entry> = to_hash
        .par_iter()
        .filter(|(path, _, sum)| sha256_file(path).ok().as_deref() != Some(sum.as_str()))
        .map(|(_, rel, _)| Entry { path: rel.clone(), why: Foreign::Changed })
        .collect();
    foreign.extend(changed);
    // A folder the manifest does not account for (neither named nor holding a named file)
    // is the user's, even when empty.
    for (_, rel) in dirs.iter().skip(1) {
        let named = folders.iter().any(|f| f == rel)
            || listed
                .keys()
                .any(|k| k.len() > rel.len() && k.starts_with(rel.as_str()) && k.as_bytes()[rel.len()] == b'/');
        let only_placeholders = placeholders.iter().any(|p| p.parent() == Some(Path::new(rel)));
        if !named && !only_placeholders {
            foreign.push(Entry { path: format!("{rel}/"), why: Foreign::Unlisted });
        }
    }
    if !locks.is_empty() {
        locks.sort();
        locks.dedup();
        return Err(Refusal::OpenWorkbooks(locks));
    }
    if !foreign.is_empty() {
        // Files inside a foreign folder are named by the folder where it is foreign itself.
        foreign.sort_by(|a, b| a.path.cmp(&b.path));
        let mut shown: Vec<Entry> = Vec::new();
        for e in &foreign {
            if !shown.iter().any(|s| s.path.ends_with('/') && e.path.starts_with(&s.path)) {
                shown.push(e.clone());
            }
        }
        let total = shown.len();
        shown.truncate(NAMED);
        return Err(Refusal::NotOurs { entries: shown, total });
    }
    for (dir, rel) in &dirs {
        let rel = if rel.is_empty() { ".".to_string() } else { rel.clone() };
        let m = fs::symlink_metadata(dir).map_err(|e| Refusal::CannotLook(rel.clone(), e.to_string()))?;
        if id_of(&m).dev != dev {
            return Err(Refusal::MountedInside(rel));
        }
        if let Err(e) = writable(dir) {
            return Err(Refusal::CannotRemove(rel, e.to_string()));
        }
    }
    Ok(placeholders)
}

/// Whether this process may remove entries of `dir` (write and search permission, a
/// file system that is not read-only).
#[cfg(unix)]
fn writable(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes())?;
    // SAFETY: a valid NUL-terminated path for the duration of the call.
    let rc = unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK | libc::X_OK, libc::AT_EACCESS) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn writable(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The SHA-256 of a file, in lower-case hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(dir: &Path) -> Surroundings {
        Surroundings { input: dir.join("input"), cwd: dir.join("work"), home: Some(dir.join("home")), lang: Lang::Nl }
    }

    fn setup() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for f in ["input", "work", "home"] {
            fs::create_dir(d.path().join(f)).unwrap();
        }
        d
    }

    #[test]
    fn a_folder_that_does_not_exist_or_is_empty_may_be_written() {
        let d = setup();
        let c = check(&d.path().join("out/new"), &around(d.path())).unwrap();
        assert!(!c.exists);
        fs::create_dir(d.path().join("empty")).unwrap();
        fs::write(d.path().join("empty/.gitkeep"), "").unwrap();
        fs::write(d.path().join("empty/.DS_Store"), "x").unwrap();
        let c = check(&d.path().join("empty"), &around(d.path())).unwrap();
        assert_eq!(c.placeholders, vec![PathBuf::from(".gitkeep")]);
    }

    #[test]
    fn user_files_are_named_up_to_five() {
        let d = setup();
        let out = d.path().join("docs");
        fs::create_dir_all(out.join("photos")).unwrap();
        for i in 0..7 {
            fs::write(out.join(format!("note{i}.docx")), "mine").unwrap();
        }
        fs::write(out.join("photos/a.jpg"), "mine").unwrap();
        match check(&out, &around(d.path())) {
            Err(Refusal::NotOurs { entries, total }) => {
                // 7 notes and the photos folder (its file named by the folder) = 8.
                assert_eq!(total, 8);
                assert_eq!(entries.len(), 5);
                assert_eq!(entries[0].path, "note0.docx");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_input_the_working_folder_home_and_their_ancestors_are_refused() {
        let d = setup();
        let a = around(d.path());
        assert_eq!(check(&d.path().join("input"), &a).unwrap_err(), Refusal::IsInput);
        assert_eq!(check(&d.path().join("work"), &a).unwrap_err(), Refusal::IsWorkingFolder);
        assert_eq!(check(&d.path().join("home"), &a).unwrap_err(), Refusal::IsHome);
        assert_eq!(check(d.path(), &a).unwrap_err(), Refusal::HoldsInput);
        assert_eq!(check(Path::new("/"), &a).unwrap_err(), Refusal::Root);
        // Through a symbolic link, and relative to the working folder.
        std::os::unix::fs::symlink(d.path().join("input"), d.path().join("link")).unwrap();
        assert_eq!(check(&d.path().join("link/"), &a).unwrap_err(), Refusal::IsInput);
        assert_eq!(check(Path::new("../input"), &a).unwrap_err(), Refusal::IsInput);
        assert_eq!(check(Path::new("."), &a).unwrap_err(), Refusal::IsWorkingFolder);
    }

    #[test]
    fn a_file_and_a_dangling_link_are_refused() {
        let d = setup();
        let a = around(d.path());
        fs::write(d.path().join("notes.docx"), "mine").unwrap();
        assert!(matches!(check(&d.path().join("notes.docx"), &a), Err(Refusal::NotAFolder(_))));
        std::os::unix::fs::symlink(d.path().join("nowhere"), d.path().join("dangling")).unwrap();
        assert!(matches!(check(&d.path().join("dangling"), &a), Err(Refusal::DanglingLink(_))));
        assert!(matches!(check(&d.path().join("dangling/"), &a), Err(Refusal::DanglingLink(_))));
    }

    #[test]
    fn a_previous_output_is_ours_only_while_unchanged() {
        let d = setup();
        let out = d.path().join("out");
        fs::create_dir_all(out.join("data")).unwrap();
        fs::write(out.join("data/t.csv"), "a,b\n").unwrap();
        let sum = sha256_file(&out.join("data/t.csv")).unwrap();
        // `printf 'a,b\n' | sha256sum`
        assert_eq!(sum, "5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313");
        let manifest = format!(
            r#"{{"tool":{{"name":"lobmonitor","version":"x"}},"outputs":[{{"path":"data/t.csv","kind":"table","sha256":"{sum}"}}],"folders":["data"]}}"#
        );
        fs::write(out.join("manifest.json"), manifest).unwrap();
        assert!(check(&out, &around(d.path())).is_ok());
        fs::write(out.join("data/t.csv"), "a,b\n1,2\n").unwrap();
        match check(&out, &around(d.path())) {
            Err(Refusal::NotOurs { entries, .. }) => {
                assert_eq!(entries, vec![Entry { path: "data/t.csv".into(), why: Foreign::Changed }])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_office_lock_file_names_the_open_workbook() {
        let d = setup();
        let out = d.path().join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("~$sector.xlsx"), "").unwrap();
        fs::write(out.join(".~lock.portret.xlsx#"), "").unwrap();
        assert_eq!(
            check(&out, &around(d.path())).unwrap_err(),
            Refusal::OpenWorkbooks(vec!["portret.xlsx".into(), "sector.xlsx".into()])
        );
    }
}
