//! Every word of the portret a reader sees, in one place per language: a [`Word`] names
//! it, [`nl`] says it in Dutch and [`en`] in English (each an exhaustive `match`, so a
//! word missing in one language does not compile). The portret's model and renderers
//! reach a word by key (`ctx.w(Word::…)`), never by a Dutch/English pair of their own;
//! changing a term is one line in each file. Sentences with figures in them are still
//! worded in `findings/`; the rest of the reports follow as they move here.

pub mod en;
pub mod nl;

use crate::lang::Lang;

/// A word or phrase of the portret, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Word {
    PortretTitle,
    ProtectedOwnFigures,
    Total,
    NoPeerGroup,
    SinceLower,
    AllYearsOneEdition,
    NewEditionFrom,
    EditionsNotComparable,
    Team,
    Location,
    NotGiven,
    TeamsIntro,
    TeamsMarks,
    HighestLabel,
    LowestLabel,
    NotesSheet,
    Line,
    Area,
    OwnScore,
    SectorP25,
    SectorMedian,
    SectorP75,
    InstitutionsShown,
    PositionAmongInstitutions,
    PositionInPeer,
    StaffOtherInstitutions,
    DifferenceFromSector,
    Change,
    Since,
    Then,
    ChangeInterval,
    ChangeBeyondChance,
    PortretSheet,
    SectorMedianLower,
    ChartTitle,
    ScoreAxis,
    SeriesSheet,
    ItemsSheet,
    Text,
    Sector,
    TeamsAndLocations,
    Grouping,
    Name,
    Recommendations,
    Recommendation,
    ExplanationHead,
    Finding,
    Source,
    Page,
    Of,
    WhereYouStand,
    Median,
    Institutions,
    OtherInstitutions,
    ChangeAndOwn,
    SeriesIntro,
    SeriesIntroChange,
    SeriesLastFive,
    ChangeFirstYear,
    Change95Interval,
    PeerIntro,
    TeamOrLocation,
    HighestAndLowestItems,
    OwnShort,
}

impl Word {
    /// Every word, for the tests.
    pub const ALL: [Word; 64] = [
        Word::PortretTitle,
        Word::ProtectedOwnFigures,
        Word::Total,
        Word::NoPeerGroup,
        Word::SinceLower,
        Word::AllYearsOneEdition,
        Word::NewEditionFrom,
        Word::EditionsNotComparable,
        Word::Team,
        Word::Location,
        Word::NotGiven,
        Word::TeamsIntro,
        Word::TeamsMarks,
        Word::HighestLabel,
        Word::LowestLabel,
        Word::NotesSheet,
        Word::Line,
        Word::Area,
        Word::OwnScore,
        Word::SectorP25,
        Word::SectorMedian,
        Word::SectorP75,
        Word::InstitutionsShown,
        Word::PositionAmongInstitutions,
        Word::PositionInPeer,
        Word::StaffOtherInstitutions,
        Word::DifferenceFromSector,
        Word::Change,
        Word::Since,
        Word::Then,
        Word::ChangeInterval,
        Word::ChangeBeyondChance,
        Word::PortretSheet,
        Word::SectorMedianLower,
        Word::ChartTitle,
        Word::ScoreAxis,
        Word::SeriesSheet,
        Word::ItemsSheet,
        Word::Text,
        Word::Sector,
        Word::TeamsAndLocations,
        Word::Grouping,
        Word::Name,
        Word::Recommendations,
        Word::Recommendation,
        Word::ExplanationHead,
        Word::Finding,
        Word::Source,
        Word::Page,
        Word::Of,
        Word::WhereYouStand,
        Word::Median,
        Word::Institutions,
        Word::OtherInstitutions,
        Word::ChangeAndOwn,
        Word::SeriesIntro,
        Word::SeriesIntroChange,
        Word::SeriesLastFive,
        Word::ChangeFirstYear,
        Word::Change95Interval,
        Word::PeerIntro,
        Word::TeamOrLocation,
        Word::HighestAndLowestItems,
        Word::OwnShort,
    ];

    /// The word in `lang`.
    pub fn say(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => nl::say(self),
            Lang::En => en::say(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages_and_once() {
        let mut seen = std::collections::HashSet::new();
        for w in Word::ALL {
            let (nl, en) = (w.say(Lang::Nl), w.say(Lang::En));
            assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{w:?}");
            // One key per phrase: two keys saying the same in both languages are one word.
            assert!(seen.insert((nl, en)), "{w:?} says what another key says: {nl} / {en}");
        }
        assert_eq!(Word::PortretSheet.say(Lang::Nl), "Portret");
        assert_eq!(Word::PortretSheet.say(Lang::En), "Portrait");
    }
}
