//! One institution's line × area scores against the sector's middle half (P25–P75)
//! and median, for the ministry pack, under the institution's public name.

use crate::framework::Line;
use crate::report::charts::canvas::{frame, series_style, Align, Canvas, Frame, Key, VAlign, DARK, GREY, WHITE_RGB};
use crate::report::charts::{area_scopes, say, scope_name, source_line, text, Chart, Meta, Row};
use crate::report::words::{phrase, Word};
use crate::report::ReportContext;
use crate::score::Scope;

struct Series {
    line: Line,
    /// Own score and n, or the mark of why it is hidden.
    own: Vec<Result<(f64, u64), String>>,
    quartiles: Vec<Option<(f64, f64, f64)>>,
}

pub struct Benchmark {
    year: u16,
    name: String,
    categories: Vec<String>,
    area_codes: Vec<&'static str>,
    series: Vec<Series>,
    frame: Frame,
    lang: crate::lang::Lang,
    /// Width and height in px: the pack's 1600 × 1000, narrower for the PDF, where the
    /// same type sizes then print larger on the page.
    size: (u32, u32),
}

impl Benchmark {
    /// `shown_name`: the name the chart may carry (the pseudonym in the pack). Only the
    /// figures everyone may see.
    pub fn new(ctx: &ReportContext<'_>, institution: &str, shown_name: &str, year: u16) -> Benchmark {
        Benchmark::build(ctx, institution, shown_name, year, false, (1600, 1000))
    }

    /// The chart in the institution's own portret: its own figures also where they are
    /// hidden in the sector tables only to protect another group (as the portret's
    /// table shows them).
    pub fn for_portret(ctx: &ReportContext<'_>, institution: &str, year: u16) -> Benchmark {
        Benchmark::build(ctx, institution, institution, year, true, (1200, 1040))
    }

    fn build(
        ctx: &ReportContext<'_>,
        institution: &str,
        shown_name: &str,
        year: u16,
        own: bool,
        size: (u32, u32),
    ) -> Benchmark {
        let sc = ctx.scores;
        // Only the lines the institution took part in.
        let series: Vec<Series> = Line::ALL
            .iter()
            .filter(|&&line| sc.group(year, institution, line, Scope::LINE).is_some())
            .map(|&line| Series {
                line,
                own: area_scopes()
                    .into_iter()
                    .map(|s| match sc.group(year, institution, line, s) {
                        Some(g) => match (if own { g.for_own_institution() } else { g.shown() }, g.hidden()) {
                            (Some(f), _) => Ok((f.mean, f.n)),
                            (None, Some(w)) => Err(ctx.mark(w)),
                            (None, None) => Err(ctx.hidden_mark()),
                        },
                        None => Err(ctx.hidden_mark()),
                    })
                    .collect(),
                quartiles: area_scopes()
                    .into_iter()
                    .map(|s| sc.sector(year, None, line, s).and_then(|x| x.quartiles).map(|q| (q.p25, q.median, q.p75)))
                    .collect(),
            })
            .collect();
        let legend = series
            .iter()
            .map(|s| {
                let n = match s.own.last() {
                    Some(Ok((_, n))) => format!("n = {n}"),
                    Some(Err(mark)) => mark.clone(),
                    None => String::new(),
                };
                let (colour, pattern) = series_style(s.line.number() as usize - 1);
                (format!("{} ({n})", s.line.label(ctx.lang)), colour, Key::Bar(pattern))
            })
            .collect();
        // Over how many institutions each line's distribution was taken, and why not the
        // others (the line totals; the areas' counts are in the portret's table).
        let over = series.iter().filter_map(|s| {
            let o = crate::report::findings::Over::of(sc.sector(year, None, s.line, Scope::LINE)?);
            Some(format!(
                "{}: {}",
                s.line.label(ctx.lang),
                o.sentence(ctx.privacy.min_institutions, ctx.privacy.min_group_size, ctx.lang)
            ))
        });
        let notes: Vec<String> = std::iter::once(format!("{} {}", ctx.hidden_mark(), ctx.w(Word::BenchmarkHiddenNote)))
            .chain(over)
            .collect();
        let frame = Frame {
            title: format!("{shown_name}: {} {year}", ctx.w(Word::BenchmarkTitle)),
            subtitle: ctx.w(Word::BenchmarkSubtitle).into(),
            legend,
            y_label: ctx.w(Word::ScoreAxis).into(),
            source: source_line(ctx),
            notes,
        };
        Benchmark {
            year,
            name: shown_name.to_string(),
            categories: area_scopes().into_iter().map(|s| scope_name(ctx, s)).collect(),
            area_codes: area_scopes().into_iter().map(|s| s.area_code()).collect(),
            series,
            frame,
            lang: ctx.lang,
            size,
        }
    }
}

