//! Privacy (SPEC §5): no group below `min_group_size` is shown, and no hidden figure can
//! be worked back from what is shown, by an outsider or by an insider: every
//! institution knows its own figures, since it sent the data.
//!
//! The ways a hidden figure leaks if nothing is done, and the rule that stops each:
//! - **Pooled figures.** The sector's (or a peer group's) pooled score and n, minus
//!   every shown institution's score × n, leaves the hidden institutions' total; an
//!   institution hidden among them subtracts its own. So in every published pooled cell,
//!   for every hidden contributor, the *other* hidden contributors must together be at
//!   least two institutions with at least `min_group_size` respondents: at least three
//!   hidden, and their n without the largest at least `min_group_size`. Where that fails,
//!   the fewest extra shown groups are hidden (the smallest, then the fewest
//!   respondents), or the pooled figure itself where that hides less: where the extra
//!   groups would be as many as the groups left shown, or none are left.
//! - **Differences of pooled figures.** The sector figure minus the published peer-group
//!   figures is the pooled figure of the institutions whose peer group is not published
//!   (or that have none): the same rule holds for that remainder. Where the remainder is
//!   better protected by a figure than by groups, the smallest published peer group is
//!   hidden too, which widens the remainder.
//! - **Totals and parts.** A line score is (nearly) a weighted sum of its area scores,
//!   and an area score of its R and D scores; item scores make up their area × kind cell.
//!   So where a total is shown, never exactly one of its parts is hidden; where a total is
//!   hidden, not all of its parts are shown; and the items of a hidden area × kind cell
//!   are hidden with it.
//! - **Changes and ranks** of a hidden group are never computed (`Benchmark` exists
//!   for shown groups only); respondent rows of hidden groups never leave score.
//! - **Individuals.** Where a shown group's n, mean, spread and median admit only one
//!   set of respondent scores (scopes of at most three items, n below 10), the spread,
//!   median and interval are withheld ([`withhold_reconstructable`]).
//!
//! The rules run to a fixed point, since each new hidden cell can expose another. The
//! test suite proves the result against every insider with a linear-programming audit
//! (`tests/privacy.rs`).

use std::collections::{BTreeMap, HashMap};

use crate::framework::{Editions, Line};
use crate::ingest::institutions::Sector;
use crate::score::peer_group::PeerGroup;
use crate::score::raw::{GroupKey, PooledSums, RawGroup, RawItem, RawSector};
use crate::score::read_model::{CellKey, Scope};
use crate::score::Why;

/// Thresholds of SPEC §5.
#[derive(Debug, Clone, Copy)]
pub struct Privacy {
    pub min_group_size: u64,
    pub min_institutions: usize,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy { min_group_size: 5, min_institutions: 3 }
    }
}

/// A family of pooled cells: its sector rows and its groups with respondents.
type Family = (Vec<usize>, Vec<usize>);

/// A pooled item: the sector's row and the institutions' rows.
type PooledItem = (Option<usize>, Vec<usize>);

/// Whether a set of hidden contributors (their n) protects each of them from every
/// other: without any one of them, the others are at least two with at least `min`
/// respondents. An empty set needs no protection.
pub fn insider_safe(hidden: &[u64], min: u64) -> bool {
    if hidden.is_empty() {
        return true;
    }
    let sum: u64 = hidden.iter().sum();
    let max = *hidden.iter().max().expect("not empty");
    hidden.len() >= 3 && sum - max >= min
}

/// What to do for one pooled cell: the shown members to hide, or hide the pooled figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Protection {
    Fine,
    HideMembers(Vec<usize>),
    HidePooled,
}

