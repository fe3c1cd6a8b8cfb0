//! One institution, however it is spelled (SPEC §3.4, §3.5): the names the survey rows
//! give are folded to a key, resolved against the institutions file (its names, its
//! `aliassen` and its `code`/`brin`), and shown in one spelling. Names that merely look
//! alike are never merged: they are listed side by side for the analyst.
//!
//! Decisions where the SPEC is silent:
//! - The key is OpenRefine's "fingerprint" without its sorting of words, and stricter
//!   about separators: lower case, accents transliterated (ë → e, ß → ss), every
//!   character that is not a letter or digit dropped, spaces included. So "ROC
//!   Midden-Nederland ", "ROC Midden Nederland" and "roc middennederland" are one
//!   institution (the SPEC names spaces and hyphens as differences that do not count).
//!   Other scripts and emoji are transliterated first (deunicode); a name that leaves
//!   no letter or digit at all is its own key, as written.
//! - Shown: the institutions file's spelling; else the spelling most rows use; on a
//!   tie, the one read first (files in path order, rows in order). Spellings are
//!   taken trimmed, with runs of white space as one space.
//! - File names follow a spelling that does not depend on counts: the institutions
//!   file's, else the spelling whose slug has the most words (ties: the smallest slug),
//!   so "ROC Midden Nederland" and "ROC Midden-Nederland" both give
//!   `roc-midden-nederland` whichever is shown. Generated pseudonyms hash the key.
//! - Look-alikes ("lijkt op"): two names whose keys have a similarity of at least 0.85
//!   (1 − edit distance / longer length), or where every word of one (two words at
//!   least) is a word of the other ("Het Baken" and "Het Baken College"). Pairs of two
//!   institutions-file entries are not listed: the file already tells them apart.

use std::collections::BTreeMap;

use foldhash::HashMap;

/// The key of an institution's name, where the institutions file keys it too.
pub use crate::ingest::institutions::fold;
use crate::ingest::institutions::InstitutionMeta;
use crate::text::{clean, normalize, slug};

/// A spelling as shown: cleaned (invisible characters gone), trimmed, white space runs
/// as one space.
pub fn spelling(name: &str) -> String {
    clean(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a spelling was tied to its institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// Differs from the shown name only in case, accents, spaces or punctuation.
    Spelling,
    /// An alias in the institutions file (`aliassen`).
    Alias,
    /// The institution's code or BRIN in the institutions file.
    Code,
}

/// One institution's names: the one shown and every variant read, with its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct NameGroup {
    pub shown: String,
    /// Whether the shown name is the institutions file's.
    pub from_file: bool,
    /// Every spelling read in the surveys, with how many rows gave it and how it was
    /// tied to the shown name, in order of first reading.
    pub variants: Vec<(String, u64, Via)>,
}

impl NameGroup {
    /// Worth listing: a name read in another spelling than shown, or by alias or code.
    pub fn has_variants(&self) -> bool {
        self.variants.iter().any(|(s, _, _)| *s != self.shown)
    }
}

/// Two institutions whose names look alike but were not merged.
#[derive(Debug, Clone, PartialEq)]
pub struct LookAlike {
    pub a: String,
    pub b: String,
    /// Similarity of the keys (1 − edit distance / longer length).
    pub similarity: f64,
}

/// The resolution of every name of a run.
#[derive(Debug, Default)]
pub struct Names {
    /// Spelling as read → the name shown.
    shown: HashMap<String, String>,
    pub groups: Vec<NameGroup>,
    pub look_alikes: Vec<LookAlike>,
}

impl Names {
    /// The name to show for a spelling read (itself when never seen).
    pub fn shown<'a>(&'a self, read: &'a str) -> &'a str {
        self.shown.get(read).map_or(read, String::as_str)
    }
}

