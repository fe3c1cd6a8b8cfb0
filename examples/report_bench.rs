//! Where the report stage's time goes per institution-year: the benchmark chart (raster,
//! PNGs, SVG) and the portret workbook, timed separately on one thread.
//!
//! ```sh
//! cargo run --release --example report_bench -- /tmp/lobmonitor-bench/in200
//! ```

use std::path::Path;
use std::time::Instant;

use lobmonitor::config::{ChartFormat, Config};
use lobmonitor::framework::{Editions, Framework};
use lobmonitor::ingest::{ingest, IngestOptions};
use lobmonitor::report::{charts, portret, ReportContext};
use lobmonitor::score::{score, Privacy};

fn main() {
    let input = std::env::args().nth(1).expect("a folder of survey files");
    let editions = Editions::single(Framework::embedded());
    let cfg = Config::default();
    let ing = ingest(&editions, Path::new(&input), &IngestOptions::default()).unwrap();
    let privacy = Privacy::default();
    let scores = score(&editions, &ing.respondents, &ing.institutions, privacy).unwrap();
    let ctx = ReportContext::new(&editions, &cfg, &ing, &scores, privacy);
    let out = tempfile::tempdir().unwrap();
    let pairs: Vec<_> = scores.institution_years().into_iter().take(200).collect();
    let n = pairs.len() as f64;
    let time = |label: &str, f: &dyn Fn(&str, u16)| {
        let t = Instant::now();
        for (inst, year) in &pairs {
            f(inst, *year);
        }
        println!("{label:<44} {:>6.2} ms per institution-year", t.elapsed().as_secs_f64() * 1000.0 / n);
    };
    time("benchmark chart: pack PNG + SVG + CSV + portret PNG", &|i, y| {
        charts::write_benchmark(&ctx, i, y, out.path(), &[ChartFormat::Png, ChartFormat::Svg], true).unwrap();
    });
    time("benchmark chart: portret PNG only", &|i, y| {
        charts::write_benchmark(&ctx, i, y, out.path(), &[], true).unwrap();
    });
    let png = charts::write_benchmark(&ctx, &pairs[0].0, pairs[0].1, out.path(), &[], true).unwrap().1;
    time("portret workbook (with its image)", &|i, y| {
        portret::write(&ctx, i, y, png.as_deref(), &out.path().join("p.xlsx")).unwrap();
    });
    time("portret workbook (no image)", &|i, y| {
        portret::write(&ctx, i, y, None, &out.path().join("p.xlsx")).unwrap();
    });
}
