//! The portret's words in Dutch (the default language), by key.

use super::Word;
use crate::score::Versus;

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
        // The sector report (sector/)
        SectorLangCode => "nl",
        SectorScore => "Score",
        SectorBeyondChance => "Aantoonbaar",
        SectorChangeFirstYear => "Verandering: eerste jaar",
        SectorChangeSince => "Verandering sinds",
        SectorLinesAreas => "Lijnen en aandachtsgebieden",
        SectorTableNote => "P25, mediaan en P75 over de getoonde instellingen (kolom Instellingen: getoond van die met respondenten); de andere hebben te weinig respondenten (<5) of zijn afgeschermd om een kleine groep te beschermen. Aantoonbaar: het 95%-interval van de verandering bevat 0 niet.",
        SectorPeerGroup => "Peergroep",
        SectorGapsBetweenLines => "Verschillen tussen de lijnen",
        SectorLines => "Lijnen",
        SectorGap => "Verschil",
        SectorLower => "sector",
        SectorTrend => "Trend",
        SectorMethod => "Methode",
        SectorYear => "Jaar",
        SectorInstitution => "Instelling",
        SectorPositionHead => "Positie onder de instellingen (tegen P25–P75 in Overzicht)",
        SectorItems => "Items",
        SectorKind => "Soort",
        SectorGapLower => "verschil",
        SectorBeyondChanceLower => "aantoonbaar",
        SectorLinesNote => "Verschil tussen de gemiddelde scores van twee lijnen in de sector en per peergroep (vo, mbo, hbo), met het 95%-betrouwbaarheidsinterval van Welch op de respondentscores van beide lijnen. Aantoonbaar: het interval bevat 0 niet. Niet aantoonbaar betekent niet dat er geen verschil is, wel dat deze aantallen het niet vaststellen. Waar een van beide lijnen verborgen is, staat er geen verschil.",
        SectorFramework => "Raamwerk",
        SectorAnswers => "Antwoorden",
        SectorAnswersText => "ja = 1, grotendeels = 2/3, enigszins = 1/3, nee = 0; n.v.t. telt niet mee; een lege cel is niet beantwoord.",
        SectorRespondentScore => "Respondentscore",
        SectorRespondentScoreText => "100 × het gemiddelde van de antwoorden op de beantwoorde, toepasselijke items van de eigen lijn binnen het gebied (aandachtsgebied × soort, aandachtsgebied of alle items).",
        SectorGroupScore => "Groepsscore",
        SectorGroupScoreText => "Gemiddelde van de respondentscores per instelling × jaar × lijn × gebied; n = respondenten met minstens één beantwoord item in het gebied; met standaardafwijking (n − 1), mediaan en 95%-betrouwbaarheidsinterval gemiddelde ± t(0,975; n − 1)·sd/√n.",
        SectorItemScore => "Itemscore",
        SectorItemScoreText => "100 × het gemiddelde antwoord van de respondenten die het item beantwoordden.",
        SectorPooledScore => "Sectorscore",
        SectorPooledScoreText => "Gemiddelde over alle respondenten van de sector (of peergroep vo/mbo/hbo) met n en 95%-betrouwbaarheidsinterval; P25, mediaan en P75 van de instellingsscores (lineaire interpolatie) over de getoonde instellingen.",
        SectorPositionText => "De band volgt de kwartielen ernaast: onder P25 het laagste kwart, boven P75 het hoogste kwart, van P25 tot en met P75 de middelste helft (op de decimalen waarmee ze ernaast staan). Daarnaast de percentielrang 100·(lager + ½·gelijk)/N onder de getoonde instellingen, als getal alleen bij 10 of meer getoonde instellingen; bij te weinig instellingen niets (\"te weinig instellingen\"). Elke verdeling zegt over hoeveel van hoeveel instellingen ze genomen is, en waarom de andere er niet in zitten.",
        SectorDifferenceInterval => "Verschil en interval",
        SectorDifferenceText => "Verandering sinds het vorige jaar van deelname (binnen één raamwerkeditie) en verschil tussen lijnen: d = gemiddelde₂ − gemiddelde₁ met 95%-interval volgens Welch: d ± t(0,975; ν)·se, se = √(sd₁²/n₁ + sd₂²/n₂), ν = se⁴ / ((sd₁²/n₁)²/(n₁ − 1) + (sd₂²/n₂)²/(n₂ − 1)). Aantoonbaar (significant) betekent: het interval bevat 0 niet (p < 0,05); het verschil is dan waarschijnlijk niet alleen toeval in wie de vragenlijst invulde. Niet aantoonbaar betekent niet dat er geen verschil is, maar dat het met deze aantallen niet vast te stellen is. Dezelfde medewerkers in beide jaren maken de jaren afhankelijk; de berekening neemt onafhankelijke groepen aan en is daardoor eerder te voorzichtig dan te ruim. Verborgen groepen krijgen geen verandering, verschil of vergelijking; waar de spreiding is weggelaten, ontbreekt het interval.",
        SectorVersusSectorText => "Per lijn × aandachtsgebied en lijn totaal: het gemiddelde van de instelling tegen het gemiddelde van alle medewerkers van de andere instellingen van de sector (Welch), dat ernaast staat. Omdat één portret zo tot 15 vergelijkingen per jaar maakt, worden de p-waarden per instelling en jaar gecorrigeerd volgens Benjamini–Hochberg (q = 0,05): gemiddeld is hooguit 5% van de gemelde verschillen toeval. Aantoonbaar hoger of lager: significant na die correctie; anders geen aantoonbaar verschil, wat niet betekent dat de scores gelijk zijn.",
        SectorPrivacy => "Privacy",
        SectorPrivacyLead => "Groepen met minder dan",
        SectorPrivacyText => "respondenten worden niet getoond (\"<5\"). Cijfers waaruit zo'n groep terug te rekenen zou zijn, ook door een andere instelling die haar eigen cijfers kent, worden afgeschermd (\"afgeschermd\"): in elke gepubliceerde sector- of peergroepscore zijn de verborgen groepen naast elke verborgen groep samen minstens twee instellingen met minstens zoveel respondenten. Waar n, gemiddelde, spreiding en mediaan samen de scores van alle respondenten verraden, worden spreiding, mediaan en interval weggelaten",
        SectorPrivacyInstitutions => "verdelingen en peergroepen pas vanaf",
        SectorInstitutionsEnd => "instellingen.",
        SectorHidden => "Afgeschermd",
        SectorExclusion => "Uitsluiting",
        SectorExclusionLead => "Respondenten die minder dan",
        SectorExclusionText => "van hun toepasselijke items beantwoordden, tellen niet mee; zie het blad Datakwaliteit van de sectorwerkmap en data/rejections.csv.",
        SectorHiddenLower => "verborgen",
        SectorGroupScores => "groepsscores",
        SectorPooledScores => "sectorscores",
        SectorItemScores => "itemscores",
        SectorNotesTitle => "LOB-monitor: professionaliteit loopbaanbegeleiding, sectorrapport",
        SectorYears => "Jaren:",
        SectorThisRun => "Deze run",
        SectorTool => "Programma",
        SectorFiles => "Bestanden",
        SectorRespondentsScored => "Respondenten gescoord",
        SectorExcludedRejected => "Uitgesloten / afgewezen",
        SectorRejections => "Afwijzingen",
        SectorHiddenMarkNote => "= niet getoond: te weinig respondenten, of terug te rekenen uit andere cellen (privacy).",
        SectorWorkbookTitle => "LOB-monitor sectorrapport",
        SectorOverview => "Overzicht",
        SectorInterval95Low => "95%-interval laag",
        SectorInterval95High => "95%-interval hoog",
        SectorInstitutionsShownOver => "Instellingen getoond (P25–P75 over)",
        SectorAll => "Alle",
        SectorOverviewNote => "P25, mediaan en P75 zijn genomen over de getoonde instellingen (kolom Instellingen getoond), van alle instellingen met respondenten (kolom Instellingen); de andere hebben te weinig respondenten (<5) of zijn afgeschermd om een kleine groep te beschermen. Waar minder dan het minimum aantal instellingen getoond wordt, of het sectorcijfer is afgeschermd, staat er geen verdeling; waar minder instellingen respondenten hebben dan het minimum, is er geen sectorcijfer (\"te weinig instellingen\") en blijft Instellingen getoond leeg.",
        SectorLineComparison => "Lijnvergelijking",
        SectorComparisonChartTitle => "Score per lijn en aandachtsgebied,",
        SectorSpreadInstitutions => "Spreiding instellingen",
        SectorRangeForChart => "P75 − P25 (voor de grafiek)",
        SectorOverHowManyInstitutions => "Over hoeveel instellingen",
        SectorMiddleHalf => "P25 tot P75 (middelste helft van de instellingen)",
        SectorAllPeers => "sector (alle)",
        SectorPeerGroups => "Peergroepen",
        SectorPeerGroupsNote => "Een peergroep met minder instellingen met respondenten dan het minimum krijgt geen cijfers (\"te weinig instellingen\"; Instellingen getoond dan leeg). P25–P75 over de getoonde instellingen van de peergroep. Verandering: sinds het vorige jaar binnen dezelfde raamwerkeditie, met het 95%-interval van Welch; aantoonbaar als het interval 0 niet bevat.",
        SectorRowsRead => "Rijen gelezen",
        SectorCountRespondentsScored => "  respondenten gescoord",
        SectorCountRespondentsExcluded => "  respondenten uitgesloten",
        SectorCountRespondentsRejected => "  respondenten afgewezen",
        SectorAnswersRead => "Antwoorden gelezen",
        SectorCountScored => "  gescoord",
        SectorCountUnscored => "  niet gescoord (respondent niet gescoord)",
        SectorCountNa => "  n.v.t.",
        SectorCountOtherLine => "  item van een andere lijn",
        SectorCountRejected => "  afgewezen",
        SectorCountMissing => "Ontbrekend (niet ingevuld, gescoorde respondenten)",
        SectorCountSummaryRows => "Samenvattingsrijen (totaal, gemiddelde, telling; vermeld, niet gelezen)",
        SectorWordsInOther => "de woorden van de een staan in de ander",
        SectorDataQuality => "Datakwaliteit",
        SectorDataQualityTitle => "Datakwaliteit: alles wat gelezen is, en waar het gebleven is",
        SectorFile => "Bestand",
        SectorSheet => "Blad",
        SectorExplanation => "Uitleg",
        SectorReconciled => "Sluitend: rijen = gescoord + uitgesloten + afgewezen; antwoorden = gescoord + niet gescoord + n.v.t. + andere lijn + afgewezen.",
        SectorDoesNotReconcile => "NIET SLUITEND — meld dit als fout.",
        SectorRows => "Rijen",
        SectorScoredHead => "Gescoord",
        SectorRejectedAnswers => "Afgewezen antwoorden",
        SectorWhy => "Waarom",
        SectorSha256Head => "SHA-256 (begin; geheel in manifest.json)",
        SectorNotes => "Opmerkingen",
        SectorCell => "Cel",
        SectorNote => "Opmerking",
        SectorNamesHead => "Instellingsnamen: één instelling, hoe ook gespeld",
        SectorShownAs => "Getoond als",
        SectorRead => "Gelezen",
        SectorHow => "Hoe",
        SectorColumnsHead => "Kolommen gekoppeld aan een item, niet letterlijk",
        SectorSimilarity => "Gelijkenis",
        SectorHeaderHowMatched => "Kolomkop, en hoe gekoppeld",
        SectorRejectionsWarnings => "Afwijzingen en waarschuwingen",
        SectorLevel => "Niveau",
        SectorValue => "Waarde",
        SectorReason => "Reden",
        SectorDetailSupport => "Detail (voor ondersteuning)",
        SectorTrendNote => "Verandering: het verschil met het jaar ervoor, met het 95%-interval van Welch; aantoonbaar als het interval 0 niet bevat (zie Toelichting).",
        SectorSeriesBreak => "Reeksbreuk: nieuwe raamwerkeditie vanaf",
        SectorNoChangeAcrossBreak => "Er is geen verschil berekend over een breuk heen.",
        SectorOverviewTitle => "Sectoroverzicht professionaliteit LOB",
        SectorIntro => "{} instellingsjaren, {} respondenten gescoord. De verdeling over de instellingen (P25, mediaan, P75) staat alleen waar genoeg instellingen getoond worden; kleine groepen zijn verborgen (zie Methode).",
        SectorPeerTooFewOne => "Peergroep {} {}: 1 instelling met respondenten, minder dan de {} die nodig zijn voor een peergroepcijfer; geen tabel.",
        SectorPeerTooFew => "Peergroep {} {}: {} instellingen met respondenten, minder dan de {} die nodig zijn voor een peergroepcijfer; geen tabel.",
        SectorHiddenTooFewRespondents => "{} te weinig respondenten",
        SectorHiddenTooFewInstitutions => "{} te weinig instellingen",
        SectorHiddenProtected => "{} afgeschermd",
        SectorSpreadLeftOut => ", bij {} spreiding weggelaten",
        SectorNameAsFile => "zoals het instellingenbestand het spelt",
        SectorNameMostRows => "de spelling die de meeste rijen gebruiken",
        SectorNameShown => "getoonde naam ({})",
        SectorViaSpelling => "zelfde naam (verschilt alleen in hoofdletters, accenten, spaties of leestekens)",
        SectorViaAlias => "alias in het instellingenbestand (aliassen)",
        SectorViaCode => "code of BRIN in het instellingenbestand",
        SectorLooksLike => "lijkt op ({}); niet samengevoegd: is het één instelling, zet de ene naam dan als alias bij de andere in het instellingenbestand (aliassen)",
        SectorMoreRejections => "… en nog {} afwijzingen: de volledige lijst staat in data/rejections.csv.",
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
        OverPooledProtected => "Geen P25–P75: het sectorcijfer is afgeschermd om kleine groepen te beschermen.",
        PositionAmongInstitutionsLine => "Positie onder de instellingen (totaalscore per lijn)",
        Higher => "hoger",
        Lower => "lager",
        ByAreaClearlyDifferent => "per aandachtsgebied aantoonbaar anders",
        NoEarlierYear => "Er is geen eerder jaar om mee te vergelijken: dit is de eerste meting met deze raamwerkeditie.",
        ClearlyLowerThanStaff => "Aantoonbaar lager dan de medewerkers van de andere instellingen",
        Fall => "daling",
        Rise => "stijging",
        CountExampleLetters => "\"N van M\": N getoond van de M met respondenten",
        ForTeacherTraining => "Voor lerarenopleidingen:",
        NoRecommendation => "Geen aanbeveling uit de cijfers",
        NoFindingHolds => "Geen bevinding houdt stand buiten de onzekerheid: geen aantoonbaar lagere score dan de medewerkers van de andere instellingen, geen aantoonbare daling, niet in het laagste kwart van 10 of meer instellingen.",
        InGeneral => "In het algemeen:",
        FromYear => "vanaf",
        ExactNoSpread => "exact (geen spreiding)",
        Yes => "ja",
        No => "nee",
        UnknownSpreadNotShown => "onbekend (spreiding niet getoond)",
        NoSpreadExact => "geen spreiding in beide groepen: exact",
        Interval95 => "95%-interval",
        ClearDifference => "aantoonbaar verschil",
        TemplateInstitutionHint => "naam van de school of instelling",
        TemplateBrinHint => "BRIN-nummer (optioneel)",
        TemplateOptional => "optioneel",
        TemplateYearHint => "bijv. 2026 of 2025-2026",
        TemplateInvalidSector => "Ongeldige sector",
        TemplateChooseSector => "Kies vo, mbo of hbo.",
        TemplateLocation => "Locatie",
        TemplateHowToFill => "Eén rij per medewerker. Kies per item: ja, grotendeels, enigszins, nee of n.v.t. Laat leeg wat u niet wilt beantwoorden.",
        TemplateInvalidAnswer => "Ongeldig antwoord",
        TemplateChooseAnswer => "Kies ja, grotendeels, enigszins, nee of n.v.t.",
        CatalogueLine => "lijn",
        CatalogueSources => "bronnen",
        CatalogueText => "tekst",
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

