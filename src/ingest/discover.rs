//! The input walk (SPEC §3): every entry below the input folder is either a file to
//! read or listed with the reason it is not read. Symbolic links are followed only
//! where they lead inside the input folder; hidden files and folders, lock files,
//! special files (pipes, sockets, devices) and lobmonitor's own output folder (when it
//! lies inside the input) are listed, never opened.

use std::path::{Path, PathBuf};

use crate::ingest::reason::Reason;

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files to read, in path order.
    pub files: Vec<PathBuf>,
    /// Entries not read, with why, in path order.
    pub skipped: Vec<(PathBuf, Reason)>,
}

/// Walks `root`, leaving out (and listing) what must not be read. `own` are the output
/// folder and the folders beside it that a run writes.
pub fn discover(root: &Path, own: &[PathBuf]) -> Walk {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let own: Vec<PathBuf> = own.iter().map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())).collect();
    let mut walk = Walk::default();
    let mut it = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().min_depth(1).into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                // A folder it may not open, a path past the system's limit: said as
                // such (`Reason::from_io`), never as a corrupt file.
                let reason = match (e.loop_ancestor(), e.io_error()) {
                    (Some(_), _) => Reason::LinkLoop,
                    (None, Some(io)) => Reason::from_io(io),
                    (None, None) => Reason::SystemError(e.to_string()),
                };
                walk.skipped.push((path, reason));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let name = entry.file_name().to_string_lossy();
        let is_dir = entry.file_type().is_dir();
        let skip = |it: &mut walkdir::IntoIter| {
            if is_dir {
                it.skip_current_dir();
            }
        };
        let resolved = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if own.contains(&resolved) {
            walk.skipped.push((path, Reason::OwnOutput));
            skip(&mut it);
            continue;
        }
        if entry.path_is_symlink() && !resolved.starts_with(&canonical_root) {
            walk.skipped.push((path, Reason::LinkOutside));
            skip(&mut it);
            continue;
        }
        if name.starts_with("~$") {
            walk.skipped.push((path, Reason::LockFile));
            continue;
        }
        if name.starts_with('.') {
            walk.skipped.push((path, Reason::Hidden));
            skip(&mut it);
            continue;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        if ft.is_file() {
            walk.files.push(path);
        } else {
            walk.skipped.push((path, Reason::NotAFile));
        }
    }
    walk.files.sort();
    walk.skipped.sort_by(|a, b| a.0.cmp(&b.0));
    walk
}

/// A path relative to the input folder, `/`-separated, as every listing shows it:
/// bytes that are not UTF-8 are written as `\xNN`, so two names that differ only there
/// stay two names.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // The root of an absolute path is the empty part before the first `/`: "/a/b", not
    // "//a/b".
    rel.components()
        .map(|c| match c {
            std::path::Component::RootDir => String::new(),
            c => os_text(c.as_os_str()),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod relative_tests {
    use super::*;

    #[test]
    fn absolute_and_relative_paths_are_written_once() {
        assert_eq!(relative(Path::new(""), Path::new("/tmp/in/a.xlsx")), "/tmp/in/a.xlsx");
        assert_eq!(relative(Path::new("/tmp/in"), Path::new("/tmp/in/sub/a.xlsx")), "sub/a.xlsx");
        assert_eq!(relative(Path::new(""), Path::new("in/a.xlsx")), "in/a.xlsx");
    }
}

#[cfg(unix)]
fn os_text(s: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in s.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn os_text(s: &std::ffi::OsStr) -> String {
    s.to_string_lossy().into_owned()
}

/// Text made safe for a terminal: control characters (escape sequences among them) and
/// bidirectional overrides are shown as `\u{…}` instead of acting on the screen
/// ([`crate::text::escape_steering`]); line breaks stay.
pub fn terminal_safe(s: &str) -> String {
    crate::text::escape_steering(s, true).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_utf8_stay_apart_and_escapes_are_shown() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let a = Path::new(std::ffi::OsStr::from_bytes(b"in/a\xff.xlsx"));
            let b = Path::new(std::ffi::OsStr::from_bytes(b"in/a\xfe.xlsx"));
            assert_eq!(relative(Path::new("in"), a), "a\\xFF.xlsx");
            assert_ne!(relative(Path::new("in"), a), relative(Path::new("in"), b));
        }
        assert_eq!(terminal_safe("x\u{1b}[31my\n"), "x\\u{1B}[31my\n");
        // A right-to-left override before "xslx.exe" would show the name as "reportexe.xlsx".
        assert_eq!(terminal_safe("report\u{202E}xslx.exe"), "report\\u{202E}xslx.exe");
    }
}
