//! Why the output folder is left alone ([`Refusal`]), with each case's message in the
//! run's language, and what is in the way ([`Entry`], [`Foreign`]).

use std::fmt;
use std::path::PathBuf;

use crate::lang::say;

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
