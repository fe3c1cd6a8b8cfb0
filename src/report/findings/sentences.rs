//! What page 1 says in sentences, from the [`Findings`]: who answered, each line's
//! position, its staff against the other institutions' staff, the lines not compared,
//! the change since last year (essential), its own highest and lowest area and the areas
//! below (optional); over how many institutions each distribution was taken; the "how
//! to read" box with this portret's own example.

use crate::framework::{Area, Line};
use crate::lang::Lang;
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
            let one = self.institutions == 1;
            return format!(
                "{} {}",
                self.institutions,
                match (lang, one) {
                    (Lang::Nl, true) => "instelling",
                    (Lang::Nl, false) => "instellingen",
                    (Lang::En, true) => "institution",
                    (Lang::En, false) => "institutions",
                }
            );
        }
        format!("{} {} {}", self.shown, lang.pick("van", "of"), self.institutions)
    }

    /// The sentence that says over how many institutions the distribution was taken and
    /// why the others are not in it, with the true reason for each: too few respondents
    /// (`<5`), protected (hidden to keep a small group from being worked back), or, where
    /// no distribution is published, too few institutions shown (which is not "too
    /// small": their respondents may be many) or the pooled figure protected.
    pub fn sentence(&self, min_institutions: usize, min_group_size: u64, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let hidden = self.institutions - self.shown;
        let mut reasons = Vec::new();
        if self.small > 0 {
            reasons.push(if nl {
                format!("{} met te weinig respondenten (<{min_group_size})", self.small)
            } else {
                format!("{} with too few respondents (<{min_group_size})", self.small)
            });
        }
        if self.protected > 0 {
            reasons.push(if nl {
                format!("{} afgeschermd om een kleine groep te beschermen", self.protected)
            } else {
                format!("{} protected to keep a small group from being worked back", self.protected)
            });
        }
        let why = join(&reasons, lang);
        if self.published {
            return match (hidden, nl) {
                (0, true) => format!("P25–P75 over alle {} instellingen.", self.institutions),
                (0, false) => format!("P25–P75 over all {} institutions.", self.institutions),
                (1, true) => format!(
                    "P25–P75 over {} van {} instellingen; de andere niet getoond: {why}.",
                    self.shown, self.institutions
                ),
                (1, false) => format!(
                    "P25–P75 over {} of {} institutions; the other is not shown: {why}.",
                    self.shown, self.institutions
                ),
                (h, true) => format!(
                    "P25–P75 over {} van {} instellingen; de andere {h} niet getoond: {why}.",
                    self.shown, self.institutions
                ),
                (h, false) => format!(
                    "P25–P75 over {} of {} institutions; the other {h} are not shown: {why}.",
                    self.shown, self.institutions
                ),
            };
        }
        match (self.pooled_hidden, nl) {
            // Too few institutions with respondents: the true reason is their number,
            // whatever their size.
            (Some(Why::FewInstitutions), true) => format!(
                "Geen sectorcijfer en geen P25–P75: {} met respondenten, minder dan de {min_institutions} die nodig zijn.",
                self.count(lang)
            ),
            (Some(Why::FewInstitutions), false) => format!(
                "No sector figure and no P25–P75: {} with respondents, fewer than the {min_institutions} needed.",
                self.count(lang)
            ),
            (Some(Why::ProtectsPooled | Why::Protects), true) => {
                "Geen P25–P75: het sectorcijfer is afgeschermd om kleine groepen te beschermen.".into()
            }
            (Some(Why::ProtectsPooled | Why::Protects), false) => {
                "No P25–P75: the sector figure is protected to keep small groups from being worked back.".into()
            }
            (_, true) => {
                let rest = if why.is_empty() { String::new() } else { format!("; niet getoond: {why}") };
                format!(
                    "Geen P25–P75: {} van {} instellingen getoond, te weinig voor een verdeling (minstens {min_institutions}){rest}.",
                    self.shown, self.institutions
                )
            }
            (_, false) => {
                let rest = if why.is_empty() { String::new() } else { format!("; not shown: {why}") };
                format!(
                    "No P25–P75: {} of {} institutions shown, too few for a distribution (at least {min_institutions}){rest}.",
                    self.shown, self.institutions
                )
            }
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
        let nl = lang == Lang::Nl;
        // 1. Who answered.
        let parts: Vec<String> = self
            .lines()
            .into_iter()
            .map(|l| match self.total(l).and_then(|c| c.own) {
                Some((_, n)) => format!("{n} {} {}", lang.pick("in de", "in"), line_name(l, lang)),
                None => format!("{} {}", lang.pick("enkelen in de", "a few in"), line_name(l, lang)),
            })
            .collect();
        let known: Vec<u64> =
            self.lines().iter().filter_map(|&l| self.total(l).and_then(|c| c.own)).map(|o| o.1).collect();
        let total: u64 = known.iter().sum();
        // A line too small to show even to itself ("a few") leaves the total unsaid: a
        // number beside "a few" would read as everyone.
        let all_known = known.len() == self.lines().len();
        out.push(match (nl, all_known) {
            (true, true) => {
                format!("In {} vulden {total} medewerkers de vragenlijst in: {}.", self.year, join(&parts, lang))
            }
            (true, false) => format!("In {} vulden medewerkers de vragenlijst in: {}.", self.year, join(&parts, lang)),
            (false, true) => format!("In {}, {total} staff completed the survey: {}.", self.year, join(&parts, lang)),
            (false, false) => format!("In {}, staff completed the survey: {}.", self.year, join(&parts, lang)),
        });

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
                    if nl {
                        let de = if *b == Band::MiddleHalf { "de" } else { "het" };
                        format!("uw {who} in {de} {band}")
                    } else {
                        format!("your {who} in the {band}")
                    }
                })
                .collect();
            out.push(format!(
                "{}: {}.",
                lang.pick(
                    "Positie onder de instellingen (totaalscore per lijn)",
                    "Position among the institutions (line total)"
                ),
                clauses.join(", ")
            ));
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
                    let staff = match (nl, refer) {
                        (true, false) => "de medewerkers van de andere instellingen",
                        (true, true) => "hen",
                        (false, false) => "the staff of the other institutions",
                        (false, true) => "them",
                    };
                    match (v, nl) {
                        (Versus::Above, true) => {
                            format!(
                                "uw {who} {} aantoonbaar hoger dan {staff}",
                                if plural { "scoren" } else { "scoort" }
                            )
                        }
                        (Versus::Below, true) => {
                            format!(
                                "uw {who} {} aantoonbaar lager dan {staff}",
                                if plural { "scoren" } else { "scoort" }
                            )
                        }
                        (Versus::Within, true) => format!(
                            "uw {who} {} niet aantoonbaar van {staff}",
                            if plural { "verschillen" } else { "verschilt" }
                        ),
                        (Versus::Above, false) => {
                            format!(
                                "your {who} {} clearly higher than {staff}",
                                if plural { "score" } else { "scores" }
                            )
                        }
                        (Versus::Below, false) => {
                            format!("your {who} {} clearly lower than {staff}", if plural { "score" } else { "scores" })
                        }
                        (Versus::Within, false) => {
                            format!("your {who} {} not clearly differ from {staff}", if plural { "do" } else { "does" })
                        }
                    }
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
                            Versus::Above => lang.pick("hoger", "higher"),
                            _ => lang.pick("lager", "lower"),
                        };
                        format!(
                            "{} {} {} ({how})",
                            c.area.map_or("", |a| a.label(lang)),
                            lang.pick("in de", "in"),
                            line_name(c.line, lang)
                        )
                    })
                })
                .collect();
            let mut clauses = clauses;
            if !areas.is_empty() {
                clauses.push(format!(
                    "{}: {}",
                    lang.pick("per aandachtsgebied aantoonbaar anders", "by area, clearly different"),
                    join(&areas, lang)
                ));
            }
            out.push(capitalise(&format!("{}.", clauses.join("; "))));
        }
        // Lines shown to the institution only: not tested, and said so, so that no
        // sentence about "every line" covers them.
        let untested = self.untested_lines();
        if !untested.is_empty() {
            let who = join(&untested.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
            let plural = untested.len() > 1;
            out.push(if nl {
                format!(
                    "Uw {who} {} niet vergeleken met de andere instellingen of met eerdere jaren: afgeschermd, om een kleine groep elders te beschermen; de cijfers ziet alleen u.",
                    if plural { "zijn" } else { "is" }
                )
            } else {
                format!(
                    "Your {who} {} not compared with the other institutions or with earlier years: protected, to keep a small group elsewhere from being worked back; only you see {} figures.",
                    if plural { "are" } else { "is" },
                    if plural { "their" } else { "its" }
                )
            });
        }

        // 3. Change since the previous year.
        let moves = self.movements();
        if moves.is_empty() {
            out.push(
                lang.pick(
                    "Er is geen eerder jaar om mee te vergelijken: dit is de eerste meting met deze raamwerkeditie.",
                    "There is no earlier year to compare with: this is the first survey with this framework edition.",
                )
                .to_string(),
            );
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
        let nl = lang == Lang::Nl;
        // 4. Its highest and lowest own area score. Named by what they are (its own
        // highest and lowest), each with the position printed beside it on page 1, so the
        // sentence never calls "strongest" an area in the lowest quarter of the
        // institutions (or "weakest" one in the highest).
        let mut areas: Vec<(&Cell, f64)> = self.areas().filter_map(|c| c.score().map(|s| (c, s))).collect();
        areas.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.line.cmp(&b.0.line)));
        if let (Some(best), Some(worst)) = (areas.first(), areas.last()) {
            if areas.len() > 1 && as_printed(best.1) == as_printed(worst.1) {
                out.push(if nl {
                    format!("Alle aandachtsgebieden hebben dezelfde score: {}.", num(best.1, lang))
                } else {
                    format!("Every area has the same score: {}.", num(best.1, lang))
                });
            } else if areas.len() > 1 {
                let at = |c: &Cell| {
                    format!(
                        "{} {} {}",
                        c.area.map_or("", |a| a.label(lang)),
                        lang.pick("in de", "in"),
                        line_name(c.line, lang)
                    )
                };
                // The score and, where quartiles are printed beside it, its position.
                let figures = |c: &Cell, v: f64| match c.position() {
                    Some(b) => format!("{}; {}", num(v, lang), band_words(b, lang)),
                    None => num(v, lang),
                };
                out.push(if nl {
                    format!(
                        "Uw hoogste eigen score is die voor {} ({}), uw laagste die voor {} ({}).",
                        at(best.0),
                        figures(best.0, best.1),
                        at(worst.0),
                        figures(worst.0, worst.1)
                    )
                } else {
                    format!(
                        "Your highest own score is for {} ({}), your lowest for {} ({}).",
                        at(best.0),
                        figures(best.0, best.1),
                        at(worst.0),
                        figures(worst.0, worst.1)
                    )
                });
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
            out.push(format!(
                "{}: {}.",
                lang.pick(
                    "Aantoonbaar lager dan de medewerkers van de andere instellingen",
                    "Clearly lower than the staff of the other institutions"
                ),
                join(&below, lang)
            ));
        }
        out
    }

    /// The one sentence on change since the previous year. It names every line that
    /// moved the same way in all four areas, rises and falls alike (lines with the same
    /// direction and the same verdict together), and every line whose total changed
    /// beyond chance: a summary that names one such line never leaves out another as
    /// notable. Up or down as printed (a change printed 0,0 is neither).
    fn change_sentence(&self, moves: &[Movement], lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let areas = |v: &[Area]| join(&v.iter().map(|a| a.label(lang).to_string()).collect::<Vec<_>>(), lang);
        let real_of = |all: &[Area], real: &[Area], down: bool| -> String {
            let word = if down { lang.pick("daling", "fall") } else { lang.pick("stijging", "rise") };
            match (real.len(), nl) {
                (0, true) => format!("bij geen ervan is de {word} groter dan toeval"),
                (0, false) => format!("in none of them is the {word} larger than chance"),
                (k, true) if k == all.len() => format!("overal is de {word} groter dan toeval"),
                (k, false) if k == all.len() => format!("everywhere the {word} is larger than chance"),
                (_, true) => format!("alleen bij {} is de {word} groter dan toeval", areas(real)),
                (_, false) => format!("only in {} is the {word} larger than chance", areas(real)),
            }
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
                    format!(" {} {}", lang.pick("sinds", "since"), t.previous_year)
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
                    format!(" {} {}", lang.pick("sinds", "since"), ch.previous_year)
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
            let tested = if some_untested { lang.pick(" getoetste", " tested") } else { "" };
            return match (all.is_empty(), nl) {
                (true, true) => format!("Sinds {since} is geen{tested} lijn of aandachtsgebied aantoonbaar veranderd."),
                (true, false) => format!("Since {since} no{tested} line or area has changed beyond chance."),
                (false, true) => {
                    format!("Sinds {since} aantoonbaar veranderd: {}; de rest niet aantoonbaar.", join(&all, lang))
                }
                (false, false) => {
                    format!("Changed beyond chance since {since}: {}; the rest not clearly.", join(&all, lang))
                }
            };
        }
        let mut clauses: Vec<String> = whole
            .iter()
            .map(|((down, since, verdict), ls)| {
                let who = join(&ls.iter().map(|&l| line_name(l, lang)).collect::<Vec<_>>(), lang);
                let plural = ls.len() > 1;
                match (nl, down) {
                    (true, _) => format!(
                        "uw {who} {} in alle vier aandachtsgebieden {} dan in {since} ({verdict})",
                        if plural { "scoren" } else { "scoort" },
                        if *down { "lager" } else { "hoger" }
                    ),
                    (false, _) => format!(
                        "your {who} {} {} than in {since} in all four areas ({verdict})",
                        if plural { "score" } else { "scores" },
                        if *down { "lower" } else { "higher" }
                    ),
                }
            })
            .collect();
        if !real.is_empty() {
            clauses.push(if nl {
                format!("als geheel aantoonbaar veranderd: {}", join(&real, lang))
            } else {
                format!("changed beyond chance as a whole: {}", join(&real, lang))
            });
        }
        if !areas_real.is_empty() {
            clauses.push(if nl {
                format!("aantoonbaar veranderd in een aandachtsgebied: {}", join(&areas_real, lang))
            } else {
                format!("changed beyond chance in an area: {}", join(&areas_real, lang))
            });
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
    match (first, lang) {
        (Some((l, o)), Lang::Nl) => format!(
            "bij uw {} \"{}\": {} getoond van de {} met respondenten",
            line_name(l, lang),
            o.count(lang),
            o.shown,
            o.institutions
        ),
        (Some((l, o)), Lang::En) => format!(
            "for your {} \"{}\": {} shown of the {} with respondents",
            line_name(l, lang),
            o.count(lang),
            o.shown,
            o.institutions
        ),
        (None, Lang::Nl) => "\"N van M\": N getoond van de M met respondenten".into(),
        (None, Lang::En) => "\"N of M\": N shown of the M with respondents".into(),
    }
}

/// The "how to read" box of page 1, one paragraph per point: the two questions page 1
/// answers, each under its own name, and every abbreviation of the page. Its example
/// of a count is this portret's own ([`count_example`]).
pub fn how_to_read(facts: &Findings, lang: Lang, min_group_size: u64) -> Vec<String> {
    let example = count_example(facts, lang);
    match lang {
        Lang::Nl => vec![
            "Zo leest u dit portret".into(),
            "Scores van 0 tot 100: het gemiddelde antwoord (ja = 100, grotendeels = 66,7, enigszins = 33,3, nee = 0); n = aantal respondenten.".into(),
            format!("Positie onder de instellingen: een kwart van de instellingen scoort onder P25, de helft tussen P25 en P75 (de mediaan in het midden), een kwart boven P75, over de getoonde instellingen ({example}). Onder P25: laagste kwart; boven P75: hoogste kwart; anders: middelste helft."),
            "Verschil met de medewerkers van de sector: uw gemiddelde tegen dat van alle medewerkers van de andere instellingen (de kolom ervoor), getoetst op 95% en gecorrigeerd voor het aantal vergelijkingen. Geen aantoonbaar verschil betekent niet dat de scores gelijk zijn.".into(),
            "Verandering: sinds het vorige jaar van deelname, met het 95%-interval (de marge rond het verschil); aantoonbaar als het interval de 0 niet bevat.".into(),
            format!("<{min_group_size}: te weinig respondenten om te tonen; afgeschermd: verborgen om een kleine groep te beschermen."),
        ],
        Lang::En => vec![
            "How to read this portrait".into(),
            "Scores from 0 to 100: the mean answer (yes = 100, largely = 66.7, somewhat = 33.3, no = 0); n = number of respondents.".into(),
            format!("Position among the institutions: a quarter of the institutions score below P25, half between P25 and P75 (the median in the middle), a quarter above P75, over the institutions shown ({example}). Below P25: lowest quarter; above P75: highest quarter; otherwise: middle half."),
            "Difference from the sector's staff: your mean against that of all staff of the other institutions (the column before it), tested at 95% and corrected for the number of comparisons. No clear difference does not mean the scores are equal.".into(),
            "Change: since the previous year you took part, with its 95% interval (the margin around the difference); beyond chance where the interval excludes 0.".into(),
            format!("<{min_group_size}: too few respondents to show; protected: hidden to protect a small group."),
        ],
    }
}
