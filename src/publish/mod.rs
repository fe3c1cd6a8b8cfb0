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
//!
//! `check.rs` decides whether the folder is lobmonitor's, `refusal.rs` says why not; this
//! file holds the lock, the staging folder, the swap and the inventory of what was
//! written.

use std::ffi::OsString;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::lang::Lang;
use crate::words::say;

mod check;
mod refusal;

use check::id_of;
pub use check::{check, sha256_file, Checked, Surroundings};
pub use refusal::{Entry, Foreign, Refusal};

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
    fn take(path: &Path, output: &Path, lang: Lang) -> Result<Lock> {
        for _ in 0..16 {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .with_context(|| say!(lang, folder_not_writable(&path.parent().unwrap_or(path).display())))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => anyhow::bail!(say!(lang, another_run_writing(&output.display()))),
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| say!(lang, cannot_lock(&path.display())))
                }
            }
            let held = file.metadata().map(|m| id_of(&m)).ok();
            let named = fs::symlink_metadata(path).map(|m| id_of(&m)).ok();
            if held.is_some() && held == named {
                return Ok(Lock { path: path.to_path_buf(), file });
            }
        }
        anyhow::bail!(say!(lang, cannot_lock(&path.display())))
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
    /// The language of the messages.
    lang: Lang,
}

impl Publisher {
    /// Checks the output folder ([`check`]), then takes the lock and prepares an empty
    /// staging folder. Nothing is written before the checks have passed.
    pub fn start(output: &Path, around: &Surroundings) -> Result<Publisher> {
        let lang = around.lang;
        let refused = |r: Refusal| anyhow::Error::msg(r.text(lang));
        let checked = check(output, around).map_err(refused)?;
        let output = checked.real;
        let parent = output.parent().ok_or(Refusal::Root).map_err(refused)?.to_path_buf();
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
                return Err(e).with_context(|| say!(lang, folder_cannot_be_made(&dir.display())));
            }
        }
        let lock = match Lock::take(&beside(&output, "lock"), &output, lang) {
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
            lang,
        };
        publisher.recover()?;
        fs::create_dir(&publisher.staging).with_context(|| say!(lang, cannot_create(&publisher.staging.display())))?;
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
                remove(&self.previous, self.lang)?;
            } else {
                fs::rename(&self.previous, &self.output)
                    .with_context(|| say!(self.lang, cannot_put_back(&self.output.display())))?;
            }
        }
        if fs::symlink_metadata(&self.staging).is_ok() {
            remove(&self.staging, self.lang)?;
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
            fs::rename(&self.staging, &self.output)
                .with_context(|| say!(self.lang, cannot_move_into(&self.output.display())))?;
            self.published = true;
            return Ok(());
        }
        if exchange(&self.staging, &self.output).is_err() {
            // Two steps where the file system cannot swap: aside, then in.
            fs::rename(&self.output, &self.previous)
                .with_context(|| say!(self.lang, cannot_move_aside(&self.output.display())))?;
            failpoint("2")?;
            if let Err(e) = fs::rename(&self.staging, &self.output) {
                let _ = fs::rename(&self.previous, &self.output);
                return Err(e).with_context(|| say!(self.lang, cannot_move_into(&self.output.display())));
            }
            self.published = true;
            failpoint("3")?;
            return remove(&self.previous, self.lang);
        }
        self.published = true;
        failpoint("3")?;
        // The staging folder now holds the previous outputs.
        remove(&self.staging, self.lang)
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

fn remove(path: &Path, lang: Lang) -> Result<()> {
    fs::remove_dir_all(path).with_context(|| say!(lang, cannot_remove(&path.display())))
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

    #[test]
    fn lock_names_differ_for_names_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new("/x").join(std::ffi::OsStr::from_bytes(b"out\xff"));
        let b = Path::new("/x").join(std::ffi::OsStr::from_bytes(b"out\xfe"));
        assert_ne!(beside(&a, "lock"), beside(&b, "lock"));
    }
}