/// The count beside a distribution where too few institutions have respondents.
pub fn institutions_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "instelling" } else { "instellingen" })
}

/// The count beside a distribution: "6 van 12".
pub fn shown_of(shown: usize, of: usize) -> String {
    format!("{shown} van {of}")
}

pub fn over_small(n: usize, min_group_size: u64) -> String {
    format!("{n} met te weinig respondenten (<{min_group_size})")
}

pub fn over_protected(n: usize) -> String {
    format!("{n} afgeschermd om een kleine groep te beschermen")
}

/// Over how many institutions a published distribution was taken; `hidden` of them not
/// shown, for the reasons `why`.
pub fn over_published(shown: usize, of: usize, hidden: usize, why: &str) -> String {
    match hidden {
        0 => format!("P25–P75 over alle {of} instellingen."),
        1 => format!("P25–P75 over {shown} van {of} instellingen; de andere niet getoond: {why}."),
        h => format!("P25–P75 over {shown} van {of} instellingen; de andere {h} niet getoond: {why}."),
    }
}

pub fn over_few_institutions(count: &str, min_institutions: usize) -> String {
    format!(
        "Geen sectorcijfer en geen P25–P75: {count} met respondenten, minder dan de {min_institutions} die nodig zijn."
    )
}

/// No distribution: too few institutions shown; `why` the reasons of those not shown
/// (empty: none).
pub fn over_too_few_shown(shown: usize, of: usize, min_institutions: usize, why: &str) -> String {
    let rest = if why.is_empty() { String::new() } else { format!("; niet getoond: {why}") };
    format!(
        "Geen P25–P75: {shown} van {of} instellingen getoond, te weinig voor een verdeling (minstens {min_institutions}){rest}."
    )
}

