//! The memory allocator: mimalloc instead of the system's.
//!
//! A run reads thousands of workbooks on every core and then draws a
//! multi-megabyte chart raster per institution and year on every core. With glibc's
//! per-thread arenas a tenth of a national run was spent inside `malloc` itself; with
//! mimalloc's default of handing freed memory back to the operating system after a
//! second, the same pages were faulted in again and again (a second of kernel time
//! in ingest alone). A batch run that ends in seconds has no use for giving memory
//! back, so [`keep_freed_memory`] turns purging off. Figures in BENCHMARKS.md.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of mimalloc 3; the
/// crate names no constant for it). A unit test pins it to the documented default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory in the process for reuse instead of returning it to the
/// operating system (`purge_delay = -1`). Call once, at the start of `main`.
pub fn keep_freed_memory() {
    // SAFETY: sets a process-wide option before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_with_mimallocs_default_of_a_second() {
        // mimalloc 3 documents purge_delay's default as 1,000 ms (options.c); no
        // neighbouring option has that default, so this pins the index.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) }, 1000);
        }
    }
}
