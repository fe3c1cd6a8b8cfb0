//! Writing outputs all or nothing (SPEC §6): a run builds its whole output tree in a
//! staging folder beside the output folder, then swaps the two folders in one step, so
//! the output folder always holds one complete run: the previous one until the swap,
//! this one after it. A kill at any moment leaves either. The previous outputs are then
//! removed; nothing of them stays in (or hidden inside) the output folder.
//!
//! The swap is `renameat2(RENAME_EXCHANGE)` on Linux, one atomic step. Where a file
//! system refuses it, the output folder is moved aside and the new one moved in (two
//! renames); a run killed between them leaves the previous outputs beside, and the next
//! run puts them back before it starts.
//!
//! A lock on a file beside the output folder keeps a second run from writing the same
//! folder at once; the operating system releases it when a run ends, however it ends.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::lang::say;
use anyhow::{bail, Context, Result};

/// The folders and the lock of one run's output.
pub struct Publisher {
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    _lock: File,
}

/// A name beside the output folder: `.<name>.lobmonitor-<what>`.
fn beside(output: &Path, what: &str) -> PathBuf {
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    output.with_file_name(format!(".{name}.lobmonitor-{what}"))
}

/// Failpoints for the publish test: `LOBMONITOR_FAILPOINT=publish-N` aborts the process
/// (as a kill would) just before step N of publishing.
fn failpoint(step: u32) {
    if std::env::var("LOBMONITOR_FAILPOINT").ok().as_deref() == Some(&format!("publish-{step}")) {
        std::process::abort();
    }
}

impl Publisher {
    /// Takes the lock and prepares an empty staging folder. A second run on the same
    /// output folder is refused with a message that says so.
    pub fn start(output: &Path) -> Result<Publisher> {
        let output = if output.is_absolute() { output.to_path_buf() } else { std::env::current_dir()?.join(output) };
        let parent = output
            .parent()
            .context(say("de uitvoermap heeft geen bovenliggende map", "the output folder has no parent folder"))?
            .to_path_buf();
        std::fs::create_dir_all(&parent).with_context(|| {
            format!(
                "{} {} {}",
                say("uitvoermap", "output folder"),
                parent.display(),
                say("kan niet gemaakt worden", "cannot be created")
            )
        })?;
        let lock_path = beside(&output, "lock");
        let lock = File::create(&lock_path).with_context(|| {
            format!(
                "{} {} {} ({})",
                say("in de map", "folder"),
                parent.display(),
                say("kan niet geschreven worden", "is not writable"),
                lock_path.display()
            )
        })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => bail!(
                "{} {} (lock {}); {}",
                say("een andere lobmonitor-run schrijft al in", "another lobmonitor run is writing"),
                output.display(),
                lock_path.display(),
                say("wacht tot die klaar is", "wait until it has finished")
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| {
                    format!("{} {}", say("kan niet vergrendelen:", "cannot lock"), lock_path.display())
                })
            }
        }
        let publisher =
            Publisher { staging: beside(&output, "new"), previous: beside(&output, "old"), output, _lock: lock };
        publisher.recover()?;
        std::fs::create_dir_all(&publisher.staging)
            .with_context(|| format!("{} {}", say("kan niet maken:", "cannot create"), publisher.staging.display()))?;
        Ok(publisher)
    }

    /// Where this run writes.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// What a killed run may have left: a staging folder (removed), and previous
    /// outputs moved aside but not replaced (put back).
    fn recover(&self) -> Result<()> {
        if self.previous.exists() {
            if self.output.exists() {
                remove(&self.previous)?;
            } else {
                std::fs::rename(&self.previous, &self.output).with_context(|| {
                    format!(
                        "{} {}",
                        say("kan de vorige uitvoer niet terugzetten:", "cannot put the previous outputs back:"),
                        self.output.display()
                    )
                })?;
            }
        }
        if self.staging.exists() {
            remove(&self.staging)?;
        }
        Ok(())
    }

    /// After a failed run: the staging folder goes, the previous outputs stay.
    pub fn abandon(self) {
        let _ = remove(&self.staging);
    }

    /// Puts the staging folder in place of the output folder, in one step where the
    /// file system allows, and removes the previous outputs.
    pub fn publish(self) -> Result<()> {
        failpoint(1);
        if !self.output.exists() {
            std::fs::rename(&self.staging, &self.output).with_context(|| {
                format!(
                    "{} {}",
                    say("kan de uitvoer niet op zijn plaats zetten:", "cannot move the outputs into"),
                    self.output.display()
                )
            })?;
            return Ok(());
        }
        if !self.output.is_dir() {
            bail!(
                "{} {}; {} {}",
                self.output.display(),
                say("bestaat en is geen map", "exists and is not a folder"),
                say("uitvoer staat in", "outputs left in"),
                self.staging.display()
            );
        }
        if exchange(&self.staging, &self.output).is_err() {
            // Two steps where the file system cannot swap: aside, then in.
            std::fs::rename(&self.output, &self.previous).with_context(|| {
                format!(
                    "{} {}",
                    say("kan de vorige uitvoer niet opzij zetten:", "cannot move the previous outputs aside:"),
                    self.output.display()
                )
            })?;
            failpoint(2);
            std::fs::rename(&self.staging, &self.output).with_context(|| {
                format!(
                    "{} {}",
                    say("kan de uitvoer niet op zijn plaats zetten:", "cannot move the outputs into"),
                    self.output.display()
                )
            })?;
            failpoint(3);
            return remove(&self.previous);
        }
        failpoint(3);
        // The staging folder now holds the previous outputs.
        remove(&self.staging)
    }
}

fn remove(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path)
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

/// The folders a run keeps beside its output folder (staging, previous outputs, lock),
/// which the input walk must never read.
pub fn own_paths(output: &Path) -> Vec<PathBuf> {
    vec![output.to_path_buf(), beside(output, "new"), beside(output, "old"), beside(output, "lock")]
}
