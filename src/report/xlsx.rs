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

/// Writes text as text: never as a formula, whatever it starts with.
pub fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, s, f)?;
    Ok(())
}

/// A score, or the hidden mark where it may not be shown.
pub fn score(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<f64>,
    hidden: bool,
    ctx: &ReportContext<'_>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match (hidden, v) {
        (true, _) => {
            ws.write_string_with_format(row, col, ctx.hidden_mark(), &fm.hidden)?;
        }
        (false, Some(v)) => {
            ws.write_number_with_format(row, col, v, &fm.score)?;
        }
        (false, None) => {}
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
