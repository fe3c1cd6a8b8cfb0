//! Lines and the roles that stand for them (SPEC §2, §3.5): the lines a value may name
//! ([`Lines`]: one, or lines 2 and 3 for a decaan), the framework's role words and the
//! config's `[roles]` ([`Roles`]), and a line as a cell names it ([`line_value`]). Names
//! (`names.rs`) read role words in titles and file names through it.

use crate::framework::Line;
use crate::text::normalize;

/// The lines a value may stand for: one, or (for a decaan or LOB-coördinator, whom the
/// framework names in lines 2 and 3) several, settled by the items the row answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lines(u8);

impl Lines {
    pub const L23: Lines = Lines(0b110);

    pub fn one(l: Line) -> Lines {
        Lines(1 << (l.number() - 1))
    }

    pub fn contains(self, l: Line) -> bool {
        self.0 & (1 << (l.number() - 1)) != 0
    }

    /// The line, when only one is possible.
    pub fn single(self) -> Option<Line> {
        let mut it = self.iter();
        match (it.next(), it.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    pub fn iter(self) -> impl Iterator<Item = Line> {
        Line::ALL.into_iter().filter(move |l| self.contains(*l))
    }

    pub(crate) fn meet(self, o: Lines) -> Lines {
        Lines(self.0 & o.0)
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// "2 en 3" / "2 and 3".
    pub fn words(self, and: &str) -> String {
        let v: Vec<String> = self.iter().map(|l| l.to_string()).collect();
        match v.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {and} {last}", rest.join(", ")),
            _ => v.join(""),
        }
    }
}

/// Role names and the lines they stand for: the framework's own (SPEC §2, §3.5) and the
/// config's `[roles]`, which come first.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// From the config: a role name (compact: lower case, accents and spaces removed)
    /// and its line.
    extra: Vec<(String, Line)>,
}

/// The framework's roles, compact, by line. Plurals are found by stripping `s`, `en`,
/// `n`, `es`; compounds by their last part where listed under `SUFFIXES`.
const ROLES: &[(&str, u8)] = &[
    ("docent", 0b001),
    ("leraar", 0b001),
    ("mentor", 0b001),
    ("coach", 0b001),
    ("loopbaancoach", 0b001),
    ("studieloopbaanbegeleider", 0b001),
    ("slber", 0b001),
    ("slb", 0b001),
    ("begeleider", 0b001),
    ("bpvbegeleider", 0b001),
    ("stagebegeleider", 0b001),
    ("praktijkbegeleider", 0b001),
    ("loopbaanadviseur", 0b010),
    ("lobadviseur", 0b010),
    ("slbadviseur", 0b010),
    ("studieloopbaanadviseur", 0b010),
    ("adviseur", 0b010),
    ("leidinggevende", 0b100),
    ("teamleider", 0b100),
    ("afdelingsleider", 0b100),
    ("opleidingsleider", 0b100),
    ("manager", 0b100),
    ("opleidingsmanager", 0b100),
    ("directeur", 0b100),
    ("directie", 0b100),
    ("beleidsmedewerker", 0b100),
    ("beleidsmaker", 0b100),
    ("beleidsadviseur", 0b100),
    ("decaan", 0b110),
    ("lobcoordinator", 0b110),
    ("coordinator", 0b110),
];

/// Compounds recognised by their last part (`vakdocent`, `afdelingsmanager`,
/// `locatiedirecteur`, `loopbaanbegeleider`), unless a `beleids…` word (line 3).
const SUFFIXES: &[(&str, u8)] = &[
    ("docent", 0b001),
    ("mentor", 0b001),
    ("coach", 0b001),
    ("begeleider", 0b001),
    ("adviseur", 0b010),
    ("manager", 0b100),
    ("directeur", 0b100),
    ("leidinggevende", 0b100),
    ("coordinator", 0b110),
];

/// A word as roles are compared: lower case, ASCII, letters and digits only.
pub(crate) fn compact(s: &str) -> String {
    normalize(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

impl Roles {
    /// The config's `[roles]` (role name → line 1–3); the names as written.
    pub fn with(extra: impl IntoIterator<Item = (String, Line)>) -> Roles {
        Roles { extra: extra.into_iter().map(|(k, l)| (compact(&k), l)).filter(|(k, _)| !k.is_empty()).collect() }
    }

    /// The lines a single word (compact, maybe plural) names as a role.
    pub(crate) fn word(&self, w: &str) -> Option<Lines> {
        if w.len() < 3 {
            return None;
        }
        // The one plural no suffix rule finds.
        let w = if w == "decanen" { "decaan" } else { w };
        let stems = [Some(w), w.strip_suffix("es"), w.strip_suffix("en"), w.strip_suffix('s'), w.strip_suffix('n')];
        for s in stems.into_iter().flatten() {
            if let Some((_, l)) = self.extra.iter().find(|(k, _)| k == s) {
                return Some(Lines::one(*l));
            }
        }
        for s in stems.into_iter().flatten() {
            if let Some((_, m)) = ROLES.iter().find(|(k, _)| *k == s) {
                return Some(Lines(*m));
            }
        }
        for s in stems.into_iter().flatten() {
            if s.starts_with("beleids") {
                return Some(Lines(0b100));
            }
            if let Some((_, m)) = SUFFIXES.iter().find(|(k, _)| s.len() > k.len() && s.ends_with(k)) {
                return Some(Lines(*m));
            }
        }
        None
    }

    /// The lines the role words of a value name, as people write roles: any case and
    /// accents, plurals, "Docent Nederlands", "teamleider techniek", "docent/mentor".
    /// Words that name no role are passed over; the roles named must agree (their lines
    /// meet). `None` when no role is named, or roles of different lines are.
    pub fn lines_of(&self, value: &str) -> Option<Lines> {
        let whole = compact(value);
        if let Some((_, l)) = self.extra.iter().find(|(k, _)| *k == whole) {
            return Some(Lines::one(*l));
        }
        let norm = normalize(value);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let mut found: Option<Lines> = None;
        let mut i = 0;
        while i < words.len() {
            // A role written in two or three words: "LOB-adviseur", "LOB co-ördinator".
            let mut hit = None;
            for span in (1..=3).rev() {
                if i + span > words.len() {
                    continue;
                }
                let joined: String = words[i..i + span].concat();
                if let Some(l) = self.word(&joined) {
                    hit = Some((l, span));
                    break;
                }
            }
            match hit {
                Some((l, span)) => {
                    found = Some(found.map_or(l, |f| f.meet(l)));
                    i += span;
                }
                None => i += 1,
            }
        }
        found.filter(|f| !f.is_empty())
    }

    /// Whether the roles named in a value disagree (a docent and a teamleider at once).
    pub fn disagree(&self, value: &str) -> bool {
        let norm = normalize(value);
        let named = norm.split(' ').filter_map(|w| self.word(w)).count();
        named > 1 && self.lines_of(value).is_none()
    }
}

/// A line as a cell names it: `1`, `1e lijn`, `eerste lijn`, `L1`, `first line`,
/// `Eerste lijn (docent, mentor)` (SPEC §3.1), else by the roles it names (§3.5).
pub fn line_value(text: &str, roles: &Roles) -> Option<Lines> {
    Line::parse(text).map(Lines::one).or_else(|| roles.lines_of(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_name_their_line_as_written() {
        let r = Roles::default();
        let one = |s: &str| r.lines_of(s).and_then(Lines::single);
        for s in [
            "Docent",
            "docenten",
            "Vakdocent",
            "Docent Nederlands",
            "MENTOR",
            "coach",
            "SLB'er",
            "Studieloopbaanbegeleider",
            "BPV-begeleider",
            "Stagebegeleiders",
            "docent/mentor",
        ] {
            assert_eq!(one(s), Some(Line::L1), "{s}");
        }
        for s in ["Loopbaanadviseur", "LOB-adviseur", "SLB-adviseur", "studieloopbaanadviseur"] {
            assert_eq!(one(s), Some(Line::L2), "{s}");
        }
        for s in [
            "Leidinggevende",
            "teamleider techniek",
            "Opleidingsmanager",
            "(opleidings)manager",
            "Directeur",
            "beleidsmedewerker",
            "Beleidsmaker",
            "Teamleiders",
        ] {
            assert_eq!(one(s), Some(Line::L3), "{s}");
        }
        for s in ["Decaan", "decanen", "LOB-coördinator", "lob coordinator"] {
            assert_eq!(r.lines_of(s), Some(Lines::L23), "{s}");
        }
        // Roles that agree meet; roles that do not name no line.
        assert_eq!(r.lines_of("decaan/teamleider"), Some(Lines::one(Line::L3)));
        assert_eq!(r.lines_of("docent/teamleider"), None);
        assert!(r.disagree("docent/teamleider"));
        assert_eq!(r.lines_of("Conciërge"), None);
        // The config's roles come first.
        let c = Roles::with([("Zorgcoördinator".to_string(), Line::L2), ("decaan".to_string(), Line::L2)]);
        assert_eq!(c.lines_of("zorgcoordinator"), Some(Lines::one(Line::L2)));
        assert_eq!(c.lines_of("Decanen"), Some(Lines::one(Line::L2)));
        // A line written as a line wins over role words beside it.
        assert_eq!(line_value("Tweede lijn (decaan, LOB-coördinator)", &r), Some(Lines::one(Line::L2)));
    }
}
