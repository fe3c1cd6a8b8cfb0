//! Privacy (SPEC §5): no group below `min_group_size` is shown, and no hidden figure can
//! be worked back from what is shown.
//!
//! Two ways a hidden figure leaks if nothing is done, and the rule that stops each:
//! - **Pooled figures.** The sector's (or a peer group's) pooled score and n, minus every
//!   shown institution's score × n, leaves the hidden institutions' total. So in every
//!   published pooled cell the hidden institutions must be at least two with together at
//!   least `min_group_size` respondents; otherwise the shown institution with the
//!   smallest n is hidden too (complementary suppression), until that holds. Where no
//!   institution is left to hide, the pooled figure itself is hidden.
//! - **Totals and parts.** A line score is (nearly) a weighted sum of its area scores,
//!   and an area score of its R and D scores; item scores make up their area × kind cell.
//!   So where a total is shown, never exactly one of its parts is hidden; and where a
//!   total is hidden, not all of its parts are shown.
//!
//! The rules run to a fixed point, since each new hidden cell can expose another.

use std::collections::{BTreeMap, HashMap};

use crate::framework::{Editions, Line};
use crate::ingest::institutions::InstitutionMeta;
use crate::score::{CellKey, GroupScore, ItemScore, Privacy, Scope, SectorScore, Suppression};

/// A pooled row and the rows it pools.
type PooledRows = (Option<usize>, Vec<usize>);

/// Members of one pooled cell: (index, n, hidden). Returns the members to hide so the
/// hidden ones are ≥ 2 with ≥ `min` respondents, and whether the pooled figure must go
/// too (nobody left to hide).
fn protect(members: &[(usize, u64, bool)], min: u64) -> (Vec<usize>, bool) {
    let mut hidden: Vec<bool> = members.iter().map(|m| m.2).collect();
    let mut added = Vec::new();
    loop {
        let (count, n): (usize, u64) =
            members.iter().zip(&hidden).filter(|(_, h)| **h).fold((0, 0), |(c, n), (m, _)| (c + 1, n + m.1));
        if count == 0 || (count >= 2 && n >= min) {
            return (added, false);
        }
        // The shown member with the smallest n (first in order on ties).
        let next = members.iter().enumerate().filter(|(i, _)| !hidden[*i]).min_by_key(|(_, m)| m.1).map(|(i, _)| i);
        match next {
            Some(i) => {
                hidden[i] = true;
                added.push(members[i].0);
            }
            None => return (added, true),
        }
    }
}

