//! Recommendations for an institution's portret, chosen by explicit rules from the
//! seeds' recommendations (`000_…` government, `002_…` teacher training, `004_…` mbo
//! institutions, and the three themes of the 2014 study `001_…`). Each cites the
//! finding that triggered it.

use crate::framework::{Area, Kind, Line};
use crate::lang::Lang;
use crate::report::ReportContext;
use crate::score::Scope;

/// A recommendation with the finding that triggered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub title: String,
    pub text: String,
    pub finding: String,
    pub source: &'static str,
}

/// Below this score a scope counts as weak in absolute terms.
pub const WEAK: f64 = 50.0;

struct Rule {
    title: (&'static str, &'static str),
    text: (&'static str, &'static str),
    source: &'static str,
}

const ROLES: Rule = Rule {
    title: ("Maak een duidelijke omschrijving van rollen, taken en competenties", "Describe roles, tasks and competences clearly"),
    text: (
        "Omschrijf de rollen, taken en competenties van iedereen die bij loopbaanbegeleiding betrokken is, in de eerste en tweede lijn en in directie en management; rollen en taken vertalen visie en beleid naar lessen, activiteiten en gesprekken.",
        "Describe the roles, tasks and competences of everyone involved in career guidance, in the first and second line and in management; roles and tasks translate vision and policy into lessons, activities and conversations.",
    ),
    source: "Aanbevelingen mbo-instellingen (seed 004)",
};
const PROFESSIONALISE: Rule = Rule {
    title: ("Organiseer voor iedereen LOB-professionaliseringsactiviteiten", "Organise career guidance professional development for everyone"),
    text: (
        "Organiseer samen met stagebedrijven professionalisering voor alle lagen: management, loopbaanbegeleiders in de eerste en tweede lijn, docenten en praktijkbegeleiders; leer niet alleen reflectieve gesprekken voeren maar ook LOB-activiteiten ontwikkelen als deel van het curriculum.",
        "Organise professional development with work-placement companies for all levels: management, first- and second-line career guides, teachers and workplace supervisors; learn not only reflective conversations but also how to develop career activities as part of the curriculum.",
    ),
    source: "Aanbevelingen mbo-instellingen (seed 004)",
};
const MONITOR: Rule = Rule {
    title: ("Monitor de effecten van professionalisering en houd de plannen jaarlijks tegen het licht", "Monitor the effects of professional development and review the plans yearly"),
    text: (
        "Volg de effecten van LOB-professionalisering op organisatie-, team- en individueel niveau en houd eens per jaar alle professionaliseringsplannen tegen het licht, naast de effecten van LOB voor studenten.",
        "Follow the effects of career guidance professional development at organisation, team and individual level, and review all professional development plans once a year, alongside the effects of career guidance for students.",
    ),
    source: "Aanbevelingen mbo-instellingen (seed 004)",
};
const COOPERATE: Rule = Rule {
    title: ("Stem af met het afnemende veld", "Align with the receiving field"),
    text: (
        "Stem de inhoud van professionalisering en loopbaanbegeleiding af met toeleverend en afnemend onderwijs en het bedrijfsleven, en werk daarin samen met docenten; juist bij overgangen wordt veel kennis en ervaring uitgewisseld.",
        "Align professional development and career guidance with feeder and receiving education and employers, working together with teachers; transitions are where much knowledge and experience is exchanged.",
    ),
    source: "Aanbevelingen lerarenopleidingen (seed 002); overheid (seed 000)",
};
const VISION: Rule = Rule {
    title: ("Geef LOB een plek in de onderwijsvisie", "Give career guidance a place in the educational vision"),
    text: (
        "Ontwikkel een LOB-visie als onderdeel van de onderwijsvisie, zodat studenten bij instroom, voortgang, keuzes en uitstroom loopbaanbegeleiding krijgen (thema 'Visie, beleid en strategie').",
        "Develop a career guidance vision as part of the educational vision, so students receive guidance at entry, during progress, at choices and at exit (theme 'Vision, policy and strategy').",
    ),
    source: "Aanbevelingen lerarenopleidingen (seed 002); thema's 2014 (seed 001)",
};
const LEADERSHIP: Rule = Rule {
    title: ("Versterk het onderwijskundig leiderschap rond LOB", "Strengthen educational leadership on career guidance"),
    text: (
        "Coördinatoren en beleidsmakers zetten de koers: zij maken LOB tot een integraal onderdeel van onderwijs en begeleiding voor iedereen, niet alleen van zorg als het mis dreigt te gaan (thema 'Onderwijskundig leiderschap').",
        "Coordinators and policy makers set the course: they make career guidance an integral part of education and guidance for everyone, not only of care when things threaten to go wrong (theme 'Educational leadership').",
    ),
    source: "Thema's 2014 (seed 001); aanbevelingen lerarenopleidingen (seed 002)",
};
const STAFF_CAREERS: Rule = Rule {
    title: ("Zorg voor een goede loopbaanbegeleiding van de medewerkers", "Provide good career guidance for staff"),
    text: (
        "Geef de loopbaanontwikkeling van alle medewerkers een stevige plek, met de loopbaancompetenties in de gesprekkencyclus: wie zelf loopbaanbegeleiding krijgt, praat beter met studenten over hun toekomst (thema 'Professionaliteit van loopbaanbegeleiders').",
        "Give the career development of all staff a firm place, with the career competences in the appraisal cycle: those who receive career guidance themselves talk better with students about their future (theme 'Professionalism of career guides').",
    ),
    source: "Aanbevelingen mbo-instellingen (seed 004); thema's 2014 (seed 001)",
};

