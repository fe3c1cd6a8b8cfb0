//! Where each row and cell goes (SPEC §3.3), in file and row order, with every file in
//! view: copies of files read once, duplicate respondents, the answer rules, the
//! reconciliation counts.
//!
//! Duplicates as people mean them:
//! - a byte-identical file, or a file whose every response equals an earlier file's
//!   (the same survey sent twice, in two formats), is read once and the copy listed;
//! - within one file, the same (institution, year, respondent id) twice is a duplicate:
//!   the first is kept, the later one rejected, both locations named;
//! - across files, a reused respondent id is a different person (survey tools number
//!   every form from 1) unless the whole response is the same;
//! - a row repeated exactly on another sheet of the same workbook counts once.
//!
//! "The whole response" is the row's identity, respondent id and every item answer as
//! read; metadata columns (start times, e-mail) are left out, since two formats of one
//! export write dates differently.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use foldhash::HashMap;

use crate::framework::{Editions, ItemIdx, Line};
use crate::ingest::answer::BlankPolicy;
use crate::ingest::ingested::{Ingested, Respondent};
use crate::ingest::institutions::InstitutionMeta;
use crate::ingest::ledger::{Counts, FileStatus, Ledger, Level, Rejection};
use crate::ingest::options::IngestOptions;
use crate::ingest::read::FileRead;
use crate::ingest::reason::Reason;
use crate::ingest::rows::{self, Kept, RawRow, RejectedAnswer, SheetCtx};
use crate::ingest::spelling;

/// A response as a whole, for telling copies from different people.
pub(crate) fn fingerprint(row: &RawRow) -> u64 {
    // A fixed seed: the same response gives the same print in every run.
    let mut h = std::hash::BuildHasher::build_hasher(&foldhash::fast::FixedState::with_seed(0x10b));
    match &row.identity {
        Ok(id) => (0u8, &id.institution, id.year, id.line.number()).hash(&mut h),
        Err((reason, value)) => (1u8, format!("{reason:?}"), value).hash(&mut h),
    }
    row.respondent.hash(&mut h);
    let mut cells: Vec<(ItemIdx, u32, &str)> = row
        .cells
        .iter()
        .map(|c| match &c.answer {
            Kept::Degree(d) => (c.item, u32::from(*d), ""),
            Kept::NotApplicable => (c.item, 10, ""),
            Kept::Rejected(r) => (c.item, 11, r.value.as_str()),
        })
        .collect();
    cells.sort_unstable();
    cells.hash(&mut h);
    h.finish()
}

/// The number of items of each edition's lines: what a respondent of that line could
/// answer.
pub(crate) fn own_items(editions: &Editions) -> HashMap<(u8, Line), usize> {
    (0..editions.len())
        .flat_map(|e| Line::ALL.iter().map(move |&l| (e, l)))
        .map(|(e, l)| ((e as u8, l), editions.get(e).line_items(l).count()))
        .collect()
}

/// What a row's answer cells come to, whatever is decided of the row: made by the
/// reading worker beside the row's [`fingerprint`] (the cells are in its cache there,
/// and are let go there), so the classification, which runs on one thread with every
/// file in view, only adds the figures up. Whether the row's answers are scored
/// depends on the other rows (duplicates), so the answers that would be scored are
/// counted apart (`degrees`).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Cells read, n.v.t., of another line, rejected (each rejected one is listed in
    /// `rejections`, in cell order), and the answers that are scored if the row is.
    read: u64,
    na: u64,
    other_line: u64,
    rejected: u64,
    degrees: u64,
    /// Own-line items applicable (not n.v.t.), against which the answered ones
    /// (`answers`) are held for the minimum answered.
    applicable: usize,
    /// Own-line items without a value.
    missing: u64,
    rejections: Vec<Rejection>,
    /// The row's own-line answers and n.v.t. items, sorted, for its [`Respondent`].
    answers: Vec<(ItemIdx, u8)>,
    na_items: Vec<ItemIdx>,
}

