//! The output folder (SPEC §6, §6.2): lobmonitor's, or left alone.
//!
//! Before anything is read or written, [`Publisher::start`] decides whether the output
//! folder may be replaced: it may when it does not exist, is empty (placeholders such as
//! `.gitkeep` aside, which are kept), or holds a previous lobmonitor output and nothing
//! else — every file named in that output's `manifest.json` with the SHA-256 it had when
//! it was written. Anything else is refused, naming what is in the way: a user's files, a
//! changed workbook, an open one (an Office lock file), the input or the working folder or
//! one of their ancestors, the home folder, the root, a mount point, a file. Folders are
//! compared by device and inode after following symbolic links, never by their names.
//!
//! A run then builds its whole output tree in a staging folder beside the output folder
//! and swaps the two in one step (`renameat2(RENAME_EXCHANGE)` on Linux; where a file
//! system refuses, two renames, and a run killed between them has its previous outputs
//! put back by the next run). Whatever happens after the checks, nothing of the run stays
//! beside the output folder: the staging folder and the lock file go when the
//! [`Publisher`] is dropped, on success, failure or panic. Whether the previous outputs
//! can be removed (a read-only folder, a mount inside them) is found out before the swap,
//! so a failed run leaves them exactly as they were.
//!
//! A lock file beside the output folder keeps a second run from writing the same folder at
//! once (the operating system releases it however a run ends). It is removed at the end;
//! a run that locked a file which is no longer the one the path names tries again, so two
//! later runs can never both hold it.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::lang::say;

/// Names that only hold a folder in version control; they count as empty and are kept.
const PLACEHOLDERS: [&str; 2] = [".gitkeep", ".keep"];
/// What file managers leave in folders they have shown; it may go with the outputs.
const LITTER: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];
/// At most this many entries are named when a folder is refused.
const NAMED: usize = 5;
/// A previous manifest larger than this is not lobmonitor's (a national run writes ~2 MB).
const MANIFEST_CAP: u64 = 256 << 20;

/// Why the output folder is left alone. Each case has its own message, in the run's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An existing file (or another non-folder) where the folder should be.
    NotAFolder(PathBuf),
    /// A symbolic link that leads nowhere.
    DanglingLink(PathBuf),
    /// A path with `..` below a folder that does not exist yet.
    Unclear(PathBuf),
    Root,
    IsInput,
    /// The output folder holds the input folder.
    HoldsInput,
    IsWorkingFolder,
    HoldsWorkingFolder,
    IsHome,
    HoldsHome,
    /// Another file system is mounted at the output folder.
    MountPoint(PathBuf),
    /// Entries that are not lobmonitor's (at most [`NAMED`]), and how many there are.
    NotOurs {
        entries: Vec<Entry>,
        total: usize,
    },
    /// Office lock files: these workbooks are open in a spreadsheet program.
    OpenWorkbooks(Vec<String>),
    /// A folder of the previous outputs that cannot be removed, and why.
    CannotRemove(String, String),
    /// A folder of the previous outputs that cannot be looked into.
    CannotLook(String, String),
}

