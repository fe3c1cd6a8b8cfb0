//! Scores per team and per location inside one institution (SPEC §6: the portret shows
//! them where the input has them), under the privacy rules of SPEC §5 applied inside the
//! institution.
//!
//! The reader of a team table is the institution itself, and it knows its own total:
//! its total minus the shown teams is the hidden teams' total. So the same insider rule
//! as for the sector holds, with the institution's total as the pooled cell
//! ([`privacy::protect`]): a team below `min_group_size` is hidden; where the hidden
//! teams together would not protect each other (fewer than three, or without the
//! largest fewer than `min_group_size` respondents), the fewest further teams are hidden;
//! where that would hide as many as stay shown, every team of that line is hidden.
//!
//! Decided here (the SPEC is silent): a team is shown or hidden as a whole per line,
//! on its smallest n over the line total and the four areas. Then no part of a shown
//! total is missing and no total can be rebuilt from its parts; and since the hidden
//! set is the same for every scope and each scope's n is at least that smallest n, the
//! insider rule holds in every scope. Respondents without a team form a group of their
//! own ("niet opgegeven"), counted like any team. Hidden team figures are not kept at
//! all, not even for the institution's own portret: the institution is the insider.
//! Spread and median are not published for teams.

use std::collections::BTreeMap;

use crate::framework::Line;
use crate::ingest::Respondent;
use crate::score::privacy::{self, Protection};
use crate::score::{Detail, Figures, Published, RespondentScore, Scope, Why};

/// Team or location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grouping {
    Location,
    Team,
}

impl Grouping {
    pub const ALL: [Grouping; 2] = [Grouping::Location, Grouping::Team];

    fn of(self, r: &Respondent) -> Option<&str> {
        match self {
            Grouping::Location => r.location.as_deref(),
            Grouping::Team => r.team.as_deref(),
        }
        .map(str::trim)
        .filter(|s| !s.is_empty())
    }
}

/// One team (or location) × line × scope of one institution-year.
#[derive(Debug, Clone)]
pub struct TeamScore {
    pub year: u16,
    pub institution: String,
    pub grouping: Grouping,
    /// The team's name as the input gives it; `None` for respondents without one.
    pub name: Option<String>,
    pub line: Line,
    pub scope: Scope,
    figures: Published<Figures>,
}

impl TeamScore {
    pub fn shown(&self) -> Option<&Figures> {
        self.figures.shown()
    }

    pub fn hidden(&self) -> Option<Why> {
        self.figures.why_hidden()
    }
}

/// An institution-year's team rows (as `Scores::teams_of` gives them, sorted by
/// grouping, line, name and scope) one team and line at a time: its line total first,
/// then its four areas.
pub fn per_team(rows: &[TeamScore]) -> impl Iterator<Item = &[TeamScore]> {
    rows.chunk_by(|a, b| (a.grouping, &a.name, a.line) == (b.grouping, &b.name, b.line))
}

/// The scopes a team is shown or hidden on as a whole.
fn deciding(scope: Scope) -> bool {
    scope.kind.is_none()
}

type TeamKey<'a> = (u16, &'a str, Grouping, Line);

/// Per team (None: not given), per scope: (n, sum of scores).
type TeamSums<'a> = BTreeMap<Option<&'a str>, BTreeMap<Scope, (u64, f64)>>;

