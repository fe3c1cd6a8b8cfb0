//! The portret as a document: lays out a [`Portret`] as a [`Flow`] of blocks, which
//! `pdf.rs` sets on A4 and `html.rs` writes as a web page. Page 1: where the institution
//! stands (sentences, the table in colour and words, its notes, how to read it); then the
//! chart, the own series with the change, the position in the peer group, teams and
//! locations, recommendations, the highest and lowest items, and the method notes. It
//! chooses nothing: every row and text comes from the model.

use anyhow::Result;

use super::model::{Advice, PeerPosition, Portret, Standing, Verdict};
use crate::framework::{Area, Line};
use crate::report::charts;
use crate::report::findings::{self, num};
use crate::report::flow::{Cell, Column, Flow, Just, NEAR_EMPTY};
use crate::report::pdf::WIDTH;
use crate::report::words::Word;
use crate::report::ReportContext;

/// The most years the series table shows (the workbook has them all).
const SERIES_YEARS: usize = 5;

/// The portret as a flow of blocks. Page 1 is one page: laid out in full, and where that
/// spills (a long name, English, many notes), again with fewer sentences (the table holds
/// every figure they give), the notes joined, and last the glossary and then the
/// how-to-read box moved to the top of page 2 (a national run: counts of four digits
/// take two lines a row).
pub fn flow(ctx: &ReportContext<'_>, p: &Portret) -> Result<Flow> {
    let lang = ctx.lang.code();
    let page_one_at = |compact: usize| {
        let mut f = Flow::new(&p.title, lang);
        page_one(ctx, &mut f, p, compact);
        f
    };
    let mut laid_out: Vec<Option<Flow>> = (0..=MOST_COMPACT).map(|_| None).collect();
    let used = least_compaction(LAST_COMPACTION.get(), |c| {
        let f = page_one_at(c);
        let fits = crate::report::pdf::page_count(&f) == 1;
        laid_out[c] = Some(f);
        fits
    });
    LAST_COMPACTION.set(used);
    let mut f = laid_out[used].take().unwrap_or_else(|| page_one_at(used));
    // The chart, drawn for the page's width; above it what page 1 had no room left for
    // (in a national run the counts, "1000 van 1000", take two lines a row): the
    // how-to-read box and the glossary, in that order.
    f.new_page();
    if used >= 4 {
        f.text_box(&p.how_to_read);
    }
    if used >= 3 {
        f.small(&p.glossary);
    }
    f.chart(Box::new(charts::benchmark::Benchmark::for_portret(ctx, &p.institution, p.year)), WIDTH);
    // Its position in the peer group under the chart of its position; then the series.
    peer(ctx, &mut f, p);
    series(ctx, &mut f, p);
    teams(ctx, &mut f, p);
    advice(ctx, &mut f, p);
    items(ctx, &mut f, p);
    f.heading(ctx.w(Word::NotesSheet));
    for (k, v) in &p.method {
        f.subheading(k);
        f.small(v);
    }
    Ok(f.done(&format!("{} {}", p.institution, p.year), (ctx.w(Word::Page), ctx.w(Word::Of))))
}

/// The most compact page 1 (`page_one`'s `compact`).
const MOST_COMPACT: usize = 4;

