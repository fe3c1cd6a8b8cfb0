//! The words of ingest's data, the output folder's refusals and the run's messages, in
//! Dutch (the default language). The English twin is `en.rs`: the same functions in the
//! same order.

use std::fmt::Display;

use super::{counted, in_brackets, listed, RunSummary};
use crate::config::{Expected, Unreadable};
use crate::contribution::{Earlier, Figure, Refusal as ContributionRefusal};
use crate::framework::{Area, Kind, Line};
use crate::ingest::cell::Field;
use crate::ingest::ledger::{FileStatus, Level, NoteKind, Tool};
use crate::ingest::matching::How;
use crate::ingest::names::Source;
use crate::ingest::reason::{Reason, Vocabulary};
use crate::ingest::IngestError;
use crate::publish::{Foreign, Refusal};

/// Why something was not scored.
pub fn reason(r: &Reason) -> String {
    use Reason::*;
    match r {
        // The reader's own words are kept apart, in `detail`, for whoever supports the
        // user; the reason says what it means.
        Unreadable(_) => "bestand kan niet gelezen worden: het is beschadigd of geen spreadsheet; sla het opnieuw op als .xlsx".into(),
        PermissionDenied => "geen toegang (permission denied): lobmonitor mag dit niet lezen; niet gelezen. Geef de gebruiker die lobmonitor draait leesrechten".into(),
        PathTooLong => "pad is te lang voor het systeem (mappen te diep genest of namen te lang); niet gelezen. Zet het in een map dichter bij de invoermap".into(),
        SystemError(_) => "het systeem kon dit niet lezen; niet gelezen".into(),
        Encrypted => "bestand is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord".into(),
        TooLarge { bytes, limit } => format!("bestand is te groot ({bytes} bytes, grens {limit})"),
        TooLargeUnpacked { bytes, limit } => {
            format!("bestand pakt uit tot {bytes} bytes (grens {limit}); niet geladen")
        }
        TooMuchText { bytes, limit } => format!("werkblad bevat te veel tekst ({bytes} bytes na uitpakken, grens {limit}); niet geladen"),
        TooManySharedStrings { declared, fits } => format!("bestand is beschadigd: het belooft {declared} teksten waar er hoogstens {fits} in passen; niet geladen"),
        SheetAlias(first) => format!("werkblad verwijst naar dezelfde gegevens als «{first}»; één keer gelezen"),
        DuplicatePart(name) => format!("bestand is beschadigd: het bevat twee onderdelen met dezelfde naam{}, en welk ervan gelezen wordt hangt af van het programma; niet gelezen. Open het in Excel en sla het opnieuw op", in_brackets(name)),
        RowTooWide { row, limit } => format!("rij {row} heeft meer dan {limit} velden, meer kolommen dan een Excel-werkblad heeft: geen vragenlijsttabel; niet gelezen"),
        XlsSheetAliases => "bestand is beschadigd: werkbladen verwijzen naar dezelfde gegevens; niet geladen".into(),
        SheetTooLarge { cells, limit } => format!("werkblad is te groot ({cells} cellen, grens {limit}); niet geladen"),
        NoSurveySheet => "geen werkblad met vragenlijstkolommen gevonden (kolomkoppen met item-codes zoals L1-VB-R1 of de itemteksten)".into(),
        Hidden => "verborgen bestand of map (naam begint met een punt); niet gelezen".into(),
        LockFile => "vergrendelingsbestand van Office (~$…); niet gelezen".into(),
        NotAFile => "geen gewoon bestand (pipe, socket of apparaat); niet gelezen".into(),
        LinkOutside => "snelkoppeling naar buiten de invoermap; niet gevolgd".into(),
        LinkLoop => "snelkoppeling die naar een bovenliggende map terugleidt; niet gevolgd".into(),
        OwnOutput => "uitvoermap van lobmonitor zelf; niet gelezen".into(),
        NoInstitutionColumn => "instellingenbestand zonder kolom «instelling»; niet gebruikt".into(),
        EmptyFile => "bestand is leeg (0 bytes)".into(),
        NoSurveyTable => "tekstbestand zonder vragenlijsttabel (geen kolomkoppen met item-codes of itemteksten)".into(),
        NotASpreadsheet => "dit is geen spreadsheet (geen xlsx, xls, ods of tekst); sla het op als .xlsx".into(),
        TextNotSpreadsheet => "dit is tekst met een spreadsheetnaam, zonder vragenlijsttabel; sla de vragenlijst op als .xlsx of .csv".into(),
        HtmlNotSpreadsheet => "dit is een webpagina met een spreadsheetnaam, geen spreadsheet; open het in Excel en sla het op als .xlsx".into(),
        XmlSpreadsheet => "XML-spreadsheet (Excel 2003) wordt niet gelezen; sla het op als .xlsx".into(),
        Contribution(c) => contribution(c),
        CopyOf(p) => format!("kopie van {p} (byte voor byte gelijk); één keer gelezen"),
        SameResponsesAs(p) => format!("dezelfde antwoorden als {p} (zelfde enquête, ander formaat); één keer gelezen"),
        ReaderPanic => "bestand is beschadigd: de lezer liep vast".into(),
        UnrecognisedColumn => "kolom niet herkend; genegeerd".into(),
        SecondColumnForItem(id) => format!("tweede kolom voor item {id}; genegeerd"),
        HeaderlessColumn => "kolom zonder kop bevat waarden; genegeerd".into(),
        MissingInstitution => "instelling ontbreekt (geen kolom; Info-blad, titelregel, bestandsnaam en mapnamen noemen geen instelling)".into(),
        MissingYear => "jaar ontbreekt (geen kolom; Info-blad, titelregel, blad-, bestands- en mapnamen noemen geen jaar; geen --year, geen antwoorddatum)".into(),
        InvalidYear => "jaar is geen geldig jaar of schooljaar (bijv. 2026, 2025-2026 of 25-26)".into(),
        MissingLine => "lijn ontbreekt (geen kolom; blad-, bestands- en mapnamen en titelregel noemen geen lijn; de items zijn van meer dan één lijn)".into(),
        InvalidLine => "lijn is geen 1, 2 of 3 en geen rol uit het raamwerk (docent, mentor, decaan, teamleider, …)".into(),
        AmbiguousInstitution { source: s, candidates } => {
            let names: Vec<String> = candidates.iter().map(|c| format!("«{c}»")).collect();
            format!(
                "instelling niet te bepalen: {} noemt {}; zet de instelling in een kolom «instelling» of een Info-blad",
                source(s),
                listed(&names, "en")
            )
        }
        RoleOfLines(lines) => {
            let l: Vec<String> = lines.iter().map(u8::to_string).collect();
            format!(
                "rol hoort bij lijn {}, en de beantwoorde items zijn niet alle van één van die lijnen; zet de lijn in een kolom «lijn»",
                listed(&l, "en")
            )
        }
        Reason::Vocabulary(v) => vocabulary(v),
        RolesDisagree => "rollen van verschillende lijnen in één waarde; zet de lijn in een kolom «lijn»".into(),
        MissingRespondent => "respondent ontbreekt in een regel van het lange formaat".into(),
        Duplicate(first) => format!("dubbele respondent (zelfde instelling, jaar en respondent als {first}); de eerste is behouden"),
        NoValidAnswer => "geen geldig antwoord op een item van de eigen lijn".into(),
        BelowMinAnswered { answered, applicable, min } => format!(
            "uitgesloten: {answered} van {applicable} toepasselijke items beantwoord (minder dan {:.0} %)", min * 100.0
        ),
        NotInAnswerTable => "antwoord niet herkend (gebruik ja, grotendeels, enigszins, nee of n.v.t.)".into(),
        NotOnScale => "getal staat niet in de legenda van dit blad".into(),
        AmbiguousNumbers { lo, hi } => format!(
            "getallen {lo}–{hi} gevonden: welke betekent ja? Zet een legenda boven de kopregel (0 = nee, 1 = enigszins, 2 = grotendeels, 3 = ja) of een [[answers]]-tabel in lobmonitor.toml"
        ),
        FormulaWithoutValue => "formule zonder waarde: open en sla op in Excel".into(),
        FormulaError(e) => format!("formulefout {e} in antwoordcel"),
        DateInAnswer => "datum in een antwoordcel".into(),
        UnknownItem => "onbekend item".into(),
        ItemNotInEdition(e) => format!("item hoort niet bij raamwerkeditie {e}, die voor dit jaar geldt"),
        SecondAnswerForItem => "tweede antwoord op hetzelfde item voor deze respondent".into(),
        SummaryRow { by_formulas: false } => "samenvattingsrij (totaal, gemiddelde of telling); niet gelezen als respondent".into(),
        SummaryRow { by_formulas: true } => "samenvattingsrij (formules die de kolom optellen, middelen of tellen); niet gelezen als respondent".into(),
        EveryRow { reason: r, rows } => format!(
            "elke rij van dit blad ({rows}) is afgewezen om dezelfde reden: {}. Gezocht in: {}",
            reason(r),
            searched(r)
        ),
        NothingAccepted => "geen respondent uit dit bestand geaccepteerd (zie de afwijzingen)".into(),
    }
}