impl Chart for Benchmark {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn draw(&self, c: &mut Canvas) {
        let p = frame(c, &self.frame, 0.0, 100.0, 10.0, 74.0);
        let gw = (p.x1 - p.x0) / self.categories.len() as f32;
        let bw = gw * 0.8 / self.series.len().max(1) as f32;
        for (ci, cat) in self.categories.iter().enumerate() {
            let gx = p.x0 + ci as f32 * gw;
            // Wrapped within its group, never into the next one.
            for (k, l) in text::wrap(cat, 24.0, gw - 12.0).iter().enumerate() {
                c.text(l, gx + gw / 2.0, p.y1 + 12.0 + k as f32 * 28.0, 24.0, DARK, Align::Center, VAlign::Top);
            }
            for (si, s) in self.series.iter().enumerate() {
                let (l, r) = (gx + gw * 0.1 + si as f32 * bw + 3.0, gx + gw * 0.1 + (si + 1) as f32 * bw - 3.0);
                let mid = (l + r) / 2.0;
                let inset = bw / 5.0;
                // The sector's middle half behind, its median across.
                // The lines a label must leave in view: the box's edges and its median.
                let mut keep_clear: Vec<f32> = Vec::new();
                if let Some((p25, med, p75)) = s.quartiles[ci] {
                    // Inside its slot, so neighbouring boxes (3 px edges) never touch.
                    c.range_box(l + 1.0, p.y(p75), r - 1.0, p.y(p25));
                    let m = p.y(med);
                    c.rect(l - 2.0, m - 2.0, r + 2.0, m + 2.0, DARK);
                    keep_clear = vec![p.y(p25), m, p.y(p75)];
                }
                match &s.own[ci] {
                    Ok((v, _)) => {
                        let top = p.y(*v);
                        let (colour, pattern) = series_style(s.line.number() as usize - 1);
                        c.patterned(l + inset, top, r - inset, p.y1, colour, pattern);
                        // The label above the bar, and above any edge of the box or its
                        // median it would cover (its white backing would hide whether the
                        // bar ends inside the middle half or beyond it): bottom to top.
                        let mut label_y = top - 6.0;
                        for y in keep_clear.iter().copied() {
                            if (label_y - 27.0..=label_y + 4.0).contains(&y) {
                                label_y = y - 6.0;
                            }
                        }
                        let label = say(*v);
                        let w = text::width(&label, 22.0);
                        c.rect(mid - w / 2.0 - 4.0, label_y - 25.0, mid + w / 2.0 + 4.0, label_y + 1.0, WHITE_RGB);
                        c.text(&label, mid, label_y, 22.0, DARK, Align::Center, VAlign::Bottom);
                    }
                    Err(mark) => {
                        // Upright where the slot holds the word; reading upwards where it
                        // does not, so neighbouring marks never run into each other.
                        let w = text::width(mark, 20.0);
                        if w + 6.0 <= r - l {
                            c.text(mark, mid, p.y1 - 8.0, 20.0, GREY, Align::Center, VAlign::Bottom);
                        } else {
                            c.text_up(mark, mid - 10.0, p.y1 - 10.0 - w / 2.0, 20.0, GREY);
                        }
                    }
                }
            }
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for s in &self.series {
            for ci in 0..self.categories.len() {
                let base =
                    Row { year: self.year, line: Some(s.line.number()), area: self.area_codes[ci], ..Row::default() };
                rows.push(match &s.own[ci] {
                    Ok((v, n)) => Row { series: "own", value: Some(*v), n: Some(*n), ..base.clone() },
                    Err(mark) => Row { series: "own", note: mark.clone(), ..base.clone() },
                });
                if let Some((a, m, b)) = s.quartiles[ci] {
                    for (series, v) in [("p25", a), ("median", m), ("p75", b)] {
                        rows.push(Row { series, value: Some(v), ..base.clone() });
                    }
                }
            }
        }
        rows
    }

    fn meta(&self) -> Meta {
        let total = self.categories.len() - 1;
        // One decimal, as the table beside the chart prints them: a score just under P25
        // must not read as the P25 itself.
        let say = |v: f64| crate::report::findings::num(v, self.lang);
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let own = match &s.own[total] {
                    Ok((v, n)) => format!("{} (n = {n})", say(*v)),
                    Err(mark) => mark.clone(),
                };
                let sector = s.quartiles[total]
                    .map_or(String::new(), |(a, m, b)| phrase!(self.lang, benchmark_sector(&say(m), &say(a), &say(b))));
                format!("{} {own}{sector}", s.line.label(self.lang))
            })
            .collect();
        Meta {
            title: self.frame.title.clone(),
            year: Some(self.year),
            alt: phrase!(self.lang, benchmark_alt(&self.name, self.year)),
            description: phrase!(self.lang, benchmark_description(&parts.join("; "))),
        }
    }
}
