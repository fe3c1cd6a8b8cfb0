//! What page 1 says in sentences, from the [`Findings`]: who answered, each line's
//! position, its staff against the other institutions' staff, the lines not compared,
//! the change since last year (essential), its own highest and lowest area and the areas
//! below (optional); over how many institutions each distribution was taken; the "how
//! to read" box with this portret's own example.

use crate::framework::{Area, Line};
use crate::lang::Lang;
use crate::report::words::{phrase, Word};
use crate::score::{as_printed, Band, Versus, Why};

use super::*;

impl Over {
    /// The count beside a distribution: "6 van 12" / "6 of 12", the institutions shown
    /// of those with respondents. Where the pooled figure is withheld because too few
    /// institutions have respondents, nothing of the row is shown, so the count says how
    /// many there are, not how many are "shown" ("1 instelling" beside "te weinig
    /// instellingen", never "1 van 1").
    pub fn count(&self, lang: Lang) -> String {
        if self.too_few_institutions() {
            return phrase!(lang, institutions_count(self.institutions));
        }
        phrase!(lang, shown_of(self.shown, self.institutions))
    }

    /// The sentence that says over how many institutions the distribution was taken and
    /// why the others are not in it, with the true reason for each: too few respondents
    /// (`<5`), protected (hidden to keep a small group from being worked back), or, where
    /// no distribution is published, too few institutions shown (which is not "too
    /// small": their respondents may be many) or the pooled figure protected.
    pub fn sentence(&self, min_institutions: usize, min_group_size: u64, lang: Lang) -> String {
        let hidden = self.institutions - self.shown;
        let mut reasons = Vec::new();
        if self.small > 0 {
            reasons.push(phrase!(lang, over_small(self.small, min_group_size)));
        }
        if self.protected > 0 {
            reasons.push(phrase!(lang, over_protected(self.protected)));
        }
        let why = join(&reasons, lang);
        if self.published {
            return phrase!(lang, over_published(self.shown, self.institutions, hidden, &why));
        }
        match self.pooled_hidden {
            // Too few institutions with respondents: the true reason is their number,
            // whatever their size.
            Some(Why::FewInstitutions) => phrase!(lang, over_few_institutions(&self.count(lang), min_institutions)),
            Some(Why::ProtectsPooled | Why::Protects) => Word::OverPooledProtected.say(lang).into(),
            _ => phrase!(lang, over_too_few_shown(self.shown, self.institutions, min_institutions, &why)),
        }
    }
}

impl Findings {
    /// Over how many institutions page 1's distributions were taken, and why not the
    /// others: one sentence per line where its total and areas share it, else one per
    /// row that differs from its line total ("2e lijn, Samenwerking: …").
    pub fn distribution_notes(&self, min_institutions: usize, min_group_size: u64, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for line in self.lines() {
            let say = |c: &Cell| c.over.sentence(min_institutions, min_group_size, lang);
            let Some(total) = self.total(line) else { continue };
            let head = say(total);
            out.push(format!("{}: {head}", capitalise(&line_name(line, lang))));
            for c in self.areas().filter(|c| c.line == line) {
                let own = say(c);
                if own != head {
                    out.push(format!(
                        "{}, {}: {own}",
                        capitalise(&line_name(line, lang)),
                        c.area.map_or("", |a| a.label(lang))
                    ));
                }
            }
        }
        out
    }

