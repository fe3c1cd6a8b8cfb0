//! The findings' and page 1's rules, on facts written by hand.

use super::*;
use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::score::Difference;
use crate::score::{Change, Versus, Why};

/// A cell of 12 respondents, published, with P25–P75 median ± 10 over 12 of 12
/// institutions, not clearly different from the other institutions' staff (at the
/// median).
pub fn cell(line: Line, area: Option<Area>, own: f64, median: f64) -> Cell {
    Cell {
        line,
        area,
        own: Some((own, 12)),
        published: true,
        quartiles: Some((median - 10.0, median, median + 10.0)),
        over: Over { shown: 12, institutions: 12, published: true, ..Over::default() },
        rank: None,
        versus: Some(Versus::Within),
        rest: Some((median, 300)),
        change: None,
        withheld: None,
    }
}

pub fn change(prev: u16, diff: f64, lo: f64, hi: f64) -> Option<Change> {
    Some(Change { previous_year: prev, previous: 50.0, change: Difference::unpaired(diff, Some((lo, hi))) })
}

/// Line 1 at 60 in every area (sector median 55), line 2 at 50 except SW 38 (median
/// 52); line 2 fell in every area since 2025, only SW beyond chance.
pub fn example() -> Findings {
    let mut cells = vec![cell(Line::L1, None, 60.0, 55.0)];
    cells[0].versus = Some(Versus::Above);
    for a in Area::ALL {
        cells.push(cell(Line::L1, Some(a), 60.0 + a as u8 as f64, 55.0));
    }
    cells.push(cell(Line::L2, None, 47.0, 52.0));
    for a in Area::ALL {
        let (own, ch) = match a {
            Area::SW => (38.0, change(2025, -12.0, -20.0, -4.0)),
            _ => (50.0, change(2025, -3.0, -9.0, 3.0)),
        };
        let mut c = cell(Line::L2, Some(a), own, 52.0);
        c.change = ch;
        if a == Area::SW {
            c.versus = Some(Versus::Below);
        }
        cells.push(c);
    }
    cells[5].change = change(2025, -5.0, -9.0, -1.0);
    Findings { year: 2026, kind: Some(Sector::Mbo), cells, role_expertise: vec![], line_gaps: vec![] }
}

#[test]
fn page_one_says_where_the_institution_stands_in_dutch() {
    let s = example().sentences(Lang::Nl);
    assert_eq!(s[0], "In 2026 vulden 24 medewerkers de vragenlijst in: 12 in de 1e lijn en 12 in de 2e lijn.");
    // Line 1 at 60 against P25–P75 45–65, line 2 at 47 against 42–62: both between.
    assert_eq!(
        s[1],
        "Positie onder de instellingen (totaalscore per lijn): uw 1e lijn en 2e lijn in de middelste helft."
    );
    assert_eq!(
        s[2],
        "Uw 1e lijn scoort aantoonbaar hoger dan de medewerkers van de andere instellingen; uw 2e lijn verschilt niet aantoonbaar van hen; per aandachtsgebied aantoonbaar anders: Samenwerking in de 2e lijn (lager)."
    );
    // Line 2 fell in all four areas, only SW beyond chance; its total −5 (−9 to −1).
    assert_eq!(
        s[3],
        "Uw 2e lijn scoort in alle vier aandachtsgebieden lager dan in 2025 (alleen bij Samenwerking is de daling groter dan toeval); als geheel aantoonbaar veranderd: 2e lijn −5,0."
    );
    // Highest: line 1 SW (60 + 3 = 63 against P25–P75 45–65: middle half); lowest:
    // line 2 SW (38 against 42–62: lowest quarter).
    assert_eq!(
        s[4],
        "Uw hoogste eigen score is die voor Samenwerking in de 1e lijn (63,0; middelste helft), uw laagste die voor Samenwerking in de 2e lijn (38,0; laagste kwart)."
    );
    assert_eq!(s.len(), 5);
}

