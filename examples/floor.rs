//! The floor for ingest: open every spreadsheet below a folder and touch every cell with
//! calamine, in parallel like lobmonitor's ingest, doing nothing else. No reader can be
//! faster than this; BENCHMARKS.md shows ingest as a ratio to it.
//!
//! ```sh
//! cargo run --release --example floor -- /tmp/nat1000
//! ```

use std::time::Instant;

use calamine::{open_workbook_auto, Data, Reader};
use rayon::prelude::*;

fn main() {
    let dir = std::env::args().nth(1).expect("folder with survey files");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e, "xlsx" | "xls" | "ods" | "xlsm"))
        })
        .collect();
    let t = Instant::now();
    let cells: usize = files
        .par_iter()
        .map(|p| {
            let mut wb = open_workbook_auto(p).unwrap();
            let mut n = 0;
            for name in wb.sheet_names() {
                let r = wb.worksheet_range(&name).unwrap();
                n += r.used_cells().filter(|(_, _, v)| !matches!(v, Data::Empty)).count();
            }
            n
        })
        .sum();
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) as f64 * 1000.0
        + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) as f64 / 1000.0;
    println!("floor: {} files, {} cells, {} ms (CPU {cpu:.0} ms)", files.len(), cells, t.elapsed().as_millis());
}