/// "50 in de 1e lijn".
pub fn answered_in(n: u64, line: &str) -> String {
    format!("{n} in de {line}")
}

/// A line too small to show even to itself.
pub fn answered_few(line: &str) -> String {
    format!("enkelen in de {line}")
}

/// Who answered; `total` where every line's number is known.
pub fn answered(year: u16, total: Option<u64>, parts: &str) -> String {
    match total {
        Some(total) => format!("In {year} vulden {total} medewerkers de vragenlijst in: {parts}."),
        None => format!("In {year} vulden medewerkers de vragenlijst in: {parts}."),
    }
}

/// "uw 1e lijn in het laagste kwart" (`middle`: the band is the middle half, "de").
pub fn position_clause(who: &str, band: &str, middle: bool) -> String {
    let de = if middle { "de" } else { "het" };
    format!("uw {who} in {de} {band}")
}

/// Lines' staff against the other institutions' staff; `refer`: those have been named
/// before in the sentence ("hen").
pub fn versus_clause(who: &str, v: Versus, plural: bool, refer: bool) -> String {
    let staff = if refer { "hen" } else { "de medewerkers van de andere instellingen" };
    let score = if plural { "scoren" } else { "scoort" };
    match v {
        Versus::Above => format!("uw {who} {score} aantoonbaar hoger dan {staff}"),
        Versus::Below => format!("uw {who} {score} aantoonbaar lager dan {staff}"),
        Versus::Within => {
            format!("uw {who} {} niet aantoonbaar van {staff}", if plural { "verschillen" } else { "verschilt" })
        }
    }
}

