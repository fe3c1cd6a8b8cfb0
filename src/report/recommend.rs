//! Recommendations for an institution's portret, chosen by explicit rules from its
//! findings ([`Findings`]): the lines that fell and the weakest areas against the sector.
//! Each piece of advice is taken from a source document (the seeds), is written for a
//! kind of institution or marked general, and cites its source by title and year.
//!
//! The rules, in order (each gives at most one piece of advice, and at most one per
//! theme):
//! 1. **A line that fell**: in all four areas, or its total by more than chance, or by
//!    more than 5 points → *monitor the effects* (theme: monitoring).
//! 2. **The two weakest areas** (furthest below the sector median; below 50 where no
//!    median is published): each area's advice (Visie en beleid → vision; Oriëntatie en
//!    begeleiding → the guidance itself; Organisatie → roles and tasks; Samenwerking →
//!    cooperation with the receiving field).
//! 3. **Line 3 below the sector** (clearly lower, or under P25) → educational leadership.
//! 4. **Expertise (D) behind role (R)** by more than 10 points in a line → career
//!    guidance for staff.
//! 5. **Line 1 behind line 2** by more than 15 points, or clearly below the sector →
//!    professional development for everyone.
//! 6. Where nothing fired: *use the portret as a mirror* for the lowest area.
//!
//! Which advice a rule gives depends on the institution's kind: the mbo recommendations
//! (seed 004) go to mbo institutions only, the teacher-training recommendations (seed
//! 002) to hbo institutions (lerarenopleidingen are hbo; the SPEC knows no kind of its
//! own for them), and everyone else gets the general advice of the 2014 study (seed 001)
//! and the framework (seed 003). The government recommendations (seed 000) are for
//! government and sector councils, not for an institution, and are not used.

use crate::framework::{Area, Kind, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::findings::{capitalise, line_name, num, signed, Cell, Findings};

/// A source document, by its real title and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub title: (&'static str, &'static str),
    pub by: &'static str,
    pub year: u16,
}

impl Source {
    /// Its title as published (Dutch), in English with a translation beside it.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("{}, {} {}", self.title.0, self.by, self.year),
            Lang::En => format!("{} ({}), {} {}", self.title.0, self.title.1, self.by, self.year),
        }
    }
}

pub const MBO_2014: Source = Source {
    title: ("Aanbevelingen voor mbo-instellingen", "Recommendations for mbo institutions"),
    by: "Euroguidance Nederland",
    year: 2014,
};
pub const TEACHER_TRAINING_2014: Source = Source {
    title: (
        "Aanbevelingen voor lerarenopleidingen en opleidingsorganisaties",
        "Recommendations for teacher training institutions",
    ),
    by: "Euroguidance Nederland",
    year: 2014,
};
pub const STUDY_2014: Source = Source {
    title: (
        "Professionaliteit van loopbaanbegeleiding, inleiding bij de infographic",
        "Professionalism of career guidance, introduction to the infographic",
    ),
    by: "Euroguidance Nederland",
    year: 2014,
};
pub const FRAMEWORK_2017: Source = Source {
    title: ("Raamwerk voor loopbaanbegeleiding jongeren", "Framework for career guidance for young people"),
    by: "MBO Raad, VO-raad, OCW",
    year: 2017,
};

/// Who a piece of advice is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    General,
    Mbo,
    /// Teacher training: hbo institutions here.
    TeacherTraining,
}

impl Audience {
    fn fits(self, kind: Option<Sector>) -> bool {
        match self {
            Audience::General => true,
            Audience::Mbo => kind == Some(Sector::Mbo),
            Audience::TeacherTraining => kind == Some(Sector::Hbo),
        }
    }
}

/// What a piece of advice is about; a portret gives at most one per theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Monitoring,
    Vision,
    Guidance,
    Roles,
    Cooperation,
    Leadership,
    StaffCareers,
    Development,
}

/// One piece of advice from a source.
#[derive(Debug)]
pub struct Advice {
    pub theme: Theme,
    pub audience: Audience,
    pub title: (&'static str, &'static str),
    pub text: (&'static str, &'static str),
    pub source: Source,
}

