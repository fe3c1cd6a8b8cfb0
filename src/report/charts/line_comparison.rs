//! The sector's line comparison for one year: per area (and the whole line) a bar per
//! line with its 95 % interval. The headline chart of the pack.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, series_style, Align, Canvas, Frame, Key, VAlign, DARK, GREY, WHITE_RGB};
use crate::report::charts::{area_scopes, say, scope_name, source_line, text, Chart, Meta, Row};
use crate::report::words::{phrase, Word};
use crate::report::ReportContext;

/// A published bar: value, interval, n.
type Cell = Option<(f64, Option<(f64, f64)>, u64)>;

/// One line's bars per category.
struct Series {
    line: Line,
    name: String,
    cells: Vec<Cell>,
    marks: Vec<String>,
}

pub struct LineComparison {
    year: u16,
    categories: Vec<String>,
    area_codes: Vec<&'static str>,
    series: Vec<Series>,
    frame: Frame,
    lang: crate::lang::Lang,
}

impl LineComparison {
    pub fn new(ctx: &ReportContext<'_>, year: u16) -> LineComparison {
        let sc = ctx.scores;
        let series: Vec<Series> = Line::ALL
            .iter()
            .filter(|&&line| sc.sector(year, None, line, crate::score::Scope::LINE).is_some())
            .map(|&line| {
                let cells: Vec<_> = area_scopes()
                    .into_iter()
                    .map(|s| sc.sector(year, None, line, s).and_then(|x| x.shown()).map(|f| (f.mean, f.ci(), f.n)))
                    .collect();
                let marks: Vec<String> = area_scopes()
                    .into_iter()
                    .map(|s| {
                        sc.sector(year, None, line, s).and_then(|x| x.hidden()).map(|w| ctx.mark(w)).unwrap_or_default()
                    })
                    .collect();
                // The legend's count is the line total's; a line whose total is hidden
                // says why, not "n = 0" (it has respondents).
                let total = cells.last().copied().flatten();
                let name = match (total, marks.last().filter(|m: &&String| !m.is_empty())) {
                    (Some(c), _) => format!("{} (n = {})", line.label(ctx.lang), c.2),
                    (None, Some(mark)) => format!("{} ({mark})", line.label(ctx.lang)),
                    (None, None) => line.label(ctx.lang).to_string(),
                };
                Series { line, name, cells, marks }
            })
            .collect();
        let frame = Frame {
            title: format!("{} {year}", ctx.w(Word::LineComparisonTitle)),
            subtitle: ctx.w(Word::LineComparisonSubtitle).into(),
            legend: series
                .iter()
                .map(|s| {
                    let (colour, pattern) = series_style(s.line.number() as usize - 1);
                    (s.name.clone(), colour, Key::Bar(pattern))
                })
                .collect(),
            y_label: ctx.w(Word::ScoreAxis).into(),
            source: source_line(ctx),
            notes: vec![ctx.w(Word::LineComparisonNote).into()],
        };
        LineComparison {
            year,
            categories: area_scopes().into_iter().map(|s| scope_name(ctx, s)).collect(),
            area_codes: area_scopes().into_iter().map(|s| s.area_code()).collect(),
            series,
            frame,
            lang: ctx.lang,
        }
    }
}

impl Chart for LineComparison {
    fn size(&self) -> (u32, u32) {
        (1600, 1000)
    }

    fn draw(&self, c: &mut Canvas) {
        let p = frame(c, &self.frame, 0.0, 100.0, 10.0, 74.0);
        let ncat = self.categories.len() as f32;
        let gw = (p.x1 - p.x0) / ncat;
        let nser = self.series.len().max(1) as f32;
        let bw = gw * 0.8 / nser;
        for (ci, cat) in self.categories.iter().enumerate() {
            let gx = p.x0 + ci as f32 * gw;
            // Wrapped within its group, never into the next one.
            for (k, l) in text::wrap(cat, 24.0, gw - 12.0).iter().enumerate() {
                c.text(l, gx + gw / 2.0, p.y1 + 14.0 + k as f32 * 28.0, 24.0, DARK, Align::Center, VAlign::Top);
            }
            for (si, s) in self.series.iter().enumerate() {
                let (l, r) = (gx + gw * 0.1 + si as f32 * bw + 3.0, gx + gw * 0.1 + (si + 1) as f32 * bw - 3.0);
                let mid = (l + r) / 2.0;
                match s.cells[ci] {
                    Some((v, ci95, _)) => {
                        let top = p.y(v);
                        let (colour, pattern) = series_style(s.line.number() as usize - 1);
                        c.patterned(l, top, r, p.y1, colour, pattern);
                        let mut label_y = top - 8.0;
                        if let Some((lo, hi)) = ci95 {
                            let (yl, yh) = (p.y(lo), p.y(hi));
                            c.line(&[(mid, yl), (mid, yh)], DARK, 3.0);
                            c.line(&[(mid - 10.0, yl), (mid + 10.0, yl)], DARK, 3.0);
                            c.line(&[(mid - 10.0, yh), (mid + 10.0, yh)], DARK, 3.0);
                            label_y = label_y.min(yh - 8.0);
                        }
                        let label = say(v);
                        let w = crate::report::charts::text::width(&label, 22.0);
                        c.rect(mid - w / 2.0 - 4.0, label_y - 26.0, mid + w / 2.0 + 4.0, label_y + 1.0, WHITE_RGB);
                        c.text(&label, mid, label_y, 22.0, DARK, Align::Center, VAlign::Bottom);
                    }
                    None => {
                        c.text(&s.marks[ci], mid, p.y1 - 8.0, 20.0, GREY, Align::Center, VAlign::Bottom);
                    }
                }
            }
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for s in &self.series {
            for (ci, cell) in s.cells.iter().enumerate() {
                rows.push(Row {
                    year: self.year,
                    line: Some(s.line.number()),
                    area: self.area_codes[ci],
                    series: "sector",
                    value: cell.map(|c| c.0),
                    n: cell.map(|c| c.2),
                    ci_low: cell.and_then(|c| c.1).map(|x| x.0),
                    ci_high: cell.and_then(|c| c.1).map(|x| x.1),
                    note: s.marks[ci].clone(),
                    ..Row::default()
                });
            }
        }
        rows
    }

    fn meta(&self) -> Meta {
        let total = self.categories.len() - 1;
        let lines: Vec<String> = self
            .series
            .iter()
            .filter_map(|s| s.cells[total].map(|c| format!("{} {} (n = {})", s.line.label(self.lang), say(c.0), c.2)))
            .collect();
        let mut description = phrase!(self.lang, line_comparison_description(self.year, &lines.join("; ")));
        for (ci, cat) in self.categories.iter().enumerate().take(total) {
            let vals: Vec<String> = self
                .series
                .iter()
                .map(|s| {
                    format!("{} {}", s.line.label(self.lang), s.cells[ci].map_or(s.marks[ci].clone(), |c| say(c.0)))
                })
                .collect();
            description.push_str(&format!(" {cat}: {}.", vals.join(", ")));
        }
        Meta {
            title: self.frame.title.clone(),
            year: Some(self.year),
            alt: phrase!(self.lang, line_comparison_alt(self.year)),
            description,
        }
    }
}