/// "Samenwerking in de 2e lijn".
pub fn area_in_line(area: &str, line: &str) -> String {
    format!("{area} in de {line}")
}

pub fn untested_lines(who: &str, plural: bool) -> String {
    format!(
        "Uw {who} {} niet vergeleken met de andere instellingen of met eerdere jaren: afgeschermd, om een kleine groep elders te beschermen; de cijfers ziet alleen u.",
        if plural { "zijn" } else { "is" }
    )
}

pub fn same_score(score: &str) -> String {
    format!("Alle aandachtsgebieden hebben dezelfde score: {score}.")
}

pub fn highest_lowest(best: &str, best_figures: &str, worst: &str, worst_figures: &str) -> String {
    format!(
        "Uw hoogste eigen score is die voor {best} ({best_figures}), uw laagste die voor {worst} ({worst_figures})."
    )
}

/// Whether a rise or fall (`word`) in `all` areas is larger than chance: in `real` of them
/// (`areas`: their names).
pub fn change_verdict(real: usize, all: usize, word: &str, areas: &str) -> String {
    match real {
        0 => format!("bij geen ervan is de {word} groter dan toeval"),
        k if k == all => format!("overal is de {word} groter dan toeval"),
        _ => format!("alleen bij {areas} is de {word} groter dan toeval"),
    }
}

