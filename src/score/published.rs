//! The read model score hands to report: a figure is either shown or hidden, and a
//! hidden figure cannot be read (SPEC §5). The value of a hidden figure is kept only
//! where its own institution may see it (a group hidden to protect another: its own
//! data, safe because the protection holds against every insider), behind a method
//! whose name says who may call it. No report code filters by habit.

/// Why a figure is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Why {
    /// Fewer respondents than `min_group_size`: shown as `<5`.
    Small,
    /// Hidden so that a small group cannot be worked back (complementary
    /// suppression): shown as `afgeschermd` / `protected`.
    Protects,
    /// A pooled figure over fewer than `min_institutions` institutions.
    FewInstitutions,
    /// A pooled figure hidden because protecting its small groups otherwise would hide
    /// more.
    ProtectsPooled,
    /// Spread and median that, with n and the mean, would give away every respondent's
    /// score (SPEC §5).
    Reconstructable,
}

impl Why {
    /// Primary suppression (the figure's own size) or secondary (to protect others).
    pub fn is_primary(self) -> bool {
        matches!(self, Why::Small | Why::FewInstitutions)
    }
}

/// A figure as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Published<T>(Inner<T>);

#[derive(Debug, Clone, PartialEq)]
enum Inner<T> {
    Shown(T),
    Hidden { why: Why, own: Option<T> },
}

impl<T> Published<T> {
    pub(crate) fn shown_value(v: T) -> Published<T> {
        Published(Inner::Shown(v))
    }

    /// Hidden; the value is kept for its own institution only where it was hidden to
    /// protect another group.
    pub(crate) fn hidden_value(why: Why, v: T) -> Published<T> {
        let own = (why == Why::Protects).then_some(v);
        Published(Inner::Hidden { why, own })
    }

    pub(crate) fn hidden(why: Why) -> Published<T> {
        Published(Inner::Hidden { why, own: None })
    }

    /// The figure, where it may be shown to everyone.
    pub fn shown(&self) -> Option<&T> {
        match &self.0 {
            Inner::Shown(v) => Some(v),
            Inner::Hidden { .. } => None,
        }
    }

    /// Why it is hidden, if it is.
    pub fn why_hidden(&self) -> Option<Why> {
        match &self.0 {
            Inner::Shown(_) => None,
            Inner::Hidden { why, .. } => Some(*why),
        }
    }

    pub fn is_hidden(&self) -> bool {
        self.why_hidden().is_some()
    }

    /// The figure as its own institution's portret may show it: shown, or hidden only
    /// to protect another group. Call this for the institution's own figures only.
    pub fn for_own_institution(&self) -> Option<&T> {
        match &self.0 {
            Inner::Shown(v) => Some(v),
            Inner::Hidden { own, .. } => own.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_figure_cannot_be_read_and_only_a_protector_keeps_its_own() {
        let small: Published<f64> = Published::hidden_value(Why::Small, 42.0);
        assert_eq!(small.shown(), None);
        assert_eq!(small.for_own_institution(), None, "a small group's figure stays hidden, even to itself");
        let protector: Published<f64> = Published::hidden_value(Why::Protects, 61.0);
        assert_eq!(protector.shown(), None);
        assert_eq!(protector.for_own_institution(), Some(&61.0));
        assert_eq!(protector.why_hidden(), Some(Why::Protects));
        assert!(Why::Small.is_primary() && !Why::Protects.is_primary());
    }
}