/// The places an identity value is looked for, in order (SPEC §3.3, §3.5).
fn searched(r: &Reason) -> &'static str {
    match r {
        Reason::MissingInstitution => "een kolom instelling/institution/school/brin, het Info-blad (Instelling, BRIN), de titelregel boven de kop, de bestandsnaam, de mapnamen",
        Reason::MissingYear | Reason::InvalidYear => "een kolom jaar/year/schooljaar, het Info-blad (Jaar), de titelregel, de bestandsnaam, de mapnamen, --year of year in de configuratie",
        Reason::MissingLine | Reason::InvalidLine => "een kolom lijn/line/rol/role, de bladnaam, de titelregel, de items van het blad (alle van één lijn?), de bestandsnaam, de mapnamen",
        _ => "de rij zelf",
    }
}

/// Why a contribution, or one institution-year of it, is not taken.
pub fn contribution(r: &ContributionRefusal) -> String {
    use ContributionRefusal::*;
    match r {
        NotUtf8 => "bijdrage is geen UTF-8-tekst".into(),
        NotJson(error) => format!(
            "bijdrage is afgebroken of geen geldige JSON ({error}); maak haar opnieuw met lobmonitor contribute"
        ),
        NotAContribution => "geen bijdrage van lobmonitor: veld format of version ontbreekt".into(),
        Version { version, made_by, reads } => format!(
            "bijdrage in formaatversie {version} (lobmonitor {made_by}); deze lobmonitor leest versie {reads}: maak haar opnieuw met deze versie"
        ),
        NoChecksum => "bijdrage zonder checksum".into(),
        Changed => "bijdrage is na het maken gewijzigd (checksum klopt niet); maak haar opnieuw met lobmonitor contribute".into(),
        Shape { version, error } => format!("bijdrage heeft niet de vorm van versie {version}: {error}"),
        Impossible { institution, year, figure: f } => {
            format!("onmogelijk cijfer in bijdrage: {institution} {year}{}", figure(f))
        }
        Edition { year, edition, run } => {
            format!("bijdrage telt {year} met raamwerkeditie {edition}; deze run telt {year} met {run}")
        }
        AlreadyIn { institution, year, first } => {
            let first = match first {
                Earlier::Surveys => "de enquêtebestanden",
                Earlier::Contribution(path) => path,
            };
            format!("{institution} {year} staat al in {first}; die telt, deze niet")
        }
    }
}