/// The catalogue, most specific first within a theme.
pub const ADVICE: &[Advice] = &[
    Advice {
        theme: Theme::Monitoring,
        audience: Audience::Mbo,
        title: (
            "Monitor de effecten van professionalisering en houd de plannen tegen het licht",
            "Monitor the effects of professional development and review the plans",
        ),
        text: (
            "Volg de effecten van LOB-professionalisering op organisatie-, team- en individueel niveau en houd eens per jaar alle professionaliseringsplannen tegen het licht, naast de effecten van LOB voor studenten.",
            "Follow the effects of career guidance professional development at organisation, team and individual level, and review all professional development plans once a year, alongside the effects of career guidance for students.",
        ),
        source: MBO_2014,
    },
    Advice {
        theme: Theme::Monitoring,
        audience: Audience::General,
        title: ("Gebruik het portret als spiegel", "Use the portrait as a mirror"),
        text: (
            "Bespreek met de betrokken medewerkers waar de uitdagingen liggen en wat nodig is om de professionaliteit te vergroten; het portret is een spiegel van hoe het met LOB gesteld is, geen afvinklijst.",
            "Discuss with the staff involved where the challenges lie and what is needed to increase professionalism; the portrait mirrors the state of career guidance, it is not a checklist.",
        ),
        source: STUDY_2014,
    },
    Advice {
        theme: Theme::Vision,
        audience: Audience::TeacherTraining,
        title: ("Geef LOB een plek in de onderwijsvisie", "Give career guidance a place in the educational vision"),
        text: (
            "Ontwikkel een LOB-visie als onderdeel van de onderwijsvisie, zodat studenten bij instroom, voortgang, keuzerichtingen en uitstroom loopbaanbegeleiding krijgen.",
            "Develop a career guidance vision as part of the educational vision, so students receive guidance at entry, during their studies, at choices and at exit.",
        ),
        source: TEACHER_TRAINING_2014,
    },
    Advice {
        theme: Theme::Vision,
        audience: Audience::General,
        title: ("Werk aan visie, beleid en strategie voor LOB", "Work on vision, policy and strategy for career guidance"),
        text: (
            "Maak van de visie op loopbaanontwikkeling en -begeleiding een gedeeld uitgangspunt van beleid en strategie (het eerste thema van de aanbevelingen uit 2014).",
            "Make the vision of career development and guidance a shared basis for policy and strategy (the first theme of the 2014 recommendations).",
        ),
        source: STUDY_2014,
    },
    Advice {
        theme: Theme::Guidance,
        audience: Audience::Mbo,
        title: (
            "Leer LOB-activiteiten ontwikkelen, niet alleen gesprekken voeren",
            "Learn to develop career activities, not only to hold conversations",
        ),
        text: (
            "Professionalisering richt zich vaak op reflectieve loopbaangesprekken; leer ook LOB-activiteiten ontwikkelen als deel van het curriculum, zodat een loopbaangerichte leeromgeving ontstaat die aansluit op de praktijk.",
            "Professional development often focuses on reflective career conversations; also learn to develop career activities as part of the curriculum, creating a career-oriented learning environment close to practice.",
        ),
        source: MBO_2014,
    },
    Advice {
        theme: Theme::Guidance,
        audience: Audience::TeacherTraining,
        title: ("Geef LOB een plek in het onderwijsprogramma", "Give career guidance a place in the curriculum"),
        text: (
            "Verrijk de opleiding met LOB-onderwijs in modules, projecten, workshops en trainingen, zodat aankomende leraren zich bekwamen in de rol van loopbaanbegeleider.",
            "Enrich the programme with career guidance teaching in modules, projects, workshops and training, so future teachers become competent career guides.",
        ),
        source: TEACHER_TRAINING_2014,
    },
    Advice {
        theme: Theme::Guidance,
        audience: Audience::General,
        title: ("Voer het gesprek over de begeleiding aan de hand van het raamwerk", "Discuss the guidance using the framework"),
        text: (
            "Gebruik de rolbeschrijvingen en deskundigheid van het aandachtsgebied in het raamwerk als leidraad voor het gesprek: verstaan we hetzelfde onder loopbaanbegeleiding, en wat verwachten we van elkaar?",
            "Use the framework's role descriptions and expertise for the area to guide the conversation: do we mean the same by career guidance, and what do we expect of each other?",
        ),
        source: FRAMEWORK_2017,
    },
    Advice {
        theme: Theme::Roles,
        audience: Audience::Mbo,
        title: ("Maak een duidelijke omschrijving van rollen, taken en competenties", "Describe roles, tasks and competences clearly"),
        text: (
            "Omschrijf de rollen, taken en competenties van iedereen die bij loopbaanbegeleiding betrokken is, in de eerste en tweede lijn en in directie en management; zo wordt duidelijk wat er gedaan moet worden, door wie en wanneer.",
            "Describe the roles, tasks and competences of everyone involved in career guidance, in the first and second line and in management; this makes clear what must be done, by whom and when.",
        ),
        source: MBO_2014,
    },
    Advice {
        theme: Theme::Roles,
        audience: Audience::General,
        title: ("Verdeel de rollen volgens de eigen visie", "Divide the roles according to your own vision"),
        text: (
            "Het raamwerk beschrijft de rollen van de eerste, tweede en derde lijn als voorbeeld, niet als blauwdruk: leg vast wie in uw school welke rol vervult, passend bij de eigen visie.",
            "The framework describes the roles of the first, second and third line as an example, not a blueprint: settle who fills which role in your school, in line with your own vision.",
        ),
        source: FRAMEWORK_2017,
    },
    Advice {
        theme: Theme::Cooperation,
        audience: Audience::TeacherTraining,
        title: ("Stem af met het afnemende veld", "Align with the receiving field"),
        text: (
            "Stem de inhoud van het professionaliseringsaanbod af met het afnemende veld en werk daarin samen met docenten.",
            "Align the content of professional development with the receiving field, working together with teachers.",
        ),
        source: TEACHER_TRAINING_2014,
    },
    Advice {
        theme: Theme::Cooperation,
        audience: Audience::General,
        title: ("Stem de begeleiding af met toeleverend en afnemend veld", "Align guidance with feeder and receiving institutions"),
        text: (
            "Het raamwerk wil de afstemming van het onderwijsaanbod op vragen en wensen van het afnemend veld verbeteren: maak afspraken over overgangen met toeleverende en afnemende scholen in de regio en met het bedrijfsleven.",
            "The framework aims at better alignment of education with the needs of the receiving field: agree on transitions with feeder and receiving schools in the region and with employers.",
        ),
        source: FRAMEWORK_2017,
    },
    Advice {
        theme: Theme::Leadership,
        audience: Audience::General,
        title: ("Versterk het onderwijskundig leiderschap rond LOB", "Strengthen educational leadership on career guidance"),
        text: (
            "Coördinatoren en beleidsmakers zetten de koers: zij maken LOB tot een integraal onderdeel van onderwijs en begeleiding voor iedereen, niet alleen van zorg als het mis dreigt te gaan (het derde thema van de aanbevelingen uit 2014).",
            "Coordinators and policy makers set the course: they make career guidance an integral part of education and guidance for everyone, not only of care when things go wrong (the third theme of the 2014 recommendations).",
        ),
        source: STUDY_2014,
    },
    Advice {
        theme: Theme::StaffCareers,
        audience: Audience::Mbo,
        title: ("Zorg voor een goede loopbaanbegeleiding van de medewerkers", "Provide good career guidance for staff"),
        text: (
            "Geef de loopbaanontwikkeling van alle medewerkers een stevige plek, met de loopbaancompetenties in de gesprekkencyclus: wie zelf loopbaanbegeleiding krijgt, praat beter met studenten over hun toekomst.",
            "Give the career development of all staff a firm place, with the career competences in the appraisal cycle: those who receive career guidance themselves talk better with students about their future.",
        ),
        source: MBO_2014,
    },
    Advice {
        theme: Theme::StaffCareers,
        audience: Audience::TeacherTraining,
        title: ("Laat ook medewerkers aan loopbaanontwikkeling doen", "Let staff develop their own careers too"),
        text: (
            "Practice what you preach: geef de loopbaanontwikkeling van docenten en andere medewerkers een centrale plek in het HRM-beleid, bij werving, aanstelling, begeleiding en beoordeling.",
            "Practice what you preach: give the career development of teachers and other staff a central place in HR policy, in recruitment, appointment, support and appraisal.",
        ),
        source: TEACHER_TRAINING_2014,
    },
    Advice {
        theme: Theme::StaffCareers,
        audience: Audience::General,
        title: ("Investeer in de deskundigheid van de begeleiders", "Invest in the guides' expertise"),
        text: (
            "Het raamwerk ondersteunt HR-beleid en de professionalisering van loopbaanprofessionals: gebruik de beschreven deskundigheid in de gesprekkencyclus en bij scholing.",
            "The framework supports HR policy and the professional development of career professionals: use the expertise it describes in appraisals and training.",
        ),
        source: FRAMEWORK_2017,
    },
    Advice {
        theme: Theme::Development,
        audience: Audience::Mbo,
        title: ("Organiseer voor iedereen LOB-professionaliseringsactiviteiten", "Organise career guidance professional development for everyone"),
        text: (
            "Organiseer samen met stagebedrijven professionalisering voor alle lagen: management, loopbaanbegeleiders in de eerste en tweede lijn, docenten en praktijkbegeleiders, afwisselend en op het moment dat het geleerde toe te passen is.",
            "Organise professional development with work-placement companies for all levels: management, first- and second-line guides, teachers and workplace supervisors, varied and timed so it can be applied.",
        ),
        source: MBO_2014,
    },
    Advice {
        theme: Theme::Development,
        audience: Audience::General,
        title: ("Versterk de professionaliteit van de loopbaanbegeleiders", "Strengthen the professionalism of career guides"),
        text: (
            "Maak de professionalisering van iedereen die begeleidt een gezamenlijke opdracht, met de eerste lijn voorop (het tweede thema van de aanbevelingen uit 2014).",
            "Make the professional development of everyone who guides students a shared task, starting with the first line (the second theme of the 2014 recommendations).",
        ),
        source: STUDY_2014,
    },
];

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
        Some(a) => format!("{} {} {}", a.label(lang), lang.pick("in de", "in"), line_name(c.line, lang)),
        None => line_name(c.line, lang),
    }
}

