//! Scoring and privacy on a fixture small enough to compute by hand.

use std::collections::BTreeMap;

use foldhash::HashMap;

use super::*;
use crate::framework::{Area, Editions, Framework, Kind, Line};
use crate::ingest::Respondent;
use crate::score::sufficient::respondent_scope_scores;

fn resp(fw: &Framework, inst: &str, year: u16, line: Line, answers: &[(&str, u8)]) -> Respondent {
    Respondent {
        key: String::new(),
        file: 0,
        institution: inst.into(),
        year,
        line,
        edition: 0,
        location: None,
        team: None,
        answers: answers.iter().map(|(id, d)| (fw.index_of(id.parse().unwrap()).unwrap(), *d)).collect(),
        na: vec![],
    }
}

#[test]
fn respondent_score_is_mean_degree_over_answered_items_in_scope() {
    let fw = Framework::embedded();
    // VB-R: ja (3), grotendeels (2) → (1 + 2/3)/2 = 83.33; VB-D: nee (0) → 0;
    // VB: (3 + 2 + 0)/9 = 55.56; line: same items → 55.56.
    let r = resp(&fw, "A", 2026, Line::L1, &[("L1-VB-R1", 3), ("L1-VB-R2", 2), ("L1-VB-D1", 0)]);
    let s: HashMap<Scope, f64> = respondent_scope_scores(&fw, &r).into_iter().collect();
    assert!((s[&Scope::cell(Area::VB, Kind::R)] - 83.3333).abs() < 1e-3);
    assert_eq!(s[&Scope::cell(Area::VB, Kind::D)], 0.0);
    assert!((s[&Scope::area(Area::VB)] - 55.5556).abs() < 1e-3);
    assert!((s[&Scope::LINE] - 55.5556).abs() < 1e-3);
    // No answered item in OB: no OB score at all (not 0).
    assert!(!s.contains_key(&Scope::area(Area::OB)));
}

/// Five respondents of one institution answering the four role items of Visie en
/// beleid alike: degrees 3, 3, 2, 1, 0 → scores 100, 100, 66.67, 33.33, 0. (Four items:
/// more than the three within which a spread could give respondents away.)
fn five(fw: &Framework, inst: &str, degrees: [u8; 5]) -> Vec<Respondent> {
    let items = ["L1-VB-R1", "L1-VB-R2", "L1-VB-R3", "L1-VB-R4"];
    degrees.iter().map(|&d| resp(fw, inst, 2026, Line::L1, &items.map(|i| (i, d)))).collect()
}

#[test]
fn group_score_with_sd_median_and_t_interval_by_hand() {
    let fw = Framework::embedded();
    let rs = five(&fw, "A", [3, 3, 2, 1, 0]);
    let sc =
        score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy { min_group_size: 5, min_institutions: 1 })
            .unwrap();
    let g = sc.group(2026, "A", Line::L1, Scope::LINE).unwrap();
    assert_eq!(g.hidden(), None);
    let s = g.shown().unwrap();
    assert_eq!(s.n, 5);
    // mean = (100 + 100 + 66.667 + 33.333 + 0)/5 = 60
    assert!((s.mean - 60.0).abs() < 1e-9);
    // deviations 40, 40, 6.667, -26.667, -60 → squares 1600 + 1600 + 44.44 + 711.11 + 3600
    // = 7555.56; / 4 = 1888.89; sd = 43.4614
    assert!((s.sd().unwrap() - 43.4614).abs() < 1e-3);
    assert!((s.median().unwrap() - 66.6667).abs() < 1e-3);
    // half-width = 2.776445 × 43.4614 / √5 = 53.9636 → CI 6.036 … 113.964
    let (lo, hi) = s.ci().unwrap();
    assert!((lo - 6.0364).abs() < 1e-3, "{lo}");
    assert!((hi - 113.9636).abs() < 1e-3, "{hi}");
}

