//! Sheet writers shared by the sector workbook and the portret: formats, tables with
//! frozen headers and filters, score cells that show `<5` where a figure is hidden.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::report::ReportContext;

/// The formats every workbook uses.
pub struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub score: Format,
    pub int: Format,
    pub hidden: Format,
    pub bold: Format,
    /// Centred text (words in a column of figures, intervals): it does not run into the
    /// figures beside it.
    pub center: Format,
    pub bold_center: Format,
    /// A year as a number, centred.
    pub year: Format,
    pub note: Format,
    pub signed: Format,
    /// A share between 0 and 1 as a percentage.
    pub share: Format,
    /// Above the sector (blue) and below it (orange), with the words in the cell: the
    /// colours of the chart palette's blue and vermillion, lightened; never colour alone.
    pub above: Format,
    pub below: Format,
    /// A percentile band in words (grey, centred).
    pub rank: Format,
    /// Page 1's sentences (plain, wrapped) and its "how to read" box (boxed, shaded).
    pub lead: Format,
    pub boxed: Format,
}

static SHARED: std::sync::LazyLock<Formats> = std::sync::LazyLock::new(Formats::new);

impl Formats {
    /// One set for every workbook of a run: 2,000 portretten need not each build it.
    pub fn shared() -> &'static Formats {
        &SHARED
    }

    pub fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_italic().set_font_color(Color::RGB(0x555555)),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDCE6F1))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            // Every cell sits at the top of its row: where one cell of a row wraps, the
            // others stay level with its first line, not with its last.
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            score: Format::new().set_num_format("0.0").set_align(FormatAlign::Top),
            int: Format::new().set_num_format("0").set_align(FormatAlign::Top),
            hidden: Format::new()
                .set_font_color(Color::RGB(0x666666))
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::Top),
            bold: Format::new().set_bold().set_align(FormatAlign::Top),
            center: Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::Top),
            bold_center: Format::new().set_bold().set_align(FormatAlign::Center).set_align(FormatAlign::Top),
            year: Format::new().set_num_format("0").set_align(FormatAlign::Center).set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            signed: Format::new().set_num_format("+0.0;-0.0;0.0").set_align(FormatAlign::Top),
            share: Format::new().set_num_format("0%").set_align(FormatAlign::Top),
            above: Format::new()
                .set_background_color(Color::RGB(0xCCE3F2))
                .set_font_color(Color::RGB(0x003F66))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            below: Format::new()
                .set_background_color(Color::RGB(0xF7D7C2))
                .set_font_color(Color::RGB(0x7A2E00))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            rank: Format::new()
                .set_font_color(Color::RGB(0x555555))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            lead: Format::new().set_text_wrap().set_font_size(12).set_align(FormatAlign::Top),
            boxed: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xF2F2F2))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xA6A6A6)),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// A workbook stamped with the run's time (`SOURCE_DATE_EPOCH` when set), so the same
/// inputs give the same bytes.
pub fn workbook(ctx: &ReportContext<'_>, title: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    // Level 1 deflates the XML parts in a fraction of the default's time; the files
    // grow by a few percent (BENCHMARKS.md).
    wb.set_zip_compression_level(1);
    let when = ExcelDateTime::from_timestamp(ctx.timestamp)?;
    wb.set_properties(&DocProperties::new().set_title(title).set_author("lobmonitor").set_creation_datetime(&when));
    Ok(wb)
}

/// The most characters a cell holds (Excel's limit; a longer text fails the workbook).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The mark at the end of a text cut to fit a cell.
const CUT_MARK: &str = " […]";

/// A text that fits a cell: longer texts are cut, with a mark, to Excel's limit.
pub fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(s);
    }
    let keep = MAX_CELL_CHARS - CUT_MARK.chars().count();
    std::borrow::Cow::Owned(s.chars().take(keep).collect::<String>() + CUT_MARK)
}

/// Writes text as text: never as a formula, whatever it starts with; cut to Excel's
/// 32,767 characters with a mark where longer (an answer, a header, a name).
pub fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, fit_cell(s), f)?;
    Ok(())
}

