//! A chart's legend says only what is true of the figures drawn (SPEC §4, "say only what
//! the figures support"): a line whose sector total is hidden is named with the reason
//! (`<5`, `afgeschermd`), never "n = 0" — it has respondents, they are only not shown.

use std::process::Command;

#[test]
fn a_hidden_line_total_is_named_by_its_reason_in_the_line_comparison_legend() {
    let t = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_lobmonitor");
    let (input, output) = (t.path().join("in"), t.path().join("out"));
    // Four sample institutions: too few for lines 2 and 3 to be shown in the sector
    // (they are protected), line 1 shown.
    let ok = |c: &mut Command| assert!(c.status().unwrap().code().unwrap_or(99) <= 3);
    ok(Command::new(bin).args(["sample", "--institutions", "4", "--years", "1", "-o"]).arg(&input));
    ok(Command::new(bin).args(["run", "--input"]).arg(&input).arg("--output").arg(&output));
    let svg = std::fs::read_dir(output.join("charts"))
        .unwrap()
        .flatten()
        .find(|e| {
            e.file_name().to_string_lossy().starts_with("lijnvergelijking-")
                && e.path().extension().is_some_and(|x| x == "svg")
        })
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .expect("a line-comparison chart");
    let names: Vec<&str> = ["1e lijn (", "2e lijn (", "3e lijn ("]
        .iter()
        .filter_map(|l| svg.find(l).map(|i| &svg[i..i + svg[i..].find(')').unwrap() + 1]))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for name in &names {
        let inside = &name[name.find('(').unwrap() + 1..name.len() - 1];
        let shown = inside.strip_prefix("n = ").and_then(|n| n.parse::<u64>().ok());
        assert!(shown.is_some_and(|n| n > 0) || inside == "afgeschermd" || inside == "<5", "{name}");
    }
    assert!(
        names.iter().any(|n| n.contains("afgeschermd") || n.contains("<5")),
        "a hidden line in this sample: {names:?}"
    );
}