#[test]
fn a_one_item_scope_whose_figures_give_respondents_away_withholds_its_spread() {
    // Line 3, Oriëntatie en begeleiding, role: one item (L3-OB-R1). Five respondents
    // 3, 3, 3, 2, 0 → 100, 100, 100, 66.67, 0. n, mean and spread admit only these five
    // scores (privacy::reconstructable, worked out there), so spread, median and
    // interval are withheld; the mean stays.
    let fw = Framework::embedded();
    let rs: Vec<Respondent> = [3, 3, 3, 2, 0]
        .iter()
        .map(|&d| resp(&fw, "A", 2026, Line::L3, &[("L3-OB-R1", d), ("L3-VB-R1", 1), ("L3-VB-R2", 2)]))
        .collect();
    let sc =
        score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy { min_group_size: 5, min_institutions: 1 })
            .unwrap();
    let cell = sc.group(2026, "A", Line::L3, Scope::cell(Area::OB, Kind::R)).unwrap().shown().unwrap();
    // mean = (300 + 66.67)/5 = 73.33
    assert!((cell.mean - 73.3333).abs() < 1e-3);
    assert_eq!(cell.detail_withheld(), Some(Why::Reconstructable));
    assert_eq!((cell.sd(), cell.median(), cell.ci()), (None, None, None));
    // The line (many items) keeps its spread.
    assert!(sc.group(2026, "A", Line::L3, Scope::LINE).unwrap().shown().unwrap().sd().is_some());
    assert_eq!(
        sc.suppression.groups.detail,
        sc.groups.iter().filter(|g| g.shown().is_some_and(|f| f.detail_withheld().is_some())).count()
    );
}

#[test]
fn a_small_group_among_three_is_protected_by_hiding_the_pooled_figure() {
    let fw = Framework::embedded();
    let mut rs = five(&fw, "A", [3, 3, 3, 3, 3]);
    rs.extend(five(&fw, "B", [0, 0, 0, 0, 0]));
    rs.extend(five(&fw, "C", [3, 0, 3, 0, 3]));
    // D has 4 respondents, all 2/3.
    rs.extend(five(&fw, "D", [2, 2, 2, 2, 2]).into_iter().take(4));
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let d = sc.group(2026, "D", Line::L1, Scope::LINE).unwrap();
    assert_eq!(d.hidden(), Some(Why::Small));
    assert!(d.shown().is_none() && d.for_own_institution().is_none());
    // D is safe only among three hidden whose n without the largest is ≥ 5: two of the
    // three others (4 + 5 + 5). Hiding two of three shown groups costs more than the
    // pooled figure, so the pooled figure goes and A, B, C stay shown.
    let s = sc.sector(2026, None, Line::L1, Scope::LINE).unwrap();
    assert_eq!(s.hidden(), Some(Why::ProtectsPooled));
    assert_eq!(s.institutions, 4);
    for i in ["A", "B", "C"] {
        assert!(sc.group(2026, i, Line::L1, Scope::LINE).unwrap().shown().is_some(), "{i}");
    }
}

#[test]
fn a_small_group_among_eight_is_protected_by_the_two_smallest_others() {
    let fw = Framework::embedded();
    // D: 4 respondents (hidden). Others: A 5, B 6, C 7, E 8, F 9, G 10, H 11.
    let mut rs: Vec<Respondent> = Vec::new();
    for (inst, n) in [("A", 5), ("B", 6), ("C", 7), ("D", 4), ("E", 8), ("F", 9), ("G", 10), ("H", 11)] {
        for k in 0..n {
            let d = (k % 4) as u8;
            rs.push(resp(&fw, inst, 2026, Line::L1, &["L1-VB-R1", "L1-VB-R2", "L1-VB-R3", "L1-VB-R4"].map(|i| (i, d))));
        }
    }
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let why = |i: &str| sc.group(2026, i, Line::L1, Scope::LINE).unwrap().hidden();
    // {4, 5, 6}: three hidden, without the 6: 9 ≥ 5 → A and B protect D; two of seven.
    assert_eq!(why("D"), Some(Why::Small));
    assert_eq!((why("A"), why("B")), (Some(Why::Protects), Some(Why::Protects)));
    for i in ["C", "E", "F", "G", "H"] {
        assert_eq!(why(i), None, "{i}");
    }
    assert!(sc.sector(2026, None, Line::L1, Scope::LINE).unwrap().shown().is_some());
    // A protector's own portret may show its own figure; a small group's may not.
    let a = sc.group(2026, "A", Line::L1, Scope::LINE).unwrap();
    assert_eq!(a.for_own_institution().map(|f| f.n), Some(5));
    // No rank, no change and no respondent rows for hidden groups.
    assert!(sc.benchmark(2026, "A", Line::L1, Scope::LINE).is_none());
    assert!(sc.benchmark(2026, "C", Line::L1, Scope::LINE).is_some());
    let respondents_of = |inst: &str| {
        sc.respondents
            .iter()
            .filter(|r| rs[r.respondent as usize].institution == inst && r.scope == Scope::LINE)
            .count()
    };
    assert_eq!((respondents_of("A"), respondents_of("D"), respondents_of("C")), (0, 0, 7));
    // D's three answered scopes (line, VB, VB-R) are small; A's and B's are protectors.
    assert_eq!(sc.suppression.groups.primary, 3);
    assert_eq!(sc.suppression.groups.secondary, 6);
}

