//! Any bytes as delimited text: encoding and delimiter detection never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lobmonitor::ingest::workbook::Limits;

fuzz_target!(|data: &[u8]| {
    let _ = lobmonitor::ingest::delimited::read(data, Limits { max_sheet_cells: 200_000, ..Limits::default() });
});