/// Which figure of an institution-year is impossible, after its name and year, in
/// Dutch; the values are the contribution's own (a line number, an area or kind code).
fn figure(f: &Figure) -> String {
    match f {
        Figure::NoInstitution => ": geen instellingsnaam".into(),
        Figure::Twice => " staat er twee keer in".into(),
        Figure::Sector(s) => format!(": sector {s}"),
        Figure::Line(l) => format!(": lijn {l}"),
        Figure::Area(a) => format!(": gebied {a}"),
        Figure::Kind(k) => format!(": soort {k}"),
        Figure::Group { line, area, kind, n } => format!(": lijn {line} {area} {kind} n {n}"),
        Figure::NoLineScore => ": geen lijnscore".into(),
        Figure::Item { item, line } => format!(": item {item} van lijn {line}"),
        Figure::ItemCount { item, n } => format!(": item {item} n {n}"),
    }
}

/// A sheet's unknown answers and the `[[answers]]` lines that would read them.
pub fn vocabulary(v: &Vocabulary) -> String {
    let mut out = String::new();
    if let Some((lo, hi)) = v.numbers {
        out += &reason(&Reason::AmbiguousNumbers { lo, hi });
        out += ". ";
    }
    out += &format!(
        "Antwoorden die de antwoordtabel niet kent: {}. Deze regels in lobmonitor.toml lezen ze (een voorstel: controleer elke regel{}):\n{}",
        v.values_text(),
        v.existing.as_deref().map(|p| format!("; voeg ze toe aan de bestaande tabel files = \"{p}\"")).unwrap_or_default(),
        super::answers_toml(&v.proposal, "ja, grotendeels, enigszins, nee of n.v.t.", "te lang voor een antwoordwoord")
    );
    out
}

