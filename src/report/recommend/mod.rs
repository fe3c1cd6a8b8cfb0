//! Recommendations for an institution's portret, chosen by explicit rules from its
//! findings ([`Findings`]): the lines that fell and the weakest areas against the sector.
//! Each piece of advice is taken from a source document (the seeds), is written for a
//! kind of institution or marked general, and cites its source by title and year.
//!
//! Every rule fires only on a finding that holds beyond its uncertainty (SPEC §4): a
//! difference from the other institutions' staff that is significant after
//! Benjamini–Hochberg, a change or gap whose 95 % interval excludes 0, or a position in
//! the lowest quarter among at least 10 institutions shown. Each finding quotes only
//! figures published in the tables (`group_scores`, `sector_scores`, `benchmarks`). The
//! rules, in order (each gives at most one piece of advice, and at most one per theme):
//! 1. **A line that fell beyond chance**: its total, else an area → *monitor the
//!    effects* (theme: monitoring).
//! 2. **The two weakest areas that hold**: each area's advice (Visie en beleid →
//!    vision; Oriëntatie en begeleiding → the guidance itself; Organisatie → roles and
//!    tasks; Samenwerking → cooperation with the receiving field).
//! 3. **Line 3 below**: clearly lower than the other institutions' staff, or in the
//!    lowest quarter of 10 or more → educational leadership.
//! 4. **Expertise (D) behind role (R)** by more than 10 points in a line × area, beyond
//!    chance → career guidance for staff.
//! 5. **Line 1 behind line 2** by more than 15 points beyond chance, or line 1 below as
//!    in rule 3 → professional development for everyone.
//!
//! Where nothing holds, there is no recommendation from the figures: the portret says so,
//! and gives the general advice to use it as a mirror ([`nothing_holds`]), never a
//! "lowest score" dressed up as a finding.
//!
//! Which advice a rule gives depends on the institution's kind: the mbo recommendations
//! (seed 004) go to mbo institutions only, the teacher-training recommendations (seed
//! 002) to hbo institutions (lerarenopleidingen are hbo; the SPEC knows no kind of its
//! own for them), and everyone else gets the general advice of the 2014 study (seed 001)
//! and the framework (seed 003). The government recommendations (seed 000) are for
//! government and sector councils, not for an institution, and are not used.

pub mod advice;

pub use advice::*;

use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::findings::{capitalise, line_name, num, signed, Cell, Findings};
use crate::report::words::{phrase, Word};
use crate::score::{Difference, Versus};

/// A recommendation with the finding that triggered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub theme: Theme,
    pub title: String,
    pub text: String,
    pub finding: String,
    pub source: String,
    pub audience: Audience,
}

/// The advice of a theme for this kind of institution: its own kind's first, else the
/// general one.
fn pick(theme: Theme, kind: Option<Sector>) -> Option<&'static Advice> {
    ADVICE
        .iter()
        .find(|a| a.theme == theme && a.audience != Audience::General && a.audience.fits(kind))
        .or_else(|| ADVICE.iter().find(|a| a.theme == theme && a.audience == Audience::General))
}

fn area_theme(a: Area) -> Theme {
    match a {
        Area::VB => Theme::Vision,
        Area::OB => Theme::Guidance,
        Area::OR => Theme::Roles,
        Area::SW => Theme::Cooperation,
    }
}

fn place(c: &Cell, lang: Lang) -> String {
    match c.area {
        Some(a) => phrase!(lang, area_in_line(a.label(lang), &line_name(c.line, lang))),
        None => line_name(c.line, lang),
    }
}

/// "(verschil −12,0; 95%-interval −20,1 tot −3,9)": a difference the portret shows
/// nowhere else, with what makes it "aantoonbaar", so the finding stands on its page.
fn with_interval(d: &Difference, lang: Lang) -> String {
    let interval = d.ci.map(|(lo, hi)| crate::report::findings::interval(lo, hi, lang));
    phrase!(lang, difference(&signed(d.shown, lang), interval.as_deref()))
}

/// "−5,0 sinds 2025 (95%-interval −9,0 tot −1,0)": a change with its published
/// interval.
fn change_text(d: &Difference, since: u16, lang: Lang) -> String {
    let interval = d.ci.map(|(lo, hi)| crate::report::findings::interval(lo, hi, lang));
    phrase!(lang, change_since(&signed(d.shown, lang), since, interval.as_deref()))
}

/// Why a cell is weak, with the published figures that show it: "38,0, aantoonbaar
/// lager dan de medewerkers van de andere instellingen (52,0)", or "38,0, laagste kwart
/// (P25 42,0 over 12 van 12 instellingen)". None where its weakness does not hold.
pub fn weakness(c: &Cell, lang: Lang) -> Option<String> {
    let v = c.published_score()?;
    if c.versus == Some(Versus::Below) {
        let rest = c.rest.map(|r| num(r.0, lang));
        return Some(phrase!(lang, weakness_below(&capitalise(&place(c, lang)), &num(v, lang), rest.as_deref())));
    }
    if c.lowest_quarter_of_ten() {
        let q = c.quartiles?;
        return Some(phrase!(
            lang,
            weakness_lowest_quarter(&capitalise(&place(c, lang)), &num(v, lang), &num(q.0, lang), &c.over.count(lang))
        ));
    }
    None
}

