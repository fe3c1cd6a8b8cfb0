//! The words and number formats every report shares: a position, a verdict and a line
//! in words, the glossary and notes of page 1 and of the items, the subtitle, and numbers
//! as printed (one decimal, the Dutch comma, a true minus, interval bounds that stay on
//! their side of zero).

use crate::framework::{Area, Line};
use crate::ingest::institutions::Sector;
use crate::lang::Lang;
use crate::report::words::{phrase, Word};
use crate::score::{as_printed, Band, Rank, Versus};

use super::*;

/// A cell's position among the institutions as page 1 prints it beside the quartiles:
/// the band its score takes against them; empty where no quartiles are printed (a band
/// needs the quartiles it follows beside it). The percentile rank, where 10 or more
/// institutions are shown, is in `benchmarks.csv` and the sector workbook.
pub fn position_text(c: &Cell, lang: Lang) -> String {
    c.position().map_or(String::new(), |b| band_words(b, lang).to_string())
}

/// Where a score stands among the institutions, in words ("laagste kwart").
pub fn band_words(b: Band, lang: Lang) -> &'static str {
    match b {
        Band::LowestQuarter => Word::LowestQuarter,
        Band::MiddleHalf => Word::MiddleHalf,
        Band::HighestQuarter => Word::HighestQuarter,
    }
    .say(lang)
}

/// A position with its percentile where one is published: "hoogste kwart (percentiel
/// 82)"; "te weinig instellingen" where the group is too small to rank in.
pub fn position_words(rank: &Rank, lang: Lang) -> String {
    match rank {
        Rank::Number(n, b) => format!("{} ({} {n:.0})", band_words(*b, lang), Word::Percentile.say(lang)),
        Rank::Band(b) => band_words(*b, lang).to_string(),
        Rank::TooFew => Word::TooFewInstitutions.say(lang).to_string(),
    }
}

/// The difference of its staff from the other institutions' staff, in words that never
/// call a difference that is not significant equal (SPEC §4).
pub fn versus_words(v: Versus, lang: Lang) -> &'static str {
    match v {
        Versus::Above => Word::ClearlyHigher,
        Versus::Within => Word::NoClearDifference,
        Versus::Below => Word::ClearlyLower,
    }
    .say(lang)
}

/// Blue for better, orange for worse, light grey between (the heat map's
/// colour-blind-safe ends), as RGB.
pub fn band_colour(b: Band) -> [u8; 3] {
    match b {
        Band::HighestQuarter => [189, 215, 238],
        Band::MiddleHalf => [242, 242, 242],
        Band::LowestQuarter => [248, 203, 173],
    }
}

pub fn versus_colour(v: Versus) -> [u8; 3] {
    match v {
        Versus::Above => band_colour(Band::HighestQuarter),
        Versus::Within => band_colour(Band::MiddleHalf),
        Versus::Below => band_colour(Band::LowestQuarter),
    }
}

/// The glossary line of page 1: LOB, the kinds of institution, the three lines, the four
/// areas: every abbreviation page 1 uses ([`kinds_glossary`] explains R and D where the
/// items are listed).
pub fn glossary(lang: Lang) -> String {
    let lines: Vec<String> =
        Line::ALL.iter().map(|l| format!("{} = {}", line_name(*l, lang), l.description(lang))).collect();
    let areas: Vec<String> = Area::ALL.iter().map(|a| format!("{} ({})", a.label(lang), a.code())).collect();
    phrase!(lang, glossary(&lines.join("; "), &join(&areas, lang)))
}

/// What the items table's "Sector" column is.
pub fn item_sector_note(lang: Lang) -> &'static str {
    Word::ItemSectorNote.say(lang)
}

/// R and D in an item's id, where the items are listed.
pub fn kinds_glossary(lang: Lang) -> &'static str {
    Word::KindsGlossary.say(lang)
}

/// The line under a portret's or the sector report's title: the kind of institution
/// and the framework edition, each named once ("Onderwijssoort: mbo · raamwerkeditie
/// raamwerk-2017"), for the workbook and the PDF alike. Not "Sector: mbo": on the same
/// page "the sector" is every institution the portret is compared with, of all kinds.
pub fn subtitle(kind: Option<Sector>, edition: &str, lang: Lang) -> String {
    format!(
        "{} {} · {} {edition}",
        Word::TypeOfEducation.say(lang),
        kind.map_or("—", |s| s.code()),
        Word::FrameworkEdition.say(lang)
    )
}

/// "1e lijn" / "line 1" (lower case, for inside a sentence).
pub fn line_name(l: Line, lang: Lang) -> String {
    phrase!(lang, line_name(l.number()))
}

/// A value that rounds to 0.0 at one decimal, as 0 (never "−0,0").
pub fn unsigned_zero(v: f64) -> f64 {
    if (v * 10.0).round() == 0.0 {
        0.0
    } else {
        v
    }
}

/// One decimal, Dutch decimal comma; rounded by [`as_printed`] (half away from zero, as
/// the workbook shows it), the one rounding every printed difference is taken over.
pub fn num(v: f64, lang: Lang) -> String {
    let v = as_printed(v);
    let s = format!("{v:.1}");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Signed, one decimal, a true minus.
pub fn signed(v: f64, lang: Lang) -> String {
    let v = as_printed(v);
    if v == 0.0 {
        // "0,0" / "0.0": zero as printed, never signed.
        return num(0.0, lang);
    }
    let s = format!("{v:+.1}").replace('-', "−");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// An interval bound: signed, one decimal, as [`signed`], except that a bound which is
/// not 0 but would print as 0,0 gets the decimals it needs (up to four) to stay on its
/// side of zero. Whether an interval excludes 0 is what "aantoonbaar" says, so a reader
/// must be able to see it: "+0,05 tot +5,9" with "ja", never "0,0 tot +5,9".
pub fn bound(v: f64, lang: Lang) -> String {
    if as_printed(v) != 0.0 || v == 0.0 || !v.is_finite() {
        return signed(v, lang);
    }
    let s = (2..=4)
        .map(|d| format!("{v:+.d$}"))
        .find(|t| t.trim_start_matches(['+', '-']).chars().any(|c| c.is_ascii_digit() && c != '0'))
        .unwrap_or_else(|| format!("{v:+.4}"))
        .replace('-', "−");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A 95 % interval as text, each bound on its side of zero ([`bound`]): "−1,8 tot +8,8".
pub fn interval(lo: f64, hi: f64, lang: Lang) -> String {
    format!("{} {} {}", bound(lo, lang), Word::To.say(lang), bound(hi, lang))
}

/// "a, b en c" / "a, b and c".
pub fn join(parts: &[String], lang: Lang) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), Word::And.say(lang)),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
