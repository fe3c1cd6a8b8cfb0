//! The portret's words in Dutch (the default language), by key.

use super::Word;

/// The word in Dutch.
pub fn say(w: Word) -> &'static str {
    use Word::*;
    match w {
        PortretTitle => "Portret professionaliteit LOB",
        ProtectedOwnFigures => "Enkele van uw eigen cijfers staan hier wel, maar in de sectortabellen niet: daar zijn ze afgeschermd om de cijfers van een kleine groep elders te beschermen. Het zijn uw eigen gegevens.",
        Total => "Totaal",
        NoPeerGroup => "geen peergroep bekend",
        SinceLower => "sinds",
        AllYearsOneEdition => "Alle jaren gescoord met raamwerkeditie",
        NewEditionFrom => "Nieuwe raamwerkeditie vanaf",
        EditionsNotComparable => "scores daarvoor en daarna zijn niet vergelijkbaar.",
        Team => "team",
        Location => "locatie",
        NotGiven => "(niet opgegeven)",
        TeamsIntro => "Per team en per locatie, waar de vragenlijst ze vroeg. Kleine groepen zijn verborgen, en waar nodig meer, zodat geen groep uit uw eigen totaal terug te rekenen is.",
        TeamsMarks => "= te weinig respondenten. Afgeschermd: verborgen omdat u anders uit uw eigen totaal een kleine groep zou kunnen terugrekenen. Een team of locatie wordt per lijn als geheel getoond of verborgen.",
        HighestLabel => "hoogst",
        LowestLabel => "laagst",
        NotesSheet => "Toelichting",
        Line => "Lijn",
        Area => "Aandachtsgebied",
        OwnScore => "Eigen score",
        SectorP25 => "Sector P25",
        SectorMedian => "Sector mediaan",
        SectorP75 => "Sector P75",
        InstitutionsShown => "Instellingen getoond",
        PositionAmongInstitutions => "Positie onder de instellingen",
        PositionInPeer => "Positie in de peergroep",
        StaffOtherInstitutions => "Medewerkers andere instellingen (gemiddelde)",
        DifferenceFromSector => "Verschil met de medewerkers van de sector",
        Change => "Verandering",
        Since => "Sinds",
        Then => "Toen",
        ChangeInterval => "95%-interval van de verandering",
        ChangeBeyondChance => "Aantoonbaar veranderd",
        PortretSheet => "Portret",
        SectorMedianLower => "sectormediaan",
        ChartTitle => "Eigen score per lijn en aandachtsgebied, met de sectormediaan",
        ScoreAxis => "Score (0–100)",
        SeriesSheet => "Ontwikkeling",
        ItemsSheet => "Hoog en laag",
        Text => "Tekst",
        Sector => "Sector",
        TeamsAndLocations => "Teams en locaties",
        Grouping => "Indeling",
        Name => "Naam",
        Recommendations => "Aanbevelingen",
        Recommendation => "Aanbeveling",
        ExplanationHead => "Toelichting",
        Finding => "Aanleiding",
        Source => "Bron",
        Page => "pagina",
        Of => "van",
        WhereYouStand => "Waar staat u",
        Median => "Mediaan",
        Institutions => "Instellingen",
        OtherInstitutions => "Andere instellingen",
        ChangeAndOwn => "Verandering en eigen reeks",
        SeriesIntro => "Uw scores in elk jaar waarin u meedeed",
        SeriesIntroChange => "en de verandering sinds het vorige jaar met haar 95%-interval.",
        SeriesLastFive => "De tabel toont de laatste vijf jaren; het werkblad Ontwikkeling van het portret heeft ze alle.",
        ChangeFirstYear => "Verandering: eerste jaar van deelname",
        Change95Interval => "Verandering (95%-interval)",
        PeerIntro => "Onder de instellingen van dezelfde onderwijssoort (vo, mbo of hbo), over de getoonde; het percentiel staat erbij waar 10 of meer instellingen getoond worden.",
        TeamOrLocation => "Team of locatie",
        HighestAndLowestItems => "Hoogste en laagste items",
        OwnShort => "Eigen",
        // Charts, HTML, findings and recommendations
        SelfAssessment => "zelfevaluatie tegen het Raamwerk LOB",
        StemLineComparison => "lijnvergelijking",
        StemDistribution => "spreiding",
        StemItemsLine => "items-lijn",
        StemTrend => "trend",
        StageCharts => "grafieken",
        StagePortraits => "portretten",
        BenchmarkHiddenNote => "= te weinig respondenten om te tonen; afgeschermd = niet getoond om een kleine groep elders te beschermen.",
        BenchmarkTitle => "eigen scores tegen de sector,",
        BenchmarkSubtitle => "Balk = eigen score (elke lijn een eigen kleur en vulling: 1e lijn vol, 2e gearceerd, 3e kruislings gearceerd); grijs omlijnd vlak = middelste helft van de instellingen (P25–P75); zwarte streep = mediaan van de instellingen.",
        DistributionTitle => "Spreiding van de instellingen per lijn,",
        DistributionSubtitle => "Elke stip is een instelling (totaalscore van de lijn); grijs omlijnd vlak = middelste helft (P25–P75); zwarte streep = mediaan.",
        DistributionNoteShown => "Onder elke lijn: getoonde / deelnemende instellingen. Instellingen met minder dan",
        DistributionNoteHidden => "respondenten (of afgeschermd) zijn niet getoond.",
        TooFewInstitutions => "te weinig instellingen",
        ItemsScaleNote => "De schaal loopt van 0 tot 100, in elk jaar dezelfde: de lengte van een balk is de score. Kleur en lengte zeggen hetzelfde.",
        ItemsPreviousTick => "Zwart streepje = score van",
        ItemsHiddenNote => "= te weinig respondenten voor dit item.",
        ItemsTitle => "score per item,",
        Respondents => "respondenten",
        LineComparisonTitle => "Professionaliteit LOB per lijn en aandachtsgebied,",
        LineComparisonSubtitle => "Sector: gemiddelde score per lijn; de zwarte streep is het 95%-betrouwbaarheidsinterval.",
        LineComparisonNote => "Score = gemiddelde mate waarin de items van de eigen lijn gelden (ja = 100, grotendeels = 66,7, enigszins = 33,3, nee = 0). n = respondenten.",
        TrendWhiskerNote => "Onder elk jaar per lijn de score en het aantal respondenten (n), in de volgorde van de legenda; de donkere streep met dwarsstreepjes door een punt is het 95%-betrouwbaarheidsinterval (hoe korter, hoe nauwkeuriger).",
        TrendBreakNote => "Een verticale lijn markeert een nieuwe editie van het raamwerk: daaroverheen wordt geen trend getrokken.",
        TrendMarkerNote => "Elke lijn heeft een eigen kleur en teken: 1e lijn ●, 2e lijn ■, 3e lijn ✕.",
        TrendTitle => "Ontwikkeling per lijn",
        TrendSubtitle => "Sector, totaalscore per jaar.",
        Navigation => "Navigatie",
        AllPublications => "Alle publicaties",
        PublicationsTitle => "LOB-monitor: publicaties",
        PublicationsIntro => "De uitkomsten van de zelfevaluatie professionaliteit LOB als webpagina's: het sectoroverzicht, het portret van elke instelling per jaar, en het grafiekenpakket.",
        SectorOverviewLink => "Sectoroverzicht professionaliteit LOB",
        Portraits => "Portretten",
        Charts => "Grafieken",
        ChartPackLink => "Grafiekenpakket met tekstalternatieven",
        ChartPackTitle => "Grafiekenpakket LOB-monitor",
        ChartPackIntro => "Elke grafiek met haar titel, een korte beschrijving (alt-tekst) en de cijfers in woorden. De cijfers zelf staan in het CSV-bestand naast elke grafiek.",
        ValidateExplanationsFirst => "Eerst dit: één uitleg per oorzaak",
        InstitutionLower => "instelling",
        Rows => "rijen",
        InstitutionsFileRead => "instellingenbestand, gelezen",
        InstitutionsLower => "instellingen",
        ExportRecognised => "export herkend",
        AcceptedColon => "geaccepteerd:",
        NoteWord => "opmerking",
        Column => "kolom",
        Similarity => "gelijkenis",
        Problem => "probleem",
        ReaderSaid => "melding van de lezer",
        GroupsHeading => "groepen (instelling, jaar, lijn)",
        FewerThan => "minder dan",
        GroupWillBeHidden => "deze groep wordt verborgen",
        TotalLower => "totaal",
        RowsRead => "rijen gelezen",
        RespondentsAccepted => "respondenten geaccepteerd",
        Excluded => "uitgesloten",
        RejectedLower => "afgewezen",
        SummaryRowsNotRead => "samenvattingsrijen niet gelezen",
        FileAccepted => "in orde",
        FilePartial => "deels in orde",
        FileRejected => "AFGEWEZEN",
        FileIgnored => "genegeerd (geen vragenlijstbestand)",
        FileDuplicate => "kopie, één keer gelezen",
        LowestQuarter => "laagste kwart",
        MiddleHalf => "middelste helft",
        HighestQuarter => "hoogste kwart",
        Percentile => "percentiel",
        ClearlyHigher => "aantoonbaar hoger",
        NoClearDifference => "geen aantoonbaar verschil",
        ClearlyLower => "aantoonbaar lager",
        ItemSectorNote => "Sector: de gemiddelde score op het item over de medewerkers van alle instellingen, de eigen meegeteld.",
        KindsGlossary => "Item L1-VB-R1: lijn 1, aandachtsgebied VB, R = rol (wat u doet), D = deskundigheid (wat u weet en kunt), nummer 1.",
        TypeOfEducation => "Onderwijssoort:",
        FrameworkEdition => "raamwerkeditie",
        To => "tot",
        And => "en",
        ProtectedLower => "afgeschermd",
    }
}