/// One cell of a sheet row, with the format it shows in: rows are written as a list of
/// these in their columns' order ([`row`]), never cell by cell at column numbers.
pub enum Value<'f> {
    Text(String, &'f Format),
    Number(f64, &'f Format),
    Empty,
}

impl<'f> Value<'f> {
    pub fn text(s: impl Into<String>, f: &'f Format) -> Value<'f> {
        Value::Text(s.into(), f)
    }

    /// A score, or the mark of why it is hidden (`<5`, `afgeschermd`, …), as [`score`].
    pub fn score(
        v: Option<f64>,
        hidden: Option<crate::score::Why>,
        ctx: &ReportContext<'_>,
        fm: &'f Formats,
    ) -> Value<'f> {
        match (hidden, v) {
            (Some(why), _) => Value::Text(ctx.mark(why), &fm.hidden),
            (None, Some(v)) => Value::Number(v, &fm.score),
            (None, None) => Value::Empty,
        }
    }

    /// A signed difference, never "−0,0" ([`signed`]).
    pub fn signed(v: f64, fm: &'f Formats) -> Value<'f> {
        Value::Number(crate::report::findings::unsigned_zero(v), &fm.signed)
    }

    /// A count or a year as a whole number.
    pub fn int(v: impl Into<f64>, f: &'f Format) -> Value<'f> {
        Value::Number(v.into(), f)
    }

    /// A difference's interval, and whether it is beyond chance (bold where it is): the
    /// two cells every change and gap carries after its value.
    pub fn interval_and_verdict(
        d: &crate::score::Difference,
        ctx: &ReportContext<'_>,
        fm: &'f Formats,
    ) -> [Value<'f>; 2] {
        let f = if d.significant() == Some(true) { &fm.bold_center } else { &fm.center };
        [Value::Text(ctx.interval_text(d), &fm.center), Value::Text(ctx.significance_text(d).to_string(), f)]
    }
}

/// Writes `cells` into `row` from column 0 on, one per column ([`text`] for texts: never
/// a formula).
pub fn row(ws: &mut Worksheet, row: u32, cells: &[Value<'_>]) -> Result<(), XlsxError> {
    row_from(ws, row, 0, cells)
}

/// Writes `cells` into `row` from column `first` on: a block beside a sheet's main table.
pub fn row_from(ws: &mut Worksheet, row: u32, first: u16, cells: &[Value<'_>]) -> Result<(), XlsxError> {
    for (i, cell) in cells.iter().enumerate() {
        let col = first + i as u16;
        match cell {
            Value::Text(s, f) => text(ws, row, col, s, f)?,
            Value::Number(v, f) => {
                ws.write_number_with_format(row, col, *v, f)?;
            }
            Value::Empty => {}
        }
    }
    Ok(())
}

/// A score, or the mark of why it is hidden (`<5`, `afgeschermd`, …).
pub fn score(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<f64>,
    hidden: Option<crate::score::Why>,
    ctx: &ReportContext<'_>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match (hidden, v) {
        (Some(why), _) => {
            ws.write_string_with_format(row, col, ctx.mark(why), &fm.hidden)?;
        }
        (None, Some(v)) => {
            ws.write_number_with_format(row, col, v, &fm.score)?;
        }
        (None, None) => {}
    }
    Ok(())
}

/// A signed difference (a change, a gap): a value that rounds to 0.0 is written as 0,
/// so no cell reads "−0,0".
pub fn signed(ws: &mut Worksheet, row: u32, col: u16, v: f64, fm: &Formats) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, crate::report::findings::unsigned_zero(v), &fm.signed)?;
    Ok(())
}

/// Above, within or below the sector: the words, on a colour for above and below.
pub fn versus(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: crate::score::Versus,
    ctx: &ReportContext<'_>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    use crate::score::Versus;
    let f = match v {
        Versus::Above => &fm.above,
        Versus::Within => &fm.center,
        Versus::Below => &fm.below,
    };
    ws.write_string_with_format(row, col, ctx.versus_text(v), f)?;
    Ok(())
}

/// A percentile rank: the number where there is one, the band in words otherwise.
pub fn rank(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    r: &crate::score::Rank,
    ctx: &ReportContext<'_>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match r.number() {
        Some(n) => {
            ws.write_number_with_format(row, col, n, &fm.year)?;
        }
        None => {
            ws.write_string_with_format(row, col, ctx.rank_text(r), &fm.rank)?;
        }
    }
    Ok(())
}

/// A header row, frozen so it stays in view; its texts wrap within the column widths
/// given, and the row is made as tall as the longest of them needs.
pub fn header(ws: &mut Worksheet, row: u32, names: &[&str], widths: &[f64], fm: &Formats) -> Result<(), XlsxError> {
    for (i, w) in widths.iter().enumerate().take(names.len()) {
        ws.set_column_width(i as u16, *w)?;
    }
    header_in_page(ws, row, names, widths, fm)?;
    ws.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// A header row inside a page (not frozen: rows above it are text, not a table); the
/// column widths are the page's, set by the caller.
pub fn header_in_page(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    widths: &[f64],
    fm: &Formats,
) -> Result<(), XlsxError> {
    for (i, n) in names.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *n, &fm.header)?;
    }
    // Bold letters are about as wide as the width unit (the digit 0) on average.
    let cells: Vec<(&str, f64)> = names.iter().zip(widths).map(|(n, w)| (*n, *w)).collect();
    fit_row(ws, row, &cells)
}