thread_local! {
    /// How compact the last portret laid out on this thread had to be: the portrets of
    /// one run are alike (at national scale nearly all need their glossary moved), so
    /// the search for the next starts there — two layouts of page 1 instead of five.
    static LAST_COMPACTION: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The least compaction (0 to [`MOST_COMPACT`]) at which page 1 `fits`, looked for from
/// `start`: down while the one below fits too, else up until one fits (the most compact
/// when none does). Each level only takes from page 1, so whatever fits at one level
/// fits at every level above it, and the answer is the same from any start.
fn least_compaction(start: usize, mut fits: impl FnMut(usize) -> bool) -> usize {
    let mut c = start.min(MOST_COMPACT);
    if fits(c) {
        while c > 0 && fits(c - 1) {
            c -= 1;
        }
        return c;
    }
    while c < MOST_COMPACT {
        c += 1;
        if fits(c) {
            return c;
        }
    }
    MOST_COMPACT
}

/// Page 1: where the institution stands, in sentences, the table, its notes and how to
/// read it. `compact` 0 gives every sentence; 1 and 2 only the essential ones, 2 also
/// joins the notes under the table into one paragraph; 3 leaves the glossary and 4 the
/// how-to-read box to the top of page 2.
fn page_one(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret, compact: usize) {
    f.title(&p.title, &p.subtitle);
    if let Some(warning) = p.warning {
        f.paragraph(warning, 10.0, charts::canvas::WARNING);
    }
    f.heading(ctx.w(Word::WhereYouStand));
    let optional: &[String] = if compact == 0 { &p.optional } else { &[] };
    for s in p.essential.iter().chain(optional) {
        f.paragraph(s, 9.0, charts::canvas::DARK);
    }
    // The table: own score; its position among the institutions (the quartiles, the
    // band); its staff against the other institutions' staff (their mean, the test). In
    // colour and words, one line a row. The changes, each with its interval, are on
    // page 2 with the series; the position in the peer group beside them.
    let cols = [
        Column { head: ctx.w(Word::Line), width: 28.0, just: Just::Left },
        Column { head: ctx.w(Word::Area), width: 96.0, just: Just::Left },
        Column { head: "n", width: 18.0, just: Just::Right },
        Column { head: ctx.w(Word::OwnScore), width: 28.0, just: Just::Right },
        Column { head: "P25", width: 24.0, just: Just::Right },
        Column { head: ctx.w(Word::Median), width: 35.0, just: Just::Right },
        Column { head: "P75", width: 24.0, just: Just::Right },
        Column { head: ctx.w(Word::Institutions), width: 44.0, just: Just::Center },
        Column { head: ctx.w(Word::PositionAmongInstitutions), width: 60.0, just: Just::Center },
        Column { head: ctx.w(Word::OtherInstitutions), width: 46.0, just: Just::Right },
        Column { head: ctx.w(Word::DifferenceFromSector), width: WIDTH - 403.0, just: Just::Center },
    ];
    let rows: Vec<Vec<Cell>> = p.standing.iter().map(|s| standing_row(ctx, s)).collect();
    f.table(&cols, &rows, 7.0);
    let mut notes = p.distribution_notes.clone();
    notes.extend(p.protected_note.map(str::to_string));
    if compact < 2 {
        for note in notes {
            f.small(&note);
        }
    } else {
        f.small(&notes.join(" "));
    }
    // How to read it, beside the table it explains, and the abbreviations of the page
    // (from `compact` 3 the glossary, from 4 the box too, at the top of page 2, where
    // page 1 is full without them).
    if compact < 4 {
        f.text_box(&p.how_to_read);
    }
    if compact < 3 {
        f.small(&p.glossary);
    }
}

fn standing_row(ctx: &ReportContext<'_>, s: &Standing) -> Vec<Cell> {
    let strong = |t: String| if s.is_total() { Cell::strong(t) } else { Cell::new(t) };
    let q = |i: usize| s.quartiles.map_or(String::new(), |q| num([q.0, q.1, q.2][i], ctx.lang));
    vec![
        strong(s.line_label.clone()),
        strong(s.area_label.clone()),
        Cell::new(s.n.map_or(String::new(), |n| n.to_string())),
        strong(s.own.text(ctx)),
        Cell::new(q(0)),
        Cell::new(q(1)),
        Cell::new(q(2)),
        Cell::new(s.institutions.clone()),
        match &s.position {
            Some((band, words)) => Cell::filled(words.clone(), findings::band_colour(*band)),
            None => Cell::new(""),
        },
        Cell::new(s.rest.text(ctx)),
        match &s.versus {
            Verdict::Tested(v, words) => Cell::filled(*words, findings::versus_colour(*v)),
            Verdict::Withheld(mark) => Cell::new(*mark),
            Verdict::None => Cell::new(""),
        },
    ]
}

/// The own series (the last [`SERIES_YEARS`] years) with the change since the previous
/// year and its interval.
fn series(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret) {
    let years = &p.series.years;
    f.heading(ctx.w(Word::ChangeAndOwn));
    let listed = years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ");
    f.text(&format!("{} ({listed}), {}", ctx.w(Word::SeriesIntro), ctx.w(Word::SeriesIntroChange)));
    let from = years.len().saturating_sub(SERIES_YEARS);
    let shown = &years[from..];
    if from > 0 {
        f.small(ctx.w(Word::SeriesLastFive));
    }
    let year_w = 34.0;
    let rest = WIDTH - 42.0 - 104.0 - year_w * shown.len() as f32;
    let heads: Vec<String> = shown.iter().map(|y| y.to_string()).collect();
    let mut cols = vec![
        Column { head: ctx.w(Word::Line), width: 42.0, just: Just::Left },
        Column { head: ctx.w(Word::Area), width: 104.0, just: Just::Left },
    ];
    for h in &heads {
        cols.push(Column { head: h, width: year_w, just: Just::Right });
    }
    // Its first year taken part has no change: the header says so.
    let change_head = if years.len() < 2 { ctx.w(Word::ChangeFirstYear) } else { ctx.w(Word::Change95Interval) };
    cols.push(Column { head: change_head, width: rest, just: Just::Left });
    let rows: Vec<Vec<Cell>> = p
        .series
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::new(r.line_label.clone()), Cell::new(r.area_label.clone())];
            row.extend(r.values[from..].iter().map(|v| Cell::new(v.text(ctx))));
            row.push(Cell::new(r.change.clone()));
            row
        })
        .collect();
    f.table(&cols, &rows, 7.0);
    f.small(&p.series.editions_note);
}