/// Members of one pooled cell: (id, n, hidden). The fewest extra members (and of
/// those, the fewest respondents) that make the hidden set insider-safe; or the pooled
/// figure, where that hides less. Deterministic: ties go to the member listed first.
pub fn protect(members: &[(usize, u64, bool)], min: u64) -> Protection {
    let hidden: Vec<u64> = members.iter().filter(|m| m.2).map(|m| m.1).collect();
    if insider_safe(&hidden, min) {
        return Protection::Fine;
    }
    let mut shown: Vec<(usize, u64)> = members.iter().filter(|m| !m.2).map(|m| (m.0, m.1)).collect();
    shown.sort_by_key(|&(id, n)| (n, id));
    let safe_with = |extra: &[(usize, u64)]| {
        let mut all = hidden.clone();
        all.extend(extra.iter().map(|e| e.1));
        insider_safe(&all, min)
    };
    for k in 1..=shown.len() {
        // The k − 1 smallest and the smallest one more that makes it safe; else the k
        // largest, which make it safe if any k do.
        let choice = (k - 1..shown.len())
            .map(|j| shown[..k - 1].iter().chain(std::iter::once(&shown[j])).copied().collect::<Vec<_>>())
            .find(|c| safe_with(c))
            .or_else(|| Some(shown[shown.len() - k..].to_vec()).filter(|c| safe_with(c)));
        if let Some(c) = choice {
            // Hiding as many groups as would stay shown costs more than the pooled figure.
            if 2 * k >= shown.len() {
                return Protection::HidePooled;
            }
            return Protection::HideMembers(c.into_iter().map(|(id, _)| id).collect());
        }
    }
    Protection::HidePooled
}

