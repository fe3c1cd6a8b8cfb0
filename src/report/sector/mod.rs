//! The sector report for analysts (SPEC §6), decided once in [`model`]
//! ([`SectorReport::build`]: the years, the pooled rows, the line comparison and its gaps,
//! the spread, the peer groups, the notes) and laid out twice. The workbook: one file per sheet —
//! Toelichting ([`method`]), Overzicht ([`overview`]), Lijnen ([`lines`]), Peergroepen
//! ([`peer`]), Instellingen ([`institutions`]), Items ([`items`]), Trend ([`trend`]),
//! Datakwaliteit ([`quality`]) — written by [`write`]; the sector overview as a document
//! (PDF and HTML) in [`document`].

pub mod document;
pub mod institutions;
pub mod items;
pub mod lines;
pub mod method;
pub mod model;
pub mod overview;
pub mod peer;
pub mod quality;
pub mod trend;

pub use method::{method_lines, suppression_text};
pub use model::SectorReport;
pub use quality::{count_rows, look_alike_text, name_how, MAX_LISTED};

use std::path::Path;

use anyhow::Result;

use crate::report::words::Word;
use crate::report::xlsx::{self, Formats};
use crate::report::ReportContext;

use institutions::instellingen;
use items::items;
use lines::lines;
use method::toelichting;
use overview::overzicht;
use peer::peer_groups_sheet;
use quality::datakwaliteit;
use trend::trend;

/// A sentence with figures in it: `template` (a [`Word`](crate::report::words::Word)
/// with a `{}` for each figure) with the `{}`s replaced by `args` in order. Dutch and
/// English put the figures where each language wants them; the words test checks that
/// both say the same number of them.
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    out.push_str(parts.next().unwrap_or_default());
    for (k, part) in parts.enumerate() {
        out.push_str(args.get(k).copied().unwrap_or_default());
        out.push_str(part);
    }
    out
}

/// The sector workbook: the [`SectorReport`]'s rows laid out on its sheets (and the
/// sheets only analysts read: Instellingen, Items, Trend, Datakwaliteit).
pub fn write(ctx: &ReportContext<'_>, model: &SectorReport<'_>, path: &Path) -> Result<()> {
    let fm = Formats::new();
    let mut wb = xlsx::workbook(ctx, ctx.w(Word::SectorWorkbookTitle))?;
    toelichting(ctx, model, &mut wb, &fm)?;
    overzicht(ctx, model, &mut wb, &fm)?;
    lines(ctx, model, &mut wb, &fm)?;
    peer_groups_sheet(ctx, model, &mut wb, &fm)?;
    instellingen(ctx, &mut wb, &fm)?;
    items(ctx, &mut wb, &fm)?;
    trend(ctx, &mut wb, &fm)?;
    datakwaliteit(ctx, &mut wb, &fm)?;
    // Assembled in memory and written with one call: `save(path)` writes the zip
    // unbuffered, ~170 small writes per portret (BENCHMARKS.md).
    crate::report::write_file(ctx.lang, path, wb.save_to_buffer()?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fill;
    use crate::lang::Lang;
    use crate::report::words::Word;

    #[test]
    fn fill_puts_the_figures_where_each_language_wants_them() {
        // SPEC §6: a peer group too small for a table says so with its count.
        let args = ["mbo", "2026", "2", "3"];
        assert_eq!(
            fill(Word::SectorPeerTooFew.say(Lang::Nl), &args),
            "Peergroep mbo 2026: 2 instellingen met respondenten, minder dan de 3 die nodig zijn voor een peergroepcijfer; geen tabel."
        );
        assert_eq!(
            fill(Word::SectorPeerTooFew.say(Lang::En), &args),
            "Peer group mbo 2026: 2 institutions with respondents, fewer than the 3 needed for a peer-group figure; no table."
        );
        // Dutch puts the count after "bij", English at the end.
        assert_eq!(fill(Word::SectorSpreadLeftOut.say(Lang::Nl), &["4"]), ", bij 4 spreiding weggelaten");
        assert_eq!(fill(Word::SectorSpreadLeftOut.say(Lang::En), &["4"]), ", spread left out for 4");
        // Too few figures leave the place empty rather than panic; none is "{}"-free text.
        assert_eq!(fill("a {} b {}", &["1"]), "a 1 b ");
        assert_eq!(fill("no figures", &[]), "no figures");
    }
}