/// An entry of the output folder that is not lobmonitor's, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub why: Foreign,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// Not named in a lobmonitor manifest (or there is none).
    Unlisted,
    /// Named, but its content is not what lobmonitor wrote.
    Changed,
    /// Named by an older lobmonitor without a checksum: whether it was changed is unknown.
    Unverifiable,
    /// A symbolic link, pipe, socket or device (lobmonitor writes none).
    Special,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let new_folder = say("kies een nieuwe of lege map met --output", "choose a new or empty folder with --output");
        match self {
            Refusal::NotAFolder(p) => write!(
                f,
                "{} {} {}; {new_folder}",
                say("de uitvoer", "the output"),
                p.display(),
                say(
                    "is een bestaand bestand, geen map: het blijft staan",
                    "is an existing file, not a folder: it is left alone"
                )
            ),
            Refusal::DanglingLink(p) => write!(
                f,
                "{} {} {}; {new_folder}",
                say("de uitvoer", "the output"),
                p.display(),
                say("is een snelkoppeling die nergens heen leidt", "is a symbolic link that leads nowhere")
            ),
            Refusal::Unclear(p) => write!(
                f,
                "{} {}: {}",
                say("de uitvoermap", "the output folder"),
                p.display(),
                say("bevat '..' onder een map die niet bestaat", "has '..' below a folder that does not exist")
            ),
            Refusal::Root => write!(
                f,
                "{}; {new_folder}",
                say(
                    "de uitvoermap is de hoofdmap (/) van het systeem",
                    "the output folder is the root (/) of the system"
                )
            ),
            Refusal::IsInput => write!(
                f,
                "{}; {new_folder}",
                say(
                    "de uitvoermap is de invoermap: de vragenlijsten zouden verdwijnen",
                    "the output folder is the input folder: the surveys would be lost"
                )
            ),
            Refusal::HoldsInput => write!(
                f,
                "{}; {new_folder}",
                say(
                    "de uitvoermap bevat de invoermap: de vragenlijsten zouden verdwijnen",
                    "the output folder holds the input folder: the surveys would be lost"
                )
            ),
            Refusal::IsWorkingFolder => write!(
                f,
                "{}; {new_folder}",
                say("de uitvoermap is de map waarin u werkt", "the output folder is the folder you are working in")
            ),
            Refusal::HoldsWorkingFolder => write!(
                f,
                "{}; {new_folder}",
                say(
                    "de uitvoermap bevat de map waarin u werkt",
                    "the output folder holds the folder you are working in"
                )
            ),
            Refusal::IsHome => write!(
                f,
                "{}; {new_folder}",
                say("de uitvoermap is uw thuismap", "the output folder is your home folder")
            ),
            Refusal::HoldsHome => write!(
                f,
                "{}; {new_folder}",
                say("de uitvoermap bevat uw thuismap", "the output folder holds your home folder")
            ),
            Refusal::MountPoint(p) => write!(
                f,
                "{} {} {}; {}",
                say("de uitvoermap", "the output folder"),
                p.display(),
                say("is een koppelpunt van een ander bestandssysteem", "is the mount point of another file system"),
                say("kies een map daarbinnen", "choose a folder inside it")
            ),
            Refusal::NotOurs { entries, total } => {
                write!(
                    f,
                    "{} ",
                    say(
                        "de uitvoermap bevat bestanden die lobmonitor niet schreef en blijft daarom ongemoeid:",
                        "the output folder holds files lobmonitor did not write and is left alone:"
                    )
                )?;
                let named: Vec<String> = entries
                    .iter()
                    .map(|e| {
                        let why = match e.why {
                            Foreign::Unlisted => None,
                            Foreign::Changed => {
                                Some(say("gewijzigd sinds lobmonitor het schreef", "changed since lobmonitor wrote it"))
                            }
                            Foreign::Unverifiable => Some(say(
                                "van een oudere lobmonitor zonder controlegetal",
                                "from an older lobmonitor without a checksum",
                            )),
                            Foreign::Special => {
                                Some(say("een koppeling of speciaal bestand", "a link or special file"))
                            }
                        };
                        match why {
                            Some(w) => format!("{} ({w})", e.path),
                            None => e.path.clone(),
                        }
                    })
                    .collect();
                write!(f, "{}", named.join(", "))?;
                if *total > entries.len() {
                    write!(f, " {} {}", say("en", "and"), total - entries.len())?;
                    write!(f, " {}", say("meer", "more"))?;
                }
                write!(f, "; {new_folder}")
            }
            Refusal::OpenWorkbooks(names) => write!(
                f,
                "{} {}; {}",
                say("een werkmap in de uitvoermap is geopend:", "a workbook in the output folder is open:"),
                names.join(", "),
                say("sluit die en start opnieuw", "close it and run again")
            ),
            Refusal::CannotRemove(p, why) => write!(
                f,
                "{} {p} ({why}); {}; {new_folder}",
                say("de vorige uitvoer kan niet vervangen worden:", "the previous outputs cannot be replaced:"),
                say("ze blijven ongewijzigd", "they are left as they were")
            ),
            Refusal::CannotLook(p, why) => write!(
                f,
                "{} {p} ({why}); {new_folder}",
                say("kan niet in de uitvoermap kijken:", "cannot look inside the output folder:"),
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// A folder's identity: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Id {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
fn id_of(m: &fs::Metadata) -> Id {
    use std::os::unix::fs::MetadataExt;
    Id { dev: m.dev(), ino: m.ino() }
}

#[cfg(not(unix))]
fn id_of(_: &fs::Metadata) -> Id {
    Id { dev: 0, ino: 0 }
}

/// The identities of a folder and of every folder above it, nearest first.
fn lineage(path: &Path) -> Vec<Id> {
    let Ok(real) = fs::canonicalize(path) else { return Vec::new() };
    real.ancestors().filter_map(|a| fs::metadata(a).ok()).map(|m| id_of(&m)).collect()
}

/// Where a run stands, for the checks: the input folder, the working folder, the home
/// folder.
pub struct Surroundings {
    pub input: PathBuf,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
}

impl Surroundings {
    /// The run's own: `HOME` from the environment.
    pub fn of_run(input: &Path) -> Result<Surroundings> {
        Ok(Surroundings {
            input: input.to_path_buf(),
            cwd: std::env::current_dir()
                .context(say("de werkmap is niet te lezen", "the working folder cannot be read"))?,
            home: std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from),
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
            return Err(Refusal::CannotRemove(
                rel,
                say("er is een ander bestandssysteem gekoppeld", "another file system is mounted there").into(),
            ));
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

/// A name beside the output folder: `.<name>.lobmonitor-<what>`, built from the folder's
/// name as bytes, so two folders whose names are not UTF-8 never share one.
fn beside(output: &Path, what: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(output.file_name().unwrap_or_else(|| "output".as_ref()));
    name.push(format!(".lobmonitor-{what}"));
    output.with_file_name(name)
}

/// Failpoints for the publish tests: `LOBMONITOR_FAILPOINT=publish-N` aborts the process
/// (as a kill would) just before step N of publishing; `report` fails the run (an error,
/// not a kill) after its outputs were staged.
pub fn failpoint(step: &str) -> Result<()> {
    match std::env::var("LOBMONITOR_FAILPOINT").ok() {
        Some(f) if f == format!("publish-{step}") => std::process::abort(),
        Some(f) if f == step => anyhow::bail!("failpoint {step}"),
        _ => Ok(()),
    }
}

/// The lock of one output folder: a locked file beside it, removed when the run ends.
struct Lock {
    path: PathBuf,
    file: File,
}

impl Lock {
    /// Locks the file at `path`, refusing when another run holds it. After locking, the
    /// path must still name the file locked (a run ending removes it): else try again.
    fn take(path: &Path, output: &Path) -> Result<Lock> {
        for _ in 0..16 {
            let file =
                fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path).with_context(
                    || {
                        format!(
                            "{} {} {}",
                            say("in de map", "the folder"),
                            path.parent().unwrap_or(path).display(),
                            say("kan niet geschreven worden", "is not writable")
                        )
                    },
                )?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => anyhow::bail!(
                    "{} {}; {}",
                    say("een andere lobmonitor-run schrijft al in", "another lobmonitor run is writing"),
                    output.display(),
                    say("wacht tot die klaar is", "wait until it has finished")
                ),
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| {
                        format!("{} {}", say("kan niet vergrendelen:", "cannot lock"), path.display())
                    })
                }
            }
            let held = file.metadata().map(|m| id_of(&m)).ok();
            let named = fs::symlink_metadata(path).map(|m| id_of(&m)).ok();
            if held.is_some() && held == named {
                return Ok(Lock { path: path.to_path_buf(), file });
            }
        }
        anyhow::bail!("{} {}", say("kan niet vergrendelen:", "cannot lock"), path.display())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, and only when the path still names this file.
        let held = self.file.metadata().map(|m| id_of(&m)).ok();
        let named = fs::symlink_metadata(&self.path).map(|m| id_of(&m)).ok();
        if held.is_some() && held == named {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// One run's output: the checked folder, its staging folder and its lock. Dropped without
/// [`Publisher::publish`], it leaves the previous outputs as they were and nothing beside.
pub struct Publisher {
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    placeholders: Vec<PathBuf>,
    /// Folders above the output folder that this run made (removed again on failure).
    made: Vec<PathBuf>,
    published: bool,
    /// Taken last, released first when dropped (before the folders it made are removed).
    lock: Option<Lock>,
}

impl Publisher {
    /// Checks the output folder ([`check`]), then takes the lock and prepares an empty
    /// staging folder. Nothing is written before the checks have passed.
    pub fn start(output: &Path, around: &Surroundings) -> Result<Publisher> {
        let checked = check(output, around)?;
        let output = checked.real;
        let parent = output.parent().ok_or(Refusal::Root)?.to_path_buf();
        let mut made = Vec::new();
        let mut missing = parent.as_path();
        while fs::symlink_metadata(missing).is_err() {
            made.push(missing.to_path_buf());
            missing = missing.parent().unwrap_or(Path::new("/"));
        }
        made.reverse();
        for dir in &made {
            if let Err(e) = fs::create_dir(dir) {
                for d in made.iter().rev() {
                    let _ = fs::remove_dir(d);
                }
                return Err(e).with_context(|| {
                    format!(
                        "{} {} {}",
                        say("map", "folder"),
                        dir.display(),
                        say("kan niet gemaakt worden", "cannot be created")
                    )
                });
            }
        }
        let lock = match Lock::take(&beside(&output, "lock"), &output) {
            Ok(l) => l,
            Err(e) => {
                for d in made.iter().rev() {
                    let _ = fs::remove_dir(d);
                }
                return Err(e);
            }
        };
        let publisher = Publisher {
            staging: beside(&output, "new"),
            previous: beside(&output, "old"),
            output,
            placeholders: checked.placeholders,
            made,
            published: false,
            lock: Some(lock),
        };
        publisher.recover()?;
        fs::create_dir(&publisher.staging)
            .with_context(|| format!("{} {}", say("kan niet maken:", "cannot create"), publisher.staging.display()))?;
        Ok(publisher)
    }

    /// Where this run writes.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// The output folder, really (symbolic links followed).
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// The folders this run keeps beside its output folder, which the input walk must
    /// never read.
    pub fn own_paths(&self) -> Vec<PathBuf> {
        vec![self.output.clone(), self.staging.clone(), self.previous.clone(), beside(&self.output, "lock")]
    }

    /// What a killed run may have left: a staging folder (removed), and previous outputs
    /// moved aside but not replaced (put back).
    fn recover(&self) -> Result<()> {
        if self.previous.exists() {
            if self.output.exists() {
                remove(&self.previous)?;
            } else {
                fs::rename(&self.previous, &self.output).with_context(|| {
                    format!(
                        "{} {}",
                        say("kan de vorige uitvoer niet terugzetten:", "cannot put the previous outputs back:"),
                        self.output.display()
                    )
                })?;
            }
        }
        if fs::symlink_metadata(&self.staging).is_ok() {
            remove(&self.staging)?;
        }
        Ok(())
    }

    /// Puts the staging folder in place of the output folder, in one step where the file
    /// system allows, and removes the previous outputs. Placeholders of the previous
    /// folder are kept.
    pub fn publish(mut self) -> Result<()> {
        failpoint("1")?;
        let old = self.output.clone();
        for p in &self.placeholders {
            let to = self.staging.join(p);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::copy(old.join(p), &to)?;
        }
        if fs::symlink_metadata(&self.output).is_err() {
            fs::rename(&self.staging, &self.output).with_context(|| {
                format!(
                    "{} {}",
                    say("kan de uitvoer niet op zijn plaats zetten:", "cannot move the outputs into"),
                    self.output.display()
                )
            })?;
            self.published = true;
            return Ok(());
        }
        if exchange(&self.staging, &self.output).is_err() {
            // Two steps where the file system cannot swap: aside, then in.
            fs::rename(&self.output, &self.previous).with_context(|| {
                format!(
                    "{} {}",
                    say("kan de vorige uitvoer niet opzij zetten:", "cannot move the previous outputs aside:"),
                    self.output.display()
                )
            })?;
            failpoint("2")?;
            if let Err(e) = fs::rename(&self.staging, &self.output) {
                let _ = fs::rename(&self.previous, &self.output);
                return Err(e).with_context(|| {
                    format!(
                        "{} {}",
                        say("kan de uitvoer niet op zijn plaats zetten:", "cannot move the outputs into"),
                        self.output.display()
                    )
                });
            }
            self.published = true;
            failpoint("3")?;
            return remove(&self.previous);
        }
        self.published = true;
        failpoint("3")?;
        // The staging folder now holds the previous outputs.
        remove(&self.staging)
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        if fs::symlink_metadata(&self.staging).is_ok() {
            let _ = fs::remove_dir_all(&self.staging);
        }
        drop(self.lock.take());
        if !self.published {
            for d in self.made.iter().rev() {
                let _ = fs::remove_dir(d);
            }
        }
    }
}

fn remove(path: &Path) -> Result<()> {
    fs::remove_dir_all(path)
        .with_context(|| format!("{} {}", say("kan niet verwijderen:", "cannot remove"), path.display()))
}

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    if std::env::var_os("LOBMONITOR_NO_EXCHANGE").is_some() {
        return Err(std::io::Error::other("exchange disabled"));
    }
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings for the duration of the call.
    let rc = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange here"))
}

/// A file of an output tree: relative path (`/`-separated), SHA-256, size.
pub struct WrittenFile {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// Every file below `dir` (sorted) with its SHA-256 and size, and every folder: what a
/// manifest lists so that the next run knows its own.
pub fn inventory(dir: &Path) -> Result<(Vec<WrittenFile>, Vec<String>)> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name().min_depth(1) {
        let entry = entry?;
        let rel = entry
            .path()
            .strip_prefix(dir)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            folders.push(rel);
        } else {
            files.push((entry.path().to_path_buf(), rel));
        }
    }
    let hashed = files
        .par_iter()
        .map(|(path, rel)| {
            Ok(WrittenFile { path: rel.clone(), sha256: sha256_file(path)?, bytes: fs::metadata(path)?.len() })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((hashed, folders))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(dir: &Path) -> Surroundings {
        Surroundings { input: dir.join("input"), cwd: dir.join("work"), home: Some(dir.join("home")) }
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

    #[test]
    fn lock_names_differ_for_names_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new("/x").join(std::ffi::OsStr::from_bytes(b"out\xff"));
        let b = Path::new("/x").join(std::ffi::OsStr::from_bytes(b"out\xfe"));
        assert_ne!(beside(&a, "lock"), beside(&b, "lock"));
    }
}
