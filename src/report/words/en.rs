//! The portret's words in English (`--lang en`), by key.

use super::Word;
use crate::score::Versus;

/// The word in English.
pub fn say(w: Word) -> &'static str {
    use Word::*;
    match w {
        PortretTitle => "Career guidance professionalism portrait",
        ProtectedOwnFigures => "Some of your own figures are shown here but not in the sector tables: there they are protected to keep a small group elsewhere from being worked back. They are your own data.",
        Total => "Total",
        NoPeerGroup => "no peer group known",
        SinceLower => "since",
        AllYearsOneEdition => "All years scored with framework edition",
        NewEditionFrom => "New framework edition from",
        EditionsNotComparable => "scores before and after are not comparable.",
        Team => "team",
        Location => "location",
        NotGiven => "(not given)",
        TeamsIntro => "Per team and per location, where the survey asked for them. Small groups are hidden, and more where needed, so no group can be worked back from your own total.",
        TeamsMarks => "= too few respondents. Protected: hidden because otherwise a small group could be worked back from your own total. A team or location is shown or hidden as a whole per line.",
        HighestLabel => "highest",
        LowestLabel => "lowest",
        NotesSheet => "Notes",
        Line => "Line",
        Area => "Area",
        OwnScore => "Own score",
        SectorP25 => "Sector P25",
        SectorMedian => "Sector median",
        SectorP75 => "Sector P75",
        InstitutionsShown => "Institutions shown",
        PositionAmongInstitutions => "Position among the institutions",
        PositionInPeer => "Position in the peer group",
        StaffOtherInstitutions => "Staff of the other institutions (mean)",
        DifferenceFromSector => "Difference from the sector's staff",
        Change => "Change",
        Since => "Since",
        Then => "Then",
        ChangeInterval => "95% interval of the change",
        ChangeBeyondChance => "Change beyond chance",
        PortretSheet => "Portrait",
        SectorMedianLower => "sector median",
        ChartTitle => "Own score by line and area, with the sector median",
        ScoreAxis => "Score (0–100)",
        SeriesSheet => "Trend",
        ItemsSheet => "Highest and lowest",
        Text => "Text",
        Sector => "Sector",
        TeamsAndLocations => "Teams and locations",
        Grouping => "Grouping",
        Name => "Name",
        Recommendations => "Recommendations",
        Recommendation => "Recommendation",
        ExplanationHead => "Explanation",
        Finding => "Finding",
        Source => "Source",
        Page => "page",
        Of => "of",
        WhereYouStand => "Where you stand",
        Median => "Median",
        Institutions => "Institutions",
        OtherInstitutions => "Other institutions",
        ChangeAndOwn => "Change and own series",
        SeriesIntro => "Your scores in every year you took part",
        SeriesIntroChange => "and the change since the previous year with its 95% interval.",
        SeriesLastFive => "The table shows the last five years; the Trend sheet of the portrait workbook has them all.",
        ChangeFirstYear => "Change: first year taken part",
        Change95Interval => "Change (95% interval)",
        PeerIntro => "Among the institutions of the same type of education (vo, mbo or hbo), over those shown; the percentile is given where 10 or more institutions are shown.",
        TeamOrLocation => "Team or location",
        HighestAndLowestItems => "Highest and lowest items",
        OwnShort => "Own",
        // The sector report (sector/)
        SectorLangCode => "en",
        SectorScore => "Score",
        SectorBeyondChance => "Beyond chance",
        SectorChangeFirstYear => "Change: first year",
        SectorChangeSince => "Change since",
        SectorLinesAreas => "Lines and areas",
        SectorTableNote => "P25, median and P75 over the institutions shown (column Institutions: shown of those with respondents); the others have too few respondents (<5) or are protected to keep a small group from being worked back. Beyond chance: the change's 95% interval does not contain 0.",
        SectorPeerGroup => "Peer group",
        SectorGapsBetweenLines => "Gaps between lines",
        SectorLines => "Lines",
        SectorGap => "Gap",
        SectorLower => "sector",
        SectorTrend => "Trend",
        SectorMethod => "Method",
        SectorYear => "Year",
        SectorInstitution => "Institution",
        SectorPositionHead => "Position among the institutions (against P25–P75 in Overview)",
        SectorItems => "Items",
        SectorKind => "Kind",
        SectorGapLower => "gap",
        SectorBeyondChanceLower => "beyond chance",
        SectorLinesNote => "Difference between the mean scores of two lines in the sector and per peer group (vo, mbo, hbo), with Welch's 95% confidence interval on the respondent scores of both lines. Beyond chance: the interval does not contain 0. Not beyond chance does not mean there is no difference, only that these numbers do not establish one. Where either line is hidden, there is no gap.",
        SectorFramework => "Framework",
        SectorAnswers => "Answers",
        SectorAnswersText => "yes = 1, largely = 2/3, somewhat = 1/3, no = 0; n/a is left out; an empty cell is not answered.",
        SectorRespondentScore => "Respondent score",
        SectorRespondentScoreText => "100 × the mean of the answers to the answered, applicable items of the respondent's own line within the scope (area × kind, area or all items).",
        SectorGroupScore => "Group score",
        SectorGroupScoreText => "Mean of the respondent scores per institution × year × line × scope; n = respondents with at least one answered item in scope; with standard deviation (n − 1), median and 95% confidence interval mean ± t(0.975, n − 1)·sd/√n.",
        SectorItemScore => "Item score",
        SectorItemScoreText => "100 × the mean answer of the respondents who answered the item.",
        SectorPooledScore => "Sector score",
        SectorPooledScoreText => "Mean over all respondents of the sector (or peer group vo/mbo/hbo) with n and 95% confidence interval; P25, median and P75 of the institution scores (linear interpolation) over the institutions shown.",
        SectorPositionText => "The band follows the quartiles beside it: below P25 the lowest quarter, above P75 the highest quarter, from P25 to P75 inclusive the middle half (at the decimals they are printed with beside it). Beside it the percentile rank 100·(below + ½·equal)/N among the institutions shown, as a number only with 10 or more institutions shown; with too few institutions nothing (\"too few institutions\"). Every distribution says over how many of how many institutions it was taken, and why the others are not in it.",
        SectorDifferenceInterval => "Difference and interval",
        SectorDifferenceText => "Change since the previous year of participation (within one framework edition) and gap between lines: d = mean₂ − mean₁ with Welch's 95% interval: d ± t(0.975; ν)·se, se = √(sd₁²/n₁ + sd₂²/n₂), ν = se⁴ / ((sd₁²/n₁)²/(n₁ − 1) + (sd₂²/n₂)²/(n₂ − 1)). Beyond chance (significant) means: the interval does not contain 0 (p < 0.05); the difference is then unlikely to be only chance in who answered. Not beyond chance does not mean there is no difference, only that these numbers cannot establish one. The same staff answering in both years makes the years dependent; the calculation assumes independent groups and so errs on the cautious side. Hidden groups get no change, gap or comparison; where the spread is withheld, so is the interval.",
        SectorVersusSectorText => "Per line × area and line total: the institution's mean against the mean of all staff of the sector's other institutions (Welch), shown beside it. As one portrait makes up to 15 such comparisons a year, the p-values per institution and year are corrected by Benjamini–Hochberg (q = 0.05): on average at most 5% of the differences reported are chance. Clearly higher or lower: significant after that correction; otherwise no clear difference, which does not mean the scores are equal.",
        SectorPrivacy => "Privacy",
        SectorPrivacyLead => "Groups with fewer than",
        SectorPrivacyText => "respondents are not shown (\"<5\"). Figures a small group could be worked back from, also by another institution that knows its own figures, are protected (\"protected\"): in every published sector or peer-group score, the hidden groups beside each hidden group are together at least two institutions with at least as many respondents. Where n, mean, spread and median together give every respondent's score away, spread, median and interval are left out",
        SectorPrivacyInstitutions => "distributions and peer groups only from",
        SectorInstitutionsEnd => "institutions.",
        SectorHidden => "Hidden",
        SectorExclusion => "Exclusion",
        SectorExclusionLead => "Respondents who answered less than",
        SectorExclusionText => "of their applicable items are left out; see the Data quality sheet of the sector workbook and data/rejections.csv.",
        SectorHiddenLower => "hidden",
        SectorGroupScores => "group scores",
        SectorPooledScores => "sector scores",
        SectorItemScores => "item scores",
        SectorNotesTitle => "LOB monitor: career guidance professionalism, sector report",
        SectorYears => "Years:",
        SectorThisRun => "This run",
        SectorTool => "Tool",
        SectorFiles => "Files",
        SectorRespondentsScored => "Respondents scored",
        SectorExcludedRejected => "Excluded / rejected",
        SectorRejections => "Rejections",
        SectorHiddenMarkNote => "= not shown: too few respondents, or could be worked back from other cells (privacy).",
        SectorWorkbookTitle => "LOB monitor sector report",
        SectorOverview => "Overview",
        SectorInterval95Low => "95% interval low",
        SectorInterval95High => "95% interval high",
        SectorInstitutionsShownOver => "Institutions shown (P25–P75 over)",
        SectorAll => "All",
        SectorOverviewNote => "P25, median and P75 are taken over the institutions shown (column Institutions shown), of all institutions with respondents (column Institutions); the others have too few respondents (<5) or are protected to keep a small group from being worked back. Where fewer than the minimum number of institutions are shown, or the sector figure is protected, there is no distribution; where fewer institutions have respondents than the minimum, there is no sector figure (\"too few institutions\") and Institutions shown is empty.",
        SectorLineComparison => "Line comparison",
        SectorComparisonChartTitle => "Score by line and area,",
        SectorSpreadInstitutions => "Spread of institutions",
        SectorRangeForChart => "P75 − P25 (for the chart)",
        SectorOverHowManyInstitutions => "Over how many institutions",
        SectorMiddleHalf => "P25 to P75 (middle half of the institutions)",
        SectorAllPeers => "sector (all)",
        SectorPeerGroups => "Peer groups",
        SectorPeerGroupsNote => "A peer group with fewer institutions with respondents than the minimum has no figures (\"too few institutions\"; Institutions shown then empty). P25–P75 over the peer group's institutions shown. Change: since the previous year within the same framework edition, with Welch's 95% interval; beyond chance where the interval does not contain 0.",
        SectorRowsRead => "Rows read",
        SectorCountRespondentsScored => "  respondents scored",
        SectorCountRespondentsExcluded => "  respondents excluded",
        SectorCountRespondentsRejected => "  respondents rejected",
        SectorAnswersRead => "Answers read",
        SectorCountScored => "  scored",
        SectorCountUnscored => "  not scored (respondent not scored)",
        SectorCountNa => "  n/a",
        SectorCountOtherLine => "  item of another line",
        SectorCountRejected => "  rejected",
        SectorCountMissing => "Missing (not answered, scored respondents)",
        SectorCountSummaryRows => "Summary rows (total, average, count; listed, not read)",
        SectorWordsInOther => "the words of one are in the other",
        SectorDataQuality => "Data quality",
        SectorDataQualityTitle => "Data quality: everything read, and where it went",
        SectorFile => "File",
        SectorSheet => "Sheet",
        SectorExplanation => "Explanation",
        SectorReconciled => "Reconciled: rows = scored + excluded + rejected; answers = scored + unscored + n/a + other line + rejected.",
        SectorDoesNotReconcile => "DOES NOT RECONCILE — report this as a bug.",
        SectorRows => "Rows",
        SectorScoredHead => "Scored",
        SectorRejectedAnswers => "Rejected answers",
        SectorWhy => "Why",
        SectorSha256Head => "SHA-256 (start; whole in manifest.json)",
        SectorNotes => "Notes",
        SectorCell => "Cell",
        SectorNote => "Note",
        SectorNamesHead => "Institution names: one institution, however spelled",
        SectorShownAs => "Shown as",
        SectorRead => "Read",
        SectorHow => "How",
        SectorColumnsHead => "Columns matched to an item other than exactly",
        SectorSimilarity => "Similarity",
        SectorHeaderHowMatched => "Header, and how matched",
        SectorRejectionsWarnings => "Rejections and warnings",
        SectorLevel => "Level",
        SectorValue => "Value",
        SectorReason => "Reason",
        SectorDetailSupport => "Detail (for support)",
        SectorTrendNote => "Change: the difference from the year before, with Welch's 95% interval; beyond chance where the interval does not contain 0 (see Notes).",
        SectorSeriesBreak => "Series break: new framework edition from",
        SectorNoChangeAcrossBreak => "No change is computed across a break.",
        SectorOverviewTitle => "Sector overview of career guidance professionalism",
        SectorIntro => "{} institution-years, {} respondents scored. The distribution over institutions (P25, median, P75) is given only where enough institutions are shown; small groups are hidden (see Method).",
        SectorPeerTooFewOne => "Peer group {} {}: 1 institution with respondents, fewer than the {} needed for a peer-group figure; no table.",
        SectorPeerTooFew => "Peer group {} {}: {} institutions with respondents, fewer than the {} needed for a peer-group figure; no table.",
        SectorHiddenTooFewRespondents => "{} too few respondents",
        SectorHiddenTooFewInstitutions => "{} too few institutions",
        SectorHiddenProtected => "{} protected",
        SectorSpreadLeftOut => ", spread left out for {}",
        SectorNameAsFile => "as the institutions file spells it",
        SectorNameMostRows => "the spelling most rows use",
        SectorNameShown => "name shown ({})",
        SectorViaSpelling => "same name (differs only in case, accents, spaces or punctuation)",
        SectorViaAlias => "alias in the institutions file (aliassen)",
        SectorViaCode => "code or BRIN in the institutions file",
        SectorLooksLike => "looks like ({}); not merged: if they are one institution, add one name as an alias of the other in the institutions file (aliassen)",
        SectorMoreRejections => "… and {} more rejections: the full list is in data/rejections.csv.",
        // Charts, HTML, findings and recommendations
        SelfAssessment => "self-assessment against the LOB framework",
        StemLineComparison => "line-comparison",
        StemDistribution => "distribution",
        StemItemsLine => "items-line",
        StemTrend => "trend",
        StageCharts => "charts",
        StagePortraits => "portraits",
        BenchmarkHiddenNote => "= too few respondents to show; protected = not shown to protect a small group elsewhere.",
        BenchmarkTitle => "own scores against the sector,",
        BenchmarkSubtitle => "Bar = own score (each line its own colour and fill: line 1 solid, 2 hatched, 3 cross-hatched); grey outlined box = middle half of institutions (P25–P75); black bar = median of institutions.",
        DistributionTitle => "Spread of institutions by line,",
        DistributionSubtitle => "Each dot is an institution (the line's total score); grey outlined box = middle half (P25–P75); black bar = median.",
        DistributionNoteShown => "Under each line: institutions shown / taking part. Institutions with fewer than",
        DistributionNoteHidden => "respondents (or protected) are not shown.",
        TooFewInstitutions => "too few institutions",
        ItemsScaleNote => "The scale runs from 0 to 100, the same in every year: a bar's length is its score. Colour and length say the same.",
        ItemsPreviousTick => "Black tick = score in",
        ItemsHiddenNote => "= too few respondents for this item.",
        ItemsTitle => "score per item,",
        Respondents => "respondents",
        LineComparisonTitle => "Career guidance professionalism by line and area,",
        LineComparisonSubtitle => "Sector: mean score per line; the black whisker is the 95% confidence interval.",
        LineComparisonNote => "Score = mean degree to which the own line's items apply (yes = 100, largely = 66.7, somewhat = 33.3, no = 0). n = respondents.",
        TrendWhiskerNote => "Under each year per line the score and the number of respondents (n), in the legend's order; the dark whisker with caps through a point is the 95% confidence interval (the shorter, the more precise).",
        TrendBreakNote => "A vertical line marks a new edition of the framework: no trend is drawn across it.",
        TrendMarkerNote => "Each line has its own colour and marker: line 1 ●, line 2 ■, line 3 ✕.",
        TrendTitle => "Trend by line",
        TrendSubtitle => "Sector, total score per year.",
        Navigation => "Navigation",
        AllPublications => "All publications",
        PublicationsTitle => "LOB monitor: publications",
        PublicationsIntro => "The results of the career guidance professionalism self-assessment as web pages: the sector overview, each institution's portrait per year, and the chart pack.",
        Portraits => "Portraits",
        Charts => "Charts",
        ChartPackLink => "Chart pack with text alternatives",
        ChartPackTitle => "LOB monitor chart pack",
        ChartPackIntro => "Every chart with its title, a short description (alt text) and the figures in words. The figures themselves are in the CSV file beside each chart.",
        ValidateExplanationsFirst => "First this: one explanation per cause",
        InstitutionLower => "institution",
        Rows => "rows",
        InstitutionsFileRead => "institutions file, read",
        InstitutionsLower => "institutions",
        ExportRecognised => "export recognised",
        AcceptedColon => "accepted:",
        NoteWord => "note",
        Column => "column",
        Similarity => "similarity",
        Problem => "problem",
        ReaderSaid => "the reader said",
        GroupsHeading => "groups (institution, year, line)",
        FewerThan => "fewer than",
        GroupWillBeHidden => "this group will be hidden",
        TotalLower => "total",
        RowsRead => "rows read",
        RespondentsAccepted => "respondents accepted",
        Excluded => "excluded",
        RejectedLower => "rejected",
        SummaryRowsNotRead => "summary rows not read",
        FileAccepted => "ok",
        FilePartial => "partly ok",
        FileRejected => "REJECTED",
        FileIgnored => "ignored (not a survey file)",
        FileDuplicate => "copy, read once",
        LowestQuarter => "lowest quarter",
        MiddleHalf => "middle half",
        HighestQuarter => "highest quarter",
        Percentile => "percentile",
        ClearlyHigher => "clearly higher",
        NoClearDifference => "no clear difference",
        ClearlyLower => "clearly lower",
        ItemSectorNote => "Sector: the mean score on the item over the staff of every institution, its own included.",
        KindsGlossary => "Item L1-VB-R1: line 1, area VB, R = role (what you do), D = expertise (what you know and can do), number 1.",
        TypeOfEducation => "Type of education:",
        FrameworkEdition => "framework edition",
        To => "to",
        And => "and",
        ProtectedLower => "protected",
        OverPooledProtected => "No P25–P75: the sector figure is protected to keep small groups from being worked back.",
        PositionAmongInstitutionsLine => "Position among the institutions (line total)",
        Higher => "higher",
        Lower => "lower",
        ByAreaClearlyDifferent => "by area, clearly different",
        NoEarlierYear => "There is no earlier year to compare with: this is the first survey with this framework edition.",
        ClearlyLowerThanStaff => "Clearly lower than the staff of the other institutions",
        Fall => "fall",
        Rise => "rise",
        CountExampleLetters => "\"N of M\": N shown of the M with respondents",
        ForTeacherTraining => "For teacher training:",
        NoRecommendation => "No recommendation from the figures",
        NoFindingHolds => "No finding holds beyond its uncertainty: no score clearly lower than the staff of the other institutions, no fall beyond chance, not in the lowest quarter of 10 or more institutions.",
        InGeneral => "In general:",
        FromYear => "from",
        ExactNoSpread => "exact (no spread)",
        Yes => "yes",
        No => "no",
        UnknownSpreadNotShown => "unknown (spread not shown)",
        NoSpreadExact => "no spread in either group: exact",
        Interval95 => "95% interval",
        ClearDifference => "a clear difference",
        TemplateInstitutionHint => "name of the school or institution",
        TemplateBrinHint => "BRIN number (optional)",
        TemplateOptional => "optional",
        TemplateYearHint => "e.g. 2026 or 2025-2026",
        TemplateInvalidSector => "Invalid sector",
        TemplateChooseSector => "Choose vo, mbo or hbo.",
        TemplateLocation => "Location",
        TemplateHowToFill => "One row per staff member. For each item choose: yes, largely, somewhat, no or n/a. Leave blank what you do not want to answer.",
        TemplateInvalidAnswer => "Invalid answer",
        TemplateChooseAnswer => "Choose yes, largely, somewhat, no or n/a.",
        CatalogueLine => "line",
        CatalogueSources => "sources",
        CatalogueText => "text",
    }
}

