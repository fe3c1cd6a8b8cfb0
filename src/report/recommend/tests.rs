//! The rules on facts written by hand: what fires, what does not, what is quoted.

use super::*;
use crate::framework::Area;
use crate::framework::Line;
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::findings::tests::{cell, change, example};
use crate::report::findings::{Over, RoleExpertise};
use crate::score::{Difference, Versus};

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
    let mut f = Findings { year: 2026, kind: None, cells: vec![c.clone()], role_expertise: vec![], line_gaps: vec![] };
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