/// " sinds 2025" after a change, where the changes have different previous years.
pub fn since_year(year: u16) -> String {
    format!(" sinds {year}")
}

/// No line or area changed beyond chance (`tested`: some lines were not tested).
pub fn no_change(since: u16, tested: bool) -> String {
    let tested = if tested { " getoetste" } else { "" };
    format!("Sinds {since} is geen{tested} lijn of aandachtsgebied aantoonbaar veranderd.")
}

pub fn changed_rest_not(since: u16, changed: &str) -> String {
    format!("Sinds {since} aantoonbaar veranderd: {changed}; de rest niet aantoonbaar.")
}

/// Lines that moved the same way in all four areas.
pub fn moved_whole(who: &str, plural: bool, down: bool, since: u16, verdict: &str) -> String {
    format!(
        "uw {who} {} in alle vier aandachtsgebieden {} dan in {since} ({verdict})",
        if plural { "scoren" } else { "scoort" },
        if down { "lager" } else { "hoger" }
    )
}

pub fn changed_as_whole(lines: &str) -> String {
    format!("als geheel aantoonbaar veranderd: {lines}")
}

pub fn changed_in_area(areas: &str) -> String {
    format!("aantoonbaar veranderd in een aandachtsgebied: {areas}")
}

/// The how-to-read box's example of a count, in this portret's own figures.
pub fn count_example(line: &str, count: &str, shown: usize, of: usize) -> String {
    format!("bij uw {line} \"{count}\": {shown} getoond van de {of} met respondenten")
}