    /// The sentences on where the institution stands: [`Self::essential_sentences`],
    /// then [`Self::optional_sentences`].
    pub fn sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = self.essential_sentences(lang);
        out.extend(self.optional_sentences(lang));
        out
    }

    /// What page 1 always says: who answered, each line's position, its staff against
    /// the other institutions' (lines and the areas that differ), the lines not
    /// compared, and the change. A page that runs short of room leaves out only the
    /// optional sentences, never one of these (they carry the findings that hold).
    pub fn essential_sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        // 1. Who answered.
        let parts: Vec<String> = self
            .lines()
            .into_iter()
            .map(|l| match self.total(l).and_then(|c| c.own) {
                Some((_, n)) => phrase!(lang, answered_in(n, &line_name(l, lang))),
                None => phrase!(lang, answered_few(&line_name(l, lang))),
            })
            .collect();
        let known: Vec<u64> =
            self.lines().iter().filter_map(|&l| self.total(l).and_then(|c| c.own)).map(|o| o.1).collect();
        let total: u64 = known.iter().sum();
        // A line too small to show even to itself ("a few") leaves the total unsaid: a
        // number beside "a few" would read as everyone.
        let all_known = known.len() == self.lines().len();
        out.push(phrase!(lang, answered(self.year, all_known.then_some(total), &join(&parts, lang))));

        // 2. Each line's position among the institutions (the band its total takes
        // against the P25 and P75 beside it), lines in the same band together.
        let mut by: Vec<(Band, Vec<Line>)> = Vec::new();
        for l in self.lines() {
            if let Some(b) = self.total(l).and_then(|c| c.position()) {
                match by.iter_mut().find(|x| x.0 == b) {
                    Some(x) => x.1.push(l),
                    None => by.push((b, vec![l])),
                }
            }
        }
        if !by.is_empty() {
            let clauses: Vec<String> = by
                .iter()
                .map(|(b, ls)| {
                    let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                    let band = band_words(*b, lang);
                    phrase!(lang, position_clause(&who, band, *b == Band::MiddleHalf))
                })
                .collect();
            out.push(format!("{}: {}.", Word::PositionAmongInstitutionsLine.say(lang), clauses.join(", ")));
        }

        // 3. Each line's staff against the other institutions' staff (the test), lines
        // with the same verdict together. Not significant is never "equal".
        let mut by: Vec<(Versus, Vec<Line>)> = Vec::new();
        for l in self.lines() {
            if let Some(v) = self.total(l).and_then(|c| c.versus) {
                match by.iter_mut().find(|x| x.0 == v) {
                    Some(x) => x.1.push(l),
                    None => by.push((v, vec![l])),
                }
            }
        }
        if !by.is_empty() {
            // "hen" / "them" only once the other institutions' staff have been named.
            let mut named = false;
            let clauses: Vec<String> = by
                .iter()
                .map(|(v, ls)| {
                    let refer = named;
                    named = true;
                    let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                    let plural = ls.len() > 1;
                    phrase!(lang, versus_clause(&who, *v, plural, refer))
                })
                .collect();
            // Areas whose staff differ clearly where their line's total does not (or the
            // other way): page 1's table prints them as "aantoonbaar", so the sentence
            // names them too.
            let areas: Vec<String> = self
                .areas()
                .filter_map(|c| {
                    let v = c.versus?;
                    let differs = matches!(v, Versus::Above | Versus::Below)
                        && self.total(c.line).and_then(|t| t.versus) != Some(v);
                    differs.then(|| {
                        let how = match v {
                            Versus::Above => Word::Higher,
                            _ => Word::Lower,
                        }
                        .say(lang);
                        format!(
                            "{} ({how})",
                            phrase!(lang, area_in_line(c.area.map_or("", |a| a.label(lang)), &line_name(c.line, lang)))
                        )
                    })
                })
                .collect();
            let mut clauses = clauses;
            if !areas.is_empty() {
                clauses.push(format!("{}: {}", Word::ByAreaClearlyDifferent.say(lang), join(&areas, lang)));
            }
            out.push(capitalise(&format!("{}.", clauses.join("; "))));
        }
        // Lines shown to the institution only: not tested, and said so, so that no
        // sentence about "every line" covers them.
        let untested = self.untested_lines();
        if !untested.is_empty() {
            let who = join(&untested.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
            let plural = untested.len() > 1;
            out.push(phrase!(lang, untested_lines(&who, plural)));
        }

        // 3. Change since the previous year.
        let moves = self.movements();
        if moves.is_empty() {
            out.push(Word::NoEarlierYear.say(lang).to_string());
        } else {
            out.push(self.change_sentence(&moves, lang));
        }
        out
    }

    /// What page 1 adds where there is room: its highest and lowest own area score, and
    /// the areas clearly below the other institutions' staff in a line that is itself
    /// clearly below (those in other lines are named by the essential sentences).
    pub fn optional_sentences(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        // 4. Its highest and lowest own area score. Named by what they are (its own
        // highest and lowest), each with the position printed beside it on page 1, so the
        // sentence never calls "strongest" an area in the lowest quarter of the
        // institutions (or "weakest" one in the highest).
        let mut areas: Vec<(&Cell, f64)> = self.areas().filter_map(|c| c.score().map(|s| (c, s))).collect();
        areas.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.line.cmp(&b.0.line)));
        if let (Some(best), Some(worst)) = (areas.first(), areas.last()) {
            if areas.len() > 1 && as_printed(best.1) == as_printed(worst.1) {
                out.push(phrase!(lang, same_score(&num(best.1, lang))));
            } else if areas.len() > 1 {
                let at = |c: &Cell| {
                    phrase!(lang, area_in_line(c.area.map_or("", |a| a.label(lang)), &line_name(c.line, lang)))
                };
                // The score and, where quartiles are printed beside it, its position.
                let figures = |c: &Cell, v: f64| match c.position() {
                    Some(b) => format!("{}; {}", num(v, lang), band_words(b, lang)),
                    None => num(v, lang),
                };
                out.push(phrase!(
                    lang,
                    highest_lowest(&at(best.0), &figures(best.0, best.1), &at(worst.0), &figures(worst.0, worst.1))
                ));
            }
        }

        // 5. Areas whose staff score clearly below the other institutions' staff.
        let below: Vec<String> = self
            .areas()
            .filter(|c| c.versus == Some(Versus::Below))
            .filter(|c| self.total(c.line).and_then(|t| t.versus) == Some(Versus::Below))
            .map(|c| format!("{} ({})", c.area.map_or("", |a| a.label(lang)), line_name(c.line, lang)))
            .collect();
        if !below.is_empty() {
            out.push(format!("{}: {}.", Word::ClearlyLowerThanStaff.say(lang), join(&below, lang)));
        }
        out
    }

    /// The one sentence on change since the previous year. It names every line that
    /// moved the same way in all four areas, rises and falls alike (lines with the same
    /// direction and the same verdict together), and every line whose total changed
    /// beyond chance: a summary that names one such line never leaves out another as
    /// notable. Up or down as printed (a change printed 0,0 is neither).
    fn change_sentence(&self, moves: &[Movement], lang: Lang) -> String {
        let areas = |v: &[Area]| join(&v.iter().map(|a| a.label(lang).to_string()).collect::<Vec<_>>(), lang);
        let real_of = |all: &[Area], real: &[Area], down: bool| -> String {
            let word = if down { Word::Fall } else { Word::Rise }.say(lang);
            phrase!(lang, change_verdict(real.len(), all.len(), word, &areas(real)))
        };
        // Lines that moved as a whole, grouped by (down, since, verdict).
        let mut whole: Vec<((bool, u16, String), Vec<Line>)> = Vec::new();
        for m in moves {
            let key = if m.down.len() == 4 {
                (true, m.since, real_of(&m.down, &m.down_real, true))
            } else if m.up.len() == 4 {
                (false, m.since, real_of(&m.up, &m.up_real, false))
            } else {
                continue;
            };
            match whole.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.1.push(m.line),
                None => whole.push((key, vec![m.line])),
            }
        }
        // Line totals that changed beyond chance.
        let real: Vec<String> = moves
            .iter()
            .filter_map(|m| {
                let t = m.total?;
                let since = if moves.iter().all(|x| x.since == m.since) {
                    String::new()
                } else {
                    phrase!(lang, since_year(t.previous_year))
                };
                (t.change.significant() == Some(true))
                    .then(|| format!("{} {}{since}", line_name(m.line, lang), signed(t.change.shown, lang)))
            })
            .collect();
        // Areas that changed beyond chance in a line that did not move as a whole (a
        // line that did names its real areas in its own clause): page 2 prints them as
        // "aantoonbaar", so page 1 names them too.
        let in_whole = |l: Line| whole.iter().any(|(_, ls)| ls.contains(&l));
        let areas_real: Vec<String> = self
            .areas()
            .filter(|c| !in_whole(c.line))
            .filter_map(|c| {
                let (ch, area) = (c.change?, c.area?);
                let since = if moves.iter().all(|x| x.since == ch.previous_year) {
                    String::new()
                } else {
                    phrase!(lang, since_year(ch.previous_year))
                };
                (ch.change.significant() == Some(true)).then(|| {
                    format!("{} {} {}{since}", line_name(c.line, lang), area.label(lang), signed(ch.change.shown, lang))
                })
            })
            .collect();
        let since = moves[0].since;
        if whole.is_empty() {
            let all: Vec<String> = real.iter().chain(areas_real.iter()).cloned().collect();
            // Where a line present has no change (protected, too small, or new), what is
            // said of "no line" is said of the lines tested.
            let some_untested = self.lines().iter().any(|&l| self.total(l).is_some_and(|c| c.change.is_none()));
            return if all.is_empty() {
                phrase!(lang, no_change(since, some_untested))
            } else {
                phrase!(lang, changed_rest_not(since, &join(&all, lang)))
            };
        }
        let mut clauses: Vec<String> = whole
            .iter()
            .map(|((down, since, verdict), ls)| {
                let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                let plural = ls.len() > 1;
                phrase!(lang, moved_whole(&who, plural, *down, *since, verdict))
            })
            .collect();
        if !real.is_empty() {
            clauses.push(phrase!(lang, changed_as_whole(&join(&real, lang))));
        }
        if !areas_real.is_empty() {
            clauses.push(phrase!(lang, changed_in_area(&join(&areas_real, lang))));
        }
        capitalise(&format!("{}.", clauses.join("; ")))
    }
}

/// The count "N van M" of page 1 the how-to-read box explains, in this portret's own
/// figures: the first line whose total has a published distribution ("bij uw 1e lijn
/// \"9 van 12\": 9 getoond van de 12 met respondenten"); where none has, the count in
/// letters ("N van M"), never an invented figure.
fn count_example(facts: &Findings, lang: Lang) -> String {
    let first =
        facts.lines().into_iter().find_map(|l| facts.total(l).filter(|c| c.over.published).map(|c| (l, c.over)));
    match first {
        Some((l, o)) => phrase!(lang, count_example(&line_name(l, lang), &o.count(lang), o.shown, o.institutions)),
        None => Word::CountExampleLetters.say(lang).into(),
    }
}

/// The "how to read" box of page 1, one paragraph per point: the two questions page 1
/// answers, each under its own name, and every abbreviation of the page. Its example
/// of a count is this portret's own ([`count_example`]).
pub fn how_to_read(facts: &Findings, lang: Lang, min_group_size: u64) -> Vec<String> {
    phrase!(lang, how_to_read(&count_example(facts, lang), min_group_size))
}