// Charts, HTML, findings and recommendations: the sentences with figures in them, one
// function per sentence (its Dutch twin has the same name in `nl.rs`).

pub fn benchmark_sector(median: &str, p25: &str, p75: &str) -> String {
    format!(", sector median {median} (middle half {p25} to {p75})")
}

pub fn benchmark_alt(name: &str, year: u16) -> String {
    format!("Bar chart: {name}'s scores per line and area in {year}, against the sector's distribution.")
}

pub fn benchmark_description(parts: &str) -> String {
    format!("Total score per line: {parts}.")
}

pub fn distribution_quartiles(median: &str, p25: &str, p75: &str) -> String {
    format!("median {median}, middle half {p25}–{p75}")
}

pub fn distribution_shown(shown: usize, of: usize) -> String {
    format!("{shown} of {of} institutions shown")
}

pub fn distribution_alt(year: u16) -> String {
    format!("Dot plot: each institution's total score per line in {year}, with the middle half and the median.")
}

pub fn items_extremes(area: &str, high: &str, high_score: &str, low: &str, low_score: &str) -> String {
    format!("{area}: highest {high} ({high_score}), lowest {low} ({low_score})")
}

pub fn items_alt(line: &str, year: u16) -> String {
    format!("Bar chart: sector score per item of {line} in {year}, by area.")
}

