//! The sector workbook for analysts (SPEC §6): Toelichting, Overzicht, Instellingen,
//! Items, Trend, Datakwaliteit.

use std::path::Path;

use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartType, Color, ConditionalFormat3ColorScale, Workbook};

use crate::framework::{Area, Line};
use crate::ingest::ledger::Counts;
use crate::lang::Lang;
use crate::report::xlsx::{self, Formats};
use crate::report::ReportContext;
use crate::score::{Scope, Why};

pub fn write(ctx: &ReportContext<'_>, path: &Path) -> Result<()> {
    let fm = Formats::new();
    let mut wb = xlsx::workbook(ctx, ctx.t("LOB-monitor sectorrapport", "LOB monitor sector report"))?;
    toelichting(ctx, &mut wb, &fm)?;
    overzicht(ctx, &mut wb, &fm)?;
    lines(ctx, &mut wb, &fm)?;
    peer_groups_sheet(ctx, &mut wb, &fm)?;
    instellingen(ctx, &mut wb, &fm)?;
    items(ctx, &mut wb, &fm)?;
    trend(ctx, &mut wb, &fm)?;
    datakwaliteit(ctx, &mut wb, &fm)?;
    // Assembled in memory and written with one call: `save(path)` writes the zip
    // unbuffered, ~170 small writes per portret (BENCHMARKS.md).
    crate::report::write_file(path, wb.save_to_buffer()?)?;
    Ok(())
}