/// A column width (in characters) that holds every one of `texts` on one line: at least
/// `min`, at most `max` (longer texts must then be in a wrapping format).
pub fn width_for<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let longest = texts.into_iter().map(|t| t.chars().count()).max().unwrap_or(0) as f64;
    (longest * 1.05 + 2.0).clamp(min, max)
}

/// Filters over a finished table.
pub fn filter(ws: &mut Worksheet, header_row: u32, last_row: u32, cols: u16) -> Result<(), XlsxError> {
    if last_row > header_row && cols > 0 {
        ws.autofilter(header_row, 0, last_row, cols - 1)?;
    }
    Ok(())
}

/// An RGB colour for a workbook (the chart pack's palette in native charts).
pub fn colour(c: [u8; 3]) -> Color {
    Color::RGB(((c[0] as u32) << 16) | ((c[1] as u32) << 8) | c[2] as u32)
}

/// A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`).
pub fn sheet_name(s: &str) -> String {
    let cleaned: String = s.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).collect();
    cleaned.chars().take(31).collect()
}

/// Print setup for every sheet: A4 landscape, one page wide, header row repeated.
pub fn print_setup(ws: &mut Worksheet, header_row: Option<u32>) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    if let Some(r) = header_row {
        ws.set_repeat_rows(r, r)?;
    }
    Ok(())
}

/// How many lines `text` takes when wrapped at word boundaries in a column `width`
/// characters wide (Calibri 11: about one character per width unit; a word longer than
/// the line is broken).
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let cap = width.max(1.0) as usize;
    text.split('\n')
        .map(|para| {
            let mut lines = 1;
            let mut used = 0;
            for word in para.split_whitespace() {
                let len = word.chars().count();
                let need = if used == 0 { len } else { used + 1 + len };
                if need <= cap {
                    used = need;
                } else {
                    // On a new line (unless this is the line's first word); a word longer
                    // than the line fills lines of its own.
                    lines += usize::from(used > 0) + (len - 1) / cap;
                    used = len - (len - 1) / cap * cap;
                }
            }
            lines
        })
        .sum()
}

/// Height (points) for a row whose wrapped cells hold `cells` (text, column width in
/// characters): spreadsheet programs do not grow rows for wrapped text written by a
/// generator, so the row is sized here.
pub fn fit_row(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    let lines = cells.iter().map(|(t, w)| wrapped_lines(t, *w)).max().unwrap_or(1);
    if lines > 1 {
        ws.set_row_height(row, 15.0 * lines as f64)?;
    }
    Ok(())
}

/// A note across `cols` columns of total width `width`, wrapped, in a row as tall as it
/// needs (one merged row: a merged range over several rows hides what does not fit).
pub fn note(ws: &mut Worksheet, row: u32, cols: u16, width: f64, text: &str, fm: &Formats) -> Result<(), XlsxError> {
    if cols > 1 {
        ws.merge_range(row, 0, row, cols - 1, text, &fm.note)?;
    } else {
        ws.write_string_with_format(row, 0, text, &fm.note)?;
    }
    ws.set_row_height(row, 15.0 * wrapped_lines(text, width * 0.95) as f64)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_cut_with_a_mark() {
        let long = "é".repeat(40_000);
        let cut = fit_cell(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with(" […]"));
        assert_eq!(fit_cell("kort"), "kort");
        let exact = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_cell(&exact).len(), MAX_CELL_CHARS);
    }

    #[test]
    fn wrapping_counts_whole_words() {
        // "Verandering sinds vorig jaar" in 13 characters: "Verandering" (11),
        // "sinds vorig" (11), "jaar": three lines, not the 28/13 → 3 by length alone
        // but two by length × 1.1.
        assert_eq!(wrapped_lines("Verandering sinds vorig jaar", 13.0), 3);
        assert_eq!(wrapped_lines("Ten opzichte van de andere instellingen", 18.0), 3);
        assert_eq!(wrapped_lines("kort", 10.0), 1);
        assert_eq!(wrapped_lines("a\nb", 10.0), 2);
        // A word longer than the line: 25 characters in 10 → three lines.
        assert_eq!(wrapped_lines(&"x".repeat(25), 10.0), 3);
        assert_eq!(wrapped_lines(&format!("ab {}", "x".repeat(25)), 10.0), 4);
    }

    #[test]
    fn a_width_holds_the_longest_text_within_bounds() {
        assert_eq!(width_for(["Rijnmond College", "ROC"], 8.0, 60.0), 16.0 * 1.05 + 2.0);
        assert_eq!(width_for(["a"], 8.0, 60.0), 8.0);
        assert_eq!(width_for([&*"x".repeat(100)], 8.0, 60.0), 60.0);
    }
}