/// Resolves every name read (in reading order, with repeats: one per row) against the
/// institutions file's entries, and rekeys `metas` by the shown names. Each meta gets
/// its `key` and `file_stem`.
pub fn resolve<'a>(read: impl Iterator<Item = &'a str>, metas: &mut BTreeMap<String, InstitutionMeta>) -> Names {
    // The institutions file: names, then aliases and codes (a name wins over an alias).
    let entries: Vec<InstitutionMeta> = std::mem::take(metas).into_values().collect();
    let mut by_key: HashMap<String, (usize, Via)> = HashMap::default();
    for (i, e) in entries.iter().enumerate() {
        by_key.entry(fold(&e.name)).or_insert((i, Via::Spelling));
    }
    for (i, e) in entries.iter().enumerate() {
        for a in &e.aliases {
            by_key.entry(fold(a)).or_insert((i, Via::Alias));
        }
        for c in e.code.iter().chain(e.brin.iter()) {
            by_key.entry(fold(c)).or_insert((i, Via::Code));
        }
    }
    // Groups: an entry of the file, or a key of its own.
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Owner {
        Entry(usize),
        Key(usize),
    }
    let mut keys: Vec<String> = Vec::new();
    let mut key_index: HashMap<String, usize> = HashMap::default();
    // Per owner: spellings in order of first reading, with counts and how.
    let mut spellings: HashMap<Owner, Vec<(String, u64, Via)>> = HashMap::default();
    let mut order: Vec<Owner> = Vec::new();
    let mut raw_to_owner: HashMap<String, (Owner, String)> = HashMap::default();
    for raw in read {
        let (owner, sp, via) = match raw_to_owner.get(raw) {
            Some((o, sp)) => (*o, sp.clone(), None),
            None => {
                let sp = spelling(raw);
                let key = fold(raw);
                let (owner, via) = match by_key.get(&key) {
                    Some(&(i, via)) => (Owner::Entry(i), via),
                    None => {
                        let next = keys.len();
                        let k = *key_index.entry(key.clone()).or_insert(next);
                        if k == next {
                            keys.push(key);
                        }
                        (Owner::Key(k), Via::Spelling)
                    }
                };
                raw_to_owner.insert(raw.to_string(), (owner, sp.clone()));
                (owner, sp, Some(via))
            }
        };
        let list = spellings.entry(owner).or_insert_with(|| {
            order.push(owner);
            Vec::new()
        });
        match list.iter_mut().find(|(s, _, _)| *s == sp) {
            Some(v) => v.1 += 1,
            None => list.push((sp, 1, via.unwrap_or(Via::Spelling))),
        }
    }
    let mut names = Names::default();
    let mut owner_shown: HashMap<Owner, String> = HashMap::default();
    let mut used_entries = vec![false; entries.len()];
    for owner in &order {
        let variants = &spellings[owner];
        let (shown, from_file, key, file_stem, mut meta) = match *owner {
            Owner::Entry(i) => {
                used_entries[i] = true;
                let e = entries[i].clone();
                (e.name.clone(), true, fold(&e.name), e.name.clone(), e)
            }
            Owner::Key(k) => {
                // Most rows; on a tie the first read (max_by_key keeps the last maximum,
                // so the reversed order makes it the first).
                let shown =
                    variants.iter().rev().max_by_key(|(_, n, _)| *n).map(|(s, _, _)| s.clone()).unwrap_or_default();
                let stem = variants
                    .iter()
                    .map(|(s, _, _)| (slug(s), s))
                    .min_by(|(a, _), (b, _)| b.matches('-').count().cmp(&a.matches('-').count()).then(a.cmp(b)))
                    .map(|(_, s)| s.clone())
                    .unwrap_or_default();
                (shown.clone(), false, keys[k].clone(), stem, InstitutionMeta::named(&shown))
            }
        };
        meta.key = key;
        meta.file_stem = file_stem;
        for (sp, _, _) in variants {
            names.shown.insert(sp.clone(), shown.clone());
        }
        owner_shown.insert(*owner, shown.clone());
        names.groups.push(NameGroup { shown: shown.clone(), from_file, variants: variants.clone() });
        metas.insert(shown, meta);
    }
    for (raw, (owner, _)) in &raw_to_owner {
        names.shown.insert(raw.clone(), owner_shown[owner].clone());
    }
    // Entries of the file no survey named stay known (their code, sector) for the
    // look-alike listing, and are kept as before.
    for (i, e) in entries.into_iter().enumerate() {
        if !used_entries[i] {
            let mut e = e;
            e.key = fold(&e.name);
            e.file_stem = e.name.clone();
            metas.entry(e.name.clone()).or_insert(e);
        }
    }
    names.look_alikes = look_alikes(&names.groups, metas);
    names
}

