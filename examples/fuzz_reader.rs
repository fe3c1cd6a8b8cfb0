//! A mutation fuzzer for the workbook reader: feeds mutated copies of real workbooks to
//! `read_workbook` for a number of seconds and reports what came back. Reader panics
//! are caught by the guard and saved as `fuzz-finding-*`; an abort (an allocation the
//! guard cannot catch) leaves the input that caused it as `fuzz-current.*`.
//!
//! ```sh
//! cargo run --release --example fuzz_reader -- 600 tests/fixtures/*.ods tests/fixtures/*.xls input/*.xlsx
//! ```

#[path = "../tests/fuzz_common.rs"]
mod fuzz_common;

use std::time::{Duration, Instant};

use lobmonitor::ingest::ledger::Reason;
use lobmonitor::ingest::workbook::{read_workbook, Format, Limits};

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seeds: Vec<(String, Vec<u8>, Format)> = args
        .filter_map(|p| {
            let f = Format::from_path(std::path::Path::new(&p))?;
            Some((p.clone(), std::fs::read(&p).ok()?, f))
        })
        .collect();
    assert!(!seeds.is_empty(), "give seed workbooks after the number of seconds");
    // Keep the panics that calamine raises (and our guard catches) off the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let limits = Limits { max_file_bytes: 8 << 20, max_sheet_cells: 2_000_000, ..Limits::default() };
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut rng = fuzz_common::rng(std::process::id() as u64);
    let (mut runs, mut ok, mut panics, mut rejected) = (0u64, 0u64, 0u64, 0u64);
    while Instant::now() < end {
        for (name, seed, format) in &seeds {
            let bytes = fuzz_common::mutate(seed, &mut rng);
            runs += 1;
            // Kept on disk while it is read: an abort (not a panic) leaves it behind.
            let _ = std::fs::write(format!("fuzz-current.{}", name.rsplit('.').next().unwrap_or("bin")), &bytes);
            match read_workbook(&bytes, *format, limits) {
                Ok(_) => ok += 1,
                Err(Reason::ReaderPanic) => {
                    panics += 1;
                    let path = format!("fuzz-finding-{panics}.{}", name.rsplit('.').next().unwrap_or("bin"));
                    let _ = std::fs::write(&path, &bytes);
                }
                Err(_) => rejected += 1,
            }
        }
    }
    println!("{runs} inputs in {seconds} s: {ok} read, {rejected} rejected with a reason, {panics} reader panics caught (saved as fuzz-finding-*)");
}