#[test]
fn quartiles_and_percentile_ranks_over_shown_institutions() {
    let fw = Framework::embedded();
    let mut rs = five(&fw, "A", [3, 3, 3, 3, 3]); // 100
    rs.extend(five(&fw, "B", [0, 0, 0, 0, 0])); // 0
    rs.extend(five(&fw, "C", [3, 0, 3, 0, 3])); // 60
    rs.extend(five(&fw, "D", [2, 2, 2, 2, 2])); // 66.67
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let s = sc.sector(2026, None, Line::L1, Scope::LINE).unwrap();
    // sorted 0, 60, 66.67, 100: P25 at h = 0.75 → 45; median 63.33; P75 at h = 2.25 → 75
    let crate::score::Quartiles { p25, median: p50, p75 } = s.quartiles.unwrap();
    assert!((p25 - 45.0).abs() < 1e-9);
    assert!((p50 - 63.3333).abs() < 1e-3);
    assert!((p75 - 75.0).abs() < 1e-9);
    // C (60): one below, itself equal → 100·(1 + 0.5)/4 = 37.5; among 4 shown
    // institutions (fewer than 10) only its band is published: the middle half.
    assert_eq!(stats::percentile_rank_sorted(60.0, &[0.0, 60.0, 200.0 / 3.0, 100.0]), Some(37.5));
    let b = sc.benchmark(2026, "C", Line::L1, Scope::LINE).unwrap();
    assert_eq!(b.rank_sector, Rank::Band(Band::MiddleHalf));
    // B (0): 100·0.5/4 = 12.5, the lowest quarter; A (100): 87.5, the highest.
    assert_eq!(sc.benchmark(2026, "B", Line::L1, Scope::LINE).unwrap().rank_sector, Rank::Band(Band::LowestQuarter));
    assert_eq!(sc.benchmark(2026, "A", Line::L1, Scope::LINE).unwrap().rank_sector, Rank::Band(Band::HighestQuarter));
}

#[test]
fn change_since_the_previous_year_it_took_part() {
    let fw = Framework::embedded();
    let mut rs = five(&fw, "A", [2, 2, 2, 2, 2]); // 2026: 66.67
    for r in five(&fw, "A", [3, 3, 3, 3, 0]) {
        // 2024: 80
        rs.push(Respondent { year: 2024, ..r });
    }
    let sc =
        score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy { min_group_size: 5, min_institutions: 1 })
            .unwrap();
    let b = sc.benchmark(2026, "A", Line::L1, Scope::LINE).unwrap();
    let c = b.change.unwrap();
    assert_eq!(c.previous_year, 2024);
    assert!((c.previous - 80.0).abs() < 1e-9);
    assert!((c.change.diff - (66.6667 - 80.0)).abs() < 1e-3);
}

#[test]
fn peer_group_rank_and_figures_need_min_institutions() {
    use crate::ingest::institutions::{InstitutionMeta, Sector};
    let fw = Framework::embedded();
    let mut rs = five(&fw, "A", [3, 3, 3, 3, 3]); // 100
    rs.extend(five(&fw, "B", [0, 0, 0, 0, 0])); // 0
    rs.extend(five(&fw, "C", [3, 0, 3, 0, 3])); // 60
    rs.extend(five(&fw, "D", [2, 2, 2, 2, 2])); // 66.67
    let meta =
        |name: &str, s: Sector| (name.to_string(), InstitutionMeta { sector: Some(s), ..InstitutionMeta::named(name) });
    let metas: BTreeMap<String, InstitutionMeta> =
        [meta("A", Sector::Vo), meta("B", Sector::Vo), meta("C", Sector::Vo), meta("D", Sector::Mbo)]
            .into_iter()
            .collect();
    let sc = score(&Editions::single(fw.clone()), &rs, &metas, Privacy::default()).unwrap();
    // C (60) among vo {0, 60, 100}: one below, itself equal → 100·1.5/3 = 50;
    // in the sector {0, 60, 66.67, 100}: 37.5.
    let c = sc.benchmark(2026, "C", Line::L1, Scope::LINE).unwrap();
    assert_eq!((c.rank_sector, c.rank_peer), (Rank::Band(Band::MiddleHalf), Some(Rank::Band(Band::MiddleHalf))));
    // D is the only mbo institution: no peer rank, and the mbo figures are hidden.
    // With min_institutions = 3 a group of one has no rank at all.
    assert_eq!(sc.benchmark(2026, "D", Line::L1, Scope::LINE).unwrap().rank_peer, Some(Rank::TooFew));
    let mbo = sc.sector(2026, Some(Sector::Mbo), Line::L1, Scope::LINE).unwrap();
    assert_eq!(mbo.hidden(), Some(Why::FewInstitutions));
    // The vo peer group: pooled (500 + 0 + 300)/15 = 53.33 over 3 institutions.
    let vo = sc.sector(2026, Some(Sector::Vo), Line::L1, Scope::LINE).unwrap();
    let f = vo.shown().unwrap();
    assert_eq!((f.n, vo.institutions), (15, 3));
    assert!((f.mean - 53.3333).abs() < 1e-3);
}

