//! Scoring and privacy on a fixture small enough to compute by hand.

use super::*;
use crate::framework::{Editions, Framework};

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

/// Five respondents of one institution answering one item each:
/// degrees 3, 3, 2, 1, 0 → scores 100, 100, 66.67, 33.33, 0.
fn five(fw: &Framework, inst: &str, degrees: [u8; 5]) -> Vec<Respondent> {
    degrees.iter().map(|&d| resp(fw, inst, 2026, Line::L1, &[("L1-VB-R1", d)])).collect()
}

#[test]
fn group_score_with_sd_median_and_t_interval_by_hand() {
    let fw = Framework::embedded();
    let rs = five(&fw, "A", [3, 3, 2, 1, 0]);
    let sc =
        score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy { min_group_size: 5, min_institutions: 1 })
            .unwrap();
    let g = sc.group(2026, "A", Line::L1, Scope::LINE).unwrap();
    assert_eq!(g.n, 5);
    assert_eq!(g.suppression, Suppression::Shown);
    let s = g.stat.unwrap();
    // mean = (100 + 100 + 66.667 + 33.333 + 0)/5 = 60
    assert!((s.mean - 60.0).abs() < 1e-9);
    // deviations 40, 40, 6.667, -26.667, -60 → squares 1600 + 1600 + 44.44 + 711.11 + 3600
    // = 7555.56; / 4 = 1888.89; sd = 43.4614
    assert!((s.sd.unwrap() - 43.4614).abs() < 1e-3);
    assert!((s.median - 66.6667).abs() < 1e-3);
    // half-width = 2.776445 × 43.4614 / √5 = 53.9636 → CI 6.036 … 113.964
    let (lo, hi) = s.ci.unwrap();
    assert!((lo - 6.0364).abs() < 1e-3, "{lo}");
    assert!((hi - 113.9636).abs() < 1e-3, "{hi}");
}

#[test]
fn group_below_five_is_suppressed_and_still_counts_in_the_sector() {
    let fw = Framework::embedded();
    let mut rs = five(&fw, "A", [3, 3, 3, 3, 3]);
    rs.extend(five(&fw, "B", [0, 0, 0, 0, 0]));
    rs.extend(five(&fw, "C", [3, 0, 3, 0, 3]));
    // D has 4 respondents, all 2/3.
    rs.extend((0..4).map(|_| resp(&fw, "D", 2026, Line::L1, &[("L1-VB-R1", 2)])));
    let sc = score(&Editions::single(fw.clone()), &rs, &BTreeMap::new(), Privacy::default()).unwrap();
    let d = sc.group(2026, "D", Line::L1, Scope::LINE).unwrap();
    assert_eq!(d.suppression, Suppression::Small);
    assert!(d.shown().is_none());
    // Pooled over 19: (5·100 + 5·0 + 3·100 + 4·66.667)/19 = 1066.667/19 = 56.14
    let s = sc.sector(2026, None, Line::L1, Scope::LINE).unwrap();
    assert_eq!(s.n, 19);
    assert!((s.stat.unwrap().mean - 56.1404).abs() < 1e-3);
    assert_eq!(s.institutions, 4);
    // D alone would be given away by the pooled figure: the smallest shown group is
    // hidden too (all have n = 5; the first in name order, A).
    let hidden: Vec<&str> = ["A", "B", "C", "D"]
        .into_iter()
        .filter(|i| sc.group(2026, i, Line::L1, Scope::LINE).unwrap().suppression.is_hidden())
        .collect();
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    assert!(hidden.contains(&"D"));
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
    let (p25, p50, p75) = s.quartiles.unwrap();
    assert!((p25 - 45.0).abs() < 1e-9);
    assert!((p50 - 63.3333).abs() < 1e-3);
    assert!((p75 - 75.0).abs() < 1e-9);
    // C (60): one below, itself equal → 100·(1 + 0.5)/4 = 37.5
    let b = sc.benchmark(2026, "C", Line::L1, Scope::LINE).unwrap();
    assert_eq!(b.rank_sector, Some(37.5));
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
    let (y, d) = b.change.unwrap();
    assert_eq!(y, 2024);
    assert!((d - (66.6667 - 80.0)).abs() < 1e-3);
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
    assert_eq!((c.rank_sector, c.rank_peer), (Some(37.5), Some(50.0)));
    // D is the only mbo institution: no peer rank, and the mbo figures are hidden.
    assert_eq!(sc.benchmark(2026, "D", Line::L1, Scope::LINE).unwrap().rank_peer, None);
    let mbo = sc.sector(2026, Some(Sector::Mbo), Line::L1, Scope::LINE).unwrap();
    assert!(mbo.suppressed);
    // The vo peer group: pooled (500 + 0 + 300)/15 = 53.33 over 3 institutions.
    let vo = sc.sector(2026, Some(Sector::Vo), Line::L1, Scope::LINE).unwrap();
    assert!(!vo.suppressed);
    assert_eq!((vo.n, vo.institutions), (15, 3));
    assert!((vo.stat.unwrap().mean - 53.3333).abs() < 1e-3);
}
