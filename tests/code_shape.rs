//! The shape of the code that the next person to change it relies on (STYLE.md): ingest's
//! modules import one another in one direction only, and no source file grows past 700
//! lines (issue #22).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 700;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A file's text without its unit tests (`#[cfg(test)] mod tests`), which may reach
/// anywhere.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |i| &text[..i])
}

/// The ingest modules a source text names: `crate::ingest::name`, the names inside
/// `crate::ingest::{…}`, and `super::name`; any other item so named (`crate::ingest::
/// Respondent`, `super::relative`) is the module root's, named `mod`.
fn modules_named(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect() };
    let mut named = BTreeSet::new();
    for prefix in ["crate::ingest::", "super::"] {
        for (i, _) in text.match_indices(prefix) {
            let rest = &text[i + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                named.extend(group.split([',', ' ', '\n']).map(ident));
            } else {
                named.insert(ident(rest));
            }
        }
    }
    named
        .into_iter()
        .filter(|m| !m.is_empty() && m != "self")
        .map(|m| if modules.contains(&m) { m } else { "mod".to_string() })
        .collect()
}

/// Every ingest module (its file name) and the ingest modules it imports. The module
/// root (`mod`) declares and runs them all, so a module that imports from the root
/// closes a circle too.
fn ingest_imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = src().join("ingest");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("src/ingest")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .collect();
    let name = |p: &Path| p.file_stem().expect("stem").to_string_lossy().into_owned();
    let modules: BTreeSet<String> = files.iter().map(|p| name(p)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read");
            let mut named = modules_named(without_tests(&text), &modules);
            named.remove(&name(p));
            (name(p), named)
        })
        .collect();
    graph.insert("mod".to_string(), modules);
    graph
}

/// A cycle of imports, where there is one (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut c: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            c.push(node.to_string());
            return Some(c);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_cycle_finder_finds_a_circle_and_passes_a_line() {
    // The check below is only as good as these two: a → b → c → a is found, a → b → c is not.
    let g = |edges: &[(&str, &str)]| {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            m.entry(a.to_string()).or_default().insert(b.to_string());
            m.entry(b.to_string()).or_default();
        }
        m
    };
    assert_eq!(
        cycle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(cycle(&g(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    // Names are read from `use` lines in both spellings, tests left out; an item of the
    // root is the root's.
    let modules: BTreeSet<String> = ["cell", "ledger", "names"].map(String::from).into();
    let text = "use crate::ingest::cell::Sheet;\nuse crate::ingest::{ledger, names::Source};\n";
    assert_eq!(modules_named(text, &modules), modules);
    let root: BTreeSet<String> = ["mod".to_string()].into();
    assert_eq!(modules_named("use crate::ingest::{IngestOptions, Respondent};", &modules), root);
    assert_eq!(modules_named("let p = super::relative(root, path);", &modules), root);
    assert!(modules_named(without_tests("#[cfg(test)]\nmod tests {\n use super::cell;\n}"), &modules).is_empty());
}

#[test]
fn ingest_modules_import_each_other_in_one_direction_only() {
    let graph = ingest_imports();
    assert!(graph.contains_key("cell") && graph.contains_key("read"), "ingest modules not found: {graph:?}");
    // The bottom: a cell module that the readers and the layout use, importing nothing.
    assert!(graph["cell"].is_empty(), "cell.rs imports {:?}", graph["cell"]);
    if let Some(c) = cycle(&graph) {
        panic!("ingest modules import each other in a circle: {}", c.join(" → "));
    }
}

#[test]
fn no_source_file_is_over_700_lines() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).expect("read").lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines})", p.strip_prefix(src()).unwrap_or(p).display()))
        })
        .collect();
    assert!(files.len() > 50, "source files not found under {}", src().display());
    assert!(long.is_empty(), "over {MAX_LINES} lines: {}", long.join(", "));
}
