//! One reader per layout (SPEC §3.1): [`Layout::read`] hands a sheet to the reader of
//! its layout — wide (one respondent per row), transposed (the wide reader over the
//! sheet turned a quarter) or long (one answer per row). A new layout is a variant of
//! [`Layout`] (`layout.rs`, which recognises it) and one reader here. Every reader reads
//! a row's identity and cells by the same rules (`rows.rs`); nothing here decides about
//! scoring.

use std::sync::Arc;

use calamine::Data;

use crate::framework::{Editions, ItemIdx, Line};
use crate::ingest::answer::{Answer, Scale};
use crate::ingest::cell::{cell_text, Field, Sheet, SheetRow};
use crate::ingest::layout::{transposed_respondent_column, Header, Layout};
use crate::ingest::matching::match_item;
use crate::ingest::reason::Reason;
use crate::ingest::rows::{
    identity, raw_cell, raw_cell_of, settle, Defaults, Identity, Kept, Pending, RawCell, RawRow, SheetCtx,
    NOT_IN_EDITION,
};

/// What every reader reads a sheet with.
pub struct SheetInput<'a> {
    pub editions: &'a Editions,
    /// The sheet as it is read (a transposed sheet turned a quarter).
    pub sheet: &'a Sheet,
    /// The header as each edition reads it, where it stands on the leading edition's row.
    pub headers: &'a [Option<&'a Header>],
    /// The edition that leads: the first whose header finds survey columns.
    pub primary: usize,
    pub scale: &'a Scale,
    /// Where the rows come from, shared by them all.
    pub ctx: Arc<SheetCtx>,
    /// What the sheet's context says of the identity a row leaves open.
    pub defaults: &'a Defaults<'a>,
}

impl SheetInput<'_> {
    /// The leading edition's header.
    fn header(&self) -> &Header {
        self.headers[self.primary].expect("the primary edition has a header")
    }
}

/// What a reader makes of a sheet: its respondents' rows, and the answers whose item
/// the catalogue does not know (only a long sheet names items per answer; a wide
/// sheet's unknown columns are the header's).
#[derive(Debug, Default)]
pub struct SheetRows {
    pub rows: Vec<RawRow>,
    pub unknown: Vec<UnknownItem>,
}

impl Layout {
    /// Reads a sheet's data rows with this layout's reader.
    pub fn read(self, input: &SheetInput<'_>) -> SheetRows {
        match self {
            Layout::Wide => SheetRows { rows: wide_rows(input, None), unknown: Vec::new() },
            Layout::Transposed => transposed_rows(input),
            Layout::Long => long_rows(input),
        }
    }
}

/// The transposed reader: the sheet has been turned a quarter (each respondent's column
/// a row), so it reads as a wide sheet, with the respondents named in the column that
/// was the row right above the first item ([`transposed_respondent_column`]).
fn transposed_rows(input: &SheetInput<'_>) -> SheetRows {
    let respondent = transposed_respondent_column(input.header(), input.sheet);
    SheetRows { rows: wide_rows(input, respondent), unknown: Vec::new() }
}

/// Whether a row holds a value (or a formula) in any of the given columns.
fn holds_any(row: &SheetRow, used: &[bool]) -> bool {
    let used_at = |c: &u32| used.get(*c as usize).copied().unwrap_or(false);
    row.cells.iter().any(|(c, _)| used_at(c)) || row.formulas.iter().any(used_at)
}

