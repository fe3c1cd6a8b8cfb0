//! SPEC §5 tested as attackers would: from everything published, work back every group
//! hidden for being small. The attackers are an outsider and, for each hidden group,
//! every other hidden institution of the same cells, who knows its own n and sum (it
//! sent the data). Each computes by linear programming the feasible range of the small
//! group's mean from the published tables: shown groups' n and score, the sector's and
//! every peer group's pooled n and score, scores between 0 and 100, every group at least
//! one respondent. The range must cover the true mean ± 10 points (within 0–100).
//!
//! The LP: variables per hidden group g (not the attacker's own) n_g ≥ 1 and s_g with
//! 0 ≤ s_g ≤ 100·n_g (its score × n); for every published pooled cell c, Σ n_g over
//! its hidden groups = N_c − Σ shown n − the attacker's own n if in c, and Σ s_g the
//! same for sums, within the rounding of what is published (2 decimals). The mean of
//! group A is s_A / n_A, a ratio: Charnes–Cooper (y = s·t, z = n·t, z_A = 1) makes
//! its maximum and minimum two linear programs. n is relaxed to a real ≥ 1.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use good_lp::{constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable};

/// A group row: (year, institution, line, area, kind).
type Key = (String, String, String, String, String);

struct Published {
    /// Shown groups: key → (n, mean).
    shown: BTreeMap<Key, (f64, f64)>,
    /// Hidden groups: key → why (small, protects).
    hidden: BTreeMap<Key, String>,
    /// Published pooled cells: (year, peer group, line, area, kind) → (n, mean).
    pooled: BTreeMap<Key, (f64, f64)>,
}

fn published(output: &Path) -> Published {
    let mut p = Published { shown: BTreeMap::new(), hidden: BTreeMap::new(), pooled: BTreeMap::new() };
    for r in &read_csv(&output.join("data/group_scores.csv"))[1..] {
        let key = (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone(), r[4].clone());
        if r[11] == "true" {
            p.hidden.insert(key, r[12].clone());
        } else if !r[5].is_empty() && r[5] != "0" {
            p.shown.insert(key, (r[5].parse().unwrap(), r[6].parse().unwrap()));
        }
    }
    for r in &read_csv(&output.join("data/sector_scores.csv"))[1..] {
        if !r[5].is_empty() {
            p.pooled.insert(
                (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone(), r[4].clone()),
                (r[5].parse().unwrap(), r[6].parse().unwrap()),
            );
        }
    }
    p
}

/// The true n and mean of every group: the same run with nothing hidden.
fn truth(output: &Path) -> BTreeMap<Key, (f64, f64)> {
    read_csv(&output.join("data/group_scores.csv"))[1..]
        .iter()
        .filter(|r| !r[5].is_empty() && r[5] != "0")
        .map(|r| {
            (
                (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone(), r[4].clone()),
                (r[5].parse().unwrap(), r[6].parse().unwrap()),
            )
        })
        .collect()
}

/// The institutions' peer groups, from the institutions file.
fn peers(input: &Path) -> BTreeMap<String, String> {
    let f = input.join("instellingen.csv");
    if !f.exists() {
        return BTreeMap::new();
    }
    read_csv(&f)[1..].iter().map(|r| (r[0].clone(), r[2].clone())).collect()
}