// Charts, HTML, findings and recommendations: the sentences with figures in them, one
// function per sentence (its English twin has the same name in `en.rs`), chosen by
// `phrase!(lang, name(…))`.

/// A benchmark's sector distribution after its own total.
pub fn benchmark_sector(median: &str, p25: &str, p75: &str) -> String {
    format!(", sectormediaan {median} (middelste helft {p25} tot {p75})")
}

pub fn benchmark_alt(name: &str, year: u16) -> String {
    format!("Staafdiagram: scores van {name} per lijn en aandachtsgebied in {year}, tegen de verdeling van de sector.")
}

pub fn benchmark_description(parts: &str) -> String {
    format!("Totaalscore per lijn: {parts}.")
}

pub fn distribution_quartiles(median: &str, p25: &str, p75: &str) -> String {
    format!("mediaan {median}, middelste helft {p25}–{p75}")
}

pub fn distribution_shown(shown: usize, of: usize) -> String {
    format!("{shown} van {of} instellingen getoond")
}

pub fn distribution_alt(year: u16) -> String {
    format!(
        "Stippendiagram: de totaalscore per lijn van elke instelling in {year}, met de middelste helft en de mediaan."
    )
}

/// An area of an items chart: its highest and lowest item.
pub fn items_extremes(area: &str, high: &str, high_score: &str, low: &str, low_score: &str) -> String {
    format!("{area}: hoogst {high} ({high_score}), laagst {low} ({low_score})")
}