/// The wide reader: one respondent per row below the header. `input.headers` holds the
/// header as each edition reads it (on the same row), `input.primary` the edition that
/// found the sheet; each row's items are those of the edition of its year.
/// `respondent_col` is a respondent column the header does not name (a transposed
/// sheet's, [`transposed_rows`]).
fn wide_rows(input: &SheetInput<'_>, respondent_col: Option<u32>) -> Vec<RawRow> {
    let SheetInput { editions, sheet, headers, primary, scale, ref ctx, defaults: d } = *input;
    let header = input.header();
    let f = |field| header.field(field);
    let (c_resp, c_inst, c_year, c_line) =
        (respondent_col.or(f(Field::Respondent)), f(Field::Institution), f(Field::Year), f(Field::Line));
    let (c_loc, c_team) = (f(Field::Location), f(Field::Team));
    let width = headers.iter().flatten().flat_map(|h| h.columns.iter().map(|(c, _)| *c + 1)).max().unwrap_or(0);
    let mut used = vec![false; width as usize];
    for h in headers.iter().flatten() {
        for (c, _) in &h.columns {
            used[*c as usize] = true;
        }
    }
    let items: Vec<Vec<(u32, ItemIdx)>> =
        headers.iter().map(|h| h.map(|h| h.items().collect()).unwrap_or_default()).collect();
    // Per edition: the item columns of the other editions that are not its own.
    let all_item_cols: Vec<u32> = items.iter().flatten().map(|(c, _)| *c).collect();
    let foreign_cols: Vec<Vec<u32>> = items
        .iter()
        .map(|own| {
            let mut v: Vec<u32> = all_item_cols.iter().copied().filter(|c| !own.iter().any(|(o, _)| o == c)).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    if let Some(c) = respondent_col {
        if used.len() <= c as usize {
            used.resize(c as usize + 1, false);
        }
        used[c as usize] = true;
    }
    // Item columns in column order (as a header lists them) are found in a row by one
    // walk beside its cells; otherwise by a search per column. Same cells, same order.
    let in_order: Vec<bool> = items.iter().map(|own| own.windows(2).all(|w| w[0].0 < w[1].0)).collect();
    let mut out = Vec::new();
    // A row's cells are gathered here, then moved into a vector of their own size.
    let mut scratch: Vec<RawCell> = Vec::new();
    for row in &sheet.rows[header.data_from..] {
        // A row with no value in any identity or item column is skipped, not counted;
        // a summary row is listed (by `read`), not counted.
        if !holds_any(row, &used) || ctx.is_summary(row.row) {
            continue;
        }
        let get = |c: Option<u32>| c.and_then(|c| row.get(c));
        let pending = identity(get(c_inst), get(c_year), get(c_line), get(d.stamp), d);
        let edition = pending.as_ref().map_or(primary, |id| editions.index_for(id.year));
        let cells = &mut scratch;
        if in_order[edition] {
            let mut k = 0;
            for &(c, i) in &items[edition] {
                while k < row.cells.len() && row.cells[k].0 < c {
                    k += 1;
                }
                let value = row.cells.get(k).filter(|(at, _)| *at == c).map(|(_, v)| v);
                cells.extend(raw_cell_of(i, row, c, value, scale));
            }
        } else {
            cells.extend(items[edition].iter().filter_map(|&(c, i)| raw_cell(i, row, c, scale)));
        }
        // Columns of another edition's items hold answers this row's edition cannot
        // score: they are rejected answers, not lost ones.
        for &c in &foreign_cols[edition] {
            if let Some(v) = row.get(c) {
                if scale.read(v) != Answer::Missing {
                    cells.push(RawCell {
                        item: NOT_IN_EDITION,
                        row: row.row,
                        col: c,
                        answer: Kept::rejected(Reason::ItemNotInEdition(editions.get(edition).edition.clone()), v),
                    });
                }
            }
        }
        // Held until classification: no room to spare (a sheet of all lines has three
        // times the columns a row answers).
        let mut cells: Vec<RawCell> = Vec::with_capacity(scratch.len());
        cells.append(&mut scratch);
        let identity = pending.and_then(|p| settle(p, &cells, editions, edition));
        out.push(RawRow {
            ctx: ctx.clone(),
            edition: edition as u8,
            row: row.row,
            first_col: row.cells.first().map_or(0, |(c, _)| *c),
            identity,
            respondent: get(c_resp).map(cell_text).filter(|s| !s.is_empty()),
            location: get(c_loc).map(cell_text).filter(|s| !s.is_empty()).or_else(|| d.location.clone()),
            team: get(c_team).map(cell_text).filter(|s| !s.is_empty()).or_else(|| d.team.clone()),
            cells,
        });
    }
    out
}

/// A long-layout answer whose item is not in the catalogue: where, and the item text.
#[derive(Debug, Clone)]
pub struct UnknownItem {
    pub row: u32,
    pub col: u32,
    pub item: String,
}

/// The long reader: one answer per row, grouped by respondent (with institution, year
/// and line) in order of first appearance; a group counts as one row read. Answers to
/// items the catalogue does not know are handed back beside the rows.
fn long_rows(input: &SheetInput<'_>) -> SheetRows {
    let SheetInput { editions, sheet, primary, scale, ref ctx, defaults: d, .. } = *input;
    let header = input.header();
    let f = |field| header.field(field);
    let (c_resp, c_inst, c_year, c_line) =
        (f(Field::Respondent), f(Field::Institution), f(Field::Year), f(Field::Line));
    let (c_loc, c_team) = (f(Field::Location), f(Field::Team));
    let c_item = f(Field::Item).expect("long layout has an item column");
    let c_ans = f(Field::Answer).expect("long layout has an answer column");
    let used: Vec<u32> = header.columns.iter().map(|(c, _)| *c).collect();
    let mut out: Vec<RawRow> = Vec::new();
    let mut index: std::collections::HashMap<(String, Result<Pending, String>), usize> = Default::default();
    // Each group's identity, its line settled once all its answers are in.
    let mut pendings: Vec<Option<Pending>> = Vec::new();
    // Answers whose item is unknown, listed as rejected answers.
    let mut unknown = Vec::new();
    for row in &sheet.rows[header.data_from..] {
        if !row.cells.iter().any(|(c, _)| used.contains(c)) && !row.formulas.iter().any(|c| used.contains(c))
            || ctx.is_summary(row.row)
        {
            continue;
        }
        let get = |c: Option<u32>| c.and_then(|c| row.get(c));
        let resp = get(c_resp).map(cell_text).filter(|s| !s.is_empty());
        let ident = identity(get(c_inst), get(c_year), get(c_line), get(d.stamp), d);
        let edition = ident.as_ref().map_or(primary, |id| editions.index_for(id.year));
        let key_ident = ident.clone().map_err(|(_, v)| v);
        // Rows without a respondent each stand alone: they cannot be grouped.
        let slot = match &resp {
            Some(r) => *index.entry((r.clone(), key_ident)).or_insert_with(|| {
                pendings.push(ident.as_ref().ok().cloned());
                out.push(RawRow {
                    ctx: ctx.clone(),
                    edition: edition as u8,
                    row: row.row,
                    first_col: row.cells.first().map_or(0, |(c, _)| *c),
                    // The line is settled below, once the group's answers are in.
                    identity: ident.clone().map(|p| Identity {
                        institution: p.institution,
                        year: p.year,
                        line: Line::L1,
                    }),
                    respondent: Some(r.clone()),
                    location: get(c_loc).map(cell_text).filter(|s| !s.is_empty()).or_else(|| d.location.clone()),
                    team: get(c_team).map(cell_text).filter(|s| !s.is_empty()).or_else(|| d.team.clone()),
                    cells: Vec::new(),
                });
                out.len() - 1
            }),
            None => {
                pendings.push(None);
                out.push(RawRow {
                    ctx: ctx.clone(),
                    edition: edition as u8,
                    row: row.row,
                    first_col: row.cells.first().map_or(0, |(c, _)| *c),
                    identity: Err((Reason::MissingRespondent, String::new())),
                    respondent: None,
                    location: None,
                    team: None,
                    cells: Vec::new(),
                });
                out.len() - 1
            }
        };
        if row.get(c_ans).is_none() && !row.is_formula(c_ans) {
            continue;
        }
        let item_text = get(Some(c_item)).map(cell_text).unwrap_or_default();
        match match_item(editions.get(edition), &item_text).map(|m| m.item) {
            Some(item) => {
                if let Some(mut cell) = raw_cell(item, row, c_ans, scale) {
                    if out[slot].cells.iter().any(|c| c.item == item) {
                        let value = row.get(c_ans).cloned().unwrap_or(Data::Empty);
                        cell.answer = Kept::rejected(Reason::SecondAnswerForItem, &value);
                    }
                    out[slot].cells.push(cell);
                }
            }
            None => unknown.push(UnknownItem { row: row.row, col: c_item, item: item_text }),
        }
    }
    for (raw, pending) in out.iter_mut().zip(pendings) {
        if let Some(p) = pending {
            raw.identity = settle(p, &raw.cells, editions, raw.edition as usize);
        }
    }
    SheetRows { rows: out, unknown }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::ingest::layout::tests::sheet;
    use crate::ingest::layout::{find_header, transpose_if_across};
    use crate::ingest::ledger::Place;
    use crate::ingest::names::{Candidates, Source};

    /// Reads `sheet` with `layout`'s reader, the context naming institution, year and line.
    fn read(editions: &Editions, sheet: &Sheet, header: &Header, layout: Layout) -> SheetRows {
        let defaults = Defaults {
            institution: vec![(Source::FileName, Candidates::One("Het Baken".into()))],
            year: vec![(Source::FileName, Ok(2026))],
            line: vec![(Source::FileName, crate::ingest::roles::Lines::one(Line::L1))],
            ..Defaults::default()
        };
        let ctx =
            Arc::new(SheetCtx { file: 0, place: Place::new("a.xlsx", "Blad1"), present: vec![], summary_rows: vec![] });
        let headers = [Some(header)];
        let scale = Scale::default();
        let input =
            SheetInput { editions, sheet, headers: &headers, primary: 0, scale: &scale, ctx, defaults: &defaults };
        layout.read(&input)
    }

    fn degrees(r: &RawRow) -> Vec<u8> {
        r.cells.iter().map(|c| if let Kept::Degree(d) = c.answer { d } else { 99 }).collect()
    }

    #[test]
    fn the_transposed_reader_names_each_respondent_by_the_column_it_was_written_in() {
        // SPEC §3.1: items down column A, one column per respondent. Turned, "Docent 1"
        // and "Docent 2" head the rows; the transposed reader takes them as the
        // respondents, where the wide reader would leave the rows unnamed.
        let editions = Editions::new(Framework::embedded(), Vec::new()).unwrap();
        let original = sheet(vec![
            vec!["Item", "Docent 1", "Docent 2"],
            vec!["L1-VB-R1", "ja", "nee"],
            vec!["L1-VB-R2", "ja", "grotendeels"],
            vec!["L1-VB-R3", "nee", "enigszins"],
        ]);
        let turned = transpose_if_across(editions.get(0), &original, 1).expect("items run down column A");
        let mut header = find_header(editions.get(0), &turned).expect("a header across");
        assert_eq!(header.layout, Layout::Wide);
        header.layout = header.layout.turned();
        assert_eq!(header.layout, Layout::Transposed);
        let read_as = |layout| read(&editions, &turned, &header, layout);
        let t = read_as(Layout::Transposed);
        let who: Vec<Option<&str>> = t.rows.iter().map(|r| r.respondent.as_deref()).collect();
        assert_eq!(who, vec![Some("Docent 1"), Some("Docent 2")]);
        // ja = 3, nee = 0, grotendeels = 2, enigszins = 1 (thirds).
        assert_eq!(degrees(&t.rows[0]), vec![3, 3, 0]);
        assert_eq!(degrees(&t.rows[1]), vec![0, 2, 1]);
        assert!(t.unknown.is_empty());
        let w = read_as(Layout::Wide);
        assert_eq!(w.rows.len(), 2);
        assert!(w.rows.iter().all(|r| r.respondent.is_none()), "the wide reader knows no respondent column here");
    }

    #[test]
    fn the_long_reader_groups_answers_by_respondent_and_hands_back_unknown_items() {
        // SPEC §3.1: one answer per row. Two respondents, three answers for the first
        // (one to an item the catalogue does not know), one for the second.
        let editions = Editions::new(Framework::embedded(), Vec::new()).unwrap();
        let s = sheet(vec![
            vec!["Respondent", "Item", "Antwoord"],
            vec!["r1", "L1-VB-R1", "ja"],
            vec!["r2", "L1-VB-R1", "nee"],
            vec!["r1", "L1-XX-R9", "ja"],
            vec!["r1", "L1-VB-R2", "enigszins"],
        ]);
        let header = find_header(editions.get(0), &s).expect("a long header");
        assert_eq!(header.layout, Layout::Long);
        let r = read(&editions, &s, &header, Layout::Long);
        let who: Vec<Option<&str>> = r.rows.iter().map(|r| r.respondent.as_deref()).collect();
        assert_eq!(who, vec![Some("r1"), Some("r2")]);
        assert_eq!((degrees(&r.rows[0]), degrees(&r.rows[1])), (vec![3, 1], vec![0]));
        assert_eq!(r.unknown.len(), 1);
        assert_eq!((r.unknown[0].row, r.unknown[0].col, r.unknown[0].item.as_str()), (3, 1, "L1-XX-R9"));
    }
}