/// The recommendations for these findings, in the rules' order; empty where no finding
/// holds beyond its uncertainty.
pub fn recommend(f: &Findings, lang: Lang) -> Vec<Recommendation> {
    // (theme, finding) in the rules' order; the first finding of a theme gives its advice.
    let mut triggers: Vec<(Theme, String)> = Vec::new();
    let mut add = |theme: Theme, finding: String| triggers.push((theme, finding));
    let fell = |c: &Cell| c.change.filter(|ch| ch.change.diff < 0.0 && ch.change.significant() == Some(true));
    // 1. A line that fell beyond chance: its total, else its area that fell most.
    for line in f.lines() {
        if let Some(ch) = f.total(line).and_then(fell) {
            add(
                Theme::Monitoring,
                format!("{}: {}", capitalise(&line_name(line, lang)), change_text(&ch.change, ch.previous_year, lang)),
            );
            continue;
        }
        let worst = f
            .areas()
            .filter(|c| c.line == line)
            .filter_map(|c| fell(c).map(|ch| (c, ch)))
            .min_by(|a, b| a.1.change.diff.total_cmp(&b.1.change.diff));
        if let Some((c, ch)) = worst {
            add(
                Theme::Monitoring,
                format!("{}: {}", capitalise(&place(c, lang)), change_text(&ch.change, ch.previous_year, lang)),
            );
        }
    }
    // 2. The two weakest areas that hold, each by its own theme.
    let mut seen_areas = Vec::new();
    for c in f.weak_areas() {
        let a = c.area.expect("area cells");
        if seen_areas.contains(&a) {
            continue;
        }
        if seen_areas.len() == 2 {
            break;
        }
        if let Some(w) = weakness(c, lang) {
            seen_areas.push(a);
            add(area_theme(a), w);
        }
    }
    // 3. Line 3 below.
    if let Some(w) = f.total(Line::L3).and_then(|c| weakness(c, lang)) {
        add(Theme::Leadership, w);
    }
    // 4. Expertise behind role, beyond chance: the largest gap.
    let behind = f
        .role_expertise
        .iter()
        .filter(|x| x.gap.diff < -10.0 && x.gap.significant() == Some(true))
        .min_by(|a, b| a.gap.diff.total_cmp(&b.gap.diff));
    if let Some(x) = behind {
        add(
            Theme::StaffCareers,
            phrase!(
                lang,
                expertise_behind(
                    &phrase!(lang, area_in_line(x.area.label(lang), &line_name(x.line, lang))),
                    &num(x.expertise, lang),
                    &num(x.role, lang),
                    &with_interval(&x.gap, lang)
                )
            ),
        );
    }
    // 5. Line 1 behind line 2 beyond chance, or line 1 below.
    let l1_behind = f
        .line_gaps
        .iter()
        .find(|g| g.a.0 == Line::L1 && g.b.0 == Line::L2)
        .filter(|g| g.gap.diff > 15.0 && g.gap.significant() == Some(true));
    if let Some(g) = l1_behind {
        add(
            Theme::Development,
            phrase!(
                lang,
                line_behind(
                    &capitalise(&line_name(Line::L1, lang)),
                    &num(g.a.1, lang),
                    &line_name(Line::L2, lang),
                    &num(g.b.1, lang),
                    &with_interval(&g.gap, lang)
                )
            ),
        );
    }
    if let Some(w) = f.total(Line::L1).and_then(|c| weakness(c, lang)) {
        add(Theme::Development, w);
    }
    let mut out: Vec<Recommendation> = Vec::new();
    for (theme, finding) in triggers {
        if out.iter().any(|r| r.theme == theme) {
            continue;
        }
        if let Some(a) = pick(theme, f.kind) {
            out.push(Recommendation {
                theme,
                // Advice written for teacher training says so: an hbo institution is
                // given it, but the data does not say it trains teachers.
                title: match a.audience {
                    Audience::TeacherTraining => format!("{} {}", Word::ForTeacherTraining.say(lang), a.title(lang)),
                    _ => a.title(lang).to_string(),
                },
                text: a.text(lang).to_string(),
                finding,
                source: a.source.text(lang),
                audience: a.audience,
            });
        }
    }
    out
}

/// What the portret says where no finding holds beyond its uncertainty: that the
/// figures give no recommendation, and the general advice to use the portret as a
/// mirror (title, text, source): a suggestion, not a finding.
/// A line kept out of every comparison (protected for a group elsewhere) is named: the
/// figures say nothing of it, so "no finding" is not said of it.
pub fn nothing_holds(facts: &Findings, lang: Lang) -> (String, String, String) {
    let mirror = ADVICE
        .iter()
        .find(|a| a.theme == Theme::Monitoring && a.audience == Audience::General)
        .expect("the mirror advice is in the catalogue");
    let untested = facts.untested_lines();
    let untested = if untested.is_empty() {
        String::new()
    } else {
        let who = crate::report::findings::join(
            &untested.iter().map(|&l| crate::report::findings::line_name(l, lang)).collect::<Vec<_>>(),
            lang,
        );
        phrase!(lang, nothing_untested(&who))
    };
    (
        Word::NoRecommendation.say(lang).to_string(),
        format!("{}{untested} {} {}", Word::NoFindingHolds.say(lang), Word::InGeneral.say(lang), mirror.text(lang)),
        mirror.source.text(lang),
    )
}
#[cfg(test)]
mod tests;
