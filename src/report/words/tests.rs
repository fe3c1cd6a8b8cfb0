//! Every word is said in both languages, once; the template's words agree with its
//! drop-down.

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
    // A sentence with figures (`sector::fill`) has as many places for them in Dutch
    // as in English, else a figure would go missing in one language.
    for w in Word::ALL {
        let (nl, en) = (w.say(Lang::Nl), w.say(Lang::En));
        assert_eq!(nl.matches("{}").count(), en.matches("{}").count(), "{w:?}: {nl} / {en}");
    }
    assert_eq!(Word::SectorPeerTooFew.say(Lang::Nl).matches("{}").count(), 4);
    assert_eq!(Word::SectorOverviewTitle.say(Lang::En), "Sector overview of career guidance professionalism");
    // ALL holds every key once, in the order they are declared (no key left out of
    // the check above between two listed ones).
    for (i, w) in Word::ALL.iter().enumerate() {
        assert_eq!(*w as usize, i, "{w:?} out of place in Word::ALL");
    }
    assert_eq!(Word::PortretSheet.say(Lang::Nl), "Portret");
    assert_eq!(Word::PortretSheet.say(Lang::En), "Portrait");
}

#[test]
fn the_templates_instruction_and_drop_down_message_name_the_drop_downs_answer_words() {
    // The words a respondent is told to choose are the words the drop-down offers,
    // in its order: "ja, grotendeels, enigszins, nee of n.v.t.".
    for (lang, or) in [(Lang::Nl, " of "), (Lang::En, " or ")] {
        let words = phrase!(lang, answer_words());
        let list = format!("{}{or}{}", words[..4].join(", "), words[4]);
        // One full stop after the list: "n.v.t." brings its own.
        let stop = if list.ends_with('.') { "" } else { "." };
        assert!(Word::TemplateHowToFill.say(lang).contains(&format!(": {list}{stop} ")), "{lang}");
        assert!(Word::TemplateChooseAnswer.say(lang).ends_with(&format!(" {list}{stop}")), "{lang}");
    }
    assert_eq!(phrase!(Lang::En, answer_words()), ["yes", "largely", "somewhat", "no", "n/a"]);
    assert_eq!(Word::TemplateChooseAnswer.say(Lang::Nl), "Kies ja, grotendeels, enigszins, nee of n.v.t.");
}