pub fn line_comparison_description(year: u16, lines: &str) -> String {
    format!("In {year} the mean total score is: {lines}.")
}

pub fn line_comparison_alt(year: u16) -> String {
    format!("Bar chart: mean score per line in each area of the sector in {year}, with confidence intervals.")
}

pub fn trend_from_to(line: &str, first: &str, first_year: u16, last: &str, last_year: u16) -> String {
    format!("{line} from {first} ({first_year}) to {last} ({last_year})")
}

pub fn trend_alt(ends: &str) -> String {
    format!("Line chart: the sector's total score per line over the years: {ends}.")
}

pub fn glossary(lines: &str, areas: &str) -> String {
    format!(
        "LOB = career orientation and guidance; vo = secondary, mbo = vocational, hbo = higher professional education; MT = management team; PDCA = plan-do-check-act (the quality cycle). {lines}. Areas: {areas}."
    )
}

pub fn line_name(number: u8) -> String {
    format!("line {number}")
}

pub fn institutions_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "institution" } else { "institutions" })
}

pub fn shown_of(shown: usize, of: usize) -> String {
    format!("{shown} of {of}")
}

pub fn over_small(n: usize, min_group_size: u64) -> String {
    format!("{n} with too few respondents (<{min_group_size})")
}

pub fn over_protected(n: usize) -> String {
    format!("{n} protected to keep a small group from being worked back")
}

