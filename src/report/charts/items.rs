//! The sector's item scores of one line and year: items grouped by area under the
//! area's full name, strongest first within the area, full texts wrapped, bars from 0
//! on the one scale 0–100 of every year (so a bar's length is its score, and two years'
//! charts compare; viridis, safe for colour-blind readers and in grey print), and last
//! year's score marked where the same edition was used.

use crate::framework::{Area, Line};
use crate::report::charts::canvas::{footer, footer_height, header, Align, Canvas, Frame, VAlign, DARK, GREY, LIGHT};
use crate::report::charts::{say, source_line, text, Chart, Meta, Row};
use crate::report::words::{phrase, Word};
use crate::report::ReportContext;

/// One item's row.
struct ItemRow {
    id: String,
    lines: Vec<String>,
    value: Option<f64>,
    n: Option<u64>,
    mark: String,
    previous: Option<f64>,
}

pub struct Items {
    year: u16,
    line: Line,
    previous_year: Option<u16>,
    /// (area name, its items)
    groups: Vec<(String, &'static str, Vec<ItemRow>)>,
    lo: f64,
    hi: f64,
    frame: Frame,
    height: u32,
    lang: crate::lang::Lang,
}

const W: f32 = 1600.0;
const TEXT_X: f32 = 50.0;
const TEXT_W: f32 = 880.0;
const BAR_X0: f32 = 980.0;
const BAR_X1: f32 = 1500.0;
const TEXT_SIZE: f32 = 19.0;
const LINE_H: f32 = 25.0;
const AREA_H: f32 = 50.0;
const SCALE_H: f32 = 50.0;

/// Viridis at five stops, interpolated.
pub fn viridis(t: f64) -> [u8; 3] {
    const STOPS: [(f64, f64, f64); 5] =
        [(68.0, 1.0, 84.0), (59.0, 82.0, 139.0), (33.0, 145.0, 140.0), (94.0, 201.0, 98.0), (253.0, 231.0, 37.0)];
    let t = t.clamp(0.0, 1.0) * 4.0;
    let i = (t.floor() as usize).min(3);
    let f = t - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let m = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    [m(a.0, b.0), m(a.1, b.1), m(a.2, b.2)]
}

/// The scale of every item chart: 0 to 100, whatever the values, so bars start at 0
/// and the charts of different years (and lines) share one scale.
pub const SCALE: (f64, f64) = (0.0, 100.0);

impl Items {
    pub fn new(ctx: &ReportContext<'_>, line: Line, year: u16) -> Items {
        let sc = ctx.scores;
        let fw = ctx.fw_for(year);
        let previous_year =
            sc.years.iter().rev().copied().find(|&y| y < year && sc.editions.get(&y) == sc.editions.get(&year));
        let score_of = |y: u16, idx: u16| sc.items_of(y, None).iter().find(|i| i.line == line && i.item == idx);
        let mut groups = Vec::new();
        for area in Area::ALL {
            let mut rows: Vec<ItemRow> = fw
                .line_items(line)
                .filter(|&idx| fw.item(idx).id.area == area)
                .map(|idx| {
                    let it = fw.item(idx);
                    let s = score_of(year, idx);
                    ItemRow {
                        id: it.id.to_string(),
                        lines: text::wrap(&format!("{}  {}", it.id, it.text(ctx.lang)), TEXT_SIZE, TEXT_W),
                        value: s.and_then(|s| s.shown()).map(|f| f.score),
                        n: s.and_then(|s| s.shown()).map(|f| f.n),
                        mark: s.and_then(|s| s.hidden()).map(|w| ctx.mark(w)).unwrap_or_else(|| ctx.hidden_mark()),
                        previous: previous_year
                            .and_then(|py| score_of(py, idx))
                            .and_then(|s| s.shown())
                            .map(|f| f.score),
                    }
                })
                .collect();
            // Strongest first; items without a shown score last, in catalogue order.
            rows.sort_by(|a, b| match (a.value, b.value) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            if !rows.is_empty() {
                groups.push((area.label(ctx.lang).to_string(), area.code(), rows));
            }
        }
        let (lo, hi) = SCALE;
        let n = sc.sector(year, None, line, crate::score::Scope::LINE).and_then(|s| s.shown()).map_or(0, |s| s.n);
        let mut notes = vec![ctx.w(Word::ItemsScaleNote).to_string()];
        if let Some(py) = previous_year {
            notes.push(format!("{} {py}.", ctx.w(Word::ItemsPreviousTick)));
        }
        notes.push(format!("{} {}", ctx.hidden_mark(), ctx.w(Word::ItemsHiddenNote)));
        let frame = Frame {
            title: format!("{}: {} {year}", line.label(ctx.lang), ctx.w(Word::ItemsTitle)),
            subtitle: format!("{} · n = {n} {}", line.description(ctx.lang), ctx.w(Word::Respondents)),
            legend: Vec::new(),
            y_label: String::new(),
            source: source_line(ctx),
            notes,
        };
        let mut it = Items { year, line, previous_year, groups, lo, hi, frame, height: 0, lang: ctx.lang };
        let rows_h: f32 = it.groups.iter().map(|g| AREA_H + g.2.iter().map(row_height).sum::<f32>()).sum();
        let mut probe = Canvas::new(W as u32, 10_000);
        let head = header(&mut probe, &it.frame);
        it.height = (head + SCALE_H + rows_h + 20.0 + footer_height(&it.frame, W)).ceil() as u32;
        it
    }

    fn x(&self, v: f64) -> f32 {
        BAR_X0 + (BAR_X1 - BAR_X0) * ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0) as f32
    }
}

fn row_height(r: &ItemRow) -> f32 {
    r.lines.len() as f32 * LINE_H + 10.0
}

impl Chart for Items {
    fn size(&self) -> (u32, u32) {
        (W as u32, self.height)
    }

