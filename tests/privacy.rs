//! SPEC §5 tested as an attacker would: from the published tables alone, try to work
//! back every suppressed figure. Every attempt must fail.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

/// (year, institution, line) → (area, kind) → hidden
type ScopesByGroup = BTreeMap<(String, String, String), BTreeMap<(String, String), bool>>;
/// A CSV row.
type Row<'a> = &'a Vec<String>;
/// (year, item) → (the sector's row, the institutions' rows)
type ItemCells<'a> = BTreeMap<(String, String), (Option<Row<'a>>, Vec<Row<'a>>)>;

/// Four mbo institutions, line 1, 2026, one item each respondent (L1-VB-R1), plus a
/// second area answered by some:
/// - Groot (12), Middel (7), Klein (3 → hidden), Vijf (5)
/// - each respondent also answers L1-SW-R1 except in Middel, where only 4 do (so
///   Middel's SW group is hidden while its line total is shown).
fn fixture(input: &std::path::Path) {
    let plan: [(&str, usize, usize); 4] = [("Groot", 12, 12), ("Middel", 7, 4), ("Klein", 3, 3), ("Vijf", 5, 5)];
    for (inst, n, sw) in plan {
        let mut rows = vec![vec![s("Respondent"), s("L1-VB-R1"), s("L1-SW-R1")]];
        for i in 0..n {
            let a = ["ja", "nee", "grotendeels", "enigszins"][i % 4];
            let b = if i < sw { C::S(["nee", "ja", "enigszins"][i % 3]) } else { C::E };
            rows.push(vec![C::T(format!("{inst}{i}")), s(a), b]);
        }
        write_xlsx(&input.join(format!("{inst}.xlsx")), vec![info(inst, 2026, "mbo"), sheet("1e lijn", rows)]);
    }
}

#[test]
fn no_suppressed_value_can_be_worked_back_from_the_published_tables() {
    let (t, input, output) = tempdir();
    fixture(&input);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.0\n").unwrap();
    let run = lobmonitor(t.path(), &["run"]);
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    let groups = read_csv(&output.join("data/group_scores.csv"));
    let sector = read_csv(&output.join("data/sector_scores.csv"));

    // Klein (n = 3) is hidden everywhere; no figure of it appears.
    let klein: Vec<_> = groups.iter().filter(|r| r[1] == "Klein").collect();
    assert!(!klein.is_empty());
    for r in &klein {
        assert_eq!((r[5].as_str(), r[6].as_str(), r[11].as_str()), ("", "", "true"), "{r:?}");
    }

    // Attack 1: pooled sector figure minus every shown institution. For every cell with a
    // published pooled score and n, the hidden institutions must not be exactly one and
    // must not total fewer than 5 respondents (which the attacker learns as N − Σ n).
    let mut cells: BTreeMap<(String, String, String, String), Vec<&Vec<String>>> = BTreeMap::new();
    for r in &groups[1..] {
        cells.entry((r[0].clone(), r[2].clone(), r[3].clone(), r[4].clone())).or_default().push(r);
    }
    let mut attempts = 0;
    for s in sector[1..].iter().filter(|s| s[1] == "ALL" || s[1] == "mbo") {
        let key = (s[0].clone(), s[2].clone(), s[3].clone(), s[4].clone());
        let Some(members) = cells.get(&key) else { continue };
        let hidden: Vec<_> = members.iter().filter(|r| r[11] == "true").collect();
        if hidden.is_empty() || s[5].is_empty() {
            continue;
        }
        attempts += 1;
        let total_n: i64 = s[5].parse().unwrap();
        let shown_n: i64 = members.iter().filter(|r| r[11] == "false").map(|r| r[5].parse::<i64>().unwrap()).sum();
        let hidden_n = total_n - shown_n;
        assert!(hidden.len() >= 2, "{key:?}: a single hidden group is the pooled remainder");
        assert!(hidden_n >= 5, "{key:?}: the hidden groups together are {hidden_n} people");
    }
    assert!(attempts > 0, "the fixture must exercise the attack");

    // Attack 2: a total beside all but one of its parts. Line total = f(areas).
    let mut by_group: ScopesByGroup = BTreeMap::new();
    for r in &groups[1..] {
        if r[5].is_empty() && r[11] == "false" {
            continue; // n = 0: nobody answered, nothing to hide
        }
        by_group
            .entry((r[0].clone(), r[1].clone(), r[2].clone()))
            .or_default()
            .insert((r[3].clone(), r[4].clone()), r[11] == "true");
    }
    for (g, scopes) in &by_group {
        let answered: BTreeSet<&String> = groups[1..]
            .iter()
            .filter(|r| (r[0].clone(), r[1].clone(), r[2].clone()) == *g && !(r[11] == "false" && r[5] == "0"))
            .map(|r| &r[3])
            .collect();
        if let Some(false) = scopes.get(&("ALL".to_string(), "ALL".to_string())) {
            let hidden_areas =
                scopes.iter().filter(|((a, k), h)| a != "ALL" && k == "ALL" && **h && answered.contains(a)).count();
            assert_ne!(hidden_areas, 1, "{g:?}: line total shown beside all areas but one");
        }
    }
    // Middel's SW (n = 4) is hidden, so another of its areas must be hidden too.
    let middel_hidden: Vec<_> =
        groups.iter().filter(|r| r[1] == "Middel" && r[4] == "ALL" && r[11] == "true").map(|r| r[3].clone()).collect();
    assert!(middel_hidden.contains(&"SW".to_string()), "{middel_hidden:?}");

    // Respondent rows of hidden groups are not published either.
    let resp = read_csv(&output.join("data/respondent_scores.csv"));
    assert!(!resp.iter().any(|r| r[1] == "Klein"));
    // Item scores: the same pooled attack on the sector item rows.
    let items = read_csv(&output.join("data/item_scores.csv"));
    let mut by_item: ItemCells = BTreeMap::new();
    for r in &items[1..] {
        let e = by_item.entry((r[0].clone(), r[3].clone())).or_default();
        if r[1] == "ALL" {
            e.0 = Some(r)
        } else {
            e.1.push(r)
        }
    }
    for (k, (pooled, members)) in by_item {
        let Some(p) = pooled.filter(|p| p[6] == "false") else { continue };
        let hidden: Vec<_> = members.iter().filter(|r| r[6] == "true").collect();
        if hidden.is_empty() {
            continue;
        }
        let shown_n: i64 = members.iter().filter(|r| r[6] == "false").map(|r| r[4].parse::<i64>().unwrap()).sum();
        assert!(hidden.len() >= 2 && p[4].parse::<i64>().unwrap() - shown_n >= 5, "item {k:?}");
    }
}
