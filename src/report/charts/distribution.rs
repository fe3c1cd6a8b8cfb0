//! How the institutions spread per line in one year: a dot per shown institution (its
//! line total) over the sector's middle half and median.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, Align, Canvas, Frame, VAlign, DARK, GREY};
use crate::report::charts::{say, source_line, Chart, Meta, Row, PALETTE};
use crate::report::words::{phrase, Word};
use crate::report::ReportContext;
use crate::score::Scope;

struct Group {
    line: Line,
    values: Vec<f64>,
    quartiles: Option<(f64, f64, f64)>,
    institutions: usize,
}

pub struct Distribution {
    year: u16,
    groups: Vec<Group>,
    frame: Frame,
    too_few: String,
    lang: crate::lang::Lang,
}

/// A fixed, data-independent spread of dots across a column (no randomness, so charts
/// are reproducible): the golden-ratio sequence.
fn jitter(i: usize) -> f32 {
    ((i as f32 * 0.618_034) % 1.0) - 0.5
}

impl Distribution {
    pub fn new(ctx: &ReportContext<'_>, year: u16) -> Distribution {
        let sc = ctx.scores;
        let groups: Vec<Group> = Line::ALL
            .iter()
            .filter_map(|&line| {
                let s = sc.sector(year, None, line, Scope::LINE)?;
                let mut values: Vec<f64> = sc
                    .groups
                    .iter()
                    .filter(|g| g.year == year && g.line == line && g.scope == Scope::LINE)
                    .filter_map(|g| g.shown().map(|f| f.mean))
                    .collect();
                values.sort_by(f64::total_cmp);
                let quartiles = s.quartiles.map(|q| (q.p25, q.median, q.p75));
                Some(Group { line, values, quartiles, institutions: s.institutions })
            })
            .collect();
        // Over how many institutions each line's distribution was taken, and why not
        // the others (the true reason of each).
        let over: Vec<String> = Line::ALL
            .iter()
            .filter_map(|&line| {
                let s = sc.sector(year, None, line, Scope::LINE)?;
                let o = crate::report::findings::Over::of(s);
                Some(format!(
                    "{}: {}",
                    line.label(ctx.lang),
                    o.sentence(ctx.privacy.min_institutions, ctx.privacy.min_group_size, ctx.lang)
                ))
            })
            .collect();
        let frame = Frame {
            title: format!("{} {year}", ctx.w(Word::DistributionTitle)),
            subtitle: ctx.w(Word::DistributionSubtitle).into(),
            legend: Vec::new(),
            y_label: ctx.w(Word::ScoreAxis).into(),
            source: source_line(ctx),
            notes: vec![format!(
                "{} {} {}",
                ctx.w(Word::DistributionNoteShown),
                ctx.privacy.min_group_size,
                ctx.w(Word::DistributionNoteHidden),
            )]
            .into_iter()
            .chain(over)
            .collect(),
        };
        Distribution { year, groups, frame, too_few: ctx.w(Word::TooFewInstitutions).into(), lang: ctx.lang }
    }
}

impl Chart for Distribution {
    fn size(&self) -> (u32, u32) {
        (1600, 1000)
    }

    fn draw(&self, c: &mut Canvas) {
        let p = frame(c, &self.frame, 0.0, 100.0, 10.0, 80.0);
        let gw = (p.x1 - p.x0) / self.groups.len().max(1) as f32;
        for (gi, g) in self.groups.iter().enumerate() {
            let cx = p.x0 + gi as f32 * gw + gw / 2.0;
            let bw = gw / 3.0;
            match g.quartiles {
                Some((a, m, b)) => {
                    c.range_box(cx - bw, p.y(b), cx + bw, p.y(a));
                    let y = p.y(m);
                    c.rect(cx - bw - 8.0, y - 2.0, cx + bw + 8.0, y + 2.0, DARK);
                }
                None => {
                    c.text(&self.too_few, cx, p.y(50.0), 22.0, GREY, Align::Center, VAlign::Middle);
                }
            }
            let color = PALETTE[g.line.number() as usize - 1];
            for (i, v) in g.values.iter().enumerate() {
                c.circle(cx + jitter(i) * bw * 1.6, p.y(*v), 9.0, color, Some(DARK));
            }
            c.text(&g.line.label(self.lang), cx, p.y1 + 14.0, 24.0, DARK, Align::Center, VAlign::Top);
            let shown = format!("{} / {}", g.values.len(), g.institutions);
            c.text(&shown, cx, p.y1 + 48.0, 20.0, GREY, Align::Center, VAlign::Top);
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for g in &self.groups {
            let base = Row { year: self.year, line: Some(g.line.number()), area: "ALL", ..Row::default() };
            for v in &g.values {
                rows.push(Row { series: "institution", value: Some(*v), ..base.clone() });
            }
            if let Some((a, m, b)) = g.quartiles {
                for (series, v) in [("p25", a), ("median", m), ("p75", b)] {
                    rows.push(Row { series, value: Some(v), n: Some(g.values.len() as u64), ..base.clone() });
                }
            }
        }
        rows
    }

    fn meta(&self) -> Meta {
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|g| {
                let q = g.quartiles.map_or(self.too_few.clone(), |(a, m, b)| {
                    phrase!(self.lang, distribution_quartiles(&say(m), &say(a), &say(b)))
                });
                let shown = phrase!(self.lang, distribution_shown(g.values.len(), g.institutions));
                format!("{}: {q} ({shown})", g.line.label(self.lang))
            })
            .collect();
        Meta {
            title: self.frame.title.clone(),
            year: Some(self.year),
            alt: phrase!(self.lang, distribution_alt(self.year)),
            description: parts.join("; ") + ".",
        }
    }
}
