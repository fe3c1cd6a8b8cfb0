//! Which item a column header names (SPEC §3.1): exactly (an id, an id followed by
//! text, the item's full Dutch or English text), or by what survey tools and people do
//! to a text: a tool's code form of the id, invisible characters, a question number in
//! front, a grid question around the statement (`Vraag [stelling]`, `Vraag - stelling`),
//! and last a text that is merely similar (a word added or dropped, a typo). Every
//! match other than an exact one says how it was made, so it can be listed.

use crate::framework::{sorted_words, Framework, ItemId, ItemIdx};
use crate::text::{clean, had_invisible, normalize};

/// A text must be at least this similar to an item's text to match it…
pub const MIN_SIMILARITY: f64 = 0.80;
/// …and this much more similar than to any other item.
pub const MIN_LEAD: f64 = 0.05;

/// How a header was matched to its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The item id, or the id followed by text (`L1-VB-R1: Kennis…`): exact.
    Id,
    /// The item's full text, case, accents, punctuation and spacing aside: exact.
    Text,
    /// A survey tool's code form of the id (`L1VB[R1]`, `L1VB_R1`: LimeSurvey codes
    /// allow letters and digits only).
    Code,
    /// Exact once invisible characters (zero-width spaces, soft hyphens) were removed.
    Invisible,
    /// Exact once a question number in front was removed (`12. …`, `Q12 …`).
    Numbered,
    /// The statement of a grid question: `Vraag [stelling]`, `Vraag - stelling`.
    Grid,
    /// The most similar item text, clearly ahead of the next.
    Similar,
}

impl How {
    /// Exact matches are not listed in the column mapping.
    pub fn is_exact(self) -> bool {
        matches!(self, How::Id | How::Text)
    }

    /// The code in `data/column_mapping.csv`.
    pub fn code(self) -> &'static str {
        match self {
            How::Id => "id",
            How::Text => "text",
            How::Code => "code",
            How::Invisible => "invisible_characters",
            How::Numbered => "numbered",
            How::Grid => "grid",
            How::Similar => "similar",
        }
    }
}

/// An item a header names, and how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemMatch {
    pub item: ItemIdx,
    pub how: How,
    /// 1 for every match but [`How::Similar`].
    pub similarity: f64,
}

impl ItemMatch {
    fn exact(item: ItemIdx, how: How) -> ItemMatch {
        ItemMatch { item, how, similarity: 1.0 }
    }
}

/// The item whose id starts a header (`L1-VB-R1`, `L1-VB-R1: …`, `(L1-VB-R1) …`).
pub fn item_id_prefix(fw: &Framework, header: &str) -> Option<ItemIdx> {
    let h = header.trim_start().trim_start_matches(['(', '[']);
    // An id starts with its line's L: other words are not parsed (nor an error written).
    if !h.starts_with(['L', 'l']) {
        return None;
    }
    let end = h.find(|c: char| c.is_whitespace() || c == ':' || c == ')' || c == ']').unwrap_or(h.len());
    h[..end].parse::<ItemId>().ok().and_then(|id| fw.index_of(id))
}

/// The id in a survey tool's code form: `L1VB[R1]`, `L1VB_R1`, `L1VBR1`, `L1.VB.R1`
/// (the first word of the header, separators aside).
fn code_id(fw: &Framework, header: &str) -> Option<ItemIdx> {
    let first = header.split(|c: char| c.is_whitespace() || c == ':').next()?;
    let compact: String = first.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase();
    if compact.len() < 6 || !compact.starts_with('L') {
        return None;
    }
    let (line, rest) = compact[1..].split_at(1);
    let (area, rest) = rest.split_at(2);
    format!("L{line}-{area}-{rest}").parse::<ItemId>().ok().and_then(|id| fw.index_of(id))
}

/// The text without a question number in front: `12. Kennis…`, `Q12 Kennis…`, `3) …`.
fn strip_number(norm: &str) -> Option<&str> {
    let (lead, rest) = norm.split_once(' ')?;
    let digits = lead.trim_start_matches('q');
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty()).then_some(rest)
}

