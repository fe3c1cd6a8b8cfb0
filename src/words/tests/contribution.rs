//! Every refusal of a contribution (SPEC §9) is worded in both languages, with its
//! figures, as rejections.csv says it (through `Reason::Contribution`).

use std::collections::BTreeSet;

use super::check_pair;
use crate::ingest::reason::Reason;
use crate::lang::Lang;

#[test]
fn every_contribution_refusal_is_worded_in_both_languages_with_its_figures() {
    use crate::contribution::{Earlier, Figure, Refusal as C};
    fn refusal(r: &C) -> usize {
        match r {
            C::NotUtf8 => 0,
            C::NotJson(_) => 1,
            C::NotAContribution => 2,
            C::Version { .. } => 3,
            C::NoChecksum => 4,
            C::Changed => 5,
            C::Shape { .. } => 6,
            C::Impossible { .. } => 7,
            C::Edition { .. } => 8,
            C::AlreadyIn { .. } => 9,
        }
    }
    fn figure(f: &Figure) -> usize {
        match f {
            Figure::NoInstitution => 0,
            Figure::Twice => 1,
            Figure::Sector(_) => 2,
            Figure::Line(_) => 3,
            Figure::Area(_) => 4,
            Figure::Kind(_) => 5,
            Figure::Group { .. } => 6,
            Figure::NoLineScore => 7,
            Figure::Item { .. } => 8,
            Figure::ItemCount { .. } => 9,
        }
    }
    let figures = vec![
        Figure::NoInstitution,
        Figure::Twice,
        Figure::Sector("zzsector".into()),
        Figure::Line(7),
        Figure::Area("ZZ".into()),
        Figure::Kind("Q".into()),
        Figure::Group { line: 2, area: "OB".into(), kind: "R".into(), n: 13 },
        Figure::NoLineScore,
        Figure::Item { item: "L3-SW-D9".into(), line: 1 },
        Figure::ItemCount { item: "L1-VB-R2".into(), n: 0 },
    ];
    assert_eq!(figures.iter().map(figure).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
    let impossible = |figure| C::Impossible { institution: "Zzalfa".into(), year: 2031, figure };
    let mut refusals = vec![
        C::NotUtf8,
        C::NotJson("EOF while parsing an object at line 88 column 3".into()),
        C::NotAContribution,
        C::Version { version: 4, made_by: "0.9.1".into(), reads: 1 },
        C::NoChecksum,
        C::Changed,
        C::Shape { version: 1, error: "missing field `counts`".into() },
        C::Impossible { institution: "Zzbeta".into(), year: 2032, figure: Figure::NoLineScore },
        C::Edition { year: 2027, edition: "raamwerk-2019".into(), run: "raamwerk-2025".into() },
        C::AlreadyIn { institution: "Zzalfa".into(), year: 2031, first: Earlier::Surveys },
    ];
    assert_eq!(refusals.iter().map(refusal).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
    refusals.extend(figures.into_iter().map(impossible));
    refusals.push(C::AlreadyIn {
        institution: "Zzalfa".into(),
        year: 2031,
        first: Earlier::Contribution("b/zz1.json".into()),
    });
    // The data's own words: the parser's error, the file's field names and values
    // (quoted as the file has them, in both languages), and the path of the earlier file.
    let names = [
        "Zzalfa",
        "Zzbeta",
        "EOF",
        "while",
        "parsing",
        "an",
        "object",
        "at",
        "line",
        "column",
        "missing",
        "field",
        "counts",
        "raamwerk",
        "zzsector",
        "ZZ",
        "OB",
        "R",
        "Q",
        "L3",
        "SW",
        "D9",
        "L1",
        "VB",
        "R2",
        "n",
        "item",
        "of",
        "area",
        "kind",
        "sector",
        "no",
        "institution",
        "name",
        "twice",
        "score",
        "survey",
        "files",
        "zz1",
        "json",
        "lobmonitor",
        "contribute",
        "UTF",
        "JSON",
        "format",
        "version",
        "checksum",
    ];
    // As rejections.csv says it: through `Reason`, as ingest's ledger holds it.
    let say = |r: &C, lang| Reason::Contribution(r.clone()).text(lang);
    let mut seen = BTreeSet::new();
    for r in &refusals {
        let (nl, en) = (say(r, Lang::Nl), say(r, Lang::En));
        check_pair(&format!("{r:?}"), &nl, &en, &names);
        assert_ne!(nl, en, "{r:?}");
        assert!(seen.insert(nl.clone()) && seen.insert(en.clone()), "{nl} / {en} said twice");
    }
    // By hand: the version found, the maker and the version read, in each language.
    assert_eq!(
        say(&refusals[3], Lang::Nl),
        "bijdrage in formaatversie 4 (lobmonitor 0.9.1); deze lobmonitor leest versie 1: maak haar opnieuw met deze versie"
    );
    assert_eq!(
        say(&refusals[3], Lang::En),
        "contribution in format version 4 (lobmonitor 0.9.1); this lobmonitor reads version 1: make it again with this version"
    );
    // The group's figures after the institution-year: line 2, area OB, kind R, n 13.
    assert_eq!(say(&refusals[16], Lang::En), "impossible figure in contribution: Zzalfa 2031: line 2 OB R n 13");
    assert_eq!(say(&refusals[11], Lang::Nl), "onmogelijk cijfer in bijdrage: Zzalfa 2031 staat er twee keer in");
    assert_eq!(say(&refusals[16], Lang::Nl), "onmogelijk cijfer in bijdrage: Zzalfa 2031: lijn 2 OB R n 13");
    assert_eq!(say(&refusals[9], Lang::Nl), "Zzalfa 2031 staat al in de enquêtebestanden; die telt, deze niet");
    assert_eq!(
        say(&refusals[8], Lang::Nl),
        "bijdrage telt 2027 met raamwerkeditie raamwerk-2019; deze run telt 2027 met raamwerk-2025"
    );
    assert_eq!(say(&refusals[20], Lang::Nl), "Zzalfa 2031 staat al in b/zz1.json; die telt, deze niet");
    assert_eq!(
        say(&refusals[9], Lang::En),
        "Zzalfa 2031 is already in the survey files; that one counts, this one does not"
    );
}