#[test]
fn the_position_follows_the_quartiles_and_the_test_is_never_called_equal() {
    let mut f = example();
    // Line 1 exactly at its P75 (60 = 50 + 10): middle half, not highest; line 2
    // just below its P25 (41.9 < 42): lowest quarter.
    f.cells[0].quartiles = Some((40.0, 50.0, 60.0));
    f.cells[5].own = Some((41.9, 12));
    f.cells[0].versus = Some(Versus::Within);
    f.cells[5].versus = Some(Versus::Below);
    let s = f.sentences(Lang::Nl);
    assert_eq!(
        s[1],
        "Positie onder de instellingen (totaalscore per lijn): uw 1e lijn in de middelste helft, uw 2e lijn in het laagste kwart."
    );
    assert_eq!(
        s[2],
        "Uw 1e lijn verschilt niet aantoonbaar van de medewerkers van de andere instellingen; uw 2e lijn scoort aantoonbaar lager dan hen."
    );
    let en = f.sentences(Lang::En);
    assert_eq!(
        en[1],
        "Position among the institutions (line total): your line 1 in the middle half, your line 2 in the lowest quarter."
    );
    assert_eq!(
        en[2],
        "Your line 1 does not clearly differ from the staff of the other institutions; your line 2 scores clearly lower than them."
    );
    for t in s.iter().chain(&en) {
        for word in ["gelijk", "level", "equal", "binnen de sector", "within the sector"] {
            assert!(!t.contains(word), "{t}");
        }
    }
    assert_eq!(versus_words(Versus::Within, Lang::Nl), "geen aantoonbaar verschil");
    assert_eq!(versus_words(Versus::Within, Lang::En), "no clear difference");
}

#[test]
fn every_distribution_says_over_how_many_institutions_and_why_not_the_others() {
    let o = Over { shown: 6, institutions: 12, small: 4, protected: 2, pooled_hidden: None, published: true };
    assert_eq!(o.count(Lang::Nl), "6 van 12");
    assert_eq!(
        o.sentence(3, 5, Lang::Nl),
        "P25–P75 over 6 van 12 instellingen; de andere 6 niet getoond: 4 met te weinig respondenten (<5) en 2 afgeschermd om een kleine groep te beschermen."
    );
    assert_eq!(
        o.sentence(3, 5, Lang::En),
        "P25–P75 over 6 of 12 institutions; the other 6 are not shown: 4 with too few respondents (<5) and 2 protected to keep a small group from being worked back."
    );
    let all = Over { shown: 12, institutions: 12, published: true, ..Over::default() };
    assert_eq!(all.sentence(3, 5, Lang::Nl), "P25–P75 over alle 12 instellingen.");
    // Two shown of five, none small or protected by its own size: too few
    // institutions, which is not "too small".
    let few = Over { shown: 2, institutions: 3, small: 1, ..Over::default() };
    assert_eq!(
        few.sentence(3, 5, Lang::Nl),
        "Geen P25–P75: 2 van 3 instellingen getoond, te weinig voor een verdeling (minstens 3); niet getoond: 1 met te weinig respondenten (<5)."
    );
    assert!(!few.sentence(3, 5, Lang::Nl).contains("te klein"));
    let pooled =
        Over { shown: 4, institutions: 5, protected: 1, pooled_hidden: Some(Why::ProtectsPooled), ..Over::default() };
    assert_eq!(
        pooled.sentence(3, 5, Lang::En),
        "No P25–P75: the sector figure is protected to keep small groups from being worked back."
    );
}