/// The [`Tally`] of a row, taking its cells (nothing after this reads them). With
/// `blank = "no"`, an own-line item present on the sheet and left empty is answered
/// "nee" (SPEC §3.2).
pub(crate) fn tally(
    editions: &Editions,
    own_items: &HashMap<(u8, Line), usize>,
    row: &mut RawRow,
    blank: BlankPolicy,
) -> Tally {
    let mut cells = std::mem::take(&mut row.cells);
    let place = &row.ctx.place;
    let mut t = Tally::default();
    let list_answer = |t: &mut Tally, cell: &rows::RawCell, r: &RejectedAnswer| {
        t.rejected += 1;
        t.rejections.push(place.reject(Level::Answer, Some((cell.row, cell.col)), r.value.clone(), r.reason.clone()));
    };
    let line = match &row.identity {
        Ok(id) => id.line,
        Err(_) => {
            // Line unknown: no cell can be other-line.
            for cell in &cells {
                t.read += 1;
                match &cell.answer {
                    Kept::NotApplicable => t.na += 1,
                    Kept::Rejected(r) => list_answer(&mut t, cell, r),
                    Kept::Degree(_) => t.degrees += 1,
                }
            }
            return t;
        }
    };
    let fw = editions.get(row.edition as usize);
    if blank == BlankPolicy::No {
        for &item in &row.ctx.present[row.edition as usize] {
            if fw.item(item).id.line == line && !cells.iter().any(|c| c.item == item) {
                cells.push(rows::RawCell { item, row: row.row, col: 0, answer: Kept::Degree(0) });
            }
        }
    }
    let own = own_items[&(row.edition, line)];
    let is_own = |item: ItemIdx| item != rows::NOT_IN_EDITION && fw.item(item).id.line == line;
    let mut nonempty_own = 0;
    for cell in &cells {
        t.read += 1;
        if cell.item == rows::NOT_IN_EDITION {
            if let Kept::Rejected(r) = &cell.answer {
                list_answer(&mut t, cell, r);
            }
            continue;
        }
        if !is_own(cell.item) {
            t.other_line += 1;
            continue;
        }
        nonempty_own += 1;
        match &cell.answer {
            Kept::NotApplicable => {
                t.na += 1;
                t.na_items.push(cell.item);
            }
            Kept::Rejected(r) => list_answer(&mut t, cell, r),
            Kept::Degree(d) => {
                t.degrees += 1;
                t.answers.push((cell.item, *d));
            }
        }
    }
    t.applicable = own - t.na_items.len();
    t.missing = (own - nonempty_own) as u64;
    t.answers.sort_unstable();
    t.na_items.sort_unstable();
    t
}

/// A respondent id seen: in which file, where, with which whole response.
struct Seen {
    file: usize,
    location: At,
    print: u64,
}

/// Where a row stands: its sheet and first cell; written out, as the duplicate
/// messages name it, only for a duplicate (most rows are none).
#[derive(Clone)]
struct At {
    ctx: Arc<SheetCtx>,
    row: u32,
    col: u32,
}

impl At {
    fn of(row: &RawRow) -> At {
        At { ctx: row.ctx.clone(), row: row.row, col: row.first_col }
    }

    fn text(&self) -> String {
        let place = &self.ctx.place;
        format!("{} / {} / {}", place.file, place.sheet, place.cell(self.row, self.col))
    }
}