/// Team scores of every institution-year whose respondents name a team (or location).
/// `rs` holds every respondent's scope scores (before hidden groups are dropped).
pub fn team_scores(respondents: &[Respondent], rs: &[RespondentScore], min: u64) -> Vec<TeamScore> {
    // (year, institution, grouping, line) → team → scope → (n, sum).
    let mut acc: BTreeMap<TeamKey<'_>, TeamSums<'_>> = BTreeMap::new();
    // Only institution-year-lines where someone names a team: most inputs name none.
    let named: std::collections::HashSet<TeamKey<'_>> = respondents
        .iter()
        .flat_map(|r| {
            Grouping::ALL.into_iter().filter(|g| g.of(r).is_some()).map(|g| (r.year, r.institution.as_str(), g, r.line))
        })
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    for r in rs {
        let who = &respondents[r.respondent as usize];
        for g in Grouping::ALL {
            let key = (who.year, who.institution.as_str(), g, who.line);
            if !named.contains(&key) {
                continue;
            }
            let team = g.of(who);
            let cell = acc.entry(key).or_default().entry(team).or_default().entry(r.scope).or_default();
            cell.0 += 1;
            cell.1 += r.score;
        }
    }
    let mut out = Vec::new();
    for (key, teams) in acc {
        let (year, inst, grouping, line) = key;
        let names: Vec<Option<&str>> = teams.keys().copied().collect();
        let smallest = |t: &BTreeMap<Scope, (u64, f64)>| {
            Scope::all().into_iter().filter(|s| deciding(*s)).map(|s| t.get(&s).map_or(0, |c| c.0)).min().unwrap_or(0)
        };
        let mut members: Vec<(usize, u64, bool)> =
            names.iter().enumerate().map(|(i, t)| (i, smallest(&teams[t]))).map(|(i, n)| (i, n, n < min)).collect();
        let mut why: Vec<Option<Why>> = members.iter().map(|m| m.2.then_some(Why::Small)).collect();
        match privacy::protect(&members, min) {
            Protection::Fine => {}
            Protection::HideMembers(extra) => {
                for i in extra {
                    why[i] = Some(Why::Protects);
                    members[i].2 = true;
                }
            }
            Protection::HidePooled => {
                for (i, w) in why.iter_mut().enumerate() {
                    if w.is_none() {
                        *w = Some(Why::Protects);
                        members[i].2 = true;
                    }
                }
            }
        }
        for (i, name) in names.iter().enumerate() {
            for scope in Scope::all().into_iter().filter(|s| deciding(*s)) {
                let (n, sum) = teams[name].get(&scope).copied().unwrap_or((0, 0.0));
                let figures = match why[i] {
                    Some(w) => Published::hidden(w),
                    None if n == 0 => Published::hidden(Why::Small),
                    None => Published::shown_value(Figures {
                        n,
                        mean: sum / n as f64,
                        detail: Published::<Detail>::hidden(Why::Reconstructable),
                    }),
                };
                out.push(TeamScore {
                    year,
                    institution: inst.to_string(),
                    grouping,
                    name: name.map(String::from),
                    line,
                    scope,
                    figures,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Area;

    fn resp(team: Option<&str>) -> Respondent {
        Respondent {
            key: String::new(),
            file: 0,
            institution: "A".into(),
            year: 2026,
            line: Line::L1,
            edition: 0,
            location: None,
            team: team.map(String::from),
            answers: Vec::new(),
            na: Vec::new(),
        }
    }

    /// Respondents of the given teams, each with the same score in the line total and
    /// every area.
    fn fixture(plan: &[(Option<&str>, usize, f64)]) -> (Vec<Respondent>, Vec<RespondentScore>) {
        let (mut people, mut rs) = (Vec::new(), Vec::new());
        for &(team, n, score) in plan {
            for _ in 0..n {
                let ri = people.len() as u32;
                people.push(resp(team));
                for scope in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
                    rs.push(RespondentScore { respondent: ri, scope, score });
                }
            }
        }
        (people, rs)
    }

    fn line_total<'a>(t: &'a [TeamScore], name: &str) -> &'a TeamScore {
        t.iter()
            .find(|s| s.grouping == Grouping::Team && s.name.as_deref() == Some(name) && s.scope == Scope::LINE)
            .unwrap()
    }

    #[test]
    fn a_small_team_alone_is_protected_by_hiding_more() {
        // Teams of 12, 8, 6 and 3 with min 5: the team of 3 alone is hidden; its
        // institution knows the total (29 respondents) and would subtract 12 + 8 + 6.
        // Hiding the next smallest (6) leaves two hidden, still fewer than three; then
        // 6 and 8: three hidden (3, 6, 8), without the largest 3 + 6 = 9 ≥ 5, safe;
        // but that hides 2 of the 3 shown teams (2·2 ≥ 3), so every team is hidden.
        let (p, rs) =
            fixture(&[(Some("a"), 12, 60.0), (Some("b"), 8, 50.0), (Some("c"), 6, 40.0), (Some("d"), 3, 30.0)]);
        let t = team_scores(&p, &rs, 5);
        assert_eq!(line_total(&t, "d").hidden(), Some(Why::Small));
        for name in ["a", "b", "c"] {
            assert_eq!(line_total(&t, name).hidden(), Some(Why::Protects), "{name}");
        }
    }

    #[test]
    fn small_teams_that_protect_each_other_leave_the_rest_shown() {
        // Three small teams (2, 3, 4; without the largest 5 ≥ 5) are safe together: the
        // three large teams stay shown with their own means.
        let (p, rs) = fixture(&[
            (Some("a"), 10, 70.0),
            (Some("b"), 9, 60.0),
            (Some("c"), 7, 50.0),
            (Some("x"), 2, 10.0),
            (Some("y"), 3, 20.0),
            (Some("z"), 4, 30.0),
        ]);
        let t = team_scores(&p, &rs, 5);
        assert_eq!(line_total(&t, "a").shown().map(|f| (f.n, f.mean)), Some((10, 70.0)));
        assert_eq!(line_total(&t, "c").shown().map(|f| (f.n, f.mean)), Some((7, 50.0)));
        for name in ["x", "y", "z"] {
            assert_eq!(line_total(&t, name).hidden(), Some(Why::Small));
        }
    }

    #[test]
    fn per_team_gives_each_team_and_line_its_total_then_its_four_areas() {
        let (p, rs) = fixture(&[(Some("a"), 8, 50.0), (Some("b"), 6, 20.0), (None, 5, 10.0)]);
        let t = team_scores(&p, &rs, 5);
        let teams: Vec<&[TeamScore]> = per_team(&t).collect();
        assert_eq!(teams.len(), 3);
        let want: Vec<Scope> = std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)).collect();
        for team in &teams {
            assert_eq!(team.iter().map(|x| x.scope).collect::<Vec<_>>(), want);
        }
        // Unnamed first (None sorts before a name), then a, b.
        let names: Vec<Option<&str>> = teams.iter().map(|x| x[0].name.as_deref()).collect();
        assert_eq!(names, [None, Some("a"), Some("b")]);
        assert_eq!(teams[2][0].shown().map(|f| (f.n, f.mean)), Some((6, 20.0)));
    }

    #[test]
    fn no_team_named_means_no_team_rows_and_unnamed_respondents_form_a_group() {
        let (p, rs) = fixture(&[(None, 8, 50.0)]);
        assert!(team_scores(&p, &rs, 5).is_empty());
        // 8 named and 6 not: two groups, both shown (no one hidden).
        let (p, rs) = fixture(&[(Some("a"), 8, 50.0), (None, 6, 20.0)]);
        let t = team_scores(&p, &rs, 5);
        let unnamed = t.iter().find(|s| s.name.is_none() && s.scope == Scope::LINE).unwrap();
        assert_eq!(unnamed.shown().map(|f| (f.n, f.mean)), Some((6, 20.0)));
        // Locations: none given, so none listed.
        assert!(t.iter().all(|s| s.grouping == Grouping::Team));
    }
}
