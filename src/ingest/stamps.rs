//! The school year a survey tool's response stamp falls in (SPEC §3.5): a date-time
//! cell, a date serial or a date as the tools write it as text, read as the school year
//! (August–July) it belongs to, or nothing where day and month could be read either way
//! round and the two readings disagree.

use calamine::Data;

use crate::ingest::cell::date_text;
use crate::ingest::names::digits;

/// The school year (August–July, counted as its later calendar year) a survey tool's
/// response stamp falls in: a date-time cell, an ISO text, or text as the tools write it
/// (`3/4/24 9:12:31`, `2024/03/04 9:12:31 AM GMT+1`, `04-03-2024 09:12`). Where day and
/// month could be either way round and the two readings fall in different school
/// years, the stamp says nothing.
pub fn stamp_school_year(d: &Data) -> Option<u16> {
    let (y, m) = match d {
        Data::DateTime(dt) => serial_year_month(dt.as_f64())?,
        Data::Float(f) if (36_526.0..73_051.0).contains(f) => serial_year_month(*f)?,
        Data::Int(i) if (36_526..73_051).contains(i) => serial_year_month(*i as f64)?,
        Data::DateTimeIso(s) | Data::String(s) => return text_school_year(s),
        _ => return None,
    };
    in_range(y, m)
}

fn in_range(y: u32, m: u32) -> Option<u16> {
    let end = if m >= 8 { y + 1 } else { y };
    ((1..=12).contains(&m) && (2000..=2100).contains(&end)).then_some(end as u16)
}

fn serial_year_month(serial: f64) -> Option<(u32, u32)> {
    let t = date_text(serial);
    let y = t.get(0..4)?.parse().ok()?;
    let m = t.get(5..7)?.parse().ok()?;
    Some((y, m))
}

fn text_school_year(s: &str) -> Option<u16> {
    let date = s.split(|c: char| c.is_whitespace() || c == 'T').find(|p| p.contains(['/', '-', '.']))?;
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let (na, nb, nc) = (digits(a)?, digits(b)?, digits(c)?);
    if a.len() == 4 {
        return (1..=31).contains(&nc).then(|| in_range(na, nb)).flatten();
    }
    let year = match c.len() {
        4 => nc,
        2 => 2000 + nc,
        _ => return None,
    };
    // Day-month or month-day: both readings that are dates, and what they say.
    let readings: Vec<Option<u16>> = [(na, nb), (nb, na)]
        .into_iter()
        .filter(|&(d, m)| (1..=31).contains(&d) && (1..=12).contains(&m))
        .map(|(_, m)| in_range(year, m))
        .collect();
    match readings.as_slice() {
        [one] => *one,
        [x, y] if x == y => *x,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_stamp_gives_its_school_year() {
        // 45355 = 2024-03-04 → school year 2023-2024 → 2024; 45537 = 2024-09-02 → 2025.
        assert_eq!(stamp_school_year(&Data::Float(45355.4)), Some(2024));
        assert_eq!(stamp_school_year(&Data::Float(45537.0)), Some(2025));
        assert_eq!(stamp_school_year(&Data::String("2024/03/04 9:12:31 AM GMT+1".into())), Some(2024));
        assert_eq!(stamp_school_year(&Data::String("2024-09-04 09:12:31".into())), Some(2025));
        assert_eq!(stamp_school_year(&Data::DateTimeIso("2024-09-04T09:12:31".into())), Some(2025));
        // 3/4/24: 3 April or 4 March, both in school year 2023-2024.
        assert_eq!(stamp_school_year(&Data::String("3/4/24 9:12:31".into())), Some(2024));
        // 9/3/24: 3 September (2025) or 9 March (2024): says nothing.
        assert_eq!(stamp_school_year(&Data::String("9/3/24 9:12".into())), None);
        // 13/9/2024 can only be 13 September.
        assert_eq!(stamp_school_year(&Data::String("13-9-2024 10:00".into())), Some(2025));
        assert_eq!(stamp_school_year(&Data::String("anonymous".into())), None);
    }
}
