//! The mystery slice: a trainer's guess-first switch. While it is on, the
//! forecast (the results column's numbers and distribution) and the
//! classroom's distribution stay hidden until Reveal; a new question (any
//! change to the scenario) hides them again. Kept for the visit only, not
//! saved: a reload shows the forecast, so nobody is left wondering where
//! the results went.

use super::{AppState, Step};

/// Whether the forecast is hidden for a guess-first demonstration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mystery {
    /// Mystery mode off: everything shows.
    #[default]
    Off,
    /// On, and the answer is hidden until Reveal.
    Hidden,
    /// On, and this scenario's answer has been revealed.
    Revealed,
}

impl Mystery {
    /// True while the answer is hidden.
    pub fn hides(self) -> bool {
        self == Mystery::Hidden
    }

    /// True while mystery mode is on (hidden or revealed).
    pub fn is_on(self) -> bool {
        self != Mystery::Off
    }
}

pub(super) fn set(s: &mut AppState, on: bool) -> Step {
    let next = if on { Mystery::Hidden } else { Mystery::Off };
    if s.mystery.is_on() == on {
        return Step::Same;
    }
    s.mystery = next;
    Step::Changed
}

pub(super) fn reveal(s: &mut AppState) -> Step {
    if !s.mystery.hides() {
        return Step::Same;
    }
    s.mystery = Mystery::Revealed;
    Step::Changed
}

/// After any action: a changed scenario is a new question, so a revealed
/// answer is hidden again.
pub(super) fn follow(before: &AppState, after: &mut AppState) {
    if after.mystery == Mystery::Revealed && before.scenario != after.scenario {
        after.mystery = Mystery::Hidden;
    }
}