#[test]
fn a_pooled_figure_withheld_for_too_few_institutions_never_counts_as_shown() {
    // hbo with one institution with respondents (its own score shown elsewhere): the
    // sector figure needs 3, so the row shows nothing; its count says "1 instelling",
    // not "1 van 1" beside "te weinig instellingen".
    let one = Over { shown: 1, institutions: 1, pooled_hidden: Some(Why::FewInstitutions), ..Over::default() };
    assert_eq!(one.count(Lang::Nl), "1 instelling");
    assert_eq!(one.count(Lang::En), "1 institution");
    assert_eq!(
        one.sentence(3, 5, Lang::Nl),
        "Geen sectorcijfer en geen P25–P75: 1 instelling met respondenten, minder dan de 3 die nodig zijn."
    );
    let two = Over { shown: 1, institutions: 2, small: 1, pooled_hidden: Some(Why::FewInstitutions), ..one };
    assert_eq!(two.count(Lang::Nl), "2 instellingen");
    assert_eq!(
        two.sentence(3, 5, Lang::En),
        "No sector figure and no P25–P75: 2 institutions with respondents, fewer than the 3 needed."
    );
}

#[test]
fn a_printed_difference_is_the_difference_of_the_printed_figures() {
    // 60.08 prints as 60,1 and 63.43 as 63,4: the unrounded difference is 3.35 (which
    // would print as 3,4), the printed one 63,4 − 60,1 = 3,3.
    assert_eq!(num(60.08, Lang::Nl), "60,1");
    assert_eq!(num(63.43, Lang::Nl), "63,4");
    assert_eq!(signed(crate::score::shown_difference(60.08, 63.43), Lang::Nl), "+3,3");
    // 49.96 → 50,0 and 47.24 → 47,2: −2.72 unrounded, −2,8 as printed.
    assert_eq!(signed(crate::score::shown_difference(49.96, 47.24), Lang::En), "−2.8");
    // The rule over a sweep of figures: subtracting the printed figures gives the
    // printed difference, every time (the unrounded one misses it for some).
    let parse = |s: String| s.replace(',', ".").replace('−', "-").parse::<f64>().unwrap();
    let mut missed = 0;
    for i in 0..400 {
        let a = 40.0 + i as f64 * 0.0137;
        let b = 55.0 + i as f64 * 0.0291;
        let d = crate::score::shown_difference(a, b);
        let by_hand = parse(num(b, Lang::Nl)) - parse(num(a, Lang::Nl));
        assert!((parse(signed(d, Lang::Nl)) - by_hand).abs() < 1e-9, "{a} {b}");
        missed += usize::from((parse(signed(b - a, Lang::Nl)) - by_hand).abs() > 1e-9);
    }
    assert!(missed > 50, "{missed}");
}

#[test]
fn no_minus_zero_and_the_edition_named_once() {
    assert_eq!(signed(-0.04, Lang::Nl), "0,0");
    assert_eq!(signed(0.04, Lang::En), "0.0");
    assert_eq!(signed(-0.05, Lang::Nl), "−0,1");
    assert_eq!(num(-0.04, Lang::Nl), "0,0");
    assert_eq!(
        subtitle(Some(Sector::Mbo), "raamwerk-2017", Lang::Nl),
        "Onderwijssoort: mbo · raamwerkeditie raamwerk-2017"
    );
    assert_eq!(subtitle(None, "raamwerk-2017", Lang::En), "Type of education: — · framework edition raamwerk-2017");
}

#[test]
fn a_line_too_small_to_show_leaves_the_total_unsaid() {
    let mut f = example();
    for c in f.cells.iter_mut().filter(|c| c.line == Line::L2) {
        c.own = None;
    }
    assert_eq!(
        f.sentences(Lang::Nl)[0],
        "In 2026 vulden medewerkers de vragenlijst in: 12 in de 1e lijn en enkelen in de 2e lijn."
    );
}

#[test]
fn and_in_english_and_without_a_previous_year() {
    let mut f = example();
    for c in &mut f.cells {
        c.change = None;
        c.versus = None;
    }
    let s = f.sentences(Lang::En);
    // No test: only the position. Line 1 at 60 with P25–P75 45–65: middle half;
    // line 2 at 47 with 42–62: middle half too.
    assert_eq!(s[1], "Position among the institutions (line total): your line 1 and line 2 in the middle half.");
    assert_eq!(s[2], "There is no earlier year to compare with: this is the first survey with this framework edition.");
    assert_eq!(s.len(), 4, "{s:?}");
}