/// Plain-language method text, shared with the portret.
pub fn method_lines(ctx: &ReportContext<'_>) -> Vec<(String, String)> {
    let p = ctx.privacy;
    let cfg = ctx.cfg;
    let t = |nl: &str, en: &str| ctx.t(nl, en).to_string();
    vec![
        (
            t("Raamwerk", "Framework"),
            ctx.editions
                .iter()
                .map(|(y, fw)| {
                    let from = if *y == 0 { String::new() } else { format!(", {} {y}", ctx.t("vanaf", "from")) };
                    format!("{} ({}; {} items{from})", fw.title(ctx.lang), fw.edition, fw.len())
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            t("Antwoorden", "Answers"),
            t(
                "ja = 1, grotendeels = 2/3, enigszins = 1/3, nee = 0; n.v.t. telt niet mee; een lege cel is niet beantwoord.",
                "yes = 1, largely = 2/3, somewhat = 1/3, no = 0; n/a is left out; an empty cell is not answered.",
            ),
        ),
        (
            t("Respondentscore", "Respondent score"),
            t(
                "100 × het gemiddelde van de antwoorden op de beantwoorde, toepasselijke items van de eigen lijn binnen het gebied (aandachtsgebied × soort, aandachtsgebied of alle items).",
                "100 × the mean of the answers to the answered, applicable items of the respondent's own line within the scope (area × kind, area or all items).",
            ),
        ),
        (
            t("Groepsscore", "Group score"),
            t(
                "Gemiddelde van de respondentscores per instelling × jaar × lijn × gebied; n = respondenten met minstens één beantwoord item in het gebied; met standaardafwijking (n − 1), mediaan en 95%-betrouwbaarheidsinterval gemiddelde ± t(0,975; n − 1)·sd/√n.",
                "Mean of the respondent scores per institution × year × line × scope; n = respondents with at least one answered item in scope; with standard deviation (n − 1), median and 95% confidence interval mean ± t(0.975, n − 1)·sd/√n.",
            ),
        ),
        (
            t("Itemscore", "Item score"),
            t("100 × het gemiddelde antwoord van de respondenten die het item beantwoordden.", "100 × the mean answer of the respondents who answered the item."),
        ),
        (
            t("Sectorscore", "Sector score"),
            t(
                "Gemiddelde over alle respondenten van de sector (of peergroep vo/mbo/hbo) met n en 95%-betrouwbaarheidsinterval; P25, mediaan en P75 van de instellingsscores (lineaire interpolatie) over de getoonde instellingen.",
                "Mean over all respondents of the sector (or peer group vo/mbo/hbo) with n and 95% confidence interval; P25, median and P75 of the institution scores (linear interpolation) over the institutions shown.",
            ),
        ),
        (
            t("Positie onder de instellingen", "Position among the institutions"),
            t(
                "De band volgt de kwartielen ernaast: onder P25 het laagste kwart, boven P75 het hoogste kwart, van P25 tot en met P75 de middelste helft (op de decimalen waarmee ze ernaast staan). Daarnaast de percentielrang 100·(lager + ½·gelijk)/N onder de getoonde instellingen, als getal alleen bij 10 of meer getoonde instellingen; bij te weinig instellingen niets (\"te weinig instellingen\"). Elke verdeling zegt over hoeveel van hoeveel instellingen ze genomen is, en waarom de andere er niet in zitten.",
                "The band follows the quartiles beside it: below P25 the lowest quarter, above P75 the highest quarter, from P25 to P75 inclusive the middle half (at the decimals they are printed with beside it). Beside it the percentile rank 100·(below + ½·equal)/N among the institutions shown, as a number only with 10 or more institutions shown; with too few institutions nothing (\"too few institutions\"). Every distribution says over how many of how many institutions it was taken, and why the others are not in it.",
            ),
        ),
        (
            t("Verschil en interval", "Difference and interval"),
            t(
                "Verandering sinds het vorige jaar van deelname (binnen één raamwerkeditie) en verschil tussen lijnen: d = gemiddelde₂ − gemiddelde₁ met 95%-interval volgens Welch: d ± t(0,975; ν)·se, se = √(sd₁²/n₁ + sd₂²/n₂), ν = se⁴ / ((sd₁²/n₁)²/(n₁ − 1) + (sd₂²/n₂)²/(n₂ − 1)). Aantoonbaar (significant) betekent: het interval bevat 0 niet (p < 0,05); het verschil is dan waarschijnlijk niet alleen toeval in wie de vragenlijst invulde. Niet aantoonbaar betekent niet dat er geen verschil is, maar dat het met deze aantallen niet vast te stellen is. Dezelfde medewerkers in beide jaren maken de jaren afhankelijk; de berekening neemt onafhankelijke groepen aan en is daardoor eerder te voorzichtig dan te ruim. Verborgen groepen krijgen geen verandering, verschil of vergelijking; waar de spreiding is weggelaten, ontbreekt het interval.",
                "Change since the previous year of participation (within one framework edition) and gap between lines: d = mean₂ − mean₁ with Welch's 95% interval: d ± t(0.975; ν)·se, se = √(sd₁²/n₁ + sd₂²/n₂), ν = se⁴ / ((sd₁²/n₁)²/(n₁ − 1) + (sd₂²/n₂)²/(n₂ − 1)). Beyond chance (significant) means: the interval does not contain 0 (p < 0.05); the difference is then unlikely to be only chance in who answered. Not beyond chance does not mean there is no difference, only that these numbers cannot establish one. The same staff answering in both years makes the years dependent; the calculation assumes independent groups and so errs on the cautious side. Hidden groups get no change, gap or comparison; where the spread is withheld, so is the interval.",
            ),
        ),
        (
            t("Verschil met de medewerkers van de sector", "Difference from the sector's staff"),
            t(
                "Per lijn × aandachtsgebied en lijn totaal: het gemiddelde van de instelling tegen het gemiddelde van alle medewerkers van de andere instellingen van de sector (Welch), dat ernaast staat. Omdat één portret zo tot 15 vergelijkingen per jaar maakt, worden de p-waarden per instelling en jaar gecorrigeerd volgens Benjamini–Hochberg (q = 0,05): gemiddeld is hooguit 5% van de gemelde verschillen toeval. Aantoonbaar hoger of lager: significant na die correctie; anders geen aantoonbaar verschil, wat niet betekent dat de scores gelijk zijn.",
                "Per line × area and line total: the institution's mean against the mean of all staff of the sector's other institutions (Welch), shown beside it. As one portrait makes up to 15 such comparisons a year, the p-values per institution and year are corrected by Benjamini–Hochberg (q = 0.05): on average at most 5% of the differences reported are chance. Clearly higher or lower: significant after that correction; otherwise no clear difference, which does not mean the scores are equal.",
            ),
        ),
        (
            t("Privacy", "Privacy"),
            format!(
                "{} {} {}; {} {} {}",
                t("Groepen met minder dan", "Groups with fewer than"),
                p.min_group_size,
                t(
                    "respondenten worden niet getoond (\"<5\"). Cijfers waaruit zo'n groep terug te rekenen zou zijn, ook door een andere instelling die haar eigen cijfers kent, worden afgeschermd (\"afgeschermd\"): in elke gepubliceerde sector- of peergroepscore zijn de verborgen groepen naast elke verborgen groep samen minstens twee instellingen met minstens zoveel respondenten. Waar n, gemiddelde, spreiding en mediaan samen de scores van alle respondenten verraden, worden spreiding, mediaan en interval weggelaten",
                    "respondents are not shown (\"<5\"). Figures a small group could be worked back from, also by another institution that knows its own figures, are protected (\"protected\"): in every published sector or peer-group score, the hidden groups beside each hidden group are together at least two institutions with at least as many respondents. Where n, mean, spread and median together give every respondent's score away, spread, median and interval are left out",
                ),
                t("verdelingen en peergroepen pas vanaf", "distributions and peer groups only from"),
                p.min_institutions,
                t("instellingen.", "institutions."),
            ),
        ),
        (
            t("Afgeschermd", "Hidden"),
            suppression_text(ctx),
        ),
        (
            t("Uitsluiting", "Exclusion"),
            format!(
                "{} {:.0} % {}",
                t("Respondenten die minder dan", "Respondents who answered less than"),
                cfg.min_answered * 100.0,
                t(
                    "van hun toepasselijke items beantwoordden, tellen niet mee; zie het blad Datakwaliteit van de sectorwerkmap en data/rejections.csv.",
                    "of their applicable items are left out; see the Data quality sheet of the sector workbook and data/rejections.csv.",
                ),
            ),
        ),
    ]
}

/// How many figures each table hides, and why: primary (the group itself too small,
/// or too few institutions) and secondary (to protect others).
pub fn suppression_text(ctx: &ReportContext<'_>) -> String {
    let c = ctx.scores.suppression;
    // The true reason of each: a group too small (`<5`), a pooled figure over too few
    // institutions (not "too small": its respondents may be many), protection.
    let part = |name: &str, h: crate::score::Hidden| {
        let small = h.primary - h.few_institutions;
        let mut why = Vec::new();
        let nl = ctx.lang == crate::lang::Lang::Nl;
        if small > 0 || h.primary == 0 {
            why.push(if nl {
                format!("{small} te weinig respondenten")
            } else {
                format!("{small} too few respondents")
            });
        }
        if h.few_institutions > 0 {
            why.push(if nl {
                format!("{} te weinig instellingen", h.few_institutions)
            } else {
                format!("{} too few institutions", h.few_institutions)
            });
        }
        why.push(if nl { format!("{} afgeschermd", h.secondary) } else { format!("{} protected", h.secondary) });
        let detail = match (h.detail, nl) {
            (0, _) => String::new(),
            (d, true) => format!(", bij {d} spreiding weggelaten"),
            (d, false) => format!(", spread left out for {d}"),
        };
        format!(
            "{name}: {} {} {} {} ({}){detail}",
            h.primary + h.secondary,
            ctx.t("van", "of"),
            h.total,
            ctx.t("verborgen", "hidden"),
            why.join(", ")
        )
    };
    [
        part(ctx.t("groepsscores", "group scores"), c.groups),
        part(ctx.t("sectorscores", "sector scores"), c.sector),
        part(ctx.t("itemscores", "item scores"), c.items),
    ]
    .join("; ")
        + "."
}

/// A pooled cell's figures in columns 4–10 of Overzicht and Peergroepen: n, score and
/// its interval (or the mark of why it is hidden), and the quartiles.
fn pooled_cells(
    ctx: &ReportContext<'_>,
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    s: &crate::score::SectorScore,
    fm: &Formats,
) -> Result<()> {
    if let Some(why) = s.hidden() {
        xlsx::text(ws, r, 5, &ctx.mark(why), &fm.hidden)?;
    } else if let Some(st) = s.shown() {
        ws.write_number_with_format(r, 4, st.n as f64, &fm.int)?;
        ws.write_number_with_format(r, 5, st.mean, &fm.score)?;
        if let Some((lo, hi)) = st.ci() {
            ws.write_number_with_format(r, 6, lo, &fm.score)?;
            ws.write_number_with_format(r, 7, hi, &fm.score)?;
        }
    }
    if let Some((a, b, c)) = s.quartiles {
        ws.write_number_with_format(r, 8, a, &fm.score)?;
        ws.write_number_with_format(r, 9, b, &fm.score)?;
        ws.write_number_with_format(r, 10, c, &fm.score)?;
    }
    Ok(())
}

fn toelichting(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Toelichting", "Notes"))?;
    xlsx::print_setup(ws, None)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 110)?;
    xlsx::text(
        ws,
        0,
        0,
        ctx.t(
            "LOB-monitor: professionaliteit loopbaanbegeleiding, sectorrapport",
            "LOB monitor: career guidance professionalism, sector report",
        ),
        &fm.title,
    )?;
    let years: Vec<String> = ctx.scores.years.iter().map(|y| y.to_string()).collect();
    xlsx::text(ws, 1, 0, &format!("{} {}", ctx.t("Jaren:", "Years:"), years.join(", ")), &fm.subtitle)?;
    if let Some(warning) = ctx.not_for_publication() {
        xlsx::text(ws, 2, 0, warning, &fm.below)?;
    }
    let mut r = 3;
    xlsx::text(ws, r, 0, ctx.t("Methode", "Method"), &fm.bold)?;
    r += 1;
    for (k, v) in method_lines(ctx) {
        xlsx::text(ws, r, 0, &k, &fm.wrap)?;
        xlsx::text(ws, r, 1, &v, &fm.wrap)?;
        xlsx::fit_row(ws, r, &[(&k, 26.0), (&v, 110.0)])?;
        r += 1;
    }
    r += 1;
    xlsx::text(ws, r, 0, ctx.t("Deze run", "This run"), &fm.bold)?;
    r += 1;
    let c = &ctx.ingested.ledger.counts;
    let files =
        ctx.ingested.ledger.files.iter().filter(|f| f.status != crate::ingest::ledger::FileStatus::Ignored).count();
    let facts = [
        (ctx.t("Programma", "Tool"), format!("lobmonitor {}", env!("CARGO_PKG_VERSION"))),
        (ctx.t("Bestanden", "Files"), files.to_string()),
        (
            ctx.t("Instellingen", "Institutions"),
            ctx.scores
                .institution_years()
                .iter()
                .map(|x| &x.0)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                .to_string(),
        ),
        (ctx.t("Respondenten gescoord", "Respondents scored"), c.respondents_scored.to_string()),
        (
            ctx.t("Uitgesloten / afgewezen", "Excluded / rejected"),
            format!("{} / {}", c.respondents_excluded, c.respondents_rejected),
        ),
        (ctx.t("Afwijzingen", "Rejections"), ctx.ingested.ledger.rejections.len().to_string()),
    ];
    for (k, v) in facts {
        xlsx::text(ws, r, 0, k, &fm.text)?;
        xlsx::text(ws, r, 1, &v, &fm.text)?;
        r += 1;
    }
    r += 1;
    xlsx::text(
        ws,
        r,
        1,
        &format!(
            "{} {}",
            ctx.hidden_mark(),
            ctx.t(
                "= niet getoond: te weinig respondenten, of terug te rekenen uit andere cellen (privacy).",
                "= not shown: too few respondents, or could be worked back from other cells (privacy).",
            )
        ),
        &fm.note,
    )?;
    Ok(())
}

fn overzicht(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let sheet = ctx.t("Overzicht", "Overview").to_string();
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.t("Jaar", "Year"),
        ctx.t("Lijn", "Line"),
        ctx.t("Aandachtsgebied", "Area"),
        ctx.t("Soort", "Kind"),
        "n",
        "Score",
        ctx.t("95%-interval laag", "95% interval low"),
        ctx.t("95%-interval hoog", "95% interval high"),
        "P25",
        ctx.t("Mediaan", "Median"),
        "P75",
        ctx.t("Instellingen", "Institutions"),
        ctx.t("Instellingen getoond (P25–P75 over)", "Institutions shown (P25–P75 over)"),
    ];
    xlsx::header(ws, 0, &heads, &[7.0, 10.0, 26.0, 16.0, 7.0, 8.0, 8.0, 8.0, 7.0, 9.0, 7.0, 12.0, 14.0], fm)?;
    let mut r = 1;
    for s in ctx.scores.sector.iter().filter(|s| s.peer.is_none()) {
        ws.write_number_with_format(r, 0, s.year as f64, &fm.year)?;
        xlsx::text(ws, r, 1, &s.line.label(ctx.lang), &fm.text)?;
        xlsx::text(ws, r, 2, s.scope.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text)?;
        xlsx::text(ws, r, 3, s.scope.kind.map_or(ctx.t("Alle", "All"), |k| k.label(ctx.lang)), &fm.text)?;
        pooled_cells(ctx, ws, r, s, fm)?;
        ws.write_number_with_format(r, 11, s.institutions as f64, &fm.int)?;
        // No "shown" count beside a row withheld for too few institutions: nothing of
        // it is shown (the reason stands in the score column).
        if s.hidden() != Some(Why::FewInstitutions) {
            ws.write_number_with_format(r, 12, s.shown as f64, &fm.int)?;
        }
        r += 1;
    }
    xlsx::filter(ws, 0, r - 1, heads.len() as u16)?;
    xlsx::note(
        ws,
        r + 1,
        heads.len() as u16,
        110.0,
        ctx.t(
            "P25, mediaan en P75 zijn genomen over de getoonde instellingen (kolom Instellingen getoond), van alle instellingen met respondenten (kolom Instellingen); de andere hebben te weinig respondenten (<5) of zijn afgeschermd om een kleine groep te beschermen. Waar minder dan het minimum aantal instellingen getoond wordt, of het sectorcijfer is afgeschermd, staat er geen verdeling; waar minder instellingen respondenten hebben dan het minimum, is er geen sectorcijfer (\"te weinig instellingen\") en blijft Instellingen getoond leeg.",
            "P25, median and P75 are taken over the institutions shown (column Institutions shown), of all institutions with respondents (column Institutions); the others have too few respondents (<5) or are protected to keep a small group from being worked back. Where fewer than the minimum number of institutions are shown, or the sector figure is protected, there is no distribution; where fewer institutions have respondents than the minimum, there is no sector figure (\"too few institutions\") and Institutions shown is empty.",
        ),
        fm,
    )?;

    // The headline matrix for the latest year, and its native chart.
    let Some(&year) = ctx.scores.years.last() else { return Ok(()) };
    let c0: u16 = 14;
    ws.set_column_width(c0, 26)?;
    xlsx::text(ws, 0, c0, &format!("{} {}", ctx.t("Lijnvergelijking", "Line comparison"), year), &fm.header)?;
    for (j, l) in Line::ALL.iter().enumerate() {
        xlsx::text(ws, 0, c0 + 1 + j as u16, &l.label(ctx.lang), &fm.header)?;
        ws.set_column_width(c0 + 1 + j as u16, 10)?;
    }
    let scopes: Vec<Scope> = Area::ALL.into_iter().map(Scope::area).chain([Scope::LINE]).collect();
    for (i, sc) in scopes.iter().enumerate() {
        let row = 1 + i as u32;
        xlsx::text(ws, row, c0, sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text)?;
        for (j, l) in Line::ALL.iter().enumerate() {
            let s = ctx.scores.sector(year, None, *l, *sc);
            let v = s.and_then(|s| s.shown()).map(|s| s.mean);
            xlsx::score(ws, row, c0 + 1 + j as u16, v, s.and_then(|s| s.hidden()), ctx, fm)?;
        }
    }
    let mut chart = Chart::new(ChartType::Column);
    for (j, l) in Line::ALL.iter().enumerate() {
        let col = c0 + 1 + j as u16;
        let name = l.label(ctx.lang);
        chart
            .add_series()
            .set_name(name.as_str())
            .set_categories((sheet.as_str(), 1, c0, 4, c0))
            .set_values((sheet.as_str(), 1, col, 4, col))
            .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                rust_xlsxwriter::ChartSolidFill::new().set_color(xlsx::colour(crate::report::charts::PALETTE[j])),
            ));
    }
    chart.title().set_name(&format!(
        "{} {}",
        ctx.t("Score per lijn en aandachtsgebied,", "Score by line and area,"),
        year
    ));
    chart.y_axis().set_name(ctx.t("Score (0–100)", "Score (0–100)")).set_min(0).set_max(100);
    chart.set_width(720).set_height(420);
    ws.insert_chart(8, c0, &chart)?;

    // The institution distribution: P25, median and P75 of the institutions' line
    // scores, drawn as floating columns from P25 to P75 (an invisible column up to P25
    // with the range stacked on it) and the median as a marker: a chart that Excel and
    // LibreOffice draw alike.
    let d0: u32 = 32;
    let dh = [
        format!("{} {}", ctx.t("Spreiding instellingen", "Spread of institutions"), year),
        "P25".into(),
        ctx.t("Mediaan", "Median").into(),
        "P75".into(),
        ctx.t("P75 − P25 (voor de grafiek)", "P75 − P25 (for the chart)").into(),
        ctx.t("Over hoeveel instellingen", "Over how many institutions").into(),
    ];
    for (j, h) in dh.iter().enumerate() {
        xlsx::text(ws, d0, c0 + j as u16, h, &fm.header)?;
    }
    ws.set_column_width(c0 + 4, 14)?;
    ws.set_column_width(c0 + 5, 60)?;
    xlsx::fit_row(ws, d0, &[(&dh[0], 24.0), (&dh[4], 12.0)])?;
    for (i, l) in Line::ALL.iter().enumerate() {
        let row = d0 + 1 + i as u32;
        xlsx::text(ws, row, c0, &l.label(ctx.lang), &fm.text)?;
        let cell = ctx.scores.sector(year, None, *l, Scope::LINE);
        if let Some((a, m, b)) = cell.and_then(|s| s.quartiles) {
            for (j, v) in [a, m, b, b - a].iter().enumerate() {
                ws.write_number_with_format(row, c0 + 1 + j as u16, *v, &fm.score)?;
            }
        }
        // Over how many institutions, and why not the others (or why no distribution).
        if let Some(s) = cell {
            let over = crate::report::findings::Over::of(s).sentence(
                ctx.privacy.min_institutions,
                ctx.privacy.min_group_size,
                ctx.lang,
            );
            xlsx::text(ws, row, c0 + 5, &over, &fm.wrap)?;
            xlsx::fit_row(ws, row, &[(&over, 60.0)])?;
        }
    }
    let cats = (sheet.as_str(), d0 + 1, c0, d0 + 3, c0);
    let mut dist = Chart::new(ChartType::ColumnStacked);
    dist.add_series()
        .set_name("P25")
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 1, d0 + 3, c0 + 1))
        .set_format(rust_xlsxwriter::ChartFormat::new().set_no_fill().set_no_border());
    dist.add_series()
        .set_name(
            ctx.t("P25 tot P75 (middelste helft van de instellingen)", "P25 to P75 (middle half of the institutions)"),
        )
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 4, d0 + 3, c0 + 4))
        .set_gap(120)
        .set_format(
            rust_xlsxwriter::ChartFormat::new()
                .set_solid_fill(
                    rust_xlsxwriter::ChartSolidFill::new()
                        .set_color(xlsx::colour(crate::report::charts::PALETTE[0]))
                        .set_transparency(45),
                )
                .set_border(
                    rust_xlsxwriter::ChartLine::new().set_color(xlsx::colour(crate::report::charts::PALETTE[0])),
                ),
        );
    let mut medians = Chart::new(ChartType::Line);
    medians
        .add_series()
        .set_name(ctx.t("Mediaan", "Median"))
        .set_categories(cats)
        .set_values((sheet.as_str(), d0 + 1, c0 + 2, d0 + 3, c0 + 2))
        .set_format(rust_xlsxwriter::ChartFormat::new().set_no_line())
        .set_marker(
            rust_xlsxwriter::ChartMarker::new()
                .set_type(rust_xlsxwriter::ChartMarkerType::Diamond)
                .set_size(10)
                .set_format(
                    rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                        rust_xlsxwriter::ChartSolidFill::new().set_color(rust_xlsxwriter::Color::Black),
                    ),
                ),
        );
    dist.combine(&medians);
    // The invisible base column has no place in the legend.
    dist.legend().delete_entries(&[0]).set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    dist.title().set_name(&format!(
        "{} {}",
        ctx.t("Spreiding van de instellingen per lijn,", "Spread of institutions by line,"),
        year
    ));
    dist.y_axis().set_name(ctx.t("Score (0–100)", "Score (0–100)")).set_min(0).set_max(100);
    dist.set_width(720).set_height(380);
    ws.insert_chart(d0 + 5, c0, &dist)?;
    Ok(())
}