/// The feasible range of group `target`'s mean for an attacker (None: an outsider).
fn feasible_range(
    p: &Published,
    peer_of: &BTreeMap<String, String>,
    truth: &BTreeMap<Key, (f64, f64)>,
    target: &Key,
    attacker: Option<&Key>,
) -> (f64, f64) {
    let (year, _, line, area, kind) = target;
    let family = |k: &Key| k.0 == *year && k.2 == *line && k.3 == *area && k.4 == *kind;
    let hidden: Vec<&Key> = p.hidden.keys().filter(|k| family(k) && truth.contains_key(*k)).collect();
    let cells: Vec<(&String, (f64, f64))> = p
        .pooled
        .iter()
        .filter(|(c, _)| c.0 == *year && c.2 == *line && c.3 == *area && c.4 == *kind)
        .map(|(c, v)| (&c.1, *v))
        .collect();
    let in_cell = |peer: &str, inst: &str| peer == "ALL" || peer_of.get(inst).is_some_and(|s| s == peer);
    let mut range = [0.0, 100.0];
    for (dir, slot) in [(true, 1), (false, 0)] {
        let mut vars = ProblemVariables::new();
        let t: Variable = vars.add(variable().min(0.0));
        let mut z: BTreeMap<&Key, Variable> = BTreeMap::new();
        let mut y: BTreeMap<&Key, Variable> = BTreeMap::new();
        for k in hidden.iter().filter(|k| Some(**k) != attacker) {
            z.insert(k, vars.add(variable().min(0.0)));
            y.insert(k, vars.add(variable().min(0.0)));
        }
        let objective: Expression = y[target].into();
        let mut model = if dir { vars.maximise(objective.clone()) } else { vars.minimise(objective) }.using(microlp);
        model = model.with(constraint!(z[target] == 1.0));
        for k in z.keys() {
            model = model.with(constraint!(z[k] - t >= 0.0));
            model = model.with(constraint!(y[k] - 100.0 * z[k] <= 0.0));
        }
        for (peer, (n, mean)) in &cells {
            let members: Vec<&&Key> = z.keys().filter(|k| in_cell(peer, &k.1)).collect();
            let shown: Vec<(f64, f64)> =
                p.shown.iter().filter(|(k, _)| family(k) && in_cell(peer, &k.1)).map(|(_, v)| *v).collect();
            let mut rest_n = n - shown.iter().map(|s| s.0).sum::<f64>();
            let mut rest_s = n * mean - shown.iter().map(|s| s.0 * s.1).sum::<f64>();
            // Published to two decimals: every mean known within 0.005.
            let tol = 0.005 * (n + shown.iter().map(|s| s.0).sum::<f64>());
            if let Some(a) = attacker.filter(|a| in_cell(peer, &a.1)) {
                let (an, am) = truth[a];
                rest_n -= an;
                rest_s -= an * am;
            }
            if members.is_empty() {
                continue;
            }
            let zn: Expression = members.iter().map(|k| z[**k]).sum();
            let ys: Expression = members.iter().map(|k| y[**k]).sum();
            model = model.with(constraint!(zn - rest_n.round() * t == 0.0));
            model = model.with(constraint!(ys.clone() - (rest_s + tol) * t <= 0.0));
            model = model.with(constraint!(ys - (rest_s - tol) * t >= 0.0));
        }
        match model.solve() {
            Ok(sol) => range[slot] = sol.value(y[target]),
            Err(e) => panic!("{target:?} by {attacker:?}: {e}"),
        }
    }
    (range[0], range[1])
}

/// Audits every small group against every attacker; returns (groups audited, pairs,
/// the narrowest range found).
fn audit(input: &Path, published_out: &Path, truth_out: &Path) -> (usize, usize, f64) {
    let p = published(published_out);
    let truth = truth(truth_out);
    let peer_of = peers(input);
    let mut narrowest = f64::INFINITY;
    let (mut groups, mut pairs) = (0, 0);
    for (target, why) in &p.hidden {
        if why != "small" || !truth.contains_key(target) {
            continue;
        }
        groups += 1;
        let (_, true_mean) = truth[target];
        // Insiders: every other hidden institution of the same family.
        let family = |k: &Key| k.0 == target.0 && k.2 == target.2 && k.3 == target.3 && k.4 == target.4;
        let insiders: BTreeSet<&Key> =
            p.hidden.keys().filter(|k| family(k) && *k != target && truth.contains_key(*k)).collect();
        for attacker in std::iter::once(None).chain(insiders.into_iter().map(Some)) {
            pairs += 1;
            let (lo, hi) = feasible_range(&p, &peer_of, &truth, target, attacker);
            narrowest = narrowest.min(hi - lo);
            let (want_lo, want_hi) = ((true_mean - 10.0).max(0.0), (true_mean + 10.0).min(100.0));
            assert!(
                lo <= want_lo + 1e-6 && hi >= want_hi - 1e-6,
                "{target:?} (true {true_mean}) narrowed to {lo:.2}–{hi:.2} by {attacker:?}"
            );
        }
    }
    (groups, pairs, narrowest)
}

/// Runs with the default thresholds and with nothing hidden.
fn two_runs(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let out = dir.join("output");
    let all = dir.join("alles");
    assert_ne!(lobmonitor(dir, &["run", "--output", "output"]).code, 1);
    // The same settings, nothing hidden.
    let base = std::fs::read_to_string(dir.join("lobmonitor.toml")).unwrap_or_default();
    std::fs::write(
        dir.join("open.toml"),
        format!("{base}\nmin_group_size = 1\nmin_institutions = 1\nallow_small_groups = true\n"),
    )
    .unwrap();
    assert_ne!(lobmonitor(dir, &["run", "--output", "alles", "--config", "open.toml"]).code, 1);
    (out, all)
}

/// Four mbo institutions, line 1, 2026: Groot (12), Middel (7), Klein (3: small), Vijf
/// (5); Middel's SW group has 4 respondents.
fn fixture(input: &Path) {
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
    std::fs::write(
        input.join("instellingen.csv"),
        "instelling,code,sector,regio,publiceren\nGroot,G,mbo,,\nMiddel,M,mbo,,\nKlein,K,mbo,,\nVijf,V,mbo,,\n",
    )
    .unwrap();
}