pub fn items_alt(line: &str, year: u16) -> String {
    format!("Staafdiagram: sectorscore per item van de {line} in {year}, per aandachtsgebied.")
}

pub fn line_comparison_description(year: u16, lines: &str) -> String {
    format!("In {year} is de gemiddelde totaalscore: {lines}.")
}

pub fn line_comparison_alt(year: u16) -> String {
    format!("Staafdiagram: gemiddelde score per lijn in elk aandachtsgebied van de sector in {year}, met betrouwbaarheidsintervallen.")
}

/// A line of the trend from its first to its last year shown.
pub fn trend_from_to(line: &str, first: &str, first_year: u16, last: &str, last_year: u16) -> String {
    format!("{line} van {first} ({first_year}) naar {last} ({last_year})")
}

pub fn trend_alt(ends: &str) -> String {
    format!("Lijndiagram: de totaalscore van de sector per lijn over de jaren: {ends}.")
}

/// The glossary line of page 1 (`lines`: "1e lijn = …; …", `areas`: "Visie en beleid (VB), …").
pub fn glossary(lines: &str, areas: &str) -> String {
    format!(
        "LOB = loopbaanoriëntatie en -begeleiding; vo = voortgezet onderwijs, mbo = middelbaar beroepsonderwijs, hbo = hoger beroepsonderwijs; MT = managementteam; PDCA = plan-do-check-act (de kwaliteitscyclus). {lines}. Aandachtsgebieden: {areas}."
    )
}

/// "1e lijn" (lower case, for inside a sentence).
pub fn line_name(number: u8) -> String {
    format!("{number}e lijn")
}