/// The headline comparison for every year: lines 1, 2 and 3 side by side per area, and
/// each gap between two lines with its 95 % interval and whether it is real.
fn lines(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Lijnen", "Lines"))?;
    xlsx::print_setup(ws, Some(0))?;
    let pairs = [(Line::L1, Line::L2), (Line::L2, Line::L3), (Line::L1, Line::L3)];
    let mut heads: Vec<String> = vec![
        ctx.t("Jaar", "Year").into(),
        ctx.t("Peergroep", "Peer group").into(),
        ctx.t("Aandachtsgebied", "Area").into(),
    ];
    heads.extend(Line::ALL.iter().map(|l| l.label(ctx.lang)));
    // Wide enough for every mark a hidden score can take, on one line.
    let marks = [Why::Small, Why::Protects, Why::FewInstitutions].map(|w| ctx.mark(w));
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 9.0, 26.0);
    let mut widths = vec![7.0, 15.0, 26.0, score_w, score_w, score_w];
    for (a, b) in pairs {
        let pair = format!("{} − {}", b.label(ctx.lang), a.label(ctx.lang));
        heads.push(format!("{pair}: {}", ctx.t("verschil", "gap")));
        heads.push(format!("{pair}: {}", ctx.t("95%-interval", "95% interval")));
        heads.push(format!("{pair}: {}", ctx.t("aantoonbaar", "beyond chance")));
        widths.extend([10.0, 17.0, 12.0]);
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for &year in &ctx.scores.years {
        for peer in peer_groups() {
            for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
                let cells: Vec<_> = Line::ALL.iter().map(|l| ctx.scores.sector(year, peer, *l, sc)).collect();
                // A peer group nobody in the run belongs to has no rows.
                if cells.iter().all(Option::is_none) {
                    continue;
                }
                ws.write_number_with_format(r, 0, year as f64, &fm.year)?;
                xlsx::text(ws, r, 1, &peer_label(ctx, peer), &fm.text)?;
                let bold = if sc == Scope::LINE { &fm.bold } else { &fm.text };
                xlsx::text(ws, r, 2, sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), bold)?;
                for (j, s) in cells.iter().enumerate() {
                    xlsx::score(
                        ws,
                        r,
                        3 + j as u16,
                        s.and_then(|s| s.shown()).map(|f| f.mean),
                        s.and_then(|s| s.hidden()),
                        ctx,
                        fm,
                    )?;
                }
                for (k, (a, b)) in pairs.iter().enumerate() {
                    let gap = ctx
                        .scores
                        .gaps
                        .iter()
                        .find(|g| g.year == year && g.peer == peer && g.scope == sc && g.a == *a && g.b == *b);
                    if let Some(g) = gap {
                        let col = 6 + 3 * k as u16;
                        xlsx::signed(ws, r, col, g.gap.shown, fm)?;
                        xlsx::text(ws, r, col + 1, &ctx.interval_text(&g.gap), &fm.center)?;
                        let f = if g.gap.significant() == Some(true) { &fm.bold_center } else { &fm.center };
                        xlsx::text(ws, r, col + 2, ctx.significance_text(&g.gap), f)?;
                    }
                }
                r += 1;
            }
        }
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    let note = ctx.t(
        "Verschil tussen de gemiddelde scores van twee lijnen in de sector en per peergroep (vo, mbo, hbo), met het 95%-betrouwbaarheidsinterval van Welch op de respondentscores van beide lijnen. Aantoonbaar: het interval bevat 0 niet. Niet aantoonbaar betekent niet dat er geen verschil is, wel dat deze aantallen het niet vaststellen. Waar een van beide lijnen verborgen is, staat er geen verschil.",
        "Difference between the mean scores of two lines in the sector and per peer group (vo, mbo, hbo), with Welch's 95% confidence interval on the respondent scores of both lines. Beyond chance: the interval does not contain 0. Not beyond chance does not mean there is no difference, only that these numbers do not establish one. Where either line is hidden, there is no gap.",
    );
    xlsx::note(ws, r + 1, refs.len() as u16, widths.iter().sum(), note, fm)?;
    Ok(())
}