/// How much a rejection covers.
pub fn level(l: Level) -> &'static str {
    match l {
        Level::File => "bestand",
        Level::Sheet => "blad",
        Level::Column => "kolom",
        Level::Row => "rij",
        Level::Answer => "antwoord",
    }
}

/// What became of a file.
pub fn file_status(s: FileStatus) -> &'static str {
    match s {
        FileStatus::Accepted => "volledig gescoord",
        FileStatus::Partial => "deels gescoord",
        FileStatus::Rejected => "afgewezen",
        FileStatus::Ignored => "genegeerd",
        FileStatus::Duplicate => "dubbel",
    }
}

/// A survey tool's name.
pub fn tool(t: Tool) -> &'static str {
    match t {
        Tool::Template => "lobmonitor-sjabloon",
        Tool::MicrosoftForms => "Microsoft Forms",
        Tool::GoogleForms => "Google Forms",
        Tool::LimeSurvey => "LimeSurvey",
        Tool::Qualtrics => "Qualtrics",
        Tool::SurveyMonkey => "SurveyMonkey",
    }
}

/// What ingest noticed and acted on.
pub fn note(n: &NoteKind) -> String {
    match n {
        NoteKind::Tool(t) => format!("export van {} herkend", tool(*t)),
        NoteKind::Legend(l) => format!("getallen gelezen volgens de legenda «{l}»"),
        NoteKind::ConfigScale(p) => format!("antwoorden gelezen volgens [[answers]] files = \"{p}\" in de configuratie"),
        NoteKind::Transposed => "gekanteld blad gelezen: items onder elkaar, één kolom per respondent".into(),
        NoteKind::DerivedSheet => "afgeleid blad: formules die andere bladen herhalen (een totaal); niet gescoord".into(),
        NoteKind::Identity(facts) => facts
            .iter()
            .map(|f| match &f.value {
                Some(v) => format!("{} «{v}» uit {}", field(f.field), source(&f.source)),
                None => format!("{} uit {}", field(f.field), source(&f.source)),
            })
            .collect::<Vec<_>>()
            .join("; "),
        NoteKind::HeaderRows(n) => format!("{n} extra kopregel(s) herkend en overgeslagen"),
        NoteKind::Contribution(what) => format!(
            "bijdrage: de cijfers van {what}, zonder antwoorden; de respondentscores, afgewezen rijen en antwoorden en de kolomherkenning van de eigen bestanden bleven bij de instelling (de tellingen staan bij dit bestand), dubbele respondenten zijn alleen binnen de eigen bestanden gezocht"
        ),
    }
}

