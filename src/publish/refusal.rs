//! Why the output folder is left alone ([`Refusal`]) and what is in the way
//! ([`Entry`], [`Foreign`]), as data. Each case has its own message, worded by
//! `Refusal::text` in `src/words/` in the run's language.

use std::path::PathBuf;

/// Why the output folder is left alone. Each case has its own message
/// (`Refusal::text(lang)`).
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
    /// A folder of the previous outputs that cannot be removed, and why (the system's
    /// words).
    CannotRemove(String, String),
    /// A folder of the previous outputs with another file system mounted on it: it
    /// cannot be removed.
    MountedInside(String),
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
