//! The `lobmonitor` command: parses the command line, calls the library, maps the
//! outcome to an exit code (`cmd::Exit`).

/// mimalloc instead of the system's allocator: a run reads thousands of workbooks on
/// every core and then draws a chart raster per institution and year on every core;
/// with glibc's per-thread arenas a tenth of a national run was spent inside `malloc`
/// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> lobmonitor::cmd::Exit {
    lobmonitor::ingest::workbook::quiet_reader_panics();
    lobmonitor::cmd::main()
}