/// The "how to read" box of page 1, one paragraph per point.
pub fn how_to_read(example: &str, min_group_size: u64) -> Vec<String> {
    vec![
        "Zo leest u dit portret".into(),
        "Scores van 0 tot 100: het gemiddelde antwoord (ja = 100, grotendeels = 66,7, enigszins = 33,3, nee = 0); n = aantal respondenten.".into(),
        format!("Positie onder de instellingen: een kwart van de instellingen scoort onder P25, de helft tussen P25 en P75 (de mediaan in het midden), een kwart boven P75, over de getoonde instellingen ({example}). Onder P25: laagste kwart; boven P75: hoogste kwart; anders: middelste helft."),
        "Verschil met de medewerkers van de sector: uw gemiddelde tegen dat van alle medewerkers van de andere instellingen (de kolom ervoor), getoetst op 95% en gecorrigeerd voor het aantal vergelijkingen. Geen aantoonbaar verschil betekent niet dat de scores gelijk zijn.".into(),
        "Verandering: sinds het vorige jaar van deelname, met het 95%-interval (de marge rond het verschil); aantoonbaar als het interval de 0 niet bevat.".into(),
        format!("<{min_group_size}: te weinig respondenten om te tonen; afgeschermd: verborgen om een kleine groep te beschermen."),
    ]
}

/// "(verschil −12,0; 95%-interval −20,1 tot −3,9)"; without an interval "(verschil −12,0)".
pub fn difference(diff: &str, interval: Option<&str>) -> String {
    match interval {
        Some(i) => format!("(verschil {diff}; 95%-interval {i})"),
        None => format!("(verschil {diff})"),
    }
}

/// "−5,0 sinds 2025 (95%-interval −9,0 tot −1,0)".
pub fn change_since(change: &str, since: u16, interval: Option<&str>) -> String {
    let ci = interval.map_or(String::new(), |i| format!(" (95%-interval {i})"));
    format!("{change} sinds {since}{ci}")
}

/// A weakness: clearly lower than the other institutions' staff (`rest`: their mean,
/// where published).
pub fn weakness_below(place: &str, score: &str, rest: Option<&str>) -> String {
    let rest = rest.map_or(String::new(), |r| format!(" ({r})"));
    format!("{place}: {score}, aantoonbaar lager dan de medewerkers van de andere instellingen{rest}")
}

/// A weakness: in the lowest quarter of `count` institutions.
pub fn weakness_lowest_quarter(place: &str, score: &str, p25: &str, count: &str) -> String {
    format!("{place}: {score}, laagste kwart (P25 {p25} over {count} instellingen)")
}

/// Expertise behind role beyond chance, with the difference (`difference`).
pub fn expertise_behind(place: &str, expertise: &str, role: &str, difference: &str) -> String {
    format!("{place}: deskundigheid {expertise} tegen rol {role} {difference}, aantoonbaar lager")
}

/// One line behind another beyond chance, with the difference (`difference`).
pub fn line_behind(line: &str, score: &str, other: &str, other_score: &str, difference: &str) -> String {
    format!("{line} {score} tegen {other} {other_score} {difference}, aantoonbaar lager")
}

/// The lines not tested, where no finding holds (after a sentence: opens with a space).
pub fn nothing_untested(who: &str) -> String {
    format!(" Uw {who} is niet getoetst (afgeschermd): daarover zeggen de cijfers niets.")
}

/// An advice's source document: its title as published, its author and year.
pub fn advice_source(title: &str, _translated: &str, by: &str, year: u16) -> String {
    format!("{title}, {by} {year}")
}

/// The answer words of the survey template's drop-down, from ja to n.v.t. (in the order
/// ingest scores them: 3, 2, 1, 0 thirds, then not applicable).
pub fn answer_words() -> [&'static str; 5] {
    ["ja", "grotendeels", "enigszins", "nee", "n.v.t."]
}
