//! The item catalogue of the Raamwerk voor loopbaanbegeleiding jongeren: lines, areas,
//! kinds and items with their Dutch and English texts and source letters. Every other
//! stage asks this module about items; nothing else hard-codes an item id or a count.
//!
//! The 2017 edition is embedded in the binary (`framework/raamwerk-2017.toml`); a later
//! edition can be loaded from a file with the same shape through the config.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Deserialize;
use thiserror::Error;

use crate::lang::Lang;
use crate::text::normalize;

/// The embedded default edition.
pub const DEFAULT_CATALOGUE: &str = include_str!("../framework/raamwerk-2017.toml");

/// One of the three lines (lijnen) of career-guidance professionals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Line {
    L1,
    L2,
    L3,
}

impl Line {
    pub const ALL: [Line; 3] = [Line::L1, Line::L2, Line::L3];

    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(n: u8) -> Option<Line> {
        match n {
            1 => Some(Line::L1),
            2 => Some(Line::L2),
            3 => Some(Line::L3),
            _ => None,
        }
    }

    /// Short label: "1e lijn" / "Line 1".
    pub fn label(self, lang: Lang) -> String {
        crate::words::say!(lang, line(self))
    }

    /// Who the line is, as the framework describes it.
    pub fn description(self, lang: Lang) -> &'static str {
        crate::words::say!(lang, line_description(self))
    }

    /// Reads the many ways a survey writes a line: `1`, `1e lijn`, `eerste lijn`,
    /// `L1`, `Lijn 2`, `first line`, `line 3`, `2nd line`, `derdelijns`.
    pub fn parse(text: &str) -> Option<Line> {
        let t = normalize(text);
        if t.is_empty() {
            return None;
        }
        let words: Vec<&str> = t.split(' ').collect();
        let mut found: Option<Line> = None;
        for w in &words {
            let w = w.trim_start_matches("lijn").trim_start_matches("line").trim_start_matches('l');
            let cand = match w {
                "1" | "1e" | "1ste" | "1st" | "eerste" | "eerstelijns" | "first" | "een" | "one" => Some(Line::L1),
                "2" | "2e" | "2de" | "2nd" | "tweede" | "tweedelijns" | "second" | "twee" | "two" => Some(Line::L2),
                "3" | "3e" | "3de" | "3rd" | "derde" | "derdelijns" | "third" | "drie" | "three" => Some(Line::L3),
                _ => None,
            };
            if let Some(c) = cand {
                if found.is_some_and(|f| f != c) {
                    return None;
                }
                found = Some(c);
            }
        }
        // A bare number must be the whole value ("12" is not line 1).
        found.filter(|_| words.iter().all(|w| !w.chars().all(|c| c.is_ascii_digit()) || matches!(*w, "1" | "2" | "3")))
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// One of the four areas (aandachtsgebieden) of the LOB-scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    VB,
    OB,
    OR,
    SW,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::VB, Area::OB, Area::OR, Area::SW];

    pub fn code(self) -> &'static str {
        match self {
            Area::VB => "VB",
            Area::OB => "OB",
            Area::OR => "OR",
            Area::SW => "SW",
        }
    }

    pub fn from_code(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code().eq_ignore_ascii_case(code))
    }

    pub fn label(self, lang: Lang) -> &'static str {
        crate::words::say!(lang, area(self))
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Rolbeschrijving (what the role does) or deskundigheid (what the person can and knows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    R,
    D,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::R, Kind::D];

    pub fn code(self) -> &'static str {
        match self {
            Kind::R => "R",
            Kind::D => "D",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        crate::words::say!(lang, kind(self))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An item id, `L{line}-{area}-{kind}{n}`, e.g. `L1-VB-R1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub line: Line,
    pub area: Area,
    pub kind: Kind,
    pub n: u8,
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "L{}-{}-{}{}", self.line.number(), self.area, self.kind, self.n)
    }
}

impl FromStr for ItemId {
    type Err = String;
    /// Parses `L1-VB-R1`; case-insensitive, `_`, `.` or a space accepted for `-`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Compared in place, without a copy (every header cell of every sheet is tried).
        let bad = || format!("`{s}` is not an item id like L1-VB-R1");
        let mut parts = s.trim().split(['-', '_', '.', ' ']);
        let (Some(l), Some(a), Some(kn), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let line = l
            .strip_prefix(['L', 'l'])
            .and_then(|d| d.parse::<u8>().ok())
            .and_then(Line::from_number)
            .ok_or_else(bad)?;
        let area = Area::from_code(a).ok_or_else(bad)?;
        let kind = match kn.chars().next() {
            Some('R' | 'r') => Kind::R,
            Some('D' | 'd') => Kind::D,
            _ => return Err(bad()),
        };
        let n: u8 = kn[1..].parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(bad());
        }
        Ok(ItemId { line, area, kind, n })
    }
}

/// One bullet of the framework tables.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: ItemId,
    pub nl: String,
    pub en: String,
    /// Source letters; `L` is cited in the framework but missing from its legend.
    pub sources: Vec<char>,
}

impl Item {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// Index of an item in its catalogue: a compact handle used on hot paths.
pub type ItemIdx = u16;

#[derive(Debug, Error)]
pub enum FrameworkError {
    #[error("framework file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("framework catalogue is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("framework catalogue: {0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    edition: String,
    title_nl: String,
    title_en: String,
    sources: BTreeMap<String, String>,
    item: Vec<ItemFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    id: String,
    nl: String,
    en: String,
    sources: Vec<String>,
}

/// A framework edition: its items in document order and look-ups by id and text.
#[derive(Debug, Clone)]
pub struct Framework {
    pub edition: String,
    pub title_nl: String,
    pub title_en: String,
    /// Legend of the source letters (A–K in 2017).
    pub sources: BTreeMap<char, String>,
    items: Vec<Item>,
    by_id: HashMap<ItemId, ItemIdx>,
    by_text: HashMap<String, ItemIdx>,
    /// Every item's Dutch and English text, normalised, for matching by similarity.
    texts: Vec<(ItemIdx, String)>,
    /// The distinct words of each of `texts`, sorted.
    words: Vec<Vec<String>>,
}

impl Framework {
    /// The embedded 2017 edition.
    pub fn embedded() -> Framework {
        Framework::from_toml(DEFAULT_CATALOGUE).expect("the embedded catalogue is valid (tested)")
    }

    pub fn load(path: &Path) -> Result<Framework, FrameworkError> {
        // A catalogue is ~100 KB; a path to a huge file or a device is refused, not read
        // to the end.
        let text = crate::config::read_capped(path, 16 << 20)
            .map_err(|source| FrameworkError::Io { path: path.display().to_string(), source })?;
        Framework::from_toml(&text)
    }

    pub fn from_toml(text: &str) -> Result<Framework, FrameworkError> {
        let file: CatalogueFile = toml::from_str(text)?;
        let mut sources = BTreeMap::new();
        for (k, v) in file.sources {
            let mut chars = k.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => sources.insert(c, v),
                _ => return Err(FrameworkError::Invalid(format!("source key `{k}` is not one letter"))),
            };
        }
        let mut items = Vec::with_capacity(file.item.len());
        let mut by_id = HashMap::new();
        let mut by_text = HashMap::new();
        let mut texts = Vec::new();
        for it in file.item {
            let id: ItemId = it.id.parse().map_err(FrameworkError::Invalid)?;
            let idx = items.len() as ItemIdx;
            if by_id.insert(id, idx).is_some() {
                return Err(FrameworkError::Invalid(format!("item {id} appears twice")));
            }
            let expected = items
                .iter()
                .filter(|p: &&Item| p.id.line == id.line && p.id.area == id.area && p.id.kind == id.kind)
                .count()
                + 1;
            if id.n as usize != expected {
                return Err(FrameworkError::Invalid(format!("item {id} is out of order (expected number {expected})")));
            }
            let mut letters = Vec::new();
            for s in it.sources {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_uppercase() => letters.push(c),
                    _ => {
                        return Err(FrameworkError::Invalid(format!("item {id}: source `{s}` is not a capital letter")))
                    }
                }
            }
            for t in [&it.nl, &it.en] {
                by_text.insert(normalize(t), idx);
                texts.push((idx, normalize(t)));
            }
            items.push(Item { id, nl: it.nl, en: it.en, sources: letters });
        }
        if items.is_empty() {
            return Err(FrameworkError::Invalid("no items".into()));
        }
        Ok(Framework {
            edition: file.edition,
            title_nl: file.title_nl,
            title_en: file.title_en,
            sources,
            items,
            by_id,
            by_text,
            words: texts.iter().map(|(_, t)| sorted_words(t)).collect(),
            texts,
        })
    }

    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_nl, &self.title_en)
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn item(&self, idx: ItemIdx) -> &Item {
        &self.items[idx as usize]
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn index_of(&self, id: ItemId) -> Option<ItemIdx> {
        self.by_id.get(&id).copied()
    }

    /// The item whose Dutch or English text equals `text` after normalising case,
    /// accents, punctuation and white space.
    pub fn find_by_text(&self, text: &str) -> Option<ItemIdx> {
        self.by_text.get(&normalize(text)).copied()
    }

    /// Every item's Dutch and English text, normalised as [`normalize`] does, with its
    /// distinct words sorted.
    pub fn normalized_texts(&self) -> impl Iterator<Item = (ItemIdx, &str, &[String])> {
        self.texts.iter().zip(&self.words).map(|((i, t), w)| (*i, t.as_str(), w.as_slice()))
    }

    /// Indices of a line's items, in document order.
    pub fn line_items(&self, line: Line) -> impl Iterator<Item = ItemIdx> + '_ {
        self.items.iter().enumerate().filter(move |(_, it)| it.id.line == line).map(|(i, _)| i as ItemIdx)
    }

    pub fn count(&self, line: Line, area: Option<Area>, kind: Option<Kind>) -> usize {
        self.items
            .iter()
            .filter(|it| {
                it.id.line == line && area.is_none_or(|a| it.id.area == a) && kind.is_none_or(|k| it.id.kind == k)
            })
            .count()
    }

    /// Whether a source letter is explained in the edition's legend.
    pub fn source_known(&self, letter: char) -> bool {
        self.sources.contains_key(&letter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_has_101_items_with_the_cell_counts_of_spec_2() {
        let fw = Framework::embedded();
        assert_eq!(fw.len(), 101);
        assert_eq!(fw.edition, "raamwerk-2017");
        // SPEC §2: R / D per area (rows) and line (columns).
        let table: [(Area, [(usize, usize); 3]); 4] = [
            (Area::VB, [(4, 4), (3, 5), (3, 5)]),
            (Area::OB, [(4, 11), (3, 5), (1, 3)]),
            (Area::OR, [(3, 3), (3, 4), (4, 4)]),
            (Area::SW, [(4, 3), (8, 7), (4, 3)]),
        ];
        for (area, per_line) in table {
            for (line, (r, d)) in Line::ALL.into_iter().zip(per_line) {
                assert_eq!(fw.count(line, Some(area), Some(Kind::R)), r, "{line} {area} R");
                assert_eq!(fw.count(line, Some(area), Some(Kind::D)), d, "{line} {area} D");
            }
        }
        assert_eq!(fw.count(Line::L1, None, None), 36);
        assert_eq!(fw.count(Line::L2, None, None), 38);
        assert_eq!(fw.count(Line::L3, None, None), 27);
    }

    #[test]
    fn first_item_is_the_one_spec_2_quotes() {
        let fw = Framework::embedded();
        let idx = fw.index_of("L1-VB-R1".parse().unwrap()).unwrap();
        assert_eq!(idx, 0);
        assert_eq!(fw.item(idx).nl, "Kennis nemen van visie en doelen loopbaanbegeleiding eigen instelling");
        assert_eq!(fw.item(idx).sources, vec!['A', 'C']);
    }

    #[test]
    fn letter_l_is_kept_but_not_in_the_legend() {
        let fw = Framework::embedded();
        let idx = fw.index_of("L3-VB-R3".parse().unwrap()).unwrap();
        assert!(fw.item(idx).sources.contains(&'L'));
        assert!(!fw.source_known('L'));
        assert!(fw.source_known('K'));
    }

    #[test]
    fn ocr_damage_is_repaired() {
        let fw = Framework::embedded();
        for it in fw.items() {
            for bad in ["theorieén", "coérdinator", "codrdin", "Oriéntatie", "  ", "¢", "®"] {
                assert!(!it.nl.contains(bad), "{} contains {bad}: {}", it.id, it.nl);
            }
            assert!(!it.en.is_empty());
        }
    }

    #[test]
    fn catalogue_keeps_the_sources_wording() {
        // Audited word by word against seed 003 (see the note at the top of the
        // catalogue): these four had drifted from the source, which is what survey
        // tools carry in their question texts.
        let fw = Framework::embedded();
        let nl = |id: &str| fw.item(fw.index_of(id.parse().unwrap()).unwrap()).nl.clone();
        assert_eq!(
            nl("L1-OR-R1"),
            "Deelnemen aan werkgroepen om tot LOB-programma te komen dat een optimale ontwikkeling en keuze van de jongere dient"
        );
        assert_eq!(nl("L2-SW-D3"), "Integreert het LOB-curriculum van de school in gesprekscyclus (CIOS) met ouders");
        assert_eq!(nl("L3-SW-R4"), "Onderhouden contacten met landelijke organisatie op het gebied van LOB");
        // The source's own slip is kept.
        assert!(nl("L1-OB-D7").contains("in een groter kader te plaatsten en"));
        assert!(DEFAULT_CATALOGUE.contains("\"te plaatsten\" (for plaatsen)"));
    }

    #[test]
    fn item_id_round_trips_and_tolerates_case_and_separators() {
        let id: ItemId = "l2_ob.d3".parse().unwrap();
        assert_eq!(id.to_string(), "L2-OB-D3");
        assert!("L4-VB-R1".parse::<ItemId>().is_err());
        assert!("L1-XX-R1".parse::<ItemId>().is_err());
        assert!("L1-VB-R0".parse::<ItemId>().is_err());
    }

    #[test]
    fn item_found_by_its_text_in_either_language() {
        let fw = Framework::embedded();
        let want = fw.index_of("L1-VB-R2".parse().unwrap());
        assert_eq!(
            fw.find_by_text("kennis nemen van actuele theorieen over Loopbaanorientatie en -begeleiding (LOB)."),
            want
        );
        assert_eq!(fw.find_by_text("Take note of current theories on career orientation and guidance (LOB)"), want);
    }

    #[test]
    fn line_values_in_their_many_spellings() {
        for (s, l) in [
            ("1", Line::L1),
            ("1e lijn", Line::L1),
            ("Eerste lijn", Line::L1),
            ("L1", Line::L1),
            ("first line", Line::L1),
            ("Lijn 2", Line::L2),
            ("tweedelijns", Line::L2),
            ("line 3", Line::L3),
            ("3de lijn", Line::L3),
        ] {
            assert_eq!(Line::parse(s), Some(l), "{s}");
        }
        for s in ["", "12", "4", "lijn", "1 en 2", "docent"] {
            assert_eq!(Line::parse(s), None, "{s}");
        }
    }
}

/// The distinct words of a normalised text, sorted.
pub fn sorted_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text.split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// The framework editions of a run: the base edition for every year, and later editions
/// each from its first year on. A year is always scored with exactly one edition, and a
/// change of edition between two years is a series break: no change or trend is
/// computed or drawn across it.
#[derive(Debug, Clone)]
pub struct Editions {
    /// (first year, edition), sorted by year; the base edition has year 0.
    list: Vec<(u16, Framework)>,
}

impl Editions {
    /// One edition for every year.
    pub fn single(fw: Framework) -> Editions {
        Editions { list: vec![(0, fw)] }
    }

    /// The base edition and later ones from their first year on.
    pub fn new(base: Framework, later: Vec<(u16, Framework)>) -> Result<Editions, FrameworkError> {
        let mut list = vec![(0, base)];
        list.extend(later);
        list.sort_by_key(|(y, _)| *y);
        if list.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(FrameworkError::Invalid("two editions start in the same year".into()));
        }
        Ok(Editions { list })
    }

    /// Index of the edition in force in `year`.
    pub fn index_for(&self, year: u16) -> usize {
        self.list.iter().rposition(|(from, _)| *from <= year).unwrap_or(0)
    }

    pub fn for_year(&self, year: u16) -> &Framework {
        &self.list[self.index_for(year)].1
    }

    pub fn get(&self, index: usize) -> &Framework {
        &self.list[index].1
    }

    /// The base edition (the first).
    pub fn base(&self) -> &Framework {
        &self.list[0].1
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// (first year, edition) in order; the base edition has year 0.
    pub fn iter(&self) -> impl Iterator<Item = &(u16, Framework)> {
        self.list.iter()
    }
}

#[cfg(test)]
mod edition_tests {
    use super::*;

    #[test]
    fn each_year_has_the_edition_in_force() {
        let base = Framework::embedded();
        let mut later = Framework::embedded();
        later.edition = "raamwerk-2028".into();
        let e = Editions::new(base, vec![(2028, later)]).unwrap();
        assert_eq!(e.for_year(2027).edition, "raamwerk-2017");
        assert_eq!(e.for_year(2028).edition, "raamwerk-2028");
        assert_eq!(e.for_year(2031).edition, "raamwerk-2028");
        assert_eq!(e.index_for(2000), 0);
    }
}