pub(crate) fn classify(
    reads: Vec<(FileRead, Vec<u64>, Vec<Tally>)>,
    mut metas: BTreeMap<String, InstitutionMeta>,
    opts: &IngestOptions,
) -> Ingested {
    let mut ledger = Ledger::default();
    // Sized for every row read, once: a national run holds a hundred thousand.
    let rows_read: usize = reads.iter().map(|(r, _, _)| r.rows.len()).sum();
    let mut respondents = Vec::with_capacity(rows_read);
    // (institution, year, respondent id) → where it was seen: first in each file, in file
    // order (within a file a second sighting is a duplicate; across files, only with
    // the same whole response).
    let mut ids: HashMap<(String, u16, String), Vec<Seen>> =
        HashMap::with_capacity_and_hasher(rows_read, Default::default());
    // Files already read, by content and by their responses.
    let mut by_sha: HashMap<String, String> = HashMap::default();
    let mut by_responses: HashMap<Vec<u64>, String> = HashMap::default();
    // One institution however it is spelled: every name read (byte-identical copies
    // aside), resolved against the institutions file, before any row is placed.
    let names = {
        let mut seen_sha: foldhash::HashSet<&str> = Default::default();
        let read_names = reads
            .iter()
            .map(|(r, _, _)| r)
            .filter(|r| {
                matches!(r.file.status, FileStatus::Accepted)
                    && (r.file.sha256.is_empty() || seen_sha.insert(r.file.sha256.as_str()))
            })
            .flat_map(|r| r.rows.iter().filter_map(|row| row.identity.as_ref().ok().map(|id| id.institution.as_str())));
        spelling::resolve(read_names, &mut metas)
    };
    for (fi, (read, prints, tallies)) in reads.into_iter().enumerate() {
        let FileRead { mut file, rows, info, mut rejections, notes, mappings, unknown_answers, summary_rows } = read;
        // Copies are read once (`prints`: each row's [`fingerprint`], made beside the
        // reading, in parallel).
        if matches!(file.status, FileStatus::Accepted) {
            let copy = match by_sha.get(&file.sha256) {
                Some(first) => Some(Reason::CopyOf(first.clone())),
                None => {
                    let mut sorted = prints.clone();
                    sorted.sort_unstable();
                    let same = (!sorted.is_empty()).then(|| by_responses.get(&sorted)).flatten();
                    match same {
                        Some(first) => Some(Reason::SameResponsesAs(first.clone())),
                        None => {
                            if !sorted.is_empty() {
                                by_responses.insert(sorted, file.path.clone());
                            }
                            None
                        }
                    }
                }
            };
            if !file.sha256.is_empty() {
                by_sha.entry(file.sha256.clone()).or_insert_with(|| file.path.clone());
            }
            if let Some(reason) = copy {
                file.status = FileStatus::Duplicate;
                file.note = Some(reason);
                ledger.files.push(file);
                continue;
            }
        }
        ledger.notes.extend(notes);
        ledger.mappings.extend(mappings);
        let mut c = Counts {
            answers_read: unknown_answers,
            answers_rejected: unknown_answers,
            rows_summary: summary_rows,
            ..Counts::default()
        };
        let mut filled: Vec<String> = Vec::new();
        // Within this file: whole responses by sheet.
        let mut responses: HashMap<u64, At> = HashMap::default();
        for ((row, print), t) in rows.into_iter().zip(prints).zip(tallies) {
            c.rows_read += 1;
            let place = &row.ctx.place;
            let here = At::of(&row);
            let reject_row = |rejections: &mut Vec<Rejection>, reason: Reason, value: String| {
                rejections.push(place.reject(Level::Row, Some((row.row, row.first_col)), value, reason));
            };
            // The row's cells as its tally counted them: rejected answers are listed
            // after the row's own rejection.
            let add_cells = |c: &mut Counts, rejections: &mut Vec<Rejection>, t: Tally, scored: bool| {
                c.answers_read += t.read;
                c.answers_na += t.na;
                c.answers_other_line += t.other_line;
                c.answers_rejected += t.rejected;
                if scored {
                    c.answers_scored += t.degrees;
                } else {
                    c.answers_unscored += t.degrees;
                }
                rejections.extend(t.rejections);
                (t.answers, t.na_items)
            };
            let ident = match &row.identity {
                Ok(id) => rows::Identity {
                    institution: names.shown(&id.institution).to_string(),
                    year: id.year,
                    line: id.line,
                },
                Err((reason, value)) => {
                    c.respondents_rejected += 1;
                    reject_row(&mut rejections, reason.clone(), value.clone());
                    add_cells(&mut c, &mut rejections, t, false);
                    continue;
                }
            };
            // What the workbook's Info sheet says of the institution, once per file.
            if filled.last() != Some(&ident.institution) && !filled.contains(&ident.institution) {
                let meta = metas
                    .entry(ident.institution.clone())
                    .or_insert_with(|| InstitutionMeta::named(&ident.institution));
                if let Some(info) = &info {
                    meta.fill_from_info(info);
                }
                filled.push(ident.institution.clone());
            }
            // Duplicates are checked before the answer rules.
            // The first sighting of an id in this file is its entry of this file (the
            // table keeps one per file, in file order); one in another file is the same
            // person only with the same whole response.
            let mut duplicate = None;
            if let Some(resp) = &row.respondent {
                let seen = ids.entry((ident.institution.clone(), ident.year, resp.clone())).or_default();
                if let Some(first) = seen.iter().find(|s| s.file == fi) {
                    duplicate = Some(first.location.clone());
                } else {
                    if let Some(first) = seen.iter().find(|s| s.file != fi && s.print == print) {
                        duplicate = Some(first.location.clone());
                    }
                    seen.push(Seen { file: fi, location: here.clone(), print });
                }
            }
            match responses.get(&print) {
                Some(first) if duplicate.is_none() && first.ctx.place.sheet != place.sheet => {
                    duplicate = Some(first.clone())
                }
                Some(_) => {}
                None => {
                    responses.insert(print, here);
                }
            }
            let scored = if let Some(first) = duplicate {
                c.respondents_rejected += 1;
                reject_row(&mut rejections, Reason::Duplicate(first.text()), String::new());
                false
            } else if t.answers.is_empty() {
                c.respondents_rejected += 1;
                reject_row(&mut rejections, Reason::NoValidAnswer, String::new());
                false
            } else if (t.answers.len() as f64) < opts.min_answered * t.applicable as f64 {
                c.respondents_excluded += 1;
                reject_row(
                    &mut rejections,
                    Reason::BelowMinAnswered {
                        answered: t.answers.len(),
                        applicable: t.applicable,
                        min: opts.min_answered,
                    },
                    String::new(),
                );
                false
            } else {
                c.respondents_scored += 1;
                c.answers_missing += t.missing;
                true
            };
            let (answers, na) = add_cells(&mut c, &mut rejections, t, scored);
            if scored {
                let resp = Respondent {
                    key: format!("R{:06}", respondents.len() + 1),
                    file: fi,
                    institution: ident.institution,
                    year: ident.year,
                    line: ident.line,
                    edition: row.edition,
                    location: row.location,
                    team: row.team,
                    answers,
                    na,
                };
                respondents.push(resp);
            }
        }
        file.counts = c;
        file.respondents = c.respondents_scored;
        // The status tells the truth (SPEC §3.5): rows read and none accepted is a
        // rejected file; something rejected or excluded is a partial one; ignored
        // columns and summary rows alone are not. A survey without rows (a blank
        // template) had nothing to reject and stays accepted, with no respondent.
        if file.status == FileStatus::Accepted {
            if c.respondents_scored == 0 && c.rows_read > 0 {
                file.status = FileStatus::Rejected;
                file.note.get_or_insert(Reason::NothingAccepted);
            } else if c.respondents_excluded > 0 || rejections.iter().any(|r| r.reason.is_rejection()) {
                file.status = FileStatus::Partial;
            }
        }
        ledger.counts.add(&c);
        ledger.rejections.extend(rejections);
        ledger.files.push(file);
    }
    // The explanations lead (Datakwaliteit, rejections.csv, validate); the rest keep
    // their order.
    ledger.rejections.sort_by_key(|r| r.level != Level::Sheet);
    ledger.names = names.groups.into_iter().filter(|g| g.has_variants()).collect();
    ledger.look_alikes = names.look_alikes;
    Ingested { respondents, institutions: metas, ledger, ..Default::default() }
}