/// The sector, then the peer groups vo, mbo and hbo.
fn peer_groups() -> impl Iterator<Item = Option<crate::ingest::institutions::Sector>> + Clone {
    std::iter::once(None).chain(crate::ingest::institutions::Sector::ALL.into_iter().map(Some))
}

/// "sector (alle)" or the peer group's code.
fn peer_label(ctx: &ReportContext<'_>, peer: Option<crate::ingest::institutions::Sector>) -> String {
    match peer {
        None => ctx.t("sector (alle)", "sector (all)").to_string(),
        Some(p) => p.code().to_string(),
    }
}

/// The sector and each peer group per year, line and area: n and pooled score with its
/// interval, the distribution over the institutions shown (with over how many, of how
/// many), and the change since the previous year with its interval and whether it is
/// beyond chance.
fn peer_groups_sheet(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Peergroepen", "Peer groups"))?;
    xlsx::print_setup(ws, Some(0))?;
    let heads = [
        ctx.t("Jaar", "Year"),
        ctx.t("Peergroep", "Peer group"),
        ctx.t("Lijn", "Line"),
        ctx.t("Aandachtsgebied", "Area"),
        "n",
        "Score",
        ctx.t("95%-interval laag", "95% interval low"),
        ctx.t("95%-interval hoog", "95% interval high"),
        "P25",
        ctx.t("Mediaan", "Median"),
        "P75",
        ctx.t("Instellingen getoond", "Institutions shown"),
        ctx.t("Instellingen", "Institutions"),
        ctx.t("Verandering", "Change"),
        ctx.t("Sinds", "Since"),
        ctx.t("95%-interval van de verandering", "95% interval of the change"),
        ctx.t("Aantoonbaar veranderd", "Change beyond chance"),
    ];
    let marks = [Why::Small, Why::Protects, Why::FewInstitutions].map(|w| ctx.mark(w));
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 8.0, 26.0);
    let widths = [7.0, 15.0, 9.0, 26.0, 7.0, score_w, 10.0, 10.0, 7.0, 9.0, 7.0, 12.0, 12.0, 12.0, 7.0, 18.0, 13.0];
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for &year in &ctx.scores.years {
        for peer in peer_groups() {
            for line in Line::ALL {
                for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
                    let Some(s) = ctx.scores.sector(year, peer, line, sc) else { continue };
                    ws.write_number_with_format(r, 0, year as f64, &fm.year)?;
                    xlsx::text(ws, r, 1, &peer_label(ctx, peer), &fm.text)?;
                    xlsx::text(ws, r, 2, &line.label(ctx.lang), &fm.text)?;
                    let bold = if sc == Scope::LINE { &fm.bold } else { &fm.text };
                    xlsx::text(ws, r, 3, sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), bold)?;
                    pooled_cells(ctx, ws, r, s, fm)?;
                    if s.hidden() != Some(Why::FewInstitutions) {
                        ws.write_number_with_format(r, 11, s.shown as f64, &fm.int)?;
                    }
                    ws.write_number_with_format(r, 12, s.institutions as f64, &fm.int)?;
                    if let Some(c) = ctx.scores.sector_change(year, peer, line, sc) {
                        let d = &c.change.change;
                        xlsx::signed(ws, r, 13, d.shown, fm)?;
                        ws.write_number_with_format(r, 14, c.change.previous_year as f64, &fm.year)?;
                        xlsx::text(ws, r, 15, &ctx.interval_text(d), &fm.center)?;
                        let f = if d.significant() == Some(true) { &fm.bold_center } else { &fm.center };
                        xlsx::text(ws, r, 16, ctx.significance_text(d), f)?;
                    }
                    r += 1;
                }
            }
        }
    }
    xlsx::filter(ws, 0, r.saturating_sub(1), heads.len() as u16)?;
    let note = ctx.t(
        "Een peergroep met minder instellingen met respondenten dan het minimum krijgt geen cijfers (\"te weinig instellingen\"; Instellingen getoond dan leeg). P25–P75 over de getoonde instellingen van de peergroep. Verandering: sinds het vorige jaar binnen dezelfde raamwerkeditie, met het 95%-interval van Welch; aantoonbaar als het interval 0 niet bevat.",
        "A peer group with fewer institutions with respondents than the minimum has no figures (\"too few institutions\"; Institutions shown then empty). P25–P75 over the peer group's institutions shown. Change: since the previous year within the same framework edition, with Welch's 95% interval; beyond chance where the interval does not contain 0.",
    );
    xlsx::note(ws, r + 1, heads.len() as u16, widths.iter().sum(), note, fm)?;
    Ok(())
}