#[test]
fn a_line_that_changed_beyond_chance_is_named_when_no_line_moved_as_a_whole() {
    let mut f = example();
    for c in &mut f.cells {
        c.change = change(2024, 1.0, -2.0, 4.0);
    }
    f.cells[0].change = change(2024, 6.2, 1.0, 11.4);
    let s = f.sentences(Lang::Nl);
    // Both lines rose in all four areas (+1 each), none beyond chance; line 1's total
    // +6,2 (1,0 to 11,4) beyond chance.
    assert_eq!(
        s[3],
        "Uw 1e lijn en 2e lijn scoren in alle vier aandachtsgebieden hoger dan in 2024 (bij geen ervan is de stijging groter dan toeval); als geheel aantoonbaar veranderd: 1e lijn +6,2."
    );
    for c in &mut f.cells {
        if c.area.is_some() {
            c.change = change(2024, if c.area == Some(Area::VB) { -1.0 } else { 1.0 }, -2.0, 4.0);
        }
    }
    let s = f.sentences(Lang::Nl);
    assert_eq!(s[3], "Sinds 2024 aantoonbaar veranderd: 1e lijn +6,2; de rest niet aantoonbaar.");
}

#[test]
fn a_line_that_fell_everywhere_is_named_beside_those_that_rose() {
    // Three lines: 1 and 3 rose in all four areas (+2, none beyond chance), line 2
    // fell in all four (−4, all beyond chance). The summary names all three (it used
    // to name the first two moves and drop the third).
    let mut f = example();
    let mut l3 = vec![cell(Line::L3, None, 55.0, 50.0)];
    for a in Area::ALL {
        l3.push(cell(Line::L3, Some(a), 55.0, 50.0));
    }
    f.cells.extend(l3);
    for c in &mut f.cells {
        c.change = match (c.line, c.area) {
            (_, None) => change(2025, 0.5, -3.0, 4.0),
            (Line::L2, Some(_)) => change(2025, -4.0, -7.0, -1.0),
            (_, Some(_)) => change(2025, 2.0, -1.0, 5.0),
        };
    }
    let s = f.sentences(Lang::Nl);
    assert_eq!(
        s[3],
        "Uw 1e lijn en 3e lijn scoren in alle vier aandachtsgebieden hoger dan in 2025 (bij geen ervan is de stijging groter dan toeval); uw 2e lijn scoort in alle vier aandachtsgebieden lager dan in 2025 (overal is de daling groter dan toeval)."
    );
    let s = f.sentences(Lang::En);
    assert_eq!(
        s[3],
        "Your line 1 and line 3 score higher than in 2025 in all four areas (in none of them is the rise larger than chance); your line 2 scores lower than in 2025 in all four areas (everywhere the fall is larger than chance)."
    );
    // The rule for falls is the rule for rises: line 2 alone fell, line 1 alone rose.
    for c in f.cells.iter_mut().filter(|c| c.line == Line::L3) {
        c.change = None;
    }
    let s = f.sentences(Lang::Nl);
    assert!(
        s[3].contains("uw 2e lijn scoort in alle vier aandachtsgebieden lager")
            && s[3].starts_with("Uw 1e lijn scoort"),
        "{}",
        s[3]
    );
}