/// Its position in its peer group, per line (rows) and scope (columns), where a
/// benchmark is published.
fn peer(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret) {
    if p.standing.iter().all(|s| s.peer.is_none()) {
        return;
    }
    f.heading(ctx.w(Word::PositionInPeer));
    f.small(ctx.w(Word::PeerIntro));
    let area_heads: Vec<&str> = Area::ALL.iter().map(|a| a.label(ctx.lang)).collect();
    let each = (WIDTH - 42.0) / 5.0;
    let mut cols = vec![
        Column { head: ctx.w(Word::Line), width: 42.0, just: Just::Left },
        Column { head: ctx.w(Word::Total), width: each, just: Just::Center },
    ];
    for h in &area_heads {
        cols.push(Column { head: h, width: each, just: Just::Center });
    }
    let mut rows = Vec::new();
    for line in Line::ALL {
        let of_line: Vec<&Standing> = p.standing.iter().filter(|s| s.line == line).collect();
        if of_line.iter().all(|s| s.peer.is_none()) {
            continue;
        }
        let mut row = vec![Cell::new(line.label(ctx.lang))];
        for area in std::iter::once(None).chain(Area::ALL.into_iter().map(Some)) {
            let words = of_line.iter().find(|s| s.area == area).and_then(|s| s.peer.as_ref());
            row.push(Cell::new(match words {
                Some(PeerPosition::Known(w)) => w.clone(),
                Some(PeerPosition::NoPeerGroup(w)) => w.to_string(),
                None => String::new(),
            }));
        }
        rows.push(row);
    }
    f.table(&cols, &rows, 7.0);
}

/// Teams and locations (only where the input names them).
fn teams(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret) {
    let Some(teams) = &p.teams else { return };
    // A page of their own (the page a coordinator hands to team leaders), unless the
    // page so far holds only the end of the table before: no page before the last is
    // left less than a quarter filled.
    f.new_page_if_filled(NEAR_EMPTY);
    f.heading(ctx.w(Word::TeamsAndLocations));
    f.text(teams.intro);
    let mut cols = vec![
        Column { head: ctx.w(Word::TeamOrLocation), width: 118.0, just: Just::Left },
        Column { head: ctx.w(Word::Line), width: 42.0, just: Just::Left },
        Column { head: "n", width: 28.0, just: Just::Right },
        Column { head: ctx.w(Word::Total), width: 43.0, just: Just::Right },
    ];
    let area_heads: Vec<&str> = Area::ALL.iter().map(|a| a.label(ctx.lang)).collect();
    for h in &area_heads {
        cols.push(Column { head: h, width: (WIDTH - 231.0) / 4.0, just: Just::Right });
    }
    let rows: Vec<Vec<Cell>> = teams
        .rows
        .iter()
        .map(|t| {
            let mut row = vec![
                Cell::new(format!("{} ({})", t.name, t.grouping)),
                Cell::new(t.line_label.clone()),
                Cell::new(t.n.map_or(String::new(), |n| n.to_string())),
            ];
            row.extend(t.values.iter().map(|v| Cell::new(v.text(ctx))));
            row
        })
        .collect();
    f.table(&cols, &rows, 7.0);
    f.small(&teams.note);
}