fn instellingen(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    use crate::score::{Band, Rank, Versus};
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Instellingen", "Institutions"))?;
    xlsx::print_setup(ws, Some(0))?;
    let pairs = ctx.scores.institution_years();
    let mut heads: Vec<&str> = vec![
        ctx.t("Jaar", "Year"),
        ctx.t("Instelling", "Institution"),
        ctx.t("Sector", "Sector"),
        ctx.t("Lijn", "Line"),
        "n",
        ctx.t("Totaal", "Total"),
    ];
    for a in Area::ALL {
        heads.push(a.label(ctx.lang));
    }
    heads.extend([
        ctx.t(
            "Positie onder de instellingen (tegen P25–P75 in Overzicht)",
            "Position among the institutions (against P25–P75 in Overview)",
        ),
        ctx.t("Medewerkers andere instellingen (gemiddelde)", "Staff of the other institutions (mean)"),
        ctx.t("Verschil met de medewerkers van de sector", "Difference from the sector's staff"),
        ctx.t("Verandering", "Change"),
        ctx.t("Sinds", "Since"),
        ctx.t("95%-interval van de verandering", "95% interval of the change"),
        ctx.t("Aantoonbaar veranderd", "Change beyond chance"),
    ]);
    // Wide enough for every value the column can hold, on one line.
    let marks = [ctx.mark(crate::score::Why::Small), ctx.mark(crate::score::Why::Protects)];
    let score_w = xlsx::width_for(marks.iter().map(String::as_str), 9.0, 14.0);
    let ranks: Vec<String> = [
        Rank::Number(99.0, Band::LowestQuarter),
        Rank::Number(99.0, Band::MiddleHalf),
        Rank::Number(99.0, Band::HighestQuarter),
        Rank::TooFew,
    ]
    .iter()
    .map(|r| ctx.rank_text(r))
    .collect();
    let mut widths = vec![7.0, xlsx::width_for(pairs.iter().map(|p| p.0.as_str()), 14.0, 50.0), 8.0, 9.0, score_w];
    widths.extend([score_w; 5]);
    widths.extend([
        xlsx::width_for(ranks.iter().map(String::as_str), 12.0, 36.0),
        13.0,
        xlsx::width_for([Versus::Above, Versus::Within, Versus::Below].map(|v| ctx.versus_text(v)), 12.0, 30.0),
        12.0,
        8.0,
        xlsx::width_for(
            [
                ctx.interval_text(&crate::score::Difference::unpaired(0.0, Some((-88.8, 88.8)))).as_str(),
                ctx.t("exact (geen spreiding)", "exact (no spread)"),
            ],
            14.0,
            30.0,
        ),
        xlsx::width_for([ctx.t("onbekend (spreiding niet getoond)", "unknown (spread not shown)")], 12.0, 40.0),
    ]);
    xlsx::header(ws, 0, &heads, &widths, fm)?;
    let mut r = 1;
    for (inst, year) in pairs {
        for line in Line::ALL {
            let Some(total) = ctx.scores.group(year, &inst, line, Scope::LINE) else { continue };
            ws.write_number_with_format(r, 0, year as f64, &fm.year)?;
            xlsx::text(ws, r, 1, &inst, &fm.text)?;
            let sector = ctx.ingested.institutions.get(&inst).and_then(|m| m.sector).map_or("", |s| s.code());
            xlsx::text(ws, r, 2, sector, &fm.text)?;
            xlsx::text(ws, r, 3, &line.label(ctx.lang), &fm.text)?;
            match (total.hidden(), total.shown()) {
                (Some(why), _) => xlsx::text(ws, r, 4, &ctx.mark(why), &fm.hidden)?,
                (None, Some(f)) => {
                    ws.write_number_with_format(r, 4, f.n as f64, &fm.int)?;
                }
                (None, None) => {}
            }
            let scopes = std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area));
            for (j, sc) in scopes.enumerate() {
                let g = ctx.scores.group(year, &inst, line, sc);
                let hidden = g.and_then(|g| g.hidden());
                xlsx::score(ws, r, 5 + j as u16, g.and_then(|g| g.shown()).map(|s| s.mean), hidden, ctx, fm)?;
            }
            if let Some(b) = ctx.scores.benchmark(year, &inst, line, Scope::LINE) {
                xlsx::text(ws, r, 10, &ctx.rank_text(&b.rank_sector), &fm.rank)?;
                if let Some((m, _)) = b.rest_of_sector {
                    ws.write_number_with_format(r, 11, m, &fm.score)?;
                }
                if let Some(v) = b.versus_sector {
                    xlsx::versus(ws, r, 12, v, ctx, fm)?;
                }
                if let Some(c) = &b.change {
                    xlsx::signed(ws, r, 13, c.change.shown, fm)?;
                    ws.write_number_with_format(r, 14, c.previous_year as f64, &fm.year)?;
                    xlsx::text(ws, r, 15, &ctx.interval_text(&c.change), &fm.center)?;
                    let f = if c.change.significant() == Some(true) { &fm.bold_center } else { &fm.center };
                    xlsx::text(ws, r, 16, ctx.significance_text(&c.change), f)?;
                }
            }
            r += 1;
        }
    }
    xlsx::filter(ws, 0, r.saturating_sub(1), heads.len() as u16)?;
    Ok(())
}