#[test]
fn the_highest_own_score_is_never_called_strongest_against_its_band() {
    // Every area of line 1 in the lowest quarter (own 60–63 against P25 70, median 80,
    // P75 90); line 2's lowest (38) in the highest quarter (P75 30). The sentence says
    // what the figures are: its own highest and lowest, each with the band printed
    // beside it on page 1.
    let mut f = example();
    for c in f.cells.iter_mut() {
        c.quartiles = Some(if c.line == Line::L1 { (70.0, 80.0, 90.0) } else { (10.0, 20.0, 30.0) });
    }
    let s = f.sentences(Lang::Nl);
    assert_eq!(
        s[4],
        "Uw hoogste eigen score is die voor Samenwerking in de 1e lijn (63,0; laagste kwart), uw laagste die voor Samenwerking in de 2e lijn (38,0; hoogste kwart)."
    );
    for w in ["sterkst", "zwakst"] {
        assert!(s.iter().all(|x| !x.contains(w)), "{s:?}");
    }
    let s = f.sentences(Lang::En);
    assert_eq!(
        s[4],
        "Your highest own score is for Cooperation in line 1 (63.0; lowest quarter), your lowest for Cooperation in line 2 (38.0; highest quarter)."
    );
    // Without quartiles beside them, the scores alone.
    for c in f.cells.iter_mut() {
        c.quartiles = None;
    }
    let s = f.sentences(Lang::Nl);
    let own = s.iter().find(|x| x.starts_with("Uw hoogste eigen score")).unwrap();
    assert!(own.ends_with("(63,0), uw laagste die voor Samenwerking in de 2e lijn (38,0)."), "{own}");
}