pub fn over_published(shown: usize, of: usize, hidden: usize, why: &str) -> String {
    match hidden {
        0 => format!("P25–P75 over all {of} institutions."),
        1 => format!("P25–P75 over {shown} of {of} institutions; the other is not shown: {why}."),
        h => format!("P25–P75 over {shown} of {of} institutions; the other {h} are not shown: {why}."),
    }
}

pub fn over_few_institutions(count: &str, min_institutions: usize) -> String {
    format!("No sector figure and no P25–P75: {count} with respondents, fewer than the {min_institutions} needed.")
}

pub fn over_too_few_shown(shown: usize, of: usize, min_institutions: usize, why: &str) -> String {
    let rest = if why.is_empty() { String::new() } else { format!("; not shown: {why}") };
    format!(
        "No P25–P75: {shown} of {of} institutions shown, too few for a distribution (at least {min_institutions}){rest}."
    )
}

pub fn answered_in(n: u64, line: &str) -> String {
    format!("{n} in {line}")
}

pub fn answered_few(line: &str) -> String {
    format!("a few in {line}")
}

pub fn answered(year: u16, total: Option<u64>, parts: &str) -> String {
    match total {
        Some(total) => format!("In {year}, {total} staff completed the survey: {parts}."),
        None => format!("In {year}, staff completed the survey: {parts}."),
    }
}