/// Pairs of names that look alike (see the module's decisions): every institution read
/// against every other, and against the institutions file's entries.
fn look_alikes(groups: &[NameGroup], metas: &BTreeMap<String, InstitutionMeta>) -> Vec<LookAlike> {
    struct Cand<'a> {
        name: &'a str,
        key: &'a str,
        words: Vec<String>,
        from_file: bool,
        read: bool,
    }
    let read: std::collections::HashSet<&str> = groups.iter().map(|g| g.shown.as_str()).collect();
    let cands: Vec<Cand<'_>> = metas
        .values()
        .map(|m| {
            let mut words: Vec<String> = normalize(&m.name).split(' ').map(str::to_string).collect();
            words.sort();
            words.dedup();
            Cand {
                name: m.name.as_str(),
                key: m.key.as_str(),
                words,
                from_file: groups.iter().any(|g| g.shown == m.name && g.from_file) || !read.contains(m.name.as_str()),
                read: read.contains(m.name.as_str()),
            }
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in cands.iter().enumerate() {
        for b in &cands[i + 1..] {
            if !(a.read || b.read) || (a.from_file && b.from_file) || a.key == b.key {
                continue;
            }
            let (la, lb) = (a.key.len(), b.key.len());
            let longer = la.max(lb);
            // Similarity ≥ 0.85 needs the lengths within 15 % of the longer.
            let similarity = if (la.abs_diff(lb) as f64) <= 0.15 * longer as f64 {
                crate::ingest::matching::similarity(a.key, b.key)
            } else {
                0.0
            };
            let (small, big) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
            let subset = small.words.len() >= 2 && small.words.iter().all(|w| big.words.binary_search(w).is_ok());
            if similarity >= 0.85 || subset {
                out.push(LookAlike { a: a.name.to_string(), b: b.name.to_string(), similarity });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, code: Option<&str>, aliases: &[&str]) -> InstitutionMeta {
        InstitutionMeta {
            code: code.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..InstitutionMeta::named(name)
        }
    }

    #[test]
    fn names_that_differ_in_case_accents_spaces_hyphens_or_punctuation_fold_alike() {
        let key = fold("ROC Midden Nederland");
        assert_eq!(key, "rocmiddennederland");
        for n in ["ROC Midden-Nederland ", "roc midden nederland", "ROC  Midden–Nederland", "R.O.C. MiddenNederland"]
        {
            assert_eq!(fold(n), key, "{n:?}");
        }
        assert_eq!(fold("École X"), fold("ecole x"));
        assert_ne!(fold("ROC Midden Nederland"), fold("ROC Midden Nederland Utrecht"));
        // Emoji are transliterated like accents (deunicode): names of them stay apart.
        assert!(!fold("🎓🎓").is_empty());
        assert_ne!(fold("🎓🎓"), fold("🏫"));
        assert_eq!(fold(" ¿? "), "¿?", "nothing to transliterate: the name as written");
    }

    #[test]
    fn the_most_used_spelling_is_shown_and_ties_go_to_the_first_read() {
        let mut metas = BTreeMap::new();
        // 2 rows "ROC Midden Nederland", 3 rows "ROC Midden-Nederland ".
        let read = [
            "ROC Midden Nederland",
            "ROC Midden Nederland",
            "ROC Midden-Nederland ",
            "ROC Midden-Nederland ",
            "ROC Midden-Nederland ",
        ];
        let names = resolve(read.iter().copied(), &mut metas);
        assert_eq!(names.shown("ROC Midden Nederland"), "ROC Midden-Nederland");
        assert_eq!(names.shown("ROC Midden-Nederland "), "ROC Midden-Nederland");
        assert_eq!(names.groups.len(), 1);
        assert_eq!(
            names.groups[0].variants,
            vec![("ROC Midden Nederland".into(), 2, Via::Spelling), ("ROC Midden-Nederland".into(), 3, Via::Spelling)]
        );
        let meta = &metas["ROC Midden-Nederland"];
        assert_eq!(meta.key, "rocmiddennederland");
        // The file stem does not depend on the counts: both spellings slug alike here.
        assert_eq!(slug(&meta.file_stem), "roc-midden-nederland");
        // A tie: the first read is shown.
        let mut metas = BTreeMap::new();
        let names = resolve(["Het Baken", "het baken"].into_iter(), &mut metas);
        assert_eq!(names.shown("het baken"), "Het Baken");
        let mut metas = BTreeMap::new();
        let names = resolve(["het baken", "Het Baken"].into_iter(), &mut metas);
        assert_eq!(names.shown("Het Baken"), "het baken");
    }

    #[test]
    fn the_file_stem_keeps_the_most_words_whatever_is_shown() {
        let mut metas = BTreeMap::new();
        resolve(["ROCMidden Nederland", "ROCMidden Nederland", "ROC Midden Nederland"].into_iter(), &mut metas);
        let meta = &metas["ROCMidden Nederland"];
        assert_eq!(slug(&meta.file_stem), "roc-midden-nederland", "shown by count, named by words");
    }

    #[test]
    fn the_institutions_file_spelling_its_aliases_and_its_code_name_one_institution() {
        let mut metas = BTreeMap::new();
        for e in [entry("ROC Midden Nederland", Some("25PJ"), &["MN College", "ROC MN"]), entry("Het Baken", None, &[])]
        {
            metas.insert(e.name.clone(), e);
        }
        let read = ["roc midden-nederland", "MN-college", "25pj", "ROC Midden Nederland"];
        let names = resolve(read.iter().copied(), &mut metas);
        for r in read {
            assert_eq!(names.shown(r), "ROC Midden Nederland", "{r}");
        }
        let g = &names.groups[0];
        assert!(g.from_file);
        assert_eq!(
            g.variants,
            vec![
                ("roc midden-nederland".into(), 1, Via::Spelling),
                ("MN-college".into(), 1, Via::Alias),
                ("25pj".into(), 1, Via::Code),
                ("ROC Midden Nederland".into(), 1, Via::Spelling),
            ]
        );
        assert_eq!(metas["ROC Midden Nederland"].code.as_deref(), Some("25PJ"));
        assert!(metas.contains_key("Het Baken"), "entries no survey names stay known");
    }

    #[test]
    fn look_alikes_are_listed_not_merged() {
        let mut metas = BTreeMap::new();
        let e = entry("Het Baken College", None, &[]);
        metas.insert(e.name.clone(), e);
        // "ROC Zeeland" / "ROC Zeelland": keys roczeeland / roczeelland, distance 1 of
        // 11 → 0.909. "Het Baken" is a word subset of "Het Baken College".
        let names = resolve(["ROC Zeeland", "ROC Zeelland", "Het Baken", "Rijnmond College"].into_iter(), &mut metas);
        assert_eq!(names.groups.len(), 4, "nothing merged");
        let pairs: Vec<(&str, &str)> = names.look_alikes.iter().map(|l| (l.a.as_str(), l.b.as_str())).collect();
        assert!(pairs.contains(&("Het Baken", "Het Baken College")), "{pairs:?}");
        assert!(pairs.contains(&("ROC Zeeland", "ROC Zeelland")), "{pairs:?}");
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        let z = names.look_alikes.iter().find(|l| l.a == "ROC Zeeland").unwrap();
        assert!((z.similarity - 10.0 / 11.0).abs() < 1e-9);
    }
}