fn advice(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret) {
    f.heading(ctx.w(Word::Recommendations));
    match &p.advice {
        Advice::NothingHolds { title, text, source } => {
            f.paragraph(title, 10.0, [0, 63, 102]);
            f.text(text);
            f.small(&format!("{}: {source}", ctx.w(Word::Source)));
        }
        Advice::Recommendations(recs) => {
            for r in recs {
                f.subheading(&r.title);
                f.text(&r.text);
                f.small(&format!("{}: {} · {}: {}", ctx.w(Word::Finding), r.finding, ctx.w(Word::Source), r.source));
            }
        }
    }
}

/// Its highest and lowest items: its own scores, named as such (no position beside them
/// to call them strong or weak), each with its n and the sector's score.
fn items(ctx: &ReportContext<'_>, f: &mut Flow, p: &Portret) {
    f.heading(ctx.w(Word::HighestAndLowestItems));
    for note in p.items_notes {
        f.small(note);
    }
    let fixed = 42.0 + 40.0 + 50.0 + 22.0 + 34.0 + 36.0;
    let cols = [
        Column { head: ctx.w(Word::Line), width: 42.0, just: Just::Left },
        Column { head: "", width: 40.0, just: Just::Left },
        Column { head: "Item", width: 50.0, just: Just::Left },
        Column { head: ctx.w(Word::Text), width: WIDTH - fixed, just: Just::Left },
        Column { head: "n", width: 22.0, just: Just::Right },
        Column { head: ctx.w(Word::OwnShort), width: 34.0, just: Just::Right },
        Column { head: ctx.w(Word::Sector), width: 36.0, just: Just::Right },
    ];
    let rows: Vec<Vec<Cell>> = p
        .items
        .iter()
        .map(|it| {
            vec![
                Cell::new(it.line_label.clone()),
                Cell::new(it.which),
                Cell::new(it.id.clone()),
                Cell::new(it.text.clone()),
                Cell::new(it.n.to_string()),
                Cell::new(num(it.own, ctx.lang)),
                Cell::new(it.sector.map_or(String::new(), |s| num(s, ctx.lang))),
            ]
        })
        .collect();
    f.table(&cols, &rows, 7.0);
}

#[cfg(test)]
mod tests {
    use super::{least_compaction, MOST_COMPACT};

    #[test]
    fn the_least_compaction_is_found_from_any_start_as_by_trying_each_in_turn() {
        // Every monotone page 1: it fits from level `first` on (first = 5: never).
        for first in 0..=MOST_COMPACT + 1 {
            let linear = (0..=MOST_COMPACT).find(|&c| c >= first).unwrap_or(MOST_COMPACT);
            for start in 0..=MOST_COMPACT {
                let mut tried = Vec::new();
                let got = least_compaction(start, |c| {
                    tried.push(c);
                    c >= first
                });
                assert_eq!(got, linear, "first {first}, start {start}");
                // Never more layouts than trying each in turn, and from the right start
                // only two (it fits, the one below does not) or one (level 0).
                assert!(tried.len() <= MOST_COMPACT + 1);
                if start == linear.min(first) {
                    assert!(tried.len() <= 2, "{tried:?}");
                }
            }
        }
        // By hand: a national run's portret needs level 3 (glossary moved); the last one
        // needed 3 too: 3 fits, 2 does not — two layouts.
        let mut tried = Vec::new();
        assert_eq!(
            least_compaction(3, |c| {
                tried.push(c);
                c >= 3
            }),
            3
        );
        assert_eq!(tried, vec![3, 2]);
    }
}
