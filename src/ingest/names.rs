//! What people write where a survey's identity should be (SPEC §3.5): one reading of a
//! name (a title row, a sheet's name, a file's name, a folder's name), and years and
//! school years as people write them. Lines and the role words that stand for them are
//! `roles.rs`'s; the school year of a survey tool's response stamp is `stamps.rs`'s.
//!
//! A name is read by one rule: recognised tokens — a line (`2e lijn`, `lijn 2`, `L2`,
//! `eerste lijn`, a role word such as `docenten`), a year or school year, a survey word
//! (`LOB-scan`, `vragenlijst`, `export`, `kopie`…), a date, a tool's `(1-23)` count —
//! are cut out wherever they stand; what remains of each segment (segments are split by
//! ` - `, `–`, `|`, `:`, `,`, brackets), separators read as spaces, is an institution
//! candidate. One candidate names the institution; two name none, and say which two.
//! This module knows text only; where a fact is looked for first is `rows`' business.

use calamine::Data;

use crate::framework::Line;
use crate::ingest::roles::{compact, Lines, Roles};
use crate::text::{clean, normalize};

/// Where an identity fact of a sheet came from (SPEC §3.5), as `validate` and
/// Datakwaliteit say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The row's own column, by its header.
    Column(String),
    Info,
    Title,
    SheetName,
    /// Every item column of the sheet belongs to one line.
    SheetItems,
    FileName,
    /// A folder below the input folder, by its name.
    Folder(String),
    /// The config's `year` or `--year`.
    Config,
    /// The date a survey tool stamped on each response, in the column named.
    ResponseDate(String),
}

/// What an institution name candidate of a name is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Candidates {
    #[default]
    None,
    One(String),
    /// Two or more: nothing is guessed.
    Several(Vec<String>),
}

/// What a name says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameFacts {
    pub institution: Candidates,
    pub year: Option<u16>,
    pub line: Option<Lines>,
}

impl NameFacts {
    pub fn names_anything(&self) -> bool {
        self.institution != Candidates::None || self.year.is_some() || self.line.is_some()
    }
}

/// What a word of a name was recognised as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    /// Part of the name.
    Kept,
    Year(u16),
    /// A date, a range that is no school year, a count: cut, naming nothing.
    Cut,
    Line(Lines),
}

struct Tok<'a> {
    text: &'a str,
    word: bool,
    mark: Mark,
}

/// Words (letters and digits, an apostrophe inside a word: `SLB'er`) and the runs of
/// anything else between them.
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let is_word = |k: usize| {
        let c = chars[k].1;
        c.is_alphanumeric()
            || (c == '\''
                && k > 0
                && k + 1 < chars.len()
                && chars[k - 1].1.is_alphabetic()
                && chars[k + 1].1.is_alphabetic())
    };
    let mut start = 0;
    while start < chars.len() {
        let w = is_word(start);
        let mut end = start + 1;
        while end < chars.len() && is_word(end) == w {
            end += 1;
        }
        let (a, b) = (chars[start].0, chars.get(end).map_or(s.len(), |c| c.0));
        out.push(Tok { text: &s[a..b], word: w, mark: Mark::Kept });
        start = end;
    }
    out
}