/// The recommendations for these findings, in the rules' order. `kind_scores` gives a
/// line's R and D scores (rule 4); the findings carry the rest.
pub fn recommend(f: &Findings, rd: &[(Line, Kind, f64)], lang: Lang) -> Vec<Recommendation> {
    // (theme, finding) in the rules' order; the first finding of a theme gives its advice.
    let mut triggers: Vec<(Theme, String)> = Vec::new();
    let mut add = |theme: Theme, finding: String| triggers.push((theme, finding));
    // 1. A line that fell.
    for m in f.movements() {
        let total = m.total.map(|t| t.change);
        let real_fall = total.is_some_and(|t| t.diff < 0.0 && t.significant() == Some(true));
        let big_fall = total.is_some_and(|t| t.diff < -5.0);
        if m.down.len() == 4 || real_fall || big_fall {
            let how = match total {
                Some(t) => {
                    format!("{} {} {}", signed(t.diff, lang), lang.pick("punten sinds", "points since"), m.since)
                }
                None => format!("{} {}", lang.pick("sinds", "since"), m.since),
            };
            let finding = if m.down.len() == 4 {
                format!(
                    "{}: {} ({how})",
                    capitalise(&line_name(m.line, lang)),
                    lang.pick("lager in alle vier aandachtsgebieden", "lower in all four areas")
                )
            } else {
                format!("{}: {how}", capitalise(&line_name(m.line, lang)))
            };
            add(Theme::Monitoring, finding);
        }
    }
    // 2. The two weakest areas, each by its own theme.
    let mut seen_areas = Vec::new();
    for c in f.weakest_areas() {
        let a = c.area.expect("area cells");
        if seen_areas.contains(&a) {
            continue;
        }
        if seen_areas.len() == 2 {
            break;
        }
        seen_areas.push(a);
        let against = match c.quartiles {
            Some(q) => format!("{} {}", lang.pick("sectormediaan", "sector median"), num(q.1, lang)),
            None => lang.pick("onder 50", "below 50").to_string(),
        };
        add(
            area_theme(a),
            format!("{}: {} ({against})", capitalise(&place(c, lang)), num(c.score().unwrap_or(0.0), lang)),
        );
    }
    // 3. Line 3 below the sector.
    if let Some(c) = f.total(Line::L3) {
        let below_p25 = c.score().zip(c.quartiles).is_some_and(|(v, q)| v < q.0);
        if c.versus == Some(crate::score::Versus::Below) || below_p25 {
            let q = c
                .quartiles
                .map_or(String::new(), |q| format!(" ({} P25 {})", lang.pick("sector", "sector"), num(q.0, lang)));
            add(
                Theme::Leadership,
                format!("{}: {}{q}", capitalise(&line_name(Line::L3, lang)), num(c.score().unwrap_or(0.0), lang)),
            );
        }
    }
    // 4. Expertise behind role.
    for line in f.lines() {
        let of = |k: Kind| rd.iter().find(|x| x.0 == line && x.1 == k).map(|x| x.2);
        if let (Some(r), Some(d)) = (of(Kind::R), of(Kind::D)) {
            if r - d > 10.0 {
                add(
                    Theme::StaffCareers,
                    format!(
                        "{}: {} {} {} {}",
                        capitalise(&line_name(line, lang)),
                        lang.pick("deskundigheid", "expertise"),
                        num(d, lang),
                        lang.pick("tegen rol", "against role"),
                        num(r, lang)
                    ),
                );
            }
        }
    }
    // 5. Line 1 behind line 2, or below the sector.
    if let Some(c1) = f.total(Line::L1) {
        let v1 = c1.score();
        let v2 = f.total(Line::L2).and_then(|c| c.score());
        if let (Some(a), Some(b)) = (v1, v2) {
            if b - a > 15.0 {
                add(
                    Theme::Development,
                    format!(
                        "{} {} {} {} {}",
                        capitalise(&line_name(Line::L1, lang)),
                        num(a, lang),
                        lang.pick("tegen", "against"),
                        line_name(Line::L2, lang),
                        num(b, lang)
                    ),
                );
            }
        }
        if c1.versus == Some(crate::score::Versus::Below) {
            add(
                Theme::Development,
                format!(
                    "{}: {} ({})",
                    capitalise(&line_name(Line::L1, lang)),
                    num(v1.unwrap_or(0.0), lang),
                    lang.pick("lager dan de sector", "below the sector")
                ),
            );
        }
    }
    // 6. Nothing fired: the lowest area.
    if triggers.is_empty() {
        let lowest =
            f.areas().filter(|c| c.score().is_some()).min_by(|a, b| a.score().unwrap().total_cmp(&b.score().unwrap()));
        if let Some(c) = lowest {
            triggers.push((
                Theme::Monitoring,
                format!(
                    "{}: {} ({})",
                    capitalise(&place(c, lang)),
                    num(c.score().unwrap_or(0.0), lang),
                    lang.pick("laagste score; nergens onder de sector", "lowest score; nowhere below the sector")
                ),
            ));
        }
    }
    let mut out: Vec<Recommendation> = Vec::new();
    for (theme, finding) in triggers {
        if out.iter().any(|r| r.theme == theme) {
            continue;
        }
        if let Some(a) = pick(theme, f.kind) {
            out.push(Recommendation {
                theme,
                title: lang.pick(a.title.0, a.title.1).to_string(),
                text: lang.pick(a.text.0, a.text.1).to_string(),
                finding,
                source: a.source.text(lang),
                audience: a.audience,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::findings::tests::{change, example};

    #[test]
    fn an_mbo_institution_gets_mbo_advice_for_its_falling_line_and_weakest_areas() {
        let f = example();
        let r = recommend(&f, &[], Lang::Nl);
        // Rule 1: line 2 fell in every area (total −5,0 since 2025).
        assert_eq!(r[0].theme, Theme::Monitoring);
        assert_eq!(r[0].finding, "2e lijn: lager in alle vier aandachtsgebieden (−5,0 punten sinds 2025)");
        assert_eq!(r[0].source, "Aanbevelingen voor mbo-instellingen, Euroguidance Nederland 2014");
        // Rule 2: below the median only line 2: SW 38 (−14), then VB/OB/OR at 50 (−2;
        // VB first by area order among equals? the sort is stable on the cells' order).
        assert_eq!(r[1].theme, Theme::Cooperation);
        assert_eq!(r[1].finding, "Samenwerking in de 2e lijn: 38,0 (sectormediaan 52,0)");
        // No mbo advice on cooperation: the framework's general advice.
        assert_eq!(r[1].source, "Raamwerk voor loopbaanbegeleiding jongeren, MBO Raad, VO-raad, OCW 2017");
        assert_eq!(r[2].theme, Theme::Vision);
        assert_eq!(r[2].finding, "Visie en beleid in de 2e lijn: 50,0 (sectormediaan 52,0)");
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn sources_by_their_published_title_with_a_translation_in_english() {
        assert_eq!(MBO_2014.text(Lang::Nl), "Aanbevelingen voor mbo-instellingen, Euroguidance Nederland 2014");
        assert_eq!(
            MBO_2014.text(Lang::En),
            "Aanbevelingen voor mbo-instellingen (Recommendations for mbo institutions), Euroguidance Nederland 2014"
        );
    }

    #[test]
    fn advice_is_only_for_the_institutions_kind_or_general_and_one_per_theme() {
        for kind in [None, Some(Sector::Vo), Some(Sector::Mbo), Some(Sector::Hbo)] {
            let mut f = example();
            f.kind = kind;
            let r = recommend(&f, &[(Line::L1, Kind::R, 70.0), (Line::L1, Kind::D, 55.0)], Lang::En);
            for rec in &r {
                assert!(rec.audience.fits(kind), "{kind:?}: {rec:?}");
            }
            let themes: Vec<Theme> = r.iter().map(|x| x.theme).collect();
            for t in &themes {
                assert_eq!(themes.iter().filter(|x| *x == t).count(), 1);
            }
            // Rule 4 fired: D 55 against R 70.
            let staff = r.iter().find(|x| x.theme == Theme::StaffCareers).unwrap();
            assert_eq!(staff.finding, "Line 1: expertise 55.0 against role 70.0");
            match kind {
                Some(Sector::Mbo) => assert_eq!(staff.source, MBO_2014.text(Lang::En)),
                Some(Sector::Hbo) => assert_eq!(staff.source, TEACHER_TRAINING_2014.text(Lang::En)),
                _ => assert_eq!(staff.source, FRAMEWORK_2017.text(Lang::En)),
            }
        }
    }

    #[test]
    fn different_findings_give_different_lists_and_nothing_weak_gives_the_mirror() {
        let mut f = example();
        for c in &mut f.cells {
            c.change = change(2025, 2.0, -1.0, 5.0);
            if let Some((v, _)) = c.own {
                c.own = Some((v.max(c.quartiles.unwrap().1 + 1.0), 12));
            }
            c.versus = None;
        }
        f.kind = Some(Sector::Vo);
        let r = recommend(&f, &[], Lang::Nl);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].title, "Gebruik het portret als spiegel");
        // Lowest area: line 2 VB, OB, OR, SW all at 53 (median 52 + 1): the first, VB.
        assert_eq!(r[0].finding, "Visie en beleid in de 2e lijn: 53,0 (laagste score; nergens onder de sector)");
        assert_ne!(r, recommend(&example(), &[], Lang::Nl));
    }
}
