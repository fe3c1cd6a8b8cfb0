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

use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::findings::{capitalise, line_name, num, signed, versus_words, Cell, Findings};
use crate::score::{Difference, Versus};

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

/// "(verschil −12,0; 95%-interval −20,1 tot −3,9)": a difference the portret shows
/// nowhere else, with what makes it "aantoonbaar", so the finding stands on its page.
fn with_interval(d: &Difference, lang: Lang) -> String {
    match d.ci {
        Some((lo, hi)) => format!(
            "({} {}; {} {})",
            lang.pick("verschil", "difference"),
            signed(d.shown, lang),
            lang.pick("95%-interval", "95% interval"),
            crate::report::findings::interval(lo, hi, lang)
        ),
        None => format!("({} {})", lang.pick("verschil", "difference"), signed(d.shown, lang)),
    }
}

/// "−5,0 sinds 2025 (95%-interval −9,0 tot −1,0)": a change with its published
/// interval.
fn change_text(d: &Difference, since: u16, lang: Lang) -> String {
    let ci = d.ci.map_or(String::new(), |(lo, hi)| {
        format!(" ({} {})", lang.pick("95%-interval", "95% interval"), crate::report::findings::interval(lo, hi, lang))
    });
    format!("{} {} {since}{ci}", signed(d.shown, lang), lang.pick("sinds", "since"))
}