#[test]
fn the_how_to_read_example_is_the_portrets_own_count() {
    // The example's line 1 total: 12 shown of 12.
    let mut f = example();
    f.cells[0].over = Over { shown: 9, institutions: 12, small: 3, published: true, ..Over::default() };
    let h = how_to_read(&f, Lang::Nl, 5).join(" ");
    assert!(h.contains("(bij uw 1e lijn \"9 van 12\": 9 getoond van de 12 met respondenten)"), "{h}");
    assert!(!h.contains("6 van 12"), "{h}");
    let h = how_to_read(&f, Lang::En, 5).join(" ");
    assert!(h.contains("(for your line 1 \"9 of 12\": 9 shown of the 12 with respondents)"), "{h}");
    // No line with a published distribution: no figure invented, the count in letters.
    for c in f.cells.iter_mut() {
        c.over.published = false;
    }
    let h = how_to_read(&f, Lang::Nl, 5).join(" ");
    assert!(h.contains("(\"N van M\": N getoond van de M met respondenten)"), "{h}");
}
#[test]
fn an_interval_bound_never_prints_as_zero_unless_it_is() {
    // 0.049 rounds to 0,0 at one decimal: printed with two, +0,05; −0.004 needs
    // three; 3.04 and −2.96 print as ever; 0 is 0,0.
    assert_eq!(bound(0.049, Lang::Nl), "+0,05");
    assert_eq!(bound(-0.004, Lang::Nl), "−0,004");
    assert_eq!(bound(0.049, Lang::En), "+0.05");
    assert_eq!(bound(3.04, Lang::Nl), "+3,0");
    assert_eq!(bound(-2.96, Lang::Nl), "−3,0");
    assert_eq!(bound(0.0, Lang::Nl), "0,0");
}
#[test]
fn an_area_that_changed_or_differs_beyond_chance_is_named_on_page_one() {
    // Line 1's total rose 2,0 (−3 to +7: chance), its areas moved both ways, and only
    // Visie en beleid rose beyond chance: +13,2 (+1,0 to +25,4). Line 2 did not
    // change. The change sentence names that area, not "no line changed".
    let mut f = example();
    for c in &mut f.cells {
        c.change = match (c.line, c.area) {
            (Line::L1, None) => change(2025, 2.0, -3.0, 7.0),
            (Line::L1, Some(Area::VB)) => change(2025, 13.2, 1.0, 25.4),
            (Line::L1, Some(_)) => change(2025, -1.0, -5.0, 3.0),
            _ => change(2025, 0.0, -4.0, 4.0),
        };
    }
    let s = f.sentences(Lang::Nl);
    assert_eq!(s[3], "Sinds 2025 aantoonbaar veranderd: 1e lijn Visie en beleid +13,2; de rest niet aantoonbaar.");
    let en = f.sentences(Lang::En);
    assert_eq!(en[3], "Changed beyond chance since 2025: line 1 Vision and policy +13.2; the rest not clearly.");
    // Nothing beyond chance anywhere: said of lines and areas both.
    f.cells[1].change = change(2025, 13.2, -1.0, 25.4);
    assert_eq!(f.sentences(Lang::Nl)[3], "Sinds 2025 is geen lijn of aandachtsgebied aantoonbaar veranderd.");
    // Staff: line 2's total does not differ clearly, its Samenwerking (Cooperation) is clearly lower
    // (example()): named after the lines' verdicts, in both languages.
    assert!(en[2].ends_with("; by area, clearly different: Cooperation in line 2 (lower)."), "{}", en[2]);
}
#[test]
fn a_line_protected_for_others_is_said_to_be_untested_not_left_out() {
    // Line 2 is shown to the institution but kept out of every comparison to protect
    // a small group elsewhere: no test, no mean of the others, no change. Page 1 says
    // so, and "no line changed" becomes "no tested line changed".
    let mut f = example();
    for c in f.cells.iter_mut() {
        c.change = None;
        if c.line == Line::L2 {
            c.versus = None;
            c.rest = None;
            c.withheld = Some(crate::score::Why::Protects);
        }
    }
    f.cells[0].change = change(2025, 1.0, -2.0, 4.0);
    let s = f.sentences(Lang::Nl);
    assert_eq!(s[2], "Uw 1e lijn scoort aantoonbaar hoger dan de medewerkers van de andere instellingen.");
    assert_eq!(
        s[3],
        "Uw 2e lijn is niet vergeleken met de andere instellingen of met eerdere jaren: afgeschermd, om een kleine groep elders te beschermen; de cijfers ziet alleen u."
    );
    assert_eq!(s[4], "Sinds 2025 is geen getoetste lijn of aandachtsgebied aantoonbaar veranderd.");
    assert_eq!(f.cells[5].withheld_mark(Lang::En), Some("protected"));
    assert_eq!(f.untested_lines(), vec![Line::L2]);
    // Two lines: plural.
    for c in f.cells.iter_mut() {
        c.versus = None;
        c.withheld = Some(crate::score::Why::Protects);
    }
    assert!(f.sentences(Lang::Nl).iter().any(|s| s.starts_with("Uw 1e lijn en 2e lijn zijn niet vergeleken")));
    assert!(f.sentences(Lang::En).iter().any(
        |s| s.starts_with("Your line 1 and line 2 are not compared") && s.ends_with("only you see their figures.")
    ));
}
#[test]
fn a_short_page_gives_up_only_the_optional_sentences() {
    // example(): who, position, verdicts (with line 2's Samenwerking), change are
    // essential; the highest/lowest sentence is optional. Line 2 protected adds an
    // essential sentence, never at the cost of the change sentence.
    let f = example();
    let all = f.sentences(Lang::Nl);
    let essential = f.essential_sentences(Lang::Nl);
    assert_eq!(essential.len(), 4);
    assert_eq!(all.len(), 5);
    assert_eq!(all[..4], essential[..]);
    assert!(all[4].starts_with("Uw hoogste eigen score"));
    assert!(essential[3].contains("lager dan in 2025"), "{}", essential[3]);
    let mut g = example();
    for c in g.cells.iter_mut().filter(|c| c.line == Line::L2) {
        c.versus = None;
        c.withheld = Some(crate::score::Why::Protects);
    }
    let e = g.essential_sentences(Lang::Nl);
    assert!(e.iter().any(|s| s.starts_with("Uw 2e lijn is niet vergeleken")));
    assert!(e.last().unwrap().contains("2025"), "the change sentence stays: {e:?}");
}
