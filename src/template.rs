//! `lobmonitor template`: the fillable survey workbook of SPEC §7. An Info sheet for
//! the institution's details and one response sheet per line whose header cells are
//! the item id followed by its text, with drop-down answers. Ingest reads it as is.
//!
//! Its words are in `report::words` (`Word::Template…`, `nl::answer_words` and
//! `en::answer_words`): the template is a document a person reads and fills in, as the
//! reports are; `src/words` holds what lower modules hand over and the run's messages.
//! The Info sheet's keys (Instelling, BRIN, Sector, Regio, Jaar), the sector codes and
//! the headers Respondent and Team are what ingest reads, in any language: not words.

use rust_xlsxwriter::{Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::framework::{Framework, Line};
use crate::lang::Lang;
use crate::report::words::{phrase, Word};

/// Rows prepared for answers (drop-downs) on each response sheet.
pub const ANSWER_ROWS: u32 = 500;
/// Row (0-based) of the header on the response sheets.
pub const HEADER_ROW: u32 = 2;
/// Width (characters) of an item's column on the response sheets.
const ITEM_WIDTH: f64 = 18.0;

/// The answer words of the drop-down, in the template's language.
pub fn answer_words(lang: Lang) -> [&'static str; 5] {
    phrase!(lang, answer_words())
}

/// The sheet name that names a line: "1e lijn" / "Line 1".
pub fn sheet_name(line: Line, lang: Lang) -> String {
    line.label(lang)
}

/// Writes the info sheet's keys and values.
pub fn info_sheet(
    wb: &mut Workbook,
    institution: Option<&str>,
    sector: Option<&str>,
    region: Option<&str>,
    year: Option<u16>,
    lang: Lang,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name("Info")?;
    // One portrait page: labels, values and hints side by side.
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 1);
    let bold = Format::new().set_bold();
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 36)?;
    ws.set_column_width(2, 36)?;
    let rows: [(&str, String, &str); 5] = [
        ("Instelling", institution.unwrap_or("").to_string(), Word::TemplateInstitutionHint.say(lang)),
        ("BRIN", String::new(), Word::TemplateBrinHint.say(lang)),
        ("Sector", sector.unwrap_or("").to_string(), "vo / mbo / hbo"),
        ("Regio", region.unwrap_or("").to_string(), Word::TemplateOptional.say(lang)),
        ("Jaar", year.map(|y| y.to_string()).unwrap_or_default(), Word::TemplateYearHint.say(lang)),
    ];
    for (i, (k, v, help)) in rows.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, *k, &bold)?;
        if let Ok(y) = v.parse::<f64>() {
            ws.write_number(i as u32, 1, y)?;
        } else if !v.is_empty() {
            ws.write_string(i as u32, 1, crate::report::xlsx::fit_cell(v))?;
        }
        ws.write_string_with_format(
            i as u32,
            2,
            *help,
            &Format::new().set_italic().set_font_color(Color::RGB(0x555555)),
        )?;
    }
    // Sector from a list: the three words ingest reads.
    let sectors = DataValidation::new()
        .allow_list_strings(&["vo", "mbo", "hbo"])?
        .set_error_title(Word::TemplateInvalidSector.say(lang))?
        .set_error_message(Word::TemplateChooseSector.say(lang))?;
    ws.add_data_validation(2, 1, 2, 1, &sectors)?;
    Ok(())
}

/// The header cells of a response sheet: Respondent, Locatie, Team, then the items.
pub fn response_headers(fw: &Framework, line: Line, lang: Lang) -> Vec<String> {
    let mut h = vec!["Respondent".to_string(), Word::TemplateLocation.say(lang).to_string(), "Team".to_string()];
    h.extend(fw.line_items(line).map(|i| {
        let it = fw.item(i);
        format!("{} {}", it.id, it.text(lang))
    }));
    h
}

pub fn template(
    fw: &Framework,
    line: Option<Line>,
    institution: Option<&str>,
    year: Option<u16>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    info_sheet(&mut wb, institution, None, None, year, lang)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDCE6F1))
        .set_border_bottom(FormatBorder::Thin);
    let words = answer_words(lang);
    let lines: Vec<Line> = match line {
        Some(l) => vec![l],
        None => Line::ALL.to_vec(),
    };
    for l in lines {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(l, lang))?;
        // Printed landscape on A4, the title, instruction and item headers repeated on
        // every page, and the respondent column at the left of every page.
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_repeat_rows(0, HEADER_ROW)?;
        ws.set_repeat_columns(0, 0)?;
        // At 75 % about ten items fit across a page.
        ws.set_print_scale(75);
        let headers = response_headers(fw, l, lang);
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
            ws.set_column_width(c as u16, if c < 3 { 14.0 } else { ITEM_WIDTH })?;
        }
        // Title and instruction wrap across the first columns, never past the page.
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let title = format!("{} — {}", l.label(lang), l.description(lang));
        let span = 3.0 * 14.0 + 5.0 * ITEM_WIDTH;
        ws.merge_range(0, 0, 0, 7, &title, &wrap.clone().set_bold().set_font_size(13))?;
        ws.set_row_height(0, 18.0 * crate::report::xlsx::wrapped_lines(&title, span * 0.85) as f64)?;
        let how = Word::TemplateHowToFill.say(lang);
        ws.merge_range(1, 0, 1, 7, how, &wrap)?;
        ws.set_row_height(1, 15.0 * crate::report::xlsx::wrapped_lines(how, span) as f64)?;
        // As tall as the longest item text needs: none is cut.
        let lines = headers.iter().map(|h| crate::report::xlsx::wrapped_lines(h, ITEM_WIDTH - 1.0)).max().unwrap_or(1);
        ws.set_row_height(HEADER_ROW, 15.0 * lines as f64)?;
        ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
        let dv = DataValidation::new()
            .allow_list_strings(&words)?
            .set_error_title(Word::TemplateInvalidAnswer.say(lang))?
            .set_error_message(Word::TemplateChooseAnswer.say(lang))?;
        let last_col = headers.len() as u16 - 1;
        ws.add_data_validation(HEADER_ROW + 1, 3, HEADER_ROW + ANSWER_ROWS, last_col, &dv)?;
    }
    wb.save_to_buffer()
}
