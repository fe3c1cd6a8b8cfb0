//! The peer group (SPEC §4): over whom a pooled cell is taken and among whom an
//! institution is ranked — the whole sector, or the institutions of one kind of
//! education (vo, mbo, hbo). It owns the group's code, its order and which
//! institutions it holds; the kind of an institution itself is ingest's
//! ([`Sector`], from the institutions file).

use std::fmt;

use crate::ingest::institutions::Sector;

/// The whole sector, or one kind of education. Ordered as every table lists them: the
/// whole sector first, then the kinds in their own order (vo, mbo, hbo); the read
/// model's pooled rows are sorted, and looked up, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeerGroup {
    /// Every institution, whatever its kind (and those of no known kind).
    Whole,
    /// The institutions of one kind.
    Sector(Sector),
}

impl PeerGroup {
    /// Every peer group, in order.
    pub const ALL: [PeerGroup; 4] = [
        PeerGroup::Whole,
        PeerGroup::Sector(Sector::Vo),
        PeerGroup::Sector(Sector::Mbo),
        PeerGroup::Sector(Sector::Hbo),
    ];

    /// The code the tables and the sector reference write (`peer_group`): `ALL` for the
    /// whole sector, else the kind's (`vo`, `mbo`, `hbo`).
    pub fn code(self) -> &'static str {
        match self {
            PeerGroup::Whole => "ALL",
            PeerGroup::Sector(s) => s.code(),
        }
    }

    /// A code as [`code`](Self::code) writes it (a kind also as [`Sector::parse`] reads
    /// it); none for anything else.
    pub fn parse(code: &str) -> Option<PeerGroup> {
        match code {
            "ALL" => Some(PeerGroup::Whole),
            other => Sector::parse(other).map(PeerGroup::Sector),
        }
    }

    /// The kind of education, where the group is one kind.
    pub fn sector(self) -> Option<Sector> {
        match self {
            PeerGroup::Whole => None,
            PeerGroup::Sector(s) => Some(s),
        }
    }

    /// Whether an institution of this kind (none: not known) belongs to the group.
    pub fn contains(self, kind: Option<Sector>) -> bool {
        match self {
            PeerGroup::Whole => true,
            PeerGroup::Sector(s) => kind == Some(s),
        }
    }

    /// The groups an institution of this kind is pooled into and ranked among: the
    /// whole sector, and its own kind's where that is known.
    pub fn of(kind: Option<Sector>) -> impl Iterator<Item = PeerGroup> + Clone {
        std::iter::once(PeerGroup::Whole).chain(kind.map(PeerGroup::Sector))
    }
}

impl From<Sector> for PeerGroup {
    fn from(s: Sector) -> PeerGroup {
        PeerGroup::Sector(s)
    }
}

/// A kind as the reports hold it, where none stands for the whole sector: the pooled
/// look-ups (`Scores::sector`, `Scores::sector_change`) take either form.
impl From<Option<Sector>> for PeerGroup {
    fn from(s: Option<Sector>) -> PeerGroup {
        s.map_or(PeerGroup::Whole, PeerGroup::Sector)
    }
}

impl fmt::Display for PeerGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_sector_comes_first_then_the_kinds_in_their_order() {
        let mut v = vec![
            PeerGroup::Sector(Sector::Hbo),
            PeerGroup::Sector(Sector::Vo),
            PeerGroup::Whole,
            PeerGroup::Sector(Sector::Mbo),
        ];
        v.sort();
        assert_eq!(v, PeerGroup::ALL);
        // The order a `None`-first `Option<Sector>` had: the tables keep their row order.
        let before: Vec<Option<Sector>> = vec![None, Some(Sector::Vo), Some(Sector::Mbo), Some(Sector::Hbo)];
        assert_eq!(v.iter().map(|p| p.sector()).collect::<Vec<_>>(), before);
    }

    #[test]
    fn a_peer_group_is_written_as_the_tables_write_it_and_read_back() {
        let codes: Vec<&str> = PeerGroup::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes, ["ALL", "vo", "mbo", "hbo"]);
        for p in PeerGroup::ALL {
            assert_eq!(PeerGroup::parse(p.code()), Some(p));
            assert_eq!(p.to_string(), p.code());
        }
        assert_eq!(PeerGroup::parse("middelbaar beroepsonderwijs"), Some(PeerGroup::Sector(Sector::Mbo)));
        // `all` is no code: the whole sector is written in capitals only.
        assert_eq!(PeerGroup::parse("all"), None);
        assert_eq!(PeerGroup::parse("wo"), None);
    }

    #[test]
    fn an_institution_is_pooled_into_the_whole_sector_and_its_own_kind_only() {
        let mbo = Some(Sector::Mbo);
        assert_eq!(PeerGroup::of(mbo).collect::<Vec<_>>(), [PeerGroup::Whole, PeerGroup::Sector(Sector::Mbo)]);
        // Of no known kind: the whole sector only.
        assert_eq!(PeerGroup::of(None).collect::<Vec<_>>(), [PeerGroup::Whole]);
        for p in PeerGroup::ALL {
            assert_eq!(p.contains(mbo), PeerGroup::of(mbo).any(|q| q == p), "{p}");
            assert_eq!(p.contains(None), p == PeerGroup::Whole, "{p}");
        }
        assert_eq!(PeerGroup::from(None), PeerGroup::Whole);
        assert_eq!(PeerGroup::from(Some(Sector::Vo)), PeerGroup::from(Sector::Vo));
    }
}