fn make(rule: &Rule, lang: Lang, finding: String) -> Recommendation {
    Recommendation {
        title: lang.pick(rule.title.0, rule.title.1).to_string(),
        text: lang.pick(rule.text.0, rule.text.1).to_string(),
        finding,
        source: rule.source,
    }
}

/// The rules, in order; each fires on its own finding:
/// 1. Organisatie (OR) of any line below 50 → roles, tasks and competences (004).
/// 2. Line 1 total below the sector median, or line 1 trailing line 2 by more than 15
///    points → professional development for everyone (004).
/// 3. Visie en beleid (VB) of any line below the sector P25 or below 50 → LOB in the
///    vision (002, theme 1 of 001).
/// 4. Samenwerking (SW) of any line below the sector P25 or below 50 → align with the
///    receiving field (002, 000).
/// 5. Line 3 total below 50 → educational leadership (theme 3 of 001).
/// 6. Deskundigheid (D) of line 1 in Oriëntatie en begeleiding below 50 → career
///    guidance for staff (004, theme 2 of 001).
/// 7. A fall of more than 5 points since last year in any line total → monitor the
///    effects of professional development (004).
///    Where nothing fires, rule 7's advice to monitor is given for the weakest area.
pub fn recommend(ctx: &ReportContext<'_>, institution: &str, year: u16) -> Vec<Recommendation> {
    let lang = ctx.lang;
    let sc = ctx.scores;
    let own =
        |line: Line, scope: Scope| sc.group(year, institution, line, scope).and_then(|g| g.shown()).map(|s| s.mean);
    let sector = |line: Line, scope: Scope| sc.sector(year, None, line, scope).and_then(|s| s.quartiles);
    let fmt = |v: f64| format!("{v:.1}").replace('.', lang.pick(",", "."));
    let place = |line: Line, scope: Scope| {
        format!("{} {}", scope.area.map_or(lang.pick("totaal", "total"), |a| a.label(lang)), line.label(lang))
    };
    let mut out = Vec::new();

    let weak_area = |area: Area, rel: bool| -> Option<String> {
        Line::ALL.into_iter().find_map(|l| {
            let v = own(l, Scope::area(area))?;
            let q = sector(l, Scope::area(area));
            let below_p25 = rel && q.is_some_and(|q| v < q.0);
            (v < WEAK || below_p25).then(|| match q {
                Some(q) if below_p25 => format!(
                    "{}: {} ({} P25 {})",
                    place(l, Scope::area(area)),
                    fmt(v),
                    lang.pick("sector", "sector"),
                    fmt(q.0)
                ),
                _ => format!(
                    "{}: {} ({} {})",
                    place(l, Scope::area(area)),
                    fmt(v),
                    lang.pick("onder", "below"),
                    fmt(WEAK)
                ),
            })
        })
    };
    if let Some(f) = weak_area(Area::OR, false) {
        out.push(make(&ROLES, lang, f));
    }
    if let Some(v1) = own(Line::L1, Scope::LINE) {
        let med = sector(Line::L1, Scope::LINE).map(|q| q.1);
        let v2 = own(Line::L2, Scope::LINE);
        if let Some(m) = med.filter(|m| v1 < *m) {
            out.push(make(
                &PROFESSIONALISE,
                lang,
                format!(
                    "{}: {} ({} {})",
                    place(Line::L1, Scope::LINE),
                    fmt(v1),
                    lang.pick("sectormediaan", "sector median"),
                    fmt(m)
                ),
            ));
        } else if let Some(v2) = v2.filter(|v2| v2 - v1 > 15.0) {
            out.push(make(
                &PROFESSIONALISE,
                lang,
                format!(
                    "{} {} {} {} {}",
                    Line::L1.label(lang),
                    fmt(v1),
                    lang.pick("tegen", "against"),
                    Line::L2.label(lang),
                    fmt(v2)
                ),
            ));
        }
    }
    if let Some(f) = weak_area(Area::VB, true) {
        out.push(make(&VISION, lang, f));
    }
    if let Some(f) = weak_area(Area::SW, true) {
        out.push(make(&COOPERATE, lang, f));
    }
    if let Some(v3) = own(Line::L3, Scope::LINE).filter(|v| *v < WEAK) {
        out.push(make(&LEADERSHIP, lang, format!("{}: {}", place(Line::L3, Scope::LINE), fmt(v3))));
    }
    if let Some(v) = own(Line::L1, Scope::cell(Area::OB, Kind::D)).filter(|v| *v < WEAK) {
        out.push(make(
            &STAFF_CAREERS,
            lang,
            format!(
                "{} {}, {}: {}",
                Area::OB.label(lang),
                Kind::D.label(lang).to_lowercase(),
                Line::L1.label(lang),
                fmt(v)
            ),
        ));
    }
    let fall = Line::ALL.into_iter().find_map(|l| {
        let b = sc.benchmark(year, institution, l, Scope::LINE)?;
        let c = b.change?;
        let (py, d) = (c.previous_year, c.change.diff);
        (d < -5.0).then(|| {
            format!("{}: {} {} {py}", place(l, Scope::LINE), fmt(d), lang.pick("punten sinds", "points since"))
        })
    });
    match fall {
        Some(f) => out.push(make(&MONITOR, lang, f)),
        None if out.is_empty() => {
            // Nothing weak: keep the yearly review, aimed at the weakest area shown.
            let weakest = Line::ALL
                .into_iter()
                .flat_map(|l| Area::ALL.into_iter().map(move |a| (l, a)))
                .filter_map(|(l, a)| own(l, Scope::area(a)).map(|v| (v, l, a)))
                .min_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((v, l, a)) = weakest {
                out.push(make(
                    &MONITOR,
                    lang,
                    format!(
                        "{}: {} ({})",
                        place(l, Scope::area(a)),
                        fmt(v),
                        lang.pick("laagste score", "lowest score")
                    ),
                ));
            }
        }
        None => {}
    }
    out
}
