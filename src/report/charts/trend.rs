//! The sector's line totals over the years, with their intervals and n; no line is drawn
//! across a change of framework edition.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, marker, series_marker, Align, Canvas, Frame, Key, VAlign, DARK};
use crate::report::charts::{say, source_line, Chart, Meta, Row, PALETTE};
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
        let mut notes = vec![ctx
            .t(
                "Onder elk jaar per lijn de score en het aantal respondenten (n), in de volgorde van de legenda; de donkere streep met dwarsstreepjes door een punt is het 95%-betrouwbaarheidsinterval (hoe korter, hoe nauwkeuriger).",
                "Under each year per line the score and the number of respondents (n), in the legend's order; the dark whisker with caps through a point is the 95% confidence interval (the shorter, the more precise).",
            )
            .to_string()];
        if !breaks.is_empty() {
            notes.push(
                ctx.t(
                    "Een verticale lijn markeert een nieuwe editie van het raamwerk: daaroverheen wordt geen trend getrokken.",
                    "A vertical line marks a new edition of the framework: no trend is drawn across it.",
                )
                .into(),
            );
        }
        notes.push(
            ctx.t(
                "Elke lijn heeft een eigen kleur en teken: 1e lijn ●, 2e lijn ■, 3e lijn ✕.",
                "Each line has its own colour and marker: line 1 ●, line 2 ■, line 3 ✕.",
            )
            .into(),
        );
        let frame = Frame {
            title: ctx.t("Ontwikkeling per lijn", "Trend by line").into(),
            subtitle: ctx.t("Sector, totaalscore per jaar.", "Sector, total score per year.").into(),
            legend: series
                .iter()
                .map(|(l, _)| {
                    // The series are lines with markers, and so are their keys.
                    let k = l.number() as usize - 1;
                    (l.label(ctx.lang), PALETTE[k % PALETTE.len()], Key::Line(series_marker(k)))
                })
                .collect(),
            y_label: ctx.t("Score (0–100)", "Score (0–100)").into(),
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
        let nl = self.lang == crate::lang::Lang::Nl;
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
                        } else if nl {
                            format!("{} van {} ({}) naar {} ({})", line.label(self.lang), say(a.1), a.0, say(b.1), b.0)
                        } else {
                            format!("{} from {} ({}) to {} ({})", line.label(self.lang), say(a.1), a.0, say(b.1), b.0)
                        })
                    })
                    .collect();
                if nl {
                    format!("Lijndiagram: de totaalscore van de sector per lijn over de jaren: {}.", ends.join("; "))
                } else {
                    format!("Line chart: the sector's total score per line over the years: {}.", ends.join("; "))
                }
            },
            description: parts.join("; ") + ".",
        }
    }
}
