//! The sector's line totals over the years, with their intervals and n; no line is drawn
//! across a change of framework edition.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, marker, series_marker, Align, Canvas, Frame, Key, VAlign, DARK};
use crate::report::charts::{say, source_line, Chart, Meta, Row, PALETTE};
use crate::report::words::{phrase, Word};
use crate::report::ReportContext;
use crate::score::Scope;

/// The labels' size and the height of a row of them, below the plot.
const LABEL_SIZE: f32 = 20.0;
const LABEL_H: f32 = 28.0;

/// A year's published score: mean, interval, n.
type Point = Option<(f64, Option<(f64, f64)>, u64)>;

pub struct Trend {
    years: Vec<u16>,
    series: Vec<(Line, Vec<Point>)>,
    breaks: Vec<u16>,
    frame: Frame,
    lang: crate::lang::Lang,
}

impl Trend {
    pub fn new(ctx: &ReportContext<'_>) -> Trend {
        let sc = ctx.scores;
        let series: Vec<(Line, Vec<Point>)> = Line::ALL
            .iter()
            .map(|&line| {
                let vals = sc
                    .years
                    .iter()
                    .map(|&y| {
                        sc.sector(y, None, line, Scope::LINE).and_then(|s| s.shown()).map(|f| (f.mean, f.ci(), f.n))
                    })
                    .collect();
                (line, vals)
            })
            .filter(|(_, v): &(Line, Vec<Point>)| v.iter().any(Option::is_some))
            .collect();
        let breaks = sc.series_breaks();
        let mut notes = vec![ctx.w(Word::TrendWhiskerNote).to_string()];
        if !breaks.is_empty() {
            notes.push(ctx.w(Word::TrendBreakNote).into());
        }
        notes.push(ctx.w(Word::TrendMarkerNote).into());
        let frame = Frame {
            title: ctx.w(Word::TrendTitle).into(),
            subtitle: ctx.w(Word::TrendSubtitle).into(),
            legend: series
                .iter()
                .map(|(l, _)| {
                    // The series are lines with markers, and so are their keys.
                    let k = l.number() as usize - 1;
                    (l.label(ctx.lang), PALETTE[k % PALETTE.len()], Key::Line(series_marker(k)))
                })
                .collect(),
            y_label: ctx.w(Word::ScoreAxis).into(),
            source: source_line(ctx),
            notes,
        };
        Trend { years: sc.years.clone(), series, breaks, frame, lang: ctx.lang }
    }
}

/// Each line its own marker besides its colour: circle (line 1), square (2), cross (3).
fn line_marker(c: &mut Canvas, line: u8, x: f32, y: f32, r: f32, color: crate::report::charts::canvas::Rgb) {
    marker(c, series_marker(line as usize - 1), x, y, r, color);
}

/// The marker's radius, and the half-width of an interval's caps: wider than the marker,
/// so an interval shorter than the marker still shows its caps either side of it.
const MARKER_R: f32 = 9.0;
const CAP: f32 = 15.0;

impl Chart for Trend {
    fn size(&self) -> (u32, u32) {
        (1600, 1000)
    }