/// Applies the pooled, difference and totals rules to a fixed point.
pub(crate) fn suppress(
    editions: &Editions,
    groups: &mut [RawGroup],
    sector: &mut [RawSector],
    items: &mut [RawItem],
    p: Privacy,
) {
    for g in groups.iter_mut() {
        if g.n < p.min_group_size {
            g.why = Some(Why::Small);
        }
    }
    for it in items.iter_mut() {
        if it.n < p.min_group_size {
            it.why = Some(Why::Small);
        }
    }
    // Cell families: (year, line, scope) → the sector rows and the groups with respondents.
    let mut families: BTreeMap<(u16, Line, Scope), Family> = BTreeMap::new();
    for (i, s) in sector.iter().enumerate() {
        families.entry((s.year, s.line, s.scope)).or_default().0.push(i);
    }
    for (i, g) in groups.iter().enumerate() {
        if g.n > 0 {
            families.entry((g.year, g.line, g.scope)).or_default().1.push(i);
        }
    }
    // A pooled cell over too few institutions is not published at all.
    for (rows, members) in families.values() {
        for &si in rows {
            let peer = sector[si].peer;
            let count = members.iter().filter(|&&g| peer.contains(groups[g].kind)).count();
            if count < p.min_institutions {
                sector[si].why = Some(Why::FewInstitutions);
            }
        }
    }
    let by_key: HashMap<(u16, u32, Line, Scope), usize> =
        groups.iter().enumerate().map(|(i, g)| ((g.year, g.inst, g.line, g.scope), i)).collect();

    loop {
        let mut changed = false;
        for (rows, members) in families.values() {
            changed |= protect_family(groups, sector, rows, members, p);
        }
        // Totals and parts within each group.
        for i in 0..groups.len() {
            let g = &groups[i];
            let parts: Vec<usize> = g
                .scope
                .parts()
                .into_iter()
                .filter_map(|s| by_key.get(&(g.year, g.inst, g.line, s)).copied())
                .filter(|&j| groups[j].n > 0)
                .collect();
            if let Some(j) = part_to_hide(g.why.is_some(), &parts, |j| (groups[j].n, groups[j].why.is_some())) {
                groups[j].why = Some(Why::Protects);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    suppress_items(editions, groups, items, p);
}

/// The pooled rule for one family of cells (the sector, its peer groups and the
/// remainder their difference gives). True if anything was hidden.
fn protect_family(
    groups: &mut [RawGroup],
    sector: &mut [RawSector],
    rows: &[usize],
    members: &[usize],
    p: Privacy,
) -> bool {
    let mut changed = false;
    let apply = |groups: &mut [RawGroup], cell: &[usize]| -> Option<Protection> {
        let m: Vec<(usize, u64, bool)> = cell.iter().map(|&i| (i, groups[i].n, groups[i].why.is_some())).collect();
        match protect(&m, p.min_group_size) {
            Protection::Fine => None,
            Protection::HideMembers(ids) => {
                for i in ids {
                    groups[i].why = Some(Why::Protects);
                }
                Some(Protection::Fine)
            }
            Protection::HidePooled => Some(Protection::HidePooled),
        }
    };
    // Published cells, sector first, then peer groups in order.
    for &si in rows {
        if sector[si].why.is_some() {
            continue;
        }
        let peer = sector[si].peer;
        let cell: Vec<usize> = members.iter().copied().filter(|&g| peer.contains(groups[g].kind)).collect();
        match apply(groups, &cell) {
            None => {}
            Some(Protection::HidePooled) => {
                sector[si].why = Some(Why::ProtectsPooled);
                changed = true;
            }
            Some(_) => changed = true,
        }
    }
    // The remainder: the sector minus the published peer groups.
    let Some(&all) = rows.iter().find(|&&si| sector[si].peer == PeerGroup::Whole && sector[si].why.is_none()) else {
        return changed;
    };
    let published: Vec<Sector> =
        rows.iter().filter(|&&si| sector[si].why.is_none()).filter_map(|&si| sector[si].peer.sector()).collect();
    if published.is_empty() {
        return changed;
    }
    let rest: Vec<usize> =
        members.iter().copied().filter(|&g| groups[g].kind.is_none_or(|s| !published.contains(&s))).collect();
    match apply(groups, &rest) {
        None => {}
        Some(Protection::HidePooled) => {
            // The smallest published peer group goes too; the remainder widens.
            let smallest = rows
                .iter()
                .copied()
                .filter(|&si| sector[si].why.is_none() && sector[si].peer != PeerGroup::Whole)
                .min_by_key(|&si| (members.iter().filter(|&&g| sector[si].peer.contains(groups[g].kind)).count(), si));
            match smallest {
                Some(si) => sector[si].why = Some(Why::ProtectsPooled),
                None => sector[all].why = Some(Why::ProtectsPooled),
            }
            changed = true;
        }
        Some(_) => changed = true,
    }
    changed
}

/// Given a total and its parts, the part to hide next, if any: where the total is shown,
/// exactly one hidden part exposes it; where the total is hidden, all parts shown would
/// give it back.
fn part_to_hide(total_hidden: bool, parts: &[usize], info: impl Fn(usize) -> (u64, bool)) -> Option<usize> {
    if parts.len() < 2 {
        return None;
    }
    let hidden = parts.iter().filter(|&&j| info(j).1).count();
    let needs = if total_hidden { hidden == 0 } else { hidden == 1 };
    if !needs {
        return None;
    }
    parts.iter().copied().filter(|&j| !info(j).1).min_by_key(|&j| info(j).0)
}

/// Items: hidden where their group's area × kind cell is hidden; the pooled sector item
/// under the same insider rule; and parts against their cell.
fn suppress_items(editions: &Editions, groups: &[RawGroup], items: &mut [RawItem], p: Privacy) {
    let cell_of = |it: &RawItem| {
        let id = editions.for_year(it.year).item(it.item).id;
        Scope::cell(id.area, id.kind)
    };
    let group_hidden: HashMap<(u16, u32, Line, Scope), bool> =
        groups.iter().map(|g| ((g.year, g.inst, g.line, g.scope), g.why.is_some())).collect();
    for it in items.iter_mut() {
        if let (Some(inst), None) = (it.inst, it.why) {
            if group_hidden.get(&(it.year, inst, it.line, cell_of(it))).copied().unwrap_or(true) {
                it.why = Some(Why::Protects);
            }
        }
    }
    // (year, line, item) → (the sector's row, the institutions' rows).
    let mut pooled: BTreeMap<(u16, Line, u16), PooledItem> = BTreeMap::new();
    let mut cells: BTreeMap<(u16, u32, Line, Scope), Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        let e = pooled.entry((it.year, it.line, it.item)).or_default();
        match it.inst {
            None => e.0 = Some(i),
            Some(inst) => {
                e.1.push(i);
                cells.entry((it.year, inst, it.line, cell_of(it))).or_default().push(i);
            }
        }
    }
    loop {
        let mut changed = false;
        for (si, members) in pooled.values() {
            let Some(si) = *si else { continue };
            if items[si].why.is_some() {
                continue;
            }
            if members.len() < p.min_institutions {
                items[si].why = Some(Why::FewInstitutions);
                changed = true;
                continue;
            }
            let m: Vec<(usize, u64, bool)> = members.iter().map(|&i| (i, items[i].n, items[i].why.is_some())).collect();
            match protect(&m, p.min_group_size) {
                Protection::Fine => {}
                Protection::HideMembers(ids) => {
                    for i in ids {
                        items[i].why = Some(Why::Protects);
                    }
                    changed = true;
                }
                Protection::HidePooled => {
                    items[si].why = Some(Why::ProtectsPooled);
                    changed = true;
                }
            }
        }
        for (key, parts) in &cells {
            let total_hidden = group_hidden.get(key).copied().unwrap_or(true);
            if let Some(j) = part_to_hide(total_hidden, parts, |j| (items[j].n, items[j].why.is_some())) {
                items[j].why = Some(Why::Protects);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// A score of a scope of at most three items in eighteenths of a hundred: a
/// respondent's score is 100·j/(3c) for c ≤ 3 answered items, a whole number of 18ths
/// of 100 (0..=18).
fn units(score: f64) -> u32 {
    (score * 18.0 / 100.0).round() as u32
}

/// The 18ths a respondent score can take in a scope of `items` items (at most 3).
fn possible_units(items: usize) -> Vec<u32> {
    let mut v: Vec<u32> = (1..=items.min(3) as u32).flat_map(|c| (0..=3 * c).map(move |j| 18 * j / (3 * c))).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What is known of a set of scores (in 18ths): its size, sum, sum of squares, and
/// where it is published, its two middle values.
struct Known {
    n: usize,
    sum: u32,
    sq: u32,
    mid: Option<(u32, u32)>,
}

/// How many multisets of values from `allowed` fit what is known; counting stops at 2.
fn count_alike(known: &Known, allowed: &[u32]) -> usize {
    struct Search<'a> {
        allowed: &'a [u32],
        known: &'a Known,
        chosen: Vec<u32>,
        found: usize,
    }
    impl Search<'_> {
        fn go(&mut self, start: usize) {
            if self.found >= 2 {
                return;
            }
            let k = self.known;
            let left = (k.n - self.chosen.len()) as u32;
            let s: u32 = self.chosen.iter().sum();
            let q: u32 = self.chosen.iter().map(|v| v * v).sum();
            if left == 0 {
                let n = k.n;
                let mid_fits = k.mid.is_none_or(|m| (self.chosen[(n - 1) / 2], self.chosen[n / 2]) == m);
                if s == k.sum && q == k.sq && mid_fits {
                    self.found += 1;
                }
                return;
            }
            let top = *self.allowed.last().expect("not empty");
            for i in start..self.allowed.len() {
                let v = self.allowed[i];
                // Non-decreasing: the rest are at least v, and at most the top value.
                if s + v * left > k.sum || q + v * v * left > k.sq {
                    break;
                }
                if s + v + top * (left - 1) < k.sum {
                    continue;
                }
                self.chosen.push(v);
                self.go(i);
                self.chosen.pop();
            }
        }
    }
    let mut search = Search { allowed, known, chosen: Vec::with_capacity(known.n), found: 0 };
    search.go(0);
    search.found
}

/// Whether a figure of n respondents in a scope of `items` items is one whose spread
/// could give its scores away: n from 2 to 9, at most three items.
pub fn may_give_away(n: u64, items: usize) -> bool {
    (2..10).contains(&n) && (1..=3).contains(&items)
}

/// Whether the n, mean, spread and median of these respondent scores (of a scope of
/// `items` items) admit only these scores.
pub fn reconstructable(scores: &[f64], items: usize) -> bool {
    if scores.len() < 2 || items == 0 || items > 3 {
        return false;
    }
    let mut u: Vec<u32> = scores.iter().map(|&s| units(s)).collect();
    u.sort_unstable();
    let n = u.len();
    let known =
        Known { n, sum: u.iter().sum(), sq: u.iter().map(|v| v * v).sum(), mid: Some((u[(n - 1) / 2], u[n / 2])) };
    count_alike(&known, &possible_units(items)) == 1
}

/// Whether n, mean and spread alone (no median: a pooled cell publishes none) admit
/// only one set of scores, from n, the sum of the scores and the sum of their squared
/// deviations from the mean (`m2`). Scores of at most three items are whole 18ths of
/// 100, so the sums in 18ths are whole numbers, found by rounding.
pub fn reconstructable_from_sums(n: u64, sum: f64, m2: f64, items: usize) -> bool {
    if !may_give_away(n, items) {
        return false;
    }
    let sum_sq = m2 + sum * sum / n as f64;
    let known = Known {
        n: n as usize,
        sum: (sum * 18.0 / 100.0).round() as u32,
        sq: (sum_sq * 324.0 / 10_000.0).round() as u32,
        mid: None,
    };
    count_alike(&known, &possible_units(items)) == 1
}

/// Withholds spread, median and interval of shown groups and pooled cells (n below 10,
/// scopes of at most three items) whose figures admit only one set of respondent
/// scores. A group's verdict comes with its statistics (it needs the group's own scores
/// and its published median); a pooled cell's is decided here from its sums, since it
/// publishes n, mean and spread but no median.
pub(crate) fn withhold_reconstructable(
    editions: &Editions,
    reconstructable_groups: &foldhash::HashSet<GroupKey>,
    pooled_sums: &foldhash::HashMap<CellKey, PooledSums>,
    groups: &mut [RawGroup],
    sector: &mut [RawSector],
) {
    let items_in = |year: u16, line: Line, scope: Scope| editions.for_year(year).count(line, scope.area, scope.kind);
    for g in groups.iter_mut() {
        if g.why.is_none() && reconstructable_groups.contains(&g.key()) {
            g.detail_why = Some(Why::Reconstructable);
        }
    }
    for s in sector.iter_mut() {
        if s.why.is_some() {
            continue;
        }
        let Some(sums) = pooled_sums.get(&s.key()) else { continue };
        if reconstructable_from_sums(s.n, sums.sum, sums.m2, items_in(s.year, s.line, s.scope)) {
            s.detail_why = Some(Why::Reconstructable);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hidden_contributors_must_protect_each_other_from_each_other() {
        // Two hidden (2 and 5 respondents): each knows its own, so each recovers the other.
        assert!(!insider_safe(&[2, 5], 5));
        // Three hidden, 2 + 3 + 4: without the largest (4), 2 + 3 = 5 ≥ 5 → safe.
        assert!(insider_safe(&[2, 3, 4], 5));
        // Three hidden, 1 + 1 + 9: without the 9, 1 + 1 = 2 < 5 → the 9 sees 2 people.
        assert!(!insider_safe(&[1, 1, 9], 5));
        assert!(insider_safe(&[], 5));
    }

    #[test]
    fn the_fewest_extra_groups_then_the_fewest_respondents() {
        // Hidden: 3. Shown: 12, 7, 20, 6, 9, 30. Three hidden are needed, and without the
        // largest at least 5: {3, 6, 7} → without 7: 9 ≥ 5. Two extra, the two smallest.
        let m =
            [(0, 3, true), (1, 12, false), (2, 7, false), (3, 20, false), (4, 6, false), (5, 9, false), (6, 30, false)];
        assert_eq!(protect(&m, 5), Protection::HideMembers(vec![4, 2]));
        // Hidden 1 and 1, shown 2, 5, 7, 8, 9. One extra is never enough (1 + 1 < 5
        // without it). Two: the smallest (2) with any other fails (1 + 1 + 2 = 4 < 5 once
        // the largest is left out); the two largest, 8 and 9, work: without 9,
        // 1 + 1 + 8 = 10 ≥ 5. Two of five shown: the groups go, not the pooled figure.
        let m = [(0, 1, true), (1, 1, true), (2, 2, false), (3, 5, false), (4, 7, false), (5, 9, false), (6, 8, false)];
        assert_eq!(protect(&m, 5), Protection::HideMembers(vec![6, 5]));
    }

    #[test]
    fn where_protection_would_hide_half_the_cell_the_pooled_figure_goes() {
        // Four institutions, one small: two extra of three shown → the pooled figure.
        let m = [(0, 3, true), (1, 8, false), (2, 9, false), (3, 10, false)];
        assert_eq!(protect(&m, 5), Protection::HidePooled);
        // One small alone: nobody to hide.
        assert_eq!(protect(&[(0, 3, true)], 5), Protection::HidePooled);
        assert_eq!(protect(&[(0, 8, false), (1, 9, false)], 5), Protection::Fine);
    }

    #[test]
    fn total_shown_with_one_hidden_part_hides_another() {
        // parts: n = 6 shown, 4 hidden, 9 shown, 7 shown → hide the 6.
        let info = |j: usize| [(6, false), (4, true), (9, false), (7, false)][j];
        assert_eq!(part_to_hide(false, &[0, 1, 2, 3], info), Some(0));
        let info2 = |j: usize| [(6, true), (4, true), (9, false), (7, false)][j];
        assert_eq!(part_to_hide(false, &[0, 1, 2, 3], info2), None);
        let info3 = |j: usize| [(6, false), (8, false)][j];
        assert_eq!(part_to_hide(true, &[0, 1], info3), Some(0));
    }

    #[test]
    fn a_one_item_group_of_five_gives_its_scores_away() {
        // One item: scores 0, 33.3, 66.7, 100 (units 0, 6, 12, 18). Five respondents
        // 100, 100, 100, 66.7, 0: sum 66 units, squares 3·324 + 144 + 0 = 1116, middle 18.
        // Any other five values of {0, 6, 12, 18} with sum 66 and median 18 have three
        // 18s and two summing to 12: {0, 12} (squares 144) or {6, 6} (72) → only one.
        let s = [100.0, 100.0, 100.0, 200.0 / 3.0, 0.0];
        assert!(reconstructable(&s, 1));
        // Three items allow many values (18ths: 0, 2, 3, 4, 6, 8, 9, 10, 12, 14, 15, 16,
        // 18). 44.4, 44.4, 50, 66.7, 77.8 are 8, 8, 9, 12, 14: sum 51, squares 549,
        // middle 9; and so are 9, 9, 9, 9, 15 (81·4 + 225 = 549): two sets, the spread
        // stays.
        let s3 = [800.0 / 18.0, 800.0 / 18.0, 50.0, 200.0 / 3.0, 1400.0 / 18.0];
        assert_eq!(possible_units(3), vec![0, 2, 3, 4, 6, 8, 9, 10, 12, 14, 15, 16, 18]);
        assert!(!reconstructable(&s3, 3));
        // 55.6, 66.7, 77.8, 88.9, 100 (10, 12, 14, 16, 18): the only such set.
        assert!(reconstructable(&[1000.0 / 18.0, 1200.0 / 18.0, 1400.0 / 18.0, 1600.0 / 18.0, 100.0], 3));
        // More than three items: never checked.
        assert!(!reconstructable(&s, 4));
    }

    #[test]
    fn a_pooled_cell_is_judged_by_what_it_publishes_n_sum_and_spread() {
        // The five one-item scores above (18ths 18, 18, 18, 12, 0): sum 66, squares
        // 1116. Five of {0, 6, 12, 18} with a + b + c + d = 5, 6b + 12c + 18d = 66 and
        // 36b + 144c + 324d = 1116 give c + 3d = 10: d = 3, c = 1, b = 0, a = 1 only.
        // So even without the median the sums give them away.
        let s = [100.0, 100.0, 100.0, 200.0 / 3.0, 0.0];
        let sum: f64 = s.iter().sum();
        let mean = sum / 5.0;
        let m2: f64 = s.iter().map(|x| (x - mean) * (x - mean)).sum();
        assert!(reconstructable_from_sums(5, sum, m2, 1));
        // 18ths 8, 8, 9, 12, 14 and 9, 9, 9, 9, 15 share n, sum (51) and squares (549):
        // two sets, the spread stays.
        let s3 = [800.0 / 18.0, 800.0 / 18.0, 50.0, 200.0 / 3.0, 1400.0 / 18.0];
        let sum3: f64 = s3.iter().sum();
        let m3: f64 = s3.iter().map(|x| (x - sum3 / 5.0) * (x - sum3 / 5.0)).sum();
        assert!(!reconstructable_from_sums(5, sum3, m3, 3));
        // 1, 1, 1 and 0 items never; nor n = 10.
        assert!(!reconstructable_from_sums(10, 1000.0, 0.0, 1));
        assert!(!reconstructable_from_sums(5, sum, m2, 4));
    }
}