/// Why a cell is weak, with the published figures that show it: "38,0, aantoonbaar
/// lager dan de medewerkers van de andere instellingen (52,0)", or "38,0, laagste kwart
/// (P25 42,0 over 12 van 12 instellingen)". None where its weakness does not hold.
pub fn weakness(c: &Cell, lang: Lang) -> Option<String> {
    let v = c.published_score()?;
    if c.versus == Some(Versus::Below) {
        let rest = c.rest.map_or(String::new(), |r| format!(" ({})", num(r.0, lang)));
        return Some(format!(
            "{}: {}, {} {}{rest}",
            capitalise(&place(c, lang)),
            num(v, lang),
            versus_words(Versus::Below, lang),
            lang.pick("dan de medewerkers van de andere instellingen", "than the staff of the other institutions")
        ));
    }
    if c.lowest_quarter_of_ten() {
        let q = c.quartiles?;
        return Some(format!(
            "{}: {}, {} (P25 {} {} {} {})",
            capitalise(&place(c, lang)),
            num(v, lang),
            lang.pick("laagste kwart", "lowest quarter"),
            num(q.0, lang),
            lang.pick("over", "over"),
            c.over.count(lang),
            lang.pick("instellingen", "institutions")
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
            format!(
                "{} {} {}: {} {} {} {} {}, {}",
                x.area.label(lang),
                lang.pick("in de", "in"),
                line_name(x.line, lang),
                lang.pick("deskundigheid", "expertise"),
                num(x.expertise, lang),
                lang.pick("tegen rol", "against role"),
                num(x.role, lang),
                with_interval(&x.gap, lang),
                lang.pick("aantoonbaar lager", "clearly lower")
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
            format!(
                "{} {} {} {} {} {}, {}",
                capitalise(&line_name(Line::L1, lang)),
                num(g.a.1, lang),
                lang.pick("tegen", "against"),
                line_name(Line::L2, lang),
                num(g.b.1, lang),
                with_interval(&g.gap, lang),
                lang.pick("aantoonbaar lager", "clearly lower")
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
                    Audience::TeacherTraining => format!(
                        "{} {}",
                        lang.pick("Voor lerarenopleidingen:", "For teacher training:"),
                        lang.pick(a.title.0, a.title.1)
                    ),
                    _ => lang.pick(a.title.0, a.title.1).to_string(),
                },
                text: lang.pick(a.text.0, a.text.1).to_string(),
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
        match lang {
            Lang::Nl => format!(" Uw {who} is niet getoetst (afgeschermd): daarover zeggen de cijfers niets."),
            Lang::En => format!(" Your {who} was not tested (protected): the figures say nothing about it."),
        }
    };
    (
        lang.pick("Geen aanbeveling uit de cijfers", "No recommendation from the figures").to_string(),
        format!(
            "{}{untested} {} {}",
            lang.pick(
                "Geen bevinding houdt stand buiten de onzekerheid: geen aantoonbaar lagere score dan de medewerkers van de andere instellingen, geen aantoonbare daling, niet in het laagste kwart van 10 of meer instellingen.",
                "No finding holds beyond its uncertainty: no score clearly lower than the staff of the other institutions, no fall beyond chance, not in the lowest quarter of 10 or more institutions."
            ),
            lang.pick("In het algemeen:", "In general:"),
            lang.pick(mirror.text.0, mirror.text.1)
        ),
        mirror.source.text(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Area;
    use crate::report::findings::tests::{cell, change, example};
    use crate::report::findings::{Over, RoleExpertise};

    #[test]
    fn an_mbo_institution_gets_advice_only_for_what_holds_beyond_its_uncertainty() {
        let f = example();
        let r = recommend(&f, Lang::Nl);
        // Rule 1: line 2's total fell −5 with an interval −9 … −1 (excludes 0).
        assert_eq!(r[0].theme, Theme::Monitoring);
        assert_eq!(r[0].finding, "2e lijn: −5,0 sinds 2025 (95%-interval −9,0 tot −1,0)");
        assert_eq!(r[0].source, "Aanbevelingen voor mbo-instellingen, Euroguidance Nederland 2014");
        // Rule 2: of the areas below the median only line 2 SW holds (clearly lower than
        // the other institutions' staff, at 52); VB, OB and OR at 50 against a median of
        // 52 are not clearly different and in the middle half: no advice.
        assert_eq!(r[1].theme, Theme::Cooperation);
        assert_eq!(
            r[1].finding,
            "Samenwerking in de 2e lijn: 38,0, aantoonbaar lager dan de medewerkers van de andere instellingen (52,0)"
        );
        assert_eq!(r[1].source, "Raamwerk voor loopbaanbegeleiding jongeren, MBO Raad, VO-raad, OCW 2017");
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn a_small_line_under_p25_but_not_clearly_different_gets_no_leadership_advice() {
        // Line 3: 7 respondents, 1.2 under P25 (43.8 against 45), not clearly different
        // from the other institutions' staff, P25 over 6 of 12 institutions: a position
        // among too few to hold, and a difference that does not.
        let mut c = cell(Line::L3, None, 43.8, 55.0);
        c.own = Some((43.8, 7));
        c.over = Over { shown: 6, institutions: 12, small: 6, published: true, ..Over::default() };
        let mut f =
            Findings { year: 2026, kind: None, cells: vec![c.clone()], role_expertise: vec![], line_gaps: vec![] };
        assert!(recommend(&f, Lang::Nl).is_empty());
        // Among 10 shown it holds: the lowest quarter, quoted with the P25 and its count.
        f.cells[0].over = Over { shown: 10, institutions: 12, small: 2, published: true, ..Over::default() };
        let r = recommend(&f, Lang::Nl);
        assert_eq!(r[0].theme, Theme::Leadership);
        assert_eq!(r[0].finding, "3e lijn: 43,8, laagste kwart (P25 45,0 over 10 van 12 instellingen)");
        // Exactly at P25 is the middle half: nothing.
        f.cells[0].own = Some((45.0, 7));
        assert!(recommend(&f, Lang::Nl).is_empty());
        // Clearly lower than the other institutions' staff holds whatever the count.
        f.cells[0].versus = Some(Versus::Below);
        f.cells[0].over.shown = 4;
        assert_eq!(
            recommend(&f, Lang::En)[0].finding,
            "Line 3: 45.0, clearly lower than the staff of the other institutions (55.0)"
        );
        // A figure shown only to the institution itself (protecting another group) is
        // not published: no advice quotes it.
        f.cells[0].published = false;
        assert!(recommend(&f, Lang::Nl).is_empty());
    }

    #[test]
    fn an_institution_in_the_top_quarter_everywhere_gets_no_lowest_score_advice() {
        let mut f = example();
        for c in &mut f.cells {
            let q = c.quartiles.unwrap();
            c.own = Some((q.2 + 5.0, 12));
            c.versus = Some(Versus::Above);
            c.change = change(2025, 2.0, -1.0, 5.0);
        }
        assert!(recommend(&f, Lang::Nl).is_empty());
        let (title, text, source) = nothing_holds(&f, Lang::Nl);
        assert_eq!(title, "Geen aanbeveling uit de cijfers");
        assert!(text.starts_with("Geen bevinding houdt stand buiten de onzekerheid"));
        assert!(text.contains("instellingen. In het algemeen:"), "{text}");
        // A line protected for a group elsewhere was not tested: said, not covered.
        for c in f.cells.iter_mut().filter(|c| c.line == Line::L2) {
            c.versus = None;
            c.withheld = Some(crate::score::Why::Protects);
        }
        let (_, text, _) = nothing_holds(&f, Lang::Nl);
        assert!(
            text.contains("instellingen. Uw 2e lijn is niet getoetst (afgeschermd): daarover zeggen de cijfers niets. In het algemeen:"),
            "{text}"
        );
        assert!(!text.contains("nergens onder de sector") && !text.contains("laagste score"));
        assert_eq!(source, STUDY_2014.text(Lang::Nl));
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
            // Expertise 55 against role 70 in line 1 OB, D − R = −15 with an interval
            // −22 … −8 (excludes 0); in VB −12 with −25 … +1 (does not): OB is quoted.
            f.role_expertise = vec![
                RoleExpertise {
                    line: Line::L1,
                    area: Area::VB,
                    role: 72.0,
                    expertise: 60.0,
                    gap: Difference::unpaired(-12.0, Some((-25.0, 1.0))),
                },
                RoleExpertise {
                    line: Line::L1,
                    area: Area::OB,
                    role: 70.0,
                    expertise: 55.0,
                    gap: Difference::unpaired(-15.0, Some((-22.0, -8.0))),
                },
            ];
            let r = recommend(&f, Lang::En);
            for rec in &r {
                assert!(rec.audience.fits(kind), "{kind:?}: {rec:?}");
                // Teacher-training advice says whom it is written for.
                assert_eq!(
                    rec.title.starts_with("For teacher training: "),
                    rec.audience == Audience::TeacherTraining,
                    "{rec:?}"
                );
            }
            let themes: Vec<Theme> = r.iter().map(|x| x.theme).collect();
            for t in &themes {
                assert_eq!(themes.iter().filter(|x| *x == t).count(), 1);
            }
            let staff = r.iter().find(|x| x.theme == Theme::StaffCareers).unwrap();
            assert_eq!(
                staff.finding,
                "Orientation and guidance in line 1: expertise 55.0 against role 70.0 (difference −15.0; 95% interval −22.0 to −8.0), clearly lower"
            );
            match kind {
                Some(Sector::Mbo) => assert_eq!(staff.source, MBO_2014.text(Lang::En)),
                Some(Sector::Hbo) => assert_eq!(staff.source, TEACHER_TRAINING_2014.text(Lang::En)),
                _ => assert_eq!(staff.source, FRAMEWORK_2017.text(Lang::En)),
            }
        }
    }
}
