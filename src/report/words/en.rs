//! The portret's words in English (`--lang en`), by key.

use super::Word;

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
        SectorOverviewLink => "Sector overview of career guidance professionalism",
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
