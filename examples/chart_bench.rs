//! Where a chart's time goes: rasterising, PNG encoding and SVG, for the 1600×1000
//! grouped-bar chart the pack draws once per institution and year.
//!
//! ```sh
//! cargo run --release --example chart_bench
//! ```

use std::time::Instant;

use lobmonitor::config::ChartFormat;
use lobmonitor::report::charts::{render, BarChart, BarSeries, PALETTE};

fn chart() -> BarChart {
    let series = (0..3)
        .map(|i| BarSeries {
            name: format!("{}e lijn (n = {})", i + 1, 20 + i),
            color: PALETTE[i],
            values: (0..5).map(|a| Some(40.0 + 7.0 * a as f64 + 5.0 * i as f64)).collect(),
            whiskers: (0..5).map(|a| Some((35.0 + 7.0 * a as f64, 48.0 + 7.0 * a as f64))).collect(),
            reference: (0..5).map(|a| Some((42.0 + a as f64, 50.0 + a as f64, 58.0 + a as f64))).collect(),
            absent_mark: "<5".into(),
        })
        .collect();
    BarChart {
        title: "Instelling: eigen scores tegen de sector".into(),
        subtitle: "2026 · gekleurde balk = eigen score".into(),
        y_label: "Score (0–100)".into(),
        categories: ["Visie en beleid", "Oriëntatie en begeleiding", "Organisatie", "Samenwerking", "Totaal"]
            .map(String::from)
            .to_vec(),
        series,
        source: "Bron: lobmonitor".into(),
        note: "<5 = te weinig respondenten".into(),
    }
}

fn time(label: &str, n: u32, f: impl Fn()) {
    f();
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    println!("{label:<28} {:>7.2} ms", t.elapsed().as_secs_f64() * 1000.0 / n as f64);
}

fn main() {
    let c = chart();
    time("png (raster + encode)", 50, || {
        render(&c, &[ChartFormat::Png]).unwrap();
    });
    time("svg", 50, || {
        render(&c, &[ChartFormat::Svg]).unwrap();
    });
    let (png, _) = render(&c, &[ChartFormat::Png]).unwrap();
    let raw = vec![200u8; 1600 * 1000 * 3];
    time("png encode only (flat)", 50, || {
        lobmonitor::report::charts::encode_png(&raw, 1600, 1000).unwrap();
    });
    println!("png size: {} KiB", png.unwrap().len() / 1024);
}
