//! Inputs hostile in new ways (issue #20, item 6), each built here and run through the
//! binary: a package with two parts of one name, a CSV of one 60 MB line, control bytes
//! in cells, a CSV mixing UTF-8 and Windows-1252, folders past the path limit and
//! folders lobmonitor may not read, and `validate` on names that steer a terminal and
//! through a pipe closed early. Each asserts the exit code, the message and that
//! nothing is lost or read silently (SPEC §3, §3.3, §5).

mod common;

use std::io::{Read, Write};
use std::path::Path;

use common::*;

/// A good survey beside the hostile one: 5 respondents of "Goed College", line 1,
/// every item answered.
fn good_file(input: &Path) {
    let items = items_of_line(1);
    let mut rows = vec![header(&items)];
    for i in 1..=5 {
        rows.push(row_all(&i.to_string(), items.len(), "ja"));
    }
    write_xlsx(&input.join("goed.xlsx"), vec![info("Goed College", 2026, "mbo"), sheet("1e lijn", rows)]);
}

fn status(output: &Path, path: &str) -> String {
    let m = manifest(output);
    let input = m["inputs"].as_array().unwrap().iter().find(|i| i["path"] == path);
    input.unwrap_or_else(|| panic!("{path} not listed: {}", m["inputs"]))["status"].as_str().unwrap().into()
}

fn rejection_of(output: &Path, file: &str) -> Vec<Vec<String>> {
    read_csv(&output.join("data/rejections.csv")).into_iter().filter(|r| r[0] == file).collect()
}

/// A copy of a zip package with one more part, written by the zip crate under a name
/// of the same length as `twin` and then renamed to `twin` in the bytes (local header
/// and directory): the zip crate refuses to write one name twice, a hostile tool does not.
fn with_twin_part(src: &Path, dst: &Path, twin: &str, body: &[u8]) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        zout.raw_copy_file(zin.by_index(i).unwrap()).unwrap();
    }
    let stand_in = format!("{}#", &twin[..twin.len() - 1]);
    zout.start_file(stand_in.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
    zout.write_all(body).unwrap();
    let mut bytes = zout.finish().unwrap().into_inner();
    let mut renamed = 0;
    while let Some(at) = bytes.windows(stand_in.len()).position(|w| w == stand_in.as_bytes()) {
        bytes[at..at + twin.len()].copy_from_slice(twin.as_bytes());
        renamed += 1;
    }
    assert_eq!(renamed, 2, "the name in the local header and in the directory");
    std::fs::write(dst, bytes).unwrap();
}

fn part(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn a_package_holding_two_parts_of_one_name_is_rejected_never_read_with_one_of_them() {
    let (t, input, output) = tempdir();
    good_file(&input);
    // An xlsx whose response sheet part is there twice: the first with 5 respondents
    // answering ja, the second with only the header row. Which one a reader takes is
    // up to the reader (the zip crate takes the last: 0 respondents; Excel shows 5).
    let items = items_of_line(1);
    let mut rows = vec![header(&items)];
    for i in 1..=5 {
        rows.push(row_all(&format!("d{i}"), items.len(), "ja"));
    }
    let base = t.path().join("base.xlsx");
    write_xlsx(&base, vec![info("Dubbel College", 2026, "vo"), sheet("1e lijn", rows)]);
    let sheet_xml = part(&base, "xl/worksheets/sheet2.xml");
    let header_only = {
        let row2 = sheet_xml.find("<row r=\"2\"").unwrap();
        let end = sheet_xml.find("</sheetData>").unwrap();
        format!("{}{}", &sheet_xml[..row2], &sheet_xml[end..])
    };
    with_twin_part(&base, &input.join("dubbel.xlsx"), "xl/worksheets/sheet2.xml", header_only.as_bytes());
    // An ods whose content.xml is there twice (the second one empty of tables).
    let ods = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms-export.ods");
    with_twin_part(&ods, &input.join("dubbel.ods"), "content.xml", b"<office:document-content/>");
    // And one whose second sheet part differs only in case: the same part to a reader
    // of the Open Packaging Conventions.
    with_twin_part(&base, &input.join("hoofdletters.xlsx"), "XL/worksheets/sheet2.xml", header_only.as_bytes());

    let r = lobmonitor(t.path(), &["run"]);
    assert_eq!(r.code, 3, "a rejected file: {}", r.stderr);
    // Only Goed College's 5 respondents: none of Dubbel College's, from either part.
    let m = manifest(&output);
    assert_eq!(m["counts"]["respondents_scored"], 5, "{}", m["counts"]);
    assert_eq!(m["counts"]["rows_read"], 5);
    for (file, name) in [
        ("dubbel.xlsx", "xl/worksheets/sheet2.xml"),
        ("dubbel.ods", "content.xml"),
        ("hoofdletters.xlsx", "xl/worksheets/sheet2.xml"),
    ] {
        assert_eq!(status(&output, file), "rejected");
        let rej = rejection_of(&output, file);
        assert_eq!(rej.len(), 1, "{rej:?}");
        assert_eq!(rej[0][3], "file");
        assert!(
            rej[0][5].contains(&format!("twee onderdelen met dezelfde naam ({name})"))
                && rej[0][5].contains("niet gelezen"),
            "{rej:?}"
        );
    }
    // validate says the same, in English too.
    let v = lobmonitor(t.path(), &["validate", "--lang", "en", "input/dubbel.xlsx"]);
    assert_eq!(v.code, 1, "no readable survey file: {}", v.stderr);
    assert!(v.stdout.contains("dubbel.xlsx: REJECTED"), "{}", v.stdout);
    assert!(v.stdout.contains("two parts of the same name (xl/worksheets/sheet2.xml)"), "{}", v.stdout);
}