    fn draw(&self, c: &mut Canvas) {
        // Below the plot: the year, then one label per line (score and n), in the
        // legend's order, each after a dot of its line's colour: the labels stand in
        // rows of their own and never cut a line.
        let rows = self.series.len() as f32;
        let p = frame(c, &self.frame, 0.0, 100.0, 10.0, 60.0 + rows * LABEL_H);
        let n = self.years.len().max(1) as f32;
        let step = (p.x1 - p.x0) / n;
        let xs: Vec<f32> = (0..self.years.len()).map(|i| p.x0 + step / 2.0 + i as f32 * step).collect();
        for (i, y) in self.years.iter().enumerate() {
            c.text(&y.to_string(), xs[i], p.y1 + 14.0, 24.0, DARK, Align::Center, VAlign::Top);
            if self.breaks.contains(y) {
                let x = xs[i] - step / 2.0;
                c.line(&[(x, p.y0), (x, p.y1)], [150, 150, 150], 2.0);
            }
        }
        let k = self.series.len() as f32;
        // Series side by side at a year, far enough apart that their caps never touch.
        let offset = |si: usize| (si as f32 - (k - 1.0) / 2.0) * (2.0 * CAP + 6.0);
        for (si, (line, vals)) in self.series.iter().enumerate() {
            let color = PALETTE[line.number() as usize - 1];
            let pts: Vec<Option<(f32, f32)>> =
                vals.iter().enumerate().map(|(i, v)| v.map(|v| (xs[i] + offset(si), p.y(v.0)))).collect();
            for i in 1..pts.len() {
                if let (Some(a), Some(b)) = (pts[i - 1], pts[i]) {
                    if !self.breaks.contains(&self.years[i]) {
                        c.line(&[a, b], color, 4.0);
                    }
                }
            }
            for (i, v) in vals.iter().enumerate() {
                let Some((v, ci, n)) = v else { continue };
                let (x, y) = (xs[i] + offset(si), p.y(*v));
                line_marker(c, line.number(), x, y, MARKER_R, color);
                // The interval over the marker, dark on the line's colour, with caps wider
                // than the marker: visible however short it is.
                if let Some((lo, hi)) = ci {
                    let (ylo, yhi) = (p.y(*lo), p.y(*hi));
                    c.line(&[(x, ylo), (x, yhi)], DARK, 3.0);
                    for yc in [ylo, yhi] {
                        c.line(&[(x - CAP, yc), (x + CAP, yc)], DARK, 3.0);
                    }
                }
                // The row label names its line by the same marker (not colour alone).
                let label = format!("{} (n = {n})", say(*v));
                let ly = p.y1 + 14.0 + 34.0 + si as f32 * LABEL_H;
                let w = crate::report::charts::text::width(&label, LABEL_SIZE);
                let x0 = xs[i] - (w + 22.0) / 2.0;
                line_marker(c, line.number(), x0 + 7.0, ly + LABEL_SIZE / 2.0, 7.0, color);
                c.text(&label, x0 + 22.0, ly, LABEL_SIZE, DARK, Align::Left, VAlign::Top);
            }
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (line, vals) in &self.series {
            for (y, v) in self.years.iter().zip(vals) {
                rows.push(Row {
                    year: *y,
                    line: Some(line.number()),
                    area: "ALL",
                    series: "sector",
                    value: v.map(|v| v.0),
                    n: v.map(|v| v.2),
                    ci_low: v.and_then(|v| v.1).map(|c| c.0),
                    ci_high: v.and_then(|v| v.1).map(|c| c.1),
                    note: if self.breaks.contains(y) { "series_break".into() } else { String::new() },
                    ..Row::default()
                });
            }
        }
        rows
    }

    fn meta(&self) -> Meta {
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|(line, vals)| {
                let pts: Vec<String> = self
                    .years
                    .iter()
                    .zip(vals)
                    .filter_map(|(y, v)| v.map(|v| format!("{y}: {} (n = {})", say(v.0), v.2)))
                    .collect();
                format!("{} {}", line.label(self.lang), pts.join(", "))
            })
            .collect();
        Meta {
            title: self.frame.title.clone(),
            year: None,
            alt: {
                // Each line from its first to its last year shown, as the other charts
                // give their figures.
                let ends: Vec<String> = self
                    .series
                    .iter()
                    .filter_map(|(line, vals)| {
                        let shown: Vec<(u16, f64)> =
                            self.years.iter().zip(vals).filter_map(|(y, v)| v.map(|v| (*y, v.0))).collect();
                        let (a, b) = (shown.first()?, shown.last()?);
                        Some(if a.0 == b.0 {
                            format!("{} {} ({})", line.label(self.lang), say(a.1), a.0)
                        } else {
                            phrase!(self.lang, trend_from_to(&line.label(self.lang), &say(a.1), a.0, &say(b.1), b.0))
                        })
                    })
                    .collect();
                phrase!(self.lang, trend_alt(&ends.join("; ")))
            },
            description: parts.join("; ") + ".",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::canvas::{Marker, Op};

    /// Line 1 at 50.0 (interval 49.8–50.2, far shorter than the marker) and 52.0 (51–53),
    /// line 2 at 60.0 (58–62) in 2026 only.
    fn trend() -> Trend {
        Trend {
            years: vec![2025, 2026],
            series: vec![
                (Line::L1, vec![Some((50.0, Some((49.8, 50.2)), 400)), Some((52.0, Some((51.0, 53.0)), 400))]),
                (Line::L2, vec![None, Some((60.0, Some((58.0, 62.0)), 30))]),
            ],
            breaks: vec![],
            frame: Frame {
                title: "Trend".into(),
                legend: vec![
                    ("1e lijn".into(), PALETTE[0], Key::Line(Marker::Circle)),
                    ("2e lijn".into(), PALETTE[1], Key::Line(Marker::Square)),
                ],
                ..Frame::default()
            },
            lang: crate::lang::Lang::Nl,
        }
    }

    #[test]
    fn every_interval_shows_over_its_marker_with_caps_wider_than_the_marker() {
        let t = trend();
        let mut c = Canvas::new(1600, 1000);
        t.draw(&mut c);
        // The plot's markers: circles of MARKER_R (line 1) and squares 2·MARKER_R wide
        // (line 2), in the series colours.
        let markers: Vec<(usize, f32, f32)> = c
            .ops
            .iter()
            .enumerate()
            .filter_map(|(i, op)| match op {
                Op::Circle { x, y, r, .. } if *r == MARKER_R => Some((i, *x, *y)),
                Op::Rect { x0, y0, x1, y1, fill } if *fill == PALETTE[1] && x1 - x0 == 2.0 * MARKER_R => {
                    Some((i, (x0 + x1) / 2.0, (y0 + y1) / 2.0))
                }
                _ => None,
            })
            // Below the legend row (whose keys carry the same markers).
            .filter(|m| m.2 > 200.0)
            .collect();
        assert_eq!(markers.len(), 3, "{markers:?}");
        for (i, x, y) in markers {
            // After the marker (so over it): two dark caps, each 2·CAP = 30 px wide,
            // wider than the marker (18 px), centred on it, one above and one below.
            let caps: Vec<f32> = c.ops[i..]
                .iter()
                .filter_map(|op| match op {
                    Op::Line { points, color, .. }
                        if *color == DARK
                            && points.len() == 2
                            && points[0].1 == points[1].1
                            && (points[0].0 - (x - CAP)).abs() < 0.01
                            && (points[1].0 - (x + CAP)).abs() < 0.01 =>
                    {
                        Some(points[0].1)
                    }
                    _ => None,
                })
                .take(2)
                .collect();
            assert_eq!(caps.len(), 2, "no caps over the marker at {x}, {y}");
            assert!(caps[0] < y && caps[1] > y || caps[1] < y && caps[0] > y, "{caps:?} around {y}");
            const { assert!(CAP > MARKER_R) };
        }
    }

    #[test]
    fn the_legend_shows_each_line_as_a_line_with_its_marker() {
        let t = trend();
        let mut c = Canvas::new(1600, 1000);
        t.draw(&mut c);
        // Above the plot (the legend row): a stretch of line in each series' colour with
        // its marker on it, and no bar swatch.
        let legend_y = c
            .ops
            .iter()
            .find_map(|op| match op {
                Op::Text { text, y, .. } if text == "1e lijn" => Some(*y),
                _ => None,
            })
            .unwrap();
        let near = |y: f32| (y - legend_y).abs() < 40.0;
        let lines =
            c.ops.iter().filter(|op| matches!(op, Op::Line { points, color, .. } if (*color == PALETTE[0] || *color == PALETTE[1]) && points.len() == 2 && points[0].1 == points[1].1 && near(points[0].1) && points[1].0 - points[0].0 >= 40.0)).count();
        assert_eq!(lines, 2);
        assert!(c.ops.iter().any(|op| matches!(op, Op::Circle { y, fill, .. } if *fill == PALETTE[0] && near(*y))));
        assert!(c.ops.iter().any(|op| matches!(op, Op::Rect { y0, fill, .. } if *fill == PALETTE[1] && near(*y0))));
        assert!(!c.ops.iter().any(|op| matches!(op, Op::Hatch { .. })), "no bar pattern in a line chart's legend");
    }
}