    fn draw(&self, c: &mut Canvas) {
        let mut y = header(c, &self.frame);
        // The scale: grid lines every ten, labelled, over the whole list.
        let top = y + SCALE_H;
        let bottom = top + self.groups.iter().map(|g| AREA_H + g.2.iter().map(row_height).sum::<f32>()).sum::<f32>();
        let mut t = self.lo;
        while t <= self.hi + 1e-9 {
            let x = self.x(t);
            c.line(&[(x, top - 8.0), (x, bottom)], LIGHT, 1.0);
            c.text(&format!("{t:.0}"), x, top - 12.0, 20.0, GREY, Align::Center, VAlign::Bottom);
            t += 10.0;
        }
        y = top;
        for (name, _, rows) in &self.groups {
            c.text(name, TEXT_X, y + AREA_H - 14.0, 26.0, DARK, Align::Left, VAlign::Bottom);
            c.line(&[(TEXT_X, y + AREA_H - 6.0), (BAR_X1 + 50.0, y + AREA_H - 6.0)], DARK, 1.0);
            y += AREA_H;
            for r in rows {
                let h = row_height(r);
                for (i, l) in r.lines.iter().enumerate() {
                    c.text(l, TEXT_X, y + 5.0 + i as f32 * LINE_H, TEXT_SIZE, DARK, Align::Left, VAlign::Top);
                }
                let (b0, b1) = (y + 6.0, y + 6.0 + (h - 12.0).min(26.0));
                match r.value {
                    Some(v) => {
                        let t = (v - self.lo) / (self.hi - self.lo);
                        c.rect(BAR_X0, b0, self.x(v), b1, viridis(t));
                        // The bar's outline carries its length at full contrast: viridis'
                        // light end alone is under 3:1 against white.
                        let x1 = self.x(v);
                        c.line(&[(BAR_X0, b0), (x1, b0), (x1, b1), (BAR_X0, b1)], DARK, 1.5);
                        // The label right of the bar, and of last year's tick where that is further.
                        let end = self.x(v).max(r.previous.map_or(0.0, |pv| self.x(pv) + 2.0));
                        c.text(&say(v), end + 8.0, (b0 + b1) / 2.0, 19.0, DARK, Align::Left, VAlign::Middle);
                    }
                    None => {
                        c.text(&r.mark, BAR_X0 + 4.0, (b0 + b1) / 2.0, 19.0, GREY, Align::Left, VAlign::Middle);
                    }
                }
                if let Some(pv) = r.previous {
                    let x = self.x(pv);
                    c.rect(x - 2.0, b0 - 4.0, x + 2.0, b1 + 4.0, DARK);
                }
                y += h;
            }
        }
        footer(c, &self.frame, bottom + 20.0);
    }

    fn rows(&self) -> Vec<Row> {
        let mut out = Vec::new();
        for (_, area, rows) in &self.groups {
            for r in rows {
                let base =
                    Row { year: self.year, line: Some(self.line.number()), area, item: r.id.clone(), ..Row::default() };
                out.push(Row {
                    series: "sector",
                    value: r.value,
                    n: r.n,
                    note: if r.value.is_none() { r.mark.clone() } else { String::new() },
                    ..base.clone()
                });
                if let (Some(py), Some(pv)) = (self.previous_year, r.previous) {
                    out.push(Row { year: py, series: "previous_year", value: Some(pv), ..base.clone() });
                }
            }
        }
        out
    }

    fn meta(&self) -> Meta {
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|(name, _, rows)| {
                let shown: Vec<&ItemRow> = rows.iter().filter(|r| r.value.is_some()).collect();
                match (shown.first(), shown.last()) {
                    (Some(a), Some(b)) => phrase!(
                        self.lang,
                        items_extremes(
                            name,
                            &a.id,
                            &say(a.value.unwrap_or_default()),
                            &b.id,
                            &say(b.value.unwrap_or_default())
                        )
                    ),
                    _ => format!("{name}: -"),
                }
            })
            .collect();
        Meta {
            title: self.frame.title.clone(),
            year: Some(self.year),
            alt: phrase!(self.lang, items_alt(&self.line.label(self.lang), self.year)),
            description: parts.join("; ") + ".",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_chart_starts_at_0_on_one_scale() {
        assert_eq!(SCALE, (0.0, 100.0));
        let it = Items {
            year: 2026,
            line: Line::L1,
            previous_year: None,
            groups: Vec::new(),
            lo: SCALE.0,
            hi: SCALE.1,
            frame: Frame::default(),
            height: 0,
            lang: crate::lang::Lang::Nl,
        };
        // A score of 0 sits at the bar's start, 50 halfway, 100 at the end.
        assert_eq!(it.x(0.0), BAR_X0);
        assert_eq!(it.x(50.0), (BAR_X0 + BAR_X1) / 2.0);
        assert_eq!(it.x(100.0), BAR_X1);
    }
}
