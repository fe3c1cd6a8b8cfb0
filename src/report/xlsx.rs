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
    pub note: Format,
    pub signed: Format,
    /// A share between 0 and 1 as a percentage.
    pub share: Format,
    /// Above the sector (blue) and below it (orange), with the words in the cell: the
    /// colours of the chart palette's blue and vermillion, lightened; never colour alone.
    pub above: Format,
    pub below: Format,
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
            text: Format::new(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            score: Format::new().set_num_format("0.0"),
            int: Format::new().set_num_format("0"),
            hidden: Format::new().set_font_color(Color::RGB(0x777777)).set_align(FormatAlign::Right),
            bold: Format::new().set_bold(),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            signed: Format::new().set_num_format("+0.0;-0.0;0.0"),
            share: Format::new().set_num_format("0%"),
            above: Format::new().set_background_color(Color::RGB(0xCCE3F2)).set_font_color(Color::RGB(0x003F66)),
            below: Format::new().set_background_color(Color::RGB(0xF7D7C2)).set_font_color(Color::RGB(0x7A2E00)),
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
        Versus::Within => &fm.text,
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
            ws.write_number_with_format(row, col, n, &fm.int)?;
        }
        None => {
            ws.write_string_with_format(row, col, ctx.rank_text(r), &fm.hidden)?;
        }
    }
    Ok(())
}

/// A header row with filters, frozen so it stays in view.
pub fn header(ws: &mut Worksheet, row: u32, names: &[&str], widths: &[f64], fm: &Formats) -> Result<(), XlsxError> {
    for (i, n) in names.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *n, &fm.header)?;
        if let Some(w) = widths.get(i) {
            ws.set_column_width(i as u16, *w)?;
        }
    }
    ws.set_freeze_panes(row + 1, 0)?;
    Ok(())
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

/// Height (points) for a row whose wrapped cells hold `cells` (text, column width in
/// characters): spreadsheet programs do not grow rows for wrapped text written by a
/// generator, so the row is sized here.
pub fn fit_row(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(t, w)| {
            let per_line = (w * 1.1).max(1.0);
            t.split('\n').map(|p| (p.chars().count() as f64 / per_line).ceil().max(1.0)).sum::<f64>()
        })
        .fold(1.0, f64::max);
    if lines > 1.0 {
        ws.set_row_height(row, 15.0 * lines)?;
    }
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
}