/// An identity field (or a long layout's item or answer column).
pub fn field(f: Field) -> &'static str {
    match f {
        Field::Respondent => "respondent",
        Field::Institution => "instelling",
        Field::Year => "jaar",
        Field::Line => "lijn",
        Field::Location => "locatie",
        Field::Team => "team",
        Field::Item => "item",
        Field::Answer => "antwoord",
    }
}

/// How a column was matched to its item.
pub fn how(h: How) -> &'static str {
    match h {
        How::Id => "item-code",
        How::Text => "itemtekst",
        How::Code => "code van het enquêteprogramma",
        How::Invisible => "na verwijderen van onzichtbare tekens",
        How::Numbered => "na verwijderen van het vraagnummer",
        How::Grid => "stelling van een matrixvraag",
        How::Similar => "meest gelijkende itemtekst",
    }
}

/// Where an identity fact came from, as the object of "uit".
pub fn source(s: &Source) -> String {
    match s {
        Source::Column(h) => format!("de kolom «{h}»"),
        Source::Info => "het Info-blad".into(),
        Source::Title => "de titelregel".into(),
        Source::SheetName => "de bladnaam".into(),
        Source::SheetItems => "de items van het blad (alle van één lijn)".into(),
        Source::FileName => "de bestandsnaam".into(),
        Source::Folder(n) => format!("de mapnaam «{n}»"),
        Source::Config => "de configuratie (year of --year)".into(),
        Source::ResponseDate(h) => format!("de antwoorddatum per rij (kolom «{h}», schooljaar augustus–juli)"),
    }
}

/// Why there is nothing to read at all.
pub fn ingest_error(e: &IngestError) -> String {
    match e {
        IngestError::NoInput(path) => format!("invoermap {path} bestaat niet of is geen map"),
        IngestError::Unreadable { path, reason: r } => {
            format!("invoermap {path} kan niet gelezen worden: {}", reason(r))
        }
    }
}

/// Why the output folder is left alone, and what to do.
pub fn refusal(r: &Refusal) -> String {
    let new_folder = "kies een nieuwe of lege map met --output";
    match r {
        Refusal::NotAFolder(p) => {
            format!("de uitvoer {} is een bestaand bestand, geen map: het blijft staan; {new_folder}", p.display())
        }
        Refusal::DanglingLink(p) => {
            format!("de uitvoer {} is een snelkoppeling die nergens heen leidt; {new_folder}", p.display())
        }
        Refusal::Unclear(p) => format!("de uitvoermap {}: bevat '..' onder een map die niet bestaat", p.display()),
        Refusal::Root => format!("de uitvoermap is de hoofdmap (/) van het systeem; {new_folder}"),
        Refusal::IsInput => format!("de uitvoermap is de invoermap: de vragenlijsten zouden verdwijnen; {new_folder}"),
        Refusal::HoldsInput => {
            format!("de uitvoermap bevat de invoermap: de vragenlijsten zouden verdwijnen; {new_folder}")
        }
        Refusal::IsWorkingFolder => format!("de uitvoermap is de map waarin u werkt; {new_folder}"),
        Refusal::HoldsWorkingFolder => format!("de uitvoermap bevat de map waarin u werkt; {new_folder}"),
        Refusal::IsHome => format!("de uitvoermap is uw thuismap; {new_folder}"),
        Refusal::HoldsHome => format!("de uitvoermap bevat uw thuismap; {new_folder}"),
        Refusal::MountPoint(p) => format!(
            "de uitvoermap {} is een koppelpunt van een ander bestandssysteem; kies een map daarbinnen",
            p.display()
        ),
        Refusal::NotOurs { entries, total } => {
            let named: Vec<String> = entries
                .iter()
                .map(|e| match e.why {
                    Foreign::Unlisted => e.path.clone(),
                    Foreign::Changed => format!("{} (gewijzigd sinds lobmonitor het schreef)", e.path),
                    Foreign::Unverifiable => format!("{} (van een oudere lobmonitor zonder controlegetal)", e.path),
                    Foreign::Special => format!("{} (een koppeling of speciaal bestand)", e.path),
                })
                .collect();
            let more = if *total > entries.len() { format!(" en {} meer", total - entries.len()) } else { String::new() };
            format!(
                "de uitvoermap bevat bestanden die lobmonitor niet schreef en blijft daarom ongemoeid: {}{more}; {new_folder}",
                named.join(", ")
            )
        }
        Refusal::OpenWorkbooks(names) => {
            format!("een werkmap in de uitvoermap is geopend: {}; sluit die en start opnieuw", names.join(", "))
        }
        Refusal::CannotRemove(p, why) => format!(
            "de vorige uitvoer kan niet vervangen worden: {p} ({why}); ze blijven ongewijzigd; {new_folder}"
        ),
        Refusal::MountedInside(p) => format!(
            "de vorige uitvoer kan niet vervangen worden: {p} (er is een ander bestandssysteem gekoppeld); ze blijven ongewijzigd; {new_folder}"
        ),
        Refusal::CannotLook(p, why) => format!("kan niet in de uitvoermap kijken: {p} ({why}); {new_folder}"),
    }
}

