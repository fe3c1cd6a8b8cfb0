//! The advice a portret can give, as data: each piece's theme, audience (general, mbo,
//! teacher training), title and text in both languages, and the source document it is
//! taken from by its real title and year. The rules that choose among them are in
//! `mod.rs`.

use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::words::phrase;

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
        phrase!(lang, advice_source(self.title.0, self.title.1, self.by, self.year))
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
    pub(super) fn fits(self, kind: Option<Sector>) -> bool {
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
///
/// Its title and text are content, not words of the report: each is a paraphrase of
/// its source document, held here with its translation beside it (as the framework
/// holds its items' texts), so the advice, its translation and its source are checked
/// together. The words around them (the "Voor lerarenopleidingen:" head, the finding,
/// the source line) are in `report/words/`.
#[derive(Debug)]
pub struct Advice {
    pub theme: Theme,
    pub audience: Audience,
    /// (Dutch, English).
    pub title: (&'static str, &'static str),
    /// (Dutch, English).
    pub text: (&'static str, &'static str),
    pub source: Source,
}

impl Advice {
    /// Its title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.title.0,
            Lang::En => self.title.1,
        }
    }

    /// Its text in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.text.0,
            Lang::En => self.text.1,
        }
    }
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
