//! Every table of `src/words` says every key in both languages (issue #22, following the
//! model of `report::words`' test): each variant of each type is listed below through an
//! exhaustive `match` (a new variant does not compile until it is listed here), and its
//! Dutch and English words are checked to be there, to be distinct from another key's,
//! to carry the same figures, and to be in their own language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::ingest::cell::Field;
use crate::ingest::ledger::{FileStatus, IdentityFact, Level, NoteKind, Tool};
use crate::ingest::matching::How;
use crate::ingest::names::Source;
use crate::ingest::reason::Reason;
use crate::ingest::IngestError;
use crate::lang::Lang;
use crate::publish::{Entry, Foreign, Refusal};

/// Words only Dutch uses (none an English word, none in the Dutch names an English
/// message quotes: «instelling», «lijn», the roles, the answer words).
const DUTCH: &[&str] = &[
    "niet",
    "geen",
    "het",
    "een",
    "van",
    "wordt",
    "bestand",
    "werkblad",
    "kolom",
    "rij",
    "gelezen",
    "ontbreekt",
    "zet",
    "dezelfde",
    "uit",
    "map",
    "kan",
    "uitvoermap",
    "invoermap",
    "moet",
    "liggen",
    "onder",
    "alleen",
];

/// Words only English uses (none in the English names a Dutch message quotes: `files`,
/// `--year`, `[[answers]]`, "permission denied").
const ENGLISH: &[&str] = &[
    "the", "not", "file", "sheet", "read", "column", "row", "missing", "which", "with", "and", "from", "cannot",
    "folder", "output", "must", "lie", "below", "only",
];

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The figures a text says (runs of digits), in order.
fn figures(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Both languages' words of one key: present, in their own language, with the same
/// figures. `names` are the data's own words (quoted in both languages, not checked).
fn check_pair(key: &str, nl: &str, en: &str, names: &[&str]) {
    assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{key}: {nl:?} / {en:?}");
    let mut own: BTreeSet<String> = BTreeSet::new();
    for n in names {
        own.extend(words(n));
    }
    let dutch_in_en: Vec<&str> =
        DUTCH.iter().copied().filter(|w| words(en).contains(*w) && !own.contains(*w)).collect();
    assert!(dutch_in_en.is_empty(), "{key}: Dutch {dutch_in_en:?} in the English: {en}");
    let english_in_nl: Vec<&str> =
        ENGLISH.iter().copied().filter(|w| words(nl).contains(*w) && !own.contains(*w)).collect();
    assert!(english_in_nl.is_empty(), "{key}: English {english_in_nl:?} in the Dutch: {nl}");
    // Every figure said in one language is said in the other (figures are claims).
    let (mut a, mut b) = (figures(nl), figures(en));
    a.sort();
    b.sort();
    assert_eq!(a, b, "{key}: {nl} / {en}");
}

/// Each reason's place in the list below: the `match` is exhaustive, so a new reason
/// must be given a number (and a sample) before this compiles.
fn reason_number(r: &Reason) -> usize {
    use Reason::*;
    match r {
        Unreadable(_) => 0,
        PermissionDenied => 1,
        PathTooLong => 2,
        SystemError(_) => 3,
        Encrypted => 4,
        TooLarge { .. } => 5,
        TooLargeUnpacked { .. } => 6,
        SheetTooLarge { .. } => 7,
        TooMuchText { .. } => 8,
        TooManySharedStrings { .. } => 9,
        SheetAlias(_) => 10,
        XlsSheetAliases => 11,
        RowTooWide { .. } => 12,
        DuplicatePart(_) => 13,
        NoSurveySheet => 14,
        Hidden => 15,
        LockFile => 16,
        NotAFile => 17,
        LinkOutside => 18,
        LinkLoop => 19,
        OwnOutput => 20,
        EmptyFile => 21,
        NoInstitutionColumn => 22,
        NoSurveyTable => 23,
        ReaderPanic => 24,
        HtmlNotSpreadsheet => 25,
        NotASpreadsheet => 26,
        TextNotSpreadsheet => 27,
        XmlSpreadsheet => 28,
        CopyOf(_) => 29,
        SameResponsesAs(_) => 30,
        Contribution(_) => 31,
        UnrecognisedColumn => 32,
        SecondColumnForItem(_) => 33,
        HeaderlessColumn => 34,
        MissingInstitution => 35,
        MissingYear => 36,
        InvalidYear => 37,
        MissingLine => 38,
        InvalidLine => 39,
        AmbiguousInstitution { .. } => 40,
        RoleOfLines(_) => 41,
        RolesDisagree => 42,
        MissingRespondent => 43,
        Duplicate(_) => 44,
        NoValidAnswer => 45,
        BelowMinAnswered { .. } => 46,
        NotInAnswerTable => 47,
        NotOnScale => 48,
        AmbiguousNumbers { .. } => 49,
        FormulaWithoutValue => 50,
        FormulaError(_) => 51,
        DateInAnswer => 52,
        UnknownItem => 53,
        SecondAnswerForItem => 54,
        ItemNotInEdition(_) => 55,
        SummaryRow { .. } => 56,
        Reason::Vocabulary(_) => 57,
        EveryRow { .. } => 58,
        NothingAccepted => 59,
    }
}

/// A sample of every reason (with figures and names that are no word of either
/// language), and the data's own words in it.
fn every_reason() -> Vec<(Reason, Vec<&'static str>)> {
    // (A path: the glob below names the reason `Vocabulary` in this block.)
    let vocabulary = crate::ingest::reason::Vocabulary {
        numbers: Some((0, 4)),
        values: vec![("zzgood".into(), 12), ("zzbad".into(), 3)],
        others: 2,
        proposal: crate::ingest::reason::Proposal {
            files: Some("x.xlsx".into()),
            lines: vec![
                ("zzgood".into(), crate::ingest::reason::Proposed::Word("ja")),
                ("zzbad".into(), crate::ingest::reason::Proposed::Choose),
                ("zzlong…".into(), crate::ingest::reason::Proposed::TooLong),
            ],
        },
        existing: Some("x*.xlsx".into()),
    };
    use Reason::*;
    vec![
        (Unreadable("zip error 7".into()), vec![]),
        (PermissionDenied, vec![]),
        (PathTooLong, vec![]),
        (SystemError("os error 5".into()), vec![]),
        (Encrypted, vec![]),
        (TooLarge { bytes: 123_456, limit: 99_000 }, vec![]),
        (TooLargeUnpacked { bytes: 77_777, limit: 66_000 }, vec![]),
        (SheetTooLarge { cells: 5_000_001, limit: 5_000_000 }, vec![]),
        (TooMuchText { bytes: 4_321, limit: 1_234 }, vec![]),
        (TooManySharedStrings { declared: 1e9, fits: 42 }, vec![]),
        (SheetAlias("Blad7".into()), vec!["Blad7"]),
        (XlsSheetAliases, vec![]),
        (RowTooWide { row: 17, limit: 16_384 }, vec![]),
        (DuplicatePart("xl/worksheets/sheet1.xml".into()), vec!["xl/worksheets/sheet1.xml"]),
        (NoSurveySheet, vec![]),
        (Hidden, vec![]),
        (LockFile, vec![]),
        (NotAFile, vec![]),
        (LinkOutside, vec![]),
        (LinkLoop, vec![]),
        (OwnOutput, vec![]),
        (EmptyFile, vec![]),
        (NoInstitutionColumn, vec![]),
        (NoSurveyTable, vec![]),
        (ReaderPanic, vec![]),
        (HtmlNotSpreadsheet, vec![]),
        (NotASpreadsheet, vec![]),
        (TextNotSpreadsheet, vec![]),
        (XmlSpreadsheet, vec![]),
        (CopyOf("a/b1.xlsx".into()), vec!["a/b1.xlsx"]),
        (SameResponsesAs("a/b2.csv".into()), vec!["a/b2.csv"]),
        (Contribution(crate::contribution::Refusal::NoChecksum), vec![]),
        (UnrecognisedColumn, vec![]),
        (SecondColumnForItem("L1-VB-R1".into()), vec![]),
        (HeaderlessColumn, vec![]),
        (MissingInstitution, vec![]),
        (MissingYear, vec![]),
        (InvalidYear, vec![]),
        (MissingLine, vec![]),
        (InvalidLine, vec![]),
        (
            AmbiguousInstitution {
                source: Source::FileName,
                candidates: vec!["Alfa".into(), "Beta".into(), "Gamma".into()],
            },
            vec![],
        ),
        (RoleOfLines(vec![2, 3]), vec![]),
        (RolesDisagree, vec![]),
        (MissingRespondent, vec![]),
        (Duplicate("a.xlsx / Blad1 / A9".into()), vec!["a.xlsx / Blad1 / A9"]),
        (NoValidAnswer, vec![]),
        (BelowMinAnswered { answered: 3, applicable: 11, min: 0.5 }, vec![]),
        (NotInAnswerTable, vec![]),
        (NotOnScale, vec![]),
        (AmbiguousNumbers { lo: 1, hi: 5 }, vec![]),
        (FormulaWithoutValue, vec![]),
        (FormulaError("#DIV/0!".into()), vec![]),
        (DateInAnswer, vec![]),
        (UnknownItem, vec![]),
        (SecondAnswerForItem, vec![]),
        (ItemNotInEdition("raamwerk-2017".into()), vec!["raamwerk-2017"]),
        (SummaryRow { by_formulas: false }, vec![]),
        (SummaryRow { by_formulas: true }, vec![]),
        (
            Reason::Vocabulary(Box::new(vocabulary)),
            vec!["zzgood", "zzbad", "zzlong", "files", "x.xlsx", "ja", "grotendeels", "enigszins", "nee", "n.v.t"],
        ),
        (EveryRow { reason: Box::new(MissingYear), rows: 41 }, vec![]),
        (EveryRow { reason: Box::new(NotOnScale), rows: 8 }, vec![]),
        (NothingAccepted, vec![]),
    ]
}

#[test]
fn every_reason_is_worded_in_both_languages_with_its_figures() {
    let sample = every_reason();
    let numbers: BTreeSet<usize> = sample.iter().map(|(r, _)| reason_number(r)).collect();
    assert_eq!(numbers, (0..60).collect(), "a reason without a sample");
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for (r, names) in &sample {
        let (nl, en) = (r.text(Lang::Nl), r.text(Lang::En));
        check_pair(&format!("{r:?}"), &nl, &en, names);
        assert_ne!(nl, en, "{r:?}");
        if let Some(other) = seen.insert((nl.clone(), en.clone()), format!("{r:?}")) {
            panic!("{r:?} says what {other} says: {nl}");
        }
    }
    // The list of a reason's places and its own words, by hand: the one a sheet's rows
    // share is said, and where it was looked for.
    let every = Reason::EveryRow { reason: Box::new(Reason::MissingYear), rows: 41 };
    assert!(every.text(Lang::En).starts_with(
        "every row of this sheet (41) is rejected for the same reason: year missing (no column; Info sheet,"
    ));
    assert!(every.text(Lang::Nl).ends_with(", --year of year in de configuratie"));
    // Three candidates: "«Alfa», «Beta» en «Gamma»".
    let ambiguous = &sample[40].0;
    assert!(ambiguous.text(Lang::Nl).contains("de bestandsnaam noemt «Alfa», «Beta» en «Gamma»;"));
    assert!(ambiguous.text(Lang::En).contains("the file name names «Alfa», «Beta» and «Gamma»;"));
    // The proposed lines as TOML, their comments in the run's language only.
    let proposal = sample.iter().find(|(r, _)| matches!(r, Reason::Vocabulary(_))).unwrap().0.clone();
    assert!(proposal.text(Lang::En).ends_with(
        ":\n[[answers]]\nfiles = \"x.xlsx\"\n\"zzgood\" = \"ja\"\n# \"zzbad\" = \"\"  (ja, grotendeels, enigszins, nee or n.v.t.)\n# \"zzlong…\" …  (too long for an answer word)\n"
    ));
    assert!(proposal.text(Lang::Nl).ends_with(
        "\n# \"zzbad\" = \"\"  (ja, grotendeels, enigszins, nee of n.v.t.)\n# \"zzlong…\" …  (te lang voor een antwoordwoord)\n"
    ));
    // 3 of 11 below a half: "(less than 50 %)".
    assert!(sample[46].0.text(Lang::En).ends_with("answered 3 of 11 applicable items (less than 50 %)"));
}

#[test]
fn a_reason_with_too_few_names_is_still_said() {
    // Ingest hands over two or more; anything else is said, not a panic.
    let one = Reason::AmbiguousInstitution { source: Source::Title, candidates: vec!["Alfa".into()] };
    assert!(one.text(Lang::En).contains("the title row names «Alfa»;"));
    let none = Reason::RoleOfLines(Vec::new());
    assert!(none.text(Lang::Nl).starts_with("rol hoort bij lijn , en"));
}

#[test]
fn levels_statuses_tools_fields_and_match_kinds_are_worded_in_both_languages() {
    fn level(l: Level) -> usize {
        match l {
            Level::File => 0,
            Level::Sheet => 1,
            Level::Column => 2,
            Level::Row => 3,
            Level::Answer => 4,
        }
    }
    fn status(s: FileStatus) -> usize {
        match s {
            FileStatus::Accepted => 0,
            FileStatus::Partial => 1,
            FileStatus::Rejected => 2,
            FileStatus::Ignored => 3,
            FileStatus::Duplicate => 4,
        }
    }
    fn tool(t: Tool) -> usize {
        match t {
            Tool::Template => 0,
            Tool::MicrosoftForms => 1,
            Tool::GoogleForms => 2,
            Tool::LimeSurvey => 3,
            Tool::Qualtrics => 4,
            Tool::SurveyMonkey => 5,
        }
    }
    fn field(f: Field) -> usize {
        match f {
            Field::Respondent => 0,
            Field::Institution => 1,
            Field::Year => 2,
            Field::Line => 3,
            Field::Location => 4,
            Field::Team => 5,
            Field::Item => 6,
            Field::Answer => 7,
        }
    }
    fn how(h: How) -> usize {
        match h {
            How::Id => 0,
            How::Text => 1,
            How::Code => 2,
            How::Invisible => 3,
            How::Numbered => 4,
            How::Grid => 5,
            How::Similar => 6,
        }
    }
    let levels = [Level::File, Level::Sheet, Level::Column, Level::Row, Level::Answer];
    let statuses =
        [FileStatus::Accepted, FileStatus::Partial, FileStatus::Rejected, FileStatus::Ignored, FileStatus::Duplicate];
    let tools = [
        Tool::Template,
        Tool::MicrosoftForms,
        Tool::GoogleForms,
        Tool::LimeSurvey,
        Tool::Qualtrics,
        Tool::SurveyMonkey,
    ];
    let fields = [
        Field::Respondent,
        Field::Institution,
        Field::Year,
        Field::Line,
        Field::Location,
        Field::Team,
        Field::Item,
        Field::Answer,
    ];
    let hows = [How::Id, How::Text, How::Code, How::Invisible, How::Numbered, How::Grid, How::Similar];
    assert_eq!(levels.map(level), [0, 1, 2, 3, 4]);
    assert_eq!(statuses.map(status), [0, 1, 2, 3, 4]);
    assert_eq!(tools.map(tool), [0, 1, 2, 3, 4, 5]);
    assert_eq!(fields.map(field), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(hows.map(how), [0, 1, 2, 3, 4, 5, 6]);
    /// Present in both, one key per word in each language.
    fn distinct(table: &str, pairs: Vec<(&'static str, &'static str)>) {
        let mut nl = BTreeSet::new();
        let mut en = BTreeSet::new();
        for (a, b) in &pairs {
            check_pair(table, a, b, &[]);
            assert!(nl.insert(*a) && en.insert(*b), "{table}: {a} / {b} said twice");
        }
    }
    distinct("level", levels.iter().map(|l| (l.word(Lang::Nl), l.word(Lang::En))).collect());
    distinct("status", statuses.iter().map(|s| (s.word(Lang::Nl), s.word(Lang::En))).collect());
    distinct("tool", tools.iter().map(|t| (t.name(Lang::Nl), t.name(Lang::En))).collect());
    distinct("field", fields.iter().map(|f| (f.label(Lang::Nl), f.label(Lang::En))).collect());
    distinct("how", hows.iter().map(|h| (h.text(Lang::Nl), h.text(Lang::En))).collect());
    // The words tables keep their codes: Dutch in the workbook, the code in the tables.
    assert_eq!((Level::Row.word(Lang::Nl), Level::Row.word(Lang::En), Level::Row.code()), ("rij", "row", "row"));
    assert_eq!(FileStatus::Partial.word(Lang::Nl), "deels gescoord");
    assert_eq!(Tool::Template.name(Lang::En), "lobmonitor template");
}

#[test]
fn every_source_and_note_is_worded_in_both_languages() {
    fn source(s: &Source) -> usize {
        match s {
            Source::Column(_) => 0,
            Source::Info => 1,
            Source::Title => 2,
            Source::SheetName => 3,
            Source::SheetItems => 4,
            Source::FileName => 5,
            Source::Folder(_) => 6,
            Source::Config => 7,
            Source::ResponseDate(_) => 8,
        }
    }
    fn note(n: &NoteKind) -> usize {
        match n {
            NoteKind::Tool(_) => 0,
            NoteKind::Legend(_) => 1,
            NoteKind::ConfigScale(_) => 2,
            NoteKind::Transposed => 3,
            NoteKind::DerivedSheet => 4,
            NoteKind::Identity(_) => 5,
            NoteKind::HeaderRows(_) => 6,
            NoteKind::Contribution(_) => 7,
        }
    }
    let sources = vec![
        (Source::Column("Schooljaar".into()), "Schooljaar"),
        (Source::Info, ""),
        (Source::Title, ""),
        (Source::SheetName, ""),
        (Source::SheetItems, ""),
        (Source::FileName, ""),
        (Source::Folder("Alfa 2026".into()), "Alfa 2026"),
        (Source::Config, "year"),
        (Source::ResponseDate("StartDate".into()), "StartDate"),
    ];
    assert_eq!(sources.iter().map(|(s, _)| source(s)).collect::<Vec<_>>(), (0..9).collect::<Vec<_>>());
    for (s, name) in &sources {
        let (nl, en) = (s.text(Lang::Nl), s.text(Lang::En));
        check_pair(&format!("{s:?}"), &nl, &en, &[name]);
        assert_ne!(nl, en, "{s:?}");
    }
    let facts = vec![
        IdentityFact { field: Field::Institution, value: Some("Alfa".into()), source: Source::Info },
        IdentityFact { field: Field::Year, value: None, source: Source::Column("jaar".into()) },
    ];
    let notes = vec![
        (NoteKind::Tool(Tool::Qualtrics), vec!["Qualtrics"]),
        (NoteKind::Legend("1 = zzlow, 5 = zzhigh".into()), vec!["zzlow", "zzhigh"]),
        (NoteKind::ConfigScale("enquete*.xlsx".into()), vec!["files", "enquete", "xlsx"]),
        (NoteKind::Transposed, vec![]),
        (NoteKind::DerivedSheet, vec![]),
        (NoteKind::Identity(facts), vec!["Alfa", "jaar"]),
        (NoteKind::HeaderRows(2), vec![]),
        (NoteKind::Contribution("Alfa 2026 (41)".into()), vec!["Alfa"]),
    ];
    assert_eq!(notes.iter().map(|(n, _)| note(n)).collect::<Vec<_>>(), (0..8).collect::<Vec<_>>());
    for (n, names) in &notes {
        let (nl, en) = (n.text(Lang::Nl), n.text(Lang::En));
        check_pair(&format!("{n:?}"), &nl, &en, names);
        assert_ne!(nl, en, "{n:?}");
    }
    // One note says every fact, each with where it came from.
    assert_eq!(notes[5].0.text(Lang::En), "institution «Alfa» from the Info sheet; year from the column «jaar»");
    assert_eq!(notes[5].0.text(Lang::Nl), "instelling «Alfa» uit het Info-blad; jaar uit de kolom «jaar»");
}

#[test]
fn every_refusal_and_input_error_is_worded_in_both_languages() {
    fn refusal(r: &Refusal) -> usize {
        match r {
            Refusal::NotAFolder(_) => 0,
            Refusal::DanglingLink(_) => 1,
            Refusal::Unclear(_) => 2,
            Refusal::Root => 3,
            Refusal::IsInput => 4,
            Refusal::HoldsInput => 5,
            Refusal::IsWorkingFolder => 6,
            Refusal::HoldsWorkingFolder => 7,
            Refusal::IsHome => 8,
            Refusal::HoldsHome => 9,
            Refusal::MountPoint(_) => 10,
            Refusal::NotOurs { .. } => 11,
            Refusal::OpenWorkbooks(_) => 12,
            Refusal::CannotRemove(..) => 13,
            Refusal::MountedInside(_) => 14,
            Refusal::CannotLook(..) => 15,
        }
    }
    let p = || PathBuf::from("/srv/zzout");
    let entry = |path: &str, why| Entry { path: path.into(), why };
    let refusals = vec![
        Refusal::NotAFolder(p()),
        Refusal::DanglingLink(p()),
        Refusal::Unclear(p()),
        Refusal::Root,
        Refusal::IsInput,
        Refusal::HoldsInput,
        Refusal::IsWorkingFolder,
        Refusal::HoldsWorkingFolder,
        Refusal::IsHome,
        Refusal::HoldsHome,
        Refusal::MountPoint(p()),
        Refusal::NotOurs {
            entries: vec![
                entry("a.docx", Foreign::Unlisted),
                entry("b.xlsx", Foreign::Changed),
                entry("c.csv", Foreign::Unverifiable),
                entry("d", Foreign::Special),
            ],
            total: 11,
        },
        Refusal::OpenWorkbooks(vec!["~$sector.xlsx".into()]),
        Refusal::CannotRemove("zzdata".into(), "os error 13".into()),
        Refusal::MountedInside("zzdata".into()),
        Refusal::CannotLook("zzdata".into(), "os error 2".into()),
    ];
    assert_eq!(refusals.iter().map(refusal).collect::<Vec<_>>(), (0..16).collect::<Vec<_>>());
    let names = ["/srv/zzout", "a.docx", "b.xlsx", "c.csv", "d", "~$sector.xlsx", "zzdata", "os error", "output"];
    for r in &refusals {
        let (nl, en) = (r.text(Lang::Nl), r.text(Lang::En));
        check_pair(&format!("{r:?}"), &nl, &en, &names);
        assert_ne!(nl, en, "{r:?}");
    }
    // Four of eleven named: "… en 7 meer".
    assert!(refusals[11].text(Lang::Nl).contains("d (een koppeling of speciaal bestand) en 7 meer; kies"));
    assert!(refusals[11].text(Lang::En).contains("d (a link or special file) and 7 more; choose"));
    for e in [
        IngestError::NoInput("zzin".into()),
        IngestError::Unreadable { path: "zzin".into(), reason: Reason::PermissionDenied },
    ] {
        let (nl, en) = (e.text(Lang::Nl), e.text(Lang::En));
        check_pair(&format!("{e:?}"), &nl, &en, &["zzin", "permission denied"]);
        assert!(nl.starts_with("invoermap zzin ") && en.starts_with("input folder zzin "), "{nl} / {en}");
    }
}

#[test]
fn every_message_is_worded_in_both_languages_with_its_path() {
    use crate::words::{en, nl};
    let path = "/srv/zz7";
    let pairs = [
        (nl::cannot_write(&path), en::cannot_write(&path)),
        (nl::cannot_create(&path), en::cannot_create(&path)),
        (nl::cannot_remove(&path), en::cannot_remove(&path)),
        (nl::cannot_lock(&path), en::cannot_lock(&path)),
        (nl::folder_not_writable(&path), en::folder_not_writable(&path)),
        (nl::another_run_writing(&path), en::another_run_writing(&path)),
        (nl::folder_cannot_be_made(&path), en::folder_cannot_be_made(&path)),
        (nl::cannot_put_back(&path), en::cannot_put_back(&path)),
        (nl::cannot_move_into(&path), en::cannot_move_into(&path)),
        (nl::cannot_move_aside(&path), en::cannot_move_aside(&path)),
        (nl::must_lie_in("zzkey", "1–1000"), en::must_lie_in("zzkey", "1–1000")),
        (nl::below_floor("zzkey", &2, 5), en::below_floor("zzkey", &2, 5)),
    ];
    let mut seen = BTreeSet::new();
    for (i, (a, b)) in pairs.iter().enumerate() {
        check_pair(&format!("message {i}"), a, b, &[path, "zzkey", "allow_small_groups", "true"]);
        assert!(i >= 10 || (a.contains(path) && b.contains(path)), "{a} / {b}");
        assert!(seen.insert(a.clone()) && seen.insert(b.clone()), "{a} / {b} said twice");
    }
    check_pair("working folder", &nl::working_folder_unreadable(), &en::working_folder_unreadable(), &[]);
    assert_eq!(pairs[10].1, "zzkey: must lie in 1–1000");
    assert_eq!(
        pairs[11].0,
        "zzkey = 2: onder 5 alleen met allow_small_groups = true (de uitvoer is dan niet voor publicatie)"
    );
}

#[test]
fn every_config_error_and_command_message_is_worded_in_both_languages() {
    use crate::config::{Expected, Unreadable};
    use crate::words::{en, nl, RunSummary};
    fn unreadable(u: &Unreadable) -> usize {
        match u {
            Unreadable::NotFound => 0,
            Unreadable::NoPermission => 1,
            Unreadable::NotUtf8 => 2,
            Unreadable::TooLarge(_) => 3,
            Unreadable::NotRegular => 4,
            Unreadable::Other(_) => 5,
        }
    }
    fn expected(e: Expected) -> usize {
        match e {
            Expected::WholeNumber => 0,
            Expected::Number => 1,
            Expected::Boolean => 2,
            Expected::Text => 3,
            Expected::List => 4,
        }
    }
    let reads = [
        Unreadable::NotFound,
        Unreadable::NoPermission,
        Unreadable::NotUtf8,
        Unreadable::TooLarge(1024),
        Unreadable::NotRegular,
        Unreadable::Other("os error 5".into()),
    ];
    assert_eq!(reads.iter().map(unreadable).collect::<Vec<_>>(), (0..6).collect::<Vec<_>>());
    let wants = [Expected::WholeNumber, Expected::Number, Expected::Boolean, Expected::Text, Expected::List];
    assert_eq!(wants.map(expected), [0, 1, 2, 3, 4]);
    let one = RunSummary { files: 1, respondents: 1, excluded: 0, rejected: 2, rejections: 1, seconds: 0.25 };
    let many = RunSummary { files: 31, respondents: 1155, excluded: 3, rejected: 17, rejections: 463, seconds: 4.06 };
    let path = "/srv/zz7";
    let mut pairs: Vec<(String, String)> =
        reads.iter().map(|u| (nl::config_unreadable(u), en::config_unreadable(u))).collect();
    pairs.extend(wants.iter().map(|w| (nl::expected(*w), en::expected(*w))));
    pairs.extend([
        (nl::at_line(3), en::at_line(3)),
        (nl::unknown_key("zzkey", "zza, zzb"), en::unknown_key("zzkey", "zza, zzb")),
        (nl::not_for_publication().into(), en::not_for_publication().into()),
        (nl::stage_reading().into(), en::stage_reading().into()),
        (nl::stage_scoring().into(), en::stage_scoring().into()),
        (nl::run_summary(&one, path), en::run_summary(&one, path)),
        (nl::run_summary(&many, path), en::run_summary(&many, path)),
        (nl::no_readable_survey_in(&path, 1), en::no_readable_survey_in(&path, 1)),
        (nl::no_readable_survey_in(&path, 4), en::no_readable_survey_in(&path, 4)),
        (nl::no_readable_survey(), en::no_readable_survey()),
        (nl::does_not_exist(&path), en::does_not_exist(&path)),
        (nl::reference_takes_no_contributions(), en::reference_takes_no_contributions()),
        (nl::template_written(path), en::template_written(path)),
        (nl::contribution_name_taken(&path), en::contribution_name_taken(&path)),
        (nl::input_holds_contribution(path), en::input_holds_contribution(path)),
        (nl::no_respondent_scored(&path), en::no_respondent_scored(&path)),
        (nl::contribution_written(path, "Alfa 2026", 41), en::contribution_written(path, "Alfa 2026", 41)),
    ]);
    let names = [
        path,
        "zzkey",
        "zza",
        "zzb",
        "UTF",
        "KiB",
        "os error",
        "allow_small_groups",
        "true",
        "false",
        "run",
        "reference",
        "Alfa",
    ];
    let mut seen = BTreeSet::new();
    for (a, b) in &pairs {
        check_pair("message", a, b, &names);
        assert_ne!(a, b);
        assert!(seen.insert(a.clone()) && seen.insert(b.clone()), "{a} / {b} said twice");
    }
    // The summary by hand: one of each in the singular, many in the plural.
    assert_eq!(
        nl::run_summary(&one, "OUT"),
        "1 bestand, 1 respondent gescoord (0 uitgesloten, 2 afgewezen), 1 afwijzing vermeld, 0.2 s → OUT"
    );
    assert_eq!(
        en::run_summary(&many, "OUT"),
        "31 files, 1155 respondents scored (3 excluded, 17 rejected), 463 rejections listed, 4.1 s → OUT"
    );
    assert_eq!(
        en::no_readable_survey_in(&"in", 1),
        "no readable survey file in in (1 file looked at); the previous outputs are left as they were"
    );
}

#[test]
fn the_frameworks_lines_areas_and_kinds_are_named_in_both_languages() {
    use crate::framework::{Area, Kind, Line};
    let mut seen = BTreeSet::new();
    for l in Line::ALL {
        check_pair(&format!("{l:?}"), &l.label(Lang::Nl), &l.label(Lang::En), &[]);
        check_pair(&format!("{l:?}"), l.description(Lang::Nl), l.description(Lang::En), &[]);
        assert!(seen.insert(l.label(Lang::Nl)) && seen.insert(l.label(Lang::En)));
        assert!(seen.insert(l.description(Lang::Nl).into()) && seen.insert(l.description(Lang::En).into()));
    }
    for a in Area::ALL {
        check_pair(&format!("{a:?}"), a.label(Lang::Nl), a.label(Lang::En), &[]);
        assert!(seen.insert(a.label(Lang::Nl).into()) && seen.insert(a.label(Lang::En).into()));
    }
    for k in Kind::ALL {
        check_pair(&format!("{k:?}"), k.label(Lang::Nl), k.label(Lang::En), &[]);
        assert!(seen.insert(k.label(Lang::Nl).into()) && seen.insert(k.label(Lang::En).into()));
    }
    // By hand: the framework's own names (seed 003).
    assert_eq!(Line::L2.label(Lang::Nl), "2e lijn");
    assert_eq!(Line::L2.label(Lang::En), "Line 2");
    assert_eq!(Area::OB.label(Lang::Nl), "Oriëntatie en begeleiding");
    assert_eq!(Kind::D.label(Lang::En), "Expertise");
}

// Why a contribution is not taken: in `tests/contribution.rs` beside this file.
mod contribution;