pub fn position_clause(who: &str, band: &str, _middle: bool) -> String {
    format!("your {who} in the {band}")
}

pub fn versus_clause(who: &str, v: Versus, plural: bool, refer: bool) -> String {
    let staff = if refer { "them" } else { "the staff of the other institutions" };
    let score = if plural { "score" } else { "scores" };
    match v {
        Versus::Above => format!("your {who} {score} clearly higher than {staff}"),
        Versus::Below => format!("your {who} {score} clearly lower than {staff}"),
        Versus::Within => format!("your {who} {} not clearly differ from {staff}", if plural { "do" } else { "does" }),
    }
}

pub fn area_in_line(area: &str, line: &str) -> String {
    format!("{area} in {line}")
}

pub fn untested_lines(who: &str, plural: bool) -> String {
    format!(
        "Your {who} {} not compared with the other institutions or with earlier years: protected, to keep a small group elsewhere from being worked back; only you see {} figures.",
        if plural { "are" } else { "is" },
        if plural { "their" } else { "its" }
    )
}

pub fn same_score(score: &str) -> String {
    format!("Every area has the same score: {score}.")
}

pub fn highest_lowest(best: &str, best_figures: &str, worst: &str, worst_figures: &str) -> String {
    format!("Your highest own score is for {best} ({best_figures}), your lowest for {worst} ({worst_figures}).")
}