/// The statements a grid question's header may carry: inside the last brackets
/// (`Vraag [stelling]`), or after a dash (`Vraag - stelling`; every dash is tried,
/// since statements hold dashes of their own).
fn grid_parts(h: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    if let (Some(open), true) = (h.rfind('['), h.ends_with(']')) {
        parts.push(h[open + 1..h.len() - 1].trim());
    }
    for sep in [" - ", " – ", " — "] {
        for (i, _) in h.match_indices(sep) {
            parts.push(h[i + sep.len()..].trim());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// An exact match of one text: id, code, full text, or numbered text.
fn exact(fw: &Framework, h: &str) -> Option<ItemMatch> {
    if let Some(i) = item_id_prefix(fw, h) {
        return Some(ItemMatch::exact(i, How::Id));
    }
    if let Some(i) = fw.find_by_text(h) {
        return Some(ItemMatch::exact(i, How::Text));
    }
    if let Some(i) = code_id(fw, h) {
        return Some(ItemMatch::exact(i, How::Code));
    }
    let norm = normalize(h);
    strip_number(&norm).and_then(|rest| fw.find_by_text(rest)).map(|i| ItemMatch::exact(i, How::Numbered))
}

/// Similarity of two normalised texts: 1 − edit distance / longer length.
pub fn similarity(a: &str, b: &str) -> f64 {
    let m = a.len().max(b.len());
    if m == 0 {
        return 1.0;
    }
    1.0 - strsim::levenshtein(a, b) as f64 / m as f64
}

/// How many words two sorted word lists share.
fn shared_words(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The item a text is most similar to, when that is at least [`MIN_SIMILARITY`] and
/// [`MIN_LEAD`] ahead of every other item.
fn most_similar(fw: &Framework, candidates: &[String]) -> Option<ItemMatch> {
    let mut best: Vec<(f64, ItemIdx)> = Vec::new();
    for cand in candidates {
        // Short texts ("Naam", "E-mail", answers) are never item statements.
        if cand.len() < 15 || cand.split(' ').count() < 3 {
            continue;
        }
        let words = sorted_words(cand);
        for (idx, text, item_words) in fw.normalized_texts() {
            let (la, lb) = (cand.len() as f64, text.len() as f64);
            // The edit distance is at least the difference in length.
            if 1.0 - (la - lb).abs() / la.max(lb) < MIN_SIMILARITY - MIN_LEAD {
                continue;
            }
            // A text is an item with a word added, dropped or misspelt only if the two
            // share at least half the words of either: this keeps the edit distance,
            // the costly part, for real candidates.
            if shared_words(&words, item_words) * 2 < words.len().max(item_words.len()) {
                continue;
            }
            let s = similarity(cand, text);
            match best.iter_mut().find(|(_, i)| *i == idx) {
                Some(b) => b.0 = b.0.max(s),
                None => best.push((s, idx)),
            }
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (s, item) = *best.first()?;
    let second = best.get(1).map_or(0.0, |b| b.0);
    (s >= MIN_SIMILARITY && s - second >= MIN_LEAD).then_some(ItemMatch { item, how: How::Similar, similarity: s })
}

/// Finds the item a header names, exactly or otherwise (see the module docs).
pub fn match_item(fw: &Framework, header: &str) -> Option<ItemMatch> {
    match_item_with(fw, header, true)
}

/// Finds the item a header names in every form but similarity, which costs most and
/// is needed for few columns: the header search looks with this first.
pub fn match_exact(fw: &Framework, header: &str) -> Option<ItemMatch> {
    match_item_with(fw, header, false)
}

fn match_item_with(fw: &Framework, header: &str, similar: bool) -> Option<ItemMatch> {
    let h = clean(header);
    if h.is_empty() {
        return None;
    }
    if let Some(mut m) = exact(fw, &h) {
        if had_invisible(header) && m.how.is_exact() {
            m.how = How::Invisible;
        }
        return Some(m);
    }
    let parts = grid_parts(&h);
    if let Some(m) = parts.iter().find_map(|p| exact(fw, p)) {
        return Some(ItemMatch { how: How::Grid, ..m });
    }
    if !similar {
        return None;
    }
    let norm = normalize(&h);
    let mut candidates = vec![norm.clone()];
    if let Some(rest) = strip_number(&norm) {
        candidates.push(rest.to_string());
    }
    candidates.extend(parts.iter().map(|p| normalize(p)));
    most_similar(fw, &candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw() -> Framework {
        Framework::embedded()
    }

    fn id(fw: &Framework, s: &str) -> ItemIdx {
        fw.index_of(s.parse().unwrap()).unwrap()
    }

    fn text(fw: &Framework, s: &str) -> String {
        fw.item(id(fw, s)).nl.clone()
    }

    #[test]
    fn exact_ids_and_texts_are_exact() {
        let fw = fw();
        let m = match_item(&fw, "L1-VB-R1").unwrap();
        assert_eq!((m.item, m.how), (id(&fw, "L1-VB-R1"), How::Id));
        let m = match_item(&fw, "KAN VERDIEPENDE LOOPBAANGESPREKKEN VOEREN.").unwrap();
        assert_eq!((m.item, m.how), (id(&fw, "L2-OB-D3"), How::Text));
        assert!(match_item(&fw, "Naam").is_none());
        assert!(match_item(&fw, "L3-OB-R9").is_none());
    }

    #[test]
    fn an_id_with_a_zero_width_space_matches_and_says_so() {
        let fw = fw();
        let m = match_item(&fw, "L1-VB-R1\u{200B}").unwrap();
        assert_eq!((m.item, m.how), (id(&fw, "L1-VB-R1"), How::Invisible));
        let m = match_item(&fw, &format!("\u{FEFF}{}", text(&fw, "L2-OB-D3"))).unwrap();
        assert_eq!(m.how, How::Invisible);
    }

    #[test]
    fn tool_codes_numbers_and_grids() {
        let fw = fw();
        assert_eq!(match_item(&fw, "L1VB[R1]").map(|m| (m.item, m.how)), Some((id(&fw, "L1-VB-R1"), How::Code)));
        assert_eq!(match_item(&fw, "L2OB_D3").map(|m| m.item), Some(id(&fw, "L2-OB-D3")));
        assert_eq!(
            match_item(&fw, "12. Can hold in-depth career conversations").map(|m| (m.item, m.how)),
            Some((id(&fw, "L2-OB-D3"), How::Numbered))
        );
        // Google Forms / LimeSurvey: the statement in brackets.
        let g = format!("Rolbeschrijving Visie en beleid [{}]", text(&fw, "L1-VB-R2"));
        assert_eq!(match_item(&fw, &g).map(|m| (m.item, m.how)), Some((id(&fw, "L1-VB-R2"), How::Grid)));
        // Qualtrics: `Vraag - stelling`, where the statement holds a dash of its own.
        let q = format!("Zelfevaluatie - {}", text(&fw, "L1-OB-R2"));
        assert!(text(&fw, "L1-OB-R2").contains(" - "));
        assert_eq!(match_item(&fw, &q).map(|m| (m.item, m.how)), Some((id(&fw, "L1-OB-R2"), How::Grid)));
        assert_eq!(match_item(&fw, "Zelfevaluatie - L3-SW-D2").map(|m| m.item), Some(id(&fw, "L3-SW-D2")));
    }

    #[test]
    fn the_four_drifted_texts_match_by_similarity() {
        // What the Forms export carried: the catalogue's old wording.
        let fw = fw();
        for (item, old) in [
            ("L1-OR-R1", "Deelnemen aan werkgroepen om tot een LOB-programma te komen dat een optimale ontwikkeling en keuze van de jongere dient"),
            ("L2-SW-D3", "Integreert het LOB-curriculum van de school in de gesprekscyclus (CIOS) met ouders"),
            ("L3-SW-R4", "Onderhouden contacten met landelijke organisaties op het gebied van LOB"),
            ("L1-OB-D7", "Kan de jongere stimuleren om zijn ideeën in een groter kader te plaatsen en haalbaarheid en realiteitszin te bewaken"),
        ] {
            let m = match_item(&fw, old).unwrap_or_else(|| panic!("{item} not matched"));
            assert_eq!((m.item, m.how), (id(&fw, item), How::Similar), "{item}");
            assert!(m.similarity > 0.9 && m.similarity < 1.0, "{item}: {}", m.similarity);
        }
        // "organisaties" for "organisatie": one letter in 71 (normalised) → 70/71.
        let m = match_item(&fw, "Onderhouden contacten met landelijke organisaties op het gebied van LOB").unwrap();
        assert!((m.similarity - 70.0 / 71.0).abs() < 1e-9, "{}", m.similarity);
    }

    #[test]
    fn a_typo_and_trailing_punctuation_match_a_word_changed_too_much_does_not() {
        let fw = fw();
        assert_eq!(
            match_item(&fw, "Kan verdiepende loopbaangesprekken voerren?").map(|m| (m.item, m.how)),
            Some((id(&fw, "L2-OB-D3"), How::Similar))
        );
        assert!(match_item(&fw, "Kan goede gesprekken voeren met ouders over hun kind").is_none());
    }

    #[test]
    fn a_match_must_be_clearly_ahead_of_the_next() {
        // L2-OR-R2 and L3-OR-R3 differ only in what the brackets say; a text halfway
        // between them is no match at all.
        let fw = fw();
        let a = normalize(&text(&fw, "L2-OR-R2"));
        let b = normalize(&text(&fw, "L3-OR-R3"));
        assert!(similarity(&a, &b) > 0.8);
        let between = "Organiseren deskundigheidsbevordering voor alle betrokkenen bij LOB (begeleiders en betrokkenen vanuit bedrijven/instellingen)";
        let (sa, sb) = (similarity(&normalize(between), &a), similarity(&normalize(between), &b));
        // 0.935 and 0.892: both similar enough, neither clearly ahead.
        assert!(sa >= MIN_SIMILARITY && sb >= MIN_SIMILARITY && (sa - sb).abs() < MIN_LEAD, "{sa} {sb}");
        assert_eq!(match_item(&fw, between), None);
        // Exactly one of them, with a typo: matched, and to the right one.
        let typo = text(&fw, "L3-OR-R3").replace("deskundigheidsbevordering", "deskundigheidsbevodering");
        assert_eq!(match_item(&fw, &typo).map(|m| m.item), Some(id(&fw, "L3-OR-R3")));
    }
}