/// Applies every rule of SPEC §5 to the scores, to a fixed point.
pub fn suppress(
    editions: &Editions,
    groups: &mut [GroupScore],
    sector: &mut [SectorScore],
    items: &mut [ItemScore],
    institutions: &BTreeMap<String, InstitutionMeta>,
    p: Privacy,
) {
    let peer_of = |inst: &str| institutions.get(inst).and_then(|m| m.sector);
    for g in groups.iter_mut() {
        if g.n < p.min_group_size {
            g.suppression = Suppression::Small;
        }
    }
    for it in items.iter_mut() {
        if it.n < p.min_group_size {
            it.suppression = Suppression::Small;
        }
    }

    // Pooled cells: (year, peer, line, scope) → group indices with respondents.
    let mut cells: HashMap<CellKey, Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        if g.n == 0 {
            continue;
        }
        cells.entry((g.year, None, g.line, g.scope)).or_default().push(i);
        if let Some(peer) = peer_of(&g.institution) {
            cells.entry((g.year, Some(peer), g.line, g.scope)).or_default().push(i);
        }
    }
    // A pooled cell over too few institutions is not published at all.
    for s in sector.iter_mut() {
        let count = cells.get(&(s.year, s.peer, s.line, s.scope)).map_or(0, Vec::len);
        if count < p.min_institutions {
            s.suppressed = true;
        }
    }
    let sector_at: HashMap<CellKey, usize> =
        sector.iter().enumerate().map(|(i, s)| ((s.year, s.peer, s.line, s.scope), i)).collect();
    let by_key: HashMap<(u16, &str, Line, Scope), usize> =
        groups.iter().enumerate().map(|(i, g)| ((g.year, g.institution.as_str(), g.line, g.scope), i)).collect();
    let by_key: HashMap<(u16, String, Line, Scope), usize> =
        by_key.into_iter().map(|((y, n, l, s), i)| ((y, n.to_string(), l, s), i)).collect();

    loop {
        let mut changed = false;
        // Pooled figures.
        let mut keys: Vec<_> = cells.keys().copied().collect();
        keys.sort();
        for key in keys {
            let Some(&si) = sector_at.get(&key) else { continue };
            if sector[si].suppressed {
                continue;
            }
            let members: Vec<(usize, u64, bool)> =
                cells[&key].iter().map(|&i| (i, groups[i].n, groups[i].suppression.is_hidden())).collect();
            let (add, hide_pooled) = protect(&members, p.min_group_size);
            for i in add {
                groups[i].suppression = Suppression::Complementary;
                changed = true;
            }
            if hide_pooled {
                sector[si].suppressed = true;
                changed = true;
            }
        }
        // Totals and parts within each group.
        for i in 0..groups.len() {
            let g = &groups[i];
            let parts: Vec<usize> = g
                .scope
                .parts()
                .into_iter()
                .filter_map(|s| by_key.get(&(g.year, g.institution.clone(), g.line, s)).copied())
                .filter(|&j| groups[j].n > 0)
                .collect();
            if let Some(j) =
                part_to_hide(g.suppression.is_hidden(), &parts, |j| (groups[j].n, groups[j].suppression.is_hidden()))
            {
                groups[j].suppression = Suppression::Complementary;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    suppress_items(editions, groups, items, p);
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

fn suppress_items(editions: &Editions, groups: &[GroupScore], items: &mut [ItemScore], p: Privacy) {
    // Pooled sector item per (year, line, item) over the institutions' item scores.
    // (year, line, item) → (the sector's row, the institutions' rows)
    let mut pooled: HashMap<(u16, Line, u16), PooledRows> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let e = pooled.entry((it.year, it.line, it.item)).or_default();
        match it.institution {
            None => e.0 = Some(i),
            Some(_) => e.1.push(i),
        }
    }
    // Items of one group's area × kind cell.
    let mut cells: HashMap<(u16, String, Line, Scope), Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        if let Some(inst) = &it.institution {
            let id = editions.for_year(it.year).item(it.item).id;
            cells.entry((it.year, inst.clone(), it.line, Scope::cell(id.area, id.kind))).or_default().push(i);
        }
    }
    let group_hidden: HashMap<(u16, String, Line, Scope), bool> =
        groups.iter().map(|g| ((g.year, g.institution.clone(), g.line, g.scope), g.suppression.is_hidden())).collect();
    let mut pooled_keys: Vec<_> = pooled.keys().copied().collect();
    pooled_keys.sort();
    let mut cell_keys: Vec<_> = cells.keys().cloned().collect();
    cell_keys.sort();
    loop {
        let mut changed = false;
        for key in &pooled_keys {
            let (Some(si), members) = &pooled[key] else { continue };
            if items[*si].suppression.is_hidden() {
                continue;
            }
            if members.len() < p.min_institutions {
                items[*si].suppression = Suppression::Complementary;
                changed = true;
                continue;
            }
            let m: Vec<(usize, u64, bool)> =
                members.iter().map(|&i| (i, items[i].n, items[i].suppression.is_hidden())).collect();
            let (add, hide_pooled) = protect(&m, p.min_group_size);
            for i in add {
                items[i].suppression = Suppression::Complementary;
                changed = true;
            }
            if hide_pooled {
                items[*si].suppression = Suppression::Complementary;
                changed = true;
            }
        }
        for key in &cell_keys {
            let parts = &cells[key];
            let total_hidden = group_hidden.get(key).copied().unwrap_or(true);
            if let Some(j) = part_to_hide(total_hidden, parts, |j| (items[j].n, items[j].suppression.is_hidden())) {
                items[j].suppression = Suppression::Complementary;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hidden_member_pulls_in_the_smallest_shown_one() {
        // Institutions with n = 3 (hidden), 12, 7, 20: the 3 alone could be worked back
        // from the pooled figure, so the 7 is hidden too (3 + 7 = 10 ≥ 5).
        let m = [(0, 3, true), (1, 12, false), (2, 7, false), (3, 20, false)];
        assert_eq!(protect(&m, 5), (vec![2], false));
    }

    #[test]
    fn two_hidden_members_below_the_threshold_together_pull_in_a_third() {
        // 2 + 2 = 4 < 5: the pooled remainder would describe 4 people.
        let m = [(0, 2, true), (1, 2, true), (2, 9, false), (3, 6, false)];
        assert_eq!(protect(&m, 5), (vec![3], false));
    }

    #[test]
    fn nothing_hidden_nothing_to_do() {
        let m = [(0, 8, false), (1, 9, false)];
        assert_eq!(protect(&m, 5), (vec![], false));
    }

    #[test]
    fn pooled_figure_goes_when_nobody_is_left_to_hide() {
        let m = [(0, 3, true)];
        assert_eq!(protect(&m, 5), (vec![], true));
    }

    #[test]
    fn total_shown_with_one_hidden_part_hides_another() {
        // parts: n = 6 shown, 4 hidden, 9 shown, 7 shown → hide the 6.
        let info = |j: usize| [(6, false), (4, true), (9, false), (7, false)][j];
        assert_eq!(part_to_hide(false, &[0, 1, 2, 3], info), Some(0));
        // Two hidden parts already: fine.
        let info2 = |j: usize| [(6, true), (4, true), (9, false), (7, false)][j];
        assert_eq!(part_to_hide(false, &[0, 1, 2, 3], info2), None);
        // A hidden total with every part shown would be given back by its parts.
        let info3 = |j: usize| [(6, false), (8, false)][j];
        assert_eq!(part_to_hide(true, &[0, 1], info3), Some(0));
    }
}