pub fn change_verdict(real: usize, all: usize, word: &str, areas: &str) -> String {
    match real {
        0 => format!("in none of them is the {word} larger than chance"),
        k if k == all => format!("everywhere the {word} is larger than chance"),
        _ => format!("only in {areas} is the {word} larger than chance"),
    }
}

pub fn since_year(year: u16) -> String {
    format!(" since {year}")
}

pub fn no_change(since: u16, tested: bool) -> String {
    let tested = if tested { " tested" } else { "" };
    format!("Since {since} no{tested} line or area has changed beyond chance.")
}

pub fn changed_rest_not(since: u16, changed: &str) -> String {
    format!("Changed beyond chance since {since}: {changed}; the rest not clearly.")
}

pub fn moved_whole(who: &str, plural: bool, down: bool, since: u16, verdict: &str) -> String {
    format!(
        "your {who} {} {} than in {since} in all four areas ({verdict})",
        if plural { "score" } else { "scores" },
        if down { "lower" } else { "higher" }
    )
}

pub fn changed_as_whole(lines: &str) -> String {
    format!("changed beyond chance as a whole: {lines}")
}

pub fn changed_in_area(areas: &str) -> String {
    format!("changed beyond chance in an area: {areas}")
}

pub fn count_example(line: &str, count: &str, shown: usize, of: usize) -> String {
    format!("for your {line} \"{count}\": {shown} shown of the {of} with respondents")
}