#[test]
fn a_small_group_among_four_cannot_be_worked_back_by_anyone() {
    let (t, input, _) = tempdir();
    fixture(&input);
    std::fs::write(t.path().join("lobmonitor.toml"), "min_answered = 0.001\n").unwrap();
    let (out, all) = two_runs(t.path());
    let groups = read_csv(&out.join("data/group_scores.csv"));
    // Klein (n = 3) is hidden everywhere, as small; no figure of it appears.
    let klein: Vec<_> = groups.iter().filter(|r| r[1] == "Klein" && r[3] == "ALL").collect();
    assert!(!klein.is_empty());
    for r in &klein {
        assert_eq!((r[5].as_str(), r[6].as_str(), r[11].as_str(), r[12].as_str()), ("", "", "true", "small"), "{r:?}");
    }
    // Honest marks: Middel's SW has 4 respondents: small; groups of 5 and more hidden
    // to protect it are marked as protecting, never as small.
    let answered = truth(&all);
    let marks: BTreeMap<(String, String, String), String> = groups[1..]
        .iter()
        .filter(|r| r[11] == "true")
        .filter(|r| answered.contains_key(&(r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone(), r[4].clone())))
        .map(|r| ((r[1].clone(), r[3].clone(), r[4].clone()), r[12].clone()))
        .collect();
    assert_eq!(
        marks.get(&("Middel".into(), "SW".into(), "ALL".into())).map(String::as_str),
        Some("small"),
        "{:?}",
        groups.iter().filter(|r| r[1] == "Middel").collect::<Vec<_>>()
    );
    for ((inst, _, _), why) in &marks {
        if inst == "Groot" || inst == "Vijf" {
            assert_eq!(why, "protects", "{inst} has 5 or more");
        }
    }
    let (audited, pairs, narrowest) = audit(&input, &out, &all);
    assert!(audited >= 3 && pairs >= audited, "{audited} groups, {pairs} pairs");
    eprintln!(
        "fixture: {audited} small groups, {pairs} (group, attacker) pairs, narrowest range {narrowest:.1} points"
    );
    // Respondent rows of hidden groups are not published either.
    let resp = read_csv(&out.join("data/respondent_scores.csv"));
    assert!(!resp.iter().any(|r| r[1] == "Klein"));
}

#[test]
fn the_committed_sample_survives_every_insider() {
    let (t, input, _) = tempdir();
    copy_sample(&input);
    let (out, all) = two_runs(t.path());
    let (audited, pairs, narrowest) = audit(&input, &out, &all);
    assert!(audited > 0, "the sample has small groups (ROC Kempenland)");
    eprintln!("sample: {audited} small groups, {pairs} pairs, narrowest range {narrowest:.1} points");
}

#[test]
fn many_small_groups_and_peer_groups_survive_every_insider() {
    let (t, input, _) = tempdir();
    // 24 institutions (vo, mbo, hbo), about 9 respondents each over three lines: most
    // groups small, every peer group published where it can be.
    let r = lobmonitor(
        t.path(),
        &["sample", "--institutions", "24", "--respondents", "9", "--years", "1", "--seed", "11", "-o", "input"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (out, all) = two_runs(t.path());
    let (audited, pairs, narrowest) = audit(&input, &out, &all);
    assert!(audited > 20 && pairs > audited, "{audited} groups, {pairs} pairs");
    eprintln!("generated: {audited} small groups, {pairs} pairs, narrowest range {narrowest:.1} points");
}

#[test]
fn the_audit_finds_what_the_old_rule_let_through() {
    // The old rule hid one more institution beside a small one: two hidden in a cell.
    // The other hidden institution knows its own n and sum, and recovers the small
    // group's mean from the pooled figure exactly; the audit must see that.
    let key =
        |inst: &str| ("2026".to_string(), inst.to_string(), "3".to_string(), "ALL".to_string(), "ALL".to_string());
    let (small, protector, shown) = (key("Klein"), key("Buur"), key("Groot"));
    // Klein 3 × 40, Buur 5 × 70, Groot 12 × 55 → pooled n 20, mean (120 + 350 + 660)/20 = 56.5.
    let truth: BTreeMap<Key, (f64, f64)> =
        [(small.clone(), (3.0, 40.0)), (protector.clone(), (5.0, 70.0)), (shown.clone(), (12.0, 55.0))]
            .into_iter()
            .collect();
    let p = Published {
        shown: [(shown, (12.0, 55.0))].into_iter().collect(),
        hidden: [(small.clone(), "small".to_string()), (protector.clone(), "protects".to_string())]
            .into_iter()
            .collect(),
        pooled: [(("2026".into(), "ALL".into(), "3".into(), "ALL".into(), "ALL".into()), (20.0, 56.5))]
            .into_iter()
            .collect(),
    };
    let (lo, hi) = feasible_range(&p, &BTreeMap::new(), &truth, &small, Some(&protector));
    // n = 20 − 12 − 5 = 3 exactly; sum = 1130 − 660 − 350 = 120 ± rounding → 40.
    assert!(hi - lo < 0.2 && (lo - 40.0).abs() < 0.1, "{lo}–{hi}");
    // The outsider does not know Buur's n: Klein could be 1 respondent of any score.
    let (lo, hi) = feasible_range(&p, &BTreeMap::new(), &truth, &small, None);
    assert!(lo < 1.0 && hi > 99.0, "{lo}–{hi}");
}
