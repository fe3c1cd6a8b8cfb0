//! Benchmarking against a published sector reference (SPEC §9, `run --reference`): an
//! institution's own figures, from its own files, beside the sector figures of the
//! national run, never beside the other institutions of its input.
//!
//! - Its own groups, items, teams and changes are scored from its own files, with the
//!   reference's thresholds. A group its own run shows but the reference lists as hidden
//!   was hidden by the national run to protect another group: it is marked so, and its
//!   portret still shows it, as in the national run.
//! - The pooled figures (n, score, sd, interval), the sector's item scores, the counts
//!   of institutions, the gaps between lines and the sector's changes are the
//!   reference's.
//! - The distribution and the ranks are taken over the reference's shown institutions
//!   with its own entry (found by pseudonym: its code in the institutions file, else the
//!   generated one) replaced by its own score, or added where it has none; an own group
//!   that is not shown takes its entry out.
//! - Above, within or below the sector: its own mean and spread against the pooled
//!   figures without its own (n and sums of the pooled figure minus its own, where it
//!   took part in that year), Welch, then Benjamini–Hochberg over its portret, as in the
//!   national run.
//!
//! The reference is rounded to two decimals, as the tables are, so a quartile or a rank
//! can differ from the national run's in the last decimal; every other figure is the
//! national run's where the institution's files are those it sent.

use std::collections::{BTreeMap, BTreeSet};

use crate::framework::{Area, Editions, ItemId, Kind, Line};
use crate::ingest::institutions::InstitutionMeta;
use crate::ingest::Respondent;
use crate::reference::{Cell, Reference};
use crate::score::benchmarks::{decide_versus, Comparison};
use crate::score::stats::{ci95, percentile_rank_sorted, quantile, welch};
use crate::score::{
    score, Band, Change, Detail, Figures, Hidden, ItemFigures, ItemScore, LineGap, PeerGroup, Privacy, Published,
    Quartiles, Rank, RestOfSector, Scope, ScoreError, Scores, SectorChange, SectorScore, SuppressionCounts, Why,
};