// The run's messages: one function per message, its figures and paths as arguments.

pub fn cannot_write(path: &dyn Display) -> String {
    format!("kan niet schrijven: {path}")
}

pub fn cannot_create(path: &dyn Display) -> String {
    format!("kan niet maken: {path}")
}

pub fn cannot_remove(path: &dyn Display) -> String {
    format!("kan niet verwijderen: {path}")
}

pub fn cannot_lock(path: &dyn Display) -> String {
    format!("kan niet vergrendelen: {path}")
}

pub fn folder_not_writable(folder: &dyn Display) -> String {
    format!("in de map {folder} kan niet geschreven worden")
}

pub fn another_run_writing(output: &dyn Display) -> String {
    format!("een andere lobmonitor-run schrijft al in {output}; wacht tot die klaar is")
}

pub fn folder_cannot_be_made(folder: &dyn Display) -> String {
    format!("map {folder} kan niet gemaakt worden")
}

pub fn cannot_put_back(output: &dyn Display) -> String {
    format!("kan de vorige uitvoer niet terugzetten: {output}")
}

pub fn cannot_move_into(output: &dyn Display) -> String {
    format!("kan de uitvoer niet op zijn plaats zetten: {output}")
}

pub fn cannot_move_aside(output: &dyn Display) -> String {
    format!("kan de vorige uitvoer niet opzij zetten: {output}")
}

pub fn working_folder_unreadable() -> String {
    "de werkmap is niet te lezen".into()
}

/// A config value outside its range (`min_group_size: moet liggen in 1–1000`).
pub fn must_lie_in(key: &str, range: &str) -> String {
    format!("{key}: moet liggen in {range}")
}

/// A privacy threshold below its floor without `allow_small_groups`.
pub fn below_floor(key: &str, value: &dyn Display, floor: u32) -> String {
    format!(
        "{key} = {value}: onder {floor} alleen met allow_small_groups = true (de uitvoer is dan niet voor publicatie)"
    )
}

/// Why the config file could not be read.
pub fn config_unreadable(why: &Unreadable) -> String {
    match why {
        Unreadable::NotFound => "bestand bestaat niet".into(),
        Unreadable::NoPermission => "geen leesrechten".into(),
        Unreadable::NotUtf8 => "geen UTF-8-tekst".into(),
        Unreadable::TooLarge(kib) => format!("groter dan {kib} KiB; geen configuratiebestand"),
        Unreadable::NotRegular => "geen gewoon bestand".into(),
        Unreadable::Other(e) => format!("kan niet gelezen worden ({e})"),
    }
}

/// Where in the config file (`regel 3: `).
pub fn at_line(line: usize) -> String {
    format!("regel {line}: ")
}

pub fn unknown_key(key: &str, known: &str) -> String {
    format!("onbekende sleutel «{key}»; bekende sleutels: {known}")
}