/// Words that name the survey, the export or the copy rather than whom it is about.
const SURVEY_WORDS: &[&str] = &[
    "lob",
    "lobscan",
    "scan",
    "zelfscan",
    "zelfevaluatie",
    "vragenlijst",
    "vragenlijsten",
    "enquete",
    "survey",
    "self",
    "assessment",
    "raamwerk",
    "monitor",
    "lobmonitor",
    "resultaten",
    "resultaat",
    "results",
    "antwoorden",
    "responses",
    "response",
    "reacties",
    "formulierreacties",
    "export",
    "kopie",
    "copy",
    "loopbaanbegeleiding",
    "loopbaanorientatie",
    "professionaliteit",
    "meting",
    "peiling",
    "uitslag",
    "uitslagen",
    "formulier",
    "form",
    "forms",
    "versie",
    "version",
    "definitief",
    "final",
    "concept",
    "ingevuld",
    "download",
    "data",
    "bestand",
    "blad",
    "sheet",
    "werkblad",
    "medewerkers",
    "personeel",
    "staff",
    // words of where files are kept, not whose they are (folder names)
    "archief",
    "archive",
    "oud",
    "old",
    "nieuw",
    "new",
    "upload",
    "uploads",
    "ingestuurd",
    "ingestuurde",
    "inzendingen",
    "submissions",
    "input",
    "invoer",
    "bestanden",
    "files",
    "downloads",
    "backup",
    "scholen",
    "schools",
    "instellingen",
    "institutions",
    // words of a school year
    "sj",
    "sy",
    "schooljaar",
    "jaar",
    "year",
    "school",
];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
];

/// Small words that join a survey word to a name ("Resultaten van de LOB-scan"): cut
/// with the token they stand beside when written in lower case ("De Rooi Pannen" keeps
/// its article).
const FILLERS: &[&str] =
    &["de", "het", "een", "van", "voor", "en", "the", "of", "for", "and", "in", "op", "bij", "door"];

const ORDINALS: &[&str] = &[
    "1", "2", "3", "1e", "2e", "3e", "1ste", "2de", "3de", "1st", "2nd", "3rd", "eerste", "tweede", "derde", "first",
    "second", "third",
];

