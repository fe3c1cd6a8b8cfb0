//! The PDF layout's rules: dates, type sizes, tagging, tables across pages.

use super::draw::*;
use super::layout::*;
use super::*;
use crate::report::charts::canvas::{Align, Op, VAlign, DARK};
use crate::report::charts::{Canvas, Chart};
use krilla::tagging::TagKind;

#[test]
fn civil_dates() {
    assert_eq!(civil(0), (1970, 1, 1));
    // 2026-01-01 is 20,454 days after 1970-01-01 (56 years, 14 leap days).
    assert_eq!(civil(20_454), (2026, 1, 1));
    assert_eq!(civil(20_454 + 59), (2026, 3, 1));
}

fn texts(p: &Page, role: fn(&Role) -> bool) -> Vec<String> {
    p.pieces
        .iter()
        .filter(|x| role(&x.role))
        .flat_map(|x| match &x.ink {
            Ink::Ops(ops) => ops.clone(),
            Ink::Chart { .. } => Vec::new(),
        })
        .filter_map(|o| match o {
            Op::Text { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_table_runs_onto_a_second_page_with_its_header_as_furniture() {
    let mut f = Flow::new("t", "nl");
    f.heading("Tabel");
    let cols = [Column { head: "Kop", width: 100.0, just: Just::Left }];
    let rows: Vec<Vec<Cell>> = (0..80).map(|i| vec![Cell::new(format!("rij {i}"))]).collect();
    f.table(&cols, &rows, 9.0);
    let mut l = Layout::new();
    for b in &f.blocks {
        l.block(b);
    }
    assert_eq!(l.pages.len(), 2);
    let content = |r: &Role| matches!(r, Role::Content(_));
    let furniture = |r: &Role| matches!(r, Role::Artifact(_));
    // The header once as content (the table's TH), once more as furniture.
    assert_eq!(texts(&l.pages[0], content).iter().filter(|t| *t == "Kop").count(), 1);
    assert_eq!(texts(&l.pages[1], content).iter().filter(|t| *t == "Kop").count(), 0);
    assert_eq!(texts(&l.pages[1], furniture).iter().filter(|t| *t == "Kop").count(), 1);
    // Every row is one TR of the table's body: 80 rows and the header row.
    let trs = l.elements.iter().filter(|e| matches!(e.tag, TagKind::TR(_))).count();
    assert_eq!(trs, 81);
    let pdf = render(&f.done("t", ("pagina", "van")), 1_767_225_600).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// A chart with type of 20 px on a 1600 px canvas.
struct Wide;

impl Chart for Wide {
    fn size(&self) -> (u32, u32) {
        (1600, 400)
    }

    fn draw(&self, c: &mut Canvas) {
        c.text("klein", 10.0, 10.0, 20.0, DARK, Align::Left, VAlign::Top);
        c.text("titel", 10.0, 60.0, 38.0, DARK, Align::Left, VAlign::Top);
    }

    fn rows(&self) -> Vec<crate::report::charts::Row> {
        Vec::new()
    }

    fn meta(&self) -> crate::report::charts::Meta {
        crate::report::charts::Meta {
            title: "Titel".into(),
            year: None,
            alt: "Een grafiek.".into(),
            description: "Met cijfers.".into(),
        }
    }
}

#[test]
fn a_chart_is_drawn_for_its_place_so_no_type_prints_under_seven_points() {
    // 20 px on 1600 px set 500 pt wide would print at 20 × 500/1600 = 6.25 pt: the
    // chart is drawn on floor(500 × 20 / 7) = 1428 px instead: 20 × 500/1428 = 7.003.
    let (c, scale) = drawn_for(&Wide, 500.0);
    assert_eq!((c.w, c.h), (1428, 400));
    assert!((smallest_type(&c) * scale - 7.003).abs() < 0.001);
    // Where it fits, the chart keeps its size: 20 × 800/1600 = 10 pt.
    let (c, scale) = drawn_for(&Wide, 800.0);
    assert_eq!((c.w, scale), (1600, 0.5));
}

#[test]
fn a_name_the_font_cannot_set_still_makes_a_valid_pdf() {
    // DejaVu Sans has no emoji: 🎓 is set as U+FFFD (the span keeps the name as its
    // ActualText); the zero-width joiner and variation selector are left out.
    assert_eq!(settable("School A"), "School A");
    assert_eq!(settable("🎓 School\u{200D}\u{FE0F} B"), "\u{FFFD} School B");
    let mut f = Flow::new("🎓🎓 2026", "nl");
    f.title("🎓🎓 2026", "");
    f.heading("Waar staat u");
    f.text("🎓🎓 scoort hoger.");
    let pdf = render(&f.done("🎓🎓 2026", ("pagina", "van")), 0).expect("valid PDF/UA-1");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn every_block_is_tagged_and_passes_the_pdf_ua_validator() {
    let mut f = Flow::new("Titel van het document", "nl");
    f.title("Titel van het document", "ondertitel");
    f.heading("Eerste deel");
    f.text("Een alinea.");
    f.chart_beside_box(Box::new(Wide), &["Zo leest u dit".into(), "Eerste punt.".into(), "Tweede.".into()]);
    f.table(
        &[Column { head: "", width: 40.0, just: Just::Left }, Column { head: "Score", width: 60.0, just: Just::Right }],
        &[vec![Cell::new("a"), Cell::filled("", [200, 200, 200])]],
        7.0,
    );
    f.subheading("Een kopje");
    f.chart(Box::new(Wide), WIDTH);
    let f = f.done("voet", ("pagina", "van"));
    let pdf = render(&f, 0).expect("krilla's PDF/UA-1 validator accepts it");
    let raw = String::from_utf8_lossy(&pdf);
    for key in ["/StructTreeRoot", "/MarkInfo", "/Lang", "/DisplayDocTitle true", "/Alt", "/Outlines"] {
        assert!(raw.contains(key), "{key} missing");
    }
    // Structure: H1, P, H2, P, Figure, H3, L, Table, H3, Figure at the root.
    let mut l = Layout::new();
    for b in &f.blocks {
        l.block(b);
    }
    let kinds: Vec<String> =
        l.roots.iter().map(|&r| format!("{:?}", l.elements[r].tag).split('(').next().unwrap().to_string()).collect();
    assert_eq!(kinds, ["Hn", "P", "Hn", "P", "Figure", "Hn", "L", "Table", "Hn", "Figure"]);
    let levels: Vec<u16> = l.headings.iter().map(|h| h.0).collect();
    assert_eq!(levels, [1, 2, 3, 3]);
}