#[derive(Debug, thiserror::Error)]
pub enum AgainstError {
    #[error(transparent)]
    Score(#[from] ScoreError),
    #[error("{0}")]
    Mismatch(String),
}

fn scope_of(area: &str, kind: &str) -> Option<Scope> {
    let area = match area {
        "ALL" => None,
        a => Some(Area::from_code(a)?),
    };
    let kind = match kind {
        "ALL" => None,
        "R" => Some(Kind::R),
        "D" => Some(Kind::D),
        _ => return None,
    };
    Some(Scope { area, kind })
}

/// Two decimals, as the reference (and every table) gives scores.
fn two(v: f64) -> f64 {
    format!("{v:.2}").parse().unwrap_or(v)
}

/// A percentile rank among the shown scores (sorted), as `benchmarks` gives it: the band
/// by the position against the quartiles of the same scores, so it never contradicts the
/// P25 and P75 beside it.
fn rank(vals: &[f64], v: f64, min_institutions: usize) -> Rank {
    if vals.len() < min_institutions || vals.is_empty() {
        return Rank::TooFew;
    }
    let r = percentile_rank_sorted(v, vals).expect("not empty");
    let (p25, p75) = (quantile(vals, 0.25).expect("not empty"), quantile(vals, 0.75).expect("not empty"));
    let band = Band::of_position(v, p25, p75, crate::score::TABLE_DECIMALS);
    if vals.len() >= 10 {
        Rank::Number(r, band)
    } else {
        Rank::Band(band)
    }
}

/// The institutions of `respondents` scored against `reference`; `pseudonyms` maps each
/// to the code the reference knows it by.
pub fn against_reference(
    editions: &Editions,
    respondents: &[Respondent],
    institutions: &BTreeMap<String, InstitutionMeta>,
    reference: &Reference,
    pseudonyms: &BTreeMap<String, String>,
) -> Result<Scores, AgainstError> {
    let privacy = Privacy { min_group_size: reference.min_group_size, min_institutions: reference.min_institutions };
    let mut own = score(editions, respondents, institutions, privacy)?;
    for &y in &own.years {
        if let Some(e) = reference.frameworks.get(&y) {
            let here = &editions.for_year(y).edition;
            if e != here {
                return Err(AgainstError::Mismatch(format!(
                    "the reference scores {y} with framework edition {e}; this run scores it with {here}"
                )));
            }
        }
    }
    let mut cells: BTreeMap<(u16, PeerGroup, Line, Scope), &Cell> = BTreeMap::new();
    for c in &reference.cells {
        let (Some(peer), Some(line), Some(scope)) =
            (PeerGroup::parse(&c.peer_group), Line::from_number(c.line), scope_of(&c.area, &c.kind))
        else {
            return Err(AgainstError::Mismatch(format!(
                "the reference has a cell it cannot place: {} {} {} {}",
                c.peer_group, c.line, c.area, c.kind
            )));
        };
        cells.insert((c.year, peer, line, scope), c);
    }
    let code = |inst: &str| pseudonyms.get(inst).cloned().unwrap_or_else(|| crate::report::generated_code(inst, 6));
    // (year, code) of every institution listed in the reference.
    let took_part: BTreeSet<(u16, &str)> = reference
        .cells
        .iter()
        .flat_map(|c| c.institutions.iter().map(move |e| (c.year, e.pseudonym.as_str())))
        .collect();
    let own_peer = |inst: &str| institutions.get(inst).and_then(|m| m.sector);

    // Own groups the national run hid to protect another group.
    for g in own.groups.iter_mut() {
        let Some(f) = g.shown().cloned() else { continue };
        let c = code(&g.institution);
        if !took_part.contains(&(g.year, c.as_str())) {
            continue;
        }
        if let Some(cell) = cells.get(&(g.year, PeerGroup::Whole, g.line, g.scope)) {
            if cell.institutions.iter().any(|e| e.pseudonym == c && e.score.is_none()) {
                g.figures = Published::hidden_value(Why::Protects, f);
            }
        }
    }
    own.benchmarks.retain(|b| {
        own.groups.iter().any(|g| {
            (g.year, g.institution.as_str(), g.line, g.scope) == (b.year, b.institution.as_str(), b.line, b.scope)
                && g.shown().is_some()
        })
    });

    // The shown scores of each cell, own entries in place.
    let own_names: BTreeSet<&str> = own.groups.iter().map(|g| g.institution.as_str()).collect();
    /// A cell's institutions with its own entries in place.
    struct Distribution {
        /// Institutions with respondents.
        institutions: usize,
        /// The shown scores, sorted.
        shown: Vec<f64>,
        /// Whether its own entries are as the reference has them.
        as_published: bool,
        /// Not shown: too small, and hidden to protect others.
        small: usize,
        protected: usize,
    }
    let mut distributions: BTreeMap<(u16, PeerGroup, Line, Scope), Distribution> = BTreeMap::new();
    for (&(year, peer, line, scope), c) in &cells {
        let mine: Vec<(String, Option<f64>, bool)> = own_names
            .iter()
            .filter(|n| peer.contains(own_peer(n)))
            .map(|n| {
                let g = own.group(year, n, line, scope);
                let present = g.is_some_and(|g| g.for_own_institution().is_some_and(|f| f.n > 0));
                (code(n), g.and_then(|g| g.shown()).map(|f| f.mean), present)
            })
            .collect();
        let mut vals: Vec<f64> = c
            .institutions
            .iter()
            .filter(|e| !mine.iter().any(|m| m.0 == e.pseudonym))
            .filter_map(|e| e.score)
            .collect();
        let others_hidden = |small: bool| {
            c.institutions
                .iter()
                .filter(|e| !mine.iter().any(|m| m.0 == e.pseudonym))
                .filter(|e| e.score.is_none() && (e.suppression.as_deref() == Some("small")) == small)
                .count()
        };
        let (mut small, mut protected) = (others_hidden(true), others_hidden(false));
        let mut count = c.institutions_with_respondents;
        let mut as_published = true;
        for (cd, shown, present) in &mine {
            if shown.is_none() && *present {
                let listed = c.institutions.iter().find(|e| e.pseudonym == *cd);
                match listed.and_then(|e| e.suppression.as_deref()) {
                    Some("small") | None => small += 1,
                    Some(_) => protected += 1,
                }
            }
            vals.extend(shown.map(two));
            if *present && !took_part.contains(&(year, cd.as_str())) {
                count += 1;
            }
            let listed = c.institutions.iter().find(|e| e.pseudonym == *cd).and_then(|e| e.score);
            as_published &= listed == shown.map(two);
        }
        vals.sort_by(f64::total_cmp);
        let d = Distribution { institutions: count, shown: vals, as_published, small, protected };
        distributions.insert((year, peer, line, scope), d);
    }

    // The sector's rows: the reference's pooled figures, the distribution with own
    // entries in place.
    let mut sector: Vec<SectorScore> = Vec::new();
    for (&(year, peer, line, scope), c) in &cells {
        let Distribution { institutions: count, shown: vals, as_published, small, protected } =
            &distributions[&(year, peer, line, scope)];
        let figures = match (c.suppressed, c.n, c.score) {
            (false, Some(n), Some(mean)) => {
                let detail = match c.sd {
                    Some(sd) => {
                        // The interval as published, where the reference gives it.
                        let ci = c.ci_low.zip(c.ci_high).or_else(|| ci95(mean, sd, n));
                        Published::shown_value(Detail { sd: Some(sd), median: f64::NAN, ci })
                    }
                    None if n >= 2 => Published::hidden(Why::Reconstructable),
                    None => Published::shown_value(Detail { sd: None, median: f64::NAN, ci: None }),
                };
                Published::shown_value(Figures { n, mean, detail })
            }
            _ if c.institutions_with_respondents < privacy.min_institutions => Published::hidden(Why::FewInstitutions),
            _ => Published::hidden(Why::ProtectsPooled),
        };
        // Its own scores as the reference has them: the published quartiles; else
        // taken again over the scores with its own in place.
        let published = match (c.p25, c.p50, c.p75) {
            (Some(p25), Some(median), Some(p75)) if *as_published => Some(Quartiles { p25, median, p75 }),
            _ => None,
        };
        let quartiles = (vals.len() >= privacy.min_institutions && figures.shown().is_some())
            .then(|| published.or_else(|| Quartiles::of_sorted(vals)))
            .flatten();
        sector.push(SectorScore {
            year,
            peer,
            line,
            scope,
            figures,
            institutions: *count,
            shown: vals.len(),
            not_shown_small: *small,
            not_shown_protected: *protected,
            quartiles,
        });
    }

    // Ranks and the test against the rest of the sector.
    let pooled = |year: u16, line: Line, scope: Scope| {
        sector
            .binary_search_by(|s| (s.year, s.peer, s.line, s.scope).cmp(&(year, PeerGroup::Whole, line, scope)))
            .ok()
            .and_then(|i| sector[i].shown())
            .filter(|f| f.detail_withheld().is_none())
    };
    let mut by_portret: BTreeMap<(u16, String), Vec<Comparison>> = BTreeMap::new();
    for (bi, b) in own.benchmarks.iter_mut().enumerate() {
        let vals =
            |peer| distributions.get(&(b.year, peer, b.line, b.scope)).map(|d| d.shown.clone()).unwrap_or_default();
        // Its own score as precise as the others': two decimals, so that a score equal
        // to another's is equal here too.
        let at = two(b.score);
        b.rank_sector = rank(&vals(PeerGroup::Whole), at, privacy.min_institutions);
        b.rank_peer = own_peer(&b.institution).map(|p| rank(&vals(PeerGroup::Sector(p)), at, privacy.min_institutions));
        b.versus_sector = None;
        b.rest_of_sector = None;
        if b.scope.kind.is_some() {
            continue;
        }
        let Some(g) = own.groups.iter().find(|g| {
            (g.year, g.institution.as_str(), g.line, g.scope) == (b.year, b.institution.as_str(), b.line, b.scope)
        }) else {
            continue;
        };
        let Some(mine) = g.shown() else { continue };
        let (Some(sd), None) = (mine.sd(), mine.detail_withheld()) else { continue };
        let Some(all) = pooled(b.year, b.line, b.scope) else { continue };
        let Some(all_sd) = all.sd() else { continue };
        // Its own respondents are in the pooled figure where it took part that year.
        let inside = took_part.contains(&(b.year, code(&b.institution).as_str()));
        let (own_n, own_mean, own_sd) = if inside { (mine.n, mine.mean, sd) } else { (0, 0.0, 0.0) };
        let Some(rest_n) = all.n.checked_sub(own_n).filter(|&r| r >= 2) else { continue };
        let sum_sq = |n: u64, m: f64, sd: f64| (n as f64 - 1.0).max(0.0) * sd * sd + n as f64 * m * m;
        let rest_mean = (all.n as f64 * all.mean - own_n as f64 * own_mean) / rest_n as f64;
        let rest_sq = sum_sq(all.n, all.mean, all_sd) - if inside { sum_sq(own_n, own_mean, own_sd) } else { 0.0 };
        let rest_var = ((rest_sq - rest_n as f64 * rest_mean * rest_mean) / (rest_n as f64 - 1.0)).max(0.0);
        if let Some(w) = welch((rest_n, rest_mean, rest_var.sqrt()), (mine.n, mine.mean, sd)) {
            let rest = RestOfSector { mean: rest_mean, n: rest_n };
            let comparison = Comparison { benchmark: bi, p: w.p, diff: w.diff, rest };
            by_portret.entry((b.year, b.institution.clone())).or_default().push(comparison);
        }
    }
    decide_versus(&mut own.benchmarks, &by_portret);

    // Items: its own (those of a cell the national run hid, hidden with it), and the
    // sector's from the reference.
    let mut items: Vec<ItemScore> = own.items.drain(..).filter(|it| it.institution.is_some()).collect();
    for it in items.iter_mut() {
        let Some(f) = it.shown().copied() else { continue };
        let id = editions.for_year(it.year).item(it.item).id;
        let inst = it.institution.as_deref().unwrap_or_default();
        if own.group(it.year, inst, it.line, Scope::cell(id.area, id.kind)).is_some_and(|g| g.shown().is_none()) {
            it.figures = Published::hidden_value(Why::Protects, f);
        }
    }
    let mut sector_items: BTreeSet<(u16, Line, u16)> = BTreeSet::new();
    for it in &reference.items {
        let (Some(line), Ok(id)) = (Line::from_number(it.line), it.item.parse::<ItemId>()) else { continue };
        let Some(idx) = editions.for_year(it.year).index_of(id) else { continue };
        sector_items.insert((it.year, line, idx));
        items.push(ItemScore {
            year: it.year,
            institution: None,
            line,
            item: idx,
            figures: Published::shown_value(ItemFigures { n: it.n, score: it.score }),
        });
    }
    let missing: BTreeSet<(u16, Line, u16)> = items
        .iter()
        .filter(|it| it.institution.is_some())
        .map(|it| (it.year, it.line, it.item))
        .filter(|k| !sector_items.contains(k))
        .collect();
    for (year, line, item) in missing {
        items.push(ItemScore {
            year,
            institution: None,
            line,
            item: item as _,
            figures: Published::hidden(Why::ProtectsPooled),
        });
    }
    items.sort_by(|a, b| {
        (a.year, a.institution.is_some(), &a.institution, a.line, a.item).cmp(&(
            b.year,
            b.institution.is_some(),
            &b.institution,
            b.line,
            b.item,
        ))
    });

    // Years and editions: its own and the reference's.
    let mut editions_of = own.editions.clone();
    for (y, e) in &reference.frameworks {
        editions_of.entry(*y).or_insert_with(|| e.clone());
    }
    let years: Vec<u16> = editions_of.keys().copied().collect();

    // The sector's changes and the gaps between lines, as the reference publishes them.
    let mut sector_changes = Vec::new();
    for c in &reference.sector_changes {
        let (Some(peer), Some(line), Some(scope)) =
            (PeerGroup::parse(&c.peer_group), Line::from_number(c.line), scope_of(&c.area, &c.kind))
        else {
            continue;
        };
        sector_changes.push(SectorChange {
            year: c.year,
            peer,
            line,
            scope,
            change: Change {
                previous_year: c.previous_year,
                previous: c.previous,
                // Printed beside the previous and the current figure of the reference.
                change: {
                    let d = c.change.difference();
                    crate::score::Difference {
                        shown: crate::score::shown_difference(c.previous, c.previous + d.diff),
                        ..d
                    }
                },
            },
        });
    }
    sector_changes.sort_by_key(|c| (c.year, c.peer, c.line, c.scope));
    let mut line_gaps = Vec::new();
    for g in &reference.line_gaps {
        let (Some(peer), Some(a), Some(b), Some(scope)) = (
            PeerGroup::parse(&g.peer_group),
            Line::from_number(g.line_a),
            Line::from_number(g.line_b),
            scope_of(&g.area, &g.kind),
        ) else {
            continue;
        };
        line_gaps.push(LineGap { year: g.year, peer, scope, a, b, gap: g.gap.difference(), n_a: g.n_a, n_b: g.n_b });
    }

    // Respondent rows of groups the national run hid never leave score either.
    let shown_group: BTreeSet<(u16, &str, Line, Scope)> = own
        .groups
        .iter()
        .filter(|g| g.shown().is_some())
        .map(|g| (g.year, g.institution.as_str(), g.line, g.scope))
        .collect();
    let kept_rows: Vec<_> = own
        .respondents
        .iter()
        .copied()
        .filter(|r| {
            let who = &respondents[r.respondent as usize];
            shown_group.contains(&(who.year, who.institution.as_str(), who.line, r.scope))
        })
        .collect();
    let suppression = SuppressionCounts {
        groups: Hidden::count(
            own.groups
                .iter()
                .filter(|g| g.for_own_institution().is_some_and(|f| f.n > 0) || g.hidden() == Some(Why::Small))
                .map(|g| (g.hidden(), g.shown().and_then(Figures::detail_withheld))),
        ),
        sector: Hidden::count(sector.iter().map(|s| (s.hidden(), s.shown().and_then(Figures::detail_withheld)))),
        items: Hidden::count(items.iter().map(|i| (i.hidden(), None))),
    };
    let scores = Scores {
        years,
        groups: own.groups,
        sector,
        items,
        respondents: kept_rows,
        benchmarks: own.benchmarks,
        gaps: line_gaps,
        sector_changes,
        editions: editions_of,
        suppression,
        teams: own.teams,
    };
    Ok(scores)
}