/// Twelve respondents of one institution and line answering the four role items of
/// Visie en beleid alike, six at each of two degrees.
fn twelve(fw: &Framework, inst: &str, line: Line, low: u8, high: u8) -> Vec<Respondent> {
    // Line 2 has three role items in Visie en beleid: its fourth answer is a D item.
    let parts = if line == Line::L1 { ["R1", "R2", "R3", "R4"] } else { ["R1", "R2", "R3", "D1"] };
    let items = parts.map(|r| format!("L{}-VB-{r}", line.number()));
    let item = |d: u8| items.iter().map(|i| (i.as_str(), d)).collect::<Vec<_>>();
    (0..12).map(|k| resp(fw, inst, 2026, line, &item(if k < 6 { low } else { high }))).collect()
}

/// A: 100 ×6, 66.67 ×6 (83.33); B: 0, 33.33 (16.67); C and D: 33.33, 66.67 (50).
fn four_institutions(fw: &Framework) -> Vec<Respondent> {
    [("A", 2, 3), ("B", 0, 1), ("C", 1, 2), ("D", 1, 2)]
        .into_iter()
        .flat_map(|(i, lo, hi)| twelve(fw, i, Line::L1, lo, hi))
        .collect()
}

#[test]
fn above_within_below_the_rest_of_the_sector() {
    let fw = Framework::embedded();
    let rs = four_institutions(&fw);
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let versus = |i| sc.benchmark(2026, i, Line::L1, Scope::LINE).unwrap().versus_sector;
    // A against B, C, D pooled (36 respondents, mean 38.89, sd 23.23): A 83.33, sd 17.41;
    // Welch t = 44.44 / √(17.41²/12 + 23.23²/36) = 6.96 on 25.2 df, p = 2.3e-7 —
    // far below 0.05/k for any k ≤ 17 comparisons of its portret. B mirrors A.
    assert_eq!(versus("A"), Some(Versus::Above));
    assert_eq!(versus("B"), Some(Versus::Below));
    // C (50) against A, B, D (50): difference 0, p = 1.
    assert_eq!(versus("C"), Some(Versus::Within));
    // The areas are compared too (VB has the line's scores here); role and expertise
    // cells are not: they would double the comparisons for little.
    let a = |scope| sc.benchmark(2026, "A", Line::L1, scope).unwrap().versus_sector;
    assert_eq!(a(Scope::area(Area::VB)), Some(Versus::Above));
    assert_eq!(a(Scope::cell(Area::VB, Kind::R)), None);
}

#[test]
fn line_gap_with_welch_interval_by_hand() {
    let fw = Framework::embedded();
    let mut rs = four_institutions(&fw);
    for i in ["A", "B", "C", "D"] {
        rs.extend(twelve(&fw, i, Line::L2, 2, 3));
    }
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let g = sc
        .gaps
        .iter()
        .find(|g| {
            g.peer == crate::score::PeerGroup::Whole && g.scope == Scope::LINE && (g.a, g.b) == (Line::L1, Line::L2)
        })
        .unwrap();
    // L1: 48 respondents, mean 50, sd 29.173; L2: 48, mean 83.33, sd 16.843.
    // se = √(29.173²/48 + 16.843²/48) = 4.862; Welch df = 75.2; t(0.975, 75.2) = 1.99202
    // → 33.333 ± 9.685 = 23.648 … 43.019 (mpmath).
    assert_eq!((g.n_a, g.n_b), (48, 48));
    assert!((g.gap.diff - 33.3333).abs() < 1e-3);
    let (lo, hi) = g.gap.ci.unwrap();
    assert!((lo - 23.6478).abs() < 1e-3, "{lo}");
    assert!((hi - 43.0188).abs() < 1e-3, "{hi}");
    assert_eq!(g.gap.significant(), Some(true));
}

