//! The results column's sections: their names in the section bar, their
//! fragments in the address (`#what-to-do`) and how the bar's keys move
//! between them. Pure, so it is tested natively.

/// One section of the results column. A new one is one more variant here,
/// in [`Section::ALL`], and one more panel in `ResultsSections`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Forecast,
    WhatToDo,
    Compare,
    /// "How good is this forecast?": the backtest on the imported history.
    Calibration,
}

impl Section {
    /// In the section bar's order.
    pub const ALL: [Section; 4] = [
        Section::Forecast,
        Section::WhatToDo,
        Section::Compare,
        Section::Calibration,
    ];

    /// Its fragment in the address, without `#`. None starts with `s`: a
    /// fragment starting with `s` is a share link (`app::startup`).
    pub fn fragment(self) -> &'static str {
        match self {
            Section::Forecast => "forecast",
            Section::WhatToDo => "what-to-do",
            Section::Compare => "compare",
            Section::Calibration => "calibration",
        }
    }

    /// Its tab's accessible name.
    pub fn label(self) -> &'static str {
        match self {
            Section::Forecast => "Forecast",
            Section::WhatToDo => "What to do",
            Section::Compare => "Compare",
            Section::Calibration => "Calibration",
        }
    }

    /// The section a fragment (with or without its `#`) names; anything else,
    /// a share link included, names none.
    pub fn from_fragment(fragment: &str) -> Option<Section> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        Section::ALL.into_iter().find(|s| s.fragment() == fragment)
    }

    /// Where a key pressed on this section's tab moves to (WAI-ARIA tabs:
    /// the arrows wrap around, Home and End go to the ends); None for other
    /// keys.
    pub fn after_key(self, key: &str) -> Option<Section> {
        let all = Section::ALL;
        let at = all.iter().position(|s| *s == self).unwrap_or(0);
        match key {
            "ArrowRight" => Some(all[(at + 1) % all.len()]),
            "ArrowLeft" => Some(all[(at + all.len() - 1) % all.len()]),
            "Home" => Some(all[0]),
            "End" => Some(all[all.len() - 1]),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_their_sections() {
        for s in Section::ALL {
            assert_eq!(Section::from_fragment(s.fragment()), Some(s));
            assert_eq!(
                Section::from_fragment(&format!("#{}", s.fragment())),
                Some(s)
            );
        }
        assert_eq!(Section::from_fragment(""), None);
        assert_eq!(Section::from_fragment("#"), None);
        assert_eq!(Section::from_fragment("#What-to-do"), None);
    }

    #[test]
    fn a_share_link_is_never_a_section() {
        for s in Section::ALL {
            assert!(
                !s.fragment().starts_with('s'),
                "{s:?} would read as a share link"
            );
        }
        assert_eq!(
            Section::from_fragment("#s1.eJyrVkrOTypNzMlPL0pVslIqLilKTSwpyM9TqgUAhO8J8A"),
            None
        );
        assert_eq!(Section::from_fragment("s1."), None);
    }

    #[test]
    fn arrows_wrap_and_home_end_go_to_the_ends() {
        use Section::*;
        assert_eq!(Forecast.after_key("ArrowRight"), Some(WhatToDo));
        assert_eq!(Compare.after_key("ArrowRight"), Some(Calibration));
        assert_eq!(Calibration.after_key("ArrowRight"), Some(Forecast));
        assert_eq!(Forecast.after_key("ArrowLeft"), Some(Calibration));
        assert_eq!(WhatToDo.after_key("ArrowLeft"), Some(Forecast));
        assert_eq!(WhatToDo.after_key("Home"), Some(Forecast));
        assert_eq!(WhatToDo.after_key("End"), Some(Calibration));
        assert_eq!(WhatToDo.after_key("Enter"), None);
        assert_eq!(WhatToDo.after_key("ArrowDown"), None);
    }
}
