//! The tidy tables of the committed sample, compared with the ones recorded before the
//! report was restructured (`tests/fixtures/golden/`, written by `lobmonitor run` on
//! `input/` with SOURCE_DATE_EPOCH=1767225600). A refactoring of the report must not
//! change a figure; a deliberate change of a table updates the recording in the same
//! commit, and says why.

mod common;

use std::path::Path;

use common::*;

#[test]
fn the_samples_tables_are_the_recorded_ones() {
    let (t, input, output) = tempdir();
    copy_sample(&input);
    assert_eq!(lobmonitor(t.path(), &["run"]).code, 0);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    for f in [
        "group_scores.csv",
        "sector_scores.csv",
        "item_scores.csv",
        "benchmarks.csv",
        "line_gaps.csv",
        "sector_changes.csv",
    ] {
        let want = std::fs::read_to_string(golden.join(f)).unwrap();
        let got = std::fs::read_to_string(output.join("data").join(f)).unwrap();
        if want != got {
            let first = want.lines().zip(got.lines()).position(|(a, b)| a != b);
            panic!(
                "{f} differs from the recording (first at line {first:?}): {:?}",
                first.map(|i| (want.lines().nth(i), got.lines().nth(i)))
            );
        }
    }
}