fn items(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Items", "Items"))?;
    xlsx::print_setup(ws, Some(0))?;
    let years = &ctx.scores.years;
    let mut heads: Vec<String> = vec![
        "Item".into(),
        ctx.t("Lijn", "Line").into(),
        ctx.t("Aandachtsgebied", "Area").into(),
        ctx.t("Soort", "Kind").into(),
        ctx.t("Tekst", "Text").into(),
    ];
    for y in years {
        heads.push(format!("Score {y}"));
        heads.push(format!("n {y}"));
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut widths = vec![11.0, 9.0, 22.0, 15.0, 90.0];
    widths.extend(years.iter().flat_map(|_| [11.0, 8.0]));
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    ws.set_freeze_panes(1, 1)?;
    let sector: std::collections::HashMap<(u16, u16), &crate::score::ItemScore> =
        years.iter().flat_map(|&y| ctx.scores.items_of(y, None)).map(|i| ((i.year, i.item), i)).collect();
    let mut r = 1;
    // One block of rows per edition; a year's columns are filled for its own edition.
    for (e, (_, fw)) in ctx.editions.iter().enumerate() {
        for (idx, it) in fw.items().iter().enumerate() {
            xlsx::text(ws, r, 0, &it.id.to_string(), &fm.text)?;
            xlsx::text(ws, r, 1, &it.id.line.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 2, it.id.area.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 3, it.id.kind.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 4, it.text(ctx.lang), &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(it.text(ctx.lang), 90.0)])?;
            for (j, y) in years.iter().enumerate().filter(|(_, y)| ctx.editions.index_for(**y) == e) {
                let col = 5 + 2 * j as u16;
                if let Some(s) = sector.get(&(*y, idx as u16)) {
                    xlsx::score(ws, r, col, s.shown().map(|f| f.score), s.hidden(), ctx, fm)?;
                    if let Some(f) = s.shown() {
                        ws.write_number_with_format(r, col + 1, f.n as f64, &fm.int)?;
                    }
                }
            }
            r += 1;
        }
    }
    // Heat map: orange (low) – white (the year's median item) – blue (high), on each
    // year's score column. Orange–blue is told apart with every common colour-vision
    // deficiency (red–green is not), and light enough for black figures on top.
    for j in 0..years.len() {
        let col = 5 + 2 * j as u16;
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum_color(Color::RGB(0xF4A582))
            .set_midpoint_color(Color::RGB(0xF7F7F7))
            .set_maximum_color(Color::RGB(0x92C5DE));
        ws.add_conditional_format(1, col, r - 1, col, &scale)?;
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    Ok(())
}

fn trend(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Trend", "Trend"))?;
    xlsx::print_setup(ws, Some(0))?;
    let years = &ctx.scores.years;
    let mut heads: Vec<String> = vec![ctx.t("Lijn", "Line").into(), ctx.t("Aandachtsgebied", "Area").into()];
    for y in years {
        heads.push(y.to_string());
    }
    let mut widths = vec![10.0, 26.0];
    widths.extend(years.iter().map(|_| 12.0));
    if years.len() >= 2 {
        let span = format!("{}–{}", years[years.len() - 2], years[years.len() - 1]);
        heads.push(format!("{} {span}", ctx.t("Verandering", "Change")));
        heads.push(format!("{} {span}", ctx.t("95%-interval", "95% interval")));
        heads.push(ctx.t("Aantoonbaar veranderd", "Change beyond chance").into());
        widths.extend([13.0, 18.0, 13.0]);
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    xlsx::header(ws, 0, &refs, &widths, fm)?;
    let mut r = 1;
    for line in Line::ALL {
        for sc in std::iter::once(Scope::LINE).chain(Area::ALL.into_iter().map(Scope::area)) {
            xlsx::text(ws, r, 0, &line.label(ctx.lang), &fm.text)?;
            xlsx::text(ws, r, 1, sc.area.map_or(ctx.t("Totaal", "Total"), |a| a.label(ctx.lang)), &fm.text)?;
            let vals: Vec<Option<f64>> = years
                .iter()
                .map(|&y| ctx.scores.sector(y, None, line, sc).and_then(|s| s.shown()).map(|s| s.mean))
                .collect();
            for (j, v) in vals.iter().enumerate() {
                let hidden = ctx.scores.sector(years[j], None, line, sc).and_then(|s| s.hidden());
                xlsx::score(ws, r, 2 + j as u16, *v, hidden, ctx, fm)?;
            }
            if years.len() >= 2 {
                let last = years[years.len() - 1];
                let change = ctx
                    .scores
                    .sector_change(last, None, line, sc)
                    .filter(|c| c.change.previous_year == years[years.len() - 2]);
                if let Some(c) = change {
                    let col = 2 + years.len() as u16;
                    let d = &c.change.change;
                    xlsx::signed(ws, r, col, d.shown, fm)?;
                    xlsx::text(ws, r, col + 1, &ctx.interval_text(d), &fm.center)?;
                    let f = if d.significant() == Some(true) { &fm.bold_center } else { &fm.center };
                    xlsx::text(ws, r, col + 2, ctx.significance_text(d), f)?;
                }
            }
            r += 1;
        }
    }
    xlsx::filter(ws, 0, r - 1, refs.len() as u16)?;
    let note = match ctx.scores.series_breaks().as_slice() {
        [] => format!(
            "{} {}. {}",
            ctx.t("Alle jaren gescoord met raamwerkeditie", "All years scored with framework edition"),
            ctx.fw.edition,
            ctx.t(
                "Verandering: het verschil met het jaar ervoor, met het 95%-interval van Welch; aantoonbaar als het interval 0 niet bevat (zie Toelichting).",
                "Change: the difference from the year before, with Welch's 95% interval; beyond chance where the interval does not contain 0 (see Notes).",
            )
        ),
        breaks => format!(
            "{} {}: {}. {}",
            ctx.t("Reeksbreuk: nieuwe raamwerkeditie vanaf", "Series break: new framework edition from"),
            breaks.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
            ctx.editions_text(),
            ctx.t("Er is geen verschil berekend over een breuk heen.", "No change is computed across a break."),
        ),
    };
    xlsx::note(ws, r + 1, refs.len() as u16, widths.iter().sum(), &note, fm)?;
    Ok(())
}

/// The reconciliation block of SPEC §3.3, as label/value rows.
pub fn count_rows(ctx: &ReportContext<'_>, c: &Counts) -> Vec<(String, u64)> {
    let t = |nl: &str, en: &str| ctx.t(nl, en).to_string();
    vec![
        (t("Rijen gelezen", "Rows read"), c.rows_read),
        (t("  respondenten gescoord", "  respondents scored"), c.respondents_scored),
        (t("  respondenten uitgesloten", "  respondents excluded"), c.respondents_excluded),
        (t("  respondenten afgewezen", "  respondents rejected"), c.respondents_rejected),
        (t("Antwoorden gelezen", "Answers read"), c.answers_read),
        (t("  gescoord", "  scored"), c.answers_scored),
        (t("  niet gescoord (respondent niet gescoord)", "  not scored (respondent not scored)"), c.answers_unscored),
        (t("  n.v.t.", "  n/a"), c.answers_na),
        (t("  item van een andere lijn", "  item of another line"), c.answers_other_line),
        (t("  afgewezen", "  rejected"), c.answers_rejected),
        (
            t("Ontbrekend (niet ingevuld, gescoorde respondenten)", "Missing (not answered, scored respondents)"),
            c.answers_missing,
        ),
        (
            t(
                "Samenvattingsrijen (totaal, gemiddelde, telling; vermeld, niet gelezen)",
                "Summary rows (total, average, count; listed, not read)",
            ),
            c.rows_summary,
        ),
    ]
}

/// How a spelling was tied to the institution shown, in words.
pub fn name_how(
    lang: Lang,
    g: &crate::ingest::spelling::NameGroup,
    spelling: &str,
    via: crate::ingest::spelling::Via,
) -> String {
    use crate::ingest::spelling::Via;
    let shown = match (g.from_file, lang) {
        (true, Lang::Nl) => "zoals het instellingenbestand het spelt",
        (true, Lang::En) => "as the institutions file spells it",
        (false, Lang::Nl) => "de spelling die de meeste rijen gebruiken",
        (false, Lang::En) => "the spelling most rows use",
    };
    match (via, lang) {
        _ if spelling == g.shown => match lang {
            Lang::Nl => format!("getoonde naam ({shown})"),
            Lang::En => format!("name shown ({shown})"),
        },
        (Via::Spelling, Lang::Nl) => {
            "zelfde naam (verschilt alleen in hoofdletters, accenten, spaties of leestekens)".into()
        }
        (Via::Spelling, Lang::En) => "same name (differs only in case, accents, spaces or punctuation)".into(),
        (Via::Alias, Lang::Nl) => "alias in het instellingenbestand (aliassen)".into(),
        (Via::Alias, Lang::En) => "alias in the institutions file (aliassen)".into(),
        (Via::Code, Lang::Nl) => "code of BRIN in het instellingenbestand".into(),
        (Via::Code, Lang::En) => "code or BRIN in the institutions file".into(),
    }
}

/// Two names that look alike, in words.
pub fn look_alike_text(lang: Lang, l: &crate::ingest::spelling::LookAlike) -> String {
    let how = if l.similarity >= 0.85 {
        format!("{:.0} %", l.similarity * 100.0)
    } else {
        lang.pick("de woorden van de een staan in de ander", "the words of one are in the other").to_string()
    };
    match lang {
        Lang::Nl => format!(
            "lijkt op ({how}); niet samengevoegd: is het één instelling, zet de ene naam dan als alias bij de andere in het instellingenbestand (aliassen)"
        ),
        Lang::En => format!(
            "looks like ({how}); not merged: if they are one institution, add one name as an alias of the other in the institutions file (aliassen)"
        ),
    }
}

/// Rejections listed in the Datakwaliteit sheet; the rest are counted there and listed
/// in `data/rejections.csv`.
pub const MAX_LISTED: usize = 50_000;

/// A row of the Datakwaliteit sheet's files table (written by rust_xlsxwriter's serde
/// support; the headers are set per language).
#[derive(serde::Serialize, Default)]
struct FileSheetRow {
    file: String,
    status: &'static str,
    rows: u64,
    scored: u64,
    rejected_answers: u64,
    note: String,
    sha256: String,
}

/// A row of the Datakwaliteit sheet's rejections table: the plain reason, and the
/// reader's own words in `detail` for support.
#[derive(serde::Serialize, Default)]
struct RejectionSheetRow {
    file: String,
    sheet: String,
    cell: String,
    level: &'static str,
    value: String,
    reason: String,
    detail: String,
}

/// Headers in the run's language for a serde-written table, with the header format.
fn serde_headers(names: &[(&str, &str)], fm: &Formats) -> rust_xlsxwriter::SerializeFieldOptions {
    let fields: Vec<rust_xlsxwriter::CustomSerializeField> = names
        .iter()
        .map(|(field, header)| {
            let wraps = matches!(*field, "reason" | "note" | "detail");
            rust_xlsxwriter::CustomSerializeField::new(*field).rename(*header).set_value_format(if wraps {
                &fm.wrap
            } else {
                &fm.text
            })
        })
        .collect();
    rust_xlsxwriter::SerializeFieldOptions::new().set_header_format(&fm.header).set_custom_headers(&fields)
}

fn datakwaliteit(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(ctx.t("Datakwaliteit", "Data quality"))?;
    xlsx::print_setup(ws, None)?;
    let led = &ctx.ingested.ledger;
    let c = &led.counts;
    // Shared by the tables below: file (or count label), status/sheet, rows/cell,
    // scored/level, rejected answers/value, reason or note (wrapped), detail/checksum.
    let labels = count_rows(ctx, c);
    let col_a = xlsx::width_for(
        led.files.iter().map(|f| f.path.as_str()).chain(labels.iter().map(|l| l.0.as_str())),
        24.0,
        60.0,
    );
    let widths = [col_a, 18.0, 10.0, 11.0, 14.0, 60.0, 40.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let total: f64 = widths.iter().sum();
    xlsx::text(
        ws,
        0,
        0,
        ctx.t(
            "Datakwaliteit: alles wat gelezen is, en waar het gebleven is",
            "Data quality: everything read, and where it went",
        ),
        &fm.title,
    )?;
    let mut r = 2;
    // One explanation per cause leads (SPEC §3.5): what to fix first.
    let explanations: Vec<_> = led.explanations().collect();
    if !explanations.is_empty() {
        xlsx::text(
            ws,
            r,
            0,
            &format!(
                "{} ({})",
                ctx.t("Eerst dit: één uitleg per oorzaak", "First this: one explanation per cause"),
                explanations.len()
            ),
            &fm.bold,
        )?;
        r += 1;
        for (i, h) in [ctx.t("Bestand", "File"), ctx.t("Blad", "Sheet")].iter().enumerate() {
            xlsx::text(ws, r, i as u16, h, &fm.header)?;
        }
        xlsx::text(ws, r, 5, ctx.t("Uitleg", "Explanation"), &fm.header)?;
        r += 1;
        for e in &explanations {
            let why = e.reason.text(ctx.lang);
            xlsx::text(ws, r, 0, &xlsx::fit_cell(&e.file), &fm.text)?;
            xlsx::text(ws, r, 1, &xlsx::fit_cell(&e.sheet), &fm.text)?;
            xlsx::text(ws, r, 5, &xlsx::fit_cell(&why), &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(&why, widths[5])])?;
            r += 1;
        }
        r += 1;
    }
    for (k, v) in &labels {
        xlsx::text(ws, r, 0, k, &fm.text)?;
        ws.write_number_with_format(r, 1, *v as f64, &fm.int)?;
        r += 1;
    }
    let ok = c.rows_reconcile() && c.answers_reconcile();
    let reconciled = if ok {
        ctx.t("Sluitend: rijen = gescoord + uitgesloten + afgewezen; antwoorden = gescoord + niet gescoord + n.v.t. + andere lijn + afgewezen.", "Reconciled: rows = scored + excluded + rejected; answers = scored + unscored + n/a + other line + rejected.")
    } else {
        ctx.t("NIET SLUITEND — meld dit als fout.", "DOES NOT RECONCILE — report this as a bug.")
    };
    xlsx::note(ws, r, widths.len() as u16, total, reconciled, fm)?;
    r += 1;
    xlsx::note(
        ws,
        r,
        widths.len() as u16,
        total,
        &format!("{}: {}", ctx.t("Privacy", "Privacy"), suppression_text(ctx)),
        fm,
    )?;
    r += 2;
    xlsx::text(ws, r, 0, &format!("{} ({})", ctx.t("Bestanden", "Files"), led.files.len()), &fm.bold)?;
    r += 1;
    let file_heads = [
        ("file", ctx.t("Bestand", "File")),
        ("status", "Status"),
        ("rows", ctx.t("Rijen", "Rows")),
        ("scored", ctx.t("Gescoord", "Scored")),
        ("rejected_answers", ctx.t("Afgewezen antwoorden", "Rejected answers")),
        ("note", ctx.t("Waarom", "Why")),
        ("sha256", ctx.t("SHA-256 (begin; geheel in manifest.json)", "SHA-256 (start; whole in manifest.json)")),
    ];
    let rows: Vec<FileSheetRow> = led
        .files
        .iter()
        .map(|f| FileSheetRow {
            file: xlsx::fit_cell(&f.path).into_owned(),
            status: f.status.word(ctx.lang),
            rows: f.counts.rows_read,
            scored: f.respondents,
            rejected_answers: f.counts.answers_rejected,
            note: f.note.as_ref().map(|n| n.text(ctx.lang)).unwrap_or_default(),
            // Enough to tell files apart; manifest.json has the whole checksum.
            sha256: f.sha256.chars().take(16).collect(),
        })
        .collect();
    let head = r;
    ws.serialize_headers_with_options(r, 0, &FileSheetRow::default(), &serde_headers(&file_heads, fm))?;
    xlsx::fit_row(ws, head, &file_heads.iter().zip(widths).map(|((_, h), w)| (*h, w - 2.0)).collect::<Vec<_>>())?;
    for row in &rows {
        ws.serialize(row)?;
        r += 1;
        xlsx::fit_row(ws, r, &[(&row.note, widths[5])])?;
    }
    r += 1;
    // What ingest noticed and acted on: the tool, a legend, a copy read once, …
    let notes: Vec<[String; 4]> =
        led.notes.iter().map(|n| [n.file.clone(), n.sheet.clone(), n.cell.clone(), n.what.text(ctx.lang)]).collect();
    if !notes.is_empty() {
        r += 1;
        xlsx::text(ws, r, 0, &format!("{} ({})", ctx.t("Opmerkingen", "Notes"), notes.len()), &fm.bold)?;
        r += 1;
        for (i, h) in [ctx.t("Bestand", "File"), ctx.t("Blad", "Sheet"), ctx.t("Cel", "Cell")].iter().enumerate() {
            xlsx::text(ws, r, i as u16, h, &fm.header)?;
        }
        xlsx::text(ws, r, 5, ctx.t("Opmerking", "Note"), &fm.header)?;
        r += 1;
        for [file, sheet, cell, note] in &notes {
            xlsx::text(ws, r, 0, file, &fm.text)?;
            xlsx::text(ws, r, 1, sheet, &fm.text)?;
            xlsx::text(ws, r, 2, cell, &fm.text)?;
            xlsx::text(ws, r, 5, note, &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(note, widths[5])])?;
            r += 1;
        }
    }
    // One institution however it is spelled: every spelling, alias and code read, and
    // the names that only look alike (not merged: add an alias if they are one).
    if !led.names.is_empty() || !led.look_alikes.is_empty() {
        r += 1;
        xlsx::text(
            ws,
            r,
            0,
            ctx.t(
                "Instellingsnamen: één instelling, hoe ook gespeld",
                "Institution names: one institution, however spelled",
            ),
            &fm.bold,
        )?;
        r += 1;
        for (i, h) in
            [ctx.t("Getoond als", "Shown as"), ctx.t("Gelezen", "Read"), ctx.t("Rijen", "Rows")].iter().enumerate()
        {
            xlsx::text(ws, r, i as u16, h, &fm.header)?;
        }
        xlsx::text(ws, r, 5, ctx.t("Hoe", "How"), &fm.header)?;
        r += 1;
        for g in &led.names {
            for (spelling, rows, via) in &g.variants {
                xlsx::text(ws, r, 0, &xlsx::fit_cell(&g.shown), &fm.text)?;
                xlsx::text(ws, r, 1, &xlsx::fit_cell(spelling), &fm.text)?;
                ws.write_number_with_format(r, 2, *rows as f64, &fm.int)?;
                xlsx::text(ws, r, 5, &name_how(ctx.lang, g, spelling, *via), &fm.wrap)?;
                r += 1;
            }
        }
        for l in &led.look_alikes {
            xlsx::text(ws, r, 0, &xlsx::fit_cell(&l.a), &fm.text)?;
            xlsx::text(ws, r, 1, &xlsx::fit_cell(&l.b), &fm.text)?;
            let what = look_alike_text(ctx.lang, l);
            xlsx::text(ws, r, 5, &what, &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(&what, widths[5])])?;
            r += 1;
        }
    }
    // Columns matched other than exactly (also data/column_mapping.csv).
    if !led.mappings.is_empty() {
        r += 1;
        xlsx::text(
            ws,
            r,
            0,
            &format!(
                "{} ({})",
                ctx.t(
                    "Kolommen gekoppeld aan een item, niet letterlijk",
                    "Columns matched to an item other than exactly"
                ),
                led.mappings.len()
            ),
            &fm.bold,
        )?;
        r += 1;
        let mh = [
            ctx.t("Bestand", "File"),
            ctx.t("Blad", "Sheet"),
            ctx.t("Cel", "Cell"),
            "Item",
            ctx.t("Gelijkenis", "Similarity"),
            ctx.t("Kolomkop, en hoe gekoppeld", "Header, and how matched"),
        ];
        for (i, h) in mh.iter().enumerate() {
            xlsx::text(ws, r, i as u16, h, &fm.header)?;
        }
        r += 1;
        for m in &led.mappings {
            xlsx::text(ws, r, 0, &m.file, &fm.text)?;
            xlsx::text(ws, r, 1, &m.sheet, &fm.text)?;
            xlsx::text(ws, r, 2, &m.cell, &fm.text)?;
            xlsx::text(ws, r, 3, &m.item, &fm.text)?;
            ws.write_number_with_format(r, 4, m.similarity, &fm.share)?;
            let what = format!("«{}» ({})", m.header, m.how.text(ctx.lang));
            xlsx::text(ws, r, 5, &what, &fm.wrap)?;
            xlsx::fit_row(ws, r, &[(&what, widths[5])])?;
            r += 1;
        }
    }
    r += 1;
    xlsx::text(
        ws,
        r,
        0,
        &format!("{} ({})", ctx.t("Afwijzingen en waarschuwingen", "Rejections and warnings"), led.rejections.len()),
        &fm.bold,
    )?;
    r += 1;
    let rej_heads = [
        ("file", ctx.t("Bestand", "File")),
        ("sheet", ctx.t("Blad", "Sheet")),
        ("cell", ctx.t("Cel", "Cell")),
        ("level", ctx.t("Niveau", "Level")),
        ("value", ctx.t("Waarde", "Value")),
        ("reason", ctx.t("Reden", "Reason")),
        ("detail", ctx.t("Detail (voor ondersteuning)", "Detail (for support)")),
    ];
    let head = r;
    ws.serialize_headers_with_options(r, 0, &RejectionSheetRow::default(), &serde_headers(&rej_heads, fm))?;
    // One sheet holds a million rows; the listing stops well before, and says where
    // the rest is (data/rejections.csv has every one).
    let shown = led.rejections.len().min(MAX_LISTED);
    for rj in &led.rejections[..shown] {
        let row = RejectionSheetRow {
            file: xlsx::fit_cell(&rj.file).into_owned(),
            sheet: xlsx::fit_cell(&rj.sheet).into_owned(),
            cell: rj.cell.clone(),
            level: rj.level.word(ctx.lang),
            value: xlsx::fit_cell(&rj.value).into_owned(),
            reason: xlsx::fit_cell(&rj.reason.text(ctx.lang)).into_owned(),
            detail: rj.reason.detail().map(|d| xlsx::fit_cell(d).into_owned()).unwrap_or_default(),
        };
        ws.serialize(&row)?;
        r += 1;
        xlsx::fit_row(ws, r, &[(&row.reason, widths[5]), (&row.detail, widths[6])])?;
    }
    r += 1;
    xlsx::filter(ws, head, r - 1, rej_heads.len() as u16)?;
    if shown < led.rejections.len() {
        let rest = led.rejections.len() - shown;
        let more = match ctx.lang {
            Lang::Nl => format!("… en nog {rest} afwijzingen: de volledige lijst staat in data/rejections.csv."),
            Lang::En => format!("… and {rest} more rejections: the full list is in data/rejections.csv."),
        };
        xlsx::text(ws, r, 0, &more, &fm.note)?;
    }
    Ok(())
}
