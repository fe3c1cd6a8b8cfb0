//! The sector workbook's Toelichting sheet and the method notes every workbook repeats
//! (the portret's Toelichting, the sector overview's Method): how scores, positions,
//! differences and privacy work, and what this run hid.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::report::xlsx::{self, Formats};
use crate::report::ReportContext;

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

pub(super) fn toelichting(ctx: &ReportContext<'_>, wb: &mut Workbook, fm: &Formats) -> Result<()> {
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
