//! The `lobmonitor` command: parses the command line, calls the library, maps the
//! outcome to an exit code (`cmd::Exit`).

/// mimalloc instead of the system's allocator: a run reads thousands of workbooks on
/// every core and then draws a chart raster per institution and year on every core;
/// with glibc's per-thread arenas a tenth of a national run was spent inside `malloc`
/// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> lobmonitor::cmd::Exit {
    // No transparent huge pages for this process: mimalloc asks for them on its arenas
    // (madvise), and every 2 MiB page the kernel hands out is zeroed whole — a fifth of a
    // national run's CPU went to clearing pages; without them the run is faster and uses
    // no more memory (BENCHMARKS.md, 2026-12-05 b). The call only concerns this process.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    lobmonitor::ingest::workbook::quiet_reader_panics();
    lobmonitor::cmd::main()
}