pub fn how_to_read(example: &str, min_group_size: u64) -> Vec<String> {
    vec![
        "How to read this portrait".into(),
        "Scores from 0 to 100: the mean answer (yes = 100, largely = 66.7, somewhat = 33.3, no = 0); n = number of respondents.".into(),
        format!("Position among the institutions: a quarter of the institutions score below P25, half between P25 and P75 (the median in the middle), a quarter above P75, over the institutions shown ({example}). Below P25: lowest quarter; above P75: highest quarter; otherwise: middle half."),
        "Difference from the sector's staff: your mean against that of all staff of the other institutions (the column before it), tested at 95% and corrected for the number of comparisons. No clear difference does not mean the scores are equal.".into(),
        "Change: since the previous year you took part, with its 95% interval (the margin around the difference); beyond chance where the interval excludes 0.".into(),
        format!("<{min_group_size}: too few respondents to show; protected: hidden to protect a small group."),
    ]
}

pub fn difference(diff: &str, interval: Option<&str>) -> String {
    match interval {
        Some(i) => format!("(difference {diff}; 95% interval {i})"),
        None => format!("(difference {diff})"),
    }
}

pub fn change_since(change: &str, since: u16, interval: Option<&str>) -> String {
    let ci = interval.map_or(String::new(), |i| format!(" (95% interval {i})"));
    format!("{change} since {since}{ci}")
}

pub fn weakness_below(place: &str, score: &str, rest: Option<&str>) -> String {
    let rest = rest.map_or(String::new(), |r| format!(" ({r})"));
    format!("{place}: {score}, clearly lower than the staff of the other institutions{rest}")
}

pub fn weakness_lowest_quarter(place: &str, score: &str, p25: &str, count: &str) -> String {
    format!("{place}: {score}, lowest quarter (P25 {p25} over {count} institutions)")
}

pub fn expertise_behind(place: &str, expertise: &str, role: &str, difference: &str) -> String {
    format!("{place}: expertise {expertise} against role {role} {difference}, clearly lower")
}

pub fn line_behind(line: &str, score: &str, other: &str, other_score: &str, difference: &str) -> String {
    format!("{line} {score} against {other} {other_score} {difference}, clearly lower")
}

pub fn nothing_untested(who: &str) -> String {
    format!(" Your {who} was not tested (protected): the figures say nothing about it.")
}

/// The source's title as published (Dutch), with its translation beside it.
pub fn advice_source(title: &str, translated: &str, by: &str, year: u16) -> String {
    format!("{title} ({translated}), {by} {year}")
}

/// The answer words of the survey template's drop-down, from ja to n.v.t. (in the order
/// ingest scores them: 3, 2, 1, 0 thirds, then not applicable).
pub fn answer_words() -> [&'static str; 5] {
    ["yes", "largely", "somewhat", "no", "n/a"]
}