pub(crate) fn digits(t: &str) -> Option<u32> {
    (!t.is_empty() && t.len() <= 8 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// The later calendar year of a school year `a`–`b` as written (`2025-2026`,
/// `2025-26`, `25-26`): only consecutive years form one. Two-digit pairs are read as
/// 2010–2099 only (`03-04` is a day and a month far more often than 2003–2004).
fn school_year(a: &str, b: &str) -> Option<u16> {
    let (x, y) = (digits(a)?, digits(b)?);
    let end = match (a.len(), b.len()) {
        (4, 4) => (y == x + 1).then_some(y)?,
        (4, 2) => (y == (x + 1) % 100).then_some(x + 1)?,
        (2, 2) => {
            let end = 2000 + y;
            (y == (x + 1) % 100 && (2010..=2099).contains(&end)).then_some(end)?
        }
        _ => return None,
    };
    (2000..=2100).contains(&end).then_some(end as u16)
}

/// Marks the tokens of a name: counts, dates, years and school years, lines and roles,
/// survey words.
fn mark(toks: &mut [Tok<'_>], roles: &Roles) {
    let words: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].word).collect();
    let sep = |toks: &[Tok<'_>], a: usize, b: usize| -> String { toks[a + 1..b].iter().map(|t| t.text).collect() };
    let n = words.len();
    let num = |toks: &[Tok<'_>], k: usize| digits(toks[words[k]].text).is_some();
    // A tool's count: `(1)`, `(1-23)`.
    for k in 0..n {
        if !num(toks, k) {
            continue;
        }
        let before =
            if k == 0 { toks[..words[0]].iter().map(|t| t.text).collect() } else { sep(toks, words[k - 1], words[k]) };
        if !before.trim_end().ends_with('(') {
            continue;
        }
        let after = |j: usize| -> String {
            if j + 1 < n {
                sep(toks, words[j], words[j + 1])
            } else {
                toks[words[j] + 1..].iter().map(|t| t.text).collect()
            }
        };
        let mut end = k;
        if after(k).trim() == "-" && k + 1 < n && num(toks, k + 1) {
            end = k + 1;
        }
        if after(end).trim_start().starts_with(')') {
            for j in k..=end {
                toks[words[j]].mark = Mark::Cut;
            }
        }
    }
    // Chains of numbers joined by one `-`, `/` or `.` each: three or more are a date (or
    // a code), never a year; eight digits starting 19/20 are a date too.
    let mut k = 0;
    while k < n {
        let mut m = k;
        while m + 1 < n && num(toks, m) && num(toks, m + 1) && {
            let s = sep(toks, words[m], words[m + 1]);
            matches!(s.as_str(), "-" | "/" | ".")
        } {
            m += 1;
        }
        if m - k >= 2 {
            for j in k..=m {
                toks[words[j]].mark = Mark::Cut;
            }
        }
        let t = toks[words[k]].text;
        if m == k && t.len() == 8 && (t.starts_with("20") || t.starts_with("19")) && digits(t).is_some() {
            toks[words[k]].mark = Mark::Cut;
        }
        k = m + 1;
    }
    // School years (`2025-2026`, `2025 - 2026`, `2025/26`, `25-26`, `2025-'26`), then
    // single years.
    for k in 0..n.saturating_sub(1) {
        let (a, b) = (words[k], words[k + 1]);
        if toks[a].mark != Mark::Kept || toks[b].mark != Mark::Kept {
            continue;
        }
        if !num(toks, k) || !num(toks, k + 1) {
            continue;
        }
        let s: String = sep(toks, a, b).chars().filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’').collect();
        if !matches!(s.as_str(), "-" | "/" | "–" | "—") {
            continue;
        }
        match school_year(toks[a].text, toks[b].text) {
            Some(y) => {
                toks[a].mark = Mark::Year(y);
                toks[b].mark = Mark::Cut;
            }
            // Two four-digit years that are no school year: a range, naming no year.
            None if toks[a].text.len() == 4 && toks[b].text.len() == 4 => {
                toks[a].mark = Mark::Cut;
                toks[b].mark = Mark::Cut;
            }
            None => {}
        }
    }
    for &w in &words {
        if toks[w].mark == Mark::Kept && toks[w].text.len() == 4 {
            if let Some(y) = digits(toks[w].text).filter(|y| (2000..=2100).contains(y)) {
                toks[w].mark = Mark::Year(y as u16);
            }
        }
    }
    // Lines: "2e lijn", "lijn 2", "line 3", "eerste lijn", "L2", "tweedelijns", roles.
    let norm: Vec<String> = words.iter().map(|&w| compact(toks[w].text)).collect();
    for k in 0..n {
        if toks[words[k]].mark != Mark::Kept {
            continue;
        }
        let w = norm[k].as_str();
        if matches!(w, "lijn" | "line" | "lijnen" | "lines") {
            let near = [k.checked_sub(1), Some(k + 1).filter(|&j| j < n)];
            for j in near.into_iter().flatten() {
                if ORDINALS.contains(&norm[j].as_str()) {
                    if let Some(l) = Line::parse(&format!("{} lijn", norm[j])) {
                        toks[words[k]].mark = Mark::Line(Lines::one(l));
                        toks[words[j]].mark = Mark::Cut;
                        break;
                    }
                }
            }
            continue;
        }
        let short = w.strip_prefix("lijn").or_else(|| w.strip_prefix("line")).or_else(|| w.strip_prefix('l'));
        if let Some(l) = short.filter(|d| matches!(*d, "1" | "2" | "3")).and_then(Line::parse) {
            toks[words[k]].mark = Mark::Line(Lines::one(l));
            continue;
        }
        if let Some(l) = w.strip_suffix("lijns").and_then(|o| Line::parse(&format!("{o} lijn"))) {
            toks[words[k]].mark = Mark::Line(Lines::one(l));
            continue;
        }
        // A role in one or two words ("docenten", "LOB-adviseurs").
        if k + 1 < n && toks[words[k + 1]].mark == Mark::Kept && sep(toks, words[k], words[k + 1]).trim() == "-" {
            if let Some(l) = roles.word(&format!("{w}{}", norm[k + 1])) {
                toks[words[k]].mark = Mark::Line(l);
                toks[words[k + 1]].mark = Mark::Cut;
                continue;
            }
        }
        if let Some(l) = roles.word(w) {
            toks[words[k]].mark = Mark::Line(l);
        }
    }
    // Survey words, months, version marks (`v2`).
    for k in 0..n {
        if toks[words[k]].mark != Mark::Kept {
            continue;
        }
        let w = norm[k].as_str();
        let stem = w.trim_end_matches(|c: char| c.is_ascii_digit());
        let version = w.strip_prefix('v').is_some_and(|d| digits(d).is_some());
        if SURVEY_WORDS.contains(&w)
            || (!stem.is_empty() && SURVEY_WORDS.contains(&stem))
            || MONTHS.contains(&w)
            || version
        {
            toks[words[k]].mark = Mark::Cut;
        }
    }
}

/// Whether a separator splits a name into segments: a dash or underscore with spaces on
/// both sides, or `–`, `—`, `|`, `:`, `,`, `;`, `+`, brackets, a line break.
fn splits(sep: &str) -> bool {
    sep.contains(['–', '—', '|', ':', ',', ';', '+', '(', ')', '[', ']', '\n'])
        || (sep.starts_with(char::is_whitespace)
            && sep.ends_with(char::is_whitespace)
            && sep.contains(['-', '_', '/', '&']))
}

/// Reads a name (a title, a sheet's, a file's without its extension, a folder's).
pub fn read_name(text: &str, roles: &Roles) -> NameFacts {
    let text = clean(text);
    let mut toks = tokens(&text);
    mark(&mut toks, roles);
    let mut facts = NameFacts::default();
    let years: Vec<u16> = toks.iter().filter_map(|t| if let Mark::Year(y) = t.mark { Some(y) } else { None }).collect();
    if let Some(&y) = years.first() {
        // Two different years in one name say none.
        facts.year = years.iter().all(|&x| x == y).then_some(y);
    }
    let lines = toks.iter().filter_map(|t| if let Mark::Line(l) = t.mark { Some(l) } else { None });
    facts.line = lines.reduce(Lines::meet).filter(|l| !l.is_empty());
    // Segments, and what each leaves.
    let mut candidates: Vec<String> = Vec::new();
    let mut segment: Vec<usize> = Vec::new();
    let mut flush = |seg: &mut Vec<usize>, toks: &mut [Tok<'_>]| {
        // Lower-case fillers beside a cut word go with it.
        loop {
            let mut changed = false;
            for (p, &i) in seg.iter().enumerate() {
                let t = &toks[i];
                let lower = t.text.chars().all(|c| !c.is_uppercase());
                if t.mark != Mark::Kept || !lower || !FILLERS.contains(&t.text) {
                    continue;
                }
                let cut = |q: usize| toks[seg[q]].mark != Mark::Kept;
                if (p > 0 && cut(p - 1)) || (p + 1 < seg.len() && cut(p + 1)) {
                    toks[i].mark = Mark::Cut;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let kept: Vec<&str> = seg
            .iter()
            .map(|&i| &toks[i])
            .filter(|t| t.mark == Mark::Kept && digits(t.text).is_none())
            .map(|t| t.text)
            .collect();
        if !kept.is_empty() && !kept.iter().all(|w| FILLERS.contains(&w.to_lowercase().as_str())) {
            let name = cased(&kept);
            if !candidates.iter().any(|c| normalize(c) == normalize(&name)) {
                candidates.push(name);
            }
        }
        seg.clear();
    };
    for i in 0..toks.len() {
        if toks[i].word {
            segment.push(i);
        } else if splits(toks[i].text) {
            flush(&mut segment, &mut toks);
        }
    }
    flush(&mut segment, &mut toks);
    facts.institution = match candidates.len() {
        0 => Candidates::None,
        1 => Candidates::One(candidates.pop().expect("one")),
        _ => Candidates::Several(candidates),
    };
    facts
}

/// Acronyms written in capitals when a name is written all in lower case.
const ACRONYMS: &[&str] =
    &["roc", "mbo", "vo", "hbo", "csg", "sg", "rsg", "isg", "osg", "pcc", "vmbo", "havo", "vwo", "aoc", "brin"];
/// Words kept in lower case inside a name ("ROC van Twente"); an article is too right
/// after one ("Hogeschool van de Kunsten"), else it starts a proper name ("CSG Het
/// Noordik", "ROC De Leijgraaf").
const PARTICLES: &[&str] = &["der", "den", "van", "en", "voor", "op", "aan", "te", "ter", "in"];
const ARTICLES: &[&str] = &["de", "het", "'t"];

/// A name as written when it has any capital; a name written all in lower case
/// (`roc-kempenland`) in title case, known acronyms in capitals and particles after the
/// first word in lower case: "ROC Kempenland", "ROC van Twente", "CSG Het Noordik".
fn cased(words: &[&str]) -> String {
    if words.iter().any(|w| w.chars().any(char::is_uppercase)) {
        return words.join(" ");
    }
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if ACRONYMS.contains(w) {
                w.to_uppercase()
            } else if i > 0 && (PARTICLES.contains(w) || (ARTICLES.contains(w) && PARTICLES.contains(&words[i - 1]))) {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        })
        .collect();
    out.join(" ")
}

/// A year as a cell or an Info sheet writes it: a number (`2026`, `2026.0`) or a text
/// holding one year or school year and nothing else but school-year words (`2025-26`,
/// `sj 25/26`, `schooljaar 2025 - 2026`); a school year counts as its later year.
pub fn parse_year(d: &Data) -> Option<u16> {
    let ok = |y: i64| (2000..=2100).contains(&y).then_some(y as u16);
    match d {
        Data::Int(i) => ok(*i),
        Data::Float(f) if f.fract() == 0.0 => ok(*f as i64),
        Data::String(s) => year_text(s),
        _ => None,
    }
}

/// The year a text holds, when it holds a year and nothing but (school-)year words.
pub fn year_text(s: &str) -> Option<u16> {
    let s = clean(s);
    let mut toks = tokens(&s);
    mark(&mut toks, &Roles::default());
    let mut year = None;
    for t in toks.iter().filter(|t| t.word) {
        match t.mark {
            Mark::Year(y) if year.is_none_or(|x| x == y) => year = Some(y),
            Mark::Cut
                if matches!(compact(t.text).as_str(), "sj" | "sy" | "schooljaar" | "jaar" | "year" | "school") => {}
            // The second half of a school year.
            Mark::Cut if digits(t.text).is_some() && year.is_some() => {}
            _ => return None,
        }
    }
    year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> NameFacts {
        read_name(s, &Roles::default())
    }

    fn inst(s: &str) -> Option<String> {
        match read(s).institution {
            Candidates::One(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn every_school_year_notation_counts_as_its_later_year() {
        // SPEC §3.5: each notation people write.
        for s in [
            "2026",
            "2025-2026",
            "2025/2026",
            "2025–2026",
            "2025-26",
            "25-26",
            "25/26",
            "2025-'26",
            "sj 25/26",
            "schooljaar 2025 - 2026",
            "schooljaar 2025/26",
            "Schooljaar 2025-2026 ",
        ] {
            assert_eq!(year_text(s), Some(2026), "{s}");
            assert_eq!(parse_year(&Data::String(s.into())), Some(2026), "{s}");
        }
        assert_eq!(parse_year(&Data::Float(2025.0)), Some(2025));
    }

    #[test]
    fn number_pairs_that_are_no_school_year_are_no_year() {
        // Not consecutive; a date; a range of two school years; a day and a month.
        for s in
            ["2025-2027", "2025-26-03", "2026-03-04", "03-04", "25-27", "26-25", "volgend jaar", "2025 en 2026", "26"]
        {
            assert_eq!(year_text(s), None, "{s}");
        }
        // In a name, `25-26` is not read out of a date.
        assert_eq!(read("export 2025-26-03").year, None);
        assert_eq!(read("export 2026-03-04 ROC Zeeland").year, None);
        assert_eq!(read("ROC Zeeland 25-26").year, Some(2026));
        // Two different years in a name say none.
        assert_eq!(read("ROC Zeeland 2025 en 2026").year, None);
    }

    #[test]
    fn a_file_name_names_the_institution_after_its_tokens_are_cut() {
        assert_eq!(inst("roc-kempenland-2025"), Some("ROC Kempenland".into()));
        assert_eq!(read("roc-kempenland-2025").year, Some(2025));
        assert_eq!(inst("roc-van-twente_lob-scan_2026"), Some("ROC van Twente".into()));
        assert_eq!(read("export_2026").institution, Candidates::None);
        assert_eq!(read("export_2026 (1)").institution, Candidates::None);
        assert_eq!(read("export_2026 (1)").year, Some(2026));
        assert_eq!(read("LOB-scan(1-23)").institution, Candidates::None);
        let f = read("LOB-scan 2e lijn - ROC Zeeland - 2026");
        assert_eq!(f.institution, Candidates::One("ROC Zeeland".into()));
        assert_eq!((f.year, f.line), (Some(2026), Some(Lines::one(Line::L2))));
        assert_eq!(inst("Kopie van LOB-zelfscan ROC Zeeland"), Some("ROC Zeeland".into()));
        assert_eq!(inst("Resultaten van de vragenlijst - De Rooi Pannen"), Some("De Rooi Pannen".into()));
        assert_eq!(inst("Enquête antwoorden Het Baken College sj 25-26"), Some("Het Baken College".into()));
        assert_eq!(read("Enquête antwoorden Het Baken College sj 25-26").year, Some(2026));
        assert_eq!(inst("csg-het-noordik_docenten"), Some("CSG Het Noordik".into()));
        assert_eq!(read("csg-het-noordik_docenten").line, Some(Lines::one(Line::L1)));
        assert_eq!(inst("ROC_KEMPENLAND_2025"), Some("ROC KEMPENLAND".into()));
        assert_eq!(inst("2026"), None);
        assert_eq!(read("Blad1"), NameFacts::default());
        assert_eq!(read("Formulierreacties 1"), NameFacts::default());
        assert_eq!(read("Form1 - 04-03-2026 v2"), NameFacts::default());
        // Folders named for where files are kept name no institution.
        assert_eq!(read("Archief oud"), NameFacts::default());
        assert_eq!(read("ingestuurde bestanden"), NameFacts::default());
    }

    #[test]
    fn two_candidates_name_none_and_say_which() {
        assert_eq!(
            read("ROC Zeeland - Scalda College 2026").institution,
            Candidates::Several(vec!["ROC Zeeland".into(), "Scalda College".into()])
        );
        assert_eq!(
            read("Team Noord - ROC Lingewaard - 2026").institution,
            Candidates::Several(vec!["Team Noord".into(), "ROC Lingewaard".into()])
        );
        // The same name twice is one.
        assert_eq!(read("ROC Zeeland - roc zeeland").institution, Candidates::One("ROC Zeeland".into()));
    }

    #[test]
    fn lines_in_names_as_people_write_them() {
        for (s, l) in [
            ("2e lijn", Line::L2),
            ("lijn 2", Line::L2),
            ("L2", Line::L2),
            ("line 3", Line::L3),
            ("eerste lijn", Line::L1),
            ("Tweedelijns", Line::L2),
            ("LOB-scan docenten", Line::L1),
            ("teamleiders", Line::L3),
            ("LOB-adviseurs", Line::L2),
            ("Lijn3", Line::L3),
            ("decanen 2e lijn", Line::L2),
        ] {
            assert_eq!(read(s).line, Some(Lines::one(l)), "{s}");
            assert_eq!(read(s).institution, Candidates::None, "{s}");
        }
        assert_eq!(read("decanen").line, Some(Lines::L23));
    }
}