/// What a value should have been.
pub fn expected(what: Expected) -> String {
    let what = match what {
        Expected::WholeNumber => "een geheel getal van 0 of meer",
        Expected::Number => "een getal (met een punt als decimaalteken)",
        Expected::Boolean => "true of false",
        Expected::Text => "tekst tussen aanhalingstekens",
        Expected::List => "een lijst tussen [ ]",
    };
    format!("verwacht {what}")
}

/// The warning on every output of a run with lowered privacy thresholds.
pub fn not_for_publication() -> &'static str {
    "NIET VOOR PUBLICATIE: de privacydrempels zijn verlaagd (allow_small_groups); kleine groepen zijn herkenbaar."
}

// The commands' messages.

/// The progress bar's stages.
pub fn stage_reading() -> &'static str {
    "lezen"
}

pub fn stage_scoring() -> &'static str {
    "scoren"
}

/// The line every run ends with.
pub fn run_summary(s: &RunSummary, out: &str) -> String {
    format!(
        "{}, {} gescoord ({} uitgesloten, {} afgewezen), {}, {:.1} s → {out}",
        counted(s.files as u64, "bestand", "bestanden"),
        counted(s.respondents, "respondent", "respondenten"),
        s.excluded,
        s.rejected,
        counted(s.rejections as u64, "afwijzing vermeld", "afwijzingen vermeld"),
        s.seconds
    )
}

/// `run`: no file of the input folder could be read.
pub fn no_readable_survey_in(input: &dyn Display, looked_at: usize) -> String {
    let files = if looked_at == 1 { "bestand bekeken" } else { "bestanden bekeken" };
    format!("geen leesbaar vragenlijstbestand in {input} ({looked_at} {files}); de vorige uitvoer is ongewijzigd")
}

/// `validate`: no file given could be read.
pub fn no_readable_survey() -> String {
    "geen leesbaar vragenlijstbestand".into()
}

pub fn does_not_exist(path: &dyn Display) -> String {
    format!("{path} bestaat niet")
}

pub fn reference_takes_no_contributions() -> String {
    "run --reference leest de eigen vragenlijstbestanden van een instelling; bijdragen horen bij de landelijke run"
        .into()
}

pub fn template_written(to: &str) -> String {
    format!("sjabloon geschreven naar {to}")
}

pub fn contribution_name_taken(path: &dyn Display) -> String {
    format!("{path} bestaat al en is geen bijdrage; kies een andere naam")
}

pub fn input_holds_contribution(found: &str) -> String {
    format!("de invoer bevat al een bijdrage; een bijdrage wordt gemaakt van vragenlijstbestanden alleen: {found}")
}

pub fn no_respondent_scored(input: &dyn Display) -> String {
    format!("geen respondent gescoord in {input}")
}

pub fn contribution_written(to: &str, years: &str, respondents: u64) -> String {
    format!("bijdrage geschreven naar {to} ({years}; {respondents} respondenten; geen antwoorden, nummers of namen)")
}

/// The framework's names of its lines, areas and kinds (`framework.rs` hands them over).
pub fn line(l: Line) -> String {
    format!("{}e lijn", l.number())
}

/// Who a line is, as the framework describes it.
pub fn line_description(l: Line) -> &'static str {
    match l {
        Line::L1 => "begeleiders van jongeren in het primaire onderwijsproces (docenten/mentoren/coaches)",
        Line::L2 => "specialistische LOB-professional (LOB-coördinator/LOB- of SLB-adviseur/decaan)",
        Line::L3 => "coördinator en beleidsmaker LOB (decaan/LOB-coördinator of leidinggevende)",
    }
}

pub fn area(a: Area) -> &'static str {
    match a {
        Area::VB => "Visie en beleid",
        Area::OB => "Oriëntatie en begeleiding",
        Area::OR => "Organisatie",
        Area::SW => "Samenwerking",
    }
}

pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::R => "Rolbeschrijving",
        Kind::D => "Deskundigheid",
    }
}
