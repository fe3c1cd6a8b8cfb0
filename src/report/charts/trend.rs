//! The sector's line totals over the years, with their intervals and n; no line is drawn
//! across a change of framework edition.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, series_style, Align, Canvas, Frame, VAlign, DARK};
use crate::report::charts::{say, source_line, Chart, Meta, Row, PALETTE};
use crate::report::ReportContext;
use crate::score::Scope;

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
                "Bij elk punt de score en het aantal respondenten (n) van dat jaar; de verticale streep is het 95%-betrouwbaarheidsinterval.",
                "At each point the score and that year's number of respondents (n); the vertical bar is the 95% confidence interval.",
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
                    let (colour, pattern) = series_style(l.number() as usize - 1);
                    (l.label(ctx.lang), colour, pattern)
                })
                .collect(),
            y_label: ctx.t("Score (0–100)", "Score (0–100)").into(),
            source: source_line(ctx),
            notes,
        };
        Trend { years: sc.years.clone(), series, breaks, frame, lang: ctx.lang }
    }
}

impl Chart for Trend {
    fn size(&self) -> (u32, u32) {
        (1600, 1000)
    }

    fn draw(&self, c: &mut Canvas) {
        let p = frame(c, &self.frame, 0.0, 100.0, 10.0, 60.0);
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
        let offset = |si: usize| (si as f32 - (k - 1.0) / 2.0) * 16.0;
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
                let Some((v, ci, _)) = v else { continue };
                let (x, y) = (xs[i] + offset(si), p.y(*v));
                if let Some((lo, hi)) = ci {
                    c.line(&[(x, p.y(*lo)), (x, p.y(*hi))], color, 2.0);
                }
                // Each line its own marker besides its colour: circle, square, cross.
                match line.number() {
                    1 => c.circle(x, y, 9.0, color, None),
                    2 => c.rect(x - 9.0, y - 9.0, x + 9.0, y + 9.0, color),
                    _ => {
                        c.line(&[(x - 10.0, y - 10.0), (x + 10.0, y + 10.0)], color, 5.0);
                        c.line(&[(x - 10.0, y + 10.0), (x + 10.0, y - 10.0)], color, 5.0);
                    }
                }
            }
        }
        // Labels beside each year's points (left of the first year's, where no line
        // runs; right of the others'), pushed apart so none overlaps another, on a white
        // plate over the lines.
        for (i, _) in self.years.iter().enumerate() {
            let mut labels: Vec<(f32, String)> = self
                .series
                .iter()
                .filter_map(|(line, vals)| {
                    vals[i].map(|(v, _, n)| {
                        // The last year's labels name their line (direct labels, not colour alone).
                        let name = if i + 1 == self.years.len() {
                            format!("{}: ", line.label(self.lang))
                        } else {
                            String::new()
                        };
                        (p.y(v), format!("{name}{} (n = {n})", say(v)))
                    })
                })
                .collect();
            labels.sort_by(|a, b| a.0.total_cmp(&b.0));
            let gap = 26.0;
            for j in 1..labels.len() {
                if labels[j].0 - labels[j - 1].0 < gap {
                    labels[j].0 = labels[j - 1].0 + gap;
                }
            }
            let first = i == 0 && self.years.len() > 1;
            let x = if first {
                xs[i] + offset(0) - 18.0
            } else {
                xs[i] + offset(self.series.len().saturating_sub(1)) + 18.0
            };
            for (y, t) in labels {
                let w = crate::report::charts::text::width(&t, 20.0);
                let (l, r) = if first { (x - w - 4.0, x + 4.0) } else { (x - 4.0, x + w + 4.0) };
                c.rect(l, y - 13.0, r, y + 13.0, crate::report::charts::canvas::WHITE_RGB);
                c.text(&t, x, y, 20.0, DARK, if first { Align::Right } else { Align::Left }, VAlign::Middle);
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
            alt: if nl {
                "Lijndiagram: de totaalscore van de sector per lijn over de jaren.".into()
            } else {
                "Line chart: the sector's total score per line over the years.".into()
            },
            description: parts.join("; ") + ".",
        }
    }
}