#[test]
fn the_band_follows_the_quartiles_at_their_edges() {
    // Strictly below P25 is the lowest quarter, strictly above P75 the highest; a score
    // equal to P25 or to P75 is in the middle half (SPEC §4).
    assert_eq!(Band::of_position(49.94, 50.0, 70.0, 1), Band::LowestQuarter);
    assert_eq!(Band::of_position(50.0, 50.0, 70.0, 1), Band::MiddleHalf);
    assert_eq!(Band::of_position(70.0, 50.0, 70.0, 1), Band::MiddleHalf);
    assert_eq!(Band::of_position(70.06, 50.0, 70.0, 1), Band::HighestQuarter);
    assert_eq!(Band::of_position(70.01, 50.0, 70.0, 2), Band::HighestQuarter);
    assert_eq!(Band::of_position(60.0, 60.0, 60.0, 1), Band::MiddleHalf);
    // At the one decimal reports print: 49.21 and a P25 of 49.24 both read 49,2, so the
    // score is not below it; 49.14 (49,1) is. At the tables' two decimals 49.21 is.
    assert_eq!(Band::of_position(49.21, 49.24, 60.0, 1), Band::MiddleHalf);
    assert_eq!(Band::of_position(49.14, 49.24, 60.0, 1), Band::LowestQuarter);
    assert_eq!(Band::of_position(60.04, 49.24, 60.0, 1), Band::MiddleHalf);
    assert_eq!(Band::of_position(49.21, 49.24, 60.0, 2), Band::LowestQuarter);
    assert_eq!(Band::of_position(49.238, 49.24, 60.0, 2), Band::MiddleHalf);
}

#[test]
fn a_score_equal_to_p25_or_p75_is_in_the_middle_half_whatever_its_rank() {
    // Five institutions of five respondents each answering alike: A 0, B 33.33, C 66.67,
    // D and E 100. Over the five (linear interpolation, h = 4p): P25 = the 2nd value
    // 33.33, median 66.67, P75 = the 4th value 100. Mid-ranks: A 10, B 30, C 50, D and E
    // 100·(3 + ½·2)/5 = 80: a cut-off at 75 on the rank would call D "highest quarter"
    // beside a P75 of 100 that D equals.
    let fw = Framework::embedded();
    let mut rs = Vec::new();
    for (inst, d) in [("A", 0), ("B", 1), ("C", 2), ("D", 3), ("E", 3)] {
        rs.extend(five(&fw, inst, [d; 5]));
    }
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let s = sc.sector(2026, None, Line::L1, Scope::LINE).unwrap();
    let crate::score::Quartiles { p25, median: med, p75 } = s.quartiles.unwrap();
    assert!((p25 - 100.0 / 3.0).abs() < 1e-9 && (med - 200.0 / 3.0).abs() < 1e-9 && p75 == 100.0);
    assert_eq!((s.institutions, s.shown, s.not_shown_small, s.not_shown_protected), (5, 5, 0, 0));
    let band = |i: &str| sc.benchmark(2026, i, Line::L1, Scope::LINE).unwrap().rank_sector;
    assert_eq!(band("A"), Rank::Band(Band::LowestQuarter));
    assert_eq!(band("B"), Rank::Band(Band::MiddleHalf), "equal to P25");
    assert_eq!(band("C"), Rank::Band(Band::MiddleHalf));
    assert_eq!(band("D"), Rank::Band(Band::MiddleHalf), "equal to P75, rank 80");
    assert_eq!(band("E"), Rank::Band(Band::MiddleHalf));
}

#[test]
fn institutions_in_the_order_a_reader_looks_them_up() {
    let fw = Framework::embedded();
    let mut rs = Vec::new();
    for name in ["ROC Zuiderzee", "Zon", "de Breul", "Rijnmond College", "Ésprit"] {
        rs.extend(five(&fw, name, [3, 3, 2, 1, 0]));
    }
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let names: Vec<String> = sc.institution_years().into_iter().map(|(n, _)| n).collect();
    // Byte order would give "ROC Zuiderzee", "Rijnmond College", "Zon", "de Breul", "Ésprit".
    assert_eq!(names, ["de Breul", "Ésprit", "Rijnmond College", "ROC Zuiderzee", "Zon"]);
}
