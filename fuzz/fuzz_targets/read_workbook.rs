//! Any bytes as an xlsx, xls or ods (the first byte picks the format): reading never
//! panics past the guard, never aborts, and stays within the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lobmonitor::ingest::workbook::{read_workbook, Format, Limits};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = [Format::Xlsx, Format::Xls, Format::Ods][pick as usize % 3];
    let limits = Limits { max_file_bytes: 8 << 20, max_sheet_cells: 200_000, max_dense_cells: 200_000, ..Limits::default() };
    let _ = read_workbook(bytes, format, limits);
});
